//! The checked household: what the programmes compute on. The input shapes and their reader are in
//! [`crate::input::household`]; here the input is checked against the parameter set on the date of
//! the calculation (dates, ages, regions, defaults that depend on parameters).

use std::cell::Cell;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::base::calendar::{age_on, format_date, parse_date};
use crate::base::error::{PolicyError, Result};
use crate::base::money::Money;
pub(crate) use crate::input::household::{
    Appraisal, Area, Capacity, Care, Category, DisabilityType, Event, HouseholdInput,
    HouseholdStatus, IncomeInput, MemberInput, Schooling,
};
use crate::input::Collect;
pub(crate) use crate::input::MoneyInput;
use crate::params::{catalogue as p, Kept, ParameterSet, Reader, Region, Spec};

/// The most members a household may have.
pub(crate) const MAX_MEMBERS: usize = 30;

/// How answers name a member: the id given, or its place (`#2`). Natively borrowed from
/// [`PLACE_LABELS`] when it is a place, so that naming a member without an id, and each copy of
/// the name a result keeps, allocates nothing (about 1,650 instructions a household). In the
/// module a plain `String`: there the `Cow`'s code costs 1.6 KB of the module's bytes, which
/// count more than its allocations.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Label = std::borrow::Cow<'static, str>;
#[cfg(target_arch = "wasm32")]
pub(crate) type Label = String;

/// `#1` … `#30` written once: most households give no ids, and every programme names members.
#[cfg(not(target_arch = "wasm32"))]
#[rustfmt::skip]
const PLACE_LABELS: [&str; MAX_MEMBERS] = [
    "#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8", "#9", "#10", "#11", "#12", "#13", "#14",
    "#15", "#16", "#17", "#18", "#19", "#20", "#21", "#22", "#23", "#24", "#25", "#26", "#27",
    "#28", "#29", "#30",
];

// ---------------------------------------------------------------------------------------------
// The checked household

#[derive(Clone, Debug, PartialEq)]
pub struct Household<'p> {
    /// The caller's reference, echoed in results.
    pub reference: Option<String>,
    pub region: &'p Region,
    pub area: Area,
    pub status: HouseholdStatus,
    /// The registered monitoring category (monitored households only).
    pub monitoring_category: Option<Category>,
    pub members: Vec<Member<'p>>,
    /// The working ages of 民发〔2021〕43号第五条 (parameters `labor.workingAgeMin` and `Max`), read
    /// by the check through the reader it returns: the programmes reading the household through
    /// that reader find them here instead of reading them again (it has recorded them already).
    pub working_ages: (u32, u32),
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
    /// The house's safety appraisal, when one was recorded.
    pub housing_appraisal: Option<Appraisal>,
    /// The date the members' ages are taken on: the date computed for, or, in a comparison of
    /// dates, the earlier one (see [`Lens`]). A payment ending at an age is counted from it.
    pub ages_on: NaiveDate,
    /// The sums of its income, once worked out (several programmes ask for them).
    pub(crate) sums: Sums,
}

/// A household's sums of income, each kept once worked out: [`Household::total_income`],
/// [`Household::per_capita_income`] and [`Household::counted_other`]. Their sums of decimals (and
/// the division) cost a few hundred instructions each time a programme asked again.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sums {
    total: Cell<Option<Money>>,
    per_capita: Cell<Option<Money>>,
    counted: Cell<Option<Money>>,
}

/// Kept sums are what the household's fields give: two households are alike whatever each kept.
impl PartialEq for Sums {
    fn eq(&self, _: &Sums) -> bool {
        true
    }
}

/// The value kept in `cell`, else `work()`'s, kept (an error is not: it is worked out again). In
/// the native tool; the module works each out again (its bytes count more than these
/// instructions: the kept sums cost it about 1,200 bytes).
fn kept(cell: &Cell<Option<Money>>, work: impl FnOnce() -> Result<Money>) -> Result<Money> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = cell;
        work()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if let Some(v) = cell.get() {
            return Ok(v);
        }
        let v = work()?;
        cell.set(Some(v));
        Ok(v)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Income {
    pub business: Money,
    pub property: Money,
    pub transfer: Money,
    pub other: Money,
    /// Not counted for 低保 or 特困 (民发〔2021〕57号第十三条), but income all the same.
    pub exempt: Money,
}

impl Income {
    /// Business, property, transfer and other income: what 低保 counts besides wages.
    pub fn counted(&self) -> Result<Money> {
        Money::sum([self.business, self.property, self.transfer, self.other])
    }
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

impl Household<'_> {
    /// The unsecured items of “两不愁三保障” and safe water: (risk id, Chinese name). 住房安全 is
    /// unsecured when registered so, or when the house is appraised C or D (局部危险、整体危险),
    /// whatever the registration says.
    pub fn unsecured(&self) -> Vec<(&'static str, &'static str)> {
        let house_unsafe = matches!(self.housing_appraisal, Some(Appraisal::C | Appraisal::D));
        Guarantees {
            housing: self.guarantees.housing && !house_unsafe,
            ..self.guarantees
        }
        .unsecured()
    }

    /// 脱贫人口 (四(十三)): a 脱贫户, a monitored household registered as 脱贫不稳定户, or one
    /// identified as 返贫致贫.
    pub fn alleviated_people(&self) -> bool {
        match self.status {
            HouseholdStatus::Alleviated | HouseholdStatus::Returned => true,
            HouseholdStatus::Monitored => self.monitoring_category == Some(Category::Unstable),
            HouseholdStatus::General => false,
        }
    }
}

impl Guarantees {
    /// The unsecured items as registered: (risk id, Chinese name).
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

/// Where a member earns their wages.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkPlace<'p> {
    /// A county, city or the province of the parameter set.
    Province(&'p Region),
    /// Outside the province: its 6-digit code, and the month's minimum wage there when the
    /// officer gave it (`workMinimumWage`).
    Outside {
        code: String,
        minimum_wage: Option<Money>,
    },
}

/// The first two digits of every province-level code of GB/T 2260 (省、自治区、直辖市、特别行政区、台湾).
const PROVINCE_PREFIXES: [u32; 34] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

/// A member's place of work: a region of the set, or a code of another province (the officer may
/// give its minimum wage; a minimum wage given for a place inside the province is refused, since the
/// province's table applies there).
fn work_place<'p>(
    m: &MemberInput,
    set: &'p ParameterSet,
    home: Option<&'p Region>,
    on: NaiveDate,
    c: &mut Collect,
) -> Option<WorkPlace<'p>> {
    let wage = m.work_minimum_wage.map(|w| w.0);
    if wage.is_some_and(|w| w <= Money::ZERO) {
        c.push(PolicyError::out_of_range(
            "workMinimumWage",
            "务工地月最低工资应大于 0",
        ));
        return None;
    }
    let outside = m.work_region.as_deref().and_then(|code| {
        let n = crate::params::parse_region_code(code)?;
        let province = n / 10000;
        let home_province = home.map(|h| h.code / 10000)?;
        (province != home_province && PROVINCE_PREFIXES.contains(&province)).then_some(code)
    });
    if let Some(code) = outside {
        return Some(WorkPlace::Outside {
            code: code.to_string(),
            minimum_wage: wage,
        });
    }
    if wage.is_some() {
        c.push(PolicyError::invalid_input(
            "workMinimumWage",
            "务工地在省内，按全省最低工资档次计算：只有务工地在省外时才填写务工地月最低工资",
        ));
    }
    let region = match &m.work_region {
        Some(code) => c.take(set.region_by_code(code, on, "workRegion")),
        None => home,
    };
    region.map(WorkPlace::Province)
}

/// Where a member's labour capacity comes from (民发〔2021〕43号第五条 for the defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacityBasis {
    /// Given by the caller, for a member 第五条 does not name.
    Given,
    /// Under the working ages (未满16周岁: the first working age): none.
    Young(u32),
    /// Over the working ages (60周岁以上: the last working age + 1): none.
    Old(u32),
    /// A disability 第五条(三) names: none.
    Disability,
    /// Of working age without such a disability: full.
    WorkingAge,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member<'p> {
    /// The member's id; when none was given, `#N` (1-based), with words or without: an answer
    /// names a member as its explained form does, holds no Chinese text of its own without words,
    /// and a caller finds the member by its place.
    pub label: Label,
    /// Whether the input gave the member an id.
    pub has_id: bool,
    pub index: usize,
    pub birth_date: NaiveDate,
    pub age: u32,
    pub disability_grade: Option<u8>,
    pub serious_illness: bool,
    /// By 民发〔2021〕43号第五条 for the members it names, else as recorded (default full).
    pub labor_capacity: Capacity,
    /// The capacity the register recorded, even where 第五条 overrides it (乡村公益岗位 reads a
    /// recorded 弱劳力、半劳力).
    pub recorded_capacity: Option<Capacity>,
    /// Where the labour capacity comes from: given, or the default for age and disability.
    pub capacity_basis: CapacityBasis,
    /// The default labour capacity rested on the disability-type assumption (`disability.type`):
    /// a grade recorded without a type, or a type 民发〔2021〕43号第五条 does not name.
    pub labor_capacity_assumed: bool,
    pub self_care: Capacity,
    pub has_supporter: bool,
    pub wages: Money,
    /// Where the wages are earned (default: the household's region).
    pub work_place: WorkPlace<'p>,
    pub schooling: Option<Schooling>,
    pub boarding: bool,
    /// Insured under basic medical insurance (default true).
    pub insured: bool,
    pub care: Option<Care>,
    pub disability_type: Option<DisabilityType>,
    /// Exempt from school for health reasons (default false).
    pub health_exempt_from_school: bool,
    /// Born on 29 February and aged on 28 February or 1 March of a common year, the days the
    /// birthday rule decides the age (rule `member.birthday`), reaching an age a rule turns on.
    pub birthday_on_edge: bool,
}

impl Member<'_> {
    /// 重度残疾人 of 低保 (民发〔2021〕57号第八条): 一级、二级重度残疾人和三级智力残疾人、三级精神残疾人;
    /// 养老保险代缴 uses it too (the engine's one definition).
    /// A grade 3 without a type (or 多重残疾) is not counted; 孤独症 counts as 精神残疾 (rule
    /// `disability.type`, see [`Member::severity_assumed`]).
    pub fn severely_disabled(&self) -> bool {
        match self.disability_grade {
            Some(1 | 2) => true,
            Some(3) => matches!(
                self.disability_type,
                Some(
                    DisabilityType::Intellectual | DisabilityType::Mental | DisabilityType::Autism
                )
            ),
            _ => false,
        }
    }
    /// Whether [`Member::severely_disabled`] rested on the disability-type assumption: a grade 3
    /// with no type, 多重残疾 or 孤独症.
    pub fn severity_assumed(&self) -> bool {
        self.disability_grade == Some(3) && type_uncertain(self.disability_type)
    }
    /// Recorded as without labour capacity though 第五条 does not name the member (rule
    /// `member.laborCapacityRecorded`).
    pub fn capacity_recorded_none(&self) -> bool {
        self.capacity_basis == CapacityBasis::Given && self.labor_capacity == Capacity::None
    }
    pub fn path(&self) -> String {
        format!("members[{}]", self.index)
    }
}

/// What a comparison of two dates holds at the earlier one while the date moves: the parameters'
/// values, the members' ages (see `compare::DateCauses`). The default holds nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lens {
    pub params_on: Option<NaiveDate>,
    pub ages_on: Option<NaiveDate>,
}

impl<'p> Household<'p> {
    /// Check an input for the date `on`: its region is looked up in the set, and the reader it
    /// returns is positioned on that date and region, having recorded what the check read. Every
    /// problem found is in the error's `problems`.
    pub fn read(
        input: &HouseholdInput,
        set: &'p ParameterSet,
        on: NaiveDate,
    ) -> Result<(Household<'p>, Reader<'p>)> {
        Household::read_through(input, set, on, Lens::default(), None)
    }

    /// [`Household::read`], with parameters and ages held at the dates of `lens`.
    pub fn read_through(
        input: &HouseholdInput,
        set: &'p ParameterSet,
        on: NaiveDate,
        lens: Lens,
        kept: Option<&mut Kept>,
    ) -> Result<(Household<'p>, Reader<'p>)> {
        let mut c = Collect::default();
        let checked = Household::check(input, set, on, (lens, kept), &mut c);
        match (checked, c.into_error()) {
            (Some(checked), None) => Ok(checked),
            (_, Some(e)) => Err(e),
            (None, None) => Err(PolicyError::invalid_input("", "家庭数据不完整")),
        }
    }

    /// Check every part of an input for the date `on`, recording each problem in `c` and going on
    /// (so a form learns every bad field at once). `None` when something could not be checked.
    /// A batch's `kept` values serve the parameters the check reads.
    pub(crate) fn check(
        input: &HouseholdInput,
        set: &'p ParameterSet,
        on: NaiveDate,
        (lens, kept): (Lens, Option<&mut Kept>),
        c: &mut Collect,
    ) -> Option<(Household<'p>, Reader<'p>)> {
        let region = c.take(set.region_by_code(&input.region, on, "region"));
        let mut reader =
            Reader::new(set, on, region).with_parameters_on(lens.params_on.unwrap_or(on));
        if input.members.is_empty() || input.members.len() > MAX_MEMBERS {
            c.push(PolicyError::out_of_range(
                "members",
                format!(
                    "家庭成员应为 1 到 {MAX_MEMBERS} 人，而不是 {} 人",
                    input.members.len()
                ),
            ));
            return None;
        }
        // The working ages decide default labour capacity; read so the result can cite them.
        let working = working_ages(&mut reader, kept, c)?;
        let ages = Ages {
            working,
            reader: &reader,
        };
        let members = check_members(input, set, (region, on), lens, ages, c)?;
        let inc = input.income.clone().unwrap_or_default();
        let g = input.guarantees.clone().unwrap_or_default();
        let mut events = input.events.clone().unwrap_or_default();
        events.dedup();
        let income_change_date = income_change_date(input, on, c);
        if input.stable_income_months.is_some_and(|m| m > 1200) {
            c.push(PolicyError::out_of_range(
                "stableIncomeMonths",
                "月数应在 0 到 1200 之间",
            ));
        }
        let household = Household {
            ages_on: lens.ages_on.unwrap_or(on),
            reference: input.reference.clone(),
            region: region?,
            area: input.area.unwrap_or(Area::Rural),
            status: input.status.unwrap_or(HouseholdStatus::General),
            monitoring_category: input.monitoring_category,
            members,
            working_ages: working,
            income: Income {
                business: amount(inc.business),
                property: amount(inc.property),
                transfer: amount(inc.transfer),
                other: amount(inc.other),
                exempt: amount(inc.exempt),
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
            housing_appraisal: input.housing.as_ref().and_then(|h| h.appraisal),
            sums: Sums::default(),
        };
        Some((household, reader))
    }

    /// All the household's income in the year: business + property + transfer + other + exempt +
    /// every member's wages (the 人均纯收入 of monitoring).
    pub fn total_income(&self) -> Result<Money> {
        kept(&self.sums.total, || {
            let i = self.income;
            Money::sum(
                [i.business, i.property, i.transfer, i.other, i.exempt]
                    .into_iter()
                    .chain(self.members.iter().map(|m| m.wages)),
            )
        })
    }

    /// [`Household::total_income`] per member, not rounded.
    pub fn per_capita_income(&self) -> Result<Money> {
        kept(&self.sums.per_capita, || {
            self.total_income()?.checked_div(self.size())
        })
    }

    /// The household's income besides wages that 低保 counts ([`Income::counted`]).
    pub fn counted_other(&self) -> Result<Money> {
        kept(&self.sums.counted, || self.income.counted())
    }

    /// The income 低保 and 特困 count: all but the exempt part (wages before any deduction).
    pub fn counted_income(&self) -> Result<Money> {
        self.counted_other()?
            .checked_add(Money::sum(self.members.iter().map(|m| m.wages))?)
    }

    pub fn size(&self) -> Decimal {
        Decimal::from(self.members.len())
    }
}

/// 民发〔2021〕43号第五条(三): 残疾等级为一、二、三级的智力、精神残疾人，残疾等级为一、二级的肢体残疾人，
/// 残疾等级为一级的视力残疾人. A grade without a type, or 多重残疾, counts at grades 1 and 2; 孤独症 as
/// 精神残疾 (rule `disability.type`). Heilongjiang's own cases (黑民规〔2021〕12号) were not found.
pub(crate) fn no_labour_by_disability(grade: Option<u8>, kind: Option<DisabilityType>) -> bool {
    use DisabilityType::*;
    let Some(grade) = grade else {
        return false;
    };
    match kind {
        Some(Intellectual | Mental | Autism) => grade <= 3,
        Some(Physical) | Some(Multiple) | None => grade <= 2,
        Some(Visual) => grade == 1,
        Some(Hearing | Speech) => false,
    }
}

/// A type that leaves the documents' lists open: none recorded, 多重残疾 (its grade is that of its
/// most severe part, whose type is not recorded), or 孤独症 (certified as 精神残疾, not named as such).
fn type_uncertain(kind: Option<DisabilityType>) -> bool {
    matches!(
        kind,
        None | Some(DisabilityType::Multiple | DisabilityType::Autism)
    )
}

/// Every member, checked (each problem at the member's path), and no two with one id.
/// The working ages, read through a batch's `kept` values when there are some: in the native
/// tool, not in the module, whose bytes count more than these instructions.
fn working_ages(
    reader: &mut Reader<'_>,
    kept: Option<&mut Kept>,
    c: &mut Collect,
) -> Option<(u32, u32)> {
    #[cfg(target_arch = "wasm32")]
    let kept: Option<&mut Kept> = kept.and(None);
    let Some(kept) = kept.and_then(|k| k.serving(reader)) else {
        return Some((
            c.take(reader.count(&p::LABOR_WORKING_AGE_MIN))?,
            c.take(reader.count(&p::LABOR_WORKING_AGE_MAX))?,
        ));
    };
    Some((
        c.take(reader.count_kept(&p::LABOR_WORKING_AGE_MIN, kept))?,
        c.take(reader.count_kept(&p::LABOR_WORKING_AGE_MAX, kept))?,
    ))
}

fn check_members<'p>(
    input: &HouseholdInput,
    set: &'p ParameterSet,
    (region, on): (Option<&'p Region>, NaiveDate),
    lens: Lens,
    ages: Ages<'_, 'p>,
    c: &mut Collect,
) -> Option<Vec<Member<'p>>> {
    let mut members = Vec::with_capacity(input.members.len());
    for (index, m) in input.members.iter().enumerate() {
        let mut own = Collect::default();
        let dates = (on, lens.ages_on.unwrap_or(on));
        let member = check_member(m, index, set, region, dates, ages, &mut own);
        if !own.is_empty() {
            c.absorb(own, &crate::input::member_path(index));
        }
        members.push(member);
    }
    let members: Vec<Member<'p>> = members.into_iter().collect::<Option<_>>()?;
    // Only a given id can repeat another (members without one are named by their place).
    if input.members.iter().all(|m| m.id.is_none()) {
        return Some(members);
    }
    // Ids are the same when they read the same (Unicode NFC), however they were typed.
    let ids: Vec<Vec<char>> = members
        .iter()
        .map(|m| crate::input::unicode::canonical(&m.label))
        .collect();
    for (i, (m, given)) in members.iter().zip(&input.members).enumerate() {
        let id = ids.get(i);
        if given.id.is_some() && ids.iter().take(i).any(|o| Some(o) == id) {
            c.push(PolicyError::invalid_input(
                format!("members[{i}].id"),
                format!("成员编号“{}”重复", m.label),
            ));
        }
    }
    Some(members)
}

/// The date the household's income changed, if given: not after `on`.
fn income_change_date(input: &HouseholdInput, on: NaiveDate, c: &mut Collect) -> Option<NaiveDate> {
    match &input.income_change_date {
        Some(s) => match c.take(parse_date(s, "incomeChangeDate")) {
            Some(d) if d > on => {
                c.push(PolicyError::out_of_range(
                    "incomeChangeDate",
                    "收入变化日期不能晚于测算日期",
                ));
                None
            }
            d => d,
        },
        None => None,
    }
}

fn amount(m: Option<MoneyInput>) -> Money {
    m.map(|m| m.0).unwrap_or(Money::ZERO)
}

/// `label` becomes `prefix` and the member's place counted from 1 (#2), written without the
/// formatting machinery: every member without an id is named so, on every call.
fn name_by_place(label: &mut String, prefix: &str, index: usize) {
    label.clear();
    label.push_str(prefix);
    let place = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(1);
    crate::base::json_write::number(label, place);
}

/// A member without an id named by its place (`#2`).
fn place_label(index: usize) -> Label {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(label) = PLACE_LABELS.get(index) {
        return Label::Borrowed(label);
    }
    // Room for `#30` at once: growing an empty string costs more than the name.
    let mut label = String::with_capacity(4);
    name_by_place(&mut label, "#", index);
    owned_label(label)
}

/// A name written out as a [`Label`] (in the module it is one already).
#[allow(clippy::useless_conversion)]
fn owned_label(name: String) -> Label {
    name.into()
}

/// One member, checked on `as_of`, aged on `ages_on` (the same date but in a comparison of dates).
fn check_member<'p>(
    m: &MemberInput,
    index: usize,
    set: &'p ParameterSet,
    home: Option<&'p Region>,
    (as_of, ages_on): (NaiveDate, NaiveDate),
    ages: Ages<'_, 'p>,
    c: &mut Collect,
) -> Option<Member<'p>> {
    let working = ages.working;
    let birth_date = birth_date(m, as_of, c);
    let work_place = work_place(m, set, home, as_of, c);
    check_id(m, c);
    let (birth_date, work_place) = (birth_date?, work_place?);
    let age = age_on(birth_date, ages_on);
    // 民发〔2021〕43号第五条: 60周岁以上、未满16周岁, and the disabilities it names, have no labour
    // capacity (the working ages are parameters: 16 and 59).
    // A member 第五条 names is without capacity whatever the register says (a recorded capacity
    // decides only for the others); a disability whose type leaves the lists open is named only when
    // nothing is recorded (rule `member.disabilityType`).
    let working_age = (working.0..=working.1).contains(&age);
    let disabled = no_labour_by_disability(m.disability_grade, m.disability_type);
    let named = !working_age || (disabled && !type_uncertain(m.disability_type));
    let default_capacity = if working_age && !disabled {
        Capacity::Full
    } else {
        Capacity::None
    };
    let recorded = m.labor_capacity.filter(|_| !named);
    let labor_capacity_assumed = recorded.is_none()
        && working_age
        && matches!(m.disability_grade, Some(1..=3))
        && type_uncertain(m.disability_type);
    Some(Member {
        label: match &m.id {
            Some(id) => owned_label(id.clone()),
            None => place_label(index),
        },
        has_id: m.id.is_some(),
        index,
        birth_date,
        age,
        disability_grade: m.disability_grade,
        serious_illness: m.serious_illness.unwrap_or(false),
        labor_capacity: recorded.unwrap_or(default_capacity),
        recorded_capacity: m.labor_capacity,
        capacity_basis: match recorded {
            Some(_) => CapacityBasis::Given,
            None if age < working.0 => CapacityBasis::Young(working.0),
            None if !working_age => CapacityBasis::Old(working.1.saturating_add(1)),
            None if disabled => CapacityBasis::Disability,
            None => CapacityBasis::WorkingAge,
        },
        labor_capacity_assumed,
        self_care: m.self_care.unwrap_or(Capacity::Full),
        has_supporter: m.has_supporter.unwrap_or(true),
        wages: amount(m.wages),
        work_place,
        schooling: m.schooling,
        boarding: m.boarding.unwrap_or(false),
        insured: m.insured.unwrap_or(true),
        care: m.care,
        disability_type: m.disability_type,
        health_exempt_from_school: m.health_exempt_from_school.unwrap_or(false),
        birthday_on_edge: birthday_on_edge(birth_date, ages_on)
            && crosses_threshold(ages.reader, birth_date, ages_on),
    })
}

/// What a member's ages are checked against: the working ages (default labour capacity), and the
/// household's reader for the ages the rules turn on (read only where the birthday rule could decide).
#[derive(Clone, Copy)]
struct Ages<'r, 'p> {
    working: (u32, u32),
    reader: &'r Reader<'p>,
}

/// The ages at which a rule's answer changes, each as the age that crosses it: 未满16周岁 and 60周岁以上
/// of labour capacity (the working ages), the elderly and minor ages of 低保 (and of 特困, the
/// orphans' allowance, care services), 康复救助's, compulsory schooling's, 雨露计划's and 公益岗位's ages (a
/// maximum that is included is crossed a year after it).
static THRESHOLDS: [(&Spec, u32); 10] = [
    (&p::LABOR_WORKING_AGE_MIN, 0),
    (&p::LABOR_WORKING_AGE_MAX, 1),
    (&p::DIBAO_ELDERLY_AGE, 0),
    (&p::DIBAO_MINOR_AGE, 0),
    (&p::CHILD_REHAB_AGE_MAX, 1),
    (&p::EDUCATION_COMPULSORY_AGE_MIN, 0),
    (&p::EDUCATION_COMPULSORY_AGE_MAX, 1),
    (&p::EDUCATION_YULU_AGE_MAX, 1),
    (&p::PUBLIC_POST_AGE_MIN, 0),
    (&p::PUBLIC_POST_AGE_MAX, 1),
];

/// Whether the age a member born on 29 February reaches in `on`'s year is one a rule turns on: only
/// then does the birthday rule decide an answer. Read on a copy of the reader: the answer does not
/// rest on these ages unless a rule reads them itself.
fn crosses_threshold(reader: &Reader<'_>, birth: NaiveDate, on: NaiveDate) -> bool {
    use chrono::Datelike;
    let Ok(age) = u32::try_from(on.year().saturating_sub(birth.year())) else {
        return false;
    };
    let mut r = reader.clone();
    THRESHOLDS
        .iter()
        .any(|(spec, past)| r.count(spec).is_ok_and(|a| a.saturating_add(*past) == age))
}

/// Born on 29 February, aged on 28 February or 1 March of a common year.
fn birthday_on_edge(birth: NaiveDate, on: NaiveDate) -> bool {
    use chrono::Datelike;
    matches!((on.month(), on.day()), (2, 28) | (3, 1))
        && (birth.month(), birth.day()) == (2, 29)
        && NaiveDate::from_ymd_opt(on.year(), 2, 29).is_none()
}

/// A member's birth date: a date, not after `as_of`, and not over 150 years before it.
fn birth_date(m: &MemberInput, as_of: NaiveDate, c: &mut Collect) -> Option<NaiveDate> {
    // An empty one is refused as a blank one is (a missing one reads as empty: a caller that read
    // the input keeps the reader's words for it, 缺少必填字段).
    let birth_date = c.take(parse_date(&m.birth_date, "birthDate"));
    match birth_date {
        Some(d) if d > as_of => {
            c.push(PolicyError::out_of_range(
                "birthDate",
                format!(
                    "出生日期 {} 晚于测算日期 {}",
                    m.birth_date,
                    format_date(as_of)
                ),
            ));
            None
        }
        Some(d) if age_on(d, as_of) > 150 => {
            c.push(PolicyError::out_of_range(
                "birthDate",
                "年龄超过150岁，请检查出生日期",
            ));
            None
        }
        d => d,
    }
}

/// A member's id, if given: 1 to 64 characters, none of them invisible.
fn check_id(m: &MemberInput, c: &mut Collect) {
    if let Some(id) = &m.id {
        if id.trim().is_empty() || id.chars().count() > 64 {
            c.push(PolicyError::invalid_input(
                "id",
                "成员编号应为 1 到 64 个字符",
            ));
        } else if let Some(hidden) = crate::input::unicode::invisible(id) {
            c.push(PolicyError::invalid_input(
                "id",
                format!(
                    "成员编号含有看不见的字符（U+{:04X}，如零宽空格）：看起来相同的编号会被当作不同的人，请删去",
                    u32::from(hidden)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn members_are_named_by_their_place_as_formatting_would() {
        for i in [0, 1, 8, 9, 10, 29, 99, 12_345] {
            let mut label = String::from("成员编号");
            super::name_by_place(&mut label, "成员", i);
            assert_eq!(label, format!("成员{}", i + 1));
            super::name_by_place(&mut label, "#", i);
            assert_eq!(label, format!("#{}", i + 1));
            assert_eq!(super::place_label(i), label);
        }
        for i in 0..super::MAX_MEMBERS {
            assert_eq!(super::place_label(i), format!("#{}", i + 1));
        }
    }
}
