//! Parameters: every figure the engine uses, as dated, sourced values by region (ARCHITECTURE.md).
//!
//! A parameter has a dotted name, a unit and values; each value has a `from` date, an optional region
//! (6-digit administrative code), a `source` and a `status`. A lookup takes the latest value whose
//! `from` is on or before the date, for the most specific region that has one: county, then city,
//! then province, then a value given without a region.

pub mod catalogue;
mod load;
mod overrides;

pub use catalogue::Spec;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;
use tsify::Tsify;

use crate::calendar::format_date;
use crate::error::{ErrorCode, PolicyError, Result};
use crate::money::{Money, Rate};

/// The embedded default set (POLICY-FACTS.md turned into data).
pub const HEILONGJIANG_JSON: &str = include_str!("../../data/heilongjiang.json");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    YuanPerPersonMonth,
    YuanPerPersonYear,
    YuanPerMonth,
    YuanPerYear,
    YuanPerHour,
    YuanPerDay,
    Yuan,
    Rate,
    Multiple,
    Days,
    Months,
    Years,
    Tier,
    Date,
}

/// What kind of value a unit holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Money,
    Rate,
    /// A whole number in the given inclusive range.
    Count {
        min: u32,
        max: u32,
    },
    Date,
}

impl Unit {
    pub const ALL: [Unit; 14] = [
        Unit::YuanPerPersonMonth,
        Unit::YuanPerPersonYear,
        Unit::YuanPerMonth,
        Unit::YuanPerYear,
        Unit::YuanPerHour,
        Unit::YuanPerDay,
        Unit::Yuan,
        Unit::Rate,
        Unit::Multiple,
        Unit::Days,
        Unit::Months,
        Unit::Years,
        Unit::Tier,
        Unit::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::YuanPerPersonMonth => "yuan/person/month",
            Unit::YuanPerPersonYear => "yuan/person/year",
            Unit::YuanPerMonth => "yuan/month",
            Unit::YuanPerYear => "yuan/year",
            Unit::YuanPerHour => "yuan/hour",
            Unit::YuanPerDay => "yuan/day",
            Unit::Yuan => "yuan",
            Unit::Rate => "rate",
            Unit::Multiple => "multiple",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Tier => "tier",
            Unit::Date => "date",
        }
    }

    /// For display: 元/人·月 and so on.
    pub fn label(self) -> &'static str {
        match self {
            Unit::YuanPerPersonMonth => "元/人·月",
            Unit::YuanPerPersonYear => "元/人·年",
            Unit::YuanPerMonth => "元/月",
            Unit::YuanPerYear => "元/年",
            Unit::YuanPerHour => "元/小时",
            Unit::YuanPerDay => "元/天",
            Unit::Yuan => "元",
            Unit::Rate => "比例",
            Unit::Multiple => "倍",
            Unit::Days => "天",
            Unit::Months => "个月",
            Unit::Years => "年",
            Unit::Tier => "档",
            Unit::Date => "日期",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }

    pub fn kind(self) -> Kind {
        match self {
            Unit::YuanPerPersonMonth
            | Unit::YuanPerPersonYear
            | Unit::YuanPerMonth
            | Unit::YuanPerYear
            | Unit::YuanPerHour
            | Unit::YuanPerDay
            | Unit::Yuan => Kind::Money,
            Unit::Rate | Unit::Multiple => Kind::Rate,
            Unit::Days | Unit::Months | Unit::Years => Kind::Count { min: 0, max: 1200 },
            Unit::Tier => Kind::Count { min: 1, max: 3 },
            Unit::Date => Kind::Date,
        }
    }
}

/// How sure a figure is (POLICY-FACTS.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Seen in a government text.
    Official,
    /// A news or secondary report of an official figure.
    Reported,
    /// No source found: a plausible placeholder a portal must replace.
    Illustrative,
}

impl Status {
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "official" => Some(Status::Official),
            "reported" => Some(Status::Reported),
            "illustrative" => Some(Status::Illustrative),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Status::Official => "官方",
            Status::Reported => "转述",
            Status::Illustrative => "示意",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Decimal(Decimal),
    Date(NaiveDate),
}

impl Value {
    pub fn display(&self) -> String {
        match self {
            Value::Decimal(d) => d.normalize().to_string(),
            Value::Date(d) => format_date(*d),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DatedValue {
    pub from: NaiveDate,
    /// Region code as a number (`230129`); `None` applies everywhere.
    pub region: Option<u32>,
    pub value: Value,
    pub source: String,
    pub status: Status,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub spec: &'static Spec,
    pub label: String,
    pub description: Option<String>,
    /// Sorted by region, then date.
    pub values: Vec<DatedValue>,
}

impl Parameter {
    fn sort(&mut self) {
        self.values.sort_by_key(|v| (v.region, v.from));
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    Prefecture,
    County,
}

/// An administrative division (GB/T 2260). The parent is implied by the code: 230129 → 230100 →
/// 230000.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: u32,
    pub name: String,
    /// One of the province's 20 脱贫县 (former national poverty counties).
    pub alleviated_county: bool,
    /// Itself, then its city, then its province (for lookups), most specific first.
    chain: [Option<u32>; 3],
}

impl Region {
    pub fn level(&self) -> Level {
        level_of(self.code)
    }
    pub fn code_string(&self) -> String {
        format!("{:06}", self.code)
    }
    pub fn parent(&self) -> Option<u32> {
        parent_of(self.code)
    }
}

pub fn level_of(code: u32) -> Level {
    if code % 10_000 == 0 {
        Level::Province
    } else if code % 100 == 0 {
        Level::Prefecture
    } else {
        Level::County
    }
}

/// The rounding down cannot overflow (the result is at most `code`).
#[allow(clippy::arithmetic_side_effects)]
pub fn parent_of(code: u32) -> Option<u32> {
    match level_of(code) {
        Level::Province => None,
        Level::Prefecture => Some(code / 10_000 * 10_000),
        Level::County => Some(code / 100 * 100),
    }
}

/// Parse a 6-digit region code string.
pub fn parse_region_code(s: &str) -> Option<u32> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0') {
        s.parse().ok()
    } else {
        None
    }
}

/// A whole, validated parameter set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParameterSet {
    pub id: String,
    pub title: String,
    /// When the set was compiled (`YYYY-MM-DD`).
    pub published: String,
    regions: HashMap<u32, Region>,
    params: Params,
}

/// The parameters of a set, by their place in the catalogue: a lookup is an array access.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Params(Vec<Option<Parameter>>);

impl Default for Params {
    fn default() -> Self {
        Params(vec![None; catalogue::ALL.len()])
    }
}

impl Params {
    pub(crate) fn get(&self, spec: &Spec) -> Option<&Parameter> {
        self.0.get(spec.index).and_then(Option::as_ref)
    }
    pub(crate) fn get_mut(&mut self, spec: &Spec) -> Option<&mut Parameter> {
        self.0.get_mut(spec.index).and_then(Option::as_mut)
    }
    /// The parameter of `spec`, made empty first if the set has none yet.
    pub(crate) fn get_or_insert(&mut self, spec: &'static Spec) -> Option<&mut Parameter> {
        self.0.get_mut(spec.index).map(|slot| {
            slot.get_or_insert_with(|| Parameter {
                spec,
                label: String::new(),
                description: None,
                values: Vec::new(),
            })
        })
    }
}

impl ParameterSet {
    /// The embedded Heilongjiang default set.
    pub fn heilongjiang() -> Result<ParameterSet> {
        ParameterSet::from_json(HEILONGJIANG_JSON)
    }

    /// A whole set from JSON text (or, with `"extends": "heilongjiang"`, changes on top of the default).
    pub fn from_json(text: &str) -> Result<ParameterSet> {
        load::from_json(text)
    }

    /// A what-if copy; see [`overrides`].
    pub fn with_overrides(&self, overrides: &serde_json::Value) -> Result<ParameterSet> {
        overrides::apply(self, overrides)
    }

    pub fn region(&self, code: u32) -> Option<&Region> {
        self.regions.get(&code)
    }

    /// Look a region up by its code string; unknown codes are `INVALID_REGION` at `path`.
    pub fn region_by_code(&self, code: &str, path: &str) -> Result<&Region> {
        parse_region_code(code)
            .and_then(|c| self.regions.get(&c))
            .ok_or_else(|| {
                PolicyError::new(
                    ErrorCode::InvalidRegion,
                    path,
                    format!(
                        "未知的行政区划代码“{code}”（应为参数集中的6位代码，如 230129 延寿县）"
                    ),
                )
            })
    }

    /// All regions, sorted by code.
    pub fn regions(&self) -> Vec<&Region> {
        let mut v: Vec<&Region> = self.regions.values().collect();
        v.sort_by_key(|r| r.code);
        v
    }

    /// All parameters, in catalogue order.
    pub fn parameters(&self) -> impl Iterator<Item = &Parameter> {
        catalogue::ALL.iter().filter_map(|s| self.params.get(s))
    }

    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        catalogue::find(name).and_then(|s| self.params.get(s))
    }

    /// The value in force on `on` for `region` (most specific region first). Allocates nothing.
    pub fn lookup(
        &self,
        spec: &Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<&DatedValue> {
        let param = self.params.get(spec).ok_or_else(|| missing(spec))?;
        // Values are sorted with the unregioned ones first: when the last has no region either, the
        // parameter has no regional value and the region's chain need not be searched.
        let regional = param.values.last().is_some_and(|v| v.region.is_some());
        let chain: [Option<u32>; 3] = match region {
            Some(r) if regional => r.chain,
            _ => [None, None, None],
        };
        // Regions most specific first, then values without a region. Values are sorted by (region,
        // from): those of a region on or before `on` end where (region, on) would be inserted.
        for candidate in chain
            .iter()
            .flatten()
            .map(|c| Some(*c))
            .chain(std::iter::once(None))
        {
            let end = param
                .values
                .partition_point(|v| (v.region, v.from) <= (candidate, on));
            if let Some(v) = end.checked_sub(1).and_then(|i| param.values.get(i)) {
                if v.region == candidate {
                    return Ok(v);
                }
            }
        }
        let earliest = param.values.iter().map(|v| v.from).min();
        Err(PolicyError::out_of_range(
            "asOf",
            match earliest {
                Some(e) => format!(
                    "参数“{}”（{}）在 {} 尚无取值，最早取值自 {}",
                    param.label,
                    spec.name,
                    format_date(on),
                    format_date(e)
                ),
                None => format!("参数“{}”没有取值", spec.name),
            },
        ))
    }

    fn insert_region(&mut self, code: u32, name: String, alleviated_county: bool) {
        let parent = parent_of(code);
        let grandparent = parent.and_then(parent_of);
        let chain = [Some(code), parent, grandparent];
        self.regions.insert(
            code,
            Region {
                code,
                name,
                alleviated_county,
                chain,
            },
        );
    }
}

fn missing(spec: &Spec) -> PolicyError {
    PolicyError::new(
        ErrorCode::UnknownParameter,
        "",
        format!("参数集中没有参数“{}”", spec.name),
    )
}

/// Reads parameters for one calculation (one date, one region) and remembers which of the values it
/// used are not `official`, so the result can say so.
#[derive(Clone)]
pub struct Reader<'a> {
    set: &'a ParameterSet,
    on: NaiveDate,
    region: Option<&'a Region>,
    unofficial: UnofficialSet,
}

/// The catalogue's indices in the order of the names, for listing a set sorted without sorting.
fn alphabetical_order() -> &'static [usize] {
    use std::sync::OnceLock;
    static ORDER: OnceLock<Vec<usize>> = OnceLock::new();
    ORDER.get_or_init(|| {
        let mut by_name: Vec<&Spec> = catalogue::ALL.iter().collect();
        by_name.sort_unstable_by_key(|s| s.name);
        by_name.iter().map(|s| s.index).collect()
    })
}

/// Which parameters a calculation used that are not `official`: a bit per catalogue entry. It is
/// written out (JSON, TypeScript `string[]`) as the names, sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UnofficialSet(u128);

const _: () = assert!(
    catalogue::ALL.len() <= 128,
    "UnofficialSet holds 128 parameters"
);

impl UnofficialSet {
    fn bit(spec: &Spec) -> u128 {
        1u128
            .checked_shl(u32::try_from(spec.index).unwrap_or(u32::MAX))
            .unwrap_or(0)
    }
    fn insert(&mut self, spec: &Spec) {
        self.0 |= Self::bit(spec);
    }
    /// Add another calculation's set.
    pub fn extend(&mut self, other: UnofficialSet) {
        self.0 |= other.0;
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn contains(self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }
    /// The names, sorted.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        alphabetical_order()
            .iter()
            .filter_map(|i| catalogue::ALL.get(*i))
            .filter(move |spec| self.0 & Self::bit(spec) != 0)
            .map(|spec| spec.name)
    }
    /// The names, sorted, as a list.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().collect()
    }
}

impl Serialize for UnofficialSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'a> Reader<'a> {
    pub fn new(set: &'a ParameterSet, on: NaiveDate, region: Option<&'a Region>) -> Self {
        Reader {
            set,
            on,
            region,
            unofficial: UnofficialSet::default(),
        }
    }

    pub fn on(&self) -> NaiveDate {
        self.on
    }
    pub fn region(&self) -> Option<&'a Region> {
        self.region
    }
    pub fn set(&self) -> &'a ParameterSet {
        self.set
    }

    /// The value for another date or region, recorded like any other.
    pub fn value_at(
        &mut self,
        spec: &'static Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<&'a DatedValue> {
        let v = self.set.lookup(spec, on, region)?;
        if v.status != Status::Official {
            self.unofficial.insert(spec);
        }
        Ok(v)
    }

    pub fn value(&mut self, spec: &'static Spec) -> Result<&'a DatedValue> {
        self.value_at(spec, self.on, self.region)
    }

    pub fn decimal(&mut self, spec: &'static Spec) -> Result<Decimal> {
        self.decimal_in(spec, self.region)
    }
    /// The value for another region (a member's place of work), on the same date.
    pub fn decimal_in(&mut self, spec: &'static Spec, region: Option<&Region>) -> Result<Decimal> {
        match self.value_at(spec, self.on, region)?.value {
            Value::Decimal(d) => Ok(d),
            Value::Date(_) => Err(wrong_kind(spec)),
        }
    }
    pub fn money(&mut self, spec: &'static Spec) -> Result<Money> {
        self.decimal(spec).map(Money::from_decimal)
    }
    pub fn money_in(&mut self, spec: &'static Spec, region: Option<&Region>) -> Result<Money> {
        self.decimal_in(spec, region).map(Money::from_decimal)
    }
    pub fn rate(&mut self, spec: &'static Spec) -> Result<Rate> {
        self.decimal(spec).map(Rate::from_decimal)
    }
    pub fn count(&mut self, spec: &'static Spec) -> Result<u32> {
        self.count_in(spec, self.region)
    }
    pub fn count_in(&mut self, spec: &'static Spec, region: Option<&Region>) -> Result<u32> {
        let d = self.decimal_in(spec, region)?;
        u32::try_from(d.normalize().mantissa()).map_err(|_| wrong_kind(spec))
    }
    pub fn date(&mut self, spec: &'static Spec) -> Result<NaiveDate> {
        match self.value(spec)?.value {
            Value::Date(d) => Ok(d),
            Value::Decimal(_) => Err(wrong_kind(spec)),
        }
    }

    /// Record the non-official parameters another calculation used, when this one rests on it.
    pub fn record(&mut self, used: UnofficialSet) {
        self.unofficial.extend(used);
    }

    /// The non-official parameters used so far.
    pub fn unofficial(&self) -> UnofficialSet {
        self.unofficial
    }
}

fn wrong_kind(spec: &Spec) -> PolicyError {
    PolicyError::new(
        ErrorCode::InvalidParameters,
        spec.name,
        format!(
            "参数“{}”的取值类型与单位 {} 不符",
            spec.name,
            spec.unit.as_str()
        ),
    )
}

#[cfg(test)]
mod tests;
