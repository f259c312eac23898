//! What a register's figures rested on, in an estimate's shape: the parameters that are not
//! official, those past their update cycle with the date of the value used, and this calculator's
//! assumptions, each with the parts that used it in any household (`usedBy`: `transition`,
//! `monitoring`, a programme's id, `alerts`). Gathered from each household's bits into a fixed
//! set of parts: nothing allocated per household.

use serde::Serialize;

use crate::estimate::{AssumptionUses, Estimate, StaleUses, UnofficialUses};
use crate::programs::registry::PROGRAMMES;
use crate::programs::{monitoring, Basis};

/// See the module documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegisterBasis {
    /// Per part, in an estimate's order: the transition, monitoring, every programme of the
    /// registry, the alerts.
    parts: Vec<(&'static str, Basis)>,
}

/// The parts before the programmes.
const FIRST: usize = 2;

impl Default for RegisterBasis {
    fn default() -> Self {
        let mut parts = Vec::with_capacity(PROGRAMMES.len().saturating_add(3));
        parts.push(("transition", Basis::default()));
        parts.push((monitoring::ID, Basis::default()));
        parts.extend(PROGRAMMES.iter().map(|p| (p.id, Basis::default())));
        parts.push(("alerts", Basis::default()));
        RegisterBasis { parts }
    }
}

impl RegisterBasis {
    /// Add what one household's estimate rested on.
    pub fn add(&mut self, e: &Estimate) {
        let transition = Basis {
            unofficial: e.transition.unofficial,
            stale: e.transition.stale,
            assumptions: Default::default(),
        };
        self.part(0, "transition", &transition);
        self.part(1, monitoring::ID, &e.monitoring.basis);
        for (i, p) in e.programs.iter().enumerate() {
            self.part(FIRST.saturating_add(i), p.id(), p.basis());
        }
        self.part(usize::MAX, "alerts", &e.alerts_basis);
    }

    /// Add another part of the register's.
    pub fn merge(&mut self, o: &RegisterBasis) {
        for (i, (id, b)) in o.parts.iter().enumerate() {
            self.part(i, id, b);
        }
    }

    /// Add `b` to part `id`, looked for at place `at` first (an estimate lists its parts in the
    /// registry's order), then by its id.
    fn part(&mut self, at: usize, id: &str, b: &Basis) {
        let i = match self.parts.get(at) {
            Some((mine, _)) if *mine == id => Some(at),
            _ => self.parts.iter().position(|(mine, _)| *mine == id),
        };
        if let Some((_, mine)) = i.and_then(|i| self.parts.get_mut(i)) {
            mine.extend(b);
        }
    }

    /// Everything every part rested on.
    pub fn all(&self) -> Basis {
        let mut all = Basis::default();
        for (_, b) in &self.parts {
            all.extend(b);
        }
        all
    }

    pub fn is_empty(&self) -> bool {
        let all = self.all();
        all.unofficial.is_empty() && all.stale.is_empty() && all.assumptions.is_empty()
    }
}

/// `{ unofficial, stale, assumptions }` as an unexplained estimate lists them (no words).
impl Serialize for RegisterBasis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let all = self.all();
        let mut o = s.serialize_struct("RegisterBasis", 3)?;
        o.serialize_field("unofficial", &UnofficialUses(&all, &self.parts))?;
        o.serialize_field("stale", &StaleUses(&all, &self.parts, false))?;
        o.serialize_field("assumptions", &AssumptionUses(&all, &self.parts, false))?;
        o.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_register_lists_what_any_household_rested_on_with_the_parts_that_used_it() {
        // 2025-06-01: 延寿县's rural 低保 standard is dated 2022-01-01 (stale); a second household
        // with an illness event rests on the 临时救助 assumptions too. The register's basis is
        // their union, each with the parts that used it in either.
        let engine = crate::engine::Engine::new().unwrap();
        let estimate = |text: &str| {
            let node = crate::input::parse(text, "h").unwrap();
            engine
                .estimate_in_batch(&node, "2025-06-01", false, &mut Default::default())
                .unwrap()
        };
        let a = estimate(r#"{"region":"230129","members":[{"birthDate":"1950-03-01"}]}"#);
        let b = estimate(
            r#"{"region":"230129","events":["illness"],"rigidSpending":"60000","members":[{"birthDate":"1980-03-01"}]}"#,
        );
        let mut r = RegisterBasis::default();
        r.add(&a);
        let mut other = RegisterBasis::default();
        other.add(&b);
        r.merge(&other);
        let v = serde_json::to_value(&r).unwrap();
        let (va, vb) = (
            serde_json::to_value(&a).unwrap(),
            serde_json::to_value(&b).unwrap(),
        );
        for key in ["unofficial", "stale", "assumptions"] {
            let name = if key == "assumptions" {
                "rule"
            } else {
                "parameter"
            };
            let mut expected: std::collections::BTreeMap<
                String,
                std::collections::BTreeSet<String>,
            > = Default::default();
            for e in [&va, &vb] {
                for item in e[key].as_array().unwrap() {
                    let used = expected
                        .entry(item[name].as_str().unwrap().into())
                        .or_default();
                    for p in item["usedBy"].as_array().unwrap() {
                        used.insert(p.as_str().unwrap().into());
                    }
                }
            }
            let got: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = v
                [key]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| {
                    let used = item["usedBy"].as_array().unwrap();
                    (
                        item[name].as_str().unwrap().into(),
                        used.iter().map(|p| p.as_str().unwrap().into()).collect(),
                    )
                })
                .collect();
            assert_eq!(got, expected, "{key}");
            assert!(!got.is_empty(), "{key}");
            // No words: an unexplained estimate's shape.
            assert!(v[key]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i.get("text").is_none()));
        }
        assert!(v["stale"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["parameter"] == "dibao.standard.rural" && s["lastFrom"] == "2022-01-01"));
        let printed = crate::register::summary::basis_printed(&r);
        assert!(
            printed.contains("农村低保标准（2022-01-01 起）"),
            "{printed}"
        );
        assert!(printed.contains("按本计算器的假设计算"), "{printed}");
    }
}
