//! What-if overrides (`withOverrides`): `{ name: plain | [{from, region?, value}] }`.
//!
//! A plain value replaces the parameter for every date and region. Dated values are added to the
//! parameter, each replacing a value of the same date and region. Override values are marked
//! `illustrative`: a result that rests on them says so.

use serde_json::Value as Json;

use super::load::{check_keys, read_date, read_region, read_value, Problems};
use super::{catalogue, DatedValue, ParameterSet, Status};
use crate::calendar::EARLIEST_YEAR;
use crate::error::{ErrorCode, PolicyError, Result};

const OVERRIDE_SOURCE: &str = "假设调整（withOverrides）";

pub(super) fn apply(base: &ParameterSet, overrides: &Json) -> Result<ParameterSet> {
    let Some(map) = overrides.as_object() else {
        return Err(PolicyError::invalid_input(
            "",
            "overrides 应为对象：{ 参数名: 取值 }",
        ));
    };
    let mut set = base.clone();
    for (name, node) in map {
        let Some(spec) = catalogue::find(name) else {
            return Err(PolicyError::new(
                ErrorCode::UnknownParameter,
                name.as_str(),
                format!("未知的参数名“{name}”"),
            ));
        };
        let mut problems = Problems::default();
        let new_values: Vec<DatedValue> = match node {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let path = format!("{name}[{i}]");
                    let Some(obj) = item.as_object() else {
                        problems.add(&path, "应为 { from, region?, value }");
                        return None;
                    };
                    check_keys(obj, &path, &["from", "region", "value"], &mut problems);
                    let from = read_date(obj.get("from"), &format!("{path}.from"), &mut problems);
                    let region = read_region(
                        obj.get("region"),
                        &format!("{path}.region"),
                        &set,
                        &mut problems,
                    );
                    let value = match obj.get("value") {
                        Some(v) => read_value(v, spec, &format!("{path}.value"), &mut problems),
                        None => {
                            problems.add(format!("{path}.value"), "缺少 value");
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
                })
                .collect(),
            plain => {
                let value = read_value(plain, spec, name, &mut problems);
                let from = chrono::NaiveDate::from_ymd_opt(EARLIEST_YEAR, 1, 1);
                match (value, from) {
                    (Some(value), Some(from)) => {
                        vec![DatedValue {
                            from,
                            region: None,
                            value,
                            source: OVERRIDE_SOURCE.into(),
                            status: Status::Illustrative,
                            note: None,
                        }]
                    }
                    _ => Vec::new(),
                }
            }
        };
        if !problems.is_empty() {
            let mut e = problems.into_error();
            e.code = ErrorCode::InvalidInput;
            return Err(e);
        }
        let Some(param) = set.params.get_mut(spec) else {
            return Err(PolicyError::new(
                ErrorCode::UnknownParameter,
                name.as_str(),
                format!("参数集中没有参数“{name}”"),
            ));
        };
        if !node.is_array() {
            param.values.clear();
        }
        for v in new_values {
            param
                .values
                .retain(|old| (old.from, old.region) != (v.from, v.region));
            param.values.push(v);
        }
        param.sort();
    }
    Ok(set)
}
