//! A workload to profile (`valgrind --tool=callgrind target/release/examples/profile screen 2000`):
//! one call repeated on the benchmark household. Figures come from `make bench`, not from here.
use std::hint::black_box;
use zhenxing::input::household::HouseholdInput;
use zhenxing::Engine;

fn main() {
    let mut args = std::env::args().skip(1);
    let what = args.next().unwrap_or_else(|| "screen".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let engine = Engine::new().expect("the embedded parameters load");
    let family = HouseholdInput::from_json(
        r#"{"region":"230129","status":"alleviated","members":[{"birthDate":"1983-01-01","wages":"8000"},{"birthDate":"2013-01-01","schooling":"primary"},{"birthDate":"1950-01-01","disabilityGrade":2}],"income":{"business":"2000"},"events":["illness"],"rigidSpending":"9000"}"#,
    )
    .expect("the benchmark household reads");
    for _ in 0..n {
        match what.as_str() {
            "transition" => drop(black_box(engine.transition("2023-06-01", Some("230129")))),
            "dibao" => drop(black_box(engine.programme(
                "dibao",
                &family,
                "2023-06-01",
                true,
            ))),
            "estimate" => drop(black_box(engine.estimate(&family, "2023-06-01"))),
            _ => drop(black_box(engine.screen(&family, "2023-06-01"))),
        }
    }
}
