//! The package's free functions.

use wasm_bindgen::prelude::*;

use super::convert::to_value;

/// The items of the policy text (citation and title), for showing citations.
#[wasm_bindgen(js_name = policyItems, unchecked_return_type = "PolicyItem[]")]
pub fn policy_items() -> Result<JsValue, JsValue> {
    to_value(&crate::engine::policy_items())
}

/// The Chinese label of every id a result uses (programmes, categories, tracks, risks, schooling,
/// statuses, areas, events).
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> Result<JsValue, JsValue> {
    to_value(&crate::estimate::labels::labels())
}

/// The default parameter set (`zhenxing-parameters/1` JSON), the very text shipped as
/// `zhenxing/heilongjiang.json`, written back from the tables compiled in: a portal can start its
/// own file from it.
#[cfg(not(feature = "household-only"))]
#[wasm_bindgen(js_name = defaultParameters)]
pub fn default_parameters() -> Result<String, JsValue> {
    crate::params::ParameterSet::heilongjiang()
        .map(|set| set.to_json())
        .map_err(super::convert::to_js)
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
