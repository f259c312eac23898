//! Explanations: the words of a result, written from its figures after they are computed. Each
//! step has a Chinese sentence, the value it produced and the policy item it applies; reasons are
//! sentences a member of staff can read out; facts are the figures a card shows, with labels.
//!
//! Batches and screening never write explanations: the figures are the same without them.

use serde::Serialize;
use tsify::Tsify;

use crate::policy::rules::{Assumptions, Basis, RuleId};

/// One step of a calculation (`steps[]` of every result).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    /// Stable id of the rule applied, e.g. `transition.year` (listed in docs/rules.md).
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

/// A figure of a result as a card shows it (API: `facts`): a Chinese label, the value as text, its
/// unit, and where the value sits in the result (`standard`, `supplements[0].monthly`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub label: String,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub unit: Option<&'static str>,
    /// The path of the value in the result, when it is one of its fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub key: Option<String>,
}

/// A step's text, saying so when its rule is a choice of this calculator rather than a provision
/// (its citation names what the choice fills in, not a text that says it): `…（本计算器的假设）。`,
/// unless the text already speaks of the assumption.
fn marked(rule: RuleId, text: String) -> String {
    // A byte search (`str::contains` would link the standard library's substring search).
    if rule.rule().basis != Basis::Assumption || crate::base::bytes::contains(&text, "假设") {
        return text;
    }
    mark(text)
}

/// `text` ending in （本计算器的假设）, before its full stop.
fn mark(mut text: String) -> String {
    let stop = text.ends_with('。');
    if stop {
        text.pop();
    }
    text.push_str("（本计算器的假设）");
    if stop {
        text.push('。');
    }
    text
}

/// The words of one result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Explanation {
    pub steps: Vec<Step>,
    pub reasons: Vec<String>,
    pub facts: Vec<Fact>,
}

impl Explanation {
    /// A step applying `rule`, citing its first source (see [`RuleId::citation`]).
    pub fn step(&mut self, rule: impl Into<RuleId>, text: String, value: Option<String>) {
        let rule = rule.into();
        self.step_citing(rule, rule.citation(), text, value);
    }

    /// A step applying `rule` that cites another of its sources, or (for a rule that lists what
    /// the text says item by item) the item it applies.
    pub fn step_citing(
        &mut self,
        rule: impl Into<RuleId>,
        citation: &'static str,
        text: String,
        value: Option<String>,
    ) {
        let rule = rule.into();
        self.steps.push(Step {
            rule: rule.id(),
            text: marked(rule, text),
            value,
            citation: Some(citation),
        });
    }

    /// For each assumption `applied` that no step has said, a step of its own in the rule's words,
    /// so that every assumption a card rests on is read on the card, marked, not only listed.
    pub fn say_assumptions(&mut self, applied: Assumptions) {
        for rule in applied.iter() {
            if self.steps.iter().all(|s| s.rule != rule.id) {
                self.steps.push(Step {
                    rule: rule.id,
                    text: mark(rule.text.to_string()),
                    value: None,
                    citation: rule.sources().next(),
                });
            }
        }
    }

    /// A sentence a member of staff can read out.
    pub fn reason(&mut self, text: impl Into<String>) {
        self.reasons.push(text.into());
    }

    /// A figure of the result (`key`: its path in the result) with its unit.
    pub fn fact(
        &mut self,
        label: impl Into<String>,
        value: impl std::fmt::Display,
        unit: &'static str,
        key: impl Into<String>,
    ) {
        self.facts.push(Fact {
            label: label.into(),
            value: value.to_string(),
            unit: Some(unit).filter(|u| !u.is_empty()),
            key: Some(key.into()),
        });
    }

    /// A fact in words (names, periods), not a field of the result.
    pub fn fact_text(&mut self, label: impl Into<String>, value: impl Into<String>) {
        self.facts.push(Fact {
            label: label.into(),
            value: value.into(),
            unit: None,
            key: None,
        });
    }
}

/// Policy items in order of first use, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Citations(Vec<&'static str>);

impl Citations {
    pub fn of(items: &[&'static str]) -> Self {
        let mut c = Citations::default();
        for i in items {
            c.add(i);
        }
        c
    }
    pub fn add(&mut self, item: &'static str) {
        if !self.0.contains(&item) {
            self.0.push(item);
        }
    }
    /// `item` when `applies`.
    pub fn add_if(&mut self, applies: bool, item: &'static str) {
        if applies {
            self.add(item);
        }
    }
    /// With every item of the policy text that `steps` cite after its own (a step may cite a
    /// document instead: not an item, not listed), so that a result lists what its steps apply.
    pub fn and_steps(mut self, steps: &[Step]) -> Self {
        for c in steps.iter().filter_map(|s| s.citation) {
            self.add_if(super::title(c).is_some(), c);
        }
        self
    }
    pub fn into_vec(self) -> Vec<&'static str> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules;

    #[test]
    fn a_step_of_an_assumption_says_so_and_a_provision_does_not() {
        let mut e = Explanation::default();
        // publicPost.household is this calculator's choice (三(六) names no group): marked.
        e.step(
            rules::PUBLIC_POST_HOUSEHOLD,
            "乡村公益岗位面向脱贫户、监测户。".into(),
            None,
        );
        // A text already speaking of the assumption is left as written.
        e.step(rules::PUBLIC_POST_HOUSEHOLD, "按假设计。".into(), None);
        // dibao.base applies 民发〔2021〕57号: not marked.
        e.step(rules::DIBAO_BASE, "补差 = 标准 − 人均。".into(), None);
        let texts: Vec<&str> = e.steps.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "乡村公益岗位面向脱贫户、监测户（本计算器的假设）。",
                "按假设计。",
                "补差 = 标准 − 人均。"
            ]
        );
    }
}
