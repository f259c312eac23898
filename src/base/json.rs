//! A strict JSON reader for inputs: the text is parsed once into a tree that borrows from it.
//!
//! Why not `serde_json::Value`: a value there keeps the last of two equal keys (`"value":"441",
//! "value":"9999"` silently reads 9999), turns numbers into floats (`100.0000000000000001` becomes
//! `100`), and refuses a whole batch for one lone surrogate. Here numbers keep their exact text,
//! duplicate keys are found by the readers (each at its own path, so one bad household of a batch
//! is that household's error), and a string holding a lone surrogate (`"\ud840"`, what
//! `JSON.stringify('𠀀'.slice(0, 1))` writes) is kept as an invalid string for the reader to refuse
//! at its path.
//!
//! Syntax errors name the line and column. Nesting deeper than [`MAX_DEPTH`] is refused, so hostile
//! input cannot exhaust the stack.

use std::borrow::Cow;

use super::json_number::{self, Num};

/// The deepest nesting accepted (a household is 4 levels deep; a batch adds one).
pub const MAX_DEPTH: usize = 64;

/// A JSON value, borrowing its text from the input where it can.
#[derive(Clone, Debug, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    /// The number exactly as written (`-12.50`, `1e21`): readers decide what it may be.
    Number(Cow<'a, str>),
    /// `None` when the string held a lone surrogate (it has no UTF-8 form).
    String(Option<Cow<'a, str>>),
    Array(Vec<Node<'a>>),
    /// Members in the order written, duplicates kept (see [`Node::duplicate_key`]).
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// Where the text stopped being JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    /// Chinese, e.g. `此处应为“,”或“}”`.
    pub message: &'static str,
}

impl<'a> Node<'a> {
    /// The kind in Chinese, for messages: 字符串, 数字 …
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "布尔值",
            Node::Number(_) => "数字",
            Node::String(_) => "字符串",
            Node::Array(_) => "数组",
            Node::Object(_) => "对象",
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }
    /// The string, when this is a valid one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(Some(s)) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn entries(&self) -> Option<&[(Cow<'a, str>, Node<'a>)]> {
        match self {
            Node::Object(members) => Some(members),
            _ => None,
        }
    }
    /// The first member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.entries()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    /// The first key an object has twice (objects are small: a quadratic scan is the fastest).
    pub fn duplicate_key(&self) -> Option<&str> {
        let members = self.entries()?;
        members.iter().enumerate().find_map(|(i, (k, _))| {
            members
                .get(..i)
                .is_some_and(|before| before.iter().any(|(b, _)| b == k))
                .then_some(k.as_ref())
        })
    }
    /// A number that is a whole, non-negative integer fitting in `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Node::Number(t) if t.bytes().all(|b| b.is_ascii_digit()) => t.parse().ok(),
            _ => None,
        }
    }
}

/// A value written as `serde_json` writes its own `Value`: an object's keys sorted, the last of
/// equal keys kept; a number as `serde_json::Number` reads it (so `1.50` is written `1.5`, as
/// before), `null` for one it cannot hold; a lone-surrogate string as the replacement character.
/// Written in place: the tree is not copied into an owned, sorted one first.
impl serde::Serialize for Node<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Node::Null => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Number(t) => match json_number::read(t) {
                Some(Num::U64(n)) => s.serialize_u64(n),
                Some(Num::I64(n)) => s.serialize_i64(n),
                Some(Num::F64(n)) => s.serialize_f64(n),
                None => s.serialize_unit(),
            },
            Node::String(t) => s.serialize_str(t.as_deref().unwrap_or("\u{FFFD}")),
            Node::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Object(members) => {
                let key = |i: usize| members.get(i).map(|(k, _)| k.as_ref());
                // Stable: of equal keys the last written comes last in its run, and is kept.
                let order = crate::base::sort::order_by(members.len(), &|a, b| key(a).cmp(&key(b)));
                let mut map = s.serialize_map(None)?;
                for (i, at) in order.iter().enumerate() {
                    let later = order.get(i.saturating_add(1)).map(|next| key(*next));
                    match members.get(*at) {
                        Some((k, v)) if later != Some(Some(k.as_ref())) => {
                            map.serialize_entry(k, v)?;
                        }
                        _ => {}
                    }
                }
                map.end()
            }
        }
    }
}

/// Parse a whole text (surrounding whitespace allowed, nothing else after the value).
pub fn parse(text: &str) -> Result<Node<'_>, SyntaxError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_space();
    let node = p.value(0)?;
    p.skip_space();
    if p.pos < p.bytes.len() {
        return Err(p.error("值之后还有多余的内容"));
    }
    Ok(node)
}

/// Whether a byte ends a run of a string's plain content: `"`, `\\` or a control character.
const fn is_stop(b: u8) -> bool {
    matches!(b, b'"' | b'\\' | 0..=0x1f)
}

/// [`is_stop`] for every byte, in the native tool: a load a byte instead of three tests. The
/// module keeps the tests (the table would be 256 of its bytes).
/// Built at compile time, where an index out of range would fail the build, not a run.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::indexing_slicing)]
const STOPS: [bool; 256] = {
    let mut table = [false; 256];
    let mut b: u8 = 0;
    loop {
        table[b as usize] = is_stop(b);
        if b == u8::MAX {
            break table;
        }
        b = b.wrapping_add(1);
    }
};

/// Where the JSON number that starts at `start` ends, or the place and the message of what is
/// wrong with it. The tree's parser and the command-line tool's plain-line reader both scan
/// numbers with it.
#[inline(always)]
pub(crate) fn number_end(bytes: &[u8], start: usize) -> Result<usize, (usize, &'static str)> {
    let at = |i: usize| bytes.get(i).copied();
    let digits = |mut i: usize| {
        while matches!(at(i), Some(b'0'..=b'9')) {
            i = i.saturating_add(1);
        }
        i
    };
    let mut i = start;
    if at(i) == Some(b'-') {
        i = i.saturating_add(1);
    }
    i = match at(i) {
        Some(b'0') => i.saturating_add(1),
        Some(b'1'..=b'9') => digits(i),
        _ => return Err((i, "数字格式有误")),
    };
    if at(i) == Some(b'.') {
        i = i.saturating_add(1);
        if !matches!(at(i), Some(b'0'..=b'9')) {
            return Err((i, "小数点之后应有数字"));
        }
        i = digits(i);
    }
    if matches!(at(i), Some(b'e' | b'E')) {
        i = i.saturating_add(1);
        if matches!(at(i), Some(b'+' | b'-')) {
            i = i.saturating_add(1);
        }
        if !matches!(at(i), Some(b'0'..=b'9')) {
            return Err((i, "指数之后应有数字"));
        }
        i = digits(i);
    }
    Ok(i)
}

/// [`is_stop`], by the table where there is one.
pub(crate) fn stops(b: u8) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    return STOPS.get(usize::from(b)) == Some(&true);
    #[cfg(target_arch = "wasm32")]
    is_stop(b)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        let before = self
            .text
            .get(..self.pos.min(self.text.len()))
            .unwrap_or("")
            .as_bytes();
        // Counted over the bytes (a character is its bytes but continuation bytes): splitting
        // the text from its end links a string searcher for this alone.
        let newline = |b: &&u8| **b == b'\n';
        let line = before.iter().filter(newline).count().saturating_add(1);
        let column = before
            .iter()
            .rev()
            .take_while(|b| !newline(b))
            .filter(|b| **b & 0xC0 != 0x80)
            .count()
            .saturating_add(1);
        SyntaxError {
            line,
            column,
            message,
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect_word(&mut self, word: &'static str, node: Node<'a>) -> Result<Node<'a>, SyntaxError> {
        let end = self.pos.saturating_add(word.len());
        if self.bytes.get(self.pos..end) == Some(word.as_bytes()) {
            self.pos = end;
            Ok(node)
        } else {
            Err(self.error("无法识别的值（应为字符串、数字、对象、数组、true、false 或 null）"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("嵌套层数过多"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => Ok(Node::String(self.string()?)),
            Some(b't') => self.expect_word("true", Node::Bool(true)),
            Some(b'f') => self.expect_word("false", Node::Bool(false)),
            Some(b'n') => self.expect_word("null", Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => Err(self.error("内容意外结束")),
            Some(_) => {
                Err(self.error("无法识别的值（应为字符串、数字、对象、数组、true、false 或 null）"))
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.bump();
        self.skip_space();
        // An empty one allocates nothing.
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Node::Object(Vec::new()));
        }
        let mut members = Vec::with_capacity(8);
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("此处应为带引号的字段名"));
            }
            let Some(key) = self.string()? else {
                return Err(self.error("字段名含有无效字符（不成对的代理项）"));
            };
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("字段名之后应为“:”"));
            }
            self.bump();
            self.skip_space();
            let value = self.member_value(depth)?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Node::Object(members));
                }
                _ => return Err(self.error("此处应为“,”或“}”")),
            }
        }
    }

    /// The value of a member of an object at `depth`: a string (most of a household's values) read
    /// where it is, anything else by [`Parser::value`] (which refuses one nested too deep).
    fn member_value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        match self.peek() {
            Some(b'"') if depth < MAX_DEPTH => Ok(Node::String(self.string()?)),
            _ => self.value(depth.saturating_add(1)),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.bump();
        self.skip_space();
        // An empty one (a household's `"events":[]`) allocates nothing.
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Node::Array(Vec::new()));
        }
        let mut items = Vec::with_capacity(4);
        loop {
            self.skip_space();
            items.push(self.value(depth.saturating_add(1))?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Node::Array(items));
                }
                _ => return Err(self.error("此处应为“,”或“]”")),
            }
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
    fn number(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        match number_end(self.bytes, start) {
            Ok(end) => {
                self.pos = end;
                Ok(Node::Number(Cow::Borrowed(
                    self.text.get(start..end).unwrap_or(""),
                )))
            }
            Err((at, message)) => {
                self.pos = at;
                Err(self.error(message))
            }
        }
    }

    /// Where the run of plain bytes from `from` ends: at a quote, a backslash, a control
    /// character or the end of the text. A local index over the bytes, not `peek` and `bump` byte
    /// by byte (which keep the position in the parser), counts half the instructions.
    fn plain_end(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or(&[]);
        let run = rest.iter().position(|b| stops(*b)).unwrap_or(rest.len());
        from.saturating_add(run)
    }

    /// A string; `None` when it holds a lone surrogate. Borrowed unless it has escapes.
    ///
    /// The common case, plain bytes up to the closing quote, is inlined into the native tool's
    /// two callers (a key, a value): a call for each of a household's twenty-odd strings cost
    /// more than reading them. The module keeps the call, for its bytes.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn string(&mut self) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        let start = self.pos.saturating_add(1);
        let end = self.plain_end(start);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end.saturating_add(1);
            return Ok(Some(Cow::Borrowed(self.text.get(start..end).unwrap_or(""))));
        }
        self.pos = end;
        self.string_rest(start)
    }

    /// The rest of a string from `start`, the parser stopped at the first byte that is not plain
    /// (an escape, a control character, the end of the text).
    #[inline(never)]
    fn string_rest(&mut self, start: usize) -> Result<Option<Cow<'a, str>>, SyntaxError> {
        match self.peek() {
            Some(b'\\') => {}
            Some(_) => return Err(self.error("字符串中有未转义的控制字符")),
            None => return Err(self.error("字符串没有结束的引号")),
        }
        let mut out = String::from(self.text.get(start..self.pos).unwrap_or(""));
        let mut valid = true;
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.bump();
                    return Ok(valid.then_some(Cow::Owned(out)));
                }
                Some(b'\\') => {
                    self.bump();
                    let c = self.peek();
                    self.bump();
                    match c {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => match self.unicode_escape()? {
                            Some(ch) => out.push(ch),
                            None => valid = false,
                        },
                        _ => return Err(self.error("字符串中有无效的转义")),
                    }
                }
                Some(0..=0x1f) => return Err(self.error("字符串中有未转义的控制字符")),
                Some(_) => {
                    // A run of plain bytes copied at once (it ends at an ASCII byte, so on a
                    // character boundary of the `&str`).
                    let end = self.plain_end(self.pos);
                    out.push_str(self.text.get(self.pos..end).unwrap_or(""));
                    self.pos = end;
                }
                None => return Err(self.error("字符串没有结束的引号")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let end = self.pos.saturating_add(4);
        let code = self
            .text
            .get(self.pos..end)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or_else(|| self.error("\\u 之后应为4位十六进制数"))?;
        self.pos = end;
        Ok(code)
    }

    /// After `\u`: a character, or `None` for a lone surrogate.
    fn unicode_escape(&mut self) -> Result<Option<char>, SyntaxError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) {
            // A high surrogate must be followed by `\u` and a low one.
            let after = self.pos.saturating_add(2);
            if self.bytes.get(self.pos..after) == Some(b"\\u".as_slice()) {
                let saved = self.pos;
                self.pos = after;
                let second = self.hex4()?;
                if (0xDC00..0xE000).contains(&second) {
                    let code = 0x10000u32
                        .saturating_add((first.saturating_sub(0xD800)) << 10)
                        .saturating_add(second.saturating_sub(0xDC00));
                    return Ok(char::from_u32(code));
                }
                // Not a pair: the second escape is read on its own.
                self.pos = saved;
            }
            return Ok(None);
        }
        if (0xDC00..0xE000).contains(&first) {
            return Ok(None);
        }
        Ok(char::from_u32(first))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_and_keeps_number_text() {
        let n = parse(r#" {"a": [1, -2.50, 1e21, true, null], "b": "x\"y", "c": {}} "#).unwrap();
        let a = n.get("a").unwrap().as_array().unwrap();
        assert_eq!(a[0], Node::Number("1".into()));
        assert_eq!(a[1], Node::Number("-2.50".into()));
        assert_eq!(a[2], Node::Number("1e21".into()));
        assert_eq!(a[3], Node::Bool(true));
        assert!(a[4].is_null());
        assert_eq!(n.get("b").unwrap().as_str(), Some("x\"y"));
        assert_eq!(n.get("c").unwrap().entries().unwrap().len(), 0);
    }

    #[test]
    fn finds_duplicate_keys() {
        let n = parse(r#"{"value":"441","x":1,"value":"9999"}"#).unwrap();
        assert_eq!(n.duplicate_key(), Some("value"));
        assert_eq!(parse(r#"{"a":1,"b":2}"#).unwrap().duplicate_key(), None);
    }

    #[test]
    fn surrogates() {
        // A pair is one character; a lone one makes the string invalid, not the document.
        let n = parse(r#"["\ud840\udc00", "王\ud840", "\udc00x", "\ud840\u0041"]"#).unwrap();
        let a = n.as_array().unwrap();
        assert_eq!(a[0].as_str(), Some("𠀀"));
        assert_eq!(a[1], Node::String(None));
        assert_eq!(a[2], Node::String(None));
        assert_eq!(a[3], Node::String(None));
        assert!(parse(r#"{"\ud840": 1}"#).is_err());
    }

    /// The bytes that end a plain run, by the table or by the tests: exactly the quote, the
    /// backslash and the 32 control characters.
    #[test]
    fn a_plain_run_ends_at_a_quote_a_backslash_or_a_control_character() {
        let ends: Vec<u8> = (0..=255u8).filter(|b| stops(*b)).collect();
        let mut expected: Vec<u8> = (0..0x20).collect();
        expected.extend([b'"', b'\\']);
        assert_eq!(ends, expected);
        assert!((0..=255u8).all(|b| stops(b) == is_stop(b)));
    }

    /// Between escapes, runs of plain text (multi-byte characters among them) are copied whole;
    /// a control character or the end of the text inside a run is still refused where it is.
    #[test]
    fn escapes_between_runs_of_plain_text() {
        let n = parse(r#"["王五\n住址：\"黑龙江\"\u00e9末", "a\\b", "\u738b五"]"#).unwrap();
        let a = n.as_array().unwrap();
        assert_eq!(a[0].as_str(), Some("王五\n住址：\"黑龙江\"é末"));
        assert_eq!(a[1].as_str(), Some("a\\b"));
        assert_eq!(a[2].as_str(), Some("王五"));
        let e = parse("[\"王\\n五\u{1}\"]").unwrap_err();
        assert_eq!((e.column, e.message), (7, "字符串中有未转义的控制字符"));
        let e = parse("\"王\\n五六").unwrap_err();
        assert_eq!((e.column, e.message), (7, "字符串没有结束的引号"));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((e.line, e.column), (3, 7));
        // Columns count characters, not bytes: "姓名":"王五" and a space are 10 of them.
        let e = parse("{\n\"姓名\":\"王五\" 1}").unwrap_err();
        assert_eq!((e.line, e.column), (2, 11));
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\u{1}\"",
            "[1] 2",
            "{a:1}",
            "\"\\u12\"",
            "NaN",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep).is_err());
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        // A string as a member's value counts its level like any value: `{"a":` k times, then a
        // string at level k.
        let nested = |k: usize| format!("{}\"x\"{}", "{\"a\":".repeat(k), "}".repeat(k));
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        let e = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
        assert_eq!(e.message, "嵌套层数过多");
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        for text in [
            r#"{"region":"230129","members":[{"birthDate":"1980-01-01","wages":12000.5}]}"#,
            r#"["\u00e9\n\t\\", 0, -0.0, 12e-3, {"k": [[], {}]}]"#,
        ] {
            let ours = parse(text).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(to_serde(&ours), theirs, "{text}");
        }
    }

    /// A value handed back (a form's household) is written as `serde_json::Value` wrote it:
    /// keys sorted, the last of equal keys, numbers as `serde_json` reads and writes them
    /// (`1.50` as `1.5`, `-0` as `-0.0`, too large for a float as `null`).
    #[test]
    fn a_value_is_written_as_serde_json_writes_its_own() {
        for text in [
            r#"{"region":"230129","members":[{"wages":"1","birthDate":"1980-01-01","wages":"99999"}]}"#,
            r#"{"b":1,"a":{"z":[],"":null,"y":{}},"a":true,"c":"\"\u00e9\n"}"#,
            r#"[1.50, -0, -0.0, 12e-3, 1E2, 1e400, -1e400, 1e-400, 18446744073709551615]"#,
            r#"[18446744073709551616, -9223372036854775808, -9223372036854775809, 0.1e1]"#,
            r#"[123456789012345678901234567890.123456789, 5e-324, 1.7976931348623157e308]"#,
        ] {
            let node = parse(text).unwrap();
            let ours = serde_json::to_string(&node).unwrap();
            assert_eq!(ours, as_serde_value(&node).to_string(), "{text}");
        }
        // A string with a lone surrogate, which serde_json refuses, as the replacement character.
        let lone = parse(r#"{"id":"\ud840"}"#).unwrap();
        assert_eq!(
            serde_json::to_string(&lone).unwrap(),
            "{\"id\":\"\u{FFFD}\"}"
        );
    }

    /// How a value was handed back before: through `serde_json::Value`, each number read by
    /// `serde_json` on its own (`null` when it cannot).
    fn as_serde_value(n: &Node<'_>) -> serde_json::Value {
        use serde_json::Value;
        match n {
            Node::Number(t) => serde_json::from_str(t).unwrap_or(Value::Null),
            Node::String(s) => Value::String(s.as_deref().unwrap_or("\u{FFFD}").to_string()),
            Node::Array(items) => Value::Array(items.iter().map(as_serde_value).collect()),
            Node::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.to_string(), as_serde_value(v)))
                    .collect(),
            ),
            other => to_serde(other),
        }
    }

    fn to_serde(n: &Node<'_>) -> serde_json::Value {
        match n {
            Node::Null => serde_json::Value::Null,
            Node::Bool(b) => (*b).into(),
            Node::Number(t) => serde_json::from_str(t).unwrap(),
            Node::String(s) => s.as_deref().unwrap().into(),
            Node::Array(a) => a.iter().map(to_serde).collect(),
            Node::Object(m) => m
                .iter()
                .map(|(k, v)| (k.to_string(), to_serde(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }
}
