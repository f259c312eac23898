//! 特困人员救助供养 (support for people in extreme poverty), policy text 四(十): "完善农村特困人员救助供养制度".
//!
//! A member qualifies when all three hold (national rule, 国发〔2016〕14号): no labour capacity (age,
//! disability or illness), no means of living (own income below the local 低保 standard), and no legal
//! supporter able to support them. Support = basic living standard (`tekun.basicMultiple` × the 低保
//! standard) + the care standard for their self-care ability. A 特困 member is supported on their
//! own; the household's 低保 then covers the other members (see `dibao`). Support continues
//! (民发〔2021〕43号第二十四条) for a minor with labour capacity, to `dibao.minorAge`, and after it
//! for one still in 义务教育, 普通高中 or 中等职业学校 (see `assistance::continues`).
//!
//! Parameters read: `tekun.basicStandard.urban` (a published urban basic standard, where a place
//! has one: it replaces the multiple), `tekun.basicMultiple`, `tekun.care.selfCare`, `tekun.care.partialCare`,
//! `tekun.care.fullCare`; the 低保 standard, the minor age and the three tests come from the
//! assistance context.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::{continues, former_allowance_student, Assistance, Continues, Decided};
use super::reasons::{why, Reason, Why};
use super::{Amounts, HouseholdProgramme};
use crate::base::calendar::{day_before, format_date, months_left, turns};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
use crate::input::household::Schooling;
use crate::input::model::{
    no_labour_by_disability, Area, Capacity, CapacityBasis, Household, Label, Member,
};
use crate::params::{catalogue as p, Reader, Used};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::{Assumptions, RuleId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunMember {
    #[tsify(type = "string")]
    pub member: Label,
    pub eligible: bool,
    /// The three tests in words, when explained.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub reasons: Vec<String>,
    /// 'full' 全自理, 'partial' 半护理, 'none' 全护理 (by self-care ability; `labels().careLevel`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub care_level: Option<Capacity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub basic: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub care: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub monthly: Option<Money>,
    /// A child in the allowance of orphans and 事实无人抚养儿童, so not also 特困 (民发〔2021〕43号第九条).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[tsify(optional)]
    pub orphan_allowance: bool,
    /// A minor in that allowance who also meets the three 特困 tests: the allowance is taken as
    /// chosen (rule `tekun.orphanAllowanceChoice`); one past the minor age at school keeps it by the
    /// region's rule, not by a choice.
    #[serde(skip)]
    choice: bool,
    /// The labour capacity the rules judged for the member (given, or by age and disability:
    /// 民发〔2021〕43号第五条), with why, in words, when explained: 无劳动能力（65周岁，60周岁以上）.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub labor_capacity_text: Option<String>,
    /// The member's own income per month, for the test of means.
    #[serde(skip)]
    own_monthly: Money,
    /// Which value the care standard is: its date and status (read for the words only).
    #[serde(skip)]
    care_said: String,
    /// The support raised to the floor, when basic + care fell below it.
    #[serde(skip)]
    raised_to: Option<Money>,
    /// The tests the member fails: labour capacity, means of living, a supporter.
    #[serde(skip)]
    fails: Fails,
    /// Support ending within the year (at the minor age): the last day, the months left and the
    /// minor age (rule `annual.endsWithinYear`).
    #[serde(skip)]
    ends: Option<(NaiveDate, u32, u32)>,
}

/// Which of the three 特困 tests a member fails.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Fails {
    capable: bool,
    has_means: bool,
    has_supporter: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TekunFigures {
    /// Basic living standard, per person per month.
    #[tsify(type = "string")]
    pub basic_standard: Money,
    pub members: Vec<TekunMember>,
    /// The 低保 standard and the multiple the basic standard rests on.
    #[serde(skip)]
    standard: Money,
    #[serde(skip)]
    multiple: Rate,
    /// Each member's share of the household's other income, a month.
    #[serde(skip)]
    share: Money,
    /// The standard × the multiple, before rounding up.
    #[serde(skip)]
    product: Money,
    /// The basic standard is the locality's published figure (`tekun.basicStandard.urban`), not
    /// the product rounded up.
    #[serde(skip)]
    published: bool,
    /// The least a rural member receives a month (the dispersed rural support standard ÷ 12).
    #[serde(skip)]
    floor: Option<Money>,
    /// A member without a supporter whose labour capacity rested on the disability-type assumption.
    #[serde(skip)]
    disability_assumed: bool,
    /// A member without a supporter recorded without labour capacity though 第五条 does not name
    /// them (rule `member.laborCapacityRecorded`).
    #[serde(skip)]
    recorded_none: bool,
    /// A member supported because still at school after the minor age (rule
    /// `tekun.continuesAtSchool`).
    #[serde(skip)]
    at_school: bool,
    /// A member without a supporter past the minor age at such a school, in the orphans' allowance
    /// as a child and no longer: assessed afresh, not continued (the same rule).
    #[serde(skip)]
    former_allowance: bool,
    /// A minor with labour capacity supported as if already 特困 (rule `tekun.continuesMinor`).
    #[serde(skip)]
    minor: bool,

    /// A member's age rests on the birthday rule (rule `member.birthday`).
    #[serde(skip)]
    birthday_on_edge: bool,
}

/// Each member assessed (`eligible`: those who meet the three tests, by their place), with the
/// support of those who qualify.
pub(crate) fn assess(
    h: &Household<'_>,
    a: &Assistance,
    r: &mut Reader<'_>,
) -> Result<TekunFigures> {
    let (standard, eligible) = (a.standard, &a.tekun_members);
    let (multiple, product, basic, published) = basic_standard(h.area, standard, r)?;
    let floor = rural_floor(h.area, !eligible.is_empty(), r)?;
    let mut members = Vec::with_capacity(h.members.len());
    // Rules `member.laborCapacityRecorded`, `member.birthday` and `tekun.continuesMinor`.
    let (mut recorded_none, mut birthday_on_edge, mut minor) = (false, false, false);
    for (i, m) in h.members.iter().enumerate() {
        recorded_none |= m.capacity_recorded_none() && !m.has_supporter;
        birthday_on_edge |= m.birthday_on_edge;
        let eligible = eligible.contains(&i);
        let (own_monthly, below) = a.own_income_of(i, m)?;
        let mut row = TekunMember {
            member: m.label.clone(),
            eligible,
            reasons: Vec::new(),
            care_level: None,
            basic: None,
            care: None,
            monthly: None,
            orphan_allowance: a.allowance_children.contains(&i),
            choice: a.allowance_choice.contains(&i),
            labor_capacity_text: None,
            own_monthly,
            care_said: String::new(),
            raised_to: None,
            fails: Fails::default(),
            ends: None,
        };
        row.fails = Fails {
            capable: m.labor_capacity != Capacity::None && continues(m, a.minor_age).is_none(),
            has_means: !below,
            has_supporter: m.has_supporter,
        };
        if eligible {
            let care = r.money(care_spec(h.area, m.self_care))?;
            let support = basic.checked_add(care)?;
            row.raised_to = floor.filter(|f| *f > support).map(Money::round_fen);
            row.care_level = Some(m.self_care);
            row.basic = Some(basic.round_fen());
            row.care = Some(care);
            row.monthly = Some(row.raised_to.unwrap_or(support).round_fen());
            row.ends = ends(m, a.minor_age, h.ages_on)?;
            minor |= matches!(continues(m, a.minor_age), Some(Continues::Minor(_)));
        }
        members.push(row);
    }
    Ok(TekunFigures {
        basic_standard: basic.round_fen(),
        members,
        standard,
        multiple,
        product,
        published,
        floor,
        share: a.other_income_share,
        disability_assumed: h
            .members
            .iter()
            .any(|m| m.labor_capacity_assumed && !m.has_supporter),
        recorded_none,
        at_school: h.members.iter().enumerate().any(|(i, m)| {
            eligible.contains(&i)
                && matches!(continues(m, a.minor_age), Some(Continues::AtSchool(_)))
        }),
        former_allowance: any_former_allowance(h, a),
        birthday_on_edge,
        minor,
    })
}

/// The least a rural member receives a month: not below the province's (or city's) standard for
/// dispersed rural support (rule `tekun.supportFloor`); none for an urban household. Read for
/// every rural household (its figures rest on it), divided only for one with a member supported
/// (`any`), the only one it concerns: a division to the 28th digit costs some 280 instructions.
fn rural_floor(area: Area, any: bool, r: &mut Reader<'_>) -> Result<Option<Money>> {
    Ok(match area {
        Area::Rural => {
            let year = r.money(&p::TEKUN_SUPPORT_RURAL_DISPERSED)?;
            any.then(|| year.checked_div(12.into())).transpose()?
        }
        Area::Urban => None,
    })
}

/// Whether a member without a supporter, past the minor age at school, was in the orphans'
/// allowance as a child and is no longer (rule `tekun.continuesAtSchool`: assessed afresh).
fn any_former_allowance(h: &Household<'_>, a: &Assistance) -> bool {
    h.members.iter().enumerate().any(|(i, m)| {
        !m.has_supporter
            && former_allowance_student(m, a.minor_age, a.allowance_children.contains(&i)).is_some()
    })
}

/// The basic standard: the locality's published one where it has one (urban), else the 低保
/// standard × the multiple, "不低于 1.3 倍" rounded up to the unit the locality publishes (the fen, or
/// Harbin's yuan). With the multiple, the product and whether the standard is the published one.
fn basic_standard(
    area: Area,
    standard: Money,
    r: &mut Reader<'_>,
) -> Result<(Rate, Money, Money, bool)> {
    let multiple = r.rate(&p::TEKUN_BASIC_MULTIPLE)?;
    let product = standard.times(multiple)?;
    let published = match area {
        Area::Urban => r.money_if_any(&p::TEKUN_BASIC_URBAN)?,
        Area::Rural => None,
    };
    let basic = match published {
        Some(b) => b,
        None => product.round_up_to(r.money(&p::TEKUN_BASIC_ROUND_UP_TO)?)?,
    };
    Ok((multiple, product, basic, published.is_some()))
}

/// When a 特困 minor's support ends within the year from `on` (the date the ages are taken on):
/// at the minor age, for one whose first test rests on age alone or on 第二十四条 (not a disability
/// 第五条 names, nor a recorded incapacity), not at a school that continues it. The last day, the
/// months left and the minor age.
pub(crate) fn ends(
    m: &Member<'_>,
    minor_age: Option<u32>,
    on: NaiveDate,
) -> Result<Option<(NaiveDate, u32, u32)>> {
    let Some(minor_age) = minor_age.filter(|a| m.age < *a) else {
        return Ok(None);
    };
    let continuing = matches!(
        m.schooling,
        Some(Schooling::Primary | Schooling::Junior | Schooling::Senior | Schooling::Vocational)
    );
    if continuing
        || no_labour_by_disability(m.disability_grade, m.disability_type)
        || m.capacity_recorded_none()
    {
        return Ok(None);
    }
    let last = day_before(turns(m.birth_date, minor_age)?)?;
    let months = months_left(on, last)?;
    Ok((months < 12).then_some((last, months, minor_age)))
}

/// The care standard by area and self-care ability (urban and rural standards differ).
fn care_spec(area: Area, level: Capacity) -> &'static crate::params::Spec {
    match (area, level) {
        (Area::Rural, Capacity::Full) => &p::TEKUN_CARE_SELF_CARE,
        (Area::Rural, Capacity::Partial) => &p::TEKUN_CARE_PARTIAL_CARE,
        (Area::Rural, Capacity::None) => &p::TEKUN_CARE_FULL_CARE,
        (Area::Urban, Capacity::Full) => &p::TEKUN_CARE_URBAN_SELF_CARE,
        (Area::Urban, Capacity::Partial) => &p::TEKUN_CARE_URBAN_PARTIAL_CARE,
        (Area::Urban, Capacity::None) => &p::TEKUN_CARE_URBAN_FULL_CARE,
    }
}

/// The care standards, by a member's `selfCare` (`labels().careLevel`).
pub const CARE_LEVELS: [(&str, &str); 3] = [
    ("full", "全自理"),
    ("partial", "半护理"),
    ("none", "全护理"),
];

/// The care standard a self-care ability gets (民发〔2021〕43号第二十条、第二十二条).
fn care_label(level: Capacity) -> &'static str {
    match level {
        Capacity::Full => "具备生活自理能力，按全自理标准",
        Capacity::Partial => "部分丧失生活自理能力，按半护理标准",
        Capacity::None => "完全丧失生活自理能力，按全护理标准",
    }
}

impl TekunFigures {
    fn total(&self) -> Result<Money> {
        Money::sum(self.members.iter().filter_map(|m| m.monthly))
    }

    /// The year's support, when some member's ends within it: each member's monthly × the months
    /// left, or × 12 (`None`: all × 12).
    fn annual(&self) -> Result<Option<Money>> {
        if self.members.iter().all(|m| m.ends.is_none()) {
            return Ok(None);
        }
        let mut sum = Money::ZERO;
        for m in &self.members {
            if let Some(monthly) = m.monthly {
                let months = m.ends.map_or(12, |(_, n, _)| n);
                sum = sum.checked_add(monthly.checked_mul(months.into())?)?;
            }
        }
        Ok(Some(sum))
    }
}

/// The labour capacity the rules judged for a member, with why (民发〔2021〕43号第五条: age, and the
/// disabilities it names), in words: 无劳动能力（65周岁，60周岁以上）.
pub(crate) fn capacity_text(m: &Member<'_>) -> String {
    let disability = match (m.disability_grade, m.disability_type) {
        (Some(g), Some(t)) => format!("{g}级{}", t.label()),
        (Some(g), None) => format!("{g}级残疾（未登记类别）"),
        _ => String::new(),
    };
    let why = match m.capacity_basis {
        CapacityBasis::Given => "按登记".to_string(),
        CapacityBasis::Young(n) => format!("{}周岁，未满{n}周岁", m.age),
        CapacityBasis::Old(n) => format!("{}周岁，{n}周岁以上", m.age),
        CapacityBasis::Disability => format!("{disability}，民发〔2021〕43号第五条"),
        CapacityBasis::WorkingAge if disability.is_empty() => {
            format!("{}周岁，在劳动年龄内", m.age)
        }
        CapacityBasis::WorkingAge => format!(
            "{}周岁，在劳动年龄内，{disability}不在民发〔2021〕43号第五条所列之内{}",
            m.age,
            if m.labor_capacity_assumed {
                "（本计算器的假设）"
            } else {
                ""
            }
        ),
    };
    format!("{}（{why}）", m.labor_capacity.labor_label())
}

/// The first test in words when support continues for a member with labour capacity (第二十四条).
fn continues_words(m: &Member<'_>, why: Continues) -> String {
    match why {
        Continues::Minor(until) => format!(
            "{}周岁，有劳动能力，但特困人员中的未成年人可继续享有救助供养至{until}周岁（假定已是特困人员）",
            m.age
        ),
        Continues::AtSchool(s) => format!(
            "{}周岁，有劳动能力，但仍在{}就读，可继续享有救助供养",
            m.age,
            s.label()
        ),
    }
}

/// The three tests in words.
fn test_words(
    m: &Member<'_>,
    row: &TekunMember,
    standard: Money,
    minor_age: Option<u32>,
) -> Vec<String> {
    let no_means = row.own_monthly < standard;
    vec![
        match continues(m, minor_age) {
            _ if m.labor_capacity == Capacity::None => capacity_text(m),
            Some(why) => continues_words(m, why),
            None => match former_allowance_student(m, minor_age, row.orphan_allowance) {
                Some(s) => format!(
                    "{}周岁，有劳动能力（仍在{}就读，但未成年时领取的是基本生活费、不是特困人员，不按第二十四条继续供养）",
                    m.age,
                    s.label()
                ),
                None => "有劳动能力".into(),
            },
        },
        format!(
            "本人月收入 {} 元{}低保标准 {} 元/人·月",
            row.own_monthly.round_fen(),
            if no_means { "低于" } else { "不低于" },
            standard
        ),
        if m.has_supporter {
            "有能履行义务的法定赡养、抚养、扶养义务人".into()
        } else {
            "无法定赡养、抚养、扶养义务人或义务人无履行能力".into()
        },
    ]
}

/// One member's test and support in words; `floor` is the least a rural member receives.
fn member_steps(
    m: &Member<'_>,
    row: &TekunMember,
    (basic, floor): (Money, Option<Money>),
    e: &mut Explanation,
) {
    let tests = row.reasons.join("，");
    match (row.monthly, row.care) {
        (Some(monthly), Some(care)) => {
            let sum = basic.checked_add(care).unwrap_or(monthly);
            e.step(
                rules::TEKUN_MEMBER,
                format!(
                    "{}：{tests}；基本生活 {basic} 元 + {}照料护理费 {care} 元（{}）= {sum} 元/月。",
                    m.label,
                    care_label(m.self_care),
                    row.care_said
                ),
                Some(sum.to_fen_string()),
            );
            if !row.own_monthly.is_zero() {
                e.step(
                    rules::TEKUN_FULL_STANDARD,
                    format!(
                        "{}：本人月收入 {} 元不从基本生活费中扣减，按标准全额计发。",
                        m.label,
                        row.own_monthly.round_fen()
                    ),
                    None,
                );
            }
            if let (Some(raised), Some(floor)) = (row.raised_to, floor) {
                e.step(
                    rules::TEKUN_SUPPORT_FLOOR,
                    format!(
                        "低于农村分散供养特困人员供养标准 {} 元/人·年 ÷ 12 = {floor} 元/月：按 {raised} 元/月供养。",
                        floor.checked_mul(12.into()).unwrap_or(floor)
                    ),
                    Some(raised.to_fen_string()),
                );
            }
            if let Some((last, months, age)) = row.ends {
                let annual = monthly.checked_mul(months.into()).unwrap_or(monthly);
                e.step(
                    rules::ANNUAL_ENDS_WITHIN_YEAR,
                    format!(
                        "{}：救助供养至 {} 止（年满{age}周岁前一日），自测算日期起剩 {months} 个月（不足一月按一月计，本计算器的假设）：全年 = {monthly} 元 × {months} = {annual} 元。",
                        m.label,
                        format_date(last),
                    ),
                    Some(annual.to_fen_string()),
                );
            }
            e.reason(format!(
                "{}符合特困人员条件（{tests}），每月 {monthly} 元。",
                m.label
            ));
        }
        _ if row.orphan_allowance => allowance_step(m, row, e),
        _ => e.step(
            rules::TEKUN_MEMBER,
            format!("{}：{tests}：不符合特困人员条件。", m.label),
            None,
        ),
    }
}

/// The step of a member in the orphans' allowance, not also 特困 (第九条): by the choice a minor who
/// meets both makes (rule `tekun.orphanAllowanceChoice`), or as the allowance's own.
fn allowance_step(m: &Member<'_>, row: &TekunMember, e: &mut Explanation) {
    if row.choice {
        e.step(
            rules::TEKUN_ORPHAN_ALLOWANCE_CHOICE,
            format!(
                "{}：{}，也符合孤儿、事实无人抚养儿童条件，只享受一项基本生活保障：按已选{}基本生活费保障，不再认定为特困人员。",
                m.label,
                row.reasons.join("，"),
                m.care.map_or("孤儿", |c| c.label())
            ),
            None,
        );
    } else {
        e.step(
            rules::TEKUN_ORPHAN_ALLOWANCE,
            format!(
                "{}：已按{}领取基本生活费，不再认定为特困人员（只享受一项基本生活保障）。",
                m.label,
                m.care.map_or("孤儿", |c| c.label())
            ),
            None,
        );
    }
}

impl HouseholdProgramme for TekunFigures {
    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        r.rest_on(&a.standard_used);
        assess(h, a, r)
    }

    fn contribute(&self, a: &mut Assistance, used: Used) -> Result<()> {
        let monthly = self.total()?;
        let annual = match self.annual()? {
            Some(annual) => annual,
            None => monthly.checked_mul(12.into())?,
        };
        a.tekun = Some(Decided {
            members: (0..self.members.len())
                .filter(|i| self.members.get(*i).is_some_and(|m| m.eligible))
                .collect(),
            monthly,
            annual,
            // Rates of the standard, not a share of income: nothing below the fen to keep.
            annual_exact: annual,
            used,
            // Who is 特困 was decided with the standard (the test of means), before its amounts.
            members_used: a.standard_used,
        });
        // 低保 ran before (the registry's order): the two sets that decided who they cover, once.
        #[cfg(not(target_arch = "wasm32"))]
        {
            // Merged where it is kept (a set built apart and moved in is copied).
            a.them_used = a.dibao.as_ref().map(|d| d.members_used);
            if let Some(them) = &mut a.them_used {
                them.extend(&a.standard_used);
            }
        }
        Ok(())
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = self.members.iter().any(|m| m.eligible);
        Amounts::monthly_for(
            eligible,
            eligible.then(|| self.total()).transpose()?,
            self.annual()?,
        )
    }

    fn citations(&self) -> Citations {
        Citations::of(&["四(十)"])
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add(rules::TEKUN_OWN_INCOME);
        a.add_if(!self.published, rules::TEKUN_BASIC_STANDARD_MULTIPLE);
        let rows = || self.members.iter();
        a.add_if(
            self.floor.is_some() && rows().any(|m| m.eligible),
            rules::TEKUN_SUPPORT_FLOOR,
        );
        a.add_if(
            rows().any(|m| m.choice),
            rules::TEKUN_ORPHAN_ALLOWANCE_CHOICE,
        );
        a.add_if(
            rows().any(|m| m.eligible && !m.own_monthly.is_zero()),
            rules::TEKUN_FULL_STANDARD,
        );
        a.add_if(self.disability_assumed, rules::MEMBER_DISABILITY_TYPE);
        a.add_if(self.recorded_none, rules::MEMBER_LABOR_CAPACITY_RECORDED);
        a.add_if(
            self.at_school || self.former_allowance,
            rules::TEKUN_CONTINUES_AT_SCHOOL,
        );
        a.add_if(self.minor, rules::TEKUN_CONTINUES_MINOR);
        a.add_if(self.birthday_on_edge, rules::MEMBER_BIRTHDAY);
        a.add_if(
            self.members.iter().any(|m| m.ends.is_some()),
            rules::ANNUAL_ENDS_WITHIN_YEAR,
        );
        a
    }

    fn why(&self) -> Why {
        let eligible = self.members.iter().any(|m| m.eligible);
        let mut why = why![if eligible {
            Reason::TekunEligible
        } else {
            Reason::TekunNoneEligible
        }];
        if self.members.iter().any(|m| m.raised_to.is_some()) {
            why.push(Reason::TekunSupportFloor);
        }
        if self.members.iter().any(|m| m.orphan_allowance) {
            why.push(Reason::TekunOrphanAllowance);
        }
        if eligible {
            return why;
        }
        // The tests the others fail (the children in the orphans' allowance are not tested).
        let others = || self.members.iter().filter(|m| !m.orphan_allowance);
        let failed = [
            (Reason::TekunCapable, others().any(|m| m.fails.capable)),
            (Reason::TekunHasMeans, others().any(|m| m.fails.has_means)),
            (
                Reason::TekunHasSupporter,
                others().any(|m| m.fails.has_supporter),
            ),
        ];
        why.extend(failed.iter().filter(|(_, f)| *f).map(|(r, _)| *r));
        why
    }

    fn read_for_words(&mut self, h: &Household<'_>, r: &Reader<'_>) {
        for row in &mut self.members {
            if let Some(level) = row.care_level {
                row.care_said = r.said(care_spec(h.area, level), r.region());
            }
        }
    }

    fn explain(&mut self, h: &Household<'_>, a: &Assistance, e: &mut Explanation) {
        let (standard, multiple, basic) = (self.standard, self.multiple, self.basic_standard);
        let share = self.share;
        e.step(
            rules::TEKUN_OWN_INCOME,
            format!("“无生活来源”按本人收入判断：本人月收入 = 本人工资 ÷ 12 + 家庭经营、财产、转移、其他收入（不含不计入的收入）按人数平均的份额 {share} 元/人·月。"),
            Some(share.to_fen_string()),
        );
        let product = self.product;
        if self.published {
            e.step(
                rules::TEKUN_BASIC_STANDARD,
                format!("特困人员基本生活标准按当地公布数 {basic} 元/人·月（低保标准 {standard} 元/人·月 × {multiple} = {product}，公布数不按此推算）。"),
                Some(basic.to_fen_string()),
            );
        } else {
            e.step(
            rules::TEKUN_BASIC_STANDARD_MULTIPLE,
            if product == basic {
                format!("特困人员基本生活标准 = 低保标准 {standard} 元/人·月 × {multiple} = {basic} 元/人·月。")
            } else {
                format!("特困人员基本生活标准 = 低保标准 {standard} 元/人·月 × {multiple} = {product}，按当地公布口径向上取整为 {basic} 元/人·月，不低于 {multiple} 倍。")
            },
            Some(basic.to_fen_string()),
        );
        }
        let floor = self.floor;
        for (m, row) in h.members.iter().zip(self.members.iter_mut()) {
            row.reasons = test_words(m, row, standard, a.minor_age);
            row.labor_capacity_text = Some(capacity_text(m));
            if let (Some(why), true) = (continues(m, a.minor_age), row.eligible) {
                let rule = match why {
                    Continues::Minor(_) => RuleId::from(rules::TEKUN_CONTINUES_MINOR),
                    Continues::AtSchool(_) => RuleId::from(rules::TEKUN_CONTINUES_AT_SCHOOL),
                };
                e.step(
                    rule,
                    format!("{}：{}。", m.label, continues_words(m, why)),
                    None,
                );
            }
            if let (Some(s), false) = (
                former_allowance_student(m, a.minor_age, row.orphan_allowance),
                m.has_supporter,
            ) {
                e.step(
                    rules::TEKUN_CONTINUES_AT_SCHOOL,
                    format!(
                        "{}：{}周岁仍在{}就读，但未成年时领取的是{}基本生活费，依第九条不是特困人员，第二十四条的“继续享有”不适用；基本生活费年满{}周岁后已停发，按第五条重新认定：不在第五条所列，有劳动能力。",
                        m.label,
                        m.age,
                        s.label(),
                        m.care.map_or("孤儿", |c| c.label()),
                        a.minor_age.unwrap_or(18)
                    ),
                    None,
                );
            }
            member_steps(m, row, (basic, floor), e);
        }
        e.fact("基本生活标准", basic, "元/人·月", "basicStandard");
        for (j, m) in self.members.iter().enumerate() {
            if let Some(monthly) = m.monthly {
                e.fact(
                    format!("特困：{}", m.member),
                    monthly,
                    "元/月",
                    format!("members[{j}].monthly"),
                );
            }
        }
        if !self.members.iter().any(|m| m.eligible) {
            e.reason(Reason::TekunNoneEligible.text());
        }
    }
}
