//! Any text as a household, through every programme on a few dates: errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::engine;

mod shared;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let e = engine();
    // The request-shaped entry points take any JSON value.
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        let _ = e.medical(&value, "2023-06-01");
        let _ = e.microcredit(&value, "2023-06-01");
        let _ = e.insurance_futures(&value, "2023-06-01");
        let _ = e.work_relief(&value, "2023-06-01");
        let _ = e.income_curve(&zhenxing::model::HouseholdInput::default(), "2023-06-01", &value);
        // The batch paths: the value as a list of households (or as one, in a list of one).
        let list = match value {
            serde_json::Value::Array(items) => items,
            other => vec![other],
        };
        let _ = e.screen_many(&list, "2023-06-01");
        let _ = e.estimate_many(&list, "2026-01-01", false);
    }
    let Ok(h) = zhenxing::model::household_from_json(text) else { return };
    for date in ["2021-03-19", "2023-06-01", "2026-01-01"] {
        let _ = e.estimate(&h, date);
        let _ = e.screen(&h, date);
        let _ = e.monitoring(&h, date);
        let _ = e.medical(&serde_json::json!({}), date);
    }
    let _ = e.income_curve(&h, "2023-06-01", &serde_json::json!({ "from": "0", "to": "20000", "step": "2500" }));
});
