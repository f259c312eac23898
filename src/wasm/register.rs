//! The register page's entry points (www/register.html): a register screened a chunk of
//! households at a time in a Web Worker, with the county's summary, a what-if over it and its
//! comparison on two dates. Thin: the reading, the rows, the summary and the comparison are the
//! command-line tool's own ([`crate::register::text::TextScreen`],
//! [`crate::register::summary::CountySummary`]).

use std::borrow::Cow;

use wasm_bindgen::prelude::*;

use super::columns::table_value;
use super::convert::{as_of_arg, options_arg, register_bytes, string_arg, to_js, to_value};
use super::engine::PolicyEngine;
use super::types::TextOptionsArg;
use crate::base::error::ErrorCode;
use crate::register::text::{RegisterTable, TextOptions, TextScreen};

/// A register being screened (or compared under two engines' parameters, or on two dates) a chunk
/// at a time. The register's bytes are copied in once and held here until `free()`.
#[wasm_bindgen]
pub struct RegisterScreen {
    inner: TextScreen<'static>,
    /// The columns of `nextColumns`, emptied after each chunk (error indexes count on).
    table: RegisterTable,
}

#[wasm_bindgen]
impl RegisterScreen {
    /// A register (`Uint8Array` of UTF-8 bytes, or a string) to screen on `asOf` under `engine`:
    /// `next(n)` gives the rows of `screenText`, a chunk at a time. Header errors, and bytes that
    /// are not UTF-8, throw here.
    pub fn screen(
        engine: &PolicyEngine,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] register: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<TextOptionsArg>,
    ) -> Result<RegisterScreen, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let opts = options_arg(opts, TextOptions::read)?;
        let bytes = register_bytes(&register)?;
        TextScreen::new(Cow::Owned(engine.inner.clone()), None, bytes, &as_of, opts)
            .map(|inner| RegisterScreen {
                inner,
                table: RegisterTable::new(true),
            })
            .map_err(to_js)
    }

    /// The same register compared under `engine`'s parameters and `other`'s (`zhenxing
    /// compare`): `next(n)` gives the households that change, `comparison()` the summary.
    pub fn compare(
        engine: &PolicyEngine,
        other: &PolicyEngine,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] register: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<TextOptionsArg>,
    ) -> Result<RegisterScreen, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let opts = options_arg(opts, TextOptions::read)?;
        let bytes = register_bytes(&register)?;
        let other = Some(Cow::Owned(other.inner.clone()));
        TextScreen::new(Cow::Owned(engine.inner.clone()), other, bytes, &as_of, opts)
            .map(|inner| RegisterScreen {
                inner,
                table: RegisterTable::new(true),
            })
            .map_err(to_js)
    }

    /// The same register on `from` against `to` under `engine`'s parameters (`zhenxing compare
    /// --as-of FROM --to TO`, e.g. the transition period's last day and the day after): `next(n)`
    /// gives the households that change, each programme with why (`why`), `comparison()` the
    /// summary with its reasons.
    #[wasm_bindgen(js_name = compareDates)]
    pub fn compare_dates(
        engine: &PolicyEngine,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] register: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
        opts: Option<TextOptionsArg>,
    ) -> Result<RegisterScreen, JsValue> {
        let from = string_arg(&from, "from", ErrorCode::InvalidDate)?;
        let to = string_arg(&to, "to", ErrorCode::InvalidDate)?;
        let opts = options_arg(opts, TextOptions::read)?;
        let bytes = register_bytes(&register)?;
        TextScreen::between_dates(Cow::Owned(engine.inner.clone()), bytes, &from, &to, opts)
            .map(|inner| RegisterScreen {
                inner,
                table: RegisterTable::new(true),
            })
            .map_err(to_js)
    }

    /// The header's columns as read (a CSV register).
    #[wasm_bindgen(unchecked_return_type = "HeaderColumn[]")]
    pub fn columns(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.columns())
    }

    /// The next `households` households: their rows (or changes), counts and progress.
    #[wasm_bindgen(unchecked_return_type = "ScreenChunk")]
    pub fn next(&mut self, households: u32) -> Result<JsValue, JsValue> {
        let chunk = self
            .inner
            .next_chunk(households.max(1) as usize)
            .map_err(to_js)?;
        to_value(&chunk)
    }

    /// The next `households` households as `next` gives them, with their columns (`columns`,
    /// `screenColumns`' shape for these households, with where each is in the register; an
    /// error's `index` is its household's place in the whole register): the table a page filters,
    /// with no CSV to read back. A comparison's chunks have empty columns.
    #[wasm_bindgen(js_name = nextColumns, unchecked_return_type = "ScreenChunk & { columns: RegisterTable }")]
    pub fn next_columns(&mut self, households: u32) -> Result<JsValue, JsValue> {
        let chunk = self
            .inner
            .next_into(households.max(1) as usize, true, Some(&mut self.table))
            .map_err(to_js)?;
        let out = to_value(&chunk)?;
        let columns = table_value(&self.table);
        self.table.clear();
        js_sys::Reflect::set(&out, &"columns".into(), &columns?)?;
        Ok(out)
    }

    /// The summary by region, town and village of the households screened so far, as
    /// `zhenxing summary --headers zh -o summary.csv` writes it: `{ header, rows }`; and `basis`,
    /// what their figures rested on (the printed summary's last lines).
    #[wasm_bindgen(
        unchecked_return_type = "{ header: string[]; rows: string[][]; basis: RegisterBasis }"
    )]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        let engine = self.inner.engine();
        let county = self.inner.county();
        let (header, rows) = county.table(true, |c| engine.region_name(c));
        to_value(&SummaryTable {
            header,
            rows,
            basis: county.basis(),
        })
    }

    /// The comparison of the households compared so far (`compareMany`'s summary).
    #[wasm_bindgen(unchecked_return_type = "ComparisonSummary")]
    pub fn comparison(&self) -> Result<JsValue, JsValue> {
        let engine = self.inner.engine();
        let summary = self
            .inner
            .comparison()
            .clone()
            .finish(|c| engine.region_name(c));
        to_value(&summary)
    }
}

/// How a register's header is read, column by column (for a header the page took from a
/// spreadsheet): each known column's field, each unknown one's likely meaning, identity and phone
/// columns marked.
#[wasm_bindgen(js_name = registerColumns, unchecked_return_type = "HeaderColumn[]")]
pub fn register_columns(
    #[wasm_bindgen(unchecked_param_type = "string[]")] header: JsValue,
) -> Result<JsValue, JsValue> {
    let cells: Vec<String> = match js_sys::Array::is_array(&header) {
        true => js_sys::Array::from(&header)
            .iter()
            .map(|c| c.as_string().unwrap_or_default())
            .collect(),
        false => {
            return Err(to_js(crate::base::error::PolicyError::invalid_input(
                "",
                "header 应为字符串数组",
            )))
        }
    };
    to_value(&crate::register::header_columns(&cells))
}

/// The summary as a table: `{ header, rows, basis }`.
#[derive(serde::Serialize)]
struct SummaryTable<'a> {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    basis: &'a crate::estimate::rested::RegisterBasis,
}
