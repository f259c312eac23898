//! The command-line tool on small registers with bad rows, checked field by field against the
//! library; CSV and JSON Lines must give the same results.
#![cfg(feature = "cli")]

use serde_json::Value;
use std::path::Path;
use std::process::Command;
use zhenxing::Engine;

const AS_OF: &str = "2023-06-01";

fn registers() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/registers"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .args(args)
        .output()
        .expect("the tool runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// `zhenxing estimate --as-of AS_OF --quiet [extra…] INPUT`.
fn estimate_quiet(input: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["estimate", "--as-of", AS_OF, "--quiet"];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap());
    run(&args)
}

/// Each output line's input line number and whether it went well.
fn line_status(out: &[Value]) -> Vec<(u64, bool)> {
    out.iter()
        .map(|v| (v["line"].as_u64().unwrap(), v["ok"].as_bool().unwrap()))
        .collect()
}

#[test]
fn json_lines_match_the_library_and_bad_rows_carry_on() {
    let input = registers().join("small.jsonl");
    let (code, stdout, stderr) = run(&["estimate", "--as-of", AS_OF, input.to_str().unwrap()]);
    assert_eq!(code, 1, "some rows are errors: {stderr}");
    let out = lines(&stdout);
    // Lines 3 (blank) is skipped; 4, 6 and 7 are bad: each reported with its line, the rest go on.
    assert_eq!(
        line_status(&out),
        [
            (1, true),
            (2, true),
            (4, false),
            (5, true),
            (6, false),
            (7, false)
        ]
    );
    assert_eq!(
        (
            out[2]["error"]["code"].as_str(),
            out[2]["error"]["path"].as_str()
        ),
        (Some("INVALID_INPUT"), Some("members[0].wage"))
    );
    assert_eq!(out[4]["error"]["code"], "INVALID_INPUT");
    assert_eq!(
        (
            out[5]["error"]["code"].as_str(),
            out[5]["error"]["path"].as_str()
        ),
        (Some("OUT_OF_RANGE"), Some("members[0].birthDate"))
    );
    // Every good line is exactly the library's screening of that household.
    let engine = Engine::new().unwrap();
    let text = std::fs::read_to_string(&input).unwrap();
    let household = |v: &Value| {
        let line = text
            .lines()
            .nth(v["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        zhenxing::input::household::HouseholdInput::from_json(line).unwrap()
    };
    for v in out.iter().filter(|v| v["ok"] == true) {
        let expected = serde_json::to_value(engine.screen(&household(v), AS_OF).unwrap()).unwrap();
        assert_eq!(v["screening"], expected, "line {}", v["line"]);
        assert!(v.get("estimate").is_none());
    }
    assert!(
        stderr.contains(
            "读入 7 行（表头 0 行，空行 1 行），其余 6 行全部计入 6 条结果：成功 3 户，有误 3 条"
        ),
        "{stderr}"
    );

    // --explain writes the full explained estimate instead.
    let (code, explained, _) = estimate_quiet(&input, &["--explain"]);
    assert_eq!(code, 1);
    let explained = lines(&explained);
    assert_eq!(explained.len(), 6);
    for v in explained.iter().filter(|v| v["ok"] == true) {
        let expected =
            serde_json::to_value(engine.estimate(&household(v), AS_OF).unwrap()).unwrap();
        assert_eq!(v["estimate"], expected, "line {}", v["line"]);
        assert!(!v["estimate"]["programs"][0]["steps"]
            .as_array()
            .unwrap()
            .is_empty());
    }
}

#[test]
fn output_keeps_input_order_whatever_the_threads() {
    // 1,500 lines (three chunks of 512 and a part), good and bad mixed: the output must be the same,
    // line for line, with one thread and with four.
    let good = std::fs::read_to_string(registers().join("small.jsonl")).unwrap();
    let lines_in: Vec<&str> = good.lines().collect();
    let big: String = (0..1500)
        .map(|i| lines_in[i % lines_in.len()])
        .collect::<Vec<_>>()
        .join("\n");
    let path = std::env::temp_dir().join(format!("zhenxing-order-{}.jsonl", std::process::id()));
    std::fs::write(&path, big).unwrap();
    let (c1, one, _) = estimate_quiet(&path, &["--threads", "1"]);
    let (c4, four, _) = estimate_quiet(&path, &["--threads", "4"]);
    let (c0, _, _) = estimate_quiet(&path, &["--threads", "0"]);
    std::fs::remove_file(&path).ok();
    assert_eq!((c1, c4), (1, 1));
    assert_eq!(one, four);
    let out = lines(&one);
    // Blank lines are skipped: 1500 lines, every seventh (index 2 mod 7) blank.
    let blank = (0..1500).filter(|i| i % lines_in.len() == 2).count();
    assert_eq!(out.len(), 1500 - blank);
    let numbers: Vec<u64> = out.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(c0, 2, "--threads 0 is refused");
}

#[test]
fn csv_gives_the_same_results_as_json_lines() {
    let (code, csv_out, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--output-format",
        "jsonl",
        registers().join("small.csv").to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let (_, jsonl_out, _) = estimate_quiet(&registers().join("small.jsonl"), &[]);
    let (csv, jsonl) = (lines(&csv_out), lines(&jsonl_out));
    let ids: Vec<&str> = csv
        .iter()
        .map(|v| v["household"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["H1", "H2", "H3", "H4", "H5"]);
    // H1, H2, H4 are the households of JSON Lines 1, 2 and 5.
    for (c, j) in [(0, 0), (1, 1), (3, 3)] {
        assert!(csv[c]["screening"].is_object());
        assert_eq!(csv[c]["screening"], jsonl[j]["screening"], "{}", ids[c]);
    }
    // H3 has a bad boolean (named by its column); H5 a future birth date. Lines are the file's.
    assert_eq!(
        (csv[2]["line"].as_u64(), csv[2]["error"]["path"].as_str()),
        (Some(6), Some("serious_illness"))
    );
    assert_eq!(
        (csv[4]["line"].as_u64(), csv[4]["error"]["path"].as_str()),
        (Some(10), Some("members[0].birthDate"))
    );
}

#[test]
fn csv_output_has_each_programme_per_household() {
    let out = std::env::temp_dir().join(format!("zhenxing-cli-{}.csv", std::process::id()));
    let (code, _, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        registers().join("small.jsonl").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let mut reader = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let col =
        |row: &Vec<String>, name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(rows.len(), 6);
    // Line 1, the elderly couple of 龙江县: 9000 ÷ 24 = 375 → 补差 (441 − 375) × 2 = 132 + 2 × 44.10 = 220.20.
    assert_eq!(col(&rows[0], "dibao_monthly"), "220.20");
    assert_eq!(col(&rows[0], "monitoring_category"), "marginal");
    assert_eq!(col(&rows[0], "total_annual"), "2642.40");
    // Line 5: severe temporary assistance 441 × 6 × 3 = 7938.
    assert_eq!(col(&rows[3], "temporary_annual"), "7938.00");
    assert_eq!(
        (
            col(&rows[2], "ok").as_str(),
            col(&rows[2], "error_path").as_str()
        ),
        ("false", "members[0].wage")
    );
    std::fs::remove_file(out).ok();
}

#[test]
fn fatal_errors_exit_non_zero() {
    let input = registers().join("small.jsonl");
    assert_eq!(
        run(&["estimate", "--as-of", "2023-02-29", input.to_str().unwrap()]).0,
        2
    );
    assert_eq!(
        run(&["estimate", "--as-of", AS_OF, "/nonexistent/register.jsonl"]).0,
        2
    );
    assert_eq!(
        run(&[
            "estimate",
            "--as-of",
            AS_OF,
            "--params",
            input.to_str().unwrap(),
            input.to_str().unwrap()
        ])
        .0,
        2
    );
    assert_eq!(run(&["frobnicate"]).0, 2);
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("zhenxing estimate --as-of"));
}

#[test]
fn params_prints_the_catalogue() {
    let (code, stdout, _) = run(&["params"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("dibao.standard.rural  农村低保标准（元/人·月）"));
    assert!(stdout.contains("2022-01-01 起 [道里区]：625"));
    let (code, json, _) = run(&["params", "--json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert!(v.as_array().unwrap().len() >= 80);
}

#[test]
fn files_from_spreadsheets_and_windows_are_read() {
    let dir = std::env::temp_dir();
    let id = std::process::id();
    // JSON Lines with a byte-order mark, CRLF line ends, and a line in GBK (not UTF-8) in between
    // (the others have UTF-8 characters: a UTF-8 file with a stray line, reported on its own).
    let good = r#"{"region":"230221","members":[{"id":"老人","birthDate":"1950-01-01"}],"income":{"other":"3000"}}"#;
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(good.as_bytes());
    bytes.extend_from_slice(b"\r\n{\"region\":\"230221\",\"members\":[{\"id\":\"");
    bytes.extend_from_slice(&[0xc0, 0xcf, 0xb0, 0xe9]); // 老伴 in GBK
    bytes.extend_from_slice(b"\",\"birthDate\":\"1950-01-01\"}]}\r\n");
    bytes.extend_from_slice(good.as_bytes());
    bytes.extend_from_slice(b"\r\n");
    let jsonl = dir.join(format!("zhenxing-bom-{id}.jsonl"));
    std::fs::write(&jsonl, &bytes).unwrap();
    let (code, stdout, stderr) = estimate_quiet(&jsonl, &[]);
    std::fs::remove_file(&jsonl).ok();
    assert_eq!(code, 1, "{stderr}");
    let out = lines(&stdout);
    assert_eq!(line_status(&out), [(1, true), (2, false), (3, true)]);
    assert_eq!(out[0]["screening"], out[2]["screening"]);
    assert!(out[1]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));

    // CSV with a byte-order mark before the header.
    let csv_text = std::fs::read_to_string(registers().join("small.csv")).unwrap();
    let csv = dir.join(format!("zhenxing-bom-{id}.csv"));
    std::fs::write(&csv, format!("\u{feff}{csv_text}")).unwrap();
    let (code, with_bom, stderr) = estimate_quiet(&csv, &[]);
    std::fs::remove_file(&csv).ok();
    assert_eq!(code, 1, "{stderr}");
    let (_, without, _) = estimate_quiet(&registers().join("small.csv"), &[]);
    assert_eq!(with_bom, without);
}
