//! The static shell's verifier (`veristep-shell.js`): `verify` for the
//! first verdict, painted before the page's wasm arrives. The JS API
//! without the kernel BTF reader, so that what a reader downloads before
//! that verdict stays small; a program that needs a kernel's BTF is left
//! to the app. Nothing runs at load.

use wasm_bindgen::prelude::*;

/// `verify(text, { kernel, logLevel })`: see [`veristep_web::api`].
#[wasm_bindgen]
pub fn verify(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    veristep_web::api::verify_shell_js(text, options)
}

fn main() {}
