//! A household with several problems reports every one at once, each at its field; a form's raw
//! values become a household the engine reads.

use zhenxing::input::parse;
use zhenxing::Engine;

fn engine() -> Engine {
    Engine::new().unwrap()
}

#[test]
fn every_problem_of_a_household_at_once() {
    let text = r#"{
        "region": "239999",
        "members": [
            { "id": "父亲", "birthDate": "1980-01-01", "wage": "12000" },
            { "id": "母亲", "birthDate": "1982-02-30" },
            { "id": "女儿", "birthDate": "2030-01-01", "schooling": "primary", "wages": "0.001" },
            { "id": "儿子" }
        ],
        "income": { "business": "abc", "business": "1" }
    }"#;
    let node = parse(text, "x").unwrap();
    let e = engine();
    let problems = e.household_problems(&node, "2023-06-01");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    // Reading: the typo, the repeated key, the bad amounts, the missing date; then checking on the
    // date: the unknown region, the impossible and the future dates.
    for expected in [
        "members[0].wage",
        "members[2].wages",
        "members[3].birthDate",
        "income.business",
        "region",
        "members[1].birthDate",
        "members[2].birthDate",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
    // The strict reader's error carries them all; its path and message are the first one's.
    let err = e.read_household(&node, "2023-06-01").unwrap_err();
    assert_eq!(err.problems.len(), problems.len());
    assert_eq!(err.path, problems[0].path);
    assert!(
        err.message
            .contains(&format!("共 {} 处问题", problems.len())),
        "{}",
        err.message
    );
    // A household that is fine has none.
    let fine = parse(
        r#"{"region":"230129","members":[{"birthDate":"1980-01-01"}]}"#,
        "x",
    )
    .unwrap();
    assert!(e.household_problems(&fine, "2023-06-01").is_empty());
    assert!(e.read_household(&fine, "2023-06-01").is_ok());
}

#[test]
fn a_field_wrong_when_read_is_not_wrong_again_when_checked() {
    let e = engine();
    let paths = |text: &str| -> Vec<(String, String)> {
        e.household_problems(&parse(text, "x").unwrap(), "2023-06-01")
            .into_iter()
            .map(|p| (p.path, p.message))
            .collect()
    };
    // A region given as a number is refused as such, not also as an unknown region “”.
    let p = paths(r#"{"region":230129,"members":[{"birthDate":"1980-01-01"}]}"#);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "region");
    // Missing members is one problem, not also “1 到 30 人，而不是 0 人”.
    let p = paths(r#"{"region":"230129","region":"230102"}"#);
    let members: Vec<_> = p.iter().filter(|(path, _)| path == "members").collect();
    assert_eq!(members.len(), 1, "{p:?}");
    // A member that is not an object is one problem, not also its missing birth date.
    let p = paths(r#"{"region":"230129","members":[1,{"birthDate":"2030-01-01"}]}"#);
    let at: Vec<&str> = p.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(at, ["members[0]", "members[1].birthDate"], "{p:?}");
}

/// An empty birth date is a problem at its field, by every route, as a missing one is: it used to
/// fall through the reader (a string is there) and the check (which took it for the reader's), and
/// came back as “家庭数据不完整” at path "" with no problems.
#[test]
fn an_empty_birth_date_is_a_problem_at_its_field() {
    let e = engine();
    let text = r#"{"region":"230129","members":[{"birthDate":""}]}"#;
    let node = parse(text, "x").unwrap();
    let at = |problems: &[zhenxing::base::error::Problem]| -> Vec<String> {
        problems.iter().map(|p| p.path.clone()).collect()
    };
    assert_eq!(
        at(&e.household_problems(&node, "2023-06-01")),
        ["members[0].birthDate"]
    );
    assert_eq!(
        at(&e.read_household_text(text, "2023-06-01").problems),
        ["members[0].birthDate"]
    );
    let input = zhenxing::input::household::HouseholdInput::from_json(text).unwrap();
    let err = e.estimate(&input, "2023-06-01").unwrap_err();
    assert_eq!(err.path, "members[0].birthDate");
    // Refused as a blank one is: a date in the wrong form.
    assert_eq!(err.code, zhenxing::ErrorCode::InvalidDate);
    assert!(err.message.contains("日期“”格式有误"), "{}", err.message);
    assert_eq!(at(&err.problems), ["members[0].birthDate"]);
    let mut transitions = zhenxing::estimate::Transitions::default();
    let err = e
        .estimate_in_batch(&node, "2023-06-01", false, &mut transitions)
        .unwrap_err();
    assert_eq!(err.path, "members[0].birthDate");
    // With other problems, it is among them; a missing one keeps the reader's words only.
    let two =
        r#"{"region":"239999","members":[{"birthDate":""},{"birthDate":"1960/1/1","wages":"x"}]}"#;
    let paths = at(&e.household_problems(&parse(two, "x").unwrap(), "2023-06-01"));
    assert!(
        paths.contains(&"members[0].birthDate".to_string()),
        "{paths:?}"
    );
    let missing = r#"{"region":"230129","members":[{}]}"#;
    let problems = e.household_problems(&parse(missing, "x").unwrap(), "2023-06-01");
    assert_eq!(at(&problems), ["members[0].birthDate"]);
    assert!(problems[0].message.contains("缺少必填字段"), "{problems:?}");
}

#[test]
fn a_bad_date_is_a_problem_too() {
    let node = parse(
        r#"{"region":"230129","members":[{"birthDate":"1980-01-01"}]}"#,
        "x",
    )
    .unwrap();
    let problems = engine().household_problems(&node, "2023-13-01");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "asOf");
}

#[test]
fn a_form_becomes_a_household() {
    let values = parse(
        r#"{"region":"230129","status":"alleviated","area":"",
            "income":{"business":"１２，０００","other":""},
            "members":[{"id":"父亲","birthDate":"１９８０-０１-０１","wages":"30,000元","disabilityGrade":""},
                       {"id":"女儿","birthDate":"2015-03-01","schooling":"primary","boarding":"是"}]}"#,
        "x",
    )
    .unwrap();
    let e = engine();
    let reading = e.read_form(&values, "2023-06-01");
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let h = &serde_json::to_value(&reading.household).unwrap();
    assert_eq!(h["income"]["business"], "12000");
    assert!(h["income"].get("other").is_none());
    assert!(h.get("area").is_none());
    assert_eq!(h["members"][0]["birthDate"], "1980-01-01");
    assert_eq!(h["members"][0]["wages"], "30000");
    assert_eq!(h["members"][1]["boarding"], true);
    // The household it gives is one the strict reader takes, with the same figures.
    let household = zhenxing::input::household::HouseholdInput::from_json(&h.to_string()).unwrap();
    assert!(e.estimate(&household, "2023-06-01").is_ok());
    // A form with problems lists them at their fields.
    let bad = parse(r#"{"region":"230129","members":[{"id":"父亲","birthDate":""},{"birthDate":"2015-02-30"}]}"#, "x").unwrap();
    let reading = e.read_form(&bad, "2023-06-01");
    let paths: Vec<&str> = reading.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["members[0].birthDate", "members[1].birthDate"]);
}

/// A null row of a form keeps its place: it used to be dropped, and the next row's problems came
/// back one row early (members[1] for the officer's third row), unlike `estimate`'s.
#[test]
fn a_null_row_of_a_form_keeps_its_place() {
    let values = parse(
        r#"{"region":"230129","members":[{"birthDate":"1980-01-01"},null,{"birthDate":"1982-01-01","wages":"abc"}]}"#,
        "x",
    )
    .unwrap();
    let e = engine();
    let reading = e.read_form(&values, "2023-06-01");
    let paths: Vec<&str> = reading.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["members[1]", "members[2].wages"]);
    // With problems it says so in `ok`, and what it hands back is only what was read.
    assert!(!reading.ok);
    let h = serde_json::to_value(&reading.household).unwrap();
    assert_eq!(h["members"].as_array().map(Vec::len), Some(3));
    assert!(h["members"][1].is_null());
    // The strict reader puts the problems at the same rows.
    let strict: Vec<String> = e
        .household_problems(&values, "2023-06-01")
        .into_iter()
        .map(|p| p.path)
        .collect();
    assert_eq!(strict, paths);
}

/// An amount the reader refuses is quoted as the officer typed it, 元 included ("3千元" used to come
/// back as 金额“3千”); a number with 元 still reads as that number.
#[test]
fn a_refused_amount_is_quoted_as_typed() {
    let values = parse(
        r#"{"region":"230129","income":{"business":"3千元","other":"3,000元"},
            "members":[{"birthDate":"1980-01-01"}]}"#,
        "x",
    )
    .unwrap();
    let reading = engine().read_form(&values, "2023-06-01");
    let business: Vec<&str> = reading
        .problems
        .iter()
        .filter(|p| p.path == "income.business")
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(business.len(), 1, "{:?}", reading.problems);
    assert!(business[0].contains("金额“3千元”"), "{}", business[0]);
    assert!(reading.problems.iter().all(|p| p.path != "income.other"));
    let h = serde_json::to_value(&reading.household).unwrap();
    assert_eq!(h["income"]["other"], "3000");
}

/// A household file read from its text: a repeated key is a problem at its place (JSON.parse would
/// keep the last value silently), malformed JSON is one problem, a good file reads as itself.
#[test]
fn a_household_file_is_read_from_its_text_strictly() {
    let e = engine();
    let repeated = r#"{ "region": "230129", "members": [{ "birthDate": "1958-01-01", "wages": "1", "wages": "99999" }] }"#;
    let r = e.read_household_text(repeated, "2023-06-01");
    assert!(
        r.problems.iter().any(|p| p.path == "members[0].wages"),
        "{:?}",
        r.problems
    );
    let broken = e.read_household_text(r#"{ "region": "230129", "members": [ }"#, "2023-06-01");
    assert_eq!(broken.problems.len(), 1, "{:?}", broken.problems);
    assert!(broken.household.is_null());
    let good =
        r#"{"region":"230129","members":[{"birthDate":"1958-01-01"}],"income":{"other":"3000"}}"#;
    let r = e.read_household_text(good, "2023-06-01");
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert!(r.ok);
    assert_eq!(
        serde_json::to_string(&r.household).unwrap(),
        serde_json::from_str::<serde_json::Value>(good)
            .unwrap()
            .to_string()
    );
}

#[test]
fn the_parameter_set_names_itself() {
    let info = engine().parameter_set_info();
    assert_eq!(info.id, "heilongjiang");
    assert!(info.title.contains("黑龙江"), "{}", info.title);
    assert_eq!(info.published.len(), 10);
}

#[test]
fn the_provision_inputs_are_read_strictly_and_all_reported() {
    let text = r#"{
        "region": "230129",
        "housing": { "appraisal": "c", "grade": "D" },
        "members": [
            { "birthDate": "2015-01-01", "insured": "no", "care": "orphan",
              "disabilityType": "blind", "healthExemptFromSchool": 1 },
            { "birthDate": "1980-01-01", "insured": false, "care": "orphanDispersed",
              "disabilityType": "autism", "healthExemptFromSchool": true }
        ]
    }"#;
    let node = parse(text, "x").unwrap();
    let problems = engine().household_problems(&node, "2023-06-01");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        // An object with an unknown field is refused whole (as `income` is).
        "housing.grade",
        "members[0].insured",
        "members[0].care",
        "members[0].disabilityType",
        "members[0].healthExemptFromSchool",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
    // The second member's values are all valid.
    assert!(
        paths.iter().all(|p| !p.starts_with("members[1]")),
        "{paths:?}"
    );
    assert_eq!(problems.len(), 5, "{paths:?}");
}

#[test]
fn a_form_says_yes_and_no_to_the_provision_inputs() {
    let values = parse(
        r#"{"region":"230129","housing":{"appraisal":" D "},
            "members":[{"birthDate":"2015-01-01","insured":"否","healthExemptFromSchool":"是","care":"orphanDispersed"}]}"#,
        "form",
    )
    .unwrap();
    let reading = engine().read_form(&values, "2023-06-01");
    assert!(reading.problems.is_empty(), "{:?}", reading.problems);
    let h = serde_json::to_value(&reading.household).unwrap();
    let m = &h["members"][0];
    assert_eq!(m["insured"], serde_json::json!(false));
    assert_eq!(m["healthExemptFromSchool"], serde_json::json!(true));
    assert_eq!(h["housing"]["appraisal"], "D");
}

/// Member ids are compared as they read (Unicode NFC): an accent typed as a separate mark, or a CJK
/// compatibility ideograph, does not make a second member of the same id; and an id with a
/// character nobody can see (a zero-width space) is refused, for it would look like another.
#[test]
fn member_ids_are_compared_as_they_read() {
    let e = engine();
    let problems = |ids: [&str; 2]| {
        let h = serde_json::json!({
            "region": "230129",
            "members": [
                { "id": ids[0], "birthDate": "1980-01-01" },
                { "id": ids[1], "birthDate": "1982-01-01" }
            ]
        });
        let text = h.to_string();
        let node = parse(&text, "x").unwrap();
        e.household_problems(&node, "2023-06-01")
    };
    for ids in [
        ["Jos\u{e9}", "Jose\u{301}"],
        ["\u{f900}", "\u{8c48}"],
        ["L\u{1da}", "Lu\u{308}\u{30c}"],
    ] {
        let p = problems(ids);
        assert_eq!(p.len(), 1, "{ids:?}: {p:?}");
        assert_eq!(p[0].path, "members[1].id");
        assert!(p[0].message.contains("重复"), "{}", p[0].message);
    }
    for hidden in ["张\u{200b}三", "\u{feff}户主", "户主\u{200d}"] {
        let p = problems([hidden, "李四"]);
        assert_eq!(p.len(), 1, "{hidden:?}: {p:?}");
        assert_eq!(p[0].path, "members[0].id");
        assert!(p[0].message.contains("看不见的字符"), "{}", p[0].message);
    }
    assert!(problems(["张三", "张四"]).is_empty());
}

#[test]
fn a_household_that_is_not_an_object_has_that_one_problem() {
    // `estimate([], …)` says only 家庭应为对象 (and what came); a register's line `[h1,h2]` (JSON
    // Lines) or `3` must say the same, not an unknown region "" and 0 members after it, which
    // follow from it.
    let e = engine();
    let h = r#"{"region":"230129","members":[{"birthDate":"1980-01-01"}]}"#;
    for (text, kind) in [
        (format!("[{h},{h}]"), "数组"),
        ("3".to_string(), "数字"),
        ("\"x\"".to_string(), "字符串"),
    ] {
        let said = format!("家庭应为对象，而不是{kind}");
        let node = parse(&text, "x").unwrap();
        let problems = e.household_problems(&node, "2023-06-01");
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, [said.as_str()], "{text}");
        let mut transitions = zhenxing::estimate::Transitions::default();
        let err = e
            .estimate_in_batch(&node, "2023-06-01", false, &mut transitions)
            .unwrap_err();
        assert_eq!(err.message, said, "{text}");
    }
    // Through a register's text, on the second line of JSON Lines.
    let text = format!("{h}\n[{h},{h}]\n");
    let got = zhenxing::register::text::screen_text(
        &e,
        text.as_bytes(),
        "2023-06-01",
        zhenxing::register::text::TextOptions {
            headers: Some(zhenxing::register::output::Lang::Zh),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((got.rows, got.errors), (2, 1));
    assert!(got.csv.contains("家庭应为对象，而不是数组"), "{}", got.csv);
    assert!(
        !got.csv.contains("处问题") && !got.csv.contains("行政区划"),
        "{}",
        got.csv
    );
}

#[test]
fn a_region_given_as_a_number_is_invalid_region_as_transition_says() {
    // One code for one mistake: `transition(asOf, 230129)` is INVALID_REGION (region 应为字符串),
    // and so is a household whose region is the number 230129, as an unknown code is.
    let e = engine();
    let err = |text: &str| {
        let node = parse(text, "x").unwrap();
        let mut transitions = zhenxing::estimate::Transitions::default();
        e.estimate_in_batch(&node, "2023-06-01", false, &mut transitions)
            .unwrap_err()
    };
    let number = err(r#"{"region":230129,"members":[{"birthDate":"1980-01-01"}]}"#);
    assert_eq!(
        (number.code.as_str(), number.path.as_str()),
        ("INVALID_REGION", "region")
    );
    let unknown = err(r#"{"region":"239999","members":[{"birthDate":"1980-01-01"}]}"#);
    assert_eq!(unknown.code.as_str(), "INVALID_REGION");
    // A missing region stays what a missing field is.
    let missing = err(r#"{"members":[{"birthDate":"1980-01-01"}]}"#);
    assert_eq!(missing.code.as_str(), "INVALID_INPUT");
}
