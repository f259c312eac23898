//! 城乡居民养老保险费代缴 (premiums paid by government), policy text 四(十二): the local government pays
//! part or all of the lowest-tier premium for 低保对象, 特困人员, 返贫致贫人口, 重度残疾人 and other
//! groups who cannot pay; when tiers rise, these groups and other alleviated people may keep the
//! current lowest tier.
//!
//! Who contributes: members of working age (the household's default labour-age range) not in school.
//! Group membership comes from the 低保 and 特困 calculations for the same household and date;
//! 返贫致贫人口 are taken to be members of households under monitoring (`status: 'monitored'`).
//! A member in several groups gets the highest share.
//!
//! Parameters read: `pension.lowestTier`, `pension.paidShare.tekun`, `.dibao`, `.returnedToPoverty`,
//! `.severeDisability`, `labor.workingAgeMin`, `labor.workingAgeMax`, and those of 低保 and 特困.

use serde::Serialize;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use super::{dibao, tekun};
use crate::error::Result;
use crate::model::{Household, HouseholdStatus, Member};
use crate::money::{Money, Rate};
use crate::params::catalogue as p;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PensionMember {
    pub member: String,
    /// Of contributing age and not in school.
    pub contributes: bool,
    /// Chinese names of the groups the member belongs to.
    pub groups: Vec<String>,
    /// Share of the lowest-tier premium the government pays.
    #[tsify(type = "string")]
    pub share: Rate,
    /// Paid by the government per year.
    #[tsify(type = "string")]
    pub paid: Money,
    /// May keep the current lowest tier when tiers rise.
    pub retains_lowest_tier: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PensionResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    /// The lowest premium tier, per year.
    #[tsify(type = "string")]
    pub lowest_tier: Money,
    pub members: Vec<PensionMember>,
}

/// Labels of the members who are 低保对象 and 特困人员 in this household on this date.
pub(crate) struct Groups {
    pub dibao: Vec<String>,
    pub tekun: Vec<String>,
}

/// Run 低保 and 特困 for the household and note what they rest on.
pub(crate) fn assistance_groups(h: &Household<'_>, calc: &mut Calc<'_>) -> Result<Groups> {
    let d = dibao::dibao(h, Calc::new(calc.params.clone(), false))?;
    let t = tekun::tekun(h, Calc::new(calc.params.clone(), false))?;
    rests_on(&d, &t, calc);
    Ok(groups_from(h, &d, &t))
}

/// Note in `calc` the non-official parameters of the 低保 and 特困 results it rests on.
pub(crate) fn rests_on(d: &dibao::DibaoResult, t: &tekun::TekunResult, calc: &mut Calc<'_>) {
    calc.params.record(d.result.unofficial);
    calc.params.record(t.result.unofficial);
}

/// The groups, from 低保 and 特困 results already computed for the same household and date.
pub(crate) fn groups_from(
    h: &Household<'_>,
    d: &dibao::DibaoResult,
    t: &tekun::TekunResult,
) -> Groups {
    let dibao_members = if !d.result.eligible {
        Vec::new()
    } else if !d.single_person.is_empty() {
        d.single_person.iter().map(|s| s.member.clone()).collect()
    } else {
        h.members
            .iter()
            .map(|m| m.label.clone())
            .filter(|l| !d.tekun_members.contains(l))
            .collect()
    };
    let tekun_members = t
        .members
        .iter()
        .filter(|m| m.eligible)
        .map(|m| m.member.clone())
        .collect();
    Groups {
        dibao: dibao_members,
        tekun: tekun_members,
    }
}

fn member_row(
    m: &Member<'_>,
    h: &Household<'_>,
    groups: &Groups,
    working: (u32, u32),
    lowest: Money,
    calc: &mut Calc<'_>,
) -> Result<PensionMember> {
    let contributes = (working.0..=working.1).contains(&m.age) && m.schooling.is_none();
    let mut names = Vec::new();
    let mut share = Rate::default();
    let mut consider = |name: &str, applies: bool, spec, calc: &mut Calc<'_>| -> Result<()> {
        if applies && contributes {
            names.push(name.to_string());
            let r = calc.params.rate(spec)?;
            if r > share {
                share = r;
            }
        }
        Ok(())
    };
    consider(
        "特困人员",
        groups.tekun.contains(&m.label),
        &p::PENSION_PAID_SHARE_TEKUN,
        calc,
    )?;
    consider(
        "低保对象",
        groups.dibao.contains(&m.label),
        &p::PENSION_PAID_SHARE_DIBAO,
        calc,
    )?;
    consider(
        "返贫致贫人口",
        h.status == HouseholdStatus::Monitored,
        &p::PENSION_PAID_SHARE_RETURNED,
        calc,
    )?;
    consider(
        "重度残疾人",
        m.severely_disabled(),
        &p::PENSION_PAID_SHARE_SEVERE_DISABILITY,
        calc,
    )?;
    let paid = lowest.times(share)?.round_fen();
    let retains = contributes && (!names.is_empty() || h.status == HouseholdStatus::Alleviated);
    let text = || {
        if !contributes {
            format!(
                "{}：{}周岁{}，不在缴费人群内。",
                m.label,
                m.age,
                if m.schooling.is_some() { "在校" } else { "" }
            )
        } else if names.is_empty() {
            format!(
                "{}：不属代缴对象{}。",
                m.label,
                if retains {
                    "；已脱贫人口，提高缴费档次时可保留现行最低档次"
                } else {
                    ""
                }
            )
        } else {
            format!("{}：{}，政府代缴最低档 {lowest} 元的 {} = {paid} 元/年；提高缴费档次时可保留现行最低档次。", m.label, names.join("、"), share.percent())
        }
    };
    calc.step("pension.member", "四(十二)", text, || {
        Some(paid.to_fen_string())
    });
    Ok(PensionMember {
        member: m.label.clone(),
        contributes,
        groups: names,
        share,
        paid,
        retains_lowest_tier: retains,
    })
}

pub fn pension(h: &Household<'_>, mut calc: Calc<'_>) -> Result<PensionResult> {
    let groups = assistance_groups(h, &mut calc)?;
    pension_for(h, calc, &groups)
}

/// 代缴 when the household's 低保 and 特困 groups are already known.
pub(crate) fn pension_for(
    h: &Household<'_>,
    mut calc: Calc<'_>,
    groups: &Groups,
) -> Result<PensionResult> {
    let lowest = calc.params.money(&p::PENSION_LOWEST_TIER)?;
    let working = (
        calc.params.count(&p::LABOR_WORKING_AGE_MIN)?,
        calc.params.count(&p::LABOR_WORKING_AGE_MAX)?,
    );
    calc.step(
        "pension.lowestTier",
        "四(十二)",
        || {
            format!(
                "城乡居民养老保险最低缴费档次 {lowest} 元/年；{}至{}周岁、不在校的成员缴费。",
                working.0, working.1
            )
        },
        || Some(lowest.to_fen_string()),
    );
    let mut members = Vec::with_capacity(h.members.len());
    for m in &h.members {
        members.push(member_row(m, h, groups, working, lowest, &mut calc)?);
    }
    let total = Money::sum(members.iter().map(|m| m.paid))?;
    for m in members.iter().filter(|m| !m.paid.is_zero()) {
        calc.reason(|| {
            format!(
                "{}属{}，政府每年代缴 {} 元养老保险费。",
                m.member,
                m.groups.join("、"),
                m.paid
            )
        });
    }
    if total.is_zero() {
        calc.reason(|| "没有成员属于代缴对象。".into());
    }
    let eligible = !total.is_zero();
    let mut result = calc.finish("pension", "城乡居民养老保险代缴", eligible, None)?;
    result.annual = eligible.then_some(total);
    Ok(PensionResult {
        result,
        lowest_tier: lowest,
        members,
    })
}
