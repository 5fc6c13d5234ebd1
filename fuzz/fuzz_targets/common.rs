//! What the `verify` and `elf` targets do with a program: the checker in
//! one kernel mode, chosen by the input, through the playground's path
//! (`Explorer`: a walk in slices, snapshots, states rebuilt at any step) and
//! `verify()`.
//!
//! One mode per execution, not all three: the fuzzer picks the mode as it
//! picks the instructions (its mutations flip the selector), so every mode is
//! explored while an execution costs a third. Walking all three on every input
//! held the target near 110 executions a second.
//!
//! A walk gets at most `STEP_BUDGET` steps: a loop that runs to the kernel's
//! 1M-instruction limit takes seconds per mode under the sanitizer (its
//! level-2 log is 66 MB), which would leave the fuzzer a few executions a
//! second. Walks that finish within the budget are checked completely. The
//! budget is 5,000 steps: a walk's cost grows with its length (level-2 log,
//! trace, snapshots), and with 20,000 the long inputs of a grown corpus held
//! the target near 1,200 executions a second; nothing a fuzzer finds needs
//! more steps to show than the loops of `tests/corpus/limits/`.
use std::rc::Rc;
use veristep_core::explore::Explorer;
use veristep_core::{verify, KernelVersion, Options, Program};

pub const STEP_BUDGET: usize = 5_000;

/// The kernel modes, in the order a selector byte picks them.
const MODES: [KernelVersion; 3] = [
    KernelVersion::V5_19,
    KernelVersion::V6_1,
    KernelVersion::V6_7,
];

/// Checks `prog` in the mode `selector` picks (modulo the number of modes).
pub fn check(prog: Program, selector: usize) {
    // the listing the playground and the CLI print
    let _ = veristep_core::disasm::program_text(&prog);
    let prog = Rc::new(prog);
    {
        let kernel = MODES[selector % MODES.len()];
        let opts = Options {
            kernel,
            log_level: 2,
            trace: true,
            log_size: None,
        };
        let mut ex = Explorer::new(prog.clone(), &opts);
        if !ex.advance(STEP_BUDGET) {
            return;
        }
        let run = ex.finish();
        let n = run.len();
        for step in [0, n / 2, n.saturating_sub(1), n] {
            let _ = run.state_at(step);
        }
        // the same walk without the trace, the log at level 1 (failing path only)
        let _ = verify(
            &prog,
            &Options {
                kernel,
                log_level: 1,
                trace: false,
                log_size: None,
            },
        );
    }
}
