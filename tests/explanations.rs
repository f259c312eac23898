//! What an explanation says: no negative figure, however far rigid spending exceeds income (an
//! amount below zero is said in words, or counted as 0 as the 防贫保险 rule does).

use serde_json::Value;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::parse;
use zhenxing::Engine;

/// Every text and value of an explained estimate that shows a number below zero.
fn negative_figures(v: &Value, path: &str, found: &mut Vec<String>) {
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, x)| negative_figures(x, &format!("{path}.{k}"), found)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| negative_figures(x, &format!("{path}[{i}]"), found)),
        Value::String(s) => {
            let chars: Vec<char> = s.chars().collect();
            let negative = chars.windows(2).enumerate().any(|(i, w)| {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                w[0] == '-' && w[1].is_ascii_digit() && !before.is_some_and(|c| c.is_alphanumeric())
            });
            if negative {
                found.push(format!("{path}: {s}"));
            }
        }
        _ => {}
    }
}

#[test]
fn no_negative_figure_when_rigid_spending_exceeds_income() {
    // 防贫保险 adopted, so its formula is explained too.
    let adopted = parse(r#"{"povertyInsurance.adopted": "1"}"#, "x").unwrap();
    let engine = Engine::new().unwrap().with_overrides(&adopted).unwrap();
    // 2 people in 延寿县 (rural 低保 standard 441 in 2023), 3,000 a year of counted income (1,000
    // business, 2,000 wages), 900,000 of medical spending after an illness.
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","status":"alleviated","events":["illness"],"rigidSpending":"900000",
            "income":{"business":"1000"},
            "members":[{"birthDate":"1975-03-01","wages":"2000"},{"birthDate":"2015-03-01","schooling":"primary"}]}"#,
    )
    .unwrap();
    let e = engine.estimate(&h, "2023-06-01").unwrap();
    let v = serde_json::to_value(&e).unwrap();
    let mut found = Vec::new();
    negative_figures(&v, "estimate", &mut found);
    assert!(found.is_empty(), "{found:#?}");
    let steps = |program: &str| -> Vec<String> {
        let p = v["programs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["program"] == program)
            .unwrap();
        p["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    // 临时救助: 3,000 − 900,000 is 897,000 of spending over income, said so; the figures do not
    // change: the need is 441 × 12 × 2 = 10,584 + 897,000 − 10,642.44 of 低保 received
    // = 896,941.56, capped at 6 months' standard for 2 people, 441 × 6 × 2 = 5,292.00.
    let temporary = steps("temporary");
    assert!(
        temporary[0].contains("刚性支出 900000.00 元，超出收入 897000.00 元"),
        "{temporary:?}"
    );
    assert!(temporary[0].contains("= 896941.56 元"), "{temporary:?}");
    let paid = v["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["program"] == "temporary")
        .unwrap();
    assert_eq!(paid["amount"], "5292.00", "{paid}");
    // 防贫保险: per person after spending is below 0, counted as 0: the gap (6,000 − 0) × 2 people
    // = 12,000 × 50% = 6,000.00.
    assert!(
        steps("povertyInsurance")
            .iter()
            .any(|s| s.contains("人均纯收入 0.00 元（不足 0 按 0 计）")),
        "{:?}",
        steps("povertyInsurance")
    );
    // 监测: the same per-person figure, 0 and said why.
    let monitoring: Vec<&str> = v["monitoring"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        monitoring.iter().any(|s| s.starts_with(
            "扣除刚性支出后人均 0.00 元/人·年（刚性支出超过收入，不足 0 按 0 计），低于"
        )),
        "{monitoring:?}"
    );
}
