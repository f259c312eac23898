//! One method per household programme of the registry: `engine.dibao(h, asOf, opts?)`, …. Their
//! TypeScript is declared beside the class (an interface merged with it), each returning its own
//! result type.

use wasm_bindgen::prelude::*;

use super::convert::{explain_arg, household_call};
use super::engine::PolicyEngine;
use super::types::OptionsArg;
use crate::programs::registry::with_household_programmes;

macro_rules! wasm_methods {
    ($($variant:ident $method:ident $id:literal $label:literal $item:literal $module:ident :: $figures:ident;)*) => {
        #[wasm_bindgen]
        impl PolicyEngine {
            $(
                #[doc = concat!($label, "（", $item, "）。")]
                #[wasm_bindgen(js_name = $id, skip_typescript)]
                pub fn $method(
                    &self,
                    h: JsValue,
                    as_of: JsValue,
                    opts: Option<OptionsArg>,
                ) -> Result<JsValue, JsValue> {
                    let explain = explain_arg(opts, true)?;
                    household_call(&self.inner, &h, &as_of, |h, d| {
                        self.inner.programme($id, h, d, explain)
                    })
                }
            )*
        }

        #[wasm_bindgen(typescript_custom_section)]
        const PROGRAMME_METHODS: &str = concat!(
            "export interface PolicyEngine {\n",
            $("  /** ", $label, "（", $item, "）。 */\n  ", $id, "(h: Household, asOf: string, opts?: CallOptions): ", stringify!($variant), "Result;\n",)*
            "}\n",
        );
    };
}
with_household_programmes!(wasm_methods);
