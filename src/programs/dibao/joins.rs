//! A child who leaves the orphans' allowance within the year and joins the household's 低保 (rule
//! `annual.endsWithinYear`): a 社会散居 orphan or 事实无人抚养儿童 turning the minor age within 12
//! months, not at a school that continues the allowance, is in the household's 低保 from the
//! birthday. The months before it, counted as the allowance's own are, keep the amount without the
//! child; the rest have the household's 低保 with the child counted (its members as on the date,
//! the child at the minor age).

use chrono::NaiveDate;

use super::DibaoFigures;
use crate::base::calendar::{day_before, months_left, turns};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Care, Household};
use crate::params::Reader;
use crate::programs::assistance::{AllowanceTerms, Covered};

/// One child joining the household's 低保 within the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Join {
    /// The child's place in the household.
    pub(super) index: usize,
    /// The birthday the allowance ends on, and the age turned.
    pub(super) birthday: NaiveDate,
    pub(super) age: u32,
    /// Months from the date at the amount before; the rest of the 12 with the child counted.
    pub(super) months: u32,
    /// The household's 低保 a month with the child counted (rounded to the fen).
    pub(super) after: Money,
}

impl Join {
    /// The months with the child counted.
    pub(super) fn months_after(&self) -> u32 {
        12u32.saturating_sub(self.months)
    }
}

/// The children of `allowance` (by their place) whose allowance ends within 12 months of the date
/// and who join the household's 低保, with its amount a month from then (`tekun`: the members
/// supported apart, as now).
pub(super) fn joins(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<Vec<Join>> {
    let mut out = Vec::new();
    let Some(terms) = AllowanceTerms::read(h, r)? else {
        return Ok(out);
    };
    for &i in allowance {
        let Some(m) = h.members.get(i) else { continue };
        // A child in an institution does not live with the household; one at a school that
        // continues the allowance keeps it.
        if m.care == Some(Care::OrphanInstitution)
            || terms.covers(m) != Some(Covered::Minor)
            || terms.continues(m).is_some()
            || m.age.saturating_add(1) != terms.minor_age
        {
            continue;
        }
        let birthday = turns(m.birth_date, terms.minor_age)?;
        let months = months_left(h.ages_on, day_before(birthday)?)?;
        if months >= 12 {
            continue;
        }
        let mut older = h.clone();
        if let Some(child) = older.members.get_mut(i) {
            child.age = terms.minor_age;
        }
        let rest: Vec<usize> = allowance.iter().copied().filter(|&j| j != i).collect();
        let with = super::assess_now(&older, standard, (tekun, &rest), r)?;
        out.push(Join {
            index: i,
            birthday,
            age: terms.minor_age,
            months,
            after: with.paid.unwrap_or_default().round_fen(),
        });
    }
    Ok(out)
}

impl DibaoFigures {
    /// What the children joining add to the year: each one's change of the monthly amount over
    /// its months after.
    pub(super) fn joined(&self, paid: Money) -> Result<Money> {
        let mut sum = Money::ZERO;
        for j in &self.working.joins {
            let k = j.months_after().into();
            sum = sum
                .checked_add(j.after.checked_mul(k)?)?
                .checked_sub(paid.checked_mul(k)?)?;
        }
        Ok(sum)
    }
}
