//! 以工代赈 (work relief), policy text 三(六) ("广泛采取以工代赈方式，带动脱贫人口就业增收") and 六(十六)
//! ("促进以工代赈中央预算内投资落实到项目，及时足额发放劳务报酬"): the least a project must pay its local
//! workers as labour remuneration is a share of its central budget funds, a share that rose from 15 %
//! to 30 % (2022-07-18 for key projects, 2023 for all). The step shows the share with its date and
//! source, under the rule of the document that set it (以工代赈管理办法's 15 %, or the raise of
//! 国家发展改革委2022-07-18); the minimum is rounded up to the fen (“不低于”).
//!
//! Parameters read: `workRelief.remunerationShare`, `workRelief.keyProjectRemunerationShare`.

use serde::Serialize;
use tsify::Tsify;

use super::credit;
use super::reasons::{why, Reason};
use super::{Amounts, ProgrammeResult};
use crate::base::error::Result;
use crate::base::money::{Money, Rate};
pub use crate::input::requests::WorkReliefProject;
use crate::params::{catalogue as p, DatedValue, Reader, Spec};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::{Assumptions, RuleId};

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
    let spec = if project.key_project {
        &p::WORK_RELIEF_KEY_PROJECT_SHARE
    } else {
        &p::WORK_RELIEF_REMUNERATION_SHARE
    };
    let in_force = r.value(spec)?;
    let share = r.rate(spec)?;
    let budget = project.budget;
    let product = budget.times(share)?;
    // “不低于”: a minimum, rounded up to the fen so that it is never below the share.
    let minimum = product.round_fen_up()?;
    let mut e = Explanation::default();
    if explain {
        explain_work_relief(
            project,
            (spec, in_force),
            (share, product, minimum),
            &r,
            &mut e,
        );
    }
    Ok(ProgrammeResult::new(
        ID,
        LABEL,
        (
            &Amounts::verdict(true),
            why![Reason::WorkReliefRemuneration],
        ),
        (
            // What the steps apply: 三(六)'s 以工代赈 and 六(十六)'s 及时足额发放劳务报酬.
            Citations::of(&["三(六)", "六(十六)"]),
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

/// The rule whose document sets the share in force: the 15 % of 以工代赈管理办法, older than the
/// period, is the parameter's first value; a later value is the raise (国家发展改革委2022-07-18).
fn rule_of(spec: &'static Spec, in_force: &DatedValue, r: &Reader<'_>) -> RuleId {
    let raised = r
        .set()
        .parameter(spec.name)
        .is_some_and(|p| p.values.iter().any(|v| v.from < in_force.from));
    if raised {
        rules::WORK_RELIEF_REMUNERATION_RAISED
    } else {
        rules::WORK_RELIEF_REMUNERATION
    }
}

/// The steps: the share with its date and source, the product rounded up to the fen.
fn explain_work_relief(
    project: &WorkReliefProject,
    (spec, in_force): (&'static Spec, &DatedValue),
    (share, product, minimum): (Rate, Money, Money),
    r: &Reader<'_>,
    e: &mut Explanation,
) {
    let rule = rule_of(spec, in_force, r);
    let budget = project.budget;
    let kind = if project.key_project {
        "重点工程项目"
    } else {
        "以工代赈项目"
    };
    e.step_citing(
        rule,
        "三(六)",
        format!(
            "{kind}劳务报酬占中央预算内投资的比例不低于 {}{}。",
            share.percent(),
            credit::dated(in_force)
        ),
        Some(share.to_string()),
    );
    e.step_citing(
        rule,
        "六(十六)",
        format!(
            "中央预算内投资 {budget} 元 × {} = {} 元，向上取到分：至少发放劳务报酬 {minimum} 元，及时足额发放。",
            share.percent(),
            product.decimal().normalize()
        ),
        Some(minimum.to_fen_string()),
    );
    e.reason(format!(
        "应带动当地群众务工，劳务报酬不少于 {minimum} 元，并及时足额发放。"
    ));
    e.fact_text("劳务报酬占比下限", share.percent());
    credit::yuan_facts(e, &[("至少发放劳务报酬", minimum, "minimumRemuneration")]);
}
