//! A result's `citations` against what it says it applied: every item of the policy text that its
//! steps (by `citation` or among their `documents`), measures, alerts, services or findings cite
//! is listed, and nothing else is.

use serde_json::Value;

/// The `citation`s of `v` and its parts (a step, a measure, an alert, a finding) into `own`; the
/// lists of the parts that are results of their own (an asset of a ledger, the 过渡期 of a county)
/// into `nested`: the result may list those, but need not.
fn cited<'a>(v: &'a Value, own: &mut Vec<&'a str>, nested: &mut Vec<&'a str>) {
    let parts: Vec<&Value> = match v {
        Value::Object(map) => {
            if let Some(c) = map.get("citation").and_then(Value::as_str) {
                own.push(c);
            }
            // A step's documents beside its citation: were an item among them, it is cited too.
            if let Some(Value::Array(documents)) = map.get("documents") {
                own.extend(documents.iter().filter_map(Value::as_str));
            }
            map.iter()
                .filter(|(k, _)| *k != "citations")
                .map(|(_, x)| x)
                .collect()
        }
        Value::Array(items) => items.iter().collect(),
        _ => Vec::new(),
    };
    for x in parts {
        match x.get("citations") {
            Some(Value::Array(list)) => nested.extend(list.iter().filter_map(Value::as_str)),
            _ => cited(x, own, nested),
        }
    }
}

/// Every result in `v` (an object with `citations`) lists exactly the items of the policy text
/// that its parts cite (documents are cited by steps but are not items: not listed).
pub fn listed_as_cited(v: &Value, path: &str) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(list)) = map.get("citations") {
                let list: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                let (mut own, mut nested) = (Vec::new(), Vec::new());
                cited(v, &mut own, &mut nested);
                own.retain(|c| zhenxing::policy::title(c).is_some());
                let missing: Vec<&&str> = own.iter().filter(|c| !list.contains(c)).collect();
                let extra: Vec<&&str> = list
                    .iter()
                    .filter(|c| !own.contains(c) && !nested.contains(c))
                    .collect();
                if !missing.is_empty() || !extra.is_empty() {
                    return Err(format!(
                        "{path} ({}): citations {list:?} miss {missing:?} that its parts cite, and list {extra:?} that none cites",
                        map.get("program").and_then(Value::as_str).unwrap_or("")
                    ));
                }
            }
            map.iter()
                .try_for_each(|(k, x)| listed_as_cited(x, &format!("{path}.{k}")))
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| listed_as_cited(x, &format!("{path}[{i}]"))),
        _ => Ok(()),
    }
}
