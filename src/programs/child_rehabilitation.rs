//! 残疾儿童康复救助 (rehabilitation assistance for disabled children), policy text 四(十二): "深入实施
//! 残疾儿童康复救助制度，提高救助服务质量".
//!
//! Who (国发〔2018〕20号, as reported): children aged 0 to `childRehabilitation.ageMax` with visual,
//! hearing, speech, physical or intellectual disability, autism, or several of these; the national
//! scheme does not depend on family income. 精神残疾 is not named by it (a county may extend). What:
//! rehabilitation training for every covered child; assistive devices for visual, hearing, physical
//! and multiple disability; surgery (cochlear implants, corrective operations) for hearing, physical
//! and multiple disability; each up to its annual ceiling. The aid is paid to the designated
//! rehabilitation institution: on the household's behalf, up to the sum of the ceilings.
//!
//! Parameters read: `childRehabilitation.ageMax`, `childRehabilitation.ceiling.training`,
//! `.devices`, `.surgery`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{DisabilityType, Household, Label};
use crate::params::{catalogue as p, Reader, Spec};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RehabilitationService {
    /// Which service.
    #[tsify(type = "'training' | 'devices' | 'surgery'")]
    pub id: &'static str,
    /// Chinese name, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// The most the scheme pays for it in a year.
    #[tsify(type = "string")]
    pub ceiling: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RehabilitationChild {
    #[tsify(type = "string")]
    pub member: Label,
    pub disability_type: DisabilityType,
    /// Within the ages and of a type the scheme names.
    pub eligible: bool,
    pub services: Vec<RehabilitationService>,
    /// The sum of the ceilings, a year.
    #[tsify(type = "string")]
    pub ceiling: Money,
    #[serde(skip)]
    age: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ChildRehabilitationFigures {
    /// Every member with a disability type recorded and under the minor age.
    pub children: Vec<RehabilitationChild>,
    #[serde(skip)]
    age_max: u32,
}

const TRAINING: (&str, &str, &Spec) = ("training", "康复训练", &p::CHILD_REHAB_TRAINING);
const DEVICES: (&str, &str, &Spec) = ("devices", "辅助器具适配", &p::CHILD_REHAB_DEVICES);
const SURGERY: (&str, &str, &Spec) = ("surgery", "手术", &p::CHILD_REHAB_SURGERY);
/// Every service the scheme names: (id, Chinese name, its ceiling's parameter) (`labels().rehabilitation`).
pub const SERVICES: [(&str, &str, &Spec); 3] = [TRAINING, DEVICES, SURGERY];

/// The services a type of disability gets: (id, label, its ceiling's parameter).
fn services_of(t: DisabilityType) -> &'static [(&'static str, &'static str, &'static Spec)] {
    match t {
        DisabilityType::Hearing | DisabilityType::Physical | DisabilityType::Multiple => {
            &[TRAINING, DEVICES, SURGERY]
        }
        DisabilityType::Visual => &[TRAINING, DEVICES],
        DisabilityType::Speech | DisabilityType::Intellectual | DisabilityType::Autism => {
            &[TRAINING]
        }
        DisabilityType::Mental => &[],
    }
}

impl ChildRehabilitationFigures {
    fn total(&self) -> Result<Money> {
        Money::sum(self.children.iter().map(|c| c.ceiling))
    }
}

impl HouseholdProgramme for ChildRehabilitationFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::ceiling("the most it pays: not in the totals");

    fn compute(h: &Household<'_>, _: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let mut f = ChildRehabilitationFigures {
            children: Vec::new(),
            age_max: 0,
        };
        if h.members.iter().all(|m| m.disability_type.is_none()) {
            return Ok(f);
        }
        f.age_max = r.count(&p::CHILD_REHAB_AGE_MAX)?;
        let minor = r.count(&p::DIBAO_MINOR_AGE)?;
        for m in &h.members {
            let Some(t) = m.disability_type else { continue };
            if m.age >= minor {
                continue;
            }
            let mut child = RehabilitationChild {
                member: m.label.clone(),
                disability_type: t,
                eligible: m.age <= f.age_max && !services_of(t).is_empty(),
                services: Vec::new(),
                ceiling: Money::ZERO,
                age: m.age,
            };
            if child.eligible {
                for (id, _, spec) in services_of(t) {
                    let ceiling = r.money(spec)?;
                    child.services.push(RehabilitationService {
                        id,
                        label: None,
                        ceiling,
                    });
                }
                child.ceiling = Money::sum(child.services.iter().map(|s| s.ceiling))?;
            }
            f.children.push(child);
        }
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let total = self.total()?;
        let eligible = !total.is_zero();
        // The ceilings are the most the scheme pays the institution, not what it pays in the
        // year: the result and the rows say them, the totals and comparisons of money leave them out.
        Ok(Amounts {
            annual: eligible.then_some(total),
            ..Amounts::verdict(eligible)
        })
    }

    /// 四(十二) when a step applies the scheme's scope (a child of a type it names); a child of a
    /// type it does not name is told so under 国发〔2018〕20号 alone.
    fn citations(&self) -> Citations {
        let mut c = Citations::default();
        c.add_if(
            self.children
                .iter()
                .any(|c| c.eligible || c.disability_type != DisabilityType::Mental),
            "四(十二)",
        );
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(
            self.children.iter().any(|c| c.eligible),
            rules::CHILD_REHABILITATION_SERVICES,
        );
        a.add_if(
            self.children
                .iter()
                .any(|c| c.eligible || c.disability_type == DisabilityType::Mental),
            rules::CHILD_REHABILITATION_ALL_FAMILIES,
        );
        a
    }

    fn why(&self) -> Why {
        if self.children.is_empty() {
            return why![Reason::ChildRehabilitationNoChild];
        }
        let not_named = |c: &RehabilitationChild| c.disability_type == DisabilityType::Mental;
        let flags = [
            (
                Reason::ChildRehabilitationCovered,
                self.children.iter().any(|c| c.eligible),
            ),
            (
                Reason::ChildRehabilitationOverAge,
                self.children.iter().any(|c| !c.eligible && !not_named(c)),
            ),
            (
                Reason::ChildRehabilitationTypeNotNamed,
                self.children.iter().any(|c| !c.eligible && not_named(c)),
            ),
        ];
        flags.iter().filter(|(_, f)| *f).map(|(r, _)| *r).collect()
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        for c in &mut self.children {
            let named = services_of(c.disability_type);
            for s in &mut c.services {
                s.label = named
                    .iter()
                    .find(|(id, ..)| *id == s.id)
                    .map(|(_, l, _)| *l);
            }
        }
        if self.children.is_empty() {
            e.reason(Reason::ChildRehabilitationNoChild.text());
            return;
        }
        for (j, c) in self.children.iter().enumerate() {
            let kind = c.disability_type.label();
            if !c.eligible {
                if c.disability_type == DisabilityType::Mental {
                    let text = format!(
                        "{}：{kind}未计入国家残疾儿童康复救助制度所列类别（县级可扩大范围）。",
                        c.member
                    );
                    e.step(rules::CHILD_REHABILITATION_ALL_FAMILIES, text, None);
                } else {
                    let text = format!(
                        "{}：{}周岁，超过救助年龄（0至{}周岁）。",
                        c.member, c.age, self.age_max
                    );
                    e.step(rules::CHILD_REHABILITATION_SCOPE, text, None);
                }
                continue;
            }
            e.step(
                rules::CHILD_REHABILITATION_SCOPE,
                format!(
                    "{}：{}周岁、{kind}，属残疾儿童康复救助的年龄和类别。",
                    c.member, c.age
                ),
                None,
            );
            e.step(
                rules::CHILD_REHABILITATION_ALL_FAMILIES,
                format!("{}：不论家庭经济状况，按残疾儿童康复救助对象计。", c.member),
                None,
            );
            let parts: Vec<String> = c
                .services
                .iter()
                .map(|s| format!("{} {} 元", s.label.unwrap_or_default(), s.ceiling))
                .collect();
            e.step(
                rules::CHILD_REHABILITATION_SERVICES,
                format!(
                    "{}：{}，年度最高合计 {} 元，由定点康复机构结算。",
                    c.member,
                    parts.join(" + "),
                    c.ceiling
                ),
                Some(c.ceiling.to_fen_string()),
            );
            e.reason(format!(
                "{}可申请残疾儿童康复救助，每年最高 {} 元（{}）。",
                c.member,
                c.ceiling,
                parts.join("、")
            ));
            e.fact(
                format!("{}：年度救助上限", c.member),
                c.ceiling,
                "元/年",
                format!("children[{j}].ceiling"),
            );
        }
    }
}
