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

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::{Assistance, Decided};
use super::groups::Group;
use super::reasons::Reason;
use super::{Amounts, HouseholdProgramme};
use crate::base::calendar::{add_months, day_before, format_date};
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::{Money, Rate};
use crate::input::model::{Area, Capacity, Household, Member, WorkPlace};
use crate::params::{catalogue as p, Reader, Region, RegionKind, Used};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Supplement {
    pub member: String,
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
    pub member: String,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Route {
    /// The whole household, (standard − per-capita income) × members plus 加发.
    Base,
    /// The 渐退 period: what it received before its work lifted it.
    GradualExit,
    /// Members covered alone (参照“单人户”).
    SinglePerson,
}

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

/// One member's employment-cost deduction (四(十)).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Deduction {
    /// Wages, but no labour capacity: nothing deducted.
    NoLabour,
    /// The smaller of the wages and months × the minimum wage of the place of work.
    Capped {
        region: String,
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
}

/// The figures behind the words, not part of the result's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Working {
    region: String,
    area: Option<Area>,
    covered: usize,
    /// The members 低保 covers (not supported as 特困), by their place.
    covered_members: Vec<usize>,
    /// The same, by label.
    covered_labels: Vec<String>,
    deductions: Vec<(String, Money, Deduction)>,
    non_wage: Money,
    /// Income recorded but not counted (民发〔2021〕57号第十三条).
    exempt: Money,
    /// The whole household's business, property, transfer and other income.
    household_non_wage: Money,
    wages: Money,
    /// Whose figure the standard is: this region's own, another's (the city's), or the
    /// province's (`None`), with the date it applies from.
    standard_of: Option<(StandardOf, NaiveDate)>,
    /// The province's standard on the date, when the region's own (or its city's) is below it.
    below_province: Option<Money>,
    /// The covered members' counted income a month, not rounded.
    monthly_income: Money,
    below: bool,
    assets_passed: bool,
    marginal: Option<(Rate, Money, bool)>,
    gradual: Option<GradualCheck>,
    /// Members who would be covered as 单人户 but are not, because a route before it applied.
    single_person_set_aside: Vec<String>,
    /// A covered member's severity, or a wage earner's labour capacity, rested on the
    /// disability-type assumption.
    disability_assumed: bool,
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
    pub tekun_members: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub gradual_exit: Option<GradualExit>,
    /// The route 低保 took, when the household receives any (the routes and their order: docs/rules.md).
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
        for s in &mut self.supplements {
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
                .map(|s| s.member.as_str())
                .collect(),
            Some(_) => self
                .working
                .covered_labels
                .iter()
                .map(String::as_str)
                .collect(),
        }
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

/// Whose figure the standard of `h` is, and from when (for the step's words only).
fn standard_of(h: &Household<'_>, r: &Reader<'_>) -> Option<(StandardOf, NaiveDate)> {
    let spec = match h.area {
        Area::Rural => &p::DIBAO_STANDARD_RURAL,
        Area::Urban => &p::DIBAO_STANDARD_URBAN,
    };
    let v = r.set().lookup(spec, r.params_on(), Some(h.region)).ok()?;
    let above = v.region.map(|code| (code, r.set().region(code)));
    let of = match above {
        _ if v.is_what_if() => StandardOf::WhatIf,
        Some((code, _)) if code == h.region.code => StandardOf::Own,
        None
        | Some((
            _,
            Some(Region {
                kind: RegionKind::Province,
                ..
            }),
        )) => StandardOf::Province,
        Some((code, region)) => {
            StandardOf::Above(region.map_or_else(|| code.to_string(), |r| r.name.clone()))
        }
    };
    Some((of, v.from))
}

/// The province's standard on the date, when the standard used is a region's own figure below it
/// (rule `dibao.standardBelowProvince`: the dates of one of the two figures are not verified).
fn below_province(h: &Household<'_>, standard: Money, r: &Reader<'_>) -> Option<Money> {
    let spec = match h.area {
        Area::Rural => &p::DIBAO_STANDARD_RURAL,
        Area::Urban => &p::DIBAO_STANDARD_URBAN,
    };
    let set = r.set();
    let own = set.lookup(spec, r.params_on(), Some(h.region)).ok()?;
    let province_code = own
        .region
        .and_then(|c| c.checked_div(10000))
        .and_then(|p| p.checked_mul(10000))?;
    if own.is_what_if() || own.region == Some(province_code) {
        return None;
    }
    let province = set
        .lookup(spec, r.params_on(), set.region(province_code))
        .ok()?;
    match province.value {
        crate::params::Value::Decimal(d) => Some(Money::from_decimal(d)).filter(|p| standard < *p),
        crate::params::Value::Date(_) => None,
    }
}

/// The 低保 of a household whose 特困 members (by their place) are supported apart.
pub(crate) fn assess(
    h: &Household<'_>,
    standard: Money,
    tekun: &[usize],
    r: &mut Reader<'_>,
) -> Result<DibaoFigures> {
    let covered: Vec<&Member<'_>> = h
        .members
        .iter()
        .enumerate()
        .filter(|(i, _)| !tekun.contains(i))
        .map(|(_, m)| m)
        .collect();
    let covered_members: Vec<usize> = (0..h.members.len())
        .filter(|i| !tekun.contains(i))
        .collect();
    let mut f = DibaoFigures {
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
            region: h.region.name.clone(),
            area: Some(h.area),
            covered: covered.len(),
            covered_members,
            covered_labels: covered.iter().map(|m| m.label.clone()).collect(),
            assets_passed: h.asset_test_passed,
            standard_of: standard_of(h, r),
            below_province: below_province(h, standard, r),
            disability_assumed: covered
                .iter()
                .any(|m| m.labor_capacity_assumed && !m.wages.is_zero()),
            ..Working::default()
        },
    };
    if covered.is_empty() {
        return Ok(f);
    }
    let size = Decimal::from(covered.len());
    let per_capita = count_income(&mut f, h, &covered, r)?;
    f.working.below = per_capita < standard;
    if f.working.below && h.asset_test_passed {
        // (标准 − 人均) × 人数, computed as 标准 × 人数 − 月收入: the same amount, but exact where
        // it matters (a month's income ending in half a fen), where 人均 would be a repeating
        // decimal cut at 28 digits and could round the 补差 the wrong way.
        f.base = standard
            .checked_mul(size)?
            .checked_sub(f.working.monthly_income)?
            .round_fen();
        f.supplements = supplements(&covered, standard, r)?;
        f.paid = Some(
            f.base
                .checked_add(Money::sum(f.supplements.iter().map(|s| s.monthly))?)?,
        );
        f.route = Some(Route::Base);
        // Covered whole: its severely disabled or seriously ill members are not also 单人户.
        f.working.single_person_set_aside = single_person_candidates(&covered);
    } else if !f.working.below {
        above_standard(&mut f, h, &covered, per_capita, r)?;
    }
    // Who is 重度残疾 decided a 加发 or a 单人户 only for a household paid whole or 边缘.
    let marginal = f.working.marginal.is_some_and(|(_, _, m)| m);
    if f.route == Some(Route::Base) || marginal {
        f.working.disability_assumed |= covered.iter().any(|m| m.severity_assumed());
    }
    Ok(f)
}

/// Counted income (四(十): less the employment-cost deduction), and per capita a month.
fn count_income(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    r: &mut Reader<'_>,
) -> Result<Money> {
    let i = h.income;
    // Members supported as 特困 keep their share of the household's other income (the same share
    // their test of means counted): 低保 counts the rest.
    let non_wage = i
        .counted()?
        .checked_mul(Decimal::from(covered.len()))?
        .checked_div(h.size())?;
    let wages = Money::sum(covered.iter().map(|m| m.wages))?;
    let mut deduction = Money::ZERO;
    for m in covered.iter().filter(|m| !m.wages.is_zero()) {
        let d = employment_deduction(m, r)?;
        if let Deduction::Capped {
            deduction: amount, ..
        } = &d
        {
            deduction = deduction.checked_add(*amount)?;
        }
        f.working.deductions.push((m.label.clone(), m.wages, d));
    }
    let counted = non_wage.checked_add(wages)?.checked_sub(deduction)?;
    f.working.monthly_income = counted.checked_div(Decimal::from(12))?;
    let per_capita = f
        .working
        .monthly_income
        .checked_div(Decimal::from(covered.len()))?;
    f.counted_income = counted.round_fen();
    f.employment_deduction = deduction.round_fen();
    f.per_capita_monthly_income = per_capita.round_fen();
    f.working.non_wage = non_wage;
    f.working.exempt = i.exempt;
    f.working.household_non_wage = i.counted()?;
    f.working.wages = wages;
    Ok(per_capita)
}

/// Over the standard: first the 渐退 of a household on 低保 whose wages lifted it, then 单人户 for a
/// 边缘 household's severely disabled or seriously ill members (the order of [`Route`]).
fn above_standard(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    per_capita: Money,
    r: &mut Reader<'_>,
) -> Result<()> {
    if h.on_dibao {
        f.gradual_exit = gradual(f, h, covered, r)?;
        if let Some(g) = f.gradual_exit.as_ref().filter(|g| g.in_force) {
            f.paid = Some(g.monthly);
            f.route = Some(Route::GradualExit);
        }
    }
    if h.asset_test_passed {
        let multiple = r.rate(&p::DIBAO_MARGINAL_MULTIPLE)?;
        let line = f.standard.times(multiple)?;
        let marginal = per_capita < line;
        f.working.marginal = Some((multiple, line, marginal));
        if marginal && f.route.is_some() {
            f.working.single_person_set_aside = single_person_candidates(covered);
        } else if marginal {
            f.single_person = single_person(covered, f.standard, r)?;
            if !f.single_person.is_empty() {
                f.paid = Some(Money::sum(f.single_person.iter().map(|s| s.monthly))?);
                f.route = Some(Route::SinglePerson);
            }
        }
    }
    Ok(())
}

/// The employment-cost deduction of one member with wages (四(十)).
fn employment_deduction(m: &Member<'_>, r: &mut Reader<'_>) -> Result<Deduction> {
    if m.labor_capacity == Capacity::None {
        return Ok(Deduction::NoLabour);
    }
    let months = r.count(&p::DIBAO_EMPLOYMENT_COST_MONTHS)?;
    let (region, wage_of, wage) = match &m.work_place {
        WorkPlace::Province(place) => {
            let (tier, wage) = tier_wage(r, place)?;
            (place.name.clone(), WageOf::Tier(tier), wage)
        }
        WorkPlace::Outside {
            code,
            minimum_wage: Some(wage),
        } => (format!("省外（{code}）"), WageOf::Given, *wage),
        WorkPlace::Outside {
            code,
            minimum_wage: None,
        } => {
            let home = r.region();
            let (tier, wage) = match home {
                Some(home) => tier_wage(r, home)?,
                None => return Err(PolicyError::invalid_input("region", "缺少家庭所在地区")),
            };
            (format!("省外（{code}）"), WageOf::HomeTier(tier), wage)
        }
    };
    let cap = wage.checked_mul(Decimal::from(months))?;
    Ok(Deduction::Capped {
        region,
        wage_of,
        wage,
        months,
        cap,
        deduction: m.wages.min(cap),
    })
}

/// The minimum-wage tier of a region of the set, and its monthly minimum wage.
fn tier_wage(r: &mut Reader<'_>, place: &Region) -> Result<(u32, Money)> {
    let tier = r.count_in(&p::MINIMUM_WAGE_TIER, Some(place))?;
    let spec = p::minimum_wage_of_tier(tier).ok_or_else(|| {
        PolicyError::new(
            ErrorCode::InvalidParameters,
            p::MINIMUM_WAGE_TIER.name,
            format!("最低工资档次 {tier} 无效"),
        )
    })?;
    Ok((tier, r.money_in(spec, Some(place))?))
}

/// The 加发 of one member: the highest rate among the groups they belong to (never the sum).
fn supplement_for(
    m: &Member<'_>,
    standard: Money,
    r: &mut Reader<'_>,
) -> Result<Option<Supplement>> {
    let elderly_age = r.count(&p::DIBAO_ELDERLY_AGE)?;
    let minor_age = r.count(&p::DIBAO_MINOR_AGE)?;
    let mut groups = Vec::new();
    if m.severely_disabled() {
        let rate = r.rate(&p::DIBAO_SUPPLEMENT_SEVERE_DISABILITY)?;
        groups.push((rate, Group::SevereDisability));
    }
    if m.serious_illness {
        let rate = r.rate(&p::DIBAO_SUPPLEMENT_SERIOUS_ILLNESS)?;
        groups.push((rate, Group::SeriousIllness));
    }
    if m.age >= elderly_age {
        groups.push((r.rate(&p::DIBAO_SUPPLEMENT_ELDERLY)?, Group::Elderly));
    }
    if m.age < minor_age {
        groups.push((r.rate(&p::DIBAO_SUPPLEMENT_MINOR)?, Group::Minor));
    }
    // The highest rate; on a tie, the group listed first in 四(十).
    let best = groups
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.0.cmp(&b.0).then(j.cmp(i)))
        .map(|(i, _)| i);
    let Some((rate, group)) = best.and_then(|i| groups.get(i)).copied() else {
        return Ok(None);
    };
    let also = groups
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != best)
        .map(|(_, g)| g.1)
        .collect();
    Ok(Some(Supplement {
        member: m.label.clone(),
        group,
        also,
        reason: None,
        rate,
        monthly: standard.times(rate)?.round_fen(),
        index: m.index,
    }))
}

/// A member's group in words: 2级视力残疾（重度残疾人）, 3级重度残疾 (民发〔2021〕57号第八条),
/// 老年人（65周岁）, 重病患者.
fn group_words(m: &Member<'_>, group: Group) -> String {
    let grade = m.disability_grade.unwrap_or(0);
    match (group, m.disability_type) {
        (Group::SevereDisability, Some(t)) => format!("{grade}级{}（重度残疾人）", t.label()),
        (Group::SevereDisability, None) => format!("{grade}级重度残疾"),
        (Group::Elderly | Group::Minor, _) => format!("{}（{}周岁）", group.label(), m.age),
        _ => group.label().to_string(),
    }
}

/// A 加发's group in words, with the groups set aside: 老年人（70周岁）（同时属于重病患者，只取最高一项）.
fn supplement_words(m: &Member<'_>, s: &Supplement) -> String {
    let group = group_words(m, s.group);
    if s.also.is_empty() {
        return group;
    }
    let others: Vec<String> = s.also.iter().map(|g| group_words(m, *g)).collect();
    format!("{group}（同时属于{}，只取最高一项）", others.join("、"))
}

fn supplements(
    members: &[&Member<'_>],
    standard: Money,
    r: &mut Reader<'_>,
) -> Result<Vec<Supplement>> {
    let mut out = Vec::new();
    for m in members {
        out.extend(supplement_for(m, standard, r)?);
    }
    Ok(out)
}

/// The members 单人户 is for (民发〔2021〕57号第八条: 重度残疾人, 重特大疾病患者), by label.
fn single_person_candidates(covered: &[&Member<'_>]) -> Vec<String> {
    covered
        .iter()
        .filter(|m| m.severely_disabled() || m.serious_illness)
        .map(|m| m.label.clone())
        .collect()
}

/// 单人户: severely disabled or seriously ill members of a low-income family, covered alone at the
/// local average subsidy level + their 加发.
fn single_person(
    covered: &[&Member<'_>],
    standard: Money,
    r: &mut Reader<'_>,
) -> Result<Vec<SinglePerson>> {
    let mut out = Vec::new();
    for m in covered
        .iter()
        .filter(|m| m.severely_disabled() || m.serious_illness)
    {
        let average = r.money(&p::DIBAO_AVERAGE_SUBSIDY)?;
        let with = supplement_for(m, standard, r)?;
        let extra = with.as_ref().map_or(Money::ZERO, |s| s.monthly);
        out.push(SinglePerson {
            member: m.label.clone(),
            group: if m.severely_disabled() {
                Group::SevereDisability
            } else {
                Group::SeriousIllness
            },
            reason: None,
            average_subsidy: average,
            supplement: extra,
            monthly: average.checked_add(extra)?.round_fen(),
            with,
            index: m.index,
        });
    }
    Ok(out)
}

/// 渐退: a household on 低保 whose wages lifted it over the standard keeps 低保 for some months.
fn gradual(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    r: &mut Reader<'_>,
) -> Result<Option<GradualExit>> {
    let size = Decimal::from(covered.len());
    let without_wages = f
        .working
        .non_wage
        .checked_div(Decimal::from(12))?
        .checked_div(size)?;
    let mut check = GradualCheck {
        without_wages,
        estimated: None,
    };
    if without_wages >= f.standard || !h.asset_test_passed {
        f.working.gradual = Some(check);
        return Ok(None);
    }
    let on = r.on();
    let months = r.count(&p::DIBAO_GRADUAL_EXIT_MONTHS)?;
    let from: NaiveDate = h.income_change_date.unwrap_or(on);
    let until = day_before(add_months(from, months)?)?;
    let monthly = match h.dibao_monthly {
        Some(m) => within_rules(m, f.standard, covered.len(), r)?,
        None => {
            // Not told what the household receives: what it would receive without the wages
            // (标准 × 人数 − 月收入, exact as in `compute`).
            let base = f
                .standard
                .checked_mul(size)?
                .checked_sub(f.working.non_wage.checked_div(Decimal::from(12))?)?
                .round_fen();
            let supps = supplements(covered, f.standard, r)?;
            let total = base.checked_add(Money::sum(supps.iter().map(|s| s.monthly))?)?;
            check.estimated = Some(supps);
            total
        }
    };
    f.working.gradual = Some(check);
    Ok(Some(GradualExit {
        from: format_date(from),
        until: format_date(until),
        months,
        monthly: monthly.round_fen(),
        in_force: on <= until,
    }))
}

/// What the household says it receives, if the rules could pay it: at most the standard plus the
/// highest 加发 for every member covered (an input is carried into an amount only within that).
fn within_rules(said: Money, standard: Money, members: usize, r: &mut Reader<'_>) -> Result<Money> {
    let mut highest = Rate::default();
    for spec in [
        &p::DIBAO_SUPPLEMENT_SEVERE_DISABILITY,
        &p::DIBAO_SUPPLEMENT_SERIOUS_ILLNESS,
        &p::DIBAO_SUPPLEMENT_ELDERLY,
        &p::DIBAO_SUPPLEMENT_MINOR,
    ] {
        highest = highest.max(r.rate(spec)?);
    }
    let most = standard
        .checked_add(standard.times(highest)?)?
        .checked_mul(Decimal::from(members))?
        .round_fen();
    if said > most {
        return Err(PolicyError::out_of_range(
            "dibaoMonthly",
            format!(
                "现领低保金 {said} 元/月超过该户按规定最多可领的 {most} 元/月（{members} 人 × (标准 {standard} + 最高加发)），请核对"
            ),
        ));
    }
    Ok(said)
}

impl HouseholdProgramme for DibaoFigures {
    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        r.rest_on(&a.standard_used);
        assess(h, a.standard, &a.tekun_members, r)
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
        a.dibao = Some(Decided {
            members,
            monthly: self.paid.unwrap_or_default(),
            used,
        });
        Ok(())
    }

    fn amounts(&self) -> Result<Amounts> {
        Amounts::monthly(self.paid.is_some(), self.paid)
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::of(&["四(十)"]);
        c.add_if(!self.tekun_members.is_empty(), "四(十三)");
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(!self.tekun_members.is_empty(), "tekun.ownIncome");
        let deducted = self
            .working
            .deductions
            .iter()
            .any(|(_, _, d)| matches!(d, Deduction::Capped { .. }));
        a.add_if(
            deducted && self.working.area == Some(Area::Urban),
            "dibao.employmentDeductionUrban",
        );
        a.add_if(self.gradual_exit.is_some(), "dibao.gradualExitAmount");
        a.add_if(!self.tekun_members.is_empty(), "dibao.tekunMembers");
        a.add_if(
            self.working.below_province.is_some(),
            "dibao.standardBelowProvince",
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
            "dibao.workOutsideProvinceDefault",
        );
        let supplemented = !self.supplements.is_empty()
            || self.single_person.iter().any(|s| s.with.is_some())
            || self
                .working
                .gradual
                .as_ref()
                .is_some_and(|g| g.estimated.as_ref().is_some_and(|s| !s.is_empty()));
        a.add_if(supplemented, "dibao.supplement");
        a.add_if(self.working.disability_assumed, "member.disabilityType");
        a
    }

    fn why(&self) -> Vec<Reason> {
        let w = &self.working;
        let mut why = Vec::new();
        if w.covered == 0 {
            return vec![Reason::DibaoAllTekun];
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

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        self.name_groups(h);
        explain_income(self, e);
        facts(self, e);
        if self.working.covered == 0 {
            return;
        }
        let (standard, per_capita) = (self.standard, self.per_capita_monthly_income);
        if !self.working.assets_passed {
            e.step(
                "dibao.assets",
                "民发〔2021〕57号第十四条",
                "家庭财产状况经核查不符合条件。".into(),
                None,
            );
            e.reason("家庭财产状况不符合低保条件。");
        }
        if self.working.below && self.working.assets_passed {
            let (base, n) = (self.base, self.working.covered);
            e.step(
                "dibao.base",
                "民发〔2021〕57号第二十三条",
                format!(
                    "人均收入低于标准：补差 = (标准 − 人均) × 人数 = 标准 {standard} × {n} 人 − 月计算收入 {} 元（{} ÷ 12）= {base} 元/月（人均收入不先舍入）。",
                    sum_text(self.working.monthly_income),
                    self.counted_income,
                ),
                Some(base.to_fen_string()),
            );
            e.reason(format!(
                "人均月收入 {per_capita} 元低于低保标准 {standard} 元，符合低保条件，补差 {base} 元/月。"
            ));
            for s in &self.supplements {
                supplement_step(s, standard, e);
            }
            for s in &self.supplements {
                e.reason(format!(
                    "{}属{}，加发 {} 元/月。",
                    s.member,
                    said(&s.reason),
                    s.monthly
                ));
            }
        } else if !self.working.below {
            explain_above(self, e);
        }
        explain_route(self, e);
    }
}

/// The route taken, when another was set aside for it (rule `dibao.routeOrder`).
fn explain_route(f: &DibaoFigures, e: &mut Explanation) {
    let aside = f.working.single_person_set_aside.join("、");
    let (citation, text) = match f.route {
        _ if aside.is_empty() => return,
        Some(Route::Base) => (
            "民政部等四部门2022年通知一(一)",
            format!("整户人均收入低于标准，整户纳入低保：{aside}随家庭一并保障，不再参照“单人户”另行纳入（申请家庭符合条件的，不得仅将个别家庭成员纳入）。"),
        ),
        Some(Route::GradualExit) => (
            "民发〔2021〕57号第八条",
            format!("渐退期内该户仍是低保家庭、不是低保边缘家庭：先按渐退维持原低保，{aside}不参照“单人户”另行计算。"),
        ),
        _ => return,
    };
    if f.route == Some(Route::GradualExit) {
        e.reason(text.clone());
    }
    e.step("dibao.routeOrder", citation, text, None);
}

/// An amount that a rounded sum is shown beside: to the fen, or to a tenth of a fen when that is
/// its exact value (a twelfth of an income in fen can end in half a fen), where rounding it first
/// would put the sum a fen off (1323.00 − 698.335 = 624.665, which is 624.67; with 698.34 it
/// would read 624.66).
fn sum_text(amount: Money) -> String {
    let tenths = amount.decimal().round_dp(3);
    if tenths == amount.decimal() && tenths != tenths.round_dp(2) {
        let mut d = tenths;
        d.rescale(3);
        d.to_string()
    } else {
        amount.to_fen_string()
    }
}

/// The standard's step: whose figure it is (see [`standard_of`]).
fn standard_text(f: &DibaoFigures, area: &str) -> String {
    let standard = f.standard;
    match &f.working.standard_of {
        Some((StandardOf::WhatIf, _)) => format!(
            "{}{area}低保标准 {standard} 元/人·月（假设值）。",
            f.working.region
        ),
        Some((StandardOf::Own, from)) => format!(
            "{}{area}低保标准 {standard} 元/人·月（{from} 起）。",
            f.working.region
        ),
        Some((StandardOf::Above(name), from)) => format!(
            "{}{area}低保标准：按{name}的 {standard} 元/人·月（{from} 起）。",
            f.working.region
        ),
        Some((StandardOf::Province, from)) => format!(
            "{}{area}低保标准：参数中未单列该地数值，按全省数值 {standard} 元/人·月（{from} 起），请核对当地现行标准。",
            f.working.region
        ),
        None => format!("{}{area}低保标准 {standard} 元/人·月。", f.working.region),
    }
}

/// The figures of the card.
fn facts(f: &DibaoFigures, e: &mut Explanation) {
    e.fact("低保标准", f.standard, "元/人·月", "standard");
    e.fact("计算收入", f.counted_income, "元/年", "countedIncome");
    e.fact(
        "就业成本扣除",
        f.employment_deduction,
        "元/年",
        "employmentDeduction",
    );
    e.fact(
        "人均月收入",
        f.per_capita_monthly_income,
        "元/人·月",
        "perCapitaMonthlyIncome",
    );
    e.fact("补差", f.base, "元/月", "base");
    for (j, s) in f.supplements.iter().enumerate() {
        let label = format!("加发：{}，{}", s.member, said(&s.reason));
        e.fact(
            label,
            s.monthly,
            "元/月",
            format!("supplements[{j}].monthly"),
        );
    }
    for (j, s) in f.single_person.iter().enumerate() {
        let label = format!("单人户：{}（{}）", s.member, said(&s.reason));
        e.fact(
            label,
            s.monthly,
            "元/月",
            format!("singlePerson[{j}].monthly"),
        );
    }
    if !f.tekun_members.is_empty() {
        e.fact_text("另行特困供养", f.tekun_members.join("、"));
    }
    if let Some(g) = &f.gradual_exit {
        e.fact_text("渐退期", format!("{} 至 {}", g.from, g.until));
    }
    if let Some(route) = f.route {
        e.fact_text("保障方式", route.label());
    }
}

fn explain_income(f: &DibaoFigures, e: &mut Explanation) {
    let area = if f.working.area == Some(Area::Urban) {
        "城市"
    } else {
        "农村"
    };
    explain_standard(f, area, e);
    let n = f.working.covered;
    if !f.tekun_members.is_empty() {
        e.step(
            "dibao.tekunMembers",
            "四(十三)",
            format!(
                "{} 符合特困人员条件，纳入特困供养；低保按其余 {n} 人计算。",
                f.tekun_members.join("、")
            ),
            None,
        );
    }
    if n == 0 {
        e.reason("全部成员纳入特困供养，不再另行计算低保。");
        return;
    }
    explain_deductions(f, e);
    let (non_wage, wages, deduction, counted) = (
        f.working.non_wage,
        f.working.wages,
        f.employment_deduction,
        f.counted_income,
    );
    let per_capita = f.per_capita_monthly_income;
    let deducted = f
        .working
        .deductions
        .iter()
        .any(|(_, _, d)| matches!(d, Deduction::Capped { .. }));
    if deducted && f.working.area == Some(Area::Urban) {
        e.step(
            "dibao.employmentDeductionUrban",
            "四(十)",
            "实施意见只规定农村低保对象按两个月最低工资扣除就业成本；城市低保对象按同一办法扣除（本计算器的假设，请按当地规定核对）。".into(),
            None,
        );
    }
    if !f.working.exempt.is_zero() {
        e.step(
            "dibao.exemptIncome",
            "民发〔2021〕57号第十三条",
            format!(
                "优待抚恤金、奖励性补助、社会救助款物、基础养老金等 {} 元按民发〔2021〕57号第十三条不计入家庭收入。",
                f.working.exempt
            ),
            Some(f.working.exempt.to_fen_string()),
        );
    }
    e.step(
        "dibao.countedIncome",
        "四(十)",
        format!(
            "计算收入 = 经营、财产、转移、其他收入 {non_wage} 元{} + 工资 {wages} 元 − 就业成本 {deduction} 元 = {counted} 元/年；÷ 12 个月 ÷ 低保覆盖的 {n} 人 = 人均月收入 {per_capita} 元/人·月。",
            if f.tekun_members.is_empty() {
                String::new()
            } else {
                format!("（全家 {} 元中纳入特困成员的份额除外）", f.working.household_non_wage)
            }
        ),
        Some(per_capita.to_fen_string()),
    );
}

/// The standard, and whether it is below the province's on the same date.
fn explain_standard(f: &DibaoFigures, area: &str, e: &mut Explanation) {
    e.step(
        "dibao.standard",
        "四(十)",
        standard_text(f, area),
        Some(f.standard.to_fen_string()),
    );
    if let Some(province) = f.working.below_province {
        e.step(
            "dibao.standardBelowProvince",
            "四(十)",
            format!("该标准低于同日全省{area}低保标准 {province} 元/人·月：两个数字来源的起始日期都未核实，按地区标准计算，请核对当地现行标准。"),
            Some(province.to_fen_string()),
        );
    }
}

/// Each member's employment-cost deduction, and what is recorded but not counted.
fn explain_deductions(f: &DibaoFigures, e: &mut Explanation) {
    for (member, wages, d) in &f.working.deductions {
        match d {
            Deduction::NoLabour => e.step(
                "dibao.employmentDeduction",
                "四(十)",
                format!("{member}：工资 {wages} 元，但无劳动能力，不扣除就业成本。"),
                Some("0.00".into()),
            ),
            Deduction::Capped {
                region,
                wage_of,
                wage,
                months,
                cap,
                deduction,
            } => {
                let (rule, whose) = match wage_of {
                    WageOf::Tier(tier) => (
                        "dibao.employmentDeduction",
                        format!("最低工资{tier}档 {wage} 元/月"),
                    ),
                    WageOf::Given => (
                        "dibao.workOutsideProvince",
                        format!("登记的当地月最低工资 {wage} 元"),
                    ),
                    WageOf::HomeTier(tier) => (
                        "dibao.workOutsideProvinceDefault",
                        format!("未登记当地最低工资，按家庭所在地最低工资{tier}档 {wage} 元/月"),
                    ),
                };
                e.step(
                    rule,
                    "四(十)",
                    format!("{member}：在{region}务工（{whose}），扣除就业成本取工资 {wages} 元与 {months} × {wage} = {cap} 元中较小的一个 = {deduction} 元。"),
                    Some(deduction.to_fen_string()),
                )
            }
        }
    }
}

fn supplement_step(s: &Supplement, standard: Money, e: &mut Explanation) {
    e.step(
        "dibao.supplement",
        "四(十)",
        format!(
            "{}：{}，加发 {} × 低保标准 {standard} 元 = {} 元/月。",
            s.member,
            said(&s.reason),
            s.rate,
            s.monthly
        ),
        Some(s.monthly.to_fen_string()),
    );
}

fn explain_above(f: &DibaoFigures, e: &mut Explanation) {
    let (standard, per_capita) = (f.standard, f.per_capita_monthly_income);
    e.step(
        "dibao.eligibility",
        "《社会救助暂行办法》第九条",
        format!("人均月收入 {per_capita} 元不低于低保标准 {standard} 元。"),
        None,
    );
    if let Some((multiple, line, marginal)) = f.working.marginal {
        e.step(
            "dibao.marginal",
            "民发〔2021〕57号第八条",
            format!(
                "低保边缘线 = {multiple} × {standard} = {line} 元/月：人均 {per_capita} 元{}。",
                if marginal {
                    "低于边缘线，属低收入（低保边缘）家庭"
                } else {
                    "不低于边缘线"
                }
            ),
            Some(line.to_fen_string()),
        );
    }
    for s in &f.single_person {
        if let Some(with) = &s.with {
            supplement_step(with, standard, e);
        }
        let group = s.with.as_ref().map_or("", |w| said(&w.reason));
        e.step(
            "dibao.singlePerson",
            "四(十)",
            format!(
                "{}（{}）参照“单人户”纳入低保：平均补助水平 {} 元 + 加发 {} 元（{group}）= {} 元/月。",
                s.member, said(&s.reason), s.average_subsidy, s.supplement, s.monthly
            ),
            Some(s.monthly.to_fen_string()),
        );
        e.reason(format!(
            "{}为低收入家庭中的{}，可参照“单人户”纳入低保，每月 {} 元。",
            s.member,
            said(&s.reason),
            s.monthly
        ));
    }
    if let Some(check) = &f.working.gradual {
        explain_gradual(f, check, e);
    }
    if f.paid.is_none() {
        e.reason(format!(
            "人均月收入 {per_capita} 元不低于低保标准 {standard} 元，不符合低保条件。"
        ));
    }
}

fn explain_gradual(f: &DibaoFigures, check: &GradualCheck, e: &mut Explanation) {
    let without = check.without_wages;
    let Some(g) = &f.gradual_exit else {
        e.step(
            "dibao.gradualExit",
            "民发〔2021〕57号第三十三条",
            format!("不计工资时人均 {without} 元/人·月已不低于标准：不是因就业收入增加而超过标准，不适用渐退。"),
            None,
        );
        return;
    };
    for s in check.estimated.iter().flatten() {
        supplement_step(s, f.standard, e);
    }
    e.step(
        "dibao.gradualExit",
        "民发〔2021〕57号第三十三条",
        format!(
            "就业后家庭人均收入超过标准（不计工资时人均 {without} 元/人·月，低于标准）：给予渐退期 {} 个月，{} 至 {}。",
            g.months, g.from, g.until
        ),
        Some(g.until.clone()),
    );
    e.step(
        "dibao.gradualExitAmount",
        "民发〔2021〕57号第三十三条",
        format!(
            "渐退期内每月 {} 元{}。",
            g.monthly,
            if check.estimated.is_none() {
                "（维持现领低保金）"
            } else {
                "（未告知现领数额，按不计新增工资收入计算）"
            }
        ),
        Some(g.monthly.to_fen_string()),
    );
    e.reason(if g.in_force {
        format!(
            "务工收入增加后进入低保渐退期，至 {} 止，期内每月 {} 元。",
            g.until, g.monthly
        )
    } else {
        format!("低保渐退期已于 {} 结束。", g.until)
    });
}
