//! A small JSON writer: strings escaped exactly as `serde_json` escapes them, objects and arrays
//! written in place into one `String`. For documents the engine writes by hand (the parameter set
//! written back), where a derived serializer would cost more code than the document is worth.

use std::fmt::Write as _;

/// `s` as a JSON string, quoted and escaped as `serde_json` does (quote, backslash and control
/// characters; everything else as it is).
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            let _ = write!(out, "\\u{b:04x}");
        } else {
            out.push_str(escape);
        }
        start = i.saturating_add(1);
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// The digits of a whole number, as JSON (and a CSV cell) writes it, without the formatting
/// machinery: rows and results write many small numbers.
pub fn number(out: &mut String, n: u64) {
    let (high, low) = (n / 10, n % 10);
    if high > 0 {
        number(out, high);
    }
    out.push(char::from(
        b'0'.wrapping_add(u8::try_from(low).unwrap_or(0)),
    ));
}

/// An object being written: `{` on creation, `}` on [`Object::end`].
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Object { out, empty: true }
    }

    /// Writes `"key":` (after a comma when needed) and hands the output over for the value.
    pub fn key(&mut self, key: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, key: &str, value: &str) {
        string(self.key(key), value);
    }

    /// A string member when there is a value; nothing otherwise.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A value already written as JSON (a number, `true`).
    pub fn raw(&mut self, key: &str, json: &str) {
        self.key(key).push_str(json);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes each item with `write`, comma-separated, in brackets.
pub fn array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_formatting_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            let mut out = String::from("x");
            number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "",
            "plain",
            "引号\"和\\反斜杠",
            "行\n尾\r\t",
            "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
            "“中文”（全角）",
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn objects_and_arrays_separate_their_members() {
        let mut out = String::new();
        let mut o = Object::new(&mut out);
        o.str("a", "x");
        o.opt_str("b", None);
        o.raw("c", "1");
        array(o.key("d"), ["p", "q"], string);
        o.end();
        assert_eq!(out, r#"{"a":"x","c":1,"d":["p","q"]}"#);
    }
}
