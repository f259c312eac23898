//! What the tests that read explanations share (no command-line tool needed).

use serde_json::Value;

/// The texts of a card's steps.
pub fn texts(card: &Value) -> Vec<String> {
    card["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

/// The result of programme `id` in an estimate's JSON.
pub fn programme<'v>(estimate: &'v Value, id: &str) -> &'v Value {
    estimate["programs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["program"] == id)
        .unwrap_or_else(|| panic!("no programme {id} in {estimate}"))
}
