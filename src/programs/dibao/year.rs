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
use crate::base::money::{decimal_add, decimal_mul, Money};
use crate::input::model::Member;
use crate::params::Reader;
use crate::programs::groups::Group;
use rust_decimal::Decimal;

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

impl Change {
    /// The months at the amount after.
    pub(super) fn months_after(&self) -> u32 {
        12u32.saturating_sub(self.months)
    }
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

/// The year's amount: `paid` (rounded) × 12, each change's difference over its months after.
pub(super) fn annual(paid: Money, changes: &[Change]) -> Result<Money> {
    over_year(paid.round_fen(), changes)
}

/// The year's amount of `paid` as it is (rounded or not): × 12, each change's difference over its
/// months after. Worked in decimals with one error at the end: each `?` of an amount's result was a
/// copy of the error's moves in the module.
pub(super) fn over_year(paid: Money, changes: &[Change]) -> Result<Money> {
    let mut sum = decimal_mul(paid.decimal(), Decimal::from(12));
    for c in changes {
        let k = Decimal::from(c.months_after());
        // (after − before) × k: the same amount as − before × k + after × k, in one product.
        sum = sum.and_then(|s| {
            let mut before = monthly(c.before).decimal();
            before.set_sign_negative(before.is_sign_positive());
            let change = decimal_add(monthly(c.after).decimal(), before)?;
            decimal_add(s, decimal_mul(change, k)?)
        });
    }
    sum.map(Money::from_decimal)
        .ok_or_else(crate::base::error::PolicyError::overflow)
}
