//! The verifier's side of the playground: verifies in slices, keeps the
//! exploration, and answers the page's requests with rendered views (see
//! [`crate::protocol`]). Pure Rust with no browser in it: the worker binary
//! wraps it, and the native tests drive it directly.

use crate::protocol::{Diagnostic, Reply, Request, Source};
use crate::run::{Run, ALL_KERNELS};
use std::rc::Rc;
use veristep_core::explore::{Exploration, Explorer};
use veristep_core::relo_core::KernelBtf;
use veristep_core::{asm, elf, KernelVersion, Options, Program};

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
        Source::Object {
            bytes,
            program,
            file,
            settings,
        } => {
            let opts = settings
                .load_options(program)
                .map_err(|e| (e, Vec::new()))?;
            let o = elf::load_named_with(bytes, file, &opts)
                .map_err(|e| (e.to_string(), Vec::new()))?;
            if let Some((_, why)) = o.refused.iter().find(|(n, _)| n == program) {
                return Err((why.clone(), Vec::new()));
            }
            let mut p = o
                .programs
                .into_iter()
                .find(|p| p.name == *program)
                .map(|p| p.program)
                .ok_or_else(|| (format!("no program named '{program}'"), Vec::new()))?;
            settings.apply(&mut p).map_err(|e| (e, Vec::new()))?;
            Ok(p)
        }
    }
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

/// A verification under way, verdict first:
/// 1. the shown mode without its log (the fastest walk): the verdict, the
///    trace and the views, sent as soon as it is done;
/// 2. the other modes (no log), for the compare strip;
/// 3. the shown mode again with its log, when a log level is asked for
///    (the walk is the same; it adds the log and each step's place in it),
///    then the log's line index.
///
/// A small program is done within one slice and answered once; a large one
/// is answered after phase 1 and updated as the others complete.
pub struct Job {
    id: u64,
    quick: Option<Explorer>,
    quick_done: Option<Exploration>,
    others: Vec<(KernelVersion, Explorer)>,
    finished_others: Vec<(KernelVersion, Exploration)>,
    logged: Option<Explorer>,
    logged_done: Option<Exploration>,
    prog: Rc<Program>,
    log_level: u32,
    /// The position to open at when done (share links).
    step: Option<usize>,
    /// The logged walk's line index, built a slice at a time.
    log_lines: Vec<u32>,
    log_scanned: usize,
    /// The verdict was sent (phase 1 is over and the run exists).
    announced: bool,
    /// The compare strip was sent complete.
    compared: bool,
    /// The modes libbpf could not load the program into, and why: shown
    /// in the compare strip as such.
    load_failed: LoadFailures,
}

/// Log bytes indexed per slice.
const LOG_SCAN_BYTES: usize = 4 << 20;

/// Walks `e` with `units` of work at `cost` units a step; the units left.
fn walk(e: &mut Explorer, units: usize, cost: usize) -> (usize, bool) {
    let before = e.steps();
    let finished = e.advance((units / cost).max(1));
    (
        units.saturating_sub((e.steps() - before).max(1) * cost),
        finished,
    )
}

impl Job {
    /// Walks one slice: about [`SLICE_UNITS`] of work, where a logged step
    /// costs more; goes on to the next phase whenever one finishes, so a
    /// small program is done at once.
    fn slice(&mut self) {
        let mut units = SLICE_UNITS;
        let logged_cost = SLICE_UNITS / slice_steps(self.log_level);
        while units > 0 {
            if let Some(mut e) = self.quick.take() {
                let (left, finished) = walk(&mut e, units, 1);
                units = left;
                if finished {
                    // the rest of the slice goes on: a small program is
                    // complete within one, a large one has the verdict out
                    // at the end of this slice
                    self.quick_done = Some(e.finish());
                } else {
                    self.quick = Some(e);
                }
            } else if let Some((k, mut e)) = self.others.pop() {
                let (left, finished) = walk(&mut e, units, 1);
                units = left;
                if finished {
                    self.finished_others.push((k, e.finish()));
                } else {
                    self.others.push((k, e));
                }
            } else if let Some(mut e) = self.logged.take() {
                let (left, finished) = walk(&mut e, units, logged_cost);
                units = left;
                if finished {
                    self.logged_done = Some(e.finish());
                    if self.log_len() > LOG_SCAN_BYTES {
                        return;
                    }
                } else {
                    self.logged = Some(e);
                }
            } else if self.log_scanned < self.log_len() {
                self.scan_log();
                if self.log_len() > LOG_SCAN_BYTES {
                    return;
                }
            } else {
                return;
            }
        }
    }

    fn log_len(&self) -> usize {
        self.logged_done
            .as_ref()
            .map(|d| d.outcome.log.len())
            .unwrap_or(0)
    }

    /// Indexes the next [`LOG_SCAN_BYTES`] of the logged walk's log.
    fn scan_log(&mut self) {
        let Some(ex) = self.logged_done.as_ref() else {
            return;
        };
        let log = ex.outcome.log.as_bytes();
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
    }

    fn others_done(&self) -> bool {
        self.others.is_empty()
    }

    fn log_done(&self) -> bool {
        self.logged.is_none() && self.log_scanned >= self.log_len()
    }

    fn is_done(&self) -> bool {
        self.quick.is_none() && self.others_done() && self.log_done()
    }

    /// Steps walked so far, over all walks.
    fn progress(&self) -> usize {
        let walking = |e: &Option<Explorer>| e.as_ref().map(Explorer::steps).unwrap_or(0);
        let walked = |e: &Option<Exploration>| e.as_ref().map(Exploration::len).unwrap_or(0);
        walking(&self.quick)
            + walked(&self.quick_done)
            + walking(&self.logged)
            + walked(&self.logged_done)
            + self.others.iter().map(|(_, e)| e.steps()).sum::<usize>()
            + self
                .finished_others
                .iter()
                .map(|(_, e)| e.len())
                .sum::<usize>()
    }
}

impl Job {
    fn new(
        id: u64,
        progs: &[(KernelVersion, Rc<Program>)],
        kernel: KernelVersion,
        log_level: u32,
        step: Option<usize>,
    ) -> Job {
        // each mode walks the program as libbpf loads it into its kernel
        let prog_for = |k: KernelVersion| {
            progs
                .iter()
                .find(|(pk, _)| *pk == k)
                .or(progs.first())
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| Rc::new(Program::new(Vec::new())))
        };
        let prog = prog_for(kernel);
        let opts = |kernel, log_level| Options {
            kernel,
            log_level,
            trace: true,
            log_size: None,
        };
        // the modes that loaded it (libbpf may fail in another kernel)
        let others = ALL_KERNELS
            .iter()
            .filter(|k| **k != kernel && progs.iter().any(|(pk, _)| pk == *k))
            .map(|k| (*k, Explorer::new(prog_for(*k), &opts(*k, 0))))
            .collect();
        Job {
            id,
            quick: Some(Explorer::new(prog.clone(), &opts(kernel, 0))),
            quick_done: None,
            others,
            finished_others: Vec::new(),
            logged: (log_level > 0).then(|| Explorer::new(prog.clone(), &opts(kernel, log_level))),
            logged_done: None,
            prog,
            log_level,
            step,
            log_lines: Vec::new(),
            log_scanned: 0,
            announced: false,
            compared: false,
            load_failed: Vec::new(),
        }
    }
}

/// A program as each mode's kernel loads it.
type PerKernel = Vec<(KernelVersion, Rc<Program>)>;

/// The modes whose kernel libbpf could not load the program into, and why.
pub(crate) type LoadFailures = Vec<(KernelVersion, String)>;

/// A kernel's BTF file (`btf/linux-K.btf.gz`) as fetched, read; or why it
/// could not be had, naming the file. The page's worker and the JS API's
/// keep what this returns.
pub fn read_kernel_btf(
    kernel: &str,
    gz: Result<&[u8], String>,
) -> Result<std::sync::Arc<KernelBtf>, String> {
    gz.and_then(KernelBtf::from_gzip)
        .map(std::sync::Arc::new)
        .map_err(|e| format!("the BTF of Linux {kernel} (btf/linux-{kernel}.btf.gz): {e}"))
}

/// The verifier's side: at most one verification under way, and the last
/// complete run, which the page steps through.
#[derive(Default)]
pub struct Session {
    job: Option<Job>,
    run: Option<Run>,
    /// The last kernel log read, when it is what the page shows.
    log: Option<crate::logsession::LogRun>,
    /// The kernels' BTF fetched so far (`btf/linux-K.btf.gz`), for CO-RE.
    kernel_btf: Vec<(&'static str, Result<std::sync::Arc<KernelBtf>, String>)>,
}

impl Session {
    pub fn new() -> Session {
        Session::default()
    }

    /// The BTF files (`linux-6.1`, `linux-6.12`) a request needs before it
    /// can be handled: those of an object with CO-RE relocations, for
    /// every mode, that were not given yet ([`Session::add_kernel_btf`]).
    pub fn missing_btf(&self, req: &Request) -> Vec<&'static str> {
        let source = match req {
            Request::Verify { source, .. } => source,
            Request::ReadLog {
                against: Some(a), ..
            } => a,
            _ => return Vec::new(),
        };
        // text needs it too for a BTF-typed program or a map pointer read;
        // a large text is not parsed twice for it (only its type is looked at)
        if let Source::Text(t) = source {
            let typed = t.contains(".prog_type tracing") || t.contains(".prog_type lsm");
            if t.len() > 200_000 && !typed {
                return Vec::new();
            }
        }
        let Ok(p) = load(source) else {
            return Vec::new();
        };
        // refused whatever the BTF (a call of the entry, a map no kernel creates)
        if !p.needs_kernel_btf() || p.text_load_error("prog").is_some() {
            return Vec::new();
        }
        let mut out: Vec<&'static str> = ALL_KERNELS
            .iter()
            .map(|k| veristep_core::relo_core::btf_kernel(*k))
            .filter(|k| !self.kernel_btf.iter().any(|(h, _)| h == k))
            .collect();
        out.dedup();
        out
    }

    /// A kernel's BTF as fetched (the gzipped file), or why it could not be.
    pub fn add_kernel_btf(&mut self, kernel: &'static str, gz: Result<Vec<u8>, String>) {
        let btf = read_kernel_btf(kernel, gz.as_deref().map_err(String::clone));
        self.kernel_btf.retain(|(k, _)| *k != kernel);
        self.kernel_btf.push((kernel, btf));
    }

    /// The program as libbpf loads it into each mode's kernel: its CO-RE
    /// relocations applied against that kernel's BTF. One program for all
    /// modes when it has none.
    fn relocate_all(
        &self,
        source: &Source,
        p: Program,
    ) -> Result<(PerKernel, LoadFailures), (String, Vec<Diagnostic>)> {
        if !p.needs_kernel_btf() {
            let p = Rc::new(p);
            return Ok((
                ALL_KERNELS.iter().map(|k| (*k, p.clone())).collect(),
                Vec::new(),
            ));
        }
        // a kernel libbpf cannot load it into (a kfunc it lacks) fails
        // alone: the other modes still walk it
        let mut failed = Vec::new();
        let name = match source {
            Source::Object { program, .. } => program.as_str(),
            Source::Text(_) => "prog",
        };
        // libbpf refuses it when it opens the object, whatever the kernel
        if let Some(line) = p.text_load_error(name) {
            let why = format!("libbpf: {line}");
            return Ok((
                Vec::new(),
                ALL_KERNELS.iter().map(|k| (*k, why.clone())).collect(),
            ));
        }
        let mut out = Vec::new();
        for k in ALL_KERNELS {
            let file = veristep_core::relo_core::btf_kernel(k);
            let btf = match self.kernel_btf.iter().find(|(f, _)| *f == file) {
                Some((_, Ok(b))) => b.clone(),
                Some((_, Err(e))) => return Err((e.clone(), Vec::new())),
                None => {
                    return Err((
                        format!(
                            "the BTF of Linux {file} is needed for this object's CO-RE relocations"
                        ),
                        Vec::new(),
                    ))
                }
            };
            match p.relocated(name, &btf) {
                Ok(r) => out.push((k, Rc::new(r))),
                Err(e) => failed.push((k, format!("libbpf (Linux {file}): {}", e.0))),
            }
        }
        Ok((out, failed))
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
            } => match load(&source)
                .and_then(|p| self.relocate_all(&source, p))
                .map_err(|(message, diagnostics)| (message, diagnostics, false))
                .and_then(
                    |(progs, failed)| match failed.iter().find(|(k, _)| *k == kernel) {
                        Some((_, why)) => Err((why.clone(), Vec::new(), true)),
                        None => Ok((progs, failed)),
                    },
                ) {
                Ok((progs, failed)) => {
                    let mut job = Job::new(id, &progs, kernel, log_level.min(2), step);
                    job.load_failed = failed;
                    self.job = Some(job);
                    // A small program is done within its first slice.
                    self.tick()
                }
                Err((message, diagnostics, not_loaded)) => {
                    self.job = None;
                    vec![Reply::Invalid {
                        id,
                        message,
                        diagnostics,
                        not_loaded,
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
                let prog = match against.as_ref().map(|a| {
                    load(a)
                        .and_then(|p| self.relocate_all(a, p))
                        .map(|(ps, _)| {
                            let k = ps.iter().find(|(pk, _)| *pk == kernel).or(ps.first());
                            k.map(|(_, p)| Program::clone(p))
                                .unwrap_or_else(|| Program::new(Vec::new()))
                        })
                }) {
                    Some(Ok(p)) => Some(p),
                    Some(Err((message, diagnostics))) => {
                        return vec![Reply::Invalid {
                            id,
                            message: format!("the program to compare with: {message}"),
                            diagnostics,
                            not_loaded: false,
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
            // the worker's own business (where to fetch from)
            Request::Assets { .. } => Vec::new(),
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
            Request::Origin {
                run,
                seq,
                step,
                loc,
            } => match self.run.as_ref().filter(|r| r.id == run) {
                Some(r) => vec![Reply::Origin {
                    run,
                    seq,
                    origin: r.origin(step, &loc),
                }],
                None => Vec::new(),
            },
        }
    }

    /// Walks the verification under way by one slice: its progress, the
    /// verdict as soon as the shown mode is walked (with the views at the
    /// opening position), then an update each time more is known.
    pub fn tick(&mut self) -> Vec<Reply> {
        let Some(mut job) = self.job.take() else {
            return Vec::new();
        };
        job.slice();
        let done = job.is_done();
        let mut replies = Vec::new();
        if !job.announced {
            let Some(quick) = job.quick_done.take() else {
                // still walking the shown mode
                let (id, steps) = (job.id, job.progress());
                self.job = Some(job);
                return vec![Reply::Progress { id, steps }];
            };
            // a small program is complete already: one answer, the logged
            // walk in it
            let complete = if done { job.logged_done.take() } else { None };
            let (ex, log_lines, log_pending) = match complete {
                Some(logged) => (logged, std::mem::take(&mut job.log_lines), false),
                None => (quick, Vec::new(), job.log_level > 0),
            };
            let mut run = Run::build(
                job.id,
                ex,
                &job.finished_others,
                log_lines,
                job.prog.clone(),
                job.log_level,
                log_pending,
            );
            run.load_failed = job.load_failed.clone();
            run.compare_with(&job.finished_others);
            let step = job.step.unwrap_or(0).min(run.ex.len());
            replies.push(Reply::Verified {
                summary: run.summary(),
                view: run.view(step),
            });
            job.announced = true;
            job.compared = job.others_done();
            self.run = Some(run);
        } else if let Some(run) = self.run.as_mut().filter(|r| r.id == job.id) {
            let mut changed = false;
            if !job.compared && job.others_done() {
                run.compare_with(&job.finished_others);
                job.compared = true;
                changed = true;
            }
            if run.log_pending && job.log_done() {
                if let Some(logged) = job.logged_done.take() {
                    run.attach_log(logged, std::mem::take(&mut job.log_lines));
                }
                run.log_pending = false;
                changed = true;
            }
            if changed {
                replies.push(Reply::Updated {
                    summary: run.summary(),
                });
            }
        } else {
            // the run was replaced (a log read): this job is stale
            return Vec::new();
        }
        if !done {
            self.job = Some(job);
        }
        replies
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Summary, Target};

    /// The summary of a verification run to its end.
    fn verified(s: &mut Session, req: Request) -> Summary {
        let mut replies = s.handle(req);
        while s.busy() {
            replies = s.tick();
        }
        match replies.pop() {
            Some(Reply::Verified { summary, .. }) => summary,
            other => panic!("not verified: {other:?}"),
        }
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

    /// The summary carries the exploration graph and the blocks' heat;
    /// a provenance question is answered for its run only.
    #[test]
    fn graph_cfg_and_origin_cross_to_the_page() {
        let mut s = Session::new();
        let summary = verified(
            &mut s,
            Request::Verify {
                id: 1,
                source: Source::Text(
                    include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s").into(),
                ),
                kernel: KernelVersion::V6_1,
                log_level: 1,
                step: None,
            },
        );
        let g = &summary.graph;
        assert_eq!(g.nodes.first().map(|n| n.kind.as_str()), Some("start"));
        assert_eq!(g.nodes.last().map(|n| n.kind.as_str()), Some("reject"));
        assert!(g.nodes.iter().any(|n| n.kind == "callback"));
        assert!(summary.cfg.functions.contains(&(16, true)));
        let len = summary.len;
        let r = s.handle(Request::Origin {
            run: 1,
            seq: 4,
            step: len - 1,
            loc: "R1".into(),
        });
        let [Reply::Origin { seq: 4, origin, .. }] = r.as_slice() else {
            panic!("{r:?}");
        };
        assert_eq!(origin.links[0].insn, 16, "{origin:?}");
        assert_eq!(origin.links[0].role, "def");
        assert!(s
            .handle(Request::Origin {
                run: 7,
                seq: 5,
                step: 0,
                loc: "R1".into(),
            })
            .is_empty());
    }

    /// A text program calling a test kfunc: libbpf finds it in 6.1's BTF
    /// only. The 6.1 walk goes on without the 6.12 one; asking for 6.12
    /// says libbpf's error.
    #[test]
    fn a_kernel_libbpf_cannot_load_into_fails_alone() {
        let text = "r1 = 0\n*(u64 *)(r10 - 8) = r1\nr1 = r10\nr1 += -8\ncall bpf_kfunc_call_test_acquire\nif r0 == 0 goto 1f\nr1 = r0\ncall bpf_kfunc_call_test_release\n1:\nr0 = 0\nexit\n";
        let mut s = with_both_btfs();
        let req = |id, kernel| Request::Verify {
            id,
            source: Source::Text(text.into()),
            kernel,
            log_level: 1,
            step: None,
        };
        let summary = verified(&mut s, req(1, KernelVersion::V6_1));
        assert!(summary.accepted, "{summary:?}");
        let v612 = summary
            .compare
            .iter()
            .find(|m| m.kernel == KernelVersion::V6_7)
            .expect("6.12 in the strip");
        assert!(!v612.accepted && !v612.pending, "{v612:?}");
        assert!(v612
            .message
            .as_deref()
            .is_some_and(|m| m.contains("not found in kernel or module BTFs")));
        let r = s.handle(req(2, KernelVersion::V6_7));
        let [Reply::Invalid { message, .. }] = r.as_slice() else {
            panic!("{r:?}");
        };
        assert!(
            message.contains("not found in kernel or module BTFs"),
            "{message}"
        );
    }

    /// A congestion control object (struct_ops) is walked in the
    /// playground as on the command line.
    #[test]
    fn congestion_controls_open_in_the_playground() {
        let mut s = with_both_btfs();
        let summary = verified(
            &mut s,
            Request::Verify {
                id: 3,
                source: Source::Object {
                    bytes: include_bytes!("../../tests/c/obj/sto_tcp_ca.o").to_vec(),
                    program: "sto_cong_avoid".into(),
                    file: "sto_tcp_ca.o".into(),
                    settings: Default::default(),
                },
                kernel: KernelVersion::V6_7,
                log_level: 2,
                step: None,
            },
        );
        assert!(summary.accepted, "{summary:?}");
        assert_eq!(summary.processed, 28);
    }

    /// A session that has both kernels' BTF already.
    fn with_both_btfs() -> Session {
        let mut s = Session::new();
        s.add_kernel_btf("6.1", Ok(BTF_6_1.to_vec()));
        s.add_kernel_btf("6.12", Ok(BTF_6_12.to_vec()));
        s
    }

    const BTF_6_1: &[u8] = include_bytes!("../../static/btf/linux-6.1.btf.gz");
    const BTF_6_12: &[u8] = include_bytes!("../../static/btf/linux-6.12.btf.gz");

    /// An object with CO-RE relocations waits for the kernels' BTF; once
    /// given, each mode walks the program relocated for its kernel: 6.12
    /// has BPF_MAP_TYPE_ARENA, so its walk goes one instruction further.
    #[test]
    fn core_objects_are_relocated_per_kernel() {
        let mut s = Session::new();
        let req = Request::Verify {
            id: 7,
            source: Source::Object {
                bytes: include_bytes!("../../tests/c/obj/core_enum_kernel.o").to_vec(),
                program: "core_enum_kernel".into(),
                file: "core_enum_kernel.o".into(),
                settings: Default::default(),
            },
            kernel: KernelVersion::V6_1,
            log_level: 1,
            step: None,
        };
        assert_eq!(s.missing_btf(&req), vec!["6.1", "6.12"]);
        s.add_kernel_btf("6.1", Ok(BTF_6_1.to_vec()));
        assert_eq!(s.missing_btf(&req), vec!["6.12"]);
        s.add_kernel_btf("6.12", Ok(BTF_6_12.to_vec()));
        assert!(s.missing_btf(&req).is_empty());
        let summary = verified(&mut s, req);
        assert_eq!(summary.processed, 8);
        // what libbpf did, for the page to list
        assert!(
            summary
                .relocations
                .iter()
                .any(|r| r.contains("BPF_FUNC_loop___x") && r.ends_with("1 -> 181")),
            "{:?}",
            summary.relocations
        );
        let v612 = summary
            .compare
            .iter()
            .find(|m| m.kernel == KernelVersion::V6_7)
            .expect("6.12 in the strip");
        assert!(v612.accepted && v612.diverges_at.is_some());
        // a BTF that could not be fetched is said, not ignored
        let mut s = Session::new();
        s.add_kernel_btf("6.1", Err("HTTP 404".into()));
        s.add_kernel_btf("6.12", Err("HTTP 404".into()));
        let r = s.handle(Request::Verify {
            id: 8,
            source: Source::Object {
                bytes: include_bytes!("../../tests/c/obj/core_enum_kernel.o").to_vec(),
                program: "core_enum_kernel".into(),
                file: "core_enum_kernel.o".into(),
                settings: Default::default(),
            },
            kernel: KernelVersion::V6_1,
            log_level: 1,
            step: None,
        });
        match r.as_slice() {
            [Reply::Invalid { message, .. }] => assert!(message.contains("HTTP 404"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    /// A tp_btf program: its context is typed by the kernel's BTF, and the
    /// register panel names the kernel struct an argument points to, with
    /// 6.12's trust.
    #[test]
    fn btf_typed_programs_read_their_kernel_structs() {
        let mut s = with_both_btfs();
        let summary = verified(
            &mut s,
            Request::Verify {
                id: 9,
                source: Source::Object {
                    bytes: include_bytes!("../../tests/c/obj/tr_tp_btf.o").to_vec(),
                    program: "tr_tp_btf".into(),
                    file: "tr_tp_btf.o".into(),
                    settings: Default::default(),
                },
                kernel: KernelVersion::V6_7,
                log_level: 2,
                step: None,
            },
        );
        assert_eq!(summary.processed, 6);
        let run = s.run().expect("a run");
        // after the first instruction, R1 is the tracepoint's `next`
        let v = run.view(1);
        let st = v.state.expect("a state");
        let r1 = st.frames[0]
            .rows
            .iter()
            .find(|r| r.name == "R1")
            .expect("R1");
        assert!(
            r1.text.starts_with("trusted_ptr_task_struct("),
            "{}",
            r1.text
        );
        assert_eq!(r1.reading, "a kernel struct task_struct (trusted)");
    }
}
