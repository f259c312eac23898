//! 城乡居民养老保险费代缴 (premiums paid by government), policy text 四(十二): the local government pays
//! part or all of the lowest-tier premium for 低保对象, 特困人员, 返贫致贫人口, 重度残疾人 and other
//! groups who cannot pay; when tiers rise, these groups and other alleviated people may keep the
//! current lowest tier.
//!
//! Who contributes: members of working age (the household's default labour-age range) not in school.
//! Group membership comes from the assistance context (低保 and 特困, listed before this programme);
//! 返贫致贫人口 are the members of households identified as such (`status: 'returned'`); other
//! monitored households are not named by 四(十二). 重度残疾人 are those of 低保 (民发〔2021〕57号第八条,
//! [`Member::severely_disabled`]): the one definition the engine uses.
//! A member in several groups gets the highest share.
//!
//! Parameters read: `pension.lowestTier`, `pension.paidShare.tekun`, `.dibao`, `.returnedToPoverty`,
//! `.severeDisability`, `labor.workingAgeMin`, `labor.workingAgeMax`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::groups::Group;
use super::reasons::{Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::model::{Category, Household, HouseholdStatus, Label, Member};
use crate::params::{catalogue as p, Reader, Spec};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PensionMember {
    #[tsify(type = "string")]
    pub member: Label,
    /// Of contributing age and not in school.
    pub contributes: bool,
    /// The groups of 四(十二) the member belongs to (`labels().group` names them).
    #[tsify(type = "('tekun' | 'dibao' | 'returned' | 'severeDisability')[]")]
    pub groups: Vec<Group>,
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
pub struct PensionFigures {
    /// The lowest premium tier, per year.
    #[tsify(type = "string")]
    pub lowest_tier: Money,
    pub members: Vec<PensionMember>,
    /// The contributing ages.
    #[serde(skip)]
    working: (u32, u32),
    /// A monitored household not identified as 返贫致贫.
    #[serde(skip)]
    monitored: bool,
    /// A contributing member's 重度残疾 rested on the disability-type assumption.
    #[serde(skip)]
    disability_assumed: bool,
}

fn member_row(
    index: usize,
    m: &Member<'_>,
    h: &Household<'_>,
    (dibao, tekun): (&[usize], &[usize]),
    working: (u32, u32),
    (lowest, same): (Money, &mut Option<Same>),
    r: &mut Reader<'_>,
) -> Result<PensionMember> {
    let contributes = (working.0..=working.1).contains(&m.age) && m.schooling.is_none();
    let groups: [(Group, bool, &'static Spec); 4] = [
        (
            Group::Tekun,
            tekun.contains(&index),
            &p::PENSION_PAID_SHARE_TEKUN,
        ),
        (
            Group::Dibao,
            dibao.contains(&index),
            &p::PENSION_PAID_SHARE_DIBAO,
        ),
        (
            Group::Returned,
            h.status == HouseholdStatus::Returned,
            &p::PENSION_PAID_SHARE_RETURNED,
        ),
        (
            Group::SevereDisability,
            m.severely_disabled(),
            &p::PENSION_PAID_SHARE_SEVERE_DISABILITY,
        ),
    ];
    let applying = groups.map(|g| g.1 && contributes);
    let mut names = super::list_for(|| applying.iter().filter(|g| **g).count());
    names.extend(groups.iter().filter(|g| g.1 && contributes).map(|g| g.0));
    let (share, paid) = match same {
        Some((of, share, paid)) if *of == applying => (*share, *paid),
        _ => {
            let mut share = Rate::default();
            for (_, applies, spec) in groups {
                if applies && contributes {
                    share = share.max(r.rate(spec)?);
                }
            }
            let paid = lowest.times(share)?.round_fen();
            *same = Some((applying, share, paid));
            (share, paid)
        }
    };
    Ok(PensionMember {
        member: m.label.clone(),
        contributes,
        retains_lowest_tier: contributes && (!names.is_empty() || other_alleviated(h)),
        groups: names,
        share,
        paid,
    })
}

/// The groups that applied to a member, and the share and amount they gave: the same for the next
/// member in the same groups (most of a household's), who reads and computes nothing again.
type Same = ([bool; 4], Rate, Money);

/// The groups in words: 返贫致贫人口 are those identified as such (已认定).
fn group_words(groups: &[Group]) -> String {
    let names: Vec<&str> = groups
        .iter()
        .map(|g| match g {
            Group::Returned => "返贫致贫人口（已认定）",
            g => g.label(),
        })
        .collect();
    names.join("、")
}

/// 四(十二)'s 其他已脱贫人口: a 脱贫 household, or a monitored one registered as 脱贫不稳定户.
fn other_alleviated(h: &Household<'_>) -> bool {
    match h.status {
        HouseholdStatus::Alleviated => true,
        HouseholdStatus::Monitored => h.monitoring_category == Some(Category::Unstable),
        HouseholdStatus::General | HouseholdStatus::Returned => false,
    }
}

impl PensionFigures {
    fn total(&self) -> Result<Money> {
        Money::sum(self.members.iter().map(|m| m.paid))
    }
}

impl HouseholdProgramme for PensionFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(None);

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        a.rest_on_them(r)?;
        let lowest = r.money(&p::PENSION_LOWEST_TIER)?;
        let working = h.working_ages;
        let groups = (a.dibao()?.members.as_slice(), a.tekun()?.members.as_slice());
        let mut members = Vec::with_capacity(h.members.len());
        let mut same = None;
        for (i, m) in h.members.iter().enumerate() {
            members.push(member_row(
                i,
                m,
                h,
                groups,
                working,
                (lowest, &mut same),
                r,
            )?);
        }
        Ok(PensionFigures {
            disability_assumed: h
                .members
                .iter()
                .zip(&members)
                .any(|(m, row)| row.contributes && m.severity_assumed()),
            lowest_tier: lowest,
            members,
            working,
            monitored: h.status == HouseholdStatus::Monitored,
        })
    }

    fn amounts(&self) -> Result<Amounts> {
        let total = self.total()?;
        let eligible = !total.is_zero();
        Ok(Amounts {
            annual: eligible.then_some(total),
            other_annual: if eligible { total } else { Money::ZERO },
            ..Amounts::verdict(eligible)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["四(十二)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(
            self.members.iter().any(|m| !m.groups.is_empty()),
            rules::PENSION_SHARE,
        );
        a.add_if(self.disability_assumed, rules::MEMBER_DISABILITY_TYPE);
        a
    }

    fn why(&self) -> Why {
        let mut why = Why::default();
        if self.members.iter().any(|m| !m.paid.is_zero()) {
            why.push(Reason::PensionLowestTierPaid);
        } else {
            why.push(Reason::PensionNoneCovered);
        }
        let contributing = || {
            self.members
                .iter()
                .filter(|m| m.contributes && m.groups.is_empty())
        };
        if contributing().any(|m| m.retains_lowest_tier) {
            why.push(Reason::PensionKeepsLowestTier);
        }
        if self.monitored && contributing().any(|m| !m.retains_lowest_tier) {
            why.push(Reason::PensionReturnedOnly);
        }
        why
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        let (lowest, working) = (self.lowest_tier, self.working);
        e.step(
            rules::PENSION_LOWEST_TIER,
            format!(
                "城乡居民养老保险最低缴费档次 {lowest} 元/年；{}至{}周岁、不在校的成员缴费。",
                working.0, working.1
            ),
            Some(lowest.to_fen_string()),
        );
        for (m, row) in h.members.iter().zip(&self.members) {
            let text = if !row.contributes {
                format!(
                    "{}：{}周岁{}，不在缴费人群内。",
                    m.label,
                    m.age,
                    if m.schooling.is_some() { "在校" } else { "" }
                )
            } else if row.groups.is_empty()
                && h.status == HouseholdStatus::Monitored
                && !row.retains_lowest_tier
            {
                format!(
                    "{}：监测对象中只有已认定为返贫致贫的人口属代缴对象（四(十二)），该户未认定：不属代缴对象。",
                    m.label
                )
            } else if row.groups.is_empty() {
                format!(
                    "{}：不属代缴对象{}。",
                    m.label,
                    if row.retains_lowest_tier {
                        "；属其他已脱贫人口（脱贫户或脱贫不稳定户），提高缴费档次时可保留现行最低档次"
                    } else {
                        ""
                    }
                )
            } else {
                format!(
                    "{}：{}，政府代缴最低档 {lowest} 元的 {} = {} 元/年；提高缴费档次时可保留现行最低档次。",
                    m.label,
                    group_words(&row.groups),
                    row.share.percent(),
                    row.paid
                )
            };
            e.step(rules::PENSION_MEMBER, text, Some(row.paid.to_fen_string()));
        }
        if self.members.iter().any(|m| !m.groups.is_empty()) {
            e.step(
                rules::PENSION_SHARE,
                "代缴“部分或全部”的比例按人群取参数，同属多类的取最高比例；“重度残疾人”与低保相同，按民发〔2021〕57号第八条计（一、二级残疾人和三级智力、精神残疾人）。"
                    .into(),
                None,
            );
        }
        for m in self.members.iter().filter(|m| !m.paid.is_zero()) {
            e.reason(format!(
                "{}属{}，政府每年代缴 {} 元养老保险费。",
                m.member,
                group_words(&m.groups),
                m.paid
            ));
        }
        if self.members.iter().all(|m| m.paid.is_zero()) {
            e.reason(Reason::PensionNoneCovered.text());
        }
        e.fact("最低缴费档次", lowest, "元/年", "lowestTier");
        for (j, m) in self.members.iter().enumerate() {
            if !m.paid.is_zero() {
                let label = format!("代缴：{}", m.member);
                e.fact(label, m.paid, "元/年", format!("members[{j}].paid"));
            }
        }
    }
}
