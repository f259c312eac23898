//! 孤儿、事实无人抚养儿童基本生活费 (basic living allowance of orphans and of children in fact without
//! support), policy text 四(十二): "加强对孤儿、事实无人抚养儿童等保障能力".
//!
//! Per child (under `dibao.minorAge`) with a `care` recorded: an orphan raised in an institution
//! (集中养育) gets the institution standard, paid to the institution (on the household's behalf); an
//! orphan living dispersed (社会散居) the dispersed standard, in cash to the carer each month; a child
//! in fact without support (事实无人抚养) the dispersed orphans' standard too (民发〔2019〕62号, as
//! reported: 参照当地孤儿基本生活保障标准). The allowance is not counted as family income for 低保
//! (民发〔2021〕57号第十三条: 社会救助款物), and the child is not in the household's 低保 (see
//! `dibao`). The year's amount stops at 18: monthly × the months left when the 18th birthday is
//! within the year (rule `annual.endsWithinYear`), unless the child is at 普通高中, 中职, 高职 or 大学
//! where the region continues the allowance past 18 (哈尔滨市's 2024 notice, as reported, rule
//! `orphanAllowance.atSchool`; elsewhere the province-wide value follows Harbin, this calculator's
//! assumption `orphanAllowance.atSchoolProvince`): leaving school is not known, so it goes on.
//!
//! Parameters read: `orphan.standard.institution`, `orphan.standard.dispersed`, `dibao.minorAge`,
//! `orphan.continuesAtSchool`.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use super::assistance::{AllowanceTerms, Assistance, Covered};
use super::reasons::{why, Reason, Why};
use super::{Amounts, HouseholdProgramme};
use crate::base::calendar::{day_before, format_date, months_left, turns};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::household::Schooling;
use crate::input::model::{Care, Household, Label};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::{Assumptions, RuleId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OrphanChild {
    #[tsify(type = "string")]
    pub member: Label,
    pub care: Care,
    /// Under the minor age: the allowance applies.
    pub eligible: bool,
    /// The allowance a month (0.00 when not eligible).
    #[tsify(type = "string")]
    pub monthly: Money,
    /// Paid to the institution raising the child, not to the household.
    pub to_institution: bool,
    #[serde(skip)]
    age: u32,
    /// The allowance ending within the year (at the minor age): the last day and the months left
    /// (rule `annual.endsWithinYear`).
    #[serde(skip)]
    ends: Option<(NaiveDate, u32)>,
    /// The school at which the allowance goes on past the minor age (rule
    /// `orphanAllowance.atSchool`): for one past it, or turning it within the year.
    #[serde(skip)]
    at_school: Option<Schooling>,
    /// The age rests on the birthday rule (rule `member.birthday`).
    #[serde(skip)]
    birthday_on_edge: bool,
}

impl OrphanChild {
    /// The year's allowance: monthly × the months left, or × 12.
    fn annual(&self) -> Result<Money> {
        self.monthly
            .checked_mul(self.ends.map_or(12, |(_, n)| n).into())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OrphanAllowanceFigures {
    /// Every member with a `care` recorded.
    pub children: Vec<OrphanChild>,
    #[serde(skip)]
    minor_age: u32,
    /// The allowance goes on at school by the province-wide value (rule
    /// `orphanAllowance.atSchoolProvince`).
    #[serde(skip)]
    assumed: bool,
}

impl OrphanAllowanceFigures {
    /// The monthly total, paid in cash (`false`) or to institutions (`true`).
    fn monthly(&self, to_institution: bool) -> Result<Money> {
        Money::sum(
            self.children
                .iter()
                .filter(|c| c.to_institution == to_institution)
                .map(|c| c.monthly),
        )
    }

    /// The year's total, paid in cash (`false`) or to institutions (`true`).
    fn annual(&self, to_institution: bool) -> Result<Money> {
        let mut sum = Money::ZERO;
        for c in self
            .children
            .iter()
            .filter(|c| c.to_institution == to_institution)
        {
            sum = sum.checked_add(c.annual()?)?;
        }
        Ok(sum)
    }
}

impl OrphanAllowanceFigures {
    /// The allowance a child gets a month, or why none.
    fn standard_step(&self, c: &OrphanChild, e: &mut Explanation) {
        let (rule, text) = match (c.eligible, c.care) {
            (false, _) => (
                rules::ORPHAN_ALLOWANCE_AGE,
                format!(
                    "{}：{}周岁，已满{}周岁，不再按{}发放基本生活费。",
                    c.member,
                    c.age,
                    self.minor_age,
                    c.care.label()
                ),
            ),
            (true, Care::OrphanInstitution) => (
                rules::ORPHAN_ALLOWANCE_STANDARD,
                format!(
                    "{}：集中养育孤儿，基本生活费 {} 元/月，拨付养育机构。",
                    c.member, c.monthly
                ),
            ),
            (true, Care::OrphanDispersed) => (
                rules::ORPHAN_ALLOWANCE_STANDARD,
                format!(
                    "{}：社会散居孤儿，基本生活费 {} 元/月，按月发放给监护人。",
                    c.member, c.monthly
                ),
            ),
            (true, Care::DefactoUnsupported) => (
                rules::ORPHAN_ALLOWANCE_DEFACTO,
                format!(
                    "{}：事实无人抚养儿童，参照社会散居孤儿标准发放基本生活补贴 {} 元/月。",
                    c.member, c.monthly
                ),
            ),
        };
        e.step(rule, text, Some(c.monthly.to_fen_string()));
    }

    /// The allowance going on past the minor age at school (`c.at_school`).
    fn at_school_step(&self, c: &OrphanChild, school: Schooling, e: &mut Explanation) {
        let age = self.minor_age;
        let text = if c.age >= age {
            format!(
                "{}：{}周岁，已满{age}周岁，仍在{}就读，继续发放基本生活费（年满{age}周岁后继续在普通高中、中职、高职、普通高校就读的继续发放）。",
                c.member,
                c.age,
                school.label()
            )
        } else {
            format!(
                "{}：在{}就读，年满{age}周岁后仍在校就读的继续发放，不因本年内满{age}周岁停发：全年按12个月计。",
                c.member,
                school.label()
            )
        };
        let rule = match self.assumed {
            true => RuleId::from(rules::ORPHAN_ALLOWANCE_AT_SCHOOL_PROVINCE),
            false => rules::ORPHAN_ALLOWANCE_AT_SCHOOL,
        };
        e.step(rule, text, None);
    }
}

impl HouseholdProgramme for OrphanAllowanceFigures {
    fn compute(h: &Household<'_>, _: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let mut f = OrphanAllowanceFigures {
            children: Vec::new(),
            minor_age: 0,
            assumed: false,
        };
        let Some(terms) = AllowanceTerms::read(h, r)? else {
            return Ok(f);
        };
        f.minor_age = terms.minor_age;
        f.assumed = terms.assumed;
        for m in &h.members {
            let Some(care) = m.care else { continue };
            let covered = terms.covers(m);
            let to_institution = care == Care::OrphanInstitution;
            let monthly = match (covered.is_some(), to_institution) {
                (false, _) => Money::ZERO,
                (true, true) => r.money(&p::ORPHAN_STANDARD_INSTITUTION)?,
                (true, false) => r.money(&p::ORPHAN_STANDARD_DISPERSED)?,
            };
            // A minor's allowance ends at the minor age within the year, unless it goes on at school.
            let at_minor_age = if covered == Some(Covered::Minor) {
                let last = day_before(turns(m.birth_date, f.minor_age)?)?;
                // Counted from the date the ages are taken on, as the age itself.
                Some((last, months_left(h.ages_on, last)?)).filter(|(_, n)| *n < 12)
            } else {
                None
            };
            let school = terms.continues(m);
            let at_school = match covered {
                Some(Covered::AtSchool(s)) => Some(s),
                _ => school.filter(|_| at_minor_age.is_some()),
            };
            f.children.push(OrphanChild {
                member: m.label.clone(),
                care,
                eligible: covered.is_some(),
                monthly,
                to_institution,
                age: m.age,
                ends: at_minor_age.filter(|_| school.is_none()),
                at_school,
                birthday_on_edge: m.birthday_on_edge,
            });
        }
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let cash = self.monthly(false)?.round_fen();
        let institution = self.monthly(true)?.round_fen();
        let monthly = cash.checked_add(institution)?;
        let eligible = !monthly.is_zero();
        if !eligible {
            return Ok(Amounts::verdict(false));
        }
        let (cash_annual, other_annual) = (self.annual(false)?, self.annual(true)?);
        Ok(Amounts {
            monthly: Some(monthly),
            annual: Some(cash_annual.checked_add(other_annual)?),
            cash_monthly: cash,
            cash_annual,
            other_annual,
            ..Amounts::verdict(true)
        })
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::default();
        c.add_if(!self.children.is_empty(), "四(十二)");
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(
            self.children.iter().any(|c| c.ends.is_some()),
            rules::ANNUAL_ENDS_WITHIN_YEAR,
        );
        a.add_if(
            self.children.iter().any(|c| c.birthday_on_edge),
            rules::MEMBER_BIRTHDAY,
        );
        a.add_if(
            self.assumed && self.children.iter().any(|c| c.at_school.is_some()),
            rules::ORPHAN_ALLOWANCE_AT_SCHOOL_PROVINCE,
        );
        a
    }

    fn why(&self) -> Why {
        if self.children.is_empty() {
            return why![Reason::OrphanAllowanceNoChild];
        }
        let mut why = Why::default();
        if self.children.iter().any(|c| c.eligible) {
            why.push(Reason::OrphanAllowancePaid);
        }
        if self.children.iter().any(|c| !c.eligible) {
            why.push(Reason::OrphanAllowanceAgedOut);
        }
        why
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        if self.children.is_empty() {
            e.reason(Reason::OrphanAllowanceNoChild.text());
            return;
        }
        for (j, c) in self.children.iter().enumerate() {
            self.standard_step(c, e);
            if let Some(school) = c.at_school {
                self.at_school_step(c, school, e);
            }
            if let Some((last, n)) = c.ends {
                let annual = c.annual().unwrap_or(c.monthly);
                // 孤儿 are in 四(十二); the rule's first item, 四(十), is 低保's and 特困's.
                e.step_citing(
                    rules::ANNUAL_ENDS_WITHIN_YEAR,
                    "四(十二)",
                    format!(
                        "{}：基本生活费至 {} 止（年满{}周岁前一日），自测算日期起剩 {n} 个月（不足一月按一月计，本计算器的假设）：全年 = {} 元 × {n} = {annual} 元。",
                        c.member,
                        format_date(last),
                        self.minor_age,
                        c.monthly
                    ),
                    Some(annual.to_fen_string()),
                );
            }
            if c.eligible {
                e.reason(format!(
                    "{}：{}基本生活费 {} 元/月。",
                    c.member,
                    c.care.label(),
                    c.monthly
                ));
                let key = format!("children[{j}].monthly");
                e.fact(format!("{}：基本生活费", c.member), c.monthly, "元/月", key);
            } else {
                e.reason(format!(
                    "{}：已满{}周岁，不再按{}发放基本生活费。",
                    c.member,
                    self.minor_age,
                    c.care.label()
                ));
            }
        }
        e.step(
            rules::ORPHAN_ALLOWANCE_NOT_INCOME,
            "孤儿、事实无人抚养儿童基本生活费属社会救助款物，不计入低保家庭收入（民发〔2021〕57号）。".to_string(),
            None,
        );
    }
}
