//! Reading a register's text: physical lines (LF, CRLF or a lone CR, numbered as an editor numbers
//! them), decoded one by one, and CSV records cut from them strictly.
//!
//! Why not the `csv` crate: its flexible mode reads a row with too many or too few cells without a
//! word, one unclosed quote swallows the rest of the file into a single cell, and its line numbers
//! are one short under CRLF. Here a quoted cell may span lines (Excel writes Alt+Enter that way), but
//! only when the record it belongs to then closes properly with the header's number of cells within
//! [`MAX_SPAN_LINES`] lines; otherwise the line that opened the quote is an error on its own and
//! reading resumes at the next line, so one stray quote costs one line, never the rest of the file.

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// The most physical lines one quoted cell may span before its quote counts as unclosed.
pub const MAX_SPAN_LINES: usize = 32;

/// A line's text once decoded, or `None` when its bytes are not text in the file's encoding.
pub type Decode = fn(&[u8]) -> Option<String>;

/// How the lines of a file are decoded: the function and the encoding's name for messages.
#[derive(Clone, Copy)]
pub struct Encoding {
    pub decode: Decode,
    /// `UTF-8`, `GBK`.
    pub name: &'static str,
    /// What to do about a line that is not text in it (Chinese).
    pub advice: &'static str,
}

/// UTF-8, the default encoding. (The command-line tool gives its own advice: `--encoding gbk`.)
pub const UTF8: Encoding = Encoding {
    decode: decode_utf8,
    name: "UTF-8",
    advice: "请另存为 UTF-8：Excel 中选“CSV UTF-8（逗号分隔）”",
};

/// UTF-8, the default.
pub fn decode_utf8(bytes: &[u8]) -> Option<String> {
    std::str::from_utf8(bytes).ok().map(str::to_string)
}

/// The longest line kept, in bytes. A household's line is a few kilobytes: a longer one is not a
/// register's (a corrupt file, a stray binary) and is reported as its line's error, unread.
pub const MAX_LINE: usize = 1 << 20;

/// The longest cell of a CSV record, in bytes (a cell over it is its record's error).
pub const MAX_CELL: usize = 64 << 10;

/// How far an overlong line is skipped looking for its end before reading stops altogether: past
/// it, the input is not a register at all (`/dev/zero`, a disk image) and goes on without end.
pub const MAX_SKIPPED: u64 = 64 << 20;

/// Physical lines of a byte stream, numbered from 1. A line ends at LF, CRLF or a lone CR (what
/// Excel for Mac writes); the terminator is not part of the line. A byte-order mark at the very
/// start is dropped. Memory is bounded: at most [`MAX_LINE`] bytes of a line are kept.
pub struct Lines<R> {
    input: R,
    /// Lines returned so far (the number of the last one).
    pub count: u64,
    /// Bytes consumed so far (for progress).
    pub bytes: u64,
    /// The length in bytes of the last line returned when it was longer than [`MAX_LINE`] (only
    /// its first [`MAX_LINE`] bytes were kept).
    pub overlong: Option<u64>,
    /// Whether the last line returned ended with a line break (the input's last line may not: a
    /// file cut short ends in the middle of a line).
    pub terminated: bool,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines {
            input,
            count: 0,
            bytes: 0,
            overlong: None,
            terminated: true,
        }
    }

    /// The next line into `buf` (cleared first); `false` at the end of the input. A line still
    /// without an end after [`MAX_SKIPPED`] bytes is an error (`InvalidData`).
    pub fn next_line(&mut self, buf: &mut Vec<u8>) -> io::Result<bool> {
        buf.clear();
        let mut length = 0u64;
        let mut any = false;
        loop {
            let available = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                if any {
                    self.terminated = false;
                    self.finish_line(buf, length);
                }
                return Ok(any);
            }
            any = true;
            let end = line_end(available);
            let part = available
                .get(..end.unwrap_or(available.len()))
                .unwrap_or_default();
            let room = MAX_LINE.saturating_sub(buf.len()).min(part.len());
            buf.extend_from_slice(part.get(..room).unwrap_or_default());
            let n = part.len();
            length = length.saturating_add(n as u64);
            let cr = end.is_some_and(|e| available.get(e) == Some(&b'\r'));
            if length > MAX_SKIPPED {
                return Err(endless_line(self.count.saturating_add(1)));
            }
            let Some(_) = end else {
                self.consume(n);
                continue;
            };
            self.consume(n.saturating_add(1));
            if cr {
                // CRLF: the LF belongs to this line's end (it may be in the next buffer).
                let next = loop {
                    match self.input.fill_buf() {
                        Ok(b) => break b.first().copied(),
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                };
                if next == Some(b'\n') {
                    self.consume(1);
                }
            }
            self.terminated = true;
            self.finish_line(buf, length);
            return Ok(true);
        }
    }

    fn consume(&mut self, n: usize) {
        self.input.consume(n);
        self.bytes = self.bytes.saturating_add(n as u64);
    }

    fn finish_line(&mut self, buf: &mut Vec<u8>, length: u64) {
        self.count = self.count.saturating_add(1);
        self.overlong = (length > MAX_LINE as u64).then_some(length);
        if self.count == 1 && buf.starts_with("\u{feff}".as_bytes()) {
            buf.drain(..3);
        }
    }
}

/// Where the first line break (`\n` or `\r`) of `bytes` is. The command-line tool searches with
/// the processor's vector instructions (`memchr`), a tenth of the instructions of eight bytes at a
/// time; the module, without that crate, eight bytes at a time.
fn line_end(bytes: &[u8]) -> Option<usize> {
    #[cfg(feature = "cli")]
    return memchr::memchr2(b'\n', b'\r', bytes);
    #[cfg(not(feature = "cli"))]
    crate::base::bytes::position(
        bytes,
        |w| crate::base::bytes::has(w, b'\n') || crate::base::bytes::has(w, b'\r'),
        |b| b == b'\n' || b == b'\r',
    )
}

/// The first line of `input` that is not UTF-8, with its number and bytes; `None` when every line
/// is (a line over [`MAX_LINE`], or one without an end, is left to the reading proper to report).
/// A register is refused as a whole when one line is not UTF-8: a GBK file may have lines whose
/// bytes happen to be UTF-8 too (母 in GBK is `ĸ`), so such a line cannot be told from a stray one.
pub fn first_line_not_utf8<R: BufRead>(input: R) -> Option<(u64, Vec<u8>)> {
    let mut lines = Lines::new(input);
    let mut buf = Vec::new();
    while let Ok(true) = lines.next_line(&mut buf) {
        if lines.overlong.is_none() && std::str::from_utf8(&buf).is_err() {
            return Some((lines.count, buf));
        }
    }
    None
}

/// Whether the whole of `input` is UTF-8 text, read in blocks: the quick test a register passes
/// before its lines are looked at one by one ([`first_line_not_utf8`], for the line to name). A
/// text is UTF-8 as a whole exactly when each of its lines is, line breaks being ASCII. `false`
/// too when the input cannot be read to its end (the reading proper says why).
pub fn all_utf8<R: Read>(mut input: R) -> bool {
    let mut block = vec![0u8; 1 << 16];
    // Bytes of a character cut by the block's end, carried to the front of the next block.
    let mut carried = 0usize;
    loop {
        let Some(room) = block.get_mut(carried..) else {
            return false;
        };
        let read = match input.read(room) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        if read == 0 {
            return carried == 0;
        }
        let filled = carried.saturating_add(read);
        let Some(text) = block.get(..filled) else {
            return false;
        };
        carried = match std::str::from_utf8(text) {
            Ok(_) => 0,
            Err(e) if e.error_len().is_none() => {
                block.copy_within(e.valid_up_to()..filled, 0);
                filled.saturating_sub(e.valid_up_to())
            }
            Err(_) => return false,
        };
    }
}

/// A register that could not be read further, as an officer's message: the readers' own errors
/// ([`endless_line`]) carry their Chinese text; any other (a file the system stops reading, natively)
/// says so without the system's English. Not `io::Error`'s own text: its wording table would be
/// linked into the module for errors an in-memory register cannot have.
pub fn read_problem(e: io::Error) -> crate::base::error::PolicyError {
    let detail = e
        .into_inner()
        .map_or_else(|| "文件无法继续读取".to_string(), |inner| inner.to_string());
    crate::base::error::PolicyError::invalid_input("", format!("读取失败：{detail}"))
}

/// The error of line `line` still without an end after [`MAX_SKIPPED`] bytes.
pub fn endless_line(line: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        Stopped(format!(
            "第 {line} 行超过 {} MB 仍未结束：这不是花名册（文件损坏，或读错了文件），已停止读取",
            MAX_SKIPPED >> 20
        )),
    )
}

/// Why a reader stopped, in Chinese, as its `io::Error` carries it. Not a `String` made into an
/// error: that one's `Debug`, which the module keeps in its table of functions, escapes text through
/// the standard library's `char::escape_debug` and its panic path; this one writes the text as it is.
struct Stopped(String);

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Debug for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stopped {}

/// Why a line over [`MAX_LINE`] (of `length` bytes) was not read.
pub fn overlong_message(length: u64) -> String {
    format!(
        "这一行有 {length} 字节，超过一行的上限（{} MB）：一户的数据不会这么长，文件可能损坏，这一行未读取",
        MAX_LINE >> 20
    )
}

/// One CSV record: its cells and the physical lines it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub first_line: u64,
    pub last_line: u64,
    pub cells: Vec<String>,
    /// Why the record cannot be trusted (unclosed quote, text after a closing quote, not text in
    /// the file's encoding), in Chinese; its cells are then what could be read, for its id.
    pub problem: Option<String>,
}

/// What one step of the reader yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// An empty line, or one of separators only (`,,,,` as spreadsheets write empty rows).
    Blank(u64),
    Record(Record),
}

/// How a line's text left the record being parsed.
enum Parsed {
    /// The record ended with the line.
    Complete,
    /// A quoted cell is still open at the end of the line.
    Open,
    /// Text after a closing quote (`"abc"d`): the message.
    Malformed(String),
}

/// Parse `text` into `cells`, continuing the last cell when `open` (inside quotes).
fn parse_into(text: &str, cells: &mut Vec<String>, open: bool) -> Parsed {
    let mut chars = text.chars().peekable();
    let mut in_quotes = open;
    // Whether the current cell started with a quote (then only `"` `""` `,` may follow it).
    let mut quoted = open;
    let mut after_quote = false;
    if !open {
        cells.push(String::new());
    }
    while let Some(c) = chars.next() {
        let Some(cell) = cells.last_mut() else {
            return Parsed::Malformed("内部错误：无单元格".into());
        };
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    in_quotes = false;
                    after_quote = true;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            ',' => {
                cells.push(String::new());
                quoted = false;
                after_quote = false;
            }
            '"' if cell.trim().is_empty() && !quoted => {
                // A quote opening the cell (spaces before it are dropped, as Excel reads them).
                cell.clear();
                in_quotes = true;
                quoted = true;
            }
            c if after_quote => {
                if c.is_whitespace() {
                    continue;
                }
                return Parsed::Malformed(format!(
                    "第 {} 格：引号外还有文字“{c}”（单元格中的引号应写作两个引号）",
                    cells.len()
                ));
            }
            c => cell.push(c),
        }
    }
    if in_quotes {
        Parsed::Open
    } else {
        Parsed::Complete
    }
}

/// Whether a record's cells are all empty (a blank line, or `,,,` with nothing between).
fn all_blank(text: &str) -> bool {
    text.chars().all(|c| c == ',' || c.is_whitespace())
}

/// A line as read ahead.
enum LineText {
    Text(String),
    /// Bytes that are not text in the file's encoding.
    NotText(Vec<u8>),
    /// The first [`MAX_LINE`] bytes of a line over it, and its length.
    Overlong(Vec<u8>, u64),
}

/// A record with every cell over [`MAX_CELL`] cut to its start, and the first such cell its
/// problem (unless it has one already).
fn capped(item: Item) -> Item {
    let Item::Record(mut r) = item else {
        return item;
    };
    for (i, cell) in r.cells.iter_mut().enumerate() {
        if cell.len() <= MAX_CELL {
            continue;
        }
        let length = cell.len();
        let mut end = MAX_CELL;
        while !cell.is_char_boundary(end) {
            end = end.saturating_sub(1);
        }
        cell.truncate(end);
        r.problem.get_or_insert_with(|| {
            format!(
                "第 {} 格有 {length} 字节，超过一格的上限（{} KB），未读取",
                i.saturating_add(1),
                MAX_CELL >> 10
            )
        });
    }
    Item::Record(r)
}

/// CSV records from lines, with a look-ahead for quoted cells that span lines.
pub struct Records<R> {
    lines: Lines<R>,
    encoding: Encoding,
    /// Lines read ahead, with their number.
    ahead: VecDeque<(u64, LineText)>,
    /// The number of cells a record must have for a multi-line record to be accepted (the header's);
    /// `None` while reading the header.
    pub width: Option<usize>,
    buf: Vec<u8>,
}

impl<R> Records<R> {
    /// The input, to be read again (the register's reader reads a CSV file twice).
    pub fn into_inner(self) -> R {
        self.lines.input
    }
}

impl<R: BufRead> Records<R> {
    pub fn new(input: R, encoding: Encoding) -> Self {
        Records {
            lines: Lines::new(input),
            encoding,
            ahead: VecDeque::new(),
            width: None,
            buf: Vec::new(),
        }
    }

    /// Physical lines read so far, including those read ahead.
    pub fn lines_read(&self) -> u64 {
        self.lines.count
    }

    /// Bytes consumed so far.
    pub fn bytes_read(&self) -> u64 {
        self.lines.bytes
    }

    /// Whether the input's last line ended with a line break (true until the end is reached).
    pub fn terminated(&self) -> bool {
        self.lines.terminated
    }

    /// Make sure at least `n` lines are read ahead (fewer at the end of the input).
    fn fill(&mut self, n: usize) -> io::Result<()> {
        while self.ahead.len() < n {
            if !self.lines.next_line(&mut self.buf)? {
                break;
            }
            let text = match self.lines.overlong {
                Some(length) => LineText::Overlong(self.buf.clone(), length),
                None => match (self.encoding.decode)(&self.buf) {
                    Some(text) => LineText::Text(text),
                    None => LineText::NotText(self.buf.clone()),
                },
            };
            self.ahead.push_back((self.lines.count, text));
        }
        Ok(())
    }

    /// The next blank line or record; `None` at the end of the input.
    pub fn next_item(&mut self) -> io::Result<Option<Item>> {
        self.fill(1)?;
        let Some((line, text)) = self.ahead.pop_front() else {
            return Ok(None);
        };
        let (bytes, problem) = match text {
            LineText::Text(text) => return self.record(line, text).map(|r| Some(capped(r))),
            LineText::NotText(bytes) => (
                bytes,
                format!(
                    "不是 {} 文本（{}）",
                    self.encoding.name, self.encoding.advice
                ),
            ),
            LineText::Overlong(bytes, length) => (bytes, overlong_message(length)),
        };
        // Read what can be read (the household id is usually plain ASCII, in a first column).
        let lossy = String::from_utf8_lossy(&bytes).into_owned();
        let mut cells = Vec::new();
        parse_into(&lossy, &mut cells, false);
        Ok(Some(capped(Item::Record(Record {
            first_line: line,
            last_line: line,
            cells,
            problem: Some(problem),
        }))))
    }

    /// The blank line or record that starts with line `line`, of text `text`.
    fn record(&mut self, line: u64, text: String) -> io::Result<Item> {
        if all_blank(&text) {
            return Ok(Item::Blank(line));
        }
        let mut cells = Vec::new();
        let problem = match parse_into(&text, &mut cells, false) {
            Parsed::Complete => None,
            Parsed::Malformed(m) => Some(m),
            Parsed::Open => match self.span(&mut cells)? {
                Some(last) => {
                    return Ok(Item::Record(Record {
                        first_line: line,
                        last_line: last,
                        cells,
                        problem: None,
                    }))
                }
                None => {
                    cells.clear();
                    parse_into(&text, &mut cells, false);
                    Some("引号未闭合（该行的引号没有配对，单元格中的引号应写作两个引号）".into())
                }
            },
        };
        Ok(Item::Record(Record {
            first_line: line,
            last_line: line,
            cells,
            problem,
        }))
    }

    /// A quoted cell open at the end of the first line: take following lines into it while the
    /// record can still close properly. `Some(last line)` when it did (the lines are consumed),
    /// `None` when not (nothing consumed; `cells` is then to be discarded).
    fn span(&mut self, cells: &mut Vec<String>) -> io::Result<Option<u64>> {
        self.fill(MAX_SPAN_LINES)?;
        let mut taken = 0usize;
        let mut last = None;
        for (line, text) in self.ahead.iter().take(MAX_SPAN_LINES) {
            let LineText::Text(text) = text else {
                return Ok(None);
            };
            taken = taken.saturating_add(1);
            if let Some(cell) = cells.last_mut() {
                cell.push('\n');
            }
            match parse_into(text, cells, true) {
                Parsed::Open => continue,
                Parsed::Malformed(_) => return Ok(None),
                Parsed::Complete => {
                    last = Some(*line);
                    break;
                }
            }
        }
        let Some(last) = last else { return Ok(None) };
        if self.width.is_some_and(|w| w != cells.len()) {
            return Ok(None);
        }
        self.ahead.drain(..taken);
        Ok(Some(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_problem_is_said_in_chinese_without_the_system_wording() {
        let ours = read_problem(endless_line(3));
        assert_eq!(
            ours.message,
            "读取失败：第 3 行超过 64 MB 仍未结束：这不是花名册（文件损坏，或读错了文件），已停止读取"
        );
        // The command-line tool says the error as the reader wrote it.
        let native = endless_line(3);
        assert_eq!(
            format!("{native}"),
            ours.message.replacen("读取失败：", "", 1)
        );
        assert_eq!(native.kind(), io::ErrorKind::InvalidData);
        let system = read_problem(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(system.message, "读取失败：文件无法继续读取");
    }

    #[test]
    fn a_text_is_all_utf8_when_each_of_its_lines_is() {
        // A reader that hands out one byte at a time cuts every character between two reads.
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(1);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let utf8 = "\u{feff}户编号,出生日期\r\n老人,1950-01-01\n".as_bytes();
        let mut gbk = utf8.to_vec();
        gbk.extend_from_slice(&[0xc0, 0xcf, 0xb0, 0xe9, b'\n']); // 老伴 in GBK
        let mut long = "老".repeat(30_000).into_bytes(); // characters across 64 KB blocks
        assert!(all_utf8(utf8) && all_utf8(Trickle(utf8)));
        assert!(all_utf8(long.as_slice()) && all_utf8(&b""[..]));
        assert!(!all_utf8(gbk.as_slice()) && !all_utf8(Trickle(&gbk)));
        long.pop(); // the last character cut short at the end of the text
        assert!(!all_utf8(long.as_slice()) && !all_utf8(Trickle(&long)));
        for text in [utf8, &gbk[..], &long[..]] {
            assert_eq!(all_utf8(text), first_line_not_utf8(text).is_none());
        }
    }

    fn items(text: &[u8]) -> Vec<Item> {
        let mut r = Records::new(text, UTF8);
        r.width = Some(3);
        let mut out = Vec::new();
        while let Some(i) = r.next_item().unwrap() {
            out.push(i);
        }
        out
    }

    fn rec(first: u64, last: u64, cells: &[&str], problem: bool) -> (u64, u64, Vec<String>, bool) {
        (
            first,
            last,
            cells.iter().map(|s| s.to_string()).collect(),
            problem,
        )
    }

    fn records(text: &[u8]) -> Vec<(u64, u64, Vec<String>, bool)> {
        items(text)
            .into_iter()
            .filter_map(|i| match i {
                Item::Record(r) => Some((r.first_line, r.last_line, r.cells, r.problem.is_some())),
                Item::Blank(_) => None,
            })
            .collect()
    }

    #[test]
    fn line_numbers_under_every_line_ending() {
        for sep in ["\n", "\r\n", "\r"] {
            let text = format!("a,b,c{sep}d,e,f{sep}{sep}g,h,i");
            let got = items(text.as_bytes());
            assert_eq!(got.len(), 4, "{sep:?}");
            assert_eq!(got[2], Item::Blank(3));
            match &got[3] {
                Item::Record(r) => assert_eq!((r.first_line, r.cells.len()), (4, 3)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn quotes_and_multi_line_cells() {
        assert_eq!(
            records(b"\"a,1\",\"say \"\"hi\"\"\",c\n"),
            [rec(1, 1, &["a,1", "say \"hi\"", "c"], false)]
        );
        // Alt+Enter in Excel: a quoted cell over two lines, CRLF rows.
        assert_eq!(
            records(b"x,\"two\nlines\",z\r\nd,e,f\r\n"),
            [
                rec(1, 2, &["x", "two\nlines", "z"], false),
                rec(3, 3, &["d", "e", "f"], false)
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_costs_its_line_only() {
        let got = records(b"A,\"m1,1980\nB,m2,1990\nC,m3,2000\n");
        assert_eq!(
            got,
            [
                rec(1, 1, &["A", "m1,1980"], true),
                rec(2, 2, &["B", "m2", "1990"], false),
                rec(3, 3, &["C", "m3", "2000"], false)
            ]
        );
        // A quote that "closes" on a later line with the wrong number of cells is not a cell.
        let got = records(b"A,\"x,1\nB,\"y\",2\n");
        assert!(got[0].3);
        assert_eq!(got[1], rec(2, 2, &["B", "y", "2"], false));
        // Text after a closing quote.
        assert!(records(b"\"a\"b,c,d\n")[0].3);
    }

    #[test]
    fn separators_only_are_blank_and_bytes_not_text_are_a_problem() {
        assert_eq!(items(b",,\n"), [Item::Blank(1)]);
        let got = records(b"A,\xc0\xcf,1\nB,x,2\n");
        assert_eq!(got[0].2[0], "A");
        assert!(got[0].3);
        assert!(!got[1].3);
    }

    #[test]
    fn an_overlong_line_is_kept_in_part_and_reported() {
        let long = "x".repeat(MAX_LINE + 10);
        let text = format!("a\n{long}\nb");
        let mut lines = Lines::new(text.as_bytes());
        let mut buf = Vec::new();
        assert!(lines.next_line(&mut buf).unwrap());
        assert_eq!((lines.overlong, lines.terminated), (None, true));
        assert!(lines.next_line(&mut buf).unwrap());
        assert_eq!(
            (buf.len(), lines.overlong),
            (MAX_LINE, Some(long.len() as u64))
        );
        // The last line has no line break: the input may have been cut off there.
        assert!(lines.next_line(&mut buf).unwrap());
        assert_eq!(
            (buf.as_slice(), lines.overlong, lines.terminated),
            (&b"b"[..], None, false)
        );
        assert!(!lines.next_line(&mut buf).unwrap());
        // A line without end is an error, not a wait for ever or memory without end.
        let endless = std::io::Read::take(std::io::repeat(b'0'), MAX_SKIPPED + 10);
        let mut lines = Lines::new(std::io::BufReader::new(endless));
        let e = lines.next_line(&mut buf).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(buf.len() <= MAX_LINE);
    }

    #[test]
    fn an_overlong_record_or_cell_is_its_record_s_problem() {
        let cell = "9".repeat(MAX_CELL + 1);
        let line = "9".repeat(MAX_LINE + 1);
        let text = format!("A,{cell},1\nB,{line}\nC,c,3\n");
        let got = items(text.as_bytes());
        let problem = |i: usize| match &got[i] {
            Item::Record(r) => (r.cells[0].clone(), r.cells[1].len(), r.problem.clone()),
            other => panic!("{other:?}"),
        };
        let (id, len, p) = problem(0);
        assert_eq!((id.as_str(), len), ("A", MAX_CELL));
        assert!(p.unwrap().starts_with("第 2 格有 65537 字节"));
        let (id, len, p) = problem(1);
        assert_eq!((id.as_str(), len), ("B", MAX_CELL));
        assert!(p.unwrap().contains("超过一行的上限"));
        assert_eq!(problem(2).2, None);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(
            records("\u{feff}a,b,c\r\n".as_bytes()),
            [rec(1, 1, &["a", "b", "c"], false)]
        );
    }
}
