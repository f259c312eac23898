//! 加发 (四(十)): the highest rate among a member's groups (重度残疾人, 重病患者, 老年人, 未成年人),
//! never the sum; and 单人户 (民发〔2021〕57号第八条): the severely disabled or seriously ill members of a
//! 边缘 family covered alone at the average subsidy plus their 加发.

use super::{SinglePerson, Supplement};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::Member;
use crate::params::{catalogue as p, Reader};
use crate::programs::groups::Group;

/// The 加发 of one member: the highest rate among the groups they belong to (never the sum).
fn supplement_for(
    m: &Member<'_>,
    standard: Money,
    ages: (u32, u32),
    r: &mut Reader<'_>,
) -> Result<Option<Supplement>> {
    supplement_at(m, m.age, standard, ages, r)
}

/// The 加发 of one member at `age` (theirs on the date, or one they turn within the year).
pub(super) fn supplement_at(
    m: &Member<'_>,
    age: u32,
    standard: Money,
    (elderly_age, minor_age): (u32, u32),
    r: &mut Reader<'_>,
) -> Result<Option<Supplement>> {
    // The member's groups in the order of 四(十), held without allocating (at most four).
    let each = [
        (
            m.severely_disabled(),
            &p::DIBAO_SUPPLEMENT_SEVERE_DISABILITY,
            Group::SevereDisability,
        ),
        (
            m.serious_illness,
            &p::DIBAO_SUPPLEMENT_SERIOUS_ILLNESS,
            Group::SeriousIllness,
        ),
        (
            age >= elderly_age,
            &p::DIBAO_SUPPLEMENT_ELDERLY,
            Group::Elderly,
        ),
        (age < minor_age, &p::DIBAO_SUPPLEMENT_MINOR, Group::Minor),
    ];
    let mut groups = [None; 4];
    for (slot, (applies, spec, group)) in groups.iter_mut().zip(each) {
        if applies {
            *slot = Some((r.rate(spec)?, group));
        }
    }
    let groups = || groups.iter().flatten();
    // The highest rate; on a tie, the group listed first in 四(十).
    let best = groups()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.0.cmp(&b.0).then(j.cmp(i)))
        .map(|(i, _)| i);
    let Some((rate, group)) = best.and_then(|i| groups().nth(i)).copied() else {
        return Ok(None);
    };
    let also = groups()
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
pub(super) fn group_words(m: &Member<'_>, group: Group) -> String {
    let grade = m.disability_grade.unwrap_or(0);
    match (group, m.disability_type) {
        (Group::SevereDisability, Some(t)) => format!("{grade}级{}（重度残疾人）", t.label()),
        (Group::SevereDisability, None) => format!("{grade}级重度残疾"),
        (Group::Elderly | Group::Minor, _) => format!("{}（{}周岁）", group.label(), m.age),
        _ => group.label().to_string(),
    }
}

/// A 加发's group in words, with the groups set aside: 老年人（70周岁）（同时属于重病患者，只取最高一项）.
pub(super) fn supplement_words(m: &Member<'_>, s: &Supplement) -> String {
    let group = group_words(m, s.group);
    if s.also.is_empty() {
        return group;
    }
    let others: Vec<String> = s.also.iter().map(|g| group_words(m, *g)).collect();
    format!("{group}（同时属于{}，只取最高一项）", others.join("、"))
}

pub(super) fn supplements(
    members: &[&Member<'_>],
    standard: Money,
    r: &mut Reader<'_>,
) -> Result<Vec<Supplement>> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    // Read once for all the members (and only when there is one, as each member read them).
    let ages = ages(r)?;
    supplements_of(members, standard, ages, r)
}

/// Each member's 加发, the ages of the 加发 read.
pub(super) fn supplements_of(
    members: &[&Member<'_>],
    standard: Money,
    ages: (u32, u32),
    r: &mut Reader<'_>,
) -> Result<Vec<Supplement>> {
    let mut out = Vec::new();
    for m in members {
        out.extend(supplement_for(m, standard, ages, r)?);
    }
    Ok(out)
}

/// The elderly and the minor age of the 加发.
pub(super) fn ages(r: &mut Reader<'_>) -> Result<(u32, u32)> {
    Ok((
        r.count(&p::DIBAO_ELDERLY_AGE)?,
        r.count(&p::DIBAO_MINOR_AGE)?,
    ))
}

/// The members 单人户 is for (民发〔2021〕57号第八条: 重度残疾人, 重特大疾病患者), by their place.
pub(super) fn single_person_candidates(covered: &[&Member<'_>]) -> Vec<usize> {
    covered
        .iter()
        .filter(|m| m.severely_disabled() || m.serious_illness)
        .map(|m| m.index)
        .collect()
}

/// 单人户: severely disabled or seriously ill members of a low-income family, covered alone at the
/// local average subsidy level + their 加发.
pub(super) fn single_person(
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
        let with = supplement_for(m, standard, ages(r)?, r)?;
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
