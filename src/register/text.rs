//! A whole register handed over as text and screened in one call (`screenText` in the package):
//! JSON Lines or CSV in (UTF-8), the command-line tool's CSV rows out, with no object per
//! household on either side. The same reading as the tool's (line numbers, household grouping,
//! repeated ids, every line accounted for) on one thread.

use crate::batch::BatchError;
use crate::engine::Engine;
use crate::error::{PolicyError, Result};
use crate::estimate::Transitions;
use crate::input::household;
use crate::input::json::Node;
use crate::input::Obj;
use crate::screening::Screening;
use tsify::Tsify;

use super::output::{self, Identity, Lang};
use super::read::Lines;
use super::{
    household_from_group, locate, place_of, read_header, reference_of, DuplicateIds, Grouper,
    Place, Records, UTF8,
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
    /// JSON Lines when the first character that is not a space or a byte-order mark is `{`.
    pub fn sniff(bytes: &[u8]) -> TextFormat {
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => TextFormat::JsonLines,
            _ => TextFormat::Csv,
        }
    }
}

/// Options of `screenText`: the register's format (sniffed when absent: JSON Lines when it starts
/// with `{`) and the language of the CSV table (`zh`: Chinese column names, and 是/否, categories,
/// tracks and alerts by their Chinese names; figures the same).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
pub struct TextOptions {
    #[tsify(optional, type = "'jsonl' | 'csv'")]
    pub format: Option<TextFormat>,
    #[tsify(optional, type = "'en' | 'zh'")]
    pub headers: Option<Lang>,
}

impl TextOptions {
    pub fn read(node: &Node<'_>) -> Result<TextOptions> {
        let o = Obj::new(node, "opts", "opts", &["format", "headers"])?;
        Ok(TextOptions {
            format: o.choice(
                "format",
                &[("jsonl", TextFormat::JsonLines), ("csv", TextFormat::Csv)],
            )?,
            headers: o.choice("headers", &[("en", Lang::En), ("zh", Lang::Zh)])?,
        })
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

/// Screen every household of `bytes` on `as_of`.
pub fn screen_text(
    engine: &Engine,
    bytes: &[u8],
    as_of: &str,
    format: TextFormat,
    lang: Lang,
) -> Result<ScreenedText> {
    // The date first: a bad one is the call's error, not every row's.
    crate::calendar::parse_date(as_of, "asOf")?;
    let mut out = Out {
        csv: Vec::with_capacity(bytes.len()),
        text: ScreenedText {
            csv: String::new(),
            rows: 0,
            errors: 0,
            lines: 0,
        },
        transitions: Transitions::default(),
        lang,
    };
    out.record(output::header(lang).iter().map(String::as_str));
    match format {
        TextFormat::JsonLines => json_lines(engine, bytes, as_of, &mut out)?,
        TextFormat::Csv => csv(engine, bytes, as_of, &mut out)?,
    }
    // Every cell was a `&str`: the text is UTF-8 (the lossy form is never needed).
    out.text.csv = String::from_utf8(out.csv)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok(out.text)
}

struct Out {
    /// The rows written so far.
    csv: Vec<u8>,
    text: ScreenedText,
    transitions: Transitions,
    lang: Lang,
}

impl Out {
    fn record<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        output::write_record(&mut self.csv, cells);
    }

    /// The row of one household (or of what could not be read as one).
    fn household(
        &mut self,
        engine: &Engine,
        id: &Identity<'_>,
        node: Result<Node<'_>>,
        as_of: &str,
        place: impl Fn(PolicyError) -> PolicyError,
    ) {
        let screening = node
            .and_then(|n| engine.estimate_in_batch(&n, as_of, false, &mut self.transitions))
            .map(|e| Screening::of(&e))
            .map_err(|e| BatchError::from(place(e)));
        self.text.rows = self.text.rows.saturating_add(1);
        if screening.is_err() {
            self.text.errors = self.text.errors.saturating_add(1);
        }
        let row = output::row(id, screening.as_ref(), self.lang);
        self.record(row.iter());
    }
}

fn json_lines(engine: &Engine, bytes: &[u8], as_of: &str, out: &mut Out) -> Result<()> {
    let mut lines = Lines::new(bytes);
    let mut buf = Vec::new();
    while lines.next_line(&mut buf).map_err(read_error)? {
        let line = lines.count;
        let text = match lines.overlong {
            Some(length) => Err(super::read::overlong_message(length)),
            None => std::str::from_utf8(&buf)
                .map_err(|_| "不是 UTF-8 文本（请另存为 UTF-8）".to_string()),
        };
        let node = match text {
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => crate::input::parse(text.trim_end(), "该行"),
            Err(message) => Err(PolicyError::invalid_input("", message).at_line(line)),
        };
        let reference = node.as_ref().ok().and_then(household::reference_of);
        let place = Place {
            region: node
                .as_ref()
                .ok()
                .and_then(|n| n.get("region").and_then(Node::as_str))
                .unwrap_or_default()
                .to_string(),
            ..Place::default()
        };
        let id = Identity {
            household: "",
            reference: reference.as_deref(),
            line,
            last_line: line,
            place: Some(&place),
        };
        out.household(engine, &id, node, as_of, |e| e);
    }
    out.text.lines = lines.count;
    Ok(())
}

fn csv(engine: &Engine, bytes: &[u8], as_of: &str, out: &mut Out) -> Result<()> {
    // First pass: the ids that come back after other households (their households are errors).
    let mut ids = DuplicateIds::default();
    let mut records = Records::new(bytes, UTF8);
    let layout = read_header(&mut records, &mut 0).map_err(header_error)?;
    let mut grouper = Grouper::new(records, layout);
    while let Some(g) = grouper.next_group().map_err(read_error)? {
        if !g.id.is_empty() {
            ids.note(&g.id);
        }
    }
    let mut records = Records::new(bytes, UTF8);
    let layout = read_header(&mut records, &mut 0).map_err(header_error)?;
    let mut grouper = Grouper::new(records, layout.clone());
    while let Some(mut g) = grouper.next_group().map_err(read_error)? {
        if !g.id.is_empty() && ids.repeated(&g.id) {
            g.fail(PolicyError::invalid_input(
                "household_id",
                super::repeated_id_message(&g.id),
            ));
        }
        let reference = reference_of(&layout, &g);
        let place = place_of(&layout, &g);
        let id = Identity {
            household: &g.id,
            reference: reference.as_deref(),
            line: g.first_line,
            last_line: g.last_line,
            place: Some(&place),
        };
        out.household(engine, &id, household_from_group(&layout, &g), as_of, |e| {
            locate(e, &g)
        });
    }
    out.text.lines = grouper.lines_read();
    Ok(())
}

fn read_error(e: std::io::Error) -> PolicyError {
    PolicyError::invalid_input("", format!("读取失败：{e}"))
}

fn header_error(e: PolicyError) -> PolicyError {
    PolicyError::invalid_input("", format!("CSV 表头有误：{}", e.message))
}
