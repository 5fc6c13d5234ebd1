//! The JS API module (`veristep-api.js`): exports `verify`; nothing runs at load.

use wasm_bindgen::prelude::*;

/// `verify(text, { kernel, logLevel })`: see [`veristep_web::api`].
#[wasm_bindgen]
pub fn verify(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    veristep_web::api::verify_js(text, options)
}

fn main() {}
