//! The Chinese label of every id a result uses: programmes, monitoring categories, tracks and risks,
//! schooling, household status, area, events, groups, reasons. Pages show these instead of keeping
//! maps of their own (`labels()` in the package). Each map lists its ids in the order a form or a
//! table shows them (the order of their definition), which JavaScript keeps for string keys.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use tsify::Tsify;

use crate::input::household::{
    APPRAISALS, AREAS, CAPACITIES, CARES, DISABILITY_GRADES, DISABILITY_TYPES, EVENTS,
    FIELD_LABELS, SCHOOLING, STATUSES,
};
use crate::programs::care_services::SERVICES as CARE_SERVICES;
use crate::programs::child_rehabilitation::SERVICES as REHABILITATION;
use crate::programs::dibao::Route;
use crate::programs::education::AIDS;
use crate::programs::groups::Group;
use crate::programs::monitoring::{Category, Track, RISKS};
use crate::programs::reasons::Reason;
use crate::programs::registry::{OTHER_PROGRAMMES, PROGRAMMES};
use crate::programs::transition::{Phase, MEASURES};

/// An id and its label.
type Pair = (&'static str, &'static str);

/// id → label, in the order of definition: the `i`th pair of a table, read in place (`labels()`
/// builds no list: a list built for each kind was a copy of the building code per kind).
#[derive(Clone, Copy, Debug)]
pub struct Map(
    /// The `i`th pair, `None` past the last.
    fn(usize) -> Option<Pair>,
);

impl Map {
    /// The pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = Pair> {
        (0..).map_while(self.0)
    }
    /// The label of `id`.
    pub fn get(&self, id: &str) -> Option<&'static str> {
        self.iter().find(|(i, _)| *i == id).map(|(_, l)| l)
    }
    pub fn len(&self) -> usize {
        self.iter().count()
    }
    pub fn is_empty(&self) -> bool {
        (self.0)(0).is_none()
    }
    /// The labels, in order.
    pub fn values(&self) -> impl Iterator<Item = &'static str> {
        self.iter().map(|(_, l)| l)
    }
}

impl Serialize for Map {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (id, label) in self.iter() {
            m.serialize_entry(id, label)?;
        }
        m.end()
    }
}

/// id → Chinese label, by kind.
#[derive(Clone, Copy, Debug, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    /// Every programme a result can name in `program`.
    #[tsify(type = "Record<string, string>")]
    pub program: Map,
    #[tsify(type = "Record<string, string>")]
    pub category: Map,
    #[tsify(type = "Record<string, string>")]
    pub track: Map,
    #[tsify(type = "Record<string, string>")]
    pub risk: Map,
    #[tsify(type = "Record<string, string>")]
    pub schooling: Map,
    #[tsify(type = "Record<string, string>")]
    pub status: Map,
    #[tsify(type = "Record<string, string>")]
    pub area: Map,
    #[tsify(type = "Record<string, string>")]
    pub event: Map,
    /// A member's `laborCapacity`.
    #[tsify(type = "Record<string, string>")]
    pub labor_capacity: Map,
    /// A member's `selfCare`.
    #[tsify(type = "Record<string, string>")]
    pub self_care: Map,
    /// A member's `disabilityGrade` ("1" to "4").
    #[tsify(type = "Record<string, string>")]
    pub disability_grade: Map,
    /// A child's `care`: 孤儿（集中养育、社会散居）、事实无人抚养儿童.
    #[tsify(type = "Record<string, string>")]
    pub care: Map,
    /// A member's `disabilityType`.
    #[tsify(type = "Record<string, string>")]
    pub disability_type: Map,
    /// Every alert an estimate can raise (`alerts[].id`).
    #[tsify(type = "Record<string, string>")]
    pub alert: Map,
    /// The house's `appraisal` (A to D).
    #[tsify(type = "Record<string, string>")]
    pub appraisal: Map,
    /// Every field of a household and a member (`birthDate` → 出生日期), for messages at a field.
    #[tsify(type = "Record<string, string>")]
    pub field: Map,
    /// The groups a result names (`groups`, a 加发's `group`): 低保对象, 重度残疾人 ….
    #[tsify(type = "Record<string, string>")]
    pub group: Map,
    /// Every reason id a result gives in `why`, with its fixed sentence.
    #[tsify(type = "Record<string, string>")]
    pub reason: Map,
    /// How 低保 reached the household (`route` of a 低保 result).
    #[tsify(type = "Record<string, string>")]
    pub route: Map,
    /// Why a programme changed in a comparison (`why` of `compare`, `compareDates`, `compareMany`).
    #[tsify(type = "Record<string, string>")]
    pub change: Map,
    /// A student's aids (`education`'s `students[].aids[].id`): 营养改善计划, 雨露计划 ….
    #[tsify(type = "Record<string, string>")]
    pub aid: Map,
    /// A member's care services (`careServices`' `members[].services[].id`).
    #[tsify(type = "Record<string, string>")]
    pub service: Map,
    /// A child's rehabilitation services (`childRehabilitation`'s `children[].services[].id`).
    #[tsify(type = "Record<string, string>")]
    pub rehabilitation: Map,
    /// Where a date falls in the transition period (`transition.phase`).
    #[tsify(type = "Record<string, string>")]
    pub phase: Map,
    /// The measures in force (`transition()`'s `measures[].id`).
    #[tsify(type = "Record<string, string>")]
    pub measure: Map,
    /// 住房安全's measure (`housing`'s `measure`): 维修加固, 拆除重建, 抗震改造.
    #[tsify(type = "Record<'repair' | 'rebuild' | 'seismic', string>")]
    pub housing_measure: Map,
    /// How hard 临时救助 finds the household's difficulty (`temporary`'s `severity`).
    #[tsify(type = "Record<'general' | 'severe', string>")]
    pub severity: Map,
    /// The care standard of a 特困 member (`tekun`'s `members[].careLevel`): 全自理, 半护理, 全护理.
    #[tsify(type = "Record<'full' | 'partial' | 'none', string>")]
    pub care_level: Map,
    /// What each household programme's `annual` is: cash or not, in `totalAnnual` or not.
    #[tsify(type = "Record<ProgramId, string>")]
    pub amount: Map,
    /// The ids beside the programmes' in `usedBy` (the parts of an estimate that are not
    /// programmes: `transition` 过渡期, `alerts` 需关注事项) and a comparison's `total` row.
    #[tsify(type = "Record<'transition' | 'alerts' | 'total', string>")]
    pub part: Map,
}

/// Every label.
pub fn labels() -> Labels {
    Labels {
        program: Map(|i| match PROGRAMMES.get(i) {
            Some(p) => Some((p.id, p.label)),
            None => OTHER_PROGRAMMES
                .get(i.checked_sub(PROGRAMMES.len())?)
                .copied(),
        }),
        category: Map(|i| Category::ALL.get(i).map(|c| (c.as_str(), c.label()))),
        track: Map(|i| Track::ALL.get(i).map(|t| (t.as_str(), t.label()))),
        risk: Map(|i| RISKS.get(i).copied()),
        schooling: Map(|i| SCHOOLING.get(i).map(|(id, s)| (*id, s.label()))),
        status: Map(|i| STATUSES.get(i).map(|(id, s)| (*id, s.label()))),
        area: Map(|i| AREAS.get(i).map(|(id, a)| (*id, a.label()))),
        event: Map(|i| EVENTS.get(i).map(|(id, e)| (*id, e.label()))),
        labor_capacity: Map(|i| CAPACITIES.get(i).map(|(id, c)| (*id, c.labor_label()))),
        self_care: Map(|i| CAPACITIES.get(i).map(|(id, c)| (*id, c.self_care_label()))),
        disability_grade: Map(|i| DISABILITY_GRADES.get(i).copied()),
        care: Map(|i| CARES.get(i).map(|(id, c)| (*id, c.label()))),
        disability_type: Map(|i| DISABILITY_TYPES.get(i).map(|(id, d)| (*id, d.label()))),
        alert: Map(|i| {
            crate::estimate::alerts::ALERTS
                .get(i)
                .map(|(id, label, _)| (*id, *label))
        }),
        appraisal: Map(|i| APPRAISALS.get(i).map(|(id, a)| (*id, a.label()))),
        field: Map(|i| FIELD_LABELS.get(i).copied()),
        group: Map(|i| Group::ALL.get(i).map(|g| (g.id(), g.label()))),
        reason: Map(|i| Reason::ALL.get(i).map(|r| (r.id(), r.text()))),
        route: Map(|i| Route::ALL.get(i).map(|r| (r.as_str(), r.label()))),
        change: Map(|i| crate::estimate::compare::CHANGE_REASONS.get(i).copied()),
        aid: Map(|i| AIDS.get(i).map(|(id, label, _)| (*id, *label))),
        service: Map(|i| CARE_SERVICES.get(i).map(|(id, label, _)| (*id, *label))),
        rehabilitation: Map(|i| REHABILITATION.get(i).map(|(id, label, _)| (*id, *label))),
        phase: Map(|i| Phase::ALL.get(i).copied()),
        measure: Map(|i| MEASURES.get(i).map(|(id, label, _)| (*id, *label))),
        housing_measure: Map(|i| crate::programs::housing::MEASURES.get(i).copied()),
        severity: Map(|i| crate::programs::temporary::SEVERITIES.get(i).copied()),
        care_level: Map(|i| crate::programs::tekun::CARE_LEVELS.get(i).copied()),
        amount: Map(|i| crate::programs::registry::AMOUNT_NOTES.get(i).copied()),
        part: Map(|i| match crate::estimate::PARTS.get(i) {
            Some(p) => Some(*p),
            None => (i == crate::estimate::PARTS.len()).then_some(crate::estimate::compare::TOTAL),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_a_label() {
        let l = labels();
        assert_eq!(l.program.len(), PROGRAMMES.len() + OTHER_PROGRAMMES.len());
        assert_eq!(l.program.get("dibao"), Some("最低生活保障"));
        assert_eq!(l.category.get("suddenHardship"), Some("突发严重困难户"));
        assert_eq!(l.schooling.len(), SCHOOLING.len());
        assert!(l.risk.values().all(|v| !v.is_empty()));
        assert_eq!(l.labor_capacity.get("partial"), Some("部分丧失劳动能力"));
        assert_eq!(l.self_care.get("none"), Some("完全丧失生活自理能力"));
        assert_eq!(l.disability_grade.len(), 4);
        assert_eq!(l.reason.len(), Reason::ALL.len());
        assert_eq!(l.group.get("severeDisability"), Some("重度残疾人"));
        // In the order of definition, which the page shows: rural first, as the form lists them.
        let areas: Vec<&str> = l.area.iter().map(|(id, _)| id).collect();
        assert_eq!(areas, ["rural", "urban"]);
        assert_eq!(l.route.get("singlePerson"), Some("单人户"));
        assert_eq!(l.aid.get("yulu"), Some("雨露计划"));
        assert_eq!(l.service.len(), 2);
        assert_eq!(l.rehabilitation.get("devices"), Some("辅助器具适配"));
        assert_eq!(l.phase.get("after"), Some("过渡期后（常态化帮扶）"));
        assert_eq!(
            l.measure.get("villageExpress"),
            Some("有条件的建制村实现“村村通快递”")
        );
        assert_eq!(l.housing_measure.get("rebuild"), Some("D级危房拆除重建"));
        assert_eq!(l.care_level.get("partial"), Some("半护理"));
        // Every id the figures serialise has its words.
        use crate::programs::temporary::Severity;
        for s in [Severity::General, Severity::Severe] {
            let json = serde_json::to_string(&s).unwrap();
            assert!(l.severity.get(json.trim_matches('"')).is_some(), "{json}");
        }
        for c in crate::input::household::CAPACITIES.iter().map(|(id, _)| id) {
            assert!(l.care_level.get(c).is_some(), "{c}");
        }
        for p in [Phase::Before, Phase::Transition, Phase::After] {
            let json = serde_json::to_string(&p).unwrap();
            assert!(l.phase.get(json.trim_matches('"')).is_some(), "{json}");
        }
        assert_eq!(
            l.change.get("periodEnded"),
            Some(crate::estimate::compare::reason_label("periodEnded"))
        );
        assert_eq!(l.part.get("transition"), Some("过渡期"));
        assert_eq!(l.part.get("alerts"), Some("需关注事项"));
        assert_eq!(l.part.get("total"), Some("现金帮扶合计"));
        for r in Route::ALL {
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }
}
