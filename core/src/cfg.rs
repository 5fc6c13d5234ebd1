//! Program structure checks that run before the walk: subprogram discovery
//! (`add_subprog_and_kfunc`), jumps within subprograms (`check_subprogs`) and
//! the control-flow graph (`check_cfg`): back-edges, unreachable instructions
//! and prune points.

use crate::env::{Env, VResult, E2BIG, EINVAL, ENOTSUPP};
use crate::helper_ids::FuncId;
use crate::insn::*;
use crate::state::Subprog;

pub const BPF_MAX_SUBPROGS: usize = 256;

impl Env {
    fn add_subprog(&mut self, off: i64) -> VResult<()> {
        let insn_cnt = self.prog.insns.len() as i64;
        if off >= insn_cnt || off < 0 {
            return Err(self.fail(EINVAL, "call to invalid destination"));
        }
        let off = off as usize;
        if self.subprogs.iter().any(|s| s.start == off) {
            return Ok(());
        }
        if self.subprogs.len() >= BPF_MAX_SUBPROGS {
            return Err(self.fail(E2BIG, "too many subprograms"));
        }
        self.subprogs.push(Subprog {
            start: off,
            ..Default::default()
        });
        self.subprogs.sort_by_key(|s| s.start);
        Ok(())
    }

    /// `check_struct_ops_btf_id()`: a GPL-compatible program, for a member
    /// of a registered struct of operations that the struct lets BPF
    /// implement. 6.1: `check_member` (`tcp_congestion_ops` refuses
    /// `get_info`, `bpf_dummy_ops` has none). 6.12: the member must have a
    /// CFI stub (`bpf_struct_ops_supported`), then `check_member`
    /// (`bpf_dummy_ops`: only `test_sleepable` may be sleepable).
    fn check_struct_ops_btf_id(&mut self) -> VResult<()> {
        if !self.prog.gpl_compatible() {
            return Err(self
                .fail(
                    EINVAL,
                    "struct ops programs must have a GPL compatible license",
                )
                .because(crate::reason::Reason::AttachTarget));
        }
        let Some((st, mname)) = self
            .prog
            .attach_btf
            .as_ref()
            .and_then(|a| a.struct_ops.clone().map(|(st, _)| (st, a.tname.clone())))
        else {
            // an object's struct_ops program no map refers to, which libbpf
            // 1.1 loads with attach_btf_id 0: 6.12 refuses it before it
            // looks for the struct, without a word
            if self.prog.attach_to.is_none() && self.prog.attach_btf.is_none() {
                let e = if self.rules.struct_ops_612 {
                    crate::env::VErr::new(ENOTSUPP).silent()
                } else {
                    self.fail(
                        crate::env::ENOTSUPP,
                        "attach_btf_id 0 is not a supported struct",
                    )
                };
                return Err(e.because(crate::reason::Reason::StructOpsUnreferenced));
            }
            return Ok(());
        };
        let unsupported = if self.rules.struct_ops_612 {
            if crate::btf_access::struct_ops_stub(&st, &mname).is_none() {
                Some(crate::env::ENOTSUPP)
            } else if st == "bpf_dummy_ops" && self.prog.sleepable && mname != "test_sleepable" {
                Some(EINVAL)
            } else {
                None
            }
        } else {
            (st == "tcp_congestion_ops" && mname == "get_info").then_some(crate::env::ENOTSUPP)
        };
        if let Some(errno) = unsupported {
            return Err(self
                .fail(
                    errno,
                    &format!("attach to unsupported member {mname} of struct {st}"),
                )
                .because(crate::reason::Reason::AttachTarget));
        }
        Ok(())
    }

    /// `add_subprog_and_kfunc()`
    pub fn add_subprog_and_kfunc(&mut self) -> VResult<()> {
        self.subprogs.clear();
        self.add_subprog(0)?;
        let n = self.prog.insns.len();
        for i in 0..n {
            let insn = self.prog.insns[i];
            if !insn.is_pseudo_call() && !insn.is_pseudo_func() && !insn.is_kfunc_call() {
                continue;
            }
            // add_kfunc_call(), on the program's first kernel function
            // call, before anything of the call itself is looked at (a
            // call of func_id 0 included)
            if insn.is_kfunc_call() && !self.prog.gpl_compatible() {
                return Err(self
                    .fail(
                        EINVAL,
                        "cannot call kernel function from non-GPL compatible program",
                    )
                    .because(crate::reason::Reason::HelperNotAllowed { func_id: insn.imm }));
            }
            // add_kfunc_call(): a call of func_id 0 (a weak kfunc libbpf
            // 1.1 left unresolved) waits for the dead-code pass
            if insn.is_kfunc_call() && insn.imm == 0 && insn.off == 0 {
                continue;
            }
            if insn.is_kfunc_call() {
                if crate::kfuncs::by_btf_id(insn.imm).is_none()
                    && self.kernel_kfunc_name(insn.imm).is_none()
                {
                    let id = insn.imm;
                    return Err(
                        self.fail(EINVAL, &format!("kernel btf_id {} is not a function", id))
                    );
                }
                if self
                    .kernel_kfunc_name(insn.imm)
                    .is_some_and(|n| crate::kfuncs::dev_bound(&n))
                {
                    return Err(self.fail(EINVAL, "metadata kfuncs require device-bound program"));
                }
                continue;
            }
            self.add_subprog(i as i64 + insn.imm as i64 + 1)?;
        }
        // bpf_find_exception_callback_insn_off() (6.7+): the main
        // function's exception callback is a subprogram of its own
        if self.rules.exceptions {
            match self.prog.exception_cb {
                crate::program::ExceptionCb::None => {}
                crate::program::ExceptionCb::MultipleTags => {
                    return Err(self
                        .fail(
                            crate::env::EEXIST,
                            "multiple exception callback tags for main subprog",
                        )
                        .because(crate::reason::Reason::ExceptionMisuse));
                }
                crate::program::ExceptionCb::NotInFuncInfo => {
                    return Err(self
                        .fail(EINVAL, "exception callback type id not found in func_info")
                        .because(crate::reason::Reason::ExceptionMisuse));
                }
                crate::program::ExceptionCb::At(off) => {
                    self.add_subprog(off as i64)?;
                    // mark_subprog_exc_cb()
                    if let Some(s) = self.subprogs.iter_mut().skip(1).find(|s| s.start == off) {
                        s.is_cb = true;
                        s.is_async_cb = true;
                        s.is_exception_cb = true;
                    }
                }
            }
        }
        // the fake 'exit' subprog marks the end
        if self.log.level2() {
            for (i, s) in self.subprogs.clone().iter().enumerate() {
                self.verbose(&format!("func#{} @{}\n", i, s.start));
            }
        }
        Ok(())
    }

    /// `check_btf_func()`'s return-type rule: a subprogram whose prototype
    /// does not return an int may hold neither LD_ABS nor a tail call, and
    /// without func_info no subprogram may. A program in the text format
    /// is compiled with `int` subprograms.
    pub fn check_btf_func(&mut self) -> VResult<()> {
        // check_abnormal_return(): without func_info no subprogram may end
        // the program from inside (its return type cannot be checked)
        if self.prog.no_func_info {
            for s in self.subprogs.iter().skip(1) {
                let Some(what) = s.ends_program_early() else {
                    continue;
                };
                return Err(self
                    .fail(
                        EINVAL,
                        &format!("{what} is not allowed in subprogs without BTF"),
                    )
                    .because(crate::reason::Reason::NeedsFuncInfo));
            }
            return Ok(());
        }
        for s in self.subprogs.iter().skip(1) {
            let Some(f) = self.prog.func_btf.iter().find(|f| f.start == s.start) else {
                continue;
            };
            if f.ret_scalar {
                continue;
            }
            let Some(what) = s.ends_program_early() else {
                continue;
            };
            return Err(self.fail(
                EINVAL,
                &format!("{what} is only allowed in functions that return 'int'."),
            ));
        }
        Ok(())
    }

    /// `check_subprogs()`: every jump stays in its subprogram, and each
    /// subprogram ends in `exit` or `goto`.
    pub fn check_subprogs(&mut self) -> VResult<()> {
        let n = self.prog.insns.len();
        let mut cur = 0usize;
        let mut subprog_start = 0usize;
        let mut subprog_end = self.subprogs.get(1).map(|s| s.start).unwrap_or(n);
        for i in 0..n {
            let insn = self.prog.insns[i];
            let code = insn.code;
            let class = insn.class();
            if let Some(a) = self.aux.get_mut(i) {
                a.subprog = cur as u16;
            }
            if code == (BPF_JMP | BPF_CALL) && insn.imm == FuncId::tail_call as i32 && insn.src == 0
            {
                if let Some(s) = self.subprogs.get_mut(cur) {
                    s.has_tail_call = true;
                }
            }
            if class == BPF_LD && matches!(insn.mode(), BPF_ABS | BPF_IND) {
                if let Some(s) = self.subprogs.get_mut(cur) {
                    s.has_ld_abs = true;
                }
            }
            let is_jmp = class == BPF_JMP || class == BPF_JMP32;
            if is_jmp && insn.op() != BPF_CALL && insn.op() != BPF_EXIT {
                let off = i as i64 + insn.jmp_off() + 1;
                if off < subprog_start as i64 || off >= subprog_end as i64 {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!("jump out of range from insn {} to {}", i, off),
                        )
                        .at(Some(i)));
                }
            }
            if i + 1 == subprog_end {
                let last = self.prog.insns[i];
                if last.code != (BPF_JMP | BPF_EXIT)
                    && last.code != (BPF_JMP | BPF_JA)
                    && last.code != (BPF_JMP32 | BPF_JA)
                {
                    return Err(self.fail(EINVAL, "last insn is not an exit or jmp"));
                }
                subprog_start = subprog_end;
                cur += 1;
                if cur < self.subprogs.len() {
                    subprog_end = self.subprogs.get(cur + 1).map(|s| s.start).unwrap_or(n);
                }
            }
        }
        Ok(())
    }

    /// The checks of `resolve_pseudo_ldimm64()` (it runs after
    /// `check_subprogs()` and before `check_cfg()`, on every instruction,
    /// reachable or not): `BPF_LDX` reserved fields, the shape of each
    /// `ld_imm64` and the map it names, and `bpf_opcode_in_insntable()`:
    /// an opcode the kernel does not know is refused here, before the walk
    /// could print it.
    /// `check_map_prog_compatibility()`: which program types may hold a map
    /// with a `bpf_spin_lock` or a `bpf_timer` in its value.
    fn check_map_prog_compatibility(&mut self, map: &crate::program::MapDef) -> VResult<()> {
        use crate::program::ProgType::*;
        let pt = self.prog.prog_type;
        let tracing = matches!(
            pt,
            Kprobe | Tracepoint | RawTracepoint | RawTracepointWritable | PerfEvent
        );
        let graph_root = map.graph.iter().any(|f| f.ty.is_root());
        if graph_root && tracing {
            return Err(self
                .fail(
                    EINVAL,
                    "tracing progs cannot use bpf_{list_head,rb_root} yet",
                )
                .because(crate::reason::Reason::GraphMisuse));
        }
        if map.lock_off.is_some() {
            if pt == SocketFilter {
                return Err(self
                    .fail(EINVAL, "socket filter progs cannot use bpf_spin_lock yet")
                    .because(crate::reason::Reason::LockMisuse));
            }
            if tracing {
                return Err(self
                    .fail(EINVAL, "tracing progs cannot use bpf_spin_lock yet")
                    .because(crate::reason::Reason::LockMisuse));
            }
            if self.rules.sleepable_no_spin_lock && crate::func_proto::prog_sleepable(&self.prog) {
                return Err(self
                    .fail(EINVAL, "sleepable progs cannot use bpf_spin_lock yet")
                    .because(crate::reason::Reason::LockMisuse));
            }
        }
        if map.timer_off.is_some() && tracing {
            return Err(self
                .fail(EINVAL, "tracing progs cannot use bpf_timer yet")
                .because(crate::reason::Reason::LockMisuse));
        }
        if map.wq_off.is_some() && tracing && self.rules.helpers_612 {
            return Err(self
                .fail(EINVAL, "tracing progs cannot use bpf_wq yet")
                .because(crate::reason::Reason::LockMisuse));
        }

        if crate::func_proto::prog_sleepable(&self.prog) {
            use crate::program::MapType as M;
            let ok = matches!(
                map.map_type,
                M::Hash
                    | M::LruHash
                    | M::Array
                    | M::PercpuHash
                    | M::PercpuArray
                    | M::LruPercpuHash
                    | M::ArrayOfMaps
                    | M::HashOfMaps
                    | M::Ringbuf
                    | M::UserRingbuf
                    | M::InodeStorage
                    | M::SkStorage
                    | M::TaskStorage
                    | M::CgrpStorage
                    | M::Arena
            ) || (self.rules.sleepable_queue_stack
                && matches!(map.map_type, M::Queue | M::Stack));
            if !ok {
                let msg = if self.rules.words_612 {
                    "Sleepable programs can only use array, hash, ringbuf and local storage maps"
                } else {
                    "Sleepable programs can only use array, hash, and ringbuf maps"
                };
                return Err(self
                    .fail(EINVAL, msg)
                    .because(crate::reason::Reason::AttachTarget));
            }
        }
        Ok(())
    }

    /// `check_attach_btf_id()` for a sleepable LSM program: the hook must
    /// be one that may sleep (`bpf_lsm_is_sleepable_hook`).
    pub fn check_attach_btf_id(&mut self) -> VResult<()> {
        use crate::program::AttachType as A;
        use crate::program::ProgType as P;
        // the first checks, whatever the type (a syscall program is always
        // sleepable: libbpf's `syscall` section makes it so)
        if self.prog.sleepable && self.prog.prog_type != P::Syscall {
            let eat = self.prog.expected_attach_type;
            let (ok, msg) = if self.rules.can_be_sleepable_612 {
                // can_be_sleepable()
                let ok = match self.prog.prog_type {
                    P::Tracing => matches!(
                        eat,
                        Some(A::TraceFentry | A::TraceFexit | A::ModifyReturn | A::TraceIter)
                    ),
                    P::Lsm => eat != Some(A::LsmCgroup) || self.rules.lsm_cgroup_sleepable,
                    P::Kprobe | P::StructOps => true,
                    _ => false,
                };
                (ok, "Only fentry/fexit/fmod_ret, lsm, iter, uprobe, and struct_ops programs can be sleepable")
            } else {
                (
                    matches!(self.prog.prog_type, P::Tracing | P::Lsm | P::Kprobe),
                    "Only fentry/fexit/fmod_ret, lsm, and kprobe/uprobe programs can be sleepable",
                )
            };
            if !ok {
                return Err(self
                    .fail(EINVAL, msg)
                    .because(crate::reason::Reason::AttachTarget));
            }
        }
        let Some(tname) = self.prog.attach_btf.as_ref().map(|a| a.tname.clone()) else {
            // a struct_ops program libbpf 1.1 loads with no struct
            if self.prog.prog_type == crate::program::ProgType::StructOps {
                return self.check_struct_ops_btf_id();
            }
            return Ok(());
        };
        if self.prog.sleepable
            && self.prog.expected_attach_type == Some(A::LsmCgroup)
            && !self.rules.lsm_cgroup_sleepable
        {
            return Err(self
                .fail(EINVAL, "BPF_LSM_CGROUP programs cannot be sleepable")
                .because(crate::reason::Reason::AttachTarget));
        }
        if self.prog.prog_type == crate::program::ProgType::StructOps {
            return self.check_struct_ops_btf_id();
        }
        let trampoline = matches!(
            self.prog.expected_attach_type,
            Some(A::TraceFentry | A::TraceFexit | A::ModifyReturn)
        );
        // Debian's 6.1 and 6.12 are built without
        // CONFIG_FUNCTION_ERROR_INJECTION: no function is in the error
        // injection list, so only the fmod_ret set's functions may take a
        // sleepable program or have their return modified (besides
        // security_* functions)
        if self.prog.prog_type == crate::program::ProgType::Tracing && trampoline {
            let fmodret = self
                .rules
                .fmodret_set
                .iter()
                .find(|(name, _)| *name == tname)
                .map(|&(_, sleepable)| sleepable);
            if self.prog.sleepable && fmodret != Some(true) {
                return Err(self
                    .fail(EINVAL, &format!("{tname} is not sleepable"))
                    .because(crate::reason::Reason::AttachTarget));
            }
            if self.prog.expected_attach_type == Some(A::ModifyReturn)
                && fmodret.is_none()
                && !tname.starts_with("security_")
            {
                return Err(self
                    .fail(EINVAL, &format!("{tname}() is not modifiable"))
                    .because(crate::reason::Reason::AttachTarget));
            }
            // no trampoline on what the trampoline itself calls (btf_id_deny:
            // EINVAL, unworded), no fexit or fmod_ret on a function that never
            // returns (6.12's noreturn_deny)
            if self.rules.trampoline_deny.contains(&tname.as_str()) {
                return Err(
                    self.fail_unworded_before_walk(EINVAL, crate::reason::Reason::AttachTarget)
                );
            }
            if matches!(
                self.prog.expected_attach_type,
                Some(A::TraceFexit | A::ModifyReturn)
            ) && self.rules.noreturn_deny.contains(&tname.as_str())
            {
                return Err(self
                    .fail(
                        EINVAL,
                        "Attaching fexit/fmod_ret to __noreturn functions is rejected.",
                    )
                    .because(crate::reason::Reason::AttachTarget));
            }
            return Ok(());
        }
        if self.prog.prog_type != crate::program::ProgType::Lsm {
            return Ok(());
        }
        if self.prog.sleepable && !self.rules.lsm_hook_may_sleep(&tname) {
            return Err(self
                .fail(EINVAL, &format!("{tname} is not sleepable"))
                .because(crate::reason::Reason::AttachTarget));
        }
        // bpf_lsm_verify_prog()
        if !self.prog.gpl_compatible() {
            return Err(self
                .fail(EINVAL, "LSM programs must have a GPL compatible license")
                .because(crate::reason::Reason::AttachTarget));
        }
        if self
            .rules
            .lsm_disabled_hooks
            .contains(&tname.trim_start_matches("bpf_lsm_"))
        {
            let id = self
                .prog
                .attach_btf
                .as_ref()
                .map(|a| a.func_id)
                .unwrap_or(0);
            return Err(self
                .fail(
                    EINVAL,
                    &format!("attach_btf_id {id} points to disabled hook {tname}"),
                )
                .because(crate::reason::Reason::AttachTarget));
        }
        Ok(())
    }

    pub fn resolve_pseudo_ldimm64(&mut self) -> VResult<()> {
        const EBADF: i32 = 9;
        const EPROTO: i32 = 71;
        const BPF_MAX_VAR_OFF: u32 = 1 << 29;
        const BPF_PSEUDO_MAP_IDX: u8 = 5;
        const BPF_PSEUDO_MAP_IDX_VALUE: u8 = 6;
        const EBUSY: i32 = 16;
        let n = self.prog.insns.len();
        let mut i = 0;
        // bpf_cgroup_storage_assign(): the cgroup storage map of each kind
        // (shared, per-CPU) the program uses
        let mut cgroup_storage: [Option<usize>; 2] = [None, None];
        // env->used_maps: the distinct maps the program refers to, at most
        // MAX_USED_MAPS (64)
        const MAX_USED_MAPS: usize = 64;
        let mut used_maps: Vec<usize> = Vec::new();
        while i < n {
            let insn = self.prog.insns[i];
            if insn.class() == BPF_LDX
                && ((insn.mode() != BPF_MEM
                    && !(self.rules.opcodes_v4 && insn.mode() == BPF_MEMSX))
                    || insn.imm != 0)
            {
                return Err(self.fail(EINVAL, "BPF_LDX uses reserved fields"));
            }
            if insn.code == BPF_LD | BPF_IMM | BPF_DW {
                let next = self.prog.insns.get(i + 1).copied();
                let Some(next) =
                    next.filter(|x| x.code == 0 && x.dst == 0 && x.src == 0 && x.off == 0)
                else {
                    return Err(self.fail(EINVAL, "invalid bpf_ld_imm64 insn"));
                };
                i += 2;
                match insn.src {
                    // a constant; a function address
                    0 | BPF_PSEUDO_FUNC => continue,
                    // a kernel variable (a typed __ksym)
                    BPF_PSEUDO_BTF_ID => {
                        self.check_pseudo_btf_id(i - 2)?;
                        continue;
                    }
                    BPF_PSEUDO_MAP_VALUE | BPF_PSEUDO_MAP_IDX_VALUE => {}
                    BPF_PSEUDO_MAP_FD | BPF_PSEUDO_MAP_IDX if next.imm == 0 => {}
                    _ => return Err(self.fail(EINVAL, "unrecognized bpf_ld_imm64 insn")),
                }
                if insn.src == BPF_PSEUDO_MAP_IDX || insn.src == BPF_PSEUDO_MAP_IDX_VALUE {
                    // libbpf passes no fd_array
                    return Err(self.fail(EPROTO, "fd_idx without fd_array is invalid"));
                }
                // an object's map load without relocation: the loader's
                // fd 0-2 are its standard files (not maps: EINVAL), any
                // other is not open (EBADF)
                if self.prog.raw_map_fds.contains(&(i - 2)) {
                    let fd = insn.imm;
                    let errno = if (0..=2).contains(&fd) { EINVAL } else { EBADF };
                    return Err(self.fail(
                        errno,
                        &format!("fd {} is not pointing to valid bpf_map", fd),
                    ));
                }
                // the model's "fd" is the index into the program's maps
                let Some(map) = self.prog.maps.get(insn.imm as u32 as usize).cloned() else {
                    let fd = insn.imm;
                    return Err(self.fail(
                        EBADF,
                        &format!("fd {} is not pointing to valid bpf_map", fd),
                    ));
                };
                let map_idx = insn.imm as u32 as usize;
                let newly_used = !used_maps.contains(&map_idx);
                if newly_used
                    && used_maps.len() >= MAX_USED_MAPS
                    && self.rules.used_maps_counted_at_fd
                {
                    return Err(self
                        .fail(
                            crate::env::E2BIG,
                            &format!(
                                "The total number of maps per program has reached the limit of {MAX_USED_MAPS}"
                            ),
                        )
                        .because(crate::reason::Reason::TooManyMaps {
                            limit: MAX_USED_MAPS,
                        }));
                }
                self.check_map_prog_compatibility(&map)?;
                if insn.src == BPF_PSEUDO_MAP_VALUE {
                    let off = next.imm as u32;
                    if off >= BPF_MAX_VAR_OFF {
                        return Err(self.fail(
                            EINVAL,
                            &format!("direct value offset of {} is not allowed", off),
                        ));
                    }
                    // map_direct_value_addr(): arrays' and arenas' (an
                    // arena's start is set: libbpf mmaps it)
                    let err = match map.map_type {
                        crate::program::MapType::Arena if off as u64 > map.arena_bytes() => {
                            crate::env::ERANGE
                        }
                        crate::program::MapType::Arena => 0,
                        crate::program::MapType::Array if map.max_entries != 1 => ENOTSUPP,
                        crate::program::MapType::Array if off >= map.value_size => EINVAL,
                        crate::program::MapType::Array => 0,
                        _ => {
                            return Err(self
                                .fail(EINVAL, "no direct value access support for this map type"))
                        }
                    };
                    if err != 0 {
                        return Err(self.fail(
                            err,
                            &format!(
                                "invalid access to map value pointer, value_size={} off={}",
                                map.value_size, off
                            ),
                        ));
                    }
                }
                if newly_used {
                    if used_maps.len() >= MAX_USED_MAPS {
                        return Err(self.fail_unworded_before_walk(
                            crate::env::E2BIG,
                            crate::reason::Reason::TooManyMaps {
                                limit: MAX_USED_MAPS,
                            },
                        ));
                    }
                    used_maps.push(map_idx);
                }
                if map.map_type == crate::program::MapType::Arena
                    && self.arena.is_none_or(|a| a != map_idx)
                {
                    if self.arena.is_some() {
                        return Err(self.fail(EBUSY, "Only one arena per program"));
                    }
                    self.arena = Some(map_idx);
                    // libbpf 1.4 mmaps an arena as it creates it; 1.1 does
                    // not, so only `map_extra` gives it a user address
                    if !self.prog.libbpf.is_1_4() && map.map_extra == 0 {
                        return Err(self.fail(
                            EINVAL,
                            "arena's user address must be set via map_extra or mmap()",
                        ));
                    }
                }
                let stype = match map.map_type {
                    crate::program::MapType::CgroupStorage => Some(0),
                    crate::program::MapType::PercpuCgroupStorage => Some(1),
                    _ => None,
                };
                if let Some(st) = stype {
                    match cgroup_storage[st] {
                        Some(other) if other != map_idx => {
                            return Err(
                                self.fail(EBUSY, "only one cgroup storage of each type is allowed")
                            );
                        }
                        _ => cgroup_storage[st] = Some(map_idx),
                    }
                }
                continue;
            }
            if !opcode_in_insntable(insn.code, self.rules.opcode_jmp32_ja, self.rules.opcodes_v4) {
                let c = insn.code;
                return Err(self.fail(EINVAL, &format!("unknown opcode {:02x}", c)));
            }
            i += 1;
        }
        Ok(())
    }

    /// `check_pseudo_btf_id()`: the `ld_imm64` of a kernel variable (a
    /// typed `__ksym`, `imm` its BTF id in vmlinux). The kernel rewrites the
    /// instruction to the variable's address, which the log prints, and
    /// keeps its type for the walk (`aux->btf_var`). Every VAR of the
    /// modelled kernels' BTF is a per-CPU variable (pahole encodes no other
    /// globals there): its address is its offset in `.data..percpu`, the
    /// same on every boot (per-CPU symbols are absolute, KASLR leaves them).
    pub(crate) fn check_pseudo_btf_id(&mut self, at: usize) -> VResult<()> {
        use crate::env::ENOENT;
        let id = self.prog.insns[at].imm as u32;
        if self.prog.insns[at + 1].imm != 0 {
            // a module's BTF object fd: libbpf gives 0 for vmlinux
            return Err(self.fail(EINVAL, "invalid module BTF object FD specified."));
        }
        let Some(kernel) = self.prog.kernel_btf.clone() else {
            return Err(self
                .fail(
                    ENOTSUPP,
                    "ld_imm64 of a kernel variable (BPF_PSEUDO_BTF_ID) without the kernel's BTF is not modelled by veristep",
                )
                .because(crate::reason::Reason::Other));
        };
        let kb = &kernel.btf;
        let v612 = self.rules.kfuncs_612;
        let not_var = || {
            if v612 {
                format!("pseudo btf_id {id} in ldimm64 isn't KIND_VAR or KIND_FUNC")
            } else {
                format!("pseudo btf_id {id} in ldimm64 isn't KIND_VAR.")
            }
        };
        // id 0 is vmlinux's void (btf_type_by_id() finds it): what libbpf
        // loads for a weak typed extern the BTF lacks but kallsyms lists
        if id == 0 {
            return Err(self.fail(EINVAL, &not_var()));
        }
        let Ok(var) = kb.get(id) else {
            return Err(self.fail(
                ENOENT,
                &format!("ldimm64 insn specifies invalid btf_id {}.", id),
            ));
        };
        // 6.12: a kernel function's address too (bpf_ksym_exists() of a
        // kfunc), read-only memory of no size to the walk
        if var.kind == crate::btf::KIND_FUNC && self.rules.kfuncs_612 {
            let addr = crate::relo_core::kallsyms_addr(&var.name);
            self.aux[at].btf_var = Some(BTF_VAR_FUNC);
            let p = std::rc::Rc::make_mut(&mut self.prog);
            p.insns[at].imm = addr as u32 as i32;
            p.insns[at + 1].imm = (addr >> 32) as u32 as i32;
            return Ok(());
        }
        if var.kind != crate::btf::KIND_VAR {
            return Err(self.fail(EINVAL, &not_var()));
        }
        let addr = kb
            .find(crate::btf::KIND_DATASEC, ".data..percpu")
            .and_then(|ds| kb.get(ds).ok())
            .and_then(|ds| ds.members.iter().find(|(_, v, _)| *v == id).map(|m| m.2));
        let Some(addr) = addr else {
            let name = var.name.clone();
            return Err(self
                .fail(
                    ENOTSUPP,
                    &format!("kernel variable '{name}' outside .data..percpu: its address is not modelled by veristep"),
                )
                .because(crate::reason::Reason::Other));
        };
        self.aux[at].btf_var = Some(var.size_or_type);
        // a copy of the program the first time only (make_mut)
        let p = std::rc::Rc::make_mut(&mut self.prog);
        p.insns[at].imm = addr as i32;
        p.insns[at + 1].imm = 0;
        Ok(())
    }

    /// `check_cfg()`: iterative depth-first search (the 6.1.y version with
    /// `ldimm64` taking two slots); marks prune points and jump points.
    pub fn check_cfg(&mut self) -> VResult<()> {
        const DISCOVERED: u8 = 0x10;
        const EXPLORED: u8 = 0x20;
        const FALLTHROUGH: u8 = 1;
        const BRANCH: u8 = 2;
        let n = self.prog.insns.len();
        let mut state = vec![0u8; n];
        let mut stack: Vec<usize> = Vec::with_capacity(64);
        state[0] = DISCOVERED;
        stack.push(0);
        // 6.7+: then from the exception callback, which nothing calls
        let mut exception_cb = self
            .subprogs
            .iter()
            .find(|s| s.is_exception_cb)
            .map(|s| s.start);

        loop {
            let Some(&t) = stack.last() else {
                match exception_cb.take() {
                    Some(start) if start < n => {
                        state[start] = DISCOVERED;
                        stack.push(start);
                        continue;
                    }
                    _ => break,
                }
            };
            let insn = self.prog.insns[t];
            let sz = if insn.is_ld_imm64() { 2 } else { 1 };
            // the edges of t in the kernel's order: (target, kind, loop_ok)
            let mut edges: Vec<(i64, u8, bool)> = Vec::with_capacity(2);
            let class = insn.class();
            if insn.is_pseudo_func() {
                edges.push((t as i64 + 2, FALLTHROUGH, false));
                self.mark_prune(t + 2);
                self.mark_jmp(t + 2);
                self.mark_prune(t);
                edges.push((t as i64 + insn.imm as i64 + 1, BRANCH, true));
            } else if class != BPF_JMP && class != BPF_JMP32 {
                edges.push((t as i64 + sz, FALLTHROUGH, false));
            } else {
                match insn.op() {
                    BPF_EXIT => {}
                    BPF_CALL => {
                        // is_async_callback_calling_insn(): checked before the
                        // call pushes its callback's state
                        let async_cb = (insn.imm == FuncId::timer_set_callback as i32
                            && insn.src == 0)
                            || (insn.is_kfunc_call()
                                && self.kernel_kfunc_name(insn.imm).as_deref()
                                    == Some("bpf_wq_set_callback_impl"));
                        if async_cb {
                            self.mark_prune(t);
                        }
                        if self.rules.callbacks_iterate && self.is_sync_callback_calling_insn(&insn)
                        {
                            // 6.7: a callback-calling insn is a forced checkpoint
                            self.mark_prune(t);
                            self.mark_jmp(t);
                        }
                        // 6.12: an iterator's next call is a forced
                        // checkpoint (is_state_visited() asks the insn)
                        if self.iter_kfunc_at(t) == Some(crate::kfuncs::IterKfunc::Next) {
                            self.mark_prune(t);
                        }
                        edges.push((t as i64 + 1, FALLTHROUGH, false));
                        self.mark_prune(t + 1);
                        self.mark_jmp(t + 1);
                        if insn.src == BPF_PSEUDO_CALL {
                            self.mark_prune(t);
                            edges.push((t as i64 + insn.imm as i64 + 1, BRANCH, false));
                        }
                    }
                    BPF_JA => {
                        let tgt = t as i64 + insn.jmp_off() + 1;
                        edges.push((tgt, FALLTHROUGH, true));
                        if tgt >= 0 {
                            self.mark_prune(tgt as usize);
                            self.mark_jmp(tgt as usize);
                            if let Some(a) = self.aux.get_mut(tgt as usize) {
                                a.jump_target = true;
                            }
                        }
                    }
                    _ => {
                        // A conditional jump is a prune point but not a jump
                        // point: only its targets enter jmp_history. Debian's
                        // 6.1.192 log shows it (precision backtracking in
                        // loops stops at first_insn_idx: cfg/loop_with_branches,
                        // probe3/loop_precise, more/nested_loops).
                        self.mark_prune(t);
                        edges.push((t as i64 + 1, FALLTHROUGH, true));
                        edges.push((t as i64 + insn.off as i64 + 1, BRANCH, true));
                    }
                }
            }
            let mut pushed = false;
            for (w, kind, loop_ok) in edges {
                if w < 0 || w >= n as i64 {
                    self.verbose_linfo_at(t, &format!("{t}: "));
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!("jump out of range from insn {} to {}", t, w),
                        )
                        .at(Some(t)));
                }
                let w = w as usize;
                if kind == BRANCH {
                    // push_insn() marks every branch target
                    self.mark_prune(w);
                    self.mark_jmp(w);
                    self.aux[w].jump_target = true;
                }
                if state[w] == 0 {
                    state[w] = DISCOVERED;
                    stack.push(w);
                    pushed = true;
                    break;
                } else if state[w] & DISCOVERED != 0 && state[w] & EXPLORED == 0 {
                    // back-edge: allowed for privileged loaders, not into
                    // calls before 6.12
                    if loop_ok || self.rules.cfg_any_back_edge {
                        continue;
                    }
                    self.verbose_linfo_at(t, &format!("{t}: "));
                    self.verbose_linfo_at(w, &format!("{w}: "));
                    return Err(self
                        .fail(EINVAL, &format!("back-edge from insn {} to {}", t, w))
                        .at(Some(t)));
                }
            }
            if !pushed {
                state[t] = DISCOVERED | EXPLORED;
                stack.pop();
            }
        }
        let mut i = 0;
        while i < n {
            if state[i] & EXPLORED == 0 {
                return Err(self
                    .fail(EINVAL, &format!("unreachable insn {}", i))
                    .at(Some(i)));
            }
            if self.prog.insns[i].is_ld_imm64() {
                if i + 1 < n && state[i + 1] != 0 {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!("jump into the middle of ldimm64 insn {}", i),
                        )
                        .at(Some(i)));
                }
                i += 1;
            }
            i += 1;
        }
        Ok(())
    }

    fn mark_jmp(&mut self, i: usize) {
        if let Some(a) = self.aux.get_mut(i) {
            a.jmp_point = true;
        }
    }

    fn mark_prune(&mut self, i: usize) {
        if let Some(a) = self.aux.get_mut(i) {
            a.prune_point = true;
        }
    }
}

/// `aux.btf_var` of a kernel function's `ld_imm64` (6.12): no type, the
/// register is read-only memory of size 0.
pub(crate) const BTF_VAR_FUNC: u32 = u32::MAX;

/// `bpf_opcode_in_insntable()` of `kernel/bpf/core.c`: the opcodes a program
/// may use (`BPF_INSN_MAP` and the cBPF carry-overs `LD_ABS`/`LD_IND`).
pub fn opcode_in_insntable(code: u8, jmp32_ja: bool, v4: bool) -> bool {
    let class = code & 0x07;
    let op = code & 0xf0;
    let src = code & 0x08;
    match class {
        BPF_ALU | BPF_ALU64 => match op {
            // ADD SUB MUL DIV OR AND LSH RSH MOD XOR MOV ARSH, K and X
            0x00..=0x70 | 0x90..=0xc0 => true,
            BPF_NEG => src == 0,
            // BPF_END: ALU both directions; ALU64 only TO_LE (bswap, v4)
            BPF_END => class == BPF_ALU || (v4 && src == 0),
            _ => false,
        },
        BPF_JMP | BPF_JMP32 => match op {
            // JEQ JGT JGE JSET JNE JSGT JSGE, JLT JLE JSLT JSLE, K and X
            0x10..=0x70 | 0xa0..=0xd0 => true,
            BPF_JA => src == 0 && (class == BPF_JMP || jmp32_ja),
            BPF_CALL | BPF_EXIT => class == BPF_JMP && src == 0,
            // BPF_JCOND (may_goto), 6.9+
            0xe0 => v4 && class == BPF_JMP && src == 0,
            _ => false,
        },
        BPF_STX => {
            let mode = code & 0xe0;
            let size = code & 0x18;
            mode == BPF_MEM || (mode == BPF_ATOMIC && (size == BPF_W || size == BPF_DW))
        }
        BPF_ST => code & 0xe0 == BPF_MEM,
        BPF_LDX => {
            let mode = code & 0xe0;
            mode == BPF_MEM || (v4 && mode == BPF_MEMSX && code & 0x18 != BPF_DW)
        }
        // BPF_LD: LD_IMM64, and LD_ABS / LD_IND of B, H, W
        _ => {
            let mode = code & 0xe0;
            let size = code & 0x18;
            code == BPF_LD | BPF_IMM | BPF_DW
                || ((mode == BPF_ABS || mode == BPF_IND) && size != BPF_DW)
        }
    }
}

/// `sleepable_lsm_hooks` of 6.1 (kernel/bpf/bpf_lsm.c), without `bpf_lsm_`.
pub(crate) const SLEEPABLE_LSM_HOOKS_61: &[&str] = &[
    "bpf",
    "bpf_map",
    "bpf_prog",
    "bprm_check_security",
    "bprm_committed_creds",
    "bprm_committing_creds",
    "bprm_creds_for_exec",
    "bprm_creds_from_file",
    "capget",
    "capset",
    "cred_prepare",
    "file_ioctl",
    "file_lock",
    "file_open",
    "file_receive",
    "inode_create",
    "inode_free_security",
    "inode_getattr",
    "inode_getxattr",
    "inode_mknod",
    "inode_need_killpriv",
    "inode_post_setxattr",
    "inode_readlink",
    "inode_rename",
    "inode_rmdir",
    "inode_setattr",
    "inode_setxattr",
    "inode_symlink",
    "inode_unlink",
    "kernel_module_request",
    "kernel_read_file",
    "kernfs_init_security",
    "mmap_file",
    "netlink_send",
    "path_notify",
    "release_secctx",
    "sb_alloc_security",
    "sb_eat_lsm_opts",
    "sb_kern_mount",
    "sb_mount",
    "sb_remount",
    "sb_set_mnt_opts",
    "sb_show_options",
    "sb_statfs",
    "sb_umount",
    "settime",
    "socket_accept",
    "socket_bind",
    "socket_connect",
    "socket_create",
    "socket_getpeername",
    "socket_getpeersec_dgram",
    "socket_getsockname",
    "socket_getsockopt",
    "socket_listen",
    "socket_post_create",
    "socket_recvmsg",
    "socket_sendmsg",
    "socket_shutdown",
    "socket_socketpair",
    "syslog",
    "task_alloc",
    "current_getsecid_subj",
    "task_getsecid_obj",
    "task_prctl",
    "task_setscheduler",
    "userns_create",
    "bpf_map_alloc_security",
    "bpf_map_free_security",
    "inet_conn_established",
    "key_free",
];

/// 5.19's and 6.1's `btf_id_deny` in Debian's build (`CONFIG_SMP`;
/// `CONFIG_PREEMPT_RCU` leaves out `rcu_read_unlock_strict`, and neither
/// `DEBUG_PREEMPT` nor `TRACE_PREEMPT_TOGGLE` is set).
pub(crate) const TRAMPOLINE_DENY_61: &[&str] = &["migrate_disable", "migrate_enable"];

/// 6.12's `btf_id_deny` in Debian's build: with `CONFIG_PREEMPT_RCU`
/// the RCU read-side entry points too.
pub(crate) const TRAMPOLINE_DENY_612: &[&str] = &[
    "migrate_disable",
    "migrate_enable",
    "__rcu_read_lock",
    "__rcu_read_unlock",
];

/// 6.12's `noreturn_deny` in Debian's build (`CONFIG_IA32_EMULATION`,
/// `CONFIG_MODULES`, x86-64; no KUnit).
pub(crate) const NORETURN_DENY_612: &[&str] = &[
    "__ia32_sys_exit",
    "__ia32_sys_exit_group",
    "__module_put_and_kthread_exit",
    "__x64_sys_exit",
    "__x64_sys_exit_group",
    "do_exit",
    "do_group_exit",
    "kthread_complete_and_exit",
    "kthread_exit",
    "make_task_dead",
];

/// The functions 6.12 registers with `register_btf_fmodret_id_set()`:
/// `bpf_test_modify_return_ids` (net/bpf/test_run.c) and
/// `bpf_mptcp_fmodret_ids` (net/mptcp/bpf.c). 6.1 registers none.
pub(crate) const FMODRET_SET_612: &[(&str, bool)] = &[
    ("bpf_modify_return_test", false),
    ("bpf_modify_return_test2", false),
    ("bpf_modify_return_test_tp", false),
    ("bpf_fentry_test1", true),
    ("update_socket_protocol", false),
];

/// `sleepable_lsm_hooks` of 6.12.
pub(crate) const SLEEPABLE_LSM_HOOKS_612: &[&str] = &[
    "bpf",
    "bpf_map",
    "bpf_prog",
    "bprm_check_security",
    "bprm_committed_creds",
    "bprm_committing_creds",
    "bprm_creds_for_exec",
    "bprm_creds_from_file",
    "capget",
    "capset",
    "cred_prepare",
    "file_ioctl",
    "file_lock",
    "file_open",
    "file_receive",
    "inode_create",
    "inode_free_security",
    "inode_getattr",
    "inode_getxattr",
    "inode_mknod",
    "inode_need_killpriv",
    "inode_post_setxattr",
    "inode_readlink",
    "inode_rename",
    "inode_rmdir",
    "inode_setattr",
    "inode_setxattr",
    "inode_symlink",
    "inode_unlink",
    "kernel_module_request",
    "kernel_read_file",
    "kernfs_init_security",
    "mmap_file",
    "netlink_send",
    "path_notify",
    "release_secctx",
    "sb_alloc_security",
    "sb_eat_lsm_opts",
    "sb_kern_mount",
    "sb_mount",
    "sb_remount",
    "sb_set_mnt_opts",
    "sb_show_options",
    "sb_statfs",
    "sb_umount",
    "settime",
    "socket_accept",
    "socket_bind",
    "socket_connect",
    "socket_create",
    "socket_getpeername",
    "socket_getpeersec_dgram",
    "socket_getsockname",
    "socket_getsockopt",
    "socket_listen",
    "socket_post_create",
    "socket_recvmsg",
    "socket_sendmsg",
    "socket_shutdown",
    "socket_socketpair",
    "syslog",
    "task_alloc",
    "current_getsecid_subj",
    "task_getsecid_obj",
    "task_prctl",
    "task_setscheduler",
    "userns_create",
    "bpf_map_create",
    "bpf_map_free",
    "bpf_prog_load",
    "bpf_prog_free",
    "bpf_token_create",
    "bpf_token_free",
    "bpf_token_cmd",
    "bpf_token_capable",
    "file_post_open",
    "path_unlink",
    "path_mkdir",
    "path_rmdir",
    "path_truncate",
    "path_symlink",
    "path_link",
    "path_rename",
    "path_chmod",
    "path_chown",
];

/// `bpf_lsm_disabled_hooks` (kernel/bpf/bpf_lsm.c) as Debian builds 6.1
/// (CONFIG_KEYS, CONFIG_AUDIT, CONFIG_SECURITY_NETWORK_XFRM on): hooks whose
/// return value or arguments a BPF program must not own.
pub const LSM_DISABLED_HOOKS_61: &[&str] = &[
    "vm_enough_memory",
    "inode_need_killpriv",
    "inode_getsecurity",
    "inode_listsecurity",
    "inode_copy_up_xattr",
    "getprocattr",
    "setprocattr",
    "key_getsecurity",
    "audit_rule_match",
    "xfrm_decode_session",
    "ismaclabel",
];

/// 6.12.95's set: 6.1's and `getselfattr` (6.8), without
/// `xfrm_decode_session` (later 6.12 releases disable it again).
pub const LSM_DISABLED_HOOKS_612: &[&str] = &[
    "vm_enough_memory",
    "inode_need_killpriv",
    "inode_getsecurity",
    "inode_listsecurity",
    "inode_copy_up_xattr",
    "getselfattr",
    "getprocattr",
    "setprocattr",
    "key_getsecurity",
    "audit_rule_match",
    "ismaclabel",
];
