//! Assembles the embedded parameter set from the files an analyst maintains:
//! - `data/params/*.toml`: one file per domain, each parameter's values with source and status;
//! - `data/tables/*.tsv`: the reference tables (regions, poverty counties, minimum-wage tiers and
//!   amounts, yearly standards), each row with its source.
//!
//! The result is the minified JSON `$OUT_DIR/heilongjiang.json` (schema `zhenxing-parameters/1`),
//! embedded as `params::HEILONGJIANG_JSON` and shipped as `zhenxing/heilongjiang.json`. Every problem is
//! reported at once, by file, parameter name and value, and the build stops.
//!
//! The catalogue (`src/params/catalogue.rs`) and the value rules (`src/params/spec.rs`) are included
//! as they are, so the files are checked by the rules the engine loads them with.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value as Json};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use toml::Value as Toml;

#[allow(dead_code)]
#[path = "src/params/spec.rs"]
mod spec;

#[allow(dead_code)]
#[path = "src/params/catalogue.rs"]
mod catalogue;

use spec::{Kind, Scope, Spec};

#[path = "build/tables.rs"]
mod tables;

const PARAMS_DIR: &str = "data/params";
const TABLES_DIR: &str = "data/tables";
const REGIONS_TSV: &str = "heilongjiang-regions.tsv";
const POVERTY_TSV: &str = "heilongjiang-poverty-counties.tsv";
const WAGE_TSV: &str = "heilongjiang-minimum-wage.tsv";
const WAGE_REGIONS_TSV: &str = "heilongjiang-minimum-wage-regions.tsv";
const STANDARDS_TSV: &str = "heilongjiang-standards.tsv";

fn main() {
    for path in [
        PARAMS_DIR,
        TABLES_DIR,
        "src/params/spec.rs",
        "src/params/catalogue.rs",
        "build",
    ] {
        println!("cargo:rerun-if-changed={path}");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut build = Build::default();
    let json = build.assemble(&root);
    if !build.problems.is_empty() {
        eprintln!(
            "参数文件有 {} 处问题（data/params/*.toml、data/tables/*.tsv）：",
            build.problems.len()
        );
        for p in &build.problems {
            eprintln!("  {p}");
        }
        std::process::exit(1);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = serde_json::to_string(&json).expect("JSON serialises");
    std::fs::write(out.join("heilongjiang.json"), text).expect("OUT_DIR is writable");
    std::fs::write(out.join("heilongjiang_tables.rs"), tables::write(&json))
        .expect("OUT_DIR is writable");
}

/// One value on its way into the set.
#[derive(Clone, Debug)]
struct Val {
    from: String,
    region: Option<String>,
    value: String,
    source: String,
    status: String,
    note: Option<String>,
    /// Where it was written, for messages.
    origin: String,
}

#[derive(Clone, Debug)]
struct RegionRow {
    code: String,
    name: String,
    level: String,
    parent: String,
    kind: String,
    valid_from: u32,
    valid_to: Option<u32>,
    line: usize,
}

#[derive(Default)]
struct Build {
    problems: Vec<String>,
    regions: BTreeMap<String, RegionRow>,
    values: HashMap<&'static str, Vec<Val>>,
    declared: HashMap<&'static str, String>,
    /// The Chinese provenance of the reference tables' rows (`table-sources.toml`).
    sources: TableSources,
}

/// `data/params/table-sources.toml`: what parameters say of a table row's source, in Chinese.
#[derive(Default)]
struct TableSources {
    /// (region_code, from) → its source, date basis and note by item.
    standards: HashMap<(String, String), StandardsSource>,
    /// effective_from → (source, note by tier).
    wages: HashMap<String, (String, HashMap<String, String>)>,
    /// (kind, exit_batch) → source.
    poverty: HashMap<(String, String), String>,
}

/// Each county's minimum wage tier by adjustment: (code, from) → (tier, basis).
type CountyTiers = HashMap<(String, String), (String, String)>;

/// One group of rows of the standards table: source, date basis, note by item, and the date this
/// calculator takes the group's figures to apply from when the table's date is a report date
/// (`assumedFrom`, with the reason in `assumption`), if any.
type StandardsSource = (
    String,
    String,
    HashMap<String, String>,
    Option<(String, String)>,
);

const TABLE_SOURCES: &str = "table-sources.toml";

/// A table's string entries as a map (`[standards.notes]`), empty when absent.
fn string_map(t: &Toml, key: &str) -> HashMap<String, String> {
    t.get(key)
        .and_then(Toml::as_table)
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
                .collect()
        })
        .unwrap_or_default()
}

impl TableSources {
    fn read(doc: &Toml) -> TableSources {
        let list = |key: &str| -> Vec<Toml> {
            doc.get(key)
                .and_then(Toml::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let text = |t: &Toml, key: &str| t.get(key).map(toml_text).unwrap_or_default();
        let mut out = TableSources::default();
        for t in list("standards") {
            out.standards.insert(
                (text(&t, "region"), text(&t, "from")),
                (
                    text(&t, "source"),
                    text(&t, "dateBasis"),
                    string_map(&t, "notes"),
                    t.get("assumedFrom")
                        .map(|from| (toml_text(from), text(&t, "assumption"))),
                ),
            );
        }
        for t in list("minimumWage") {
            out.wages.insert(
                text(&t, "from"),
                (text(&t, "source"), string_map(&t, "notes")),
            );
        }
        for t in list("povertyCounties") {
            out.poverty
                .insert((text(&t, "kind"), text(&t, "batch")), text(&t, "source"));
        }
        out
    }
}

/// A TSV table: header names and rows (with their line numbers), comments skipped.
struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn read(root: &Path, name: &str, problems: &mut Vec<String>) -> Table {
        let file = format!("{TABLES_DIR}/{name}");
        let text = std::fs::read_to_string(root.join(&file)).unwrap_or_else(|e| {
            problems.push(format!("{file}：无法读取（{e}）"));
            String::new()
        });
        let mut header = Vec::new();
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
            if header.is_empty() {
                header = cells;
            } else {
                rows.push((i + 1, cells));
            }
        }
        Table { file, header, rows }
    }

    fn col(&self, row: &[String], name: &str) -> String {
        self.header
            .iter()
            .position(|h| h == name)
            .and_then(|i| row.get(i))
            .cloned()
            .unwrap_or_default()
    }
}

impl Build {
    fn problem(&mut self, text: String) {
        self.problems.push(text);
    }

    fn assemble(&mut self, root: &Path) -> Json {
        let files = self.read_toml_files(root);
        let set = files
            .get("set.toml")
            .cloned()
            .unwrap_or(Toml::Table(Default::default()));
        let regions_toml = files
            .get("regions.toml")
            .cloned()
            .unwrap_or(Toml::Table(Default::default()));
        let wage_toml = files
            .get("minimum-wage.toml")
            .cloned()
            .unwrap_or(Toml::Table(Default::default()));
        if let Some(doc) = files.get(TABLE_SOURCES) {
            self.sources = TableSources::read(doc);
        }

        let regions = self.regions(root, &regions_toml);
        let mut from_table: Vec<(&'static Spec, Vec<String>, String)> = Vec::new();
        for (file, doc) in &files {
            if matches!(file.as_str(), "set.toml" | "regions.toml" | TABLE_SOURCES) {
                continue;
            }
            self.parameters(file, doc, &mut from_table);
        }
        self.standards(root, &from_table);
        self.minimum_wage(root, &wage_toml);

        let parameters: Vec<Json> = catalogue::ALL
            .iter()
            .filter_map(|spec| self.parameter(spec))
            .collect();

        let text = |key: &str| set.get(key).map(toml_text).unwrap_or_default();
        let mut top = Map::new();
        top.insert("schema".into(), json!(text("schema")));
        top.insert("id".into(), json!(text("id")));
        top.insert("title".into(), json!(text("title")));
        top.insert("published".into(), json!(text("published")));
        if let Some(s) = regions_toml.get("regionSource").and_then(Toml::as_str) {
            top.insert("regionSource".into(), json!(s));
        }
        top.insert("keyCounties".into(), self.key_counties(&regions_toml));
        top.insert("regions".into(), regions);
        top.insert("parameters".into(), Json::Array(parameters));
        for key in ["schema", "id", "title", "published"] {
            if text(key).is_empty() {
                self.problem(format!("{PARAMS_DIR}/set.toml：缺少 {key}"));
            }
        }
        Json::Object(top)
    }

    /// One parameter of the set, its values sorted, or `None` (and a problem) when it has none.
    fn parameter(&mut self, spec: &'static Spec) -> Option<Json> {
        let mut values = self.values.remove(spec.name).unwrap_or_default();
        if values.is_empty() {
            self.problem(format!(
                "{}：没有任何取值（在 data/params 的某个文件中加一个 [[parameter]]）",
                spec.name
            ));
            return None;
        }
        values.sort_by(|a, b| (&a.region, &a.from).cmp(&(&b.region, &b.from)));
        for pair in values.windows(2) {
            if (&pair[0].region, &pair[0].from) == (&pair[1].region, &pair[1].from) {
                self.problem(format!(
                    "{}：同一日期（{}）、同一地区（{}）有两个取值：{}；{}",
                    spec.name,
                    pair[0].from,
                    pair[0].region.as_deref().unwrap_or("不分地区"),
                    pair[0].origin,
                    pair[1].origin
                ));
            }
        }
        let mut p = Map::new();
        p.insert("name".into(), json!(spec.name));
        p.insert("label".into(), json!(spec.label));
        p.insert("unit".into(), json!(spec.unit.as_str()));
        if let Some(d) = spec.description {
            p.insert("description".into(), json!(d));
        }
        let values: Vec<Json> = values
            .into_iter()
            .map(|v| {
                let mut o = Map::new();
                o.insert("from".into(), json!(v.from));
                if let Some(r) = v.region {
                    o.insert("region".into(), json!(r));
                }
                o.insert("value".into(), json!(v.value));
                o.insert("source".into(), json!(v.source));
                o.insert("status".into(), json!(v.status));
                if let Some(n) = v.note {
                    o.insert("note".into(), json!(n));
                }
                Json::Object(o)
            })
            .collect();
        p.insert("values".into(), Json::Array(values));
        Some(Json::Object(p))
    }

    fn read_toml_files(&mut self, root: &Path) -> BTreeMap<String, Toml> {
        let mut out = BTreeMap::new();
        let dir = root.join(PARAMS_DIR);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".toml"))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        for name in names {
            let path = format!("{PARAMS_DIR}/{name}");
            match std::fs::read_to_string(root.join(&path)) {
                Ok(text) => match text.parse::<toml::Table>() {
                    Ok(t) => {
                        out.insert(name, Toml::Table(t));
                    }
                    Err(e) => self.problem(format!(
                        "{path}：不是有效的 TOML：{}",
                        one_line(&e.to_string())
                    )),
                },
                Err(e) => self.problem(format!("{path}：无法读取（{e}）")),
            }
        }
        out
    }

    // ---- regions -------------------------------------------------------------------------------

    fn regions(&mut self, root: &Path, doc: &Toml) -> Json {
        let file = format!("{PARAMS_DIR}/regions.toml");
        self.check_keys(doc, &file, &["regionSource", "keyCounties", "validFrom"]);
        self.region_rows(root);
        let starts = self.start_dates(doc, &file);
        let counties = self.poverty_counties(root);
        let key_flags: BTreeSet<String> = doc
            .get("keyCounties")
            .and_then(|k| k.get("regions"))
            .and_then(Toml::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();

        let out = self
            .regions
            .values()
            .map(|r| region_json(r, &starts, &counties, &key_flags))
            .collect();
        Json::Array(out)
    }

    /// The rows of the regions table, each checked, and their parents.
    fn region_rows(&mut self, root: &Path) {
        let table = Table::read(root, REGIONS_TSV, &mut self.problems);
        for (line, row) in &table.rows {
            let code = table.col(row, "code");
            let valid_from = table.col(row, "valid_from").parse().unwrap_or_else(|_| {
                self.problems
                    .push(format!("{} 第 {line} 行：valid_from 应为年份", table.file));
                0
            });
            let valid_to = match table.col(row, "valid_to").as_str() {
                "" => None,
                y => y.parse().ok().or_else(|| {
                    self.problems.push(format!(
                        "{} 第 {line} 行：valid_to 应为年份或空",
                        table.file
                    ));
                    None
                }),
            };
            let r = RegionRow {
                code: code.clone(),
                name: table.col(row, "name"),
                level: table.col(row, "level"),
                parent: table.col(row, "parent_code"),
                kind: table.col(row, "kind"),
                valid_from,
                valid_to,
                line: *line,
            };
            if !is_code(&code) {
                self.problem(format!(
                    "{} 第 {line} 行：代码“{code}”不是6位数字",
                    table.file
                ));
            }
            if self.regions.insert(code.clone(), r).is_some() {
                self.problem(format!("{} 第 {line} 行：代码 {code} 重复", table.file));
            }
        }
        // Parents: as the code implies (230129 → 230100 → 230000), and in the table.
        let rows: Vec<RegionRow> = self.regions.values().cloned().collect();
        for r in &rows {
            let implied = implied_parent(&r.code);
            if r.parent != implied.clone().unwrap_or_default() {
                self.problem(format!(
                    "{} 第 {} 行：{} {} 的上级应为 {}，表中为“{}”",
                    table.file,
                    r.line,
                    r.code,
                    r.name,
                    implied.unwrap_or_default(),
                    r.parent
                ));
            } else if !r.parent.is_empty() && !self.regions.contains_key(&r.parent) {
                self.problem(format!(
                    "{} 第 {} 行：上级 {} 不在表中",
                    table.file, r.line, r.parent
                ));
            }
            if kind_id(&r.kind).is_none() {
                self.problem(format!(
                    "{} 第 {} 行：未知的类别“{}”",
                    table.file, r.line, r.kind
                ));
            }
        }
    }

    /// Exact start dates where an approval is known: code → (date, source).
    fn start_dates(&mut self, doc: &Toml, file: &str) -> HashMap<String, (String, String)> {
        let mut starts: HashMap<String, (String, String)> = HashMap::new();
        for (i, item) in doc
            .get("validFrom")
            .and_then(Toml::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let at = format!("{file}：第 {} 个 [[validFrom]]", i + 1);
            self.check_keys(item, &at, &["codes", "date", "source"]);
            let date = item.get("date").map(toml_text).unwrap_or_default();
            if !is_date(&date) {
                self.problem(format!("{at}：date 应为日期"));
            }
            let source = item
                .get("source")
                .and_then(Toml::as_str)
                .unwrap_or_default();
            if source.trim().is_empty() {
                self.problem(format!("{at}：缺少 source"));
            }
            for code in item
                .get("codes")
                .and_then(Toml::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let code = code.as_str().unwrap_or_default().to_string();
                match self.regions.get(&code) {
                    Some(r)
                        if date.get(..4).and_then(|y| y.parse::<u32>().ok())
                            == Some(r.valid_from) =>
                    {
                        starts.insert(code, (date.clone(), source.to_string()));
                    }
                    Some(r) => self.problem(format!(
                        "{at}：{code} {} 的日期 {date} 与地区表的起始年份 {} 不符",
                        r.name, r.valid_from
                    )),
                    None => self.problem(format!("{at}：代码 {code} 不在地区表中")),
                }
            }
        }

        starts
    }

    /// The poverty counties table: code → its `povertyCounty` object.
    fn poverty_counties(&mut self, root: &Path) -> HashMap<String, Json> {
        let poverty = Table::read(root, POVERTY_TSV, &mut self.problems);
        let mut counties: HashMap<String, Json> = HashMap::new();
        for (line, row) in &poverty.rows {
            let code = poverty.col(row, "code");
            let at = format!("{} 第 {line} 行", poverty.file);
            let Some(r) = self.regions.get(&code).cloned() else {
                self.problem(format!("{at}：代码 {code} 不在地区表中"));
                continue;
            };
            if r.name != poverty.col(row, "name") {
                self.problem(format!("{at}：{code} 在地区表中名为 {}", r.name));
            }
            let parent_name = self
                .regions
                .get(&r.parent)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            if parent_name != poverty.col(row, "prefecture") {
                self.problem(format!("{at}：{code} 的地级市应为 {parent_name}"));
            }
            let kind = poverty.col(row, "kind");
            if kind != "national" && kind != "provincial" {
                self.problem(format!("{at}：kind 应为 national 或 provincial"));
            }
            let mut o = Map::new();
            o.insert("kind".into(), json!(kind));
            match poverty.col(row, "exit_assessment_year").parse::<u32>() {
                Ok(y) => {
                    o.insert("exitAssessmentYear".into(), json!(y));
                }
                Err(_) => self.problem(format!("{at}：exit_assessment_year 应为年份")),
            }
            if let Ok(y) = poverty.col(row, "exit_batch").parse::<u32>() {
                o.insert("exitBatch".into(), json!(y));
            }
            let date = poverty.col(row, "approval_date");
            if let Some(d) = date.get(..10).filter(|d| is_date(d)) {
                o.insert("approvalDate".into(), json!(d));
            }
            let document = poverty.col(row, "approval_document");
            if document != "not found" && !document.is_empty() {
                // The reference table notes in English what the parameter set says in Chinese.
                let document = document.replace(" (document number not found)", "，文号未找到");
                o.insert("approvalDocument".into(), json!(document));
            }
            let key = (kind.clone(), poverty.col(row, "exit_batch"));
            match self.sources.poverty.get(&key) {
                Some(source) if !source.is_empty() => {
                    o.insert("source".into(), json!(source));
                }
                _ => self.problem(format!(
                    "{at}：{PARAMS_DIR}/{TABLE_SOURCES} 中没有 kind = {}、batch = {} 的中文出处",
                    key.0, key.1
                )),
            }
            if counties.insert(code.clone(), Json::Object(o)).is_some() {
                self.problem(format!("{at}：{code} 重复"));
            }
        }

        counties
    }

    fn key_counties(&mut self, doc: &Toml) -> Json {
        let at = format!("{PARAMS_DIR}/regions.toml：[keyCounties]");
        let Some(k) = doc.get("keyCounties") else {
            self.problem(format!("{at}：缺少"));
            return json!({});
        };
        self.check_keys(k, &at, &["status", "source", "note", "regions"]);
        let status = k.get("status").and_then(Toml::as_str).unwrap_or_default();
        if status != "notPublished" && status != "published" {
            self.problem(format!("{at}：status 应为 notPublished 或 published"));
        }
        let source = k.get("source").and_then(Toml::as_str).unwrap_or_default();
        if source.trim().is_empty() {
            self.problem(format!("{at}：缺少 source"));
        }
        let mut o = Map::new();
        o.insert("status".into(), json!(status));
        o.insert("source".into(), json!(source));
        if let Some(n) = k.get("note").and_then(Toml::as_str) {
            o.insert("note".into(), json!(n));
        }
        Json::Object(o)
    }

    // ---- parameter files -----------------------------------------------------------------------

    fn parameters(
        &mut self,
        file: &str,
        doc: &Toml,
        from_table: &mut Vec<(&'static Spec, Vec<String>, String)>,
    ) {
        let path = format!("{PARAMS_DIR}/{file}");
        let allowed: &[&str] = if file == "minimum-wage.toml" {
            &[
                "parameter",
                "firstAdjustment",
                "adjustment",
                "illustrativeTier",
            ]
        } else {
            &["parameter"]
        };
        self.check_keys(doc, &path, allowed);
        let list = match doc.get("parameter") {
            None => return,
            Some(Toml::Array(a)) => a.clone(),
            Some(_) => {
                self.problem(format!("{path}：parameter 应写成 [[parameter]]"));
                return;
            }
        };
        for (i, p) in list.iter().enumerate() {
            let at = format!("{path}：第 {} 个 [[parameter]]", i + 1);
            self.check_keys(p, &at, &["name", "unit", "fromTable", "values"]);
            let name = p.get("name").and_then(Toml::as_str).unwrap_or_default();
            let Some(spec) = catalogue::find(name) else {
                let hint = catalogue::nearest(name)
                    .map(|n| format!("，是否应为“{n}”？"))
                    .unwrap_or_default();
                self.problem(format!("{at}：未知的参数名“{}”{hint}", short(name)));
                continue;
            };
            if let Some(earlier) = self.declared.insert(spec.name, path.clone()) {
                self.problem(format!(
                    "{path}：{name} 已在 {earlier} 中写过，每个参数只写一处"
                ));
            }
            if let Some(u) = p.get("unit") {
                let u = u.as_str().unwrap_or_default();
                if u != spec.unit.as_str() {
                    self.problem(format!(
                        "{path}：{name} 的单位是 {}（{}），文件写的是“{}”（单位由目录决定，可省略）",
                        spec.unit.as_str(),
                        spec.unit.label(),
                        short(u)
                    ));
                }
            }
            if let Some(items) = p.get("fromTable") {
                let items: Vec<String> = items
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                if items.is_empty() {
                    self.problem(format!("{path}：{name} 的 fromTable 应为表中项目名的列表"));
                }
                from_table.push((spec, items, path.clone()));
            }
            let values = match p.get("values") {
                None => Vec::new(),
                Some(Toml::Array(a)) => a.clone(),
                Some(_) => {
                    self.problem(format!("{path}：{name} 的取值应写成 [[parameter.values]]"));
                    Vec::new()
                }
            };
            for (j, v) in values.iter().enumerate() {
                self.value(spec, &path, j + 1, v);
            }
        }
    }

    /// One `[[parameter.values]]`.
    fn value(&mut self, spec: &'static Spec, path: &str, n: usize, v: &Toml) {
        let from = v.get("from").map(toml_text).unwrap_or_default();
        let regions: Vec<String> = match (v.get("region"), v.get("regions")) {
            (Some(r), None) => vec![toml_text(r)],
            (None, Some(Toml::Array(a))) => a.iter().map(toml_text).collect(),
            (None, None) => Vec::new(),
            _ => vec!["?".into()],
        };
        let region_text = match regions.as_slice() {
            [] => "不分地区".to_string(),
            [one] => short(one),
            [first, ..] => format!("{} 等 {} 个地区", short(first), regions.len()),
        };
        let at = format!(
            "{path}：{} 的第 {n} 个取值（{}，{region_text}）",
            spec.name,
            short(&from)
        );
        self.check_keys(
            v,
            &at,
            &[
                "from", "region", "regions", "value", "status", "source", "note",
            ],
        );
        let mut ok = true;
        if !is_date(&from) {
            self.problem(format!("{at}：from 应为日期（如 2021-01-01）"));
            ok = false;
        }
        if v.get("region").is_some() && v.get("regions").is_some() {
            self.problem(format!("{at}：region 与 regions 只写一个"));
            ok = false;
        }
        if matches!(v.get("regions"), Some(r) if r.as_array().is_none_or(Vec::is_empty)) {
            self.problem(format!("{at}：regions 应为非空的代码列表"));
            ok = false;
        }
        for r in &regions {
            ok &= self.check_region(spec, r, &at);
        }
        let value = self.value_of(spec, v, &at);
        let (status, source, described) = self.status_and_source(v, &at);
        ok &= described;
        let note = v.get("note").and_then(Toml::as_str).map(str::to_string);
        let (Some(value), true) = (value, ok) else {
            return;
        };
        let targets: Vec<Option<String>> = if regions.is_empty() {
            vec![None]
        } else {
            regions.into_iter().map(Some).collect()
        };
        for region in targets {
            self.push(
                spec,
                Val {
                    from: from.clone(),
                    region,
                    value: value.clone(),
                    source: source.clone(),
                    status: status.clone(),
                    note: note.clone(),
                    origin: at.clone(),
                },
            );
        }
    }

    /// The value of a `[[parameter.values]]` as text, or `None` (and a problem).
    fn value_of(&mut self, spec: &Spec, v: &Toml, at: &str) -> Option<String> {
        match v.get("value") {
            None => {
                self.problem(format!("{at}：缺少 value"));
                None
            }
            Some(x) => match value_text(spec, x) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.problem(format!("{at}：{e}"));
                    None
                }
            },
        }
    }

    /// The status and source of a `[[parameter.values]]`, and whether both are good.
    fn status_and_source(&mut self, v: &Toml, at: &str) -> (String, String, bool) {
        let mut ok = true;
        let status = v
            .get("status")
            .and_then(Toml::as_str)
            .unwrap_or_default()
            .to_string();
        if !matches!(status.as_str(), "official" | "reported" | "illustrative") {
            self.problem(format!(
                "{at}：status 应为 official、reported 或 illustrative，而不是“{}”",
                short(&status)
            ));
            ok = false;
        }
        let source = v
            .get("source")
            .and_then(Toml::as_str)
            .unwrap_or_default()
            .to_string();
        if source.trim().is_empty() {
            self.problem(format!("{at}：缺少 source（出处）"));
            ok = false;
        }
        (status, source, ok)
    }

    fn check_region(&mut self, spec: &Spec, code: &str, at: &str) -> bool {
        match self.regions.get(code) {
            None => {
                self.problem(format!("{at}：地区代码“{}”不在地区表中", short(code)));
                false
            }
            Some(r) if spec.scope == Scope::CountyOnly && r.level != "county" => {
                self.problem(format!(
                    "{at}：{} 只按县（市、区）取值，{} {} 不是县级单位",
                    spec.name, r.code, r.name
                ));
                false
            }
            Some(_) => true,
        }
    }

    fn push(&mut self, spec: &'static Spec, v: Val) {
        self.values.entry(spec.name).or_default().push(v);
    }

    // ---- the standards table -------------------------------------------------------------------

    fn standards(&mut self, root: &Path, from_table: &[(&'static Spec, Vec<String>, String)]) {
        let table = Table::read(root, STANDARDS_TSV, &mut self.problems);
        let mut by_item: HashMap<&str, (&'static Spec, &str)> = HashMap::new();
        for (spec, items, file) in from_table {
            for item in items {
                if by_item
                    .insert(item.as_str(), (spec, file.as_str()))
                    .is_some()
                {
                    self.problem(format!("{file}：标准表项目 {item} 被两个参数取用"));
                }
            }
        }
        let mut used: BTreeSet<String> = BTreeSet::new();
        for (line, row) in &table.rows {
            self.standard_row(&table, *line, row, &by_item, &mut used);
        }
        for (item, (spec, file)) in &by_item {
            if !used.contains(*item) {
                self.problem(format!(
                    "{file}：{} 的 fromTable 项目 {item} 不在标准表中",
                    spec.name
                ));
            }
        }
    }

    /// One row of the standards table, pushed as values of the parameter that takes its item.
    fn standard_row(
        &mut self,
        table: &Table,
        line: usize,
        row: &[String],
        by_item: &HashMap<&str, (&'static Spec, &str)>,
        used: &mut BTreeSet<String>,
    ) {
        let at = format!("{} 第 {line} 行", table.file);
        let item = table.col(row, "item");
        let Some(&(spec, _)) = by_item.get(item.as_str()) else {
            self.problem(format!(
                "{at}：项目 {item} 没有对应的参数（在某个参数的 fromTable 中列出它）"
            ));
            return;
        };
        used.insert(item.clone());
        let at = format!("{at}（{item} → {}）", spec.name);
        let code = table.col(row, "region_code");
        let note = table.col(row, "note");
        let Some(regions) = self.standard_regions(&code, &note, &at) else {
            return;
        };
        let from = year_start(table.col(row, "from"));
        if !is_date(&from) {
            self.problem(format!("{at}：from 应为日期或年份"));
            return;
        }
        let unit = table.col(row, "unit");
        let raw = table.col(row, "value");
        let (value, conversion) = match convert(spec, &raw, &unit) {
            Ok(v) => v,
            Err(e) => {
                self.problem(format!("{at}：{e}"));
                return;
            }
        };
        let status = table.col(row, "status");
        let Some((status, status_note)) = standard_status(&status) else {
            self.problem(format!("{at}：未知的状态“{status}”"));
            return;
        };
        let raw_from = table.col(row, "from");
        let Some((source, basis, notes, assumed)) = self
            .sources
            .standards
            .get(&(code.clone(), raw_from.clone()))
            .cloned()
        else {
            self.problem(format!(
                "{at}：{PARAMS_DIR}/{TABLE_SOURCES} 中没有 region = {code}、from = {raw_from} 的中文出处"
            ));
            return;
        };
        let Some(zh_note) = notes.get(&item) else {
            self.problem(format!(
                "{at}：{PARAMS_DIR}/{TABLE_SOURCES} 中没有项目 {item} 的中文说明"
            ));
            return;
        };
        let many = code.as_str() != "000000" && regions.len() > 1;
        let note_text = standard_note(conversion.as_deref(), status_note, many, &basis, zh_note);
        let row = Val {
            from,
            region: None,
            value,
            source,
            status: status.into(),
            note: Some(note_text),
            origin: at,
        };
        self.push_standard(spec, &regions, &row, assumed.as_ref());
    }

    /// A standards row's value for each of its regions; and, when its group's date is a report
    /// date this calculator takes the figures to apply before (`assumedFrom`), the same figure
    /// from that date too, as this calculator's assumption (illustrative), up to the report date,
    /// where the row's own value (its status, its source) takes over.
    fn push_standard(
        &mut self,
        spec: &'static Spec,
        regions: &[Option<String>],
        row: &Val,
        assumed: Option<&(String, String)>,
    ) {
        let earlier = assumed.filter(|(from, _)| is_date(from) && *from < row.from);
        if let Some((from, _)) = assumed.filter(|_| earlier.is_none()) {
            self.problem(format!(
                "{}：assumedFrom = {from} 应为早于 {} 的日期",
                row.origin, row.from
            ));
        }
        for region in regions {
            self.push(
                spec,
                Val {
                    region: region.clone(),
                    ..row.clone()
                },
            );
            if let Some((from, why)) = earlier {
                self.push(
                    spec,
                    Val {
                        from: from.clone(),
                        region: region.clone(),
                        source: format!("本计算器的假设：{why}；{}", row.source),
                        status: "illustrative".into(),
                        ..row.clone()
                    },
                );
            }
        }
    }

    /// The regions a standards row is for: all of the province (`None`), one region, or every
    /// district of a city for a row written “市区”.
    fn standard_regions(
        &mut self,
        code: &str,
        note: &str,
        at: &str,
    ) -> Option<Vec<Option<String>>> {
        Some(match code {
            "000000" => vec![None],
            c => match self.regions.get(c) {
                Some(r) if r.level == "prefecture" && note.contains("市区") => self
                    .regions
                    .values()
                    .filter(|d| d.parent == c && d.kind == "区")
                    .map(|d| Some(d.code.clone()))
                    .collect(),
                Some(_) => vec![Some(c.to_string())],
                None => {
                    self.problem(format!("{at}：地区代码 {c} 不在地区表中"));
                    return None;
                }
            },
        })
    }

    // ---- minimum wage --------------------------------------------------------------------------

    fn minimum_wage(&mut self, root: &Path, doc: &Toml) {
        let file = format!("{PARAMS_DIR}/minimum-wage.toml");
        let first = doc
            .get("firstAdjustment")
            .map(toml_text)
            .unwrap_or_default();
        if !is_date(&first) {
            self.problem(format!("{file}：firstAdjustment 应为日期"));
            return;
        }
        let sources = self.wage_adjustments(doc, &file);
        let illustrative = self.illustrative_tiers(doc, &file);
        let dates = self.wage_amounts(root, &first);
        let listed: BTreeSet<String> = sources.keys().cloned().collect();
        if listed != dates {
            self.problem(format!(
                "{file}：[[adjustment]] 的日期 {:?} 应与最低工资表中 {first} 起的调整日期 {:?} 一致",
                listed, dates
            ));
        }

        let (given, tiers_file) = self.county_tiers(root, &first);
        let origin = format!("{tiers_file} / {file}");
        self.tier_values(&sources, &given, &illustrative, &tiers_file, &origin);
    }

    /// `[[adjustment]]`: each adjustment date → the source of its county tiers.
    fn wage_adjustments(&mut self, doc: &Toml, file: &str) -> BTreeMap<String, String> {
        let mut sources: BTreeMap<String, String> = BTreeMap::new();
        for (i, a) in doc
            .get("adjustment")
            .and_then(Toml::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let at = format!("{file}：第 {} 个 [[adjustment]]", i + 1);
            self.check_keys(a, &at, &["from", "tierSource"]);
            let from = a.get("from").map(toml_text).unwrap_or_default();
            let source = a
                .get("tierSource")
                .and_then(Toml::as_str)
                .unwrap_or_default();
            if !is_date(&from) || source.trim().is_empty() {
                self.problem(format!("{at}：应有 from（日期）和 tierSource（出处）"));
            }
            sources.insert(from, source.to_string());
        }
        sources
    }

    /// `[[illustrativeTier]]`: code → (tier, note) for counties no source gives a tier for.
    fn illustrative_tiers(&mut self, doc: &Toml, file: &str) -> HashMap<String, (String, String)> {
        let mut illustrative: HashMap<String, (String, String)> = HashMap::new();
        for (i, t) in doc
            .get("illustrativeTier")
            .and_then(Toml::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let at = format!("{file}：第 {} 个 [[illustrativeTier]]", i + 1);
            self.check_keys(t, &at, &["code", "tier", "note"]);
            let code = t.get("code").map(toml_text).unwrap_or_default();
            let tier = t
                .get("tier")
                .map(|x| value_text(&catalogue::MINIMUM_WAGE_TIER, x));
            let note = t.get("note").and_then(Toml::as_str).unwrap_or_default();
            match tier {
                Some(Ok(tier)) if !note.trim().is_empty() => {
                    if self.check_region(&catalogue::MINIMUM_WAGE_TIER, &code, &at) {
                        illustrative.insert(code, (tier, note.to_string()));
                    }
                }
                Some(Err(e)) => self.problem(format!("{at}：tier {e}")),
                _ => self.problem(format!("{at}：应有 code、tier 和 note")),
            }
        }

        illustrative
    }

    /// The amounts by tier from `first` on, pushed as values; returns the adjustment dates seen.
    fn wage_amounts(&mut self, root: &Path, first: &str) -> BTreeSet<String> {
        let wages = Table::read(root, WAGE_TSV, &mut self.problems);
        let mut dates: BTreeSet<String> = BTreeSet::new();
        for (line, row) in &wages.rows {
            let at = format!("{} 第 {line} 行", wages.file);
            let from = wages.col(row, "effective_from");
            if !is_date(&from) {
                self.problem(format!("{at}：effective_from 应为日期"));
                continue;
            }
            if from.as_str() < first {
                continue;
            }
            dates.insert(from.clone());
            let tier = wages.col(row, "tier");
            let Some((monthly, hourly)) = wage_specs(&tier) else {
                self.problem(format!(
                    "{at}：档次“{tier}”不是 1、2、3（{first} 之后只有三档）"
                ));
                continue;
            };
            let status = wages.col(row, "status");
            let Some((status, status_note)) = wage_status(&status) else {
                self.problem(format!("{at}：未知的状态“{status}”"));
                continue;
            };
            let Some((source, notes)) = self.sources.wages.get(&from).cloned() else {
                self.problem(format!(
                    "{at}：{PARAMS_DIR}/{TABLE_SOURCES} 中没有 from = {from} 的中文出处"
                ));
                continue;
            };
            let areas = notes
                .get(&tier)
                .cloned()
                .unwrap_or_else(|| wages.col(row, "note"));
            let mut note = format!("适用地区：{areas}");
            if let Some(s) = status_note {
                note = format!("{s}；{note}");
            }
            for (spec, column) in [(monthly, "monthly_yuan"), (hourly, "hourly_yuan")] {
                match check_decimal(spec, &wages.col(row, column)) {
                    Ok(value) => self.push(
                        spec,
                        Val {
                            from: from.clone(),
                            region: None,
                            value,
                            source: source.clone(),
                            status: status.into(),
                            note: Some(note.clone()),
                            origin: at.clone(),
                        },
                    ),
                    Err(e) => self.problem(format!("{at}：{} {e}", spec.name)),
                }
            }
        }
        dates
    }

    /// Each county's tier at each adjustment from `first` on: (code, from) → (tier, basis), and the
    /// table's file name.
    fn county_tiers(&mut self, root: &Path, first: &str) -> (CountyTiers, String) {
        let tiers = Table::read(root, WAGE_REGIONS_TSV, &mut self.problems);
        let mut given: HashMap<(String, String), (String, String)> = HashMap::new();
        for (line, row) in &tiers.rows {
            let at = format!("{} 第 {line} 行", tiers.file);
            let from = tiers.col(row, "effective_from");
            if from.as_str() < first {
                continue;
            }
            let code = tiers.col(row, "code");
            match self.regions.get(&code) {
                Some(r) if r.name != tiers.col(row, "name") => {
                    self.problem(format!("{at}：{code} 在地区表中名为 {}", r.name));
                    continue;
                }
                Some(_) => {}
                // Codes retired before the period (伊春's old districts, 嫩江县, 漠河县) are listed for
                // 2017 only; they are not regions of the set.
                None if from.as_str() < "2019-12-31" => continue,
                None => {
                    self.problem(format!("{at}：代码 {code} 不在地区表中"));
                    continue;
                }
            }
            if !self.check_region(&catalogue::MINIMUM_WAGE_TIER, &code, &at) {
                continue;
            }
            match check_decimal(&catalogue::MINIMUM_WAGE_TIER, &tiers.col(row, "tier")) {
                Ok(t) => {
                    let basis = tiers.col(row, "note");
                    if given
                        .insert((code.clone(), from.clone()), (t, basis))
                        .is_some()
                    {
                        self.problem(format!("{at}：{code} 在 {from} 有两行"));
                    }
                }
                Err(e) => self.problem(format!("{at}：档次 {e}")),
            }
        }
        (given, tiers.file)
    }

    /// Each county's tier at each adjustment, from the tables or an illustrative tier.
    fn tier_values(
        &mut self,
        sources: &BTreeMap<String, String>,
        given: &CountyTiers,
        illustrative: &HashMap<String, (String, String)>,
        tiers_file: &str,
        origin: &str,
    ) {
        let counties: Vec<RegionRow> = self
            .regions
            .values()
            .filter(|r| r.level == "county")
            .cloned()
            .collect();
        for (from, source) in sources {
            let year: u32 = from.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            for r in &counties {
                let (value, status, note) = match (
                    given.get(&(r.code.clone(), from.clone())),
                    illustrative.get(&r.code),
                ) {
                    // The notice's area wording stays in the table (and on the tier amounts): the
                    // set has over 500 tier values and is embedded in the module.
                    (Some((t, _)), _) => (t.clone(), "reported", String::new()),
                    (None, Some((t, note))) => (
                        t.clone(),
                        "illustrative",
                        format!("来源未给出本单位档次（示意）：{note}"),
                    ),
                    (None, None) => {
                        let valid = r.valid_from <= year && r.valid_to.is_none_or(|to| year < to);
                        if valid {
                            self.problem(format!(
                                "{} {} 在 {from} 的最低工资档次既不在 {} 中，也没有 [[illustrativeTier]]",
                                r.code, r.name, tiers_file
                            ));
                        }
                        continue;
                    }
                };
                self.push(
                    &catalogue::MINIMUM_WAGE_TIER,
                    Val {
                        from: from.clone(),
                        region: Some(r.code.clone()),
                        value,
                        source: source.clone(),
                        status: status.into(),
                        note: (!note.is_empty()).then_some(note),
                        origin: origin.to_string(),
                    },
                );
            }
        }
    }

    fn check_keys(&mut self, node: &Toml, at: &str, allowed: &[&str]) {
        match node.as_table() {
            Some(t) => {
                for key in t.keys() {
                    if !allowed.contains(&key.as_str()) {
                        let hint = allowed
                            .iter()
                            .find(|a| a.eq_ignore_ascii_case(key))
                            .map(|a| format!("，是否应为“{a}”？"))
                            .unwrap_or_default();
                        self.problem(format!(
                            "{at}：未知字段“{}”{hint}（可用：{}）",
                            short(key),
                            allowed.join("、")
                        ));
                    }
                }
            }
            None => self.problem(format!("{at}：应为表（键 = 值）")),
        }
    }
}

/// A value as the JSON text of its kind: a date, or a decimal checked against the parameter's range.
/// One region of the set as JSON: its table row, start date, poverty county and key county flag.
fn region_json(
    r: &RegionRow,
    starts: &HashMap<String, (String, String)>,
    counties: &HashMap<String, Json>,
    key_flags: &BTreeSet<String>,
) -> Json {
    let mut o = Map::new();
    o.insert("code".into(), json!(r.code));
    o.insert("name".into(), json!(r.name));
    o.insert("kind".into(), json!(kind_id(&r.kind).unwrap_or("county")));
    match starts.get(&r.code) {
        Some((date, source)) => {
            o.insert("validFrom".into(), json!(date));
            o.insert("note".into(), json!(source));
        }
        None if r.valid_from > 1981 => {
            o.insert("validFrom".into(), json!(format!("{}-01-01", r.valid_from)));
        }
        None => {}
    }
    if let Some(to) = r.valid_to {
        o.insert(
            "validUntil".into(),
            json!(format!("{}-12-31", to.saturating_sub(1))),
        );
    }
    if r.kind == "other" {
        o.insert(
            "note".into(),
            json!("国家统计局统计用区划代码中的单位，不是民政部县级行政区划；按县级单位接受"),
        );
    }
    if let Some(p) = counties.get(&r.code) {
        if p.get("kind").and_then(Json::as_str) == Some("national") {
            o.insert("alleviatedCounty".into(), json!(true));
        }
        o.insert("povertyCounty".into(), p.clone());
    }
    if key_flags.contains(&r.code) {
        o.insert("keyCounty".into(), json!(true));
    }
    Json::Object(o)
}

/// A year (“2021”) as the date it starts; anything else as it is.
fn year_start(from: String) -> String {
    if from.len() == 4 && from.bytes().all(|b| b.is_ascii_digit()) {
        format!("{from}-01-01")
    } else {
        from
    }
}

/// The status of a standards row and the note it adds.
fn standard_status(status: &str) -> Option<(&'static str, Option<&'static str>)> {
    match status {
        "official" => Some(("official", None)),
        "reported" => Some(("reported", None)),
        "reported (indirect)" => Some(("reported", Some("间接转述（只见于其他省份的实施文件）"))),
        _ => None,
    }
}

/// The monthly and hourly amount parameters of a minimum wage tier ("1", "2" or "3").
fn wage_specs(tier: &str) -> Option<(&'static Spec, &'static Spec)> {
    match tier {
        "1" => Some((
            &catalogue::MINIMUM_WAGE_TIER1,
            &catalogue::MINIMUM_WAGE_HOURLY_TIER1,
        )),
        "2" => Some((
            &catalogue::MINIMUM_WAGE_TIER2,
            &catalogue::MINIMUM_WAGE_HOURLY_TIER2,
        )),
        "3" => Some((
            &catalogue::MINIMUM_WAGE_TIER3,
            &catalogue::MINIMUM_WAGE_HOURLY_TIER3,
        )),
        _ => None,
    }
}

/// The status of a minimum wage row and the note it adds.
fn wage_status(status: &str) -> Option<(&'static str, Option<&'static str>)> {
    match status {
        "official" => Some(("official", None)),
        "reported" => Some(("reported", None)),
        "reported (full text reproduced)" => Some(("reported", Some("通知全文见于转载"))),
        "reported (single source)" => Some(("reported", Some("单一来源，待核实"))),
        _ => None,
    }
}

/// The note of a value from the standards table: conversion, status, “市区”, date basis and the
/// item's own note, joined by “；”.
fn standard_note(
    conversion: Option<&str>,
    status_note: Option<&str>,
    many: bool,
    basis: &str,
    zh_note: &str,
) -> String {
    let basis = format!("日期依据：{basis}");
    let mut note_text = String::new();
    for part in [
        conversion,
        status_note,
        many.then_some("表中为“市区”：按该市全部市辖区录入"),
        Some(basis.as_str()),
        Some(zh_note).filter(|n| !n.is_empty()),
    ]
    .into_iter()
    .flatten()
    {
        if !note_text.is_empty() {
            note_text.push('；');
        }
        note_text.push_str(part);
    }
    note_text
}

fn value_text(spec: &Spec, v: &Toml) -> Result<String, String> {
    if spec.unit.kind() == Kind::Date {
        let t = toml_text(v);
        return if is_date(&t) {
            Ok(t)
        } else {
            Err(format!("“{}”应为日期（如 2021-01-01）", short(&t)))
        };
    }
    let text = match v {
        Toml::String(s) => s.clone(),
        Toml::Integer(i) => i.to_string(),
        Toml::Float(f) if f.is_finite() => f.to_string(),
        other => return Err(format!("应为数字，而不是 {}", other.type_str())),
    };
    check_decimal(spec, &text)
}

fn check_decimal(spec: &Spec, text: &str) -> Result<String, String> {
    let plain = !text.is_empty()
        && text.len() <= 40
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && text.matches('.').count() <= 1;
    let d = plain
        .then(|| Decimal::from_str_exact(text).ok())
        .flatten()
        .ok_or_else(|| format!("“{}”不是十进制数", short(text)))?;
    spec.check(d).map(|n| n.to_string())
}

/// A table value in the table's unit as a value in the parameter's unit, and the note saying so.
fn convert(spec: &Spec, raw: &str, unit: &str) -> Result<(String, Option<String>), String> {
    use spec::Unit::*;
    let d = Decimal::from_str_exact(raw).map_err(|_| format!("“{}”不是数字", short(raw)))?;
    let (converted, note) = match (unit, spec.unit) {
        ("元/人·月", YuanPerPersonMonth) | ("元/人·年", YuanPerPersonYear) => (d, None),
        ("元/人·年", YuanPerPersonMonth) => {
            let m = d / Decimal::from(12);
            if m.normalize().scale() > 2 {
                return Err(format!("{raw} 元/人·年 ÷ 12 不能整到分"));
            }
            let m = m.normalize();
            (
                m,
                Some(format!("{raw} 元/人·年 ÷ 12 = {m} 元/人·月（换算）")),
            )
        }
        (u, Multiple) if u.starts_with('x') => (d, None),
        (u, target) => {
            return Err(format!(
                "单位“{u}”无法换算为 {} 的单位 {}",
                spec.name,
                target.as_str()
            ));
        }
    };
    spec.check(converted).map(|n| (n.to_string(), note))
}

/// A TOML string, integer or date as text.
fn toml_text(v: &Toml) -> String {
    match v {
        Toml::String(s) => s.clone(),
        Toml::Datetime(d) => d.to_string(),
        Toml::Integer(i) => i.to_string(),
        other => other.to_string(),
    }
}

fn is_code(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0')
}

fn implied_parent(code: &str) -> Option<String> {
    let n: u32 = code.parse().ok()?;
    if n % 10_000 == 0 {
        None
    } else if n % 100 == 0 {
        Some(format!("{:06}", n / 10_000 * 10_000))
    } else {
        Some(format!("{:06}", n / 100 * 100))
    }
}

fn kind_id(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "省" => "province",
        "地级市" => "prefectureCity",
        "地区" => "prefectureArea",
        "区" => "district",
        "县" => "county",
        "自治县" => "autonomousCounty",
        "县级市" => "countyCity",
        "other" => "statistical",
        _ => return None,
    })
}

/// `YYYY-MM-DD`, a real date.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2200).contains(&y) && (1..=days).contains(&d)
}

/// At most 40 characters of a text, for messages.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn one_line(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines().filter(|l| !l.trim().is_empty()) {
        if !out.is_empty() {
            out.push_str(" | ");
        }
        let _ = write!(out, "{}", line.trim());
    }
    out
}
