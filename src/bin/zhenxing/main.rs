//! The native command-line tool: a register of households through the engine, streaming, in
//! constant memory, losing no household without a word. Thin: arguments and I/O here; every rule
//! is in the library.

/// A line on standard error, best-effort: progress, notes and summaries must never stop a run, so
/// a standard error that cannot be written (`2>/dev/full`, a closed pipe) is ignored; results go to
/// their own output and are checked there.
macro_rules! note {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod alloc;
mod county;
mod files;
mod pipeline;
mod signals;
mod spool;

/// Results are many small values (labels, rows, amounts): mimalloc serves them faster than the
/// system allocator, on every worker thread.
#[global_allocator]
static ALLOCATOR: alloc::Mimalloc = alloc::Mimalloc;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use files::{Input, Output};
use pipeline::{Format, Options, Report, Task};
use zhenxing::estimate::compare::REASONS_NOTE;
use zhenxing::register::output::Lang;
use zhenxing::register::summary::{grouped, indented, CountySummary};
use zhenxing::Engine;

const HELP: &str = "zhenxing：黑龙江过渡期帮扶政策批量测算

用法：
  zhenxing estimate --as-of YYYY-MM-DD [--params FILE] [--set 名称=值 …] INPUT [-o OUTPUT] [--explain] [选项]
  zhenxing compare  --as-of YYYY-MM-DD INPUT (--params FILE | --set 名称=值 …) [--baseline FILE]
                    [-o 差异.csv] [--report 报告.csv|.txt|.json] [--changed-only] [选项]
  zhenxing compare  --as-of YYYY-MM-DD --to YYYY-MM-DD INPUT [--params FILE] [--set 名称=值 …] [同上]
  zhenxing summary  --as-of YYYY-MM-DD [--params FILE] [--set 名称=值 …] INPUT [-o 汇总.csv|.txt] [选项]
  zhenxing params [--params FILE] [--json]
  zhenxing county --as-of YYYY-MM-DD REGION [--json]        （县级画像，见文末）
  zhenxing assets [--as-of YYYY-MM-DD] LEDGER.csv [-o OUTPUT]  （扶贫项目资产台账，见文末）
  zhenxing --help | --version

estimate  测算花名册中的每一户，每户一行结果。
  INPUT        CSV（每行一名成员，按户编号分组；列名可用英文或中文，见 docs/register.md）
               或 JSON Lines（.jsonl/.json，每行一户，docs/api.md 的 Household）；- 为标准输入
               （首字符为 { 按 JSON Lines 读，否则按 CSV）。
               Excel 文件（.xlsx）请先在 Excel 中另存为“CSV UTF-8（逗号分隔）”。
  -o OUTPUT    输出文件（.csv 或 .jsonl/.json；默认或 - 为标准输出，JSON Lines）。
               先写入同目录下的临时文件，成功后才替换目标文件；不能与输入是同一个文件。
  --explain    JSON Lines 中写出每户完整的测算（含步骤与理由），较慢。
  --summary F  另将按地区（及乡镇、村）的汇总写入 F（.csv 或 .txt）。

compare   在两套参数下（或同一套参数的两个日期）测算每一户，报告各项目、各地区增加、减少、新符合、不再符合的
          户数和年额变化，每户每个项目变化的原因，以及按原因统计的增加、减少户数。
  --baseline F 对照参数文件（默认：内置的黑龙江参数）。
  --params F   新参数文件；--set 名称=值（可重复）在其上再改动单个参数，如 --set dibao.standard.rural=471。
  --to 日期    比较 --as-of 与这一日期（如 --as-of 2025-12-31 --to 2026-01-01，过渡期结束前后）：
               两个日期用同一套参数（--params、--set 对两个日期都适用），原因分为过渡期结束、参数调整、
               成员年龄变化、措施期限届满等。
  -o OUTPUT    每户一行的差异（CSV 或 JSON Lines；- 为标准输出）；不加 -o 时只有汇总，不写每户差异。
               --changed-only 只写出有变化的户和有误的行。
  --report F   汇总报告（.csv、.txt 可打印的表格或 .json）；不加 --quiet 时也打印在标准错误。

summary   按地区（有“乡镇”“村”列时再按乡镇、村）汇总：监测户（按类别）、各项目户数和年额、现金帮扶合计。
  -o OUTPUT    .csv 为 CSV；其他（默认标准输出）为可打印的中文表格。

选项：
  --set 名称=值          改动单个参数再测算（可重复），如 --set dibao.standard.rural=471；estimate、summary 与 compare 都可用。
  --encoding utf8|gbk    输入文件的编码（默认 UTF-8，可带 BOM）；GBK 即 Excel“CSV（逗号分隔）”在中文 Windows 上的编码。
  --no-bom               CSV 输出不写 BOM（默认写，Excel 才能正确显示中文）。
  --ignore-columns       忽略花名册中不认识的列（在标准错误中列出一次），而不是停止。身份证号、联系电话等
                         个人信息列总是忽略：既不读入，也不写入任何输出。
  --headers en|zh        CSV 输出用英文（默认）或中文：中文时列名、是/否、监测类别与帮扶路径均为中文。
  --input-format / --output-format jsonl|csv   不按扩展名判断格式时指定。
  --threads N            并行线程数（默认为本机核数）；输出顺序始终与输入相同。
  --quiet                不在标准错误输出进度和汇总。

每一行输入都计入且只计入一条结果：一户的结果，或写明行号的错误（列数不对、引号未闭合、编码不对、户编号为空、
户级列前后不一致……）。同一户的成员行不必相邻（可按村、姓名排序），按每户第一行的顺序输出。
退出状态：0 全部成功；1 已完成但有出错的行（见输出）；2 无法进行（文件打不开、表头或参数有误、日期有误），此时不写出任何文件。

params    列出参数目录（名称、单位、各期取值、来源、可信度）。--json 输出 JSON。";

/// `--encoding`: whether it asks for GBK.
fn gbk_option(v: &str) -> Result<bool, String> {
    match v.to_ascii_lowercase().as_str() {
        "gbk" | "gb18030" | "gb2312" | "cp936" => Ok(true),
        "utf8" | "utf-8" => Ok(false),
        _ => Err(format!("--encoding 应为 utf8 或 gbk，而不是“{v}”")),
    }
}

/// The argument parser's errors in Chinese (its own are English).
pub fn arg_error(e: lexopt::Error) -> String {
    use lexopt::Error::*;
    match e {
        MissingValue { option: Some(o) } => format!("{o} 需要一个值"),
        MissingValue { option: None } => "缺少参数的值".to_string(),
        UnexpectedOption(o) => format!("未知选项 {o}"),
        UnexpectedArgument(v) => format!("多余的参数 {}", v.to_string_lossy()),
        UnexpectedValue { option, value } => {
            format!("选项 {option} 不带值（却给了 {}）", value.to_string_lossy())
        }
        ParsingFailed { value, error } => format!("{value} 无法读取：{error}"),
        NonUnicodeValue(v) => format!("参数不是有效的 UTF-8：{}", v.to_string_lossy()),
        Custom(e) => e.to_string(),
    }
}

#[derive(Default)]
struct Common {
    as_of: Option<String>,
    /// `compare --to`: the later date.
    to: Option<String>,
    params: Option<PathBuf>,
    baseline: Option<PathBuf>,
    sets: Vec<(String, String)>,
    input: Option<PathBuf>,
    output: Option<PathBuf>,
    report: Option<PathBuf>,
    summary: Option<PathBuf>,
    input_format: Option<Format>,
    output_format: Option<Format>,
    explain: bool,
    changed_only: bool,
    threads: Option<usize>,
    quiet: bool,
    json: bool,
    gbk: bool,
    no_bom: bool,
    lang: Option<Lang>,
    ignore_columns: bool,
}

enum Command {
    Estimate(Common),
    Compare(Common),
    Summary(Common),
    Params { params: Option<PathBuf>, json: bool },
    Help,
    Version,
}

fn format_of(s: &str) -> Result<Format, String> {
    match s {
        "jsonl" | "json" => Ok(Format::JsonLines),
        "csv" => Ok(Format::Csv),
        other => Err(format!("未知格式“{other}”（应为 jsonl 或 csv）")),
    }
}

fn parse_args() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let text = |v: std::ffi::OsString| {
        v.into_string()
            .map_err(|_| "参数不是有效的 UTF-8".to_string())
    };
    let command = match parser.next().map_err(arg_error)? {
        None | Some(Long("help")) | Some(Short('h')) => return Ok(Command::Help),
        Some(Long("version")) | Some(Short('V')) => return Ok(Command::Version),
        Some(Value(v)) => text(v)?,
        Some(other) => return Err(arg_error(other.unexpected())),
    };
    let mut c = Common::default();
    let value = |p: &mut lexopt::Parser| p.value().map_err(arg_error);
    while let Some(arg) = parser.next().map_err(arg_error)? {
        match arg {
            Long("as-of") => c.as_of = Some(date_arg(text(value(&mut parser)?)?)),
            Long("to") => c.to = Some(date_arg(text(value(&mut parser)?)?)),
            Long("params") => c.params = Some(PathBuf::from(value(&mut parser)?)),
            Long("baseline") => c.baseline = Some(PathBuf::from(value(&mut parser)?)),
            Long("set") => {
                let v = text(value(&mut parser)?)?;
                let (name, val) = v.split_once('=').ok_or(format!(
                    "--set 应为 名称=值，如 dibao.standard.rural=471，而不是“{v}”"
                ))?;
                c.sets
                    .push((name.trim().to_string(), val.trim().to_string()));
            }
            Short('o') | Long("output") => c.output = Some(PathBuf::from(value(&mut parser)?)),
            Long("report") => c.report = Some(PathBuf::from(value(&mut parser)?)),
            Long("summary") => c.summary = Some(PathBuf::from(value(&mut parser)?)),
            Long("input-format") => c.input_format = Some(format_of(&text(value(&mut parser)?)?)?),
            Long("output-format") => {
                c.output_format = Some(format_of(&text(value(&mut parser)?)?)?)
            }
            Long("encoding") => c.gbk = gbk_option(&text(value(&mut parser)?)?)?,
            Long("no-bom") => c.no_bom = true,
            Long("ignore-columns") => c.ignore_columns = true,
            Long("headers") => {
                let v = text(value(&mut parser)?)?;
                c.lang = Some(match v.as_str() {
                    "en" => Lang::En,
                    "zh" => Lang::Zh,
                    _ => return Err(format!("--headers 应为 en 或 zh，而不是“{v}”")),
                });
            }
            Long("quiet") | Short('q') => c.quiet = true,
            Long("explain") => c.explain = true,
            Long("changed-only") => c.changed_only = true,
            Long("threads") => {
                let v = text(value(&mut parser)?)?;
                c.threads = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=256).contains(n))
                        .ok_or(format!("--threads 应为 1 到 256 的整数，而不是“{v}”"))?,
                );
            }
            Long("json") => c.json = true,
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(v) if c.input.is_none() => c.input = Some(PathBuf::from(v)),
            other => return Err(arg_error(other.unexpected())),
        }
    }
    command_for(&command, c)
}

/// The command named `command` with the options given, if it has what it needs.
fn command_for(command: &str, c: Common) -> Result<Command, String> {
    let needs = |c: &Common, what: &str| -> Result<(), String> {
        if c.as_of.is_none() {
            return Err(format!("{what} 需要 --as-of YYYY-MM-DD"));
        }
        if c.input.is_none() {
            return Err(format!("{what} 需要输入文件（或 - 表示标准输入）"));
        }
        Ok(())
    };
    match command {
        "estimate" => needs(&c, "estimate").map(|_| Command::Estimate(c)),
        "compare" => {
            needs(&c, "compare")?;
            if c.to.is_some() && c.baseline.is_some() {
                return Err(
                    "compare --to 用同一套参数比较两个日期，不用 --baseline（参数文件用 --params）"
                        .into(),
                );
            }
            if c.to.is_none() && c.params.is_none() && c.sets.is_empty() {
                return Err("compare 需要 --params FILE 或 --set 名称=值（要比较的新参数），或 --to 日期（要比较的另一日期）".into());
            }
            Ok(Command::Compare(c))
        }
        "summary" => needs(&c, "summary").map(|_| Command::Summary(c)),
        "params" => Ok(Command::Params {
            params: c.params,
            json: c.json,
        }),
        other => Err(format!(
            "未知命令“{other}”（estimate、compare、summary 或 params；--help 查看用法）"
        )),
    }
}

/// The default engine, or one from a parameter file with its problems listed.
pub(crate) fn engine(params: &Option<PathBuf>) -> Result<Engine, String> {
    match params {
        None => Engine::new().map_err(|e| e.to_string()),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("无法读取参数文件 {}：{e}", path.display()))?;
            Engine::from_parameters(&text).map_err(|e| {
                let mut msg = format!("参数文件 {} 有误：", path.display());
                for p in e.problems.iter().take(20) {
                    msg.push_str(&format!("\n  {}：{}", p.path, p.message));
                }
                if e.problems.is_empty() {
                    msg.push_str(&e.to_string());
                }
                msg
            })
        }
    }
}

/// `--set name=value …` over an engine.
fn with_sets(engine: Engine, sets: &[(String, String)]) -> Result<Engine, String> {
    if sets.is_empty() {
        return Ok(engine);
    }
    let mut map = serde_json::Map::new();
    for (name, value) in sets {
        if map
            .insert(name.clone(), serde_json::Value::String(value.clone()))
            .is_some()
        {
            return Err(format!("--set {name} 给了两次"));
        }
    }
    let text = serde_json::Value::Object(map).to_string();
    zhenxing::input::parse(&text, "--set ")
        .and_then(|node| engine.with_overrides(&node))
        .map_err(|e| format!("--set 有误：{}（{}）", e.message, e.path))
}

/// What every register command shares: the engine, the date, the input and the options.
struct Prepared {
    engine: Engine,
    input: Input,
    as_of: String,
}

fn prepare(c: &Common, params: &Option<PathBuf>) -> Result<Prepared, String> {
    let engine = engine(params)?;
    let as_of = c.as_of.clone().unwrap_or_default();
    zhenxing::base::calendar::parse_date(&as_of, "--as-of").map_err(|e| e.message)?;
    let input = Input::open(
        c.input.as_deref().unwrap_or(std::path::Path::new("-")),
        c.input_format,
        c.gbk,
    )?;
    Ok(Prepared {
        engine,
        input,
        as_of,
    })
}

/// The files a run reads: the register and the parameter files. No output may be one of them.
fn reads<'a>(c: &'a Common, input: &'a Input) -> Vec<&'a Path> {
    [input.file(), c.params.as_deref(), c.baseline.as_deref()]
        .into_iter()
        .flatten()
        .collect()
}

fn options<'a>(c: &Common, p: &Prepared, task: Task<'a>, output_format: Format) -> Options<'a> {
    Options {
        as_of: p.as_of.clone(),
        input_format: p.input.format,
        output_format,
        task,
        threads: c.threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        }),
        quiet: c.quiet,
        encoding: p.input.encoding,
        bom: !c.no_bom,
        lang: c.lang.unwrap_or(Lang::En),
        county: false,
        input_size: p.input.size,
        ignore_columns: c.ignore_columns,
    }
}

/// The run's outcome as an exit status: 0 every household fine, 1 some were errors.
fn finish(report: &Report, started: Instant, task: &Task<'_>, quiet: bool) -> Result<u8, String> {
    if !report.balanced() {
        return Err(format!(
            "内部错误：行数对不上（读入 {} 行，表头 {}、空行 {}、结果涉及 {} 行）；输出未保存",
            report.lines_read, report.header_lines, report.blank_lines, report.totals.lines
        ));
    }
    if !quiet {
        report.print(started.elapsed().as_secs_f64(), task);
    }
    Ok(u8::from(report.totals.errors > 0))
}

/// The county summary of a run (`summary`, `estimate --summary`): CSV, or a printable table
/// under its heading.
fn summary_text(
    report: &Report,
    engine: &Engine,
    csv_out: bool,
    c: &Common,
) -> Result<Vec<u8>, String> {
    let totals = &report.totals;
    let summary: &CountySummary = totals.county.as_ref().ok_or("内部错误：没有汇总")?;
    let zh = c.lang == Some(Lang::Zh) || !csv_out;
    if csv_out {
        let (header, rows) = summary.table(zh, |code| engine.region_name(code));
        return files::table_bytes(&header, &rows, csv_out, !c.no_bom);
    }
    let table = summary.printed(|code| engine.region_name(code));
    let mut params = file_name(&c.params).unwrap_or_else(|| BUILT_IN.to_string());
    if !c.sets.is_empty() {
        let sets: Vec<String> = c.sets.iter().map(|(n, v)| format!("{n}={v}")).collect();
        params = format!("{params}，另改 {}", sets.join("、"));
    }
    let heading = printed_heading(
        "按地区汇总",
        c,
        totals,
        "（见“有误户数”）",
        &[format!("参数：{params}")],
    );
    Ok([heading.as_bytes(), table.as_bytes()].concat())
}

fn run_estimate(c: Common) -> Result<u8, String> {
    let mut p = prepare(&c, &c.params)?;
    p.engine = with_sets(p.engine, &c.sets)?;
    let reads = reads(&c, &p.input);
    files::refuse_shared(&[
        ("-o", Some(c.output.as_deref().unwrap_or(Path::new("-")))),
        ("--summary", c.summary.as_deref()),
    ])?;
    let output = Output::plan(c.output.as_deref(), c.output_format, &reads)?;
    let summary_out = match &c.summary {
        Some(path) => Some(Output::plan(Some(path), None, &reads).map(|o| (o, path.clone()))?),
        None => None,
    };
    if c.explain && output.format == Format::Csv {
        return Err("--explain 只用于 JSON Lines 输出（CSV 每户一行，不含说明）".into());
    }
    let task = Task::Estimate { explain: c.explain };
    let mut opts = options(&c, &p, task, output.format);
    opts.county = summary_out.is_some();
    let started = Instant::now();
    output.create()?.complete(|writer| {
        let report = pipeline::run(&p.engine, &|| p.input.reader(), writer.boxed()?, &opts)?;
        let status = finish(&report, started, &opts.task, c.quiet)?;
        if let Some((out, path)) = summary_out {
            out.write_all(&summary_text(&report, &p.engine, files::is_csv(&path), &c)?)?;
        }
        Ok(status)
    })
}

fn run_summary(c: Common) -> Result<u8, String> {
    let mut p = prepare(&c, &c.params)?;
    p.engine = with_sets(p.engine, &c.sets)?;
    let output = Output::plan(c.output.as_deref(), Some(Format::Csv), &reads(&c, &p.input))?;
    let csv_out = c.output.as_deref().is_some_and(files::is_csv);
    let mut opts = options(&c, &p, Task::Summary, Format::Csv);
    opts.county = true;
    let started = Instant::now();
    let report = pipeline::run(&p.engine, &|| p.input.reader(), Box::new(io::sink()), &opts)?;
    let status = finish(&report, started, &opts.task, c.quiet)?;
    output.write_all(&summary_text(&report, &p.engine, csv_out, &c)?)?;
    Ok(status)
}

fn run_compare(c: Common) -> Result<u8, String> {
    if let Some(to) = c.to.clone() {
        return run_compare_dates(c, &to);
    }
    let p = prepare(&c, &c.baseline)?;
    let other = match &c.params {
        Some(_) => engine(&c.params)?,
        None => p.engine.clone(),
    };
    let other = with_sets(other, &c.sets)?;
    let outputs = compare_outputs(&c, &p.input)?;
    let task = Task::Compare {
        other: &other,
        changed_only: c.changed_only,
        dates: None,
    };
    let heading = |totals: &pipeline::Totals| report_heading(&c, totals);
    compare_run(&c, &p, task, outputs, &heading)
}

/// `compare --as-of FROM --to TO`: the register on two dates under one parameter set.
fn run_compare_dates(c: Common, to: &str) -> Result<u8, String> {
    let mut p = prepare(&c, &c.params)?;
    p.engine = with_sets(p.engine, &c.sets)?;
    let from = zhenxing::base::calendar::parse_date(&p.as_of, "--as-of").map_err(|e| e.message)?;
    let until = zhenxing::base::calendar::parse_date(to, "--to").map_err(|e| e.message)?;
    let path = zhenxing::estimate::compare::DatePath::new(p.engine.parameter_set(), from, until)
        .map_err(|e| e.message)?;
    let outputs = compare_outputs(&c, &p.input)?;
    let task = Task::Compare {
        other: &p.engine,
        changed_only: c.changed_only,
        dates: Some((to, &path)),
    };
    let heading = |totals: &pipeline::Totals| {
        let params = file_name(&c.params).unwrap_or_else(|| BUILT_IN.to_string());
        printed_heading(
            "日期对照报告",
            &c,
            totals,
            "，不参与比较（见“有误户数”）",
            &[format!("比较日期：{to}"), format!("参数：{params}")],
        )
    };
    compare_run(&c, &p, task, outputs, &heading)
}

/// Where a comparison writes: the households (`-o`, standard output without it) and the report
/// (`--report`), planned before anything is read and never the same file or an input.
fn compare_outputs(
    c: &Common,
    input: &Input,
) -> Result<(Output, Option<(Output, PathBuf)>), String> {
    let reads = reads(c, input);
    files::refuse_shared(&[
        ("-o", Some(c.output.as_deref().unwrap_or(Path::new("-")))),
        ("--report", c.report.as_deref()),
    ])?;
    let output = Output::plan(c.output.as_deref(), c.output_format, &reads)?;
    let report_out = match &c.report {
        Some(path) => Some((Output::plan(Some(path), None, &reads)?, path.clone())),
        None => None,
    };
    Ok((output, report_out))
}

/// Run a comparison over the register: the per-household output, the summary on standard error
/// and the report.
fn compare_run(
    c: &Common,
    p: &Prepared,
    task: Task<'_>,
    (output, report_out): (Output, Option<(Output, PathBuf)>),
    heading: &dyn Fn(&pipeline::Totals) -> String,
) -> Result<u8, String> {
    let opts = options(c, p, task, output.format);
    let started = Instant::now();
    // Every household's difference is for a file (or `-o -`): on a terminal it would bury the report.
    let per_household = c.output.is_some();
    output.create()?.complete(|writer| {
        let rows: Box<dyn Write + Send> = match per_household {
            true => writer.boxed()?,
            false => Box::new(io::sink()),
        };
        let report = pipeline::run(&p.engine, &|| p.input.reader(), rows, &opts)?;
        let status = finish(&report, started, &opts.task, c.quiet)?;
        let summary = report
            .totals
            .comparison
            .clone()
            .finish(|code| p.engine.region_name(code));
        let dates = c.to.as_deref().map(|to| (p.as_of.as_str(), to));
        if !c.quiet {
            let _ = io::stderr().write_all(files::comparison_printed(&summary, dates).as_bytes());
            let reasons = reasons_printed(&summary);
            if !reasons.is_empty() {
                let _ = io::stderr().write_all(format!("\n{reasons}").as_bytes());
            }
            if !per_household {
                note!("每户的差异未写出：加 -o 差异.csv（中文表头再加 --headers zh；或 .jsonl）写到文件，\n-o - 写到标准输出。");
            }
        }
        write_report(report_out, &summary, &heading(&report.totals), (c, dates))?;
        Ok(status)
    })
}

/// The reasons programmes changed for, as the `.txt` report and stderr print them, at most
/// [`PRINTED_WIDTH`](zhenxing::register::summary::PRINTED_WIDTH) columns wide (a table of them was
/// 140, its note 216): a line each, the households with a programme that changed for it, how many
/// gain and lose, and those programmes' annual change; then the note on adding them up. Empty when
/// nothing changed.
fn reasons_printed(s: &zhenxing::estimate::compare::ComparisonSummary) -> String {
    if s.reasons.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("变化原因（户数：有项目因此变化的户数；年额变化：这些项目的年额变化）：\n");
    for r in &s.reasons {
        out.push_str(&indented(&format!(
            "{} 户（增加 {} 户，减少 {} 户），年额变化 {} 元：{}。",
            r.households,
            r.gaining,
            r.losing,
            grouped(&r.difference.to_fen_string()),
            r.name()
        )));
    }
    out.push_str(&indented(REASONS_NOTE));
    out
}

/// A date argument in any form a register cell may hold it (`2025/6/1`, `2025年6月1日`) as
/// `2025-06-01`; anything else as written, for the date reader to refuse with its reason.
pub fn date_arg(v: String) -> String {
    zhenxing::base::typed::typed_date(&v).unwrap_or(v)
}

/// A file's name as a printed heading gives it.
fn file_name(p: &Option<PathBuf>) -> Option<String> {
    match p.as_deref() {
        None => None,
        Some(p) if p.as_os_str() == "-" => Some("标准输入".to_string()),
        Some(p) => Some(
            p.file_name()
                .unwrap_or(p.as_os_str())
                .to_string_lossy()
                .into_owned(),
        ),
    }
}

/// How a heading names the embedded parameter set.
const BUILT_IN: &str = "内置的黑龙江参数";

/// What a printed table is about, so that a printed page says it by itself: its title, the date,
/// the register and its households (and how many are errors, with `errors_note`), then `lines`
/// (the parameters).
fn printed_heading(
    title: &str,
    c: &Common,
    totals: &pipeline::Totals,
    errors_note: &str,
    lines: &[String],
) -> String {
    let errors = match totals.errors {
        0 => String::new(),
        n => format!("，其中 {n} 户有误{errors_note}"),
    };
    let mut heading = format!(
        "{title}\n测算日期：{}\n花名册：{}，读入 {} 户{errors}\n",
        c.as_of.as_deref().unwrap_or_default(),
        file_name(&c.input).unwrap_or_else(|| "标准输入".to_string()),
        totals.households,
    );
    for line in lines {
        heading.push_str(line);
        heading.push('\n');
    }
    heading.push('\n');
    heading
}

/// What a printed comparison compares: both parameter sets and the single changes.
fn report_heading(c: &Common, totals: &pipeline::Totals) -> String {
    let baseline = file_name(&c.baseline).unwrap_or_else(|| BUILT_IN.to_string());
    let mut alternative = file_name(&c.params).unwrap_or_else(|| "同对照参数".to_string());
    if !c.sets.is_empty() {
        let sets: Vec<String> = c.sets.iter().map(|(n, v)| format!("{n}={v}")).collect();
        alternative = format!("{alternative}，另改 {}", sets.join("、"));
    }
    printed_heading(
        "参数对照报告",
        c,
        totals,
        "，不参与比较（见“有误户数”）",
        &[
            format!("对照参数：{baseline}"),
            format!("调整后参数：{alternative}"),
        ],
    )
}

/// `compare --report`: CSV, a printable table (after its heading) or JSON.
fn write_report(
    report_out: Option<(Output, PathBuf)>,
    summary: &zhenxing::estimate::compare::ComparisonSummary,
    heading: &str,
    (c, dates): (&Common, files::Dates<'_>),
) -> Result<(), String> {
    let Some((out, path)) = report_out else {
        return Ok(());
    };
    let bytes = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        let mut b = serde_json::to_vec_pretty(summary).map_err(|e| e.to_string())?;
        b.push(b'\n');
        b
    } else {
        match files::is_csv(&path) {
            true => {
                let (header, rows) =
                    files::comparison_rows(summary, c.lang == Some(Lang::Zh), dates);
                files::table_bytes(&header, &rows, true, !c.no_bom)?
            }
            false => {
                let table = files::comparison_printed(summary, dates);
                // The printed report also says why: households gaining and losing per reason.
                let reasons = reasons_printed(summary);
                let reasons = match reasons.is_empty() {
                    true => reasons,
                    false => format!("\n{reasons}"),
                };
                [heading.as_bytes(), table.as_bytes(), reasons.as_bytes()].concat()
            }
        }
    };
    out.write_all(&bytes)
}

fn run_params(params: &Option<PathBuf>, json: bool) -> Result<u8, String> {
    let engine = engine(params)?;
    let out = io::stdout();
    let mut out = out.lock();
    let catalogue = engine.parameters();
    let result = if json {
        serde_json::to_writer_pretty(&mut out, &catalogue)
            .map_err(io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        catalogue.iter().try_for_each(|p| {
            writeln!(out, "{}  {}（{}）", p.name, p.label, p.unit_label)?;
            for v in &p.values {
                let region = v.region_name.map(|r| format!(" [{r}]")).unwrap_or_default();
                writeln!(
                    out,
                    "    {} 起{region}：{}  〔{}〕{}",
                    v.from,
                    v.value,
                    v.status.label(),
                    v.source
                )?;
            }
            Ok(())
        })
    };
    result.map(|()| 0).map_err(|e| files::write_failed(&e))
}

/// `text` on standard output; a failure to write it is the run's failure.
fn print(text: &str) -> Result<u8, String> {
    let mut out = io::stdout().lock();
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map(|()| 0)
        .map_err(|e| files::write_failed(&e))
}

fn main() -> ExitCode {
    signals::watch();
    if let Some(code) = county::run_if_county_command() {
        return code;
    }
    let outcome = match parse_args() {
        Ok(Command::Help) => print(&format!("{HELP}\n\n{}", county::HELP)),
        Ok(Command::Version) => print(&format!("zhenxing {}", zhenxing::VERSION)),
        Ok(Command::Estimate(c)) => run_estimate(c),
        Ok(Command::Compare(c)) => run_compare(c),
        Ok(Command::Summary(c)) => run_summary(c),
        Ok(Command::Params { params, json }) => run_params(&params, json),
        Err(e) => Err(format!("{e}\n（zhenxing --help 查看用法）")),
    };
    match outcome {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped early (`zhenxing estimate … | head`) took what it wanted.
        Err(e) if e == files::READER_GONE => ExitCode::SUCCESS,
        Err(e) => {
            note!("错误：{e}");
            ExitCode::from(2)
        }
    }
}
