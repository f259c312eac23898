//! Registers: households in bulk, as the command-line tool reads and writes them.
//!
//! CSV input has one row per member, grouped by `household_id` (consecutive rows with the same id
//! form one household). Household columns are read from a household's first row:
//! `household_id, region, area, status, income_business, income_property, income_transfer,
//! income_other, last_year_income, rigid_spending, asset_test_passed, events, unsecured,
//! stable_income_months, on_dibao, dibao_monthly, income_change_date`; member columns from every row:
//! `member_id, birth_date, disability_grade, serious_illness, labor_capacity, self_care,
//! has_supporter, wages, work_region, schooling, boarding`. Lists (`events`, `unsecured`) are separated
//! by `;`; booleans are `true`/`false` (or `1`/`0`, `是`/`否`); empty cells mean absent. Columns may
//! come in any order; unknown columns are refused.

use serde::Serialize;
use serde_json::{json, Map, Value as Json};

use crate::engine::BatchError;
use crate::error::{PolicyError, Result};
use crate::screening::Screening;

pub const HOUSEHOLD_COLUMNS: &[&str] = &[
    "household_id",
    "region",
    "area",
    "status",
    "income_business",
    "income_property",
    "income_transfer",
    "income_other",
    "last_year_income",
    "rigid_spending",
    "asset_test_passed",
    "events",
    "unsecured",
    "stable_income_months",
    "on_dibao",
    "dibao_monthly",
    "income_change_date",
];

pub const MEMBER_COLUMNS: &[&str] = &[
    "member_id",
    "birth_date",
    "disability_grade",
    "serious_illness",
    "labor_capacity",
    "self_care",
    "has_supporter",
    "wages",
    "work_region",
    "schooling",
    "boarding",
];

/// Check a CSV header: every column known, `household_id` present.
pub fn check_header(header: &[String]) -> Result<()> {
    if let Some(c) = header
        .iter()
        .find(|c| !HOUSEHOLD_COLUMNS.contains(&c.as_str()) && !MEMBER_COLUMNS.contains(&c.as_str()))
    {
        return Err(PolicyError::invalid_input(
            c.as_str(),
            format!("未知的列“{c}”"),
        ));
    }
    if !header.iter().any(|c| c == "household_id") {
        return Err(PolicyError::invalid_input(
            "household_id",
            "缺少 household_id 列",
        ));
    }
    Ok(())
}

fn boolean(v: &str, column: &str) -> Result<Json> {
    match v {
        "true" | "1" | "是" => Ok(Json::Bool(true)),
        "false" | "0" | "否" => Ok(Json::Bool(false)),
        _ => Err(PolicyError::invalid_input(
            column,
            format!("“{v}”应为 true 或 false"),
        )),
    }
}

fn list(v: &str) -> Json {
    Json::Array(
        v.split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Json::String(s.to_string()))
            .collect(),
    )
}

/// The non-empty, trimmed cell of `name` in `row`.
fn cell_of<'a>(header: &[String], row: &'a [String], name: &str) -> Option<&'a str> {
    header
        .iter()
        .position(|c| c == name)
        .and_then(|i| row.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

/// One household from its member rows (header and rows as strings). Errors name the column.
pub fn household_from_rows(header: &[String], rows: &[Vec<String>]) -> Result<Json> {
    let cell = |row: &'_ [String], name: &str| -> Option<String> {
        cell_of(header, row, name).map(str::to_string)
    };
    let first = rows
        .first()
        .ok_or_else(|| PolicyError::invalid_input("", "没有成员行"))?;
    let mut h = Map::new();
    let text = |v: &str| Json::String(v.to_string());
    for (column, key) in [
        ("region", "region"),
        ("area", "area"),
        ("status", "status"),
        ("last_year_income", "lastYearIncome"),
        ("rigid_spending", "rigidSpending"),
        ("dibao_monthly", "dibaoMonthly"),
        ("income_change_date", "incomeChangeDate"),
    ] {
        if let Some(v) = cell(first, column) {
            h.insert(key.into(), text(&v));
        }
    }
    let mut income = Map::new();
    for (column, key) in [
        ("income_business", "business"),
        ("income_property", "property"),
        ("income_transfer", "transfer"),
        ("income_other", "other"),
    ] {
        if let Some(v) = cell(first, column) {
            income.insert(key.into(), text(&v));
        }
    }
    if !income.is_empty() {
        h.insert("income".into(), Json::Object(income));
    }
    for (column, key) in [
        ("asset_test_passed", "assetTestPassed"),
        ("on_dibao", "onDibao"),
    ] {
        if let Some(v) = cell(first, column) {
            h.insert(key.into(), boolean(&v, column)?);
        }
    }
    if let Some(v) = cell(first, "events") {
        h.insert("events".into(), list(&v));
    }
    if let Some(v) = cell(first, "unsecured") {
        let mut g = Map::new();
        if let Json::Array(items) = list(&v) {
            for item in items {
                if let Json::String(k) = item {
                    g.insert(k, Json::Bool(false));
                }
            }
        }
        h.insert("guarantees".into(), Json::Object(g));
    }
    if let Some(v) = cell(first, "stable_income_months") {
        let n: u32 = v.parse().map_err(|_| {
            PolicyError::invalid_input("stable_income_months", format!("“{v}”应为非负整数"))
        })?;
        h.insert("stableIncomeMonths".into(), json!(n));
    }
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        let mut m = Map::new();
        for (column, key) in [
            ("member_id", "id"),
            ("birth_date", "birthDate"),
            ("labor_capacity", "laborCapacity"),
            ("self_care", "selfCare"),
            ("wages", "wages"),
            ("work_region", "workRegion"),
            ("schooling", "schooling"),
        ] {
            if let Some(v) = cell(row, column) {
                m.insert(key.into(), text(&v));
            }
        }
        if let Some(v) = cell(row, "disability_grade") {
            let g: u8 = v.parse().map_err(|_| {
                PolicyError::invalid_input("disability_grade", format!("“{v}”应为 1 到 4"))
            })?;
            m.insert("disabilityGrade".into(), json!(g));
        }
        for (column, key) in [
            ("serious_illness", "seriousIllness"),
            ("has_supporter", "hasSupporter"),
            ("boarding", "boarding"),
        ] {
            if let Some(v) = cell(row, column) {
                m.insert(key.into(), boolean(&v, column)?);
            }
        }
        members.push(Json::Object(m));
    }
    h.insert("members".into(), Json::Array(members));
    Ok(Json::Object(h))
}

/// One output row per household (CSV): identity, error or each programme's eligibility and amount.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct OutputRow {
    pub household: String,
    pub line: u64,
    pub ok: bool,
    pub error_code: String,
    pub error_path: String,
    pub error_message: String,
    pub monitoring_in_scope: String,
    pub monitoring_category: String,
    pub monitoring_track: String,
    pub dibao_eligible: String,
    pub dibao_monthly: String,
    pub tekun_eligible: String,
    pub tekun_monthly: String,
    pub temporary_amount: String,
    pub pension_paid_annual: String,
    pub education_annual: String,
    pub total_monthly: String,
    pub total_annual: String,
    pub unofficial_parameters: usize,
}

/// One output row: identity, then the error or each programme's eligibility and amount.
pub fn output_row(
    household: &str,
    line: u64,
    outcome: std::result::Result<&Screening, &BatchError>,
) -> OutputRow {
    let mut row = OutputRow {
        household: household.to_string(),
        line,
        ..OutputRow::default()
    };
    match outcome {
        Err(error) => {
            row.error_code = error.code.clone();
            row.error_path = error.path.clone();
            row.error_message = error.message.clone();
        }
        Ok(s) => {
            let eligible = |id: &str| {
                s.program(id)
                    .map(|p| p.eligible.to_string())
                    .unwrap_or_default()
            };
            let monthly = |id: &str| {
                s.program(id)
                    .and_then(|p| p.monthly)
                    .map(|m| m.to_fen_string())
                    .unwrap_or_default()
            };
            let annual = |id: &str| {
                s.program(id)
                    .map(|p| p.annual.to_fen_string())
                    .unwrap_or_default()
            };
            row.ok = true;
            row.monitoring_in_scope = s.monitoring.in_scope.to_string();
            row.monitoring_category = s
                .monitoring
                .category
                .map(|c| c.as_str().to_string())
                .unwrap_or_default();
            row.monitoring_track = s
                .monitoring
                .track
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            row.dibao_eligible = eligible("dibao");
            row.dibao_monthly = monthly("dibao");
            row.tekun_eligible = eligible("tekun");
            row.tekun_monthly = monthly("tekun");
            row.temporary_amount = annual("temporary");
            row.pension_paid_annual = annual("pension");
            row.education_annual = annual("education");
            row.total_monthly = s.total_monthly.to_fen_string();
            row.total_annual = s.total_annual.to_fen_string();
            row.unofficial_parameters = s.unofficial.len();
        }
    }
    row
}
