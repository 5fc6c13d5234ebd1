//! Helper functions as data (`struct bpf_func_proto`) and which of them each
//! program type offers (its `bpf_verifier_ops.get_func_proto`).
//!
//! The tables are read from the kernels' source, Linux 6.1.192 and 6.12:
//! `bpf_base_func_proto` (kernel/bpf/helpers.c), `bpf_tracing_func_proto`
//! and the kprobe, tracepoint, raw tracepoint and tracing tables
//! (kernel/trace/bpf_trace.c), `sk_filter_func_proto`,
//! `tc_cls_act_func_proto`, `xdp_func_proto`, `cg_skb_func_proto`
//! (net/core/filter.c), `syscall_prog_func_proto` (kernel/bpf/syscall.c),
//! and each helper's `struct bpf_func_proto`. The loader is root, so every
//! `bpf_capable()` and `perfmon_capable()` branch is taken, and the
//! kernels are not locked down (`security_locked_down()` passes). Where a
//! table depends on the kernel's configuration, Debian's (the oracles') is
//! used: no `CONFIG_BPF_KPROBE_OVERRIDE`, everything else the tables test
//! (`CONFIG_INET`, `CONFIG_CGROUPS`, `CONFIG_SYN_COOKIES`, `CONFIG_XFRM`,
//! ...) enabled.

use crate::helper_ids::FuncId as F;
use crate::program::{AttachType, MapType, ProgType};
use Arg::*;

/// `enum bpf_arg_type`: a base type with the flags a prototype sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    /// `ARG_DONTCARE`: not an argument.
    DontCare,
    /// `ARG_ANYTHING`
    Anything,
    /// `ARG_CONST_MAP_PTR`
    ConstMapPtr,
    /// `ARG_PTR_TO_MAP_KEY`: `key_size` readable bytes.
    MapKey,
    /// `ARG_PTR_TO_MAP_VALUE`: `value_size` readable bytes.
    MapValue,
    /// `ARG_PTR_TO_MAP_VALUE | MEM_UNINIT | MEM_WRITE` (map_pop_elem,
    /// map_peek_elem): the helper fills `value_size` bytes.
    UninitMapValue,
    /// `ARG_PTR_TO_MAP_VALUE_OR_NULL` (the local storages' initial value).
    MapValueOrNull,
    /// `ARG_PTR_TO_MEM`, sized by the next argument. No `MEM_WRITE`: the
    /// kernel checks the bytes as read, although some helpers write them.
    Mem,
    /// `ARG_PTR_TO_MEM_OR_NULL`: NULL with a size of 0.
    MemOrNull,
    /// `ARG_PTR_TO_MEM | MEM_WRITE` (load_hdr_opt): initialised memory the
    /// helper overwrites, checked as a write.
    MemWrite,
    /// `ARG_PTR_TO_MEM | MEM_RDONLY`, sized by the next argument.
    MemRdonly,
    /// `ARG_PTR_TO_MEM | PTR_MAYBE_NULL | MEM_RDONLY`: NULL with a size of 0.
    MemRdonlyOrNull,
    /// `ARG_PTR_TO_UNINIT_MEM` (`MEM_UNINIT | MEM_WRITE`), sized by the next
    /// argument: the helper fills it.
    UninitMem,
    /// `ARG_PTR_TO_FIXED_SIZE_MEM` with its `arg_size` and flags.
    FixedSizeMem {
        size: u32,
        uninit: bool,
        write: bool,
        aligned: bool,
    },
    /// `ARG_CONST_SIZE`
    ConstSize,
    /// `ARG_CONST_SIZE_OR_ZERO`
    ConstSizeOrZero,
    /// `ARG_CONST_ALLOC_SIZE_OR_ZERO`
    ConstAllocSizeOrZero,
    /// `ARG_PTR_TO_CTX`
    Ctx,
    /// `ARG_PTR_TO_CTX_OR_NULL` (get_netns_cookie): the context or NULL.
    CtxOrNull,
    /// `ARG_PTR_TO_SOCKET_OR_NULL` (sk_lookup's sk_assign).
    SocketOrNull,
    /// `ARG_PTR_TO_SOCK_COMMON` (sk_fullsock, tcp_sock, get_listener_sock).
    SockCommon,
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON`: a socket, or a BTF pointer to one.
    BtfIdSockCommon,
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON | PTR_MAYBE_NULL` (6.12's
    /// `bpf_get_socket_ptr_cookie_proto`).
    BtfIdSockCommonOrNull,
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON | OBJ_RELEASE` (sk_release).
    ReleaseSockCommon,
    /// `ARG_PTR_TO_BTF_ID` with the struct `arg_btf_id` names.
    BtfId(&'static str),
    /// `ARG_PTR_TO_BTF_ID_OR_NULL` with its struct.
    BtfIdOrNull(&'static str),
    /// `ARG_PTR_TO_BTF_ID_OR_NULL | OBJ_RELEASE` (kptr_xchg's new pointer).
    ReleaseBtfIdOrNull,
    /// `ARG_PTR_TO_PERCPU_BTF_ID` (per_cpu_ptr, this_cpu_ptr): a `__ksym`
    /// per-CPU variable; no register veristep models is one.
    PercpuBtfId,
    /// `ARG_PTR_TO_ALLOC_MEM | OBJ_RELEASE` (6.12: `ARG_PTR_TO_RINGBUF_MEM`).
    ReleaseAllocMem,
    /// `ARG_PTR_TO_FUNC`
    Func,
    /// `ARG_PTR_TO_STACK_OR_NULL`
    StackOrNull,
    /// `ARG_PTR_TO_TIMER`
    Timer,
    /// `ARG_PTR_TO_SPIN_LOCK`
    SpinLock,
    /// `ARG_PTR_TO_CONST_STR`: a string in a frozen read-only map.
    ConstStr,
    /// `ARG_PTR_TO_KPTR` (6.1), `ARG_KPTR_XCHG_DEST` (6.12): a kptr field
    /// of a map value.
    Kptr,
    /// `ARG_PTR_TO_DYNPTR` with its flags: `uninit` (`MEM_UNINIT`, the
    /// helper creates it), `release` (`OBJ_RELEASE`). 6.12's `MEM_RDONLY`
    /// (dynptr_read, dynptr_write, dynptr_data: a const dynptr may be
    /// passed) is every such argument that neither creates nor releases.
    Dynptr {
        ty: DynptrType,
        uninit: bool,
        release: bool,
    },
}

/// `DYNPTR_TYPE_*` of a dynptr argument (none: any type).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DynptrType {
    Any,
    Local,
    Ringbuf,
    Skb,
    Xdp,
}

/// `enum bpf_return_type`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ret {
    Integer,
    Void,
    /// `RET_PTR_TO_MAP_VALUE` (get_local_storage)
    MapValue,
    MapValueOrNull,
    SocketOrNull,
    SockCommonOrNull,
    TcpSockOrNull,
    /// `RET_PTR_TO_ALLOC_MEM_OR_NULL` (6.12: `RET_PTR_TO_RINGBUF_MEM_OR_NULL`)
    AllocMemOrNull,
    /// `RET_PTR_TO_BTF_ID` (6.12: `_TRUSTED` for get_current_task_btf): a
    /// kernel object typed by BTF, which veristep has no register for.
    BtfId,
    /// `RET_PTR_TO_BTF_ID_OR_NULL` (skc_to_*, sock_from_file, kptr_xchg)
    BtfIdOrNull,
    /// `RET_PTR_TO_MEM_OR_BTF_ID` (per_cpu_ptr, this_cpu_ptr)
    MemOrBtfId,
    /// `RET_PTR_TO_DYNPTR_MEM_OR_NULL` (dynptr_data)
    DynptrMemOrNull,
}

/// Which callback a helper takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackKind {
    None,
    Loop,
    ForEachMapElem,
    /// `bpf_find_vma`'s callback (`set_find_vma_callback_state`).
    FindVma,
    /// `bpf_user_ringbuf_drain`'s callback (`set_user_ringbuf_callback_state`).
    UserRingbuf,
    TimerAsync,
    /// `bpf_rbtree_add_impl`'s `less` callback (6.12,
    /// `set_rbtree_add_callback_state`): two non-owning nodes of the
    /// struct the rbtree holds, at the node's offset.
    RbtreeLess {
        value_btf_id: u32,
        node_offset: u32,
    },
}

/// `struct bpf_func_proto`, without `.func`.
#[derive(Clone, Copy, Debug)]
pub struct Proto {
    pub args: [Arg; 5],
    pub ret: Ret,
    pub gpl_only: bool,
    /// `.pkt_access`: programs with direct packet access may pass a packet
    /// pointer (`may_access_direct_pkt_data`).
    pub pkt_access: bool,
    /// `.might_sleep`: only sleepable programs may call it.
    pub might_sleep: bool,
    /// `.allowed`: a last say of the helper on the program calling it
    /// (some ask a list the modelled kernel holds).
    pub allowed: Option<fn(&crate::program::Program, &crate::mode::Rules) -> bool>,
}

impl Proto {
    /// A prototype taking `args` (the rest `ARG_DONTCARE`).
    const fn new(ret: Ret, args: &[Arg]) -> Proto {
        let mut a = [Arg::DontCare; 5];
        let mut i = 0;
        while i < args.len() {
            a[i] = args[i];
            i += 1;
        }
        Proto {
            args: a,
            ret,
            gpl_only: false,
            pkt_access: false,
            might_sleep: false,
            allowed: None,
        }
    }
    const fn gpl_only(mut self) -> Proto {
        self.gpl_only = true;
        self
    }
    const fn pkt_access(mut self) -> Proto {
        self.pkt_access = true;
        self
    }
    const fn might_sleep(mut self) -> Proto {
        self.might_sleep = true;
        self
    }
    const fn allowed(
        mut self,
        f: fn(&crate::program::Program, &crate::mode::Rules) -> bool,
    ) -> Proto {
        self.allowed = Some(f);
        self
    }
}

/// `bpf_d_path_allowed()`: iterators, LSM hooks that may sleep
/// (`bpf_lsm_is_sleepable_hook`: the hook, whether or not the program is
/// sleepable) and the functions of `btf_allowlist_d_path` (the same in 6.1
/// and 6.12).
fn bpf_d_path_allowed(p: &crate::program::Program, r: &crate::mode::Rules) -> bool {
    use crate::program::AttachType as A;
    match p.prog_type {
        ProgType::Tracing if p.expected_attach_type == Some(A::TraceIter) => true,
        ProgType::Lsm => bpf_ima_inode_hash_allowed(p, r),
        ProgType::Tracing => p.attach_to.as_deref().is_some_and(|t| {
            matches!(
                t,
                "security_file_permission"
                    | "security_inode_getattr"
                    | "security_file_open"
                    | "security_path_truncate"
                    | "vfs_truncate"
                    | "vfs_fallocate"
                    | "dentry_open"
                    | "vfs_getattr"
                    | "filp_close"
            )
        }),
        _ => false,
    }
}

/// `bpf_ima_inode_hash_allowed()` (the IMA hashes): an LSM hook that
/// may sleep (`bpf_lsm_is_sleepable_hook`, the modelled kernel's list).
fn bpf_ima_inode_hash_allowed(p: &crate::program::Program, r: &crate::mode::Rules) -> bool {
    p.attach_btf
        .as_ref()
        .is_some_and(|a| r.lsm_hook_may_sleep(&a.tname))
}

/// `bpf_sk_storage_tracing_allowed()`: tracing programs attached to an
/// iterator, a BTF tracepoint, or a function other than the
/// `bpf_sk_storage*` ones.
fn bpf_sk_storage_tracing_allowed(p: &crate::program::Program, _: &crate::mode::Rules) -> bool {
    use crate::program::AttachType as A;
    if p.prog_type != ProgType::Tracing {
        return false;
    }
    match p.expected_attach_type {
        Some(A::TraceIter | A::TraceRawTp) => true,
        Some(A::TraceFentry | A::TraceFexit) => p
            .attach_to
            .as_deref()
            .is_some_and(|t| !t.starts_with("bpf_sk_storage")),
        _ => false,
    }
}

/// The `struct bpf_func_proto`s the modelled program types are offered,
/// as Linux 6.1.192 defines them (6.12's changes: `proto_612()`), named
/// as in the kernel and grouped by the file that defines them.
#[allow(non_upper_case_globals)]
mod protos {
    use super::Arg::*;
    use super::{bpf_d_path_allowed, bpf_sk_storage_tracing_allowed, Arg, DynptrType, Proto, Ret};

    /// `ARG_PTR_TO_FIXED_SIZE_MEM`: `size` bytes the helper reads.
    const fn fixed_size_mem(size: u32) -> Arg {
        FixedSizeMem {
            size,
            uninit: false,
            write: false,
            aligned: false,
        }
    }

    /// `ARG_PTR_TO_FIXED_SIZE_MEM | MEM_UNINIT | MEM_WRITE | MEM_ALIGNED`
    /// (once `ARG_PTR_TO_LONG` / `ARG_PTR_TO_INT`): an aligned result slot.
    const fn fixed_size_out(size: u32) -> Arg {
        FixedSizeMem {
            size,
            uninit: true,
            write: true,
            aligned: true,
        }
    }

    /// `ARG_PTR_TO_DYNPTR`
    const DYNPTR: Arg = Dynptr {
        ty: DynptrType::Any,
        uninit: false,
        release: false,
    };
    /// `ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_LOCAL | MEM_UNINIT | MEM_WRITE`
    const DYNPTR_LOCAL_UNINIT: Arg = Dynptr {
        ty: DynptrType::Local,
        uninit: true,
        release: false,
    };
    /// `ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_RINGBUF | MEM_UNINIT | MEM_WRITE`
    const DYNPTR_RINGBUF_UNINIT: Arg = Dynptr {
        ty: DynptrType::Ringbuf,
        uninit: true,
        release: false,
    };
    /// `ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_RINGBUF | OBJ_RELEASE`
    const DYNPTR_RINGBUF_RELEASE: Arg = Dynptr {
        ty: DynptrType::Ringbuf,
        uninit: false,
        release: true,
    };

    // kernel/bpf/helpers.c
    pub const bpf_map_lookup_elem_proto: Proto =
        Proto::new(Ret::MapValueOrNull, &[ConstMapPtr, MapKey]).pkt_access();
    pub const bpf_map_update_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, MapKey, MapValue, Anything]).pkt_access();
    pub const bpf_map_delete_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, MapKey]).pkt_access();
    pub const bpf_ktime_get_ns_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_prandom_u32_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_raw_smp_processor_id_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_smp_processor_id_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_current_pid_tgid_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_current_uid_gid_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_current_comm_proto: Proto = Proto::new(Ret::Integer, &[UninitMem, ConstSize]);
    pub const bpf_get_numa_node_id_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_current_cgroup_id_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_map_push_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, MapValue, Anything]).pkt_access();
    pub const bpf_map_pop_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, UninitMapValue]);
    pub const bpf_map_peek_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, UninitMapValue]);
    pub const bpf_spin_lock_proto: Proto = Proto::new(Ret::Void, &[SpinLock]);
    pub const bpf_spin_unlock_proto: Proto = Proto::new(Ret::Void, &[SpinLock]);
    pub const bpf_strtol_proto: Proto = Proto::new(
        Ret::Integer,
        &[MemRdonly, ConstSize, Anything, fixed_size_out(8)],
    );
    pub const bpf_strtoul_proto: Proto = Proto::new(
        Ret::Integer,
        &[MemRdonly, ConstSize, Anything, fixed_size_out(8)],
    );
    pub const bpf_jiffies64_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_get_ns_current_pid_tgid_proto: Proto =
        Proto::new(Ret::Integer, &[Anything, Anything, UninitMem, ConstSize]);
    pub const bpf_get_current_ancestor_cgroup_id_proto: Proto =
        Proto::new(Ret::Integer, &[Anything]);
    pub const bpf_ktime_get_boot_ns_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_copy_from_user_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).might_sleep();
    pub const bpf_per_cpu_ptr_proto: Proto = Proto::new(Ret::MemOrBtfId, &[PercpuBtfId, Anything]);
    pub const bpf_this_cpu_ptr_proto: Proto = Proto::new(Ret::MemOrBtfId, &[PercpuBtfId]);
    pub const bpf_ktime_get_coarse_ns_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_snprintf_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            MemOrNull,
            ConstSizeOrZero,
            ConstStr,
            MemRdonlyOrNull,
            ConstSizeOrZero,
        ],
    )
    .gpl_only();
    pub const bpf_timer_init_proto: Proto =
        Proto::new(Ret::Integer, &[Timer, ConstMapPtr, Anything]).gpl_only();
    pub const bpf_timer_set_callback_proto: Proto =
        Proto::new(Ret::Integer, &[Timer, Func]).gpl_only();
    pub const bpf_timer_start_proto: Proto =
        Proto::new(Ret::Integer, &[Timer, Anything, Anything]).gpl_only();
    pub const bpf_timer_cancel_proto: Proto = Proto::new(Ret::Integer, &[Timer]).gpl_only();
    pub const bpf_strncmp_proto: Proto = Proto::new(Ret::Integer, &[Mem, ConstSize, ConstStr]);
    pub const bpf_copy_from_user_task_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            UninitMem,
            ConstSizeOrZero,
            Anything,
            BtfId("task_struct"),
            Anything,
        ],
    )
    .gpl_only()
    .might_sleep();
    pub const bpf_kptr_xchg_proto: Proto =
        Proto::new(Ret::BtfIdOrNull, &[Kptr, ReleaseBtfIdOrNull]);
    pub const bpf_map_lookup_percpu_elem_proto: Proto =
        Proto::new(Ret::MapValueOrNull, &[ConstMapPtr, MapKey, Anything]).pkt_access();
    pub const bpf_dynptr_from_mem_proto: Proto = Proto::new(
        Ret::Integer,
        &[UninitMem, ConstSizeOrZero, Anything, DYNPTR_LOCAL_UNINIT],
    );
    pub const bpf_dynptr_read_proto: Proto = Proto::new(
        Ret::Integer,
        &[UninitMem, ConstSizeOrZero, DYNPTR, Anything, Anything],
    );
    pub const bpf_dynptr_write_proto: Proto = Proto::new(
        Ret::Integer,
        &[DYNPTR, Anything, MemRdonly, ConstSizeOrZero, Anything],
    );
    pub const bpf_dynptr_data_proto: Proto = Proto::new(
        Ret::DynptrMemOrNull,
        &[DYNPTR, Anything, ConstAllocSizeOrZero],
    );
    pub const bpf_ktime_get_tai_ns_proto: Proto = Proto::new(Ret::Integer, &[]);

    // kernel/trace/bpf_trace.c
    pub const bpf_probe_read_compat_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_trace_printk_proto: Proto =
        Proto::new(Ret::Integer, &[MemRdonly, ConstSize]).gpl_only();
    pub const bpf_perf_event_read_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Anything]).gpl_only();
    pub const bpf_perf_event_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_perf_event_output_proto_tp: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_perf_event_output_proto_raw_tp: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_get_stackid_proto_pe: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything]);
    pub const bpf_get_stack_proto_pe: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_perf_prog_read_value_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSize]).gpl_only();
    pub const bpf_read_branch_records_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemOrNull, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_get_stackid_proto_tp: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything]).gpl_only();
    pub const bpf_get_stackid_proto_raw_tp: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything]).gpl_only();
    pub const bpf_get_current_task_proto: Proto = Proto::new(Ret::Integer, &[]).gpl_only();
    pub const bpf_probe_write_user_proto: Proto =
        Proto::new(Ret::Integer, &[Anything, MemRdonly, ConstSize]).gpl_only();
    pub const bpf_current_task_under_cgroup_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Anything]);
    pub const bpf_probe_read_compat_str_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_perf_event_read_value_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Anything, UninitMem, ConstSize]).gpl_only();
    pub const bpf_get_stack_proto_tp: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_get_stack_proto_raw_tp: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_send_signal_proto: Proto = Proto::new(Ret::Integer, &[Anything]);
    pub const bpf_probe_read_user_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_probe_read_kernel_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_probe_read_user_str_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_probe_read_kernel_str_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_send_signal_thread_proto: Proto = Proto::new(Ret::Integer, &[Anything]);
    pub const bpf_d_path_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("path"), Mem, ConstSizeOrZero])
            .allowed(bpf_d_path_allowed);
    pub const bpf_snprintf_btf_proto: Proto = Proto::new(
        Ret::Integer,
        &[Mem, ConstSize, MemRdonly, ConstSize, Anything],
    );
    pub const bpf_get_current_task_btf_proto: Proto = Proto::new(Ret::BtfId, &[]).gpl_only();
    // kernel/trace/bpf_trace.c: the iterators' seq_file output
    pub const bpf_seq_printf_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            BtfId("seq_file"),
            MemRdonly,
            ConstSize,
            MemRdonlyOrNull,
            ConstSizeOrZero,
        ],
    )
    .gpl_only();
    pub const bpf_seq_write_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfId("seq_file"), MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_seq_printf_btf_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfId("seq_file"), MemRdonly, ConstSizeOrZero, Anything],
    );
    pub const bpf_get_func_ip_proto_kprobe: Proto = Proto::new(Ret::Integer, &[Ctx]).gpl_only();
    pub const bpf_get_func_ip_proto_tracing: Proto = Proto::new(Ret::Integer, &[Ctx]).gpl_only();
    /// kernel/trace/bpf_trace.c: a traced function's arguments and return
    /// value, through the trampoline's context (6.1.192 and 6.12 alike)
    pub const bpf_get_func_arg_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, fixed_size_out(8)]);
    pub const bpf_get_func_ret_proto: Proto = Proto::new(Ret::Integer, &[Ctx, fixed_size_out(8)]);
    pub const bpf_get_func_arg_cnt_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_attach_cookie_proto_trace: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_attach_cookie_proto_tracing: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_task_pt_regs_proto: Proto =
        Proto::new(Ret::BtfId, &[BtfId("task_struct")]).gpl_only();
    pub const bpf_get_branch_snapshot_proto: Proto =
        Proto::new(Ret::Integer, &[UninitMem, ConstSizeOrZero]).gpl_only();
    pub const bpf_trace_vprintk_proto: Proto = Proto::new(
        Ret::Integer,
        &[MemRdonly, ConstSize, MemRdonlyOrNull, ConstSizeOrZero],
    )
    .gpl_only();

    // net/core/filter.c
    pub const bpf_skb_store_bytes_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, MemRdonly, ConstSize, Anything],
    );
    pub const bpf_l3_csum_replace_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything, Anything]);
    pub const bpf_l4_csum_replace_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything, Anything]);
    pub const bpf_clone_redirect_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_get_cgroup_classid_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_vlan_push_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_skb_vlan_pop_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_get_tunnel_key_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSize, Anything]);
    // bpf_get_skb_set_tunnel_proto() returns these two (NULL only if the
    // per-CPU tunnel metadata cannot be allocated)
    pub const bpf_skb_set_tunnel_key_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSize, Anything]);
    pub const bpf_skb_set_tunnel_opt_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSize]);
    pub const bpf_redirect_proto: Proto = Proto::new(Ret::Integer, &[Anything, Anything]);
    pub const bpf_xdp_redirect_proto: Proto = Proto::new(Ret::Integer, &[Anything, Anything]);
    pub const bpf_get_route_realm_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_event_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_xdp_event_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_skb_load_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, UninitMem, ConstSize]);
    pub const bpf_csum_diff_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            MemRdonlyOrNull,
            ConstSizeOrZero,
            MemRdonlyOrNull,
            ConstSizeOrZero,
            Anything,
        ],
    )
    .pkt_access();
    pub const bpf_skb_get_tunnel_opt_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSize]);
    pub const bpf_skb_change_proto_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_skb_change_type_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_skb_under_cgroup_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything]);
    pub const bpf_get_hash_recalc_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_change_tail_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_skb_pull_data_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_csum_update_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_set_hash_invalid_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_change_head_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_xdp_adjust_head_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_get_socket_cookie_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_socket_ptr_cookie_proto: Proto = Proto::new(Ret::Integer, &[BtfIdSockCommon]);
    pub const bpf_get_socket_uid_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_sk_redirect_map_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything, Anything]);
    pub const bpf_sk_redirect_hash_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, MapKey, Anything]);
    pub const bpf_msg_redirect_map_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything, Anything]);
    pub const bpf_msg_redirect_hash_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, MapKey, Anything]);
    pub const bpf_msg_apply_bytes_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_msg_cork_bytes_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_msg_pull_data_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything]);
    pub const bpf_msg_push_data_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything]);
    pub const bpf_msg_pop_data_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything]);
    pub const bpf_event_output_data_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
    )
    .gpl_only();
    pub const bpf_get_netns_cookie_sk_msg_proto: Proto = Proto::new(Ret::Integer, &[CtxOrNull]);
    pub const bpf_sock_ops_setsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, Anything, MemRdonly, ConstSize],
    );
    pub const bpf_sock_ops_getsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, Anything, UninitMem, ConstSize],
    );
    pub const bpf_sock_ops_cb_flags_set_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_sock_map_update_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, MapKey, Anything]).pkt_access();
    pub const bpf_sock_hash_update_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, MapKey, Anything]).pkt_access();
    pub const bpf_get_socket_cookie_sock_ops_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    // cgroup_sock_addr (net/core/filter.c) and the cgroup hooks' common
    // helpers (kernel/bpf/cgroup.c)
    pub const bpf_bind_proto: Proto = Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSize]);
    pub const bpf_get_socket_cookie_sock_addr_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_socket_cookie_sock_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_netns_cookie_sockopt_proto: Proto = Proto::new(Ret::Integer, &[CtxOrNull]);
    // net/core/filter.c: the socket options on any socket pointer
    pub const bpf_sk_setsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfIdSockCommon, Anything, Anything, MemRdonly, ConstSize],
    );
    pub const bpf_sk_getsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfIdSockCommon, Anything, Anything, UninitMem, ConstSize],
    );
    pub const bpf_get_netns_cookie_sock_proto: Proto = Proto::new(Ret::Integer, &[CtxOrNull]);
    // bpf_sk_storage.c: a cgroup_sock program's context is the socket
    pub const bpf_sk_storage_get_cg_sock_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, Ctx, MapValueOrNull, Anything],
    );
    pub const bpf_get_netns_cookie_sock_addr_proto: Proto = Proto::new(Ret::Integer, &[CtxOrNull]);
    pub const bpf_sock_addr_sk_lookup_tcp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    );
    pub const bpf_sock_addr_sk_lookup_udp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    );
    pub const bpf_sock_addr_skc_lookup_tcp_proto: Proto = Proto::new(
        Ret::SockCommonOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    );
    pub const bpf_sock_addr_setsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, Anything, MemRdonly, ConstSize],
    );
    pub const bpf_sock_addr_getsockopt_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, Anything, UninitMem, ConstSize],
    );
    pub const bpf_get_retval_proto: Proto = Proto::new(Ret::Integer, &[]);
    // kernel/bpf/cgroup.c: the name buffer is ARG_PTR_TO_MEM (checked as
    // read although the helper writes it), the value buffers uninit
    pub const bpf_sysctl_get_name_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Mem, ConstSize, Anything]);
    pub const bpf_sysctl_get_current_value_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSize]);
    pub const bpf_sysctl_get_new_value_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSize]);
    pub const bpf_sysctl_set_new_value_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSize]);
    pub const bpf_set_retval_proto: Proto = Proto::new(Ret::Integer, &[Anything]);
    pub const bpf_get_netns_cookie_sock_ops_proto: Proto = Proto::new(Ret::Integer, &[CtxOrNull]);
    pub const bpf_sock_ops_load_hdr_opt_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemWrite, ConstSize, Anything]);
    pub const bpf_sock_ops_store_hdr_opt_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, MemRdonly, ConstSize, Anything]);
    pub const bpf_sock_ops_reserve_hdr_opt_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_get_cgroup_classid_curr_proto: Proto = Proto::new(Ret::Integer, &[]);
    pub const bpf_set_hash_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_skb_adjust_room_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything, Anything]);
    pub const bpf_xdp_redirect_map_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Anything, Anything]);
    pub const bpf_xdp_adjust_meta_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_xdp_adjust_tail_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_skb_get_xfrm_state_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, UninitMem, ConstSize, Anything],
    );
    pub const bpf_skb_load_bytes_relative_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, UninitMem, ConstSize, Anything],
    );
    pub const bpf_skb_fib_lookup_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Mem, ConstSize, Anything]).gpl_only();
    pub const bpf_xdp_fib_lookup_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Mem, ConstSize, Anything]).gpl_only();
    pub const bpf_skb_cgroup_id_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_skb_ancestor_cgroup_id_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_tc_sk_lookup_tcp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_xdp_sk_lookup_tcp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_sk_lookup_tcp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_tc_sk_lookup_udp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_xdp_sk_lookup_udp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_sk_lookup_udp_proto: Proto = Proto::new(
        Ret::SocketOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_sk_release_proto: Proto = Proto::new(Ret::Integer, &[ReleaseSockCommon]);
    pub const bpf_sk_fullsock_proto: Proto = Proto::new(Ret::SocketOrNull, &[SockCommon]);
    pub const bpf_tcp_sock_proto: Proto = Proto::new(Ret::TcpSockOrNull, &[SockCommon]);
    pub const bpf_skb_ecn_set_ce_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_get_listener_sock_proto: Proto = Proto::new(Ret::SocketOrNull, &[SockCommon]);
    pub const bpf_tc_skc_lookup_tcp_proto: Proto = Proto::new(
        Ret::SockCommonOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_xdp_skc_lookup_tcp_proto: Proto = Proto::new(
        Ret::SockCommonOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_skc_lookup_tcp_proto: Proto = Proto::new(
        Ret::SockCommonOrNull,
        &[Ctx, MemRdonly, ConstSize, Anything, Anything],
    )
    .pkt_access();
    pub const bpf_tcp_check_syncookie_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfIdSockCommon, MemRdonly, ConstSize, MemRdonly, ConstSize],
    )
    .gpl_only()
    .pkt_access();
    pub const bpf_tcp_gen_syncookie_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfIdSockCommon, MemRdonly, ConstSize, MemRdonly, ConstSize],
    )
    .gpl_only()
    .pkt_access();
    pub const bpf_skb_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            BtfId("sk_buff"),
            ConstMapPtr,
            Anything,
            MemRdonly,
            ConstSizeOrZero,
        ],
    )
    .gpl_only();
    pub const bpf_xdp_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[
            BtfId("xdp_buff"),
            ConstMapPtr,
            Anything,
            MemRdonly,
            ConstSizeOrZero,
        ],
    )
    .gpl_only();
    pub const sk_select_reuseport_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, MapKey, Anything]);
    pub const sk_reuseport_load_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, UninitMem, ConstSize]);
    pub const sk_reuseport_load_bytes_relative_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, UninitMem, ConstSize, Anything],
    );
    pub const bpf_flow_dissector_load_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, UninitMem, ConstSize]);
    pub const bpf_lwt_seg6_store_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, MemRdonly, ConstSize]);
    pub const bpf_lwt_seg6_action_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, MemRdonly, ConstSize]);
    pub const bpf_lwt_seg6_adjust_srh_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_lwt_in_push_encap_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, MemRdonly, ConstSize]);
    pub const bpf_lwt_xmit_push_encap_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, MemRdonly, ConstSize]);
    pub const bpf_sk_lookup_assign_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, SocketOrNull, Anything]);
    pub const bpf_sk_assign_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, BtfIdSockCommon, Anything]);
    pub const bpf_sk_cgroup_id_proto: Proto = Proto::new(Ret::Integer, &[BtfIdSockCommon]);
    pub const bpf_sk_ancestor_cgroup_id_proto: Proto =
        Proto::new(Ret::Integer, &[BtfIdSockCommon, Anything]);
    pub const bpf_csum_level_proto: Proto = Proto::new(Ret::Integer, &[Ctx, Anything]);
    pub const bpf_skc_to_tcp6_sock_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_skc_to_tcp_sock_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_skc_to_tcp_timewait_sock_proto: Proto =
        Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_skc_to_tcp_request_sock_proto: Proto =
        Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_skc_to_udp6_sock_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_skb_cgroup_classid_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_redirect_neigh_proto: Proto = Proto::new(
        Ret::Integer,
        &[Anything, MemRdonlyOrNull, ConstSizeOrZero, Anything],
    );
    pub const bpf_redirect_peer_proto: Proto = Proto::new(Ret::Integer, &[Anything, Anything]);
    pub const bpf_sock_from_file_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[BtfId("file")]);
    pub const bpf_skb_check_mtu_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, fixed_size_out(4), Anything, Anything],
    )
    .gpl_only();
    pub const bpf_xdp_check_mtu_proto: Proto = Proto::new(
        Ret::Integer,
        &[Ctx, Anything, fixed_size_out(4), Anything, Anything],
    )
    .gpl_only();
    pub const bpf_skc_to_unix_sock_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[BtfIdSockCommon]);
    pub const bpf_xdp_get_buff_len_proto: Proto = Proto::new(Ret::Integer, &[Ctx]);
    pub const bpf_xdp_get_buff_len_trace_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("xdp_buff")]);
    pub const bpf_xdp_load_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, UninitMem, ConstSize]);
    pub const bpf_xdp_store_bytes_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, MemRdonly, ConstSize]);
    pub const bpf_skb_set_tstamp_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, Anything, Anything]);
    pub const bpf_skc_to_mptcp_sock_proto: Proto = Proto::new(Ret::BtfIdOrNull, &[SockCommon]);
    pub const bpf_tcp_raw_gen_syncookie_ipv4_proto: Proto =
        Proto::new(Ret::Integer, &[fixed_size_mem(20), Mem, ConstSize])
            .gpl_only()
            .pkt_access();
    pub const bpf_tcp_raw_gen_syncookie_ipv6_proto: Proto =
        Proto::new(Ret::Integer, &[fixed_size_mem(40), Mem, ConstSize])
            .gpl_only()
            .pkt_access();
    pub const bpf_tcp_raw_check_syncookie_ipv4_proto: Proto =
        Proto::new(Ret::Integer, &[fixed_size_mem(20), fixed_size_mem(20)])
            .gpl_only()
            .pkt_access();
    pub const bpf_tcp_raw_check_syncookie_ipv6_proto: Proto =
        Proto::new(Ret::Integer, &[fixed_size_mem(40), fixed_size_mem(20)])
            .gpl_only()
            .pkt_access();

    // kernel/bpf/core.c
    pub const bpf_tail_call_proto: Proto = Proto::new(Ret::Void, &[Ctx, ConstMapPtr, Anything]);

    // kernel/bpf/stackmap.c
    pub const bpf_get_stackid_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, ConstMapPtr, Anything]).gpl_only();
    pub const bpf_get_stack_proto: Proto =
        Proto::new(Ret::Integer, &[Ctx, UninitMem, ConstSizeOrZero, Anything]).gpl_only();
    pub const bpf_get_task_stack_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfId("task_struct"), UninitMem, ConstSizeOrZero, Anything],
    );

    // kernel/bpf/cgroup.c
    pub const bpf_get_local_storage_proto: Proto =
        Proto::new(Ret::MapValue, &[ConstMapPtr, Anything]);

    // kernel/bpf/ringbuf.c
    pub const bpf_ringbuf_output_proto: Proto = Proto::new(
        Ret::Integer,
        &[ConstMapPtr, MemRdonly, ConstSizeOrZero, Anything],
    );
    pub const bpf_ringbuf_reserve_proto: Proto = Proto::new(
        Ret::AllocMemOrNull,
        &[ConstMapPtr, ConstAllocSizeOrZero, Anything],
    );
    pub const bpf_ringbuf_submit_proto: Proto = Proto::new(Ret::Void, &[ReleaseAllocMem, Anything]);
    pub const bpf_ringbuf_discard_proto: Proto =
        Proto::new(Ret::Void, &[ReleaseAllocMem, Anything]);
    pub const bpf_ringbuf_query_proto: Proto = Proto::new(Ret::Integer, &[ConstMapPtr, Anything]);
    pub const bpf_ringbuf_reserve_dynptr_proto: Proto = Proto::new(
        Ret::Integer,
        &[ConstMapPtr, Anything, Anything, DYNPTR_RINGBUF_UNINIT],
    );
    pub const bpf_ringbuf_submit_dynptr_proto: Proto =
        Proto::new(Ret::Void, &[DYNPTR_RINGBUF_RELEASE, Anything]);
    pub const bpf_ringbuf_discard_dynptr_proto: Proto =
        Proto::new(Ret::Void, &[DYNPTR_RINGBUF_RELEASE, Anything]);
    pub const bpf_user_ringbuf_drain_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Func, StackOrNull, Anything]);

    // kernel/bpf/bpf_task_storage.c
    pub const bpf_task_storage_get_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfId("task_struct"), MapValueOrNull, Anything],
    );
    pub const bpf_task_storage_delete_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfId("task_struct")]);

    // kernel/bpf/bpf_inode_storage.c: 6.12 takes a NULL inode too
    pub const bpf_inode_storage_get_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfId("inode"), MapValueOrNull, Anything],
    );
    pub const bpf_inode_storage_delete_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfId("inode")]);
    pub const bpf_inode_storage_get_proto_612: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfIdOrNull("inode"), MapValueOrNull, Anything],
    );
    pub const bpf_inode_storage_delete_proto_612: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfIdOrNull("inode")]);

    // kernel/bpf/bpf_lsm.c
    pub const bpf_bprm_opts_set_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("linux_binprm"), Anything]);
    pub const bpf_ima_inode_hash_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("inode"), UninitMem, ConstSize])
            .might_sleep()
            .allowed(super::bpf_ima_inode_hash_allowed);
    pub const bpf_ima_file_hash_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("file"), UninitMem, ConstSize])
            .might_sleep()
            .allowed(super::bpf_ima_inode_hash_allowed);

    // kernel/bpf/bpf_iter.c
    pub const bpf_for_each_map_elem_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, Func, StackOrNull, Anything]);
    pub const bpf_loop_proto: Proto =
        Proto::new(Ret::Integer, &[Anything, Func, StackOrNull, Anything]);

    // kernel/bpf/syscall.c
    pub const bpf_sys_bpf_proto: Proto =
        Proto::new(Ret::Integer, &[Anything, MemRdonly, ConstSize]);
    pub const bpf_sys_close_proto: Proto = Proto::new(Ret::Integer, &[Anything]);
    pub const bpf_kallsyms_lookup_name_proto: Proto = Proto::new(
        Ret::Integer,
        &[Mem, ConstSizeOrZero, Anything, fixed_size_out(8)],
    );

    // kernel/bpf/btf.c
    pub const bpf_btf_find_by_name_kind_proto: Proto =
        Proto::new(Ret::Integer, &[MemRdonly, ConstSize, Anything, Anything]).might_sleep();

    // kernel/bpf/task_iter.c
    pub const bpf_find_vma_proto: Proto = Proto::new(
        Ret::Integer,
        &[BtfId("task_struct"), Anything, Func, StackOrNull, Anything],
    );

    // net/core/bpf_sk_storage.c (not among the sources read here; as in
    // the kernels of 5.10 on). The tracing pair is `.allowed` for programs
    // attached by BTF only.
    // net/ipv4/bpf_tcp_ca.c: a congestion control's ACK
    pub const bpf_tcp_send_ack_proto: Proto =
        Proto::new(Ret::Integer, &[BtfId("tcp_sock"), Anything]);
    pub const bpf_sk_storage_get_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfIdSockCommon, MapValueOrNull, Anything],
    );
    pub const bpf_sk_storage_delete_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfIdSockCommon]);
    pub const bpf_sk_storage_get_tracing_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfId("sock_common"), MapValueOrNull, Anything],
    )
    .allowed(bpf_sk_storage_tracing_allowed);
    // 6.12 takes a NULL socket too (ARG_PTR_TO_BTF_ID_OR_NULL)
    pub const bpf_sk_storage_get_tracing_proto_612: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[
            ConstMapPtr,
            BtfIdOrNull("sock_common"),
            MapValueOrNull,
            Anything,
        ],
    )
    .allowed(bpf_sk_storage_tracing_allowed);
    pub const bpf_sk_storage_delete_tracing_proto_612: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfIdOrNull("sock_common")])
            .allowed(bpf_sk_storage_tracing_allowed);
    pub const bpf_sk_storage_delete_tracing_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfId("sock_common")])
            .allowed(bpf_sk_storage_tracing_allowed);

    // kernel/bpf/bpf_cgrp_storage.c (6.2 on: 6.12 only)
    pub const bpf_cgrp_storage_get_proto: Proto = Proto::new(
        Ret::MapValueOrNull,
        &[ConstMapPtr, BtfIdOrNull("cgroup"), MapValueOrNull, Anything],
    );
    pub const bpf_cgrp_storage_delete_proto: Proto =
        Proto::new(Ret::Integer, &[ConstMapPtr, BtfIdOrNull("cgroup")]);
}

use protos::*;

/// `env->ops->get_func_proto(func_id, prog)`: the prototype the program
/// type offers under `id`, `None` for "unknown func" (6.1) / "program of
/// this type cannot use helper" (6.12). `v612` picks 6.12's tables.
pub fn get_func_proto(
    id: F,
    pt: ProgType,
    attach: Option<AttachType>,
    v612: bool,
) -> Option<&'static Proto> {
    match pt {
        ProgType::SocketFilter => sk_filter_func_proto(id, v612),
        ProgType::Kprobe => kprobe_prog_func_proto(id, v612),
        ProgType::SchedCls | ProgType::SchedAct => tc_cls_act_func_proto(id, v612),
        ProgType::Tracepoint => tp_prog_func_proto(id, v612),
        ProgType::Xdp => xdp_func_proto(id, v612),
        ProgType::CgroupSkb => cg_skb_func_proto(id, v612),
        ProgType::RawTracepoint | ProgType::RawTracepointWritable => {
            raw_tp_prog_func_proto(id, v612)
        }
        ProgType::Syscall => syscall_prog_func_proto(id, v612),
        // bpf_nf_func_proto()
        ProgType::Netfilter => bpf_base_func_proto(id, v612),
        // never verified: the modelled kernels refuse the type at load
        ProgType::LircMode2 => None,
        ProgType::PerfEvent => pe_prog_func_proto(id, v612),
        ProgType::SkSkb => sk_skb_func_proto(id, v612),
        ProgType::SkMsg => sk_msg_func_proto(id, v612),
        ProgType::SockOps => sock_ops_func_proto(id, v612),
        ProgType::CgroupSockAddr => sock_addr_func_proto(id, attach, v612),
        ProgType::CgroupDevice => cgroup_dev_func_proto(id, attach, v612),
        ProgType::CgroupSock => sock_filter_func_proto(id, attach, v612),
        ProgType::CgroupSockopt => cg_sockopt_func_proto(id, attach, v612),
        ProgType::LwtOut => lwt_out_func_proto(id, v612),
        // sk_reuseport_func_proto()
        ProgType::SkReuseport => Some(match id {
            F::sk_select_reuseport => &sk_select_reuseport_proto,
            F::skb_load_bytes => &sk_reuseport_load_bytes_proto,
            F::skb_load_bytes_relative => &sk_reuseport_load_bytes_relative_proto,
            F::get_socket_cookie => &bpf_get_socket_ptr_cookie_proto,
            F::ktime_get_coarse_ns => &bpf_ktime_get_coarse_ns_proto,
            _ => return bpf_base_func_proto(id, v612),
        }),
        // flow_dissector_func_proto()
        ProgType::FlowDissector => match id {
            F::skb_load_bytes => Some(&bpf_flow_dissector_load_bytes_proto),
            _ => bpf_sk_base_func_proto(id, v612),
        },
        ProgType::LwtIn => match id {
            F::lwt_push_encap => Some(&bpf_lwt_in_push_encap_proto),
            _ => lwt_out_func_proto(id, v612),
        },
        ProgType::LwtXmit => lwt_xmit_func_proto(id, v612),
        // lwt_seg6local_func_proto(): no skb_pull_data in 6.1 (and in the
        // 6.12.117 source), but 6.12.95, the kernel booted, offers it
        ProgType::LwtSeg6local => match id {
            F::skb_pull_data if !v612 => None,
            F::lwt_seg6_store_bytes => Some(&bpf_lwt_seg6_store_bytes_proto),
            F::lwt_seg6_action => Some(&bpf_lwt_seg6_action_proto),
            F::lwt_seg6_adjust_srh => Some(&bpf_lwt_seg6_adjust_srh_proto),
            _ => lwt_out_func_proto(id, v612),
        },
        ProgType::SkLookup => Some(match id {
            // sk_lookup_func_proto()
            F::perf_event_output => &bpf_event_output_data_proto,
            F::sk_assign => &bpf_sk_lookup_assign_proto,
            F::sk_release => &bpf_sk_release_proto,
            _ => return bpf_sk_base_func_proto(id, v612),
        }),
        ProgType::CgroupSysctl => sysctl_func_proto(id, attach, v612),
        ProgType::Tracing => tracing_btf_func_proto(id, attach, v612),
        ProgType::StructOps => tcp_ca_func_proto(id, attach, v612),
        // bpf_lsm_func_proto(): a cgroup LSM program's cgroup helpers
        // first; the rest is tracing's
        ProgType::Lsm => (attach == Some(AttachType::LsmCgroup))
            .then(|| cgroup_common_func_proto(id, attach))
            .flatten()
            .or_else(|| lsm_func_proto(id, attach, v612)),
    }
}

/// The rest of `bpf_lsm_func_proto()`.
fn lsm_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    match id {
        F::inode_storage_get if v612 => Some(&bpf_inode_storage_get_proto_612),
        F::inode_storage_delete if v612 => Some(&bpf_inode_storage_delete_proto_612),
        F::inode_storage_get => Some(&bpf_inode_storage_get_proto),
        F::inode_storage_delete => Some(&bpf_inode_storage_delete_proto),
        F::bprm_opts_set => Some(&bpf_bprm_opts_set_proto),
        F::ima_inode_hash => Some(&bpf_ima_inode_hash_proto),
        F::ima_file_hash => Some(&bpf_ima_file_hash_proto),
        // the socket options of a cgroup LSM program depend on its hook
        // (`attach_target_func_proto` answers)
        F::setsockopt | F::getsockopt => None,
        F::spin_lock => Some(&bpf_spin_lock_proto),
        F::spin_unlock => Some(&bpf_spin_unlock_proto),
        F::sk_storage_get => Some(&bpf_sk_storage_get_proto),
        F::sk_storage_delete => Some(&bpf_sk_storage_delete_proto),
        // get_attach_cookie and the argument helpers where there is a
        // trampoline (bpf_prog_has_trampoline: not BPF_LSM_CGROUP)
        _ => tracing_btf_func_proto(id, attach, v612),
    }
}

/// `tracing_prog_func_proto()` for a program with a trampoline (fentry,
/// fexit, fmod_ret, LSM) or a BTF tracepoint: the function argument
/// helpers where there is a trampoline, the return value after one.
/// `bpf_tcp_ca_get_func_proto()` (net/ipv4/bpf_tcp_ca.c, the same in 6.1
/// and 6.12): a `tcp_congestion_ops` member's helpers; `release` may not
/// set or get socket options.
fn tcp_ca_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    let release = attach == Some(AttachType::StructOpsRelease);
    Some(match id {
        F::tcp_send_ack => &bpf_tcp_send_ack_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::setsockopt if !release => &bpf_sk_setsockopt_proto,
        F::getsockopt if !release => &bpf_sk_getsockopt_proto,
        F::setsockopt | F::getsockopt => return None,
        F::ktime_get_coarse_ns => &bpf_ktime_get_coarse_ns_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

fn tracing_btf_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    let trampoline = matches!(
        attach,
        Some(
            AttachType::TraceFentry
                | AttachType::TraceFexit
                | AttachType::ModifyReturn
                | AttachType::LsmMac
        )
    );
    let iter = attach == Some(AttachType::TraceIter);
    match id {
        F::seq_printf if iter => Some(&bpf_seq_printf_proto),
        F::seq_write if iter => Some(&bpf_seq_write_proto),
        F::seq_printf_btf if iter => Some(&bpf_seq_printf_btf_proto),
        // every tracing program is offered it (bpf_tracing_func_proto);
        // check_get_func_ip() refuses those without a trampoline
        F::get_func_ip => Some(&bpf_get_func_ip_proto_tracing),
        // bpf_prog_has_trampoline()
        F::get_func_arg if trampoline => Some(&bpf_get_func_arg_proto),
        F::get_func_ret if trampoline => Some(&bpf_get_func_ret_proto),
        F::get_func_arg_cnt if trampoline => Some(&bpf_get_func_arg_cnt_proto),
        F::get_attach_cookie if trampoline => Some(&bpf_get_attach_cookie_proto_tracing),
        // 6.12: a BTF tracepoint has a cookie too
        F::get_attach_cookie if v612 && attach == Some(AttachType::TraceRawTp) => {
            Some(&bpf_get_attach_cookie_proto_tracing)
        }
        F::get_attach_cookie => None,
        _ => tracing_prog_func_proto(id, v612),
    }
}

/// The helpers that depend on the program's attach target:
/// `bpf_iter_get_func_proto()` (kernel/bpf/bpf_iter.c), asked last by
/// `tracing_prog_func_proto()` for an iterator: its target's own helpers
/// (`bpf_iter_tcp_get_func_proto`, `bpf_iter_unix_get_func_proto`: socket
/// options of the socket being walked; the same in 6.1 and 6.12); and
/// `bpf_lsm_func_proto()`'s socket options for a cgroup LSM program on
/// the hooks of `bpf_lsm_locked_sockopt_hooks` and
/// `bpf_lsm_unlocked_sockopt_hooks` (the same prototypes).
pub(crate) fn attach_target_func_proto(
    id: F,
    pt: ProgType,
    attach: Option<AttachType>,
    target: Option<&str>,
) -> Option<&'static Proto> {
    if pt == ProgType::Lsm && attach == Some(AttachType::LsmCgroup) {
        let sockopt_hook = matches!(
            target?,
            "sock_graft"
                | "inet_csk_clone"
                | "inet_conn_established"
                | "socket_post_create"
                | "socket_socketpair"
        );
        return match id {
            F::setsockopt if sockopt_hook => Some(&bpf_sk_setsockopt_proto),
            F::getsockopt if sockopt_hook => Some(&bpf_sk_getsockopt_proto),
            _ => None,
        };
    }
    if pt != ProgType::Tracing || attach != Some(AttachType::TraceIter) {
        return None;
    }
    match (target?, id) {
        ("tcp" | "unix", F::setsockopt) => Some(&bpf_sk_setsockopt_proto),
        ("tcp" | "unix", F::getsockopt) => Some(&bpf_sk_getsockopt_proto),
        _ => None,
    }
}

/// `cgroup_common_func_proto()`: cgroup storage, and the hook's return
/// value for the hooks that have one to read or set.
fn cgroup_common_func_proto(id: F, attach: Option<AttachType>) -> Option<&'static Proto> {
    // ingress (attach type 0), egress, sock_ops and the hooks that report
    // an address have no retval
    let no_retval = match attach {
        None | Some(AttachType::CgroupInetEgress) => true,
        Some(a) => a.reports_an_address(),
    };
    Some(match id {
        F::get_local_storage => &bpf_get_local_storage_proto,
        F::get_retval if !no_retval => &bpf_get_retval_proto,
        F::set_retval if !no_retval => &bpf_set_retval_proto,
        _ => return None,
    })
}

/// `cgroup_current_func_proto()`: helpers about the current task, for
/// hooks that run in its context. 6.12 moved the pid and cgroup ids to the
/// base table and added `current_task_under_cgroup`.
fn cgroup_current_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::get_current_uid_gid => &bpf_get_current_uid_gid_proto,
        F::get_current_pid_tgid if !v612 => &bpf_get_current_pid_tgid_proto,
        F::get_current_comm => &bpf_get_current_comm_proto,
        F::get_current_cgroup_id if !v612 => &bpf_get_current_cgroup_id_proto,
        F::get_current_ancestor_cgroup_id if !v612 => &bpf_get_current_ancestor_cgroup_id_proto,
        F::get_cgroup_classid => &bpf_get_cgroup_classid_curr_proto,
        F::current_task_under_cgroup if v612 => &bpf_current_task_under_cgroup_proto,
        _ => return None,
    })
}

/// `cgroup_dev_func_proto()` (kernel/bpf/cgroup.c, the same in 6.1 and
/// 6.12): the cgroup and current-task helpers, perf output, the base set.
fn cgroup_dev_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    if let Some(p) = cgroup_common_func_proto(id, attach) {
        return Some(p);
    }
    if let Some(p) = cgroup_current_func_proto(id, v612) {
        return Some(p);
    }
    match id {
        F::perf_event_output => Some(&bpf_event_output_data_proto),
        _ => bpf_base_func_proto(id, v612),
    }
}

/// `sock_filter_func_proto()` (net/core/filter.c): the cgroup and
/// current-task helpers, the socket's cookies and storage.
fn sock_filter_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    if let Some(p) = cgroup_common_func_proto(id, attach) {
        return Some(p);
    }
    if let Some(p) = cgroup_current_func_proto(id, v612) {
        return Some(p);
    }
    Some(match id {
        F::get_socket_cookie => &bpf_get_socket_cookie_sock_proto,
        F::get_netns_cookie => &bpf_get_netns_cookie_sock_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        F::sk_storage_get => &bpf_sk_storage_get_cg_sock_proto,
        F::ktime_get_coarse_ns => &bpf_ktime_get_coarse_ns_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

/// `cg_sockopt_func_proto()` (kernel/bpf/cgroup.c, the same in 6.1 and
/// 6.12): socket storage, the TCP socket, and the socket options (for
/// setsockopt hooks only).
fn cg_sockopt_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    if let Some(p) = cgroup_common_func_proto(id, attach) {
        return Some(p);
    }
    if let Some(p) = cgroup_current_func_proto(id, v612) {
        return Some(p);
    }
    let set = attach == Some(AttachType::Setsockopt);
    Some(match id {
        F::get_netns_cookie => &bpf_get_netns_cookie_sockopt_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::setsockopt if set => &bpf_sk_setsockopt_proto,
        F::getsockopt if set => &bpf_sk_getsockopt_proto,
        F::setsockopt | F::getsockopt => return None,
        F::tcp_sock => &bpf_tcp_sock_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

/// `sysctl_func_proto()`: as a device hook, plus the sysctl accessors and
/// the coarse clock.
fn sysctl_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    if let Some(p) = cgroup_common_func_proto(id, attach) {
        return Some(p);
    }
    if let Some(p) = cgroup_current_func_proto(id, v612) {
        return Some(p);
    }
    Some(match id {
        F::sysctl_get_name => &bpf_sysctl_get_name_proto,
        F::sysctl_get_current_value => &bpf_sysctl_get_current_value_proto,
        F::sysctl_get_new_value => &bpf_sysctl_get_new_value_proto,
        F::sysctl_set_new_value => &bpf_sysctl_set_new_value_proto,
        F::ktime_get_coarse_ns => &bpf_ktime_get_coarse_ns_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

/// `sock_addr_func_proto()`: `bpf_bind` for connect hooks only, socket
/// lookups, socket options for every inet hook (6.12 adds the unix ones,
/// which libbpf 1.1 cannot name).
fn sock_addr_func_proto(id: F, attach: Option<AttachType>, v612: bool) -> Option<&'static Proto> {
    use AttachType as A;
    if let Some(p) = cgroup_common_func_proto(id, attach) {
        return Some(p);
    }
    if let Some(p) = cgroup_current_func_proto(id, v612) {
        return Some(p);
    }
    // socket options: every hook, the unix ones too in Linux 6.12.95 (the
    // oracle; later 6.12 sources list only unix connect, sendmsg and
    // recvmsg, but .95 lets getpeername_unix call bpf_getsockopt)
    let inet_hook = attach.is_some_and(|a| a != A::CgroupInetEgress);
    Some(match id {
        F::bind if matches!(attach, Some(A::Inet4Connect | A::Inet6Connect)) => &bpf_bind_proto,
        F::bind => return None,
        F::get_socket_cookie => &bpf_get_socket_cookie_sock_addr_proto,
        F::get_netns_cookie => &bpf_get_netns_cookie_sock_addr_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        F::sk_lookup_tcp => &bpf_sock_addr_sk_lookup_tcp_proto,
        F::sk_lookup_udp => &bpf_sock_addr_sk_lookup_udp_proto,
        F::sk_release => &bpf_sk_release_proto,
        F::skc_lookup_tcp => &bpf_sock_addr_skc_lookup_tcp_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::setsockopt if inet_hook => &bpf_sock_addr_setsockopt_proto,
        F::getsockopt if inet_hook => &bpf_sock_addr_getsockopt_proto,
        F::setsockopt | F::getsockopt => return None,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `sk_skb_func_proto()` (the same in 6.1 and 6.12; the `sk_skb_*`
/// prototypes have the tc ones' arguments).
fn sk_skb_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_store_bytes => &bpf_skb_store_bytes_proto,
        F::skb_load_bytes => &bpf_skb_load_bytes_proto,
        F::skb_pull_data => &bpf_skb_pull_data_proto,
        F::skb_change_tail => &bpf_skb_change_tail_proto,
        F::skb_change_head => &bpf_skb_change_head_proto,
        F::skb_adjust_room => &bpf_skb_adjust_room_proto,
        F::get_socket_cookie => &bpf_get_socket_cookie_proto,
        F::get_socket_uid => &bpf_get_socket_uid_proto,
        F::sk_redirect_map => &bpf_sk_redirect_map_proto,
        F::sk_redirect_hash => &bpf_sk_redirect_hash_proto,
        F::perf_event_output => &bpf_skb_event_output_proto,
        F::sk_lookup_tcp => &bpf_sk_lookup_tcp_proto,
        F::sk_lookup_udp => &bpf_sk_lookup_udp_proto,
        F::sk_release => &bpf_sk_release_proto,
        F::skc_lookup_tcp => &bpf_skc_lookup_tcp_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `sock_ops_func_proto()` (the same in 6.1 and 6.12): first
/// `cgroup_common_func_proto()`, whose get/set_retval are not for
/// `BPF_CGROUP_SOCK_OPS`, the attach type libbpf gives "sockops".
fn sock_ops_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::get_local_storage => &bpf_get_local_storage_proto,
        F::setsockopt => &bpf_sock_ops_setsockopt_proto,
        F::getsockopt => &bpf_sock_ops_getsockopt_proto,
        F::sock_ops_cb_flags_set => &bpf_sock_ops_cb_flags_set_proto,
        F::sock_map_update => &bpf_sock_map_update_proto,
        F::sock_hash_update => &bpf_sock_hash_update_proto,
        F::get_socket_cookie => &bpf_get_socket_cookie_sock_ops_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::get_netns_cookie => &bpf_get_netns_cookie_sock_ops_proto,
        F::load_hdr_opt => &bpf_sock_ops_load_hdr_opt_proto,
        F::store_hdr_opt => &bpf_sock_ops_store_hdr_opt_proto,
        F::reserve_hdr_opt => &bpf_sock_ops_reserve_hdr_opt_proto,
        F::tcp_sock => &bpf_tcp_sock_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `sk_msg_func_proto()`. 6.12 drops get_current_pid_tgid and the cgroup
/// ids from it: `bpf_base_func_proto()` offers them there, alike.
fn sk_msg_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::msg_redirect_map => &bpf_msg_redirect_map_proto,
        F::msg_redirect_hash => &bpf_msg_redirect_hash_proto,
        F::msg_apply_bytes => &bpf_msg_apply_bytes_proto,
        F::msg_cork_bytes => &bpf_msg_cork_bytes_proto,
        F::msg_pull_data => &bpf_msg_pull_data_proto,
        F::msg_push_data => &bpf_msg_push_data_proto,
        F::msg_pop_data => &bpf_msg_pop_data_proto,
        F::perf_event_output => &bpf_event_output_data_proto,
        F::get_current_uid_gid => &bpf_get_current_uid_gid_proto,
        F::get_current_pid_tgid => &bpf_get_current_pid_tgid_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::get_netns_cookie => &bpf_get_netns_cookie_sk_msg_proto,
        F::get_current_cgroup_id => &bpf_get_current_cgroup_id_proto,
        F::get_current_ancestor_cgroup_id => &bpf_get_current_ancestor_cgroup_id_proto,
        F::get_cgroup_classid => &bpf_get_cgroup_classid_curr_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `pe_prog_func_proto()` (the same in 6.1 and 6.12).
fn pe_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::perf_event_output => &bpf_perf_event_output_proto_tp,
        F::get_stackid => &bpf_get_stackid_proto_pe,
        F::get_stack => &bpf_get_stack_proto_pe,
        F::perf_prog_read_value => &bpf_perf_prog_read_value_proto,
        F::read_branch_records => &bpf_read_branch_records_proto,
        F::get_attach_cookie => &bpf_get_attach_cookie_proto_trace,
        _ => return bpf_tracing_func_proto(id, v612),
    })
}

/// `bpf_base_func_proto()` (kernel/bpf/helpers.c): every program type's
/// last resort; the `bpf_capable()` and `perfmon_capable()` parts included.
fn bpf_base_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::map_lookup_elem => &bpf_map_lookup_elem_proto,
        F::map_update_elem => &bpf_map_update_elem_proto,
        F::map_delete_elem => &bpf_map_delete_elem_proto,
        F::map_push_elem => &bpf_map_push_elem_proto,
        F::map_pop_elem => &bpf_map_pop_elem_proto,
        F::map_peek_elem => &bpf_map_peek_elem_proto,
        F::map_lookup_percpu_elem => &bpf_map_lookup_percpu_elem_proto,
        F::get_prandom_u32 => &bpf_get_prandom_u32_proto,
        F::get_smp_processor_id => &bpf_get_raw_smp_processor_id_proto,
        F::get_numa_node_id => &bpf_get_numa_node_id_proto,
        F::tail_call => &bpf_tail_call_proto,
        F::ktime_get_ns => &bpf_ktime_get_ns_proto,
        F::ktime_get_boot_ns => &bpf_ktime_get_boot_ns_proto,
        F::ktime_get_tai_ns => &bpf_ktime_get_tai_ns_proto,
        F::ringbuf_output => &bpf_ringbuf_output_proto,
        F::ringbuf_reserve => &bpf_ringbuf_reserve_proto,
        F::ringbuf_submit => &bpf_ringbuf_submit_proto,
        F::ringbuf_discard => &bpf_ringbuf_discard_proto,
        F::ringbuf_query => &bpf_ringbuf_query_proto,
        F::strncmp => &bpf_strncmp_proto,
        F::strtol => &bpf_strtol_proto,
        F::strtoul => &bpf_strtoul_proto,
        // 6.10, "Allow helper bpf_get_[ns_]current_pid_tgid() for all
        // prog types"
        F::get_current_pid_tgid if v612 => &bpf_get_current_pid_tgid_proto,
        F::get_ns_current_pid_tgid if v612 => &bpf_get_ns_current_pid_tgid_proto,
        // bpf_capable()
        F::spin_lock => &bpf_spin_lock_proto,
        F::spin_unlock => &bpf_spin_unlock_proto,
        F::jiffies64 => &bpf_jiffies64_proto,
        F::per_cpu_ptr => &bpf_per_cpu_ptr_proto,
        F::this_cpu_ptr => &bpf_this_cpu_ptr_proto,
        F::timer_init => &bpf_timer_init_proto,
        F::timer_set_callback => &bpf_timer_set_callback_proto,
        F::timer_start => &bpf_timer_start_proto,
        F::timer_cancel => &bpf_timer_cancel_proto,
        F::kptr_xchg => &bpf_kptr_xchg_proto,
        F::for_each_map_elem => &bpf_for_each_map_elem_proto,
        F::r#loop => &bpf_loop_proto,
        F::user_ringbuf_drain => &bpf_user_ringbuf_drain_proto,
        F::ringbuf_reserve_dynptr => &bpf_ringbuf_reserve_dynptr_proto,
        F::ringbuf_submit_dynptr => &bpf_ringbuf_submit_dynptr_proto,
        F::ringbuf_discard_dynptr => &bpf_ringbuf_discard_dynptr_proto,
        F::dynptr_from_mem => &bpf_dynptr_from_mem_proto,
        F::dynptr_read => &bpf_dynptr_read_proto,
        F::dynptr_write => &bpf_dynptr_write_proto,
        F::dynptr_data => &bpf_dynptr_data_proto,
        // 6.12 (CONFIG_CGROUPS): cgroup storage and ids for every type
        F::cgrp_storage_get if v612 => &bpf_cgrp_storage_get_proto,
        F::cgrp_storage_delete if v612 => &bpf_cgrp_storage_delete_proto,
        F::get_current_cgroup_id if v612 => &bpf_get_current_cgroup_id_proto,
        F::get_current_ancestor_cgroup_id if v612 => &bpf_get_current_ancestor_cgroup_id_proto,
        // perfmon_capable()
        F::trace_printk => &bpf_trace_printk_proto,
        F::get_current_task => &bpf_get_current_task_proto,
        F::get_current_task_btf => &bpf_get_current_task_btf_proto,
        F::probe_read_user => &bpf_probe_read_user_proto,
        F::probe_read_kernel => &bpf_probe_read_kernel_proto,
        F::probe_read_user_str => &bpf_probe_read_user_str_proto,
        F::probe_read_kernel_str => &bpf_probe_read_kernel_str_proto,
        F::snprintf_btf => &bpf_snprintf_btf_proto,
        F::snprintf => &bpf_snprintf_proto,
        F::task_pt_regs => &bpf_task_pt_regs_proto,
        F::trace_vprintk => &bpf_trace_vprintk_proto,
        _ => return None,
    })
}

/// `bpf_tracing_func_proto()` (kernel/trace/bpf_trace.c), as 6.1 has it.
/// 6.12 leaves get_current_pid_tgid, get_ns_current_pid_tgid,
/// get_current_cgroup_id and get_current_ancestor_cgroup_id to
/// `bpf_base_func_proto()`, which offers them with the same prototypes,
/// and takes `bpf_task_storage_*_recur_proto` for these programs
/// (`bpf_prog_check_recur()`), whose arguments are those of
/// `bpf_task_storage_*_proto`.
fn bpf_tracing_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::map_lookup_elem => &bpf_map_lookup_elem_proto,
        F::map_update_elem => &bpf_map_update_elem_proto,
        F::map_delete_elem => &bpf_map_delete_elem_proto,
        F::map_push_elem => &bpf_map_push_elem_proto,
        F::map_pop_elem => &bpf_map_pop_elem_proto,
        F::map_peek_elem => &bpf_map_peek_elem_proto,
        F::map_lookup_percpu_elem => &bpf_map_lookup_percpu_elem_proto,
        F::ktime_get_ns => &bpf_ktime_get_ns_proto,
        F::ktime_get_boot_ns => &bpf_ktime_get_boot_ns_proto,
        F::tail_call => &bpf_tail_call_proto,
        F::get_current_pid_tgid => &bpf_get_current_pid_tgid_proto,
        F::get_current_task => &bpf_get_current_task_proto,
        F::get_current_task_btf => &bpf_get_current_task_btf_proto,
        F::task_pt_regs => &bpf_task_pt_regs_proto,
        F::get_current_uid_gid => &bpf_get_current_uid_gid_proto,
        F::get_current_comm => &bpf_get_current_comm_proto,
        F::trace_printk => &bpf_trace_printk_proto,
        F::get_smp_processor_id => &bpf_get_smp_processor_id_proto,
        F::get_numa_node_id => &bpf_get_numa_node_id_proto,
        F::perf_event_read => &bpf_perf_event_read_proto,
        F::current_task_under_cgroup => &bpf_current_task_under_cgroup_proto,
        F::get_prandom_u32 => &bpf_get_prandom_u32_proto,
        F::probe_write_user => &bpf_probe_write_user_proto,
        F::probe_read_user => &bpf_probe_read_user_proto,
        F::probe_read_kernel => &bpf_probe_read_kernel_proto,
        F::probe_read_user_str => &bpf_probe_read_user_str_proto,
        F::probe_read_kernel_str => &bpf_probe_read_kernel_str_proto,
        // CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE (x86)
        F::probe_read => &bpf_probe_read_compat_proto,
        F::probe_read_str => &bpf_probe_read_compat_str_proto,
        F::get_current_cgroup_id => &bpf_get_current_cgroup_id_proto,
        F::get_current_ancestor_cgroup_id => &bpf_get_current_ancestor_cgroup_id_proto,
        F::cgrp_storage_get if v612 => &bpf_cgrp_storage_get_proto,
        F::cgrp_storage_delete if v612 => &bpf_cgrp_storage_delete_proto,
        F::send_signal => &bpf_send_signal_proto,
        F::send_signal_thread => &bpf_send_signal_thread_proto,
        F::perf_event_read_value => &bpf_perf_event_read_value_proto,
        F::get_ns_current_pid_tgid => &bpf_get_ns_current_pid_tgid_proto,
        F::ringbuf_output => &bpf_ringbuf_output_proto,
        F::ringbuf_reserve => &bpf_ringbuf_reserve_proto,
        F::ringbuf_submit => &bpf_ringbuf_submit_proto,
        F::ringbuf_discard => &bpf_ringbuf_discard_proto,
        F::ringbuf_query => &bpf_ringbuf_query_proto,
        F::jiffies64 => &bpf_jiffies64_proto,
        // 6.12 has a sleepable twin for sleepable programs (syscall),
        // with the same arguments
        F::get_task_stack => &bpf_get_task_stack_proto,
        F::copy_from_user => &bpf_copy_from_user_proto,
        F::copy_from_user_task => &bpf_copy_from_user_task_proto,
        F::snprintf_btf => &bpf_snprintf_btf_proto,
        F::per_cpu_ptr => &bpf_per_cpu_ptr_proto,
        F::this_cpu_ptr => &bpf_this_cpu_ptr_proto,
        F::task_storage_get => &bpf_task_storage_get_proto,
        F::task_storage_delete => &bpf_task_storage_delete_proto,
        F::for_each_map_elem => &bpf_for_each_map_elem_proto,
        F::snprintf => &bpf_snprintf_proto,
        F::get_func_ip => &bpf_get_func_ip_proto_tracing,
        F::get_branch_snapshot => &bpf_get_branch_snapshot_proto,
        F::find_vma => &bpf_find_vma_proto,
        F::trace_vprintk => &bpf_trace_vprintk_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

/// `kprobe_prog_func_proto()`: a kprobe's `expected_attach_type` is not
/// `BPF_TRACE_KPROBE_MULTI` (nor 6.12's `BPF_TRACE_UPROBE_MULTI`), and
/// Debian builds without `CONFIG_BPF_KPROBE_OVERRIDE` (no override_return).
fn kprobe_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::perf_event_output => &bpf_perf_event_output_proto,
        F::get_stackid => &bpf_get_stackid_proto,
        F::get_stack => &bpf_get_stack_proto,
        F::get_func_ip => &bpf_get_func_ip_proto_kprobe,
        F::get_attach_cookie => &bpf_get_attach_cookie_proto_trace,
        _ => return bpf_tracing_func_proto(id, v612),
    })
}

/// `tp_prog_func_proto()`
fn tp_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::perf_event_output => &bpf_perf_event_output_proto_tp,
        F::get_stackid => &bpf_get_stackid_proto_tp,
        F::get_stack => &bpf_get_stack_proto_tp,
        F::get_attach_cookie => &bpf_get_attach_cookie_proto_trace,
        _ => return bpf_tracing_func_proto(id, v612),
    })
}

/// `raw_tp_prog_func_proto()`: 6.12 adds the attach cookie.
fn raw_tp_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::perf_event_output => &bpf_perf_event_output_proto_raw_tp,
        F::get_stackid => &bpf_get_stackid_proto_raw_tp,
        F::get_stack => &bpf_get_stack_proto_raw_tp,
        F::get_attach_cookie if v612 => &bpf_get_attach_cookie_proto_tracing,
        _ => return bpf_tracing_func_proto(id, v612),
    })
}

/// `tracing_prog_func_proto()`, which syscall programs fall back on: the
/// iterator helpers need `BPF_TRACE_ITER` and the function argument ones
/// a trampoline (`bpf_prog_has_trampoline()`), which a syscall program
/// has neither of.
fn tracing_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_output => &bpf_skb_output_proto,
        F::xdp_output => &bpf_xdp_output_proto,
        F::skc_to_tcp6_sock => &bpf_skc_to_tcp6_sock_proto,
        F::skc_to_tcp_sock => &bpf_skc_to_tcp_sock_proto,
        F::skc_to_tcp_timewait_sock => &bpf_skc_to_tcp_timewait_sock_proto,
        F::skc_to_tcp_request_sock => &bpf_skc_to_tcp_request_sock_proto,
        F::skc_to_udp6_sock => &bpf_skc_to_udp6_sock_proto,
        F::skc_to_unix_sock => &bpf_skc_to_unix_sock_proto,
        F::skc_to_mptcp_sock => &bpf_skc_to_mptcp_sock_proto,
        F::sk_storage_get if v612 => &bpf_sk_storage_get_tracing_proto_612,
        F::sk_storage_delete if v612 => &bpf_sk_storage_delete_tracing_proto_612,
        F::sk_storage_get => &bpf_sk_storage_get_tracing_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_tracing_proto,
        F::sock_from_file => &bpf_sock_from_file_proto,
        F::get_socket_cookie => &bpf_get_socket_ptr_cookie_proto,
        F::xdp_get_buff_len => &bpf_xdp_get_buff_len_trace_proto,
        F::d_path => &bpf_d_path_proto,
        F::seq_printf
        | F::seq_write
        | F::seq_printf_btf
        | F::get_func_arg
        | F::get_func_ret
        | F::get_func_arg_cnt
        | F::get_attach_cookie => return None,
        _ => return raw_tp_prog_func_proto(id, v612),
    })
}

/// `syscall_prog_func_proto()` (kernel/bpf/syscall.c)
fn syscall_prog_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::sys_bpf => &bpf_sys_bpf_proto,
        F::btf_find_by_name_kind => &bpf_btf_find_by_name_kind_proto,
        F::sys_close => &bpf_sys_close_proto,
        F::kallsyms_lookup_name => &bpf_kallsyms_lookup_name_proto,
        _ => return tracing_prog_func_proto(id, v612),
    })
}

/// `bpf_sk_base_func_proto()` (net/core/filter.c): the socket casts are
/// behind `perfmon_capable()`.
fn bpf_sk_base_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skc_to_tcp6_sock => &bpf_skc_to_tcp6_sock_proto,
        F::skc_to_tcp_sock => &bpf_skc_to_tcp_sock_proto,
        F::skc_to_tcp_timewait_sock => &bpf_skc_to_tcp_timewait_sock_proto,
        F::skc_to_tcp_request_sock => &bpf_skc_to_tcp_request_sock_proto,
        F::skc_to_udp6_sock => &bpf_skc_to_udp6_sock_proto,
        F::skc_to_unix_sock => &bpf_skc_to_unix_sock_proto,
        F::skc_to_mptcp_sock => &bpf_skc_to_mptcp_sock_proto,
        F::ktime_get_coarse_ns => &bpf_ktime_get_coarse_ns_proto,
        _ => return bpf_base_func_proto(id, v612),
    })
}

/// `sk_filter_func_proto()`
fn sk_filter_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_load_bytes => &bpf_skb_load_bytes_proto,
        F::skb_load_bytes_relative => &bpf_skb_load_bytes_relative_proto,
        F::get_socket_cookie => &bpf_get_socket_cookie_proto,
        F::get_socket_uid => &bpf_get_socket_uid_proto,
        F::perf_event_output => &bpf_skb_event_output_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `tc_cls_act_func_proto()`: the same in 6.1 and 6.12.
fn tc_cls_act_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_store_bytes => &bpf_skb_store_bytes_proto,
        F::skb_load_bytes => &bpf_skb_load_bytes_proto,
        F::skb_load_bytes_relative => &bpf_skb_load_bytes_relative_proto,
        F::skb_pull_data => &bpf_skb_pull_data_proto,
        F::csum_diff => &bpf_csum_diff_proto,
        F::csum_update => &bpf_csum_update_proto,
        F::csum_level => &bpf_csum_level_proto,
        F::l3_csum_replace => &bpf_l3_csum_replace_proto,
        F::l4_csum_replace => &bpf_l4_csum_replace_proto,
        F::clone_redirect => &bpf_clone_redirect_proto,
        F::get_cgroup_classid => &bpf_get_cgroup_classid_proto,
        F::skb_vlan_push => &bpf_skb_vlan_push_proto,
        F::skb_vlan_pop => &bpf_skb_vlan_pop_proto,
        F::skb_change_proto => &bpf_skb_change_proto_proto,
        F::skb_change_type => &bpf_skb_change_type_proto,
        F::skb_adjust_room => &bpf_skb_adjust_room_proto,
        F::skb_change_tail => &bpf_skb_change_tail_proto,
        F::skb_change_head => &bpf_skb_change_head_proto,
        F::skb_get_tunnel_key => &bpf_skb_get_tunnel_key_proto,
        F::skb_set_tunnel_key => &bpf_skb_set_tunnel_key_proto,
        F::skb_get_tunnel_opt => &bpf_skb_get_tunnel_opt_proto,
        F::skb_set_tunnel_opt => &bpf_skb_set_tunnel_opt_proto,
        F::redirect => &bpf_redirect_proto,
        F::redirect_neigh => &bpf_redirect_neigh_proto,
        F::redirect_peer => &bpf_redirect_peer_proto,
        F::get_route_realm => &bpf_get_route_realm_proto,
        F::get_hash_recalc => &bpf_get_hash_recalc_proto,
        F::set_hash_invalid => &bpf_set_hash_invalid_proto,
        F::set_hash => &bpf_set_hash_proto,
        F::perf_event_output => &bpf_skb_event_output_proto,
        F::get_smp_processor_id => &bpf_get_smp_processor_id_proto,
        F::skb_under_cgroup => &bpf_skb_under_cgroup_proto,
        F::get_socket_cookie => &bpf_get_socket_cookie_proto,
        F::get_socket_uid => &bpf_get_socket_uid_proto,
        F::fib_lookup => &bpf_skb_fib_lookup_proto,
        F::check_mtu => &bpf_skb_check_mtu_proto,
        F::sk_fullsock => &bpf_sk_fullsock_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::skb_get_xfrm_state => &bpf_skb_get_xfrm_state_proto,
        F::skb_cgroup_classid => &bpf_skb_cgroup_classid_proto,
        F::skb_cgroup_id => &bpf_skb_cgroup_id_proto,
        F::skb_ancestor_cgroup_id => &bpf_skb_ancestor_cgroup_id_proto,
        F::sk_lookup_tcp => &bpf_tc_sk_lookup_tcp_proto,
        F::sk_lookup_udp => &bpf_tc_sk_lookup_udp_proto,
        F::sk_release => &bpf_sk_release_proto,
        F::tcp_sock => &bpf_tcp_sock_proto,
        F::get_listener_sock => &bpf_get_listener_sock_proto,
        F::skc_lookup_tcp => &bpf_tc_skc_lookup_tcp_proto,
        F::tcp_check_syncookie => &bpf_tcp_check_syncookie_proto,
        F::skb_ecn_set_ce => &bpf_skb_ecn_set_ce_proto,
        F::tcp_gen_syncookie => &bpf_tcp_gen_syncookie_proto,
        F::sk_assign => &bpf_sk_assign_proto,
        F::skb_set_tstamp => &bpf_skb_set_tstamp_proto,
        F::tcp_raw_gen_syncookie_ipv4 => &bpf_tcp_raw_gen_syncookie_ipv4_proto,
        F::tcp_raw_gen_syncookie_ipv6 => &bpf_tcp_raw_gen_syncookie_ipv6_proto,
        F::tcp_raw_check_syncookie_ipv4 => &bpf_tcp_raw_check_syncookie_ipv4_proto,
        F::tcp_raw_check_syncookie_ipv6 => &bpf_tcp_raw_check_syncookie_ipv6_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `lwt_out_func_proto()`: reading the packet, its hash, realm and
/// cgroup; the socket helpers of the base set.
fn lwt_out_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_load_bytes => &bpf_skb_load_bytes_proto,
        F::skb_pull_data => &bpf_skb_pull_data_proto,
        F::csum_diff => &bpf_csum_diff_proto,
        F::get_cgroup_classid => &bpf_get_cgroup_classid_proto,
        F::get_route_realm => &bpf_get_route_realm_proto,
        F::get_hash_recalc => &bpf_get_hash_recalc_proto,
        F::perf_event_output => &bpf_skb_event_output_proto,
        F::get_smp_processor_id => &bpf_get_smp_processor_id_proto,
        F::skb_under_cgroup => &bpf_skb_under_cgroup_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `lwt_xmit_func_proto()`: lwt_out's and the tunnel, redirect, checksum
/// and packet-changing helpers.
fn lwt_xmit_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::skb_get_tunnel_key => &bpf_skb_get_tunnel_key_proto,
        F::skb_set_tunnel_key => &bpf_skb_set_tunnel_key_proto,
        F::skb_get_tunnel_opt => &bpf_skb_get_tunnel_opt_proto,
        F::skb_set_tunnel_opt => &bpf_skb_set_tunnel_opt_proto,
        F::redirect => &bpf_redirect_proto,
        F::clone_redirect => &bpf_clone_redirect_proto,
        F::skb_change_tail => &bpf_skb_change_tail_proto,
        F::skb_change_head => &bpf_skb_change_head_proto,
        F::skb_store_bytes => &bpf_skb_store_bytes_proto,
        F::csum_update => &bpf_csum_update_proto,
        F::csum_level => &bpf_csum_level_proto,
        F::l3_csum_replace => &bpf_l3_csum_replace_proto,
        F::l4_csum_replace => &bpf_l4_csum_replace_proto,
        F::set_hash_invalid => &bpf_set_hash_invalid_proto,
        F::lwt_push_encap => &bpf_lwt_xmit_push_encap_proto,
        _ => return lwt_out_func_proto(id, v612),
    })
}

/// `xdp_func_proto()`
fn xdp_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::perf_event_output => &bpf_xdp_event_output_proto,
        F::get_smp_processor_id => &bpf_get_smp_processor_id_proto,
        F::csum_diff => &bpf_csum_diff_proto,
        F::xdp_adjust_head => &bpf_xdp_adjust_head_proto,
        F::xdp_adjust_meta => &bpf_xdp_adjust_meta_proto,
        F::redirect => &bpf_xdp_redirect_proto,
        F::redirect_map => &bpf_xdp_redirect_map_proto,
        F::xdp_adjust_tail => &bpf_xdp_adjust_tail_proto,
        F::xdp_get_buff_len => &bpf_xdp_get_buff_len_proto,
        F::xdp_load_bytes => &bpf_xdp_load_bytes_proto,
        F::xdp_store_bytes => &bpf_xdp_store_bytes_proto,
        F::fib_lookup => &bpf_xdp_fib_lookup_proto,
        F::check_mtu => &bpf_xdp_check_mtu_proto,
        F::sk_lookup_udp => &bpf_xdp_sk_lookup_udp_proto,
        F::sk_lookup_tcp => &bpf_xdp_sk_lookup_tcp_proto,
        F::sk_release => &bpf_sk_release_proto,
        F::skc_lookup_tcp => &bpf_xdp_skc_lookup_tcp_proto,
        F::tcp_check_syncookie => &bpf_tcp_check_syncookie_proto,
        F::tcp_gen_syncookie => &bpf_tcp_gen_syncookie_proto,
        F::tcp_raw_gen_syncookie_ipv4 => &bpf_tcp_raw_gen_syncookie_ipv4_proto,
        F::tcp_raw_gen_syncookie_ipv6 => &bpf_tcp_raw_gen_syncookie_ipv6_proto,
        F::tcp_raw_check_syncookie_ipv4 => &bpf_tcp_raw_check_syncookie_ipv4_proto,
        F::tcp_raw_check_syncookie_ipv6 => &bpf_tcp_raw_check_syncookie_ipv6_proto,
        _ => return bpf_sk_base_func_proto(id, v612),
    })
}

/// `cg_skb_func_proto()`, after `cgroup_common_func_proto()` (whose
/// get_retval and set_retval are not for `BPF_CGROUP_INET_INGRESS`, the
/// attach type of a cgroup_skb program loaded without one).
fn cg_skb_func_proto(id: F, v612: bool) -> Option<&'static Proto> {
    Some(match id {
        F::get_local_storage => &bpf_get_local_storage_proto,
        F::sk_fullsock => &bpf_sk_fullsock_proto,
        F::sk_storage_get => &bpf_sk_storage_get_proto,
        F::sk_storage_delete => &bpf_sk_storage_delete_proto,
        F::perf_event_output => &bpf_skb_event_output_proto,
        F::skb_cgroup_id => &bpf_skb_cgroup_id_proto,
        F::skb_ancestor_cgroup_id => &bpf_skb_ancestor_cgroup_id_proto,
        F::sk_cgroup_id => &bpf_sk_cgroup_id_proto,
        F::sk_ancestor_cgroup_id => &bpf_sk_ancestor_cgroup_id_proto,
        F::sk_lookup_tcp => &bpf_sk_lookup_tcp_proto,
        F::sk_lookup_udp => &bpf_sk_lookup_udp_proto,
        F::sk_release => &bpf_sk_release_proto,
        F::skc_lookup_tcp => &bpf_skc_lookup_tcp_proto,
        F::tcp_sock => &bpf_tcp_sock_proto,
        F::get_listener_sock => &bpf_get_listener_sock_proto,
        F::skb_ecn_set_ce => &bpf_skb_ecn_set_ce_proto,
        _ => return sk_filter_func_proto(id, v612),
    })
}

/// The prototypes 6.12 changed, on top of 6.1's.
pub(crate) fn proto_612(id: F, fp: &Proto) -> Proto {
    let mut p = *fp;
    match id {
        // "bpf: Allow helpers to accept a size of 0" for the socket
        // lookups' tuple and the raw syncookie's TCP header
        F::sk_lookup_tcp | F::sk_lookup_udp | F::skc_lookup_tcp => p.args[2] = ConstSizeOrZero,
        F::tcp_raw_gen_syncookie_ipv4 | F::tcp_raw_gen_syncookie_ipv6 => {
            p.args[2] = ConstSizeOrZero
        }
        // bpf_get_socket_ptr_cookie_proto (syscall) takes NULL
        F::get_socket_cookie if p.args[0] == BtfIdSockCommon => p.args[0] = BtfIdSockCommonOrNull,
        // the task storages take NULL (and the _recur twins are the same)
        F::task_storage_get | F::task_storage_delete => p.args[1] = BtfIdOrNull("task_struct"),
        // bpf_check_mtu's mtu_len is read as well as written
        F::check_mtu => {
            p.args[2] = FixedSizeMem {
                size: 4,
                uninit: false,
                write: true,
                aligned: true,
            }
        }
        F::strncmp => p.args[0] = MemRdonly,
        F::sys_bpf | F::sys_close => p.might_sleep = true,
        // 6.12.117 makes bpf_loop's count ARG_SCALAR; 6.12.95, the oracle,
        // still has ARG_ANYTHING (a pointer there is an EFAULT)
        _ => {}
    }
    p
}

/// `bpf_helper_changes_pkt_data()`: the helper may move the packet, so
/// packet pointers are stale after it. 6.1 compares the helper's function
/// (the tc/xdp ones here); 6.12 lists the ids, and a tail call is one
/// ("bpf: consider that tail calls invalidate packet pointers", 6.13, in
/// 6.12.y).
pub(crate) fn bpf_helper_changes_pkt_data(id: F, v612: bool) -> bool {
    match id {
        F::skb_vlan_push
        | F::skb_vlan_pop
        | F::skb_store_bytes
        | F::skb_change_proto
        | F::skb_change_head
        | F::skb_change_tail
        | F::skb_adjust_room
        | F::skb_pull_data
        | F::clone_redirect
        | F::l3_csum_replace
        | F::l4_csum_replace
        | F::xdp_adjust_head
        | F::xdp_adjust_meta
        | F::xdp_adjust_tail
        | F::msg_pull_data
        | F::msg_push_data
        | F::msg_pop_data
        | F::store_hdr_opt
        | F::lwt_push_encap
        | F::lwt_seg6_store_bytes
        | F::lwt_seg6_adjust_srh
        | F::lwt_seg6_action => true,
        F::tail_call => v612,
        _ => false,
    }
}

/// Which callback a helper verifies (`check_helper_call()`'s
/// `__check_func_call` / `push_callback_call` cases).
pub(crate) fn callback_kind(id: F) -> CallbackKind {
    match id {
        F::r#loop => CallbackKind::Loop,
        F::for_each_map_elem => CallbackKind::ForEachMapElem,
        F::find_vma => CallbackKind::FindVma,
        F::user_ringbuf_drain => CallbackKind::UserRingbuf,
        F::timer_set_callback => CallbackKind::TimerAsync,
        _ => CallbackKind::None,
    }
}

/// `is_acquire_function()`: the result holds a reference.
pub(crate) fn is_acquire_function(id: F, map: Option<MapType>) -> bool {
    match id {
        F::sk_lookup_tcp
        | F::sk_lookup_udp
        | F::skc_lookup_tcp
        | F::ringbuf_reserve
        | F::kptr_xchg => true,
        F::map_lookup_elem => matches!(map, Some(MapType::Sockmap | MapType::Sockhash)),
        _ => false,
    }
}

/// `is_ptr_cast_function()`: the result is the argument, seen as another
/// type; it keeps the argument's reference.
pub(crate) fn is_ptr_cast_function(id: F) -> bool {
    matches!(
        id,
        F::tcp_sock
            | F::sk_fullsock
            | F::skc_to_tcp_sock
            | F::skc_to_tcp6_sock
            | F::skc_to_udp6_sock
            | F::skc_to_mptcp_sock
            | F::skc_to_tcp_timewait_sock
            | F::skc_to_tcp_request_sock
    )
}

/// Syscall programs are sleepable: "Syscall programs can only be
/// sleepable" (`check_attach_btf_id()`), the loader sets
/// `BPF_F_SLEEPABLE`. No other modelled type may be.
pub(crate) fn prog_sleepable(prog: &crate::program::Program) -> bool {
    prog.sleepable || prog.prog_type == ProgType::Syscall
}

/// `func_id_name()`: `bpf_map_lookup_elem`, or `unknown` outside the
/// kernel's ids.
pub(crate) fn func_id_name(id: i32, max_id: u32) -> String {
    match F::from_id(id) {
        Some(f) if (f as u32) < max_id => format!("bpf_{}", f.name()),
        _ => "unknown".to_string(),
    }
}

/// The kernel's name of a helper.
pub(crate) fn helper_name(id: i32) -> String {
    func_id_name(id, crate::helper_ids::MAX_ID)
}

/// `__BPF_FUNC_MAX_ID`: 6.1 stops before cgrp_storage_get (210).
pub(crate) fn func_max_id(v612: bool) -> u32 {
    if v612 {
        crate::helper_ids::MAX_ID
    } else {
        F::cgrp_storage_get as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [ProgType; 11] = [
        ProgType::CgroupDevice,
        ProgType::CgroupSysctl,
        ProgType::SocketFilter,
        ProgType::Kprobe,
        ProgType::SchedCls,
        ProgType::SchedAct,
        ProgType::Tracepoint,
        ProgType::Xdp,
        ProgType::CgroupSkb,
        ProgType::RawTracepoint,
        ProgType::Syscall,
    ];

    fn offered(id: F, pt: ProgType, v612: bool) -> bool {
        get_func_proto(id, pt, None, v612).is_some()
    }

    #[test]
    fn func_ids_are_the_kernels() {
        assert_eq!(F::map_lookup_elem as u32, 1);
        assert_eq!(F::r#loop as u32, 181);
        assert_eq!(F::from_id(181).map(F::name), Some("loop"));
        assert_eq!(F::cgrp_storage_delete as u32, 211);
        assert_eq!(F::from_id(212), None);
        assert_eq!(func_id_name(210, func_max_id(false)), "unknown");
        assert_eq!(func_id_name(210, func_max_id(true)), "bpf_cgrp_storage_get");
    }

    #[test]
    fn tables_follow_the_kernels() {
        // cg_skb_func_proto() looks sockets up (CONFIG_INET)
        assert!(offered(F::sk_lookup_tcp, ProgType::CgroupSkb, false));
        // Debian builds without CONFIG_BPF_KPROBE_OVERRIDE
        assert!(!offered(F::override_return, ProgType::Kprobe, false));
        // 6.10: bpf_get_current_pid_tgid for every program type
        assert!(!offered(F::get_current_pid_tgid, ProgType::Xdp, false));
        assert!(offered(F::get_current_pid_tgid, ProgType::Xdp, true));
        // 6.12's raw_tp_prog_func_proto() has the attach cookie
        assert!(!offered(
            F::get_attach_cookie,
            ProgType::RawTracepoint,
            false
        ));
        assert!(offered(F::get_attach_cookie, ProgType::RawTracepoint, true));
        // the socket casts are behind perfmon_capable(), which root has
        assert!(offered(F::skc_to_tcp_sock, ProgType::SocketFilter, false));
        for pt in TYPES {
            for v612 in [false, true] {
                // cgroup_sysctl programs' own helpers
                assert_eq!(
                    offered(F::sysctl_get_name, pt, v612),
                    pt == ProgType::CgroupSysctl
                );
                // the base table: map helpers for every program type
                assert!(offered(F::map_lookup_elem, pt, v612));
            }
        }
        // tracing_prog_func_proto() offers bpf_d_path to syscall
        // programs, and its `.allowed` refuses them
        let d_path = get_func_proto(F::d_path, ProgType::Syscall, None, false).unwrap();
        let mut syscall = crate::program::Program::new(Vec::new());
        syscall.prog_type = ProgType::Syscall;
        assert!(d_path.allowed.is_some_and(|allowed| !allowed(
            &syscall,
            &crate::mode::Rules::for_kernel(crate::KernelVersion::V6_1)
        )));
    }

    #[test]
    fn prototypes_612() {
        let lookup = get_func_proto(F::sk_lookup_tcp, ProgType::SchedCls, None, true).unwrap();
        assert_eq!(lookup.args[2], ConstSize);
        assert_eq!(proto_612(F::sk_lookup_tcp, lookup).args[2], ConstSizeOrZero);
        // only the syscall program's socket cookie takes a pointer
        let cookie = get_func_proto(F::get_socket_cookie, ProgType::SchedCls, None, true).unwrap();
        assert_eq!(proto_612(F::get_socket_cookie, cookie).args[0], Ctx);
        let cookie = get_func_proto(F::get_socket_cookie, ProgType::Syscall, None, true).unwrap();
        assert_eq!(
            proto_612(F::get_socket_cookie, cookie).args[0],
            BtfIdSockCommonOrNull
        );
    }
}
