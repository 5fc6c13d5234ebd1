//! The JS API module (`veristep-api.js`): exports `verify`; nothing runs at load.

fn main() {
    // Keep the export linked into this binary (nothing else calls it here).
    std::hint::black_box(veristep_web::api::verify as *const ());
}
