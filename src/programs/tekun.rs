//! 特困人员救助供养 (support for people in extreme poverty), policy text 四(十): "完善农村特困人员救助供养制度".
//!
//! A member qualifies when all three hold (national rule, 国发〔2016〕14号): no labour capacity (age,
//! disability or illness), no means of living (own income below the local 低保 standard), and no legal
//! supporter able to support them. Support = basic living standard (`tekun.basicMultiple` × the 低保
//! standard) + the care standard for their self-care ability. A 特困 member is supported on their
//! own; the household's 低保 then covers the other members (see `dibao`).
//!
//! Parameters read: `tekun.basicMultiple`, `tekun.care.selfCare`, `tekun.care.partialCare`,
//! `tekun.care.fullCare`, and the 低保 standard (`dibao.standard.rural` or `.urban`).

use serde::Serialize;
use tsify::Tsify;

use super::dibao::standard_for;
use super::result::{Calc, ProgramResult};
use crate::error::Result;
use crate::model::{Capacity, Household, Member};
use crate::money::Money;
use crate::params::catalogue as p;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunMember {
    pub member: String,
    pub eligible: bool,
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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    /// Basic living standard, per person per month.
    #[tsify(type = "string")]
    pub basic_standard: Money,
    pub members: Vec<TekunMember>,
}

/// The three tests for one member, with the sentences that explain them when `explain` is on.
/// `standard` is the monthly 低保 standard.
pub fn member_qualifies(
    m: &Member<'_>,
    standard: Money,
    explain: bool,
) -> Result<(bool, Vec<String>)> {
    let no_labor = m.labor_capacity == Capacity::None;
    let monthly_own = m.wages.checked_div(12.into())?;
    let no_means = monthly_own < standard;
    let no_supporter = !m.has_supporter;
    let eligible = no_labor && no_means && no_supporter;
    if !explain {
        return Ok((eligible, Vec::new()));
    }
    let why_no_labor = if m.labor_capacity_given {
        "登记为无劳动能力".to_string()
    } else if m.severely_disabled() {
        format!("{}级重度残疾", m.disability_grade.unwrap_or(0))
    } else {
        format!("{}周岁，不在劳动年龄内", m.age)
    };
    let reasons = vec![
        if no_labor {
            format!("无劳动能力（{why_no_labor}）")
        } else {
            "有劳动能力".into()
        },
        format!(
            "本人月收入 {} 元{}低保标准 {} 元",
            monthly_own.round_fen(),
            if no_means { "低于" } else { "不低于" },
            standard
        ),
        if no_supporter {
            "无法定赡养、抚养、扶养义务人或义务人无履行能力".into()
        } else {
            "有能履行义务的法定赡养、抚养、扶养义务人".into()
        },
    ];
    Ok((eligible, reasons))
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

pub fn tekun(h: &Household<'_>, mut calc: Calc<'_>) -> Result<TekunResult> {
    let standard = standard_for(h, &mut calc)?;
    let multiple = calc.params.rate(&p::TEKUN_BASIC_MULTIPLE)?;
    let basic = standard.times(multiple)?;
    calc.step(
        "tekun.basicStandard",
        "四(十)",
        || {
            format!(
                "特困人员基本生活标准 = 低保标准 {standard} 元 × {multiple} = {} 元/月。",
                basic.round_fen()
            )
        },
        || Some(basic.to_fen_string()),
    );
    let mut members = Vec::with_capacity(h.members.len());
    let mut total = Money::ZERO;
    for m in &h.members {
        let (eligible, reasons) = member_qualifies(m, standard, calc.trace.explains())?;
        let mut row = TekunMember {
            member: m.label.clone(),
            eligible,
            reasons,
            care_level: None,
            basic: None,
            care: None,
            monthly: None,
        };
        if eligible {
            let care = calc.params.money(care_spec(m.self_care))?;
            let monthly = basic.checked_add(care)?.round_fen();
            calc.step(
                "tekun.member",
                "四(十)",
                || {
                    format!(
                        "{}：{}；基本生活 {} 元 + {}照料护理 {care} 元 = {monthly} 元/月。",
                        m.label,
                        row.reasons.join("，"),
                        basic.round_fen(),
                        care_label(m.self_care)
                    )
                },
                || Some(monthly.to_fen_string()),
            );
            calc.reason(|| {
                format!(
                    "{}符合特困人员条件（{}），每月 {monthly} 元。",
                    m.label,
                    row.reasons.join("，")
                )
            });
            total = total.checked_add(monthly)?;
            row.care_level = Some(m.self_care);
            row.basic = Some(basic.round_fen());
            row.care = Some(care);
            row.monthly = Some(monthly);
        } else {
            calc.step(
                "tekun.member",
                "四(十)",
                || {
                    format!(
                        "{}：{}：不符合特困人员条件。",
                        m.label,
                        row.reasons.join("，")
                    )
                },
                || None,
            );
        }
        members.push(row);
    }
    let eligible = members.iter().any(|m| m.eligible);
    if !eligible {
        calc.reason(|| "没有成员同时满足无劳动能力、无生活来源、无法定义务人（或义务人无履行能力）三项条件：不符合特困供养。".into());
    }
    Ok(TekunResult {
        result: calc.finish(
            "tekun",
            "特困人员救助供养",
            eligible,
            eligible.then_some(total),
        )?,
        basic_standard: basic.round_fen(),
        members,
    })
}
