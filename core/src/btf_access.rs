//! Programs typed by the kernel's BTF (`kernel/bpf/btf.c`): the attach
//! target of a tracing or LSM program (`bpf_check_attach_target`), its
//! context as the target's arguments (`btf_ctx_access`), and reads
//! through `PTR_TO_BTF_ID` pointers (`btf_struct_walk`,
//! `btf_struct_access`), with 6.12's trust flags
//! (`check_ptr_to_btf_access`: trusted, RCU, untrusted).
//!
//! A kernel BTF pointer is a `RegType::BtfId` register whose `aux` holds
//! the kernel's type id and its flags ([`BtfPtr`]); the test kfuncs' own
//! structs keep their small index there.

use crate::btf::{Btf, Type, KIND_ARRAY, KIND_INT, KIND_PTR, KIND_STRUCT, KIND_UNION};
use crate::relo_core::KernelBtf;
use std::sync::Arc;

/// What a program is attached to, resolved in the kernel's BTF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachBtf {
    pub kernel: Arc<KernelBtf>,
    /// The name the kernel's messages use (`do_nanosleep`,
    /// `sched_switch` for `tp_btf/sched_switch`, `bpf_lsm_file_open`).
    pub tname: String,
    /// The target's FUNC_PROTO.
    pub proto: u32,
    /// tp_btf: `btf_trace_NAME`'s first argument (`void *__data`) is not
    /// the program's.
    pub btf_trace: bool,
    /// The FUNC's id (LSM hooks are told apart by it); a struct_ops
    /// program's struct.
    pub func_id: u32,
    /// A struct_ops program: the kernel struct's name and the member's
    /// index (the expected attach type the kernel is given).
    pub struct_ops: Option<(String, u32)>,
}

impl PartialEq for KernelBtf {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::eq(self, o) || self.btf == o.btf
    }
}
impl Eq for KernelBtf {}

/// Flags of a kernel BTF pointer (`enum bpf_type_flag`), in `aux`.
pub const KERNEL: u32 = 1 << 31;
pub const TRUSTED: u32 = 1 << 30;
pub const RCU: u32 = 1 << 29;
pub const UNTRUSTED: u32 = 1 << 28;
pub const USER: u32 = 1 << 27;
pub const PERCPU: u32 = 1 << 26;
/// `MEM_ALLOC` (6.2+): an object the program allocated (`bpf_obj_new`);
/// its id is a type of the program's own BTF, not the kernel's.
pub const ALLOC: u32 = 1 << 25;
/// `NON_OWN_REF` (6.4+): an allocated object a graph owns now (pushed on
/// a list, added to an rbtree), usable until the lock is released.
pub const NON_OWN: u32 = 1 << 24;
/// The id is a type of the program's own BTF (every `ALLOC` pointer, and a
/// local kptr loaded as per-CPU or untrusted memory).
pub const PROG: u32 = 1 << 23;
const ID_MASK: u32 = (1 << 23) - 1;

/// A `PTR_TO_BTF_ID` of the kernel's BTF as a register's `aux`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BtfPtr(pub u32);

impl BtfPtr {
    pub fn new(id: u32, flags: u32) -> Self {
        // an allocated object is always of the program's BTF
        let flags = if flags & ALLOC != 0 {
            flags | PROG
        } else {
            flags
        };
        BtfPtr(KERNEL | flags | (id & ID_MASK))
    }
    /// `aux` of a register: a kernel BTF pointer, or a test kfunc's struct.
    pub fn of(aux: u32) -> Option<Self> {
        (aux & KERNEL != 0).then_some(BtfPtr(aux))
    }
    pub fn id(self) -> u32 {
        self.0 & ID_MASK
    }
    pub fn has(self, f: u32) -> bool {
        self.0 & f != 0
    }
    /// The type flags (`PROG` says which BTF, it is no flag of the
    /// kernel's).
    pub fn flags(self) -> u32 {
        self.0 & !ID_MASK & !KERNEL & !PROG
    }
    /// `reg_type_str()`'s prefix for the flags (6.1 has no trusted or RCU
    /// pointers).
    pub fn prefix(self) -> String {
        let mut s = String::new();
        for (f, p) in [
            (USER, "user_"),
            (PERCPU, "percpu_"),
            (RCU, "rcu_"),
            (UNTRUSTED, "untrusted_"),
            (TRUSTED, "trusted_"),
        ] {
            if self.has(f) {
                s.push_str(p);
            }
        }
        s
    }
}

fn skip(btf: &Btf, id: u32) -> Option<(u32, &Type)> {
    let id = btf.skip_mods(id).ok()?;
    Some((id, btf.get(id).ok()?))
}

/// `btf_type_str()`
fn type_str(t: Option<&Type>) -> &'static str {
    match t {
        Some(t) => {
            let s = crate::btf::kind_str(t.kind);
            if t.kind == 0 {
                "UNKNOWN"
            } else {
                s
            }
        }
        None => "UNKNOWN",
    }
}

/// libbpf (`libbpf_find_attach_btf_id`) and the kernel
/// (`bpf_check_attach_target`): the BTF a section's target names.
/// Err: libbpf's failure (the program does not load).
pub fn resolve_attach(
    kernel: &Arc<KernelBtf>,
    attach: crate::program::AttachType,
    target: &str,
    struct_ops_map: Option<&str>,
) -> Result<AttachBtf, String> {
    use crate::program::AttachType as A;
    let btf = &kernel.btf;
    if matches!(attach, A::StructOps | A::StructOpsRelease) {
        return resolve_struct_ops(kernel, target, struct_ops_map);
    }
    let (name, kind) = match attach {
        A::TraceRawTp => (format!("btf_trace_{target}"), crate::btf::KIND_TYPEDEF),
        A::LsmMac | A::LsmCgroup => (format!("bpf_lsm_{target}"), crate::btf::KIND_FUNC),
        A::TraceIter => {
            // the registered targets whose context arguments are BTF
            // pointers (bpf_map_elem and the other buffer-passing ones are
            // not modelled)
            if !ITER_TARGETS.contains(&target) {
                return Err(format!("not modelled: the iterator target '{target}'"));
            }
            (format!("bpf_iter_{target}"), crate::btf::KIND_FUNC)
        }
        _ => (target.to_string(), crate::btf::KIND_FUNC),
    };
    let Some(id) = kernel.find(kind, &name) else {
        return Err(format!(
            "failed to find kernel BTF type ID of '{target}': -3"
        ));
    };
    let t = btf.get(id).map_err(|e| e.to_string())?;
    let proto = if attach == A::TraceRawTp {
        // typedef -> pointer -> func_proto
        let p = btf.get(t.size_or_type).map_err(|e| e.to_string())?;
        if p.kind != KIND_PTR {
            return Err(format!(
                "attach_btf_id {id} points to wrong type name {name}"
            ));
        }
        p.size_or_type
    } else {
        t.size_or_type
    };
    if btf.get(proto).map(|p| p.kind) != Ok(crate::btf::KIND_FUNC_PROTO) {
        return Err(format!("attach_btf_id {id} is not a function"));
    }
    Ok(AttachBtf {
        kernel: kernel.clone(),
        tname: if attach == A::TraceRawTp {
            target.to_string()
        } else {
            name
        },
        proto,
        btf_trace: attach == A::TraceRawTp,
        func_id: id,
        struct_ops: None,
    })
}

/// libbpf 1.1's `bpf_map__init_kern_struct_ops()` for one member
/// (`STRUCT/member`): the kernel's struct of that name, its
/// `bpf_struct_ops_STRUCT` value type (only registered structs have one),
/// the member of that name, a function pointer. The program is loaded with
/// the struct's id and the member's index; its context is the member's
/// prototype.
/// `map` is the object's variable (libbpf's messages name it); a text
/// program has none and is named by its struct.
fn resolve_struct_ops(
    kernel: &Arc<KernelBtf>,
    target: &str,
    map: Option<&str>,
) -> Result<AttachBtf, String> {
    let btf = &kernel.btf;
    let (tname, mname) = target.split_once('/').unwrap_or((target, ""));
    let map = map.unwrap_or(tname);
    // find_struct_ops_kern_types(): `ops___flavour` names the kernel's `ops`
    let tname = crate::relo_core::essential_name(tname);
    let Some(id) = kernel.find(crate::btf::KIND_STRUCT, tname) else {
        return Err(format!(
            "struct_ops init_kern: struct {tname} is not found in kernel BTF"
        ));
    };
    // the structs of operations Debian's 6.1 and 6.12 register
    // (bpf_struct_ops_types.h, register_bpf_struct_ops): the congestion
    // controls and the test struct bpf_dummy_ops
    if !STRUCT_OPS.contains(&tname) {
        return Err(format!("not modelled: struct_ops of struct {tname}"));
    }
    let vname = format!("bpf_struct_ops_{tname}");
    if kernel.find(crate::btf::KIND_STRUCT, &vname).is_none() {
        return Err(format!(
            "struct_ops init_kern: struct {vname} is not found in kernel BTF"
        ));
    }
    let st = btf.get(id).map_err(|e| e.to_string())?;
    // libbpf 1.4's bpf_map__init_kern_struct_ops(): a member the kernel
    // lacks may only be zero, and a member set to a program is not (its
    // shadow value is the program)
    let Some(idx) = st.members.iter().position(|(n, _, _)| n == mname) else {
        return Err(format!(
            "struct_ops init_kern {map}: Cannot find member {mname} in kernel BTF"
        ));
    };
    let proto = skip(btf, st.members[idx].1)
        .filter(|(_, t)| t.kind == KIND_PTR)
        .and_then(|(_, t)| skip(btf, t.size_or_type))
        .filter(|(_, t)| t.kind == crate::btf::KIND_FUNC_PROTO)
        .map(|(id, _)| id);
    let Some(proto) = proto else {
        return Err(format!(
            "struct_ops init_kern {map}: kernel member {mname} is not a func ptr"
        ));
    };
    Ok(AttachBtf {
        kernel: kernel.clone(),
        tname: mname.to_string(),
        proto,
        btf_trace: false,
        func_id: id,
        struct_ops: Some((tname.to_string(), idx as u32)),
    })
}

/// The structs of operations BPF may implement in the modelled kernels.
pub const STRUCT_OPS: [&str; 2] = ["tcp_congestion_ops", "bpf_dummy_ops"];

/// 6.12's CFI stub of a struct_ops member (`st_ops->cfi_stubs`, as
/// net/ipv4/bpf_tcp_ca.c and net/bpf/bpf_dummy_struct_ops.c fill them): the
/// function's name, found in the kernel's BTF by the kernel through
/// kallsyms. `None`: the member has no stub, BPF may not implement it
/// (`bpf_struct_ops_supported`).
pub fn struct_ops_stub(st: &str, member: &str) -> Option<String> {
    match (st, member) {
        ("tcp_congestion_ops", "init" | "release") => Some(format!("__bpf_tcp_ca_{member}")),
        (
            "tcp_congestion_ops",
            "ssthresh" | "cong_avoid" | "set_state" | "cwnd_event" | "in_ack_event" | "pkts_acked"
            | "min_tso_segs" | "cong_control" | "undo_cwnd" | "sndbuf_expand",
        ) => Some(format!("bpf_tcp_ca_{member}")),
        ("bpf_dummy_ops", "test_1") => Some("bpf_dummy_ops__test_1".into()),
        ("bpf_dummy_ops", "test_2" | "test_sleepable") => Some(format!("bpf_dummy_{member}")),
        _ => None,
    }
}

/// 6.12's `prepare_arg_info()`: the arguments of a struct_ops member whose
/// stub names its parameter `*__nullable` are `PTR_TRUSTED | PTR_TO_BTF_ID
/// | PTR_MAYBE_NULL` (the program must check them), by argument index.
fn struct_ops_nullable(a: &AttachBtf, arg: usize) -> bool {
    let Some((st, _)) = a.struct_ops.as_ref() else {
        return false;
    };
    let Some(stub) = struct_ops_stub(st, &a.tname) else {
        return false;
    };
    let btf = &a.kernel.btf;
    a.kernel
        .find(crate::btf::KIND_FUNC, &stub)
        .and_then(|f| btf.get(f).ok())
        .and_then(|f| btf.get(f.size_or_type).ok())
        .and_then(|p| p.members.get(arg).map(|m| m.0.ends_with("__nullable")))
        .unwrap_or(false)
}

/// Iterator targets of 6.1 and 6.12 whose context (after `meta`) holds
/// pointers to kernel structs only (`ctx_arg_info`:
/// `PTR_TO_BTF_ID_OR_NULL`), checked in both kernels' sources and on the
/// oracles; and those over a map's elements (`bpf_map_elem`, `sockmap`,
/// `bpf_sk_storage_map`), whose keys and values are buffers (`PTR_TO_BUF`).
pub const ITER_TARGETS: [&str; 16] = [
    "task",
    "task_file",
    "task_vma",
    "bpf_map",
    "bpf_prog",
    "bpf_link",
    "cgroup",
    "tcp",
    "udp",
    "unix",
    "netlink",
    "ipv6_route",
    "ksym",
    "bpf_map_elem",
    "sockmap",
    "bpf_sk_storage_map",
];

/// What an iterator over a map's elements gets after `meta` and `map`
/// (`ctx_arg_info` of map_iter.c, sock_map.c, bpf_sk_storage.c; the same in
/// 6.1 and 6.12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum IterArg {
    /// `PTR_TO_BUF | PTR_MAYBE_NULL` (`| MEM_RDONLY`: a key).
    Buf { rdonly: bool },
    /// `PTR_TO_BTF_ID_OR_NULL` (`struct sock`).
    SockOrNull,
}

const ITER_MAP_ELEMS: [(&str, [IterArg; 2]); 3] = [
    (
        "bpf_iter_bpf_map_elem",
        [
            IterArg::Buf { rdonly: true },
            IterArg::Buf { rdonly: false },
        ],
    ),
    (
        "bpf_iter_sockmap",
        [IterArg::Buf { rdonly: true }, IterArg::SockOrNull],
    ),
    (
        "bpf_iter_bpf_sk_storage_map",
        [IterArg::SockOrNull, IterArg::Buf { rdonly: false }],
    ),
];

/// 6.12 marks these iterators' objects `PTR_TRUSTED` (task_iter.c,
/// map_iter.c, cgroup_iter.c; tcp and udp as the 6.12 kernel shows); the
/// others' stay plain.
fn iter_objects_trusted(tname: &str) -> bool {
    matches!(
        tname,
        "bpf_iter_task" | "bpf_iter_bpf_map" | "bpf_iter_cgroup" | "bpf_iter_tcp" | "bpf_iter_udp"
    )
}

/// What a context read of a BTF-typed program gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CtxArg {
    /// An iterator's object (`ctx_arg_info`): NULL on the last call.
    PtrOrNull(BtfPtr),
    Scalar,
    /// The traced function's return value (fexit, fmod_ret, LSM).
    RetVal,
    /// A kernel BTF pointer (may be NULL only where the kernel says so).
    Ptr(BtfPtr),
    /// An iterator's buffer (`ctx_arg_info`: `PTR_TO_BUF | PTR_MAYBE_NULL`,
    /// read-only when `rdonly`).
    BufOrNull {
        rdonly: bool,
    },
}

/// `get_ctx_arg_idx()`: which argument a context offset falls in.
fn ctx_arg_idx(btf: &Btf, params: &[u32], ret: u32, off: i32) -> usize {
    let slot = |id: u32| -> i32 {
        match skip(btf, id) {
            Some((_, t)) if t.kind == KIND_PTR => 8,
            Some((_, t)) => ((t.size_or_type as i32) + 7) / 8 * 8,
            None => 8,
        }
    };
    // the kernel compares with an unsigned offset: a negative one is past
    // every argument
    if off < 0 {
        return params.len() + 1;
    }
    let mut offset = 0;
    for (i, p) in params.iter().enumerate() {
        offset += slot(*p);
        if off < offset {
            return i;
        }
    }
    offset += slot(ret);
    if off < offset {
        return params.len();
    }
    params.len() + 1
}

/// `btf_ctx_access()` (after `bpf_tracing_ctx_access()`'s bounds): what it
/// logs, each piece with its own line end as the kernel prints it, and what
/// the read gives (None: refused). `v612`: 6.12's rules (a pointer read
/// whole, `raw_tp_null_args`).
pub fn btf_ctx_access(
    a: &AttachBtf,
    attach: Option<crate::program::AttachType>,
    args_trusted: bool,
    off: i32,
    size: u32,
    v612: bool,
) -> (Vec<String>, Option<CtxArg>) {
    use crate::program::AttachType as A;
    let btf = &a.kernel.btf;
    let tname = &a.tname;
    let mut log = Vec::new();
    if off % 8 != 0 {
        log.push(format!(
            "func '{tname}' offset {off} is not multiple of 8\n"
        ));
        return (log, None);
    }
    let Ok(proto) = btf.get(a.proto) else {
        return (log, Some(CtxArg::Scalar));
    };
    let mut params: Vec<u32> = proto.members.iter().map(|m| m.1).collect();
    // the index counts the prototype's parameters, a tracepoint's `void
    // *__data` too, and then names the argument after it: the context's
    // last slot plus one is still "an argument" there
    let arg = ctx_arg_idx(btf, &params, proto.size_or_type, off);
    if a.btf_trace && !params.is_empty() {
        params.remove(0);
    }
    let nr = params.len();
    if arg > nr {
        log.push(format!(
            "func '{tname}' doesn't have {}-th argument\n",
            arg + 1
        ));
        return (log, None);
    }
    let ty = if arg == nr {
        match attach {
            Some(A::LsmMac | A::LsmCgroup | A::TraceFexit) => proto.size_or_type,
            Some(A::ModifyReturn) => {
                let t = skip(btf, proto.size_or_type).map(|(_, t)| t);
                if !t.is_some_and(is_small_int) {
                    log.push(format!(
                        "ret type {} not allowed for fmod_ret\n",
                        type_str(t)
                    ));
                    return (log, None);
                }
                proto.size_or_type
            }
            _ => {
                log.push(format!(
                    "func '{tname}' doesn't have {}-th argument\n",
                    arg + 1
                ));
                return (log, None);
            }
        }
    } else {
        params[arg]
    };
    let Some((_, t)) = skip(btf, ty) else {
        return (log, Some(CtxArg::Scalar));
    };
    if is_small_int(t) || t.is_any_enum() || t.is_composite() {
        return (
            log,
            Some(if arg == nr {
                CtxArg::RetVal
            } else {
                CtxArg::Scalar
            }),
        );
    }
    if t.kind != KIND_PTR {
        log.push(format!(
            "func '{tname}' arg{arg} '{}' has type {}. Only pointer access is allowed\n",
            t.name,
            type_str(Some(t))
        ));
        return (log, None);
    }
    // 6.12: a pointer is read whole
    if v612 && size != 8 {
        log.push(format!("func '{tname}' size {size} must be 8\n"));
        return (log, None);
    }
    // the iterators over a map's elements list their key, value and socket
    // in ctx_arg_info, but not the map itself: buffers are looked at first
    // (a pointer to void), the socket may be NULL
    let map_elems = ITER_MAP_ELEMS.iter().find(|(n, _)| *n == tname);
    if let (Some(A::TraceIter), Some((_, info))) = (attach, map_elems) {
        match info.get(arg.wrapping_sub(2)) {
            Some(IterArg::Buf { rdonly }) => {
                return (log, Some(CtxArg::BufOrNull { rdonly: *rdonly }));
            }
            Some(IterArg::SockOrNull) => {
                if let Some((id, _)) = skip(btf, t.size_or_type).filter(|(_, p)| p.is_composite()) {
                    return (log, Some(CtxArg::PtrOrNull(BtfPtr::new(id, 0))));
                }
            }
            None => {}
        }
    }
    // an iterator's objects after meta come from ctx_arg_info: may be
    // NULL, no log line
    if attach == Some(A::TraceIter) && arg > 0 && map_elems.is_none() {
        if let Some((id, _)) = skip(btf, t.size_or_type).filter(|(_, p)| p.is_composite()) {
            let flags = if args_trusted && iter_objects_trusted(tname) {
                TRUSTED
            } else {
                0
            };
            return (log, Some(CtxArg::PtrOrNull(BtfPtr::new(id, flags))));
        }
    }
    // a pointer to void, or to an integer, is a scalar to the verifier
    if t.size_or_type == 0 {
        return (log, Some(CtxArg::Scalar));
    }
    if skip(btf, t.size_or_type).is_some_and(|(_, p)| p.kind == KIND_INT) {
        return (log, Some(CtxArg::Scalar));
    }
    // 6.12's struct_ops ctx_arg_info (its only kernel with CFI stubs, and
    // there every struct_ops argument is trusted): a nullable argument,
    // no log line
    if args_trusted && struct_ops_nullable(a, arg) {
        if let Some((id, _)) = skip(btf, t.size_or_type).filter(|(_, p)| p.kind == KIND_STRUCT) {
            return (log, Some(CtxArg::PtrOrNull(BtfPtr::new(id, TRUSTED))));
        }
    }
    let mut flags = if args_trusted { TRUSTED } else { 0 };
    // 6.12.95: a BTF tracepoint's arguments the kernel may pass as NULL
    // (or as an error code: read as a scalar, after the checks below)
    let (mut may_be_null, mut may_be_err) = (false, false);
    if v612 && a.btf_trace {
        let name = tname.trim_start_matches("btf_trace_");
        if let Some((_, mask)) = RAW_TP_NULL_ARGS.iter().find(|(n, _)| *n == name) {
            let nibble = mask.checked_shr(4 * arg as u32).unwrap_or(0) & 0xf;
            may_be_null = nibble & 1 != 0;
            may_be_err = nibble & 2 != 0;
        }
    }
    // type tags on the pointee: __user, __percpu
    let mut id = t.size_or_type;
    if let Ok(pt) = btf.get(id) {
        if pt.kind == crate::btf::KIND_TYPE_TAG {
            match pt.name.as_str() {
                "user" => flags |= USER,
                "percpu" => flags |= PERCPU,
                _ => {}
            }
        }
    }
    // through modifiers, the id following them
    for _ in 0..32 {
        match btf.get(id) {
            Ok(m) if is_modifier(m) => id = m.size_or_type,
            _ => break,
        }
    }
    let st = btf.get(id).ok();
    if !st.is_some_and(|s| s.is_composite()) {
        log.push(format!(
            "func '{tname}' arg{arg} type {} is not a struct\n",
            type_str(st)
        ));
        return (log, None);
    }
    let st = st.expect("checked above");
    log.push(format!(
        "func '{tname}' arg{arg} has btf_id {id} type {} '{}'\n",
        type_str(Some(st)),
        st.name
    ));
    if may_be_err {
        // the kernel ends this line without a newline (6.12.95)
        log.push(format!(
            "marking pointer arg{arg} as scalar as it may encode error"
        ));
        return (log, Some(CtxArg::Scalar));
    }
    if may_be_null {
        return (log, Some(CtxArg::PtrOrNull(BtfPtr::new(id, flags))));
    }
    (log, Some(CtxArg::Ptr(BtfPtr::new(id, flags))))
}

/// `raw_tp_null_args` of 6.12.95's kernel/bpf/btf.c: BTF tracepoints
/// whose arguments may be NULL (bit 0 of the argument's nibble) or an
/// error code (bit 1). Later 6.12 releases add `sched_process_wait`,
/// `signal_generate` and `signal_deliver`; the modelled 6.12.95 has not.
const RAW_TP_NULL_ARGS: &[(&str, u64)] = &[
    ("sched_pi_setprio", 0x10),
    ("sched_stick_numa", 0x100),
    ("sched_swap_numa", 0x100),
    ("afs_make_fs_call", 0x10),
    ("afs_make_fs_calli", 0x10),
    ("afs_make_fs_call1", 0x10),
    ("afs_make_fs_call2", 0x10),
    ("afs_protocol_error", 0x1),
    ("afs_flock_ev", 0x10),
    ("cachefiles_lookup", 0x1 | 0x200),
    ("cachefiles_unlink", 0x1),
    ("cachefiles_rename", 0x1),
    ("cachefiles_prep_read", 0x1),
    ("cachefiles_mark_active", 0x1),
    ("cachefiles_mark_failed", 0x1),
    ("cachefiles_mark_inactive", 0x1),
    ("cachefiles_vfs_error", 0x1),
    ("cachefiles_io_error", 0x1),
    ("cachefiles_ondemand_open", 0x1),
    ("cachefiles_ondemand_copen", 0x1),
    ("cachefiles_ondemand_close", 0x1),
    ("cachefiles_ondemand_read", 0x1),
    ("cachefiles_ondemand_cread", 0x1),
    ("cachefiles_ondemand_fd_write", 0x1),
    ("cachefiles_ondemand_fd_release", 0x1),
    ("ext4_mballoc_discard", 0x10),
    ("ext4_mballoc_free", 0x10),
    ("fib_table_lookup", 0x100),
    ("posix_lock_inode", 0x10),
    ("fcntl_setlk", 0x10),
    ("locks_remove_posix", 0x10),
    ("flock_lock_inode", 0x10),
    ("break_lease_noblock", 0x10),
    ("break_lease_block", 0x10),
    ("break_lease_unblock", 0x10),
    ("generic_delete_lease", 0x10),
    ("time_out_leases", 0x10),
    ("host1x_cdma_push_gather", 0x10000),
    ("mm_khugepaged_scan_pmd", 0x10),
    ("mm_collapse_huge_page_isolate", 0x1),
    ("mm_khugepaged_scan_file", 0x10),
    ("mm_khugepaged_collapse_file", 0x10),
    ("mm_page_alloc", 0x1),
    ("mm_page_pcpu_drain", 0x1),
    ("mm_page_alloc_zone_locked", 0x1),
    ("netfs_failure", 0x10),
    ("device_pm_callback_start", 0x10),
    ("qdisc_dequeue", 0x1000),
    ("rxrpc_recvdata", 0x1),
    ("rxrpc_resend", 0x10),
    ("kfree_skb", 0x1000),
    ("xs_stream_read_data", 0x1),
    ("xprt_reserve_cong", 0x10),
    ("xprt_release_cong", 0x10),
    ("xprt_get_cong", 0x10),
    ("xprt_put_cong", 0x10),
    ("tcp_send_reset", 0x11),
    ("tegra_dma_tx_status", 0x100),
    ("tmigr_update_events", 0x1),
    ("writeback_dirty_folio", 0x10),
    ("folio_wait_writeback", 0x10),
    ("mr_integ_alloc", 0x2000),
];

fn is_modifier(t: &Type) -> bool {
    use crate::btf::{KIND_CONST, KIND_RESTRICT, KIND_TYPEDEF, KIND_TYPE_TAG, KIND_VOLATILE};
    matches!(
        t.kind,
        KIND_TYPEDEF | KIND_VOLATILE | KIND_CONST | KIND_RESTRICT | KIND_TYPE_TAG
    )
}

/// `btf_type_is_small_int()`: an integer of at most 8 bytes.
fn is_small_int(t: &Type) -> bool {
    t.kind == KIND_INT && t.size_or_type <= 8
}

/// What `btf_struct_access()` found at an offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Walk {
    Scalar,
    /// A pointer member to a struct: the pointee's id, the member's name
    /// and its type tag flags (`__user`, `__percpu`, `__rcu`).
    Ptr {
        id: u32,
        field: String,
        tags: u32,
    },
}

/// An array member's elements, linearised: the element type (modifiers
/// skipped), their number, and the element type as the last array names it.
type ArrayElems = (u32, u64, u32);

/// `__btf_resolve_size()` for a member: (size, when an array, linearised:
/// its element type, the number of elements, and the `elem_id` the kernel
/// keeps — the last array's element type as written, a typedef too).
fn resolve(btf: &Btf, id: u32) -> Option<(u64, Option<ArrayElems>)> {
    let (sid, t) = skip(btf, id)?;
    if t.kind == KIND_ARRAY {
        let mut n: u64 = 1;
        let mut cur = sid;
        for _ in 0..32 {
            let (cid, c) = skip(btf, cur)?;
            match c.array {
                Some((elem, nelems)) if c.kind == KIND_ARRAY => {
                    n = n.checked_mul(u64::from(nelems))?;
                    cur = elem;
                }
                _ => {
                    let esz = u64::from(btf.size_of(cid).ok()?);
                    return Some((esz.checked_mul(n)?, Some((cid, n, cur))));
                }
            }
        }
        return None;
    }
    Some((u64::from(btf.size_of(sid).ok()?), None))
}

/// `btf_struct_access()`: `btf_struct_walk()` until it finds a scalar or a
/// pointer, diving into the structs it finds at the offset. Err is the
/// kernel's message.
///
/// `unions_untrusted` (6.12): a pointer found by walking through a union
/// of more than one member is untrusted (its `tags` say so), and such a
/// walk may read past a member's end.
pub fn btf_struct_access(
    btf: &Btf,
    id: u32,
    off: i64,
    size: u32,
    unions_untrusted: bool,
) -> Result<Walk, String> {
    let mut id = id;
    let mut off = off;
    let mut flag = 0;
    for _ in 0..64 {
        match btf_struct_walk(btf, id, off, size, unions_untrusted.then_some(&mut flag))? {
            Step::Found(w) => return Ok(w),
            Step::Struct(sid) => {
                id = sid;
                off = 0;
            }
        }
    }
    Err("struct nesting too deep".into())
}

/// `__btf_type_is_scalar_struct()`: a struct (or union) of integers,
/// enums, arrays of them and such structs, nested at most three deep
/// (deeper, the kernel logs `max struct nesting depth exceeded`).
pub fn is_scalar_struct(btf: &Btf, id: u32, rec: u32, log: &mut Vec<String>) -> bool {
    let scalar = |t: &Type| t.kind == crate::btf::KIND_INT || t.kind == crate::btf::KIND_ENUM;
    let Some((_, t)) = skip(btf, id) else {
        return false;
    };
    if !t.is_composite() {
        return false;
    }
    for (_, ty, _) in &t.members {
        let Some((mid, mt)) = skip(btf, *ty) else {
            return false;
        };
        if mt.is_composite() {
            if rec >= 3 {
                log.push("max struct nesting depth exceeded".into());
                return false;
            }
            if !is_scalar_struct(btf, mid, rec + 1, log) {
                return false;
            }
            continue;
        }
        // an array of scalars with elements (a flexible array is not)
        let elem = match mt.array {
            Some((_, 0)) => return false,
            Some((e, _)) => skip(btf, e).map(|(_, t)| t),
            None => Some(mt),
        };
        if !elem.is_some_and(scalar) {
            return false;
        }
    }
    true
}

/// `btf_struct_ids_match()` (not strict) for a helper's BTF argument: is
/// the struct at `off` of `id` the one named `want` (or does it start
/// with it)? The walk's messages go to the log, as the kernel's do.
///
/// `v612`: the walk as 6.12 has it (`Rules::trusted_ptrs`: modifiers
/// skipped, unions marked).
pub fn struct_ids_match(
    btf: &Btf,
    id: u32,
    off: i64,
    want: &str,
    v612: bool,
) -> (bool, Option<String>) {
    let is_want = |id: u32| {
        btf.get(id)
            .is_ok_and(|t| t.name == want && t.is_composite())
    };
    if off == 0 && is_want(id) {
        return (true, None);
    }
    let (mut id, mut off) = (id, off);
    let mut flag = 0;
    for _ in 0..64 {
        match btf_struct_walk(btf, id, off, 1, v612.then_some(&mut flag)) {
            Ok(Step::Struct(sid)) => {
                if is_want(sid) {
                    return (true, None);
                }
                id = sid;
                off = 0;
            }
            Ok(Step::Found(_)) => return (false, None),
            Err(m) => return (false, Some(m)),
        }
    }
    (false, None)
}

/// What one `btf_struct_walk()` gives.
enum Step {
    Found(Walk),
    /// A nested struct starts exactly at the offset (`WALK_STRUCT`).
    Struct(u32),
}

/// `btf_struct_walk()`: one struct, through the structs nested inside it
/// at other offsets than their start.
///
/// `flag`, when given (6.12), gathers `PTR_UNTRUSTED` from the unions it
/// walks through, across the calls of one access.
fn btf_struct_walk(
    btf: &Btf,
    id: u32,
    off: i64,
    size: u32,
    mut flag: Option<&mut u32>,
) -> Result<Step, String> {
    let mut t_id = id;
    let mut off = off;
    let size = i64::from(size);
    for _ in 0..64 {
        // 6.12 skips the modifiers and typedefs of the type it is handed
        // (an array element's type as written: see below); 6.1 does not
        if flag.is_some() {
            if let Some((sid, _)) = skip(btf, t_id) {
                t_id = sid;
            }
        }
        let t = btf.get(t_id).map_err(|e| e.to_string())?;
        // __btf_name_by_offset(): a nameless type is "(anon)"
        let tname = if t.name.is_empty() {
            "(anon)".to_string()
        } else {
            t.name.clone()
        };
        if !t.is_composite() {
            return Err(format!("Type '{tname}' is not a struct"));
        }
        // walking a union yields untrusted pointers, but for a union of
        // one member (__bpf_md_ptr)
        if let Some(f) = flag.as_deref_mut() {
            if t.kind == KIND_UNION && t.members.len() != 1 {
                *f |= UNTRUSTED;
            }
        }
        let untrusted = flag.as_deref().is_some_and(|f| f & UNTRUSTED != 0);
        // the kernel's `int off` meets the u32 sizes and offsets of BTF:
        // a negative offset compares (and prints) as a large unsigned one
        let uoff = off as i32 as u32;
        let past = (off as i32).wrapping_add(size as i32) as u32 > t.size_or_type;
        if past {
            // a flexible array at the end may be read past the size
            let beyond = || format!("access beyond struct {tname} at off {uoff} size {size}");
            let Some(last) = t.members.last() else {
                return Err(beyond());
            };
            let Some((_, mt)) = skip(btf, last.1) else {
                return Err(beyond());
            };
            match mt.array {
                Some((elem, 0)) if mt.kind == KIND_ARRAY => {
                    let moff = last.2 / 8;
                    if uoff < moff {
                        return Err(beyond());
                    }
                    let Some((eid, et)) = skip(btf, elem) else {
                        return Err(beyond());
                    };
                    if et.kind == KIND_INT {
                        return Ok(Step::Found(Walk::Scalar));
                    }
                    if !et.is_composite() || et.size_or_type == 0 {
                        return Err(beyond());
                    }
                    off = i64::from(uoff.wrapping_sub(moff) % et.size_or_type);
                    t_id = eid;
                    continue;
                }
                _ => return Err(beyond()),
            }
        }
        let mut next: Option<(u32, i64)> = None;
        let mut found: Option<Result<Step, String>> = None;
        for (i, m) in t.members.iter().enumerate() {
            let bit_off = i64::from(m.2);
            let mut moff = bit_off / 8;
            if off + size <= moff {
                break;
            }
            let bits = t.bitfield_size(i);
            if bits > 0 {
                let end_bit = bit_off + i64::from(bits);
                if off <= moff && (end_bit + 7) / 8 <= off + size {
                    found = Some(Ok(Step::Found(Walk::Scalar)));
                    break;
                }
                continue;
            }
            if off < moff {
                break;
            }
            let Some((msize, arr)) = resolve(btf, m.1) else {
                found = Some(Err(format!("field {} doesn't have size", m.0)));
                break;
            };
            let mtrue_end = moff + msize as i64;
            if off >= mtrue_end {
                continue;
            }
            let mut mid = m.1;
            let mut msize = msize as i64;
            let mut elem_id = None;
            if let Some((eid, n, raw)) = arr {
                if msize == 0 {
                    continue;
                }
                msize /= n as i64;
                let idx = (off - moff) / msize.max(1);
                moff += idx * msize;
                mid = eid;
                elem_id = Some(raw);
            }
            let Some((sid, mt)) = skip(btf, mid) else {
                found = Some(Err(format!("field {} doesn't have size", m.0)));
                break;
            };
            if mt.is_composite() {
                if off == moff {
                    // a struct starting at the offset: the caller dives
                    // in. An array element's is the kernel's `elem_id`,
                    // the element type as written: a typedef of a struct
                    // is then "not a struct" to 6.1's next walk
                    found = Some(Ok(Step::Struct(elem_id.unwrap_or(sid))));
                } else {
                    next = Some((sid, off - moff));
                }
                break;
            }
            if mt.kind == KIND_PTR {
                if msize != size || off != moff {
                    found = Some(Err(format!(
                        "cannot access ptr member {} with moff {} in struct {} with off {} size {}",
                        m.0, moff, tname, off, size
                    )));
                    break;
                }
                let mut tags = 0;
                if let Ok(tt) = btf.get(mt.size_or_type) {
                    if tt.kind == crate::btf::KIND_TYPE_TAG {
                        tags = match tt.name.as_str() {
                            "user" => USER,
                            "percpu" => PERCPU,
                            "rcu" => RCU,
                            _ => 0,
                        };
                    }
                }
                if let Some((pid, pt)) = skip(btf, mt.size_or_type) {
                    if pt.kind == KIND_STRUCT || pt.kind == KIND_UNION {
                        found = Some(Ok(Step::Found(Walk::Ptr {
                            id: pid,
                            field: m.0.clone(),
                            tags: tags | if untrusted { UNTRUSTED } else { 0 },
                        })));
                        break;
                    }
                }
            }
            if off + size > mtrue_end && !untrusted {
                found = Some(Err(format!(
                    "access beyond the end of member {} (mend:{}) in struct {} with off {} size {}",
                    m.0, mtrue_end, tname, off, size
                )));
                break;
            }
            found = Some(Ok(Step::Found(Walk::Scalar)));
            break;
        }
        if let Some(r) = found {
            return r;
        }
        match next {
            Some((sid, o)) => {
                t_id = sid;
                off = o;
            }
            None => return Err(format!("struct {tname} doesn't have field at offset {off}")),
        }
    }
    Err("struct nesting too deep".into())
}

/// `btf_nested_type_is_trusted()`: `STRUCT__safe_SUFFIX` in the kernel's
/// BTF lists `field` as a pointer to `ptr_id`'s type.
fn nested_is_safe(kernel: &KernelBtf, parent: u32, field: &str, ptr_id: u32, suffix: &str) -> bool {
    let btf = &kernel.btf;
    let Ok(p) = btf.get(parent) else { return false };
    let Some(safe) = kernel.find(p.kind, &format!("{}{}", p.name, suffix)) else {
        return false;
    };
    let Ok(st) = btf.get(safe) else { return false };
    st.members.iter().any(|m| {
        m.0 == field
            && skip(btf, m.1)
                .filter(|(_, t)| t.kind == KIND_PTR)
                .and_then(|(_, t)| skip(btf, t.size_or_type))
                .is_some_and(|(id, t)| {
                    id == ptr_id
                        || btf
                            .get(ptr_id)
                            .is_ok_and(|pt| pt.name == t.name && pt.kind == t.kind)
                })
    })
}

/// The flags of a pointer read through `parent` (6.12's
/// `check_ptr_to_btf_access`; a non-sleepable program is in an RCU
/// read-side section, `in_rcu_cs`): (flags, may be NULL).
pub fn walked_flags_612(
    kernel: &KernelBtf,
    parent: BtfPtr,
    parent_maybe_null: bool,
    in_rcu_cs: bool,
    field: &str,
    id: u32,
    tags: u32,
) -> (u32, bool) {
    if parent.has(UNTRUSTED) {
        return (UNTRUSTED, false);
    }
    let p = parent.id();
    // a walk through a union made it untrusted (btf_struct_walk)
    let union = tags & UNTRUSTED;
    if parent.has(TRUSTED) || parent.has(RCU) {
        if nested_is_safe(kernel, p, field, id, "__safe_trusted") {
            return (TRUSTED | (tags & (USER | PERCPU)) | union, false);
        }
        if nested_is_safe(kernel, p, field, id, "__safe_trusted_or_null") {
            return (TRUSTED | (tags & (USER | PERCPU)) | union, true);
        }
        if in_rcu_cs && !parent_maybe_null {
            if nested_is_safe(kernel, p, field, id, "__safe_rcu") {
                return (RCU | (tags & !RCU), false);
            }
            // "we always trust them": a listed RCU field drops the
            // union's mark, a merely __rcu-tagged one keeps it
            if nested_is_safe(kernel, p, field, id, "__safe_rcu_or_null") {
                return (RCU | (tags & !(RCU | UNTRUSTED)), true);
            }
            if tags & RCU != 0 {
                return (RCU | (tags & !RCU), true);
            }
            if tags & (USER | PERCPU) != 0 {
                return (tags, false);
            }
            return (tags & !RCU, false);
        }
        return (UNTRUSTED, false);
    }
    // old compat: clear_trusted_flags()
    ((tags & (USER | PERCPU)) | union, false)
}

/// `prog_args_trusted()` of 6.12 (6.1 has no trusted pointers).
///
/// An LSM hook's arguments are trusted but those of the hooks that free
/// or allocate the object (`untrusted_lsm_hooks`, `bpf_lsm_is_trusted()`);
/// `tname` is the target's name (`bpf_lsm_task_free`).
pub fn args_trusted(
    pt: crate::program::ProgType,
    attach: Option<crate::program::AttachType>,
    tname: &str,
) -> bool {
    use crate::program::{AttachType as A, ProgType as P};
    const UNTRUSTED_LSM_HOOKS: &[&str] = &[
        "bpf_lsm_bpf_map_free",
        "bpf_lsm_bpf_prog_free",
        "bpf_lsm_file_alloc_security",
        "bpf_lsm_file_free_security",
        "bpf_lsm_sk_alloc_security",
        "bpf_lsm_sk_free_security",
        "bpf_lsm_task_free",
    ];
    match pt {
        P::Tracing => matches!(attach, Some(A::TraceRawTp | A::TraceIter)),
        P::Lsm => !UNTRUSTED_LSM_HOOKS.contains(&tname),
        P::StructOps => true,
        _ => false,
    }
}

/// `bpf_tcp_ca_btf_struct_access()` (net/ipv4/bpf_tcp_ca.c): the fields of
/// `struct tcp_sock` a congestion control may write, by (offset, end),
/// from the kernel's BTF. 6.12 adds `snd_cwnd_stamp` and `app_limited`.
/// An offset anywhere inside `icsk_ca_priv` counts (`bpf_ctx_range`).
pub fn tcp_ca_writable(kernel: &KernelBtf, v612: bool) -> Vec<(u32, u32, bool)> {
    let mut fields: Vec<(&str, &[&str])> = vec![
        ("sock", &["sk_pacing_rate"]),
        ("sock", &["sk_pacing_status"]),
        ("inet_connection_sock", &["icsk_ca_priv"]),
        ("inet_connection_sock", &["icsk_ack", "pending"]),
        ("tcp_sock", &["snd_cwnd"]),
        ("tcp_sock", &["snd_cwnd_cnt"]),
        ("tcp_sock", &["snd_ssthresh"]),
        ("tcp_sock", &["ecn_flags"]),
    ];
    if v612 {
        fields.push(("tcp_sock", &["snd_cwnd_stamp"]));
        fields.push(("tcp_sock", &["app_limited"]));
    }
    fields
        .into_iter()
        .filter_map(|(st, path)| {
            let (off, end) = member_span(kernel, st, path)?;
            Some((off, end, path[0] == "icsk_ca_priv"))
        })
        .collect()
}

/// Byte offset and end of a member (through nested members, named and
/// anonymous) of a struct named `st`.
fn member_span(kernel: &KernelBtf, st: &str, path: &[&str]) -> Option<(u32, u32)> {
    let btf = &kernel.btf;
    let mut id = kernel.find(crate::btf::KIND_STRUCT, st)?;
    let mut base = 0u32;
    let mut end = 0u32;
    for name in path {
        let (bits, ty) = find_member(btf, id, name, 0)?;
        base += bits / 8;
        id = skip(btf, ty)?.0;
        end = base + btf.size_of(ty).ok()?;
    }
    Some((base, end))
}

/// A member by name, looking into anonymous structs and unions: its bit
/// offset and type.
fn find_member(btf: &Btf, id: u32, name: &str, depth: u32) -> Option<(u32, u32)> {
    if depth > 8 {
        return None;
    }
    let t = btf.get(skip(btf, id)?.0).ok()?;
    for (n, ty, off) in &t.members {
        if n == name {
            return Some((*off, *ty));
        }
        if n.is_empty() {
            if let Some((o, ty)) = find_member(btf, *ty, name, depth + 1) {
                return Some((off + o, ty));
            }
        }
    }
    None
}

impl KernelBtf {
    /// A named type of a kind (`btf_find_by_name_kind`).
    pub fn find(&self, kind: u32, name: &str) -> Option<u32> {
        self.by_name(name).iter().copied().find(|&id| {
            self.btf
                .get(id)
                .is_ok_and(|t| t.kind == kind && t.name == name)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_pack_into_aux() {
        let p = BtfPtr::new(12345, TRUSTED);
        assert_eq!(p.id(), 12345);
        assert!(p.has(TRUSTED) && !p.has(RCU));
        assert_eq!(BtfPtr::of(p.0), Some(p));
        assert_eq!(BtfPtr::of(3), None);
        assert_eq!(p.prefix(), "trusted_");
    }
}
