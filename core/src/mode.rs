//! The differences between the modelled kernels, in one place.
//!
//! Everything the checker does differently for 5.19 (before 9d9d00ac), 6.1
//! and 6.7 is a field here; the checker asks `env.rules`, never the version.

use crate::KernelVersion;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// 9d9d00ac: references acquired in a sync callback are tagged with the
    /// callback's frame number (`callback_ref`); a callback may release only
    /// its own; the leak check runs at every callback `exit`.
    pub callback_ref: bool,
    /// Before 9d9d00ac: the leak check runs only at the `exit` of frame 0;
    /// after it, before `prepare_func_exit` at every `exit`.
    pub leak_check_every_exit: bool,
    /// Before 9d9d00ac references flow back from a callback to its caller.
    pub copy_refs_back_from_callback: bool,
    /// 6.7: sync callbacks are verified as if called any number of times
    /// (pushed at the call, iterated to a fixpoint).
    pub callbacks_iterate: bool,
    /// `is_branch_taken()` decides `==` / `!=` from the bounds, not only for
    /// constants: Linux 6.8+; on in the `6.7` mode because that mode is
    /// checked against 6.12 (the kernel we can boot for it).
    pub eq_branch_uses_ranges: bool,
    /// Messages in Linux 6.12's words (`ringbuf_mem`, `trusted_ptr_`,
    /// "program of this type cannot use helper", ...): the `6.7` mode is
    /// checked against 6.12.
    pub words_612: bool,
    /// `add_used_map_from_fd()` (6.12): a program's 65th map is counted as
    /// its fd is read, before the map's checks, and refused with a message;
    /// 6.1 counts it after them and returns E2BIG without a word.
    pub used_maps_counted_at_fd: bool,
    /// `set_map_elem_callback_state()` refuses a `bpf_for_each_map_elem`
    /// call site that has seen two maps (its `map_ptr_state` poisoned by
    /// `record_func_map()`): "tail_call abusing map_ptr". 6.12 takes the
    /// map of the walk at hand ("valid map_ptr and poison value does not
    /// matter").
    pub for_each_map_poison: bool,
    /// The log buffer rotates (6.4+, `bpf_verifier_vlog`): a log longer
    /// than `log_size` keeps its end; before, it kept its beginning and
    /// stopped.
    pub rotating_log: bool,
    /// A JSET's false branch forgets the register's ranges before narrowing
    /// its tnum (`__mark_reg_unbounded(false_reg)`, "to avoid invariant
    /// violations if we're on a dead branch"): in Debian's 6.1.192 and in
    /// 6.12, not in 5.19.
    pub jset_forgets_ranges: bool,
    /// An LD_ABS/LD_IND in a subprogram may end the program at run time
    /// (`bpf_gen_ld_abs()`'s hidden `exit` with R0 = 0), so the walk
    /// explores that exit too: a pushed path goes on after the load, the
    /// current one returns 0 to the caller ("bpf: Fix ld_{abs,ind} failure
    /// path analysis in subprogs", in Debian's 6.1.192; not in 6.12.95,
    /// whose oracle accepts `peer/ld_abs_subprog_exit`).
    pub ld_abs_hidden_exit: bool,
    /// Comparing two pointers for equality, one of them not NULL, lifts
    /// the other's PTR_MAYBE_NULL where they are equal (6.2+, in 6.12).
    pub infer_not_null_from_ptr_eq: bool,
    /// BPF_ST may store into the context (6.3+, "bpf: allow ctx writes
    /// using BPF_ST_MEM instruction"); 6.1 refuses it.
    pub st_into_ctx: bool,
    /// `maybe_fork_scalars()` (6.12.95): a scalar in [-1, 0] ANDed or ORed
    /// with a constant forks the path, -1 going on and 0 pushed.
    pub fork_minus_one_or_zero: bool,
    /// The helper tables and prototypes of 6.12 (`helpers.rs`): which
    /// helpers each program type offers (`bpf_get_current_pid_tgid` to
    /// every type since 6.10, ...), the 212 helper ids, and the register
    /// types each argument accepts.
    pub helpers_612: bool,
    /// `round_up_stack_depth()`: 6.12 with the JIT rounds each frame to 16
    /// bytes; 6.1 rounds `max(depth, 1)` to 32.
    pub stack_round_16: bool,
    /// `mark_fastcall_patterns()` (6.11+): spill/fill pairs around a call
    /// the kernel inlines are removed with their stack before
    /// `check_max_stack_depth()` ([`crate::fastcall`]).
    pub fastcall: bool,
    /// `btf_check_subprog_arg_match()` logs a static callee's prototype
    /// mismatches (objects with BTF) as 6.1 does; off, 6.12's
    /// `btf_check_subprog_call()` does (`btf_check_static_call_612`).
    pub btf_static_arg_check: bool,
    /// `adjust_scalar_min_max_vals()` as 6.12 has it: a source whose bounds
    /// contradict each other no longer taints the result, `*` `|` `^` by a
    /// non-constant register are computed (`is_safe_to_compute_dst_reg_range`),
    /// shifts need a constant amount, `&` `|` `^` take their signed bounds
    /// from the unsigned ones when these do not cross the sign bit, and the
    /// result goes through 6.12's `reg_bounds_sync()`.
    pub scalar_alu_612: bool,
    /// `bpf_opcode_in_insntable()` knows `BPF_JMP32 | BPF_JA` (`gotol`):
    /// Debian's 6.1.192 has the backport, 5.19 does not.
    pub opcode_jmp32_ja: bool,
    /// `bpf_opcode_in_insntable()` knows the cpu v4 opcodes (64-bit `bswap`,
    /// sign-extending loads) and `may_goto`: 6.12, the `6.7` mode's oracle.
    pub opcodes_v4: bool,
    /// `push_insn()` (6.12): a privileged loader may have any back-edge,
    /// a recursive call too (the walk then finds the call stack too deep);
    /// 6.1 refuses a back-edge into a call (`loop_ok` false).
    pub cfg_any_back_edge: bool,
    /// `check_stack_write_fixed_off()` as 6.12 has it: every scalar written
    /// to an aligned slot is spilled (zero and unbounded ones too, where 6.1
    /// writes STACK_ZERO / STACK_MISC), a `BPF_ST` of any immediate spills a
    /// constant, a spill through a register other than r10 forces no
    /// precision, a spilled scalar that fits gets an id
    /// (`assign_scalar_id_before_mov`), and a narrower spill keeps
    /// STACK_ZERO bytes.
    pub stack_spill_612: bool,
    /// Precision backtracking as 6.12 does it (`backtrack.rs`): per frame,
    /// across calls, callbacks and stack accesses through any pointer, with
    /// linked scalars; 6.1.y (`precision.rs`) gives up at calls and exits.
    pub precision_612: bool,
    /// `is_state_visited()` as 6.12 has it: a callback's call site matches
    /// a checkpoint whose scalar ranges cover the current ones
    /// (`RANGE_WITHIN`), the infinite-loop check wants identical states
    /// (`EXACT`), a checkpoint is forced after 40 history entries, and
    /// call-site checkpoints survive 64 misses instead of 3.
    pub states_612: bool,
    /// `reg_not_null()` (6.12): a ring buffer record or other memory, and a
    /// referenced kernel object, are never NULL, so testing them against 0
    /// again decides the branch (6.1 walks both sides).
    pub mem_not_null: bool,
    /// `assign_scalar_id_before_mov()` (6.8+): `rX = rY` links the two only
    /// when rY is not a constant (6.1 links every scalar copy, spending an
    /// id), and a 32-bit copy of a value that fits in 32 bits is linked too.
    pub mov_ids_612: bool,
    /// Conditional jumps as 6.12 treats two scalars (`branches612.rs`):
    /// ranges compared with ranges to decide a branch and to narrow both
    /// operands, then `reg_bounds_sync()` with the mixed 32/64-bit deduction.
    pub branches_612: bool,
    /// `BPF_ADD_CONST` (6.11+): `r1 = r2; r1 += K` keeps r1 linked to r2
    /// with the constant, so a branch on one narrows the other.
    pub add_const_612: bool,
    /// 6.12's `do_refine_retval_range()` bounds `bpf_get_smp_processor_id()`
    /// by `nr_cpu_ids - 1`.
    pub smp_processor_id_bounded: bool,
    /// 6.9+: a static subprogram may be called while holding a
    /// `bpf_spin_lock`, and only main's `exit` must have released it.
    pub subprog_under_lock: bool,
    /// 6.7+: BPF exceptions. `bpf_throw()` ends the path in any frame
    /// (references must be released, not an RCU section or a
    /// non-preemptible region left open by main); the main function's
    /// `exception_callback:` decl tag names a global callback, verified
    /// like the program; neither may run under a callback.
    pub exceptions: bool,
    /// 6.2+: objects the program allocates (`MEM_ALLOC`) and the graph
    /// API that owns them: non-owning references die at the unlock,
    /// `bpf_rbtree_add` calls a callback, a per-CPU object stored by
    /// `bpf_kptr_xchg` stays readable under RCU.
    pub alloc_objects: bool,
    /// 6.12: `scalar += stack pointer` yields a pointer into frame 0's
    /// stack, whichever frame the code runs in (observed on 6.12.95).
    pub scalar_plus_fp_frame0: bool,
    /// 6.12's trust in kernel BTF pointers (`PTR_TRUSTED`, `MEM_RCU`,
    /// `PTR_UNTRUSTED`): trusted tp_btf, LSM and iterator arguments and
    /// `bpf_get_current_task_btf()`, walks that keep or lose the trust, and
    /// kernel structs read only by GPL programs. Also 6.12's
    /// `btf_struct_walk()` (`btf_access.rs`): unions make the pointers
    /// found in them untrusted, and a typedef handed on as an array
    /// element's type is skipped rather than "not a struct".
    pub trusted_ptrs: bool,
    /// `bpf_tcp_ca_btf_struct_access()` also lets a congestion control
    /// write `snd_cwnd_stamp` and `app_limited` (6.12).
    pub tcp_ca_writes_612: bool,
    /// 6.12's `btf_ctx_access()`: a pointer argument is read whole ("func
    /// 'F' size N must be 8"), and a BTF tracepoint's arguments of
    /// `raw_tp_null_args` may be NULL or an error code.
    pub btf_ctx_access_612: bool,
    /// A `BPF_LSM_CGROUP` program may be sleepable (6.12.95's
    /// `can_be_sleepable()`; 6.1 refuses it, and so do later 6.12 releases).
    pub lsm_cgroup_sleepable: bool,
    /// Which program types may sleep: 6.12's `can_be_sleepable()` (fentry,
    /// fexit, fmod_ret and iter tracing, LSM, uprobes, struct_ops) and its
    /// words; 6.1 lets tracing, LSM and kprobe programs sleep.
    pub can_be_sleepable_612: bool,
    /// The global-function lines (`Validating f() func#N...`, `Func#N is
    /// global ...`) are printed at any log level (6.12); 6.1 prints them at
    /// levels 1 and 2 only (`BPF_LOG_LEVEL`), not with the statistics alone.
    pub global_func_lines_any_level: bool,
    /// 6.12's struct_ops (`bpf_struct_ops_desc`): each member's CFI stub
    /// decides whether BPF may implement it (`bpf_struct_ops_supported`)
    /// and which of its pointer arguments may be NULL (a stub parameter
    /// named `*__nullable`, `prepare_arg_info`); a member may be sleepable
    /// (`struct_ops.s`) where the struct's `check_member` allows it; only
    /// writes go through the struct's `btf_struct_access` (6.1: reads too).
    pub struct_ops_612: bool,
    /// Kernel functions are checked by 6.12's `check_kfunc_args()` rather
    /// than 6.1's `btf_check_kfunc_arg_match()`: the sleepable check
    /// before the arguments, release arguments trusted (`Possibly NULL
    /// pointer passed to trusted arg0`), an acquired pointer's `id` only
    /// when it may be NULL, and the tracing kfunc sets also offered to
    /// tracepoint and perf_event programs.
    pub kfuncs_612: bool,
    /// `btf_parse_fields()` of 6.10+: a map value's lock, timer and
    /// workqueue are also looked for in nested structs (each with its own
    /// duplicate check; the last lock found is the one), where 6.1 looks at
    /// the value's own members only (`MapDef::fields_612`).
    pub nested_special_fields: bool,
    /// 6.12's `bpf_lsm_get_retval_range()`: an LSM hook returning int
    /// returns 0 or -errno (32-bit), and its previous return value read
    /// from the context is in that range.
    pub lsm_retval_range: bool,
    /// `do_check_subprogs()` of 6.12: global subprograms are verified after
    /// main, only those it calls; 6.1 verifies every one before main.
    pub global_subprogs_after_main: bool,
    /// 6.1's `btf_prepare_func_args()` and `do_check_common()` both give a
    /// global subprogram's pointer argument an id (6.12: once).
    pub global_arg_ids_twice: bool,
    /// The hooks a sleepable LSM program may attach to
    /// (`sleepable_lsm_hooks` of kernel/bpf/bpf_lsm.c), without `bpf_lsm_`.
    pub sleepable_lsm_hooks: &'static [&'static str],
    /// The LSM hooks no program may attach to (`bpf_lsm_disabled_hooks`),
    /// without `bpf_lsm_`.
    pub lsm_disabled_hooks: &'static [&'static str],
    /// `register_btf_fmodret_id_set()`'s functions: fmod_ret may change
    /// their return, and those flagged sleepable (`KF_SLEEPABLE`) take
    /// sleepable fentry/fexit/fmod_ret programs too.
    pub fmodret_set: &'static [(&'static str, bool)],
    /// `btf_id_deny`: functions no fentry/fexit/fmod_ret may attach to
    /// (refused with EINVAL and no message), as Debian's configuration
    /// (SMP, PREEMPT_RCU) builds the set.
    pub trampoline_deny: &'static [&'static str],
    /// 6.12's `noreturn_deny`: functions that never return, so no fexit
    /// or fmod_ret may attach to them.
    pub noreturn_deny: &'static [&'static str],
    /// 6.8+: a global function's parameters carry `arg:` decl tags
    /// (`__arg_ctx`, `__arg_nonnull`, ...), which 6.1 does not read.
    pub arg_tags: bool,
    /// 6.7+: cgroup_sock_addr hooks of unix sockets (`BPF_CGROUP_UNIX_*`).
    pub unix_sock_addr: bool,
    /// The `prog_flags` `bpf_prog_load()` knows: any other bit is EINVAL
    /// before the verifier starts (6.1: up to `BPF_F_XDP_HAS_FRAGS`; 6.12
    /// adds `BPF_F_XDP_DEV_BOUND_ONLY`, `BPF_F_TEST_REG_INVARIANTS` and
    /// `BPF_F_TOKEN_FD`).
    pub prog_flags_known: u32,
    /// 6.4+: `BPF_PROG_TYPE_NETFILTER` exists (6.1 refuses it at load).
    pub netfilter_prog: bool,
    /// 6.12: sleepable programs may use queues and stacks too
    /// (`check_map_prog_compatibility`; also cgroup storage and arenas,
    /// which veristep does not model).
    pub sleepable_queue_stack: bool,
    /// 6.1: a sleepable program may not use a map holding a
    /// `bpf_spin_lock` (`check_map_prog_compatibility`; 6.12 lets it).
    pub sleepable_no_spin_lock: bool,
    /// The kernel itself, for what is a value rather than a rule (libbpf's
    /// `LINUX_KERNEL_VERSION`).
    pub kernel_version: KernelVersion,
}

impl Rules {
    /// `bpf_lsm_is_sleepable_hook()`: the LSM hook (`bpf_lsm_HOOK` or
    /// `HOOK`) is in the modelled kernel's `sleepable_lsm_hooks`.
    pub fn lsm_hook_may_sleep(&self, hook: &str) -> bool {
        self.sleepable_lsm_hooks
            .contains(&hook.trim_start_matches("bpf_lsm_"))
    }
    /// `find_prog_type()`: whether the kernel has the program type at all
    /// (a type it lacks fails the load before the verifier, EINVAL).
    /// Netfilter programs came with 6.4; Debian builds its kernels without
    /// `CONFIG_BPF_LIRC_MODE2`.
    pub fn has_prog_type(&self, t: crate::program::ProgType) -> bool {
        use crate::program::ProgType;
        match t {
            ProgType::Netfilter => self.netfilter_prog,
            ProgType::LircMode2 => false,
            _ => true,
        }
    }

    pub fn for_kernel(k: KernelVersion) -> Rules {
        match k {
            KernelVersion::V5_19 => Rules {
                kernel_version: k,
                callback_ref: false,
                leak_check_every_exit: false,
                copy_refs_back_from_callback: true,
                callbacks_iterate: false,
                eq_branch_uses_ranges: false,
                words_612: false,
                used_maps_counted_at_fd: false,
                for_each_map_poison: true,
                rotating_log: false,
                jset_forgets_ranges: false,
                ld_abs_hidden_exit: false,
                infer_not_null_from_ptr_eq: false,
                st_into_ctx: false,
                fork_minus_one_or_zero: false,
                helpers_612: false,
                stack_round_16: false,
                fastcall: false,
                btf_static_arg_check: true,
                scalar_alu_612: false,
                stack_spill_612: false,
                precision_612: false,
                states_612: false,
                mem_not_null: false,
                mov_ids_612: false,
                branches_612: false,
                add_const_612: false,
                smp_processor_id_bounded: false,
                subprog_under_lock: false,
                exceptions: false,
                alloc_objects: false,
                scalar_plus_fp_frame0: false,
                opcode_jmp32_ja: false,
                opcodes_v4: false,
                cfg_any_back_edge: false,
                trusted_ptrs: false,
                tcp_ca_writes_612: false,
                btf_ctx_access_612: false,
                lsm_cgroup_sleepable: false,
                can_be_sleepable_612: false,
                global_func_lines_any_level: false,
                struct_ops_612: false,
                kfuncs_612: false,
                nested_special_fields: false,
                lsm_retval_range: false,
                global_subprogs_after_main: false,
                global_arg_ids_twice: true,
                sleepable_lsm_hooks: crate::cfg::SLEEPABLE_LSM_HOOKS_61,
                lsm_disabled_hooks: crate::cfg::LSM_DISABLED_HOOKS_61,
                fmodret_set: &[],
                trampoline_deny: crate::cfg::TRAMPOLINE_DENY_61,
                noreturn_deny: &[],
                arg_tags: false,
                unix_sock_addr: false,
                prog_flags_known: 0x3f,
                netfilter_prog: false,
                sleepable_queue_stack: false,
                sleepable_no_spin_lock: true,
            },
            KernelVersion::V6_1 => Rules {
                kernel_version: k,
                callback_ref: true,
                leak_check_every_exit: true,
                copy_refs_back_from_callback: false,
                callbacks_iterate: false,
                eq_branch_uses_ranges: false,
                words_612: false,
                used_maps_counted_at_fd: false,
                for_each_map_poison: true,
                rotating_log: false,
                jset_forgets_ranges: true,
                ld_abs_hidden_exit: true,
                infer_not_null_from_ptr_eq: false,
                st_into_ctx: false,
                fork_minus_one_or_zero: false,
                helpers_612: false,
                stack_round_16: false,
                fastcall: false,
                btf_static_arg_check: true,
                scalar_alu_612: false,
                stack_spill_612: false,
                precision_612: false,
                states_612: false,
                mem_not_null: false,
                mov_ids_612: false,
                branches_612: false,
                add_const_612: false,
                smp_processor_id_bounded: false,
                subprog_under_lock: false,
                exceptions: false,
                alloc_objects: false,
                scalar_plus_fp_frame0: false,
                opcode_jmp32_ja: true,
                opcodes_v4: false,
                cfg_any_back_edge: false,
                trusted_ptrs: false,
                tcp_ca_writes_612: false,
                btf_ctx_access_612: false,
                lsm_cgroup_sleepable: false,
                can_be_sleepable_612: false,
                global_func_lines_any_level: false,
                struct_ops_612: false,
                kfuncs_612: false,
                nested_special_fields: false,
                lsm_retval_range: false,
                global_subprogs_after_main: false,
                global_arg_ids_twice: true,
                sleepable_lsm_hooks: crate::cfg::SLEEPABLE_LSM_HOOKS_61,
                lsm_disabled_hooks: crate::cfg::LSM_DISABLED_HOOKS_61,
                fmodret_set: &[],
                trampoline_deny: crate::cfg::TRAMPOLINE_DENY_61,
                noreturn_deny: &[],
                arg_tags: false,
                unix_sock_addr: false,
                prog_flags_known: 0x3f,
                netfilter_prog: false,
                sleepable_queue_stack: false,
                sleepable_no_spin_lock: true,
            },
            KernelVersion::V6_7 => Rules {
                kernel_version: k,
                callback_ref: true,
                leak_check_every_exit: true,
                copy_refs_back_from_callback: false,
                callbacks_iterate: true,
                eq_branch_uses_ranges: true,
                words_612: true,
                used_maps_counted_at_fd: true,
                for_each_map_poison: false,
                rotating_log: true,
                jset_forgets_ranges: true,
                ld_abs_hidden_exit: false,
                infer_not_null_from_ptr_eq: true,
                st_into_ctx: true,
                fork_minus_one_or_zero: true,
                helpers_612: true,
                stack_round_16: true,
                fastcall: true,
                btf_static_arg_check: false,
                scalar_alu_612: true,
                stack_spill_612: true,
                precision_612: true,
                states_612: true,
                mem_not_null: true,
                mov_ids_612: true,
                branches_612: true,
                add_const_612: true,
                smp_processor_id_bounded: true,
                subprog_under_lock: true,
                exceptions: true,
                alloc_objects: true,
                scalar_plus_fp_frame0: true,
                opcode_jmp32_ja: true,
                opcodes_v4: true,
                cfg_any_back_edge: true,
                trusted_ptrs: true,
                tcp_ca_writes_612: true,
                btf_ctx_access_612: true,
                lsm_cgroup_sleepable: true,
                can_be_sleepable_612: true,
                global_func_lines_any_level: true,
                struct_ops_612: true,
                kfuncs_612: true,
                nested_special_fields: true,
                lsm_retval_range: true,
                global_subprogs_after_main: true,
                global_arg_ids_twice: false,
                sleepable_lsm_hooks: crate::cfg::SLEEPABLE_LSM_HOOKS_612,
                lsm_disabled_hooks: crate::cfg::LSM_DISABLED_HOOKS_612,
                fmodret_set: crate::cfg::FMODRET_SET_612,
                trampoline_deny: crate::cfg::TRAMPOLINE_DENY_612,
                noreturn_deny: crate::cfg::NORETURN_DENY_612,
                arg_tags: true,
                unix_sock_addr: true,
                prog_flags_known: 0x100ff,
                netfilter_prog: true,
                sleepable_queue_stack: true,
                sleepable_no_spin_lock: false,
            },
        }
    }
}
