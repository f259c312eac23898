//! The native command-line tool: a register of households through the engine, streaming, in
//! constant memory. Thin: arguments and I/O here; every rule is in the library.

mod pipeline;

/// Results are many small values (labels, rows, amounts): mimalloc serves them faster than the
/// system allocator, on every worker thread.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use pipeline::{Format, Options};
use zhenxing::Engine;

const HELP: &str = "zhenxing：黑龙江过渡期帮扶政策批量测算

用法：
  zhenxing estimate --as-of YYYY-MM-DD [--params FILE] INPUT [-o OUTPUT] [--explain] [--threads N] [--quiet]
  zhenxing params [--params FILE] [--json]
  zhenxing --help | --version

estimate  测算花名册中的每一户。
  INPUT        JSON Lines（每行一户，API.md 的 Household）或 CSV（每行一名成员，按 household_id 分组；
               列见 docs/register.md）。按扩展名 .csv 判断，或用 --input-format jsonl|csv 指定；- 为标准输入。
  -o OUTPUT    输出文件（默认标准输出）。每户一行：是否纳入监测，各项目是否符合及金额，合计。
               .csv 为 CSV（列见 docs/register.md）；否则 JSON Lines：{\"line\", \"ok\": true, \"screening\"}
               或 {\"line\", \"ok\": false, \"error\": {code, path, message}}；CSV 输入另有 \"household\"。
               可用 --output-format jsonl|csv 指定。
  --explain    JSON Lines 中写出每户完整的测算（含步骤与理由，\"estimate\" 代替 \"screening\"），较慢。
  --threads N  并行线程数（默认为本机核数）；输出顺序始终与输入相同。
  --as-of      测算日期。
  --params     门户自己的参数文件（同默认参数集的格式，可用 \"extends\": \"heilongjiang\"）。
  --quiet      不在标准错误输出进度。
  文件为 UTF-8（可带 BOM，可为 CRLF 换行）；不是 UTF-8 的 JSON 行单独报错。
  有问题的行单独报告（含行号）并继续；只有无法继续的错误（文件打不开、参数文件或日期有误）才以非零状态退出。
  结束时在标准错误输出汇总：户数、纳入监测、各项目符合户数、现金帮扶合计。

params    列出参数目录（名称、单位、各期取值、来源、可信度）。--json 输出 JSON。";

struct EstimateArgs {
    as_of: String,
    params: Option<PathBuf>,
    input: PathBuf,
    output: Option<PathBuf>,
    input_format: Option<Format>,
    output_format: Option<Format>,
    explain: bool,
    threads: Option<usize>,
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
    let (mut explain, mut threads) = (false, None);
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
            Long("explain") => explain = true,
            Long("threads") => {
                let v = text(parser.value().map_err(|e| e.to_string())?)?;
                threads = Some(
                    v.parse::<usize>()
                        .ok()
                        .filter(|n| (1..=256).contains(n))
                        .ok_or(format!("--threads 应为 1 到 256 的整数，而不是“{v}”"))?,
                );
            }
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
            explain,
            threads,
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

fn run_estimate(args: EstimateArgs) -> Result<(), String> {
    let engine = engine(&args.params)?;
    zhenxing::calendar::parse_date(&args.as_of, "--as-of").map_err(|e| e.message)?;
    let input: Box<dyn Read> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(
            File::open(&args.input)
                .map_err(|e| format!("无法打开 {}：{e}", args.input.display()))?,
        )
    };
    let output: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("无法写入 {}：{e}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    };
    let options = Options {
        input_format: args
            .input_format
            .unwrap_or_else(|| by_extension(&args.input)),
        output_format: args
            .output_format
            .or(args.output.as_deref().map(by_extension))
            .unwrap_or(Format::JsonLines),
        as_of: args.as_of,
        explain: args.explain,
        threads: args.threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        }),
        quiet: args.quiet,
    };
    if options.explain && options.output_format == Format::Csv {
        return Err("--explain 只用于 JSON Lines 输出（CSV 每户一行，不含说明）".into());
    }
    let started = Instant::now();
    let summary = pipeline::run(&engine, input, output, &options)?;
    if !options.quiet {
        summary.print(started.elapsed().as_secs_f64());
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
