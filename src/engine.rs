//! The engine: a parameter set plus one entry point per calculation. Inputs arrive typed (read from
//! JSON by [`crate::input`]); dates arrive as the strings of the API and are parsed here with their
//! path, then each calculation is handed to the programmes.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use crate::base::calendar::{format_date, parse_date};
use crate::base::error::BatchError;
use crate::base::error::{ErrorCode, PolicyError, Problem, Result};
use crate::base::json::Node;
use crate::estimate::batch::{BatchItem, ScreenItem};
use crate::estimate::columns::ScreenColumns;
use crate::estimate::compare::{
    Cause, ComparisonTally, DifferingHousehold, HouseholdComparison, RegisterComparison,
};
use crate::estimate::compare::{Comparison, DatePath};
use crate::estimate::screening::Screening;
use crate::estimate::{self, Estimate, IncomeCurve, Transitions};
use crate::input::household::{reference_of, HouseholdInput};
use crate::input::model::{Household, Lens};
use crate::input::requests::{
    CurveOptions, GuaranteeLoanRequest, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest,
    WorkReliefProject,
};
use crate::input::Collect;
use crate::params::{Level, ParameterSet, Reader, Status};
use crate::programs::assistance::Assistance;
use crate::programs::credit::{
    self, GuaranteeLoanResult, InsuranceFuturesResult, MicrocreditResult,
};
use crate::programs::medical::{self, MedicalResult};
use crate::programs::monitoring::{self, MonitoringResult};
use crate::programs::registry::{self, with_household_programmes, ProgrammeOutcome};
use crate::programs::transition::TransitionStatus;
use crate::programs::work_relief::{self, WorkReliefResult};
use crate::programs::ProgrammeResult;
use std::sync::{Arc, Mutex, MutexGuard};

/// A policy engine over one parameter set. Cheap to query; build once and reuse.
#[derive(Clone, Debug)]
pub struct Engine {
    params: ParameterSet,
    /// Transition statuses already computed: a date and a region give the same status every time.
    transitions: TransitionCache,
}

/// [`Transitions`] shared by every call of one engine (a clone starts empty).
#[derive(Debug, Default)]
struct TransitionCache(Mutex<Transitions>);

impl Clone for TransitionCache {
    fn clone(&self) -> Self {
        TransitionCache::default()
    }
}

impl TransitionCache {
    fn lock(&self) -> MutexGuard<'_, Transitions> {
        // Nothing can leave it half-updated (the build aborts on panic), so a poisoned lock is fine.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl From<ParameterSet> for Engine {
    fn from(params: ParameterSet) -> Engine {
        Engine {
            params,
            transitions: TransitionCache::default(),
        }
    }
}

/// `asOf` as a date, or `INVALID_DATE` at `asOf`.
fn date(as_of: &str) -> Result<NaiveDate> {
    parse_date(as_of, "asOf")
}

impl Engine {
    /// The embedded Heilongjiang default set.
    pub fn new() -> Result<Engine> {
        ParameterSet::heilongjiang().map(Engine::from)
    }

    /// A whole parameter set from JSON (same schema as the default, or `"extends": "heilongjiang"`).
    pub fn from_parameters(json: &str) -> Result<Engine> {
        ParameterSet::from_json(json).map(Engine::from)
    }

    /// A what-if engine: `{ name: plain | [{from, region?, value}] }`, read strictly (a name given
    /// twice is an error).
    pub fn with_overrides(&self, overrides: &Node<'_>) -> Result<Engine> {
        self.params.with_overrides(overrides).map(Engine::from)
    }

    pub fn parameter_set(&self) -> &ParameterSet {
        &self.params
    }

    /// 过渡期 status on `as_of`, optionally for a region (6-digit code).
    pub fn transition(&self, as_of: &str, region: Option<&str>) -> Result<TransitionStatus> {
        self.transition_with(as_of, region, true)
    }

    /// [`Engine::transition`], with or without its words.
    pub fn transition_with(
        &self,
        as_of: &str,
        region: Option<&str>,
        explain: bool,
    ) -> Result<TransitionStatus> {
        let reader = self.reader_in(as_of, region)?;
        let status = self.transitions.lock().get(&reader, explain)?;
        Ok(TransitionStatus::clone(&status))
    }

    /// [`Self::transition_with`] as the JSON text the bindings return, written once per date,
    /// region and `explain` and kept with the status.
    pub fn transition_text(
        &self,
        as_of: &str,
        region: Option<&str>,
        explain: bool,
    ) -> Result<Arc<str>> {
        let reader = self.reader_in(as_of, region)?;
        self.transitions.lock().text(&reader, explain)
    }

    /// A reader on `as_of`, in `region` if one is given (path `region`).
    fn reader_in(&self, as_of: &str, region: Option<&str>) -> Result<Reader<'_>> {
        let on = date(as_of)?;
        let region = match region {
            Some(code) => Some(self.params.region_by_code(code, on, "region")?),
            None => None,
        };
        Ok(Reader::new(&self.params, on, region))
    }

    /// A reader on `as_of` for a request's region (path `region`).
    fn reader(&self, as_of: &str, region: &str) -> Result<Reader<'_>> {
        self.reader_in(as_of, Some(region))
    }

    /// A household programme by its id (`dibao`, `tekun`, …), with or without its words; `None`
    /// for an unknown id.
    pub fn programme(
        &self,
        id: &str,
        h: &HouseholdInput,
        as_of: &str,
        explain: bool,
    ) -> Result<Option<ProgrammeOutcome>> {
        if registry::programme(id).is_none() {
            return Ok(None);
        }
        let (household, reader) = Household::read(h, &self.params, date(as_of)?)?;
        let mut assistance = Assistance::of(&household, &reader)?;
        registry::run_one(id, &household, &mut assistance, &reader, explain)
    }

    /// 防止返贫动态监测 (二(二), 四(九)).
    pub fn monitoring(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        explain: bool,
    ) -> Result<MonitoringResult> {
        let (household, reader) = Household::read(h, &self.params, date(as_of)?)?;
        monitoring::run(&household, &reader, explain)
    }

    /// 三重保障 for a hospital bill (四(十一)).
    pub fn medical(
        &self,
        claim: &MedicalClaim,
        as_of: &str,
        explain: bool,
    ) -> Result<MedicalResult> {
        medical::run(claim, &self.reader(as_of, &claim.region)?, explain)
    }

    /// 脱贫人口小额信贷 (六(十七)).
    pub fn microcredit(
        &self,
        request: &MicrocreditRequest,
        as_of: &str,
        explain: bool,
    ) -> Result<MicrocreditResult> {
        credit::microcredit(request, &self.reader(as_of, &request.region)?, explain)
    }

    /// 创业担保贷款 (六(十七)).
    pub fn guarantee_loan(
        &self,
        request: &GuaranteeLoanRequest,
        as_of: &str,
        explain: bool,
    ) -> Result<GuaranteeLoanResult> {
        credit::guarantee_loan(request, &self.reader(as_of, &request.region)?, explain)
    }

    /// “保险+期货” payout (六(十七)).
    pub fn insurance_futures(
        &self,
        claim: &InsuranceFuturesClaim,
        as_of: &str,
        explain: bool,
    ) -> Result<InsuranceFuturesResult> {
        let reader = Reader::new(&self.params, date(as_of)?, None);
        credit::insurance_futures(claim, &reader, explain)
    }

    /// 以工代赈 minimum labour remuneration (三(六), 六(十六)).
    pub fn work_relief(
        &self,
        project: &WorkReliefProject,
        as_of: &str,
        explain: bool,
    ) -> Result<WorkReliefResult> {
        work_relief::work_relief(project, &self.reader(as_of, &project.region)?, explain)
    }

    /// Every programme for one household, with the cash support they add up to.
    pub fn estimate(&self, h: &HouseholdInput, as_of: &str) -> Result<Estimate> {
        self.estimate_with(h, as_of, true)
    }

    /// The estimate without its explanation (figures, ids and dates; every amount the same).
    pub fn estimate_unexplained(&self, h: &HouseholdInput, as_of: &str) -> Result<Estimate> {
        self.estimate_with(h, as_of, false)
    }

    /// The estimate, with or without its words.
    pub fn estimate_with(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        explain: bool,
    ) -> Result<Estimate> {
        let on = date(as_of)?;
        estimate::estimate_in(&self.params, h, on, explain, &mut self.transitions.lock())
    }

    /// The household's screening row: every programme's eligibility and amount, no explanation.
    pub fn screen(&self, h: &HouseholdInput, as_of: &str) -> Result<Screening> {
        self.estimate_unexplained(h, as_of)
            .map(|e| Screening::of(&e))
    }

    /// Every problem of a household (as JSON) for `as_of`, at once: what reading finds (unknown,
    /// repeated or malformed fields) and what checking on the date finds (dates, regions, members),
    /// so a form can mark every bad field in one pass. Empty when the household is fine.
    pub fn household_problems(&self, household: &Node<'_>, as_of: &str) -> Vec<Problem> {
        let (input, mut c) = HouseholdInput::read_all(household);
        match date(as_of) {
            // Not an object: that is the one problem (an empty household's would follow from it).
            Ok(_) if household.entries().is_none() => {}
            Ok(on) => {
                let mut dated = Collect::default();
                Household::check(
                    &input,
                    &self.params,
                    on,
                    (Lens::default(), None),
                    &mut dated,
                );
                c.add_new(dated);
            }
            Err(e) => c.push(e),
        }
        c.into_error().map(|e| e.problems).unwrap_or_default()
    }

    /// A household strictly read for `as_of`, or an error listing every problem at once.
    pub fn read_household(&self, household: &Node<'_>, as_of: &str) -> Result<HouseholdInput> {
        let (input, c) = HouseholdInput::read_all(household);
        if c.is_empty() {
            return Ok(input);
        }
        let problems = self.household_problems(household, as_of);
        let code = c
            .into_error()
            .map_or(crate::base::error::ErrorCode::InvalidInput, |e| e.code);
        Err(PolicyError::with_problems(code, problems))
    }

    /// A form's values as a household (trimmed, half-width, empty fields left out, see
    /// [`crate::input::form`]) and every problem the engine finds in it for `as_of`.
    pub fn read_form<'a>(&self, values: &Node<'a>, as_of: &str) -> FormReading<'a> {
        let household = crate::input::form::normalise(values);
        let problems = self.household_problems(&household, as_of);
        FormReading::new(household, problems)
    }

    /// A household file's text (JSON) read strictly, as [`Engine::read_form`] answers: malformed JSON
    /// or a repeated key is a problem at its place, never resolved by guessing.
    pub fn read_household_text<'a>(&self, text: &'a str, as_of: &str) -> FormReading<'a> {
        match crate::input::parse(text, "") {
            Ok(node) => {
                let problems = self.household_problems(&node, as_of);
                FormReading::new(node, problems)
            }
            Err(e) => FormReading::new(
                Node::Null,
                match e.problems.is_empty() {
                    true => vec![Problem::new(e.path, e.message)],
                    false => e.problems,
                },
            ),
        }
    }

    /// Which parameter set this engine uses.
    pub fn parameter_set_info(&self) -> ParameterSetInfo {
        ParameterSetInfo {
            id: self.params.id.clone(),
            title: self.params.title.clone(),
            published: self.params.published.clone(),
        }
    }

    /// One household of a batch, as a JSON value read strictly, sharing the batch's transition
    /// statuses (the batch functions here and the command-line tool's workers).
    pub fn estimate_in_batch(
        &self,
        household: &Node<'_>,
        as_of: &str,
        explain: bool,
        transitions: &mut Transitions,
    ) -> Result<Estimate> {
        let on = date(as_of)?;
        // Every problem of a bad household at once, as a single call gives them.
        self.read_household(household, as_of)
            .and_then(|h| estimate::estimate_in(&self.params, &h, on, explain, transitions))
    }

    /// One household of a batch's screening row, as [`Engine::estimate_in_batch`] reads it, written
    /// straight from each programme's amounts (no estimate assembled): the command-line tool's
    /// rows. The module's calls screen through the estimate ([`Engine::screen_many`]): the same row,
    /// without a second driver of every programme in the module's bytes.
    pub fn screen_in_batch(
        &self,
        household: &Node<'_>,
        as_of: &str,
        transitions: &mut Transitions,
    ) -> Result<Screening> {
        let on = transitions.date(as_of)?;
        // Read where it was returned: moved out, it would be copied.
        match self.read_household(household, as_of) {
            Ok(ref h) => estimate::screening::screen_in(&self.params, h, on, transitions),
            Err(e) => Err(e),
        }
    }

    /// [`Engine::screen_in_batch`] for a household already read (the command-line tool reads a
    /// plain line straight into it, see `input::line`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn screen_read_in_batch(
        &self,
        household: &HouseholdInput,
        as_of: &str,
        transitions: &mut Transitions,
    ) -> Result<Screening> {
        let on = transitions.date(as_of)?;
        estimate::screening::screen_in(&self.params, household, on, transitions)
    }

    /// Run `each` over a batch of households, in order; a bad household gives its own error, the
    /// rest go on.
    fn batch<T>(
        &self,
        households: &[Node<'_>],
        as_of: &str,
        explain: bool,
        each: impl Fn(Result<Estimate>, Option<String>) -> T,
    ) -> Vec<T> {
        let mut transitions = self.transitions.lock();
        households
            .iter()
            .map(|h| {
                let result = self.estimate_in_batch(h, as_of, explain, &mut transitions);
                // An error item echoes the household's `ref` when it can be read at all.
                let reference = result.is_err().then(|| reference_of(h)).flatten();
                each(result, reference)
            })
            .collect()
    }

    /// One estimate per household, in order (`explain` off: no steps and reasons, faster).
    pub fn estimate_many(
        &self,
        households: &[Node<'_>],
        as_of: &str,
        explain: bool,
    ) -> Vec<BatchItem> {
        self.batch(households, as_of, explain, BatchItem::from_result)
    }

    /// One screening row per household, in order.
    pub fn screen_many(&self, households: &[Node<'_>], as_of: &str) -> Vec<ScreenItem> {
        self.batch(households, as_of, false, |r, reference| {
            ScreenItem::from_result(r.map(|e| Screening::of(&e)), reference)
        })
    }

    /// One screening row per household pushed onto `columns`, in order (`screenColumns`): an item
    /// given as an error (a household the caller could not send) goes in as that error.
    pub fn screen_columns<'n, 'a: 'n>(
        &self,
        households: impl IntoIterator<Item = std::result::Result<&'n Node<'a>, BatchError>>,
        as_of: &str,
        columns: &mut ScreenColumns,
    ) {
        let mut transitions = self.transitions.lock();
        for h in households {
            let h = match h {
                Ok(h) => h,
                Err(e) => {
                    columns.push(Err(e), None);
                    continue;
                }
            };
            match self.estimate_in_batch(h, as_of, false, &mut transitions) {
                Ok(e) => {
                    let mut s = Screening::of(&e);
                    let reference = s.reference.take();
                    columns.push(Ok(&s), reference);
                    columns.rest_on(&e);
                }
                Err(e) => columns.push(Err(e.into()), reference_of(h)),
            }
        }
    }

    /// Every household of a batch under this engine's parameters and under `other`'s: per
    /// programme and per region, households gaining, losing, newly eligible and no longer eligible,
    /// and the change in annual amounts; and the households that differ or are errors, in order.
    pub fn compare_many(
        &self,
        households: &[Node<'_>],
        as_of: &str,
        other: &Engine,
    ) -> Result<RegisterComparison> {
        crate::estimate::batch::check_batch(
            households.len(),
            crate::estimate::batch::MAX_COMPARE_BATCH,
            crate::estimate::batch::COMPARE_INSTEAD,
        )?;
        let mut comparer = self.comparer(other, as_of)?;
        for h in households {
            comparer.add(h)?;
        }
        Ok(comparer.finish())
    }

    /// A comparison of a batch fed a household at a time (or chunk by chunk): see
    /// [`Engine::compare_many`].
    pub fn comparer<'e>(&'e self, other: &'e Engine, as_of: &str) -> Result<RegisterComparer<'e>> {
        date(as_of)?;
        Ok(RegisterComparer {
            engine: self,
            other,
            as_of: as_of.to_string(),
            dates: None,
            mine: Transitions::default(),
            theirs: Transitions::default(),
            tally: ComparisonTally::default(),
            differing: Vec::new(),
            next: 0,
        })
    }

    /// A comparison of a batch on two dates under this engine's parameters (`from` against `to`),
    /// fed a household at a time.
    pub fn date_comparer<'e>(&'e self, from: &str, to: &str) -> Result<RegisterComparer<'e>> {
        let path = self.date_path(from, to)?;
        let mut c = self.comparer(self, from)?;
        c.dates = Some((to.to_string(), path));
        Ok(c)
    }

    /// How this engine's parameters tell why a household changed between `from` and `to`.
    pub fn date_path(&self, from: &str, to: &str) -> Result<DatePath<'_>> {
        DatePath::new(&self.params, date(from)?, parse_date(to, "to")?)
    }

    /// The Chinese name of a region by its 6-digit code, when the set knows it.
    pub fn region_name(&self, code: &str) -> Option<String> {
        code.parse::<u32>()
            .ok()
            .and_then(|c| self.params.region(c))
            .map(|r| r.name.clone())
    }

    /// Total support as the household's non-wage income runs over `{from, to, step}`.
    pub fn income_curve(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        opts: CurveOptions,
    ) -> Result<IncomeCurve> {
        estimate::income_curve(&self.params, h, date(as_of)?, opts)
    }

    /// This engine's estimate against another's (a what-if), programme by programme.
    pub fn compare(&self, h: &HouseholdInput, as_of: &str, other: &Engine) -> Result<Comparison> {
        self.compare_with(h, as_of, other, true)
    }

    /// [`Engine::compare`], the two estimates with or without their words.
    pub fn compare_with(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        other: &Engine,
        explain: bool,
    ) -> Result<Comparison> {
        crate::estimate::compare::compare(&self.params, &other.params, h, date(as_of)?, explain)
    }

    /// The household on `from` against `to` (e.g. 2025-12-31 and 2026-01-01, the period's end),
    /// programme by programme, with why each changed; the estimates with or without their words.
    pub fn compare_dates(
        &self,
        h: &HouseholdInput,
        from: &str,
        to: &str,
        explain: bool,
    ) -> Result<Comparison> {
        let (from, to) = (parse_date(from, "from")?, parse_date(to, "to")?);
        crate::estimate::compare::compare_dates(&self.params, h, from, to, explain)
    }

    /// The parameter catalogue, for display.
    pub fn parameters(&self) -> Vec<ParameterInfo<'_>> {
        self.params
            .parameters()
            .map(|p| ParameterInfo {
                name: p.spec.name,
                label: &p.label,
                unit: p.spec.unit.as_str(),
                unit_label: p.spec.unit.label(),
                description: p.description.as_deref(),
                values: p.values.iter().map(|v| self.value_info(v)).collect(),
            })
            .collect()
    }

    /// The value of parameter `name` in force on `as_of` for `region`: what a result rested on,
    /// with its date, source and status, for a page to show beside the figure.
    pub fn parameter_value(
        &self,
        name: &str,
        as_of: &str,
        region: Option<&str>,
    ) -> Result<ParameterInForce<'_>> {
        let on = parse_date(as_of, "asOf")?;
        let (p, v, stale) = self.params.in_force(name, on, region)?;
        Ok(ParameterInForce {
            name: p.spec.name,
            label: &p.label,
            unit_label: p.spec.unit.label(),
            value: self.value_info(v),
            stale,
            what_if: v.is_what_if(),
        })
    }

    /// What `id` names, in words, for a page that shows a lean result's words on demand: a
    /// parameter's value in force on `as_of` (for `region`), with its date, unit, source and status;
    /// a rule of the calculator, with its basis and source (an alert's id names its rule); a reason a
    /// result gives in `why`. A parameter with no value for the place on the date is described in
    /// words (without `parameter`), not refused. An id
    /// may name more than one (`monitoring.incomeLine` is a parameter and a rule): each is given.
    pub fn describe(&self, id: &str, as_of: &str, region: Option<&str>) -> Result<Description<'_>> {
        let on = parse_date(as_of, "asOf")?;
        if let Some(code) = region {
            self.params.region_by_code(code, on, "region")?;
        }
        // A parameter without a value for that place on that date is said so in words (the date
        // and the region were checked above: only the lookup can fail): a lean answer lists ids a
        // page describes with or without the household's region.
        let mut unset = None;
        let parameter = match self.params.parameter(id) {
            Some(p) => match self.parameter_value(id, as_of, region) {
                Ok(in_force) => Some(ParameterDescription {
                    in_force,
                    unit: p.spec.unit.as_str(),
                    description: p.description.as_deref(),
                }),
                Err(e) => {
                    unset = Some(e.message);
                    None
                }
            },
            None => None,
        };
        // An alert's id as an estimate gives it (`schoolDropout`) names its rule (`alerts.schoolDropout`).
        let alert = crate::estimate::alerts::ALERTS
            .iter()
            .any(|(a, ..)| *a == id)
            .then(|| format!("alerts.{id}"));
        let rule = crate::policy::rules::rule(id)
            .or_else(|| alert.as_deref().and_then(crate::policy::rules::rule))
            .map(|r| RuleDescription {
                basis: r.basis.as_str(),
                basis_label: r.basis.label(),
                source: r.source,
                text: r.text,
            });
        // A result's reason, else a comparison's (`labels().change`).
        let reason = crate::programs::reasons::reason(id)
            .map(|r| r.text())
            .or_else(|| Some(crate::estimate::compare::reason_label(id)).filter(|t| !t.is_empty()))
            .map(|text| ReasonDescription { text });
        let text = match (&parameter, unset, &reason, &rule) {
            (Some(p), ..) => p.sentence(),
            (None, Some(words), ..) => words + "。",
            (None, None, Some(r), _) => r.text.to_string(),
            (None, None, None, Some(r)) => r.text.to_string(),
            (None, None, None, None) => return Err(unknown_id(id)),
        };
        Ok(Description {
            id: id.to_string(),
            text,
            parameter,
            rule,
            reason,
        })
    }

    fn value_info<'a>(&'a self, v: &'a crate::params::DatedValue) -> ParameterValueInfo<'a> {
        ParameterValueInfo {
            from: format_date(v.from),
            region: v.region.map(|c| format!("{c:06}")),
            region_name: v
                .region
                .and_then(|c| self.params.region(c))
                .map(|r| r.name.as_str()),
            value: v.value.display(),
            source: &v.source,
            status: v.status,
            status_label: v.status.label(),
            note: v.note.as_deref(),
        }
    }

    /// The regions of the set, sorted by code (a page groups counties under their city).
    pub fn regions(&self) -> Vec<RegionInfo<'_>> {
        self.params
            .regions()
            .into_iter()
            .map(|r| RegionInfo {
                code: r.code_string(),
                name: &r.name,
                level: r.level(),
                parent: r.parent().map(|c| format!("{c:06}")),
                alleviated_county: r.alleviated_county,
                kind: r.kind,
                kind_label: r.kind.label(),
                valid_from: r.valid_from.map(format_date),
                valid_until: r.valid_until.map(format_date),
                poverty_county: r.poverty.as_ref(),
                key_county: r.key_county,
            })
            .collect()
    }
}

/// A batch being compared under two engines' parameters, in order ([`Engine::comparer`]).
pub struct RegisterComparer<'e> {
    engine: &'e Engine,
    other: &'e Engine,
    as_of: String,
    /// For a comparison of dates: the later date and the path between them.
    dates: Option<(String, DatePath<'e>)>,
    mine: Transitions,
    theirs: Transitions,
    tally: ComparisonTally,
    differing: Vec<DifferingHousehold>,
    /// The index of the next household.
    next: usize,
}

impl RegisterComparer<'_> {
    /// The next household of the batch.
    pub fn add(&mut self, h: &Node<'_>) -> Result<()> {
        let index = self.next;
        self.next = self.next.saturating_add(1);
        let as_of = self.as_of.as_str();
        let to = self.dates.as_ref().map_or(as_of, |(to, _)| to.as_str());
        let compared = self
            .engine
            .estimate_in_batch(h, as_of, false, &mut self.mine)
            .and_then(|before| {
                let after = self
                    .other
                    .estimate_in_batch(h, to, false, &mut self.theirs)?;
                let cause = match &self.dates {
                    None => Cause::Parameters,
                    Some((_, path)) => {
                        path.cause(&self.engine.read_household(h, to)?, &before, &after)?
                    }
                };
                let c = HouseholdComparison::between(&before, &after, &cause)?;
                self.tally.rest_on(&before, &after);
                Ok(c)
            });
        match compared {
            Ok(c) => {
                let region = h.get("region").and_then(Node::as_str).unwrap_or_default();
                self.tally.add(region, &c)?;
                if c.changed() {
                    self.differing.push(DifferingHousehold::Changed {
                        ok: true,
                        index,
                        reference: reference_of(h),
                        region: region.to_string(),
                        programs: c.changes,
                    });
                }
            }
            Err(e) => {
                let region = h.get("region").and_then(Node::as_str);
                self.add_error(reference_of(h), region, e.into());
            }
        }
        Ok(())
    }

    /// The next household of the batch, which could not be read at all.
    pub fn add_unread(&mut self, error: crate::base::error::BatchError) {
        self.next = self.next.saturating_add(1);
        self.add_error(None, None, error);
    }

    fn add_error(
        &mut self,
        reference: Option<String>,
        region: Option<&str>,
        error: crate::base::error::BatchError,
    ) {
        self.tally.add_error(region);
        self.differing.push(DifferingHousehold::Err {
            ok: false,
            index: self.next.saturating_sub(1),
            reference,
            error,
        });
    }

    /// The differing households added since the last call (a batch handed over chunk by chunk
    /// keeps only the tally in memory).
    pub fn take_differing(&mut self) -> Vec<DifferingHousehold> {
        std::mem::take(&mut self.differing)
    }

    /// The summary and the differing households.
    pub fn finish(self) -> RegisterComparison {
        let engine = self.engine;
        RegisterComparison {
            summary: self.tally.finish(|code| engine.region_name(code)),
            households: self.differing,
        }
    }
}

/// One method per household programme of the registry (`engine.dibao(h, asOf)`, …).
macro_rules! engine_methods {
    ($($variant:ident $method:ident $id:literal $label:literal $item:literal $module:ident :: $figures:ident;)*) => {
        impl Engine {
            $(
                #[doc = concat!($label, "（", $item, "）。")]
                pub fn $method(
                    &self,
                    h: &HouseholdInput,
                    as_of: &str,
                ) -> Result<ProgrammeResult<crate::programs::$module::$figures>> {
                    match self.programme($id, h, as_of, true)? {
                        Some(ProgrammeOutcome::$variant(result)) => Ok(result),
                        _ => Err(crate::base::error::PolicyError::invalid_input($id, "未知的项目")),
                    }
                }
            )*
        }
    };
}
with_household_programmes!(engine_methods);

/// The parameter set an engine uses (`parameterSet()`), for printing on a result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct ParameterSetInfo {
    /// e.g. `heilongjiang`
    pub id: String,
    /// e.g. `黑龙江省过渡期帮扶政策默认参数` (the embedded set's)
    pub title: String,
    /// The date it was published (`YYYY-MM-DD`).
    pub published: String,
}

/// A form or a household file read into a household (`readForm`, `readHousehold`). Its TypeScript
/// (`FormReading`: `FormReadingOk | FormReadingWithProblems`, on `ok`) is in `wasm::types`: with
/// problems, the household is only what was read, not a `Household`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormReading<'a> {
    /// True when there is no problem: the household is ready for `estimate`.
    pub ok: bool,
    /// The household the values describe; with problems, what was read (`null` when a file is not
    /// JSON).
    pub household: Node<'a>,
    /// Every problem found, each at its field (`members[2].birthDate`); empty when it is fine.
    pub problems: Vec<Problem>,
}

impl<'a> FormReading<'a> {
    fn new(household: Node<'a>, problems: Vec<Problem>) -> Self {
        FormReading {
            ok: problems.is_empty(),
            household,
            problems,
        }
    }
}

/// An item of the policy text, for showing a citation with its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct PolicyItem {
    /// e.g. `四(十)`
    pub citation: &'static str,
    pub title: &'static str,
}

/// Every item of the policy text, in order.
pub fn policy_items() -> Vec<PolicyItem> {
    crate::policy::ITEMS
        .iter()
        .map(|&(citation, title)| PolicyItem { citation, title })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ParameterInfo<'a> {
    pub name: &'a str,
    pub label: &'a str,
    /// e.g. `yuan/person/month`
    pub unit: &'static str,
    /// e.g. `元/人·月`
    pub unit_label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub description: Option<&'a str>,
    pub values: Vec<ParameterValueInfo<'a>>,
}

/// A parameter's value in force on a date for a region (`parameterValue`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ParameterInForce<'a> {
    pub name: &'a str,
    /// The catalogue's label, e.g. 农村低保标准.
    pub label: &'a str,
    /// e.g. `元/人·月`
    pub unit_label: &'static str,
    /// The value, its date, region (absent: everywhere), source and status.
    pub value: ParameterValueInfo<'a>,
    /// Past its update cycle on that date: to be checked against the local figure in force.
    pub stale: bool,
    /// Set by the caller (`withOverrides`), not from the parameter file.
    pub what_if: bool,
}

/// `describe`'s answer: what an id names, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Description<'a> {
    pub id: String,
    /// One Chinese sentence: the parameter's value in force with its date and source, else the
    /// reason's sentence, else the rule's text.
    pub text: String,
    /// When `id` is a parameter with a value in force for the place on the date: that value (as
    /// `parameterValue` gives it), unit and description. Without one (a value set by county asked
    /// without a region, a place with none, a date before the first), absent: `text` says why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(
        optional,
        type = "ParameterInForce & { unit: string; description?: string }"
    )]
    pub parameter: Option<ParameterDescription<'a>>,
    /// When `id` is a rule (`steps[].rule`, `assumptions[].rule`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub rule: Option<RuleDescription>,
    /// When `id` is a reason (a result's `why[]`, or a comparison's): its fixed sentence, as
    /// `labels().reason` (or `labels().change`) has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reason: Option<ReasonDescription>,
}

/// A parameter described: its value in force, its unit (`yuan/person/month`) and description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParameterDescription<'a> {
    #[serde(flatten)]
    pub in_force: ParameterInForce<'a>,
    pub unit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
}

impl ParameterDescription<'_> {
    /// 农村低保标准：441（元/人·月），全省，自 2022-01-01 起；来源：…（转述）。
    fn sentence(&self) -> String {
        let p = &self.in_force;
        let v = &p.value;
        let place = v.region_name.or(v.region.as_deref()).unwrap_or("全省");
        let mut s = format!(
            "{}：{}（{}），{place}，自 {} 起；来源：{}（{}）",
            p.label, v.value, p.unit_label, v.from, v.source, v.status_label
        );
        if p.stale {
            s.push_str("；已超过更新周期，请核对当地现行标准");
        }
        if p.what_if {
            s.push_str("；为假设调整的数值");
        }
        s.push('。');
        s
    }
}

/// A rule described (docs/rules.md lists them all).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RuleDescription {
    #[tsify(type = "'text' | 'document' | 'assumption'")]
    pub basis: &'static str,
    /// 政策原文, 国家或省级文件, 本计算器的假设.
    pub basis_label: &'static str,
    /// The policy item or document, e.g. `四(十)` or `民发〔2021〕57号第十三条`.
    pub source: &'static str,
    pub text: &'static str,
}

/// A reason described.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct ReasonDescription {
    pub text: &'static str,
}

/// An id `describe` does not know, with the nearest one it does.
fn unknown_id(id: &str) -> PolicyError {
    let known = crate::params::catalogue::ALL
        .iter()
        .map(|s| s.name)
        .chain(crate::policy::rules::RULES.iter().map(|r| r.id))
        .chain(crate::programs::reasons::Reason::ALL.iter().map(|r| r.id()));
    let hint = crate::params::catalogue::nearest_among(id, known)
        .map(|n| format!("，是否应为“{n}”？"))
        .unwrap_or_else(|| "（应为参数名、规则编号或原因编号）".into());
    PolicyError::new(
        ErrorCode::UnknownParameter,
        "nameOrRule",
        format!(
            "未知的参数名、规则或原因“{}”{hint}",
            crate::input::short(id)
        ),
    )
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ParameterValueInfo<'a> {
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region_name: Option<&'a str>,
    /// Decimal string, or a date for date parameters.
    pub value: String,
    pub source: &'a str,
    pub status: Status,
    /// The status in Chinese, as `zhenxing params` writes it (官方, 转述, 示意).
    pub status_label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub note: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo<'a> {
    pub code: String,
    pub name: &'a str,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub parent: Option<String>,
    /// One of the 20 脱贫县 (former national poverty counties).
    pub alleviated_county: bool,
    pub kind: crate::params::RegionKind,
    /// e.g. `县级市`, `统计用区划（非行政区划）`
    pub kind_label: &'static str,
    /// The first day the code is valid, when it started after 1981.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub valid_from: Option<String>,
    /// The last day the code is valid, when it is no longer in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub valid_until: Option<String>,
    /// A former poverty county, national or provincial (exit year, batch, approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub poverty_county: Option<&'a crate::params::PovertyCounty>,
    /// 乡村振兴重点帮扶县: `notPublished` while no list is published.
    pub key_county: crate::params::KeyCounty,
}

// Villages and counties (issue #21): the county profile, the 扶贫项目资产 ledger and the indicators a
// county is assessed on. Kept in a block of its own.
use crate::input::county::{AssetInput, AssetRow, CountyIndicatorInput};
use crate::programs::assets::{self, AssetLedger};
use crate::programs::county::{self, CountyProfile};
use crate::programs::indicators::{self, CountyIndicators};

impl Engine {
    /// 县级画像 on `as_of`: a county's 脱贫县 and 重点帮扶县 status, its 过渡期 phase and year, the
    /// county-level measures in force; for a prefecture or the province, its county-level units.
    pub fn county(&self, region: &str, as_of: &str) -> Result<CountyProfile> {
        county::profile(&mut self.reader(as_of, region)?, true)
    }

    /// A 扶贫项目资产 ledger (二(四)), each row read strictly: a bad row is that row's error (its path
    /// from the ledger, `[3].value`), the rest go on. `region` (a county) selects the county's own
    /// approval limits.
    pub fn assets(
        &self,
        list: &Node<'_>,
        as_of: &str,
        region: Option<&str>,
    ) -> Result<AssetLedger> {
        let Some(list) = list.as_array() else {
            return Err(PolicyError::invalid_input("", "资产台账应为数组"));
        };
        let rows = list
            .iter()
            .enumerate()
            .map(|(i, n)| AssetInput::read_row(n).under(&format!("[{i}]")))
            .collect();
        self.assets_rows(rows, as_of, region)
    }

    /// The ledger of rows already read (the bindings and the command-line tool, which put their own
    /// errors in place of rows they could not read).
    pub fn assets_rows(
        &self,
        rows: Vec<AssetRow>,
        as_of: &str,
        region: Option<&str>,
    ) -> Result<AssetLedger> {
        let on = date(as_of)?;
        let region = match region {
            Some(code) => Some(self.params.region_by_code(code, on, "region")?),
            None => None,
        };
        assets::ledger(rows, &mut Reader::new(&self.params, on, region), true)
    }

    /// The indicators a county is assessed on (一(三), 五(十四), 七(二十三)).
    pub fn county_indicators(
        &self,
        input: &CountyIndicatorInput,
        as_of: &str,
    ) -> Result<CountyIndicators> {
        indicators::indicators(input, &mut self.reader(as_of, &input.region)?, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_reads_each_date_it_is_given() {
        // Born 1963-06-02, the member turns 60 on 2023-06-02: past the working ages (16 to 59), she
        // counts as unable to work and her household's row changes with the date.
        let engine = Engine::new().unwrap();
        let text =
            r#"{"region":"230129","status":"alleviated","members":[{"birthDate":"1963-06-02"}]}"#;
        let node = crate::input::parse(text, "").unwrap();
        let mut shared = Transitions::default();
        let mut rows = Vec::new();
        for as_of in ["2023-06-01", "2023-06-02", "2023-06-01"] {
            let kept = engine.screen_in_batch(&node, as_of, &mut shared).unwrap();
            let fresh = engine.screen_in_batch(&node, as_of, &mut Transitions::default());
            assert_eq!(format!("{kept:?}"), format!("{:?}", fresh.unwrap()));
            rows.push(format!("{kept:?}"));
        }
        assert_ne!(rows[0], rows[1]);
        let bad = engine.screen_in_batch(&node, "2023-13-01", &mut shared);
        assert_eq!(bad.unwrap_err().path, "asOf");
    }

    #[test]
    fn without_a_region_a_parameter_is_the_province_s() {
        // data/params/dibao-tekun.toml: the province's (230000) rural standard from 2022-01-01 is
        // 441 a month; every value of it has a region, so none is found "without a region".
        let engine = Engine::new().unwrap();
        let none = engine
            .parameter_value("dibao.standard.rural", "2023-06-01", None)
            .unwrap();
        assert_eq!(
            (none.value.value.as_str(), none.value.from.as_str()),
            ("441", "2022-01-01")
        );
        let province = engine
            .describe("dibao.standard.rural", "2023-06-01", Some("230000"))
            .unwrap();
        let described = engine
            .describe("dibao.standard.rural", "2023-06-01", None)
            .unwrap();
        assert_eq!(described.text, province.text);
    }

    #[test]
    fn a_transition_s_text_is_its_status_written_once() {
        let engine = Engine::new().unwrap();
        for explain in [true, false] {
            let status = engine
                .transition_with("2024-06-01", Some("230129"), explain)
                .unwrap();
            let first = engine
                .transition_text("2024-06-01", Some("230129"), explain)
                .unwrap();
            assert_eq!(&*first, serde_json::to_string(&status).unwrap());
            let again = engine
                .transition_text("2024-06-01", Some("230129"), explain)
                .unwrap();
            assert!(Arc::ptr_eq(&first, &again), "written once, then kept");
        }
        let e = engine
            .transition_text("2024-06-01", Some("999999"), false)
            .unwrap_err();
        assert_eq!(e.path, "region");
    }

    /// Every id a lean answer can list (a parameter in `unofficial` or `stale`, a rule in
    /// `assumptions` or `steps`, an alert) describes with the answer's date, with or without the
    /// household's region: `minimumWage.tier` (set by county) without a region, and
    /// `tekun.basicStandard.urban` (nine counties of Harbin) elsewhere, used to be refused.
    #[test]
    fn every_id_an_answer_lists_describes_on_its_date_with_or_without_a_region() {
        let engine = Engine::new().unwrap();
        let names: Vec<&str> = engine.params.parameters().map(|p| p.spec.name).collect();
        let rules = crate::policy::rules::RULES.iter().map(|r| r.id);
        let alerts = crate::estimate::alerts::ALERTS.iter().map(|(a, ..)| *a);
        let ids: Vec<&str> = names.iter().copied().chain(rules).chain(alerts).collect();
        for on in ["2021-01-01", "2023-06-01", "2024-06-01", "2026-12-31"] {
            let date = parse_date(on, "asOf").unwrap();
            let regions = engine.params.regions();
            let codes = regions
                .iter()
                .filter(|r| r.valid_on(date))
                .map(|r| r.code_string());
            for region in std::iter::once(None).chain(codes.map(Some)) {
                for id in &ids {
                    let d = engine.describe(id, on, region.as_deref());
                    let d = d.unwrap_or_else(|e| panic!("{id} {on} {region:?}: {e:?}"));
                    assert!(!d.text.is_empty(), "{id} {on} {region:?}");
                    // A date before the first value names a first value after the date.
                    if let Some((_, first)) = d.text.split_once("最早取值自 ") {
                        assert!(first.get(..10).is_some_and(|f| f > on), "{}", d.text);
                    }
                }
            }
        }
        // data/tables/heilongjiang-minimum-wage-regions.tsv: 延寿县 (230129) is in tier 3 from
        // 2024-05-01 (黑政规〔2024〕1号); without a region, the tier depends on the county (the
        // province is no county: not named as if it had been asked for).
        let d = engine
            .describe("minimumWage.tier", "2024-06-01", None)
            .unwrap();
        assert!(d.parameter.is_none());
        assert!(d.text.contains("只按县（市、区）确定"), "{}", d.text);
        assert!(!d.text.contains("黑龙江省"), "{}", d.text);
        let d = engine
            .describe("tekun.basicStandard.urban", "2024-06-01", None)
            .unwrap();
        assert!(d.text.contains("因地区而异"), "{}", d.text);
        let d = engine
            .describe("minimumWage.tier", "2024-06-01", Some("230129"))
            .unwrap();
        assert_eq!(d.parameter.unwrap().in_force.value.value, "3");
        // data/params/dibao-tekun.toml: 957 only for Harbin's nine counties from 2022-01-01; 道里区
        // (230102) has none, whatever the date.
        let d = engine
            .describe("tekun.basicStandard.urban", "2024-06-01", Some("230102"))
            .unwrap();
        assert!(d.parameter.is_none());
        assert!(
            d.text.contains("因地区而异，这一地区没有取值"),
            "{}",
            d.text
        );
        assert!(!d.text.contains("尚无取值"), "{}", d.text);
        let e = engine
            .parameter_value("tekun.basicStandard.urban", "2024-06-01", Some("230102"))
            .unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (ErrorCode::OutOfRange, "region"));
    }

    #[test]
    fn describe_names_a_parameter_in_force_with_its_date_and_source() {
        let engine = Engine::new().unwrap();
        // data/params/dibao-tekun.toml: the rural standard of Harbin's nine counties (延寿县 230129
        // among them) from 2022-01-01 is 441 (reported); Harbin's districts (道里区 230102 among
        // them) 625 from the same day.
        let d = engine
            .describe("dibao.standard.rural", "2023-06-01", Some("230129"))
            .unwrap();
        let p = d.parameter.as_ref().unwrap();
        assert_eq!(
            (
                p.in_force.value.value.as_str(),
                p.in_force.value.from.as_str()
            ),
            ("441", "2022-01-01")
        );
        assert_eq!(
            (p.unit, p.in_force.unit_label),
            ("yuan/person/month", "元/人·月")
        );
        assert_eq!(
            p.in_force,
            engine
                .parameter_value("dibao.standard.rural", "2023-06-01", Some("230129"))
                .unwrap()
        );
        assert!(
            d.text.starts_with(
                "农村低保标准：441（元/人·月），延寿县，自 2022-01-01 起；来源：哈尔滨市2022年"
            ),
            "{}",
            d.text
        );
        // A standard set yearly and last set in 2022 is past its cycle in mid-2023: said so.
        assert!(p.in_force.stale);
        assert!(
            d.text
                .ends_with("（转述）；已超过更新周期，请核对当地现行标准。"),
            "{}",
            d.text
        );
        assert!(d.rule.is_none() && d.reason.is_none());
        let harbin = engine
            .describe("dibao.standard.rural", "2023-06-01", Some("230102"))
            .unwrap();
        assert!(
            harbin.text.starts_with("农村低保标准：625（元/人·月），"),
            "{}",
            harbin.text
        );
    }

    #[test]
    fn dibao_base_is_worked_from_the_unrounded_per_capita_income_as_its_rule_says() {
        // 延寿县 on 2023-06-01: rural standard 441. Two members, 10100 a year: 841.666… a month,
        // 420.833… each (shown 420.83). Unrounded: 441 × 2 − 841.666… = 40.333… → 40.33; from the
        // shown 420.83 a hand calculation gives (441 − 420.83) × 2 = 40.34.
        let engine = Engine::new().unwrap();
        let h = HouseholdInput::from_json(
            r#"{"region":"230129","members":[{"birthDate":"1980-01-01"},{"birthDate":"1982-01-01"}],"income":{"other":"10100"}}"#,
        )
        .unwrap();
        let e = engine.estimate(&h, "2023-06-01").unwrap();
        let dibao = serde_json::to_value(&e.programs[0]).unwrap();
        let step = dibao["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["rule"] == "dibao.baseMethod")
            .unwrap();
        assert_eq!(step["value"], "40.33", "{step}");
        let rule = engine
            .describe("dibao.baseMethod", "2023-06-01", None)
            .unwrap();
        assert!(rule.text.contains("人均收入不先舍入"), "{}", rule.text);
    }

    #[test]
    fn the_reference_gives_the_embedded_sets_title_as_parameter_set_returns_it() {
        // docs/api.md (from this type's doc comment) gives parameterSet().title's example.
        let info = Engine::new().unwrap().parameter_set_info();
        assert_eq!(
            (info.id.as_str(), info.title.as_str()),
            ("heilongjiang", "黑龙江省过渡期帮扶政策默认参数")
        );
        let api = include_str!("../docs/api.md");
        assert!(api.contains(&format!("e.g. `{}`", info.title)));
        assert!(!api.contains("黑龙江省默认参数集"));
    }

    #[test]
    fn spending_beyond_income_counts_for_temporary_assistance_not_for_insurance() {
        // The README's household on 2023-06-01 (延寿县, rural standard 441, two members): income
        // 6000 + 12000 = 18000, rigid spending 20000, so 2000 beyond income. 临时救助: need =
        // 441 × 12 × 2 − (18000 − 20000) − 0 = 10584 + 2000 = 12584.00, above the year's line.
        // 防贫保险 floors the same per-capita quantity at 0 (its rule says why, as the other's does).
        let engine = Engine::new().unwrap();
        let h = HouseholdInput::from_json(
            r#"{"region":"230129","status":"alleviated","members":[{"id":"父亲","birthDate":"1983-01-01","wages":12000},{"id":"孩子","birthDate":"2013-01-01","schooling":"primary"}],"income":{"business":"6000"},"events":["illness"],"rigidSpending":20000}"#,
        )
        .unwrap();
        let out = |id: &str| {
            let o = engine.programme(id, &h, "2023-06-01", false).unwrap();
            serde_json::to_value(o.unwrap()).unwrap()
        };
        assert_eq!(out("temporary")["need"], "12584.00");
        assert_eq!(out("povertyInsurance")["perCapitaAfterSpending"], "0.00");
        let text = |id: &str| engine.describe(id, "2023-06-01", None).unwrap().text;
        assert!(text("temporary.need").contains("缺口可大于全年低保线"));
        assert!(text("povertyInsurance.formula").contains("人均按0计"));
    }

    #[test]
    fn describe_names_rules_and_reasons_and_both_when_they_share_an_id() {
        let engine = Engine::new().unwrap();
        let d = engine.describe("dibao.base", "2023-06-01", None).unwrap();
        let r = d.rule.unwrap();
        assert_eq!((r.basis, r.basis_label), ("document", "国家或省级文件"));
        assert_eq!(r.source, "民发〔2021〕57号第二十三条（转述）");
        assert_eq!(d.text, r.text);
        assert!(d.parameter.is_none() && d.reason.is_none());
        // A reason id alone: its labels().reason sentence.
        let d = engine
            .describe("dibao.incomeBelowStandard", "2023-06-01", None)
            .unwrap();
        assert_eq!(d.text, "人均月收入低于低保标准，纳入低保，按差额补差。");
        assert!(d.rule.is_none());
        // dibao.supplement is a rule (an assumption) and a reason: both, the reason's sentence first.
        let d = engine
            .describe("dibao.supplement", "2023-06-01", None)
            .unwrap();
        assert_eq!(d.rule.unwrap().basis, "assumption");
        assert_eq!(d.text, d.reason.unwrap().text);
        // monitoring.incomeLine is a parameter and a rule.
        let d = engine
            .describe("monitoring.incomeLine", "2023-06-01", None)
            .unwrap();
        assert!(d.parameter.is_some() && d.rule.is_some());
        // An alert's id as an estimate gives it names its rule: every alert can be put in words.
        let d = engine
            .describe("schoolDropout", "2023-06-01", None)
            .unwrap();
        assert_eq!(
            d.rule.unwrap().source,
            "二(三)；《义务教育法》第二条、第十一条（转述）"
        );
        for (id, ..) in crate::estimate::alerts::ALERTS {
            assert!(engine.describe(id, "2023-06-01", None).is_ok(), "{id}");
        }
    }

    #[test]
    fn describe_refuses_an_unknown_id_with_the_nearest_and_bad_dates_and_regions() {
        let engine = Engine::new().unwrap();
        let e = engine
            .describe("dibao.standard.rurall", "2023-06-01", None)
            .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::UnknownParameter, "nameOrRule")
        );
        assert!(
            e.message.contains("是否应为“dibao.standard.rural”？"),
            "{}",
            e.message
        );
        let e = engine
            .describe("dibao.bse", "2023-06-01", None)
            .unwrap_err();
        assert!(e.message.contains("“dibao.base”"), "{}", e.message);
        let e = engine
            .describe("zzzzzzzzzzzzzz", "2023-06-01", None)
            .unwrap_err();
        assert!(
            e.message.contains("应为参数名、规则编号或原因编号"),
            "{}",
            e.message
        );
        let e = engine
            .describe("dibao.base", "2023-13-01", None)
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidDate);
        let e = engine
            .describe("dibao.base", "2023-06-01", Some("999999"))
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRegion);
    }
}
