//! The output rows of a register: one per household, columns for every programme of the registry.
//!
//! Cells that echo what the register held (household ids, references, error messages) are made safe
//! for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
//! by Excel as a formula, so it gets a leading `'` (OWASP's advice for CSV injection). Figures the
//! engine wrote are left as they are.

use std::borrow::Cow;

use crate::base::error::BatchError;
use crate::base::money::Money;
use crate::estimate::screening::Screening;
use crate::programs::registry::PROGRAMMES;

/// The language of column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// A cell that a spreadsheet will not read as a formula.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Fixed columns before the programmes: (English, Chinese).
const LEADING: &[(&str, &str)] = &[
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
    ("monitoring_in_scope", "纳入监测范围"),
    ("monitoring_category", "监测类别"),
    ("monitoring_track", "帮扶路径"),
];

const TRAILING: &[(&str, &str)] = &[
    ("total_monthly", "现金帮扶月额"),
    ("total_annual", "现金帮扶年额"),
    ("alerts", "需关注事项"),
    ("unofficial_parameters", "非正式参数个数"),
    ("stale_parameters", "过期参数个数"),
];

/// The three columns of a programme, `(suffix, Chinese suffix)`.
pub const PROGRAMME_SUFFIXES: [(&str, &str); 3] = [
    ("eligible", "符合"),
    ("monthly", "月额"),
    ("annual", "年额"),
];

/// A programme column's name: `dibao_eligible` or `最低生活保障符合`.
pub fn programme_column(p: &crate::programs::registry::Programme, i: usize, lang: Lang) -> String {
    let (en, zh) = PROGRAMME_SUFFIXES.get(i).copied().unwrap_or(("", ""));
    match lang {
        Lang::En => format!("{}_{en}", p.column),
        Lang::Zh => format!("{}{zh}", p.label),
    }
}

/// docs/register.md's table of the programme columns, written from the registry: each programme's
/// three columns, with what its amount is and which columns it leaves empty.
pub fn columns_table() -> String {
    let mut out = String::from("| programme | columns |\n|---|---|\n");
    for p in PROGRAMMES {
        let n = p.notes;
        let kind = n.kind.map(|k| format!(" ({k})")).unwrap_or_default();
        let column = |i: usize, note: Option<&str>| {
            let name = programme_column(p, i, Lang::En);
            note.map_or(format!("`{name}`"), |note| format!("`{name}` ({note})"))
        };
        let cells = [
            column(0, None),
            column(1, n.no_monthly.then_some("always empty")),
            column(2, n.no_annual.then_some("always 0.00")),
        ];
        out.push_str(&format!("| {}{kind} | {} |\n", p.label, cells.join(", ")));
    }
    out
}

/// A yes/no cell: `true`/`false`, or 是/否 in a Chinese table.
pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    match (lang, value) {
        (Lang::En, true) => "true",
        (Lang::En, false) => "false",
        (Lang::Zh, true) => "是",
        (Lang::Zh, false) => "否",
    }
}

/// A column's name, or a value's cell: English (the API's id) or Chinese.
fn name<'a>(pair: &(&'a str, &'a str), lang: Lang) -> &'a str {
    match lang {
        Lang::En => pair.0,
        Lang::Zh => pair.1,
    }
}

/// The columns of the output rows: identity, error, monitoring, then each programme of the
/// registry (`<column>_eligible`, `<column>_monthly`, `<column>_annual`), then the totals.
pub fn header(lang: Lang) -> Vec<String> {
    let mut h: Vec<String> = LEADING.iter().map(|p| name(p, lang).to_string()).collect();
    for p in PROGRAMMES {
        for i in 0..PROGRAMME_SUFFIXES.len() {
            h.push(programme_column(p, i, lang));
        }
    }
    h.extend(TRAILING.iter().map(|p| name(p, lang).to_string()));
    h
}

/// How many columns [`header`] has.
pub fn width() -> usize {
    PROGRAMMES
        .len()
        .saturating_mul(PROGRAMME_SUFFIXES.len())
        .saturating_add(LEADING.len())
        .saturating_add(TRAILING.len())
}

/// One output row, written as the CSV record its cells make: each cell as [`write_record`] writes
/// it (quoted only when it must be), a comma between them. A register has millions of cells: an
/// allocation for each, or a second pass to quote them, cost more than writing them once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cells {
    /// The record so far, without its line break.
    text: Vec<u8>,
    /// How many cells it has.
    count: usize,
}

impl Cells {
    /// A row with room for `bytes` of text.
    fn with_capacity(bytes: usize) -> Cells {
        Cells {
            text: Vec::with_capacity(bytes),
            count: 0,
        }
    }
    /// Start the next cell: a comma after the one before.
    fn open(&mut self) {
        if self.count > 0 {
            self.text.push(b',');
        }
        self.count = self.count.saturating_add(1);
    }
    pub fn push(&mut self, cell: &str) {
        self.open();
        write_cell(&mut self.text, cell);
    }
    /// A cell that echoes input: made safe for spreadsheets.
    pub fn push_safe(&mut self, cell: &str) {
        // Most such cells are empty or a code: only a first byte that [`spreadsheet_safe`] escapes
        // (all ASCII) takes it.
        match cell.as_bytes().first() {
            Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => self.push(&spreadsheet_safe(cell)),
            _ => self.push(cell),
        }
    }
    /// An amount (digits, a point and a sign: never quoted).
    /// A yes or no ([`yes_no`]'s words, which never need quotes).
    pub fn push_yes_no(&mut self, value: bool, lang: Lang) {
        self.open();
        // Natively each word's bytes a constant in its own arm, stored in place: a word chosen
        // first and then copied costs a call. The words are [`yes_no`]'s (a test holds them
        // equal). The module copies the word chosen (fewer bytes).
        #[cfg(target_arch = "wasm32")]
        self.text.extend_from_slice(yes_no(value, lang).as_bytes());
        #[cfg(not(target_arch = "wasm32"))]
        match (lang, value) {
            (Lang::En, true) => self.text.extend_from_slice(b"true"),
            (Lang::En, false) => self.text.extend_from_slice(b"false"),
            (Lang::Zh, true) => self.text.extend_from_slice("是".as_bytes()),
            (Lang::Zh, false) => self.text.extend_from_slice("否".as_bytes()),
        }
    }
    pub fn push_money(&mut self, amount: Money) {
        self.open();
        // Most amounts of a row are zero: written as `fen_text` writes it, without its buffer.
        if amount.is_zero() {
            self.text.extend_from_slice(b"0.00");
            return;
        }
        #[cfg(not(target_arch = "wasm32"))]
        if amount.write_fen(&mut self.text) {
            return;
        }
        self.text.extend_from_slice(amount.fen_text().as_bytes());
    }
    pub fn push_number(&mut self, n: u64) {
        self.open();
        // Digits from the last, into a buffer as long as the longest u64.
        let (mut digits, mut at, mut n) = ([0u8; 20], 20usize, n);
        loop {
            at = at.saturating_sub(1);
            if let Some(d) = digits.get_mut(at) {
                *d = b'0'.wrapping_add((n % 10) as u8);
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        // A byte at a time: a line number's few digits cost less so than a call to copy them.
        for d in digits.get(at..).unwrap_or_default() {
            self.text.push(*d);
        }
    }
    /// One cell of `parts` with `separator` between them (no list or string built for it).
    pub fn push_joined(&mut self, parts: &[&str], separator: &str) {
        let quoted = parts.iter().any(|p| needs_quotes(p)) || needs_quotes(separator);
        if quoted {
            return self.push(&parts.join(separator));
        }
        self.open();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.text.extend_from_slice(separator.as_bytes());
            }
            self.text.extend_from_slice(part.as_bytes());
        }
    }
    /// Empty cells up to `width`.
    pub fn pad(&mut self, width: usize) {
        while self.count < width {
            self.open();
        }
    }
    pub fn len(&self) -> usize {
        self.count
    }
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
    /// The row as one CSV record, with its line break.
    pub fn write_csv(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.text);
        out.push(b'\n');
    }
    /// A row written at the end of `text` (what is there stays as it is, before the row).
    fn after(text: Vec<u8>) -> Cells {
        Cells { text, count: 0 }
    }
    /// The text the row was written after, with the row and its line break.
    fn into_record(mut self) -> Vec<u8> {
        self.text.push(b'\n');
        self.text
    }
}

/// One cell as a CSV record holds it: quoted when it holds a comma, a quote or a line break.
fn write_cell(out: &mut Vec<u8>, cell: &str) {
    if cell.is_empty() {
        // Most cells of a row that are not figures: nothing to write.
    } else if needs_quotes(cell) {
        out.push(b'"');
        out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(cell.as_bytes());
    }
}

/// One CSV record and its line break (`\n`): a cell is quoted only when it must be (it holds a
/// comma, a quote or a line break), as the `csv` crate writes it.
pub fn write_record<'a>(out: &mut Vec<u8>, cells: impl IntoIterator<Item = &'a str>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_cell(out, cell);
    }
    out.push(b'\n');
}

/// Whether a cell must be quoted: it holds a comma, a quote or a line break. Bytes, not
/// characters: the four are ASCII, which no byte of a longer character is.
fn needs_quotes(cell: &str) -> bool {
    cell.bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// Which input a row is about.
#[derive(Clone, Copy, Debug)]
pub struct Identity<'a> {
    /// The CSV household id (empty for JSON Lines).
    pub household: &'a str,
    pub reference: Option<&'a str>,
    pub line: u64,
    pub last_line: u64,
    /// Where the household is, as the input gives it (a register's region, town and village
    /// columns; a JSON household's region), for the estimate's rows.
    pub place: Option<&'a super::Place>,
}

/// The cells every output row starts with: household id, ref, first and last line, then
/// `extra` (made safe for spreadsheets like the rest), then ok and the error's code, path and
/// message (empty when there is none).
pub fn lead_cells(
    id: &Identity<'_>,
    extra: &[&str],
    error: Option<&BatchError>,
    lang: Lang,
) -> Cells {
    lead_cells_after(Cells::with_capacity(512), id, extra, error, lang)
}

/// [`lead_cells`] written after what `row` holds.
fn lead_cells_after(
    mut row: Cells,
    id: &Identity<'_>,
    extra: &[&str],
    error: Option<&BatchError>,
    lang: Lang,
) -> Cells {
    row.push_safe(id.household);
    row.push_safe(id.reference.unwrap_or_default());
    row.push_number(id.line);
    row.push_number(id.last_line);
    extra.iter().for_each(|s| row.push_safe(s));
    match error {
        Some(e) => {
            row.push_yes_no(false, lang);
            row.push_safe(&e.code);
            row.push_safe(&e.path);
            row.push_safe(&e.full_text());
        }
        None => {
            row.push_yes_no(true, lang);
            row.pad(row.len().saturating_add(3));
        }
    }
    row
}

/// One output row, in the order of [`header`], written as a CSV record with its line break at the
/// end of `out` (straight there: no row is built apart and copied). In a Chinese table (`lang` Zh)
/// yes/no cells are 是/否 and categories, tracks and alerts their Chinese labels; figures are the
/// same.
pub fn write_row(
    out: &mut Vec<u8>,
    id: &Identity<'_>,
    outcome: Result<&Screening, &BatchError>,
    lang: Lang,
) {
    let place = id.place.map_or(["", "", ""], |p| {
        [p.region.as_str(), p.town.as_str(), p.village.as_str()]
    });
    let text = std::mem::take(out);
    let mut row = lead_cells_after(Cells::after(text), id, &place, outcome.err(), lang);
    match outcome {
        Err(_) => row.pad(width()),
        Ok(s) => {
            row.push_yes_no(s.monitoring.in_scope, lang);
            row.push(
                s.monitoring
                    .category
                    .map(|c| name(&(c.as_str(), c.label()), lang))
                    .unwrap_or_default(),
            );
            row.push(
                s.monitoring
                    .track
                    .map(|t| name(&(t.as_str(), t.label()), lang))
                    .unwrap_or_default(),
            );
            for (i, p) in PROGRAMMES.iter().enumerate() {
                match s.program_at(i, p.id) {
                    Some(r) => {
                        row.push_yes_no(r.eligible, lang);
                        match r.monthly {
                            Some(m) => row.push_money(m),
                            None => row.push(""),
                        }
                        row.push_money(r.annual);
                    }
                    None => row.pad(row.len().saturating_add(3)),
                }
            }
            row.push_money(s.total_monthly);
            row.push_money(s.total_annual);
            let alerts: Vec<&str> = s
                .alerts
                .iter()
                .map(|id| {
                    let label = crate::estimate::alerts::ALERTS
                        .iter()
                        .find(|(a, ..)| a == id)
                        .map_or(*id, |(_, label, _)| *label);
                    name(&(id, label), lang)
                })
                .collect();
            row.push_joined(&alerts, ";");
            row.push_number(u64::try_from(s.unofficial.len()).unwrap_or(u64::MAX));
            row.push_number(u64::try_from(s.stale.len()).unwrap_or(u64::MAX));
        }
    }
    *out = row.into_record();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yes_no_cell_is_the_word_yes_no_gives() {
        for lang in [Lang::En, Lang::Zh] {
            for value in [true, false] {
                let mut row = Cells::default();
                row.push("a");
                row.push_yes_no(value, lang);
                assert_eq!(row.text, format!("a,{}", yes_no(value, lang)).as_bytes());
            }
        }
    }

    #[test]
    fn docs_register_md_lists_the_columns_of_the_registry() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/register.md");
        let doc = std::fs::read_to_string(path).unwrap_or_default();
        let start = doc.find("| programme | columns |").unwrap_or(doc.len());
        let end = doc[start..]
            .find("\n\n")
            .map_or(doc.len(), |e| start + e + 1);
        let table = columns_table();
        assert!(table.contains("| 临时救助 (one-off) | `temporary_eligible`, `temporary_monthly` (always empty), `temporary_annual` |"));
        if doc.get(start..end) != Some(table.as_str()) {
            // Write it, so the diff shows in the commit; the test still fails until it is kept.
            let mut fixed = doc.clone();
            fixed.replace_range(start..end, &table);
            std::fs::write(path, fixed).unwrap();
            panic!(
                "docs/register.md's column table was out of date and has been rewritten: commit it"
            );
        }
    }

    #[test]
    fn formulas_are_escaped() {
        for s in ["=1+2", "+86", "-3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(s), format!("'{s}"));
        }
        assert_eq!(spreadsheet_safe("H-1"), "H-1");
    }

    #[test]
    fn records_are_written_as_the_csv_crate_writes_them() {
        let cells = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r",
            "人均 441.00",
            " space ",
            "'=1",
        ];
        let mut ours = Vec::new();
        write_record(&mut ours, cells);
        write_record(&mut ours, ["", "x"]);
        let mut theirs = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        theirs.write_record(cells).unwrap();
        theirs.write_record(["", "x"]).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs.into_inner().unwrap()).unwrap()
        );
    }

    #[test]
    fn cells_are_written_as_their_record() {
        // Rows whose cells need no quotes, and rows with one that does, anywhere.
        let rows: [&[&str]; 5] = [
            &["a", "", "0.00", "人均 441.00", ""],
            &["", ""],
            &["x", "a,b", "y"],
            &["say \"hi\"", "line\nbreak", "cr\r"],
            &["only"],
        ];
        for row in rows {
            let mut cells = Cells::default();
            row.iter().for_each(|c| cells.push(c));
            let (mut ours, mut record) = (Vec::new(), Vec::new());
            cells.write_csv(&mut ours);
            write_record(&mut record, row.iter().copied());
            assert_eq!(ours, record, "{row:?}");
        }
    }

    #[test]
    fn cells_keep_their_boundaries() {
        let mut cells = Cells::default();
        cells.push("a");
        cells.push("");
        cells.push_safe("=x");
        cells.push_number(42u64);
        cells.push_money(Money::from_decimal(rust_decimal::Decimal::new(-5, 1)));
        cells.push_number(0);
        cells.push_number(u64::MAX);
        cells.push_joined(&["x", "y"], ";");
        cells.push_joined(&["x", "y,z"], ";");
        cells.push_joined(&[], ";");
        cells.pad(13);
        assert_eq!(cells.len(), 13);
        let mut ours = Vec::new();
        cells.write_csv(&mut ours);
        let cells = [
            "a",
            "",
            "'=x",
            "42",
            "-0.50",
            "0",
            "18446744073709551615",
            "x;y",
            "x;y,z",
            "",
            "",
            "",
            "",
        ];
        let mut record = Vec::new();
        write_record(&mut record, cells);
        assert_eq!(String::from_utf8(ours), String::from_utf8(record));
    }

    #[test]
    fn headers_have_the_same_width_in_both_languages() {
        assert_eq!(header(Lang::En).len(), header(Lang::Zh).len());
        assert_eq!(header(Lang::En).len(), width());
        assert!(header(Lang::Zh).contains(&"最低生活保障年额".to_string()));
    }
}
