//! Stepping through a finished exploration: the state and the worklist at
//! any step, rebuilt by deterministic replay from the nearest snapshot.

use crate::do_check::StepResult;
use crate::env::{Env, VErr};
use crate::outcome::Outcome;
use crate::program::Program;
use crate::state::{FuncState, RefState};
use crate::trace::SNAPSHOT_INTERVAL;
use crate::verify::{after_walk, before_walk, finish, Options};

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
    /// What the path holds that must be let go before the program ends:
    /// a `bpf_spin_lock` (the map whose value holds it), an RCU read-side
    /// section (6.12).
    pub held: Vec<Held>,
    /// Top of the LIFO last.
    pub worklist: Vec<PendingView>,
    pub processed: u64,
    pub total_states: u64,
}

/// A lock or section a path holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Held {
    /// `bpf_spin_lock()` taken on a value of this map (its name).
    SpinLock { map: String },
    /// Inside `bpf_rcu_read_lock()` (6.12).
    RcuReadLock,
    /// Inside `bpf_preempt_disable()`, this many times (6.12).
    PreemptDisabled { depth: u32 },
}

impl Held {
    fn of(env: &Env) -> Vec<Held> {
        let mut held = Vec::new();
        if env.cur.active_lock_held {
            let map = env
                .prog
                .maps
                .get(env.cur.active_lock_map as usize)
                .map(|m| m.name.clone())
                .unwrap_or_default();
            held.push(Held::SpinLock { map });
        }
        if env.cur.active_rcu_lock {
            held.push(Held::RcuReadLock);
        }
        if env.cur.active_preempt_lock > 0 {
            held.push(Held::PreemptDisabled {
                depth: env.cur.active_preempt_lock,
            });
        }
        held
    }
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
        let mut e = Explorer::new(prog, opts);
        while !e.advance(usize::MAX) {}
        e.finish()
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
            held: Held::of(&env),
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

/// An exploration under way: the same walk as [`Exploration::run`], done a
/// bounded number of steps at a time so a UI can show progress, stay
/// responsive between slices, and cancel by dropping it.
pub struct Explorer {
    env: Env,
    snapshots: Vec<Env>,
    opts: Options,
    /// Some once the walk (and the checks after it) is over.
    result: Option<Result<(), VErr>>,
}

impl Explorer {
    /// Checks the program's structure and sets up the first state, as
    /// [`verify`](crate::verify()) does; a structural error finishes at once.
    pub fn new(prog: std::rc::Rc<Program>, opts: &Options) -> Self {
        let mut env = crate::verify::new_env(prog, opts);
        env.recording = true;
        let result = before_walk(&mut env).err().map(Err);
        Explorer {
            env,
            snapshots: Vec::new(),
            opts: Options {
                trace: true,
                ..*opts
            },
            result,
        }
    }

    /// Steps processed so far.
    pub fn steps(&self) -> usize {
        self.env.step_no as usize
    }

    /// Walks at most `budget` more steps; true when the walk is over.
    pub fn advance(&mut self, budget: usize) -> bool {
        if self.result.is_some() {
            return true;
        }
        let env = &mut self.env;
        for _ in 0..budget {
            if env.step_no.is_multiple_of(SNAPSHOT_INTERVAL) {
                self.snapshots.push(snapshot(env));
            }
            match env.step() {
                Ok(StepResult::Continue) => {}
                Ok(StepResult::Done) => {
                    self.result = Some(after_walk(env));
                    return true;
                }
                Err(e) => {
                    self.result = Some(Err(e));
                    return true;
                }
            }
        }
        false
    }

    /// The finished exploration (walking to the end first if needed).
    pub fn finish(mut self) -> Exploration {
        while !self.advance(usize::MAX) {}
        let steps = self.env.step_no as usize;
        let result = self.result.unwrap_or(Ok(()));
        let outcome = finish(self.env, result, &self.opts);
        Exploration {
            outcome,
            snapshots: self.snapshots,
            steps,
        }
    }
}
