//! Values across the boundary: JS values in as JSON text read strictly (with paths), results out as
//! JSON text parsed by the JS engine, errors as `PolicyError`s.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::base::error::{ErrorCode, PolicyError};
use crate::base::json::Node;
use crate::engine::Engine;
use crate::input::household::HouseholdInput;
use crate::input::requests::BatchOptions;

use super::types::{OptionsArg, RegionArg};

#[wasm_bindgen(module = "/js/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = makePolicyError)]
    fn make_policy_error(code: &str, path: &str, message: &str, problems: JsValue) -> JsValue;
    /// What a JS value is, in words (`数字`, `对象`, `undefined（未给出）` …): a message says what
    /// came where it expected something else.
    #[wasm_bindgen(js_name = argumentKind)]
    pub(super) fn js_kind(value: &JsValue) -> String;
    /// A plain JS value as JSON text; throws `PolicyError` (with its path) for what is not plain
    /// data.
    #[wasm_bindgen(catch, js_name = toJson)]
    fn to_json(value: &JsValue) -> Result<String, JsValue>;
    #[cfg(not(feature = "household-only"))]
    /// Items `start..end` of a batch as JSON text (`text`), read by index; items that are not
    /// plain data sent as null and listed in `bad`.
    #[wasm_bindgen(js_name = batchToJson)]
    pub(super) fn batch_to_json(items: &JsValue, start: u32, end: u32) -> JsValue;
    /// A result's JSON text as UTF-16 code units, parsed by the JS engine.
    #[wasm_bindgen(catch, js_name = parseUtf16)]
    fn parse_utf16(units: &[u16]) -> Result<JsValue, JsValue>;
    #[cfg(not(feature = "household-only"))]
    /// Throws `PolicyError` (naming its line) for a register's text with a lone surrogate, which
    /// has no UTF-8 form: it would otherwise cross as U+FFFD, unseen.
    #[wasm_bindgen(catch, js_name = checkText)]
    fn check_text(text: &JsValue) -> Result<(), JsValue>;
}

pub(super) fn to_js(e: PolicyError) -> JsValue {
    let problems = to_value(&e.problems).unwrap_or(JsValue::UNDEFINED);
    make_policy_error(e.code.as_str(), &e.path, &e.message, problems)
}

/// Results cross as JSON text, parsed by the JS engine into plain objects: the very string the
/// native build produces, and no second serializer in the module.
pub(super) fn to_value<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    parsed(&to_text(v)?)
}

/// A result's JSON text as plain JS objects. Text with words (Chinese) crosses as UTF-16, which
/// JavaScript takes as it is: decoding its UTF-8 took longer than parsing it.
pub(super) fn parsed(text: &str) -> Result<JsValue, JsValue> {
    if text.is_ascii() {
        return js_sys::JSON::parse(text).map_err(|_| unwritable());
    }
    let mut units = Vec::with_capacity(text.len());
    units.extend(text.encode_utf16());
    parse_utf16(&units).map_err(|_| unwritable())
}

/// A result as the JSON text both builds write. Writing a result cannot fail (every key is a
/// string, every value plain data); were it to, serde_json's wording would say nothing to an
/// officer, and formatting it would link its messages into the module.
pub(super) fn to_text<T: Serialize>(v: &T) -> Result<String, JsValue> {
    serde_json::to_string(v).map_err(|_| unwritable())
}

/// The error of a result that could not be written (one body, not one in each writer).
#[cold]
#[inline(never)]
fn unwritable() -> JsValue {
    to_js(PolicyError::invalid_input("", "结果转换失败"))
}

pub(super) fn result<T: Serialize>(v: crate::base::error::Result<T>) -> Result<JsValue, JsValue> {
    to_value(&v.map_err(to_js)?)
}

/// A JS value as JSON text (see js/boundary.js): what is not plain data is refused there, with
/// its path. The text has no lone surrogate (JavaScript escapes one), so it crosses as it is.
pub(super) fn json_arg(v: &JsValue) -> Result<String, JsValue> {
    to_json(v)
}

/// An object argument's JSON text (one body for every [`object_arg`]); one that is not an object
/// is refused at `path` (empty for the household, the whole input), saying what came.
fn object_text(v: &JsValue, path: &str, what: &str) -> Result<String, JsValue> {
    if !v.is_object() || js_sys::Array::is_array(v) {
        return Err(to_js(PolicyError::invalid_input(
            path,
            format!("{what}应为对象，而不是{}", js_kind(v)),
        )));
    }
    json_arg(v)
}

/// An object argument read by `read` from its JSON, exactly as the native build reads JSON.
pub(super) fn object_arg<T>(
    v: &JsValue,
    what: &str,
    read: impl FnOnce(&Node<'_>) -> crate::base::error::Result<T>,
) -> Result<T, JsValue> {
    object_arg_at(v, "", what, read)
}

/// [`object_arg`] for an argument that is one of several objects of a call: one that is not an
/// object is refused at `path`, the argument's name.
pub(super) fn object_arg_at<T>(
    v: &JsValue,
    path: &str,
    what: &str,
    read: impl FnOnce(&Node<'_>) -> crate::base::error::Result<T>,
) -> Result<T, JsValue> {
    let text = object_text(v, path, what)?;
    read_text(&text, what, read)
}

/// An argument's JSON text read by `read`, exactly as the native build reads JSON.
fn read_text<T>(
    text: &str,
    what: &str,
    read: impl FnOnce(&Node<'_>) -> crate::base::error::Result<T>,
) -> Result<T, JsValue> {
    crate::input::parse(text, what)
        .and_then(|node| read(&node))
        .map_err(to_js)
}

/// A household from a JS value, read strictly for `as_of`: a bad one gives every problem at once.
pub(super) fn household_arg(
    engine: &Engine,
    v: &JsValue,
    as_of: &str,
) -> Result<HouseholdInput, JsValue> {
    object_arg(v, "家庭", |node| engine.read_household(node, as_of))
}

/// `{ explain?: boolean }`, the last argument of a call, named `opts` (its errors' paths:
/// `opts.explain`): absent, `undefined` or `null` gives `default` (single calls explain, batches
/// do not).
pub(super) fn explain_arg(opts: Option<OptionsArg>, default: bool) -> Result<bool, JsValue> {
    explain_arg_named(opts, default, "opts")
}

/// [`explain_arg`] for a call whose typings name its options `name` (`incomeCurve`'s `options`:
/// its `opts` is the range).
pub(super) fn explain_arg_named(
    opts: Option<OptionsArg>,
    default: bool,
    name: &str,
) -> Result<bool, JsValue> {
    let Some(o) = given(opts) else {
        return Ok(default);
    };
    // The options every call is given are known by their text (walked and checked as any
    // argument's); only another is read, as the native build reads it.
    let text = object_text(&o, name, name)?;
    let explain = match text.as_str() {
        r#"{"explain":false}"# => Some(false),
        r#"{"explain":true}"# => Some(true),
        "{}" => None,
        _ => read_text(&text, name, |node| BatchOptions::read_named(node, name))?.explain,
    };
    Ok(explain.unwrap_or(default))
}

/// An optional argument as given: absent, `undefined` and `null` are none.
fn given(opts: Option<impl Into<JsValue>>) -> Option<JsValue> {
    opts.map(Into::into)
        .filter(|o: &JsValue| !o.is_undefined() && !o.is_null())
}

#[cfg(not(feature = "household-only"))]
/// A call's options object (`opts`), read by `read`; absent, `undefined` or `null` gives the
/// defaults.
pub(super) fn options_arg<T: Default>(
    opts: Option<impl Into<JsValue>>,
    read: impl FnOnce(&Node<'_>) -> crate::base::error::Result<T>,
) -> Result<T, JsValue> {
    match given(opts) {
        Some(o) => object_arg_at(&o, "opts", "opts", read),
        None => Ok(T::default()),
    }
}

#[cfg(not(feature = "household-only"))]
/// The most text `screenText` takes at once (the copy in and the rows out both live in the
/// module's memory, which is at most 4 GiB).
const MAX_REGISTER_BYTES: u32 = 512 * 1024 * 1024;

#[cfg(not(feature = "household-only"))]
/// A register's bytes from a `Uint8Array` (copied in once) or a string.
pub(super) fn register_bytes(v: &JsValue) -> Result<Vec<u8>, JsValue> {
    let length = if v.is_string() {
        check_text(v)?;
        let text = v.as_string().unwrap_or_default();
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

#[cfg(not(feature = "household-only"))]
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

/// A JS argument that must be a string (`path`: its name), refused saying what came.
pub(super) fn string_arg(v: &JsValue, path: &str, code: ErrorCode) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| {
        to_js(PolicyError::new(
            code,
            path,
            format!("{path} 应为字符串，而不是{}", js_kind(v)),
        ))
    })
}

/// An optional region code (undefined or null: none).
pub(super) fn region_arg(region: Option<RegionArg>) -> Result<Option<String>, JsValue> {
    match region.map(JsValue::from) {
        Some(r) if !r.is_undefined() && !r.is_null() => {
            string_arg(&r, "region", ErrorCode::InvalidRegion).map(Some)
        }
        _ => Ok(None),
    }
}

pub(super) fn as_of_arg(v: &JsValue) -> Result<String, JsValue> {
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
pub(super) fn household_call<T: Serialize>(
    engine: &Engine,
    h: &JsValue,
    as_of: &JsValue,
    f: impl FnOnce(&HouseholdInput, &str) -> crate::base::error::Result<T>,
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

#[cfg(not(feature = "household-only"))]
/// A request object and a date in, a result out (bills, loans, projects).
pub(super) fn request_call<R, T: Serialize>(
    v: &JsValue,
    what: &str,
    as_of: &JsValue,
    read: impl FnOnce(&Node<'_>) -> crate::base::error::Result<R>,
    f: impl FnOnce(&R, &str) -> crate::base::error::Result<T>,
) -> Result<JsValue, JsValue> {
    let (request, as_of) = (object_arg(v, what, read)?, as_of_arg(as_of)?);
    result(f(&request, &as_of))
}
