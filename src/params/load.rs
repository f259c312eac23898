//! Loading a parameter file: every problem is collected with its path and a message naming the
//! parameter and the value, then reported at once.
//!
//! The text is read with [`crate::base::json`]: a key written twice anywhere is an error (a
//! `serde_json::Value` would keep the last one silently), and numbers keep their exact text.
//! Loading is O(n log n) in the number of values, whatever the mix of base and file values.
//!
//! Schema (documented in docs/parameters.md):
//! `{ schema, id, title, published, extends?, regionSource?, keyCounties?: {status, source, note?},
//!    regions: [{code, name, kind?, validFrom?, validUntil?, alleviatedCounty?, povertyCounty?,
//!    keyCounty?, note?}],
//!    parameters: [{name, label?, unit?, description?, values: [{from, region?, value, source, status, note?}]}] }`

use chrono::NaiveDate;

use super::{
    catalogue, level_of, parent_of, parse_region_code, quote, DatedValue, KeyCounties, KeyCounty,
    KeyCountyListStatus, Kind, Level, ParameterSet, Params, PovertyCounty, PovertyKind, Region,
    RegionKind, Scope, Spec, Status, Value,
};
use crate::base::calendar::{format_date, parse_date};
use crate::base::error::{join_path, ErrorCode, PolicyError, Problem, Result};
use crate::base::json::{self, Node};
use crate::base::money::parse_plain_decimal;

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
            self.0.push(Problem::new(path, message));
        }
    }
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub(super) fn into_error(self, code: ErrorCode) -> PolicyError {
        PolicyError::with_problems(code, self.0)
    }
}

/// A syntax error as a parameter error.
pub(super) fn syntax(e: json::SyntaxError, what: &str, code: ErrorCode) -> PolicyError {
    PolicyError::new(
        code,
        "",
        format!(
            "{what}不是有效的 JSON：第 {} 行第 {} 列：{}",
            e.line, e.column, e.message
        ),
    )
}

/// Every key written twice in any object of the tree, at its path. Objects with many members are
/// sorted instead of scanned pairwise, so a hostile file cannot make this quadratic.
pub(super) fn duplicate_keys(node: &Node<'_>, path: &str, problems: &mut Problems) {
    match node {
        Node::Object(members) => {
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
            crate::base::sort::sort(&mut keys);
            let mut last = None;
            for k in keys {
                if last == Some(k) {
                    problems.add(
                        join_path(path, k),
                        format!("字段“{}”出现了两次（同一对象中的字段名不能重复）", quote(k)),
                    );
                }
                last = Some(k);
            }
            for (k, v) in members {
                if matches!(v, Node::Object(_) | Node::Array(_)) {
                    duplicate_keys(v, &join_path(path, k), problems);
                }
            }
        }
        Node::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if matches!(item, Node::Object(_) | Node::Array(_)) {
                    duplicate_keys(item, &format!("{path}[{i}]"), problems);
                }
            }
        }
        _ => {}
    }
}

pub(super) fn from_json(text: &str) -> Result<ParameterSet> {
    let doc = json::parse(text).map_err(|e| syntax(e, "参数文件", ErrorCode::InvalidParameters))?;
    if doc.entries().is_none() {
        return Err(PolicyError::new(
            ErrorCode::InvalidParameters,
            "",
            format!("参数文件的顶层应为对象，而不是{}", doc.kind()),
        ));
    }
    let mut problems = Problems::default();
    duplicate_keys(&doc, "", &mut problems);
    check_keys(
        &doc,
        "",
        &[
            "schema",
            "id",
            "title",
            "published",
            "extends",
            "regionSource",
            "keyCounties",
            "regions",
            "parameters",
        ],
        &mut problems,
    );
    match doc.get("schema").and_then(Node::as_str) {
        Some(SCHEMA) => {}
        _ => problems.add("schema", format!("schema 应为 \"{SCHEMA}\"")),
    }
    let extends = extends_default(&doc, &mut problems);
    let id = required_str(&doc, "id", "", &mut problems);
    let title = required_str(&doc, "title", "", &mut problems);
    at_most(&id, "id", MAX_ID, &mut problems);
    at_most(&title, "title", MAX_TITLE, &mut problems);
    let published = required_str(&doc, "published", "", &mut problems);
    if !published.is_empty() {
        if let Err(e) = parse_date(&published, "published") {
            problems.add("published", e.message);
        }
    }

    let mut set = if extends {
        ParameterSet::heilongjiang()?
    } else {
        empty_set()
    };
    set.id = id;
    set.title = title;
    set.published = published;
    if let Some(s) = optional_str(&doc, "regionSource", "", &mut problems) {
        set.region_source = Some(s);
    }
    if let Some(k) = doc.get("keyCounties").filter(|n| !n.is_null()) {
        if let Some(k) = read_key_counties(k, &mut problems) {
            set.key_counties = k;
        }
    }

    read_regions(doc.get("regions"), extends, &mut set, &mut problems);
    read_parameters(doc.get("parameters"), extends, &mut set, &mut problems);

    if !extends {
        for spec in catalogue::ALL.iter().filter(|s| !s.informational) {
            if set.params.get(spec).is_none() {
                problems.add("parameters", format!("缺少必需的参数“{}”", spec.name));
            }
        }
    }
    if problems.is_empty() {
        order_problems(&doc, &set, &mut problems);
    }
    if problems.is_empty() {
        set.settle_key_counties();
        Ok(set)
    } else {
        Err(problems.into_error(ErrorCode::InvalidParameters))
    }
}

/// Whether the file extends the built-in set (`extends: "heilongjiang-2021"`).
fn extends_default(doc: &Node<'_>, problems: &mut Problems) -> bool {
    match doc.get("extends") {
        None | Some(Node::Null) => false,
        Some(n) if n.as_str() == Some(DEFAULT_ID) => true,
        Some(_) => {
            problems.add(
                "extends",
                format!("extends 只能是 \"{DEFAULT_ID}\"（在内置默认参数上修改）"),
            );
            false
        }
    }
}

/// A set with nothing in it yet, for a file that does not extend the built-in one.
fn empty_set() -> ParameterSet {
    ParameterSet {
        id: String::new(),
        title: String::new(),
        published: String::new(),
        region_source: None,
        key_counties: KeyCounties {
            status: KeyCountyListStatus::NotPublished,
            source: "参数文件未给出重点帮扶县名单".into(),
            note: None,
        },
        regions: Default::default(),
        params: Params::default(),
    }
}

/// Parameters out of order on some date, each at the one the file gives (the first of the two
/// when it gives both).
fn order_problems(doc: &Node<'_>, set: &ParameterSet, problems: &mut Problems) {
    for (names, message) in out_of_order(set) {
        let index = doc
            .get("parameters")
            .and_then(Node::as_array)
            .and_then(|list| {
                names.iter().find_map(|name| {
                    list.iter()
                        .position(|p| p.get("name").and_then(Node::as_str) == Some(name))
                })
            });
        let path = index.map_or("parameters".to_string(), |i| format!("parameters[{i}]"));
        problems.add(path, message);
    }
}

/// Parameters that must come in order on every date (the first before or at the second).
const ORDERED: &[(&Spec, &Spec, &str)] = &[
    (
        &catalogue::TRANSITION_START,
        &catalogue::TRANSITION_END,
        "过渡期起始日不能晚于结束日",
    ),
    (
        &catalogue::MICROCREDIT_WINDOW_START,
        &catalogue::MICROCREDIT_WINDOW_END,
        "小额信贷政策起始日不能晚于截止日",
    ),
    (
        &catalogue::LABOR_WORKING_AGE_MIN,
        &catalogue::LABOR_WORKING_AGE_MAX,
        "劳动年龄下限不能高于上限",
    ),
];

/// The pairs of [`ORDERED`] out of order on some date in some region: `(their names, message)`.
pub(super) fn out_of_order(set: &ParameterSet) -> Vec<([&'static str; 2], String)> {
    let mut found = Vec::new();
    for (first, second, rule) in ORDERED {
        let (Some(a), Some(b)) = (set.params.get(first), set.params.get(second)) else {
            continue;
        };
        let values = || a.values.iter().chain(&b.values);
        let mut regions: Vec<Option<u32>> = values().map(|v| v.region).collect();
        crate::base::sort::sort(&mut regions);
        regions.dedup();
        let mut dates: Vec<NaiveDate> = values().map(|v| v.from).collect();
        crate::base::sort::sort(&mut dates);
        dates.dedup();
        'pair: for code in regions {
            let region = code.and_then(|c| set.regions.get(&c));
            for on in &dates {
                let (Ok(x), Ok(y)) = (
                    set.lookup(first, *on, region),
                    set.lookup(second, *on, region),
                ) else {
                    continue;
                };
                if in_order(&x.value, &y.value) {
                    continue;
                }
                // A value for every date (a plain what-if) starts on the calendar's first day.
                let first_day = NaiveDate::from_ymd_opt(crate::base::calendar::EARLIEST_YEAR, 1, 1);
                let since = match Some(*on) == first_day {
                    true => String::new(),
                    false => format!("{} 起", format_date(*on)),
                };
                found.push((
                    [first.name, second.name],
                    format!(
                        "{rule}：{since}{} {} 为 {}，{} 为 {}",
                        code.map(|c| format!("（{c:06}）")).unwrap_or_default(),
                        first.name,
                        x.value.display(),
                        second.name,
                        y.value.display()
                    ),
                ));
                break 'pair;
            }
        }
    }
    found
}

/// Whether `a` is before or at `b` (values of one kind).
fn in_order(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Date(a), Value::Date(b)) => a <= b,
        (Value::Decimal(a), Value::Decimal(b)) => a <= b,
        _ => true,
    }
}

fn read_key_counties(node: &Node<'_>, problems: &mut Problems) -> Option<KeyCounties> {
    let path = "keyCounties";
    check_keys(node, path, &["status", "source", "note"], problems);
    let status = match node.get("status").and_then(Node::as_str) {
        Some("notPublished") => Some(KeyCountyListStatus::NotPublished),
        Some("published") => Some(KeyCountyListStatus::Published),
        _ => {
            problems.add(
                "keyCounties.status",
                "status 应为 \"notPublished\"（未公布名单）或 \"published\"（已公布，地区上标记 keyCounty）",
            );
            None
        }
    };
    let source = required_str(node, "source", path, problems);
    let note = optional_str(node, "note", path, problems);
    Some(KeyCounties {
        status: status?,
        source,
        note,
    })
}

fn read_regions(
    node: Option<&Node<'_>>,
    partial: bool,
    set: &mut ParameterSet,
    problems: &mut Problems,
) {
    let list = match node {
        Some(Node::Array(a)) => a.as_slice(),
        None if partial => &[],
        _ => {
            problems.add("regions", "regions 应为数组");
            return;
        }
    };
    let mut seen = CodesSeen::default();
    let mut added = Vec::new();
    let mut regions = Vec::new();
    for (i, item) in list.iter().enumerate() {
        if let Some(region) = read_region_item(i, item, set, &mut seen, problems) {
            added.push((i, region.code));
            regions.push((region.code, region));
        }
    }
    // Into the set's regions at once, sorted once (a file may hold many regions, in any order).
    set.regions.insert_all(regions);
    check_parents(set, &added, problems);
    check_key_county_flags(set, &added, problems);
}

/// The `i`th region of the file (over the one of `set` with its code, if any), or `None` (and its
/// problems).
fn read_region_item(
    i: usize,
    item: &Node<'_>,
    set: &ParameterSet,
    seen: &mut CodesSeen,
    problems: &mut Problems,
) -> Option<Region> {
    let path = format!("regions[{i}]");
    if item.entries().is_none() {
        problems.add(&path, "应为对象");
        return None;
    }
    check_keys(item, &path, REGION_FIELDS, problems);
    let (code, code_text) = region_code(item, &path, seen, problems)?;
    // An extending file may restate part of a region the default has (its keyCounty flag, say).
    let base = set.regions.get(&code).cloned();
    let level = level_of(code);
    let name = match (item.get("name"), &base) {
        (None, Some(b)) => b.name.clone(),
        _ => required_str(item, "name", &path, problems),
    };
    at_most(&name, &format!("{path}.name"), MAX_NAME, problems);
    let kind = region_kind(item, &path, (&code_text, level), base.as_ref(), problems)?;
    let valid_from = optional_date(item, "validFrom", &path, problems)
        .or_else(|| base.as_ref().and_then(|b| b.valid_from));
    let valid_until = optional_date(item, "validUntil", &path, problems)
        .or_else(|| base.as_ref().and_then(|b| b.valid_until));
    if let (Some(f), Some(u)) = (valid_from, valid_until) {
        if u < f {
            problems.add(format!("{path}.validUntil"), "validUntil 早于 validFrom");
        }
    }
    let (poverty, alleviated) = county_kind(
        item,
        &path,
        (&code_text, level),
        &name,
        base.as_ref(),
        problems,
    );
    let key_county_flag = match item.get("keyCounty") {
        None | Some(Node::Null) => base.as_ref().is_some_and(|b| b.key_county_flag),
        Some(n) => n.as_bool().unwrap_or_else(|| {
            problems.add(format!("{path}.keyCounty"), "应为 true 或 false");
            false
        }),
    };
    let note = optional_str(item, "note", &path, problems)
        .or_else(|| base.as_ref().and_then(|b| b.note.clone()));
    let chain = [
        Some(code),
        parent_of(code),
        parent_of(code).and_then(parent_of),
    ];
    Some(Region {
        code,
        name,
        alleviated_county: alleviated,
        kind,
        valid_from,
        valid_until,
        poverty,
        key_county: KeyCounty::NotPublished,
        note,
        key_county_flag,
        chain,
    })
}

/// The fields of a region in a parameter file.
const REGION_FIELDS: &[&str] = &[
    "code",
    "name",
    "kind",
    "validFrom",
    "validUntil",
    "alleviatedCounty",
    "povertyCounty",
    "keyCounty",
    "note",
];

/// The region codes a file has given so far: a bit per 6-digit code (about 122 KB, made at the
/// first code), as a file may give hundreds of thousands. Not a `HashSet`: the module links
/// `hashbrown` for the register's ids alone, and each key type is another copy of its code.
#[derive(Default)]
struct CodesSeen(Vec<u64>);

impl CodesSeen {
    /// Whether `code` (below 1,000,000) is new; it is seen from now on.
    fn insert(&mut self, code: u32) -> bool {
        if self.0.is_empty() {
            self.0 = vec![0; 1_000_000 / 64 + 1];
        }
        let (word, bit) = (code / 64, code % 64);
        let Some(w) = usize::try_from(word).ok().and_then(|i| self.0.get_mut(i)) else {
            return true;
        };
        let mask = 1u64.checked_shl(bit).unwrap_or(0);
        let new = *w & mask == 0;
        *w |= mask;
        new
    }
}

/// A region's code, as a number and as written, or `None` (and a problem) when it is not a code or
/// was seen before.
fn region_code(
    item: &Node<'_>,
    path: &str,
    seen: &mut CodesSeen,
    problems: &mut Problems,
) -> Option<(u32, String)> {
    let code_text = required_str(item, "code", path, problems);
    let Some(code) = parse_region_code(&code_text) else {
        if !code_text.is_empty() {
            problems.add(
                format!("{path}.code"),
                format!("“{}”不是6位行政区划代码", quote(&code_text)),
            );
        }
        return None;
    };
    if !seen.insert(code) {
        problems.add(
            format!("{path}.code"),
            format!("行政区划代码 {code_text} 重复"),
        );
        return None;
    }
    Some((code, code_text))
}

/// A region's kind as given, or its default's (or its level's default), checked against its code.
fn region_kind(
    item: &Node<'_>,
    path: &str,
    (code_text, level): (&str, Level),
    base: Option<&Region>,
    problems: &mut Problems,
) -> Option<RegionKind> {
    Some(match item.get("kind").filter(|n| !n.is_null()) {
        None => base.map_or(RegionKind::default_for(level), |b| b.kind),
        Some(n) => match n.as_str().and_then(RegionKind::parse) {
            Some(k) if k.level() == level => k,
            Some(k) => {
                problems.add(
                    format!("{path}.kind"),
                    format!(
                        "{path}.kind（{code_text}）：{code_text} 是{}代码，类别不能是“{}”",
                        level.label(),
                        k.label()
                    ),
                );
                return None;
            }
            None => {
                let all: Vec<&str> = RegionKind::ALL.iter().map(|k| k.as_str()).collect();
                problems.add(
                    format!("{path}.kind"),
                    format!("未知的地区类别（应为 {} 之一）", all.join("、")),
                );
                return None;
            }
        },
    })
}

/// A region's poverty county record and whether it is a 脱贫县 (one of the national poverty
/// counties), as given or as its default has them, checked against each other and its level.
fn county_kind(
    item: &Node<'_>,
    path: &str,
    (code_text, level): (&str, Level),
    name: &str,
    base: Option<&Region>,
    problems: &mut Problems,
) -> (Option<PovertyCounty>, bool) {
    let poverty = match item.get("povertyCounty") {
        None => base.and_then(|b| b.poverty.clone()),
        Some(Node::Null) => None,
        Some(n) => read_poverty(n, &format!("{path}.povertyCounty"), problems),
    };
    let alleviated = match item.get("alleviatedCounty") {
        None | Some(Node::Null) => match &poverty {
            Some(p) if item.get("povertyCounty").is_some() => p.kind == PovertyKind::National,
            _ => base.is_some_and(|b| b.alleviated_county),
        },
        Some(n) => n.as_bool().unwrap_or_else(|| {
            problems.add(format!("{path}.alleviatedCounty"), "应为 true 或 false");
            false
        }),
    };
    if alleviated
        && poverty
            .as_ref()
            .is_some_and(|p| p.kind == PovertyKind::Provincial)
    {
        problems.add(
            format!("{path}.alleviatedCounty"),
            format!(
                "{code_text} {name} 是省级贫困县：脱贫县（alleviatedCounty）只指20个国家级贫困县"
            ),
        );
    }
    if (alleviated || poverty.is_some()) && level != Level::County {
        problems.add(
            format!("{path}.alleviatedCounty"),
            format!("{code_text} {name} 不是县级单位，不能是贫困县或脱贫县"),
        );
    }
    (poverty, alleviated)
}

/// Every region's city and province must be in the table, so fallback always has somewhere to go.
fn check_parents(set: &ParameterSet, added: &[(usize, u32)], problems: &mut Problems) {
    for (i, code) in added {
        if let Some(parent) = parent_of(*code) {
            if !set.regions.contains_key(&parent) {
                problems.add(
                    format!("regions[{i}].code"),
                    format!("上级区划 {parent:06} 不在区划表中"),
                );
            }
        }
    }
}

/// 重点帮扶县: only with a published list, and only among the 脱贫县 (五(十四)).
fn check_key_county_flags(set: &ParameterSet, added: &[(usize, u32)], problems: &mut Problems) {
    let published = set.key_counties.status == KeyCountyListStatus::Published;
    for (i, code) in added {
        let Some(r) = set.regions.get(code) else {
            continue;
        };
        if !r.key_county_flag {
            continue;
        }
        if !published {
            problems.add(
                format!("regions[{i}].keyCounty"),
                format!(
                    "{} {}：重点帮扶县名单未公布（keyCounties.status 为 notPublished），不能标记 keyCounty；公布后把 status 改为 published",
                    r.code_string(),
                    r.name
                ),
            );
        } else if !r.alleviated_county {
            problems.add(
                format!("regions[{i}].keyCounty"),
                format!(
                    "{} {} 不是脱贫县：省级乡村振兴重点帮扶县在20个脱贫县中确定（五(十四)）",
                    r.code_string(),
                    r.name
                ),
            );
        }
    }
}

fn read_poverty(node: &Node<'_>, path: &str, problems: &mut Problems) -> Option<PovertyCounty> {
    check_keys(
        node,
        path,
        &[
            "kind",
            "exitAssessmentYear",
            "exitBatch",
            "approvalDate",
            "approvalDocument",
            "source",
        ],
        problems,
    );
    let kind = match node.get("kind").and_then(Node::as_str) {
        Some("national") => Some(PovertyKind::National),
        Some("provincial") => Some(PovertyKind::Provincial),
        _ => {
            problems.add(
                join_path(path, "kind"),
                "kind 应为 national（国家级）或 provincial（省级）",
            );
            None
        }
    };
    let year = |key: &str, required: bool, problems: &mut Problems| -> Option<u32> {
        match node.get(key) {
            None | Some(Node::Null) if !required => None,
            Some(n) => match n
                .as_u64()
                .and_then(|y| u32::try_from(y).ok())
                .filter(|y| (1980..=2100).contains(y))
            {
                Some(y) => Some(y),
                None => {
                    problems.add(join_path(path, key), "应为年份（如 2019）");
                    None
                }
            },
            None => {
                problems.add(join_path(path, key), format!("缺少 {key}"));
                None
            }
        }
    };
    let exit_assessment_year = year("exitAssessmentYear", true, problems);
    let exit_batch = year("exitBatch", false, problems);
    let approval_date = optional_date(node, "approvalDate", path, problems).map(format_date);
    let approval_document = optional_str(node, "approvalDocument", path, problems);
    let source = required_str(node, "source", path, problems);
    Some(PovertyCounty {
        kind: kind?,
        exit_assessment_year: exit_assessment_year?,
        exit_batch,
        approval_date,
        approval_document,
        source,
    })
}

fn read_parameters(
    node: Option<&Node<'_>>,
    partial: bool,
    set: &mut ParameterSet,
    problems: &mut Problems,
) {
    let Some(list) = node.and_then(Node::as_array) else {
        problems.add("parameters", "parameters 应为数组");
        return;
    };
    // By place in the catalogue (`Bits` holds all of it).
    let mut seen = crate::base::bits::Bits::default();
    for (i, item) in list.iter().enumerate() {
        let path = format!("parameters[{i}]");
        if item.entries().is_none() {
            problems.add(&path, "应为对象");
            continue;
        }
        check_keys(
            item,
            &path,
            &["name", "label", "unit", "description", "values"],
            problems,
        );
        let name = required_str(item, "name", &path, problems);
        let Some(spec) = catalogue::find(&name) else {
            if !name.is_empty() {
                problems.add(format!("{path}.name"), unknown_name(&name));
            }
            continue;
        };
        if seen.contains(spec.index) {
            problems.add(format!("{path}.name"), format!("参数“{name}”重复出现"));
            continue;
        }
        seen.insert(spec.index);
        // The catalogue owns labels and units: a file may leave them out; a unit must agree.
        match item.get("unit").filter(|n| !n.is_null()) {
            None => {}
            Some(n) if n.as_str() == Some(spec.unit.as_str()) => {}
            Some(n) => problems.add(
                format!("{path}.unit"),
                format!(
                    "参数“{name}”的单位是 {}（{}），而不是“{}”（单位由引擎目录决定，可省略）",
                    spec.unit.as_str(),
                    spec.unit.label(),
                    quote(n.as_str().unwrap_or(n.kind()))
                ),
            ),
        }
        for key in ["label", "description"] {
            if item
                .get(key)
                .is_some_and(|n| !n.is_null() && n.as_str().is_none())
            {
                problems.add(join_path(&path, key), format!("{key} 应为字符串"));
            }
        }
        let values = read_values(
            item.get("values"),
            &format!("{path}.values"),
            spec,
            set,
            problems,
        );
        if partial && values.is_empty() {
            continue;
        }
        let regions = &set.regions;
        if let Some(param) = set.params.get_or_insert(spec) {
            param.layer(values, regions);
        }
    }
}

/// `dibao.standard.rural 的第 3 个取值（2022-01-01，230100）`: how a message names a value.
fn value_context(name: &str, index: usize, item: &Node<'_>) -> String {
    let from = item
        .get("from")
        .map(|n| quote(n.as_str().unwrap_or(n.kind())))
        .unwrap_or_else(|| "无日期".into());
    let region = match item.get("region") {
        None | Some(Node::Null) => "不分地区".to_string(),
        Some(n) => quote(n.as_str().unwrap_or(n.kind())),
    };
    format!(
        "{name} 的第 {} 个取值（{from}，{region}）",
        index.saturating_add(1)
    )
}

fn read_values(
    node: Option<&Node<'_>>,
    path: &str,
    spec: &'static Spec,
    set: &ParameterSet,
    problems: &mut Problems,
) -> Vec<DatedValue> {
    let Some(list) = node.and_then(Node::as_array).filter(|a| !a.is_empty()) else {
        problems.add(path, format!("{}：values 应为非空数组", spec.name));
        return Vec::new();
    };
    let mut out = Vec::with_capacity(list.len());
    let mut keys: Vec<((Option<u32>, NaiveDate), usize)> = Vec::with_capacity(list.len());
    for (j, item) in list.iter().enumerate() {
        let vpath = format!("{path}[{j}]");
        if item.entries().is_none() {
            problems.add(
                &vpath,
                format!("{} 的第 {} 个取值应为对象", spec.name, j.saturating_add(1)),
            );
            continue;
        }
        let context = value_context(spec.name, j, item);
        let before = problems.0.len();
        check_keys(
            item,
            &vpath,
            &["from", "region", "value", "source", "status", "note"],
            problems,
        );
        let mut problem = |field: &str, message: String| {
            problems.add(join_path(&vpath, field), format!("{context}：{message}"));
        };
        let from = match item.get("from").map(|n| n.as_str()) {
            Some(Some(s)) => parse_date(s, "")
                .map_err(|e| problem("from", e.message))
                .ok(),
            _ => {
                problem("from", "缺少日期 from（YYYY-MM-DD）".into());
                None
            }
        };
        let region = read_region(item.get("region"), spec, set)
            .map_err(|m| problem("region", m))
            .ok();
        let value = match item.get("value") {
            Some(v) => read_value(v, spec).map_err(|m| problem("value", m)).ok(),
            None => {
                problem("value", "缺少 value".into());
                None
            }
        };
        let source = value_source(item, &mut problem);
        let status = value_status(item, &mut problem);
        let note = value_note(item, &mut problem);
        if problems.0.len() != before {
            continue;
        }
        if let (Some(from), Some(region), Some(value), Some(source), Some(status)) =
            (from, region, value, source, status)
        {
            keys.push(((region, from), j));
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
    same_date_and_region(path, spec, keys, problems);
    out
}

/// A value's source: a string, not empty.
fn value_source(item: &Node<'_>, problem: &mut impl FnMut(&str, String)) -> Option<String> {
    match item.get("source").map(|n| n.as_str()) {
        Some(Some(s)) if !s.trim().is_empty() => Some(s.to_string()),
        Some(Some(_)) => {
            problem("source", "source 不能为空".into());
            None
        }
        Some(None) => {
            problem("source", "source 应为字符串".into());
            None
        }
        None => {
            problem("source", "缺少 source（出处）".into());
            None
        }
    }
}

/// A value's status: official, reported or illustrative.
fn value_status(item: &Node<'_>, problem: &mut impl FnMut(&str, String)) -> Option<Status> {
    match item
        .get("status")
        .map(|n| n.as_str().map(|s| (s, Status::parse(s))))
    {
        Some(Some((_, Some(s)))) => Some(s),
        Some(Some((s, None))) => {
            problem(
                "status",
                format!(
                    "status 应为 official、reported 或 illustrative，而不是“{}”",
                    quote(s)
                ),
            );
            None
        }
        _ => {
            problem(
                "status",
                "缺少 status（official、reported 或 illustrative）".into(),
            );
            None
        }
    }
}

/// A value's note, if any: a string.
fn value_note(item: &Node<'_>, problem: &mut impl FnMut(&str, String)) -> Option<String> {
    match item.get("note") {
        None | Some(Node::Null) => None,
        Some(n) => match n.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                problem("note", "note 应为字符串".into());
                None
            }
        },
    }
}

/// Two values for one date and region: sorted, then compared with the neighbour.
fn same_date_and_region(
    path: &str,
    spec: &Spec,
    mut keys: Vec<((Option<u32>, NaiveDate), usize)>,
    problems: &mut Problems,
) {
    crate::base::sort::sort(&mut keys);
    for pair in keys.windows(2) {
        if let [(a, _), (b, j)] = pair {
            if a == b {
                problems.add(
                    format!("{path}[{j}]"),
                    format!(
                        "{}：同一日期（{}）、同一地区（{}）有两个取值",
                        spec.name,
                        format_date(b.1),
                        b.0.map_or("不分地区".to_string(), |c| format!("{c:06}"))
                    ),
                );
            }
        }
    }
}

/// A value of the parameter's kind, within its range. Decimals may be strings or JSON numbers.
pub(super) fn read_value(node: &Node<'_>, spec: &Spec) -> std::result::Result<Value, String> {
    if spec.unit.kind() == Kind::Date {
        return match node.as_str() {
            Some(s) => parse_date(s, "").map(Value::Date).map_err(|e| e.message),
            None => Err(format!("应为日期字符串 YYYY-MM-DD，而不是{}", node.kind())),
        };
    }
    let text = match node {
        Node::Number(t) => t.as_ref(),
        Node::String(Some(s)) => s.as_ref(),
        other => return Err(format!("应为数字或十进制数字符串，而不是{}", other.kind())),
    };
    let d = parse_plain_decimal(text).ok_or_else(|| {
        format!(
            "“{}”不是有效的十进制数（不用千位分隔符、指数或空格）",
            quote(text)
        )
    })?;
    spec.check(d).map(Value::Decimal)
}

/// `Ok(None)` for no region (applies everywhere), `Ok(Some(code))` for a known region.
pub(super) fn read_region(
    node: Option<&Node<'_>>,
    spec: &Spec,
    set: &ParameterSet,
) -> std::result::Result<Option<u32>, String> {
    match node {
        None | Some(Node::Null) => Ok(None),
        Some(n) => {
            let Some(s) = n.as_str() else {
                return Err("region 应为6位代码字符串".into());
            };
            let region = parse_region_code(s)
                .and_then(|c| set.regions.get(&c))
                .ok_or_else(|| format!("未知的行政区划代码“{}”", quote(s)))?;
            if spec.scope == Scope::CountyOnly && region.level() != Level::County {
                return Err(format!(
                    "{} 只按县（市、区）取值，{} {} 是{}区划",
                    spec.name,
                    region.code_string(),
                    region.name,
                    region.level().label()
                ));
            }
            Ok(Some(region.code))
        }
    }
}

/// `未知的参数名“…”，是否应为“…”？`
pub(super) fn unknown_name(name: &str) -> String {
    let hint = catalogue::nearest(name)
        .map(|n| format!("，是否应为“{n}”？"))
        .unwrap_or_else(|| "（参数名须为引擎目录中的名称）".into());
    format!("未知的参数名“{}”{hint}", quote(name))
}

/// The longest set id, title and region name (characters): they are shown on pages and printed
/// in headings, and a real one is short.
const MAX_ID: usize = 64;
const MAX_TITLE: usize = 200;
const MAX_NAME: usize = 64;

/// A problem when `text` (at `path`) is longer than `max` characters.
fn at_most(text: &str, path: &str, max: usize, problems: &mut Problems) {
    let length = text.chars().count();
    if length > max {
        problems.add(
            path,
            format!("“{}”有 {length} 个字符，最多 {max} 个", quote(text)),
        );
    }
}

fn required_str(obj: &Node<'_>, key: &str, path: &str, problems: &mut Problems) -> String {
    let p = join_path(path, key);
    match obj.get(key) {
        Some(Node::String(Some(s))) if !s.trim().is_empty() => s.to_string(),
        Some(Node::String(Some(_))) => {
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

fn optional_str(obj: &Node<'_>, key: &str, path: &str, problems: &mut Problems) -> Option<String> {
    match obj.get(key) {
        None | Some(Node::Null) => None,
        Some(n) => match n.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                problems.add(join_path(path, key), format!("{key} 应为字符串"));
                None
            }
        },
    }
}

fn optional_date(
    obj: &Node<'_>,
    key: &str,
    path: &str,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    let s = optional_str(obj, key, path, problems)?;
    parse_date(&s, "")
        .map_err(|e| problems.add(join_path(path, key), e.message))
        .ok()
}

/// Unknown keys are refused: a typo must not silently drop a figure.
pub(super) fn check_keys(obj: &Node<'_>, path: &str, allowed: &[&str], problems: &mut Problems) {
    for (key, _) in obj.entries().unwrap_or(&[]) {
        if !allowed.contains(&key.as_ref()) {
            let hint = allowed
                .iter()
                .find(|a| a.eq_ignore_ascii_case(key))
                .map(|a| format!("，是否应为“{a}”？"))
                .unwrap_or_default();
            problems.add(
                join_path(path, key),
                format!("未知字段“{}”{hint}", quote(key)),
            );
        }
    }
}
