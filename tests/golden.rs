//! Golden cases (`tests/cases/*.json`), run natively. Each case's full output is also written to
//! `target/golden-native/<case>.json`; the JS tests require the WebAssembly build to produce the
//! identical string.

use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use zhenxing::base::json::Node;
use zhenxing::input::county::CountyIndicatorInput;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::requests::{
    CurveOptions, GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest,
    WorkReliefProject,
};
use zhenxing::programs::registry::PROGRAMMES;
use zhenxing::{Engine, PolicyError};

#[path = "common/citations.rs"]
mod citations;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    v
}

fn arg(args: &[Value], i: usize) -> Option<&str> {
    args.get(i).and_then(Value::as_str)
}

/// Read argument `i` as the JS bindings do: its JSON text through the engine's strict reader.
fn read<T>(
    args: &[Value],
    i: usize,
    reader: impl FnOnce(&Node<'_>) -> Result<T, PolicyError>,
) -> Result<T, PolicyError> {
    let text = serde_json::to_string(args.get(i).unwrap_or(&Value::Null)).unwrap();
    reader(&zhenxing::input::parse(&text, "input")?)
}

/// The `explain` of a call's options (its argument `i`), or `default`.
fn explain_at(args: &[Value], i: usize, default: bool) -> bool {
    args.get(i)
        .and_then(|o| o.get("explain"))
        .and_then(Value::as_bool)
        .unwrap_or(default)
}

/// Call the engine as the JS runner does: by name, with positional arguments (the options last).
/// The result is serialised straight from the Rust type, so fields keep their order (as they do in
/// JS).
fn call(engine: &Engine, name: &str, args: &[Value]) -> Result<String, PolicyError> {
    let household = || read(args, 0, HouseholdInput::read);
    let as_of = arg(args, 1).unwrap_or("");
    let explain = explain_at(args, 2, true);
    let out = match name {
        "transition" => serde_json::to_string(&engine.transition_with(
            arg(args, 0).unwrap_or(""),
            arg(args, 1),
            explain,
        )?),
        "monitoring" => serde_json::to_string(&engine.monitoring(&household()?, as_of, explain)?),
        "medical" => serde_json::to_string(&engine.medical(
            &read(args, 0, MedicalClaim::read)?,
            as_of,
            explain,
        )?),
        "microcredit" => serde_json::to_string(&engine.microcredit(
            &read(args, 0, MicrocreditRequest::read)?,
            as_of,
            explain,
        )?),
        "guaranteeLoan" => serde_json::to_string(&engine.guarantee_loan(
            &read(args, 0, GuaranteeLoanRequest::read)?,
            as_of,
            explain,
        )?),
        "insuranceFutures" => serde_json::to_string(&engine.insurance_futures(
            &read(args, 0, InsuranceFuturesClaim::read)?,
            as_of,
            explain,
        )?),
        "workRelief" => serde_json::to_string(&engine.work_relief(
            &read(args, 0, WorkReliefProject::read)?,
            as_of,
            explain,
        )?),
        "county" => serde_json::to_string(&engine.county(arg(args, 0).unwrap_or(""), as_of)?),
        "assets" => {
            let text = serde_json::to_string(&args[0]).unwrap();
            let list = zhenxing::input::parse(&text, "资产台账")?;
            serde_json::to_string(&engine.assets(&list, as_of, arg(args, 2))?)
        }
        "countyIndicators" => serde_json::to_string(
            &engine.county_indicators(&read(args, 0, CountyIndicatorInput::read)?, as_of)?,
        ),
        "estimate" => {
            serde_json::to_string(&engine.estimate_with(&household()?, as_of, explain)?)
        }
        "screen" => serde_json::to_string(&engine.screen(&household()?, as_of)?),
        "estimateMany" | "screenMany" => {
            let text = serde_json::to_string(&args[0]).unwrap();
            let list = zhenxing::input::parse(&text, "households")?;
            let items = list.as_array().unwrap_or(&[]);
            if name == "screenMany" {
                serde_json::to_string(&engine.screen_many(items, as_of))
            } else {
                let explain = explain_at(args, 2, false);
                serde_json::to_string(&engine.estimate_many(items, as_of, explain))
            }
        }
        "incomeCurve" => serde_json::to_string(&engine.income_curve(
            &household()?,
            as_of,
            read(args, 2, CurveOptions::read)?,
        )?),
        "compareDates" => serde_json::to_string(&engine.compare_dates(
            &household()?,
            as_of,
            arg(args, 2).unwrap_or(""),
            explain_at(args, 3, true),
        )?),
        "compare" => serde_json::to_string(&engine.compare_with(
            &household()?,
            as_of,
            &read(args, 2, |n| engine.with_overrides(n))?,
            explain_at(args, 3, true),
        )?),
        // Every household programme of the registry, by its id.
        programme => match engine.programme(programme, &household()?, as_of, explain)? {
            Some(result) => serde_json::to_string(&result),
            None => panic!("unknown call {programme}"),
        },
    };
    Ok(out.expect("results serialise"))
}

/// `expected` is a subset of `actual`: objects by key, arrays element by element, scalars equal;
/// a list of programmes (`programs`, `contributions`) by programme id.
fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, v)| match a.get(k) {
            Some(av) => subset(v, av, &format!("{path}.{k}")),
            None => Err(format!("{path}.{k}: missing")),
        }),
        (Value::Array(e), Value::Array(a)) if programme_ids(e).is_some() => {
            by_programme(e, a, path)
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .try_for_each(|(i, (ev, av))| subset(ev, av, &format!("{path}[{i}]"))),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
}

/// A key an object of the JSON text has twice (a figure named like a result's common field), which
/// `serde_json::Value` and `JSON.parse` would silently keep once.
fn repeated_key(text: &str) -> Option<String> {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Check;
    impl<'de> DeserializeSeed<'de> for Check {
        type Value = Option<String>;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Check {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let (mut keys, mut found) = (std::collections::HashSet::new(), None);
            while let Some(key) = map.next_key::<String>()? {
                let inner = map.next_value_seed(Check)?;
                found = found.or(inner);
                if !keys.insert(key.clone()) {
                    found = found.or(Some(key));
                }
            }
            Ok(found)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut found = None;
            while let Some(inner) = seq.next_element_seed(Check)? {
                found = found.or(inner);
            }
            Ok(found)
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    let mut d = serde_json::Deserializer::from_str(text);
    Check.deserialize(&mut d).ok().flatten()
}

/// The programme ids of a list whose every entry names one (`{ "program": id, … }`).
fn programme_ids(list: &[Value]) -> Option<Vec<&str>> {
    let ids: Option<Vec<&str>> = list.iter().map(|v| v.get("program")?.as_str()).collect();
    ids.filter(|ids| !ids.is_empty())
}

/// A case lists only the programmes it says something of, in the registry's order; the result
/// must list every programme of the registry, in that order, so a new programme needs no edit of
/// the cases that do not concern it.
fn by_programme(expected: &[Value], actual: &[Value], path: &str) -> Result<(), String> {
    let registry: Vec<&str> = PROGRAMMES.iter().map(|p| p.id).collect();
    let got = programme_ids(actual).unwrap_or_default();
    if got != registry {
        return Err(format!(
            "{path}: programmes {got:?}, the registry has {registry:?}"
        ));
    }
    let mut from = 0;
    expected.iter().try_for_each(|e| {
        let id = e["program"].as_str().unwrap_or_default();
        let Some(at) = got.iter().skip(from).position(|g| *g == id) else {
            return Err(format!(
                "{path}: {id} missing, or out of the registry's order"
            ));
        };
        from += at + 1;
        subset(e, &actual[from - 1], &format!("{path}[{id}]"))
    })
}

/// The assumptions listed where `v` stands: its own `assumptions`, or, for a programme inside an
/// estimate, the estimate's entries whose `usedBy` names it.
fn listed_assumptions<'a>(
    map: &'a serde_json::Map<String, Value>,
    outer: &'a [Value],
) -> Vec<&'a str> {
    if let Some(Value::Array(a)) = map.get("assumptions") {
        return a.iter().filter_map(|x| x["rule"].as_str()).collect();
    }
    let id = map
        .get("program")
        .and_then(Value::as_str)
        .unwrap_or("transition");
    outer
        .iter()
        .filter(|x| {
            x["usedBy"]
                .as_array()
                .is_some_and(|u| u.iter().any(|p| p == id))
        })
        .filter_map(|x| x["rule"].as_str())
        .collect()
}

/// Every explained result in `v` (an object with `steps`): each step names a rule of the engine's
/// list, and each step applying an assumption has it listed (by the result, or by the estimate it
/// is part of, as used by it).
fn rules_are_listed(v: &Value, path: &str, outer: &[Value]) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            // An estimate's list (entries with `usedBy`) serves the parts inside it.
            let here: Vec<Value> = match map.get("assumptions") {
                Some(Value::Array(a)) if a.iter().any(|x| x.get("usedBy").is_some()) => a.clone(),
                _ => outer.to_vec(),
            };
            if let Some(Value::Array(steps)) = map.get("steps") {
                let assumed = listed_assumptions(map, &here);
                for step in steps {
                    let id = step["rule"].as_str().unwrap_or("");
                    let rule = zhenxing::policy::rules::rule(id).ok_or_else(|| {
                        format!("{path}: step rule {id} is not in the list of rules")
                    })?;
                    // A step cites the item or document that says what it does: one of its rule's.
                    let Some(cited) = step["citation"].as_str() else {
                        return Err(format!("{path}: step {id} cites nothing"));
                    };
                    if !rule.sources().any(|s| s == cited) {
                        return Err(format!(
                            "{path}: step {id} cites {cited}, not among its rule's sources ({})",
                            rule.source
                        ));
                    }
                    // Beside it, every document of its rule's basis: the national article behind
                    // the province's item is read on the step, not only in docs/rules.md.
                    let shown: Vec<&str> = step["documents"]
                        .as_array()
                        .map(|d| d.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    if shown != rule.documents_beside(cited) {
                        return Err(format!(
                            "{path}: step {id} shows documents {shown:?} beside {cited}; its rule rests on {}",
                            rule.source
                        ));
                    }
                    if rule.basis == zhenxing::policy::rules::Basis::Assumption
                        && !assumed.contains(&id)
                    {
                        return Err(format!(
                            "{path}: step {id} applies an assumption not listed"
                        ));
                    }
                }
            }
            map.iter()
                .try_for_each(|(k, x)| rules_are_listed(x, &format!("{path}.{k}"), &here))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| rules_are_listed(x, &format!("{path}[{i}]"), outer)),
        _ => Ok(()),
    }
}

/// The value at `path` (`[0].estimate.programs[1].reasons`), if there is one.
fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    let mut here = v;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indices) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            here = here.get(key)?;
        }
        for i in indices.split('[').filter(|i| !i.is_empty()) {
            here = here.get(i.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(here)
}

/// A case's `absent` paths are not in the result.
fn absent(case: &Value, actual: &Value) -> Result<(), String> {
    let paths = case.get("absent").and_then(Value::as_array);
    for p in paths.into_iter().flatten().filter_map(Value::as_str) {
        if at(actual, p).is_some() {
            return Err(format!("{p}: present, should be absent"));
        }
    }
    Ok(())
}

/// A case file: its name and contents.
fn read_case(path: &Path) -> (String, Value) {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let case: Value = serde_json::from_str(&fs::read_to_string(path).unwrap())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (name, case)
}

/// A case run on the default engine (or its overrides): the JSON text of the result, or the error.
fn run_case(default: &Engine, case: &Value) -> Result<String, PolicyError> {
    let engine = match case.get("overrides") {
        Some(o) => read(std::slice::from_ref(o), 0, |n| default.with_overrides(n)).unwrap(),
        None => default.clone(),
    };
    let args = case["args"].as_array().unwrap();
    call(&engine, case["call"].as_str().unwrap(), args)
}

#[test]
fn golden_cases_hold_natively() {
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/golden-native");
    fs::create_dir_all(&out_dir).unwrap();
    let default = Engine::new().unwrap();
    let mut failures = Vec::new();
    let all = cases();
    assert!(!all.is_empty());
    for path in &all {
        let (name, case) = read_case(path);
        for key in ["title", "policy", "call", "args", "worked"] {
            assert!(case.get(key).is_some(), "{name}: every case needs `{key}`");
        }
        let result = run_case(&default, &case);
        let written = match &result {
            Ok(text) => text.clone(),
            // Keys in alphabetical order (serde_json's map); the JS runner writes them the same way.
            Err(e) => serde_json::to_string(
                &json!({ "error": { "code": e.code, "message": e.message, "path": e.path } }),
            )
            .unwrap(),
        };
        if let Some(key) = repeated_key(&written) {
            failures.push(format!(
                "{name}: the key `{key}` is written twice in one object"
            ));
        }
        let result = result.map(|text| serde_json::from_str::<Value>(&text).unwrap());
        fs::write(out_dir.join(format!("{name}.json")), written).unwrap();
        let verdict = match (&result, case.get("expect"), case.get("expectError")) {
            (Ok(actual), Some(expected), None) => subset(expected, actual, "")
                .and_then(|()| rules_are_listed(actual, "", &[]))
                .and_then(|()| citations::listed_as_cited(actual, ""))
                .and_then(|()| absent(&case, actual)),
            (Err(e), None, Some(expected)) => {
                subset(expected, &json!({ "code": e.code, "path": e.path }), "")
            }
            (Ok(_), None, Some(_)) => Err("expected an error, got a result".into()),
            (Err(e), Some(_), None) => Err(format!("unexpected error {e}")),
            _ => Err("a case needs exactly one of expect / expectError".into()),
        };
        if let Err(msg) = verdict {
            failures.push(format!("{name}: {msg}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases failed:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}

/// The date a case is computed for: its second argument (the first of `transition`, the third, the
/// end, of `compareDates`).
fn case_date(case: &Value) -> &str {
    let args = case["args"].as_array().unwrap();
    let i = match case["call"].as_str() {
        Some("transition") => 0,
        Some("compareDates") => 2,
        _ => 1,
    };
    args.get(i).and_then(Value::as_str).unwrap_or("")
}

/// Every step of a result (at any depth) that applies `rule`.
fn applies(v: &Value, rule: &str) -> bool {
    match v {
        Value::Object(map) => {
            map.get("rule").and_then(Value::as_str) == Some(rule)
                || map.values().any(|x| applies(x, rule))
        }
        Value::Array(items) => items.iter().any(|x| applies(x, rule)),
        _ => false,
    }
}

#[test]
fn every_rule_of_the_transition_period_is_tried_on_both_sides_of_its_end() {
    let end = zhenxing::params::ParameterSet::heilongjiang()
        .unwrap()
        .lookup(
            &zhenxing::params::catalogue::TRANSITION_END,
            zhenxing::base::calendar::parse_date("2025-06-01", "").unwrap(),
            None,
        )
        .map(|v| v.value.display())
        .unwrap();
    let period: Vec<&str> = zhenxing::policy::rules::RULES
        .iter()
        .filter(|r| r.text.contains("过渡期内"))
        .map(|r| r.id)
        .collect();
    assert!(period.len() >= 3, "{period:?}");
    let default = Engine::new().unwrap();
    let tagged: Vec<(String, Value)> = cases()
        .iter()
        .map(|p| read_case(p))
        .filter(|(_, c)| c.get("periodEnd").is_some())
        .collect();
    for rule in &period {
        let mine: Vec<&(String, Value)> = tagged
            .iter()
            .filter(|(_, c)| c["periodEnd"] == *rule)
            .collect();
        let before = mine.iter().find(|(_, c)| case_date(c) <= end.as_str());
        let after = mine.iter().find(|(_, c)| case_date(c) > end.as_str());
        let (Some(_), Some((name, case))) = (before, after) else {
            panic!("{rule} says 过渡期内: it needs a case tagged periodEnd on or before {end} and one after");
        };
        // After the end the result itself says that the rule no longer applies.
        let result: Value = serde_json::from_str(&run_case(&default, case).unwrap()).unwrap();
        assert!(
            applies(&result, rule),
            "{name}: no step applies {rule} after the period"
        );
    }
    for (name, case) in &tagged {
        assert!(
            period.iter().any(|r| case["periodEnd"] == *r),
            "{name}: periodEnd names no rule that says 过渡期内"
        );
    }
}

/// `s` without what quotes the caller's own input ("…", “…”) and, in a message about a value that is
/// not one of a list, the codes that must be typed (after 应为：).
fn without_quotes(s: &str) -> String {
    let mut out = String::new();
    let mut close = None;
    for c in s.chars() {
        match (close, c) {
            (None, '"') => close = Some('"'),
            (None, '“') => close = Some('”'),
            (Some(end), c) if c == end => close = None,
            (Some(_), _) => {}
            (None, c) => out.push(c),
        }
    }
    match out.find("应为：") {
        Some(i) if out.contains("无效") => out[..i].to_string(),
        _ => out,
    }
}

/// Words of ASCII letters in `s` (two letters or more), but for those an officer reads as Chinese
/// text does (LPR: 贷款市场报价利率, written so in the notices) and the web addresses of sources.
fn ascii_words(s: &str) -> Vec<String> {
    without_quotes(s)
        .split(|c: char| c.is_whitespace() || "，。；：、（）()".contains(c))
        .filter(|token| !token.contains('.'))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 2 && *w != "LPR")
        .map(str::to_string)
        .collect()
}

/// Every string an officer reads in a result: steps' and alerts' texts, reasons, facts, labels,
/// assumptions, stale figures, findings and error messages.
fn officer_strings<'a>(v: &'a Value, key: &str, out: &mut Vec<(String, &'a str)>) {
    const READ: &[&str] = &[
        "text",
        "reasons",
        "label",
        "value",
        "action",
        "message",
        "note",
        "notes",
        "kindLabel",
        "classLabel",
        "fundingLabel",
        "ownerLabel",
        "reason",
        "duty",
        "prevent",
    ];
    match v {
        Value::Object(map) => map.iter().for_each(|(k, x)| officer_strings(x, k, out)),
        Value::Array(items) => items.iter().for_each(|x| officer_strings(x, key, out)),
        Value::String(s) if READ.contains(&key) => out.push((key.to_string(), s)),
        _ => {}
    }
}

#[test]
fn officers_read_no_english_or_internal_names() {
    let default = Engine::new().unwrap();
    let mut found = Vec::new();
    for path in cases() {
        let (name, case) = read_case(&path);
        let output = match run_case(&default, &case) {
            Ok(text) => serde_json::from_str(&text).unwrap(),
            Err(e) => json!({ "message": e.message }),
        };
        let mut strings = Vec::new();
        officer_strings(&output, "", &mut strings);
        for (key, s) in strings {
            // A fact's value may be a figure or a code the officer typed (a region, a date).
            let words = ascii_words(s);
            if !words.is_empty() {
                found.push(format!("{name}: {key}: {words:?} in “{s}”"));
            }
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "{} strings:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Whether `s` holds a CJK character (ideographs, CJK punctuation, full-width forms).
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
    })
}

/// Every string of `v`.
fn strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k);
            strings(x, out)
        }),
        _ => {}
    }
}

/// Strings of `v` holding Chinese that the input did not give (a member's id, a `ref`). A batch
/// item's error keeps its Chinese message (errors are in Chinese, explained or not).
fn chinese_not_echoed(v: &Value, given: &[&str], path: &str, out: &mut Vec<String>) {
    let batch_error = |path: &str| {
        path.strip_prefix('[')
            .and_then(|p| p.strip_suffix("].error"))
            .is_some_and(|i| i.bytes().all(|b| b.is_ascii_digit()))
    };
    match v {
        Value::Object(o) if batch_error(path) => o
            .iter()
            .filter(|(k, _)| *k != "message")
            .for_each(|(k, x)| chinese_not_echoed(x, given, &format!("{path}.{k}"), out)),
        Value::String(s) if has_cjk(s) && !given.contains(&s.as_str()) => {
            out.push(format!("{path}: {s}"))
        }
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| chinese_not_echoed(x, given, &format!("{path}[{i}]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| chinese_not_echoed(x, given, &format!("{path}.{k}"), out)),
        _ => {}
    }
}

/// Words only when asked: every golden case of a call that can explain, run again with
/// `{ explain: false }`, holds no Chinese text but what its input gave.
#[test]
fn unexplained_results_hold_no_chinese() {
    let default = Engine::new().unwrap();
    let mut failures = Vec::new();
    for path in cases() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let case: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let call_name = case["call"].as_str().unwrap();
        let at = match call_name {
            "county" | "assets" | "countyIndicators" | "incomeCurve" => continue,
            "compare" => 3,
            _ => 2,
        };
        let mut args = case["args"].as_array().unwrap().clone();
        while args.len() < at {
            args.push(Value::Null);
        }
        args.truncate(at);
        args.push(json!({ "explain": false }));
        let engine = match case.get("overrides") {
            Some(o) => read(std::slice::from_ref(o), 0, |n| default.with_overrides(n)).unwrap(),
            None => default.clone(),
        };
        let Ok(text) = call(&engine, call_name, &args) else {
            continue;
        };
        let mut given = Vec::new();
        strings(&case["args"], &mut given);
        let mut found = Vec::new();
        chinese_not_echoed(
            &serde_json::from_str(&text).unwrap(),
            &given,
            "",
            &mut found,
        );
        for f in &found {
            failures.push(format!("{name}: {f}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every reason id in the `why` lists of `v`'s results, at any depth (a comparison's programme
/// changes say why with ids of their own, `labels().change`: they have no `eligible`).
fn reasons_given<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::Object(o) => o.iter().for_each(|(k, x)| match (k.as_str(), x) {
            ("why", Value::Array(ids)) if o.contains_key("eligible") => {
                out.extend(ids.iter().filter_map(Value::as_str))
            }
            _ => reasons_given(x, out),
        }),
        Value::Array(a) => a.iter().for_each(|x| reasons_given(x, out)),
        _ => {}
    }
}

/// No dead reason id: every id of the table is given by at least one golden case, and every id a
/// case gives is in the table (so `labels().reason` names it).
#[test]
fn every_reason_id_is_given_by_a_golden_case() {
    let default = Engine::new().unwrap();
    let outputs: Vec<Value> = cases()
        .iter()
        .filter_map(|p| run_case(&default, &read_case(p).1).ok())
        .map(|text| serde_json::from_str(&text).unwrap())
        .collect();
    let mut given = Vec::new();
    outputs.iter().for_each(|o| reasons_given(o, &mut given));
    let all: Vec<&str> = zhenxing::programs::reasons::Reason::ALL
        .iter()
        .map(|r| r.id())
        .collect();
    let unknown: Vec<&&str> = given.iter().filter(|id| !all.contains(id)).collect();
    assert!(unknown.is_empty(), "not in the table: {unknown:?}");
    let dead: Vec<&&str> = all.iter().filter(|id| !given.contains(id)).collect();
    assert!(dead.is_empty(), "no golden case gives {dead:?}");
}

#[test]
fn the_readme_counts_the_golden_cases_truly() {
    // “More than N golden cases”: true while cases are added.
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let said: usize = readme
        .split_once("More than ")
        .and_then(|(_, rest)| rest.split_once(" golden cases"))
        .and_then(|(n, _)| n.parse().ok())
        .expect("README: “More than N golden cases”");
    let count = cases().len();
    assert!(
        count > said,
        "README: more than {said}; tests/cases/ has {count}"
    );
}
