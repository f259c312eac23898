//! Invariants that must hold for every input, checked over generated ones (proptest).

use proptest::prelude::*;
use serde_json::json;
use zhenxing::base::json::Node;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::requests::{
    CurveOptions, GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest,
    WorkReliefProject,
};
use zhenxing::{Engine, PolicyError};

#[path = "common/citations.rs"]
mod citations;

/// Read a JSON value with one of the engine's strict readers, as the bindings do.
fn read<T>(
    v: &serde_json::Value,
    reader: impl FnOnce(&Node<'_>) -> Result<T, PolicyError>,
) -> Result<T, PolicyError> {
    let text = v.to_string();
    reader(&zhenxing::input::parse(&text, "input")?)
}

fn with_overrides(e: &Engine, v: &serde_json::Value) -> Result<Engine, PolicyError> {
    read(v, |n| e.with_overrides(n))
}

fn household_of(v: &serde_json::Value) -> Result<HouseholdInput, PolicyError> {
    read(v, HouseholdInput::read)
}

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("default parameters load"))
}

/// Money in fen, as a two-place decimal string.
fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

fn fen(s: &str) -> i128 {
    let (y, f) = s.split_once('.').expect("two places");
    y.parse::<i128>().unwrap() * 100
        + f.parse::<i128>().unwrap() * if y.starts_with('-') { -1 } else { 1 }
}

const GROUPS: [&str; 6] = [
    "general",
    "alleviated",
    "monitored",
    "returned",
    "dibao",
    "tekun",
];
const LEVELS: [&str; 4] = ["township", "county", "city", "province"];
const DATES: [&str; 4] = ["2021-06-01", "2023-06-01", "2025-12-01", "2026-06-01"];

fn bill() -> impl Strategy<Value = (usize, u64, u64, u64, u64, u64, usize)> {
    (
        0..4usize,
        0..60_000_000u64,
        0..=100u64,
        0..20_000_000u64,
        0..4_000_000u64,
        0..3_000_000u64,
        0..4usize,
    )
}

fn claim(
    group: &str,
    level: usize,
    total: u64,
    in_pct: u64,
    basic_paid: u64,
    assist_paid: u64,
    burden: u64,
) -> serde_json::Value {
    let in_policy = total * in_pct / 100;
    json!({
        "region": "230129", "group": group, "hospitalLevel": LEVELS[level],
        "total": yuan(total), "inPolicy": yuan(in_policy),
        "paidThisYear": { "basic": yuan(basic_paid), "assistance": yuan(assist_paid) },
        "burdenThisYear": yuan(burden),
    })
}

/// Medical parameters anywhere in their valid ranges (rates and shares of a bill in [0, 1], money
/// not negative), as a portal's careless file or a what-if might set them.
fn medical_parameters() -> impl Strategy<Value = serde_json::Value> {
    let rate = || (0..=100u32).prop_map(|p| format!("{}", f64::from(p) / 100.0));
    let money = || (0..200_000u64).prop_map(yuan);
    (
        (rate(), rate(), rate(), rate(), rate()),
        (rate(), rate(), rate(), rate(), rate(), rate()),
        (money(), money(), money(), money(), money()),
    )
        .prop_map(|((b1, b2, b3, b4, c1), (c2, f, bonus, a1, a2, a3), (d1, d2, d3, cap, threshold))| {
            json!({
                "medical.basic.rate.township": b1, "medical.basic.rate.county": b2,
                "medical.basic.rate.city": b3, "medical.basic.rate.province": b4,
                "medical.criticalIllness.rate": c1, "medical.criticalIllness.highRate": c2,
                "medical.criticalIllness.tiltDeductibleFactor": f, "medical.criticalIllness.tiltRateBonus": bonus,
                "medical.assistance.rate": a1, "medical.assistance.rate.tekun": a2, "medical.assistance.rate.monitored": a3,
                "medical.basic.deductible.county": d1, "medical.criticalIllness.deductible": d2,
                "medical.basic.annualCap": d3, "medical.assistance.annualCap": cap,
                "medical.criticalIllness.bandThreshold": threshold,
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever valid parameters a portal sets, every part of a bill is between zero and what is
    /// left of it, and the parts add up to the bill.
    #[test]
    fn medical_parts_add_up_under_any_valid_parameters(params in medical_parameters(), (level, total, in_pct, basic_paid, assist_paid, burden, d) in bill(), g in 0..6usize) {
        let e = with_overrides(engine(), &params).unwrap();
        let r = e.medical(&read(&claim(GROUPS[g], level, total, in_pct, basic_paid, assist_paid, burden), MedicalClaim::read).unwrap(), DATES[d], true).unwrap();
        let parts = [&r.basic, &r.critical, &r.assistance, &r.patient].map(|m| fen(&m.to_fen_string()));
        prop_assert!(parts.iter().all(|p| *p >= 0), "{parts:?} with {params}");
        prop_assert_eq!(parts.iter().sum::<i128>(), total as i128);
    }

    /// The three tiers and the patient add up to the bill to the fen, and none is negative.
    #[test]
    fn medical_parts_add_up((level, total, in_pct, basic_paid, assist_paid, burden, d) in bill(), g in 0..6usize) {
        let r = engine().medical(&read(&claim(GROUPS[g], level, total, in_pct, basic_paid, assist_paid, burden), MedicalClaim::read).unwrap(), DATES[d], true).unwrap();
        let parts = [&r.basic, &r.critical, &r.assistance, &r.patient].map(|m| fen(&m.to_fen_string()));
        prop_assert!(parts.iter().all(|p| *p >= 0), "{parts:?}");
        prop_assert_eq!(parts.iter().sum::<i128>(), total as i128);
    }

    /// For the same bill, a more protected group never pays more out of pocket.
    #[test]
    fn more_protection_never_costs_more((level, total, in_pct, basic_paid, assist_paid, burden, d) in bill()) {
        let pays: Vec<i128> = GROUPS.iter().map(|g| {
            let r = engine().medical(&read(&claim(g, level, total, in_pct, basic_paid, assist_paid, burden), MedicalClaim::read).unwrap(), DATES[d], true).unwrap();
            fen(&r.patient.to_fen_string())
        }).collect();
        for w in pays.windows(2) {
            prop_assert!(w[1] <= w[0], "{:?} (general, alleviated, monitored, returned, dibao, tekun)", pays);
        }
    }

    /// The interest subsidy never exceeds the interest, and the borrower never pays a negative amount.
    #[test]
    fn subsidy_never_exceeds_interest(amount in 0..10_000_000u64, years in 1..=5u32, rate_bp in 0..800u32, share_pct in 0..=100u32, s in 0..3usize, d in 0..4usize) {
        let status = ["general", "alleviated", "monitored"][s];
        let e = with_overrides(engine(), &json!({ "credit.microcredit.subsidyShareOfLpr": format!("{}", share_pct as f64 / 100.0) })).unwrap();
        let req = json!({ "region": "230129", "status": status, "amount": yuan(amount), "termYears": years, "rate": format!("0.{:04}", rate_bp) });
        let r = e.microcredit(&read(&req, MicrocreditRequest::read).unwrap(), DATES[d], true).unwrap();
        let (interest, subsidy, borrower) = (fen(&r.interest.to_fen_string()), fen(&r.subsidy.to_fen_string()), fen(&r.borrower_interest.to_fen_string()));
        prop_assert!(subsidy <= interest);
        prop_assert!(subsidy >= 0 && borrower >= 0);
        prop_assert_eq!(interest, subsidy + borrower);
    }
}

/// No field of `v` that reads as money (`"-12.30"`) is negative. The words (`steps`, `reasons`,
/// `facts`) are left out: a step may show a balance, such as income less rigid spending.
fn no_negative_amount(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => {
            !(s.starts_with('-') && s.split_once('.').is_some_and(|(_, f)| f.len() == 2))
        }
        serde_json::Value::Array(items) => items.iter().all(no_negative_amount),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "steps" | "reasons" | "facts"))
            .all(|(_, v)| no_negative_amount(v)),
        _ => true,
    }
}

/// A generated household: 1-6 members of any age, incomes, statuses, events and flags.
fn household() -> impl Strategy<Value = serde_json::Value> {
    // The inputs of the household provisions: insured, a child's care, the kind of disability, a
    // health exemption from school (each sometimes absent).
    let provisions = (0..3usize, 0..5usize, 0..10usize, 0..3usize);
    let member = (1930..=2020i32, 0..5u8, any::<bool>(), 0..4usize, any::<bool>(), 0..3_000_000u64, 0..8usize, any::<bool>(), 0..4usize, provisions).prop_map(
        |(year, grade, ill, cap, supporter, wages, school, boarding, care, (insured, orphan, kind, exempt))| {
            let mut m = json!({ "birthDate": format!("{year}-03-15"), "seriousIllness": ill, "hasSupporter": supporter, "wages": yuan(wages), "boarding": boarding });
            if grade > 0 { m["disabilityGrade"] = json!(grade); }
            let capacity = ["full", "partial", "none"];
            let schooling = ["preschool", "primary", "junior", "senior", "vocational", "higherVocational", "college"];
            if cap < 3 { m["laborCapacity"] = json!(capacity[cap]); }
            if care < 3 { m["selfCare"] = json!(capacity[care]); }
            if school < 7 { m["schooling"] = json!(schooling[school]); }
            if insured < 2 { m["insured"] = json!(insured == 1); }
            let cares = ["orphanInstitution", "orphanDispersed", "defactoUnsupported"];
            if orphan < 3 { m["care"] = json!(cares[orphan]); }
            let kinds = ["visual", "hearing", "speech", "physical", "intellectual", "mental", "autism", "multiple"];
            if kind < 8 { m["disabilityType"] = json!(kinds[kind]); }
            if exempt < 2 { m["healthExemptFromSchool"] = json!(exempt == 1); }
            m
        },
    );
    let regions = ["230129", "230102", "230113", "230221", "230183"];
    (prop::collection::vec(member, 1..6), 0..5usize, any::<bool>(), 0..4usize, 0..5_000_000u64, 0..5_000_000u64, 0..8usize, any::<bool>(), (any::<bool>(), 0..2_000_000u64), (0..5usize, 0..4usize, any::<bool>(), any::<bool>(), 0..60u32))
        .prop_map(move |(members, r, urban, status, other, rigid, events, assets, (on_dibao, exempt), (appraisal, category, housing, water, stable))| {
            let ev = [vec![], vec!["illness"], vec!["disaster"], vec!["accident"], vec!["familyChange"], vec!["illness", "disaster"], vec![], vec![]][events].clone();
            let status = ["general", "alleviated", "monitored", "returned"][status];
            let area = if urban { "urban" } else { "rural" };
            let mut h = json!({
                "region": regions[r], "area": area, "status": status,
                "members": members, "income": { "business": yuan(other / 2), "transfer": yuan(other / 2), "exempt": yuan(exempt) }, "rigidSpending": yuan(rigid),
                "events": ev, "assetTestPassed": assets, "onDibao": on_dibao, "lastYearIncome": yuan(other * 2),
                "guarantees": { "housing": housing, "water": water }, "stableIncomeMonths": stable,
            });
            let grades = ["A", "B", "C", "D"];
            if appraisal < 4 { h["housing"] = json!({ "appraisal": grades[appraisal] }); }
            if category < 3 && (status == "monitored" || status == "returned") {
                let categories = ["unstable", "marginal", "suddenHardship"];
                h["monitoringCategory"] = json!(categories[category]);
            }
            h
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Inside an estimate every programme gives what it gives alone, and the totals are the sums.
    #[test]
    fn estimate_is_the_programmes_added_up(h in household(), d in 0..4usize) {
        let e = engine();
        let input = household_of(&h).unwrap();
        let est = e.estimate(&input, DATES[d]).unwrap();
        // Every programme of the registry, run alone by its id.
        for inside in &est.programs {
            let alone = e.programme(inside.id(), &input, DATES[d], true).unwrap().unwrap();
            // Alone, a result lists what it rested on; inside, the estimate lists it, used by it.
            let mut alone = serde_json::to_value(alone).unwrap();
            let listed = ["unofficial", "stale", "assumptions"].map(|k| alone.as_object_mut().unwrap().remove(k).unwrap());
            prop_assert_eq!(serde_json::to_value(inside).unwrap(), alone);
            let whole = serde_json::to_value(&est).unwrap();
            for (k, key) in [("unofficial", "parameter"), ("stale", "parameter"), ("assumptions", "rule")].iter().enumerate() {
                for item in listed[k].as_array().unwrap() {
                    let name = if item.is_string() { item.clone() } else { item[key.1].clone() };
                    let entry = whole[key.0].as_array().unwrap().iter().find(|x| x[key.1] == name);
                    prop_assert!(entry.is_some_and(|x| x["usedBy"].as_array().unwrap().iter().any(|p| p == inside.id())), "{} {} of {}", key.0, name, inside.id());
                }
            }
        }
        prop_assert_eq!(est.programs.len(), zhenxing::programs::registry::PROGRAMMES.len());
        prop_assert_eq!(serde_json::to_value(&est.monitoring).unwrap(), { let mut m = serde_json::to_value(e.monitoring(&input, DATES[d], true).unwrap()).unwrap(); for k in ["unofficial", "stale", "assumptions"] { m.as_object_mut().unwrap().remove(k); } m });
        let sum = |f: fn(&zhenxing::estimate::Contribution) -> zhenxing::base::money::Money| -> i128 {
            est.contributions.iter().map(|c| fen(&f(c).to_fen_string())).sum()
        };
        prop_assert_eq!(sum(|c| c.cash_annual), fen(&est.total_annual.to_fen_string()));
        prop_assert_eq!(sum(|c| c.other_annual), fen(&est.total_on_behalf.to_fen_string()));
        prop_assert_eq!(sum(|c| c.earnings_annual), fen(&est.total_earnings.to_fen_string()));
        prop_assert!(est.contributions.iter().all(|c| !c.cash_annual.is_negative() && !c.other_annual.is_negative() && !c.earnings_annual.is_negative()));
        // Every alert is a known one, names members of the household, and is raised once.
        let labels = zhenxing::estimate::labels::labels();
        let members: Vec<String> = est.programs.iter().find_map(|p| match p {
            zhenxing::programs::registry::ProgrammeOutcome::MedicalPremium(r) => Some(r.members.iter().map(|m| m.member.to_string()).collect()),
            _ => None,
        }).unwrap();
        for (i, a) in est.alerts.iter().enumerate() {
            prop_assert!(labels.alert.get(a.id).is_some(), "{}", a.id);
            prop_assert!(!a.members.is_empty() && a.members.iter().all(|m| members.contains(m)), "{:?}", a);
            prop_assert!(est.alerts[..i].iter().all(|b| b.id != a.id));
        }
        // No amount anywhere in the estimate is negative.
        prop_assert!(no_negative_amount(&serde_json::to_value(&est).unwrap()), "{}", serde_json::to_string(&est).unwrap());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Every point of an income curve is the estimate of the household at that income.
    #[test]
    fn curve_points_are_estimates(h in household(), start in 0..2_000_000u64, step in 1..1_000_000u64, d in 0..4usize) {
        let e = engine();
        let input = household_of(&h).unwrap();
        let opts = json!({ "from": yuan(start), "to": yuan(start + step * 6), "step": yuan(step) });
        let curve = e.income_curve(&input, DATES[d], read(&opts, CurveOptions::read).unwrap()).unwrap();
        prop_assert_eq!(curve.points.len(), 7);
        for p in &curve.points {
            let at = zhenxing::estimate::with_income(&input, p.income);
            let est = e.estimate(&at, DATES[d]).unwrap();
            prop_assert_eq!(p.total_annual, est.total_annual);
            prop_assert_eq!(p.total_monthly, est.total_monthly);
        }
        // A cliff is reported exactly where support falls by more than the income rose, beyond the
        // 24 fen a year that rounding two monthly amounts to the fen can account for.
        for w in curve.points.windows(2) {
            let fell = fen(&w[0].total_annual.to_fen_string()) - fen(&w[1].total_annual.to_fen_string());
            let rose = fen(&w[1].income.to_fen_string()) - fen(&w[0].income.to_fen_string());
            let reported = curve.cliffs.iter().any(|c| c.from_income == w[0].income);
            prop_assert_eq!(reported, fell > rose + 24);
            // More income never raises support, except where the curve reports a rise.
            let rise_reported = curve.rises.iter().any(|r| r.from_income == w[0].income);
            prop_assert_eq!(rise_reported, -fell > 24, "support {} → {}", w[0].total_annual, w[1].total_annual);
        }
    }
}

/// Every entry point on extreme but valid inputs: answers, never an overflow or a panic.
#[test]
fn extreme_but_valid_inputs() {
    let e = engine();
    let max = "10000000000"; // 10^10 yuan, the most an input may say
    let member = |year: u32, grade: Option<u8>| {
        let mut m = json!({ "birthDate": format!("{year}-01-01"), "wages": max, "workRegion": "230102", "hasSupporter": false, "schooling": "senior", "boarding": true, "seriousIllness": true,
            "insured": year % 2 == 0, "care": "orphanDispersed", "disabilityType": "multiple", "selfCare": "none" });
        if let Some(g) = grade {
            m["disabilityGrade"] = json!(g);
        }
        m
    };
    let members: Vec<_> = (0..30)
        .map(|i| member(1921 + i * 3, [None, Some(1), Some(4)][i as usize % 3]))
        .collect();
    let rich = json!({ "region": "230129", "area": "urban", "status": "monitored", "members": members,
        "income": { "business": max, "property": max, "transfer": max, "other": max }, "lastYearIncome": max, "rigidSpending": max,
        "events": ["illness", "disaster", "accident", "familyChange"], "stableIncomeMonths": 1200, "onDibao": true,
        "housing": { "appraisal": "D" }, "guarantees": { "housing": false, "water": false },
        // The largest current 低保 the rules allow is refused above 人数 × (标准 + 加发); 10000 is within it on every date.
        "dibaoMonthly": "10000" });
    let zero = json!({ "region": "232700", "members": [{ "birthDate": "2020-12-16" }], "rigidSpending": max, "events": ["accident"] });
    for h in [&rich, &zero] {
        let input = household_of(h).unwrap();
        for date in ["2021-03-19", "2023-06-01", "2071-01-01"] {
            e.estimate(&input, date).unwrap();
            let opts = json!({ "from": "0", "to": max, "step": "50000000" });
            e.income_curve(&input, date, read(&opts, CurveOptions::read).unwrap())
                .unwrap();
            e.compare(&input, date, e).unwrap();
        }
    }
    for group in GROUPS {
        for level in LEVELS {
            let claim = json!({ "region": "232700", "group": group, "hospitalLevel": level, "total": max, "inPolicy": max, "burdenThisYear": max, "paidThisYear": { "basic": max, "assistance": max } });
            e.medical(
                &read(&claim, MedicalClaim::read).unwrap(),
                "2200-12-31",
                true,
            )
            .unwrap();
        }
    }
    let loan = json!({ "region": "230129", "status": "alleviated", "amount": max, "termYears": 30, "rate": "1" });
    e.microcredit(
        &read(&loan, MicrocreditRequest::read).unwrap(),
        "2023-06-01",
        true,
    )
    .unwrap();
    let guarantee = json!({ "region": "230129", "amount": max });
    e.guarantee_loan(
        &read(&guarantee, GuaranteeLoanRequest::read).unwrap(),
        "2023-06-01",
        true,
    )
    .unwrap();
    let futures = json!({ "targetPrice": max, "settlementPrice": "0", "quantity": "1000000000" });
    e.insurance_futures(
        &read(&futures, InsuranceFuturesClaim::read).unwrap(),
        "2023-06-01",
        true,
    )
    .unwrap();
    let project = json!({ "region": "230129", "budget": max, "keyProject": true });
    e.work_relief(
        &read(&project, WorkReliefProject::read).unwrap(),
        "2023-06-01",
        true,
    )
    .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Overriding parameters with their own default values changes no amount.
    #[test]
    fn overrides_equal_to_the_default_change_nothing(h in household(), d in 0..4usize) {
        let e = engine();
        // The default's own rural standard restated: the province's 441 from 2022 and Harbin's
        // districts' 625 (a value for the whole province replaces theirs too from its date).
        let districts = ["230102", "230103", "230104", "230108", "230109", "230110", "230111", "230112", "230113"];
        let mut rural = vec![json!({ "from": "2022-01-01", "region": "230000", "value": "441" })];
        rural.extend(districts.map(|r| json!({ "from": "2022-01-01", "region": r, "value": "625" })));
        let same = with_overrides(e, &json!({
            "dibao.standard.rural": rural,
            "dibao.supplement.elderly": [{ "from": "2021-03-19", "value": "0.10" }],
            "monitoring.incomeLine": [{ "from": "2021-01-01", "value": 6000 }],
            "tekun.basicMultiple": [{ "from": "2016-02-10", "value": "1.3" }],
        })).unwrap();
        let input = household_of(&h).unwrap();
        let c = e.compare(&input, DATES[d], &same).unwrap();
        prop_assert_eq!(c.total_difference, zhenxing::base::money::Money::ZERO);
        prop_assert!(c.programs.iter().all(|p| p.difference.is_zero() && p.baseline_eligible == p.alternative_eligible));
        prop_assert_eq!(c.baseline.total_monthly, c.alternative.total_monthly);
    }
}

/// Every field of `lean` is in `full` with the same value (objects by key, arrays element by
/// element): the unexplained answer leaves words out and changes nothing it keeps.
fn within(lean: &serde_json::Value, full: &serde_json::Value, path: &str) -> Result<(), String> {
    use serde_json::Value;
    match (lean, full) {
        (Value::Object(l), Value::Object(f)) => l.iter().try_for_each(|(k, v)| match f.get(k) {
            Some(fv) => within(v, fv, &format!("{path}.{k}")),
            None => Err(format!("{path}.{k}: not in the explained answer")),
        }),
        (Value::Array(l), Value::Array(f)) if l.len() == f.len() => l
            .iter()
            .zip(f)
            .enumerate()
            .try_for_each(|(i, (a, b))| within(a, b, &format!("{path}[{i}]"))),
        // A member without an id is `#N` in both (README: the explained one field for field).
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {a} unexplained, {b} explained")),
    }
}

/// No word field anywhere in `v`: no `steps`, `reasons`, `facts`, `label`, `citations`,
/// `citation`, `text`, `action`, `contributions`.
fn explains_nothing(v: &serde_json::Value) -> bool {
    const WORDS: [&str; 9] = [
        "steps",
        "reasons",
        "facts",
        "label",
        "citations",
        "citation",
        "text",
        "action",
        "contributions",
    ];
    match v {
        serde_json::Value::Object(map) => map
            .iter()
            .all(|(k, v)| !WORDS.contains(&k.as_str()) && explains_nothing(v)),
        serde_json::Value::Array(items) => items.iter().all(explains_nothing),
        _ => true,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Each part of an explained estimate (its programmes, monitoring, 过渡期) lists the items of the
    /// policy text its steps, measures and alerts cite, and no other: before, after and in the
    /// period (2026 adds the carried-values step citing 二(一)).
    #[test]
    fn results_list_the_items_their_steps_cite(h in household(), d in 0..4usize) {
        let input = household_of(&h).unwrap();
        let explained = serde_json::to_value(engine().estimate(&input, DATES[d]).unwrap()).unwrap();
        let listed = citations::listed_as_cited(&explained, "");
        prop_assert!(listed.is_ok(), "{:?}", listed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The lean path computes the same thing: an unexplained estimate is the explained one with
    /// its words left out, field for field, and it writes no word field at all.
    #[test]
    fn unexplained_estimates_differ_only_by_their_explanation(h in household(), d in 0..4usize) {
        let e = engine();
        let input = household_of(&h).unwrap();
        let explained = serde_json::to_value(e.estimate(&input, DATES[d]).unwrap()).unwrap();
        let lean = serde_json::to_value(e.estimate_unexplained(&input, DATES[d]).unwrap()).unwrap();
        prop_assert!(explains_nothing(&lean), "{lean}");
        let kept = within(&lean, &explained, "");
        prop_assert!(kept.is_ok(), "{:?}", kept);
        // Every part says why, with ids labels() names.
        let reasons = zhenxing::estimate::labels::labels().reason;
        let parts = std::iter::once(&lean["monitoring"]).chain(lean["programs"].as_array().unwrap());
        for p in parts {
            let why = p["why"].as_array().unwrap();
            prop_assert!(!why.is_empty(), "{}: no why", p["program"]);
            prop_assert!(why.iter().all(|id| reasons.get(id.as_str().unwrap()).is_some()), "{}", p);
        }
    }

    /// A screening row is the estimate's figures: eligibility, monthly and annual amounts per
    /// programme, the monitoring verdict and the totals.
    #[test]
    fn screening_rows_are_the_estimate(h in household(), d in 0..4usize) {
        let e = engine();
        let input = household_of(&h).unwrap();
        let est = e.estimate(&input, DATES[d]).unwrap();
        let row = e.screen(&input, DATES[d]).unwrap();
        // Written straight from the programmes' amounts (the command-line tool's rows), the row is
        // the one written from the unexplained estimate, whole: alerts, non-official and stale
        // figures, `ref`.
        let unexplained = e.estimate_unexplained(&input, DATES[d]).unwrap();
        let text = h.to_string();
        let node = zhenxing::input::parse(&text, "household").unwrap();
        let straight = e.screen_in_batch(&node, DATES[d], &mut zhenxing::estimate::Transitions::default()).unwrap();
        prop_assert_eq!(&straight, &zhenxing::estimate::screening::Screening::of(&unexplained));
        prop_assert_eq!(&row, &straight);
        prop_assert_eq!(row.programs.len(), est.programs.len());
        for (p, c) in est.programs.iter().zip(&est.contributions) {
            let s = row.program(c.program).unwrap();
            prop_assert_eq!(s.eligible, p.eligible());
            prop_assert_eq!(s.monthly, if p.eligible() { p.monthly() } else { None });
            // Annual: what the programme adds, cash, on the household's behalf, or pay for a post;
            // for a programme that pays up to a ceiling (康复救助), the ceiling, its result's annual,
            // which adds to no total.
            let added = c.cash_annual.checked_add(c.other_annual).unwrap().checked_add(c.earnings_annual).unwrap();
            prop_assert_eq!(s.paid(), if p.eligible() { added } else { zhenxing::base::money::Money::ZERO });
            if s.ceiling {
                prop_assert_eq!(Some(s.annual), p.annual());
                prop_assert!(added.is_zero());
            }
        }
        prop_assert_eq!(row.total_monthly, est.total_monthly);
        prop_assert_eq!(row.total_annual, est.total_annual);
        prop_assert_eq!(row.monitoring.in_scope, est.monitoring.figures.in_scope);
        prop_assert_eq!(row.monitoring.category, est.monitoring.figures.category);
        prop_assert_eq!(&row.unofficial, &est.unofficial);
        // The names the CSV writes are the names the JSON carries.
        if let Some(c) = row.monitoring.category {
            prop_assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.as_str()));
        }
        if let Some(t) = row.monitoring.track {
            prop_assert_eq!(serde_json::to_value(t).unwrap(), serde_json::json!(t.as_str()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// A batch is its households one by one: the transition status shared across the batch is each
    /// household's own (regions differ within a batch), and bad households do not disturb the rest.
    #[test]
    fn batches_are_their_households_one_by_one(hs in prop::collection::vec(household(), 1..12), bad_at in 0..12usize, d in 0..4usize) {
        let e = engine();
        let mut list = hs.clone();
        let bad_at = bad_at.min(list.len());
        list.insert(bad_at, json!({ "region": "230129", "members": [{ "birthDate": "2999-01-01" }] }));
        let text = serde_json::Value::Array(list.clone()).to_string();
        let nodes = zhenxing::input::parse(&text, "households").unwrap();
        let nodes = nodes.as_array().unwrap();
        let batch = e.estimate_many(nodes, DATES[d], true);
        let screened = e.screen_many(nodes, DATES[d]);
        // The rows written straight from the programmes' amounts, the batch sharing what it
        // resolved for each date and region, as the command-line tool writes them.
        let mut shared = zhenxing::estimate::Transitions::default();
        let straight: Vec<_> = nodes.iter().map(|n| e.screen_in_batch(n, DATES[d], &mut shared)).collect();
        prop_assert_eq!(batch.len(), list.len());
        for (i, h) in list.iter().enumerate() {
            let one = household_of(h).and_then(|h| e.estimate(&h, DATES[d]));
            prop_assert_eq!(
                serde_json::to_value(&batch[i]).unwrap(),
                serde_json::to_value(zhenxing::estimate::batch::BatchItem::from_result(one.clone(), None)).unwrap()
            );
            let row = one.map(|est| zhenxing::estimate::screening::Screening::of(&est));
            prop_assert_eq!(&screened[i], &zhenxing::estimate::batch::ScreenItem::from_result(row.clone(), None));
            prop_assert_eq!(
                &zhenxing::estimate::batch::ScreenItem::from_result(straight[i].clone(), None),
                &zhenxing::estimate::batch::ScreenItem::from_result(row, None)
            );
        }
    }
}
