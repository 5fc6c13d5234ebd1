//! The JS API module (`veristep-api.js`): exports `verify`, and the two
//! calls that give it a kernel's BTF; nothing runs at load.

use wasm_bindgen::prelude::*;

/// `verify(text, { kernel, logLevel })`: see [`veristep_web::api`].
#[wasm_bindgen]
pub fn verify(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    veristep_web::api::verify_js(text, options)
}

/// `kernelBtfNeeded(text, { kernel })`: `"6.1"` or `"6.12"` when `verify`
/// needs `btf/linux-K.btf.gz` first, else undefined.
#[wasm_bindgen(js_name = kernelBtfNeeded)]
pub fn kernel_btf_needed(text: &str, options: JsValue) -> Result<Option<String>, JsValue> {
    veristep_web::api::kernel_btf_needed_js(text, options)
}

/// `addKernelBtf(file, bytes, why)`: the fetched file, or why it was not.
#[wasm_bindgen(js_name = addKernelBtf)]
pub fn add_kernel_btf(
    file: &str,
    bytes: Option<Vec<u8>>,
    why: Option<String>,
) -> Result<(), JsValue> {
    veristep_web::api::add_kernel_btf_js(file, bytes, why)
}

fn main() {}
