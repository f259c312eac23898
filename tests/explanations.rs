//! What an explanation says: no negative figure, however far rigid spending exceeds income (an
//! amount below zero is said in words, or counted as 0 as the 防贫保险 rule does).

#[path = "common/cards.rs"]
mod cards;

use cards::{programme, texts};
use serde_json::Value;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::parse;
use zhenxing::Engine;

#[path = "common/golden.rs"]
mod golden;

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
    let steps = |program: &str| step_texts(&e, program);
    // 临时救助: 3,000 − 900,000 is 897,000 of spending over income, said so; the figures do not
    // change: the need is 441 × 12 × 2 = 10,584 + 897,000 − 10,642.40 of 低保 (its year before the
    // monthly 886.8666… is rounded to the fen: paid 886.87, 10,642.44) = 896,941.60, capped at 6 months' standard for 2 people, 441 × 6 × 2 = 5,292.00.
    // (its first step says the event it rests on, 四(十)).
    let temporary = steps("temporary");
    assert!(
        temporary[1].contains("刚性支出 900000.00 元，超出收入 897000.00 元"),
        "{temporary:?}"
    );
    assert!(temporary[1].contains("= 896941.60 元"), "{temporary:?}");
    let paid = programme(&v, "temporary");
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
        monitoring.iter().any(|s| s
            .starts_with("扣除刚性支出后人均 0.00 元/人·年（刚性支出超过收入，不足 0 按 0 计）；")),
        "{monitoring:?}"
    );
}

/// The explained estimate of household `h` (JSON) on `date`, as JSON.
fn explained(h: &str, date: &str) -> Value {
    let engine = Engine::new().unwrap();
    let e = engine
        .estimate(&HouseholdInput::from_json(h).unwrap(), date)
        .unwrap();
    serde_json::to_value(&e).unwrap()
}

/// The texts of the 防返贫监测 card's steps of an explained estimate.
fn monitoring_steps(h: &str, date: &str) -> Vec<String> {
    texts(&explained(h, date)["monitoring"])
}

#[test]
fn basic_living_step_does_not_conclude_what_the_rule_does_not() {
    // 拜泉县, rural 脱贫户, 2024-06-01, 3 people: income 18,000 wages + 3,000 business + 1,200
    // transfer = 22,200; rigid spending 10,000 < 50% × 22,200 = 11,100 (not large), no sharp fall.
    // After spending (22,200 − 10,000) / 3 = 4,066.67 < monitoring line 6,000 × multiple 1: below the
    // line, but 二(二) needs large spending or a sharp fall too: no severe difficulty is concluded.
    let steps = monitoring_steps(
        r#"{"region":"230231","status":"alleviated","events":["illness"],"rigidSpending":"10000",
            "income":{"business":"3000","transfer":"1200"},
            "members":[{"birthDate":"1950-03-01","disabilityGrade":2,"disabilityType":"physical","selfCare":"partial"},
                       {"birthDate":"1985-03-01","wages":"18000"},
                       {"birthDate":"2014-03-01","schooling":"primary","boarding":true}]}"#,
        "2024-06-01",
    );
    let living = steps
        .iter()
        .find(|s| s.starts_with("扣除刚性支出后人均 4066.67 元/人·年"))
        .unwrap_or_else(|| panic!("{steps:?}"));
    assert!(
        !living.contains("基本生活出现严重困难：") && !living.ends_with("：基本生活出现严重困难。"),
        "{living}"
    );
    assert!(living.contains("不认定基本生活出现严重困难"), "{living}");
    // The multiple is named, not a bare "× 1".
    assert!(living.contains("监测标准的 1 倍"), "{living}");
    assert!(
        living.contains("6000.00 × 1 = 6000.00 元，低于此线"),
        "{living}"
    );
}

#[test]
fn basic_living_step_concludes_when_spending_is_large() {
    // The same household with 15,000 of rigid spending ≥ 11,100: large. (22,200 − 15,000) / 3
    // = 2,400.00 < 6,000: 基本生活出现严重困难, and the step says why.
    let steps = monitoring_steps(
        r#"{"region":"230231","status":"alleviated","events":["illness"],"rigidSpending":"15000",
            "income":{"business":"3000","transfer":"1200"},
            "members":[{"birthDate":"1950-03-01"},{"birthDate":"1985-03-01","wages":"18000"},
                       {"birthDate":"2014-03-01","schooling":"primary"}]}"#,
        "2024-06-01",
    );
    let living = steps
        .iter()
        .find(|s| s.starts_with("扣除刚性支出后人均 2400.00 元/人·年"))
        .unwrap_or_else(|| panic!("{steps:?}"));
    assert!(
        // The threshold of large spending is this calculator's choice, and the step says so.
        living.ends_with("低于此线，且刚性支出较大：基本生活出现严重困难（本计算器的假设）。"),
        "{living}"
    );
}

/// The 低保 card's reasons and step texts of an explained estimate.
fn dibao_words(h: &str, date: &str) -> Vec<String> {
    let v = explained(h, date);
    let dibao = programme(&v, "dibao");
    let reasons = dibao["reasons"].as_array().unwrap().iter();
    let steps = dibao["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["text"]);
    reasons
        .chain(steps)
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn below_the_standard_never_reads_as_equal_to_it() {
    // 延寿县, rural, two adults, business income 10,583.99 a year, 2024-06-30: standard 441.00
    // (province, from 2022-01-01). Month's income 10,583.99 ÷ 12 = 881.999166…; per person
    // 440.999583… < 441: eligible, 补差 441 × 2 − 881.999166… = 0.000833… → 0.00. To the fen the
    // per-capita figure is 441.00; cut to three places (the first after the fen) it is 440.999 < 441.
    let words = dibao_words(
        r#"{"region":"230129","area":"rural","income":{"business":"10583.99"},
            "members":[{"birthDate":"1984-01-01"},{"birthDate":"1985-01-01"}]}"#,
        "2024-06-30",
    );
    let reason = words
        .iter()
        .find(|s| s.contains("低于低保标准"))
        .unwrap_or_else(|| panic!("{words:?}"));
    assert!(
        reason.starts_with("人均月收入 440.999… 元低于低保标准 441.00 元"),
        "{reason}"
    );
    // One fen more a year (10,584.00): 441.00 exactly, not below, said to the fen.
    let words = dibao_words(
        r#"{"region":"230129","area":"rural","income":{"business":"10584"},
            "members":[{"birthDate":"1984-01-01"},{"birthDate":"1985-01-01"}]}"#,
        "2024-06-30",
    );
    assert!(
        words
            .iter()
            .any(|s| s.contains("人均月收入 441.00 元不低于低保标准 441.00 元")),
        "{words:?}"
    );
}

#[test]
fn below_the_marginal_line_never_reads_as_equal_to_it() {
    // 依兰县, rural, three adults, business 23,813.99 a year, 2024-06-30: standard 441.00, per
    // person 23,813.99 ÷ 12 ÷ 3 = 661.499722… ≥ 441 (not 低保); 边缘线 1.5 × 441 = 661.50, and
    // 661.4997… < 661.50: 低保边缘. To the fen 661.50; cut to three places 661.499 < 661.50.
    let words = dibao_words(
        r#"{"region":"230123","area":"rural","income":{"business":"23813.99"},
            "members":[{"birthDate":"1980-01-01","disabilityGrade":1,"disabilityType":"visual"},
                       {"birthDate":"1982-01-01"},{"birthDate":"1984-01-01"}]}"#,
        "2024-06-30",
    );
    let step = words
        .iter()
        .find(|s| s.starts_with("低保边缘线"))
        .unwrap_or_else(|| panic!("{words:?}"));
    assert!(
        step.contains("= 661.50 元/月：人均 661.499… 元低于边缘线"),
        "{step}"
    );
}

#[test]
fn an_unsecured_guarantee_is_named_as_not_met() {
    // Water registered unsafe: the step names the standard the household does not meet; it read
    // “…饮水安全未保障：饮水安全有保障。”, which says the opposite.
    let steps = monitoring_steps(
        r#"{"region":"230231","status":"alleviated","guarantees":{"water":false},
            "members":[{"birthDate":"1980-01-01","wages":"20000"}]}"#,
        "2023-06-01",
    );
    assert!(
        steps.contains(&"“两不愁三保障”及饮水安全有未达到的：“饮水安全有保障”。".to_string()),
        "{steps:?}"
    );
}

#[test]
fn case_by_case_for_any_disaster_or_family_change_is_said_to_be_ours() {
    // 二(二) sends 重大 disasters and family changes to 一事一议; the engine sends every one recorded
    // (it cannot judge 重大), and the step says that is its choice.
    let steps = monitoring_steps(
        r#"{"region":"230129","status":"general","events":["familyChange"],
            "members":[{"birthDate":"1980-01-01","wages":"9000"},{"birthDate":"2012-01-01","schooling":"primary"}]}"#,
        "2023-06-01",
    );
    assert!(
        steps.contains(
            &"遭遇重大自然灾害或家庭重大变故：实行“一事一议”（本计算器的假设）。".to_string()
        ),
        "{steps:?}"
    );
}

#[test]
fn every_assumption_an_estimate_lists_has_a_step_saying_so() {
    // A member of staff reads the card: each assumption the estimate lists for a programme is in
    // one of that programme's steps, marked 本计算器的假设, not only in the list at the end.
    let engine = Engine::new().unwrap();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (h, as_of, overrides) in golden::households() {
        if !overrides.is_null() {
            continue;
        }
        let Ok(input) = HouseholdInput::from_json(&h.to_string()) else {
            continue;
        };
        let Ok(e) = engine.estimate(&input, &as_of) else {
            continue;
        };
        let v = serde_json::to_value(&e).unwrap();
        let mut cards: Vec<&Value> = v["programs"].as_array().unwrap().iter().collect();
        cards.push(&v["monitoring"]);
        for a in v["assumptions"].as_array().unwrap() {
            let rule = a["rule"].as_str().unwrap();
            for by in a["usedBy"].as_array().unwrap() {
                let Some(card) = cards.iter().find(|c| c["program"] == *by) else {
                    continue;
                };
                checked += 1;
                let said = card["steps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["rule"] == rule && s["text"].as_str().unwrap().contains("假设"));
                if !said {
                    missing.push(format!("{by} {rule}"));
                }
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(checked > 500, "only {checked} assumptions checked");
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn below_the_monitoring_line_never_reads_as_equal_to_it() {
    // 延寿县, three members, business 17,999.99 a year, 2023-06-01: per person 17,999.99 ÷ 3 =
    // 5,999.99666… < the line 6,000 (monitored as 边缘易致贫户). To the fen 6,000.00; cut to three
    // places 5,999.996 < 6,000.
    let steps = monitoring_steps(
        r#"{"region":"230129","status":"general","income":{"business":"17999.99"},
            "members":[{"birthDate":"1980-01-01"},{"birthDate":"1982-01-01"},{"birthDate":"2012-01-01"}]}"#,
        "2023-06-01",
    );
    assert!(
        steps.contains(
            &"监测收入标准 6000.00 元/人·年（2021-01-01 起，转述，已超过更新周期）：人均纯收入 5999.996… 元/人·年低于标准。".to_string()
        ),
        "{steps:?}"
    );
}

#[test]
fn each_member_has_the_labour_capacity_the_rules_judged_with_why() {
    // 2023-06-01, working ages 16 to 59 (民发〔2021〕43号第五条): born 1958-03-01 is 65 (over 59),
    // 2015-03-01 is 8 (under 16), 1980-03-01 is 43 with 一级肢体残疾 (第五条(三)), 1985-03-01 is 38 with
    // none given, 1990-03-01 is 33 registered as 部分丧失劳动能力.
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","members":[{"birthDate":"1958-03-01"},{"birthDate":"2015-03-01"},
            {"birthDate":"1980-03-01","disabilityGrade":1,"disabilityType":"physical"},
            {"birthDate":"1985-03-01"},{"birthDate":"1990-03-01","laborCapacity":"partial"}]}"#,
    )
    .unwrap();
    let engine = Engine::new().unwrap();
    let texts = |explain: bool| -> Vec<Value> {
        let e = match explain {
            true => engine.estimate(&h, "2023-06-01").unwrap(),
            false => engine.estimate_unexplained(&h, "2023-06-01").unwrap(),
        };
        let v = serde_json::to_value(&e).unwrap();
        let tekun = programme(&v, "tekun").clone();
        tekun["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["laborCapacityText"].clone())
            .collect()
    };
    assert_eq!(
        texts(true),
        [
            "无劳动能力（65周岁，60周岁以上）",
            "无劳动能力（8周岁，未满16周岁）",
            "无劳动能力（1级肢体残疾，民发〔2021〕43号第五条）",
            "有劳动能力（38周岁，在劳动年龄内）",
            "部分丧失劳动能力（按登记）",
        ]
    );
    // Words only when explained.
    assert!(texts(false).iter().all(Value::is_null));
}

/// The steps of programme `program` in an explained estimate, as text.
fn step_texts(e: &zhenxing::estimate::Estimate, program: &str) -> Vec<String> {
    let v = serde_json::to_value(e).unwrap();
    let p = programme(&v, program);
    texts(p)
}

#[test]
fn an_annual_figure_that_stops_within_the_year_counts_the_months_left() {
    // 渐退 of 6 months from 2023-03-15 to 2023-09-14, 650.00 a month kept. Asked on 2023-06-01: from
    // 2023-06-01 to the day after the end, 2023-09-15, is 3 months and 14 days, the part month counted
    // whole: 4 months, 650.00 × 4 = 2600.00 (not 650.00 × 12 = 7800.00).
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","members":[{"birthDate":"1988-01-01","wages":"24000"},{"birthDate":"1990-01-01"}],
            "onDibao":true,"dibaoMonthly":"650","incomeChangeDate":"2023-03-15"}"#,
    )
    .unwrap();
    let engine = Engine::new().unwrap();
    let e = engine.estimate(&h, "2023-06-01").unwrap();
    assert_eq!(
        e.program("dibao")
            .and_then(|p| p.annual())
            .map(|a| a.to_fen_string()),
        Some("2600.00".into())
    );
    let steps = step_texts(&e, "dibao");
    assert!(
        steps.iter().any(|s| s.contains("渐退期至 2023-09-14 止")
            && s.contains("剩 4 个月")
            && s.contains("650.00 元 × 4 = 2600.00 元")),
        "{steps:#?}"
    );
    // A 特困 member of 17 (born 2006-03-01, 18 on 2024-03-01) alone, no income, no supporter: supported
    // as a minor to the day before 18, 2024-02-29; from 2023-06-01 to 2024-03-01 is 9 whole months.
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","members":[{"birthDate":"2006-03-01","hasSupporter":false}]}"#,
    )
    .unwrap();
    let e = engine.estimate(&h, "2023-06-01").unwrap();
    let steps = step_texts(&e, "tekun");
    assert!(
        steps
            .iter()
            .any(|s| s.contains("至 2024-02-29 止") && s.contains("剩 9 个月")),
        "{steps:#?}"
    );
}

#[test]
fn a_per_capita_income_below_the_line_is_said_exactly_where_the_fen_hides_it() {
    // 延寿县, two members, business 11,999.99 a year, 2024-06-01: per person 11,999.99 ÷ 2 =
    // 5,999.995 < the line 6,000 (边缘易致贫户). To the fen that is 6,000.00, the line itself: the
    // step that works the figure out, and the one comparing it, say 5999.995.
    let h = r#"{"region":"230129","income":{"business":"11999.99"},
            "members":[{"birthDate":"1980-01-01"},{"birthDate":"1982-01-01"}]}"#;
    let steps = monitoring_steps(h, "2024-06-01");
    assert!(
        steps[0].ends_with("÷ 家庭成员 2 人 = 人均纯收入 5999.995 元/人·年（本计算器的假设）。"),
        "{steps:?}"
    );
    assert!(
        steps.contains(
            &"监测收入标准 6000.00 元/人·年（2021-01-01 起，转述，已超过更新周期）：人均纯收入 5999.995 元/人·年低于标准。".to_string()
        ),
        "{steps:?}"
    );
    assert!(
        steps.iter().all(|s| !s.contains("6000.00 元/人·年。")),
        "{steps:?}"
    );
    // The field stays to the fen (documented on the type); the risk says below.
    let m = &explained(h, "2024-06-01")["monitoring"];
    assert_eq!(m["perCapitaNetIncome"], "6000.00");
    assert_eq!(m["risks"][0], "incomeBelowLine");
    // Registered as monitored, the risk-elimination words say the same exact figure.
    let h = r#"{"region":"230129","status":"monitored","monitoringCategory":"marginal",
            "income":{"business":"11999.99"},
            "members":[{"birthDate":"1980-01-01"},{"birthDate":"1982-01-01"}]}"#;
    let m = &explained(h, "2024-06-01")["monitoring"];
    assert_eq!(
        m["riskElimination"]["reasons"][0],
        "人均纯收入 5999.995 元仍低于监测标准 6000.00 元"
    );
}

#[test]
fn a_house_outside_the_protected_groups_is_not_said_to_need_no_renovation() {
    // 延寿县, one member of 44 with wages 60,000 (no 低保, not 脱贫 or monitored): not a protected
    // household. Whatever the appraisal, the step says the household is not protected, not that
    // the house needs no renovation (a D-grade house is 整体危险).
    let housing = |extra: &str| -> Vec<String> {
        let h = format!(
            r#"{{"region":"230129","members":[{{"id":"子","birthDate":"1980-01-01","wages":"60000"}}]{extra}}}"#
        );
        let v = explained(&h, "2024-06-01");
        let p = programme(&v, "housing").clone();
        texts(&p)
    };
    for (extra, appraisal) in [
        (
            r#","housing":{"appraisal":"D"}"#,
            "房屋安全性鉴定为D级（整体危险）",
        ),
        (
            r#","housing":{"appraisal":"C"}"#,
            "房屋安全性鉴定为C级（局部危险）",
        ),
        (
            r#","guarantees":{"housing":false}"#,
            "未录入房屋安全性鉴定等级",
        ),
    ] {
        let steps = housing(extra);
        assert!(
            steps.contains(&format!(
                "{appraisal}：该户不是农村危房改造保障对象（见上），不计改造补助。"
            )),
            "{steps:?}"
        );
        assert!(steps.iter().all(|s| !s.contains("无需改造")), "{steps:?}");
    }
    // A 脱贫户 (protected) whose house is registered unsafe but not appraised: asked to appraise it
    // first, not told it needs no renovation.
    let h = r#"{"region":"230129","status":"alleviated","guarantees":{"housing":false},
            "members":[{"birthDate":"1980-01-01","wages":"20000"}]}"#;
    let v = explained(h, "2024-06-01");
    let p = programme(&v, "housing");
    let steps = texts(p);
    assert!(
        steps.contains(
            &"未录入房屋安全性鉴定等级，登记住房安全未保障：鉴定为C级、D级危房的才计改造补助，请先鉴定。"
                .to_string()
        ),
        "{steps:?}"
    );
}

#[test]
fn an_estimated_gradual_exit_says_it_leaves_out_all_the_wages() {
    // 延寿县 2023-06-01, standard 441: wages 30,000, business 2,000, 3 people, on 低保 since before
    // 2023-03-01, no amount given. Without wages 2,000 ÷ 12 = 166.666… a month: 补差 441 × 3 −
    // 166.666… = 1,156.33, the son's minor 加发 0.2 × 441 = 88.20: 1,244.53 a month. All 30,000 of
    // wages are left out (not only new ones), and the words say so.
    let words = dibao_words(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1983-03-01","wages":30000},
            {"birthDate":"1985-03-01"},{"birthDate":"2013-03-01","schooling":"primary"}],
            "income":{"business":2000},"onDibao":true,"incomeChangeDate":"2023-03-01"}"#,
        "2023-06-01",
    );
    assert!(
        words
            .iter()
            .any(|s| s.starts_with("渐退期内每月 1244.53 元")
                && s.contains("工资 30000.00 元/年全部按就业新增计、不计入")
                && s.contains(
                    "441.00 × 3 人 − 月非工资收入 166.67 元 = 1156.33 元，加发 88.20 元"
                )),
        "{words:#?}"
    );
    assert!(words.iter().all(|s| !s.contains("新增工资")), "{words:#?}");
}

#[test]
fn temporary_aid_names_the_dibao_it_subtracts_as_the_year_computed() {
    // 延寿县 2023-06-01: 3 people, business 20,000, rigid spending 20,000 after an illness; 20,000
    // ÷ 36 = 555.56 ≥ 441 and < 661.50: the seriously ill mother is 单人户, 280 + 0.25 × 441 =
    // 390.25 a month, 4,683.00 for the 12 months from the date: not money already received.
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-01-01"},
            {"birthDate":"1982-01-01","seriousIllness":true},{"birthDate":"2010-01-01","schooling":"junior"}],
            "income":{"business":"20000"},"rigidSpending":"20000","events":["illness"]}"#,
    )
    .unwrap();
    let e = Engine::new().unwrap().estimate(&h, "2023-06-01").unwrap();
    let steps = step_texts(&e, "temporary");
    assert!(
        steps
            .iter()
            .any(|s| s.contains("本测算的低保、特困供养年额（测算日期起12个月）4683.00 元")),
        "{steps:#?}"
    );
    assert!(steps.iter().all(|s| !s.contains("已获")), "{steps:#?}");
}

#[test]
fn a_year_across_a_standard_change_says_it_is_counted_at_the_dates_value() {
    // 延寿县, one adult without income. On 2021-12-31 the rural 低保 standard is 401, and the set
    // already holds 441 from 2022-01-01: the year is 401.00 × 12 = 4812.00 (by months it would be
    // 401 + 441 × 11 = 5252.00). The result says so, once, in a shared step and assumption.
    let engine = Engine::new().unwrap();
    let h = HouseholdInput::from_json(
        r#"{"region":"230129","area":"rural","members":[{"id":"甲","birthDate":"1970-01-01"}]}"#,
    )
    .unwrap();
    let rule = "annual.standardOfDate";
    let e = engine.estimate(&h, "2021-12-31").unwrap();
    let v = serde_json::to_value(&e).unwrap();
    let dibao = programme(&v, "dibao");
    assert_eq!(dibao["annual"], "4812.00");
    let step = dibao["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["rule"] == rule)
        .expect("a step of annual.standardOfDate");
    assert_eq!(
        step["text"],
        "测算日期起12个月内参数另有取值：农村低保标准，2022-01-01 起为 441.00 元/人·月（测算日期为 401.00 元/人·月）。全年按测算日期的取值计满12个月，不按月分段（本计算器的假设）。"
    );
    assert_eq!(step["citation"], "四(十)");
    let listed = |v: &Value| -> Vec<String> {
        v["assumptions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["rule"] == rule)
            .map(|a| {
                a["usedBy"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| p.as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(listed(&v).contains(&"dibao".to_string()));
    assert!(v["assumptions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["rule"] == rule
            && a["text"]
                .as_str()
                .unwrap()
                .starts_with("全年按测算日期的取值计满12个月")));
    // Unexplained, the estimate lists the rule as well (no words).
    let lean = engine.estimate_unexplained(&h, "2021-12-31").unwrap();
    assert!(listed(&serde_json::to_value(&lean).unwrap()).contains(&"dibao".to_string()));
    // On 2022-06-01 the standard holds for the 12 months (no later value): nothing said for 低保
    // (the premium, 350 then 380 from 2023-01-01, is said by its own programme).
    let later = serde_json::to_value(engine.estimate(&h, "2022-06-01").unwrap()).unwrap();
    assert_eq!(listed(&later), ["medicalPremium"]);
    assert!(
        !step_texts(&engine.estimate(&h, "2022-06-01").unwrap(), "dibao")
            .iter()
            .any(|t| t.contains("12个月内参数另有取值"))
    );
}

#[test]
fn steps_say_the_date_and_status_of_the_figures_they_use() {
    let engine = Engine::new().unwrap();
    let estimate = |json: &str, on: &str| {
        let h = HouseholdInput::from_json(json).unwrap();
        engine.estimate(&h, on).unwrap()
    };
    let step = |e: &zhenxing::estimate::Estimate, program: &str, opening: &str| -> String {
        step_texts(e, program)
            .into_iter()
            .find(|t| t.starts_with(opening))
            .unwrap_or_else(|| panic!("{program}: no step opening {opening}"))
    };
    // 呼玛县, the father working in 大庆高新区 (a development zone no wage notice lists: its tier is
    // illustrative, 大庆's urban districts' tier 1) on 2025-12-01: tier 1 is 2270.00 from that day,
    // a notice only one reproduction gives. 2 × 2270.00 = 4540.00.
    let e = estimate(
        r#"{"region":"232721","area":"rural","members":[{"id":"父","birthDate":"1980-01-01","wages":"8000","workRegion":"230671"},{"id":"母","birthDate":"1982-01-01"}]}"#,
        "2025-12-01",
    );
    assert_eq!(
        step(&e, "dibao", "父：在"),
        "父：在大庆高新技术产业开发区务工（最低工资1档 2270.00 元/月；档次 2025-12-01 起，示意；金额 2025-12-01 起，转述，只有一个来源），两个月最低工资 2 × 2270.00 = 4540.00 元。"
    );
    // The monitoring line: 6000 of 2021, reported, past its yearly cycle in 2025.
    let v = serde_json::to_value(&e).unwrap();
    let line = texts(&v["monitoring"])
        .into_iter()
        .find(|t| t.starts_with("监测收入标准"))
        .unwrap();
    assert!(
        line.starts_with("监测收入标准 6000.00 元/人·年（2021-01-01 起，转述，已超过更新周期）："),
        "{line}"
    );
    // 方正县, an urban 特困 person on 2021-06-01: the care standard 729 is illustrative in 2021
    // (Harbin's 2022 county figure, used from 2021-01-01): basic ceil(1.3 × 637 = 828.10) = 829.
    let e = estimate(
        r#"{"region":"230124","area":"urban","members":[{"id":"老","birthDate":"1950-01-01","hasSupporter":false}]}"#,
        "2021-06-01",
    );
    let member = step(&e, "tekun", "老：");
    assert!(
        member.ends_with("基本生活 829.00 元 + 具备生活自理能力，按全自理标准照料护理费 729.00 元（2021-01-01 起，示意）= 1558.00 元/月。"),
        "{member}"
    );
}

#[test]
fn a_dibao_year_says_what_each_stretch_pays() {
    let engine = Engine::new().unwrap();
    let steps_of = |json: &str| {
        let h = HouseholdInput::from_json(json).unwrap();
        step_texts(&engine.estimate(&h, "2023-06-01").unwrap(), "dibao")
    };
    // Paid whole (382.00: 441 × 2 − 500); the orphan joins on 2023-10-10 (5 months before), her
    // wages lift the household over the standard (919.44 a head): the 渐退 period counts from the
    // joining, 2023-10-10 to 2024-04-09 (6 months), and after it nothing (919.44 ≥ 661.50).
    let steps = steps_of(
        r#"{"region":"230129","area":"rural","onDibao":true,"members":[{"birthDate":"1970-08-15"},{"birthDate":"1980-05-01"},{"birthDate":"2005-10-10","care":"orphanDispersed","wages":"30000"}],"income":{"business":"6000"}}"#,
    );
    let said = |part: &str| steps.iter().any(|s| s.contains(part));
    assert!(said("渐退期 2023-10-10 至 2024-04-09"), "{steps:#?}");
    assert!(
        said("382.00 × 5 + 382.00 × 6 + 0.00 × 1 = 4202.00 元"),
        "{steps:#?}"
    );
    // A 渐退 period to 2023-09-14 (4 months), then a 边缘 family whose disabled member is 单人户:
    // 280 + 0.3 × 441 = 412.30 for the other 8 months.
    let steps = steps_of(
        r#"{"region":"230129","area":"rural","onDibao":true,"incomeChangeDate":"2023-03-15","members":[{"birthDate":"1980-05-01","wages":"20000"},{"birthDate":"1982-05-01"},{"birthDate":"1990-01-01","disabilityGrade":2,"disabilityType":"physical"}],"income":{"business":"2400"}}"#,
    );
    assert!(
        steps
            .iter()
            .any(|s| s.contains("参照“单人户”，412.30 元/月，其后 8 个月")
                && s.contains("1255.30 × 4 + 412.30 × 8 = 8319.60 元")),
        "{steps:#?}"
    );
    // The minor's 加发 would end on 2024-02-10, after the joining (2023-08-10) made the household
    // 单人户 for its disabled member alone: that change is not counted, and the step says so.
    let steps = steps_of(
        r#"{"region":"230129","area":"rural","members":[{"birthDate":"1980-05-01"},{"birthDate":"1990-01-01","disabilityGrade":2,"disabilityType":"physical"},{"birthDate":"2006-02-10"},{"birthDate":"2005-08-10","care":"orphanDispersed","wages":"25000"}],"income":{"business":"6000"}}"#,
    );
    assert!(
        steps
            .iter()
            .any(|s| s.contains("2024-02-10 满18周岁") && s.contains("这一变化不再计")),
        "{steps:#?}"
    );
    assert!(
        steps
            .iter()
            .any(|s| s.contains("1043.50 × 3 + 412.30 × 9 = 6841.20 元")),
        "{steps:#?}"
    );
}
