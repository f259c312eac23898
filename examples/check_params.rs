//! Checks parameter files and lists their problems by parameter name (docs/parameters.md, 第八节).
//!
//! ```sh
//! cargo run --example check_params                  # the default set: data/params/*.toml + data/tables/*.tsv
//! cargo run --example check_params -- portal.json   # a portal's own file (full, or "extends": "heilongjiang")
//! ```
//!
//! The default set is checked first by the build (build.rs stops with every problem listed); this
//! then loads it as the engine does and lists the parameters whose latest value is older than their
//! update cycle today.

use chrono::{Days, NaiveDate};
use std::process::ExitCode;
use zhenxing::base::calendar::format_date;
use zhenxing::params::{ParameterSet, HEILONGJIANG_JSON};

fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(Days::new(days)))
        .unwrap_or_default()
}

fn check(name: &str, text: &str) -> bool {
    match ParameterSet::from_json(text) {
        Ok(set) => {
            let values: usize = set.parameters().map(|p| p.values.len()).sum();
            println!(
                "{name}：通过。{} 个参数、{values} 个取值、{} 个地区。",
                set.parameters().count(),
                set.regions().len()
            );
            let today = today();
            let mut stale = Vec::new();
            for p in set.parameters() {
                if p.spec.cycle_months == 0 || p.spec.informational {
                    continue;
                }
                let Some(latest) = p.values.iter().map(|v| v.from).max() else {
                    continue;
                };
                let due = latest.checked_add_months(chrono::Months::new(p.spec.cycle_months));
                if due.is_some_and(|due| today >= due) {
                    stale.push(format!(
                        "  {}（{}）：最近取值为 {}，更新周期 {} 个月",
                        p.spec.name,
                        p.label,
                        format_date(latest),
                        p.spec.cycle_months
                    ));
                }
            }
            if !stale.is_empty() {
                println!(
                    "截至 {}，以下参数已过更新周期，请核对当地现行标准：",
                    format_date(today)
                );
                stale.iter().for_each(|s| println!("{s}"));
            }
            true
        }
        Err(e) => {
            println!("{name}：有问题（{}）：", e.code.as_str());
            if e.problems.is_empty() {
                println!("  {}：{}", e.path, e.message);
            }
            for p in &e.problems {
                println!("  {}：{}", p.path, p.message);
            }
            false
        }
    }
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut ok = true;
    if files.is_empty() {
        ok &= check("默认参数集（data/params + data/tables）", HEILONGJIANG_JSON);
    }
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => ok &= check(file, &text),
            Err(e) => {
                println!("{file}：无法读取（{e}）");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
