//! The main loop, `do_check()`: one instruction per step, dispatched to
//! the checks of its class, until no pending state is left.

use crate::env::{Env, VResult, BPF_COMPLEXITY_LIMIT_INSNS, E2BIG, EFAULT, EINVAL};
use crate::helper_ids::FuncId;
use crate::insn::*;
use crate::regs::RegType;
use crate::state::{FuncState, BPF_MAIN_FUNC};
use crate::trace::{EventKind, Step};

/// What one call of [`Env::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepResult {
    Continue,
    Done,
}

impl Env {
    /// Global subprograms, by subprogram index (those with BTF, linkage
    /// global; the program itself never).
    fn global_subprog_index(&self, start: usize) -> Option<usize> {
        let fb = self.prog.func_btf.iter().find(|f| f.start == start)?;
        if !fb.global {
            return None;
        }
        self.subprog_of_start(start).filter(|&i| i != 0)
    }

    /// Is the subprogram starting at `start` global?
    pub fn is_global_subprog(&self, start: usize) -> bool {
        self.global_subprog_index(start).is_some()
    }

    /// `bpf_check()`'s order of `do_check_common()` runs: 6.1 verifies
    /// every global subprogram first (`do_check_subprogs`), then main;
    /// 6.12 main first, then the global ones it found called.
    pub fn start(&mut self) -> VResult<()> {
        let n = self.subprogs.len();
        self.global_called = vec![false; n];
        self.global_verified = vec![false; n];
        // do_check_subprogs(): the exception callback is presumed called
        for (i, s) in self.subprogs.iter().enumerate() {
            if s.is_exception_cb {
                self.global_called[i] = true;
            }
        }
        let starts: Vec<usize> = self.subprogs.iter().map(|s| s.start).collect();
        let globals: Vec<usize> = starts
            .iter()
            .filter_map(|&st| self.global_subprog_index(st))
            .collect();
        if self.rules.global_subprogs_after_main || globals.is_empty() {
            self.start_main();
            return Ok(());
        }
        self.func_queue = globals[1..].to_vec();
        self.func_queue.push(0);
        self.begin_func(globals[0])
    }

    /// The next function once one is verified: 6.1's queue, or 6.12's
    /// lowest-numbered global subprogram called and not yet verified.
    fn next_func(&mut self) -> Option<usize> {
        if !self.func_queue.is_empty() {
            return Some(self.func_queue.remove(0));
        }
        if self.rules.global_subprogs_after_main {
            if self.cur_func != 0 {
                if let Some(v) = self.global_verified.get_mut(self.cur_func) {
                    *v = true;
                }
            }
            return (1..self.subprogs.len())
                .find(|&i| self.global_called[i] && !self.global_verified[i]);
        }
        None
    }

    /// A function's walk ended without a rejection (`do_check_common`'s
    /// end): the level-1 log restarts, a global one is said safe, the
    /// stored states are freed; then the next function starts, if any.
    /// Ok(true): another function is under way.
    pub fn end_func(&mut self) -> VResult<bool> {
        if self.subprogs.len() < 2 || !self.prog.func_btf.iter().any(|f| f.global) {
            return Ok(false);
        }
        // pop_log: level 1 and 4 keep only the failing path
        if !self.log.level2() {
            self.log.reset(0);
        }
        self.func_log_reset = true;
        if self.cur_func != 0 && self.log_insns() {
            let name = self.subprog_name(self.cur_func);
            let line = if self.rules.words_612 {
                format!(
                    "Func#{} ('{}') is safe for any args that match its prototype\n",
                    self.cur_func, name
                )
            } else {
                format!(
                    "Func#{} is safe for any args that match its prototype\n",
                    self.cur_func
                )
            };
            self.verbose(&line);
        }
        let Some(next) = self.next_func() else {
            return Ok(false);
        };
        // free_states(): a function's stored states never prune another's
        for l in self.explored.iter_mut() {
            l.clear();
        }
        if next == 0 {
            self.start_main();
            self.finished = false;
            return Ok(true);
        }
        self.begin_func(next)?;
        self.finished = false;
        Ok(true)
    }

    fn subprog_name(&self, i: usize) -> String {
        let start = self.subprogs.get(i).map(|s| s.start).unwrap_or(0);
        self.prog
            .func_btf
            .iter()
            .find(|f| f.start == start)
            .map(|f| f.name.clone())
            .unwrap_or_default()
    }

    /// A fresh path at function `sub`'s first instruction.
    fn fresh_state(&mut self, f: FuncState, start: usize, prev: usize) {
        self.cur = crate::state::VerifierState {
            frames: vec![f],
            parent: None,
            speculative: false,
            active_spin_lock: 0,
            active_lock_held: false,
            active_lock_map: 0,
            active_rcu_lock: false,
            active_preempt_lock: 0,
            in_sleepable: false,
            callback_unroll_depth: 0,
            may_goto_depth: 0,
            loop_entry: None,
            dfs_depth: 0,
            first_insn_idx: start as u32,
            last_insn_idx: 0,
            jmp_history: Vec::new(),
        };
        self.mark_all_scratched();
        self.insn_idx = start;
        self.prev_insn_idx = prev;
        // a new do_check(): nothing pending to print
        self.do_print_state = false;
    }

    /// `do_check_common()` for global subprogram `sub`: its registers from
    /// its BTF prototype (`btf_prepare_func_args`).
    fn begin_func(&mut self, sub: usize) -> VResult<()> {
        self.cur_func = sub;
        let start = self.subprogs.get(sub).map(|s| s.start).unwrap_or(0);
        let prog = self.prog.clone();
        let Some(fb) = prog.func_btf.iter().find(|f| f.start == start) else {
            return Err(self.fail(crate::env::EFAULT, "Global functions need valid BTF"));
        };
        if self.log_global_func_lines() {
            self.verbose(&format!("Validating {}() func#{}...\n", fb.name, sub));
        }
        if let Some((reg, msg)) =
            crate::calls::prepare_func_args_problem(fb, self.rules.arg_tags, &prog)
        {
            let e = self.fail(crate::env::EINVAL, &msg);
            return Err(match reg {
                Some(r) => e.because(crate::reason::Reason::ArgumentType { reg: Some(r) }),
                None => e,
            });
        }
        let mut f = FuncState::new(BPF_MAIN_FUNC, 0, sub as u16);
        if self.subprogs.get(sub).is_some_and(|s| s.is_exception_cb) {
            f.in_exception_callback_fn = true;
            // it is given the cookie bpf_throw() was given
            let one_scalar = fb.params.len() == 1
                && matches!(
                    crate::calls::tagged_param(fb, 0, self.rules.arg_tags, &prog).0,
                    crate::program::Param::Scalar
                );
            if !one_scalar {
                return Err(self
                    .fail(
                        crate::env::EINVAL,
                        "exception cb only supports single integer argument",
                    )
                    .because(crate::reason::Reason::ExceptionMisuse));
            }
        }
        for i in 0..fb.params.len() {
            let (p, may_be_null) = crate::calls::tagged_param(fb, i, self.rules.arg_tags, &prog);
            let r = &mut f.regs[i + 1];
            match p {
                crate::program::Param::Scalar | crate::program::Param::Arena => r.mark_unknown(),
                crate::program::Param::Ctx => r.mark_known_zero_ptr(RegType::Ctx),
                crate::program::Param::Ptr {
                    unsized_pointee: None,
                    size,
                } => {
                    r.mark_known_zero_ptr(RegType::Mem);
                    r.aux = size;
                    r.maybe_null = may_be_null;
                    // 6.1 takes an id in btf_prepare_func_args() and again
                    // in do_check_common()
                    self.id_gen += if self.rules.global_arg_ids_twice {
                        2
                    } else {
                        1
                    };
                    r.id = self.id_gen;
                }
                // __arg_trusted (6.12): a trusted kernel pointer
                crate::program::Param::Trusted { target, nullable } => {
                    let id = prog
                        .kernel_btf
                        .as_ref()
                        .and_then(|k| k.btf.find(crate::btf::KIND_STRUCT, &target))
                        .unwrap_or(0);
                    r.mark_known_zero_ptr(RegType::BtfId);
                    r.aux = crate::btf_access::BtfPtr::new(id, crate::btf_access::TRUSTED).0;
                    r.maybe_null = nullable;
                    self.id_gen += 1;
                    r.id = self.id_gen;
                }
                // 6.12: a const local dynptr (its callers pass initialized
                // ones), with an id of its own
                crate::program::Param::Dynptr => {
                    r.mark_known_zero_ptr(RegType::ConstPtrToDynptr);
                    r.dynptr = crate::dynptr::DynptrSlot {
                        kind: crate::dynptr::DynptrKind::Local,
                        first_slot: true,
                    };
                    self.id_gen += 1;
                    r.id = self.id_gen;
                }
                // refused above (prepare_func_args_problem)
                _ => {}
            }
        }
        // do_check()'s prev_insn_idx starts at -1: the walk's first stored
        // state ends at -1 (a function entry to backtracking)
        self.fresh_state(f, start, u32::MAX as usize);
        Ok(())
    }

    /// Starts `do_check_common()` for the main program.
    pub fn start_main(&mut self) {
        self.cur_func = 0;
        let mut f = FuncState::new(BPF_MAIN_FUNC, 0, 0);
        f.regs[1].mark_known_zero_ptr(RegType::Ctx);
        self.fresh_state(f, 0, 0);
        // the main program's prototype against R1 = ctx (objects with BTF)
        self.btf_check_subprog_arg_match(0);
        self.btf_prepare_main_args();
    }

    /// One iteration of `do_check()`'s loop.
    pub fn step(&mut self) -> VResult<StepResult> {
        // a refusal found between two functions' walks (rare: looked at
        // before taking, so the step loop does not move the slot)
        if self.pending_err.is_some() {
            if let Some(e) = self.pending_err.take() {
                self.finished = true;
                return Err(e);
            }
        }
        if self.finished {
            return Ok(StepResult::Done);
        }
        if self.recording {
            self.trace.steps.push(Step {
                insn: self.insn_idx as u32,
                frame: self.cur.curframe() as u8,
                pending: self.head.len().min(u16::MAX as usize) as u16,
                first_event: self.trace.events.len() as u32,
                log_pos: self.log.len() as u32,
            });
        }
        let r = self.step_inner();
        if self.recording {
            if let Some(s) = self.trace.steps.last_mut() {
                s.pending = self.head.len().min(u16::MAX as usize) as u16;
                s.log_pos = self.log.len() as u32;
            }
        }
        self.step_no += 1;
        r
    }

    fn step_inner(&mut self) -> VResult<StepResult> {
        let insn_cnt = self.prog.insns.len();
        if self.insn_idx >= insn_cnt {
            let (i, c) = (self.insn_idx, insn_cnt);
            return Err(self.fail(EFAULT, &format!("invalid insn idx {} insn_cnt {}", i, c)));
        }
        let insn = self.prog.insns[self.insn_idx];
        let class = insn.class();

        self.insn_processed += 1;
        self.cur_hist_ent = false;
        self.hist_prev = self.prev_insn_idx;
        if self.insn_processed > BPF_COMPLEXITY_LIMIT_INSNS {
            let n = self.insn_processed;
            return Err(self
                .fail(
                    E2BIG,
                    &format!("BPF program is too large. Processed {} insn", n),
                )
                .because(crate::reason::Reason::TooManyInsns { processed: n }));
        }

        if self.is_state_visited(self.insn_idx)? {
            // found an equivalent state: this path is safe
            if self.log_insns() {
                if self.do_print_state {
                    let s = format!(
                        "\nfrom {} to {}{}: safe\n",
                        self.prev_insn_idx, self.insn_idx, ""
                    );
                    self.verbose(&s);
                } else {
                    let s = format!("{}: safe\n", self.insn_idx);
                    self.verbose(&s);
                }
            }
            return Ok(self.finish_path());
        }

        if self.log.level2() && self.do_print_state {
            let s = format!(
                "\nfrom {} to {}{}:",
                self.prev_insn_idx,
                self.insn_idx,
                if self.cur.speculative {
                    " (speculative execution)"
                } else {
                    ""
                }
            );
            self.verbose(&s);
            let fr = self.cur.curframe();
            self.print_state(fr, true);
            self.do_print_state = false;
        }

        if self.log_insns() {
            if self.state_scratched() {
                self.print_insn_state();
            }
            self.verbose_linfo();
            self.log.prev_log_len = self.log.len();
            let mut s = std::mem::take(&mut self.line);
            s.clear();
            crate::log::push_dec(&mut s, self.insn_idx as i64);
            s.push_str(": ");
            s.push_str(self.insn_text(self.insn_idx));
            s.push('\n');
            self.verbose(&s);
            self.line = s;
            self.log.prev_insn_print_len = self.log.len() - self.log.prev_log_len;
            self.log.prev_log_len = self.log.len();
        }
        self.event(EventKind::Insn, self.insn_idx as u32, 0);

        if let Some(a) = self.aux.get_mut(self.insn_idx) {
            a.seen = true;
        }
        self.prev_insn_idx = self.insn_idx;

        match class {
            BPF_ALU | BPF_ALU64 => {
                self.check_alu_op(&insn)?;
                self.reg_bounds_sanity_check(insn.dst as usize, "alu")?;
            }
            BPF_LDX => {
                self.check_ldx(&insn)?;
                self.reg_bounds_sanity_check(insn.dst as usize, "ldx")?;
            }
            BPF_STX => {
                if insn.mode() == BPF_ATOMIC {
                    self.check_atomic(&insn)?;
                    self.insn_idx += 1;
                    return Ok(StepResult::Continue);
                }
                self.check_stx(&insn)?;
            }
            BPF_ST => {
                self.check_st(&insn)?;
            }
            BPF_JMP | BPF_JMP32 => {
                let op = insn.op();
                self.jmps_processed += 1;
                if op == BPF_CALL {
                    if insn.source() != BPF_K
                        || (insn.src != BPF_PSEUDO_CALL
                            && insn.src != BPF_PSEUDO_KFUNC_CALL
                            && insn.src != 0)
                        || insn.off != 0
                        || insn.dst != 0
                        || class == BPF_JMP32
                    {
                        return Err(self.fail(EINVAL, "BPF_CALL uses reserved fields"));
                    }
                    // 6.9+ lets a static subprogram run under the lock
                    // (asked only with a lock held: the kfunc's name is a
                    // BTF lookup)
                    let lock_blocks_call = |env: &Self| {
                        if env.rules.subprog_under_lock {
                            // and a kfunc only if it is of the graph API
                            // (is_bpf_graph_api_kfunc(): lists and rbtrees)
                            (insn.src == 0 && insn.imm != FuncId::spin_unlock as i32)
                                || (insn.src == BPF_PSEUDO_KFUNC_CALL
                                    && (insn.off != 0
                                        || !env.kernel_kfunc_name(insn.imm).is_some_and(|n| {
                                            crate::alloc_obj::is_graph_api_kfunc(&n)
                                        })))
                        } else {
                            insn.src == BPF_PSEUDO_CALL || insn.imm != FuncId::spin_unlock as i32
                        }
                    };
                    if self.cur.active_lock_held && lock_blocks_call(self) {
                        return Err(self
                            .fail(
                                EINVAL,
                                "function calls are not allowed while holding a lock",
                            )
                            .because(crate::reason::Reason::LockMisuse));
                    }
                    if insn.src == BPF_PSEUDO_CALL {
                        self.check_func_call(&insn)?;
                    } else if insn.src == BPF_PSEUDO_KFUNC_CALL {
                        self.check_kfunc_call(&insn)?;
                        if self.is_bpf_throw_kfunc(&insn) {
                            return self.exception_exit();
                        }
                    } else {
                        self.check_helper_call(&insn)?;
                    }
                } else if op == BPF_JA {
                    // gotol (JMP32) carries its offset in imm: Debian's 6.1.192
                    // has the backport (EINVAL), 6.12 answers EFAULT
                    let gotol = class == BPF_JMP32;
                    if insn.source() != BPF_K
                        || insn.src != 0
                        || insn.dst != 0
                        || (!gotol && insn.imm != 0)
                        || (gotol && (insn.off != 0 || !self.rules.opcode_jmp32_ja))
                    {
                        let errno = if self.rules.opcodes_v4 {
                            EFAULT
                        } else {
                            EINVAL
                        };
                        return Err(self.fail(errno, "BPF_JA uses reserved fields"));
                    }
                    self.insn_idx = (self.insn_idx as i64 + insn.jmp_off() + 1) as usize;
                    return Ok(StepResult::Continue);
                } else if op == BPF_EXIT {
                    if insn.source() != BPF_K
                        || insn.imm != 0
                        || insn.src != 0
                        || insn.dst != 0
                        || class == BPF_JMP32
                    {
                        return Err(self.fail(EINVAL, "BPF_EXIT uses reserved fields"));
                    }
                    return self.do_exit();
                } else {
                    self.check_cond_jmp_op(&insn)?;
                }
            }
            BPF_LD => {
                let mode = insn.mode();
                if mode == BPF_ABS || mode == BPF_IND {
                    self.check_ld_abs(&insn)?;
                } else if mode == BPF_IMM {
                    self.check_ld_imm(&insn)?;
                    self.insn_idx += 1;
                    if let Some(a) = self.aux.get_mut(self.insn_idx) {
                        a.seen = true;
                    }
                } else {
                    return Err(self.fail(EINVAL, "invalid BPF_LD mode"));
                }
            }
            _ => {
                let c = insn.code;
                return Err(self.fail(EINVAL, &format!("unknown insn class {}", c)));
            }
        }
        // do_check's `env->insn_idx++` on the kernel's `int`: a taken
        // branch to instruction 0 leaves `insn_idx + off` = -1 here
        self.insn_idx = self.insn_idx.wrapping_add(1);
        Ok(StepResult::Continue)
    }

    /// `bpf_throw()` (6.7+): do_check()'s `process_bpf_exit_full` with
    /// `exception_exit`. The program unwinds from whatever frame threw:
    /// the path ends here, with no return value to check, but nothing may
    /// be held. 6.12.95 asks main's questions of the RCU section and the
    /// non-preemptible region, in frame 0 only (later 6.12 builds ask in
    /// every frame, in words of their own).
    fn exception_exit(&mut self) -> VResult<StepResult> {
        self.check_exit_sections()?;
        self.check_reference_leak_on(true)?;
        Ok(self.finish_path())
    }

    /// What an `exit` (or a `bpf_throw()`) must not leave open: a spin
    /// lock, an RCU read-side section, a non-preemptible region.
    fn check_exit_sections(&mut self) -> VResult<()> {
        // 6.12 wants the lock released by main's exit only
        let lock_checked = !self.rules.subprog_under_lock || self.cur.curframe() == 0;
        if self.cur.active_lock_held && lock_checked {
            return Err(self
                .fail(EINVAL, "bpf_spin_unlock is missing")
                .because(crate::reason::Reason::LockMisuse));
        }
        // 6.12: main's exit must have left the RCU read-side section
        if self.cur.active_rcu_lock && self.cur.curframe() == 0 {
            return Err(self
                .fail(EINVAL, "bpf_rcu_read_unlock is missing")
                .because(crate::reason::Reason::RcuMisuse));
        }
        let preempt = self.cur.active_preempt_lock;
        if preempt > 0 && self.cur.curframe() == 0 {
            let are = if preempt == 1 { " is" } else { "(s) are" };
            return Err(self
                .fail(
                    EINVAL,
                    &format!("{preempt} bpf_preempt_enable{are} missing"),
                )
                .because(crate::reason::Reason::RcuMisuse));
        }
        Ok(())
    }

    /// `exit`: leave a frame, or finish the path.
    fn do_exit(&mut self) -> VResult<StepResult> {
        self.check_exit_sections()?;
        // 9d9d00ac: the leak check runs before prepare_func_exit, for every frame
        if self.rules.leak_check_every_exit {
            self.check_reference_leak()?;
        }
        if self.cur.curframe() > 0 {
            // exit from nested function
            self.prepare_func_exit()?;
            // do_check() prints the caller's state next (an LD_ABS's
            // hidden exit does not)
            self.do_print_state = true;
            return Ok(StepResult::Continue);
        }
        if !self.rules.leak_check_every_exit {
            self.check_reference_leak()?;
        }
        self.check_return_code()?;
        Ok(self.finish_path())
    }

    /// Runs the walk to the end.
    pub fn run(&mut self) -> VResult<()> {
        loop {
            match self.step()? {
                StepResult::Continue => {}
                StepResult::Done => return Ok(()),
            }
        }
    }
}
