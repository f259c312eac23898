use super::*;
use crate::calendar::parse_date;
use crate::error::ErrorCode;
use serde_json::json;

fn d(s: &str) -> NaiveDate {
    parse_date(s, "").unwrap()
}

fn default_set() -> ParameterSet {
    ParameterSet::heilongjiang().unwrap()
}

#[test]
fn embedded_set_loads_and_has_every_catalogue_name() {
    let set = default_set();
    for spec in catalogue::ALL {
        assert!(set.parameter(spec.name).is_some(), "{}", spec.name);
    }
    assert_eq!(set.id, "heilongjiang");
}
