//! Loading a parameter file: every problem is collected with its path, then reported at once.
//!
//! Schema (documented in docs/parameters.md):
//! `{ schema, id, title, published, extends?, regions: [{code, name, alleviatedCounty?}],
//!    parameters: [{name, label, unit, description?, values: [{from, region?, value, source, status, note?}]}] }`

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value as Json};
use std::collections::{HashMap, HashSet};

use super::{
    catalogue, parse_region_code, DatedValue, Kind, ParameterSet, Params, Spec, Status, Unit, Value,
};
use crate::calendar::parse_date;
use crate::error::{ErrorCode, PolicyError, Problem, Result};
use crate::money::parse_plain_decimal;

pub(super) const SCHEMA: &str = "zhenxing-parameters/1";
/// The one base a partial file may extend.
pub(super) const DEFAULT_ID: &str = "heilongjiang";

/// Collects problems while a document is walked.
#[derive(Default)]
pub(super) struct Problems(Vec<Problem>);

impl Problems {
    pub(super) fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        // A broken file can produce thousands; the first hundred say enough.
        if self.0.len() < 100 {
            self.0.push(Problem {
                path: path.into(),
                message: message.into(),
            });
        }
    }
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub(super) fn into_error(self) -> PolicyError {
        PolicyError::with_problems(ErrorCode::InvalidParameters, self.0)
    }
}

pub(super) fn from_json(text: &str) -> Result<ParameterSet> {
    let doc: Json = serde_json::from_str(text).map_err(|e| {
        PolicyError::new(
            ErrorCode::InvalidParameters,
            "",
            format!(
                "参数文件不是有效的 JSON：第 {} 行第 {} 列附近有误",
                e.line(),
                e.column()
            ),
        )
    })?;
    let Some(top) = doc.as_object() else {
        return Err(PolicyError::new(
            ErrorCode::InvalidParameters,
            "",
            "参数文件的顶层应为对象",
        ));
    };
    let mut problems = Problems::default();
    check_keys(
        top,
        "",
        &[
            "schema",
            "id",
            "title",
            "published",
            "extends",
            "regions",
            "parameters",
        ],
        &mut problems,
    );
    match top.get("schema").and_then(Json::as_str) {
        Some(SCHEMA) => {}
        _ => problems.add("schema", format!("schema 应为 \"{SCHEMA}\"")),
    }
    let extends = match top.get("extends") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) if s == DEFAULT_ID => Some(s.as_str()),
        Some(_) => {
            problems.add(
                "extends",
                format!("extends 只能是 \"{DEFAULT_ID}\"（在内置默认参数上修改）"),
            );
            None
        }
    };
    let id = required_str(top, "id", "", &mut problems);
    let title = required_str(top, "title", "", &mut problems);
    let published = required_str(top, "published", "", &mut problems);
    if let Err(e) = parse_date(&published, "published") {
        if !published.is_empty() {
            problems.add("published", e.message);
        }
    }

    let mut set = match extends {
        Some(_) => ParameterSet::heilongjiang()?,
        None => ParameterSet {
            id: String::new(),
            title: String::new(),
            published: String::new(),
            regions: HashMap::new(),
            params: Params::default(),
        },
    };
    set.id = id;
    set.title = title;
    set.published = published;

    read_regions(
        top.get("regions"),
        extends.is_some(),
        &mut set,
        &mut problems,
    );
    read_parameters(
        top.get("parameters"),
        extends.is_some(),
        &mut set,
        &mut problems,
    );

    if extends.is_none() {
        for spec in catalogue::ALL {
            if set.params.get(spec).is_none() {
                problems.add("parameters", format!("缺少必需的参数“{}”", spec.name));
            }
        }
    }
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems.into_error())
    }
}

fn read_regions(
    node: Option<&Json>,
    partial: bool,
    set: &mut ParameterSet,
    problems: &mut Problems,
) {
    let list = match node {
        Some(Json::Array(a)) => a.as_slice(),
        None if partial => &[],
        _ => {
            problems.add("regions", "regions 应为数组");
            return;
        }
    };
    let mut seen = HashSet::new();
    for (i, item) in list.iter().enumerate() {
        let path = format!("regions[{i}]");
        let Some(obj) = item.as_object() else {
            problems.add(&path, "应为对象");
            continue;
        };
        check_keys(obj, &path, &["code", "name", "alleviatedCounty"], problems);
        let code_text = required_str(obj, "code", &path, problems);
        let name = required_str(obj, "name", &path, problems);
        let alleviated = match obj.get("alleviatedCounty") {
            None | Some(Json::Null) => false,
            Some(Json::Bool(b)) => *b,
            Some(_) => {
                problems.add(format!("{path}.alleviatedCounty"), "应为 true 或 false");
                false
            }
        };
        let Some(code) = parse_region_code(&code_text) else {
            if !code_text.is_empty() {
                problems.add(
                    format!("{path}.code"),
                    format!("“{code_text}”不是6位行政区划代码"),
                );
            }
            continue;
        };
        if !seen.insert(code) {
            problems.add(
                format!("{path}.code"),
                format!("行政区划代码 {code_text} 重复"),
            );
        }
        set.insert_region(code, name, alleviated);
    }
    // Every region's city and province must be in the table, so fallback always has somewhere to go.
    for (i, item) in list.iter().enumerate() {
        let code = item
            .get("code")
            .and_then(Json::as_str)
            .and_then(parse_region_code);
        if let Some(parent) = code.and_then(super::parent_of) {
            if !set.regions.contains_key(&parent) {
                problems.add(
                    format!("regions[{i}].code"),
                    format!("上级区划 {parent:06} 不在区划表中"),
                );
            }
        }
    }
}

fn read_parameters(
    node: Option<&Json>,
    partial: bool,
    set: &mut ParameterSet,
    problems: &mut Problems,
) {
    let Some(list) = node.and_then(Json::as_array) else {
        problems.add("parameters", "parameters 应为数组");
        return;
    };
    let mut seen = HashSet::new();
    for (i, item) in list.iter().enumerate() {
        let path = format!("parameters[{i}]");
        let Some(obj) = item.as_object() else {
            problems.add(&path, "应为对象");
            continue;
        };
        check_keys(
            obj,
            &path,
            &["name", "label", "unit", "description", "values"],
            problems,
        );
        let name = required_str(obj, "name", &path, problems);
        let Some(spec) = catalogue::find(&name) else {
            if !name.is_empty() {
                problems.add(
                    format!("{path}.name"),
                    format!("未知的参数名“{name}”（参数名须为引擎目录中的名称）"),
                );
            }
            continue;
        };
        if !seen.insert(spec.name) {
            problems.add(format!("{path}.name"), format!("参数“{name}”重复出现"));
            continue;
        }
        let existing = set.params.get(spec).is_some();
        // A partial file may leave out the label and unit of a parameter the base already has.
        let label = match obj.get("label") {
            None if partial && existing => None,
            _ => Some(required_str(obj, "label", &path, problems)),
        };
        match obj.get("unit") {
            None if partial && existing => {}
            _ => {
                let unit = required_str(obj, "unit", &path, problems);
                match Unit::parse(&unit) {
                    Some(u) if u == spec.unit => {}
                    Some(_) | None if unit.is_empty() => {}
                    _ => problems.add(
                        format!("{path}.unit"),
                        format!(
                            "参数“{name}”的单位应为 {}，而不是“{unit}”",
                            spec.unit.as_str()
                        ),
                    ),
                }
            }
        }
        let description = obj
            .get("description")
            .and_then(Json::as_str)
            .map(str::to_string);
        let values = read_values(
            obj.get("values"),
            &format!("{path}.values"),
            spec,
            set,
            problems,
        );

        let Some(param) = set.params.get_or_insert(spec) else {
            continue;
        };
        if let Some(l) = label {
            param.label = l;
        }
        if description.is_some() {
            param.description = description;
        }
        for v in values {
            // In a partial file, a value for the same date and region replaces the base's.
            param
                .values
                .retain(|old| (old.from, old.region) != (v.from, v.region));
            param.values.push(v);
        }
        param.sort();
    }
}

fn read_values(
    node: Option<&Json>,
    path: &str,
    spec: &'static Spec,
    set: &ParameterSet,
    problems: &mut Problems,
) -> Vec<DatedValue> {
    let Some(list) = node.and_then(Json::as_array).filter(|a| !a.is_empty()) else {
        problems.add(path, "values 应为非空数组");
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    let mut keys = HashSet::new();
    for (j, item) in list.iter().enumerate() {
        let vpath = format!("{path}[{j}]");
        let Some(obj) = item.as_object() else {
            problems.add(&vpath, "应为对象");
            continue;
        };
        check_keys(
            obj,
            &vpath,
            &["from", "region", "value", "source", "status", "note"],
            problems,
        );
        let before = problems.0.len();
        let from = read_date(obj.get("from"), &format!("{vpath}.from"), problems);
        let region = read_region(obj.get("region"), &format!("{vpath}.region"), set, problems);
        let value = obj
            .get("value")
            .and_then(|v| read_value(v, spec, &format!("{vpath}.value"), problems));
        if obj.get("value").is_none() {
            problems.add(format!("{vpath}.value"), "缺少 value");
        }
        let source = required_str(obj, "source", &vpath, problems);
        let status = match obj
            .get("status")
            .and_then(Json::as_str)
            .map(|s| (s, Status::parse(s)))
        {
            Some((_, Some(s))) => Some(s),
            Some((s, None)) => {
                problems.add(
                    format!("{vpath}.status"),
                    format!("status 应为 official、reported 或 illustrative，而不是“{s}”"),
                );
                None
            }
            None => {
                problems.add(
                    format!("{vpath}.status"),
                    "缺少 status（official、reported 或 illustrative）",
                );
                None
            }
        };
        let note = obj.get("note").and_then(Json::as_str).map(str::to_string);
        if problems.0.len() != before {
            continue;
        }
        if let (Some(from), Some(region), Some(value), Some(status)) = (from, region, value, status)
        {
            if !keys.insert((from, region)) {
                problems.add(&vpath, "同一日期、同一地区有两个取值");
                continue;
            }
            out.push(DatedValue {
                from,
                region,
                value,
                source,
                status,
                note,
            });
        }
    }
    out
}

/// A value of the parameter's kind. Decimals may be written as strings or JSON numbers.
pub(super) fn read_value(
    node: &Json,
    spec: &Spec,
    path: &str,
    problems: &mut Problems,
) -> Option<Value> {
    let kind = spec.unit.kind();
    if kind == Kind::Date {
        return match node.as_str() {
            Some(s) => match parse_date(s, path) {
                Ok(d) => Some(Value::Date(d)),
                Err(e) => {
                    problems.add(path, e.message);
                    None
                }
            },
            None => {
                problems.add(path, "应为日期字符串 YYYY-MM-DD");
                None
            }
        };
    }
    let text = match node {
        Json::String(s) => s.clone(),
        Json::Number(n) => n.to_string(),
        _ => {
            problems.add(path, "应为数字或十进制数字符串");
            return None;
        }
    };
    let Some(d) = parse_plain_decimal(&text) else {
        problems.add(path, format!("“{text}”不是有效的十进制数"));
        return None;
    };
    if d.is_sign_negative() && !d.is_zero() {
        problems.add(path, "取值不能为负数");
        return None;
    }
    match kind {
        Kind::Money if d.normalize().scale() > 2 => {
            problems.add(path, "金额最多两位小数");
            None
        }
        Kind::Money if d > Decimal::from(crate::money::MAX_INPUT_YUAN) => {
            problems.add(path, "金额超过上限（100亿元）");
            None
        }
        Kind::Rate if d > Decimal::from(100) => {
            problems.add(path, "比例或倍数过大（应不超过100）");
            None
        }
        Kind::Count { min, max } => {
            let n = d.normalize();
            if n.scale() != 0 || n < Decimal::from(min) || n > Decimal::from(max) {
                problems.add(path, format!("应为 {min} 到 {max} 之间的整数"));
                None
            } else {
                Some(Value::Decimal(n))
            }
        }
        _ => Some(Value::Decimal(d.normalize())),
    }
}

pub(super) fn read_date(
    node: Option<&Json>,
    path: &str,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    match node.and_then(Json::as_str) {
        Some(s) => parse_date(s, path)
            .map_err(|e| problems.add(path, e.message))
            .ok(),
        None => {
            problems.add(path, "缺少日期（YYYY-MM-DD）");
            None
        }
    }
}

/// `Some(None)` for no region (applies everywhere), `Some(Some(code))` for a known region.
pub(super) fn read_region(
    node: Option<&Json>,
    path: &str,
    set: &ParameterSet,
    problems: &mut Problems,
) -> Option<Option<u32>> {
    match node {
        None | Some(Json::Null) => Some(None),
        Some(Json::String(s)) => match parse_region_code(s).filter(|c| set.regions.contains_key(c))
        {
            Some(c) => Some(Some(c)),
            None => {
                problems.add(path, format!("未知的行政区划代码“{s}”"));
                None
            }
        },
        Some(_) => {
            problems.add(path, "region 应为6位代码字符串");
            None
        }
    }
}

fn required_str(obj: &Map<String, Json>, key: &str, path: &str, problems: &mut Problems) -> String {
    let p = crate::error::join_path(path, key);
    match obj.get(key) {
        Some(Json::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Json::String(_)) => {
            problems.add(p, format!("{key} 不能为空"));
            String::new()
        }
        Some(_) => {
            problems.add(p, format!("{key} 应为字符串"));
            String::new()
        }
        None => {
            problems.add(p, format!("缺少 {key}"));
            String::new()
        }
    }
}

/// Unknown keys are refused: a typo must not silently drop a figure.
pub(super) fn check_keys(
    obj: &Map<String, Json>,
    path: &str,
    allowed: &[&str],
    problems: &mut Problems,
) {
    for key in obj.keys() {
        if !allowed.contains(&key.as_str()) {
            problems.add(
                crate::error::join_path(path, key),
                format!("未知字段“{key}”"),
            );
        }
    }
}
