//! Dynamic pointers (`struct bpf_dynptr`): 16 bytes of the program's stack
//! (two slots of `STACK_DYNPTR`) that a helper fills and others read.
//! Named after verifier.c's `mark_stack_slots_dynptr()`,
//! `unmark_stack_slots_dynptr()`, `destroy_if_dynptr_stack_slot()`,
//! `is_dynptr_reg_valid_init()` and `process_dynptr_func()`.
//!
//! A ringbuf dynptr (`bpf_ringbuf_reserve_dynptr`) holds a reference that
//! `bpf_ringbuf_submit_dynptr` / `_discard_dynptr` release; a local one
//! (`bpf_dynptr_from_mem`) holds none. `bpf_dynptr_data` hands out a slice
//! (`PTR_TO_MEM`, maybe NULL) that dies with the dynptr's reference.
//!
//! The two kernels differ, and both are modelled as they are:
//! - 6.1 keeps the dynptr's kind and first-slot mark in the slot's
//!   `spilled_ptr` and only checks slot bytes; a store into a dynptr's
//!   bytes leaves the rest of it marked, a new dynptr may not be made over
//!   an old one, and pruning compares only the slot bytes (the slots are
//!   never marked read).
//! - 6.12 gives every dynptr an id, destroys an unreferenced dynptr (and
//!   its slices) that a store or a new dynptr overwrites, refuses to
//!   overwrite a referenced one, marks the slots read when used and
//!   compares kind, first slot and reference when pruning.
//!
//! Releasing a dynptr ignores whether its reference could be released
//! (6.1 drops `release_reference()`'s error, 6.12 only warns): a callback
//! that submits its caller's dynptr clears the caller's slots while the
//! caller keeps the reference, which then leaks at exit.

use crate::env::{Env, VResult, EINVAL};
use crate::func_proto::DynptrType;
use crate::regs::{RegState, RegType, LIVE_WRITTEN};
use crate::state::SlotType;

/// `enum bpf_dynptr_type`
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum DynptrKind {
    #[default]
    Invalid,
    Local,
    Ringbuf,
    Skb,
    Xdp,
}

impl DynptrKind {
    /// `dynptr_type_str()` (6.12's log and messages).
    pub fn name(self) -> &'static str {
        match self {
            DynptrKind::Invalid => "<invalid>",
            DynptrKind::Local => "local",
            DynptrKind::Ringbuf => "ringbuf",
            DynptrKind::Skb => "skb",
            DynptrKind::Xdp => "xdp",
        }
    }
    /// `dynptr_type_refcounted()`
    pub fn refcounted(self) -> bool {
        self == DynptrKind::Ringbuf
    }
    /// `arg_to_dynptr_type()`
    pub fn of_arg(t: DynptrType) -> DynptrKind {
        match t {
            DynptrType::Any => DynptrKind::Invalid,
            DynptrType::Local => DynptrKind::Local,
            DynptrType::Ringbuf => DynptrKind::Ringbuf,
            DynptrType::Skb => DynptrKind::Skb,
            DynptrType::Xdp => DynptrKind::Xdp,
        }
    }
}

/// `reg->dynptr` of a dynptr's stack slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DynptrSlot {
    pub kind: DynptrKind,
    pub first_slot: bool,
}

impl DynptrSlot {
    pub const NONE: DynptrSlot = DynptrSlot {
        kind: DynptrKind::Invalid,
        first_slot: false,
    };
}

/// A dynptr argument as `check_kfunc_args()` records it
/// (`meta->initialized_dynptr`): its id, kind and reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DynptrRef {
    pub id: u32,
    pub kind: DynptrKind,
    pub ref_obj_id: u32,
}

/// `BPF_DYNPTR_NR_SLOTS`
const NR_SLOTS: i64 = 2;

impl Env {
    /// `is_spi_bounds_valid(state, spi, BPF_DYNPTR_NR_SLOTS)`
    fn dynptr_spi_in_bounds(&self, frame: u8, spi: i64) -> bool {
        let allocated = self
            .cur
            .frames
            .get(frame as usize)
            .map_or(0, |f| f.stack.len() as i64);
        spi - NR_SLOTS + 1 >= 0 && spi < allocated
    }

    /// 6.1's `get_spi(reg->off)` checked against the allocated stack: the
    /// first slot, which only the fixed offset places.
    fn dynptr_spi_61(&self, reg: &RegState) -> Option<usize> {
        let spi = (-(reg.off as i64) - 1) / 8;
        self.dynptr_spi_in_bounds(reg.frameno, spi)
            .then_some(spi as usize)
    }

    /// `dynptr_get_spi()` (6.12): the stack slot of a dynptr at a constant,
    /// 8-byte aligned offset; `Err(true)` when the slots are not allocated
    /// (`-ERANGE`, no message).
    pub(crate) fn dynptr_get_spi(&mut self, reg: &RegState) -> Result<usize, bool> {
        if !reg.var_off.is_const() {
            self.verbose("dynptr has to be at a constant offset\n");
            return Err(false);
        }
        let off = reg.off as i64 + reg.var_off.value as i64;
        let spi = (-off - 1) / 8;
        if off % 8 != 0 || spi + 1 < NR_SLOTS {
            self.verbose(&format!("cannot pass in dynptr at an offset={}\n", off));
            return Err(false);
        }
        if !self.dynptr_spi_in_bounds(reg.frameno, spi) {
            return Err(true);
        }
        Ok(spi as usize)
    }

    /// The first slot of the dynptr `reg` points to, as each kernel finds
    /// it once the argument checks have passed.
    fn dynptr_spi(&mut self, reg: &RegState) -> Option<usize> {
        if self.rules.helpers_612 {
            self.dynptr_get_spi(reg).ok()
        } else {
            self.dynptr_spi_61(reg)
        }
    }

    fn dynptr_slots(
        &self,
        frame: u8,
        spi: usize,
    ) -> Option<(&crate::state::StackSlot, &crate::state::StackSlot)> {
        let f = self.cur.frames.get(frame as usize)?;
        Some((f.stack.get(spi)?, f.stack.get(spi.checked_sub(1)?)?))
    }

    /// `is_dynptr_reg_valid_uninit()`: may a new dynptr be made here?
    pub(crate) fn is_dynptr_reg_valid_uninit(&mut self, reg: &RegState) -> bool {
        if reg.ty == RegType::ConstPtrToDynptr {
            return false;
        }
        if self.rules.helpers_612 {
            // an unreferenced dynptr there is destroyed when the new one
            // is made; unallocated slots are allocated by the writes
            return !matches!(self.dynptr_get_spi(reg), Err(false));
        }
        let spi = (-(reg.off as i64) - 1) / 8;
        if !self.dynptr_spi_in_bounds(reg.frameno, spi) {
            return true;
        }
        let Some((a, b)) = self.dynptr_slots(reg.frameno, spi as usize) else {
            return true;
        };
        !a.types
            .iter()
            .chain(b.types.iter())
            .any(|t| *t == SlotType::Dynptr)
    }

    /// `is_dynptr_reg_valid_init()`: does a whole dynptr start here?
    pub(crate) fn is_dynptr_reg_valid_init(&mut self, reg: &RegState) -> bool {
        // a const dynptr is the first slot of an initialized one
        if reg.ty == RegType::ConstPtrToDynptr {
            return true;
        }
        let Some(spi) = self.dynptr_spi(reg) else {
            return false;
        };
        let Some((a, b)) = self.dynptr_slots(reg.frameno, spi) else {
            return false;
        };
        a.spilled.dynptr.first_slot
            && a.types
                .iter()
                .chain(b.types.iter())
                .all(|t| *t == SlotType::Dynptr)
    }

    /// `is_dynptr_type_expected()`
    fn is_dynptr_type_expected(&mut self, reg: &RegState, want: DynptrType) -> bool {
        if want == DynptrType::Any {
            return true;
        }
        if reg.ty == RegType::ConstPtrToDynptr {
            return reg.dynptr.kind == DynptrKind::of_arg(want);
        }
        self.dynptr_spi(reg)
            .and_then(|spi| self.dynptr_slots(reg.frameno, spi))
            .is_some_and(|(a, _)| a.spilled.dynptr.kind == DynptrKind::of_arg(want))
    }

    /// `is_dynptr_type_expected(ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_LOCAL)`
    pub(crate) fn dynptr_is_local(&mut self, reg: &RegState) -> bool {
        self.is_dynptr_type_expected(reg, DynptrType::Local)
    }

    /// The first slot's state of the dynptr `reg` points to (its id,
    /// reference and kind): `dynptr_id()`, `dynptr_ref_obj_id()`,
    /// `dynptr_get_type()` (6.1: `stack_slot_get_id()`).
    pub(crate) fn dynptr_first_slot(&mut self, reg: &RegState) -> Option<RegState> {
        if reg.ty == RegType::ConstPtrToDynptr {
            return Some(*reg);
        }
        let spi = self.dynptr_spi(reg)?;
        self.dynptr_slots(reg.frameno, spi).map(|(a, _)| a.spilled)
    }

    /// `mark_stack_slots_dynptr()`: the two slots become a dynptr of
    /// `kind`; a ringbuf one acquires a reference.
    pub(crate) fn mark_stack_slots_dynptr(
        &mut self,
        reg: &RegState,
        kind: DynptrKind,
        clone_ref_obj_id: u32,
    ) -> VResult<()> {
        let v612 = self.rules.helpers_612;
        let Some(spi) = self.dynptr_spi(reg) else {
            return Err(crate::env::VErr::new(EINVAL));
        };
        let fr = reg.frameno as usize;
        if v612 {
            // a dynptr under either slot is destroyed (or refused)
            self.destroy_if_dynptr_stack_slot(fr, spi)?;
            self.destroy_if_dynptr_stack_slot(fr, spi - 1)?;
        }
        let id = if v612 { self.new_id() } else { 0 };
        let ref_id = if kind.refcounted() && clone_ref_obj_id != 0 {
            // a clone shares its parent's reference
            clone_ref_obj_id
        } else if kind.refcounted() {
            self.acquire_reference_state(self.insn_idx)
        } else {
            0
        };
        let Some(f) = self.cur.frames.get_mut(fr) else {
            return Err(crate::env::VErr::new(EINVAL));
        };
        for (s, first) in [(spi, true), (spi - 1, false)] {
            let slot = &mut f.stack[s];
            slot.types = [SlotType::Dynptr; 8];
            if v612 {
                // __mark_dynptr_reg(): a fresh register state
                slot.spilled.mark_not_init();
                slot.spilled.id = id;
                slot.spilled.ref_obj_id = ref_id;
                slot.spilled.live |= LIVE_WRITTEN;
            } else if ref_id != 0 {
                // 6.1 sets only the id of a referenced dynptr; the rest of
                // the slot's register state stays what it was
                slot.spilled.id = ref_id;
            }
            slot.spilled.dynptr = DynptrSlot {
                kind,
                first_slot: first,
            };
        }
        Ok(())
    }

    /// `invalidate_dynptr()` (6.12): both slots become STACK_INVALID.
    fn invalidate_dynptr(&mut self, fr: usize, spi: usize) {
        if let Some(f) = self.cur.frames.get_mut(fr) {
            for s in [Some(spi), spi.checked_sub(1)].into_iter().flatten() {
                if let Some(slot) = f.stack.get_mut(s) {
                    slot.types = [SlotType::Invalid; 8];
                    slot.spilled.mark_not_init();
                    slot.spilled.live |= LIVE_WRITTEN;
                }
            }
        }
    }

    /// `unmark_stack_slots_dynptr()`: the dynptr released by a helper
    /// (submit, discard) is gone, with its reference and slices.
    pub(crate) fn unmark_stack_slots_dynptr(&mut self, reg: &RegState) -> VResult<()> {
        let Some(spi) = self.dynptr_spi(reg) else {
            return Err(crate::env::VErr::new(EINVAL));
        };
        let fr = reg.frameno as usize;
        let first = self.cur.frames[fr].stack[spi].spilled;
        if !self.rules.helpers_612 {
            let f = &mut self.cur.frames[fr];
            for s in [spi, spi - 1] {
                f.stack[s].types = [SlotType::Invalid; 8];
            }
            if first.dynptr.kind.refcounted() {
                // 6.1 does not look at release_reference()'s verdict
                let _ = self.release_reference(first.id);
                let f = &mut self.cur.frames[fr];
                f.stack[spi].spilled.id = 0;
                f.stack[spi - 1].spilled.id = 0;
            }
            let f = &mut self.cur.frames[fr];
            for s in [spi, spi - 1] {
                f.stack[s].spilled.dynptr = DynptrSlot::NONE;
            }
            return Ok(());
        }
        if !first.dynptr.kind.refcounted() {
            self.invalidate_dynptr(fr, spi);
            return Ok(());
        }
        let ref_id = first.ref_obj_id;
        // WARN_ON_ONCE(release_reference()): the slices die only when the
        // reference could be released, the dynptr and its clones always
        let _ = self.release_reference(ref_id);
        let slots = self.cur.frames[fr].stack.len();
        for i in 1..slots {
            let s = self.cur.frames[fr].stack[i];
            if s.spilled.ref_obj_id == ref_id
                && s.types[0] == SlotType::Dynptr
                && s.spilled.dynptr.first_slot
            {
                self.invalidate_dynptr(fr, i);
            }
        }
        Ok(())
    }

    /// `destroy_if_dynptr_stack_slot()` (6.12): a write into a dynptr's
    /// slot destroys the whole dynptr and its slices, unless it holds a
    /// reference.
    pub(crate) fn destroy_if_dynptr_stack_slot(&mut self, fr: usize, spi: usize) -> VResult<()> {
        let Some(slot) = self.cur.frames.get(fr).and_then(|f| f.stack.get(spi)) else {
            return Ok(());
        };
        if slot.types[0] != SlotType::Dynptr {
            return Ok(());
        }
        let spi = if slot.spilled.dynptr.first_slot {
            spi
        } else {
            spi + 1
        };
        let Some(first) = self.cur.frames[fr].stack.get(spi).map(|s| s.spilled) else {
            return Ok(());
        };
        // a dynptr's first slot is never the lowest one (spi 0)
        if spi == 0 {
            return Ok(());
        }
        if first.dynptr.kind.refcounted() {
            return Err(self
                .fail(EINVAL, "cannot overwrite referenced dynptr")
                .because(crate::reason::Reason::ArgumentType { reg: None }));
        }
        self.mark_stack_slot_scratched(spi);
        self.mark_stack_slot_scratched(spi - 1);
        let dynptr_id = first.id;
        // its slices (PTR_TO_MEM, maybe NULL) become unknown scalars
        let is_slice = |r: &RegState| r.ty == RegType::Mem && r.dynptr_id == dynptr_id;
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                if is_slice(r) {
                    r.mark_unknown();
                }
            }
            for s in f.stack.iter_mut() {
                if s.types[0] == SlotType::Spill && is_slice(&s.spilled) {
                    s.spilled.mark_unknown();
                }
            }
        }
        let f = &mut self.cur.frames[fr];
        for s in [spi, spi - 1] {
            f.stack[s].types = [SlotType::Invalid; 8];
            f.stack[s].spilled.mark_not_init();
            f.stack[s].spilled.live |= LIVE_WRITTEN;
        }
        Ok(())
    }

    /// `mark_dynptr_read()` (6.12): using a dynptr reads both its slots.
    fn mark_dynptr_read(&mut self, reg: &RegState) {
        // a const dynptr's register was read as an argument
        if reg.ty == RegType::ConstPtrToDynptr {
            return;
        }
        if let Ok(spi) = self.dynptr_get_spi(reg) {
            let fr = reg.frameno as usize;
            self.mark_stack_read(fr, spi);
            self.mark_stack_read(fr, spi - 1);
        }
    }

    /// The release check of a dynptr argument (`check_func_arg()`): 6.1
    /// wants an id in the first slot's register state (whatever the
    /// slot's bytes), 6.12 a reference.
    pub(crate) fn check_dynptr_release(&mut self, regno: u8, reg: &RegState) -> VResult<()> {
        if self.rules.helpers_612 && reg.ty != RegType::Stack {
            return Err(self
                .fail(EINVAL, "cannot release unowned const bpf_dynptr")
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        let acquired = if self.rules.helpers_612 {
            self.dynptr_get_spi(reg)
                .ok()
                .and_then(|spi| self.dynptr_slots(reg.frameno, spi))
                .is_some_and(|(a, _)| a.spilled.ref_obj_id != 0)
        } else {
            self.dynptr_spi_61(reg)
                .and_then(|spi| self.dynptr_slots(reg.frameno, spi))
                .is_some_and(|(a, _)| a.spilled.id != 0)
        };
        if !acquired {
            return Err(self
                .fail(EINVAL, &format!("arg {} is an unacquired reference", regno))
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        Ok(())
    }

    /// The dynptr case of `check_func_arg()` (6.12: `process_dynptr_func()`).
    /// A dynptr to create is made here in 6.12 and after the arguments in
    /// 6.1 (`meta.uninit_dynptr_regno`).
    pub(crate) fn process_dynptr_func(
        &mut self,
        reg: &RegState,
        regno: u8,
        ty: DynptrType,
        uninit: bool,
        release: bool,
        meta: &mut crate::func_arg::ArgMeta,
    ) -> VResult<()> {
        let v612 = self.rules.helpers_612;
        // 6.1 takes a PTR_TO_DYNPTR as it is: a helper made it
        if !v612 && reg.ty == RegType::ConstPtrToDynptr {
            meta.dynptr_regno = Some(regno);
            return Ok(());
        }
        if uninit {
            if !self.is_dynptr_reg_valid_uninit(reg) {
                return Err(self
                    .fail(EINVAL, "Dynptr has to be an uninitialized dynptr")
                    .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
            }
            if v612 {
                self.write_dynptr_slots(regno)?;
                let reg = *self.reg(regno);
                self.mark_stack_slots_dynptr(&reg, DynptrKind::of_arg(ty), 0)?;
            } else {
                if meta.uninit_dynptr_regno.is_some() {
                    return Err(self.fail(
                        crate::env::EFAULT,
                        "verifier internal error: multiple uninitialized dynptr args",
                    ));
                }
                meta.uninit_dynptr_regno = Some(regno);
                meta.uninit_dynptr_kind = DynptrKind::of_arg(ty);
            }
            return Ok(());
        }
        // 6.12's helpers that release a dynptr may change it (not
        // MEM_RDONLY), so a const one may not be passed
        if reg.ty == RegType::ConstPtrToDynptr && release {
            return Err(self
                .fail(
                    EINVAL,
                    "cannot pass pointer to const bpf_dynptr, the helper mutates it",
                )
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        // 6.1 numbers the argument from 1 (arg + 1); 6.12 prints regno - 1
        let argno = if v612 { regno - 1 } else { regno };
        if !self.is_dynptr_reg_valid_init(reg) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("Expected an initialized dynptr as arg #{}", argno),
                )
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        if !self.is_dynptr_type_expected(reg, ty) {
            let want = if v612 {
                DynptrKind::of_arg(ty).name()
            } else {
                match ty {
                    DynptrType::Local => "local",
                    DynptrType::Ringbuf => "ringbuf",
                    _ => "<unknown>",
                }
            };
            return Err(self
                .fail(
                    EINVAL,
                    &format!("Expected a dynptr of type {} as arg #{}", want, argno),
                )
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        if v612 {
            self.mark_dynptr_read(reg);
        }
        meta.dynptr_regno = Some(regno);
        Ok(())
    }

    /// The `KF_ARG_PTR_TO_DYNPTR` case of 6.12's `check_kfunc_args()`:
    /// `bpf_dynptr_from_skb`/`_xdp` make a dynptr of their kind, a clone
    /// one of its parent's kind sharing its reference; any other takes an
    /// initialized dynptr, which it returns (`meta->initialized_dynptr`).
    pub(crate) fn process_kfunc_dynptr_arg(
        &mut self,
        name: &str,
        regno: u8,
        uninit: bool,
        parent: Option<DynptrRef>,
    ) -> VResult<Option<DynptrRef>> {
        let reg = *self.reg(regno);
        if !matches!(reg.ty, RegType::Stack | RegType::ConstPtrToDynptr) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "arg#{} expected pointer to stack or const struct bpf_dynptr",
                        regno - 1
                    ),
                )
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        let mut ty = DynptrType::Any;
        let mut clone_ref = 0;
        let mut clone_kind = None;
        match name {
            "bpf_dynptr_from_skb" => ty = DynptrType::Skb,
            "bpf_dynptr_from_xdp" => ty = DynptrType::Xdp,
            "bpf_dynptr_clone" if uninit => {
                let Some(p) = parent.filter(|p| p.kind != DynptrKind::Invalid) else {
                    return Err(self.fail(
                        crate::env::EFAULT,
                        "verifier internal error: no dynptr type for parent of clone",
                    ));
                };
                clone_kind = Some(p.kind);
                clone_ref = p.ref_obj_id;
            }
            _ => {}
        }
        let argno = regno - 1;
        let because = crate::reason::Reason::ArgumentType { reg: Some(regno) };
        if uninit {
            if !self.is_dynptr_reg_valid_uninit(&reg) {
                return Err(self
                    .fail(EINVAL, "Dynptr has to be an uninitialized dynptr")
                    .because(because));
            }
            self.write_dynptr_slots(regno)?;
            let reg = *self.reg(regno);
            let kind = clone_kind.unwrap_or(DynptrKind::of_arg(ty));
            if kind == DynptrKind::Invalid {
                return Err(crate::env::VErr::new(EINVAL));
            }
            self.mark_stack_slots_dynptr(&reg, kind, clone_ref)?;
            return Ok(None);
        }
        if !self.is_dynptr_reg_valid_init(&reg) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("Expected an initialized dynptr as arg #{}", argno),
                )
                .because(because));
        }
        if !self.is_dynptr_type_expected(&reg, ty) {
            let want = DynptrKind::of_arg(ty).name();
            return Err(self
                .fail(
                    EINVAL,
                    &format!("Expected a dynptr of type {} as arg #{}", want, argno),
                )
                .because(because));
        }
        self.mark_dynptr_read(&reg);
        let first = self.dynptr_first_slot(&reg).unwrap_or_default();
        Ok(Some(DynptrRef {
            id: first.id,
            kind: first.dynptr.kind,
            ref_obj_id: first.ref_obj_id,
        }))
    }

    /// A global function's dynptr argument at the call (6.12's
    /// `btf_check_func_arg_match()`: `process_dynptr_func()` with
    /// `ARG_PTR_TO_DYNPTR | MEM_RDONLY`): an initialized dynptr on the
    /// stack.
    pub(crate) fn process_global_dynptr_arg(&mut self, regno: u8) -> VResult<()> {
        let reg = *self.reg(regno);
        let because = crate::reason::Reason::ArgumentType { reg: Some(regno) };
        if !matches!(reg.ty, RegType::Stack | RegType::ConstPtrToDynptr) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "arg#{} expected pointer to stack or const struct bpf_dynptr",
                        regno - 1
                    ),
                )
                .because(because));
        }
        if !self.is_dynptr_reg_valid_init(&reg) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("Expected an initialized dynptr as arg #{}", regno - 1),
                )
                .because(because));
        }
        self.mark_dynptr_read(&reg);
        Ok(())
    }
}
