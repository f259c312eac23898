//! 扶贫项目资产台账 (`assets(list, asOf)`), policy text 二(四): each asset's class (经营性 / 公益性 /
//! 到户类) and what follows from it (who manages and maintains it, what must be prevented); whether a
//! proposed 转让、置换、报损、报废 has the approvals it needs; whether the planned uses of its income are
//! among those the text names, with their shares; and the ledger summed up by class and by village.
//! A bad row is that row's error; the rest of the ledger goes on.
//!
//! Policy text 二(四): assets formed with 财政专项扶贫资金 and 贫困县涉农整合资金 are put in a ledger and
//! managed by class; 经营性: 明晰产权关系, 加强经营管理, 防止资产流失和被侵占; 公益性: 落实管护主体、明确管护
//! 责任, 持续发挥作用; disposals follow the rules for state and collective assets with the approvals
//! they require; income 重点用于项目运行管护、村级公益事业、巩固拓展脱贫攻坚成果等, the village's part also
//! 产业发展和提质增效、小微奖补、小型公益事业建设及扶贫资产维护. 六(十六): the fund-integration pilot in the
//! first 3 years of the period. The classes and the household assets follow 国办函〔2021〕51号 (seen
//! only as reported).
//!
//! Parameters read: `assets.disposal.townshipLimit`, `assets.disposal.countyDepartmentLimit` (for
//! disposals), `transition.start` and `transition.fundIntegrationPilotYears` (through
//! `programs::transition`, for assets of integrated funds).
//!
//! Here: the ledger's types, [`ledger`] and one asset's assessment, which goes through `scope`,
//! `management`, `income` and `disposal`; `totals` sums the ledger up.

use std::collections::HashSet;

use serde::Serialize;
use tsify::Tsify;

use crate::base::error::BatchError;
use crate::base::error::{PolicyError, Result};
use crate::base::money::{Money, Rate};
use crate::input::county::{
    label_of, Approval, AssetInput, AssetKind, AssetRow, DisposalType, FundingSource,
    IncomePurpose, OwnerLevel, APPROVALS, ASSET_KINDS, DISPOSAL_TYPES, FUNDING_SOURCES,
    INCOME_PURPOSES, OWNER_LEVELS,
};
use crate::input::Collect;
use crate::params::Reader;
use crate::policy::explain::{Citations, Explanation, Step};
use crate::policy::rules::{self, Assumptions, RuleId};

use super::county::Trace;
use super::transition::RegionRef;

mod disposal;
mod income;
mod management;
mod scope;
mod totals;

use disposal::dispose;
use income::{check_income, income};
use management::manage;
use scope::scope;
use totals::summarise;

/// The most rows one ledger takes.
pub const MAX_ASSETS: usize = 100_000;

/// 经营性 / 公益性 / 到户类.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum AssetClass {
    Operating,
    PublicWelfare,
    Household,
}

crate::base::serialize_by_id!(AssetClass, serde_ids_asset_class {
    Operating => "operating",
    PublicWelfare => "publicWelfare",
    Household => "household",
});

impl AssetClass {
    pub const ALL: [AssetClass; 3] = [
        AssetClass::Operating,
        AssetClass::PublicWelfare,
        AssetClass::Household,
    ];
    pub fn of(kind: AssetKind) -> AssetClass {
        use AssetKind::*;
        match kind {
            PlantingBase | Photovoltaic | Workshop | Storage | Processing | Tourism | Equity
            | OtherOperating => AssetClass::Operating,
            Road | Water | Irrigation | PublicService | Environment | OtherPublic => {
                AssetClass::PublicWelfare
            }
            HouseholdLivestock | HouseholdFacility | OtherHousehold => AssetClass::Household,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AssetClass::Operating => "经营性资产",
            AssetClass::PublicWelfare => "公益性资产",
            AssetClass::Household => "到户类资产",
        }
    }
}

/// Who manages it, what they must do, what must be prevented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Management {
    pub manager: &'static str,
    pub duty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub prevent: Option<&'static str>,
    pub citation: &'static str,
}

/// How a planned use of the income stands against the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum UseVerdict {
    /// Among the uses the text names for this asset.
    Listed,
    /// A use the text allows only for the village's part of the income: the asset is not the village's.
    VillageOnly,
    /// Not among the uses the text names.
    NotListed,
    /// 到户类: the household's own income, no plan assessed.
    NotAssessed,
}

crate::base::serialize_by_id!(UseVerdict, serde_ids_use_verdict {
    Listed => "listed",
    VillageOnly => "villageOnly",
    NotListed => "notListed",
    NotAssessed => "notAssessed",
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct IncomeUseResult {
    pub purpose: IncomePurpose,
    pub label: &'static str,
    #[tsify(type = "string")]
    pub amount: Money,
    /// Share of the annual income (four places).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub share: Option<Rate>,
    pub verdict: UseVerdict,
    pub allowed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DisposalResult {
    #[serde(rename = "type")]
    pub kind: DisposalType,
    pub label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub price: Option<Money>,
    /// Who approves it (absent for a household's own asset).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub authority: Option<Approval>,
    /// Every approval it needs, lowest first.
    pub required: Vec<Approval>,
    /// Those still missing.
    pub missing: Vec<Approval>,
    /// Every approval it needs is obtained.
    pub allowed: bool,
    /// A transfer or exchange priced below the book value.
    pub below_value: bool,
}

/// Something about an asset to act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// `outOfScope`, `formedBeforeScope`, `integratedFundNotAlleviatedCounty`, `ownerMismatch`,
    /// `pilotFundsAfterPilot`, `noIncomePlan`, `incomeUseNotAllowed`, `householdIncomePlan`,
    /// `disposalMissingApproval`, `disposalBelowValue`.
    pub id: &'static str,
    pub text: String,
    pub citation: &'static str,
}

/// One asset of the ledger, assessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AssetResult {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub village: Option<String>,
    pub class: AssetClass,
    pub class_label: &'static str,
    pub kind: AssetKind,
    pub kind_label: &'static str,
    pub funding_source: FundingSource,
    pub funding_label: &'static str,
    pub year: u32,
    #[tsify(type = "string")]
    pub value: Money,
    pub owner_level: OwnerLevel,
    pub owner_label: &'static str,
    /// Formed with funds the text (or 国办函〔2021〕51号) counts as 扶贫项目资产.
    pub in_scope: bool,
    pub management: Management,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub annual_income: Option<Money>,
    pub income_uses: Vec<IncomeUseResult>,
    /// The planned uses added up.
    #[tsify(type = "string")]
    pub planned: Money,
    /// Income not yet planned for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub unplanned: Option<Money>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub disposal: Option<DisposalResult>,
    pub findings: Vec<Finding>,
    pub reasons: Vec<String>,
    pub steps: Vec<Step>,
    pub citations: Vec<&'static str>,
    #[tsify(type = "Assumption[]")]
    pub assumptions: Assumptions,
}

/// One row of the ledger: the asset assessed, or the row's error (path from the ledger: `[3].value`)
/// with every problem of the row, and the row's `id` when it could be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum LedgerItem {
    Ok {
        #[tsify(type = "true")]
        ok: bool,
        asset: Box<AssetResult>,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        /// The row's `id`, when it could be read.
        #[serde(skip_serializing_if = "Option::is_none")]
        #[tsify(optional)]
        id: Option<String>,
        error: BatchError,
    },
}

/// What a group of assets adds up to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LedgerCounts {
    pub assets: u32,
    #[tsify(type = "string")]
    pub value: Money,
    #[tsify(type = "string")]
    pub annual_income: Money,
    #[tsify(type = "string")]
    pub planned: Money,
    /// Disposals proposed.
    pub disposals: u32,
    /// Of which missing an approval.
    pub disposals_blocked: u32,
    /// Assets with at least one finding.
    pub with_findings: u32,
}

impl LedgerCounts {
    fn add(&mut self, a: &AssetResult) -> Result<()> {
        self.assets = self.assets.saturating_add(1);
        self.value = self.value.checked_add(a.value)?;
        self.annual_income = self
            .annual_income
            .checked_add(a.annual_income.unwrap_or_default())?;
        self.planned = self.planned.checked_add(a.planned)?;
        if let Some(d) = &a.disposal {
            self.disposals = self.disposals.saturating_add(1);
            self.disposals_blocked = self.disposals_blocked.saturating_add(u32::from(!d.allowed));
        }
        self.with_findings = self
            .with_findings
            .saturating_add(u32::from(!a.findings.is_empty()));
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClassTotals {
    pub class: AssetClass,
    pub label: &'static str,
    #[serde(flatten)]
    pub counts: LedgerCounts,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct VillageTotals {
    /// The village as the ledger names it; `（未注明村）` for rows without one.
    pub village: String,
    #[serde(flatten)]
    pub counts: LedgerCounts,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LedgerTotals {
    /// Rows given.
    pub rows: u32,
    /// Rows in error.
    pub errors: u32,
    #[serde(flatten)]
    pub counts: LedgerCounts,
}

/// The approval limits read (when a disposal needed them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ApprovalLimits {
    #[tsify(type = "string")]
    pub township: Money,
    #[tsify(type = "string")]
    pub county_department: Money,
    /// What the limits are, for a step: placeholders a county replaces (示意限额), or not.
    #[serde(skip)]
    pub(crate) status: &'static str,
}

/// `assets(list, asOf)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AssetLedger {
    pub as_of: String,
    /// The county whose limits were used, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region: Option<RegionRef>,
    /// One item per row, in order.
    pub items: Vec<LedgerItem>,
    pub by_class: Vec<ClassTotals>,
    /// By village, in the order villages first appear.
    pub by_village: Vec<VillageTotals>,
    pub totals: LedgerTotals,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub approval_limits: Option<ApprovalLimits>,
    /// The words and what the figures rest on.
    #[serde(flatten)]
    pub trace: Trace,
}

const NO_VILLAGE: &str = "（未注明村）";

/// The ledger: each row assessed (or its error kept, with every problem of the row: those found
/// reading it and the ledger's own, a year after the date's or an id given twice), then summed up.
pub fn ledger(rows: Vec<AssetRow>, reader: &mut Reader<'_>, explain: bool) -> Result<AssetLedger> {
    if rows.len() > MAX_ASSETS {
        return Err(PolicyError::out_of_range(
            "",
            format!(
                "一次最多 {MAX_ASSETS} 项资产（当前 {} 项），请分批",
                rows.len()
            ),
        ));
    }
    let year = u32::try_from(chrono::Datelike::year(&reader.on())).unwrap_or(0);
    let mut limits = None;
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        match checked(row, i, year, &mut seen) {
            // What a good row needs of the parameters is the ledger's: a set that cannot answer
            // (a date before its figures) fails the whole ledger, not a row.
            Ok(a) => items.push(LedgerItem::Ok {
                ok: true,
                asset: Box::new(assess(&a, reader, &mut limits, explain)?),
            }),
            Err((id, e)) => items.push(LedgerItem::Err {
                ok: false,
                id,
                error: BatchError::from(e),
            }),
        }
    }
    summarise(items, limits, reader, explain)
}

/// A row with the ledger's own checks: its year not after the date's, its id not given before, its
/// planned income within its income. A row in error has every problem (those found reading it
/// first), and its id when it could be read.
fn checked(
    row: AssetRow,
    i: usize,
    year: u32,
    seen: &mut HashSet<String>,
) -> std::result::Result<AssetInput, (Option<String>, PolicyError)> {
    let at = |field: &str| format!("[{i}].{field}");
    let mut c = Collect::default();
    let asset = row.asset.map_err(|e| c.push(e)).ok();
    if let Some(y) = row.year.filter(|y| *y > year) {
        c.push(PolicyError::out_of_range(
            at("year"),
            format!("形成年度 {y} 晚于测算日期所在年度 {year}"),
        ));
    }
    if let Some(id) = &row.id {
        if !seen.insert(id.clone()) {
            c.push(PolicyError::invalid_input(
                at("id"),
                format!("资产编号“{id}”在台账中重复"),
            ));
        }
    }
    if let Some(a) = &asset {
        if let Err(e) = check_income(a) {
            c.push(e.under(&format!("[{i}]")));
        }
    }
    match (asset, c.into_error()) {
        (Some(a), None) => Ok(a),
        (_, e) => Err((
            row.id,
            e.unwrap_or_else(|| PolicyError::invalid_input(format!("[{i}]"), "资产有误")),
        )),
    }
}

/// What an asset's assessment collects before it is assembled.
struct Work {
    findings: Vec<Finding>,
    citations: Citations,
    assumptions: Assumptions,
    words: Explanation,
    explain: bool,
}

impl Work {
    fn finding(&mut self, id: &'static str, citation: &'static str, text: String) {
        self.cite(citation);
        self.findings.push(Finding { id, text, citation });
    }
    /// `citations` lists items of the policy text; a step may cite a document instead.
    fn cite(&mut self, citation: &'static str) {
        if crate::policy::title(citation).is_some() {
            self.citations.add(citation);
        }
    }
    /// A step applying `rule`, citing its first source.
    fn step(&mut self, rule: impl Into<RuleId>, text: impl FnOnce() -> String) {
        let rule = rule.into();
        self.step_citing(rule, rule.citation(), text);
    }
    /// A step applying `rule` that cites another of its sources.
    fn step_citing(
        &mut self,
        rule: impl Into<RuleId>,
        citation: &'static str,
        text: impl FnOnce() -> String,
    ) {
        self.cite(citation);
        if self.explain {
            self.words.step_citing(rule, citation, text(), None);
        }
    }
}

/// One asset, assessed.
fn assess(
    a: &AssetInput,
    reader: &mut Reader<'_>,
    limits: &mut Option<ApprovalLimits>,
    explain: bool,
) -> Result<AssetResult> {
    let class = AssetClass::of(a.kind);
    let mut w = Work {
        findings: Vec::new(),
        citations: Citations::default(),
        assumptions: Assumptions::default(),
        words: Explanation::default(),
        explain,
    };
    let kind_label = label_of(ASSET_KINDS, a.kind);
    w.step(rules::ASSETS_CLASS, || {
        format!("{}（{kind_label}）属于{}。", a.name, class.label())
    });
    let in_scope = scope(a, reader, &mut w)?;
    let management = manage(a, class, &mut w);
    let (income_uses, planned) = income(a, class, &mut w)?;
    let disposal = match &a.disposal {
        Some(d) => Some(dispose(a, d, class, reader, limits, &mut w)?),
        None => None,
    };
    if w.findings.is_empty() {
        w.words.reason(format!("{}：未发现需处理的问题。", a.name));
    }
    for f in &w.findings {
        w.words.reason(format!("{}：{}", a.name, f.text));
    }
    let unplanned = a
        .annual_income
        .filter(|_| class != AssetClass::Household)
        .map(|i| i.checked_sub(planned))
        .transpose()?;
    Ok(AssetResult {
        id: a.id.clone(),
        name: a.name.clone(),
        village: a.village.clone(),
        class,
        class_label: class.label(),
        kind: a.kind,
        kind_label,
        funding_source: a.funding_source,
        funding_label: label_of(FUNDING_SOURCES, a.funding_source),
        year: a.year,
        value: a.value,
        owner_level: a.owner_level,
        owner_label: label_of(OWNER_LEVELS, a.owner_level),
        in_scope,
        management,
        annual_income: a.annual_income,
        income_uses,
        planned,
        unplanned,
        disposal,
        findings: w.findings,
        reasons: if explain { w.words.reasons } else { Vec::new() },
        steps: w.words.steps,
        citations: w.citations.into_vec(),
        assumptions: w.assumptions,
    })
}

/// The ids of the lists, for the command-line tool's CSV and the page (`approval` → label and so on).
pub fn id_lists() -> [(&'static str, Vec<(&'static str, &'static str)>); 6] {
    fn pairs<T: Copy + PartialEq>(
        l: &[(&'static str, T, &'static str)],
    ) -> Vec<(&'static str, &'static str)> {
        l.iter().map(|(id, _, label)| (*id, *label)).collect()
    }
    [
        ("kind", pairs(ASSET_KINDS)),
        ("fundingSource", pairs(FUNDING_SOURCES)),
        ("ownerLevel", pairs(OWNER_LEVELS)),
        ("purpose", pairs(INCOME_PURPOSES)),
        ("disposal", pairs(DISPOSAL_TYPES)),
        ("approval", pairs(APPROVALS)),
    ]
}
