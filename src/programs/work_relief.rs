//! 以工代赈 (work relief), policy text 三(六) ("广泛采取以工代赈方式，带动脱贫人口就业增收") and 六(十六)
//! ("促进以工代赈中央预算内投资落实到项目，及时足额发放劳务报酬"): the least a project must pay its local
//! workers as labour remuneration is a share of its central budget funds, a share that rose from 15 %
//! to 30 % (2022-07-18 for key projects, 2023 for all).
//!
//! Parameters read: `workRelief.remunerationShare`, `workRelief.keyProjectRemunerationShare`.

use serde::Serialize;
use tsify::Tsify;

use super::reasons::{why, Reason};
use super::{Amounts, ProgrammeResult};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
pub use crate::input::requests::WorkReliefProject;
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

pub const ID: &str = "workRelief";
pub const LABEL: &str = "以工代赈";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct WorkReliefFigures {
    #[tsify(type = "string")]
    pub share: Rate,
    /// The least labour remuneration the project must pay.
    #[tsify(type = "string")]
    pub minimum_remuneration: Money,
}

pub type WorkReliefResult = ProgrammeResult<WorkReliefFigures>;

pub fn work_relief(
    project: &WorkReliefProject,
    reader: &Reader<'_>,
    explain: bool,
) -> Result<WorkReliefResult> {
    let mut r = reader.clone();
    let share = if project.key_project {
        r.rate(&p::WORK_RELIEF_KEY_PROJECT_SHARE)?
    } else {
        r.rate(&p::WORK_RELIEF_REMUNERATION_SHARE)?
    };
    let budget = project.budget;
    let minimum = budget.times(share)?.round_fen();
    let mut e = Explanation::default();
    if explain {
        e.step_citing(
            rules::WORK_RELIEF_REMUNERATION,
            "六(十六)",
            format!(
                "{}中央预算内投资 {budget} 元 × 劳务报酬占比下限 {} = 至少发放劳务报酬 {minimum} 元。",
                if project.key_project { "重点工程项目：" } else { "" },
                share.percent()
            ),
            Some(minimum.to_fen_string()),
        );
        e.reason(format!(
            "应带动当地群众务工，劳务报酬不少于 {minimum} 元，并及时足额发放。"
        ));
    }
    Ok(ProgrammeResult::new(
        ID,
        LABEL,
        (
            &Amounts::verdict(true),
            why![Reason::WorkReliefRemuneration],
        ),
        (
            // What the step applies: 六(十六)'s 及时足额发放劳务报酬.
            Citations::of(&["六(十六)"]),
            Assumptions::default(),
        ),
        &r,
        explain.then_some(e),
        WorkReliefFigures {
            share,
            minimum_remuneration: minimum,
        },
    ))
}
