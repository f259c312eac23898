//! What every program returns (API.md `ProgramResult`), and the helper that builds it: a parameter
//! reader, the trace of steps, and the reasons a member of staff can read out.

use serde::Serialize;
use tsify::Tsify;

use crate::explain::{Step, Trace};
use crate::money::Money;
use crate::params::Reader;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProgramResult {
    /// 'dibao', 'tekun', 'monitoring', ...
    pub program: &'static str,
    /// Chinese name, e.g. 最低生活保障.
    pub label: &'static str,
    pub eligible: bool,
    /// Money per month, where the program pays monthly.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub monthly: Option<Money>,
    /// Money per year (monthly × 12 for monthly programs).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub annual: Option<Money>,
    /// Chinese sentences a member of staff can read out.
    pub reasons: Vec<String>,
    pub steps: Vec<Step>,
    /// Policy items applied, e.g. ['四(十)'].
    pub citations: Vec<&'static str>,
    /// Names of parameters used whose status is not 'official'.
    #[tsify(type = "string[]")]
    pub unofficial: crate::params::UnofficialSet,
}

/// One calculation in progress.
pub struct Calc<'a> {
    pub params: Reader<'a>,
    pub trace: Trace,
    pub reasons: Vec<String>,
}

impl<'a> Calc<'a> {
    /// A calculation that writes out its steps and reasons (`explain`) or only computes.
    pub fn new(params: Reader<'a>, explain: bool) -> Self {
        Calc {
            params,
            trace: Trace::new(explain),
            reasons: Vec::new(),
        }
    }

    /// Record a step; `text` and `value` are only called when the calculation explains.
    pub fn step(
        &mut self,
        rule: &'static str,
        citation: &'static str,
        text: impl FnOnce() -> String,
        value: impl FnOnce() -> Option<String>,
    ) {
        self.trace.step(rule, Some(citation), text, value);
    }

    /// A sentence a member of staff can read out; only written when the calculation explains.
    pub fn reason(&mut self, text: impl FnOnce() -> String) {
        if self.trace.explains() {
            self.reasons.push(text());
        }
    }

    /// Close the calculation. `monthly` is rounded to the fen here (the end of that amount), and
    /// `annual` is the rounded monthly amount × 12.
    pub fn finish(
        self,
        program: &'static str,
        label: &'static str,
        eligible: bool,
        monthly: Option<Money>,
    ) -> crate::error::Result<ProgramResult> {
        let monthly = monthly.map(Money::round_fen);
        let annual = match monthly {
            Some(m) => Some(m.checked_mul(12.into())?),
            None => None,
        };
        Ok(ProgramResult {
            program,
            label,
            eligible,
            monthly,
            annual,
            reasons: self.reasons,
            steps: self.trace.steps,
            citations: self.trace.citations,
            unofficial: self.params.unofficial(),
        })
    }
}
