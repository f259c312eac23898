//! 最低生活保障 (低保), policy text 四(十) and 四(十三).
//!
//! 四(十): 低保金加发 for severely disabled, seriously ill, elderly and minor members of 低保 families;
//! severely disabled or seriously ill members of low-income families may be covered as 单人户, at the
//! local average subsidy level plus their 加发; when computing family income, working recipients may
//! deduct two months of the minimum wage of their place of work as employment cost. 四(十三): people
//! who cannot earn are brought under 低保 or 特困. The 渐退 gradual exit keeps 低保 for a while when
//! wages lift a recipient household over the standard.
//!
//! Rules fixed by API.md: counted income = business + property + transfer + other + wages − employment
//! deduction, where each working member (wages > 0, labour capacity not `none`) deducts
//! min(wages, months × minimum wage of the tier of their work region). Per-capita monthly income =
//! counted / 12 / members; eligible when below the standard and the asset test passed; base =
//! (standard − per-capita) × members; 加发 = the highest qualifying rate × standard per member.
//!
//! Parameters read: `dibao.standard.rural` or `.urban`, `dibao.employmentCostMonths`, `minimumWage.tier`,
//! `minimumWage.tier1..3`, `dibao.supplement.*`, `dibao.elderlyAge`, `dibao.minorAge`,
//! `dibao.marginalMultiple`, `dibao.averageSubsidy`, `dibao.gradualExitMonths`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use super::tekun;
use crate::calendar::{add_months, day_before, format_date};
use crate::error::{ErrorCode, PolicyError, Result};
use crate::model::{Area, Capacity, Household, Member};
use crate::money::{Money, Rate};
use crate::params::catalogue as p;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Supplement {
    pub member: String,
    /// Chinese: the group, e.g. 重度残疾.
    pub reason: String,
    #[tsify(type = "string")]
    pub rate: Rate,
    #[tsify(type = "string")]
    pub monthly: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SinglePerson {
    pub member: String,
    pub reason: String,
    #[tsify(type = "string")]
    pub average_subsidy: Money,
    #[tsify(type = "string")]
    pub supplement: Money,
    #[tsify(type = "string")]
    pub monthly: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GradualExit {
    pub from: String,
    pub until: String,
    pub months: u32,
    /// Paid each month of the exit period.
    #[tsify(type = "string")]
    pub monthly: Money,
    /// `asOf` falls inside the period.
    pub in_force: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DibaoResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    /// Annual, after the employment deduction.
    #[tsify(type = "string")]
    pub counted_income: Money,
    /// Annual.
    #[tsify(type = "string")]
    pub employment_deduction: Money,
    #[tsify(type = "string")]
    pub per_capita_monthly_income: Money,
    /// Monthly, per person.
    #[tsify(type = "string")]
    pub standard: Money,
    /// Monthly 补差 for the household.
    #[tsify(type = "string")]
    pub base: Money,
    pub supplements: Vec<Supplement>,
    pub single_person: Vec<SinglePerson>,
    /// Members supported by 特困 instead; the household's 低保 covers the others.
    pub tekun_members: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub gradual_exit: Option<GradualExit>,
}

/// The monthly 低保 standard for the household's area and region.
pub(crate) fn standard_for(h: &Household<'_>, calc: &mut Calc<'_>) -> Result<Money> {
    match h.area {
        Area::Rural => calc.params.money(&p::DIBAO_STANDARD_RURAL),
        Area::Urban => calc.params.money(&p::DIBAO_STANDARD_URBAN),
    }
}

/// The 加发 of one member: the highest rate among the groups they belong to (never the sum).
fn supplement_for(
    m: &Member<'_>,
    standard: Money,
    calc: &mut Calc<'_>,
) -> Result<Option<Supplement>> {
    let elderly_age = calc.params.count(&p::DIBAO_ELDERLY_AGE)?;
    let minor_age = calc.params.count(&p::DIBAO_MINOR_AGE)?;
    let mut groups = Vec::new();
    if m.severely_disabled() {
        groups.push((
            calc.params.rate(&p::DIBAO_SUPPLEMENT_SEVERE_DISABILITY)?,
            format!("{}级重度残疾", m.disability_grade.unwrap_or(0)),
        ));
    }
    if m.serious_illness {
        groups.push((
            calc.params.rate(&p::DIBAO_SUPPLEMENT_SERIOUS_ILLNESS)?,
            "重病患者".to_string(),
        ));
    }
    if m.age >= elderly_age {
        groups.push((
            calc.params.rate(&p::DIBAO_SUPPLEMENT_ELDERLY)?,
            format!("老年人（{}周岁）", m.age),
        ));
    }
    if m.age < minor_age {
        groups.push((
            calc.params.rate(&p::DIBAO_SUPPLEMENT_MINOR)?,
            format!("未成年人（{}周岁）", m.age),
        ));
    }
    // The highest rate; on a tie, the group listed first in 四(十).
    let Some(best) = groups
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.0.cmp(&b.0).then(j.cmp(i)))
        .map(|(i, _)| i)
    else {
        return Ok(None);
    };
    let Some((rate, group)) = groups.get(best).cloned() else {
        return Ok(None);
    };
    let others: Vec<&str> = groups
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, g)| g.1.as_str())
        .collect();
    let reason = if others.is_empty() {
        group
    } else {
        format!("{group}（同时属于{}，只取最高一项）", others.join("、"))
    };
    let monthly = standard.times(rate)?.round_fen();
    calc.step(
        "dibao.supplement",
        "四(十)",
        || {
            format!(
                "{}：{reason}，加发 {rate} × 低保标准 {standard} 元 = {monthly} 元/月。",
                m.label
            )
        },
        || Some(monthly.to_fen_string()),
    );
    Ok(Some(Supplement {
        member: m.label.clone(),
        reason,
        rate,
        monthly,
    }))
}

fn supplements(
    members: &[&Member<'_>],
    standard: Money,
    calc: &mut Calc<'_>,
) -> Result<Vec<Supplement>> {
    let mut out = Vec::new();
    for m in members {
        if let Some(s) = supplement_for(m, standard, calc)? {
            out.push(s);
        }
    }
    Ok(out)
}

/// The employment-cost deduction of one member (四(十)).
fn employment_deduction(m: &Member<'_>, calc: &mut Calc<'_>) -> Result<Money> {
    if m.wages.is_zero() {
        return Ok(Money::ZERO);
    }
    if m.labor_capacity == Capacity::None {
        calc.step(
            "dibao.employmentDeduction",
            "四(十)",
            || {
                format!(
                    "{}：工资 {} 元，但无劳动能力，不扣除就业成本。",
                    m.label, m.wages
                )
            },
            || Some("0.00".into()),
        );
        return Ok(Money::ZERO);
    }
    let months = calc.params.count(&p::DIBAO_EMPLOYMENT_COST_MONTHS)?;
    let tier = calc
        .params
        .count_in(&p::MINIMUM_WAGE_TIER, Some(m.work_region))?;
    let spec = p::minimum_wage_of_tier(tier).ok_or_else(|| {
        PolicyError::new(
            ErrorCode::InvalidParameters,
            p::MINIMUM_WAGE_TIER.name,
            format!("最低工资档次 {tier} 无效"),
        )
    })?;
    let wage = calc.params.money_in(spec, Some(m.work_region))?;
    let cap = wage.checked_mul(Decimal::from(months))?;
    let deduction = m.wages.min(cap);
    calc.step(
        "dibao.employmentDeduction",
        "四(十)",
        || format!(
            "{}：在{}务工（最低工资{tier}档 {wage} 元/月），扣除就业成本 = min(工资 {} 元, {months} × {wage} = {cap} 元) = {deduction} 元。",
            m.label, m.work_region.name, m.wages
        ),
        || Some(deduction.to_fen_string()),
    );
    Ok(deduction)
}

pub fn dibao(h: &Household<'_>, mut calc: Calc<'_>) -> Result<DibaoResult> {
    let standard = standard_for(h, &mut calc)?;
    let area = if h.area == Area::Rural {
        "农村"
    } else {
        "城市"
    };
    calc.step(
        "dibao.standard",
        "四(十)",
        || format!("{}{area}低保标准 {standard} 元/人·月。", h.region.name),
        || Some(standard.to_fen_string()),
    );

    // 特困 members are supported on their own (四(十三)): the household's 低保 covers the others.
    let mut covered: Vec<&Member<'_>> = Vec::new();
    let mut tekun_members = Vec::new();
    for m in &h.members {
        if tekun::member_qualifies(m, standard, false)?.0 {
            tekun_members.push(m.label.clone());
        } else {
            covered.push(m);
        }
    }
    if !tekun_members.is_empty() {
        calc.step(
            "dibao.tekunMembers",
            "四(十三)",
            || {
                format!(
                    "{} 符合特困人员条件，纳入特困供养；低保按其余 {} 人计算。",
                    tekun_members.join("、"),
                    covered.len()
                )
            },
            || None,
        );
    }
    let n = covered.len();
    let empty = |calc: Calc<'_>, tekun_members: Vec<String>| -> Result<DibaoResult> {
        Ok(DibaoResult {
            result: calc.finish("dibao", "最低生活保障", false, None)?,
            counted_income: Money::ZERO,
            employment_deduction: Money::ZERO,
            per_capita_monthly_income: Money::ZERO,
            standard,
            base: Money::ZERO,
            supplements: Vec::new(),
            single_person: Vec::new(),
            tekun_members,
            gradual_exit: None,
        })
    };
    if n == 0 {
        calc.reason(|| "全部成员纳入特困供养，不再另行计算低保。".into());
        return empty(calc, tekun_members);
    }
    let size = Decimal::from(n);

    let i = h.income;
    let non_wage = Money::sum([i.business, i.property, i.transfer, i.other])?;
    let wages = Money::sum(covered.iter().map(|m| m.wages))?;
    let mut deduction = Money::ZERO;
    for m in &covered {
        deduction = deduction.checked_add(employment_deduction(m, &mut calc)?)?;
    }
    let counted = non_wage.checked_add(wages)?.checked_sub(deduction)?;
    let per_capita = counted.checked_div(Decimal::from(12))?.checked_div(size)?;
    calc.step(
        "dibao.countedIncome",
        "四(十)",
        || format!("计算收入 = 经营、财产、转移、其他 {non_wage} 元 + 工资 {wages} 元 − 就业成本 {deduction} 元 = {counted} 元/年；÷ 12 ÷ {n} 人 = 人均 {} 元/月。", per_capita.round_fen()),
        || Some(per_capita.to_fen_string()),
    );

    let below = per_capita < standard;
    let eligible_base = below && h.asset_test_passed;
    let mut base = Money::ZERO;
    let mut supps = Vec::new();
    let mut single = Vec::new();
    let mut gradual_exit = None;
    let mut monthly = None;

    if !h.asset_test_passed {
        calc.step(
            "dibao.assets",
            "四(十)",
            || "家庭财产状况经核查不符合条件。".into(),
            || None,
        );
        calc.reason(|| "家庭财产状况不符合低保条件。".into());
    }
    if eligible_base {
        base = standard
            .checked_sub(per_capita)?
            .checked_mul(size)?
            .round_fen();
        calc.step(
            "dibao.base",
            "四(十)",
            || {
                format!(
                "人均收入低于标准：补差 = (标准 {standard} − 人均 {}) × {n} 人 = {base} 元/月。",
                per_capita.round_fen()
            )
            },
            || Some(base.to_fen_string()),
        );
        calc.reason(|| {
            format!(
                "人均月收入 {} 元低于低保标准 {standard} 元，符合低保条件，补差 {base} 元/月。",
                per_capita.round_fen()
            )
        });
        supps = supplements(&covered, standard, &mut calc)?;
        let total = base.checked_add(Money::sum(supps.iter().map(|s| s.monthly))?)?;
        for s in &supps {
            calc.reason(|| format!("{}属{}，加发 {} 元/月。", s.member, s.reason, s.monthly));
        }
        monthly = Some(total);
    } else if below {
        // Below the standard but the asset test failed: nothing further.
    } else {
        calc.step(
            "dibao.eligibility",
            "四(十)",
            || {
                format!(
                    "人均月收入 {} 元不低于低保标准 {standard} 元。",
                    per_capita.round_fen()
                )
            },
            || None,
        );
        if h.asset_test_passed {
            let multiple = calc.params.rate(&p::DIBAO_MARGINAL_MULTIPLE)?;
            let marginal_line = standard.times(multiple)?;
            let marginal = per_capita < marginal_line;
            calc.step(
                "dibao.marginal",
                "四(十)",
                || {
                    format!(
                        "低保边缘线 = {multiple} × {standard} = {} 元/月：人均 {} 元{}。",
                        marginal_line.round_fen(),
                        per_capita.round_fen(),
                        if marginal {
                            "低于边缘线，属低收入（低保边缘）家庭"
                        } else {
                            "不低于边缘线"
                        }
                    )
                },
                || Some(marginal_line.to_fen_string()),
            );
            if marginal {
                single = single_person(&covered, standard, &mut calc)?;
            }
        }
        if !single.is_empty() {
            monthly = Some(Money::sum(single.iter().map(|s| s.monthly))?);
        } else if h.on_dibao {
            gradual_exit = gradual(h, &covered, non_wage, standard, &mut calc)?;
            if let Some(g) = gradual_exit.as_ref().filter(|g| g.in_force) {
                monthly = Some(g.monthly);
            }
        }
        if monthly.is_none() {
            calc.reason(|| {
                format!(
                    "人均月收入 {} 元不低于低保标准 {standard} 元，不符合低保条件。",
                    per_capita.round_fen()
                )
            });
        }
    }

    let eligible = monthly.is_some();
    Ok(DibaoResult {
        result: calc.finish("dibao", "最低生活保障", eligible, monthly)?,
        counted_income: counted.round_fen(),
        employment_deduction: deduction.round_fen(),
        per_capita_monthly_income: per_capita.round_fen(),
        standard,
        base,
        supplements: supps,
        single_person: single,
        tekun_members,
        gradual_exit,
    })
}

/// 单人户: severely disabled or seriously ill members of a low-income family, covered alone at the
/// local average subsidy level + their 加发.
fn single_person(
    covered: &[&Member<'_>],
    standard: Money,
    calc: &mut Calc<'_>,
) -> Result<Vec<SinglePerson>> {
    let mut out = Vec::new();
    for m in covered
        .iter()
        .filter(|m| m.severely_disabled() || m.serious_illness)
    {
        let average = calc.params.money(&p::DIBAO_AVERAGE_SUBSIDY)?;
        let supplement = supplement_for(m, standard, calc)?;
        let (extra, group) = supplement
            .map(|s| (s.monthly, s.reason))
            .unwrap_or((Money::ZERO, String::new()));
        let monthly = average.checked_add(extra)?.round_fen();
        let reason = if m.severely_disabled() {
            format!("{}级重度残疾", m.disability_grade.unwrap_or(0))
        } else {
            "重病患者".to_string()
        };
        calc.step(
            "dibao.singlePerson",
            "四(十)",
            || format!("{}（{reason}）参照“单人户”纳入低保：平均补助水平 {average} 元 + 加发 {extra} 元（{group}）= {monthly} 元/月。", m.label),
            || Some(monthly.to_fen_string()),
        );
        calc.reason(|| {
            format!(
                "{}为低收入家庭中的{reason}，可参照“单人户”纳入低保，每月 {monthly} 元。",
                m.label
            )
        });
        out.push(SinglePerson {
            member: m.label.clone(),
            reason,
            average_subsidy: average,
            supplement: extra,
            monthly,
        });
    }
    Ok(out)
}

/// 渐退: a household on 低保 whose wages lifted it over the standard keeps 低保 for some months.
fn gradual(
    h: &Household<'_>,
    covered: &[&Member<'_>],
    non_wage: Money,
    standard: Money,
    calc: &mut Calc<'_>,
) -> Result<Option<GradualExit>> {
    let size = Decimal::from(covered.len());
    let without_wages = non_wage.checked_div(Decimal::from(12))?.checked_div(size)?;
    if without_wages >= standard || !h.asset_test_passed {
        calc.step(
            "dibao.gradualExit",
            "四(十)",
            || {
                format!(
                    "不计工资时人均 {} 元/月已不低于标准：不是因务工收入增加而退出，不适用渐退。",
                    without_wages.round_fen()
                )
            },
            || None,
        );
        return Ok(None);
    }
    let on = calc.params.on();
    let months = calc.params.count(&p::DIBAO_GRADUAL_EXIT_MONTHS)?;
    let from: NaiveDate = h.income_change_date.unwrap_or(on);
    let until = day_before(add_months(from, months)?)?;
    let monthly = match h.dibao_monthly {
        Some(m) => m,
        None => {
            // Not told what the household receives: what it would receive without the wages.
            let base = standard
                .checked_sub(without_wages)?
                .checked_mul(size)?
                .round_fen();
            let supps = supplements(covered, standard, calc)?;
            base.checked_add(Money::sum(supps.iter().map(|s| s.monthly))?)?
        }
    };
    let in_force = on <= until;
    calc.step(
        "dibao.gradualExit",
        "四(十)",
        || format!(
            "务工收入使家庭人均收入超过标准（不计工资时人均 {} 元/月）：渐退期 {months} 个月，{} 至 {}，期内每月 {monthly} 元{}。",
            without_wages.round_fen(),
            format_date(from),
            format_date(until),
            if h.dibao_monthly.is_some() { "（维持现领低保金）" } else { "（按不计新增工资计算）" }
        ),
        || Some(format_date(until)),
    );
    calc.reason(|| {
        if in_force {
            format!(
                "务工收入增加后进入低保渐退期，至 {} 止，期内每月 {monthly} 元。",
                format_date(until)
            )
        } else {
            format!("低保渐退期已于 {} 结束。", format_date(until))
        }
    });
    Ok(Some(GradualExit {
        from: format_date(from),
        until: format_date(until),
        months,
        monthly: monthly.round_fen(),
        in_force,
    }))
}
