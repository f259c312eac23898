//! 住房安全 and 农村危房改造 (housing safety), policy text 二(三) ("建立农村脱贫人口住房安全动态监测机制，
//! 落实脱贫户住房安全兜底保障责任，通过农村危房改造等多种方式保障低收入人口基本住房安全") and 三(八)
//! ("继续实施农村危房改造和地震高烈度设防地区农房抗震改造").
//!
//! Who is protected (建村〔2021〕35号, as reported): rural households that are monitored (易返贫致贫户,
//! including 返贫致贫), under 低保, with a 分散供养 特困 member, or 脱贫 (其他脱贫户). What they get
//! depends on the house's safety appraisal: grade C (局部危险) a repair-and-reinforce subsidy, grade D
//! (整体危险) a rebuild subsidy; a safe house (A, B) in a region of high seismic intensity
//! (`housing.seismicZone`) a seismic-retrofit subsidy. The subsidy is spent on the house: shown as
//! paid in kind, not as living cash.
//!
//! Parameters read: `housing.subsidy.repair`, `housing.subsidy.rebuild`, `housing.seismicZone`,
//! `housing.subsidy.seismic`.

use serde::Serialize;
use tsify::Tsify;

use super::assistance::Assistance;
use super::groups::{self, Group};
use super::reasons::{why, Reason, Why};
use super::{Amounts, ColumnNotes, HouseholdProgramme};
use crate::base::error::Result;
use crate::base::money::Money;
use crate::input::model::{Appraisal, Area, Household, HouseholdStatus};
use crate::params::{catalogue as p, Reader};
use crate::policy::explain::{Citations, Explanation};
use crate::policy::rules;
use crate::policy::rules::Assumptions;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct HousingFigures {
    /// The protected groups the household is in (`labels().group` names them); empty: not
    /// protected.
    #[tsify(
        type = "('monitoredHousehold' | 'dibaoHousehold' | 'tekunDispersed' | 'alleviatedHousehold')[]"
    )]
    pub groups: Vec<Group>,
    /// The appraisal recorded, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub appraisal: Option<Appraisal>,
    /// The region is one of high seismic intensity (抗震设防高烈度地区).
    pub seismic_zone: bool,
    /// 'repair' (C), 'rebuild' (D) or 'seismic' (A, B in a seismic zone), when one applies
    /// (`labels().housingMeasure` gives each its words).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "'repair' | 'rebuild' | 'seismic'")]
    pub measure: Option<&'static str>,
    /// The subsidy for the measure, once.
    #[tsify(type = "string")]
    pub subsidy: Money,
    #[serde(skip)]
    urban: bool,
    /// Housing recorded as not secured (两不愁三保障).
    #[serde(skip)]
    unsecured: bool,
}

/// The protected groups of the household, by the facts decided before.
fn protected_groups(h: &Household<'_>, a: &Assistance) -> Result<Vec<Group>> {
    let groups = [
        (Group::MonitoredHousehold, h.status.monitored()),
        (Group::DibaoHousehold, !a.dibao()?.members.is_empty()),
        (Group::TekunDispersed, !a.tekun()?.members.is_empty()),
        (
            Group::AlleviatedHousehold,
            h.status == HouseholdStatus::Alleviated,
        ),
    ];
    Ok(groups
        .iter()
        .filter(|(_, applies)| *applies)
        .map(|(group, _)| *group)
        .collect())
}

/// Every measure, with its Chinese (`labels().housingMeasure`).
pub const MEASURES: [(&str, &str); 3] = [
    ("repair", "C级危房维修加固"),
    ("rebuild", "D级危房拆除重建"),
    ("seismic", "地震高烈度设防地区农房抗震改造"),
];

fn measure_label(measure: &str) -> &'static str {
    MEASURES
        .iter()
        .find(|(id, _)| *id == measure)
        .map_or("", |(_, label)| label)
}

impl HousingFigures {
    /// Whether the protected groups decide something: the household is in none, or its house
    /// needs work (appraised C or D, registered unsafe, or renovated against earthquakes).
    fn groups_decide(&self) -> bool {
        let graded = matches!(self.appraisal, Some(Appraisal::C | Appraisal::D));
        !self.urban
            && (self.groups.is_empty() || graded || self.unsecured || self.measure.is_some())
    }
}

impl HouseholdProgramme for HousingFigures {
    const COLUMNS: ColumnNotes = ColumnNotes::yearly(Some("in kind"));

    fn compute(h: &Household<'_>, a: &Assistance, r: &mut Reader<'_>) -> Result<Self> {
        let urban = h.area == Area::Urban;
        let mut f = HousingFigures {
            groups: Vec::new(),
            appraisal: h.housing_appraisal,
            seismic_zone: false,
            measure: None,
            subsidy: Money::ZERO,
            urban,
            unsecured: !h.guarantees.housing,
        };
        if urban {
            return Ok(f);
        }
        a.rest_on_them(r)?;
        f.groups = protected_groups(h, a)?;
        f.seismic_zone = r.count(&p::HOUSING_SEISMIC_ZONE)? == 1;
        if f.groups.is_empty() {
            return Ok(f);
        }
        let (measure, spec) = match h.housing_appraisal {
            Some(Appraisal::C) => ("repair", &p::HOUSING_SUBSIDY_REPAIR),
            Some(Appraisal::D) => ("rebuild", &p::HOUSING_SUBSIDY_REBUILD),
            Some(Appraisal::A | Appraisal::B) if f.seismic_zone => {
                ("seismic", &p::HOUSING_SUBSIDY_SEISMIC)
            }
            _ => return Ok(f),
        };
        f.measure = Some(measure);
        f.subsidy = r.money(spec)?;
        Ok(f)
    }

    fn amounts(&self) -> Result<Amounts> {
        let eligible = self.measure.is_some() && !self.subsidy.is_zero();
        Ok(Amounts {
            annual: eligible.then_some(self.subsidy),
            other_annual: if eligible { self.subsidy } else { Money::ZERO },
            ..Amounts::verdict(eligible)
        })
    }

    /// What the steps cite: 二(三) for an urban household and for who is protected (when that
    /// decides), 三(八) for the renovation of a rural house.
    fn citations(&self) -> Citations {
        let mut c = Citations::default();
        c.add_if(self.urban || self.groups_decide(), "二(三)");
        c.add_if(!self.urban, "三(八)");
        c
    }

    fn assumptions(&self) -> Assumptions {
        let mut a = Assumptions::default();
        a.add_if(self.groups_decide(), rules::HOUSING_GROUPS);
        let graded = matches!(self.appraisal, Some(Appraisal::C | Appraisal::D));
        a.add_if(self.measure.is_some(), rules::HOUSING_IN_KIND);
        a.add_if(
            !self.urban && graded && !self.groups.is_empty(),
            rules::HOUSING_APPRAISAL_GRADES,
        );
        a
    }

    fn why(&self) -> Why {
        why![match self.measure {
            _ if self.urban => Reason::HousingUrban,
            Some(_) => Reason::HousingSubsidy,
            None if self.appraisal.is_none() && self.unsecured => Reason::HousingNotAppraised,
            None if self.groups.is_empty() => Reason::HousingNotProtected,
            None => Reason::HousingNoRenovation,
        }]
    }

    fn explain(&mut self, _: &Household<'_>, _: &Assistance, e: &mut Explanation) {
        if self.urban {
            e.step(
                rules::HOUSING_RURAL,
                "城市家庭：不属农村危房改造范围。".to_string(),
                None,
            );
            e.reason(Reason::HousingUrban.text());
            return;
        }
        let text = if self.groups.is_empty() {
            "不是监测户、低保户、特困户或脱贫户：不属农村住房安全保障对象。".to_string()
        } else {
            format!("属农村住房安全保障对象：{}。", groups::labels(&self.groups))
        };
        if self.groups_decide() {
            e.step(rules::HOUSING_GROUPS, text, None);
        }
        let appraisal = match self.appraisal {
            Some(a) => format!("房屋安全性鉴定为{}", a.label()),
            None => "未录入房屋安全性鉴定等级".to_string(),
        };
        let text = match self.measure {
            Some(m) => format!(
                "{appraisal}{}：{}，补助 {} 元（一次性，专用于房屋改造）。",
                if m == "seismic" {
                    "，所在地区为地震高烈度设防地区"
                } else {
                    ""
                },
                measure_label(m),
                self.subsidy
            ),
            // Not protected: whatever the house, no renovation subsidy of this programme.
            None if self.groups.is_empty() => {
                format!("{appraisal}：该户不是农村危房改造保障对象（见上），不计改造补助。")
            }
            None if self.appraisal.is_none() && self.unsecured => format!(
                "{appraisal}，登记住房安全未保障：鉴定为C级、D级危房的才计改造补助，请先鉴定。"
            ),
            None if self.appraisal.is_none() => {
                format!("{appraisal}，登记住房安全有保障：不计改造补助。")
            }
            None => format!("{appraisal}：无需改造补助。"),
        };
        e.step_citing(
            rules::HOUSING_APPRAISAL,
            "三(八)",
            text,
            Some(self.subsidy.to_fen_string()),
        );
        match self.measure {
            Some(m) => {
                e.reason(format!(
                    "可申请{}补助 {} 元（验收后拨付，专用于住房）。",
                    measure_label(m),
                    self.subsidy
                ));
                e.fact(measure_label(m), self.subsidy, "元", "subsidy");
            }
            None if self.appraisal.is_none() && self.unsecured => {
                e.reason(Reason::HousingNotAppraised.text());
            }
            None if self.groups.is_empty() => e.reason(Reason::HousingNotProtected.text()),
            None => e.reason(Reason::HousingNoRenovation.text()),
        }
    }

    /// The housing alert names the measure and its subsidy.
    fn keep_for_alerts(self, kept: &mut super::ForAlerts) {
        kept.housing = Some(self);
    }
}
