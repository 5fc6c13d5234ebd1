//! Any bytes as an ELF object: the loader must return an error or programs,
//! never panic, and whatever it returns must verify without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;
use veristep_core::elf;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(o) = elf::load(data) {
        for p in o.programs.into_iter().take(4) {
            common::check(p.program);
        }
    }
});
