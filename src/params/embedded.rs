//! The embedded Heilongjiang set, compiled in: `build.rs` writes it as static tables (each source
//! sentence and each value once), and [`heilongjiang`] makes the `ParameterSet` from them without
//! parsing any JSON. The JSON the build assembles from the same files is shipped beside the module
//! (`zhenxing/heilongjiang.json`) and is what [`ParameterSet::to_json`] writes back, byte for byte
//! (a test holds the two equal).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{
    catalogue, parent_of, DatedValue, KeyCounties, KeyCounty, KeyCountyListStatus, ParameterSet,
    Params, PovertyCounty, PovertyKind, Region, RegionKind, Status, Value,
};
use crate::base::error::{ErrorCode, PolicyError, Result};

/// A date of the tables. The build writes only dates it has checked.
const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}

pub(super) struct SetRow {
    id: u16,
    title: u16,
    published: u16,
    region_source: Option<u16>,
    key_status: KeyCountyListStatus,
    key_source: u16,
    key_note: Option<u16>,
}

/// 16 bytes: the code, and places in the tables for the rest.
pub(super) struct RegionRow {
    code: u32,
    name: u16,
    /// Its note's place in `TEXTS`; `u16::MAX` when it has none.
    note: u16,
    /// Places in `DATES`; `u8::MAX` when it has none.
    valid_from: u8,
    valid_until: u8,
    kind: RegionKind,
    alleviated: bool,
    key_county: bool,
    /// Its place in `POVERTY`; `u8::MAX` when it was not a poverty county.
    poverty: u8,
}

pub(super) struct PovertyRow {
    kind: PovertyKind,
    exit_assessment_year: u32,
    exit_batch: Option<u32>,
    approval_date: Option<u16>,
    approval_document: Option<u16>,
    source: u16,
}

pub(super) struct ParameterRow {
    /// The parameter's place in the catalogue.
    spec: usize,
    values: &'static [ValueRow],
}

/// 10 bytes: each field a place in a table of distinct entries.
pub(super) struct ValueRow {
    /// Its date's place in `DATES`.
    from: u8,
    status: Status,
    /// The region's place in `REGIONS` plus one; 0 for the whole province's value.
    region: u16,
    /// The value's place in `VALUES` (each distinct value once).
    value: u16,
    source: u16,
    /// Its note's place in `TEXTS`; `u16::MAX` when it has none.
    note: u16,
}

include!(concat!(env!("OUT_DIR"), "/heilongjiang_tables.rs"));

/// The tables refer to what they hold; a wrong index would be a fault of the build.
fn corrupt() -> PolicyError {
    PolicyError::new(ErrorCode::InvalidParameters, "", "内置参数表损坏")
}

fn text(i: u16) -> Result<&'static str> {
    TEXTS.get(usize::from(i)).copied().ok_or_else(corrupt)
}

fn text_opt(i: Option<u16>) -> Result<Option<String>> {
    i.map(|i| text(i).map(str::to_string)).transpose()
}

/// The embedded set, from the tables.
pub(super) fn heilongjiang() -> Result<ParameterSet> {
    let mut set = ParameterSet {
        id: text(SET.id)?.into(),
        title: text(SET.title)?.into(),
        published: text(SET.published)?.into(),
        region_source: text_opt(SET.region_source)?,
        key_counties: KeyCounties {
            status: SET.key_status,
            source: text(SET.key_source)?.into(),
            note: text_opt(SET.key_note)?,
        },
        regions: Default::default(),
        params: Params::default(),
    };
    set.regions.reserve(REGIONS.len());
    for r in REGIONS {
        set.insert_region(region(r)?);
    }
    for p in PARAMETERS {
        let spec = catalogue::ALL.get(p.spec).ok_or_else(corrupt)?;
        let values = p.values.iter().map(value).collect::<Result<Vec<_>>>()?;
        if let Some(param) = set.params.get_or_insert(spec) {
            param.values = values;
        }
    }
    set.settle_key_counties();
    Ok(set)
}

/// A text index of a row, `u16::MAX` for none.
fn text_or_none(i: u16) -> Result<Option<String>> {
    text_opt(Some(i).filter(|n| *n != u16::MAX))
}

/// A date index of a row, `u8::MAX` for none.
fn date_or_none(i: u8) -> Result<Option<NaiveDate>> {
    match i {
        u8::MAX => Ok(None),
        i => DATES
            .get(usize::from(i))
            .copied()
            .map(Some)
            .ok_or_else(corrupt),
    }
}

fn region(r: &RegionRow) -> Result<Region> {
    let poverty = match r.poverty {
        u8::MAX => None,
        i => Some(POVERTY.get(usize::from(i)).ok_or_else(corrupt)?),
    };
    let poverty = match poverty {
        None => None,
        Some(p) => Some(PovertyCounty {
            kind: p.kind,
            exit_assessment_year: p.exit_assessment_year,
            exit_batch: p.exit_batch,
            approval_date: text_opt(p.approval_date)?,
            approval_document: text_opt(p.approval_document)?,
            source: text(p.source)?.into(),
        }),
    };
    Ok(Region {
        code: r.code,
        name: text(r.name)?.into(),
        alleviated_county: r.alleviated,
        kind: r.kind,
        valid_from: date_or_none(r.valid_from)?,
        valid_until: date_or_none(r.valid_until)?,
        poverty,
        key_county: KeyCounty::NotPublished,
        note: text_or_none(r.note)?,
        key_county_flag: r.key_county,
        chain: [
            Some(r.code),
            parent_of(r.code),
            parent_of(r.code).and_then(parent_of),
        ],
    })
}

fn value(v: &ValueRow) -> Result<DatedValue> {
    let region = match usize::from(v.region).checked_sub(1) {
        Some(i) => Some(REGIONS.get(i).ok_or_else(corrupt)?.code),
        None => None,
    };
    Ok(DatedValue {
        from: *DATES.get(usize::from(v.from)).ok_or_else(corrupt)?,
        region,
        value: *VALUES.get(usize::from(v.value)).ok_or_else(corrupt)?,
        source: text(v.source)?.into(),
        status: v.status,
        note: text_or_none(v.note)?,
    })
}
