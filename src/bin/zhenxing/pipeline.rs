//! The register through the engine on every core, in order, in bounded memory, losing nothing.
//!
//! The main thread reads the input and cuts it into chunks of households (raw JSON lines, or the
//! member rows of CSV households); workers parse, estimate and format each chunk into output bytes;
//! a writer puts the chunks back in input order. At most `IN_FLIGHT` chunks exist at once (a token
//! is taken before a chunk is read and given back once it is written), so memory stays flat however
//! long the register is.
//!
//! Accounting: every physical line read is the header, a blank line, or a line of exactly one job
//! (a household or an error), and every job gives exactly one output row. The totals check it at
//! the end; a run where they do not add up fails.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use zhenxing::base::error::BatchError;
use zhenxing::base::json::Node;
use zhenxing::base::money::Money;
use zhenxing::estimate::compare::{
    Cause, ComparisonTally, DatePath, HouseholdChange, HouseholdComparison,
};
use zhenxing::estimate::screening::Screening;
use zhenxing::estimate::{Estimate, Transitions};
use zhenxing::input::household::HouseholdInput;
use zhenxing::programs::registry::PROGRAMMES;
use zhenxing::register::output::{self, lead_cells, yes_no, Cells, Identity, Lang};
use zhenxing::register::summary::{CountySummary, Levels};
use zhenxing::register::{
    self, household_from_group, locate, place_of, read_header_with, DuplicateIds, Encoding, Gather,
    Group, Grouper, Layout, Place, Records,
};
use zhenxing::{Engine, PolicyError};

/// Households per chunk: large enough to amortise the hand-offs, small enough to keep memory low.
const CHUNK: usize = 512;

/// Bytes of input per chunk, at most (one household past it): long lines make smaller chunks, so
/// the chunks in flight stay within a few tens of megabytes whatever the lines.
const CHUNK_BYTES: usize = 4 << 20;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    JsonLines,
    Csv,
}

/// What is done with each household.
pub enum Task<'a> {
    /// Its screening row (or, `explain`, its full explained estimate).
    Estimate { explain: bool },
    /// Its figures under `other`'s parameters against the engine's, or (`dates`) on a later date
    /// under the same parameters: the date, and the path that says why each programme changed.
    Compare {
        other: &'a Engine,
        changed_only: bool,
        dates: Option<(&'a str, &'a DatePath<'a>)>,
    },
    /// Only added up (the county summary).
    Summary,
}

pub struct Options<'a> {
    pub as_of: String,
    pub input_format: Format,
    pub output_format: Format,
    pub task: Task<'a>,
    pub threads: usize,
    pub quiet: bool,
    pub encoding: Encoding,
    /// Write a byte-order mark before CSV output (Excel on Chinese Windows needs it).
    pub bom: bool,
    pub lang: Lang,
    /// Add households up by place (region, town, village).
    pub county: bool,
    /// The input's size in bytes, when known (for progress).
    pub input_size: Option<u64>,
    /// `--ignore-columns`: unknown CSV columns are ignored (said once on stderr), not refused.
    pub ignore_columns: bool,
}

/// One household as read, not yet parsed.
enum Unit {
    Line(String),
    Group(Group),
    Bad(PolicyError),
}

struct Job {
    line: u64,
    last_line: u64,
    /// Physical lines of the input this job accounts for.
    lines: u64,
    unit: Unit,
}

struct Chunk {
    seq: u64,
    jobs: Vec<Job>,
}

struct Done {
    seq: u64,
    bytes: Vec<u8>,
    totals: Totals,
}

/// Counts for the closing summary and the accounting.
pub struct Totals {
    /// Output rows (households and errors).
    pub households: u64,
    pub errors: u64,
    /// Physical input lines the output rows account for.
    pub lines: u64,
    /// Rows left out of the output (`--changed-only`).
    pub omitted: u64,
    pub in_scope: u64,
    /// Households eligible, per programme of the registry (in its order).
    pub eligible: Vec<u64>,
    pub total_annual: Money,
    pub county: Option<CountySummary>,
    pub comparison: ComparisonTally,
    /// The first errors, by input line: `(line, what to print)`.
    pub first_errors: Vec<(u64, String)>,
    /// The last input line of the last row in error (0: none).
    pub last_error_line: u64,
}

/// How many errors the closing summary lists (the output has them all).
const ERRORS_LISTED: usize = 20;

impl Totals {
    fn new(county: Option<Levels>) -> Totals {
        Totals {
            households: 0,
            errors: 0,
            lines: 0,
            omitted: 0,
            in_scope: 0,
            eligible: vec![0; PROGRAMMES.len()],
            total_annual: Money::ZERO,
            county: county.map(CountySummary::new),
            comparison: ComparisonTally::default(),
            first_errors: Vec::new(),
            last_error_line: 0,
        }
    }

    /// Keep an error for the closing summary, while fewer than [`ERRORS_LISTED`] are kept.
    fn note_error(&mut self, line: u64, e: &BatchError) {
        if self.first_errors.len() >= ERRORS_LISTED {
            return;
        }
        // Register errors already name their line (第 13 行：…); JSON Lines ones do not.
        let message = e.full_text();
        let text = if e.line.is_some() {
            message
        } else if e.path.is_empty() || !e.problems.is_empty() {
            format!("第 {line} 行：{message}")
        } else {
            format!("第 {line} 行（{}）：{message}", e.path)
        };
        self.first_errors.push((line, text));
    }

    /// A household's outcome: its row, or its error (at its first and last `lines`), and its
    /// estimate, when it has one, for what the county summary rested on.
    fn count(
        &mut self,
        place: &Place,
        outcome: Result<&Screening, &BatchError>,
        estimate: Option<&Outcome>,
        (line, last_line): (u64, u64),
    ) -> io::Result<()> {
        self.add(place, outcome)?;
        if let (Some(county), Some(Ok(e))) = (self.county.as_mut(), estimate) {
            county.rest_on(e);
        }
        if let Err(e) = outcome {
            self.note_error(line, e);
            self.last_error_line = self.last_error_line.max(last_line);
        }
        Ok(())
    }

    fn add(&mut self, place: &Place, outcome: Result<&Screening, &BatchError>) -> io::Result<()> {
        self.households += 1;
        match outcome {
            Err(_) => self.errors += 1,
            Ok(s) => {
                self.in_scope += u64::from(s.monitoring.in_scope);
                for (i, (count, p)) in self.eligible.iter_mut().zip(PROGRAMMES).enumerate() {
                    *count += u64::from(s.program_at(i, p.id).is_some_and(|r| r.eligible));
                }
                self.total_annual = self
                    .total_annual
                    .checked_add(s.total_annual)
                    .map_err(io::Error::other)?;
            }
        }
        if let Some(c) = &mut self.county {
            c.add(place, outcome.ok()).map_err(io::Error::other)?;
        }
        Ok(())
    }

    fn merge(&mut self, o: &Totals) -> Result<(), String> {
        self.households += o.households;
        self.errors += o.errors;
        self.lines += o.lines;
        self.omitted += o.omitted;
        self.in_scope += o.in_scope;
        for (a, b) in self.eligible.iter_mut().zip(&o.eligible) {
            *a += b;
        }
        self.total_annual = self
            .total_annual
            .checked_add(o.total_annual)
            .map_err(|e| e.message)?;
        if let (Some(a), Some(b)) = (&mut self.county, &o.county) {
            a.merge(b).map_err(|e| e.message)?;
        }
        self.comparison
            .merge(&o.comparison)
            .map_err(|e| e.message)?;
        // Each chunk kept its first errors: together, sorted, they hold the first of all.
        self.first_errors.extend(o.first_errors.iter().cloned());
        self.first_errors.sort_by_key(|(line, _)| *line);
        self.first_errors.truncate(ERRORS_LISTED);
        self.last_error_line = self.last_error_line.max(o.last_error_line);
        Ok(())
    }
}

/// What the run did, for the summary on stderr and the checks after it.
pub struct Report {
    pub totals: Totals,
    /// Physical lines read, the header's included.
    pub lines_read: u64,
    pub header_lines: u64,
    pub blank_lines: u64,
    /// The input's last line, when it has no line break at its end.
    pub unterminated: Option<u64>,
}

impl Report {
    /// Whether every line read is accounted for.
    pub fn balanced(&self) -> bool {
        self.header_lines + self.blank_lines + self.totals.lines == self.lines_read
    }

    /// The line the input seems cut off in: its last line, when that has no line break at its end
    /// and is in error (a whole register's last line is complete, with or without a line break).
    pub fn cut_off(&self) -> Option<u64> {
        self.unterminated
            .filter(|line| *line > 0 && *line == self.totals.last_error_line)
    }

    pub fn print(&self, seconds: f64, task: &Task<'_>) {
        let t = &self.totals;
        note!(
            "汇总：读入 {} 行（表头 {} 行，空行 {} 行），其余 {} 行{}计入 {} 条结果：成功 {} 户，有误 {} 条{}",
            self.lines_read,
            self.header_lines,
            self.blank_lines,
            t.lines,
            if self.cut_off().is_some() { "" } else { "全部" },
            t.households,
            t.households - t.errors,
            t.errors,
            if t.omitted > 0 {
                format!("（未变化的 {} 户未写出）", t.omitted)
            } else {
                String::new()
            }
        );
        if let Some(line) = self.cut_off() {
            note!(
                "注意：输入在第 {line} 行中间结束（这一行没有换行结尾，且有误）：花名册可能被截断，并不完整，请核对是否拿到了完整的文件"
            );
        }
        if matches!(task, Task::Compare { .. }) {
            self.print_errors();
            return;
        }
        note!("  纳入防返贫监测 {} 户", t.in_scope);
        for (p, n) in PROGRAMMES.iter().zip(&t.eligible) {
            note!("  {}：{n} 户", p.label);
        }
        note!(
            "  现金帮扶合计：{} 元/年",
            zhenxing::register::summary::grouped(&t.total_annual.to_fen_string())
        );
        note!(
            "  用时 {seconds:.2} 秒（{:.0} 户/秒）",
            t.households as f64 / seconds.max(1e-9)
        );
        self.print_errors();
    }

    /// The first rows in error, each with its line and what is wrong (`summary` writes no rows).
    fn print_errors(&self) {
        let t = &self.totals;
        if t.first_errors.is_empty() {
            return;
        }
        let shown = if t.errors > t.first_errors.len() as u64 {
            format!("前 {} 条", t.first_errors.len())
        } else {
            "全部".to_string()
        };
        note!("有误的行（{shown}）：");
        for (_, text) in &t.first_errors {
            note!("  {text}");
        }
    }
}

/// One JSON Lines output line of `estimate`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonLine<'a> {
    line: u64,
    last_line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    household: Option<&'a str>,
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    screening: Option<&'a Screening>,
    #[serde(skip_serializing_if = "Option::is_none")]
    estimate: Option<&'a Estimate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a BatchError>,
}

/// One JSON Lines output line of `compare`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CompareLine<'a> {
    line: u64,
    last_line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    household: Option<&'a str>,
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    reference: Option<&'a str>,
    region: &'a str,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    programs: Option<&'a [HouseholdChange]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a BatchError>,
}

/// The columns of `compare`'s CSV: identity and place, error, then per programme and the total,
/// before, after and the change (in Chinese, a date comparison's columns name the two dates).
pub fn compare_header(lang: Lang, dates: Option<(&str, &str)>) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let mut h: Vec<String> = [
        ("household", "户编号"),
        ("ref", "参考编号"),
        ("line", "起始行"),
        ("last_line", "结束行"),
        ("region", "地区代码"),
        ("town", "乡镇"),
        ("village", "村"),
        ("ok", "成功"),
        ("error_code", "错误代码"),
        ("error_path", "错误位置"),
        ("error_message", "错误说明"),
        ("changed", "有变化"),
        ("why", "变化原因"),
    ]
    .iter()
    .map(|(en, cn)| if zh { cn } else { en }.to_string())
    .collect();
    let names = PROGRAMMES
        .iter()
        .map(|p| (p.column, p.label))
        .chain([("total", "现金帮扶合计")]);
    let (before, after) = dates.unwrap_or(("原", "调整后"));
    for (column, label) in names {
        for (en, cn) in [
            ("eligible_before", format!("{before}符合")),
            ("eligible_after", format!("{after}符合")),
            ("annual_before", format!("{before}年额")),
            ("annual_after", format!("{after}年额")),
            ("annual_change", "年额变化".to_string()),
        ] {
            h.push(if zh {
                format!("{label}{cn}")
            } else {
                format!("{column}_{en}")
            });
        }
    }
    h
}

/// The two dates of a date comparison (`--as-of`, `--to`), none for parameters compared.
fn compared_dates<'a>(options: &'a Options<'a>) -> Option<(&'a str, &'a str)> {
    match &options.task {
        Task::Compare {
            dates: Some((to, _)),
            ..
        } => Some((options.as_of.as_str(), to)),
        _ => None,
    }
}

/// What a worker keeps between chunks.
struct Worker<'a> {
    engine: &'a Engine,
    layout: Option<&'a Layout>,
    options: &'a Options<'a>,
    transitions: Transitions,
    other_transitions: Transitions,
    /// The household of a plain line, read straight into it (see [`Reading`]).
    plain: HouseholdInput,
}

/// A household's outcome under one engine.
type Outcome = Result<Estimate, PolicyError>;

/// A household as read: through the JSON tree, or, a plain line of a task that needs its row only,
/// straight into the household (`input::line`: anything else is read through the tree, which
/// gives every problem at its path).
enum Reading<'j> {
    Tree(Result<Node<'j>, PolicyError>),
    /// Read into the worker's `plain`.
    Plain,
}

impl Worker<'_> {
    /// The household of a job (borrowing the job's text), with its place and reference.
    fn household<'j>(&mut self, job: &'j Job) -> (Reading<'j>, Place, Option<String>) {
        match &job.unit {
            Unit::Line(text) => {
                // Its place and reference are taken from it once it is screened (see `run`).
                if self.rows_only()
                    && zhenxing::input::line::read_into(text.trim_end(), &mut self.plain)
                {
                    return (Reading::Plain, Place::default(), None);
                }
                let node = zhenxing::input::parse(text.trim_end(), "该行");
                let reference = node
                    .as_ref()
                    .ok()
                    .and_then(zhenxing::input::household::reference_of);
                let region = node
                    .as_ref()
                    .ok()
                    .and_then(|n| n.get("region").and_then(Node::as_str).map(str::to_string))
                    .unwrap_or_default();
                let place = Place {
                    region,
                    ..Place::default()
                };
                (Reading::Tree(node), place, reference)
            }
            Unit::Group(g) => match self.layout {
                Some(layout) => (
                    Reading::Tree(household_from_group(layout, g)),
                    place_of(layout, g),
                    register::reference_of(layout, g),
                ),
                None => (
                    Reading::Tree(Err(PolicyError::invalid_input("", "内部错误：没有表头"))),
                    Place::default(),
                    None,
                ),
            },
            Unit::Bad(e) => (Reading::Tree(Err(e.clone())), Place::default(), None),
        }
    }

    fn estimate(&mut self, engine: &Engine, node: &Node<'_>, other: bool) -> Outcome {
        let on = match &self.options.task {
            Task::Compare {
                dates: Some((to, _)),
                ..
            } if other => to,
            _ => self.options.as_of.as_str(),
        };
        let explain = matches!(self.options.task, Task::Estimate { explain: true });
        let transitions = if other {
            &mut self.other_transitions
        } else {
            &mut self.transitions
        };
        engine.estimate_in_batch(node, on, explain, transitions)
    }

    /// Whether the task needs each household's screening row only (a summary, unexplained rows),
    /// not its estimate. A county summary lists what the figures rested on, part by part: from the
    /// estimate.
    fn rows_only(&self) -> bool {
        matches!(
            self.options.task,
            Task::Summary | Task::Estimate { explain: false }
        ) && !self.options.county
    }

    /// The household's estimate, when the task needs one, and its screening row. A row alone (a
    /// summary, unexplained rows) is screened without an estimate.
    fn outcome(
        &mut self,
        read: &Reading<'_>,
        locate: impl Fn(PolicyError) -> PolicyError + Copy,
    ) -> (Option<Outcome>, Result<Screening, BatchError>) {
        let node = match read {
            // Read straight from its line: a task of rows only.
            Reading::Plain => {
                let on = self.options.as_of.as_str();
                let screening =
                    self.engine
                        .screen_read_in_batch(&self.plain, on, &mut self.transitions);
                return (None, screening.map_err(locate).map_err(BatchError::from));
            }
            Reading::Tree(node) => node.as_ref().map_err(Clone::clone),
        };
        if self.rows_only() {
            let screening = node.and_then(|n| self.screen(n)).map_err(locate);
            return (None, screening.map_err(BatchError::from));
        }
        let estimate = node
            .and_then(|n| self.estimate(self.engine, n, false))
            .map_err(locate);
        let screening = match &estimate {
            Ok(e) => Ok(Screening::of(e)),
            Err(e) => Err(BatchError::from(e.clone())),
        };
        (Some(estimate), screening)
    }

    /// The household's screening row (the task's date, this engine), without an estimate.
    fn screen(&mut self, node: &Node<'_>) -> Result<Screening, PolicyError> {
        let on = self.options.as_of.as_str();
        self.engine.screen_in_batch(node, on, &mut self.transitions)
    }

    /// A household against itself under the other parameters, or on the later date, with why.
    fn compare(
        &mut self,
        other: &Engine,
        dates: Option<(&str, &DatePath<'_>)>,
        before: &Estimate,
        node: &Node<'_>,
        tally: &mut ComparisonTally,
    ) -> Result<HouseholdComparison, PolicyError> {
        let after = self.estimate(other, node, true)?;
        let cause = match dates {
            None => Cause::Parameters,
            Some((to, path)) => {
                path.cause(&self.engine.read_household(node, to)?, before, &after)?
            }
        };
        let c = HouseholdComparison::between(before, &after, &cause)?;
        tally.rest_on(before, &after);
        Ok(c)
    }

    /// The household compared, or the error that stopped its estimate or its comparison.
    fn compared(
        &mut self,
        other: &Engine,
        dates: Option<(&str, &DatePath<'_>)>,
        estimated: (
            &Result<Estimate, PolicyError>,
            Result<&Node<'_>, &PolicyError>,
        ),
        locate: impl Fn(PolicyError) -> PolicyError,
        tally: &mut ComparisonTally,
    ) -> Result<HouseholdComparison, BatchError> {
        match estimated {
            (Ok(before), Ok(n)) => self
                .compare(other, dates, before, n, tally)
                .map_err(locate)
                .map_err(BatchError::from),
            (Err(e), _) | (_, Err(e)) => Err(BatchError::from(e.clone())),
        }
    }

    /// The place and reference of a household once screened: those of a plain line's household
    /// moved out of it, not copied (the next line's reading starts it afresh).
    fn screened(
        &mut self,
        read: &Reading<'_>,
        mut place: Place,
        reference: Option<String>,
    ) -> (Place, Option<String>) {
        match read {
            Reading::Plain => {
                place.region = std::mem::take(&mut self.plain.region);
                (place, self.plain.reference.take())
            }
            Reading::Tree(_) => (place, reference),
        }
    }

    fn run(&mut self, chunk: Chunk) -> io::Result<Done> {
        let mut totals = Totals::new(self.options.county.then(|| self.levels()));
        let mut bytes = Vec::with_capacity(chunk.jobs.len().saturating_mul(256));

        for job in chunk.jobs {
            totals.lines += job.lines;
            let (read, place, reference) = self.household(&job);
            let group = match &job.unit {
                Unit::Group(g) => Some(g),
                _ => None,
            };
            let locate = |e: PolicyError| match group {
                Some(g) => locate(e, g),
                None => e,
            };
            // Read where it was returned: the pair is over a kilobyte, moved apart by a copy.
            let outcome = self.outcome(&read, locate);
            let (place, reference) = self.screened(&read, place, reference);
            let id = Identity {
                household: group.map_or("", |g| g.id.as_str()),
                reference: reference.as_deref(),
                line: job.line,
                last_line: job.last_line,
                place: Some(&place),
            };
            let (estimate, screening) = (&outcome.0, &outcome.1);
            let lines = (job.line, job.last_line);
            totals.count(&place, screening.as_ref(), estimate.as_ref(), lines)?;
            let household = group.map(|g| g.id.as_str());
            match &self.options.task {
                Task::Summary => {}
                Task::Estimate { explain } => {
                    let explained = estimate
                        .as_ref()
                        .and_then(|e| e.as_ref().ok())
                        .filter(|_| *explain);
                    self.write_estimate(
                        &mut bytes,
                        (&id, household),
                        screening.as_ref(),
                        explained,
                    )?;
                }
                Task::Compare {
                    other,
                    changed_only,
                    dates,
                } => {
                    // A comparison always has its estimate (it is not `rows_only`).
                    let (Some(estimate), Reading::Tree(node)) = (estimate, &read) else {
                        continue;
                    };
                    let compared = self.compared(
                        other,
                        *dates,
                        (estimate, node.as_ref()),
                        locate,
                        &mut totals.comparison,
                    );
                    match &compared {
                        Ok(c) => totals
                            .comparison
                            .add(&place.region, c)
                            .map_err(io::Error::other)?,
                        Err(_) => totals.comparison.add_error(Some(&place.region)),
                    }
                    if *changed_only && compared.as_ref().is_ok_and(|c| !c.changed()) {
                        totals.omitted += 1;
                        continue;
                    }
                    self.write_comparison(&mut bytes, (&id, household), compared.as_ref())?;
                }
            }
        }
        Ok(Done {
            seq: chunk.seq,
            bytes,
            totals,
        })
    }

    /// One household's estimate as a CSV row or a JSON line (with the estimate when explained).
    fn write_estimate(
        &self,
        bytes: &mut Vec<u8>,
        (id, household): (&Identity<'_>, Option<&str>),
        screening: Result<&Screening, &BatchError>,
        explained: Option<&Estimate>,
    ) -> io::Result<()> {
        if self.options.output_format == Format::Csv {
            output::write_row(bytes, id, screening, self.options.lang);
            return Ok(());
        }
        let line = JsonLine {
            line: id.line,
            last_line: id.last_line,
            household,
            reference: id.reference,
            ok: screening.is_ok(),
            screening: screening.ok().filter(|_| explained.is_none()),
            estimate: explained,
            error: screening.err(),
        };
        serde_json::to_writer(&mut *bytes, &line)?;
        bytes.push(b'\n');
        Ok(())
    }

    /// One household's comparison as a CSV row or a JSON line.
    fn write_comparison(
        &self,
        bytes: &mut Vec<u8>,
        (id, household): (&Identity<'_>, Option<&str>),
        compared: Result<&HouseholdComparison, &BatchError>,
    ) -> io::Result<()> {
        if self.options.output_format == Format::Csv {
            compare_row(id, compared, self.options.lang).write_csv(bytes);
            return Ok(());
        }
        let line = CompareLine {
            line: id.line,
            last_line: id.last_line,
            household,
            reference: id.reference,
            region: id.place.map_or("", |p| p.region.as_str()),
            ok: compared.is_ok(),
            changed: compared.ok().map(|c| c.changed()),
            programs: compared.ok().map(|c| c.changes.as_slice()),
            error: compared.err(),
        };
        serde_json::to_writer(&mut *bytes, &line)?;
        bytes.push(b'\n');
        Ok(())
    }

    fn levels(&self) -> Levels {
        Levels {
            town: self.layout.is_some_and(|l| l.has("town")),
            village: self.layout.is_some_and(|l| l.has("village")),
        }
    }
}

/// One row of `compare`'s CSV, in the order of [`compare_header`].
fn compare_row(
    id: &Identity<'_>,
    outcome: Result<&HouseholdComparison, &BatchError>,
    lang: Lang,
) -> Cells {
    let place = id.place.map_or(["", "", ""], |p| {
        [p.region.as_str(), p.town.as_str(), p.village.as_str()]
    });
    let mut row = lead_cells(id, &place, outcome.err(), lang);
    match outcome {
        Err(_) => row.pad(compare_header(Lang::En, None).len()),
        Ok(c) => {
            row.push(yes_no(c.changed(), lang));
            // Why, over all the household's programmes (JSON Lines gives it per programme).
            let why = c.total().map_or(&[][..], |t| t.why.as_slice());
            row.push(&match lang {
                Lang::Zh => why
                    .iter()
                    .map(|id| zhenxing::estimate::compare::reason_label(id))
                    .collect::<Vec<_>>()
                    .join("；"),
                Lang::En => why.join(";"),
            });
            for ch in &c.changes {
                row.push(yes_no(ch.eligible_before, lang));
                row.push(yes_no(ch.eligible_after, lang));
                row.push_money(ch.annual_before);
                row.push_money(ch.annual_after);
                row.push_money(ch.difference);
            }
        }
    }
    row
}

/// The input, opened afresh for each pass over it.
pub type Open<'a> = &'a dyn Fn() -> Result<Box<dyn BufRead + Send>, String>;

/// Read the input, run every household, write the results in input order.
/// Errors are fatal ones only (reading, writing, a bad CSV header).
pub fn run(
    engine: &Engine,
    open: Open<'_>,
    output: Box<dyn Write + Send>,
    options: &Options<'_>,
) -> Result<Report, String> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    let in_flight = threads.saturating_mul(4);
    // CSV: a first pass finds the household ids that come back after other households.
    let (layout, mut duplicates, header_lines) = match options.input_format {
        Format::Csv => {
            let (layout, blank) = first_pass(open, options)?;
            (Some(layout), Some(blank.1), blank.0)
        }
        Format::JsonLines => (None, None, 0),
    };
    let (job_tx, job_rx) = sync_channel::<Chunk>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<io::Result<Done>>();
    let (token_tx, token_rx) = tokens(in_flight)?;
    let bytes_read = AtomicU64::new(0);
    let input = open()?;

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (job_rx, done_tx, layout) = (Arc::clone(&job_rx), done_tx.clone(), layout.as_ref());
            scope.spawn(move || work(engine, layout, options, &job_rx, &done_tx));
        }
        // Only the workers hold these now: when they stop, the reader and writer see it.
        drop(job_rx);
        drop(done_tx);
        let progress = &bytes_read;
        let levels = Levels {
            town: layout.as_ref().is_some_and(|l| l.has("town")),
            village: layout.as_ref().is_some_and(|l| l.has("village")),
        };
        let writer = scope.spawn(move || {
            write_in_order(
                output, done_rx, token_tx, options, levels, started, progress,
            )
        });
        let read = match options.input_format {
            Format::JsonLines => read_json_lines(input, &job_tx, &token_rx, progress, options),
            Format::Csv => read_csv(
                input,
                options,
                duplicates.take(),
                &job_tx,
                &token_rx,
                progress,
            ),
        };
        drop(job_tx);
        let written = writer
            .join()
            .map_err(|_| "内部错误：写出线程异常退出".to_string())?;
        // A write error stops the reader too (its tokens run out): report the write error first.
        let totals = written?;
        let read = read?;
        Ok(Report {
            totals,
            lines_read: read.lines,
            header_lines,
            blank_lines: read.blank + header_lines.saturating_sub(1),
            unterminated: (!read.terminated).then_some(read.lines),
        })
    })
    .map(|mut r: Report| {
        // Blank lines before the header were counted with it; the header itself is one line.
        r.header_lines = r.header_lines.min(1);
        r
    })
}

/// `in_flight` tokens: the reader takes one for each chunk it sends and the writer gives it back,
/// so no more than that many chunks are read ahead of the output.
fn tokens(in_flight: usize) -> Result<(SyncSender<()>, Receiver<()>), String> {
    let (token_tx, token_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx
            .send(())
            .map_err(|_| "内部错误：令牌".to_string())?;
    }
    Ok((token_tx, token_rx))
}

/// One worker thread: runs chunks until there are no more or the writer stops.
fn work(
    engine: &Engine,
    layout: Option<&Layout>,
    options: &Options<'_>,
    job_rx: &Mutex<Receiver<Chunk>>,
    done_tx: &Sender<io::Result<Done>>,
) {
    let mut worker = Worker {
        engine,
        layout,
        options,
        transitions: Transitions::default(),
        other_transitions: Transitions::default(),
        plain: HouseholdInput::default(),
    };
    loop {
        let next = job_rx.lock().map(|rx| rx.recv());
        let Ok(Ok(chunk)) = next else { break };
        if done_tx.send(worker.run(chunk)).is_err() {
            break;
        }
    }
}

/// The first pass over a CSV register: its header, the lines up to and including it, and the
/// household ids that come back after other households.
fn first_pass(
    open: Open<'_>,
    options: &Options<'_>,
) -> Result<(Layout, (u64, DuplicateIds)), String> {
    let mut records = Records::new(open()?, options.encoding);
    let mut blank = 0;
    let layout = read_header_with(&mut records, &mut blank, |h| {
        Layout::from_header_with(h, options.ignore_columns)
    })
    .map_err(|e| format!("CSV 表头有误：{}", e.message))?;
    let header_lines = records.lines_read();
    let mut grouper = Grouper::new(records, layout.clone());
    let mut ids = DuplicateIds::default();
    while let Some(g) = grouper.next_group().map_err(|e| format!("读取失败：{e}"))? {
        if !g.id.is_empty() {
            ids.note(&g.id);
        }
    }
    Ok((layout, (header_lines, ids)))
}

/// Take a token (one chunk in flight), then hand the chunk to the workers.
fn send(
    seq: &mut u64,
    jobs: &mut Vec<Job>,
    job_tx: &SyncSender<Chunk>,
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

/// What reading the input found.
struct Read {
    /// Physical lines read.
    lines: u64,
    /// Blank lines (after the header).
    blank: u64,
    /// Whether the last line ended with a line break.
    terminated: bool,
}

/// JSON Lines: one job per non-blank line.
fn read_json_lines(
    input: Box<dyn BufRead + Send>,
    job_tx: &SyncSender<Chunk>,
    tokens: &Receiver<()>,
    progress: &AtomicU64,
    options: &Options<'_>,
) -> Result<Read, String> {
    let mut lines = register::read::Lines::new(input);
    let (mut seq, mut jobs, mut blank) = (0u64, Vec::with_capacity(CHUNK), 0u64);
    let (mut bytes, mut held) = (Vec::new(), 0usize);
    loop {
        let more = lines
            .next_line(&mut bytes)
            .map_err(|e| format!("读取失败（第 {} 行）：{e}", lines.count + 1))?;
        if !more {
            break;
        }
        let line = lines.count;
        progress.store(lines.bytes, Ordering::Relaxed);
        let decoded = match lines.overlong {
            Some(length) => Err(register::read::overlong_message(length)),
            None => (options.encoding.decode)(&bytes).ok_or_else(|| {
                format!(
                    "不是 {} 文本（{}）",
                    options.encoding.name, options.encoding.advice
                )
            }),
        };
        let unit = match decoded {
            Ok(text) if text.trim().is_empty() => {
                blank += 1;
                continue;
            }
            Ok(text) => Unit::Line(text),
            Err(message) => Unit::Bad(PolicyError::invalid_input("", message).at_line(line)),
        };
        held = held.saturating_add(bytes.len());
        jobs.push(Job {
            line,
            last_line: line,
            lines: 1,
            unit,
        });
        if jobs.len() >= CHUNK || held >= CHUNK_BYTES {
            send(&mut seq, &mut jobs, job_tx, tokens)?;
            held = 0;
        }
    }
    send(&mut seq, &mut jobs, job_tx, tokens)?;
    Ok(Read {
        lines: lines.count,
        blank,
        terminated: lines.terminated,
    })
}

/// CSV: one job per household (its rows joined wherever they are) or per row that belongs to none.
fn read_csv(
    input: Box<dyn BufRead + Send>,
    options: &Options<'_>,
    duplicates: Option<DuplicateIds>,
    job_tx: &SyncSender<Chunk>,
    tokens: &Receiver<()>,
    progress: &AtomicU64,
) -> Result<Read, String> {
    let mut records = Records::new(input, options.encoding);
    let mut blank = 0;
    let layout = read_header_with(&mut records, &mut blank, |h| {
        Layout::from_header_with(h, options.ignore_columns)
    })
    .map_err(|e| format!("CSV 表头有误：{}", e.message))?;
    let ignored = layout.ignored();
    if !ignored.is_empty() && !options.quiet {
        note!("{}", register::ignored_note(&ignored));
    }
    let mut grouper = Grouper::new(records, layout);
    let mut gather = Gather::new(duplicates.unwrap_or_default());
    let (mut seq, mut jobs, mut held) = (0u64, Vec::with_capacity(CHUNK), 0usize);
    while let Some(g) = next_household(&mut grouper, &mut gather)? {
        progress.store(grouper.bytes_read(), Ordering::Relaxed);
        held = held.saturating_add(g.rows.iter().flat_map(|r| &r.cells).map(String::len).sum());
        jobs.push(Job {
            line: g.first_line,
            last_line: g.last_line,
            lines: g.lines,
            unit: Unit::Group(g),
        });
        if jobs.len() >= CHUNK || held >= CHUNK_BYTES {
            send(&mut seq, &mut jobs, job_tx, tokens)?;
            held = 0;
        }
    }
    send(&mut seq, &mut jobs, job_tx, tokens)?;
    Ok(Read {
        lines: grouper.lines_read(),
        blank: grouper.blank,
        terminated: grouper.terminated(),
    })
}

/// The next household of a CSV register, its rows joined wherever they are (in the order of their
/// first rows).
fn next_household<R: BufRead>(
    grouper: &mut Grouper<R>,
    gather: &mut Gather,
) -> Result<Option<Group>, String> {
    loop {
        if let Some(g) = gather.pop() {
            return Ok(Some(g));
        }
        match grouper.next_group().map_err(|e| format!("读取失败：{e}"))? {
            Some(g) => gather.push(g),
            None => return Ok(gather.finish()),
        }
    }
}

/// Write chunks in input order, give back a token per chunk written, show progress, add up.
fn write_in_order(
    mut output: Box<dyn Write + Send>,
    done: Receiver<io::Result<Done>>,
    tokens: SyncSender<()>,
    options: &Options<'_>,
    levels: Levels,
    started: Instant,
    progress: &AtomicU64,
) -> Result<Totals, String> {
    let io_err = |e: io::Error| crate::files::write_failed(&e);
    let mut totals = Totals::new(options.county.then_some(levels));
    if options.output_format == Format::Csv && !matches!(options.task, Task::Summary) {
        if options.bom {
            output.write_all("\u{feff}".as_bytes()).map_err(io_err)?;
        }
        let header = match options.task {
            Task::Compare { .. } => compare_header(options.lang, compared_dates(options)),
            _ => output::header(options.lang),
        };
        let mut bytes = Vec::new();
        output::write_record(&mut bytes, header.iter().map(String::as_str));
        output.write_all(&bytes).map_err(io_err)?;
    }
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut next, mut last_report) = (0u64, Instant::now());
    for result in done {
        let d = result.map_err(io_err)?;
        pending.insert(d.seq, d);
        while let Some(d) = pending.remove(&next) {
            output.write_all(&d.bytes).map_err(io_err)?;
            totals.merge(&d.totals)?;
            next += 1;
            // The reader may be gone (it finished): a token nobody takes is fine.
            let _ = tokens.try_send(());
        }
        if !options.quiet && last_report.elapsed() > Duration::from_secs(2) {
            last_report = Instant::now();
            show_progress(totals.households, started, progress, options.input_size);
        }
    }
    output.flush().map_err(io_err)?;
    Ok(totals)
}

fn show_progress(households: u64, started: Instant, progress: &AtomicU64, size: Option<u64>) {
    let elapsed = started.elapsed().as_secs_f64();
    let rate = households as f64 / elapsed.max(1e-9);
    let done = progress.load(Ordering::Relaxed);
    match size.filter(|s| *s > 0) {
        Some(size) => {
            let fraction = (done as f64 / size as f64).clamp(0.0, 1.0);
            let left = if fraction > 0.0 {
                elapsed * (1.0 - fraction) / fraction
            } else {
                0.0
            };
            note!(
                "已处理 {households} 户（{:.0}%，{rate:.0} 户/秒，预计还需 {}）……",
                fraction * 100.0,
                duration(left)
            );
        }
        None => note!("已处理 {households} 户（{rate:.0} 户/秒）……"),
    }
}

/// Seconds as Chinese minutes and seconds.
fn duration(seconds: f64) -> String {
    let s = seconds.round() as u64;
    if s >= 60 {
        format!("{} 分 {} 秒", s / 60, s % 60)
    } else {
        format!("{s} 秒")
    }
}
