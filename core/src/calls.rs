//! bpf-to-bpf calls, callbacks and returns (`check_func_call`,
//! `__check_func_call`, the `set_*_callback_state` functions,
//! `prepare_func_exit`, `check_return_code`) and kfunc calls.

use crate::env::{Env, VResult, E2BIG, EACCES, EFAULT, EINVAL};
use crate::func_arg::ArgMeta;
use crate::func_proto::CallbackKind;
use crate::insn::Insn;
use crate::program::Param;
use crate::reason::Reason;
use crate::regs::{RegType, LIVE_READ64};
use crate::state::{FuncState, VerifierState, MAX_CALL_FRAMES};
use crate::trace::EventKind;

impl Env {
    pub(crate) fn subprog_of_start(&self, start: usize) -> Option<usize> {
        self.subprogs.iter().position(|s| s.start == start)
    }

    fn new_frame(&self, callsite: usize, subprog: usize) -> FuncState {
        let fr = self.cur.curframe() + 1;
        FuncState::new(callsite as i32, fr as u8, subprog as u16)
    }

    fn print_call_states(&mut self) {
        if self.log_insns() {
            let n = self.cur.curframe();
            self.verbose("caller:\n");
            let caller = self.cur.frames[n - 1].clone();
            self.print_func_state(&caller);
            self.verbose("callee:\n");
            let callee = self.cur.frames[n].clone();
            self.print_func_state(&callee);
        }
    }

    /// `check_func_call()` for `call pc+N`.
    pub fn check_func_call(&mut self, insn: &Insn) -> VResult<()> {
        let target = (self.insn_idx as i64 + insn.imm as i64 + 1) as usize;
        let Some(subprog) = self.subprog_of_start(target) else {
            let t = target;
            return Err(self
                .fail(
                    EINVAL,
                    &format!("verifier bug. No program starts at insn {}", t),
                )
                .at(Some(t)));
        };
        // 6.1 asks about the depth first; 6.12 checks the arguments, then
        // skips a global function, and asks in setup_func_entry()
        let v612 = !self.rules.btf_static_arg_check;
        if !v612 {
            self.check_call_depth()?;
        }
        if self.is_global_subprog(target) {
            return self.call_global_subprog(target, subprog);
        }
        self.btf_check_subprog_arg_match(target);
        if v612 {
            self.check_call_depth()?;
        }
        let callsite = self.insn_idx;
        let mut callee = self.new_frame(callsite, subprog);
        // transfer references to the callee
        callee.refs = self.cur.cur().refs.clone();
        {
            let caller = self.cur.cur();
            for i in 1..=5 {
                callee.regs[i] = caller.regs[i];
            }
        }
        // clear_caller_saved_regs on the caller (current frame)
        for r in 0..=5u8 {
            self.reg_mut(r).mark_not_init();
            self.mark_reg_scratched(r as usize);
            self.reg_mut(r).live |= crate::regs::LIVE_WRITTEN;
        }
        self.cur.frames.push(callee);
        self.mark_all_scratched();
        // the kernel's int: -1 for a call to instruction 0, which do_check's
        // insn_idx++ makes 0
        self.insn_idx = target.wrapping_sub(1);
        let fr = self.cur.curframe() as u32;
        self.event(EventKind::Call, callsite as u32, fr);
        self.print_call_states();
        self.mark_all_scratched();
        Ok(())
    }

    /// `btf_check_subprog_arg_match()` for a static subprogram with BTF (a
    /// compiled object): the caller's R1-R5 against the callee's prototype.
    /// A mismatch is only logged (the function is marked unreliable); 6.1
    /// stops at the first one.
    pub fn btf_check_subprog_arg_match(&mut self, start: usize) {
        if !self.rules.btf_static_arg_check {
            self.btf_check_static_call_612(start);
            return;
        }
        // the check only writes to the log
        if !self.log_on() {
            return;
        }
        let prog = self.prog.clone();
        let Some(f) = prog.func_btf.iter().find(|f| f.start == start) else {
            return;
        };
        // 6.1 marks a function whose prototype did not match unreliable,
        // and checks it no more
        let idx = self.subprog_of_start(start);
        if idx.is_some_and(|i| self.subprogs[i].btf_unreliable) {
            return;
        }
        let mark_unreliable = |env: &mut Self| {
            if let Some(i) = idx {
                env.subprogs[i].btf_unreliable = true;
            }
        };
        if f.params.len() > 5 {
            self.verbose(&format!(
                "Function {} has {} > 5 args\n",
                f.name,
                f.params.len()
            ));
            mark_unreliable(self);
            return;
        }
        for (i, p) in f.params.iter().enumerate() {
            let regno = i + 1;
            let reg = *self.reg(regno as u8);
            let ty = reg.ty;
            // check_func_arg_reg_off(ARG_DONTCARE) comes first for a
            // pointer parameter: a register of another kind (never
            // written, a moved context...) is said so
            let is_ptr_param = matches!(p, Param::Ptr { .. } | Param::Ctx);
            if let Some(fixed_off_ok) = crate::func_arg::arg_off_rule(&reg).filter(|_| is_ptr_param)
            {
                if let Some((m, _)) = self.ptr_off_reg_problem(&reg, regno as u8, fixed_off_ok) {
                    self.verbose(&format!("{m}\n"));
                    mark_unreliable(self);
                    return;
                }
            }
            let msg = match p {
                Param::Scalar if ty == RegType::Scalar => continue,
                Param::Scalar => format!("R{} is not a scalar\n", regno),
                Param::Ctx if ty == RegType::Ctx => continue,
                Param::Ctx => format!("arg#{} expected pointer to ctx, but got PTR\n", i),
                Param::Ptr { .. } => format!(
                    "reg type unsupported for arg#{} function {}#{}\n",
                    i, f.name, f.btf_id
                ),
                Param::Other(k) => format!("Unrecognized arg#{} type {}\n", i, k),
                Param::Trusted { .. } | Param::Dynptr | Param::Arena => continue,
            };
            self.verbose(&msg);
            mark_unreliable(self);
            return;
        }
    }

    /// 6.12's `btf_check_subprog_call()` for a static subprogram (called,
    /// or a helper's callback): `btf_prepare_func_args()` sorts its
    /// parameters (a static function may not carry `arg:` tags, which is
    /// said; more than five parameters, a non-scalar return, or a
    /// parameter other than an integer, the context or a dynptr make it
    /// unreliable silently), then the caller's registers are checked
    /// against them. A failure only logs and marks the function
    /// unreliable, checked no more; a dynptr argument checked is marked
    /// read, so this runs with the log off too.
    fn btf_check_static_call_612(&mut self, start: usize) {
        let prog = self.prog.clone();
        let Some(f) = prog.func_btf.iter().find(|f| f.start == start) else {
            return;
        };
        let Some(idx) = self.subprog_of_start(start) else {
            return;
        };
        if self.subprogs[idx].btf_unreliable {
            return;
        }
        let unreliable = |env: &mut Self| env.subprogs[idx].btf_unreliable = true;
        // btf_prepare_func_args()
        if f.params.len() > 5 || !f.ret_scalar {
            return unreliable(self);
        }
        let mut params = Vec::with_capacity(f.params.len());
        for i in 0..f.params.len() {
            if f.arg_tags.get(i).copied().unwrap_or(0) != 0 {
                self.verbose(&format!(
                    "arg#{i} type tag is not supported in static functions\n"
                ));
                return unreliable(self);
            }
            let (p, _) = tagged_param(f, i, self.rules.arg_tags, &prog);
            match p {
                Param::Scalar | Param::Ctx | Param::Dynptr => params.push(p),
                _ => return unreliable(self),
            }
        }
        // btf_check_func_arg_match(): its refusals are not the program's
        let events = self.trace.events.len();
        for (i, p) in params.iter().enumerate() {
            let regno = (i + 1) as u8;
            let reg = *self.reg(regno);
            let ok = match p {
                Param::Scalar => {
                    let ok = reg.ty == RegType::Scalar;
                    if !ok {
                        self.verbose(&format!("R{regno} is not a scalar\n"));
                    }
                    ok
                }
                Param::Ctx => {
                    if self
                        .check_func_arg_reg_off(&reg, regno, crate::func_proto::Arg::Anything)
                        .is_err()
                    {
                        false
                    } else if reg.ty != RegType::Ctx {
                        self.verbose(&format!("arg#{i} expects pointer to ctx\n"));
                        false
                    } else {
                        true
                    }
                }
                _ => {
                    let dynptr_arg = crate::func_proto::Arg::Dynptr {
                        ty: crate::func_proto::DynptrType::Any,
                        uninit: false,
                        release: false,
                    };
                    self.check_func_arg_reg_off(&reg, regno, dynptr_arg).is_ok()
                        && self.process_global_dynptr_arg(regno).is_ok()
                }
            };
            if !ok {
                self.trace.events.truncate(events);
                return unreliable(self);
            }
        }
    }

    /// 6.12's `btf_prepare_func_args()` for the main program (a global
    /// function with BTF): its parameters are sorted as a global
    /// function's, and the first one that cannot be is logged; the program
    /// is still verified with R1 = ctx (its BTF is only marked unreliable).
    pub fn btf_prepare_main_args(&mut self) {
        if self.rules.btf_static_arg_check || !self.log_on() {
            return;
        }
        let prog = self.prog.clone();
        let Some(f) = prog.func_btf.iter().find(|f| f.start == 0) else {
            return;
        };
        if let Some((_, msg)) = prepare_func_args_problem(f, self.rules.arg_tags, &prog) {
            self.verbose(&format!("{msg}\n"));
        }
    }

    /// `check_func_call()` of a global subprogram: the arguments against
    /// its prototype (`btf_check_subprog_call`), then it is skipped: it is
    /// verified on its own, and returns an unknown scalar.
    fn call_global_subprog(&mut self, target: usize, subprog: usize) -> VResult<()> {
        let prog = self.prog.clone();
        let Some(f) = prog.func_btf.iter().find(|f| f.start == target) else {
            return Ok(());
        };
        let v612 = self.rules.words_612;
        let invalid = |env: &mut Self| {
            let msg = if v612 {
                format!(
                    "Caller passes invalid args into func#{} ('{}')",
                    subprog, f.name
                )
            } else {
                format!("Caller passes invalid args into func#{}", subprog)
            };
            Err(env
                .fail(EINVAL, &msg)
                .because(crate::reason::Reason::ArgumentType { reg: None }))
        };
        // btf_check_subprog_call(): the arguments first (6.12 then asks
        // about locks, and only then refuses what this found)
        let args_ok = 'args: {
            // 6.12's btf_check_func_arg_match() first sorts the callee's
            // arguments (btf_prepare_func_args), which logs what it cannot
            if !self.rules.btf_static_arg_check {
                if let Some((_, msg)) = prepare_func_args_problem(f, self.rules.arg_tags, &prog) {
                    self.verbose(&format!("{msg}\n"));
                    break 'args false;
                }
            }
            if f.params.len() > 5 {
                self.verbose(&format!(
                    "Function {} has {} > 5 args\n",
                    f.name,
                    f.params.len()
                ));
                break 'args false;
            }
            for i in 0..f.params.len() {
                let (p, may_be_null) = tagged_param(f, i, self.rules.arg_tags, &prog);
                let regno = (i + 1) as u8;
                let reg = *self.reg(regno);
                match &p {
                    Param::Scalar => {
                        if reg.ty != RegType::Scalar {
                            self.verbose(&format!("R{} is not a scalar\n", regno));
                            break 'args false;
                        }
                    }
                    Param::Ctx => {
                        // every pointer argument is first a pointer in its
                        // original form where its type demands it
                        // (check_func_arg_reg_off: a moved context is refused)
                        if self
                            .check_func_arg_reg_off(&reg, regno, crate::func_proto::Arg::Anything)
                            .is_err()
                        {
                            break 'args false;
                        }
                        if reg.ty != RegType::Ctx {
                            let line = if v612 {
                                format!("arg#{i} expects pointer to ctx\n")
                            } else {
                                // btf_type_str() of the parameter: a pointer
                                format!("arg#{i} expected pointer to ctx, but got PTR\n")
                            };
                            self.verbose(&line);
                            break 'args false;
                        }
                    }
                    Param::Ptr {
                        unsized_pointee: None,
                        size,
                    } => {
                        // check_mem_reg(): NULL, or `size` bytes the callee
                        // may read and then write (a read-only map's value is
                        // refused: "write into map forbidden")
                        let is_null = reg.ty == RegType::Scalar
                            && reg.var_off.is_const()
                            && reg.var_off.value == 0;
                        let size = *size as u64;
                        if self
                            .check_func_arg_reg_off(&reg, regno, crate::func_proto::Arg::Anything)
                            .is_err()
                        {
                            break 'args false;
                        }
                        if !is_null
                            && (self
                                .helper_mem_access(regno, size, false, true, None)
                                .is_err()
                                || self
                                    .helper_mem_access(regno, size, true, true, None)
                                    .is_err())
                        {
                            break 'args false;
                        }
                        // __arg_nonnull
                        if !may_be_null && reg.maybe_null {
                            self.verbose(&format!("arg#{i} is expected to be non-NULL\n"));
                            break 'args false;
                        }
                    }
                    Param::Trusted { target, nullable } => {
                        if *nullable && reg.is_null_const() {
                            continue;
                        }
                        if self
                            .check_trusted_arg(regno, &reg, target, *nullable)
                            .is_err()
                        {
                            break 'args false;
                        }
                    }
                    Param::Dynptr => {
                        // check_func_arg_reg_off(ARG_PTR_TO_DYNPTR), then
                        // process_dynptr_func(ARG_PTR_TO_DYNPTR | MEM_RDONLY)
                        let dynptr_arg = crate::func_proto::Arg::Dynptr {
                            ty: crate::func_proto::DynptrType::Any,
                            uninit: false,
                            release: false,
                        };
                        if self
                            .check_func_arg_reg_off(&reg, regno, dynptr_arg)
                            .is_err()
                            || self.process_global_dynptr_arg(regno).is_err()
                        {
                            break 'args false;
                        }
                    }
                    Param::Arena => {
                        if !matches!(reg.ty, RegType::Arena | RegType::Scalar) {
                            self.verbose(&format!(
                                "R{regno} is not a pointer to arena or scalar.\n"
                            ));
                            break 'args false;
                        }
                    }
                    Param::Ptr { .. } | Param::Other(_) => {
                        self.verbose(&format!(
                            "reg type unsupported for arg#{} function {}#{}\n",
                            i, f.name, f.btf_id
                        ));
                        break 'args false;
                    }
                }
            }
            true
        };
        // 6.12: only static subprograms run under a lock (6.1 refuses any
        // call under one before this)
        if self.cur.active_lock_held {
            return Err(self
                .fail(
                    EINVAL,
                    "global function calls are not allowed while holding a lock,\nuse static function instead",
                )
                .because(crate::reason::Reason::LockMisuse));
        }
        // 6.12: only static subprograms run with preemption disabled
        if self.cur.active_preempt_lock > 0 {
            return Err(self
                .fail(
                    EINVAL,
                    "global function calls are not allowed with preemption disabled,\nuse static function instead",
                )
                .because(crate::reason::Reason::RcuMisuse));
        }
        if !args_ok {
            return invalid(self);
        }
        if self.log_global_func_lines() {
            let line = if v612 {
                format!(
                    "Func#{} ('{}') is global and assumed valid.\n",
                    subprog, f.name
                )
            } else {
                format!("Func#{} is global and valid. Skipping.\n", subprog)
            };
            self.verbose(&line);
        }
        // 6.12: a global function that may move the packet leaves the
        // caller's packet pointers stale
        if v612 {
            if self.changes_pkt_data.is_none() {
                self.changes_pkt_data = Some(self.subprogs_changing_pkt_data());
            }
            if self
                .changes_pkt_data
                .as_ref()
                .is_some_and(|c| c.get(subprog).copied().unwrap_or(false))
            {
                self.clear_all_pkt_pointers();
            }
        }
        if let Some(c) = self.global_called.get_mut(subprog) {
            *c = true;
        }
        // clear_caller_saved_regs(), then R0 an unknown 64-bit scalar
        for r in 0..=5u8 {
            self.reg_mut(r).mark_not_init();
            self.mark_reg_scratched(r as usize);
            self.reg_mut(r).live |= crate::regs::LIVE_WRITTEN;
        }
        self.reg_mut(0).mark_unknown();
        Ok(())
    }

    /// The callee frame of a helper's callback (`set_*_callback_state`).
    fn callback_frame(
        &mut self,
        callsite: usize,
        subprog: usize,
        kind: CallbackKind,
        meta: &ArgMeta,
        frameno: u8,
    ) -> FuncState {
        let mut callee = FuncState::new(callsite as i32, frameno, subprog as u16);
        let caller = self.cur.cur().clone();
        match kind {
            CallbackKind::Loop => {
                callee.regs[1].ty = RegType::Scalar;
                callee.regs[2] = caller.regs[3];
            }
            CallbackKind::ForEachMapElem => {
                let map = meta.map.unwrap_or(0);
                callee.regs[1] = caller.regs[1];
                callee.regs[2].mark_known_zero_ptr(RegType::MapKey);
                callee.regs[2].aux = map;
                callee.regs[3].mark_known_zero_ptr(RegType::MapValue);
                callee.regs[3].aux = map;
                callee.regs[4] = caller.regs[3];
            }
            CallbackKind::FindVma => {
                // (callback_fn)(struct task_struct *task, struct
                // vm_area_struct *vma, void *callback_ctx): the caller's
                // task, a (plain) pointer to the VMA, the caller's context
                callee.regs[1] = caller.regs[1];
                let vma = self
                    .prog
                    .kernel_btf
                    .as_ref()
                    .and_then(|k| k.btf.find(crate::btf::KIND_STRUCT, "vm_area_struct"));
                callee.regs[2].mark_known_zero_ptr(RegType::BtfId);
                callee.regs[2].aux = crate::btf_access::BtfPtr::new(vma.unwrap_or(0), 0).0;
                callee.regs[3] = caller.regs[4];
            }
            CallbackKind::TimerAsync => {
                let map = meta.map.unwrap_or(0);
                callee.regs[1].mark_known_zero_ptr(RegType::ConstPtrToMap);
                callee.regs[1].aux = map;
                callee.regs[2].mark_known_zero_ptr(RegType::MapKey);
                callee.regs[2].aux = map;
                callee.regs[3].mark_known_zero_ptr(RegType::MapValue);
                callee.regs[3].aux = map;
                // 6.12.95 leaves the callback's map_uid 0, as 6.1 (later
                // 6.12 releases copy the inner map's)
            }
            CallbackKind::UserRingbuf => {
                // callback_fn(const struct bpf_dynptr *dynptr, void *ctx):
                // a local dynptr of the sample (6.12: mark_dynptr_cb_reg(),
                // with an id of its own)
                let r1 = &mut callee.regs[1];
                r1.mark_known_zero_ptr(RegType::ConstPtrToDynptr);
                r1.dynptr = crate::dynptr::DynptrSlot {
                    kind: crate::dynptr::DynptrKind::Local,
                    first_slot: self.rules.helpers_612,
                };
                if self.rules.helpers_612 {
                    callee.regs[1].id = self.new_id();
                }
                callee.regs[2] = caller.regs[3];
            }
            CallbackKind::RbtreeLess {
                value_btf_id,
                node_offset,
            } => {
                // mark_reg_graph_node() + ref_set_non_owning() of both
                // (RCU-protected too when the struct is reference counted)
                let refcounted = self.prog.obj_btf.as_ref().is_some_and(|b| {
                    crate::btf_record::struct_meta(b, value_btf_id)
                        .ok()
                        .flatten()
                        .is_some_and(|r| r.refcount_off().is_some())
                });
                let mut flags = crate::btf_access::ALLOC | crate::btf_access::NON_OWN;
                if refcounted {
                    flags |= crate::btf_access::RCU;
                }
                for r in [1, 2] {
                    let reg = &mut callee.regs[r];
                    reg.mark_known_zero_ptr(RegType::BtfId);
                    reg.aux = crate::btf_access::BtfPtr::new(value_btf_id, flags).0;
                    reg.off = node_offset as i32;
                }
            }
            CallbackKind::None => {}
        }
        if kind == CallbackKind::TimerAsync {
            callee.in_async_callback_fn = true;
            callee.callback_ret_min = 0;
            callee.callback_ret_max = 0;
        } else {
            callee.in_callback_fn = true;
            callee.callback_ret_min = 0;
            callee.callback_ret_max = 1;
        }
        callee
    }

    /// A new frame (a called function's or a callback's) must fit under
    /// the 8-frame limit.
    fn check_call_depth(&mut self) -> VResult<()> {
        if self.cur.curframe() + 1 >= MAX_CALL_FRAMES {
            let n = self.cur.curframe() + 2;
            return Err(self
                .fail(
                    E2BIG,
                    &format!("the call stack of {} frames is too deep", n),
                )
                .because(crate::reason::Reason::CallDepth { frames: n }));
        }
        Ok(())
    }

    /// A helper that calls a callback synchronously (`bpf_loop`,
    /// `bpf_for_each_map_elem`): 6.1 walks the body once, inline; 6.7 pushes
    /// a state that enters it and goes on after the call.
    pub fn check_sync_callback(
        &mut self,
        callsite: usize,
        subprog: usize,
        kind: CallbackKind,
        meta: &ArgMeta,
    ) -> VResult<()> {
        // 6.1 checks the depth first (__check_func_call); 6.12 when it pushes
        // the callback (push_callback_call), after bpf_loop's R1 precision
        if !self.rules.callbacks_iterate {
            self.check_call_depth()?;
        }
        let start = self.subprogs.get(subprog).map(|s| s.start).unwrap_or(0);
        let frameno = (self.cur.curframe() + 1) as u8;
        // push_callback_call()
        if let Some(s) = self.subprogs.get_mut(subprog) {
            s.is_cb = true;
        }

        if self.rules.callbacks_iterate {
            if kind == CallbackKind::Loop {
                // 6.12.95 takes any R1 (ARG_ANYTHING) and then asks for its
                // precision: a pointer trips __mark_chain_precision()'s
                // "backtracing misuse" WARN, EFAULT with nothing logged
                if self.reg(1).ty != RegType::Scalar {
                    return Err(self.fail_unworded(EFAULT, Reason::KernelWarning));
                }
                self.mark_chain_precision(1);
                let umax = self.reg(1).umax;
                if (self.cur.cur().callback_depth as u64) >= umax {
                    self.cur.cur_mut().callback_depth = 0;
                    if self.level2() {
                        let f = self.cur.curframe();
                        self.verbose(&format!("frame{} bpf_loop iteration limit reached\n", f));
                    }
                    return Ok(());
                }
            }
            // push_callback_call(): the callback entry waits on the worklist
            // 6.7 does not clear the caller's R1-R5 in the pushed state: the
            // callback returns to the call itself, which is checked again
            self.check_call_depth()?;
            let mut callee = self.callback_frame(callsite, subprog, kind, meta, frameno);
            callee.refs = self.cur.cur().refs.clone();
            let mut st: VerifierState = self.cur.clone();
            let cf = st.curframe();
            // (6.12 prints the entry state without write marks: the new
            // frame has no parent to screen reads from)
            if !self.rules.words_612 {
                for r in callee.regs.iter_mut().take(6) {
                    if r.is_init() {
                        r.live |= crate::regs::LIVE_WRITTEN;
                    }
                }
            }
            st.frames.push(callee);
            st.callback_unroll_depth += 1;
            st.frames[cf].callback_depth += 1;
            self.cur.cur_mut().callback_depth = 0;
            // setup_func_entry()'s init_func_state() marks every register
            // and slot scratched: the call's line prints the whole frame
            self.mark_all_scratched();
            self.push_state(st, start, callsite, crate::env::ENOMEM)?;
            self.event(EventKind::Push, callsite as u32, start as u32);
            return Ok(());
        }

        let mut callee = self.callback_frame(callsite, subprog, kind, meta, frameno);
        callee.refs = self.cur.cur().refs.clone();
        let caller_frame = self.cur.curframe();
        // clear_caller_saved_regs() runs before the states are printed
        for r in 0..=5usize {
            // clear_caller_saved_regs(): check_reg_arg(DST_OP_NO_MARK) runs
            // while the caller is still the current frame
            let reg = &mut self.cur.frames[caller_frame].regs[r];
            reg.mark_not_init();
            reg.live |= crate::regs::LIVE_WRITTEN;
        }
        self.cur.frames.push(callee);
        self.callback_caller_frame = Some(caller_frame);
        self.mark_all_scratched();
        self.insn_idx = start.wrapping_sub(1);
        self.event(EventKind::CallbackEnter, callsite as u32, frameno as u32);
        if self.log_insns() {
            self.verbose("caller:\n");
            let caller = self.cur.frames[caller_frame].clone();
            self.print_func_state(&caller);
            self.verbose("callee:\n");
            let c = self.cur.frames[caller_frame + 1].clone();
            self.print_func_state(&c);
        }
        self.mark_all_scratched();
        Ok(())
    }

    /// `bpf_timer_set_callback` and (6.12) `bpf_wq_set_callback_impl`: a
    /// brand-new state for the async callback is pushed (a workqueue's
    /// runs in process context: `sleepable`); the caller goes on.
    pub fn check_async_callback(
        &mut self,
        callsite: usize,
        subprog: usize,
        meta: &ArgMeta,
        sleepable: bool,
    ) -> VResult<()> {
        let start = self.subprogs.get(subprog).map(|s| s.start).unwrap_or(0);
        if let Some(s) = self.subprogs.get_mut(subprog) {
            s.is_async_cb = true;
            s.is_cb = true;
        }
        let mut callee = self.callback_frame(
            crate::state::BPF_MAIN_FUNC as usize,
            subprog,
            CallbackKind::TimerAsync,
            meta,
            0,
        );
        callee.callsite = crate::state::BPF_MAIN_FUNC;
        callee.async_entry_cnt = self.cur.cur().async_entry_cnt + 1;
        // push_async_cb(): a brand-new state, not a copy (no parent)
        let st = VerifierState {
            frames: vec![callee],
            parent: None,
            speculative: false,
            active_spin_lock: 0,
            active_lock_held: false,
            active_lock_map: 0,
            active_rcu_lock: false,
            active_preempt_lock: 0,
            in_sleepable: sleepable,
            callback_unroll_depth: 0,
            may_goto_depth: 0,
            loop_entry: None,
            dfs_depth: 0,
            first_insn_idx: 0,
            last_insn_idx: 0,
            jmp_history: Vec::new(),
        };
        self.push_state(st, start, callsite, crate::env::EFAULT)?;
        self.event(EventKind::AsyncPush, callsite as u32, start as u32);
        // init_func_state() of the new frame marks everything scratched
        self.mark_all_scratched();
        Ok(())
    }

    /// `prepare_func_exit()`: return to the caller.
    pub fn prepare_func_exit(&mut self) -> VResult<()> {
        let callee = self.cur.cur().clone();
        let r0 = callee.regs[0];
        if r0.ty == RegType::Stack {
            return Err(self
                .fail(EINVAL, "cannot return stack pointer to the caller")
                .because(crate::reason::Reason::StackPointerEscape));
        }
        let caller_idx = self.cur.curframe() - 1;
        if callee.in_callback_fn {
            if r0.ty != RegType::Scalar {
                return Err(self.fail(EACCES, "R0 not a scalar value").because(
                    crate::reason::Reason::CallbackReturnRange {
                        min: callee.callback_ret_min,
                        max: callee.callback_ret_max,
                    },
                ));
            }
            self.mark_cur_reg_read(0, LIVE_READ64);
            self.mark_chain_precision(0);
            let (lo, hi) = (callee.callback_ret_min, callee.callback_ret_max);
            let range = crate::tnum::Tnum::range(lo as u64, hi as u64);
            if !range.contains(r0.var_off) {
                let msg = self.invalid_scalar_msg(&r0, lo, hi, "At callback return", "R0");
                return Err(self
                    .fail(EINVAL, &msg)
                    .because(crate::reason::Reason::CallbackReturnRange { min: lo, max: hi }));
            }
            if self.rules.copy_refs_back_from_callback {
                self.cur.frames[caller_idx].refs = callee.refs.clone();
            }
        } else {
            self.cur.frames[caller_idx].regs[0] = r0;
            // references travel back from plain subprograms
            self.cur.frames[caller_idx].refs = callee.refs.clone();
        }
        let next = if callee.in_callback_fn && self.rules.callbacks_iterate {
            callee.callsite as usize
        } else {
            callee.callsite as usize + 1
        };
        self.insn_idx = next;
        if self.log_insns() {
            self.verbose("returning from callee:\n");
            self.print_func_state(&callee);
            self.verbose(&format!("to caller at {}:\n", next));
            let caller = self.cur.frames[caller_idx].clone();
            self.print_func_state(&caller);
        }
        self.cur.frames.pop();
        self.event(EventKind::Return, next as u32, caller_idx as u32);
        if callee.in_callback_fn && self.rules.callbacks_iterate {
            self.widen_imprecise_scalars(next);
        }
        Ok(())
    }

    /// The text of `verbose_invalid_scalar()` for the modelled kernel.
    pub fn invalid_scalar_msg(
        &self,
        reg: &crate::regs::RegState,
        lo: i64,
        hi: i64,
        ctx: &str,
        name: &str,
    ) -> String {
        if self.rules.callbacks_iterate {
            // 6.12 wording (the kernel the 6.7 mode is checked against)
            let mut s = format!("{} the register {} has", ctx, name);
            let mut unknown = true;
            if reg.smin > i64::MIN {
                s.push_str(&format!(" smin={}", reg.smin));
                unknown = false;
            }
            if reg.smax < i64::MAX {
                s.push_str(&format!(" smax={}", reg.smax));
                unknown = false;
            }
            if unknown {
                s.push_str(" unknown scalar value");
            }
            s.push_str(&format!(" should have been in [{}, {}]", lo, hi));
            return s;
        }
        let range = crate::tnum::Tnum::range(lo as u64, hi as u64);
        let range_s = crate::log::tnum_str(range.value, range.mask);
        if !reg.var_off.is_unknown() {
            format!(
                "{} the register {} has value {} should have been in {}",
                ctx,
                name,
                crate::log::tnum_str(reg.var_off.value, reg.var_off.mask),
                range_s
            )
        } else {
            format!(
                "{} the register {} has unknown scalar value should have been in {}",
                ctx, name, range_s
            )
        }
    }

    /// The range `check_return_code()` enforces on R0 at the main exit,
    /// for the program types that have one.
    fn return_range(&self) -> Option<(u64, u64)> {
        use crate::program::{AttachType as A, ProgType as P};
        let attach = self.prog.expected_attach_type;
        match self.prog.prog_type {
            P::CgroupSkb if attach == Some(A::CgroupInetEgress) => Some((0, 3)),
            P::CgroupSkb
            | P::SockOps
            | P::CgroupSock
            | P::CgroupSockopt
            | P::CgroupDevice
            | P::CgroupSysctl
            // SK_DROP, SK_PASS
            | P::SkLookup
            // NF_DROP, NF_ACCEPT
            | P::Netfilter => Some((0, 1)),
            // fentry and fexit return 0; fmod_ret and tp_btf anything
            P::Tracing if matches!(attach, Some(A::TraceFentry | A::TraceFexit)) => Some((0, 0)),
            P::Tracing if attach == Some(A::TraceIter) => Some((0, 1)),
            // a cgroup LSM program allows or denies; on a void hook it may
            // not change the (absent) return value
            P::Lsm if attach == Some(A::LsmCgroup) => {
                Some(if self.hook_returns_void() { (1, 1) } else { (0, 1) })
            }
            P::CgroupSockAddr => Some(match attach {
                Some(a) if a.reports_an_address() => (1, 1),
                Some(A::Inet4Bind | A::Inet6Bind) => (0, 3),
                _ => (0, 1),
            }),
            _ => None,
        }
    }

    /// Is the program a struct_ops member or an LSM program whose
    /// prototype returns void (`!prog->aux->attach_func_proto->type`)?
    /// A cgroup LSM program's hook is asked by the caller.
    pub(crate) fn hook_returns_void(&self) -> bool {
        use crate::program::ProgType as P;
        if !matches!(self.prog.prog_type, P::StructOps | P::Lsm) {
            return false;
        }
        self.prog
            .attach_btf
            .as_ref()
            .is_some_and(|a| a.kernel.btf.get(a.proto).is_ok_and(|p| p.size_or_type == 0))
    }

    /// A cgroup LSM program (`BPF_LSM_CGROUP`) on a void hook: it returns
    /// 1 and may not set a return value.
    pub(crate) fn lsm_cgroup_on_void_hook(&self) -> bool {
        self.prog.expected_attach_type == Some(crate::program::AttachType::LsmCgroup)
            && self.hook_returns_void()
    }

    /// 6.12's `get_func_retval_range()` for an LSM program: None for a
    /// void hook (any value), [0, 1] for the bool hooks, else [-4095, 0].
    pub(crate) fn lsm_retval_range_612(&self) -> Option<(i64, i64)> {
        if !self.rules.lsm_retval_range
            || self.prog.prog_type != crate::program::ProgType::Lsm
            || self.prog.expected_attach_type == Some(crate::program::AttachType::LsmCgroup)
        {
            return None;
        }
        let a = self.prog.attach_btf.as_ref()?;
        let proto = a.kernel.btf.get(a.proto).ok()?;
        if proto.size_or_type == 0 {
            return None;
        }
        // bool_lsm_hooks
        if matches!(
            a.tname.as_str(),
            "bpf_lsm_audit_rule_known" | "bpf_lsm_inode_xattr_skipcap"
        ) {
            return Some((0, 1));
        }
        Some((-4095, 0))
    }

    /// `check_return_code()` at the `exit` of frame 0.
    pub fn check_return_code(&mut self) -> VResult<()> {
        self.check_return_code_of(0)
    }

    /// `check_return_code()` on register `regno`: R0 at the `exit` of frame
    /// 0, R1 (the cookie) at a `bpf_throw()` of a program without an
    /// exception callback (6.12). The rules are frame 0's, whichever frame
    /// the code runs in.
    pub fn check_return_code_of(&mut self, regno: u8) -> VResult<()> {
        let f = self.cur.frames[0].clone();
        let reg_name = format!("R{regno}");
        let is_subprog = f.subprog != 0;
        if f.in_async_callback_fn {
            // async callbacks must return 0
            if !self.reg(regno).is_init() {
                return Err(self.fail(EACCES, &format!("{reg_name} !read_ok")).because(
                    crate::reason::Reason::Uninitialized {
                        reg: Some(regno),
                        stack_off: None,
                    },
                ));
            }
            self.mark_cur_reg_read(regno as usize, LIVE_READ64);
            let r = *self.reg(regno);
            if r.ty != RegType::Scalar {
                let t = self.reg_type_name(&r);
                return Err(self.fail(
                    EINVAL,
                    &if self.rules.words_612 {
                        format!(
                            "At async callback return the register {reg_name} is not a known value ({t})"
                        )
                    } else {
                        format!("In async callback the register {reg_name} is not a known value ({t})")
                    },
                ));
            }
            if self.rules.precision_612 {
                // 6.12's check_return_code() marks the register precise
                // before its range check (enforce_retval)
                self.mark_chain_precision(regno);
            }
            let range = crate::tnum::Tnum::konst(0);
            if !range.contains(r.var_off) {
                // 6.12 says "At async callback return"
                let what = if self.rules.words_612 {
                    "At async callback return"
                } else {
                    "At async callback"
                };
                let msg = self.invalid_scalar_msg(&r, 0, 0, what, &reg_name);
                return Err(self
                    .fail(EINVAL, &msg)
                    .because(crate::reason::Reason::CallbackReturnRange { min: 0, max: 0 }));
            }
            return Ok(());
        }
        // a struct_ops member or LSM hook returning void: nothing to
        // check, R0 may be unset (check_return_code()); not so for a
        // cgroup LSM program, which returns 1 there. An exception
        // callback answers for the program.
        let as_program = !is_subprog || f.in_exception_callback_fn;
        let lsm_cgroup =
            self.prog.expected_attach_type == Some(crate::program::AttachType::LsmCgroup);
        if as_program && !lsm_cgroup && self.hook_returns_void() {
            return Ok(());
        }
        // the register must be readable; sched_cls, xdp, socket_filter
        // take any value
        self.check_reg_src(regno, true)?;
        if !as_program {
            // a global subprogram returns a scalar
            let r = *self.reg(regno);
            if r.ty != RegType::Scalar {
                let t = self.reg_type_name(&r);
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "At subprogram exit the register {reg_name} is not a scalar value ({t})"
                    ),
                ));
            }
            return Ok(());
        }
        // check_return_code(): cgroup programs return 0 or 1, some hooks
        // more, some only 1; 6.12's LSM hooks returning int 0 or -errno (a
        // bool hook 0 or 1), checked on the 32-bit value
        let (range, on_s32) = match self.lsm_retval_range_612() {
            Some(r) => (Some(r), true),
            None => (
                self.return_range().map(|(lo, hi)| (lo as i64, hi as i64)),
                false,
            ),
        };
        if let Some((min, max)) = range {
            let r = *self.reg(regno);
            if r.ty != RegType::Scalar {
                let t = self.reg_type_name(&r);
                return Err(self.fail(
                    EINVAL,
                    &format!("At program exit the register {reg_name} is not a known value ({t})"),
                ));
            }
            if self.rules.precision_612 {
                self.mark_chain_precision(regno);
            }
            let within = if on_s32 {
                min <= r.s32_min as i64 && r.s32_max as i64 <= max
            } else {
                crate::tnum::Tnum::range(min as u64, max as u64).contains(r.var_off)
            };
            if !within {
                let msg = self.invalid_scalar_msg(&r, min, max, "At program exit", &reg_name);
                if self.lsm_cgroup_on_void_hook() {
                    self.verbose(&format!("{msg}\n"));
                    return Err(self.fail(
                        EINVAL,
                        "Note, BPF_LSM_CGROUP that attach to void LSM hooks can't modify return value!",
                    ));
                }
                return Err(self.fail(EINVAL, &msg));
            }
        }
        Ok(())
    }

    /// `check_kfunc_call()`: the test kfuncs, and the kernel functions of
    /// the modelled kernel's BTF that [`crate::kfuncs::allowed`] lists.
    pub fn check_kfunc_call(&mut self, insn: &Insn) -> VResult<()> {
        // "skip for now, but return error when we find this in
        // fixup_kfunc_call": nothing happens to any register
        if insn.imm == 0 {
            return Ok(());
        }
        if let Some(name) = self.kernel_kfunc_name(insn.imm) {
            return self.check_kernel_kfunc_call(insn.imm, &name);
        }
        let Some(kidx) = crate::kfuncs::KFUNCS
            .iter()
            .position(|k| k.btf_id == insn.imm)
        else {
            let id = insn.imm;
            return Err(self
                .fail(
                    EACCES,
                    &format!("calling kernel function btf_id {} is not allowed", id),
                )
                .because(crate::reason::Reason::KfuncNotAllowed { btf_id: id }));
        };
        let k = crate::kfuncs::KFUNCS[kidx];
        // net/bpf/test_run.c registers bpf_prog_test_kfunc_set for these
        // three types (6.1 and 6.12 alike)
        if !matches!(
            self.prog.prog_type,
            crate::program::ProgType::SchedCls
                | crate::program::ProgType::Tracing
                | crate::program::ProgType::Syscall
        ) {
            return Err(self
                .fail(
                    EACCES,
                    &format!("calling kernel function {} is not allowed", k.name),
                )
                .because(crate::reason::Reason::KfuncNotAllowed { btf_id: k.btf_id }));
        }
        let insn_idx = self.insn_idx;
        let release_ref = if k.flags.kptr_get {
            self.check_kptr_get_arg(&k)?;
            0
        } else {
            self.check_test_kfunc_arg(&k)?
        };
        if release_ref != 0 && self.release_reference(release_ref).is_err() {
            let reason = self.not_acquired_reason(release_ref);
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "kfunc {}#{} reference has not been acquired before",
                        k.name, k.btf_id
                    ),
                )
                .because(reason));
        }
        for r in 0..=5u8 {
            self.reg_mut(r).mark_not_init();
        }
        if k.flags.acquire {
            let r0 = self.reg_mut(0);
            r0.mark_known_zero_ptr(RegType::BtfId);
            r0.aux = kidx as u32;
            r0.maybe_null = k.flags.ret_null;
            if k.flags.ret_null {
                let id = self.new_id();
                self.reg_mut(0).id = id;
            }
            self.reg_mut(0).live |= crate::regs::LIVE_WRITTEN;
            let id = self.acquire_reference_state(insn_idx);
            let r0 = self.reg_mut(0);
            r0.id = id;
            r0.ref_obj_id = id;
        }
        // mark_btf_func_reg_size(): the argument is read as 64 bits
        self.mark_cur_reg_read(1, crate::regs::LIVE_READ64);
        Ok(())
    }
}

impl Env {
    /// 6.1's `btf_check_kfunc_arg_match()` for a test kfunc's first
    /// argument (acquire: 8 readable bytes; release: its referenced
    /// object): the reference to release, if any.
    fn check_test_kfunc_arg(&mut self, k: &crate::kfuncs::Kfunc) -> VResult<u32> {
        // btf_check_kfunc_arg_match() reads the arguments without
        // check_reg_arg(): an uninitialised one (unknown var_off, as
        // __mark_reg_not_init() leaves it) fails check_func_arg_reg_off()
        // as `variable ? access`, before its type is looked at
        if !self.reg(1).is_init() {
            let r1 = *self.reg(1);
            self.check_func_arg_reg_off(&r1, 1, crate::func_proto::Arg::Anything)?;
        }
        if k.flags.release {
            let r1 = *self.reg(1);
            // anything but a kernel object is taken as memory, which a
            // struct with a pointer member is not
            let sock = reg2btf_sock(r1.ty);
            if !is_kernel_object_61(&r1) {
                // btf_check_kfunc_arg_match() names the parameter's struct
                return Err(self
                    .fail(
                        EINVAL,
                        &format!(
                    "arg#0 pointer type STRUCT {} must point to scalar, or struct with scalar",
                    k.struct_name
                ),
                    )
                    .because(crate::reason::Reason::ArgumentType { reg: Some(1) }));
            }
            // btf_check_func_arg_match(): every pointer argument's offsets,
            // a referenced one's as a release argument's
            let at = if r1.ref_obj_id != 0 {
                crate::func_proto::Arg::ReleaseBtfIdOrNull
            } else {
                crate::func_proto::Arg::Anything
            };
            self.check_func_arg_reg_off(&r1, 1, at)?;
            // btf_struct_ids_match() of the argument's struct with the
            // parameter's: the struct itself at offset 0 when referenced
            // (strict), else found by walking into it from the offset
            let want = k.struct_name;
            let (have, same) = match (
                sock,
                crate::btf_access::BtfPtr::of(r1.aux),
                self.prog.kernel_btf.as_ref(),
            ) {
                // a socket's struct holds no test kfunc's struct
                (Some(s), _, _) => (s.to_string(), false),
                (None, Some(p), Some(kb)) => {
                    let have = kb
                        .btf
                        .get(p.id())
                        .map(|t| t.name.clone())
                        .unwrap_or_default();
                    let same = if r1.ref_obj_id != 0 {
                        r1.off == 0 && have == want
                    } else {
                        crate::btf_access::struct_ids_match(
                            &kb.btf,
                            p.id(),
                            r1.off as i64,
                            want,
                            false,
                        )
                        .0
                    };
                    (have, same)
                }
                _ => {
                    // a test kfunc's own struct, which holds no struct of
                    // its type: from any other offset the walk finds none
                    let have = crate::kfuncs::KFUNCS
                        .get(r1.aux as usize)
                        .map_or("unknown", |k| k.struct_name);
                    (have.to_string(), r1.off == 0 && have == want)
                }
            };
            if !same {
                return Err(self.kfunc_struct_mismatch(k.name, 0, want, 1, &have));
            }
            if r1.ref_obj_id == 0 {
                // after the argument loop of btf_check_func_arg_match()
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "release kernel function {} expects refcounted PTR_TO_BTF_ID",
                        k.name
                    ),
                ));
            }
            Ok(r1.ref_obj_id)
        } else {
            // acquire(unsigned long *scalar_ptr), as btf_check_func_arg_match()
            // takes a pointer to a scalar: the offsets (ARG_DONTCARE), a
            // kernel object refused for want of a struct, else 8 bytes of
            // memory, read and written (check_mem_reg(), whose failure the
            // caller turns into EINVAL)
            let r1 = *self.reg(1);
            self.check_func_arg_reg_off(&r1, 1, crate::func_proto::Arg::Anything)?;
            // a pointer that is no kernel object (one that may be NULL, or
            // has another flag) is taken as memory, and refused there
            if is_kernel_object_61(&r1) {
                return Err(self
                    .fail(
                        EINVAL,
                        &format!(
                            "kernel function {} args#0 pointer type INT long unsigned int is not supported",
                            k.name
                        ),
                    )
                    .because(crate::reason::Reason::ArgumentType { reg: Some(1) }));
            }
            self.check_mem_reg(1, &r1, 8).map_err(|mut e| {
                e.errno = EINVAL;
                e
            })?;
            Ok(0)
        }
    }

    /// 6.1's `btf_check_kfunc_arg_match()` for a `KF_KPTR_GET` kfunc's
    /// first argument: after `check_func_arg_reg_off()`, a map value (not
    /// NULL) at a constant offset holding a referenced kptr of the struct
    /// the parameter's double pointer names.
    fn check_kptr_get_arg(&mut self, k: &crate::kfuncs::Kfunc) -> VResult<()> {
        let r1 = *self.reg(1);
        let because = crate::reason::Reason::ArgumentType { reg: Some(1) };
        // the argument as any kfunc argument (ARG_DONTCARE)
        self.check_func_arg_reg_off(&r1, 1, crate::func_proto::Arg::Anything)?;
        if r1.ty != RegType::MapValue || r1.maybe_null {
            return Err(self
                .fail(EINVAL, "arg#0 expected pointer to map value")
                .because(because));
        }
        if !r1.var_off.is_const() {
            return Err(self
                .fail(EINVAL, "arg#0 must have constant offset")
                .because(because));
        }
        let off = (r1.off as i64 as u64).wrapping_add(r1.var_off.value);
        let field = self
            .map_kptr_at(r1.aux, off as i64)
            .filter(|(kind, _)| *kind == crate::program::KptrKind::Ref);
        let Some((_, field)) = field else {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("arg#0 no referenced kptr at map value offset={off}"),
                )
                .because(because));
        };
        // btf_struct_ids_match(.., strict): the kptr's own struct
        if field.target != k.struct_name {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "kernel function {} args#0 expected pointer to STRUCT {}",
                        k.name, k.struct_name
                    ),
                )
                .because(because));
        }
        Ok(())
    }

    /// `release_reference()` of a kfunc's argument, in the kernel's words
    /// when the reference is not held.
    fn release_kfunc_reference(&mut self, name: &str, id: i32, ref_obj_id: u32) -> VResult<()> {
        if self.release_reference(ref_obj_id).is_err() {
            let reason = self.not_acquired_reason(ref_obj_id);
            return Err(self
                .fail(
                    EINVAL,
                    &format!("kfunc {name}#{id} reference has not been acquired before"),
                )
                .because(reason));
        }
        Ok(())
    }

    /// `is_bpf_throw_kfunc()`.
    pub(crate) fn is_bpf_throw_kfunc(&self, insn: &Insn) -> bool {
        self.rules.exceptions
            && insn.is_kfunc_call()
            && insn.off == 0
            && self.kernel_kfunc_name(insn.imm).as_deref() == Some("bpf_throw")
    }

    /// The name of the kernel FUNC a kfunc call's `imm` is, in the
    /// modelled kernel's BTF (not a test kfunc of the table).
    pub(crate) fn kernel_kfunc_name(&self, imm: i32) -> Option<String> {
        if crate::kfuncs::by_btf_id(imm).is_some() {
            return None;
        }
        let k = self.prog.kernel_btf.as_ref()?;
        let t = k.btf.get(u32::try_from(imm).ok()?).ok()?;
        (t.kind == crate::btf::KIND_FUNC).then(|| t.name.clone())
    }

    /// `check_kfunc_call()` of a kernel function of the modelled kernel's
    /// own sets ([`crate::kfuncs::KERNEL_KFUNCS`]): allowed for the program
    /// type, its arguments against its BTF prototype (6.1's
    /// `btf_check_kfunc_arg_match`, 6.12's `check_kfunc_args`, which differ
    /// in order and words), the release of its referenced argument, then
    /// R0-R5 clobbered and R0 what it returns (a kernel struct pointer,
    /// referenced and maybe NULL as its flags say).
    fn check_kernel_kfunc_call(&mut self, id: i32, name: &str) -> VResult<()> {
        use crate::btf::{KIND_FUNC_PROTO, KIND_INT, KIND_PTR};
        use crate::btf_access::BtfPtr;
        let v612 = self.rules.kfuncs_612;
        let insn_idx = self.insn_idx;
        // a __weak kfunc extern veristep does not model, which this kernel
        // has (a missing one was poisoned by the loader)
        if crate::kfuncs::kernel_kfunc(name).is_none() {
            return Err(self
                .fail(
                    crate::env::ENOTSUPP,
                    &format!("kernel function {name} is not modelled by veristep"),
                )
                .because(crate::reason::Reason::Other));
        }
        let allowed = crate::kfuncs::kernel_kfunc(name).copied().filter(|k| {
            crate::kfuncs::allowed(k, self.prog.prog_type, self.prog.expected_attach_type, v612)
        });
        let Some(mut k) = allowed else {
            return Err(self.fail(
                EACCES,
                &format!("calling kernel function {name} is not allowed"),
            ));
        };
        // 6.12 asks before the arguments (6.1 after them)
        if v612 && k.sleepable && !self.in_sleepable() {
            return Err(self.fail(
                EACCES,
                &format!("program must be sleepable to call sleepable kfunc {name}"),
            ));
        }
        let Some(kernel) = self.prog.kernel_btf.clone() else {
            return Err(self.fail(EACCES, "the kernel's BTF is not given"));
        };
        let btf = &kernel.btf;
        let proto = btf
            .get(id as u32)
            .ok()
            .and_then(|f| btf.get(f.size_or_type).ok())
            .filter(|p| p.kind == KIND_FUNC_PROTO)
            .cloned();
        let Some(proto) = proto else {
            return Err(self.fail(EINVAL, &format!("Invalid BTF of func {name}")));
        };
        let skip = |t: u32| {
            btf.skip_mods(t)
                .ok()
                .and_then(|t| btf.get(t).ok().map(|x| (t, x)))
        };
        // the referenced argument a release function releases, memory the
        // kfunc returns (`r0_size`), the referenced argument's id, an
        // open-coded iterator's state (process_iter_arg's meta->iter)
        let mut special_ret: Option<(u32, u32)> = None;
        // bpf_dynptr_slice(_rdwr): (size, dynptr, read-only)
        let mut dynptr_slice = None;
        // an allocated object R0 points to (bpf_obj_new, a list's pop),
        // and where in it
        let mut alloc_ret: Option<(BtfPtr, i32)> = None;
        // the list head of a push (its node argument becomes non-owning)
        let mut graph_push = false;
        let (ref_regno, r0_mem, arg_ref_obj_id, iter_arg) = if v612 {
            // 6.12: check_kfunc_args() (the kernel's own sets only: its
            // vmlinux has no test kfuncs)
            let m = self.check_kfunc_args_612(name, &k, &proto, &kernel)?;
            self.rcu_kfunc_call(name, k.sleepable)?;
            self.preempt_kfunc_call(name, k.sleepable)?;
            // the special kfuncs' return types (check_kfunc_call())
            if let Some(id) = m.kern_ctx {
                special_ret = Some((id, crate::btf_access::TRUSTED));
            }
            if name == "bpf_rdonly_cast" {
                let id = m
                    .arg_constant
                    .and_then(|v| u32::try_from(v).ok())
                    .unwrap_or(0);
                // btf_type_is_struct(): a struct or a union
                if !btf.get(id).is_ok_and(|t| t.is_composite()) {
                    return Err(self
                        .fail(
                            EINVAL,
                            "kfunc bpf_rdonly_cast type ID argument must be of a struct",
                        )
                        .because(crate::reason::Reason::ArgumentType { reg: Some(2) }));
                }
                special_ret = Some((id, crate::btf_access::UNTRUSTED));
            }
            if name == "bpf_dynptr_slice" || name == "bpf_dynptr_slice_rdwr" {
                let rdonly = name == "bpf_dynptr_slice";
                if !rdonly && !self.may_write_pkt_data() {
                    return Err(self
                        .fail(EINVAL, "the prog does not allow writes to packet data")
                        .because(crate::reason::Reason::ReadOnly { reg: None }));
                }
                let size = m.arg_constant.unwrap_or(0);
                dynptr_slice = Some((size, m.initialized_dynptr.unwrap_or_default(), rdonly));
            }
            // is_kfunc_ret_null(): an owning reference's refcount_acquire
            // cannot fail
            if name == "bpf_refcount_acquire_impl" && m.arg_owning_ref {
                k.ret_null = false;
            }
            match name {
                "bpf_obj_new_impl" | "bpf_percpu_obj_new_impl" => {
                    let percpu = name == "bpf_percpu_obj_new_impl";
                    alloc_ret = Some((self.obj_new_ret(m.arg_constant, percpu)?, 0));
                }
                "bpf_refcount_acquire_impl" => {
                    let id = m.arg_btf_id.unwrap_or(0);
                    alloc_ret = Some((BtfPtr::new(id, crate::btf_access::ALLOC), 0));
                }
                "bpf_list_pop_front" | "bpf_list_pop_back" | "bpf_rbtree_first"
                | "bpf_rbtree_remove" => {
                    if let Some(root) = m.graph_root.as_ref() {
                        alloc_ret = Some(self.graph_node_ret(root)?);
                    }
                }
                "bpf_list_push_front_impl" | "bpf_list_push_back_impl" => graph_push = true,
                // push_callback_call() with set_timer_callback_state: the
                // callback gets the workqueue's map, key and value, in a
                // state of its own that may sleep
                "bpf_wq_set_callback_impl" => {
                    let subprog = m.subprogno.unwrap_or(0);
                    if let Some(start) = self.subprogs.get(subprog).map(|s| s.start) {
                        self.btf_check_subprog_arg_match(start);
                    }
                    let r1 = *self.reg(1);
                    let meta = crate::func_arg::ArgMeta {
                        map: Some(r1.aux),
                        map_uid: r1.map_uid,
                        ..Default::default()
                    };
                    if let Err(e) = self.check_async_callback(insn_idx, subprog, &meta, true) {
                        return Err(self.fail(
                            e.errno,
                            &format!("kfunc {name}#{id} failed callback verification"),
                        ));
                    }
                }
                "bpf_rbtree_add_impl" => {
                    graph_push = true;
                    // push_callback_call(): `less` is walked as bpf_loop's
                    // callback is, with two nodes of the tree's struct
                    let Some(gr) = m.graph_root.as_ref().and_then(|f| f.root.clone()) else {
                        return Err(self.fail(EFAULT, "verifier internal error: no rbtree root"));
                    };
                    let kind = crate::func_proto::CallbackKind::RbtreeLess {
                        value_btf_id: gr.value_btf_id,
                        node_offset: gr.node_offset,
                    };
                    let subprog = m.subprogno.unwrap_or(0);
                    if let Some(start) = self.subprogs.get(subprog).map(|s| s.start) {
                        self.btf_check_subprog_arg_match(start);
                    }
                    let meta = crate::func_arg::ArgMeta::default();
                    if let Err(e) = self.check_sync_callback(insn_idx, subprog, kind, &meta) {
                        return Err(self.fail(
                            e.errno,
                            &format!("kfunc {name}#{id} failed callback verification"),
                        ));
                    }
                }
                _ => {}
            }
            (m.release_regno, m.r0_mem, m.ref_obj_id, m.iter)
        } else {
            // 6.1: btf_check_kfunc_arg_match(), whole (its own words and
            // order)
            let m = self.btf_check_kfunc_arg_match_61(name, &k, &proto, &kernel)?;
            (m.ref_regno, m.r0_mem, m.ref_obj_id, None)
        };
        if let Some(r) = ref_regno.filter(|_| k.release) {
            let ref_obj_id = self.reg(r).ref_obj_id;
            self.release_kfunc_reference(name, id, ref_obj_id)?;
        }
        // a push gives the object to the list: its pointer stays usable,
        // not owned, until the lock is released
        if graph_push {
            let release_ref_obj_id = self.reg(2).ref_obj_id;
            self.ref_convert_owning_non_owning(release_ref_obj_id);
            self.release_kfunc_reference(name, id, release_ref_obj_id)?;
        }
        // bpf_throw() (6.7+): without an exception callback, the cookie
        // becomes the program's return value
        if name == "bpf_throw"
            && self.rules.exceptions
            && !self.subprogs.iter().any(|s| s.is_exception_cb)
        {
            self.check_return_code_of(1)?;
        }
        // mark_btf_func_reg_size(): each argument read as its size
        for (i, (_, ty, _)) in proto.members.iter().enumerate() {
            let size = skip(*ty)
                .map(|(_, t)| {
                    if t.kind == KIND_PTR {
                        8
                    } else {
                        t.size_or_type
                    }
                })
                .unwrap_or(8);
            let flag = if size == 8 {
                crate::regs::LIVE_READ64
            } else {
                crate::regs::LIVE_READ32
            };
            self.mark_cur_reg_read(i + 1, flag);
        }
        for r in 0..=5u8 {
            self.reg_mut(r).mark_not_init();
        }
        // 6.12's do_check() scratches R0 after any call (its log prints it)
        if v612 {
            self.mark_reg_scratched(0);
        }
        if let Some((p, off)) = alloc_ret {
            let null_id = if k.ret_null { self.new_id() } else { 0 };
            {
                let r0 = self.reg_mut(0);
                r0.mark_known_zero_ptr(RegType::BtfId);
                r0.aux = p.0;
                r0.off = off;
                r0.maybe_null = k.ret_null;
                r0.id = null_id;
                r0.live |= crate::regs::LIVE_WRITTEN;
            }
            if k.acquire {
                let rid = self.acquire_reference_state(insn_idx);
                let r0 = self.reg_mut(0);
                if k.ret_null {
                    r0.id = rid;
                }
                r0.ref_obj_id = rid;
            } else if name == "bpf_rbtree_first" {
                self.ref_set_non_owning_r0();
            }
            // reg_may_point_to_spin_lock(): an object with a lock has an id
            let r0 = *self.reg(0);
            if r0.id == 0
                && self
                    .reg_btf_record(&r0)
                    .is_some_and(|r| r.spin_lock_off().is_some())
            {
                let nid = self.new_id();
                self.reg_mut(0).id = nid;
            }
            return Ok(());
        }
        if let Some((id, flags)) = special_ret {
            let r0 = self.reg_mut(0);
            r0.mark_known_zero_ptr(RegType::BtfId);
            r0.aux = BtfPtr::new(id, flags).0;
            r0.live |= crate::regs::LIVE_WRITTEN;
            return Ok(());
        }
        if let Some((size, dynptr, rdonly)) = dynptr_slice {
            // PTR_TO_MEM of the constant size asked for, with the dynptr's
            // kind (a packet slice dies when the packet may move) and id
            let null_id = self.new_id();
            let r0 = self.reg_mut(0);
            r0.mark_known_zero_ptr(RegType::Mem);
            r0.aux = size.min(u32::MAX as u64) as u32;
            r0.rdonly = rdonly;
            r0.dynptr.kind = dynptr.kind;
            r0.dynptr_id = dynptr.id;
            r0.maybe_null = true;
            r0.id = null_id;
            r0.live |= crate::regs::LIVE_WRITTEN;
            return Ok(());
        }
        // a void function leaves R0 clobbered
        let ret = (proto.size_or_type != 0)
            .then(|| skip(proto.size_or_type))
            .flatten();
        let struct_ptr = ret
            .as_ref()
            .filter(|(_, t)| t.kind == KIND_PTR)
            .and_then(|(_, t)| skip(t.size_or_type))
            .filter(|(_, t)| t.is_composite());
        if k.acquire && struct_ptr.is_none() {
            return Err(self.fail(
                EINVAL,
                "acquire kernel function does not return PTR_TO_BTF_ID",
            ));
        }
        let mem_ptr = ret.as_ref().is_some_and(|(_, t)| t.kind == KIND_PTR) && struct_ptr.is_none();
        match ret {
            None => {}
            // 6.12: "kfunc returning 'void *' is equivalent to returning
            // scalar"
            Some((_, t))
                if mem_ptr
                    && v612
                    && (t.size_or_type == 0
                        || btf.skip_mods(t.size_or_type).is_ok_and(|x| x == 0)) =>
            {
                let r0 = self.reg_mut(0);
                r0.mark_unknown();
                r0.live |= crate::regs::LIVE_WRITTEN;
            }
            Some(_) if mem_ptr && r0_mem.is_some() => {
                // PTR_TO_MEM of the rdonly/rdwr_buf_size argument's bytes,
                // tied to a referenced argument (released with it)
                let (size, rdonly) = r0_mem.unwrap_or_default();
                let null_id = if k.ret_null { self.new_id() } else { 0 };
                let r0 = self.reg_mut(0);
                r0.mark_known_zero_ptr(RegType::Mem);
                r0.aux = size as u32;
                r0.rdonly = rdonly;
                r0.ref_obj_id = arg_ref_obj_id;
                r0.maybe_null = k.ret_null;
                r0.id = null_id;
                r0.live |= crate::regs::LIVE_WRITTEN;
            }
            // 6.12: a pointer to a sized non-struct type is read-only
            // memory of that size (btf_resolve_size), tied to the
            // referenced argument if any (an iterator's element)
            Some((_, t)) if mem_ptr && v612 && btf.size_of(t.size_or_type).is_ok_and(|s| s > 0) => {
                let size = btf.size_of(t.size_or_type).unwrap_or(0);
                let null_id = if k.ret_null { self.new_id() } else { 0 };
                let r0 = self.reg_mut(0);
                r0.mark_known_zero_ptr(RegType::Mem);
                r0.aux = size;
                r0.rdonly = true;
                r0.ref_obj_id = arg_ref_obj_id;
                r0.maybe_null = k.ret_null;
                r0.id = null_id;
                r0.live |= crate::regs::LIVE_WRITTEN;
            }
            Some((_, t)) if mem_ptr => {
                let pt = skip(t.size_or_type).map(|(_, p)| p);
                let (what, tname) = pt
                    .map(|p| (crate::btf::kind_str(p.kind).to_uppercase(), p.name.clone()))
                    .unwrap_or_default();
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "kernel function {name} returns pointer type {what} {tname} is not supported"
                    ),
                ));
            }
            Some((_, t)) if t.kind == KIND_INT || t.is_any_enum() => {
                let r0 = self.reg_mut(0);
                r0.mark_unknown();
                r0.live |= crate::regs::LIVE_WRITTEN;
            }
            Some(_) if struct_ptr.is_some() => {
                let sid = struct_ptr.map_or(0, |(sid, _)| sid);
                let null_id = if k.ret_null { self.new_id() } else { 0 };
                // an iterator's element: an RCU pointer from an
                // RCU-protected iterator, else trusted
                let next = iter_arg.filter(|_| k.iter == Some(crate::kfuncs::IterKfunc::Next));
                let flags = match next.map(|it| self.cur.frames[it.frame].stack[it.spi].iter.rcu) {
                    Some(crate::state::IterRcu::Rcu) => crate::btf_access::RCU,
                    Some(_) => crate::btf_access::TRUSTED,
                    None => 0,
                };
                {
                    let r0 = self.reg_mut(0);
                    r0.mark_known_zero_ptr(RegType::BtfId);
                    r0.aux = BtfPtr::new(sid, flags).0;
                    r0.maybe_null = k.ret_null;
                    r0.id = null_id;
                    r0.live |= crate::regs::LIVE_WRITTEN;
                }
                if k.acquire {
                    let rid = self.acquire_reference_state(insn_idx);
                    let r0 = self.reg_mut(0);
                    // 6.1 gives it the reference's id; 6.12 only when it
                    // may be NULL
                    if !v612 || k.ret_null {
                        r0.id = rid;
                    }
                    r0.ref_obj_id = rid;
                }
            }
            Some((_, t)) => {
                let what = crate::btf::kind_str(t.kind);
                return Err(self.fail(
                    EINVAL,
                    &format!("kernel function {name} returns type {what} is not supported"),
                ));
            }
        }
        if let Some(it) = iter_arg.filter(|_| k.iter == Some(crate::kfuncs::IterKfunc::Next)) {
            self.process_iter_next_call(it)?;
        }
        Ok(())
    }
}

/// What `btf_prepare_func_args()` refuses in a global function's (or
/// 6.12's main program's) prototype, if anything: the register of the
/// argument at fault and the kernel's message. More than five arguments,
/// a return type that is not an integer, a pointer to something without
/// a size, a struct passed by value.
pub(crate) fn prepare_func_args_problem(
    f: &crate::program::FuncBtf,
    arg_tags: bool,
    prog: &crate::program::Program,
) -> Option<(Option<u8>, String)> {
    if f.params.len() > 5 {
        return Some((
            None,
            format!(
                "Global function {}() with {} > 5 args. Buggy compiler.",
                f.name,
                f.params.len()
            ),
        ));
    }
    // then it must return an integer or an enum
    if !f.ret_scalar {
        return Some((
            None,
            format!(
                "Global function {}() doesn't return scalar. Only those are supported.",
                f.name
            ),
        ));
    }
    f.params.iter().enumerate().find_map(|(i, _)| {
        use crate::program::{
            ARG_TAG_ARENA, ARG_TAG_CTX, ARG_TAG_NONNULL, ARG_TAG_NULLABLE, ARG_TAG_TRUSTED,
            ARG_TAG_UNKNOWN,
        };
        let tags = if arg_tags {
            f.arg_tags.get(i).copied().unwrap_or(0)
        } else {
            0
        };
        // libbpf's stand-in prototype for a kernel without tags
        let (p, _) = tagged_param(f, i, arg_tags, prog);
        let p = &p;
        let is_ptr = matches!(
            p,
            Param::Ptr { .. } | Param::Ctx | Param::Trusted { .. } | Param::Dynptr | Param::Arena
        );
        let invalid = || format!("arg#{i} has invalid combination of tags");
        let msg = match p {
            _ if tags & ARG_TAG_UNKNOWN != 0 => format!("arg#{i} has unsupported set of tags"),
            _ if tags != 0 && !f.global => {
                format!("arg#{i} type tag is not supported in static functions")
            }
            _ if tags != 0 && !is_ptr => {
                format!("arg#{i} has pointer tag, but is not a pointer type")
            }
            _ if tags & ARG_TAG_CTX != 0 || *p == Param::Ctx => {
                if tags & !ARG_TAG_CTX != 0 {
                    invalid()
                } else if tags & ARG_TAG_CTX != 0 {
                    let pointee = f.pointees.get(i).cloned().flatten().unwrap_or_default();
                    validate_prog_ctx_type(&pointee, i, prog)?
                } else {
                    return None;
                }
            }
            _ if tags & ARG_TAG_TRUSTED != 0 => {
                if tags & ARG_TAG_NONNULL != 0 {
                    invalid()
                } else {
                    // btf_get_ptr_to_btf_id(): the one kernel struct of
                    // the pointee's name (a ___flavor stripped)
                    let pointee = f.pointees.get(i).cloned().flatten().unwrap_or_default();
                    let found = prog.kernel_btf.as_ref().and_then(|k| {
                        k.btf.find(
                            pointee.kind,
                            crate::relo_core::essential_name(&pointee.name),
                        )
                    });
                    if found.is_some() {
                        return None;
                    }
                    format!(
                        "arg#{i} reference type('{} {}') has no matches",
                        crate::btf::kind_str(pointee.kind).to_uppercase(),
                        pointee.name
                    )
                }
            }
            // (an arena tag alone is valid: it falls through to the end)
            Param::Arena if tags & !ARG_TAG_ARENA != 0 => {
                format!("arg#{i} arena cannot be combined with any other tags")
            }
            _ if tags & ARG_TAG_NULLABLE != 0 => invalid(),
            Param::Ptr {
                unsized_pointee: Some(what),
                ..
            } => format!("arg#{i} reference type('{what}') size cannot be determined: -22"),
            Param::Other(k) => format!("Arg#{i} type {k} in {}() is not supported yet.", f.name),
            _ if tags != 0 && matches!(p, Param::Dynptr) => invalid(),
            _ => return None,
        };
        Some((Some(i as u8 + 1), msg))
    })
}

/// 6.12's `btf_validate_prog_ctx_type()` for `__arg_ctx` on parameter
/// `arg`: the kernel's complaint, if any. `void *` always fits; some
/// program types take other types too (`u64 *` for BTF-typed programs,
/// `bpf_user_pt_regs_t` for kprobes, anything for tracepoints); else the
/// program type's context struct.
fn validate_prog_ctx_type(
    p: &crate::program::Pointee,
    arg: usize,
    prog: &crate::program::Program,
) -> Option<String> {
    use crate::btf::{KIND_INT, KIND_STRUCT};
    use crate::program::{AttachType as A, ProgType as P};
    let pt = prog.prog_type;
    if matches!(pt, P::Kprobe | P::PerfEvent) && p.typedef.as_deref() == Some("bpf_user_pt_regs_t")
    {
        return None;
    }
    if p.kind == 0 {
        return None;
    }
    if p.name.is_empty() {
        return Some(format!("arg#{arg} type doesn't have a name"));
    }
    let is_struct = |n: &str| p.kind == KIND_STRUCT && p.name == n;
    let u64_ptr = p.kind == KIND_INT && p.size == 8;
    let fits = match pt {
        P::Kprobe | P::PerfEvent => is_struct("pt_regs"),
        P::RawTracepoint | P::RawTracepointWritable => u64_ptr,
        P::Tracing => match prog.expected_attach_type {
            Some(A::TraceRawTp) => is_struct("bpf_raw_tracepoint_args") || u64_ptr,
            Some(A::TraceIter) => p.kind == KIND_STRUCT && p.name.starts_with("bpf_iter__"),
            Some(A::TraceFentry | A::TraceFexit | A::ModifyReturn) => u64_ptr,
            _ => false,
        },
        P::Lsm | P::StructOps => u64_ptr,
        P::Tracepoint | P::Syscall => true,
        _ => false,
    };
    if fits {
        return None;
    }
    let Some(ctx) = crate::elf::ctx_struct(pt) else {
        return Some(format!("arg#{arg} should be void pointer"));
    };
    if !is_struct(ctx) {
        return Some(format!("arg#{arg} should be `struct {ctx} *`"));
    }
    None
}

/// A global function's parameter as 6.12 sorts it with its tags: a tagged
/// context, and whether a memory pointer may be NULL.
///
/// A kernel that reads no tags (6.1) gets the prototype libbpf 1.4 loads
/// in its place (`bpf_program_fixup_func_info`): `void *ctx __arg_ctx`
/// becomes a pointer to the program type's context struct, where it has
/// one. libbpf 1.1 loads the prototype as it is.
pub(crate) fn tagged_param(
    f: &crate::program::FuncBtf,
    i: usize,
    arg_tags: bool,
    prog: &crate::program::Program,
) -> (Param, bool) {
    let p = f.params.get(i).cloned().unwrap_or(Param::Other("UNKNOWN"));
    let tags = f.arg_tags.get(i).copied().unwrap_or(0);
    if !arg_tags {
        let void = f
            .pointees
            .get(i)
            .and_then(|p| p.as_ref())
            .is_some_and(|p| p.kind == 0);
        if tags & crate::program::ARG_TAG_CTX != 0
            && void
            && prog.libbpf.is_1_4()
            && crate::elf::ctx_struct(prog.prog_type).is_some()
        {
            return (Param::Ctx, true);
        }
        return (p, true);
    }
    if tags & crate::program::ARG_TAG_CTX != 0 {
        return (Param::Ctx, false);
    }
    // btf_is_dynptr_ptr(): a struct (or a struct's declaration) named
    // bpf_dynptr
    let dynptr = f.pointees.get(i).cloned().flatten().is_some_and(|p| {
        (p.kind == crate::btf::KIND_STRUCT || p.kind == crate::btf::KIND_FWD)
            && p.name == "bpf_dynptr"
    });
    if dynptr && matches!(p, Param::Ptr { .. }) {
        return (Param::Dynptr, false);
    }
    if tags & crate::program::ARG_TAG_TRUSTED == 0
        && tags & crate::program::ARG_TAG_ARENA != 0
        && matches!(p, Param::Ptr { .. })
    {
        return (Param::Arena, false);
    }
    if tags & crate::program::ARG_TAG_TRUSTED != 0 {
        let name = f
            .pointees
            .get(i)
            .cloned()
            .flatten()
            .map(|p| crate::relo_core::essential_name(&p.name).to_string())
            .unwrap_or_default();
        let nullable = tags & crate::program::ARG_TAG_NULLABLE != 0;
        return (
            Param::Trusted {
                target: name,
                nullable,
            },
            nullable,
        );
    }
    (p, tags & crate::program::ARG_TAG_NONNULL == 0)
}

/// What 6.1's `btf_check_kfunc_arg_match()` hands back to
/// `check_kfunc_call()`.
#[derive(Default)]
pub(crate) struct KfuncArgMeta61 {
    /// The referenced argument (a release function releases it).
    pub ref_regno: Option<u8>,
    /// `r0_size`, `r0_rdonly`: the memory a `rdonly_buf_size` /
    /// `rdwr_buf_size` argument sizes, which the kfunc returns.
    pub r0_mem: Option<(u64, bool)>,
    /// `ref_obj_id`: a referenced argument's, given to returned memory.
    pub ref_obj_id: u32,
}

impl Env {
    /// 6.1's `btf_check_func_arg_match()` for a kernel function: each
    /// argument against the BTF prototype, in the kernel's order and words
    /// (kernel/bpf/btf.c): scalars (a `rdonly_buf_size` / `rdwr_buf_size`
    /// one must be a known constant), the context, kernel objects (a BTF
    /// pointer or a socket) of the struct the parameter names, memory of
    /// scalars (with a `__sz` length after it, any memory), then the
    /// release and sleepable rules.
    fn btf_check_kfunc_arg_match_61(
        &mut self,
        name: &str,
        k: &crate::kfuncs::KernelKfunc,
        proto: &crate::btf::Type,
        kernel: &crate::relo_core::KernelBtf,
    ) -> VResult<KfuncArgMeta61> {
        use crate::btf::{kind_str, KIND_INT, KIND_PTR, KIND_STRUCT};
        use crate::btf_access::BtfPtr;
        use crate::func_proto::Arg;
        use crate::reason::Reason;
        let btf = &kernel.btf;
        let skip = |t: u32| {
            btf.skip_mods(t)
                .ok()
                .and_then(|t| btf.get(t).ok().map(|x| (t, x.clone())))
        };
        let nargs = proto.members.len();
        if nargs > 5 {
            return Err(self.fail(EINVAL, &format!("Function {name} has {nargs} > 5 args")));
        }
        let is_scalar = |t: &crate::btf::Type| t.kind == KIND_INT || t.is_any_enum();
        let mut meta = KfuncArgMeta61::default();
        let mut i = 0;
        while i < nargs {
            let (pname, ty, _) = proto.members[i].clone();
            let regno = i as u8 + 1;
            let reg = *self.reg(regno);
            let because = Reason::ArgumentType { reg: Some(regno) };
            let Some((_, t)) = skip(ty) else {
                i += 1;
                continue;
            };
            if is_scalar(&t) {
                let buf = match pname.as_str() {
                    "rdonly_buf_size" if reg.ty == RegType::Scalar => Some(true),
                    "rdwr_buf_size" if reg.ty == RegType::Scalar => Some(false),
                    _ => None,
                };
                if let Some(rdonly) = buf {
                    if meta.r0_mem.is_some() {
                        return Err(self
                            .fail(
                                EINVAL,
                                "2 or more rdonly/rdwr_buf_size parameters for kfunc",
                            )
                            .because(because));
                    }
                    if !reg.var_off.is_const() {
                        return Err(self
                            .fail(EINVAL, &format!("R{regno} is not a const"))
                            .because(because));
                    }
                    meta.r0_mem = Some((reg.var_off.value, rdonly));
                    if reg.var_off.value > u32::MAX as u64 {
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!("R{regno} rdonly/rdwr_buf_size exceeds u32 max"),
                            )
                            .because(because));
                    }
                    self.mark_chain_precision(regno);
                }
                if reg.ty != RegType::Scalar {
                    return Err(self
                        .fail(EINVAL, &format!("R{regno} is not a scalar"))
                        .because(because));
                }
                i += 1;
                continue;
            }
            if t.kind != KIND_PTR {
                return Err(self
                    .fail(
                        EINVAL,
                        &format!("Unrecognized arg#{i} type {}", kind_str(t.kind)),
                    )
                    .because(because));
            }
            let sock_struct = reg2btf_sock(reg.ty);
            // a flagged kernel pointer is taken as memory below, while a
            // socket counts with any flag (`reg2btf_ids[base_type()]`)
            let obj_ptr =
                reg.ty == RegType::Ctx || is_plain_btf_id_61(&reg) || sock_struct.is_some();
            if k.trusted_args && obj_ptr && reg.ty != RegType::Ctx && reg.ref_obj_id == 0 {
                return Err(self
                    .fail(EINVAL, &format!("R{regno} must be referenced"))
                    .because(because));
            }
            let Some((ref_id, ref_t)) = skip(t.size_or_type) else {
                i += 1;
                continue;
            };
            let at = if (k.trusted_args && obj_ptr) || (k.release && reg.ref_obj_id != 0) {
                Arg::ReleaseBtfIdOrNull
            } else {
                Arg::Anything
            };
            self.check_func_arg_reg_off(&reg, regno, at)?;
            if reg.ref_obj_id != 0 {
                if meta.ref_obj_id != 0 {
                    let a = meta.ref_obj_id;
                    return Err(self.fail(
                        EFAULT,
                        &format!(
                            "verifier internal error: more than one arg with ref_obj_id R{regno} {} {a}",
                            reg.ref_obj_id
                        ),
                    ));
                }
                meta.ref_regno = Some(regno);
                meta.ref_obj_id = reg.ref_obj_id;
            }
            // btf_get_prog_ctx_type(): the parameter is the program type's
            // context struct
            let ctx_param = ref_t.kind == KIND_STRUCT
                && crate::elf::is_ctx_struct(self.prog.prog_type, &ref_t.name);
            let btf_obj = is_kernel_object_61(&reg);
            if ctx_param {
                if reg.ty != RegType::Ctx {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!(
                                "arg#{i} expected pointer to ctx, but got {}",
                                kind_str(t.kind)
                            ),
                        )
                        .because(because));
                }
            } else if btf_obj {
                if !ref_t.is_composite() {
                    return Err(self.kfunc_ptr_unsupported(name, i, &ref_t));
                }
                // a test kfunc's acquired pointer names its struct through
                // the table of test kfuncs
                let by_name = |s: &str| kernel.find(KIND_STRUCT, s).unwrap_or(0);
                let reg_id = match (sock_struct, BtfPtr::of(reg.aux)) {
                    (Some(s), _) => by_name(s),
                    (None, Some(p)) => p.id(),
                    (None, None) => crate::kfuncs::KFUNCS
                        .get(reg.aux as usize)
                        .map_or(0, |k| by_name(k.struct_name)),
                };
                // btf_struct_ids_match(): a release or trusted argument
                // must be the struct itself (strict: no walk into its
                // first member)
                let strict = k.trusted_args || (k.release && reg.ref_obj_id != 0);
                let ok = if strict {
                    reg.off == 0 && reg_id == ref_id
                } else {
                    crate::btf_access::struct_ids_match(
                        btf,
                        reg_id,
                        reg.off as i64,
                        &ref_t.name,
                        self.rules.trusted_ptrs,
                    )
                    .0
                };
                if !ok {
                    let have = btf.get(reg_id).map(|t| t.name.clone()).unwrap_or_default();
                    return Err(self.kfunc_struct_mismatch(name, i, &ref_t.name, regno, &have));
                }
            } else {
                // memory: of scalars, or any with a `__sz` length after it
                let mem_size = proto.members.get(i + 1).is_some_and(|(n, t2, _)| {
                    n.ends_with("__sz")
                        && skip(*t2).is_some_and(|(_, t2)| is_scalar(&t2))
                        && self.reg(regno + 1).ty == RegType::Scalar
                });
                let dynptr = ref_t.is_composite() && ref_t.name == "bpf_dynptr_kern";
                self.check_kfunc_mem_pointee(i, &ref_t, ref_id, mem_size, dynptr, btf)?;
                if dynptr {
                    // an initialized local dynptr on the stack
                    let what = format!("arg#{i} pointer type STRUCT bpf_dynptr_kern");
                    let problem = if reg.ty != RegType::Stack {
                        Some("not to stack")
                    } else if !self.is_dynptr_reg_valid_init(&reg) {
                        Some("must be valid and initialized")
                    } else if !self.dynptr_is_local(&reg) {
                        Some("points to unsupported dynamic pointer type")
                    } else {
                        None
                    };
                    if let Some(p) = problem {
                        return Err(self.fail(EINVAL, &format!("{what} {p}")).because(because));
                    }
                    i += 1;
                    continue;
                }
                if mem_size {
                    if self.check_kfunc_mem_size_reg(regno + 1).is_err() {
                        // the inner check's line, then the pair's
                        return Err(self
                            .fail(
                                EINVAL,
                                &format!(
                                    "arg#{i} arg#{} memory, len pair leads to invalid memory access",
                                    i + 1
                                ),
                            )
                            .because(because));
                    }
                    i += 2;
                    continue;
                }
                // btf_resolve_size() then check_mem_reg()
                let Ok(size) = btf.size_of(ref_id) else {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!(
                                "arg#{i} reference type('{} {}') size cannot be determined: -22",
                                kind_str(ref_t.kind).to_uppercase(),
                                ref_t.name
                            ),
                        )
                        .because(because));
                };
                self.check_mem_reg(regno, &reg, size as u64)?;
            }
            i += 1;
        }
        if k.release && meta.ref_obj_id == 0 {
            return Err(self
                .fail(
                    EINVAL,
                    &format!("release kernel function {name} expects refcounted PTR_TO_BTF_ID"),
                )
                .because(Reason::ArgumentType { reg: Some(1) }));
        }
        if k.sleepable && !crate::func_proto::prog_sleepable(&self.prog) {
            return Err(self.fail(
                EINVAL,
                &format!("kernel function {name} is sleepable but the program is not"),
            ));
        }
        Ok(meta)
    }
}

impl Env {
    /// `check_reg_type()` and `check_func_arg_reg_off()` of a global
    /// function's `__arg_trusted` argument (6.12): a kernel pointer
    /// (`ptr_`, `trusted_ptr_`, `rcu_ptr_`; NULL only where nullable) to
    /// the struct, or to one starting with it. The line says why; the
    /// caller refuses the call.
    fn check_trusted_arg(
        &mut self,
        regno: u8,
        reg: &crate::regs::RegState,
        target: &str,
        nullable: bool,
    ) -> Result<(), ()> {
        use crate::btf_access::{BtfPtr, RCU, TRUSTED};
        let p = BtfPtr::of(reg.aux).filter(|_| reg.ty == RegType::BtfId);
        let flags_ok = p.is_some_and(|p| matches!(p.flags(), 0 | TRUSTED | RCU))
            && (nullable || !reg.maybe_null);
        if !flags_ok {
            let t = self.arg_reg_type_str(reg);
            self.verbose(&format!(
                "R{regno} type={t} expected=ptr_, trusted_ptr_, rcu_ptr_\n"
            ));
            return Err(());
        }
        let Some(k) = self.prog.kernel_btf.clone() else {
            return Err(());
        };
        let id = p.map_or(0, |p| p.id());
        let (ok, walk_msg) = crate::btf_access::struct_ids_match(
            &k.btf,
            id,
            reg.off as i64,
            target,
            self.rules.trusted_ptrs,
        );
        if !ok {
            if let Some(m) = walk_msg {
                self.verbose(&format!("{m}\n"));
            }
            let have = k.btf.get(id).map(|t| t.name.clone()).unwrap_or_default();
            self.verbose(&format!(
                "R{regno} is of type {have} but {target} is expected\n"
            ));
            return Err(());
        }
        self.check_func_arg_reg_off(reg, regno, crate::func_proto::Arg::BtfIdOrNull(""))
            .map_err(|_| ())
    }

    /// Runs `f` with the pointer in `regno` taken as not NULL, then puts
    /// the register back (`check_mem_reg()`, `check_kfunc_mem_size_reg()`:
    /// `mark_ptr_not_null_reg()` on a saved copy).
    pub(crate) fn with_not_null<T>(&mut self, regno: u8, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = *self.reg(regno);
        self.reg_mut(regno).maybe_null = false;
        let r = f(self);
        *self.reg_mut(regno) = saved;
        r
    }

    /// A kfunc's kernel object argument of another struct (6.1's and
    /// 6.12's words): `have` is the struct the register points to.
    pub(crate) fn kfunc_struct_mismatch(
        &mut self,
        name: &str,
        i: usize,
        want: &str,
        regno: u8,
        have: &str,
    ) -> crate::env::VErr {
        self.fail(
            EINVAL,
            &format!(
                "kernel function {name} args#{i} expected pointer to STRUCT {want} but R{regno} has a pointer to STRUCT {have}"
            ),
        )
        .because(crate::reason::Reason::ArgumentType { reg: Some(regno) })
    }

    /// A kfunc parameter pointing to something other than a struct, given
    /// a kernel object.
    pub(crate) fn kfunc_ptr_unsupported(
        &mut self,
        name: &str,
        i: usize,
        pointee: &crate::btf::Type,
    ) -> crate::env::VErr {
        self.fail(
            EINVAL,
            &format!(
                "kernel function {name} args#{i} pointer type {} {} is not supported",
                crate::btf::kind_str(pointee.kind).to_uppercase(),
                pointee.name
            ),
        )
        .because(crate::reason::Reason::ArgumentType {
            reg: Some(i as u8 + 1),
        })
    }
}

/// 6.1's `reg2btf_ids[]`: the socket types as their kernel structs.
fn reg2btf_sock(ty: RegType) -> Option<&'static str> {
    match ty {
        RegType::Socket => Some("sock"),
        RegType::SockCommon => Some("sock_common"),
        RegType::TcpSock => Some("tcp_sock"),
        _ => None,
    }
}

/// 6.1's `reg->type == PTR_TO_BTF_ID`: a kernel pointer with no type flag
/// (not one that may be NULL, nor an untrusted, user or per-CPU one).
fn is_plain_btf_id_61(r: &crate::regs::RegState) -> bool {
    r.ty == RegType::BtfId
        && !r.maybe_null
        && crate::btf_access::BtfPtr::of(r.aux).is_none_or(|p| p.flags() == 0)
}

/// What 6.1's `btf_check_func_arg_match()` takes as a kernel object for a
/// kfunc: a flagless `PTR_TO_BTF_ID`, or a socket that cannot be NULL;
/// anything else is taken as memory.
fn is_kernel_object_61(r: &crate::regs::RegState) -> bool {
    is_plain_btf_id_61(r) || (reg2btf_sock(r.ty).is_some() && !r.maybe_null)
}
