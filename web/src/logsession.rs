//! A run over a real kernel's log (`veristep_core::logread`): the same
//! summary and views as a walk of veristep's own, built only from what the
//! log printed. A register the log did not print at a step is absent; the
//! worklist holds the states the log later shows being resumed.

use crate::protocol::{
    FrameView, Listing, ListingRow, LogLine, LogWindow, ModeVerdict, PendingView, RefView,
    StateView, Summary, Target, ValueRow, View, MAX_LANDMARKS,
};
use crate::render::{LISTING_WINDOW, LOG_WINDOW};
use std::collections::BTreeMap;
use veristep_core::logread::{first_divergence, read_log, LogEvent, LogReading, LogVerdict};
use veristep_core::trace::EventKind;
use veristep_core::{verify, KernelVersion, Options, Program};

/// What is known of each frame's registers and stack at a position.
type Known = BTreeMap<u8, BTreeMap<String, String>>;

/// Positions between which the known values are kept whole.
const SNAPSHOT_EVERY: usize = 512;

pub struct LogRun {
    pub id: u64,
    reading: LogReading,
    /// Byte offsets of the log's lines.
    lines: Vec<(usize, usize)>,
    text: String,
    /// Known values before position `k * SNAPSHOT_EVERY`.
    snapshots: Vec<Known>,
    /// For each resumed state: (push step, pop step, from, to).
    pending: Vec<(usize, usize, usize, usize)>,
    /// veristep's verdict on the program beside the log, and where it parts.
    compare: Vec<ModeVerdict>,
    pub diverges: Option<(usize, String)>,
    kernel: KernelVersion,
}

impl LogRun {
    /// Reads `text`; with `against`, walks that program in `kernel` beside it.
    pub fn build(id: u64, text: String, against: Option<(&Program, KernelVersion)>) -> LogRun {
        let reading = read_log(&text);
        let mut lines = Vec::new();
        let mut start = 0;
        for l in text.split_inclusive('\n') {
            lines.push((start, start + l.trim_end_matches(['\n', '\r']).len()));
            start += l.len();
        }
        let mut snapshots = vec![Known::new()];
        let mut known = Known::new();
        for (i, s) in reading.steps.iter().enumerate() {
            apply(&mut known, s.before.as_ref(), true);
            apply(&mut known, s.after.as_ref(), false);
            if (i + 1) % SNAPSHOT_EVERY == 0 {
                snapshots.push(known.clone());
            }
        }
        // a pop at step p of a state pushed at `from`: pushed at the last
        // visit of `from` before p
        let mut pending = Vec::new();
        for (p, s) in reading.steps.iter().enumerate() {
            for e in &s.events {
                if let LogEvent::Pop { from, to } = e {
                    let push = reading.steps[..p]
                        .iter()
                        .rposition(|x| x.insn == *from && !x.text.is_empty())
                        .unwrap_or(0);
                    pending.push((push, p, *from, *to));
                }
            }
        }
        let (compare, diverges, kernel) = match against {
            Some((prog, kernel)) => {
                let o = verify(
                    prog,
                    &Options {
                        kernel,
                        log_level: 2,
                        trace: false,
                        log_size: None,
                    },
                );
                let ours = read_log(&o.log);
                let d = first_divergence(&reading, &ours);
                let mv = ModeVerdict {
                    kernel,
                    accepted: o.verdict == veristep_core::Verdict::Accepted,
                    message: o.message().map(str::to_string),
                    diverges_at: d.as_ref().map(|d| d.step),
                    pending: false,
                };
                (vec![mv], d.map(|d| (d.step, d.what)), kernel)
            }
            None => (Vec::new(), None, KernelVersion::V6_1),
        };
        LogRun {
            id,
            reading,
            lines,
            text,
            snapshots,
            pending,
            compare,
            diverges,
            kernel,
        }
    }

    pub fn len(&self) -> usize {
        self.reading.steps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reading.steps.is_empty()
    }

    fn line_text(&self, i: usize) -> &str {
        self.lines
            .get(i)
            .and_then(|(a, b)| self.text.get(*a..*b))
            .unwrap_or("")
    }

    pub fn summary(&self) -> Summary {
        let r = &self.reading;
        let max_insn = r.program.last().map(|x| x.0 + 1).unwrap_or(0);
        let mut visits = vec![0u32; max_insn.min(1 << 20)];
        for s in &r.steps {
            if let Some(v) = visits.get_mut(s.insn) {
                *v += 1;
            }
        }
        let verdict = match r.verdict() {
            LogVerdict::Accepted => "accepted",
            LogVerdict::Rejected => "rejected",
            LogVerdict::Unknown => "cut before its verdict",
        };
        Summary {
            run: self.id,
            kernel: self.kernel,
            log_level: 2,
            len: self.len(),
            accepted: r.verdict() == LogVerdict::Accepted,
            message: r.message.clone(),
            error_insn: r.error_insn,
            error_line: 0,
            explanation: Some(format!(
                "From the kernel's log ({} lines, {} steps): the kernel {}. These views show what the log printed; \
                 a register it did not print at a step is not shown.",
                self.lines.len(),
                self.len(),
                verdict
            )),
            processed: r.processed.unwrap_or(0),
            total_states: r.total_states.unwrap_or(0),
            story: self.diverges.as_ref().map(|(s, what)| {
                format!(
                    "veristep's {} mode parts from this log at step {s}: {what}.",
                    self.kernel.name()
                )
            }),
            visits,
            compare: self.compare.clone(),
            log_lines: self.lines.len(),
            landmarks: self.landmarks(),
            from_log: true,
            log_pending: false,
            // a log has no walk of veristep's to draw
            graph: Default::default(),
            cfg: Default::default(),
            relocations: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn kinds(&self, step: usize) -> Vec<EventKind> {
        let Some(s) = self.reading.steps.get(step) else {
            return Vec::new();
        };
        let mut k = Vec::new();
        if !s.text.is_empty() {
            k.push(EventKind::Insn);
        }
        for e in &s.events {
            k.push(match e {
                LogEvent::Pop { .. } => EventKind::Pop,
                LogEvent::Prune { .. } => EventKind::Prune,
                LogEvent::Call { .. } => EventKind::CallbackEnter,
                LogEvent::Return { .. } => EventKind::Return,
                LogEvent::Push { .. } => EventKind::Push,
            });
        }
        if step + 1 == self.len() && self.reading.verdict() == LogVerdict::Rejected {
            k.push(EventKind::Reject);
        }
        k
    }

    fn landmarks(&self) -> Vec<Vec<usize>> {
        let mut v = vec![Vec::new(); EventKind::ALL.len()];
        for step in 0..self.len() {
            for kind in self.kinds(step) {
                let k = kind.index() as usize;
                if v[k].len() < MAX_LANDMARKS {
                    v[k].push(step + 1);
                }
            }
        }
        v
    }

    /// The position a target names (the same targets as a walk's).
    pub fn seek(&self, from: usize, to: Target) -> Option<usize> {
        let n = self.len();
        match to {
            Target::Step(s) => Some(s.min(n)),
            Target::Event(kind, forward) => {
                if forward {
                    (from..n)
                        .find(|&s| self.kinds(s).contains(&kind))
                        .map(|s| s + 1)
                } else {
                    (0..from.saturating_sub(1))
                        .rev()
                        .find(|&s| self.kinds(s).contains(&kind))
                        .map(|s| s + 1)
                }
            }
            Target::Insn(i) | Target::Acquire(i) => {
                let steps = &self.reading.steps;
                (from + 1..n)
                    .chain(0..=from.min(n.saturating_sub(1)))
                    .find(|&s| steps[s].insn == i && !steps[s].text.is_empty())
            }
            Target::Pending(k) => self.worklist(from).get(k).map(|p| p.1),
        }
    }

    /// States pushed before `pos` and resumed at or after it, bottom first.
    fn worklist(&self, pos: usize) -> Vec<(usize, usize, usize, usize)> {
        let mut w: Vec<_> = self
            .pending
            .iter()
            .filter(|p| p.0 < pos && p.1 >= pos)
            .copied()
            .collect();
        w.sort_by_key(|p| p.0);
        w
    }

    fn known_at(&self, pos: usize) -> Known {
        let k = (pos / SNAPSHOT_EVERY).min(self.snapshots.len() - 1);
        let mut known = self.snapshots[k].clone();
        for s in &self.reading.steps[k * SNAPSHOT_EVERY..pos.min(self.len())] {
            apply(&mut known, s.before.as_ref(), true);
            apply(&mut known, s.after.as_ref(), false);
        }
        if let Some(s) = self.reading.steps.get(pos) {
            apply(&mut known, s.before.as_ref(), true);
        }
        known
    }

    pub fn view(&self, pos: usize) -> View {
        let pos = pos.min(self.len());
        let step = self.reading.steps.get(pos);
        let known = self.known_at(pos);
        let changed: Vec<&str> = pos
            .checked_sub(1)
            .and_then(|p| self.reading.steps.get(p))
            .and_then(|s| s.after.as_ref())
            .map(|a| a.values.iter().map(|v| v.name.as_str()).collect())
            .unwrap_or_default();
        let frame = step.and_then(|s| s.frame).unwrap_or(0);
        let state = step.map(|s| {
            let frames = known
                .iter()
                .filter(|(f, _)| **f <= frame)
                .map(|(f, vals)| FrameView {
                    frameno: *f,
                    subprog: 0,
                    callsite: -1,
                    in_callback_fn: false,
                    in_async_callback_fn: false,
                    callback_depth: 0,
                    name: Some("as logged".into()),
                    rows: vals
                        .iter()
                        .map(|(n, v)| ValueRow {
                            name: n.clone(),
                            text: v.clone(),
                            reading: "as the kernel printed it".into(),
                            changed: *f == frame && changed.contains(&n.as_str()),
                        })
                        .collect(),
                })
                .collect();
            let refs = s
                .before
                .as_ref()
                .and_then(|b| b.refs.clone())
                .or_else(|| s.after.as_ref().and_then(|a| a.refs.clone()))
                .unwrap_or_default()
                .into_iter()
                .map(|id| RefView {
                    id,
                    alloc_insn: 0,
                    owner: 0,
                    holders: Vec::new(),
                    new: false,
                })
                .collect();
            let w = self.worklist(pos);
            StateView {
                callback_unroll_depth: 0,
                held: Vec::new(),
                frames,
                refs,
                worklist: w
                    .iter()
                    .map(|p| PendingView {
                        insn: p.3,
                        origin: p.2,
                        frames: String::new(),
                        refs: Vec::new(),
                    })
                    .collect(),
                pushed: w.last().is_some_and(|p| p.0 + 1 == pos),
                popped: pos
                    .checked_sub(1)
                    .and_then(|p| self.pending.iter().find(|x| x.1 == p))
                    .map(|x| (x.3, x.2)),
            }
        });
        View {
            run: self.id,
            step: pos,
            insn: step.map(|s| s.insn),
            line: 0,
            state,
            log: self.log_window(pos),
            listing: self.listing(step.map(|s| s.insn).unwrap_or(0)),
            narration: self.narration(pos),
        }
    }

    fn narration(&self, pos: usize) -> String {
        let Some(s) = pos.checked_sub(1).and_then(|p| self.reading.steps.get(p)) else {
            return "From the kernel's log: the walk starts here.".into();
        };
        let what = if s.text.is_empty() {
            format!("the path was pruned at instruction {}", s.insn)
        } else {
            format!("instruction {}: {}", s.insn, s.text)
        };
        let mut out = format!("From the kernel's log, line {}: {}.", s.line, what);
        for e in &s.events {
            match e {
                LogEvent::Pop { from, to } => out.push_str(&format!(
                    " A pending state was resumed at {to} (branch from {from})."
                )),
                LogEvent::Call { frame } => {
                    out.push_str(&format!(" The walk entered frame {frame}."))
                }
                LogEvent::Return { to } => out.push_str(&match to {
                    Some(t) => format!(" A frame returned to its caller at {t}."),
                    None => " A frame returned to its caller.".to_string(),
                }),
                LogEvent::Prune { .. } => {}
                LogEvent::Push { to } => out.push_str(&format!(
                    " The branch left a state to resume at {to} on the worklist."
                )),
            }
        }
        if let Some((d, what)) = &self.diverges {
            if pos == d + 1 || (pos == *d && pos == self.len()) {
                out.push_str(&format!(" veristep parts from the log here: {what}."));
            }
        }
        out
    }

    fn listing(&self, centre: usize) -> Listing {
        let prog = &self.reading.program;
        let at = prog.iter().position(|(i, _)| *i >= centre).unwrap_or(0);
        let from = at.saturating_sub(LISTING_WINDOW);
        let to = (from + 2 * LISTING_WINDOW).min(prog.len());
        Listing {
            from: prog.get(from).map(|x| x.0).unwrap_or(0),
            to: prog.get(to.saturating_sub(1)).map(|x| x.0 + 1).unwrap_or(0),
            total: prog.last().map(|x| x.0 + 1).unwrap_or(0),
            rows: prog[from..to]
                .iter()
                .map(|(i, t)| ListingRow {
                    insn: *i,
                    text: t.clone(),
                    subprog: false,
                    note: None,
                })
                .collect(),
        }
    }

    fn log_window(&self, pos: usize) -> LogWindow {
        let total = self.lines.len();
        // the line of the step at the position (0-based)
        let cur = self
            .reading
            .steps
            .get(pos)
            .or(self.reading.steps.last())
            .map(|s| s.line.saturating_sub(1))
            .unwrap_or(0);
        let from = cur.saturating_sub(LOG_WINDOW / 2);
        let to = (from + LOG_WINDOW).min(total);
        let step_of: BTreeMap<usize, usize> = self
            .reading
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.line > from && s.line <= to)
            .map(|(i, s)| (s.line - 1, i))
            .collect();
        LogWindow {
            from,
            total,
            lines: (from..to)
                .map(|i| LogLine {
                    text: self.line_text(i).to_string(),
                    step: step_of.get(&i).copied(),
                    done: i < cur,
                    current: i + 1 == cur,
                })
                .collect(),
        }
    }
}

/// Folds a printed state into what is known: a full state replaces its
/// frame's values, a partial one updates them.
fn apply(known: &mut Known, st: Option<&veristep_core::logread::LoggedState>, full: bool) {
    let Some(st) = st else { return };
    let f = st.frame.unwrap_or(0);
    let vals = known.entry(f).or_default();
    if full && st.full {
        vals.clear();
        // a full state of frame f says nothing of deeper frames any more
        known.retain(|k, _| *k <= f);
    }
    let vals = known.entry(f).or_default();
    for v in &st.values {
        vals.insert(v.name.clone(), v.value.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "0: R1=ctx(off=0,imm=0) R10=fp0
0: (b7) r0 = 0                        ; R0_w=0
1: (15) if r1 == 0x0 goto pc+1        ; R1=ctx(off=0,imm=0)
2: (b7) r0 = 1                        ; R0_w=1
3: (95) exit

from 1 to 3: R0_w=0 R1=ctx(off=0,imm=0) R10=fp0
3: (95) exit
processed 5 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
";

    #[test]
    fn a_log_steps_like_a_walk() {
        let r = LogRun::build(7, LOG.to_string(), None);
        let s = r.summary();
        assert!(s.accepted && s.from_log);
        assert_eq!(s.len, 5);
        assert_eq!(s.processed, 5);
        // after the branch the other side waits on the worklist
        let v = r.view(2);
        let st = v.state.expect("a state");
        assert_eq!(st.worklist.len(), 1);
        assert_eq!(st.worklist[0].insn, 3);
        // the value the log printed
        let r0 = st.frames[0]
            .rows
            .iter()
            .find(|x| x.name == "R0")
            .expect("R0");
        assert_eq!(r0.text, "0");
        // before the step that resumes it, the state is still pending,
        // and the log's full state of the resumed path is what is known
        let v = r.view(4);
        let st = v.state.expect("a state");
        assert_eq!(st.worklist.len(), 1);
        let r0 = st.frames[0]
            .rows
            .iter()
            .find(|x| x.name == "R0")
            .expect("R0");
        assert_eq!(r0.text, "0");
        assert_eq!(r.seek(0, Target::Event(EventKind::Pop, true)), Some(5));
        assert!(v.narration.contains("line"));
        assert!(v.log.lines.iter().any(|l| l.text.contains("from 1 to 3")));
    }

    #[test]
    fn against_a_program_names_where_they_part() {
        let prog = veristep_core::asm::parse("r0 = 0\nif r1 == 0 goto +1\nr0 = 1\nexit\n")
            .expect("parses");
        let r = LogRun::build(1, LOG.to_string(), Some((&prog, KernelVersion::V6_1)));
        assert_eq!(r.diverges, None, "{:?}", r.diverges);
        let r = LogRun::build(
            1,
            LOG.replace("R0_w=1", "R0_w=2"),
            Some((&prog, KernelVersion::V6_1)),
        );
        assert!(r.diverges.is_some());
        assert!(r
            .summary()
            .story
            .expect("said")
            .contains("parts from this log"));
    }
}
