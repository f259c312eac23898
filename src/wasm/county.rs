//! Counties: the county profile, the 扶贫项目资产 ledger and the county's indicators.

use wasm_bindgen::prelude::*;

use super::batches::{array, chunk_json};
use super::convert::{as_of_arg, region_arg, request_call, result, string_arg, to_js, to_value};
use super::engine::PolicyEngine;
use super::types::RegionArg;
use crate::base::error::{ErrorCode, PolicyError};
use crate::input::county::{AssetInput, AssetRow, CountyIndicatorInput};
use crate::register::ledger;

#[wasm_bindgen]
impl PolicyEngine {
    /// 县级画像 on `asOf`: 脱贫县 (with exit batch), 乡村振兴重点帮扶县 status, 过渡期 phase and year,
    /// every county-level measure in force with its citation; a prefecture or the province lists its
    /// county-level units with the same flags.
    #[wasm_bindgen(unchecked_return_type = "CountyProfile")]
    pub fn county(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] region: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        let region = string_arg(&region, "region", ErrorCode::InvalidRegion)?;
        let as_of = as_of_arg(&as_of)?;
        result(self.inner.county(&region, &as_of))
    }

    /// A 扶贫项目资产 ledger (二(四)): each asset's class, management, income uses and disposal, and the
    /// ledger by class and village. A bad row is that row's error (`{ ok: false, error }`, path
    /// `[3].value`); the rest go on. `region` (a county) selects its own approval limits.
    #[wasm_bindgen(unchecked_return_type = "AssetLedger")]
    pub fn assets(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Asset[]")] list: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        if !js_sys::Array::is_array(&list) {
            return Err(to_js(PolicyError::invalid_input(
                "list",
                format!(
                    "list（资产台账）应为资产的数组，而不是{}",
                    super::convert::js_kind(&list)
                ),
            )));
        }
        let list = array(&list);
        if list.length() as usize > crate::programs::assets::MAX_ASSETS {
            return Err(to_js(PolicyError::out_of_range(
                "",
                format!(
                    "一次最多 {} 项资产（当前 {} 项），请分批",
                    crate::programs::assets::MAX_ASSETS,
                    list.length()
                ),
            )));
        }
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        let (text, bad) = chunk_json(&list, 0, list.length())?;
        let node = crate::input::parse(&text, "资产台账").map_err(to_js)?;
        let mut rows: Vec<AssetRow> = node
            .as_array()
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .map(|(i, n)| AssetInput::read_row(n).under(&format!("[{i}]")))
            .collect();
        for (i, path, message) in bad {
            if let Some(row) = rows.get_mut(i) {
                *row = AssetRow::from(PolicyError::invalid_input(
                    crate::base::error::join_path(&format!("[{i}]"), &path),
                    message,
                ));
            }
        }
        result(self.inner.assets_rows(rows, &as_of, region.as_deref()))
    }

    /// A 扶贫项目资产 ledger from the text of a CSV file, read as the command-line tool's `assets`
    /// reads it: columns in English or Chinese (`资产编号`, `资产类型` …), values as ids or as the
    /// words results show (`光伏电站`); a bad row is its error, its message starting with its line
    /// (`第 3 行：…`). A GBK file is handed over as `new TextDecoder('gbk').decode(bytes)`.
    #[wasm_bindgen(js_name = assetsText, unchecked_return_type = "AssetLedger")]
    pub fn assets_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
        region: Option<RegionArg>,
    ) -> Result<JsValue, JsValue> {
        let text = string_arg(&text, "text", ErrorCode::InvalidInput)?;
        let as_of = as_of_arg(&as_of)?;
        let region = region_arg(region)?;
        // Read as a register is (`Cursor<Vec<u8>>`): one copy of the CSV reader in the module.
        let input = std::io::Cursor::new(text.into_bytes());
        let read = ledger::read(input, crate::register::read::UTF8).map_err(to_js)?;
        let mut l = self
            .inner
            .assets_rows(read.rows, &as_of, region.as_deref())
            .map_err(to_js)?;
        ledger::name_lines(&mut l, &read.lines);
        to_value(&l)
    }

    /// The indicators a county is assessed on (一(三), 五(十四), 七(二十三)): income growth against
    /// the province, monitored households and risk elimination, 应保尽保 gaps, cash support.
    #[wasm_bindgen(js_name = countyIndicators, unchecked_return_type = "CountyIndicators")]
    pub fn county_indicators(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CountyIndicatorInput")] input: JsValue,
        #[wasm_bindgen(js_name = asOf, unchecked_param_type = "string")] as_of: JsValue,
    ) -> Result<JsValue, JsValue> {
        request_call(
            &input,
            "县级指标",
            &as_of,
            CountyIndicatorInput::read,
            |i, d| self.inner.county_indicators(i, d),
        )
    }
}
