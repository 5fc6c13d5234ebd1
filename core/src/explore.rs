//! Stepping through a finished exploration: the state and the worklist at
//! any step, rebuilt by deterministic replay from the nearest snapshot.

use crate::env::{Env, StepResult, VErr};
use crate::mode::Rules;
use crate::outcome::Outcome;
use crate::program::Program;
use crate::state::{FuncState, RefState};
use crate::trace::SNAPSHOT_INTERVAL;
use crate::verify::{check_max_stack_depth, finish, reset_log_after_walk, structure, Options};

/// A frame as the worklist shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameSummary {
    pub frameno: u8,
    pub callsite: i32,
    pub subprog: u16,
    pub in_callback_fn: bool,
    pub in_async_callback_fn: bool,
    pub refs: Vec<RefState>,
}

impl FrameSummary {
    fn of(f: &FuncState) -> Self {
        FrameSummary {
            frameno: f.frameno,
            callsite: f.callsite,
            subprog: f.subprog,
            in_callback_fn: f.in_callback_fn,
            in_async_callback_fn: f.in_async_callback_fn,
            refs: f.refs.clone(),
        }
    }
}

/// One pending branch state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingView {
    /// Where it will resume.
    pub insn: usize,
    /// The instruction that pushed it.
    pub origin: usize,
    pub frames: Vec<FrameSummary>,
}

/// The verifier's state before a step is processed.
#[derive(Clone, Debug)]
pub struct StateView {
    pub step: usize,
    /// The instruction about to be processed.
    pub insn: usize,
    pub frames: Vec<FuncState>,
    /// 6.7: callback iterations simulated on this path.
    pub callback_unroll_depth: u32,
    /// Top of the LIFO last.
    pub worklist: Vec<PendingView>,
    pub processed: u64,
    pub total_states: u64,
}

/// A verification with its trace and the snapshots to revisit any step.
pub struct Exploration {
    pub outcome: Outcome,
    snapshots: Vec<Env>,
    steps: usize,
}

fn snapshot(env: &mut Env) -> Env {
    let log = std::mem::take(&mut env.log.buf);
    let trace = std::mem::take(&mut env.trace);
    let mut snap = env.clone();
    env.log.buf = log;
    env.trace = trace;
    snap.log.level = 0;
    snap.recording = false;
    snap
}

impl Exploration {
    /// Verifies with the trace on and keeps a snapshot every
    /// [`SNAPSHOT_INTERVAL`] steps.
    pub fn run(prog: &Program, opts: &Options) -> Self {
        Self::run_shared(std::rc::Rc::new(prog.clone()), opts)
    }

    /// As [`Exploration::run`], sharing the caller's program.
    pub fn run_shared(prog: std::rc::Rc<Program>, opts: &Options) -> Self {
        let rules = Rules::for_kernel(opts.kernel);
        let mut env = Env::new(prog, rules, opts.log_level);
        env.recording = true;
        let mut snapshots = Vec::new();
        let result: Result<(), VErr> = (|| {
            if let Err(e) = structure(&mut env) {
                env.structural_error = true;
                return Err(e);
            }
            env.start();
            loop {
                if env.step_no.is_multiple_of(SNAPSHOT_INTERVAL) {
                    snapshots.push(snapshot(&mut env));
                }
                match env.step()? {
                    StepResult::Continue => {}
                    StepResult::Done => break,
                }
            }
            reset_log_after_walk(&mut env);
            check_max_stack_depth(&mut env)?;
            Ok(())
        })();
        let steps = env.step_no as usize;
        let opts = Options {
            trace: true,
            ..*opts
        };
        let outcome = finish(env, result, &opts);
        Exploration {
            outcome,
            snapshots,
            steps,
        }
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.steps
    }
    pub fn is_empty(&self) -> bool {
        self.steps == 0
    }

    /// The state before step `step` (step == len(): the final state).
    pub fn state_at(&self, step: usize) -> Option<StateView> {
        if step > self.steps {
            return None;
        }
        let k = (step / SNAPSHOT_INTERVAL as usize).min(self.snapshots.len().checked_sub(1)?);
        let mut env = self.snapshots.get(k)?.clone();
        while (env.step_no as usize) < step {
            match env.step() {
                Ok(StepResult::Continue) => {}
                Ok(StepResult::Done) | Err(_) => break,
            }
        }
        Some(StateView {
            step,
            insn: env.insn_idx,
            frames: env.cur.frames.clone(),
            callback_unroll_depth: env.cur.callback_unroll_depth,
            worklist: env
                .head
                .iter()
                .map(|e| PendingView {
                    insn: e.insn_idx,
                    origin: e.prev_insn_idx,
                    frames: e.st.frames.iter().map(FrameSummary::of).collect(),
                })
                .collect(),
            processed: env.insn_processed,
            total_states: env.total_states,
        })
    }
}
