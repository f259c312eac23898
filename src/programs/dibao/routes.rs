//! Over the standard, the routes in their order (rule `dibao.routeOrder`): the 渐退 gradual exit of
//! a household on 低保 whose wages lifted it, then 单人户 for a 边缘 household's members.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::supplements::{ages, single_person, single_person_candidates, supplements};
use super::year::changes;
use super::{DibaoFigures, GradualCheck, GradualExit, Route};
use crate::base::calendar::{add_months, day_before, format_date, months_left};
use crate::base::error::{PolicyError, Result};
use crate::base::money::{Money, Rate};
use crate::input::model::{Household, Member};
use crate::params::{catalogue as p, Reader};

/// Over the standard: first the 渐退 of a household on 低保 whose wages lifted it, then 单人户 for a
/// 边缘 household's severely disabled or seriously ill members (the order of [`Route`]), when 低保
/// covers two or more: 单人户 takes one member out of a family, and a household of one was just
/// tested as that member alone (rule `dibao.routeOrder`).
pub(super) fn above_standard(
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
        } else if marginal && covered.len() < 2 {
            // One person: the household's test was the single person's own, and it failed.
            f.working.alone = single_person_candidates(covered).first().copied();
        } else if marginal {
            f.single_person = single_person(covered, f.standard, r)?;
            if !f.single_person.is_empty() {
                f.paid = Some(Money::sum(f.single_person.iter().map(|s| s.monthly))?);
                f.route = Some(Route::SinglePerson);
                let alone: Vec<&Member<'_>> = covered
                    .iter()
                    .filter(|m| f.single_person.iter().any(|s| s.index == m.index))
                    .copied()
                    .collect();
                let ages = ages(r)?;
                f.working.changes = changes(&alone, (h.ages_on, f.standard), ages, r)?;
            }
        }
    }
    Ok(())
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
        start_assumed: h.income_change_date.is_none(),
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
            let kept = r.begin_apart();
            let read = supplements(covered, f.standard, r);
            f.working.amount_only = r.end_apart(kept);
            let supps = read?;
            let total = base.checked_add(Money::sum(supps.iter().map(|s| s.monthly))?)?;
            check.estimated = Some(supps);
            total
        }
    };
    f.working.gradual = Some(check);
    f.working.months_left = Some(months_left(on, until)?).filter(|n| *n < 12);
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
