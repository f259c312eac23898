//! Alerts: what a member of staff must act on, found in the household and in what the programmes
//! decided. Each names its members, the item of the text it follows and the action to take.
//!
//! - `schoolDropout` (二(三) 控辍保学): a member of compulsory-school age in a 脱贫 or monitored household
//!   with no schooling recorded, unless exempt from school for health reasons. School starts on the
//!   first day of the school year's month (1 September) after the 6th birthday: a child who turns
//!   6 in June is not out of school before 1 September.
//! - `coverageGap` (四(十三) 应保尽保): a 脱贫 member (脱贫户, or a monitored household registered as
//!   脱贫不稳定户 or identified as 返贫) of working age or older without labour capacity, or with only
//!   part of it, and no wages, whom neither 低保 nor 特困 covers in this estimate, in a household not
//!   receiving 低保. Children are not counted: they are not people who lost labour capacity.
//! - `uninsured` (二(三) 参保动员): a member of a 脱贫 or monitored household recorded as not insured.
//! - `housingUnsafe`, `waterUnsafe` (二(三)): housing (recorded as not secured, or appraised C or D)
//!   and drinking water recorded as not secured, with what answers them.
//!
//! Parameters read: `education.compulsoryAgeMin`, `education.compulsoryAgeMax`,
//! `education.schoolYearStartMonth`, `labor.workingAgeMin`.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tsify::Tsify;

use crate::base::calendar::turns;
use crate::base::error::{PolicyError, Result};
use crate::base::money::Money;
use crate::input::model::{Appraisal, Capacity, Household, Member};
use crate::params::{catalogue as p, Reader, Used};
use crate::policy::rules;
use crate::policy::rules::Assumptions;
use crate::programs::assistance::Assistance;
use crate::programs::housing::HousingFigures;
use crate::programs::registry::ProgrammeOutcome;

/// Every alert: (id, Chinese label, policy item).
pub const ALERTS: &[(&str, &str, &str)] = &[
    (
        "schoolDropout",
        "义务教育阶段适龄儿童少年失学辍学",
        "二(三)",
    ),
    (
        "coverageGap",
        "丧失劳动能力的脱贫人口未纳入低保或特困",
        "四(十三)",
    ),
    (
        "uninsured",
        "脱贫人口、监测对象未参加基本医疗保险",
        "二(三)",
    ),
    ("housingUnsafe", "住房安全未保障", "二(三)"),
    ("waterUnsafe", "饮水安全未保障", "二(三)"),
];

/// One alert (`alerts[]` of an estimate).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    /// schoolDropout | coverageGap | uninsured | housingUnsafe | waterUnsafe
    pub id: &'static str,
    /// Chinese name (explained estimates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// The members concerned (every member for a household's house or water).
    pub members: Vec<String>,
    /// The policy item, e.g. `二(三)` (explained estimates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
    /// What to do, in Chinese; shown after the label and members, so it does not repeat them
    /// (explained estimates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub action: Option<String>,
    /// What the words will say, with the figures they need.
    #[serde(skip)]
    say: Say,
}

/// What an alert asks staff to do, with the figures its words need (written by [`Alert::explain`]).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Say {
    /// The compulsory-school ages.
    SchoolDropout(u32, u32),
    CoverageGap,
    Uninsured,
    /// 危房改造's subsidy, when the house qualifies for one.
    HousingSubsidy(Money),
    HousingNotProtected,
    HousingNotAppraised,
    HousingAppraisedSafe,
    WaterUnsafe,
}

impl Say {
    fn words(&self) -> String {
        match self {
            Say::SchoolDropout(min, max) => format!(
                "{min}至{max}周岁义务教育适龄、未登记在校：请核实是否失学辍学，会同学校和教育部门劝返复学；因身体原因不具备学习条件的，登记“因身体原因不具备学习条件”并安排送教上门。"
            ),
            Say::CoverageGap => "完全或部分丧失劳动能力、没有工资收入，本测算中既不符合低保也不符合特困：请核查家庭收入（含未登记的收入）、财产和赡养情况，符合条件的按规定纳入农村低保或特困人员救助供养，并按困难类型落实专项救助、临时救助。".into(),
            Say::Uninsured => "请动员参加城乡居民基本医疗保险，并落实分类资助参保（见“分类资助参保”）。".into(),
            Say::HousingSubsidy(subsidy) => format!(
                "可按农村危房改造申请补助 {subsidy} 元（见“住房安全（农村危房改造）”），改造期间保障临时住所安全。"
            ),
            Say::HousingNotProtected => "不属农村危房改造保障对象：请核实是否符合低保、监测等条件，或通过其他方式保障住房安全。".into(),
            Say::HousingNotAppraised => "请先组织农村房屋安全性鉴定，按鉴定等级申请危房改造（见“住房安全（农村危房改造）”）。".into(),
            Say::HousingAppraisedSafe => "房屋鉴定为安全但登记住房安全未保障：请核实登记，必要时重新鉴定。".into(),
            Say::WaterUnsafe => "请报告县级水利部门，按农村供水工程运行管理“三个责任”“三项制度”落实供水保障（本引擎没有对应的计算项目）。".into(),
        }
    }
}

impl Alert {
    /// The alert's words, for an explained estimate: its name, citation and what to do.
    pub(crate) fn explain(&mut self) {
        let (label, citation) = ALERTS
            .iter()
            .find(|(i, ..)| *i == self.id)
            .map_or(("", ""), |(_, l, c)| (*l, *c));
        self.label = Some(label);
        self.citation = Some(citation);
        self.action = Some(self.say.words());
    }
}

/// An alert without words (see [`Alert::explain`]).
fn alert(id: &'static str, members: Vec<String>, say: Say) -> Alert {
    Alert {
        id,
        label: None,
        members,
        citation: None,
        action: None,
        say,
    }
}

fn labels<'a>(members: impl Iterator<Item = &'a Member<'a>>) -> Vec<String> {
    members.map(|m| m.label.to_string()).collect()
}

fn school_dropout(h: &Household<'_>, r: &mut Reader<'_>) -> Result<Option<Alert>> {
    if !h.status.alleviated_or_monitored() {
        return Ok(None);
    }
    let ages = (
        r.count(&p::EDUCATION_COMPULSORY_AGE_MIN)?,
        r.count(&p::EDUCATION_COMPULSORY_AGE_MAX)?,
    );
    let month = r.count(&p::EDUCATION_SCHOOL_YEAR_START_MONTH)?;
    let mut out = Vec::new();
    for m in &h.members {
        if (ages.0..=ages.1).contains(&m.age)
            && m.schooling.is_none()
            && !m.health_exempt_from_school
            && school_starts(m.birth_date, ages.0, month)? <= h.ages_on
        {
            out.push(m.label.to_string());
        }
    }
    Ok((!out.is_empty()).then(|| alert("schoolDropout", out, Say::SchoolDropout(ages.0, ages.1))))
}

/// The day compulsory school starts for a child born on `birth`: the first day of `month` after
/// the birthday of `age` (义务教育法第十一条：年满六周岁…入学; the school year starts on 1 September,
/// so the cut-off is 31 August: a child who turns 6 on 1 September starts a year later).
fn school_starts(birth: NaiveDate, age: u32, month: u32) -> Result<NaiveDate> {
    let birthday = turns(birth, age)?;
    let first = |year| {
        NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| PolicyError::out_of_range("", "日期计算超出范围"))
    };
    let start = first(birthday.year())?;
    if start > birthday {
        Ok(start)
    } else {
        first(birthday.year().saturating_add(1))
    }
}

/// Rests on what decided who is under 低保 and 特困, when it looks at them.
fn coverage_gap(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Option<Alert>> {
    if !h.alleviated_people() || h.on_dibao {
        return Ok(None);
    }
    a.rest_on_them(r)?;
    let adult = h.working_ages.0;
    let (dibao, tekun) = (&a.dibao()?.members, &a.tekun()?.members);
    let out = labels(h.members.iter().enumerate().filter_map(|(i, m)| {
        let unable =
            m.age >= adult && matches!(m.labor_capacity, Capacity::None | Capacity::Partial);
        (unable && m.wages.is_zero() && !dibao.contains(&i) && !tekun.contains(&i)).then_some(m)
    }));
    Ok((!out.is_empty()).then(|| alert("coverageGap", out, Say::CoverageGap)))
}

fn uninsured(h: &Household<'_>) -> Option<Alert> {
    if !h.status.alleviated_or_monitored() {
        return None;
    }
    let out = labels(h.members.iter().filter(|m| !m.insured));
    (!out.is_empty()).then(|| alert("uninsured", out, Say::Uninsured))
}

fn housing_action(f: Option<&HousingFigures>) -> Say {
    match f {
        Some(f) if f.measure.is_some() => Say::HousingSubsidy(f.subsidy),
        Some(f) if f.groups.is_empty() => Say::HousingNotProtected,
        Some(f) if f.appraisal.is_none() => Say::HousingNotAppraised,
        _ => Say::HousingAppraisedSafe,
    }
}

fn housing_unsafe(h: &Household<'_>, figures: Option<&HousingFigures>) -> Option<Alert> {
    let appraised_unsafe = matches!(h.housing_appraisal, Some(Appraisal::C | Appraisal::D));
    if h.guarantees.housing && !appraised_unsafe {
        return None;
    }
    Some(alert(
        "housingUnsafe",
        labels(h.members.iter()),
        housing_action(figures),
    ))
}

/// The housing programme's figures among an estimate's results (the housing alert reads them).
pub(crate) fn housing_of(programs: &[ProgrammeOutcome]) -> Option<&HousingFigures> {
    programs.iter().find_map(|p| match p {
        ProgrammeOutcome::Housing(r) => Some(&r.figures),
        _ => None,
    })
}

/// Every alert of a household, after the programmes ran; with what reading their parameters used
/// and the assumptions the alerts raised rest on (see `rules`: `alerts.*`).
pub(crate) fn alerts(
    h: &Household<'_>,
    a: &Assistance,
    housing: Option<&HousingFigures>,
    reader: &Reader<'_>,
) -> Result<(Vec<Alert>, Used, Assumptions)> {
    let mut r = reader.clone();
    let mut out = Vec::new();
    out.extend(school_dropout(h, &mut r)?);
    out.extend(coverage_gap(h, a, &mut r)?);
    out.extend(uninsured(h));
    out.extend(housing_unsafe(h, housing));
    if !h.guarantees.water {
        out.push(alert(
            "waterUnsafe",
            labels(h.members.iter()),
            Say::WaterUnsafe,
        ));
    }
    // Of the alerts' rules, only the coverage gap's is an assumption.
    let mut assumed = Assumptions::default();
    assumed.add_if(
        out.iter().any(|a| a.id == "coverageGap"),
        rules::ALERTS_COVERAGE_GAP,
    );
    Ok((out, r.used(), assumed))
}

#[cfg(test)]
mod tests {
    use crate::input::household::HouseholdInput;
    use crate::policy::rules;

    #[test]
    fn the_ages_an_alert_rests_on_are_listed_as_unofficial() {
        let engine = crate::Engine::new().unwrap();
        let text = r#"{"region":"230129","status":"alleviated","members":[
            {"birthDate":"1980-01-01","wages":"30000"},{"id":"孩子","birthDate":"2013-01-01"}]}"#;
        let h = HouseholdInput::from_json(text).unwrap();
        let e = engine.estimate(&h, "2023-06-01").unwrap();
        assert_eq!(e.alerts.len(), 1);
        assert_eq!(e.alerts[0].members, ["孩子"]);
        assert!(e.unofficial.contains("education.compulsoryAgeMin"));
        assert!(e.unofficial.contains("education.compulsoryAgeMax"));
        assert!(e.unofficial.contains("education.schoolYearStartMonth"));
        assert!(!e.assumptions.contains(rules::ALERTS_COVERAGE_GAP));
        // A general household raises no school alert and reads no school ages.
        let general = HouseholdInput::from_json(&text.replace("alleviated", "general")).unwrap();
        let e = engine.estimate(&general, "2023-06-01").unwrap();
        assert!(e.alerts.is_empty());
        assert!(!e.unofficial.contains("education.compulsoryAgeMin"));
    }

    #[test]
    fn a_coverage_gap_says_it_rests_on_an_assumption() {
        let engine = crate::Engine::new().unwrap();
        let text = r#"{"region":"230129","status":"alleviated","income":{"business":"30000"},"members":[
            {"id":"父亲","birthDate":"1975-01-01","laborCapacity":"none"},{"birthDate":"1977-01-01","wages":"10000"}]}"#;
        let e = engine
            .estimate(&HouseholdInput::from_json(text).unwrap(), "2023-06-01")
            .unwrap();
        assert_eq!(e.alerts[0].id, "coverageGap");
        assert!(e.assumptions.contains(rules::ALERTS_COVERAGE_GAP));
    }

    #[test]
    fn an_action_does_not_repeat_its_label() {
        // Every alert at once: an alleviated household with an uninsured member unable to work
        // and without income, a child out of school, an unsafe house and unsafe water.
        let engine = crate::Engine::new().unwrap();
        let text = r#"{"region":"230129","status":"alleviated",
            "guarantees":{"housing":false,"water":false},"members":[
            {"id":"奶奶","birthDate":"1950-01-01","laborCapacity":"none","insured":false},
            {"id":"孩子","birthDate":"2013-01-01"}]}"#;
        let e = engine
            .estimate(&HouseholdInput::from_json(text).unwrap(), "2023-06-01")
            .unwrap();
        let ids: Vec<&str> = e.alerts.iter().map(|a| a.id).collect();
        assert!(
            ids.contains(&"uninsured") && ids.contains(&"waterUnsafe"),
            "{ids:?}"
        );
        for a in &e.alerts {
            let (label, action) = (a.label.unwrap(), a.action.as_deref().unwrap());
            assert!(!action.starts_with(label), "{}: {action}", a.id);
            // Nor the words of the label before its first colon ("未参加基本医疗保险：…").
            let head = action.split('：').next().unwrap_or_default();
            assert!(!label.contains(head), "{}: {action}", a.id);
        }
    }
}
