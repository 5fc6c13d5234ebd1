//! What a conditional jump teaches about two scalars, as Linux 6.12 does it
//! (`is_scalar_branch_taken()`, `regs_refine_cond_op()`,
//! `reg_set_min_max()`), for the `6.7` mode.
//!
//! 6.1 (`branches.rs`) learns only from a comparison with a constant; 6.12
//! compares two ranges (`r1 < r2` narrows both), decides branches from
//! ranges that cannot meet, and then lets the 32- and 64-bit bounds teach
//! each other (`RegState::bounds_sync_612`).

use crate::insn::*;
use crate::regs::{RegState, RegType, BPF_ADD_CONST};
use crate::state::VerifierState;
use crate::tnum::Tnum;

/// `BPF_JSET | BPF_X`: the kernel's name for "not JSET" (`rev_opcode`).
const JSET_NOT: u8 = BPF_JSET | BPF_X;

/// `rev_opcode()`: the condition of the fall-through branch.
pub fn rev_opcode(op: u8) -> u8 {
    match op {
        BPF_JEQ => BPF_JNE,
        BPF_JNE => BPF_JEQ,
        BPF_JSET => JSET_NOT,
        JSET_NOT => BPF_JSET,
        BPF_JGE => BPF_JLT,
        BPF_JGT => BPF_JLE,
        BPF_JLE => BPF_JGT,
        BPF_JLT => BPF_JGE,
        BPF_JSGE => BPF_JSLT,
        BPF_JSGT => BPF_JSLE,
        BPF_JSLE => BPF_JSGT,
        BPF_JSLT => BPF_JSGE,
        _ => 0,
    }
}

/// `flip_opcode()`: `a op b` as `b op' a`.
pub fn flip_opcode(op: u8) -> u8 {
    match op {
        BPF_JGE => BPF_JLE,
        BPF_JGT => BPF_JLT,
        BPF_JLE => BPF_JGE,
        BPF_JLT => BPF_JGT,
        BPF_JSGE => BPF_JSLE,
        BPF_JSGT => BPF_JSLT,
        BPF_JSLE => BPF_JSGE,
        BPF_JSLT => BPF_JSGT,
        other => other,
    }
}

fn is_const(r: &RegState, jmp32: bool) -> bool {
    if jmp32 {
        r.var_off.subreg().is_const()
    } else {
        r.var_off.is_const()
    }
}

fn const_value(r: &RegState, jmp32: bool) -> u64 {
    if jmp32 {
        r.var_off.subreg().value
    } else {
        r.var_off.value
    }
}

/// `tnum_overlap()`: some value fits both.
fn tnum_overlap(a: Tnum, b: Tnum) -> bool {
    let mu = !a.mask & !b.mask;
    (a.value & mu) == (b.value & mu)
}

/// `is_scalar_branch_taken()`: 1 taken, 0 not taken, -1 unknown.
pub fn is_scalar_branch_taken(r1: &RegState, r2: &RegState, op: u8, jmp32: bool) -> i32 {
    let (mut r1, mut r2) = (r1, r2);
    let view = |r: &RegState| {
        if jmp32 {
            (
                r.var_off.subreg(),
                r.u32_min as u64,
                r.u32_max as u64,
                r.s32_min as i64,
                r.s32_max as i64,
            )
        } else {
            (r.var_off, r.umin, r.umax, r.smin, r.smax)
        }
    };
    let (mut t1, umin1, umax1, smin1, smax1) = view(r1);
    let (mut t2, umin2, umax2, smin2, smax2) = view(r2);
    let disjoint = || {
        !tnum_overlap(t1, t2)
            || umin1 > umax2
            || umax1 < umin2
            || smin1 > smax2
            || smax1 < smin2
            || (!jmp32
                && (r1.u32_min > r2.u32_max
                    || r1.u32_max < r2.u32_min
                    || r1.s32_min > r2.s32_max
                    || r1.s32_max < r2.s32_min))
    };
    match op {
        BPF_JEQ => {
            if t1.is_const() && t2.is_const() {
                return (t1.value == t2.value) as i32;
            }
            if disjoint() {
                return 0;
            }
        }
        BPF_JNE => {
            if t1.is_const() && t2.is_const() {
                return (t1.value != t2.value) as i32;
            }
            if disjoint() {
                return 1;
            }
        }
        BPF_JSET => {
            if !is_const(r2, jmp32) {
                std::mem::swap(&mut r1, &mut r2);
                std::mem::swap(&mut t1, &mut t2);
            }
            if !is_const(r2, jmp32) {
                return -1;
            }
            if (!t1.mask & t1.value) & t2.value != 0 {
                return 1;
            }
            if (t1.mask | t1.value) & t2.value == 0 {
                return 0;
            }
        }
        BPF_JGT => {
            if umin1 > umax2 {
                return 1;
            } else if umax1 <= umin2 {
                return 0;
            }
        }
        BPF_JSGT => {
            if smin1 > smax2 {
                return 1;
            } else if smax1 <= smin2 {
                return 0;
            }
        }
        BPF_JLT => {
            if umax1 < umin2 {
                return 1;
            } else if umin1 >= umax2 {
                return 0;
            }
        }
        BPF_JSLT => {
            if smax1 < smin2 {
                return 1;
            } else if smin1 >= smax2 {
                return 0;
            }
        }
        BPF_JGE => {
            if umin1 >= umax2 {
                return 1;
            } else if umax1 < umin2 {
                return 0;
            }
        }
        BPF_JSGE => {
            if smin1 >= smax2 {
                return 1;
            } else if smax1 < smin2 {
                return 0;
            }
        }
        BPF_JLE => {
            if umax1 <= umin2 {
                return 1;
            } else if umin1 > umax2 {
                return 0;
            }
        }
        BPF_JSLE => {
            if smax1 <= smin2 {
                return 1;
            } else if smin1 > smax2 {
                return 0;
            }
        }
        _ => {}
    }
    -1
}

/// `regs_refine_cond_op()`: what `r1 op r2` being true says of both.
fn regs_refine_cond_op(r1: &mut RegState, r2: &mut RegState, op: u8, jmp32: bool) {
    let (r1, r2, op) = match op {
        BPF_JGE | BPF_JGT | BPF_JSGE | BPF_JSGT => (r2, r1, flip_opcode(op)),
        _ => (r1, r2, op),
    };
    let with_subreg = |reg: Tnum, sub: Tnum| reg.clear_subreg().or(sub.subreg());
    match op {
        BPF_JEQ => {
            if jmp32 {
                r1.u32_min = r1.u32_min.max(r2.u32_min);
                r1.u32_max = r1.u32_max.min(r2.u32_max);
                r1.s32_min = r1.s32_min.max(r2.s32_min);
                r1.s32_max = r1.s32_max.min(r2.s32_max);
                r2.u32_min = r1.u32_min;
                r2.u32_max = r1.u32_max;
                r2.s32_min = r1.s32_min;
                r2.s32_max = r1.s32_max;
                let t = r1.var_off.subreg().intersect(r2.var_off.subreg());
                r1.var_off = with_subreg(r1.var_off, t);
                r2.var_off = with_subreg(r2.var_off, t);
            } else {
                r1.umin = r1.umin.max(r2.umin);
                r1.umax = r1.umax.min(r2.umax);
                r1.smin = r1.smin.max(r2.smin);
                r1.smax = r1.smax.min(r2.smax);
                r2.umin = r1.umin;
                r2.umax = r1.umax;
                r2.smin = r1.smin;
                r2.smax = r1.smax;
                r1.var_off = r1.var_off.intersect(r2.var_off);
                r2.var_off = r1.var_off;
            }
        }
        BPF_JNE | BPF_JSET | JSET_NOT => {
            let (r1, r2) = if !is_const(r2, jmp32) {
                (r2, r1)
            } else {
                (r1, r2)
            };
            if !is_const(r2, jmp32) {
                return;
            }
            let val = const_value(r2, jmp32);
            match op {
                BPF_JNE => {
                    if jmp32 {
                        if r1.u32_min == val as u32 {
                            r1.u32_min = r1.u32_min.wrapping_add(1);
                        }
                        if r1.u32_max == val as u32 {
                            r1.u32_max = r1.u32_max.wrapping_sub(1);
                        }
                        if r1.s32_min == val as u32 as i32 {
                            r1.s32_min = r1.s32_min.wrapping_add(1);
                        }
                        if r1.s32_max == val as u32 as i32 {
                            r1.s32_max = r1.s32_max.wrapping_sub(1);
                        }
                    } else {
                        if r1.umin == val {
                            r1.umin = r1.umin.wrapping_add(1);
                        }
                        if r1.umax == val {
                            r1.umax = r1.umax.wrapping_sub(1);
                        }
                        if r1.smin == val as i64 {
                            r1.smin = r1.smin.wrapping_add(1);
                        }
                        if r1.smax == val as i64 {
                            r1.smax = r1.smax.wrapping_sub(1);
                        }
                    }
                }
                BPF_JSET => {
                    if !val.is_power_of_two() {
                        return;
                    }
                    if jmp32 {
                        let t = r1.var_off.subreg().or(Tnum::konst(val));
                        r1.var_off = with_subreg(r1.var_off, t);
                    } else {
                        r1.var_off = r1.var_off.or(Tnum::konst(val));
                    }
                }
                _ => {
                    // not JSET: the tested bits are clear
                    r1.mark_unbounded();
                    if jmp32 {
                        let t = r1.var_off.subreg().and(Tnum::konst(!val));
                        r1.var_off = with_subreg(r1.var_off, t);
                    } else {
                        r1.var_off = r1.var_off.and(Tnum::konst(!val));
                    }
                }
            }
        }
        BPF_JLE => {
            if jmp32 {
                r1.u32_max = r1.u32_max.min(r2.u32_max);
                r2.u32_min = r1.u32_min.max(r2.u32_min);
            } else {
                r1.umax = r1.umax.min(r2.umax);
                r2.umin = r1.umin.max(r2.umin);
            }
        }
        BPF_JLT => {
            if jmp32 {
                r1.u32_max = r1.u32_max.min(r2.u32_max.wrapping_sub(1));
                r2.u32_min = r1.u32_min.wrapping_add(1).max(r2.u32_min);
            } else {
                r1.umax = r1.umax.min(r2.umax.wrapping_sub(1));
                r2.umin = r1.umin.wrapping_add(1).max(r2.umin);
            }
        }
        BPF_JSLE => {
            if jmp32 {
                r1.s32_max = r1.s32_max.min(r2.s32_max);
                r2.s32_min = r1.s32_min.max(r2.s32_min);
            } else {
                r1.smax = r1.smax.min(r2.smax);
                r2.smin = r1.smin.max(r2.smin);
            }
        }
        BPF_JSLT => {
            if jmp32 {
                r1.s32_max = r1.s32_max.min(r2.s32_max.wrapping_sub(1));
                r2.s32_min = r1.s32_min.wrapping_add(1).max(r2.s32_min);
            } else {
                r1.smax = r1.smax.min(r2.smax.wrapping_sub(1));
                r2.smin = r1.smin.wrapping_add(1).max(r2.smin);
            }
        }
        _ => {}
    }
}

/// `reg_bounds_sanity_check()`: bounds that contradict each other after a
/// refinement are logged and forgotten (the kernel only fails with
/// `test_reg_invariants`). Returns the log line, if any.
pub(crate) fn sanity_check(r: &mut RegState, ctx: &str) -> Option<String> {
    let msg =
        if r.umin > r.umax || r.smin > r.smax || r.u32_min > r.u32_max || r.s32_min > r.s32_max {
            "range bounds violation"
        } else if r.var_off.is_const()
            && (r.umin != r.var_off.value
                || r.umax != r.var_off.value
                || r.smin != r.var_off.value as i64
                || r.smax != r.var_off.value as i64)
        {
            "const tnum out of sync with range bounds"
        } else if r.var_off.subreg().is_const() && {
            let v = r.var_off.subreg().value as u32;
            r.u32_min != v || r.u32_max != v || r.s32_min != v as i32 || r.s32_max != v as i32
        } {
            "const subreg tnum out of sync with range bounds"
        } else {
            return None;
        };
    let line = format!(
        "REG INVARIANTS VIOLATION ({}): {} u64=[{:#x}, {:#x}] s64=[{:#x}, {:#x}] u32=[{:#x}, {:#x}] s32=[{:#x}, {:#x}] var_off=({:#x}, {:#x})\n",
        ctx,
        msg,
        r.umin,
        r.umax,
        r.smin as u64,
        r.smax as u64,
        r.u32_min,
        r.u32_max,
        r.s32_min as u32,
        r.s32_max as u32,
        r.var_off.value,
        r.var_off.mask
    );
    r.mark_unbounded();
    Some(line)
}

/// `reg_set_min_max()`: narrows the two operands in the taken branch
/// (`t1`, `t2`) and the fall-through (`f1`, `f2`). Returns the invariant
/// violation lines the kernel would log.
/// `same`: both operands are one register (`if r4 s<= r4`); the kernel's
/// two pointers then alias, and each branch's register learns both halves
/// of the refinement.
pub fn reg_set_min_max(
    t1: &mut RegState,
    t2: &mut RegState,
    f1: &mut RegState,
    f2: &mut RegState,
    op: u8,
    jmp32: bool,
    same: bool,
) -> String {
    if same {
        refine_aliased(f1, rev_opcode(op), jmp32);
        refine_aliased(t1, op, jmp32);
        *f2 = *f1;
        *t2 = *t1;
    } else {
        regs_refine_cond_op(f1, f2, rev_opcode(op), jmp32);
        regs_refine_cond_op(t1, t2, op, jmp32);
    }
    f1.bounds_sync_612();
    f2.bounds_sync_612();
    t1.bounds_sync_612();
    t2.bounds_sync_612();
    let mut log = String::new();
    if same {
        // the kernel checks `true_reg1` then `true_reg2`, one struct here:
        // reg_bounds_sanity_check() resets a bad one's bounds to unbounded
        // (`__mark_reg_unbounded()`, its tnum kept), and the alias is then
        // checked as that register, which fails again only if its tnum is
        // a constant (`const tnum out of sync with range bounds`)
        for (r, alias, c1, c2) in [
            (t1, t2, "true_reg1", "true_reg2"),
            (f1, f2, "false_reg1", "false_reg2"),
        ] {
            for ctx in [c1, c2] {
                if let Some(l) = sanity_check(r, ctx) {
                    log.push_str(&l);
                }
            }
            *alias = *r;
        }
        return log;
    }
    for (r, ctx) in [
        (t1, "true_reg1"),
        (t2, "true_reg2"),
        (f1, "false_reg1"),
        (f2, "false_reg2"),
    ] {
        if let Some(l) = sanity_check(r, ctx) {
            log.push_str(&l);
        }
    }
    log
}

/// `regs_refine_cond_op(reg, reg, ...)` on one register: its statements
/// run one after the other on the same struct. Each pair of statements sets
/// different fields (`reg1->smax`, then `reg2->smin`), so the register
/// takes every field either half changed.
fn refine_aliased(r: &mut RegState, op: u8, jmp32: bool) {
    let orig = *r;
    let (mut a, mut b) = (*r, *r);
    regs_refine_cond_op(&mut a, &mut b, op, jmp32);
    fn pick<T: PartialEq>(fa: T, fb: T, fo: T) -> T {
        if fb != fo {
            fb
        } else {
            fa
        }
    }
    r.smin = pick(a.smin, b.smin, orig.smin);
    r.smax = pick(a.smax, b.smax, orig.smax);
    r.umin = pick(a.umin, b.umin, orig.umin);
    r.umax = pick(a.umax, b.umax, orig.umax);
    r.s32_min = pick(a.s32_min, b.s32_min, orig.s32_min);
    r.s32_max = pick(a.s32_max, b.s32_max, orig.s32_max);
    r.u32_min = pick(a.u32_min, b.u32_min, orig.u32_min);
    r.u32_max = pick(a.u32_max, b.u32_max, orig.u32_max);
    r.var_off = pick(a.var_off, b.var_off, orig.var_off);
}

/// `sync_linked_regs()`: every scalar linked to `known` (same base id)
/// learns its bounds; one that is "known + K" gets them shifted by K.
pub fn sync_linked_regs(st: &mut VerifierState, known: &RegState) {
    if known.id == 0 {
        return;
    }
    let base = known.id & !BPF_ADD_CONST;
    let sync = |r: &mut RegState| {
        if r.ty != RegType::Scalar || r.id & !BPF_ADD_CONST != base {
            return;
        }
        let (live, parent) = (r.live, r.parent);
        if (r.id & BPF_ADD_CONST == 0 && known.id & BPF_ADD_CONST == 0) || r.off == known.off {
            *r = *known;
        } else {
            let (off, id) = (r.off, r.id);
            let delta = (off as i64).wrapping_sub(known.off as i64);
            let mut k = RegState::not_init();
            k.mark_known(delta as u64);
            *r = *known;
            r.off = off;
            r.id = id;
            crate::alu::add_const_bounds(r, &k);
        }
        r.live = live;
        r.parent = parent;
    };
    for f in st.frames.iter_mut() {
        for r in f.regs.iter_mut() {
            sync(r);
        }
        for s in f.stack.iter_mut() {
            if s.is_spill() {
                sync(&mut s.spilled);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(lo: u64, hi: u64) -> RegState {
        let mut r = RegState::not_init();
        r.mark_unknown();
        r.umin = lo;
        r.umax = hi;
        r.var_off = Tnum::range(lo, hi);
        r.bounds_sync_612();
        r
    }

    fn konst(v: u64) -> RegState {
        let mut r = RegState::not_init();
        r.mark_known(v);
        r
    }

    #[test]
    fn ranges_decide_branches() {
        let a = range(0, 10);
        let b = range(20, 30);
        assert_eq!(is_scalar_branch_taken(&a, &b, BPF_JLT, false), 1);
        assert_eq!(is_scalar_branch_taken(&a, &b, BPF_JGE, false), 0);
        assert_eq!(is_scalar_branch_taken(&a, &b, BPF_JEQ, false), 0);
        assert_eq!(is_scalar_branch_taken(&a, &b, BPF_JNE, false), 1);
        assert_eq!(is_scalar_branch_taken(&a, &konst(5), BPF_JGT, false), -1);
        assert_eq!(
            is_scalar_branch_taken(&konst(5), &konst(5), BPF_JEQ, false),
            1
        );
    }

    #[test]
    fn a_taken_branch_narrows_both_operands() {
        // if a < b (a in [0, 100], b in [10, 20]): a <= 19, b >= 1
        let (mut t1, mut t2) = (range(0, 100), range(10, 20));
        let (mut f1, mut f2) = (t1, t2);
        let log = reg_set_min_max(&mut t1, &mut t2, &mut f1, &mut f2, BPF_JLT, false, false);
        assert!(log.is_empty());
        assert_eq!((t1.umin, t1.umax), (0, 19));
        assert_eq!((t2.umin, t2.umax), (10, 20));
        // the fall-through: a >= b, so a >= 10
        assert_eq!((f1.umin, f1.umax), (10, 100));
    }

    #[test]
    fn not_equal_to_a_bound_moves_it() {
        let (mut t1, mut t2) = (range(0, 10), konst(0));
        let (mut f1, mut f2) = (t1, t2);
        reg_set_min_max(&mut t1, &mut t2, &mut f1, &mut f2, BPF_JNE, false, false);
        assert_eq!((t1.umin, t1.umax), (1, 10));
        assert_eq!((f1.umin, f1.umax), (0, 0));
    }

    #[test]
    fn the_32_bit_bounds_teach_the_64_bit_ones() {
        let mut r = RegState::not_init();
        r.mark_unknown();
        // upper half known zero, lower half in [0, 255]
        r.var_off = Tnum::range(0, u32::MAX as u64);
        r.u32_max = 255;
        r.bounds_sync_612();
        assert_eq!(r.umax, 255);
        assert_eq!(r.smax, 255);
    }
}
