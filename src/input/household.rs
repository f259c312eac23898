//! The household as a member of staff types it in (API.md `Household`, `Member`), and its reader.
//!
//! Money is a decimal string or a finite number with at most two decimal places; dates are
//! `YYYY-MM-DD` (checked with the household, against the date of the calculation); `null` means
//! absent. The checked household the programmes use is [`crate::model::Household`].

use tsify::Tsify;

use super::json::Node;
use super::{one_of, MoneyInput, Obj};
use crate::error::{PolicyError, Result};

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

impl Schooling {
    pub fn label(self) -> &'static str {
        match self {
            Schooling::Preschool => "学前",
            Schooling::Primary => "小学",
            Schooling::Junior => "初中",
            Schooling::Senior => "高中",
            Schooling::Vocational => "中职",
            Schooling::College => "大学",
        }
    }
}

impl HouseholdStatus {
    pub fn label(self) -> &'static str {
        match self {
            HouseholdStatus::General => "一般农户",
            HouseholdStatus::Alleviated => "脱贫户",
            HouseholdStatus::Monitored => "已纳入防返贫监测",
        }
    }
}

impl Area {
    pub fn label(self) -> &'static str {
        match self {
            Area::Rural => "农村",
            Area::Urban => "城市",
        }
    }
}

pub const AREAS: &[(&str, Area)] = &[("rural", Area::Rural), ("urban", Area::Urban)];
pub const STATUSES: &[(&str, HouseholdStatus)] = &[
    ("general", HouseholdStatus::General),
    ("alleviated", HouseholdStatus::Alleviated),
    ("monitored", HouseholdStatus::Monitored),
];
pub const CAPACITIES: &[(&str, Capacity)] = &[
    ("full", Capacity::Full),
    ("partial", Capacity::Partial),
    ("none", Capacity::None),
];
pub const EVENTS: &[(&str, Event)] = &[
    ("illness", Event::Illness),
    ("disaster", Event::Disaster),
    ("accident", Event::Accident),
    ("familyChange", Event::FamilyChange),
];
pub const SCHOOLING: &[(&str, Schooling)] = &[
    ("preschool", Schooling::Preschool),
    ("primary", Schooling::Primary),
    ("junior", Schooling::Junior),
    ("senior", Schooling::Senior),
    ("vocational", Schooling::Vocational),
    ("college", Schooling::College),
];

const HOUSEHOLD_FIELDS: &[&str] = &[
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
];
const MEMBER_FIELDS: &[&str] = &[
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
];
const GUARANTEES: &[&str] = &[
    "food",
    "clothing",
    "education",
    "medical",
    "housing",
    "water",
];

impl HouseholdInput {
    /// A household from JSON text.
    pub fn from_json(text: &str) -> Result<HouseholdInput> {
        HouseholdInput::read(&super::parse(text, "家庭数据")?)
    }

    /// A household from a parsed JSON value.
    pub fn read(node: &Node<'_>) -> Result<HouseholdInput> {
        let h = Obj::new(node, "", "家庭", HOUSEHOLD_FIELDS)?;
        let members = match h.get("members") {
            Some(Node::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, m)| MemberInput::read(m, &format!("members[{i}]")))
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
        let guarantees = match h.object("guarantees", GUARANTEES)? {
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
            Some(Node::Array(items)) => Some(
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
            area: h.choice("area", AREAS)?,
            status: h.choice("status", STATUSES)?,
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
}

impl MemberInput {
    fn read(node: &Node<'_>, path: &str) -> Result<MemberInput> {
        let m = Obj::new(node, path, "成员", MEMBER_FIELDS)?;
        let disability_grade = match m.count("disabilityGrade")? {
            Some(g @ 1..=4) => u8::try_from(g).ok(),
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
            labor_capacity: m.choice("laborCapacity", CAPACITIES)?,
            self_care: m.choice("selfCare", CAPACITIES)?,
            has_supporter: m.bool("hasSupporter")?,
            wages: m.money("wages")?,
            work_region: m.str("workRegion")?,
            schooling: m.choice("schooling", SCHOOLING)?,
            boarding: m.bool("boarding")?,
        })
    }
}
