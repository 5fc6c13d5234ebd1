//! The entry point: `bpf_check()` for one program — structure checks, the
//! walk, the stack-depth pass and the statistics line.

use crate::env::{Env, VErr, EACCES};
use crate::mode::Rules;
use crate::outcome::{Outcome, Verdict, VerifierError};
use crate::program::Program;
use crate::reason::Reason;
use crate::KernelVersion;

/// How to verify.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub kernel: KernelVersion,
    /// 0, 1 (failing path) or 2 (everything), with 4 (`BPF_LOG_STATS`: the
    /// statistics; alone, messages and statistics only), as the kernel's
    /// `log_level`.
    pub log_level: u32,
    /// Record the exploration ([`crate::trace::Trace`]).
    pub trace: bool,
    /// The size of the log buffer the loader gives the kernel (`log_size`),
    /// when the log is to be cut as the kernel cuts it: the first
    /// `log_size - 1` bytes (6.1) or the last ones (6.12's rotating log),
    /// and the load refused with ENOSPC when the log did not fit. `None`:
    /// the whole log (up to veristep's own cap, which says where it cut).
    pub log_size: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kernel: KernelVersion::V6_1,
            log_level: 1,
            trace: false,
            log_size: None,
        }
    }
}

/// Verifies `prog` as the chosen kernel would, for a privileged loader.
pub fn verify(prog: &Program, opts: &Options) -> Outcome {
    let mut env = new_env(std::rc::Rc::new(prog.clone()), opts);
    let result = run_checks(&mut env);
    finish(env, result, opts)
}

/// Verifies as [`verify`] does, handing the level-2 log to `sink` as it is
/// written (settled lines, in chunks), so a caller can print a huge log
/// without holding it; the [`Outcome`]'s `log` is then only the part not
/// handed out. `sink` returns false to stop: the walk ends there and None
/// is returned. Other log levels are not streamed (level 1 restarts the log
/// when the program is accepted): the whole log is in the outcome.
pub fn verify_streaming(
    prog: &Program,
    opts: &Options,
    sink: &mut dyn FnMut(&str) -> bool,
) -> Option<Outcome> {
    const CHUNK: usize = 1 << 20;
    let mut env = new_env(std::rc::Rc::new(prog.clone()), opts);
    // a log cut to the kernel's buffer is short, and only its end may be kept
    let stream = opts.log_level & crate::log::BPF_LOG_LEVEL2 != 0 && opts.log_size.is_none();
    let mut walk = |env: &mut Env| -> Result<bool, VErr> {
        before_walk(env)?;
        while let crate::do_check::StepResult::Continue = env.step()? {
            // settled lines go out as they come; a sink that stops ends the walk
            if stream && env.log.buf.len() >= CHUNK && !env.log.drain_settled(sink) {
                return Ok(false);
            }
        }
        after_walk(env)?;
        Ok(true)
    };
    let result = match walk(&mut env) {
        Ok(false) => return None,
        Ok(true) => Ok(()),
        Err(e) => Err(e),
    };
    Some(finish(env, result, opts))
}

/// The checker for `opts`: its mode's rules, log level and log buffer.
pub(crate) fn new_env(mut prog: std::rc::Rc<Program>, opts: &Options) -> Env {
    let rules = Rules::for_kernel(opts.kernel);
    // a map value's lock, timer and workqueue, as this kernel finds them
    if prog.maps.iter().any(|m| m.differs_by_mode()) {
        for m in &mut std::rc::Rc::make_mut(&mut prog).maps {
            m.for_mode(rules.nested_special_fields);
        }
    }
    let rotating = rules.rotating_log;
    let mut env = Env::new(prog, rules, opts.log_level);
    env.recording = opts.trace;
    if let (Some(size), true) = (opts.log_size, opts.log_level != 0) {
        env.log = crate::log::Log::with_kernel_buf(opts.log_level, size as usize, rotating);
    }
    env
}

/// Turns a finished checker into the [`Outcome`].
pub fn finish(mut env: Env, result: Result<(), VErr>, opts: &Options) -> Outcome {
    let mut error = match result {
        Ok(()) => None,
        Err(e) => Some(error_of(&mut env, e)),
    };
    if env.load_refused {
        // the load failed before the verifier: EINVAL and an empty log
        return Outcome {
            kernel: opts.kernel,
            verdict: Verdict::Rejected,
            error: error.map(|e| VerifierError {
                insn: None,
                message: String::new(),
                ..e
            }),
            stats: Default::default(),
            log: String::new(),
            trace: if opts.trace {
                Some(std::mem::take(&mut env.trace))
            } else {
                None
            },
            log_truncated: false,
        };
    }
    let st = env.stats();
    // print_verification_stats(); veristep's walk is not the kernel's, and
    // its time would say nothing of the kernel's: it is written as 0
    let mut stats = String::new();
    if env.log.stats() {
        // after the fixups of a program that passed: dead subprograms are
        // gone (opt_remove_dead_code()), and a program that reached
        // bpf_throw() without an exception callback of its own has the
        // kernel's default one appended (add_hidden_subprog(), 6.12)
        let passed = error.is_none();
        let n = env.subprogs.len();
        let seen = |i: usize| {
            let (start, end) = env.subprog_range(i);
            (start..end).any(|k| env.aux.get(k).is_some_and(|a| a.seen))
        };
        let threw = passed
            && !env.subprogs.iter().any(|s| s.is_exception_cb)
            && env.prog.insns.iter().enumerate().any(|(k, insn)| {
                env.aux.get(k).is_some_and(|a| a.seen) && env.is_bpf_throw_kfunc(insn)
            });
        let depths: Vec<String> = (0..n)
            .filter(|&i| !passed || i == 0 || seen(i))
            .map(|i| env.subprogs[i].stack_depth.to_string())
            .chain(threw.then(|| "0".to_string()))
            .collect();
        stats = format!(
            "verification time 0 usec\nstack depth {}\n",
            depths.join("+")
        );
    }
    stats += &format!(
        "processed {} insns (limit 1000000) max_states_per_insn {} total_states {} peak_states {} mark_read {}\n",
        st.processed, st.max_states_per_insn, st.total_states, st.peak_states, st.mark_read
    );
    // never a silent cut: a full log says where it stopped, and still ends
    // with its statistics (past the cap, as these lines are short)
    let hit_cap = env.log.full;
    if let Some(e) = error.as_mut() {
        if let (Some(i), false) = (e.insn, env.prog.core_applied.is_empty()) {
            if crate::relo_core::fixup_log(
                &env.prog.core_applied,
                i,
                &mut e.message,
                &mut env.log.buf,
            ) {
                e.reason = crate::reason::Reason::UnresolvedCoreRelocation;
                e.explanation = e.reason.explanation();
            }
        }
        if let (Some(i), false) = (e.insn, env.prog.poisoned_kfuncs.is_empty()) {
            if crate::relo_core::fixup_log_kfunc(
                &env.prog.poisoned_kfuncs,
                i,
                &mut e.message,
                &mut env.log.buf,
            ) {
                e.reason = crate::reason::Reason::UnresolvedKfunc;
                e.explanation = e.reason.explanation();
            }
        }
    }
    let log_truncated = if env.log.kernel_buf.is_some() {
        // cut as the kernel cuts it, the statistics included
        env.log.write(&stats);
        let enospc = env.log.finish_kernel_buf() == Some(true);
        if enospc {
            let walk = error.take();
            let reason = crate::reason::Reason::LogFull {
                log_size: opts.log_size.unwrap_or(0),
                walk_errno: walk.as_ref().map_or(0, |e| e.errno),
            };
            error = Some(VerifierError {
                insn: walk.as_ref().and_then(|e| e.insn),
                // the walk's own message, though the buffer may not hold it
                message: walk.map(|e| e.message).unwrap_or_default(),
                errno: crate::env::ENOSPC,
                explanation: reason.explanation(),
                reason,
            });
        }
        enospc
    } else if hit_cap {
        let cap = env.log.cap;
        env.log.append_untracked(&format!(
            "\n... the log was cut here: veristep keeps at most {} MiB of it\n",
            cap >> 20
        ));
        // the rejection's message is the log's last line, as always
        if let Some(m) = error
            .as_ref()
            .map(|e| e.message.clone())
            .filter(|m| !m.is_empty())
        {
            env.log.append_untracked(&m);
            env.log.append_untracked("\n");
        }
        env.log.append_untracked(&stats);
        true
    } else {
        env.log.write(&stats);
        false
    };
    Outcome {
        kernel: opts.kernel,
        verdict: if error.is_some() {
            Verdict::Rejected
        } else {
            Verdict::Accepted
        },
        error,
        stats: st,
        log: std::mem::take(&mut env.log.buf),
        trace: if opts.trace {
            Some(std::mem::take(&mut env.trace))
        } else {
            None
        },
        log_truncated,
    }
}

/// `bpf_check()` up to the walk: the static passes (`check_subprogs`,
/// `resolve_pseudo_ldimm64`, `check_cfg`), then the first state. The same
/// sequence for [`verify`] and the explorer.
pub(crate) fn before_walk(env: &mut Env) -> Result<(), VErr> {
    // bpf_prog_load_check_attach(): 6.1 has no unix socket hooks
    if env
        .prog
        .expected_attach_type
        .is_some_and(|a| a.is_unix() && !env.rules.unix_sock_addr)
        // find_prog_type(): a type the kernel lacks
        || !env.rules.has_prog_type(env.prog.prog_type)
    {
        env.load_refused = true;
        env.structural_error = true;
        return Err(env.fail_unworded(crate::env::EINVAL, crate::reason::Reason::NotInKernel));
    }
    // bpf_prog_load(): a `prog_flags` bit this kernel does not know
    if env.prog.prog_flags.0 & !env.rules.prog_flags_known != 0 {
        env.load_refused = true;
        env.structural_error = true;
        return Err(env.fail_unworded(crate::env::EINVAL, crate::reason::Reason::NotInKernel));
    }
    let structure = |env: &mut Env| {
        if env.prog.insns.is_empty() {
            return Err(env.fail(crate::env::EINVAL, "empty program"));
        }
        if env.prog.requires_kernel_btf() {
            // never verified as compiled: libbpf would have relocated it
            // and found its target in the kernel's BTF
            return Err(env.fail(
                crate::env::EINVAL,
                "the program needs the kernel's BTF (CO-RE relocations, __ksym externs, its attach target): not given",
            ));
        }
        env.add_subprog_and_kfunc()?;
        env.check_subprogs()?;
        env.check_btf_func()?;
        env.check_attach_btf_id()?;
        env.resolve_pseudo_ldimm64()?;
        env.check_cfg()?;
        env.mark_fastcall_patterns();
        Ok(())
    };
    if let Err(e) = structure(env) {
        env.structural_error = true;
        return Err(e);
    }
    env.start()
}

fn run_checks(env: &mut Env) -> Result<(), VErr> {
    before_walk(env)?;
    env.run()?;
    after_walk(env)
}

/// `bpf_check()` after a successful walk, as far as it can refuse a
/// program: level 1 keeps only the failing path, so the log restarts;
/// `check_max_stack_depth()`; then the dead-code removal and
/// `jit_subprogs()` check of [`check_dead_callback_refs`].
pub(crate) fn after_walk(env: &mut Env) -> Result<(), VErr> {
    // pop_log: level 1 and 4 keep only the failing path
    if !env.log.level2() && !env.func_log_reset {
        env.log.reset(0);
    }
    // might lower a stack depth: before the check, as in the kernel
    env.remove_fastcall_spills_fills();
    check_max_stack_depth(env)?;
    optimize_bpf_loop(env);
    check_arena_loads(env)?;
    check_unresolved_kfunc_calls(env)?;
    check_dead_callback_refs(env)
}

/// `optimize_bpf_loop()`, once the program passed: each `bpf_loop` call
/// every walk made with flags 0 and one callback is inlined, and the
/// loop's counters take 24 bytes below its function's frame (rounded up to
/// 8 first); then 6.12's `may_goto` counters: the statistics' `stack
/// depth` says so.
fn optimize_bpf_loop(env: &mut Env) {
    for i in 0..env.subprogs.len() {
        let (start, end) = env.subprog_range(i);
        let inlined = (start..end).any(|k| {
            env.aux
                .get(k)
                .and_then(|a| a.loop_inline)
                .is_some_and(|(fit, _)| fit)
        });
        // do_misc_fixups() (6.12), after the loops: a `may_goto` the walk
        // reached keeps its counter in 8 more bytes below the frame
        let may_goto =
            (start..end).any(|k| env.aux.get(k).is_some_and(|a| a.seen) && env.is_may_goto_at(k));
        let d = env.subprogs[i].stack_depth;
        let loops = if inlined {
            24 + (((d + 7) & !7) - d)
        } else {
            0
        };
        env.subprogs[i].stack_depth = d + loops + if may_goto { 8 } else { 0 };
    }
}

/// `fixup_kfunc_call()` in `do_misc_fixups()`: a kfunc call of `imm` 0
/// (a weak kfunc libbpf 1.1 could not resolve) passed the walk as a
/// no-op; dead-code removal takes it away unless the walk reached it, and
/// then the load fails here.
fn check_unresolved_kfunc_calls(env: &mut Env) -> Result<(), VErr> {
    let reached = env.prog.insns.iter().enumerate().any(|(i, insn)| {
        insn.is_kfunc_call() && insn.imm == 0 && env.aux.get(i).is_some_and(|a| a.seen)
    });
    if !reached {
        return Ok(());
    }
    Err(env
        .fail(
            crate::env::EINVAL,
            "invalid kernel function call not eliminated in verifier pass",
        )
        .because(Reason::UnresolvedKfunc)
        .at(None))
}

/// `convert_ctx_accesses()` (6.12): a load through an arena pointer
/// becomes a probing one (`BPF_PROBE_MEM32`), which has no sign-extending
/// form. Refused after the walk, where the kernel rewrites it.
fn check_arena_loads(env: &mut Env) -> Result<(), VErr> {
    if env.arena.is_none() {
        return Ok(());
    }
    let bad = env.prog.insns.iter().enumerate().any(|(i, insn)| {
        insn.class() == crate::insn::BPF_LDX
            && insn.mode() == crate::insn::BPF_MEMSX
            && env
                .aux
                .get(i)
                .is_some_and(|a| a.ptr_type == Some(crate::regs::RegType::Arena))
    });
    if !bad {
        return Ok(());
    }
    Err(env
        .fail(
            crate::env::EOPNOTSUPP,
            "sign extending loads from arena are not supported yet",
        )
        .because(Reason::Other)
        .at(None))
}

/// A callback the walk never entered (its address loaded but never passed
/// to a helper; in 6.12 also `bpf_loop` with a count of 0) is dead code.
/// Root's `opt_remove_dead_code()` removes each run of instructions no
/// walk reached, left to right (`verifier_remove_insns()`), and
/// `bpf_adj_delta_to_imm()` moves a call's or callback address's target
/// only when it lies past the run: a target inside the run keeps its
/// number, and so points at what follows the run, or past the program.
/// `jit_subprogs()` — which runs when a subprogram besides main survives —
/// then finds no subprogram starting there and fails the load with
/// EFAULT, after the walk and without a message.
fn check_dead_callback_refs(env: &mut Env) -> Result<(), VErr> {
    let insns = &env.prog.insns;
    let n = insns.len();
    // the second slot of an ld_imm64 is marked seen with the first
    // (sanitize_mark_insn_seen())
    let seen: Vec<bool> = (0..n)
        .map(|i| {
            env.aux.get(i).is_some_and(|a| a.seen)
                || (i > 0 && insns[i - 1].is_ld_imm64() && env.aux[i - 1].seen)
        })
        .collect();
    if seen.iter().all(|&s| s) {
        return Ok(());
    }
    // optimize_bpf_loop() runs first: each bpf_loop call it inlines becomes
    // INLINED_LOOP_LEN instructions, among them a call of the callback
    // (which may be dead: 6.12 does not walk a loop of 0 iterations), and
    // the instructions after it move on; the removal then works on that
    // program, so where a stale address lands depends on the inlining too
    let sites: Vec<(usize, usize)> = (0..n)
        .filter(|&i| seen[i])
        .filter_map(|i| {
            let (fit, sub) = env.aux.get(i)?.loop_inline?;
            let callback = env.subprogs.get(usize::from(sub))?.start;
            fit.then_some((i, callback))
        })
        .collect();
    let grown = |p: usize| p + (INLINED_LOOP_LEN - 1) * sites.partition_point(|s| s.0 < p);
    let mut seen_inlined = vec![true; grown(n)];
    for (i, &s) in seen.iter().enumerate() {
        seen_inlined[grown(i)] = s;
    }
    let runs = DeadRuns::of(&seen_inlined);
    let n = seen_inlined.len();
    let len = n - runs.removed_before(n);
    // a function is entered only at its start, so one whose start is dead
    // is dead whole and adjust_subprog_starts_after_remove() drops it; the
    // others move back by what was removed before them
    let starts: Vec<usize> = env
        .subprogs
        .iter()
        .map(|s| s.start)
        .filter(|&s| seen.get(s) == Some(&true))
        .map(|s| grown(s) - runs.removed_before(grown(s)))
        .collect();
    // jit_subprogs() checks nothing when main is left alone
    if starts.len() <= 1 {
        return Ok(());
    }
    // the walked calls and addresses of functions, and the inlined loops'
    // calls of their callbacks, each by its target in the inlined program
    let targets = insns
        .iter()
        .enumerate()
        .filter(|&(i, insn)| seen[i] && (insn.is_pseudo_call() || insn.is_pseudo_func()))
        .filter_map(|(i, insn)| usize::try_from(i as i64 + insn.imm as i64 + 1).ok())
        .filter(|&t| t < insns.len())
        .chain(sites.iter().map(|s| s.1))
        .map(grown);
    // targets are function starts (check_subprogs()): a few distinct ones
    let mut judged: std::collections::HashMap<usize, bool> = Default::default();
    for target in targets {
        let found = *judged.entry(target).or_insert_with(|| {
            let t = runs.final_target(target);
            t < len && starts.contains(&t)
        });
        if !found {
            return Err(VErr::new(crate::env::EFAULT)
                .because(Reason::DeadCallback)
                .at(None)
                .silent());
        }
    }
    Ok(())
}

/// How many instructions `inline_bpf_loop()` writes for one `bpf_loop`
/// call (its `insn_buf`).
const INLINED_LOOP_LEN: usize = 19;

/// The runs of instructions no walk reached, in the program's numbering:
/// `(start, end, removed before start)`.
struct DeadRuns(Vec<(usize, usize, usize)>);

impl DeadRuns {
    fn of(seen: &[bool]) -> DeadRuns {
        let (mut runs, mut removed, mut i) = (Vec::new(), 0, 0);
        while i < seen.len() {
            if seen[i] {
                i += 1;
                continue;
            }
            let a = i;
            while i < seen.len() && !seen[i] {
                i += 1;
            }
            runs.push((a, i, removed));
            removed += i - a;
        }
        DeadRuns(runs)
    }

    /// Instructions removed before `p`, which no run holds.
    fn removed_before(&self, p: usize) -> usize {
        let k = self.0.partition_point(|r| r.1 <= p);
        k.checked_sub(1)
            .map_or(0, |k| self.0[k].2 + (self.0[k].1 - self.0[k].0))
    }

    /// Where a target ends up once every run is removed, left to right as
    /// the kernel removes them: in the numbering of the moment, a target
    /// past the run moves back by the run's length, one inside it keeps
    /// its number (`bpf_adj_delta_to_imm()`), and may then lie in or past
    /// a later run.
    fn final_target(&self, target: usize) -> usize {
        let k = self.0.partition_point(|r| r.1 <= target);
        let mut t = target - self.removed_before(target);
        for &(a, b, before) in &self.0[k..] {
            let (start, end) = (a - before, b - before);
            if t < start {
                break;
            }
            if t >= end {
                t -= b - a;
            }
        }
        t
    }
}

/// One place in a subprogram where `check_max_stack_depth()` looks.
#[derive(Clone, Copy)]
enum StackSite {
    /// A call (`direct`) or a callback's address (`r2 = cb ll`) at `insn`,
    /// of subprogram `to`.
    Call {
        insn: usize,
        to: usize,
        direct: bool,
    },
    /// A `bpf_throw()` call (6.7+).
    Throw { insn: usize },
}

/// `check_max_stack_depth()`: the deepest static call chain (callbacks
/// count where their address is loaded) fits in 512 bytes; from each root
/// (main, then each async callback; 6.12 from the last), depth first, in
/// instruction order. 6.12 also refuses here a `bpf_throw()` that may run
/// under a callback, a direct call of the exception callback and a tail
/// call reachable from it.
pub(crate) fn check_max_stack_depth(env: &mut Env) -> Result<(), VErr> {
    let n = env.subprogs.len();
    let prog = env.prog.clone();
    let mut sites: Vec<Vec<StackSite>> = vec![Vec::new(); n];
    for (i, insn) in prog.insns.iter().enumerate() {
        let from = env.aux.get(i).map(|a| a.subprog as usize).unwrap_or(0);
        if from >= n {
            continue;
        }
        if let Some(t) = insn.subprog_target(i) {
            let t = t as usize;
            if let Some(to) = env.subprogs.iter().position(|s| s.start == t) {
                sites[from].push(StackSite::Call {
                    insn: i,
                    to,
                    direct: insn.is_pseudo_call(),
                });
            }
        } else if env.is_bpf_throw_kfunc(insn) {
            sites[from].push(StackSite::Throw { insn: i });
        }
    }
    // round_up_stack_depth(): 6.1 rounds each frame to 32 bytes; 6.12
    // (the 6.7 mode's oracle, JIT on) rounds to 16
    let depth_of = |s: usize, env: &Env| -> i32 {
        if env.rules.stack_round_16 {
            let d = env.subprogs[s].stack_depth;
            (d + 15) / 16 * 16
        } else {
            let d = env.subprogs[s].stack_depth.max(1);
            (d + 31) / 32 * 32
        }
    };
    let mut roots: Vec<usize> = (0..n)
        .filter(|&i| i == 0 || env.subprogs[i].is_async_cb)
        .collect();
    if env.rules.stack_round_16 {
        // 6.12 checks the async callbacks' trees first (private stacks)
        roots.reverse();
    }
    for root in roots {
        // the frames of the chain: (subprogram, next site, depth so far)
        let mut stack: Vec<(usize, usize, i32)> = vec![(root, 0, depth_of(root, env))];
        if stack[0].2 > 512 {
            let d = stack[0].2;
            return Err(env
                .fail(
                    EACCES,
                    &format!("combined stack size of 1 calls is {}. Too large", d),
                )
                .because(crate::reason::Reason::CombinedStackTooLarge { size: d as i64 })
                .at(None));
        }
        let mut tail_call_reachable = false;
        while let Some(&mut (s, ref mut next, depth)) = stack.last_mut() {
            if *next >= sites[s].len() {
                // the end of subprogram s: a tail call reachable from
                // the exception callback (a caller of s) cannot unwind
                let callers = &stack[..stack.len() - 1];
                if tail_call_reachable
                    && callers
                        .iter()
                        .any(|&(c, _, _)| env.subprogs[c].is_exception_cb)
                {
                    return Err(env
                        .fail(crate::env::EINVAL, "cannot tail call within exception cb")
                        .because(crate::reason::Reason::ExceptionMisuse)
                        .at(None));
                }
                stack.pop();
                continue;
            }
            let site = sites[s][*next];
            *next += 1;
            let (insn, c, direct) = match site {
                StackSite::Throw { insn } => {
                    // bpf_throw() under a callback, or in one
                    let under_cb = stack.iter().any(|&(f, _, _)| env.subprogs[f].is_cb);
                    if under_cb {
                        return Err(env
                            .fail(
                                crate::env::EINVAL,
                                &format!(
                                    "bpf_throw kfunc (insn {insn}) cannot be called from callback subprog {s}"
                                ),
                            )
                            .because(crate::reason::Reason::ExceptionMisuse)
                            .at(None));
                    }
                    continue;
                }
                StackSite::Call { insn, to, direct } => (insn, to, direct),
            };
            if env.subprogs[c].is_async_cb {
                if !direct {
                    continue;
                }
                if env.subprogs[c].is_exception_cb {
                    return Err(env
                        .fail(
                            crate::env::EINVAL,
                            &format!("insn {insn} cannot call exception cb directly"),
                        )
                        .because(crate::reason::Reason::ExceptionMisuse)
                        .at(None));
                }
            }
            if env.subprogs[c].has_tail_call {
                tail_call_reachable = true;
            }
            if stack.len() >= 8 {
                // the kernel's `frame` after `frame++`: main is frame 0
                let f = stack.len();
                return Err(env
                    .fail(
                        crate::env::E2BIG,
                        &format!("the call stack of {} frames is too deep !", f),
                    )
                    .because(crate::reason::Reason::CallDepth { frames: f })
                    .at(None));
            }
            // bpf-to-bpf calls combined with tail calls: the callers'
            // frames stay on the stack across the tail call, so they are
            // limited to 256 bytes (32 tail calls x 256 = 8K at worst)
            if env.subprogs[c].has_tail_call && depth >= 256 {
                return Err(env.fail(
                    EACCES,
                    &format!(
                        "tail_calls are not allowed when call stack of previous frames is {} bytes. Too large",
                        depth
                    ),
                ));
            }
            let nd = depth + depth_of(c, env);
            if nd > 512 {
                let frames = stack.len() + 1;
                return Err(env
                    .fail(
                        EACCES,
                        &format!(
                            "combined stack size of {} calls is {}. Too large",
                            frames, nd
                        ),
                    )
                    .because(crate::reason::Reason::CombinedStackTooLarge { size: nd as i64 })
                    .at(None));
            }
            stack.push((c, 0, nd));
        }
    }
    Ok(())
}

fn error_of(env: &mut Env, e: VErr) -> VerifierError {
    let message = if e.silent {
        String::new()
    } else if e.ends_at_insn && !env.log.enabled() {
        // what a level-1 log would end with; a log that is on ends with
        // whatever it printed last (level 2: a mark_precise line)
        format!(
            "{}: {}",
            env.insn_idx,
            crate::disasm::insn_text(&env.prog, env.insn_idx)
        )
    } else {
        env.log.last_line()
    };
    // the instruction: the one the check named, else (walk) the current
    // one; checks before the walk name theirs or none
    let insn = match e.insn {
        Some(at) => at,
        None if env.structural_error => None,
        None => Some(env.insn_idx),
    };
    let reason = e.reason.unwrap_or(if env.structural_error {
        Reason::InvalidProgram
    } else {
        Reason::Other
    });
    VerifierError {
        explanation: reason.explanation(),
        reason,
        insn,
        message,
        errno: e.errno,
    }
}

#[cfg(test)]
mod tests {
    use super::DeadRuns;

    /// The kernel's way, one run at a time: `bpf_adj_delta_to_imm()` on a
    /// target, in the numbering of the moment.
    fn one_run_at_a_time(seen: &[bool], target: usize) -> usize {
        let mut seen = seen.to_vec();
        let mut t = target;
        let mut i = 0;
        while i < seen.len() {
            let cnt = seen[i..].iter().take_while(|s| !**s).count();
            if cnt == 0 {
                i += 1;
                continue;
            }
            seen.drain(i..i + cnt);
            if t >= i + cnt {
                t -= cnt;
            }
        }
        t
    }

    #[test]
    fn targets_move_as_the_kernel_removes_dead_runs() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = 1 + (x >> 58) as usize;
            // main's first instruction is always seen
            let seen: Vec<bool> = (0..n)
                .map(|i| i == 0 || (x >> (i % 64)) & 1 == 1 || (x >> ((i * 7) % 64)) & 2 == 2)
                .collect();
            let runs = DeadRuns::of(&seen);
            for target in 0..n {
                assert_eq!(
                    runs.final_target(target),
                    one_run_at_a_time(&seen, target),
                    "{seen:?} target {target}"
                );
            }
        }
    }
}
