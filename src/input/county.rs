//! The inputs of the county entry points: a row of a 扶贫项目资产 ledger (`assets(list, asOf)`,
//! 二(四)) and a county's figures for `countyIndicators(input, asOf)` (一(三), 五(十四), 七(二十三)).
//! Read as strictly as a household: unknown and repeated fields refused, `null` read as absent, every
//! error with its path and a Chinese message. Each reader returns the struct that also declares the
//! TypeScript type.

use rust_decimal::Decimal;
use tsify::Tsify;

use super::{short, Collect, Obj};
use crate::base::error::{PolicyError, Result};
use crate::base::json::Node;
use crate::base::money::{parse_plain_decimal, Money};
use crate::input::household::Category;

/// What a 扶贫项目资产 is, as a ledger names it; its class (经营性 / 公益性 / 到户类) follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum AssetKind {
    /// 种植养殖基地、设施农业
    PlantingBase,
    /// 光伏电站
    Photovoltaic,
    /// 帮扶车间、厂房
    Workshop,
    /// 仓储保鲜、冷链物流设施
    Storage,
    /// 农产品加工设施、机器设备
    Processing,
    /// 乡村旅游服务设施
    Tourism,
    /// 入股、股权等权益性资产
    Equity,
    /// 其他经营性资产
    OtherOperating,
    /// 道路、桥梁
    Road,
    /// 供水饮水工程
    Water,
    /// 农田水利设施
    Irrigation,
    /// 教育、文化、卫生、综合服务等公共服务设施
    PublicService,
    /// 人居环境设施（厕所、垃圾、污水）
    Environment,
    /// 其他公益性资产
    OtherPublic,
    /// 到户的畜禽、苗木等生物性资产
    HouseholdLivestock,
    /// 到户的棚舍、农机等固定资产
    HouseholdFacility,
    /// 其他到户类资产
    OtherHousehold,
}

crate::base::serialize_by_id!(AssetKind, serde_ids_asset_kind {
    PlantingBase => "plantingBase",
    Photovoltaic => "photovoltaic",
    Workshop => "workshop",
    Storage => "storage",
    Processing => "processing",
    Tourism => "tourism",
    Equity => "equity",
    OtherOperating => "otherOperating",
    Road => "road",
    Water => "water",
    Irrigation => "irrigation",
    PublicService => "publicService",
    Environment => "environment",
    OtherPublic => "otherPublic",
    HouseholdLivestock => "householdLivestock",
    HouseholdFacility => "householdFacility",
    OtherHousehold => "otherHousehold",
});

/// Every kind, its id and its Chinese label.
pub const ASSET_KINDS: &[(&str, AssetKind, &str)] = &[
    (
        "plantingBase",
        AssetKind::PlantingBase,
        "种植养殖基地、设施农业",
    ),
    ("photovoltaic", AssetKind::Photovoltaic, "光伏电站"),
    ("workshop", AssetKind::Workshop, "帮扶车间、厂房"),
    ("storage", AssetKind::Storage, "仓储保鲜、冷链物流设施"),
    (
        "processing",
        AssetKind::Processing,
        "农产品加工设施、机器设备",
    ),
    ("tourism", AssetKind::Tourism, "乡村旅游服务设施"),
    ("equity", AssetKind::Equity, "入股、股权等权益性资产"),
    (
        "otherOperating",
        AssetKind::OtherOperating,
        "其他经营性资产",
    ),
    ("road", AssetKind::Road, "道路、桥梁"),
    ("water", AssetKind::Water, "供水饮水工程"),
    ("irrigation", AssetKind::Irrigation, "农田水利设施"),
    (
        "publicService",
        AssetKind::PublicService,
        "教育、文化、卫生、综合服务等公共服务设施",
    ),
    ("environment", AssetKind::Environment, "人居环境设施"),
    ("otherPublic", AssetKind::OtherPublic, "其他公益性资产"),
    (
        "householdLivestock",
        AssetKind::HouseholdLivestock,
        "到户的畜禽、苗木等生物性资产",
    ),
    (
        "householdFacility",
        AssetKind::HouseholdFacility,
        "到户的棚舍、农机等固定资产",
    ),
    (
        "otherHousehold",
        AssetKind::OtherHousehold,
        "其他到户类资产",
    ),
];

/// The funds an asset was formed with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum FundingSource {
    /// 各级财政专项扶贫资金
    SpecialFund,
    /// 贫困县（脱贫县）统筹整合使用的财政涉农资金
    IntegratedFund,
    /// 中央和地方财政衔接推进乡村振兴补助资金（2021 年起，原专项扶贫资金调整而来）
    LinkageFund,
    /// 用于脱贫攻坚的地方政府债券资金
    Bond,
    /// 东西部协作、对口支援、定点帮扶资金
    Collaboration,
    /// 社会捐赠
    Donation,
    /// 其他资金
    Other,
}

crate::base::serialize_by_id!(FundingSource, serde_ids_funding_source {
    SpecialFund => "specialFund",
    IntegratedFund => "integratedFund",
    LinkageFund => "linkageFund",
    Bond => "bond",
    Collaboration => "collaboration",
    Donation => "donation",
    Other => "other",
});

pub const FUNDING_SOURCES: &[(&str, FundingSource, &str)] = &[
    (
        "specialFund",
        FundingSource::SpecialFund,
        "财政专项扶贫资金",
    ),
    (
        "integratedFund",
        FundingSource::IntegratedFund,
        "贫困县统筹整合使用的财政涉农资金",
    ),
    (
        "linkageFund",
        FundingSource::LinkageFund,
        "财政衔接推进乡村振兴补助资金",
    ),
    (
        "bond",
        FundingSource::Bond,
        "用于脱贫攻坚的地方政府债券资金",
    ),
    (
        "collaboration",
        FundingSource::Collaboration,
        "东西部协作、对口支援、定点帮扶资金",
    ),
    ("donation", FundingSource::Donation, "社会捐赠"),
    ("other", FundingSource::Other, "其他资金"),
];

/// Who owns the asset (产权归属).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum OwnerLevel {
    /// 农户
    Household,
    /// 村集体经济组织
    Village,
    /// 乡镇人民政府
    Township,
    /// 县级行业主管部门
    County,
}

crate::base::serialize_by_id!(OwnerLevel, serde_ids_owner_level {
    Household => "household",
    Village => "village",
    Township => "township",
    County => "county",
});

pub const OWNER_LEVELS: &[(&str, OwnerLevel, &str)] = &[
    ("household", OwnerLevel::Household, "农户"),
    ("village", OwnerLevel::Village, "村集体经济组织"),
    ("township", OwnerLevel::Township, "乡镇人民政府"),
    ("county", OwnerLevel::County, "县级行业主管部门"),
];

/// A planned use of an asset's income.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum IncomePurpose {
    /// 项目运行管护
    Maintenance,
    /// 村级公益事业
    PublicWelfare,
    /// 巩固拓展脱贫攻坚成果
    Consolidation,
    /// 产业发展和提质增效（村级收益）
    Industry,
    /// 小微奖补（村级收益）
    SmallAwards,
    /// 小型公益事业建设（村级收益）
    SmallPublicWorks,
    /// 扶贫资产维护（村级收益）
    AssetUpkeep,
    /// 其他用途（写明 note）
    Other,
}

crate::base::serialize_by_id!(IncomePurpose, serde_ids_income_purpose {
    Maintenance => "maintenance",
    PublicWelfare => "publicWelfare",
    Consolidation => "consolidation",
    Industry => "industry",
    SmallAwards => "smallAwards",
    SmallPublicWorks => "smallPublicWorks",
    AssetUpkeep => "assetUpkeep",
    Other => "other",
});

pub const INCOME_PURPOSES: &[(&str, IncomePurpose, &str)] = &[
    ("maintenance", IncomePurpose::Maintenance, "项目运行管护"),
    (
        "publicWelfare",
        IncomePurpose::PublicWelfare,
        "村级公益事业",
    ),
    (
        "consolidation",
        IncomePurpose::Consolidation,
        "巩固拓展脱贫攻坚成果",
    ),
    ("industry", IncomePurpose::Industry, "产业发展和提质增效"),
    ("smallAwards", IncomePurpose::SmallAwards, "开展小微奖补"),
    (
        "smallPublicWorks",
        IncomePurpose::SmallPublicWorks,
        "小型公益事业建设",
    ),
    ("assetUpkeep", IncomePurpose::AssetUpkeep, "扶贫资产维护"),
    ("other", IncomePurpose::Other, "其他用途"),
];

/// A proposed disposal (处置).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum DisposalType {
    /// 转让
    Transfer,
    /// 置换
    Exchange,
    /// 报损
    Loss,
    /// 报废
    Scrap,
}

crate::base::serialize_by_id!(DisposalType, serde_ids_disposal_type {
    Transfer => "transfer",
    Exchange => "exchange",
    Loss => "loss",
    Scrap => "scrap",
});

pub const DISPOSAL_TYPES: &[(&str, DisposalType, &str)] = &[
    ("transfer", DisposalType::Transfer, "转让"),
    ("exchange", DisposalType::Exchange, "置换"),
    ("loss", DisposalType::Loss, "报损"),
    ("scrap", DisposalType::Scrap, "报废"),
];

/// A step of the approval of a disposal, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum Approval {
    /// 村民会议或村民代表会议决议（“四议两公开”）
    VillageMeeting,
    /// 乡镇人民政府
    Township,
    /// 县级行业主管部门会同财政部门
    CountyDepartment,
    /// 县级人民政府
    CountyGovernment,
}

crate::base::serialize_by_id!(Approval, serde_ids_approval {
    VillageMeeting => "villageMeeting",
    Township => "township",
    CountyDepartment => "countyDepartment",
    CountyGovernment => "countyGovernment",
});

pub const APPROVALS: &[(&str, Approval, &str)] = &[
    (
        "villageMeeting",
        Approval::VillageMeeting,
        "村民会议或村民代表会议决议",
    ),
    ("township", Approval::Township, "乡镇人民政府"),
    (
        "countyDepartment",
        Approval::CountyDepartment,
        "县级行业主管部门会同财政部门",
    ),
    (
        "countyGovernment",
        Approval::CountyGovernment,
        "县级人民政府",
    ),
];

/// The Chinese label of an id of one of the lists above.
pub fn label_of<T: PartialEq + Copy>(list: &[(&str, T, &'static str)], v: T) -> &'static str {
    list.iter()
        .find(|(_, t, _)| *t == v)
        .map_or("", |(_, _, l)| l)
}

/// The id of a value of one of the lists above.
pub fn id_of<T: PartialEq + Copy>(list: &[(&'static str, T, &str)], v: T) -> &'static str {
    list.iter()
        .find(|(_, t, _)| *t == v)
        .map_or("", |(id, _, _)| id)
}

fn options<T: Copy>(list: &[(&'static str, T, &str)]) -> Vec<(&'static str, T)> {
    list.iter().map(|(id, t, _)| (*id, *t)).collect()
}

/// A planned use of the income, with its amount.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "IncomeUse")]
pub struct IncomeUseInput {
    pub purpose: IncomePurpose,
    #[tsify(type = "Money")]
    pub amount: Money,
    /// What an `other` use is (up to 200 characters).
    #[tsify(optional)]
    pub note: Option<String>,
}

/// A proposed disposal.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Disposal")]
pub struct DisposalInput {
    #[serde(rename = "type")]
    pub kind: DisposalType,
    /// The price of a transfer or exchange.
    #[tsify(optional, type = "Money")]
    pub price: Option<Money>,
    /// The approvals already obtained.
    #[tsify(optional)]
    pub approvals: Vec<Approval>,
}

/// One row of a 扶贫项目资产 ledger.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "Asset")]
pub struct AssetInput {
    /// The ledger's own number for the asset (unique in the ledger, up to 100 characters).
    pub id: String,
    pub name: String,
    /// The village (or unit) whose ledger holds it, for the summary by village.
    #[tsify(optional)]
    pub village: Option<String>,
    pub funding_source: FundingSource,
    /// The year the asset was formed.
    pub year: u32,
    /// Book value (账面价值), yuan.
    #[tsify(type = "Money")]
    pub value: Money,
    pub kind: AssetKind,
    pub owner_level: OwnerLevel,
    /// The asset's income in the year, yuan.
    #[tsify(optional, type = "Money")]
    pub annual_income: Option<Money>,
    /// How the income is to be used.
    #[tsify(optional, type = "IncomeUse[]")]
    pub income_uses: Vec<IncomeUseInput>,
    #[tsify(optional, type = "Disposal")]
    pub disposal: Option<DisposalInput>,
}

const ASSET_FIELDS: &[&str] = &[
    "id",
    "name",
    "village",
    "fundingSource",
    "year",
    "value",
    "kind",
    "ownerLevel",
    "annualIncome",
    "incomeUses",
    "disposal",
];

/// A text field, trimmed, not empty, at most `max` characters.
fn text_field(o: &Obj<'_, '_>, key: &str, max: usize, required: bool) -> Result<Option<String>> {
    let Some(s) = o.str(key)? else {
        return if required {
            Err(PolicyError::invalid_input(
                o.at(key),
                format!("缺少必填字段“{key}”"),
            ))
        } else {
            Ok(None)
        };
    };
    let s = s.trim().to_string();
    if s.is_empty() {
        return Err(PolicyError::invalid_input(
            o.at(key),
            format!("“{key}”不能为空"),
        ));
    }
    if s.chars().count() > max {
        return Err(PolicyError::out_of_range(
            o.at(key),
            format!("“{key}”最多 {max} 个字符"),
        ));
    }
    Ok(Some(s))
}

/// A list of `T`, each read by `read` at `key[i]`.
fn list<'n, 'a, T>(
    o: &Obj<'n, 'a>,
    key: &str,
    what: &str,
    mut read: impl FnMut(&'n Node<'a>, String) -> Result<T>,
) -> Result<Vec<T>> {
    match o.get(key) {
        None => Ok(Vec::new()),
        Some(Node::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, format!("{}[{i}]", o.at(key))))
            .collect(),
        Some(_) => Err(PolicyError::invalid_input(
            o.at(key),
            format!("“{key}”应为{what}数组"),
        )),
    }
}

/// A ledger row as read: the asset, or the row's problems with what of it could be read (its id
/// and year), so that the ledger adds its own checks to the row's problems and names the row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetRow {
    pub asset: Result<AssetInput>,
    /// The row's `id`, when it could be read (a row in error too).
    pub id: Option<String>,
    /// The row's `year`, when it could be read.
    pub year: Option<u32>,
}

impl From<PolicyError> for AssetRow {
    /// A row that could not be read at all.
    fn from(e: PolicyError) -> AssetRow {
        AssetRow {
            asset: Err(e),
            id: None,
            year: None,
        }
    }
}

impl AssetRow {
    /// The row's problems placed at `outer` (`[3]`).
    pub fn under(mut self, outer: &str) -> AssetRow {
        self.asset = self.asset.map_err(|e| e.under(outer));
        self
    }
    /// The row's problems rewritten by `f` (a reader's own words for its columns).
    pub fn map_err(mut self, f: impl FnOnce(PolicyError) -> PolicyError) -> AssetRow {
        self.asset = self.asset.map_err(f);
        self
    }
}

impl AssetInput {
    /// One ledger row; every problem of the row is in the error's `problems`, with paths inside
    /// the row (`disposal.type`); the ledger places them.
    pub fn read(node: &Node<'_>) -> Result<AssetInput> {
        AssetInput::read_row(node).asset
    }

    /// One ledger row, with its id and year even when it is in error.
    pub fn read_row(node: &Node<'_>) -> AssetRow {
        let mut c = Collect::default();
        let o = match Obj::open(node, "", "资产", ASSET_FIELDS, &mut c) {
            Ok(o) => o,
            Err(e) => return AssetRow::from(e),
        };
        let year = c.take(year(&o));
        let income_uses = c.take(list(&o, "incomeUses", "收益用途", |n, path| {
            let u = Obj::new(n, &path, "收益用途", &["purpose", "amount", "note"])?;
            Ok(IncomeUseInput {
                purpose: u.required_choice("purpose", &options(INCOME_PURPOSES))?,
                amount: u.required_money("amount")?,
                note: text_field(&u, "note", 200, false)?,
            })
        }));
        let disposal = c.take(disposal(&o));
        let id = c.take(text_field(&o, "id", 100, true));
        let name = c.take(text_field(&o, "name", 200, true));
        let village = c.take(text_field(&o, "village", 100, false));
        let funding_source = c.take(o.required_choice("fundingSource", &options(FUNDING_SOURCES)));
        let value = c.take(o.required_money("value"));
        let kind = c.take(o.required_choice("kind", &options(ASSET_KINDS)));
        let owner_level = c.take(o.required_choice("ownerLevel", &options(OWNER_LEVELS)));
        let annual_income = c.take(o.money("annualIncome"));
        let id = id.flatten();
        let asset = match (funding_source, year, value, kind, owner_level) {
            (Some(funding_source), Some(year), Some(value), Some(kind), Some(owner_level))
                if c.is_empty() =>
            {
                Ok(AssetInput {
                    id: id.clone().unwrap_or_default(),
                    name: name.flatten().unwrap_or_default(),
                    village: village.flatten(),
                    funding_source,
                    year,
                    value,
                    kind,
                    owner_level,
                    annual_income: annual_income.flatten().map(|m| m.0),
                    income_uses: income_uses.unwrap_or_default(),
                    disposal: disposal.flatten(),
                })
            }
            _ => Err(c
                .into_error()
                .unwrap_or_else(|| PolicyError::invalid_input("", "资产有误"))),
        };
        AssetRow { asset, id, year }
    }
}

/// The year the asset was formed: required, 1949 to 2200.
fn year(o: &Obj<'_, '_>) -> Result<u32> {
    let year = o
        .count("year")?
        .ok_or_else(|| PolicyError::invalid_input("year", "缺少必填字段“year”（形成年度）"))?;
    if !(1949..=2200).contains(&year) {
        return Err(PolicyError::out_of_range(
            "year",
            format!("形成年度 {year} 不在 1949 到 2200 之间"),
        ));
    }
    Ok(year)
}

/// The disposal, when the row has one.
fn disposal(o: &Obj<'_, '_>) -> Result<Option<DisposalInput>> {
    let Some(d) = o.object("disposal", &["type", "price", "approvals"])? else {
        return Ok(None);
    };
    Ok(Some(DisposalInput {
        kind: d.required_choice("type", &options(DISPOSAL_TYPES))?,
        price: d.money("price")?.map(|m| m.0),
        approvals: list(&d, "approvals", "审批环节", |n, path| {
            super::one_of(n, &path, &options(APPROVALS))
        })?,
    }))
}

/// A year's figure and the year before's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "TwoYears")]
pub struct TwoYears {
    #[tsify(type = "Money")]
    pub this_year: Money,
    #[tsify(type = "Money")]
    pub last_year: Money,
}

/// Monitored households of one category, and how many have had their risk eliminated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "MonitoredCount")]
pub struct MonitoredCount {
    pub households: u32,
    #[tsify(optional)]
    pub risk_eliminated: u32,
}

/// What a screened register of the county adds up to (the register summary): households screened,
/// monitored households by category, 应保尽保 gaps, cash support.
#[derive(Clone, Debug, Default, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "CountyRegisterSummary")]
pub struct RegisterSummaryInput {
    /// Households screened.
    pub households: u32,
    /// 防止返贫监测对象 by category.
    #[tsify(
        optional,
        type = "{ unstable?: MonitoredCount; marginal?: MonitoredCount; suddenHardship?: MonitoredCount }"
    )]
    pub monitored: [MonitoredCount; 3],
    /// Households found eligible for 低保 by the screening but not receiving it.
    #[tsify(optional)]
    pub dibao_gaps: u32,
    /// Members found to meet the 特困 tests but not supported.
    #[tsify(optional)]
    pub tekun_gaps: u32,
    /// Monthly cash support of the screened households (their `totalMonthly`).
    #[tsify(optional, type = "Money")]
    pub cash_monthly: Option<Money>,
    /// Annual cash support of the screened households.
    #[tsify(optional, type = "Money")]
    pub cash_annual: Option<Money>,
}

/// A county's figures for `countyIndicators`.
#[derive(Clone, Debug, PartialEq, Eq, Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(rename = "CountyIndicatorInput")]
pub struct CountyIndicatorInput {
    /// The county (6-digit code of a county-level unit).
    pub region: String,
    /// The year the income figures are for.
    pub year: u32,
    /// 农村居民人均可支配收入 of the county, yuan per person: this year and last.
    #[tsify(type = "TwoYears")]
    pub income: TwoYears,
    /// The province's average growth of farmers' income that year ("0.065" = 6.5 %; may be
    /// negative); give this or `provinceIncome`.
    #[tsify(optional, type = "string | number")]
    pub province_growth: Option<Decimal>,
    /// The province's 农村居民人均可支配收入, this year and last, to compute its growth from.
    #[tsify(optional, type = "TwoYears")]
    pub province_income: Option<TwoYears>,
    /// The screened register's summary.
    #[tsify(optional, type = "CountyRegisterSummary")]
    pub register: Option<RegisterSummaryInput>,
}

/// The monitoring categories as `register.monitored` keys, in result order.
pub const MONITORED_KEYS: [&str; 3] = ["unstable", "marginal", "suddenHardship"];

fn two_years(o: &Obj<'_, '_>, key: &'static str) -> Result<Option<TwoYears>> {
    let Some(t) = o.object(key, &["thisYear", "lastYear"])? else {
        return Ok(None);
    };
    let last_year = t.required_money("lastYear")?;
    if last_year.is_zero() {
        return Err(PolicyError::out_of_range(
            t.at("lastYear"),
            "上年收入为 0，无法计算增速",
        ));
    }
    Ok(Some(TwoYears {
        this_year: t.required_money("thisYear")?,
        last_year,
    }))
}

/// A signed rate (a growth may be negative): a plain decimal from -1 to 10, at most 6 places.
fn signed_rate(o: &Obj<'_, '_>, key: &str) -> Result<Option<Decimal>> {
    let Some(v) = o.get(key) else {
        return Ok(None);
    };
    let bad = || {
        PolicyError::invalid_input(
            o.at(key),
            "增速应为十进制数或百分数（如 0.065 或 6.5%，可为负数）",
        )
    };
    let d = match v {
        // As the staff page's what-if fields read a rate: "6.5%" is 0.065.
        Node::String(Some(s)) => match s.trim().strip_suffix('%') {
            Some(percent) => parse_plain_decimal(percent.trim())
                .and_then(|d| d.checked_div(Decimal::ONE_HUNDRED)),
            None => parse_plain_decimal(s),
        },
        Node::Number(t) => parse_plain_decimal(t),
        _ => None,
    }
    .ok_or_else(bad)?;
    if d < Decimal::NEGATIVE_ONE || d > Decimal::TEN {
        return Err(PolicyError::out_of_range(
            o.at(key),
            format!("增速 {} 应在 -1 到 10 之间", short(&d.to_string())),
        ));
    }
    if d.normalize().scale() > 6 {
        return Err(PolicyError::invalid_input(
            o.at(key),
            "增速最多保留 6 位小数",
        ));
    }
    Ok(Some(d.normalize()))
}

fn count(o: &Obj<'_, '_>, key: &str) -> Result<u32> {
    Ok(o.count(key)?.unwrap_or(0))
}

impl RegisterSummaryInput {
    fn read(o: &Obj<'_, '_>) -> Result<RegisterSummaryInput> {
        let households = o.count("households")?.ok_or_else(|| {
            PolicyError::invalid_input(o.at("households"), "缺少必填字段“households”（测算户数）")
        })?;
        let mut monitored = [MonitoredCount::default(); 3];
        if let Some(m) = o.object("monitored", &MONITORED_KEYS)? {
            for (slot, key) in monitored.iter_mut().zip(MONITORED_KEYS) {
                if let Some(c) = m.object(key, &["households", "riskEliminated"])? {
                    let n = c.count("households")?.ok_or_else(|| {
                        PolicyError::invalid_input(c.at("households"), "缺少必填字段“households”")
                    })?;
                    let eliminated = count(&c, "riskEliminated")?;
                    if eliminated > n {
                        let category = Category::ALL
                            .iter()
                            .find(|c| c.as_str() == key)
                            .map_or(key, |c| c.label());
                        return Err(PolicyError::out_of_range(
                            c.at("riskEliminated"),
                            format!(
                                "{category}：风险已消除户数 {eliminated} 不能超过该类监测户数 {n}"
                            ),
                        ));
                    }
                    *slot = MonitoredCount {
                        households: n,
                        risk_eliminated: eliminated,
                    };
                }
            }
            let total = monitored
                .iter()
                .try_fold(0u32, |sum, c| sum.checked_add(c.households));
            if total.is_none_or(|t| t > households) {
                return Err(PolicyError::out_of_range(
                    m.at(""),
                    format!("监测户数合计不能超过测算户数 {households}"),
                ));
            }
        }
        let dibao_gaps = count(o, "dibaoGaps")?;
        if dibao_gaps > households {
            return Err(PolicyError::out_of_range(
                o.at("dibaoGaps"),
                format!("低保缺口户数 {dibao_gaps} 不能超过测算户数 {households}"),
            ));
        }
        Ok(RegisterSummaryInput {
            households,
            monitored,
            dibao_gaps,
            tekun_gaps: count(o, "tekunGaps")?,
            cash_monthly: o.money("cashMonthly")?.map(|m| m.0),
            cash_annual: o.money("cashAnnual")?.map(|m| m.0),
        })
    }
}

/// The fields of `countyIndicators`' input that are whole numbers.
const COUNT_KEYS: &[&str] = &[
    "year",
    "households",
    "riskEliminated",
    "dibaoGaps",
    "tekunGaps",
];

/// The county's figures as an officer types them, read as the staff page reads its fields
/// (`base::typed::typed_number`): full-width digits, thousands separators and a trailing 元 are dropped
/// from numbers, and a count written as text ("300") is that count. What is not clearly a number
/// is left for the reader to refuse at its field.
fn typed<'a>(node: &Node<'a>, key: &str) -> Node<'a> {
    match node {
        Node::Object(members) => Node::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), typed(v, k)))
                .collect(),
        ),
        Node::String(Some(s)) if key != "region" => {
            let plain = crate::base::typed::typed_number(s);
            let whole = !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit());
            if COUNT_KEYS.contains(&key) && whole {
                Node::Number(plain.into())
            } else {
                Node::String(Some(plain.into()))
            }
        }
        other => other.clone(),
    }
}

impl CountyIndicatorInput {
    pub fn read(node: &Node<'_>) -> Result<CountyIndicatorInput> {
        let node = &typed(node, "");
        let o = Obj::new(
            node,
            "",
            "县级指标",
            &[
                "region",
                "year",
                "income",
                "provinceGrowth",
                "provinceIncome",
                "register",
            ],
        )?;
        let year = o.count("year")?.ok_or_else(|| {
            PolicyError::invalid_input("year", "缺少必填字段“year”（收入所属年度）")
        })?;
        if !(2000..=2200).contains(&year) {
            return Err(PolicyError::out_of_range(
                "year",
                format!("年度 {year} 不在 2000 到 2200 之间"),
            ));
        }
        let income = two_years(&o, "income")?.ok_or_else(|| {
            PolicyError::invalid_input(
                "income",
                "缺少必填字段“income”（本年和上年农村居民人均可支配收入）",
            )
        })?;
        let province_growth = signed_rate(&o, "provinceGrowth")?;
        let province_income = two_years(&o, "provinceIncome")?;
        if province_growth.is_some() == province_income.is_some() {
            return Err(PolicyError::invalid_input(
                "provinceGrowth",
                "全省农民收入增速：请给出增速，或全省农民本年和上年人均可支配收入，只给其中一项",
            ));
        }
        let register = match o.object(
            "register",
            &[
                "households",
                "monitored",
                "dibaoGaps",
                "tekunGaps",
                "cashMonthly",
                "cashAnnual",
            ],
        )? {
            Some(r) => Some(RegisterSummaryInput::read(&r)?),
            None => None,
        };
        Ok(CountyIndicatorInput {
            region: o.required_str("region")?,
            year,
            income,
            province_growth,
            province_income,
            register,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<CountyIndicatorInput> {
        CountyIndicatorInput::read(&crate::base::json::parse(text).unwrap())
    }

    #[test]
    fn figures_read_as_the_staff_page_reads_its_fields() {
        // As the county page sends them: every field as typed.
        let typed = read(
            r#"{"region":"230129","year":"２０２２","income":{"thisYear":"16,800元","lastYear":"15600"},
                "provinceGrowth":"6.5%","register":{"households":"12,000","dibaoGaps":"0","cashAnnual":"1,234.50"}}"#,
        )
        .unwrap();
        let plain = read(
            r#"{"region":"230129","year":2022,"income":{"thisYear":"16800","lastYear":"15600"},
                "provinceGrowth":"0.065","register":{"households":12000,"dibaoGaps":0,"cashAnnual":"1234.50"}}"#,
        )
        .unwrap();
        assert_eq!(typed, plain);
        assert_eq!(plain.province_growth, Some(Decimal::new(65, 3)));
        // What is not a number is still refused at its field.
        let e = read(r#"{"region":"230129","year":"二〇二二","income":{"thisYear":"1","lastYear":"1"},"provinceGrowth":"6.5"}"#)
            .unwrap_err();
        assert_eq!(e.path, "year");
        let e = read(r#"{"region":"230129","year":2022,"income":{"thisYear":"1","lastYear":"1"},"provinceGrowth":"六%"}"#)
            .unwrap_err();
        assert_eq!(e.path, "provinceGrowth");
    }
}
