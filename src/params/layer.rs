//! Values laid over a parameter's values: a portal file's over the embedded set's (`"extends"`,
//! `--params`), a what-if's over the engine's (`withOverrides`, `--set`).
//!
//! The rule (docs/parameters.md, 七): where and when the new values give the parameter a value,
//! theirs is the answer; elsewhere, and before their first date, the old values stand. "Where" is
//! the region a value names and everything in it (no region: the whole province). So a file's
//! province-wide 530 from 2024 is what every county gets from 2024, although the embedded set has
//! values for the province (230000) and for Harbin's districts that a lookup would otherwise find
//! first (a more specific region wins); and the embedded values keep answering for 2023.
//!
//! How: the old values a new value supersedes are dropped (those on or after the date from which
//! the new values answer for their region), and where an old regional value would still be found
//! first, the new answer is copied to that region at each date the new values change, so that the
//! plain lookup (most specific region first, latest date) gives the layered answer.

use super::{DatedValue, Parameter, Regions, Scope};
use chrono::NaiveDate;

/// The regions a lookup for `key` tries, most specific first, then no region.
fn candidates(key: Option<u32>, scope: Scope, regions: &Regions) -> Vec<Option<u32>> {
    let chain = match key {
        None => [None, None, None],
        Some(code) if scope == Scope::CountyOnly => [Some(code), None, None],
        Some(code) => regions
            .get(&code)
            .map_or([Some(code), None, None], |r| r.chain),
    };
    chain
        .iter()
        .flatten()
        .map(|c| Some(*c))
        .chain(std::iter::once(None))
        .collect()
}

/// Of `values` (sorted by region, then date), the one a lookup for `key` on `on` finds.
fn find<'v>(
    values: &'v [DatedValue],
    key: Option<u32>,
    on: NaiveDate,
    scope: Scope,
    regions: &Regions,
) -> Option<&'v DatedValue> {
    candidates(key, scope, regions).into_iter().find_map(|c| {
        let end = values.partition_point(|v| (v.region, v.from) <= (c, on));
        end.checked_sub(1)
            .and_then(|i| values.get(i))
            .filter(|v| v.region == c)
    })
}

impl Parameter {
    /// Lay `new` over the parameter's values (see the module's rule). Values of one region and date
    /// in `new`: the last one counts.
    pub(super) fn layer(&mut self, mut new: Vec<DatedValue>, regions: &Regions) {
        crate::base::sort::sort_by_key(&mut new, DatedValue::key);
        new.reverse();
        new.dedup_by_key(|v| v.key());
        new.reverse();
        if new.is_empty() {
            return;
        }
        let scope = self.spec.scope;
        let mut dates: Vec<NaiveDate> = new.iter().map(|v| v.from).collect();
        crate::base::sort::sort(&mut dates);
        dates.dedup();
        let mut keys: Vec<Option<u32>> = self.values.iter().map(|v| v.region).collect();
        keys.dedup();
        let mut kept = Vec::with_capacity(self.values.len());
        let mut copies = Vec::new();
        for key in keys {
            // The new values' answers for this region, at each date they change.
            let answers: Vec<(NaiveDate, &DatedValue)> = dates
                .iter()
                .filter_map(|d| find(&new, key, *d, scope, regions).map(|v| (*d, v)))
                .collect();
            let from = answers.first().map(|(d, _)| *d);
            kept.extend(
                self.values
                    .iter()
                    .filter(|v| v.region == key && from.is_none_or(|f| v.from < f))
                    .cloned(),
            );
            let mut last: Option<&DatedValue> = None;
            for (date, v) in answers {
                // A value of this very region is found first anyway; the same answer again adds
                // nothing.
                if v.region == key || last.is_some_and(|l| std::ptr::eq(l, v)) {
                    last = Some(v);
                    continue;
                }
                last = Some(v);
                copies.push(DatedValue {
                    from: date,
                    region: key,
                    ..v.clone()
                });
            }
        }
        self.values = kept;
        new.extend(copies);
        self.merge(new);
    }
}

#[cfg(test)]
mod tests {
    use crate::params::{ParameterSet, Status, Value};
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    fn value(set: &ParameterSet, on: &str, region: Option<&str>) -> String {
        let on = NaiveDate::parse_from_str(on, "%Y-%m-%d").unwrap();
        set.in_force("dibao.standard.rural", on, region)
            .unwrap()
            .1
            .value
            .display()
    }

    fn dated(from: &str, region: Option<u32>, v: i64) -> super::DatedValue {
        super::DatedValue {
            from: NaiveDate::parse_from_str(from, "%Y-%m-%d").unwrap(),
            region,
            value: Value::Decimal(Decimal::from(v)),
            source: "测试".into(),
            status: Status::Illustrative,
            note: None,
        }
    }

    #[test]
    fn a_value_without_a_region_answers_for_the_whole_province_from_its_date() {
        let mut set = ParameterSet::heilongjiang().unwrap();
        // The embedded set: 441 for the province (230000) from 2022, 625 for Harbin's districts.
        assert_eq!(value(&set, "2024-06-01", Some("230129")), "441");
        assert_eq!(value(&set, "2024-06-01", Some("230102")), "625");
        let spec = crate::params::catalogue::find("dibao.standard.rural").unwrap();
        let regions = set.regions.clone();
        let p = set.params.get_or_insert(spec).unwrap();
        p.layer(vec![dated("2024-01-01", None, 530)], &regions);
        // From 2024 everywhere, with or without a region; the embedded values before.
        for region in [
            Some("230129"),
            Some("230102"),
            Some("230100"),
            Some("230000"),
            None,
        ] {
            assert_eq!(value(&set, "2024-06-01", region), "530", "{region:?}");
        }
        assert_eq!(value(&set, "2023-06-01", Some("230129")), "441");
        assert_eq!(value(&set, "2023-06-01", Some("230102")), "625");
    }

    #[test]
    fn a_more_specific_new_value_still_wins_and_later_old_values_give_way() {
        let mut set = ParameterSet::heilongjiang().unwrap();
        let spec = crate::params::catalogue::find("dibao.standard.rural").unwrap();
        let regions = set.regions.clone();
        let p = set.params.get_or_insert(spec).unwrap();
        // The old values get a later regional value, then new values lie over them: the province
        // from 2021 and Harbin city from 2023.
        p.layer(vec![dated("2025-01-01", Some(230129), 700)], &regions);
        p.layer(
            vec![
                dated("2021-01-01", None, 500),
                dated("2023-01-01", Some(230100), 600),
            ],
            &regions,
        );
        // 2020: the embedded 2019 value; from 2021 the new province value everywhere (the old 2022
        // values and 延寿's 2025 one give way); Harbin's districts and 延寿 take Harbin's from 2023.
        assert_eq!(value(&set, "2020-06-01", Some("230129")), "334.75");
        assert_eq!(value(&set, "2022-06-01", Some("230129")), "500");
        assert_eq!(value(&set, "2022-06-01", Some("230102")), "500");
        assert_eq!(value(&set, "2026-06-01", Some("230129")), "600");
        assert_eq!(value(&set, "2026-06-01", Some("230102")), "600");
        assert_eq!(value(&set, "2026-06-01", Some("230221")), "500");
    }
}
