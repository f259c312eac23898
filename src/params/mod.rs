//! Parameters: every figure the engine uses, as dated, sourced values by region (ARCHITECTURE.md).
//!
//! A parameter has a dotted name, a unit and values; each value has a `from` date, an optional region
//! (6-digit administrative code), a `source` and a `status`. A lookup takes the latest value whose
//! `from` is on or before the date, for the most specific region that has one: county, then city,
//! then province, then a value given without a region (the catalogue's [`Scope`] narrows this for a
//! few parameters). A portal file's values and what-if values are laid over the values they change
//! (see `layer`): where and from when they give a value, theirs is the answer. The default set is assembled at build time from `data/params/*.toml` and the
//! reference tables `data/tables/*.tsv` (see `build.rs` and docs/parameters.md).

pub mod catalogue;
mod embedded;
mod layer;
mod load;
mod overrides;
pub mod spec;
mod write;

pub use spec::{Kind, Limits, Scope, Spec, Unit};

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use tsify::Tsify;

use crate::base::bits::Bits;
use crate::base::calendar::format_date;
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::{Money, Rate};

/// The default set as `build.rs` assembles it from `data/params/*.toml` and `data/tables/*.tsv`: the
/// minified JSON shipped as `zhenxing/heilongjiang.json`. The engine itself reads the same set from
/// tables compiled in ([`ParameterSet::heilongjiang`]); the WebAssembly module does not carry this
/// text (`defaultParameters()` writes it back from the tables).
#[cfg(not(target_arch = "wasm32"))]
pub const HEILONGJIANG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/heilongjiang.json"));

/// How sure a figure is (POLICY-FACTS.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Seen in a government text.
    Official,
    /// A news or secondary report of an official figure.
    Reported,
    /// No source found: a plausible placeholder a portal must replace.
    Illustrative,
}

crate::base::serialize_by_id!(Status, serde_ids_status {
    Official => "official",
    Reported => "reported",
    Illustrative => "illustrative",
});

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

/// A value as a step says it: money to the fen with its unit (`441.00 元/人·月`), a tier as
/// `2档`, a date as written, other numbers with their unit.
pub fn value_text(spec: &Spec, v: &Value) -> String {
    match (spec.unit, v) {
        (_, Value::Date(d)) => format_date(*d),
        (Unit::Tier, Value::Decimal(d)) => format!("{}档", d.normalize()),
        (u, Value::Decimal(d)) if u.kind() == Kind::Money => {
            format!("{} {}", Money::from_decimal(*d).to_fen_string(), u.label())
        }
        (Unit::Rate | Unit::Multiple, Value::Decimal(d)) => d.normalize().to_string(),
        (u, Value::Decimal(d)) => format!("{} {}", d.normalize(), u.label()),
    }
}

impl Value {
    pub fn display(&self) -> String {
        match self {
            Value::Decimal(d) => d.normalize().to_string(),
            Value::Date(d) => format_date(*d),
        }
    }
    /// The value as a parameter file writes it (decimals with the places they were given).
    pub fn to_json_text(&self) -> String {
        match self {
            Value::Decimal(d) => d.to_string(),
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

impl DatedValue {
    /// Whether the value is a what-if set by the caller (`withOverrides`, `--set`).
    pub fn is_what_if(&self) -> bool {
        overrides::is_what_if(self)
    }
    /// The key values are sorted and replaced by: region (none first), then date.
    fn key(&self) -> (Option<u32>, NaiveDate) {
        (self.region, self.from)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Parameter {
    pub spec: &'static Spec,
    /// The catalogue's label (a file cannot change it).
    pub label: String,
    /// The catalogue's description.
    pub description: Option<String>,
    /// Sorted by region, then date; no two with the same region and date.
    pub values: Vec<DatedValue>,
}

impl Parameter {
    fn new(spec: &'static Spec) -> Parameter {
        Parameter {
            spec,
            label: spec.label.to_string(),
            description: spec.description.map(str::to_string),
            values: Vec::new(),
        }
    }

    /// Add `new` values (each replacing one of the same region and date): a sort and a merge,
    /// O(n log n) for n values however many are added.
    fn merge(&mut self, mut new: Vec<DatedValue>) {
        crate::base::sort::sort_by_key(&mut new, DatedValue::key);
        // Later ones of the same key win (the file's order): keep the last of each run.
        new.reverse();
        new.dedup_by_key(|v| v.key());
        new.reverse();
        let old = std::mem::take(&mut self.values);
        let mut out = Vec::with_capacity(old.len().saturating_add(new.len()));
        let mut old = old.into_iter().peekable();
        for v in new {
            while let Some(o) = old.next_if(|o| o.key() < v.key()) {
                out.push(o);
            }
            // A base value with the same key is replaced.
            let _ = old.next_if(|o| o.key() == v.key());
            out.push(v);
        }
        out.extend(old);
        self.values = out;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Province,
    Prefecture,
    County,
}

crate::base::serialize_by_id!(Level, serde_ids_level {
    Province => "province",
    Prefecture => "prefecture",
    County => "county",
});

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::Prefecture => "地级",
            Level::County => "县级",
        }
    }
}

/// What kind of unit a region is (the regions table's `kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum RegionKind {
    /// 省
    Province,
    /// 地级市
    PrefectureCity,
    /// 地区 (大兴安岭地区)
    PrefectureArea,
    /// 区 (市辖区)
    District,
    /// 县
    County,
    /// 自治县
    AutonomousCounty,
    /// 县级市
    CountyCity,
    /// A unit of the statistics bureau's codes that is not an administrative division (加格达奇区,
    /// 大庆高新区 …): accepted as a county-level unit.
    Statistical,
}

crate::base::serialize_by_id!(RegionKind, serde_ids_region_kind {
    Province => "province",
    PrefectureCity => "prefectureCity",
    PrefectureArea => "prefectureArea",
    District => "district",
    County => "county",
    AutonomousCounty => "autonomousCounty",
    CountyCity => "countyCity",
    Statistical => "statistical",
});

impl RegionKind {
    pub const ALL: [RegionKind; 8] = [
        RegionKind::Province,
        RegionKind::PrefectureCity,
        RegionKind::PrefectureArea,
        RegionKind::District,
        RegionKind::County,
        RegionKind::AutonomousCounty,
        RegionKind::CountyCity,
        RegionKind::Statistical,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            RegionKind::Province => "province",
            RegionKind::PrefectureCity => "prefectureCity",
            RegionKind::PrefectureArea => "prefectureArea",
            RegionKind::District => "district",
            RegionKind::County => "county",
            RegionKind::AutonomousCounty => "autonomousCounty",
            RegionKind::CountyCity => "countyCity",
            RegionKind::Statistical => "statistical",
        }
    }
    pub fn parse(s: &str) -> Option<RegionKind> {
        RegionKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            RegionKind::Province => "省",
            RegionKind::PrefectureCity => "地级市",
            RegionKind::PrefectureArea => "地区",
            RegionKind::District => "市辖区",
            RegionKind::County => "县",
            RegionKind::AutonomousCounty => "自治县",
            RegionKind::CountyCity => "县级市",
            RegionKind::Statistical => "统计用区划（非行政区划）",
        }
    }
    /// The level a kind belongs to.
    pub fn level(self) -> Level {
        match self {
            RegionKind::Province => Level::Province,
            RegionKind::PrefectureCity | RegionKind::PrefectureArea => Level::Prefecture,
            _ => Level::County,
        }
    }
    /// The kind assumed when a file gives none: by level.
    fn default_for(level: Level) -> RegionKind {
        match level {
            Level::Province => RegionKind::Province,
            Level::Prefecture => RegionKind::PrefectureCity,
            Level::County => RegionKind::County,
        }
    }
}

/// National (国家级贫困县: the 20 脱贫县 of the transition period) or provincial (省级贫困县).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "lowercase")]
pub enum PovertyKind {
    National,
    Provincial,
}

crate::base::serialize_by_id!(PovertyKind, serde_ids_poverty_kind {
    National => "national",
    Provincial => "provincial",
});

/// A former poverty county: which kind, when it was assessed and approved to exit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PovertyCounty {
    pub kind: PovertyKind,
    /// 退出年度: the year the county was assessed for.
    pub exit_assessment_year: u32,
    /// The calendar year of the provincial approval (the batch), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub exit_batch: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub approval_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub approval_document: Option<String>,
    pub source: String,
}

/// Whether the set has a list of 乡村振兴重点帮扶县 (policy text 五(十四)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum KeyCountyListStatus {
    /// No list is published in the sources: no county is treated as one.
    NotPublished,
    /// The set names the key counties (`keyCounty: true` on their regions).
    Published,
}

crate::base::serialize_by_id!(KeyCountyListStatus, serde_ids_key_county_list_status {
    NotPublished => "notPublished",
    Published => "published",
});

/// The set's statement about 乡村振兴重点帮扶县, with its source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyCounties {
    pub status: KeyCountyListStatus,
    pub source: String,
    pub note: Option<String>,
}

/// A region's 乡村振兴重点帮扶县 status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum KeyCounty {
    /// No list is published: unknown, and not treated as one.
    NotPublished,
    Yes,
    No,
}

crate::base::serialize_by_id!(KeyCounty, serde_ids_key_county {
    NotPublished => "notPublished",
    Yes => "yes",
    No => "no",
});

/// An administrative division (GB/T 2260), or a statistical unit accepted as a county. The parent is
/// implied by the code: 230129 → 230100 → 230000.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub code: u32,
    pub name: String,
    /// One of the province's 20 脱贫县 (former national poverty counties). The 8 former provincial
    /// poverty counties are not.
    pub alleviated_county: bool,
    pub kind: RegionKind,
    /// The first day the code is valid (`None`: long before any date the policy reaches).
    pub valid_from: Option<NaiveDate>,
    /// The last day the code is valid (`None`: still valid).
    pub valid_until: Option<NaiveDate>,
    /// A former poverty county (national or provincial).
    pub poverty: Option<PovertyCounty>,
    /// 乡村振兴重点帮扶县: derived from the set's list status and the region's flag.
    pub key_county: KeyCounty,
    pub note: Option<String>,
    /// The file's `keyCounty` flag.
    key_county_flag: bool,
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
    /// Whether the code is in use on `on`.
    pub fn valid_on(&self, on: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= on) && self.valid_until.is_none_or(|u| on <= u)
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

/// At most 40 characters of a text, for a message (a 10 MB value must not make a 10 MB message).
pub(crate) fn quote(s: &str) -> String {
    let mut chars = s.chars();
    let mut out: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A whole, validated parameter set.
#[derive(Clone, Debug, PartialEq)]
pub struct ParameterSet {
    pub id: String,
    pub title: String,
    /// When the set was compiled (`YYYY-MM-DD`).
    pub published: String,
    /// Where the region table comes from.
    pub region_source: Option<String>,
    /// Whether a list of 乡村振兴重点帮扶县 is published, and its source.
    pub key_counties: KeyCounties,
    regions: Regions,
    params: Params,
}

/// A set's regions by code, in the order of their codes.
pub(crate) type Regions = crate::base::sorted_map::SortedMap<u32, Region>;

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
    /// The parameter of `spec`, made empty first if the set has none yet.
    pub(crate) fn get_or_insert(&mut self, spec: &'static Spec) -> Option<&mut Parameter> {
        self.0
            .get_mut(spec.index)
            .map(|slot| slot.get_or_insert_with(|| Parameter::new(spec)))
    }
}

impl ParameterSet {
    /// The embedded Heilongjiang default set, from the tables compiled in (no JSON is parsed).
    pub fn heilongjiang() -> Result<ParameterSet> {
        embedded::heilongjiang()
    }

    /// A whole set from JSON text (or, with `"extends": "heilongjiang"`, changes on top of the default).
    pub fn from_json(text: &str) -> Result<ParameterSet> {
        load::from_json(text)
    }

    /// A what-if copy; see [`overrides`]. The bindings pass the JSON text parsed with
    /// [`crate::base::json::parse`], so a name given twice is found.
    pub fn with_overrides(&self, overrides: &crate::base::json::Node<'_>) -> Result<ParameterSet> {
        overrides::apply(self, overrides)
    }

    pub fn region(&self, code: u32) -> Option<&Region> {
        self.regions.get(&code)
    }

    /// Look a region up by its code string for a date: an unknown code, or one not in use on `on`,
    /// is `INVALID_REGION` at `path`.
    pub fn region_by_code(&self, code: &str, on: NaiveDate, path: &str) -> Result<&Region> {
        let Some(region) = parse_region_code(code).and_then(|c| self.regions.get(&c)) else {
            return Err(PolicyError::new(
                ErrorCode::InvalidRegion,
                path,
                format!(
                    "未知的行政区划代码“{}”（应为参数集中的6位代码，如 230129 延寿县）",
                    quote(code)
                ),
            ));
        };
        if !region.valid_on(on) {
            let when = match (region.valid_from, region.valid_until) {
                (Some(f), _) if on < f => format!("自 {} 起才使用", format_date(f)),
                (_, Some(u)) => format!("只使用到 {}", format_date(u)),
                _ => String::new(),
            };
            return Err(PolicyError::new(
                ErrorCode::InvalidRegion,
                path,
                format!(
                    "行政区划代码 {code}（{}）{when}，{} 不是有效代码：请使用该日期有效的县（市、区）代码",
                    region.name,
                    format_date(on)
                ),
            ));
        }
        Ok(region)
    }

    /// All regions, sorted by code.
    pub fn regions(&self) -> Vec<&Region> {
        self.regions.values().collect()
    }

    /// All parameters, in catalogue order.
    pub fn parameters(&self) -> impl Iterator<Item = &Parameter> {
        catalogue::ALL.iter().filter_map(|s| self.params.get(s))
    }

    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        catalogue::find(name).and_then(|s| self.params.get(s))
    }

    /// The parameter named `name` and its value in force on `on` for `region` (a 6-digit code;
    /// without one, the province's), with whether it is due for checking: what a page shows beside a figure a result rests on.
    pub fn in_force(
        &self,
        name: &str,
        on: NaiveDate,
        region: Option<&str>,
    ) -> Result<(&Parameter, &DatedValue, bool)> {
        let parameter = self.parameter(name).ok_or_else(|| {
            PolicyError::new(
                ErrorCode::UnknownParameter,
                "name",
                load::unknown_name(name),
            )
        })?;
        // Without a region, the province's value (its own, or one without a region); a value set
        // by county only has none, and is refused as asked without a county.
        let region = match region {
            Some(code) => Some(self.region_by_code(code, on, "region")?),
            None if parameter.spec.scope == Scope::CountyOnly => None,
            None => self.regions.values().find(|r| r.level() == Level::Province),
        };
        let v = self.lookup(parameter.spec, on, region)?;
        let stale = due_for_checking(parameter.spec, v, on);
        Ok((parameter, v, stale))
    }

    /// The value in force on `on` for `region` (most specific region first, as the catalogue's scope
    /// says). Allocates nothing unless it fails.
    pub fn lookup(
        &self,
        spec: &Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<&DatedValue> {
        let (param, at) = self.lookup_index(spec, on, region)?;
        param.values.get(at).ok_or_else(|| missing(spec))
    }

    /// The first value of `spec` for `region` that takes effect after `on` and within the 12
    /// months from `on` (the year an annual figure counts) and differs from the value on `on`:
    /// what the year's figure does not follow (rule `annual.standardOfDate`). `None` when the
    /// value holds all year, or there is none on `on`.
    #[cold]
    #[inline(never)]
    pub fn later_change(
        &self,
        spec: &Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Option<&DatedValue> {
        let param = self.params.get(spec)?;
        let now = self.lookup(spec, on, region).ok()?;
        let end = on.checked_add_months(Months::new(12))?;
        // The regions a value may come from: the region's chain and the unregioned values. The
        // dates values take effect on, each after the last, without a list (a lookup allocates
        // nothing).
        let chain = region.map_or([None, None, None], |r| r.chain);
        let mut after = on;
        loop {
            let next = param
                .values
                .iter()
                .filter(|v| v.from > after && v.from < end)
                .filter(|v| v.region.is_none() || chain.contains(&v.region))
                .map(|v| v.from)
                .min()?;
            let v = self.lookup(spec, next, region).ok()?;
            if v.value != now.value {
                return Some(v);
            }
            after = next;
        }
    }

    /// Whether `spec` has any value for a region (values are sorted with the unregioned first).
    fn is_regional(&self, spec: &Spec) -> bool {
        self.params
            .get(spec)
            .and_then(|p| p.values.last())
            .is_some_and(|v| v.region.is_some())
    }

    /// [`ParameterSet::lookup`], as the parameter and the place of the value among its values.
    fn lookup_index(
        &self,
        spec: &Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<(&Parameter, usize)> {
        let param = self.params.get(spec).ok_or_else(|| missing(spec))?;
        // Values are sorted with the unregioned ones first: when the last has no region either, the
        // parameter has no regional value and the region's chain need not be searched.
        let regional = param.values.last().is_some_and(|v| v.region.is_some());
        let chain: [Option<u32>; 3] = match (spec.scope, region) {
            (Scope::CountyOnly, Some(r)) if r.level() == Level::County => {
                [Some(r.code), None, None]
            }
            (Scope::CountyOnly, _) => return Err(self.not_a_county(spec, region)),
            (_, Some(r)) if regional => r.chain,
            _ => [None, None, None],
        };
        // Regions most specific first, then values without a region. Values are sorted by (region,
        // from): those of a region on or before `on` end where (region, on) would be inserted.
        let candidates = || {
            chain
                .iter()
                .flatten()
                .map(|c| Some(*c))
                .chain(std::iter::once(None))
        };
        for candidate in candidates() {
            let end = param
                .values
                .partition_point(|v| (v.region, v.from) <= (candidate, on));
            if let Some(i) = end.checked_sub(1) {
                if param.values.get(i).is_some_and(|v| v.region == candidate) {
                    return Ok((param, i));
                }
            }
        }
        // A date of the policy's calendar: a date before the first value gets the first value.
        if spec.scope == Scope::Calendar {
            for candidate in candidates() {
                let start = param.values.partition_point(|v| v.region < candidate);
                if param
                    .values
                    .get(start)
                    .is_some_and(|v| v.region == candidate)
                {
                    return Ok((param, start));
                }
            }
        }
        // Too early for the place's first value, else none for the place (then the place is at fault).
        let earliest = param
            .values
            .iter()
            .filter(|v| v.region.is_none() || chain.contains(&v.region))
            .map(|v| v.from)
            .min();
        Err(PolicyError::out_of_range(
            if earliest.is_some() { "asOf" } else { "region" },
            match earliest {
                Some(e) => format!(
                    "参数“{}”（{}）在 {} 尚无取值，最早取值自 {}",
                    param.label,
                    spec.name,
                    format_date(on),
                    format_date(e)
                ),
                None => format!(
                    "参数“{}”（{}）因地区而异，{}",
                    param.label,
                    spec.name,
                    if region.is_some() {
                        "这一地区没有取值"
                    } else {
                        "须给出地区"
                    }
                ),
            },
        ))
    }

    /// A parameter only counties have, asked for a city, the province or no region.
    fn not_a_county(&self, spec: &Spec, region: Option<&Region>) -> PolicyError {
        let message = match region {
            Some(r) => {
                // An example: the first county of that city (or of the province).
                let example = self
                    .regions
                    .values()
                    .filter(|c| c.level() == Level::County && c.chain.contains(&Some(r.code)))
                    .min_by_key(|c| c.code)
                    .map(|c| format!("，如 {} {}", c.code_string(), c.name))
                    .unwrap_or_default();
                format!(
                    "“{}”只按县（市、区）确定：{}（{}）是{}区划，没有这一取值。请填写县（市、区）的6位代码{example}",
                    spec.label,
                    r.name,
                    r.code_string(),
                    r.level().label()
                )
            }
            None => format!(
                "“{}”只按县（市、区）确定：请填写县（市、区）的6位代码",
                spec.label
            ),
        };
        PolicyError::new(ErrorCode::InvalidRegion, "region", message)
    }

    fn insert_region(&mut self, region: Region) {
        self.regions.insert(region.code, region);
    }

    /// After loading: each region's 重点帮扶县 status from the set's list status and its flag.
    fn settle_key_counties(&mut self) {
        let published = self.key_counties.status == KeyCountyListStatus::Published;
        for r in self.regions.values_mut() {
            r.key_county = match (published, r.key_county_flag) {
                (false, _) => KeyCounty::NotPublished,
                (true, true) => KeyCounty::Yes,
                (true, false) => KeyCounty::No,
            };
        }
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
/// used are not `official` and which are stale, so the result can say so.
#[derive(Clone)]
pub struct Reader<'a> {
    set: &'a ParameterSet,
    on: NaiveDate,
    /// The date parameters are looked up for: `on`, unless a comparison holds them at another date.
    params_on: NaiveDate,
    region: Option<&'a Region>,
    unofficial: UnofficialSet,
    stale: StaleSet,
    /// The parameters read whose value changes within the 12 months from the date, for the
    /// calculation's region (rule `annual.standardOfDate`).
    changing: Changing,
    /// The values already found for this date and region (a batch's), when kept.
    resolved: Option<&'a Resolved>,
}

/// The values a date and a region resolve to, each looked up once and kept for the next household
/// of a batch on that date in that region (a batch keeps these beside its transition statuses), with
/// whether each is non-official and due for checking on that date: what a reader records.
#[derive(Debug)]
pub struct Resolved {
    /// The address of the set they were found in: a cache belongs to one set.
    set: usize,
    on: NaiveDate,
    region: Option<u32>,
    /// Per catalogue entry: 0 not looked up yet, else the value's place + 1 (low 16 bits) with
    /// [`Resolved::UNOFFICIAL`] and [`Resolved::STALE`], and a stale value's `from` as a
    /// [`StaleDay`] from [`Resolved::DAY_SHIFT`] (worked out once, not at each read), and a
    /// whole number's count + 1 from [`Resolved::COUNT_SHIFT`] (0 for any other value).
    slots: Vec<std::cell::Cell<u64>>,
    /// Per catalogue entry, the decimal its slot's value holds, when the slot says
    /// [`Resolved::DECIMAL`] (read without finding the value). The native tool only, as the
    /// counts: the module keeps its bytes.
    #[cfg(not(target_arch = "wasm32"))]
    decimals: Vec<std::cell::Cell<Decimal>>,
}

impl Resolved {
    const PLACE: u32 = 0xFFFF;
    /// The last place a slot can number (its place + 1 must fit [`Resolved::PLACE`]).
    const LAST_PLACE: u32 = 0xFFFE;
    const UNOFFICIAL: u32 = 1 << 16;
    const STALE: u32 = 1 << 17;
    /// The value changes within the 12 months from the date (see [`ParameterSet::later_change`]).
    const CHANGES: u32 = 1 << 18;
    /// Where a slot keeps a stale value's day.
    const DAY_SHIFT: u32 = 32;
    /// Where a slot keeps the value as a count + 1 ([`Reader::count`] reads it without the
    /// decimal), in the 13 bits up to the day; 0 when it is not a count or past them.
    #[cfg(not(target_arch = "wasm32"))]
    const COUNT_SHIFT: u32 = 19;
    #[cfg(not(target_arch = "wasm32"))]
    const COUNT: u64 = 0x1FFF;
    /// The slot's value is a decimal, kept in [`Resolved::decimals`] (above the day's 17 bits).
    #[cfg(not(target_arch = "wasm32"))]
    const DECIMAL: u64 = 1 << 49;

    /// A slot's bits the native tool adds for `v`: its count (see [`Resolved::count_bits`]).
    #[cfg(not(target_arch = "wasm32"))]
    fn native_bits(spec: &Spec, v: &DatedValue) -> u64 {
        Resolved::count_bits(spec, v)
    }
    #[cfg(target_arch = "wasm32")]
    fn native_bits(_: &Spec, _: &DatedValue) -> u64 {
        0
    }

    /// Keep `v`'s decimal for `spec` when it is one: [`Resolved::DECIMAL`], else no bits.
    #[cfg(not(target_arch = "wasm32"))]
    fn keep_decimal(&self, spec: &Spec, v: &DatedValue) -> u64 {
        match (v.value, self.decimals.get(spec.index)) {
            (Value::Decimal(d), Some(kept)) => {
                kept.set(d);
                Resolved::DECIMAL
            }
            _ => 0,
        }
    }

    /// The slot's bits for `v` as a count, when it is one that fits them (natively; the module
    /// reads counts from their decimals, for its bytes).
    #[cfg(not(target_arch = "wasm32"))]
    fn count_bits(spec: &Spec, v: &DatedValue) -> u64 {
        let count = match v.value {
            Value::Decimal(d) => count_of(spec, d).ok(),
            Value::Date(_) => None,
        };
        count
            .map(u64::from)
            .filter(|c| *c < Resolved::COUNT.saturating_sub(1))
            .map_or(0, |c| c.saturating_add(1) << Resolved::COUNT_SHIFT)
    }

    /// An empty cache for `reader`'s set, parameter date and region.
    pub fn for_reader(reader: &Reader<'_>) -> Resolved {
        Resolved {
            set: std::ptr::from_ref(reader.set).addr(),
            on: reader.params_on,
            region: reader.region.map(|r| r.code),
            slots: vec![std::cell::Cell::new(0); CATALOGUE_LEN],
            #[cfg(not(target_arch = "wasm32"))]
            decimals: vec![std::cell::Cell::new(Decimal::ZERO); CATALOGUE_LEN],
        }
    }

    /// Whether it holds the values `reader` reads by default.
    pub fn serves(&self, reader: &Reader<'_>) -> bool {
        // The region first: what tells apart the values of a batch on one date.
        self.region == reader.region.map(|r| r.code)
            && self.on == reader.params_on
            && self.set == std::ptr::from_ref(reader.set).addr()
    }
}

/// The values a batch resolved, one [`Resolved`] for each date and region it met, and which
/// served last (a household's check and its figures ask in turn).
#[derive(Debug, Default)]
pub struct Kept(Vec<Resolved>, usize);

impl Kept {
    /// How many dates and regions it keeps (every region of the province on a few dates); past
    /// that, it starts again.
    const MOST: usize = 512;

    /// Where the values `reader` reads by default are kept for the batch.
    pub fn serving(&mut self, reader: &Reader<'_>) -> Option<&Resolved> {
        if self.0.get(self.1).is_some_and(|r| r.serves(reader)) {
            return self.0.get(self.1);
        }
        let at = match self.0.iter().position(|r| r.serves(reader)) {
            Some(at) => at,
            None => {
                if self.0.len() >= Kept::MOST {
                    self.0.clear();
                }
                self.0.push(Resolved::for_reader(reader));
                self.0.len().saturating_sub(1)
            }
        };
        self.1 = at;
        self.0.get(at)
    }
}

/// How many parameters the catalogue has.
const CATALOGUE_LEN: usize = catalogue::ALL.len();

/// Whether `a` sorts before `b` (as `str` sorts: bytewise), at compile time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const fn sorts_before(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The catalogue's indices in the order of their names (`BY_NAME[rank]`), sorted at compile time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const BY_NAME: [u8; CATALOGUE_LEN] = {
    let mut order = [0u8; CATALOGUE_LEN];
    let mut i = 0;
    while i < CATALOGUE_LEN {
        order[i] = i as u8;
        i += 1;
    }
    // Insertion sort: a couple of hundred names, once, in the compiler.
    let mut i = 1;
    while i < CATALOGUE_LEN {
        let mut j = i;
        while j > 0
            && sorts_before(
                catalogue::ALL[order[j] as usize].name,
                catalogue::ALL[order[j - 1] as usize].name,
            )
        {
            let t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    order
};

/// Each catalogue entry's place in name order (`RANK[index]`): the sets below keep a bit per rank,
/// so walking the bits that are set lists the names sorted.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const RANK: [u8; CATALOGUE_LEN] = {
    let mut rank = [0u8; CATALOGUE_LEN];
    let mut r = 0;
    while r < CATALOGUE_LEN {
        rank[BY_NAME[r] as usize] = r as u8;
        r += 1;
    }
    rank
};

/// The parameters only the transition period's documents give (`Spec::of_the_period`), by rank.
#[allow(clippy::indexing_slicing)]
const OF_THE_PERIOD: Bits = {
    let mut bits = Bits::EMPTY;
    let mut i = 0;
    while i < CATALOGUE_LEN {
        if catalogue::ALL[i].of_the_period {
            bits = bits.with(RANK[i] as usize);
        }
        i += 1;
    }
    bits
};

/// Where `spec` sits in name order.
fn rank(spec: &Spec) -> usize {
    RANK.get(spec.index).map_or(usize::MAX, |r| usize::from(*r))
}

/// The parameters whose ranks are set in `bits`, sorted by name.
fn by_name(bits: Bits) -> impl Iterator<Item = &'static Spec> {
    bits.indices()
        .filter_map(|r| BY_NAME.get(r))
        .filter_map(|i| catalogue::ALL.get(usize::from(*i)).copied())
}

/// The parameters a calculation read whose value changes within the 12 months from its date (rule
/// `annual.standardOfDate`): up to eight, a byte each (the catalogue index + 1), in the order first
/// read; more are not kept (the rule is listed all the same). Eight bytes, not a set of the
/// catalogue's 256 bits: a reader is copied into every calculation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changing(u64);

impl Changing {
    const SLOTS: u32 = 8;

    fn insert(&mut self, spec: &Spec) {
        let Some(id) = u64::try_from(spec.index)
            .ok()
            .filter(|i| *i < 0xFF)
            .map(|i| i.wrapping_add(1))
        else {
            return;
        };
        for k in 0..Changing::SLOTS {
            let shift = k.wrapping_mul(8);
            match self.0.wrapping_shr(shift) & 0xFF {
                0 => {
                    self.0 |= id.wrapping_shl(shift);
                    return;
                }
                b if b == id => return,
                _ => {}
            }
        }
    }

    /// Add another calculation's.
    pub fn extend(&mut self, other: Changing) {
        // Most sets are empty: nothing to add, or the other taken whole (its slots are what
        // inserting its parameters in order would give: a parameter's id is its place in `ALL`).
        if other.is_empty() {
            return;
        }
        if self.is_empty() {
            *self = other;
            return;
        }
        for spec in other.specs() {
            self.insert(spec);
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The parameters, in the order first read.
    pub fn specs(self) -> impl Iterator<Item = &'static Spec> {
        (0..Changing::SLOTS)
            .map(move |k| self.0.wrapping_shr(k.wrapping_mul(8)) & 0xFF)
            .take_while(|b| *b != 0)
            .filter_map(|b| {
                let at = usize::try_from(b.wrapping_sub(1)).ok()?;
                catalogue::ALL.get(at).copied()
            })
    }
}

/// Which parameters a calculation used that are not `official`: a bit per catalogue entry, kept in
/// name order. It is
/// written out (JSON, TypeScript `string[]`) as the names, sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UnofficialSet(Bits);

const _: () = assert!(
    catalogue::ALL.len() <= Bits::CAPACITY,
    "UnofficialSet and StaleSet hold 256 parameters"
);

impl UnofficialSet {
    fn insert(&mut self, spec: &Spec) {
        self.0.insert(rank(spec));
    }
    /// Add another calculation's set.
    pub fn extend(&mut self, other: UnofficialSet) {
        self.0.union(other.0);
    }
    pub fn len(self) -> usize {
        self.0.len()
    }
    pub fn is_empty(self) -> bool {
        self.0.is_empty()
    }
    pub fn contains(self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }
    /// The names, sorted.
    pub fn iter(self) -> impl Iterator<Item = &'static str> {
        by_name(self.0).map(|spec| spec.name)
    }
    /// The names, sorted, as a list.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().collect()
    }
    /// The parameters, sorted by name.
    pub fn specs(self) -> impl Iterator<Item = &'static Spec> {
        by_name(self.0)
    }
}

impl Serialize for UnofficialSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// How many catalogue entries have an update cycle (only those can be stale).
const STALE_SLOTS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < catalogue::ALL.len() {
        #[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
        if catalogue::ALL[i].cycle_months > 0 {
            n += 1;
        }
        #[allow(clippy::arithmetic_side_effects)]
        {
            i += 1;
        }
    }
    n
};

const _: () = assert!(STALE_SLOTS <= 64, "a StaleSet holds 64 parameters");

/// Each catalogue entry's place in a [`StaleSet`] (`u8::MAX`: never stale), given in name order so
/// that walking a set's bits lists its names sorted. Evaluated at compile time.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const STALE_SLOT: [u8; CATALOGUE_LEN] = {
    let mut out = [u8::MAX; CATALOGUE_LEN];
    let mut next = 0u8;
    let mut r = 0;
    while r < CATALOGUE_LEN {
        let i = BY_NAME[r] as usize;
        if catalogue::ALL[i].cycle_months > 0 {
            out[i] = next;
            next += 1;
        }
        r += 1;
    }
    out
};

/// The catalogue index of each [`StaleSet`] slot (`SLOT_INDEX[slot]`).
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const SLOT_INDEX: [u8; STALE_SLOTS] = {
    let mut out = [0u8; STALE_SLOTS];
    let mut i = 0;
    while i < CATALOGUE_LEN {
        if STALE_SLOT[i] != u8::MAX {
            out[STALE_SLOT[i] as usize] = i as u8;
        }
        i += 1;
    }
    out
};

/// A stale figure's `from` as a [`StaleSet`] keeps it: days since [`StaleDay::FIRST`], in 17 bits,
/// which reach from the calendar's first year past its last (every date a parameter file may hold).
struct StaleDay;

impl StaleDay {
    /// 1900-01-01 (`calendar::EARLIEST_YEAR`) as days from the common era.
    const FIRST: i32 = 693_596;
    /// The last day a set can keep: 17 bits of days, into the year 2258.
    const LAST: i32 = (1 << 17) - 1;

    fn of(date: NaiveDate) -> u32 {
        use chrono::Datelike;
        let day = date.num_days_from_ce().saturating_sub(StaleDay::FIRST);
        u32::try_from(day.clamp(0, StaleDay::LAST)).unwrap_or(0)
    }

    fn date(day: u32) -> NaiveDate {
        i32::try_from(day)
            .ok()
            .and_then(|d| d.checked_add(StaleDay::FIRST))
            .and_then(NaiveDate::from_num_days_from_ce_opt)
            .unwrap_or(NaiveDate::MIN)
    }
}

/// Which values a calculation used that were older than their parameter's update cycle on the date
/// they were read for (`asOf ≥ from + cycle`), with the `from` of each (the oldest, when one parameter
/// was read twice). Fixed size, no allocation, small (results and readers carry it and are moved
/// whole): a bit per parameter that has a cycle, in name order, and the day of each `from` in 17
/// bits (16 in `low`, the 17th in `high`).
///
/// Written out (JSON) as `[{ parameter, lastFrom, text }]`, sorted by name, e.g.
/// `{ "parameter": "dibao.standard.rural", "lastFrom": "2022-01-01", "text":
/// "农村低保标准最近取值为 2022-01-01，请核对当地现行标准" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaleSet {
    bits: u64,
    high: u64,
    low: [u16; STALE_SLOTS],
}

impl Default for StaleSet {
    fn default() -> Self {
        StaleSet {
            bits: 0,
            high: 0,
            low: [0; STALE_SLOTS],
        }
    }
}

/// One stale figure, as a result lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct StaleEntry {
    /// The parameter's name, e.g. `dibao.standard.rural`.
    pub parameter: &'static str,
    /// The `from` of the value used (`YYYY-MM-DD`).
    pub last_from: String,
    /// e.g. `农村低保标准最近取值为 2022-01-01，请核对当地现行标准` (explained results only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub text: Option<String>,
}

impl StaleSet {
    fn slot(spec: &Spec) -> Option<usize> {
        STALE_SLOT
            .get(spec.index)
            .copied()
            .filter(|s| *s != u8::MAX)
            .map(usize::from)
    }
    /// The `from` kept in `slot`, as a day (see [`StaleDay`]).
    fn day(&self, slot: usize) -> u32 {
        let high = self.high >> slot.min(63) & 1;
        let low = self.low.get(slot).copied().unwrap_or_default();
        u32::from(low) | u32::try_from(high).unwrap_or(0) << 16
    }
    /// Keep `day` in `slot`, the bit set, when the slot is empty or holds a later day.
    fn keep(&mut self, slot: usize, day: u32) {
        let (Some(low), Ok(shift)) = (self.low.get_mut(slot), u32::try_from(slot)) else {
            return;
        };
        let bit = 1u64.checked_shl(shift).unwrap_or(0);
        let kept = u32::from(*low) | u32::from(self.high & bit != 0) << 16;
        if self.bits & bit == 0 || day < kept {
            *low = u16::try_from(day & 0xFFFF).unwrap_or_default();
            self.high = if day >> 16 & 1 != 0 {
                self.high | bit
            } else {
                self.high & !bit
            };
        }
        self.bits |= bit;
    }
    /// Record that the value of `spec` from `from` was used after its cycle ran out.
    fn insert(&mut self, spec: &Spec, from: NaiveDate) {
        self.insert_day(spec, StaleDay::of(from));
    }
    /// [`StaleSet::insert`] with `from` as a [`StaleDay`].
    fn insert_day(&mut self, spec: &Spec, day: u32) {
        if let Some(slot) = StaleSet::slot(spec) {
            self.keep(slot, day);
        }
    }
    /// Add another calculation's stale figures: the oldest `from` of each.
    pub fn extend(&mut self, other: &StaleSet) {
        // Only the slots that are set (most sets are empty or hold a few).
        let mut bits = other.bits;
        while bits != 0 {
            let slot = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            self.keep(slot, other.day(slot));
        }
    }
    /// The stale parameters' names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.iter().map(|(spec, _)| spec.name)
    }
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|(spec, _)| spec.name == name)
    }
    /// The stale parameters, sorted by name, each with the `from` of the value used.
    pub fn iter(&self) -> impl Iterator<Item = (&'static Spec, NaiveDate)> + '_ {
        let mut bits = self.bits;
        std::iter::from_fn(move || {
            while bits != 0 {
                let slot = bits.trailing_zeros() as usize;
                bits &= bits.wrapping_sub(1);
                let spec = SLOT_INDEX
                    .get(slot)
                    .and_then(|i| catalogue::ALL.get(usize::from(*i)));
                if let Some(spec) = spec {
                    return Some((*spec, StaleDay::date(self.day(slot))));
                }
            }
            None
        })
    }
    /// The entries as a result writes them.
    pub fn entries(&self) -> Vec<StaleEntry> {
        self.iter()
            .map(|(spec, from)| {
                let last_from = format_date(from);
                StaleEntry {
                    parameter: spec.name,
                    text: Some(StaleText(spec.label, &last_from).to_string()),
                    last_from,
                }
            })
            .collect()
    }
}

/// The sentence of a stale figure: its label and the `from` of the value used.
struct StaleText<'a>(&'static str, &'a str);

impl std::fmt::Display for StaleText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}最近取值为 {}，请核对当地现行标准", self.0, self.1)
    }
}

/// A [`StaleSet`] as a result lists it: `[{ parameter, lastFrom, text? }]`, sorted by name, the
/// sentence only when the result is explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaleList {
    pub set: StaleSet,
    pub words: bool,
}

impl Serialize for StaleList {
    /// As [`StaleSet::entries`] would write, straight from the bits and dates: no list or sentence
    /// is built for writing it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(
            self.set
                .iter()
                .map(|(spec, from)| StaleItem(spec, from, self.words)),
        )
    }
}

/// A set on its own is written with its sentences (county results, which are always explained).
impl Serialize for StaleSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        StaleList {
            set: *self,
            words: true,
        }
        .serialize(s)
    }
}

/// One stale figure, written as a [`StaleEntry`] (with its sentence when `.2`).
struct StaleItem(&'static Spec, NaiveDate, bool);

impl Serialize for StaleItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let last_from = format_date(self.1);
        let mut entry = s.serialize_struct("StaleEntry", 3)?;
        entry.serialize_field("parameter", self.0.name)?;
        entry.serialize_field("lastFrom", &last_from)?;
        if self.2 {
            entry.serialize_field(
                "text",
                &format_args!("{}", StaleText(self.0.label, &last_from)),
            )?;
        }
        entry.end()
    }
}

/// What a calculation rested on that its result must report: the non-official figures and the
/// stale ones. A calculation resting on another records the other's (`Reader::rest_on`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Used {
    pub unofficial: UnofficialSet,
    pub stale: StaleSet,
    /// The parameters read whose value changes within the year (see [`Reader::changing`]).
    pub changing: Changing,
}

impl Used {
    pub fn extend(&mut self, other: &Used) {
        self.unofficial.extend(other.unofficial);
        self.stale.extend(&other.stale);
        self.changing.extend(other.changing);
    }
}

/// Whether a value from `from` is stale on `on` for a parameter updated every `months` months.
/// Whether a result resting on `v` on `on` must say it is due for checking: stale, and not a
/// what-if (the caller's own choice is never reported as due).
pub(crate) fn due_for_checking(spec: &Spec, v: &DatedValue, on: NaiveDate) -> bool {
    is_stale(spec, v.from, on) && !overrides::is_what_if(v)
}

fn is_stale(spec: &Spec, from: NaiveDate, on: NaiveDate) -> bool {
    spec.cycle_months > 0
        && from
            .checked_add_months(Months::new(spec.cycle_months))
            .is_some_and(|due| on >= due)
}

impl<'a> Reader<'a> {
    pub fn new(set: &'a ParameterSet, on: NaiveDate, region: Option<&'a Region>) -> Self {
        Reader {
            set,
            on,
            params_on: on,
            region,
            unofficial: UnofficialSet::default(),
            stale: StaleSet::default(),
            changing: Changing::default(),
            resolved: None,
        }
    }

    /// The same reader, keeping the values it finds in `resolved` (which must serve it, see
    /// [`Resolved::serves`]; one that does not is not used) and reading those found before.
    pub fn with_resolved<'b>(self, resolved: &'b Resolved) -> Reader<'b>
    where
        'a: 'b,
    {
        let serves = resolved.serves(&self);
        Reader {
            resolved: serves.then_some(resolved),
            ..self
        }
    }

    /// The same calculation with every parameter read as in force on `date` (what the figures
    /// would be had no value changed since: a comparison of two dates holds them apart).
    pub fn with_parameters_on(mut self, date: NaiveDate) -> Self {
        self.params_on = date;
        self
    }

    pub fn on(&self) -> NaiveDate {
        self.on
    }
    /// The date parameters are read for (`on`, unless held at another date).
    pub fn params_on(&self) -> NaiveDate {
        self.params_on
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
        // Nearly every read of a batch is of a value already kept: that read alone is here, with
        // little to save and restore; the others are apart, in `value_looked_up`.
        if let Some(resolved) = self.resolved {
            if on == self.params_on && region.map(|r| r.code) == resolved.region {
                let kept = resolved
                    .slots
                    .get(spec.index)
                    .map_or(0, std::cell::Cell::get);
                let value = (kept & u64::from(Resolved::PLACE))
                    .checked_sub(1)
                    .and_then(|place| usize::try_from(place).ok())
                    .and_then(|place| self.set.params.get(spec)?.values.get(place));
                if let Some(v) = value {
                    self.record_read(spec, kept);
                    return Ok(v);
                }
            }
        }
        self.value_looked_up(spec, on, region)
    }

    /// [`Reader::value_at`] for a value not kept yet, or read without kept values.
    #[cold]
    #[inline(never)]
    fn value_looked_up(
        &mut self,
        spec: &'static Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<&'a DatedValue> {
        match self.resolved {
            Some(resolved) if on == self.params_on && region.map(|r| r.code) == resolved.region => {
                self.value_kept(spec, resolved)
            }
            _ => self.value_found(spec, on, region),
        }
    }

    /// Record `v`, the value of `spec`, as non-official and stale as `bits` say (see [`Resolved`]).
    #[inline(always)]
    /// `bits` hold the stale day `v.from` gives (a slot of [`Resolved`]).
    fn record_read(&mut self, spec: &'static Spec, bits: u64) {
        if bits & u64::from(Resolved::UNOFFICIAL) != 0 {
            self.unofficial.insert(spec);
        }
        if bits & u64::from(Resolved::STALE) != 0 {
            let day = u32::try_from(bits >> Resolved::DAY_SHIFT).unwrap_or(0);
            self.stale.insert_day(spec, day);
        }
        if bits & u64::from(Resolved::CHANGES) != 0 {
            self.changing.insert(spec);
        }
    }

    /// Whether the figures rest on a value the set carries past the transition period: a parameter
    /// only the period's documents give, read (here or by a calculation this one rests on, as
    /// `unofficial` counts it) for a date after the period, in a value of the set that is not
    /// official and not the caller's (`transition.carriedValues`). Non-official values are in
    /// `unofficial`: a bit test rules out nearly every result, the rest look the values up.
    #[inline(always)]
    pub fn carried(&mut self) -> Result<bool> {
        if self.unofficial.0.meets(&OF_THE_PERIOD) {
            self.carried_read()
        } else {
            Ok(false)
        }
    }

    /// [`Reader::carried`] once a parameter of the period is among the non-official ones read.
    #[cold]
    #[inline(never)]
    fn carried_read(&mut self) -> Result<bool> {
        // Read as the figures read them: from a batch's kept values, when it has them.
        let end = self.date(&catalogue::TRANSITION_END)?;
        if self.params_on <= end {
            return Ok(false);
        }
        for spec in catalogue::ALL.iter().filter(|s| s.of_the_period) {
            if self.unofficial.0.contains(rank(spec)) {
                let v = self.value(spec)?;
                if v.status != Status::Official && !overrides::is_what_if(v) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// The value of the reader's own date and region, from `resolved` or found and kept there,
    /// recorded as [`Reader::value_found`] records it.
    fn value_kept(&mut self, spec: &'static Spec, resolved: &Resolved) -> Result<&'a DatedValue> {
        let slot = resolved.slots.get(spec.index);
        let kept = slot.map_or(0, std::cell::Cell::get);
        let (v, bits) = match (kept & u64::from(Resolved::PLACE)).checked_sub(1) {
            Some(place) => {
                let v = self
                    .set
                    .params
                    .get(spec)
                    .and_then(|p| p.values.get(usize::try_from(place).ok()?))
                    .ok_or_else(|| missing(spec))?;
                (v, kept)
            }
            None => {
                let (param, at) = self.set.lookup_index(spec, self.params_on, self.region)?;
                let v = param.values.get(at).ok_or_else(|| missing(spec))?;
                let mut bits = 0;
                if v.status != Status::Official {
                    bits |= Resolved::UNOFFICIAL;
                }
                if due_for_checking(spec, v, self.params_on) {
                    bits |= Resolved::STALE;
                }
                if self
                    .set
                    .later_change(spec, self.params_on, self.region)
                    .is_some()
                {
                    bits |= Resolved::CHANGES;
                }
                let bits = u64::from(bits)
                    | u64::from(StaleDay::of(v.from)) << Resolved::DAY_SHIFT
                    | Resolved::native_bits(spec, v);
                // Kept unless the parameter has more values than a slot can number.
                let place = u32::try_from(at).ok().filter(|p| *p < Resolved::LAST_PLACE);
                if let (Some(slot), Some(place)) = (slot, place) {
                    #[cfg(not(target_arch = "wasm32"))]
                    let bits = bits | resolved.keep_decimal(spec, v);
                    slot.set(bits | u64::from(place.saturating_add(1)));
                }
                (v, bits)
            }
        };
        self.record_read(spec, bits);
        Ok(v)
    }

    /// The value for a date and region, looked up in the set and recorded.
    fn value_found(
        &mut self,
        spec: &'static Spec,
        on: NaiveDate,
        region: Option<&Region>,
    ) -> Result<&'a DatedValue> {
        let v = self.set.lookup(spec, on, region).map_err(|mut e| {
            // Another region than the calculation's is a member's place of work.
            if e.code == ErrorCode::InvalidRegion
                && region.map(|r| r.code) != self.region.map(|r| r.code)
            {
                e.path = "workRegion".into();
            }
            e
        })?;
        if v.status != Status::Official {
            self.unofficial.insert(spec);
        }
        if due_for_checking(spec, v, on) {
            self.stale.insert(spec, v.from);
        }
        // A change of the calculation's own date and region (a value for another region, a
        // member's place of work, is the same there when the parameter has no regional values).
        let here = on == self.params_on
            && (region.map(|r| r.code) == self.region.map(|r| r.code)
                || !self.set.is_regional(spec));
        if here && self.set.later_change(spec, on, self.region).is_some() {
            self.changing.insert(spec);
        }
        Ok(v)
    }

    pub fn value(&mut self, spec: &'static Spec) -> Result<&'a DatedValue> {
        self.value_at(spec, self.params_on, self.region)
    }

    /// The value for the reader's date and region when the set has one (a figure only some places
    /// publish), recorded as [`Reader::value`] records it; `None` when it has none.
    pub fn money_if_any(&mut self, spec: &'static Spec) -> Result<Option<Money>> {
        if self.set.lookup(spec, self.params_on, self.region).is_err() {
            return Ok(None);
        }
        self.money(spec).map(Some)
    }

    pub fn decimal(&mut self, spec: &'static Spec) -> Result<Decimal> {
        self.decimal_in(spec, self.region)
    }
    /// The value for another region (a member's place of work), on the same date.
    pub fn decimal_in(&mut self, spec: &'static Spec, region: Option<&Region>) -> Result<Decimal> {
        // A decimal a batch kept (nearly every read of one): taken as it was kept, without
        // finding its value again.
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(resolved) = self.resolved {
            if region.map(|r| r.code) == resolved.region {
                let kept = resolved
                    .slots
                    .get(spec.index)
                    .map_or(0, std::cell::Cell::get);
                if kept & Resolved::DECIMAL != 0 {
                    if let Some(d) = resolved.decimals.get(spec.index) {
                        self.record_read(spec, kept);
                        return Ok(d.get());
                    }
                }
            }
        }
        match self.value_at(spec, self.params_on, region)?.value {
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
        // A count a batch kept (nearly every read of one): the number, without its decimal.
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(resolved) = self.resolved {
            if region.map(|r| r.code) == resolved.region {
                if let Some(count) = self.count_kept_here(spec, resolved) {
                    return Ok(count);
                }
            }
        }
        count_of(spec, self.decimal_in(spec, region)?)
    }
    /// The count `resolved` keeps for `spec`, recorded as a read of its value; `None` when it
    /// keeps none (not looked up yet, or not a count that fits its bits).
    #[cfg(not(target_arch = "wasm32"))]
    #[inline(always)]
    fn count_kept_here(&mut self, spec: &'static Spec, resolved: &Resolved) -> Option<u32> {
        let kept = resolved
            .slots
            .get(spec.index)
            .map_or(0, std::cell::Cell::get);
        let count = ((kept >> Resolved::COUNT_SHIFT) & Resolved::COUNT).checked_sub(1)?;
        self.record_read(spec, kept);
        u32::try_from(count).ok()
    }
    /// [`Reader::count`], read through a batch's `kept` values when they serve this reader.
    pub fn count_kept(&mut self, spec: &'static Spec, kept: &Resolved) -> Result<u32> {
        let serves = kept.serves(self);
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(count) = serves.then(|| self.count_kept_here(spec, kept)).flatten() {
            return Ok(count);
        }
        let v = match serves {
            true => self.value_kept(spec, kept)?,
            false => self.value(spec)?,
        };
        match v.value {
            Value::Decimal(d) => count_of(spec, d),
            Value::Date(_) => Err(wrong_kind(spec)),
        }
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

    /// Record the stale figures another calculation used, when this one rests on it.
    pub fn record_stale(&mut self, stale: &StaleSet) {
        self.stale.extend(stale);
    }

    /// The non-official parameters used so far.
    pub fn unofficial(&self) -> UnofficialSet {
        self.unofficial
    }

    /// The figures used so far that were older than their update cycle.
    pub fn stale(&self) -> StaleSet {
        self.stale
    }

    /// Everything used so far that a result reports.
    pub fn used(&self) -> Used {
        Used {
            unofficial: self.unofficial,
            stale: self.stale,
            changing: self.changing,
        }
    }

    /// The parameters read so far whose value changes within the 12 months from the date, for
    /// the calculation's region: each with its value on the date and the later one (rule
    /// `annual.standardOfDate`). Looked up again: for the words only.
    pub fn changing(&self) -> Changing {
        self.changing
    }

    /// How a step says which value of `spec` it used for `region`: the date it applies from and,
    /// when it is not official, its status (`2025-12-01 起，转述，只有一个来源`, `2021-01-01 起，示意`),
    /// and when past its update cycle, that too; a caller's what-if says so. For the words only:
    /// records nothing. Empty when the set has no value (the figures would have failed).
    pub fn said(&self, spec: &'static Spec, region: Option<&Region>) -> String {
        let Ok(v) = self.set.lookup(spec, self.params_on, region) else {
            return String::new();
        };
        let mut s = format!("{} 起", format_date(v.from));
        if v.is_what_if() {
            s.push_str("，假设值");
            return s;
        }
        match v.status {
            Status::Official => {}
            Status::Reported => s.push_str("，转述"),
            Status::Illustrative => s.push_str("，示意"),
        }
        let single = |t: &str| {
            crate::base::bytes::contains(t, "单一来源")
                || crate::base::bytes::contains(t, "只有这一个来源")
        };
        if v.status != Status::Official
            && (single(&v.source) || v.note.as_deref().is_some_and(single))
        {
            s.push_str("，只有一个来源");
        }
        if due_for_checking(spec, v, self.params_on) {
            s.push_str("，已超过更新周期");
        }
        s
    }

    /// The value of `spec` on the date and the later one within the 12 months, for the
    /// calculation's region (one of [`Reader::changing`]). For the words only.
    pub fn change_of(&self, spec: &'static Spec) -> Option<(&'a DatedValue, &'a DatedValue)> {
        let now = self.set.lookup(spec, self.params_on, self.region).ok()?;
        let later = self.set.later_change(spec, self.params_on, self.region)?;
        Some((now, later))
    }

    /// Starts reading apart: what is read until [`Reader::end_apart`] is not recorded here but
    /// handed back, for the caller to record where it belongs (低保's 加发 rates, for instance,
    /// rest under its amount and not under who it covers). Returns what was recorded so far.
    pub fn begin_apart(&mut self) -> Used {
        let kept = self.used();
        self.unofficial = UnofficialSet::default();
        self.stale = StaleSet::default();
        self.changing = Changing::default();
        kept
    }

    /// Ends reading apart (`kept`: what [`Reader::begin_apart`] returned): what was read since.
    pub fn end_apart(&mut self, kept: Used) -> Used {
        let apart = self.used();
        self.unofficial = kept.unofficial;
        self.stale = kept.stale;
        self.changing = kept.changing;
        apart
    }

    /// Record what another calculation used, when this one rests on it. One body in the module
    /// (called from a dozen places); inlined natively.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn rest_on(&mut self, used: &Used) {
        self.unofficial.extend(used.unofficial);
        self.stale.extend(&used.stale);
        self.changing.extend(used.changing);
    }
}

/// A parameter's value as a count.
fn count_of(spec: &Spec, d: Decimal) -> Result<u32> {
    // A whole number written without a point (most counts) is its mantissa already.
    let d = if d.scale() == 0 { d } else { d.normalize() };
    u32::try_from(d.mantissa()).map_err(|_| wrong_kind(spec))
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
