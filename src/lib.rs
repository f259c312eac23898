//! zhenxing (振兴): Heilongjiang's 2021 implementation opinions on consolidating poverty-alleviation
//! results and linking them to rural revitalisation, as a calculation engine.
//!
//! Layers, one folder each, data flowing down (docs/architecture.md; `tests/architecture.rs` checks
//! that no layer uses one above it):
//! - bindings: `wasm` (WebAssembly, thin) and the command-line tool;
//! - [`register`]: CSV registers and their county summary;
//! - [`engine`]: parses API inputs with their paths and calls the programs;
//! - [`estimate`]: the whole household, and the alerts, rows, batches and comparisons made of it;
//! - [`programs`]: one module per policy item, pure functions, listed once in the registry;
//! - [`input`]: strict readers of every input, and the checked household;
//! - [`params`]: dated, sourced parameters by region;
//! - [`policy`]: the items of the text, the rules applied, explanations;
//! - [`base`]: money, dates, errors, JSON.
//!
//! ```
//! let engine = zhenxing::Engine::new().unwrap();
//! let status = engine.transition("2023-06-01", Some("230129")).unwrap();
//! assert_eq!(status.year, Some(3));
//! assert!(status.fund_integration_pilot); // 延寿县 is a 脱贫县, 2023 is in the first three years
//! ```

// No panic by construction outside tests: a panic in WebAssembly kills the module for the page.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )
)]
// What is public is the API; everything else says so.
#![warn(unreachable_pub, dead_code)]

pub mod base;
pub mod engine;
pub mod estimate;
pub mod input;
pub mod params;
pub mod policy;
pub mod programs;
pub mod register;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use base::error::{ErrorCode, PolicyError};
pub use engine::Engine;

/// The crate version, as the package reports it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
