//! Native benchmarks: figures only, never pass/fail. `make bench` runs them.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use zhenxing::params::{catalogue, ParameterSet};
use zhenxing::Engine;

fn construction(c: &mut Criterion) {
    c.bench_function(
        "engine construction (parse and validate the embedded set)",
        |b| b.iter(|| black_box(Engine::new().unwrap())),
    );
}

fn lookups(c: &mut Criterion) {
    let set = ParameterSet::heilongjiang().unwrap();
    let on = zhenxing::base::calendar::parse_date("2023-06-01", "").unwrap();
    // 道里区: its own value; 依兰县: falls back to the province.
    let daoli = set.region(230102);
    let yilan = set.region(230123);
    let mut g = c.benchmark_group("parameter lookup");
    g.throughput(Throughput::Elements(1));
    g.bench_function("county value", |b| {
        b.iter(|| {
            black_box(
                set.lookup(&catalogue::DIBAO_STANDARD_RURAL, black_box(on), daoli)
                    .unwrap(),
            )
        })
    });
    g.bench_function("fallback to province", |b| {
        b.iter(|| {
            black_box(
                set.lookup(&catalogue::DIBAO_STANDARD_RURAL, black_box(on), yilan)
                    .unwrap(),
            )
        })
    });
    g.bench_function("dated series (LPR, 9 values)", |b| {
        b.iter(|| {
            black_box(
                set.lookup(&catalogue::LPR_ONE_YEAR, black_box(on), yilan)
                    .unwrap(),
            )
        })
    });
    g.finish();
}

fn transition(c: &mut Criterion) {
    let engine = Engine::new().unwrap();
    let mut g = c.benchmark_group("transition");
    g.throughput(Throughput::Elements(1));
    g.bench_function("transition(asOf, 延寿县)", |b| {
        b.iter(|| {
            black_box(
                engine
                    .transition(black_box("2023-06-01"), Some("230129"))
                    .unwrap(),
            )
        })
    });
    g.finish();
}

fn households(c: &mut Criterion) {
    let engine = Engine::new().unwrap();
    let family = zhenxing::input::household::HouseholdInput::from_json(
        r#"{"region":"230129","status":"alleviated","members":[{"birthDate":"1983-01-01","wages":"8000"},{"birthDate":"2013-01-01","schooling":"primary"},{"birthDate":"1950-01-01","disabilityGrade":2}],"income":{"business":"2000"},"events":["illness"],"rigidSpending":"9000"}"#,
    )
    .unwrap();
    let mut g = c.benchmark_group("household");
    g.throughput(Throughput::Elements(1));
    g.bench_function("monitoring", |b| {
        b.iter(|| black_box(engine.monitoring(&family, "2023-06-01", true).unwrap()))
    });
    for p in zhenxing::programs::registry::PROGRAMMES {
        g.bench_function(p.id, |b| {
            b.iter(|| black_box(engine.programme(p.id, &family, "2023-06-01", true).unwrap()))
        });
    }
    g.bench_function("estimate (every programme)", |b| {
        b.iter(|| black_box(engine.estimate(&family, "2023-06-01").unwrap()))
    });
    g.bench_function("estimate without explanation", |b| {
        b.iter(|| black_box(engine.estimate_unexplained(&family, "2023-06-01").unwrap()))
    });
    g.bench_function("screen (the register row)", |b| {
        b.iter(|| black_box(engine.screen(&family, "2023-06-01").unwrap()))
    });
    g.bench_function("estimate from JSON text", |b| {
        let text = r#"{"region":"230129","status":"alleviated","members":[{"birthDate":"1983-01-01","wages":"8000"},{"birthDate":"2013-01-01","schooling":"primary"}],"income":{"business":"2000"}}"#;
        b.iter(|| black_box(engine.estimate(&zhenxing::input::household::HouseholdInput::from_json(text).unwrap(), "2023-06-01").unwrap()))
    });
    g.finish();
}

criterion_group!(benches, construction, lookups, transition, households);
criterion_main!(benches);
