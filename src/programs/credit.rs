//! Financial measures, policy text 六(十七): 脱贫人口小额信贷 (microcredit for alleviated people: up to a
//! cap and a term, no guarantee or collateral, a rate not above the one-year LPR, interest subsidised by
//! the budget), 创业担保贷款 (entrepreneurship guarantee loans, capped by date and region), and
//! “保险+期货” (insurance paying the shortfall of the futures settlement price below the target price).
//!
//! Parameters read: `credit.microcredit.cap`, `.termYears`, `.windowStart`, `.windowEnd`,
//! `.subsidyShareOfLpr`, `credit.lpr1y`, `credit.guaranteeLoan.individualCap`.

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value as Json;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use crate::calendar::format_date;
use crate::error::Result;
use crate::input::Obj;
use crate::model::HouseholdStatus;
use crate::money::{Money, Rate};
use crate::params::catalogue as p;

const STATUS: &[(&str, HouseholdStatus)] = &[
    ("general", HouseholdStatus::General),
    ("alleviated", HouseholdStatus::Alleviated),
    ("monitored", HouseholdStatus::Monitored),
];

/// A microcredit application (`microcredit(request, asOf)`).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MicrocreditRequest {
    pub region: String,
    /// The borrower's household: 脱贫户 and households under monitoring qualify.
    #[tsify(type = "'general' | 'alleviated' | 'monitored'")]
    pub status: String,
    #[tsify(type = "Money")]
    pub amount: String,
    /// Whole years.
    pub term_years: u32,
    /// Annual rate, e.g. "0.0345".
    #[tsify(type = "string | number")]
    pub rate: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MicrocreditResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    #[tsify(type = "string")]
    pub cap: Money,
    pub max_term_years: u32,
    /// One-year LPR on the date.
    #[tsify(type = "string")]
    pub lpr: Rate,
    /// Simple interest over the term at the loan's rate.
    #[tsify(type = "string")]
    pub interest: Money,
    /// Paid by the budget: at most the interest.
    #[tsify(type = "string")]
    pub subsidy: Money,
    #[tsify(type = "string")]
    pub borrower_interest: Money,
}

pub struct Microcredit {
    pub region: String,
    pub status: HouseholdStatus,
    pub amount: Money,
    pub term_years: u32,
    pub rate: Rate,
}

pub fn microcredit_from_value(json: &Json) -> Result<Microcredit> {
    let o = Obj::new(
        json,
        "",
        "贷款申请",
        &["region", "status", "amount", "termYears", "rate"],
    )?;
    let term_years = o.count("termYears")?.ok_or_else(|| {
        crate::error::PolicyError::invalid_input("termYears", "缺少必填字段“termYears”（整年）")
    })?;
    if !(1..=30).contains(&term_years) {
        return Err(crate::error::PolicyError::out_of_range(
            "termYears",
            "贷款期限应为 1 到 30 年",
        ));
    }
    let rate = o.decimal("rate", 6, Decimal::ONE)?.ok_or_else(|| {
        crate::error::PolicyError::invalid_input("rate", "缺少必填字段“rate”（年利率，如 0.0345）")
    })?;
    Ok(Microcredit {
        region: o.required_str("region")?,
        status: o.required_choice("status", STATUS)?,
        amount: o.required_money("amount")?,
        term_years,
        rate: Rate::from_decimal(rate),
    })
}

pub fn microcredit(req: &Microcredit, mut calc: Calc<'_>) -> Result<MicrocreditResult> {
    let on = calc.params.on();
    let cap = calc.params.money(&p::MICROCREDIT_CAP)?;
    let max_term = calc.params.count(&p::MICROCREDIT_TERM_YEARS)?;
    let from = calc.params.date(&p::MICROCREDIT_WINDOW_START)?;
    let until = calc.params.date(&p::MICROCREDIT_WINDOW_END)?;
    let lpr = calc.params.rate(&p::LPR_ONE_YEAR)?;
    let mut blockers = Vec::new();
    if !matches!(
        req.status,
        HouseholdStatus::Alleviated | HouseholdStatus::Monitored
    ) {
        blockers.push("借款人不是脱贫人口或监测对象".to_string());
    }
    if on < from || on > until {
        blockers.push(format!(
            "不在政策期内（{} 至 {}）",
            format_date(from),
            format_date(until)
        ));
    }
    if req.amount > cap {
        blockers.push(format!("金额 {} 元超过上限 {cap} 元", req.amount));
    }
    if req.term_years > max_term {
        blockers.push(format!("期限 {} 年超过 {max_term} 年", req.term_years));
    }
    if req.rate > lpr {
        blockers.push(format!(
            "利率 {} 高于一年期LPR {}",
            req.rate.percent(),
            lpr.percent()
        ));
    }
    calc.step(
        "credit.microcredit.terms",
        "六(十七)",
        || format!("脱贫人口小额信贷：{} 元以下、{max_term} 年以内、免担保免抵押，利率不高于一年期LPR（{} 为 {}），政策期 {} 至 {}。", cap, format_date(on), lpr.percent(), format_date(from), format_date(until)),
        || None,
    );
    let years = Decimal::from(req.term_years);
    let interest = req.amount.times(req.rate)?.checked_mul(years)?.round_fen();
    let share = calc.params.rate(&p::MICROCREDIT_SUBSIDY_SHARE_OF_LPR)?;
    let subsidised_rate = Rate::from_decimal(
        lpr.decimal()
            .checked_mul(share.decimal())
            .unwrap_or_default(),
    )
    .min(req.rate);
    let eligible = blockers.is_empty();
    let subsidy = if eligible {
        req.amount
            .times(subsidised_rate)?
            .checked_mul(years)?
            .round_fen()
            .min(interest)
    } else {
        Money::ZERO
    };
    let borrower_interest = interest.checked_sub(subsidy)?;
    if eligible {
        calc.step(
            "credit.microcredit.subsidy",
            "六(十七)",
            || format!("利息 {} × {} × {} 年 = {interest} 元；财政贴息按 {} 计 {subsidy} 元；借款人负担 {borrower_interest} 元。", req.amount, req.rate.percent(), req.term_years, subsidised_rate.percent()),
            || Some(subsidy.to_fen_string()),
        );
        calc.reason(|| {
            format!(
                "符合脱贫人口小额信贷条件；{} 年共贴息 {subsidy} 元。",
                req.term_years
            )
        });
    } else {
        calc.step(
            "credit.microcredit.eligibility",
            "六(十七)",
            || format!("不符合：{}。", blockers.join("；")),
            || None,
        );
        calc.reason(|| format!("不符合脱贫人口小额信贷条件：{}。", blockers.join("；")));
    }
    Ok(MicrocreditResult {
        result: calc.finish("microcredit", "脱贫人口小额信贷", eligible, None)?,
        cap,
        max_term_years: max_term,
        lpr,
        interest,
        subsidy,
        borrower_interest,
    })
}

/// An entrepreneurship guarantee loan request (`guaranteeLoan(request, asOf)`).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeLoanRequest {
    pub region: String,
    #[tsify(type = "Money")]
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeLoanResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    #[tsify(type = "string")]
    pub cap: Money,
    /// min(amount, cap)
    #[tsify(type = "string")]
    pub allowed: Money,
}

pub fn guarantee_loan_from_value(json: &Json) -> Result<(String, Money)> {
    let o = Obj::new(json, "", "贷款申请", &["region", "amount"])?;
    Ok((o.required_str("region")?, o.required_money("amount")?))
}

pub fn guarantee_loan(amount: Money, mut calc: Calc<'_>) -> Result<GuaranteeLoanResult> {
    let cap = calc.params.money(&p::GUARANTEE_LOAN_INDIVIDUAL_CAP)?;
    let allowed = amount.min(cap);
    let within = amount <= cap;
    calc.step(
        "credit.guaranteeLoan",
        "六(十七)",
        || format!("创业担保贷款个人额度上限 {cap} 元；申请 {amount} 元，可贷 {allowed} 元。"),
        || Some(allowed.to_fen_string()),
    );
    calc.reason(|| {
        if within {
            format!("申请额度 {amount} 元在上限 {cap} 元以内。")
        } else {
            format!("申请额度超过上限，最多可贷 {cap} 元。")
        }
    });
    Ok(GuaranteeLoanResult {
        result: calc.finish("guaranteeLoan", "创业担保贷款", within, None)?,
        cap,
        allowed,
    })
}

/// A “保险+期货” claim (`insuranceFutures(claim, asOf)`).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceFuturesClaim {
    /// Insured target price, yuan per unit.
    #[tsify(type = "Money")]
    pub target_price: String,
    /// Futures settlement price, yuan per unit.
    #[tsify(type = "Money")]
    pub settlement_price: String,
    /// Insured quantity (units, e.g. tonnes; up to 3 decimal places).
    #[tsify(type = "string | number")]
    pub quantity: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceFuturesResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    #[tsify(type = "string")]
    pub shortfall: Money,
    #[tsify(type = "string")]
    pub payout: Money,
}

pub fn insurance_futures_from_value(json: &Json) -> Result<(Money, Money, Decimal)> {
    let o = Obj::new(
        json,
        "",
        "保险理赔",
        &["targetPrice", "settlementPrice", "quantity"],
    )?;
    let quantity = o
        .decimal("quantity", 3, Decimal::from(1_000_000_000))?
        .ok_or_else(|| {
            crate::error::PolicyError::invalid_input("quantity", "缺少必填字段“quantity”")
        })?;
    Ok((
        o.required_money("targetPrice")?,
        o.required_money("settlementPrice")?,
        quantity,
    ))
}

pub fn insurance_futures(
    target: Money,
    settlement: Money,
    quantity: Decimal,
    mut calc: Calc<'_>,
) -> Result<InsuranceFuturesResult> {
    let shortfall = target.checked_sub(settlement)?.max(Money::ZERO);
    let payout = shortfall.checked_mul(quantity)?.round_fen();
    calc.step(
        "credit.insuranceFutures",
        "六(十七)",
        || format!("“保险+期货”赔付 = max(0, 目标价格 {target} − 结算价格 {settlement}) × 数量 {} = {shortfall} × {} = {payout} 元。", quantity, quantity),
        || Some(payout.to_fen_string()),
    );
    calc.reason(|| {
        if payout.is_zero() {
            "结算价格不低于目标价格，不触发赔付。".to_string()
        } else {
            format!("价格低于目标，赔付 {payout} 元。")
        }
    });
    Ok(InsuranceFuturesResult {
        result: calc.finish("insuranceFutures", "保险+期货", !payout.is_zero(), None)?,
        shortfall,
        payout,
    })
}
