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

/// A unit enum written as its id (`"marginal"`) in the module: one call to the writer with the id
/// looked up in a table, instead of serde's derived serializer (a call to the writer for each
/// variant, inlined wherever the enum is written). Natively the enum derives `Serialize`, and a
/// test (the module named second) holds each id equal to what the derive writes.
#[macro_export]
#[doc(hidden)]
macro_rules! serialize_by_id {
    ($t:ident, $test:ident { $($v:ident => $id:literal,)+ }) => {
        impl $t {
            /// The id the enum is written as.
            #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
            fn serde_id(self) -> &'static str {
                match self {
                    $($t::$v => $id,)+
                }
            }
        }
        #[cfg(target_arch = "wasm32")]
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.serde_id())
            }
        }
        #[cfg(all(test, not(target_arch = "wasm32")))]
        mod $test {
            #[test]
            fn each_id_is_what_serde_writes() {
                for (v, id) in [$((super::$t::$v, $id),)+] {
                    assert_eq!(v.serde_id(), id);
                    assert_eq!(serde_json::to_string(&v).ok(), Some(format!("\"{id}\"")));
                }
            }
        }
    };
}
pub use serialize_by_id;
