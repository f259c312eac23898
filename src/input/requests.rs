//! The requests that are not a household: a hospital bill, a loan, a “保险+期货” claim, a work-relief
//! project, and the options of the income curve and of batches. Each reader returns the struct that
//! also declares its TypeScript type.

use rust_decimal::Decimal;
use tsify::Tsify;

use super::household::{Category, HouseholdStatus, CATEGORIES, STATUSES};
use super::Obj;
use crate::base::error::{PolicyError, Result};
use crate::base::json::Node;
use crate::base::money::{Money, Rate};

/// Who the patient is for medical cover: one group a claim. A patient in several (a 返贫致贫 person
/// also in 低保) is passed as the most favourable, in this order: `tekun`, `dibao`, `returned`,
/// `monitored`, `alleviated`, `general` (the tilt and the assistance rate fall in that order; rule
/// `medical.group`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum InsuredGroup {
    /// 特困人员
    Tekun,
    /// 低保对象
    Dibao,
    /// 纳入监测的易返贫致贫人口 (monitored, not identified as 返贫致贫)
    Monitored,
    /// 返贫致贫人口 (identified; monitored too)
    Returned,
    /// 脱贫人口
    Alleviated,
    General,
}

crate::base::serialize_by_id!(InsuredGroup, serde_ids_insured_group {
    Tekun => "tekun",
    Dibao => "dibao",
    Monitored => "monitored",
    Returned => "returned",
    Alleviated => "alleviated",
    General => "general",
});

#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum HospitalLevel {
    Township,
    County,
    City,
    Province,
}

crate::base::serialize_by_id!(HospitalLevel, serde_ids_hospital_level {
    Township => "township",
    County => "county",
    City => "city",
    Province => "province",
});

const GROUPS: &[(&str, InsuredGroup)] = &[
    ("tekun", InsuredGroup::Tekun),
    ("dibao", InsuredGroup::Dibao),
    ("monitored", InsuredGroup::Monitored),
    ("returned", InsuredGroup::Returned),
    ("alleviated", InsuredGroup::Alleviated),
    ("general", InsuredGroup::General),
];
const LEVELS: &[(&str, HospitalLevel)] = &[
    ("township", HospitalLevel::Township),
    ("county", HospitalLevel::County),
    ("city", HospitalLevel::City),
    ("province", HospitalLevel::Province),
];

/// Paid earlier this year (for the annual caps).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PaidThisYear {
    /// By basic insurance.
    #[tsify(optional, type = "Money")]
    pub basic: Money,
    /// By medical assistance.
    #[tsify(optional, type = "Money")]
    pub assistance: Money,
}

/// A hospital bill (`medical(claim, asOf)`).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MedicalClaim {
    /// The county (or city, or the province): no medical figure is yet set by region.
    pub region: String,
    /// The patient's group; in several, the first of `tekun`, `dibao`, `returned`, `monitored`,
    /// `alleviated` that applies (a 返贫致贫 person in 低保 is `dibao`).
    pub group: InsuredGroup,
    pub hospital_level: HospitalLevel,
    /// The whole bill.
    #[tsify(type = "Money")]
    pub total: Money,
    /// The part within the policy catalogue (政策范围内).
    #[tsify(type = "Money")]
    pub in_policy: Money,
    #[tsify(optional)]
    pub paid_this_year: PaidThisYear,
    /// In-policy burden after basic insurance earlier this year (counts towards the
    /// critical-illness deductible).
    #[tsify(optional, type = "Money")]
    pub burden_this_year: Money,
}

impl MedicalClaim {
    pub fn read(node: &Node<'_>) -> Result<MedicalClaim> {
        let c = Obj::new(
            node,
            "",
            "医疗费用",
            &[
                "region",
                "group",
                "hospitalLevel",
                "total",
                "inPolicy",
                "paidThisYear",
                "burdenThisYear",
            ],
        )?;
        let total = c.required_money("total")?;
        let in_policy = c.required_money("inPolicy")?;
        if in_policy > total {
            return Err(PolicyError::out_of_range(
                "inPolicy",
                format!("政策范围内费用 {in_policy} 元不能超过总费用 {total} 元"),
            ));
        }
        let paid_this_year = match c.object("paidThisYear", &["basic", "assistance"])? {
            Some(o) => PaidThisYear {
                basic: o.money("basic")?.map(|m| m.0).unwrap_or_default(),
                assistance: o.money("assistance")?.map(|m| m.0).unwrap_or_default(),
            },
            None => PaidThisYear::default(),
        };
        Ok(MedicalClaim {
            region: c.required_str("region")?,
            group: c.required_choice("group", GROUPS)?,
            hospital_level: c.required_choice("hospitalLevel", LEVELS)?,
            total,
            in_policy,
            paid_this_year,
            burden_this_year: c.money("burdenThisYear")?.map(|m| m.0).unwrap_or_default(),
        })
    }
}

/// What a loan's term may be: the range read, and the subsidy's own limit (a parameter).
const TERM_YEARS: &str = "贷款期限应为 1 到 30 的整年数，享受贴息的为 3 年以内";

/// A microcredit application (`microcredit(request, asOf)`). Renewals and extensions (续贷、展期)
/// are not computed: a loan extended past the term limit reads as over it.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MicrocreditRequest {
    pub region: String,
    /// The borrower's household: 脱贫户 and households under monitoring qualify.
    pub status: HouseholdStatus,
    /// A monitored household's category: 突发严重困难户 do not qualify (脱贫户 and 边缘易致贫户 do).
    #[tsify(optional)]
    pub monitoring_category: Option<Category>,
    #[tsify(type = "Money")]
    pub amount: Money,
    /// Whole years, 1 to 30 (the subsidy: 1 to 3, `credit.microcredit.termYears`).
    pub term_years: u32,
    /// Annual rate, e.g. "0.0345" (at most six decimal places).
    #[tsify(type = "string | number")]
    pub rate: Rate,
}

impl MicrocreditRequest {
    pub fn read(node: &Node<'_>) -> Result<MicrocreditRequest> {
        let o = Obj::new(
            node,
            "",
            "贷款申请",
            &[
                "region",
                "status",
                "monitoringCategory",
                "amount",
                "termYears",
                "rate",
            ],
        )?;
        let status = o.required_choice("status", STATUSES)?;
        let monitoring_category = o.choice("monitoringCategory", CATEGORIES)?;
        if monitoring_category.is_some() && !status.monitored() {
            return Err(PolicyError::invalid_input(
                "monitoringCategory",
                "只有户类型为“已纳入防返贫监测”或“已认定返贫致贫”的家庭才有登记的监测类别",
            ));
        }
        // Whole years: a fraction (2.5) is told the range, as a number out of it is.
        let term_years = o
            .count("termYears")
            .map_err(|_| PolicyError::invalid_input("termYears", TERM_YEARS))?
            .ok_or_else(|| {
                PolicyError::invalid_input("termYears", "缺少必填字段“termYears”（整年）")
            })?;
        if !(1..=30).contains(&term_years) {
            return Err(PolicyError::out_of_range("termYears", TERM_YEARS));
        }
        let rate = o.decimal("rate", 6, Decimal::ONE)?.ok_or_else(|| {
            PolicyError::invalid_input("rate", "缺少必填字段“rate”（年利率，如 0.0345）")
        })?;
        Ok(MicrocreditRequest {
            region: o.required_str("region")?,
            status,
            monitoring_category,
            amount: o.required_money("amount")?,
            term_years,
            rate: Rate::from_decimal(rate),
        })
    }
}

/// An entrepreneurship guarantee loan request (`guaranteeLoan(request, asOf)`).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GuaranteeLoanRequest {
    pub region: String,
    #[tsify(type = "Money")]
    pub amount: Money,
}

impl GuaranteeLoanRequest {
    pub fn read(node: &Node<'_>) -> Result<GuaranteeLoanRequest> {
        let o = Obj::new(node, "", "贷款申请", &["region", "amount"])?;
        Ok(GuaranteeLoanRequest {
            region: o.required_str("region")?,
            amount: o.required_money("amount")?,
        })
    }
}

/// A “保险+期货” claim (`insuranceFutures(claim, asOf)`).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceFuturesClaim {
    /// Insured target price, yuan per unit.
    #[tsify(type = "Money")]
    pub target_price: Money,
    /// Futures settlement price, yuan per unit.
    #[tsify(type = "Money")]
    pub settlement_price: Money,
    /// Insured quantity (units, e.g. tonnes; up to 3 decimal places).
    #[tsify(type = "string | number")]
    pub quantity: Decimal,
}

impl InsuranceFuturesClaim {
    pub fn read(node: &Node<'_>) -> Result<InsuranceFuturesClaim> {
        let o = Obj::new(
            node,
            "",
            "保险理赔",
            &["targetPrice", "settlementPrice", "quantity"],
        )?;
        let quantity = o
            .decimal("quantity", 3, Decimal::from(1_000_000_000))?
            .ok_or_else(|| PolicyError::invalid_input("quantity", "缺少必填字段“quantity”"))?;
        Ok(InsuranceFuturesClaim {
            target_price: o.required_money("targetPrice")?,
            settlement_price: o.required_money("settlementPrice")?,
            quantity,
        })
    }
}

/// A work-relief project (`workRelief(project, asOf)`).
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WorkReliefProject {
    pub region: String,
    /// Central budget investment in the project.
    #[tsify(type = "Money")]
    pub budget: Money,
    /// A key project (重点工程项目); default false.
    #[tsify(optional)]
    pub key_project: bool,
}

impl WorkReliefProject {
    pub fn read(node: &Node<'_>) -> Result<WorkReliefProject> {
        let o = Obj::new(
            node,
            "",
            "以工代赈项目",
            &["region", "budget", "keyProject"],
        )?;
        Ok(WorkReliefProject {
            region: o.required_str("region")?,
            budget: o.required_money("budget")?,
            key_project: o.bool("keyProject")?.unwrap_or(false),
        })
    }
}

/// The income range of `incomeCurve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CurveOptions {
    #[tsify(type = "Money")]
    pub from: Money,
    #[tsify(type = "Money")]
    pub to: Money,
    #[tsify(type = "Money")]
    pub step: Money,
}

impl CurveOptions {
    pub fn read(node: &Node<'_>) -> Result<CurveOptions> {
        let o = Obj::new(node, "opts", "opts", &["from", "to", "step"])?;
        Ok(CurveOptions {
            from: o.required_money("from")?,
            to: o.required_money("to")?,
            step: o.required_money("step")?,
        })
    }
}

/// Options of `estimateMany`: `explain: false` leaves out steps and reasons (same figures, faster).
/// Its TypeScript is `BatchOptions = CallOptions` (src/wasm/types.rs), not derived here: two
/// declarations of one name do not compile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BatchOptions {
    pub explain: Option<bool>,
}

impl BatchOptions {
    pub fn read(node: &Node<'_>) -> Result<BatchOptions> {
        BatchOptions::read_named(node, "opts")
    }

    /// The options of a call whose typings name them `name`, which their errors' paths start with.
    pub fn read_named(node: &Node<'_>, name: &str) -> Result<BatchOptions> {
        let o = Obj::new(node, name, name, &["explain"])?;
        Ok(BatchOptions {
            explain: o.bool("explain")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loan(term: &str) -> Result<MicrocreditRequest> {
        let text = format!(
            r#"{{"region":"230129","status":"alleviated","amount":"10000","termYears":{term},"rate":"0.03"}}"#
        );
        MicrocreditRequest::read(&crate::input::parse(&text, "贷款申请")?)
    }

    #[test]
    fn a_term_out_of_whole_years_is_told_the_range() {
        // 2.5 years, 0 and 31 are each told the range read and the subsidy's limit, not only
        // “应为非负整数”.
        for term in ["2.5", "0", "31", "-1"] {
            let e = loan(term).unwrap_err();
            assert_eq!(e.path, "termYears", "{term}");
            assert!(
                e.message.contains("1 到 30 的整年数"),
                "{term}: {}",
                e.message
            );
            assert!(e.message.contains("3 年以内"), "{term}: {}", e.message);
        }
        assert_eq!(loan("3").unwrap().term_years, 3);
        assert_eq!(loan("30").unwrap().term_years, 30);
    }
}
