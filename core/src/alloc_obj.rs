//! Objects the program allocates (Linux 6.2+, `MEM_ALLOC`) and the graph
//! API that owns them: `bpf_obj_new()` / `bpf_obj_drop()`, lists
//! (`bpf_list_push_front/back`, `bpf_list_pop_front/back`) — 6.12 only,
//! as verifier.c has them: `__process_kf_arg_ptr_to_graph_root/_node()`,
//! `check_reg_allocation_locked()`, `ref_convert_owning_non_owning()`,
//! `invalidate_non_owning_refs()`, `mark_reg_graph_node()`.
//!
//! An allocated object's register is a `PTR_TO_BTF_ID` of the program's
//! own BTF (the [`ALLOC`] flag); pushed on a list it becomes a non-owning
//! reference ([`NON_OWN`]), valid until the list's lock is released.

use crate::btf_access::{BtfPtr, ALLOC, NON_OWN, RCU};
use crate::btf_record::{Field, FieldType, Record};
use crate::env::{Env, VResult, EFAULT, EINVAL};
use crate::reason::Reason;
use crate::regs::{RegState, RegType};

/// `active_lock_map` of a lock inside an allocated object: the kernel's
/// `active_lock.ptr` is then the program's BTF (no map has this index).
pub const LOCK_IN_ALLOC_OBJ: u32 = u32::MAX;

/// `is_bpf_graph_api_kfunc()` (of those modelled): the kfuncs a program
/// may call while holding a spin lock.
pub fn is_graph_api_kfunc(name: &str) -> bool {
    matches!(
        name,
        "bpf_list_push_front_impl"
            | "bpf_list_push_back_impl"
            | "bpf_list_pop_front"
            | "bpf_list_pop_back"
            | "bpf_rbtree_add_impl"
            | "bpf_rbtree_remove"
            | "bpf_rbtree_first"
            | "bpf_refcount_acquire_impl"
    )
}

/// `is_rbtree_lock_required_kfunc()`: its callback runs under the
/// rbtree's lock.
pub fn is_rbtree_lock_required_kfunc(name: &str) -> bool {
    matches!(
        name,
        "bpf_rbtree_add_impl" | "bpf_rbtree_remove" | "bpf_rbtree_first"
    )
}

/// An allocated object's pointer (`PTR_TO_BTF_ID | MEM_ALLOC`, with or
/// without `NON_OWN_REF`).
pub fn alloc_ptr(reg: &RegState) -> Option<BtfPtr> {
    (reg.ty == RegType::BtfId)
        .then(|| BtfPtr::of(reg.aux))
        .flatten()
        .filter(|p| p.has(ALLOC))
}

/// `reg->type == (PTR_TO_BTF_ID | MEM_ALLOC)` exactly: an owning pointer.
pub fn is_owning_alloc(reg: &RegState) -> bool {
    alloc_ptr(reg).is_some_and(|p| p.flags() & !ALLOC == 0) && !reg.maybe_null
}

impl Env {
    /// `reg_btf_record()`: a map value's special fields, or an allocated
    /// object's (its struct's `btf_struct_meta`).
    pub(crate) fn reg_btf_record(&self, reg: &RegState) -> Option<Record> {
        if reg.ty == RegType::MapValue {
            let m = self.prog.maps.get(reg.aux as usize)?;
            let mut fields = m.graph.clone();
            if let Some(off) = m.lock_off {
                fields.push(Field {
                    off,
                    ty: FieldType::SpinLock,
                    root: None,
                });
            }
            fields.sort_by_key(|f| f.off);
            return Some(Record { fields });
        }
        let p = alloc_ptr(reg)?;
        let btf = self.prog.obj_btf.as_ref()?;
        crate::btf_record::struct_meta(btf, p.id()).ok().flatten()
    }

    /// The allocation a lock or a graph root lives in, as
    /// `active_lock.ptr` names it: the map, or (every allocated object
    /// alike) the program's BTF.
    fn lock_allocation(reg: &RegState) -> u32 {
        if reg.ty == RegType::MapValue {
            reg.aux
        } else {
            LOCK_IN_ALLOC_OBJ
        }
    }

    /// `process_spin_lock()` of a lock inside an allocated object.
    pub(crate) fn process_alloc_spin_lock(
        &mut self,
        regno: u8,
        reg: &RegState,
        is_lock: bool,
    ) -> VResult<()> {
        let because = Reason::LockMisuse;
        if !reg.var_off.is_const() {
            return Err(self.fail(
                EINVAL,
                &format!("R{regno} doesn't have constant offset. bpf_spin_lock has to be at the constant offset"),
            ));
        }
        let rec = self.reg_btf_record(reg).unwrap_or_default();
        let Some(loff) = rec.spin_lock_off() else {
            return Err(self
                .fail(EINVAL, "local 'kptr' has no valid bpf_spin_lock")
                .because(because));
        };
        let off = reg.var_off.value as i64 + reg.off as i64;
        if off != loff as i64 {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("off {off} doesn't point to 'struct bpf_spin_lock' that is at {loff}"),
                )
                .because(because));
        }
        if is_lock {
            if self.cur.active_lock_held {
                return Err(self
                    .fail(EINVAL, "Locking two bpf_spin_locks are not allowed")
                    .because(because));
            }
            self.cur.active_spin_lock = reg.id;
            self.cur.active_lock_held = true;
            self.cur.active_lock_map = LOCK_IN_ALLOC_OBJ;
        } else {
            if !self.cur.active_lock_held {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock without taking a lock")
                    .because(because));
            }
            if self.cur.active_spin_lock != reg.id || self.cur.active_lock_map != LOCK_IN_ALLOC_OBJ
            {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock of different lock")
                    .because(because));
            }
            self.invalidate_non_owning_refs();
            self.cur.active_spin_lock = 0;
            self.cur.active_lock_held = false;
        }
        Ok(())
    }

    /// `check_reg_allocation_locked()`: the lock held is the one of the
    /// allocation `reg` points into (its map, or an allocated object, and
    /// its id).
    fn check_reg_allocation_locked(&mut self, reg: &RegState) -> VResult<bool> {
        if !self.cur.active_lock_held {
            return Ok(false);
        }
        if self.cur.active_lock_map != Self::lock_allocation(reg)
            || self.cur.active_spin_lock != reg.id
        {
            self.verbose("held lock and object are not in the same allocation\n");
            return Ok(false);
        }
        Ok(true)
    }

    /// Where a graph root or node argument points: its constant offset
    /// (the kernel refuses a variable one, naming the field's type).
    fn graph_arg_off(&mut self, regno: u8, reg: &RegState, field: FieldType) -> VResult<u32> {
        if !reg.var_off.is_const() {
            let name = field.name();
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "R{regno} doesn't have constant offset. {name} has to be at the constant offset"
                    ),
                )
                .because(Reason::GraphMisuse));
        }
        Ok((reg.off as i64 + reg.var_off.value as i64) as u32)
    }

    /// `__process_kf_arg_ptr_to_graph_root()`: a `bpf_list_head` (or
    /// `bpf_rb_root`) argument, at a constant offset of a map value or an
    /// allocated object, under its lock.
    pub(crate) fn process_graph_root(
        &mut self,
        i: usize,
        regno: u8,
        reg: &RegState,
        head: FieldType,
    ) -> VResult<Field> {
        let because = Reason::GraphMisuse;
        let owning = is_owning_alloc(reg);
        if reg.ty != RegType::MapValue && !owning {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("arg#{i} expected pointer to map value or allocated object"),
                )
                .because(because));
        }
        if owning && reg.ref_obj_id == 0 {
            return Err(self
                .fail(EINVAL, "allocated object must be referenced")
                .because(because));
        }
        let name = head.name();
        let off = self.graph_arg_off(regno, reg, head)?;
        let rec = self.reg_btf_record(reg).unwrap_or_default();
        let Some(field) = rec.find(off, head).cloned() else {
            return Err(self
                .fail(EINVAL, &format!("{name} not found at offset={off}"))
                .because(because));
        };
        // all functions require the head to be protected by its lock
        if !self.check_reg_allocation_locked(reg)? {
            let lock = rec.spin_lock_off().map_or(-22, |o| o as i64);
            return Err(self
                .fail(
                    EINVAL,
                    &format!("bpf_spin_lock at off={lock} must be held for {name}"),
                )
                .because(because));
        }
        Ok(field)
    }

    /// `__process_kf_arg_ptr_to_graph_node()`: a `bpf_list_node` of an
    /// owned object, of the type and at the offset the head's
    /// `contains:` tag says.
    pub(crate) fn process_graph_node(
        &mut self,
        i: usize,
        regno: u8,
        reg: &RegState,
        node: FieldType,
        root: &Field,
        removing: bool,
    ) -> VResult<()> {
        let because = Reason::GraphMisuse;
        let head = node.root();
        // bpf_rbtree_remove's node is a non-owning one (checked before)
        if !removing && !is_owning_alloc(reg) {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("arg#{i} expected pointer to allocated object"),
                )
                .because(because));
        }
        if !removing && reg.ref_obj_id == 0 {
            return Err(self
                .fail(EINVAL, "allocated object must be referenced")
                .because(because));
        }
        let name = node.name();
        let node_off = self.graph_arg_off(regno, reg, node)?;
        let rec = self.reg_btf_record(reg).unwrap_or_default();
        if rec.find(node_off, node).is_none() {
            return Err(self
                .fail(EINVAL, &format!("{name} not found at offset={node_off}"))
                .because(because));
        }
        let Some(gr) = root.root.clone() else {
            return Err(self.fail(EFAULT, "verifier internal error: a root without its type"));
        };
        let btf = self.prog.obj_btf.clone();
        let tname = |id: u32| {
            btf.as_ref()
                .and_then(|b| b.get(id).ok())
                .map(|t| t.name.clone())
                .unwrap_or_default()
        };
        let have = alloc_ptr(reg).map_or(0, |p| p.id());
        if have != gr.value_btf_id {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "operation on {} expects arg#1 {name} at offset={} in struct {}, but arg is at offset={node_off} in struct {}",
                        head.name(),
                        gr.node_offset,
                        tname(gr.value_btf_id),
                        tname(have)
                    ),
                )
                .because(because));
        }
        if node_off != gr.node_offset {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "arg#1 offset={node_off}, but expected {name} at offset={} in struct {}",
                        gr.node_offset,
                        tname(gr.value_btf_id)
                    ),
                )
                .because(because));
        }
        Ok(())
    }

    /// `is_sync_callback_calling_insn()`: a helper (`bpf_loop`, ...) or
    /// kfunc (`bpf_rbtree_add_impl`) calling a callback before it returns.
    pub(crate) fn is_sync_callback_calling_insn(&self, insn: &crate::insn::Insn) -> bool {
        use crate::insn::BPF_CALL;
        if insn.op() != BPF_CALL || insn.class() != crate::insn::BPF_JMP {
            return false;
        }
        if insn.src == 0 {
            return crate::helper_ids::is_sync_callback_calling_function(insn.imm);
        }
        insn.is_kfunc_call()
            && self.rules.alloc_objects
            && self.kernel_kfunc_name(insn.imm).as_deref() == Some("bpf_rbtree_add_impl")
    }

    /// `in_rbtree_lock_required_cb()`: the walk is in the callback of an
    /// rbtree kfunc that runs under the lock. 6.12.95 looks at the current
    /// frame only (a subprogram the callback calls is not "in" it; later
    /// 6.12 releases walk every frame).
    pub(crate) fn in_rbtree_lock_required_cb(&self) -> bool {
        let insns = &self.prog.insns;
        let cur = self.cur.curframe();
        if cur == 0 {
            return false;
        }
        self.cur.frames.get(cur).into_iter().any(|f| {
            f.in_callback_fn
                && usize::try_from(f.callsite)
                    .ok()
                    .and_then(|c| insns.get(c))
                    .filter(|i| i.is_kfunc_call())
                    .and_then(|i| self.kernel_kfunc_name(i.imm))
                    .is_some_and(|n| is_rbtree_lock_required_kfunc(&n))
        })
    }

    /// `ref_set_non_owning()` of R0 (`bpf_rbtree_first`).
    pub(crate) fn ref_set_non_owning_r0(&mut self) {
        let r0 = *self.reg(0);
        let refcounted = self
            .reg_btf_record(&r0)
            .is_some_and(|r| r.refcount_off().is_some());
        let r = self.reg_mut(0);
        r.aux |= NON_OWN;
        if refcounted {
            r.aux |= RCU;
        }
    }

    /// `ref_convert_owning_non_owning()` + `ref_set_non_owning()`: every
    /// copy of the pushed object's pointer is now a non-owning reference
    /// (RCU-protected too when the object is reference counted).
    pub(crate) fn ref_convert_owning_non_owning(&mut self, ref_obj_id: u32) {
        let refcounted = |env: &Env, r: &RegState| {
            env.reg_btf_record(r)
                .is_some_and(|rec| rec.refcount_off().is_some())
        };
        let mut marks = Vec::new();
        for (fi, f) in self.cur.frames.iter().enumerate() {
            for (ri, r) in f.regs.iter().enumerate() {
                if r.ref_obj_id == ref_obj_id && alloc_ptr(r).is_some() {
                    marks.push((fi, Some(ri), None, refcounted(self, r)));
                }
            }
            for (si, s) in f.stack.iter().enumerate() {
                if s.is_spill()
                    && s.spilled.ref_obj_id == ref_obj_id
                    && alloc_ptr(&s.spilled).is_some()
                {
                    marks.push((fi, None, Some(si), refcounted(self, &s.spilled)));
                }
            }
        }
        for (fi, ri, si, rc) in marks {
            let f = &mut self.cur.frames[fi];
            let r = match (ri, si) {
                (Some(ri), _) => &mut f.regs[ri],
                (_, Some(si)) => &mut f.stack[si].spilled,
                _ => continue,
            };
            let mut flags = NON_OWN;
            if rc {
                flags |= RCU;
            }
            r.aux |= flags;
            r.ref_obj_id = 0;
        }
    }

    /// `bpf_kptr_xchg`'s release of the object it stores (6.12): the
    /// reference goes; inside an RCU section the copies of a per-CPU
    /// allocated object stay as RCU per-CPU pointers, the others die.
    pub(crate) fn release_kptr_xchg_reference(&mut self, ref_obj_id: u32) -> bool {
        if !self.release_reference_state(ref_obj_id) {
            return false;
        }
        self.event(
            crate::trace::EventKind::Release,
            self.insn_idx as u32,
            ref_obj_id,
        );
        let in_rcu = self.in_rcu_cs();
        let fix = |r: &mut RegState| {
            if r.ref_obj_id != ref_obj_id {
                return;
            }
            let percpu_alloc = alloc_ptr(r).is_some_and(|p| p.has(crate::btf_access::PERCPU));
            if in_rcu && percpu_alloc {
                r.ref_obj_id = 0;
                r.aux = (r.aux & !ALLOC) | RCU;
            } else {
                r.mark_unknown();
            }
        };
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                fix(r);
            }
            for s in f.stack.iter_mut() {
                if s.is_spill() {
                    fix(&mut s.spilled);
                }
            }
        }
        true
    }

    /// `invalidate_non_owning_refs()` at `bpf_spin_unlock()`: what the
    /// lock protected is no longer reachable (a privileged program's
    /// registers become unknown scalars, `mark_reg_invalid()`).
    pub(crate) fn invalidate_non_owning_refs(&mut self) {
        let non_own = |r: &RegState| alloc_ptr(r).is_some_and(|p| p.has(NON_OWN));
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                if non_own(r) {
                    r.mark_unknown();
                }
            }
            for s in f.stack.iter_mut() {
                if s.is_spill() && non_own(&s.spilled) {
                    s.spilled.mark_unknown();
                }
            }
        }
    }

    /// `bpf_obj_new_impl()`'s return: an object of the program's struct
    /// `arg_constant` names.
    pub(crate) fn obj_new_ret(
        &mut self,
        arg_constant: Option<u64>,
        percpu: bool,
    ) -> VResult<BtfPtr> {
        let value = arg_constant.unwrap_or(0);
        if value as u32 as u64 != value {
            return Err(self
                .fail(
                    EINVAL,
                    "local type ID argument must be in range [0, U32_MAX]",
                )
                .because(Reason::GraphMisuse));
        }
        // env->prog->aux->btf: none when the kernel refused the object's
        // BTF (libbpf kept it for its own relocations)
        let Some(btf) = self.prog.obj_btf.clone().filter(|_| !self.prog.btf_refused) else {
            return Err(self
                .fail(EINVAL, "bpf_obj_new/bpf_percpu_obj_new requires prog BTF")
                .because(Reason::GraphMisuse));
        };
        let id = value as u32;
        let is_struct = btf.get(id).is_ok_and(|t| t.kind == crate::btf::KIND_STRUCT);
        if !is_struct || id == 0 {
            return Err(self
                .fail(
                    EINVAL,
                    "bpf_obj_new/bpf_percpu_obj_new type ID argument must be of a struct",
                )
                .because(Reason::GraphMisuse));
        }
        let meta = crate::btf_record::struct_meta(&btf, id);
        if percpu {
            // bpf_percpu_obj_new(): a small struct of scalars only
            let size = btf.get(id).map_or(0, |t| t.size_or_type);
            if size > 512 {
                return Err(self
                    .fail(
                        EINVAL,
                        &format!("bpf_percpu_obj_new type size ({size}) is greater than 512"),
                    )
                    .because(Reason::GraphMisuse));
            }
            let mut log = Vec::new();
            let scalars = crate::btf_access::is_scalar_struct(&btf, id, 0, &mut log);
            for l in log {
                self.verbose(&format!("{l}\n"));
            }
            if !scalars {
                return Err(self
                    .fail(
                        EINVAL,
                        "bpf_percpu_obj_new type ID argument must be of a struct of scalars",
                    )
                    .because(Reason::GraphMisuse));
            }
            if !matches!(meta, Ok(None)) {
                return Err(self
                    .fail(
                        EINVAL,
                        "bpf_percpu_obj_new type ID argument must not contain special fields",
                    )
                    .because(Reason::GraphMisuse));
            }
            return Ok(BtfPtr::new(id, ALLOC | crate::btf_access::PERCPU));
        }
        if meta.is_err() {
            return Err(self
                .fail(
                    crate::env::ENOTSUPP,
                    "not modelled: an allocated struct whose special fields the kernel refuses",
                )
                .because(Reason::Other));
        }
        Ok(BtfPtr::new(id, ALLOC))
    }

    /// `mark_reg_graph_node()`: R0 points at the node of an object the
    /// list held (the object's struct, `off` at its node).
    pub(crate) fn graph_node_ret(&mut self, root: &Field) -> VResult<(BtfPtr, i32)> {
        let Some(gr) = root.root.clone() else {
            return Err(self.fail(EFAULT, "verifier internal error: a root without its type"));
        };
        Ok((BtfPtr::new(gr.value_btf_id, ALLOC), gr.node_offset as i32))
    }
}
