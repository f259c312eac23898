//! 过渡期 (transition period) status and the measures in force on a date.
//!
//! Policy text: 一(二) a 5-year transition period after the 2020 campaign; 一(三) "到2025年";
//! 二(一) 四个不摘 during the period; 二(二) dynamic monitoring; 三(七) 村村通快递 by the end of 2022;
//! 六(十六) the fund-integration pilot for 脱贫县 in the first 3 years; 六(十七) microcredit for
//! alleviated people; 六(十九) support for 两后生 in vocational education (雨露计划); after the period,
//! the normalised assistance of part 四 (四(九)).
//!
//! Parameters read: `transition.start`, `transition.end`, `transition.fundIntegrationPilotYears`,
//! `express.villageCoverageDeadline`, `credit.microcredit.windowStart`, `credit.microcredit.windowEnd`,
//! `education.yulu.windowEnd`.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use crate::calendar::{add_months, age_on, day_before, days_between, format_date};
use crate::error::{PolicyError, Result};
use crate::explain::{Step, Trace};
use crate::params::{catalogue as p, Reader, Region, UnofficialSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Before,
    Transition,
    After,
}

/// A region as results show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegionRef {
    pub code: String,
    pub name: String,
    pub alleviated_county: bool,
}

impl From<&Region> for RegionRef {
    fn from(r: &Region) -> Self {
        RegionRef {
            code: r.code_string(),
            name: r.name.clone(),
            alleviated_county: r.alleviated_county,
        }
    }
}

/// A measure in force on the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Measure {
    pub id: &'static str,
    pub label: &'static str,
    pub citation: &'static str,
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
    /// Days of the period still to run, counting `asOf` itself (0 once it is over).
    pub days_remaining: i64,
    /// The region is a 脱贫县 and the date is in the first years of the period (六(十六)).
    pub fund_integration_pilot: bool,
    pub measures: Vec<Measure>,
    pub reasons: Vec<String>,
    pub steps: Vec<Step>,
    pub citations: Vec<&'static str>,
    /// Names of parameters used whose status is not 'official'.
    #[tsify(type = "string[]")]
    pub unofficial: UnofficialSet,
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

pub fn transition(reader: &mut Reader<'_>, explain: bool) -> Result<TransitionStatus> {
    let on = reader.on();
    let region = reader.region();
    let start = reader.date(&p::TRANSITION_START)?;
    let end = reader.date(&p::TRANSITION_END)?;
    if end < start {
        return Err(PolicyError::new(
            crate::error::ErrorCode::InvalidParameters,
            p::TRANSITION_END.name,
            "过渡期结束日早于起始日",
        ));
    }
    let after_end = end
        .succ_opt()
        .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"))?;
    let total_years = age_on(start, after_end);
    let pilot_years = reader.count(&p::FUND_INTEGRATION_PILOT_YEARS)?;
    let pilot_until = day_before(add_months(start, pilot_years.saturating_mul(12))?)?;
    let express_deadline = reader.date(&p::VILLAGE_EXPRESS_DEADLINE)?;
    let credit_from = reader.date(&p::MICROCREDIT_WINDOW_START)?;
    let credit_until = reader.date(&p::MICROCREDIT_WINDOW_END)?;
    let yulu_until = reader.date(&p::YULU_WINDOW_END)?;

    let mut trace = Trace::new(explain);
    let mut reasons = Vec::new();
    let mut reason = |text: &dyn Fn() -> String| {
        if explain {
            reasons.push(text());
        }
    };
    let (s, e, d) = (format_date(start), format_date(end), format_date(on));

    trace.step(
        "transition.period",
        Some("一(二)"),
        || format!("2020年脱贫攻坚目标任务完成后设立{total_years}年过渡期：{s} 至 {e}。"),
        || Some(format!("{s}—{e}")),
    );

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
    match (phase, year) {
        (Phase::Transition, Some(y)) => {
            trace.step(
                "transition.phase",
                Some("一(二)"),
                || format!("{d} 在过渡期内，为过渡期第{y}年。"),
                || Some(format!("第{y}年")),
            );
            trace.step(
                "transition.daysRemaining",
                Some("一(三)"),
                || format!("至 {e} 过渡期结束，还有 {days_remaining} 天（含当天）。"),
                || Some(days_remaining.to_string()),
            );
            reason(&|| {
                format!("{d} 处于{total_years}年过渡期的第{y}年，剩余 {days_remaining} 天。")
            });
        }
        (Phase::Before, _) => {
            trace.step(
                "transition.phase",
                Some("一(二)"),
                || format!("{d} 早于过渡期起始日 {s}，尚未进入过渡期。"),
                || Some("未开始".into()),
            );
            reason(&|| format!("{d} 尚未进入过渡期（{s} 开始）。"));
        }
        _ => {
            trace.step(
                "transition.phase",
                Some("四(九)"),
                || format!("过渡期已于 {e} 结束，{d} 处于过渡期后的常态化帮扶阶段。"),
                || Some("已结束".into()),
            );
            reason(&|| format!("过渡期已于 {e} 结束，现行常态化帮扶。"));
        }
    }

    // 六(十六): 过渡期前3年脱贫县继续实行涉农资金统筹整合试点政策.
    let in_pilot_years = start <= on && on <= pilot_until;
    let fund_integration_pilot = in_pilot_years && region.is_some_and(|r| r.alleviated_county);
    match region {
        Some(r) if r.alleviated_county && in_pilot_years => reason(&|| {
            format!(
                "{}是脱贫县，涉农资金统筹整合试点政策适用（至 {}）。",
                r.name,
                format_date(pilot_until)
            )
        }),
        Some(r) if r.alleviated_county => reason(&|| {
            format!(
                "{}是脱贫县，但涉农资金统筹整合试点已于 {} 结束。",
                r.name,
                format_date(pilot_until)
            )
        }),
        _ => {}
    }
    let pilot_text = || match region {
        Some(r) if r.alleviated_county && in_pilot_years => {
            format!("{}是脱贫县；过渡期前{pilot_years}年（至 {}）脱贫县继续实行涉农资金统筹整合试点，{d} 在此期间：适用。", r.name, format_date(pilot_until))
        }
        Some(r) if r.alleviated_county => {
            format!("{}是脱贫县；试点只在过渡期前{pilot_years}年（{s} 至 {}），{d} 不在此期间：不适用。", r.name, format_date(pilot_until))
        }
        Some(r) => format!(
            "{}不是脱贫县，涉农资金统筹整合试点不适用（其他地区探索建立涉农资金整合长效机制）。",
            r.name
        ),
        None => {
            "未指定地区：涉农资金统筹整合试点只适用于脱贫县，请选择县（市、区）查看。".to_string()
        }
    };
    trace.step(
        "transition.fundIntegrationPilot",
        Some("六(十六)"),
        pilot_text,
        || {
            Some(
                if fund_integration_pilot {
                    "适用"
                } else {
                    "不适用"
                }
                .into(),
            )
        },
    );

    let mut windows = vec![
        Window {
            id: "fourNots",
            label: "“四个不摘”：摘帽不摘责任、不摘政策、不摘帮扶、不摘监管",
            citation: "二(一)",
            from: start,
            until: Some(end),
        },
        Window {
            id: "monitoring",
            label: "防止返贫动态监测和帮扶",
            citation: "二(二)",
            from: start,
            until: None,
        },
        Window {
            id: "villageExpress",
            label: "有条件的建制村实现“村村通快递”",
            citation: "三(七)",
            from: start,
            until: Some(express_deadline),
        },
        Window {
            id: "microcredit",
            label: "脱贫人口小额信贷",
            citation: "六(十七)",
            from: credit_from,
            until: Some(credit_until),
        },
        Window {
            id: "yulu",
            label: "雨露计划：支持脱贫户“两后生”接受职业教育",
            citation: "六(十九)",
            from: start,
            until: Some(yulu_until),
        },
        Window {
            id: "normalisedAssistance",
            label: "常态化帮扶：农村低收入人口常态化监测和分层分类帮扶",
            citation: "四(九)",
            from: after_end,
            until: None,
        },
    ];
    if fund_integration_pilot {
        windows.insert(
            2,
            Window {
                id: "fundIntegrationPilot",
                label: "脱贫县涉农资金统筹整合试点",
                citation: "六(十六)",
                from: start,
                until: Some(pilot_until),
            },
        );
    }
    let measures: Vec<Measure> = windows
        .iter()
        .filter(|w| w.in_force(on))
        .map(|w| Measure {
            id: w.id,
            label: w.label,
            citation: w.citation,
            from: format_date(w.from),
            until: w.until.map(format_date),
        })
        .collect();
    for m in &measures {
        trace.cite(m.citation);
    }
    let names: Vec<&str> = measures.iter().map(|m| m.label).collect();
    trace.step(
        "transition.measures",
        None,
        || {
            if names.is_empty() {
                format!("{d} 没有在本计算器所列范围内生效的措施。")
            } else {
                format!("{d} 生效的措施：{}。", names.join("；"))
            }
        },
        || Some(measures.len().to_string()),
    );

    Ok(TransitionStatus {
        as_of: d,
        region: region.map(RegionRef::from),
        phase,
        year,
        start: s,
        end: e,
        days_remaining,
        fund_integration_pilot,
        measures,
        reasons,
        steps: trace.steps,
        citations: trace.citations,
        unofficial: reader.unofficial(),
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::error::ErrorCode;
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
        assert_eq!(
            ids,
            [
                "fourNots",
                "monitoring",
                "fundIntegrationPilot",
                "microcredit",
                "yulu"
            ]
        );
        assert!(t.citations.contains(&"六(十六)"));
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
        let e = engine()
            .with_overrides(&json!({ "transition.fundIntegrationPilotYears": 4 }))
            .unwrap();
        let t = e.transition("2024-06-01", Some("230129")).unwrap();
        assert!(t.fund_integration_pilot);
        assert!(t
            .unofficial
            .contains("transition.fundIntegrationPilotYears"));
    }
}
