//! Screening a register: one compact row per household with each programme's eligibility and
//! amount, the monitoring verdict and the totals. It is the full estimate (every programme
//! computed by the same code) without the explanation, for registers of thousands or millions of
//! households: `screenMany` in the package, the rows the command-line tool writes. A row is
//! written from an estimate ([`Screening::of`]) or, when no estimate is wanted, straight from each
//! programme's amounts ([`screen_in`]): the same row.
//!
//! Annual amounts follow `Estimate.contributions`: 低保 and 特困 monthly × 12, 临时救助 its one-off
//! amount, 养老保险代缴 the premiums paid on the household's behalf, 教育资助 every aid, a post its pay;
//! 康复救助 the most it pays (its ceilings, as its result's `annual`), which no total or comparison of
//! money counts.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use crate::base::error::Result;
use crate::base::money::Money;
use crate::estimate::{alerts_of, rested_on, Contribution, Estimate, Totals, Transitions};
use crate::input::model::{Household, HouseholdInput, Lens};
use crate::params::ParameterSet;
use crate::programs::assistance::Assistance;
use crate::programs::monitoring;
use crate::programs::monitoring::{Category, MonitoringFigures, Track};
use crate::programs::{registry, Amounts};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Screening {
    pub monitoring: MonitoringVerdict,
    /// Every household programme, in the order of `Estimate.programs`.
    #[tsify(type = "ScreenedProgram[]")]
    pub programs: Vec<ScreenedProgramme>,
    /// The ids of the estimate's alerts (`schoolDropout`, `coverageGap`, …), in its order.
    pub alerts: Vec<&'static str>,
    /// Monthly cash support, as `Estimate.totalMonthly`.
    #[tsify(type = "string")]
    pub total_monthly: Money,
    /// Annual cash support, as `Estimate.totalAnnual`.
    #[tsify(type = "string")]
    pub total_annual: Money,
    /// Every non-official parameter the figures rest on.
    #[tsify(type = "string[]")]
    pub unofficial: crate::params::UnofficialSet,
    /// The names of the figures they rest on that are older than their update cycle (the estimate
    /// says since when, in words).
    #[tsify(type = "string[]")]
    #[serde(serialize_with = "stale_names")]
    pub stale: crate::params::StaleSet,
    /// The household's `ref`, when it had one.
    #[serde(rename = "ref", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub reference: Option<String>,
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

/// A programme in a screening row: its figures only. A row is a register's line, kept small (its
/// bytes are held to a budget); the reason ids (`why`) of each programme come with the
/// household's unexplained `estimate`, or the programme's own call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
// `ScreenedProgram` in TypeScript, as docs/api.md names it.
#[serde(rename_all = "camelCase")]
#[tsify(rename = "ScreenedProgram")]
pub struct ScreenedProgramme {
    /// The programme's id ('dibao', 'tekun', …).
    #[tsify(type = "ProgramId")]
    pub program: &'static str,
    pub eligible: bool,
    /// Money per month, for the programmes that pay monthly (低保, 特困) when eligible.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub monthly: Option<Money>,
    /// Money per year (0.00 when not eligible); for 康复救助, the most it pays (not in any total).
    #[tsify(type = "string")]
    pub annual: Money,
    /// The part of the year's cash paid once (临时救助), 0.00 when not eligible: for
    /// `screenColumns`, not written in a row.
    #[serde(skip)]
    pub one_off: Money,
    /// Paid on the household's behalf or given in kind in the year (代缴, 资助参保, meals), 0.00 when
    /// not eligible: for `screenColumns`, not written in a row.
    #[serde(skip)]
    pub on_behalf: Money,
    /// `annual` is a ceiling, not money (康复救助's): for comparisons, not written.
    #[serde(skip)]
    pub ceiling: bool,
}

impl MonitoringVerdict {
    pub(crate) fn of(f: &MonitoringFigures) -> Self {
        MonitoringVerdict {
            in_scope: f.in_scope,
            category: f.category,
            track: f.track,
        }
    }
}

impl ScreenedProgramme {
    /// A programme's row: its eligibility, monthly amount and what it adds (`c`), or the most it
    /// pays (`ceiling`, for a programme paying up to one), amounts only when eligible.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn of(
        program: &'static str,
        eligible: bool,
        monthly: Option<Money>,
        c: &Contribution,
        ceiling: Money,
    ) -> Self {
        let when_eligible = |m: Money| if eligible { m } else { Money::ZERO };
        ScreenedProgramme {
            program,
            eligible,
            monthly: monthly.filter(|_| eligible),
            one_off: when_eligible(c.one_off),
            on_behalf: when_eligible(c.other_annual),
            ceiling: !ceiling.is_zero(),
            annual: match eligible {
                // What the programme adds (cash, on the household's behalf, or pay), or the most
                // it pays.
                true => c
                    .annual()
                    .and_then(|m| m.checked_add(ceiling))
                    .unwrap_or(c.cash_annual),
                false => Money::ZERO,
            },
        }
    }

    /// The part of `annual` that is a ceiling, not money (康复救助's): for comparisons.
    pub fn ceiling(&self) -> Money {
        match self.ceiling {
            true => self.annual,
            false => Money::ZERO,
        }
    }

    /// The annual amount a comparison counts: `annual` without a ceiling, which is not money.
    pub fn paid(&self) -> Money {
        self.annual
            .checked_sub(self.ceiling())
            .unwrap_or(self.annual)
    }
}

/// The most programme `p` pays, when its `annual` is a ceiling (康复救助's); zero otherwise.
fn ceiling_of(p: &registry::Programme, annual: impl FnOnce() -> Option<Money>) -> Money {
    match p.notes.ceiling {
        true => annual().unwrap_or_default(),
        false => Money::ZERO,
    }
}

/// A row lists stale figures by name only: the same texts on every row would be most of its size.
fn stale_names<S: serde::Serializer>(
    stale: &crate::params::StaleSet,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.collect_seq(stale.names())
}

impl Screening {
    /// The row of an estimate ([`screen_in`] writes the same row without one).
    pub fn of(e: &Estimate) -> Screening {
        let programs = e
            .programs
            .iter()
            .zip(&e.contributions)
            .zip(registry::PROGRAMMES)
            .map(|((p, c), r)| {
                let ceiling = ceiling_of(r, || p.annual());
                ScreenedProgramme::of(p.id(), p.eligible(), p.monthly(), c, ceiling)
            })
            .collect();
        Screening {
            monitoring: MonitoringVerdict::of(&e.monitoring.figures),
            programs,
            alerts: e.alerts.iter().map(|a| a.id).collect(),
            total_monthly: e.total_monthly,
            total_annual: e.total_annual,
            unofficial: e.unofficial,
            stale: e.stale,
            reference: e.reference.clone(),
        }
    }

    /// A programme's row by its id.
    pub fn program(&self, id: &str) -> Option<&ScreenedProgramme> {
        self.programs.iter().find(|p| p.program == id)
    }

    /// The row of `id`, the `i`th programme of the registry: looked for at its place first (a
    /// screening lists the programmes in the registry's order), then by its id.
    pub fn program_at(&self, i: usize, id: &str) -> Option<&ScreenedProgramme> {
        self.programs
            .get(i)
            // The registry's own id is the same text at the same address: no bytes compared.
            .filter(|p| std::ptr::eq(p.program, id) || p.program == id)
            .or_else(|| self.program(id))
    }
}

/// The screening row of a household, as [`Screening::of`] would write it from the unexplained
/// estimate: every programme computed by the same code, but only its amounts and what it rested
/// on kept (no result assembled, copied and dropped for each programme).
pub fn screen_in(
    set: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    transitions: &mut Transitions,
) -> Result<Screening> {
    // The household, its monitoring and its context are read where they were returned: moved
    // out of their Results, each would be copied (the three are nearly two kilobytes).
    let read = Household::read_through(h, set, on, Lens::default(), Some(transitions.kept()));
    let (household, reader) = match read {
        Ok((ref household, ref reader)) => (household, reader),
        Err(e) => return Err(e),
    };
    let transition = transitions.get(reader, false)?;
    let reader = transitions.keeping(reader.clone());
    // The verdict and its basis alone: the row shows nothing else of monitoring's result.
    let (verdict, monitoring) =
        monitoring::figures_with_basis(household, &reader, MonitoringVerdict::of)?;
    let mut found = Assistance::of(household, &reader);
    let assistance = match found {
        Ok(ref mut assistance) => assistance,
        Err(e) => return Err(e),
    };
    let mut kept = crate::programs::ForAlerts::default();
    let mut totals = Totals::default();
    let mut basis = rested_on(&monitoring, &transition);
    let mut programs = Vec::with_capacity(registry::PROGRAMMES.len());
    // Each programme's part as it comes, in the registry's order.
    let mut listed = registry::PROGRAMMES.iter();
    let mut row = |a: &Amounts| -> Result<()> {
        let Some(p) = listed.next() else {
            return Ok(());
        };
        totals.add_cash(a)?;
        programs.push(ScreenedProgramme::of(
            p.id,
            a.eligible,
            a.monthly,
            &Contribution::of(p.id, p.label, a),
            ceiling_of(p, || a.annual),
        ));
        Ok(())
    };
    let rested = registry::run_all_for_row(household, assistance, &reader, &mut kept, &mut row)?;
    basis.extend(&rested);
    let (alerts, alerts_basis) = alerts_of(household, assistance, kept.housing.as_ref(), &reader)?;
    basis.extend(&alerts_basis);
    Ok(Screening {
        monitoring: verdict,
        programs,
        alerts: alerts.iter().map(|a| a.id).collect(),
        total_monthly: totals.monthly,
        total_annual: totals.annual,
        unofficial: basis.unofficial,
        stale: basis.stale,
        reference: household.reference.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_is_found_at_its_place_or_by_its_id() {
        let row = |program: &'static str, eligible: bool| ScreenedProgramme {
            program,
            eligible,
            monthly: None,
            annual: Money::ZERO,
            one_off: Money::ZERO,
            on_behalf: Money::ZERO,
            ceiling: false,
        };
        let s = Screening {
            monitoring: MonitoringVerdict {
                in_scope: false,
                category: None,
                track: None,
            },
            // Out of the registry's order: the second place holds 'dibao', not 'tekun'.
            programs: vec![row("tekun", false), row("dibao", true)],
            alerts: Vec::new(),
            total_monthly: Money::ZERO,
            total_annual: Money::ZERO,
            unofficial: crate::params::UnofficialSet::default(),
            stale: crate::params::StaleSet::default(),
            reference: None,
        };
        assert_eq!(s.program_at(1, "dibao").map(|r| r.eligible), Some(true));
        assert_eq!(s.program_at(0, "dibao").map(|r| r.eligible), Some(true));
        assert_eq!(s.program_at(1, "tekun").map(|r| r.program), Some("tekun"));
        assert!(s.program_at(5, "housing").is_none());
    }
}
