use super::*;
use crate::base::calendar::parse_date;
use crate::base::error::ErrorCode;
use crate::base::json;
use serde_json::json;
use std::time::Instant;

fn d(s: &str) -> NaiveDate {
    parse_date(s, "").unwrap()
}

fn default_set() -> ParameterSet {
    ParameterSet::heilongjiang().unwrap()
}

fn overrides(set: &ParameterSet, v: serde_json::Value) -> Result<ParameterSet> {
    let text = v.to_string();
    set.with_overrides(&json::parse(&text).unwrap())
}

fn overrides_text(set: &ParameterSet, text: &str) -> Result<ParameterSet> {
    set.with_overrides(&json::parse(text).unwrap())
}

fn rural(set: &ParameterSet, code: u32, date: &str) -> Decimal {
    Reader::new(set, d(date), set.region(code))
        .decimal(&catalogue::DIBAO_STANDARD_RURAL)
        .unwrap()
}

#[test]
fn embedded_set_loads_and_has_every_catalogue_name() {
    let set = default_set();
    for spec in catalogue::ALL {
        assert!(set.parameter(spec.name).is_some(), "{}", spec.name);
        // The catalogue owns the label.
        assert_eq!(set.parameter(spec.name).unwrap().label, spec.label);
    }
    assert_eq!(set.id, "heilongjiang");
    assert!(set.region_source.is_some());
}

#[test]
fn the_day_before_and_the_day_of_a_change() {
    let set = default_set();
    // Province rural standard: 401 in 2021, 441 from 2022-01-01.
    assert_eq!(rural(&set, 230129, "2021-12-31"), Decimal::from(401));
    assert_eq!(rural(&set, 230129, "2022-01-01"), Decimal::from(441));
    // Minimum wage tier 3: 1450 (2021-04-01) until 2024-04-30, 1750 from 2024-05-01 (黑政规〔2024〕1号).
    let mut r = Reader::new(&set, d("2024-04-30"), None);
    assert_eq!(
        r.decimal(&catalogue::MINIMUM_WAGE_TIER3).unwrap(),
        Decimal::from(1450)
    );
    assert_eq!(r.unofficial().names(), ["minimumWage.tier3"]);
    let mut r = Reader::new(&set, d("2024-05-01"), None);
    assert_eq!(
        r.decimal(&catalogue::MINIMUM_WAGE_TIER3).unwrap(),
        Decimal::from(1750)
    );
    // The tables saw the 2024 notice only in a reproduction: reported, not official.
    assert_eq!(r.unofficial().names(), ["minimumWage.tier3"]);
    // Before the 2021 adjustment, 2017's 1270.
    let mut r = Reader::new(&set, d("2021-03-31"), None);
    assert_eq!(
        r.decimal(&catalogue::MINIMUM_WAGE_TIER3).unwrap(),
        Decimal::from(1270)
    );
}

#[test]
fn county_falls_back_to_city_then_province() {
    let set = default_set();
    // 道里区 has its own value (625); 依兰县 has none, nor has 哈尔滨市: the province's 441.
    assert_eq!(rural(&set, 230102, "2022-06-01"), Decimal::from(625));
    assert_eq!(rural(&set, 230123, "2022-06-01"), Decimal::from(441));
    // 哈尔滨市 itself: the province's.
    assert_eq!(rural(&set, 230100, "2022-06-01"), Decimal::from(441));
    let on = d("2022-06-01");
    // 特困 care: 哈尔滨市 has 390 from 2022 (reported): 依兰县 takes the city's value…
    let v = set
        .lookup(&catalogue::TEKUN_CARE_SELF_CARE, on, set.region(230123))
        .unwrap();
    assert_eq!((v.region, v.status), (Some(230100), Status::Reported));
    // …a county of another city takes the province's illustrative one.
    let v = set
        .lookup(&catalogue::TEKUN_CARE_SELF_CARE, on, set.region(230221))
        .unwrap();
    assert_eq!((v.region, v.status), (None, Status::Illustrative));
    // A statistical unit (加格达奇区) falls back to 大兴安岭地区, then the province.
    assert_eq!(rural(&set, 232761, "2022-06-01"), Decimal::from(441));
    // A province-level value outranks one given without a region: guarantee-loan cap.
    let cap = |date| {
        Reader::new(&set, d(date), set.region(230123))
            .decimal(&catalogue::GUARANTEE_LOAN_INDIVIDUAL_CAP)
            .unwrap()
    };
    assert_eq!(cap("2020-06-01"), Decimal::from(200_000));
    assert_eq!(cap("2021-06-01"), Decimal::from(300_000));
    assert_eq!(cap("2026-02-02"), Decimal::from(500_000));
}

#[test]
fn the_minimum_wage_tier_is_only_a_countys() {
    let set = default_set();
    let tier = |code, date| {
        Reader::new(&set, d(date), set.region(code)).count(&catalogue::MINIMUM_WAGE_TIER)
    };
    // 双城区 moves from 3 to 2 on 2025-12-01; 道里区 is 1; 延寿县 3; Daqing's districts 1.
    assert_eq!(tier(230113, "2025-11-30").unwrap(), 3);
    assert_eq!(tier(230113, "2025-12-01").unwrap(), 2);
    assert_eq!(tier(230102, "2025-12-01").unwrap(), 1);
    assert_eq!(tier(230129, "2025-12-01").unwrap(), 3);
    assert_eq!(tier(230602, "2021-06-01").unwrap(), 1);
    // Harbin, the province, or no region: no source gives a tier; the error asks for the county.
    for code in [230100, 230600, 230000] {
        let e = tier(code, "2023-06-01").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidRegion, "region")
        );
        assert!(e.message.contains("县（市、区）"), "{}", e.message);
        assert!(e.message.contains(&format!("{code:06}")), "{}", e.message);
    }
    assert!(e_message_names_a_county(&set));
    let e = Reader::new(&set, d("2023-06-01"), None)
        .count(&catalogue::MINIMUM_WAGE_TIER)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRegion);
    // As a member's place of work, the path says so.
    let home = set.region(230129);
    let e = Reader::new(&set, d("2023-06-01"), home)
        .count_in(&catalogue::MINIMUM_WAGE_TIER, set.region(230100))
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidRegion, "workRegion")
    );
    // Development zones have no tier in any notice: illustrative, and said so.
    let v = set
        .lookup(
            &catalogue::MINIMUM_WAGE_TIER,
            d("2023-06-01"),
            set.region(230671),
        )
        .unwrap();
    assert_eq!(v.status, Status::Illustrative);
    assert!(v.note.as_deref().unwrap_or("").contains("示意"));
}

fn e_message_names_a_county(set: &ParameterSet) -> bool {
    let e = Reader::new(set, d("2023-06-01"), set.region(230100))
        .count(&catalogue::MINIMUM_WAGE_TIER)
        .unwrap_err();
    e.message.contains("230102 道里区")
}

#[test]
fn calendar_dates_answer_before_the_period() {
    let set = default_set();
    let mut r = Reader::new(&set, d("2020-06-01"), None);
    assert_eq!(
        r.date(&catalogue::TRANSITION_START).unwrap(),
        d("2021-01-01")
    );
    assert_eq!(r.date(&catalogue::TRANSITION_END).unwrap(), d("2025-12-31"));
    assert_eq!(
        r.count(&catalogue::FUND_INTEGRATION_PILOT_YEARS).unwrap(),
        3
    );
    // Far before: still the calendar, never stale.
    let mut r = Reader::new(&set, d("1990-01-01"), set.region(230129));
    assert_eq!(
        r.date(&catalogue::TRANSITION_START).unwrap(),
        d("2021-01-01")
    );
    assert!(r.stale().is_empty());
}

#[test]
fn no_value_yet_is_out_of_range() {
    let set = default_set();
    // The urban standard has values by place only (the province's from 2018-11-22): none without a
    // place, whatever the date (the first of the places' used to be given as this lookup's).
    let e = set
        .lookup(&catalogue::DIBAO_STANDARD_URBAN, d("2018-06-01"), None)
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "region"));
    assert!(
        e.message.contains("因地区而异，须给出地区"),
        "{}",
        e.message
    );
    // For a place, before the first value it has: that value's date.
    let e = set
        .lookup(
            &catalogue::DIBAO_STANDARD_URBAN,
            d("2018-06-01"),
            set.region(230129),
        )
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "asOf"));
    assert!(e.message.contains("最早取值自 2018-11-22"), "{}", e.message);
}

/// Household programmes read these from the first day of the period (but a figure only some places
/// publish, read where it has a value: the published 特困 basic standard).
#[test]
fn rules_of_the_period_have_values_from_its_first_day() {
    let set = default_set();
    let sparse = |s: &Spec| s.name == catalogue::TEKUN_BASIC_URBAN.name;
    for spec in catalogue::ALL
        .iter()
        .filter(|s| !s.informational && !sparse(s))
    {
        for code in [230129, 230102, 232761] {
            let found = set.lookup(spec, d("2021-01-01"), set.region(code));
            assert!(
                found.is_ok(),
                "{} has no value on 2021-01-01 for {code}: {:?}",
                spec.name,
                found.err()
            );
        }
    }
}

/// A parameter only the transition period's documents give has a value from the day after the
/// period, carried on and never `official` (so a result after the period lists it as the
/// calculator's choice); a parameter carried on that way is marked so, but for the 资助参保
/// shares, which `medicalPremium.afterPeriod` states.
#[test]
fn values_carried_past_the_period_are_marked_as_the_calculators() {
    let set = default_set();
    let after = d("2026-01-01");
    let mut carried = Vec::new();
    for spec in catalogue::ALL.iter() {
        let Some(p) = set.params.get(spec) else {
            continue;
        };
        let later: Vec<_> = p.values.iter().filter(|v| v.from >= after).collect();
        if spec.of_the_period {
            assert!(
                later.iter().any(|v| v.from == after),
                "{}: no value from {after}",
                spec.name
            );
        }
        for v in later
            .iter()
            .filter(|v| spec.of_the_period || v.source.contains("沿用"))
        {
            let own_rule = spec.name.starts_with("medicalPremium.paidShare.");
            assert!(
                spec.of_the_period || own_rule,
                "{}: carried on but not marked",
                spec.name
            );
            assert_ne!(v.status, Status::Official, "{}", spec.name);
            assert!(v.source.starts_with("本计算器的假设："), "{}", spec.name);
            carried.push(spec.name);
        }
    }
    carried.dedup();
    assert_eq!(
        carried,
        [
            "dibao.employmentCostMonths",
            "medicalPremium.paidShare.returned",
            "medicalPremium.paidShare.monitored",
            "medicalPremium.paidShare.alleviated"
        ]
    );
}

#[test]
fn regions_are_dated_and_carry_their_facts() {
    let set = default_set();
    let regions = set.regions();
    assert_eq!(
        regions
            .iter()
            .filter(|r| r.level() == Level::Province)
            .count(),
        1
    );
    assert_eq!(
        regions
            .iter()
            .filter(|r| r.level() == Level::Prefecture)
            .count(),
        13
    );
    assert_eq!(
        regions
            .iter()
            .filter(|r| r.level() == Level::County)
            .count(),
        127
    );
    assert_eq!(regions.iter().filter(|r| r.alleviated_county).count(), 20);
    let durbet = set.region(230624).unwrap();
    assert!(!durbet.alleviated_county);
    assert_eq!(
        durbet.poverty.as_ref().unwrap().kind,
        PovertyKind::Provincial
    );
    let huanan = set.region(230822).unwrap();
    assert!(huanan.alleviated_county);
    assert_eq!(huanan.poverty.as_ref().unwrap().exit_assessment_year, 2018);
    assert_eq!(huanan.kind, RegionKind::County);
    assert_eq!(set.region(232761).unwrap().kind, RegionKind::Statistical);
    assert_eq!(set.key_counties.status, KeyCountyListStatus::NotPublished);
    assert!(regions
        .iter()
        .all(|r| r.key_county == KeyCounty::NotPublished));

    let ok = |code: &str, date: &str| set.region_by_code(code, d(date), "region").is_ok();
    // 牡丹江经济技术开发区 left the statistical tables in 2023; 伊美区 was created on 2019-06-29.
    assert!(ok("231071", "2022-12-31"));
    assert!(!ok("231071", "2023-01-01"));
    assert!(!ok("230717", "2019-06-28"));
    assert!(ok("230717", "2019-06-29"));
    let e = set
        .region_by_code("231071", d("2023-06-01"), "workRegion")
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidRegion, "workRegion")
    );
    assert!(e.message.contains("牡丹江经济技术开发区"), "{}", e.message);
    assert!(e.message.contains("2022-12-31"), "{}", e.message);
    for bad in ["999999", "23012", "2301290", "abcdef", ""] {
        assert_eq!(
            set.region_by_code(bad, d("2023-06-01"), "region")
                .unwrap_err()
                .code,
            ErrorCode::InvalidRegion,
            "{bad}"
        );
    }
    let long = "2".repeat(100_000);
    let e = set
        .region_by_code(&long, d("2023-06-01"), "region")
        .unwrap_err();
    assert!(e.message.len() < 300, "{}", e.message.len());
}

fn portal(parameters: serde_json::Value) -> serde_json::Value {
    json!({
        "schema": "zhenxing-parameters/1",
        "id": "yanshou-2024",
        "title": "延寿县2024年参数",
        "published": "2024-01-15",
        "extends": "heilongjiang",
        "parameters": parameters
    })
}

/// A portal's own file: the default plus one county's 2024 figure.
#[test]
fn portal_file_sets_one_countys_2024_standard() {
    let file = portal(json!([
        { "name": "dibao.standard.rural", "values": [
            { "from": "2024-01-01", "region": "230129", "value": "530", "source": "延寿县民政局2024年通知", "status": "official" }
        ]}
    ]));
    let set = ParameterSet::from_json(&file.to_string()).unwrap();
    let mut r = Reader::new(&set, d("2024-06-01"), set.region(230129));
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(530)
    );
    assert!(r.unofficial().is_empty(), "the county's value is official");
    assert!(r.stale().is_empty(), "and current");
    // Its neighbour 依兰县 keeps the province's 441 (stale); 2022 in 延寿县 is unchanged too.
    let mut r = Reader::new(&set, d("2024-06-01"), set.region(230123));
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(441)
    );
    assert!(r.stale().contains("dibao.standard.rural"));
    assert_eq!(rural(&set, 230129, "2022-06-01"), Decimal::from(441));
    assert_eq!(set.id, "yanshou-2024");

    // A typo in the name: reported by name, with the nearest known one.
    let typo = portal(json!([
        { "name": "dibao.standard.rurall", "values": [
            { "from": "2024-01-01", "region": "230129", "value": "530", "source": "s", "status": "official" }
        ]}
    ]));
    let e = ParameterSet::from_json(&typo.to_string()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidParameters, "parameters[0].name")
    );
    assert!(e.message.contains("dibao.standard.rurall"), "{}", e.message);
    assert!(
        e.message.contains("“dibao.standard.rural”"),
        "{}",
        e.message
    );
    // A typo in a value: the parameter and the value are named.
    let bad = portal(json!([
        { "name": "dibao.standard.rural", "values": [
            { "from": "2024-01-01", "region": "230129", "value": "530", "source": "s", "status": "official" },
            { "from": "2024-07-01", "region": "230129", "value": "530.001", "source": "s", "status": "official" }
        ]}
    ]));
    let e = ParameterSet::from_json(&bad.to_string()).unwrap_err();
    assert_eq!(e.path, "parameters[0].values[1].value");
    assert_eq!(
        e.message,
        "dibao.standard.rural 的第 2 个取值（2024-07-01，230129）：金额最多两位小数"
    );
}

/// A portal's value without a region is the whole province's from its date, in the file and in a
/// what-if alike: the embedded set's values for the province (230000, 441 from 2022) and for
/// Harbin's districts (625 from 2022), which a lookup finds before a value without a region, give
/// way from that date; before it they still answer.
#[test]
fn a_file_value_without_a_region_replaces_the_embedded_values_from_its_date() {
    let file = portal(json!([
        { "name": "dibao.standard.rural", "values": [
            { "from": "2024-01-01", "value": "530", "source": "省民政厅2024年通知", "status": "official" }
        ]}
    ]));
    let from_file = ParameterSet::from_json(&file.to_string()).unwrap();
    let what_if = overrides(
        &default_set(),
        json!({ "dibao.standard.rural": [{ "from": "2024-01-01", "value": 530 }] }),
    )
    .unwrap();
    for set in [&from_file, &what_if] {
        // 延寿县 (a county under the province's value), 道里区 (a Harbin district with its own).
        for code in [230129, 230102] {
            assert_eq!(rural(set, code, "2024-06-01"), Decimal::from(530), "{code}");
        }
        assert_eq!(rural(set, 230129, "2023-12-31"), Decimal::from(441));
        assert_eq!(rural(set, 230102, "2023-12-31"), Decimal::from(625));
        let on = d("2024-06-01");
        let (_, v, _) = set.in_force("dibao.standard.rural", on, None).unwrap();
        assert_eq!(v.value, Value::Decimal(Decimal::from(530)));
    }
    // A county's own value in the file still wins over the file's province-wide one.
    let both = portal(json!([
        { "name": "dibao.standard.rural", "values": [
            { "from": "2024-01-01", "value": "530", "source": "s", "status": "official" },
            { "from": "2024-01-01", "region": "230129", "value": "560", "source": "s", "status": "official" }
        ]}
    ]));
    let set = ParameterSet::from_json(&both.to_string()).unwrap();
    assert_eq!(rural(&set, 230129, "2024-06-01"), Decimal::from(560));
    assert_eq!(rural(&set, 230123, "2024-06-01"), Decimal::from(530));
}

/// Dates and ages that come in pairs are checked together: a period that ends before it starts is
/// refused where it is written, in a file and in a what-if.
#[test]
fn a_transition_that_starts_after_it_ends_is_refused() {
    let file = portal(json!([
        { "name": "transition.start", "values": [
            { "from": "2021-01-01", "value": "2026-01-01", "source": "s", "status": "official" }
        ]}
    ]));
    let e = ParameterSet::from_json(&file.to_string()).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidParameters, "parameters[0]")
    );
    assert!(
        e.message.starts_with("过渡期起始日不能晚于结束日："),
        "{}",
        e.message
    );
    assert!(
        e.message
            .contains("transition.start 为 2026-01-01，transition.end 为 2025-12-31"),
        "{}",
        e.message
    );
    let e = overrides(&default_set(), json!({ "transition.end": "2020-12-31" })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "transition.end")
    );
    let e = overrides(&default_set(), json!({ "labor.workingAgeMin": 70 })).unwrap_err();
    assert_eq!(e.path, "labor.workingAgeMin");
    // In order, both are fine.
    assert!(overrides(&default_set(), json!({ "transition.end": "2026-12-31" })).is_ok());
}

/// A set's id and title and a region's name are shown on pages and printed in headings: a real one
/// is short, so a long one is refused (quoted in part).
#[test]
fn a_file_s_id_title_and_region_names_are_capped() {
    let mut file = portal(json!([]));
    file["id"] = json!("x".repeat(65));
    file["title"] = json!("标".repeat(201));
    file["regions"] = json!([{ "code": "230129", "name": "名".repeat(65) }]);
    let e = ParameterSet::from_json(&file.to_string()).unwrap_err();
    let paths: Vec<&str> = e.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["id", "title", "regions[0].name"]);
    assert!(
        e.problems[0].message.ends_with("有 65 个字符，最多 64 个"),
        "{}",
        e.problems[0].message
    );
    assert!(e.problems.iter().all(|p| p.message.chars().count() < 80));
    file["id"] = json!("x".repeat(64));
    file["title"] = json!("标".repeat(200));
    file["regions"] = json!([{ "code": "230129", "name": "名".repeat(64) }]);
    assert!(ParameterSet::from_json(&file.to_string()).is_ok());
}

#[test]
fn a_portal_can_publish_its_key_counties() {
    let mut file = portal(json!([]));
    file["keyCounties"] = json!({ "status": "published", "source": "省乡村振兴局通知（示例）" });
    file["regions"] = json!([{ "code": "230129", "keyCounty": true }]);
    let set = ParameterSet::from_json(&file.to_string()).unwrap();
    assert_eq!(set.region(230129).unwrap().key_county, KeyCounty::Yes);
    assert_eq!(set.region(230123).unwrap().key_county, KeyCounty::No);
    assert_eq!(set.region(230129).unwrap().name, "延寿县");
    // Not among the 20 脱贫县 (五(十四)): refused. Without a published list: refused.
    file["regions"] = json!([{ "code": "230624", "keyCounty": true }]);
    let e = ParameterSet::from_json(&file.to_string()).unwrap_err();
    assert_eq!(e.path, "regions[0].keyCounty");
    file["keyCounties"] = json!({ "status": "notPublished", "source": "x" });
    file["regions"] = json!([{ "code": "230129", "keyCounty": true }]);
    let e = ParameterSet::from_json(&file.to_string()).unwrap_err();
    assert_eq!(e.path, "regions[0].keyCounty");
}

/// Malformed files: each reports the expected path, and the message names the parameter.
#[test]
fn malformed_files_name_the_bad_path() {
    let base: serde_json::Value = serde_json::from_str(HEILONGJIANG_JSON).unwrap();
    let index = |name: &str| {
        base["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .position(|p| p["name"] == name)
            .unwrap()
    };
    let rural = index("dibao.standard.rural");
    let elderly_age = index("dibao.elderlyAge");
    let start = index("transition.start");
    let tier = index("minimumWage.tier");
    let share = index("pension.paidShare.dibao");
    let pilot = index("education.nutrition.pilot");
    type Mutation = Box<dyn Fn(&mut serde_json::Value)>;
    let r = format!("parameters[{rural}]");
    let rural_values = base["parameters"][rural]["values"]
        .as_array()
        .unwrap()
        .len();
    let cases: Vec<(&str, Mutation, String, &str)> = vec![
        (
            "bad date",
            Box::new(move |f| f["parameters"][rural]["values"][0]["from"] = json!("2018-02-30")),
            format!("{r}.values[0].from"),
            "dibao.standard.rural 的第 1 个取值（2018-02-30",
        ),
        (
            "bad number",
            Box::new(move |f| f["parameters"][rural]["values"][0]["value"] = json!("3,900")),
            format!("{r}.values[0].value"),
            "“3,900”不是有效的十进制数",
        ),
        (
            "a region given twice",
            Box::new(|f| {
                let first = f["regions"][0].clone();
                f["regions"].as_array_mut().unwrap().push(first);
            }),
            format!(
                "regions[{}].code",
                base["regions"].as_array().unwrap().len()
            ),
            "重复",
        ),
        (
            "a parameter given twice",
            Box::new(move |f| {
                let p = f["parameters"][rural].clone();
                f["parameters"].as_array_mut().unwrap().push(p);
            }),
            format!(
                "parameters[{}].name",
                base["parameters"].as_array().unwrap().len()
            ),
            "dibao.standard.rural”重复出现",
        ),
        (
            "unknown status",
            Box::new(move |f| f["parameters"][rural]["values"][0]["status"] = json!("rumoured")),
            format!("{r}.values[0].status"),
            "rumoured",
        ),
        (
            "two values for one date and region",
            Box::new(move |f| {
                let v = f["parameters"][rural]["values"][0].clone();
                f["parameters"][rural]["values"]
                    .as_array_mut()
                    .unwrap()
                    .push(v);
            }),
            format!("{r}.values[{rural_values}]"),
            "dibao.standard.rural：同一日期",
        ),
        (
            "required name missing",
            Box::new(move |f| {
                f["parameters"].as_array_mut().unwrap().remove(start);
            }),
            "parameters".into(),
            "transition.start",
        ),
        (
            "unknown name",
            Box::new(move |f| f["parameters"][rural]["name"] = json!("dibao.standard.rurall")),
            format!("{r}.name"),
            "是否应为“dibao.standard.rural”",
        ),
        (
            "wrong unit",
            Box::new(move |f| f["parameters"][rural]["unit"] = json!("yuan/person/year")),
            format!("{r}.unit"),
            "yuan/person/month",
        ),
        (
            "negative money",
            Box::new(move |f| f["parameters"][rural]["values"][1]["value"] = json!(-5)),
            format!("{r}.values[1].value"),
            "不能为负数",
        ),
        (
            "fractional count",
            Box::new(move |f| f["parameters"][elderly_age]["values"][0]["value"] = json!("60.5")),
            format!("parameters[{elderly_age}].values[0].value"),
            "dibao.elderlyAge 的第 1 个取值",
        ),
        (
            "tier out of range",
            Box::new(move |f| f["parameters"][tier]["values"][0]["value"] = json!(4)),
            format!("parameters[{tier}].values[0].value"),
            "1 到 3",
        ),
        (
            "tier for a city",
            Box::new(move |f| f["parameters"][tier]["values"][0]["region"] = json!("230100")),
            format!("parameters[{tier}].values[0].region"),
            "只按县（市、区）取值",
        ),
        (
            "a share above one",
            Box::new(move |f| f["parameters"][share]["values"][0]["value"] = json!("1.5")),
            format!("parameters[{share}].values[0].value"),
            "0 到 1",
        ),
        (
            "a flag of two",
            Box::new(move |f| f["parameters"][pilot]["values"][0]["value"] = json!(2)),
            format!("parameters[{pilot}].values[0].value"),
            "0（否）或 1（是）",
        ),
        (
            "unknown region",
            Box::new(move |f| f["parameters"][rural]["values"][4]["region"] = json!("239999")),
            format!("{r}.values[4].region"),
            "239999",
        ),
        (
            "date value not a date",
            Box::new(move |f| f["parameters"][start]["values"][0]["value"] = json!(2021)),
            format!("parameters[{start}].values[0].value"),
            "transition.start",
        ),
        (
            "typo in a field",
            Box::new(move |f| f["parameters"][rural]["values"][0]["sourse"] = json!("x")),
            format!("{r}.values[0].sourse"),
            "sourse",
        ),
        (
            "empty source",
            Box::new(move |f| f["parameters"][rural]["values"][0]["source"] = json!(" ")),
            format!("{r}.values[0].source"),
            "source 不能为空",
        ),
        (
            "bad region code",
            Box::new(|f| f["regions"][1]["code"] = json!("23010")),
            "regions[1].code".into(),
            "23010",
        ),
        (
            "region without its city",
            Box::new(|f| {
                f["regions"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"code": "239901", "name": "无上级县"}))
            }),
            "regions[141].code".into(),
            "239900",
        ),
        (
            "a provincial county as 脱贫县",
            Box::new(|f| {
                let i = f["regions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .position(|r| r["code"] == "230624")
                    .unwrap();
                f["regions"][i]["alleviatedCounty"] = json!(true);
            }),
            "".into(),
            "省级贫困县",
        ),
        (
            "wrong schema",
            Box::new(|f| f["schema"] = json!("zhenxing-parameters/2")),
            "schema".into(),
            "zhenxing-parameters/1",
        ),
        (
            "empty values",
            Box::new(move |f| f["parameters"][rural]["values"] = json!([])),
            format!("{r}.values"),
            "dibao.standard.rural",
        ),
        (
            "a long bad value",
            Box::new(move |f| {
                f["parameters"][rural]["values"][0]["value"] = json!("9".repeat(1_000_000) + "x")
            }),
            format!("{r}.values[0].value"),
            "不是有效的十进制数",
        ),
    ];
    for (what, mutate, path, words) in cases {
        let mut file = base.clone();
        mutate(&mut file);
        let err = ParameterSet::from_json(&file.to_string()).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParameters, "{what}");
        let found = err
            .problems
            .iter()
            .find(|p| path.is_empty() || p.path == path)
            .unwrap_or_else(|| panic!("{what}: expected {path}, got {:?}", err.problems));
        assert!(found.message.contains(words), "{what}: {}", found.message);
        assert!(
            found.message.chars().count() < 200,
            "{what}: {} chars",
            found.message.chars().count()
        );
    }
    // Not JSON at all, and a JSON array.
    assert_eq!(
        ParameterSet::from_json("{").unwrap_err().code,
        ErrorCode::InvalidParameters
    );
    assert_eq!(
        ParameterSet::from_json("[]").unwrap_err().code,
        ErrorCode::InvalidParameters
    );
}

#[test]
fn a_key_written_twice_is_an_error() {
    let text = r#"{"schema":"zhenxing-parameters/1","id":"x","title":"x","published":"2024-01-01","extends":"heilongjiang",
        "parameters":[{"name":"dibao.standard.rural","values":[
          {"from":"2024-01-01","region":"230129","value":"441","value":"9999","source":"s","status":"official"}]}]}"#;
    let e = ParameterSet::from_json(text).unwrap_err();
    assert_eq!(e.path, "parameters[0].values[0].value");
    assert!(e.message.contains("两次"), "{}", e.message);
    let e = overrides_text(
        &default_set(),
        r#"{"dibao.standard.rural":"500","dibao.standard.rural":"9"}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "dibao.standard.rural")
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut file: serde_json::Value = serde_json::from_str(HEILONGJIANG_JSON).unwrap();
    file["parameters"][3]["values"][0]["from"] = json!("2018-13-01");
    file["parameters"][5]["values"][0]["status"] = json!("maybe");
    let err = ParameterSet::from_json(&file.to_string()).unwrap_err();
    assert_eq!(err.problems.len(), 2);
    assert_eq!(err.path, "parameters[3].values[0].from");
}

/// A file's regions are held by code whatever their order in the file: the shipped set with its
/// regions reversed is the same set, written back as the same text.
#[test]
fn a_files_regions_in_any_order_are_the_same_set() {
    let mut file: serde_json::Value = serde_json::from_str(HEILONGJIANG_JSON).unwrap();
    file["regions"].as_array_mut().unwrap().reverse();
    let reversed = ParameterSet::from_json(&file.to_string()).unwrap();
    assert!(
        reversed == default_set(),
        "the reversed file reads as another set"
    );
    assert_eq!(reversed.to_json(), HEILONGJIANG_JSON);
    let codes: Vec<u32> = reversed.regions().iter().map(|r| r.code).collect();
    assert!(codes.windows(2).all(|w| w[0] < w[1]) && codes.len() == 141);
}

/// Loading is O(n log n): 80,000 values of a partial file (22 s when each value was merged with a
/// scan of the parameter's values).
#[test]
fn a_large_partial_file_loads_quickly() {
    let codes: Vec<String> = default_set()
        .regions()
        .iter()
        .map(|r| r.code_string())
        .collect();
    let mut values = Vec::with_capacity(80_000);
    let start = d("2000-01-01");
    'outer: for day in 0..1000 {
        for code in &codes {
            if values.len() == 80_000 {
                break 'outer;
            }
            let from = crate::base::calendar::format_date(start + chrono::Days::new(day));
            values.push(format!(
                r#"{{"from":"{from}","region":"{code}","value":"500","source":"s","status":"official"}}"#
            ));
        }
    }
    let file = format!(
        r#"{{"schema":"zhenxing-parameters/1","id":"x","title":"x","published":"2024-01-01","extends":"heilongjiang","parameters":[{{"name":"dibao.standard.rural","values":[{}]}}]}}"#,
        values.join(",")
    );
    let t = Instant::now();
    let set = ParameterSet::from_json(&file).unwrap();
    let took = t.elapsed();
    // The file answers for every region from 2000, before every embedded value: it replaces them.
    assert_eq!(
        set.parameter("dibao.standard.rural").unwrap().values.len(),
        80_000
    );
    assert!(took.as_secs() < 10, "80,000 values took {took:?}");
}

#[test]
fn plain_override_replaces_every_date_and_region() {
    let set = overrides(&default_set(), json!({ "dibao.standard.rural": "500" })).unwrap();
    for (code, date) in [
        (230102, "2021-06-01"),
        (230129, "2023-06-01"),
        (230000, "2019-06-01"),
    ] {
        let mut r = Reader::new(&set, d(date), set.region(code));
        assert_eq!(
            r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
            Decimal::from(500)
        );
        assert_eq!(
            r.unofficial().names(),
            ["dibao.standard.rural"],
            "a what-if figure is not official"
        );
    }
    // A plain tier applies to every county, still to no city.
    let set = overrides(&default_set(), json!({ "minimumWage.tier": 2 })).unwrap();
    let mut r = Reader::new(&set, d("2023-06-01"), set.region(230102));
    assert_eq!(r.count(&catalogue::MINIMUM_WAGE_TIER).unwrap(), 2);
    let mut r = Reader::new(&set, d("2023-06-01"), set.region(230100));
    assert!(r.count(&catalogue::MINIMUM_WAGE_TIER).is_err());
}

#[test]
fn what_if_values_read_as_an_officer_types_them() {
    // The staff page's what-if fields take what its household fields take.
    for (typed, value) in [
        ("1,000", 1000),
        ("５００", 500),
        ("471元", 471),
        (" 471 ", 471),
    ] {
        let set = overrides(&default_set(), json!({ "dibao.standard.rural": typed })).unwrap();
        assert_eq!(
            rural(&set, 230129, "2023-06-01"),
            Decimal::from(value),
            "{typed}"
        );
    }
    let set = overrides(
        &default_set(),
        json!({ "dibao.standard.rural": [{ "from": "2023-07-01", "region": "230129", "value": "４７１.５" }] }),
    )
    .unwrap();
    assert_eq!(rural(&set, 230129, "2023-07-01"), Decimal::new(4715, 1));
    // A rate may be written as a percentage: 30% is 0.3. An amount may not.
    for (typed, rate) in [
        ("30%", Decimal::new(3, 1)),
        ("２５％", Decimal::new(25, 2)),
        ("0.3", Decimal::new(3, 1)),
    ] {
        let set = overrides(
            &default_set(),
            json!({ "dibao.supplement.severeDisability": typed }),
        )
        .unwrap();
        let mut r = Reader::new(&set, d("2023-06-01"), set.region(230129));
        assert_eq!(
            r.decimal(&catalogue::DIBAO_SUPPLEMENT_SEVERE_DISABILITY)
                .unwrap(),
            rate,
            "{typed}"
        );
    }
    assert!(overrides(&default_set(), json!({ "dibao.standard.rural": "30%" })).is_err());
    // What is not clearly a number is still refused, naming the field as the page labels it.
    for odd in ["两千", "1,00", "1.2万"] {
        let e = overrides(&default_set(), json!({ "dibao.standard.rural": odd })).unwrap_err();
        assert!(
            e.message
                .starts_with("农村低保标准（dibao.standard.rural）："),
            "{}",
            e.message
        );
        assert!(
            e.message.ends_with("不是有效的数字（如 471 或 1,000.50）"),
            "{}",
            e.message
        );
    }
    let e = overrides(
        &default_set(),
        json!({ "dibao.supplement.elderly": "两成" }),
    )
    .unwrap_err();
    assert!(
        e.message.ends_with("“两成”不是有效的数字（如 0.3 或 30%）"),
        "{}",
        e.message
    );
}

#[test]
fn dated_override_adds_a_value() {
    let set = overrides(
        &default_set(),
        json!({ "dibao.standard.rural": [{ "from": "2023-07-01", "region": "230129", "value": 471.5 }] }),
    )
    .unwrap();
    assert_eq!(rural(&set, 230129, "2023-06-30"), Decimal::from(441));
    assert_eq!(rural(&set, 230129, "2023-07-01"), Decimal::new(4715, 1));
}

#[test]
fn bad_overrides_are_refused() {
    let set = default_set();
    let e = overrides(&set, json!({ "dibao.standard.rurall": 1 })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownParameter, "dibao.standard.rurall")
    );
    assert!(
        e.message.contains("“dibao.standard.rural”"),
        "{}",
        e.message
    );
    let e = overrides(&set, json!({ "dibao.standard.rural": "1.234" })).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "dibao.standard.rural")
    );
    assert!(
        e.message
            .starts_with("农村低保标准（dibao.standard.rural）："),
        "{}",
        e.message
    );
    let e = overrides(
        &set,
        json!({ "dibao.standard.rural": [{ "from": "2023-02-29", "value": 1 }] }),
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "dibao.standard.rural[0].from")
    );
    let e = overrides(
        &set,
        json!({ "minimumWage.tier": [{ "from": "2023-01-01", "region": "230129", "value": 7 }] }),
    )
    .unwrap_err();
    assert_eq!(e.path, "minimumWage.tier[0].value");
    let e = overrides(
        &set,
        json!({ "minimumWage.tier": [{ "from": "2023-01-01", "region": "230100", "value": 1 }] }),
    )
    .unwrap_err();
    assert_eq!(e.path, "minimumWage.tier[0].region");
    let e = overrides(&set, json!({ "pension.paidShare.dibao": "1.2" })).unwrap_err();
    assert!(
        e.message.contains("pension.paidShare.dibao"),
        "{}",
        e.message
    );
    let e = overrides(&set, json!({ "dibao.marginalMultiple": 0 })).unwrap_err();
    assert_eq!(e.path, "dibao.marginalMultiple");
    let e = overrides(&set, json!({ "tekun.basicRoundUpTo": "0" })).unwrap_err();
    assert_eq!(e.path, "tekun.basicRoundUpTo");
    let e = overrides(&set, json!([1, 2])).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    let long = format!(
        "{{\"dibao.standard.rural\": \"{}\"}}",
        "1".repeat(1_000_000)
    );
    let e = overrides_text(&set, &long).unwrap_err();
    assert!(e.message.chars().count() < 200);
}

#[test]
fn overrides_equal_to_the_default_change_no_value() {
    let set = default_set();
    let same = overrides(
        &set,
        json!({ "dibao.marginalMultiple": [{ "from": "2021-01-01", "value": "1.5" }] }),
    )
    .unwrap();
    let a = set
        .lookup(&catalogue::DIBAO_MARGINAL_MULTIPLE, d("2023-01-01"), None)
        .unwrap();
    let b = same
        .lookup(&catalogue::DIBAO_MARGINAL_MULTIPLE, d("2023-01-01"), None)
        .unwrap();
    assert_eq!(a.value, b.value);
}

#[test]
fn values_older_than_their_cycle_are_stale() {
    let set = default_set();
    let yanshou = set.region(230129);
    let read = |date: &str| {
        let mut r = Reader::new(&set, d(date), yanshou);
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap();
        r.decimal(&catalogue::MONITORING_INCOME_LINE).unwrap();
        r.date(&catalogue::TRANSITION_START).unwrap();
        r.count_in(&catalogue::MINIMUM_WAGE_TIER, yanshou).unwrap();
        r.stale()
    };
    // 2022-12-31: the 2022 standard is current; the 2021 monitoring line ran out on 2022-01-01.
    let s = read("2022-12-31");
    assert_eq!(
        s.iter().map(|(spec, _)| spec.name).collect::<Vec<_>>(),
        ["monitoring.incomeLine"]
    );
    // 2023-06-01: the standard of 2022-01-01 is a year old too; the tier of 2021-04-01 is not yet
    // two years old (2023-04-01) … it is.
    let s = read("2023-06-01");
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(
        json,
        json!([
            { "parameter": "dibao.standard.rural", "lastFrom": "2022-01-01", "text": "农村低保标准最近取值为 2022-01-01，请核对当地现行标准" },
            { "parameter": "minimumWage.tier", "lastFrom": "2021-04-01", "text": "最低工资档次（按县（市、区））最近取值为 2021-04-01，请核对当地现行标准" },
            { "parameter": "monitoring.incomeLine", "lastFrom": "2021-01-01", "text": "防止返贫监测收入标准（人均纯收入）最近取值为 2021-01-01，请核对当地现行标准" }
        ])
    );
    // The day the cycle runs out is the first stale day.
    assert!(!read("2023-03-31").contains("minimumWage.tier"));
    assert!(read("2023-04-01").contains("minimumWage.tier"));
    // After the 2024 adjustment, current again.
    assert!(!read("2024-05-01").contains("minimumWage.tier"));
    // Merging keeps the oldest date of a parameter.
    let mut a = read("2023-06-01");
    let mut other = Reader::new(&set, d("2026-06-01"), set.region(230102));
    other.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap();
    other.decimal(&catalogue::LPR_ONE_YEAR).unwrap();
    a.extend(&other.stale());
    let entries = a.entries();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0].parameter, "credit.lpr1y");
    assert_eq!(entries[1].last_from, "2022-01-01");
    let mut r = Reader::new(&set, d("2021-06-01"), yanshou);
    r.record_stale(&a);
    assert_eq!(r.stale(), a);
}

/// A stale set keeps each `from` as a day in 17 bits: every date a parameter file may hold (the
/// calendar's first day to its last) comes back as it went in, and the oldest is kept across the
/// 17th bit. 2079-06-07 is day 65,536 after 1900-01-01: 1900 to 2078 are 179 years of 365 days
/// and 44 leap days (1904 to 2076; 1900 is not one) = 65,379 days to 2079-01-01, then 157 days
/// (31 + 28 + 31 + 30 + 31 = 151 to June 1st, and 6 more).
#[test]
fn stale_sets_keep_every_calendar_date() {
    use crate::base::calendar::{EARLIEST_YEAR, LATEST_YEAR};
    let first = NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(LATEST_YEAR, 12, 31).unwrap();
    for date in [
        first,
        d("2021-04-01"),
        d("2079-06-06"),
        d("2079-06-07"),
        last,
    ] {
        let mut s = StaleSet::default();
        s.insert(&catalogue::DIBAO_STANDARD_RURAL, date);
        assert_eq!(
            s.iter().collect::<Vec<_>>(),
            [(&catalogue::DIBAO_STANDARD_RURAL, date)]
        );
    }
    assert_eq!(StaleDay::of(first), 0);
    assert_eq!(StaleDay::of(d("2079-06-06")), 65_535);
    assert_eq!(StaleDay::of(d("2079-06-07")), 65_536);
    // The oldest, whichever comes first, on either side of the 17th bit.
    let mut s = StaleSet::default();
    s.insert(&catalogue::MINIMUM_WAGE_TIER, d("2100-01-01"));
    s.insert(&catalogue::MINIMUM_WAGE_TIER, d("2021-04-01"));
    s.insert(&catalogue::MINIMUM_WAGE_TIER, d("2150-01-01"));
    s.insert(&catalogue::MONITORING_INCOME_LINE, d("2021-01-01"));
    s.insert(&catalogue::MONITORING_INCOME_LINE, d("2200-01-01"));
    let mut late = StaleSet::default();
    late.insert(&catalogue::MINIMUM_WAGE_TIER, d("2199-01-01"));
    late.insert(&catalogue::DIBAO_STANDARD_URBAN, d("2199-01-01"));
    late.extend(&s);
    assert_eq!(
        late.iter()
            .map(|(spec, from)| (spec.name, format_date(from)))
            .collect::<Vec<_>>(),
        [
            ("dibao.standard.urban", "2199-01-01".to_string()),
            ("minimumWage.tier", "2021-04-01".to_string()),
            ("monitoring.incomeLine", "2021-01-01".to_string()),
        ]
    );
}

#[test]
fn unofficial_sets_list_their_names_sorted() {
    let mut set = UnofficialSet::default();
    for spec in [
        &catalogue::PENSION_LOWEST_TIER,
        &catalogue::DIBAO_STANDARD_RURAL,
        &catalogue::TRANSITION_START,
        &catalogue::DIBAO_AVERAGE_SUBSIDY,
        &catalogue::DIBAO_STANDARD_RURAL,
    ] {
        set.insert(spec);
    }
    let mut other = UnofficialSet::default();
    other.insert(&catalogue::FOREST_RANGER_PAY);
    set.extend(other);
    assert_eq!(
        set.names(),
        [
            "dibao.averageSubsidy",
            "dibao.standard.rural",
            "employment.forestRangerPay",
            "pension.lowestTier",
            "transition.start"
        ]
    );
    let mut all = UnofficialSet::default();
    catalogue::ALL.iter().for_each(|s| all.insert(s));
    let mut names: Vec<&str> = catalogue::ALL.iter().map(|s| s.name).collect();
    names.sort();
    assert_eq!(all.names(), names);
}

#[test]
fn merging_replaces_equal_keys_and_keeps_order() {
    let spec = &catalogue::DIBAO_STANDARD_RURAL;
    let v = |from: &str, region: Option<u32>, value: i64| DatedValue {
        from: d(from),
        region,
        value: Value::Decimal(Decimal::from(value)),
        source: "s".into(),
        status: Status::Official,
        note: None,
    };
    let mut p = Parameter::new(spec);
    p.merge(vec![
        v("2022-01-01", None, 1),
        v("2021-01-01", Some(230129), 2),
    ]);
    p.merge(vec![
        v("2022-01-01", None, 3),
        v("2020-01-01", None, 4),
        v("2022-01-01", None, 5),
    ]);
    let got: Vec<(Option<u32>, String, String)> = p
        .values
        .iter()
        .map(|x| (x.region, format_date(x.from), x.value.display()))
        .collect();
    assert_eq!(
        got,
        [
            (None, "2020-01-01".into(), "4".into()),
            (None, "2022-01-01".into(), "5".into()),
            (Some(230129), "2021-01-01".into(), "2".into())
        ]
    );
}

/// A what-if value is the caller's choice: it is unofficial, but never "due for checking", while
/// the same parameter from the file is (441 from 2021-07-01, yearly, is stale on 2024-06-01).
#[test]
fn what_if_values_are_never_reported_stale() {
    let set = default_set();
    let mut r = Reader::new(&set, d("2024-06-01"), set.region(230129));
    r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap();
    assert!(r.stale().contains("dibao.standard.rural"));
    let what_if = overrides(&set, json!({ "dibao.standard.rural": "471" })).unwrap();
    let mut r = Reader::new(&what_if, d("2024-06-01"), what_if.region(230129));
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(471)
    );
    assert!(r.unofficial().contains("dibao.standard.rural"));
    assert!(r.stale().is_empty());
}

#[test]
fn the_compile_time_name_order_is_the_sorted_catalogue() {
    let names: Vec<&str> = BY_NAME
        .iter()
        .map(|i| catalogue::ALL[usize::from(*i)].name)
        .collect();
    let mut sorted: Vec<&str> = catalogue::ALL.iter().map(|s| s.name).collect();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    for spec in catalogue::ALL {
        assert_eq!(BY_NAME[rank(spec)] as usize, spec.index);
    }
}

#[test]
fn the_value_in_force_comes_with_its_date_source_and_staleness() {
    // data/params/dibao-tekun.toml: the rural 低保 standard of Harbin's nine counties (延寿县 230129
    // among them) is 441 from 2022-01-01; Harbin's nine districts (道里区 230102 among them) have 625
    // from the same day.
    // The cycle is 12 months, so on 2023-06-01 (past 2023-01-01) both are due for checking.
    let set = default_set();
    let (p, v, stale) = set
        .in_force("dibao.standard.rural", d("2023-06-01"), Some("230129"))
        .unwrap();
    assert_eq!(p.label, "农村低保标准");
    assert_eq!(
        (v.value.display(), v.from, v.region),
        ("441".to_string(), d("2022-01-01"), Some(230129))
    );
    assert!(v.source.contains("441元/人·月"), "{}", v.source);
    assert!(stale);
    let (_, v, _) = set
        .in_force("dibao.standard.rural", d("2023-06-01"), Some("230102"))
        .unwrap();
    assert_eq!(v.value.display(), "625");
    // On 2022-06-01 the 441 is five months old: not yet due.
    let (_, _, stale) = set
        .in_force("dibao.standard.rural", d("2022-06-01"), Some("230129"))
        .unwrap();
    assert!(!stale);
    let e = set
        .in_force("dibao.standard.rurall", d("2023-06-01"), None)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::UnknownParameter);
    assert!(e.message.contains("dibao.standard.rural"), "{}", e.message);
    let e = set
        .in_force("dibao.standard.rural", d("2023-06-01"), Some("230199"))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidRegion);
}

#[test]
fn kept_values_read_and_record_as_looked_up_ones() {
    // A reader keeping what it finds (a batch's) answers every parameter as a fresh one does, the
    // first time (found, then kept) and the second (from what was kept), with the same non-official
    // and stale figures recorded, or the same error; and a reader of another date, region or set is
    // not served by it.
    let set = default_set();
    let other = default_set();
    for (code, date) in [
        (Some(230102), "2023-06-01"),
        (Some(230129), "2021-03-01"),
        (Some(230100), "2025-12-31"),
        (None, "2023-06-01"),
    ] {
        let region = code.and_then(|c| set.region(c));
        let fresh = || Reader::new(&set, d(date), region);
        let resolved = Resolved::for_reader(&fresh());
        assert!(!resolved.serves(&Reader::new(&set, d("2024-01-01"), region)));
        assert!(!resolved.serves(&Reader::new(&set, d(date), set.region(230103))));
        assert!(!resolved.serves(&Reader::new(
            &other,
            d(date),
            code.and_then(|c| other.region(c))
        )));
        for pass in ["found", "kept"] {
            let (mut plain, mut kept) = (fresh(), fresh().with_resolved(&resolved));
            for spec in catalogue::ALL {
                let a = plain.value(spec).map(|v| v as *const DatedValue);
                let b = kept.value(spec).map(|v| v as *const DatedValue);
                assert_eq!(a, b, "{} {date} {code:?} ({pass})", spec.name);
            }
            assert_eq!(plain.used(), kept.used(), "{date} {code:?} ({pass})");
        }
        // Read as counts (a kept count is read without its decimal), with `count_kept` too: the
        // same number or error, and the same records.
        let (mut plain, mut kept, mut through) =
            (fresh(), fresh().with_resolved(&resolved), fresh());
        for spec in catalogue::ALL {
            let a = plain.count(spec).map_err(|e| e.code);
            let b = kept.count(spec).map_err(|e| e.code);
            let c = through.count_kept(spec, &resolved).map_err(|e| e.code);
            assert_eq!(a, b, "{} {date} {code:?} as a count", spec.name);
            assert_eq!(a, c, "{} {date} {code:?} through count_kept", spec.name);
        }
        assert_eq!(plain.used(), kept.used(), "{date} {code:?} counts");
        assert_eq!(plain.used(), through.used(), "{date} {code:?} counts kept");
        // And as decimals (a kept decimal is read without finding its value), twice over.
        for pass in ["found", "kept"] {
            let (mut plain, mut kept) = (fresh(), fresh().with_resolved(&resolved));
            for spec in catalogue::ALL {
                let a = plain.decimal(spec).map_err(|e| e.code);
                let b = kept.decimal(spec).map_err(|e| e.code);
                assert_eq!(a, b, "{} {date} {code:?} as a decimal ({pass})", spec.name);
            }
            assert_eq!(
                plain.used(),
                kept.used(),
                "{date} {code:?} decimals ({pass})"
            );
        }
    }
    // Each count kept is the count itself (Harbin's 最低工资档次 is 1).
    let harbin = set.region(230102);
    let resolved = Resolved::for_reader(&Reader::new(&set, d("2023-06-01"), harbin));
    for _ in 0..2 {
        let mut kept = Reader::new(&set, d("2023-06-01"), harbin).with_resolved(&resolved);
        assert_eq!(kept.count(&catalogue::MINIMUM_WAGE_TIER).unwrap(), 1);
        assert_eq!(kept.count(&catalogue::DIBAO_MINOR_AGE).unwrap(), 18);
    }
    // A value for another region (a member's place of work) is looked up, not taken from the kept.
    let harbin = set.region(230102);
    let resolved = Resolved::for_reader(&Reader::new(&set, d("2023-06-01"), harbin));
    let mut kept = Reader::new(&set, d("2023-06-01"), harbin).with_resolved(&resolved);
    let here = kept.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap();
    let there = kept
        .decimal_in(&catalogue::DIBAO_STANDARD_RURAL, set.region(230129))
        .unwrap();
    assert_eq!(here, rural(&set, 230102, "2023-06-01"));
    assert_eq!(there, rural(&set, 230129, "2023-06-01"));
}

/// A published 特困 basic standard is read where a place has one (Harbin's counties, 2022 on) and
/// is `None` elsewhere and before, never an error.
#[test]
fn a_published_figure_is_read_only_where_there_is_one() {
    let set = default_set();
    let spec = &catalogue::TEKUN_BASIC_URBAN;
    let mut county = Reader::new(&set, d("2022-06-01"), set.region(230129));
    assert_eq!(county.money_if_any(spec).unwrap(), Some(Money::yuan(957)));
    assert!(county.unofficial().contains(spec.name));
    let mut before = Reader::new(&set, d("2021-06-01"), set.region(230129));
    assert_eq!(before.money_if_any(spec).unwrap(), None);
    let mut district = Reader::new(&set, d("2022-06-01"), set.region(230102));
    assert_eq!(district.money_if_any(spec).unwrap(), None);
    assert!(!district.unofficial().contains(spec.name));
}

/// Harbin's districts have 2021 care amounts derived from the city's 2021 totals (illustrative);
/// from 2022 the reported city figure again; the counties keep the province-wide value in 2021.
#[test]
fn harbin_districts_2021_care_is_derived_and_2022_is_reported() {
    let set = default_set();
    let care = |on: &str, code: u32| {
        let v = set
            .lookup(&catalogue::TEKUN_CARE_SELF_CARE, d(on), set.region(code))
            .unwrap();
        (v.value, v.status)
    };
    // 9996 ÷ 12 = 833 − ⌈1.3 × 367⌉ = 478 → 355.
    assert_eq!(
        care("2021-06-01", 230102),
        (Value::Decimal(Decimal::from(355)), Status::Illustrative)
    );
    assert_eq!(
        care("2022-06-01", 230102),
        (Value::Decimal(Decimal::from(390)), Status::Reported)
    );
    assert_eq!(
        care("2021-06-01", 230129),
        (Value::Decimal(Decimal::from(390)), Status::Illustrative)
    );
    // 23388 ÷ 12 = 1949 − ⌈1.3 × 732⌉ = 952 → 997; full care two steps of 600 ÷ 12 = 50 more.
    let urban = set
        .lookup(
            &catalogue::TEKUN_CARE_URBAN_FULL_CARE,
            d("2021-06-01"),
            set.region(230102),
        )
        .unwrap();
    assert_eq!(urban.value, Value::Decimal(Decimal::from(1097)));
}

/// The campaign-era 大病保险 figures and the 2016 医疗救助 rate, read for 2023, are listed as not
/// official, and the two with a yearly cycle as past it.
#[test]
fn campaign_era_medical_figures_are_flagged_after_their_year() {
    let set = default_set();
    let mut r = Reader::new(&set, d("2023-06-01"), set.region(230129));
    for spec in [
        &catalogue::MEDICAL_CRITICAL_DEDUCTIBLE,
        &catalogue::MEDICAL_CRITICAL_RATE,
        &catalogue::MEDICAL_ASSISTANCE_RATE,
    ] {
        r.decimal(spec).unwrap();
        assert!(r.unofficial().contains(spec.name), "{}", spec.name);
    }
    let stale = r.stale();
    assert!(stale.contains("medical.criticalIllness.deductible"));
    assert!(stale.contains("medical.criticalIllness.rate"));
}

#[test]
fn national_minimum_pension_says_its_source_was_not_found() {
    // pension.nationalMinimumBasic: 88 from 2018-01-01 is the value of 2020 and 2023 as well; the
    // project's policy notes give 88 (2018), 123 (2024), 143 (2025) without a document, so each
    // source says so (status stays reported).
    let set = default_set();
    for (on, expected) in [
        ("2020-06-01", 88),
        ("2023-06-01", 88),
        ("2024-06-01", 123),
        ("2025-06-01", 143),
    ] {
        let mut r = Reader::new(&set, d(on), None);
        let v = r
            .value(&catalogue::PENSION_NATIONAL_MINIMUM_BASIC)
            .unwrap()
            .clone();
        assert_eq!(v.value, Value::Decimal(Decimal::from(expected)), "{on}");
        assert!(v.source.contains("出处未找到"), "{on}: {}", v.source);
        assert_eq!(v.status, Status::Reported, "{on}");
    }
}

/// docs/parameters.md names the parameters the calculation does not read: exactly the catalogue's
/// informational ones (`tekun.supportStandard.ruralDispersed` is read, for `tekun.supportFloor`).
#[test]
fn the_parameters_guide_names_exactly_the_informational_parameters() {
    let doc = include_str!("../../docs/parameters.md");
    let paragraph = doc
        .split("\n\n")
        .find(|p| p.contains("计算不读取"))
        .expect("docs/parameters.md says which parameters are not read");
    let (not_read, rest) = paragraph
        .split_once("农村分散供养的年标准")
        .unwrap_or((paragraph, ""));
    fn named(text: &str) -> Vec<&str> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .filter(|n| catalogue::ALL.iter().any(|s| s.name == *n))
            .collect()
    }
    let mut listed = named(not_read);
    listed.sort_unstable();
    let mut informational: Vec<&str> = catalogue::ALL
        .iter()
        .filter(|s| s.informational)
        .map(|s| s.name)
        .collect();
    informational.sort_unstable();
    assert_eq!(listed, informational);
    assert!(named(rest).contains(&catalogue::TEKUN_SUPPORT_RURAL_DISPERSED.name));
    assert!(!catalogue::TEKUN_SUPPORT_RURAL_DISPERSED.informational);
}
