//! The playground's state as a pure reducer (no browser in here), so the
//! stepping logic is tested natively.

use std::cell::RefCell;
use std::rc::Rc;
use veristep_core::asm::{self, Diagnostic};
use veristep_core::explore::{Exploration, Explorer, StateView};
use veristep_core::trace::EventKind;
use veristep_core::{KernelVersion, Options, Program, Verdict};

/// A verified program with what the views need beside the trace.
pub struct Run {
    pub ex: Exploration,
    /// How many steps processed each instruction.
    pub visits: Vec<u32>,
    /// The verdict of every kernel mode, for the compare strip.
    pub compare: Vec<ModeVerdict>,
    /// The plain-words story of a reference error, if the run ends in one.
    pub story: Option<String>,
    /// Byte offset of each line of the kernel log, so the log view renders
    /// only a window of lines (a level-2 log can hold millions).
    pub log_lines: Vec<u32>,
}

/// Steps walked per slice: a slice must stay well under the 100 ms a UI may
/// block. A level-2 step formats a whole state (several microseconds in wasm).
fn slice_steps(log_level: u32) -> usize {
    match log_level {
        0 => SLICE_UNITS,
        1 => SLICE_UNITS / 3,
        _ => SLICE_UNITS / 10,
    }
}

/// Work per slice, in unlogged steps (about 20-40 ms in wasm).
const SLICE_UNITS: usize = 24_000;

/// A verification under way: the shown mode with its log first, then the
/// other modes (no log) for the compare strip.
pub struct Job {
    main: Option<Explorer>,
    done: Option<Exploration>,
    others: Vec<(KernelVersion, Explorer)>,
    finished_others: Vec<(KernelVersion, Exploration)>,
    prog: Rc<Program>,
    log_level: u32,
    /// The position to open at when done (share links).
    step: Option<usize>,
    /// The shown mode's log line index, built a slice at a time.
    log_lines: Vec<u32>,
    log_scanned: usize,
}

/// Log bytes indexed per slice.
const LOG_SCAN_BYTES: usize = 4 << 20;

impl Job {
    /// Walks one slice: about [`SLICE_UNITS`] of work, where a step of the
    /// shown mode costs more when it is logged; goes on to the next
    /// explorer whenever one finishes, so a small program is done at once.
    fn slice(&mut self) {
        let mut units = SLICE_UNITS;
        let main_cost = SLICE_UNITS / slice_steps(self.log_level);
        while units > 0 {
            if let Some(ex) = self.done.as_ref().filter(|_| self.main.is_none()) {
                let log = ex.outcome.log.as_bytes();
                if self.log_scanned < log.len() {
                    let end = (self.log_scanned + LOG_SCAN_BYTES).min(log.len());
                    if self.log_scanned == 0 {
                        self.log_lines.push(0);
                    }
                    for (i, b) in log[self.log_scanned..end].iter().enumerate() {
                        let next = self.log_scanned + i + 1;
                        if *b == b'\n' && next < log.len() {
                            self.log_lines.push(next as u32);
                        }
                    }
                    self.log_scanned = end;
                    if log.len() > LOG_SCAN_BYTES {
                        return;
                    }
                    continue;
                }
            }
            if let Some(mut e) = self.main.take() {
                let before = e.steps();
                let finished = e.advance(units / main_cost);
                units = units.saturating_sub((e.steps() - before).max(1) * main_cost);
                if finished {
                    self.done = Some(e.finish());
                    // Finishing costs a little; index the log next slice.
                    if self
                        .done
                        .as_ref()
                        .is_some_and(|d| d.outcome.log.len() > LOG_SCAN_BYTES)
                    {
                        return;
                    }
                } else {
                    self.main = Some(e);
                }
            } else if let Some((k, mut e)) = self.others.pop() {
                let before = e.steps();
                let finished = e.advance(units);
                units = units.saturating_sub((e.steps() - before).max(1));
                if finished {
                    self.finished_others.push((k, e.finish()));
                } else {
                    self.others.push((k, e));
                }
            } else {
                return;
            }
        }
    }
    fn is_done(&self) -> bool {
        self.main.is_none()
            && self.others.is_empty()
            && self
                .done
                .as_ref()
                .is_none_or(|d| self.log_scanned >= d.outcome.log.len())
    }
    /// Steps walked so far, over all modes.
    fn progress(&self) -> usize {
        self.main.as_ref().map(Explorer::steps).unwrap_or(0)
            + self.done.as_ref().map(Exploration::len).unwrap_or(0)
            + self.others.iter().map(|(_, e)| e.steps()).sum::<usize>()
            + self
                .finished_others
                .iter()
                .map(|(_, e)| e.len())
                .sum::<usize>()
    }
}

/// For a reference error, the story in plain words from the state the
/// failing step saw: which instruction acquired the reference, which
/// frame owns it (`callback_ref`), and why this frame may not release
/// it or must release it.
fn reference_story(ex: &Exploration) -> Option<String> {
    let err = ex.outcome.error.as_ref()?;
    let at = err.insn?;
    let s = ex.state_at(ex.len().checked_sub(1)?)?;
    let f = s.frames.last()?;
    let whose = |owner: u8| {
        if owner == 0 {
            "frame 0 (the program's main frame)".to_string()
        } else {
            format!("frame {} (a callback)", owner)
        }
    };
    let where_ = if f.in_callback_fn {
        format!(
            "frame {}, the callback called at instruction {}",
            f.frameno, f.callsite
        )
    } else if f.frameno == 0 {
        "frame 0, the main program".to_string()
    } else {
        format!(
            "frame {}, a subprogram called at instruction {}",
            f.frameno, f.callsite
        )
    };
    if err
        .message
        .contains("reference has not been acquired before")
    {
        // The argument holding a reference this frame does not own.
        let r = f
            .regs
            .iter()
            .skip(1)
            .take(5)
            .filter(|reg| reg.ref_obj_id != 0)
            .find_map(|reg| f.refs.iter().find(|r| r.id == reg.ref_obj_id))?;
        return Some(format!(
            "Instruction {at} (in {where_}) releases reference {id}, acquired at instruction {alloc} by {owner}. \
             Since 9d9d00ac a callback may release only references it acquired itself (callback_ref = its frame): \
             bpf_loop and bpf_for_each_map_elem may run the callback many times, or never, so releasing the caller's \
             reference could free it twice.",
            id = r.id,
            alloc = r.insn,
            owner = whose(r.callback_ref),
        ));
    }
    let rest = err.message.strip_prefix("Unreleased reference id=")?;
    let id: u32 = rest.split_whitespace().next()?.parse().ok()?;
    let r = f.refs.iter().find(|r| r.id == id)?;
    Some(if f.in_callback_fn {
        format!(
            "Instruction {at} returns from {where_}, still holding reference {id}, acquired at instruction {alloc} by {owner}. \
             A callback may run many times: since 9d9d00ac every reference it acquires must be released before it returns.",
            alloc = r.insn,
            owner = whose(r.callback_ref),
        )
    } else {
        format!(
            "Instruction {at} exits {where_}, still holding reference {id}, acquired at instruction {alloc} by {owner}. \
             Every acquired reference must be released on every path before the program exits.",
            alloc = r.insn,
            owner = whose(r.callback_ref),
        )
    })
}

/// One kernel mode's verdict on the current program.
pub struct ModeVerdict {
    pub kernel: KernelVersion,
    pub verdict: Verdict,
    pub message: Option<String>,
    /// The first step at which this mode's walk differs from the shown
    /// mode's (a different instruction, or one walk ends); None: identical.
    pub diverges_at: Option<usize>,
}

/// The first index where two step sequences process different instructions.
fn first_divergence(a: &[u32], b: &[u32]) -> Option<usize> {
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => Some(i),
        None if a.len() != b.len() => Some(a.len().min(b.len())),
        None => None,
    }
}

impl Run {
    /// The views' indexes over a finished exploration and the other modes'.
    fn build(
        ex: Exploration,
        others: Vec<(KernelVersion, Exploration)>,
        log_lines: Vec<u32>,
        prog: &Program,
    ) -> Run {
        let mut visits = vec![0u32; prog.insns.len()];
        let here: Vec<u32> = ex
            .outcome
            .trace
            .as_ref()
            .map(|t| t.steps.iter().map(|s| s.insn).collect())
            .unwrap_or_default();
        for &i in &here {
            if let Some(v) = visits.get_mut(i as usize) {
                *v += 1;
            }
        }
        let compare = ALL_KERNELS
            .iter()
            .map(|k| {
                let (o, diverges_at) = match others.iter().find(|(ok, _)| ok == k) {
                    Some((_, e)) => {
                        let there: Vec<u32> = e
                            .outcome
                            .trace
                            .as_ref()
                            .map(|t| t.steps.iter().map(|s| s.insn).collect())
                            .unwrap_or_default();
                        (&e.outcome, first_divergence(&here, &there))
                    }
                    None => (&ex.outcome, None),
                };
                ModeVerdict {
                    kernel: *k,
                    verdict: o.verdict,
                    message: o.message().map(str::to_string),
                    diverges_at,
                }
            })
            .collect();
        Run {
            story: reference_story(&ex),
            ex,
            visits,
            compare,
            log_lines,
        }
    }

    /// The log line holding byte `pos` (the last line when past the end).
    pub fn line_of(&self, pos: usize) -> usize {
        self.log_lines
            .partition_point(|&s| s as usize <= pos)
            .saturating_sub(1)
    }

    /// The text of log line `i`, without its newline.
    pub fn line(&self, i: usize) -> &str {
        let log = &self.ex.outcome.log;
        let start = self
            .log_lines
            .get(i)
            .map(|&s| s as usize)
            .unwrap_or(log.len());
        let end = self
            .log_lines
            .get(i + 1)
            .map(|&s| s as usize)
            .unwrap_or(log.len());
        log.get(start..end).unwrap_or("").trim_end_matches('\n')
    }

    /// The position (state after the step) whose step wrote log line `i`:
    /// the first step whose log ends past the line's start.
    pub fn step_of_line(&self, i: usize) -> Option<usize> {
        let start = *self.log_lines.get(i)? as usize;
        let t = self.ex.outcome.trace.as_ref()?;
        let s = t.steps.partition_point(|st| st.log_pos as usize <= start);
        Some((s + 1).min(t.steps.len()))
    }
}

#[derive(Clone)]
pub struct Model {
    pub text: String,
    pub kernel: KernelVersion,
    pub log_level: u32,
    pub diagnostics: Vec<Diagnostic>,
    pub program: Option<Rc<Program>>,
    pub run: Option<Rc<Run>>,
    /// The position: the state before step `step` (`step == len`: the end).
    pub step: usize,
    /// The frame whose registers are shown (None: the current frame).
    pub frame: Option<usize>,
    /// A message at the top (e.g. a damaged share link).
    pub banner: Option<String>,
    /// The verification under way (shared by the clones a reducer makes).
    pub job: Option<Rc<RefCell<Job>>>,
    /// Counts the verifications started, so views can tell them apart.
    pub job_id: u64,
    /// Steps walked by the job so far.
    pub progress: usize,
    /// Slices walked, so each one re-renders and schedules the next.
    pub ticks: u64,
    /// The text was edited and is not verified yet (editing is debounced).
    pub dirty: bool,
}

#[derive(Clone, Debug)]
pub enum Action {
    /// A keystroke: keep the text, verify later ([`Action::Reverify`]).
    Edit(String),
    /// Verify the edited text now.
    Reverify,
    SetKernel(KernelVersion),
    SetLogLevel(u32),
    Step(i64),
    Goto(usize),
    First,
    Last,
    /// To the state after the next (or previous) step with this event.
    NextEvent(EventKind, bool),
    /// To the next visit of an instruction.
    RunToInsn(usize),
    /// To the state just after the most recent acquisition at an
    /// instruction (the acquired_refs table's alloc insn).
    GotoAcquire(usize),
    /// To where the worklist entry at this index (0 = bottom) is popped
    /// and resumed: that is its state.
    GotoPending(usize),
    SelectFrame(Option<usize>),
    Banner(Option<String>),
    /// Text, mode and step at once (share links).
    Load(String, KernelVersion, usize),
    /// Walk the verification under way by one slice.
    Tick,
    /// Stop the verification under way; the previous run stays.
    Cancel,
}

pub const ALL_KERNELS: [KernelVersion; 3] = [
    KernelVersion::V5_19,
    KernelVersion::V6_1,
    KernelVersion::V6_7,
];

impl Model {
    pub fn new(text: String, kernel: KernelVersion) -> Model {
        let mut m = Model {
            text,
            kernel,
            log_level: 2,
            diagnostics: Vec::new(),
            program: None,
            run: None,
            step: 0,
            frame: None,
            banner: None,
            job: None,
            job_id: 0,
            progress: 0,
            ticks: 0,
            dirty: false,
        };
        m.reverify();
        m
    }

    /// Parses the text and starts verifying it in the chosen mode: a [`Job`]
    /// walked in slices ([`Action::Tick`]); a small program finishes within
    /// the first slice. The previous run stays on screen until the new one
    /// is complete.
    fn reverify(&mut self) {
        match asm::parse(&self.text) {
            Ok(p) => {
                self.diagnostics.clear();
                let prog = Rc::new(p);
                let opts = Options {
                    kernel: self.kernel,
                    log_level: self.log_level,
                    trace: true,
                };
                let others = ALL_KERNELS
                    .iter()
                    .filter(|k| **k != self.kernel)
                    .map(|k| {
                        let o = Options {
                            kernel: *k,
                            log_level: 0,
                            trace: true,
                        };
                        (*k, Explorer::new(prog.clone(), &o))
                    })
                    .collect();
                self.job = Some(Rc::new(RefCell::new(Job {
                    main: Some(Explorer::new(prog.clone(), &opts)),
                    done: None,
                    others,
                    finished_others: Vec::new(),
                    prog,
                    log_level: self.log_level,
                    step: None,
                    log_lines: Vec::new(),
                    log_scanned: 0,
                })));
                self.job_id += 1;
                self.progress = 0;
                self.work();
            }
            Err(d) => {
                self.diagnostics = d;
                self.program = None;
                self.run = None;
                self.job = None;
                self.step = 0;
            }
        }
        self.frame = None;
    }

    /// Walks the job by one slice; installs the run when it is complete.
    fn work(&mut self) {
        let Some(job) = self.job.take() else { return };
        self.ticks += 1;
        // Walk a slice, or, once everything is walked, build the run's
        // indexes in a slice of their own so neither makes a long task (a
        // short walk does both at once).
        let finished = {
            let mut j = job.borrow_mut();
            if j.is_done() {
                true
            } else {
                j.slice();
                self.progress = j.progress();
                j.is_done() && j.progress() < SLICE_UNITS
            }
        };
        if !finished {
            self.job = Some(job);
            return;
        }
        // Clones of the model made while the job ran share its cell: take
        // the results out of it rather than the cell itself.
        let mut j = job.borrow_mut();
        let Some(ex) = j.done.take() else { return };
        let others = std::mem::take(&mut j.finished_others);
        let log_lines = std::mem::take(&mut j.log_lines);
        let run = Run::build(ex, others, log_lines, &j.prog);
        self.step = j.step.unwrap_or(self.step).min(run.ex.len());
        self.program = Some(j.prog.clone());
        self.run = Some(Rc::new(run));
        self.frame = None;
    }

    /// Walks slices until the verification is complete (tests).
    #[cfg(test)]
    pub fn settle(mut self) -> Model {
        while self.job.is_some() {
            self.work();
        }
        self
    }

    /// Steps walked by the verification under way, if there is one.
    pub fn busy(&self) -> Option<usize> {
        self.job.as_ref().map(|_| self.progress)
    }

    pub fn len(&self) -> usize {
        self.run.as_ref().map(|r| r.ex.len()).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The verifier's state at the current position.
    pub fn state(&self) -> Option<StateView> {
        self.run.as_ref().and_then(|r| r.ex.state_at(self.step))
    }

    /// The state one step before the current position.
    pub fn prev_state(&self) -> Option<StateView> {
        let step = self.step.checked_sub(1)?;
        self.run.as_ref().and_then(|r| r.ex.state_at(step))
    }

    /// For a reference error, the story in plain words (see
    /// [`reference_story`]); worked out once per run, not per render.
    pub fn reference_story(&self) -> Option<String> {
        self.run.as_ref()?.story.clone()
    }

    /// The instruction processed by the step at the current position.
    pub fn current_insn(&self) -> Option<usize> {
        let r = self.run.as_ref()?;
        let t = r.ex.outcome.trace.as_ref()?;
        t.steps.get(self.step).map(|s| s.insn as usize)
    }

    pub fn apply(&self, action: Action) -> Model {
        let mut m = self.clone();
        let len = m.len();
        match action {
            Action::Edit(t) => {
                m.text = t;
                m.dirty = true;
            }
            Action::Reverify => {
                if m.dirty {
                    m.dirty = false;
                    m.reverify();
                }
            }
            Action::SetKernel(k) => {
                m.kernel = k;
                m.reverify();
            }
            Action::SetLogLevel(l) => {
                m.log_level = l.min(2);
                m.reverify();
            }
            Action::Step(d) => {
                let s = m.step as i64 + d;
                m.step = s.clamp(0, len as i64) as usize;
            }
            Action::Goto(s) => m.step = s.min(len),
            Action::First => m.step = 0,
            Action::Last => m.step = len,
            Action::NextEvent(kind, forward) => {
                if let Some(s) = m.find_event(kind, forward) {
                    m.step = s;
                }
            }
            Action::RunToInsn(i) => {
                if let Some(t) = m.run.as_ref().and_then(|r| r.ex.outcome.trace.as_ref()) {
                    let from = (m.step + 1).min(t.steps.len());
                    let hit = t.steps[from..]
                        .iter()
                        .position(|s| s.insn as usize == i)
                        .map(|p| p + from)
                        .or_else(|| t.steps.iter().position(|s| s.insn as usize == i));
                    if let Some(h) = hit {
                        m.step = h;
                    }
                }
            }
            Action::GotoAcquire(i) => {
                if let Some(t) = m.run.as_ref().and_then(|r| r.ex.outcome.trace.as_ref()) {
                    let acquires = |j: usize| {
                        t.steps[j].insn as usize == i
                            && t.events_of(j).iter().any(|e| e.kind == EventKind::Acquire)
                    };
                    let upto = m.step.min(t.steps.len());
                    if let Some(j) = (0..upto)
                        .rev()
                        .find(|&j| acquires(j))
                        .or_else(|| (0..t.steps.len()).find(|&j| acquires(j)))
                    {
                        m.step = j + 1;
                    }
                }
            }
            Action::GotoPending(i) => {
                if let Some(t) = m.run.as_ref().and_then(|r| r.ex.outcome.trace.as_ref()) {
                    // LIFO: entry i is popped when the worklist first
                    // shrinks to i entries.
                    if let Some(j) =
                        (m.step..t.steps.len()).find(|&j| (t.steps[j].pending as usize) <= i)
                    {
                        m.step = j + 1;
                    }
                }
            }
            Action::SelectFrame(f) => m.frame = f,
            Action::Banner(b) => m.banner = b,
            Action::Load(text, kernel, step) => {
                m.text = text;
                m.kernel = kernel;
                m.step = 0;
                m.reverify();
                if let Some(j) = m.job.as_ref() {
                    j.borrow_mut().step = Some(step);
                } else {
                    m.step = step.min(m.len());
                }
            }
            Action::Tick => m.work(),
            Action::Cancel => {
                if m.job.take().is_some() {
                    m.banner = Some(format!(
                        "Verification cancelled after {} steps; the views show the previous run.",
                        m.progress
                    ));
                }
            }
        }
        if m.frame.is_some() {
            let frames = m.state().map(|s| s.frames.len()).unwrap_or(0);
            if m.frame.map(|f| f >= frames).unwrap_or(false) {
                m.frame = None;
            }
        }
        m
    }

    /// The position after the next (previous) step holding an event of `kind`.
    fn find_event(&self, kind: EventKind, forward: bool) -> Option<usize> {
        let t = self.run.as_ref()?.ex.outcome.trace.as_ref()?;
        let has = |i: usize| t.events_of(i).iter().any(|e| e.kind == kind);
        if forward {
            (self.step..t.steps.len()).find(|&i| has(i)).map(|i| i + 1)
        } else {
            (0..self.step.saturating_sub(1))
                .rev()
                .find(|&i| has(i))
                .map(|i| i + 1)
        }
    }
}

impl yew::Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

impl PartialEq for Model {
    fn eq(&self, o: &Model) -> bool {
        self.text == o.text
            && self.kernel == o.kernel
            && self.step == o.step
            && self.frame == o.frame
            && self.log_level == o.log_level
            && self.banner == o.banner
            && self.job_id == o.job_id
            && self.progress == o.progress
            && self.ticks == o.ticks
            && self.dirty == o.dirty
            && self.job.is_some() == o.job.is_some()
            && self.diagnostics.len() == o.diagnostics.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");

    #[test]
    fn stepping_to_the_release_shows_the_callers_reference() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        assert!(m.diagnostics.is_empty());
        let run = m.run.clone().expect("verified");
        assert_eq!(run.ex.outcome.verdict, Verdict::Rejected);
        // to the rejection
        let m = m.apply(Action::NextEvent(EventKind::Reject, true));
        assert_eq!(m.step, m.len());
        let m = m.apply(Action::Step(-1));
        let s = m.state().expect("state");
        assert_eq!(s.insn, 18, "about to call bpf_ringbuf_discard");
        let cb = s.frames.last().expect("callback frame");
        assert!(cb.in_callback_fn);
        assert_eq!(cb.refs.len(), 1);
        assert_eq!(cb.refs[0].callback_ref, 0, "owned by frame 0");
        // the compare strip: 5.19 accepts, 6.1 rejects
        assert_eq!(run.compare[0].verdict, Verdict::Accepted);
        assert_eq!(run.compare[1].verdict, Verdict::Rejected);
        // 5.19 walks on past the release that 6.1 rejects
        let at = run.compare[0].diverges_at.expect("5.19 walks differently");
        assert!(at <= m.len(), "diverges at {at}");
        assert_eq!(run.compare[1].diverges_at, None, "6.1 is the shown mode");
        // the alloc insn link goes to just after the reservation
        let r = cb.refs[0].insn as usize;
        let back = m.apply(Action::GotoAcquire(r));
        assert!(back.step < m.step);
        let t = run.ex.outcome.trace.as_ref().expect("trace");
        assert_eq!(t.steps[back.step - 1].insn as usize, r);
        let m = m.apply(Action::SetKernel(KernelVersion::V5_19));
        assert_eq!(
            m.run.as_ref().map(|r| r.ex.outcome.verdict),
            Some(Verdict::Accepted)
        );
    }

    const LOOP: &str =
        "    r1 = 0\n1:\n    r1 += 1\n    if r1 < 20000 goto 1b\n    r0 = 0\n    exit\n";

    #[test]
    fn a_long_walk_goes_in_slices_and_can_be_cancelled() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        assert!(m.busy().is_none(), "a small program finishes in one slice");
        let seed_run = m.run.clone().expect("run");
        let m = m.apply(Action::Load(LOOP.to_string(), KernelVersion::V6_1, 30_000));
        let walked = m.busy().expect("still walking");
        assert!(walked > 0 && walked <= slice_steps(2));
        assert!(Rc::ptr_eq(m.run.as_ref().expect("old run kept"), &seed_run));
        let m = m.apply(Action::Tick);
        assert!(m.busy().expect("walking") > walked);
        // cancel: the previous run stays, with a banner
        let cancelled = m.apply(Action::Cancel);
        assert!(cancelled.busy().is_none());
        assert!(cancelled.banner.is_some());
        assert!(Rc::ptr_eq(cancelled.run.as_ref().expect("kept"), &seed_run));
        // or walk on to the end: the share link's step is applied then
        let done = m.settle();
        let run = done.run.as_ref().expect("new run");
        assert_eq!(run.ex.len(), 40_003);
        assert_eq!(done.step, 30_000);
        assert_eq!(run.compare.len(), 3);
        assert!(run.compare.iter().all(|c| c.verdict == Verdict::Accepted));
    }

    #[test]
    fn a_worklist_entry_opens_where_it_is_resumed() {
        let m = Model::new(SEED.to_string(), KernelVersion::V5_19);
        // after the NULL check at insn 5 the fall-through is pushed
        let m = m.apply(Action::NextEvent(EventKind::Push, true));
        let s = m.state().expect("state");
        let entry = s.worklist.last().cloned().expect("a pending state");
        let at = m.apply(Action::GotoPending(s.worklist.len() - 1));
        assert!(at.step > m.step);
        assert_eq!(at.state().expect("state").insn, entry.insn);
        assert_eq!(
            at.state().expect("state").worklist.len(),
            s.worklist.len() - 1
        );
    }

    #[test]
    fn reference_errors_are_told_with_their_instructions() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        let story = m.reference_story().expect("a story");
        assert!(
            story.contains("Instruction 18 (in frame 1, the callback called at instruction 13) releases reference 2"),
            "{story}"
        );
        assert!(
            story.contains("acquired at instruction 4 by frame 0"),
            "{story}"
        );
        let leak = include_str!("../../tests/corpus/seed/ringbuf_leak_in_cb.s");
        let m = Model::new(leak.to_string(), KernelVersion::V6_1);
        let story = m.reference_story().expect("a story");
        assert!(
            story.contains("returns from frame 1, the callback"),
            "{story}"
        );
        assert!(
            story.contains("acquired at instruction 12 by frame 1"),
            "{story}"
        );
        // not a reference error: no story
        let m = Model::new(
            "r0 = *(u64 *)(r1 + 0)\nexit\n".to_string(),
            KernelVersion::V6_1,
        );
        assert!(m.reference_story().is_none());
    }

    #[test]
    fn edits_are_verified_on_reverify_only() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        let seed_run = m.run.clone().expect("run");
        let m = m.apply(Action::Edit("r0 = 0\nexit\n".to_string()));
        assert!(m.dirty);
        assert!(Rc::ptr_eq(m.run.as_ref().expect("kept"), &seed_run));
        let m = m.apply(Action::Reverify);
        assert!(!m.dirty);
        assert_eq!(m.len(), 2);
        // a second Reverify with nothing edited changes nothing
        let again = m.apply(Action::Reverify);
        assert!(Rc::ptr_eq(
            again.run.as_ref().expect("run"),
            m.run.as_ref().expect("run")
        ));
    }

    #[test]
    fn divergence_is_the_first_different_instruction() {
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 1, 2]), None);
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 5, 2]), Some(1));
        assert_eq!(first_divergence(&[0, 1], &[0, 1, 2]), Some(2));
    }

    #[test]
    fn log_lines_map_to_the_steps_that_wrote_them() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        let run = m.run.clone().expect("verified");
        let log = &run.ex.outcome.log;
        assert_eq!(run.log_lines.len(), log.lines().count());
        for (i, text) in log.lines().enumerate() {
            assert_eq!(run.line(i), text);
        }
        // The line "18: (85) call bpf_ringbuf_discard#133" is written by
        // the step processing instruction 18.
        let i = log
            .lines()
            .position(|l| l.starts_with("18: (85) call bpf_ringbuf_discard"))
            .expect("line of insn 18");
        let pos = run.step_of_line(i).expect("a step");
        let t = run.ex.outcome.trace.as_ref().expect("trace");
        assert_eq!(t.steps[pos - 1].insn, 18);
        assert_eq!(run.line_of(run.log_lines[i] as usize), i);
    }

    #[test]
    fn positions_stay_in_range() {
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1);
        let m = m.apply(Action::Step(-5));
        assert_eq!(m.step, 0);
        let m = m.apply(Action::Step(1_000_000));
        assert_eq!(m.step, m.len());
        let m = m.apply(Action::RunToInsn(16));
        assert_eq!(m.current_insn(), Some(16));
        let m = m
            .apply(Action::First)
            .apply(Action::NextEvent(EventKind::Push, true));
        assert!(m.step > 0);
        let back = m.apply(Action::NextEvent(EventKind::Push, false));
        assert!(back.step <= m.step);
    }

    #[test]
    fn bad_text_keeps_diagnostics_not_a_run() {
        let m = Model::new("r11 = 1\nexit".into(), KernelVersion::V6_1);
        assert!(!m.diagnostics.is_empty());
        assert!(m.run.is_none());
        assert_eq!(m.len(), 0);
        let m = m.apply(Action::Step(3));
        assert_eq!(m.step, 0);
    }
}
