//! 县级画像 (`county(region, asOf)`): whether a county is a 脱贫县 (with its exit batch) or a
//! 乡村振兴重点帮扶县, its 过渡期 phase and year, and every county-level measure of the text in force
//! for it on the date, each with its citation. A prefecture or the province gets its county-level
//! units with the same flags.
//!
//! Policy text: 五(十四) 乡村振兴重点帮扶县 are chosen among the 20 脱贫县, with concentrated support and
//! regular monitoring; 六(十六) the fund-integration pilot of 脱贫县 in the first 3 years, other areas
//! explore a lasting integration mechanism, the retained special funds tilt to 重点帮扶县; 六(十八) a
//! dedicated yearly new construction-land quota for 脱贫县 that may not be diverted, 增减挂钩 surplus
//! quota trading and 占补平衡 for 脱贫地区; 六(十九) 县管乡用、下沉到村 for agricultural extension staff
//! and talent flowing to 重点帮扶县; 七(二十) provincial leaders' contact with 脱贫县; 三(五) industry
//! planned by 脱贫县; 三(七) 四好农村路 in 脱贫县; 六(十七) the insurance 以奖代补 pilot in 脱贫县;
//! 七(二十三) assessment; 一(三) the income-growth target of 脱贫地区; and what the text gives 脱贫地区
//! (read as the 脱贫县): 三(七) infrastructure, 三(八) public services, 六(十六) transfer payments
//! (过渡期内, as the item opens), 六(十七) the listing channel, 六(十九) teachers and doctors.
//!
//! Parameters read: those of the transition status it builds on (`transition.start`,
//! `transition.end`, `transition.fundIntegrationPilotYears` and the windows `programs::transition`
//! reads); the region table's 脱贫县 and poverty-county facts and the set's 重点帮扶县 list status.

use chrono::NaiveDate;
use serde::Serialize;
use tsify::Tsify;

use super::transition::{self, Phase, TransitionStatus};
use crate::base::calendar::format_date;
use crate::base::error::Result;
use crate::params::{
    catalogue as p, KeyCounty, KeyCountyListStatus, Level, ParameterSet, PovertyCounty,
    PovertyKind, Reader, Region, RegionKind, StaleSet, UnofficialSet,
};
use crate::policy::explain::{Citations, Explanation, Step};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

/// Which counties a measure is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Tsify)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub enum MeasureScope {
    /// The 20 脱贫县.
    AlleviatedCounty,
    /// Counties that are not 脱贫县.
    OtherCounty,
    /// 乡村振兴重点帮扶县 (chosen among the 脱贫县).
    KeyCounty,
    /// Every county.
    AllCounties,
}

crate::base::serialize_by_id!(MeasureScope, serde_ids_measure_scope {
    AlleviatedCounty => "alleviatedCounty",
    OtherCounty => "otherCounty",
    KeyCounty => "keyCounty",
    AllCounties => "allCounties",
});

/// A county-level measure of the text, as the calculator follows it.
struct Def {
    id: &'static str,
    label: &'static str,
    citation: &'static str,
    scope: MeasureScope,
    /// The text says "脱贫地区" (read as the 脱贫县: `county.alleviatedArea`).
    area: bool,
    /// The text gives it no end: in force from the start of the period with no last day, after the
    /// period listed as 待核对 (`county.window`).
    assumed_window: bool,
}

const fn def(
    id: &'static str,
    label: &'static str,
    citation: &'static str,
    scope: MeasureScope,
    area: bool,
    assumed_window: bool,
) -> Def {
    Def {
        id,
        label,
        citation,
        scope,
        area,
        assumed_window,
    }
}

use MeasureScope::{AllCounties, AlleviatedCounty, KeyCounty as Key, OtherCounty};

/// Every county-level measure, in the order of the text.
const MEASURES: &[Def] = &[
    def("incomeTarget", "目标任务：脱贫地区农民收入增速高于全省农民平均水平（到2025年）", "一(三)", AlleviatedCounty, true, false),
    def("industryPlanning", "以脱贫县为单位规划发展乡村特色产业；现代农业产业园、农业科技园、产业融合发展示范园建设继续优先支持脱贫县", "三(五)", AlleviatedCounty, false, true),
    def("infrastructure", "继续加大对脱贫地区基础设施建设的支持（道路、农田、通信、水利、物流、电网）", "三(七)", AlleviatedCounty, true, true),
    def("ruralRoads", "推进脱贫县“四好农村路”建设", "三(七)", AlleviatedCounty, false, true),
    def("publicServices", "提升脱贫地区公共服务水平（公费师范生、职业院校、受援县级医院、村级服务设施）", "三(八)", AlleviatedCounty, true, true),
    def("keyCountySupport", "乡村振兴重点帮扶县：从财政、金融、土地、人才、基础设施建设、公共服务等方面集中支持，定期监测评估", "五(十四)", Key, false, true),
    def("fundIntegrationPilot", "脱贫县涉农资金统筹整合试点", "六(十六)", AlleviatedCounty, false, false),
    def("integrationMechanism", "探索建立涉农资金整合长效机制（脱贫县以外的地区）", "六(十六)", OtherCounty, false, true),
    def("specialFundTilt", "保留并调整优化的原财政专项扶贫资金适当向乡村振兴重点帮扶县倾斜", "六(十六)", Key, false, false),
    def("transferTilt", "现有财政相关转移支付继续倾斜支持脱贫地区", "六(十六)", AlleviatedCounty, true, false),
    def("insuranceAward", "加大对脱贫县地方优势特色农产品保险以奖代补试点补贴支持力度", "六(十七)", AlleviatedCounty, false, true),
    def("listingChannel", "推动脱贫地区充分利用企业上市“绿色通道”政策", "六(十七)", AlleviatedCounty, true, true),
    def("landQuota", "专项安排脱贫县年度新增建设用地计划指标，专项指标不得挪用", "六(十八)", AlleviatedCounty, false, false),
    def("landTrading", "城乡建设用地增减挂钩节余指标省内交易、跨省域调剂，省内耕地易地占补平衡", "六(十八)", AlleviatedCounty, true, false),
    def("talentPriority", "教师补充和全科医生特岗、订单定向医学生培养优先向脱贫地区倾斜", "六(十九)", AlleviatedCounty, true, true),
    def("extensionStaff", "农业科技推广人员“县管乡用、下沉到村”新机制", "六(十九)", Key, false, true),
    def("talentFlow", "鼓励和引导各方面人才向乡村振兴重点帮扶县基层流动", "六(十九)", Key, false, true),
    def("leaderContact", "省级领导同志联系指导脱贫县工作制度", "七(二十)", AlleviatedCounty, false, true),
    def("assessment", "巩固拓展脱贫攻坚成果纳入市县党政领导班子和领导干部推进乡村振兴战略实绩考核", "七(二十三)", AllCounties, false, true),
];

/// A county-level measure with its window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountyMeasure {
    pub id: &'static str,
    pub label: &'static str,
    pub citation: &'static str,
    pub scope: MeasureScope,
    pub from: String,
    /// Last day the measure runs; absent when the text gives none (`county.window`: taken to go on,
    /// 待核对 after the period).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub until: Option<String>,
}

/// The region asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ProfileRegion {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub kind: RegionKind,
    pub kind_label: &'static str,
    /// The city (or the province) it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub parent: Option<RegionName>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct RegionName {
    pub code: String,
    pub name: String,
}

/// A county-level unit's flags on the date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountyFlags {
    pub code: String,
    pub name: String,
    pub kind: RegionKind,
    /// One of the 20 脱贫县.
    pub alleviated_county: bool,
    /// A former poverty county (national or provincial): exit year, batch, approval.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub poverty_county: Option<PovertyCounty>,
    /// 乡村振兴重点帮扶县: `notPublished` while no list is published.
    pub key_county: KeyCounty,
    /// The fund-integration pilot applies on the date (六(十六)).
    pub fund_integration_pilot: bool,
    /// Ids of the county-level measures in force (details in the profile's `measures`).
    pub measures: Vec<&'static str>,
    /// Ids of the measures that would apply were the county named a 重点帮扶县 (the list is not
    /// published).
    pub pending: Vec<&'static str>,
}

/// The set's statement about the 重点帮扶县 list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct KeyCountyList {
    pub status: KeyCountyListStatus,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub note: Option<String>,
}

/// Counts over a listing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountySummary {
    /// County-level administrative divisions listed (县级行政区: 区, 县, 自治县, 县级市).
    pub counties: u32,
    /// Units of the statistics bureau's codes listed beside them that are not administrative
    /// divisions (加格达奇区, 大庆高新区 …): in the list, not in `counties`.
    pub statistical_units: u32,
    /// Of which 脱贫县.
    pub alleviated: u32,
    /// Former provincial poverty counties (not 脱贫县).
    pub provincial_poverty: u32,
    /// Counties in the fund-integration pilot on the date.
    pub pilot: u32,
    /// 重点帮扶县; absent while no list is published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub key_counties: Option<u32>,
}

/// `county(region, asOf)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CountyProfile {
    pub as_of: String,
    pub region: ProfileRegion,
    /// The region's 过渡期 status (phase, year, days, the fund-integration pilot), as `transition`.
    pub transition: TransitionStatus,
    pub key_county_list: KeyCountyList,
    /// A county-level unit: its flags.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub county: Option<CountyFlags>,
    /// A prefecture or the province: its county-level units in use on the date, by code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub counties: Option<Vec<CountyFlags>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub summary: Option<CountySummary>,
    /// The measures in force (for a listing: in at least one county), in the order of the text.
    pub measures: Vec<CountyMeasure>,
    /// The measures awaiting the 重点帮扶县 list.
    pub pending: Vec<CountyMeasure>,
    /// The words and what the figures rest on.
    #[serde(flatten)]
    pub trace: Trace,
}

/// What the county results (profile, ledger, indicators) end with: the words, the citations, and
/// what the figures rest on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Trace {
    pub reasons: Vec<String>,
    pub steps: Vec<Step>,
    pub citations: Vec<&'static str>,
    #[tsify(type = "string[]")]
    pub unofficial: UnofficialSet,
    #[tsify(type = "StaleEntry[]")]
    pub stale: StaleSet,
    #[tsify(type = "Assumption[]")]
    pub assumptions: Assumptions,
}

impl Trace {
    /// The words of `e`, the citations and assumptions given, what `reader` recorded.
    pub fn new(
        e: Explanation,
        citations: Citations,
        assumptions: Assumptions,
        reader: &Reader<'_>,
    ) -> Trace {
        Trace {
            citations: citations.and_steps(&e.steps).into_vec(),
            reasons: e.reasons,
            steps: e.steps,
            unofficial: reader.unofficial(),
            stale: reader.stale(),
            assumptions,
        }
    }
}

/// The dates every county measure is read against.
struct Windows {
    start: NaiveDate,
    end: NaiveDate,
    pilot_until: NaiveDate,
}

impl Windows {
    fn of(reader: &mut Reader<'_>) -> Result<Windows> {
        let start = reader.date(&p::TRANSITION_START)?;
        let end = reader.date(&p::TRANSITION_END)?;
        let (_, pilot_until) = transition::pilot_end(reader, start)?;
        Ok(Windows {
            start,
            end,
            pilot_until,
        })
    }
    fn measure(&self, d: &Def) -> CountyMeasure {
        let until = if d.assumed_window {
            None
        } else if d.id == "fundIntegrationPilot" {
            Some(self.pilot_until)
        } else {
            Some(self.end)
        };
        CountyMeasure {
            id: d.id,
            label: d.label,
            citation: d.citation,
            scope: d.scope,
            from: format_date(self.start),
            until: until.map(format_date),
        }
    }
}

/// One county's flags, from its transition status. A measure whose text gives no end goes on after
/// the period (`county.window`).
fn flags(r: &Region, t: &TransitionStatus) -> CountyFlags {
    let (mut measures, mut pending) = (Vec::new(), Vec::new());
    for d in MEASURES {
        let in_force = match t.phase {
            Phase::Before => false,
            Phase::Transition => true,
            Phase::After => d.assumed_window,
        };
        let (applies, waits) = match d.scope {
            _ if !in_force => (false, false),
            MeasureScope::AllCounties => (true, false),
            MeasureScope::OtherCounty => (!r.alleviated_county, false),
            MeasureScope::AlleviatedCounty if d.id == "fundIntegrationPilot" => {
                (t.fund_integration_pilot, false)
            }
            MeasureScope::AlleviatedCounty => (r.alleviated_county, false),
            MeasureScope::KeyCounty => (
                r.key_county == KeyCounty::Yes,
                r.key_county == KeyCounty::NotPublished && r.alleviated_county,
            ),
        };
        if applies {
            measures.push(d.id);
        }
        if waits {
            pending.push(d.id);
        }
    }
    CountyFlags {
        code: r.code_string(),
        name: r.name.clone(),
        kind: r.kind,
        alleviated_county: r.alleviated_county,
        poverty_county: r.poverty.clone(),
        key_county: r.key_county,
        fund_integration_pilot: t.fund_integration_pilot,
        measures,
        pending,
    }
}

/// The county-level units under `region` (itself when it is one), in use on the date, by code.
fn units<'a>(set: &'a ParameterSet, region: &Region, on: NaiveDate) -> Vec<&'a Region> {
    set.regions()
        .into_iter()
        .filter(|c| c.level() == Level::County && c.valid_on(on))
        .filter(|c| match region.level() {
            Level::County => c.code == region.code,
            Level::Prefecture => c.parent() == Some(region.code),
            Level::Province => true,
        })
        .collect()
}

/// The profile of `reader`'s region on its date.
pub fn profile(reader: &mut Reader<'_>, explain: bool) -> Result<CountyProfile> {
    let set = reader.set();
    let on = reader.on();
    let Some(region) = reader.region() else {
        return Err(crate::base::error::PolicyError::new(
            crate::base::error::ErrorCode::InvalidRegion,
            "region",
            "请填写县（市、区）、地级市或全省的6位代码",
        ));
    };
    let status = transition::transition(reader, explain)?;
    let windows = Windows::of(reader)?;
    let mut rows = Vec::new();
    for c in units(set, region, on) {
        let mut r = Reader::new(set, on, Some(c));
        let t = transition::transition(&mut r, false)?;
        reader.rest_on(&r.used());
        rows.push(flags(c, &t));
    }
    let measures = in_force(&rows, &windows, |f| &f.measures);
    let pending = in_force(&rows, &windows, |f| &f.pending);
    let assumptions = assumed(&measures, &pending);
    let mut citations = Citations::of(&["一(二)", "五(十四)"]);
    for m in measures.iter().chain(&pending) {
        citations.add(m.citation);
    }
    let list = KeyCountyList {
        status: set.key_counties.status,
        source: set.key_counties.source.clone(),
        note: set.key_counties.note.clone(),
    };
    let (county, counties, summary) = match region.level() {
        Level::County => (rows.pop(), None, None),
        _ => {
            let summary = summarise(&rows, list.status);
            (None, Some(rows), Some(summary))
        }
    };
    let mut words = Explanation::default();
    if explain {
        let facts = Facts {
            region,
            on,
            phase: &status,
            list: &list,
            measures: &measures,
            pending: &pending,
        };
        match (&county, &counties, &summary) {
            (Some(f), _, _) => explain_county(&facts, f, &mut words),
            (_, Some(rows), Some(s)) => explain_listing(&facts, rows, s, &mut words),
            _ => {}
        }
    }
    Ok(CountyProfile {
        as_of: format_date(on),
        region: profile_region(set, region),
        transition: status,
        key_county_list: list,
        county,
        counties,
        summary,
        measures,
        pending,
        trace: Trace::new(words, citations, assumptions, reader),
    })
}

/// The measures of the text whose id `ids` gives for at least one of `rows`, in the order of the text.
fn in_force(
    rows: &[CountyFlags],
    windows: &Windows,
    ids: fn(&CountyFlags) -> &Vec<&'static str>,
) -> Vec<CountyMeasure> {
    MEASURES
        .iter()
        .filter(|d| rows.iter().any(|f| ids(f).contains(&d.id)))
        .map(|d| windows.measure(d))
        .collect()
}

/// The assumptions the measures listed rest on.
fn assumed(measures: &[CountyMeasure], pending: &[CountyMeasure]) -> Assumptions {
    let mut a = Assumptions::default();
    for d in MEASURES
        .iter()
        .filter(|d| measures.iter().chain(pending).any(|m| m.id == d.id))
    {
        a.add_if(d.area, rules::COUNTY_ALLEVIATED_AREA);
        a.add_if(d.assumed_window, rules::COUNTY_WINDOW);
    }
    a
}

fn profile_region(set: &ParameterSet, r: &Region) -> ProfileRegion {
    ProfileRegion {
        code: r.code_string(),
        name: r.name.clone(),
        level: r.level(),
        kind: r.kind,
        kind_label: r.kind.label(),
        parent: r.parent().and_then(|c| set.region(c)).map(|p| RegionName {
            code: p.code_string(),
            name: p.name.clone(),
        }),
    }
}

fn summarise(rows: &[CountyFlags], list: KeyCountyListStatus) -> CountySummary {
    let count = |f: fn(&CountyFlags) -> bool| -> u32 {
        u32::try_from(rows.iter().filter(|r| f(r)).count()).unwrap_or(u32::MAX)
    };
    CountySummary {
        counties: count(|r| r.kind != RegionKind::Statistical),
        statistical_units: count(|r| r.kind == RegionKind::Statistical),
        alleviated: count(|r| r.alleviated_county),
        provincial_poverty: count(|r| {
            r.poverty_county
                .as_ref()
                .is_some_and(|p| p.kind == PovertyKind::Provincial)
        }),
        pilot: count(|r| r.fund_integration_pilot),
        key_counties: (list == KeyCountyListStatus::Published)
            .then(|| count(|r| r.key_county == KeyCounty::Yes)),
    }
}

/// What the words of a profile are written from.
struct Facts<'a> {
    region: &'a Region,
    on: NaiveDate,
    phase: &'a TransitionStatus,
    list: &'a KeyCountyList,
    measures: &'a [CountyMeasure],
    pending: &'a [CountyMeasure],
}

impl Facts<'_> {
    /// After the period: how many of the measures listed have no end in the text and are taken to
    /// go on (待核对).
    fn to_check_text(&self) -> String {
        let n = self.measures.iter().filter(|m| m.until.is_none()).count();
        if self.phase.phase == Phase::After && n > 0 {
            format!("（其中 {n} 项文本未写明期限，按继续计，待核对）")
        } else {
            String::new()
        }
    }

    /// "过渡期第3年" and the like.
    fn phase_text(&self) -> String {
        match (self.phase.phase, self.phase.year) {
            (Phase::Transition, Some(y)) => format!("过渡期第{y}年"),
            (Phase::Before, _) => format!("过渡期（{} 起）尚未开始", self.phase.start),
            _ => format!("过渡期已于 {} 结束", self.phase.end),
        }
    }
}

/// "2019年度退出，2020-02-26 批准（黑政函〔2018〕61号）": the table's approval, its notes in Chinese.
fn exit_text(p: &PovertyCounty) -> String {
    let approval = match (&p.approval_date, p.approval_document.as_deref()) {
        // A byte search: `str::contains` would link the standard library's substring search.
        (Some(d), Some(doc)) if crate::base::bytes::contains(doc, d) => format!("，{doc}"),
        (Some(d), Some(doc)) => format!("，{d} 批准（{doc}）"),
        (Some(d), None) => format!("，{d} 批准"),
        (None, Some(doc)) => format!("，{doc}"),
        (None, None) => String::new(),
    };
    let batch = p
        .exit_batch
        .map(|b| format!("，{b}年批次"))
        .unwrap_or_default();
    format!("{}年度退出{batch}{approval}", p.exit_assessment_year)
}

fn explain_county(f: &Facts<'_>, c: &CountyFlags, e: &mut Explanation) {
    let name = &f.region.name;
    let d = format_date(f.on);
    let text = match &c.poverty_county {
        Some(p) if c.alleviated_county => format!(
            "{name}是全省20个脱贫县之一（原国家级贫困县，{}）。",
            exit_text(p)
        ),
        Some(p) => format!(
            "{name}是原省级贫困县（{}），不是过渡期的脱贫县，脱贫县的县级措施不适用。",
            exit_text(p)
        ),
        None => format!("{name}不是脱贫县，脱贫县的县级措施不适用。"),
    };
    e.step(
        rules::COUNTY_ALLEVIATED,
        text,
        Some(
            if c.alleviated_county {
                "脱贫县"
            } else {
                "非脱贫县"
            }
            .into(),
        ),
    );
    explain_key_county(f, c.key_county, c.alleviated_county, name, e);
    explain_measures(f, e);
    let phase = f.phase_text();
    e.reason(format!(
        "{name}{}；{d} {phase}，生效的县级措施 {} 项{}。",
        if c.alleviated_county {
            "是脱贫县"
        } else {
            "不是脱贫县"
        },
        f.measures.len(),
        f.to_check_text()
    ));
    if !f.pending.is_empty() {
        e.reason(format!(
            "乡村振兴重点帮扶县名单未公布：{} 项针对重点帮扶县的措施待定。",
            f.pending.len()
        ));
    }
}

fn explain_key_county(
    f: &Facts<'_>,
    key: KeyCounty,
    alleviated: bool,
    name: &str,
    e: &mut Explanation,
) {
    let (text, value) = match key {
        KeyCounty::NotPublished if alleviated => (
            format!("乡村振兴重点帮扶县在20个脱贫县中确定；名单未公布（{}），{name}暂不按重点帮扶县计算，针对重点帮扶县的措施列为“待定”。", f.list.source),
            "未公布",
        ),
        KeyCounty::NotPublished => (
            format!("乡村振兴重点帮扶县在20个脱贫县中确定，名单未公布（{}）；{name}不是脱贫县，不会是重点帮扶县。", f.list.source),
            "未公布",
        ),
        KeyCounty::Yes => (format!("{name}是乡村振兴重点帮扶县（{}）。", f.list.source), "是"),
        KeyCounty::No => (format!("{name}不是乡村振兴重点帮扶县（{}）。", f.list.source), "否"),
    };
    e.step(rules::COUNTY_KEY_COUNTY, text, Some(value.into()));
}

fn explain_measures(f: &Facts<'_>, e: &mut Explanation) {
    let d = format_date(f.on);
    if f.measures.is_empty() {
        // The county's measures run from the start of the period (一(二)).
        e.step_citing(
            rules::COUNTY_MEASURE,
            "一(二)",
            format!("{d} {}：没有生效的县级措施。", f.phase_text()),
            Some("0".into()),
        );
    }
    let after = f.phase.phase == Phase::After;
    for m in f.measures {
        match (&m.until, after) {
            (Some(until), _) => e.step_citing(
                rules::COUNTY_MEASURE,
                m.citation,
                format!("生效：{}（{} 至 {until}）。", m.label, m.from),
                Some("生效".into()),
            ),
            (None, false) => e.step_citing(
                rules::COUNTY_MEASURE,
                m.citation,
                format!("生效：{}（{} 起，文本未写明期限）。", m.label, m.from),
                Some("生效".into()),
            ),
            (None, true) => e.step_citing(
                rules::COUNTY_WINDOW,
                m.citation,
                format!(
                    "待核对：{}（{} 起，文本未写明期限；过渡期后按继续计，请核对当地现行规定）。",
                    m.label, m.from
                ),
                Some("待核对".into()),
            ),
        }
    }
    for m in f.pending {
        e.step_citing(
            rules::COUNTY_KEY_COUNTY,
            m.citation,
            format!("待定：{}（重点帮扶县名单公布后适用）。", m.label),
            Some("待定".into()),
        );
    }
}

/// "（另列统计用区划 5 个，不是行政区）" when the listing has such units.
fn statistical(s: &CountySummary) -> String {
    if s.statistical_units == 0 {
        String::new()
    } else {
        format!("（另列统计用区划 {} 个，不是行政区）", s.statistical_units)
    }
}

fn explain_listing(f: &Facts<'_>, rows: &[CountyFlags], s: &CountySummary, e: &mut Explanation) {
    let names = |pick: fn(&CountyFlags) -> bool| -> String {
        let v: Vec<&str> = rows
            .iter()
            .filter(|r| pick(r))
            .map(|r| r.name.as_str())
            .collect();
        if v.is_empty() {
            "无".into()
        } else {
            v.join("、")
        }
    };
    let name = &f.region.name;
    e.step(
        rules::COUNTY_LIST,
        format!(
            "{name}在 {} 有县级行政区 {} 个{}，其中脱贫县 {} 个：{}；原省级贫困县 {} 个（不是脱贫县）。",
            format_date(f.on),
            s.counties,
            statistical(s),
            s.alleviated,
            names(|r| r.alleviated_county),
            s.provincial_poverty
        ),
        Some(s.alleviated.to_string()),
    );
    e.step_citing(
        rules::COUNTY_LIST,
        "六(十六)",
        format!(
            "{}：涉农资金统筹整合试点县 {} 个。",
            f.phase_text(),
            s.pilot
        ),
        Some(s.pilot.to_string()),
    );
    let key = match s.key_counties {
        Some(n) => format!(
            "乡村振兴重点帮扶县 {n} 个：{}。",
            names(|r| r.key_county == KeyCounty::Yes)
        ),
        None => format!("乡村振兴重点帮扶县名单未公布（{}）。", f.list.source),
    };
    e.step(rules::COUNTY_KEY_COUNTY, key, None);
    explain_measures(f, e);
    e.reason(format!(
        "{name}：县级行政区 {} 个{}，脱贫县 {} 个；{}。",
        s.counties,
        statistical(s),
        s.alleviated,
        f.phase_text()
    ));
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;
    use crate::params::{KeyCounty, Level};
    use crate::policy::rules;

    fn engine() -> Engine {
        Engine::new().unwrap()
    }

    #[test]
    fn yanshou_in_year_three_has_the_pilot_and_pending_key_county_measures() {
        let p = engine().county("230129", "2023-06-01").unwrap();
        let c = p.county.as_ref().unwrap();
        assert!(c.alleviated_county && c.fund_integration_pilot);
        assert_eq!(c.key_county, KeyCounty::NotPublished);
        assert!(c.measures.contains(&"fundIntegrationPilot"));
        assert!(c.measures.contains(&"landQuota"));
        assert!(!c.measures.contains(&"integrationMechanism"));
        assert_eq!(
            c.pending,
            [
                "keyCountySupport",
                "specialFundTilt",
                "extensionStaff",
                "talentFlow"
            ]
        );
        assert_eq!(p.transition.year, Some(3));
        assert!(p.trace.assumptions.contains(rules::COUNTY_WINDOW));
    }

    #[test]
    fn a_district_gets_only_the_measures_for_every_county() {
        let p = engine().county("230102", "2022-03-01").unwrap();
        let c = p.county.unwrap();
        assert_eq!(c.measures, ["integrationMechanism", "assessment"]);
        assert!(c.pending.is_empty());
        // 六(十六) writes no end to the lasting integration mechanism: none is given (county.window).
        assert!(p.measures.iter().all(|m| m.until.is_none()));
    }

    #[test]
    fn after_the_period_only_the_measures_without_an_end_go_on() {
        let p = engine().county("230129", "2026-01-01").unwrap();
        let ids: Vec<&str> = p.measures.iter().map(|m| m.id).collect();
        // The text gives 三(五), 三(七), 三(八), 六(十七), 六(十九)'s priority, 七(二十), 七(二十三) no
        // end: they go on, 待核对.
        assert_eq!(
            ids,
            [
                "industryPlanning",
                "infrastructure",
                "ruralRoads",
                "publicServices",
                "insuranceAward",
                "listingChannel",
                "talentPriority",
                "leaderContact",
                "assessment"
            ]
        );
        assert!(p.measures.iter().all(|m| m.until.is_none()));
        assert!(p.trace.assumptions.contains(rules::COUNTY_WINDOW));
    }

    #[test]
    fn the_province_lists_every_county_with_twenty_alleviated() {
        let p = engine().county("230000", "2022-01-01").unwrap();
        assert_eq!(p.region.level, Level::Province);
        let s = p.summary.unwrap();
        assert_eq!((s.alleviated, s.provincial_poverty, s.pilot), (20, 8, 20));
        assert_eq!(s.key_counties, None);
        assert_eq!(
            (s.counties + s.statistical_units) as usize,
            p.counties.unwrap().len()
        );
    }

    #[test]
    fn harbin_lists_its_eighteen_units() {
        let p = engine().county("230100", "2024-06-01").unwrap();
        let rows = p.counties.unwrap();
        assert_eq!(rows.len(), 18);
        assert_eq!(p.summary.unwrap().pilot, 0);
        assert!(rows
            .iter()
            .any(|r| r.code == "230129" && r.alleviated_county));
    }
}
