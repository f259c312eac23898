//! The household: what a member of staff types in (API.md `Household`), checked into a form the
//! programs can trust.
//!
//! Input is read strictly from JSON (JavaScript values cross the boundary as JSON text, so both
//! builds read the same thing): unknown fields are refused, to catch typos, and every error has a
//! code, the path of the field (`members[2].birthDate`) and a Chinese message. Money is a decimal
//! string or a finite number with at most two decimal places; dates are `YYYY-MM-DD`; `null` means
//! absent.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value as Json;
use tsify::Tsify;

use crate::calendar::{age_on, format_date, parse_date};
use crate::error::{PolicyError, Result};
use crate::input::{one_of, Obj};
use crate::money::Money;
use crate::params::{catalogue as p, ParameterSet, Reader, Region};

/// The most members a household may have.
pub const MAX_MEMBERS: usize = 30;

// ---------------------------------------------------------------------------------------------
// Input shapes (camelCase, as JavaScript sends them)

#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Household")]
pub struct HouseholdInput {
    /// 6-digit administrative code, e.g. "230100" 哈尔滨; county codes allowed.
    pub region: String,
    #[tsify(optional)]
    pub area: Option<Area>,
    #[tsify(optional)]
    pub status: Option<HouseholdStatus>,
    /// 1 to 30 members.
    #[tsify(type = "Member[]")]
    pub members: Vec<MemberInput>,
    /// Annual, whole household, yuan; wages are per member.
    #[tsify(optional, type = "Income")]
    pub income: Option<IncomeInput>,
    /// Household total income last year, to detect a sharp fall.
    #[tsify(optional, type = "Money")]
    pub last_year_income: Option<MoneyInput>,
    /// Annual out-of-pocket spending on illness, schooling, disaster, accident.
    #[tsify(optional, type = "Money")]
    pub rigid_spending: Option<MoneyInput>,
    /// Property conditions checked by staff; default true.
    #[tsify(optional)]
    pub asset_test_passed: Option<bool>,
    #[tsify(optional, type = "Guarantees")]
    pub guarantees: Option<GuaranteesInput>,
    #[tsify(optional)]
    pub events: Option<Vec<Event>>,
    /// Months the per-capita income has been stably above the monitoring line (risk elimination).
    #[tsify(optional)]
    pub stable_income_months: Option<u32>,
    /// The household receives 低保 now (for the 渐退 gradual exit).
    #[tsify(optional)]
    pub on_dibao: Option<bool>,
    /// The monthly 低保 it receives now; kept during the 渐退 period.
    #[tsify(optional, type = "Money")]
    pub dibao_monthly: Option<MoneyInput>,
    /// When the higher income was found (start of the 渐退 period); default `asOf`.
    #[tsify(optional)]
    pub income_change_date: Option<String>,
}

#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Member")]
pub struct MemberInput {
    #[tsify(optional)]
    pub id: Option<String>,
    pub birth_date: String,
    /// 1 and 2 are severe (重度).
    #[tsify(optional, type = "1 | 2 | 3 | 4")]
    pub disability_grade: Option<u8>,
    #[tsify(optional)]
    pub serious_illness: Option<bool>,
    /// Default: 'full' aged 16-59 without severe disability, else 'none'.
    #[tsify(optional)]
    pub labor_capacity: Option<Capacity>,
    /// For 特困 care standards; default 'full'.
    #[tsify(optional)]
    pub self_care: Option<Capacity>,
    /// A legal supporter able to support them; default true.
    #[tsify(optional)]
    pub has_supporter: Option<bool>,
    /// Annual wage income of this member.
    #[tsify(optional, type = "Money")]
    pub wages: Option<MoneyInput>,
    /// Where the wages are earned; default the household's region.
    #[tsify(optional)]
    pub work_region: Option<String>,
    #[tsify(optional)]
    pub schooling: Option<Schooling>,
    #[tsify(optional)]
    pub boarding: Option<bool>,
}

#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Income")]
pub struct IncomeInput {
    #[tsify(optional, type = "Money")]
    pub business: Option<MoneyInput>,
    #[tsify(optional, type = "Money")]
    pub property: Option<MoneyInput>,
    #[tsify(optional, type = "Money")]
    pub transfer: Option<MoneyInput>,
    #[tsify(optional, type = "Money")]
    pub other: Option<MoneyInput>,
}

/// 两不愁三保障 and drinking water: true = secured (the default).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Guarantees")]
pub struct GuaranteesInput {
    #[tsify(optional)]
    pub food: Option<bool>,
    #[tsify(optional)]
    pub clothing: Option<bool>,
    #[tsify(optional)]
    pub education: Option<bool>,
    #[tsify(optional)]
    pub medical: Option<bool>,
    #[tsify(optional)]
    pub housing: Option<bool>,
    #[tsify(optional)]
    pub water: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Area {
    Rural,
    Urban,
}

/// 一般农户 | 脱贫户 | 已纳入防返贫监测
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum HouseholdStatus {
    General,
    Alleviated,
    Monitored,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Capacity {
    Full,
    Partial,
    None,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Event {
    Illness,
    Disaster,
    Accident,
    FamilyChange,
}

impl Event {
    pub fn label(self) -> &'static str {
        match self {
            Event::Illness => "因病",
            Event::Disaster => "因灾",
            Event::Accident => "因意外事故",
            Event::FamilyChange => "家庭重大变故",
        }
    }
    pub fn id(self) -> &'static str {
        match self {
            Event::Illness => "illness",
            Event::Disaster => "disaster",
            Event::Accident => "accident",
            Event::FamilyChange => "familyChange",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum Schooling {
    Preschool,
    Primary,
    Junior,
    Senior,
    Vocational,
    College,
}

pub use crate::input::MoneyInput;

/// A household from JSON text.
pub fn household_from_json(text: &str) -> Result<HouseholdInput> {
    household_from_value(&crate::input::parse(text, "家庭数据")?)
}

/// A household from a parsed JSON value.
pub fn household_from_value(json: &Json) -> Result<HouseholdInput> {
    let h = Obj::new(
        json,
        "",
        "家庭",
        &[
            "region",
            "area",
            "status",
            "members",
            "income",
            "lastYearIncome",
            "rigidSpending",
            "assetTestPassed",
            "guarantees",
            "events",
            "stableIncomeMonths",
            "onDibao",
            "dibaoMonthly",
            "incomeChangeDate",
        ],
    )?;
    let members = match h.get("members") {
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, m)| member(m, &format!("members[{i}]")))
            .collect::<Result<Vec<_>>>()?,
        Some(_) => {
            return Err(PolicyError::invalid_input(
                "members",
                "members 应为成员数组",
            ))
        }
        None => {
            return Err(PolicyError::invalid_input(
                "members",
                "缺少必填字段“members”（家庭成员）",
            ))
        }
    };
    let income = match h.object("income", &["business", "property", "transfer", "other"])? {
        Some(o) => Some(IncomeInput {
            business: o.money("business")?,
            property: o.money("property")?,
            transfer: o.money("transfer")?,
            other: o.money("other")?,
        }),
        None => None,
    };
    let guarantees = match h.object(
        "guarantees",
        &[
            "food",
            "clothing",
            "education",
            "medical",
            "housing",
            "water",
        ],
    )? {
        Some(o) => Some(GuaranteesInput {
            food: o.bool("food")?,
            clothing: o.bool("clothing")?,
            education: o.bool("education")?,
            medical: o.bool("medical")?,
            housing: o.bool("housing")?,
            water: o.bool("water")?,
        }),
        None => None,
    };
    let events = match h.get("events") {
        Some(Json::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(i, e)| one_of(e, &format!("events[{i}]"), EVENTS))
                .collect::<Result<Vec<_>>>()?,
        ),
        Some(_) => {
            return Err(PolicyError::invalid_input(
                "events",
                "events 应为数组，如 [\"illness\"]",
            ))
        }
        None => None,
    };
    Ok(HouseholdInput {
        region: h.required_str("region")?,
        area: h.choice("area", &[("rural", Area::Rural), ("urban", Area::Urban)])?,
        status: h.choice(
            "status",
            &[
                ("general", HouseholdStatus::General),
                ("alleviated", HouseholdStatus::Alleviated),
                ("monitored", HouseholdStatus::Monitored),
            ],
        )?,
        members,
        income,
        last_year_income: h.money("lastYearIncome")?,
        rigid_spending: h.money("rigidSpending")?,
        asset_test_passed: h.bool("assetTestPassed")?,
        guarantees,
        events,
        stable_income_months: h.count("stableIncomeMonths")?,
        on_dibao: h.bool("onDibao")?,
        dibao_monthly: h.money("dibaoMonthly")?,
        income_change_date: h.str("incomeChangeDate")?,
    })
}

const CAPACITY: &[(&str, Capacity)] = &[
    ("full", Capacity::Full),
    ("partial", Capacity::Partial),
    ("none", Capacity::None),
];
const EVENTS: &[(&str, Event)] = &[
    ("illness", Event::Illness),
    ("disaster", Event::Disaster),
    ("accident", Event::Accident),
    ("familyChange", Event::FamilyChange),
];
const SCHOOLING: &[(&str, Schooling)] = &[
    ("preschool", Schooling::Preschool),
    ("primary", Schooling::Primary),
    ("junior", Schooling::Junior),
    ("senior", Schooling::Senior),
    ("vocational", Schooling::Vocational),
    ("college", Schooling::College),
];

fn member(json: &Json, path: &str) -> Result<MemberInput> {
    let m = Obj::new(
        json,
        path,
        "成员",
        &[
            "id",
            "birthDate",
            "disabilityGrade",
            "seriousIllness",
            "laborCapacity",
            "selfCare",
            "hasSupporter",
            "wages",
            "workRegion",
            "schooling",
            "boarding",
        ],
    )?;
    let disability_grade = match m.count("disabilityGrade")? {
        Some(g @ 1..=4) => Some(g as u8),
        Some(g) => {
            return Err(PolicyError::invalid_input(
                m.at("disabilityGrade"),
                format!("残疾等级应为 1、2、3 或 4，而不是 {g}"),
            ))
        }
        None => None,
    };
    Ok(MemberInput {
        id: m.str("id")?,
        birth_date: m.required_str("birthDate")?,
        disability_grade,
        serious_illness: m.bool("seriousIllness")?,
        labor_capacity: m.choice("laborCapacity", CAPACITY)?,
        self_care: m.choice("selfCare", CAPACITY)?,
        has_supporter: m.bool("hasSupporter")?,
        wages: m.money("wages")?,
        work_region: m.str("workRegion")?,
        schooling: m.choice("schooling", SCHOOLING)?,
        boarding: m.bool("boarding")?,
    })
}

// ---------------------------------------------------------------------------------------------
// The checked household

#[derive(Clone, Debug, PartialEq)]
pub struct Household<'p> {
    pub region: &'p Region,
    pub area: Area,
    pub status: HouseholdStatus,
    pub members: Vec<Member<'p>>,
    pub income: Income,
    pub last_year_income: Option<Money>,
    pub rigid_spending: Money,
    pub asset_test_passed: bool,
    pub guarantees: Guarantees,
    pub events: Vec<Event>,
    pub stable_income_months: u32,
    pub on_dibao: bool,
    pub dibao_monthly: Option<Money>,
    pub income_change_date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Income {
    pub business: Money,
    pub property: Money,
    pub transfer: Money,
    pub other: Money,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guarantees {
    pub food: bool,
    pub clothing: bool,
    pub education: bool,
    pub medical: bool,
    pub housing: bool,
    pub water: bool,
}

impl Guarantees {
    /// The unsecured items: (risk id, Chinese name).
    pub fn unsecured(&self) -> Vec<(&'static str, &'static str)> {
        [
            (self.food, "unsecuredFood", "不愁吃"),
            (self.clothing, "unsecuredClothing", "不愁穿"),
            (self.education, "unsecuredEducation", "义务教育有保障"),
            (self.medical, "unsecuredMedical", "基本医疗有保障"),
            (self.housing, "unsecuredHousing", "住房安全有保障"),
            (self.water, "unsecuredWater", "饮水安全有保障"),
        ]
        .into_iter()
        .filter(|(secured, _, _)| !secured)
        .map(|(_, id, name)| (id, name))
        .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'p> {
    /// The member's id, or 成员N (1-based) when none was given.
    pub label: String,
    pub index: usize,
    pub birth_date: NaiveDate,
    pub age: u32,
    pub disability_grade: Option<u8>,
    pub serious_illness: bool,
    pub labor_capacity: Capacity,
    /// Whether the labour capacity was given or is the default for age and disability.
    pub labor_capacity_given: bool,
    pub self_care: Capacity,
    pub has_supporter: bool,
    pub wages: Money,
    pub work_region: &'p Region,
    pub schooling: Option<Schooling>,
    pub boarding: bool,
}

impl Member<'_> {
    /// 重度残疾: grade 1 or 2.
    pub fn severely_disabled(&self) -> bool {
        matches!(self.disability_grade, Some(1 | 2))
    }
    pub fn path(&self) -> String {
        format!("members[{}]", self.index)
    }
}

impl<'p> Household<'p> {
    /// Check an input against the parameter set on `as_of`, for the household's region (already
    /// resolved from `input.region`). Reads the working-age parameters through `reader` (they
    /// decide default labour capacity), so the result can cite them.
    pub fn check(
        input: &HouseholdInput,
        set: &'p ParameterSet,
        region: &'p Region,
        reader: &mut Reader<'_>,
    ) -> Result<Household<'p>> {
        let as_of = reader.on();
        if input.members.is_empty() || input.members.len() > MAX_MEMBERS {
            return Err(PolicyError::out_of_range(
                "members",
                format!(
                    "家庭成员应为 1 到 {MAX_MEMBERS} 人，而不是 {} 人",
                    input.members.len()
                ),
            ));
        }
        let working_from = reader.count(&p::LABOR_WORKING_AGE_MIN)?;
        let working_to = reader.count(&p::LABOR_WORKING_AGE_MAX)?;
        let mut members = Vec::with_capacity(input.members.len());
        for (index, m) in input.members.iter().enumerate() {
            let path = format!("members[{index}]");
            members.push(
                check_member(m, index, set, region, as_of, (working_from, working_to))
                    .map_err(|e| e.under(&path))?,
            );
        }
        for (i, (m, given)) in members.iter().zip(&input.members).enumerate() {
            if given.id.is_some() && members.iter().take(i).any(|o| o.label == m.label) {
                return Err(PolicyError::invalid_input(
                    format!("members[{i}].id"),
                    format!("成员编号“{}”重复", m.label),
                ));
            }
        }
        let inc = input.income.clone().unwrap_or_default();
        let g = input.guarantees.clone().unwrap_or_default();
        let mut events = input.events.clone().unwrap_or_default();
        events.dedup();
        let income_change_date = match &input.income_change_date {
            Some(s) => {
                let d = parse_date(s, "incomeChangeDate")?;
                if d > as_of {
                    return Err(PolicyError::out_of_range(
                        "incomeChangeDate",
                        "收入变化日期不能晚于测算日期",
                    ));
                }
                Some(d)
            }
            None => None,
        };
        if input.stable_income_months.is_some_and(|m| m > 1200) {
            return Err(PolicyError::out_of_range(
                "stableIncomeMonths",
                "月数应在 0 到 1200 之间",
            ));
        }
        Ok(Household {
            region,
            area: input.area.unwrap_or(Area::Rural),
            status: input.status.unwrap_or(HouseholdStatus::General),
            members,
            income: Income {
                business: amount(inc.business),
                property: amount(inc.property),
                transfer: amount(inc.transfer),
                other: amount(inc.other),
            },
            last_year_income: input.last_year_income.map(|m| m.0),
            rigid_spending: amount(input.rigid_spending),
            asset_test_passed: input.asset_test_passed.unwrap_or(true),
            guarantees: Guarantees {
                food: g.food.unwrap_or(true),
                clothing: g.clothing.unwrap_or(true),
                education: g.education.unwrap_or(true),
                medical: g.medical.unwrap_or(true),
                housing: g.housing.unwrap_or(true),
                water: g.water.unwrap_or(true),
            },
            events,
            stable_income_months: input.stable_income_months.unwrap_or(0),
            on_dibao: input.on_dibao.unwrap_or(false),
            dibao_monthly: input.dibao_monthly.map(|m| m.0),
            income_change_date,
        })
    }

    /// Business + property + transfer + other + every member's wages (annual).
    pub fn total_income(&self) -> Result<Money> {
        let i = self.income;
        Money::sum(
            [i.business, i.property, i.transfer, i.other]
                .into_iter()
                .chain(self.members.iter().map(|m| m.wages)),
        )
    }

    pub fn size(&self) -> Decimal {
        Decimal::from(self.members.len())
    }
}

fn amount(m: Option<MoneyInput>) -> Money {
    m.map(|m| m.0).unwrap_or(Money::ZERO)
}

fn check_member<'p>(
    m: &MemberInput,
    index: usize,
    set: &'p ParameterSet,
    home: &'p Region,
    as_of: NaiveDate,
    working: (u32, u32),
) -> Result<Member<'p>> {
    let birth_date = parse_date(&m.birth_date, "birthDate")?;
    if birth_date > as_of {
        return Err(PolicyError::out_of_range(
            "birthDate",
            format!(
                "出生日期 {} 晚于测算日期 {}",
                m.birth_date,
                format_date(as_of)
            ),
        ));
    }
    let age = age_on(birth_date, as_of);
    if age > 150 {
        return Err(PolicyError::out_of_range(
            "birthDate",
            "年龄超过150岁，请检查出生日期",
        ));
    }
    if let Some(g) = m.disability_grade {
        if !(1..=4).contains(&g) {
            return Err(PolicyError::invalid_input(
                "disabilityGrade",
                format!("残疾等级应为 1、2、3 或 4，而不是 {g}"),
            ));
        }
    }
    let work_region = match &m.work_region {
        Some(code) => set.region_by_code(code, as_of, "workRegion")?,
        None => home,
    };
    if let Some(id) = &m.id {
        if id.trim().is_empty() || id.chars().count() > 64 {
            return Err(PolicyError::invalid_input(
                "id",
                "成员编号应为 1 到 64 个字符",
            ));
        }
    }
    let severe = matches!(m.disability_grade, Some(1 | 2));
    let default_capacity = if (working.0..=working.1).contains(&age) && !severe {
        Capacity::Full
    } else {
        Capacity::None
    };
    Ok(Member {
        label: m
            .id
            .clone()
            .unwrap_or_else(|| format!("成员{}", index.saturating_add(1))),
        index,
        birth_date,
        age,
        disability_grade: m.disability_grade,
        serious_illness: m.serious_illness.unwrap_or(false),
        labor_capacity: m.labor_capacity.unwrap_or(default_capacity),
        labor_capacity_given: m.labor_capacity.is_some(),
        self_care: m.self_care.unwrap_or(Capacity::Full),
        has_supporter: m.has_supporter.unwrap_or(true),
        wages: amount(m.wages),
        work_region,
        schooling: m.schooling,
        boarding: m.boarding.unwrap_or(false),
    })
}
