//! WebAssembly bindings: convert, call the engine, convert back. No policy logic lives here.

use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::error::{ErrorCode, PolicyError};
use crate::programs::transition::TransitionStatus;

#[wasm_bindgen(module = "/js/policy-error.js")]
extern "C" {
    #[wasm_bindgen(js_name = makePolicyError)]
    fn make_policy_error(code: &str, path: &str, message: &str, problems: JsValue) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type ErrorCode = 'INVALID_INPUT' | 'INVALID_REGION' | 'INVALID_DATE' | 'OUT_OF_RANGE'
  | 'INVALID_PARAMETERS' | 'UNKNOWN_PARAMETER';
/** Thrown by every zhenxing call that fails. After it, the engine keeps working. */
export class PolicyError extends Error {
  readonly name: 'PolicyError';
  /** Stable code to switch on. */
  readonly code: ErrorCode;
  /** Where in the input, e.g. `members[2].birthDate`; empty when the whole input is at fault. */
  readonly path: string;
  /** Every problem, when a whole document (a parameter file) was checked. */
  readonly problems: { path: string; message: string }[];
}
/** A dated value for `withOverrides`. */
export interface DatedValue { from: string; region?: string; value: string | number }
export type Overrides = Record<string, string | number | DatedValue[]>;
"#;

fn to_js(e: PolicyError) -> JsValue {
    let problems = serde_wasm_bindgen::to_value(&e.problems).unwrap_or(JsValue::UNDEFINED);
    make_policy_error(e.code.as_str(), &e.path, &e.message, problems)
}

fn to_value<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(v)
        .map_err(|e| to_js(PolicyError::invalid_input("", format!("结果转换失败：{e}"))))
}

/// A typed result (its TypeScript type comes from the Rust type through tsify).
fn to_ts<T: Tsify + Serialize>(v: crate::error::Result<T>) -> Result<Ts<T>, JsValue> {
    let v = v.map_err(to_js)?;
    Ts::from_rust(&v)
        .map_err(|e| to_js(PolicyError::invalid_input("", format!("结果转换失败：{e}"))))
}

/// A JS argument that must be a string.
fn string_arg(v: &JsValue, path: &str, code: ErrorCode) -> Result<String, JsValue> {
    v.as_string()
        .ok_or_else(|| to_js(PolicyError::new(code, path, format!("{path} 应为字符串"))))
}

/// An optional JS string argument (`undefined` and `null` mean absent).
fn optional_string_arg(
    v: &JsValue,
    path: &str,
    code: ErrorCode,
) -> Result<Option<String>, JsValue> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        string_arg(v, path, code).map(Some)
    }
}

/// The policy engine. `new PolicyEngine()` uses the embedded Heilongjiang parameter set.
#[wasm_bindgen]
pub struct PolicyEngine {
    inner: Engine,
}

#[wasm_bindgen]
impl PolicyEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<PolicyEngine, JsValue> {
        Engine::new()
            .map(|inner| PolicyEngine { inner })
            .map_err(to_js)
    }

    /// A whole parameter set as JSON text (same schema as the default).
    #[wasm_bindgen(js_name = fromParameters)]
    pub fn from_parameters(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        let text = string_arg(&json, "", ErrorCode::InvalidParameters)?;
        Engine::from_parameters(&text)
            .map(|inner| PolicyEngine { inner })
            .map_err(to_js)
    }

    /// A what-if engine: a plain value replaces a parameter for every date and region; dated values
    /// are added (replacing one of the same date and region).
    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Overrides")] overrides: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        let json: serde_json::Value = serde_wasm_bindgen::from_value(overrides).map_err(|_| {
            to_js(PolicyError::invalid_input(
                "",
                "overrides 应为普通对象，取值为字符串、有限数字或 {from, region?, value} 数组",
            ))
        })?;
        self.inner
            .with_overrides(&json)
            .map(|inner| PolicyEngine { inner })
            .map_err(to_js)
    }

    /// The parameter catalogue: name, unit, values with source and status.
    #[wasm_bindgen(unchecked_return_type = "ParameterInfo[]")]
    pub fn parameters(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.parameters())
    }

    /// The regions of the parameter set, sorted by code.
    #[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.regions())
    }

    /// 过渡期 status on `asOf` (`YYYY-MM-DD`), optionally for a region (6-digit code).
    pub fn transition(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null")] region: Option<JsValue>,
    ) -> Result<Ts<TransitionStatus>, JsValue> {
        let as_of = string_arg(&as_of, "asOf", ErrorCode::InvalidDate)?;
        let region = match region {
            Some(r) => optional_string_arg(&r, "region", ErrorCode::InvalidRegion)?,
            None => None,
        };
        to_ts(self.inner.transition(&as_of, region.as_deref()))
    }
}

/// The items of the policy text (citation and title), for showing citations.
#[wasm_bindgen(js_name = policyItems, unchecked_return_type = "PolicyItem[]")]
pub fn policy_items() -> Result<JsValue, JsValue> {
    to_value(&crate::engine::policy_items())
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
