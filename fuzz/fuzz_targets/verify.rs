//! Raw instruction words: the checker never panics, in every kernel mode.
//! Input: up to 4096 instructions of 8 bytes (`Program::to_bytes`), with one
//! array map (index 0, a timer in its value). A trailing byte (the input's
//! length not a multiple of 8) picks the kernel mode; without one the number
//! of instructions picks it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use veristep_core::{Insn, MapDef, MapType, Program};

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let tail = &data[data.len() / 8 * 8..];
    let insns: Vec<Insn> = data
        .chunks_exact(8)
        .take(4096)
        .map(|c| Insn::from_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect();
    let mut prog = Program::new(insns);
    prog.maps.push(MapDef {
        timer_off: Some(0),
        ..MapDef::new("m", MapType::Array, 4, 16, 1)
    });
    let selector = tail
        .first()
        .map_or(prog.insns.len(), |&b| usize::from(b));
    common::check(prog, selector);
});
