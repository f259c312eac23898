//! What 低保 counts and measures it against (四(十)): the household's income less each working
//! member's employment-cost deduction (months × the minimum wage of the place of work), and the
//! standard, whose figure it is and whether it is below the province's.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Deduction, DibaoFigures, StandardOf, WageOf};
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::Money;
use crate::input::model::{Area, Capacity, Household, Member, WorkPlace};
use crate::params::{catalogue as p, Reader, Region, RegionKind, Status};

/// Whose figure the standard of `h` is, from when, and whether it is past its update cycle (for the
/// step's words only).
pub(super) fn standard_of(
    h: &Household<'_>,
    r: &Reader<'_>,
) -> Option<(StandardOf, NaiveDate, bool)> {
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
    let due = crate::params::due_for_checking(spec, v, r.params_on());
    Some((of, v.from, due))
}

/// The province's standard on the date, when the standard used is a region's own figure below it
/// (rule `dibao.standardBelowProvince`: the dates of one of the two figures are not verified).
/// The standard is read as the assistance context read it (kept for a batch, and recorded the
/// same): only a region's own figure costs a second look-up.
pub(super) fn below_province(
    h: &Household<'_>,
    standard: Money,
    r: &mut Reader<'_>,
) -> Option<Money> {
    let spec = match h.area {
        Area::Rural => &p::DIBAO_STANDARD_RURAL,
        Area::Urban => &p::DIBAO_STANDARD_URBAN,
    };
    let set = r.set();
    let own = r.value(spec).ok()?;
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

/// Counted income (四(十): less the employment-cost deduction), and per capita a month.
pub(super) fn count_income(
    f: &mut DibaoFigures,
    h: &Household<'_>,
    covered: &[&Member<'_>],
    r: &mut Reader<'_>,
) -> Result<Money> {
    let i = h.income;
    // Members supported as 特困 keep their share of the household's other income (the same share
    // their test of means counted): 低保 counts the rest. The children in the orphans' allowance
    // have no share: it is all the others'.
    let household_non_wage = h.counted_other()?;
    // All who share it covered (most households): × n ÷ n is the income itself, the same
    // mantissa and places, but for zero (which the multiplication makes a plain 0).
    let all_covered = u32::try_from(covered.len()) == Ok(f.working.sharers);
    let non_wage = if all_covered && !household_non_wage.is_zero() {
        household_non_wage
    } else {
        household_non_wage
            .checked_mul(Decimal::from(covered.len()))?
            .checked_div(Decimal::from(f.working.sharers))?
    };
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
        f.working.deductions.push((m.index, m.wages, d));
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
    f.working.household_non_wage = household_non_wage;
    f.working.wages = wages;
    Ok(per_capita)
}

/// The employment-cost deduction of one member with wages (四(十)).
fn employment_deduction(m: &Member<'_>, r: &mut Reader<'_>) -> Result<Deduction> {
    if m.labor_capacity == Capacity::None {
        return Ok(Deduction::NoLabour {
            recorded: m.capacity_recorded_none(),
        });
    }
    let months = r.count(&p::DIBAO_EMPLOYMENT_COST_MONTHS)?;
    let (wage_of, wage) = match &m.work_place {
        WorkPlace::Province(place) => {
            let (tier, wage) = tier_wage(r, place)?;
            (WageOf::Tier(tier), wage)
        }
        WorkPlace::Outside {
            minimum_wage: Some(wage),
            ..
        } => (WageOf::Given, *wage),
        WorkPlace::Outside {
            minimum_wage: None, ..
        } => {
            let home = r.region();
            let (tier, wage) = match home {
                Some(home) => tier_wage(r, home)?,
                None => return Err(PolicyError::invalid_input("region", "缺少家庭所在地区")),
            };
            (WageOf::HomeTier(tier), wage)
        }
    };
    let cap = wage.checked_mul(Decimal::from(months))?;
    Ok(Deduction::Capped {
        wage_of,
        wage,
        months,
        cap,
        deduction: m.wages.min(cap),
    })
}

/// Which values a deduction's minimum-wage tier and amount are, for the words: `档次 2025-12-01
/// 起，示意；金额 2025-12-01 起，转述，只有一个来源`. Empty for a wage the officer gave, or none.
pub(super) fn deduction_said(
    h: &Household<'_>,
    place: usize,
    d: &Deduction,
    r: &Reader<'_>,
) -> String {
    let Deduction::Capped { wage_of, .. } = d else {
        return String::new();
    };
    let (tier, region) = match (wage_of, h.members.get(place).map(|m| &m.work_place)) {
        (WageOf::Tier(tier), Some(WorkPlace::Province(region))) => (*tier, Some(*region)),
        (WageOf::HomeTier(tier), _) => (*tier, r.region()),
        _ => return String::new(),
    };
    match p::minimum_wage_of_tier(tier) {
        Some(amount) => format!(
            "档次 {}；金额 {}",
            r.said(&p::MINIMUM_WAGE_TIER, region),
            r.said(amount, region)
        ),
        None => String::new(),
    }
}

/// Which value the 渐退 months are (`2021-01-01 起，示意`) and, when neither official nor the
/// caller's own, its note: how the calculator chose the number, which the step says is its
/// assumption. For the words only.
pub(super) fn gradual_months_said(r: &Reader<'_>) -> (String, Option<String>) {
    let spec = &p::DIBAO_GRADUAL_EXIT_MONTHS;
    let chosen = r
        .set()
        .lookup(spec, r.params_on(), r.region())
        .ok()
        .filter(|v| v.status != Status::Official && !v.is_what_if())
        .map(|v| v.note.clone().unwrap_or_default());
    (r.said(spec, r.region()), chosen)
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

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    /// What [`super::count_income`] takes for a household whose sharers are all covered: an
    /// income × n ÷ n is the income itself, digit for digit and place for place.
    #[test]
    fn an_income_times_and_over_the_same_count_is_itself() {
        let cases = [
            ("15548", 3u32),
            ("3899.5", 7),
            ("0.01", 12),
            ("123456789.125", 9),
            ("-20.10", 4),
        ];
        for (text, n) in cases {
            let x: Decimal = text.parse().unwrap();
            let back = x
                .checked_mul(n.into())
                .and_then(|p| p.checked_div(n.into()))
                .unwrap();
            assert_eq!(
                (back.mantissa(), back.scale()),
                (x.mantissa(), x.scale()),
                "{text} × {n} ÷ {n}"
            );
        }
    }
}
