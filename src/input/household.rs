//! The household as a member of staff types it in (`Household`, `Member` in docs/api.md), and its reader.
//!
//! Money is a decimal string or a finite number with at most two decimal places; dates are
//! `YYYY-MM-DD` (checked with the household, against the date of the calculation); `null` means
//! absent. The checked household the programmes use is [`crate::input::model::Household`].

use tsify::Tsify;

use super::{member_path, one_of, Collect, MoneyInput, Obj};
use crate::base::error::{PolicyError, Result};
use crate::base::json::Node;

#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Household")]
pub struct HouseholdInput {
    /// The caller's own reference, echoed in every result and batch item (up to 200 characters).
    #[serde(rename = "ref")]
    #[tsify(optional)]
    pub reference: Option<String>,
    /// 6-digit code of the county (县、县级市、市辖区), e.g. "230129" 延寿县. A city's code
    /// ("230100" 哈尔滨) is accepted only while no county figure is needed: the minimum wage,
    /// for the employment deduction of a member with wages, is a county's, so such a household
    /// needs its county's code.
    pub region: String,
    #[tsify(optional)]
    pub area: Option<Area>,
    #[tsify(optional)]
    pub status: Option<HouseholdStatus>,
    /// The category a monitored household is registered under (for `monitored` and `returned`).
    #[tsify(optional)]
    pub monitoring_category: Option<Category>,
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
    /// The house: its safety appraisal (农村房屋安全性鉴定), when one was made. Default: none recorded.
    #[tsify(optional, type = "HousingInput")]
    pub housing: Option<HousingInput>,
}

/// The household's house (`housing` of a household).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "HousingInput")]
pub struct HousingInput {
    /// 农村房屋安全性鉴定等级: A and B safe, C 局部危险 (repair), D 整体危险 (rebuild). Default: not
    /// appraised.
    #[tsify(optional)]
    pub appraisal: Option<Appraisal>,
}

#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Member")]
pub struct MemberInput {
    /// How answers name the member (`member` fields, explanations); without one, by its place:
    /// `#1`, `#2` …, explained or not.
    #[tsify(optional)]
    pub id: Option<String>,
    pub birth_date: String,
    /// 残疾等级. With `disabilityType` it decides 重度残疾人 (民发〔2021〕57号: grades 1 and 2, and grade
    /// 3 智力 or 精神) and the default labour capacity (民发〔2021〕43号第五条).
    #[tsify(optional, type = "1 | 2 | 3 | 4")]
    pub disability_grade: Option<u8>,
    #[tsify(optional)]
    pub serious_illness: Option<bool>,
    /// Default (民发〔2021〕43号第五条): 'none' aged 60 or over, under 16, or with 智力 or 精神残疾
    /// grades 1–3, 肢体残疾 grades 1–2 or 视力残疾 grade 1; else 'full'. A grade without a type counts
    /// at grades 1–2 and is listed as an assumption.
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
    /// Where the wages are earned; default the household's region. A code of another province is
    /// accepted (with `workMinimumWage`, or else the household's own minimum-wage tier is used).
    #[tsify(optional)]
    pub work_region: Option<String>,
    /// The monthly minimum wage of a place of work outside the province (yuan), for the 低保
    /// employment-cost deduction; only with a `workRegion` outside the province.
    #[tsify(optional, type = "Money")]
    pub work_minimum_wage: Option<MoneyInput>,
    #[tsify(optional)]
    pub schooling: Option<Schooling>,
    #[tsify(optional)]
    pub boarding: Option<bool>,
    /// Insured under 城乡居民基本医疗保险 (or another basic medical insurance) this year; default true.
    #[tsify(optional)]
    pub insured: Option<bool>,
    /// A child who is an orphan (raised in an institution or dispersed, with relatives or foster
    /// carers) or 事实无人抚养; default none.
    #[tsify(optional)]
    pub care: Option<Care>,
    /// The kind of disability (残疾类别), with or without a certified grade; default none.
    #[tsify(optional)]
    pub disability_type: Option<DisabilityType>,
    /// Exempt from school for health reasons (因身体原因不具备学习条件); default false.
    #[tsify(optional)]
    pub health_exempt_from_school: Option<bool>,
}

/// 农村房屋安全性鉴定等级 (A, B safe; C 局部危险; D 整体危险).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub enum Appraisal {
    A,
    B,
    C,
    D,
}

crate::base::serialize_by_id!(Appraisal, serde_ids_appraisal {
    A => "A",
    B => "B",
    C => "C",
    D => "D",
});

impl Appraisal {
    pub fn label(self) -> &'static str {
        match self {
            Appraisal::A => "A级（安全）",
            Appraisal::B => "B级（基本安全）",
            Appraisal::C => "C级（局部危险）",
            Appraisal::D => "D级（整体危险）",
        }
    }
}

/// 孤儿（集中养育、社会散居）、事实无人抚养儿童.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Care {
    /// An orphan raised in a welfare institution (集中养育).
    OrphanInstitution,
    /// An orphan living with relatives or foster carers (社会散居).
    OrphanDispersed,
    /// 事实无人抚养儿童.
    DefactoUnsupported,
}

crate::base::serialize_by_id!(Care, serde_ids_care {
    OrphanInstitution => "orphanInstitution",
    OrphanDispersed => "orphanDispersed",
    DefactoUnsupported => "defactoUnsupported",
});

impl Care {
    pub fn label(self) -> &'static str {
        match self {
            Care::OrphanInstitution => "集中养育孤儿",
            Care::OrphanDispersed => "社会散居孤儿",
            Care::DefactoUnsupported => "事实无人抚养儿童",
        }
    }
}

/// 残疾类别 (GB/T 26341), and 孤独症 as the child rehabilitation rules name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum DisabilityType {
    Visual,
    Hearing,
    Speech,
    Physical,
    Intellectual,
    Mental,
    Autism,
    Multiple,
}

crate::base::serialize_by_id!(DisabilityType, serde_ids_disability_type {
    Visual => "visual",
    Hearing => "hearing",
    Speech => "speech",
    Physical => "physical",
    Intellectual => "intellectual",
    Mental => "mental",
    Autism => "autism",
    Multiple => "multiple",
});

impl DisabilityType {
    pub fn label(self) -> &'static str {
        match self {
            DisabilityType::Visual => "视力残疾",
            DisabilityType::Hearing => "听力残疾",
            DisabilityType::Speech => "言语残疾",
            DisabilityType::Physical => "肢体残疾",
            DisabilityType::Intellectual => "智力残疾",
            DisabilityType::Mental => "精神残疾",
            DisabilityType::Autism => "孤独症",
            DisabilityType::Multiple => "多重残疾",
        }
    }
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
    /// Income 民发〔2021〕57号 does not count for 低保 (优待抚恤金, 奖励性补助, 社会救助款物, the
    /// basic resident pension's 基础养老金 during the 十四五 period): recorded, shown, not counted.
    #[tsify(optional, type = "Money")]
    pub exempt: Option<MoneyInput>,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Area {
    Rural,
    Urban,
}

crate::base::serialize_by_id!(Area, serde_ids_area {
    Rural => "rural",
    Urban => "urban",
});

/// 一般农户 | 脱贫户 | 已纳入防返贫监测 | 已认定返贫致贫（也在监测中）
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum HouseholdStatus {
    General,
    Alleviated,
    Monitored,
    Returned,
}

crate::base::serialize_by_id!(HouseholdStatus, serde_ids_household_status {
    General => "general",
    Alleviated => "alleviated",
    Monitored => "monitored",
    Returned => "returned",
});

impl HouseholdStatus {
    /// Under 防返贫监测: monitored, or identified as 返贫致贫 (who are monitored too).
    pub fn monitored(self) -> bool {
        matches!(self, HouseholdStatus::Monitored | HouseholdStatus::Returned)
    }
    /// 脱贫户, or under monitoring (the groups many measures of the text name together).
    pub fn alleviated_or_monitored(self) -> bool {
        self == HouseholdStatus::Alleviated || self.monitored()
    }
}

/// The monitoring categories of 二(二): 脱贫不稳定户, 边缘易致贫户, 突发严重困难户.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Category {
    /// 脱贫不稳定户
    Unstable,
    /// 边缘易致贫户
    Marginal,
    /// 突发严重困难户
    SuddenHardship,
}

crate::base::serialize_by_id!(Category, serde_ids_category {
    Unstable => "unstable",
    Marginal => "marginal",
    SuddenHardship => "suddenHardship",
});

impl Category {
    pub const ALL: [Category; 3] = [
        Category::Unstable,
        Category::Marginal,
        Category::SuddenHardship,
    ];
    /// The serialised name ('marginal').
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Unstable => "unstable",
            Category::Marginal => "marginal",
            Category::SuddenHardship => "suddenHardship",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Category::Unstable => "脱贫不稳定户",
            Category::Marginal => "边缘易致贫户",
            Category::SuddenHardship => "突发严重困难户",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Capacity {
    Full,
    Partial,
    None,
}

crate::base::serialize_by_id!(Capacity, serde_ids_capacity {
    Full => "full",
    Partial => "partial",
    None => "none",
});

impl Capacity {
    /// As a member's 劳动能力.
    pub fn labor_label(self) -> &'static str {
        match self {
            Capacity::Full => "有劳动能力",
            Capacity::Partial => "部分丧失劳动能力",
            Capacity::None => "无劳动能力",
        }
    }
    /// As a member's 生活自理能力.
    pub fn self_care_label(self) -> &'static str {
        match self {
            Capacity::Full => "具备生活自理能力",
            Capacity::Partial => "部分丧失生活自理能力",
            Capacity::None => "完全丧失生活自理能力",
        }
    }
}

/// `disabilityGrade` values and their labels (grades 1 and 2 are 重度).
pub const DISABILITY_GRADES: &[(&str, &str)] = &[
    ("1", "一级（重度）"),
    ("2", "二级（重度）"),
    ("3", "三级"),
    ("4", "四级"),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Event {
    Illness,
    Disaster,
    Accident,
    FamilyChange,
}

crate::base::serialize_by_id!(Event, serde_ids_event {
    Illness => "illness",
    Disaster => "disaster",
    Accident => "accident",
    FamilyChange => "familyChange",
});

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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Schooling {
    Preschool,
    Primary,
    Junior,
    Senior,
    Vocational,
    /// 高职 (higher vocational college).
    HigherVocational,
    College,
}

crate::base::serialize_by_id!(Schooling, serde_ids_schooling {
    Preschool => "preschool",
    Primary => "primary",
    Junior => "junior",
    Senior => "senior",
    Vocational => "vocational",
    HigherVocational => "higherVocational",
    College => "college",
});

impl Schooling {
    pub fn label(self) -> &'static str {
        match self {
            Schooling::Preschool => "学前",
            Schooling::Primary => "小学",
            Schooling::Junior => "初中",
            Schooling::Senior => "高中",
            Schooling::Vocational => "中职",
            Schooling::HigherVocational => "高职",
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
            HouseholdStatus::Returned => "已认定返贫致贫",
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

/// The Chinese name of every field of a household and a member, for messages at a field.
pub const FIELD_LABELS: &[(&str, &str)] = &[
    ("ref", "编号"),
    ("region", "地区"),
    ("area", "城乡"),
    ("status", "户类型"),
    ("monitoringCategory", "监测类别"),
    ("members", "家庭成员"),
    ("income", "家庭年收入"),
    ("business", "经营净收入"),
    ("property", "财产净收入"),
    ("transfer", "转移净收入"),
    ("other", "其他收入"),
    ("exempt", "不计入低保的收入"),
    ("lastYearIncome", "上年家庭收入"),
    ("rigidSpending", "刚性支出"),
    ("assetTestPassed", "财产状况核查"),
    ("guarantees", "“两不愁三保障”及饮水安全"),
    ("food", "不愁吃"),
    ("clothing", "不愁穿"),
    ("education", "义务教育有保障"),
    ("medical", "基本医疗有保障"),
    ("housing", "住房安全有保障"),
    ("water", "饮水安全有保障"),
    ("events", "突发事件"),
    ("stableIncomeMonths", "收入稳定超过监测标准的月数"),
    ("onDibao", "正在领取低保"),
    ("dibaoMonthly", "现领低保金（每月）"),
    ("incomeChangeDate", "收入增加的日期"),
    ("id", "姓名或称谓"),
    ("birthDate", "出生日期"),
    ("disabilityGrade", "残疾等级"),
    ("seriousIllness", "患重病"),
    ("laborCapacity", "劳动能力"),
    ("selfCare", "生活自理能力"),
    ("hasSupporter", "有能履行义务的法定赡养、抚养、扶养义务人"),
    ("wages", "年工资收入"),
    ("workRegion", "务工地"),
    ("workMinimumWage", "务工地月最低工资"),
    ("schooling", "在校学段"),
    ("boarding", "寄宿"),
    ("insured", "参加基本医疗保险"),
    ("care", "孤儿或事实无人抚养儿童"),
    ("disabilityType", "残疾类别"),
    ("healthExemptFromSchool", "因身体原因不具备学习条件"),
    ("appraisal", "房屋安全性鉴定等级"),
];

pub const AREAS: &[(&str, Area)] = &[("rural", Area::Rural), ("urban", Area::Urban)];
pub const STATUSES: &[(&str, HouseholdStatus)] = &[
    ("general", HouseholdStatus::General),
    ("alleviated", HouseholdStatus::Alleviated),
    ("monitored", HouseholdStatus::Monitored),
    ("returned", HouseholdStatus::Returned),
];
pub const CATEGORIES: &[(&str, Category)] = &[
    ("unstable", Category::Unstable),
    ("marginal", Category::Marginal),
    ("suddenHardship", Category::SuddenHardship),
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
pub const APPRAISALS: &[(&str, Appraisal)] = &[
    ("A", Appraisal::A),
    ("B", Appraisal::B),
    ("C", Appraisal::C),
    ("D", Appraisal::D),
];
pub const CARES: &[(&str, Care)] = &[
    ("orphanInstitution", Care::OrphanInstitution),
    ("orphanDispersed", Care::OrphanDispersed),
    ("defactoUnsupported", Care::DefactoUnsupported),
];
pub const DISABILITY_TYPES: &[(&str, DisabilityType)] = &[
    ("visual", DisabilityType::Visual),
    ("hearing", DisabilityType::Hearing),
    ("speech", DisabilityType::Speech),
    ("physical", DisabilityType::Physical),
    ("intellectual", DisabilityType::Intellectual),
    ("mental", DisabilityType::Mental),
    ("autism", DisabilityType::Autism),
    ("multiple", DisabilityType::Multiple),
];
pub const SCHOOLING: &[(&str, Schooling)] = &[
    ("preschool", Schooling::Preschool),
    ("primary", Schooling::Primary),
    ("junior", Schooling::Junior),
    ("senior", Schooling::Senior),
    ("vocational", Schooling::Vocational),
    ("higherVocational", Schooling::HigherVocational),
    ("college", Schooling::College),
];

const HOUSEHOLD_FIELDS: &[&str] = &[
    "ref",
    "region",
    "area",
    "status",
    "monitoringCategory",
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
    "housing",
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
    "workMinimumWage",
    "schooling",
    "boarding",
    "insured",
    "care",
    "disabilityType",
    "healthExemptFromSchool",
];
const GUARANTEES: &[&str] = &[
    "food",
    "clothing",
    "education",
    "medical",
    "housing",
    "water",
];

/// The household's region: a region that is not a code string (`230129` as a number) is
/// `INVALID_REGION`, as `transition(asOf, 230129)` says, like an unknown code.
fn region(h: &Obj<'_, '_>) -> Result<String> {
    h.required_str("region").map_err(|e| match h.get("region") {
        Some(_) => PolicyError {
            code: crate::base::error::ErrorCode::InvalidRegion,
            ..e
        },
        None => e,
    })
}

impl HouseholdInput {
    /// A household from JSON text.
    pub fn from_json(text: &str) -> Result<HouseholdInput> {
        HouseholdInput::read(&super::parse(text, "家庭数据")?)
    }

    /// A household from a parsed JSON value; every problem is in the error's `problems`.
    pub fn read(node: &Node<'_>) -> Result<HouseholdInput> {
        let (h, c) = HouseholdInput::read_all(node);
        c.into_result(h)
    }

    /// As much of a household as could be read, and every problem found (so a form can mark every
    /// bad field at once, and the checks that need a date can still run on the rest).
    pub fn read_all(node: &Node<'_>) -> (HouseholdInput, Collect) {
        let mut c = Collect::default();
        let h = match Obj::open(node, "", "家庭", HOUSEHOLD_FIELDS, &mut c) {
            Ok(h) => h,
            Err(e) => {
                c.push(e);
                return (HouseholdInput::default(), c);
            }
        };
        let members = read_members(&h, &mut c);
        let income = c.opt(h.object(
            "income",
            &["business", "property", "transfer", "other", "exempt"],
        ));
        let income = income.map(|o| IncomeInput {
            business: c.opt(o.money("business")),
            property: c.opt(o.money("property")),
            transfer: c.opt(o.money("transfer")),
            other: c.opt(o.money("other")),
            exempt: c.opt(o.money("exempt")),
        });
        let guarantees = c
            .opt(h.object("guarantees", GUARANTEES))
            .map(|o| GuaranteesInput {
                food: c.opt(o.bool("food")),
                clothing: c.opt(o.bool("clothing")),
                education: c.opt(o.bool("education")),
                medical: c.opt(o.bool("medical")),
                housing: c.opt(o.bool("housing")),
                water: c.opt(o.bool("water")),
            });
        let events = read_events(&h, &mut c);
        let status = c.opt(h.choice("status", STATUSES));
        let monitoring_category = c.opt(h.choice("monitoringCategory", CATEGORIES));
        if monitoring_category.is_some() && !status.is_some_and(HouseholdStatus::monitored) {
            c.push(PolicyError::invalid_input(
                "monitoringCategory",
                "只有户类型为“已纳入防返贫监测”或“已认定返贫致贫”的家庭才有登记的监测类别",
            ));
        }
        let input = HouseholdInput {
            reference: c.take(reference(&h)).flatten(),
            region: c.take(region(&h)).unwrap_or_default(),
            area: c.opt(h.choice("area", AREAS)),
            status,
            monitoring_category,
            members,
            income,
            last_year_income: c.opt(h.money("lastYearIncome")),
            rigid_spending: c.opt(h.money("rigidSpending")),
            asset_test_passed: c.opt(h.bool("assetTestPassed")),
            guarantees,
            events,
            stable_income_months: c.opt(h.count("stableIncomeMonths")),
            on_dibao: c.opt(h.bool("onDibao")),
            dibao_monthly: c.opt(h.money("dibaoMonthly")),
            income_change_date: c.opt(h.str("incomeChangeDate")),
            housing: c
                .opt(h.object("housing", &["appraisal"]))
                .map(|o| HousingInput {
                    appraisal: c.opt(o.choice("appraisal", APPRAISALS)),
                }),
        };
        (input, c)
    }
}

/// The household's members, each read as far as it can be.
fn read_members(h: &Obj<'_, '_>, c: &mut Collect) -> Vec<MemberInput> {
    match h.get("members") {
        Some(Node::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, m)| MemberInput::read_all(m, i, c))
            .collect(),
        Some(_) => {
            c.push(PolicyError::invalid_input(
                "members",
                "members 应为成员数组",
            ));
            Vec::new()
        }
        None => {
            c.push(PolicyError::invalid_input(
                "members",
                "缺少必填字段“members”（家庭成员）",
            ));
            Vec::new()
        }
    }
}

/// The household's events, if given: each one of [`EVENTS`].
fn read_events(h: &Obj<'_, '_>, c: &mut Collect) -> Option<Vec<Event>> {
    match h.get("events") {
        Some(Node::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    // The path is written only for a wrong event.
                    let event = one_of(e, "", EVENTS).map_err(|e| e.under(&format!("events[{i}]")));
                    c.take(event)
                })
                .collect(),
        ),
        Some(_) => {
            c.push(PolicyError::invalid_input(
                "events",
                "events 应为数组，如 [\"illness\"]",
            ));
            None
        }
        None => None,
    }
}

/// The caller's reference: any string up to 200 characters.
fn reference(h: &Obj<'_, '_>) -> Result<Option<String>> {
    let r = h.str("ref")?;
    if r.as_ref().is_some_and(|r| r.chars().count() > 200) {
        return Err(PolicyError::invalid_input("ref", "ref 最多 200 个字符"));
    }
    Ok(r)
}

/// A household's `ref`, read leniently from whatever arrived (for the error item of a batch).
pub fn reference_of(node: &Node<'_>) -> Option<String> {
    node.get("ref")
        .and_then(Node::as_str)
        .filter(|r| r.chars().count() <= 200)
        .map(str::to_string)
}

impl MemberInput {
    /// As much of member `index` as could be read; problems go to `c`, under its path.
    fn read_all(node: &Node<'_>, index: usize, c: &mut Collect) -> MemberInput {
        let m = match Obj::open(node, member_path(index), "成员", MEMBER_FIELDS, c) {
            Ok(m) => m,
            Err(e) => {
                c.push(e);
                return MemberInput::default();
            }
        };
        // Not a whole number: the same words as one out of range (a register's 五级 too).
        let grade = m.count("disabilityGrade").map_err(|e| {
            PolicyError::invalid_input(e.path, "“disabilityGrade”应为 1 到 4（一级到四级）")
        });
        let disability_grade = match c.opt(grade) {
            Some(g @ 1..=4) => u8::try_from(g).ok(),
            Some(g) => {
                c.push(PolicyError::invalid_input(
                    m.at("disabilityGrade"),
                    format!("残疾等级应为 1、2、3 或 4，而不是 {g}"),
                ));
                None
            }
            None => None,
        };
        MemberInput {
            id: c.opt(m.str("id")),
            birth_date: c.take(m.required_str("birthDate")).unwrap_or_default(),
            disability_grade,
            serious_illness: c.opt(m.bool("seriousIllness")),
            labor_capacity: c.opt(m.choice("laborCapacity", CAPACITIES)),
            self_care: c.opt(m.choice("selfCare", CAPACITIES)),
            has_supporter: c.opt(m.bool("hasSupporter")),
            wages: c.opt(m.money("wages")),
            work_region: c.opt(m.str("workRegion")),
            work_minimum_wage: c.opt(m.money("workMinimumWage")),
            schooling: c.opt(m.choice("schooling", SCHOOLING)),
            boarding: c.opt(m.bool("boarding")),
            insured: c.opt(m.bool("insured")),
            care: c.opt(m.choice("care", CARES)),
            disability_type: c.opt(m.choice("disabilityType", DISABILITY_TYPES)),
            health_exempt_from_school: c.opt(m.bool("healthExemptFromSchool")),
        }
    }
}
