//! The household rules of the seventh review: labour capacity by 民发〔2021〕43号第五条 over a
//! recorded one, children in the orphans' allowance outside the household's 低保, 特困 continuing to
//! 18, the year of a payment ending within it, and the choices the calculator makes said as
//! assumptions. All in 延寿县 (230129), rural: 低保 standard 441.00, 特困 574.00 + 390.00.

#[path = "common/cards.rs"]
mod cards;
mod common;

use cards::programme;

use serde_json::Value;
use zhenxing::input::household::HouseholdInput;
use zhenxing::Engine;

/// The explained estimate of `json` on `as_of`, as JSON.
fn estimate(json: &str, as_of: &str) -> Value {
    let h = HouseholdInput::from_json(json).unwrap();
    let e = Engine::new().unwrap().estimate(&h, as_of).unwrap();
    serde_json::to_value(&e).unwrap()
}

/// The rules a programme lists as assumptions.
fn assumed(v: &Value, id: &str) -> Vec<String> {
    let p = programme(v, id);
    // Within an estimate, assumptions are listed once, with the parts that used them.
    let listed = v["assumptions"].as_array().unwrap();
    listed
        .iter()
        .filter(|a| {
            a["usedBy"]
                .as_array()
                .is_some_and(|by| by.iter().any(|b| b == &p["program"]))
        })
        .map(|a| a["rule"].as_str().unwrap().to_string())
        .collect()
}

fn steps(v: &Value, id: &str) -> Vec<String> {
    cards::texts(programme(v, id))
}

/// A 40-year-old recorded 无劳动能力 (第五条 does not name them) with 6,000 of wages: taken as
/// recorded, so nothing deducted (counted 6,000 ÷ 12 = 500 ≥ 441: no 低保), and said an assumption.
/// A 66-year-old recorded full is not: 第五条 names them, nothing is assumed.
#[test]
fn a_recorded_incapacity_for_an_adult_is_an_assumption() {
    let v = estimate(
        r#"{"region":"230129","members":[{"id":"甲","birthDate":"1984-01-01","laborCapacity":"none","wages":"6000","hasSupporter":false}]}"#,
        "2024-06-01",
    );
    assert!(assumed(&v, "dibao").contains(&"member.laborCapacityRecorded".to_string()));
    assert!(assumed(&v, "tekun").contains(&"member.laborCapacityRecorded".to_string()));
    let said = steps(&v, "dibao");
    assert!(
        said.iter()
            .any(|s| s.contains("甲：工资 6000.00 元，但登记为无劳动能力，不扣除就业成本")),
        "{said:?}"
    );
    let v = estimate(
        r#"{"region":"230129","members":[{"id":"乙","birthDate":"1958-01-01","laborCapacity":"full","hasSupporter":false}]}"#,
        "2024-06-01",
    );
    assert_eq!(programme(&v, "tekun")["monthly"], "964.00");
    assert!(!assumed(&v, "tekun").contains(&"member.laborCapacityRecorded".to_string()));
}

/// A 16-year-old without supporter or income is 特困 as if already so: the rule is listed.
#[test]
fn a_minor_continuing_is_an_assumption() {
    let v = estimate(
        r#"{"region":"230129","members":[{"id":"孙","birthDate":"2008-06-01","hasSupporter":false}]}"#,
        "2024-06-01",
    );
    assert_eq!(programme(&v, "tekun")["monthly"], "964.00");
    assert!(assumed(&v, "tekun").contains(&"tekun.continuesMinor".to_string()));
}

/// The 渐退 case of the review on 2024-06-01: 1161.20 a month to 2024-09-14, 4 months left
/// (06-01 + 3 months = 09-01 is not after 09-14, + 4 is): 4644.80 in the year, said in a step; the
/// estimated 加发 names its group, and the household is not called 低保边缘 while in 渐退.
#[test]
fn a_gradual_exit_counts_its_months_left() {
    let v = estimate(
        r#"{"region":"230129","area":"rural","onDibao":true,"incomeChangeDate":"2024-03-15","members":[{"id":"父","birthDate":"1975-01-01","wages":24000},{"id":"母","birthDate":"1976-01-01"},{"id":"子","birthDate":"2012-01-01","schooling":"primary"}],"income":{"business":3000}}"#,
        "2024-06-01",
    );
    let dibao = programme(&v, "dibao");
    assert_eq!(dibao["annual"], "4644.80");
    assert_eq!(v["totalAnnual"], "4644.80");
    assert!(assumed(&v, "dibao").contains(&"annual.endsWithinYear".to_string()));
    let said = steps(&v, "dibao");
    assert!(
        said.iter().any(|s| s.contains(
            "渐退期至 2024-09-14 止，自测算日期起剩 4 个月（不足一月按一月计，本计算器的假设）：全年 = 1161.20 元 × 4 = 4644.80 元"
        )),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|s| s.starts_with("子：未成年人（12周岁），属四(十)所列的加发对象；加发 0.2")),
        "{said:?}"
    );
    assert!(!said.iter().any(|s| s.contains("：，")), "{said:?}");
    assert!(
        !said.iter().any(|s| s.contains("属低收入（低保边缘）家庭")),
        "{said:?}"
    );
}

/// A dispersed orphan of 17 whose 18th birthday is in 3 months (2024-09-01, last day 08-31), not at
/// school: 延寿县 is in 哈尔滨市, whose dispersed standard is 2,593 from 2024-01-01, so 2,593 a month
/// × 3 = 7,779 in the year (the grandmother's 1,000 a month keeps the household off 低保).
#[test]
fn an_allowance_ending_at_18_counts_its_months_left() {
    let v = estimate(
        r#"{"region":"230129","members":[{"id":"祖母","birthDate":"1958-01-01","wages":"12000"},{"id":"孙","birthDate":"2006-09-01","care":"orphanDispersed"}]}"#,
        "2024-06-01",
    );
    assert_eq!(programme(&v, "orphanAllowance")["annual"], "7779.00");
    assert!(assumed(&v, "orphanAllowance").contains(&"annual.endsWithinYear".to_string()));
}

/// Rigid spending is not deducted from 低保 income: a step and an assumption say so (review case
/// 5: 82.00 + 110.25 = 192.25, as before).
#[test]
fn rigid_spending_not_deducted_is_said() {
    let v = estimate(
        r#"{"region":"230129","area":"rural","members":[{"id":"夫","birthDate":"1975-01-01","seriousIllness":true},{"id":"妻","birthDate":"1976-01-01"}],"income":{"business":9600,"exempt":5000},"rigidSpending":20000,"events":["illness"]}"#,
        "2024-06-01",
    );
    assert_eq!(programme(&v, "dibao")["monthly"], "192.25");
    assert!(assumed(&v, "dibao").contains(&"dibao.rigidSpending".to_string()));
    assert!(steps(&v, "dibao")
        .iter()
        .any(|s| s.contains("登记的刚性支出 20000.00 元不从低保的家庭收入中扣除")));
}

/// Born 29 February: on 28 February and 1 March of a common year the birthday rule decides the
/// age, and is listed when that age is one a rule turns on; on 2 March, or reaching another age,
/// it is not.
#[test]
fn the_birthday_rule_is_listed_when_it_decides() {
    let json = r#"{"region":"230129","members":[{"id":"孙","birthDate":"2008-02-29","hasSupporter":false}]}"#;
    // Born 2008-02-29: in 2026 he turns 18, the minor age (dibao.minorAge) the 特困 test of a
    // minor turns on, so 28 February and 1 March of that common year are decided by the rule; in
    // 2025 he turns 17, an age no rule turns on (the ages: 6, 7, 16, 18, 60, 66), so the rule
    // decides nothing and is not listed; 2024 is a leap year.
    for (day, listed) in [
        ("2026-02-28", true),
        ("2026-03-01", true),
        ("2026-03-02", false),
        ("2025-02-28", false),
        ("2025-03-01", false),
        ("2024-02-28", false),
    ] {
        let v = estimate(json, day);
        let has = assumed(&v, "tekun").contains(&"member.birthday".to_string());
        assert_eq!(has, listed, "{day}");
    }
}

/// A register row reads the programme's annual: the 渐退 household as JSON Lines through the tool,
/// dibao's annual and the total 4644.80 (see above).
#[test]
fn a_register_row_carries_the_months_left() {
    let dir = std::env::temp_dir().join(format!("zhenxing-rules7-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("gx.jsonl");
    std::fs::write(
        &input,
        r#"{"region":"230129","area":"rural","onDibao":true,"incomeChangeDate":"2024-03-15","members":[{"id":"父","birthDate":"1975-01-01","wages":24000},{"id":"母","birthDate":"1976-01-01"},{"id":"子","birthDate":"2012-01-01","schooling":"primary"}],"income":{"business":3000}}
"#,
    )
    .unwrap();
    let out = dir.join("out.csv");
    let (code, _, stderr) = common::run(&[
        "estimate",
        "--as-of",
        "2024-06-01",
        "--quiet",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (header, rows) = common::read_csv(&out);
    let row = &rows[0];
    let col = |name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(col("dibao_annual"), "4644.80");
    assert_eq!(col("total_annual"), "4644.80");
    std::fs::remove_dir_all(dir).ok();
}
