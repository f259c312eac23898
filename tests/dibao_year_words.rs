//! 低保 through the year as an officer reads it: the month a 加发 changes in (满周岁所在的月按原额,
//! also when the birthday is the first day of a counted month), a joiner's months (to the day
//! before the birthday, where the allowance ends), and steps that say what their figures are. All
//! in 延寿县 (230129), rural: 低保 standard 441.00 from 2022-01-01; 加发 未成年 0.20 (88.20), 老年
//! 0.10 (44.10).

#[path = "common/cards.rs"]
mod cards;

use cards::{programme, texts};
use serde_json::Value;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::parse;
use zhenxing::Engine;

/// The explained estimate of `json` on `as_of`, as JSON.
fn estimate(json: &str, as_of: &str) -> Value {
    let h = HouseholdInput::from_json(json).unwrap();
    let e = Engine::new().unwrap().estimate(&h, as_of).unwrap();
    serde_json::to_value(&e).unwrap()
}

/// 低保's annual and its steps.
fn dibao(json: &str, as_of: &str) -> (String, Vec<String>) {
    let v = estimate(json, as_of);
    let p = programme(&v, "dibao");
    (p["annual"].as_str().unwrap().to_string(), texts(p))
}

fn has(said: &[String], text: &str) -> bool {
    said.iter().any(|s| s.contains(text))
}

/// Two adults and a child of 17, business 6000: 441 × 3 − 6000 ÷ 12 = 823.00, + 未成年加发 0.2 ×
/// 441 = 88.20 → 911.20 a month. Asked on 2023-06-01, the child turns 18 in August, the third
/// counted month (06-01, 07-01, 08-01): June, July and August at 911.20, the 9 months from
/// September at 823.00: 911.20 × 12 − 88.20 × 9 = 10934.40 − 793.80 = 10140.60. The same whether
/// the birthday is 08-01 (the first day of the counted month) or 08-10.
#[test]
fn a_minor_turning_18_on_the_first_of_a_counted_month_keeps_that_month() {
    for birth in ["2005-08-01", "2005-08-10"] {
        let json = format!(
            r#"{{"region":"230129","area":"rural","members":[{{"birthDate":"1980-03-01"}},{{"birthDate":"1982-05-01"}},{{"birthDate":"{birth}"}}],"income":{{"business":"6000"}}}}"#
        );
        let (annual, said) = dibao(&json, "2023-06-01");
        assert_eq!(annual, "10140.60", "{birth}");
        assert!(
            has(&said, "自测算日期起前 3 个月按原额（满周岁所在的月按原额，不足一月按一月计），其后 9 个月按新额"),
            "{birth}: {said:?}"
        );
    }
    // Asked on 2023-06-15, a birthday on 2023-08-15 starts the third counted month (08-15..09-14):
    // the same 3 old and 9 new, 10140.60.
    let (annual, _) = dibao(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-03-01"},{"birthDate":"1982-05-01"},{"birthDate":"2005-08-15"}],"income":{"business":"6000"}}"#,
        "2023-06-15",
    );
    assert_eq!(annual, "10140.60");
}

/// Two adults and a member born 1964-01-01 (60 on 2024-01-01), business 6000: 823.00 a month.
/// From 2023-06-01 the birthday starts the eighth counted month (Jun … Dec are 7, January the 8th),
/// kept at the amount before; 老年加发 0.1 × 441 = 44.10 from February, 4 months:
/// 823 × 12 + 44.10 × 4 = 9876.00 + 176.40 = 10052.40.
#[test]
fn an_elderly_supplement_from_a_1_january_birthday_starts_the_month_after() {
    let (annual, said) = dibao(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-03-01"},{"birthDate":"1982-05-01"},{"birthDate":"1964-01-01"}],"income":{"business":"6000"}}"#,
        "2023-06-01",
    );
    assert_eq!(annual, "10052.40");
    assert!(
        has(
            &said,
            "前 8 个月按原额（满周岁所在的月按原额，不足一月按一月计），其后 4 个月按新额"
        ),
        "{said:?}"
    );
    // A birthday on the first day of the twelfth counted month (2024-05-01) changes nothing
    // within the 12 months: 823 × 12 = 9876.00.
    let (annual, _) = dibao(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-03-01"},{"birthDate":"1982-05-01"},{"birthDate":"1964-05-01"}],"income":{"business":"6000"}}"#,
        "2023-06-01",
    );
    assert_eq!(annual, "9876.00");
}

/// A dispersed orphan turning 18 on 2023-08-01 joins as before: the allowance ends 2023-07-31,
/// 低保 counts the orphan from August. On the date 2 covered: 441 × 2 − 500 = 382.00; after the join
/// 3 covered, 18, no 加发: 1323 − 500 = 823.00. Months at 382.00: June, July (to the day before the
/// birthday) = 2; year 382 × 2 + 823 × 10 = 764 + 8230 = 8994.00, said as the months to the day
/// before the birthday.
#[test]
fn a_joiner_counts_to_the_day_before_the_birthday_and_says_so() {
    let (annual, said) = dibao(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-03-01"},{"birthDate":"1982-05-01"},{"birthDate":"2005-08-01","care":"orphanDispersed"}],"income":{"business":"6000"}}"#,
        "2023-06-01",
    );
    assert_eq!(annual, "8994.00");
    assert!(
        has(&said, "自测算日期起前 2 个月按原额（满周岁前一日所在的月按原额，不足一月按一月计），其后 10 个月按新额"),
        "{said:?}"
    );
    assert!(!has(&said, "满周岁所在的月按原额"), "{said:?}");
}

/// A 边缘 family with a 2级 physically disabled member: wages 20000 less 2 × 1450 = 2900, with
/// business 2400: (2400 + 17100) ÷ 12 ÷ 3 = 541.67, not below 441 but below 1.5 × 441 = 661.50. The
/// member is 单人户: 280.00 + 0.3 × 441 = 412.30, where 280.00 is the set's illustrative average
/// (from 2021-01-01, 12-month cycle: past it on 2023-06-01), and the step says so.
#[test]
fn the_single_person_average_says_it_is_illustrative() {
    let (annual, said) = dibao(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-05-01","wages":"20000"},{"birthDate":"1982-05-01"},{"birthDate":"1990-01-01","disabilityGrade":2,"disabilityType":"physical"}],"income":{"business":"2400"}}"#,
        "2023-06-01",
    );
    // 412.30 × 12 = 4947.60.
    assert_eq!(annual, "4947.60");
    assert!(
        has(
            &said,
            "平均补助水平 280.00 元（2021-01-01 起，示意，已超过更新周期） + 加发 132.30 元"
        ),
        "{said:?}"
    );
}

/// The same family on 低保 whose wages rose on 2023-03-15: 渐退 for the set's 6 months, to
/// 2023-09-14. The 6 is the set's illustrative choice (the upper bound of “原则上不超过6个月”):
/// the step says the value's status and that the number is the calculator's assumption; a
/// caller's own value of the months is said as such, without it.
#[test]
fn the_gradual_exit_months_say_they_are_the_calculators_choice() {
    let json = r#"{"region":"230129","area":"rural","onDibao":true,"incomeChangeDate":"2023-03-15","members":[{"birthDate":"1980-05-01","wages":"20000"},{"birthDate":"1982-05-01"},{"birthDate":"1990-01-01","disabilityGrade":2,"disabilityType":"physical"}],"income":{"business":"2400"}}"#;
    let (_, said) = dibao(json, "2023-06-01");
    assert!(
        has(
            &said,
            "给予渐退期 6 个月（2021-01-01 起，示意，本计算器的假设：民政部等2022年通知（常引作民发〔2022〕83号）一(三)：渐退期原则上不超过6个月；此处取上限），2023-03-15 至 2023-09-14。"
        ),
        "{said:?}"
    );
    // A caller's 4 months (a what-if, dated from 1900-01-01): 2023-03-15 to 2023-07-14, said as
    // the caller's value, not as the calculator's assumption.
    let months = parse(r#"{"dibao.gradualExitMonths": "4"}"#, "x").unwrap();
    let engine = Engine::new().unwrap().with_overrides(&months).unwrap();
    let h = HouseholdInput::from_json(json).unwrap();
    let v = serde_json::to_value(engine.estimate(&h, "2023-06-01").unwrap()).unwrap();
    let said = texts(programme(&v, "dibao"));
    assert!(
        has(
            &said,
            "给予渐退期 4 个月（1900-01-01 起，假设值），2023-03-15 至 2023-07-14。"
        ),
        "{said:?}"
    );
}

/// One member, business 5291.99: 5291.99 ÷ 12 = 440.99916… < 441, so below the standard and
/// eligible (the status counts for other aid), 补差 441 − 440.99916… = 0.00083… → 0.00 a month.
/// No step shows the income equal to the standard it is below (441.00 “低于” 441.00): the
/// per-capita and the month's income are cut to 440.999…, and the 补差 step says it is under a
/// fen. At 5292.00 (441.00 exactly, 等于不算低于) the household is not eligible.
#[test]
fn a_supplement_under_a_fen_says_so() {
    let json = |income: &str| {
        format!(
            r#"{{"region":"230129","area":"rural","members":[{{"birthDate":"1980-05-01"}}],"income":{{"business":"{income}"}}}}"#
        )
    };
    let v = estimate(&json("5291.99"), "2023-06-01");
    let p = programme(&v, "dibao");
    assert_eq!(p["eligible"], true);
    assert_eq!(p["monthly"], "0.00");
    let said = texts(p);
    assert!(
        has(
            &said,
            "÷ 12 个月 ÷ 低保覆盖的 1 人 = 人均月收入 440.999… 元/人·月。"
        ),
        "{said:?}"
    );
    assert!(
        has(
            &said,
            "标准 441.00 × 1 人 − 月计算收入 440.999… 元（5291.99 ÷ 12）= 0.00 元/月（补差不足 1 分，按分舍入为 0.00 元；人均收入仍低于标准，符合低保条件）"
        ),
        "{said:?}"
    );
    assert!(!has(&said, "441.00 元（5291.99 ÷ 12）"), "{said:?}");
    let v = estimate(&json("5292.00"), "2023-06-01");
    assert_eq!(programme(&v, "dibao")["eligible"], false);
}

/// A child expected within the year is not counted: a birth date after the date is refused, and
/// the rule of the year's amount says so (a portal reading docs/rules.md promises no birth).
#[test]
fn a_birth_within_the_year_is_refused_and_the_rule_says_so() {
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-03-01"},{"birthDate":"1982-05-01"},{"birthDate":"2023-09-01"}],"income":{"business":"6000"}}"#,
    )
    .unwrap();
    let e = Engine::new()
        .unwrap()
        .estimate(&h, "2023-06-01")
        .unwrap_err();
    assert_eq!(e.code.as_str(), "OUT_OF_RANGE", "{e:?}");
    assert_eq!(e.path, "members[2].birthDate");
    let rule = zhenxing::policy::rules::rule("annual.endsWithinYear").unwrap();
    assert!(rule.text.contains("年内出生的子女不计"), "{}", rule.text);
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md")).unwrap();
    assert!(docs.contains("年内出生的子女不计：成员的出生日期不能晚于测算日期"));
}
