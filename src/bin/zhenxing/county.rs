//! `zhenxing county` and `zhenxing assets`: the county profile and the 扶贫项目资产 ledger from the
//! command line (docs/county.md). Thin like the rest of the tool: arguments, CSV and printing here;
//! every rule in the library (`Engine::county`, `Engine::assets_rows`).
//!
//! Hooked into the tool by two lines of `main.rs`: `mod county;` and, first in `main()`,
//! `if let Some(code) = county::run_if_county_command() { return code; }`.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhenxing::programs::assets::{AssetLedger, AssetResult, LedgerItem};
use zhenxing::programs::county::CountyProfile;
use zhenxing::register::ledger::{self, LedgerRows};
use zhenxing::PolicyError;

use crate::files::Output;
use crate::pipeline::Format;

pub const HELP: &str = "县级画像和扶贫项目资产台账：
  zhenxing county --as-of YYYY-MM-DD [--params FILE] [--json] REGION
      REGION 为县（市、区）、地级市或全省的 6 位代码。打印脱贫县、重点帮扶县、过渡期和生效的县级措施；
      地级市、全省列出所辖县级单位。--json 输出完整结果（同 JavaScript 的 county()）。
  zhenxing assets [--as-of YYYY-MM-DD] [--region CODE] [--params FILE] [--encoding utf8|gbk] [-o OUTPUT]
      [--headers en|zh] [--json] LEDGER.csv
      LEDGER.csv 每行一项资产，列：id,name,village,funding_source,year,value,kind,owner_level,
      annual_income,income_uses,disposal_type,disposal_price,disposal_approvals，或中文列名 资产编号、
      资产名称、所在村、资金来源、形成年度、账面价值、资产类型、产权归属、年收益、收益用途、处置方式、
      处置价格、已有审批（见 docs/county.md）。取值可用英文代码或结果中的中文（光伏电站、村集体经济组织、
      转让……）；income_uses 写作 maintenance:6000;publicWelfare:24000 或 项目运行管护:6000；村级公益事业:24000，
      disposal_approvals 写作 villageMeeting;township 或 村民会议或村民代表会议决议；乡镇人民政府。
      金额可带千位分隔和“元”，数字可为全角。--encoding gbk 读 Excel 在中文 Windows 上另存的 CSV。
      --region 用该县自己的处置审批限额；--as-of 缺省为今天。坏行单独报错（含行号），其余照算，退出状态为 1。
      -o OUTPUT.csv 写出每项资产一行（--headers zh：中文列名，是/否，审批和问题写中文）；--json 输出完整结果（同 JavaScript 的 assetsText()，错误以行号开头）。";

struct Args {
    command: String,
    as_of: Option<String>,
    region: Option<String>,
    params: Option<PathBuf>,
    output: Option<PathBuf>,
    json: bool,
    gbk: bool,
    headers_zh: bool,
    input: Option<String>,
    help: bool,
}

/// Runs `county` or `assets` when that is the command; `None` for any other command.
pub fn run_if_county_command() -> Option<ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let command = args.get(1)?.to_str()?;
    if command != "county" && command != "assets" {
        return None;
    }
    // A mistake in the arguments gets the usage; a failure while running (a file, a broken pipe)
    // only its message.
    let a = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            note!("错误：{e}\n（zhenxing --help 查看用法）\n\n{HELP}");
            return Some(ExitCode::from(2));
        }
    };
    let outcome = match a.command.as_str() {
        _ if a.help => crate::print(HELP),
        "county" => run_county(&a).map(|()| 0),
        _ => run_assets(&a),
    };
    Some(match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) if e == crate::files::READER_GONE => ExitCode::SUCCESS,
        Err(e) => {
            note!("错误：{e}\n（zhenxing {} --help 查看用法）", a.command);
            ExitCode::from(2)
        }
    })
}

fn parse(args: Vec<OsString>) -> Result<Args, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args.into_iter().skip(1));
    let text = |v: OsString| {
        v.into_string()
            .map_err(|_| "参数不是有效的 UTF-8".to_string())
    };
    let command = match parser.next().map_err(crate::arg_error)? {
        Some(Value(v)) => text(v)?,
        _ => return Err("缺少命令".into()),
    };
    let mut a = Args {
        command,
        as_of: None,
        region: None,
        params: None,
        output: None,
        json: false,
        gbk: false,
        headers_zh: false,
        input: None,
        help: false,
    };
    fn value(parser: &mut lexopt::Parser) -> Result<String, String> {
        parser
            .value()
            .map_err(crate::arg_error)?
            .into_string()
            .map_err(|_| "参数不是有效的 UTF-8".to_string())
    }
    while let Some(arg) = parser.next().map_err(crate::arg_error)? {
        match arg {
            Long("as-of") => a.as_of = Some(crate::date_arg(value(&mut parser)?)),
            Long("region") => a.region = Some(value(&mut parser)?),
            Long("params") => a.params = Some(PathBuf::from(value(&mut parser)?)),
            Short('o') | Long("output") => a.output = Some(PathBuf::from(value(&mut parser)?)),
            Long("json") => a.json = true,
            Long("encoding") => a.gbk = crate::gbk_option(&value(&mut parser)?)?,
            Long("headers") => {
                a.headers_zh = match value(&mut parser)?.as_str() {
                    "zh" => true,
                    "en" => false,
                    v => return Err(format!("--headers 应为 en 或 zh，而不是“{v}”")),
                }
            }
            Short('h') | Long("help") => a.help = true,
            Value(v) if a.input.is_none() => a.input = Some(text(v)?),
            other => return Err(crate::arg_error(other.unexpected())),
        }
    }
    Ok(a)
}

fn message(e: &PolicyError) -> String {
    if e.path.is_empty() {
        e.message.clone()
    } else {
        format!("{}（位置：{}）", e.message, e.path)
    }
}

fn run_county(a: &Args) -> Result<(), String> {
    let as_of = a.as_of.as_deref().ok_or("county 需要 --as-of YYYY-MM-DD")?;
    let region = a.input.as_deref().ok_or("county 需要地区代码，如 230129")?;
    let profile = crate::engine(&a.params)?
        .county(region, as_of)
        .map_err(|e| message(&e))?;
    let out = io::stdout();
    let mut out = out.lock();
    let written = if a.json {
        serde_json::to_writer_pretty(&mut out, &profile)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        print_profile(&mut out, &profile)
    };
    written.map_err(|e| crate::files::write_failed(&e))
}

fn print_profile(out: &mut impl Write, p: &CountyProfile) -> io::Result<()> {
    let parent = p
        .region
        .parent
        .as_ref()
        .map(|x| format!("，属{}", x.name))
        .unwrap_or_default();
    writeln!(
        out,
        "{}（{}，{}{parent}）  {}",
        p.region.name, p.region.code, p.region.kind_label, p.as_of
    )?;
    for r in &p.trace.reasons {
        writeln!(out, "  {r}")?;
    }
    if let Some(rows) = &p.counties {
        writeln!(out, "\n县级单位：")?;
        for c in rows {
            let mut flags = Vec::new();
            if c.kind == zhenxing::params::RegionKind::Statistical {
                flags.push("统计用区划，不是行政区".to_string());
            }
            if c.alleviated_county {
                flags.push("脱贫县".to_string());
            }
            if c.fund_integration_pilot {
                flags.push("整合试点".to_string());
            }
            if c.poverty_county.is_some() && !c.alleviated_county {
                flags.push("原省级贫困县".to_string());
            }
            writeln!(
                out,
                "  {} {}  {}  措施 {} 项{}",
                c.code,
                c.name,
                flags.join("、"),
                c.measures.len(),
                if c.pending.is_empty() {
                    String::new()
                } else {
                    format!("，待定 {} 项", c.pending.len())
                }
            )?;
        }
    }
    writeln!(out, "\n计算步骤：")?;
    for s in &p.trace.steps {
        // The item, and the documents its rule also rests on: `〔四(十)；民发〔2021〕43号第四条〕`.
        let cite = s
            .citation
            .map(|c| {
                let all: Vec<&str> = std::iter::once(c)
                    .chain(s.documents.iter().copied())
                    .collect();
                format!("〔{}〕", all.join("；"))
            })
            .unwrap_or_default();
        writeln!(out, "  {cite}{}", s.text)?;
    }
    if !p.trace.assumptions.is_empty() {
        writeln!(out, "\n本计算器的假设：")?;
        for r in p.trace.assumptions.iter() {
            writeln!(out, "  {}：{}", r.id, r.text)?;
        }
    }
    if !p.trace.unofficial.is_empty() {
        writeln!(out, "\n非官方数字：{}", labels(p.trace.unofficial.names()))?;
    }
    Ok(())
}

/// Today's date (UTC), for `assets` without `--as-of`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|d| d.date_naive().format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// The ledger's rows, each read (or its error, path `[i].field`), and each row's line.
fn read_ledger(path: &str, gbk: bool) -> Result<LedgerRows, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("无法打开 {path}：{}", crate::files::os_error(&e)))?;
    let encoding = crate::files::encoding(gbk);
    crate::files::check_start(&bytes, path, encoding)?;
    ledger::read(bytes.as_slice(), encoding).map_err(|e| message(&e))
}

/// `assets`: the ledger read, checked and written; 1 when some rows are in error (as `estimate`).
fn run_assets(a: &Args) -> Result<u8, String> {
    let path = a.input.as_deref().ok_or("assets 需要台账文件（CSV）")?;
    let as_of = match &a.as_of {
        Some(d) => d.clone(),
        None => {
            let d = today();
            note!("未指定 --as-of，按今天 {d} 测算");
            d
        }
    };
    let engine = crate::engine(&a.params)?;
    let reads: Vec<&Path> = [Some(Path::new(path)), a.params.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let output = match &a.output {
        Some(out) => Some(Output::plan(Some(out), Some(Format::Csv), &reads)?),
        None => None,
    };
    let LedgerRows { rows, lines } = read_ledger(path, a.gbk)?;
    let mut ledger = engine
        .assets_rows(rows, &as_of, a.region.as_deref())
        .map_err(|e| message(&e))?;
    if let Some(output) = output {
        output.write_all(&ledger_csv(&ledger, &lines, a.headers_zh)?)?;
    }
    let out = io::stdout();
    let mut out = out.lock();
    let written = if a.json {
        // As `assetsText` gives it: each error's message starts with its line.
        ledger::name_lines(&mut ledger, &lines);
        serde_json::to_writer_pretty(&mut out, &ledger)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        print_ledger(&mut out, &ledger, &lines)
    };
    written.map_err(|e| crate::files::write_failed(&e))?;
    let errors = ledger
        .items
        .iter()
        .any(|item| matches!(item, LedgerItem::Err { .. }));
    Ok(u8::from(errors))
}

/// Parameters as officers know them: their Chinese labels, not their names.
fn labels(names: Vec<&str>) -> String {
    let label = |n: &str| {
        zhenxing::params::catalogue::find(n).map_or(n.to_string(), |s| s.label.to_string())
    };
    names.into_iter().map(label).collect::<Vec<_>>().join("、")
}

/// An amount as printed reports write it (`1,234,567.00`).
fn yuan(m: zhenxing::base::money::Money) -> String {
    zhenxing::register::summary::grouped(&m.to_fen_string())
}

/// Each asset of the ledger (or its row's error) on a line, with its findings under it.
fn print_ledger_items(out: &mut impl Write, l: &AssetLedger, lines: &[u64]) -> io::Result<()> {
    for (item, line) in l.items.iter().zip(lines) {
        match item {
            LedgerItem::Ok { asset, .. } => {
                let disposal = asset
                    .disposal
                    .as_ref()
                    .map(|d| {
                        let state = match (d.required.is_empty(), d.allowed) {
                            (true, _) => "：农户自行处置",
                            (false, true) => "：审批齐全",
                            (false, false) => "：缺审批",
                        };
                        format!("  {}{state}", d.label)
                    })
                    .unwrap_or_default();
                writeln!(
                    out,
                    "第{line}行 {} {}  {}  账面 {} 元{disposal}",
                    asset.id,
                    asset.name,
                    asset.class_label,
                    yuan(asset.value)
                )?;
                for f in &asset.findings {
                    writeln!(out, "    问题〔{}〕{}", f.citation, f.text)?;
                }
            }
            LedgerItem::Err { error, id, .. } if error.problems.len() > 1 => {
                let n = error.problems.len();
                let id = id.as_deref().map(|i| format!(" {i}")).unwrap_or_default();
                writeln!(out, "第{line}行{id} 有误（{n} 处问题，{}）：", error.code)?;
                for p in &error.problems {
                    writeln!(out, "    {}（{}）", p.message, p.path)?;
                }
            }
            LedgerItem::Err { error, id, .. } => {
                let id = id.as_deref().map(|i| format!(" {i}")).unwrap_or_default();
                writeln!(
                    out,
                    "第{line}行{id} 有误：{}（{}，{}）",
                    error.message, error.code, error.path
                )?;
            }
        }
    }
    Ok(())
}

fn print_ledger(out: &mut impl Write, l: &AssetLedger, lines: &[u64]) -> io::Result<()> {
    writeln!(out, "扶贫项目资产台账（测算日期 {}）", l.as_of)?;
    print_ledger_items(out, l, lines)?;
    writeln!(out, "\n按类别：")?;
    for c in &l.by_class {
        let n = &c.counts;
        writeln!(
            out,
            "  {}  {} 项  账面 {} 元  年收益 {} 元  已计划 {} 元  处置 {}（缺审批 {}）  有问题 {}",
            c.label,
            n.assets,
            yuan(n.value),
            yuan(n.annual_income),
            yuan(n.planned),
            n.disposals,
            n.disposals_blocked,
            n.with_findings
        )?;
    }
    writeln!(out, "按村：")?;
    for v in &l.by_village {
        let n = &v.counts;
        writeln!(
            out,
            "  {}  {} 项  账面 {} 元  年收益 {} 元  处置 {}（缺审批 {}）  有问题 {}",
            v.village,
            n.assets,
            yuan(n.value),
            yuan(n.annual_income),
            n.disposals,
            n.disposals_blocked,
            n.with_findings
        )?;
    }
    for r in &l.trace.reasons {
        writeln!(out, "{r}")?;
    }
    if !l.trace.unofficial.is_empty() {
        writeln!(
            out,
            "示意数字（须按本县规定替换）：{}",
            labels(l.trace.unofficial.names())
        )?;
    }
    Ok(())
}

/// A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, return) is
/// written with a leading apostrophe, as OWASP recommends for CSV exports.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The ledger as CSV, a row per asset (or per row in error) with its line.
/// The ledger's CSV columns: the English name and, for `--headers zh`, the Chinese.
const LEDGER_COLUMNS: [(&str, &str); 17] = [
    ("line", "行号"),
    ("id", "资产编号"),
    ("name", "资产名称"),
    ("village", "所在村"),
    ("class", "资产类别"),
    ("value", "账面价值"),
    ("annual_income", "年收益"),
    ("planned", "已计划收益"),
    ("unplanned", "未计划收益"),
    ("in_scope", "属于管理范围"),
    ("disposal", "处置方式"),
    ("disposal_allowed", "可以处置"),
    ("missing_approvals", "缺少的审批"),
    ("findings", "问题"),
    ("error_code", "错误代码"),
    ("error_path", "错误位置"),
    ("error_message", "错误说明"),
];

/// The ledger as CSV, one row per asset: ids and `true`/`false` under English headers, or with
/// `zh` the words an officer reads (the Chinese headers, 是/否, the approvals' and findings' text).
fn ledger_csv(l: &AssetLedger, lines: &[u64], zh: bool) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| format!("写出失败：{e}");
    w.write_record(
        LEDGER_COLUMNS
            .iter()
            .map(|(en, c)| if zh { *c } else { *en }),
    )
    .map_err(fail)?;
    for (item, line) in l.items.iter().zip(lines) {
        let line = line.to_string();
        let record: Vec<String> = match item {
            LedgerItem::Ok { asset: a, .. } => asset_cells(a, line, zh),
            LedgerItem::Err { error, id, .. } => {
                // The row's number when it could be read: the officer finds the asset by it.
                let mut r = vec![line, cell(id.as_deref().unwrap_or_default())];
                r.extend(std::iter::repeat_n(String::new(), 12));
                r.extend([
                    error.code.clone(),
                    error.path.clone(),
                    cell(&every_problem(error)),
                ]);
                r
            }
        };
        w.write_record(&record).map_err(fail)?;
    }
    w.into_inner().map_err(|e| format!("写出失败：{e}"))
}

/// A row's problems in one cell, each named by its column (the first one's path is its own cell).
fn every_problem(error: &zhenxing::base::error::BatchError) -> String {
    if error.problems.len() < 2 {
        return error.message.clone();
    }
    let texts: Vec<&str> = error.problems.iter().map(|p| p.message.as_str()).collect();
    texts.join("；")
}

/// An assessed asset's cells (see [`LEDGER_COLUMNS`]).
fn asset_cells(a: &AssetResult, line: String, zh: bool) -> Vec<String> {
    use zhenxing::input::county::APPROVALS;
    let yes_no = |b: bool| match (zh, b) {
        (true, true) => "是".to_string(),
        (true, false) => "否".to_string(),
        (false, b) => b.to_string(),
    };
    let approval = |m: &zhenxing::input::county::Approval| {
        APPROVALS
            .iter()
            .find(|(_, x, _)| x == m)
            .map(|(id, _, label)| if zh { *label } else { *id })
            .unwrap_or_default()
    };
    let (sep, findings): (&str, Vec<String>) = match zh {
        true => ("；", a.findings.iter().map(|f| cell(&f.text)).collect()),
        false => (";", a.findings.iter().map(|f| f.id.to_string()).collect()),
    };
    let d = a.disposal.as_ref();
    vec![
        line,
        cell(&a.id),
        cell(&a.name),
        cell(a.village.as_deref().unwrap_or_default()),
        a.class_label.to_string(),
        a.value.to_fen_string(),
        a.annual_income
            .map(|m| m.to_fen_string())
            .unwrap_or_default(),
        a.planned.to_fen_string(),
        a.unplanned.map(|m| m.to_fen_string()).unwrap_or_default(),
        yes_no(a.in_scope),
        d.map(|d| d.label.to_string()).unwrap_or_default(),
        d.map(|d| yes_no(d.allowed)).unwrap_or_default(),
        d.map(|d| d.missing.iter().map(approval).collect::<Vec<_>>().join(sep))
            .unwrap_or_default(),
        findings.join(sep),
        String::new(),
        String::new(),
        String::new(),
    ]
}
