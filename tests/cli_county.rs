//! `zhenxing county` and `zhenxing assets` (src/bin/zhenxing/county.rs) on the sample ledger
//! `tests/county/ledger.csv`, checked against the library.
#![cfg(feature = "cli")]

use serde_json::Value;
use zhenxing::Engine;

mod common;
use common::run;

#[test]
fn county_prints_the_profile_and_its_json_is_the_library_s() {
    let (code, text, _) = run(&["county", "--as-of", "2023-06-01", "230129"]);
    assert_eq!(code, 0);
    assert!(
        text.starts_with("延寿县（230129，县，属哈尔滨市）  2023-06-01"),
        "{text}"
    );
    assert!(
        text.contains("〔六(十六)〕生效：脱贫县涉农资金统筹整合试点（2021-01-01 至 2023-12-31）")
    );
    let (_, json, _) = run(&["county", "--as-of", "2023-06-01", "--json", "230129"]);
    let shown: Value = serde_json::from_str(&json).unwrap();
    let expected = serde_json::to_value(
        Engine::new()
            .unwrap()
            .county("230129", "2023-06-01")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(shown, expected);
    let (code, _, err) = run(&["county", "--as-of", "2023-06-01", "999999"]);
    assert_eq!(code, 2);
    assert!(err.contains("位置：region"), "{err}");
    let (code, _, err) = run(&["county", "230129"]);
    assert_eq!(code, 2);
    assert!(err.contains("--as-of"), "{err}");
}

#[test]
fn assets_reads_the_csv_ledger_bad_rows_by_line() {
    let (code, json, _) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--json",
        "tests/county/ledger.csv",
    ]);
    // Two rows are in error: exit status 1, as `estimate` gives for a register with bad rows.
    assert_eq!(code, 1);
    let l: Value = serde_json::from_str(&json).unwrap();
    // The first twelve rows are the golden ledger (tests/cases/assets-ledger-dozen.json).
    assert_eq!(l["totals"]["rows"], 14);
    assert_eq!(l["totals"]["errors"], 2);
    assert_eq!(l["totals"]["value"], "4783000.00");
    assert_eq!(l["totals"]["annualIncome"], "178500.00");
    assert_eq!(l["items"][12]["error"]["path"], "[12].value");
    assert_eq!(l["items"][13]["error"]["path"], "[13].incomeUses");
    let (_, text, _) = run(&["assets", "--as-of", "2024-06-01", "tests/county/ledger.csv"]);
    // The message names the column as the ledger's header may (账面价值 or value).
    assert!(
        text.contains("第14行 A13 有误：“账面价值”（value）：金额不能为负数"),
        "{text}"
    );
    assert!(
        text.contains(
            "第11行 A10 前进村到户肉牛  到户类资产  账面 8,000.00 元  转让：农户自行处置"
        ),
        "{text}"
    );
    let out = std::env::temp_dir().join("zhenxing-cli-county-ledger.csv");
    let (code, _, _) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "-o",
        out.to_str().unwrap(),
        "tests/county/ledger.csv",
    ]);
    assert_eq!(code, 1);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert_eq!(csv.lines().count(), 15);
    assert!(csv.contains("3,A02,前进村帮扶车间,前进村,经营性资产,1200000.00,36000.00,36000.00,0.00,true,转让,false,countyDepartment;countyGovernment,incomeUseNotAllowed;disposalMissingApproval;disposalBelowValue,,,"));
    // The first twelve rows alone are all fine: 0.
    let good: String = std::fs::read_to_string("tests/county/ledger.csv")
        .unwrap()
        .lines()
        .take(13)
        .map(|l| format!("{l}\n"))
        .collect();
    let twelve = std::env::temp_dir().join(format!("zhenxing-twelve-{}.csv", std::process::id()));
    std::fs::write(&twelve, good).unwrap();
    let (code, _, err) = run(&["assets", "--as-of", "2024-06-01", twelve.to_str().unwrap()]);
    std::fs::remove_file(&twelve).ok();
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "tests/registers/does-not-exist.csv",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("无法打开"), "{err}");
}

#[test]
fn a_ledger_in_chinese_reads_as_the_english_one() {
    // tests/county/ledger-zh.csv is the first twelve rows of ledger.csv with Chinese headers and the
    // words the results show (光伏电站, 村集体经济组织, 转让, 项目运行管护：6000；…, 2019年), as an
    // officer's spreadsheet writes them.
    // Exit status 1 for a ledger with rows in error (ledger.csv has two), 0 for one without.
    let json = |path: &str, status: i32| -> Value {
        let (code, out, err) = run(&["assets", "--as-of", "2024-06-01", "--json", path]);
        assert_eq!(code, status, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let zh = json("tests/county/ledger-zh.csv", 0);
    // The sample users are given (examples/ledgers) is this very file: it reads without an error.
    assert_eq!(
        std::fs::read("examples/ledgers/ledger-zh.csv").unwrap(),
        std::fs::read("tests/county/ledger-zh.csv").unwrap(),
        "examples/ledgers/ledger-zh.csv must stay the tested ledger"
    );
    let en = json("tests/county/ledger.csv", 1);
    assert_eq!(zh["totals"]["errors"], 0, "{zh}");
    assert_eq!(
        zh["items"].as_array().unwrap()[..],
        en["items"].as_array().unwrap()[..12]
    );
    // Amounts in the printed ledger are thousands separated.
    let (_, text, _) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "tests/county/ledger-zh.csv",
    ]);
    assert!(
        text.contains("第2行 A01 前进村光伏电站  经营性资产  账面 800,000.00 元"),
        "{text}"
    );
    // A header neither English nor Chinese is named with both lists.
    let dir = std::env::temp_dir().join("zhenxing-cli-county-zh");
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "资产编号,资产名字\nA01,x\n").unwrap();
    let (code, _, err) = run(&["assets", "--as-of", "2024-06-01", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("未知的列“资产名字”") && err.contains("name（资产名称）"),
        "{err}"
    );
}

#[test]
fn a_gbk_ledger_reads_with_encoding_gbk_and_json_errors_name_their_lines() {
    // ledger-zh-gbk.csv is ledger-zh.csv saved in GBK (what Excel writes on Chinese Windows).
    let json = |args: &[&str]| -> Value {
        let (code, out, err) = run(args);
        assert!(code == 0 || code == 1, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let utf8 = json(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--json",
        "tests/county/ledger-zh.csv",
    ]);
    let gbk = json(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--json",
        "--encoding",
        "gbk",
        "tests/county/ledger-zh-gbk.csv",
    ]);
    assert_eq!(gbk, utf8);
    let (code, _, err) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "tests/county/ledger-zh-gbk.csv",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("是 GBK 编码") && err.contains("--encoding gbk"),
        "{err}"
    );
    // A failure while running gets its message, not the whole usage (that is for wrong arguments).
    assert!(!err.contains("每行一项资产"), "{err}");
    // ledger.csv's rows 13 and 14 (lines 14 and 15 of the file) are errors: in JSON, as in
    // assetsText, each message starts with its line.
    let en = json(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--json",
        "tests/county/ledger.csv",
    ]);
    let errors: Vec<&str> = en["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["error"]["message"].as_str())
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("第 14 行："), "{errors:?}");
    assert!(errors[1].starts_with("第 15 行："), "{errors:?}");
}

#[test]
fn assets_writes_the_officer_s_words_with_headers_zh() {
    // A02 of ledger-zh.csv: a 转让 (transfer) of a 帮扶车间 with only the village meeting's and the
    // township's approvals; a transfer needs the county's too, so it is not allowed yet.
    let out = std::env::temp_dir().join("zhenxing-cli-county-zh-out.csv");
    let (code, text, err) = run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--headers",
        "zh",
        "-o",
        out.to_str().unwrap(),
        "tests/county/ledger-zh.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    let csv = std::fs::read_to_string(&out).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().contains("行号,资产编号,资产名称"),
        "{csv}"
    );
    let a02 = lines.find(|l| l.starts_with("3,A02,")).unwrap();
    assert!(
        a02.contains(",转让,否,县级行业主管部门会同财政部门；县级人民政府,"),
        "{a02}"
    );
    assert!(a02.contains("不得处置。"), "{a02}");
    // The printed report names the illustrative figures as officers know them.
    assert!(
        text.contains("示意数字（须按本县规定替换）：扶贫项目资产处置"),
        "{text}"
    );
    assert!(!text.contains("assets.disposal"), "{text}");
}

#[test]
fn a_ledger_row_with_several_faults_gets_them_all() {
    // One row, five faults: a year before 1949, and four cells in words the ledger does not take
    // (资金来源 中央, 账面价值 一万, 资产类型 公益性, 产权归属 村级). Each is named by its column, in
    // the printed list, the CSV's message cell and the JSON's problems (each on line 2).
    let dir = std::env::temp_dir().join(format!("zhenxing-ledger-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ledger = dir.join("ledger.csv");
    std::fs::write(
        &ledger,
        "资产编号,资产名称,资金来源,形成年度,账面价值,资产类型,产权归属\nA1,水泵,中央,1900,一万,公益性,村级\n",
    )
    .unwrap();
    let ledger = ledger.to_str().unwrap();
    let (code, out, err) = run(&["assets", "--as-of", "2023-06-01", ledger]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("第2行 A1 有误（5 处问题，OUT_OF_RANGE）："),
        "{out}"
    );
    for column in [
        "形成年度",
        "“资金来源”",
        "“账面价值”",
        "“资产类型”",
        "“产权归属”",
    ] {
        assert!(
            out.lines()
                .any(|l| l.starts_with("    ") && l.contains(column)),
            "{column}: {out}"
        );
    }
    let (_, json, _) = run(&["assets", "--as-of", "2023-06-01", "--json", ledger]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let problems = json["items"][0]["error"]["problems"].as_array().unwrap();
    let paths: Vec<&str> = problems
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "[0].year",
            "[0].fundingSource",
            "[0].value",
            "[0].kind",
            "[0].ownerLevel"
        ]
    );
    assert!(problems
        .iter()
        .all(|p| p["message"].as_str().unwrap().starts_with("第 2 行：")));
    let csv = dir.join("out.csv");
    run(&[
        "assets",
        "--as-of",
        "2023-06-01",
        ledger,
        "-o",
        csv.to_str().unwrap(),
    ]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert_eq!(row.matches('；').count(), 4, "{row}");
    // The row's number was readable: the officer finds the asset by it.
    assert!(row.starts_with("2,A1,,"), "{row}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_ledger_row_keeps_its_number_and_its_late_year() {
    // A row whose kind is not known and whose year is after the date's: both problems (the year is
    // the ledger's own check, after reading), and its number in the CSV's 资产编号 and the JSON.
    let dir = std::env::temp_dir().join(format!("zhenxing-ledger-late-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ledger = dir.join("ledger.csv");
    std::fs::write(
        &ledger,
        "资产编号,资产名称,资金来源,形成年度,账面价值,资产类型,产权归属
bad,坏行,specialFund,2030,-5,castle,village
ok,路,specialFund,2020,100,road,village
",
    )
    .unwrap();
    let ledger = ledger.to_str().unwrap();
    let (_, json, _) = run(&["assets", "--as-of", "2024-06-01", "--json", ledger]);
    let json: Value = serde_json::from_str(&json).unwrap();
    let item = &json["items"][0];
    assert_eq!(item["id"], "bad");
    let paths: Vec<&str> = item["error"]["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["[0].value", "[0].kind", "[0].year"]);
    assert!(
        item["error"]["message"]
            .as_str()
            .unwrap()
            .ends_with("（共 3 处问题）"),
        "{item}"
    );
    let csv = dir.join("out.csv");
    run(&[
        "assets",
        "--as-of",
        "2024-06-01",
        "--headers",
        "zh",
        "-o",
        csv.to_str().unwrap(),
        ledger,
    ]);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("2,bad,,"), "{row}");
    assert!(
        row.contains("形成年度 2030 晚于测算日期所在年度 2024"),
        "{row}"
    );
    let (_, text, _) = run(&["assets", "--as-of", "2024-06-01", ledger]);
    assert!(text.contains("第2行 bad 有误（3 处问题，"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
