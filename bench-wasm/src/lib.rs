//! The benchmark workload of `core/benches/verify.rs`, exported with a C ABI
//! so that a plain `WebAssembly.instantiate` in Node can time it (no
//! bindings needed). Timing happens in JavaScript: wasm32 has no clock.

use std::cell::RefCell;
use veristep_core::explore::Exploration;
use veristep_core::insn::*;
use veristep_core::{verify, Insn, Options, Program};

fn counting_loop(n: i32) -> Program {
    Program::new(vec![
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 1, 0, 0, 0),
        Insn::new(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, 1),
        Insn::new(BPF_JMP | BPF_JLT | BPF_K, 1, 0, -2, n),
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
        Insn::new(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
    ])
}

fn opts(trace: bool) -> Options {
    Options {
        trace,
        log_level: 0,
        ..Options::default()
    }
}

thread_local! {
    static EXPLORATION: RefCell<Option<Exploration>> = const { RefCell::new(None) };
}

/// Verifies `counting_loop(n)`; returns the processed instruction count.
#[no_mangle]
pub extern "C" fn verify_loop(n: i32, trace: i32) -> u32 {
    let prog = counting_loop(n);
    verify(&prog, &opts(trace != 0)).stats.processed as u32
}

/// Explores `counting_loop(n)` and keeps it for `state_at`; returns the steps.
#[no_mangle]
pub extern "C" fn explore_loop(n: i32) -> u32 {
    let ex = Exploration::run(&counting_loop(n), &opts(true));
    let len = ex.len() as u32;
    EXPLORATION.with(|e| *e.borrow_mut() = Some(ex));
    len
}

/// Rebuilds the state before step `k`; returns its instruction index.
#[no_mangle]
pub extern "C" fn state_at(k: u32) -> i32 {
    EXPLORATION.with(|e| {
        e.borrow()
            .as_ref()
            .and_then(|ex| ex.state_at(k as usize))
            .map(|s| s.insn as i32)
            .unwrap_or(-1)
    })
}
