//! Any text as a household, through every programme on a few dates: errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::engine;
use zhenxing::input::household::HouseholdInput;
use zhenxing::input::requests::{
    CurveOptions, InsuranceFuturesClaim, MedicalClaim, MicrocreditRequest, WorkReliefProject,
};

mod shared;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let e = engine();
    // The request-shaped entry points take any JSON value.
    if let Ok(value) = zhenxing::input::parse(text, "fuzz") {
        // Explained and not: the words are written by their own code.
        for explain in [false, true] {
            if let Ok(c) = MedicalClaim::read(&value) {
                let _ = e.medical(&c, "2023-06-01", explain);
            }
            if let Ok(r) = MicrocreditRequest::read(&value) {
                let _ = e.microcredit(&r, "2023-06-01", explain);
            }
            if let Ok(c) = InsuranceFuturesClaim::read(&value) {
                let _ = e.insurance_futures(&c, "2023-06-01", explain);
            }
            if let Ok(p) = WorkReliefProject::read(&value) {
                let _ = e.work_relief(&p, "2023-06-01", explain);
            }
        }
        if let Ok(o) = CurveOptions::read(&value) {
            let _ = e.income_curve(&HouseholdInput::default(), "2023-06-01", o);
        }
        // The batch paths: the value as a list of households (or as one, in a list of one).
        let list = match value {
            zhenxing::base::json::Node::Array(items) => items,
            other => vec![other],
        };
        let _ = e.screen_many(&list, "2023-06-01");
        let _ = e.estimate_many(&list, "2026-01-01", false);
    }
    let Ok(h) = HouseholdInput::from_json(text) else { return };
    for date in ["2021-03-19", "2023-06-01", "2026-01-01"] {
        let _ = e.estimate(&h, date);
        let _ = e.screen(&h, date);
        let _ = e.monitoring(&h, date, true);
        let _ = e.monitoring(&h, date, false);
    }
    let curve = CurveOptions::read(
        &zhenxing::input::parse(r#"{ "from": "0", "to": "20000", "step": "2500" }"#, "opts").expect("valid options"),
    )
    .expect("valid options");
    let _ = e.income_curve(&h, "2023-06-01", curve);
});
