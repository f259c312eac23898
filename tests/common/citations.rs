//! A result's `citations` against what it says it applied: every item of the policy text that its
//! steps, measures, alerts, services or findings cite is listed, and nothing else is.

use serde_json::Value;

/// The `citation`s of `v` and its parts (a step, a measure, an alert, a finding), leaving out
/// the parts that are results of their own (they have their own `citations`).
fn cited<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    let own = |x: &Value| x.get("citations").is_some();
    match v {
        Value::Object(map) => {
            if let Some(c) = map.get("citation").and_then(Value::as_str) {
                out.push(c);
            }
            for x in map.values().filter(|x| !own(x)) {
                cited(x, out);
            }
        }
        Value::Array(items) => items.iter().filter(|x| !own(x)).for_each(|x| cited(x, out)),
        _ => {}
    }
}

/// Every result in `v` (an object with `citations`) lists exactly the items of the policy text
/// that its parts cite (documents are cited by steps but are not items: not listed).
pub fn listed_as_cited(v: &Value, path: &str) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(list)) = map.get("citations") {
                let list: Vec<&str> = list.iter().filter_map(Value::as_str).collect();
                let mut parts = Vec::new();
                cited(v, &mut parts);
                let items: Vec<&str> = parts
                    .into_iter()
                    .filter(|c| zhenxing::policy::title(c).is_some())
                    .collect();
                let missing: Vec<&&str> = items.iter().filter(|c| !list.contains(c)).collect();
                let extra: Vec<&&str> = list.iter().filter(|c| !items.contains(c)).collect();
                if !missing.is_empty() || !extra.is_empty() {
                    return Err(format!(
                        "{path}: citations {list:?} miss {missing:?} that its parts cite, and list {extra:?} that none cites"
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
