//! The whole household at once: transition status, monitoring, and every household programme of the
//! registry, with the cash support they add up to; and how that support changes as income varies
//! (with its cliffs).
//!
//! Three kinds of amount, kept apart. Cash support (`totalAnnual`) counts what reaches the household
//! as money: 低保 and 特困 (monthly, × 12), 临时救助 (one-off), and the cash education aids (寄宿生生活补助,
//! 国家助学金, 雨露计划). Premiums paid on the household's behalf (养老保险代缴) and in-kind aid
//! (营养改善计划 meals) are `totalOnBehalf`. Pay for work in a post (`totalEarnings`) is cash, but earned,
//! not assistance. Each programme says which is which (`amounts`), per programme in `contributions`.
//!
//! Beside the estimate, what is made of it: [`alerts`] (what staff must act on), [`screening`] (a
//! register row's figures), [`columns`] (rows as typed columns), [`batch`] (households in bulk),
//! [`compare`] (two estimates: a what-if, two dates) and [`labels`] (the Chinese names of every id).

pub mod alerts;
pub mod batch;
pub mod columns;
pub mod compare;
pub mod labels;
pub mod rested;
pub mod screening;

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use crate::base::error::{PolicyError, Result};
use crate::base::money::Money;
use crate::input::model::{Household, HouseholdInput, IncomeInput, Lens, MoneyInput};
use crate::input::requests::CurveOptions;
use crate::params::{Kept, ParameterSet, Reader};
use crate::programs::assistance::Assistance;
use crate::programs::monitoring::{self, MonitoringResult};
use crate::programs::registry::{self, ProgrammeOutcome};
use crate::programs::transition::{self, TransitionStatus};
use crate::programs::Basis;

/// The most points an income curve may have.
pub const MAX_CURVE_POINTS: usize = 2001;

/// Monthly amounts are rounded to the fen before × 12, so support that falls one-for-one with
/// income can still step by up to 12 fen a year per monthly programme (低保 and 特困): drops within
/// that slack are rounding, not cliffs.
fn rounding_slack() -> Money {
    // 1 fen × 12 months × 2 monthly programmes = 0.24 yuan.
    Money::from_decimal(Decimal::new(24, 2))
}

/// What a programme adds to the household's support.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Contribution {
    pub program: &'static str,
    pub label: &'static str,
    /// Money per year reaching the household as cash.
    #[tsify(type = "string")]
    pub cash_annual: Money,
    /// The part of `cashAnnual` paid once, not every month (临时救助); 0.00 for monthly support.
    #[tsify(type = "string")]
    pub one_off: Money,
    /// Money per year paid on its behalf or given in kind (not counted in the totals).
    #[tsify(type = "string")]
    pub other_annual: Money,
    /// Money per year paid for work in a post (cash, earned: not in the totals of support).
    #[tsify(type = "string")]
    pub earnings_annual: Money,
}

/// Every programme for one household. Explained, it carries each programme's words, the transition
/// in full and each programme's contribution to the totals; unexplained, figures, booleans, ids and
/// dates only (a lean answer: the same amounts, without the words). What the programmes rested on
/// (non-official and stale figures, assumptions) is listed once, each item with the parts that used
/// it.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    /// The household's `ref`, when it had one.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reference: Option<String>,
    pub as_of: String,
    /// Shared between the estimates of a batch on the same date and region (computed once).
    /// Unexplained: `{ phase, year?, daysRemaining, fundIntegrationPilot }`.
    #[tsify(type = "TransitionStatus | LeanTransition")]
    pub transition: Arc<TransitionStatus>,
    /// Without `unofficial`, `stale` and `assumptions`: the estimate lists them once.
    #[tsify(type = "ProgramResultBase<'monitoring'> & MonitoringFigures")]
    pub monitoring: MonitoringResult,
    /// Every household programme, in the order of the registry.
    #[tsify(type = "ProgramOutcome[]")]
    pub programs: Vec<ProgrammeOutcome>,
    /// What each programme adds to the totals (explained estimates only).
    #[tsify(optional)]
    pub contributions: Vec<Contribution>,
    /// What staff must act on (控辍保学, 应保尽保, 参保动员, 住房和饮水安全), with the members concerned.
    pub alerts: Vec<crate::estimate::alerts::Alert>,
    /// Monthly cash support: the monthly cash of the programmes `registry::TOTALS` lists for it.
    #[tsify(type = "string")]
    pub total_monthly: Money,
    /// Annual cash support: the cash of the 12 months from the date, each programme's `annual`
    /// (not always `totalMonthly` × 12: a payment that ends, starts or changes within the 12
    /// months counts the months it is paid), one-off payments and cash paid by the year, of the
    /// programmes `registry::TOTALS` lists for it.
    #[tsify(type = "string")]
    pub total_annual: Money,
    /// The part of `totalAnnual` paid once, not monthly, by the programmes `registry::TOTALS` lists
    /// for it.
    #[tsify(type = "string")]
    pub total_one_off: Money,
    /// Paid on the household's behalf or given in kind in the year, not in `totalAnnual`, by the
    /// programmes `registry::TOTALS` lists for it.
    #[tsify(type = "string")]
    pub total_on_behalf: Money,
    /// Pay for work in the posts the household may hold, in the year: cash, but earned, so not in
    /// `totalAnnual`; the programmes `registry::TOTALS` lists for it.
    #[tsify(type = "string")]
    pub total_earnings: Money,
    /// Every non-official parameter the estimate rests on, with the parts that used it.
    #[tsify(type = "UnofficialUse[]")]
    pub unofficial: crate::params::UnofficialSet,
    /// Every figure the estimate rests on that is older than its update cycle, with the parts that
    /// used it.
    #[tsify(type = "StaleUse[]")]
    pub stale: crate::params::StaleSet,
    /// Every assumption of this calculator the estimate rests on, with the parts that used it.
    #[tsify(type = "AssumptionUse[]")]
    pub assumptions: crate::policy::rules::Assumptions,
    /// What the alerts rested on (listed as used by `alerts`).
    #[serde(skip)]
    pub alerts_basis: Basis,
    /// Whether the estimate carries its words.
    #[serde(skip)]
    pub explained: bool,
}

impl Estimate {
    /// A programme's result by its id ('dibao', 'tekun', …).
    pub fn program(&self, id: &str) -> Option<&ProgrammeOutcome> {
        self.programs.iter().find(|p| p.id() == id)
    }
}

/// The transition status depends only on the date and the region: a batch computes it once per
/// region it meets and every estimate shares it.
#[derive(Debug, Default)]
pub struct Transitions {
    seen: Vec<Seen>,
    /// The parameter values each date and region of the batch resolved to, found once.
    resolved: Kept,
    /// The last date read from its text, and that text (the command-line tool's batches; the
    /// module reads the date of each call).
    #[cfg(not(target_arch = "wasm32"))]
    dated: Option<(String, NaiveDate)>,
}

/// A status kept, by date, region code and whether it has its words; and its JSON text once asked
/// for (a single `transition()` call answers with the text, not the status).
#[derive(Debug)]
struct Seen {
    on: NaiveDate,
    code: u32,
    explain: bool,
    status: Arc<TransitionStatus>,
    text: Option<Arc<str>>,
}

/// How many statuses a [`Transitions`] keeps (every region of the province on a few dates); past
/// it, it starts again.
const TRANSITIONS_KEPT: usize = 512;

impl Transitions {
    /// The status on the reader's date for its region, computed once.
    pub(crate) fn get(
        &mut self,
        reader: &Reader<'_>,
        explain: bool,
    ) -> Result<Arc<TransitionStatus>> {
        self.entry(reader, explain).map(|e| Arc::clone(&e.status))
    }

    /// The status as JSON text (what `transition()` returns), written once.
    pub(crate) fn text(&mut self, reader: &Reader<'_>, explain: bool) -> Result<Arc<str>> {
        let entry = self.entry(reader, explain)?;
        if let Some(text) = &entry.text {
            return Ok(Arc::clone(text));
        }
        let text: Arc<str> = serde_json::to_string(&*entry.status)
            .map_err(|_| PolicyError::invalid_input("", "结果转换失败"))?
            .into();
        entry.text = Some(Arc::clone(&text));
        Ok(text)
    }

    /// `reader`, reading parameters through the values kept for the batch on its date and region.
    pub(crate) fn keeping<'r, 'a: 'r>(&'r mut self, reader: Reader<'a>) -> Reader<'r> {
        match self.resolved.serving(&reader) {
            Some(resolved) => reader.with_resolved(resolved),
            None => reader,
        }
    }

    /// The date `as_of` names (`asOf`'s error when it names none), read once for the households
    /// of a batch that give the same text.
    pub(crate) fn date(&mut self, as_of: &str) -> Result<NaiveDate> {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some((text, on)) = &self.dated {
            if text == as_of {
                return Ok(*on);
            }
        }
        let on = crate::base::calendar::parse_date(as_of, "asOf")?;
        #[cfg(not(target_arch = "wasm32"))]
        {
            self.dated = Some((as_of.to_string(), on));
        }
        Ok(on)
    }

    /// The values the batch keeps, for a household's check to read through.
    pub(crate) fn kept(&mut self) -> &mut Kept {
        &mut self.resolved
    }

    fn entry(&mut self, reader: &Reader<'_>, explain: bool) -> Result<&mut Seen> {
        let on = reader.on();
        let code = reader.region().map(|r| r.code).unwrap_or_default();
        let found = self
            .seen
            .iter()
            .position(|s| (s.on, s.code, s.explain) == (on, code, explain));
        let at = match found {
            Some(at) => at,
            None => {
                // From a fresh reader: the status rests on the transition parameters alone.
                let mut fresh = Reader::new(reader.set(), on, reader.region());
                let status = Arc::new(transition::transition(&mut fresh, explain)?);
                if self.seen.len() >= TRANSITIONS_KEPT {
                    self.seen.clear();
                }
                self.seen.push(Seen {
                    on,
                    code,
                    explain,
                    status,
                    text: None,
                });
                self.seen.len().saturating_sub(1)
            }
        };
        self.seen
            .get_mut(at)
            .ok_or_else(|| PolicyError::invalid_input("", "过渡期状态缓存有误"))
    }
}

/// Every programme for one household. With `explain` off the amounts and every structured field are
/// the same, but no step or reason is written (`steps` and `reasons` are empty): the fast path for
/// screening registers.
pub fn estimate(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    explain: bool,
) -> Result<Estimate> {
    estimate_in(set, h, on, explain, &mut Transitions::default())
}

/// [`estimate`], sharing the transition statuses of a batch.
pub fn estimate_in(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    explain: bool,
    transitions: &mut Transitions,
) -> Result<Estimate> {
    estimate_through(set, h, on, explain, transitions, Lens::default())
}

/// [`estimate_in`], with parameters and ages held at the dates of `lens` (a comparison of dates).
pub(crate) fn estimate_through(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    explain: bool,
    transitions: &mut Transitions,
    lens: Lens,
) -> Result<Estimate> {
    // The household is checked once; every programme starts from the same reader.
    let (household, reader) = Household::read_through(h, set, on, lens, Some(transitions.kept()))?;
    let transition = transitions.get(&reader, explain)?;
    let reader = transitions.keeping(reader);
    let mut monitoring = monitoring::run(&household, &reader, explain)?;
    let mut assistance = Assistance::of(&household, &reader)?;
    let mut amounts = [crate::programs::Amounts::default(); registry::PROGRAMMES.len()];
    let mut programs =
        registry::run_all(&household, &mut assistance, &reader, explain, &mut amounts)?;
    let mut contributions = Vec::with_capacity(programs.len());
    let mut totals = Totals::default();
    let mut basis = rested_on(&monitoring.basis, &transition);
    for (p, a) in programs.iter_mut().zip(amounts) {
        totals.add(&a)?;
        basis.extend(p.basis());
        p.in_estimate();
        contributions.push(Contribution::of(p.id(), p.label(), &a));
    }
    monitoring.in_estimate();
    let (mut alerts, alerts_basis) = alerts_of(
        &household,
        &assistance,
        crate::estimate::alerts::housing_of(&programs),
        &reader,
    )?;
    if explain {
        alerts
            .iter_mut()
            .for_each(crate::estimate::alerts::Alert::explain);
    }
    basis.extend(&alerts_basis);
    Ok(Estimate {
        reference: household.reference.clone(),
        as_of: transition.as_of.clone(),
        transition,
        monitoring,
        programs,
        contributions,
        alerts,
        total_monthly: totals.monthly,
        total_annual: totals.annual,
        total_one_off: totals.one_off,
        total_on_behalf: totals.on_behalf,
        total_earnings: totals.earnings,
        unofficial: basis.unofficial,
        stale: basis.stale,
        assumptions: basis.assumptions,
        alerts_basis,
        explained: explain,
    })
}

impl Contribution {
    /// What programme `program` (`label`) adds, from its amounts.
    pub(crate) fn of(
        program: &'static str,
        label: &'static str,
        a: &crate::programs::Amounts,
    ) -> Self {
        Contribution {
            program,
            label,
            cash_annual: a.cash_annual,
            one_off: a.one_off,
            other_annual: a.other_annual,
            earnings_annual: a.earnings_annual,
        }
    }

    /// What the programme adds in the year: cash, on the household's behalf or pay for a post. The
    /// one annual figure comparisons count (a screening row's `annual` without a ceiling).
    pub fn annual(&self) -> Result<Money> {
        self.cash_annual
            .checked_add(self.other_annual)?
            .checked_add(self.earnings_annual)
    }
}

/// A household's totals, added up from its programmes' amounts.
#[derive(Default)]
pub(crate) struct Totals {
    pub monthly: Money,
    pub annual: Money,
    pub one_off: Money,
    pub on_behalf: Money,
    pub earnings: Money,
}

impl Totals {
    /// [`Totals::add`] of the cash alone, monthly and in the year: all a screening row shows of
    /// the totals (the others cost it an addition each for most programmes).
    pub(crate) fn add_cash(&mut self, a: &crate::programs::Amounts) -> Result<()> {
        self.monthly = self.monthly.checked_add(a.cash_monthly)?;
        self.annual = self.annual.checked_add(a.cash_annual)?;
        Ok(())
    }

    pub(crate) fn add(&mut self, a: &crate::programs::Amounts) -> Result<()> {
        // Most programmes of a household pay nothing: nothing to add (an addition of zero is the
        // sum as it was).
        if a.cash_annual.is_zero()
            && a.cash_monthly.is_zero()
            && a.other_annual.is_zero()
            && a.one_off.is_zero()
            && a.earnings_annual.is_zero()
        {
            return Ok(());
        }
        self.monthly = self.monthly.checked_add(a.cash_monthly)?;
        self.annual = self.annual.checked_add(a.cash_annual)?;
        self.one_off = self.one_off.checked_add(a.one_off)?;
        self.on_behalf = self.on_behalf.checked_add(a.other_annual)?;
        self.earnings = self.earnings.checked_add(a.earnings_annual)?;
        Ok(())
    }
}

/// What a household's answer rests on before its programmes: the monitoring verdict's basis and
/// the transition status's non-official and stale figures.
pub(crate) fn rested_on(monitoring: &Basis, transition: &TransitionStatus) -> Basis {
    let mut basis = *monitoring;
    basis.unofficial.extend(transition.unofficial);
    basis.stale.extend(&transition.stale);
    basis
}

/// The alerts of a household after its programmes ran, and what they rested on.
pub(crate) fn alerts_of(
    household: &Household<'_>,
    assistance: &Assistance,
    housing: Option<&crate::programs::housing::HousingFigures>,
    reader: &Reader<'_>,
) -> Result<(Vec<crate::estimate::alerts::Alert>, Basis)> {
    let (alerts, used, assumed) =
        crate::estimate::alerts::alerts(household, assistance, housing, reader)?;
    let basis = Basis {
        unofficial: used.unofficial,
        stale: used.stale,
        assumptions: assumed,
    };
    Ok((alerts, basis))
}

// ---------------------------------------------------------------------------------------------
// Income curve

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CurvePoint {
    /// The household's annual income other than wages (replacing business, property, transfer, other).
    #[tsify(type = "string")]
    pub income: Money,
    #[tsify(type = "string")]
    pub total_monthly: Money,
    #[tsify(type = "string")]
    pub total_annual: Money,
    /// Cash per programme, annual, in the order of `Estimate.contributions`.
    #[tsify(type = "ProgramAmount[]")]
    pub programs: Vec<ProgrammeAmount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
// `ProgramAmount` in TypeScript, as docs/api.md names it.
#[serde(rename_all = "camelCase")]
#[tsify(rename = "ProgramAmount")]
pub struct ProgrammeAmount {
    pub program: &'static str,
    #[tsify(type = "string")]
    pub annual: Money,
}

/// Where one more step of income loses more support than it adds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Cliff {
    #[tsify(type = "string")]
    pub from_income: Money,
    #[tsify(type = "string")]
    pub to_income: Money,
    /// Support lost, annual.
    #[tsify(type = "string")]
    pub drop: Money,
    /// The programmes whose support fell.
    pub programs: Vec<&'static str>,
    /// Chinese: what happens here (when explained).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub text: Option<String>,
}

/// Where more income brings more support (the 单人户 rule can do this as income crosses the 低保
/// standard: the household loses its small 补差 but a seriously ill or severely disabled member is
/// then covered alone at the average subsidy level plus 加发).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Rise {
    #[tsify(type = "string")]
    pub from_income: Money,
    #[tsify(type = "string")]
    pub to_income: Money,
    /// Support gained, annual.
    #[tsify(type = "string")]
    pub gain: Money,
    /// The programmes whose support rose.
    pub programs: Vec<&'static str>,
    /// Chinese: what happens here (when explained).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IncomeCurve {
    pub points: Vec<CurvePoint>,
    pub cliffs: Vec<Cliff>,
    pub rises: Vec<Rise>,
}

impl IncomeCurve {
    /// The curve without its sentences (a lean `incomeCurve`'s): the cliffs' and rises' `text`.
    pub fn without_words(mut self) -> IncomeCurve {
        self.cliffs.iter_mut().for_each(|c| c.text = None);
        self.rises.iter_mut().for_each(|r| r.text = None);
        self
    }
}

/// The household with its non-wage income replaced by `income` (as `other`).
pub fn with_income(h: &HouseholdInput, income: Money) -> HouseholdInput {
    let mut h = h.clone();
    h.income = Some(IncomeInput {
        other: Some(MoneyInput(income)),
        ..IncomeInput::default()
    });
    h
}

/// The household's support as its non-wage income runs from `opts.from` to `opts.to`: the points,
/// and where support falls by more than the income gained or rises with it.
pub fn income_curve(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    opts: CurveOptions,
) -> Result<IncomeCurve> {
    let points = curve_points(set, h, on, opts)?;
    let (cliffs, rises) = cliffs_and_rises(&points)?;
    Ok(IncomeCurve {
        points,
        cliffs,
        rises,
    })
}

/// The curve's points: the household's support at each income from `opts.from` to `opts.to`.
fn curve_points(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    opts: CurveOptions,
) -> Result<Vec<CurvePoint>> {
    let CurveOptions { from, to, step } = opts;
    if step.is_zero() || step.is_negative() {
        return Err(PolicyError::out_of_range("opts.step", "步长应大于 0"));
    }
    if to < from {
        return Err(PolicyError::out_of_range("opts.to", "终点不能小于起点"));
    }
    let span = to
        .checked_sub(from)?
        .checked_div(step.decimal())?
        .decimal()
        // Not negative (checked above): its floor, without `floor`'s inlined subtraction.
        .trunc();
    if span >= Decimal::from(MAX_CURVE_POINTS) {
        return Err(PolicyError::out_of_range(
            "opts.step",
            format!("点数过多（最多 {MAX_CURVE_POINTS} 个），请加大步长"),
        ));
    }
    let mut points = Vec::new();
    let mut x = from;
    while x <= to {
        // Only the amounts are plotted: no explanation is written for the points.
        let e = estimate(set, &with_income(h, x), on, false)?;
        points.push(CurvePoint {
            income: x,
            total_monthly: e.total_monthly,
            total_annual: e.total_annual,
            programs: e
                .contributions
                .iter()
                .map(|c| ProgrammeAmount {
                    program: c.program,
                    annual: c.cash_annual,
                })
                .collect(),
        });
        x = x.checked_add(step)?;
    }
    Ok(points)
}

/// Where support falls by more than the income gained (a cliff), and where it rises with income.
fn cliffs_and_rises(points: &[CurvePoint]) -> Result<(Vec<Cliff>, Vec<Rise>)> {
    let mut cliffs = Vec::new();
    let mut rises = Vec::new();
    let slack = rounding_slack();
    for w in points.windows(2) {
        let [a, b] = w else { continue };
        let gained = b.income.checked_sub(a.income)?;
        let lost = a.total_annual.checked_sub(b.total_annual)?;
        let support_gain = b.total_annual.checked_sub(a.total_annual)?;
        if support_gain > slack {
            let rose: Vec<&str> = a
                .programs
                .iter()
                .zip(&b.programs)
                .filter(|(p, q)| q.annual > p.annual)
                .map(|(p, _)| p.program)
                .collect();
            rises.push(Rise {
                from_income: a.income,
                to_income: b.income,
                gain: support_gain,
                programs: rose.clone(),
                text: Some(format!(
                    "收入从 {} 增至 {} 元，帮扶反而增加 {support_gain} 元（{}）。",
                    a.income,
                    b.income,
                    programme_labels(&rose)
                )),
            });
        }
        if lost > gained.checked_add(slack)? {
            let fell: Vec<&str> = a
                .programs
                .iter()
                .zip(&b.programs)
                .filter(|(p, q)| q.annual < p.annual)
                .map(|(p, _)| p.program)
                .collect();
            cliffs.push(Cliff {
                from_income: a.income,
                to_income: b.income,
                drop: lost,
                programs: fell.clone(),
                text: Some(format!(
                    "收入从 {} 增至 {} 元，帮扶减少 {} 元（{}），超过增加的收入：家庭反而变少。",
                    a.income,
                    b.income,
                    lost,
                    programme_labels(&fell)
                )),
            });
        }
    }
    Ok((cliffs, rises))
}

/// Programmes by their Chinese names, for a sentence: 最低生活保障、特困人员救助供养.
fn programme_labels(ids: &[&str]) -> String {
    let labels: Vec<&str> = ids
        .iter()
        .map(|id| registry::programme(id).map_or(*id, |p| p.label))
        .collect();
    labels.join("、")
}

// ---------------------------------------------------------------------------------------------
// Writing an estimate

/// The parts of an estimate that are not programmes, with their words (`labels().part`):
/// `usedBy` names them beside the programmes' ids.
pub const PARTS: [(&str, &str); 2] = [TRANSITION_PART, ALERTS_PART];
const TRANSITION_PART: (&str, &str) = ("transition", "过渡期");
const ALERTS_PART: (&str, &str) = ("alerts", "需关注事项");

/// The parts of an estimate, each with what it rested on: the transition, monitoring, every
/// programme, the alerts. `usedBy` names them by these ids.
fn parts(e: &Estimate) -> Vec<(&'static str, Basis)> {
    let mut parts = Vec::with_capacity(e.programs.len().saturating_add(3));
    parts.push((
        TRANSITION_PART.0,
        Basis {
            unofficial: e.transition.unofficial,
            stale: e.transition.stale,
            assumptions: crate::policy::rules::Assumptions::default(),
        },
    ));
    parts.push((monitoring::ID, *e.monitoring.basis));
    parts.extend(e.programs.iter().map(|p| (p.id(), *p.basis())));
    parts.push((ALERTS_PART.0, e.alerts_basis));
    parts
}

/// The ids of the parts whose basis satisfies `uses`.
struct UsedBy<'a, F>(&'a [(&'static str, Basis)], F);

impl<F: Fn(&Basis) -> bool> Serialize for UsedBy<'_, F> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .iter()
                .filter(|(_, b)| (self.1)(b))
                .map(|(id, _)| *id),
        )
    }
}

/// `[{ parameter, usedBy }]`: every parameter of the union `.0`, with the parts that used it.
pub(crate) struct UnofficialUses<'a>(pub &'a Basis, pub &'a [(&'static str, Basis)]);

impl Serialize for UnofficialUses<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        let mut seq = s.serialize_seq(Some(self.0.unofficial.len()))?;
        for name in self.0.unofficial.iter() {
            seq.serialize_element(&UnofficialUse(name, self.1))?;
        }
        return seq.end();

        struct UnofficialUse<'a>(&'static str, &'a [(&'static str, Basis)]);
        impl Serialize for UnofficialUse<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let mut o = s.serialize_struct("UnofficialUse", 2)?;
                o.serialize_field("parameter", self.0)?;
                o.serialize_field(
                    "usedBy",
                    &UsedBy(self.1, |b: &Basis| b.unofficial.contains(self.0)),
                )?;
                o.end()
            }
        }
    }
}

/// `[{ parameter, lastFrom, usedBy, text? }]` (`text` when `.2`).
pub(crate) struct StaleUses<'a>(pub &'a Basis, pub &'a [(&'static str, Basis)], pub bool);

impl Serialize for StaleUses<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        let mut seq = s.serialize_seq(Some(self.0.stale.len()))?;
        for entry in self.0.stale.entries() {
            seq.serialize_element(&StaleUse(entry, self.1, self.2))?;
        }
        return seq.end();

        struct StaleUse<'a>(crate::params::StaleEntry, &'a [(&'static str, Basis)], bool);
        impl Serialize for StaleUse<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let name = self.0.parameter;
                let mut o = s.serialize_struct("StaleUse", 4)?;
                o.serialize_field("parameter", name)?;
                o.serialize_field("lastFrom", &self.0.last_from)?;
                o.serialize_field(
                    "usedBy",
                    &UsedBy(self.1, |b: &Basis| b.stale.contains(name)),
                )?;
                if self.2 {
                    o.serialize_field("text", &self.0.text)?;
                }
                o.end()
            }
        }
    }
}

/// `[{ rule, usedBy, text? }]` (`text` when `.2`).
pub(crate) struct AssumptionUses<'a>(pub &'a Basis, pub &'a [(&'static str, Basis)], pub bool);

impl Serialize for AssumptionUses<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq, SerializeStruct};
        let mut seq = s.serialize_seq(None)?;
        for rule in self.0.assumptions.iter() {
            seq.serialize_element(&AssumptionUse(rule, self.1, self.2))?;
        }
        return seq.end();

        struct AssumptionUse<'a>(
            &'static crate::policy::rules::Rule,
            &'a [(&'static str, Basis)],
            bool,
        );
        impl Serialize for AssumptionUse<'_> {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> std::result::Result<S::Ok, S::Error> {
                let rule = self.0;
                let mut o = s.serialize_struct("AssumptionUse", 3)?;
                o.serialize_field("rule", rule.id)?;
                o.serialize_field(
                    "usedBy",
                    &UsedBy(self.1, |b: &Basis| b.assumptions.includes(rule)),
                )?;
                if self.2 {
                    o.serialize_field("text", self.0.text)?;
                }
                o.end()
            }
        }
    }
}

/// An unexplained estimate's transition: `{ phase, year?, daysRemaining, fundIntegrationPilot }`.
struct LeanTransition<'a>(&'a TransitionStatus);

impl Serialize for LeanTransition<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let t = self.0;
        let mut o = s.serialize_struct("LeanTransition", 4)?;
        o.serialize_field("phase", &t.phase)?;
        if let Some(year) = t.year {
            o.serialize_field("year", &year)?;
        }
        o.serialize_field("daysRemaining", &t.days_remaining)?;
        o.serialize_field("fundIntegrationPilot", &t.fund_integration_pilot)?;
        o.end()
    }
}

impl Serialize for Estimate {
    /// Explained: the transition in full and the contributions; unexplained, neither. What the
    /// parts rested on, once each, with `usedBy`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let parts = parts(self);
        let mut o = s.serialize_struct("Estimate", 16)?;
        if let Some(r) = &self.reference {
            o.serialize_field("ref", r)?;
        }
        o.serialize_field("asOf", &self.as_of)?;
        if self.explained {
            o.serialize_field("transition", &*self.transition)?;
        } else {
            o.serialize_field("transition", &LeanTransition(&self.transition))?;
        }
        o.serialize_field("monitoring", &self.monitoring)?;
        o.serialize_field("programs", &self.programs)?;
        if self.explained {
            o.serialize_field("contributions", &self.contributions)?;
        }
        o.serialize_field("alerts", &self.alerts)?;
        o.serialize_field("totalMonthly", &self.total_monthly)?;
        o.serialize_field("totalAnnual", &self.total_annual)?;
        o.serialize_field("totalOneOff", &self.total_one_off)?;
        o.serialize_field("totalOnBehalf", &self.total_on_behalf)?;
        o.serialize_field("totalEarnings", &self.total_earnings)?;
        let all = Basis {
            unofficial: self.unofficial,
            stale: self.stale,
            assumptions: self.assumptions,
        };
        o.serialize_field("unofficial", &UnofficialUses(&all, &parts))?;
        o.serialize_field("stale", &StaleUses(&all, &parts, self.explained))?;
        o.serialize_field("assumptions", &AssumptionUses(&all, &parts, self.explained))?;
        o.end()
    }
}
