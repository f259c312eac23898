//! The columns of a CSV register: each with its English name, its one Chinese alias, what it feeds
//! in the household of the API, and the Chinese values it accepts besides the API's own.

/// What a column feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `household_id`: groups member rows into households.
    Id,
    /// Where the household is, for summaries (town, village): not sent to the engine.
    Place,
    /// A household field (`region`, `lastYearIncome`, …) as text, after translating the values.
    Household(&'static str),
    /// A field of the household's `income`.
    Income(&'static str),
    /// A household boolean.
    HouseholdBool(&'static str),
    /// A household whole number.
    HouseholdCount(&'static str),
    /// `events`: a list.
    Events,
    /// `unsecured`: the guarantees not secured (each `false` in `guarantees`).
    Unsecured,
    /// A member field as text.
    Member(&'static str),
    /// A member boolean.
    MemberBool(&'static str),
    /// `disability_grade`: a whole number 1-4.
    Grade,
    /// `housing_appraisal`: the household's `housing.appraisal`.
    HousingAppraisal,
}

impl Target {
    /// A household-level column (one value per household), as opposed to a member column.
    pub fn household_level(self) -> bool {
        !matches!(
            self,
            Target::Member(_) | Target::MemberBool(_) | Target::Grade
        )
    }
}

/// A column of the register.
#[derive(Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    /// Its Chinese header (one per column).
    pub alias: &'static str,
    pub target: Target,
    /// Chinese values accepted, each with the API value it stands for.
    pub values: &'static [(&'static str, &'static str)],
}

const BOOLEAN: &[(&str, &str)] = &[
    ("是", "true"),
    ("否", "false"),
    ("1", "true"),
    ("0", "false"),
];
const AREA: &[(&str, &str)] = &[("农村", "rural"), ("城市", "urban"), ("城镇", "urban")];
const STATUS: &[(&str, &str)] = &[
    ("一般户", "general"),
    ("一般农户", "general"),
    ("脱贫户", "alleviated"),
    ("监测户", "monitored"),
    ("监测对象", "monitored"),
    ("已纳入防返贫监测", "monitored"),
    ("返贫致贫户", "returned"),
    ("已认定返贫致贫", "returned"),
];
const CATEGORY: &[(&str, &str)] = &[
    ("脱贫不稳定户", "unstable"),
    ("边缘易致贫户", "marginal"),
    ("突发严重困难户", "suddenHardship"),
];
/// 劳动能力 as the national monitoring system records it, and plain words.
const LABOR: &[(&str, &str)] = &[
    ("有劳动能力", "full"),
    ("部分丧失劳动能力", "partial"),
    ("无劳动能力", "none"),
    ("普通劳动力", "full"),
    ("技能劳动力", "full"),
    ("完全", "full"),
    ("弱劳动力或半劳动力", "partial"),
    ("弱劳动力", "partial"),
    ("半劳动力", "partial"),
    ("部分", "partial"),
    ("丧失劳动力", "none"),
    ("无劳动力", "none"),
    ("无", "none"),
];
const SELF_CARE: &[(&str, &str)] = &[
    ("具备生活自理能力", "full"),
    ("完全自理", "full"),
    ("自理", "full"),
    ("部分自理", "partial"),
    ("半自理", "partial"),
    ("部分丧失生活自理能力", "partial"),
    ("完全不能自理", "none"),
    ("不能自理", "none"),
    ("全护理", "none"),
    ("完全丧失生活自理能力", "none"),
];
const SCHOOLING: &[(&str, &str)] = &[
    ("学前", "preschool"),
    ("学前教育", "preschool"),
    ("小学", "primary"),
    ("初中", "junior"),
    ("高中", "senior"),
    ("普通高中", "senior"),
    ("中职", "vocational"),
    ("高职", "higherVocational"),
    ("大专", "higherVocational"),
    ("专科", "higherVocational"),
    ("大学", "college"),
    ("本科", "college"),
];
const EVENTS: &[(&str, &str)] = &[
    ("因病", "illness"),
    ("因灾", "disaster"),
    ("因意外事故", "accident"),
    ("意外事故", "accident"),
    ("因意外", "accident"),
    ("家庭重大变故", "familyChange"),
    ("因家庭重大变故", "familyChange"),
    ("自然灾害", "disaster"),
];
/// 两不愁三保障 and drinking water.
const GUARANTEES: &[(&str, &str)] = &[
    ("吃", "food"),
    ("穿", "clothing"),
    ("义务教育", "education"),
    ("基本医疗", "medical"),
    ("住房安全", "housing"),
    ("饮水安全", "water"),
];
const GRADE: &[(&str, &str)] = &[
    ("一级", "1"),
    ("二级", "2"),
    ("三级", "3"),
    ("四级", "4"),
    ("一级（重度）", "1"),
    ("二级（重度）", "2"),
];
/// 农村房屋安全性鉴定等级.
const APPRAISAL: &[(&str, &str)] = &[
    ("A级", "A"),
    ("B级", "B"),
    ("C级", "C"),
    ("D级", "D"),
    ("A级（安全）", "A"),
    ("B级（基本安全）", "B"),
    ("C级（局部危险）", "C"),
    ("D级（整体危险）", "D"),
    ("a", "A"),
    ("b", "B"),
    ("c", "C"),
    ("d", "D"),
];
/// 孤儿（集中养育、社会散居）、事实无人抚养儿童.
const CARE: &[(&str, &str)] = &[
    ("集中养育孤儿", "orphanInstitution"),
    ("集中养育", "orphanInstitution"),
    ("社会散居孤儿", "orphanDispersed"),
    ("社会散居", "orphanDispersed"),
    ("事实无人抚养儿童", "defactoUnsupported"),
    ("事实无人抚养", "defactoUnsupported"),
];
/// 残疾类别 as the 残疾人证 writes them, and the short forms.
const DISABILITY: &[(&str, &str)] = &[
    ("视力残疾", "visual"),
    ("视力", "visual"),
    ("听力残疾", "hearing"),
    ("听力", "hearing"),
    ("言语残疾", "speech"),
    ("言语", "speech"),
    ("肢体残疾", "physical"),
    ("肢体", "physical"),
    ("智力残疾", "intellectual"),
    ("智力", "intellectual"),
    ("精神残疾", "mental"),
    ("精神", "mental"),
    ("孤独症", "autism"),
    ("多重残疾", "multiple"),
    ("多重", "multiple"),
];

macro_rules! columns {
    ($($name:literal $alias:literal $target:expr, $values:expr;)*) => {
        /// Every column, household columns first, in the order the documentation lists them.
        pub const COLUMNS: &[Column] = &[
            $(Column { name: $name, alias: $alias, target: $target, values: $values },)*
        ];
    };
}

columns! {
    "household_id"         "户编号"         Target::Id, &[];
    "ref"                  "参考编号"       Target::Household("ref"), &[];
    "region"               "地区代码"       Target::Household("region"), &[];
    "town"                 "乡镇"           Target::Place, &[];
    "village"              "村"             Target::Place, &[];
    "area"                 "城乡"           Target::Household("area"), AREA;
    "status"               "户类型"         Target::Household("status"), STATUS;
    "monitoring_category"  "监测类型"       Target::Household("monitoringCategory"), CATEGORY;
    "income_business"      "经营净收入"     Target::Income("business"), &[];
    "income_property"      "财产净收入"     Target::Income("property"), &[];
    "income_transfer"      "转移净收入"     Target::Income("transfer"), &[];
    "income_other"         "其他收入"       Target::Income("other"), &[];
    "income_exempt"        "不计入低保的收入" Target::Income("exempt"), &[];
    "last_year_income"     "上年家庭收入"   Target::Household("lastYearIncome"), &[];
    "rigid_spending"       "刚性支出"       Target::Household("rigidSpending"), &[];
    "asset_test_passed"    "财产核查通过"   Target::HouseholdBool("assetTestPassed"), BOOLEAN;
    "events"               "困难事件"       Target::Events, EVENTS;
    "unsecured"            "未保障事项"     Target::Unsecured, GUARANTEES;
    "stable_income_months" "收入稳定月数"   Target::HouseholdCount("stableIncomeMonths"), &[];
    "on_dibao"             "正在享受低保"   Target::HouseholdBool("onDibao"), BOOLEAN;
    "dibao_monthly"        "现享低保月额"   Target::Household("dibaoMonthly"), &[];
    "income_change_date"   "收入变化日期"   Target::Household("incomeChangeDate"), &[];
    "housing_appraisal"    "房屋安全性鉴定等级" Target::HousingAppraisal, APPRAISAL;
    "member_id"            "成员"           Target::Member("id"), &[];
    "birth_date"           "出生日期"       Target::Member("birthDate"), &[];
    "disability_grade"     "残疾等级"       Target::Grade, GRADE;
    "serious_illness"      "患重病"         Target::MemberBool("seriousIllness"), BOOLEAN;
    "labor_capacity"       "劳动能力"       Target::Member("laborCapacity"), LABOR;
    "self_care"            "自理能力"       Target::Member("selfCare"), SELF_CARE;
    "has_supporter"        "有赡养人"       Target::MemberBool("hasSupporter"), BOOLEAN;
    "wages"                "工资收入"       Target::Member("wages"), &[];
    "work_region"          "务工地区代码"   Target::Member("workRegion"), &[];
    "work_minimum_wage"    "务工地月最低工资" Target::Member("workMinimumWage"), &[];
    "schooling"            "就学阶段"       Target::Member("schooling"), SCHOOLING;
    "boarding"             "寄宿"           Target::MemberBool("boarding"), BOOLEAN;
    "insured"              "参加基本医疗保险" Target::MemberBool("insured"), BOOLEAN;
    "care"                 "孤儿或事实无人抚养儿童" Target::Member("care"), CARE;
    "disability_type"      "残疾类别"       Target::Member("disabilityType"), DISABILITY;
    "health_exempt_from_school" "因身体原因不具备学习条件" Target::MemberBool("healthExemptFromSchool"), BOOLEAN;
}

/// Words in the headers of what a register export carries about a person that no calculation
/// reads: identity numbers, telephone numbers, bank accounts, addresses. A column so headed is read
/// as if it were not there (said once in the run's summary, marked on the register page), and its
/// cells never reach any output, error messages included. Any other unknown header stops the run (a
/// misspelt column must not drop data) unless the officer passes `--ignore-columns`.
pub const PERSONAL_WORDS: &[&str] = &[
    "身份证",
    "身份号码",
    "公民身份",
    "证件号",
    "残疾人证",
    "电话",
    "手机",
    "联系方式",
    "银行卡",
    "银行账",
    "开户银行",
    "住址",
    "idcard",
    "id_card",
    "id_number",
    "idnumber",
    "phone",
    "mobile",
    "bank_account",
    "address",
];

/// Whether an unknown header names a personal detail no calculation reads ([`PERSONAL_WORDS`]).
pub fn personal(header: &str) -> bool {
    let h = header.trim().to_ascii_lowercase();
    column(&h).is_none()
        && PERSONAL_WORDS
            .iter()
            .any(|w| crate::base::bytes::contains(&h, w))
}

/// The column a header cell names (its English name, any ASCII case, or its Chinese alias).
pub fn column(header: &str) -> Option<&'static Column> {
    let h = header.trim();
    COLUMNS
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(h) || c.alias == h)
}

/// The column that feeds an API field (`birthDate` of a member, `region` or `business` of a
/// household), when there is one.
pub fn column_of_field(field: &str, member: bool) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| match c.target {
        Target::Member(k) | Target::MemberBool(k) => member && k == field,
        Target::Grade => member && field == "disabilityGrade",
        Target::Household(k)
        | Target::HouseholdBool(k)
        | Target::HouseholdCount(k)
        | Target::Income(k) => !member && k == field,
        Target::Events => !member && field == "events",
        Target::HousingAppraisal => !member && field == "appraisal",
        Target::Id | Target::Place | Target::Unsecured => false,
    })
}

/// The columns that hold a date.
const DATE_COLUMNS: &[&str] = &["birth_date", "income_change_date"];

impl Column {
    /// The Chinese values of the column, the first for each API value (`一般户、脱贫户、…`); `None`
    /// when it has none.
    pub fn chinese_values(&self) -> Option<String> {
        let mut seen: Vec<&str> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for (zh, api) in self.values {
            if !seen.contains(api) {
                seen.push(api);
                names.push(zh);
            }
        }
        (!names.is_empty()).then(|| names.join("、"))
    }

    /// The API value of a cell: a Chinese value translated, anything else as written.
    pub fn translate<'v>(&self, value: &'v str) -> &'v str {
        self.values
            .iter()
            .find(|(zh, _)| *zh == value)
            .map_or(value, |(_, api)| api)
    }

    /// [`Column::translate`], and a date as Excel on Chinese Windows writes it (`1980/3/4`,
    /// `1980-3-4`, `1980年3月4日`) as `1980-03-04`, as the staff page's form reads it; anything
    /// else as written, for the engine to judge.
    pub fn api_value<'v>(&self, value: &'v str) -> std::borrow::Cow<'v, str> {
        let v = self.translate(value);
        if DATE_COLUMNS.contains(&self.name) {
            if let Some(date) = crate::base::typed::typed_date(v) {
                return std::borrow::Cow::Owned(date);
            }
        }
        std::borrow::Cow::Borrowed(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_are_unique() {
        for (i, c) in COLUMNS.iter().enumerate() {
            for d in &COLUMNS[..i] {
                assert!(c.name != d.name && c.alias != d.alias && c.alias != d.name);
            }
            assert_eq!(column(c.alias), Some(c));
            assert_eq!(column(&c.name.to_uppercase()), Some(c));
        }
    }

    #[test]
    fn every_label_the_page_and_results_show_is_read_back() {
        // The staff page's choices and the results' words are labels(): a register typed with
        // them (劳动能力 “无劳动能力”, 城乡 “农村”) must read as the ids they stand for.
        let l = crate::estimate::labels::labels();
        for (column_name, map) in [
            ("area", &l.area),
            ("status", &l.status),
            ("monitoring_category", &l.category),
            ("events", &l.event),
            ("labor_capacity", &l.labor_capacity),
            ("self_care", &l.self_care),
            ("disability_grade", &l.disability_grade),
            ("schooling", &l.schooling),
            ("care", &l.care),
            ("disability_type", &l.disability_type),
            ("housing_appraisal", &l.appraisal),
        ] {
            let c = column(column_name).unwrap();
            for (id, label) in map.iter() {
                assert_eq!(c.translate(label), id, "{column_name}: {label}");
            }
        }
    }

    #[test]
    fn excel_dates_are_read_as_iso_dates() {
        let birth = column("出生日期").unwrap();
        assert_eq!(birth.api_value("1980/3/4"), "1980-03-04");
        assert_eq!(birth.api_value("1980-3-14"), "1980-03-14");
        assert_eq!(birth.api_value("1980/12/31"), "1980-12-31");
        // As the staff page's form reads dates: Chinese and full-width forms too.
        assert_eq!(birth.api_value("1980年3月4日"), "1980-03-04");
        assert_eq!(birth.api_value("1980/３/4"), "1980-03-04");
        assert_eq!(birth.api_value("1980.3.4"), "1980-03-04");
        // Not a date of that form: as written, for the engine to refuse with its reason.
        for v in [
            "1980/3",
            "80/3/4",
            "1980/3/4/5",
            "1980/123/4",
            "1980年3月",
            "三月四日",
        ] {
            assert_eq!(birth.api_value(v), v);
        }
        // Other columns are untouched.
        assert_eq!(column("成员").unwrap().api_value("1980/3/4"), "1980/3/4");
    }

    #[test]
    fn chinese_values_are_api_values() {
        use crate::input::household::{
            APPRAISALS, CAPACITIES, CARES, CATEGORIES, DISABILITY_TYPES, EVENTS as EV,
            SCHOOLING as SC, STATUSES,
        };
        let api = |t: &[(&str, &str)], known: &[&str]| {
            for (_, v) in t {
                assert!(known.contains(v), "{v}");
            }
        };
        fn names<T>(t: &[(&'static str, T)]) -> Vec<&'static str> {
            t.iter().map(|(n, _)| *n).collect()
        }
        api(STATUS, &names(STATUSES));
        api(CATEGORY, &names(CATEGORIES));
        api(LABOR, &names(CAPACITIES));
        api(SELF_CARE, &names(CAPACITIES));
        api(SCHOOLING, &names(SC));
        api(EVENTS, &names(EV));
        api(AREA, &["rural", "urban"]);
        api(APPRAISAL, &names(APPRAISALS));
        api(CARE, &names(CARES));
        api(DISABILITY, &names(DISABILITY_TYPES));
    }
}
