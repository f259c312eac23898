//! 防贫保险 and 扶贫小额保险 (insurance against falling into poverty), policy text 六(十七): "继续为脱贫
//! 人口、边缘易致贫人口实施扶贫小额保险政策，鼓励各县（市、区）探索防贫保险机制".
//!
//! A county scheme: where the region runs one (`povertyInsurance.adopted`), a covered household (脱贫
//! or monitored) whose per-capita income after rigid spending falls below the scheme's line (a
//! multiple of the monitoring line) is paid the gap × members × the payout rate, at most the cap, once
//! in the year, in cash. The formula is this calculator's reading of the usual county schemes; each
//! county's own terms replace the parameters.
//!
//! Parameters read: `povertyInsurance.adopted`, `povertyInsurance.lineMultiple`,
//! `monitoring.incomeLine`, `povertyInsurance.payoutRate`, `povertyInsurance.cap`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::model::Household;
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PovertyInsuranceFigures {
    /// The region runs a 防贫保险 scheme.
    pub adopted: bool,
    /// A 脱贫 or monitored household: covered by the scheme.
    pub covered: bool,
    /// Per-capita income after rigid spending, a year (0.00 when spending exceeds income).
    #[tsify(type = "string")]
    pub per_capita_after_spending: Money,
    /// The scheme's line per person, a year.
    #[tsify(type = "string")]
    pub line: Money,
    /// (line − per-capita income after spending) × members, when below the line.
    #[tsify(type = "string")]
    pub gap: Money,
    /// The payout, once in the year (at most the cap).
    #[tsify(type = "string")]
    pub payout: Money,
    #[serde(skip)]
    terms: Option<(Rate, Rate, Money, Money)>,
}

impl HouseholdProgramme for PovertyInsuranceFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(Some("one-off"));

    fn compute(h: &Household<'_>, _: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let mut f = PovertyInsuranceFigures {
            adopted: false,
            covered: h.status.alleviated_or_monitored(),
            per_capita_after_spending: Money::ZERO,
            line: Money::ZERO,
            gap: Money::ZERO,
            payout: Money::ZERO,
            terms: None,
        };
        if !f.covered {
            return Ok(f);
        }
        f.adopted = r.count(&p::POVERTY_INSURANCE_ADOPTED)? == 1;
        if !f.adopted {
            return Ok(f);
        }
        let multiple = r.rate(&p::POVERTY_INSURANCE_LINE_MULTIPLE)?;
        let monitoring_line = r.money(&p::MONITORING_INCOME_LINE)?;
        f.line = monitoring_line.times(multiple)?.round_fen();
        let after = h.total_income()?.checked_sub(h.rigid_spending)?;
        f.per_capita_after_spending = after.checked_div(h.size())?.round_fen().max(Money::ZERO);
        if f.per_capita_after_spending >= f.line {
            return Ok(f);
        }
        f.gap = f
            .line
            .checked_sub(f.per_capita_after_spending)?
            .checked_mul(h.size())?;
        let rate = r.rate(&p::POVERTY_INSURANCE_PAYOUT_RATE)?;
        let cap = r.money(&p::POVERTY_INSURANCE_CAP)?;
        f.payout = f.gap.times(rate)?.round_fen().min(cap);
        f.terms = Some((multiple, rate, cap, monitoring_line));
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = !self.payout.is_zero();
        let payout = if eligible { self.payout } else { Money::ZERO };
        Ok(Amounts {
            annual: eligible.then_some(payout),
            cash_annual: payout,
            one_off: payout,
            ..Amounts::verdict(eligible)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["六(十七)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add(rules::POVERTY_INSURANCE_COVERED);
        a.add_if(self.adopted, rules::POVERTY_INSURANCE_FORMULA);
        a
    }

    fn why(&self) -> Why {
        why![match (self.covered, self.adopted, self.terms) {
            (false, ..) => Reason::PovertyInsuranceNotCovered,
            (true, false, _) => Reason::PovertyInsuranceNotAdopted,
            (true, true, None) => Reason::PovertyInsuranceAboveLine,
            (true, true, Some(_)) => Reason::PovertyInsurancePayout,
        }]
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        let text = match (self.covered, self.adopted) {
            (false, _) => format!(
                "{}：防贫保险、扶贫小额保险面向脱贫户、监测户，本户不在保障范围。",
                h.status.label()
            ),
            (true, false) => "所在县（市、区）未开办防贫保险（参数）。".to_string(),
            (true, true) => "所在县（市、区）开办防贫保险，本户在保障范围内。".to_string(),
        };
        e.step(rules::POVERTY_INSURANCE_COVERED, text, None);
        if !(self.covered && self.adopted) {
            e.reason(if self.covered {
                Reason::PovertyInsuranceNotAdopted.text()
            } else {
                Reason::PovertyInsuranceNotCovered.text()
            });
            return;
        }
        e.step(
            rules::POVERTY_INSURANCE_FORMULA,
            format!(
                "扣除刚性支出 {} 元后人均纯收入 {} 元（不足 0 按 0 计），防贫线 {} 元/人·年。",
                h.rigid_spending, self.per_capita_after_spending, self.line
            ),
            Some(self.per_capita_after_spending.to_fen_string()),
        );
        let Some((multiple, rate, cap, monitoring_line)) = self.terms else {
            e.reason(Reason::PovertyInsuranceAboveLine.text());
            return;
        };
        e.step(
            rules::POVERTY_INSURANCE_FORMULA,
            format!(
                "防贫线 = 监测标准 {monitoring_line} × {multiple} = {}；缺口 ({} − {}) × {} 人 = {} 元 × 赔付比例 {}，不超过 {cap} 元 → 赔付 {} 元（一次性现金）。",
                self.line, self.line, self.per_capita_after_spending, h.members.len(), self.gap, rate.percent(), self.payout
            ),
            Some(self.payout.to_fen_string()),
        );
        e.reason(format!(
            "扣除刚性支出后收入低于防贫线：防贫保险可赔付 {} 元。",
            self.payout
        ));
        e.fact("防贫线", self.line, "元/人·年", "line");
        e.fact("赔付", self.payout, "元", "payout");
    }
}
