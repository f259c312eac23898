//! 特困人员救助供养 (support for people in extreme poverty), policy text 四(十): "完善农村特困人员救助供养制度".
//!
//! A member qualifies when all three hold (national rule, 国发〔2016〕14号): no labour capacity (age,
//! disability or illness), no means of living (own income below the local 低保 standard), and no legal
//! supporter able to support them. Support = basic living standard (`tekun.basicMultiple` × the 低保
//! standard) + the care standard for their self-care ability. A 特困 member is supported on their
//! own; the household's 低保 then covers the other members (see `dibao`).
//!
//! Parameters read: `tekun.basicMultiple`, `tekun.care.selfCare`, `tekun.care.partialCare`,
//! `tekun.care.fullCare`; the 低保 standard and the three tests come from the assistance context.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::{Assistance, Decided};
use super::{Amounts, HouseholdProgramme};
use crate::error::Result;
use crate::explain::{Citations, Explanation};
use crate::model::{Capacity, Household, Member};
use crate::money::{Money, Rate};
use crate::params::{catalogue as p, Reader, UnofficialSet};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunMember {
    pub member: String,
    pub eligible: bool,
    /// The three tests in words (written only when the result is explained).
    pub reasons: Vec<String>,
    /// 'full' 全自理, 'partial' 半护理, 'none' 全护理 (by self-care ability).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub care_level: Option<Capacity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub basic: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub care: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub monthly: Option<Money>,
    /// The member's own income per month, for the test of means.
    #[serde(skip)]
    own_monthly: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunFigures {
    /// Basic living standard, per person per month.
    #[tsify(type = "string")]
    pub basic_standard: Money,
    pub members: Vec<TekunMember>,
    /// The 低保 standard and the multiple the basic standard rests on.
    #[serde(skip)]
    standard: Money,
    #[serde(skip)]
    multiple: Rate,
}

/// Each member assessed (`eligible`: those who meet the three tests, by their place), with the
/// support of those who qualify.
pub(crate) fn assess(
    h: &Household<'_>,
    standard: Money,
    eligible: &[usize],
    r: &mut Reader<'_>,
) -> Result<TekunFigures> {
    let multiple = r.rate(&p::TEKUN_BASIC_MULTIPLE)?;
    let basic = standard.times(multiple)?;
    let mut members = Vec::with_capacity(h.members.len());
    for (i, m) in h.members.iter().enumerate() {
        let eligible = eligible.contains(&i);
        let mut row = TekunMember {
            member: m.label.clone(),
            eligible,
            reasons: Vec::new(),
            care_level: None,
            basic: None,
            care: None,
            monthly: None,
            own_monthly: m.wages.checked_div(12.into())?,
        };
        if eligible {
            let care = r.money(care_spec(m.self_care))?;
            row.care_level = Some(m.self_care);
            row.basic = Some(basic.round_fen());
            row.care = Some(care);
            row.monthly = Some(basic.checked_add(care)?.round_fen());
        }
        members.push(row);
    }
    Ok(TekunFigures {
        basic_standard: basic.round_fen(),
        members,
        standard,
        multiple,
    })
}

fn care_spec(level: Capacity) -> &'static crate::params::Spec {
    match level {
        Capacity::Full => &p::TEKUN_CARE_SELF_CARE,
        Capacity::Partial => &p::TEKUN_CARE_PARTIAL_CARE,
        Capacity::None => &p::TEKUN_CARE_FULL_CARE,
    }
}

fn care_label(level: Capacity) -> &'static str {
    match level {
        Capacity::Full => "全自理",
        Capacity::Partial => "半护理",
        Capacity::None => "全护理",
    }
}

impl TekunFigures {
    fn total(&self) -> Result<Money> {
        Money::sum(self.members.iter().filter_map(|m| m.monthly))
    }
}

/// The three tests in words.
fn test_words(m: &Member<'_>, row: &TekunMember, standard: Money) -> Vec<String> {
    let why_no_labor = if m.labor_capacity_given {
        "登记为无劳动能力".to_string()
    } else if m.severely_disabled() {
        format!("{}级重度残疾", m.disability_grade.unwrap_or(0))
    } else {
        format!("{}周岁，不在劳动年龄内", m.age)
    };
    let no_means = row.own_monthly < standard;
    vec![
        if m.labor_capacity == Capacity::None {
            format!("无劳动能力（{why_no_labor}）")
        } else {
            "有劳动能力".into()
        },
        format!(
            "本人月收入 {} 元{}低保标准 {} 元",
            row.own_monthly.round_fen(),
            if no_means { "低于" } else { "不低于" },
            standard
        ),
        if m.has_supporter {
            "有能履行义务的法定赡养、抚养、扶养义务人".into()
        } else {
            "无法定赡养、抚养、扶养义务人或义务人无履行能力".into()
        },
    ]
}

impl HouseholdProgramme for TekunFigures {
    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        r.record(a.standard_used);
        assess(h, a.standard, &a.tekun_members, r)
    }

    fn contribute(&self, a: &mut Assistance, used: UnofficialSet) -> Result<()> {
        a.tekun = Some(Decided {
            members: (0..self.members.len())
                .filter(|i| self.members.get(*i).is_some_and(|m| m.eligible))
                .collect(),
            monthly: self.total()?,
            used,
        });
        Ok(())
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = self.members.iter().any(|m| m.eligible);
        Amounts::monthly(eligible, eligible.then(|| self.total()).transpose()?)
    }

    fn citations(&self) -> Citations {
        Citations::of(&["四(十)"])
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        let (standard, multiple, basic) = (self.standard, self.multiple, self.basic_standard);
        e.step(
            "tekun.basicStandard",
            "四(十)",
            format!("特困人员基本生活标准 = 低保标准 {standard} 元 × {multiple} = {basic} 元/月。"),
            Some(basic.to_fen_string()),
        );
        for (m, row) in h.members.iter().zip(self.members.iter_mut()) {
            row.reasons = test_words(m, row, standard);
            let tests = row.reasons.join("，");
            match (row.monthly, row.care) {
                (Some(monthly), Some(care)) => {
                    e.step(
                        "tekun.member",
                        "四(十)",
                        format!(
                            "{}：{tests}；基本生活 {basic} 元 + {}照料护理 {care} 元 = {monthly} 元/月。",
                            m.label,
                            care_label(m.self_care)
                        ),
                        Some(monthly.to_fen_string()),
                    );
                    e.reason(format!(
                        "{}符合特困人员条件（{tests}），每月 {monthly} 元。",
                        m.label
                    ));
                }
                _ => e.step(
                    "tekun.member",
                    "四(十)",
                    format!("{}：{tests}：不符合特困人员条件。", m.label),
                    None,
                ),
            }
        }
        e.fact("基本生活标准", basic, "元/人·月", "basicStandard");
        for (j, m) in self.members.iter().enumerate() {
            if let Some(monthly) = m.monthly {
                e.fact(
                    format!("特困：{}", m.member),
                    monthly,
                    "元/月",
                    format!("members[{j}].monthly"),
                );
            }
        }
        if !self.members.iter().any(|m| m.eligible) {
            e.reason("没有成员同时满足无劳动能力、无生活来源、无法定义务人（或义务人无履行能力）三项条件：不符合特困供养。");
        }
    }
}
