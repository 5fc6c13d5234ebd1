//! Conditional jumps (`check_cond_jmp_op`): known outcomes
//! (`is_branch_taken`), pushing the other branch, range learning
//! (`reg_set_min_max`, `find_equal_scalars`), NULL checks and packet bounds.

use crate::env::{Env, VResult, EINVAL};
use crate::insn::*;
use crate::regs::{RegState, RegType};
use crate::state::VerifierState;
use crate::tnum::Tnum;

fn flip(op: u8) -> u8 {
    match op {
        BPF_JGT => BPF_JLT,
        BPF_JLT => BPF_JGT,
        BPF_JGE => BPF_JLE,
        BPF_JLE => BPF_JGE,
        BPF_JSGT => BPF_JSLT,
        BPF_JSLT => BPF_JSGT,
        BPF_JSGE => BPF_JSLE,
        BPF_JSLE => BPF_JSGE,
        o => o,
    }
}

/// `is_branch_taken()`: 1 taken, 0 not taken, -1 unknown.
/// `eq_ranges`: decide `==`/`!=` from the bounds too (6.8+, so the `6.7`
/// mode, which is checked against 6.12); 6.1 decides them only for constants.
pub fn is_branch_taken(
    reg: &RegState,
    val: u64,
    op: u8,
    jmp32: bool,
    eq_ranges: bool,
    mem_not_null: bool,
) -> i32 {
    if reg.is_pointer() {
        if !ptr_not_null(reg, mem_not_null) || val != 0 {
            return -1;
        }
        return match op {
            BPF_JEQ => 0,
            BPF_JNE => 1,
            _ => -1,
        };
    }
    // 6.1's is_branch32_taken() and is_branch64_taken() are one rule over
    // two widths: a subregister's bounds widen to 64 bits keeping their
    // order, and its tnum (`subreg()`) has no upper bits.
    let (t, bounds, val) = if jmp32 {
        let val = val as u32;
        let bounds = Bounds {
            umin: reg.u32_min.into(),
            umax: reg.u32_max.into(),
            smin: reg.s32_min.into(),
            smax: reg.s32_max.into(),
        };
        (
            reg.var_off.subreg(),
            bounds,
            (u64::from(val), i64::from(val as i32)),
        )
    } else {
        let bounds = Bounds {
            umin: reg.umin,
            umax: reg.umax,
            smin: reg.smin,
            smax: reg.smax,
        };
        (reg.var_off, bounds, (val, val as i64))
    };
    scalar_branch_taken(t, &bounds, val, op, eq_ranges)
}

/// A scalar's bounds at the width a jump compares.
struct Bounds {
    umin: u64,
    umax: u64,
    smin: i64,
    smax: i64,
}

/// `is_branch_taken()` of a scalar `t` within `b` against the constant
/// `val` (unsigned, signed): 1 taken, 0 not taken, -1 unknown.
fn scalar_branch_taken(
    t: Tnum,
    b: &Bounds,
    (val, sval): (u64, i64),
    op: u8,
    eq_ranges: bool,
) -> i32 {
    let (taken, not_taken) = match op {
        BPF_JEQ | BPF_JNE => {
            let eq = if t.is_const() {
                Some(t.value == val)
            } else if eq_ranges && (val < b.umin || val > b.umax || sval < b.smin || sval > b.smax)
            {
                Some(false)
            } else {
                None
            };
            return eq.map_or(-1, |eq| (eq == (op == BPF_JEQ)) as i32);
        }
        BPF_JSET => (
            (!t.mask & t.value) & val != 0,
            (t.value | t.mask) & val == 0,
        ),
        BPF_JGT => (b.umin > val, b.umax <= val),
        BPF_JSGT => (b.smin > sval, b.smax <= sval),
        BPF_JLT => (b.umax < val, b.umin >= val),
        BPF_JSLT => (b.smax < sval, b.smin >= sval),
        BPF_JGE => (b.umin >= val, b.umax < val),
        BPF_JSGE => (b.smin >= sval, b.smax < sval),
        BPF_JLE => (b.umax <= val, b.umin > val),
        BPF_JSLE => (b.smax <= sval, b.smin > sval),
        _ => (false, false),
    };
    if taken {
        1
    } else if not_taken {
        0
    } else {
        -1
    }
}

/// `reg_set_min_max()`: what each branch learns of a scalar compared with a constant.
/// `jset_forgets_ranges`: [`crate::mode::Rules::jset_forgets_ranges`].
pub fn reg_set_min_max(
    true_reg: &mut RegState,
    false_reg: &mut RegState,
    val: u64,
    val32: u32,
    op: u8,
    jmp32: bool,
    jset_forgets_ranges: bool,
) {
    if false_reg.is_pointer() {
        return;
    }
    let mut false_64 = false_reg.var_off;
    let mut true_64 = true_reg.var_off;
    let mut false_32 = false_reg.var_off.subreg();
    let mut true_32 = true_reg.var_off.subreg();
    let sval = val as i64;
    let sval32 = val32 as i32;
    match op {
        BPF_JEQ | BPF_JNE => {
            let r = if op == BPF_JEQ {
                &mut *true_reg
            } else {
                &mut *false_reg
            };
            if jmp32 {
                r.var_off = r.var_off.const_subreg(val32);
                r.s32_min = val32 as i32;
                r.s32_max = val32 as i32;
                r.u32_min = val32;
                r.u32_max = val32;
                if op == BPF_JEQ {
                    true_32 = r.var_off.subreg();
                    true_64 = r.var_off;
                } else {
                    false_32 = r.var_off.subreg();
                    false_64 = r.var_off;
                }
            } else {
                r.mark_known_keep(val);
                if op == BPF_JEQ {
                    true_64 = r.var_off;
                } else {
                    false_64 = r.var_off;
                }
            }
        }
        BPF_JSET => {
            if jset_forgets_ranges {
                // a dead branch must not leave bounds the tnum contradicts
                false_reg.mark_unbounded();
            }
            if jmp32 {
                false_32 = false_32.and(Tnum::konst(!val32 as u64));
                if val32.is_power_of_two() {
                    true_32 = true_32.or(Tnum::konst(val32 as u64));
                }
            } else {
                false_64 = false_64.and(Tnum::konst(!val));
                if val.is_power_of_two() {
                    true_64 = true_64.or(Tnum::konst(val));
                }
            }
        }
        BPF_JGE | BPF_JGT => {
            if jmp32 {
                let fu = if op == BPF_JGT {
                    val32
                } else {
                    val32.wrapping_sub(1)
                };
                let tu = if op == BPF_JGT {
                    val32.wrapping_add(1)
                } else {
                    val32
                };
                false_reg.u32_max = false_reg.u32_max.min(fu);
                true_reg.u32_min = true_reg.u32_min.max(tu);
            } else {
                let fu = if op == BPF_JGT {
                    val
                } else {
                    val.wrapping_sub(1)
                };
                let tu = if op == BPF_JGT {
                    val.wrapping_add(1)
                } else {
                    val
                };
                false_reg.umax = false_reg.umax.min(fu);
                true_reg.umin = true_reg.umin.max(tu);
            }
        }
        BPF_JSGE | BPF_JSGT => {
            if jmp32 {
                let fs = if op == BPF_JSGT {
                    sval32
                } else {
                    sval32.wrapping_sub(1)
                };
                let ts = if op == BPF_JSGT {
                    sval32.wrapping_add(1)
                } else {
                    sval32
                };
                false_reg.s32_max = false_reg.s32_max.min(fs);
                true_reg.s32_min = true_reg.s32_min.max(ts);
            } else {
                let fs = if op == BPF_JSGT {
                    sval
                } else {
                    sval.wrapping_sub(1)
                };
                let ts = if op == BPF_JSGT {
                    sval.wrapping_add(1)
                } else {
                    sval
                };
                false_reg.smax = false_reg.smax.min(fs);
                true_reg.smin = true_reg.smin.max(ts);
            }
        }
        BPF_JLE | BPF_JLT => {
            if jmp32 {
                let fu = if op == BPF_JLT {
                    val32
                } else {
                    val32.wrapping_add(1)
                };
                let tu = if op == BPF_JLT {
                    val32.wrapping_sub(1)
                } else {
                    val32
                };
                false_reg.u32_min = false_reg.u32_min.max(fu);
                true_reg.u32_max = true_reg.u32_max.min(tu);
            } else {
                let fu = if op == BPF_JLT {
                    val
                } else {
                    val.wrapping_add(1)
                };
                let tu = if op == BPF_JLT {
                    val.wrapping_sub(1)
                } else {
                    val
                };
                false_reg.umin = false_reg.umin.max(fu);
                true_reg.umax = true_reg.umax.min(tu);
            }
        }
        BPF_JSLE | BPF_JSLT => {
            if jmp32 {
                let fs = if op == BPF_JSLT {
                    sval32
                } else {
                    sval32.wrapping_add(1)
                };
                let ts = if op == BPF_JSLT {
                    sval32.wrapping_sub(1)
                } else {
                    sval32
                };
                false_reg.s32_min = false_reg.s32_min.max(fs);
                true_reg.s32_max = true_reg.s32_max.min(ts);
            } else {
                let fs = if op == BPF_JSLT {
                    sval
                } else {
                    sval.wrapping_add(1)
                };
                let ts = if op == BPF_JSLT {
                    sval.wrapping_sub(1)
                } else {
                    sval
                };
                false_reg.smin = false_reg.smin.max(fs);
                true_reg.smax = true_reg.smax.min(ts);
            }
        }
        _ => return,
    }
    if jmp32 {
        false_reg.var_off = false_64.clear_subreg().or(false_32.subreg());
        true_reg.var_off = true_64.clear_subreg().or(true_32.subreg());
        false_reg.combine_32_into_64();
        true_reg.combine_32_into_64();
    } else {
        false_reg.var_off = false_64;
        true_reg.var_off = true_64;
        false_reg.combine_64_into_32();
        true_reg.combine_64_into_32();
    }
}

/// `__reg_combine_min_max()`: two registers known equal.
fn combine_min_max(a: &mut RegState, b: &mut RegState) {
    let umin = a.umin.max(b.umin);
    let umax = a.umax.min(b.umax);
    let smin = a.smin.max(b.smin);
    let smax = a.smax.min(b.smax);
    let v = a.var_off.intersect(b.var_off);
    for r in [a, b] {
        r.umin = umin;
        r.umax = umax;
        r.smin = smin;
        r.smax = smax;
        r.var_off = v;
        r.bounds_sync();
    }
}

fn find_equal_scalars(st: &mut VerifierState, known: &RegState) {
    if known.id == 0 {
        return;
    }
    for f in st.frames.iter_mut() {
        for r in f.regs.iter_mut() {
            if r.ty == RegType::Scalar && r.id == known.id {
                let (live, parent) = (r.live, r.parent);
                *r = *known;
                r.live = live;
                r.parent = parent;
            }
        }
        for s in f.stack.iter_mut() {
            // 5.19/6.1's bpf_get_spilled_reg() looks at slot_type[0]: a
            // 4-byte spill (bytes 7..4 of its slot) is not a spilled
            // register there, so its copy keeps the old bounds
            if s.types[0] == crate::state::SlotType::Spill
                && s.spilled.ty == RegType::Scalar
                && s.spilled.id == known.id
            {
                let (live, parent) = (s.spilled.live, s.spilled.parent);
                s.spilled = *known;
                s.spilled.live = live;
                s.spilled.parent = parent;
            }
        }
    }
}

fn find_good_pkt_pointers(st: &mut VerifierState, dst: &RegState, right_open: bool) {
    if dst.off < 0 || (dst.off == 0 && right_open) {
        return;
    }
    if dst.umax > 0xffff || dst.umax + dst.off as u64 > 0xffff {
        return;
    }
    let mut new_range = dst.off;
    if right_open {
        new_range += 1;
    }
    // packet ranges are signed: AT_PKT_END (-1) and BEYOND_PKT_END (-2)
    for f in st.frames.iter_mut() {
        for r in f.regs.iter_mut() {
            if r.ty == dst.ty && r.id == dst.id {
                r.aux = (r.aux as i32).max(new_range) as u32;
            }
        }
        for s in f.stack.iter_mut() {
            if s.is_spill() && s.spilled.ty == dst.ty && s.spilled.id == dst.id {
                s.spilled.aux = (s.spilled.aux as i32).max(new_range) as u32;
            }
        }
    }
}

/// `mark_pkt_end()`: the branch where the packet pointer is at or beyond the end.
fn mark_pkt_end(st: &mut VerifierState, regno: u8, range_open: bool) {
    let cf = st.curframe();
    let r = &mut st.frames[cf].regs[(regno & 0xf) as usize % 11];
    if r.ty != RegType::Packet {
        return;
    }
    r.aux = if range_open {
        -2i32 as u32
    } else {
        -1i32 as u32
    };
}

impl Env {
    fn other_branch(&mut self) -> &mut VerifierState {
        let n = self.head.len() - 1;
        &mut self.head[n].st
    }

    /// 6.12's `reg_set_min_max()` on both branches, then the linked
    /// scalars (`sync_linked_regs`).
    fn refine_branches_612(
        &mut self,
        insn: &Insn,
        dst: &RegState,
        src: &RegState,
        d: usize,
        s: usize,
        cf: usize,
    ) -> VResult<()> {
        let op = insn.op();
        let jmp32 = insn.class() == BPF_JMP32;
        let x = insn.source() == BPF_X;
        if dst.ty == RegType::Scalar && (!x || src.ty == RegType::Scalar) {
            let mut t1 = self.other_branch().frames[cf].regs[d];
            let mut f1 = self.cur.frames[cf].regs[d];
            let (mut t2, mut f2) = if x {
                (
                    self.other_branch().frames[cf].regs[s],
                    self.cur.frames[cf].regs[s],
                )
            } else {
                let mut k = RegState::not_init();
                k.mark_known(insn.imm as i64 as u64);
                (k, k)
            };
            let log = crate::branches612::reg_set_min_max(
                &mut t1,
                &mut t2,
                &mut f1,
                &mut f2,
                op,
                jmp32,
                x && d == s,
            );
            if x {
                self.other_branch().frames[cf].regs[s] = t2;
                self.cur.frames[cf].regs[s] = f2;
            }
            self.other_branch().frames[cf].regs[d] = t1;
            self.cur.frames[cf].regs[d] = f1;
            self.reg_invariants(&log)?;
        }
        if x && src.ty == RegType::Scalar && src.id != 0 {
            let k = self.cur.frames[cf].regs[s];
            crate::branches612::sync_linked_regs(&mut self.cur, &k);
            let k2 = self.other_branch().frames[cf].regs[s];
            crate::branches612::sync_linked_regs(self.other_branch(), &k2);
        }
        if dst.ty == RegType::Scalar && dst.id != 0 {
            let k = self.cur.frames[cf].regs[d];
            crate::branches612::sync_linked_regs(&mut self.cur, &k);
            let k2 = self.other_branch().frames[cf].regs[d];
            crate::branches612::sync_linked_regs(self.other_branch(), &k2);
        }
        Ok(())
    }

    /// 6.12's `reg_bounds_sanity_check()` of register `regno` of the
    /// current frame after an ALU operation (`alu`), a load (`ldx`) or a
    /// helper's integer return (`retval`).
    pub(crate) fn reg_bounds_sanity_check(&mut self, regno: usize, ctx: &str) -> VResult<()> {
        let cf = self.cur.curframe();
        self.reg_bounds_sanity_check_in(cf, regno, ctx)
    }

    /// The same in frame `cf` (a helper's return lands in its caller's
    /// frame, also when a callback's frame is current).
    pub(crate) fn reg_bounds_sanity_check_in(
        &mut self,
        cf: usize,
        regno: usize,
        ctx: &str,
    ) -> VResult<()> {
        if !self.rules.branches_612 {
            return Ok(());
        }
        let Some(r) = self
            .cur
            .frames
            .get_mut(cf)
            .and_then(|f| f.regs.get_mut(regno))
        else {
            return Ok(());
        };
        let line = crate::branches612::sanity_check(r, ctx);
        self.reg_invariants(&line.unwrap_or_default())
    }

    /// What `reg_bounds_sanity_check()` found (its lines): printed, or,
    /// under `BPF_F_TEST_REG_INVARIANTS`, the first of them fails the
    /// load with EFAULT (the kernel checks no further).
    pub(crate) fn reg_invariants(&mut self, lines: &str) -> VResult<()> {
        if lines.is_empty() {
            return Ok(());
        }
        if self
            .prog
            .prog_flags
            .has(crate::program::ProgFlags::TEST_REG_INVARIANTS)
        {
            let first = lines.lines().next().unwrap_or_default().to_string();
            return Err(self
                .fail(crate::env::EFAULT, &first)
                .because(crate::reason::Reason::KernelWarning));
        }
        if self.log_on() {
            self.verbose(lines);
        }
        Ok(())
    }

    /// 6.12's `may_goto`: the jump is taken now, and the fall-through is
    /// explored later with one more `may_goto_depth` (the kernel bounds
    /// the iterations at run time); an earlier pass through the same
    /// instruction on this path widens the fall-through's imprecise
    /// scalars, so that the loop converges.
    fn check_may_goto(&mut self, insn: &Insn) -> VResult<()> {
        if insn.code != crate::insn::BPF_JMP | crate::insn::BPF_JCOND
            || insn.src != 0
            || insn.dst != 0
            || insn.imm != 0
            || insn.off == 0
        {
            return Err(self.fail(
                EINVAL,
                &format!("invalid may_goto off {} imm {}", insn.off, insn.imm),
            ));
        }
        let idx = self.insn_idx;
        self.push_loop_iteration(|st| st.may_goto_depth += 1)?;
        // do_check()'s insn_idx++ follows
        self.insn_idx = (idx as i64 + insn.off as i64) as usize;
        Ok(())
    }

    pub fn check_cond_jmp_op(&mut self, insn: &Insn) -> VResult<()> {
        let op = insn.op();
        let jcond = self.rules.opcodes_v4 && op == crate::insn::BPF_JCOND;
        if op == BPF_JA || (op > BPF_JSLE && !jcond) {
            return Err(self.fail(EINVAL, &format!("invalid BPF_JMP/JMP32 opcode {:x}", op)));
        }
        if jcond {
            return self.check_may_goto(insn);
        }
        let x = insn.source() == BPF_X;
        let jmp32 = insn.class() == BPF_JMP32;
        self.check_reg_src(insn.dst, !jmp32)?;
        if x {
            if insn.imm != 0 {
                return Err(self.fail(EINVAL, "BPF_JMP/JMP32 uses reserved fields"));
            }
            self.check_reg_src(insn.src, !jmp32)?;
        } else if insn.src != 0 {
            return Err(self.fail(EINVAL, "BPF_JMP/JMP32 uses reserved fields"));
        }
        let dst = *self.reg(insn.dst);
        let src = if x {
            *self.reg(insn.src)
        } else {
            RegState::not_init()
        };
        // 6.12 records which operands are stack pointers: backtracking
        // must not ask for their (pointer) values
        let mut flags = 0;
        if x && src.ty == RegType::Stack {
            flags |= crate::backtrack::INSN_F_SRC_REG_STACK;
        }
        if dst.ty == RegType::Stack {
            flags |= crate::backtrack::INSN_F_DST_REG_STACK;
        }
        self.record_cond_jmp_stack_regs(flags);
        let eq_ranges = self.rules.eq_branch_uses_ranges;
        let mem_not_null = self.rules.mem_not_null;
        let k = {
            let mut k = RegState::not_init();
            k.mark_known(insn.imm as i64 as u64);
            k
        };
        let pkt_any = |r: &RegState| {
            matches!(
                r.ty,
                RegType::Packet | RegType::PacketMeta | RegType::PacketEnd
            )
        };
        let pred = if x && !jmp32 && pkt_any(&dst) && pkt_any(&src) {
            is_pkt_ptr_branch_taken(&dst, &src, op)
        } else if self.rules.branches_612
            && dst.ty == RegType::Scalar
            && (!x || src.ty == RegType::Scalar)
        {
            crate::branches612::is_scalar_branch_taken(&dst, if x { &src } else { &k }, op, jmp32)
        } else if !x {
            is_branch_taken(
                &dst,
                insn.imm as i64 as u64,
                op,
                jmp32,
                eq_ranges,
                mem_not_null,
            )
        } else if src.ty == RegType::Scalar && jmp32 && src.var_off.subreg().is_const() {
            is_branch_taken(
                &dst,
                src.var_off.subreg().value,
                op,
                jmp32,
                eq_ranges,
                mem_not_null,
            )
        } else if src.ty == RegType::Scalar && !jmp32 && src.var_off.is_const() {
            is_branch_taken(&dst, src.var_off.value, op, jmp32, eq_ranges, mem_not_null)
        } else if self.rules.branches_612 && dst.ty == RegType::Scalar && src.is_pointer() {
            // 6.12's is_branch_taken() turns `const op pointer` around
            let c = if jmp32 {
                dst.var_off
                    .subreg()
                    .is_const()
                    .then(|| dst.var_off.subreg().value)
            } else {
                dst.var_off.is_const().then_some(dst.var_off.value)
            };
            match c {
                Some(c) => is_branch_taken(
                    &src,
                    c,
                    crate::branches612::flip_opcode(op),
                    jmp32,
                    eq_ranges,
                    mem_not_null,
                ),
                None => -1,
            }
        } else {
            -1
        };
        if pred >= 0 {
            if !dst.is_pointer() {
                self.mark_chain_precision(insn.dst);
            }
            if x && !src.is_pointer() {
                self.mark_chain_precision(insn.src);
            }
        }
        if pred == 1 || pred == 0 {
            if self.log_insns() {
                self.print_insn_state();
            }
            if pred == 1 {
                self.insn_idx = (self.insn_idx as i64 + insn.off as i64) as usize;
            }
            return Ok(());
        }
        // scalars sharing an id, recorded before the other branch is
        // pushed so that both paths have them
        let src_id = if x && src.ty == RegType::Scalar {
            src.id
        } else {
            0
        };
        let dst_id = if dst.ty == RegType::Scalar { dst.id } else { 0 };
        self.record_linked_regs(src_id, dst_id);
        let target = (self.insn_idx as i64 + insn.off as i64 + 1) as usize;
        let from = self.insn_idx;
        self.push_stack(target, from, crate::env::EFAULT)?;
        let (d, s) = (insn.dst as usize, insn.src as usize);
        let cf = self.cur.curframe();
        if self.rules.branches_612 {
            self.refine_branches_612(insn, &dst, &src, d, s, cf)?;
        } else {
            if x {
                if dst.ty == RegType::Scalar && src.ty == RegType::Scalar {
                    let mut t_d = self.other_branch().frames[cf].regs[d];
                    let mut f_d = dst;
                    let mut t_s = self.other_branch().frames[cf].regs[s];
                    let mut f_s = src;
                    if src.var_off.is_const() || (jmp32 && src.var_off.subreg().is_const()) {
                        reg_set_min_max(
                            &mut t_d,
                            &mut f_d,
                            src.var_off.value,
                            src.var_off.subreg().value as u32,
                            op,
                            jmp32,
                            self.rules.jset_forgets_ranges,
                        );
                        self.other_branch().frames[cf].regs[d] = t_d;
                        self.cur.frames[cf].regs[d] = f_d;
                    } else if dst.var_off.is_const() || (jmp32 && dst.var_off.subreg().is_const()) {
                        reg_set_min_max(
                            &mut t_s,
                            &mut f_s,
                            dst.var_off.value,
                            dst.var_off.subreg().value as u32,
                            flip(op),
                            jmp32,
                            self.rules.jset_forgets_ranges,
                        );
                        self.other_branch().frames[cf].regs[s] = t_s;
                        self.cur.frames[cf].regs[s] = f_s;
                    } else if !jmp32 && (op == BPF_JEQ || op == BPF_JNE) {
                        // equal registers: intersect what is known of both
                        let (a, b) = if op == BPF_JEQ {
                            (&mut t_s, &mut t_d)
                        } else {
                            (&mut f_s, &mut f_d)
                        };
                        combine_min_max(a, b);
                        self.other_branch().frames[cf].regs[s] = t_s;
                        self.other_branch().frames[cf].regs[d] = t_d;
                        self.cur.frames[cf].regs[s] = f_s;
                        self.cur.frames[cf].regs[d] = f_d;
                    }
                    if src.id != 0 {
                        let k = self.cur.frames[cf].regs[s];
                        find_equal_scalars(&mut self.cur, &k);
                        let k2 = self.other_branch().frames[cf].regs[s];
                        find_equal_scalars(self.other_branch(), &k2);
                    }
                }
            } else if dst.ty == RegType::Scalar {
                let mut t_d = self.other_branch().frames[cf].regs[d];
                let mut f_d = dst;
                reg_set_min_max(
                    &mut t_d,
                    &mut f_d,
                    insn.imm as i64 as u64,
                    insn.imm as u32,
                    op,
                    jmp32,
                    self.rules.jset_forgets_ranges,
                );
                self.other_branch().frames[cf].regs[d] = t_d;
                self.cur.frames[cf].regs[d] = f_d;
            }
            if dst.ty == RegType::Scalar && dst.id != 0 {
                let k = self.cur.frames[cf].regs[d];
                find_equal_scalars(&mut self.cur, &k);
                let k2 = self.other_branch().frames[cf].regs[d];
                find_equal_scalars(self.other_branch(), &k2);
            }
        }
        // 6.2+: `src == dst` with one of them not NULL lifts the other's
        // PTR_MAYBE_NULL in the branch where they are equal (not for
        // PTR_TO_BTF_ID, which may be NULL unmarked)
        if self.rules.infer_not_null_from_ptr_eq
            && !jmp32
            && x
            && dst.is_pointer()
            && src.is_pointer()
            && dst.ty != RegType::BtfId
            && src.ty != RegType::BtfId
            && (op == BPF_JEQ || op == BPF_JNE)
        {
            let n = self.head.len() - 1;
            let eq = if op == BPF_JEQ {
                &mut self.head[n].st
            } else {
                &mut self.cur
            };
            // 6.12.95: exactly one of them may be NULL, whatever the other
            // is (later 6.12 releases ask reg_not_null() of the other)
            if src.maybe_null != dst.maybe_null {
                let r = if src.maybe_null { insn.src } else { insn.dst };
                crate::refs::mark_ptr_not_null_reg(&self.prog.maps, eq, r);
            }
        }
        if !jmp32 && !x && insn.imm == 0 && (op == BPF_JEQ || op == BPF_JNE) && dst.maybe_null {
            self.mark_ptr_or_null_regs(insn.dst, op == BPF_JNE);
            let n = self.head.len() - 1;
            std::mem::swap(&mut self.cur, &mut self.head[n].st);
            self.mark_ptr_or_null_regs(insn.dst, op == BPF_JEQ);
            std::mem::swap(&mut self.cur, &mut self.head[n].st);
        } else {
            // a privileged loader may compare any pointers (is_pointer_value()
            // is false with allow_ptr_leaks); packet compares learn ranges
            self.try_match_pkt_pointers(insn, &dst, &src);
        }
        if self.log_insns() {
            self.print_insn_state();
        }
        Ok(())
    }

    fn try_match_pkt_pointers(&mut self, insn: &Insn, dst: &RegState, src: &RegState) -> bool {
        if insn.source() != BPF_X || insn.class() == BPF_JMP32 {
            return false;
        }
        // reg_is_init_pkt_pointer(): `data` itself, never advanced (a copy
        // moved by a variable offset has an id and a var_off)
        let init_pkt = |r: &RegState| {
            r.ty == RegType::Packet && r.id == 0 && r.off == 0 && r.var_off.equals_const(0)
        };
        let pkt_vs_end = (dst.ty == RegType::Packet && src.ty == RegType::PacketEnd)
            || (dst.ty == RegType::PacketMeta && init_pkt(src));
        let end_vs_pkt = (dst.ty == RegType::PacketEnd && src.ty == RegType::Packet)
            || (init_pkt(dst) && src.ty == RegType::PacketMeta);
        let n = self.head.len() - 1;
        let (d, sr) = (insn.dst, insn.src);
        match insn.op() {
            BPF_JGT if pkt_vs_end => {
                find_good_pkt_pointers(&mut self.cur, dst, false);
                mark_pkt_end(&mut self.head[n].st, d, true);
            }
            BPF_JGT if end_vs_pkt => {
                find_good_pkt_pointers(&mut self.head[n].st, src, true);
                mark_pkt_end(&mut self.cur, sr, false);
            }
            BPF_JLT if pkt_vs_end => {
                find_good_pkt_pointers(&mut self.head[n].st, dst, true);
                mark_pkt_end(&mut self.cur, d, false);
            }
            BPF_JLT if end_vs_pkt => {
                find_good_pkt_pointers(&mut self.cur, src, false);
                mark_pkt_end(&mut self.head[n].st, sr, true);
            }
            BPF_JGE if pkt_vs_end => {
                find_good_pkt_pointers(&mut self.cur, dst, true);
                mark_pkt_end(&mut self.head[n].st, d, false);
            }
            BPF_JGE if end_vs_pkt => {
                find_good_pkt_pointers(&mut self.head[n].st, src, false);
                mark_pkt_end(&mut self.cur, sr, true);
            }
            BPF_JLE if pkt_vs_end => {
                find_good_pkt_pointers(&mut self.head[n].st, dst, false);
                mark_pkt_end(&mut self.cur, d, true);
            }
            BPF_JLE if end_vs_pkt => {
                find_good_pkt_pointers(&mut self.cur, src, true);
                mark_pkt_end(&mut self.head[n].st, sr, false);
            }
            _ => return false,
        }
        true
    }
}

/// A pointer that cannot be NULL: 6.1's `reg_type_not_null()`, or
/// (`v612`) 6.12.95's `reg_not_null()`, which adds memory (ring buffer
/// records), maps and trusted (referenced) kernel objects.
fn ptr_not_null(reg: &RegState, v612: bool) -> bool {
    use RegType as T;
    if reg.maybe_null {
        return false;
    }
    if !v612 {
        return matches!(
            reg.ty,
            T::Socket | T::TcpSock | T::MapValue | T::MapKey | T::SockCommon
        );
    }
    // 6.12.95's list (later 6.12 releases add xdp sockets and buffers, and
    // refuse a pointer whose offset may wrap it to zero)
    match reg.ty {
        T::Socket
        | T::TcpSock
        | T::MapValue
        | T::MapKey
        | T::SockCommon
        | T::Mem
        | T::AllocMem
        | T::ConstPtrToMap => true,
        // is_trusted_reg(): referenced, or only trusted, allocated or
        // non-owning (an object of the program's on a list or an rbtree)
        // — not RCU, not untrusted, no __user
        T::BtfId => crate::kfunc_args::is_trusted_reg(reg),
        _ => false,
    }
}

/// `is_pkt_ptr_branch_taken()`: a packet pointer known to be at
/// (AT_PKT_END, -1) or beyond (BEYOND_PKT_END, -2) the packet's end
/// decides a compare with `data_end`.
fn is_pkt_ptr_branch_taken(dst: &RegState, src: &RegState, op: u8) -> i32 {
    let (pkt, op) = if src.ty == RegType::PacketEnd {
        (dst, op)
    } else if dst.ty == RegType::PacketEnd {
        (src, flip(op))
    } else {
        return -1;
    };
    let range = pkt.aux as i32;
    if range >= 0 {
        return -1;
    }
    match op {
        BPF_JLE | BPF_JGT if range == -2 => (op == BPF_JGT) as i32,
        BPF_JLT | BPF_JGE if range == -2 || range == -1 => (op == BPF_JGE) as i32,
        _ => -1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown() -> RegState {
        let mut r = RegState::not_init();
        r.mark_unknown();
        r
    }

    #[test]
    fn constants_decide_6_1_branches() {
        let mut r = RegState::not_init();
        r.mark_known(5);
        assert_eq!(is_branch_taken(&r, 5, BPF_JEQ, false, false, false), 1);
        assert_eq!(is_branch_taken(&r, 6, BPF_JEQ, false, false, false), 0);
        assert_eq!(is_branch_taken(&r, 4, BPF_JGT, false, false, false), 1);
        assert_eq!(
            is_branch_taken(&unknown(), 4, BPF_JGT, false, false, false),
            -1
        );
    }

    #[test]
    fn ranges_decide_equality_only_from_6_8() {
        let mut r = unknown();
        r.umin = 10;
        r.umax = 20;
        r.bounds_sync();
        // 6.1 decides == only for constants; 6.8+ from the range
        assert_eq!(is_branch_taken(&r, 5, BPF_JEQ, false, false, false), -1);
        assert_eq!(is_branch_taken(&r, 5, BPF_JEQ, false, true, false), 0);
        // ordering comparisons use the range in both
        assert_eq!(is_branch_taken(&r, 5, BPF_JGT, false, false, false), 1);
    }

    #[test]
    fn non_null_pointers_decide_null_tests() {
        let mut sock = RegState::not_init();
        sock.mark_known_zero_ptr(RegType::Socket);
        assert_eq!(is_branch_taken(&sock, 0, BPF_JNE, false, false, false), 1);
        let mut rec = RegState::not_init();
        rec.mark_known_zero_ptr(RegType::AllocMem);
        // a ring buffer record: only 6.12 knows it is not NULL
        assert_eq!(is_branch_taken(&rec, 0, BPF_JEQ, false, false, false), -1);
        assert_eq!(is_branch_taken(&rec, 0, BPF_JEQ, false, false, true), 0);
        rec.maybe_null = true;
        assert_eq!(is_branch_taken(&rec, 0, BPF_JEQ, false, false, true), -1);
    }
}
