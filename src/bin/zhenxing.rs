//! The native command-line tool: a register of households through the engine, streaming, in
//! constant memory. Thin: arguments and I/O here; every rule is in the library.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde::Serialize;
use zhenxing::engine::{BatchError, BatchItem};
use zhenxing::money::Money;
use zhenxing::register::{check_header, household_from_rows, output_row};
use zhenxing::{Engine, PolicyError};

const HELP: &str = "zhenxing：黑龙江过渡期帮扶政策批量测算

用法：
  zhenxing estimate --as-of YYYY-MM-DD [--params FILE] INPUT [-o OUTPUT] [--quiet]
  zhenxing params [--params FILE] [--json]
  zhenxing --help | --version

estimate  测算花名册中的每一户。
  INPUT        JSON Lines（每行一户，API.md 的 Household）或 CSV（每行一名成员，按 household_id 分组；
               列见 docs/register.md）。按扩展名 .csv 判断，或用 --input-format jsonl|csv 指定；- 为标准输入。
  -o OUTPUT    输出文件（默认标准输出）。.csv：每户一行（各项目是否符合及金额）；否则 JSON Lines：
               {\"line\", \"ok\", \"estimate\"} 或 {\"line\", \"ok\": false, \"error\": {code, path, message}}。
               可用 --output-format jsonl|csv 指定。
  --as-of      测算日期。
  --params     门户自己的参数文件（同默认参数集的格式，可用 \"extends\": \"heilongjiang\"）。
  --quiet      不在标准错误输出进度。
  有问题的行单独报告（含行号）并继续；只有无法继续的错误（文件打不开、参数文件或日期有误）才以非零状态退出。
  结束时在标准错误输出汇总：户数、纳入监测、各项目符合户数、现金帮扶合计。

params    列出参数目录（名称、单位、各期取值、来源、可信度）。--json 输出 JSON。";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    JsonLines,
    Csv,
}

struct EstimateArgs {
    as_of: String,
    params: Option<PathBuf>,
    input: PathBuf,
    output: Option<PathBuf>,
    input_format: Option<Format>,
    output_format: Option<Format>,
    quiet: bool,
}

enum Command {
    Estimate(EstimateArgs),
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

fn by_extension(path: &std::path::Path) -> Format {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        Format::Csv
    } else {
        Format::JsonLines
    }
}

fn parse_args() -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let text = |v: std::ffi::OsString| {
        v.into_string()
            .map_err(|_| "参数不是有效的 UTF-8".to_string())
    };
    let command = match parser.next().map_err(|e| e.to_string())? {
        None | Some(Long("help")) | Some(Short('h')) => return Ok(Command::Help),
        Some(Long("version")) | Some(Short('V')) => return Ok(Command::Version),
        Some(Value(v)) => text(v)?,
        Some(other) => return Err(other.unexpected().to_string()),
    };
    let (
        mut as_of,
        mut params,
        mut input,
        mut output,
        mut input_format,
        mut output_format,
        mut quiet,
        mut json,
    ) = (None, None, None, None, None, None, false, false);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("as-of") => as_of = Some(text(parser.value().map_err(|e| e.to_string())?)?),
            Long("params") => {
                params = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            Short('o') | Long("output") => {
                output = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            Long("input-format") => {
                input_format = Some(format_of(&text(
                    parser.value().map_err(|e| e.to_string())?,
                )?)?)
            }
            Long("output-format") => {
                output_format = Some(format_of(&text(
                    parser.value().map_err(|e| e.to_string())?,
                )?)?)
            }
            Long("quiet") | Short('q') => quiet = true,
            Long("json") => json = true,
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(v) if input.is_none() => input = Some(PathBuf::from(v)),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match command.as_str() {
        "estimate" => Ok(Command::Estimate(EstimateArgs {
            as_of: as_of.ok_or("estimate 需要 --as-of YYYY-MM-DD")?,
            params,
            input: input.ok_or("estimate 需要输入文件（或 - 表示标准输入）")?,
            output,
            input_format,
            output_format,
            quiet,
        })),
        "params" => Ok(Command::Params { params, json }),
        other => Err(format!(
            "未知命令“{other}”（estimate 或 params；--help 查看用法）"
        )),
    }
}

fn engine(params: &Option<PathBuf>) -> Result<Engine, String> {
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

/// Counts for the closing summary.
#[derive(Default)]
struct Summary {
    households: u64,
    errors: u64,
    in_scope: u64,
    eligible: [u64; 5],
    total_annual: Money,
}

impl Summary {
    fn add(&mut self, item: &BatchItem) {
        self.households += 1;
        match item {
            BatchItem::Err { .. } => self.errors += 1,
            BatchItem::Ok { estimate, .. } => {
                self.in_scope += u64::from(estimate.monitoring.in_scope);
                for (count, p) in self.eligible.iter_mut().zip(&estimate.programs) {
                    *count += u64::from(p.result().eligible);
                }
                self.total_annual = self
                    .total_annual
                    .checked_add(estimate.total_annual)
                    .unwrap_or(self.total_annual);
            }
        }
    }
    fn print(&self, seconds: f64) {
        eprintln!(
            "汇总：{} 户（有误 {} 户），纳入防返贫监测 {} 户",
            self.households, self.errors, self.in_scope
        );
        for (label, n) in [
            "最低生活保障",
            "特困人员救助供养",
            "临时救助",
            "养老保险代缴",
            "教育资助",
        ]
        .iter()
        .zip(self.eligible)
        {
            eprintln!("  {label}：{n} 户");
        }
        eprintln!("  现金帮扶合计：{} 元/年", self.total_annual);
        eprintln!(
            "  用时 {seconds:.2} 秒（{:.0} 户/秒）",
            self.households as f64 / seconds.max(1e-9)
        );
    }
}

#[derive(Serialize)]
struct JsonLine<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    household: Option<&'a str>,
    #[serde(flatten)]
    item: &'a BatchItem,
}

enum Sink {
    JsonLines(Box<dyn Write>),
    Csv(Box<csv::Writer<Box<dyn Write>>>),
}

impl Sink {
    fn write(&mut self, line: u64, household: Option<&str>, item: &BatchItem) -> io::Result<()> {
        match self {
            Sink::JsonLines(w) => {
                serde_json::to_writer(
                    &mut *w,
                    &JsonLine {
                        line,
                        household,
                        item,
                    },
                )?;
                w.write_all(b"\n")
            }
            Sink::Csv(w) => w
                .serialize(output_row(household.unwrap_or(""), line, item))
                .map_err(io::Error::other),
        }
    }
    fn finish(self) -> io::Result<()> {
        match self {
            Sink::JsonLines(mut w) => w.flush(),
            Sink::Csv(mut w) => w.flush(),
        }
    }
}

fn error_item(e: PolicyError) -> BatchItem {
    BatchItem::Err {
        ok: false,
        error: BatchError {
            code: e.code.as_str().to_string(),
            path: e.path,
            message: e.message,
        },
    }
}

/// One household (already read as JSON, or the error reading it) through the engine.
fn estimate_item(
    engine: &Engine,
    household: Result<serde_json::Value, PolicyError>,
    as_of: &str,
) -> BatchItem {
    match household
        .and_then(|v| zhenxing::model::household_from_value(&v))
        .and_then(|h| engine.estimate(&h, as_of))
    {
        Ok(e) => BatchItem::Ok {
            ok: true,
            estimate: Box::new(e),
        },
        Err(e) => error_item(e),
    }
}

struct Progress {
    quiet: bool,
    started: Instant,
    last: Instant,
}

impl Progress {
    fn tick(&mut self, done: u64) {
        if !self.quiet && done % 4096 == 0 && self.last.elapsed() > Duration::from_secs(2) {
            self.last = Instant::now();
            eprintln!(
                "已处理 {done} 户（{:.0} 户/秒）……",
                done as f64 / self.started.elapsed().as_secs_f64()
            );
        }
    }
}

fn run_estimate(args: EstimateArgs) -> Result<(), String> {
    let engine = engine(&args.params)?;
    zhenxing::calendar::parse_date(&args.as_of, "--as-of").map_err(|e| e.message)?;
    let reader: Box<dyn Read> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(
            File::open(&args.input)
                .map_err(|e| format!("无法打开 {}：{e}", args.input.display()))?,
        )
    };
    let writer: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("无法写入 {}：{e}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let input_format = args
        .input_format
        .unwrap_or_else(|| by_extension(&args.input));
    let output_format = args
        .output_format
        .or(args.output.as_deref().map(by_extension))
        .unwrap_or(Format::JsonLines);
    let mut sink = match output_format {
        Format::JsonLines => Sink::JsonLines(writer),
        Format::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(writer))),
    };
    let mut summary = Summary::default();
    let mut progress = Progress {
        quiet: args.quiet,
        started: Instant::now(),
        last: Instant::now(),
    };
    let io_err = |e: io::Error| format!("写出失败：{e}");
    let mut emit = |line: u64,
                    household: Option<&str>,
                    item: BatchItem,
                    sink: &mut Sink|
     -> Result<(), String> {
        summary.add(&item);
        progress.tick(summary.households);
        sink.write(line, household, &item).map_err(io_err)
    };

    match input_format {
        Format::JsonLines => {
            let mut input = BufReader::with_capacity(1 << 16, reader);
            let mut buf = String::new();
            let mut line = 0u64;
            loop {
                buf.clear();
                let n = input
                    .read_line(&mut buf)
                    .map_err(|e| format!("读取失败（第 {} 行）：{e}", line + 1))?;
                if n == 0 {
                    break;
                }
                line += 1;
                if buf.trim().is_empty() {
                    continue;
                }
                let item = estimate_item(
                    &engine,
                    zhenxing::input::parse(buf.trim_end(), "该行"),
                    &args.as_of,
                );
                emit(line, None, item, &mut sink)?;
            }
        }
        Format::Csv => {
            let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
            let header: Vec<String> = csv
                .headers()
                .map_err(|e| format!("CSV 表头有误：{e}"))?
                .iter()
                .map(|s| s.trim().to_string())
                .collect();
            check_header(&header).map_err(|e| format!("CSV 表头有误：{}", e.message))?;
            let id_col = header.iter().position(|c| c == "household_id").unwrap_or(0);
            let mut group: Vec<Vec<String>> = Vec::new();
            let (mut group_id, mut group_line) = (String::new(), 0u64);
            for record in csv.records() {
                match record {
                    Ok(r) => {
                        let line = r.position().map(|p| p.line()).unwrap_or(0);
                        let row: Vec<String> = r.iter().map(str::to_string).collect();
                        let id = row
                            .get(id_col)
                            .map(|s| s.trim().to_string())
                            .unwrap_or_default();
                        if id != group_id && !group.is_empty() {
                            let item = estimate_item(
                                &engine,
                                household_from_rows(&header, &group),
                                &args.as_of,
                            );
                            emit(group_line, Some(&group_id), item, &mut sink)?;
                            group.clear();
                        }
                        if group.is_empty() {
                            group_id = id;
                            group_line = line;
                        }
                        group.push(row);
                    }
                    Err(e) => {
                        let line = e.position().map(|p| p.line()).unwrap_or(0);
                        emit(
                            line,
                            None,
                            error_item(PolicyError::invalid_input("", format!("CSV 行有误：{e}"))),
                            &mut sink,
                        )?;
                    }
                }
            }
            if !group.is_empty() {
                let item =
                    estimate_item(&engine, household_from_rows(&header, &group), &args.as_of);
                emit(group_line, Some(&group_id), item, &mut sink)?;
            }
        }
    }
    sink.finish().map_err(io_err)?;
    if !args.quiet {
        summary.print(progress.started.elapsed().as_secs_f64());
    }
    Ok(())
}

fn run_params(params: &Option<PathBuf>, json: bool) -> Result<(), String> {
    let engine = engine(params)?;
    let out = io::stdout();
    let mut out = out.lock();
    let catalogue = engine.parameters();
    let result = if json {
        serde_json::to_writer_pretty(&mut out, &catalogue)
            .map_err(io::Error::other)
            .and_then(|_| writeln!(out))
    } else {
        catalogue.iter().try_for_each(|p| {
            writeln!(out, "{}  {}（{}）", p.name, p.label, p.unit_label)?;
            for v in &p.values {
                let region = v
                    .region_name
                    .as_deref()
                    .map(|r| format!(" [{r}]"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "    {} 起{region}：{}  〔{}〕{}",
                    v.from,
                    v.value,
                    status_label(v.status),
                    v.source
                )?;
            }
            Ok(())
        })
    };
    result.map_err(|e| format!("写出失败：{e}"))
}

fn status_label(s: zhenxing::params::Status) -> &'static str {
    s.label()
}

fn main() -> ExitCode {
    let outcome = match parse_args() {
        Ok(Command::Help) => {
            println!("{HELP}");
            Ok(())
        }
        Ok(Command::Version) => {
            println!("zhenxing {}", zhenxing::VERSION);
            Ok(())
        }
        Ok(Command::Estimate(args)) => run_estimate(args),
        Ok(Command::Params { params, json }) => run_params(&params, json),
        Err(e) => Err(format!("{e}\n（zhenxing --help 查看用法）")),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：{e}");
            ExitCode::from(2)
        }
    }
}
