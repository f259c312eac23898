//! Batches: a JS array of households sent to the module chunk by chunk, each chunk read, computed
//! and handed back before the next, so the module's memory stays bounded however long the batch.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::base::error::PolicyError;
use crate::base::json::Node;

use super::convert::{as_of_arg, batch_to_json, to_js, to_value};

/// Households per chunk.
pub(super) const CHUNK: u32 = 1000;

/// A batch's households (a JS array within `limit`; over it, the error names what takes a larger
/// register, `instead`) and a valid date.
pub(super) fn batch_args(
    households: &JsValue,
    as_of: &JsValue,
    (limit, instead): (usize, &str),
) -> Result<(js_sys::Array, String), JsValue> {
    if !js_sys::Array::is_array(households) {
        return Err(to_js(PolicyError::invalid_input(
            "households",
            format!(
                "households 应为家庭的数组，而不是{}",
                super::convert::js_kind(households)
            ),
        )));
    }
    let list = array(households);
    crate::estimate::batch::check_batch(list.length() as usize, limit, instead).map_err(to_js)?;
    let as_of = as_of_arg(as_of)?;
    crate::base::calendar::parse_date(&as_of, "asOf").map_err(to_js)?;
    Ok((list, as_of))
}

/// An item of a batch JavaScript could not send: its index in the chunk, the path, the message.
pub(super) type Unsent = (usize, String, String);

/// A value known to be an array (`Array.isArray`), as one: read by index, never through
/// `Array.from` and its iterator, which a page can replace.
pub(super) fn array(v: &JsValue) -> js_sys::Array {
    v.clone().unchecked_into()
}

/// Items `start..end` of a batch as JSON text, and the items that could not be sent.
pub(super) fn chunk_json(
    list: &js_sys::Array,
    start: u32,
    end: u32,
) -> Result<(String, Vec<Unsent>), JsValue> {
    let sent = batch_to_json(list, start, end);
    // JavaScript's own string, with no lone surrogate (it escapes one): copied in as UTF-8.
    let text = js_sys::Reflect::get(&sent, &JsValue::from_str("text"))?
        .as_string()
        .unwrap_or_default();
    let bad = js_sys::Reflect::get(&sent, &JsValue::from_str("bad"))?;
    let bad = array(&bad)
        .iter()
        .map(|entry| {
            let e = array(&entry);
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
pub(super) fn in_chunks<T: Serialize>(
    list: &js_sys::Array,
    mut each: impl FnMut(&[Node<'_>], &[Unsent]) -> Vec<T>,
    mut out: impl FnMut(js_sys::Array, u32) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    chunk_by_chunk(list, |items, bad, start| {
        let outcomes = each(items, bad);
        out(array(&to_value(&outcomes)?), start)
    })
}

/// Each chunk of a batch read (its households, the items that could not be sent, the index of
/// its first household) and handed to `each` before the next is read.
pub(super) fn chunk_by_chunk(
    list: &js_sys::Array,
    mut each: impl FnMut(&[Node<'_>], &[Unsent], u32) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let (mut start, length) = (0, list.length());
    while start < length {
        let end = start.saturating_add(CHUNK).min(length);
        let (text, bad) = chunk_json(list, start, end)?;
        let items = match crate::input::parse(&text, "households").map_err(to_js)? {
            Node::Array(items) => items,
            _ => Vec::new(),
        };
        each(&items, &bad, start)?;
        start = end;
    }
    Ok(())
}

/// [`in_chunks`] with every chunk's items gathered, in order, into one array.
pub(super) fn gathered<T: Serialize>(
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
pub(super) fn unsent(path: &str, message: &str) -> crate::base::error::BatchError {
    crate::base::error::BatchError::from(PolicyError::invalid_input(path, message))
}
