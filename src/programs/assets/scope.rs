//! Whether an asset is a 扶贫项目资产 (二(四): formed with 财政专项扶贫资金 or 贫困县涉农整合资金), and
//! an integrated-fund asset formed after the pilot years (六(十六)).

use super::Work;
use chrono::NaiveDate;

use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::input::county::{label_of, AssetInput, FundingSource, FUNDING_SOURCES};
use crate::params::{catalogue as p, Reader};
use crate::policy::rules;
use crate::programs::transition;

/// Whether the funds make it a 扶贫项目资产, and an integrated-fund asset formed after the pilot.
pub(super) fn scope(a: &AssetInput, reader: &mut Reader<'_>, w: &mut Work) -> Result<bool> {
    use FundingSource::*;
    let funds = label_of(FUNDING_SOURCES, a.funding_source);
    // Read for the funds of the ledger only (as before: other funds need no year).
    let (from, first) = match a.funding_source {
        Other => (NaiveDate::MIN, 0),
        _ => {
            let from = reader.date(&p::ASSETS_SCOPE_FROM)?;
            (
                from,
                u32::try_from(chrono::Datelike::year(&from)).unwrap_or(0),
            )
        }
    };
    // Funds of the ledger, but formed before the scope's year: not put in it (the next step).
    let (put_in, also) = if a.year < first {
        (
            "但形成年度早于范围，不纳入台账",
            "但形成年度早于范围，不纳入台账",
        )
    } else {
        ("纳入扶贫项目资产台账", "同样纳入扶贫项目资产管理")
    };
    let in_scope = match a.funding_source {
        SpecialFund | IntegratedFund => {
            w.step(rules::ASSETS_SCOPE, || {
                format!("{funds}形成的资产，{put_in}。")
            });
            true
        }
        LinkageFund | Bond | Collaboration | Donation => {
            w.step(rules::ASSETS_SCOPE_DOCUMENT, || {
                format!("{funds}形成的资产，按国办函〔2021〕51号{also}。")
            });
            true
        }
        Other => {
            w.finding(
                "outOfScope",
                "二(四)",
                "资金来源为“其他资金”，不属于扶贫项目资产：请核实资金来源，或移出本台账。".into(),
            );
            false
        }
    };
    let in_scope = in_scope && formed_in_scope(a, (from, first), w);
    if a.funding_source == IntegratedFund {
        integrated_in_county(reader, w);
        let start = reader.date(&p::TRANSITION_START)?;
        let (years, until) = transition::pilot_end(reader, start)?;
        let last_year = u32::try_from(chrono::Datelike::year(&until)).unwrap_or(0);
        if a.year > last_year {
            w.finding(
                "pilotFundsAfterPilot",
                "六(十六)",
                format!(
                    "登记为统筹整合资金，但形成于 {} 年：涉农资金统筹整合试点只在过渡期前{years}年（至 {}），请核实资金来源。",
                    a.year,
                    format_date(until)
                ),
            );
        }
    }
    Ok(in_scope)
}

/// Formed since 党的十八大 (国办函〔2021〕51号三(一), as reported: rule `assets.scopeYear`): a year
/// before it is out of scope, with a step and a finding citing that document; its own year is
/// counted in (rule `assets.scopeYear2012`: the ledger has no month).
fn formed_in_scope(a: &AssetInput, (from, first): (NaiveDate, u32), w: &mut Work) -> bool {
    if a.year < first {
        let said = format!(
            "形成于 {} 年，早于党的十八大（{}）：不属于扶贫项目资产",
            a.year,
            format_date(from)
        );
        w.step(rules::ASSETS_SCOPE_YEAR, || format!("{said}。"));
        w.finding(
            "formedBeforeScope",
            rules::ASSETS_SCOPE_YEAR.citation(),
            format!("{said}，请移出本台账或核实形成年度。"),
        );
        return false;
    }
    if a.year == first {
        w.assumptions.add(rules::ASSETS_SCOPE_YEAR2012);
        w.step(rules::ASSETS_SCOPE_YEAR2012, || {
            format!("形成于 {first} 年：党的十八大当年，台账只有年度，按在范围内计。")
        });
    }
    true
}

/// 统筹整合 funds are for poverty counties only: in a county that never was one, a finding.
fn integrated_in_county(reader: &Reader<'_>, w: &mut Work) {
    let Some(county) = reader
        .region()
        .filter(|r| r.level() == crate::params::Level::County)
    else {
        return;
    };
    if !county.alleviated_county {
        w.finding(
            "integratedFundNotAlleviatedCounty",
            "六(十六)",
            format!(
                "登记为统筹整合资金，但{}不是脱贫县：涉农资金统筹整合试点只在贫困县（脱贫县）实行，请核实资金来源。",
                county.name
            ),
        );
    }
}
