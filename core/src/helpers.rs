//! The checks of a helper call (`check_helper_call`): the program type
//! offers it, its map is compatible (`check_map_func_compatibility`), its
//! arguments pass (`check_func_arg`, in [`crate::func_arg`]), and what it
//! returns and changes. The prototypes are data, in [`crate::func_proto`].

use crate::env::{Env, MapPtrState, VResult, EACCES, EINVAL, ENOTSUPP};
use crate::func_arg::ArgMeta;
use crate::func_proto::*;
use crate::helper_ids::FuncId as F;
use crate::program::{MapType, ProgType, BPF_F_RDONLY_PROG};
use crate::reason::Reason;
use crate::regs::RegType;

/// `nr_cpu_ids` of the kernels veristep is checked against: the oracles
/// boot Linux in a one-CPU virtual machine (`qemu -smp 1`).
const NR_CPU_IDS: u64 = 1;

impl Env {
    /// `env->ops->get_func_proto(func_id, prog)`, then the attach
    /// target's own prototypes: what the program type offers under `id`,
    /// as the modelled kernel has it.
    pub(crate) fn helper_proto(&self, id: F) -> Option<Proto> {
        let pt = self.prog.prog_type;
        // bpf_dummy_ops' verifier_ops have no get_func_proto: no helper
        let no_helpers = self
            .prog
            .attach_btf
            .as_ref()
            .and_then(|a| a.struct_ops.as_ref())
            .is_some_and(|(st, _)| st == "bpf_dummy_ops");
        let fp = if no_helpers {
            None
        } else {
            get_func_proto(
                id,
                pt,
                self.prog.expected_attach_type,
                self.rules.helpers_612,
            )
        };
        let fp = fp.or_else(|| {
            crate::func_proto::attach_target_func_proto(
                id,
                pt,
                self.prog.expected_attach_type,
                self.prog.attach_to.as_deref(),
            )
        })?;
        Some(if self.rules.helpers_612 {
            proto_612(id, fp)
        } else {
            *fp
        })
    }

    /// `check_helper_call()`
    pub fn check_helper_call(&mut self, insn: &crate::insn::Insn) -> VResult<()> {
        let func_id = insn.imm;
        let insn_idx = self.insn_idx;
        let v612 = self.rules.helpers_612;
        let max_id = func_max_id(v612);
        let name = func_id_name(func_id, max_id);
        // get_helper_proto()
        let Some(id) = F::from_id(func_id).filter(|f| (*f as u32) < max_id) else {
            return Err(self
                .fail(EINVAL, &format!("invalid func {}#{}", name, func_id))
                .because(crate::reason::Reason::HelperNotAllowed { func_id }));
        };
        let Some(fp) = self.helper_proto(id) else {
            let msg = if self.rules.words_612 {
                format!(
                    "program of this type cannot use helper {}#{}",
                    name, func_id
                )
            } else {
                format!("unknown func {}#{}", name, func_id)
            };
            return Err(self
                .fail(EINVAL, &msg)
                .because(Reason::HelperNotAllowed { func_id }));
        };
        if !self.prog.gpl_compatible() && fp.gpl_only {
            return Err(self
                .fail(
                    EINVAL,
                    "cannot call GPL-restricted function from non-GPL compatible program",
                )
                .because(Reason::HelperNotAllowed { func_id }));
        }
        if fp
            .allowed
            .is_some_and(|allowed| !allowed(&self.prog, &self.rules))
        {
            return Err(self
                .fail(EINVAL, "helper call is not allowed in probe")
                .because(Reason::HelperNotAllowed { func_id }));
        }
        if fp.might_sleep && !self.in_sleepable() {
            return Err(self
                .fail(EINVAL, "helper call might sleep in a non-sleepable prog")
                .because(Reason::HelperNotAllowed { func_id }));
        }
        // 6.12: an RCU read-side section may not sleep
        if self.cur.active_rcu_lock && fp.might_sleep {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("sleepable helper {name}#{func_id} in rcu_read_lock region"),
                )
                .because(Reason::RcuMisuse));
        }
        if self.cur.active_preempt_lock > 0 && fp.might_sleep {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("sleepable helper {name}#{func_id} in non-preemptible region"),
                )
                .because(Reason::RcuMisuse));
        }
        let mut meta = ArgMeta {
            pkt_access: fp.pkt_access,
            ..ArgMeta::default()
        };
        for i in 0..5 {
            self.check_func_arg(i, &fp, id, &mut meta)?;
        }
        self.record_func_map(id, &meta, insn_idx)?;
        self.record_func_key(id, &meta)?;
        // raw mode (uninit memory written by the helper): mark it written
        if let Some((regno, size)) = meta.raw_access {
            self.mark_helper_mem_written(regno, size)?;
        }
        // 6.1 makes the new dynptr after the arguments: its 16 stack bytes
        // are written, then the slots marked (a ringbuf one acquires)
        if let Some(regno) = meta.uninit_dynptr_regno {
            self.write_dynptr_slots(regno)?;
            let reg = *self.reg(regno);
            self.mark_stack_slots_dynptr(&reg, meta.uninit_dynptr_kind, 0)?;
        }
        if let Some(what) = meta.unmodelled.take() {
            return Err(self.not_modelled(&name, func_id, &what));
        }
        if meta.release_regno != 0 {
            let mut ok = false;
            let released = *self.reg(meta.release_regno);
            if matches!(fp.args[meta.release_regno as usize - 1], Arg::Dynptr { .. }) {
                ok = self.unmark_stack_slots_dynptr(&released).is_ok();
            } else if meta.ref_obj_id != 0 && id == F::kptr_xchg && self.rules.alloc_objects {
                // 6.12: inside an RCU section a per-CPU object stored into
                // a kptr stays readable as an RCU pointer
                ok = self.release_kptr_xchg_reference(meta.ref_obj_id);
            } else if meta.ref_obj_id != 0 {
                ok = self.release_reference(meta.ref_obj_id).is_ok();
            } else if released.is_null_const() {
                ok = true;
            }
            if !ok {
                let reason = self.not_acquired_reason(meta.ref_obj_id);
                return Err(self
                    .fail(
                        EINVAL,
                        &format!(
                            "func {}#{} reference has not been acquired before",
                            name, func_id
                        ),
                    )
                    .because(reason));
            }
        }
        // the dynptr a helper works on: bpf_dynptr_data's slice belongs to
        // it (its reference, 6.12 also its id); bpf_dynptr_write into an
        // skb dynptr may move the packet
        let mut slice_of = None;
        let mut dynptr_changes_data = false;
        if let Some(regno) = meta.dynptr_regno {
            let reg = *self.reg(regno);
            let first = self.dynptr_first_slot(&reg).unwrap_or_default();
            if id == F::dynptr_data {
                let (ref_id, dynptr_id) = if v612 {
                    (first.ref_obj_id, first.id)
                } else {
                    (first.id, 0)
                };
                slice_of = Some((ref_id, dynptr_id));
            }
            dynptr_changes_data = id == F::dynptr_write
                && v612
                && first.dynptr.kind == crate::dynptr::DynptrKind::Skb;
        }
        if id == F::dynptr_from_mem && self.reg(1).ty != RegType::MapValue {
            let t = self.arg_reg_type_str(&self.reg(1).clone());
            return Err(self
                .fail(
                    EACCES,
                    &format!("Unsupported reg type {} for bpf_dynptr_from_mem data", t),
                )
                .because(Reason::ArgumentType { reg: Some(1) }));
        }
        match id {
            F::tail_call if self.has_refs() => {
                // check_reference_leak() before a tail call
                let f = self.cur.cur().clone();
                let rules = self.rules;
                let mut first: Option<(u32, usize)> = None;
                for r in f.refs.iter() {
                    if rules.callback_ref && f.in_callback_fn && r.callback_ref != f.frameno {
                        continue;
                    }
                    self.verbose(&format!(
                        "Unreleased reference id={} alloc_insn={}\n",
                        r.id, r.insn
                    ));
                    first.get_or_insert((r.id, r.insn as usize));
                }
                if let Some((id, alloc_insn)) = first {
                    return Err(self
                        .fail(EINVAL, "tail_call would lead to reference leak")
                        .because(Reason::TailCallLeak { id, alloc_insn }));
                }
                if self.cur.active_rcu_lock {
                    return Err(self
                        .fail(
                            EINVAL,
                            "tail_call cannot be used inside bpf_rcu_read_lock-ed region",
                        )
                        .because(Reason::RcuMisuse));
                }
                if self.cur.active_preempt_lock > 0 {
                    return Err(self
                        .fail(
                            EINVAL,
                            "tail_call cannot be used inside bpf_preempt_disable-ed region",
                        )
                        .because(Reason::RcuMisuse));
                }
            }
            // get_local_storage() can't return an error: no flags
            F::get_local_storage if !self.reg(2).is_null_const() => {
                return Err(self.fail(EINVAL, "get_local_storage() doesn't support non-zero flags"));
            }
            F::r#loop if self.reg(4).is_null_const() => {
                // update_loop_inline_state(): a zero flags argument
                // (inlinable loop) is tracked precisely
                self.mark_chain_precision(4);
            }
            F::snprintf => self.check_bpf_snprintf_call(&meta)?,
            // a cgroup LSM program on a void hook has no return value to set
            F::set_retval if self.lsm_cgroup_on_void_hook() => {
                return Err(self
                    .fail(
                        EINVAL,
                        "BPF_LSM_CGROUP that attach to void LSM hooks can't modify return value!",
                    )
                    .because(Reason::HelperNotAllowed { func_id }));
            }
            _ => {}
        }
        let kind = callback_kind(id);
        if id == F::r#loop {
            // update_loop_inline_state()
            let zero = self.reg(4).is_null_const();
            let sub = meta.subprogno.unwrap_or(0) as u16;
            if let Some(a) = self.aux.get_mut(insn_idx) {
                a.loop_inline = Some(match a.loop_inline {
                    None => (zero, sub),
                    Some((fit, was)) => (fit && zero && was == sub, was),
                });
            }
        }
        if kind != CallbackKind::None {
            let sub = meta.subprogno.unwrap_or(0);
            if kind == CallbackKind::ForEachMapElem {
                // set_map_elem_callback_state(): 6.1 cannot tell which map
                // a call site given two would walk
                let poisoned =
                    self.aux.get(insn_idx).and_then(|a| a.map_ptr) == Some(MapPtrState::Poison);
                if self.rules.for_each_map_poison && poisoned {
                    return Err(self
                        .fail(EINVAL, "tail_call abusing map_ptr")
                        .because(Reason::CallSiteTwoMaps));
                }
                let ok = meta
                    .map
                    .and_then(|m| self.prog.maps.get(m as usize))
                    .map(|m| {
                        matches!(
                            m.map_type,
                            MapType::Hash
                                | MapType::LruHash
                                | MapType::PercpuHash
                                | MapType::LruPercpuHash
                                | MapType::Array
                                | MapType::PercpuArray
                        )
                    })
                    .unwrap_or(false);
                if !ok {
                    return Err(self
                        .fail(EINVAL, "callback function not allowed for map")
                        .because(Reason::ArgumentType { reg: Some(1) }));
                }
            }
            if let Some(start) = self.subprogs.get(sub).map(|s| s.start) {
                self.btf_check_subprog_arg_match(start);
            }
            if kind == CallbackKind::TimerAsync {
                self.check_async_callback(insn_idx, sub, &meta, false)?;
            } else {
                self.check_sync_callback(insn_idx, sub, kind, &meta)?;
            }
        }

        // the callee frame (sync callbacks) is now current; the caller's
        // registers are reset below, as the kernel does through `regs`
        let caller_frame = self.callback_caller_frame;
        self.callback_caller_frame = None;
        let cf = caller_frame.unwrap_or(self.cur.curframe());
        for r in 0..=5u8 {
            self.cur.frames[cf].regs[r as usize].mark_not_init();
            // check_reg_arg(DST_OP_NO_MARK) works on the current frame
            self.mark_reg_scratched(r as usize);
            let cur = self.cur.curframe();
            self.cur.frames[cur].regs[r as usize].live |= crate::regs::LIVE_WRITTEN;
        }
        // a kernel object the helper returns: veristep has no register
        // type for it, so the call is refused once the kernel's checks
        // that follow have passed
        let mut unmodelled_ret = false;
        let map_has_lock = meta
            .map
            .and_then(|m| self.prog.maps.get(m as usize))
            .is_some_and(|m| m.lock_off.is_some());
        // helpers returning a kernel struct (`ret_btf_id`), typed by the
        // kernel's BTF: bpf_get_current_task_btf (6.12: trusted), the
        // socket casts, bpf_sock_from_file, bpf_task_pt_regs
        let ret_struct = btf_returning_helper(id);
        let task_btf = ret_struct
            .and_then(|n| self.prog.kernel_btf.as_ref().map(|k| (k, n)))
            .and_then(|(k, n)| k.find(crate::btf::KIND_STRUCT, n));
        let trust = if self.rules.trusted_ptrs && id == F::get_current_task_btf {
            crate::btf_access::TRUSTED
        } else {
            0
        };
        // bpf_per_cpu_ptr / bpf_this_cpu_ptr: a pointer to the per-CPU
        // variable's type (`meta.ret_btf_id`), a struct as a BTF pointer,
        // anything else as read-only memory of its size (None: a struct)
        // returns_cpu_specific_alloc_ptr (6.12): a CPU's copy of a local
        // per-CPU object is an allocated object under RCU, never NULL
        if fp.ret == Ret::MemOrBtfId && meta.ret_btf_prog {
            let ret_id = meta.ret_btf_id.unwrap_or(0);
            let is_struct = self
                .prog
                .obj_btf
                .as_ref()
                .is_some_and(|b| b.get(ret_id).is_ok_and(|t| t.is_composite()));
            if !is_struct {
                return Err(self
                    .fail(
                        crate::env::ENOTSUPP,
                        "not modelled: a per-CPU local kptr of no struct",
                    )
                    .because(Reason::Other));
            }
            let r0 = &mut self.cur.frames[cf].regs[0];
            r0.mark_known_zero_ptr(RegType::BtfId);
            r0.aux = crate::btf_access::BtfPtr::new(
                ret_id,
                crate::btf_access::ALLOC | crate::btf_access::RCU,
            )
            .0;
            r0.maybe_null = false;
            self.check_map_func_compatibility(meta.map, id)?;
            return Ok(());
        }
        let mem_or_btf = match (fp.ret, meta.ret_btf_id, self.prog.kernel_btf.as_ref()) {
            (Ret::MemOrBtfId, Some(ret_id), Some(k)) => {
                let b = &k.btf;
                let t = b
                    .skip_mods(ret_id)
                    .and_then(|t| b.get(t).map(|t| (t.kind, t.name.clone())));
                match t {
                    Ok((crate::btf::KIND_STRUCT | crate::btf::KIND_UNION, _)) => {
                        Some((ret_id, None))
                    }
                    Ok((_, name)) => match b.size_of(ret_id) {
                        Ok(size) => Some((ret_id, Some(size))),
                        Err(_) => {
                            return Err(self.fail(
                                EINVAL,
                                &format!("unable to resolve the size of type '{name}': -22"),
                            ))
                        }
                    },
                    Err(_) => None,
                }
            }
            _ => None,
        };
        // a kernel struct's kptr, or (6.12) a local kptr: an object of the
        // program's own type (MEM_ALLOC, MEM_PERCPU for a per-CPU one)
        let kptr_id = meta.kptr.as_ref().and_then(|(kind, f)| {
            if self.kptr_is_local(f) {
                let b = self.prog.obj_btf.as_ref()?;
                let id = b.find(crate::btf::KIND_STRUCT, &f.target)?;
                let mut flags = crate::btf_access::ALLOC;
                if *kind == crate::program::KptrKind::Percpu {
                    flags |= crate::btf_access::PERCPU;
                }
                return Some(crate::btf_access::BtfPtr::new(id, flags));
            }
            let k = self.prog.kernel_btf.as_ref()?;
            let id = k.btf.find(crate::btf::KIND_STRUCT, &f.target)?;
            Some(crate::btf_access::BtfPtr::new(id, 0))
        });
        let r0 = &mut self.cur.frames[cf].regs[0];
        match fp.ret {
            Ret::Integer => r0.mark_unknown(),
            Ret::MemOrBtfId if mem_or_btf.is_some() => {
                let (ret_id, size) = mem_or_btf.unwrap_or_default();
                match size {
                    None => {
                        // MEM_RDONLY does not apply to a BTF pointer
                        r0.mark_known_zero_ptr(RegType::BtfId);
                        r0.aux = crate::btf_access::BtfPtr::new(ret_id, 0).0;
                    }
                    Some(size) => {
                        r0.mark_known_zero_ptr(RegType::Mem);
                        r0.rdonly = true;
                        r0.aux = size;
                    }
                }
                // RET_PTR_TO_MEM_OR_BTF_ID | PTR_MAYBE_NULL
                r0.maybe_null = id == F::per_cpu_ptr;
            }
            // bpf_kptr_xchg: the old pointer, of the kptr's struct
            Ret::BtfIdOrNull if id == F::kptr_xchg && kptr_id.is_some() => {
                r0.mark_known_zero_ptr(RegType::BtfId);
                r0.aux = kptr_id.map_or(0, |p| p.0);
                r0.maybe_null = true;
            }
            Ret::BtfId | Ret::BtfIdOrNull if task_btf.is_some() => {
                r0.mark_known_zero_ptr(RegType::BtfId);
                r0.aux = crate::btf_access::BtfPtr::new(task_btf.unwrap_or(0), trust).0;
                r0.maybe_null = fp.ret == Ret::BtfIdOrNull;
            }
            Ret::Void => r0.ty = RegType::NotInit,
            Ret::MapValue | Ret::MapValueOrNull => {
                r0.mark_known_zero_ptr(RegType::MapValue);
                r0.aux = meta.map.unwrap_or(0);
                r0.map_uid = meta.map_uid;
                r0.maybe_null = fp.ret == Ret::MapValueOrNull;
            }
            Ret::SocketOrNull => {
                r0.mark_known_zero_ptr(RegType::Socket);
                r0.maybe_null = true;
            }
            Ret::SockCommonOrNull => {
                r0.mark_known_zero_ptr(RegType::SockCommon);
                r0.maybe_null = true;
            }
            Ret::TcpSockOrNull => {
                r0.mark_known_zero_ptr(RegType::TcpSock);
                r0.maybe_null = true;
            }
            Ret::AllocMemOrNull => {
                r0.mark_known_zero_ptr(RegType::AllocMem);
                // the kernel's meta.mem_size is an int: the size's low 32
                // bits (a size of -8 is 0xfffffff8)
                r0.aux = meta.mem_size as u32;
                r0.maybe_null = true;
            }
            // RET_PTR_TO_DYNPTR_MEM_OR_NULL: the slice, of the constant
            // length asked for
            Ret::DynptrMemOrNull => {
                r0.mark_known_zero_ptr(RegType::Mem);
                r0.aux = meta.mem_size as u32;
                r0.maybe_null = true;
                if let Some((_, dynptr_id)) = slice_of {
                    r0.dynptr_id = dynptr_id;
                }
            }
            Ret::BtfId | Ret::BtfIdOrNull | Ret::MemOrBtfId => {
                r0.mark_unknown();
                unmodelled_ret = true;
            }
        }
        if self.cur.frames[cf].regs[0].maybe_null || (fp.ret == Ret::MapValue && map_has_lock) {
            let reg_id = self.new_id();
            self.cur.frames[cf].regs[0].id = reg_id;
        }
        let map_type = meta
            .map
            .and_then(|m| self.prog.maps.get(m as usize))
            .map(|m| m.map_type);
        if let Some((ref_id, _)) = slice_of {
            // is_dynptr_ref_function(): the slice dies with the dynptr's
            // reference
            self.cur.frames[cf].regs[0].ref_obj_id = ref_id;
        } else if is_ptr_cast_function(id) {
            // for release_reference()
            self.cur.frames[cf].regs[0].ref_obj_id = meta.ref_obj_id;
        } else if is_acquire_function(id, map_type) {
            // acquire_reference_state() uses the current frame: the caller here
            let ref_id = if cf + 1 == self.cur.frames.len() {
                self.acquire_reference_state(insn_idx)
            } else {
                0
            };
            let r0 = &mut self.cur.frames[cf].regs[0];
            r0.id = ref_id;
            r0.ref_obj_id = ref_id;
        }
        if fp.ret == Ret::Integer {
            self.refine_retval_range(cf, id, meta.msize_max_value);
            self.reg_bounds_sanity_check_in(cf, 0, "retval")?;
        }
        self.check_map_func_compatibility(meta.map, id)?;
        if id == F::get_func_ip {
            self.check_get_func_ip()?;
        }
        if unmodelled_ret {
            let what = "the kernel object it returns (a BTF pointer)";
            return Err(self.not_modelled(&name, func_id, what));
        }
        if bpf_helper_changes_pkt_data(id, v612) || dynptr_changes_data {
            self.clear_all_pkt_pointers();
        }
        Ok(())
    }

    /// `clear_all_pkt_pointers()`: the packet may have moved, so every
    /// packet pointer (registers and spills) becomes an unknown scalar.
    pub(crate) fn clear_all_pkt_pointers(&mut self) {
        // reg_is_pkt_pointer_any() or reg_is_dynptr_slice_pkt() (6.12: a
        // slice of an skb or xdp dynptr)
        let is_pkt = |r: &crate::regs::RegState| {
            matches!(
                r.ty,
                RegType::Packet | RegType::PacketMeta | RegType::PacketEnd
            ) || (r.ty == RegType::Mem
                && matches!(
                    r.dynptr.kind,
                    crate::dynptr::DynptrKind::Skb | crate::dynptr::DynptrKind::Xdp
                ))
        };
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                if is_pkt(r) {
                    r.mark_unknown();
                }
            }
            for sl in f.stack.iter_mut() {
                if sl.is_spill() && is_pkt(&sl.spilled) {
                    sl.spilled.mark_unknown();
                }
            }
        }
    }

    /// Subprograms that may move the packet (6.12's `changes_pkt_data`):
    /// those calling such a helper (a tail call too), and callers of them
    /// through bpf-to-bpf calls (`merge_callee_effects()`).
    pub(crate) fn subprogs_changing_pkt_data(&self) -> Vec<bool> {
        let n = self.subprogs.len();
        // check_subprogs() recorded each instruction's subprogram
        let sub_of = |i: usize| self.aux.get(i).map_or(0, |a| a.subprog as usize);
        let mut changes = vec![false; n];
        let mut calls: Vec<(usize, usize)> = Vec::new();
        for (i, insn) in self.prog.insns.iter().enumerate() {
            if insn.is_helper_call() {
                if let Some(id) = F::from_id(insn.imm) {
                    if bpf_helper_changes_pkt_data(id, true) {
                        changes[sub_of(i)] = true;
                    }
                }
            } else if insn.code == (crate::insn::BPF_JMP | crate::insn::BPF_CALL)
                && insn.src == crate::insn::BPF_PSEUDO_CALL
            {
                let target = i as i64 + insn.imm as i64 + 1;
                if target >= 0 {
                    calls.push((sub_of(i), sub_of(target as usize)));
                }
            }
        }
        // the call graph has no cycles that matter here: iterate to a fixpoint
        loop {
            let mut grew = false;
            for &(caller, callee) in &calls {
                if changes[callee] && !changes[caller] {
                    changes[caller] = true;
                    grew = true;
                }
            }
            if !grew {
                return changes;
            }
        }
    }

    /// The refusal of a call the kernel would follow further than veristep
    /// can: said as it is, never accepted.
    fn not_modelled(&mut self, name: &str, func_id: i32, what: &str) -> crate::env::VErr {
        self.fail(
            ENOTSUPP,
            &format!("{}#{}: {} is not modelled by veristep", name, func_id, what),
        )
        .because(Reason::Other)
    }

    /// `record_func_map()`: a map the program may only read is not given to
    /// a helper that writes it; the call site remembers the map it was
    /// given, or that it was given two (its `map_ptr_state`).
    fn record_func_map(&mut self, id: F, meta: &ArgMeta, insn_idx: usize) -> VResult<()> {
        if !matches!(
            id,
            F::tail_call
                | F::map_lookup_elem
                | F::map_update_elem
                | F::map_delete_elem
                | F::map_push_elem
                | F::map_pop_elem
                | F::map_peek_elem
                | F::for_each_map_elem
                | F::redirect_map
                | F::map_lookup_percpu_elem
        ) {
            return Ok(());
        }
        let writes = matches!(
            id,
            F::map_delete_elem | F::map_update_elem | F::map_push_elem | F::map_pop_elem
        );
        let rdonly = meta
            .map
            .and_then(|m| self.prog.maps.get(m as usize))
            .is_some_and(|m| m.prog_flags() & BPF_F_RDONLY_PROG != 0);
        if writes && rdonly {
            return Err(self
                .fail(EACCES, "write into map forbidden")
                .because(Reason::ReadOnly { reg: None }));
        }
        if let (Some(map), Some(a)) = (meta.map, self.aux.get_mut(insn_idx)) {
            a.map_ptr = Some(match a.map_ptr {
                None => MapPtrState::Map(map),
                Some(MapPtrState::Map(m)) if m == map => MapPtrState::Map(m),
                Some(_) => MapPtrState::Poison,
            });
        }
        Ok(())
    }

    /// `record_func_key()`: a tail call's index, when a constant within the
    /// program array, is tracked precisely (the call may be patched into
    /// a direct jump).
    fn record_func_key(&mut self, id: F, meta: &ArgMeta) -> VResult<()> {
        if id != F::tail_call {
            return Ok(());
        }
        let map = meta.map.and_then(|m| self.prog.maps.get(m as usize));
        let Some(max_entries) = map
            .filter(|m| m.map_type == MapType::ProgArray)
            .map(|m| m.max_entries as u64)
        else {
            // record_func_key(): the map argument is no prog array the
            // walk knows
            return Err(self
                .fail(EINVAL, "kernel subsystem misconfigured verifier")
                .because(Reason::ArgumentType { reg: Some(2) }));
        };
        let r3 = self.reg(3);
        if r3.is_const() && r3.var_off.value < max_entries {
            self.mark_chain_precision(3);
        }
        Ok(())
    }

    /// `check_get_func_ip()`: kprobes only, of the modelled types (the
    /// tracing table offers the helper to tracepoints and raw tracepoints
    /// too, and this refuses them).
    fn check_get_func_ip(&mut self) -> VResult<()> {
        let pt = self.prog.prog_type;
        if pt == ProgType::Kprobe {
            return Ok(());
        }
        let id = F::get_func_ip as i32;
        if pt == ProgType::Tracing {
            use crate::program::AttachType as A;
            // bpf_prog_has_trampoline()
            if matches!(
                self.prog.expected_attach_type,
                Some(A::TraceFentry | A::TraceFexit | A::ModifyReturn)
            ) {
                return Ok(());
            }
            return Err(self.fail(
                ENOTSUPP,
                &format!(
                    "func {}#{} supported only for fentry/fexit/fmod_ret programs",
                    helper_name(id),
                    id
                ),
            ));
        }
        Err(self
            .fail(
                ENOTSUPP,
                &format!(
                    "func {}#{} not supported for program type {}",
                    helper_name(id),
                    id,
                    pt.number()
                ),
            )
            .because(crate::reason::Reason::HelperNotAllowed { func_id: id }))
    }

    fn check_map_func_compatibility(&mut self, map: Option<u32>, id: F) -> VResult<()> {
        let Some(m) = map.and_then(|m| self.prog.maps.get(m as usize)) else {
            return Ok(());
        };
        let mt = m.map_type;
        // check_map_func_compatibility(): what a map type allows, then
        // which map types a helper takes (those veristep does not model
        // never match)
        let map_ok = match mt {
            MapType::ProgArray => id == F::tail_call,
            MapType::PerfEventArray => matches!(
                id,
                F::perf_event_read
                    | F::perf_event_output
                    | F::skb_output
                    | F::perf_event_read_value
                    | F::xdp_output
            ),
            MapType::Ringbuf => matches!(
                id,
                F::ringbuf_output
                    | F::ringbuf_reserve
                    | F::ringbuf_query
                    | F::ringbuf_reserve_dynptr
                    | F::ringbuf_submit_dynptr
                    | F::ringbuf_discard_dynptr
            ),
            MapType::ArrayOfMaps | MapType::HashOfMaps => id == F::map_lookup_elem,
            MapType::Sockmap => {
                matches!(
                    id,
                    F::sk_redirect_map
                        | F::sock_map_update
                        | F::msg_redirect_map
                        | F::sk_select_reuseport
                        | F::map_lookup_elem
                ) || self.may_update_sockmap(id)
            }
            MapType::Sockhash => {
                matches!(
                    id,
                    F::sk_redirect_hash
                        | F::sock_hash_update
                        | F::msg_redirect_hash
                        | F::sk_select_reuseport
                        | F::map_lookup_elem
                ) || self.may_update_sockmap(id)
            }
            MapType::ReuseportSockarray => id == F::sk_select_reuseport,
            MapType::Queue | MapType::Stack => {
                matches!(id, F::map_peek_elem | F::map_pop_elem | F::map_push_elem)
            }
            MapType::StackTrace => id == F::get_stackid,
            MapType::CgroupArray => {
                matches!(id, F::skb_under_cgroup | F::current_task_under_cgroup)
            }
            MapType::DevMap | MapType::DevMapHash | MapType::XskMap => {
                matches!(id, F::redirect_map | F::map_lookup_elem)
            }
            // "Restrict bpf side of cpumap and xskmap, open when use-cases appear"
            MapType::CpuMap => id == F::redirect_map,
            MapType::BloomFilter => matches!(id, F::map_peek_elem | F::map_push_elem),
            MapType::CgroupStorage | MapType::PercpuCgroupStorage => id == F::get_local_storage,
            MapType::SkStorage => matches!(id, F::sk_storage_get | F::sk_storage_delete),
            MapType::InodeStorage => matches!(id, F::inode_storage_get | F::inode_storage_delete),
            MapType::TaskStorage => matches!(id, F::task_storage_get | F::task_storage_delete),
            MapType::CgrpStorage => matches!(id, F::cgrp_storage_get | F::cgrp_storage_delete),
            MapType::UserRingbuf => id == F::user_ringbuf_drain,
            // no case of its own in check_map_func_compatibility()
            MapType::LpmTrie | MapType::Arena => true,
            MapType::Hash
            | MapType::Array
            | MapType::PercpuHash
            | MapType::PercpuArray
            | MapType::LruHash
            | MapType::LruPercpuHash => true,
        };
        let func_ok = match id {
            F::tail_call => mt == MapType::ProgArray,
            F::perf_event_read
            | F::perf_event_output
            | F::perf_event_read_value
            | F::skb_output
            | F::xdp_output => mt == MapType::PerfEventArray,
            F::ringbuf_output
            | F::ringbuf_reserve
            | F::ringbuf_query
            | F::ringbuf_reserve_dynptr
            | F::ringbuf_submit_dynptr
            | F::ringbuf_discard_dynptr => mt == MapType::Ringbuf,
            F::sk_redirect_map | F::msg_redirect_map | F::sock_map_update => mt == MapType::Sockmap,
            F::sk_redirect_hash | F::msg_redirect_hash | F::sock_hash_update => {
                mt == MapType::Sockhash
            }
            F::sk_select_reuseport => matches!(
                mt,
                MapType::ReuseportSockarray | MapType::Sockmap | MapType::Sockhash
            ),
            F::map_pop_elem => matches!(mt, MapType::Queue | MapType::Stack),
            F::map_peek_elem | F::map_push_elem => {
                matches!(mt, MapType::Queue | MapType::Stack | MapType::BloomFilter)
            }
            F::get_stackid => mt == MapType::StackTrace,
            F::current_task_under_cgroup | F::skb_under_cgroup => mt == MapType::CgroupArray,
            F::redirect_map => matches!(
                mt,
                MapType::DevMap | MapType::DevMapHash | MapType::CpuMap | MapType::XskMap
            ),
            F::map_lookup_percpu_elem => matches!(
                mt,
                MapType::PercpuArray | MapType::PercpuHash | MapType::LruPercpuHash
            ),
            F::get_local_storage => {
                matches!(mt, MapType::CgroupStorage | MapType::PercpuCgroupStorage)
            }
            F::sk_storage_get | F::sk_storage_delete => mt == MapType::SkStorage,
            F::inode_storage_get | F::inode_storage_delete => mt == MapType::InodeStorage,
            F::task_storage_get | F::task_storage_delete => mt == MapType::TaskStorage,
            F::cgrp_storage_get | F::cgrp_storage_delete => mt == MapType::CgrpStorage,
            F::user_ringbuf_drain => mt == MapType::UserRingbuf,
            _ => true,
        };
        if !(map_ok && func_ok) {
            let name = helper_name(id as i32);
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "cannot pass map_type {} into func {}#{}",
                        mt.number(),
                        name,
                        id as u32
                    ),
                )
                .because(Reason::ArgumentType { reg: None }));
        }
        Ok(())
    }

    /// `may_update_sockmap()`: programs that cannot hold a locked socket
    /// may update and delete sockmap entries.
    fn may_update_sockmap(&mut self, id: F) -> bool {
        if !matches!(id, F::map_update_elem | F::map_delete_elem) {
            return false;
        }
        // no path to a locked struct sock from these, so updating is safe
        let safe = match self.prog.prog_type {
            ProgType::Tracing => {
                self.prog.expected_attach_type == Some(crate::program::AttachType::TraceIter)
            }
            // updates only through the helpers that check the event type
            ProgType::SockOps => id == F::map_delete_elem,
            ProgType::SocketFilter
            | ProgType::SchedCls
            | ProgType::SchedAct
            | ProgType::Xdp
            | ProgType::SkReuseport
            | ProgType::FlowDissector
            | ProgType::SkLookup => true,
            _ => false,
        };
        if safe {
            return true;
        }
        self.verbose("cannot update sockmap in this context\n");
        false
    }

    /// `do_refine_retval_range()`: helpers that copy at most N bytes return
    /// at most N (or -errno); 6.12 also bounds the CPU number by
    /// `nr_cpu_ids`, which is 1 in the oracles' one-CPU virtual machines.
    fn refine_retval_range(&mut self, cf: usize, id: F, msize_max: u64) {
        const MAX_ERRNO: i64 = 4095;
        let sync_612 = self.rules.scalar_alu_612;
        let r0 = &mut self.cur.frames[cf].regs[0];
        match id {
            F::get_stack
            | F::get_task_stack
            | F::probe_read_str
            | F::probe_read_kernel_str
            | F::probe_read_user_str => {
                r0.smax = msize_max as i64;
                r0.s32_max = msize_max as i32;
                r0.smin = -MAX_ERRNO;
                r0.s32_min = -MAX_ERRNO as i32;
            }
            F::get_smp_processor_id if self.rules.smp_processor_id_bounded => {
                let max = NR_CPU_IDS - 1;
                r0.umin = 0;
                r0.umax = max;
                r0.u32_min = 0;
                r0.u32_max = max as u32;
                r0.smin = 0;
                r0.smax = max as i64;
                r0.s32_min = 0;
                r0.s32_max = max as i32;
            }
            _ => return,
        }
        if sync_612 {
            r0.bounds_sync_612();
        } else {
            r0.bounds_sync();
        }
    }
}

/// The kernel struct a helper returns a pointer to (`ret_btf_id`).
pub(crate) fn btf_returning_helper(id: F) -> Option<&'static str> {
    Some(match id {
        F::get_current_task_btf => "task_struct",
        F::skc_to_tcp6_sock => "tcp6_sock",
        F::skc_to_tcp_sock => "tcp_sock",
        F::skc_to_tcp_timewait_sock => "tcp_timewait_sock",
        F::skc_to_tcp_request_sock => "tcp_request_sock",
        F::skc_to_udp6_sock => "udp6_sock",
        F::skc_to_unix_sock => "unix_sock",
        F::skc_to_mptcp_sock => "mptcp_sock",
        F::sock_from_file => "socket",
        F::task_pt_regs => "pt_regs",
        _ => return None,
    })
}

impl Env {
    /// `check_bpf_snprintf_call()`: the data is an array of u64 (R5, the
    /// known bits of its value, a multiple of 8: the kernel refuses
    /// silently otherwise), and the format, read out of its frozen map,
    /// passes `bpf_bprintf_prepare()` with that many arguments.
    fn check_bpf_snprintf_call(&mut self, meta: &crate::func_arg::ArgMeta) -> VResult<()> {
        let data_len = self.reg(5).var_off.value;
        if !data_len.is_multiple_of(8) {
            return Err(self.fail_unworded(EINVAL, Reason::SnprintfFormat { data_len }));
        }
        let Some((m, off)) = meta.snprintf_fmt else {
            return Ok(());
        };
        let fmt: Vec<u8> = match self.prog.maps.get(m as usize) {
            Some(map) => (off..map.value_size as usize)
                .map(|i| map.data.get(i).copied().unwrap_or(0))
                .take_while(|b| *b != 0)
                .collect(),
            None => return Ok(()),
        };
        if !bprintf_format_ok(&fmt, data_len / 8) {
            return Err(self
                .fail(EINVAL, "Invalid format string")
                .because(Reason::SnprintfFormat { data_len }));
        }
        Ok(())
    }
}

/// The kernel's `isspace()` (lib/ctype.c, Latin-1: 0xa0 is a space).
fn k_isspace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0xa0)
}

/// The kernel's `ispunct()` (lib/ctype.c, Latin-1: 0xa1-0xbf, 0xd7, 0xf7).
fn k_ispunct(c: u8) -> bool {
    c.is_ascii_punctuation() || matches!(c, 0xa1..=0xbf | 0xd7 | 0xf7)
}

/// `bpf_bprintf_prepare()` checking a format only (kernel/bpf/helpers.c,
/// the same in 6.1.192 and 6.12): printable ASCII or bytes of 0x80 and
/// above; `%%`; at most `num_args` conversions, each `[0 +-]*[width]`
/// then `d i u x X` (with `l` or `ll`), `c`, `s`, `p`, `pK px ps pS pB`,
/// `pks pus`, `pi4 pI4 pi6 pI6`; `%s` and bare `%p` followed by the end,
/// a space or a punctuation mark.
pub(crate) fn bprintf_format_ok(fmt: &[u8], num_args: u64) -> bool {
    let at = |j: usize| fmt.get(j).copied().unwrap_or(0);
    let end_ok = |c: u8| c == 0 || k_isspace(c) || k_ispunct(c);
    let mut num_spec: u64 = 0;
    let mut i = 0;
    while i < fmt.len() {
        let c = at(i);
        if c.is_ascii() && !(0x20..=0x7e).contains(&c) && !k_isspace(c) {
            return false;
        }
        if c != b'%' {
            i += 1;
            continue;
        }
        if at(i + 1) == b'%' {
            i += 2;
            continue;
        }
        if num_spec >= num_args {
            return false;
        }
        i += 1;
        if !at(i).is_ascii() {
            return false;
        }
        // the optional "[0 +-][num]" width
        while matches!(at(i), b'0' | b'+' | b'-' | b' ') {
            i += 1;
        }
        if (b'1'..=b'9').contains(&at(i)) {
            i += 1;
            while at(i).is_ascii_digit() {
                i += 1;
            }
        }
        match at(i) {
            b'p' => {
                let next = at(i + 1);
                if end_ok(next) {
                    // bare %p
                } else if matches!(next, b'k' | b'u') && at(i + 2) == b's' {
                    i += 2;
                    if !end_ok(at(i + 1)) {
                        return false;
                    }
                } else if matches!(next, b'K' | b'x' | b's' | b'S' | b'B') {
                    i += 1;
                } else if matches!(next, b'i' | b'I') && matches!(at(i + 2), b'4' | b'6') {
                    i += 2;
                } else {
                    return false;
                }
            }
            b's' => {
                if !end_ok(at(i + 1)) {
                    return false;
                }
            }
            b'c' => {}
            _ => {
                if at(i) == b'l' {
                    i += 1;
                }
                if at(i) == b'l' {
                    i += 1;
                }
                if !matches!(at(i), b'i' | b'd' | b'u' | b'x' | b'X') {
                    return false;
                }
            }
        }
        num_spec += 1;
        i += 1;
    }
    true
}

#[cfg(test)]
mod bprintf_tests {
    use super::bprintf_format_ok as ok;

    #[test]
    fn formats_as_the_kernel_parses_them() {
        assert!(ok(b"%d %u %x %llx %ld\n", 5));
        assert!(!ok(b"%d %u", 1), "more conversions than arguments");
        assert!(ok(b"100%% done", 0));
        assert!(ok(b"%-08d|%+5i|% d", 3));
        assert!(ok(b"%s: %c", 2));
        assert!(!ok(b"%sx", 1), "%s followed by a letter");
        assert!(ok(b"%pK %px %ps %pS %pB", 5));
        assert!(ok(b"%pI4 %pi6", 2));
        assert!(!ok(b"%pI5", 1));
        assert!(ok(b"%pks, %pus", 2));
        assert!(ok(b"%p", 1));
        assert!(!ok(b"%pz", 1));
        assert!(!ok(b"%f", 1));
        assert!(!ok(b"%hd", 1));
        assert!(!ok(b"tab\x01", 0), "a control byte");
        assert!(ok("caf\u{e9} %d".as_bytes(), 1), "UTF-8 text passes");
        assert!(!ok(b"%\xe9", 1), "non-ASCII after %");
    }
}
