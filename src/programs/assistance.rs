//! The assistance context of a household, shared by the programmes that need the same facts: the 低保
//! standard of its area and region, which members qualify for 特困 (四(十)), and, once the programmes
//! that decide them have run, who is under 低保 and what 低保 and 特困 pay. Programmes read these
//! facts here instead of calling each other: this module depends on no programme, and no programme on
//! another.
//!
//! The registry runs the programmes in its order; each may add what it decided to the context
//! (`HouseholdProgramme::contribute`), so a programme can rely on the facts of those listed before it.

use crate::base::error::{PolicyError, Result};
use crate::base::money::Money;
use crate::input::household::Schooling;
use crate::input::model::{Area, Capacity, Care, Household, Label, Member};
use crate::params::{catalogue as p, Reader, Status, Used};
use crate::policy::explain::Explanation;
use crate::policy::rules;

/// What a programme decided that later programmes read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decided {
    /// Members (by their place in the household) the programme covers.
    pub members: Vec<usize>,
    /// What it pays the household a month (cash).
    pub monthly: Money,
    /// What it pays in the year from the date (monthly × 12, or × the months left of a payment
    /// ending within the year).
    pub annual: Money,
    /// The same year before the monthly amount is rounded to the fen (低保's 补差 follows income
    /// to a fraction of a fen): what 临时救助 subtracts, so that no need comes from the rounding.
    pub annual_exact: Money,
    /// The non-official and stale figures it rested on.
    pub used: Used,
    /// Those of them that decided who it covers (`members`): not those its amounts alone rested
    /// on, such as 低保's 加发 rates.
    pub members_used: Used,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assistance {
    /// The monthly 低保 standard per person.
    pub standard: Money,
    /// The non-official and stale figures reading the standard rested on.
    pub standard_used: Used,
    /// Each member's share of the household's income other than wages, a month: the household's
    /// business, property, transfer and other income (not the exempt part) ÷ 12 ÷ members, the
    /// children in the orphans' allowance not counted (see [`sharers`]).
    pub other_income_share: Money,
    /// Each member's own income a month (by their place in the household), see [`own_income`],
    /// and whether it is below the standard: found once for the 特困 tests and kept for 特困's
    /// figures.
    pub own_incomes: Vec<(Money, bool)>,
    /// Members who meet the three 特困 tests (by their place in the household), not counting the
    /// children in the allowance of orphans and 事实无人抚养儿童.
    pub tekun_members: Vec<usize>,
    /// Children under the minor age recorded as orphans or 事实无人抚养儿童: in that allowance, they
    /// are not also 特困 (民发〔2021〕43号第九条: one basic-living benefit).
    pub allowance_children: Vec<usize>,
    /// Those of them under the minor age who also meet the three 特困 tests: the allowance is the
    /// one 第九条 lets them choose, this calculator's assumption (rule `tekun.orphanAllowanceChoice`).
    /// One past it at school keeps the allowance by the region's rule, not by a choice.
    pub allowance_choice: Vec<usize>,
    /// The minor age, when a member without a supporter has labour capacity (see [`continues`]).
    pub minor_age: Option<u32>,
    /// 低保, once decided.
    pub dibao: Option<Decided>,
    /// 特困, once decided.
    pub tekun: Option<Decided>,
    /// Once both are decided, 低保's and 特困's `members_used` together, gathered once for the
    /// programmes that rest on both (see [`Assistance::rest_on_them`]). The native build only:
    /// the module merges the two at each call, for its bytes (always `None` there).
    pub them_used: Option<Used>,
}

/// A member's own income a month, for the 特困 test of means (民发〔2021〕43号第六条: all income of
/// the person, the exempt kinds not counted): their wages ÷ 12 plus their share of the household's
/// other income. The share is this calculator's assumption (rule `tekun.ownIncome`).
pub(crate) fn own_income(m: &Member<'_>, share: Money) -> Result<Money> {
    // No wages (most members): the share, as zero ÷ 12 + the share gives it, without the two.
    if m.wages.is_zero() {
        return Ok(share);
    }
    m.wages.checked_div(12.into())?.checked_add(share)
}

/// The three 特困 tests for one member: no labour capacity (or support that [`continues`]), no
/// means of living (`no_means`: their own income, see [`own_income`], below the monthly 低保
/// standard), no supporter able to support them.
pub(crate) fn qualifies_for_tekun(m: &Member<'_>, no_means: bool, minor_age: Option<u32>) -> bool {
    let first_test = m.labor_capacity == Capacity::None || continues(m, minor_age).is_some();
    first_test && no_means && !m.has_supporter
}

/// Why support continues for a member with labour capacity (民发〔2021〕43号第二十四条): a minor
/// (under `dibao.minorAge`, 18), or one over it still in 义务教育, 普通高中 or 中等职业学校.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Continues {
    /// Under the minor age, given.
    Minor(u32),
    AtSchool(Schooling),
}

/// Whether a member with labour capacity keeps 特困's first test by 第二十四条 (`minor_age` is
/// read only for a household with a member who could; `None` otherwise). One who had the orphans'
/// allowance as a child was not 特困 (第九条), so does not continue at school.
pub(crate) fn continues(m: &Member<'_>, minor_age: Option<u32>) -> Option<Continues> {
    let minor_age = minor_age?;
    if m.labor_capacity == Capacity::None {
        return None;
    }
    if m.age < minor_age {
        return Some(Continues::Minor(minor_age));
    }
    match m.schooling {
        Some(
            s
            @ (Schooling::Primary | Schooling::Junior | Schooling::Senior | Schooling::Vocational),
        ) if m.care.is_none() => Some(Continues::AtSchool(s)),
        _ => None,
    }
}

/// A member past the minor age at 义务教育, 普通高中 or 中等职业学校 who was in the orphans' allowance
/// as a child (a `care` recorded) and is no longer (`in_allowance` false: the region does not
/// continue it). 第二十四条 continues support for one who was 特困; such a child was not (第九条),
/// so this calculator assesses them afresh by 第五条 (its reading, rule `tekun.continuesAtSchool`).
/// The school, for the words.
pub(crate) fn former_allowance_student(
    m: &Member<'_>,
    minor_age: Option<u32>,
    in_allowance: bool,
) -> Option<Schooling> {
    let minor_age = minor_age?;
    if in_allowance || m.care.is_none() || m.labor_capacity == Capacity::None || m.age < minor_age {
        return None;
    }
    m.schooling.filter(|s| {
        matches!(
            s,
            Schooling::Primary | Schooling::Junior | Schooling::Senior | Schooling::Vocational
        )
    })
}

impl Assistance {
    /// The context of a checked household; `reader` is on its date and region.
    pub fn of(h: &Household<'_>, reader: &Reader<'_>) -> Result<Assistance> {
        let mut r = reader.clone();
        let standard = match h.area {
            Area::Rural => r.money(&p::DIBAO_STANDARD_RURAL)?,
            Area::Urban => r.money(&p::DIBAO_STANDARD_URBAN)?,
        };
        let (allowance_children, allowance_minors) = allowance_children(h, &mut r)?;
        let other_income_share = h
            .counted_other()?
            .checked_div(12.into())?
            .checked_div(sharers(h, &allowance_children).into())?;
        // 第二十四条 needs the minor age only where a member without a supporter can work.
        let minor_age = if h
            .members
            .iter()
            .any(|m| !m.has_supporter && m.labor_capacity != Capacity::None)
        {
            Some(r.count(&p::DIBAO_MINOR_AGE)?)
        } else {
            None
        };
        let (mut tekun_members, mut allowance_choice) = (Vec::new(), Vec::new());
        let mut own_incomes = Vec::with_capacity(h.members.len());
        for (i, m) in h.members.iter().enumerate() {
            let own = own_income(m, other_income_share)?;
            let below = own < standard;
            own_incomes.push((own, below));
            if !qualifies_for_tekun(m, below, minor_age) {
                continue;
            }
            if allowance_minors.contains(&i) {
                allowance_choice.push(i);
            } else if !allowance_children.contains(&i) {
                tekun_members.push(i);
            }
        }
        Ok(Assistance {
            standard,
            standard_used: r.used(),
            other_income_share,
            own_incomes,
            tekun_members,
            allowance_children,
            allowance_choice,
            minor_age,
            dibao: None,
            tekun: None,
            them_used: None,
        })
    }

    /// The own income a month of `m`, the member at place `i` (see [`own_income`]), and whether
    /// it is below the standard, as the 特困 tests found them.
    pub(crate) fn own_income_of(&self, i: usize, m: &Member<'_>) -> Result<(Money, bool)> {
        match self.own_incomes.get(i) {
            Some(own) => Ok(*own),
            None => own_income(m, self.other_income_share).map(|own| (own, own < self.standard)),
        }
    }

    /// 低保 as decided (an error if a programme reads it before 低保 ran: the registry's order).
    pub fn dibao(&self) -> Result<&Decided> {
        self.dibao.as_ref().ok_or_else(|| order("dibao"))
    }

    /// 特困 as decided.
    pub fn tekun(&self) -> Result<&Decided> {
        self.tekun.as_ref().ok_or_else(|| order("tekun"))
    }

    /// Record in `r`, for a programme resting on who is under 低保 and 特困, the non-official and
    /// stale figures that decided it (each added in place: no copy of the two gathered first).
    pub fn rest_on_them(&self, r: &mut Reader<'_>) -> Result<()> {
        // One merge: the two were gathered when 特困 was decided (a union, so the same records).
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(them) = &self.them_used {
            r.rest_on(them);
            return Ok(());
        }
        r.rest_on(&self.dibao()?.members_used);
        r.rest_on(&self.tekun()?.members_used);
        Ok(())
    }

    /// Record in `r`, for a programme resting on what 低保 and 特困 pay, every non-official and
    /// stale figure they rested on.
    pub fn rest_on_their_amounts(&self, r: &mut Reader<'_>) -> Result<()> {
        r.rest_on(&self.dibao()?.used);
        r.rest_on(&self.tekun()?.used);
        Ok(())
    }
}

/// The members the household's income other than wages is shared among: all but the children in
/// the orphans' allowance, who live on it and are not in the household's 低保 (at least one, so a
/// household of such children alone divides by one).
pub(crate) fn sharers(h: &Household<'_>, allowance_children: &[usize]) -> u32 {
    let n = h
        .members
        .len()
        .saturating_sub(allowance_children.len())
        .max(1);
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The children in the orphans' allowance (name, care) in an institution, or the others, joined
/// by 、.
fn allowance_named(children: &[(Label, Option<Care>)], institution: bool) -> String {
    children
        .iter()
        .filter(|(_, c)| (*c == Some(Care::OrphanInstitution)) == institution)
        .map(|(label, _)| label.as_ref())
        .collect::<Vec<_>>()
        .join("、")
}

/// The steps that leave the children in the orphans' allowance (name, care) out of a household's
/// count: one naming those raised in an institution (rule `dibao.allowanceInstitution`), one naming
/// the others (`dibao.allowanceChildren`), each sentence made from the names.
pub(crate) fn allowance_steps(
    children: &[(Label, Option<Care>)],
    (institution, others): (impl Fn(&str) -> String, impl Fn(&str) -> String),
    e: &mut Explanation,
) {
    let named = allowance_named(children, true);
    if !named.is_empty() {
        e.step(
            rules::DIBAO_ALLOWANCE_INSTITUTION,
            institution(&named),
            None,
        );
    }
    let named = allowance_named(children, false);
    if !named.is_empty() {
        e.step(rules::DIBAO_ALLOWANCE_CHILDREN, others(&named), None);
    }
}

/// The members in the allowance of orphans and 事实无人抚养儿童 (the allowance's own test, see
/// [`AllowanceTerms::covers`]), and those of them under the minor age.
fn allowance_children(h: &Household<'_>, r: &mut Reader<'_>) -> Result<(Vec<usize>, Vec<usize>)> {
    let Some(terms) = AllowanceTerms::read(h, r)? else {
        return Ok((Vec::new(), Vec::new()));
    };
    let (mut all, mut minors) = (Vec::new(), Vec::new());
    for (i, m) in h.members.iter().enumerate() {
        match terms.covers(m) {
            Some(Covered::Minor) => {
                all.push(i);
                minors.push(i);
            }
            Some(Covered::AtSchool(_)) => all.push(i),
            None => {}
        }
    }
    Ok((all, minors))
}

/// Why a member is in the allowance of orphans and 事实无人抚养儿童.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Covered {
    /// Under the minor age (rule `orphanAllowance.age`).
    Minor,
    /// Past it, still at a school that continues it (rule `orphanAllowance.atSchool`).
    AtSchool(Schooling),
}

/// Who the allowance covers: a member with a `care` recorded under the minor age, or past it while
/// at 普通高中, 中职, 高职 or 大学 where the region continues it (`orphan.continuesAtSchool`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AllowanceTerms {
    pub minor_age: u32,
    /// The region continues the allowance at school (read only for a household with a member
    /// with a `care` at such a school; `false` otherwise).
    pub at_school: bool,
    /// It does so by the province-wide value, this calculator's assumption (参照哈尔滨市), not by
    /// the region's own (rule `orphanAllowance.atSchoolProvince`).
    pub assumed: bool,
}

impl AllowanceTerms {
    /// The terms for a household; `None` when no member has a `care` recorded.
    pub(crate) fn read(h: &Household<'_>, r: &mut Reader<'_>) -> Result<Option<AllowanceTerms>> {
        if h.members.iter().all(|m| m.care.is_none()) {
            return Ok(None);
        }
        let minor_age = r.count(&p::DIBAO_MINOR_AGE)?;
        let mut terms = AllowanceTerms {
            minor_age,
            at_school: false,
            assumed: false,
        };
        if h.members
            .iter()
            .any(|m| m.care.is_some() && continuing_school(m).is_some())
        {
            terms.at_school = r.count(&p::ORPHAN_CONTINUES_AT_SCHOOL)? == 1;
            // Not a caller's what-if: that is theirs, not this calculator's choice.
            let v = r.value(&p::ORPHAN_CONTINUES_AT_SCHOOL)?;
            terms.assumed = terms.at_school && v.status == Status::Illustrative && !v.is_what_if();
        }
        Ok(Some(terms))
    }

    /// Why `m` is in the allowance, if they are.
    pub(crate) fn covers(&self, m: &Member<'_>) -> Option<Covered> {
        m.care?;
        if m.age < self.minor_age {
            return Some(Covered::Minor);
        }
        self.continues(m).map(Covered::AtSchool)
    }

    /// The school at which `m`'s allowance goes on past the minor age, where the region continues
    /// it.
    pub(crate) fn continues(&self, m: &Member<'_>) -> Option<Schooling> {
        continuing_school(m).filter(|_| self.at_school)
    }
}

/// The schools the allowance continues at past the minor age (哈尔滨市: 普通高中、中等职业学校、高等
/// 职业学校、全日制普通高校; the household records no 研究生 level).
fn continuing_school(m: &Member<'_>) -> Option<Schooling> {
    m.schooling.filter(|s| {
        matches!(
            s,
            Schooling::Senior
                | Schooling::Vocational
                | Schooling::HigherVocational
                | Schooling::College
        )
    })
}

fn order(programme: &str) -> PolicyError {
    PolicyError::new(
        crate::base::error::ErrorCode::InvalidParameters,
        "",
        format!("内部错误：{programme} 须在读取它的项目之前计算（项目清单顺序）"),
    )
}
