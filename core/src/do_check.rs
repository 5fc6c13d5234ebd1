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
    /// Starts `do_check_common()` for the main program.
    pub fn start(&mut self) {
        let mut f = FuncState::new(BPF_MAIN_FUNC, 0, 0);
        f.regs[1].mark_known_zero_ptr(RegType::Ctx);
        self.cur.frames = vec![f];
        // the main program's prototype against R1 = ctx (objects with BTF)
        self.btf_check_subprog_arg_match(0);
        self.btf_prepare_main_args();
        self.mark_all_scratched();
        self.insn_idx = 0;
        self.prev_insn_idx = 0;
    }

    /// One iteration of `do_check()`'s loop.
    pub fn step(&mut self) -> VResult<StepResult> {
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
            if self.log_on() {
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

        if self.log_on() {
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
            }
            BPF_LDX => {
                self.check_ldx(&insn)?;
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
                    let lock_blocks_call = if self.rules.subprog_under_lock {
                        insn.src == 0 && insn.imm != FuncId::spin_unlock as i32
                    } else {
                        insn.src == BPF_PSEUDO_CALL || insn.imm != FuncId::spin_unlock as i32
                    };
                    if self.cur.active_spin_lock != 0 && lock_blocks_call {
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

    /// `exit`: leave a frame, or finish the path.
    fn do_exit(&mut self) -> VResult<StepResult> {
        // 6.12 wants the lock released by main's exit only
        let lock_checked = !self.rules.subprog_under_lock || self.cur.curframe() == 0;
        if self.cur.active_spin_lock != 0 && lock_checked {
            return Err(self
                .fail(EINVAL, "bpf_spin_unlock is missing")
                .because(crate::reason::Reason::LockMisuse));
        }
        // 9d9d00ac: the leak check runs before prepare_func_exit, for every frame
        if self.rules.leak_check_every_exit {
            self.check_reference_leak()?;
        }
        if self.cur.curframe() > 0 {
            // exit from nested function
            self.prepare_func_exit()?;
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
