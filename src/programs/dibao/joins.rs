//! A member who leaves another basic-living benefit within the year and joins the household's 低保
//! (rule `annual.endsWithinYear`): a 社会散居 orphan or 事实无人抚养儿童 whose allowance stops at
//! the minor age, not at a school that continues it, and a 特困 minor whose support ends at that
//! age (as 特困's own year counts it), are in the household's 低保 from the birthday. The months
//! before it, counted as those benefits' own are, keep the amount without the member; the rest
//! have the household's 低保 with the member counted (the others as on the date, the member at the
//! minor age).

use chrono::NaiveDate;

use super::{DibaoFigures, Route};
use crate::base::calendar::{day_before, months_left, turns};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Care, Household};
use crate::params::{catalogue as p, Reader};
use crate::programs::assistance::{AllowanceTerms, Covered};
use crate::programs::tekun;

/// The benefit a member leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Leaves {
    /// The orphans' allowance.
    Allowance,
    /// 特困 support.
    Tekun,
}

/// One member joining the household's 低保 within the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Join {
    /// The member's place in the household.
    pub(super) index: usize,
    pub(super) leaves: Leaves,
    /// The birthday the benefit ends on, and the age turned.
    pub(super) birthday: NaiveDate,
    pub(super) age: u32,
    /// Months from the date at the amount before; the rest of the 12 with the member counted.
    pub(super) months: u32,
    /// The household's 低保 a month with the member counted (rounded to the fen), and the route
    /// it takes then.
    pub(super) after: Money,
    pub(super) route: Option<Route>,
    /// The route then is a 渐退 period ending within the year: its months left from the date.
    pub(super) until: Option<u32>,
}

impl Join {
    /// The months the amount with the member counted is paid, from the date: 12, or the 渐退
    /// period's months left.
    pub(super) fn paid_months(&self) -> u32 {
        self.until.unwrap_or(12)
    }

    /// From the join on: the months the amount before it was paid (of `before`, its months from
    /// the date), and the months the amount after is.
    pub(super) fn months_of(&self, before: u32) -> (u32, u32) {
        (
            before.saturating_sub(self.months),
            self.paid_months().saturating_sub(self.months),
        )
    }
}

/// A member leaving a benefit: place, what, birthday, age turned.
type Leaving = (usize, Leaves, NaiveDate, u32);

/// The children of `allowance` (by their place) whose allowance stops at the minor age (within 12
/// months, as [`joins`] counts them): not at a school that continues it.
fn leaving_allowance(
    h: &Household<'_>,
    allowance: &[usize],
    r: &mut Reader<'_>,
) -> Result<Vec<Leaving>> {
    let mut out = Vec::new();
    let Some(terms) = AllowanceTerms::read(h, r)? else {
        return Ok(out);
    };
    for &i in allowance {
        let Some(m) = h.members.get(i) else { continue };
        if terms.covers(m) != Some(Covered::Minor)
            || terms.continues(m).is_some()
            || m.age.saturating_add(1) != terms.minor_age
        {
            continue;
        }
        out.push((
            i,
            Leaves::Allowance,
            turns(m.birth_date, terms.minor_age)?,
            terms.minor_age,
        ));
    }
    Ok(out)
}

/// The 特困 members (by their place) whose support ends at the minor age within 12 months.
fn leaving_tekun(h: &Household<'_>, tekun: &[usize], r: &mut Reader<'_>) -> Result<Vec<Leaving>> {
    let mut out = Vec::new();
    if tekun.is_empty() {
        return Ok(out);
    }
    let minor_age = r.count(&p::DIBAO_MINOR_AGE)?;
    for &i in tekun {
        let Some(m) = h.members.get(i) else { continue };
        if let Some((_, _, age)) = tekun::ends(m, Some(minor_age), h.ages_on)? {
            out.push((i, Leaves::Tekun, turns(m.birth_date, age)?, age));
        }
    }
    Ok(out)
}

/// The members who leave the orphans' allowance (`allowance`) or 特困 (`tekun`) within 12 months of
/// the date and join the household's 低保, in the order they join, with its amount a month from
/// each join: the household as it then is (those joined before counted too), its route taken
/// afresh (rule `dibao.joinsRoute`).
pub(super) fn joins(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    r: &mut Reader<'_>,
) -> Result<(Vec<Join>, Vec<usize>)> {
    let mut leaving = leaving_allowance(h, allowance, r)?;
    leaving.extend(leaving_tekun(h, tekun, r)?);
    // In the order they join, by birthday (a sort of its own would be a copy in the module); a
    // child raised in an institution (集中养育) lives apart from the family and does not join it
    // (rule `dibao.institutionAdult`).
    let (mut ordered, mut raised): (Vec<Leaving>, Vec<usize>) = (Vec::new(), Vec::new());
    for l in leaving {
        if h.members.get(l.0).and_then(|m| m.care) == Some(Care::OrphanInstitution) {
            if within_year(h, l.2)? {
                raised.push(l.0);
            }
            continue;
        }
        let at = ordered.iter().position(|o| o.2 > l.2);
        ordered.insert(at.unwrap_or(ordered.len()), l);
    }
    let (mut older, mut tekun, mut allowance) = (h.clone(), tekun.to_vec(), allowance.to_vec());
    let mut out = Vec::new();
    for (i, leaves, birthday, age) in ordered {
        if !within_year(h, birthday)? {
            break;
        }
        let months = months_left(h.ages_on, day_before(birthday)?)?;
        if let Some(member) = older.members.get_mut(i) {
            member.age = age;
        }
        for list in [&mut tekun, &mut allowance] {
            list.retain(|&j| j != i);
        }
        let with = super::assess_now(&older, standard, (&tekun, &allowance), r)?;
        out.push(Join {
            index: i,
            leaves,
            birthday,
            age,
            months,
            after: with.paid.unwrap_or_default().round_fen(),
            route: with.route,
            until: with
                .working
                .months_left
                .filter(|_| with.route == Some(Route::GradualExit)),
        });
    }
    Ok((out, raised))
}

/// A birthday comes within the 12 months from the date.
fn within_year(h: &Household<'_>, birthday: NaiveDate) -> Result<bool> {
    Ok(months_left(h.ages_on, day_before(birthday)?)? < 12)
}

impl DibaoFigures {
    /// The months the amount on the date is paid: 12, or a 渐退 period's months left.
    pub(super) fn paid_months(&self) -> u32 {
        match self.route {
            Some(Route::GradualExit) => self.working.months_left.unwrap_or(12),
            _ => 12,
        }
    }

    /// What the members joining add to the year, each join a new segment of the months: the
    /// amount then (`paid` on the date) over the months after it, within a 渐退 period's months
    /// when the route then is 渐退, less the amount before it over the same.
    pub(super) fn joined(&self, paid: Money) -> Result<Money> {
        let mut sum = Money::ZERO;
        let mut before = (paid, self.paid_months());
        for j in &self.working.joins {
            let (lost, gained) = j.months_of(before.1);
            sum = sum
                .checked_add(j.after.checked_mul(gained.into())?)?
                .checked_sub(before.0.checked_mul(lost.into())?)?;
            before = (j.after, j.paid_months());
        }
        Ok(sum)
    }
}
