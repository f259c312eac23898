//! Golden cases (`tests/cases/*.json`), run natively. Each case's full output is also written to
//! `target/golden-native/<case>.json`; the JS tests require the WebAssembly build to produce the
//! identical string.

use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use zhenxing::input::county::CountyIndicatorInput;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::requests::{
    CurveOptions, GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest,
    WorkReliefProject,
};
use zhenxing::input::Node;
use zhenxing::{Engine, PolicyError};

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

/// `expected` is a subset of `actual`: objects by key, arrays element by element, scalars equal.
fn subset(expected: &Value, actual: &Value, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().try_for_each(|(k, v)| match a.get(k) {
            Some(av) => subset(v, av, &format!("{path}.{k}")),
            None => Err(format!("{path}.{k}: missing")),
        }),
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => e
            .iter()
            .zip(a)
            .enumerate()
            .try_for_each(|(i, (ev, av))| subset(ev, av, &format!("{path}[{i}]"))),
        (e, a) if e == a => Ok(()),
        (e, a) => Err(format!("{path}: expected {e}, got {a}")),
    }
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
                    let rule = zhenxing::rules::rule(id).ok_or_else(|| {
                        format!("{path}: step rule {id} is not in the list of rules")
                    })?;
                    if rule.basis == zhenxing::rules::Basis::Assumption && !assumed.contains(&id) {
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

#[test]
fn golden_cases_hold_natively() {
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/golden-native");
    fs::create_dir_all(&out_dir).unwrap();
    let default = Engine::new().unwrap();
    let mut failures = Vec::new();
    let all = cases();
    assert!(!all.is_empty());
    for path in &all {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let case: Value = serde_json::from_str(&fs::read_to_string(path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for key in ["title", "policy", "call", "args", "worked"] {
            assert!(case.get(key).is_some(), "{name}: every case needs `{key}`");
        }
        let engine = match case.get("overrides") {
            Some(o) => read(std::slice::from_ref(o), 0, |n| default.with_overrides(n)).unwrap(),
            None => default.clone(),
        };
        let args = case["args"].as_array().unwrap();
        let result = call(&engine, case["call"].as_str().unwrap(), args);
        let written = match &result {
            Ok(text) => text.clone(),
            // Keys in alphabetical order (serde_json's map); the JS runner writes them the same way.
            Err(e) => serde_json::to_string(
                &json!({ "error": { "code": e.code, "message": e.message, "path": e.path } }),
            )
            .unwrap(),
        };
        let result = result.map(|text| serde_json::from_str::<Value>(&text).unwrap());
        fs::write(out_dir.join(format!("{name}.json")), written).unwrap();
        let verdict = match (&result, case.get("expect"), case.get("expectError")) {
            (Ok(actual), Some(expected), None) => subset(expected, actual, "")
                .and_then(|()| rules_are_listed(actual, "", &[]))
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
