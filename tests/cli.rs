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

mod common;
use common::run;

/// `run`, with `input` on standard input.
fn run_fed(args: &[&str], input: &[u8]) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the tool runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input).expect("input written");
    drop(stdin);
    let out = child.wait_with_output().expect("the tool ends");
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
    // A misspelt field is answered with the field it is a letter off.
    assert_eq!(
        out[2]["error"]["message"],
        "未知字段“wage”（是否应为“wages”？）"
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
    // H3 has a bad boolean (at its field, as the engine's other errors, named by its column in
    // the message); H5 a future birth date. Lines are the file's.
    assert_eq!(
        (csv[2]["line"].as_u64(), csv[2]["error"]["path"].as_str()),
        (Some(6), Some("members[0].seriousIllness"))
    );
    assert!(
        csv[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("“患重病”（serious_illness）应为 是 或 否"),
        "{}",
        csv[2]["error"]["message"]
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
    let (header, rows) = common::read_csv(&out);
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
fn csv_output_shows_dibao_joined_within_the_year() {
    // tests/cases/dibao-orphan-alone-joins-within-year.json: an orphan alone, 18 tomorrow. 低保
    // pays nothing on the date but 441.00 × 11 = 4851.00 in the year: eligible, 0.00 a month;
    // the totals 2593.00 (the allowance) a month, 2593.00 + 4851.00 = 7444.00 a year.
    let out = std::env::temp_dir().join(format!("zhenxing-joins-{}.csv", std::process::id()));
    let household = r#"{"region":"230129","area":"rural","members":[{"birthDate":"2006-06-02","care":"orphanDispersed"}],"income":{}}"#;
    let (code, _, stderr) = run_fed(
        &[
            "estimate",
            "--as-of",
            "2024-06-01",
            "--quiet",
            "-o",
            out.to_str().unwrap(),
            "-",
        ],
        household.as_bytes(),
    );
    assert_eq!(code, 0, "{stderr}");
    let (header, rows) = common::read_csv(&out);
    let col = |name: &str| rows[0][header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(
        [
            "dibao_eligible",
            "dibao_monthly",
            "dibao_annual",
            "total_monthly",
            "total_annual"
        ]
        .map(col),
        ["true", "0.00", "4851.00", "2593.00", "7444.00"]
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
    let (code, _, err) = run(&["estimate", "--as-of", AS_OF, "/nonexistent/register.jsonl"]);
    assert_eq!(code, 2);
    // The system's reason in Chinese, not "No such file or directory (os error 2)".
    assert!(
        err.contains("无法打开 /nonexistent/register.jsonl：文件或文件夹不存在"),
        "{err}"
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
    // A file is refused as a whole (docs/register.md); standard input, JSON Lines read once as
    // it comes, reports the line on its own.
    let (code, stdout, stderr) = estimate_quiet(&jsonl, &[]);
    std::fs::remove_file(&jsonl).ok();
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
    assert!(
        stderr.contains("第 2 行") && stderr.contains("GBK"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run_fed(&["estimate", "--as-of", AS_OF, "--quiet", "-"], &bytes);
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

// ---------------------------------------------------------------------------------------------
// Registers that never lose a household: each failure of the issue on a small register.

/// A directory of its own for a test, removed at the end.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("zhenxing-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&dir).ok();
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }
    fn path(&self, name: &str) -> std::path::PathBuf {
        self.0.join(name)
    }
}

/// The estimate rows of a CSV register given as text (written to a scratch file named after the
/// test): exit status, rows, stderr.
fn register_rows(test: &str, csv: &str) -> (i32, Vec<Value>, String) {
    let s = Scratch::new(test);
    estimate_rows(&s.file("register.csv", csv), &[])
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// `estimate` on a register as JSON Lines out: (exit status, rows, stderr).
fn estimate_rows(input: &Path, extra: &[&str]) -> (i32, Vec<Value>, String) {
    let mut args = vec!["estimate", "--as-of", AS_OF];
    args.extend_from_slice(extra);
    args.push(input.to_str().unwrap());
    let (code, stdout, stderr) = run(&args);
    (code, lines(&stdout), stderr)
}

/// Each row's (household, first line, last line, ok).
fn households(rows: &[Value]) -> Vec<(String, u64, u64, bool)> {
    rows.iter()
        .map(|v| {
            (
                v["household"].as_str().unwrap_or("").to_string(),
                v["line"].as_u64().unwrap(),
                v["lastLine"].as_u64().unwrap(),
                v["ok"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn h(id: &str, first: u64, last: u64, ok: bool) -> (String, u64, u64, bool) {
    (id.to_string(), first, last, ok)
}

fn message(v: &Value) -> &str {
    v["error"]["message"].as_str().unwrap_or("")
}

const HEADER: &str = "household_id,region,member_id,birth_date,wages\n";

#[test]
fn an_unclosed_quote_costs_one_line_not_the_rest_of_the_file() {
    let s = Scratch::new("quote");
    let input = s.file(
        "r.csv",
        format!("{HEADER}A,230129,\"m1,1980-01-01,100\nB,230129,m2,1990-01-01,0\nC,230129,m3,1950-01-01,0\n"),
    );
    let (code, rows, stderr) = estimate_rows(&input, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        households(&rows),
        [h("A", 2, 2, false), h("B", 3, 3, true), h("C", 4, 4, true)]
    );
    assert!(
        message(&rows[0]).contains("第 2 行：引号未闭合"),
        "{}",
        message(&rows[0])
    );
    assert!(
        stderr.contains(
            "读入 4 行（表头 1 行，空行 0 行），其余 3 行全部计入 3 条结果：成功 2 户，有误 1 条"
        ),
        "{stderr}"
    );
}

#[test]
fn rows_with_more_or_fewer_cells_than_the_header_are_errors() {
    let s = Scratch::new("cells");
    let input = s.file(
        "r.csv",
        "household_id,region,birth_date,wages\nA,230129,1980-01-01,12,000\nB,230129,1980-01-01\nC,230129,1980-01-01,12000\n",
    );
    let (code, rows, _) = estimate_rows(&input, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        households(&rows),
        [h("A", 2, 2, false), h("B", 3, 3, false), h("C", 4, 4, true)]
    );
    assert!(message(&rows[0]).contains("第 2 行：有 5 格，表头有 4 列"));
    assert!(message(&rows[1]).contains("第 3 行：有 3 格，表头有 4 列"));
    // A member row that is wrong makes its whole household an error, not a smaller household.
    let input = s.file(
        "r2.csv",
        format!("{HEADER}A,230129,m1,1980-01-01,0\nA,230129,m2,1982-01-01,12,000\n"),
    );
    let (_, rows, _) = estimate_rows(&input, &[]);
    assert_eq!(households(&rows), [h("A", 2, 3, false)]);
    assert!(message(&rows[0]).contains("第 3 行"));
}

#[test]
fn a_column_named_twice_stops_the_run_and_leaves_the_output_alone() {
    let s = Scratch::new("duplicate");
    for header in [
        "household_id,region,wages,wages,birth_date",
        "household_id,region,工资收入,wages,birth_date",
    ] {
        let input = s.file("r.csv", format!("{header}\nA,230129,0,100,1980-01-01\n"));
        let out = s.file("out.csv", "previous results\n");
        let (code, _, stderr) = run(&[
            "estimate",
            "--as-of",
            AS_OF,
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("同一列不能出现两次"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous results\n");
    }
    // No stray temporary file is left beside it.
    assert_eq!(std::fs::read_dir(&s.0).unwrap().count(), 2);
}

#[test]
fn household_cells_on_later_rows_are_read_and_must_agree() {
    let s = Scratch::new("household-cells");
    let input = s.file(
        "r.csv",
        "household_id,region,income_transfer,member_id,birth_date\n\
         A,230221,,老伴甲,1950-01-01\n\
         A,230221,9000,老伴乙,1952-01-01\n\
         B,230221,9000,老伴甲,1950-01-01\n\
         B,230221,5000,老伴乙,1952-01-01\n",
    );
    let (code, rows, _) = estimate_rows(&input, &[]);
    assert_eq!(code, 1);
    assert_eq!(households(&rows), [h("A", 2, 3, true), h("B", 4, 5, false)]);
    // A's transfer income on its second row is read: the couple of small.csv's H1 (220.20).
    assert_eq!(rows[0]["screening"]["programs"][0]["monthly"], "220.20");
    assert_eq!(rows[1]["error"]["path"], "income_transfer");
    assert!(message(&rows[1]).contains("第 5 行"));
}

#[test]
fn empty_ids_are_errors_and_rows_of_one_household_apart_are_one_household() {
    let s = Scratch::new("ids");
    let input = s.file(
        "r.csv",
        format!(
            "{HEADER},230129,m1,1980-01-01,0\n,230221,m2,1980-01-01,0\nA,230129,m1,1980-01-01,0\nB,230129,m1,1980-01-01,0\nA,230129,m2,2010-01-01,0\nC,230129,m1,1980-01-01,0\n"
        ),
    );
    let (code, rows, stderr) = estimate_rows(&input, &["--threads", "2"]);
    assert_eq!(code, 1);
    // A's rows (lines 4 and 6) are one household of two members, given out at its first row.
    assert_eq!(
        households(&rows),
        [
            h("", 2, 2, false),
            h("", 3, 3, false),
            h("A", 4, 6, true),
            h("B", 5, 5, true),
            h("C", 7, 7, true)
        ]
    );
    assert!(message(&rows[0]).contains("户编号（household_id）为空"));
    assert!(stderr.contains("其余 6 行全部计入 5 条结果"), "{stderr}");
    // The same two rows together: the same result for A.
    let together = s.file(
        "t.csv",
        format!("{HEADER}A,230129,m1,1980-01-01,0\nA,230129,m2,2010-01-01,0\n"),
    );
    let (_, alone, _) = estimate_rows(&together, &[]);
    assert_eq!(rows[2]["screening"], alone[0]["screening"]);
    // One id given to two households that disagree on a household cell: an error that says what
    // to fix.
    let twice = s.file(
        "d.csv",
        format!("{HEADER}A,230129,m1,1980-01-01,0\nB,230129,m1,1980-01-01,0\nA,230221,m1,1990-01-01,0\n"),
    );
    let (_, rows, _) = estimate_rows(&twice, &[]);
    assert_eq!(households(&rows), [h("A", 2, 4, false), h("B", 3, 3, true)]);
    assert!(
        message(&rows[0]).contains("可能是两户用了同一个户编号：请给其中一户改用别的户编号"),
        "{}",
        message(&rows[0])
    );
}

/// A register's rows as an export sorts them (by village, then by member), every line moved.
fn sorted_by_village(register: &str) -> String {
    let mut lines = register.lines();
    let header = lines.next().unwrap();
    let at = |name: &str| header.split(',').position(|c| c == name).unwrap();
    let (village, member) = (at("村"), at("成员"));
    let mut rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    rows.sort_by(|a, b| (a[village], a[member], a[0]).cmp(&(b[village], b[member], b[0])));
    let mut out = format!("{header}\n");
    for r in rows {
        out.push_str(&r.join(","));
        out.push('\n');
    }
    out
}

/// Text with each 第 N 行 as 第 N 行 (N a number): what names a line.
fn no_line_numbers(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("第 ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + "第 ".len()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && after[digits..].starts_with(" 行") {
            out.push_str("第 N 行");
            rest = &after[digits + " 行".len()..];
        } else {
            out.push_str("第 ");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Output rows without what names their lines (`line`, `last_line`, 第 N 行), sorted.
fn without_lines(csv: &str) -> Vec<String> {
    let mut rows: Vec<String> = csv
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            no_line_numbers(&[&cells[..2], &cells[4..]].concat().join(","))
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_register_in_any_row_order_gives_the_rows_of_the_sorted_one() {
    let s = Scratch::new("any-order");
    let register = std::fs::read_to_string(county().join("register.csv")).unwrap();
    let shuffled = sorted_by_village(&register);
    assert_ne!(shuffled, register);
    // Named as the sorted one: the printed summary names its register.
    let input = s.file("register.csv", &shuffled);
    let args = ["--output-format", "csv", "--no-bom", "-o", "-"];
    let (code, out, stderr) = estimate_quiet(&input, &args);
    let (sorted_code, sorted, _) = estimate_quiet(&county().join("register.csv"), &args);
    assert_eq!((code, sorted_code), (1, 1), "{stderr}");
    assert_eq!(without_lines(&out), without_lines(&sorted));
    // The county summary has no line numbers: the same bytes.
    let summary = |path: &Path| {
        let (_, out, _) = run(&[
            "summary",
            "--as-of",
            "2025-06-01",
            "--quiet",
            path.to_str().unwrap(),
            "-o",
            "-",
        ]);
        out
    };
    assert_eq!(summary(&input), summary(&county().join("register.csv")));
}

#[test]
fn gbk_registers_are_refused_up_front_or_read_with_encoding_gbk() {
    let s = Scratch::new("gbk");
    let utf8 = "household_id,region,member_id,birth_date\nA,230129,户主,1980-01-01\nA,230129,妻子,1982-01-01\nB,230129,户主,1970-01-01\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(utf8);
    let input = s.file("gbk.csv", &gbk);
    let (code, rows, stderr) = estimate_rows(&input, &[]);
    assert_eq!((code, rows.len()), (2, 0));
    assert!(
        stderr.contains("请另存为 UTF-8") && stderr.contains("--encoding gbk"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("GBK").count(), 1, "said once: {stderr}");
    // The sample GBK register, as Excel saves it: some of its byte pairs happen to be UTF-8
    // characters, and it is still recognised.
    let sample = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/registers/example-gbk.csv"
    ));
    let (code, _, stderr) = estimate_rows(sample, &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("是 GBK 编码"), "{stderr}");
    let (code, with_gbk, _) = estimate_rows(&input, &["--encoding", "gbk"]);
    let (_, plain, _) = estimate_rows(&s.file("utf8.csv", utf8), &[]);
    assert_eq!(code, 0);
    assert_eq!(with_gbk, plain);
    // A UTF-8 file whose member row was saved as GBK cannot be told from a GBK file whose other
    // rows happen to be UTF-8: refused as a whole, from a file or from standard input.
    let mut mixed = b"household_id,region,member_id,birth_date\nA,230129,\xe6\x88\xb7\xe4\xb8\xbb,1980-01-01\nA,230129,".to_vec();
    mixed.extend_from_slice(&encoding_rs::GB18030.encode("妻子").0);
    mixed.extend_from_slice(b",1982-01-01\nB,230129,x,1970-01-01\n");
    let (code, rows, stderr) = estimate_rows(&s.file("mixed.csv", mixed.clone()), &[]);
    assert_eq!((code, rows.len()), (2, 0), "{stderr}");
    assert!(stderr.contains("第 3 行是 GBK 编码"), "{stderr}");
    let (code, stdout, stderr) = run_fed(&["estimate", "--as-of", AS_OF, "-"], &mixed);
    assert_eq!((code, stdout.as_str()), (2, ""), "{stderr}");
}

#[test]
fn a_gbk_register_with_rows_that_happen_to_be_utf8_is_refused_up_front() {
    // docs/register.md: "A GBK file read without it is refused once, up front" (exit 2, nothing
    // written). 母 in GBK is C4 B8, which is also UTF-8 (ĸ): H2's row alone would be read.
    let s = Scratch::new("gbk-utf8-rows");
    let utf8 = "household_id,region,village,member_id,birth_date,income_other\nH1,230129,东村,张三,1980-01-01,1000\nH2,230129,,母,1980-01-01,1000\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(utf8);
    assert!(std::str::from_utf8(gbk.split(|b| *b == b'\n').nth(2).unwrap()).is_ok());
    let input = s.file("mini-gbk.csv", &gbk);
    let output = s.0.join("mini-out.csv");
    std::fs::write(&output, "kept").unwrap();
    let (code, rows, stderr) = estimate_rows(
        &input,
        &["-o", output.to_str().unwrap(), "--output-format", "csv"],
    );
    assert_eq!((code, rows.len()), (2, 0), "{stderr}");
    assert!(
        stderr.contains("是 GBK 编码") && stderr.contains("--encoding gbk"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "kept");
    // The same file with --encoding gbk: both households computed, 母 read as 母.
    let (code, rows, stderr) = estimate_rows(&input, &["--encoding", "gbk"]);
    assert_eq!(
        (code, households(&rows)),
        (0, vec![h("H1", 2, 2, true), h("H2", 3, 3, true)]),
        "{stderr}"
    );
}

#[test]
fn line_numbers_are_right_under_every_line_ending() {
    let s = Scratch::new("endings");
    let text = format!(
        "{HEADER}A,230129,m1,1980-01-01,0\nA,230129,m2,2030-01-01,0\n\nB,230129,m1,1980-01-01,x\n"
    );
    let expected = [h("A", 2, 3, false), h("B", 5, 5, false)];
    for (name, sep) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let input = s.file(&format!("{name}.csv"), text.replace('\n', sep));
        let (_, rows, stderr) = estimate_rows(&input, &[]);
        assert_eq!(households(&rows), expected, "{name}");
        assert!(
            message(&rows[0]).contains("第 3 行"),
            "{name}: {}",
            message(&rows[0])
        );
        assert!(
            stderr.contains("读入 5 行（表头 1 行，空行 1 行）"),
            "{name}: {stderr}"
        );
    }
}

#[test]
fn outputs_are_written_safely() {
    let s = Scratch::new("outputs");
    let register = std::fs::read_to_string(registers().join("small.csv")).unwrap();
    let input = s.file("register.csv", &register);
    // -o naming the input (also through another path) is refused; the register is untouched.
    for out in [input.clone(), s.0.join(".").join("register.csv")] {
        let (code, _, stderr) = run(&[
            "estimate",
            "--as-of",
            AS_OF,
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("就是输入文件"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), register);
    }
    // -o - is standard output: no file named "-".
    let (code, stdout, _) = std::process::Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .current_dir(&s.0)
        .args([
            "estimate",
            "--as-of",
            AS_OF,
            "--quiet",
            "register.csv",
            "-o",
            "-",
        ])
        .output()
        .map(|o| {
            (
                o.status.code().unwrap(),
                String::from_utf8(o.stdout).unwrap(),
                (),
            )
        })
        .unwrap();
    assert_eq!(code, 1);
    assert_eq!(lines(&stdout).len(), 5);
    assert!(!s.path("-").exists());
    // Workbooks and unknown extensions are refused with what to do.
    let fake = s.file("fake.xlsx", "{\"region\":\"230129\"}\n");
    let (code, _, stderr) = run(&["estimate", "--as-of", AS_OF, fake.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("请在 Excel 中另存为 CSV UTF-8"), "{stderr}");
    let odd = s.file("register.dat", &register);
    let (code, _, stderr) = run(&["estimate", "--as-of", AS_OF, odd.to_str().unwrap()]);
    assert_eq!(code, 2);
    // Every extension it takes, .ndjson too (docs/register.md: "refused with this list").
    assert!(
        stderr.contains(".csv、.jsonl、.json 或 .ndjson"),
        "{stderr}"
    );
    let out = s.path("out.dat");
    let (code, _, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".csv、.jsonl、.json 或 .ndjson（汇总和报告还可为 .txt）"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        input.to_str().unwrap(),
        "-o",
        s.path("out.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!s.path("out.xlsx").exists());
    // A zip file named .csv (a workbook renamed) is refused too.
    let zip = s.file("renamed.csv", b"PK\x03\x04rest");
    let (code, _, stderr) = run(&["estimate", "--as-of", AS_OF, zip.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("另存为 CSV UTF-8"), "{stderr}");
}

#[test]
fn csv_output_opens_in_excel_without_mojibake_or_formulas() {
    let s = Scratch::new("excel");
    let input = s.file(
        "r.csv",
        format!("{HEADER}=1+2,230129,m1,1980-01-01,0\n+86,230129,m1,1980-01-01,0\n-1,230129,m1,1980-01-01,0\n@SUM(A1),230129,m1,1980-01-01,0\n"),
    );
    let out = s.path("out.csv");
    let (code, _, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    assert!(
        bytes.starts_with("\u{feff}household,ref,line,last_line,region,town,village,ok".as_bytes())
    );
    let text = String::from_utf8(bytes).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["'=1+2", "'+86", "'-1", "'@SUM(A1)"]);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .ends_with("unofficial_parameters,stale_parameters"));
    // --no-bom and Chinese column names.
    run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        "--no-bom",
        "--headers",
        "zh",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with("户编号,参考编号,起始行,结束行,地区代码,乡镇,村,成功"),
        "{text}"
    );
    assert!(text.lines().next().unwrap().contains("最低生活保障年额"));
    // ... and Chinese values: 是/否, the monitoring category and track by their names. The English
    // table of the same run has true/false and the API's ids in the same cells.
    let (_, en, _) = estimate_quiet(&input, &["--output-format", "csv", "-o", "-"]);
    let zh_rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let en_rows: Vec<Vec<String>> =
        csv::Reader::from_reader(en.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
    fn words(v: &str) -> &str {
        match v {
            "true" => "是",
            "false" => "否",
            "unstable" => "脱贫不稳定户",
            "marginal" => "边缘易致贫户",
            "suddenHardship" => "突发严重困难户",
            "development" => "开发式帮扶（产业、就业）",
            "safetyNet" => "兜底保障",
            "caseByCase" => "一事一议",
            other => other,
        }
    }
    assert_eq!(zh_rows.len(), en_rows.len());
    let mut translated = 0;
    for (z, e) in zh_rows.iter().zip(&en_rows) {
        for (zc, ec) in z.iter().zip(e) {
            if !ec.contains("第 ") && !ec.contains(';') {
                assert_eq!(zc, words(ec), "{ec}");
                translated += usize::from(zc != ec);
            }
        }
    }
    assert!(translated > 10, "only {translated} cells were in Chinese");
}

#[test]
fn chinese_registers_give_the_results_of_english_ones() {
    let s = Scratch::new("chinese");
    let english = s.file(
        "en.csv",
        "household_id,ref,region,status,monitoring_category,income_transfer,income_exempt,member_id,birth_date,labor_capacity,serious_illness,schooling\n\
         H1,R-1,230129,monitored,marginal,6000,1200,户主,1970-01-01,partial,true,\n\
         H1,,,,,,,孩子,2006-01-01,,false,higherVocational\n\
         H2,,230129,alleviated,,2000,,户主,1960-01-01,none,,\n",
    );
    let chinese = s.file(
        "zh.csv",
        "户编号,参考编号,地区代码,户类型,监测类型,转移净收入,不计入低保的收入,成员,出生日期,劳动能力,患重病,就学阶段\n\
         H1,R-1,230129,监测户,边缘易致贫户,6000,1200,户主,1970-01-01,弱劳动力或半劳动力,是,\n\
         H1,,,,,,,孩子,2006-01-01,,否,高职\n\
         H2,,230129,脱贫户,,2000,,户主,1960-01-01,丧失劳动力,,\n",
    );
    let (code, en, stderr) = estimate_rows(&english, &[]);
    assert_eq!(code, 0, "{stderr} {en:?}");
    let (_, zh, _) = estimate_rows(&chinese, &[]);
    assert_eq!(en, zh);
    // The ref is echoed.
    assert_eq!(en[0]["ref"], "R-1");
    assert_eq!(en[0]["screening"]["ref"], "R-1");
}

/// The columns of the household provisions (house appraisal, insurance, care, disability type,
/// school exemption) read as the JSON fields they stand for: the same screening either way.
#[test]
fn provision_columns_read_as_their_json_fields() {
    let s = Scratch::new("provisions");
    let csv = s.file(
        "zh.csv",
        "户编号,地区代码,户类型,房屋安全性鉴定等级,成员,出生日期,参加基本医疗保险,孤儿或事实无人抚养儿童,残疾类别,残疾等级,因身体原因不具备学习条件\n\
         H1,230129,监测户,C级,户主,1970-01-01,否,,肢体残疾,2,\n\
         H1,,,,孩子,2016-01-01,是,社会散居孤儿,孤独症,,是\n",
    );
    let jsonl = s.file(
        "h.jsonl",
        r#"{"region":"230129","status":"monitored","housing":{"appraisal":"C"},"members":[{"id":"户主","birthDate":"1970-01-01","insured":false,"disabilityType":"physical","disabilityGrade":2},{"id":"孩子","birthDate":"2016-01-01","insured":true,"care":"orphanDispersed","disabilityType":"autism","healthExemptFromSchool":true}]}
"#,
    );
    let (code, from_csv, stderr) = estimate_rows(&csv, &[]);
    assert_eq!(code, 0, "{stderr} {from_csv:?}");
    let (code, from_json, stderr) = estimate_rows(&jsonl, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(from_csv[0]["screening"], from_json[0]["screening"]);
    // The fields did arrive: the uninsured head and the C-rated house raise alerts.
    let alerts = from_csv[0]["screening"]["alerts"].to_string();
    assert!(
        alerts.contains("uninsured") && alerts.contains("housing"),
        "{alerts}"
    );
    // In the CSV output they are one column, in the estimate's order.
    let out = s.path("out.csv");
    let (_, _, stderr) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let mut reader = csv::Reader::from_path(&out).expect(&stderr);
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "alerts")
        .unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[at], "uninsured;housingUnsafe");
}

// ---------------------------------------------------------------------------------------------
// Golden county register: compare and summary, worked by hand in tests/registers/county/README.md.

fn county() -> std::path::PathBuf {
    registers().join("county")
}

fn assert_same_file(got: &Path, expected: &str) {
    let want = std::fs::read_to_string(county().join(expected)).unwrap();
    let got = std::fs::read_to_string(got).unwrap();
    common::registers::assert_same_register_file(&got, &want, expected);
}

#[test]
fn golden_county_register_summary() {
    let s = Scratch::new("golden-summary");
    let input = county().join("register.csv");
    for name in ["expected-summary.csv", "expected-summary.txt"] {
        let out = s.path(name);
        let (code, _, stderr) = run(&[
            "summary",
            "--as-of",
            "2025-06-01",
            "--quiet",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "H10 is an error: {stderr}");
        assert_same_file(&out, name);
    }
    // estimate --summary writes the same summary beside the rows.
    let (rows, summary) = (s.path("rows.csv"), s.path("summary.csv"));
    run(&[
        "estimate",
        "--as-of",
        "2025-06-01",
        "--quiet",
        input.to_str().unwrap(),
        "-o",
        rows.to_str().unwrap(),
        "--summary",
        summary.to_str().unwrap(),
    ]);
    assert_same_file(&summary, "expected-summary.csv");
}

/// The register page's summary (the library's `TextScreen`, fed four households, then the rest) is
/// the tool's: the same file.
#[test]
fn the_pages_summary_is_the_tools() {
    use std::borrow::Cow;
    use zhenxing::register::output::Lang;
    use zhenxing::register::text::{TextOptions, TextScreen};
    let engine = Engine::new().unwrap();
    let register = std::fs::read(county().join("register.csv")).unwrap();
    let options = TextOptions {
        headers: Some(Lang::En),
        unknown_columns: Some(false),
        ..TextOptions::default()
    };
    let mut s = TextScreen::new(
        Cow::Borrowed(&engine),
        None,
        register,
        "2025-06-01",
        options,
    )
    .unwrap();
    assert!(s.next_chunk(4).is_ok_and(|c| !c.done));
    assert!(s.next_chunk(100).is_ok_and(|c| c.done));
    let (header, rows) = s.county().table(false, |c| engine.region_name(c));
    let mut csv = String::from("\u{feff}");
    for r in std::iter::once(&header).chain(&rows) {
        csv.push_str(&r.join(","));
        csv.push('\n');
    }
    let want = std::fs::read_to_string(county().join("expected-summary.csv")).unwrap();
    common::registers::assert_same_register_file(&csv, &want, "expected-summary.csv");
}

#[test]
fn a_summary_names_the_rows_in_error() {
    // `summary` writes no row per household, so its closing lines say which rows are in error.
    let input = county().join("register.csv");
    let (code, _, stderr) = run(&["summary", "--as-of", "2025-06-01", input.to_str().unwrap()]);
    assert_eq!(code, 1);
    // H10 (line 13) is born 2030-03-01, after the date (tests/registers/county/README.md).
    assert!(
        stderr.contains(
            "有误的行（全部）：\n  第 13 行：出生日期 2030-03-01 晚于测算日期 2025-06-01"
        ),
        "{stderr}"
    );
    // JSON Lines: the line and the path; past twenty, the first twenty.
    let s = Scratch::new("first-errors");
    let good = r#"{"region":"230129","members":[{"birthDate":"1980-01-01"}]}"#;
    let bad = r#"{"region":"230129","members":[{"birthDate":"1980-02-30"}]}"#;
    let mut text = format!("{good}\n");
    for _ in 0..25 {
        text.push_str(bad);
        text.push('\n');
    }
    let input = s.file("h.jsonl", text);
    let (code, _, stderr) = run(&["summary", "--as-of", AS_OF, input.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("有误的行（前 20 条）："), "{stderr}");
    assert!(
        stderr.contains("  第 2 行（members[0].birthDate）："),
        "{stderr}"
    );
    assert!(stderr.contains("  第 21 行（"), "{stderr}");
    assert!(!stderr.contains("  第 22 行（"), "{stderr}");
}

/// Estimate rows carry the household's place as the register gives it, errors included, so that
/// an analyst can sort and pivot them by region, town and village.
#[test]
fn estimate_rows_name_the_households_place() {
    let (code, stdout, stderr) = estimate_quiet(
        &county().join("register.csv"),
        &["--output-format", "csv", "--no-bom", "-o", "-"],
    );
    assert_eq!(code, 1, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (household, region, town, village) =
        (at("household"), at("region"), at("town"), at("village"));
    let rows: Vec<(String, String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let cell = |i: usize| r.get(i).unwrap().to_string();
            (cell(household), cell(region), cell(town), cell(village))
        })
        .collect();
    // register.csv: H01 延寿县 延寿镇 东村; H10, an error, 龙江县 (tests/registers/county/README.md).
    let of = |id: &str| rows.iter().find(|r| r.0 == id).unwrap().clone();
    assert_eq!(
        of("H01"),
        (
            "H01".into(),
            "230129".into(),
            "延寿镇".into(),
            "东村".into()
        )
    );
    assert_eq!(of("H10").1, "230221");
    assert!(!of("H10").2.is_empty(), "an error row keeps its place");
}

#[test]
fn golden_county_register_compare() {
    let s = Scratch::new("golden-compare");
    let input = county().join("register.csv");
    let params = county().join("county-2025.json");
    let (diff, report, text) = (s.path("d.csv"), s.path("r.csv"), s.path("r.txt"));
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        input.to_str().unwrap(),
        "--params",
        params.to_str().unwrap(),
        "-o",
        diff.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("现金帮扶合计"),
        "the table is printed: {stderr}"
    );
    assert_same_file(&diff, "expected-differences.csv");
    assert_same_file(&report, "expected-comparison.csv");
    run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        "--quiet",
        input.to_str().unwrap(),
        "--params",
        params.to_str().unwrap(),
        "--report",
        text.to_str().unwrap(),
        "-o",
        s.path("x.jsonl").to_str().unwrap(),
    ]);
    assert_same_file(&text, "expected-comparison.txt");
    // The `.txt` report and stderr keep to an A4 page (docs/register.md), the reasons and their note
    // too: as a table they were 140 and 216 columns wide.
    let printed = std::fs::read_to_string(&text).unwrap();
    for out in [&printed, &stderr] {
        let widest = out
            .lines()
            .map(zhenxing::register::summary::display_width)
            .max()
            .unwrap();
        assert!(widest <= 100, "{widest} columns wide:\n{out}");
        assert!(out.contains("  · 9 户（增加 6 户，减少 3 户），年额变化 3,480.00 元：标准、档次、比例等参数调整。"), "{out}");
    }
    // --changed-only leaves out the unchanged households (H05, H07, H12) and keeps the error.
    let (_, out, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        input.to_str().unwrap(),
        "--params",
        params.to_str().unwrap(),
        "--changed-only",
        "--output-format",
        "jsonl",
        "-o",
        "-",
    ]);
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|v| v["household"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        ["H01", "H02", "H03", "H04", "H06", "H08", "H09", "H10", "H11", "H13"]
    );
    assert!(stderr.contains("未变化的 3 户未写出"), "{stderr}");
    // --set changes a parameter everywhere: 471 for both counties, so 龙江 gains too.
    let (_, out, _) = run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        "--quiet",
        input.to_str().unwrap(),
        "--set",
        "dibao.standard.rural=471",
        "--output-format",
        "jsonl",
        "-o",
        "-",
    ]);
    let h08 = lines(&out)
        .into_iter()
        .find(|v| v["household"] == "H08")
        .unwrap();
    assert_eq!(h08["programs"][0]["annualAfter"], "2617.20");
    // The printed report says what it compares: the changes, against the built-in set.
    let text = s.path("set.txt");
    run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        "--quiet",
        input.to_str().unwrap(),
        "--set",
        "dibao.standard.rural=471",
        "--set",
        "dibao.standard.urban=700",
        "--report",
        text.to_str().unwrap(),
        "-o",
        s.path("y.jsonl").to_str().unwrap(),
    ]);
    let heading = std::fs::read_to_string(&text).unwrap();
    assert!(
        heading.starts_with(
            "参数对照报告\n测算日期：2025-06-01\n花名册：register.csv，读入 13 户，其中 1 户有误，不参与比较（见“有误户数”）\n\
             对照参数：内置的黑龙江参数\n调整后参数：同对照参数，另改 dibao.standard.rural=471、dibao.standard.urban=700\n\n"
        ),
        "{heading}"
    );
    // A bad --set is refused before anything runs.
    let (code, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-06-01",
        input.to_str().unwrap(),
        "--set",
        "dibao.standard.ruarl=471",
    ]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn the_sample_registers_give_the_same_results_in_every_form() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/registers"));
    let out = |file: &str, extra: &[&str]| {
        let (code, rows, stderr) = estimate_rows(&dir.join(file), extra);
        assert_eq!(code, 0, "{file}: {stderr}");
        rows
    };
    let zh = out("example-zh.csv", &[]);
    assert_eq!(zh.len(), 5);
    assert_eq!(out("example-gbk.csv", &["--encoding", "gbk"]), zh);
    assert_eq!(out("example-en.csv", &[]), zh);
    // The same register kept in a spreadsheet (amounts shown as 9,000, dates as 1950/1/1) and saved
    // as CSV by LibreOffice, not by us: see tests/registers/spreadsheet/README.md.
    let saved = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/registers/spreadsheet"
    ));
    let (code, utf8, stderr) = estimate_rows(&saved.join("register-utf8.csv"), &[]);
    assert_eq!((code, &utf8), (0, &zh), "{stderr}");
    let (code, gbk, stderr) =
        estimate_rows(&saved.join("register-gbk.csv"), &["--encoding", "gbk"]);
    assert_eq!((code, &gbk), (0, &zh), "{stderr}");
}

#[test]
fn the_documentation_lists_every_column_with_its_alias() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/register.md")).unwrap();
    for c in zhenxing::register::COLUMNS {
        let row = format!("| `{}` | {} |", c.name, c.alias);
        assert!(doc.contains(&row), "docs/register.md lacks {row}");
        for (zh, api) in c.values {
            assert!(
                doc.contains(zh),
                "docs/register.md lacks the value {zh} ({api}) of {}",
                c.name
            );
        }
    }
}

/// `screenText` (the library's `screen_text`, one call over the whole text) writes exactly the CSV
/// the tool writes, for CSV and JSON Lines registers, bad rows included.
#[test]
fn screening_a_register_as_text_writes_what_the_tool_writes() {
    use zhenxing::register::output::Lang;
    use zhenxing::register::text::{screen_text, TextOptions};
    let engine = Engine::new().unwrap();
    let county = registers().join("county/register.csv");
    let examples = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/registers"));
    for input in [
        registers().join("small.csv"),
        registers().join("small.jsonl"),
        county,
        examples.join("example-zh.csv"),
        examples.join("example-en.csv"),
    ] {
        for (flag, lang) in [("en", Lang::En), ("zh", Lang::Zh)] {
            let (_, stdout, stderr) = estimate_quiet(
                &input,
                &[
                    "--output-format",
                    "csv",
                    "--no-bom",
                    "--headers",
                    flag,
                    "-o",
                    "-",
                ],
            );
            let bytes = std::fs::read(&input).unwrap();
            let opts = TextOptions {
                headers: Some(lang),
                ..TextOptions::default()
            };
            let text = screen_text(&engine, &bytes, AS_OF, opts).unwrap();
            assert_eq!(text.csv, stdout, "{}: {stderr}", input.display());
            assert_eq!(text.rows as usize, stdout.lines().count() - 1);
        }
    }
    let bad_date = screen_text(&engine, b"{}", "2023-02-29", TextOptions::default());
    assert_eq!(bad_date.unwrap_err().path, "asOf");
}

/// `zhenxing params | head`: a reader that stops early is not an error, whatever the command and
/// its format (`params --json`, `county --json` and `estimate` used to end with 写出失败：Broken pipe
/// and status 2).
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let s = Scratch::new("reader-gone");
    let register = s.file("many.jsonl", many_json_lines(5000));
    let register = register.to_str().unwrap();
    for args in [
        vec!["params"],
        vec!["params", "--json"],
        vec!["county", "--as-of", AS_OF, "230100", "--json"],
        vec!["estimate", "--as-of", AS_OF, register],
        vec![
            "estimate",
            "--as-of",
            AS_OF,
            "--output-format",
            "csv",
            register,
        ],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, with most of the output unread.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("写出失败"), "{args:?}: {stderr}");
        assert!(!stderr.contains("错误"), "{args:?}: {stderr}");
    }
}

// ---- Nothing lost, nothing let through: pipes, outputs, temporary files, signals ----

/// `n` lines of JSON Lines: the good households of small.jsonl over and over.
fn many_json_lines(n: usize) -> String {
    let small = std::fs::read_to_string(registers().join("small.jsonl")).unwrap();
    let good: Vec<&str> = small.lines().take(2).collect();
    (0..n).map(|i| format!("{}\n", good[i % 2])).collect()
}

/// The tool run with `args`, killed (and the test failed) if it has not ended within a minute:
/// a tool reading a pipe twice would wait for ever.
fn run_within_a_minute(mut command: Command) -> std::process::Output {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the tool runs");
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().ok();
            panic!("the tool did not end within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Waits (at most 20 s) until `ready` holds, or fails the test with `what`.
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let started = std::time::Instant::now();
    while !ready() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting until {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Sends `signal` (`INT`, `TERM`) to a process.
fn signal(pid: u32, signal: &str) {
    let sent = Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Every file and folder under `dir`.
fn everything_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(everything_under(&path));
        }
        found.push(path);
    }
    found
}

#[test]
fn a_register_named_as_a_pipe_is_read_as_a_stream() {
    let s = Scratch::new("pipes");
    // JSON Lines through /dev/stdin, a pipe: every line (the tool looks at the first 64 KiB to tell
    // the format; reading the pipe again lost them and a third of the rest).
    let text = many_json_lines(3000);
    let (code, by_name, _) = estimate_quiet(&s.file("register.jsonl", &text), &[]);
    assert_eq!(code, 0);
    let (code, piped, err) = run_fed(
        &["estimate", "--as-of", AS_OF, "--quiet", "/dev/stdin"],
        text.as_bytes(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines(&piped).len(), 3000);
    assert_eq!(piped, by_name);
    // CSV is read twice (split households are found first): through /dev/stdin, and through a
    // named pipe with and without an extension, it is the register read by name.
    let csv = std::fs::read(registers().join("small.csv")).unwrap();
    let (_, by_name, _) = estimate_quiet(&registers().join("small.csv"), &[]);
    let (code, piped, err) = run_fed(
        &["estimate", "--as-of", AS_OF, "--quiet", "/dev/stdin"],
        &csv,
    );
    assert_eq!((code, piped.as_str()), (1, by_name.as_str()), "{err}");
    for name in ["fifo.csv", "fifo"] {
        let fifo = s.path(name);
        assert!(Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let (path, bytes) = (fifo.clone(), csv.clone());
        let writer = std::thread::spawn(move || std::fs::write(path, bytes));
        let mut command = Command::new(env!("CARGO_BIN_EXE_zhenxing"));
        command.args([
            "estimate",
            "--as-of",
            AS_OF,
            "--quiet",
            fifo.to_str().unwrap(),
        ]);
        let out = run_within_a_minute(command);
        writer.join().unwrap().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            by_name,
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn no_output_may_be_an_input_or_another_output() {
    let s = Scratch::new("no-output-is-an-input");
    let ledger_text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/county/ledger.csv"
    ))
    .unwrap();
    let ledger = s.file("ledger.csv", &ledger_text);
    let link = s.path("link.csv");
    std::os::unix::fs::symlink(&ledger, &link).unwrap();
    // `assets -o` the ledger itself, or a link to it: refused, the ledger untouched.
    for out in [&ledger, &link] {
        let (code, _, err) = run(&[
            "assets",
            "--as-of",
            "2024-06-01",
            ledger.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("就是输入文件"), "{err}");
        assert_eq!(std::fs::read(&ledger).unwrap(), ledger_text);
    }
    // A parameter file is an input too, whichever command reads it.
    let params_text = std::fs::read(county().join("county-2025.json")).unwrap();
    let params = s.file("params.json", &params_text);
    let register = s.file(
        "register.csv",
        std::fs::read(registers().join("small.csv")).unwrap(),
    );
    let (r, p) = (register.to_str().unwrap(), params.to_str().unwrap());
    for args in [
        vec!["estimate", "--params", p, r, "-o", p],
        vec!["summary", "--params", p, r, "-o", p],
        vec!["compare", "--params", p, r, "--report", p],
        vec![
            "compare",
            "--baseline",
            p,
            "--set",
            "dibao.standard.rural=471",
            r,
            "-o",
            p,
        ],
        vec!["assets", "--params", p, ledger.to_str().unwrap(), "-o", p],
    ] {
        let mut all = vec![args[0], "--as-of", AS_OF];
        all.extend(&args[1..]);
        let (code, _, err) = run(&all);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains("就是输入文件"), "{args:?}: {err}");
        assert_eq!(std::fs::read(&params).unwrap(), params_text);
    }
    // Two outputs of one run in one file: one would overwrite the other.
    let both = s.path("both.csv");
    let (code, _, err) = run(&[
        "compare",
        "--as-of",
        AS_OF,
        "--params",
        p,
        r,
        "-o",
        both.to_str().unwrap(),
        "--report",
        both.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("-o 与 --report 是同一个文件"), "{err}");
    assert!(!both.exists());
    let (code, _, err) = run(&["estimate", "--as-of", AS_OF, r, "--summary", "-"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("-o 与 --summary 是同一个文件"), "{err}");
}

#[test]
fn the_standard_input_copy_is_private_and_left_nowhere() {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("spool");
    let tmp = s.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    // CSV on standard input is copied (it is read twice). More than the 64 KiB the tool first looks
    // at, and the pipe left open: the tool is copying, and waits for the rest.
    let mut csv = String::from("household_id,region,birth_date\n");
    for i in 0..3000 {
        csv.push_str(&format!("H{i},230129,1980-01-01\n"));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
        .env("TMPDIR", &tmp)
        .args(["estimate", "--as-of", AS_OF, "--quiet", "-", "-o"])
        .arg(s.path("out.csv"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(csv.as_bytes()).unwrap();
    stdin.flush().unwrap();
    // The copy is the open file of the tool's that lies in the temporary folder.
    let fds = std::path::PathBuf::from(format!("/proc/{}/fd", child.id()));
    let copy = || {
        std::fs::read_dir(&fds).ok()?.find_map(|fd| {
            let fd = fd.ok()?.path();
            let target = std::fs::read_link(&fd).ok()?;
            target.starts_with(&tmp).then_some((fd, target))
        })
    };
    wait_until("the tool copies standard input", || copy().is_some());
    let (fd, target) = copy().unwrap();
    // Readable by its owner only, and already without a name: nobody can open it, and nothing
    // remains whatever ends the tool.
    let mode = std::fs::metadata(&fd).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{target:?}");
    assert!(
        target.to_string_lossy().ends_with(" (deleted)"),
        "{target:?}"
    );
    assert_eq!(everything_under(&tmp), Vec::<std::path::PathBuf>::new());
    signal(child.id(), "TERM");
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), None, "ended by the signal");
    assert_eq!(everything_under(&tmp), Vec::<std::path::PathBuf>::new());
    assert_eq!(everything_under(&s.0).len(), 1, "only the empty tmp folder");
}

#[test]
fn an_unwritable_standard_error_does_not_stop_the_run() {
    let s = Scratch::new("stderr");
    let register = registers().join("small.csv");
    let (_, expected, _) = estimate_quiet(&register, &[]);
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for (what, closed) in [("2>/dev/full", false), ("a closed pipe", true)] {
        let out = s.path("out.jsonl");
        std::fs::remove_file(&out).ok();
        // Not --quiet: the summary goes to standard error, and standard error cannot take it.
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
            .args([
                "estimate",
                "--as-of",
                AS_OF,
                register.to_str().unwrap(),
                "-o",
            ])
            .arg(&out)
            .stderr(if closed {
                std::process::Stdio::piped()
            } else {
                full().into()
            })
            .spawn()
            .unwrap();
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_eq!(
            status.code(),
            Some(1),
            "{what}: small has bad rows on purpose"
        );
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected, "{what}");
    }
}

#[test]
fn rewriting_an_output_keeps_its_permissions_and_its_link() {
    use std::os::unix::fs::PermissionsExt;
    let s = Scratch::new("permissions");
    let register = registers().join("small.csv");
    let out = s.file("private.csv", "old");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (code, _, err) = estimate_quiet(&register, &["-o", out.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o600);
    // Its owner too, where the test may give the file away (as root).
    let owned = s.file("owned.csv", "old");
    let other = Command::new("chown")
        .arg("12345:12345")
        .arg(&owned)
        .status();
    if other.is_ok_and(|s| s.success()) {
        use std::os::unix::fs::MetadataExt;
        let (code, _, err) = estimate_quiet(&register, &["-o", owned.to_str().unwrap()]);
        assert_eq!(code, 1, "{err}");
        let m = std::fs::metadata(&owned).unwrap();
        assert_eq!((m.uid(), m.gid()), (12345, 12345));
    }
    assert!(std::fs::read_to_string(&out).unwrap().contains("household"));
    // The same for a summary and an asset ledger, which are written the same way.
    let summary = s.file("summary.csv", "old");
    std::fs::set_permissions(&summary, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, err) = run(&[
        "summary",
        "--as-of",
        AS_OF,
        "--quiet",
        register.to_str().unwrap(),
        "-o",
        summary.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(mode(&summary), 0o640);
    let ledger = s.file("ledger-out.csv", "old");
    std::fs::set_permissions(&ledger, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (_, _, err) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/county/ledger.csv"),
        "-o",
        ledger.to_str().unwrap(),
    ]);
    assert_eq!(mode(&ledger), 0o600, "{err}");
    assert!(std::fs::read_to_string(&ledger)
        .unwrap()
        .starts_with("line,id,"));
    // A link is written through: the file it points to is replaced, the link stays a link.
    let real = s.file("real.csv", "old");
    let link = s.path("link.csv");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (code, _, _) = estimate_quiet(&register, &["-o", link.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("household"));
}

/// A portal's value without a region is the province's: through --params and --set alike, a
/// household of Harbin's 道里区 gets it, not the embedded districts' 625.
#[test]
fn a_province_wide_value_from_params_or_set_reaches_every_county() {
    let s = Scratch::new("province-wide");
    let portal = s.file(
        "portal.json",
        r#"{"schema":"zhenxing-parameters/1","id":"province-2024","title":"全省2024年农村低保标准","published":"2024-01-15","extends":"heilongjiang","parameters":[{"name":"dibao.standard.rural","values":[{"from":"2024-01-01","value":"530","source":"省民政厅2024年通知","status":"official"}]}]}"#,
    );
    // One person of 74 in 道里区 with no income: the standard plus 0.10 of it for an elderly
    // member: 530 + 53.00 = 583.00 a month, 6,996.00 a year (625 + 62.50 = 687.50, 8,250.00, under
    // the embedded districts' value).
    let register = s.file(
        "one.jsonl",
        "{\"region\":\"230102\",\"members\":[{\"birthDate\":\"1950-01-01\"}]}\n",
    );
    let annual = |extra: &[&str]| {
        let mut args = vec!["estimate", "--as-of", "2024-06-01", "--quiet"];
        args.extend_from_slice(extra);
        args.push(register.to_str().unwrap());
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        let row = &lines(&out)[0];
        let dibao = row["screening"]["programs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == "dibao")
            .unwrap()
            .clone();
        dibao["annual"].as_str().unwrap().to_string()
    };
    assert_eq!(annual(&[]), "8250.00");
    assert_eq!(annual(&["--params", portal.to_str().unwrap()]), "6996.00");
    assert_eq!(annual(&["--set", "dibao.standard.rural=530"]), "6996.00");
}

#[test]
fn an_interrupted_run_leaves_no_temporary_file() {
    use std::io::Write;
    for sig in ["INT", "TERM"] {
        let s = Scratch::new(&format!("interrupted-{sig}"));
        let out = s.path("out.csv");
        let mut child = Command::new(env!("CARGO_BIN_EXE_zhenxing"))
            .args(["estimate", "--as-of", AS_OF, "--quiet", "-", "-o"])
            .arg(&out)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Households keep coming (the pipe stays open): the tool is writing its temporary file.
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(many_json_lines(1000).as_bytes()).unwrap();
        stdin.flush().unwrap();
        let temporary = || {
            std::fs::read_dir(&s.0).unwrap().any(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".zhenxing-tmp")
            })
        };
        wait_until("the tool writes its temporary file", temporary);
        signal(child.id(), sig);
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.code(), None, "{sig}: ended by the signal");
        assert!(!temporary(), "{sig}: {:?}", everything_under(&s.0));
        assert!(!out.exists(), "{sig}");
    }
}

#[test]
fn an_overlong_line_is_its_line_s_error_and_the_rest_go_on() {
    let s = Scratch::new("overlong");
    // JSON Lines: a 2 MiB line between two households.
    let good = many_json_lines(1);
    let long = format!("{{\"ref\":\"{}\"}}\n", "x".repeat(2 << 20));
    let text = format!("{good}{long}{good}");
    let (code, rows, err) = estimate_rows(&s.file("long.jsonl", &text), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(line_status(&rows), [(1, true), (2, false), (3, true)]);
    assert!(
        message(&rows[1]).contains("超过一行的上限（1 MB）"),
        "{}",
        message(&rows[1])
    );
    assert!(message(&rows[1]).len() < 300);
    // CSV: a row with a 100 KB cell, and a 2 MiB row, each its household's error.
    let csv = format!(
        "household_id,region,birth_date\nA,230129,1980-01-01\nB,230129,{}\nC,{}\nD,230129,1980-01-01\n",
        "9".repeat(100_000),
        "9".repeat(2 << 20)
    );
    let (code, rows, err) = estimate_rows(&s.file("long.csv", &csv), &[]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        households(&rows),
        [
            h("A", 2, 2, true),
            h("B", 3, 3, false),
            h("C", 4, 4, false),
            h("D", 5, 5, true)
        ]
    );
    assert!(
        message(&rows[1]).contains("第 3 格有 100000 字节，超过一格的上限（64 KB）"),
        "{}",
        message(&rows[1])
    );
    assert!(
        message(&rows[2]).contains("超过一行的上限"),
        "{}",
        message(&rows[2])
    );
    // A line without end (/dev/zero): the run stops, saying why, with nothing written.
    for format in ["jsonl", "csv"] {
        let out = s.path("zero.jsonl");
        let mut command = Command::new(env!("CARGO_BIN_EXE_zhenxing"));
        command.args([
            "estimate",
            "--as-of",
            AS_OF,
            "--input-format",
            format,
            "/dev/zero",
            "-o",
        ]);
        command.arg(&out);
        let run = run_within_a_minute(command);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{format}: {err}");
        assert!(
            err.contains("第 1 行超过 64 MB 仍未结束"),
            "{format}: {err}"
        );
        assert!(!out.exists());
    }
}

#[test]
fn a_register_cut_off_in_a_line_is_not_all_counted() {
    let s = Scratch::new("cut-off");
    let whole = many_json_lines(3);
    // Cut in the middle of its third household, as a copy that stopped early.
    let cut = s.file("cut.jsonl", &whole[..whole.len() - 20]);
    let (code, out, err) = run(&["estimate", "--as-of", AS_OF, cut.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        line_status(&lines(&out)),
        [(1, true), (2, true), (3, false)]
    );
    assert!(!err.contains("全部计入"), "{err}");
    assert!(err.contains("输入在第 3 行中间结束"), "{err}");
    assert!(err.contains("可能被截断"), "{err}");
    // A whole register without a final line break is whole.
    let whole = s.file("whole.jsonl", whole.trim_end());
    let (code, _, err) = run(&["estimate", "--as-of", AS_OF, whole.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("全部计入"), "{err}");
    assert!(!err.contains("截断"), "{err}");
}

#[test]
fn errors_quote_only_an_excerpt_of_a_huge_value() {
    let s = Scratch::new("excerpts");
    let huge = "9".repeat(50_000);
    // A date, an amount and an unknown field's name, each 50,000 characters long.
    let text = [
        format!("{{\"region\":\"230129\",\"members\":[{{\"birthDate\":\"{huge}\"}}]}}"),
        format!("{{\"region\":\"230129\",\"members\":[{{\"birthDate\":\"1980-01-01\",\"wages\":\"{huge}\"}}]}}"),
        format!("{{\"region\":\"230129\",\"{huge}\":1,\"members\":[{{\"birthDate\":\"1980-01-01\"}}]}}"),
    ]
    .join("\n");
    let (_, rows, _) = estimate_rows(&s.file("huge.jsonl", text), &[]);
    assert_eq!(rows.len(), 3);
    for r in &rows {
        let e = &r["error"];
        assert!(e["message"].as_str().unwrap().chars().count() < 120, "{e}");
        assert!(e["path"].as_str().unwrap().chars().count() < 60, "{e}");
        assert!(e["message"].as_str().unwrap().contains("9999…"), "{e}");
    }
    // In a register: a cell under no header, and household cells that disagree.
    let csv = format!(
        "household_id,region,birth_date,\nA,230129,1980-01-01,{huge}\nB,230129,1980-01-01,\nB,{huge},1980-01-01,\n"
    );
    let (_, rows, _) = estimate_rows(&s.file("huge.csv", csv), &[]);
    for r in &rows {
        assert!(message(r).chars().count() < 200, "{}", &message(r)[..300]);
    }
    // An unknown column named by 50,000 characters: the run stops, saying so briefly.
    let csv = format!("household_id,region,{huge}\nA,230129,1\n");
    let (code, _, err) = estimate_rows(&s.file("huge-header.csv", csv), &[]);
    assert_eq!(code, 2);
    assert!(err.chars().count() < 300, "{}", &err[..300]);
}

/// Dates as Excel on Chinese Windows saves them (`1980/3/4`) read as the ISO dates they are.
#[test]
fn excel_dates_read_as_iso_dates() {
    let s = Scratch::new("excel-dates");
    let iso = s.file(
        "iso.csv",
        "户编号,地区代码,成员,出生日期\nH1,230129,户主,1958-03-04\nH1,230129,孙子,2012-11-05\n",
    );
    let excel = s.file(
        "excel.csv",
        "户编号,地区代码,成员,出生日期\nH1,230129,户主,1958/3/4\nH1,230129,孙子,2012/11/5\n",
    );
    let (code, from_iso, stderr) = estimate_rows(&iso, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (code, from_excel, stderr) = estimate_rows(&excel, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(from_excel, from_iso);
}

/// A register's errors in the register's terms: the line, and the column rather than the API field.
#[test]
fn register_errors_name_the_line_and_the_column() {
    let (code, rows, _) = register_rows(
        "register-terms",
        "户编号,地区代码,成员,出生日期\nH1,230129,户主,\nH2,239999,户主,1960-01-01\n",
    );
    assert_eq!(code, 1);
    // H1: the birth date is missing on line 2, named as its column.
    assert!(
        message(&rows[0]).starts_with("第 2 行：缺少必填字段“出生日期”（birth_date）"),
        "{}",
        message(&rows[0])
    );
    assert_eq!(rows[0]["error"]["path"], "members[0].birthDate");
    // H2: a household field, on the household's first line, and its column.
    assert!(
        message(&rows[1]).starts_with("第 3 行：“地区代码”（region）：未知的行政区划代码“239999”"),
        "{}",
        message(&rows[1])
    );
}

/// Money as an officer types it in Excel, read as the staff page reads it; a wrong amount is named
/// by its column.
#[test]
fn register_amounts_read_as_an_officer_writes_them() {
    let header = "户编号,地区代码,经营净收入,成员,出生日期,工资收入\n";
    let (code, rows, _) = register_rows(
        "register-money-typed",
        &format!("{header}H1,230129,\"12,000\",户主,1960-01-01,３０００元\nH2,230129,两千,户主,1970-01-01,\n"),
    );
    assert_eq!(code, 1);
    let (_, expected, stderr) = register_rows(
        "register-money-plain",
        &format!("{header}H1,230129,12000,户主,1960-01-01,3000\n"),
    );
    assert_eq!(rows[0], expected[0], "{stderr}");
    assert_eq!(
        message(&rows[1]),
        "第 3 行：“经营净收入”（income_business）：金额“两千”不是有效的数字（应为如 1234.50 的十进制数）"
    );
}

/// Dates as Chinese registers write them read as the page reads them; one no one writes is refused
/// with the shapes a register may use.
#[test]
fn register_dates_read_as_an_officer_writes_them() {
    let header = "户编号,地区代码,成员,出生日期\n";
    let (code, rows, _) = register_rows(
        "register-dates-typed",
        &format!("{header}H1,230129,户主,1958年1月1日\nH2,230129,户主,1958.1.1\nH3,230129,户主,1/1/1958\n"),
    );
    assert_eq!(code, 1);
    let (_, expected, stderr) = register_rows(
        "register-dates-plain",
        &format!("{header}H1,230129,户主,1958-01-01\n"),
    );
    let figures = |v: &Value| v["screening"].clone();
    assert!(expected[0]["screening"].is_object(), "{stderr}");
    assert_eq!(figures(&rows[0]), figures(&expected[0]), "{stderr}");
    assert_eq!(figures(&rows[1]), figures(&expected[0]), "{stderr}");
    assert_eq!(
        message(&rows[2]),
        "第 4 行：“出生日期”（birth_date）：日期“1/1/1958”格式有误，应为 YYYY-MM-DD（如 2023-06-01）；花名册中也可写作 1980/3/4 或 1980年3月4日"
    );
}

/// `--as-of` and `--to` take a date in the forms a register cell may hold it, as the cells do.
#[test]
fn dates_on_the_command_line_take_the_register_forms() {
    let input = county().join("register.csv");
    let input = input.to_str().unwrap();
    let with = |from: &str, to: &str| {
        let (_, out, stderr) = run(&[
            "compare", "--as-of", from, "--to", to, "--quiet", input, "-o", "-",
        ]);
        assert!(!out.is_empty(), "{from} {to}: {stderr}");
        out
    };
    let iso = with("2025-12-31", "2026-01-01");
    assert_eq!(with("2025/12/31", "2026年1月1日"), iso);
    // Anything else is still refused by the date reader, with its reason.
    let (code, _, stderr) = run(&["summary", "--as-of", "2025/13/1", "--quiet", input]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("2025-13-01") && stderr.contains("不存在"),
        "{stderr}"
    );
}

/// A wrong value of a column with Chinese values lists the values a register may hold.
#[test]
fn a_wrong_value_lists_the_chinese_values() {
    let (code, rows, _) = register_rows(
        "register-values",
        "户编号,地区代码,户类型,成员,出生日期\nH1,230129,贫困户,户主,1960-01-01\n",
    );
    assert_eq!(code, 1);
    assert!(
        message(&rows[0]).starts_with("第 2 行：“户类型”（status）：取值 \"贫困户\" 无效")
            && message(&rows[0]).ends_with("（花名册中写作：一般户、脱贫户、监测户、返贫致贫户）"),
        "{}",
        message(&rows[0])
    );
}

/// A list column's wrong value names the column and its Chinese values too; the forms common
/// exports write for the policy's events and for 专科 study are read (因学 is no event of the
/// policy's: still refused).
#[test]
fn a_wrong_event_names_its_column_and_export_forms_are_read() {
    let (code, rows, _) = register_rows(
        "register-events",
        "户编号,地区代码,困难事件,就学阶段,出生日期\nH1,230129,因学,,1960-01-01\nH2,230129,因意外;自然灾害,大专,2005-01-01\nH3,230129,意外事故;因灾,高职,2005-01-01\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        message(&rows[0]),
        "第 2 行：“困难事件”（events）：取值 \"因学\" 无效，应为：illness、disaster、accident、familyChange（花名册中写作：因病、因灾、因意外事故、家庭重大变故）"
    );
    // H2 reads as H3, written in the documented forms.
    assert!(rows[1]["screening"].is_object(), "{}", rows[1]);
    assert_eq!(rows[1]["screening"], rows[2]["screening"]);
}

/// A row with several mistakes gets every one at once, each at its line and column, so an officer
/// corrects them in one pass.
#[test]
fn a_row_with_several_problems_lists_them_all() {
    let (code, rows, stderr) = register_rows(
        "register-problems",
        "户编号,地区代码,经营净收入,成员,出生日期\nB,230129,两千,户主,1970/13/01\n",
    );
    assert_eq!(code, 1);
    let error = &rows[0]["error"];
    assert!(
        message(&rows[0]).ends_with("（共 2 处问题）"),
        "{}",
        message(&rows[0])
    );
    assert_eq!(error["problems"][0]["path"], "income.business");
    assert_eq!(error["problems"][1]["path"], "members[0].birthDate");
    assert_eq!(
        error["problems"][1]["message"],
        "第 2 行：“出生日期”（birth_date）：日期“1970-13-01”不存在（请检查月份和日）"
    );
    // The closing summary lists both.
    assert!(
        stderr
            .contains("金额“两千”不是有效的数字（应为如 1234.50 的十进制数）；第 2 行：“出生日期”"),
        "{stderr}"
    );
}

#[test]
fn standard_input_is_read_as_csv_or_json_lines_by_its_first_character() {
    // The same register twice, as CSV and as JSON Lines, piped in with no format named.
    for file in ["small.csv", "small.jsonl"] {
        let bytes = std::fs::read(registers().join(file)).unwrap();
        let (code, out, err) = run_fed(&["estimate", "--as-of", AS_OF, "--quiet", "-"], &bytes);
        let rows = lines(&out);
        assert_eq!(
            code, 1,
            "{file}: small has a bad household on purpose; {err}"
        );
        assert!(
            rows.iter().filter(|r| r["ok"] == true).count() >= 2,
            "{file}: {out}"
        );
        // A CSV read as JSON Lines would make every line an error, its header's too.
        if file.ends_with(".csv") {
            assert!(rows.iter().all(|r| r["error"]["message"]
                .as_str()
                .is_none_or(|m| !m.contains("JSON"))));
        }
    }
}

#[test]
fn a_json_array_is_read_as_its_households_on_one_line_or_many() {
    // docs/register.md: a JSON array of households (first character `[`), on one line or many,
    // is read as its households, each row's line its place in the array; from a file (.json or
    // .jsonl) or from standard input, the same rows as the households as JSON Lines.
    let s = Scratch::new("json-array");
    let h1 = r#"{"region":"230221","members":[{"birthDate":"1950-01-01"}],"income":{"transfer":"9000"}}"#;
    let h2 =
        r#"{"region":"230129","members":[{"birthDate":"1980-01-01"}],"income":{"other":"30000"}}"#;
    let (code, expected, err) = estimate_rows(&s.file("two.jsonl", format!("{h1}\n{h2}\n")), &[]);
    assert_eq!((code, households(&expected).len()), (0, 2), "{err}");
    let one_line = format!("[{h1},{h2}]");
    let pretty = format!("[\n{h1},\n{h2}\n]\n");
    for (name, text) in [
        ("one.json", &one_line),
        ("one.jsonl", &one_line),
        ("pretty.json", &pretty),
    ] {
        let (code, rows, err) = estimate_rows(&s.file(name, text), &[]);
        assert_eq!((code, &rows), (0, &expected), "{name}: {err}");
    }
    for text in [&one_line, &pretty] {
        let (code, out, err) = run_fed(&["estimate", "--as-of", AS_OF, "-"], text.as_bytes());
        assert_eq!((code, lines(&out)), (0, expected.clone()), "{err}");
    }
}

#[test]
fn arguments_are_refused_and_helped_in_chinese() {
    let (code, _, err) = run(&["estimate", "--bogus"]);
    assert_eq!(code, 2);
    assert!(err.contains("未知选项 --bogus"), "{err}");
    let (code, _, err) = run(&["estimate", "--as-of"]);
    assert_eq!(code, 2);
    assert!(err.contains("--as-of 需要一个值"), "{err}");
    for command in ["county", "assets"] {
        let (code, out, _) = run(&[command, "--help"]);
        assert_eq!(code, 0, "{command} --help");
        assert!(out.contains("zhenxing assets"), "{out}");
    }
    let (_, out, _) = run(&["--help"]);
    assert!(out.contains("zhenxing county --as-of"), "{out}");
}

#[test]
fn estimate_and_summary_apply_a_set_parameter() {
    // 延寿县, one person aged 48 with no income: 补差 = standard × 1 − 0, so the row's 低保
    // monthly is the standard: 441.00 built in, 471.00 with --set dibao.standard.rural=471.
    let s = Scratch::new("set");
    let file = s.file(
        "one.jsonl",
        r#"{"region":"230129","members":[{"birthDate":"1975-03-01"}]}"#,
    );
    let input = file.to_str().unwrap();
    let monthly = |extra: &[&str]| {
        let (code, out, err) = estimate_quiet(&file, extra);
        assert_eq!(code, 0, "{err}");
        lines(&out)[0]["screening"]["programs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == "dibao")
            .unwrap()["monthly"]
            .clone()
    };
    assert_eq!(monthly(&[]), "441.00");
    assert_eq!(monthly(&["--set", "dibao.standard.rural=471"]), "471.00");
    let (code, out, err) = run(&[
        "summary",
        "--as-of",
        AS_OF,
        "--quiet",
        input,
        "--set",
        "dibao.standard.rural=471",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("另改 dibao.standard.rural=471"), "{out}");
    // 471.00 × 12 = 5652.00 a year (printed thousands separated).
    assert!(out.contains("5,652.00"), "{out}");
}

#[test]
fn a_json_document_is_read_as_its_households() {
    // A household as the staff page downloads it (pretty-printed), and an array of two whose
    // second has no such region and a member id holding `,]}` (not the array's end).
    let s = Scratch::new("document");
    let one = s.file(
        "家庭-户主-2026-11-30.json",
        "{\n  \"region\": \"230129\",\n  \"members\": [\n    {\n      \"id\": \"户主\",\n      \"birthDate\": \"1975-03-01\"\n    }\n  ]\n}\n",
    );
    let estimate = |file: &std::path::Path| estimate_quiet(file, &[]);
    let (code, out, err) = estimate(&one);
    assert_eq!(code, 0, "{err}");
    let rows = lines(&out);
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(rows[0]["ok"], true);
    let many = s.file(
        "households.json",
        "[\n {\"region\":\"230129\",\"members\":[{\"birthDate\":\"1975-03-01\"}]},\n {\"region\":\"230199\",\"members\":[{\"id\":\"a,]}\",\"birthDate\":\"1975-03-01\"}]}\n]\n",
    );
    let (code, out, _) = estimate(&many);
    assert_eq!(code, 1);
    let rows = lines(&out);
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(
        (rows[0]["ok"].clone(), rows[0]["line"].clone()),
        (Value::Bool(true), 1.into())
    );
    assert_eq!(rows[1]["line"], 2);
    assert_eq!(rows[1]["error"]["code"], "INVALID_REGION");
    // Both documents piped in read the same as by name.
    for (file, rows) in [(&one, 1), (&many, 2)] {
        let (_, out, err) = run_fed(
            &["estimate", "--as-of", AS_OF, "--quiet", "-"],
            &std::fs::read(file).unwrap(),
        );
        assert_eq!(lines(&out).len(), rows, "{file:?}: {out}{err}");
        assert_eq!(lines(&out)[0]["ok"], true, "{out}");
    }
    // JSON Lines named .json stay JSON Lines.
    let lined = s.file(
        "lines.json",
        "{\"region\":\"230129\",\"members\":[{\"birthDate\":\"1975-03-01\"}]}\n{\"region\":\"230221\",\"members\":[{\"birthDate\":\"1975-03-01\"}]}\n",
    );
    let (code, out, err) = estimate(&lined);
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines(&out).len(), 2, "{out}");
    // The document is still the input: writing over it is refused.
    let (code, _, err) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        one.to_str().unwrap(),
        "-o",
        one.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("就是输入文件"), "{err}");
}

#[test]
fn a_register_row_with_several_bad_cells_gets_them_all() {
    // A yes/no cell, a grade, a date and an amount all wrong on one row: every one is listed, each
    // at its field, in the register's words.
    let (code, rows, err) = register_rows(
        "bad-cells",
        "户编号,地区代码,出生日期,患重病,残疾等级,经营净收入\nA,230129,1970/2/30,maybe,五级,两千\n",
    );
    assert_eq!(code, 1, "{err}");
    let problems: Vec<(String, String)> = rows[0]["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().into(),
                p["message"].as_str().unwrap().into(),
            )
        })
        .collect();
    let paths: Vec<&str> = problems.iter().map(|(p, _)| p.as_str()).collect();
    for path in [
        "members[0].birthDate",
        "members[0].seriousIllness",
        "members[0].disabilityGrade",
        "income.business",
    ] {
        assert!(paths.contains(&path), "{path} in {problems:?}");
    }
    assert!(
        problems.iter().all(|(_, m)| m.starts_with("第 2 行：")),
        "{problems:?}"
    );
    assert!(problems
        .iter()
        .any(|(_, m)| m.contains("“残疾等级”（disability_grade）应为 1 到 4")));
}

// ---------------------------------------------------------------------------------------------
// What analysts tripped on: real exports, printed reports.

/// A national-system export: identity and telephone numbers beside the columns the tool reads, and a
/// column of notes. One member's birth date is wrong, so an error row is written too.
const EXPORT: &str = "户编号,身份证号,地区代码,成员,出生日期,联系电话,备注,工资收入\n\
    A,230129198001011234,230129,户主,1980-01-01,13912345678,已走访,8000\n\
    A,230129201001015678,230129,孩子,2010-01-01,13912345678,,\n\
    B,23012919700230999X,230129,户主,1970-02-30,13800001111,电话空号,\n";

/// The same register without the columns the tool does not read.
const PLAIN: &str = "户编号,地区代码,成员,出生日期,工资收入\n\
    A,230129,户主,1980-01-01,8000\n\
    A,230129,孩子,2010-01-01,\n\
    B,230129,户主,1970-02-30,\n";

const PERSONAL: [&str; 6] = [
    "230129198001011234",
    "230129201001015678",
    "23012919700230999X",
    "13912345678",
    "13800001111",
    "电话空号",
];

#[test]
fn unknown_columns_stop_the_run_unless_ignored_and_personal_details_never_reach_an_output() {
    let s = Scratch::new("ignore-columns");
    let export = s.file("export.csv", EXPORT);
    let plain = s.file("plain.csv", PLAIN);
    // Without --ignore-columns: 备注 is not a known column; the run stops, naming it once, and
    // says how to go on. No cell of the file is echoed.
    let (code, out, err) = run(&["estimate", "--as-of", AS_OF, export.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(err.matches("“备注”").count(), 1, "{err}");
    assert!(err.contains("--ignore-columns"), "{err}");
    for p in PERSONAL {
        assert!(!out.contains(p) && !err.contains(p), "{p} in {out}{err}");
    }
    // With it: the same results as the register without those columns, the ignored columns listed
    // once, and no identity number, telephone or note in any output (rows, explained estimates,
    // CSV, the summary, errors).
    let (_, want, _) = run(&[
        "estimate",
        "--as-of",
        AS_OF,
        "--quiet",
        plain.to_str().unwrap(),
    ]);
    let mut seen = String::new();
    for extra in [
        &[][..],
        &["--explain"],
        &["--output-format", "csv", "-o", "-"],
    ] {
        let mut args = vec!["estimate", "--as-of", AS_OF, "--ignore-columns"];
        args.extend_from_slice(extra);
        args.push(export.to_str().unwrap());
        let (code, out, err) = run(&args);
        assert_eq!(code, 1, "B is an error: {err}");
        if extra.is_empty() {
            assert_eq!(out, want);
            assert_eq!(err.matches("已忽略 3 列").count(), 1, "listed once: {err}");
            assert!(
                err.contains("第 2 列“身份证号”、第 6 列“联系电话”、第 7 列“备注”"),
                "{err}"
            );
        }
        seen.push_str(&out);
        seen.push_str(&err);
    }
    let summary = s.path("summary.txt");
    run(&[
        "summary",
        "--as-of",
        AS_OF,
        "--ignore-columns",
        export.to_str().unwrap(),
        "-o",
        summary.to_str().unwrap(),
    ]);
    seen.push_str(&std::fs::read_to_string(&summary).unwrap());
    for p in PERSONAL {
        assert!(!seen.contains(p), "{p} copied into an output");
    }
    // Identity and telephone columns alone need no option: an export with only those runs as it is.
    let personal_only = "户编号,身份证号,地区代码,成员,出生日期,联系电话,工资收入\n\
        A,230129198001011234,230129,户主,1980-01-01,13912345678,8000\n\
        A,230129201001015678,230129,孩子,2010-01-01,13912345678,\n\
        B,23012919700230999X,230129,户主,1970-02-30,13800001111,\n";
    let only = s.file("only.csv", personal_only);
    let (code, out, err) = run(&["estimate", "--as-of", AS_OF, only.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, want);
    assert!(
        err.contains("已忽略 2 列") && !err.contains("备注"),
        "{err}"
    );
}

#[test]
fn a_date_comparison_names_its_dates_fits_a_page_and_places_each_household() {
    let s = Scratch::new("dates-printed");
    let input = county().join("register.csv");
    let (diff, text, report) = (s.path("d.csv"), s.path("r.txt"), s.path("r.csv"));
    let (_, _, stderr) = run(&[
        "compare",
        "--as-of",
        "2025-12-31",
        "--to",
        "2026-01-01",
        "--headers",
        "zh",
        input.to_str().unwrap(),
        "-o",
        diff.to_str().unwrap(),
        "--report",
        text.to_str().unwrap(),
    ]);
    let printed = std::fs::read_to_string(&text).unwrap();
    // The printed report and the table on stderr keep to an A4 page.
    for out in [&printed, &stderr] {
        let widest = out
            .lines()
            .map(zhenxing::register::summary::display_width)
            .max()
            .unwrap();
        assert!(widest <= 100, "{widest} columns wide:\n{out}");
    }
    // Its heads name the two dates, not 原 and 调整后.
    for head in ["2025-12-31", "2026-01-01", "符合户数", "年额（元）"] {
        assert!(printed.contains(head), "{head}:\n{printed}");
    }
    assert!(
        !printed.contains("调整后") && !printed.contains("原年额"),
        "{printed}"
    );
    // The households' CSV: each with its town and village (H01: 延寿镇 东村, README), its columns
    // named by date.
    let text = std::fs::read_to_string(&diff).unwrap();
    let mut rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    for head in [
        "乡镇",
        "村",
        "最低生活保障2025-12-31符合",
        "最低生活保障2026-01-01年额",
    ] {
        assert!(header.iter().any(|h| h == head), "{head}: {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let h01 = rows.records().next().unwrap().unwrap();
    assert_eq!(
        (&h01[at("户编号")], &h01[at("乡镇")], &h01[at("村")]),
        ("H01", "延寿镇", "东村")
    );
    // The report as CSV names the dates too (the register page's download is the same bytes).
    run(&[
        "compare",
        "--as-of",
        "2025-12-31",
        "--to",
        "2026-01-01",
        "--headers",
        "zh",
        "--quiet",
        input.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&report).unwrap();
    let first = csv.lines().next().unwrap();
    assert!(
        first.ends_with(
            "2025-12-31符合户数,2026-01-01符合户数,2025-12-31年额,2026-01-01年额,年额变化"
        ),
        "{first}"
    );
    // Each count named for what it is: the households compared, not those read (the summary's
    // 读入户数 counts the errors too).
    assert!(
        first.starts_with("\u{feff}地区代码,地区,项目,比较户数,有误户数,"),
        "{first}"
    );
}

#[test]
fn a_printed_summary_fits_a_page_and_amounts_are_thousands_separated() {
    let input = county().join("register.csv");
    let (code, out, _) = run(&[
        "summary",
        "--as-of",
        "2025-06-01",
        "--quiet",
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let widest = out
        .lines()
        .map(zhenxing::register::summary::display_width)
        .max()
        .unwrap();
    assert!(widest <= 100, "{widest} columns wide:\n{out}");
    // 低保: 22244.40 a year over the register (tests/registers/county/README.md).
    assert!(
        out.contains("最低生活保障") && out.contains("22,244.40"),
        "{out}"
    );
    assert!(out.contains("见 CSV"), "{out}");
    // The closing lines on stderr too.
    let (_, _, err) = run(&["summary", "--as-of", "2025-06-01", input.to_str().unwrap()]);
    let annual = err.lines().find(|l| l.contains("现金帮扶合计")).unwrap();
    assert!(annual.contains(','), "{annual}");
}

#[test]
fn compare_without_an_output_prints_the_report_not_every_household() {
    let input = county().join("register.csv");
    let base = [
        "compare",
        "--as-of",
        "2025-06-01",
        "--set",
        "dibao.standard.rural=471",
    ];
    let (code, out, err) = run(&[&base[..], &[input.to_str().unwrap()]].concat());
    assert_eq!(code, 1, "{err}");
    assert_eq!(out, "", "no per-household JSON on the terminal");
    assert!(
        err.contains("现金帮扶合计") && err.contains("-o 差异.csv"),
        "{err}"
    );
    // -o - asks for it on standard output: one line per household (13).
    let (_, out, _) = run(&[&base[..], &["--quiet", "-o", "-", input.to_str().unwrap()]].concat());
    assert_eq!(lines(&out).len(), 13);
}
