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
//! 雨露计划 is for the family's children (子女, the 新成长劳动力): the household data does not say who
//! is a child of whom, so a vocational student over `education.yulu.ageMax` gets none (rule
//! `education.yuluAge`). A window that ends within 12 months counts the months left, a twelfth of
//! the year's amount each (rule `annual.endsWithinYear`). The grants the calculator does not
//! compute (学前, 中职 and 高校 国家助学金) are said to be not computed (rule `education.notComputed`).
//!
//! Parameters read: `education.nutrition.perDay`, `education.schoolDaysPerYear`,
//! `education.boarding.primary`, `education.boarding.junior`, `education.seniorHighGrant.average`,
//! `education.yulu.annual`, `education.yulu.windowEnd`, `education.yulu.ageMax`.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::calendar::{format_date, months_left};
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
    /// 雨露计划 whose window ends within 12 months: the year's amount and the months left.
    #[serde(skip)]
    months_left: Option<(Money, u32)>,
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
    /// A vocational student of an alleviated or monitored household tested for 雨露计划 by age: the
    /// age and the most counted as a child of the family (`education.yulu.ageMax`).
    #[serde(skip)]
    yulu_age: Option<(u32, u32)>,
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
        months_left: None,
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
        yulu_age: None,
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
    yulu(m, schooling, h, r, &mut s)?;
    s.annual = Money::sum(s.aids.iter().map(|a| a.annual))?;
    Ok(s)
}

/// 雨露计划 for a vocational student of an alleviated or monitored household: a child of the family
/// (by age), while its window is open; the months left when it closes within 12 months.
fn yulu(
    m: &Member<'_>,
    schooling: Schooling,
    h: &Household<'_>,
    r: &mut Reader<'_>,
    s: &mut Student,
) -> Result<()> {
    let vocational = matches!(
        schooling,
        Schooling::Vocational | Schooling::HigherVocational
    );
    if !vocational || !h.status.alleviated_or_monitored() {
        return Ok(());
    }
    let until = r.date(&p::YULU_WINDOW_END)?;
    if r.on() > until {
        s.yulu_ended = Some(until);
        return Ok(());
    }
    let age_max = r.count(&p::EDUCATION_YULU_AGE_MAX)?;
    s.yulu_age = Some((m.age, age_max));
    if m.age > age_max {
        return Ok(());
    }
    let year = r.money(&p::EDUCATION_YULU_ANNUAL)?;
    let months = months_left(r.on(), until)?;
    let mut yulu = aid("yulu", year);
    if months < 12 {
        yulu.annual = year
            .checked_mul(Decimal::from(months))?
            .checked_div(Decimal::from(12))?
            .round_fen();
        yulu.months_left = Some((year, months));
    }
    s.aids.push(yulu);
    s.yulu_until = Some(until);
    Ok(())
}

/// Whether the calculator leaves out the grants of this stage (学前资助, 中职 and 高校 国家助学金):
/// the name of what it leaves out.
fn not_computed(schooling: Schooling) -> Option<&'static str> {
    match schooling {
        Schooling::Preschool => Some("学前教育资助"),
        Schooling::Vocational => Some("中等职业学校国家助学金等资助"),
        Schooling::HigherVocational | Schooling::College => Some("高校国家助学金等资助"),
        _ => None,
    }
}

impl Student {
    /// No aid computed, at a stage whose grants the calculator does not compute.
    fn left_out(&self) -> Option<&'static str> {
        not_computed(self.schooling).filter(|_| self.aids.is_empty())
    }
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
        let students = &self.students;
        a.add_if(
            students.iter().any(|s| s.yulu_age.is_some()),
            rules::EDUCATION_YULU_AGE,
        );
        a.add_if(
            students
                .iter()
                .flat_map(|s| &s.aids)
                .any(|a| a.months_left.is_some()),
            rules::ANNUAL_ENDS_WITHIN_YEAR,
        );
        a.add_if(
            students.iter().any(|s| s.left_out().is_some()),
            rules::EDUCATION_NOT_COMPUTED,
        );
        a
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::default();
        c.add_if(!self.students.is_empty(), "三(八)");
        let yulu = self
            .students
            .iter()
            .any(|s| s.yulu_until.is_some() || s.yulu_ended.is_some() || s.yulu_age.is_some());
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
            (
                Reason::EducationYuluOverAge,
                self.students
                    .iter()
                    .any(|s| s.yulu_age.is_some_and(|(age, max)| age > max)),
            ),
            (
                Reason::EducationNotComputed,
                self.students.iter().any(|s| s.left_out().is_some()),
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
        if self.students.iter().any(|s| s.left_out().is_some()) {
            e.reason(Reason::EducationNotComputed.text());
        }
    }
}

/// Whether a vocational student is counted a child of the family for 雨露计划, by age.
fn explain_yulu_age(s: &Student, e: &mut Explanation) {
    let Some((age, max)) = s.yulu_age else {
        return;
    };
    let text = if age > max {
        format!(
            "{}：{age}周岁，超过{max}周岁，不按家庭子女计，不计雨露计划。",
            s.member
        )
    } else {
        format!("{}：{age}周岁，不超过{max}周岁，按家庭子女计。", s.member)
    };
    e.step(rules::EDUCATION_YULU_AGE, text, Some(age.to_string()));
}

/// 雨露计划 whose window closes within 12 months: the months left.
fn explain_yulu_months(s: &Student, a: &Aid, e: &mut Explanation) {
    let Some((year, n)) = a.months_left else {
        return;
    };
    // 雨露计划 is 六(十九); the rule's first items are 低保's and 孤儿's.
    e.step_citing(
        rules::ANNUAL_ENDS_WITHIN_YEAR,
        "六(十九)",
        format!(
            "{}：雨露计划补助至 {} 止，自测算日期起剩 {n} 个月（不足一月按一月计）：全年 = {year} 元 ÷ 12 × {n} = {} 元。",
            s.member,
            s.yulu_until.map(format_date).unwrap_or_default(),
            a.annual
        ),
        Some(a.annual.to_fen_string()),
    );
}

fn explain_student(s: &Student, e: &mut Explanation) {
    let who = &s.member;
    explain_yulu_age(s, e);
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
                "{who}：脱贫户（监测户）子女（“两后生”）接受职业教育（中职、高职），雨露计划补助 {} 元/年（至 {}）。",
                a.months_left.map_or(annual, |(year, _)| year),
                s.yulu_until.map(format_date).unwrap_or_default()
            ),
        };
        let rule = match a.id {
            "nutrition" => rules::EDUCATION_NUTRITION,
            "boarding" => rules::EDUCATION_BOARDING,
            "seniorHighGrant" => rules::EDUCATION_SENIOR_HIGH_GRANT,
            _ => rules::EDUCATION_YULU,
        };
        let shown = a.months_left.map_or(annual, |(year, _)| year);
        e.step(rule, text, Some(shown.to_fen_string()));
        explain_yulu_months(s, a, e);
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
    if let Some(grant) = s.left_out() {
        e.step(
            rules::EDUCATION_NOT_COMPUTED,
            format!(
                "{who}（{}）：本计算器未计算{grant}（未找到黑龙江的数额），未计入金额，请按学校和当地规定核实。",
                s.schooling.label()
            ),
            None,
        );
    } else if s.aids.is_empty() {
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
