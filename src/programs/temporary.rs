//! 临时救助 (temporary assistance), policy text 四(十): "对基本生活陷入暂时困难的群众加强临时救助，
//! 做到凡困必帮、有难必救".
//!
//! A household hit by an event (illness, disaster, accident, family change) whose income after rigid
//! spending falls below a year of the 低保 standard gets a one-off payment: the shortfall, up to a
//! number of months of the household's monthly standard that depends on severity (severe when rigid
//! spending reaches a share of the year's income). Need above that ceiling is decided case by case at
//! county level (一事一议). No Heilongjiang figures were found: every parameter here is illustrative.
//!
//! Parameters read: the 低保 standard (`dibao.standard.rural` or `.urban`), `temporary.monthsGeneral`,
//! `temporary.monthsSevere`, `temporary.severeSpendingShare`.

use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::dibao::standard_for;
use super::result::{Calc, ProgramResult};
use crate::error::Result;
use crate::model::Household;
use crate::money::Money;
use crate::params::catalogue as p;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    General,
    Severe,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TemporaryResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    /// How far the year's income after rigid spending falls below a year of the 低保 standard.
    #[tsify(type = "string")]
    pub need: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub severity: Option<Severity>,
    /// Months of the household's monthly standard that cap the payment.
    pub months: u32,
    /// The one-off payment.
    #[tsify(type = "string")]
    pub amount: Money,
    /// Need above the ceiling: the county decides the rest 一事一议.
    pub case_by_case: bool,
}

pub fn temporary(h: &Household<'_>, mut calc: Calc<'_>) -> Result<TemporaryResult> {
    let nothing = |calc: Calc<'_>, need: Money| -> Result<TemporaryResult> {
        Ok(TemporaryResult {
            result: calc.finish("temporary", "临时救助", false, None)?,
            need,
            severity: None,
            months: 0,
            amount: Money::ZERO,
            case_by_case: false,
        })
    };
    if h.events.is_empty() {
        calc.step(
            "temporary.event",
            "四(十)",
            || "没有登记因病、因灾、意外事故或家庭变故等突发事件。".into(),
            || None,
        );
        calc.reason(|| "未遭遇突发事件，不涉及临时救助。".into());
        return nothing(calc, Money::ZERO);
    }
    let standard = standard_for(h, &mut calc)?;
    let n = h.members.len();
    let total = h.total_income()?;
    let after = total.checked_sub(h.rigid_spending)?;
    let year_line = standard
        .checked_mul(Decimal::from(12))?
        .checked_mul(h.size())?;
    let need = year_line.checked_sub(after)?.max(Money::ZERO).round_fen();
    let events: Vec<&str> = h.events.iter().map(|e| e.label()).collect();
    calc.step(
        "temporary.need",
        "四(十)",
        || format!("{}：年收入 {} 元 − 刚性支出 {} 元 = {} 元；全年低保线 {standard} × 12 × {n} 人 = {year_line} 元；缺口 {need} 元。", events.join("、"), total.round_fen(), h.rigid_spending, after.round_fen()),
        || Some(need.to_fen_string()),
    );
    if need.is_zero() {
        calc.reason(|| {
            "扣除刚性支出后家庭收入仍不低于全年低保标准：基本生活未陷入暂时困难，不予临时救助。"
                .into()
        });
        return nothing(calc, need);
    }
    let share = calc.params.rate(&p::TEMPORARY_SEVERE_SPENDING_SHARE)?;
    let severe = h.rigid_spending >= total.times(share)?;
    let (severity, months) = if severe {
        (
            Severity::Severe,
            calc.params.count(&p::TEMPORARY_MONTHS_SEVERE)?,
        )
    } else {
        (
            Severity::General,
            calc.params.count(&p::TEMPORARY_MONTHS_GENERAL)?,
        )
    };
    let ceiling = standard
        .checked_mul(Decimal::from(months))?
        .checked_mul(h.size())?
        .round_fen();
    let amount = need.min(ceiling);
    let case_by_case = need > ceiling;
    calc.step(
        "temporary.amount",
        "四(十)",
        || format!(
            "刚性支出{}年收入的 {}：{}困难，上限 {months} 个月家庭低保标准 = {standard} × {months} × {n} = {ceiling} 元；救助 min({need}, {ceiling}) = {amount} 元。",
            if severe { "达到" } else { "未达到" },
            share.percent(),
            if severe { "严重" } else { "一般" }
        ),
        || Some(amount.to_fen_string()),
    );
    calc.reason(|| {
        format!(
            "{}导致基本生活暂时困难，可给予一次性临时救助 {amount} 元。",
            events.join("、")
        )
    });
    if case_by_case {
        let rest = need.checked_sub(ceiling)?;
        calc.step(
            "temporary.caseByCase",
            "四(十)",
            || format!("缺口超出上限 {rest} 元：由县级“一事一议”。"),
            || Some(rest.to_fen_string()),
        );
        calc.reason(|| format!("缺口超出救助上限 {rest} 元，可报县级“一事一议”。"));
    }
    Ok(TemporaryResult {
        result: calc.finish("temporary", "临时救助", true, None)?,
        need,
        severity: Some(severity),
        months,
        amount,
        case_by_case,
    })
}
