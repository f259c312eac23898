//! Any text as a parameter file, and as what-if overrides: errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shared::engine;
use zhenxing::Engine;

mod shared;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(loaded) = Engine::from_parameters(text) {
        let _ = loaded.transition("2023-06-01", Some("230129"));
    }
    if let Ok(value) = zhenxing::input::parse(text, "fuzz") {
        if let Ok(what_if) = engine().with_overrides(&value) {
            let h = zhenxing::input::household::HouseholdInput::from_json(r#"{"region":"230129","members":[{"birthDate":"1950-01-01"},{"birthDate":"2015-01-01","schooling":"primary"}],"income":{"other":"3000"}}"#)
                .expect("a valid household");
            let _ = what_if.estimate(&h, "2023-06-01");
            let _ = what_if.transition("2023-06-01", Some("230129"));
        }
    }
});
