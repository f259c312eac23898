//! 以工代赈 (work relief), policy text 三(六) ("广泛采取以工代赈方式，带动脱贫人口就业增收") and 六(十六)
//! ("促进以工代赈中央预算内投资落实到项目，及时足额发放劳务报酬"): the least a project must pay its local
//! workers as labour remuneration is a share of its central budget funds, a share that rose from 15 %
//! to 30 % (2022-07-18 for key projects, 2023 for all).
//!
//! Parameters read: `workRelief.remunerationShare`, `workRelief.keyProjectRemunerationShare`.

use serde::Serialize;
use serde_json::Value as Json;
use tsify::Tsify;

use super::result::{Calc, ProgramResult};
use crate::error::Result;
use crate::input::Obj;
use crate::money::{Money, Rate};
use crate::params::catalogue as p;

/// A work-relief project (`workRelief(project, asOf)`).
#[derive(Clone, Debug, Default, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WorkReliefProject {
    pub region: String,
    /// Central budget investment in the project.
    #[tsify(type = "Money")]
    pub budget: String,
    /// A key project (重点工程项目).
    #[tsify(optional)]
    pub key_project: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WorkReliefResult {
    #[serde(flatten)]
    pub result: ProgramResult,
    #[tsify(type = "string")]
    pub share: Rate,
    /// The least labour remuneration the project must pay.
    #[tsify(type = "string")]
    pub minimum_remuneration: Money,
}

pub fn project_from_value(json: &Json) -> Result<(String, Money, bool)> {
    let o = Obj::new(
        json,
        "",
        "以工代赈项目",
        &["region", "budget", "keyProject"],
    )?;
    Ok((
        o.required_str("region")?,
        o.required_money("budget")?,
        o.bool("keyProject")?.unwrap_or(false),
    ))
}

pub fn work_relief(
    budget: Money,
    key_project: bool,
    mut calc: Calc<'_>,
) -> Result<WorkReliefResult> {
    let share = if key_project {
        calc.params.rate(&p::WORK_RELIEF_KEY_PROJECT_SHARE)?
    } else {
        calc.params.rate(&p::WORK_RELIEF_REMUNERATION_SHARE)?
    };
    let minimum = budget.times(share)?.round_fen();
    calc.step(
        "workRelief.remuneration",
        "六(十六)",
        || {
            format!(
            "{}中央预算内投资 {budget} 元 × 劳务报酬占比下限 {} = 至少发放劳务报酬 {minimum} 元。",
            if key_project {
                "重点工程项目："
            } else {
                ""
            },
            share.percent()
        )
        },
        || Some(minimum.to_fen_string()),
    );
    calc.trace.cite("三(六)");
    calc.reason(|| format!("应带动当地群众务工，劳务报酬不少于 {minimum} 元，并及时足额发放。"));
    Ok(WorkReliefResult {
        result: calc.finish("workRelief", "以工代赈", true, None)?,
        share,
        minimum_remuneration: minimum,
    })
}
