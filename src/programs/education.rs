//! Education aid for students of the household, policy text 三(八) ("继续实施家庭经济困难学生资助政策和
//! 农村义务教育学生营养改善计划") and 六(十九) ("继续支持脱贫户“两后生”接受职业教育，并按规定给予相应资助").
//!
//! Per student member: the nutrition improvement plan for rural compulsory-education pupils (per school
//! day × school days); the boarding subsidy for boarding compulsory-education pupils of families in
//! difficulty; the national grant for senior-high students of families in difficulty; 雨露计划 for
//! vocational students (中职 and 高职) of alleviated or monitored households, until its end date. A family is in
//! difficulty when it is alleviated or monitored, or when 低保 or 特困 applies to it (the assistance
//! context).
//!
//! Parameters read: `education.nutrition.perDay`, `education.schoolDaysPerYear`,
//! `education.boarding.primary`, `education.boarding.junior`, `education.seniorHighGrant.average`,
//! `education.yulu.annual`, `education.yulu.windowEnd`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Area, Household, Label, Member, Schooling};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Aid {
    /// Which aid.
    #[tsify(type = "'nutrition' | 'boarding' | 'seniorHighGrant' | 'yulu'")]
    pub id: &'static str,
    /// Chinese name, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    #[tsify(type = "string")]
    pub annual: Money,
    /// The policy item, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
    /// Per school day and days, for the nutrition plan.
    #[serde(skip)]
    per_day: Option<(Money, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Student {
    #[tsify(type = "string")]
    pub member: Label,
    pub schooling: Schooling,
    pub aids: Vec<Aid>,
    #[tsify(type = "string")]
    pub annual: Money,
    /// 雨露计划 applies to the student but ended on this date.
    #[serde(skip)]
    yulu_ended: Option<NaiveDate>,
    #[serde(skip)]
    yulu_until: Option<NaiveDate>,
    /// A rural pupil in a county that does not run the nutrition plan.
    #[serde(skip)]
    no_nutrition_plan: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EducationFigures {
    /// 家庭经济困难: alleviated, monitored, or 低保 / 特困 applies.
    pub family_in_difficulty: bool,
    pub students: Vec<Student>,
}

/// Cash to the family, not in kind (the nutrition plan is meals).
const CASH_AIDS: [&str; 3] = ["boarding", "seniorHighGrant", "yulu"];

fn aid(id: &'static str, annual: Money) -> Aid {
    Aid {
        id,
        label: None,
        annual,
        citation: None,
        per_day: None,
    }
}

/// Every aid a student can get: its id, Chinese name and the policy item it applies (`labels().aid`).
pub const AIDS: [(&str, &str, &str); 4] = [
    ("nutrition", "营养改善计划", "三(八)"),
    ("boarding", "寄宿生生活补助", "三(八)"),
    ("seniorHighGrant", "普通高中国家助学金", "三(八)"),
    ("yulu", "雨露计划", "六(十九)"),
];

/// An aid's Chinese name and the policy item it applies.
fn aid_words(id: &str) -> (&'static str, &'static str) {
    let [.., yulu] = AIDS;
    let (_, label, citation) = AIDS.into_iter().find(|(i, ..)| *i == id).unwrap_or(yulu);
    (label, citation)
}

/// The aids of one student.
fn student(
    m: &Member<'_>,
    schooling: Schooling,
    h: &Household<'_>,
    difficulty: bool,
    r: &mut Reader<'_>,
) -> Result<Student> {
    let compulsory = matches!(schooling, Schooling::Primary | Schooling::Junior);
    let mut s = Student {
        member: m.label.clone(),
        schooling,
        aids: Vec::new(),
        annual: Money::ZERO,
        yulu_ended: None,
        yulu_until: None,
        no_nutrition_plan: false,
    };
    // The nutrition plan runs in the counties that carry it out (a flag by region).
    let rural_pupil = compulsory && h.area == Area::Rural;
    s.no_nutrition_plan = rural_pupil && r.count(&p::EDUCATION_NUTRITION_PILOT)? == 0;
    if rural_pupil && !s.no_nutrition_plan {
        let per_day = r.money(&p::EDUCATION_NUTRITION_PER_DAY)?;
        let days = r.count(&p::EDUCATION_SCHOOL_DAYS)?;
        let annual = per_day.checked_mul(Decimal::from(days))?.round_fen();
        s.aids.push(Aid {
            per_day: Some((per_day, days)),
            ..aid("nutrition", annual)
        });
    }
    if compulsory && m.boarding && difficulty {
        let spec = if schooling == Schooling::Primary {
            &p::EDUCATION_BOARDING_PRIMARY
        } else {
            &p::EDUCATION_BOARDING_JUNIOR
        };
        s.aids.push(aid("boarding", r.money(spec)?));
    }
    if schooling == Schooling::Senior && difficulty {
        let annual = r.money(&p::EDUCATION_SENIOR_HIGH_GRANT)?;
        s.aids.push(aid("seniorHighGrant", annual));
    }
    let alleviated_or_monitored = h.status.alleviated_or_monitored();
    let vocational = matches!(
        schooling,
        Schooling::Vocational | Schooling::HigherVocational
    );
    if vocational && alleviated_or_monitored {
        let until = r.date(&p::YULU_WINDOW_END)?;
        if r.on() <= until {
            let annual = r.money(&p::EDUCATION_YULU_ANNUAL)?;
            s.aids.push(aid("yulu", annual));
            s.yulu_until = Some(until);
        } else {
            s.yulu_ended = Some(until);
        }
    }
    s.annual = Money::sum(s.aids.iter().map(|a| a.annual))?;
    Ok(s)
}

impl EducationFigures {
    fn total(&self) -> Result<Money> {
        Money::sum(self.students.iter().map(|s| s.annual))
    }
}

impl HouseholdProgramme for EducationFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(None);

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let at_school = h.members.iter().filter(|m| m.schooling.is_some()).count();
        let mut f = EducationFigures {
            family_in_difficulty: false,
            students: super::list_for(|| at_school),
        };
        if at_school == 0 {
            return Ok(f);
        }
        a.rest_on_them(r)?;
        f.family_in_difficulty = h.status.alleviated_or_monitored()
            || !a.dibao()?.members.is_empty()
            || !a.tekun()?.members.is_empty();
        for m in &h.members {
            if let Some(schooling) = m.schooling {
                f.students
                    .push(student(m, schooling, h, f.family_in_difficulty, r)?);
            }
        }
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let total = self.total()?;
        let eligible = !total.is_zero();
        let cash = Money::sum(
            self.students
                .iter()
                .flat_map(|s| s.aids.iter())
                .filter(|a| CASH_AIDS.contains(&a.id))
                .map(|a| a.annual),
        )?;
        Ok(Amounts {
            annual: eligible.then_some(total),
            cash_annual: cash,
            other_annual: total.checked_sub(cash)?,
            ..Amounts::verdict(eligible)
        })
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(!self.students.is_empty(), rules::EDUCATION_DIFFICULTY);
        a
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::default();
        c.add_if(!self.students.is_empty(), "三(八)");
        let yulu = self
            .students
            .iter()
            .any(|s| s.yulu_until.is_some() || s.yulu_ended.is_some());
        c.add_if(yulu, "六(十九)");
        c
    }

    fn why(&self) -> Why {
        if self.students.is_empty() {
            return why![Reason::EducationNoStudents];
        }
        let mut why = why![if self.students.iter().any(|s| !s.aids.is_empty()) {
            Reason::EducationAided
        } else {
            Reason::EducationNoAid
        }];
        let flags = [
            (Reason::EducationNotInDifficulty, !self.family_in_difficulty),
            (
                Reason::EducationNoNutritionPlan,
                self.students.iter().any(|s| s.no_nutrition_plan),
            ),
            (
                Reason::EducationYuluEnded,
                self.students.iter().any(|s| s.yulu_ended.is_some()),
            ),
        ];
        why.extend(flags.iter().filter(|(_, f)| *f).map(|(r, _)| *r));
        why
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        for a in self.students.iter_mut().flat_map(|s| s.aids.iter_mut()) {
            let (label, citation) = aid_words(a.id);
            a.label = Some(label);
            a.citation = Some(citation);
        }
        if self.students.is_empty() {
            e.reason(Reason::EducationNoStudents.text());
            return;
        }
        e.step(
            rules::EDUCATION_DIFFICULTY,
            if self.family_in_difficulty {
                "属家庭经济困难学生家庭（脱贫户、监测户（含返贫致贫户）或低保、特困家庭）。"
                    .to_string()
            } else {
                "不属家庭经济困难学生家庭。".to_string()
            },
            None,
        );
        for s in &self.students {
            explain_student(s, e);
        }
        for (j, s) in self.students.iter().enumerate() {
            for (l, a) in s.aids.iter().enumerate() {
                let key = format!("students[{j}].aids[{l}].annual");
                let label = aid_words(a.id).0;
                e.fact(format!("{}：{label}", s.member), a.annual, "元/年", key);
            }
        }
        if self.students.iter().all(|s| s.aids.is_empty()) {
            e.reason(Reason::EducationNoAid.text());
        }
        if self.students.iter().any(|s| s.yulu_ended.is_some()) {
            e.reason(Reason::EducationYuluEnded.text());
        }
    }
}

fn explain_student(s: &Student, e: &mut Explanation) {
    let who = &s.member;
    for a in &s.aids {
        let annual = a.annual;
        let text = match (a.id, a.per_day) {
            ("nutrition", Some((per_day, days))) => format!(
                "{who}：农村义务教育营养改善计划 {per_day} 元/天 × {days} 天 = {annual} 元/年。"
            ),
            ("boarding", _) => format!("{who}：家庭经济困难寄宿生生活补助 {annual} 元/年。"),
            ("seniorHighGrant", _) => {
                format!("{who}：普通高中国家助学金（平均）{annual} 元/年。")
            }
            _ => format!(
                "{who}：脱贫户（监测户）“两后生”接受职业教育（中职、高职），雨露计划补助 {annual} 元/年（至 {}）。",
                s.yulu_until.map(format_date).unwrap_or_default()
            ),
        };
        let rule = match a.id {
            "nutrition" => rules::EDUCATION_NUTRITION,
            "boarding" => rules::EDUCATION_BOARDING,
            "seniorHighGrant" => rules::EDUCATION_SENIOR_HIGH_GRANT,
            _ => rules::EDUCATION_YULU,
        };
        e.step(rule, text, Some(annual.to_fen_string()));
    }
    if s.no_nutrition_plan {
        e.step(
            rules::EDUCATION_NUTRITION,
            format!("{who}：所在县未实施农村义务教育学生营养改善计划。"),
            None,
        );
    }
    if let Some(until) = s.yulu_ended {
        e.step(
            rules::EDUCATION_YULU,
            format!(
                "{who}：雨露计划补助期已于 {} 结束，过渡期后的延续政策请核对当地现行通知。",
                format_date(until)
            ),
            None,
        );
    }
    if s.aids.is_empty() {
        e.step(
            rules::EDUCATION_NONE,
            format!("{who}：没有适用的资助项目。"),
            None,
        );
    } else {
        let names: Vec<&str> = s.aids.iter().map(|a| aid_words(a.id).0).collect();
        e.reason(format!(
            "{who}可享受{}，共 {} 元/年。",
            names.join("、"),
            s.annual
        ));
    }
}
