//! Households in bulk: one outcome per household, in order, a bad household giving its own error
//! while the rest go on.

use serde::Serialize;
use tsify::Tsify;

use crate::base::error::{PolicyError, Result};
use crate::estimate::Estimate;
use crate::screening::Screening;

/// The most households one batch call takes: `screenMany` (a row each).
pub const MAX_BATCH: usize = 1_000_000;
/// The most for `estimateMany { explain: false }`: a whole estimate each, without words.
pub const MAX_ESTIMATE_BATCH: usize = 200_000;
/// The most for `estimateMany` with explanations (steps and reasons are most of an estimate).
pub const MAX_EXPLAINED_BATCH: usize = 20_000;
/// The most for `compareMany`: a differing household is every programme before and after, about
/// an estimate's size, and the result holds them all.
pub const MAX_COMPARE_BATCH: usize = 200_000;

/// Check a batch's size against its limit before running it.
pub fn check_batch(len: usize, limit: usize) -> Result<()> {
    if len > limit {
        return Err(PolicyError::out_of_range(
            "",
            format!(
                "一次最多 {limit} 户（当前 {len} 户），请分批；大的花名册可用 screenMany 或 screenEach"
            ),
        ));
    }
    Ok(())
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
    pub problems: Vec<crate::base::error::Problem>,
    /// The register line its message names, if any (see [`PolicyError::at_line`]).
    #[serde(skip)]
    pub line: Option<u64>,
}

impl BatchError {
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

/// One household's outcome in `estimateMany`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum BatchItem {
    Ok {
        #[tsify(type = "true")]
        ok: bool,
        estimate: Box<Estimate>,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        /// The household's `ref`, when it could be read.
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        #[tsify(optional)]
        reference: Option<String>,
        error: BatchError,
    },
}

impl BatchItem {
    /// The error item of a household that could not be read at all.
    pub fn unsent(error: BatchError) -> BatchItem {
        BatchItem::Err {
            ok: false,
            reference: None,
            error,
        }
    }

    /// The outcome of a household whose `ref` (for the error item) is `reference`.
    pub fn from_result(r: Result<Estimate>, reference: Option<String>) -> BatchItem {
        match r {
            Ok(e) => BatchItem::Ok {
                ok: true,
                estimate: Box::new(e),
            },
            Err(e) => BatchItem::Err {
                ok: false,
                reference,
                error: BatchError::from(e),
            },
        }
    }
}

/// One household's outcome in `screenMany`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum ScreenItem {
    Ok {
        #[tsify(type = "true")]
        ok: bool,
        screening: Box<Screening>,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        /// The household's `ref`, when it could be read.
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        #[tsify(optional)]
        reference: Option<String>,
        error: BatchError,
    },
}

impl ScreenItem {
    /// The error item of a household that could not be read at all.
    pub fn unsent(error: BatchError) -> ScreenItem {
        ScreenItem::Err {
            ok: false,
            reference: None,
            error,
        }
    }

    /// The outcome of a household whose `ref` (for the error item) is `reference`.
    pub fn from_result(r: Result<Screening>, reference: Option<String>) -> ScreenItem {
        match r {
            Ok(screening) => ScreenItem::Ok {
                ok: true,
                screening: Box::new(screening),
            },
            Err(e) => ScreenItem::Err {
                ok: false,
                reference,
                error: BatchError::from(e),
            },
        }
    }
}
