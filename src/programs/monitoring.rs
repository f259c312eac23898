//! 防止返贫动态监测 (dynamic monitoring to prevent a return to poverty).
//!
//! Policy text 二(二): monitor 脱贫不稳定户, 边缘易致贫户, and households in severe hardship because
//! illness, disaster or accident brought large rigid spending or a sharp fall in income; watch their
//! income and spending, 两不愁三保障 and drinking water. Those with labour capacity get development-type
//! help (industry, employment); those without get the safety net; a major natural disaster or family
//! change is handled 一事一议. 四(九) extends monitoring to the rural low-income population.
//!
//! Parameters read: `monitoring.incomeLine`, `monitoring.suddenHardship.rigidSpendingShare`,
//! `monitoring.suddenHardship.incomeFallShare`, `monitoring.stableMonths` (risk elimination).

use serde::Serialize;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use crate::error::Result;
use crate::model::{Capacity, Event, Household, HouseholdStatus};
use crate::money::Money;
use crate::params::catalogue as p;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Category {
    /// 脱贫不稳定户
    Unstable,
    /// 边缘易致贫户
    Marginal,
    /// 突发严重困难户
    SuddenHardship,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Track {
    /// 开发式帮扶: industry and employment.
    Development,
    /// 兜底保障
    SafetyNet,
    /// 一事一议
    CaseByCase,
}

impl Category {
    /// The serialised name ('marginal').
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Unstable => "unstable",
            Category::Marginal => "marginal",
            Category::SuddenHardship => "suddenHardship",
        }
    }
}

impl Track {
    /// The serialised name ('safetyNet').
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Development => "development",
            Track::SafetyNet => "safetyNet",
            Track::CaseByCase => "caseByCase",
        }
    }
}

/// Whether a monitored household's risk can be marked eliminated (风险消除), and what stands in the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RiskElimination {
    pub eligible: bool,
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    pub in_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub category: Option<Category>,
    /// Annual per-capita net income.
    #[tsify(type = "string")]
    pub per_capita_net_income: Money,
    /// The monitoring line on the date (yuan per person per year).
    #[tsify(type = "string")]
    pub income_line: Money,
    /// Risk ids: incomeBelowLine, largeRigidSpending, sharpIncomeFall, unsecuredFood … unsecuredWater,
    /// and the events (illness, disaster, accident, familyChange).
    pub risks: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track: Option<Track>,
    /// For households already under monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub risk_elimination: Option<RiskElimination>,
}

pub fn monitoring(h: &Household<'_>, mut calc: Calc<'_>) -> Result<MonitoringResult> {
    let line = calc.params.money(&p::MONITORING_INCOME_LINE)?;
    let total = h.total_income()?;
    let per_capita = total.checked_div(h.size())?;
    let n = h.members.len();
    let wages = Money::sum(h.members.iter().map(|m| m.wages))?;
    let mut risks: Vec<String> = Vec::new();

    calc.step(
        "monitoring.perCapitaNetIncome",
        "二(二)",
        || format!("家庭年收入 {} 元（经营 {} + 财产 {} + 转移 {} + 其他 {} + 工资 {}）÷ {n} 人 = 人均 {} 元/年。", total.round_fen(), h.income.business, h.income.property, h.income.transfer, h.income.other, wages, per_capita.round_fen()),
        || Some(per_capita.to_fen_string()),
    );
    let below = per_capita < line;
    calc.step(
        "monitoring.incomeLine",
        "二(二)",
        || {
            format!(
                "监测收入标准 {} 元/人·年：人均 {} 元{}标准。",
                line.round_fen(),
                per_capita.round_fen(),
                if below { "低于" } else { "不低于" }
            )
        },
        || Some(line.to_fen_string()),
    );
    if below {
        risks.push("incomeBelowLine".into());
    }

    let unsecured = h.guarantees.unsecured();
    if !unsecured.is_empty() {
        let names: Vec<&str> = unsecured.iter().map(|(_, n)| *n).collect();
        calc.step(
            "monitoring.guarantees",
            "二(二)",
            || format!("“两不愁三保障”及饮水安全未保障：{}。", names.join("、")),
            || Some(names.len().to_string()),
        );
        risks.extend(unsecured.iter().map(|(id, _)| id.to_string()));
    }

    // Sudden hardship: an event, large rigid spending or a sharp fall in income, and basic living in
    // severe difficulty (income after rigid spending below the line).
    let mut sudden = false;
    if !h.events.is_empty() {
        let events: Vec<&str> = h.events.iter().map(|e| e.label()).collect();
        risks.extend(h.events.iter().map(|e| e.id().to_string()));
        let spending_share = calc.params.rate(&p::MONITORING_RIGID_SPENDING_SHARE)?;
        let spending_threshold = total.times(spending_share)?;
        let large_spending =
            h.rigid_spending > Money::ZERO && h.rigid_spending >= spending_threshold;
        calc.step(
            "monitoring.rigidSpending",
            "二(二)",
            || {
                format!(
                    "{}：刚性支出 {} 元，{}家庭年收入的 {}（{} 元）：{}。",
                    events.join("、"),
                    h.rigid_spending,
                    if large_spending {
                        "达到"
                    } else {
                        "未达到"
                    },
                    spending_share.percent(),
                    spending_threshold.round_fen(),
                    if large_spending {
                        "刚性支出较大"
                    } else {
                        "刚性支出不算较大"
                    }
                )
            },
            || Some(h.rigid_spending.to_fen_string()),
        );
        if large_spending {
            risks.push("largeRigidSpending".into());
        }
        let mut sharp_fall = false;
        if let Some(last) = h.last_year_income.filter(|l| !l.is_zero()) {
            let fall_share = calc.params.rate(&p::MONITORING_INCOME_FALL_SHARE)?;
            let fallen_to = last.checked_sub(last.times(fall_share)?)?;
            sharp_fall = total <= fallen_to;
            calc.step(
                "monitoring.incomeFall",
                "二(二)",
                || format!("上年收入 {} 元，今年 {} 元；下降 {} 以上（不高于 {} 元）即为收入大幅缩减：{}。", last, total.round_fen(), fall_share.percent(), fallen_to.round_fen(), if sharp_fall { "是" } else { "否" }),
                || None,
            );
            if sharp_fall {
                risks.push("sharpIncomeFall".into());
            }
        }
        let after_spending = total.checked_sub(h.rigid_spending)?.checked_div(h.size())?;
        let severe = after_spending < line;
        calc.step(
            "monitoring.basicLiving",
            "二(二)",
            || {
                format!(
                    "扣除刚性支出后人均 {} 元/年，{}监测标准 {} 元：{}。",
                    after_spending.round_fen(),
                    if severe { "低于" } else { "不低于" },
                    line.round_fen(),
                    if severe {
                        "基本生活出现严重困难"
                    } else {
                        "基本生活未出现严重困难"
                    }
                )
            },
            || Some(after_spending.to_fen_string()),
        );
        sudden = (large_spending || sharp_fall) && severe;
    }

    let already = h.status == HouseholdStatus::Monitored;
    let in_scope = below || !unsecured.is_empty() || sudden || already;
    let category = match h.status {
        HouseholdStatus::Alleviated if below || !unsecured.is_empty() => Some(Category::Unstable),
        HouseholdStatus::General if below || !unsecured.is_empty() => Some(Category::Marginal),
        _ if sudden => Some(Category::SuddenHardship),
        _ => None,
    };
    match category {
        Some(Category::Unstable) => calc.reason(|| "脱贫户人均纯收入低于监测标准或“两不愁三保障”及饮水安全未保障：属脱贫不稳定户，应纳入监测。".into()),
        Some(Category::Marginal) => calc.reason(|| "一般农户人均纯收入低于监测标准或“两不愁三保障”及饮水安全未保障：属边缘易致贫户，应纳入监测。".into()),
        Some(Category::SuddenHardship) => calc.reason(|| "因病因灾因意外事故等刚性支出较大或收入大幅缩减，基本生活出现严重困难：属突发严重困难户，应纳入监测。".into()),
        None if already => calc.reason(|| "该户已纳入防返贫监测；本次测算未发现新的返贫致贫风险，类别以登记为准。".into()),
        None => calc.reason(|| "人均纯收入不低于监测标准，“两不愁三保障”及饮水安全均有保障，未发现突发严重困难：暂不纳入监测。".into()),
    }
    calc.step(
        "monitoring.scope",
        "二(二)",
        || {
            if in_scope {
                "纳入防返贫动态监测。"
            } else {
                "不纳入监测。"
            }
            .to_string()
        },
        || Some(if in_scope { "纳入" } else { "不纳入" }.into()),
    );

    let has_labor = h.members.iter().any(|m| m.labor_capacity != Capacity::None);
    let track = in_scope.then(|| {
        if h.events
            .iter()
            .any(|e| matches!(e, Event::Disaster | Event::FamilyChange))
        {
            Track::CaseByCase
        } else if has_labor {
            Track::Development
        } else {
            Track::SafetyNet
        }
    });
    if let Some(t) = track {
        let text = match t {
            Track::CaseByCase => "遭遇重大自然灾害或家庭重大变故：实行“一事一议”。",
            Track::Development => "家中有劳动能力的成员：坚持开发式帮扶，强化产业、就业帮扶。",
            Track::SafetyNet => "家中无劳动能力的成员：强化兜底保障，确保基本生活不出问题。",
        };
        calc.step("monitoring.track", "二(二)", || text.into(), || None);
        calc.reason(|| text.into());
    }

    let risk_elimination = if already {
        let stable_months = calc.params.count(&p::MONITORING_STABLE_MONTHS)?;
        let short_of_months = !below && h.stable_income_months < stable_months;
        let eligible = !below && !short_of_months && unsecured.is_empty() && !sudden && has_labor;
        // What stands in the way (or the way ahead), written only when the calculation explains.
        let mut reasons = Vec::new();
        if calc.trace.explains() {
            if below {
                reasons.push(format!(
                    "人均纯收入 {} 元仍低于监测标准 {} 元",
                    per_capita.round_fen(),
                    line.round_fen()
                ));
            } else if short_of_months {
                reasons.push(format!(
                    "收入稳定超过监测标准 {} 个月，未满 {stable_months} 个月",
                    h.stable_income_months
                ));
            }
            if !unsecured.is_empty() {
                reasons.push("“两不愁三保障”及饮水安全尚未全部保障".into());
            }
            if sudden {
                reasons.push("仍有突发严重困难".into());
            }
            if !has_labor {
                reasons.push("家庭无劳动能力：落实兜底保障后不标注风险消除，持续跟踪".into());
            }
            if eligible {
                reasons.push(format!("收入持续稳定超过监测标准已满 {stable_months} 个月，“两不愁三保障”及饮水安全有保障：可按程序（入户核实、村级评议、公示、县级审定）标注风险消除。"));
            }
        }
        calc.step(
            "monitoring.riskElimination",
            "二(二)",
            || format!("风险消除：{}", reasons.join("；")),
            || Some(if eligible { "可消除" } else { "暂不可" }.into()),
        );
        Some(RiskElimination { eligible, reasons })
    } else {
        None
    };

    Ok(MonitoringResult {
        result: calc.finish("monitoring", "防止返贫动态监测", in_scope, None)?,
        in_scope,
        category,
        per_capita_net_income: per_capita.round_fen(),
        income_line: line.round_fen(),
        risks,
        track,
        risk_elimination,
    })
}
