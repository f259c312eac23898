//! Explanations: every result carries the steps that produced it, each with a Chinese sentence, the
//! value it produced and the policy item it applies, plus the parameters it rested on that are not
//! `official`.

use serde::Serialize;
use tsify::Tsify;

/// One step of a calculation (API.md `Step`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable id of the rule applied, e.g. `transition.year`.
    pub rule: &'static str,
    /// What was done, in Chinese, with the figures.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub value: Option<String>,
    /// The policy item, e.g. `六(十六)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
}

/// The steps of one result and the policy items they cite, in order of first use.
///
/// A quiet trace (`explain` off, for registers screened in bulk) records the citations but skips the
/// sentences: the text and value of a step are closures, called only when the trace explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trace {
    pub steps: Vec<Step>,
    pub citations: Vec<&'static str>,
    explain: bool,
}

impl Default for Trace {
    fn default() -> Self {
        Self::new(true)
    }
}

impl Trace {
    pub fn new(explain: bool) -> Self {
        Trace {
            steps: Vec::new(),
            citations: Vec::new(),
            explain,
        }
    }

    /// Whether steps and reasons are written out.
    pub fn explains(&self) -> bool {
        self.explain
    }

    /// Record a step. `citation` is a policy item id such as `四(十)`.
    pub fn step(
        &mut self,
        rule: &'static str,
        citation: Option<&'static str>,
        text: impl FnOnce() -> String,
        value: impl FnOnce() -> Option<String>,
    ) {
        if let Some(c) = citation {
            self.cite(c);
        }
        if self.explain {
            self.steps.push(Step {
                rule,
                text: text(),
                value: value(),
                citation,
            });
        }
    }

    pub fn cite(&mut self, citation: &'static str) {
        if !self.citations.contains(&citation) {
            self.citations.push(citation);
        }
    }
}
