//! A whole register handed over as text and screened in one call (`screenText` in the package):
//! JSON Lines or CSV in (UTF-8), the command-line tool's CSV rows out, with no object per
//! household on either side. The same reading as the tool's (line numbers, household grouping,
//! repeated ids, every line accounted for) on one thread.

use crate::base::error::BatchError;
use crate::base::error::{PolicyError, Result};
use crate::base::json::Node;
use crate::engine::Engine;
use crate::estimate::columns::ScreenColumns;
use crate::estimate::screening::Screening;
use crate::estimate::{Estimate, Transitions};
use crate::input::household;
use crate::input::Obj;
use tsify::Tsify;

use std::borrow::Cow;
use std::io::Cursor;

use crate::estimate::compare::{
    Cause, ComparisonTally, DatePath, HouseholdChange, HouseholdComparison, TOTAL,
};
use crate::register::summary::{CountySummary, Levels};

use super::output::{self, Identity, Lang};
use super::read::Lines;
use super::{
    header_columns, household_from_group, place_of, read_header_with, reference_of, DuplicateIds,
    Gather, Group, Grouper, HeaderColumn, Layout, Place, Records, UTF8,
};

/// How a register's text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFormat {
    /// One household (API `Household` JSON) per line.
    JsonLines,
    /// One member per row, grouped by `household_id` (docs/register.md).
    Csv,
}

impl TextFormat {
    /// JSON Lines when the first character that is not a space or a byte-order mark is `{`, or
    /// `[` (an array of households, read as one document).
    pub fn sniff(bytes: &[u8]) -> TextFormat {
        match first_char(bytes) {
            Some(b'{' | b'[') => TextFormat::JsonLines,
            _ => TextFormat::Csv,
        }
    }
}

/// The first byte of `bytes` that is not an ASCII space or part of a byte-order mark.
pub fn first_char(bytes: &[u8]) -> Option<u8> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    text.iter().find(|b| !b.is_ascii_whitespace()).copied()
}

/// A JSON document as JSON Lines, one household a line: an array's items, or one value over
/// several lines (a household as the staff page downloads it), each with its line breaks made
/// spaces (in valid JSON they only ever separate tokens); `None` when `text` is not valid JSON.
pub fn document_lines(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}');
    crate::input::parse(text, "文件").ok()?;
    let items = match text.trim_start().as_bytes().first() {
        Some(b'[') => top_level_items(text),
        _ => vec![text.trim()],
    };
    let mut lines = String::with_capacity(text.len());
    for item in items {
        lines.extend(
            item.chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
        lines.push('\n');
    }
    Some(lines)
}

/// The texts of the items of a JSON array (`text` is valid JSON): split at its top-level commas.
fn top_level_items(text: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth = depth.saturating_add(1);
                if depth == 1 {
                    start = i.saturating_add(1);
                }
            }
            b']' | b'}' if depth == 1 => {
                items.extend(text.get(start..i));
                depth = 0;
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => {
                items.extend(text.get(start..i));
                start = i.saturating_add(1);
            }
            _ => {}
        }
    }
    items.retain(|item| !item.trim().is_empty());
    items.into_iter().map(str::trim).collect()
}

/// Options of `screenText`: the register's format (sniffed when absent: JSON Lines when it starts
/// with `{`, or `[`, a JSON array of households) and the language of the CSV table (`zh`: Chinese column names, and 是/否, categories,
/// tracks and alerts by their Chinese names; figures the same). With `unknownColumns: 'ignore'`
/// a CSV register's unknown columns are left out unread (a page that has shown the officer which
/// columns it reads); by default they are refused, as the command-line tool refuses them.
/// `explain`, the last argument every batch takes, is read for its errors only: the rows carry no
/// words either way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TextOptions {
    #[tsify(optional)]
    pub explain: Option<bool>,
    #[tsify(optional, type = "'jsonl' | 'csv'")]
    pub format: Option<TextFormat>,
    #[tsify(optional, type = "'en' | 'zh'")]
    pub headers: Option<Lang>,
    #[tsify(optional, type = "'refuse' | 'ignore'")]
    pub unknown_columns: Option<bool>,
}

impl TextOptions {
    pub fn read(node: &Node<'_>) -> Result<TextOptions> {
        let o = Obj::new(
            node,
            "opts",
            "opts",
            &["explain", "format", "headers", "unknownColumns"],
        )?;
        TextOptions::of(&o)
    }

    /// The options of `screenColumns`: `{ explain?, format?, unknownColumns? }` (a text's format
    /// and unknown columns as `screenText` reads them; `explain` as every batch takes it, read for
    /// its errors only: columns carry no words).
    pub fn read_for_columns(node: &Node<'_>) -> Result<TextOptions> {
        let o = Obj::new(
            node,
            "opts",
            "opts",
            &["explain", "format", "unknownColumns"],
        )?;
        TextOptions::of(&o)
    }

    fn of(o: &Obj<'_, '_>) -> Result<TextOptions> {
        Ok(TextOptions {
            explain: o.bool("explain")?,
            format: o.choice(
                "format",
                &[("jsonl", TextFormat::JsonLines), ("csv", TextFormat::Csv)],
            )?,
            headers: o.choice("headers", &[("en", Lang::En), ("zh", Lang::Zh)])?,
            unknown_columns: o.choice("unknownColumns", &[("refuse", false), ("ignore", true)])?,
        })
    }

    /// Whether unknown columns are left out rather than refused.
    pub fn ignores_unknown(&self) -> bool {
        self.unknown_columns.unwrap_or(false)
    }
}

/// The screened register: CSV text (header first, a row per household or per error, in input
/// order), with its counts.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ScreenedText {
    /// The rows, as `zhenxing estimate -o out.csv --no-bom` writes them.
    pub csv: String,
    /// Rows written: households and errors.
    pub rows: u64,
    /// Of them, errors.
    pub errors: u64,
    /// Lines read, the header's and blank ones included.
    pub lines: u64,
}

/// Screen every household of `bytes` on `as_of`, with `opts` (its format sniffed when absent, its
/// headers English when absent, unknown columns refused unless `unknownColumns: 'ignore'`).
pub fn screen_text(
    engine: &Engine,
    bytes: &[u8],
    as_of: &str,
    opts: TextOptions,
) -> Result<ScreenedText> {
    let opts = TextOptions {
        format: Some(opts.format.unwrap_or_else(|| TextFormat::sniff(bytes))),
        headers: Some(opts.headers.unwrap_or(Lang::En)),
        ..opts
    };
    let mut screen = TextScreen::new(Cow::Borrowed(engine), None, bytes.to_vec(), as_of, opts)?;
    let chunk = screen.next_chunk(usize::MAX)?;
    Ok(ScreenedText {
        csv: chunk.csv,
        rows: chunk.rows,
        errors: chunk.errors,
        lines: screen.lines,
    })
}

/// A register screened a chunk of households at a time, in input order: the rows of
/// [`screen_text`], cut where the caller likes (a page shows progress between chunks and can stop),
/// the county's summary by region, town and village (as `zhenxing summary`), and, given a second
/// engine, the comparison of `zhenxing compare` (or, given a later date, of `zhenxing compare
/// --to`). The register's bytes are held once, here.
pub struct TextScreen<'e> {
    engine: Cow<'e, Engine>,
    other: Option<Cow<'e, Engine>>,
    as_of: String,
    /// For a comparison of dates: the later date and why a household changed between them.
    dates: Option<(String, DatePath<'static>)>,
    lang: Lang,
    source: Source,
    size: u64,
    transitions: Transitions,
    other_transitions: Transitions,
    county: CountySummary,
    comparison: ComparisonTally,
    /// The header's columns as read (CSV).
    columns: Vec<HeaderColumn>,
    header_written: bool,
    /// Lines read, the header's and blank ones included (final once done).
    pub lines: u64,
}

enum Source {
    JsonLines(Lines<Cursor<Vec<u8>>>),
    Csv {
        grouper: Box<Grouper<Cursor<Vec<u8>>>>,
        gather: Box<Gather>,
    },
    Done,
}

/// The households of one chunk.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ScreenChunk {
    /// Their CSV rows (the header before the first chunk's); empty when comparing.
    pub csv: String,
    /// When comparing, the households whose eligibility or amounts differ.
    pub changes: Vec<ChangedHousehold>,
    /// Rows of the chunk (households and errors), and of them errors.
    pub rows: u64,
    pub errors: u64,
    /// Whether the register is read to its end.
    pub done: bool,
    /// Bytes of the register read so far, and in all.
    pub read: u64,
    pub size: u64,
}

/// A household that a comparison found changed: where it is in the register, and each programme
/// (then the total, `total`) whose eligibility or annual amount differs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ChangedHousehold {
    pub household: String,
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reference: Option<String>,
    pub line: u64,
    pub last_line: u64,
    pub region: String,
    pub town: String,
    pub village: String,
    pub programs: Vec<HouseholdChange>,
}

/// Where a household's outcome goes: the chunk's counts, its CSV rows, its columns.
struct Out<'o> {
    chunk: &'o mut ScreenChunk,
    csv: Option<&'o mut Vec<u8>>,
    columns: Option<&'o mut RegisterTable>,
}

/// A register's households as columns ([`ScreenColumns`], `screenColumns` of a text), and, when
/// `places` is kept, where each is in the register and its alerts: the register page's table.
/// `refs` are each household's `ref`, or its household id when it has none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegisterTable {
    pub screened: ScreenColumns,
    pub places: Option<PlaceColumns>,
}

/// Where each household is in the register, and what staff must act on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceColumns {
    /// Its first and last line (a CSV household's rows; a JSON line).
    pub line: Vec<u64>,
    pub last_line: Vec<u64>,
    /// Its `household_id` (empty in JSON Lines), town and village, as the register gives them.
    pub household: Vec<String>,
    pub town: Vec<String>,
    pub village: Vec<String>,
    /// Its alerts as bits, in the order of `labels().alert` (bit 0 the first).
    pub alerts: Vec<u32>,
}

impl RegisterTable {
    /// Columns, with the register page's places when `places`.
    pub fn new(places: bool) -> RegisterTable {
        RegisterTable {
            screened: ScreenColumns::new(),
            places: places.then(PlaceColumns::default),
        }
    }

    /// Households held.
    pub fn len(&self) -> usize {
        self.screened.len()
    }

    pub fn is_empty(&self) -> bool {
        self.screened.is_empty()
    }

    fn push(&mut self, id: &Identity<'_>, outcome: std::result::Result<Screening, BatchError>) {
        let reference = id
            .reference
            .or(Some(id.household).filter(|h| !h.is_empty()))
            .map(str::to_string);
        if let Some(p) = &mut self.places {
            let place = id.place.cloned().unwrap_or_default();
            p.line.push(id.line);
            p.last_line.push(id.last_line);
            p.household.push(id.household.to_string());
            p.town.push(place.town);
            p.village.push(place.village);
            p.alerts
                .push(outcome.as_ref().map_or(0, |s| alert_bits(&s.alerts)));
        }
        self.screened
            .push(outcome.as_ref().map_err(Clone::clone), reference);
    }

    /// Let go of the households held (see [`ScreenColumns::clear`]).
    pub fn clear(&mut self) {
        self.screened.clear();
        if let Some(p) = &mut self.places {
            *p = PlaceColumns::default();
        }
    }
}

/// Alert ids as bits, in the order of [`crate::estimate::alerts::ALERTS`].
fn alert_bits(ids: &[&str]) -> u32 {
    crate::estimate::alerts::ALERTS
        .iter()
        .enumerate()
        .filter(|(_, (id, ..))| ids.contains(id))
        .fold(0, |bits, (k, _)| {
            bits | 1u32.checked_shl(k as u32).unwrap_or(0)
        })
}

/// One household of the register as read: a JSON line, or a CSV household's rows.
enum Unit {
    Line(u64, Result<String>),
    Group(Group),
}

/// A household as the engine reads it, with where it is in the register.
struct Read<'u> {
    node: Result<Node<'u>>,
    household: &'u str,
    reference: Option<String>,
    line: u64,
    last_line: u64,
    place: Place,
    group: Option<&'u Group>,
}

impl<'u> Read<'u> {
    fn of(unit: &'u Unit, layout: Option<&Layout>) -> Read<'u> {
        match (unit, layout) {
            (Unit::Group(g), Some(layout)) => Read {
                node: household_from_group(layout, g),
                household: &g.id,
                reference: reference_of(layout, g),
                line: g.first_line,
                last_line: g.last_line,
                place: place_of(layout, g),
                group: Some(g),
            },
            (Unit::Group(g), None) => Read {
                node: Err(PolicyError::invalid_input("", "内部错误：没有表头")),
                household: &g.id,
                reference: None,
                line: g.first_line,
                last_line: g.last_line,
                place: Place::default(),
                group: Some(g),
            },
            (Unit::Line(line, text), _) => {
                let node = text
                    .as_ref()
                    .map_err(Clone::clone)
                    .and_then(|t| crate::input::parse(t.trim_end(), "该行"));
                let n = node.as_ref().ok();
                Read {
                    reference: n.and_then(household::reference_of),
                    place: Place {
                        region: n
                            .and_then(|n| n.get("region").and_then(Node::as_str))
                            .unwrap_or_default()
                            .to_string(),
                        ..Place::default()
                    },
                    node,
                    household: "",
                    line: *line,
                    last_line: *line,
                    group: None,
                }
            }
        }
    }
}

impl<'e> TextScreen<'e> {
    /// The register `bytes` (JSON Lines or CSV, UTF-8) to screen on `as_of` under `engine`, and
    /// under `other` too when given (then [`TextScreen::next_chunk`] compares).
    pub fn new(
        engine: Cow<'e, Engine>,
        other: Option<Cow<'e, Engine>>,
        bytes: Vec<u8>,
        as_of: &str,
        opts: TextOptions,
    ) -> Result<TextScreen<'e>> {
        // The date first: a bad one is the call's error, not every row's.
        crate::base::calendar::parse_date(as_of, "asOf")?;
        refuse_not_utf8(&bytes)?;
        let format = opts.format.unwrap_or_else(|| TextFormat::sniff(&bytes));
        let bytes = match format {
            TextFormat::JsonLines => array_as_lines(bytes),
            TextFormat::Csv => bytes,
        };
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let (source, columns, levels) = match format {
            TextFormat::JsonLines => (
                Source::JsonLines(Lines::new(Cursor::new(bytes))),
                Vec::new(),
                Levels::default(),
            ),
            TextFormat::Csv => csv_source(bytes, opts.ignores_unknown())?,
        };
        Ok(TextScreen {
            engine,
            other,
            as_of: as_of.to_string(),
            dates: None,
            lang: opts.headers.unwrap_or(Lang::En),
            source,
            size,
            transitions: Transitions::default(),
            other_transitions: Transitions::default(),
            county: CountySummary::new(levels),
            comparison: ComparisonTally::default(),
            columns,
            header_written: false,
            lines: 0,
        })
    }

    /// The register `bytes` compared on `from` against `to` under `engine`'s parameters, as
    /// `zhenxing compare --as-of FROM --to TO`: [`TextScreen::next_chunk`] compares, with why.
    pub fn between_dates(
        engine: Cow<'e, Engine>,
        bytes: Vec<u8>,
        from: &str,
        to: &str,
        opts: TextOptions,
    ) -> Result<TextScreen<'e>> {
        let path = engine.date_path(from, to)?.into_owned();
        let mut screen = TextScreen::new(engine, None, bytes, from, opts)?;
        screen.dates = Some((to.to_string(), path));
        Ok(screen)
    }

    /// Whether households are compared (under two engines, or on two dates), not screened.
    fn comparing(&self) -> bool {
        self.other.is_some() || self.dates.is_some()
    }

    /// The engine the register is screened under.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The header's columns as read (a CSV register; empty for JSON Lines).
    pub fn columns(&self) -> &[HeaderColumn] {
        &self.columns
    }

    /// The county summary of the households screened so far.
    pub fn county(&self) -> &CountySummary {
        &self.county
    }

    /// The comparison of the households compared so far.
    pub fn comparison(&self) -> &ComparisonTally {
        &self.comparison
    }

    /// The next `households` households (or what is left).
    pub fn next_chunk(&mut self, households: usize) -> Result<ScreenChunk> {
        self.next_into(households, true, None)
    }

    /// The next `households` households, their CSV rows written when `rows` (the header before
    /// the first), and each pushed onto `columns` when given (comparing, neither).
    pub fn next_into(
        &mut self,
        households: usize,
        rows: bool,
        mut columns: Option<&mut RegisterTable>,
    ) -> Result<ScreenChunk> {
        let mut chunk = ScreenChunk {
            size: self.size,
            ..ScreenChunk::default()
        };
        let mut csv = Vec::new();
        if rows && !self.header_written && !self.comparing() {
            output::write_record(
                &mut csv,
                output::header(self.lang).iter().map(String::as_str),
            );
            self.header_written = true;
        }
        let mut taken = 0usize;
        while taken < households {
            let Some(unit) = self.next_unit()? else {
                chunk.done = true;
                break;
            };
            taken = taken.saturating_add(1);
            let out = Out {
                chunk: &mut chunk,
                csv: rows.then_some(&mut csv),
                columns: columns.as_deref_mut(),
            };
            self.household(&unit, out)?;
        }
        chunk.read = match &self.source {
            Source::JsonLines(lines) => lines.bytes,
            Source::Csv { grouper, .. } => grouper.bytes_read(),
            Source::Done => self.size,
        };
        // Every cell was a `&str`: the text is UTF-8 (the lossy form is never needed).
        chunk.csv = String::from_utf8(csv)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Ok(chunk)
    }

    /// The next household, or `None` at the end of the register.
    fn next_unit(&mut self) -> Result<Option<Unit>> {
        let unit = match &mut self.source {
            Source::Done => None,
            Source::JsonLines(lines) => json_unit(lines)?,
            Source::Csv { grouper, gather } => csv_unit(grouper, gather)?,
        };
        if unit.is_none() {
            self.lines = match &self.source {
                Source::JsonLines(lines) => lines.count,
                Source::Csv { grouper, .. } => grouper.lines_read(),
                Source::Done => self.lines,
            };
            self.source = Source::Done;
        }
        Ok(unit)
    }

    /// Screen (or compare) one household into the chunk.
    fn household(&mut self, unit: &Unit, out: Out<'_>) -> Result<()> {
        let chunk = out.chunk;
        let layout = match &self.source {
            Source::Csv { grouper, .. } => Some(grouper.layout()),
            _ => None,
        };
        let r = Read::of(unit, layout);
        let locate = |e: PolicyError| match r.group {
            Some(g) => super::locate(e, g),
            None => e,
        };
        let engine: &Engine = &self.engine;
        let estimate =
            r.node.as_ref().map_err(Clone::clone).and_then(|n| {
                engine.estimate_in_batch(n, &self.as_of, false, &mut self.transitions)
            });
        let screening = match &estimate {
            Ok(e) => Ok(Screening::of(e)),
            Err(e) => Err(BatchError::from(locate(e.clone()))),
        };
        chunk.rows = chunk.rows.saturating_add(1);
        chunk.errors = chunk.errors.saturating_add(u64::from(screening.is_err()));
        if !self.comparing() {
            self.county.add(&r.place, screening.as_ref().ok())?;
            if let Ok(e) = &estimate {
                self.county.rest_on(e);
            }
            let id = Identity {
                household: r.household,
                reference: r.reference.as_deref(),
                line: r.line,
                last_line: r.last_line,
                place: Some(&r.place),
            };
            if let Some(csv) = out.csv {
                output::write_row(csv, &id, screening.as_ref(), self.lang);
            }
            if let Some(columns) = out.columns {
                if let Ok(e) = &estimate {
                    columns.screened.rest_on(e);
                }
                columns.push(&id, screening);
            }
            return Ok(());
        }
        let compared = match (&estimate, &screening, &r.node) {
            (Ok(before), Ok(_), Ok(n)) => self.compare(before, n).ok(),
            _ => None,
        };
        let Some(c) = compared else {
            self.comparison.add_error(Some(&r.place.region));
            return Ok(());
        };
        self.comparison.add(&r.place.region, &c)?;
        if c.changed() {
            let programs = c
                .changes
                .into_iter()
                .filter(|p| p.changed() || p.program == TOTAL.0)
                .collect();
            chunk.changes.push(ChangedHousehold {
                household: r.household.to_string(),
                reference: r.reference,
                line: r.line,
                last_line: r.last_line,
                region: r.place.region,
                town: r.place.town,
                village: r.place.village,
                programs,
            });
        }
        Ok(())
    }
}

impl<'e> TextScreen<'e> {
    /// A household against itself under the other engine (a what-if), or on the later date with
    /// why each programme changed, as the command-line tool compares it.
    fn compare(&mut self, before: &Estimate, n: &Node<'_>) -> Result<HouseholdComparison> {
        let engine: &Engine = &self.engine;
        match (&self.dates, &self.other) {
            (Some((to, path)), _) => {
                let after = engine.estimate_in_batch(n, to, false, &mut self.other_transitions)?;
                let cause = path.cause(&engine.read_household(n, to)?, before, &after)?;
                let c = HouseholdComparison::between(before, &after, &cause)?;
                self.comparison.rest_on(before, &after);
                Ok(c)
            }
            (None, Some(other)) => {
                let after =
                    other.estimate_in_batch(n, &self.as_of, false, &mut self.other_transitions)?;
                // With why, as the command-line tool's `compare` gives it.
                let c = HouseholdComparison::between(before, &after, &Cause::Parameters)?;
                self.comparison.rest_on(before, &after);
                Ok(c)
            }
            (None, None) => Err(PolicyError::invalid_input("", "内部错误：没有可比较的")),
        }
    }
}

/// A CSV register's reading: the header, and a first pass for the household ids that come back
/// after other households (their rows are joined).
fn csv_source(bytes: Vec<u8>, ignore_unknown: bool) -> Result<(Source, Vec<HeaderColumn>, Levels)> {
    let layout_of = |h: &[String]| match ignore_unknown {
        true => Layout::ignoring_unknown(h),
        false => Layout::from_header(h).map(|l| (l, header_columns(h))),
    };
    let mut ids = DuplicateIds::default();
    // Both passes read through the one reader type: the module holds one copy of it.
    let mut records = Records::new(Cursor::new(bytes), UTF8);
    let (layout, columns) =
        read_header_with(&mut records, &mut 0, layout_of).map_err(header_error)?;
    let mut grouper = Grouper::new(records, layout);
    while let Some(g) = grouper.next_group().map_err(super::read::read_problem)? {
        if !g.id.is_empty() {
            ids.note(&g.id);
        }
    }
    let mut input = grouper.into_records().into_inner();
    input.set_position(0);
    let mut records = Records::new(input, UTF8);
    let (layout, _) = read_header_with(&mut records, &mut 0, layout_of).map_err(header_error)?;
    let levels = Levels {
        town: layout.has("town"),
        village: layout.has("village"),
    };
    let source = Source::Csv {
        grouper: Box::new(Grouper::new(records, layout)),
        gather: Box::new(Gather::new(ids)),
    };
    Ok((source, columns, levels))
}

/// A text that is a JSON array (its first character `[`), however many lines it has, as JSON Lines:
/// a household a line, its line number its place in the array. Any other text as it is.
fn array_as_lines(bytes: Vec<u8>) -> Vec<u8> {
    if first_char(&bytes) != Some(b'[') {
        return bytes;
    }
    match std::str::from_utf8(&bytes).ok().and_then(document_lines) {
        Some(lines) => lines.into_bytes(),
        None => bytes,
    }
}

/// Refuse, as a whole, a register with a line that is not UTF-8 (a GBK file's lines may happen to
/// be UTF-8 too, so one such line says the file is not UTF-8), as the command-line tool does.
fn refuse_not_utf8(bytes: &[u8]) -> Result<()> {
    match super::read::first_line_not_utf8(bytes) {
        None => Ok(()),
        Some((line, _)) => Err(PolicyError::invalid_input(
            "",
            format!(
                "第 {line} 行不是 UTF-8 文本（{}），整个文件未读取：文件可能是 GBK 编码（Excel 在中文 Windows 上另存的“CSV（逗号分隔）”），\
                 JavaScript 中请先用 new TextDecoder('gbk') 解码文件",
                UTF8.advice
            ),
        )),
    }
}

fn json_unit(lines: &mut Lines<Cursor<Vec<u8>>>) -> Result<Option<Unit>> {
    let mut buf = Vec::new();
    while lines
        .next_line(&mut buf)
        .map_err(super::read::read_problem)?
    {
        let line = lines.count;
        let text = match lines.overlong {
            Some(length) => Err(super::read::overlong_message(length)),
            None => std::str::from_utf8(&buf)
                .map_err(|_| "不是 UTF-8 文本（请另存为 UTF-8）".to_string()),
        };
        match text {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => return Ok(Some(Unit::Line(line, Ok(text.to_string())))),
            Err(message) => {
                let e = PolicyError::invalid_input("", message);
                return Ok(Some(Unit::Line(line, Err(e.at_line(line)))));
            }
        }
    }
    Ok(None)
}

/// The next household, its rows joined wherever they are in the register.
fn csv_unit(grouper: &mut Grouper<Cursor<Vec<u8>>>, gather: &mut Gather) -> Result<Option<Unit>> {
    loop {
        if let Some(g) = gather.pop() {
            return Ok(Some(Unit::Group(g)));
        }
        match grouper.next_group().map_err(super::read::read_problem)? {
            Some(g) => gather.push(g),
            None => return Ok(gather.finish().map(Unit::Group)),
        }
    }
}

fn header_error(e: PolicyError) -> PolicyError {
    PolicyError::invalid_input("", format!("CSV 表头有误：{}", e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The options of a register in `format` with headers in `lang`.
    fn text_opts(format: TextFormat, lang: Lang) -> TextOptions {
        TextOptions {
            format: Some(format),
            headers: Some(lang),
            ..TextOptions::default()
        }
    }

    const COUNTY: &str = include_str!("../../tests/registers/county/register.csv");
    const AS_OF: &str = "2025-06-01";

    fn opts(lang: Lang, ignore: bool) -> TextOptions {
        TextOptions {
            headers: Some(lang),
            unknown_columns: Some(ignore),
            ..TextOptions::default()
        }
    }

    /// Every chunk of `n` households, joined.
    fn in_chunks(engine: &Engine, bytes: &[u8], n: usize, o: TextOptions) -> (String, u64, u64) {
        let mut s = TextScreen::new(Cow::Borrowed(engine), None, bytes.to_vec(), AS_OF, o).unwrap();
        let (mut csv, mut rows, mut errors) = (String::new(), 0, 0);
        loop {
            let c = s.next_chunk(n).unwrap();
            assert!(c.read <= c.size);
            csv.push_str(&c.csv);
            rows += c.rows;
            errors += c.errors;
            if c.done {
                assert_eq!(c.read, c.size);
                return (csv, rows, errors);
            }
        }
    }

    /// The county register's rows sorted as an export sorts them: by village, then member.
    fn by_village() -> String {
        let mut lines = COUNTY.lines();
        let header = lines.next().unwrap_or_default();
        let mut rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        rows.sort_by(|a, b| (a[4], a[9], a[0]).cmp(&(b[4], b[9], b[0])));
        let rows: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
        format!("{header}\n{}\n", rows.join("\n"))
    }

    /// A CSV's rows without the line columns, and the digits of 第 N 行 in messages, sorted.
    fn rows_without_lines(csv: &str) -> Vec<String> {
        let mut rows: Vec<String> = csv
            .lines()
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                let kept = [&cells[..2], &cells[4..]].concat().join(",");
                let mut out = String::new();
                let mut digits = false;
                for c in kept.chars() {
                    match c.is_ascii_digit() && (digits || out.ends_with("第 ")) {
                        true => digits = true,
                        false => {
                            digits = false;
                            out.push(c);
                        }
                    }
                }
                out
            })
            .collect();
        rows.sort();
        rows
    }

    #[test]
    fn a_register_in_any_row_order_reads_as_the_sorted_one() {
        // The header: 户编号,参考编号,地区代码,乡镇,村,…,成员 (the 5th and 10th columns).
        assert!(COUNTY.starts_with(
            "户编号,参考编号,地区代码,乡镇,村,户类型,监测类型,经营净收入,转移净收入,成员,"
        ));
        let engine = Engine::new().unwrap();
        let shuffled = by_village();
        assert_ne!(shuffled, COUNTY);
        let read = |text: &str| {
            let out = screen_text(
                &engine,
                text.as_bytes(),
                AS_OF,
                text_opts(TextFormat::Csv, Lang::Zh),
            )
            .unwrap();
            (
                rows_without_lines(&out.csv),
                out.rows,
                out.errors,
                out.lines,
            )
        };
        assert_eq!(read(&shuffled), read(COUNTY));
        // The summary of the register page, and its columns, alike.
        let summary = |text: &str| {
            let mut s = TextScreen::new(
                Cow::Borrowed(&engine),
                None,
                text.as_bytes().to_vec(),
                AS_OF,
                opts(Lang::Zh, false),
            )
            .unwrap();
            while !s.next_chunk(2).unwrap().done {}
            s.county().table(true, |c| engine.region_name(c))
        };
        assert_eq!(summary(&shuffled), summary(COUNTY));
    }

    #[test]
    fn chunks_join_into_the_rows_of_one_call() {
        let engine = Engine::new().unwrap();
        let jsonl = include_str!("../../tests/registers/small.jsonl");
        for (text, format) in [(COUNTY, TextFormat::Csv), (jsonl, TextFormat::JsonLines)] {
            let whole =
                screen_text(&engine, text.as_bytes(), AS_OF, text_opts(format, Lang::Zh)).unwrap();
            for n in [1, 2, 5, 1000] {
                let joined = in_chunks(&engine, text.as_bytes(), n, opts(Lang::Zh, false));
                assert_eq!(joined, (whole.csv.clone(), whole.rows, whole.errors), "{n}");
            }
        }
    }

    #[test]
    fn a_text_with_a_line_that_is_not_utf8_is_refused_as_a_whole() {
        // docs/register.md: a GBK file is refused once, up front. 母 in GBK (C4 B8) is also UTF-8
        // (ĸ), so H2's row alone reads; 东村 and 张三 on line 2 do not.
        let engine = Engine::new().unwrap();
        let text = "household_id,region,village,member_id,birth_date,income_other\nH1,230129,东村,张三,1980-01-01,1000\nH2,230129,,母,1980-01-01,1000\n";
        let gbk = encoding_rs::GB18030.encode(text).0;
        for format in [TextFormat::Csv, TextFormat::JsonLines] {
            let e = screen_text(&engine, &gbk, AS_OF, text_opts(format, Lang::Zh)).unwrap_err();
            assert!(e.message.contains("第 2 行不是 UTF-8"), "{}", e.message);
            assert!(e.message.contains("TextDecoder('gbk')"), "{}", e.message);
        }
        assert!(screen_text(
            &engine,
            text.as_bytes(),
            AS_OF,
            text_opts(TextFormat::Csv, Lang::Zh)
        )
        .is_ok());
    }

    #[test]
    fn a_json_array_is_read_as_its_households_however_many_lines_it_has() {
        // docs/register.md: text whose first character is `[` is one JSON array of households,
        // each household's line its place in the array; the rows are those of the same households
        // as JSON Lines.
        let engine = Engine::new().unwrap();
        let h1 = r#"{"region":"230129","members":[{"birthDate":"1950-03-01"}],"income":{"transfer":3600}}"#;
        let h2 = r#"{"region":"230221","members":[{"birthDate":"1980-03-01"}],"income":{"other":"30000"}}"#;
        let jsonl = format!("{h1}\n{h2}\n");
        let lines = screen_text(
            &engine,
            jsonl.as_bytes(),
            AS_OF,
            text_opts(TextFormat::JsonLines, Lang::En),
        );
        let lines = lines.unwrap();
        assert_eq!((lines.rows, lines.errors), (2, 0), "{}", lines.csv);
        let one_line = format!("[{h1},{h2}]");
        let pretty = format!("\u{feff} [\n  {h1},\n  {}\n]\n", h2.replace(',', ",\n    "));
        for text in [one_line, pretty] {
            assert_eq!(TextFormat::sniff(text.as_bytes()), TextFormat::JsonLines);
            let got = screen_text(
                &engine,
                text.as_bytes(),
                AS_OF,
                text_opts(TextFormat::JsonLines, Lang::En),
            );
            assert_eq!(got.unwrap().csv, lines.csv, "{text}");
            let mut columns = RegisterTable::new(false);
            let opts = TextOptions::default();
            let mut screen =
                TextScreen::new(Cow::Borrowed(&engine), None, text.into_bytes(), AS_OF, opts)
                    .unwrap();
            let chunk = screen.next_into(100, false, Some(&mut columns)).unwrap();
            assert_eq!((chunk.rows, chunk.errors), (2, 0));
        }
    }

    #[test]
    fn unknown_columns_are_left_out_unread_when_asked() {
        // The county register with an identity-number and a phone column added after the first,
        // and a note column: the rows are those of the register without them.
        let added = |note: bool| -> String {
            COUNTY
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    let (first, rest) = line.split_once(',').unwrap();
                    let tail = if note { ",备注" } else { "" };
                    match i {
                        0 => format!("{first},身份证号码,{rest},联系电话{tail}\n"),
                        _ => format!(
                            "{first},23012919500301{i:04},{rest},1390000{i:04}{}\n",
                            if note { ",无" } else { "" }
                        ),
                    }
                })
                .collect()
        };
        let (with, noted) = (added(false), added(true));
        let engine = Engine::new().unwrap();
        // Identity and phone numbers are never read, asked or not; any other unknown column is
        // refused unless the caller asks for it to be left out.
        let plain = in_chunks(&engine, COUNTY.as_bytes(), 3, opts(Lang::Zh, false));
        assert_eq!(
            in_chunks(&engine, with.as_bytes(), 3, opts(Lang::Zh, false)),
            plain
        );
        let refused = TextScreen::new(
            Cow::Borrowed(&engine),
            None,
            noted.clone().into(),
            AS_OF,
            opts(Lang::Zh, false),
        );
        assert!(refused.is_err_and(
            |e| e.message.contains("第 14 列“备注”") && e.message.contains("不是已知的列")
        ));
        let plain = in_chunks(&engine, COUNTY.as_bytes(), 3, opts(Lang::Zh, true));
        let read = in_chunks(&engine, noted.as_bytes(), 3, opts(Lang::Zh, true));
        assert_eq!(read, plain);
        // screenText's one call takes the option as the chunks do.
        let whole = |text: &str, ignore| {
            screen_text(&engine, text.as_bytes(), AS_OF, opts(Lang::Zh, ignore))
        };
        assert!(whole(&noted, false).is_err_and(|e| e.message.contains("第 14 列“备注”")));
        assert_eq!(
            whole(&noted, true).unwrap().csv,
            whole(COUNTY, true).unwrap().csv
        );
        assert!(
            !read.0.contains("2301291950030"),
            "no identity number in the rows"
        );
        let s = TextScreen::new(
            Cow::Borrowed(&engine),
            None,
            with.into(),
            AS_OF,
            opts(Lang::Zh, true),
        )
        .unwrap();
        let private: Vec<usize> = s
            .columns()
            .iter()
            .filter(|c| c.private)
            .map(|c| c.index)
            .collect();
        assert_eq!(private, [2, 13]);
        // A cell under an empty header is still an error of its row.
        let stray = "户编号,,出生日期\nA,x,1950-01-01\n";
        let (csv, rows, errors) = in_chunks(&engine, stray.as_bytes(), 9, opts(Lang::Zh, true));
        assert_eq!((rows, errors), (1, 1));
        assert!(csv.contains("第 2 列没有表头"), "{csv}");
    }

    /// A comparison run to its end five households at a time: the households that changed, and
    /// the summary.
    fn compared(
        s: &mut TextScreen<'_>,
        engine: &Engine,
    ) -> (
        Vec<ChangedHousehold>,
        crate::estimate::compare::ComparisonSummary,
    ) {
        let mut changed = Vec::new();
        loop {
            let c = s.next_chunk(5).unwrap();
            assert_eq!(c.csv, "");
            changed.extend(c.changes);
            if c.done {
                return (
                    changed,
                    s.comparison().clone().finish(|c| engine.region_name(c)),
                );
            }
        }
    }

    #[test]
    fn a_comparison_counts_as_the_command_line_tools() {
        // expected-comparison.csv is `zhenxing compare --report` for the county's parameter file:
        // its `all` rows, programme by programme.
        let engine = Engine::new().unwrap();
        let file = include_str!("../../tests/registers/county/county-2025.json");
        let other = Engine::from_parameters(file).unwrap();
        let mut s = TextScreen::new(
            Cow::Borrowed(&engine),
            Some(Cow::Borrowed(&other)),
            COUNTY.into(),
            AS_OF,
            opts(Lang::Zh, false),
        )
        .unwrap();
        let (changed, summary) = compared(&mut s, &engine);
        let expected = include_str!("../../tests/registers/county/expected-comparison.csv");
        let all: Vec<Vec<&str>> = expected
            .lines()
            .map(|l| l.split(',').collect())
            .filter(|r: &Vec<&str>| r[1] == "all")
            .collect();
        // By programme id: a programme the file leaves out must not change or be held here.
        for p in &summary.programs {
            let Some(row) = all.iter().find(|r| r[2] == p.program) else {
                let held = p.changed + p.eligible_before + p.eligible_after;
                assert_eq!(held, 0, "{} is held here: add it to the file", p.program);
                continue;
            };
            let figures = [
                p.changed.to_string(),
                p.gaining.to_string(),
                p.losing.to_string(),
                p.newly_eligible.to_string(),
                p.no_longer_eligible.to_string(),
                p.eligible_before.to_string(),
                p.eligible_after.to_string(),
                p.annual_before.to_fen_string(),
                p.annual_after.to_fen_string(),
                p.difference.to_fen_string(),
            ];
            assert_eq!(&row[5..], figures.as_slice(), "{}", p.program);
        }
        let ids: Vec<&str> = summary.programs.iter().map(|p| p.program).collect();
        assert!(all.iter().all(|r| ids.contains(&r[2])), "{ids:?}");
        // Every household that changed, each with its changed programmes and the total last.
        assert_eq!(changed.len() as u64, summary.changed);
        let h03 = changed.iter().find(|h| h.household == "H03").unwrap();
        let ids: Vec<&str> = h03.programs.iter().map(|p| p.program).collect();
        assert_eq!(ids.last(), Some(&"total"));
        assert!(ids.contains(&"dibao"));
        assert_eq!(
            h03.programs.last().unwrap().difference.to_fen_string(),
            "769.20"
        );
        // With why, as expected-differences.csv (the tool's -o) gives H03's: 低保 from a changed
        // standard, and what follows 低保 (the premium) with it.
        assert_eq!(
            h03.programs.last().unwrap().why,
            ["parameterChanged", "followsAssistance"]
        );
        assert!(summary
            .reasons
            .iter()
            .any(|r| r.reason == "followsAssistance"));
    }

    #[test]
    fn a_comparison_of_dates_is_the_command_line_tools() {
        // The county register on the transition period's last day (transition.end, 2025-12-31)
        // and the day after, under a county whose notice stops the 分类资助参保 of 脱贫 and
        // monitored people from 2026-01-01 (paidShare 0 from then; the embedded set goes on at
        // 0.5). By hand: medicalPremium.individual 400 a person (from 2024) × 0.5: H06 (脱贫户,
        // 2 people) 2 × 400 × 0.5 = 400.00 → 0; H07 (监测户, 1 person) 400 × 0.5 = 200.00 → 0;
        // together −600.00, both for parameterChanged; no cash changes. H10 (born 2030) is an
        // error on both dates.
        let stop = r#"{ "medicalPremium.paidShare.alleviated": [{ "from": "2026-01-01", "value": "0" }],
            "medicalPremium.paidShare.monitored": [{ "from": "2026-01-01", "value": "0" }] }"#;
        let engine = Engine::new()
            .unwrap()
            .with_overrides(&crate::input::parse(stop, "overrides").unwrap())
            .unwrap();
        let (from, to) = ("2025-12-31", "2026-01-01");
        let mut s = TextScreen::between_dates(
            Cow::Borrowed(&engine),
            COUNTY.into(),
            from,
            to,
            opts(Lang::Zh, false),
        )
        .unwrap();
        let (changed, summary) = compared(&mut s, &engine);
        assert_eq!(
            (summary.households, summary.errors, summary.changed),
            (13, 1, 2)
        );
        let premium = summary
            .programs
            .iter()
            .find(|p| p.program == "medicalPremium");
        let figures = premium.map(|p| (p.losing, p.gaining, p.difference.to_fen_string()));
        assert_eq!(figures, Some((2, 0, "-600.00".to_string())));
        let reasons: Vec<_> = summary
            .reasons
            .iter()
            .map(|r| {
                (
                    r.reason,
                    r.households,
                    r.losing,
                    r.difference.to_fen_string(),
                )
            })
            .collect();
        assert_eq!(reasons, [("parameterChanged", 2, 2, "-600.00".to_string())]);
        let each: Vec<_> = changed
            .iter()
            .map(|h| {
                let p = &h.programs[0];
                (
                    h.household.as_str(),
                    p.program,
                    p.annual_before.to_fen_string(),
                    p.why.clone(),
                )
            })
            .collect();
        assert_eq!(
            each,
            [
                (
                    "H06",
                    "medicalPremium",
                    "400.00".into(),
                    vec!["parameterChanged"]
                ),
                (
                    "H07",
                    "medicalPremium",
                    "200.00".into(),
                    vec!["parameterChanged"]
                ),
            ]
        );
    }

    /// The CSV records of a text, header first.
    fn records(csv: &str) -> Vec<Vec<String>> {
        let mut r = Records::new(csv.as_bytes(), UTF8);
        let mut out = Vec::new();
        while let Some(item) = r.next_item().unwrap() {
            if let super::super::Item::Record(rec) = item {
                out.push(rec.cells);
            }
        }
        out
    }

    /// A money cell as whole fen (empty: 0).
    fn fen_of(cell: &str) -> f64 {
        match cell {
            "" => 0.0,
            c => crate::base::money::Money::parse_input(c, "")
                .unwrap()
                .to_fen()
                .unwrap() as f64,
        }
    }

    #[test]
    fn columns_hold_the_figures_of_the_rows() {
        // The columns of a register, taken 3 households at a time, against the CSV rows of one
        // screen_text call: the same households in the same order, the same figures.
        let engine = Engine::new().unwrap();
        let small_csv = include_str!("../../tests/registers/small.csv");
        let jsonl = include_str!("../../tests/registers/small.jsonl");
        let mut all_errors = 0;
        for text in [COUNTY, small_csv, jsonl] {
            let format = TextFormat::sniff(text.as_bytes());
            let whole =
                screen_text(&engine, text.as_bytes(), AS_OF, text_opts(format, Lang::En)).unwrap();
            let rows = records(&whole.csv);
            let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
            let mut s = TextScreen::new(
                Cow::Borrowed(&engine),
                None,
                text.into(),
                AS_OF,
                opts(Lang::En, false),
            )
            .unwrap();
            let mut all = Vec::new();
            let mut c = RegisterTable::new(true);
            loop {
                let chunk = s.next_into(3, false, Some(&mut c)).unwrap();
                assert!(chunk.csv.is_empty());
                assert_eq!(chunk.rows as usize, c.len());
                all.push(c.clone());
                c.clear();
                if chunk.done {
                    break;
                }
            }
            let mut errors = 0;
            let mut i = 0usize;
            for part in &all {
                let (sc, pl) = (&part.screened, part.places.as_ref().unwrap());
                assert_eq!(sc.start, i);
                for j in 0..part.len() {
                    let row = &rows[i + 1];
                    let cell = |name: &str| row[at(name)].as_str();
                    assert_eq!(sc.ok[j] == 1, cell("ok") == "true", "{i}");
                    let id = Some(cell("household")).filter(|h| !h.is_empty());
                    let reference = Some(cell("ref")).filter(|r| !r.is_empty()).or(id);
                    assert_eq!(sc.refs[j].as_deref(), reference, "{i}");
                    assert_eq!(pl.line[j].to_string(), cell("line"));
                    assert_eq!(pl.last_line[j].to_string(), cell("last_line"));
                    assert_eq!(
                        (
                            pl.household[j].as_str(),
                            pl.town[j].as_str(),
                            pl.village[j].as_str()
                        ),
                        (cell("household"), cell("town"), cell("village"))
                    );
                    if sc.ok[j] == 0 {
                        let e = sc.errors.iter().find(|e| e.index == i).unwrap();
                        assert_eq!(
                            (e.code.as_str(), e.path.as_str()),
                            (cell("error_code"), cell("error_path"))
                        );
                        assert_eq!(output::spreadsheet_safe(&e.message), cell("error_message"));
                        errors += 1;
                    }
                    let category = crate::input::household::Category::ALL
                        .iter()
                        .position(|c| c.as_str() == cell("monitoring_category"))
                        .map_or(0, |k| k + 1);
                    assert_eq!(usize::from(sc.category[j]), category, "{i}");
                    assert_eq!(sc.in_scope[j] == 1, cell("monitoring_in_scope") == "true");
                    for p in &sc.programs {
                        let col = |suffix: &str| {
                            let prog = crate::programs::registry::PROGRAMMES
                                .iter()
                                .find(|q| q.id == p.program)
                                .unwrap();
                            cell(&format!("{}_{suffix}", prog.column)).to_string()
                        };
                        assert_eq!(
                            p.eligible[j] == 1,
                            col("eligible") == "true",
                            "{i} {}",
                            p.program
                        );
                        assert_eq!(
                            p.monthly_fen[j],
                            fen_of(&col("monthly")),
                            "{i} {}",
                            p.program
                        );
                        assert_eq!(p.annual_fen[j], fen_of(&col("annual")), "{i} {}", p.program);
                    }
                    assert_eq!(sc.total_monthly_fen[j], fen_of(cell("total_monthly")));
                    assert_eq!(sc.total_annual_fen[j], fen_of(cell("total_annual")));
                    let alerts: Vec<&str> = cell("alerts")
                        .split(';')
                        .filter(|a| !a.is_empty())
                        .collect();
                    assert_eq!(pl.alerts[j], alert_bits(&alerts), "{i}");
                    i += 1;
                }
            }
            assert_eq!(i as u64, whole.rows);
            assert_eq!(errors, whole.errors);
            all_errors += errors;
        }
        assert!(all_errors > 0, "the registers have errors to compare");
    }
}
