//! The base: what knows nothing of the policy. Exact money with one rounding rule, dates, errors
//! with codes and paths, JSON text read into a tree and written back, and small sets of bits.

pub mod bits;
pub mod bytes;
pub mod calendar;
pub mod error;
pub mod json;
pub(crate) mod json_number;
pub mod json_write;
pub mod money;
pub mod sort;
pub mod sorted_map;
pub mod typed;
