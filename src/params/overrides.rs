//! What-if overrides (`withOverrides`): `{ name: plain | [{from, region?, value}] }`.
//!
//! A plain value replaces the parameter for every date and region. Dated values are laid over the
//! parameter's values as a portal file's are (see `layer`): where and from when they give a value,
//! theirs is the answer; a value without a region is the whole province's. Override values are marked
//! `illustrative`: a result that rests on them says so. Values are checked against the parameter's
//! range like a file's; a name written twice is an error.

use super::load::{check_keys, duplicate_keys, read_region, read_value, unknown_name, Problems};
use super::{catalogue, quote, DatedValue, Kind, ParameterSet, Spec, Status, Unit};
use crate::base::calendar::{parse_date, EARLIEST_YEAR};
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::json::Node;
use crate::base::money::parse_plain_decimal;
use crate::base::typed::typed_number;
use rust_decimal::Decimal;

const OVERRIDE_SOURCE: &str = "假设调整（withOverrides）";

/// Whether a value came from `withOverrides`.
pub(super) fn is_what_if(v: &DatedValue) -> bool {
    v.source == OVERRIDE_SOURCE
}

/// A what-if value read as [`as_typed`] reads it; what is not a number is refused with an example
/// of what would be.
fn what_if_value(node: &Node<'_>, spec: &Spec) -> std::result::Result<super::Value, String> {
    let typed = as_typed(node, spec);
    if let (Node::String(Some(given)), Some(text)) = (node, typed.as_str()) {
        if spec.unit.kind() != Kind::Date && parse_plain_decimal(text).is_none() {
            let example = match spec.unit.kind() {
                Kind::Rate if spec.unit == Unit::Rate => "如 0.3 或 30%",
                Kind::Rate => "如 1.5",
                Kind::Money => "如 471 或 1,000.50",
                Kind::Count | Kind::Date => "如 2",
            };
            return Err(format!("“{}”不是有效的数字（{example}）", quote(given)));
        }
    }
    read_value(&typed, spec)
}

/// A what-if value typed by a person: a number written as the staff page's fields take it
/// (“1,000”, “５００”, “471元”) reads as that number, and a rate may be a percentage (“30%” is
/// 0.3). Parameter files stay strict.
fn as_typed<'a>(node: &Node<'a>, spec: &Spec) -> Node<'a> {
    match node {
        Node::String(Some(s)) if spec.unit.kind() != Kind::Date => {
            let typed = typed_number(s);
            let percent = typed
                .strip_suffix('%')
                .filter(|_| spec.unit == Unit::Rate)
                .and_then(|n| parse_plain_decimal(n.trim()))
                .and_then(|d| d.checked_div(Decimal::ONE_HUNDRED));
            match percent {
                Some(rate) => Node::String(Some(rate.normalize().to_string().into())),
                None => Node::String(Some(typed.into())),
            }
        }
        other => other.clone(),
    }
}

pub(super) fn apply(base: &ParameterSet, overrides: &Node<'_>) -> Result<ParameterSet> {
    let Some(members) = overrides.entries() else {
        return Err(PolicyError::invalid_input(
            "",
            "overrides 应为对象：{ 参数名: 取值 }",
        ));
    };
    // Unknown names first: they have their own code.
    for (name, _) in members {
        if catalogue::find(name).is_none() {
            return Err(PolicyError::new(
                ErrorCode::UnknownParameter,
                quote(name),
                unknown_name(name),
            ));
        }
    }
    let mut problems = Problems::default();
    duplicate_keys(overrides, "", &mut problems);
    let mut set = base.clone();
    for (name, node) in members {
        let Some(spec) = catalogue::find(name) else {
            continue;
        };
        let new_values: Vec<DatedValue> = match node {
            Node::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| dated_value(name, i, item, spec, &set, &mut problems))
                .collect(),
            plain => plain_value(name, plain, spec, &mut problems),
        };
        let regions = &set.regions;
        let Some(param) = set.params.get_or_insert(spec) else {
            continue;
        };
        if node.as_array().is_none() {
            param.values.clear();
        }
        param.layer(new_values, regions);
    }
    if problems.is_empty() {
        for (names, message) in super::load::out_of_order(&set) {
            // At the one the what-if gives (the first of the two when it gives both).
            let given = names
                .into_iter()
                .find(|n| members.iter().any(|(k, _)| k == n));
            problems.add(given.unwrap_or(names[0]), message);
        }
    }
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems.into_error(ErrorCode::InvalidInput))
    }
}

/// The `i`th of the dated values `[{from, region?, value}]` given for `name`, or `None` (and its
/// problems) when it is not good.
fn dated_value(
    name: &str,
    i: usize,
    item: &Node<'_>,
    spec: &Spec,
    set: &ParameterSet,
    problems: &mut Problems,
) -> Option<DatedValue> {
    let path = format!("{name}[{i}]");
    if item.entries().is_none() {
        problems.add(
            &path,
            format!(
                "{name} 的第 {} 个取值应为 {{ from, region?, value }}",
                i.saturating_add(1)
            ),
        );
        return None;
    }
    check_keys(item, &path, &["from", "region", "value"], problems);
    let context = format!("{name} 的第 {} 个取值", i.saturating_add(1));
    let from = match item.get("from").and_then(Node::as_str) {
        Some(s) => parse_date(s, "")
            .map_err(|e| problems.add(format!("{path}.from"), format!("{context}：{}", e.message)))
            .ok(),
        None => {
            problems.add(
                format!("{path}.from"),
                format!("{context}：缺少日期 from（YYYY-MM-DD）"),
            );
            None
        }
    };
    let region = read_region(item.get("region"), spec, set)
        .map_err(|m| problems.add(format!("{path}.region"), format!("{context}：{m}")))
        .ok();
    let value = match item.get("value") {
        Some(v) => what_if_value(v, spec)
            .map_err(|m| problems.add(format!("{path}.value"), format!("{context}：{m}")))
            .ok(),
        None => {
            problems.add(format!("{path}.value"), format!("{context}：缺少 value"));
            None
        }
    };
    Some(DatedValue {
        from: from?,
        region: region?,
        value: value?,
        source: OVERRIDE_SOURCE.into(),
        status: Status::Illustrative,
        note: None,
    })
}

/// A plain value given for `name`: the parameter's one value from the earliest date on.
fn plain_value(
    name: &str,
    node: &Node<'_>,
    spec: &Spec,
    problems: &mut Problems,
) -> Vec<DatedValue> {
    let value = what_if_value(node, spec)
        .map_err(|m| problems.add(name, format!("{}（{name}）：{m}", spec.label)))
        .ok();
    let from = chrono::NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1);
    match (value, from) {
        (Some(value), Some(from)) => vec![DatedValue {
            from,
            region: None,
            value,
            source: OVERRIDE_SOURCE.into(),
            status: Status::Illustrative,
            note: None,
        }],
        _ => Vec::new(),
    }
}
