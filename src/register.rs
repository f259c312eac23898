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
//!
//! Output: one row per household, with columns for every programme of the registry
//! ([`output_header`]).

use std::borrow::Cow;

use crate::batch::BatchError;
use crate::error::{PolicyError, Result};
use crate::input::json::Node;
use crate::programs::registry::PROGRAMMES;
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

fn text(v: &str) -> Node<'static> {
    Node::String(Some(Cow::Owned(v.to_string())))
}

fn boolean(v: &str, column: &str) -> Result<Node<'static>> {
    match v {
        "true" | "1" | "是" => Ok(Node::Bool(true)),
        "false" | "0" | "否" => Ok(Node::Bool(false)),
        _ => Err(PolicyError::invalid_input(
            column,
            format!("“{v}”应为 true 或 false"),
        )),
    }
}

fn list(v: &str) -> Vec<Node<'static>> {
    v.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(text)
        .collect()
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

type Members = Vec<(Cow<'static, str>, Node<'static>)>;

fn put(o: &mut Members, key: &'static str, v: Node<'static>) {
    o.push((Cow::Borrowed(key), v));
}

/// One household from its member rows (header and rows as strings), as the JSON the API reads.
/// Errors name the column.
pub fn household_from_rows(header: &[String], rows: &[Vec<String>]) -> Result<Node<'static>> {
    let cell = |row: &'_ [String], name: &str| cell_of(header, row, name).map(str::to_string);
    let first = rows
        .first()
        .ok_or_else(|| PolicyError::invalid_input("", "没有成员行"))?;
    let mut h = Members::new();
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
            put(&mut h, key, text(&v));
        }
    }
    let mut income = Members::new();
    for (column, key) in [
        ("income_business", "business"),
        ("income_property", "property"),
        ("income_transfer", "transfer"),
        ("income_other", "other"),
    ] {
        if let Some(v) = cell(first, column) {
            put(&mut income, key, text(&v));
        }
    }
    if !income.is_empty() {
        put(&mut h, "income", Node::Object(income));
    }
    for (column, key) in [
        ("asset_test_passed", "assetTestPassed"),
        ("on_dibao", "onDibao"),
    ] {
        if let Some(v) = cell(first, column) {
            put(&mut h, key, boolean(&v, column)?);
        }
    }
    if let Some(v) = cell(first, "events") {
        put(&mut h, "events", Node::Array(list(&v)));
    }
    if let Some(v) = cell(first, "unsecured") {
        let g: Members = list(&v)
            .into_iter()
            .filter_map(|item| match item {
                Node::String(Some(k)) => Some((k, Node::Bool(false))),
                _ => None,
            })
            .collect();
        put(&mut h, "guarantees", Node::Object(g));
    }
    if let Some(v) = cell(first, "stable_income_months") {
        let n: u32 = v.parse().map_err(|_| {
            PolicyError::invalid_input("stable_income_months", format!("“{v}”应为非负整数"))
        })?;
        put(
            &mut h,
            "stableIncomeMonths",
            Node::Number(Cow::Owned(n.to_string())),
        );
    }
    let mut members = Vec::with_capacity(rows.len());
    for row in rows {
        members.push(member_from_row(header, row)?);
    }
    put(&mut h, "members", Node::Array(members));
    Ok(Node::Object(h))
}

fn member_from_row(header: &[String], row: &[String]) -> Result<Node<'static>> {
    let cell = |name: &str| cell_of(header, row, name).map(str::to_string);
    let mut m = Members::new();
    for (column, key) in [
        ("member_id", "id"),
        ("birth_date", "birthDate"),
        ("labor_capacity", "laborCapacity"),
        ("self_care", "selfCare"),
        ("wages", "wages"),
        ("work_region", "workRegion"),
        ("schooling", "schooling"),
    ] {
        if let Some(v) = cell(column) {
            put(&mut m, key, text(&v));
        }
    }
    if let Some(v) = cell("disability_grade") {
        let g: u8 = v.parse().map_err(|_| {
            PolicyError::invalid_input("disability_grade", format!("“{v}”应为 1 到 4"))
        })?;
        put(
            &mut m,
            "disabilityGrade",
            Node::Number(Cow::Owned(g.to_string())),
        );
    }
    for (column, key) in [
        ("serious_illness", "seriousIllness"),
        ("has_supporter", "hasSupporter"),
        ("boarding", "boarding"),
    ] {
        if let Some(v) = cell(column) {
            put(&mut m, key, boolean(&v, column)?);
        }
    }
    Ok(Node::Object(m))
}

/// The columns of the output rows: identity, error, monitoring, then each programme of the
/// registry (`<column>_eligible`, `<column>_monthly`, `<column>_annual`), then the totals.
pub fn output_header() -> Vec<String> {
    let mut h: Vec<String> = [
        "household",
        "line",
        "ok",
        "error_code",
        "error_path",
        "error_message",
        "monitoring_in_scope",
        "monitoring_category",
        "monitoring_track",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for p in PROGRAMMES {
        for suffix in ["eligible", "monthly", "annual"] {
            h.push(format!("{}_{suffix}", p.column));
        }
    }
    h.extend(
        ["total_monthly", "total_annual", "unofficial_parameters"]
            .iter()
            .map(|s| s.to_string()),
    );
    h
}

/// One output row, in the order of [`output_header`].
pub fn output_row(
    household: &str,
    line: u64,
    outcome: std::result::Result<&Screening, &BatchError>,
) -> Vec<String> {
    let mut row = vec![household.to_string(), line.to_string()];
    match outcome {
        Err(error) => {
            row.extend([
                "false".to_string(),
                error.code.clone(),
                error.path.clone(),
                error.message.clone(),
            ]);
            row.resize(output_header().len(), String::new());
        }
        Ok(s) => {
            row.extend([
                "true".to_string(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            row.push(s.monitoring.in_scope.to_string());
            row.push(
                s.monitoring
                    .category
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
            );
            row.push(
                s.monitoring
                    .track
                    .map(|t| t.as_str().to_string())
                    .unwrap_or_default(),
            );
            for p in PROGRAMMES {
                match s.program(p.id) {
                    Some(r) => {
                        row.push(r.eligible.to_string());
                        row.push(r.monthly.map(|m| m.to_fen_string()).unwrap_or_default());
                        row.push(r.annual.to_fen_string());
                    }
                    None => row.extend([String::new(), String::new(), String::new()]),
                }
            }
            row.push(s.total_monthly.to_fen_string());
            row.push(s.total_annual.to_fen_string());
            row.push(s.unofficial.len().to_string());
        }
    }
    row
}
