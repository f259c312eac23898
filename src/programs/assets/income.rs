//! The planned uses of an asset's income (二(四)): whether each is among those the text names for
//! its owner, and what is left unplanned.

use super::{AssetClass, IncomeUseResult, UseVerdict, Work};
use crate::base::error::{PolicyError, Result};
use crate::base::money::{Money, Rate};
use crate::input::county::{
    label_of, AssetInput, IncomePurpose, OwnerLevel, INCOME_PURPOSES, OWNER_LEVELS,
};
use crate::policy::rules;

/// The purposes the text names for every asset's income, and those for the village's part only.
fn verdict(purpose: IncomePurpose, owner: OwnerLevel) -> UseVerdict {
    use IncomePurpose::*;
    match purpose {
        Maintenance | PublicWelfare | Consolidation => UseVerdict::Listed,
        Industry | SmallAwards | SmallPublicWorks | AssetUpkeep if owner == OwnerLevel::Village => {
            UseVerdict::Listed
        }
        Industry | SmallAwards | SmallPublicWorks | AssetUpkeep => UseVerdict::VillageOnly,
        Other => UseVerdict::NotListed,
    }
}

/// A row's income plan is consistent: uses need the income, and cannot add up to more than it.
pub(super) fn check_income(a: &AssetInput) -> Result<()> {
    let planned = Money::sum(a.income_uses.iter().map(|u| u.amount))?;
    match (a.annual_income, a.income_uses.is_empty()) {
        (None, false) => Err(PolicyError::invalid_input(
            "annualIncome",
            "填写了收益用途，须同时填写年收益",
        )),
        (Some(i), _) if planned > i => Err(PolicyError::out_of_range(
            "incomeUses",
            format!("计划用途合计 {planned} 元超过年收益 {i} 元"),
        )),
        _ => Ok(()),
    }
}

/// The planned uses of the income: each against the text, with its share; their total.
pub(super) fn income(
    a: &AssetInput,
    class: AssetClass,
    w: &mut Work,
) -> Result<(Vec<IncomeUseResult>, Money)> {
    let planned = Money::sum(a.income_uses.iter().map(|u| u.amount))?;
    let income = a.annual_income.unwrap_or_default();
    if class == AssetClass::Household {
        if !a.income_uses.is_empty() {
            w.finding(
                "householdIncomePlan",
                "二(四)",
                "到户类资产的收益归农户，不需要村级收益分配方案：请核实类别或移出分配方案。".into(),
            );
        }
    } else if a.income_uses.is_empty() && income > Money::ZERO {
        w.finding(
            "noIncomePlan",
            "二(四)",
            format!("年收益 {income} 元尚无分配方案：应规范资产收益分配。"),
        );
    }
    let mut uses = Vec::with_capacity(a.income_uses.len());
    for u in &a.income_uses {
        let v = match class {
            AssetClass::Household => UseVerdict::NotAssessed,
            _ => verdict(u.purpose, a.owner_level),
        };
        let share = if income > Money::ZERO {
            Some(Rate::ratio(u.amount.decimal(), income.decimal())?)
        } else {
            None
        };
        judge_use(a, u.purpose, u.amount, share, v, w);
        uses.push(IncomeUseResult {
            purpose: u.purpose,
            label: label_of(INCOME_PURPOSES, u.purpose),
            amount: u.amount,
            share,
            verdict: v,
            allowed: v == UseVerdict::Listed,
            note: u.note.clone(),
        });
    }
    Ok((uses, planned))
}

fn judge_use(
    a: &AssetInput,
    purpose: IncomePurpose,
    amount: Money,
    share: Option<Rate>,
    v: UseVerdict,
    w: &mut Work,
) {
    let label = label_of(INCOME_PURPOSES, purpose);
    let share_text = share
        .map(|s| format!("，占年收益 {}", s.percent()))
        .unwrap_or_default();
    let village_level = !matches!(
        purpose,
        IncomePurpose::Maintenance | IncomePurpose::PublicWelfare | IncomePurpose::Consolidation
    );
    w.assumptions.add_if(
        v != UseVerdict::NotAssessed && (v != UseVerdict::Listed || village_level),
        rules::ASSETS_INCOME_USES_LISTED,
    );
    let verdict_text = match v {
        UseVerdict::Listed if village_level => "村级收益可用于此项，符合",
        UseVerdict::Listed => "属于文本所列重点用途，符合",
        UseVerdict::VillageOnly => "只有村级收益可用于此项，本资产不归村集体，不符合",
        UseVerdict::NotListed => "不在文本所列用途内，须另行说明依据",
        UseVerdict::NotAssessed => "到户类资产收益归农户，不作评估",
    };
    w.step(rules::ASSETS_INCOME_USES, || {
        format!("收益用途“{label}” {amount} 元{share_text}：{verdict_text}。")
    });
    if matches!(v, UseVerdict::VillageOnly | UseVerdict::NotListed) {
        let owner = label_of(OWNER_LEVELS, a.owner_level);
        w.finding(
            "incomeUseNotAllowed",
            "二(四)",
            match v {
                UseVerdict::VillageOnly => {
                    format!("收益用途“{label}”只适用于村级收益，本资产归{owner}所有。")
                }
                _ => format!("收益用途“{label}”{amount} 元不在文本所列用途内，须另行说明依据。"),
            },
        );
    }
}
