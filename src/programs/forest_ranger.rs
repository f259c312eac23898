//! 生态护林员 (forest rangers), policy text 三(六): "过渡期内逐步调整优化生态护林员政策，优先保障脱贫
//! 不稳定户、边缘易致贫户实现就业".
//!
//! Rural households only (rule `forestRanger.rural`, this calculator's reading).
//!
//! Who may be selected: members able to work (full labour capacity, of working age, not in school;
//! members with part of it are the public posts' 弱劳力、半劳力) of 脱贫 or monitored households; households registered as 脱贫不稳定户 or 边缘易致贫户 come first. A household
//! holds at most `employment.forestRanger.perHousehold` posts; each post pays the annual ranger pay
//! (cash for work done: the estimate's `totalEarnings`, not its cash support).
//!
//! Parameters read: `employment.forestRangerPay`, `employment.forestRanger.perHousehold`,
//! `labor.workingAgeMin`, `labor.workingAgeMax`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Area, Capacity, Category, Household, Label, Member};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ForestRangerFigures {
    /// A 脱贫 or monitored household.
    pub household_qualifies: bool,
    /// Registered as 脱贫不稳定户 or 边缘易致贫户: selected first.
    pub priority: bool,
    /// Members who may be selected (able to work, of working age).
    #[tsify(type = "string[]")]
    pub candidates: Vec<Label>,
    /// Posts the household may hold: the candidates, at most the per-household number.
    pub posts: u32,
    /// The annual pay of one ranger.
    #[tsify(type = "string")]
    pub pay_per_ranger: Money,
    /// posts × the pay, a year.
    #[tsify(type = "string")]
    pub annual_pay: Money,
    /// An urban household: not in the selection (rule `forestRanger.rural`).
    #[serde(skip)]
    urban: bool,
    #[serde(skip)]
    working: (u32, u32),
    #[serde(skip)]
    per_household: u32,
}

/// Able to work as a ranger: of working age, with full labour capacity (members with part of it are
/// the public posts' 弱劳力、半劳力), not in school.
fn able(m: &Member<'_>, working: (u32, u32)) -> bool {
    (working.0..=working.1).contains(&m.age)
        && m.labor_capacity == Capacity::Full
        && m.schooling.is_none()
}

/// Whether a member may be selected, in words.
fn member_text(m: &Member<'_>, working: (u32, u32)) -> String {
    let (min, max) = working;
    if able(m, working) {
        format!(
            "{}：{}周岁，有劳动能力，可选聘为生态护林员。",
            m.label, m.age
        )
    } else if m.labor_capacity == Capacity::None {
        format!("{}：无劳动能力，不能选聘。", m.label)
    } else if m.labor_capacity == Capacity::Partial {
        format!(
            "{}：部分丧失劳动能力（弱劳力、半劳力），按乡村公益岗位安置。",
            m.label
        )
    } else if m.schooling.is_some() {
        format!("{}：在校学生，不选聘。", m.label)
    } else {
        format!(
            "{}：{}周岁，不在{min}至{max}周岁之间，不能选聘。",
            m.label, m.age
        )
    }
}

impl HouseholdProgramme for ForestRangerFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(Some("pay"));

    fn compute(h: &Household<'_>, _: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let household_qualifies = h.status.alleviated_or_monitored();
        let priority = h.status.monitored()
            && matches!(
                h.monitoring_category,
                Some(Category::Unstable | Category::Marginal)
            );
        let mut f = ForestRangerFigures {
            household_qualifies,
            priority,
            candidates: Vec::new(),
            posts: 0,
            pay_per_ranger: Money::ZERO,
            annual_pay: Money::ZERO,
            working: (0, 0),
            per_household: 0,
            urban: h.area == Area::Urban,
        };
        if f.urban || !household_qualifies {
            return Ok(f);
        }
        f.working = h.working_ages;
        f.candidates = h
            .members
            .iter()
            .filter(|m| able(m, f.working))
            .map(|m| m.label.clone())
            .collect();
        if f.candidates.is_empty() {
            return Ok(f);
        }
        f.per_household = r.count(&p::FOREST_RANGER_PER_HOUSEHOLD)?;
        let candidates = u32::try_from(f.candidates.len()).unwrap_or(u32::MAX);
        f.posts = candidates.min(f.per_household);
        f.pay_per_ranger = r.money(&p::FOREST_RANGER_PAY)?;
        f.annual_pay = f.pay_per_ranger.checked_mul(f.posts.into())?.round_fen();
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = self.posts > 0 && !self.annual_pay.is_zero();
        Ok(Amounts {
            annual: eligible.then_some(self.annual_pay),
            earnings_annual: if eligible {
                self.annual_pay
            } else {
                Money::ZERO
            },
            ..Amounts::verdict(eligible)
        })
    }

    fn citations(&self) -> Citations {
        Citations::of(&["三(六)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        if self.urban {
            a.add(rules::FOREST_RANGER_RURAL);
            return a;
        }
        a.add(rules::FOREST_RANGER_HOUSEHOLD);
        a.add_if(self.household_qualifies, rules::FOREST_RANGER_ABLE_TO_WORK);
        a.add_if(self.posts > 0, rules::FOREST_RANGER_POSTS);
        a
    }

    fn why(&self) -> Why {
        if self.urban {
            return why![Reason::ForestRangerUrban];
        }
        if !self.household_qualifies {
            return why![Reason::ForestRangerNotCovered];
        }
        if self.posts == 0 {
            return why![Reason::ForestRangerNoCandidate];
        }
        let mut why = why![Reason::ForestRangerPosts];
        if self.priority {
            why.push(Reason::ForestRangerPriority);
        }
        why
    }

    fn explain(&mut self, h: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        if self.urban {
            e.step(
                rules::FOREST_RANGER_RURAL,
                "城市家庭：生态护林员从农村家庭中选聘，不在选聘范围内。".into(),
                None,
            );
            e.reason(Reason::ForestRangerUrban.text());
            return;
        }
        let text = match (self.household_qualifies, self.priority) {
            (false, _) => format!(
                "{}：生态护林员从脱贫户、监测户中选聘，本户不属选聘范围。",
                h.status.label()
            ),
            (true, true) => Reason::ForestRangerPriority.text().to_string(),
            (true, false) => {
                "脱贫户或监测户：可以选聘（脱贫不稳定户、边缘易致贫户优先）。".to_string()
            }
        };
        e.step(rules::FOREST_RANGER_HOUSEHOLD, text, None);
        if !self.household_qualifies {
            e.reason(Reason::ForestRangerNotCovered.text());
            return;
        }
        for m in &h.members {
            e.step(
                rules::FOREST_RANGER_ABLE_TO_WORK,
                member_text(m, self.working),
                None,
            );
        }
        if self.posts == 0 {
            e.reason(Reason::ForestRangerNoCandidate.text());
            return;
        }
        e.step(
            rules::FOREST_RANGER_POSTS,
            format!(
                "可选聘 {} 人，每户至多 {} 人：按 {} 个岗位计算；每人每年 {} 元 × {} = {} 元/年。",
                self.candidates.len(),
                self.per_household,
                self.posts,
                self.pay_per_ranger,
                self.posts,
                self.annual_pay
            ),
            Some(self.annual_pay.to_fen_string()),
        );
        e.reason(format!(
            "{}可选聘为生态护林员{}，每年劳务补助 {} 元（按 {} 个岗位）。",
            self.candidates.join("、"),
            if self.priority { "（优先）" } else { "" },
            self.annual_pay,
            self.posts
        ));
        e.fact(
            "护林员年补助",
            self.pay_per_ranger,
            "元/人·年",
            "payPerRanger",
        );
        e.fact_text("可选聘岗位", format!("{} 个", self.posts));
        e.fact("年补助合计", self.annual_pay, "元/年", "annualPay");
    }
}
