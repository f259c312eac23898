//! The whole household at once: transition status, monitoring, and every programme that applies to a
//! household (低保, 特困, 临时救助, 养老保险代缴, 教育资助), with the cash support they add up to; how
//! that support changes as income varies (with its cliffs); and a what-if comparison.
//!
//! Cash support counts what reaches the household as money: 低保 and 特困 (monthly, × 12), 临时救助
//! (one-off), and the cash education aids (寄宿生生活补助, 国家助学金, 雨露计划). Premiums paid on the
//! household's behalf (养老保险代缴) and in-kind aid (营养改善计划 meals) are shown but not counted.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use crate::error::{PolicyError, Result};
use crate::model::{HouseholdInput, IncomeInput, MoneyInput};
use crate::money::Money;
use crate::programs::dibao::DibaoResult;
use crate::programs::education::EducationResult;
use crate::programs::monitoring::MonitoringResult;
use crate::programs::pension::PensionResult;
use crate::programs::result::ProgramResult;
use crate::programs::tekun::TekunResult;
use crate::programs::temporary::TemporaryResult;
use crate::programs::transition::TransitionStatus;
use crate::programs::{self, result::Calc};
use crate::Engine;

/// The most points an income curve may have.
pub const MAX_CURVE_POINTS: usize = 2001;

/// Monthly amounts are rounded to the fen before × 12, so support that falls one-for-one with
/// income can still step by up to 12 fen a year per monthly programme (低保 and 特困): drops within
/// that slack are rounding, not cliffs.
fn rounding_slack() -> Money {
    // 1 fen × 12 months × 2 monthly programmes = 0.24 yuan.
    Money::from_decimal(Decimal::new(24, 2))
}

/// One programme's result inside an estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum ProgramOutcome {
    Dibao(DibaoResult),
    Tekun(TekunResult),
    Temporary(TemporaryResult),
    Pension(PensionResult),
    Education(EducationResult),
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
    /// Money per year paid on its behalf or given in kind (not counted in the totals).
    #[tsify(type = "string")]
    pub other_annual: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Estimate {
    pub as_of: String,
    /// Shared between the estimates of a batch on the same date and region (computed once).
    #[tsify(type = "TransitionStatus")]
    pub transition: Arc<TransitionStatus>,
    pub monitoring: MonitoringResult,
    pub programs: Vec<ProgramOutcome>,
    pub contributions: Vec<Contribution>,
    /// Monthly cash support (低保 + 特困).
    #[tsify(type = "string")]
    pub total_monthly: Money,
    /// Annual cash support: monthly × 12 + one-off 临时救助 + cash education aid.
    #[tsify(type = "string")]
    pub total_annual: Money,
    /// Every non-official parameter the estimate rests on.
    #[tsify(type = "string[]")]
    pub unofficial: crate::params::UnofficialSet,
}

impl ProgramOutcome {
    /// The part every programme result has.
    pub fn result(&self) -> &ProgramResult {
        match self {
            ProgramOutcome::Dibao(r) => &r.result,
            ProgramOutcome::Tekun(r) => &r.result,
            ProgramOutcome::Temporary(r) => &r.result,
            ProgramOutcome::Pension(r) => &r.result,
            ProgramOutcome::Education(r) => &r.result,
        }
    }
}

impl Estimate {
    /// A programme's result by its id ('dibao', 'tekun', …).
    pub fn program(&self, id: &str) -> Option<&ProgramResult> {
        self.programs
            .iter()
            .map(ProgramOutcome::result)
            .find(|r| r.program == id)
    }
    /// The one-off 临时救助 amount.
    pub fn temporary_amount(&self) -> Money {
        self.programs
            .iter()
            .find_map(|p| match p {
                ProgramOutcome::Temporary(t) => Some(t.amount),
                _ => None,
            })
            .unwrap_or_default()
    }
}

/// Aid ids of education that reach the family as cash.
const CASH_EDUCATION_AIDS: [&str; 3] = ["boarding", "seniorHighGrant", "yulu"];

/// Every programme for one household. With `explain` off the amounts and every structured field are
/// the same, but no step or reason is written (`steps` and `reasons` are empty): the fast path for
/// screening registers.
pub fn estimate(
    engine: &Engine,
    h: &HouseholdInput,
    as_of: &str,
    explain: bool,
) -> Result<Estimate> {
    estimate_in(engine, h, as_of, explain, &mut Transitions::default())
}

/// The transition status depends only on the date and the region: a batch computes it once per
/// region it meets and every estimate shares it.
#[derive(Default)]
pub struct Transitions {
    seen: Vec<(chrono::NaiveDate, u32, bool, Arc<TransitionStatus>)>,
}

impl Transitions {
    fn get(
        &mut self,
        reader: &crate::params::Reader<'_>,
        explain: bool,
    ) -> Result<Arc<TransitionStatus>> {
        let on = reader.on();
        let code = reader.region().map(|r| r.code).unwrap_or_default();
        if let Some((.., t)) = self
            .seen
            .iter()
            .find(|(d, c, e, _)| (*d, *c, *e) == (on, code, explain))
        {
            return Ok(Arc::clone(t));
        }
        // From a fresh reader: the status rests on the transition parameters alone.
        let mut fresh = crate::params::Reader::new(reader.set(), on, reader.region());
        let t = Arc::new(programs::transition::transition(&mut fresh, explain)?);
        self.seen.push((on, code, explain, Arc::clone(&t)));
        Ok(t)
    }
}

/// [`estimate`], sharing the transition statuses of a batch.
pub fn estimate_in(
    engine: &Engine,
    h: &HouseholdInput,
    as_of: &str,
    explain: bool,
    transitions: &mut Transitions,
) -> Result<Estimate> {
    // The household is checked once; every programme starts from the same reader.
    let (household, reader) = engine.household(h, as_of)?;
    let calc = || Calc::new(reader.clone(), explain);
    let transition = transitions.get(&reader, explain)?;
    let monitoring = programs::monitoring::monitoring(&household, calc())?;
    let dibao = programs::dibao::dibao(&household, calc())?;
    let tekun = programs::tekun::tekun(&household, calc())?;
    let temporary = programs::temporary::temporary(&household, calc())?;
    // Pension and education rest on 低保 and 特困: computed once, recorded in each (as when they run alone).
    let groups = programs::pension::groups_from(&household, &dibao, &tekun);
    let mut pension_calc = calc();
    programs::pension::rests_on(&dibao, &tekun, &mut pension_calc);
    let pension = programs::pension::pension_for(&household, pension_calc, &groups)?;
    let mut education_calc = calc();
    let has_students = household.members.iter().any(|m| m.schooling.is_some());
    if has_students {
        programs::pension::rests_on(&dibao, &tekun, &mut education_calc);
    }
    let education = programs::education::education_for(
        &household,
        education_calc,
        has_students.then_some(&groups),
    )?;

    let monthly = dibao
        .result
        .monthly
        .unwrap_or_default()
        .checked_add(tekun.result.monthly.unwrap_or_default())?;
    let annual_of = |m: Option<Money>| m.unwrap_or_default();
    let education_cash = Money::sum(
        education
            .students
            .iter()
            .flat_map(|s| s.aids.iter())
            .filter(|a| CASH_EDUCATION_AIDS.contains(&a.id))
            .map(|a| a.annual),
    )?;
    let education_in_kind = annual_of(education.result.annual).checked_sub(education_cash)?;
    let contributions = vec![
        Contribution {
            program: "dibao",
            label: dibao.result.label,
            cash_annual: annual_of(dibao.result.annual),
            other_annual: Money::ZERO,
        },
        Contribution {
            program: "tekun",
            label: tekun.result.label,
            cash_annual: annual_of(tekun.result.annual),
            other_annual: Money::ZERO,
        },
        Contribution {
            program: "temporary",
            label: temporary.result.label,
            cash_annual: temporary.amount,
            other_annual: Money::ZERO,
        },
        Contribution {
            program: "pension",
            label: pension.result.label,
            cash_annual: Money::ZERO,
            other_annual: annual_of(pension.result.annual),
        },
        Contribution {
            program: "education",
            label: education.result.label,
            cash_annual: education_cash,
            other_annual: education_in_kind,
        },
    ];
    let total_annual = Money::sum(contributions.iter().map(|c| c.cash_annual))?;

    let programs = vec![
        ProgramOutcome::Dibao(dibao),
        ProgramOutcome::Tekun(tekun),
        ProgramOutcome::Temporary(temporary),
        ProgramOutcome::Pension(pension),
        ProgramOutcome::Education(education),
    ];
    let mut unofficial = monitoring.result.unofficial;
    unofficial.extend(transition.unofficial);
    for p in &programs {
        unofficial.extend(p.result().unofficial);
    }
    Ok(Estimate {
        as_of: transition.as_of.clone(),
        transition,
        monitoring,
        programs,
        contributions,
        total_monthly: monthly,
        total_annual,
        unofficial,
    })
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
    pub programs: Vec<ProgramAmount>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProgramAmount {
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
    /// Chinese: what happens here.
    pub text: String,
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
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IncomeCurve {
    pub points: Vec<CurvePoint>,
    pub cliffs: Vec<Cliff>,
    pub rises: Vec<Rise>,
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

pub fn income_curve(
    engine: &Engine,
    h: &HouseholdInput,
    as_of: &str,
    from: Money,
    to: Money,
    step: Money,
) -> Result<IncomeCurve> {
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
        .floor();
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
        let e = estimate(engine, &with_income(h, x), as_of, false)?;
        points.push(CurvePoint {
            income: x,
            total_monthly: e.total_monthly,
            total_annual: e.total_annual,
            programs: e
                .contributions
                .iter()
                .map(|c| ProgramAmount {
                    program: c.program,
                    annual: c.cash_annual,
                })
                .collect(),
        });
        x = x.checked_add(step)?;
    }
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
                text: format!(
                    "收入从 {} 增至 {} 元，帮扶反而增加 {support_gain} 元（{}）。",
                    a.income,
                    b.income,
                    rose.join("、")
                ),
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
                text: format!(
                    "收入从 {} 增至 {} 元，帮扶减少 {} 元（{}），超过增加的收入：家庭反而变少。",
                    a.income,
                    b.income,
                    lost,
                    fell.join("、")
                ),
            });
        }
    }
    Ok(IncomeCurve {
        points,
        cliffs,
        rises,
    })
}

// ---------------------------------------------------------------------------------------------
// Comparison

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProgramDifference {
    pub program: &'static str,
    pub label: &'static str,
    #[tsify(type = "string")]
    pub baseline: Money,
    #[tsify(type = "string")]
    pub alternative: Money,
    /// alternative − baseline, annual cash.
    #[tsify(type = "string")]
    pub difference: Money,
    pub baseline_eligible: bool,
    pub alternative_eligible: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub baseline: Estimate,
    pub alternative: Estimate,
    pub programs: Vec<ProgramDifference>,
    #[tsify(type = "string")]
    pub total_difference: Money,
}

fn eligible(p: &ProgramOutcome) -> bool {
    p.result().eligible
}

pub fn compare(
    baseline: &Engine,
    alternative: &Engine,
    h: &HouseholdInput,
    as_of: &str,
) -> Result<Comparison> {
    let a = estimate(baseline, h, as_of, true)?;
    let b = estimate(alternative, h, as_of, true)?;
    let mut programs = Vec::new();
    for ((ca, cb), (pa, pb)) in a
        .contributions
        .iter()
        .zip(&b.contributions)
        .zip(a.programs.iter().zip(&b.programs))
    {
        programs.push(ProgramDifference {
            program: ca.program,
            label: ca.label,
            baseline: ca.cash_annual,
            alternative: cb.cash_annual,
            difference: cb.cash_annual.checked_sub(ca.cash_annual)?,
            baseline_eligible: eligible(pa),
            alternative_eligible: eligible(pb),
        });
    }
    let total_difference = b.total_annual.checked_sub(a.total_annual)?;
    Ok(Comparison {
        baseline: a,
        alternative: b,
        programs,
        total_difference,
    })
}
