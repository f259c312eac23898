//! 乡村公益岗位 (village public-interest posts), policy text 三(六): "统筹用好乡村公益岗位，健全按需设岗、
//! 以岗聘任、在岗领补、有序退岗的管理机制，过渡期内逐步调整优化人员选聘、补贴标准等政策，促进弱劳力、
//! 半劳力等家庭就近就地解决就业".
//!
//! Rural households only: the posts are 乡村 posts (rule `publicPost.rural`).
//!
//! Who may be appointed: members with partial labour capacity (弱劳力、半劳力) of 脱贫 or monitored
//! households, within the post's ages, not in school; at most `publicPost.perHousehold` posts a
//! household. 有序退岗: once the household's per-capita income has been above the monitoring line for
//! the months risk elimination needs (`monitoring.stableMonths`), the household leaves its posts. The
//! monthly 补贴 is pay for work: the estimate's `totalEarnings`, not its cash support.
//!
//! Parameters read: `publicPost.monthly`, `publicPost.ageMin`, `publicPost.ageMax`,
//! `publicPost.perHousehold`, `monitoring.incomeLine`, `monitoring.stableMonths`.

use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Area, Capacity, Household, Label, Member};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PublicPostFigures {
    /// A 脱贫 or monitored household.
    pub household_qualifies: bool,
    /// 有序退岗: income stably above the monitoring line for the set months.
    pub exits: bool,
    /// Members who may be appointed (partial labour capacity, within the ages, not in school).
    #[tsify(type = "string[]")]
    pub candidates: Vec<Label>,
    /// Posts the household may hold.
    pub posts: u32,
    /// The 补贴 of one post, a month.
    #[tsify(type = "string")]
    pub monthly_subsidy: Money,
    /// An urban household: not in the posts' scope (rule `publicPost.rural`).
    #[serde(skip)]
    urban: bool,
    #[serde(skip)]
    ages: (u32, u32),
    #[serde(skip)]
    per_household: u32,
    /// Per-capita income, the line and the months, for the words of 有序退岗.
    #[serde(skip)]
    exit_test: Option<(Money, Money, u32)>,
}

/// A 弱劳力、半劳力 as recorded (a register's 弱劳动力 aged 60 to the post's upper age is one, though
/// 民发〔2021〕43号第五条 counts them without capacity for 特困), or by default.
fn partial(m: &Member<'_>) -> bool {
    m.recorded_capacity.unwrap_or(m.labor_capacity) == Capacity::Partial
}

fn candidate(m: &Member<'_>, ages: (u32, u32)) -> bool {
    partial(m) && (ages.0..=ages.1).contains(&m.age) && m.schooling.is_none()
}

impl PublicPostFigures {
    fn monthly_total(&self) -> Result<Money> {
        self.monthly_subsidy.checked_mul(Decimal::from(self.posts))
    }
}

impl HouseholdProgramme for PublicPostFigures {
    const COLUMNS: ColumnNotes = ColumnNotes {
        kind: Some("pay"),
        no_monthly: false,
        no_annual: false,
        ceiling: false,
    };

    fn compute(h: &Household<'_>, _: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let mut f = PublicPostFigures {
            household_qualifies: h.status.alleviated_or_monitored(),
            exits: false,
            candidates: Vec::new(),
            posts: 0,
            monthly_subsidy: Money::ZERO,
            ages: (0, 0),
            per_household: 0,
            exit_test: None,
            urban: h.area == Area::Urban,
        };
        if f.urban || !f.household_qualifies {
            return Ok(f);
        }
        let line = r.money(&p::MONITORING_INCOME_LINE)?;
        let months = r.count(&p::MONITORING_STABLE_MONTHS)?;
        let per_capita = h.per_capita_income()?.round_fen();
        f.exit_test = Some((per_capita, line, months));
        f.exits = per_capita > line && h.stable_income_months >= months;
        if f.exits {
            return Ok(f);
        }
        f.ages = (
            r.count(&p::PUBLIC_POST_AGE_MIN)?,
            r.count(&p::PUBLIC_POST_AGE_MAX)?,
        );
        f.candidates = h
            .members
            .iter()
            .filter(|m| candidate(m, f.ages))
            .map(|m| m.label.clone())
            .collect();
        if f.candidates.is_empty() {
            return Ok(f);
        }
        f.per_household = r.count(&p::PUBLIC_POST_PER_HOUSEHOLD)?;
        let candidates = u32::try_from(f.candidates.len()).unwrap_or(u32::MAX);
        f.posts = candidates.min(f.per_household);
        f.monthly_subsidy = r.money(&p::PUBLIC_POST_MONTHLY)?;
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let monthly = self.monthly_total()?.round_fen();
        let eligible = self.posts > 0 && !monthly.is_zero();
        if !eligible {
            return Ok(Amounts::verdict(false));
        }
        let annual = monthly.checked_mul(12.into())?;
        Ok(Amounts {
            monthly: Some(monthly),
            annual: Some(annual),
            earnings_annual: annual,
            ..Amounts::verdict(true)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["三(六)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        if self.urban {
            return a;
        }
        a.add(rules::PUBLIC_POST_HOUSEHOLD);
        a.add_if(self.exit_test.is_some(), rules::PUBLIC_POST_EXIT);
        a.add_if(
            self.household_qualifies && !self.exits,
            rules::PUBLIC_POST_MEMBER,
        );
        a.add_if(self.posts > 0, rules::PUBLIC_POST_POSTS);
        a
    }

    fn why(&self) -> Why {
        why![if self.urban {
            Reason::PublicPostUrban
        } else if !self.household_qualifies {
            Reason::PublicPostNotCovered
        } else if self.exits {
            Reason::PublicPostOrderlyExit
        } else if self.posts == 0 {
            Reason::PublicPostNoCandidate
        } else {
            Reason::PublicPostPosts
        }]
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        if self.urban {
            e.step(
                rules::PUBLIC_POST_RURAL,
                "城市家庭：乡村公益岗位设在乡村，不在其范围内。".into(),
                None,
            );
            e.reason(Reason::PublicPostUrban.text());
            return;
        }
        if !self.household_qualifies {
            e.step(
                rules::PUBLIC_POST_HOUSEHOLD,
                format!(
                    "{}：乡村公益岗位面向脱贫户、监测户，本户不属。",
                    h.status.label()
                ),
                None,
            );
            e.reason(Reason::PublicPostNotCovered.text());
            return;
        }
        if let Some((per_capita, line, months)) = self.exit_test {
            let text = if self.exits {
                format!("人均纯收入 {per_capita} 元高于监测标准 {line} 元，且已稳定 {} 个月（≥ {months}）：有序退岗。", h.stable_income_months)
            } else {
                format!("人均纯收入 {per_capita} 元，监测标准 {line} 元，收入稳定 {} 个月（退岗需高于标准且满 {months} 个月）：不退岗。", h.stable_income_months)
            };
            e.step(
                rules::PUBLIC_POST_EXIT,
                text,
                Some(per_capita.to_fen_string()),
            );
        }
        if self.exits {
            e.reason(Reason::PublicPostOrderlyExit.text());
            return;
        }
        let (min, max) = self.ages;
        for m in &h.members {
            let text = if candidate(m, self.ages) {
                format!(
                    "{}：{}周岁，弱劳力、半劳力，可聘任公益岗位。",
                    m.label, m.age
                )
            } else if !partial(m) {
                format!(
                    "{}：不属弱劳力、半劳力（公益岗位优先安置的对象）。",
                    m.label
                )
            } else if m.schooling.is_some() {
                format!("{}：在校学生，不聘任。", m.label)
            } else {
                format!("{}：{}周岁，不在{min}至{max}周岁之间。", m.label, m.age)
            };
            e.step(rules::PUBLIC_POST_MEMBER, text, None);
        }
        if self.posts == 0 {
            e.reason(Reason::PublicPostNoCandidate.text());
            return;
        }
        let monthly = self.monthly_total().unwrap_or_default().round_fen();
        e.step(
            rules::PUBLIC_POST_POSTS,
            format!(
                "可聘任 {} 人，每户至多 {} 人：按 {} 个岗位；岗位补贴 {} 元/月 × {} = {monthly} 元/月（在岗领补，劳务所得）。",
                self.candidates.len(), self.per_household, self.posts, self.monthly_subsidy, self.posts
            ),
            Some(monthly.to_fen_string()),
        );
        e.reason(format!(
            "{}可聘任乡村公益岗位，在岗每月补贴 {monthly} 元。",
            self.candidates.join("、")
        ));
        e.fact("岗位补贴", self.monthly_subsidy, "元/月", "monthlySubsidy");
        e.fact_text("可聘任岗位", format!("{} 个", self.posts));
    }
}
