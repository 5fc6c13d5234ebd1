//! State pruning (`is_state_visited`, `states_equal`, `regsafe`,
//! `stacksafe`, `refsafe`), liveness propagation, the infinite-loop check,
//! precision marks and (6.7) widening at callback calls.

use crate::checkpoints::Checkpoint;
use crate::env::{Env, VResult, EINVAL};
use crate::liveness::{Owner, RegLoc};
use crate::regs::{
    ParentLink, ParentRef, RegState, RegType, BPF_ADD_CONST, LIVE_DONE, LIVE_READ, LIVE_READ64,
};
use crate::state::{FuncState, SlotType, VerifierState};
use crate::trace::EventKind;

type IdMap = Vec<(u32, u32)>;

/// A state of the loop-entry forest (6.12): the path under way, or a
/// stored checkpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopNode {
    Cur,
    Cp(u32),
}

/// `enum exact_level` (6.8+; 6.1 has only the first): how strictly an
/// old state must cover the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExactLevel {
    /// Pruning: only what the old state read and needed precise counts.
    NotExact,
    /// The infinite-loop check (6.12): identical states.
    Exact,
    /// 6.12's callback fixpoint: every scalar's range must be covered,
    /// precise or not, read or not.
    RangeWithin,
}

/// `check_ids()`: old ids must map to current ids consistently. 6.1 lets
/// an old id of 0 match anything; 6.12 wants both zero or both set, and a
/// current id claimed by another old id is a mismatch.
fn check_ids(old: u32, cur: u32, map: &mut IdMap, v612: bool) -> bool {
    if v612 && (old == 0) != (cur == 0) {
        return false;
    }
    if old == 0 {
        return true;
    }
    for &(o, c) in map.iter() {
        if o == old {
            return c == cur;
        }
        if v612 && c == cur {
            return false;
        }
    }
    map.push((old, cur));
    true
}

/// `check_scalar_ids()` (6.12 as Debian's 6.12.95 has it): an old scalar
/// of no id is independent, and any linking of the current one only adds
/// constraints, so it matches. A linked old scalar must map to the current
/// one's id, a current id of 0 standing for a fresh id of its own (two
/// unlinked current scalars cannot stand for two linked old ones). An old
/// "base + K" link must also map its base id (old r3 = r2 + K cannot match
/// a current r3 derived from an unrelated register).
fn check_scalar_ids(old: u32, cur: u32, map: &mut IdMap) -> bool {
    const TMP: u32 = 1 << 29;
    if old == 0 {
        return true;
    }
    let cur = if cur == 0 {
        TMP | (map.len() as u32 + 1)
    } else {
        cur
    };
    if !check_ids(old, cur, map, true) {
        return false;
    }
    if old & BPF_ADD_CONST != 0 {
        return check_ids(old & !BPF_ADD_CONST, cur & !BPF_ADD_CONST, map, true);
    }
    true
}

fn regs_exact(o: &RegState, c: &RegState, map: &mut IdMap, v612: bool) -> bool {
    let mut a = *o;
    let mut b = *c;
    a.id = 0;
    b.id = 0;
    a.ref_obj_id = 0;
    b.ref_obj_id = 0;
    a.same_value(&b)
        && check_ids(o.id, c.id, map, v612)
        && check_ids(o.ref_obj_id, c.ref_obj_id, map, v612)
}

fn regsafe(o: &RegState, c: &RegState, map: &mut IdMap, exact: ExactLevel, v612: bool) -> bool {
    if exact == ExactLevel::Exact {
        return o.ty == RegType::NotInit && c.ty == RegType::NotInit || regs_exact(o, c, map, v612);
    }
    if o.live & LIVE_READ == 0 && exact == ExactLevel::NotExact {
        return true;
    }
    if o.ty == RegType::Stack {
        if v612 {
            return regs_exact(o, c, map, v612) && o.frameno == c.frameno;
        }
        return o.same_value(c) && o.frameno == c.frameno;
    }
    // 6.1 accepts identical registers at once (memcmp); 6.12 has no such
    // shortcut, so every id (linked scalars, packet pointers sharing an
    // id) is entered in the id map and must map consistently
    if !v612 && o.same_value(c) {
        return true;
    }
    if o.ty == RegType::NotInit {
        return exact == ExactLevel::NotExact || c.ty == RegType::NotInit;
    }
    if c.ty == RegType::NotInit {
        return false;
    }
    // any two arena pointers are alike (6.12)
    if o.ty == RegType::Arena {
        return c.ty == RegType::Arena;
    }
    let within =
        |o: &RegState, c: &RegState| RegState::range_within(o, c) && o.var_off.contains(c.var_off);
    let head_eq = |o: &RegState, c: &RegState| {
        o.ty == c.ty
            && o.maybe_null == c.maybe_null
            && o.rdonly == c.rdonly
            && o.off == c.off
            && o.aux == c.aux
            && o.map_uid == c.map_uid
            && o.dynptr_id == c.dynptr_id
    };
    match o.ty {
        // a pointer in place of a scalar is never safe
        RegType::Scalar => {
            if c.ty != RegType::Scalar {
                return false;
            }
            if !o.precise && exact == ExactLevel::NotExact {
                return true;
            }
            // 6.11+: "scalar + K" links must agree (never set in 6.1)
            let (oa, ca) = (o.id & BPF_ADD_CONST != 0, c.id & BPF_ADD_CONST != 0);
            if (oa && !ca) || (o.id != 0 && !oa && ca) || (oa && o.off != c.off) {
                return false;
            }
            if v612 && !check_scalar_ids(o.id, c.id, map) {
                return false;
            }
            within(o, c)
        }
        RegType::MapKey | RegType::MapValue => {
            if o.maybe_null {
                if !c.maybe_null || !head_eq(o, c) {
                    return false;
                }
                return check_ids(o.id, c.id, map, v612);
            }
            if v612 {
                // 6.12 maps the ids instead of wanting them equal
                return head_eq(o, c)
                    && within(o, c)
                    && check_ids(o.id, c.id, map, v612)
                    && check_ids(o.ref_obj_id, c.ref_obj_id, map, v612);
            }
            head_eq(o, c) && within(o, c)
        }
        RegType::Packet | RegType::PacketMeta => {
            let (ro, rc) = (o.aux as i32, c.aux as i32);
            if c.ty != o.ty || o.off != c.off {
                return false;
            }
            if ro < 0 || rc < 0 {
                if ro != rc {
                    return false;
                }
            } else if ro > rc {
                return false;
            }
            if o.id != 0 && !check_ids(o.id, c.id, map, v612) {
                return false;
            }
            within(o, c)
        }
        // 6.12: any other pointer must be the same but for its ids, which
        // are mapped (`regs_exact`); 6.1 wants it identical
        _ => v612 && regs_exact(o, c, map, v612),
    }
}

fn stacksafe(o: &FuncState, c: &FuncState, map: &mut IdMap, exact: ExactLevel, v612: bool) -> bool {
    let alloc_o = o.stack.len() * 8;
    let alloc_c = c.stack.len() * 8;
    let mut i = 0;
    while i < alloc_o {
        let spi = i / 8;
        let os = &o.stack[spi];
        // a whole slot of invalid or misc bytes passes byte by byte below
        // whatever the current state holds (or, compared exactly, when the
        // current slot has the same bytes): one step, not eight
        if i % 8 == 0
            && os
                .types
                .iter()
                .all(|t| matches!(t, SlotType::Invalid | SlotType::Misc))
        {
            let same = |ct: &[SlotType; 8]| *ct == os.types;
            if exact == ExactLevel::NotExact
                || (i < alloc_c && same(&c.stack[spi].types))
                || (i >= alloc_c && os.types.iter().all(|t| *t == SlotType::Invalid))
            {
                i += 8;
                continue;
            }
        }
        let ot = os.types[i % 8];
        if exact != ExactLevel::NotExact {
            let ct = if i < alloc_c {
                c.stack[spi].types[i % 8]
            } else {
                SlotType::Invalid
            };
            if ot != ct {
                return false;
            }
        }
        if os.spilled.live & LIVE_READ == 0 && exact == ExactLevel::NotExact {
            i += 8;
            continue;
        }
        if ot == SlotType::Invalid {
            i += 1;
            continue;
        }
        // a privileged loader may read uninitialised stack: old MISC matches anything
        if ot == SlotType::Misc {
            i += 1;
            continue;
        }
        if i >= alloc_c {
            return false;
        }
        let cs = &c.stack[spi];
        // 6.12: a 64-bit scalar spill against a slot of all MISC bytes (a
        // read of which is an unbound scalar), and the reverse, compared
        // as registers (scalar_reg_for_stack)
        if v612 {
            let unbound = {
                let mut r = crate::regs::RegState::not_init();
                r.mark_unknown();
                r.live |= LIVE_READ;
                r
            };
            let as_reg = |st: &crate::state::StackSlot| {
                if st.types[0] == SlotType::Spill && st.spilled.ty == crate::regs::RegType::Scalar {
                    Some(st.spilled)
                } else if st
                    .types
                    .iter()
                    .all(|t| matches!(t, SlotType::Misc | SlotType::Invalid))
                {
                    Some(unbound)
                } else {
                    None
                }
            };
            if let (Some(a), Some(b)) = (as_reg(os), as_reg(cs)) {
                if !regsafe(&a, &b, map, exact, v612) {
                    return false;
                }
                i += 8;
                continue;
            }
        }
        let ct = cs.types[i % 8];
        if ot == SlotType::Misc && ct == SlotType::Zero {
            i += 1;
            continue;
        }
        if ot != ct {
            return false;
        }
        if i % 8 != 7 {
            i += 1;
            continue;
        }
        if ot == SlotType::Iter {
            // the same iterator in the same state; its depth is left out
            // (it would keep a loop from converging), iter_active_depths_differ()
            // looks at it for the infinite-loop check
            if os.spilled.ty != cs.spilled.ty
                || os.iter.btf_id != cs.iter.btf_id
                || os.iter.active != cs.iter.active
                || !check_ids(os.spilled.ref_obj_id, cs.spilled.ref_obj_id, map, v612)
            {
                return false;
            }
            i += 1;
            continue;
        }
        if ot == SlotType::Dynptr && v612 {
            // the same kind of dynptr, slot and reference (6.1 compares
            // only the bytes)
            if os.spilled.dynptr != cs.spilled.dynptr
                || !check_ids(os.spilled.ref_obj_id, cs.spilled.ref_obj_id, map, v612)
            {
                return false;
            }
            i += 1;
            continue;
        }
        if !os.is_spill() {
            i += 1;
            continue;
        }
        if !regsafe(&os.spilled, &cs.spilled, map, exact, v612) {
            return false;
        }
        i += 1;
    }
    true
}

fn func_states_equal(
    o: &FuncState,
    c: &FuncState,
    map: &mut IdMap,
    exact: ExactLevel,
    v612: bool,
) -> bool {
    // 6.7+: a state that simulated more callback iterations than this one
    // does not cover it (the iterations still to come differ)
    if v612 && o.callback_depth > c.callback_depth {
        return false;
    }
    for i in 0..11 {
        if !regsafe(&o.regs[i], &c.regs[i], map, exact, v612) {
            return false;
        }
    }
    if !stacksafe(o, c, map, exact, v612) {
        return false;
    }
    refsafe(o, c, map, v612)
}

/// `refsafe()`: the same number of references. 6.12 maps their ids as
/// the registers' are (which instruction acquired them does not matter);
/// 6.1 `memcmp`s `struct bpf_reference_state`, so id, acquiring
/// instruction and `callback_ref` must be identical: a reference acquired
/// after two paths parted (a new id on each) never lets one prune the
/// other.
fn refsafe(o: &FuncState, c: &FuncState, map: &mut IdMap, v612: bool) -> bool {
    if !v612 {
        return o.refs == c.refs;
    }
    o.refs.len() == c.refs.len()
        && o.refs
            .iter()
            .zip(&c.refs)
            .all(|(a, b)| check_ids(a.id, b.id, map, v612))
}

/// `states_equal()`; `v612` compares pointer ids through the id map as
/// 6.12's `regs_exact()` does (6.1 wants them identical).
pub fn states_equal(o: &VerifierState, c: &VerifierState, exact: ExactLevel, v612: bool) -> bool {
    if o.frames.len() != c.frames.len() {
        return false;
    }
    if o.speculative && !c.speculative {
        return false;
    }
    // 6.12 resets the id map once per comparison (`reset_idmap_scratch`),
    // so ids map consistently across frames; 6.1 resets it per frame
    let mut map: IdMap = Vec::new();
    if v612 {
        // the same lock's map, both held or both not, its id mapped as the
        // registers' ids are (a lock taken on another path has another id)
        if o.active_lock_held != c.active_lock_held
            || (o.active_lock_held && o.active_lock_map != c.active_lock_map)
            || (o.active_spin_lock != 0) != (c.active_spin_lock != 0)
            || (o.active_spin_lock != 0
                && !check_ids(o.active_spin_lock, c.active_spin_lock, &mut map, v612))
        {
            return false;
        }
    } else if o.active_spin_lock != c.active_spin_lock || o.active_lock_held != c.active_lock_held {
        return false;
    }
    if o.active_rcu_lock != c.active_rcu_lock
        || o.active_preempt_lock != c.active_preempt_lock
        || o.in_sleepable != c.in_sleepable
    {
        return false;
    }
    for i in 0..o.frames.len() {
        if o.frames[i].callsite != c.frames[i].callsite {
            return false;
        }
        if !v612 {
            map.clear();
        }
        if !func_states_equal(&o.frames[i], &c.frames[i], &mut map, exact, v612) {
            return false;
        }
    }
    true
}

/// `iter_active_depths_differ()`: an active iterator of `old` at another
/// depth in `cur` means the loop went round, not that it is stuck.
fn iter_active_depths_differ(o: &VerifierState, c: &VerifierState) -> bool {
    for (fo, fc) in o.frames.iter().zip(c.frames.iter()) {
        for (i, s) in fo.stack.iter().enumerate() {
            if s.types[0] != SlotType::Iter || !s.iter.active {
                continue;
            }
            if fc.stack.get(i).map(|x| x.iter.depth) != Some(s.iter.depth) {
                return true;
            }
        }
    }
    false
}

fn states_maybe_looping(o: &VerifierState, c: &VerifierState) -> bool {
    if o.frames.len() != c.frames.len() {
        return false;
    }
    let fr = c.frames.len() - 1;
    (0..11).all(|i| o.frames[fr].regs[i].same_value(&c.frames[fr].regs[i]))
}

impl Env {
    fn bucket(&self, insn_idx: usize) -> usize {
        let callsite = self.cur.cur().callsite;
        let n = self.prog.insns.len().max(1) as u32;
        (((insn_idx as i32) ^ callsite) as u32 % n) as usize
    }

    fn calls_callback(&self, insn_idx: usize) -> bool {
        let Some(insn) = self.prog.insns.get(insn_idx) else {
            return false;
        };
        self.rules.callbacks_iterate && self.is_sync_callback_calling_insn(insn)
    }

    /// `is_may_goto_insn_at()` (6.12; 6.1 refuses the opcode): a
    /// `BPF_JCOND` whose `src_reg` is `BPF_MAY_GOTO` (0). Another `src_reg`
    /// is refused when the walk reaches it (`invalid may_goto`), but the
    /// CFG pass does not make its instruction a forced checkpoint.
    pub fn is_may_goto_at(&self, insn_idx: usize) -> bool {
        self.rules.opcodes_v4
            && self.prog.insns.get(insn_idx).is_some_and(|i| {
                i.code == crate::insn::BPF_JMP | crate::insn::BPF_JCOND && i.src == 0
            })
    }

    /// The open-coded iterator kfunc called at `insn_idx`, if it is one.
    pub fn iter_kfunc_at(&self, insn_idx: usize) -> Option<crate::kfuncs::IterKfunc> {
        let insn = self.prog.insns.get(insn_idx)?;
        if !insn.is_call() || insn.src != crate::insn::BPF_PSEUDO_KFUNC_CALL {
            return None;
        }
        let name = self.kernel_kfunc_name(insn.imm)?;
        crate::kfuncs::kernel_kfunc(&name)?.iter
    }

    /// Is the iterator R1 points to (an iterator kfunc's first argument)
    /// active?
    fn iter_arg_active(&self) -> bool {
        let r1 = &self.cur.cur().regs[1];
        let off = r1.off as i64 + r1.var_off.value as i64;
        let spi = (-off - 1) / 8;
        usize::try_from(spi).ok().is_some_and(|spi| {
            self.cur
                .frames
                .get(r1.frameno as usize)
                .and_then(|f| f.stack.get(spi))
                .is_some_and(|s| s.iter.active)
        })
    }

    fn loop_entry_of(&self, n: LoopNode) -> Option<u32> {
        match n {
            LoopNode::Cur => self.cur.loop_entry,
            LoopNode::Cp(i) => self
                .checkpoints
                .get(i as usize)
                .and_then(|c| c.st.loop_entry),
        }
    }

    fn set_loop_entry(&mut self, n: LoopNode, v: Option<u32>) {
        match n {
            LoopNode::Cur => self.cur.loop_entry = v,
            LoopNode::Cp(i) => {
                if let Some(c) = self.checkpoints.get_mut(i as usize) {
                    c.st.loop_entry = v;
                }
            }
        }
    }

    fn dfs_depth_of(&self, n: LoopNode) -> u32 {
        match n {
            LoopNode::Cur => self.cur.dfs_depth,
            LoopNode::Cp(i) => self
                .checkpoints
                .get(i as usize)
                .map(|c| c.st.dfs_depth)
                .unwrap_or(0),
        }
    }

    /// 6.12's `get_loop_entry()`: the outermost loop entry known for `n`,
    /// shortening the chain on the way as the kernel does.
    pub fn get_loop_entry(&mut self, n: LoopNode) -> Option<u32> {
        let limit = self.checkpoints.len() + 2;
        let mut topmost = self.loop_entry_of(n);
        for _ in 0..limit {
            let Some(t) = topmost else { break };
            match self.loop_entry_of(LoopNode::Cp(t)) {
                Some(next) if next != t => topmost = Some(next),
                _ => break,
            }
        }
        let mut st = Some(n);
        for _ in 0..limit {
            let Some(s) = st else { break };
            let old = self.loop_entry_of(s);
            if old == topmost {
                break;
            }
            self.set_loop_entry(s, topmost);
            st = old.map(LoopNode::Cp);
        }
        topmost
    }

    /// 6.12's `update_loop_entry()`: `hdr` heads the loop `cur` is in when
    /// its outermost entry is still on the path and not below `cur`'s.
    pub fn update_loop_entry(&mut self, cur: LoopNode, hdr: u32) {
        let cur1 = self.get_loop_entry(cur).map(LoopNode::Cp).unwrap_or(cur);
        let hdr1 = self.get_loop_entry(LoopNode::Cp(hdr)).unwrap_or(hdr);
        let Some(h1) = self.checkpoints.get(hdr1 as usize) else {
            return;
        };
        if h1.branches > 0 && h1.st.dfs_depth <= self.dfs_depth_of(cur1) {
            self.set_loop_entry(cur, Some(hdr));
            if let Some(h) = self.checkpoints.get_mut(hdr as usize) {
                h.used_as_loop_entry = true;
            }
        }
    }

    /// `clean_live_states()`: finished checkpoints forget what was never read.
    fn clean_live_states(&mut self, insn_idx: usize) {
        let b = self.bucket(insn_idx);
        let ids = self.explored[b].clone();
        for id in ids {
            // 6.12: a state of a loop still being walked keeps what it has
            if self
                .checkpoints
                .get(id as usize)
                .is_some_and(|c| c.branches == 0)
                && self
                    .get_loop_entry(LoopNode::Cp(id))
                    .is_some_and(|l| self.checkpoints[l as usize].branches > 0)
            {
                continue;
            }
            let Some(cp) = self.checkpoints.get_mut(id as usize) else {
                continue;
            };
            if cp.insn_idx != insn_idx || cp.branches != 0 || cp.cleaned {
                continue;
            }
            if cp.st.frames.len() != self.cur.frames.len()
                || cp
                    .st
                    .frames
                    .iter()
                    .zip(self.cur.frames.iter())
                    .any(|(a, b)| a.callsite != b.callsite)
            {
                continue;
            }
            cp.cleaned = true;
            for f in cp.st.frames.iter_mut() {
                for r in f.regs.iter_mut() {
                    let live = r.live;
                    r.live |= LIVE_DONE;
                    if live & LIVE_READ == 0 {
                        r.mark_not_init();
                    }
                }
                for s in f.stack.iter_mut() {
                    let live = s.spilled.live;
                    s.spilled.live |= LIVE_DONE;
                    if live & LIVE_READ == 0 {
                        s.spilled.mark_not_init();
                        s.types = [SlotType::Invalid; 8];
                    }
                }
            }
        }
    }

    /// `is_state_visited()`: Ok(true) when an equivalent state proves this path safe.
    pub fn is_state_visited(&mut self, insn_idx: usize) -> VResult<bool> {
        self.cur.last_insn_idx = self.prev_insn_idx as u32;
        if !self
            .aux
            .get(insn_idx)
            .map(|a| a.prune_point)
            .unwrap_or(false)
        {
            self.push_jmp_history(insn_idx);
            return Ok(false);
        }
        let calls_callback = self.calls_callback(insn_idx);
        let may_goto = self.is_may_goto_at(insn_idx);
        let iter_next = self.iter_kfunc_at(insn_idx) == Some(crate::kfuncs::IterKfunc::Next);
        let force_checkpoint = calls_callback || may_goto || iter_next;
        let v612 = self.rules.states_612;
        // 6.12 also forces a checkpoint when the history grows long
        let state_freq = self
            .prog
            .prog_flags
            .has(crate::program::ProgFlags::TEST_STATE_FREQ);
        // 6.12's force_new_state holds BPF_F_TEST_STATE_FREQ, which then
        // also survives the loop heuristic below; 6.1 only starts
        // add_new_state with it
        let force = force_checkpoint
            || (self.rules.states_612 && (self.cur.jmp_history.len() > 40 || state_freq));
        let mut add_new_state = force || state_freq;
        if self.jmps_processed - self.prev_jmps_processed >= 2
            && self.insn_processed - self.prev_insn_processed >= 8
        {
            add_new_state = true;
        }
        self.clean_live_states(insn_idx);
        let b = self.bucket(insn_idx);
        let list = self.explored[b].clone();
        let mut keep: Vec<u32> = Vec::with_capacity(list.len());
        let mut states_cnt = 0u64;
        let mut hit: Option<u32> = None;
        for (pos, &id) in list.iter().enumerate() {
            states_cnt += 1;
            let idx = id as usize;
            if self.checkpoints[idx].insn_idx != insn_idx {
                keep.push(id);
                continue;
            }
            let mut miss = false;
            if self.checkpoints[idx].branches > 0 {
                let (ofr, ocnt) = {
                    let s = &self.checkpoints[idx].st;
                    let f = s.cur();
                    (f.in_async_callback_fn, f.async_entry_cnt)
                };
                let exempt = ofr && ocnt != self.cur.cur().async_entry_cnt;
                let (cb_level, loop_level) = if self.rules.states_612 {
                    (ExactLevel::RangeWithin, ExactLevel::Exact)
                } else {
                    (ExactLevel::Exact, ExactLevel::NotExact)
                };
                if !exempt && iter_next {
                    // an iterator's next call: a state met again (ranges
                    // within) with the iterator still active proves the
                    // loop converges; no infinite-loop check here
                    if states_equal(
                        &self.checkpoints[idx].st,
                        &self.cur,
                        ExactLevel::RangeWithin,
                        v612,
                    ) && self.iter_arg_active()
                    {
                        self.update_loop_entry(LoopNode::Cur, id);
                        self.prune_hit(id, insn_idx);
                        hit = Some(id);
                        keep.extend_from_slice(&list[pos..]);
                        break;
                    }
                } else if !exempt {
                    // 6.12: the same state after more may_goto iterations
                    // proves the loop converges
                    if may_goto
                        && self.checkpoints[idx].st.may_goto_depth != self.cur.may_goto_depth
                        && states_equal(
                            &self.checkpoints[idx].st,
                            &self.cur,
                            ExactLevel::RangeWithin,
                            v612,
                        )
                    {
                        self.update_loop_entry(LoopNode::Cur, id);
                        self.prune_hit(id, insn_idx);
                        hit = Some(id);
                        keep.extend_from_slice(&list[pos..]);
                        break;
                    }
                    if calls_callback {
                        // `goto hit`: the same bookkeeping as any other hit
                        // (liveness and precision flow back from the old
                        // state), or the next iteration misses marks
                        if states_equal(&self.checkpoints[idx].st, &self.cur, cb_level, v612) {
                            self.prune_hit(id, insn_idx);
                            hit = Some(id);
                            keep.extend_from_slice(&list[pos..]);
                            break;
                        }
                    } else if states_maybe_looping(&self.checkpoints[idx].st, &self.cur)
                        && states_equal(&self.checkpoints[idx].st, &self.cur, loop_level, v612)
                        && self.checkpoints[idx].st.callback_unroll_depth
                            == self.cur.callback_unroll_depth
                        && self.checkpoints[idx].st.may_goto_depth == self.cur.may_goto_depth
                        && !iter_active_depths_differ(&self.checkpoints[idx].st, &self.cur)
                    {
                        self.verbose_linfo_at(insn_idx, "; ");
                        let e = self
                            .fail(
                                EINVAL,
                                &format!("infinite loop detected at insn {}", insn_idx),
                            )
                            .because(crate::reason::Reason::InfiniteLoop { insn: insn_idx })
                            .at(Some(insn_idx));
                        if self.rules.words_612 && self.log_on() {
                            // 6.12 prints both states after its message; the
                            // message stays the rejection's line
                            let message = self.log.last_line();
                            let cf = self.cur.frames.len() - 1;
                            let cur = crate::log::func_state_str_for(
                                &self.prog,
                                &self.cur.frames[cf],
                                None,
                                true,
                            );
                            let old = crate::log::func_state_str_for(
                                &self.prog,
                                &self.checkpoints[idx].st.frames[cf],
                                None,
                                true,
                            );
                            self.verbose(&format!("cur state:{cur}old state:{old}"));
                            self.log.set_last_line(message);
                        }
                        return Err(e);
                    }
                }
                if !force
                    && self.jmps_processed - self.prev_jmps_processed < 20
                    && self.insn_processed - self.prev_insn_processed < 100
                {
                    add_new_state = false;
                }
                miss = true;
            }
            // 6.12: a state of a loop whose entry is still on the path is
            // compared exactly (`force_exact`)
            let loop_entry = if miss || !v612 {
                None
            } else {
                self.get_loop_entry(LoopNode::Cp(id))
                    .filter(|&l| self.checkpoints[l as usize].branches > 0)
            };
            let level = if loop_entry.is_some() {
                ExactLevel::RangeWithin
            } else {
                ExactLevel::NotExact
            };
            if !miss && states_equal(&self.checkpoints[idx].st, &self.cur, level, v612) {
                if let Some(l) = loop_entry {
                    self.update_loop_entry(LoopNode::Cur, l);
                }
                self.prune_hit(id, insn_idx);
                hit = Some(id);
                keep.extend_from_slice(&list[pos..]);
                break;
            }
            if add_new_state {
                self.checkpoints[idx].miss_cnt += 1;
            }
            let cp = &self.checkpoints[idx];
            // 6.12 keeps a callback's checkpoints longer: evicting them
            // early would hinder the fixpoint
            let n = if self.rules.states_612 && force_checkpoint && cp.branches > 0 {
                64
            } else {
                3
            };
            if cp.miss_cnt > cp.hit_cnt * n + n {
                let done = cp.st.frames[0].regs[0].live & LIVE_DONE != 0 && !cp.used_as_loop_entry;
                self.checkpoints[idx].evicted = true;
                if done {
                    // free_verifier_state(): no path descends from it any
                    // more and nothing will compare against it; only its
                    // place (an index others name) is kept
                    self.peak_states = self.peak_states.saturating_sub(1);
                    self.checkpoints[idx].release();
                }
                continue;
            }
            keep.push(id);
        }
        self.explored[b] = keep;
        if let Some(id) = hit {
            self.event(EventKind::Prune, insn_idx as u32, id);
            return Ok(true);
        }
        if self.max_states_per_insn < states_cnt {
            self.max_states_per_insn = states_cnt;
        }
        if !add_new_state {
            self.push_jmp_history(insn_idx);
            return Ok(false);
        }
        self.total_states += 1;
        self.peak_states += 1;
        self.prev_jmps_processed = self.jmps_processed;
        self.prev_insn_processed = self.insn_processed;
        // forget precise markings we inherited
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                if r.ty == RegType::Scalar {
                    r.precise = false;
                }
            }
            for s in f.stack.iter_mut() {
                if s.is_spill() && s.spilled.ty == RegType::Scalar {
                    s.spilled.precise = false;
                }
            }
        }
        let id = self.checkpoints.len() as u32;
        let st = self.cur.clone();
        self.checkpoints.push(Checkpoint {
            st,
            insn_idx,
            branches: 1,
            miss_cnt: 0,
            hit_cnt: 0,
            evicted: false,
            cleaned: false,
            used_as_loop_entry: false,
        });
        self.explored[b].insert(0, id);
        self.cur.parent = Some(id);
        self.cur.dfs_depth += 1;
        self.cur.first_insn_idx = insn_idx as u32;
        self.cur.jmp_history.clear();
        if self.rules.states_612 {
            // 6.12's do_check() records the jump point after the checkpoint
            self.push_jmp_history(insn_idx);
        }
        let curframe = self.cur.curframe();
        for (j, f) in self.cur.frames.iter_mut().enumerate() {
            let start = if j < curframe { 6 } else { 0 };
            for i in 0..10 {
                if i >= start {
                    f.regs[i].parent = Some(ParentRef {
                        cp: id,
                        link: ParentLink {
                            frame: j as u8,
                            stack: false,
                            idx: i as u16,
                        },
                    });
                }
                f.regs[i].live = 0;
            }
            for (i, s) in f.stack.iter_mut().enumerate() {
                s.spilled.live = 0;
                s.spilled.parent = Some(ParentRef {
                    cp: id,
                    link: ParentLink {
                        frame: j as u8,
                        stack: true,
                        idx: i as u16,
                    },
                });
            }
        }
        self.event(EventKind::Checkpoint, insn_idx as u32, id);
        Ok(false)
    }

    /// is_state_visited()'s `hit:` label: the stored state `id` proved the
    /// current one safe; what it learnt (reads, precision) flows back.
    fn prune_hit(&mut self, id: u32, insn_idx: usize) {
        self.checkpoints[id as usize].hit_cnt += 1;
        self.propagate_liveness(id);
        self.push_jmp_history(insn_idx);
        self.propagate_precision(id);
    }

    /// `propagate_liveness()`: what the stored state read, the current one reads.
    fn propagate_liveness(&mut self, id: u32) {
        let old = self.checkpoints[id as usize].st.clone();
        let curframe = self.cur.curframe();
        for fr in 0..=curframe.min(old.frames.len() - 1) {
            let start = if fr < curframe { 6 } else { 0 };
            for i in start..10 {
                let flag = old.frames[fr].regs[i].live & LIVE_READ;
                let pflag = self.cur.frames[fr].regs[i].live & LIVE_READ;
                if pflag == LIVE_READ64 || flag == 0 || pflag == flag {
                    continue;
                }
                let start_loc = RegLoc {
                    owner: Owner::Checkpoint(id),
                    link: ParentLink {
                        frame: fr as u8,
                        stack: false,
                        idx: i as u16,
                    },
                };
                let p = self.cur_loc(fr, false, i);
                self.mark_reg_read(start_loc, Some(p), flag);
            }
            let n = old.frames[fr]
                .stack
                .len()
                .min(self.cur.frames[fr].stack.len());
            for i in 0..n {
                let flag = old.frames[fr].stack[i].spilled.live & LIVE_READ;
                let pflag = self.cur.frames[fr].stack[i].spilled.live & LIVE_READ;
                if pflag == LIVE_READ64 || flag == 0 || pflag == flag {
                    continue;
                }
                let start_loc = RegLoc {
                    owner: Owner::Checkpoint(id),
                    link: ParentLink {
                        frame: fr as u8,
                        stack: true,
                        idx: i as u16,
                    },
                };
                let p = self.cur_loc(fr, true, i);
                self.mark_reg_read(start_loc, Some(p), flag);
            }
        }
    }

    /// `find_prev_entry()`: a checkpoint at `insn_idx` on the current path
    /// (branches left), with the same call sites and above the reference
    /// state (`callsites`, `dfs_depth`): an earlier pass of the same loop.
    pub fn find_prev_entry(
        &self,
        callsites: &[i32],
        dfs_depth: u32,
        insn_idx: usize,
    ) -> Option<u32> {
        let b = self.bucket(insn_idx);
        self.explored[b].iter().copied().find(|&id| {
            let cp = &self.checkpoints[id as usize];
            cp.insn_idx == insn_idx
                && cp.branches > 0
                && cp.st.frames.len() == callsites.len()
                && cp
                    .st
                    .frames
                    .iter()
                    .zip(callsites.iter())
                    .all(|(a, &b)| a.callsite == b)
                && cp.st.dfs_depth < dfs_depth
        })
    }

    /// One more pass of a loop whose end the verifier cannot see (6.12's
    /// `may_goto`, an iterator's `next`): the fall-through to the next
    /// instruction is queued, `next_pass` marks it as the next iteration,
    /// and its imprecise scalars are widened against the loop's earlier
    /// pass: `find_prev_entry(env, cur_st->parent, insn_idx)`, whose
    /// reference is the checkpoint just stored at this instruction.
    pub fn push_loop_iteration(
        &mut self,
        next_pass: impl FnOnce(&mut VerifierState),
    ) -> VResult<()> {
        let idx = self.insn_idx;
        let prev = self.cur.parent.and_then(|p| {
            let cp = &self.checkpoints[p as usize];
            let frames: Vec<i32> = cp.st.frames.iter().map(|f| f.callsite).collect();
            self.find_prev_entry(&frames, cp.st.dfs_depth, idx)
        });
        self.push_stack(idx + 1, idx, crate::env::ENOMEM)?;
        let n = self.head.len() - 1;
        next_pass(&mut self.head[n].st);
        if let Some(p) = prev {
            let v612 = self.rules.states_612;
            widen_state(&self.checkpoints[p as usize].st, &mut self.head[n].st, v612);
        }
        Ok(())
    }

    /// 6.7 `widen_imprecise_scalars()` after a callback returned to its call.
    pub fn widen_imprecise_scalars(&mut self, insn_idx: usize) {
        let callsites: Vec<i32> = self.cur.frames.iter().map(|f| f.callsite).collect();
        let Some(id) = self.find_prev_entry(&callsites, self.cur.dfs_depth, insn_idx) else {
            return;
        };
        let v612 = self.rules.states_612;
        widen_state(&self.checkpoints[id as usize].st, &mut self.cur, v612);
    }
}

/// `widen_imprecise_scalars()` of `cur` against an earlier pass `old`.
pub fn widen_state(old: &VerifierState, cur: &mut VerifierState, v612: bool) {
    // one id map for the whole state, innermost frame first
    let mut map = Vec::new();
    for (fo, fc) in old.frames.iter().zip(cur.frames.iter_mut()).rev() {
        for i in 0..11 {
            widen(&fo.regs[i], &mut fc.regs[i], &mut map, v612);
        }
        for (so, sc) in fo.stack.iter().zip(fc.stack.iter_mut()) {
            if so.is_spill() && sc.is_spill() {
                widen(&so.spilled, &mut sc.spilled, &mut map, v612);
            }
        }
    }
}

/// `maybe_widen_reg()`: an imprecise scalar that changed becomes unknown.
fn widen(o: &RegState, c: &mut RegState, map: &mut IdMap, v612: bool) {
    if o.ty != RegType::Scalar || c.ty != RegType::Scalar || o.precise || c.precise {
        return;
    }
    if regs_exact(o, c, map, v612) {
        return;
    }
    c.mark_unknown();
}
