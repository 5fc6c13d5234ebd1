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

/// The kernel functions of the modelled kernels' own sets, beyond the test
/// kfuncs, and the program types they are registered for: the congestion
/// control helpers of net/ipv4/bpf_tcp_ca.c (`bpf_tcp_ca_check_kfunc_ids`,
/// no flags, `BPF_PROG_TYPE_STRUCT_OPS`; the same in 6.1 and 6.12).
/// Their prototypes come from the kernel's BTF.
pub const TCP_CA_KFUNCS: [&str; 5] = [
    "tcp_reno_ssthresh",
    "tcp_reno_cong_avoid",
    "tcp_reno_undo_cwnd",
    "tcp_slow_start",
    "tcp_cong_avoid_ai",
];

/// `btf_kfunc_id_set_contains()` for a kernel function by name.
pub fn allowed(name: &str, pt: crate::program::ProgType) -> bool {
    pt == crate::program::ProgType::StructOps && TCP_CA_KFUNCS.contains(&name)
}

/// Is `name` a kernel function veristep models?
pub fn is_modelled(name: &str) -> bool {
    by_name(name).is_some() || TCP_CA_KFUNCS.contains(&name)
}
