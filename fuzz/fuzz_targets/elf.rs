//! Any bytes as an ELF object: the loader must return an error or programs,
//! never panic, and whatever it returns must verify without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use veristep_core::{elf, verify, KernelVersion, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(o) = elf::load(data) {
        for p in o.programs.iter().take(4) {
            let _ = verify(
                &p.program,
                &Options {
                    kernel: KernelVersion::V6_1,
                    log_level: 1,
                    trace: false,
                },
            );
        }
    }
});
