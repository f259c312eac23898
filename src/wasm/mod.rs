//! WebAssembly bindings: convert, call the engine, convert back. No policy logic lives here.
//!
//! Inputs cross as JSON text (js/boundary.js) and are read by the same strict readers as natively;
//! results cross as JSON text too, so both builds produce the very same string.
//!
//! - [`convert`]: JS values in (strict, with paths), results and errors out;
//! - [`batches`]: arrays of households in chunks, so module memory stays flat;
//! - [`columns`]: `screenColumns`, households into typed arrays a chunk at a time;
//! - [`engine`]: the `PolicyEngine` class; [`programmes`]: its method per household programme;
//!   [`county`]: its county calls; [`functions`]: the free functions; [`types`]: TypeScript.

// The household module (feature `household-only`, `zhenxing/household`) has the household calls
// only: the constructor, the programmes, `estimate`, `screen`, `transition`, the form and parameter
// look-ups, `labels`, `policyItems`, `version`. What it leaves out is gated where it is declared.
#[cfg(not(feature = "household-only"))]
mod batches;
#[cfg(not(feature = "household-only"))]
mod columns;
mod convert;
#[cfg(not(feature = "household-only"))]
pub mod county;
pub mod engine;
pub mod functions;
pub mod programmes;
#[cfg(not(feature = "household-only"))]
pub mod register;
pub mod types;

pub use engine::PolicyEngine;

/// The module's allocator. Results are many small values (steps, labels, amounts as text): talc
/// serves them with less code and fewer instructions than the standard library's dlmalloc. The
/// module runs on one thread (no atomics), which this allocator requires.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
