//! The programmes: one module per policy item, each a pure `compute` that returns its figures (no
//! words) and an `explain` that writes the steps and reasons from them.
//!
//! The household programmes are listed once, in [`registry`]: the estimate, screening rows, register
//! columns, the command-line summary, the bindings and the `labels` export all follow that list.
//! Facts several programmes need (the 低保 standard, who is under 低保 or 特困) come from the
//! [`assistance`] context, computed once per household.

pub mod assets;
pub(crate) mod assistance;
pub mod care_services;
pub mod child_rehabilitation;
pub mod county;
pub mod credit;
pub mod dibao;
pub mod education;
pub mod forest_ranger;
pub mod groups;
pub mod housing;
pub mod indicators;
pub mod medical;
pub mod medical_premium;
pub mod monitoring;
pub mod orphan_allowance;
pub mod pension;
pub mod poverty_insurance;
pub mod public_post;
pub mod reasons;
pub mod registry;
pub mod tekun;
pub mod temporary;
pub mod transition;
pub mod work_relief;

use serde::Serialize;

use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::Household;
use crate::params::{Reader, StaleSet, UnofficialSet, Used};
use crate::policy::explain::{Citations, Explanation, Fact, Step};
use crate::policy::rules::{self, Assumptions, RuleId};
use assistance::Assistance;
use reasons::Why;

/// What every programme returns (`ProgramResult` in docs/api.md), with the programme's own figures after
/// the common fields. Explained, it carries its words (label, reasons, steps, facts, citations);
/// without, figures, booleans, ids and dates only. Standalone, it lists what it rested on
/// (`unofficial`, `stale`, `assumptions`); inside an estimate the estimate lists those once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeResult<F> {
    /// The household's `ref`, when it had one.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// 'dibao', 'tekun', 'monitoring', ...
    pub program: &'static str,
    /// Chinese name, e.g. 最低生活保障 (explained only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'static str>,
    pub eligible: bool,
    /// Money per month, where the programme pays monthly.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly: Option<Money>,
    /// Money for the 12 months from the date: for a monthly programme, monthly × 12 unless a
    /// payment ends, starts or changes within them (a 渐退 period ending, an allowance or 特困
    /// ending at 18, a 加发 changing at a birthday, a member joining 低保), then each month as
    /// paid; at the parameters' values on the date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annual: Option<Money>,
    /// Why, as reason ids (`labels().reason` gives each a sentence), explained or not.
    pub why: Why,
    /// The words, when explained: reasons, steps, facts, citations.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub words: Option<Words>,
    /// What the figures rested on, whether listed or not (the estimate gathers it); listed
    /// (`unofficial`, `stale`, `assumptions`) when the result stands alone.
    #[serde(flatten)]
    pub basis: Rested,
    #[serde(flatten)]
    pub figures: F,
}

/// The words of an explained result.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Words {
    /// Chinese sentences a member of staff can read out.
    pub reasons: Vec<String>,
    /// The trace.
    pub steps: Vec<Step>,
    /// The figures a card shows, labelled.
    pub facts: Vec<Fact>,
    /// Policy items applied, e.g. ['四(十)'].
    pub citations: Vec<&'static str>,
}

/// What a calculation rested on: the non-official figures, the stale ones and this calculator's
/// assumptions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Basis {
    pub unofficial: UnofficialSet,
    pub stale: StaleSet,
    pub assumptions: Assumptions,
}

/// A result's [`Basis`] (it reads as one), and whether the result lists it: a standalone result
/// does, with the sentences when explained; inside an estimate it does not (the estimate lists
/// each item once). Held once, not beside a copy for listing: results are moved whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rested {
    basis: Basis,
    /// `Some(explain)` when listed.
    listed: Option<bool>,
}

impl std::ops::Deref for Rested {
    type Target = Basis;
    fn deref(&self) -> &Basis {
        &self.basis
    }
}

/// Flattened into the result: `unofficial` (names of parameters used whose status is not
/// 'official'), `stale` (figures older than their update cycle on the date, `{ parameter, lastFrom,
/// text? }`) and `assumptions` (rules resting on no policy text or cited document, `{ rule, text?
/// }`) when listed; nothing otherwise.
impl Serialize for Rested {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let Some(words) = self.listed else {
            return s.serialize_struct("Listed", 0)?.end();
        };
        let mut listed = s.serialize_struct("Listed", 3)?;
        listed.serialize_field("unofficial", &self.basis.unofficial)?;
        listed.serialize_field(
            "stale",
            &crate::params::StaleList {
                set: self.basis.stale,
                words,
            },
        )?;
        listed.serialize_field(
            "assumptions",
            &crate::policy::rules::AssumptionList {
                set: self.basis.assumptions,
                words,
            },
        )?;
        listed.end()
    }
}

impl Basis {
    /// Add what another calculation rested on.
    pub fn extend(&mut self, other: &Basis) {
        self.unofficial.extend(other.unofficial);
        self.stale.extend(&other.stale);
        self.assumptions.extend(other.assumptions);
    }
}

/// A result reads as its figures too (`result.standard`), as it does in JavaScript.
impl<F> std::ops::Deref for ProgrammeResult<F> {
    type Target = F;
    fn deref(&self) -> &F {
        &self.figures
    }
}

impl<F> ProgrammeResult<F> {
    /// Assemble a result from its figures, its amounts and (when explained) its words.
    pub(crate) fn new(
        program: &'static str,
        label: &'static str,
        (amounts, why): (&Amounts, Why),
        (citations, assumptions): (Citations, Assumptions),
        reader: &Reader<'_>,
        words: Option<Explanation>,
        figures: F,
    ) -> Self {
        let explain = words.is_some();
        let basis = Basis {
            unofficial: reader.unofficial(),
            stale: reader.stale(),
            assumptions,
        };
        ProgrammeResult {
            reference: None,
            program,
            label: explain.then_some(label),
            eligible: amounts.eligible,
            monthly: amounts.monthly,
            annual: amounts.annual,
            why,
            words: words.map(|w| Words {
                citations: citations.and_steps(&w.steps).into_vec(),
                reasons: w.reasons,
                steps: w.steps,
                facts: w.facts,
            }),
            basis: Rested {
                basis,
                listed: Some(explain),
            },
            figures,
        }
    }

    /// The result echoing a household's `ref`.
    pub(crate) fn for_household(mut self, h: &Household<'_>) -> Self {
        self.reference.clone_from(&h.reference);
        self
    }

    /// The result as part of an estimate, which lists what its programmes rested on once.
    pub(crate) fn in_estimate(&mut self) {
        self.basis.listed = None;
    }

    /// Whether the result carries its words.
    pub fn explained(&self) -> bool {
        self.words.is_some()
    }

    /// The reasons, when explained (none otherwise).
    pub fn reasons(&self) -> &[String] {
        self.words.as_ref().map_or(&[], |w| &w.reasons)
    }

    /// The steps, when explained (none otherwise).
    pub fn steps(&self) -> &[Step] {
        self.words.as_ref().map_or(&[], |w| &w.steps)
    }
}

/// How a programme's three register columns read (docs/register.md's table is written from these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnNotes {
    /// What the amount is when it is not cash: `one-off`, `pay`, `in kind`, `a service`, `on the
    /// household's behalf`.
    pub kind: Option<&'static str>,
    /// The monthly column is always empty: the amount is not paid by the month.
    pub no_monthly: bool,
    /// The annual column is always 0.00: a service, not an amount.
    pub no_annual: bool,
    /// The annual amount is a ceiling, the most the programme pays (康复救助, to the institution):
    /// shown as its amount, in no total, never a change in money in a comparison.
    pub ceiling: bool,
}

impl ColumnNotes {
    /// Cash paid by the month: nothing to note.
    pub const MONTHLY: ColumnNotes = ColumnNotes {
        kind: None,
        no_monthly: false,
        no_annual: false,
        ceiling: false,
    };
    /// An amount for the year, its monthly column empty, of `kind` when it is not cash.
    pub const fn yearly(kind: Option<&'static str>) -> ColumnNotes {
        ColumnNotes {
            kind,
            no_monthly: true,
            no_annual: false,
            ceiling: false,
        }
    }
    /// The most the programme pays in the year (a ceiling, not money), of `kind`.
    pub const fn ceiling(kind: &'static str) -> ColumnNotes {
        ColumnNotes {
            ceiling: true,
            ..ColumnNotes::yearly(Some(kind))
        }
    }
}

/// How a programme's result counts: its own amounts, and what it adds to the household's totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Amounts {
    pub eligible: bool,
    /// The result's `monthly` (rounded).
    pub monthly: Option<Money>,
    /// The result's `annual`.
    pub annual: Option<Money>,
    /// Cash to the household each month (the estimate's `totalMonthly`).
    pub cash_monthly: Money,
    /// Cash to the household in the year (the estimate's `totalAnnual`).
    pub cash_annual: Money,
    /// The part of `cash_annual` paid once (not monthly).
    pub one_off: Money,
    /// Paid on the household's behalf or in kind, in the year.
    pub other_annual: Money,
    /// Pay for work in a post the programme offers (生态护林员, 乡村公益岗位), in the year: cash, but
    /// earned by working, not assistance, so kept out of the totals of support.
    pub earnings_annual: Money,
}

impl Amounts {
    /// A programme paying cash monthly: annual = the rounded monthly amount × 12.
    pub fn monthly(eligible: bool, monthly: Option<Money>) -> Result<Amounts> {
        let monthly = monthly.map(Money::round_fen);
        let annual = monthly.map(|m| m.checked_mul(12.into())).transpose()?;
        Ok(Amounts {
            eligible,
            monthly,
            annual,
            cash_monthly: monthly.unwrap_or_default(),
            cash_annual: annual.unwrap_or_default(),
            one_off: Money::ZERO,
            other_annual: Money::ZERO,
            earnings_annual: Money::ZERO,
        })
    }

    /// A programme paying cash monthly that ends within the year: annual as given (the rounded
    /// monthly amount × the months left, rule `annual.endsWithinYear`), `None` for × 12.
    pub fn monthly_for(
        eligible: bool,
        monthly: Option<Money>,
        annual: Option<Money>,
    ) -> Result<Amounts> {
        let mut a = Amounts::monthly(eligible, monthly)?;
        if let (Some(annual), Some(_)) = (annual, a.annual) {
            let annual = annual.round_fen();
            a.annual = Some(annual);
            a.cash_annual = annual;
        }
        Ok(a)
    }

    /// A result that pays nothing by itself (monitoring, a verdict, a loan's terms).
    pub fn verdict(eligible: bool) -> Amounts {
        Amounts {
            eligible,
            ..Amounts::default()
        }
    }
}

/// A household programme: figures computed from the household and its assistance context, then
/// explained on demand.
pub trait HouseholdProgramme: Sized + Serialize {
    /// How its register columns read.
    const COLUMNS: ColumnNotes = ColumnNotes::MONTHLY;
    /// Read parameters through `r` and compute the figures. No words. The context holds what the
    /// programmes listed before this one decided.
    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self>;
    /// Add what this programme decided to the context, for the programmes listed after it; `used`
    /// is what its figures rested on.
    fn contribute(&self, _a: &mut Assistance, _used: Used) -> Result<()> {
        Ok(())
    }
    /// Eligibility, the result's amounts, and what it adds to the household's totals.
    fn amounts(&self) -> Result<Amounts>;
    /// The policy items the figures applied, in order of first use.
    fn citations(&self) -> Citations;
    /// The assumptions of this calculator the figures rest on (see `rules`).
    fn assumptions(&self) -> Assumptions {
        Assumptions::default()
    }
    /// Why the figures are what they are, as reason ids (at least one).
    fn why(&self) -> Why;
    /// Before [`HouseholdProgramme::explain`], read through `r` what only the words need (whose
    /// figure a parameter is), so that an unexplained result reads nothing for them.
    fn read_for_words(&mut self, _h: &Household<'_>, _r: &Reader<'_>) {}
    /// The steps and reasons. May also fill the figures' own word fields (a member's reasons).
    fn explain(&mut self, h: &Household<'_>, a: &Assistance, e: &mut Explanation);
    /// Hand the alerts what they read of these figures, when a screening row keeps no result.
    fn keep_for_alerts(self, _kept: &mut ForAlerts) {}
}

/// Run one household programme: compute, add its decisions to the context, explain when asked,
/// assemble the result; `counted` gets the result's [`Amounts`] (what it adds to the household's
/// totals), worked once for both.
pub(crate) fn run<F: HouseholdProgramme>(
    program: &'static str,
    label: &'static str,
    h: &Household<'_>,
    a: &mut Assistance,
    reader: &Reader<'_>,
    explain: bool,
    counted: &mut Amounts,
) -> Result<ProgrammeResult<F>> {
    let mut r = reader.clone();
    let mut figures = F::compute(h, a, &mut r)?;
    figures.contribute(a, r.used())?;
    let assumed = carried_on(figures.assumptions(), &mut r)?;
    let words = explain.then(|| {
        let mut words = Explanation::default();
        figures.read_for_words(h, &r);
        figures.explain(h, a, &mut words);
        say_changes(&r, &figures.citations(), &mut words);
        words.say_assumptions(assumed);
        words
    });
    *counted = figures.amounts()?;
    Ok(ProgrammeResult::common(
        program,
        label,
        (counted, figures.why()),
        // The citations are words: only an explained result carries them.
        (
            if explain {
                figures.citations()
            } else {
                Citations::default()
            },
            assumed,
        ),
        &r,
        words,
        h,
    )
    .with(figures))
}

/// `assumed`, with `transition.carriedValues` when the figures rest on a value carried past the
/// transition period (see `Reader::carried`).
fn carried_on(mut assumed: Assumptions, r: &mut Reader<'_>) -> Result<Assumptions> {
    assumed.add_if(r.carried()?, rules::TRANSITION_CARRIED_VALUES);
    assumed.add_if(!r.changing().is_empty(), rules::ANNUAL_STANDARD_OF_DATE);
    Ok(assumed)
}

/// The step of `annual.standardOfDate`: each parameter the figures read whose value changes
/// within the 12 months from the date, with its value on the date and the later one, and that
/// the year is counted at the date's value. Nothing when none changes.
#[cold]
#[inline(never)]
fn say_changes(r: &Reader<'_>, citations: &Citations, e: &mut Explanation) {
    if r.changing().is_empty() {
        return;
    }
    use std::fmt::Write as _;
    // One string written in place (a list of sentences joined cost the module some kilobytes).
    let mut text = String::new();
    for spec in r.changing().specs() {
        let Some((now, later)) = r.change_of(spec) else {
            continue;
        };
        let lead = if text.is_empty() {
            "测算日期起12个月内参数另有取值："
        } else {
            "；"
        };
        // One `write!`: a push of each piece cost more in the module.
        let _ = write!(
            text,
            "{lead}{}，{} 起为 {}（测算日期为 {}）",
            spec.label,
            crate::base::calendar::format_date(later.from),
            crate::params::value_text(spec, &later.value),
            crate::params::value_text(spec, &now.value)
        );
    }
    if text.is_empty() {
        return;
    }
    text.push_str("。全年按测算日期的取值计满12个月，不按月分段。");
    // As a rule id: the steps' one body for every rule, not another for an assumption's id.
    let rule = RuleId::from(rules::ANNUAL_STANDARD_OF_DATE);
    e.step_citing(rule, citations.for_rule(rule), text, None);
}

impl ProgrammeResult<()> {
    /// A household programme's result but its figures: in the module, one body for the thirteen
    /// programmes instead of a copy in each; natively inlined, where the copies it makes cost
    /// instructions (about 3,000 a household).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn common(
        program: &'static str,
        label: &'static str,
        amounts: (&Amounts, Why),
        basis: (Citations, Assumptions),
        reader: &Reader<'_>,
        words: Option<Explanation>,
        h: &Household<'_>,
    ) -> Self {
        ProgrammeResult::new(program, label, amounts, basis, reader, words, ()).for_household(h)
    }

    /// The result with its figures.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn with<F>(self, figures: F) -> ProgrammeResult<F> {
        ProgrammeResult {
            reference: self.reference,
            program: self.program,
            label: self.label,
            eligible: self.eligible,
            monthly: self.monthly,
            annual: self.annual,
            why: self.why,
            words: self.words,
            basis: self.basis,
            figures,
        }
    }
}

/// Run one household programme for a screening row: the figures computed as [`run`] computes
/// them, unexplained, and only their amounts handed to `row` (no result assembled). A row lists
/// what its programmes rested on together, so they read through one reader, `r` (no copy of it
/// for each, and what one hands the context to rest on is read already): what it records over
/// the programmes is the union their results' would give. A row lists no assumptions: none are
/// gathered. What the alerts read of the figures goes to `kept`.
pub(crate) fn run_for_row<F: HouseholdProgramme>(
    h: &Household<'_>,
    a: &mut Assistance,
    r: &mut Reader<'_>,
    kept: &mut ForAlerts,
    row: &mut dyn FnMut(&Amounts) -> Result<()>,
) -> Result<()> {
    // Computed and added to the context as `run` does, the figures read where they were
    // returned (moved out, the larger are copied: 低保's are most of a kilobyte).
    let computed = F::compute(h, a, r);
    let Ok(figures) = &computed else {
        return computed.map(|_| ());
    };
    figures.contribute(a, r.used())?;
    row(&figures.amounts()?)?;
    if let Ok(figures) = computed {
        figures.keep_for_alerts(kept);
    }
    Ok(())
}

/// What the programmes of a screening row rested on together, once they all ran through `r`
/// (see [`run_for_row`]): the non-official and stale figures `r` recorded. No assumptions: a row
/// lists none (its programmes' and `transition.carriedValues` would be worked out for nothing).
pub(crate) fn row_basis(r: &Reader<'_>) -> Basis {
    Basis {
        unofficial: r.unofficial(),
        stale: r.stale(),
        assumptions: Assumptions::default(),
    }
}

/// An empty list for `n()` elements. Natively allocated at that size at once: grown from empty, a
/// list takes the long way to its first allocation (about 90 instructions). The module grows it
/// as it is filled, without the count (its bytes count more there).
#[inline(always)]
pub(crate) fn list_for<T>(n: impl FnOnce() -> usize) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    return Vec::with_capacity(n());
    #[cfg(target_arch = "wasm32")]
    {
        let _ = n;
        Vec::new()
    }
}

/// The programme figures the alerts read (a screening row keeps no results to find them in).
#[derive(Debug, Default)]
pub struct ForAlerts {
    pub housing: Option<housing::HousingFigures>,
}
