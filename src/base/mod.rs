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

/// Numbers below `n` from a fixed seed (xorshift), for tests over many generated texts: the same
/// texts every run.
#[cfg(test)]
pub(crate) fn seeded(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}
