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

use std::collections::HashSet;

use serde::Serialize;
use tsify::Tsify;

use super::transition;
use crate::base::calendar::format_date;
use crate::base::error::BatchError;
use crate::base::error::{ErrorCode, PolicyError, Result};
use crate::base::money::{Money, Rate};
use crate::input::county::{
    label_of, Approval, AssetInput, AssetKind, DisposalType, FundingSource, IncomePurpose,
    OwnerLevel, APPROVALS, ASSET_KINDS, DISPOSAL_TYPES, FUNDING_SOURCES, INCOME_PURPOSES,
    OWNER_LEVELS,
};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation, Step};
use crate::policy::rules::Assumptions;

use super::county::Trace;
use super::transition::RegionRef;

/// The most rows one ledger takes.
pub const MAX_ASSETS: usize = 100_000;

/// 经营性 / 公益性 / 到户类.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum AssetClass {
    Operating,
    PublicWelfare,
    Household,
}

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
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

/// One row of the ledger: the asset assessed, or the row's error (path from the ledger: `[3].value`).
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

/// The ledger: each row assessed (or its error kept), then summed up.
pub fn ledger(
    rows: Vec<Result<AssetInput>>,
    reader: &mut Reader<'_>,
    explain: bool,
) -> Result<AssetLedger> {
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
        let at = |field: &str| format!("[{i}].{field}");
        let checked = row.and_then(|a| {
            if a.year > year {
                return Err(PolicyError::out_of_range(
                    at("year"),
                    format!("形成年度 {} 晚于测算日期所在年度 {year}", a.year),
                ));
            }
            if !seen.insert(a.id.clone()) {
                return Err(PolicyError::invalid_input(
                    at("id"),
                    format!("资产编号“{}”在台账中重复", a.id),
                ));
            }
            check_income(&a).map_err(|e| e.under(&format!("[{i}]")))?;
            Ok(a)
        });
        match checked {
            // What a good row needs of the parameters is the ledger's: a set that cannot answer
            // (a date before its figures) fails the whole ledger, not a row.
            Ok(a) => items.push(LedgerItem::Ok {
                ok: true,
                asset: Box::new(assess(&a, reader, &mut limits, explain)?),
            }),
            Err(e) => items.push(LedgerItem::Err {
                ok: false,
                error: BatchError::from(e),
            }),
        }
    }
    summarise(items, limits, reader, explain)
}

/// The ledger's totals and words, from its items.
fn summarise(
    items: Vec<LedgerItem>,
    limits: Option<ApprovalLimits>,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<AssetLedger> {
    let mut by_class: Vec<ClassTotals> = AssetClass::ALL
        .iter()
        .map(|c| ClassTotals {
            class: *c,
            label: c.label(),
            counts: LedgerCounts::default(),
        })
        .collect();
    let mut by_village: Vec<VillageTotals> = Vec::new();
    let mut totals = LedgerTotals::default();
    let (mut citations, mut assumptions) = (Citations::of(&["二(四)"]), Assumptions::default());
    for item in &items {
        totals.rows = totals.rows.saturating_add(1);
        let LedgerItem::Ok { asset: a, .. } = item else {
            totals.errors = totals.errors.saturating_add(1);
            continue;
        };
        totals.counts.add(a)?;
        if let Some(c) = by_class.iter_mut().find(|c| c.class == a.class) {
            c.counts.add(a)?;
        }
        let village = a.village.as_deref().unwrap_or(NO_VILLAGE);
        match by_village.iter_mut().find(|v| v.village == village) {
            Some(v) => v.counts.add(a)?,
            None => {
                let mut v = VillageTotals {
                    village: village.to_string(),
                    counts: LedgerCounts::default(),
                };
                v.counts.add(a)?;
                by_village.push(v);
            }
        }
        a.citations.iter().for_each(|c| citations.add(c));
        assumptions.extend(a.assumptions);
    }
    let mut words = Explanation::default();
    if explain {
        explain_ledger(&totals, limits, &mut words);
    }
    Ok(AssetLedger {
        as_of: format_date(reader.on()),
        region: reader.region().map(RegionRef::from),
        items,
        by_class,
        by_village,
        totals,
        approval_limits: limits,
        trace: Trace::new(words, citations, assumptions, reader),
    })
}

fn explain_ledger(t: &LedgerTotals, limits: Option<ApprovalLimits>, e: &mut Explanation) {
    let c = &t.counts;
    e.note(
        "assets.summary",
        format!(
            "台账 {} 行：资产 {} 项，账面价值合计 {} 元，年收益合计 {} 元，已计划用途 {} 元；{} 行有误。",
            t.rows, c.assets, c.value, c.annual_income, c.planned, t.errors
        ),
        Some(c.value.to_fen_string()),
    );
    if let Some(l) = limits {
        e.step(
            "assets.disposalApproval",
            "二(四)",
            format!(
                "处置审批层级：账面价值不超过 {} 元由乡镇审批，不超过 {} 元由县级行业主管部门会同财政部门审批，超过的报县级人民政府。",
                l.township, l.county_department
            ),
            None,
        );
    }
    e.reason(format!(
        "资产 {} 项：处置 {} 项，其中 {} 项缺少审批；{} 项资产有需处理的问题；{} 行有误。",
        c.assets, c.disposals, c.disposals_blocked, c.with_findings, t.errors
    ));
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
    fn step(&mut self, rule: &'static str, citation: &'static str, text: impl FnOnce() -> String) {
        self.cite(citation);
        if self.explain {
            self.words.step(rule, citation, text(), None);
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
    w.step("assets.class", "二(四)", || {
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

/// Whether the funds make it a 扶贫项目资产, and an integrated-fund asset formed after the pilot.
fn scope(a: &AssetInput, reader: &mut Reader<'_>, w: &mut Work) -> Result<bool> {
    use FundingSource::*;
    let funds = label_of(FUNDING_SOURCES, a.funding_source);
    let in_scope = match a.funding_source {
        SpecialFund | IntegratedFund => {
            w.step("assets.scope", "二(四)", || {
                format!("{funds}形成的资产，纳入扶贫项目资产台账。")
            });
            true
        }
        LinkageFund | Bond | Collaboration | Donation => {
            w.step(
                "assets.scopeDocument",
                "国办函〔2021〕51号（转述）",
                || format!("{funds}形成的资产，按国办函〔2021〕51号同样纳入扶贫项目资产管理。"),
            );
            true
        }
        Other => {
            w.finding(
                "outOfScope",
                "二(四)",
                "资金来源为“其他资金”，不属于扶贫项目资产：请核实资金来源，或移出本台账。".into(),
            );
            false
        }
    };
    let in_scope = in_scope && formed_in_scope(a, reader, w)?;
    if a.funding_source == IntegratedFund {
        integrated_in_county(reader, w);
        let start = reader.date(&p::TRANSITION_START)?;
        let (years, until) = transition::pilot_end(reader, start)?;
        let last_year = u32::try_from(chrono::Datelike::year(&until)).unwrap_or(0);
        if a.year > last_year {
            w.finding(
                "pilotFundsAfterPilot",
                "六(十六)",
                format!(
                    "登记为统筹整合资金，但形成于 {} 年：涉农资金统筹整合试点只在过渡期前{years}年（至 {}），请核实资金来源。",
                    a.year,
                    format_date(until)
                ),
            );
        }
    }
    Ok(in_scope)
}

/// Formed since 党的十八大 (国办函〔2021〕51号三(一)): a year before it is out of scope; its own year
/// is counted in (rule `assets.scopeYear2012`: the ledger has no month).
fn formed_in_scope(a: &AssetInput, reader: &mut Reader<'_>, w: &mut Work) -> Result<bool> {
    let from = reader.date(&p::ASSETS_SCOPE_FROM)?;
    let first = u32::try_from(chrono::Datelike::year(&from)).unwrap_or(0);
    if a.year < first {
        w.finding(
            "formedBeforeScope",
            "二(四)",
            format!(
                "形成于 {} 年，早于党的十八大（{}）：不属于扶贫项目资产，请移出本台账或核实形成年度。",
                a.year,
                format_date(from)
            ),
        );
        return Ok(false);
    }
    if a.year == first {
        w.assumptions.add("assets.scopeYear2012");
        w.step(
            "assets.scopeYear2012",
            "国办函〔2021〕51号三(一)（转述）",
            || format!("形成于 {first} 年：党的十八大当年，台账只有年度，按在范围内计。"),
        );
    }
    Ok(true)
}

/// 统筹整合 funds are for poverty counties only: in a county that never was one, a finding.
fn integrated_in_county(reader: &Reader<'_>, w: &mut Work) {
    let Some(county) = reader
        .region()
        .filter(|r| r.level() == crate::params::Level::County)
    else {
        return;
    };
    if !county.alleviated_county {
        w.finding(
            "integratedFundNotAlleviatedCounty",
            "六(十六)",
            format!(
                "登记为统筹整合资金，但{}不是脱贫县：涉农资金统筹整合试点只在贫困县（脱贫县）实行，请核实资金来源。",
                county.name
            ),
        );
    }
}

/// Who manages and maintains it, and whether the owner registered fits the class.
fn manage(a: &AssetInput, class: AssetClass, w: &mut Work) -> Management {
    let owner = label_of(OWNER_LEVELS, a.owner_level);
    let m = match class {
        AssetClass::Operating => Management {
            manager: owner,
            duty: "明晰产权关系，加强经营管理，合理确定资产经营方式",
            prevent: Some("防止资产流失和被侵占"),
            citation: "二(四)",
        },
        AssetClass::PublicWelfare => Management {
            manager: owner,
            duty: "落实管护主体、明确管护责任，落实责任单位和责任人",
            prevent: Some("防止闲置、损毁，做到持续发挥作用"),
            citation: "二(四)",
        },
        AssetClass::Household => Management {
            manager: "农户",
            duty: "归农户所有，由农户自行管理",
            prevent: None,
            citation: "二(四)",
        },
    };
    let rule = match class {
        AssetClass::Household => "assets.household",
        _ => "assets.management",
    };
    w.step(rule, "二(四)", || {
        let prevent = m.prevent.map(|p| format!("，{p}")).unwrap_or_default();
        format!("{}：由{}{}{prevent}。", class.label(), m.manager, m.duty)
    });
    let fits = (class == AssetClass::Household) == (a.owner_level == OwnerLevel::Household);
    if !fits {
        w.finding(
            "ownerMismatch",
            "二(四)",
            format!(
                "{}登记为{}所有：{}，请核实产权归属。",
                class.label(),
                owner,
                if class == AssetClass::Household {
                    "到户类资产归农户所有"
                } else {
                    "经营性、公益性资产的产权应明确到村集体或乡、县"
                }
            ),
        );
    }
    m
}

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
fn check_income(a: &AssetInput) -> Result<()> {
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
fn income(
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
        "assets.incomeUsesListed",
    );
    let verdict_text = match v {
        UseVerdict::Listed if village_level => "村级收益可用于此项，符合",
        UseVerdict::Listed => "属于文本所列重点用途，符合",
        UseVerdict::VillageOnly => "只有村级收益可用于此项，本资产不归村集体，不符合",
        UseVerdict::NotListed => "不在文本所列用途内，须另行说明依据",
        UseVerdict::NotAssessed => "到户类资产收益归农户，不作评估",
    };
    w.step("assets.incomeUses", "二(四)", || {
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

/// The approval limits, read once per ledger (and checked to be in order).
fn approval_limits(
    reader: &mut Reader<'_>,
    limits: &mut Option<ApprovalLimits>,
) -> Result<ApprovalLimits> {
    if let Some(l) = limits {
        return Ok(*l);
    }
    let l = ApprovalLimits {
        township: reader.money(&p::ASSETS_DISPOSAL_TOWNSHIP_LIMIT)?,
        county_department: reader.money(&p::ASSETS_DISPOSAL_COUNTY_DEPARTMENT_LIMIT)?,
    };
    if l.township > l.county_department {
        return Err(PolicyError::new(
            ErrorCode::InvalidParameters,
            p::ASSETS_DISPOSAL_TOWNSHIP_LIMIT.name,
            format!(
                "乡镇审批限额 {} 元高于县级部门审批限额 {} 元",
                l.township, l.county_department
            ),
        ));
    }
    *limits = Some(l);
    Ok(l)
}

/// The approvals a disposal needs: a village meeting for a village's asset, then every level from
/// the owner's up to the one its book value calls for.
fn required(
    owner: OwnerLevel,
    value: Money,
    l: ApprovalLimits,
) -> (Option<Approval>, Vec<Approval>) {
    let floor = match owner {
        OwnerLevel::Household => return (None, Vec::new()),
        OwnerLevel::Village | OwnerLevel::Township => Approval::Township,
        OwnerLevel::County => Approval::CountyDepartment,
    };
    let by_value = if value <= l.township {
        Approval::Township
    } else if value <= l.county_department {
        Approval::CountyDepartment
    } else {
        Approval::CountyGovernment
    };
    let authority = floor.max(by_value);
    let mut chain: Vec<Approval> = [
        Approval::Township,
        Approval::CountyDepartment,
        Approval::CountyGovernment,
    ]
    .into_iter()
    .filter(|a| floor <= *a && *a <= authority)
    .collect();
    if owner == OwnerLevel::Village {
        chain.insert(0, Approval::VillageMeeting);
    }
    (Some(authority), chain)
}

fn dispose(
    a: &AssetInput,
    d: &crate::input::county::DisposalInput,
    class: AssetClass,
    reader: &mut Reader<'_>,
    limits: &mut Option<ApprovalLimits>,
    w: &mut Work,
) -> Result<DisposalResult> {
    let label = label_of(DISPOSAL_TYPES, d.kind);
    let (authority, required) = if a.owner_level == OwnerLevel::Household {
        w.step("assets.household", "二(四)", || {
            format!("{label}：资产归农户所有，由农户自行处置，不需村、乡、县审批。")
        });
        (None, Vec::new())
    } else {
        let l = approval_limits(reader, limits)?;
        w.assumptions.add("assets.disposalApproval");
        required(a.owner_level, a.value, l)
    };
    let missing: Vec<Approval> = required
        .iter()
        .copied()
        .filter(|r| !d.approvals.contains(r))
        .collect();
    let names = |v: &[Approval]| -> String {
        v.iter()
            .map(|x| label_of(APPROVALS, *x))
            .collect::<Vec<_>>()
            .join("、")
    };
    if let Some(auth) = authority {
        let (need, lacking) = (names(&required), names(&missing));
        w.step("assets.disposal", "二(四)", || {
            format!(
                "{}{label}，账面价值 {} 元：须经{need}，由{}审批；{}。",
                class.label(),
                a.value,
                label_of(APPROVALS, auth),
                if lacking.is_empty() {
                    "审批环节齐全".to_string()
                } else {
                    format!("尚缺{lacking}")
                }
            )
        });
    }
    if !missing.is_empty() {
        w.finding(
            "disposalMissingApproval",
            "二(四)",
            format!("{label}尚缺{}，不得处置。", names(&missing)),
        );
    }
    let below_value = price_test(a, d, label, w);
    Ok(DisposalResult {
        kind: d.kind,
        label,
        price: d.price,
        authority,
        allowed: missing.is_empty(),
        required,
        missing,
        below_value,
    })
}

/// A transfer or exchange of a collective or state asset priced below its book value (资产流失).
fn price_test(
    a: &AssetInput,
    d: &crate::input::county::DisposalInput,
    label: &'static str,
    w: &mut Work,
) -> bool {
    // A household's own asset is the household's to sell: no price test.
    let priced = matches!(d.kind, DisposalType::Transfer | DisposalType::Exchange)
        && a.owner_level != OwnerLevel::Household;
    let below_value = priced && d.price.is_some_and(|p| p < a.value);
    if let (true, Some(price)) = (priced, d.price) {
        w.assumptions.add("assets.disposalValue");
        w.step("assets.disposalValue", "二(四)", || {
            format!(
                "{label}价格 {price} 元{}账面价值 {} 元。",
                if below_value { "低于" } else { "不低于" },
                a.value
            )
        });
    }
    if let (true, Some(price)) = (below_value, d.price) {
        w.finding(
            "disposalBelowValue",
            "二(四)",
            format!(
                "{label}价格 {price} 元低于账面价值 {} 元：防止资产流失，须有资产评估依据。",
                a.value
            ),
        );
    }
    below_value
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
