//! What a change of parameters, or of date, does to a register: every household under two parameter
//! sets (or on two dates), and per programme and per region how many households gain, lose, become
//! eligible or stop being eligible, and how the annual amounts change; per household and programme,
//! why (reason ids of [`CHANGE_REASONS`]), and per reason how many households gain and lose.
//! `compareMany` in the package, `zhenxing compare` on the command line.
//!
//! A programme's annual amount is its register figure (`_annual`: cash, or paid on the household's
//! behalf for 养老保险代缴, as in [`Screening`]), without a ceiling (康复救助's is not money: its change
//! is one of eligibility); the total is the household's annual cash support (`totalAnnual`).
//! Programmes follow the registry: one added there is compared here with no change.

use std::borrow::Cow;

use serde::Serialize;
use tsify::Tsify;

use chrono::NaiveDate;

use crate::base::error::BatchError;
use crate::base::error::{PolicyError, Result};
use crate::base::json::Node;
use crate::base::money::Money;
use crate::base::sorted_map::SortedMap;
use crate::estimate::rested::RegisterBasis;
use crate::estimate::screening::{ScreenedProgramme, Screening};
use crate::estimate::{estimate, estimate_through, Estimate, Transitions};
use crate::input::model::{HouseholdInput, Lens};
use crate::params::ParameterSet;
use crate::programs::dibao::Route;
use crate::programs::registry::{ProgrammeOutcome, PROGRAMMES};

/// Every reason a comparison gives for a programme's change: `(id, Chinese)`. The first four are what
/// moved (a comparison of dates takes them one at a time, in this order, and names each for the
/// programmes it changed); the rest are how a programme followed.
pub const CHANGE_REASONS: &[(&str, &str)] = &[
    (
        "measureLapsed",
        "措施自身的期限届满（如渐退期结束、政策窗口关闭）",
    ),
    ("parameterChanged", "标准、档次、比例等参数调整"),
    ("memberAged", "成员年龄变化（如年满16、18或60周岁）"),
    ("periodEnded", "过渡期结束，只在过渡期内适用的政策不再适用"),
    (
        "dibaoWholeHousehold",
        "整户符合低保，成员不再参照单人户另行纳入",
    ),
    (
        "dibaoSinglePerson",
        "整户不再符合低保，只有重度残疾、重病成员参照单人户纳入",
    ),
    ("dibaoGradualExit", "务工收入使家庭超过低保标准，进入渐退期"),
    ("dibaoGradualExitOver", "低保渐退期结束"),
    (
        "dibaoBelowStandard",
        "人均收入低于低保标准，不再渐退，改按差额补差",
    ),
    (
        "followsAssistance",
        "随低保、特困的变化而变化（代缴、资助参保等看谁享受低保、特困，临时救助看低保、特困的金额）",
    ),
];

/// What the amounts of a table of reasons hold, said under it: they are not cash alone, and rows
/// overlap (a programme that changed for two reasons counts under both).
pub const REASONS_NOTE: &str = "注：每个原因的年额变化，是因该原因而变化的各项目年额之和，含代缴保费、资助参保等代付金额和劳动报酬，不只是现金（康复救助的最高额不计入）；一个项目可因几个原因变化，计入每个原因，所以各行相加不等于现金帮扶合计的变化。";

/// The Chinese of a change reason.
pub fn reason_label(id: &str) -> &'static str {
    CHANGE_REASONS
        .iter()
        .find(|(r, _)| *r == id)
        .map_or("", |(_, l)| l)
}

/// The programmes whose figures follow who is under 低保 or 特困 (they read it from the assistance
/// context): when those members change, so may they. 临时救助 also counts what 低保 and 特困 pay.
const FOLLOWS_ASSISTANCE: &[&str] = &[
    "temporary",
    "pension",
    "education",
    "careServices",
    "medicalPremium",
    "housing",
];

/// Who is under 低保 and who under 特困 in an estimate (member labels), and what they pay a month.
fn under_assistance(e: &Estimate) -> (Vec<&str>, Vec<&str>, Money) {
    let (mut dibao, mut tekun, mut paid) = (Vec::new(), Vec::new(), Money::ZERO);
    for p in &e.programs {
        match p {
            ProgrammeOutcome::Dibao(r) => {
                dibao = r.members_under();
                paid = paid
                    .checked_add(r.monthly.unwrap_or_default())
                    .unwrap_or(paid);
            }
            ProgrammeOutcome::Tekun(r) => {
                tekun = r
                    .members
                    .iter()
                    .filter(|m| m.eligible)
                    .map(|m| m.member.as_ref())
                    .collect();
                paid = paid
                    .checked_add(r.monthly.unwrap_or_default())
                    .unwrap_or(paid);
            }
            _ => {}
        }
    }
    (dibao, tekun, paid)
}

/// What moved between the two estimates a comparison compares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The parameters (a what-if, or another parameter set): every change is theirs.
    Parameters,
    /// The date: per programme of the registry (in its order), what moved it.
    Dates(Vec<Vec<&'static str>>),
}

/// A programme's eligibility, its own annual amount and its annual cash.
fn figures(p: &ProgrammeOutcome) -> Result<(bool, Money, Money)> {
    let a = p.amounts()?;
    Ok((a.eligible, a.annual.unwrap_or_default(), a.cash_annual))
}

/// Whether a programme's result differs between two estimates (eligibility or an amount).
pub(crate) fn differs(before: &ProgrammeOutcome, after: &ProgrammeOutcome) -> Result<bool> {
    Ok(figures(before)? != figures(after)?)
}

/// The route of 低保 in an estimate.
fn route(e: &Estimate) -> Option<Route> {
    e.programs.iter().find_map(|p| match p {
        ProgrammeOutcome::Dibao(r) => r.route,
        _ => None,
    })
}

/// How 低保 changed route, as a reason id.
fn route_change(before: Option<Route>, after: Option<Route>) -> Option<&'static str> {
    match (before, after) {
        (b, a) if b == a => None,
        (Some(Route::SinglePerson), Some(Route::Base)) => Some("dibaoWholeHousehold"),
        (Some(Route::Base), Some(Route::SinglePerson)) => Some("dibaoSinglePerson"),
        (_, Some(Route::GradualExit)) => Some("dibaoGradualExit"),
        (Some(Route::GradualExit), Some(Route::Base)) => Some("dibaoBelowStandard"),
        (Some(Route::GradualExit), _) => Some("dibaoGradualExitOver"),
        _ => None,
    }
}

/// Why each programme of the registry changed between `before` and `after` (empty for those that
/// did not), in the order of [`CHANGE_REASONS`].
pub fn reasons(
    before: &Estimate,
    after: &Estimate,
    cause: &Cause,
) -> Result<Vec<Vec<&'static str>>> {
    let mut changed = Vec::with_capacity(before.programs.len());
    for (b, a) in before.programs.iter().zip(&after.programs) {
        changed.push(differs(b, a)?);
    }
    let (was, is) = (under_assistance(before), under_assistance(after));
    let members_changed = (&was.0, &was.1) != (&is.0, &is.1);
    let paid_changed = was.2 != is.2;
    let mut out = Vec::with_capacity(changed.len());
    for (i, p) in PROGRAMMES.iter().enumerate() {
        let mut why: Vec<&'static str> = Vec::new();
        if changed.get(i).copied().unwrap_or(false) {
            match cause {
                Cause::Parameters => why.push("parameterChanged"),
                Cause::Dates(by) => why.extend(by.get(i).into_iter().flatten()),
            }
            if p.id == "dibao" {
                why.extend(route_change(route(before), route(after)));
            }
            let follows = members_changed || (p.id == "temporary" && paid_changed);
            if follows && FOLLOWS_ASSISTANCE.contains(&p.id) {
                why.push("followsAssistance");
            }
        }
        crate::base::sort::sort_by_key(&mut why, |id| {
            CHANGE_REASONS.iter().position(|(r, _)| r == id)
        });
        why.dedup();
        out.push(why);
    }
    Ok(out)
}

/// The id and label of the total in lists of changes.
pub const TOTAL: (&str, &str) = ("total", "现金帮扶合计");

/// How one programme (or the total) changed for one household.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct HouseholdChange {
    /// The programme's id (`labels().program`), or `total` (`labels().part`).
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
    /// Why it changed: reason ids, as the table of docs/register.md lists them (empty when nothing
    /// changed; the total's are all its programmes', whether or not the cash changed).
    pub why: Vec<&'static str>,
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
            let (eb, ab) = b.map_or((false, Money::ZERO), |r| (r.eligible, r.paid()));
            let (ea, aa) = a.map_or((false, Money::ZERO), |r| (r.eligible, r.paid()));
            changes.push(HouseholdChange {
                program: p.id,
                eligible_before: eb,
                eligible_after: ea,
                annual_before: ab,
                annual_after: aa,
                difference: aa.checked_sub(ab)?,
                why: Vec::new(),
            });
        }
        changes.push(HouseholdChange {
            program: TOTAL.0,
            eligible_before: before.total_annual > Money::ZERO,
            eligible_after: after.total_annual > Money::ZERO,
            annual_before: before.total_annual,
            annual_after: after.total_annual,
            difference: after.total_annual.checked_sub(before.total_annual)?,
            why: Vec::new(),
        });
        Ok(HouseholdComparison { changes })
    }

    /// Compare a household's two estimates, with why each programme changed.
    pub fn between(
        before: &Estimate,
        after: &Estimate,
        cause: &Cause,
    ) -> Result<HouseholdComparison> {
        let mut c = HouseholdComparison::of(&Screening::of(before), &Screening::of(after))?;
        let mut all: Vec<&'static str> = Vec::new();
        for (change, why) in c.changes.iter_mut().zip(reasons(before, after, cause)?) {
            all.extend(&why);
            change.why = why;
        }
        crate::base::sort::sort_by_key(&mut all, |id| {
            CHANGE_REASONS.iter().position(|(r, _)| r == id)
        });
        all.dedup();
        if let Some(total) = c.changes.last_mut() {
            total.why = all;
        }
        Ok(c)
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
    /// The programme's id (`labels().program`), or `total` (`labels().part`).
    pub program: &'static str,
    /// Chinese name (`现金帮扶合计` for the total), when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
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
    /// Its Chinese name, explained or not (`现金帮扶合计` for the total).
    pub fn name(&self) -> &'static str {
        PROGRAMMES
            .iter()
            .find(|p| p.id == self.program)
            .map_or(TOTAL.1, |p| p.label)
    }

    fn new(program: &'static str, label: &'static str) -> Change {
        Change {
            program,
            label: Some(label),
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

/// One reason over many households: how many changed for it, and how many of them gain or lose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ReasonCount {
    /// A reason id (the table of docs/register.md).
    pub reason: &'static str,
    /// Its Chinese (`labels().change`), when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// Households with a programme that changed for this reason.
    pub households: u64,
    /// Of them, those whose programmes that changed for it add up to a rise (annual amounts).
    pub gaining: u64,
    /// Those whose programmes that changed for it add up to a fall.
    pub losing: u64,
    /// The annual amounts of those programmes (as `HouseholdChange`'s: cash, on the household's
    /// behalf or pay, not cash alone), after − before, over the households. Reasons overlap: a
    /// programme that changed for two counts under both, so the reasons' differences do not add
    /// up to the total's (a printed table says so under it).
    #[tsify(type = "string")]
    pub difference: Money,
}

impl ReasonCount {
    /// Its Chinese, explained or not.
    pub fn name(&self) -> &'static str {
        reason_label(self.reason)
    }
}

/// Per reason id: households, gaining, losing, difference.
type ReasonTally = SortedMap<&'static str, (u64, u64, u64, Money)>;

/// Add a household's reasons to a tally.
fn add_reasons(t: &mut ReasonTally, c: &HouseholdComparison) -> Result<()> {
    let programmes = c.changes.split_last().map_or(&[][..], |(_, p)| p);
    for (id, _) in CHANGE_REASONS {
        let with: Vec<&HouseholdChange> =
            programmes.iter().filter(|p| p.why.contains(id)).collect();
        if with.is_empty() {
            continue;
        }
        let d = Money::sum(with.iter().map(|p| p.difference))?;
        let e = t.entry_or_insert_with(id, || (0, 0, 0, Money::ZERO))?;
        e.0 = e.0.saturating_add(1);
        e.1 = e.1.saturating_add(u64::from(d > Money::ZERO));
        e.2 = e.2.saturating_add(u64::from(d < Money::ZERO));
        e.3 = e.3.checked_add(d)?;
    }
    Ok(())
}

fn merge_reasons(t: &mut ReasonTally, o: &ReasonTally) -> Result<()> {
    for (id, (n, g, l, d)) in o {
        let e = t.entry_or_insert_with(id, || (0, 0, 0, Money::ZERO))?;
        e.0 = e.0.saturating_add(*n);
        e.1 = e.1.saturating_add(*g);
        e.2 = e.2.saturating_add(*l);
        e.3 = e.3.checked_add(*d)?;
    }
    Ok(())
}

/// The reasons met, in the order of [`CHANGE_REASONS`].
fn reason_counts(t: &ReasonTally) -> Vec<ReasonCount> {
    CHANGE_REASONS
        .iter()
        .filter_map(|(id, label)| {
            t.get(id).map(|(n, g, l, d)| ReasonCount {
                reason: id,
                label: Some(label),
                households: *n,
                gaining: *g,
                losing: *l,
                difference: *d,
            })
        })
        .collect()
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
    /// Its Chinese name, when the parameter set knows the code and the comparison is explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region_name: Option<String>,
    /// Households compared (比较户数; those in error are not).
    pub households: u64,
    /// Households of the region that are an error under either parameter set (not compared).
    pub errors: u64,
    /// Households with any difference.
    pub changed: u64,
    /// Every programme of the registry, then the total (`program: 'total'`).
    pub programs: Vec<Change>,
    /// Per reason a programme changed for: households, gaining, losing.
    pub reasons: Vec<ReasonCount>,
}

/// A register compared: households, errors, and the changes overall and per region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonSummary {
    /// Households read (读入户数), those in error too: the households compared (比较户数) are
    /// `households − errors`.
    pub households: u64,
    /// Households that are an error under either parameter set (not compared).
    pub errors: u64,
    /// Households with any difference.
    pub changed: u64,
    /// Every programme of the registry, then the total (`program: 'total'`).
    pub programs: Vec<Change>,
    /// Per reason a programme changed for (in the order of the table of docs/register.md):
    /// households, and how many of them gain and lose.
    pub reasons: Vec<ReasonCount>,
    /// Per region, sorted by code.
    pub regions: Vec<RegionComparison>,
    /// What the households' figures rested on under the baseline parameters (or on the first
    /// date), over the households compared: the parameters not official or past their update
    /// cycle and the assumptions, each with the parts that used it, as an unexplained estimate
    /// lists them.
    #[tsify(type = "RegisterBasis")]
    pub basis_before: RegisterBasis,
    /// The same under the other parameters (or on the second date).
    #[tsify(type = "RegisterBasis")]
    pub basis_after: RegisterBasis,
}

/// Adds households up into a [`ComparisonSummary`]; tallies of parts of a register merge.
#[derive(Clone, Debug, Default)]
pub struct ComparisonTally {
    households: u64,
    errors: u64,
    changed: u64,
    all: Option<Vec<Change>>,
    reasons: ReasonTally,
    regions: SortedMap<String, RegionTally>,
    /// What the households compared rested on, on each side.
    basis: (RegisterBasis, RegisterBasis),
}

/// One region's part of a [`ComparisonTally`].
#[derive(Clone, Debug)]
struct RegionTally {
    households: u64,
    errors: u64,
    changed: u64,
    programs: Vec<Change>,
    reasons: ReasonTally,
}

impl Default for RegionTally {
    fn default() -> Self {
        RegionTally {
            households: 0,
            errors: 0,
            changed: 0,
            programs: changes(),
            reasons: ReasonTally::new(),
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
        // (The entry is always there once asked for: see `SortedMap::entry_or_default`.)
        if let Ok(r) = self
            .regions
            .entry_or_default(region.unwrap_or_default().to_string())
        {
            r.errors = r.errors.saturating_add(1);
        }
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
        add_reasons(&mut self.reasons, c)?;
        let r = self.regions.entry_or_default(region.to_string())?;
        r.households = r.households.saturating_add(1);
        r.changed = r.changed.saturating_add(changed);
        for (t, h) in r.programs.iter_mut().zip(&c.changes) {
            t.add(h)?;
        }
        add_reasons(&mut r.reasons, c)?;
        Ok(())
    }

    /// The estimates of a household compared (one [`ComparisonTally::add`] counted), on each
    /// side: what their figures rested on.
    pub fn rest_on(&mut self, before: &Estimate, after: &Estimate) {
        self.basis.0.add(before);
        self.basis.1.add(after);
    }

    pub fn merge(&mut self, o: &ComparisonTally) -> Result<()> {
        self.basis.0.merge(&o.basis.0);
        self.basis.1.merge(&o.basis.1);
        self.households = self.households.saturating_add(o.households);
        self.errors = self.errors.saturating_add(o.errors);
        self.changed = self.changed.saturating_add(o.changed);
        if let Some(other) = &o.all {
            let all = self.all.get_or_insert_with(changes);
            for (t, h) in all.iter_mut().zip(other) {
                t.merge(h)?;
            }
        }
        merge_reasons(&mut self.reasons, &o.reasons)?;
        for (region, theirs) in &o.regions {
            let r = self.regions.entry_or_default(region.clone())?;
            r.households = r.households.saturating_add(theirs.households);
            r.errors = r.errors.saturating_add(theirs.errors);
            r.changed = r.changed.saturating_add(theirs.changed);
            for (t, h) in r.programs.iter_mut().zip(&theirs.programs) {
                t.merge(h)?;
            }
            merge_reasons(&mut r.reasons, &theirs.reasons)?;
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
            reasons: reason_counts(&self.reasons),
            basis_before: self.basis.0,
            basis_after: self.basis.1,
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
                    reasons: reason_counts(&r.reasons),
                    programs: r.programs,
                })
                .collect(),
        }
    }
}

impl ComparisonSummary {
    /// The summary without its words (a lean `compareMany`'s): no programme, reason or region
    /// names; `labels()` gives the ids theirs.
    pub fn without_words(mut self) -> ComparisonSummary {
        fn lean(programs: &mut [Change], reasons: &mut [ReasonCount]) {
            programs.iter_mut().for_each(|p| p.label = None);
            reasons.iter_mut().for_each(|r| r.label = None);
        }
        lean(&mut self.programs, &mut self.reasons);
        for r in &mut self.regions {
            r.region_name = None;
            lean(&mut r.programs, &mut r.reasons);
        }
        self
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

// ---------------------------------------------------------------------------------------------
// Comparison

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
// `ProgramDifference` in TypeScript, as docs/api.md names it.
#[serde(rename_all = "camelCase")]
#[tsify(rename = "ProgramDifference")]
pub struct ProgrammeDifference {
    pub program: &'static str,
    /// Chinese name, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// Annual cash to the household from this programme (its share of `totalAnnual`).
    #[tsify(type = "string")]
    pub baseline: Money,
    #[tsify(type = "string")]
    pub alternative: Money,
    /// alternative − baseline, annual cash.
    #[tsify(type = "string")]
    pub difference: Money,
    pub baseline_eligible: bool,
    pub alternative_eligible: bool,
    /// The programme's annual amount as its screening row and `compareMany` count it: cash (临时救助's
    /// one-off amount included), paid on the household's behalf (代缴, 资助参保), in kind or earned in
    /// a post. 康复救助's ceiling is not money: 0.00 here, its change said as one of eligibility.
    #[tsify(type = "string")]
    pub annual_baseline: Money,
    #[tsify(type = "string")]
    pub annual_alternative: Money,
    /// annualAlternative − annualBaseline.
    #[tsify(type = "string")]
    pub annual_difference: Money,
    /// Why it changed: reason ids, as the table of docs/register.md lists them (empty when nothing
    /// changed).
    pub why: Vec<&'static str>,
    /// The same in Chinese sentences, with the amount (when explained and something changed:
    /// `labels().change` gives each id its words).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[tsify(optional)]
    pub reasons: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub baseline: Estimate,
    pub alternative: Estimate,
    #[tsify(type = "ProgramDifference[]")]
    pub programs: Vec<ProgrammeDifference>,
    /// The change in cash support a year: `alternative.totalAnnual − baseline.totalAnnual`.
    #[tsify(type = "string")]
    pub total_difference: Money,
    /// The change in what is paid on the household's behalf or in kind a year (premiums, 危房改造):
    /// `alternative.totalOnBehalf − baseline.totalOnBehalf`.
    #[tsify(type = "string")]
    pub on_behalf_difference: Money,
    /// The change in pay for work in a post a year: `alternative.totalEarnings −
    /// baseline.totalEarnings`.
    #[tsify(type = "string")]
    pub earnings_difference: Money,
}

pub fn compare(
    baseline: &ParameterSet,
    alternative: &ParameterSet,
    h: &HouseholdInput,
    on: NaiveDate,
    explain: bool,
) -> Result<Comparison> {
    let a = estimate(baseline, h, on, explain)?;
    let b = estimate(alternative, h, on, explain)?;
    comparison(a, b, &Cause::Parameters)
}

/// The same household on two dates under one parameter set (`compareDates`): what each programme
/// pays on each, and why it changed (see [`DatePath`]).
pub fn compare_dates(
    set: &ParameterSet,
    h: &HouseholdInput,
    from: NaiveDate,
    to: NaiveDate,
    explain: bool,
) -> Result<Comparison> {
    let path = DatePath::new(set, from, to)?;
    let a = estimate(set, h, from, explain)?;
    let b = estimate(set, h, to, explain)?;
    let cause = path.cause(h, &a, &b)?;
    comparison(a, b, &cause)
}

/// Two estimates programme by programme, with why each changed. A programme's annual amount is its
/// screening row's, as `compareMany` and the command-line tool count it (a ceiling is not money).
fn comparison(a: Estimate, b: Estimate, cause: &Cause) -> Result<Comparison> {
    let why = reasons(&a, &b, cause)?;
    let (rows_a, rows_b) = (Screening::of(&a), Screening::of(&b));
    let mut programs = Vec::new();
    for (((ca, cb), (ra, rb)), why) in a
        .contributions
        .iter()
        .zip(&b.contributions)
        .zip(rows_a.programs.iter().zip(&rows_b.programs))
        .zip(why)
    {
        let annual_baseline = ra.paid();
        let annual_alternative = rb.paid();
        let annual_difference = annual_alternative.checked_sub(annual_baseline)?;
        // Words only when asked, as the estimates themselves.
        let reasons = if a.explained {
            change_words(ca.label, (ra, rb), &why)
        } else {
            Vec::new()
        };
        programs.push(ProgrammeDifference {
            program: ca.program,
            label: a.explained.then_some(ca.label),
            baseline: ca.cash_annual,
            alternative: cb.cash_annual,
            difference: cb.cash_annual.checked_sub(ca.cash_annual)?,
            baseline_eligible: ra.eligible,
            alternative_eligible: rb.eligible,
            annual_baseline,
            annual_alternative,
            annual_difference,
            why,
            reasons,
        });
    }
    let total_difference = b.total_annual.checked_sub(a.total_annual)?;
    let on_behalf_difference = b.total_on_behalf.checked_sub(a.total_on_behalf)?;
    let earnings_difference = b.total_earnings.checked_sub(a.total_earnings)?;
    Ok(Comparison {
        baseline: a,
        alternative: b,
        programs,
        total_difference,
        on_behalf_difference,
        earnings_difference,
    })
}

/// A programme's change in words (its two screening rows): the amount, and each reason.
fn change_words(
    label: &str,
    (before, after): (&ScreenedProgramme, &ScreenedProgramme),
    why: &[&'static str],
) -> Vec<String> {
    if why.is_empty() {
        return Vec::new();
    }
    let difference = after.paid().checked_sub(before.paid()).unwrap_or_default();
    let amount = if !(before.ceiling().is_zero() && after.ceiling().is_zero()) {
        ceiling_words(before, after)
    } else if difference.is_negative() {
        format!(
            "减少 {} 元/年",
            Money::ZERO.checked_sub(difference).unwrap_or(difference)
        )
    } else if difference.is_zero() {
        "金额不变、是否符合条件改变".to_string()
    } else {
        format!("增加 {difference} 元/年")
    };
    let causes: Vec<&str> = why.iter().map(|id| reason_label(id)).collect();
    vec![format!("{label}{amount}：{}。", causes.join("；"))]
}

/// How a programme paid up to a ceiling changed: its eligibility or its ceiling, never money.
fn ceiling_words(before: &ScreenedProgramme, after: &ScreenedProgramme) -> String {
    const NOT_MONEY: &str = "是结算上限，不是现金，不计入金额变化";
    match (before.eligible, after.eligible) {
        (true, false) => format!(
            "不再符合条件（原每年最高 {} 元，{NOT_MONEY}）",
            before.ceiling()
        ),
        (false, true) => format!("新符合条件（每年最高 {} 元，{NOT_MONEY}）", after.ceiling()),
        _ => format!(
            "每年最高额 {} → {} 元（{NOT_MONEY}）",
            before.ceiling(),
            after.ceiling()
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Two dates

/// Why a household's programmes differ between two dates. The date moves one factor at a time, in
/// this order: the date alone, with parameters and ages held at `from` and the transition period
/// held open (a measure's own term: a 渐退 period, a policy window); then the parameters' values
/// on `to` (a standard, a wage tier); then the members' ages on `to` (a child aged out); then the
/// real end of the period (when `from` is in it and `to` after it). Each step that moves a
/// programme names it; a step the others interact with may share a change.
pub struct DatePath<'s> {
    set: Cow<'s, ParameterSet>,
    /// The set with the transition period open until `to` (its own windows keep their ends).
    open: Option<ParameterSet>,
    from: NaiveDate,
    to: NaiveDate,
}

impl<'s> DatePath<'s> {
    pub fn new(set: &'s ParameterSet, from: NaiveDate, to: NaiveDate) -> Result<DatePath<'s>> {
        if to < from {
            return Err(PolicyError::out_of_range(
                "to",
                "比较的终止日期不能早于起始日期",
            ));
        }
        let open = held_open(set, from, to)?;
        Ok(DatePath {
            set: Cow::Borrowed(set),
            open,
            from,
            to,
        })
    }

    /// The same path holding its own copy of the parameter set, to be kept beside the engine it
    /// came from (a register compared a chunk at a time).
    pub fn into_owned(self) -> DatePath<'static> {
        DatePath {
            set: Cow::Owned(self.set.into_owned()),
            open: self.open,
            from: self.from,
            to: self.to,
        }
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }
    pub fn to(&self) -> NaiveDate {
        self.to
    }

    /// The causes of the changes between `before` (on `from`) and `after` (on `to`).
    pub fn cause(&self, h: &HouseholdInput, before: &Estimate, after: &Estimate) -> Result<Cause> {
        let mut changed = false;
        for (b, a) in before.programs.iter().zip(&after.programs) {
            changed |= differs(b, a)?;
        }
        if !changed {
            return Ok(Cause::Dates(vec![Vec::new(); before.programs.len()]));
        }
        let set = self.open.as_ref().unwrap_or(&self.set);
        let at = |lens: Lens| {
            estimate_through(set, h, self.to, false, &mut Transitions::default(), lens)
        };
        let held = at(Lens {
            params_on: Some(self.from),
            ages_on: Some(self.from),
        })?;
        let parameters = at(Lens {
            params_on: None,
            ages_on: Some(self.from),
        })?;
        let aged = at(Lens::default())?;
        let steps: [(&Estimate, &Estimate, &'static str); 4] = [
            (before, &held, "measureLapsed"),
            (&held, &parameters, "parameterChanged"),
            (&parameters, &aged, "memberAged"),
            (&aged, after, "periodEnded"),
        ];
        let mut by = vec![Vec::new(); before.programs.len()];
        for (x, y, id) in steps {
            for (i, (p, q)) in x.programs.iter().zip(&y.programs).enumerate() {
                if differs(p, q)? {
                    if let Some(list) = by.get_mut(i) {
                        list.push(id);
                    }
                }
            }
        }
        Ok(Cause::Dates(by))
    }
}

/// The set with the transition period held open until `to`, when `from` is in it and `to` after
/// its end: `transition.end` moved to `to`. A window with its own parameter (雨露计划, 小额信贷)
/// keeps its end even when it falls on the period's: its end is the measure's own term
/// (`measureLapsed`). `None` when the period does not end between the two dates.
fn held_open(set: &ParameterSet, from: NaiveDate, to: NaiveDate) -> Result<Option<ParameterSet>> {
    use crate::params::{catalogue, Value};
    let end = match set.lookup(&catalogue::TRANSITION_END, from, None)?.value {
        Value::Date(d) => d,
        Value::Decimal(_) => return Ok(None),
    };
    if !(from <= end && end < to) {
        return Ok(None);
    }
    let to_text = crate::base::calendar::format_date(to);
    let value = Node::String(Some(Cow::Borrowed(to_text.as_str())));
    let node = Node::Object(vec![(Cow::Borrowed(catalogue::TRANSITION_END.name), value)]);
    set.with_overrides(&node).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::screening::MonitoringVerdict;
    use crate::programs::monitoring::Category;

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
                .map(|p| ScreenedProgramme {
                    program: p.id,
                    eligible: p.id == "dibao" && dibao.is_some(),
                    monthly: None,
                    annual: if p.id == "dibao" { annual } else { Money::ZERO },
                    one_off: Money::ZERO,
                    on_behalf: Money::ZERO,
                    ceiling: false,
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

    #[test]
    fn docs_register_md_lists_every_reason() {
        let doc = include_str!("../../docs/register.md");
        for (id, label) in CHANGE_REASONS {
            assert!(doc.contains(&format!("| `{id}` | {label}")), "{id}");
        }
    }

    #[test]
    fn gainers_and_losers_are_counted_per_reason_and_region() {
        let with = |c: HouseholdComparison, why: &[&'static str]| {
            let mut c = c;
            c.changes[0].why = why.to_vec();
            c
        };
        // Household 1 gains 120.00 for a parameter; household 2 loses 40.00 for a parameter and
        // its route; household 3 loses 240.00 as the period ends. Households in parts, merged.
        let gain = with(
            HouseholdComparison::of(&row(None), &row(Some("120.00"))).unwrap(),
            &["parameterChanged"],
        );
        let loss = with(
            HouseholdComparison::of(&row(Some("240.00")), &row(Some("200.00"))).unwrap(),
            &["parameterChanged", "dibaoWholeHousehold"],
        );
        let ended = with(
            HouseholdComparison::of(&row(Some("240.00")), &row(None)).unwrap(),
            &["periodEnded"],
        );
        let (mut t, mut u) = (ComparisonTally::default(), ComparisonTally::default());
        t.add("230129", &gain).unwrap();
        u.add("230221", &loss).unwrap();
        u.add("230129", &ended).unwrap();
        t.merge(&u).unwrap();
        let s = t.finish(|_| None);
        let got: Vec<(&str, u64, u64, u64, String)> = s
            .reasons
            .iter()
            .map(|r| {
                (
                    r.reason,
                    r.households,
                    r.gaining,
                    r.losing,
                    r.difference.to_fen_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("parameterChanged", 2, 1, 1, "80.00".to_string()),
                ("periodEnded", 1, 0, 1, "-240.00".to_string()),
                ("dibaoWholeHousehold", 1, 0, 1, "-40.00".to_string()),
            ]
        );
        assert_eq!(s.reasons[0].label, Some(reason_label("parameterChanged")));
        let lean = s.clone().without_words();
        assert_eq!(
            (lean.reasons[0].label, lean.programs[0].label),
            (None, None)
        );
        assert_eq!(lean.regions[0].region_name, None);
        let yanshou = &s.regions[0].reasons;
        assert_eq!(
            yanshou
                .iter()
                .map(|r| (r.reason, r.households))
                .collect::<Vec<_>>(),
            [("parameterChanged", 1), ("periodEnded", 1)]
        );
    }
}
