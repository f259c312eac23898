//! Households in bulk: one outcome per household, in order, a bad household giving its own error
//! while the rest go on.

use serde::Serialize;
use tsify::Tsify;

use crate::base::error::{BatchError, PolicyError, Result};
use crate::estimate::screening::Screening;
use crate::estimate::Estimate;

/// The most households one batch call takes: `screenMany` (a row each).
pub const MAX_BATCH: usize = 1_000_000;
/// The most for `estimateMany { explain: false }`: a whole estimate each, without words.
pub const MAX_ESTIMATE_BATCH: usize = 200_000;
/// The most for `estimateMany` with explanations (steps and reasons are most of an estimate).
pub const MAX_EXPLAINED_BATCH: usize = 20_000;
/// The most for `compareMany`: a differing household is every programme before and after, about
/// an estimate's size, and the result holds them all.
pub const MAX_COMPARE_BATCH: usize = 200_000;

/// What a register too large for one screening or estimating call can use instead.
pub const SCREEN_INSTEAD: &str =
    "大的花名册可用 screenEach 或 RegisterScreen.screen 逐块筛查，或用命令行工具 zhenxing";
/// What a register too large for one comparing call can use instead.
pub const COMPARE_INSTEAD: &str =
    "大的花名册可用 RegisterScreen.compare 或 RegisterScreen.compareDates 逐块比较，或用命令行工具 zhenxing compare";

/// Check a batch's size against its limit before running it: the fault is the `households`
/// argument, and the message says what takes a larger register (`instead`).
pub fn check_batch(len: usize, limit: usize, instead: &str) -> Result<()> {
    if len > limit {
        return Err(PolicyError::out_of_range(
            "households",
            format!("一次最多 {limit} 户（当前 {len} 户），请分批；{instead}"),
        ));
    }
    Ok(())
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
