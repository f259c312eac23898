//! 访视照料服务 and 失能特困人员集中供养 (care services), policy text 四(十) ("鼓励通过政府购买服务对困难
//! 家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、照料等服务") and 四(十二) ("强化县乡两级
//! 养老机构对失能、部分失能特困老年人口的兜底保障").
//!
//! Who: members of a family in difficulty (under 低保 or 特困, or 脱贫 or monitored) who cannot care
//! for themselves (self-care partial or none) and are elderly (`dibao.elderlyAge`), minors
//! (`dibao.minorAge`) or disabled (a grade or a type recorded): 访视、照料 services bought by the
//! government. 特困 elderly members who are 失能 or 部分失能 come first for care in county and township
//! institutions. A service, not an amount: no figure is paid out here.
//!
//! Parameters read: `dibao.elderlyAge`, `dibao.minorAge`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::groups::{self, Group};
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::input::model::{Capacity, Household, Label, Member};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CareService {
    /// Which service.
    #[tsify(type = "'visitCare' | 'institutionalCare'")]
    pub id: &'static str,
    /// Chinese name, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub label: Option<&'static str>,
    /// The policy item, when explained.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub citation: Option<&'static str>,
}

impl CareService {
    /// The service with its words.
    fn said(self) -> CareService {
        let [.., institution] = SERVICES;
        let (_, label, citation) = SERVICES
            .into_iter()
            .find(|(id, ..)| *id == self.id)
            .unwrap_or(institution);
        CareService {
            label: Some(label),
            citation: Some(citation),
            ..self
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CareMember {
    #[tsify(type = "string")]
    pub member: Label,
    /// The groups the member is in: `elderly`, `minor`, `disabled` (`labels().group`).
    #[tsify(type = "('elderly' | 'minor' | 'disabled')[]")]
    pub groups: Vec<Group>,
    /// 'partial' 部分失能 or 'none' 失能.
    pub self_care: Capacity,
    pub services: Vec<CareService>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CareServicesFigures {
    /// 困难家庭: under 低保 or 特困, or 脱贫 or monitored.
    pub family_in_difficulty: bool,
    pub members: Vec<CareMember>,
}

/// Every service: its id, Chinese name and the policy item it applies (`labels().service`).
pub const SERVICES: [(&str, &str, &str); 2] = [
    ("visitCare", "政府购买访视、照料服务", "四(十)"),
    (
        "institutionalCare",
        "县乡养老机构集中供养（失能、部分失能特困老年人优先）",
        "四(十二)",
    ),
];

const VISIT: CareService = CareService {
    id: "visitCare",
    label: None,
    citation: None,
};
const INSTITUTION: CareService = CareService {
    id: "institutionalCare",
    label: None,
    citation: None,
};

fn groups_of(m: &Member<'_>, elderly: u32, minor: u32) -> Vec<Group> {
    let groups = [
        (Group::Elderly, m.age >= elderly),
        (Group::Minor, m.age < minor),
        (
            Group::Disabled,
            m.disability_grade.is_some() || m.disability_type.is_some(),
        ),
    ];
    groups
        .iter()
        .filter(|(_, applies)| *applies)
        .map(|(group, _)| *group)
        .collect()
}

impl HouseholdProgramme for CareServicesFigures {
    const COLUMNS: ColumnNotes = ColumnNotes {
        kind: Some("a service"),
        no_monthly: true,
        no_annual: true,
        ceiling: false,
    };

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        a.rest_on_them(r)?;
        let tekun = &a.tekun()?.members;
        let family_in_difficulty = h.status.alleviated_or_monitored()
            || !a.dibao()?.members.is_empty()
            || !tekun.is_empty();
        let mut f = CareServicesFigures {
            family_in_difficulty,
            members: Vec::new(),
        };
        let needs_care = |m: &Member<'_>| m.self_care != Capacity::Full;
        if !family_in_difficulty || !h.members.iter().any(needs_care) {
            return Ok(f);
        }
        let elderly = r.count(&p::DIBAO_ELDERLY_AGE)?;
        let minor = r.count(&p::DIBAO_MINOR_AGE)?;
        for (i, m) in h.members.iter().enumerate() {
            let groups = groups_of(m, elderly, minor);
            if !needs_care(m) || groups.is_empty() {
                continue;
            }
            let mut services = vec![VISIT];
            if tekun.contains(&i) && m.age >= elderly {
                services.push(INSTITUTION);
            }
            f.members.push(CareMember {
                member: m.label.clone(),
                groups,
                self_care: m.self_care,
                services,
            });
        }
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        Ok(Amounts::verdict(!self.members.is_empty()))
    }

    fn citations(&self) -> Citations {
        let mut c = Citations::of(&["四(十)"]);
        c.add_if(
            self.members
                .iter()
                .any(|m| m.services.iter().any(|s| s.id == "institutionalCare")),
            "四(十二)",
        );
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        // In difficulty with no one to care for, whose family it is decides nothing.
        a.add_if(
            !self.family_in_difficulty || !self.members.is_empty(),
            rules::CARE_SERVICES_FAMILY,
        );
        a
    }

    fn why(&self) -> Why {
        if !self.family_in_difficulty {
            return why![Reason::CareServicesNotInDifficulty];
        }
        if self.members.is_empty() {
            return why![Reason::CareServicesNoneNeedsCare];
        }
        let mut why = why![Reason::CareServicesVisitCare];
        if self
            .members
            .iter()
            .any(|m| m.services.iter().any(|s| s.id == INSTITUTION.id))
        {
            why.push(Reason::CareServicesInstitutionalCare);
        }
        why
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        for s in self.members.iter_mut().flat_map(|m| m.services.iter_mut()) {
            *s = s.said();
        }
        if !self.family_in_difficulty {
            e.step(
                rules::CARE_SERVICES_FAMILY,
                "不是低保、特困家庭，也不是脱贫户、监测户：不属困难家庭。".to_string(),
                None,
            );
            e.reason(Reason::CareServicesNotInDifficulty.text());
            return;
        }
        if !self.members.is_empty() {
            e.step(
                rules::CARE_SERVICES_FAMILY,
                "属困难家庭（低保、特困家庭，或脱贫户、监测户）。".to_string(),
                None,
            );
        }
        for m in &self.members {
            let ability = if m.self_care == Capacity::None {
                "生活完全不能自理（失能）"
            } else {
                "生活部分不能自理（部分失能）"
            };
            let names: Vec<&str> = m.services.iter().filter_map(|s| s.label).collect();
            let citation = if m.services.len() > 1 {
                "四(十二)"
            } else {
                "四(十)"
            };
            e.step_citing(
                rules::CARE_SERVICES_MEMBER,
                citation,
                format!(
                    "{}：{}，{}：{}。",
                    m.member,
                    groups::labels(&m.groups),
                    ability,
                    names.join("；")
                ),
                None,
            );
            e.reason(format!("{}可获得{}。", m.member, names.join("，并")));
        }
        if self.members.is_empty() {
            e.step(
                rules::CARE_SERVICES_MEMBER,
                "没有生活不能自理（失能、部分失能）的老年人、未成年人、残疾人。".to_string(),
                None,
            );
            e.reason(Reason::CareServicesNoneNeedsCare.text());
        }
    }
}
