//! What both fuzz targets use.

use std::sync::OnceLock;
use zhenxing::Engine;

/// One engine for the whole run, over the embedded default parameters.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("the default parameters load"))
}
