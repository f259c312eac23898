//! 临时救助 (temporary assistance), policy text 四(十): "对基本生活陷入暂时困难的群众加强临时救助，
//! 做到凡困必帮、有难必救".
//!
//! A household hit by an event (illness, disaster, accident, family change) whose income after rigid
//! spending, with the 低保 and 特困 it already receives, falls below a year of the 低保 standard gets
//! a one-off payment: the shortfall (this calculator's formula, rule `temporary.need`), up to a
//! number of months of the household's monthly standard that depends on severity (severe when rigid
//! spending reaches a share of the year's income). Need above that ceiling is decided case by case at
//! county level (一事一议). No Heilongjiang figures were found: every parameter here is illustrative.
//!
//! A 低保 family with no event but rigid spending recorded is assessed the same way, as 支出型
//! (《社会救助暂行办法》第四十七条: 生活必需支出突然增加; rule `temporary.spending`, the spending
//! taken as the sudden increase being this calculator's assumption). The 低保 subtracted is the
//! year's before its monthly is rounded to the fen, so that no need comes from the rounding.
//!
//! The household's line counts its members as 低保 does: a child in the orphans' allowance (集中养育
//! or 社会散居, 事实无人抚养) is not counted (rules `dibao.allowanceInstitution`,
//! `dibao.allowanceChildren`). The ceiling counts every member (this calculator's assumption,
//! `temporary.ceilingAllMembers`): 临时救助 is not a basic-living benefit.
//!
//! Parameters read: `temporary.monthsGeneral`, `temporary.monthsSevere`,
//! `temporary.severeSpendingShare`; the 低保 standard comes from the assistance context.

use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::{allowance_steps, Assistance};
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::model::{Care, Household, Label};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    General,
    Severe,
}

crate::base::serialize_by_id!(Severity, serde_ids_severity {
    General => "general",
    Severe => "severe",
});

/// Every severity, with its Chinese (`labels().severity`).
pub const SEVERITIES: [(&str, &str); 2] = [
    ("general", "一般困难（刚性支出未达到年收入的规定比例）"),
    ("severe", "严重困难（刚性支出达到年收入的规定比例）"),
];

/// What brings a household to 临时救助.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ground {
    /// An event recorded (illness, disaster, accident, family change).
    Event,
    /// No event: a 低保 family with rigid spending recorded (支出型, rule `temporary.spending`).
    Spending,
}

/// The year's figures the shortfall rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Year {
    ground: Ground,
    income: Money,
    after_spending: Money,
    line: Money,
    /// 低保 and 特困 the household receives in the year, before 低保's monthly is rounded to the
    /// fen (subtracted), and as paid (said when they differ).
    received: Money,
    received_paid: Money,
    severe_share: Option<Rate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TemporaryFigures {
    /// How far the year's income after rigid spending falls below a year of the 低保 standard.
    #[tsify(type = "string")]
    pub need: Money,
    /// 'general' or 'severe' (rigid spending reaching the share of the year's income), when there
    /// is a need (`labels().severity`).
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
    #[serde(skip)]
    standard: Money,
    #[serde(skip)]
    ceiling: Money,
    #[serde(skip)]
    year: Option<Year>,
    /// The children in the orphans' allowance (name, care), not counted.
    #[serde(skip)]
    allowance: Vec<(Label, Option<Care>)>,
}

impl TemporaryFigures {
    /// The members the household's line counts: all but the children in the orphans' allowance, as
    /// 低保 counts them (none left when they are the whole household).
    fn counted(&self, h: &Household<'_>) -> Decimal {
        Decimal::from(h.members.len().saturating_sub(self.allowance.len()))
    }

    /// The children in the orphans' allowance, counted in the ceiling (`all`: every member).
    fn ceiling_step(&self, all: usize, e: &mut Explanation) {
        if self.allowance.is_empty() {
            return;
        }
        let named: Vec<&str> = self.allowance.iter().map(|(l, _)| l.as_ref()).collect();
        e.step(
            rules::TEMPORARY_CEILING_ALL_MEMBERS,
            format!(
                "救助上限按家庭全部 {all} 人计，{} 也计入：临时救助不是基本生活保障。",
                named.join("、")
            ),
            None,
        );
    }

    /// The children in the orphans' allowance, not counted (`n`: the members counted).
    fn allowance_steps(&self, n: Decimal, e: &mut Explanation) {
        let rest = format!("全年低保线按其余 {n} 人计");
        allowance_steps(
            &self.allowance,
            (
                |named: &str| {
                    format!("{named} 为集中养育孤儿，由养育机构抚养，不与家庭共同生活，与低保一样不计入家庭人数；{rest}。")
                },
                |named: &str| {
                    format!("{named} 领取孤儿、事实无人抚养儿童基本生活费，与低保一样不计入家庭人数；{rest}。")
                },
            ),
            e,
        );
    }
}

/// The step on the events 临时救助 rests on (四(十)): none recorded, or which (returned in words).
fn event_step(h: &Household<'_>, e: &mut Explanation) -> String {
    let events: Vec<&str> = h.events.iter().map(|e| e.label()).collect();
    let events = events.join("、");
    let text = if events.is_empty() {
        "没有登记因病、因灾、意外事故或家庭变故等突发事件。".to_string()
    } else {
        format!(
            "登记了{events}：因此基本生活陷入暂时困难的，给予临时救助；是否困难按下面的缺口判断。"
        )
    };
    e.step(rules::TEMPORARY_EVENT, text, None);
    events
}

/// What brings the household to 临时救助: an event; else, a 低保 family (by this estimate, or
/// recorded as on 低保) with rigid spending recorded, its spending (rule `temporary.spending`).
fn ground(h: &Household<'_>, a: &Assistance) -> Result<Option<Ground>> {
    if !h.events.is_empty() {
        return Ok(Some(Ground::Event));
    }
    let dibao = h.on_dibao || !a.dibao()?.members.is_empty();
    Ok((dibao && h.rigid_spending > Money::ZERO).then_some(Ground::Spending))
}

/// The step of a 低保 family assessed for its spending (支出型), and the cause in words.
fn spending_step(h: &Household<'_>, e: &mut Explanation) -> String {
    let family = if h.on_dibao {
        "登记为正在享受低保的家庭"
    } else {
        "本测算纳入低保的家庭"
    };
    e.step(
        rules::TEMPORARY_SPENDING,
        format!(
            "{family}登记了刚性支出 {} 元：生活必需支出突然增加超出家庭承受能力、基本生活暂时出现严重困难的低保家庭也给予临时救助（《社会救助暂行办法》第四十七条，支出型）；把登记的刚性支出当作突然增加的必需支出，是本计算器的假设；是否困难按下面的缺口判断。",
            h.rigid_spending
        ),
        None,
    );
    "生活必需支出增加（支出型）".to_string()
}

/// What 低保 and 特困 give in the year, in words: as paid, and, when 低保's monthly was rounded to
/// the fen, the figure before it that is subtracted.
fn received_words(year: &Year) -> String {
    if year.received.round_fen() == year.received && year.received == year.received_paid {
        return format!("{} 元", year.received);
    }
    format!(
        "{} 元（缺口按低保月额取整到分之前的 {} 元计，不因按分取整产生缺口）",
        year.received_paid, year.received
    )
}

impl HouseholdProgramme for TemporaryFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(Some("one-off"));

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let mut f = TemporaryFigures {
            need: Money::ZERO,
            severity: None,
            months: 0,
            amount: Money::ZERO,
            case_by_case: false,
            standard: a.standard,
            ceiling: Money::ZERO,
            year: None,
            allowance: Vec::new(),
        };
        let ground = match ground(h, a)? {
            Some(g) => g,
            None => return Ok(f),
        };
        r.rest_on(&a.standard_used);
        a.rest_on_their_amounts(r)?;
        f.allowance = a
            .allowance_children
            .iter()
            .filter_map(|&i| h.members.get(i).map(|m| (m.label.clone(), m.care)))
            .collect();
        let counted = f.counted(h);
        let income = h.counted_income()?;
        let after_spending = income.checked_sub(h.rigid_spending)?;
        let line = a
            .standard
            .checked_mul(Decimal::from(12))?
            .checked_mul(counted)?;
        // What 低保 and 特困 already give the household in the year covers part of the same need:
        // before 低保's monthly is rounded, so that the rounding is no need.
        let received = a
            .dibao()?
            .annual_exact
            .checked_add(a.tekun()?.annual_exact)?;
        let received_paid = a.dibao()?.annual.checked_add(a.tekun()?.annual)?;
        f.need = line
            .checked_sub(after_spending)?
            .checked_sub(received)?
            .max(Money::ZERO)
            .round_fen();
        let mut year = Year {
            ground,
            income,
            after_spending,
            line,
            received,
            received_paid,
            severe_share: None,
        };
        if !f.need.is_zero() {
            let share = r.rate(&p::TEMPORARY_SEVERE_SPENDING_SHARE)?;
            // Severe: rigid spending of at least the share of the year's income; none is never
            // severe (with no income, 0 ≥ 0 would otherwise call it so).
            let severe =
                h.rigid_spending > Money::ZERO && h.rigid_spending >= income.times(share)?;
            let (severity, months) = if severe {
                (Severity::Severe, r.count(&p::TEMPORARY_MONTHS_SEVERE)?)
            } else {
                (Severity::General, r.count(&p::TEMPORARY_MONTHS_GENERAL)?)
            };
            // Every member: the ceiling is not the 低保 line (rule `temporary.ceilingAllMembers`).
            f.ceiling = a
                .standard
                .checked_mul(Decimal::from(months))?
                .checked_mul(Decimal::from(h.members.len()))?
                .round_fen();
            f.severity = Some(severity);
            f.months = months;
            f.amount = f.need.min(f.ceiling);
            f.case_by_case = f.need > f.ceiling;
            year.severe_share = Some(share);
        }
        f.year = Some(year);
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = self.severity.is_some();
        Ok(Amounts {
            cash_annual: if eligible { self.amount } else { Money::ZERO },
            one_off: if eligible { self.amount } else { Money::ZERO },
            ..Amounts::verdict(eligible)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["四(十)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(self.year.is_some(), rules::TEMPORARY_NEED);
        a.add_if(
            self.year.is_some_and(|y| y.ground == Ground::Spending),
            rules::TEMPORARY_SPENDING,
        );
        a.add_if(self.severity.is_some(), rules::TEMPORARY_AMOUNT);
        a.add_if(self.case_by_case, rules::TEMPORARY_CASE_BY_CASE);
        a.add_if(
            self.severity.is_some() && !self.allowance.is_empty(),
            rules::TEMPORARY_CEILING_ALL_MEMBERS,
        );
        a.add_if(
            self.year.is_some()
                && self
                    .allowance
                    .iter()
                    .any(|(_, c)| *c != Some(Care::OrphanInstitution)),
            rules::DIBAO_ALLOWANCE_CHILDREN,
        );
        a
    }

    fn why(&self) -> Why {
        let Some(year) = self.year else {
            return why![Reason::TemporaryNoEvent];
        };
        let mut why = Why::default();
        if year.ground == Ground::Spending {
            why.push(Reason::TemporarySpending);
        }
        if self.severity.is_none() {
            why.push(Reason::TemporaryNoNeed);
            return why;
        }
        why.push(Reason::TemporaryOneOff);
        if self.case_by_case {
            why.push(Reason::TemporaryCaseByCase);
        }
        why
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        let events = event_step(h, e);
        let Some(year) = self.year else {
            e.reason(Reason::TemporaryNoEvent.text());
            return;
        };
        let events = match year.ground {
            Ground::Event => events,
            Ground::Spending => spending_step(h, e),
        };
        let (n, standard, need) = (self.counted(h), self.standard, self.need);
        self.allowance_steps(n, e);
        e.step_citing(
            rules::TEMPORARY_NEED,
            "民发〔2018〕23号二(三)",
            match year.after_spending.is_negative() {
                // No negative figure in words: spending over income is said as such.
                true => format!(
                    "{events}：年收入 {} 元（低保不计的收入不算在内），刚性支出 {} 元，超出收入 {} 元；全年低保线 {standard} × 12 × {n} 人 = {} 元；本测算的低保、特困供养年额（测算日期起12个月）{}；缺口 = 全年低保线 + 超出收入的刚性支出 − 低保、特困供养年额 = {need} 元。",
                    year.income,
                    h.rigid_spending,
                    Money::ZERO.checked_sub(year.after_spending).unwrap_or(Money::ZERO),
                    year.line,
                    received_words(&year)
                ),
                false => format!(
                    "{events}：年收入 {} 元（低保不计的收入不算在内）− 刚性支出 {} 元 = {} 元；全年低保线 {standard} × 12 × {n} 人 = {} 元；本测算的低保、特困供养年额（测算日期起12个月）{}；缺口 = 全年低保线 − 扣除刚性支出后的收入 − 低保、特困供养年额 = {need} 元。",
                    year.income,
                    h.rigid_spending,
                    year.after_spending,
                    year.line,
                    received_words(&year)
                ),
            },
            Some(need.to_fen_string()),
        );
        let (Some(share), Some(severity)) = (year.severe_share, self.severity) else {
            e.reason(Reason::TemporaryNoNeed.text());
            return;
        };
        let severe = severity == Severity::Severe;
        let (months, ceiling, amount) = (self.months, self.ceiling, self.amount);
        let all = h.members.len();
        self.ceiling_step(all, e);
        e.step_citing(
            rules::TEMPORARY_AMOUNT,
            "民发〔2018〕23号二(三)",
            format!(
                "刚性支出 {} 元{}年收入的 {}：{}困难，上限 {months} 个月家庭低保标准 = {standard} × {months} × {all} = {ceiling} 元；救助额取缺口 {need} 元与上限 {ceiling} 元中较小的一个 = {amount} 元。",
                h.rigid_spending,
                if severe { "达到" } else { "未达到" },
                share.percent(),
                if severe { "严重" } else { "一般" }
            ),
            Some(amount.to_fen_string()),
        );
        e.reason(format!(
            "{events}导致基本生活暂时困难，可给予一次性临时救助 {amount} 元。"
        ));
        e.fact("缺口", need, "元", "need");
        e.fact("一次性救助", amount, "元", "amount");
        if self.case_by_case {
            let rest = need.checked_sub(ceiling).unwrap_or_default();
            e.step(
                rules::TEMPORARY_CASE_BY_CASE,
                format!("缺口超出上限 {rest} 元：可按“一事一议”提高救助额度。"),
                Some(rest.to_fen_string()),
            );
            e.reason(format!("缺口超出救助上限 {rest} 元，可报县级“一事一议”。"));
            e.fact_text("超出部分", "县级一事一议");
        }
    }
}
