//! The embedded default parameter set as text, for JavaScript: the npm package writes it out as
//! `zhenxing/heilongjiang.json` (scripts/assemble-package.mjs), and a portal can start its own file
//! from it.

use wasm_bindgen::prelude::wasm_bindgen;

/// The default parameter set (`zhenxing-parameters/1` JSON), exactly as the engine embeds it.
#[wasm_bindgen(js_name = defaultParameters)]
pub fn default_parameters() -> String {
    super::HEILONGJIANG_JSON.to_string()
}
