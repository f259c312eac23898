//! A proposed 转让、置换、报损、报废 (二(四)): who must approve it at its book value, whether it has
//! those approvals, and whether a transfer or exchange is priced below book value.

use super::{ApprovalLimits, AssetClass, DisposalResult, Work};
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::Money;
use crate::input::county::{
    label_of, Approval, AssetInput, DisposalType, OwnerLevel, APPROVALS, DISPOSAL_TYPES,
};
use crate::params::{catalogue as p, Reader};
use crate::policy::rules;

/// The approval limits, read once per ledger (and checked to be in order).
fn approval_limits(
    reader: &mut Reader<'_>,
    limits: &mut Option<ApprovalLimits>,
) -> Result<ApprovalLimits> {
    if let Some(l) = limits {
        return Ok(*l);
    }
    let township = reader.value(&p::ASSETS_DISPOSAL_TOWNSHIP_LIMIT)?;
    let county = reader.value(&p::ASSETS_DISPOSAL_COUNTY_DEPARTMENT_LIMIT)?;
    let placeholder = |v: &crate::params::DatedValue| {
        v.status == crate::params::Status::Illustrative && !v.is_what_if()
    };
    let l = ApprovalLimits {
        township: reader.money(&p::ASSETS_DISPOSAL_TOWNSHIP_LIMIT)?,
        county_department: reader.money(&p::ASSETS_DISPOSAL_COUNTY_DEPARTMENT_LIMIT)?,
        status: if placeholder(township) || placeholder(county) {
            "示意限额，须按本县规定替换"
        } else {
            "限额见参数"
        },
    };
    if l.township > l.county_department {
        return Err(PolicyError::new(
            ErrorCode::InvalidParameters,
            p::ASSETS_DISPOSAL_TOWNSHIP_LIMIT.name,
            format!(
                "乡镇审批限额 {} 元高于县级部门审批限额 {} 元",
                l.township, l.county_department
            ),
        ));
    }
    *limits = Some(l);
    Ok(l)
}

/// The approvals a disposal needs: a village meeting for a village's asset, then every level from
/// the owner's up to the one its book value calls for.
fn required(
    owner: OwnerLevel,
    value: Money,
    l: ApprovalLimits,
) -> (Option<Approval>, Vec<Approval>) {
    let floor = match owner {
        OwnerLevel::Household => return (None, Vec::new()),
        OwnerLevel::Village | OwnerLevel::Township => Approval::Township,
        OwnerLevel::County => Approval::CountyDepartment,
    };
    let by_value = if value <= l.township {
        Approval::Township
    } else if value <= l.county_department {
        Approval::CountyDepartment
    } else {
        Approval::CountyGovernment
    };
    let authority = floor.max(by_value);
    let mut chain: Vec<Approval> = [
        Approval::Township,
        Approval::CountyDepartment,
        Approval::CountyGovernment,
    ]
    .into_iter()
    .filter(|a| floor <= *a && *a <= authority)
    .collect();
    if owner == OwnerLevel::Village {
        chain.insert(0, Approval::VillageMeeting);
    }
    (Some(authority), chain)
}

pub(super) fn dispose(
    a: &AssetInput,
    d: &crate::input::county::DisposalInput,
    class: AssetClass,
    reader: &mut Reader<'_>,
    limits: &mut Option<ApprovalLimits>,
    w: &mut Work,
) -> Result<DisposalResult> {
    let label = label_of(DISPOSAL_TYPES, d.kind);
    let (authority, required, limit) = if a.owner_level == OwnerLevel::Household {
        w.step(rules::ASSETS_HOUSEHOLD, || {
            format!("{label}：资产归农户所有，由农户自行处置，不需村、乡、县审批。")
        });
        (None, Vec::new(), String::new())
    } else {
        let l = approval_limits(reader, limits)?;
        w.assumptions.add(rules::ASSETS_DISPOSAL_APPROVAL);
        let (authority, required) = required(a.owner_level, a.value, l);
        (authority, required, limit_used(a, l))
    };
    let missing: Vec<Approval> = required
        .iter()
        .copied()
        .filter(|r| !d.approvals.contains(r))
        .collect();
    let names = |v: &[Approval]| -> String {
        v.iter()
            .map(|x| label_of(APPROVALS, *x))
            .collect::<Vec<_>>()
            .join("、")
    };
    if let Some(auth) = authority {
        let (need, lacking) = (names(&required), names(&missing));
        w.step(rules::ASSETS_DISPOSAL, || {
            format!(
                "{}{label}，账面价值 {} 元{limit}：须经{need}，由{}审批；{}。",
                class.label(),
                a.value,
                label_of(APPROVALS, auth),
                if lacking.is_empty() {
                    "审批环节齐全".to_string()
                } else {
                    format!("尚缺{lacking}")
                }
            )
        });
    }
    if !missing.is_empty() {
        w.finding(
            "disposalMissingApproval",
            "二(四)",
            format!("{label}尚缺{}，不得处置。", names(&missing)),
        );
    }
    let below_value = price_test(a, d, label, w);
    Ok(DisposalResult {
        kind: d.kind,
        label,
        price: d.price,
        authority,
        allowed: missing.is_empty(),
        required,
        missing,
        below_value,
    })
}

/// The limit the book value was held to, in words, and what the limits are: `（乡镇审批限额
/// 50000.00 元以内，示意限额）`; a county's asset starts at the county department whatever its value.
fn limit_used(a: &AssetInput, l: ApprovalLimits) -> String {
    let (t, c) = (l.township, l.county_department);
    let (what, limit, side) = if a.value <= t {
        ("乡镇", t, "以内")
    } else if a.value <= c {
        ("县级部门", c, "以内")
    } else {
        ("县级部门", c, "以上")
    };
    format!("（{what}审批限额 {limit} 元{side}，{}）", l.status)
}

/// A transfer or exchange of a collective or state asset priced below its book value (资产流失).
fn price_test(
    a: &AssetInput,
    d: &crate::input::county::DisposalInput,
    label: &'static str,
    w: &mut Work,
) -> bool {
    // A household's own asset is the household's to sell: no price test.
    let priced = matches!(d.kind, DisposalType::Transfer | DisposalType::Exchange)
        && a.owner_level != OwnerLevel::Household;
    let below_value = priced && d.price.is_some_and(|p| p < a.value);
    if let (true, Some(price)) = (priced, d.price) {
        w.assumptions.add(rules::ASSETS_DISPOSAL_VALUE);
        w.step(rules::ASSETS_DISPOSAL_VALUE, || {
            format!(
                "{label}价格 {price} 元{}账面价值 {} 元。",
                if below_value { "低于" } else { "不低于" },
                a.value
            )
        });
    }
    if let (true, Some(price)) = (below_value, d.price) {
        w.finding(
            "disposalBelowValue",
            "二(四)",
            format!(
                "{label}价格 {price} 元低于账面价值 {} 元：防止资产流失，须有资产评估依据。",
                a.value
            ),
        );
    }
    below_value
}
