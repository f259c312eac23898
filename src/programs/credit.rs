//! Financial measures, policy text 六(十七): 脱贫人口小额信贷 (microcredit for alleviated people: up to a
//! cap and a term, no guarantee or collateral, a rate not above the one-year LPR, interest subsidised by
//! the budget), 创业担保贷款 (entrepreneurship guarantee loans, capped by date and region), and
//! “保险+期货” (insurance paying the shortfall of the futures settlement price below the target price).
//!
//! Microcredit is for 脱贫户, 边缘易致贫户 among them (银保监会普惠金融部 2023-02-22, as reported): a
//! monitored 突发严重困难户 does not qualify; a monitored household without a recorded category is
//! taken to qualify (assumption `credit.microcredit.categoryUnknown`).
//!
//! Before the policy window the terms are those of its first day and the answer is 尚未开始 (not an
//! error). The interest and its subsidy (simple interest over the whole term at the LPR of the date,
//! held) are this calculator's reading (assumption `credit.microcredit.subsidy`). Renewals and
//! extensions (续贷、展期) are not computed. The guarantee loan compares the amount with the cap on
//! the date (its date and source in the step); who may borrow is not checked, and a request above
//! the cap lent at the cap is an assumption (`credit.guaranteeLoanOverCap`).
//!
//! Parameters read: `credit.microcredit.cap`, `.termYears`, `.windowStart`, `.windowEnd`,
//! `.subsidyShareOfLpr`, `credit.lpr1y`, `credit.guaranteeLoan.individualCap`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::reasons::{why, Reason};
use super::{Amounts, ProgrammeResult};
use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::household::Category;
pub use crate::input::requests::{GuaranteeLoanRequest, InsuranceFuturesClaim, MicrocreditRequest};
use crate::params::{catalogue as p, DatedValue, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

pub const MICROCREDIT: &str = "microcredit";
pub const MICROCREDIT_LABEL: &str = "脱贫人口小额信贷";
pub const GUARANTEE_LOAN: &str = "guaranteeLoan";
pub const GUARANTEE_LOAN_LABEL: &str = "创业担保贷款";
pub const INSURANCE_FUTURES: &str = "insuranceFutures";
pub const INSURANCE_FUTURES_LABEL: &str = "保险+期货";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MicrocreditFigures {
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
    #[serde(skip)]
    window: (NaiveDate, NaiveDate),
    #[serde(skip)]
    subsidised_rate: Rate,
    /// What stands in the way, empty when eligible.
    #[serde(skip)]
    blockers: Vec<Blocker>,
}

/// What stands in the way of a microcredit loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Blocker {
    NotAlleviated,
    SuddenHardship,
    BeforeWindow,
    AfterWindow,
    OverCap,
    TermTooLong,
    RateAboveLpr,
}

impl Blocker {
    fn reason(self) -> Reason {
        match self {
            Blocker::NotAlleviated => Reason::MicrocreditNotAlleviated,
            Blocker::SuddenHardship => Reason::MicrocreditSuddenHardship,
            Blocker::BeforeWindow => Reason::MicrocreditBeforeWindow,
            Blocker::AfterWindow => Reason::MicrocreditAfterWindow,
            Blocker::OverCap => Reason::MicrocreditOverCap,
            Blocker::TermTooLong => Reason::MicrocreditTermTooLong,
            Blocker::RateAboveLpr => Reason::MicrocreditRateAboveLpr,
        }
    }

    /// In words, with the request's and the terms' figures.
    fn words(self, f: &MicrocreditFigures, req: &MicrocreditRequest) -> String {
        match self {
            Blocker::NotAlleviated => "借款人不是脱贫人口或监测对象".to_string(),
            Blocker::SuddenHardship => {
                "借款人是突发严重困难户，小额信贷只面向脱贫户（含边缘易致贫户）".to_string()
            }
            Blocker::BeforeWindow => format!(
                "政策期自 {} 开始，测算日期尚在政策期前（尚未开始）",
                format_date(f.window.0)
            ),
            Blocker::AfterWindow => format!(
                "政策期已于 {} 结束，过渡期后的延续政策请核对当地现行通知",
                format_date(f.window.1)
            ),
            Blocker::OverCap => format!("金额 {} 元超过上限 {} 元", req.amount, f.cap),
            Blocker::TermTooLong => {
                format!("期限 {} 年超过 {} 年", req.term_years, f.max_term_years)
            }
            Blocker::RateAboveLpr => format!(
                "利率 {} 高于一年期LPR {}",
                req.rate.percent(),
                f.lpr.percent()
            ),
        }
    }
}

pub type MicrocreditResult = ProgrammeResult<MicrocreditFigures>;

/// When a figure took effect and where it comes from, for a step: `（2021-01-01 起；来源）`.
pub(super) fn dated(v: &DatedValue) -> String {
    format!("（{} 起；{}）", format_date(v.from), v.source)
}

/// 脱贫人口小额信贷: the terms on the date (before the window, on its first day: 尚未开始), the
/// interest and its subsidy.
pub fn microcredit_figures(
    req: &MicrocreditRequest,
    r: &mut Reader<'_>,
) -> Result<MicrocreditFigures> {
    let on = r.on();
    let from = r.date(&p::MICROCREDIT_WINDOW_START)?;
    let until = r.date(&p::MICROCREDIT_WINDOW_END)?;
    // Before the window, its terms are those of its first day (the figures start with it).
    let mut terms = r.clone().with_parameters_on(r.params_on().max(from));
    let cap = terms.money(&p::MICROCREDIT_CAP)?;
    let max_term = terms.count(&p::MICROCREDIT_TERM_YEARS)?;
    let share = terms.rate(&p::MICROCREDIT_SUBSIDY_SHARE_OF_LPR)?;
    r.rest_on(&terms.used());
    let lpr = r.rate(&p::LPR_ONE_YEAR)?;
    let checks = [
        (
            Blocker::NotAlleviated,
            !req.status.alleviated_or_monitored(),
        ),
        (
            Blocker::SuddenHardship,
            req.monitoring_category == Some(Category::SuddenHardship),
        ),
        (Blocker::BeforeWindow, on < from),
        (Blocker::AfterWindow, on >= from && on > until),
        (Blocker::OverCap, req.amount > cap),
        (Blocker::TermTooLong, req.term_years > max_term),
        (Blocker::RateAboveLpr, req.rate > lpr),
    ];
    let blockers: Vec<Blocker> = checks.iter().filter(|(_, b)| *b).map(|(b, _)| *b).collect();
    let years = Decimal::from(req.term_years);
    let interest = req.amount.times(req.rate)?.checked_mul(years)?.round_fen();
    let subsidised_rate = Rate::from_decimal(
        crate::base::money::decimal_mul(lpr.decimal(), share.decimal()).unwrap_or_default(),
    )
    .min(req.rate);
    let subsidy = if blockers.is_empty() {
        req.amount
            .times(subsidised_rate)?
            .checked_mul(years)?
            .round_fen()
            .min(interest)
    } else {
        Money::ZERO
    };
    Ok(MicrocreditFigures {
        cap,
        max_term_years: max_term,
        lpr,
        interest,
        subsidy,
        borrower_interest: interest.checked_sub(subsidy)?,
        window: (from, until),
        subsidised_rate,
        blockers,
    })
}

pub fn microcredit(
    req: &MicrocreditRequest,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<MicrocreditResult> {
    let mut r = reader.clone();
    let f = microcredit_figures(req, &mut r)?;
    let mut words = Explanation::default();
    if explain {
        explain_microcredit(&f, req, r.on(), &mut words);
    }
    let why = if f.blockers.is_empty() {
        why![Reason::MicrocreditEligible]
    } else {
        f.blockers.iter().map(|b| b.reason()).collect()
    };
    Ok(ProgrammeResult::new(
        MICROCREDIT,
        MICROCREDIT_LABEL,
        (&Amounts::verdict(f.blockers.is_empty()), why),
        (
            Citations::of(&["六(十七)"]),
            microcredit_assumptions(req, &f),
        ),
        &r,
        explain.then_some(words),
        f,
    ))
}

/// A monitored borrower without a recorded category is taken as not a 突发严重困难户; the subsidy
/// (when the loan qualifies) is this calculator's reading of the notice.
fn microcredit_assumptions(req: &MicrocreditRequest, f: &MicrocreditFigures) -> Assumptions {
    let mut a = Assumptions::default();
    a.add_if(
        req.status.monitored() && req.monitoring_category.is_none(),
        rules::CREDIT_MICROCREDIT_CATEGORY_UNKNOWN,
    );
    a.add_if(f.blockers.is_empty(), rules::CREDIT_MICROCREDIT_SUBSIDY);
    a
}

fn explain_microcredit(
    f: &MicrocreditFigures,
    req: &MicrocreditRequest,
    on: NaiveDate,
    e: &mut Explanation,
) {
    let (from, until) = (format_date(f.window.0), format_date(f.window.1));
    let not_started = if on < f.window.0 {
        "尚未开始，按开始时的额度、期限；"
    } else {
        ""
    };
    e.step(
        rules::CREDIT_MICROCREDIT_TERMS,
        format!(
            "脱贫人口小额信贷：{} 元以下、{} 年以内（整年）、免担保免抵押，利率不高于一年期LPR（{} 为 {}），政策期 {from} 至 {until}；{not_started}不计续贷、展期。",
            f.cap, f.max_term_years, format_date(on), f.lpr.percent()
        ),
        None,
    );
    microcredit_facts(f, e);
    let (interest, subsidy, borrower) = (f.interest, f.subsidy, f.borrower_interest);
    if f.blockers.is_empty() {
        e.step(
            rules::CREDIT_MICROCREDIT_SUBSIDY,
            format!(
                "单利：利息 {} × {} × {} 年 = {interest} 元；财政贴息按 {} 计（测算日期的LPR，期内不变）{subsidy} 元；借款人负担 {borrower} 元。",
                req.amount, req.rate.percent(), req.term_years, f.subsidised_rate.percent()
            ),
            Some(subsidy.to_fen_string()),
        );
        e.reason(format!(
            "符合脱贫人口小额信贷条件；{} 年共贴息 {subsidy} 元。",
            req.term_years
        ));
    } else {
        let blockers: Vec<String> = f.blockers.iter().map(|b| b.words(f, req)).collect();
        let blockers = blockers.join("；");
        e.step(
            rules::CREDIT_MICROCREDIT_ELIGIBILITY,
            format!("不符合：{blockers}。"),
            None,
        );
        e.reason(format!("不符合脱贫人口小额信贷条件：{blockers}。"));
    }
}

/// Amounts of a card, in yuan: (label, amount, its key in the result). One loop for every card of
/// these calls (a call of [`Explanation::fact`] each would be a copy each).
pub(super) fn yuan_facts(e: &mut Explanation, facts: &[(&'static str, Money, &'static str)]) {
    for (label, amount, key) in facts {
        e.fact(*label, *amount, "元", *key);
    }
}

/// The figures of the card.
fn microcredit_facts(f: &MicrocreditFigures, e: &mut Explanation) {
    e.fact_text("一年期LPR", f.lpr.percent());
    yuan_facts(
        e,
        &[
            ("额度上限", f.cap, "cap"),
            ("利息", f.interest, "interest"),
            ("财政贴息", f.subsidy, "subsidy"),
            ("借款人负担", f.borrower_interest, "borrowerInterest"),
        ],
    );
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeLoanFigures {
    #[tsify(type = "string")]
    pub cap: Money,
    /// min(amount, cap)
    #[tsify(type = "string")]
    pub allowed: Money,
}

pub type GuaranteeLoanResult = ProgrammeResult<GuaranteeLoanFigures>;

/// 创业担保贷款: the individual cap on the date (its date and source in the step). Who may borrow is
/// not checked; a request above the cap is lent at the cap (assumption
/// `credit.guaranteeLoanOverCap`).
pub fn guarantee_loan(
    req: &GuaranteeLoanRequest,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<GuaranteeLoanResult> {
    let mut r = reader.clone();
    let cap_value = r.value(&p::GUARANTEE_LOAN_INDIVIDUAL_CAP)?;
    let cap = r.money(&p::GUARANTEE_LOAN_INDIVIDUAL_CAP)?;
    let amount = req.amount;
    let f = GuaranteeLoanFigures {
        cap,
        allowed: amount.min(cap),
    };
    let within = amount <= cap;
    let mut assumptions = Assumptions::default();
    assumptions.add_if(!within, rules::CREDIT_GUARANTEE_LOAN_OVER_CAP);
    let mut e = Explanation::default();
    if explain {
        explain_guarantee_loan(&f, amount, &dated(cap_value), &mut e);
    }
    let why = if within {
        Reason::GuaranteeLoanWithinCap
    } else {
        Reason::GuaranteeLoanOverCap
    };
    Ok(ProgrammeResult::new(
        GUARANTEE_LOAN,
        GUARANTEE_LOAN_LABEL,
        (&Amounts::verdict(true), why![why]),
        (Citations::of(&["六(十七)"]), assumptions),
        &r,
        explain.then_some(e),
        f,
    ))
}

fn explain_guarantee_loan(
    f: &GuaranteeLoanFigures,
    amount: Money,
    when: &str,
    e: &mut Explanation,
) {
    let (cap, allowed) = (f.cap, f.allowed);
    let within = amount <= cap;
    // Lent at the cap when above it: this calculator's (rule `credit.guaranteeLoanOverCap`).
    e.step(
        match within {
            true => rules::CREDIT_GUARANTEE_LOAN,
            false => rules::RuleId::from(rules::CREDIT_GUARANTEE_LOAN_OVER_CAP),
        },
        format!(
            "创业担保贷款个人额度上限 {cap} 元{when}，借款人条件不审核；申请 {amount} 元，可贷 {allowed} 元。"
        ),
        Some(allowed.to_fen_string()),
    );
    e.reason(format!(
        "申请额度 {amount} 元{}上限 {cap} 元。",
        if within { "不超过" } else { "超过，按" }
    ));
    yuan_facts(
        e,
        &[
            ("个人额度上限", cap, "cap"),
            ("可贷额度", allowed, "allowed"),
        ],
    );
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceFuturesFigures {
    #[tsify(type = "string")]
    pub shortfall: Money,
    #[tsify(type = "string")]
    pub payout: Money,
}

pub type InsuranceFuturesResult = ProgrammeResult<InsuranceFuturesFigures>;

/// The payout formula is this calculator's (rule `credit.insuranceFutures`).
fn futures_assumption() -> Assumptions {
    let mut a = Assumptions::default();
    a.add(rules::CREDIT_INSURANCE_FUTURES);
    a
}

/// “保险+期货”: (target − settlement, at least 0) × quantity (this calculator's reading, rule
/// `credit.insuranceFutures`).
pub fn insurance_futures(
    c: &InsuranceFuturesClaim,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<InsuranceFuturesResult> {
    let (target, settlement, quantity) = (c.target_price, c.settlement_price, c.quantity);
    let shortfall = target.checked_sub(settlement)?.max(Money::ZERO);
    let payout = shortfall.checked_mul(quantity)?.round_fen();
    let mut e = Explanation::default();
    if explain {
        e.step(
            rules::CREDIT_INSURANCE_FUTURES,
            format!("“保险+期货”赔付 =（目标价格 {target} − 结算价格 {settlement}，低于0按0计）× 数量 {quantity} = {shortfall} × {quantity} = {payout} 元。"),
            Some(payout.to_fen_string()),
        );
        e.reason(if payout.is_zero() {
            Reason::InsuranceFuturesNoPayout.text().to_string()
        } else {
            format!("价格低于目标，赔付 {payout} 元。")
        });
        yuan_facts(
            &mut e,
            &[
                ("每单位价差", shortfall, "shortfall"),
                ("赔付", payout, "payout"),
            ],
        );
    }
    Ok(ProgrammeResult::new(
        INSURANCE_FUTURES,
        INSURANCE_FUTURES_LABEL,
        (
            &Amounts::verdict(!payout.is_zero()),
            why![if payout.is_zero() {
                Reason::InsuranceFuturesNoPayout
            } else {
                Reason::InsuranceFuturesPayout
            }],
        ),
        (Citations::of(&["六(十七)"]), futures_assumption()),
        reader,
        explain.then_some(e),
        InsuranceFuturesFigures { shortfall, payout },
    ))
}
