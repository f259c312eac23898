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

use super::reasons::{why, Reason, Why};
use super::{Amounts, ProgrammeResult};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
pub use crate::input::household::Category;
use crate::input::model::{Area, Capacity, Event, Household, HouseholdStatus};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

pub const ID: &str = "monitoring";
pub const LABEL: &str = "防止返贫动态监测";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Track {
    /// 开发式帮扶: industry and employment.
    Development,
    /// 兜底保障
    SafetyNet,
    /// 一事一议
    CaseByCase,
}

crate::base::serialize_by_id!(Track, serde_ids_track {
    Development => "development",
    SafetyNet => "safetyNet",
    CaseByCase => "caseByCase",
});

impl Track {
    pub const ALL: [Track; 3] = [Track::Development, Track::SafetyNet, Track::CaseByCase];
    /// The serialised name ('safetyNet').
    pub fn as_str(self) -> &'static str {
        match self {
            Track::Development => "development",
            Track::SafetyNet => "safetyNet",
            Track::CaseByCase => "caseByCase",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Track::Development => "开发式帮扶（产业、就业）",
            Track::SafetyNet => "兜底保障",
            Track::CaseByCase => "一事一议",
        }
    }
}

/// Every risk id a result may list, with its Chinese label.
pub const RISKS: &[(&str, &str)] = &[
    ("incomeBelowLine", "人均纯收入低于监测标准"),
    ("largeRigidSpending", "刚性支出较大"),
    ("sharpIncomeFall", "收入大幅缩减"),
    ("unsecuredFood", "吃未保障"),
    ("unsecuredClothing", "穿未保障"),
    ("unsecuredEducation", "义务教育未保障"),
    ("unsecuredMedical", "基本医疗未保障"),
    ("unsecuredHousing", "住房安全未保障"),
    ("unsecuredWater", "饮水安全未保障"),
    ("illness", "因病"),
    ("disaster", "因灾"),
    ("accident", "因意外事故"),
    ("familyChange", "家庭重大变故"),
];

fn risk_label(id: &str) -> &str {
    RISKS.iter().find(|(r, _)| *r == id).map_or(id, |(_, l)| l)
}

/// Whether a monitored household's risk can be marked eliminated (风险消除), and what stands in the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RiskElimination {
    pub eligible: bool,
    /// What stands in the way, or the way ahead, when explained.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub reasons: Vec<String>,
    #[serde(skip)]
    stable_months: u32,
    /// The same as reason ids.
    #[serde(skip)]
    why: Why,
}

/// The sudden-hardship test of a household hit by an event.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sudden {
    spending_share: Rate,
    spending_threshold: Money,
    large_spending: bool,
    /// Last year's income, the share of a sharp fall, the income it falls to, whether it fell.
    fall: Option<(Money, Rate, Money, bool)>,
    /// Per person, after rigid spending: not below 0 (spending over income is no income left).
    after_spending: Money,
    /// Whether rigid spending is over income (`after_spending` is then 0).
    spending_over_income: bool,
    /// The multiple of the monitoring line, and the line it gives, under which basic living is in
    /// severe difficulty.
    living_line: (Rate, Money),
    severe: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringFigures {
    /// An urban household: outside 防止返贫监测 unless registered as 脱贫 or monitored.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[tsify(optional)]
    pub urban: bool,
    pub in_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub category: Option<Category>,
    /// Annual per-capita net income, rounded to the fen. The comparison with the line is made on the
    /// exact figure: where rounding takes it up to the line it is below (11999.99 ÷ 2 = 5999.995 shown
    /// as 6000.00), `risks` still has `incomeBelowLine` and the explained steps show the exact figure.
    #[tsify(type = "string")]
    pub per_capita_net_income: Money,
    /// The monitoring line on the date (yuan per person per year).
    #[tsify(type = "string")]
    pub income_line: Money,
    /// Which value the line is: its date and status (read for the words only).
    #[serde(skip)]
    line_said: String,
    /// Risk ids: incomeBelowLine, largeRigidSpending, sharpIncomeFall, unsecuredFood … unsecuredWater,
    /// and the events (illness, disaster, accident, familyChange).
    pub risks: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track: Option<Track>,
    /// For households already under monitoring.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub risk_elimination: Option<RiskElimination>,
    #[serde(skip)]
    income: Money,
    #[serde(skip)]
    below: bool,
    #[serde(skip)]
    sudden: Option<Sudden>,
    /// The category found is one of two that apply (also sudden hardship): the order decided it.
    #[serde(skip)]
    category_by_order: bool,
    /// How the household was registered: already monitored (with a category), or urban and general.
    #[serde(skip)]
    registered: Registered,
}

/// What the household's registration says about monitoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Registered {
    /// Already monitored, with its category given.
    WithCategory,
    /// Already monitored, no category given.
    Monitored,
    /// An urban household, not registered as 脱贫 or monitored: outside 防止返贫监测.
    UrbanGeneral,
    /// Neither.
    Other,
}

pub type MonitoringResult = ProgrammeResult<MonitoringFigures>;

/// The sudden-hardship test (an event, large rigid spending or a sharp fall in income, and income
/// after rigid spending below the line).
fn sudden(h: &Household<'_>, total: Money, line: Money, r: &mut Reader<'_>) -> Result<Sudden> {
    let spending_share = r.rate(&p::MONITORING_RIGID_SPENDING_SHARE)?;
    let spending_threshold = total.times(spending_share)?;
    let large_spending = h.rigid_spending > Money::ZERO && h.rigid_spending >= spending_threshold;
    let fall = match h.last_year_income.filter(|l| !l.is_zero()) {
        Some(last) => {
            let share = r.rate(&p::MONITORING_INCOME_FALL_SHARE)?;
            let fallen_to = last.checked_sub(last.times(share)?)?;
            Some((last, share, fallen_to, total <= fallen_to))
        }
        None => None,
    };
    let after_spending = total.checked_sub(h.rigid_spending)?.checked_div(h.size())?;
    let spending_over_income = after_spending.is_negative();
    let after_spending = after_spending.max(Money::ZERO);
    let multiple = r.rate(&p::MONITORING_LIVING_LINE_MULTIPLE)?;
    let living_line = line.times(multiple)?;
    Ok(Sudden {
        spending_share,
        spending_threshold,
        large_spending,
        fall,
        after_spending,
        spending_over_income,
        living_line: (multiple, living_line),
        severe: after_spending < living_line,
    })
}

impl Sudden {
    fn sharp_fall(&self) -> bool {
        self.fall.is_some_and(|f| f.3)
    }
    fn applies(&self) -> bool {
        (self.large_spending || self.sharp_fall()) && self.severe
    }
}

/// Monitoring on its own: it needs no assistance context, only the household.
pub(crate) fn run(
    h: &Household<'_>,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<MonitoringResult> {
    let mut r = reader.clone();
    let mut f = assess(h, &mut r)?;
    let mut words = Explanation::default();
    let assumed = assumptions(&f, h);
    if explain {
        f.line_said = r.said(&p::MONITORING_INCOME_LINE, r.region());
        explain_check(&mut f, h, &mut words);
        words.say_assumptions(assumed);
    }
    Ok(ProgrammeResult::new(
        ID,
        LABEL,
        (&Amounts::verdict(f.in_scope), why(&f)),
        // The citations are words: only an explained result carries them.
        (
            if explain {
                Citations::of(&["二(二)"])
            } else {
                Citations::default()
            },
            assumed,
        ),
        &r,
        explain.then_some(words),
        f,
    )
    .for_household(h))
}

/// What `of` takes from [`run`]'s figures, and what they rested on, without the result around
/// them (its reasons why, the household's reference): a screening row shows only its verdict.
pub(crate) fn figures_with_basis<T>(
    h: &Household<'_>,
    reader: &Reader<'_>,
    of: impl FnOnce(&MonitoringFigures) -> T,
) -> Result<(T, super::Basis)> {
    let mut r = reader.clone();
    let f = assess(h, &mut r)?;
    let basis = super::Basis {
        unofficial: r.unofficial(),
        stale: r.stale(),
        assumptions: assumptions(&f, h),
    };
    Ok((of(&f), basis))
}

/// Why, as reason ids: the verdict, the track, what stands in the way of risk elimination.
fn why(f: &MonitoringFigures) -> Why {
    let verdict = match (f.registered, f.category) {
        (Registered::WithCategory, _) => Reason::MonitoringRegistered,
        (Registered::UrbanGeneral, _) => Reason::MonitoringUrban,
        (_, Some(Category::Unstable)) => Reason::MonitoringUnstable,
        (_, Some(Category::Marginal)) => Reason::MonitoringMarginal,
        (_, Some(Category::SuddenHardship)) => Reason::MonitoringSuddenHardship,
        (Registered::Monitored, None) if !f.risks.is_empty() => Reason::MonitoringRisksFound,
        (Registered::Monitored, None) => Reason::MonitoringNoNewRisk,
        (Registered::Other, None) => Reason::MonitoringNotInScope,
    };
    let mut why = why![verdict];
    if f.urban && f.in_scope {
        why.push(Reason::MonitoringUrbanRegistered);
    }
    why.extend(f.track.map(|t| match t {
        Track::CaseByCase => Reason::MonitoringCaseByCase,
        Track::Development => Reason::MonitoringDevelopment,
        Track::SafetyNet => Reason::MonitoringSafetyNet,
    }));
    if let Some(re) = &f.risk_elimination {
        why.extend(re.why.iter());
    }
    why
}

/// What stands in the way of risk elimination, or that it may be marked (as [`elimination_words`]).
fn elimination_why(
    eligible: bool,
    below: bool,
    short_of_months: bool,
    h: &Household<'_>,
    sudden: bool,
) -> Why {
    let flags = [
        (Reason::MonitoringIncomeBelowLine, below),
        (Reason::MonitoringNotYetStable, short_of_months),
        (
            Reason::MonitoringGuaranteesUnsecured,
            !h.unsecured().is_empty(),
        ),
        (Reason::MonitoringStillSuddenHardship, sudden),
        (
            Reason::MonitoringNoLabour,
            h.members.iter().all(|m| m.labor_capacity == Capacity::None),
        ),
        (Reason::MonitoringRiskEliminable, eligible),
    ];
    flags.iter().filter(|(_, f)| *f).map(|(r, _)| *r).collect()
}

/// The sudden-hardship thresholds are this calculator's (see `rules`), as is keeping an urban
/// household's registration.
fn assumptions(f: &MonitoringFigures, h: &Household<'_>) -> Assumptions {
    let mut a = Assumptions::default();
    a.add(rules::MONITORING_PER_CAPITA_NET_INCOME);
    a.add_if(
        f.track == Some(Track::CaseByCase),
        rules::MONITORING_CASE_BY_CASE,
    );
    a.add_if(f.urban && f.in_scope, rules::MONITORING_URBAN_REGISTERED);
    a.add_if(f.category_by_order, rules::MONITORING_CATEGORY_ORDER);
    // A house appraised C or D counts as unsafe although registered safe.
    a.add_if(
        h.guarantees.housing
            && matches!(
                h.housing_appraisal,
                Some(crate::input::model::Appraisal::C | crate::input::model::Appraisal::D)
            ),
        rules::HOUSING_APPRAISAL_GRADES,
    );
    a.add_if(
        f.track.is_some() && h.members.iter().any(|m| m.labor_capacity_assumed),
        rules::MEMBER_DISABILITY_TYPE,
    );
    a.add_if(
        f.track.is_some() && h.members.iter().any(|m| m.capacity_recorded_none()),
        rules::MEMBER_LABOR_CAPACITY_RECORDED,
    );
    if let Some(s) = &f.sudden {
        a.add(rules::MONITORING_RIGID_SPENDING);
        a.add_if(s.fall.is_some(), rules::MONITORING_INCOME_FALL);
        a.add(rules::MONITORING_BASIC_LIVING);
    }
    a
}

/// The sudden-hardship test, when the household records an event, rigid spending or last year's
/// income (二(二): 因病因灾因意外事故“等”: an event is not required), its risks added to `risks`.
fn sudden_risks(
    h: &Household<'_>,
    total: Money,
    line: Money,
    r: &mut Reader<'_>,
    risks: &mut Vec<&'static str>,
) -> Result<Option<Sudden>> {
    let tested = !h.events.is_empty()
        || h.rigid_spending > Money::ZERO
        || h.last_year_income.is_some_and(|l| !l.is_zero());
    if !tested {
        return Ok(None);
    }
    risks.extend(h.events.iter().map(|e| e.id()));
    let s = sudden(h, total, line, r)?;
    if s.large_spending {
        risks.push("largeRigidSpending");
    }
    if s.sharp_fall() {
        risks.push("sharpIncomeFall");
    }
    Ok(Some(s))
}

/// The figures, from the household alone.
pub(crate) fn assess(h: &Household<'_>, r: &mut Reader<'_>) -> Result<MonitoringFigures> {
    let line = r.money(&p::MONITORING_INCOME_LINE)?;
    let total = h.total_income()?;
    let per_capita = h.per_capita_income()?;
    let below = per_capita < line;
    let unsecured = h.unsecured();
    let mut risks: Vec<&'static str> = Vec::new();
    if below {
        risks.push("incomeBelowLine");
    }
    risks.extend(unsecured.iter().map(|(id, _)| *id));
    let sudden = sudden_risks(h, total, line, r, &mut risks)?;
    let is_sudden = sudden.as_ref().is_some_and(Sudden::applies);
    let already = h.status.monitored();
    // 防止返贫监测 is of rural households (农户); urban low-income people are monitored by 民政
    // (四(九)). An urban household registered as 脱贫 or monitored keeps its registration.
    let covered = h.area == Area::Rural || h.status != HouseholdStatus::General;
    let in_scope = covered && (below || !unsecured.is_empty() || is_sudden || already);
    // A monitored household keeps the category it is registered under; others get the one found.
    let category = match h.status {
        _ if !covered => None,
        _ if already && h.monitoring_category.is_some() => h.monitoring_category,
        HouseholdStatus::Alleviated if below || !unsecured.is_empty() => Some(Category::Unstable),
        HouseholdStatus::General if below || !unsecured.is_empty() => Some(Category::Marginal),
        _ if is_sudden => Some(Category::SuddenHardship),
        _ => None,
    };
    let found = !(already && h.monitoring_category.is_some());
    let category_by_order =
        found && is_sudden && matches!(category, Some(Category::Unstable | Category::Marginal));
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
    let risk_elimination = if already {
        Some(risk_elimination(h, r, below, is_sudden)?)
    } else {
        None
    };
    Ok(MonitoringFigures {
        urban: h.area == Area::Urban,
        in_scope,
        category,
        per_capita_net_income: per_capita.round_fen(),
        income_line: line.round_fen(),
        line_said: String::new(),
        risks,
        track,
        risk_elimination,
        income: total,
        below,
        sudden,
        category_by_order,
        registered: match h.status {
            _ if already && h.monitoring_category.is_some() => Registered::WithCategory,
            _ if already => Registered::Monitored,
            HouseholdStatus::General if h.area == Area::Urban => Registered::UrbanGeneral,
            _ => Registered::Other,
        },
    })
}

/// Whether a monitored household's risk can be marked eliminated: income above the line for the
/// set months, every guarantee secured, no sudden hardship, someone able to work.
fn risk_elimination(
    h: &Household<'_>,
    r: &mut Reader<'_>,
    below: bool,
    sudden: bool,
) -> Result<RiskElimination> {
    let stable_months = r.count(&p::MONITORING_STABLE_MONTHS)?;
    let short_of_months = !below && h.stable_income_months < stable_months;
    let has_labor = h.members.iter().any(|m| m.labor_capacity != Capacity::None);
    let eligible = !below && !short_of_months && h.unsecured().is_empty() && !sudden && has_labor;
    Ok(RiskElimination {
        eligible,
        reasons: Vec::new(),
        stable_months,
        why: elimination_why(eligible, below, short_of_months, h, sudden),
    })
}

/// The per-capita net income as the words say it: to the fen, or, below the line, exact enough to
/// show it below (5999.995, not 6000.00).
fn per_capita_said(f: &MonitoringFigures, h: &Household<'_>) -> String {
    let per_capita = f.per_capita_net_income;
    if !f.below {
        return per_capita.to_string();
    }
    f.income.checked_div(h.size()).map_or_else(
        |_| per_capita.to_string(),
        |exact| exact.said_below(f.income_line),
    )
}

fn explain_check(f: &mut MonitoringFigures, h: &Household<'_>, e: &mut Explanation) {
    let (total, n, per_capita, line) = (
        f.income,
        h.members.len(),
        f.per_capita_net_income,
        f.income_line,
    );
    let said = per_capita_said(f, h);
    let wages = Money::sum(h.members.iter().map(|m| m.wages)).unwrap_or_default();
    let i = h.income;
    e.step(
        rules::MONITORING_PER_CAPITA_NET_INCOME,
        format!(
            "家庭全部年收入 {total} 元（经营 {} + 财产 {} + 转移 {} + 其他 {}{} + 工资 {wages}）÷ 家庭成员 {n} 人 = 人均纯收入 {said} 元/人·年。",
            i.business,
            i.property,
            i.transfer,
            i.other,
            if i.exempt.is_zero() { String::new() } else { format!(" + 不计入低保的收入 {}", i.exempt) }
        ),
        Some(per_capita.to_fen_string()),
    );
    e.step(
        rules::MONITORING_INCOME_LINE,
        format!(
            "监测收入标准 {line} 元/人·年（{}）：人均纯收入 {said} 元/人·年{}标准。",
            f.line_said,
            if f.below { "低于" } else { "不低于" }
        ),
        Some(line.to_fen_string()),
    );
    let unsecured = h.unsecured();
    if !unsecured.is_empty() {
        let names: Vec<&str> = unsecured.iter().map(|(_, n)| *n).collect();
        e.step(
            rules::MONITORING_GUARANTEES,
            format!(
                "“两不愁三保障”及饮水安全有未达到的：“{}”。",
                names.join("”“")
            ),
            Some(names.len().to_string()),
        );
    }
    if let Some(s) = &f.sudden {
        explain_sudden(s, h, total, line, e);
    }
    explain_verdict(f, h, e);
    facts(f, e);
    if let Some(re) = &mut f.risk_elimination {
        re.reasons = elimination_words(re, f.below, &said, line, h, f.sudden.as_ref());
        e.step(
            rules::MONITORING_RISK_ELIMINATION,
            format!("风险消除：{}", re.reasons.join("；")),
            Some(
                if re.eligible {
                    "可消除"
                } else {
                    "暂不可"
                }
                .into(),
            ),
        );
    }
}

/// The figures of the card.
fn facts(f: &MonitoringFigures, e: &mut Explanation) {
    e.fact_text("类别", f.category.map_or("—", Category::label));
    e.fact(
        "人均纯收入",
        f.per_capita_net_income,
        "元/人·年",
        "perCapitaNetIncome",
    );
    e.fact("监测标准", f.income_line, "元/人·年", "incomeLine");
    let risks: Vec<&str> = f.risks.iter().map(|r| risk_label(r)).collect();
    e.fact_text(
        "风险",
        if risks.is_empty() {
            "无".to_string()
        } else {
            risks.join("、")
        },
    );
    e.fact_text("帮扶方式", f.track.map_or("—", Track::label));
}

fn explain_sudden(s: &Sudden, h: &Household<'_>, total: Money, line: Money, e: &mut Explanation) {
    let events: Vec<&str> = h.events.iter().map(|e| e.label()).collect();
    let cause = if events.is_empty() {
        String::new()
    } else {
        format!("{}：", events.join("、"))
    };
    e.step(
        rules::MONITORING_RIGID_SPENDING,
        format!(
            "{cause}刚性支出 {} 元，{}家庭年收入的 {}（{} 元）：{}。",
            h.rigid_spending,
            if s.large_spending {
                "达到"
            } else {
                "未达到"
            },
            s.spending_share.percent(),
            s.spending_threshold,
            if s.large_spending {
                "刚性支出较大"
            } else {
                "刚性支出不算较大"
            }
        ),
        Some(h.rigid_spending.to_fen_string()),
    );
    if let Some((last, share, fallen_to, fell)) = s.fall {
        e.step(
            rules::MONITORING_INCOME_FALL,
            format!(
                "上年收入 {last} 元，今年 {total} 元；下降 {} 以上（不高于 {fallen_to} 元）即为收入大幅缩减：{}。",
                share.percent(),
                if fell { "是" } else { "否" }
            ),
            None,
        );
    }
    e.step(
        rules::MONITORING_BASIC_LIVING,
        format!(
            "扣除刚性支出后人均 {} 元/人·年{}；基本生活困难线为监测标准的 {} 倍（倍数是参数）：{line} × {} = {} 元，{}此线{}。",
            if s.severe {
                s.after_spending.said_below(s.living_line.1)
            } else {
                s.after_spending.to_string()
            },
            if s.spending_over_income {
                "（刚性支出超过收入，不足 0 按 0 计）"
            } else {
                ""
            },
            s.living_line.0,
            s.living_line.0,
            s.living_line.1,
            if s.severe { "低于" } else { "不低于" },
            living_words(s),
        ),
        Some(s.after_spending.to_fen_string()),
    );
}

/// What the basic-living test concludes: below the line alone is not severe difficulty; the rule
/// also needs large rigid spending or a sharp fall in income.
fn living_words(s: &Sudden) -> &'static str {
    match (s.severe, s.large_spending, s.sharp_fall()) {
        (false, _, _) => "：基本生活未出现严重困难",
        (true, true, true) => "，且刚性支出较大、收入大幅缩减：基本生活出现严重困难",
        (true, true, false) => "，且刚性支出较大：基本生活出现严重困难",
        (true, false, true) => "，且收入大幅缩减：基本生活出现严重困难",
        (true, false, false) => {
            "；但刚性支出不算较大、收入也未大幅缩减，仅低于此线不认定基本生活出现严重困难"
        }
    }
}

fn explain_verdict(f: &MonitoringFigures, h: &Household<'_>, e: &mut Explanation) {
    let already = h.status.monitored();
    if let Some(c) = h.monitoring_category.filter(|_| already) {
        e.reason(format!(
            "该户{}，登记类别为{}；类别以登记为准，本次测算的风险见上。",
            if h.status == HouseholdStatus::Returned {
                "已认定为返贫致贫户，纳入防返贫监测"
            } else {
                "已纳入防返贫监测"
            },
            c.label()
        ));
    } else if f.urban && h.status == HouseholdStatus::General {
        e.step(
            rules::MONITORING_RURAL,
            "城市家庭不在防止返贫动态监测范围：监测面向农户。".into(),
            None,
        );
        // Who monitors urban low-income people is the national document's, not the text's.
        let national = rules::MONITORING_RURAL.rule().sources().last();
        e.step_citing(
            rules::MONITORING_RURAL,
            national.unwrap_or_default(),
            "城市低收入人口由民政部门开展低收入人口动态监测（国家文件，实施意见未写）。".into(),
            None,
        );
        e.reason(Reason::MonitoringUrban.text());
    } else {
        verdict_reason(f, already, e);
    }
    if f.urban && f.in_scope {
        e.step(
            rules::MONITORING_URBAN_REGISTERED,
            format!(
                "城市家庭，但已登记为{}：仍按登记纳入防止返贫动态监测。",
                h.status.label()
            ),
            None,
        );
    }
    explain_scope(f, e);
}

fn verdict_reason(f: &MonitoringFigures, already: bool, e: &mut Explanation) {
    if let Some(c) = f.category.filter(|_| f.category_by_order) {
        e.step(
            rules::MONITORING_CATEGORY_ORDER,
            format!(
                "同时符合{}和突发严重困难户的条件：一户只定一个类别，定为{}。",
                c.label(),
                c.label()
            ),
            Some(c.label().into()),
        );
    }
    e.reason(match f.category {
        Some(Category::Unstable) => Reason::MonitoringUnstable.text(),
        Some(Category::Marginal) => Reason::MonitoringMarginal.text(),
        Some(Category::SuddenHardship) => Reason::MonitoringSuddenHardship.text(),
        None if already && !f.risks.is_empty() => Reason::MonitoringRisksFound.text(),
        None if already => Reason::MonitoringNoNewRisk.text(),
        None => Reason::MonitoringNotInScope.text(),
    });
}

fn explain_scope(f: &MonitoringFigures, e: &mut Explanation) {
    e.step(
        rules::MONITORING_SCOPE,
        if f.in_scope {
            "纳入防返贫动态监测。"
        } else {
            "不纳入监测。"
        }
        .to_string(),
        Some(if f.in_scope { "纳入" } else { "不纳入" }.into()),
    );
    if let Some(t) = f.track {
        let text = match t {
            Track::CaseByCase => Reason::MonitoringCaseByCase.text(),
            Track::Development => Reason::MonitoringDevelopment.text(),
            Track::SafetyNet => Reason::MonitoringSafetyNet.text(),
        };
        if t == Track::CaseByCase {
            e.step(rules::MONITORING_CASE_BY_CASE, text.into(), None);
        } else {
            e.step(rules::MONITORING_TRACK, text.into(), None);
        }
        e.reason(text);
    }
}

fn elimination_words(
    re: &RiskElimination,
    below: bool,
    per_capita: &str,
    line: Money,
    h: &Household<'_>,
    sudden: Option<&Sudden>,
) -> Vec<String> {
    let stable_months = re.stable_months;
    let mut reasons = Vec::new();
    if below {
        reasons.push(format!(
            "人均纯收入 {per_capita} 元仍低于监测标准 {line} 元"
        ));
    } else if h.stable_income_months < stable_months {
        reasons.push(format!(
            "收入稳定超过监测标准 {} 个月，未满 {stable_months} 个月",
            h.stable_income_months
        ));
    }
    if !h.unsecured().is_empty() {
        reasons.push("“两不愁三保障”及饮水安全尚未全部保障".into());
    }
    if sudden.is_some_and(Sudden::applies) {
        reasons.push("仍有突发严重困难".into());
    }
    if h.members.iter().all(|m| m.labor_capacity == Capacity::None) {
        reasons.push("家庭无劳动能力：落实兜底保障后不标注风险消除，持续跟踪".into());
    }
    if re.eligible {
        reasons.push(format!("收入持续稳定超过监测标准已满 {stable_months} 个月，“两不愁三保障”及饮水安全有保障：可按程序（入户核实、村级评议、公示、县级审定）标注风险消除。"));
    }
    reasons
}
