//! Errors: a stable code, the path of the offending input, and a Chinese message.
//!
//! Every failure the engine reports is a [`PolicyError`]. The bindings turn it into a JavaScript
//! `PolicyError` (a subclass of `Error`) with the same `code`, `path` and `message`.

use serde::Serialize;
use tsify::Tsify;

/// Stable error codes (API.md). Portals switch on these; never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[cfg_attr(
    not(target_arch = "wasm32"),
    serde(rename_all = "SCREAMING_SNAKE_CASE")
)]
pub enum ErrorCode {
    InvalidInput,
    InvalidRegion,
    InvalidDate,
    OutOfRange,
    InvalidParameters,
    UnknownParameter,
}

crate::base::serialize_by_id!(ErrorCode, serde_ids_error_code {
    InvalidInput => "INVALID_INPUT",
    InvalidRegion => "INVALID_REGION",
    InvalidDate => "INVALID_DATE",
    OutOfRange => "OUT_OF_RANGE",
    InvalidParameters => "INVALID_PARAMETERS",
    UnknownParameter => "UNKNOWN_PARAMETER",
});

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "INVALID_INPUT",
            ErrorCode::InvalidRegion => "INVALID_REGION",
            ErrorCode::InvalidDate => "INVALID_DATE",
            ErrorCode::OutOfRange => "OUT_OF_RANGE",
            ErrorCode::InvalidParameters => "INVALID_PARAMETERS",
            ErrorCode::UnknownParameter => "UNKNOWN_PARAMETER",
        }
    }
}

/// One problem found while validating a whole document (a parameter file, a household: every
/// problem is reported at once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, tsify::Tsify)]
pub struct Problem {
    pub path: String,
    pub message: String,
    /// The register line the message names (see [`PolicyError::at_line`]).
    #[serde(skip)]
    pub line: Option<u64>,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            line: None,
        }
    }

    /// The problem about line `line` of a register: its message then starts “第 N 行：”.
    pub fn at_line(mut self, line: u64) -> Self {
        (self.line, self.message) = line_message(self.line, line, self.message);
        self
    }
}

/// A message about a register line, said once: “第 N 行：…”. A message that already names its
/// line is left as it is.
fn line_message(named: Option<u64>, line: u64, message: String) -> (Option<u64>, String) {
    match named {
        Some(_) => (named, message),
        None => (Some(line), format!("第 {line} 行：{message}")),
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: {message}（位置：{path}）", code = .code.as_str())]
pub struct PolicyError {
    pub code: ErrorCode,
    /// Where in the input, e.g. `members[2].birthDate`; empty when the whole input is at fault.
    pub path: String,
    pub message: String,
    /// Every problem, when a whole document was checked (the first one is also `path`/`message`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// The register line the message names, when the error is about one (see [`Self::at_line`]).
    #[serde(skip)]
    pub line: Option<u64>,
}

pub type Result<T> = std::result::Result<T, PolicyError>;

impl PolicyError {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        PolicyError {
            code,
            path: path.into(),
            message: message.into(),
            problems: Vec::new(),
            line: None,
        }
    }

    /// A document with one or more problems; the first one heads the error.
    pub fn with_problems(code: ErrorCode, problems: Vec<Problem>) -> Self {
        let (path, message) = match problems.first() {
            Some(p) if problems.len() == 1 => (p.path.clone(), p.message.clone()),
            Some(p) => (
                p.path.clone(),
                format!("{}（共 {} 处问题）", p.message, problems.len()),
            ),
            None => (String::new(), "文件有误".to_string()),
        };
        PolicyError {
            code,
            path,
            message,
            problems,
            line: None,
        }
    }

    pub fn invalid_input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, path, message)
    }
    pub fn out_of_range(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(ErrorCode::OutOfRange, path, message)
    }
    /// Checked arithmetic overflowed: amounts this large are outside what the engine represents.
    pub fn overflow() -> Self {
        Self::new(ErrorCode::OutOfRange, "", "金额计算超出可表示的范围")
    }

    /// The error about line `line` of a register: its message then starts “第 N 行：” (once: an
    /// error that already names its line keeps it).
    pub fn at_line(mut self, line: u64) -> Self {
        (self.line, self.message) = line_message(self.line, line, self.message);
        self
    }

    /// Prefix the path with an outer location: `members[2]` + `birthDate` → `members[2].birthDate`.
    pub fn under(mut self, outer: &str) -> Self {
        self.path = join_path(outer, &self.path);
        for p in &mut self.problems {
            p.path = join_path(outer, &p.path);
        }
        self
    }
}

/// At most 40 characters of a value, for a message (a hostile value must not fill the message).
pub fn excerpt(s: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}…", s.get(..end).unwrap_or("")).into(),
        None => s.into(),
    }
}

/// `outer.inner` (or `outer[2]`), as a JavaScript accessor would write it. A key too long to be a
/// field's (an unknown one, which a hostile input can make megabytes long) is cut to an excerpt.
pub fn join_path(outer: &str, inner: &str) -> String {
    let inner = excerpt(inner);
    let inner = inner.as_ref();
    match (outer.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_string(),
        (false, true) => outer.to_string(),
        (false, false) if inner.starts_with('[') => format!("{outer}{inner}"),
        (false, false) => format!("{outer}.{inner}"),
    }
}

/// A household's error inside a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct BatchError {
    #[tsify(type = "ErrorCode")]
    pub code: String,
    /// Where in the household, e.g. `members[0].birthDate`.
    pub path: String,
    pub message: String,
    /// Every problem, when the household has several (the first is also `path` and `message`,
    /// which then ends with （共 N 处问题）); absent when it has one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub problems: Vec<Problem>,
    /// The register line its message names, if any (see [`PolicyError::at_line`]).
    #[serde(skip)]
    pub line: Option<u64>,
}

impl BatchError {
    /// Names the register line the error is about: its message then starts “第 N 行：” (once).
    pub fn name_line(&mut self, line: u64) {
        let message = std::mem::take(&mut self.message);
        (self.line, self.message) = line_message(self.line, line, message);
    }

    /// Every problem in one text: the message, or, when there are several, each problem (with its
    /// path, unless its message names its register line and column) joined by ；.
    pub fn full_text(&self) -> String {
        if self.problems.len() < 2 {
            return self.message.clone();
        }
        let texts: Vec<String> = self
            .problems
            .iter()
            .map(|p| match p.path.as_str() {
                "" => p.message.clone(),
                _ if p.line.is_some() => p.message.clone(),
                path => format!("{path}：{}", p.message),
            })
            .collect();
        texts.join("；")
    }
}

impl From<PolicyError> for BatchError {
    fn from(e: PolicyError) -> Self {
        BatchError {
            code: e.code.as_str().to_string(),
            path: e.path,
            message: e.message,
            problems: if e.problems.len() > 1 {
                e.problems
            } else {
                Vec::new()
            },
            line: e.line,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_javascript_accessors() {
        assert_eq!(join_path("members", "[2]"), "members[2]");
        assert_eq!(join_path("members[2]", "birthDate"), "members[2].birthDate");
        assert_eq!(join_path("", "asOf"), "asOf");
        let e = PolicyError::invalid_input("birthDate", "x").under("members[1]");
        assert_eq!(e.path, "members[1].birthDate");
    }

    #[test]
    fn first_problem_heads_a_document_error() {
        let e = PolicyError::with_problems(
            ErrorCode::InvalidParameters,
            vec![Problem::new("a", "甲"), Problem::new("b", "乙")],
        );
        assert_eq!(e.path, "a");
        assert!(e.message.contains("共 2 处"));
        assert_eq!(
            e.to_string(),
            "INVALID_PARAMETERS: 甲（共 2 处问题）（位置：a）"
        );
    }
}
