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
    // the object's first byte past the header picks the loader's libbpf:
    // both readers see every mutation
    let libbpf = if data.get(64).is_some_and(|b| b & 1 == 1) {
        elf::Libbpf::V1_4
    } else {
        elf::Libbpf::V1_1
    };
    let base = elf::LoadOptions {
        libbpf,
        ..elf::LoadOptions::default()
    };
    let Ok(o) = elf::load_named_with(data, "fuzz.o", &base) else {
        return;
    };
    // a loader's settings: every listed global set again, as an integer,
    // as text and out of range; an element past the end; a program's type
    // where its section gives one or none
    let tail = data.last().copied().unwrap_or(0);
    let mut opts = base.clone();
    for g in &o.rodata_globals {
        let value = match tail % 4 {
            0 => format!("{}", i64::from(tail) - 128),
            1 => "bash".to_string(),
            2 => "0x1ffffffffffffffff".to_string(),
            _ => String::from_utf8_lossy(&data[..data.len().min(24)]).into_owned(),
        };
        opts.globals.push((g.name.clone(), value));
        opts.globals.push((format!("{}[{}]", g.name, tail), "1".to_string()));
    }
    if let Some(p) = o.programs.first() {
        if let Ok(t) = veristep_core::program::ProgType::from_spec("sched_cls") {
            opts.prog_types.push((p.name.clone(), t.0, t.1));
        }
    }
    let _ = elf::load_each_with(data, "fuzz.o", &opts);
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
});
