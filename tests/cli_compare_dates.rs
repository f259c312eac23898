//! `zhenxing compare --as-of FROM --to TO`: a register on two dates under one parameter set, per
//! household and programme with why, and per reason the households gaining and losing; checked
//! against the library's `compare_dates`.
#![cfg(feature = "cli")]

use serde_json::Value;
use std::path::PathBuf;
use zhenxing::input::household::HouseholdInput;
use zhenxing::Engine;

const REGISTER: &str = r#"{"ref":"A","region":"230129","status":"monitored","monitoringCategory":"marginal","members":[{"birthDate":"1970-01-01","wages":"30000"},{"birthDate":"2008-01-01","schooling":"vocational"}]}
{"ref":"B","region":"230129","members":[{"birthDate":"1955-01-01"},{"birthDate":"2007-12-31","care":"orphanDispersed"}],"income":{"transfer":"6000"}}
{"ref":"C","region":"230102","members":[{"birthDate":"1980-01-01"}]}
"#;

mod common;
use common::run;

/// A fresh directory under target/ with the register written in it.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/cli-compare-dates")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("register.jsonl"), REGISTER).unwrap();
    dir
}

#[test]
fn the_period_end_is_compared_household_by_household_with_why() {
    let (lines, summary, stderr) =
        compared_by_the_tool("period-end", REGISTER, "2025-12-31", "2026-01-01");
    // The printed summary names the reason: 雨露计划's own window closed for one household.
    assert!(stderr.contains("措施自身的期限届满"), "{stderr}");
    // A: 雨露计划 for the monitored household's vocational student ends with its own window
    // (education.yulu.windowEnd 2025-12-31): on 2025-12-31 one month is left (a part month whole),
    // 3000.00 ÷ 12 × 1 = 250.00 for the year; → 0, measureLapsed. Its 资助参保 goes on
    // (paidShare.monitored 0.5 from 2026-01-01, an assumption): 2 × 400 × 0.5 = 400.00 both days.
    let education = &lines[0]["programs"][4];
    assert_eq!(education["program"], "education");
    assert_eq!(
        (&education["difference"], &education["why"]),
        (
            &Value::from("-250.00"),
            &serde_json::json!(["measureLapsed"])
        )
    );
    let premium = &lines[0]["programs"][10];
    assert_eq!(premium["program"], "medicalPremium");
    assert_eq!(
        (&premium["annualAfter"], &premium["why"]),
        (&Value::from("400.00"), &serde_json::json!([]))
    );
    assert_eq!(
        summary["reasons"],
        serde_json::json!([{ "reason": "measureLapsed", "label": "措施自身的期限届满（如渐退期结束、政策窗口关闭）",
            "households": 1, "gaining": 0, "losing": 1, "difference": "-250.00" }])
    );
    assert_eq!(
        summary["regions"][1]["reasons"][0]["households"], 1,
        "延寿县 has it"
    );
    assert_eq!(
        summary["regions"][0]["reasons"],
        serde_json::json!([]),
        "道里区 has none"
    );
}

#[test]
fn dates_out_of_order_or_with_a_baseline_are_refused() {
    let dir = scratch("refused");
    let input = dir.join("register.jsonl");
    let input = input.to_str().unwrap();
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2026-01-01",
        "--to",
        "2025-12-31",
        input,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("终止日期不能早于起始日期"), "{stderr}");
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-12-31",
        "--to",
        "2026-01-01",
        "--baseline",
        input,
        input,
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--baseline"), "{stderr}");
}

/// R1 (a hearing-impaired child who turns 7 on 2026-01-01) and H6 (临时救助 following 低保's amount
/// when the minimum wage rises on 2025-12-01): the rows, `compare` and `compareDates` agree.
const CEILING_AND_ONE_OFF: &str = r#"{"ref":"R1","region":"230129","area":"rural","status":"general","members":[{"id":"父","birthDate":"1985-01-01","wages":40000},{"id":"子","birthDate":"2019-01-01","disabilityType":"hearing","disabilityGrade":2}],"income":{"business":30000}}
{"ref":"H6","region":"230221","area":"rural","status":"returned","monitoringCategory":"suddenHardship","members":[{"id":"A","birthDate":"1966-12-31","seriousIllness":true},{"id":"B","birthDate":"1970-01-01","wages":5000}],"income":{"business":1000},"rigidSpending":8000,"events":["illness"]}
"#;

/// `compare --as-of FROM --to TO` of `register` (written under `name`): the households' lines, the
/// report and what was printed; each line checked against the library's `compare_dates`.
fn compared_by_the_tool(
    name: &str,
    register: &str,
    from: &str,
    to: &str,
) -> (Vec<Value>, Value, String) {
    let dir = scratch(name);
    let input = dir.join("compared.jsonl");
    std::fs::write(&input, register).unwrap();
    let (out, report) = (dir.join("out.jsonl"), dir.join("report.json"));
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        from,
        "--to",
        to,
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), register.lines().count());
    let engine = Engine::new().unwrap();
    for (line, text) in lines.iter().zip(register.lines()) {
        let h = HouseholdInput::read(&zhenxing::input::parse(text, "").unwrap()).unwrap();
        let c = engine.compare_dates(&h, from, to, false).unwrap();
        for (p, cli) in c.programs.iter().zip(line["programs"].as_array().unwrap()) {
            assert_eq!(cli["program"], p.program);
            let got = (
                &cli["annualBefore"],
                &cli["annualAfter"],
                &cli["eligibleAfter"],
                &cli["why"],
            );
            let want = (
                &Value::from(p.annual_baseline.to_fen_string()),
                &Value::from(p.annual_alternative.to_fen_string()),
                &Value::from(p.alternative_eligible),
                &serde_json::json!(p.why),
            );
            assert_eq!(got, want, "{} {}", line["ref"], p.program);
        }
    }
    let report = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    (lines, report, stderr)
}

#[test]
fn a_ceiling_is_shown_in_rows_and_compared_as_eligibility_only() {
    // The row of R1 on 2025-12-31: 康复救助 20000 + 5000 + 30000 = 55000.00, the most it pays, as
    // the estimate's `annual`; not cash, so the total stays 0.00.
    let dir = scratch("ceiling-rows");
    let input = dir.join("ceiling.jsonl");
    std::fs::write(&input, CEILING_AND_ONE_OFF).unwrap();
    let (code, out, stderr) = run(&[
        "estimate",
        "--as-of",
        "2025-12-31",
        input.to_str().unwrap(),
        "-o",
        "-",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let r1: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let rehab = &r1["screening"]["programs"][6];
    assert_eq!(rehab["program"], "childRehabilitation");
    assert_eq!(
        (&rehab["eligible"], &rehab["annual"]),
        (&true.into(), &"55000.00".into())
    );
    assert_eq!(r1["screening"]["totalAnnual"], "0.00");
    // On 2026-01-01 the child is 7 (> 6): no longer eligible, but no money is lost: 0.00 → 0.00.
    let (lines, report, _) =
        compared_by_the_tool("ceiling", CEILING_AND_ONE_OFF, "2025-12-31", "2026-01-01");
    let rehab = &lines[0]["programs"][6];
    assert_eq!(
        (
            &rehab["eligibleBefore"],
            &rehab["eligibleAfter"],
            &rehab["difference"]
        ),
        (&true.into(), &false.into(), &"0.00".into())
    );
    let change = &report["programs"][6];
    assert_eq!(
        (
            &change["noLongerEligible"],
            &change["losing"],
            &change["difference"]
        ),
        (&1.into(), &0.into(), &"0.00".into())
    );
}

#[test]
fn a_one_off_payment_is_its_programmes_annual_amount_in_every_comparison() {
    // H6: 低保 9407.04 a year on 2025-11-30, 9726.96 on 2025-12-01 (the minimum wage rises); 临时救助
    // subtracts its year before the monthly is rounded to the fen (783.9166… and 810.5833… × 12 =
    // 9407.00 and 9727.00): 10584 + 2000 − 9407 = 3177.00, then 10584 + 2000 − 9727 = 2857.00.
    let (lines, _, _) =
        compared_by_the_tool("one-off", CEILING_AND_ONE_OFF, "2025-11-30", "2025-12-01");
    let temporary = &lines[1]["programs"][2];
    assert_eq!(temporary["program"], "temporary");
    assert_eq!(
        (&temporary["annualBefore"], &temporary["annualAfter"]),
        (&"3177.00".into(), &"2857.00".into())
    );
}

#[test]
fn each_date_of_a_comparison_says_what_its_figures_rested_on() {
    let (_, report, stderr) =
        compared_by_the_tool("rested-on", REGISTER, "2025-12-31", "2026-01-01");
    // Each side's items, from every household compared, as each household's estimate lists them
    // on that date: the same parameters, dates, rules and parts (usedBy), in the estimate's shape.
    let engine = Engine::new().unwrap();
    for (side, on) in [("basisBefore", "2025-12-31"), ("basisAfter", "2026-01-01")] {
        for (key, name) in [
            ("unofficial", "parameter"),
            ("stale", "parameter"),
            ("assumptions", "rule"),
        ] {
            let mut want: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
                Default::default();
            let mut from: std::collections::BTreeMap<String, String> = Default::default();
            for text in REGISTER.lines() {
                let h = HouseholdInput::read(&zhenxing::input::parse(text, "").unwrap()).unwrap();
                let e = serde_json::to_value(engine.estimate_unexplained(&h, on).unwrap()).unwrap();
                for item in e[key].as_array().unwrap() {
                    let used = want.entry(item[name].as_str().unwrap().into()).or_default();
                    used.extend(
                        item["usedBy"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .map(|p| p.as_str().unwrap().to_string()),
                    );
                    // The oldest value used, when households used different ones.
                    if let Some(d) = item["lastFrom"].as_str() {
                        let kept = from
                            .entry(item[name].as_str().unwrap().into())
                            .or_insert(d.into());
                        if d < kept.as_str() {
                            *kept = d.into();
                        }
                    }
                }
            }
            let items = report[side][key].as_array().unwrap();
            let got: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = items
                .iter()
                .map(|i| {
                    let used = i["usedBy"].as_array().unwrap();
                    (
                        i[name].as_str().unwrap().into(),
                        used.iter().map(|p| p.as_str().unwrap().into()).collect(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{side}.{key}");
            for i in items.iter().filter(|i| i.get("lastFrom").is_some()) {
                assert_eq!(
                    i["lastFrom"].as_str(),
                    from.get(i[name].as_str().unwrap()).map(String::as_str)
                );
            }
        }
    }
    // 2026-01-01's 资助参保 rests on the assumption that the period's shares go on.
    assert!(report["basisAfter"]["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["usedBy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "medicalPremium")));
    // The printed report (on stderr) says it in words, for each date when they differ.
    assert!(stderr.contains("2026-01-01的测算依据"), "{stderr}");
}
