//! The households of the golden cases (tests/cases), for tests that hold a property over all of them.

use serde_json::Value;

/// Each case's household with its date and the case's parameter overrides (`Value::Null` for none).
pub fn households() -> Vec<(Value, String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let case: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let args = case["args"].as_array().cloned().unwrap_or_default();
        if let (Some(h), Some(Value::String(as_of))) = (args.first(), args.get(1)) {
            if h.get("members").is_some() {
                out.push((h.clone(), as_of.clone(), case["overrides"].clone()));
            }
        }
    }
    out
}
