//! 三重保障 (three-tier medical cover), policy text 四(十一): basic medical insurance, critical-illness
//! insurance with its cap abolished ("全面取消大病保险封顶线") and a tilt for 低保对象, 特困人员 and
//! 返贫致贫人口, and medical assistance as the last tier, within an annual limit.
//!
//! A hospital bill passes the tiers in order: basic insurance pays its rate on the in-policy amount
//! above its deductible (by hospital level), up to its annual cap; critical-illness insurance pays on
//! the in-policy burden left after basic insurance above its deductible, counted over the year, in two
//! rate bands and without a cap; medical assistance pays its rate (by group) on what is still left, up
//! to its annual limit. The patient pays the rest, including everything outside the policy catalogue,
//! so the parts always add up to the bill.
//!
//! Parameters read: `medical.basic.deductible.<level>`, `medical.basic.rate.<level>`,
//! `medical.basic.annualCap`, `medical.criticalIllness.deductible`, `.rate`, `.bandThreshold`,
//! `.highRate`, `.tiltDeductibleFactor`, `.tiltRateBonus`, `medical.assistance.rate` (低保),
//! `medical.assistance.rate.tekun`, `medical.assistance.rate.monitored`, `medical.assistance.annualCap`.

use serde::Serialize;
use serde_json::Value as Json;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use crate::error::{PolicyError, Result};
use crate::input::Obj;
use crate::money::{Money, Rate};
use crate::params::{catalogue as p, Spec};

/// Who the patient is for medical cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum InsuredGroup {
    /// 特困人员
    Tekun,
    /// 低保对象
    Dibao,
    /// 返贫致贫人口（已纳入监测）
    Monitored,
    /// 脱贫人口
    Alleviated,
    General,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum HospitalLevel {
    Township,
    County,
    City,
    Province,
}

/// A hospital bill (API: `medical(claim, asOf)`).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "MedicalClaim")]
pub struct ClaimInput {
    pub region: String,
    #[tsify(type = "'tekun' | 'dibao' | 'monitored' | 'alleviated' | 'general'")]
    pub group: String,
    #[tsify(type = "'township' | 'county' | 'city' | 'province'")]
    pub hospital_level: String,
    /// The whole bill.
    #[tsify(type = "Money")]
    pub total: String,
    /// The part within the policy catalogue (政策范围内).
    #[tsify(type = "Money")]
    pub in_policy: String,
    /// Paid earlier this year by basic insurance and by medical assistance (for the annual caps).
    #[tsify(optional, type = "{ basic?: Money; assistance?: Money }")]
    pub paid_this_year: Option<String>,
    /// In-policy burden after basic insurance earlier this year (counts towards the critical-illness deductible).
    #[tsify(optional, type = "Money")]
    pub burden_this_year: Option<String>,
}

/// A checked claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub region: String,
    pub group: InsuredGroup,
    pub level: HospitalLevel,
    pub total: Money,
    pub in_policy: Money,
    pub basic_paid: Money,
    pub assistance_paid: Money,
    pub burden_before: Money,
}

const GROUPS: &[(&str, InsuredGroup)] = &[
    ("tekun", InsuredGroup::Tekun),
    ("dibao", InsuredGroup::Dibao),
    ("monitored", InsuredGroup::Monitored),
    ("alleviated", InsuredGroup::Alleviated),
    ("general", InsuredGroup::General),
];
const LEVELS: &[(&str, HospitalLevel)] = &[
    ("township", HospitalLevel::Township),
    ("county", HospitalLevel::County),
    ("city", HospitalLevel::City),
    ("province", HospitalLevel::Province),
];

pub fn claim_from_value(json: &Json) -> Result<Claim> {
    let c = Obj::new(
        json,
        "",
        "医疗费用",
        &[
            "region",
            "group",
            "hospitalLevel",
            "total",
            "inPolicy",
            "paidThisYear",
            "burdenThisYear",
        ],
    )?;
    let total = c.required_money("total")?;
    let in_policy = c.required_money("inPolicy")?;
    if in_policy > total {
        return Err(PolicyError::out_of_range(
            "inPolicy",
            format!("政策范围内费用 {in_policy} 元不能超过总费用 {total} 元"),
        ));
    }
    let (basic_paid, assistance_paid) = match c.object("paidThisYear", &["basic", "assistance"])? {
        Some(o) => (
            o.money("basic")?.map(|m| m.0).unwrap_or_default(),
            o.money("assistance")?.map(|m| m.0).unwrap_or_default(),
        ),
        None => (Money::ZERO, Money::ZERO),
    };
    Ok(Claim {
        region: c.required_str("region")?,
        group: c.required_choice("group", GROUPS)?,
        level: c.required_choice("hospitalLevel", LEVELS)?,
        total,
        in_policy,
        basic_paid,
        assistance_paid,
        burden_before: c.money("burdenThisYear")?.map(|m| m.0).unwrap_or_default(),
    })
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MedicalResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    #[tsify(type = "string")]
    pub total: Money,
    #[tsify(type = "string")]
    pub in_policy: Money,
    #[tsify(type = "string")]
    pub out_of_policy: Money,
    /// 基本医保
    #[tsify(type = "string")]
    pub basic: Money,
    /// 大病保险
    #[tsify(type = "string")]
    pub critical: Money,
    /// 医疗救助
    #[tsify(type = "string")]
    pub assistance: Money,
    /// 个人自付: total − basic − critical − assistance.
    #[tsify(type = "string")]
    pub patient: Money,
    /// The critical-illness tilt for 低保, 特困 and 返贫致贫 people applied.
    pub tilt: bool,
}

fn level_specs(level: HospitalLevel) -> (&'static Spec, &'static Spec, &'static str) {
    match level {
        HospitalLevel::Township => (
            &p::MEDICAL_BASIC_DEDUCTIBLE_TOWNSHIP,
            &p::MEDICAL_BASIC_RATE_TOWNSHIP,
            "乡镇卫生院",
        ),
        HospitalLevel::County => (
            &p::MEDICAL_BASIC_DEDUCTIBLE_COUNTY,
            &p::MEDICAL_BASIC_RATE_COUNTY,
            "县级医院",
        ),
        HospitalLevel::City => (
            &p::MEDICAL_BASIC_DEDUCTIBLE_CITY,
            &p::MEDICAL_BASIC_RATE_CITY,
            "市级医院",
        ),
        HospitalLevel::Province => (
            &p::MEDICAL_BASIC_DEDUCTIBLE_PROVINCE,
            &p::MEDICAL_BASIC_RATE_PROVINCE,
            "省级医院",
        ),
    }
}

fn group_label(g: InsuredGroup) -> &'static str {
    match g {
        InsuredGroup::Tekun => "特困人员",
        InsuredGroup::Dibao => "低保对象",
        InsuredGroup::Monitored => "返贫致贫人口",
        InsuredGroup::Alleviated => "脱贫人口",
        InsuredGroup::General => "一般参保人",
    }
}

/// Rate × amount, checked.
fn share(amount: Money, rate: Rate) -> Result<Money> {
    amount.times(rate)
}

pub fn medical(c: &Claim, mut calc: Calc<'_>) -> Result<MedicalResult> {
    let out_of_policy = c.total.checked_sub(c.in_policy)?;
    calc.step(
        "medical.bill",
        "四(十一)",
        || {
            format!(
            "总费用 {} 元，其中政策范围内 {} 元、范围外 {out_of_policy} 元（范围外由个人负担）。",
            c.total, c.in_policy
        )
        },
        || Some(c.total.to_fen_string()),
    );

    // Tier 1: basic insurance.
    let (deductible_spec, rate_spec, level_label) = level_specs(c.level);
    let deductible = calc.params.money(deductible_spec)?;
    let rate = calc.params.rate(rate_spec)?;
    let cap = calc.params.money(&p::MEDICAL_BASIC_ANNUAL_CAP)?;
    let above = c.in_policy.checked_sub(deductible)?.max(Money::ZERO);
    let room = cap.checked_sub(c.basic_paid)?.max(Money::ZERO);
    let basic_share = share(above, rate)?;
    let basic = basic_share.min(room).round_fen();
    calc.step(
        "medical.basic",
        "四(十一)",
        || format!("基本医保（{level_label}）：(政策范围内 {} − 起付线 {deductible}) × {} = {}，年度限额 {cap} 元本年已付 {} 元，支付 {basic} 元。", c.in_policy, rate.percent(), basic_share.round_fen(), c.basic_paid),
        || Some(basic.to_fen_string()),
    );

    // Tier 2: critical-illness insurance, no cap; tilt for 低保, 特困, 返贫致贫.
    let tilt = matches!(
        c.group,
        InsuredGroup::Tekun | InsuredGroup::Dibao | InsuredGroup::Monitored
    );
    let burden = c.in_policy.checked_sub(basic)?;
    let mut c_deductible = calc.params.money(&p::MEDICAL_CRITICAL_DEDUCTIBLE)?;
    let mut low_rate = calc.params.rate(&p::MEDICAL_CRITICAL_RATE)?.decimal();
    let mut high_rate = calc.params.rate(&p::MEDICAL_CRITICAL_HIGH_RATE)?.decimal();
    let threshold = calc.params.money(&p::MEDICAL_CRITICAL_BAND_THRESHOLD)?;
    if tilt {
        let factor = calc
            .params
            .rate(&p::MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR)?;
        let bonus = calc
            .params
            .rate(&p::MEDICAL_CRITICAL_TILT_RATE_BONUS)?
            .decimal();
        c_deductible = c_deductible.times(factor)?;
        low_rate = low_rate
            .checked_add(bonus)
            .ok_or_else(PolicyError::overflow)?;
        high_rate = high_rate
            .checked_add(bonus)
            .ok_or_else(PolicyError::overflow)?;
        calc.step(
            "medical.tilt",
            "四(十一)",
            || {
                format!(
                    "{}享受大病保险倾斜：起付线 × {} = {} 元，各段比例提高 {} 个百分点。",
                    group_label(c.group),
                    factor.percent(),
                    c_deductible.round_fen(),
                    Rate::from_decimal(bonus).percent().trim_end_matches('%')
                )
            },
            || None,
        );
    }
    let (low_rate, high_rate) = (Rate::from_decimal(low_rate), Rate::from_decimal(high_rate));
    // The deductible counts over the year: this claim's share of the cumulative burden above it.
    let over_before = c.burden_before.checked_sub(c_deductible)?.max(Money::ZERO);
    let over_after = c
        .burden_before
        .checked_add(burden)?
        .checked_sub(c_deductible)?
        .max(Money::ZERO);
    let low_part = over_after
        .min(threshold)
        .checked_sub(over_before.min(threshold))?;
    let high_part = over_after.checked_sub(over_before)?.checked_sub(low_part)?;
    let critical = share(low_part, low_rate)?
        .checked_add(share(high_part, high_rate)?)?
        .round_fen();
    calc.step(
        "medical.critical",
        "四(十一)",
        || format!(
            "大病保险（已取消封顶线）：基本医保后政策范围内个人负担 {burden} 元（本年此前 {} 元），超过起付线 {} 元的部分：{} 元内 {} × {} + 以上 {} × {} = {critical} 元。",
            c.burden_before,
            c_deductible.round_fen(),
            threshold,
            low_part.round_fen(),
            low_rate.percent(),
            high_part.round_fen(),
            high_rate.percent()
        ),
        || Some(critical.to_fen_string()),
    );

    // Tier 3: medical assistance, by group, within the annual limit.
    let remaining = burden.checked_sub(critical)?;
    let assistance_rate = match c.group {
        InsuredGroup::Tekun => Some(calc.params.rate(&p::MEDICAL_ASSISTANCE_RATE_TEKUN)?),
        InsuredGroup::Dibao => Some(calc.params.rate(&p::MEDICAL_ASSISTANCE_RATE)?),
        InsuredGroup::Monitored => Some(calc.params.rate(&p::MEDICAL_ASSISTANCE_RATE_MONITORED)?),
        InsuredGroup::Alleviated | InsuredGroup::General => None,
    };
    let assistance = match assistance_rate {
        Some(r) => {
            let cap = calc.params.money(&p::MEDICAL_ASSISTANCE_ANNUAL_CAP)?;
            let room = cap.checked_sub(c.assistance_paid)?.max(Money::ZERO);
            let assisted = share(remaining, r)?;
            let a = assisted.min(room).round_fen();
            calc.step(
                "medical.assistance",
                "四(十一)",
                || format!("医疗救助（{}）：剩余政策范围内 {remaining} 元 × {} = {}，年度限额 {cap} 元本年已救助 {} 元，救助 {a} 元。", group_label(c.group), r.percent(), assisted.round_fen(), c.assistance_paid),
                || Some(a.to_fen_string()),
            );
            a
        }
        None => {
            calc.step(
                "medical.assistance",
                "四(十一)",
                || format!("{}不属医疗救助对象。", group_label(c.group)),
                || Some("0.00".into()),
            );
            Money::ZERO
        }
    };
    let covered = Money::sum([basic, critical, assistance])?;
    let patient = c.total.checked_sub(covered)?;
    calc.step(
        "medical.patient",
        "四(十一)",
        || {
            format!(
                "个人自付 = {} − {basic} − {critical} − {assistance} = {patient} 元。",
                c.total
            )
        },
        || Some(patient.to_fen_string()),
    );
    calc.reason(|| format!("三重保障共支付 {covered} 元（基本医保 {basic}、大病保险 {critical}、医疗救助 {assistance}），个人自付 {patient} 元。"));
    Ok(MedicalResult {
        result: calc.finish("medical", "医疗保障（三重保障）", !covered.is_zero(), None)?,
        total: c.total,
        in_policy: c.in_policy,
        out_of_policy,
        basic,
        critical,
        assistance,
        patient,
        tilt,
    })
}
