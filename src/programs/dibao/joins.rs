//! A member who leaves another basic-living benefit within the year and joins the household's 低保
//! (rule `annual.endsWithinYear`): a 社会散居 orphan or 事实无人抚养儿童 whose allowance stops at
//! the minor age, not at a school that continues it, and a 特困 minor whose support ends at that
//! age (as 特困's own year counts it), are in the household's 低保 from the birthday. The months
//! before it, counted as those benefits' own are, keep the amount without the member; the rest
//! have the household's 低保 with the member counted (the others as on the date, the member at the
//! minor age).

use chrono::NaiveDate;

use super::year::{Change, Stretch};
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
    /// The 加发 of the household then that change within the year (counted from the date).
    pub(super) changes: Vec<Change>,
    /// The 渐退 period then, as its card gives it: first and last day.
    pub(super) period: Option<(String, String)>,
    /// The household once that period is over.
    pub(super) then: Option<Then>,
}

/// A household once its 渐退 period, ending within the year, is over (rule
/// `annual.endsWithinYear`): no longer on 低保, its route taken afresh (单人户, or nothing), from
/// the month after the period's last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Then {
    /// The first month after the period, counted from the date (its months left).
    pub(super) from: u32,
    /// Its 低保 a month (rounded to the fen; 0 when none), the route, and the 加发 that change
    /// within the year.
    pub(super) paid: Money,
    pub(super) route: Option<Route>,
    pub(super) changes: Vec<Change>,
    /// Its amount includes a 加发.
    pub(super) supplemented: bool,
}

impl Then {
    /// The household after the period as a stretch of the year, from `from` on.
    pub(super) fn stretch(&self, from: u32) -> Stretch<'_> {
        Stretch {
            from,
            paid: self.paid,
            changes: &self.changes,
        }
    }
}

/// The household `h` once its 渐退 period is over (`from`: the period's months left from the
/// date): assessed as a household no longer on 低保.
pub(super) fn after_period(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    from: u32,
    r: &mut Reader<'_>,
) -> Result<Then> {
    let mut over = h.clone();
    over.on_dibao = false;
    let f = super::assess_now(&over, standard, (tekun, allowance), r)?;
    Ok(Then {
        from,
        paid: f.paid.unwrap_or_default().round_fen(),
        route: f.route,
        supplemented: !f.supplements.is_empty() || f.single_person.iter().any(|s| s.with.is_some()),
        changes: f.working.changes,
    })
}

impl Join {
    /// The months the amount with the member counted is paid, from the date: 12, or the 渐退
    /// period's months left.
    pub(super) fn paid_months(&self) -> u32 {
        self.until.unwrap_or(12)
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
/// afresh (rule `dibao.joinsRoute`). When `redate` (the household is paid whole on the date, so in
/// no 渐退 period), a member whose joining lifts it over the standard is the change of income a
/// 渐退 period counts from: the birthday.
pub(super) fn joins(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    redate: bool,
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
    let mut out: Vec<Join> = Vec::new();
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
        // Paid whole before this joining: a 渐退 it brings counts from it.
        if out.last().map_or(redate, |j| j.route == Some(Route::Base)) {
            older.income_change_date = Some(birthday);
        }
        let leaving = (i, leaves, birthday, age);
        out.push(joined(
            &older,
            standard,
            (&tekun, &allowance),
            leaving,
            months,
            r,
        )?);
    }
    Ok((out, raised))
}

/// The household `h` with a member joined (`months` after the date): its 低保 as its members are
/// on the date, and, when that is a 渐退 period ending within the year, after it.
fn joined(
    h: &Household<'_>,
    standard: Money,
    (tekun, allowance): (&[usize], &[usize]),
    (index, leaves, birthday, age): Leaving,
    months: u32,
    r: &mut Reader<'_>,
) -> Result<Join> {
    let with = super::assess_now(h, standard, (tekun, allowance), r)?;
    let gradual = with.route == Some(Route::GradualExit);
    let until = with.working.months_left.filter(|_| gradual);
    let then = match until {
        Some(n) => Some(after_period(h, standard, (tekun, allowance), n, r)?),
        None => None,
    };
    Ok(Join {
        index,
        leaves,
        birthday,
        age,
        months,
        after: with.paid.unwrap_or_default().round_fen(),
        route: with.route,
        until,
        period: with
            .gradual_exit
            .filter(|_| gradual)
            .map(|g| (g.from, g.until)),
        then,
        changes: with.working.changes,
    })
}

/// A birthday comes within the 12 months from the date.
fn within_year(h: &Household<'_>, birthday: NaiveDate) -> Result<bool> {
    Ok(months_left(h.ages_on, day_before(birthday)?)? < 12)
}

impl DibaoFigures {
    /// The year in stretches (`first`: the amount on the date): the household on the date, and
    /// after its 渐退 period when that ends within the year; then from each member's joining
    /// (`joins`), the household as it then is, and after its 渐退 period. A stretch from a joining
    /// replaces those of the household before it from that month on.
    pub(super) fn stretches<'a>(&'a self, first: Money, joins: &'a [Join]) -> Vec<Stretch<'a>> {
        let mut out = vec![Stretch {
            from: 0,
            paid: first,
            changes: &self.working.changes,
        }];
        out.extend(self.working.then.as_ref().map(|t| t.stretch(t.from)));
        for j in joins {
            out.retain(|s| s.from < j.months);
            out.push(Stretch {
                from: j.months,
                paid: j.after,
                changes: &j.changes,
            });
            out.extend(j.then.as_ref().map(|t| t.stretch(t.from.max(j.months))));
        }
        out
    }
}
