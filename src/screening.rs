//! Screening a register: one compact row per household with each programme's eligibility and
//! amount, the monitoring verdict and the totals. It is the full estimate (every programme
//! computed by the same code) without the explanation, for registers of thousands or millions of
//! households: `screenMany` in the package, the rows the command-line tool writes.
//!
//! Annual amounts follow `Estimate.contributions`: 低保 and 特困 monthly × 12, 临时救助 its one-off
//! amount, 养老保险代缴 the premiums paid on the household's behalf, 教育资助 every aid.

use serde::Serialize;
use tsify::Tsify;

use crate::engine::BatchError;
use crate::error::Result;
use crate::estimate::{Estimate, ProgramOutcome};
use crate::money::Money;
use crate::programs::monitoring::{Category, Track};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Screening {
    pub monitoring: MonitoringVerdict,
    /// 低保, 特困, 临时救助, 养老保险代缴, 教育资助, in the order of `Estimate.programs`.
    pub programs: Vec<ScreenedProgram>,
    /// Monthly cash support (低保 + 特困).
    #[tsify(type = "string")]
    pub total_monthly: Money,
    /// Annual cash support, as `Estimate.totalAnnual`.
    #[tsify(type = "string")]
    pub total_annual: Money,
    /// Every non-official parameter the figures rest on.
    #[tsify(type = "string[]")]
    pub unofficial: crate::params::UnofficialSet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MonitoringVerdict {
    pub in_scope: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub category: Option<Category>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub track: Option<Track>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ScreenedProgram {
    /// 'dibao', 'tekun', 'temporary', 'pension', 'education'.
    pub program: &'static str,
    pub eligible: bool,
    /// Money per month, for the programmes that pay monthly (低保, 特困) when eligible.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub monthly: Option<Money>,
    /// Money per year (0.00 when not eligible).
    #[tsify(type = "string")]
    pub annual: Money,
}

/// One household's outcome in a screening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum ScreenItem {
    Ok {
        #[tsify(type = "true")]
        ok: bool,
        screening: Screening,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        error: BatchError,
    },
}

impl Screening {
    /// The row of an estimate.
    pub fn of(e: &Estimate) -> Screening {
        let programs = e
            .programs
            .iter()
            .map(|p| {
                let r = p.result();
                let annual = match p {
                    ProgramOutcome::Temporary(t) => t.amount,
                    _ => r.annual.unwrap_or_default(),
                };
                ScreenedProgram {
                    program: r.program,
                    eligible: r.eligible,
                    monthly: r.monthly.filter(|_| r.eligible),
                    annual: if r.eligible { annual } else { Money::ZERO },
                }
            })
            .collect();
        Screening {
            monitoring: MonitoringVerdict {
                in_scope: e.monitoring.in_scope,
                category: e.monitoring.category,
                track: e.monitoring.track,
            },
            programs,
            total_monthly: e.total_monthly,
            total_annual: e.total_annual,
            unofficial: e.unofficial,
        }
    }

    /// A programme's row by its id.
    pub fn program(&self, id: &str) -> Option<&ScreenedProgram> {
        self.programs.iter().find(|p| p.program == id)
    }
}

impl ScreenItem {
    pub fn from_result(r: Result<Screening>) -> ScreenItem {
        match r {
            Ok(screening) => ScreenItem::Ok {
                ok: true,
                screening,
            },
            Err(e) => ScreenItem::Err {
                ok: false,
                error: BatchError::from(e),
            },
        }
    }
}
