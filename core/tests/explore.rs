//! The state and worklist at any step are rebuilt by replay; they agree with
//! the recorded trace, across snapshot boundaries.

use veristep_core::explore::Exploration;
use veristep_core::insn::*;
use veristep_core::{asm, Insn, KernelVersion, Options, Program};

fn counting_loop(n: i32) -> Program {
    Program::new(vec![
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 1, 0, 0, 0),
        Insn::new(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, 1),
        Insn::new(BPF_JMP | BPF_JLT | BPF_K, 1, 0, -2, n),
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
        Insn::new(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
    ])
}

#[test]
fn every_step_of_a_callback_program_replays_to_the_recorded_insn() {
    let src = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");
    let prog = asm::parse(src).expect("parses");
    for kernel in [
        KernelVersion::V5_19,
        KernelVersion::V6_1,
        KernelVersion::V6_7,
    ] {
        let ex = Exploration::run(
            &prog,
            &Options {
                kernel,
                log_level: 2,
                trace: true,
                log_size: None,
            },
        );
        let trace = ex.outcome.trace.as_ref().expect("trace");
        assert_eq!(trace.steps.len(), ex.len());
        for (k, step) in trace.steps.iter().enumerate() {
            let s = ex.state_at(k).expect("state");
            assert_eq!(s.insn as u32, step.insn, "{:?} step {}", kernel, k);
            assert_eq!(
                s.frames.len() - 1,
                step.frame as usize,
                "{:?} step {}",
                kernel,
                k
            );
        }
    }
    // 6.1: inside the callback, the caller's reference is visible but not owned
    let ex = Exploration::run(&prog, &Options::default());
    let last = ex.state_at(ex.len() - 1).expect("state");
    assert_eq!(last.frames.len(), 2);
    assert!(last.frames[1].in_callback_fn);
    assert_eq!(last.frames[1].refs.len(), 1);
    assert_eq!(last.frames[1].refs[0].callback_ref, 0);
    assert_eq!(
        last.worklist.len(),
        1,
        "the NULL branch of the reserve waits"
    );
}

#[test]
fn steps_across_snapshots_match() {
    let prog = counting_loop(20_000);
    let ex = Exploration::run(
        &prog,
        &Options {
            log_level: 0,
            ..Options::default()
        },
    );
    let trace = ex.outcome.trace.as_ref().expect("trace");
    assert!(ex.len() > 3 * veristep_core::trace::SNAPSHOT_INTERVAL as usize);
    for k in [0, 1, 4095, 4096, 4097, 8192, 20_000, ex.len() - 1] {
        let s = ex.state_at(k).expect("state");
        assert_eq!(s.insn as u32, trace.steps[k].insn, "step {}", k);
    }
    assert!(ex.state_at(ex.len() + 1).is_none());
}

#[test]
fn walking_in_slices_gives_the_same_exploration() {
    // Across snapshot boundaries (SNAPSHOT_INTERVAL is 4096 steps) and with
    // slices that do not divide it.
    let prog = std::rc::Rc::new(counting_loop(5000));
    let opts = Options {
        kernel: KernelVersion::V6_1,
        log_level: 2,
        trace: true,
        log_size: None,
    };
    let whole = Exploration::run_shared(prog.clone(), &opts);
    let mut e = veristep_core::explore::Explorer::new(prog, &opts);
    let mut slices = 0;
    while !e.advance(777) {
        slices += 1;
        assert!(e.steps() <= whole.len());
    }
    assert!(slices > 10);
    let sliced = e.finish();
    assert_eq!(sliced.len(), whole.len());
    assert_eq!(sliced.outcome.verdict, whole.outcome.verdict);
    assert_eq!(sliced.outcome.log, whole.outcome.log);
    for step in [0, 1, 4095, 4096, 4097, 8192, whole.len()] {
        let a = sliced.state_at(step).map(|s| (s.insn, s.frames));
        let b = whole.state_at(step).map(|s| (s.insn, s.frames));
        assert_eq!(a, b, "state at step {step}");
    }
}
