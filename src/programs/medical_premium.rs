//! 分类资助参保 (premiums of basic medical insurance paid by government by group), policy text 二(三):
//! "有效防范因病返贫致贫风险，落实分类资助参保政策，做好脱贫人口参保动员工作".
//!
//! Per member: the individual premium of 城乡居民基本医疗保险 for the year, and the share of it the
//! government pays by the member's group: 特困人员 全额资助, 低保对象 定额资助 (国办发〔2021〕42号,
//! with no end date); 返贫致贫人口, other monitored people and 脱贫人口 during the transition
//! (医保发〔2021〕10号, as reported: 过渡期内). That document stops at `transition.end`; after it the
//! shares go on as the parameters say (`medicalPremium.afterPeriod`, an assumption: their values
//! from 2026-01-01 are this calculator's choice, which a county changes with its own). A member
//! in several groups gets the highest share. Group membership of 低保 and 特困
//! comes from the assistance context; 返贫致贫 is `status: 'returned'`, monitored `'monitored'`, 脱贫
//! `'alleviated'`. The government's part is paid on the household's behalf; the household pays the
//! rest for its insured members. Members recorded as not insured get nothing until they enrol (the
//! estimate's `uninsured` alert asks staff to enrol them).
//!
//! Parameters read: `medicalPremium.individual`, `medicalPremium.paidShare.tekun`, `.dibao`,
//! `.returned`, `.monitored`, `.alleviated`, `transition.end`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::groups::{self, Group};
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::model::{Household, HouseholdStatus, Label};
use crate::params::{catalogue as p, Reader, Spec};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PremiumMember {
    #[tsify(type = "string")]
    pub member: Label,
    /// Recorded as insured (default true).
    pub insured: bool,
    /// The groups that give the member a subsidy (`labels().group` names them).
    #[tsify(type = "('tekun' | 'dibao' | 'returned' | 'monitored' | 'alleviated')[]")]
    pub groups: Vec<Group>,
    /// Share of the individual premium the government pays.
    #[tsify(type = "string")]
    pub share: Rate,
    /// Paid by the government for the year (0.00 while the member is not insured).
    #[tsify(type = "string")]
    pub subsidy: Money,
    /// What the household pays for the member (0.00 while not insured).
    #[tsify(type = "string")]
    pub pays: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MedicalPremiumFigures {
    /// The individual premium per person for the year.
    #[tsify(type = "string")]
    pub premium: Money,
    pub members: Vec<PremiumMember>,
    /// Paid by the government for the insured members, a year.
    #[tsify(type = "string")]
    pub paid_by_government: Money,
    /// What the household still pays for its insured members, a year.
    #[tsify(type = "string")]
    pub household_pays: Money,
    /// A 脱贫, monitored or 返贫致贫 household after the transition period: the period's end (its
    /// members' subsidy as 脱贫人口, 监测对象 or 返贫致贫人口 rests on the parameters' values after it).
    #[serde(skip)]
    after_transition: Option<chrono::NaiveDate>,
}

/// One member's subsidy in words.
fn member_step(m: &PremiumMember, premium: Money, after: bool, e: &mut Explanation) {
    let text = match (m.groups.is_empty(), m.insured) {
        (true, true) => format!("{}：不属资助参保对象，个人缴费 {premium} 元。", m.member),
        (true, false) => format!("{}：未参保；不属资助参保对象。", m.member),
        (false, true) => format!(
            "{}：{}，政府资助个人缴费的 {} = {} 元，个人缴 {} 元。",
            m.member,
            groups::labels(&m.groups),
            m.share.percent(),
            m.subsidy,
            m.pays
        ),
        (false, false) => format!(
            "{}：{}，参保后政府资助个人缴费的 {}；目前未参保，尚未资助。",
            m.member,
            groups::labels(&m.groups),
            m.share.percent()
        ),
    };
    // Subsidised only as 返贫致贫人口, 监测对象 or 脱贫人口: the rule of the transition period, or after it the
    // calculator's assumption.
    let rule = match (transitional(m), after) {
        (true, false) => rules::MEDICAL_PREMIUM_TRANSITION,
        (true, true) => rules::MEDICAL_PREMIUM_AFTER_PERIOD.into(),
        (false, _) => rules::MEDICAL_PREMIUM_MEMBER,
    };
    e.step(rule, text, Some(m.subsidy.to_fen_string()));
}

/// Subsidised only as 返贫致贫人口, 监测对象 or 脱贫人口.
fn transitional(m: &PremiumMember) -> bool {
    !m.groups.is_empty() && m.groups.iter().all(|g| TRANSITION_GROUPS.contains(g))
}

/// The groups a document subsidises during the transition period only (医保发〔2021〕10号).
const TRANSITION_GROUPS: [Group; 3] = [Group::Returned, Group::Monitored, Group::Alleviated];

/// The groups of a member: (group, applies, the share's parameter).
fn groups(
    index: usize,
    h: &Household<'_>,
    a: &Assistance,
) -> Result<[(Group, bool, &'static Spec); 5]> {
    Ok([
        (
            Group::Tekun,
            a.tekun()?.members.contains(&index),
            &p::MEDICAL_PREMIUM_SHARE_TEKUN,
        ),
        (
            Group::Dibao,
            a.dibao()?.members.contains(&index),
            &p::MEDICAL_PREMIUM_SHARE_DIBAO,
        ),
        (
            Group::Returned,
            h.status == HouseholdStatus::Returned,
            &p::MEDICAL_PREMIUM_SHARE_RETURNED,
        ),
        (
            Group::Monitored,
            h.status == HouseholdStatus::Monitored,
            &p::MEDICAL_PREMIUM_SHARE_MONITORED,
        ),
        (
            Group::Alleviated,
            h.status == HouseholdStatus::Alleviated,
            &p::MEDICAL_PREMIUM_SHARE_ALLEVIATED,
        ),
    ])
}

impl HouseholdProgramme for MedicalPremiumFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(Some("on the household's behalf"));

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        a.rest_on_them(r)?;
        let premium = r.money(&p::MEDICAL_PREMIUM_INDIVIDUAL)?;
        // 医保发〔2021〕10号 subsidises 返贫致贫人口, 脱贫人口 and other monitored people 过渡期内: after the period
        // their shares are the parameters' values after it (an assumption).
        let after_transition = match h.status {
            HouseholdStatus::Alleviated
            | HouseholdStatus::Monitored
            | HouseholdStatus::Returned => {
                Some(r.date(&p::TRANSITION_END)?).filter(|end| r.on() > *end)
            }
            HouseholdStatus::General => None,
        };
        let mut members = Vec::with_capacity(h.members.len());
        // Members in the same groups (most of a household's) have the same share and amounts:
        // worked out once, for the first of them, and what the household pays once it is insured.
        let mut same: Option<([bool; 5], Rate, Money, Option<Money>)> = None;
        for (i, m) in h.members.iter().enumerate() {
            let groups = groups(i, h, a)?;
            let applying = groups.map(|g| g.1);
            let mut names = super::list_for(|| applying.iter().filter(|g| **g).count());
            names.extend(groups.iter().filter(|g| g.1).map(|g| g.0));
            let (share, full, paid) = match &mut same {
                Some((of, share, full, paid)) if *of == applying => (*share, *full, paid),
                _ => {
                    let mut share = Rate::default();
                    for (_, applies, spec) in groups {
                        if applies {
                            share = share.max(r.rate(spec)?);
                        }
                    }
                    let full = premium.times(share)?.round_fen().min(premium);
                    let (_, _, _, paid) = same.insert((applying, share, full, None));
                    (share, full, paid)
                }
            };
            let (subsidy, pays) = if m.insured {
                let pays = match paid {
                    Some(pays) => *pays,
                    None => *paid.insert(premium.checked_sub(full)?),
                };
                (full, pays)
            } else {
                (Money::ZERO, Money::ZERO)
            };
            members.push(PremiumMember {
                member: m.label.clone(),
                insured: m.insured,
                groups: names,
                share,
                subsidy,
                pays,
            });
        }
        Ok(MedicalPremiumFigures {
            after_transition,
            premium,
            paid_by_government: Money::sum(members.iter().map(|m| m.subsidy))?,
            household_pays: Money::sum(members.iter().map(|m| m.pays))?,
            members,
        })
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = !self.paid_by_government.is_zero();
        Ok(Amounts {
            annual: eligible.then_some(self.paid_by_government),
            other_annual: self.paid_by_government,
            ..Amounts::verdict(eligible)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["二(三)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(
            self.members.iter().any(|m| !m.groups.is_empty()),
            rules::MEDICAL_PREMIUM_SHARE,
        );
        a.add_if(
            self.after_transition.is_some() && self.members.iter().any(transitional),
            rules::MEDICAL_PREMIUM_AFTER_PERIOD,
        );
        a
    }

    fn why(&self) -> Why {
        let mut why = why![if self.paid_by_government.is_zero() {
            Reason::MedicalPremiumNoneSubsidised
        } else {
            Reason::MedicalPremiumSubsidised
        }];
        if self.members.iter().any(|m| !m.insured) {
            why.push(Reason::MedicalPremiumUninsured);
        }
        if self.after_transition.is_some() {
            why.push(Reason::MedicalPremiumTransitionEnded);
        }
        why
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        let premium = self.premium;
        e.step(
            rules::MEDICAL_PREMIUM_INDIVIDUAL,
            format!("城乡居民基本医疗保险个人缴费标准 {premium} 元/人·年。"),
            Some(premium.to_fen_string()),
        );
        if let Some(end) = self.after_transition {
            e.step_citing(
                rules::MEDICAL_PREMIUM_TRANSITION,
                "医保发〔2021〕10号（转述）",
                format!(
                    "过渡期已于 {} 结束：该文件只规定过渡期内的资助，之后按参数比例计算，请核对当地现行通知。",
                    crate::base::calendar::format_date(end)
                ),
                None,
            );
        }
        let after = self.after_transition.is_some();
        for m in &self.members {
            member_step(m, premium, after, e);
        }
        if self.members.iter().any(|m| !m.groups.is_empty()) {
            e.step(
                rules::MEDICAL_PREMIUM_SHARE,
                "“定额资助”按个人缴费的比例（参数）计，同属多类的取最高比例。".into(),
                None,
            );
        }
        e.step(
            rules::MEDICAL_PREMIUM_MEMBER,
            format!(
                "政府资助合计 {} 元/年（代缴，不是现金）；家庭还需缴纳 {} 元/年。",
                self.paid_by_government, self.household_pays
            ),
            Some(self.paid_by_government.to_fen_string()),
        );
        if self.paid_by_government.is_zero() {
            e.reason(Reason::MedicalPremiumNoneSubsidised.text());
        } else {
            e.reason(format!(
                "政府每年资助医保个人缴费 {} 元，家庭还需缴纳 {} 元。",
                self.paid_by_government, self.household_pays
            ));
        }
        if self.members.iter().any(|m| !m.insured) {
            e.reason("有成员未参加基本医疗保险：请动员参保（二(三)）。");
        }
        if after {
            e.reason(Reason::MedicalPremiumTransitionEnded.text());
        }
        e.fact("个人缴费标准", premium, "元/人·年", "premium");
        e.fact(
            "政府资助",
            self.paid_by_government,
            "元/年",
            "paidByGovernment",
        );
        e.fact("家庭缴纳", self.household_pays, "元/年", "householdPays");
    }
}
