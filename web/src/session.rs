//! The verifier's side of the playground: verifies in slices, keeps the
//! exploration, and answers the page's requests with rendered views (see
//! [`crate::protocol`]). Pure Rust with no browser in it: the worker binary
//! wraps it, and the native tests drive it directly.

use crate::protocol::{
    Diagnostic, FrameView, Listing, ListingRow, LogLine, LogWindow, ModeVerdict, PendingView,
    RefView, Reply, Request, Source, StateView, Summary, Target, ValueRow, View, MAX_LANDMARKS,
};
use crate::reading::read_reg;
use std::rc::Rc;
use veristep_core::disasm::{insn_note, insn_text};
use veristep_core::explore::{self, Exploration, Explorer};
use veristep_core::reason;
use veristep_core::reg_value_str;
use veristep_core::trace::EventKind;
use veristep_core::{asm, elf, KernelVersion, Options, Program, Verdict};
use veristep_core::{FuncState, SlotType};

pub const ALL_KERNELS: [KernelVersion; 3] = [
    KernelVersion::V5_19,
    KernelVersion::V6_1,
    KernelVersion::V6_7,
];

/// A verified program with what the views need beside the trace.
pub struct Run {
    /// The id of the request that verified it.
    pub id: u64,
    pub prog: Rc<Program>,
    pub log_level: u32,
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
    /// Where subprograms and callbacks start (sorted), for the listing.
    subprogs: Vec<usize>,
}

/// The program a [`Source`] names, loaded as the CLI loads it
/// (`cli/src/main.rs`): text by `asm::parse`, an object by `elf::load`.
/// Err: the message, and the diagnostics of text that does not parse.
pub fn load(source: &Source) -> Result<Program, (String, Vec<Diagnostic>)> {
    match source {
        Source::Text(text) => asm::parse(text).map_err(|ds| {
            let message = ds
                .first()
                .map(|d| format!("line {}:{}: {}", d.line, d.col, d.message))
                .unwrap_or_default();
            (message, ds.into_iter().map(Diagnostic::from).collect())
        }),
        Source::Object { bytes, program } => {
            let o = elf::load(bytes).map_err(|e| (e.to_string(), Vec::new()))?;
            o.programs
                .into_iter()
                .find(|p| p.name == *program)
                .map(|p| p.program)
                .ok_or_else(|| (format!("no program named '{program}'"), Vec::new()))
        }
    }
}

/// Where subprograms (and callbacks) start: 0 and the targets of pseudo
/// calls and function pointers, sorted.
fn subprog_starts(p: &Program) -> Vec<usize> {
    let mut v = vec![0];
    for (i, insn) in p.insns.iter().enumerate() {
        if insn.is_pseudo_call() || insn.is_pseudo_func() {
            let t = i as i64 + insn.imm as i64 + 1;
            if t >= 0 {
                v.push(t as usize);
            }
        }
    }
    v.sort_unstable();
    v.dedup();
    v
}

/// Instructions on either side of the current one in a large listing.
pub const LISTING_WINDOW: usize = 200;

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
    id: u64,
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

/// For a reference error, the story in plain words: the rejection's facts
/// (`Reason`) told from where the failing step stands (its frame, and who
/// owns each reference it holds).
fn reference_story(ex: &Exploration) -> Option<String> {
    let err = ex.outcome.error.as_ref()?;
    let at = err.insn?;
    let s = ex.state_at(ex.len().checked_sub(1)?)?;
    let f = s.frames.last()?;
    let ctx = reason::FrameContext {
        frameno: f.frameno as usize,
        callsite: f.callsite as usize,
        in_callback: f.in_callback_fn,
    };
    let story = reason::reference_story(&err.reason, at, ctx, |id| {
        f.refs
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.callback_ref as usize)
    })?;
    // 6.7: main exits while a state entering a synchronous callback still
    // waits on the worklist: this path is the one where the callback ran
    // zero times.
    let pending_callback = s.worklist.iter().find(|p| {
        p.frames
            .last()
            .is_some_and(|cb| cb.in_callback_fn && !cb.in_async_callback_fn)
    });
    Some(match (&err.reason, pending_callback) {
        (reason::Reason::UnreleasedReference { .. }, Some(p)) if f.frameno == 0 => format!(
            "{story} Linux 6.7 walks main on first as if the callback ran zero times \
             (bpf_loop may call it never): the state entering the callback at instruction {} \
             (pushed at {}) is still on the worklist, so nothing the callback does has \
             happened on this path.",
            p.insn, p.origin
        ),
        _ => story,
    })
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
        id: u64,
        ex: Exploration,
        others: Vec<(KernelVersion, Exploration)>,
        log_lines: Vec<u32>,
        prog: Rc<Program>,
        log_level: u32,
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
                    accepted: o.verdict == Verdict::Accepted,
                    message: o.message().map(str::to_string),
                    diverges_at,
                }
            })
            .collect();
        Run {
            id,
            subprogs: subprog_starts(&prog),
            prog,
            log_level,
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

/// Lines of the log sent around the position: the log view is a window
/// that follows the stepper, so a million-line log costs no more than a short one.
pub const LOG_WINDOW: usize = 120;

impl Job {
    fn new(
        id: u64,
        prog: Rc<Program>,
        kernel: KernelVersion,
        log_level: u32,
        step: Option<usize>,
    ) -> Job {
        let opts = Options {
            kernel,
            log_level,
            trace: true,
        };
        let others = ALL_KERNELS
            .iter()
            .filter(|k| **k != kernel)
            .map(|k| {
                let o = Options {
                    kernel: *k,
                    log_level: 0,
                    trace: true,
                };
                (*k, Explorer::new(prog.clone(), &o))
            })
            .collect();
        Job {
            id,
            main: Some(Explorer::new(prog.clone(), &opts)),
            done: None,
            others,
            finished_others: Vec::new(),
            prog,
            log_level,
            step,
            log_lines: Vec::new(),
            log_scanned: 0,
        }
    }
}

/// The verifier's side: at most one verification under way, and the last
/// complete run, which the page steps through.
#[derive(Default)]
pub struct Session {
    job: Option<Job>,
    run: Option<Run>,
    /// The last kernel log read, when it is what the page shows.
    log: Option<crate::logsession::LogRun>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// A verification is under way: call [`Session::tick`] again.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The last complete run.
    pub fn run(&self) -> Option<&Run> {
        self.run.as_ref()
    }

    pub fn handle(&mut self, req: Request) -> Vec<Reply> {
        match req {
            Request::Verify {
                id,
                source,
                kernel,
                log_level,
                step,
            } => match load(&source) {
                Ok(p) => {
                    self.job = Some(Job::new(id, Rc::new(p), kernel, log_level.min(2), step));
                    // A small program is done within its first slice.
                    self.tick()
                }
                Err((message, diagnostics)) => {
                    self.job = None;
                    vec![Reply::Invalid {
                        id,
                        message,
                        diagnostics,
                    }]
                }
            },
            Request::ReadLog {
                id,
                text,
                against,
                kernel,
            } => {
                self.job = None;
                let prog = match against.as_ref().map(load) {
                    Some(Ok(p)) => Some(p),
                    Some(Err((message, diagnostics))) => {
                        return vec![Reply::Invalid {
                            id,
                            message: format!("the program to compare with: {message}"),
                            diagnostics,
                        }];
                    }
                    None => None,
                };
                let run =
                    crate::logsession::LogRun::build(id, text, prog.as_ref().map(|p| (p, kernel)));
                let reply = Reply::Verified {
                    summary: run.summary(),
                    view: run.view(0),
                };
                self.log = Some(run);
                vec![reply]
            }
            Request::Cancel { id } => {
                if self.job.as_ref().is_some_and(|j| j.id == id) {
                    self.job = None;
                }
                Vec::new()
            }
            Request::Seek { run, seq, from, to }
                if self.log.as_ref().is_some_and(|l| l.id == run) =>
            {
                let Some(l) = self.log.as_ref() else {
                    return Vec::new();
                };
                let step = l.seek(from.min(l.len()), to).unwrap_or(from);
                vec![Reply::At {
                    seq,
                    view: l.view(step),
                }]
            }
            Request::Seek { run, seq, from, to } => match self.run.as_ref().filter(|r| r.id == run)
            {
                Some(r) => {
                    let step = r.seek(from.min(r.ex.len()), to).unwrap_or(from);
                    vec![Reply::At {
                        seq,
                        view: r.view(step.min(r.ex.len())),
                    }]
                }
                // A seek in a run replaced since: the page will hear of the new one.
                None => Vec::new(),
            },
        }
    }

    /// Walks the verification under way by one slice: its progress, or
    /// the finished run's summary and opening view.
    pub fn tick(&mut self) -> Vec<Reply> {
        let Some(mut job) = self.job.take() else {
            return Vec::new();
        };
        job.slice();
        if !job.is_done() {
            let steps = job.progress();
            let id = job.id;
            self.job = Some(job);
            return vec![Reply::Progress { id, steps }];
        }
        let Some(ex) = job.done.take() else {
            return Vec::new();
        };
        let run = Run::build(
            job.id,
            ex,
            std::mem::take(&mut job.finished_others),
            std::mem::take(&mut job.log_lines),
            job.prog.clone(),
            job.log_level,
        );
        let step = job.step.unwrap_or(0).min(run.ex.len());
        let reply = Reply::Verified {
            summary: run.summary(),
            view: run.view(step),
        };
        self.run = Some(run);
        vec![reply]
    }
}

impl Run {
    pub fn summary(&self) -> Summary {
        let o = &self.ex.outcome;
        Summary {
            run: self.id,
            kernel: o.kernel,
            log_level: self.log_level,
            len: self.ex.len(),
            accepted: o.verdict == Verdict::Accepted,
            message: o.message().map(str::to_string),
            error_insn: o.error_insn(),
            error_line: o
                .error_insn()
                .and_then(|i| self.prog.locs.get(i))
                .map(|l| l.line)
                .unwrap_or(0),
            explanation: o.error.as_ref().map(|e| e.explanation.clone()),
            processed: o.stats.processed,
            total_states: o.stats.total_states,
            story: self.story.clone(),
            visits: self.visits.clone(),
            compare: self.compare.clone(),
            log_lines: self.log_lines.len(),
            landmarks: self.landmarks(),
            from_log: false,
        }
    }

    fn landmarks(&self) -> Vec<Vec<usize>> {
        let mut v = vec![Vec::new(); EventKind::ALL.len()];
        if let Some(t) = self.ex.outcome.trace.as_ref() {
            for e in &t.events {
                let k = e.kind.index() as usize;
                let at = e.step as usize + 1;
                if v[k].len() < MAX_LANDMARKS && v[k].last() != Some(&at) {
                    v[k].push(at);
                }
            }
        }
        v
    }

    /// The position a [`Target`] names, looking from `from`; None: no such place.
    pub fn seek(&self, from: usize, to: Target) -> Option<usize> {
        let t = self.ex.outcome.trace.as_ref()?;
        let len = t.steps.len();
        match to {
            Target::Step(s) => Some(s.min(len)),
            Target::Event(kind, forward) => {
                let has = |i: usize| t.events_of(i).iter().any(|e| e.kind == kind);
                if forward {
                    (from..len).find(|&i| has(i)).map(|i| i + 1)
                } else {
                    (0..from.saturating_sub(1))
                        .rev()
                        .find(|&i| has(i))
                        .map(|i| i + 1)
                }
            }
            Target::Insn(insn) => {
                let start = (from + 1).min(len);
                t.steps[start..]
                    .iter()
                    .position(|s| s.insn as usize == insn)
                    .map(|p| p + start)
                    .or_else(|| t.steps.iter().position(|s| s.insn as usize == insn))
            }
            Target::Acquire(insn) => {
                let acquires = |j: usize| {
                    t.steps[j].insn as usize == insn
                        && t.events_of(j).iter().any(|e| e.kind == EventKind::Acquire)
                };
                let upto = from.min(len);
                (0..upto)
                    .rev()
                    .find(|&j| acquires(j))
                    .or_else(|| (0..len).find(|&j| acquires(j)))
                    .map(|j| j + 1)
            }
            // LIFO: entry i is popped when the worklist first shrinks to i entries.
            Target::Pending(i) => (from..len)
                .find(|&j| (t.steps[j].pending as usize) <= i)
                .map(|j| j + 1),
        }
    }

    /// The instruction the step at position `step` processes.
    pub fn insn_at(&self, step: usize) -> Option<usize> {
        let t = self.ex.outcome.trace.as_ref()?;
        t.steps.get(step).map(|s| s.insn as usize)
    }

    /// Everything the views show at a position.
    pub fn view(&self, step: usize) -> View {
        let now = self.ex.state_at(step);
        let before = step.checked_sub(1).and_then(|s| self.ex.state_at(s));
        let insn = self.insn_at(step);
        View {
            run: self.id,
            step,
            insn,
            line: insn
                .and_then(|i| self.prog.locs.get(i))
                .map(|l| l.line)
                .unwrap_or(0),
            state: now.map(|s| self.state_view(&s, before.as_ref())),
            log: self.log_window(step),
            listing: self.listing(insn.unwrap_or(0)),
            narration: self.narration(step),
        }
    }

    /// What the step before position `step` did, in plain words, built from
    /// the trace's events (never from the log text).
    pub fn narration(&self, step: usize) -> String {
        let Some(t) = self.ex.outcome.trace.as_ref() else {
            return String::new();
        };
        if step == 0 {
            return "The walk starts at instruction 0 in frame 0 with an empty worklist.".into();
        }
        let Some(done) = t.steps.get(step - 1) else {
            return String::new();
        };
        let events = t.events_of(step - 1);
        let pruned = events.iter().any(|e| e.kind == EventKind::Prune);
        let mut out: Vec<String> = Vec::new();
        for e in events {
            let sentence = match e.kind {
                EventKind::Insn => format!(
                    "Checked instruction {} in frame {}: {}.",
                    e.insn,
                    done.frame,
                    self.insn_text_checked(e.insn as usize)
                ),
                EventKind::Push => format!(
                    "The jump at {} can go either way: the other way (to {}) waits on the worklist.",
                    e.insn, e.aux
                ),
                EventKind::Pop => format!(
                    "The next pending state was taken off the worklist: the walk resumes at {} (branch from {}).",
                    e.aux, e.insn
                ),
                EventKind::Prune => format!(
                    "The state at {} is no weaker than checkpoint #{} already proven safe there, so this path is pruned.",
                    e.insn, e.aux
                ),
                EventKind::Checkpoint => format!(
                    "A checkpoint of the state at {} was stored for later pruning.",
                    e.insn
                ),
                EventKind::Call => format!(
                    "A bpf-to-bpf call entered frame {} at instruction {}.",
                    e.aux, e.insn
                ),
                EventKind::CallbackEnter => format!(
                    "The helper's callback is walked in frame {} as if the helper called it now.",
                    e.aux
                ),
                EventKind::AsyncPush => format!(
                    "An async callback at {} was queued to be verified on its own.",
                    e.aux
                ),
                EventKind::Return => format!(
                    "Frame {} returned; the caller (frame {}) resumes at {}.",
                    e.aux + 1,
                    e.aux,
                    e.insn
                ),
                EventKind::Acquire => format!(
                    "Reference id={} was acquired: every path must release it before exit.",
                    e.aux
                ),
                EventKind::Release => format!("Reference id={} was released.", e.aux),
                EventKind::PathDone if pruned => continue,
                EventKind::PathDone => {
                    "This path reached the main program's exit: it is safe.".to_string()
                }
                EventKind::Reject => "The verifier refused the program here.".to_string(),
            };
            out.push(sentence);
        }
        if out.is_empty() {
            format!("Instruction {} was checked.", done.insn)
        } else {
            out.join(" ")
        }
    }

    /// An instruction's text, or nothing for an index outside the program.
    fn insn_text_checked(&self, i: usize) -> String {
        if i < self.prog.insns.len() {
            insn_text(&self.prog, i)
        } else {
            String::new()
        }
    }

    /// The listing's rows around instruction `centre` (every row of a
    /// program of at most `2 * LISTING_WINDOW` instructions).
    pub fn listing(&self, centre: usize) -> Listing {
        let insns = &self.prog.insns;
        let n = insns.len();
        let (from, to) = if n <= 2 * LISTING_WINDOW {
            (0, n)
        } else {
            let from = centre
                .saturating_sub(LISTING_WINDOW)
                .min(n - 2 * LISTING_WINDOW);
            (from, from + 2 * LISTING_WINDOW)
        };
        let mut rows = Vec::new();
        let mut i = from;
        // do not start in the middle of a 16-byte ld_imm64
        if i > 0 && insns[i - 1].is_ld_imm64() {
            i -= 1;
        }
        while i < to {
            rows.push(ListingRow {
                insn: i,
                text: insn_text(&self.prog, i),
                subprog: i != 0 && self.subprogs.binary_search(&i).is_ok(),
                note: insn_note(&self.prog, i),
            });
            i += if insns[i].is_ld_imm64() { 2 } else { 1 };
        }
        Listing {
            from,
            to,
            total: n,
            rows,
        }
    }

    fn state_view(&self, s: &explore::StateView, prev: Option<&explore::StateView>) -> StateView {
        let frames = s
            .frames
            .iter()
            .enumerate()
            .map(|(i, f)| {
                // The same frame one step back (matched by depth and subprogram).
                let b = prev
                    .and_then(|p| p.frames.get(i))
                    .filter(|pf| pf.subprog == f.subprog && pf.callsite == f.callsite);
                self.frame_view(f, b, prev.is_some())
            })
            .collect();
        let refs = s
            .frames
            .last()
            .map(|f| {
                let before: Vec<u32> = prev
                    .and_then(|p| p.frames.last())
                    .map(|f| f.refs.iter().map(|r| r.id).collect())
                    .unwrap_or_default();
                f.refs
                    .iter()
                    .map(|r| RefView {
                        id: r.id,
                        alloc_insn: r.insn as usize,
                        owner: r.callback_ref,
                        holders: holders(&s.frames, r.id),
                        new: prev.is_some() && !before.contains(&r.id),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let worklist = s
            .worklist
            .iter()
            .map(|p| PendingView {
                insn: p.insn,
                origin: p.origin,
                frames: p
                    .frames
                    .iter()
                    .map(|f| {
                        format!(
                            "{}{}",
                            f.subprog,
                            if f.in_callback_fn {
                                "(cb)"
                            } else if f.in_async_callback_fn {
                                "(async)"
                            } else {
                                ""
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" > "),
                refs: p
                    .frames
                    .last()
                    .map(|f| f.refs.iter().map(|r| r.id).collect())
                    .unwrap_or_default(),
            })
            .collect();
        // LIFO made visible: the entry the last step pushed, or the one it popped.
        let was = prev.map(|p| p.worklist.len()).unwrap_or(s.worklist.len());
        let popped = prev
            .filter(|_| s.worklist.len() < was)
            .and_then(|p| p.worklist.last())
            .map(|p| (p.insn, p.origin));
        StateView {
            callback_unroll_depth: s.callback_unroll_depth,
            frames,
            refs,
            worklist,
            pushed: s.worklist.len() > was,
            popped,
        }
    }

    fn frame_view(&self, f: &FuncState, before: Option<&FuncState>, has_prev: bool) -> FrameView {
        let prog = &self.prog;
        let reg_text = |r: &veristep_core::RegState| {
            if r.is_init() {
                reg_value_str(prog, r)
            } else {
                String::new()
            }
        };
        let slot_text = |sl: &veristep_core::StackSlot| {
            if sl.is_spill() {
                reg_value_str(prog, &sl.spilled)
            } else {
                sl.types.iter().map(|t| t.ch()).collect()
            }
        };
        // Without a step before (position 0) nothing is marked changed; a
        // frame that was not there one step back is new throughout.
        let mut rows = Vec::new();
        for (i, r) in f.regs.iter().enumerate().filter(|(_, r)| r.is_init()) {
            let text = reg_text(r);
            let changed =
                has_prev && before.and_then(|b| b.regs.get(i)).map(reg_text) != Some(text.clone());
            rows.push(ValueRow {
                name: format!("R{i}"),
                text,
                reading: read_reg(r),
                changed,
            });
        }
        for (i, sl) in f
            .stack
            .iter()
            .enumerate()
            .filter(|(_, sl)| sl.types.iter().any(|t| *t != SlotType::Invalid))
        {
            let text = slot_text(sl);
            let changed = has_prev
                && before.and_then(|b| b.stack.get(i)).map(slot_text) != Some(text.clone());
            rows.push(ValueRow {
                name: format!("fp{}", -8 * (i as i64 + 1)),
                text,
                reading: if sl.is_spill() {
                    format!("spilled: {}", read_reg(&sl.spilled))
                } else {
                    "data".to_string()
                },
                changed,
            });
        }
        FrameView {
            frameno: f.frameno,
            subprog: f.subprog,
            callsite: f.callsite,
            in_callback_fn: f.in_callback_fn,
            in_async_callback_fn: f.in_async_callback_fn,
            callback_depth: f.callback_depth,
            // the source's name for the subprogram (`release_cb`); main is `main`
            name: if f.subprog == 0 {
                Some("main".into())
            } else {
                self.subprogs.get(f.subprog as usize).and_then(|start| {
                    prog.labels
                        .iter()
                        .find(|(_, i)| i == start)
                        .map(|(n, _)| n.clone())
                })
            },
            rows,
        }
    }

    /// The log lines around the position, each with the step that wrote it.
    pub fn log_window(&self, step: usize) -> LogWindow {
        let o = &self.ex.outcome;
        let total = self.log_lines.len();
        // Log bytes written before the position.
        let upto = if step == 0 {
            0
        } else {
            o.trace
                .as_ref()
                .and_then(|t| t.steps.get(step - 1).map(|s| s.log_pos as usize))
                .unwrap_or(0)
                .min(o.log.len())
        };
        let cur = if upto == 0 { 0 } else { self.line_of(upto - 1) };
        let from = cur.saturating_sub(LOG_WINDOW / 2);
        let to = (from + LOG_WINDOW).min(total);
        let lines = (from..to)
            .map(|i| {
                let start = self.log_lines[i] as usize;
                LogLine {
                    text: self.line(i).to_string(),
                    step: self.step_of_line(i),
                    done: start < upto,
                    current: start < upto && i == cur,
                }
            })
            .collect();
        LogWindow { from, total, lines }
    }
}

/// Which registers and spilled stack slots hold reference `id`.
fn holders(frames: &[FuncState], id: u32) -> Vec<String> {
    let mut v = Vec::new();
    for f in frames {
        for (i, reg) in f.regs.iter().enumerate() {
            if reg.ref_obj_id == id {
                v.push(format!("frame{} R{}", f.frameno, i));
            }
        }
        for (i, sl) in f.stack.iter().enumerate() {
            if sl.is_spill() && sl.spilled.ref_obj_id == id {
                v.push(format!("frame{} fp{}", f.frameno, -8 * (i as i64 + 1)));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divergence_is_the_first_different_instruction() {
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 1, 2]), None);
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 5, 2]), Some(1));
        assert_eq!(first_divergence(&[0, 1], &[0, 1, 2]), Some(2));
    }

    #[test]
    fn seeks_in_an_unknown_run_are_not_answered() {
        let mut s = Session::new();
        let r = s.handle(Request::Seek {
            run: 9,
            seq: 1,
            from: 0,
            to: Target::Step(3),
        });
        assert!(r.is_empty());
        let r = s.handle(Request::Verify {
            id: 1,
            source: Source::Text("r0 = \n".into()),
            kernel: KernelVersion::V6_1,
            log_level: 2,
            step: None,
        });
        assert!(matches!(r.as_slice(), [Reply::Invalid { id: 1, .. }]));
    }

    /// The narration says, in order, what the seed's leak does: the
    /// callback is walked, the reference is acquired inside it, and the
    /// verifier refuses at the callback's exit.
    #[test]
    fn narration_tells_the_leak_story() {
        let mut s = Session::new();
        s.handle(Request::Verify {
            id: 1,
            source: Source::Text(
                include_str!("../../tests/corpus/seed/foreach_leak_in_cb.s").into(),
            ),
            kernel: KernelVersion::V6_1,
            log_level: 1,
            step: None,
        });
        while s.busy() {
            s.tick();
        }
        let run = s.run().expect("a run");
        let all: Vec<String> = (0..=run.ex.len()).map(|i| run.view(i).narration).collect();
        assert!(all[0].starts_with("The walk starts"));
        let at = |needle: &str| all.iter().position(|n| n.contains(needle));
        let enter = at("callback is walked").expect("callback entered");
        let acquire = at("was acquired").expect("reference acquired");
        let refuse = at("refused").expect("refusal");
        assert!(enter < acquire && acquire < refuse, "{all:#?}");
        assert!(all.iter().all(|n| !n.is_empty()));
    }
}
