//! Reading inputs strictly: every field checked, unknown and repeated fields refused (a typo must not
//! drop a figure silently, a repeated key must not pick one of two figures), `null` read as absent,
//! and every error with its code, the path of the field and a Chinese message. JavaScript values
//! cross the boundary as JSON text, so the WebAssembly and native builds read the very same thing.
//!
//! - [`crate::base::json`]: the JSON text into a tree ([`Node`]);
//! - [`household`]: the household of the API (`Household`, `Member`) and its reader;
//! - `line`: the command-line tool's plain household lines read straight from their text;
//! - [`requests`]: the other requests (a hospital bill, a loan, a project, options);
//! - [`county`]: a county's indicators and its project-asset ledger;
//! - [`form`]: a page's form values made into a household, leniently and predictably;
//! - [`model`]: the household checked against the parameters on the date of the calculation, what
//!   the programmes compute on.
//!
//! Each reader returns the typed struct that also declares the TypeScript type.

pub mod county;
pub mod form;
pub mod household;
#[cfg(not(target_arch = "wasm32"))]
pub mod line;
pub(crate) mod model;
pub mod requests;
pub mod unicode;
#[cfg(not(target_arch = "wasm32"))]
mod unicode_table;

use std::borrow::Cow;

use crate::base::json::Node;

use rust_decimal::Decimal;

use crate::base::error::{join_path, PolicyError, Problem, Result};
use crate::base::money::{parse_plain_decimal, parse_scientific_decimal, Money};

/// Money as it arrived, already checked (not negative, at most two places, at most 10^10).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MoneyInput(pub Money);

/// Parse JSON text, or `INVALID_INPUT` naming the line and column.
pub fn parse<'a>(text: &'a str, what: &str) -> Result<Node<'a>> {
    crate::base::json::parse(text).map_err(|e| {
        PolicyError::invalid_input(
            "",
            format!(
                "{what}不是有效的 JSON（第 {} 行第 {} 列附近：{}）",
                e.line, e.column, e.message
            ),
        )
    })
}

/// The error for a string holding a lone surrogate (text cut in the middle of a character).
fn invalid_text(path: String) -> PolicyError {
    PolicyError::invalid_input(
        path,
        "文字含有无效字符（不成对的代理项，常见于截断的生僻字），请重新输入",
    )
}

/// The most problems one document reports (a hostile one could produce thousands).
const MAX_PROBLEMS: usize = 100;

/// Problems found while reading, kept so that every one is reported at once (a form marks every bad
/// field in one pass). The first one heads the error.
#[derive(Debug, Default)]
pub struct Collect {
    errors: Vec<PolicyError>,
}

impl Collect {
    /// Record a problem (an error holding several records each of them).
    pub fn push(&mut self, e: PolicyError) {
        if e.problems.is_empty() {
            if self.errors.len() < MAX_PROBLEMS {
                self.errors.push(e);
            }
        } else {
            for p in e.problems {
                self.push(PolicyError::new(e.code, p.path, p.message));
            }
        }
    }
    /// The value, or `None` with its error recorded.
    pub fn take<T>(&mut self, r: Result<T>) -> Option<T> {
        r.map_err(|e| self.push(e)).ok()
    }
    /// An optional value, `None` also when it was bad (and recorded).
    pub fn opt<T>(&mut self, r: Result<Option<T>>) -> Option<T> {
        self.take(r).flatten()
    }
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }
    /// Problems found by a later check, except those at a field (or inside a part) that already
    /// has one: a region given as a number is not also an unknown region “”.
    pub fn add_new(&mut self, later: Collect) {
        let covered = |path: &str| {
            self.errors.iter().any(|e| {
                path.strip_prefix(e.path.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            })
        };
        let new: Vec<PolicyError> = later
            .errors
            .into_iter()
            .filter(|e| !covered(&e.path))
            .collect();
        for e in new {
            self.push(e);
        }
    }
    /// Another reader's problems, placed under `outer` (e.g. `members[2]`).
    pub fn absorb(&mut self, other: Collect, outer: &str) {
        for e in other.errors {
            self.push(e.under(outer));
        }
    }
    /// Every problem as one error: the first one's code, path and message, all of them in
    /// `problems`.
    pub fn into_error(self) -> Option<PolicyError> {
        let first = self.errors.first()?;
        let code = first.code;
        let problems: Vec<Problem> = self
            .errors
            .iter()
            .map(|e| Problem::new(e.path.clone(), e.message.clone()))
            .collect();
        Some(PolicyError::with_problems(code, problems))
    }
    /// `value` when nothing was wrong.
    pub fn into_result<T>(self, value: T) -> Result<T> {
        match self.into_error() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}

/// A JSON object being read, with its path. `null` fields read as absent.
pub struct Obj<'n, 'a> {
    entries: &'n [(Cow<'a, str>, Node<'a>)],
    /// Bit `n` set when a key of `n` bytes is given (`n` < 63; bit 63 for any longer): most fields
    /// of a household are absent, and this says so without looking at the keys.
    lengths: u64,
    /// Where it is, for error messages only: a constant for a household and its members.
    path: Cow<'static, str>,
}

/// `members[0]` … `members[29]` written once: a household's members are read on every call, and
/// their paths are needed only when something is wrong.
#[rustfmt::skip]
const MEMBER_PATHS: [&str; 30] = [
    "members[0]", "members[1]", "members[2]", "members[3]", "members[4]", "members[5]",
    "members[6]", "members[7]", "members[8]", "members[9]", "members[10]", "members[11]",
    "members[12]", "members[13]", "members[14]", "members[15]", "members[16]", "members[17]",
    "members[18]", "members[19]", "members[20]", "members[21]", "members[22]", "members[23]",
    "members[24]", "members[25]", "members[26]", "members[27]", "members[28]", "members[29]",
];

/// The path of member `index` (`members[2]`).
pub fn member_path(index: usize) -> Cow<'static, str> {
    match MEMBER_PATHS.get(index) {
        Some(p) => Cow::Borrowed(p),
        None => Cow::Owned(format!("members[{index}]")),
    }
}

impl<'n, 'a> Obj<'n, 'a> {
    /// The object at `path`, refusing fields not in `allowed` and fields given twice.
    pub fn new(node: &'n Node<'a>, path: &str, what: &str, allowed: &[&str]) -> Result<Self> {
        Obj::new_at(node, Cow::Owned(path.to_string()), what, allowed)
    }

    /// [`Obj::new`] with its path already written.
    fn new_at(
        node: &'n Node<'a>,
        path: Cow<'static, str>,
        what: &str,
        allowed: &[&str],
    ) -> Result<Self> {
        let mut c = Collect::default();
        let obj = Obj::open_at(node, path, what, allowed, &mut c)?;
        c.into_result(obj)
    }

    /// The object at `path` (an error only when it is not one); unknown and repeated fields are
    /// recorded in `c`, each at its path, and reading goes on.
    pub fn open(
        node: &'n Node<'a>,
        path: impl Into<Cow<'static, str>>,
        what: &str,
        allowed: &[&str],
        c: &mut Collect,
    ) -> Result<Self> {
        Obj::open_at(node, path.into(), what, allowed, c)
    }

    /// [`Obj::open`], one copy for every kind of path.
    fn open_at(
        node: &'n Node<'a>,
        path: Cow<'static, str>,
        what: &str,
        allowed: &[&str],
        c: &mut Collect,
    ) -> Result<Self> {
        let Some(entries) = node.entries() else {
            return Err(PolicyError::invalid_input(
                path,
                format!("{what}应为对象，而不是{}", node.kind()),
            ));
        };
        // Each key found among `allowed` once: an unknown one is recorded, a repeated one found by
        // its bit.
        let mut seen = 0u64;
        let mut repeated = None;
        let mut unknown = false;
        let mut lengths = 0;
        for (key, _) in entries {
            lengths |= length_bit(key);
            let Some(at) = allowed.iter().position(|a| same_key(a, key)) else {
                unknown = true;
                c.push(unknown_field(&path, key, allowed));
                continue;
            };
            let bit = u32::try_from(at).map_or(0, |at| 1u64.checked_shl(at).unwrap_or(0));
            if seen & bit != 0 && repeated.is_none() {
                repeated = Some(key.as_ref());
            }
            seen |= bit;
        }
        let many = allowed.len() > 64;
        // An unknown key given twice, or more fields than bits: the plain search.
        if unknown || many {
            repeated = node.duplicate_key();
        }
        if let Some(key) = repeated {
            c.push(PolicyError::invalid_input(
                join_path(&path, key),
                format!("字段“{}”出现了两次（只能给一次）", short(key)),
            ));
        }
        Ok(Obj {
            entries,
            lengths,
            path,
        })
    }
    /// Whether no key of `key`'s length is given: most fields of a household are absent, and this
    /// says so with a test. Inlined, with the getters' first step, into the native tool's callers,
    /// where the key's length is known and an absent field then costs no call; not in the module,
    /// whose bytes count more than these instructions.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn surely_absent(&self, key: &str) -> bool {
        self.lengths & length_bit(key) == 0
    }
    pub fn at(&self, key: &str) -> String {
        join_path(&self.path, key)
    }
    pub fn get(&self, key: &str) -> Option<&'n Node<'a>> {
        if self.surely_absent(key) {
            return None;
        }
        self.entries
            .iter()
            .find(|(k, _)| same_key(k, key))
            .map(|(_, v)| v)
            .filter(|v| !v.is_null())
    }
    /// Inlined in the native tool like the getters: a household's `guarantees` and `housing` are
    /// mostly absent.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn object(&self, key: &'static str, allowed: &[&str]) -> Result<Option<Obj<'n, 'a>>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        // A field of the top level is its own path: nothing to write for a household's `income`.
        let path = match self.path.is_empty() {
            true => Cow::Borrowed(key),
            false => Cow::Owned(self.at(key)),
        };
        Obj::new_at(v, path, key, allowed).map(Some)
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn str(&self, key: &str) -> Result<Option<String>> {
        match self.surely_absent(key) {
            true => Ok(None),
            false => self.str_given(key),
        }
    }
    fn str_given(&self, key: &str) -> Result<Option<String>> {
        self.get(key)
            .map(|v| text(v, key).map_err(|e| e.under(&self.at(key))))
            .transpose()
    }
    pub fn required_str(&self, key: &str) -> Result<String> {
        self.str(key)?.ok_or_else(|| self.missing(key))
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        match self.surely_absent(key) {
            true => Ok(None),
            false => self.bool_given(key),
        }
    }
    fn bool_given(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Node::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(PolicyError::invalid_input(
                self.at(key),
                format!("“{key}”应为 true 或 false"),
            )),
        }
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn count(&self, key: &str) -> Result<Option<u32>> {
        match self.surely_absent(key) {
            true => Ok(None),
            false => self.count_given(key),
        }
    }
    fn count_given(&self, key: &str) -> Result<Option<u32>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| {
                    PolicyError::invalid_input(self.at(key), format!("“{key}”应为非负整数"))
                }),
        }
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn money(&self, key: &str) -> Result<Option<MoneyInput>> {
        match self.surely_absent(key) {
            true => Ok(None),
            false => self.money_given(key),
        }
    }
    fn money_given(&self, key: &str) -> Result<Option<MoneyInput>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        // The path is only built for an error: most fields are read without one.
        read_money(value)
            .map(|m| Some(MoneyInput(m)))
            .map_err(|e| e.under(&self.at(key)))
    }
    pub fn required_money(&self, key: &str) -> Result<Money> {
        self.money(key)?
            .map(|m| m.0)
            .ok_or_else(|| self.missing(key))
    }
    /// A plain decimal (string or number), not negative, with at most `places` decimal places.
    pub fn decimal(&self, key: &str, places: u32, max: Decimal) -> Result<Option<Decimal>> {
        let Some(value) = self.get(key) else {
            return Ok(None);
        };
        read_decimal(value, places, max)
            .map(Some)
            .map_err(|e| e.under(&self.at(key)))
    }
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub fn choice<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<Option<T>> {
        match self.surely_absent(key) {
            true => Ok(None),
            false => self.choice_given(key, options),
        }
    }
    fn choice_given<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<Option<T>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => one_of(v, "", options)
                .map(Some)
                .map_err(|e| e.under(&self.at(key))),
        }
    }
    pub fn required_choice<T: Copy>(&self, key: &str, options: &[(&str, T)]) -> Result<T> {
        self.choice(key, options)?.ok_or_else(|| self.missing(key))
    }
    fn missing(&self, key: &str) -> PolicyError {
        PolicyError::invalid_input(self.at(key), format!("缺少必填字段“{key}”"))
    }
}

/// The error for a field not in `allowed`, with the nearest allowed name when there is one.
fn unknown_field(path: &str, key: &str, allowed: &[&str]) -> PolicyError {
    let hint = match crate::params::catalogue::nearest_among(key, allowed.iter().copied()) {
        Some(field) => format!("是否应为“{field}”？"),
        None => "字段名区分大小写，请检查拼写".to_string(),
    };
    PolicyError::invalid_input(
        join_path(path, key),
        format!("未知字段“{}”（{hint}）", short(key)),
    )
}

/// Whether two keys are the same, their last bytes compared first: many keys of a household
/// have the same length (`region`, `status`, `income`, `events`), few end alike.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// A key's bit in [`Obj`]'s `lengths`.
fn length_bit(key: &str) -> u64 {
    let n = u32::try_from(key.len()).map_or(63, |n| n.min(63));
    1u64.wrapping_shl(n)
}

/// At most 40 characters of a value, for a message (a hostile value must not fill the message).
pub use crate::base::error::excerpt as short;

/// A string node (errors with an empty path, placed by the caller).
pub fn text(v: &Node<'_>, key: &str) -> Result<String> {
    match v {
        Node::String(Some(s)) => Ok(s.to_string()),
        Node::String(None) => Err(invalid_text(String::new())),
        _ => Err(PolicyError::invalid_input("", format!("“{key}”应为字符串"))),
    }
}

/// A number node as a decimal, exactly as written: plain (`1234.50`) or with an exponent (`1e21`,
/// what `JSON.stringify` writes for numbers far from 1).
fn number(t: &str) -> Result<Decimal> {
    if t.contains(['e', 'E']) {
        // Exact, like the plain form; refused beyond what rust_decimal holds.
        return match parse_scientific_decimal(t) {
            Some(d) => Ok(d),
            // A negative exponent ("e-", "E-"), found byte by byte: a search for a `&str` would
            // link the standard library's substring search, which nothing else here needs.
            None if t
                .as_bytes()
                .windows(2)
                .any(|w| matches!(w, [b'e' | b'E', b'-'])) =>
            {
                Err(PolicyError::invalid_input(
                    "",
                    "金额最多保留两位小数（精确到分）",
                ))
            }
            None => Err(PolicyError::out_of_range("", "数值超出范围")),
        };
    }
    parse_plain_decimal(t).ok_or_else(|| PolicyError::out_of_range("", "数值超出范围"))
}

/// A money value (errors with an empty path, placed by the caller).
fn read_money(value: &Node<'_>) -> Result<Money> {
    let d = match value {
        Node::String(Some(s)) => parse_plain_decimal(s).ok_or_else(|| {
            PolicyError::invalid_input(
                "",
                format!(
                    "金额“{}”不是有效的数字（应为如 1234.50 的十进制数）",
                    short(s)
                ),
            )
        })?,
        Node::String(None) => return Err(invalid_text(String::new())),
        Node::Number(t) => number(t).map_err(|e| match e.code {
            crate::base::error::ErrorCode::OutOfRange => {
                PolicyError::out_of_range("", "金额超出范围")
            }
            _ => e,
        })?,
        _ => {
            return Err(PolicyError::invalid_input(
                "",
                "金额应为十进制字符串或有限数字",
            ))
        }
    };
    Money::check_input(d, "")
}

/// A plain decimal (errors with an empty path, placed by the caller).
fn read_decimal(value: &Node<'_>, places: u32, max: Decimal) -> Result<Decimal> {
    let d = match value {
        Node::String(Some(s)) => parse_plain_decimal(s).ok_or_else(|| {
            PolicyError::invalid_input("", format!("“{}”不是有效的十进制数", short(s)))
        })?,
        Node::String(None) => return Err(invalid_text(String::new())),
        Node::Number(t) => number(t)?,
        _ => return Err(PolicyError::invalid_input("", "应为十进制字符串或有限数字")),
    };
    if d.is_sign_negative() && !d.is_zero() {
        return Err(PolicyError::out_of_range("", "不能为负数"));
    }
    if d > max {
        return Err(PolicyError::out_of_range("", format!("不能超过 {max}")));
    }
    if d.normalize().scale() > places {
        return Err(PolicyError::invalid_input(
            "",
            format!("最多保留 {places} 位小数"),
        ));
    }
    Ok(d.normalize())
}

/// One of a fixed set of strings.
pub fn one_of<T: Copy>(v: &Node<'_>, path: &str, options: &[(&str, T)]) -> Result<T> {
    let found = v
        .as_str()
        .and_then(|s| options.iter().find(|(n, _)| *n == s));
    found.map(|(_, t)| *t).ok_or_else(|| {
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        let given = match v {
            Node::String(Some(s)) => format!("\"{}\"", short(s)),
            Node::Number(t) => short(t).into_owned(),
            other => other.kind().to_string(),
        };
        PolicyError::invalid_input(
            path,
            format!("取值 {given} 无效，应为：{}", names.join("、")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_paths_are_written_as_errors_name_them() {
        for i in 0..40 {
            assert_eq!(member_path(i), format!("members[{i}]"));
        }
        // Every member a household may have has its path written once.
        assert!(MEMBER_PATHS.len() >= crate::input::model::MAX_MEMBERS);
    }
    use crate::base::error::ErrorCode;

    fn money_of(json: &str) -> Result<Option<MoneyInput>> {
        let text = format!("{{\"m\":{json}}}");
        let v = parse(&text, "x").unwrap();
        Obj::new(&v, "x", "x", &["m"]).unwrap().money("m")
    }

    #[test]
    fn js_numbers_are_read_exactly() {
        let fen = |json: &str| money_of(json).unwrap().unwrap().0.to_fen_string();
        assert_eq!(fen("1234.5"), "1234.50");
        assert_eq!(fen("0.07"), "0.07");
        assert_eq!(fen("441"), "441.00");
        assert_eq!(fen("1E2"), "100.00");
        let code = |json: &str| {
            let e = money_of(json).unwrap_err();
            assert_eq!(e.path, "x.m");
            e.code
        };
        // 0.1 + 0.2, a value finer than a fen in exponent form, and one that a float would
        // round to a whole number: too many places.
        assert_eq!(code("0.30000000000000004"), ErrorCode::InvalidInput);
        assert_eq!(code("1e-7"), ErrorCode::InvalidInput);
        // Too many places for a decimal at all: still a matter of places, not of range.
        assert_eq!(code("1e-400"), ErrorCode::InvalidInput);
        assert_eq!(code("1E-400"), ErrorCode::InvalidInput);
        assert_eq!(code("100.0000000000000001"), ErrorCode::InvalidInput);
        // Beyond the 10^10 limit, in plain and in exponent form.
        assert_eq!(code("1e15"), ErrorCode::OutOfRange);
        assert_eq!(code("1e21"), ErrorCode::OutOfRange);
        assert_eq!(code("1e400"), ErrorCode::OutOfRange);
        assert_eq!(code("-0.5"), ErrorCode::OutOfRange);
        // Digits beyond 28 places are refused as in the plain form, not rounded to 1.00 or 0.00;
        // 1 × 10^-24 is read exactly, and has too many places.
        assert_eq!(
            code("1.00000000000000000000000000001e0"),
            ErrorCode::OutOfRange
        );
        assert_eq!(
            code("1.00000000000000000000000000001"),
            ErrorCode::OutOfRange
        );
        assert_eq!(
            code("0.00000000000000000000000000001e5"),
            ErrorCode::InvalidInput
        );
        assert_eq!(fen("1.5e3"), "1500.00");
    }

    #[test]
    fn repeated_and_unknown_fields_are_refused_at_their_path() {
        let v = parse(r#"{"a":"1","a":"2"}"#, "x").unwrap();
        let e = Obj::new(&v, "members[1]", "x", &["a"]).err().unwrap();
        assert_eq!(e.path, "members[1].a");
        let e = Obj::new(&v, "", "x", &["b"]).err().unwrap();
        assert_eq!(e.path, "a");
    }

    /// The first field given a second time is named, known or not (each unknown one too).
    #[test]
    fn the_first_repeated_field_is_named() {
        let repeated = |json: &str| {
            let v = parse(json, "x").unwrap();
            let e = Obj::new(&v, "m", "x", &["a", "b", "c"]).err().unwrap();
            let twice: Vec<String> = e
                .problems
                .iter()
                .filter(|p| p.message.contains("两次"))
                .map(|p| p.path.clone())
                .collect();
            format!("{} {}", twice.join(","), e.problems.len())
        };
        assert_eq!(repeated(r#"{"b":1,"a":1,"b":2,"a":2}"#), "m.b 1");
        assert_eq!(repeated(r#"{"a":1,"c":1,"c":2,"a":2}"#), "m.c 1");
        // An unknown field repeated before a known one: two unknown fields, then the repeat.
        assert_eq!(repeated(r#"{"x":1,"a":1,"x":2,"a":2}"#), "m.x 3");
        assert_eq!(repeated(r#"{"a":1,"x":1,"a":2,"x":2}"#), "m.a 3");
    }

    #[test]
    fn a_lone_surrogate_is_refused_at_its_field() {
        let v = parse(r#"{"id":"王\ud840"}"#, "x").unwrap();
        let o = Obj::new(&v, "members[0]", "x", &["id"]).unwrap();
        let e = o.str("id").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (ErrorCode::InvalidInput, "members[0].id")
        );
    }

    #[test]
    fn messages_quote_a_short_prefix() {
        let long = "9".repeat(10_000);
        let text = format!("{{\"m\":\"{long}x\"}}");
        let v = parse(&text, "x").unwrap();
        let e = Obj::new(&v, "", "x", &["m"])
            .unwrap()
            .money("m")
            .unwrap_err();
        assert!(e.message.chars().count() < 100, "{}", e.message);
    }
}
