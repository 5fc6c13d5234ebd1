//! The stack (`check_stack_read/write`, fixed and variable offsets, spills
//! and fills, `check_stack_range_initialized`, `update_stack_depth`).

use crate::ctx::Access;
use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::insn::*;
use crate::regs::{RegState, RegType, LIVE_WRITTEN};
use crate::state::{SlotType, BPF_REG_SIZE, MAX_BPF_STACK};

impl Env {
    /// `check_ptr_alignment()` (strict for the stack) and
    /// `check_stack_access_within_bounds()` for a constant offset; grows the
    /// frame's stack. Returns the offset from the frame pointer.
    pub(crate) fn check_stack_fixed_off(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
    ) -> VResult<i32> {
        let fr = reg.frameno as usize;
        let o = off as i64 + reg.var_off.value as i64;
        let extra = if t == Access::Read {
            " read from"
        } else {
            " write to"
        };
        if o % size as i64 != 0 {
            // check_ptr_alignment(): strict for the stack, before the bounds
            // 6.12's tnum_strn prints a constant as a number
            let var = if self.rules.words_612 && reg.var_off.is_const() {
                format!("{}", reg.var_off.value as i64)
            } else {
                format!("({:#x}; {:#x})", reg.var_off.value, reg.var_off.mask)
            };
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "misaligned stack access off {}+{}+{} size {}",
                        var,
                        reg.off,
                        off - reg.off,
                        size
                    ),
                )
                .because(crate::reason::Reason::MisalignedAccess { reg: regno }));
        }
        let min_ok = -(MAX_BPF_STACK as i64);
        if o < min_ok || o > -1 || o + size as i64 - 1 > -1 {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "invalid{} stack R{} off={} size={}",
                        extra, regno, off, size
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: off as i64,
                    size: size as u64,
                }));
        }
        self.update_stack_depth(fr, o as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-o as i32);
        }
        Ok(o as i32)
    }

    /// Stack access through a pointer with a variable offset (privileged):
    /// `check_stack_access_within_bounds()` then
    /// `check_stack_write_var_off()` / `check_stack_read_var_off()`.
    pub(crate) fn check_stack_var_off(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let fr = reg.frameno as usize;
        let extra = if t == Access::Read {
            " read from"
        } else {
            " write to"
        };
        let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
        // check_ptr_alignment(): strict for the stack
        let reg_off = reg.var_off.add(crate::tnum::Tnum::konst(off as i64 as u64));
        if !reg_off.is_aligned(size as u64) {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "misaligned stack access off {}+{}+{} size {}",
                        tn,
                        reg.off,
                        off - reg.off,
                        size
                    ),
                )
                .because(crate::reason::Reason::MisalignedAccess { reg: regno }));
        }
        if reg.smax >= 1 << 29 || reg.smin <= -(1 << 29) {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "invalid unbounded variable-offset{} stack R{}",
                        extra, regno
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: off as i64,
                    size: size as u64,
                }));
        }
        let min_off = reg.smin + off as i64;
        let max_off = reg.smax + off as i64 + size as i64;
        if min_off < -(MAX_BPF_STACK as i64) || min_off > -1 || max_off > 0 {
            return Err(self
                .fail(
                    EACCES,
                    &if self.rules.words_612 {
                        // 6.12 also names the instruction's offset
                        format!(
                            "invalid variable-offset{} stack R{} var_off={} off={} size={}",
                            extra, regno, tn, off, size
                        )
                    } else {
                        format!(
                            "invalid variable-offset{} stack R{} var_off={} size={}",
                            extra, regno, tn, size
                        )
                    },
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: min_off,
                    size: size as u64,
                }));
        }
        self.update_stack_depth(fr, min_off as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-min_off as i32);
        }
        self.check_fastcall_stack_contract(fr, min_off);
        if t == Access::Write {
            let v612 = self.rules.stack_spill_612;
            let insn = self.prog.insns[self.insn_idx];
            // 6.12 also counts `*(u64 *)(rX + 0) = 0` (BPF_ST, imm 0)
            let writing_zero = match value_regno {
                Some(v) => self.reg(v).is_null_const(),
                None => v612 && insn.class() == BPF_ST && insn.imm == 0,
            };
            if self.rules.helpers_612 {
                for i in min_off..max_off {
                    self.destroy_if_dynptr_stack_slot(fr, ((-i - 1) / 8) as usize)?;
                }
            }
            let mut zero_used = false;
            for i in min_off..max_off {
                let slot = (-i - 1) as usize;
                let spi = slot / 8;
                self.mark_stack_slot_scratched(spi);
                let Some(ss) = self
                    .cur
                    .frames
                    .get_mut(fr)
                    .and_then(|f| f.stack.get_mut(spi))
                else {
                    break;
                };
                let cur = ss.types[slot % 8];
                if v612 {
                    // a spilled zero stays a spilled zero under a zero write
                    if writing_zero
                        && cur == SlotType::Spill
                        && ss.spilled.ty == RegType::Scalar
                        && ss.spilled.var_off.is_const()
                        && ss.spilled.var_off.value == 0
                    {
                        zero_used = true;
                        continue;
                    }
                    // scrub_special_slot(): the whole spill (or iterator)
                    // becomes misc
                    if ss.is_special() {
                        for t in ss.types.iter_mut() {
                            if *t != SlotType::Invalid {
                                *t = SlotType::Misc;
                            }
                        }
                    }
                }
                ss.spilled.ty = RegType::NotInit;
                let mut new = SlotType::Misc;
                if writing_zero && cur == SlotType::Zero {
                    new = SlotType::Zero;
                    zero_used = true;
                }
                ss.types[slot % 8] = new;
            }
            if zero_used {
                if let Some(v) = value_regno {
                    self.mark_chain_precision(v);
                }
            }
            return Ok(());
        }
        // check_stack_read(): a read that fills no register (an atomic's
        // first look at its memory) needs a fixed offset, so that no
        // spilled pointer can be reached through it; the message is the
        // kernel's, helper or not
        if value_regno.is_none() {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "variable offset stack pointer cannot be passed into helper function; var_off={} off={} size={}",
                        tn, off, size
                    ),
                )
                .because(crate::reason::Reason::PointerArithmetic { reg: Some(regno) }));
        }
        // check_stack_range_initialized() for a direct read (which marks
        // the slots read), then mark_reg_stack_read() (the value)
        let lo = reg.smin + off as i64;
        let hi = reg.smax + off as i64 + size as i64;
        // every byte the read may reach must be data: a privileged loader
        // reads uninitialised bytes and spills, never the state of a
        // dynptr or an iterator. The kernel marks each slot read as it
        // goes, so the slots below a refused byte are read (`mark_read`)
        for i in lo..hi {
            let slot = (-i - 1) as usize;
            let Some(ss) = self.cur.frames.get(fr).and_then(|f| f.stack.get(slot / 8)) else {
                break;
            };
            let data =
                !matches!(ss.types[slot % 8], SlotType::Iter | SlotType::Dynptr) || ss.is_spill();
            if !data {
                return Err(self
                    .fail(
                        EACCES,
                        &format!(
                            "invalid read from stack R{} var_off {}+{} size {}",
                            regno,
                            tn,
                            i - lo,
                            size
                        ),
                    )
                    .because(crate::reason::Reason::SpecialStackSlot {
                        reg: Some(regno),
                        stack_off: i,
                    }));
            }
            self.mark_stack_read(fr, slot / 8);
        }
        let mut zeros = true;
        for i in lo..hi {
            let slot = (-i - 1) as usize;
            let spi = slot / 8;
            let Some(ss) = self
                .cur
                .frames
                .get(fr)
                .and_then(|f| f.stack.get(spi))
                .copied()
            else {
                break;
            };
            // 6.12's mark_reg_stack_read() scratches each slot it looks
            // at, up to the first byte that is not zero (the log shows them)
            if zeros && self.rules.words_612 {
                self.mark_stack_slot_scratched(spi);
            }
            if ss.types[slot % 8] != SlotType::Zero {
                zeros = false;
            }
        }
        let precise_zero = !self.rules.stack_spill_612;
        if let Some(d) = value_regno {
            let dr = self.reg_mut(d);
            if zeros {
                dr.mark_known(0);
                dr.precise = precise_zero;
            } else {
                dr.mark_unknown();
            }
            dr.live |= LIVE_WRITTEN;
        }
        Ok(())
    }

    /// `grow_stack_state()`'s "known max for given subprogram": both
    /// kernels (6.1.192 by a stable backport) keep it in whole 8-byte
    /// slots, so a 4-byte access at fp-4 makes the depth 8 (the statistics'
    /// `stack depth` line says so).
    fn update_stack_depth(&mut self, frame: usize, off: i32) {
        let off = -((-off).saturating_add(7) & !7);
        let sub = self
            .cur
            .frames
            .get(frame)
            .map(|f| f.subprog as usize)
            .unwrap_or(0);
        if let Some(s) = self.subprogs.get_mut(sub) {
            if s.stack_depth < -off {
                s.stack_depth = -off;
            }
        }
    }

    /// `check_stack_write_fixed_off()`
    pub(crate) fn check_stack_write(
        &mut self,
        fr: usize,
        off: i32,
        size: u32,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / BPF_REG_SIZE as usize;
        let curframe = self.cur.curframe();
        let reg = value_regno.map(|r| *self.reg(r));
        if self.rules.helpers_612 {
            self.destroy_if_dynptr_stack_slot(fr, spi)?;
        }
        self.check_fastcall_stack_contract(fr, off as i64);
        self.mark_stack_slot_scratched(spi);
        let insn = self.prog.insns[self.insn_idx];
        let is_fp_dst = insn.dst == BPF_REG_FP;
        // register_is_bounded(): not __is_scalar_unbounded(), which looks
        // at the 32-bit bounds too
        let bounded = |r: &RegState| {
            r.ty == RegType::Scalar
                && !(r.var_off.is_unknown()
                    && r.smin == i64::MIN
                    && r.smax == i64::MAX
                    && r.umin == 0
                    && r.umax == u64::MAX
                    && r.s32_min == i32::MIN
                    && r.s32_max == i32::MAX
                    && r.u32_min == 0
                    && r.u32_max == u32::MAX)
        };
        let spill_612 = self.rules.stack_spill_612;
        match reg {
            Some(mut r) if spill_612 && off % BPF_REG_SIZE == 0 && r.ty == RegType::Scalar => {
                // get_reg_width(): fls64(umax)
                let fits = 64 - r.umax.leading_zeros() <= 8 * size;
                if fits && r.id & crate::regs::BPF_ADD_CONST != 0 {
                    if let Some(v) = value_regno {
                        self.unlink_add_const(v);
                        r = *self.reg(v);
                    }
                }
                if fits && r.id == 0 && !r.var_off.is_const() {
                    // assign_scalar_id_before_mov(): the register and its
                    // spilled copy are linked
                    r.id = self.new_id();
                    if let Some(v) = value_regno {
                        self.reg_mut(v).id = r.id;
                    }
                }
                self.save_register_state(fr, spi, &r, size);
                if !fits {
                    self.cur.frames[fr].stack[spi].spilled.id = 0;
                }
                self.record_stack_access(fr, spi);
            }
            Some(r) if off % BPF_REG_SIZE == 0 && bounded(&r) && !r.is_null_const() => {
                if !is_fp_dst {
                    if let Some(v) = value_regno {
                        self.mark_chain_precision(v);
                    }
                }
                self.save_register_state(fr, spi, &r, size);
                // break the relation on a narrowing spill
                if 64 - r.umax.leading_zeros() > 8 * size {
                    self.cur.frames[fr].stack[spi].spilled.id = 0;
                }
                self.record_stack_access(fr, spi);
            }
            // is_spillable_regtype(): a dynptr or tracepoint buffer
            // pointer stored to the stack is plain data (it is lost)
            Some(r)
                if r.is_pointer()
                    && !matches!(r.ty, RegType::ConstPtrToDynptr | RegType::TpBuffer) =>
            {
                if size != 8 {
                    // (the source line, once: a level-1 log printed it already)
                    self.verbose_linfo();
                    return Err(self
                        .fail(EACCES, "invalid size of register spill")
                        .because(crate::reason::Reason::PartialPointer));
                }
                if fr != curframe && r.ty == RegType::Stack {
                    return Err(self
                        .fail(
                            EINVAL,
                            "cannot spill pointers to stack into stack frame of the caller",
                        )
                        .because(crate::reason::Reason::StackPointerEscape));
                }
                self.save_register_state(fr, spi, &r, size);
                self.record_stack_access(fr, spi);
            }
            _ => {
                let mut ty = SlotType::Misc;
                if let Some(r) = reg {
                    if r.is_null_const() {
                        if let Some(v) = value_regno {
                            self.mark_chain_precision(v);
                        }
                        ty = SlotType::Zero;
                    }
                }
                let f = &mut self.cur.frames[fr];
                let s = &mut f.stack[spi];
                s.scrub_spill(size);
                for i in 0..size as usize {
                    let idx = (slot - i) % 8;
                    s.types[idx] = ty;
                }
            }
        }
        Ok(())
    }

    /// A fill narrower than the spill, or of a partial spill
    /// (`check_stack_read_fixed_off()` as 6.12 has it): a narrow read at the
    /// slot's start copies the spilled scalar (little endian); otherwise the
    /// bytes decide: all spilled zero or all STACK_ZERO give 0, anything
    /// else an unknown scalar.
    fn fill_narrow_612(
        &mut self,
        fr: usize,
        spi: usize,
        off: i32,
        size: u32,
        spill_size: u32,
        d: u8,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let st = self.cur.frames[fr].stack[spi];
        if size <= spill_size && off % 8 == 0 {
            let dr = self.reg_mut(d);
            crate::alu::copy_register_state(dr, &st.spilled);
            // break the relation on a narrowing fill
            if 64 - st.spilled.umax.leading_zeros() > size * 8 {
                dr.id = 0;
            }
            dr.live |= LIVE_WRITTEN;
            self.record_stack_access(fr, spi);
            return Ok(());
        }
        let (mut spills, mut zeros) = (0, 0);
        for i in 0..size as usize {
            match st.types[(slot - i) % 8] {
                SlotType::Spill => spills += 1,
                SlotType::Zero => zeros += 1,
                // STACK_INVALID: root may read uninitialised stack
                SlotType::Misc | SlotType::Invalid | SlotType::Iter | SlotType::Dynptr => {}
            }
        }
        let spilled_zero =
            spills == size && st.spilled.var_off.is_const() && st.spilled.var_off.value == 0;
        let dr = self.reg_mut(d);
        if spilled_zero || zeros == size {
            dr.mark_known(0);
        } else {
            dr.mark_unknown();
        }
        dr.live |= LIVE_WRITTEN;
        if spilled_zero {
            // this is a register fill
            self.record_stack_access(fr, spi);
        }
        Ok(())
    }

    fn save_register_state(&mut self, fr: usize, spi: usize, r: &RegState, size: u32) {
        // mark_stack_slot_misc() in 6.12 keeps STACK_ZERO bytes
        let keep_zero = self.rules.stack_spill_612;
        let s = &mut self.cur.frames[fr].stack[spi];
        crate::alu::copy_register_state(&mut s.spilled, r);
        if size == 8 {
            s.spilled.live |= LIVE_WRITTEN;
        }
        let mut i = 8usize;
        while i > 8 - size as usize {
            s.types[i - 1] = SlotType::Spill;
            i -= 1;
        }
        while i > 0 {
            let t = s.types[i - 1];
            if t != SlotType::Invalid && !(keep_zero && t == SlotType::Zero) {
                s.types[i - 1] = SlotType::Misc;
            }
            i -= 1;
        }
    }

    /// `check_stack_read_fixed_off()`
    pub(crate) fn check_stack_read(
        &mut self,
        fr: usize,
        off: i32,
        size: u32,
        dst: Option<u8>,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / 8;
        // 6.12's check_stack_read_fixed_off() marks the slot for the log
        if self.rules.words_612 {
            self.mark_stack_slot_scratched(spi);
        }
        self.check_fastcall_stack_contract(fr, off as i64);
        let st = self.cur.frames[fr].stack[spi];
        if st.is_spill() {
            let mut spill_size = 1;
            let mut i = 7;
            while i > 0 && st.types[i - 1] == SlotType::Spill {
                spill_size += 1;
                i -= 1;
            }
            if size != 8 || spill_size != 8 {
                if st.spilled.ty != RegType::Scalar {
                    self.verbose_linfo();
                    return Err(self
                        .fail(EACCES, "invalid size of register fill")
                        .because(crate::reason::Reason::PartialPointer));
                }
                self.mark_stack_read(fr, spi);
                let Some(d) = dst else {
                    return Ok(());
                };
                if self.rules.stack_spill_612 {
                    return self.fill_narrow_612(fr, spi, off, size, spill_size, d);
                }
                if off % 8 == 0 && size == spill_size {
                    crate::alu::copy_register_state(self.reg_mut(d), &st.spilled);
                } else {
                    for i in 0..size as usize {
                        let t = st.types[(slot - i) % 8];
                        if matches!(t, SlotType::Spill | SlotType::Misc | SlotType::Invalid) {
                            continue;
                        }
                        return Err(self
                            .fail(
                                EACCES,
                                &format!("invalid read from stack off {}+{} size {}", off, i, size),
                            )
                            .because(crate::reason::Reason::Uninitialized {
                                reg: None,
                                stack_off: Some(off as i64 + i as i64),
                            }));
                    }
                    self.reg_mut(d).mark_unknown();
                }
                self.reg_mut(d).live |= LIVE_WRITTEN;
                return Ok(());
            }
            if let Some(d) = dst {
                let dr = self.reg_mut(d);
                crate::alu::copy_register_state(dr, &st.spilled);
                dr.live |= LIVE_WRITTEN;
            }
            self.mark_stack_read(fr, spi);
            self.record_stack_access(fr, spi);
        } else {
            let mut zeros = 0;
            for i in 0..size as usize {
                let t = st.types[(slot - i) % 8];
                match t {
                    SlotType::Misc | SlotType::Invalid => {}
                    SlotType::Zero => zeros += 1,
                    // an iterator's or a dynptr's state is no data
                    SlotType::Spill | SlotType::Iter | SlotType::Dynptr => {
                        return Err(self
                            .fail(
                                EACCES,
                                &format!("invalid read from stack off {}+{} size {}", off, i, size),
                            )
                            .because(crate::reason::Reason::Uninitialized {
                                reg: None,
                                stack_off: Some(off as i64 + i as i64),
                            }));
                    }
                }
            }
            self.mark_stack_read(fr, spi);
            // 6.12's zero is imprecise (backtracking does not need it)
            let precise_zero = !self.rules.stack_spill_612;
            if let Some(d) = dst {
                let dr = self.reg_mut(d);
                if zeros == size {
                    dr.mark_known(0);
                    dr.precise = precise_zero;
                } else {
                    dr.mark_unknown();
                }
                dr.live |= LIVE_WRITTEN;
            }
        }
        Ok(())
    }

    /// `check_stack_range_initialized()` for a helper (`ACCESS_HELPER`):
    /// bounds as for a write, a variable offset allowed (the loader is
    /// privileged), and every byte the helper may read marked as read and
    /// clobbered (it may write anything there).
    pub(crate) fn check_stack_range_initialized(
        &mut self,
        regno: u8,
        reg: &RegState,
        size: u64,
        zero_ok: bool,
        raw: bool,
    ) -> VResult<()> {
        if size == 0 && !zero_ok {
            return Err(self.fail(EACCES, "invalid zero-sized read"));
        }
        let fr = reg.frameno as usize;
        let off = reg.off as i64;
        let size_i = size as i64;
        let var = !reg.var_off.is_const();
        // check_stack_access_within_bounds(..., ACCESS_HELPER, BPF_WRITE)
        // the end is one past the last byte: it may be 0, never above (a
        // zero-sized access with a variable offset ends at smax + off)
        let (min_off, max_off) = if !var {
            let min = reg.var_off.value as i64 + off;
            (min, min + size_i)
        } else {
            if reg.smax >= 1 << 29 || reg.smin <= -(1 << 29) {
                return Err(self.fail(
                    EACCES,
                    &format!(
                        "invalid unbounded variable-offset indirect access to stack R{}",
                        regno
                    ),
                ));
            }
            (reg.smin + off, reg.smax + off + size_i)
        };
        let within = |o: i64| (-(MAX_BPF_STACK as i64)..=-1).contains(&o);
        if !within(min_off) || max_off > 0 {
            let msg = if !var {
                format!(
                    "invalid indirect access to stack R{} off={} size={}",
                    regno, off, size
                )
            } else {
                let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
                if self.rules.words_612 {
                    format!(
                        "invalid variable-offset indirect access to stack R{} var_off={} off={} size={}",
                        regno, tn, off, size
                    )
                } else {
                    format!(
                        "invalid variable-offset indirect access to stack R{} var_off={} size={}",
                        regno, tn, size
                    )
                }
            };
            return Err(self
                .fail(EACCES, &msg)
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: min_off,
                    size,
                }));
        }
        self.update_stack_depth(fr, min_off as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-min_off as i32);
        }
        // a raw (write-only) buffer at a known place is marked written
        // after the call; at a variable place it must be read as well.
        // 6.12 refuses one that may overlap a dynptr (the helper could
        // write over it)
        if raw && !var {
            if self.rules.helpers_612 {
                for o in min_off..max_off {
                    let slot = (-o - 1) as usize;
                    let is_dynptr = self
                        .cur
                        .frames
                        .get(fr)
                        .and_then(|f| f.stack.get(slot / 8))
                        .is_some_and(|s| s.types[slot % 8] == SlotType::Dynptr);
                    if is_dynptr {
                        return Err(self
                            .fail(
                                EACCES,
                                &format!("potential write to dynptr at off={} disallowed", o),
                            )
                            .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
                    }
                }
            }
            return Ok(());
        }
        let last = if var { reg.smax + off } else { min_off };
        for o in min_off..last + size_i {
            let slot = (-o - 1) as usize;
            let spi = slot / 8;
            let Some(ss) = self
                .cur
                .frames
                .get_mut(fr)
                .and_then(|f| f.stack.get_mut(spi))
            else {
                break;
            };
            let t = ss.types[slot % 8];
            // an iterator's or a dynptr's bytes are no data
            if matches!(t, SlotType::Iter | SlotType::Dynptr) && !ss.is_spill() {
                let msg = if var {
                    format!(
                        "invalid indirect read from stack R{} var_off {}+{} size {}",
                        regno,
                        crate::log::tnum_str(reg.var_off.value, reg.var_off.mask),
                        o - min_off,
                        size
                    )
                } else {
                    format!(
                        "invalid indirect read from stack R{} off {}+{} size {}",
                        regno,
                        min_off,
                        o - min_off,
                        size
                    )
                };
                return Err(self.fail(EACCES, &msg).because(
                    crate::reason::Reason::SpecialStackSlot {
                        reg: Some(regno),
                        stack_off: o,
                    },
                ));
            }
            // a privileged loader may pass uninitialised bytes and spilled
            // pointers; the helper may write anything there (clobber)
            if t == SlotType::Zero || t == SlotType::Invalid {
                ss.types[slot % 8] = SlotType::Misc;
            } else if t != SlotType::Misc && ss.is_spill() {
                ss.spilled.mark_unknown();
                for ty in ss.types.iter_mut() {
                    if *ty != SlotType::Invalid {
                        *ty = SlotType::Misc;
                    }
                }
            }
            self.mark_stack_read(fr, spi);
        }
        Ok(())
    }

    /// BPF_ST into the stack: Debian's 6.1.y carries the 6.3 change that
    /// tracks the immediate (a spilled constant `(u32)imm`, or STACK_ZERO).
    pub(crate) fn check_stack_write_imm(
        &mut self,
        fr: usize,
        off: i32,
        size: u32,
        k: RegState,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / 8;
        if self.rules.helpers_612 {
            self.destroy_if_dynptr_stack_slot(fr, spi)?;
        }
        self.check_fastcall_stack_contract(fr, off as i64);
        self.mark_stack_slot_scratched(spi);
        let imm = k.var_off.value;
        if off % 8 == 0 && (imm != 0 || self.rules.stack_spill_612) {
            let mut fake = RegState::not_init();
            fake.mark_known(imm);
            self.save_register_state(fr, spi, &fake, size);
            self.record_stack_access(fr, spi);
            return Ok(());
        }
        let ty = if imm == 0 {
            SlotType::Zero
        } else {
            SlotType::Misc
        };
        let s = &mut self.cur.frames[fr].stack[spi];
        s.scrub_spill(size);
        for i in 0..size as usize {
            s.types[(slot - i) % 8] = ty;
        }
        Ok(())
    }
}
