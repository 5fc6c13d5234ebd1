//! Precision tracking (`__mark_chain_precision`, `backtrack_insn`,
//! `propagate_precision`) as Debian's Linux 6.1.y has it: the current state
//! is not marked; the instructions since the last checkpoint are walked
//! backwards (following `jmp_history`), then each parent checkpoint.

use crate::env::Env;
use crate::helper_ids::is_callback_calling_function;
use crate::insn::*;
use crate::liveness::Owner;
use crate::log::write_func_state;
use crate::regs::{RegType, LIVE_READ};

enum Backtrack {
    Ok,
    NotSupported,
}

/// The set bits of `mask`, lowest first: the registers or stack slots a
/// backtracking mask names (a copy: clearing bits while iterating is fine).
/// Visiting only those, not all 32 or 64 positions, matters in a long
/// chain of parents (a third of the walk's time in a counting loop).
pub(crate) fn set_bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        if mask == 0 {
            return None;
        }
        let i = mask.trailing_zeros() as usize;
        mask &= mask - 1;
        Some(i)
    })
}

/// How a walk back through one state's instructions ended.
pub(crate) enum Walk {
    /// At the state's first instruction: go on to its parent.
    ReachedFirst,
    /// Nothing left to mark, or a walk that cannot go on.
    Stop,
    /// `backtrack_insn()` cannot follow: everything becomes precise.
    AllPrecise,
}

impl Env {
    /// The history a walk back reads: the current state's or a checkpoint's.
    pub(crate) fn jmp_history_mut(&mut self, owner: Owner) -> &mut Vec<crate::state::HistEntry> {
        match owner {
            Owner::Cur => &mut self.cur.jmp_history,
            Owner::Checkpoint(c) => &mut self.checkpoints[c as usize].st.jmp_history,
        }
    }

    /// `push_jmp_history()`: only at jump points.
    pub fn push_jmp_history(&mut self, insn_idx: usize) {
        if self.aux.get(insn_idx).map(|a| a.jmp_point).unwrap_or(false) {
            if self.rules.precision_612 {
                self.push_insn_history(0, 0);
                return;
            }
            let prev = self.prev_insn_idx as u32;
            self.cur.jmp_history.push(crate::state::HistEntry {
                idx: insn_idx as u32,
                prev,
                ..Default::default()
            });
        }
    }

    /// `mark_chain_precision()` for a register of the current frame.
    pub fn mark_chain_precision(&mut self, regno: u8) {
        if self.rules.precision_612 {
            self.mark_chain_precision_612(regno);
            return;
        }
        let fr = self.cur.curframe();
        self.mark_chain_precision_frame(fr, Some(regno as usize), None);
    }

    fn backtrack_insn(
        &mut self,
        idx: usize,
        reg_mask: &mut u32,
        stack_mask: &mut u64,
    ) -> Backtrack {
        let Some(insn) = self.prog.insns.get(idx).copied() else {
            return Backtrack::NotSupported;
        };
        if insn.code == 0 {
            return Backtrack::Ok;
        }
        if self.level2() {
            // "regs=%x stack=%llx before %d: "
            let (regs, stack) = (*reg_mask, *stack_mask);
            self.write_backtrack_line((0, regs, stack), idx, |h| {
                h.push_str("regs=");
                crate::log::push_hex(h, u64::from(regs));
                h.push_str(" stack=");
                crate::log::push_hex(h, stack);
                h.push(' ');
            });
        }
        let class = insn.class();
        let op = insn.op();
        let dreg = 1u32 << (insn.dst & 0xf);
        let sreg = 1u32 << (insn.src & 0xf);
        match class {
            BPF_ALU | BPF_ALU64 => {
                if *reg_mask & dreg == 0 {
                    return Backtrack::Ok;
                }
                if op == BPF_END || op == BPF_NEG {
                    return Backtrack::Ok;
                }
                if op == BPF_MOV {
                    *reg_mask &= !dreg;
                    if insn.source() == BPF_X {
                        *reg_mask |= sreg;
                    }
                } else if insn.source() == BPF_X {
                    *reg_mask |= sreg;
                }
            }
            // an atomic fetch loads the old value like a fill (6.1.y has
            // the "atomic fetch" backtracking fix)
            _ if class == BPF_LDX
                || (class == BPF_STX && insn.mode() == BPF_ATOMIC && insn.imm & BPF_FETCH != 0) =>
            {
                let (load_reg, base) = if class == BPF_LDX {
                    (dreg, insn.src)
                } else if insn.imm == BPF_CMPXCHG {
                    (1, insn.dst)
                } else {
                    (sreg, insn.dst)
                };
                if *reg_mask & load_reg == 0 {
                    return Backtrack::Ok;
                }
                *reg_mask &= !load_reg;
                if base != BPF_REG_FP {
                    return Backtrack::Ok;
                }
                let spi = (-(insn.off as i32) - 1) / 8;
                if !(0..64).contains(&spi) {
                    return Backtrack::NotSupported;
                }
                *stack_mask |= 1u64 << spi;
            }
            BPF_STX | BPF_ST => {
                if *reg_mask & dreg != 0 {
                    return Backtrack::NotSupported;
                }
                if insn.dst != BPF_REG_FP {
                    return Backtrack::Ok;
                }
                let spi = (-(insn.off as i32) - 1) / 8;
                if !(0..64).contains(&spi) {
                    return Backtrack::NotSupported;
                }
                if *stack_mask & (1u64 << spi) == 0 {
                    return Backtrack::Ok;
                }
                *stack_mask &= !(1u64 << spi);
                if class == BPF_STX {
                    *reg_mask |= sreg;
                }
            }
            BPF_JMP | BPF_JMP32 => {
                if op == BPF_CALL {
                    if insn.src == BPF_PSEUDO_CALL {
                        return Backtrack::NotSupported;
                    }
                    if insn.src == 0 && is_callback_calling_function(insn.imm) {
                        return Backtrack::NotSupported;
                    }
                    *reg_mask &= !1;
                    if *reg_mask & 0x3f != 0 {
                        return Backtrack::NotSupported;
                    }
                } else if op == BPF_EXIT {
                    return Backtrack::NotSupported;
                } else if insn.source() == BPF_X && op != BPF_JA {
                    if *reg_mask & (dreg | sreg) == 0 {
                        return Backtrack::Ok;
                    }
                    *reg_mask |= sreg | dreg;
                }
            }
            BPF_LD => {
                if *reg_mask & dreg == 0 {
                    return Backtrack::Ok;
                }
                *reg_mask &= !dreg;
                if insn.mode() == BPF_IND || insn.mode() == BPF_ABS {
                    return Backtrack::NotSupported;
                }
            }
            _ => {}
        }
        Backtrack::Ok
    }

    /// `mark_all_scalars_precise()`: every ancestor checkpoint, all scalars.
    fn mark_all_scalars_precise(&mut self, from: Owner) {
        let mut p = match from {
            Owner::Cur => self.cur.parent,
            Owner::Checkpoint(i) => self.checkpoints.get(i as usize).and_then(|c| c.st.parent),
        };
        let mut guard = 0usize;
        while let Some(i) = p {
            guard += 1;
            if guard > self.checkpoints.len() + 1 {
                break;
            }
            let Some(cp) = self.checkpoints.get_mut(i as usize) else {
                break;
            };
            for f in cp.st.frames.iter_mut() {
                for r in f.regs.iter_mut().take(10) {
                    if r.ty == RegType::Scalar {
                        r.precise = true;
                    }
                }
                for s in f.stack.iter_mut() {
                    if s.is_spill() && s.spilled.ty == RegType::Scalar {
                        s.spilled.precise = true;
                    }
                }
            }
            p = cp.st.parent;
        }
    }

    /// `__mark_chain_precision(env, frame, regno, spi)`
    pub fn mark_chain_precision_frame(
        &mut self,
        frame: usize,
        regno: Option<usize>,
        spi: Option<usize>,
    ) {
        let mut reg_mask: u32 = regno.map(|r| 1u32 << r).unwrap_or(0);
        let mut stack_mask: u64 = spi.filter(|s| *s < 64).map(|s| 1u64 << s).unwrap_or(0);
        let Some(func) = self.cur.frames.get(frame) else {
            return;
        };
        let mut new_marks = false;
        if let Some(r) = regno {
            if func.regs.get(r).map(|x| x.ty) != Some(RegType::Scalar) {
                return;
            }
            new_marks = true;
        }
        if let Some(s) = spi {
            match func.stack.get(s) {
                Some(slot) if slot.is_spill() && slot.spilled.ty == RegType::Scalar => {
                    new_marks = true
                }
                _ => stack_mask = 0,
            }
        }
        if !new_marks || (reg_mask == 0 && stack_mask == 0) {
            return;
        }
        let mut owner = Owner::Cur;
        let mut first_idx = self.cur.first_insn_idx as i64;
        let mut last_idx = self.insn_idx as i64;
        let mut skip_first = true;
        let mut guard = 0usize;
        loop {
            guard += 1;
            if guard > self.checkpoints.len() + 2 {
                return;
            }
            // The walk reads the owner's history while backtrack_insn() holds
            // `self`: the history is lent out and put back rather than cloned
            // (a loop iterating within one state has a long one, and a clone
            // per walk made precision quadratic in it).
            let history = std::mem::take(self.jmp_history_mut(owner));
            let mut hcnt = history.len();
            if self.level2() {
                let mut s = std::mem::take(&mut self.line);
                s.clear();
                s.push_str("last_idx ");
                crate::log::push_dec(&mut s, last_idx);
                s.push_str(" first_idx ");
                crate::log::push_dec(&mut s, first_idx);
                s.push('\n');
                self.verbose(&s);
                self.line = s;
            }
            let mut i = last_idx;
            // a safety net only: each step consumes a history entry or moves
            // back by one within a straight run (at most the program's
            // length), so a walk ends within (entries + 1) runs. A loop that
            // iterates within one state has a long history: a bound by the
            // program's length alone stopped such walks early.
            let budget = (history.len() + 1) * (self.prog.insns.len() + 1) + 2;
            let mut steps = 0usize;
            let walk = 'walk: loop {
                steps += 1;
                if steps > budget {
                    break 'walk Walk::Stop;
                }
                let r = if skip_first {
                    skip_first = false;
                    Backtrack::Ok
                } else {
                    self.backtrack_insn(i as usize, &mut reg_mask, &mut stack_mask)
                };
                if let Backtrack::NotSupported = r {
                    break 'walk Walk::AllPrecise;
                }
                if reg_mask == 0 && stack_mask == 0 {
                    break 'walk Walk::Stop;
                }
                // get_prev_insn_idx()
                if i == first_idx && (hcnt == 0 || (hcnt == 1 && history[0].idx as i64 == i)) {
                    break 'walk Walk::ReachedFirst;
                }
                if hcnt > 0 && history[hcnt - 1].idx as i64 == i {
                    i = history[hcnt - 1].prev as i64;
                    hcnt -= 1;
                } else {
                    i -= 1;
                }
                if i < 0 || i as usize >= self.prog.insns.len() {
                    break 'walk Walk::Stop;
                }
            };
            *self.jmp_history_mut(owner) = history;
            match walk {
                Walk::ReachedFirst => {}
                Walk::Stop => return,
                Walk::AllPrecise => {
                    self.mark_all_scalars_precise(owner);
                    return;
                }
            }
            let parent = match owner {
                Owner::Cur => self.cur.parent,
                Owner::Checkpoint(c) => self.checkpoints[c as usize].st.parent,
            };
            let Some(pid) = parent else {
                break;
            };
            owner = Owner::Checkpoint(pid);
            let mut new_marks = false;
            let cp = &mut self.checkpoints[pid as usize];
            let Some(func) = cp.st.frames.get_mut(frame) else {
                return;
            };
            for r in set_bits(u64::from(reg_mask)) {
                match func.regs.get_mut(r) {
                    Some(reg) if reg.ty == RegType::Scalar => {
                        if !reg.precise {
                            new_marks = true;
                        }
                        reg.precise = true;
                    }
                    _ => reg_mask &= !(1u32 << r),
                }
            }
            let mut all = false;
            for s in set_bits(stack_mask) {
                if s >= func.stack.len() {
                    all = true;
                    break;
                }
                let slot = &mut func.stack[s];
                if !slot.is_spill() || slot.spilled.ty != RegType::Scalar {
                    stack_mask &= !(1u64 << s);
                    continue;
                }
                if !slot.spilled.precise {
                    new_marks = true;
                }
                slot.spilled.precise = true;
            }
            if all {
                // mark_all_scalars_precise(env, st) from this parent's parent
                self.mark_all_scalars_precise(Owner::Checkpoint(pid));
                return;
            }
            if self.level2() {
                let mut s = std::mem::take(&mut self.line);
                s.clear();
                s.push_str(if new_marks {
                    "parent didn't have regs="
                } else {
                    "parent already had regs="
                });
                crate::log::push_hex(&mut s, reg_mask as u64);
                s.push_str(" stack=");
                crate::log::push_hex(&mut s, stack_mask);
                s.push_str(" marks:");
                write_func_state(
                    &mut s,
                    &self.prog,
                    &self.checkpoints[pid as usize].st.frames[frame],
                    None,
                );
                self.verbose(&s);
                self.line = s;
            }
            if reg_mask == 0 && stack_mask == 0 {
                break;
            }
            if !new_marks {
                break;
            }
            let st = &self.checkpoints[pid as usize].st;
            last_idx = st.last_insn_idx as i64;
            first_idx = st.first_insn_idx as i64;
        }
    }

    /// `propagate_precision()`: after a prune, what the old state needed
    /// precise the current chain needs too.
    pub fn propagate_precision(&mut self, old_id: u32) {
        if self.rules.precision_612 {
            self.propagate_precision_612(old_id);
            return;
        }
        let old = self.checkpoints[old_id as usize].st.clone();
        for fr in (0..old.frames.len()).rev() {
            let f = &old.frames[fr];
            for i in 0..10usize {
                let r = &f.regs[i];
                if r.ty != RegType::Scalar || !r.precise || r.live & LIVE_READ == 0 {
                    continue;
                }
                if self.level2() {
                    self.verbose(&format!("frame {}: propagating r{}\n", fr, i));
                }
                self.mark_chain_precision_frame(fr, Some(i), None);
            }
            for (i, s) in f.stack.iter().enumerate() {
                if !s.is_spill() {
                    continue;
                }
                let r = &s.spilled;
                if r.ty != RegType::Scalar || !r.precise || r.live & LIVE_READ == 0 {
                    continue;
                }
                if self.level2() {
                    self.verbose(&format!(
                        "frame {}: propagating fp{}\n",
                        fr,
                        (-(i as i64) - 1) * 8
                    ));
                }
                self.mark_chain_precision_frame(fr, None, Some(i));
            }
        }
    }
}
