//! `screenColumns`: households (an array, or a register's text) screened into typed columns. Thin:
//! the columns are filled natively ([`crate::estimate::columns::ScreenColumns`], and a register's
//! [`crate::register::text::RegisterTable`]) a chunk at a time; here each chunk is copied into
//! typed arrays owned by JavaScript before the next is screened, and the chunks joined at the end,
//! so module memory stays flat however many households.

use std::borrow::Cow;

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

use super::batches::{array, batch_args, chunk_by_chunk, unsent, CHUNK};
use super::convert::{as_of_arg, options_arg, register_bytes, to_js, to_value};
use super::engine::PolicyEngine;
use crate::base::error::PolicyError;
use crate::estimate::columns::ScreenColumns;
use crate::programs::registry::PROGRAMMES;
use crate::register::text::{PlaceColumns, RegisterTable, TextOptions, TextScreen};

#[wasm_bindgen]
extern "C" {
    /// `{ explain?, format?, unknownColumns? }`, the options of `screenColumns` (optional).
    #[wasm_bindgen(typescript_type = "ColumnsOptions")]
    pub type ColumnsOptionsArg;
}

#[wasm_bindgen(typescript_custom_section)]
const TS_COLUMNS: &str = r#"
/**
 * The options of `screenColumns`: a text's format and unknown columns as `screenText` reads them
 * (ignored for an array); `explain` as every batch takes it (columns carry no words).
 */
export interface ColumnsOptions extends CallOptions {
  format?: 'jsonl' | 'csv';
  unknownColumns?: 'refuse' | 'ignore';
}
/** A household `screenColumns` could not read or compute. */
export interface ColumnError {
  /** The household's position, from 0: in an array its index; in a text the household's place
   * among the text's households (JSON Lines: non-blank lines; CSV: households, the rows of one
   * household id wherever they are, in the order of their first rows, or a row that joins none),
   * as `screenText` lists them. */
  index: number;
  code: ErrorCode;
  path: string;
  /** Every problem of the household in one text (a register's line and column named). */
  message: string;
}
/** One programme's columns: money in whole fen, 0 where not eligible or not ok. */
export interface ProgramColumns {
  eligible: Uint8Array;
  monthlyFen: Float64Array;
  annualFen: Float64Array;
  oneOffFen: Float64Array;
  onBehalfFen: Float64Array;
}
/**
 * Households as typed columns, one entry per household in input order. Money is integer fen
 * (exact below 2^53 fen), 0 where not eligible or not ok. The arrays are copies owned by
 * JavaScript.
 */
export interface ScreenColumns {
  count: number;
  /** 1 where the household was read and computed. */
  ok: Uint8Array;
  /** The household's `ref` (in a CSV register, its household id when it has no `ref`), or null. */
  refs: (string | null)[];
  errors: ColumnError[];
  monitoring: {
    inScope: Uint8Array;
    /** 0 none, 1 unstable, 2 marginal, 3 suddenHardship. */
    category: Uint8Array;
  };
  programs: Record<ProgramId, ProgramColumns>;
  /** Monthly and annual cash support (`totalMonthly`, `totalAnnual`). */
  totals: { monthlyFen: Float64Array; annualFen: Float64Array };
  /** What the households computed rested on: the parameters not official or past their update
   * cycle and this calculator's assumptions, each with the parts that used them in any
   * household, as an unexplained estimate lists them. */
  basis: RegisterBasis;
}
/** A chunk's columns with where each household is in the register (`RegisterScreen.nextColumns`). */
export interface RegisterTable extends ScreenColumns {
  /** First and last line of each household. */
  line: Uint32Array;
  lastLine: Uint32Array;
  /** `household_id` (empty in JSON Lines), town and village as the register gives them. */
  household: string[];
  town: string[];
  village: string[];
  /** Alerts as bits in the order of `labels().alert` (bit 0 the first). */
  alerts: Uint32Array;
}
"#;

/// A column's chunks, each copied out of module memory as it came.
#[derive(Default)]
struct Column(Vec<JsValue>);

macro_rules! joined {
    ($name:ident, $array:ty) => {
        /// The chunks as one array of `n` (the one chunk itself when there is one).
        fn $name(self, n: u32) -> $array {
            let mut parts = self.0.into_iter().map(<$array>::from);
            match (parts.len(), parts.next()) {
                (1, Some(only)) => only,
                (_, first) => {
                    let all = <$array>::new_with_length(n);
                    let mut at = 0u32;
                    for part in first.into_iter().chain(parts) {
                        all.set(&part, at);
                        at = at.saturating_add(part.length());
                    }
                    all
                }
            }
        }
    };
}

impl Column {
    fn bytes(&mut self, v: &[u8]) {
        self.0.push(Uint8Array::from(v).into());
    }
    fn doubles(&mut self, v: &[f64]) {
        self.0.push(Float64Array::from(v).into());
    }
    joined!(u8s, Uint8Array);
    joined!(f64s, Float64Array);
}

/// The columns copied out so far.
struct Out {
    count: u32,
    ok: Column,
    in_scope: Column,
    category: Column,
    /// Per programme: its id, then eligible, monthly, annual, one-off and on-behalf.
    programs: Vec<(&'static str, [Column; 5])>,
    totals: [Column; 2],
    refs: Vec<JsValue>,
    errors: Vec<JsValue>,
    basis: crate::estimate::rested::RegisterBasis,
}

fn set(o: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(o, &JsValue::from_str(key), value).map(|_| ())
}

/// A plain object of `entries`.
fn object(entries: &[(&str, JsValue)]) -> Result<Object, JsValue> {
    let o = Object::new();
    for (key, value) in entries {
        set(&o, key, value)?;
    }
    Ok(o)
}

fn strings<'s>(list: impl IntoIterator<Item = Option<&'s str>>) -> JsValue {
    list.into_iter()
        .map(|s| s.map_or(JsValue::NULL, JsValue::from_str))
        .collect::<Array>()
        .into()
}

impl Out {
    /// No household yet: every programme's columns, empty.
    fn new() -> Out {
        Out {
            count: 0,
            ok: Column::default(),
            in_scope: Column::default(),
            category: Column::default(),
            programs: PROGRAMMES
                .iter()
                .map(|p| (p.id, Default::default()))
                .collect(),
            totals: Default::default(),
            refs: Vec::new(),
            errors: Vec::new(),
            basis: Default::default(),
        }
    }

    /// Copy the households of `c` out.
    fn add(&mut self, c: &ScreenColumns) -> Result<(), JsValue> {
        self.count = self.count.saturating_add(c.len() as u32);
        self.ok.bytes(&c.ok);
        self.in_scope.bytes(&c.in_scope);
        self.category.bytes(&c.category);
        for ((_, [eligible, monthly, annual, one_off, on_behalf]), p) in
            self.programs.iter_mut().zip(&c.programs)
        {
            eligible.bytes(&p.eligible);
            monthly.doubles(&p.monthly_fen);
            annual.doubles(&p.annual_fen);
            one_off.doubles(&p.one_off_fen);
            on_behalf.doubles(&p.on_behalf_fen);
        }
        let [monthly, annual] = &mut self.totals;
        monthly.doubles(&c.total_monthly_fen);
        annual.doubles(&c.total_annual_fen);
        self.refs.extend(
            c.refs
                .iter()
                .map(|r| r.as_deref().map_or(JsValue::NULL, JsValue::from_str)),
        );
        if !c.errors.is_empty() {
            self.errors.extend(array(&to_value(&c.errors)?).iter());
        }
        self.basis.merge(&c.basis);
        Ok(())
    }

    /// The columns as `screenColumns` gives them.
    fn finish(self) -> Result<Object, JsValue> {
        let n = self.count;
        let programs = Object::new();
        for (id, [eligible, monthly, annual, one_off, on_behalf]) in self.programs {
            let p = object(&[
                ("eligible", eligible.u8s(n).into()),
                ("monthlyFen", monthly.f64s(n).into()),
                ("annualFen", annual.f64s(n).into()),
                ("oneOffFen", one_off.f64s(n).into()),
                ("onBehalfFen", on_behalf.f64s(n).into()),
            ])?;
            set(&programs, id, &p)?;
        }
        let [monthly, annual] = self.totals;
        object(&[
            ("count", JsValue::from(n)),
            ("ok", self.ok.u8s(n).into()),
            ("refs", self.refs.into_iter().collect::<Array>().into()),
            ("errors", self.errors.into_iter().collect::<Array>().into()),
            (
                "monitoring",
                object(&[
                    ("inScope", self.in_scope.u8s(n).into()),
                    ("category", self.category.u8s(n).into()),
                ])?
                .into(),
            ),
            ("programs", programs.into()),
            (
                "totals",
                object(&[
                    ("monthlyFen", monthly.f64s(n).into()),
                    ("annualFen", annual.f64s(n).into()),
                ])?
                .into(),
            ),
            ("basis", to_value(&self.basis)?),
        ])
    }
}

/// A chunk's columns with where each household is in the register (`RegisterTable`).
pub(super) fn table_value(c: &RegisterTable) -> Result<JsValue, JsValue> {
    let mut out = Out::new();
    out.add(&c.screened)?;
    let o = out.finish()?;
    let empty = PlaceColumns::default();
    let p = c.places.as_ref().unwrap_or(&empty);
    let lines = |v: &[u64]| -> JsValue {
        let v: Vec<u32> = v
            .iter()
            .map(|l| u32::try_from(*l).unwrap_or(u32::MAX))
            .collect();
        Uint32Array::from(v.as_slice()).into()
    };
    set(&o, "line", &lines(&p.line))?;
    set(&o, "lastLine", &lines(&p.last_line))?;
    set(
        &o,
        "household",
        &strings(p.household.iter().map(|s| Some(s.as_str()))),
    )?;
    set(
        &o,
        "town",
        &strings(p.town.iter().map(|s| Some(s.as_str()))),
    )?;
    set(
        &o,
        "village",
        &strings(p.village.iter().map(|s| Some(s.as_str()))),
    )?;
    set(&o, "alerts", &Uint32Array::from(p.alerts.as_slice()).into())?;
    Ok(o.into())
}

#[wasm_bindgen]
impl PolicyEngine {
    /// Every household screened into typed columns: eligibility as `Uint8Array`s, amounts as
    /// integer fen in `Float64Array`s, one set per programme, with the monitoring verdict, the
    /// totals and the errors; no object per household. `households` is an array of households,
    /// or a register's text (JSON Lines or CSV, a string or a `Uint8Array` of UTF-8), read as
    /// `screenText` reads it.
    #[wasm_bindgen(js_name = screenColumns, unchecked_return_type = "ScreenColumns")]
    pub fn screen_columns(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[] | string | Uint8Array")]
        households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<ColumnsOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let opts = options_arg(opts, TextOptions::read_for_columns)?;
        if js_sys::Array::is_array(&households) {
            return self.array_columns(&households, &as_of).map(JsValue::from);
        }
        if households.as_string().is_none() && !households.is_instance_of::<Uint8Array>() {
            return Err(to_js(PolicyError::invalid_input(
                "households",
                format!(
                    "households 应为家庭数组，或花名册文本（JSON Lines 或 CSV 的字符串、Uint8Array），而不是{}",
                    super::convert::js_kind(&households)
                ),
            )));
        }
        let as_of = as_of_arg(&as_of)?;
        let bytes = register_bytes(&households)?;
        let mut screen = TextScreen::new(Cow::Borrowed(&self.inner), None, bytes, &as_of, opts)
            .map_err(to_js)?;
        let mut columns = RegisterTable::new(false);
        let mut out = Out::new();
        loop {
            let chunk = screen
                .next_into(CHUNK as usize, false, Some(&mut columns))
                .map_err(to_js)?;
            out.add(&columns.screened)?;
            columns.clear();
            if chunk.done {
                return out.finish().map(JsValue::from);
            }
        }
    }
}

impl PolicyEngine {
    /// An array of households, chunk by chunk.
    fn array_columns(&self, households: &JsValue, as_of: &JsValue) -> Result<Object, JsValue> {
        let (list, as_of) = batch_args(
            households,
            as_of,
            (
                crate::estimate::batch::MAX_BATCH,
                crate::estimate::batch::SCREEN_INSTEAD,
            ),
        )?;
        let mut columns = ScreenColumns::new();
        let mut out = Out::new();
        chunk_by_chunk(&list, |items, bad, _| {
            let each =
                items
                    .iter()
                    .enumerate()
                    .map(|(i, h)| match bad.iter().find(|(b, ..)| *b == i) {
                        Some((_, path, message)) => Err(unsent(path, message)),
                        None => Ok(h),
                    });
            self.inner.screen_columns(each, &as_of, &mut columns);
            out.add(&columns)?;
            columns.clear();
            Ok(())
        })?;
        out.finish()
    }
}
