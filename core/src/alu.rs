//! ALU instructions (`check_alu_op`, `adjust_reg_min_max_vals`,
//! `adjust_ptr_min_max_vals`, `adjust_scalar_min_max_vals`).

use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::insn::*;
use crate::regs::BPF_ADD_CONST;
use crate::regs::{RegState, RegType, LIVE_WRITTEN};
use crate::tnum::Tnum;

const ALU_STR: [&str; 14] = [
    "+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=", "neg", "%=", "^=", "=", "s>>=", "endian",
];

fn alu_str(op: u8) -> &'static str {
    ALU_STR.get((op >> 4) as usize).copied().unwrap_or("?")
}

const BPF_MAX_VAR_OFF: i64 = 1 << 29;

impl Env {
    /// `check_reg_sane_offset()`: `reg` is the offset or the pointer,
    /// `ptr` gives the type named in the message.
    fn check_reg_sane_offset(&mut self, reg: &RegState, ptr: &RegState) -> VResult<()> {
        let t = self.reg_type_name(ptr);
        let known = reg.var_off.is_const();
        let val = reg.var_off.value as i64;
        if known && (val >= BPF_MAX_VAR_OFF || val <= -BPF_MAX_VAR_OFF) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("math between {} pointer and {} is not allowed", t, val),
                )
                .because(crate::reason::Reason::PointerArithmetic { reg: None }));
        }
        if reg.off as i64 >= BPF_MAX_VAR_OFF || reg.off as i64 <= -BPF_MAX_VAR_OFF {
            let o = reg.off;
            return Err(self.fail(
                EINVAL,
                &format!("{} pointer offset {} is not allowed", t, o),
            ));
        }
        if reg.smin == i64::MIN {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                    "math between {} pointer and register with unbounded min value is not allowed",
                    t
                ),
                )
                .because(crate::reason::Reason::PointerArithmetic { reg: None }));
        }
        if reg.smin >= BPF_MAX_VAR_OFF || reg.smin <= -BPF_MAX_VAR_OFF {
            let v = reg.smin;
            return Err(self.fail(
                EINVAL,
                &format!("value {} makes {} pointer be out of bounds", v, t),
            ));
        }
        Ok(())
    }

    pub fn check_alu_op(&mut self, insn: &Insn) -> VResult<()> {
        let op = insn.op();
        let alu64 = insn.class() == BPF_ALU64;
        if op == BPF_END || op == BPF_NEG {
            if op == BPF_NEG {
                if insn.source() != BPF_K || insn.src != 0 || insn.off != 0 || insn.imm != 0 {
                    return Err(self
                        .fail(EINVAL, "BPF_NEG uses reserved fields")
                        .because(crate::reason::Reason::InvalidProgram));
                }
            } else if insn.src != 0
                || insn.off != 0
                || !matches!(insn.imm, 16 | 32 | 64)
                // cpu v4's bswap is the ALU64 form with TO_LE (6.12)
                || (alu64 && (!self.rules.opcodes_v4 || insn.source() != BPF_TO_LE))
            {
                return Err(self
                    .fail(EINVAL, "BPF_END uses reserved fields")
                    .because(crate::reason::Reason::InvalidProgram));
            }
            // is_reg64(): a swap of 64 bits reads the register whole, of
            // 16 or 32 bits its lower half, in either class (6.12 says so
            // of cpu v4's bswap16/32); a negation reads as its class
            let rw64 = if op == BPF_END { insn.imm == 64 } else { alu64 };
            self.check_reg_src(insn.dst, rw64)?;
            self.check_reg_dst(insn.dst, true)?;
            return Ok(());
        }
        if op == BPF_MOV {
            let v4 = self.rules.opcodes_v4;
            if insn.source() == BPF_X {
                // cpu v4 (6.12): movsx, `r1 = (s8|s16|s32)r2`, `w1 = (s8|s16)w2`;
                // off 1 on ALU64 is the arena's addr_space_cast
                let sx_ok = match (v4, alu64) {
                    (false, _) => insn.off == 0,
                    (true, false) => matches!(insn.off, 0 | 8 | 16),
                    (true, true) => matches!(insn.off, 0 | 8 | 16 | 32),
                };
                if v4 && alu64 && insn.off == 1 {
                    if insn.imm != 1 && insn.imm != 1 << 16 {
                        return Err(self.fail(
                            EINVAL,
                            "addr_space_cast insn can only convert between address space 1 and 0",
                        ));
                    }
                    if self.arena.is_none() {
                        return Err(self.fail(
                            EINVAL,
                            "addr_space_cast insn can only be used in a program that has an associated arena",
                        ));
                    }
                    self.check_reg_src(insn.src, true)?;
                    self.check_reg_dst(insn.dst, false)?;
                    // from address space 1 (the user's) to 0: a pointer the
                    // program may load and store through; the other way, a
                    // number
                    let d = self.reg_mut(insn.dst);
                    d.mark_unknown();
                    if insn.imm == 1 {
                        d.ty = RegType::Arena;
                    }
                    return Ok(());
                }
                if insn.imm != 0 || !sx_ok {
                    return Err(self
                        .fail(EINVAL, "BPF_MOV uses reserved fields")
                        .because(crate::reason::Reason::InvalidProgram));
                }
                self.check_reg_src(insn.src, alu64)?;
                if insn.off != 0 {
                    self.check_reg_dst(insn.dst, false)?;
                    self.mov_sign_extend(insn, alu64);
                    return Ok(());
                }
            } else if insn.src != 0 || insn.off != 0 {
                return Err(self
                    .fail(EINVAL, "BPF_MOV uses reserved fields")
                    .because(crate::reason::Reason::InvalidProgram));
            }
            self.check_reg_dst(insn.dst, false)?;
            if insn.source() == BPF_X {
                let ids_612 = self.rules.mov_ids_612;
                if alu64 {
                    if ids_612 {
                        self.unlink_add_const(insn.src);
                    }
                    let s = *self.reg(insn.src);
                    // 6.1 links every scalar copy; 6.12's
                    // assign_scalar_id_before_mov() leaves constants alone
                    if s.ty == RegType::Scalar && s.id == 0 && !(ids_612 && s.var_off.is_const()) {
                        let id = self.new_id();
                        self.reg_mut(insn.src).id = id;
                    }
                    let src = *self.reg(insn.src);
                    let d = self.reg_mut(insn.dst);
                    copy_register_state(d, &src);
                    d.live |= LIVE_WRITTEN;
                } else {
                    let s = *self.reg(insn.src);
                    // 6.12 links a 32-bit copy of a value that fits in 32 bits
                    let fits = 64 - s.umax.leading_zeros() <= 32;
                    if ids_612 && fits {
                        self.unlink_add_const(insn.src);
                    }
                    let s = *self.reg(insn.src);
                    if ids_612
                        && fits
                        && s.ty == RegType::Scalar
                        && s.id == 0
                        && !s.var_off.is_const()
                    {
                        let id = self.new_id();
                        self.reg_mut(insn.src).id = id;
                    }
                    let src = *self.reg(insn.src);
                    let d = self.reg_mut(insn.dst);
                    if src.ty == RegType::Scalar {
                        copy_register_state(d, &src);
                        if !(ids_612 && fits) {
                            d.id = 0;
                        }
                        d.live |= LIVE_WRITTEN;
                    } else {
                        d.mark_unknown();
                    }
                    d.zext_32_to_64();
                    if ids_612 {
                        d.bounds_sync_612();
                    } else {
                        d.bounds_sync();
                    }
                }
            } else {
                let d = self.reg_mut(insn.dst);
                d.mark_unknown();
                if alu64 {
                    d.mark_known(insn.imm as i64 as u64);
                } else {
                    d.mark_known(insn.imm as u32 as u64);
                }
            }
            return Ok(());
        }
        if op > BPF_END {
            return Err(self.fail(EINVAL, &format!("invalid BPF_ALU opcode {:x}", op)));
        }
        // cpu v4 (6.12): off 1 makes a division or modulo signed (s/=, s%=)
        let off_ok = insn.off == 0
            || (self.rules.opcodes_v4 && insn.off == 1 && (op == BPF_DIV || op == BPF_MOD));
        if insn.source() == BPF_X {
            if insn.imm != 0 || !off_ok {
                return Err(self
                    .fail(EINVAL, "BPF_ALU uses reserved fields")
                    .because(crate::reason::Reason::InvalidProgram));
            }
            self.check_reg_src(insn.src, alu64)?;
        } else if insn.src != 0 || !off_ok {
            return Err(self
                .fail(EINVAL, "BPF_ALU uses reserved fields")
                .because(crate::reason::Reason::InvalidProgram));
        }
        self.check_reg_src(insn.dst, alu64)?;
        if (op == BPF_MOD || op == BPF_DIV) && insn.source() == BPF_K && insn.imm == 0 {
            return Err(self
                .fail(EINVAL, "div by zero")
                .because(crate::reason::Reason::InvalidAlu));
        }
        if (op == BPF_LSH || op == BPF_RSH || op == BPF_ARSH) && insn.source() == BPF_K {
            let size = if alu64 { 64 } else { 32 };
            if insn.imm < 0 || insn.imm >= size {
                let i = insn.imm;
                return Err(self
                    .fail(EINVAL, &format!("invalid shift {}", i))
                    .because(crate::reason::Reason::InvalidAlu));
            }
        }
        self.check_reg_dst(insn.dst, false)?;
        self.adjust_reg_min_max_vals(insn)
    }

    /// `r1 = (s8)r2` / `w1 = (s16)w2` (6.12's check_alu_op, cpu v4): a
    /// scalar is sign-extended in its bounds; anything else becomes an
    /// unknown scalar (a privileged loader may leak pointers).
    fn mov_sign_extend(&mut self, insn: &Insn, alu64: bool) {
        let off = insn.off as u32;
        let src = *self.reg(insn.src);
        if src.ty != RegType::Scalar {
            let d = self.reg_mut(insn.dst);
            d.mark_unknown();
            if !alu64 {
                d.zext_32_to_64();
                d.bounds_sync_612();
            }
            return;
        }
        // the copy stays linked only when no sign bit can be set
        let no_sext = src.umax < (1u64 << (off - 1));
        if no_sext {
            self.unlink_add_const(insn.src);
            let s = *self.reg(insn.src);
            if s.id == 0 && !s.var_off.is_const() {
                let id = self.new_id();
                self.reg_mut(insn.src).id = id;
            }
        }
        let src = *self.reg(insn.src);
        let d = self.reg_mut(insn.dst);
        copy_register_state(d, &src);
        if !no_sext {
            // 6.12.95 clears the id only; a linked register's delta (`off`)
            // stays, and counts again if the register is linked anew
            d.id = 0;
        }
        d.live |= LIVE_WRITTEN;
        if alu64 {
            d.coerce_to_size_sx(off / 8);
        } else {
            d.coerce_subreg_to_size_sx(off / 8);
            d.zext_32_to_64();
            d.bounds_sync_612();
        }
    }

    /// `assign_scalar_id_before_mov()`, first half: a register that is
    /// "another scalar + K" is unlinked before it is copied (the copy
    /// cannot carry a second constant).
    pub fn unlink_add_const(&mut self, regno: u8) {
        let r = self.reg_mut(regno);
        if r.ty == RegType::Scalar && r.id & BPF_ADD_CONST != 0 {
            r.id = 0;
            r.off = 0;
        }
    }

    fn adjust_reg_min_max_vals(&mut self, insn: &Insn) -> VResult<()> {
        let op = insn.op();
        let dst = *self.reg(insn.dst);
        // 6.12: any arithmetic with an arena pointer gives one, the
        // source's whole state (parent and liveness too: a plain struct
        // copy) when the destination was not
        if dst.ty == RegType::Arena
            || (insn.source() == BPF_X && self.reg(insn.src).ty == RegType::Arena)
        {
            if dst.ty != RegType::Arena {
                let src = *self.reg(insn.src);
                *self.reg_mut(insn.dst) = src;
            }
            return Ok(());
        }
        // 6.1 unlinks the destination first; 6.12 decides at the end
        let add_const = self.rules.add_const_612;
        if dst.ty == RegType::Scalar && !add_const {
            self.reg_mut(insn.dst).id = 0;
        }
        let ptr_dst = dst.ty != RegType::Scalar;
        let src = if insn.source() == BPF_X {
            let s = *self.reg(insn.src);
            if s.ty != RegType::Scalar {
                if ptr_dst {
                    if op == BPF_SUB {
                        self.reg_mut(insn.dst).mark_unknown();
                        return Ok(());
                    }
                    let d = insn.dst;
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("R{} pointer {} pointer prohibited", d, alu_str(op)),
                        )
                        .because(crate::reason::Reason::PointerArithmetic { reg: Some(d) }));
                }
                // scalar += pointer
                self.mark_chain_precision(insn.dst);
                let dstv = *self.reg(insn.dst);
                return self.adjust_ptr_min_max_vals(insn, s, dstv, true);
            } else if ptr_dst {
                self.mark_chain_precision(insn.src);
                return self.adjust_ptr_min_max_vals(insn, dst, s, false);
            } else if dst.precise {
                // a precise destination needs a precise source
                self.mark_chain_precision(insn.src);
            }
            s
        } else {
            let mut k = RegState::not_init();
            k.mark_known(insn.imm as i64 as u64);
            if ptr_dst {
                return self.adjust_ptr_min_max_vals(insn, dst, k, false);
            }
            k
        };
        let alu64 = insn.class() == BPF_ALU64;
        let alu_612 = self.rules.scalar_alu_612;
        if self.rules.fork_minus_one_or_zero
            && matches!(op, BPF_AND | BPF_OR)
            && src.var_off.is_const()
        {
            self.maybe_fork_scalars(insn.dst)?;
        }
        let d = self.reg_mut(insn.dst);
        adjust_scalar(d, &src, op, alu64, alu_612);
        if add_const {
            // `r1 += K` keeps r1 linked to the scalar it was copied from,
            // remembering K, so a bound learnt on either holds for both
            // `r1 += r1`: the kernel's src_reg is dst_reg, already summed
            // (6.12.95; later 6.12.y unlink it instead)
            let src_now = if insn.source() == BPF_X && insn.src == insn.dst {
                *d
            } else {
                src
            };
            if op == BPF_ADD && alu64 && d.id != 0 && src_now.var_off.is_const() {
                let val = src_now.var_off.value;
                if d.id & BPF_ADD_CONST != 0 || val > i32::MAX as u64 {
                    d.off = 0;
                    d.id = 0;
                } else {
                    d.id |= BPF_ADD_CONST;
                    d.off = val as i32;
                }
            } else {
                d.id = 0;
            }
        }
        Ok(())
    }

    fn adjust_ptr_min_max_vals(
        &mut self,
        insn: &Insn,
        ptr: RegState,
        off: RegState,
        scalar_dst: bool,
    ) -> VResult<()> {
        let op = insn.op();
        let dst = insn.dst;
        let known = off.var_off.is_const();
        if (known && (off.smin != off.smax || off.umin != off.umax))
            || off.smin > off.smax
            || off.umin > off.umax
        {
            // the offset's bounds contradict each other (a dead branch
            // narrowed them): the result is tainted, an unknown scalar
            self.reg_mut(dst).mark_unknown();
            return Ok(());
        }
        if insn.class() != BPF_ALU64 {
            if op == BPF_SUB {
                self.reg_mut(dst).mark_unknown();
                return Ok(());
            }
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{} 32-bit pointer arithmetic prohibited", dst),
                )
                .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
        }
        if ptr.maybe_null {
            let t = self.reg_type_name(&ptr);
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "R{} pointer arithmetic on {} prohibited, null-check it first",
                        dst, t
                    ),
                )
                .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
        }
        let smin_val = off.smin;
        match ptr.ty {
            // a flow keys pointer moves by constants only
            RegType::FlowKeys if known => {}
            RegType::ConstPtrToMap if known && smin_val == 0 && op == BPF_ADD => {}
            RegType::FlowKeys
            | RegType::ConstPtrToMap
            | RegType::PacketEnd
            | RegType::Socket
            | RegType::SockCommon
            | RegType::TcpSock
            | RegType::XdpSock => {
                let t = self.reg_type_name(&ptr);
                return Err(self
                    .fail(
                        EACCES,
                        &format!("R{} pointer arithmetic on {} prohibited", dst, t),
                    )
                    .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
            }
            _ => {}
        }
        self.check_reg_sane_offset(&off, &ptr)?;
        self.check_reg_sane_offset(&ptr, &ptr)?;
        let mut d = ptr;
        if scalar_dst && ptr.ty == RegType::Stack && self.rules.scalar_plus_fp_frame0 {
            // Linux 6.12 (checked on 6.12.95): `scalar += r10` in a called
            // function points into frame 0's stack (the scalar's frameno,
            // always 0, survives), where 6.1 points into the current frame
            d.frameno = 0;
        }
        let cur_dst = *self.reg(dst);
        if !scalar_dst || self.rules.scalar_plus_fp_frame0 {
            // `ptr += scalar` keeps the destination's liveness and
            // parentage; so does `scalar += pointer` on 6.12.95 (its level-2
            // log prints `R6_w=fp[0]0` after `r6 = 0; r6 += r10`), where 6.1
            // copies the pointer's whole state (*dst_reg = *ptr_reg)
            d.live = cur_dst.live;
            d.parent = cur_dst.parent;
        }
        if scalar_dst && self.rules.scalar_plus_fp_frame0 {
            // 6.12.95 sets the type, id, bounds, offset and map of the
            // scalar it turns into a pointer: its reference (none) stays,
            // so the sum cannot be released
            d.ref_obj_id = cur_dst.ref_obj_id;
            d.precise = cur_dst.precise;
        }
        d.mark_unbounded32();
        match op {
            BPF_ADD => {
                let noff = ptr.off as i64 + smin_val;
                if known && noff == noff as i32 as i64 {
                    d.off = noff as i32;
                } else {
                    d.smin = ptr.smin.checked_add(off.smin).unwrap_or(i64::MIN);
                    d.smax = ptr.smax.checked_add(off.smax).unwrap_or(i64::MAX);
                    if ptr.smin.checked_add(off.smin).is_none()
                        || ptr.smax.checked_add(off.smax).is_none()
                    {
                        d.smin = i64::MIN;
                        d.smax = i64::MAX;
                    }
                    match (
                        ptr.umin.checked_add(off.umin),
                        ptr.umax.checked_add(off.umax),
                    ) {
                        (Some(a), Some(b)) => {
                            d.umin = a;
                            d.umax = b;
                        }
                        _ => {
                            d.umin = 0;
                            d.umax = u64::MAX;
                        }
                    }
                    d.var_off = ptr.var_off.add(off.var_off);
                    if ptr.is_packet() {
                        d.id = self.new_id();
                        d.aux = 0;
                    }
                }
            }
            BPF_SUB => {
                if scalar_dst {
                    return Err(self.fail(
                        EACCES,
                        &format!("R{} tried to subtract pointer from scalar", dst),
                    ));
                }
                if ptr.ty == RegType::Stack {
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("R{} subtraction from stack pointer prohibited", dst),
                        )
                        .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
                }
                let noff = ptr.off as i64 - smin_val;
                if known && noff == noff as i32 as i64 {
                    d.off = noff as i32;
                } else {
                    match (
                        ptr.smin.checked_sub(off.smax),
                        ptr.smax.checked_sub(off.smin),
                    ) {
                        (Some(a), Some(b)) => {
                            d.smin = a;
                            d.smax = b;
                        }
                        _ => {
                            d.smin = i64::MIN;
                            d.smax = i64::MAX;
                        }
                    }
                    if ptr.umin < off.umax {
                        d.umin = 0;
                        d.umax = u64::MAX;
                    } else {
                        d.umin = ptr.umin - off.umax;
                        d.umax = ptr.umax.wrapping_sub(off.umin);
                    }
                    d.var_off = ptr.var_off.sub(off.var_off);
                    if ptr.is_packet() {
                        d.id = self.new_id();
                        if smin_val < 0 {
                            d.aux = 0;
                        }
                    }
                }
            }
            BPF_AND | BPF_OR | BPF_XOR => {
                return Err(self
                    .fail(
                        EACCES,
                        &format!(
                            "R{} bitwise operator {} on pointer prohibited",
                            dst,
                            alu_str(op)
                        ),
                    )
                    .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
            }
            _ => {
                return Err(self
                    .fail(
                        EACCES,
                        &format!(
                            "R{} pointer arithmetic with {} operator prohibited",
                            dst,
                            alu_str(op)
                        ),
                    )
                    .because(crate::reason::Reason::PointerArithmetic { reg: Some(dst) }));
            }
        }
        self.check_reg_sane_offset(&d, &ptr)?;
        // reg_bounds_sync(): 6.12's also deduces the 32-bit bounds from the
        // 64-bit ones, which the pointer's were reset to unbounded
        if self.rules.scalar_alu_612 {
            d.bounds_sync_612();
        } else {
            d.bounds_sync();
        }
        *self.reg_mut(dst) = d;
        Ok(())
    }
}

impl Env {
    /// `maybe_fork_scalars()` (6.12): a scalar in [-1, 0] (64-bit, else its
    /// lower 32 bits) about to be masked by a constant becomes two paths:
    /// this one goes on with -1, a pushed one re-runs the instruction with
    /// 0. Masking either constant is exact, where the range would not be.
    fn maybe_fork_scalars(&mut self, dst: u8) -> VResult<()> {
        let r = *self.reg(dst);
        let alu32 = if r.smin == -1 && r.smax == 0 {
            false
        } else if r.s32_min == -1 && r.s32_max == 0 {
            true
        } else {
            return Ok(());
        };
        // __mark_reg32_known() sets only the lower half; __mark_reg_known()
        // the whole register and clears its ids, not its precision
        let set = |reg: &mut RegState, v: u64| {
            if alu32 {
                reg.var_off = reg.var_off.const_subreg(v as u32);
                reg.s32_min = v as u32 as i32;
                reg.s32_max = v as u32 as i32;
                reg.u32_min = v as u32;
                reg.u32_max = v as u32;
            } else {
                let precise = reg.precise;
                reg.mark_known(v);
                reg.precise = precise;
            }
        };
        let idx = self.insn_idx;
        // 6.12.95 dereferences the NULL it gets back here (an oops); the
        // conditional jump's errno stands in
        self.push_stack(idx, idx, crate::env::EFAULT)?;
        let fr = self.cur.curframe();
        if let Some(reg) = self
            .head
            .last_mut()
            .and_then(|e| e.st.frames.get_mut(fr))
            .and_then(|f| f.regs.get_mut(dst as usize))
        {
            set(reg, 0);
        }
        set(self.reg_mut(dst), u64::MAX);
        Ok(())
    }
}

/// `copy_register_state()` (6.1.y): everything but parentage and liveness.
pub fn copy_register_state(dst: &mut RegState, src: &RegState) {
    let (parent, live) = (dst.parent, dst.live);
    *dst = *src;
    dst.parent = parent;
    dst.live = live;
}

/// `adjust_scalar_min_max_vals()`: scalar op scalar.
pub fn adjust_scalar(dst: &mut RegState, src: &RegState, op: u8, alu64: bool, alu_612: bool) {
    let insn_bitness: u32 = if alu64 { 64 } else { 32 };
    let (live, parent, precise) = (dst.live, dst.parent, dst.precise);
    let src = *src;
    // Which bounds tell whether the source is a known constant: the 32-bit
    // ones for an ALU32 op, without coercing the source (its upper half may
    // be anything while its lower half is known).
    let (known, contradictory) = if alu64 {
        let known = src.var_off.is_const();
        (
            known,
            (known && (src.smin != src.smax || src.umin != src.umax))
                || src.smin > src.smax
                || src.umin > src.umax,
        )
    } else {
        let known = src.var_off.subreg().is_const();
        (
            known,
            (known && (src.s32_min != src.s32_max || src.u32_min != src.u32_max))
                || src.s32_min > src.s32_max
                || src.u32_min > src.u32_max,
        )
    };
    let unsafe_range = if alu_612 {
        // is_safe_to_compute_dst_reg_range()
        let src_const = if alu64 {
            known && src.smin == src.smax && src.umin == src.umax
        } else {
            known && src.s32_min == src.s32_max && src.u32_min == src.u32_max
        };
        match op {
            BPF_ADD | BPF_SUB | BPF_AND | BPF_XOR | BPF_OR | BPF_MUL => false,
            BPF_LSH | BPF_RSH | BPF_ARSH => !(src_const && src.umax < insn_bitness as u64),
            _ => true,
        }
    } else {
        contradictory || (!known && op != BPF_ADD && op != BPF_SUB && op != BPF_AND)
    };
    if unsafe_range {
        // __mark_reg_unknown() and return: no zero extension, so an ALU32
        // op leaves all 64 bits unknown
        dst.mark_unknown();
        return;
    }
    let mut d = *dst;
    if !alu64 {
        d.coerce_to_size(4);
    }
    // the shift amount is checked against its 64-bit bounds, as the kernel does
    let (umin_val, umax_val) = (src.umin, src.umax);
    match op {
        BPF_ADD => {
            add32(&mut d, &src);
            add64(&mut d, &src);
            d.var_off = d.var_off.add(src.var_off);
        }
        BPF_SUB => {
            sub32(&mut d, &src);
            sub64(&mut d, &src);
            d.var_off = d.var_off.sub(src.var_off);
        }
        BPF_MUL => {
            d.var_off = d.var_off.mul(src.var_off);
            mul64(&mut d, &src);
            mul32(&mut d, &src);
        }
        BPF_AND => {
            d.var_off = d.var_off.and(src.var_off);
            and32(&mut d, &src, alu_612);
            and64(&mut d, &src, alu_612);
        }
        BPF_OR => {
            d.var_off = d.var_off.or(src.var_off);
            or32(&mut d, &src, alu_612);
            or64(&mut d, &src, alu_612);
        }
        BPF_XOR => {
            d.var_off = d.var_off.xor(src.var_off);
            xor32(&mut d, &src, alu_612);
            xor64(&mut d, &src, alu_612);
        }
        BPF_LSH | BPF_RSH | BPF_ARSH => {
            if umax_val >= insn_bitness as u64 {
                d.mark_unknown();
            } else {
                let s = umin_val as u32;
                if op == BPF_LSH {
                    if alu64 {
                        // scalar_min_max_lsh(): the 64-bit bounds from the
                        // unshifted 32-bit ones first, then the 32-bit bounds
                        lsh64(&mut d, umin_val, umax_val);
                        lsh32(&mut d, umin_val, umax_val);
                        d.var_off = d.var_off.lshift(s);
                        d.update_bounds();
                    } else {
                        // scalar32_min_max_lsh()
                        let subreg = d.var_off.subreg();
                        lsh32(&mut d, src.u32_min as u64, src.u32_max as u64);
                        d.var_off = subreg.lshift(src.u32_min).subreg();
                        d.mark_unbounded64();
                        d.update_bounds32();
                    }
                } else if op == BPF_RSH {
                    if alu64 {
                        d.var_off = d.var_off.rshift(s);
                        d.umin >>= umax_val;
                        d.umax >>= s;
                        d.smin = i64::MIN;
                        d.smax = i64::MAX;
                        d.mark_unbounded32();
                    } else {
                        // scalar32_min_max_rsh()
                        d.var_off = d.var_off.subreg().rshift(src.u32_min);
                        d.u32_min >>= src.u32_max;
                        d.u32_max >>= src.u32_min;
                        d.s32_min = i32::MIN;
                        d.s32_max = i32::MAX;
                    }
                } else if alu64 {
                    d.smin >>= s;
                    d.smax >>= s;
                    d.var_off = d.var_off.arshift(s, 64);
                    d.umin = 0;
                    d.umax = u64::MAX;
                    d.mark_unbounded32();
                } else {
                    // scalar32_min_max_arsh()
                    d.s32_min >>= src.u32_min;
                    d.s32_max >>= src.u32_min;
                    d.var_off = d.var_off.subreg().arshift(src.u32_min, 32);
                    d.u32_min = 0;
                    d.u32_max = u32::MAX;
                }
            }
        }
        _ => d.mark_unknown(),
    }
    finish(dst, d, live, parent, precise, alu64, alu_612);
}

fn finish(
    dst: &mut RegState,
    mut d: RegState,
    live: u8,
    parent: Option<crate::regs::ParentRef>,
    precise: bool,
    alu64: bool,
    sync_612: bool,
) {
    if !alu64 {
        d.zext_32_to_64();
    }
    if sync_612 {
        d.bounds_sync_612();
    } else {
        d.bounds_sync();
    }
    d.ty = RegType::Scalar;
    d.live = live;
    d.parent = parent;
    d.precise = precise && d.precise;
    *dst = d;
}

/// `scalar32_min_max_add()`, `scalar_min_max_add()` and `tnum_add()`: what
/// `sync_linked_regs()` applies for a linked "scalar + K".
pub fn add_const_bounds(d: &mut RegState, k: &RegState) {
    add32(d, k);
    add64(d, k);
    d.var_off = d.var_off.add(k.var_off);
}

fn add32(d: &mut RegState, s: &RegState) {
    let (a, o1) = d.s32_min.overflowing_add(s.s32_min);
    let (b, o2) = d.s32_max.overflowing_add(s.s32_max);
    if o1 || o2 {
        d.s32_min = i32::MIN;
        d.s32_max = i32::MAX;
    } else {
        d.s32_min = a;
        d.s32_max = b;
    }
    let (a, o1) = d.u32_min.overflowing_add(s.u32_min);
    let (b, o2) = d.u32_max.overflowing_add(s.u32_max);
    if o1 || o2 {
        d.u32_min = 0;
        d.u32_max = u32::MAX;
    } else {
        d.u32_min = a;
        d.u32_max = b;
    }
}
fn add64(d: &mut RegState, s: &RegState) {
    let (a, o1) = d.smin.overflowing_add(s.smin);
    let (b, o2) = d.smax.overflowing_add(s.smax);
    if o1 || o2 {
        d.smin = i64::MIN;
        d.smax = i64::MAX;
    } else {
        d.smin = a;
        d.smax = b;
    }
    let (a, o1) = d.umin.overflowing_add(s.umin);
    let (b, o2) = d.umax.overflowing_add(s.umax);
    if o1 || o2 {
        d.umin = 0;
        d.umax = u64::MAX;
    } else {
        d.umin = a;
        d.umax = b;
    }
}
fn sub32(d: &mut RegState, s: &RegState) {
    let (a, o1) = d.s32_min.overflowing_sub(s.s32_max);
    let (b, o2) = d.s32_max.overflowing_sub(s.s32_min);
    if o1 || o2 {
        d.s32_min = i32::MIN;
        d.s32_max = i32::MAX;
    } else {
        d.s32_min = a;
        d.s32_max = b;
    }
    if d.u32_min < s.u32_max {
        d.u32_min = 0;
        d.u32_max = u32::MAX;
    } else {
        d.u32_min -= s.u32_max;
        d.u32_max = d.u32_max.wrapping_sub(s.u32_min);
    }
}
fn sub64(d: &mut RegState, s: &RegState) {
    let (a, o1) = d.smin.overflowing_sub(s.smax);
    let (b, o2) = d.smax.overflowing_sub(s.smin);
    if o1 || o2 {
        d.smin = i64::MIN;
        d.smax = i64::MAX;
    } else {
        d.smin = a;
        d.smax = b;
    }
    if d.umin < s.umax {
        d.umin = 0;
        d.umax = u64::MAX;
    } else {
        d.umin -= s.umax;
        d.umax = d.umax.wrapping_sub(s.umin);
    }
}
fn mul64(d: &mut RegState, s: &RegState) {
    if d.smin < 0 || s.smin < 0 {
        d.mark_unbounded64();
        return;
    }
    match (
        d.umax.checked_mul(s.umax),
        d.umax > u32::MAX as u64 || s.umax > u32::MAX as u64,
    ) {
        (Some(m), false) => {
            d.umin = d.umin.wrapping_mul(s.umin);
            d.umax = m;
            if d.umax > i64::MAX as u64 {
                d.smin = i64::MIN;
                d.smax = i64::MAX;
            } else {
                d.smin = d.umin as i64;
                d.smax = d.umax as i64;
            }
        }
        _ => d.mark_unbounded64(),
    }
}
fn mul32(d: &mut RegState, s: &RegState) {
    if d.s32_min < 0 || s.s32_min < 0 {
        d.mark_unbounded32();
        return;
    }
    if d.u32_max > u16::MAX as u32 || s.u32_max > u16::MAX as u32 {
        d.mark_unbounded32();
        return;
    }
    d.u32_min = d.u32_min.wrapping_mul(s.u32_min);
    d.u32_max = d.u32_max.wrapping_mul(s.u32_max);
    if d.u32_max > i32::MAX as u32 {
        d.s32_min = i32::MIN;
        d.s32_max = i32::MAX;
    } else {
        d.s32_min = d.u32_min as i32;
        d.s32_max = d.u32_max as i32;
    }
}
/// The signed 32-bit bounds of `&` `|` `^` from the unsigned ones: 6.1 only
/// when both operands were non-negative; 6.12 (`cast`) whenever the unsigned
/// range does not cross the sign bit.
fn bitwise_sign32(d: &mut RegState, s: &RegState, cast: bool) {
    let ok = if cast {
        (d.u32_min as i32) <= (d.u32_max as i32)
    } else {
        d.s32_min >= 0 && s.s32_min >= 0
    };
    if ok {
        d.s32_min = d.u32_min as i32;
        d.s32_max = d.u32_max as i32;
    } else {
        d.s32_min = i32::MIN;
        d.s32_max = i32::MAX;
    }
}

/// `bitwise_sign32` for the 64-bit bounds.
fn bitwise_sign64(d: &mut RegState, s: &RegState, cast: bool) {
    let ok = if cast {
        (d.umin as i64) <= (d.umax as i64)
    } else {
        d.smin >= 0 && s.smin >= 0
    };
    if ok {
        d.smin = d.umin as i64;
        d.smax = d.umax as i64;
    } else {
        d.smin = i64::MIN;
        d.smax = i64::MAX;
    }
}

fn and32(d: &mut RegState, s: &RegState, cast: bool) {
    let v = d.var_off.subreg();
    if d.var_off.subreg().is_const() && s.var_off.subreg().is_const() {
        d.u32_min = v.value as u32;
        d.u32_max = v.value as u32;
        d.s32_min = v.value as u32 as i32;
        d.s32_max = v.value as u32 as i32;
        return;
    }
    d.u32_min = v.value as u32;
    d.u32_max = d.u32_max.min(s.u32_max);
    bitwise_sign32(d, s, cast);
}
fn and64(d: &mut RegState, s: &RegState, cast: bool) {
    if d.var_off.is_const() && s.var_off.is_const() {
        let v = d.var_off.value;
        d.mark_known_keep(v);
        return;
    }
    d.umin = d.var_off.value;
    d.umax = d.umax.min(s.umax);
    bitwise_sign64(d, s, cast);
}
fn or32(d: &mut RegState, s: &RegState, cast: bool) {
    let v = d.var_off.subreg();
    if v.is_const() && s.var_off.subreg().is_const() {
        d.u32_min = v.value as u32;
        d.u32_max = v.value as u32;
        d.s32_min = v.value as u32 as i32;
        d.s32_max = v.value as u32 as i32;
        return;
    }
    d.u32_min = d.u32_min.max(s.u32_min);
    d.u32_max = (v.value | v.mask) as u32;
    bitwise_sign32(d, s, cast);
}
fn or64(d: &mut RegState, s: &RegState, cast: bool) {
    if d.var_off.is_const() && s.var_off.is_const() {
        let v = d.var_off.value;
        d.mark_known_keep(v);
        return;
    }
    d.umin = d.umin.max(s.umin);
    d.umax = d.var_off.value | d.var_off.mask;
    bitwise_sign64(d, s, cast);
}
fn xor32(d: &mut RegState, s: &RegState, cast: bool) {
    let v = d.var_off.subreg();
    if v.is_const() && s.var_off.subreg().is_const() {
        d.u32_min = v.value as u32;
        d.u32_max = v.value as u32;
        d.s32_min = v.value as u32 as i32;
        d.s32_max = v.value as u32 as i32;
        return;
    }
    d.u32_min = v.value as u32;
    d.u32_max = (v.value | v.mask) as u32;
    bitwise_sign32(d, s, cast);
}
fn xor64(d: &mut RegState, s: &RegState, cast: bool) {
    if d.var_off.is_const() && s.var_off.is_const() {
        let v = d.var_off.value;
        d.mark_known_keep(v);
        return;
    }
    d.umin = d.var_off.value;
    d.umax = d.var_off.value | d.var_off.mask;
    bitwise_sign64(d, s, cast);
}
/// `__scalar64_min_max_lsh()`: `<< 32` (the compiler's sign-extension
/// idiom, `<<= 32; s>>= 32`) keeps the 32-bit signed bounds, negative or
/// not: they cannot change sign shifted by 32. Both modelled kernels have
/// it so (6.1.192 by the stable backport; older 6.1 releases asked for
/// non-negative bounds).
fn lsh64(d: &mut RegState, umin_val: u64, umax_val: u64) {
    let by32 = umin_val == 32 && umax_val == 32;
    (d.smin, d.smax) = if by32 {
        ((d.s32_min as i64) << 32, (d.s32_max as i64) << 32)
    } else {
        (i64::MIN, i64::MAX)
    };
    // if we might shift our top bit out, we know nothing
    if umax_val > 63 || d.umax > 1u64 << (63 - umax_val) {
        d.umin = 0;
        d.umax = u64::MAX;
    } else {
        d.umin <<= umin_val;
        d.umax <<= umax_val;
    }
}

/// `__scalar32_min_max_lsh()`
fn lsh32(d: &mut RegState, umin_val: u64, umax_val: u64) {
    d.s32_min = i32::MIN;
    d.s32_max = i32::MAX;
    if umax_val > 31 || d.u32_max as u64 > 1u64 << (31 - umax_val) {
        d.u32_min = 0;
        d.u32_max = u32::MAX;
    } else {
        d.u32_min <<= umin_val;
        d.u32_max <<= umax_val;
    }
}

impl RegState {
    /// `__mark_reg_known` without touching liveness.
    pub fn mark_known_keep(&mut self, v: u64) {
        self.var_off = Tnum::konst(v);
        self.smin = v as i64;
        self.smax = v as i64;
        self.umin = v;
        self.umax = v;
        self.s32_min = v as u32 as i32;
        self.s32_max = v as u32 as i32;
        self.u32_min = v as u32;
        self.u32_max = v as u32;
    }
}
