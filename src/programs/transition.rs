//! 过渡期 (transition period) status and the measures in force on a date.
//!
//! Policy text: 一(二) a 5-year transition period after the 2020 campaign; 一(三) "到2025年";
//! 二(一) 四个不摘 during the period; 二(二) dynamic monitoring; 三(七) 村村通快递 by the end of 2022;
//! 六(十六) the fund-integration pilot for 脱贫县 in the first 3 years; 六(十七) microcredit for
//! alleviated people; 六(十九) support for 两后生 in vocational education (雨露计划); the normalised
//! assistance of part 四 (四(九)), in force from the start of the period and continuing after it.
//!
//! Parameters read: `transition.start`, `transition.end`, `transition.fundIntegrationPilotYears`,
//! `express.villageCoverageDeadline`, `credit.microcredit.windowStart`, `credit.microcredit.windowEnd`,
//! `education.yulu.windowEnd`.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use crate::base::calendar::{add_months, age_on, day_before, days_between, format_date};
use crate::base::error::{PolicyError, Result};
use crate::params::{catalogue as p, Reader, Region, StaleList, StaleSet, UnofficialSet};
use crate::policy::explain::{Citations, Explanation, Step};
use crate::policy::rules;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Before,
    Transition,
    After,
}

crate::base::serialize_by_id!(Phase, serde_ids_phase {
    Before => "before",
    Transition => "transition",
    After => "after",
});

impl Phase {
    /// Every phase: its id (as results give it) and Chinese name (`labels().phase`).
    pub const ALL: [(&'static str, &'static str); 3] = [
        ("before", "过渡期开始前"),
        ("transition", "过渡期内"),
        ("after", "过渡期后（常态化帮扶）"),
    ];
}

/// A region as results show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegionRef {
    pub code: String,
    /// Its Chinese name (in an answer with words).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub name: Option<String>,
    pub alleviated_county: bool,
}

impl From<&Region> for RegionRef {
    fn from(r: &Region) -> Self {
        RegionRef {
            code: r.code_string(),
            name: Some(r.name.clone()),
            alleviated_county: r.alleviated_county,
        }
    }
}

/// A measure in force on the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub id: &'static str,
    /// Chinese name, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// The policy item, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
    pub from: String,
    /// Last day the measure runs; absent when it has no end date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub until: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TransitionStatus {
    pub as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region: Option<RegionRef>,
    pub phase: Phase,
    /// 1 to 5 inside the period.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub year: Option<u32>,
    pub start: String,
    pub end: String,
    /// Days of the period still to run, counting `asOf` itself (0 once it is over; before the period
    /// starts, the whole period: see `daysUntilStart`).
    pub days_remaining: i64,
    /// Before the period: days from `asOf` until it starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub days_until_start: Option<i64>,
    /// The region is a 脱贫县 and the date is in the first years of the period (六(十六)).
    pub fund_integration_pilot: bool,
    pub measures: Vec<Measure>,
    /// Sentences a member of staff can read out (explained).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reasons: Option<Vec<String>>,
    /// The trace (explained).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub steps: Option<Vec<Step>>,
    /// Policy items applied (explained).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citations: Option<Vec<&'static str>>,
    /// Names of parameters used whose status is not 'official'.
    #[tsify(type = "string[]")]
    pub unofficial: UnofficialSet,
    /// Figures used that are older than their update cycle on the date.
    #[serde(skip)]
    pub stale: StaleSet,
    /// Figures used that are older than their update cycle on the date (`text` when explained).
    #[serde(rename = "stale")]
    #[tsify(type = "StaleEntry[]")]
    stale_listed: StaleList,
}

/// A measure's window: from, and the last day (None: open-ended).
struct Window {
    id: &'static str,
    label: &'static str,
    citation: &'static str,
    from: NaiveDate,
    until: Option<NaiveDate>,
}

impl Window {
    fn in_force(&self, on: NaiveDate) -> bool {
        self.from <= on && self.until.is_none_or(|u| on <= u)
    }
}

/// The figures of the status, before words.
struct Figures<'a> {
    on: NaiveDate,
    region: Option<&'a Region>,
    start: NaiveDate,
    end: NaiveDate,
    total_years: u32,
    phase: Phase,
    year: Option<u32>,
    days_remaining: i64,
    pilot_years: u32,
    pilot_until: NaiveDate,
    in_pilot_years: bool,
    fund_integration_pilot: bool,
    measures: Vec<Measure>,
    /// The words of each measure in force, in the order of `measures`.
    words: Vec<(&'static str, &'static str)>,
}

/// 过渡期 status on the reader's date, for its region.
pub fn transition(reader: &mut Reader<'_>, explain: bool) -> Result<TransitionStatus> {
    let mut f = compute(reader)?;
    let words = explain.then(|| {
        let mut words = Explanation::default();
        explain_status(&mut f, &mut words);
        (words, citations(&f))
    });
    let mut region = f.region.map(RegionRef::from);
    if !explain {
        region.iter_mut().for_each(|r| r.name = None);
    }
    let stale = reader.stale();
    let (reasons, steps, citations) = match words {
        Some((w, c)) => (Some(w.reasons), Some(w.steps), Some(c)),
        None => (None, None, None),
    };
    Ok(TransitionStatus {
        as_of: format_date(f.on),
        region,
        phase: f.phase,
        year: f.year,
        start: format_date(f.start),
        end: format_date(f.end),
        days_remaining: f.days_remaining,
        days_until_start: (f.phase == Phase::Before).then(|| days_between(f.on, f.start)),
        fund_integration_pilot: f.fund_integration_pilot,
        measures: f.measures,
        reasons,
        steps,
        citations,
        unofficial: reader.unofficial(),
        stale,
        stale_listed: StaleList {
            set: stale,
            words: explain,
        },
    })
}

/// The policy items a status applies, in order of first use: the period, its phase and the days
/// left or to come are 一(二)'s (the 5-year period), whatever the date; the pilot 六(十六)'s; each
/// measure its own.
fn citations(f: &Figures<'_>) -> Vec<&'static str> {
    let mut citations = Citations::of(&["一(二)", "六(十六)"]);
    for m in &f.measures {
        citations.add(m.citation.unwrap_or_default());
    }
    citations.into_vec()
}

fn compute<'a>(reader: &mut Reader<'a>) -> Result<Figures<'a>> {
    let on = reader.on();
    let region = reader.region();
    let start = reader.date(&p::TRANSITION_START)?;
    let end = reader.date(&p::TRANSITION_END)?;
    if end < start {
        return Err(PolicyError::new(
            crate::base::error::ErrorCode::InvalidParameters,
            p::TRANSITION_END.name,
            "过渡期结束日早于起始日",
        ));
    }
    let after_end = end
        .succ_opt()
        .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"))?;
    let (pilot_years, pilot_until) = pilot_end(reader, start)?;
    let (phase, year) = if on < start {
        (Phase::Before, None)
    } else if on <= end {
        (Phase::Transition, Some(age_on(start, on).saturating_add(1)))
    } else {
        (Phase::After, None)
    };
    let days_remaining = match phase {
        Phase::Before => days_between(start, end).saturating_add(1),
        Phase::Transition => days_between(on, end).saturating_add(1),
        Phase::After => 0,
    };
    // 六(十六): 过渡期前3年脱贫县继续实行涉农资金统筹整合试点政策.
    let in_pilot_years = start <= on && on <= pilot_until;
    let fund_integration_pilot = in_pilot_years && region.is_some_and(|r| r.alleviated_county);
    let windows = windows(reader, start, end, pilot_until, fund_integration_pilot)?;
    let in_force: Vec<&Window> = windows.iter().filter(|w| w.in_force(on)).collect();
    let measures = in_force
        .iter()
        .map(|w| Measure {
            id: w.id,
            label: None,
            citation: None,
            from: format_date(w.from),
            until: w.until.map(format_date),
        })
        .collect();
    let words = in_force.iter().map(|w| (w.label, w.citation)).collect();
    Ok(Figures {
        on,
        region,
        start,
        end,
        total_years: age_on(start, after_end),
        phase,
        year,
        days_remaining,
        pilot_years,
        pilot_until,
        in_pilot_years,
        fund_integration_pilot,
        measures,
        words,
    })
}

/// The fund-integration pilot's length in years and its last day, for a period starting on `start`
/// (六(十六): 过渡期前3年). The county profile and the asset ledger read the pilot from here.
pub fn pilot_end(reader: &mut Reader<'_>, start: NaiveDate) -> Result<(u32, NaiveDate)> {
    let years = reader.count(&p::FUND_INTEGRATION_PILOT_YEARS)?;
    Ok((
        years,
        day_before(add_months(start, years.saturating_mul(12))?)?,
    ))
}

/// Every measure the calculator follows: its id, Chinese name and the policy item it applies
/// (`labels().measure`).
pub const MEASURES: [(&str, &str, &str); 7] = [
    (
        "fourNots",
        "“四个不摘”：摘帽不摘责任、不摘政策、不摘帮扶、不摘监管",
        "二(一)",
    ),
    ("monitoring", "防止返贫动态监测和帮扶", "二(二)"),
    (
        "fundIntegrationPilot",
        "脱贫县涉农资金统筹整合试点",
        "六(十六)",
    ),
    ("villageExpress", "有条件的建制村实现“村村通快递”", "三(七)"),
    ("microcredit", "脱贫人口小额信贷", "六(十七)"),
    (
        "yulu",
        "雨露计划：支持脱贫户“两后生”接受职业教育",
        "六(十九)",
    ),
    // Part 四 sets up the normalised assistance of the rural low-income population: in force from
    // the start of the period, and what continues after it.
    (
        "normalisedAssistance",
        "常态化帮扶：农村低收入人口常态化监测和分层分类帮扶（过渡期内实施，过渡期后继续）",
        "四(九)",
    ),
];

/// Every measure the calculator follows, with its window.
fn windows(
    reader: &mut Reader<'_>,
    start: NaiveDate,
    end: NaiveDate,
    pilot_until: NaiveDate,
    pilot: bool,
) -> Result<Vec<Window>> {
    let [four_nots, monitoring, fund_pilot, express, microcredit, yulu, normalised] = MEASURES;
    let window = |(id, label, citation), from, until| Window {
        id,
        label,
        citation,
        from,
        until,
    };
    let mut windows = vec![
        window(four_nots, start, Some(end)),
        window(monitoring, start, None),
        window(
            express,
            start,
            Some(reader.date(&p::VILLAGE_EXPRESS_DEADLINE)?),
        ),
        window(
            microcredit,
            reader.date(&p::MICROCREDIT_WINDOW_START)?,
            Some(reader.date(&p::MICROCREDIT_WINDOW_END)?),
        ),
        window(yulu, start, Some(reader.date(&p::YULU_WINDOW_END)?)),
        window(normalised, start, None),
    ];
    if pilot {
        windows.insert(2, window(fund_pilot, start, Some(pilot_until)));
    }
    Ok(windows)
}

fn explain_status(f: &mut Figures<'_>, e: &mut Explanation) {
    for (m, (label, citation)) in f.measures.iter_mut().zip(&f.words) {
        m.label = Some(label);
        m.citation = Some(citation);
    }
    let (s, end, d) = (format_date(f.start), format_date(f.end), format_date(f.on));
    let total_years = f.total_years;
    e.step(
        rules::TRANSITION_PERIOD,
        format!("2020年脱贫攻坚目标任务完成后设立{total_years}年过渡期：{s} 至 {end}。"),
        Some(format!("{s}—{end}")),
    );
    let days = f.days_remaining;
    match (f.phase, f.year) {
        (Phase::Transition, Some(y)) => {
            e.step(
                rules::TRANSITION_PHASE,
                format!("{d} 在过渡期内，为过渡期第{y}年。"),
                Some(format!("第{y}年")),
            );
            e.step(
                rules::TRANSITION_DAYS_REMAINING,
                format!("至 {end} 过渡期结束，还有 {days} 天（含当天）。"),
                Some(days.to_string()),
            );
            e.reason(format!(
                "{d} 处于{total_years}年过渡期的第{y}年，剩余 {days} 天。"
            ));
        }
        (Phase::Before, _) => {
            let until_start = days_between(f.on, f.start);
            e.step(
                rules::TRANSITION_PHASE,
                format!("{d} 早于过渡期起始日 {s}，尚未进入过渡期。"),
                Some("未开始".into()),
            );
            e.step(
                rules::TRANSITION_DAYS_REMAINING,
                format!("距过渡期开始还有 {until_start} 天；过渡期共 {days} 天（{s} 至 {end}）。"),
                Some(until_start.to_string()),
            );
            e.reason(format!(
                "{d} 尚未进入过渡期（{s} 开始，还有 {until_start} 天）。"
            ));
        }
        _ => {
            e.step(
                rules::TRANSITION_PHASE,
                format!("过渡期已于 {end} 结束，{d} 处于过渡期后的常态化帮扶阶段。"),
                Some("已结束".into()),
            );
            e.step(
                rules::TRANSITION_AFTER_PERIOD,
                format!("常态化帮扶，“大稳定、小调整”；所依据的文件只规定到 {end}，延续政策请核对当地现行通知。"),
                None,
            );
            e.reason(format!(
                "过渡期已于 {end} 结束，现行常态化帮扶（“大稳定、小调整”），延续政策请核对当地现行通知。"
            ));
        }
    }
    explain_pilot(f, e);
    let names: Vec<&str> = f.words.iter().map(|(label, _)| *label).collect();
    e.step(
        rules::TRANSITION_MEASURES,
        if names.is_empty() {
            format!("{d} 没有在本计算器所列范围内生效的措施。")
        } else {
            format!("{d} 生效的措施：{}。", names.join("；"))
        },
        Some(f.measures.len().to_string()),
    );
}

fn explain_pilot(f: &Figures<'_>, e: &mut Explanation) {
    let (s, d) = (format_date(f.start), format_date(f.on));
    let (until, years) = (format_date(f.pilot_until), f.pilot_years);
    match f.region {
        Some(r) if r.alleviated_county && f.in_pilot_years => e.reason(format!(
            "{}是脱贫县，涉农资金统筹整合试点政策适用（至 {until}）。",
            r.name
        )),
        Some(r) if r.alleviated_county && f.on < f.start => e.reason(format!(
            "{}是脱贫县，涉农资金统筹整合试点尚未开始（{s} 至 {until}）。",
            r.name
        )),
        Some(r) if r.alleviated_county => e.reason(format!(
            "{}是脱贫县，但涉农资金统筹整合试点已于 {until} 结束。",
            r.name
        )),
        _ => {}
    }
    let text = match f.region {
        Some(r) if r.alleviated_county && f.in_pilot_years => {
            format!("{}是脱贫县；过渡期前{years}年（至 {until}）脱贫县继续实行涉农资金统筹整合试点，{d} 在此期间：适用。", r.name)
        }
        Some(r) if r.alleviated_county => {
            format!(
                "{}是脱贫县；试点只在过渡期前{years}年（{s} 至 {until}），{d} 不在此期间（{}）：不适用。",
                r.name,
                if f.on < f.start { "尚未开始" } else { "已结束" }
            )
        }
        Some(r) => format!(
            "{}不是脱贫县，涉农资金统筹整合试点不适用（其他地区探索建立涉农资金整合长效机制）。",
            r.name
        ),
        None => {
            "未指定地区：涉农资金统筹整合试点只适用于脱贫县，请选择县（市、区）查看。".to_string()
        }
    };
    e.step(
        rules::TRANSITION_FUND_INTEGRATION_PILOT,
        text,
        Some(
            if f.fund_integration_pilot {
                "适用"
            } else {
                "不适用"
            }
            .into(),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::base::error::ErrorCode;
    use crate::engine::Engine;
    use serde_json::json;

    fn engine() -> Engine {
        Engine::new().unwrap()
    }

    #[test]
    fn yanshou_2023_is_year_three_with_the_pilot() {
        let t = engine().transition("2023-06-01", Some("230129")).unwrap();
        // 2021-01-01 → 2023-06-01: two whole years completed, so year 3.
        assert_eq!(t.year, Some(3));
        assert!(t.fund_integration_pilot);
        // Days 2023-06-01..=2025-12-31: 366 (to 2024-06-01, leap day) + 365 (to 2025-06-01)
        // + 213 (June 29 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31) + 1 (asOf itself) = 945.
        assert_eq!(t.days_remaining, 945);
        let ids: Vec<&str> = t.measures.iter().map(|m| m.id).collect();
        // 村村通快递 ended 2022-12-31; microcredit (from 2021-03-04) and 雨露计划 run to 2025-12-31.
        // Part 四's normalised assistance is in force during the period too.
        assert_eq!(
            ids,
            [
                "fourNots",
                "monitoring",
                "fundIntegrationPilot",
                "microcredit",
                "yulu",
                "normalisedAssistance"
            ]
        );
        assert!(t.citations.unwrap_or_default().contains(&"六(十六)"));
        // transition.* and express.* are official; the microcredit and 雨露计划 windows are reported.
        assert_eq!(
            t.unofficial.names(),
            [
                "credit.microcredit.windowEnd",
                "credit.microcredit.windowStart",
                "education.yulu.windowEnd"
            ]
        );
    }

    #[test]
    fn pilot_ends_after_three_years() {
        let e = engine();
        // Pilot: 2021-01-01 + 36 months − 1 day = 2023-12-31.
        assert!(
            e.transition("2023-12-31", Some("230129"))
                .unwrap()
                .fund_integration_pilot
        );
        let t = e.transition("2024-01-01", Some("230129")).unwrap();
        assert_eq!(t.year, Some(4));
        assert!(!t.fund_integration_pilot);
        assert!(t.measures.iter().all(|m| m.id != "fundIntegrationPilot"));
    }

    #[test]
    fn pilot_needs_an_alleviated_county() {
        // 230102 道里区 is not a 脱贫县.
        let t = engine().transition("2022-03-01", Some("230102")).unwrap();
        assert!(!t.fund_integration_pilot);
        assert!(engine()
            .transition("2022-03-01", None)
            .unwrap()
            .measures
            .iter()
            .all(|m| m.id != "fundIntegrationPilot"));
    }

    #[test]
    fn phases_at_the_edges() {
        let e = engine();
        let first = e.transition("2021-01-01", None).unwrap();
        // 2021-01-01..=2025-12-31 = 365 × 5 + 1 leap day (2024) = 1826 days.
        assert_eq!(
            (first.phase, first.year, first.days_remaining),
            (super::Phase::Transition, Some(1), 1826)
        );
        // The microcredit window opens 2021-03-04: not yet in force on day one.
        assert!(first.measures.iter().all(|m| m.id != "microcredit"));
        let last = e.transition("2025-12-31", None).unwrap();
        assert_eq!((last.year, last.days_remaining), (Some(5), 1));
        let after = e.transition("2026-01-01", None).unwrap();
        assert_eq!(
            (after.phase, after.year, after.days_remaining),
            (super::Phase::After, None, 0)
        );
        let ids: Vec<&str> = after.measures.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["monitoring", "normalisedAssistance"]);
        let before = e.transition("2020-12-20", None).unwrap();
        assert_eq!(
            (before.phase, before.days_remaining),
            (super::Phase::Before, 1826)
        );
        assert!(before.measures.is_empty());
    }

    #[test]
    fn village_express_runs_to_end_2022() {
        let e = engine();
        assert!(e
            .transition("2022-12-31", None)
            .unwrap()
            .measures
            .iter()
            .any(|m| m.id == "villageExpress"));
        assert!(e
            .transition("2023-01-01", None)
            .unwrap()
            .measures
            .iter()
            .all(|m| m.id != "villageExpress"));
    }

    #[test]
    fn bad_inputs_have_codes_and_paths() {
        let e = engine();
        let err = e.transition("2023-02-29", None).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::InvalidDate, "asOf")
        );
        let err = e.transition("2023-06-01", Some("23012")).unwrap_err();
        assert_eq!(
            (err.code, err.path.as_str()),
            (ErrorCode::InvalidRegion, "region")
        );
        // Before the central decision of 2020-12-16 the calendar still answers: not yet started.
        let before = e.transition("2020-06-01", None).unwrap();
        assert_eq!(before.phase, super::Phase::Before);
        // The engine keeps working after errors.
        assert!(e.transition("2023-06-01", None).is_ok());
    }

    #[test]
    fn a_longer_pilot_in_a_what_if() {
        let overrides = json!({ "transition.fundIntegrationPilotYears": 4 }).to_string();
        let e = engine()
            .with_overrides(&crate::input::parse(&overrides, "overrides").unwrap())
            .unwrap();
        let t = e.transition("2024-06-01", Some("230129")).unwrap();
        assert!(t.fund_integration_pilot);
        assert!(t
            .unofficial
            .contains("transition.fundIntegrationPilotYears"));
    }
}
