//! WebAssembly bindings: convert, call the engine, convert back. No policy logic lives here.
//!
//! Inputs cross as JSON text (js/boundary.js) and are read by the same strict readers as natively;
//! results cross as JSON text too, so both builds produce the very same string.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::engine::Engine;
use crate::error::{ErrorCode, PolicyError};
use crate::input::household::HouseholdInput;
use crate::input::json::Node;
use crate::input::requests::{
    BatchOptions, CurveOptions, GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim,
    MicrocreditRequest, WorkReliefProject,
};
use crate::programs::registry::with_household_programmes;

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = makePolicyError)]
    fn make_policy_error(code: &str, path: &str, message: &str, problems: JsValue) -> JsValue;
    /// A plain JS value as UTF-8 JSON bytes; throws `PolicyError` (with its path) for what is not
    /// plain data.
    #[wasm_bindgen(catch, js_name = toJson)]
    fn to_json(value: &JsValue) -> Result<Vec<u8>, JsValue>;
    /// A batch as JSON bytes, items that are not plain data sent as null and listed in `bad`.
    #[wasm_bindgen(js_name = batchToJson)]
    fn batch_to_json(items: &JsValue) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    /// `{ explain?: boolean }`, the options of `estimateMany` (an optional, typed JS object).
    #[wasm_bindgen(typescript_type = "BatchOptions")]
    pub type BatchOptionsArg;
    /// `{ format?, headers? }`, the options of `screenText` (optional).
    #[wasm_bindgen(typescript_type = "TextOptions")]
    pub type TextOptionsArg;
    /// A 6-digit region code.
    #[wasm_bindgen(typescript_type = "string")]
    pub type RegionArg;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type ErrorCode = 'INVALID_INPUT' | 'INVALID_REGION' | 'INVALID_DATE' | 'OUT_OF_RANGE'
  | 'INVALID_PARAMETERS' | 'UNKNOWN_PARAMETER' | 'NOT_INITIALIZED' | 'ENGINE_FREED';
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
/** Money in: a decimal string ("1234.50") or a finite number with at most two decimal places. */
export type Money = string | number;
/** A dated value for `withOverrides`. */
export interface DatedValue { from: string; region?: string; value: string | number }
export type Overrides = Record<string, string | number | DatedValue[]>;
"#;

fn to_js(e: PolicyError) -> JsValue {
    let problems = to_value(&e.problems).unwrap_or(JsValue::UNDEFINED);
    make_policy_error(e.code.as_str(), &e.path, &e.message, problems)
}

/// Results cross as JSON text, parsed by the JS engine into plain objects: the very string the
/// native build produces, and no second serializer in the module.
fn to_value<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    parsed(&to_text(v)?)
}

/// A result's JSON text as plain JS objects.
fn parsed(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|_| to_js(PolicyError::invalid_input("", "结果转换失败")))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string already on the JS side (js-sys's takes a Rust `&str`).
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn parse_js_string(text: &js_sys::JsString) -> Result<JsValue, JsValue>;
}

/// A result's JSON text, already a JS string, as plain JS objects.
fn parsed_js(text: &js_sys::JsString) -> Result<JsValue, JsValue> {
    parse_js_string(text).map_err(|_| to_js(PolicyError::invalid_input("", "结果转换失败")))
}

/// A result as the JSON text both builds write.
fn to_text<T: Serialize>(v: &T) -> Result<String, JsValue> {
    serde_json::to_string(v)
        .map_err(|e| to_js(PolicyError::invalid_input("", format!("结果转换失败：{e}"))))
}

fn result<T: Serialize>(v: crate::error::Result<T>) -> Result<JsValue, JsValue> {
    to_value(&v.map_err(to_js)?)
}

/// A JS value as JSON text (see js/boundary.js): what is not plain data is refused there, with
/// its path.
fn json_arg(v: &JsValue, path: &str, what: &str) -> Result<String, JsValue> {
    let bytes = to_json(v)?;
    String::from_utf8(bytes).map_err(|_| {
        to_js(PolicyError::invalid_input(
            path,
            format!("{what}无法转换为文本"),
        ))
    })
}

/// An object argument read by `read` from its JSON, exactly as the native build reads JSON.
fn object_arg<T>(
    v: &JsValue,
    what: &str,
    read: impl FnOnce(&Node<'_>) -> crate::error::Result<T>,
) -> Result<T, JsValue> {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return Err(to_js(PolicyError::invalid_input(
            "",
            format!("{what}应为对象"),
        )));
    }
    let text = json_arg(v, "", what)?;
    crate::input::parse(&text, what)
        .and_then(|node| read(&node))
        .map_err(to_js)
}

/// A household from a JS value, read strictly for `as_of`: a bad one gives every problem at once.
fn household_arg(engine: &Engine, v: &JsValue, as_of: &str) -> Result<HouseholdInput, JsValue> {
    object_arg(v, "家庭", |node| engine.read_household(node, as_of))
}

/// The most text `screenText` takes at once (the copy in and the rows out both live in the
/// module's memory, which is at most 4 GiB).
const MAX_REGISTER_BYTES: u32 = 512 * 1024 * 1024;

/// A register's bytes from a `Uint8Array` (copied in once) or a string.
fn register_bytes(v: &JsValue) -> Result<Vec<u8>, JsValue> {
    let length = if let Some(text) = v.as_string() {
        return check_register_len(text.len()).map(|()| text.into_bytes());
    } else if v.is_instance_of::<js_sys::Uint8Array>() {
        js_sys::Uint8Array::from(v.clone()).length()
    } else {
        return Err(to_js(PolicyError::invalid_input(
            "",
            "register 应为 Uint8Array（文件的字节）或字符串",
        )));
    };
    check_register_len(length as usize)?;
    Ok(js_sys::Uint8Array::from(v.clone()).to_vec())
}

fn check_register_len(bytes: usize) -> Result<(), JsValue> {
    if bytes > MAX_REGISTER_BYTES as usize {
        return Err(to_js(PolicyError::out_of_range(
            "",
            format!(
                "花名册文本有 {} MB，一次最多 {} MB：请分成几个文件",
                bytes / 1_000_000,
                MAX_REGISTER_BYTES / 1_000_000
            ),
        )));
    }
    Ok(())
}

/// A JS argument that must be a string.
fn string_arg(v: &JsValue, path: &str, code: ErrorCode) -> Result<String, JsValue> {
    v.as_string()
        .ok_or_else(|| to_js(PolicyError::new(code, path, format!("{path} 应为字符串"))))
}

/// An optional region code (undefined or null: none).
fn region_arg(region: Option<RegionArg>) -> Result<Option<String>, JsValue> {
    match region.map(JsValue::from) {
        Some(r) if !r.is_undefined() && !r.is_null() => {
            string_arg(&r, "region", ErrorCode::InvalidRegion).map(Some)
        }
        _ => Ok(None),
    }
}

fn as_of_arg(v: &JsValue) -> Result<String, JsValue> {
    if v.is_undefined() {
        return Err(to_js(PolicyError::new(
            ErrorCode::InvalidDate,
            "asOf",
            "缺少测算日期 asOf（如 \"2023-06-01\"）",
        )));
    }
    string_arg(v, "asOf", ErrorCode::InvalidDate)
}

/// A household and a date in, a result out: the shape of every household entry point.
fn household_call<T: Serialize>(
    engine: &Engine,
    h: &JsValue,
    as_of: &JsValue,
    f: impl FnOnce(&HouseholdInput, &str) -> crate::error::Result<T>,
) -> Result<JsValue, JsValue> {
    // The household is the first argument: its absence is said before the date's.
    if h.is_undefined() || h.is_null() {
        return Err(to_js(PolicyError::invalid_input(
            "",
            "缺少家庭（第一个参数，应为对象）",
        )));
    }
    let as_of = as_of_arg(as_of)?;
    let h = household_arg(engine, h, &as_of)?;
    result(f(&h, &as_of))
}

/// A request object and a date in, a result out (bills, loans, projects).
fn request_call<R, T: Serialize>(
    v: &JsValue,
    what: &str,
    as_of: &JsValue,
    read: impl FnOnce(&Node<'_>) -> crate::error::Result<R>,
    f: impl FnOnce(&R, &str) -> crate::error::Result<T>,
) -> Result<JsValue, JsValue> {
    let (request, as_of) = (object_arg(v, what, read)?, as_of_arg(as_of)?);
    result(f(&request, &as_of))
}

/// Households per chunk of a batch: each chunk is read, computed and handed back before the next,
/// so the module's memory stays bounded however long the batch.
const CHUNK: u32 = 1000;

/// A batch's households (a JS array within `limit`) and a valid date.
fn batch_args(
    households: &JsValue,
    as_of: &JsValue,
    limit: usize,
) -> Result<(js_sys::Array, String), JsValue> {
    if !js_sys::Array::is_array(households) {
        return Err(to_js(PolicyError::invalid_input("", "households 应为数组")));
    }
    let list = js_sys::Array::from(households);
    crate::batch::check_batch(list.length() as usize, limit).map_err(to_js)?;
    let as_of = as_of_arg(as_of)?;
    crate::calendar::parse_date(&as_of, "asOf").map_err(to_js)?;
    Ok((list, as_of))
}

/// An item of a batch JavaScript could not send: its index in the chunk, the path, the message.
type Unsent = (usize, String, String);

/// One chunk of a batch as JSON text, and the items that could not be sent.
fn chunk_json(chunk: &js_sys::Array) -> Result<(String, Vec<Unsent>), JsValue> {
    let sent = batch_to_json(chunk);
    let bytes = js_sys::Reflect::get(&sent, &JsValue::from_str("bytes"))
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())?;
    let text = String::from_utf8(bytes)
        .map_err(|_| to_js(PolicyError::invalid_input("", "households 无法转换为文本")))?;
    let bad = js_sys::Reflect::get(&sent, &JsValue::from_str("bad"))?;
    let bad = js_sys::Array::from(&bad)
        .iter()
        .map(|entry| {
            let e = js_sys::Array::from(&entry);
            (
                e.get(0).as_f64().unwrap_or(0.0) as usize,
                e.get(1).as_string().unwrap_or_default(),
                e.get(2).as_string().unwrap_or_default(),
            )
        })
        .collect();
    Ok((text, bad))
}

/// Run a batch chunk by chunk: `each` turns a chunk's households (and the items that could not be
/// read, by index) into its outcomes, which are handed to `out` as plain JS values.
fn in_chunks<T: Serialize>(
    list: &js_sys::Array,
    mut each: impl FnMut(&[Node<'_>], &[Unsent]) -> Vec<T>,
    mut out: impl FnMut(js_sys::Array, u32) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let mut start = 0;
    while start < list.length() {
        let end = start.saturating_add(CHUNK).min(list.length());
        let (text, bad) = chunk_json(&list.slice(start, end))?;
        let items = match crate::input::parse(&text, "households").map_err(to_js)? {
            Node::Array(items) => items,
            _ => Vec::new(),
        };
        let outcomes = each(&items, &bad);
        out(js_sys::Array::from(&to_value(&outcomes)?), start)?;
        start = end;
    }
    Ok(())
}

/// [`in_chunks`] with every chunk's items gathered, in order, into one array.
fn gathered<T: Serialize>(
    list: &js_sys::Array,
    each: impl FnMut(&[Node<'_>], &[Unsent]) -> Vec<T>,
) -> Result<JsValue, JsValue> {
    let all = js_sys::Array::new();
    in_chunks(list, each, |chunk, _| {
        chunk.iter().for_each(|v| {
            all.push(&v);
        });
        Ok(())
    })?;
    Ok(all.into())
}

/// The error item of a household JavaScript could not send (not plain data).
fn unsent(path: &str, message: &str) -> crate::batch::BatchError {
    crate::batch::BatchError::from(PolicyError::invalid_input(path, message))
}

/// The policy engine. `new PolicyEngine()` uses the embedded Heilongjiang parameter set.
#[wasm_bindgen]
pub struct PolicyEngine {
    inner: Engine,
    /// `transition` results already written, by their arguments: a date and a region give the
    /// same status every time, and writing it out costs more than computing it. Kept as JS
    /// strings, so that a repeated call does not decode the text again.
    transitions: std::cell::RefCell<Vec<(String, Option<String>, js_sys::JsString)>>,
}

/// How many `transition` results an engine keeps written (every region of the province on a few
/// dates is under it); past it, it starts again.
const TRANSITION_TEXTS_KEPT: usize = 512;

impl From<Engine> for PolicyEngine {
    fn from(inner: Engine) -> Self {
        PolicyEngine {
            inner,
            transitions: Default::default(),
        }
    }
}

#[wasm_bindgen]
impl PolicyEngine {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<PolicyEngine, JsValue> {
        Engine::new().map(PolicyEngine::from).map_err(to_js)
    }

    /// A whole parameter set as JSON text (same schema as the default).
    #[wasm_bindgen(js_name = fromParameters)]
    pub fn from_parameters(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        let text = string_arg(&json, "", ErrorCode::InvalidParameters)?;
        Engine::from_parameters(&text)
            .map(PolicyEngine::from)
            .map_err(to_js)
    }

    /// A what-if engine: a plain value replaces a parameter for every date and region; dated values
    /// are added (replacing one of the same date and region).
    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Overrides")] overrides: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        let text = json_arg(&overrides, "", "overrides ")?;
        crate::input::parse(&text, "overrides ")
            .and_then(|node| self.inner.with_overrides(&node))
            .map(PolicyEngine::from)
            .map_err(to_js)
    }

    /// The parameter catalogue: name, unit, values with source and status.
    #[wasm_bindgen(unchecked_return_type = "ParameterInfo[]")]
    pub fn parameters(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.parameters())
    }

    /// The value of parameter `name` in force on `asOf` (for `region`, a 6-digit code): its
    /// date, source and status, to show beside a figure a result rests on.
    #[wasm_bindgen(js_name = parameterValue, unchecked_return_type = "ParameterInForce")]
    pub fn parameter_value(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        let name = string_arg(&name, "name", ErrorCode::UnknownParameter)?;
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        result(self.inner.parameter_value(&name, &as_of, region.as_deref()))
    }

    /// The regions of the parameter set, sorted by code.
    #[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.regions())
    }

    /// 过渡期 status on `asOf` (`YYYY-MM-DD`), optionally for a region (6-digit code).
    #[wasm_bindgen(unchecked_return_type = "TransitionStatus")]
    pub fn transition(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        let written = self
            .transitions
            .borrow()
            .iter()
            .find(|(a, r, _)| *a == as_of && *r == region)
            .map(|(.., text)| parsed_js(text));
        if let Some(parsed) = written {
            return parsed;
        }
        let status = self
            .inner
            .transition(&as_of, region.as_deref())
            .map_err(to_js)?;
        let text = js_sys::JsString::from(to_text(&status)?);
        let value = parsed_js(&text);
        let mut kept = self.transitions.borrow_mut();
        if kept.len() >= TRANSITION_TEXTS_KEPT {
            kept.clear();
        }
        kept.push((as_of, region, text));
        value
    }

    /// 防止返贫动态监测 (二(二), 四(九)): in scope, category, track, risk elimination.
    #[wasm_bindgen(unchecked_return_type = "MonitoringResult")]
    pub fn monitoring(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        household_call(&self.inner, &h, &as_of, |h, d| self.inner.monitoring(h, d))
    }

    /// 三重保障 for a hospital bill (四(十一)).
    #[wasm_bindgen(unchecked_return_type = "MedicalResult")]
    pub fn medical(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MedicalClaim")] claim: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &claim,
            "医疗费用",
            &as_of,
            MedicalClaim::read,
            |c, d| self.inner.medical(c, d),
        )
    }

    /// 脱贫人口小额信贷 (六(十七)).
    #[wasm_bindgen(unchecked_return_type = "MicrocreditResult")]
    pub fn microcredit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MicrocreditRequest")] request: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &request,
            "贷款申请",
            &as_of,
            MicrocreditRequest::read,
            |r, d| self.inner.microcredit(r, d),
        )
    }

    /// 创业担保贷款 (六(十七)).
    #[wasm_bindgen(js_name = guaranteeLoan, unchecked_return_type = "GuaranteeLoanResult")]
    pub fn guarantee_loan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GuaranteeLoanRequest")] request: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &request,
            "贷款申请",
            &as_of,
            GuaranteeLoanRequest::read,
            |r, d| self.inner.guarantee_loan(r, d),
        )
    }

    /// “保险+期货” payout (六(十七)).
    #[wasm_bindgen(js_name = insuranceFutures, unchecked_return_type = "InsuranceFuturesResult")]
    pub fn insurance_futures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsuranceFuturesClaim")] claim: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &claim,
            "保险理赔",
            &as_of,
            InsuranceFuturesClaim::read,
            |c, d| self.inner.insurance_futures(c, d),
        )
    }

    /// 以工代赈 minimum labour remuneration (三(六), 六(十六)).
    #[wasm_bindgen(js_name = workRelief, unchecked_return_type = "WorkReliefResult")]
    pub fn work_relief(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkReliefProject")] project: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &project,
            "以工代赈项目",
            &as_of,
            WorkReliefProject::read,
            |p, d| self.inner.work_relief(p, d),
        )
    }

    /// Every programme for one household, with the cash support they add up to.
    #[wasm_bindgen(unchecked_return_type = "Estimate")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        household_call(&self.inner, &h, &as_of, |h, d| self.inner.estimate(h, d))
    }

    /// The household's screening row: each programme's eligibility and amount, without the
    /// explanation.
    #[wasm_bindgen(unchecked_return_type = "Screening")]
    pub fn screen(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        household_call(&self.inner, &h, &as_of, |h, d| self.inner.screen(h, d))
    }

    /// One result per household, in order; a bad household gives `{ ok: false, error }` and the rest go on.
    /// `{ explain: false }` leaves out steps and reasons (every amount and field the same), for speed.
    #[wasm_bindgen(js_name = estimateMany, unchecked_return_type = "BatchItem[]")]
    pub fn estimate_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<BatchOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = match opts
            .map(JsValue::from)
            .filter(|o| !o.is_undefined() && !o.is_null())
        {
            None => true,
            Some(o) => object_arg(&o, "opts", BatchOptions::read)?
                .explain
                .unwrap_or(true),
        };
        let limit = if explain {
            crate::batch::MAX_EXPLAINED_BATCH
        } else {
            crate::batch::MAX_ESTIMATE_BATCH
        };
        let (list, as_of) = batch_args(&households, &as_of, limit)?;
        gathered(&list, |items, bad| {
            let mut outcomes = self.inner.estimate_many(items, &as_of, explain);
            for (i, path, message) in bad {
                if let Some(o) = outcomes.get_mut(*i) {
                    *o = crate::batch::BatchItem::unsent(unsent(path, message));
                }
            }
            outcomes
        })
    }

    /// One screening row per household, in order; a bad household gives `{ ok: false, error }`.
    /// The fast path for registers.
    #[wasm_bindgen(js_name = screenMany, unchecked_return_type = "ScreenItem[]")]
    pub fn screen_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (list, as_of) = batch_args(&households, &as_of, crate::batch::MAX_BATCH)?;
        gathered(&list, |items, bad| self.screen_chunk(items, bad, &as_of))
    }

    /// A whole register as text (JSON Lines or CSV, UTF-8; a `Uint8Array` or a string) screened
    /// in one call: the command-line tool's CSV rows, one per household or error, in input order.
    /// The fastest way through a large register: one copy in, one string out, no object per row.
    /// A GBK file (what Excel's “CSV（逗号分隔）” writes on Chinese Windows) is handed over as the
    /// string `new TextDecoder('gbk').decode(bytes)`.
    #[wasm_bindgen(js_name = screenText, unchecked_return_type = "ScreenedText")]
    pub fn screen_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] register: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<TextOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        use crate::register::text::{screen_text, TextFormat};
        let as_of = as_of_arg(&as_of)?;
        let opts = match opts
            .map(JsValue::from)
            .filter(|o| !o.is_undefined() && !o.is_null())
        {
            Some(o) => object_arg(&o, "opts", crate::register::text::TextOptions::read)?,
            None => crate::register::text::TextOptions::default(),
        };
        let bytes = register_bytes(&register)?;
        let format = opts.format.unwrap_or_else(|| TextFormat::sniff(&bytes));
        let lang = opts.headers.unwrap_or(crate::register::output::Lang::En);
        result(screen_text(&self.inner, &bytes, &as_of, format, lang))
    }

    /// Screening rows handed over chunk by chunk, for registers too long to hold at once (a page
    /// can run this in a Web Worker and post each chunk on): `onChunk(rows, start)` is called with
    /// the rows of households `start`, `start + 1`, … in order. Same rows as `screenMany`.
    #[wasm_bindgen(js_name = screenEach)]
    pub fn screen_each(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(js_name = onChunk, unchecked_param_type = "(rows: ScreenItem[], start: number) => void")]
        on_chunk: JsValue,
    ) -> Result<(), JsValue> {
        if !on_chunk.is_function() {
            return Err(to_js(PolicyError::invalid_input(
                "onChunk",
                "onChunk 应为函数 (rows, start) => void",
            )));
        }
        let on_chunk = js_sys::Function::from(on_chunk);
        let (list, as_of) = batch_args(&households, &as_of, crate::batch::MAX_BATCH)?;
        in_chunks(
            &list,
            |items, bad| self.screen_chunk(items, bad, &as_of),
            |chunk, start| {
                on_chunk
                    .call2(&JsValue::NULL, &chunk, &JsValue::from(start))
                    .map(|_| ())
            },
        )
    }

    /// Every household under this engine's parameters and under `other`'s: the summary per
    /// programme and per region (households gaining, losing, newly eligible, no longer eligible,
    /// the change in annual amounts), and the households that differ or are errors, in order.
    #[wasm_bindgen(js_name = compareMany, unchecked_return_type = "RegisterComparison")]
    pub fn compare_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        other: &PolicyEngine,
    ) -> Result<JsValue, JsValue> {
        let (list, as_of) = batch_args(&households, &as_of, crate::batch::MAX_BATCH)?;
        let mut comparer = self.inner.comparer(&other.inner, &as_of).map_err(to_js)?;
        let mut failed = None;
        in_chunks(
            &list,
            |items, bad| {
                for (i, h) in items.iter().enumerate() {
                    let added = match bad.iter().find(|(b, ..)| *b == i) {
                        Some((_, path, message)) => {
                            comparer.add_unread(unsent(path, message));
                            Ok(())
                        }
                        None => comparer.add(h),
                    };
                    if let Err(e) = added {
                        failed.get_or_insert(e);
                    }
                }
                Vec::<()>::new()
            },
            |_, _| Ok(()),
        )?;
        if let Some(e) = failed {
            return Err(to_js(e));
        }
        to_value(&comparer.finish())
    }

    /// Total support as the household's non-wage income runs over `{ from, to, step }`, with cliffs.
    #[wasm_bindgen(js_name = incomeCurve, unchecked_return_type = "IncomeCurve")]
    pub fn income_curve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CurveOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let h = household_arg(&self.inner, &h, &as_of)?;
        let opts = object_arg(&opts, "opts", CurveOptions::read)?;
        result(self.inner.income_curve(&h, &as_of, opts))
    }

    /// A form's values (strings as inputs give them) as a household, and every problem the engine
    /// finds in it for `asOf`, each at its field: a form marks every bad field in one pass.
    #[wasm_bindgen(js_name = readForm, unchecked_return_type = "FormReading")]
    pub fn read_form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] values: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let reading = object_arg(&values, "表单", |node| {
            Ok(self.inner.read_form(node, &as_of))
        })?;
        to_value(&reading)
    }

    /// A household file's JSON text read strictly (a repeated key or malformed JSON is a problem,
    /// where `JSON.parse` would silently keep the last value), with every problem for `asOf`.
    #[wasm_bindgen(js_name = readHousehold, unchecked_return_type = "FormReading")]
    pub fn read_household(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let text = string_arg(&text, "text", ErrorCode::InvalidInput)?;
        to_value(&self.inner.read_household_text(&text, &as_of))
    }

    /// The parameter set this engine uses: `{ id, title, published }`.
    #[wasm_bindgen(js_name = parameterSet, unchecked_return_type = "ParameterSetInfo")]
    pub fn parameter_set(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.parameter_set_info())
    }

    /// This engine's estimate against another's (a what-if), programme by programme.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        other: &PolicyEngine,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let h = household_arg(&self.inner, &h, &as_of)?;
        result(self.inner.compare(&h, &as_of, &other.inner))
    }

    /// The household on `from` against `to` (e.g. the period's last day and the day after),
    /// programme by programme, with why each changed (`programs[].why`, `programs[].reasons`).
    #[wasm_bindgen(js_name = compareDates, unchecked_return_type = "Comparison")]
    pub fn compare_dates(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    ) -> Result<JsValue, JsValue> {
        let from = string_arg(&from, "from", ErrorCode::InvalidDate)?;
        let to = string_arg(&to, "to", ErrorCode::InvalidDate)?;
        let h = household_arg(&self.inner, &h, &from)?;
        result(self.inner.compare_dates(&h, &from, &to))
    }
}

impl PolicyEngine {
    /// The screening rows of a chunk, the items JavaScript could not send given their error.
    fn screen_chunk(
        &self,
        items: &[Node<'_>],
        bad: &[Unsent],
        as_of: &str,
    ) -> Vec<crate::batch::ScreenItem> {
        let mut rows = self.inner.screen_many(items, as_of);
        for (i, path, message) in bad {
            if let Some(r) = rows.get_mut(*i) {
                *r = crate::batch::ScreenItem::unsent(unsent(path, message));
            }
        }
        rows
    }
}

/// One method per household programme of the registry: `engine.dibao(h, asOf)`, …. Their TypeScript
/// is declared beside the class (an interface merged with it), each returning its own result type.
macro_rules! wasm_methods {
    ($($variant:ident $method:ident $id:literal $label:literal $item:literal $module:ident :: $figures:ident;)*) => {
        #[wasm_bindgen]
        impl PolicyEngine {
            $(
                #[doc = concat!($label, "（", $item, "）。")]
                #[wasm_bindgen(js_name = $id, skip_typescript)]
                pub fn $method(&self, h: JsValue, as_of: JsValue) -> Result<JsValue, JsValue> {
                    household_call(&self.inner, &h, &as_of, |h, d| self.inner.$method(h, d))
                }
            )*
        }

        #[wasm_bindgen(typescript_custom_section)]
        const PROGRAMME_METHODS: &str = concat!(
            "export interface PolicyEngine {\n",
            $("  /** ", $label, "（", $item, "）。 */\n  ", $id, "(h: Household, asOf: string): ", stringify!($variant), "Result;\n",)*
            "}\n",
        );
    };
}
with_household_programmes!(wasm_methods);

/// The items of the policy text (citation and title), for showing citations.
#[wasm_bindgen(js_name = policyItems, unchecked_return_type = "PolicyItem[]")]
pub fn policy_items() -> Result<JsValue, JsValue> {
    to_value(&crate::engine::policy_items())
}

/// The Chinese label of every id a result uses (programmes, categories, tracks, risks, schooling,
/// statuses, areas, events).
#[wasm_bindgen(unchecked_return_type = "Labels")]
pub fn labels() -> Result<JsValue, JsValue> {
    to_value(&crate::labels::labels())
}

/// The default parameter set (`zhenxing-parameters/1` JSON), exactly as the engine embeds it: the
/// package ships it as `zhenxing/heilongjiang.json`, and a portal can start its own file from it.
#[wasm_bindgen(js_name = defaultParameters)]
pub fn default_parameters() -> String {
    crate::params::HEILONGJIANG_JSON.to_string()
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

// Villages and counties (issue #21): the county profile, the 扶贫项目资产 ledger and the county's
// indicators. A block of its own.
use crate::input::county::{AssetInput, CountyIndicatorInput};

#[wasm_bindgen]
impl PolicyEngine {
    /// 县级画像 on `asOf`: 脱贫县 (with exit batch), 乡村振兴重点帮扶县 status, 过渡期 phase and year,
    /// every county-level measure in force with its citation; a prefecture or the province lists its
    /// county-level units with the same flags.
    #[wasm_bindgen(unchecked_return_type = "CountyProfile")]
    pub fn county(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] region: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let region = string_arg(&region, "region", ErrorCode::InvalidRegion)?;
        let as_of = as_of_arg(&as_of)?;
        result(self.inner.county(&region, &as_of))
    }

    /// A 扶贫项目资产 ledger (二(四)): each asset's class, management, income uses and disposal, and the
    /// ledger by class and village. A bad row is that row's error (`{ ok: false, error }`, path
    /// `[3].value`); the rest go on. `region` (a county) selects its own approval limits.
    #[wasm_bindgen(unchecked_return_type = "AssetLedger")]
    pub fn assets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Asset[]")] list: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        if !js_sys::Array::is_array(&list) {
            return Err(to_js(PolicyError::invalid_input("", "资产台账应为数组")));
        }
        let list = js_sys::Array::from(&list);
        if list.length() as usize > crate::programs::assets::MAX_ASSETS {
            return Err(to_js(PolicyError::out_of_range(
                "",
                format!(
                    "一次最多 {} 项资产（当前 {} 项），请分批",
                    crate::programs::assets::MAX_ASSETS,
                    list.length()
                ),
            )));
        }
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        let (text, bad) = chunk_json(&list)?;
        let node = crate::input::parse(&text, "资产台账").map_err(to_js)?;
        let mut rows: Vec<crate::error::Result<AssetInput>> = node
            .as_array()
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .map(|(i, n)| AssetInput::read(n).map_err(|e| e.under(&format!("[{i}]"))))
            .collect();
        for (i, path, message) in bad {
            if let Some(row) = rows.get_mut(i) {
                *row = Err(PolicyError::invalid_input(
                    crate::error::join_path(&format!("[{i}]"), &path),
                    message,
                ));
            }
        }
        result(self.inner.assets_rows(rows, &as_of, region.as_deref()))
    }

    /// The indicators a county is assessed on (一(三), 五(十四), 七(二十三)): income growth against
    /// the province, monitored households and risk elimination, 应保尽保 gaps, cash support.
    #[wasm_bindgen(js_name = countyIndicators, unchecked_return_type = "CountyIndicators")]
    pub fn county_indicators(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CountyIndicatorInput")] input: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &input,
            "县级指标",
            &as_of,
            CountyIndicatorInput::read,
            |i, d| self.inner.county_indicators(i, d),
        )
    }
}
