//! A finished verification as the playground keeps it (`Run`): the
//! exploration, visit counts, the log's line index, the compare strip and
//! the reference story; its summary and its seeks (next event, run to an
//! instruction, where a pending state resumes).

use crate::protocol::{
    CfgBlock, CfgView, Diagnostic, GraphEdge, GraphFrame, GraphNode, GraphView, ModeVerdict,
    OriginLink, OriginView, Summary, Target, MAX_LANDMARKS,
};
use std::cell::OnceCell;
use std::rc::Rc;
use veristep_core::disasm;
use veristep_core::explore::Exploration;
use veristep_core::reason;
use veristep_core::trace::EventKind;
use veristep_core::{KernelVersion, Program, Verdict};

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
    /// Modes libbpf could not load the program into, with its message.
    pub(crate) load_failed: crate::session::LoadFailures,
    /// The plain-words story of a reference error, if the run ends in one.
    pub story: Option<String>,
    /// Byte offset of each line of the kernel log, so the log view renders
    /// only a window of lines (a level-2 log can hold millions).
    pub log_lines: Vec<u32>,
    /// Where subprograms and callbacks start (sorted), for the listing.
    pub(crate) subprogs: Vec<usize>,
    /// The log is being built (the views show the walk without it).
    pub log_pending: bool,
    /// The exploration graph and the blocks' heat, built once.
    graph: GraphView,
    cfg: CfgView,
    /// Each step's predecessor on its path, for value provenance (built
    /// at the first question).
    parents: OnceCell<Vec<Option<u32>>>,
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

/// The instruction each step of a walk processed.
fn insns_walked(ex: &Exploration) -> Vec<u32> {
    ex.outcome
        .trace
        .as_ref()
        .map(|t| t.steps.iter().map(|s| s.insn).collect())
        .unwrap_or_default()
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
    /// The views' indexes over a finished exploration and the other modes'
    /// (a mode not among `others` is still being walked: `pending`).
    /// `log_pending`: the log is still being built.
    pub(crate) fn build(
        id: u64,
        ex: Exploration,
        others: &[(KernelVersion, Exploration)],
        log_lines: Vec<u32>,
        prog: Rc<Program>,
        log_level: u32,
        log_pending: bool,
    ) -> Run {
        let mut visits = vec![0u32; prog.insns.len()];
        for &i in &insns_walked(&ex) {
            if let Some(v) = visits.get_mut(i as usize) {
                *v += 1;
            }
        }
        let (graph, cfg) = graph_and_cfg(&prog, &ex);
        let mut run = Run {
            id,
            graph,
            cfg,
            parents: OnceCell::new(),
            subprogs: subprog_starts(&prog),
            prog,
            log_level,
            story: reference_story(&ex),
            ex,
            visits,
            compare: Vec::new(),
            load_failed: Vec::new(),
            log_lines,
            log_pending,
        };
        run.compare_with(others);
        run
    }

    /// The compare strip against the other modes' walks.
    pub(crate) fn compare_with(&mut self, others: &[(KernelVersion, Exploration)]) {
        let here = insns_walked(&self.ex);
        let shown = self.ex.outcome.kernel;
        self.compare = ALL_KERNELS
            .iter()
            .map(|k| {
                if let Some((_, why)) = self.load_failed.iter().find(|(fk, _)| fk == k) {
                    return ModeVerdict {
                        kernel: *k,
                        accepted: false,
                        message: Some(why.clone()),
                        diverges_at: None,
                        pending: false,
                    };
                }
                let other = others.iter().find(|(ok, _)| ok == k);
                let (o, diverges_at) = match other {
                    Some((_, e)) => (&e.outcome, first_divergence(&here, &insns_walked(e))),
                    None => (&self.ex.outcome, None),
                };
                ModeVerdict {
                    kernel: *k,
                    accepted: o.verdict == Verdict::Accepted,
                    message: o.message().map(str::to_string),
                    diverges_at,
                    pending: other.is_none() && *k != shown,
                }
            })
            .collect();
    }

    /// The shown mode's walk again, now with its log: it replaces the
    /// walk without one (the same steps; each now knows its log lines).
    pub(crate) fn attach_log(&mut self, logged: Exploration, log_lines: Vec<u32>) {
        self.ex = logged;
        self.log_lines = log_lines;
        self.log_pending = false;
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
            log_pending: self.log_pending,
            graph: self.graph.clone(),
            cfg: self.cfg.clone(),
            relocations: self
                .prog
                .core_applied
                .iter()
                .map(|a| match a.values {
                    Some((old, new)) => format!("insn {}: {}: {} -> {}", a.insn, a.spec, old, new),
                    None => format!(
                        "insn {}: {}: not found, the instruction poisoned (call unknown#195896080)",
                        a.insn, a.spec
                    ),
                })
                .collect(),
            warnings: self.prog.warnings.iter().map(Diagnostic::warning).collect(),
        }
    }

    /// Where the value of `loc` in the state before `step` came from.
    pub fn origin(&self, step: usize, loc: &str) -> OriginView {
        let mut view = OriginView {
            step,
            loc: loc.to_string(),
            links: Vec::new(),
        };
        let (Some(t), Some(l)) = (
            self.ex.outcome.trace.as_ref(),
            veristep_core::origin::Loc::parse(loc),
        ) else {
            return view;
        };
        let parents = self.parents.get_or_init(|| t.path_parents());
        view.links = veristep_core::origin::origin_with(&self.prog, t, parents, step, l)
            .into_iter()
            .map(|k| OriginLink {
                step: k.step,
                insn: k.insn,
                role: k.role.name().to_string(),
                loc: k.loc,
                what: k.what,
                text: disasm::insn_text(&self.prog, k.insn as usize),
            })
            .collect();
        view
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
}

/// The exploration graph and the blocks' heat of a run, for the page.
fn graph_and_cfg(prog: &Program, ex: &Exploration) -> (GraphView, CfgView) {
    let trace = ex.outcome.trace.as_ref();
    let text = |i: u32| disasm::insn_text(prog, i as usize);
    let graph = trace
        .map(|t| {
            let g = veristep_core::graph::build(t, veristep_core::graph::DETAIL_LIMIT);
            GraphView {
                nodes: g
                    .nodes
                    .iter()
                    .map(|n| GraphNode {
                        kind: n.kind.name().to_string(),
                        label: n.kind.label().to_string(),
                        insn: n.insn,
                        step: n.step,
                        depth: n.depth,
                        frame: n.frame,
                        count: n.count,
                        x: n.x,
                        y: n.y,
                        text: text(n.insn),
                    })
                    .collect(),
                edges: g
                    .edges
                    .iter()
                    .map(|e| GraphEdge {
                        from: e.from,
                        to: e.to,
                        kind: e.kind.name().to_string(),
                        count: e.count,
                    })
                    .collect(),
                frames: g
                    .frames
                    .iter()
                    .map(|f| GraphFrame {
                        parent: f.parent,
                        depth: f.depth,
                        start: f.start,
                        callsite: f.callsite,
                        callback: f.callback,
                    })
                    .collect(),
                aggregated: g.aggregated,
                detailed_nodes: g.detailed_nodes,
                width: g.width,
                height: g.height,
            }
        })
        .unwrap_or_default();
    let c = veristep_core::heat::cfg(prog, trace);
    let cfg = CfgView {
        blocks: c
            .blocks
            .iter()
            .map(|b| CfgBlock {
                start: b.start,
                end: b.end,
                function: b.function,
                succs: b.succs.clone(),
                visits: b.visits,
                walked: b.insns_walked,
                states: b.states,
                loops_back: b.loops_back,
                last_text: text(b.last),
            })
            .collect(),
        functions: c.functions.iter().map(|f| (f.start, f.callback)).collect(),
    };
    (graph, cfg)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divergence_is_the_first_different_instruction() {
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 1, 2]), None);
        assert_eq!(first_divergence(&[0, 1, 2], &[0, 5, 2]), Some(1));
        assert_eq!(first_divergence(&[0, 1], &[0, 1, 2]), Some(2));
    }
}
