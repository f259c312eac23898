//! What an asset's class asks of its management (二(四)): 经营性 assets' 产权 and 经营管理 against loss;
//! 公益性 assets' 管护主体 and 责任; 到户类 assets the household's own; and whether the registered owner
//! fits the class.

use super::{AssetClass, Management, Work};
use crate::input::county::{label_of, AssetInput, OwnerLevel, OWNER_LEVELS};
use crate::policy::rules;

/// Who manages an asset registered under an owner that does not fit its class: not that owner.
const OWNER_TO_CHECK: &str = "产权单位（待核实）";

/// Who manages and maintains it, and whether the owner registered fits the class.
pub(super) fn manage(a: &AssetInput, class: AssetClass, w: &mut Work) -> Management {
    let fits = (class == AssetClass::Household) == (a.owner_level == OwnerLevel::Household);
    // A road registered as a household's is not the household's to maintain.
    let owner = match fits {
        true => label_of(OWNER_LEVELS, a.owner_level),
        false => OWNER_TO_CHECK,
    };
    let m = match class {
        AssetClass::Operating => Management {
            manager: owner,
            duty: "明晰产权关系，加强经营管理，合理确定资产经营方式",
            prevent: Some("防止资产流失和被侵占"),
            citation: "二(四)",
        },
        AssetClass::PublicWelfare => Management {
            manager: owner,
            duty: "落实管护主体、明确管护责任，落实责任单位和责任人",
            prevent: Some("防止闲置、损毁，做到持续发挥作用"),
            citation: "二(四)",
        },
        AssetClass::Household => Management {
            manager: "农户",
            duty: "归农户所有，由农户自行管理",
            prevent: None,
            citation: "二(四)",
        },
    };
    let rule = match class {
        AssetClass::Household => rules::ASSETS_HOUSEHOLD,
        _ => rules::ASSETS_MANAGEMENT,
    };
    w.step(rule, || {
        let prevent = m.prevent.map(|p| format!("，{p}")).unwrap_or_default();
        match class {
            // Its duty names the household already: 归农户所有，由农户自行管理.
            AssetClass::Household => format!("{}：{}{prevent}。", class.label(), m.duty),
            _ => format!("{}：由{}{}{prevent}。", class.label(), m.manager, m.duty),
        }
    });
    if !fits {
        let owner = label_of(OWNER_LEVELS, a.owner_level);
        w.finding(
            "ownerMismatch",
            "二(四)",
            format!(
                "{}登记为{}所有：{}，请核实产权归属。",
                class.label(),
                owner,
                if class == AssetClass::Household {
                    "到户类资产归农户所有"
                } else {
                    "经营性、公益性资产的产权应明确到村集体或乡、县"
                }
            ),
        );
    }
    m
}
