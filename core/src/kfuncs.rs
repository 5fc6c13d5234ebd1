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
