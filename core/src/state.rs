//! Verifier states: `struct bpf_func_state` (one per call frame) and
//! `struct bpf_verifier_state` (one per explored path or checkpoint), with the
//! reference table (`struct bpf_reference_state`) of each frame.

use crate::regs::{ParentLink, RegState, RegType};

pub const MAX_CALL_FRAMES: usize = 8;
pub const MAX_BPF_STACK: i32 = 512;
pub const BPF_REG_SIZE: i32 = 8;
/// `callsite` of main and of an async callback's entry frame.
pub const BPF_MAIN_FUNC: i32 = -1;

/// `STACK_*` byte types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SlotType {
    #[default]
    Invalid,
    Spill,
    Misc,
    Zero,
    /// `STACK_ITER` (6.4+): an open-coded iterator's state.
    Iter,
    /// `STACK_DYNPTR`: one of a dynptr's two slots.
    Dynptr,
}

impl SlotType {
    pub fn ch(self) -> char {
        match self {
            SlotType::Invalid => '?',
            SlotType::Spill => 'r',
            SlotType::Misc => 'm',
            SlotType::Zero => '0',
            SlotType::Iter => 'i',
            SlotType::Dynptr => 'd',
        }
    }
}

/// An open-coded iterator's state in its stack slots (`reg->iter`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct IterState {
    /// The kernel BTF id of its `struct bpf_iter_<type>`.
    pub btf_id: u32,
    /// `BPF_ITER_STATE_ACTIVE`, else drained.
    pub active: bool,
    /// How many `next` calls the path has simulated returning an element.
    pub depth: u32,
    /// An RCU-protected iterator's (`KF_RCU_PROTECTED`, 6.12) standing:
    /// its slot's `MEM_RCU`, or `PTR_UNTRUSTED` once out of the section.
    pub rcu: IterRcu,
}

/// See [`IterState::rcu`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum IterRcu {
    /// Not RCU-protected.
    #[default]
    None,
    /// Made inside an RCU read-side section, which is still open.
    Rcu,
    /// Made outside one, or the section has closed: unusable.
    Untrusted,
}

/// One 8-byte stack slot (`struct bpf_stack_state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct StackSlot {
    pub spilled: RegState,
    pub types: [SlotType; 8],
    /// Its iterator's state, when its bytes are `STACK_ITER`.
    pub iter: IterState,
}

impl StackSlot {
    pub fn is_spill(&self) -> bool {
        self.types[7] == SlotType::Spill
    }
    /// `is_stack_slot_special()` without dynptrs: a spilled register or an
    /// iterator, which a plain store scrubs.
    pub fn is_special(&self) -> bool {
        matches!(self.types[7], SlotType::Spill | SlotType::Iter)
    }
    /// All 8 bytes are a spilled register (`is_spilled_reg` checks byte 7 only;
    /// a full spill has all eight).
    pub fn is_full_spill(&self) -> bool {
        self.types.iter().all(|t| *t == SlotType::Spill)
    }
    /// A store of `size` bytes that is not a spill, into this slot: a
    /// spilled register there is gone and its bytes become misc
    /// (`check_stack_write_fixed_off`'s scrub), and a whole-slot store
    /// screens the slot's liveness.
    pub fn scrub_spill(&mut self, size: u32) {
        self.spilled.ty = RegType::NotInit;
        if self.is_special() {
            for t in self.types.iter_mut() {
                if *t != SlotType::Invalid {
                    *t = SlotType::Misc;
                }
            }
        }
        if size == 8 {
            self.spilled.live |= crate::regs::LIVE_WRITTEN;
        }
    }
}

/// `struct bpf_reference_state`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RefState {
    pub id: u32,
    /// The instruction that acquired it (`alloc_insn=`).
    pub insn: u32,
    /// 9d9d00ac: the frame number of the sync callback that acquired it, 0 otherwise.
    pub callback_ref: u8,
}

/// `struct bpf_func_state`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncState {
    pub regs: [RegState; 11],
    pub callsite: i32,
    pub frameno: u8,
    pub subprog: u16,
    pub async_entry_cnt: u8,
    pub in_callback_fn: bool,
    pub in_async_callback_fn: bool,
    /// 6.7+: the walk of the program's exception callback, whose return
    /// value is the program's (`in_exception_callback_fn`).
    pub in_exception_callback_fn: bool,
    /// `callback_ret_range` (6.1: a tnum range; here min/max).
    pub callback_ret_min: i64,
    pub callback_ret_max: i64,
    /// 6.7: simulated iterations of the child callback (`callback_depth`).
    pub callback_depth: u32,
    pub refs: Vec<RefState>,
    /// `stack[spi]` covers bytes `[-(spi+1)*8, -spi*8)` of the frame.
    pub stack: Vec<StackSlot>,
}

impl FuncState {
    /// `init_func_state`: R10 is the frame pointer, the rest not initialised.
    pub fn new(callsite: i32, frameno: u8, subprog: u16) -> Self {
        let mut regs = [RegState::not_init(); 11];
        for r in regs.iter_mut() {
            r.parent = None;
            r.live = 0;
        }
        let fp = &mut regs[10];
        fp.mark_known_zero_ptr(RegType::Stack);
        fp.frameno = frameno;
        FuncState {
            regs,
            callsite,
            frameno,
            subprog,
            async_entry_cnt: 0,
            in_callback_fn: false,
            in_async_callback_fn: false,
            in_exception_callback_fn: false,
            callback_ret_min: 0,
            callback_ret_max: 0,
            callback_depth: 0,
            refs: Vec::new(),
            stack: Vec::new(),
        }
    }
    pub fn allocated_stack(&self) -> i32 {
        self.stack.len() as i32 * BPF_REG_SIZE
    }
    /// `grow_stack_state`
    pub fn grow_stack(&mut self, size: i32) {
        let slots = ((size + BPF_REG_SIZE - 1) / BPF_REG_SIZE) as usize;
        if slots > self.stack.len() {
            self.stack.resize(slots, StackSlot::default());
        }
    }
    pub fn link(&self, stack: bool, idx: usize) -> Option<ParentLink> {
        Some(ParentLink {
            frame: self.frameno,
            stack,
            idx: idx as u16,
        })
    }
}

/// `struct bpf_verifier_state`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifierState {
    pub frames: Vec<FuncState>,
    /// The checkpoint this path descends from (index into the checkpoint arena).
    pub parent: Option<u32>,
    pub speculative: bool,
    /// The id of the map value whose `bpf_spin_lock` is held
    /// (`active_lock.id`; 6.12 gives a global data value none).
    pub active_spin_lock: u32,
    /// A `bpf_spin_lock` is held (`active_lock.ptr` is set).
    pub active_lock_held: bool,
    /// The map whose value holds the lock taken (`active_lock.ptr` of
    /// 6.12); meaningful while `active_lock_held`.
    pub active_lock_map: u32,
    /// 6.12: inside `bpf_rcu_read_lock()` … `bpf_rcu_read_unlock()`
    /// (`active_rcu_lock`).
    pub active_rcu_lock: bool,
    /// 6.12: how many `bpf_preempt_disable()` calls are not yet matched
    /// by `bpf_preempt_enable()` (`active_preempt_lock`).
    pub active_preempt_lock: u32,
    /// 6.12: a workqueue's callback, which runs in process context and may
    /// sleep (`in_sleepable`, set by `push_async_cb()`).
    pub in_sleepable: bool,
    /// 6.7: how many callback iterations this path has simulated.
    pub callback_unroll_depth: u32,
    /// 6.12: how many times this path took a `may_goto`'s fall-through.
    pub may_goto_depth: u32,
    /// 6.12: the checkpoint heading the loop this state is found in
    /// (`loop_entry`, see `get_loop_entry()`), if any.
    pub loop_entry: Option<u32>,
    /// 6.12: the number of checkpoints above this state on its path.
    pub dfs_depth: u32,
    pub first_insn_idx: u32,
    pub last_insn_idx: u32,
    /// `jmp_history` (6.12: `insn_hist`): the jump points since the last
    /// checkpoint (and in 6.12 the stack accesses and linked scalars), for
    /// precision backtracking.
    pub jmp_history: Vec<HistEntry>,
}

/// One entry of the instruction history (`struct bpf_insn_hist_entry`;
/// 6.1.y's `bpf_idx_pair` has only `idx` and `prev`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HistEntry {
    /// The instruction, and the one the path came from.
    pub idx: u32,
    pub prev: u32,
    /// `INSN_F_*`: the frame and slot of a spill or fill, or which operands
    /// of a conditional jump are stack pointers.
    pub flags: u16,
    /// Scalars sharing an id at a conditional jump (`linked_regs_pack`).
    pub linked: u64,
}

impl VerifierState {
    pub fn cur(&self) -> &FuncState {
        // there is always at least one frame
        &self.frames[self.frames.len() - 1]
    }
    pub fn cur_mut(&mut self) -> &mut FuncState {
        let n = self.frames.len() - 1;
        &mut self.frames[n]
    }
    pub fn curframe(&self) -> usize {
        self.frames.len() - 1
    }
}

/// `struct bpf_subprog_info`
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Subprog {
    pub start: usize,
    pub stack_depth: i32,
    pub is_async_cb: bool,
    /// 6.12: called back by a helper or kfunc (`is_cb`, set when the walk
    /// first pushes it), or the exception callback; `bpf_throw()` may not
    /// run under one.
    pub is_cb: bool,
    /// 6.7+: the program's exception callback (`__exception_cb`), which
    /// also counts as an async callback for the stack depth.
    pub is_exception_cb: bool,
    pub has_tail_call: bool,
    pub has_ld_abs: bool,
    /// `func_info_aux[].unreliable`: its BTF prototype once failed to
    /// match a call's registers, so it is not checked (nor logged) again.
    pub btf_unreliable: bool,
    /// 6.12 (`bpf_fastcall`): the top of the stack the patterns around its
    /// calls use (0: none; `i16::MIN`: their contract was broken).
    pub fastcall_stack_off: i32,
    /// 6.12: a pattern surrounds a call the kernel does not inline, so the
    /// stack depth stays as the walk found it.
    pub keep_fastcall_stack: bool,
}

impl Subprog {
    /// What in this subprogram may end the whole program with its own
    /// return value (`check_abnormal_return()`, `check_btf_func()`), as the
    /// kernel names it: `LD_ABS` first, then `tail_call`.
    pub fn ends_program_early(&self) -> Option<&'static str> {
        if self.has_ld_abs {
            Some("LD_ABS")
        } else if self.has_tail_call {
            Some("tail_call")
        } else {
            None
        }
    }
}

/// One pending branch state (`struct bpf_verifier_stack_elem`).
#[derive(Clone, Debug)]
pub struct StackElem {
    pub st: VerifierState,
    pub insn_idx: usize,
    pub prev_insn_idx: usize,
    pub log_pos: usize,
}
