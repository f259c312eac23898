//! The engine: a parameter set plus one entry point per calculation. Inputs arrive as the strings
//! and JSON values of the public API; each is parsed here with its path, then handed to a program.

use serde::Serialize;
use tsify::Tsify;

use crate::calendar::{format_date, parse_date};
use crate::error::{PolicyError, Result};
use crate::estimate::{self, Comparison, Estimate, IncomeCurve, Transitions};
use crate::model::{Household, HouseholdInput};
use crate::params::{Level, ParameterSet, Reader, Status};
use crate::programs::credit::{
    self, GuaranteeLoanResult, InsuranceFuturesResult, MicrocreditResult,
};
use crate::programs::dibao::{self, DibaoResult};
use crate::programs::education::{self, EducationResult};
use crate::programs::medical::{self, MedicalResult};
use crate::programs::monitoring::{self, MonitoringResult};
use crate::programs::pension::{self, PensionResult};
use crate::programs::result::Calc;
use crate::programs::tekun::{self, TekunResult};
use crate::programs::temporary::{self, TemporaryResult};
use crate::programs::transition::{self, TransitionStatus};
use crate::programs::work_relief::{self, WorkReliefResult};
use crate::screening::{ScreenItem, Screening};

/// A policy engine over one parameter set. Cheap to query; build once and reuse.
#[derive(Clone, Debug)]
pub struct Engine {
    params: ParameterSet,
}

impl Engine {
    /// The embedded Heilongjiang default set.
    pub fn new() -> Result<Engine> {
        Ok(Engine {
            params: ParameterSet::heilongjiang()?,
        })
    }

    /// A whole parameter set from JSON (same schema as the default, or `"extends": "heilongjiang"`).
    pub fn from_parameters(json: &str) -> Result<Engine> {
        Ok(Engine {
            params: ParameterSet::from_json(json)?,
        })
    }

    /// A what-if engine: `{ name: plain | [{from, region?, value}] }`.
    pub fn with_overrides(&self, overrides: &serde_json::Value) -> Result<Engine> {
        // The parameter layer reads overrides with the strict reader (duplicate names are errors);
        // a serde value has already dropped them, so the bindings should parse the text themselves.
        let text = overrides.to_string();
        let node = crate::input::json::parse(&text)
            .map_err(|_| PolicyError::invalid_input("", "overrides 应为普通对象"))?;
        Ok(Engine {
            params: self.params.with_overrides(&node)?,
        })
    }

    pub fn parameter_set(&self) -> &ParameterSet {
        &self.params
    }

    /// 过渡期 status on `as_of`, optionally for a region (6-digit code).
    pub fn transition(&self, as_of: &str, region: Option<&str>) -> Result<TransitionStatus> {
        let on = parse_date(as_of, "asOf")?;
        let region = match region {
            Some(code) => Some(self.params.region_by_code(code, on, "region")?),
            None => None,
        };
        transition::transition(&mut Reader::new(&self.params, on, region), true)
    }

    /// Check a household for `as_of`; the reader it returns is positioned on that date and the
    /// household's region, and has recorded what the check read.
    pub(crate) fn household<'a>(
        &'a self,
        input: &HouseholdInput,
        as_of: &str,
    ) -> Result<(Household<'a>, Reader<'a>)> {
        let on = parse_date(as_of, "asOf")?;
        let region = self.params.region_by_code(&input.region, on, "region")?;
        let mut reader = Reader::new(&self.params, on, Some(region));
        let household = Household::check(input, &self.params, region, &mut reader)?;
        Ok((household, reader))
    }

    /// Check the household once and run one programme on it.
    fn run<T>(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        program: impl FnOnce(&Household<'_>, Calc<'_>) -> Result<T>,
    ) -> Result<T> {
        let (h, reader) = self.household(h, as_of)?;
        program(&h, Calc::new(reader, true))
    }

    /// 防止返贫动态监测 (二(二), 四(九)).
    pub fn monitoring(&self, h: &HouseholdInput, as_of: &str) -> Result<MonitoringResult> {
        self.run(h, as_of, monitoring::monitoring)
    }

    /// 最低生活保障 (四(十), 四(十三)).
    pub fn dibao(&self, h: &HouseholdInput, as_of: &str) -> Result<DibaoResult> {
        self.run(h, as_of, dibao::dibao)
    }

    /// 特困人员救助供养 (四(十)).
    pub fn tekun(&self, h: &HouseholdInput, as_of: &str) -> Result<TekunResult> {
        self.run(h, as_of, tekun::tekun)
    }

    /// 临时救助 (四(十)).
    pub fn temporary(&self, h: &HouseholdInput, as_of: &str) -> Result<TemporaryResult> {
        self.run(h, as_of, temporary::temporary)
    }

    /// 城乡居民养老保险代缴 (四(十二)).
    pub fn pension(&self, h: &HouseholdInput, as_of: &str) -> Result<PensionResult> {
        self.run(h, as_of, pension::pension)
    }

    /// Education aid per student (三(八), 六(十九)).
    pub fn education(&self, h: &HouseholdInput, as_of: &str) -> Result<EducationResult> {
        self.run(h, as_of, education::education)
    }

    /// A reader on `as_of` for a request's region (path `region`).
    fn reader(&self, as_of: &str, region: &str) -> Result<Reader<'_>> {
        let on = parse_date(as_of, "asOf")?;
        Ok(Reader::new(
            &self.params,
            on,
            Some(self.params.region_by_code(region, on, "region")?),
        ))
    }

    /// 三重保障 for a hospital bill (四(十一)).
    pub fn medical(&self, claim: &serde_json::Value, as_of: &str) -> Result<MedicalResult> {
        let c = medical::claim_from_value(claim)?;
        medical::medical(&c, Calc::new(self.reader(as_of, &c.region)?, true))
    }

    /// 脱贫人口小额信贷 (六(十七)).
    pub fn microcredit(
        &self,
        request: &serde_json::Value,
        as_of: &str,
    ) -> Result<MicrocreditResult> {
        let r = credit::microcredit_from_value(request)?;
        credit::microcredit(&r, Calc::new(self.reader(as_of, &r.region)?, true))
    }

    /// 创业担保贷款 (六(十七)).
    pub fn guarantee_loan(
        &self,
        request: &serde_json::Value,
        as_of: &str,
    ) -> Result<GuaranteeLoanResult> {
        let (region, amount) = credit::guarantee_loan_from_value(request)?;
        credit::guarantee_loan(amount, Calc::new(self.reader(as_of, &region)?, true))
    }

    /// “保险+期货” payout (六(十七)).
    pub fn insurance_futures(
        &self,
        claim: &serde_json::Value,
        as_of: &str,
    ) -> Result<InsuranceFuturesResult> {
        let (target, settlement, quantity) = credit::insurance_futures_from_value(claim)?;
        let on = parse_date(as_of, "asOf")?;
        credit::insurance_futures(
            target,
            settlement,
            quantity,
            Calc::new(Reader::new(&self.params, on, None), true),
        )
    }

    /// 以工代赈 minimum labour remuneration (三(六), 六(十六)).
    pub fn work_relief(
        &self,
        project: &serde_json::Value,
        as_of: &str,
    ) -> Result<WorkReliefResult> {
        let (region, budget, key) = work_relief::project_from_value(project)?;
        work_relief::work_relief(budget, key, Calc::new(self.reader(as_of, &region)?, true))
    }

    /// Every programme for one household, with the cash support they add up to.
    pub fn estimate(&self, h: &HouseholdInput, as_of: &str) -> Result<Estimate> {
        estimate::estimate(self, h, as_of, true)
    }

    /// The estimate without its explanation (no steps, no reasons; every amount and field the same).
    pub fn estimate_unexplained(&self, h: &HouseholdInput, as_of: &str) -> Result<Estimate> {
        estimate::estimate(self, h, as_of, false)
    }

    /// The household's screening row: every programme's eligibility and amount, no explanation.
    pub fn screen(&self, h: &HouseholdInput, as_of: &str) -> Result<Screening> {
        self.estimate_unexplained(h, as_of)
            .map(|e| Screening::of(&e))
    }

    /// One household of a batch, as a JSON value read strictly, sharing the batch's transition
    /// statuses (the batch functions here and the command-line tool's workers).
    pub fn estimate_in_batch(
        &self,
        household: &serde_json::Value,
        as_of: &str,
        explain: bool,
        transitions: &mut Transitions,
    ) -> Result<Estimate> {
        crate::model::household_from_value(household)
            .and_then(|h| estimate::estimate_in(self, &h, as_of, explain, transitions))
    }

    /// Run `each` over a batch of households, in order; a bad household gives its own error, the
    /// rest go on.
    fn batch<T>(
        &self,
        households: &[serde_json::Value],
        as_of: &str,
        explain: bool,
        each: impl Fn(Result<Estimate>) -> T,
    ) -> Vec<T> {
        let mut transitions = Transitions::default();
        households
            .iter()
            .map(|h| each(self.estimate_in_batch(h, as_of, explain, &mut transitions)))
            .collect()
    }

    /// One estimate per household, in order (`explain` off: no steps and reasons, faster).
    pub fn estimate_many(
        &self,
        households: &[serde_json::Value],
        as_of: &str,
        explain: bool,
    ) -> Vec<BatchItem> {
        self.batch(households, as_of, explain, BatchItem::from_result)
    }

    /// One screening row per household, in order.
    pub fn screen_many(&self, households: &[serde_json::Value], as_of: &str) -> Vec<ScreenItem> {
        self.batch(households, as_of, false, |r| {
            ScreenItem::from_result(r.map(|e| Screening::of(&e)))
        })
    }

    /// Total support as the household's non-wage income runs over `{from, to, step}`.
    pub fn income_curve(
        &self,
        h: &HouseholdInput,
        as_of: &str,
        opts: &serde_json::Value,
    ) -> Result<IncomeCurve> {
        let o = crate::input::Obj::new(opts, "opts", "opts", &["from", "to", "step"])?;
        let need = |key: &str| o.required_money(key);
        let (from, to, step) = (need("from")?, need("to")?, need("step")?);
        estimate::income_curve(self, h, as_of, from, to, step)
    }

    /// This engine's estimate against another's (a what-if), programme by programme.
    pub fn compare(&self, h: &HouseholdInput, as_of: &str, other: &Engine) -> Result<Comparison> {
        estimate::compare(self, other, h, as_of)
    }

    /// The parameter catalogue, for display.
    pub fn parameters(&self) -> Vec<ParameterInfo> {
        self.params
            .parameters()
            .map(|p| ParameterInfo {
                name: p.spec.name.to_string(),
                label: p.label.clone(),
                unit: p.spec.unit.as_str().to_string(),
                unit_label: p.spec.unit.label().to_string(),
                description: p.description.clone(),
                values: p
                    .values
                    .iter()
                    .map(|v| ParameterValueInfo {
                        from: format_date(v.from),
                        region: v.region.map(|c| format!("{c:06}")),
                        region_name: v
                            .region
                            .and_then(|c| self.params.region(c))
                            .map(|r| r.name.clone()),
                        value: v.value.display(),
                        source: v.source.clone(),
                        status: v.status,
                        note: v.note.clone(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The regions of the set, sorted by code (a page groups counties under their city).
    pub fn regions(&self) -> Vec<RegionInfo> {
        self.params
            .regions()
            .into_iter()
            .map(|r| RegionInfo {
                code: r.code_string(),
                name: r.name.clone(),
                level: r.level(),
                parent: r.parent().map(|c| format!("{c:06}")),
                alleviated_county: r.alleviated_county,
                kind: r.kind,
                kind_label: r.kind.label(),
                valid_from: r.valid_from.map(format_date),
                valid_until: r.valid_until.map(format_date),
                poverty_county: r.poverty.clone(),
                key_county: r.key_county,
            })
            .collect()
    }
}

/// One household's outcome in a batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum BatchItem {
    Ok {
        #[tsify(type = "true")]
        ok: bool,
        estimate: Box<Estimate>,
    },
    Err {
        #[tsify(type = "false")]
        ok: bool,
        error: BatchError,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct BatchError {
    pub code: String,
    pub path: String,
    pub message: String,
}

impl From<PolicyError> for BatchError {
    fn from(e: PolicyError) -> Self {
        BatchError {
            code: e.code.as_str().to_string(),
            path: e.path,
            message: e.message,
        }
    }
}

impl BatchItem {
    pub fn from_result(r: Result<Estimate>) -> BatchItem {
        match r {
            Ok(e) => BatchItem::Ok {
                ok: true,
                estimate: Box::new(e),
            },
            Err(e) => BatchItem::Err {
                ok: false,
                error: BatchError::from(e),
            },
        }
    }
}

/// The most households one `estimateMany` call takes.
pub const MAX_BATCH: usize = 1_000_000;

/// Check a batch's size before running it.
pub fn check_batch(len: usize) -> Result<()> {
    if len > MAX_BATCH {
        return Err(PolicyError::out_of_range(
            "",
            format!("一次最多 {MAX_BATCH} 户，请分批"),
        ));
    }
    Ok(())
}

/// An item of the policy text, for showing a citation with its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
pub struct PolicyItem {
    /// e.g. `四(十)`
    pub citation: String,
    pub title: String,
}

/// Every item of the policy text, in order.
pub fn policy_items() -> Vec<PolicyItem> {
    crate::policy::ITEMS
        .iter()
        .map(|(c, t)| PolicyItem {
            citation: c.to_string(),
            title: t.to_string(),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ParameterInfo {
    pub name: String,
    pub label: String,
    /// e.g. `yuan/person/month`
    pub unit: String,
    /// e.g. `元/人·月`
    pub unit_label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub description: Option<String>,
    pub values: Vec<ParameterValueInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ParameterValueInfo {
    pub from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub region_name: Option<String>,
    /// Decimal string, or a date for date parameters.
    pub value: String,
    pub source: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    pub code: String,
    pub name: String,
    pub level: Level,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub parent: Option<String>,
    /// One of the 20 脱贫县 (former national poverty counties).
    pub alleviated_county: bool,
    pub kind: crate::params::RegionKind,
    /// e.g. `县级市`, `统计用区划（非行政区划）`
    pub kind_label: &'static str,
    /// The first day the code is valid, when it started after 1981.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub valid_from: Option<String>,
    /// The last day the code is valid, when it is no longer in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub valid_until: Option<String>,
    /// A former poverty county, national or provincial (exit year, batch, approval).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub poverty_county: Option<crate::params::PovertyCounty>,
    /// 乡村振兴重点帮扶县: `notPublished` while no list is published.
    pub key_county: crate::params::KeyCounty,
}
