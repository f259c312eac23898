//! The ledger summed up (二(四)): by class, by village and in all, with its words.

use super::{
    ApprovalLimits, AssetClass, AssetLedger, ClassTotals, LedgerCounts, LedgerItem, LedgerTotals,
    VillageTotals, NO_VILLAGE,
};
use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::params::Reader;
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;
use crate::programs::county::Trace;
use crate::programs::transition::RegionRef;

/// The ledger's totals and words, from its items.
pub(super) fn summarise(
    items: Vec<LedgerItem>,
    limits: Option<ApprovalLimits>,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<AssetLedger> {
    let mut by_class: Vec<ClassTotals> = AssetClass::ALL
        .iter()
        .map(|c| ClassTotals {
            class: *c,
            label: c.label(),
            counts: LedgerCounts::default(),
        })
        .collect();
    let mut by_village: Vec<VillageTotals> = Vec::new();
    let mut totals = LedgerTotals::default();
    let (mut citations, mut assumptions) = (Citations::of(&["二(四)"]), Assumptions::default());
    for item in &items {
        totals.rows = totals.rows.saturating_add(1);
        let LedgerItem::Ok { asset: a, .. } = item else {
            totals.errors = totals.errors.saturating_add(1);
            continue;
        };
        totals.counts.add(a)?;
        if let Some(c) = by_class.iter_mut().find(|c| c.class == a.class) {
            c.counts.add(a)?;
        }
        let village = a.village.as_deref().unwrap_or(NO_VILLAGE);
        match by_village.iter_mut().find(|v| v.village == village) {
            Some(v) => v.counts.add(a)?,
            None => {
                let mut v = VillageTotals {
                    village: village.to_string(),
                    counts: LedgerCounts::default(),
                };
                v.counts.add(a)?;
                by_village.push(v);
            }
        }
        a.citations.iter().for_each(|c| citations.add(c));
        assumptions.extend(a.assumptions);
    }
    let mut words = Explanation::default();
    if explain {
        explain_ledger(&totals, limits, &mut words);
    }
    Ok(AssetLedger {
        as_of: format_date(reader.on()),
        region: reader.region().map(RegionRef::from),
        items,
        by_class,
        by_village,
        totals,
        approval_limits: limits,
        trace: Trace::new(words, citations, assumptions, reader),
    })
}

fn explain_ledger(t: &LedgerTotals, limits: Option<ApprovalLimits>, e: &mut Explanation) {
    let c = &t.counts;
    e.step(
        rules::ASSETS_SUMMARY,
        format!(
            "台账 {} 行：资产 {} 项，账面价值合计 {} 元，年收益合计 {} 元，已计划用途 {} 元；{} 行有误。",
            t.rows, c.assets, c.value, c.annual_income, c.planned, t.errors
        ),
        Some(c.value.to_fen_string()),
    );
    if let Some(l) = limits {
        e.step(
            rules::ASSETS_DISPOSAL_APPROVAL,
            format!(
                "处置审批层级：账面价值不超过 {} 元由乡镇审批，不超过 {} 元由县级行业主管部门会同财政部门审批，超过的报县级人民政府。",
                l.township, l.county_department
            ),
            None,
        );
    }
    e.reason(format!(
        "资产 {} 项：处置 {} 项，其中 {} 项缺少审批；{} 项资产有需处理的问题；{} 行有误。",
        c.assets, c.disposals, c.disposals_blocked, c.with_findings, t.errors
    ));
}
