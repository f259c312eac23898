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
    /// Stable id of the rule applied, e.g. `transition.phase` (listed in docs/rules.md).
    pub rule: &'static str,
    /// What was done, in Chinese, with the figures.
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub value: Option<String>,
    /// The policy item, e.g. `六(十六)` (or, for a rule the text does not state, the document).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
    /// The national or provincial documents the step's rule also rests on, beside `citation`
    /// (`['民发〔2021〕43号第四条（转述）']` behind `四(十)`), as docs/rules.md lists each rule's
    /// basis: shown with the citation, so a step names every text it applies. Absent when
    /// `citation` is the whole basis. Not items of the policy text: a result's `citations` list
    /// the items only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub documents: Vec<&'static str>,
}

/// A figure of a result as a card shows it (API: `facts`): a Chinese label, the value as text, its
/// unit, and where the value sits in the result (`standard`, `supplements[0].monthly`).
/// Only an explained result has facts. A lean one (`explain: false`) has none, not even
/// `{ key, value, unit }`: a fact with a `key` repeats the typed field at that path (its unit is the
/// field's, given with the field's type), and a fact without one is words (a name, a period). A
/// page showing a lean result reads its fields, and `labels()` or `describe(id)` for words.
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
    /// A step applying `rule`, citing its first source (see [`RuleId::citation`]) and showing the
    /// documents of its basis beside it.
    pub fn step(&mut self, rule: impl Into<RuleId>, text: String, value: Option<String>) {
        let rule = rule.into();
        self.step_citing(rule, rule.citation(), text, value);
    }

    /// A step applying `rule` that cites another of its sources, or (for a rule that lists what
    /// the text says item by item) the item it applies; the rest of the rule's documents shown
    /// beside it.
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
            documents: rule.rule().documents_beside(citation),
        });
    }

    /// For each assumption `applied` that no step has said, a step of its own in the rule's words,
    /// so that every assumption a card rests on is read on the card, marked, not only listed.
    pub fn say_assumptions(&mut self, applied: Assumptions) {
        for rule in applied.iter() {
            if self.steps.iter().all(|s| s.rule != rule.id) {
                let citation = rule.sources().next();
                self.steps.push(Step {
                    rule: rule.id,
                    text: mark(rule.text.to_string()),
                    value: None,
                    citation,
                    documents: rule.documents_beside(citation.unwrap_or_default()),
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
    /// The first of them that `rule` lists among its sources, else the rule's own citation: what
    /// a step of a rule shared by the programmes cites for one of them.
    pub fn for_rule(&self, rule: RuleId) -> &'static str {
        self.0
            .iter()
            .copied()
            .find(|c| rule.rule().sources().any(|s| s == *c))
            .unwrap_or(rule.citation())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules;

    #[test]
    fn a_step_shows_the_documents_behind_its_item() {
        let mut e = Explanation::default();
        // tekun.member: 四(十) of the text, 民发〔2021〕43号第四条 behind it (docs/rules.md).
        e.step(rules::TEKUN_MEMBER, "纳入特困供养。".into(), None);
        // medicalPremium.member: 二(三), 国办发〔2021〕42号 behind it.
        e.step(rules::MEDICAL_PREMIUM_MEMBER, "全额资助。".into(), None);
        // A rule of the text alone shows no document.
        e.step(rules::PENSION_MEMBER, "代缴。".into(), None);
        // Cited by hand: the item chosen, the rule's documents beside it.
        e.step_citing(
            rules::DIBAO_TEKUN_MEMBERS,
            "四(十三)",
            "另行供养。".into(),
            None,
        );
        let shown: Vec<(Option<&str>, &[&str])> = e
            .steps
            .iter()
            .map(|s| (s.citation, s.documents.as_slice()))
            .collect();
        assert_eq!(
            shown,
            [
                (Some("四(十)"), &["民发〔2021〕43号第四条（转述）"][..]),
                (Some("二(三)"), &["国办发〔2021〕42号（转述）"][..]),
                (Some("四(十二)"), &[][..]),
                (Some("四(十三)"), &["民发〔2021〕43号第四条（转述）"][..]),
            ]
        );
        let json = serde_json::to_string(&e.steps[0]).unwrap();
        assert!(
            json.ends_with(
                r#""citation":"四(十)","documents":["民发〔2021〕43号第四条（转述）"]}"#
            ),
            "{json}"
        );
        assert!(!serde_json::to_string(&e.steps[2])
            .unwrap()
            .contains("documents"));
    }

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
