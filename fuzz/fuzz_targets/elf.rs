//! Any bytes as an ELF object: the loader must return an error or programs,
//! never panic, and whatever it returns must verify without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use veristep_core::elf;
use veristep_core::relo_core::KernelBtf;

#[path = "common.rs"]
mod common;

/// The 6.1 kernel's BTF: CO-RE relocations and BTF-typed programs of the
/// fuzzed object are resolved against it, as the CLI resolves them.
fn kernel() -> Option<&'static Arc<KernelBtf>> {
    static K: OnceLock<Option<Arc<KernelBtf>>> = OnceLock::new();
    K.get_or_init(|| {
        KernelBtf::from_gzip(include_bytes!("../../static/btf/linux-6.1.btf.gz"))
            .ok()
            .map(Arc::new)
    })
    .as_ref()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(o) = elf::load_named(data, "fuzz.o") {
        for p in o.programs.into_iter().take(4) {
            let prog = match kernel() {
                Some(k) if p.program.needs_kernel_btf() => match p.program.relocated(&p.name, k) {
                    Ok(r) => r,
                    Err(_) => continue,
                },
                _ => p.program,
            };
            // the object's length picks the mode: any mutation may change it
            common::check(prog, data.len());
        }
    }
});
