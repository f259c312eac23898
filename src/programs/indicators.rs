//! 县级指标 (`countyIndicators(input, asOf)`): the figures a county is assessed on, each with its
//! citation and how it was computed.
//!
//! Policy text: 一(三) 到2025年 脱贫地区农民收入增速高于全省农民平均水平; 二(二) monitored households by
//! category, 确保动态清零 (the share whose risk has been eliminated); 四(十三) 应保尽保、应兜尽兜 (the
//! gaps a screened register finds); 四(十) cash support; 五(十四) regular monitoring of 乡村振兴重点
//! 帮扶县; 七(二十三) these results enter the assessment of city and county leaders.
//!
//! Parameters read: `transition.start`, `transition.end` (the years the 一(三) target covers).
//! Shares and growth rates are shown to four places (`Rate::ratio`); every comparison is exact.

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::county::Trace;
use super::transition::RegionRef;
use crate::base::calendar::format_date;
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::{decimal_mul, Money, Rate};
use crate::input::county::{CountyIndicatorInput, RegisterSummaryInput, TwoYears};
use crate::input::household::Category;
use crate::params::{catalogue as p, KeyCounty, Level, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

/// 一(三): the county's growth of farmers' income against the province's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IncomeGrowth {
    #[tsify(type = "string")]
    pub this_year: Money,
    #[tsify(type = "string")]
    pub last_year: Money,
    /// this year ÷ last year − 1, four places.
    #[tsify(type = "string")]
    pub growth: Rate,
    /// The province's growth, as given or computed from its incomes (four places).
    #[tsify(type = "string")]
    pub province_growth: Rate,
    /// The county's growth is higher than the province's (exact comparison).
    pub higher: bool,
    /// The target applies: the county is a 脱贫县 and the year is one of the period's.
    pub applies: bool,
    /// The target is met (when it applies).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub met: Option<bool>,
}

/// Monitored households of a category (or all of them).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonitoredRow {
    /// `unstable`, `marginal`, `suddenHardship`, or `all` for the total.
    pub category: &'static str,
    pub label: &'static str,
    pub households: u32,
    pub risk_eliminated: u32,
    /// Risk eliminated ÷ households, four places (absent with no households).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub share: Option<Rate>,
}

/// One indicator, as a table lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub id: &'static str,
    pub label: &'static str,
    pub citation: &'static str,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit: Option<&'static str>,
    /// Met or not, for an indicator with a target.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub met: Option<bool>,
    /// How it was computed, in Chinese, with the figures.
    pub how: String,
}

/// `countyIndicators(input, asOf)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountyIndicators {
    pub as_of: String,
    pub region: RegionRef,
    pub year: u32,
    pub key_county: KeyCounty,
    pub income_growth: IncomeGrowth,
    /// By category, then the total (empty without a register summary).
    pub monitored: Vec<MonitoredRow>,
    pub indicators: Vec<Indicator>,
    /// The words and what the figures rest on.
    #[serde(flatten)]
    pub trace: Trace,
}

/// this ÷ last − 1, shown to four places.
fn growth_of(t: &TwoYears) -> Result<Rate> {
    let diff = t.this_year.checked_sub(t.last_year)?;
    Rate::ratio(diff.decimal(), t.last_year.decimal())
}

/// (this − last) ÷ last > g, exactly: (this − last) > g × last (last > 0).
fn grows_faster(t: &TwoYears, province: &Province) -> Result<bool> {
    let diff = t.this_year.checked_sub(t.last_year)?.decimal();
    let over = |d: Option<Decimal>| d.ok_or_else(PolicyError::overflow);
    match province {
        Province::Growth(g) => Ok(diff > over(decimal_mul(*g, t.last_year.decimal()))?),
        Province::Income(pi) => {
            let pdiff = pi.this_year.checked_sub(pi.last_year)?.decimal();
            let left = over(decimal_mul(diff, pi.last_year.decimal()))?;
            let right = over(decimal_mul(pdiff, t.last_year.decimal()))?;
            Ok(left > right)
        }
    }
}

enum Province {
    Growth(Decimal),
    Income(TwoYears),
}

/// The indicators of `input` for the county of `reader`.
pub fn indicators(
    input: &CountyIndicatorInput,
    reader: &mut Reader<'_>,
    explain: bool,
) -> Result<CountyIndicators> {
    let Some(region) = reader.region().filter(|r| r.level() == Level::County) else {
        return Err(PolicyError::new(
            ErrorCode::InvalidRegion,
            "region",
            "县级指标按县（市、区）计算：请填写县级单位的6位代码，如 230129 延寿县",
        ));
    };
    let as_of_year = u32::try_from(reader.on().year()).unwrap_or(0);
    if input.year > as_of_year {
        return Err(PolicyError::out_of_range(
            "year",
            format!("收入年度 {} 晚于测算日期所在年度 {as_of_year}", input.year),
        ));
    }
    let start = u32::try_from(reader.date(&p::TRANSITION_START)?.year()).unwrap_or(0);
    let end = u32::try_from(reader.date(&p::TRANSITION_END)?.year()).unwrap_or(0);
    let (growth, province) = income_growth(input, region.alleviated_county, (start, end))?;
    let monitored = match &input.register {
        Some(r) => monitored_rows(r)?,
        None => Vec::new(),
    };
    let mut citations = Citations::of(&["一(三)"]);
    let mut assumptions = Assumptions::default();
    assumptions.add(rules::COUNTY_ALLEVIATED_AREA);
    let mut list = vec![income_indicator(
        &growth,
        &province,
        region.alleviated_county,
        (start, end),
    )];
    if let Some(r) = &input.register {
        register_indicators(r, &monitored, &mut list);
    }
    list.push(key_county_indicator(
        region.key_county,
        region.alleviated_county,
    ));
    for i in &list {
        citations.add(i.citation);
    }
    assumptions.add_if(
        list.iter().any(|i| i.id == "cashSupport"),
        rules::INDICATORS_CASH,
    );
    citations.add("七(二十三)");
    let mut words = Explanation::default();
    if explain {
        explain_indicators(&region.name, &list, &growth, &mut words);
    }
    Ok(CountyIndicators {
        as_of: format_date(reader.on()),
        region: RegionRef::from(region),
        year: input.year,
        key_county: region.key_county,
        income_growth: growth,
        monitored,
        indicators: list,
        trace: Trace::new(words, citations, assumptions, reader),
    })
}

/// 一(三): the county's growth against the province's; the target applies to a 脱贫县 in the years of
/// the period.
fn income_growth(
    input: &CountyIndicatorInput,
    alleviated: bool,
    (start, end): (u32, u32),
) -> Result<(IncomeGrowth, Province)> {
    let province = match (input.province_growth, input.province_income) {
        (Some(g), _) => Province::Growth(g),
        (None, Some(pi)) => Province::Income(pi),
        (None, None) => {
            return Err(PolicyError::invalid_input(
                "provinceGrowth",
                "缺少全省农民收入增速，或全省农民本年和上年人均可支配收入",
            ))
        }
    };
    let higher = grows_faster(&input.income, &province)?;
    let applies = alleviated && (start..=end).contains(&input.year);
    let growth = IncomeGrowth {
        this_year: input.income.this_year,
        last_year: input.income.last_year,
        growth: growth_of(&input.income)?,
        province_growth: match &province {
            Province::Growth(g) => Rate::from_decimal(*g),
            Province::Income(pi) => growth_of(pi)?,
        },
        higher,
        applies,
        met: applies.then_some(higher),
    };
    Ok((growth, province))
}

fn monitored_rows(r: &RegisterSummaryInput) -> Result<Vec<MonitoredRow>> {
    let share = |eliminated: u32, n: u32| -> Result<Option<Rate>> {
        if n == 0 {
            return Ok(None);
        }
        Rate::ratio(Decimal::from(eliminated), Decimal::from(n)).map(Some)
    };
    let mut rows = Vec::with_capacity(4);
    let (mut all, mut all_eliminated) = (0u32, 0u32);
    for (c, m) in Category::ALL.iter().zip(&r.monitored) {
        all = all.saturating_add(m.households);
        all_eliminated = all_eliminated.saturating_add(m.risk_eliminated);
        rows.push(MonitoredRow {
            category: c.as_str(),
            label: c.label(),
            households: m.households,
            risk_eliminated: m.risk_eliminated,
            share: share(m.risk_eliminated, m.households)?,
        });
    }
    rows.push(MonitoredRow {
        category: "all",
        label: "监测对象合计",
        households: all,
        risk_eliminated: all_eliminated,
        share: share(all_eliminated, all)?,
    });
    Ok(rows)
}

fn income_indicator(
    g: &IncomeGrowth,
    province: &Province,
    alleviated: bool,
    (start, end): (u32, u32),
) -> Indicator {
    let province_how = match province {
        Province::Growth(d) => format!(
            "全省农民平均增速 {}（给定）",
            Rate::from_decimal(*d).percent()
        ),
        Province::Income(pi) => format!(
            "全省 {} ÷ {} − 1 = {}",
            pi.this_year,
            pi.last_year,
            g.province_growth.percent()
        ),
    };
    let verdict = match (g.applies, alleviated, g.higher) {
        (true, _, true) => "高于全省，达到目标".to_string(),
        (true, _, false) => "不高于全省，未达到目标".to_string(),
        (false, true, _) => format!("目标只适用于过渡期 {start}—{end} 年"),
        (false, false, _) => "本县不是脱贫县，目标不适用（仅作比较）".to_string(),
    };
    Indicator {
        id: "incomeGrowth",
        label: "农村居民人均可支配收入增速",
        citation: "一(三)",
        value: g.growth.percent(),
        unit: None,
        met: g.met,
        how: format!(
            "本县 {} ÷ {} − 1 = {}；{province_how}；{verdict}（按精确值比较）。",
            g.this_year,
            g.last_year,
            g.growth.percent()
        ),
    }
}

fn register_indicators(r: &RegisterSummaryInput, rows: &[MonitoredRow], list: &mut Vec<Indicator>) {
    for row in rows {
        let share = row.share.map_or("—".to_string(), |s| s.percent());
        list.push(Indicator {
            id: match row.category {
                "unstable" => "monitored.unstable",
                "marginal" => "monitored.marginal",
                "suddenHardship" => "monitored.suddenHardship",
                _ => "monitored.all",
            },
            label: row.label,
            citation: "二(二)",
            value: row.households.to_string(),
            unit: Some("户"),
            met: None,
            how: format!(
                "监测 {} 户，风险已消除 {} 户，占 {share}（{} ÷ {}）。",
                row.households, row.risk_eliminated, row.risk_eliminated, row.households
            ),
        });
    }
    let gaps = r.dibao_gaps.saturating_add(r.tekun_gaps);
    list.push(Indicator {
        id: "coverageGaps",
        label: "应保尽保缺口",
        citation: "四(十三)",
        value: gaps.to_string(),
        unit: Some("处"),
        met: Some(gaps == 0),
        how: format!(
            "测算的 {} 户中，符合低保条件而未纳入 {} 户，符合特困条件而未纳入 {} 人；合计 {gaps} 处{}。",
            r.households,
            r.dibao_gaps,
            r.tekun_gaps,
            if gaps == 0 { "，应保尽保" } else { "，须核实纳入" }
        ),
    });
    if let Some(annual) = r.cash_annual {
        let monthly = r
            .cash_monthly
            .map(|m| format!("，每月 {m} 元"))
            .unwrap_or_default();
        list.push(Indicator {
            id: "cashSupport",
            label: "现金帮扶合计（年）",
            citation: "四(十)",
            value: annual.to_fen_string(),
            unit: Some("元"),
            met: None,
            how: format!(
                "花名册 {} 户测算的现金帮扶合计：每年 {annual} 元{monthly}。",
                r.households
            ),
        });
    }
}

fn key_county_indicator(key: KeyCounty, alleviated: bool) -> Indicator {
    let (value, how) = match (key, alleviated) {
        (KeyCounty::Yes, _) => ("是", "本县是乡村振兴重点帮扶县：纳入跟踪监测，定期监测评估。"),
        (KeyCounty::No, _) => ("否", "本县不是乡村振兴重点帮扶县。"),
        (KeyCounty::NotPublished, true) => (
            "未公布",
            "乡村振兴重点帮扶县名单未公布：本县是脱贫县，公布后如被确定，须纳入跟踪监测、定期评估。",
        ),
        (KeyCounty::NotPublished, false) => (
            "未公布",
            "乡村振兴重点帮扶县名单未公布；重点帮扶县在脱贫县中确定，本县不是脱贫县。",
        ),
    };
    Indicator {
        id: "keyCounty",
        label: "乡村振兴重点帮扶县",
        citation: "五(十四)",
        value: value.into(),
        unit: None,
        met: None,
        how: how.into(),
    }
}

fn explain_indicators(name: &str, list: &[Indicator], g: &IncomeGrowth, e: &mut Explanation) {
    for i in list {
        let rule = match i.id {
            "incomeGrowth" => rules::INDICATORS_INCOME_GROWTH,
            "coverageGaps" => rules::INDICATORS_COVERAGE,
            "cashSupport" => rules::INDICATORS_CASH.into(),
            "keyCounty" => rules::INDICATORS_KEY_COUNTY,
            _ => rules::INDICATORS_MONITORED,
        };
        e.step_citing(
            rule,
            i.citation,
            format!("{}：{}", i.label, i.how),
            Some(i.value.clone()),
        );
    }
    e.step(
        rules::INDICATORS_ASSESSMENT,
        "以上指标纳入市县党政领导班子和领导干部推进乡村振兴战略实绩考核。".into(),
        None,
    );
    e.reason(match g.met {
        Some(true) => format!(
            "{name}农民收入增速 {} 高于全省 {}，达到一(三)目标。",
            g.growth.percent(),
            g.province_growth.percent()
        ),
        Some(false) => format!(
            "{name}农民收入增速 {} 不高于全省 {}，未达到一(三)目标。",
            g.growth.percent(),
            g.province_growth.percent()
        ),
        None => format!(
            "{name}农民收入增速 {}，全省 {}（一(三)目标不适用）。",
            g.growth.percent(),
            g.province_growth.percent()
        ),
    });
    if let Some(gap) = list
        .iter()
        .find(|i| i.id == "coverageGaps" && i.met == Some(false))
    {
        e.reason(format!("应保尽保缺口 {} 处，须核实纳入。", gap.value));
    }
}
