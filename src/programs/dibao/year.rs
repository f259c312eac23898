//! The year's 低保 when a member's 加发 ends or starts within it (rule `annual.endsWithinYear`): a
//! minor's 加发 ends at the minor age, an elderly member's starts at the elderly age. The months
//! from the date the ages are taken on up to and including the one the birthday falls in (months
//! counted from that date, a part month whole) keep the amount before; the amount after starts with
//! the next month (满周岁所在的月按原额, 次月起按新额). A joiner's months end the day before the
//! birthday instead (`joins`), where the allowance or 特困 it leaves ends.

use chrono::NaiveDate;

use super::supplements::supplement_at;
use super::Supplement;
use crate::base::calendar::{months_left, turns};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::Member;
use crate::params::Reader;
use crate::programs::groups::Group;

/// One member's 加发 changing within the year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Change {
    /// The member's place in the household.
    pub(super) index: usize,
    /// The birthday it comes on, and the age turned.
    pub(super) birthday: NaiveDate,
    pub(super) age: u32,
    /// The 加发 before and after.
    pub(super) before: Level,
    pub(super) after: Level,
    /// Months from the date at the amount before; the rest of the 12 at the amount after.
    pub(super) months: u32,
}

/// A 加发 as the year counts it: its group and amount a month (none: no 加发).
pub(super) type Level = Option<(Group, Money)>;

/// A 加发 a month (0 for none).
pub(super) fn monthly(l: Level) -> Money {
    l.map_or(Money::ZERO, |(_, m)| m)
}

fn level(s: Option<Supplement>) -> Level {
    s.map(|s| (s.group, s.monthly))
}

/// The 加发 of `members` that change within 12 months of `start` (the date their ages are taken
/// on): at each birthday crossing the minor or the elderly age (`ages`: the elderly and the minor
/// age), when the amount changes.
pub(super) fn changes(
    members: &[&Member<'_>],
    (start, standard): (NaiveDate, Money),
    ages: (u32, u32),
    r: &mut Reader<'_>,
) -> Result<Vec<Change>> {
    let mut out = Vec::new();
    let (elderly, minor) = ages;
    for m in members {
        // Only the next birthday can come within 12 months, and only one at the minor or the
        // elderly age changes the 加发.
        let age = m.age.saturating_add(1);
        if age != minor && age != elderly {
            continue;
        }
        let birthday = turns(m.birth_date, age)?;
        // Up to and including the birthday's month: a birthday on the first day of a counted
        // month keeps that month at the amount before, as one later in it does.
        let months = months_left(start, birthday)?;
        if months >= 12 {
            continue;
        }
        let before = level(supplement_at(m, m.age, standard, ages, r)?);
        let after = level(supplement_at(m, age, standard, ages, r)?);
        if monthly(after) != monthly(before) {
            out.push(Change {
                index: m.index,
                birthday,
                age,
                before,
                after,
                months,
            });
        }
    }
    Ok(out)
}

/// One stretch of the year at one household's 低保: its first month (counted from the date, the
/// first being 0), its amount a month then, and its 加发 that change within the year (their months
/// counted from the date too). A stretch runs to the next one's first month, the last to the 12th.
#[derive(Clone, Copy, Debug)]
pub(super) struct Stretch<'a> {
    pub(super) from: u32,
    pub(super) paid: Money,
    pub(super) changes: &'a [Change],
}

impl Stretch<'_> {
    /// The amount a month in month `at` (counted from the date): the changes come before it added.
    pub(super) fn at(&self, at: u32) -> Result<Money> {
        let mut paid = self.paid;
        for c in self.changes.iter().filter(|c| c.months <= at) {
            paid = paid
                .checked_add(monthly(c.after))?
                .checked_sub(monthly(c.before))?;
        }
        Ok(paid)
    }

    /// The months of the stretch at its own amount, and each change's months after within it,
    /// to `end`.
    pub(super) fn months(&self, end: u32) -> (u32, impl Iterator<Item = (&Change, u32)> + '_) {
        let from = self.from;
        let each = self
            .changes
            .iter()
            .map(move |c| (c, end.saturating_sub(from.max(c.months))));
        (end.saturating_sub(from), each)
    }
}

/// Where each of `stretches` ends: the next one's first month, the last the 12th.
pub(super) fn ends<'s>(stretches: &'s [Stretch<'_>]) -> impl Iterator<Item = u32> + 's {
    (1..=stretches.len()).map(|k| stretches.get(k).map_or(12, |s| s.from).min(12))
}

/// The year's amount of `stretches`: each one's amount over its months, and each of its changes'
/// difference over its months after within it (a household that then gets nothing has none).
pub(super) fn over_stretches(stretches: &[Stretch<'_>]) -> Result<Money> {
    let mut sum = Money::ZERO;
    for (s, end) in stretches.iter().zip(ends(stretches)) {
        let (months, changes) = s.months(end);
        sum = sum.checked_add(s.paid.checked_mul(months.into())?)?;
        for (c, k) in changes {
            sum = sum
                .checked_add(monthly(c.after).checked_mul(k.into())?)?
                .checked_sub(monthly(c.before).checked_mul(k.into())?)?;
        }
    }
    Ok(sum)
}
