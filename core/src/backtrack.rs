//! Precision backtracking as Linux 6.12 does it (`struct backtrack_state`,
//! `backtrack_insn()`, `__mark_chain_precision()`), for the `6.7` mode.
//!
//! Where Debian's 6.1.y (`precision.rs`) tracks one frame and gives up at
//! any call or `exit` (`mark_all_scalars_precise()`), 6.12 keeps a register
//! mask and a stack-slot mask per frame and follows values into and out of
//! subprograms and callbacks. Stack accesses through any pointer are found
//! through the instruction history, which records the frame and slot of
//! every spill and fill (`INSN_F_STACK_ACCESS`), and scalars that share an
//! id at a conditional jump are recorded there too (`linked_regs`): when one
//! of them must be precise, all of them must.

use crate::env::Env;
use crate::insn::*;
use crate::liveness::Owner;
use crate::precision::{set_bits, Walk};

use crate::regs::{RegType, LIVE_READ};
use crate::state::{HistEntry, VerifierState, MAX_CALL_FRAMES};

/// `INSN_F_FRAMENO_MASK`: the frame of a stack access (3 bits).
const INSN_F_FRAMENO_MASK: u16 = 0x7;
/// `INSN_F_SPI_MASK` / `INSN_F_SPI_SHIFT`: its slot (6 bits).
const INSN_F_SPI_MASK: u16 = 0x3f;
const INSN_F_SPI_SHIFT: u16 = 3;
/// The instruction spilled or filled a register at that slot.
pub const INSN_F_STACK_ACCESS: u16 = 1 << 9;
/// A conditional jump whose destination / source is a stack pointer.
pub const INSN_F_DST_REG_STACK: u16 = 1 << 10;
pub const INSN_F_SRC_REG_STACK: u16 = 1 << 11;

/// `LINKED_REGS_MAX`: at most this many linked scalars are recorded.
const LINKED_REGS_MAX: usize = 6;

/// `insn_stack_access_flags()`
pub fn stack_access_flags(frameno: usize, spi: usize) -> u16 {
    INSN_F_STACK_ACCESS | (((spi as u16) & INSN_F_SPI_MASK) << INSN_F_SPI_SHIFT) | frameno as u16
}

/// A register or a spilled stack slot of some frame (`struct linked_reg`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LinkedReg {
    frameno: u8,
    /// A register number, or a slot index when `!is_reg`.
    regno: u8,
    is_reg: bool,
}

/// `linked_regs_pack()`: six 10-bit entries and a 4-bit count in a u64.
fn linked_regs_pack(regs: &[LinkedReg]) -> u64 {
    let mut val = 0u64;
    for e in regs {
        let tmp = e.frameno as u64 | (e.regno as u64) << 3 | (e.is_reg as u64) << 9;
        val = (val << 10) | tmp;
    }
    (val << 4) | regs.len() as u64
}

/// `linked_regs_unpack()`
fn linked_regs_unpack(mut val: u64) -> Vec<LinkedReg> {
    let cnt = (val & 0xf) as usize;
    val >>= 4;
    let mut out = Vec::with_capacity(cnt);
    for _ in 0..cnt {
        out.push(LinkedReg {
            frameno: (val & 0x7) as u8,
            regno: ((val >> 3) & 0x3f) as u8,
            is_reg: (val >> 9) & 1 == 1,
        });
        val >>= 10;
    }
    out
}

/// `struct backtrack_state`: what must still be made precise, per frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct Bt {
    frame: usize,
    regs: [u32; MAX_CALL_FRAMES],
    stack: [u64; MAX_CALL_FRAMES],
}

/// Why a walk stopped early: `-ENOTSUPP` (fall back to every scalar
/// precise) or a `BUG ...` line (the kernel's backtracking bug check).
enum BtStop {
    NotSupported,
    Bug(String),
}

impl Bt {
    fn empty(&self) -> bool {
        (0..=self.frame).all(|i| self.regs[i] == 0 && self.stack[i] == 0)
    }
    fn set_reg(&mut self, r: u8) {
        self.regs[self.frame] |= 1 << r;
    }
    fn clear_reg(&mut self, r: u8) {
        self.regs[self.frame] &= !(1 << r);
    }
    fn is_reg_set(&self, r: u8) -> bool {
        self.regs[self.frame] & (1 << r) != 0
    }
    fn reg_mask(&self) -> u32 {
        self.regs[self.frame]
    }
    fn stack_mask(&self) -> u64 {
        self.stack[self.frame]
    }
    fn set_frame_reg(&mut self, fr: usize, r: u8) {
        if fr < MAX_CALL_FRAMES {
            self.regs[fr] |= 1 << r;
        }
    }
    fn is_frame_reg_set(&self, fr: usize, r: u8) -> bool {
        fr < MAX_CALL_FRAMES && self.regs[fr] & (1 << r) != 0
    }
    fn set_frame_slot(&mut self, fr: usize, spi: usize) {
        if fr < MAX_CALL_FRAMES && spi < 64 {
            self.stack[fr] |= 1 << spi;
        }
    }
    fn clear_frame_slot(&mut self, fr: usize, spi: usize) {
        if fr < MAX_CALL_FRAMES && spi < 64 {
            self.stack[fr] &= !(1 << spi);
        }
    }
    fn is_frame_slot_set(&self, fr: usize, spi: usize) -> bool {
        fr < MAX_CALL_FRAMES && spi < 64 && self.stack[fr] & (1 << spi) != 0
    }
    /// `bt_subprog_enter()`: backwards across an `exit`, into the callee.
    fn subprog_enter(&mut self) -> Result<(), BtStop> {
        if self.frame == MAX_CALL_FRAMES - 1 {
            return Err(BtStop::Bug(format!(
                "BUG subprog enter from frame {}\n",
                self.frame
            )));
        }
        self.frame += 1;
        Ok(())
    }
    /// `bt_subprog_exit()`: backwards across a call, into the caller.
    fn subprog_exit(&mut self) -> Result<(), BtStop> {
        if self.frame == 0 {
            return Err(BtStop::Bug("BUG subprog exit from frame 0\n".into()));
        }
        self.frame -= 1;
        Ok(())
    }
    /// `bt_sync_linked_regs()`: one linked scalar needed precise makes them
    /// all needed.
    fn sync_linked_regs(&mut self, hist: Option<&HistEntry>) {
        let Some(h) = hist.filter(|h| h.linked != 0) else {
            return;
        };
        let linked = linked_regs_unpack(h.linked);
        let some = linked.iter().any(|e| {
            if e.is_reg {
                self.is_frame_reg_set(e.frameno as usize, e.regno)
            } else {
                self.is_frame_slot_set(e.frameno as usize, e.regno as usize)
            }
        });
        if !some {
            return;
        }
        for e in linked {
            if e.is_reg {
                self.set_frame_reg(e.frameno as usize, e.regno);
            } else {
                self.set_frame_slot(e.frameno as usize, e.regno as usize);
            }
        }
    }
}

/// `fmt_reg_mask()` appended to `out`: `r1,r4`
fn push_reg_mask(out: &mut String, mask: u32) {
    let mut m = mask;
    while m != 0 {
        let i = m.trailing_zeros();
        if m != mask {
            out.push(',');
        }
        out.push('r');
        crate::log::push_dec(out, i64::from(i));
        m &= m - 1;
    }
}

/// `fmt_stack_mask()` appended to `out`: `-8,-16`
fn push_stack_mask(out: &mut String, mask: u64) {
    let mut m = mask;
    while m != 0 {
        let i = m.trailing_zeros();
        if m != mask {
            out.push(',');
        }
        crate::log::push_dec(out, -(i64::from(i) + 1) * 8);
        m &= m - 1;
    }
}

impl Env {
    /// `push_insn_history()`: one entry per visit of an instruction; a
    /// second push for the same visit merges its flags into the first.
    pub fn push_insn_history(&mut self, flags: u16, linked: u64) {
        if self.cur_hist_ent {
            if let Some(e) = self.cur.jmp_history.last_mut() {
                e.flags |= flags;
                e.linked = linked;
                return;
            }
        }
        self.cur.jmp_history.push(HistEntry {
            idx: self.insn_idx as u32,
            prev: self.hist_prev as u32,
            flags,
            linked,
        });
        self.cur_hist_ent = true;
    }

    /// The stack-access flags of a spill or fill, recorded when the mode
    /// backtracks per frame.
    pub fn record_stack_access(&mut self, frameno: usize, spi: usize) {
        if self.rules.precision_612 {
            self.push_insn_history(stack_access_flags(frameno, spi), 0);
        }
    }

    /// The flags and linked scalars of a conditional jump
    /// (`check_cond_jmp_op()`), recorded before the other branch is pushed
    /// so that both paths share them.
    pub fn record_cond_jmp_stack_regs(&mut self, flags: u16) {
        if self.rules.precision_612 && flags != 0 {
            self.push_insn_history(flags, 0);
        }
    }

    /// `collect_linked_regs()` for the jump's source and destination ids,
    /// then the history entry when more than one scalar shares them.
    pub fn record_linked_regs(&mut self, src_id: u32, dst_id: u32) {
        if !self.rules.precision_612 {
            return;
        }
        let mut linked = Vec::new();
        for id in [src_id, dst_id] {
            if id != 0 {
                collect_linked_regs(&mut self.cur, id, &mut linked);
            }
        }
        if linked.len() > 1 {
            let packed = linked_regs_pack(&linked);
            self.push_insn_history(0, packed);
        }
    }

    /// `mark_chain_precision(env, regno)` in the 6.12 form.
    pub fn mark_chain_precision_612(&mut self, regno: u8) {
        let frame = self.cur.curframe();
        let mut bt = Bt {
            frame,
            ..Bt::default()
        };
        match self.cur.frames[frame].regs.get(regno as usize) {
            Some(r) if r.ty == RegType::Scalar => bt.set_reg(regno),
            _ => return,
        }
        self.backtrack_chain(bt);
    }

    /// `propagate_precision()` (6.12): everything the old state needed
    /// precise, in one batch walk.
    pub fn propagate_precision_612(&mut self, old_id: u32) {
        let old = self.checkpoints[old_id as usize].st.clone();
        let mut bt = Bt {
            frame: self.cur.curframe(),
            ..Bt::default()
        };
        for fr in (0..old.frames.len()).rev() {
            let f = &old.frames[fr];
            let mut names = Vec::new();
            for i in 0..10u8 {
                let r = &f.regs[i as usize];
                if r.ty != RegType::Scalar || !r.precise || r.live & LIVE_READ == 0 {
                    continue;
                }
                names.push(format!("r{}", i));
                bt.set_frame_reg(fr, i);
            }
            for (i, s) in f.stack.iter().enumerate() {
                if !s.is_spill() {
                    continue;
                }
                let r = &s.spilled;
                if r.ty != RegType::Scalar || !r.precise || r.live & LIVE_READ == 0 {
                    continue;
                }
                names.push(format!("fp{}", (-(i as i64) - 1) * 8));
                bt.set_frame_slot(fr, i);
            }
            if !names.is_empty() && self.level2() {
                self.verbose(&format!("frame {}: propagating {}\n", fr, names.join(",")));
            }
        }
        self.backtrack_chain(bt);
    }

    /// `__mark_chain_precision()`: walks back through the current state's
    /// instructions and then each parent checkpoint's, marking what `bt`
    /// asks for in the checkpoints.
    fn backtrack_chain(&mut self, mut bt: Bt) {
        if bt.empty() {
            return;
        }
        let mut owner = Owner::Cur;
        let mut first_idx = self.cur.first_insn_idx as i64;
        let mut last_idx = self.insn_idx as i64;
        let mut subseq_idx: i64 = -1;
        let mut skip_first = true;
        // each checkpoint is visited at most once: parents are older
        let mut budget = self.checkpoints.len() + 1;
        loop {
            if self.level2() {
                let mut s = std::mem::take(&mut self.line);
                s.clear();
                s.push_str("mark_precise: frame");
                crate::log::push_dec(&mut s, bt.frame as i64);
                s.push_str(": last_idx ");
                crate::log::push_dec(&mut s, last_idx);
                s.push_str(" first_idx ");
                crate::log::push_dec(&mut s, first_idx);
                s.push_str(" subseq_idx ");
                crate::log::push_dec(&mut s, subseq_idx);
                s.push_str(" \n");
                self.verbose(&s);
                self.line = s;
            }
            if last_idx < 0 {
                // the entry of a function: a global subprogram's arguments
                // (R1-R5) are its own to make precise
                self.backtrack_func_entry(owner, &mut bt);
                return;
            }
            // lent out and put back, not cloned: see mark_chain_precision_frame()
            let history = std::mem::take(self.jmp_history_mut(owner));
            let mut hend = history.len();
            let mut i = last_idx;
            // a walk within one state visits each history entry once and
            // otherwise steps back by one within a straight run (at most the
            // program's length): bounded by (entries + 1) runs. A safety net
            // only; a loop iterating within one state has a long history.
            let mut steps = (history.len() + 1) * (self.prog.insns.len() + 1) + 2;
            let walk = 'walk: loop {
                steps = steps.saturating_sub(1);
                if steps == 0 {
                    break 'walk Walk::Stop;
                }
                let r = if skip_first {
                    skip_first = false;
                    Ok(())
                } else {
                    let hist =
                        (hend > 0 && history[hend - 1].idx as i64 == i).then(|| history[hend - 1]);
                    self.backtrack_insn_612(i as usize, subseq_idx, hist.as_ref(), &mut bt)
                };
                match r {
                    Ok(()) => {}
                    Err(BtStop::NotSupported) => break 'walk Walk::AllPrecise,
                    Err(BtStop::Bug(msg)) => {
                        self.verbose(&msg);
                        break 'walk Walk::AllPrecise;
                    }
                }
                if bt.empty() {
                    break 'walk Walk::Stop;
                }
                subseq_idx = i;
                // get_prev_insn_idx()
                if i == first_idx && (hend == 0 || (hend == 1 && history[0].idx as i64 == i)) {
                    break 'walk Walk::ReachedFirst;
                }
                if hend > 0 && history[hend - 1].idx as i64 == i {
                    hend -= 1;
                    i = history[hend].prev as i64;
                } else {
                    i -= 1;
                }
                if i < 0 || i as usize >= self.prog.insns.len() {
                    self.verbose(&format!("BUG backtracking idx {}\n", i));
                    break 'walk Walk::Stop;
                }
            };
            *self.jmp_history_mut(owner) = history;
            match walk {
                Walk::ReachedFirst => {}
                Walk::Stop => return,
                Walk::AllPrecise => {
                    self.mark_all_scalars_precise_612();
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
            budget = budget.saturating_sub(1);
            if budget == 0 {
                return;
            }
            owner = Owner::Checkpoint(pid);
            for fr in (0..=bt.frame).rev() {
                let level2 = self.level2();
                let Some(func) = self.checkpoints[pid as usize].st.frames.get_mut(fr) else {
                    continue;
                };
                for r in set_bits(u64::from(bt.regs[fr])) {
                    match func.regs.get_mut(r) {
                        Some(reg) if reg.ty == RegType::Scalar => {
                            if reg.precise {
                                bt.regs[fr] &= !(1 << r);
                            } else {
                                reg.precise = true;
                            }
                        }
                        _ => bt.regs[fr] &= !(1 << r),
                    }
                }
                let mut bug = None;
                for s in set_bits(bt.stack[fr]) {
                    let Some(slot) = func.stack.get_mut(s) else {
                        bug = Some(format!(
                            "BUG backtracking (stack slot {}, total slots {})\n",
                            s,
                            func.stack.len()
                        ));
                        break;
                    };
                    if !slot.is_spill() || slot.spilled.ty != RegType::Scalar {
                        bt.clear_frame_slot(fr, s);
                        continue;
                    }
                    if slot.spilled.precise {
                        bt.clear_frame_slot(fr, s);
                    } else {
                        slot.spilled.precise = true;
                    }
                }
                if let Some(msg) = bug {
                    self.verbose(&msg);
                    return;
                }
                if level2 {
                    let mut s = std::mem::take(&mut self.line);
                    s.clear();
                    s.push_str("mark_precise: frame");
                    crate::log::push_dec(&mut s, fr as i64);
                    s.push_str(": parent state regs=");
                    push_reg_mask(&mut s, bt.regs[fr]);
                    s.push_str(" stack=");
                    push_stack_mask(&mut s, bt.stack[fr]);
                    s.push_str(": ");
                    crate::log::write_func_state_for(
                        &mut s,
                        &self.prog,
                        &self.checkpoints[pid as usize].st.frames[fr],
                        None,
                        self.rules.words_612,
                    );
                    self.verbose(&s);
                    self.line = s;
                }
            }
            if bt.empty() {
                return;
            }
            let st = &self.checkpoints[pid as usize].st;
            subseq_idx = first_idx;
            // -1: the state a function's walk began with
            last_idx = st.last_insn_idx as i32 as i64;
            first_idx = st.first_insn_idx as i64;
        }
        if !bt.empty() {
            self.mark_all_scalars_precise_612();
        }
    }

    /// `__mark_chain_precision()` at `last_idx < 0`: the first state of a
    /// global subprogram's walk; its arguments become precise, anything
    /// else asked for is the kernel's backtracking bug.
    fn backtrack_func_entry(&mut self, owner: Owner, bt: &mut Bt) {
        let st = match owner {
            Owner::Cur => &mut self.cur,
            Owner::Checkpoint(c) => &mut self.checkpoints[c as usize].st,
        };
        let args_only = st.frames.len() == 1
            && st.frames[0].subprog > 0
            && st.frames[0].callsite == crate::state::BPF_MAIN_FUNC
            && bt.stack.iter().all(|m| *m == 0)
            && bt.regs.iter().skip(1).all(|m| *m == 0)
            && bt.regs[0] & !0x3e == 0;
        if args_only {
            for r in 1..=5usize {
                if bt.regs[0] & (1 << r) != 0 {
                    if let Some(reg) = st.frames[0].regs.get_mut(r) {
                        if reg.ty == RegType::Scalar {
                            reg.precise = true;
                        }
                    }
                }
            }
            bt.regs[0] = 0;
            return;
        }
        let sub = st.frames.first().map(|f| f.subprog).unwrap_or(0);
        let msg = format!(
            "BUG backtracking func entry subprog {} reg_mask {:x} stack_mask {:x}\n",
            sub, bt.regs[0], bt.stack[0]
        );
        self.verbose(&msg);
    }

    /// `mark_all_scalars_precise()` (6.12): every ancestor of the current
    /// state, each scalar not yet precise, logged.
    fn mark_all_scalars_precise_612(&mut self) {
        if self.level2() {
            let f = self.cur.curframe();
            self.verbose(&format!(
                "mark_precise: frame{}: falling back to forcing all scalars precise\n",
                f
            ));
        }
        let level2 = self.level2();
        let mut lines = String::new();
        let mut p = self.cur.parent;
        let mut budget = self.checkpoints.len() + 1;
        while let Some(i) = p {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let Some(cp) = self.checkpoints.get_mut(i as usize) else {
                break;
            };
            for (fi, f) in cp.st.frames.iter_mut().enumerate() {
                for (j, r) in f.regs.iter_mut().take(10).enumerate() {
                    if r.ty != RegType::Scalar || r.precise {
                        continue;
                    }
                    r.precise = true;
                    if level2 {
                        lines.push_str(&format!(
                            "force_precise: frame{}: forcing r{} to be precise\n",
                            fi, j
                        ));
                    }
                }
                for (j, s) in f.stack.iter_mut().enumerate() {
                    if !s.is_spill() || s.spilled.ty != RegType::Scalar || s.spilled.precise {
                        continue;
                    }
                    s.spilled.precise = true;
                    if level2 {
                        lines.push_str(&format!(
                            "force_precise: frame{}: forcing fp{} to be precise\n",
                            fi,
                            -(j as i64 + 1) * 8
                        ));
                    }
                }
            }
            p = cp.st.parent;
        }
        if !lines.is_empty() {
            self.verbose(&lines);
        }
    }

    /// `backtrack_insn()` (6.12): what instruction `idx` means for the
    /// registers and slots still to be made precise; `subseq_idx` is the
    /// instruction that ran after it on this path.
    fn backtrack_insn_612(
        &mut self,
        idx: usize,
        subseq_idx: i64,
        hist: Option<&HistEntry>,
        bt: &mut Bt,
    ) -> Result<(), BtStop> {
        let Some(insn) = self.prog.insns.get(idx).copied() else {
            return Err(BtStop::Bug(format!("BUG backtracking idx {}\n", idx)));
        };
        if insn.code == 0 {
            return Ok(());
        }
        if self.level2() {
            // "mark_precise: frame%d: regs=%s stack=%s before %d: "
            let (frame, regs, stack) = (bt.frame, bt.reg_mask(), bt.stack_mask());
            self.write_backtrack_line((frame as u32, regs, stack), idx, |h| {
                h.push_str("mark_precise: frame");
                crate::log::push_dec(h, frame as i64);
                h.push_str(": regs=");
                push_reg_mask(h, regs);
                h.push_str(" stack=");
                push_stack_mask(h, stack);
                h.push(' ');
            });
        }
        bt.sync_linked_regs(hist);
        let class = insn.class();
        let op = insn.op();
        let dreg = insn.dst & 0xf;
        let sreg = insn.src & 0xf;
        const ARGS: u32 = 0x3e; // r1-r5
        let stack_access = |h: Option<&HistEntry>| {
            h.filter(|h| h.flags & INSN_F_STACK_ACCESS != 0).map(|h| {
                (
                    (h.flags & INSN_F_FRAMENO_MASK) as usize,
                    ((h.flags >> INSN_F_SPI_SHIFT) & INSN_F_SPI_MASK) as usize,
                )
            })
        };
        if class == BPF_ALU || class == BPF_ALU64 {
            if !bt.is_reg_set(dreg) {
                return Ok(());
            }
            if op == BPF_END || op == BPF_NEG {
                return Ok(());
            }
            if op == BPF_MOV {
                bt.clear_reg(dreg);
                if insn.source() == BPF_X && sreg != BPF_REG_FP {
                    bt.set_reg(sreg);
                }
            } else if insn.source() == BPF_X && sreg != BPF_REG_FP {
                bt.set_reg(sreg);
            }
        } else if class == BPF_LDX {
            // An atomic fetch (`r1 = atomic_xchg(...)`) writes its register, but
            // the booted 6.12.95 backtracks it as any BPF_STX: the register stays
            // in the mask (the level-2 log of `sound/atomic_xchg32_zext` shows
            // `regs=r1 ... before 10`). Later 6.12.y sources treat it as a load
            // (`is_atomic_fetch_insn()`); the kernel the mode is checked against
            // decides.
            let load_reg = dreg;
            if !bt.is_reg_set(load_reg) {
                return Ok(());
            }
            bt.clear_reg(load_reg);
            let Some((fr, spi)) = stack_access(hist) else {
                return Ok(());
            };
            bt.set_frame_slot(fr, spi);
        } else if class == BPF_STX || class == BPF_ST {
            if bt.is_reg_set(dreg) {
                return Err(BtStop::NotSupported);
            }
            let Some((fr, spi)) = stack_access(hist) else {
                return Ok(());
            };
            if !bt.is_frame_slot_set(fr, spi) {
                return Ok(());
            }
            bt.clear_frame_slot(fr, spi);
            if class == BPF_STX {
                bt.set_reg(sreg);
            }
        } else if class == BPF_JMP || class == BPF_JMP32 {
            let target = idx as i64 + insn.imm as i64 + 1;
            if op == BPF_CALL
                && insn.src == BPF_PSEUDO_CALL
                && usize::try_from(target).is_ok_and(|t| self.is_global_subprog(t))
            {
                // a global subprogram was not walked from here: R1-R5 are
                // dead after it, and it always sets R0
                if bt.reg_mask() & ARGS != 0 {
                    return Err(BtStop::Bug(format!("BUG regs {:x}\n", bt.reg_mask())));
                }
                bt.clear_reg(0);
                return Ok(());
            }
            if op == BPF_CALL && insn.src == BPF_PSEUDO_CALL {
                // a static subprogram: its arguments came from the caller
                if bt.reg_mask() & !ARGS != 0 {
                    return Err(BtStop::Bug(format!("BUG regs {:x}\n", bt.reg_mask())));
                }
                if bt.stack_mask() != 0 {
                    return Err(BtStop::Bug(format!(
                        "BUG stack slots {:x}\n",
                        bt.stack_mask()
                    )));
                }
                for r in 1..=5u8 {
                    if bt.is_reg_set(r) {
                        bt.clear_reg(r);
                        let f = bt.frame.saturating_sub(1);
                        bt.set_frame_reg(f, r);
                    }
                }
                bt.subprog_exit()?;
                return Ok(());
            }
            if op == BPF_CALL
                && self.is_sync_callback_calling_insn(&insn)
                && idx as i64 != subseq_idx - 1
            {
                // the callback's entry: its R1-R5 were set by the helper
                if bt.reg_mask() & !ARGS != 0 {
                    return Err(BtStop::Bug(format!("BUG regs {:x}\n", bt.reg_mask())));
                }
                if bt.stack_mask() != 0 {
                    return Err(BtStop::Bug(format!(
                        "BUG stack slots {:x}\n",
                        bt.stack_mask()
                    )));
                }
                for r in 1..=5u8 {
                    bt.clear_reg(r);
                }
                bt.subprog_exit()?;
                return Ok(());
            }
            if op == BPF_CALL {
                if insn.src == BPF_PSEUDO_KFUNC_CALL && insn.imm == 0 {
                    return Err(BtStop::NotSupported);
                }
                bt.clear_reg(0);
                if bt.reg_mask() & ARGS != 0 {
                    return Err(BtStop::Bug(format!("BUG regs {:x}\n", bt.reg_mask())));
                }
            } else if op == BPF_EXIT {
                let from_subprog_call = subseq_idx >= 1
                    && self
                        .prog
                        .insns
                        .get(subseq_idx as usize - 1)
                        .is_some_and(|i| i.op() == BPF_CALL && i.src == BPF_PSEUDO_CALL);
                let r0_precise = from_subprog_call && bt.is_reg_set(0);
                // Linux 6.12.95 (the oracle; as 6.7 wrote it): leaving a
                // callback backwards drops R1-R5, which the helper that
                // calls the callback set. 6.12.117 replaced this with a
                // BUG check on subprogram exits only; the oracle is .95.
                let calls_callback = subseq_idx >= 0
                    && self
                        .prog
                        .insns
                        .get(subseq_idx as usize)
                        .is_some_and(|i| self.is_sync_callback_calling_insn(i));
                if calls_callback {
                    for r in 1..=5u8 {
                        bt.clear_reg(r);
                    }
                }
                if bt.reg_mask() & ARGS != 0 {
                    return Err(BtStop::Bug(format!("BUG regs {:x}\n", bt.reg_mask())));
                }
                bt.clear_reg(0);
                bt.subprog_enter()?;
                if r0_precise {
                    bt.set_reg(0);
                }
                return Ok(());
            } else if insn.source() == BPF_X && op != BPF_JA {
                if !bt.is_reg_set(dreg) && !bt.is_reg_set(sreg) {
                    return Ok(());
                }
                let flags = hist.map(|h| h.flags).unwrap_or(0);
                if flags & INSN_F_SRC_REG_STACK == 0 {
                    bt.set_reg(sreg);
                }
                if flags & INSN_F_DST_REG_STACK == 0 {
                    bt.set_reg(dreg);
                }
            }
        } else if class == BPF_LD {
            let mode = insn.mode();
            if mode == BPF_IMM {
                bt.clear_reg(dreg);
                return Ok(());
            }
            if mode == BPF_IND || mode == BPF_ABS {
                if bt.is_reg_set(dreg) {
                    return Err(BtStop::NotSupported);
                }
                if subseq_idx != idx as i64 + 1 {
                    bt.subprog_enter()?;
                }
                return Ok(());
            }
        }
        bt.sync_linked_regs(hist);
        Ok(())
    }
}

/// `collect_linked_regs()`: every scalar register and spilled scalar of
/// every frame that carries `id`; past `LINKED_REGS_MAX` the id is dropped.
fn collect_linked_regs(st: &mut VerifierState, id: u32, out: &mut Vec<LinkedReg>) {
    let id = id & !crate::regs::BPF_ADD_CONST;
    let base = |r: &crate::regs::RegState| r.id & !crate::regs::BPF_ADD_CONST;
    let cf = st.curframe();
    for i in (0..=cf).rev() {
        let f = &mut st.frames[i];
        for j in 0..10usize {
            let r = &mut f.regs[j];
            if r.ty != RegType::Scalar || base(r) != id {
                continue;
            }
            if out.len() < LINKED_REGS_MAX {
                out.push(LinkedReg {
                    frameno: i as u8,
                    regno: j as u8,
                    is_reg: true,
                });
            } else {
                r.id = 0;
            }
        }
        for (j, s) in f.stack.iter_mut().enumerate() {
            if !s.is_spill() {
                continue;
            }
            let r = &mut s.spilled;
            if r.ty != RegType::Scalar || base(r) != id {
                continue;
            }
            if out.len() < LINKED_REGS_MAX {
                out.push(LinkedReg {
                    frameno: i as u8,
                    regno: j as u8,
                    is_reg: false,
                });
            } else {
                r.id = 0;
            }
        }
    }
}
