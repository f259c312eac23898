//! 最低生活保障 (低保), policy text 四(十) and 四(十三).
//!
//! 四(十): 低保金加发 for severely disabled, seriously ill, elderly and minor members of 低保 families;
//! severely disabled or seriously ill members of low-income families may be covered as 单人户, at the
//! local average subsidy level plus their 加发; when computing family income, working recipients may
//! deduct two months of the minimum wage of their place of work as employment cost. 四(十三): people
//! who cannot earn are brought under 低保 or 特困. The 渐退 gradual exit keeps 低保 for a while when
//! wages lift a recipient household over the standard.
//!
//! Rules fixed by API.md: counted income = business + property + transfer + other + wages − employment
//! deduction, where each working member (wages > 0, labour capacity not `none`) deducts
//! min(wages, months × minimum wage of the tier of their work region). Per-capita monthly income =
//! counted / 12 / members; eligible when below the standard and the asset test passed; base =
//! (standard − per-capita) × members; 加发 = the highest qualifying rate × standard per member.
//!
//! Parameters read: `dibao.employmentCostMonths`, `minimumWage.tier`, `minimumWage.tier1..3`,
//! `dibao.supplement.*`, `dibao.elderlyAge`, `dibao.minorAge`, `dibao.marginalMultiple`,
//! `dibao.averageSubsidy`, `dibao.gradualExitMonths`; the standard (`dibao.standard.rural` or
//! `.urban`) and the members who qualify for 特困 come from the assistance context.
//!
//! Here: the figures and [`assess`], which takes the household through `income` (what is counted
//! and the standard), `supplements` (加发 and 单人户), `routes` (渐退, then 单人户, over the standard)
//! and `words` (the card). Children in the orphans' allowance are not in the household's 低保
//! (neither a head nor a share of its income); a 渐退 period ending within the year counts its
//! months left in the year's amount, and the household's route after it the rest.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::{Assistance, Decided};
use super::groups::Group;
use super::reasons::{Reason, Why};
use super::{Amounts, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::model::{Area, Care, Household, Label, Member};
use crate::params::{Reader, Used};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

mod income;
mod joins;
mod routes;
mod supplements;
mod words;
mod year;

use income::{below_province, count_income, deduction_said, gradual_months_said, standard_of};
use routes::above_standard;
use supplements::{ages, group_words, single_person_candidates, supplement_words, supplements_of};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Supplement {
    #[tsify(type = "string")]
    pub member: Label,
    /// The group whose rate applies (the highest): `severeDisability`, `seriousIllness`,
    /// `elderly` or `minor`.
    #[tsify(type = "'severeDisability' | 'seriousIllness' | 'elderly' | 'minor'")]
    pub group: Group,
    /// The member's other groups, whose rates are not added (only the highest applies).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional, type = "string[]")]
    pub also: Vec<Group>,
    /// Chinese, when explained: the group, e.g. 2级视力残疾（重度残疾人）.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reason: Option<String>,
    #[tsify(type = "string")]
    pub rate: Rate,
    #[tsify(type = "string")]
    pub monthly: Money,
    /// The member's place in the household.
    #[serde(skip)]
    index: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SinglePerson {
    #[tsify(type = "string")]
    pub member: Label,
    /// `severeDisability` or `seriousIllness`.
    #[tsify(type = "'severeDisability' | 'seriousIllness'")]
    pub group: Group,
    /// Chinese, when explained: the group, e.g. 3级智力残疾（重度残疾人）.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reason: Option<String>,
    #[tsify(type = "string")]
    pub average_subsidy: Money,
    #[tsify(type = "string")]
    pub supplement: Money,
    #[tsify(type = "string")]
    pub monthly: Money,
    /// The 加发 the member's amount includes, if any.
    #[serde(skip)]
    with: Option<Supplement>,
    /// The member's place in the household.
    #[serde(skip)]
    index: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GradualExit {
    pub from: String,
    pub until: String,
    pub months: u32,
    /// Paid each month of the exit period.
    #[tsify(type = "string")]
    pub monthly: Money,
    /// `asOf` falls inside the period.
    pub in_force: bool,
}

/// How 低保 reaches the household, when it receives any: the routes compete in this order (rule
/// `dibao.routeOrder`): a household on 低保 whose work lifted it over the standard stays on it in
/// its 渐退 period (民发〔2021〕57号第三十三条) and is still a 低保 family, so 单人户, which is for the
/// members of 低保边缘家庭 (第八条), does not apply while it runs; a household under the standard is
/// covered whole (补差), never only some members (2022 notice 一(一)); 单人户 is left for 边缘 families.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Route {
    /// The whole household, (standard − per-capita income) × members plus 加发.
    Base,
    /// The 渐退 period: what it received before its work lifted it.
    GradualExit,
    /// Members covered alone (参照“单人户”).
    SinglePerson,
}

crate::base::serialize_by_id!(Route, serde_ids_route {
    Base => "base",
    GradualExit => "gradualExit",
    SinglePerson => "singlePerson",
});

impl Route {
    pub const ALL: [Route; 3] = [Route::Base, Route::GradualExit, Route::SinglePerson];
    /// The serialised name (`gradualExit`).
    pub fn as_str(self) -> &'static str {
        match self {
            Route::Base => "base",
            Route::GradualExit => "gradualExit",
            Route::SinglePerson => "singlePerson",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Route::Base => "整户补差",
            Route::GradualExit => "渐退期",
            Route::SinglePerson => "单人户",
        }
    }
}

/// One member's employment-cost deduction (四(十)); the place of work is the member's (the words
/// name it).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Deduction {
    /// Wages, but no labour capacity: nothing deducted. `recorded`: recorded so, though
    /// 民发〔2021〕43号第五条 does not name the member; else by 第五条 (rule
    /// `dibao.employmentDeductionCapacity`).
    NoLabour { recorded: bool },
    /// The smaller of the wages and months × the minimum wage of the place of work.
    Capped {
        wage_of: WageOf,
        wage: Money,
        months: u32,
        cap: Money,
        deduction: Money,
    },
}

/// Whose minimum wage a deduction used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WageOf {
    /// The tier of a place of work in the province.
    Tier(u32),
    /// The minimum wage the officer gave for a place outside the province.
    Given,
    /// A place outside the province with no wage given: the household's own tier (rule
    /// `dibao.workOutsideProvinceDefault`).
    HomeTier(u32),
}

/// Why a household over the standard does or does not get the 渐退 gradual exit.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GradualCheck {
    /// Per-capita monthly income without wages.
    without_wages: Money,
    /// The supplements of an amount estimated without the new wages (none when the household said
    /// what it receives).
    estimated: Option<Vec<Supplement>>,
    /// No date of the change was recorded: the period was counted from the date computed for.
    start_assumed: bool,
}

/// The figures behind the words, not part of the result's fields. Members are held by their place
/// in the household: the words name them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Working {
    /// What the amount alone rested on (the 加发 rates), read apart from what decided who is covered.
    amount_only: Used,
    /// What decided who is covered (everything read but `amount_only`).
    members_used: Used,
    area: Option<Area>,
    covered: usize,
    /// The members 低保 covers (not supported as 特困), by their place.
    covered_members: Vec<usize>,
    /// The same, by label.
    covered_labels: Vec<Label>,
    /// Each wage earner's deduction: the member's place, wages and deduction.
    deductions: Vec<(usize, Money, Deduction)>,
    non_wage: Money,
    /// Income recorded but not counted (民发〔2021〕57号第十三条).
    exempt: Money,
    /// The whole household's business, property, transfer and other income.
    household_non_wage: Money,
    wages: Money,
    /// Whose figure the standard is: this region's own, another's (the city's), or the
    /// province's (`None`), with the date it applies from and whether it is past its update
    /// cycle. Read for the words only (see [`HouseholdProgramme::read_for_words`]).
    standard_of: Option<(StandardOf, NaiveDate, bool)>,
    /// Beside each deduction, which values its minimum-wage tier and amount are (date and
    /// status), when they come from the set. Read for the words only.
    deduction_said: Vec<String>,
    /// Which values the 单人户 average subsidy and the 渐退 months are (date, status, past the
    /// update cycle), and, for months not official, the value's note: what the calculator chose.
    /// Read for the words only.
    average_said: String,
    gradual_said: (String, Option<String>),
    /// The province's standard on the date, when the region's own (or its city's) is below it.
    below_province: Option<Money>,
    /// The covered members' counted income a month, not rounded.
    monthly_income: Money,
    /// 补差 before it is rounded to the fen.
    base_exact: Money,
    below: bool,
    assets_passed: bool,
    marginal: Option<(Rate, Money, bool)>,
    gradual: Option<GradualCheck>,
    /// Members (by their place) who would be covered as 单人户 but are not, because a route before
    /// it applied.
    single_person_set_aside: Vec<usize>,
    /// The one member 低保 covers, severely disabled or seriously ill, of a 边缘 household: not
    /// 单人户, which is for one member of a family of two or more (rule `dibao.routeOrder`).
    alone: Option<usize>,
    /// A covered member's severity, or a wage earner's labour capacity, rested on the
    /// disability-type assumption.
    disability_assumed: bool,
    /// The household's members are 脱贫人口: 四(十三) is what puts its 特困 members apart.
    alleviated_people: bool,
    /// The children in the orphans' allowance, left out of the household's 低保 (label, care).
    allowance_children: Vec<(Label, Option<Care>)>,
    /// The members the household's other income is shared among (all but those children).
    sharers: u32,
    /// A 渐退 period in force ending within the year: its months left from the date (rule
    /// `annual.endsWithinYear`).
    months_left: Option<u32>,
    /// The 加发 that end or start within the year, of a household paid whole or as 单人户 (rule
    /// `annual.endsWithinYear`).
    changes: Vec<year::Change>,
    /// The children who leave the orphans' allowance or 特困 within the year and join the
    /// household's 低保, paid whole or not paid on the date (rule `annual.endsWithinYear`).
    joins: Vec<joins::Join>,
    /// The household once a 渐退 period in force, ending within the year, is over (rule
    /// `annual.endsWithinYear`).
    then: Option<joins::Then>,
    /// The children raised in an institution whose allowance stops at the minor age within the
    /// year (by their place): not joining the household's 低保 (rule `dibao.institutionAdult`).
    raised: Vec<usize>,
    /// A covered member's age rests on the birthday rule (rule `member.birthday`).
    birthday_on_edge: bool,
    /// The rigid spending recorded, not deducted from the income (rule `dibao.rigidSpending`).
    rigid_spending: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DibaoFigures {
    /// Annual, after the employment deduction.
    #[tsify(type = "string")]
    pub counted_income: Money,
    /// Annual.
    #[tsify(type = "string")]
    pub employment_deduction: Money,
    #[tsify(type = "string")]
    pub per_capita_monthly_income: Money,
    /// Monthly, per person.
    #[tsify(type = "string")]
    pub standard: Money,
    /// Monthly 补差 for the household.
    #[tsify(type = "string")]
    pub base: Money,
    pub supplements: Vec<Supplement>,
    pub single_person: Vec<SinglePerson>,
    /// Members supported by 特困 instead; the household's 低保 covers the others.
    #[tsify(type = "string[]")]
    pub tekun_members: Vec<Label>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub gradual_exit: Option<GradualExit>,
    /// The route 低保 took, when the household receives any on the date (the routes and their
    /// order: docs/rules.md); absent when it is covered only from a member's joining within the
    /// year (`dibao.joinsLater`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub route: Option<Route>,
    /// What the household receives a month, when it receives anything.
    #[serde(skip)]
    paid: Option<Money>,
    #[serde(skip)]
    working: Working,
}

impl DibaoFigures {
    /// The groups of the 加发 and 单人户 in words, for an explained result.
    fn name_groups(&mut self, h: &Household<'_>) {
        let estimated = self
            .working
            .gradual
            .iter_mut()
            .flat_map(|g| g.estimated.iter_mut().flatten());
        for s in self.supplements.iter_mut().chain(estimated) {
            if let Some(m) = h.members.get(s.index) {
                s.reason = Some(supplement_words(m, s));
            }
        }
        for s in &mut self.single_person {
            if let Some(m) = h.members.get(s.index) {
                s.reason = Some(group_words(m, s.group));
                if let Some(w) = &mut s.with {
                    w.reason = Some(supplement_words(m, w));
                }
            }
        }
    }

    /// The members 低保 pays for (labels): the 单人户 members, or every member not supported as 特困
    /// (none when it pays nothing).
    pub fn members_under(&self) -> Vec<&str> {
        match self.route {
            None => Vec::new(),
            Some(Route::SinglePerson) => self
                .single_person
                .iter()
                .map(|s| s.member.as_ref())
                .collect(),
            Some(_) => self
                .working
                .covered_labels
                .iter()
                .map(AsRef::as_ref)
                .collect(),
        }
    }
}

impl DibaoFigures {
    /// The year's 低保 from the date when a 渐退 period ends within it (the rounded monthly over
    /// the months left, then the household's after it), a member's 加发 ends or starts within it
    /// (each month's 加发) or a member joins it (the household as it then is); `None`: × 12.
    fn annual(&self) -> Result<Option<Money>> {
        if !self.ends_within_year() {
            return Ok(None);
        }
        let paid = self.paid.unwrap_or_default().round_fen();
        year::over_stretches(&self.stretches(paid, &self.working.joins)).map(Some)
    }

    /// The year's 低保 before the monthly is rounded to the fen: a household paid whole gets its
    /// 补差 as it follows the income, to a fraction of a fen (what 临时救助 subtracts).
    fn annual_exact(&self, annual: Money) -> Result<Money> {
        match (self.route, self.paid) {
            (Some(Route::Base), Some(paid)) => {
                let exact = paid
                    .checked_sub(self.base)?
                    .checked_add(self.working.base_exact)?;
                year::over_stretches(&self.stretches(exact, &self.working.joins))
            }
            _ => Ok(annual),
        }
    }

    /// A year's amount that is not the monthly × 12 (rule `annual.endsWithinYear`).
    fn ends_within_year(&self) -> bool {
        match self.route {
            Some(Route::GradualExit) => {
                self.working.months_left.is_some() || !self.working.joins.is_empty()
            }
            Some(_) => !self.working.changes.is_empty() || !self.working.joins.is_empty(),
            None => self.joins_later(),
        }
    }

    /// A member joins a household on 渐退 or 单人户 on the date (rule `dibao.joinsRoute`).
    fn joins_route(&self) -> bool {
        matches!(self.route, Some(Route::GradualExit | Route::SinglePerson))
            && !self.working.joins.is_empty()
    }

    /// Not paid on the date, but paid from a member's joining within the year: the monthly is
    /// 0.00, the year's amount the months after.
    pub(super) fn joins_later(&self) -> bool {
        self.paid.is_none() && !self.working.joins.is_empty()
    }
}

impl DibaoFigures {
    /// Why a wage earner had nothing deducted: a recorded incapacity, or 第五条.
    fn no_deduction_assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        for (_, _, d) in &self.working.deductions {
            match d {
                Deduction::NoLabour { recorded: true } => {
                    a.add(rules::MEMBER_LABOR_CAPACITY_RECORDED)
                }
                Deduction::NoLabour { recorded: false } => {
                    a.add(rules::DIBAO_EMPLOYMENT_DEDUCTION_CAPACITY)
                }
                Deduction::Capped { .. } => {}
            }
        }
        a
    }
}

/// Words filled in by [`DibaoFigures::name_groups`] (empty before).
fn said(words: &Option<String>) -> &str {
    words.as_deref().unwrap_or_default()
}

/// Whose figure a standard is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum StandardOf {
    /// A what-if value the caller set.
    WhatIf,
    Own,
    /// The city or prefecture above: its name.
    Above(String),
    Province,
}

/// The children in the orphans' allowance, left out (label, care).
fn left_out(h: &Household<'_>, allowance: &[usize]) -> Vec<(Label, Option<Care>)> {
    allowance
        .iter()
        .filter_map(|i| h.members.get(*i))
        .map(|m| (m.label.clone(), m.care))
        .collect()
}

/// The 低保 of a household whose 特困 members (by their place) are supported apart, and whose
/// children in the orphans' allowance (`allowance`) are not in its 低保 at all, with those of both
/// who join it within the year.
pub(crate) fn assess(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<DibaoFigures> {
    // Completed, joins and all, where the figures are built: returned from one function to
    // another, they are copied (most of a kilobyte).
    figures(h, standard, (tekun, allowance), r, true)
}

/// The rest of `f`'s year: its household after a 渐退 period ending within the year, and the
/// members who join its 低保 within the year.
fn add_joins(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<()> {
    // Read apart: they set the year's amount, not who is covered now.
    let kept = r.begin_apart();
    let read = later(f, h, standard, (tekun, allowance), r);
    let apart = r.end_apart(kept);
    r.rest_on(&apart);
    f.working.amount_only.extend(&apart);
    read
}

/// See [`add_joins`] (here read apart).
fn later(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<()> {
    if let (Some(Route::GradualExit), Some(n)) = (f.route, f.working.months_left) {
        f.working.then = Some(joins::after_period(h, standard, (tekun, allowance), n, r)?);
    }
    // A member joining changes the amount, or brings one, by whichever route the household then
    // takes (rule `dibao.joinsRoute`).
    if allowance.is_empty() && tekun.is_empty() {
        return Ok(());
    }
    let redate = f.route == Some(Route::Base);
    let (mut joins, raised) = joins::joins(h, standard, (tekun, allowance), redate, r)?;
    let first = f.paid.unwrap_or_default().round_fen();
    for k in 0..joins.len() {
        // Still over the standard: the 渐退 period keeps the amount it had before the joining.
        let (Some(done), Some(j)) = (joins.get(..k), joins.get(k)) else {
            break;
        };
        if j.route == Some(Route::GradualExit) {
            let stretches = f.stretches(first, done);
            let had = stretches.last().map(|s| s.at(j.months)).transpose()?;
            if let (Some(had), Some(j)) = (had, joins.get_mut(k)) {
                j.after = had;
            }
        }
    }
    // Not paid until one of them brings an amount: those before add nothing.
    let mut paid = f.route.is_some();
    joins.retain(|j| {
        paid |= !j.after.is_zero();
        paid
    });
    (f.working.joins, f.working.raised) = (joins, raised);
    Ok(())
}

/// The 低保 of the household as its members are on the date.
fn assess_now(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<DibaoFigures> {
    figures(h, standard, (tekun, allowance), r, false)
}

/// The 低保 of the household as its members are on the date, with those who join it within the
/// year when `joining` (see [`assess`]).
#[inline(never)]
fn figures(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
    joining: bool,
) -> Result<DibaoFigures> {
    let out = |i: &usize| tekun.contains(i) || allowance.contains(i);
    let covered: Vec<&Member<'_>> = h
        .members
        .iter()
        .enumerate()
        .filter(|(i, _)| !out(i))
        .map(|(_, m)| m)
        .collect();
    let covered_members: Vec<usize> = (0..h.members.len()).filter(|i| !out(i)).collect();
    // Built where it is returned, and completed there: a figures moved into its result is most of
    // a kilobyte copied.
    let mut assessed = Ok(DibaoFigures {
        counted_income: Money::ZERO,
        employment_deduction: Money::ZERO,
        per_capita_monthly_income: Money::ZERO,
        standard,
        base: Money::ZERO,
        supplements: Vec::new(),
        single_person: Vec::new(),
        tekun_members: tekun
            .iter()
            .filter_map(|i| h.members.get(*i))
            .map(|m| m.label.clone())
            .collect(),
        gradual_exit: None,
        route: None,
        paid: None,
        working: Working {
            area: Some(h.area),
            alleviated_people: h.alleviated_people(),
            covered: covered.len(),
            covered_members,
            covered_labels: covered.iter().map(|m| m.label.clone()).collect(),
            assets_passed: h.asset_test_passed,
            below_province: below_province(h, standard, r),
            disability_assumed: covered
                .iter()
                .any(|m| m.labor_capacity_assumed && !m.wages.is_zero()),
            birthday_on_edge: covered.iter().any(|m| m.birthday_on_edge),
            rigid_spending: h.rigid_spending,
            allowance_children: left_out(h, allowance),
            sharers: super::assistance::sharers(h, allowance),
            ..Working::default()
        },
    });
    if let Ok(f) = &mut assessed {
        let done = complete(f, h, &covered, r).and_then(|()| match joining {
            true => add_joins(f, h, standard, (tekun, allowance), r),
            false => Ok(()),
        });
        if let Err(e) = done {
            assessed = Err(e);
        }
    }
    assessed
}

/// The figures of a household with `covered` members, once its members are known.
fn complete(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    r: &mut Reader<'_>,
) -> Result<()> {
    if !covered.is_empty() {
        decide(f, h, covered, r)?;
    }
    // Who is covered rests on all that was read but the 加发 rates; the result on all of it.
    f.working.members_used = r.used();
    r.rest_on(&f.working.amount_only);
    Ok(())
}

/// The income, the test against the standard and the route of a household with `covered`
/// members.
fn decide(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    r: &mut Reader<'_>,
) -> Result<()> {
    let size = Decimal::from(covered.len());
    let per_capita = count_income(f, h, covered, r)?;
    f.working.below = per_capita < f.standard;
    if f.working.below && h.asset_test_passed {
        paid_whole(f, covered, (size, h.ages_on), r)?;
    } else if !f.working.below {
        above_standard(f, h, covered, per_capita, r)?;
    }
    // Who is 重度残疾 decided a 加发 or a 单人户 only for a household paid whole or 边缘.
    let marginal = f.working.marginal.is_some_and(|(_, _, m)| m);
    if f.route == Some(Route::Base) || marginal {
        f.working.disability_assumed |= covered.iter().any(|m| m.severity_assumed());
    }
    Ok(())
}

/// A household below the standard, paid whole: 补差 and each member's 加发, and those changing
/// within the year from `start` (whose rates are read apart: they set the amount, not who is
/// covered).
fn paid_whole(
    f: &mut DibaoFigures,
    covered: &[&Member<'_>],
    (size, start): (Decimal, NaiveDate),
    r: &mut Reader<'_>,
) -> Result<()> {
    // (标准 − 人均) × 人数, computed as 标准 × 人数 − 月收入: the same amount, but exact where
    // it matters (a month's income ending in half a fen), where 人均 would be a repeating
    // decimal cut at 28 digits and could round the 补差 the wrong way.
    f.working.base_exact = f
        .standard
        .checked_mul(size)?
        .checked_sub(f.working.monthly_income)?;
    f.base = f.working.base_exact.round_fen();
    let kept = r.begin_apart();
    // The ages of the 加发 read once, for the 加发 and their changes within the year.
    let read = ages(r).and_then(|ages| {
        let each = supplements_of(covered, f.standard, ages, r)?;
        Ok((each, year::changes(covered, (start, f.standard), ages, r)?))
    });
    f.working.amount_only = r.end_apart(kept);
    (f.supplements, f.working.changes) = read?;
    f.paid = Some(
        f.base
            .checked_add(Money::sum(f.supplements.iter().map(|s| s.monthly))?)?,
    );
    f.route = Some(Route::Base);
    // Covered whole: its severely disabled or seriously ill members are not also 单人户.
    f.working.single_person_set_aside = single_person_candidates(covered);
    Ok(())
}

impl DibaoFigures {
    /// The choices beside the sourced rules that these figures applied: the deduction's cap at
    /// the wages (and in the city), 补差, the test of 因就业超过, 渐退 before 单人户.
    fn choices_applied(&self) -> Assumptions {
        let mut a = Assumptions::default();
        let w = &self.working;
        let deducted = w
            .deductions
            .iter()
            .any(|(_, _, d)| matches!(d, Deduction::Capped { .. }));
        a.add_if(deducted, rules::DIBAO_EMPLOYMENT_DEDUCTION_CAP);
        a.add_if(
            deducted && w.area == Some(Area::Urban),
            rules::DIBAO_EMPLOYMENT_DEDUCTION_URBAN,
        );
        a.add_if(
            w.below && w.assets_passed && w.covered > 0,
            rules::DIBAO_BASE_METHOD,
        );
        a.add_if(w.gradual.is_some(), rules::DIBAO_GRADUAL_EXIT_EMPLOYMENT);
        a.add_if(
            self.route == Some(Route::GradualExit) && !w.single_person_set_aside.is_empty(),
            rules::DIBAO_ROUTE_ORDER_GRADUAL_EXIT,
        );
        a
    }
}

impl HouseholdProgramme for DibaoFigures {
    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        r.rest_on(&a.standard_used);
        assess(h, a.standard, (&a.tekun_members, &a.allowance_children), r)
    }

    /// Who is under 低保: the 单人户 members, or every member not supported as 特困.
    fn contribute(&self, a: &mut Assistance, used: Used) -> Result<()> {
        let members = if self.paid.is_none() {
            Vec::new()
        } else if !self.single_person.is_empty() {
            self.single_person.iter().map(|s| s.index).collect()
        } else {
            self.working.covered_members.clone()
        };
        let annual = match (self.annual()?, self.paid) {
            (Some(annual), _) => annual,
            (None, Some(m)) => m.round_fen().checked_mul(12.into())?,
            (None, None) => Money::ZERO,
        };
        a.dibao = Some(Decided {
            members,
            monthly: self.paid.unwrap_or_default(),
            annual,
            annual_exact: self.annual_exact(annual)?,
            used,
            members_used: self.working.members_used,
        });
        Ok(())
    }

    /// Eligible when paid on the date, or from a member's joining within the year (then the
    /// monthly is 0.00 and the year's amount the months after).
    fn amounts(&self) -> Result<Amounts> {
        let later = self.joins_later();
        let monthly = if later { Some(Money::ZERO) } else { self.paid };
        Amounts::monthly_for(self.paid.is_some() || later, monthly, self.annual()?)
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::of(&["四(十)"]);
        // 特困 members beside the household's 低保: 四(十三) when they are 脱贫人口 (see the step).
        c.add_if(
            !self.tekun_members.is_empty()
                && self.working.covered > 0
                && self.working.alleviated_people,
            "四(十三)",
        );
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        // Members left beside the 特困 ones: only then are the two kept apart.
        let beside_tekun = !self.tekun_members.is_empty() && self.working.covered > 0;
        a.add_if(beside_tekun, rules::TEKUN_OWN_INCOME);
        a.extend(self.choices_applied());
        a.add_if(
            self.gradual_exit.is_some(),
            rules::DIBAO_GRADUAL_EXIT_AMOUNT,
        );
        a.add_if(self.working.birthday_on_edge, rules::MEMBER_BIRTHDAY);
        a.add_if(
            self.working.covered > 0 && !self.working.rigid_spending.is_zero(),
            rules::DIBAO_RIGID_SPENDING,
        );
        a.add_if(self.ends_within_year(), rules::ANNUAL_ENDS_WITHIN_YEAR);
        a.add_if(self.joins_route(), rules::DIBAO_JOINS_ROUTE);
        a.add_if(
            !self.working.raised.is_empty(),
            rules::DIBAO_INSTITUTION_ADULT,
        );
        a.add_if(beside_tekun, rules::DIBAO_TEKUN_MEMBERS);
        a.add_if(
            self.working
                .allowance_children
                .iter()
                .any(|(_, c)| *c != Some(Care::OrphanInstitution)),
            rules::DIBAO_ALLOWANCE_CHILDREN,
        );
        a.add_if(
            self.working.below_province.is_some(),
            rules::DIBAO_STANDARD_BELOW_PROVINCE,
        );
        a.add_if(
            self.working.deductions.iter().any(|(_, _, d)| {
                matches!(
                    d,
                    Deduction::Capped {
                        wage_of: WageOf::HomeTier(_),
                        ..
                    }
                )
            }),
            rules::DIBAO_WORK_OUTSIDE_PROVINCE_DEFAULT,
        );
        let supplemented = !self.supplements.is_empty()
            || self.single_person.iter().any(|s| s.with.is_some())
            || self.working.changes.iter().any(|c| c.after.is_some())
            || self.working.then.as_ref().is_some_and(|t| t.supplemented)
            || self
                .working
                .gradual
                .as_ref()
                .is_some_and(|g| g.estimated.as_ref().is_some_and(|s| !s.is_empty()));
        a.add_if(supplemented, rules::DIBAO_SUPPLEMENT);
        a.add_if(
            self.working
                .gradual
                .as_ref()
                .is_some_and(|g| g.start_assumed && self.gradual_exit.is_some()),
            rules::DIBAO_GRADUAL_EXIT_START,
        );
        a.add_if(
            self.working.disability_assumed,
            rules::MEMBER_DISABILITY_TYPE,
        );
        if !self.working.deductions.is_empty() {
            a.extend(self.no_deduction_assumptions());
        }
        a
    }

    fn why(&self) -> Why {
        let w = &self.working;
        let mut why = Why::default();
        if w.covered == 0 {
            why.push(if self.tekun_members.is_empty() {
                Reason::DibaoAllowanceChildrenOut
            } else {
                Reason::DibaoAllTekun
            });
            if self.joins_later() {
                why.push(Reason::DibaoJoinsLater);
            }
            return why;
        }
        if !w.allowance_children.is_empty() {
            why.push(Reason::DibaoAllowanceChildrenOut);
        }
        if !self.tekun_members.is_empty() {
            why.push(Reason::DibaoTekunMembersOut);
        }
        if !w.assets_passed {
            why.push(Reason::DibaoAssetsFailed);
        } else if w.below {
            why.push(Reason::DibaoIncomeBelowStandard);
        }
        if w.assets_passed && w.below && !self.supplements.is_empty() {
            why.push(Reason::DibaoSupplement);
        }
        if !w.below {
            why.push(Reason::DibaoIncomeNotBelowStandard);
            if w.marginal.is_some_and(|(_, _, marginal)| marginal) {
                why.push(Reason::DibaoMarginal);
            }
        }
        if !self.single_person.is_empty() {
            why.push(Reason::DibaoSinglePerson);
        }
        if w.alone.is_some() {
            why.push(Reason::DibaoSinglePersonAlone);
        }
        if self.route.is_some() && !w.changes.is_empty() {
            why.push(Reason::DibaoSupplementChanges);
        }
        if self.route.is_some() && !w.joins.is_empty() {
            why.push(Reason::DibaoMemberJoins);
        }
        if self.joins_later() {
            why.push(Reason::DibaoJoinsLater);
        }
        match &self.gradual_exit {
            Some(g) if g.in_force => why.push(Reason::DibaoGradualExit),
            Some(_) => why.push(Reason::DibaoGradualExitEnded),
            None => {}
        }
        if self.route == Some(Route::GradualExit) && !w.single_person_set_aside.is_empty() {
            why.push(Reason::DibaoGradualExitFirst);
        }
        why
    }

    /// Whose figure the standard is, for its step.
    fn read_for_words(&mut self, h: &Household<'_>, r: &Reader<'_>) {
        self.working.standard_of = standard_of(h, r);
        self.working.deduction_said = self
            .working
            .deductions
            .iter()
            .map(|(place, _, d)| deduction_said(h, *place, d, r))
            .collect();
        if !self.single_person.is_empty() {
            self.working.average_said =
                r.said(&crate::params::catalogue::DIBAO_AVERAGE_SUBSIDY, r.region());
        }
        if self.gradual_exit.is_some() {
            self.working.gradual_said = gradual_months_said(r);
        }
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        self.name_groups(h);
        words::explain(self, h, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::calendar::parse_date;
    use crate::input::household::HouseholdInput;
    use crate::params::ParameterSet;
    use crate::programs::run;

    /// Unexplained, 低保 reads nothing for its words (whose figure the standard is); explained, it
    /// does, and says it: 龙江县 has no standard of its own in the set on 2022-06-01, so the
    /// province's 441.00 is used, a figure from 2022-01-01.
    #[test]
    fn an_unexplained_dibao_reads_nothing_for_its_words() {
        let set = ParameterSet::heilongjiang().unwrap();
        let input = HouseholdInput::from_json(
            r#"{"region":"230221","members":[{"birthDate":"1980-01-01","wages":"3000","workRegion":"440305","workMinimumWage":"2000"}]}"#,
        )
        .unwrap();
        let on = parse_date("2022-06-01", "").unwrap();
        let (h, reader) = Household::read(&input, &set, on).unwrap();
        for explain in [false, true] {
            let mut a = Assistance::of(&h, &reader).unwrap();
            let r = run::<DibaoFigures>(
                "dibao",
                "最低生活保障",
                &h,
                &mut a,
                &reader,
                explain,
                &mut Default::default(),
            )
            .unwrap();
            let from = parse_date("2022-01-01", "").unwrap();
            let read = explain.then_some((StandardOf::Province, from, false));
            assert_eq!(r.working.standard_of, read);
            let said = r.steps().iter().any(|s| {
                s.text
                    == "龙江县农村低保标准：参数中未单列该地数值，按全省数值 441.00 元/人·月（2022-01-01 起），请核对当地现行标准。"
            });
            assert_eq!(said, explain);
        }
    }
}
