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
    let dir = scratch("period-end");
    let (input, out, report) = (
        dir.join("register.jsonl"),
        dir.join("out.jsonl"),
        dir.join("report.json"),
    );
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-12-31",
        "--to",
        "2026-01-01",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // The printed summary names the reason: 雨露计划's own window closed for one household.
    assert!(stderr.contains("措施自身的期限届满"), "{stderr}");
    let engine = Engine::new().unwrap();
    let lines: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for (line, text) in lines.iter().zip(REGISTER.lines()) {
        let node = zhenxing::input::parse(text, "").unwrap();
        let h = HouseholdInput::read(&node).unwrap();
        let c = engine
            .compare_dates(&h, "2025-12-31", "2026-01-01", false)
            .unwrap();
        for (p, cli) in c.programs.iter().zip(line["programs"].as_array().unwrap()) {
            assert_eq!(cli["program"], p.program);
            assert_eq!(cli["annualBefore"], p.annual_baseline.to_fen_string());
            assert_eq!(cli["annualAfter"], p.annual_alternative.to_fen_string());
            assert_eq!(
                cli["why"],
                serde_json::json!(p.why),
                "{} {}",
                line["ref"],
                p.program
            );
        }
    }
    // A: 雨露计划 for the monitored household's vocational student ends with its own window
    // (education.yulu.windowEnd 2025-12-31): 3000.00 → 0, measureLapsed. Its 资助参保 goes on
    // (paidShare.monitored 0.5 from 2026-01-01, an assumption): 2 × 400 × 0.5 = 400.00 both days.
    let education = &lines[0]["programs"][4];
    assert_eq!(education["program"], "education");
    assert_eq!(
        (&education["difference"], &education["why"]),
        (
            &Value::from("-3000.00"),
            &serde_json::json!(["measureLapsed"])
        )
    );
    let premium = &lines[0]["programs"][10];
    assert_eq!(premium["program"], "medicalPremium");
    assert_eq!(
        (&premium["annualAfter"], &premium["why"]),
        (&Value::from("400.00"), &serde_json::json!([]))
    );
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(
        summary["reasons"],
        serde_json::json!([{ "reason": "measureLapsed", "label": "措施自身的期限届满（如渐退期结束、政策窗口关闭）",
            "households": 1, "gaining": 0, "losing": 1, "difference": "-3000.00" }])
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
