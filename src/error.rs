//! Errors: a stable code, the path of the offending input, and a Chinese message.
//!
//! Every failure the engine reports is a [`PolicyError`]. The bindings turn it into a JavaScript
//! `PolicyError` (a subclass of `Error`) with the same `code`, `path` and `message`.

use serde::Serialize;

/// Stable error codes (API.md). Portals switch on these; never rename one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    InvalidInput,
    InvalidRegion,
    InvalidDate,
    OutOfRange,
    InvalidParameters,
    UnknownParameter,
}

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
}

pub type Result<T> = std::result::Result<T, PolicyError>;

impl PolicyError {
    pub fn new(code: ErrorCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        PolicyError {
            code,
            path: path.into(),
            message: message.into(),
            problems: Vec::new(),
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

    /// Prefix the path with an outer location: `members[2]` + `birthDate` → `members[2].birthDate`.
    pub fn under(mut self, outer: &str) -> Self {
        self.path = join_path(outer, &self.path);
        for p in &mut self.problems {
            p.path = join_path(outer, &p.path);
        }
        self
    }
}

pub fn join_path(outer: &str, inner: &str) -> String {
    match (outer.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_string(),
        (false, true) => outer.to_string(),
        (false, false) if inner.starts_with('[') => format!("{outer}{inner}"),
        (false, false) => format!("{outer}.{inner}"),
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
            vec![
                Problem {
                    path: "a".into(),
                    message: "甲".into(),
                },
                Problem {
                    path: "b".into(),
                    message: "乙".into(),
                },
            ],
        );
        assert_eq!(e.path, "a");
        assert!(e.message.contains("共 2 处"));
        assert_eq!(
            e.to_string(),
            "INVALID_PARAMETERS: 甲（共 2 处问题）（位置：a）"
        );
    }
}
