//! The `PolicyEngine` class: construction, parameters, and every call but the household
//! programmes' own methods (`programmes.rs`) and the county calls (`county.rs`).

use wasm_bindgen::prelude::*;

use super::convert::household_arg;
use super::convert::{
    as_of_arg, explain_arg, explain_arg_named, household_call, object_arg, object_arg_at, parsed,
    region_arg, result, string_arg, to_js, to_text, to_value,
};
use super::types::{OptionsArg, RegionArg};
use crate::base::error::ErrorCode;
use crate::engine::Engine;
use crate::input::requests::CurveOptions;
// What the household module (feature `household-only`) leaves out: the what-ifs (the income curve
// aside), the bills, loans and projects, the batches and registers.
#[cfg(not(feature = "household-only"))]
use super::{
    batches::{batch_args, gathered, in_chunks, unsent, Unsent},
    convert::{json_arg, options_arg, register_bytes, request_call},
    types::TextOptionsArg,
};
#[cfg(not(feature = "household-only"))]
use crate::{
    base::{error::PolicyError, json::Node},
    estimate::batch::{COMPARE_INSTEAD, MAX_BATCH, SCREEN_INSTEAD},
    input::requests::{
        GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest,
        WorkReliefProject,
    },
};

/// The policy engine. `new PolicyEngine()` uses the embedded Heilongjiang parameter set;
/// `new PolicyEngine(json)`, a parameter set as JSON text, whole or one that `extends` the default
/// (as `fromParameters`).
#[wasm_bindgen]
pub struct PolicyEngine {
    pub(super) inner: Engine,
}

impl From<Engine> for PolicyEngine {
    fn from(inner: Engine) -> Self {
        PolicyEngine { inner }
    }
}

#[wasm_bindgen]
impl PolicyEngine {
    /// Without an argument, the embedded Heilongjiang parameter set; with one, a parameter set as
    /// JSON text (whole, or one that `extends` the default), read and checked as `fromParameters`
    /// reads it (anything but a string is
    /// PolicyError INVALID_PARAMETERS, never ignored).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "string")] json: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        if json.is_undefined() {
            return Engine::new().map(PolicyEngine::from).map_err(to_js);
        }
        PolicyEngine::read_parameters(&json)
    }

    #[cfg(not(feature = "household-only"))]
    /// A parameter set as JSON text (same schema as the default): whole, or a file that `extends`
    /// the default and gives only what it changes (docs/parameters.md).
    #[wasm_bindgen(js_name = fromParameters)]
    pub fn from_parameters(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        PolicyEngine::read_parameters(&json)
    }

    #[cfg(not(feature = "household-only"))]
    /// A what-if engine: a plain value replaces a parameter for every date and region; dated values
    /// are added (replacing one of the same date and region).
    #[wasm_bindgen(js_name = withOverrides)]
    pub fn with_overrides(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Overrides")] overrides: JsValue,
    ) -> Result<PolicyEngine, JsValue> {
        let text = json_arg(&overrides)?;
        crate::input::parse(&text, "overrides ")
            .and_then(|node| self.inner.with_overrides(&node))
            .map(PolicyEngine::from)
            .map_err(to_js)
    }

    #[cfg(not(feature = "household-only"))]
    /// The parameter catalogue: name, unit, values with source and status.
    #[wasm_bindgen(unchecked_return_type = "ParameterInfo[]")]
    pub fn parameters(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.parameters())
    }

    /// The value of parameter `name` in force on `asOf` (for `region`, a 6-digit code; without
    /// one, the province's): its date, source and status, to show beside a figure a result rests on.
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

    /// What a parameter name, rule id, reason id or alert id names, in words, for showing a lean
    /// result's words on demand: a parameter's value in force on `asOf` (for `region`; without one,
    /// the province's) with its date, unit, source and status, or, where it has none there on that
    /// date, why in `text` (a value set by county, asked without a region: it depends on the
    /// region); a rule's text, basis and source (an alert's, for an alert id); a reason's sentence
    /// (a result's or a comparison's). Every id a result lists describes with the result's date.
    #[wasm_bindgen(unchecked_return_type = "Description")]
    pub fn describe(
        &self,
        #[wasm_bindgen(js_name = nameOrRule, unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        let id = string_arg(&id, "nameOrRule", ErrorCode::UnknownParameter)?;
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        result(self.inner.describe(&id, &as_of, region.as_deref()))
    }

    /// The regions of the parameter set, sorted by code.
    #[wasm_bindgen(unchecked_return_type = "RegionInfo[]")]
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        to_value(&self.inner.regions())
    }

    /// 过渡期 status on `asOf` (`YYYY-MM-DD`), optionally for a region (6-digit code). The engine
    /// keeps the statuses it has computed: a date and a region give the same status every time.
    #[wasm_bindgen(unchecked_return_type = "TransitionStatus")]
    pub fn transition(
        &self,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        let explain = explain_arg(opts, true)?;
        // The text is kept with the status: a call is a parse of it.
        let text = self
            .inner
            .transition_text(&as_of, region.as_deref(), explain)
            .map_err(to_js)?;
        parsed(&text)
    }

    /// 防止返贫动态监测 (二(二), 四(九)): in scope, category, track, risk elimination.
    #[wasm_bindgen(unchecked_return_type = "MonitoringResult")]
    pub fn monitoring(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        household_call(&self.inner, &h, &as_of, |h, d| {
            self.inner.monitoring(h, d, explain)
        })
    }

    #[cfg(not(feature = "household-only"))]
    /// 三重保障 for a hospital bill (四(十一)).
    #[wasm_bindgen(unchecked_return_type = "MedicalResult")]
    pub fn medical(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MedicalClaim")] claim: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        request_call(
            &claim,
            "医疗费用",
            &as_of,
            MedicalClaim::read,
            |c, d| self.inner.medical(c, d, explain),
        )
    }

    #[cfg(not(feature = "household-only"))]
    /// 脱贫人口小额信贷 (六(十七)): terms, interest and subsidy on `asOf`; before the policy window
    /// not eligible (尚未开始), not an error. Renewals and extensions (续贷、展期) are not computed.
    #[wasm_bindgen(unchecked_return_type = "MicrocreditResult")]
    pub fn microcredit(
        &self,
        #[wasm_bindgen(unchecked_param_type = "MicrocreditRequest")] request: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        request_call(
            &request,
            "贷款申请",
            &as_of,
            MicrocreditRequest::read,
            |r, d| self.inner.microcredit(r, d, explain),
        )
    }

    #[cfg(not(feature = "household-only"))]
    /// 创业担保贷款 (六(十七)): the individual cap on `asOf`; who may borrow is not checked.
    #[wasm_bindgen(js_name = guaranteeLoan, unchecked_return_type = "GuaranteeLoanResult")]
    pub fn guarantee_loan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GuaranteeLoanRequest")] request: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        request_call(
            &request,
            "贷款申请",
            &as_of,
            GuaranteeLoanRequest::read,
            |r, d| self.inner.guarantee_loan(r, d, explain),
        )
    }

    #[cfg(not(feature = "household-only"))]
    /// “保险+期货” payout (六(十七)).
    #[wasm_bindgen(js_name = insuranceFutures, unchecked_return_type = "InsuranceFuturesResult")]
    pub fn insurance_futures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InsuranceFuturesClaim")] claim: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        request_call(
            &claim,
            "保险理赔",
            &as_of,
            InsuranceFuturesClaim::read,
            |c, d| self.inner.insurance_futures(c, d, explain),
        )
    }

    #[cfg(not(feature = "household-only"))]
    /// 以工代赈 minimum labour remuneration (三(六), 六(十六)).
    #[wasm_bindgen(js_name = workRelief, unchecked_return_type = "WorkReliefResult")]
    pub fn work_relief(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkReliefProject")] project: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        request_call(
            &project,
            "以工代赈项目",
            &as_of,
            WorkReliefProject::read,
            |p, d| self.inner.work_relief(p, d, explain),
        )
    }

    /// Every programme for one household, with the cash support they add up to.
    #[wasm_bindgen(unchecked_return_type = "Estimate")]
    pub fn estimate(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, true)?;
        household_call(&self.inner, &h, &as_of, |h, d| {
            self.inner.estimate_with(h, d, explain)
        })
    }

    /// The household's screening row: each programme's eligibility and amount, without the
    /// explanation.
    #[wasm_bindgen(unchecked_return_type = "Screening")]
    pub fn screen(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        // A screening row has no words: the options are read for their errors only.
        explain_arg(opts, true)?;
        household_call(&self.inner, &h, &as_of, |h, d| self.inner.screen(h, d))
    }

    #[cfg(not(feature = "household-only"))]
    /// One result per household, in order; a bad household gives `{ ok: false, error }` and the rest go on.
    /// Without words unless `{ explain: true }` (every amount the same).
    #[wasm_bindgen(js_name = estimateMany, unchecked_return_type = "BatchItem[]")]
    pub fn estimate_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, false)?;
        let limit = if explain {
            crate::estimate::batch::MAX_EXPLAINED_BATCH
        } else {
            crate::estimate::batch::MAX_ESTIMATE_BATCH
        };
        let (list, as_of) = batch_args(&households, &as_of, (limit, SCREEN_INSTEAD))?;
        gathered(&list, |items, bad| {
            let mut outcomes = self.inner.estimate_many(items, &as_of, explain);
            for (i, path, message) in bad {
                if let Some(o) = outcomes.get_mut(*i) {
                    *o = crate::estimate::batch::BatchItem::unsent(unsent(path, message));
                }
            }
            outcomes
        })
    }

    #[cfg(not(feature = "household-only"))]
    /// One screening row per household, in order; a bad household gives `{ ok: false, error }`.
    /// The fast path for registers. `{ explain }` is read for its errors only: a screening row
    /// has no words either way.
    #[wasm_bindgen(js_name = screenMany, unchecked_return_type = "ScreenItem[]")]
    pub fn screen_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        explain_arg(opts, false)?;
        let (list, as_of) = batch_args(&households, &as_of, (MAX_BATCH, SCREEN_INSTEAD))?;
        gathered(&list, |items, bad| self.screen_chunk(items, bad, &as_of))
    }

    #[cfg(not(feature = "household-only"))]
    /// A whole register as text (JSON Lines, a JSON array of households, or CSV, told by the first
    /// character: `{`, `[`, anything else; UTF-8, a `Uint8Array` or a string) screened in one call:
    /// the command-line tool's CSV rows, one per household or error, in input order. The fastest
    /// way through a large register: one copy in, one string out, no object per row. Bytes with a
    /// line that is not UTF-8 are refused as a whole: a GBK file (what Excel's “CSV（逗号分隔）”
    /// writes on Chinese Windows) is handed over as the string `new TextDecoder('gbk').decode(bytes)`.
    /// `{ explain }` is taken as every batch takes it, for its errors only: the rows have no words.
    #[wasm_bindgen(js_name = screenText, unchecked_return_type = "ScreenedText")]
    pub fn screen_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] register: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        opts: Option<TextOptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let opts = options_arg(opts, crate::register::text::TextOptions::read)?;
        let bytes = register_bytes(&register)?;
        result(crate::register::text::screen_text(
            &self.inner,
            &bytes,
            &as_of,
            opts,
        ))
    }

    #[cfg(not(feature = "household-only"))]
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
        let (list, as_of) = batch_args(&households, &as_of, (MAX_BATCH, SCREEN_INSTEAD))?;
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

    #[cfg(not(feature = "household-only"))]
    /// Every household under this engine's parameters and under `other`'s: the summary per
    /// programme and per region (households gaining, losing, newly eligible, no longer eligible,
    /// the change in annual amounts), and the households that differ or are errors, in order.
    /// At most 200,000 households a call (a larger register: in parts, or `zhenxing compare`).
    /// Without words unless `{ explain: true }`: the programmes', reasons' and regions' names
    /// (`label`, `regionName`) only then (`labels()` names the ids).
    #[wasm_bindgen(js_name = compareMany, unchecked_return_type = "RegisterComparison")]
    pub fn compare_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        other: &PolicyEngine,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, false)?;
        let limit = crate::estimate::batch::MAX_COMPARE_BATCH;
        let (list, as_of) = batch_args(&households, &as_of, (limit, COMPARE_INSTEAD))?;
        let comparer = self.inner.comparer(&other.inner, &as_of).map_err(to_js)?;
        compared_batch(&list, comparer, explain)
    }

    #[cfg(not(feature = "household-only"))]
    /// Every household on `from` and on `to` under this engine's parameters (e.g. the period's
    /// last day and the day after, as `zhenxing compare --as-of FROM --to TO`): `compareMany`'s
    /// shape, each programme's change with why (`why`: reason ids, as `compareDates` gives them).
    /// At most 200,000 households a call. Without words unless `{ explain: true }`, as
    /// `compareMany`.
    #[wasm_bindgen(js_name = compareDatesMany, unchecked_return_type = "RegisterComparison")]
    pub fn compare_dates_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let explain = explain_arg(opts, false)?;
        let limit = crate::estimate::batch::MAX_COMPARE_BATCH;
        let (list, from) = batch_args(&households, &from, (limit, COMPARE_INSTEAD))?;
        let to = string_arg(&to, "to", ErrorCode::InvalidDate)?;
        let comparer = self.inner.date_comparer(&from, &to).map_err(to_js)?;
        compared_batch(&list, comparer, explain)
    }

    /// Total support as the household's non-wage income runs over `{ from, to, step }`, with cliffs.
    /// With `{ explain: false }` (last), the cliffs and rises without their sentences (`text`).
    #[wasm_bindgen(js_name = incomeCurve, unchecked_return_type = "IncomeCurve")]
    pub fn income_curve(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        #[wasm_bindgen(unchecked_param_type = "CurveOptions")] opts: JsValue,
        options: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        // Two objects after the date: each named in paths as the typings name it.
        let explain = explain_arg_named(options, true, "options")?;
        let h = household_arg(&self.inner, &h, &as_of)?;
        let opts = object_arg_at(
            &opts,
            "opts",
            "opts（收入范围 { from, to, step }）",
            CurveOptions::read,
        )?;
        let curve = self.inner.income_curve(&h, &as_of, opts);
        result(if explain {
            curve
        } else {
            curve.map(crate::estimate::IncomeCurve::without_words)
        })
    }

    /// A form's values (strings as inputs give them) as a household, and every problem the engine
    /// finds in it for `asOf`, each at its field: a form marks every bad field in one pass. A
    /// member row that is `null` keeps its place (a problem at `members[i]`), so every row's
    /// problems name the row the form shows. With problems (`ok` false) the household is what was
    /// read, not a `Household`.
    #[wasm_bindgen(js_name = readForm, unchecked_return_type = "FormReading")]
    pub fn read_form(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] values: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        // The reading borrows the values' text: it is written while that is at hand.
        let text = object_arg(&values, "表单", |node| {
            Ok(to_text(&self.inner.read_form(node, &as_of)))
        })??;
        parsed(&text)
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

    #[cfg(not(feature = "household-only"))]
    /// This engine's estimate against another's (a what-if), programme by programme.
    #[wasm_bindgen(unchecked_return_type = "Comparison")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        other: &PolicyEngine,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let as_of = as_of_arg(&as_of)?;
        let explain = explain_arg(opts, true)?;
        let h = household_arg(&self.inner, &h, &as_of)?;
        result(self.inner.compare_with(&h, &as_of, &other.inner, explain))
    }

    #[cfg(not(feature = "household-only"))]
    /// The household on `from` against `to` (e.g. the period's last day and the day after),
    /// programme by programme, with why each changed (`programs[].why`; explained, also
    /// `programs[].reasons`).
    #[wasm_bindgen(js_name = compareDates, unchecked_return_type = "Comparison")]
    pub fn compare_dates(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Household")] h: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
        opts: Option<OptionsArg>,
    ) -> Result<JsValue, JsValue> {
        let from = string_arg(&from, "from", ErrorCode::InvalidDate)?;
        let to = string_arg(&to, "to", ErrorCode::InvalidDate)?;
        let explain = explain_arg(opts, true)?;
        let h = household_arg(&self.inner, &h, &from)?;
        result(self.inner.compare_dates(&h, &from, &to, explain))
    }
}

impl PolicyEngine {
    /// An engine on the parameter set of `json`, JSON text (the constructor's and
    /// `fromParameters`' one reading).
    #[cfg(not(feature = "household-only"))]
    fn read_parameters(json: &JsValue) -> Result<PolicyEngine, JsValue> {
        let Some(text) = json.as_string() else {
            return Err(to_js(crate::base::error::PolicyError::new(
                ErrorCode::InvalidParameters,
                "json",
                parameters_not_text(json),
            )));
        };
        Engine::from_parameters(&text)
            .map(PolicyEngine::from)
            .map_err(to_js)
    }

    /// The household module computes with the embedded set only: reading a parameter file (its
    /// checks and their messages) would make the module a page loads first about a tenth larger.
    /// Refused, saying where it is read, rather than ignored.
    #[cfg(feature = "household-only")]
    fn read_parameters(_: &JsValue) -> Result<PolicyEngine, JsValue> {
        Err(to_js(crate::base::error::PolicyError::new(
            ErrorCode::InvalidParameters,
            "",
            "zhenxing/household 只用内置的黑龙江参数，不读取参数文件：请改用完整模块 zhenxing 的 new PolicyEngine(json) 或 PolicyEngine.fromParameters(json)",
        )))
    }
}

#[cfg(not(feature = "household-only"))]
/// Why a parameter set that is not a string was refused: what was expected, what came, and for
/// an object (a file already read by `JSON.parse`) what to pass instead.
fn parameters_not_text(json: &JsValue) -> String {
    let kind = super::convert::js_kind(json);
    let hint = if kind == "对象" {
        "：请传文件的文本本身（如 readFileSync(path, 'utf8') 或 await response.text() 所得），不要先 JSON.parse"
    } else {
        ""
    };
    format!("json 应为参数文件的 JSON 文本（字符串），而不是{kind}{hint}")
}

#[cfg(not(feature = "household-only"))]
impl PolicyEngine {
    /// The screening rows of a chunk, the items JavaScript could not send given their error.
    fn screen_chunk(
        &self,
        items: &[Node<'_>],
        bad: &[Unsent],
        as_of: &str,
    ) -> Vec<crate::estimate::batch::ScreenItem> {
        let mut rows = self.inner.screen_many(items, as_of);
        for (i, path, message) in bad {
            if let Some(r) = rows.get_mut(*i) {
                *r = crate::estimate::batch::ScreenItem::unsent(unsent(path, message));
            }
        }
        rows
    }
}

#[cfg(not(feature = "household-only"))]
/// A batch fed through `comparer` chunk by chunk: `{ summary, households }` (`RegisterComparison`),
/// the summary's names only when `explain`.
/// Each chunk's differing households are handed to JavaScript with the chunk, as the other
/// batches' rows are: the module keeps only the tally, however long the batch.
fn compared_batch(
    list: &js_sys::Array,
    mut comparer: crate::engine::RegisterComparer<'_>,
    explain: bool,
) -> Result<JsValue, JsValue> {
    let mut failed = None;
    let differing = gathered(list, |items, bad| {
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
        comparer.take_differing()
    })?;
    if let Some(e) = failed {
        return Err(to_js(e));
    }
    let result = js_sys::Object::new();
    let summary = comparer.finish().summary;
    let summary = to_value(&if explain {
        summary
    } else {
        summary.without_words()
    })?;
    js_sys::Reflect::set(&result, &JsValue::from_str("summary"), &summary)?;
    js_sys::Reflect::set(&result, &JsValue::from_str("households"), &differing)?;
    Ok(result.into())
}
