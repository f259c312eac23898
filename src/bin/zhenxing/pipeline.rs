//! The register through the engine on every core, in order, in bounded memory.
//!
//! The main thread reads the input and cuts it into chunks of households (raw JSON lines, or the
//! member rows of CSV households); workers parse, estimate and format each chunk into output bytes;
//! a writer puts the chunks back in input order. At most `IN_FLIGHT` chunks exist at once (a token
//! is taken before a chunk is read and given back once it is written), so memory stays flat however
//! long the register is.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use zhenxing::batch::BatchError;
use zhenxing::estimate::{Estimate, Transitions};
use zhenxing::money::Money;
use zhenxing::programs::registry::PROGRAMMES;
use zhenxing::register::{check_header, household_from_rows, output_header, output_row};
use zhenxing::screening::Screening;
use zhenxing::{Engine, PolicyError};

/// Households per chunk: large enough to amortise the hand-offs, small enough to keep memory low.
const CHUNK: usize = 512;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    JsonLines,
    Csv,
}

pub struct Options {
    pub as_of: String,
    pub input_format: Format,
    pub output_format: Format,
    /// Write each household's full explained estimate (JSON Lines only).
    pub explain: bool,
    pub threads: usize,
    pub quiet: bool,
}

/// One household as read, not yet parsed.
enum Unit {
    Line(String),
    Rows(Vec<Vec<String>>),
    Bad(PolicyError),
}

struct Job {
    line: u64,
    household: Option<String>,
    unit: Unit,
}

struct Chunk {
    seq: u64,
    jobs: Vec<Job>,
}

struct Done {
    seq: u64,
    bytes: Vec<u8>,
    summary: Summary,
}

/// Counts for the closing summary.
pub struct Summary {
    pub households: u64,
    pub errors: u64,
    pub in_scope: u64,
    /// Households eligible, per programme of the registry (in its order).
    pub eligible: Vec<u64>,
    pub total_annual: Money,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            households: 0,
            errors: 0,
            in_scope: 0,
            eligible: vec![0; PROGRAMMES.len()],
            total_annual: Money::ZERO,
        }
    }
}

impl Summary {
    fn add(&mut self, outcome: Result<&Screening, &BatchError>) {
        self.households += 1;
        match outcome {
            Err(_) => self.errors += 1,
            Ok(s) => {
                self.in_scope += u64::from(s.monitoring.in_scope);
                for (count, p) in self.eligible.iter_mut().zip(PROGRAMMES) {
                    *count += u64::from(s.program(p.id).is_some_and(|r| r.eligible));
                }
                self.total_annual = self
                    .total_annual
                    .checked_add(s.total_annual)
                    .unwrap_or(self.total_annual);
            }
        }
    }
    fn merge(&mut self, other: &Summary) {
        self.households += other.households;
        self.errors += other.errors;
        self.in_scope += other.in_scope;
        for (a, b) in self.eligible.iter_mut().zip(&other.eligible) {
            *a += b;
        }
        self.total_annual = self
            .total_annual
            .checked_add(other.total_annual)
            .unwrap_or(self.total_annual);
    }
    pub fn print(&self, seconds: f64) {
        eprintln!(
            "汇总：{} 户（有误 {} 户），纳入防返贫监测 {} 户",
            self.households, self.errors, self.in_scope
        );
        for (p, n) in PROGRAMMES.iter().zip(&self.eligible) {
            eprintln!("  {}：{n} 户", p.label);
        }
        eprintln!("  现金帮扶合计：{} 元/年", self.total_annual);
        eprintln!(
            "  用时 {seconds:.2} 秒（{:.0} 户/秒）",
            self.households as f64 / seconds.max(1e-9)
        );
    }
}

/// One JSON Lines output line.
#[derive(Serialize)]
struct JsonLine<'a> {
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    household: Option<&'a str>,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    screening: Option<&'a Screening>,
    #[serde(skip_serializing_if = "Option::is_none")]
    estimate: Option<&'a Estimate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a BatchError>,
}

/// What a worker keeps between chunks.
struct Worker<'a> {
    engine: &'a Engine,
    header: &'a [String],
    options: &'a Options,
    transitions: Transitions,
}

impl Worker<'_> {
    fn run(&mut self, chunk: Chunk) -> io::Result<Done> {
        let mut summary = Summary::default();
        let mut bytes = Vec::with_capacity(chunk.jobs.len().saturating_mul(256));
        // The first chunk brings the CSV header with it.
        let mut csv = (self.options.output_format == Format::Csv)
            .then(|| csv::WriterBuilder::new().from_writer(Vec::new()));
        if let (Some(w), 0) = (&mut csv, chunk.seq) {
            w.write_record(output_header()).map_err(io::Error::other)?;
        }
        for job in chunk.jobs {
            let (engine, as_of, explain) = (
                self.engine,
                self.options.as_of.as_str(),
                self.options.explain,
            );
            let transitions = &mut self.transitions;
            let estimate = match &job.unit {
                Unit::Line(text) => zhenxing::input::parse(text.trim_end(), "该行")
                    .and_then(|v| engine.estimate_in_batch(&v, as_of, explain, transitions)),
                Unit::Rows(rows) => household_from_rows(self.header, rows)
                    .and_then(|v| engine.estimate_in_batch(&v, as_of, explain, transitions)),
                Unit::Bad(e) => Err(e.clone()),
            };
            let outcome: Result<Screening, BatchError> = match &estimate {
                Ok(e) => Ok(Screening::of(e)),
                Err(e) => Err(BatchError::from(e.clone())),
            };
            summary.add(outcome.as_ref());
            let household = job.household.as_deref();
            match &mut csv {
                Some(w) => w
                    .write_record(output_row(
                        household.unwrap_or(""),
                        job.line,
                        outcome.as_ref(),
                    ))
                    .map_err(io::Error::other)?,
                None => {
                    let explained = estimate.as_ref().ok().filter(|_| self.options.explain);
                    serde_json::to_writer(
                        &mut bytes,
                        &JsonLine {
                            line: job.line,
                            household,
                            ok: outcome.is_ok(),
                            screening: outcome.as_ref().ok().filter(|_| explained.is_none()),
                            estimate: explained,
                            error: outcome.as_ref().err(),
                        },
                    )?;
                    bytes.push(b'\n');
                }
            }
        }
        if let Some(w) = csv {
            bytes = w
                .into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        Ok(Done {
            seq: chunk.seq,
            bytes,
            summary,
        })
    }
}

/// Read the input, run every household, write the results in input order. Returns the summary;
/// errors are fatal ones only (reading, writing, a bad CSV header).
pub fn run(
    engine: &Engine,
    input: Box<dyn Read>,
    output: Box<dyn Write + Send>,
    options: &Options,
) -> Result<Summary, String> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    let in_flight = threads.saturating_mul(4);
    let mut input = BufReader::with_capacity(1 << 16, input);
    let header = match options.input_format {
        Format::Csv => read_csv_header(&mut input)?,
        Format::JsonLines => Vec::new(),
    };
    let (job_tx, job_rx) = sync_channel::<Chunk>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<io::Result<Done>>();
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx
            .send(())
            .map_err(|_| "内部错误：令牌".to_string())?;
    }

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (job_rx, done_tx, header) = (Arc::clone(&job_rx), done_tx.clone(), &header);
            scope.spawn(move || {
                let mut worker = Worker {
                    engine,
                    header,
                    options,
                    transitions: Transitions::default(),
                };
                loop {
                    let next = job_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    if done_tx.send(worker.run(chunk)).is_err() {
                        break;
                    }
                }
            });
        }
        // Only the workers hold these now: when they stop, the reader and writer see it.
        drop(job_rx);
        drop(done_tx);
        let writer =
            scope.spawn(move || write_in_order(output, done_rx, token_tx, options, started));
        let read = match options.input_format {
            Format::JsonLines => read_json_lines(input, &job_tx, &token_rx),
            Format::Csv => read_csv(input, &header, &job_tx, &token_rx),
        };
        drop(job_tx);
        let written = writer
            .join()
            .map_err(|_| "内部错误：写出线程异常退出".to_string())?;
        // A write error stops the reader too (its tokens run out): report the write error first.
        let summary = written?;
        read?;
        Ok(summary)
    })
}

/// Take a token (one chunk in flight), then hand the chunk to the workers.
fn send(
    seq: &mut u64,
    jobs: &mut Vec<Job>,
    job_tx: &std::sync::mpsc::SyncSender<Chunk>,
    tokens: &Receiver<()>,
) -> Result<(), String> {
    if jobs.is_empty() {
        return Ok(());
    }
    let stopped = || "写出已停止".to_string();
    tokens.recv().map_err(|_| stopped())?;
    let chunk = Chunk {
        seq: *seq,
        jobs: std::mem::replace(jobs, Vec::with_capacity(CHUNK)),
    };
    *seq += 1;
    job_tx.send(chunk).map_err(|_| stopped())
}

fn read_json_lines(
    mut input: impl BufRead,
    job_tx: &std::sync::mpsc::SyncSender<Chunk>,
    tokens: &Receiver<()>,
) -> Result<(), String> {
    let (mut seq, mut jobs, mut line) = (0u64, Vec::with_capacity(CHUNK), 0u64);
    loop {
        let mut bytes = Vec::new();
        let n = input
            .read_until(b'\n', &mut bytes)
            .map_err(|e| format!("读取失败（第 {} 行）：{e}", line + 1))?;
        if n == 0 {
            break;
        }
        line += 1;
        // A line in another encoding (a register saved as GBK) is that line's error, not the run's.
        let unit = match String::from_utf8(bytes) {
            Ok(text) if text.trim().is_empty() => continue,
            // Spreadsheets and editors on Windows often start the file with a byte-order mark.
            Ok(text) if line == 1 && text.starts_with('\u{feff}') => {
                Unit::Line(text.trim_start_matches('\u{feff}').to_string())
            }
            Ok(text) => Unit::Line(text),
            Err(_) => Unit::Bad(PolicyError::invalid_input(
                "",
                "该行不是 UTF-8 文本（请将文件另存为 UTF-8 编码）",
            )),
        };
        jobs.push(Job {
            line,
            household: None,
            unit,
        });
        if jobs.len() >= CHUNK {
            send(&mut seq, &mut jobs, job_tx, tokens)?;
        }
    }
    send(&mut seq, &mut jobs, job_tx, tokens)
}

fn read_csv_header(input: &mut impl BufRead) -> Result<Vec<String>, String> {
    let mut first = String::new();
    input
        .read_line(&mut first)
        .map_err(|e| format!("CSV 表头有误（文件应为 UTF-8 编码）：{e}"))?;
    // Spreadsheets often save CSV with a byte-order mark.
    let first = first.strip_prefix('\u{feff}').unwrap_or(&first);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(first.as_bytes());
    let header: Vec<String> = match reader.records().next() {
        Some(Ok(r)) => r.iter().map(|s| s.trim().to_string()).collect(),
        Some(Err(e)) => return Err(format!("CSV 表头有误：{e}")),
        None => Vec::new(),
    };
    check_header(&header).map_err(|e| format!("CSV 表头有误：{}", e.message))?;
    Ok(header)
}

/// CSV rows grouped into households by consecutive `household_id`. Lines count from the header (1).
fn read_csv(
    input: impl Read,
    header: &[String],
    job_tx: &std::sync::mpsc::SyncSender<Chunk>,
    tokens: &Receiver<()>,
) -> Result<(), String> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let id_col = header.iter().position(|c| c == "household_id").unwrap_or(0);
    let (mut seq, mut jobs) = (0u64, Vec::with_capacity(CHUNK));
    let mut group: Vec<Vec<String>> = Vec::new();
    let (mut group_id, mut group_line) = (String::new(), 0u64);
    let flush = |group: &mut Vec<Vec<String>>, id: &str, line: u64, jobs: &mut Vec<Job>| {
        if !group.is_empty() {
            jobs.push(Job {
                line,
                household: Some(id.to_string()),
                unit: Unit::Rows(std::mem::take(group)),
            });
        }
    };
    for record in csv.records() {
        match record {
            Ok(r) => {
                // The header line was read apart: the file's line is one more.
                let line = r.position().map(|p| p.line() + 1).unwrap_or(0);
                let row: Vec<String> = r.iter().map(str::to_string).collect();
                let id = row
                    .get(id_col)
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default();
                if id != group_id {
                    flush(&mut group, &group_id, group_line, &mut jobs);
                }
                if group.is_empty() {
                    group_id = id;
                    group_line = line;
                }
                group.push(row);
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() + 1).unwrap_or(0);
                jobs.push(Job {
                    line,
                    household: None,
                    unit: Unit::Bad(PolicyError::invalid_input("", format!("CSV 行有误：{e}"))),
                });
            }
        }
        if jobs.len() >= CHUNK {
            send(&mut seq, &mut jobs, job_tx, tokens)?;
        }
    }
    flush(&mut group, &group_id, group_line, &mut jobs);
    send(&mut seq, &mut jobs, job_tx, tokens)
}

/// Write chunks in input order, give back a token per chunk written, show progress, add up.
fn write_in_order(
    mut output: Box<dyn Write + Send>,
    done: Receiver<io::Result<Done>>,
    tokens: std::sync::mpsc::SyncSender<()>,
    options: &Options,
    started: Instant,
) -> Result<Summary, String> {
    let io_err = |e: io::Error| format!("写出失败：{e}");
    let mut summary = Summary::default();
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut next, mut last_report) = (0u64, Instant::now());
    for result in done {
        let d = result.map_err(io_err)?;
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            output.write_all(&d.bytes).map_err(io_err)?;
            summary.merge(&d.summary);
            next += 1;
            // The reader may be gone (it finished): a token nobody takes is fine.
            let _ = tokens.try_send(());
        }
        if !options.quiet && last_report.elapsed() > Duration::from_secs(2) {
            last_report = Instant::now();
            eprintln!(
                "已处理 {} 户（{:.0} 户/秒）……",
                summary.households,
                summary.households as f64 / started.elapsed().as_secs_f64()
            );
        }
    }
    output.flush().map_err(io_err)?;
    Ok(summary)
}
