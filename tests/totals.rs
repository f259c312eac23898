//! The totals of an estimate add up exactly the programmes the registry lists for each
//! (`registry::TOTALS`, which the TypeScript declarations repeat): over every household of the
//! golden cases, no programme adds to a total it is not listed under, and every programme listed
//! under a total adds to it in some household.

use std::collections::BTreeSet;

use serde_json::Value;
use zhenxing::base::money::Money;
use zhenxing::programs::registry::TOTALS;
use zhenxing::programs::Amounts;
use zhenxing::Engine;

#[path = "common/golden.rs"]
mod golden;

/// The part of a programme's amounts that goes into each total.
fn part(a: &Amounts, total: &str) -> Money {
    match total {
        "totalMonthly" => a.cash_monthly,
        "totalAnnual" => a.cash_annual,
        "totalOneOff" => a.one_off,
        "totalOnBehalf" => a.other_annual,
        "totalEarnings" => a.earnings_annual,
        other => panic!("no total {other}"),
    }
}

#[test]
fn each_total_adds_up_exactly_the_programmes_the_registry_lists() {
    let engine = Engine::new().unwrap();
    let mut seen: BTreeSet<(&str, String)> = BTreeSet::new();
    let mut estimates = 0;
    for (h, as_of, overrides) in golden::households() {
        let engine = match overrides {
            Value::Null => engine.clone(),
            o => engine
                .with_overrides(&zhenxing::input::parse(&o.to_string(), "o").unwrap())
                .unwrap(),
        };
        let text = h.to_string();
        let node = zhenxing::input::parse(&text, "h").unwrap();
        let Ok(household) = engine.read_household(&node, &as_of) else {
            continue;
        };
        let Ok(estimate) = engine.estimate(&household, &as_of) else {
            continue;
        };
        estimates += 1;
        for result in &estimate.programs {
            let amounts = result.amounts().unwrap();
            for (total, listed) in TOTALS {
                let amount = part(&amounts, total);
                if amount.is_zero() {
                    continue;
                }
                assert!(
                    listed.contains(&result.id()),
                    "{} adds {amount} to {total} for {h}, but the registry does not list it there",
                    result.id()
                );
                seen.insert((total, result.id().to_string()));
            }
        }
    }
    assert!(estimates > 100, "only {estimates} households estimated");
    for (total, ids) in TOTALS {
        for id in *ids {
            assert!(
                seen.contains(&(*total, id.to_string())),
                "no golden household has {id} adding to {total}: list it only if it can"
            );
        }
    }
}
