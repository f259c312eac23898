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
use tsify::Tsify;

use super::reasons::{why, Reason};
use super::{Amounts, ProgrammeResult};
use crate::base::error::{PolicyError, Result};
use crate::base::money::{Money, Rate};
pub use crate::input::requests::{HospitalLevel, InsuredGroup, MedicalClaim};
use crate::params::{catalogue as p, Reader, Spec};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

pub const ID: &str = "medical";
pub const LABEL: &str = "医疗保障（三重保障）";

/// The figures of each tier, for the words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Tiers {
    level_label: &'static str,
    deductible: Money,
    rate: Rate,
    cap: Money,
    basic_share: Money,
    tilt: Option<(Rate, Rate)>,
    burden: Money,
    critical_deductible: Money,
    threshold: Money,
    low: (Money, Rate),
    high: (Money, Rate),
    remaining: Money,
    /// The dates the critical-illness deductible and first-band rate apply from, in words: the
    /// figures found are older than the transition period, and the words say so.
    critical_since: String,
    /// The date the 低保 assistance rate applies from, in words (empty for the other groups).
    assistance_since: String,
    /// Rate, annual limit, what the rate gives before the limit.
    assistance: Option<(Rate, Money, Money)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MedicalFigures {
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
    #[serde(skip)]
    tiers: Tiers,
}

pub type MedicalResult = ProgrammeResult<MedicalFigures>;

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
        InsuredGroup::Monitored => "纳入监测的易返贫致贫人口",
        InsuredGroup::Returned => "返贫致贫人口",
        InsuredGroup::Alleviated => "脱贫人口",
        InsuredGroup::General => "一般参保人",
    }
}

/// The bill through the three tiers.
pub fn compute(c: &MedicalClaim, r: &mut Reader<'_>) -> Result<MedicalFigures> {
    let mut t = Tiers::default();
    let out_of_policy = c.total.checked_sub(c.in_policy)?;
    let basic = basic_insurance(c, r, &mut t)?;
    // 四(十一): the tilt is for 低保对象, 特困人员 and 返贫致贫人口, not every monitored person.
    let tilt = matches!(
        c.group,
        InsuredGroup::Tekun | InsuredGroup::Dibao | InsuredGroup::Returned
    );
    let critical = critical_illness(c, basic, tilt, r, &mut t)?;
    t.remaining = t.burden.checked_sub(critical)?;
    let assistance_rate = match c.group {
        InsuredGroup::Tekun => Some(r.rate(&p::MEDICAL_ASSISTANCE_RATE_TEKUN)?),
        InsuredGroup::Dibao => {
            t.assistance_since = since(r, &[&p::MEDICAL_ASSISTANCE_RATE])?;
            Some(r.rate(&p::MEDICAL_ASSISTANCE_RATE)?)
        }
        InsuredGroup::Monitored | InsuredGroup::Returned => {
            Some(r.rate(&p::MEDICAL_ASSISTANCE_RATE_MONITORED)?)
        }
        InsuredGroup::Alleviated | InsuredGroup::General => None,
    };
    let assistance = match assistance_rate {
        Some(rate) => {
            let cap = r.money(&p::MEDICAL_ASSISTANCE_ANNUAL_CAP)?;
            let room = cap
                .checked_sub(c.paid_this_year.assistance)?
                .max(Money::ZERO);
            let assisted = t.remaining.times(rate)?;
            t.assistance = Some((rate, cap, assisted));
            // Never more than what is left of the bill, whatever the rate.
            assisted.min(room).min(t.remaining).round_fen()
        }
        None => Money::ZERO,
    };
    let covered = Money::sum([basic, critical, assistance])?;
    Ok(MedicalFigures {
        total: c.total,
        in_policy: c.in_policy,
        out_of_policy,
        basic,
        critical,
        assistance,
        patient: c.total.checked_sub(covered)?,
        tilt,
        tiers: t,
    })
}

/// Tier 1: basic insurance, by hospital level, within its annual cap.
fn basic_insurance(c: &MedicalClaim, r: &mut Reader<'_>, t: &mut Tiers) -> Result<Money> {
    let (deductible_spec, rate_spec, level_label) = level_specs(c.hospital_level);
    t.level_label = level_label;
    t.deductible = r.money(deductible_spec)?;
    t.rate = r.rate(rate_spec)?;
    t.cap = r.money(&p::MEDICAL_BASIC_ANNUAL_CAP)?;
    let above = c.in_policy.checked_sub(t.deductible)?.max(Money::ZERO);
    let room = t.cap.checked_sub(c.paid_this_year.basic)?.max(Money::ZERO);
    t.basic_share = above.times(t.rate)?;
    // Never more than the in-policy amount, whatever the rate.
    Ok(t.basic_share.min(room).min(c.in_policy).round_fen())
}

/// Tier 2: critical-illness insurance, no cap, two bands; the tilt for 低保, 特困, 返贫致贫.
fn critical_illness(
    c: &MedicalClaim,
    basic: Money,
    tilt: bool,
    r: &mut Reader<'_>,
    t: &mut Tiers,
) -> Result<Money> {
    t.burden = c.in_policy.checked_sub(basic)?;
    let mut deductible = r.money(&p::MEDICAL_CRITICAL_DEDUCTIBLE)?;
    let mut low_rate = r.rate(&p::MEDICAL_CRITICAL_RATE)?.decimal();
    let mut high_rate = r.rate(&p::MEDICAL_CRITICAL_HIGH_RATE)?.decimal();
    t.threshold = r.money(&p::MEDICAL_CRITICAL_BAND_THRESHOLD)?;
    t.critical_since = since(
        r,
        &[&p::MEDICAL_CRITICAL_DEDUCTIBLE, &p::MEDICAL_CRITICAL_RATE],
    )?;
    if tilt {
        let factor = r.rate(&p::MEDICAL_CRITICAL_TILT_DEDUCTIBLE_FACTOR)?;
        let bonus = r.rate(&p::MEDICAL_CRITICAL_TILT_RATE_BONUS)?;
        deductible = deductible.times(factor)?;
        let add = |rate: rust_decimal::Decimal| {
            crate::base::money::decimal_add(rate, bonus.decimal()).ok_or_else(PolicyError::overflow)
        };
        low_rate = add(low_rate)?;
        high_rate = add(high_rate)?;
        t.tilt = Some((factor, bonus));
    }
    t.critical_deductible = deductible;
    // The deductible counts over the year: this claim's share of the cumulative burden above it.
    let over_before = c.burden_this_year.checked_sub(deductible)?.max(Money::ZERO);
    let over_after = c
        .burden_this_year
        .checked_add(t.burden)?
        .checked_sub(deductible)?
        .max(Money::ZERO);
    let low_part = over_after
        .min(t.threshold)
        .checked_sub(over_before.min(t.threshold))?;
    let high_part = over_after.checked_sub(over_before)?.checked_sub(low_part)?;
    t.low = (low_part, Rate::from_decimal(low_rate));
    t.high = (high_part, Rate::from_decimal(high_rate));
    // Never more than the burden left after basic insurance, whatever the rates and the tilt.
    Ok(low_part
        .times(t.low.1)?
        .checked_add(high_part.times(t.high.1)?)?
        .min(t.burden)
        .round_fen())
}

/// The dates the values of `specs` apply from, in words: （起付线、比例按 2016-01-01 起的取值）
/// for a step quoting them, so an old figure does not read as a current one.
fn since(r: &mut Reader<'_>, specs: &[&'static Spec]) -> Result<String> {
    let mut dates = Vec::with_capacity(specs.len());
    for spec in specs {
        let from = crate::base::calendar::format_date(r.value(spec)?.from);
        if !dates.contains(&from) {
            dates.push(from);
        }
    }
    Ok(format!("按 {} 起的取值", dates.join("、")))
}

/// The claim through the tiers, explained when asked.
pub fn run(c: &MedicalClaim, reader: &Reader<'_>, explain: bool) -> Result<MedicalResult> {
    let mut r = reader.clone();
    let f = compute(c, &mut r)?;
    let mut words = Explanation::default();
    if explain {
        explain_claim(&f, c, &mut words);
    }
    let covered = f.total.checked_sub(f.patient)?;
    let mut why = why![if covered.is_zero() {
        Reason::MedicalNotCovered
    } else {
        Reason::MedicalCovered
    }];
    if f.tilt {
        why.push(Reason::MedicalTilt);
    }
    if f.tiers.assistance.is_none() {
        why.push(Reason::MedicalNoAssistance);
    }
    Ok(ProgrammeResult::new(
        ID,
        LABEL,
        (&Amounts::verdict(!covered.is_zero()), why),
        (Citations::of(&["四(十一)"]), assumptions(c)),
        &r,
        explain.then_some(words),
        f,
    ))
}

/// The choices the claim rested on: one group, the most favourable; the insurance tiers' method;
/// who gets assistance, without a deductible; the assistance rate of 返贫致贫人口.
fn assumptions(c: &MedicalClaim) -> Assumptions {
    let mut a = Assumptions::default();
    a.add(rules::MEDICAL_GROUP);
    a.add(rules::MEDICAL_BASIC);
    a.add(rules::MEDICAL_CRITICAL);
    a.add_if(monitored(c.group), rules::MEDICAL_ASSISTANCE_DEDUCTIBLE);
    a.add_if(
        matches!(c.group, InsuredGroup::Alleviated | InsuredGroup::General),
        rules::MEDICAL_ASSISTANCE_SCOPE,
    );
    a.add_if(
        c.group == InsuredGroup::Returned,
        rules::MEDICAL_ASSISTANCE_RETURNED,
    );
    a
}

/// 纳入监测的易返贫致贫人口 or 返贫致贫人口: assisted without a deductible (an assumption).
fn monitored(group: InsuredGroup) -> bool {
    matches!(group, InsuredGroup::Monitored | InsuredGroup::Returned)
}

/// The rule of the assistance step: the rate of 返贫致贫人口 is this calculator's reading (marked).
fn assistance_rule(group: InsuredGroup) -> rules::RuleId {
    if group == InsuredGroup::Returned {
        rules::MEDICAL_ASSISTANCE_RETURNED.into()
    } else {
        rules::MEDICAL_ASSISTANCE
    }
}

fn explain_claim(f: &MedicalFigures, c: &MedicalClaim, e: &mut Explanation) {
    let t = &f.tiers;
    let (basic, critical, assistance, patient) = (f.basic, f.critical, f.assistance, f.patient);
    e.step(
        rules::MEDICAL_GROUP,
        format!(
            "按{}计算；同属几类的按待遇最高的一类传入，依次为特困、低保、返贫致贫、监测、脱贫、一般。",
            group_label(c.group)
        ),
        None,
    );
    e.step(
        rules::MEDICAL_BILL,
        format!(
            "总费用 {} 元，其中政策范围内 {} 元、范围外 {} 元（范围外由个人负担）。",
            c.total, c.in_policy, f.out_of_policy
        ),
        Some(c.total.to_fen_string()),
    );
    e.step(
        rules::MEDICAL_BASIC,
        format!(
            "基本医保（{}）：(政策范围内 {} − 起付线 {}) × {} = {}，年度限额 {} 元本年已付 {} 元，支付 {basic} 元。",
            t.level_label, c.in_policy, t.deductible, t.rate.percent(), t.basic_share, t.cap, c.paid_this_year.basic
        ),
        Some(basic.to_fen_string()),
    );
    if let Some((factor, bonus)) = t.tilt {
        e.step(
            rules::MEDICAL_TILT,
            format!(
                "{}享受大病保险倾斜：起付线 × {} = {} 元，各段比例提高 {} 个百分点。",
                group_label(c.group),
                factor.percent(),
                t.critical_deductible,
                bonus.percent().trim_end_matches('%')
            ),
            None,
        );
    }
    e.step(
        rules::MEDICAL_CRITICAL,
        format!(
            "大病保险（已取消封顶线；起付线和第一段比例{}）：基本医保后政策范围内个人负担 {} 元（本年此前 {} 元），超过起付线 {} 元的部分：{} 元内 {} × {} + 以上 {} × {} = {critical} 元。",
            t.critical_since,
            t.burden,
            c.burden_this_year,
            t.critical_deductible,
            t.threshold,
            t.low.0,
            t.low.1.percent(),
            t.high.0,
            t.high.1.percent()
        ),
        Some(critical.to_fen_string()),
    );
    explain_assistance(f, c, e);
    e.step(
        rules::MEDICAL_PATIENT,
        format!(
            "个人自付 = {} − {basic} − {critical} − {assistance} = {patient} 元。",
            c.total
        ),
        Some(patient.to_fen_string()),
    );
    let covered = Money::sum([basic, critical, assistance]).unwrap_or_default();
    e.reason(format!("三重保障共支付 {covered} 元（基本医保 {basic}、大病保险 {critical}、医疗救助 {assistance}），个人自付 {patient} 元。"));
}

/// The assistance step (or why there is none), and for 监测 and 返贫致贫 that it has no deductible.
fn explain_assistance(f: &MedicalFigures, c: &MedicalClaim, e: &mut Explanation) {
    let (t, assistance) = (&f.tiers, f.assistance);
    let rule = assistance_rule(c.group);
    match t.assistance {
        Some((rate, cap, assisted)) => e.step(
            rule,
            format!(
                "医疗救助（{}{}）：剩余政策范围内 {} 元 × {} = {assisted}，年度限额 {cap} 元本年已救助 {} 元，救助 {assistance} 元。",
                group_label(c.group),
                if t.assistance_since.is_empty() { String::new() } else { format!("，比例{}", t.assistance_since) },
                t.remaining, rate.percent(), c.paid_this_year.assistance
            ),
            Some(assistance.to_fen_string()),
        ),
        None => e.step(
            rules::MEDICAL_ASSISTANCE_SCOPE,
            format!(
                "{}不在本计算器所计的医疗救助对象内。",
                group_label(c.group)
            ),
            Some("0.00".into()),
        ),
    }
    if monitored(c.group) {
        e.step(
            rules::MEDICAL_ASSISTANCE_DEDUCTIBLE,
            format!("{}的医疗救助不设起付标准。", group_label(c.group)),
            None,
        );
    }
}
