//! What a change of parameters does to a register: every household under two parameter sets, and
//! per programme and per region how many households gain, lose, become eligible or stop being
//! eligible, and how the annual amounts change. `compareMany` in the package, `zhenxing compare` on
//! the command line.
//!
//! A programme's annual amount is its register figure (`_annual`: cash, or paid on the household's
//! behalf for 养老保险代缴, as in [`Screening`]); the total is the household's annual cash support
//! (`totalAnnual`). Programmes follow the registry: one added there is compared here with no change.

use std::collections::BTreeMap;

use serde::Serialize;
use tsify::Tsify;

use crate::batch::BatchError;
use crate::error::Result;
use crate::money::Money;
use crate::programs::registry::PROGRAMMES;
use crate::screening::Screening;

/// The id and label of the total in lists of changes.
pub const TOTAL: (&str, &str) = ("total", "现金帮扶合计");

/// How one programme (or the total) changed for one household.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct HouseholdChange {
    /// The programme's id, or `total`.
    pub program: &'static str,
    /// Eligible under the engine's parameters (for the total: any cash support).
    pub eligible_before: bool,
    /// Eligible under the other engine's parameters.
    pub eligible_after: bool,
    /// The programme's annual amount (for the total: annual cash support) under the engine's
    /// parameters.
    #[tsify(type = "string")]
    pub annual_before: Money,
    /// The same under the other engine's parameters.
    #[tsify(type = "string")]
    pub annual_after: Money,
    /// after − before.
    #[tsify(type = "string")]
    pub difference: Money,
}

impl HouseholdChange {
    /// Whether its eligibility or its amount differs.
    pub fn changed(&self) -> bool {
        self.eligible_before != self.eligible_after || self.annual_before != self.annual_after
    }
}

/// One household under both parameter sets: every programme of the registry, then the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdComparison {
    /// One per programme of the registry, in its order, then the total (eligible = any cash).
    pub changes: Vec<HouseholdChange>,
}

impl HouseholdComparison {
    /// Compare a household's two screening rows.
    pub fn of(before: &Screening, after: &Screening) -> Result<HouseholdComparison> {
        let mut changes = Vec::with_capacity(PROGRAMMES.len().saturating_add(1));
        for p in PROGRAMMES {
            let b = before.program(p.id);
            let a = after.program(p.id);
            let (eb, ab) = b.map_or((false, Money::ZERO), |r| (r.eligible, r.annual));
            let (ea, aa) = a.map_or((false, Money::ZERO), |r| (r.eligible, r.annual));
            changes.push(HouseholdChange {
                program: p.id,
                eligible_before: eb,
                eligible_after: ea,
                annual_before: ab,
                annual_after: aa,
                difference: aa.checked_sub(ab)?,
            });
        }
        changes.push(HouseholdChange {
            program: TOTAL.0,
            eligible_before: before.total_annual > Money::ZERO,
            eligible_after: after.total_annual > Money::ZERO,
            annual_before: before.total_annual,
            annual_after: after.total_annual,
            difference: after.total_annual.checked_sub(before.total_annual)?,
        });
        Ok(HouseholdComparison { changes })
    }

    /// Whether anything differs (an eligibility or an amount).
    pub fn changed(&self) -> bool {
        self.changes.iter().any(HouseholdChange::changed)
    }

    /// The total's change.
    pub fn total(&self) -> Option<&HouseholdChange> {
        self.changes.last()
    }
}

/// One programme (or the total) over many households.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The programme's id, or `total`.
    pub program: &'static str,
    /// Chinese name (`现金帮扶合计` for the total).
    pub label: &'static str,
    /// Households whose eligibility or annual amount for this programme differs.
    pub changed: u64,
    /// Households whose annual amount rises.
    pub gaining: u64,
    /// Households whose annual amount falls.
    pub losing: u64,
    /// Households not eligible before, eligible after (for the total: receiving no cash before).
    pub newly_eligible: u64,
    /// Households eligible before, not after.
    pub no_longer_eligible: u64,
    /// Households eligible under the engine's parameters.
    pub eligible_before: u64,
    /// Households eligible under the other engine's parameters.
    pub eligible_after: u64,
    /// Annual amount of all these households under the engine's parameters.
    #[tsify(type = "string")]
    pub annual_before: Money,
    /// The same under the other engine's parameters.
    #[tsify(type = "string")]
    pub annual_after: Money,
    /// after − before, annual.
    #[tsify(type = "string")]
    pub difference: Money,
}

impl Change {
    fn new(program: &'static str, label: &'static str) -> Change {
        Change {
            program,
            label,
            changed: 0,
            gaining: 0,
            losing: 0,
            newly_eligible: 0,
            no_longer_eligible: 0,
            eligible_before: 0,
            eligible_after: 0,
            annual_before: Money::ZERO,
            annual_after: Money::ZERO,
            difference: Money::ZERO,
        }
    }

    fn add(&mut self, c: &HouseholdChange) -> Result<()> {
        let n = |b: bool| u64::from(b);
        self.changed = self.changed.saturating_add(n(c.changed()));
        self.gaining = self
            .gaining
            .saturating_add(n(c.annual_after > c.annual_before));
        self.losing = self
            .losing
            .saturating_add(n(c.annual_after < c.annual_before));
        self.newly_eligible = self
            .newly_eligible
            .saturating_add(n(!c.eligible_before && c.eligible_after));
        self.no_longer_eligible = self
            .no_longer_eligible
            .saturating_add(n(c.eligible_before && !c.eligible_after));
        self.eligible_before = self.eligible_before.saturating_add(n(c.eligible_before));
        self.eligible_after = self.eligible_after.saturating_add(n(c.eligible_after));
        self.annual_before = self.annual_before.checked_add(c.annual_before)?;
        self.annual_after = self.annual_after.checked_add(c.annual_after)?;
        self.difference = self.difference.checked_add(c.difference)?;
        Ok(())
    }

    fn merge(&mut self, o: &Change) -> Result<()> {
        self.changed = self.changed.saturating_add(o.changed);
        self.gaining = self.gaining.saturating_add(o.gaining);
        self.losing = self.losing.saturating_add(o.losing);
        self.newly_eligible = self.newly_eligible.saturating_add(o.newly_eligible);
        self.no_longer_eligible = self.no_longer_eligible.saturating_add(o.no_longer_eligible);
        self.eligible_before = self.eligible_before.saturating_add(o.eligible_before);
        self.eligible_after = self.eligible_after.saturating_add(o.eligible_after);
        self.annual_before = self.annual_before.checked_add(o.annual_before)?;
        self.annual_after = self.annual_after.checked_add(o.annual_after)?;
        self.difference = self.difference.checked_add(o.difference)?;
        Ok(())
    }
}

/// Every programme of the registry, then the total, each empty.
fn changes() -> Vec<Change> {
    PROGRAMMES
        .iter()
        .map(|p| Change::new(p.id, p.label))
        .chain([Change::new(TOTAL.0, TOTAL.1)])
        .collect()
}

/// The name of the row of errors with no region.
pub const NO_REGION: &str = "未填地区";

/// The households of a region, compared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegionComparison {
    /// The household's `region` as given (a 6-digit code); empty for the errors that have none
    /// (named 未填地区), so that the regions' errors add up to the total.
    pub region: String,
    /// Its Chinese name, when the parameter set knows the code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region_name: Option<String>,
    /// Households compared (errors are not).
    pub households: u64,
    /// Households of the region that are an error under either parameter set (not compared).
    pub errors: u64,
    /// Households with any difference.
    pub changed: u64,
    /// Every programme of the registry, then the total (`program: 'total'`).
    pub programs: Vec<Change>,
}

/// A register compared: households, errors, and the changes overall and per region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonSummary {
    /// Households read.
    pub households: u64,
    /// Households that are an error under either parameter set (not compared).
    pub errors: u64,
    /// Households with any difference.
    pub changed: u64,
    /// Every programme of the registry, then the total (`program: 'total'`).
    pub programs: Vec<Change>,
    /// Per region, sorted by code.
    pub regions: Vec<RegionComparison>,
}

/// Adds households up into a [`ComparisonSummary`]; tallies of parts of a register merge.
#[derive(Clone, Debug, Default)]
pub struct ComparisonTally {
    households: u64,
    errors: u64,
    changed: u64,
    all: Option<Vec<Change>>,
    regions: BTreeMap<String, RegionTally>,
}

/// One region's part of a [`ComparisonTally`].
#[derive(Clone, Debug)]
struct RegionTally {
    households: u64,
    errors: u64,
    changed: u64,
    programs: Vec<Change>,
}

impl Default for RegionTally {
    fn default() -> Self {
        RegionTally {
            households: 0,
            errors: 0,
            changed: 0,
            programs: changes(),
        }
    }
}

impl ComparisonTally {
    /// A household that is an error (under either set), of `region` as given when it has one.
    pub fn add_error(&mut self, region: Option<&str>) {
        self.households = self.households.saturating_add(1);
        self.errors = self.errors.saturating_add(1);
        // One without a region (a line that could not be read as a household) has a row of its
        // own, so the regions' errors add up to the total.
        let r = self
            .regions
            .entry(region.unwrap_or_default().to_string())
            .or_default();
        r.errors = r.errors.saturating_add(1);
    }

    /// A household of `region`, compared.
    pub fn add(&mut self, region: &str, c: &HouseholdComparison) -> Result<()> {
        self.households = self.households.saturating_add(1);
        let changed = u64::from(c.changed());
        self.changed = self.changed.saturating_add(changed);
        let all = self.all.get_or_insert_with(changes);
        for (t, h) in all.iter_mut().zip(&c.changes) {
            t.add(h)?;
        }
        let r = self.regions.entry(region.to_string()).or_default();
        r.households = r.households.saturating_add(1);
        r.changed = r.changed.saturating_add(changed);
        for (t, h) in r.programs.iter_mut().zip(&c.changes) {
            t.add(h)?;
        }
        Ok(())
    }

    pub fn merge(&mut self, o: &ComparisonTally) -> Result<()> {
        self.households = self.households.saturating_add(o.households);
        self.errors = self.errors.saturating_add(o.errors);
        self.changed = self.changed.saturating_add(o.changed);
        if let Some(other) = &o.all {
            let all = self.all.get_or_insert_with(changes);
            for (t, h) in all.iter_mut().zip(other) {
                t.merge(h)?;
            }
        }
        for (region, theirs) in &o.regions {
            let r = self.regions.entry(region.clone()).or_default();
            r.households = r.households.saturating_add(theirs.households);
            r.errors = r.errors.saturating_add(theirs.errors);
            r.changed = r.changed.saturating_add(theirs.changed);
            for (t, h) in r.programs.iter_mut().zip(&theirs.programs) {
                t.merge(h)?;
            }
        }
        Ok(())
    }

    /// The summary; `name` gives a region's Chinese name from its code.
    pub fn finish(self, name: impl Fn(&str) -> Option<String>) -> ComparisonSummary {
        ComparisonSummary {
            households: self.households,
            errors: self.errors,
            changed: self.changed,
            programs: self.all.unwrap_or_else(changes),
            regions: self
                .regions
                .into_iter()
                .map(|(region, r)| RegionComparison {
                    region_name: match region.as_str() {
                        "" => Some(NO_REGION.to_string()),
                        code => name(code),
                    },
                    region,
                    households: r.households,
                    errors: r.errors,
                    changed: r.changed,
                    programs: r.programs,
                })
                .collect(),
        }
    }
}

/// A household that differs (or is an error) in `compareMany`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum DifferingHousehold {
    Changed {
        #[tsify(type = "true")]
        ok: bool,
        /// Its position in the batch (from 0).
        index: usize,
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        #[tsify(optional)]
        reference: Option<String>,
        region: String,
        /// Every programme of the registry, then the total (`program: 'total'`).
        programs: Vec<HouseholdChange>,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        index: usize,
        #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
        #[tsify(optional)]
        reference: Option<String>,
        error: BatchError,
    },
}

/// `compareMany`: the summary, and the households that differ or are errors, in batch order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegisterComparison {
    /// Per programme and per region.
    pub summary: ComparisonSummary,
    /// The households with any difference, and those that are errors, in batch order.
    pub households: Vec<DifferingHousehold>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs::monitoring::Category;
    use crate::screening::{MonitoringVerdict, ScreenedProgram};

    fn row(dibao: Option<&str>) -> Screening {
        let m = |s: &str| Money::parse_input(s, "").unwrap();
        let annual = dibao.map_or(Money::ZERO, m);
        Screening {
            monitoring: MonitoringVerdict {
                in_scope: false,
                category: None::<Category>,
                track: None,
            },
            programs: PROGRAMMES
                .iter()
                .map(|p| ScreenedProgram {
                    program: p.id,
                    eligible: p.id == "dibao" && dibao.is_some(),
                    monthly: None,
                    annual: if p.id == "dibao" { annual } else { Money::ZERO },
                })
                .collect(),
            alerts: Vec::new(),
            total_monthly: Money::ZERO,
            total_annual: annual,
            unofficial: Default::default(),
            stale: Default::default(),
            reference: None,
        }
    }

    #[test]
    fn changes_are_counted_per_programme_and_region() {
        let mut t = ComparisonTally::default();
        let c1 = HouseholdComparison::of(&row(None), &row(Some("120.00"))).unwrap();
        let c2 = HouseholdComparison::of(&row(Some("240.00")), &row(Some("200.00"))).unwrap();
        let c3 = HouseholdComparison::of(&row(None), &row(None)).unwrap();
        assert!(c1.changed() && c2.changed() && !c3.changed());
        let mut u = ComparisonTally::default();
        t.add("230129", &c1).unwrap();
        u.add("230221", &c2).unwrap();
        u.add("230129", &c3).unwrap();
        u.add_error(Some("230221"));
        t.add_error(None);
        t.merge(&u).unwrap();
        let s = t.finish(|_| None);
        // Errors count overall and in their region, those with none in a row of their own
        // (first: its code is empty), so the rows add up (merged across parts).
        assert_eq!((s.households, s.errors, s.changed), (5, 2, 2));
        assert_eq!(s.regions.len(), 3);
        assert_eq!(
            (
                s.regions[0].region.as_str(),
                s.regions[0].region_name.as_deref()
            ),
            ("", Some(NO_REGION))
        );
        assert_eq!((s.regions[0].households, s.regions[0].errors), (0, 1));
        assert_eq!(s.regions.iter().map(|r| r.errors).sum::<u64>(), s.errors);
        assert_eq!((s.regions[2].households, s.regions[2].errors), (1, 1));
        assert_eq!(s.regions[1].errors, 0);
        let d = &s.programs[0];
        assert_eq!(
            (d.gaining, d.losing, d.newly_eligible, d.no_longer_eligible),
            (1, 1, 1, 0)
        );
        assert_eq!(d.difference.to_fen_string(), "80.00");
        assert_eq!((s.regions[1].households, s.regions[1].changed), (2, 1));
        assert_eq!(s.programs.last().unwrap().program, "total");
    }
}
