//! Education aid for students of the household, policy text 三(八) ("继续实施家庭经济困难学生资助政策和
//! 农村义务教育学生营养改善计划") and 六(十九) ("继续支持脱贫户“两后生”接受职业教育，并按规定给予相应资助").
//!
//! Per student member: the nutrition improvement plan for rural compulsory-education pupils (per school
//! day × school days); the boarding subsidy for boarding compulsory-education pupils of families in
//! difficulty; the national grant for senior-high students of families in difficulty; 雨露计划 for
//! vocational students of alleviated or monitored households, until its end date. A family is in
//! difficulty when it is alleviated or monitored, or when 低保 or 特困 applies to it.
//!
//! Parameters read: `education.nutrition.perDay`, `education.schoolDaysPerYear`,
//! `education.boarding.primary`, `education.boarding.junior`, `education.seniorHighGrant.average`,
//! `education.yulu.annual`, `education.yulu.windowEnd`, and those of 低保 and 特困.

use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::pension::{assistance_groups, Groups};
use super::result::{Calc, ProgramResult};
use crate::calendar::format_date;
use crate::error::Result;
use crate::model::{Area, Household, HouseholdStatus, Schooling};
use crate::money::Money;
use crate::params::catalogue as p;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Aid {
    /// nutrition | boarding | seniorHighGrant | yulu
    pub id: &'static str,
    pub label: &'static str,
    #[tsify(type = "string")]
    pub annual: Money,
    pub citation: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Student {
    pub member: String,
    pub schooling: Schooling,
    pub aids: Vec<Aid>,
    #[tsify(type = "string")]
    pub annual: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EducationResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    /// 家庭经济困难: alleviated, monitored, or 低保 / 特困 applies.
    pub family_in_difficulty: bool,
    pub students: Vec<Student>,
}

pub fn education(h: &Household<'_>, mut calc: Calc<'_>) -> Result<EducationResult> {
    if h.members.iter().all(|m| m.schooling.is_none()) {
        return education_for(h, calc, None);
    }
    let groups = assistance_groups(h, &mut calc)?;
    education_for(h, calc, Some(&groups))
}

/// Education aid when the household's 低保 and 特困 groups are known (`None` when there is no
/// student, and so nothing to know).
pub(crate) fn education_for(
    h: &Household<'_>,
    mut calc: Calc<'_>,
    groups: Option<&Groups>,
) -> Result<EducationResult> {
    let on = calc.params.on();
    let students_in: Vec<_> = h.members.iter().filter(|m| m.schooling.is_some()).collect();
    let Some(groups) = groups.filter(|_| !students_in.is_empty()) else {
        calc.reason(|| "家中没有在校学生。".into());
        return Ok(EducationResult {
            result: calc.finish("education", "教育资助", false, None)?,
            family_in_difficulty: false,
            students: Vec::new(),
        });
    };
    let difficulty = matches!(
        h.status,
        HouseholdStatus::Alleviated | HouseholdStatus::Monitored
    ) || !groups.dibao.is_empty()
        || !groups.tekun.is_empty();
    calc.step(
        "education.difficulty",
        "三(八)",
        || {
            if difficulty {
                "属家庭经济困难学生家庭（脱贫户、监测户或低保、特困家庭）。".to_string()
            } else {
                "不属家庭经济困难学生家庭。".to_string()
            }
        },
        || None,
    );
    let alleviated_or_monitored = matches!(
        h.status,
        HouseholdStatus::Alleviated | HouseholdStatus::Monitored
    );
    let mut students = Vec::new();
    for m in students_in {
        let Some(schooling) = m.schooling else {
            continue;
        };
        let compulsory = matches!(schooling, Schooling::Primary | Schooling::Junior);
        let mut aids = Vec::new();
        if compulsory && h.area == Area::Rural {
            let per_day = calc.params.money(&p::EDUCATION_NUTRITION_PER_DAY)?;
            let days = calc.params.count(&p::EDUCATION_SCHOOL_DAYS)?;
            let annual = per_day.checked_mul(Decimal::from(days))?.round_fen();
            calc.step(
                "education.nutrition",
                "三(八)",
                || {
                    format!(
                    "{}：农村义务教育营养改善计划 {per_day} 元/天 × {days} 天 = {annual} 元/年。",
                    m.label
                )
                },
                || Some(annual.to_fen_string()),
            );
            aids.push(Aid {
                id: "nutrition",
                label: "营养改善计划",
                annual,
                citation: "三(八)",
            });
        }
        if compulsory && m.boarding && difficulty {
            let spec = if schooling == Schooling::Primary {
                &p::EDUCATION_BOARDING_PRIMARY
            } else {
                &p::EDUCATION_BOARDING_JUNIOR
            };
            let annual = calc.params.money(spec)?;
            calc.step(
                "education.boarding",
                "三(八)",
                || format!("{}：家庭经济困难寄宿生生活补助 {annual} 元/年。", m.label),
                || Some(annual.to_fen_string()),
            );
            aids.push(Aid {
                id: "boarding",
                label: "寄宿生生活补助",
                annual,
                citation: "三(八)",
            });
        }
        if schooling == Schooling::Senior && difficulty {
            let annual = calc.params.money(&p::EDUCATION_SENIOR_HIGH_GRANT)?;
            calc.step(
                "education.seniorHighGrant",
                "三(八)",
                || format!("{}：普通高中国家助学金（平均）{annual} 元/年。", m.label),
                || Some(annual.to_fen_string()),
            );
            aids.push(Aid {
                id: "seniorHighGrant",
                label: "普通高中国家助学金",
                annual,
                citation: "三(八)",
            });
        }
        if schooling == Schooling::Vocational && alleviated_or_monitored {
            let until = calc.params.date(&p::YULU_WINDOW_END)?;
            if on <= until {
                let annual = calc.params.money(&p::EDUCATION_YULU_ANNUAL)?;
                calc.step("education.yulu", "六(十九)", || format!("{}：脱贫户（监测户）“两后生”接受职业教育，雨露计划补助 {annual} 元/年（至 {}）。", m.label, format_date(until)), || Some(annual.to_fen_string()));
                aids.push(Aid {
                    id: "yulu",
                    label: "雨露计划",
                    annual,
                    citation: "六(十九)",
                });
            } else {
                calc.step(
                    "education.yulu",
                    "六(十九)",
                    || {
                        format!(
                            "{}：雨露计划补助已于 {} 截止。",
                            m.label,
                            format_date(until)
                        )
                    },
                    || None,
                );
            }
        }
        let annual = Money::sum(aids.iter().map(|a| a.annual))?;
        if aids.is_empty() {
            calc.step(
                "education.none",
                "三(八)",
                || format!("{}：没有适用的资助项目。", m.label),
                || None,
            );
        } else {
            let names: Vec<&str> = aids.iter().map(|a| a.label).collect();
            calc.reason(|| format!("{}可享受{}，共 {annual} 元/年。", m.label, names.join("、")));
        }
        students.push(Student {
            member: m.label.clone(),
            schooling,
            aids,
            annual,
        });
    }
    let total = Money::sum(students.iter().map(|s| s.annual))?;
    let eligible = !total.is_zero();
    if !eligible {
        calc.reason(|| "在校学生没有适用的资助项目。".into());
    }
    let mut result = calc.finish("education", "教育资助", eligible, None)?;
    result.annual = eligible.then_some(total);
    Ok(EducationResult {
        result,
        family_in_difficulty: difficulty,
        students,
    })
}
