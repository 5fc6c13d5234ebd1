//! Kernel functions (kfuncs) the model knows: the test kfuncs of
//! `net/bpf/test_run.c` that Linux 6.1 registers for `sched_cls` programs.
//!
//! A kfunc call carries the function's BTF id in `imm`. BTF ids depend on the
//! kernel build; these are the ids of Debian's 6.1.0-57-amd64 (6.1.192-3),
//! the kernel whose BTF `static/btf/linux-6.1.btf.gz` is, as its verifier
//! log prints them (`call bpf_kfunc_call_test_release#99468`). (6.1.0-56
//! had 52663 and 52659: Debian's next build renumbered its BTF.)

/// `KF_*` flags of a kfunc (`include/linux/btf.h`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KfuncFlags {
    pub acquire: bool,
    pub release: bool,
    pub ret_null: bool,
    /// `KF_KPTR_GET`: the first argument is a referenced kptr's slot in a
    /// map value.
    pub kptr_get: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kfunc {
    pub name: &'static str,
    pub btf_id: i32,
    pub flags: KfuncFlags,
    /// BTF name of the struct the returned / released pointer points to.
    pub struct_name: &'static str,
}

pub const KFUNCS: &[Kfunc] = &[
    Kfunc {
        name: "bpf_kfunc_call_test_acquire",
        btf_id: 99472,
        flags: KfuncFlags {
            acquire: true,
            release: false,
            ret_null: true,
            kptr_get: false,
        },
        struct_name: "prog_test_ref_kfunc",
    },
    Kfunc {
        name: "bpf_kfunc_call_test_release",
        btf_id: 99468,
        flags: KfuncFlags {
            acquire: false,
            release: true,
            ret_null: false,
            kptr_get: false,
        },
        struct_name: "prog_test_ref_kfunc",
    },
    // KF_ACQUIRE | KF_RET_NULL | KF_KPTR_GET: its slot is always a map
    // value's referenced kptr, which veristep's maps never hold
    Kfunc {
        name: "bpf_kfunc_call_test_kptr_get",
        btf_id: 99456,
        flags: KfuncFlags {
            acquire: true,
            release: false,
            ret_null: true,
            kptr_get: true,
        },
        struct_name: "prog_test_ref_kfunc",
    },
];

pub fn by_name(name: &str) -> Option<&'static Kfunc> {
    KFUNCS.iter().find(|k| k.name == name)
}

pub fn by_btf_id(id: i32) -> Option<&'static Kfunc> {
    KFUNCS.iter().find(|k| k.btf_id == id)
}

/// A kernel function of the modelled kernels' own sets (beyond the test
/// kfuncs), with its `BTF_ID_FLAGS` as both kernels register it; its
/// prototype comes from the kernel's BTF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KernelKfunc {
    pub name: &'static str,
    /// `KF_ACQUIRE`: returns a referenced pointer.
    pub acquire: bool,
    /// `KF_RELEASE`: releases its referenced argument.
    pub release: bool,
    /// `KF_RET_NULL`: the pointer it returns may be NULL.
    pub ret_null: bool,
    /// `KF_SLEEPABLE`: only sleepable programs may call it.
    pub sleepable: bool,
    /// `KF_TRUSTED_ARGS`: its kernel object arguments must be referenced
    /// (6.1's rule).
    pub trusted_args: bool,
    /// `KF_RCU` (6.12): its kernel object arguments must be trusted or
    /// RCU pointers, and not NULL.
    pub rcu: bool,
    /// `KF_RCU_PROTECTED` (6.12): an iterator usable only inside the RCU
    /// read-side section it was made in.
    pub rcu_protected: bool,
    /// Where it is registered (`register_btf_kfunc_id_set`).
    pub set: KfuncSet,
    /// `KF_ITER_NEW` / `KF_ITER_NEXT` / `KF_ITER_DESTROY`: one of an
    /// open-coded iterator's three functions (its state is arg 0).
    pub iter: Option<IterKfunc>,
}

/// The part an open-coded iterator's kfunc plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IterKfunc {
    New,
    Next,
    Destroy,
}

/// The kfunc sets, by the program types whose hook they are registered on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KfuncSet {
    /// net/ipv4/bpf_tcp_ca.c: `BPF_PROG_TYPE_STRUCT_OPS`.
    TcpCongestion,
    /// kernel/trace/bpf_trace.c's `bpf_key_sig_kfunc_set`:
    /// `BPF_PROG_TYPE_TRACING`, whose hook (`BTF_KFUNC_HOOK_TRACING`) 6.1
    /// shares with LSM programs and 6.12 also with tracepoint and
    /// perf_event programs (`bpf_prog_type_to_kfunc_hook`).
    Tracing,
    /// kernel/bpf/helpers.c's `common_kfunc_set` (6.12), registered for
    /// `BPF_PROG_TYPE_UNSPEC`: every program type (`BTF_KFUNC_HOOK_COMMON`).
    Common,
    /// kernel/bpf/helpers.c's `generic_kfunc_set` (6.12): task and cgroup
    /// references, registered for tracing (the hook of tracing, LSM,
    /// tracepoint and perf_event programs), tc, XDP, struct_ops, syscall
    /// and cgroup_skb (the hook of every cgroup program type).
    Generic,
    /// kernel/bpf/cpumask.c (6.12): tracing's hook, struct_ops, syscall.
    Cpumask,
    /// fs/bpf_fs_kfuncs.c (6.12): registered for LSM programs (tracing's
    /// hook), whose filter lets only LSM programs call them.
    Fs,
    /// net/core/filter.c's `bpf_kfunc_set_skb` (6.12): tc, sched_act,
    /// sk_skb, socket filters, every cgroup type, LWT, netfilter and the
    /// tracing hook.
    Skb,
    /// net/core/filter.c's `bpf_kfunc_set_xdp` (6.12): XDP.
    Xdp,
    /// net/core/filter.c's `bpf_sk_iter_kfunc_set` (6.12): the tracing
    /// hook, filtered to BPF iterators (`tracing_iter_filter`).
    SockIter,
    /// net/core/filter.c's `bpf_kfunc_set_sock_addr` (6.12): cgroup socket
    /// address programs.
    SockAddr,
    /// net/core/filter.c's `bpf_kfunc_set_tcp_reqsk` (6.12): tc.
    TcpReqsk,
    /// kernel/bpf/crypto.c's `crypt_init_kfunc_set` (6.12): syscall
    /// programs create, acquire and release crypto contexts.
    CryptoInit,
    /// kernel/bpf/crypto.c's `crypt_kfunc_set` (6.12): tc, sched_act and
    /// XDP programs encrypt and decrypt with them.
    Crypto,
    /// kernel/bpf/map_iter.c's `bpf_map_iter_kfunc_set` (6.12): every
    /// program type (`BPF_PROG_TYPE_UNSPEC`).
    MapIter,
    /// net/bpf/test_run.c's `bpf_prog_test_kfunc_set` (built into Debian's
    /// 6.1; 6.12 moved it to the bpf_testmod module, so its vmlinux has
    /// none): `BPF_PROG_TYPE_SCHED_CLS`, `BPF_PROG_TYPE_TRACING` (whose
    /// hook 6.1 shares with LSM programs) and `BPF_PROG_TYPE_SYSCALL`.
    Test,
}

const fn plain(name: &'static str, set: KfuncSet) -> KernelKfunc {
    KernelKfunc {
        name,
        acquire: false,
        release: false,
        ret_null: false,
        sleepable: false,
        trusted_args: false,
        rcu: false,
        rcu_protected: false,
        set,
        iter: None,
    }
}

const fn iter(name: &'static str, kind: IterKfunc) -> KernelKfunc {
    KernelKfunc {
        ret_null: matches!(kind, IterKfunc::Next),
        iter: Some(kind),
        ..plain(name, KfuncSet::Common)
    }
}

/// `KF_ACQUIRE | KF_RET_NULL`
const fn acquired(name: &'static str, set: KfuncSet) -> KernelKfunc {
    KernelKfunc {
        acquire: true,
        ret_null: true,
        ..plain(name, set)
    }
}

/// `KF_ACQUIRE | KF_RCU | KF_RET_NULL`
const fn acq_rcu(name: &'static str, set: KfuncSet) -> KernelKfunc {
    KernelKfunc {
        rcu: true,
        ..acquired(name, set)
    }
}

/// `KF_RELEASE`
const fn released(name: &'static str, set: KfuncSet) -> KernelKfunc {
    KernelKfunc {
        release: true,
        ..plain(name, set)
    }
}

/// `KF_RCU`
const fn rcu(name: &'static str, set: KfuncSet) -> KernelKfunc {
    KernelKfunc {
        rcu: true,
        ..plain(name, set)
    }
}

/// The kernel functions of 6.1 and 6.12 (net/ipv4/bpf_tcp_ca.c,
/// kernel/trace/bpf_trace.c, kernel/cgroup/rstat.c; 6.12's
/// kernel/bpf/helpers.c, kernel/bpf/cpumask.c, fs/bpf_fs_kfuncs.c). A kernel
/// without one has no such FUNC in its BTF: the loader refuses the extern.
pub const KERNEL_KFUNCS: &[KernelKfunc] = &[
    plain("tcp_reno_ssthresh", KfuncSet::TcpCongestion),
    plain("tcp_reno_cong_avoid", KfuncSet::TcpCongestion),
    plain("tcp_reno_undo_cwnd", KfuncSet::TcpCongestion),
    plain("tcp_slow_start", KfuncSet::TcpCongestion),
    plain("tcp_cong_avoid_ai", KfuncSet::TcpCongestion),
    // KF_ACQUIRE | KF_RET_NULL | KF_SLEEPABLE
    KernelKfunc {
        acquire: true,
        ret_null: true,
        sleepable: true,
        ..plain("bpf_lookup_user_key", KfuncSet::Tracing)
    },
    // KF_ACQUIRE | KF_RET_NULL
    KernelKfunc {
        acquire: true,
        ret_null: true,
        ..plain("bpf_lookup_system_key", KfuncSet::Tracing)
    },
    // KF_RELEASE
    KernelKfunc {
        release: true,
        ..plain("bpf_key_put", KfuncSet::Tracing)
    },
    // KF_SLEEPABLE
    KernelKfunc {
        sleepable: true,
        ..plain("bpf_verify_pkcs7_signature", KfuncSet::Tracing)
    },
    // test_sk_check_kfunc_ids (net/bpf/test_run.c, 6.1; acquire, release
    // and kptr_get are the table above)
    plain("bpf_kfunc_call_test1", KfuncSet::Test),
    plain("bpf_kfunc_call_test2", KfuncSet::Test),
    plain("bpf_kfunc_call_test3", KfuncSet::Test),
    KernelKfunc {
        acquire: true,
        ret_null: true,
        ..plain("bpf_kfunc_call_memb_acquire", KfuncSet::Test)
    },
    KernelKfunc {
        release: true,
        ..plain("bpf_kfunc_call_memb_release", KfuncSet::Test)
    },
    // in 6.12's vmlinux too (its test_sk_check_kfunc_ids); 6.1 calls it
    // through the table above
    released("bpf_kfunc_call_test_release", KfuncSet::Test),
    KernelKfunc {
        release: true,
        ..plain("bpf_kfunc_call_memb1_release", KfuncSet::Test)
    },
    KernelKfunc {
        ret_null: true,
        ..plain("bpf_kfunc_call_test_get_rdwr_mem", KfuncSet::Test)
    },
    KernelKfunc {
        ret_null: true,
        ..plain("bpf_kfunc_call_test_get_rdonly_mem", KfuncSet::Test)
    },
    KernelKfunc {
        acquire: true,
        ret_null: true,
        ..plain("bpf_kfunc_call_test_acq_rdonly_mem", KfuncSet::Test)
    },
    KernelKfunc {
        release: true,
        ..plain("bpf_kfunc_call_int_mem_release", KfuncSet::Test)
    },
    plain("bpf_kfunc_call_test_pass_ctx", KfuncSet::Test),
    plain("bpf_kfunc_call_test_pass1", KfuncSet::Test),
    plain("bpf_kfunc_call_test_pass2", KfuncSet::Test),
    plain("bpf_kfunc_call_test_fail1", KfuncSet::Test),
    plain("bpf_kfunc_call_test_fail2", KfuncSet::Test),
    plain("bpf_kfunc_call_test_fail3", KfuncSet::Test),
    plain("bpf_kfunc_call_test_mem_len_pass1", KfuncSet::Test),
    plain("bpf_kfunc_call_test_mem_len_fail1", KfuncSet::Test),
    plain("bpf_kfunc_call_test_mem_len_fail2", KfuncSet::Test),
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_kfunc_call_test_ref", KfuncSet::Test)
    },
    // KF_DESTRUCTIVE: the loader is root (CAP_SYS_BOOT)
    plain("bpf_kfunc_call_test_destructive", KfuncSet::Test),
    // common_btf_ids (6.12): the numbers iterator
    iter("bpf_iter_num_new", IterKfunc::New),
    iter("bpf_iter_num_next", IterKfunc::Next),
    iter("bpf_iter_num_destroy", IterKfunc::Destroy),
    // and the bits iterator (its memory argument is `__ign`ored)
    iter("bpf_iter_bits_new", IterKfunc::New),
    iter("bpf_iter_bits_next", IterKfunc::Next),
    iter("bpf_iter_bits_destroy", IterKfunc::Destroy),
    // ... a task's VMAs (the task: KF_RCU), a css's tasks, a css's
    // descendants and the system's tasks (KF_TRUSTED_ARGS; the last two
    // KF_RCU_PROTECTED)
    KernelKfunc {
        rcu: true,
        ..iter("bpf_iter_task_vma_new", IterKfunc::New)
    },
    iter("bpf_iter_task_vma_next", IterKfunc::Next),
    iter("bpf_iter_task_vma_destroy", IterKfunc::Destroy),
    KernelKfunc {
        trusted_args: true,
        ..iter("bpf_iter_css_task_new", IterKfunc::New)
    },
    iter("bpf_iter_css_task_next", IterKfunc::Next),
    iter("bpf_iter_css_task_destroy", IterKfunc::Destroy),
    KernelKfunc {
        trusted_args: true,
        rcu_protected: true,
        ..iter("bpf_iter_css_new", IterKfunc::New)
    },
    iter("bpf_iter_css_next", IterKfunc::Next),
    iter("bpf_iter_css_destroy", IterKfunc::Destroy),
    KernelKfunc {
        trusted_args: true,
        rcu_protected: true,
        ..iter("bpf_iter_task_new", IterKfunc::New)
    },
    iter("bpf_iter_task_next", IterKfunc::Next),
    iter("bpf_iter_task_destroy", IterKfunc::Destroy),
    // generic_btf_ids (6.12): task and cgroup references
    acq_rcu("bpf_task_acquire", KfuncSet::Generic),
    released("bpf_task_release", KfuncSet::Generic),
    acq_rcu("bpf_cgroup_acquire", KfuncSet::Generic),
    released("bpf_cgroup_release", KfuncSet::Generic),
    acq_rcu("bpf_cgroup_ancestor", KfuncSet::Generic),
    acquired("bpf_cgroup_from_id", KfuncSet::Generic),
    rcu("bpf_task_under_cgroup", KfuncSet::Generic),
    acq_rcu("bpf_task_get_cgroup1", KfuncSet::Generic),
    acquired("bpf_task_from_pid", KfuncSet::Generic),
    // BPF exceptions: unwinds the program (do_check() ends the path)
    plain("bpf_throw", KfuncSet::Generic),
    // objects of the program's own types, and the lists and rbtrees that
    // own them (the graph API; crate::alloc_obj)
    acquired("bpf_obj_new_impl", KfuncSet::Generic),
    released("bpf_obj_drop_impl", KfuncSet::Generic),
    acquired("bpf_percpu_obj_new_impl", KfuncSet::Generic),
    released("bpf_percpu_obj_drop_impl", KfuncSet::Generic),
    plain("bpf_list_push_front_impl", KfuncSet::Generic),
    plain("bpf_list_push_back_impl", KfuncSet::Generic),
    acquired("bpf_list_pop_front", KfuncSet::Generic),
    acquired("bpf_list_pop_back", KfuncSet::Generic),
    // KF_ACQUIRE | KF_RET_NULL | KF_RCU
    acq_rcu("bpf_refcount_acquire_impl", KfuncSet::Generic),
    plain("bpf_rbtree_add_impl", KfuncSet::Generic),
    acquired("bpf_rbtree_remove", KfuncSet::Generic),
    KernelKfunc {
        ret_null: true,
        ..plain("bpf_rbtree_first", KfuncSet::Generic)
    },
    // common_btf_ids (6.12): the RCU read-side section
    plain("bpf_rcu_read_lock", KfuncSet::Common),
    plain("bpf_rcu_read_unlock", KfuncSet::Common),
    // ... and the non-preemptible regions
    plain("bpf_preempt_disable", KfuncSet::Common),
    plain("bpf_preempt_enable", KfuncSet::Common),
    // ... and the casts: the program's context as the kernel's struct, any
    // pointer as a read-only (untrusted) kernel struct
    plain("bpf_cast_to_kern_ctx", KfuncSet::Common),
    plain("bpf_rdonly_cast", KfuncSet::Common),
    // cpumask_kfunc_btf_ids (6.12)
    acquired("bpf_cpumask_create", KfuncSet::Cpumask),
    released("bpf_cpumask_release", KfuncSet::Cpumask),
    KernelKfunc {
        acquire: true,
        trusted_args: true,
        ..plain("bpf_cpumask_acquire", KfuncSet::Cpumask)
    },
    rcu("bpf_cpumask_first", KfuncSet::Cpumask),
    rcu("bpf_cpumask_first_zero", KfuncSet::Cpumask),
    rcu("bpf_cpumask_first_and", KfuncSet::Cpumask),
    rcu("bpf_cpumask_set_cpu", KfuncSet::Cpumask),
    rcu("bpf_cpumask_clear_cpu", KfuncSet::Cpumask),
    rcu("bpf_cpumask_test_cpu", KfuncSet::Cpumask),
    rcu("bpf_cpumask_test_and_set_cpu", KfuncSet::Cpumask),
    rcu("bpf_cpumask_test_and_clear_cpu", KfuncSet::Cpumask),
    rcu("bpf_cpumask_setall", KfuncSet::Cpumask),
    rcu("bpf_cpumask_clear", KfuncSet::Cpumask),
    rcu("bpf_cpumask_and", KfuncSet::Cpumask),
    rcu("bpf_cpumask_or", KfuncSet::Cpumask),
    rcu("bpf_cpumask_xor", KfuncSet::Cpumask),
    rcu("bpf_cpumask_equal", KfuncSet::Cpumask),
    rcu("bpf_cpumask_intersects", KfuncSet::Cpumask),
    rcu("bpf_cpumask_subset", KfuncSet::Cpumask),
    rcu("bpf_cpumask_empty", KfuncSet::Cpumask),
    rcu("bpf_cpumask_full", KfuncSet::Cpumask),
    rcu("bpf_cpumask_copy", KfuncSet::Cpumask),
    rcu("bpf_cpumask_any_distribute", KfuncSet::Cpumask),
    rcu("bpf_cpumask_any_and_distribute", KfuncSet::Cpumask),
    rcu("bpf_cpumask_weight", KfuncSet::Cpumask),
    // bpf_fs_kfunc_set_ids (6.12)
    KernelKfunc {
        acquire: true,
        ret_null: true,
        trusted_args: true,
        ..plain("bpf_get_task_exe_file", KfuncSet::Fs)
    },
    released("bpf_put_file", KfuncSet::Fs),
    // fs/verity/measure.c's fsverity_set_ids (6.12): LSM programs only
    // (its filter), KF_TRUSTED_ARGS
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_get_fsverity_digest", KfuncSet::Fs)
    },
    // KF_SLEEPABLE | KF_TRUSTED_ARGS: an xattr read into a dynptr, its
    // name a constant string
    KernelKfunc {
        sleepable: true,
        trusted_args: true,
        ..plain("bpf_get_dentry_xattr", KfuncSet::Fs)
    },
    KernelKfunc {
        sleepable: true,
        trusted_args: true,
        ..plain("bpf_get_file_xattr", KfuncSet::Fs)
    },
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_path_d_path", KfuncSet::Fs)
    },
    // bpf_rstat_kfunc_ids, registered for BPF_PROG_TYPE_TRACING
    plain("cgroup_rstat_updated", KfuncSet::Tracing),
    KernelKfunc {
        sleepable: true,
        ..plain("cgroup_rstat_flush", KfuncSet::Tracing)
    },
    // common_btf_ids (6.12): dynptr slices (KF_RET_NULL) and queries
    KernelKfunc {
        ret_null: true,
        ..plain("bpf_dynptr_slice", KfuncSet::Common)
    },
    KernelKfunc {
        ret_null: true,
        ..plain("bpf_dynptr_slice_rdwr", KfuncSet::Common)
    },
    plain("bpf_dynptr_adjust", KfuncSet::Common),
    plain("bpf_dynptr_is_null", KfuncSet::Common),
    plain("bpf_dynptr_is_rdonly", KfuncSet::Common),
    plain("bpf_dynptr_size", KfuncSet::Common),
    plain("bpf_dynptr_clone", KfuncSet::Common),
    // bpf_kfunc_check_set_skb / _xdp (6.12): dynptrs over the packet
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_dynptr_from_skb", KfuncSet::Skb)
    },
    plain("bpf_dynptr_from_xdp", KfuncSet::Xdp),
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_sock_destroy", KfuncSet::SockIter)
    },
    plain("bpf_sock_addr_set_sun_path", KfuncSet::SockAddr),
    // KF_TRUSTED_ARGS: a SYN cookie's request socket
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_sk_assign_tcp_reqsk", KfuncSet::TcpReqsk)
    },
    KernelKfunc {
        trusted_args: true,
        ..plain("bpf_map_sum_elem_count", KfuncSet::MapIter)
    },
    // common_btf_ids (6.12): KF_SLEEPABLE
    KernelKfunc {
        sleepable: true,
        ..plain("bpf_copy_from_user_str", KfuncSet::Common)
    },
    // kernel/bpf/arena.c's arena_kfuncs (6.9+), registered for
    // BPF_PROG_TYPE_UNSPEC: KF_TRUSTED_ARGS | KF_SLEEPABLE
    KernelKfunc {
        trusted_args: true,
        sleepable: true,
        ..plain("bpf_arena_alloc_pages", KfuncSet::Common)
    },
    KernelKfunc {
        trusted_args: true,
        sleepable: true,
        ..plain("bpf_arena_free_pages", KfuncSet::Common)
    },
    // net/ipv4/tcp_cubic.c's tcp_cubic_kfunc_set (CUBIC is built into
    // Debian's kernels; BBR and DCTCP are modules, whose BTF the modelled
    // kernels do not load)
    plain("cubictcp_init", KfuncSet::TcpCongestion),
    plain("cubictcp_recalc_ssthresh", KfuncSet::TcpCongestion),
    plain("cubictcp_cong_avoid", KfuncSet::TcpCongestion),
    plain("cubictcp_state", KfuncSet::TcpCongestion),
    plain("cubictcp_cwnd_event", KfuncSet::TcpCongestion),
    plain("cubictcp_acked", KfuncSet::TcpCongestion),
    // net/core/xdp.c's xdp_metadata_kfunc_set (6.3+): XDP; only a
    // device-bound program may call them (see `dev_bound`)
    plain("bpf_xdp_metadata_rx_timestamp", KfuncSet::Xdp),
    plain("bpf_xdp_metadata_rx_hash", KfuncSet::Xdp),
    plain("bpf_xdp_metadata_rx_vlan_tag", KfuncSet::Xdp),
    // kernel/bpf/crypto.c (6.10+): KF_ACQUIRE | KF_RET_NULL | KF_SLEEPABLE
    KernelKfunc {
        acquire: true,
        ret_null: true,
        sleepable: true,
        ..plain("bpf_crypto_ctx_create", KfuncSet::CryptoInit)
    },
    released("bpf_crypto_ctx_release", KfuncSet::CryptoInit),
    acq_rcu("bpf_crypto_ctx_acquire", KfuncSet::CryptoInit),
    rcu("bpf_crypto_decrypt", KfuncSet::Crypto),
    rcu("bpf_crypto_encrypt", KfuncSet::Crypto),
    // kernel/bpf/helpers.c's common_btf_ids (6.10+): a workqueue in a map
    // value, whose callback runs later in process context (may sleep)
    plain("bpf_wq_init", KfuncSet::Common),
    plain("bpf_wq_set_callback_impl", KfuncSet::Common),
    plain("bpf_wq_start", KfuncSet::Common),
];

/// `bpf_dev_bound_kfunc_id()`: the XDP metadata kfuncs, which a driver
/// implements. A program loaded without a device (libbpf's default, and
/// every program veristep verifies) may not call them: `add_kfunc_call()`
/// refuses it before the walk ("metadata kfuncs require device-bound
/// program").
pub fn dev_bound(name: &str) -> bool {
    name.starts_with("bpf_xdp_metadata_rx_") && KERNEL_KFUNCS.iter().any(|k| k.name == name)
}

pub fn kernel_kfunc(name: &str) -> Option<&'static KernelKfunc> {
    KERNEL_KFUNCS.iter().find(|k| k.name == name)
}

/// The `imm` a text program's call of a kernel function of
/// [`KERNEL_KFUNCS`] carries until [`crate::Program::relocated`] puts the
/// kernel FUNC's BTF id there: minus one more than its index (no kernel
/// BTF id is negative).
pub fn text_id(name: &str) -> Option<i32> {
    KERNEL_KFUNCS
        .iter()
        .position(|k| k.name == name)
        .map(|i| -(i as i32) - 1)
}

/// The kernel function a text program's placeholder `imm` names.
pub fn by_text_id(imm: i32) -> Option<&'static KernelKfunc> {
    let i = usize::try_from(-(imm as i64) - 1).ok()?;
    KERNEL_KFUNCS.get(i)
}

/// `btf_kfunc_id_set_contains()` for a kernel function by name.
pub fn allowed(
    k: &KernelKfunc,
    pt: crate::program::ProgType,
    attach: Option<crate::program::AttachType>,
    v612: bool,
) -> bool {
    use crate::program::ProgType as P;
    use KfuncHook as H;
    let hook = KfuncHook::of(pt);
    match k.set {
        KfuncSet::TcpCongestion => pt == P::StructOps,
        KfuncSet::Common => v612,
        // 6.1's tracing hook is tracing and LSM programs'
        KfuncSet::Tracing if !v612 => matches!(pt, P::Tracing | P::Lsm),
        KfuncSet::Tracing => hook == H::Tracing,
        KfuncSet::Generic => {
            v612 && matches!(
                hook,
                H::Tracing | H::StructOps | H::Syscall | H::Tc | H::Xdp | H::Cgroup
            )
        }
        KfuncSet::Cpumask => v612 && matches!(hook, H::Tracing | H::StructOps | H::Syscall),
        // registered for the tracing hook, filtered to LSM programs
        KfuncSet::Fs => v612 && pt == P::Lsm,
        KfuncSet::Skb => {
            v612 && matches!(
                hook,
                H::Tc
                    | H::SchedAct
                    | H::SkSkb
                    | H::SocketFilter
                    | H::Cgroup
                    | H::Lwt
                    | H::Netfilter
                    | H::Tracing
            )
        }
        KfuncSet::Xdp => v612 && hook == H::Xdp,
        // tracing_iter_filter(): BPF iterators only
        KfuncSet::SockIter => {
            v612 && hook == H::Tracing && attach == Some(crate::program::AttachType::TraceIter)
        }
        KfuncSet::SockAddr => v612 && pt == P::CgroupSockAddr,
        KfuncSet::TcpReqsk => v612 && hook == H::Tc,
        KfuncSet::MapIter => v612,
        KfuncSet::CryptoInit => v612 && hook == H::Syscall,
        KfuncSet::Crypto => v612 && matches!(hook, H::Tc | H::SchedAct | H::Xdp),
        KfuncSet::Test => {
            matches!(pt, P::SchedCls | P::Tracing | P::Syscall) || (!v612 && pt == P::Lsm)
        }
    }
}

/// The kfunc hook a program type's kfuncs are looked up in (6.12's
/// `bpf_prog_type_to_kfunc_hook()`): several types share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KfuncHook {
    Xdp,
    Tc,
    StructOps,
    Tracing,
    Syscall,
    Cgroup,
    SchedAct,
    SkSkb,
    SocketFilter,
    Lwt,
    Netfilter,
    Other,
}

impl KfuncHook {
    fn of(pt: crate::program::ProgType) -> Self {
        use crate::program::ProgType as P;
        match pt {
            P::Xdp => KfuncHook::Xdp,
            P::SchedCls => KfuncHook::Tc,
            P::StructOps => KfuncHook::StructOps,
            P::Tracing | P::Tracepoint | P::PerfEvent | P::Lsm => KfuncHook::Tracing,
            P::Syscall => KfuncHook::Syscall,
            P::CgroupSkb
            | P::CgroupSock
            | P::CgroupDevice
            | P::CgroupSockAddr
            | P::CgroupSockopt
            | P::CgroupSysctl => KfuncHook::Cgroup,
            P::SchedAct => KfuncHook::SchedAct,
            P::SkSkb => KfuncHook::SkSkb,
            P::SocketFilter => KfuncHook::SocketFilter,
            P::LwtIn | P::LwtOut | P::LwtXmit | P::LwtSeg6local => KfuncHook::Lwt,
            P::Netfilter => KfuncHook::Netfilter,
            _ => KfuncHook::Other,
        }
    }
}

/// Is `name` a kernel function veristep models?
pub fn is_modelled(name: &str) -> bool {
    by_name(name).is_some() || kernel_kfunc(name).is_some()
}
