use super::*;
use crate::calendar::parse_date;
use crate::error::ErrorCode;
use serde_json::json;

fn d(s: &str) -> NaiveDate {
    parse_date(s, "").unwrap()
}

fn default_set() -> ParameterSet {
    ParameterSet::heilongjiang().unwrap()
}

#[test]
fn embedded_set_loads_and_has_every_catalogue_name() {
    let set = default_set();
    for spec in catalogue::ALL {
        assert!(set.parameter(spec.name).is_some(), "{}", spec.name);
    }
    assert_eq!(set.id, "heilongjiang");
}

#[test]
fn the_day_before_and_the_day_of_a_change() {
    let set = default_set();
    let yanshou = set.region(230129);
    let mut r = Reader::new(&set, d("2021-12-31"), yanshou);
    // Province rural standard: 401 in 2021, 441 from 2022-01-01.
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(401)
    );
    let mut r = Reader::new(&set, d("2022-01-01"), yanshou);
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(441)
    );
    // Minimum wage tier 3: 1270 until 2024-04-30, 1750 from 2024-05-01 (黑政规〔2024〕1号, official).
    let mut r = Reader::new(&set, d("2024-04-30"), None);
    assert_eq!(
        r.decimal(&catalogue::MINIMUM_WAGE_TIER3).unwrap(),
        Decimal::from(1270)
    );
    assert_eq!(r.unofficial().names(), ["minimumWage.tier3"]);
    let mut r = Reader::new(&set, d("2024-05-01"), None);
    assert_eq!(
        r.decimal(&catalogue::MINIMUM_WAGE_TIER3).unwrap(),
        Decimal::from(1750)
    );
    assert!(r.unofficial().is_empty(), "the 2024 figure is official");
}

#[test]
fn county_falls_back_to_city_then_province() {
    let set = default_set();
    let on = d("2022-06-01");
    // 道里区 has its own value (625); 依兰县 has none, nor has 哈尔滨市: the province's 441.
    let daoli = set.region(230102);
    let yilan = set.region(230123);
    assert_eq!(
        Reader::new(&set, on, daoli)
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::from(625)
    );
    assert_eq!(
        Reader::new(&set, on, yilan)
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::from(441)
    );
    // 特困 care: 哈尔滨市 has 390 from 2022 (reported): 依兰县 takes the city's value…
    let v = set
        .lookup(&catalogue::TEKUN_CARE_SELF_CARE, on, yilan)
        .unwrap();
    assert_eq!((v.region, v.status), (Some(230100), Status::Reported));
    // …a county of another city takes the province's illustrative one.
    let v = set
        .lookup(&catalogue::TEKUN_CARE_SELF_CARE, on, set.region(230221))
        .unwrap();
    assert_eq!((v.region, v.status), (None, Status::Illustrative));
    // Tier: 双城区 moves from 3 to 2 on 2025-12-01; 道里区 is 1; 延寿县 the province's 3.
    let tier = |code, date| {
        Reader::new(&set, d(date), set.region(code))
            .count(&catalogue::MINIMUM_WAGE_TIER)
            .unwrap()
    };
    assert_eq!(tier(230113, "2025-11-30"), 3);
    assert_eq!(tier(230113, "2025-12-01"), 2);
    assert_eq!(tier(230102, "2025-12-01"), 1);
    assert_eq!(tier(230129, "2025-12-01"), 3);
    // A province-level value outranks one given without a region: guarantee-loan cap.
    let cap = |date| {
        Reader::new(&set, d(date), yilan)
            .decimal(&catalogue::GUARANTEE_LOAN_INDIVIDUAL_CAP)
            .unwrap()
    };
    assert_eq!(cap("2020-06-01"), Decimal::from(200_000));
    assert_eq!(cap("2021-06-01"), Decimal::from(300_000));
    assert_eq!(cap("2026-02-02"), Decimal::from(500_000));
}

#[test]
fn no_value_yet_is_out_of_range() {
    let set = default_set();
    let e = set
        .lookup(&catalogue::DIBAO_STANDARD_URBAN, d("2020-06-01"), None)
        .unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "asOf"));
    assert!(e.message.contains("2021-01-01"), "{}", e.message);
}

#[test]
fn regions_have_names_levels_and_the_twenty_alleviated_counties() {
    let set = default_set();
    let regions = set.regions();
    assert_eq!(regions.iter().filter(|r| r.alleviated_county).count(), 20);
    assert_eq!(
        regions
            .iter()
            .filter(|r| r.level() == Level::Prefecture)
            .count(),
        13
    );
    assert_eq!(set.region(230129).unwrap().name, "延寿县");
    assert_eq!(
        set.region_by_code("230000", "region").unwrap().level(),
        Level::Province
    );
    for bad in ["999999", "23012", "2301290", "abcdef", ""] {
        assert_eq!(
            set.region_by_code(bad, "region").unwrap_err().code,
            ErrorCode::InvalidRegion,
            "{bad}"
        );
    }
}

/// A portal's own file: the default plus one county's figure.
#[test]
fn portal_file_overrides_one_county_only() {
    let text = json!({
        "schema": "zhenxing-parameters/1",
        "id": "yanshou-2023",
        "title": "延寿县2023年参数",
        "published": "2023-01-15",
        "extends": "heilongjiang",
        "parameters": [
            { "name": "dibao.standard.rural", "values": [
                { "from": "2023-01-01", "region": "230129", "value": "470", "source": "延寿县民政局通知", "status": "official" }
            ]}
        ]
    })
    .to_string();
    let set = ParameterSet::from_json(&text).unwrap();
    let on = d("2023-06-01");
    let mut r = Reader::new(&set, on, set.region(230129));
    assert_eq!(
        r.decimal(&catalogue::DIBAO_STANDARD_RURAL).unwrap(),
        Decimal::from(470)
    );
    assert!(r.unofficial().is_empty(), "the county's value is official");
    // Its neighbour 依兰县 keeps the province's 441; 2022 in 延寿县 is unchanged too.
    assert_eq!(
        Reader::new(&set, on, set.region(230123))
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::from(441)
    );
    assert_eq!(
        Reader::new(&set, d("2022-06-01"), set.region(230129))
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::from(441)
    );
    assert_eq!(set.id, "yanshou-2023");
}

/// Malformed files: each reports the expected code and path.
#[test]
fn malformed_files_name_the_bad_path() {
    let base: serde_json::Value = serde_json::from_str(HEILONGJIANG_JSON).unwrap();
    // Index of a parameter in the default file, to aim a mutation at it.
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
    type Mutation = Box<dyn Fn(&mut serde_json::Value)>;
    let r = format!("parameters[{rural}]");
    let rural_values = base["parameters"][rural]["values"]
        .as_array()
        .unwrap()
        .len();
    let cases: Vec<(&str, Mutation, String)> = vec![
        (
            "bad date",
            Box::new(move |f| f["parameters"][rural]["values"][0]["from"] = json!("2018-02-30")),
            format!("{r}.values[0].from"),
        ),
        (
            "bad number",
            Box::new(move |f| f["parameters"][rural]["values"][0]["value"] = json!("3,900")),
            format!("{r}.values[0].value"),
        ),
        (
            "unknown status",
            Box::new(move |f| f["parameters"][rural]["values"][0]["status"] = json!("rumoured")),
            format!("{r}.values[0].status"),
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
        ),
        (
            "required name missing",
            Box::new(move |f| {
                f["parameters"].as_array_mut().unwrap().remove(start);
            }),
            "parameters".into(),
        ),
        (
            "unknown name",
            Box::new(move |f| f["parameters"][rural]["name"] = json!("dibao.standard.rurall")),
            format!("{r}.name"),
        ),
        (
            "wrong unit",
            Box::new(move |f| f["parameters"][rural]["unit"] = json!("yuan/person/year")),
            format!("{r}.unit"),
        ),
        (
            "negative money",
            Box::new(move |f| f["parameters"][rural]["values"][1]["value"] = json!(-5)),
            format!("{r}.values[1].value"),
        ),
        (
            "fractional count",
            Box::new(move |f| f["parameters"][elderly_age]["values"][0]["value"] = json!("60.5")),
            format!("parameters[{elderly_age}].values[0].value"),
        ),
        (
            "tier out of range",
            Box::new(move |f| f["parameters"][tier]["values"][0]["value"] = json!(4)),
            format!("parameters[{tier}].values[0].value"),
        ),
        (
            "unknown region",
            Box::new(move |f| f["parameters"][rural]["values"][4]["region"] = json!("239999")),
            format!("{r}.values[4].region"),
        ),
        (
            "date value not a date",
            Box::new(move |f| f["parameters"][start]["values"][0]["value"] = json!(2021)),
            format!("parameters[{start}].values[0].value"),
        ),
        (
            "typo in a field",
            Box::new(move |f| f["parameters"][rural]["values"][0]["sourse"] = json!("x")),
            format!("{r}.values[0].sourse"),
        ),
        (
            "empty source",
            Box::new(move |f| f["parameters"][rural]["values"][0]["source"] = json!(" ")),
            format!("{r}.values[0].source"),
        ),
        (
            "bad region code",
            Box::new(|f| f["regions"][1]["code"] = json!("23010")),
            "regions[1].code".into(),
        ),
        (
            "region without its city",
            Box::new(|f| {
                f["regions"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"code": "239901", "name": "无上级县"}))
            }),
            "regions[51].code".into(),
        ),
        (
            "wrong schema",
            Box::new(|f| f["schema"] = json!("zhenxing-parameters/2")),
            "schema".into(),
        ),
        (
            "empty values",
            Box::new(move |f| f["parameters"][rural]["values"] = json!([])),
            format!("{r}.values"),
        ),
    ];
    for (what, mutate, path) in cases {
        let mut file = base.clone();
        mutate(&mut file);
        let err = ParameterSet::from_json(&file.to_string()).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParameters, "{what}");
        assert!(
            err.problems.iter().any(|p| p.path == path),
            "{what}: expected {path}, got {:?}",
            err.problems
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
fn every_problem_is_reported_at_once() {
    let mut file: serde_json::Value = serde_json::from_str(HEILONGJIANG_JSON).unwrap();
    file["parameters"][3]["values"][0]["from"] = json!("2018-13-01");
    file["parameters"][5]["values"][0]["status"] = json!("maybe");
    let err = ParameterSet::from_json(&file.to_string()).unwrap_err();
    assert_eq!(err.problems.len(), 2);
    assert_eq!(err.path, "parameters[3].values[0].from");
}

#[test]
fn plain_override_replaces_every_date_and_region() {
    let set = default_set()
        .with_overrides(&json!({ "dibao.standard.rural": "500" }))
        .unwrap();
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
}

#[test]
fn dated_override_adds_a_value() {
    let set = default_set()
        .with_overrides(&json!({ "dibao.standard.rural": [{ "from": "2023-07-01", "region": "230129", "value": 471.5 }] }))
        .unwrap();
    let yanshou = set.region(230129);
    assert_eq!(
        Reader::new(&set, d("2023-06-30"), yanshou)
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::from(441)
    );
    assert_eq!(
        Reader::new(&set, d("2023-07-01"), yanshou)
            .decimal(&catalogue::DIBAO_STANDARD_RURAL)
            .unwrap(),
        Decimal::new(4715, 1)
    );
}

#[test]
fn bad_overrides_are_refused() {
    let set = default_set();
    let e = set
        .with_overrides(&json!({ "dibao.standard.rurall": 1 }))
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::UnknownParameter, "dibao.standard.rurall")
    );
    let e = set
        .with_overrides(&json!({ "dibao.standard.rural": "1.234" }))
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "dibao.standard.rural")
    );
    let e = set
        .with_overrides(&json!({ "dibao.standard.rural": [{ "from": "2023-02-29", "value": 1 }] }))
        .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (ErrorCode::InvalidInput, "dibao.standard.rural[0].from")
    );
    let e = set.with_overrides(&json!({ "minimumWage.tier": [{ "from": "2023-01-01", "region": "230129", "value": 7 }] })).unwrap_err();
    assert_eq!(e.path, "minimumWage.tier[0].value");
    let e = set.with_overrides(&json!([1, 2])).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
}

#[test]
fn overrides_equal_to_the_default_change_no_value() {
    let set = default_set();
    let same = set
        .with_overrides(
            &json!({ "dibao.marginalMultiple": [{ "from": "2021-03-19", "value": "1.5" }] }),
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
    // Every entry: the whole catalogue, sorted.
    let mut all = UnofficialSet::default();
    catalogue::ALL.iter().for_each(|s| all.insert(s));
    let mut names: Vec<&str> = catalogue::ALL.iter().map(|s| s.name).collect();
    names.sort();
    assert_eq!(all.names(), names);
}
