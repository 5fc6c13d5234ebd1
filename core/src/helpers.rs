//! Helper functions as data (`struct bpf_func_proto`), which of them each
//! program type offers (its `bpf_verifier_ops.get_func_proto`), and the
//! checks of a helper call (`check_helper_call`, `check_func_arg`).
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

use crate::env::{Env, VResult, EACCES, EFAULT, EINVAL, ENOTSUPP};
use crate::helper_ids::FuncId as F;
use crate::program::{MapType, ProgType, BPF_F_RDONLY_PROG, BPF_F_WRONLY_PROG};
use crate::reason::Reason;
use crate::regs::{RegState, RegType};
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
    /// (dynptr_read, dynptr_write, dynptr_data) only matters for a
    /// `CONST_PTR_TO_DYNPTR`, which no modelled program holds.
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
    TimerAsync,
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
    /// `.allowed`: a last say of the helper on the program calling it.
    pub allowed: Option<fn(ProgType) -> bool>,
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
    const fn allowed(mut self, f: fn(ProgType) -> bool) -> Proto {
        self.allowed = Some(f);
        self
    }
}

/// `bpf_d_path_allowed()`: iterators, sleepable LSM hooks and functions on
/// an allowlist traced by fentry/fexit; none of the modelled programs.
fn bpf_d_path_allowed(_: ProgType) -> bool {
    false
}

/// `bpf_sk_storage_tracing_allowed()`: tracing programs attached to an
/// iterator, a raw tracepoint or a function (by BTF id); a syscall
/// program (the one modelled type with the tracing table) has none.
fn bpf_sk_storage_tracing_allowed(_: ProgType) -> bool {
    false
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
    pub const bpf_get_func_ip_proto_kprobe: Proto = Proto::new(Ret::Integer, &[Ctx]).gpl_only();
    pub const bpf_get_func_ip_proto_tracing: Proto = Proto::new(Ret::Integer, &[Ctx]).gpl_only();
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
pub fn get_func_proto(id: F, pt: ProgType, v612: bool) -> Option<&'static Proto> {
    match pt {
        ProgType::SocketFilter => sk_filter_func_proto(id, v612),
        ProgType::Kprobe => kprobe_prog_func_proto(id, v612),
        ProgType::SchedCls | ProgType::SchedAct => tc_cls_act_func_proto(id, v612),
        ProgType::Tracepoint => tp_prog_func_proto(id, v612),
        ProgType::Xdp => xdp_func_proto(id, v612),
        ProgType::CgroupSkb => cg_skb_func_proto(id, v612),
        ProgType::RawTracepoint => raw_tp_prog_func_proto(id, v612),
        ProgType::Syscall => syscall_prog_func_proto(id, v612),
        ProgType::PerfEvent => pe_prog_func_proto(id, v612),
        ProgType::SkSkb => sk_skb_func_proto(id, v612),
        ProgType::SkMsg => sk_msg_func_proto(id, v612),
        ProgType::SockOps => sock_ops_func_proto(id, v612),
    }
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
fn proto_612(id: F, fp: &Proto) -> Proto {
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
fn bpf_helper_changes_pkt_data(id: F, v612: bool) -> bool {
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
        | F::store_hdr_opt => true,
        F::tail_call => v612,
        _ => false,
    }
}

/// Which callback a helper verifies (`check_helper_call()`'s
/// `__check_func_call` / `push_callback_call` cases that can be reached:
/// find_vma needs a task pointer and user_ringbuf_drain a user ring
/// buffer, neither of which a modelled program holds).
fn callback_kind(id: F) -> CallbackKind {
    match id {
        F::r#loop => CallbackKind::Loop,
        F::for_each_map_elem => CallbackKind::ForEachMapElem,
        F::timer_set_callback => CallbackKind::TimerAsync,
        _ => CallbackKind::None,
    }
}

/// `is_acquire_function()`: the result holds a reference.
fn is_acquire_function(id: F, map: Option<MapType>) -> bool {
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
fn is_ptr_cast_function(id: F) -> bool {
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
fn prog_sleepable(pt: ProgType) -> bool {
    pt == ProgType::Syscall
}

/// `func_id_name()`: `bpf_map_lookup_elem`, or `unknown` outside the
/// kernel's ids.
fn func_id_name(id: i32, max_id: u32) -> String {
    match F::from_id(id) {
        Some(f) if (f as u32) < max_id => format!("bpf_{}", f.name()),
        _ => "unknown".to_string(),
    }
}

/// The kernel's name of a helper.
fn helper_name(id: i32) -> String {
    func_id_name(id, crate::helper_ids::MAX_ID)
}

/// `__BPF_FUNC_MAX_ID`: 6.1 stops before cgrp_storage_get (210).
fn func_max_id(v612: bool) -> u32 {
    if v612 {
        crate::helper_ids::MAX_ID
    } else {
        F::cgrp_storage_get as u32
    }
}

/// An entry of `compatible_reg_types[]`: the name `reg_type_str()` gives
/// it in `expected=`, and the register type that matches it, if veristep
/// has one (`buf`, `xdp_sock`, `trusted_ptr_`, ... are never held).
type Compat = (&'static str, Option<RegType>);

const FP: Compat = ("fp", Some(RegType::Stack));
const PKT: Compat = ("pkt", Some(RegType::Packet));
const PKT_META: Compat = ("pkt_meta", Some(RegType::PacketMeta));
const MAP_KEY: Compat = ("map_key", Some(RegType::MapKey));
const MAP_VALUE: Compat = ("map_value", Some(RegType::MapValue));
const MEM: Compat = ("mem", Some(RegType::Mem));
const BUF: Compat = ("buf", None);
const SOCK_COMMON: Compat = ("sock_common", Some(RegType::SockCommon));
const SOCK: Compat = ("sock", Some(RegType::Socket));
const TCP_SOCK: Compat = ("tcp_sock", Some(RegType::TcpSock));
const XDP_SOCK: Compat = ("xdp_sock", None);
/// `PTR_TO_BTF_ID`: a kfunc's object (the only BTF pointers veristep has).
const PTR: Compat = ("ptr_", Some(RegType::BtfId));
const TRUSTED_PTR: Compat = ("trusted_ptr_", None);
const RCU_PTR: Compat = ("rcu_ptr_", None);
/// `PTR_TO_BTF_ID | MEM_ALLOC` (an object of `bpf_obj_new`), printed `ptr_`.
const ALLOC_PTR: Compat = ("ptr_", None);

/// `compatible_reg_types[base_type(arg)]` of 6.1 (`v612`: of 6.12).
fn compatible(arg: Arg, v612: bool) -> &'static [Compat] {
    const ALLOC_MEM: Compat = ("alloc_mem", Some(RegType::AllocMem));
    const RINGBUF_MEM: Compat = ("ringbuf_mem", Some(RegType::AllocMem));
    const SCALAR: &[Compat] = &[("scalar", Some(RegType::Scalar))];
    // map_key_value_types (6.1); 6.12 checks keys and values as memory
    const MAP_KEY_VALUE_61: &[Compat] = &[FP, PKT, PKT_META, MAP_KEY, MAP_VALUE];
    const MEM_61: &[Compat] = &[FP, PKT, PKT_META, MAP_KEY, MAP_VALUE, MEM, ALLOC_MEM, BUF];
    const MEM_612: &[Compat] = &[
        FP,
        PKT,
        PKT_META,
        MAP_KEY,
        MAP_VALUE,
        MEM,
        RINGBUF_MEM,
        BUF,
        TRUSTED_PTR,
    ];
    const SOCK_TYPES: &[Compat] = &[SOCK_COMMON, SOCK, TCP_SOCK, XDP_SOCK];
    const BTF_ID_SOCK_COMMON_61: &[Compat] = &[SOCK_COMMON, SOCK, TCP_SOCK, XDP_SOCK, PTR];
    const BTF_ID_SOCK_COMMON_612: &[Compat] =
        &[SOCK_COMMON, SOCK, TCP_SOCK, XDP_SOCK, PTR, TRUSTED_PTR];
    const BTF_PTR_61: &[Compat] = &[PTR];
    const BTF_PTR_612: &[Compat] = &[PTR, TRUSTED_PTR, RCU_PTR];
    const PERCPU_BTF_PTR_61: &[Compat] = &[("percpu_ptr_", None)];
    const PERCPU_BTF_PTR_612: &[Compat] = &[
        ("percpu_ptr_", None),
        ("percpu_rcu_ptr_", None),
        ("percpu_trusted_ptr_", None),
    ];
    match arg {
        MapKey | MapValue | UninitMapValue | MapValueOrNull if v612 => MEM_612,
        MapKey | MapValue | UninitMapValue | MapValueOrNull => MAP_KEY_VALUE_61,
        Mem
        | MemWrite
        | MemOrNull
        | MemRdonly
        | MemRdonlyOrNull
        | UninitMem
        | FixedSizeMem { .. } => {
            if v612 {
                MEM_612
            } else {
                MEM_61
            }
        }
        ConstSize | ConstSizeOrZero | ConstAllocSizeOrZero => SCALAR,
        ConstMapPtr => &[("map_ptr", Some(RegType::ConstPtrToMap))],
        Ctx | CtxOrNull => &[("ctx", Some(RegType::Ctx))],
        SockCommon => SOCK_TYPES,
        BtfIdSockCommon | BtfIdSockCommonOrNull | ReleaseSockCommon if v612 => {
            BTF_ID_SOCK_COMMON_612
        }
        BtfIdSockCommon | BtfIdSockCommonOrNull | ReleaseSockCommon => BTF_ID_SOCK_COMMON_61,
        BtfId(_) | BtfIdOrNull(_) | ReleaseBtfIdOrNull if v612 => BTF_PTR_612,
        BtfId(_) | BtfIdOrNull(_) | ReleaseBtfIdOrNull => BTF_PTR_61,
        PercpuBtfId if v612 => PERCPU_BTF_PTR_612,
        PercpuBtfId => PERCPU_BTF_PTR_61,
        ReleaseAllocMem if v612 => &[RINGBUF_MEM],
        ReleaseAllocMem => &[ALLOC_MEM],
        Func => &[("func", Some(RegType::Func))],
        StackOrNull => &[FP],
        Timer | ConstStr => &[MAP_VALUE],
        // 6.12: a lock or kptr may also be in an allocated object
        SpinLock | Kptr if v612 => &[MAP_VALUE, ALLOC_PTR],
        SpinLock | Kptr => &[MAP_VALUE],
        Dynptr { .. } => &[FP, ("dynptr_ptr", None)],
        Anything | DontCare => &[],
    }
}

/// `type_may_be_null(arg_type)`: NULL skips the type check.
fn arg_may_be_null(arg: Arg) -> bool {
    matches!(
        arg,
        MapValueOrNull
            | CtxOrNull
            | MemOrNull
            | MemRdonlyOrNull
            | BtfIdSockCommonOrNull
            | BtfIdOrNull(_)
            | ReleaseBtfIdOrNull
            | StackOrNull
    )
}

/// `arg_type_is_release()`
fn arg_is_release(arg: Arg) -> bool {
    matches!(
        arg,
        ReleaseSockCommon | ReleaseAllocMem | ReleaseBtfIdOrNull | Dynptr { release: true, .. }
    )
}

/// `MEM_RDONLY` on the argument: a read-only register is folded to match.
fn arg_rdonly(arg: Arg) -> bool {
    matches!(arg, MemRdonly | MemRdonlyOrNull)
}

/// `MEM_WRITE` on a memory argument: its size is checked as a write.
fn arg_writes(arg: Arg) -> bool {
    matches!(
        arg,
        UninitMem | MemWrite | UninitMapValue | FixedSizeMem { write: true, .. }
    )
}

/// What `check_func_arg` learned (`struct bpf_call_arg_meta`).
#[derive(Clone, Debug, Default)]
pub struct ArgMeta {
    pub map: Option<u32>,
    /// `.pkt_access` of the prototype.
    pub pkt_access: bool,
    pub release_regno: u8,
    pub ref_obj_id: u32,
    /// The size bpf_ringbuf_reserve was asked for.
    pub mem_size: u64,
    /// `msize_max_value`: the largest size the last sized memory had.
    pub msize_max_value: u64,
    pub subprogno: Option<usize>,
    /// `raw_mode`: the memory argument being checked is the helper's to fill.
    pub raw_mode: bool,
    /// `regno` and `access_size`: raw stack bytes marked written after the
    /// arguments are checked.
    pub raw_access: Option<(u8, u64)>,
    /// `uninit_dynptr_regno` (6.1): the dynptr to create, whose stack
    /// bytes are written after the arguments.
    pub uninit_dynptr_regno: Option<u8>,
    /// An argument the kernel would take further than veristep can follow
    /// (a dynptr to create, a string in a frozen map, a BTF object): what
    /// it is, refused once the kernel's checks of the other arguments pass.
    pub unmodelled: Option<String>,
}

/// `nr_cpu_ids` of the kernels veristep is checked against: the oracles
/// boot Linux in a one-CPU virtual machine (`qemu -smp 1`).
const NR_CPU_IDS: u64 = 1;

impl Env {
    /// `check_helper_call()`
    pub fn check_helper_call(&mut self, insn: &crate::insn::Insn) -> VResult<()> {
        let func_id = insn.imm;
        let insn_idx = self.insn_idx;
        let v612 = self.rules.helpers_612;
        let max_id = func_max_id(v612);
        let name = func_id_name(func_id, max_id);
        // get_helper_proto()
        let Some(id) = F::from_id(func_id).filter(|f| (*f as u32) < max_id) else {
            return Err(self.fail(EINVAL, &format!("invalid func {}#{}", name, func_id)));
        };
        let pt = self.prog.prog_type;
        let Some(fp) = get_func_proto(id, pt, v612) else {
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
        let fp = if v612 { proto_612(id, fp) } else { *fp };
        if !self.prog.gpl_compatible() && fp.gpl_only {
            return Err(self
                .fail(
                    EINVAL,
                    "cannot call GPL-restricted function from non-GPL compatible program",
                )
                .because(Reason::HelperNotAllowed { func_id }));
        }
        if fp.allowed.is_some_and(|allowed| !allowed(pt)) {
            return Err(self
                .fail(EINVAL, "helper call is not allowed in probe")
                .because(Reason::HelperNotAllowed { func_id }));
        }
        if fp.might_sleep && !prog_sleepable(pt) {
            return Err(self
                .fail(EINVAL, "helper call might sleep in a non-sleepable prog")
                .because(Reason::HelperNotAllowed { func_id }));
        }
        let mut meta = ArgMeta {
            pkt_access: fp.pkt_access,
            ..ArgMeta::default()
        };
        for i in 0..5 {
            self.check_func_arg(i, &fp, id, &mut meta)?;
        }
        self.record_func_map(id, &meta)?;
        self.record_func_key(id, &meta)?;
        // raw mode (uninit memory written by the helper): mark it written
        if let Some((regno, size)) = meta.raw_access {
            self.mark_helper_mem_written(regno, size)?;
        }
        if let Some(what) = meta.unmodelled.take() {
            // the kernel's checks up to where veristep stops: 6.1 writes
            // the new dynptr's 16 stack bytes here (6.12 did with the
            // argument), and bpf_dynptr_from_mem wants a map value
            if let Some(regno) = meta.uninit_dynptr_regno {
                self.write_dynptr_slots(regno)?;
            }
            let r1 = *self.reg(1);
            if id == F::dynptr_from_mem && r1.ty != RegType::MapValue {
                let t = self.arg_reg_type_str(&r1);
                return Err(self.fail(
                    EACCES,
                    &format!("Unsupported reg type {} for bpf_dynptr_from_mem data", t),
                ));
            }
            return Err(self.not_modelled(&name, func_id, &what));
        }
        if meta.release_regno != 0 {
            let mut ok = false;
            if meta.ref_obj_id != 0 {
                ok = self.release_reference(meta.ref_obj_id).is_ok();
            } else if self.reg(meta.release_regno).is_null_const() {
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
        match id {
            F::tail_call if self.has_refs() => {
                // check_reference_leak() before a tail call
                let f = self.cur.cur().clone();
                let rules = self.rules;
                let mut any = false;
                for r in f.refs.iter() {
                    if rules.callback_ref && f.in_callback_fn && r.callback_ref != f.frameno {
                        continue;
                    }
                    self.verbose(&format!(
                        "Unreleased reference id={} alloc_insn={}\n",
                        r.id, r.insn
                    ));
                    any = true;
                }
                if any {
                    return Err(self.fail(EINVAL, "tail_call would lead to reference leak"));
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
            // push_callback_call(set_user_ringbuf_callback_state) and then
            // check_map_func_compatibility(), which fails: no modelled map
            // is a user ring buffer, so the callback is never walked
            F::user_ringbuf_drain => self.check_map_func_compatibility(meta.map, id)?,
            _ => {}
        }
        let kind = callback_kind(id);
        if kind != CallbackKind::None {
            let sub = meta.subprogno.unwrap_or(0);
            if kind == CallbackKind::ForEachMapElem {
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
                self.check_async_callback(insn_idx, sub, &meta)?;
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
        let r0 = &mut self.cur.frames[cf].regs[0];
        match fp.ret {
            Ret::Integer => r0.mark_unknown(),
            Ret::Void => r0.ty = RegType::NotInit,
            Ret::MapValue | Ret::MapValueOrNull => {
                r0.mark_known_zero_ptr(RegType::MapValue);
                r0.aux = meta.map.unwrap_or(0);
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
                r0.aux = meta.mem_size.min(u32::MAX as u64) as u32;
                r0.maybe_null = true;
            }
            Ret::BtfId | Ret::BtfIdOrNull | Ret::MemOrBtfId | Ret::DynptrMemOrNull => {
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
        if is_ptr_cast_function(id) {
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
        }
        self.check_map_func_compatibility(meta.map, id)?;
        if id == F::get_func_ip {
            self.check_get_func_ip()?;
        }
        if unmodelled_ret {
            let what = "the kernel object it returns (a BTF pointer)";
            return Err(self.not_modelled(&name, func_id, what));
        }
        // clear_all_pkt_pointers(): the packet may have moved
        if bpf_helper_changes_pkt_data(id, v612) {
            let is_pkt = |t: RegType| {
                matches!(
                    t,
                    RegType::Packet | RegType::PacketMeta | RegType::PacketEnd
                )
            };
            for f in self.cur.frames.iter_mut() {
                for r in f.regs.iter_mut() {
                    if is_pkt(r.ty) {
                        r.mark_unknown();
                    }
                }
                for sl in f.stack.iter_mut() {
                    if sl.is_spill() && is_pkt(sl.spilled.ty) {
                        sl.spilled.mark_unknown();
                    }
                }
            }
        }
        Ok(())
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
    /// a helper that writes it.
    fn record_func_map(&mut self, id: F, meta: &ArgMeta) -> VResult<()> {
        let writes = matches!(
            id,
            F::map_delete_elem | F::map_update_elem | F::map_push_elem | F::map_pop_elem
        );
        let rdonly = meta
            .map
            .and_then(|m| self.prog.maps.get(m as usize))
            .is_some_and(|m| m.flags & BPF_F_RDONLY_PROG != 0);
        if writes && rdonly {
            return Err(self.fail(EACCES, "write into map forbidden"));
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
            return Err(self.fail(EINVAL, "kernel subsystem misconfigured verifier"));
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
        Err(self.fail(
            ENOTSUPP,
            &format!(
                "func {}#{} not supported for program type {}",
                helper_name(id),
                id,
                pt.number()
            ),
        ))
    }

    fn check_map_func_compatibility(&mut self, map: Option<u32>, id: F) -> VResult<()> {
        let Some(m) = map.and_then(|m| self.prog.maps.get(m as usize)) else {
            return Ok(());
        };
        let mt = m.map_type;
        // check_map_func_compatibility(): what a map type allows, then
        // which map types a helper takes (those veristep does not model,
        // cgroup arrays, stack traces, storages, dev maps, ..., never match)
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
            MapType::LpmTrie => true,
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
            F::sk_select_reuseport => matches!(mt, MapType::Sockmap | MapType::Sockhash),
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
            F::user_ringbuf_drain
            | F::get_local_storage
            | F::sk_storage_get
            | F::sk_storage_delete
            | F::inode_storage_get
            | F::inode_storage_delete
            | F::task_storage_get
            | F::task_storage_delete
            | F::cgrp_storage_get
            | F::cgrp_storage_delete => false,
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
        if matches!(
            self.prog.prog_type,
            ProgType::SocketFilter | ProgType::SchedCls | ProgType::SchedAct | ProgType::Xdp
        ) {
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

    /// `may_access_direct_pkt_data(env, meta, BPF_READ)` for a helper's
    /// argument: program types with direct packet access let a packet
    /// pointer reach only the helpers whose prototype says `pkt_access`.
    fn may_access_direct_pkt_data(&self, meta: &ArgMeta) -> bool {
        use crate::program::ProgType::*;
        match self.prog.prog_type {
            SchedCls | SchedAct | Xdp | CgroupSkb | SkSkb | SkMsg => meta.pkt_access,
            _ => false,
        }
    }

    /// The kernel's `reg_type_str()` of a register as `check_reg_type()`
    /// prints it: a BTF pointer without its struct's name.
    fn arg_reg_type_str(&self, reg: &RegState) -> String {
        if reg.ty == RegType::BtfId {
            return if reg.maybe_null {
                "ptr_or_null_"
            } else {
                "ptr_"
            }
            .to_string();
        }
        self.reg_type_name(reg)
    }

    /// `check_func_arg()` for argument `arg` (R1 + arg).
    fn check_func_arg(&mut self, arg: usize, fp: &Proto, id: F, meta: &mut ArgMeta) -> VResult<()> {
        let regno = (arg + 1) as u8;
        let mut at = fp.args[arg];
        if at == DontCare {
            return Ok(());
        }
        self.check_reg_src(regno, true)?;
        let reg = *self.reg(regno);
        if at == Anything {
            return Ok(());
        }
        if reg.is_packet() && !self.may_access_direct_pkt_data(meta) {
            return Err(self
                .fail(EACCES, "helper access to the packet is not allowed")
                .because(Reason::ArgumentType { reg: Some(regno) }));
        }
        if matches!(at, MapValue | UninitMapValue | MapValueOrNull) {
            at = self.resolve_map_arg_type(at, meta, id)?;
        }
        // a NULL register (a scalar) skips the type check where NULL is allowed
        if !(reg.is_null_const() && arg_may_be_null(at)) {
            self.check_reg_type(regno, at, meta)?;
            self.check_func_arg_reg_off(&reg, regno, at)?;
        }
        if arg_is_release(at) {
            if matches!(at, Dynptr { .. }) {
                self.check_dynptr_release(regno, &reg)?;
            } else if reg.ref_obj_id == 0 && !reg.is_null_const() {
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "R{} must be referenced when passed to release function",
                        regno
                    ),
                ));
            }
            if meta.release_regno != 0 {
                return Err(self.fail(
                    EFAULT,
                    "verifier internal error: more than one release argument",
                ));
            }
            meta.release_regno = regno;
        }
        // 6.12: the kptr slot's reference is not the argument's
        if reg.ref_obj_id != 0 && !(self.rules.helpers_612 && at == Kptr) {
            if meta.ref_obj_id != 0 {
                let (a, b) = (meta.ref_obj_id, reg.ref_obj_id);
                return Err(self.fail(
                    EFAULT,
                    &format!(
                        "verifier internal error: more than one arg with ref_obj_id R{} {} {}",
                        regno, b, a
                    ),
                ));
            }
            meta.ref_obj_id = reg.ref_obj_id;
        }
        match at {
            ConstMapPtr => {
                // a timer argument already named its map: it must be this one
                if meta.map.is_some_and(|m| m != reg.aux) {
                    return Err(self.fail(
                        EINVAL,
                        "timer pointer in R1 map_uid=0 doesn't match map pointer in R2 map_uid=0",
                    ));
                }
                meta.map = Some(reg.aux);
            }
            MapKey => {
                let Some(m) = meta.map.and_then(|m| self.prog.maps.get(m as usize)) else {
                    return Err(self.fail(EACCES, "invalid map_ptr to access map->key"));
                };
                let ks = m.key_size as u64;
                self.helper_mem_access(regno, ks, false, false, None)?;
            }
            MapValue | UninitMapValue | MapValueOrNull => {
                if at == MapValueOrNull && reg.is_null_const() {
                    return Ok(());
                }
                let Some(m) = meta.map.and_then(|m| self.prog.maps.get(m as usize)) else {
                    return Err(self.fail(EACCES, "invalid map_ptr to access map->value"));
                };
                let vs = m.value_size as u64;
                meta.raw_mode = at == UninitMapValue;
                self.helper_mem_access(regno, vs, arg_writes(at), false, Some(meta))?;
            }
            Func => meta.subprogno = Some(reg.aux as usize),
            Timer => {
                if let Err(e) = self.process_timer_func(regno, meta) {
                    // 6.1 returns EACCES whatever the timer check said
                    return Err(self.errno_612_or(e, EACCES));
                }
            }
            SpinLock => {
                let is_lock = id == F::spin_lock;
                if let Err(e) = self.process_spin_lock(regno, is_lock) {
                    // 6.1 returns EACCES whatever the lock check said
                    return Err(self.errno_612_or(e, EACCES));
                }
            }
            Mem | MemWrite | MemOrNull | MemRdonly | MemRdonlyOrNull | UninitMem => {
                // checked with the size that follows
                meta.raw_mode = at == UninitMem;
            }
            FixedSizeMem {
                size,
                uninit,
                write,
                aligned,
            } => {
                meta.raw_mode = uninit;
                let size = size as u64;
                self.helper_mem_access(regno, size, write, false, Some(meta))?;
                if aligned {
                    self.check_ptr_alignment_strict(regno, 0, size as u32)?;
                }
            }
            ConstSize | ConstSizeOrZero => {
                let write = arg > 0 && arg_writes(fp.args[arg - 1]);
                self.check_mem_size_reg(regno, write, at == ConstSizeOrZero, meta)?;
            }
            ConstAllocSizeOrZero => {
                if !reg.var_off.is_const() {
                    return Err(self
                        .fail(EACCES, &format!("R{} is not a known constant'", regno))
                        .because(Reason::ArgumentType { reg: Some(regno) }));
                }
                meta.mem_size = reg.var_off.value;
                self.mark_chain_precision(regno);
            }
            PercpuBtfId => {
                // no modelled register passes the type check
                meta.unmodelled
                    .get_or_insert(format!("the per-CPU variable R{} points to", regno));
            }
            ConstStr => self.check_reg_const_str(&reg, regno, meta)?,
            Kptr => self.process_kptr_func(&reg, regno)?,
            Dynptr { uninit, .. } => self.process_dynptr_func(&reg, regno, uninit, meta)?,
            _ => {}
        }
        Ok(())
    }

    /// 6.12 returns the error of a lock or timer check as it is; 6.1 turns
    /// it into `errno`.
    fn errno_612_or(&self, e: crate::env::VErr, errno: i32) -> crate::env::VErr {
        if self.rules.helpers_612 {
            e
        } else {
            crate::env::VErr { errno, ..e }
        }
    }

    /// `resolve_map_arg_type()`: a sockmap's values are sockets.
    fn resolve_map_arg_type(&mut self, at: Arg, meta: &ArgMeta, id: F) -> VResult<Arg> {
        let Some(m) = meta.map.and_then(|m| self.prog.maps.get(m as usize)) else {
            return Err(self.fail(EACCES, "invalid map_ptr to access map->type"));
        };
        // a bloom filter's peek reads the value it is given (no MEM_UNINIT)
        if m.map_type == MapType::BloomFilter && id == F::map_peek_elem {
            return Ok(MapValue);
        }
        if !matches!(m.map_type, MapType::Sockmap | MapType::Sockhash) {
            return Ok(at);
        }
        if at != MapValue {
            return Err(self.fail(EINVAL, "invalid arg_type for sockmap/sockhash"));
        }
        Ok(BtfIdSockCommon)
    }

    /// `check_reg_type()`: the register is one of the argument's
    /// `compatible_reg_types`; a BTF pointer must point to the right struct.
    fn check_reg_type(&mut self, regno: u8, at: Arg, meta: &mut ArgMeta) -> VResult<()> {
        let reg = *self.reg(regno);
        let v612 = self.rules.helpers_612;
        let compat = compatible(at, v612);
        // MEM_RDONLY and PTR_MAYBE_NULL on the argument accept the
        // register's; without them a read-only or maybe-NULL register
        // matches no entry
        let flags_left =
            (reg.maybe_null && !arg_may_be_null(at)) || (reg.rdonly && !arg_rdonly(at));
        let found = !flags_left && compat.iter().any(|(_, t)| *t == Some(reg.ty));
        if !found {
            let names: Vec<&str> = compat.iter().map(|(name, _)| *name).collect();
            let t = self.arg_reg_type_str(&reg);
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{} type={} expected={}", regno, t, names.join(", ")),
                )
                .because(Reason::ArgumentType { reg: Some(regno) }));
        }
        if reg.ty != RegType::BtfId {
            return Ok(());
        }
        if v612 && reg.maybe_null && (!arg_may_be_null(at) || arg_is_release(at)) {
            return Err(self.fail(
                EACCES,
                &format!("Possibly NULL pointer passed to helper arg{}", regno),
            ));
        }
        // btf_struct_ids_match(): the only BTF objects veristep holds are
        // the test kfuncs', which start with an int, not with any struct a
        // helper takes
        let want = match at {
            BtfId(s) | BtfIdOrNull(s) => s,
            _ => "sock_common",
        };
        let have = crate::kfuncs::KFUNCS
            .get(reg.aux as usize)
            .map_or("unknown", |k| k.struct_name);
        if have != want {
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{} is of type {} but {} is expected", regno, have, want),
                )
                .because(Reason::ArgumentType { reg: Some(regno) }));
        }
        meta.unmodelled
            .get_or_insert(format!("the {} object R{} points to", want, regno));
        Ok(())
    }

    /// `check_func_arg_reg_off()`: which pointers may be passed moved.
    fn check_func_arg_reg_off(&mut self, reg: &RegState, regno: u8, at: Arg) -> VResult<()> {
        let is_dynptr = matches!(at, Dynptr { .. });
        if self.rules.helpers_612 && arg_is_release(at) {
            // a dynptr to release is where it is on the stack
            if is_dynptr && reg.ty == RegType::Stack {
                return Ok(());
            }
            if reg.off != 0 {
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "R{} must have zero offset when passed to release func or trusted arg to kfunc",
                        regno
                    ),
                ));
            }
            return self.check_ptr_off_reg(reg, regno, false);
        }
        let fixed_off_ok = match reg.ty {
            RegType::Stack if is_dynptr && !self.rules.helpers_612 && reg.off % 8 != 0 => {
                return Err(self.fail(EINVAL, "cannot pass in dynptr at an offset"));
            }
            // the kernel switches on the full type: a maybe-NULL pointer
            // (passed where NULL is allowed) is none of the listed ones
            _ if reg.maybe_null => false,
            RegType::Stack
            | RegType::Packet
            | RegType::PacketMeta
            | RegType::MapKey
            | RegType::MapValue
            | RegType::Mem
            | RegType::AllocMem
            | RegType::Scalar => {
                if at != ReleaseAllocMem {
                    return Ok(());
                }
                false
            }
            RegType::BtfId => {
                if arg_is_release(at) && reg.off != 0 {
                    return Err(self.fail(
                        EINVAL,
                        &format!(
                            "R{} must have zero offset when passed to release func",
                            regno
                        ),
                    ));
                }
                true
            }
            _ => false,
        };
        self.check_ptr_off_reg(reg, regno, fixed_off_ok)
    }

    /// `__check_ptr_off_reg()`: a pointer used in its original form.
    pub fn check_ptr_off_reg(
        &mut self,
        reg: &RegState,
        regno: u8,
        fixed_off_ok: bool,
    ) -> VResult<()> {
        let t = self.reg_type_name(reg);
        if reg.off < 0 {
            let o = reg.off;
            return Err(self.fail(
                EACCES,
                &format!("negative offset {} ptr R{} off={} disallowed", t, regno, o),
            ));
        }
        if !fixed_off_ok && reg.off != 0 {
            let o = reg.off;
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "dereference of modified {} ptr R{} off={} disallowed",
                        t, regno, o
                    ),
                )
                .because(Reason::PointerArithmetic { reg: Some(regno) }));
        }
        if !reg.var_off.equals_const(0) {
            let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
            return Err(self.fail(
                EACCES,
                &format!("variable {} access var_off={} disallowed", t, tn),
            ));
        }
        Ok(())
    }

    /// `check_helper_mem_access()` with the access type: the map flags and
    /// the read-only checks the kernel makes before the bounds, then the
    /// bounds (`mem.rs`). A raw (write-only) stack buffer at a known place
    /// is recorded in `meta` to be marked written after the arguments.
    fn helper_mem_access(
        &mut self,
        regno: u8,
        size: u64,
        write: bool,
        zero_ok: bool,
        meta: Option<&mut ArgMeta>,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        match reg.ty {
            RegType::MapKey if write => {
                let t = self.reg_type_name(&reg);
                return Err(self.fail(EACCES, &format!("R{} cannot write into {}", regno, t)));
            }
            RegType::Mem | RegType::AllocMem if write && reg.rdonly => {
                let t = self.reg_type_name(&reg);
                return Err(self.fail(EACCES, &format!("R{} cannot write into {}", regno, t)));
            }
            RegType::MapValue => {
                // check_map_access_type()
                if let Some(m) = self.prog.maps.get(reg.aux as usize) {
                    let (flags, vs) = (m.flags, m.value_size);
                    let forbidden = if write {
                        (flags & BPF_F_RDONLY_PROG != 0).then_some("write into")
                    } else {
                        (flags & BPF_F_WRONLY_PROG != 0).then_some("read from")
                    };
                    if let Some(what) = forbidden {
                        return Err(self.fail(
                            EACCES,
                            &format!(
                                "{} map forbidden, value_size={} off={} size={}",
                                what, vs, reg.off, size
                            ),
                        ));
                    }
                }
            }
            _ => {}
        }
        let raw = meta.as_ref().is_some_and(|m| m.raw_mode);
        self.check_helper_mem_access(regno, size, zero_ok, raw)?;
        if let Some(meta) = meta {
            if raw && reg.ty == RegType::Stack && reg.var_off.is_const() {
                meta.raw_access = Some((regno, size));
            }
        }
        Ok(())
    }

    /// `check_mem_size_reg()`: the size argument after a memory argument.
    fn check_mem_size_reg(
        &mut self,
        regno: u8,
        write: bool,
        zero_size_allowed: bool,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        let mem_regno = regno - 1;
        meta.msize_max_value = reg.umax;
        // a variable size drops `meta`: raw memory must then be readable,
        // and nothing is marked written after the call
        meta.raw_mode &= reg.var_off.is_const();
        if reg.smin < 0 {
            return Err(self.fail(
                EACCES,
                &format!(
                    "R{} min value is negative, either use unsigned or 'var &= const'",
                    regno
                ),
            ));
        }
        // a size that may be 0: 6.12 refuses it outright when the helper
        // needs bytes; 6.1.192 checks a zero-sized access to the memory
        // (whose own check then says what is wrong)
        if reg.umin == 0 {
            if self.rules.words_612 {
                if !zero_size_allowed {
                    return Err(self.fail(
                        EACCES,
                        &format!(
                            "R{} invalid zero-sized read: u64=[{},{}]",
                            regno, reg.umin as i64, reg.umax as i64
                        ),
                    ));
                }
            } else {
                self.helper_mem_access(mem_regno, 0, write, zero_size_allowed, Some(meta))?;
            }
        }
        if reg.umax >= (1 << 29) {
            return Err(self.fail(
                EACCES,
                &format!(
                    "R{} unbounded memory access, use 'var &= const' or 'if (var < const)'",
                    regno
                ),
            ));
        }
        self.helper_mem_access(mem_regno, reg.umax, write, zero_size_allowed, Some(meta))?;
        // the size bounds the access: it is tracked precisely
        self.mark_chain_precision(regno);
        Ok(())
    }

    /// `check_reg_const_str()` (6.12; inline in 6.1's `check_func_arg()`):
    /// a format or a string to compare, in a frozen read-only map.
    fn check_reg_const_str(
        &mut self,
        reg: &RegState,
        regno: u8,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
        let Some(m) = self.prog.maps.get(reg.aux as usize) else {
            return Ok(());
        };
        // bpf_map_is_rdonly(): BPF_F_RDONLY_PROG and frozen; veristep's
        // maps are never frozen, the flag alone sends the check on
        if m.flags & BPF_F_RDONLY_PROG == 0 {
            return Err(self.fail(
                EACCES,
                &format!("R{} does not point to a readonly map'", regno),
            ));
        }
        let array = matches!(m.map_type, MapType::Array);
        if !reg.var_off.is_const() {
            return Err(self.fail(EACCES, &format!("R{} is not a constant address'", regno)));
        }
        if !array {
            // only arrays have map_direct_value_addr
            return Err(self.fail(EACCES, "no direct value access support for this map type"));
        }
        // the kernel reads the string out of the frozen map
        meta.unmodelled.get_or_insert(format!(
            "the string R{} points to in a read-only map",
            regno
        ));
        Ok(())
    }

    /// `process_kptr_func()`: a map value's kptr field. No modelled map
    /// value has one.
    fn process_kptr_func(&mut self, reg: &RegState, regno: u8) -> VResult<()> {
        let Some(m) = self.prog.maps.get(reg.aux as usize) else {
            return Ok(());
        };
        // a map declared without special fields carries no value BTF
        let has_btf = m.timer_off.is_some() || m.lock_off.is_some();
        let name = m.name.clone();
        let no_btf = format!(
            "map '{}' has to have BTF in order to use bpf_kptr_xchg",
            name
        );
        let var_off = format!(
            "R{} doesn't have constant offset. kptr has to be at the constant offset",
            regno
        );
        // 6.12 looks at the map's BTF first, 6.1 at the offset first
        let msg = if self.rules.helpers_612 {
            if !has_btf {
                no_btf
            } else if !reg.var_off.is_const() {
                var_off
            } else {
                format!("R{} has no valid kptr", regno)
            }
        } else if !reg.var_off.is_const() {
            var_off
        } else if !has_btf {
            no_btf
        } else {
            format!("map '{}' has no valid kptr", name)
        };
        let errno = if self.rules.helpers_612 {
            EINVAL
        } else {
            EACCES
        };
        Err(self.fail(errno, &msg))
    }

    /// The 8-byte writes that make stack room for a dynptr being created
    /// (`BPF_DYNPTR_SIZE`, 16 bytes).
    fn write_dynptr_slots(&mut self, regno: u8) -> VResult<()> {
        for off in [0, 8] {
            self.check_mem_access(regno, off, 8, crate::mem::Access::Write, None)?;
        }
        Ok(())
    }

    /// `dynptr_get_spi()` (6.12): the stack slot of a dynptr at a constant,
    /// 8-byte aligned offset; `Err(true)` when the slots are not allocated
    /// (`-ERANGE`, no message).
    fn dynptr_get_spi(&mut self, reg: &RegState) -> Result<usize, bool> {
        if !reg.var_off.is_const() {
            self.verbose("dynptr has to be at a constant offset\n");
            return Err(false);
        }
        let off = reg.off as i64 + reg.var_off.value as i64;
        let spi = (-off - 1) / 8;
        if off % 8 != 0 || spi + 1 < 2 {
            self.verbose(&format!("cannot pass in dynptr at an offset={}\n", off));
            return Err(false);
        }
        if !self.is_spi_bounds_valid(reg, spi) {
            return Err(true);
        }
        Ok(spi as usize)
    }

    /// `is_spi_bounds_valid(state, spi, BPF_DYNPTR_NR_SLOTS)`
    fn is_spi_bounds_valid(&self, reg: &RegState, spi: i64) -> bool {
        let allocated = self
            .cur
            .frames
            .get(reg.frameno as usize)
            .map_or(0, |f| f.stack.len() as i64);
        // spi - BPF_DYNPTR_NR_SLOTS + 1 >= 0
        spi >= 1 && spi < allocated
    }

    /// The release check of a dynptr argument (`check_func_arg()`): the
    /// slot must hold an acquired dynptr, which in veristep none does; a
    /// slot holding a spilled pointer with an id gets past it in 6.1 (and
    /// one with a reference in 6.12) to the "initialized" check.
    fn check_dynptr_release(&mut self, regno: u8, reg: &RegState) -> VResult<()> {
        let spilled = |s: &Self, spi: usize| {
            s.cur
                .frames
                .get(reg.frameno as usize)
                .and_then(|f| f.stack.get(spi))
                .filter(|slot| slot.is_spill())
                .map(|slot| slot.spilled)
        };
        let acquired = if self.rules.helpers_612 {
            self.dynptr_get_spi(reg)
                .ok()
                .and_then(|spi| spilled(self, spi))
                .is_some_and(|r| r.ref_obj_id != 0)
        } else {
            let spi = (-(reg.off as i64) - 1) / 8;
            self.is_spi_bounds_valid(reg, spi)
                && spilled(self, spi as usize).is_some_and(|r| r.id != 0)
        };
        if !acquired {
            return Err(self.fail(EINVAL, &format!("arg {} is an unacquired reference", regno)));
        }
        Ok(())
    }

    /// The dynptr case of `check_func_arg()` (6.12: `process_dynptr_func()`).
    /// veristep never creates a dynptr, so none is initialized; one to be
    /// created is left to the kernel.
    fn process_dynptr_func(
        &mut self,
        reg: &RegState,
        regno: u8,
        uninit: bool,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
        let v612 = self.rules.helpers_612;
        if uninit {
            // is_dynptr_reg_valid_uninit(): 6.1 accepts any place (the
            // slots hold no dynptr); 6.12 wants a dynptr-sized aligned one
            if v612 {
                if self.dynptr_get_spi(reg) == Err(false) {
                    return Err(self.fail(EINVAL, "Dynptr has to be an uninitialized dynptr"));
                }
                self.write_dynptr_slots(regno)?;
            } else {
                meta.uninit_dynptr_regno = Some(regno);
            }
            meta.unmodelled
                .get_or_insert(format!("the dynptr it creates at R{}", regno));
            return Ok(());
        }
        if v612 {
            // is_dynptr_reg_valid_init() says why the place is wrong first
            let _ = self.dynptr_get_spi(reg);
        }
        // 6.1 numbers the argument from 1 (arg + 1); 6.12 prints regno - 1
        let argno = if v612 { regno - 1 } else { regno };
        Err(self.fail(
            EINVAL,
            &format!("Expected an initialized dynptr as arg #{}", argno),
        ))
    }

    /// `process_spin_lock()`: take or drop the lock in a map value.
    fn process_spin_lock(&mut self, regno: u8, is_lock: bool) -> VResult<()> {
        let reg = *self.reg(regno);
        let Some(m) = self.prog.maps.get(reg.aux as usize).cloned() else {
            return Err(self.fail(EINVAL, "map is not set"));
        };
        if !reg.var_off.is_const() {
            return Err(self.fail(
                EINVAL,
                &format!("R{} doesn't have constant offset. bpf_spin_lock has to be at the constant offset", regno),
            ));
        }
        if m.timer_off.is_none() && m.lock_off.is_none() {
            let msg = format!(
                "map '{}' has to have BTF in order to use bpf_spin_lock",
                m.name
            );
            return Err(self.fail(EINVAL, &msg));
        }
        let Some(loff) = m.lock_off else {
            let msg = format!("map '{}' doesn't have 'struct bpf_spin_lock'", m.name);
            return Err(self.fail(EINVAL, &msg));
        };
        let off = reg.var_off.value as i64 + reg.off as i64;
        if off != loff as i64 {
            return Err(self.fail(
                EINVAL,
                &format!("off {} doesn't point to 'struct bpf_spin_lock'", off),
            ));
        }
        if is_lock {
            if self.cur.active_spin_lock != 0 {
                return Err(self
                    .fail(EINVAL, "Locking two bpf_spin_locks are not allowed")
                    .because(crate::reason::Reason::LockMisuse));
            }
            self.cur.active_spin_lock = reg.id;
        } else {
            if self.cur.active_spin_lock == 0 {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock without taking a lock")
                    .because(crate::reason::Reason::LockMisuse));
            }
            if self.cur.active_spin_lock != reg.id {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock of different lock")
                    .because(crate::reason::Reason::LockMisuse));
            }
            self.cur.active_spin_lock = 0;
        }
        Ok(())
    }

    /// Timer argument: a map value with a `struct bpf_timer` at that offset.
    fn process_timer_func(&mut self, regno: u8, meta: &mut ArgMeta) -> VResult<()> {
        let reg = *self.reg(regno);
        let m = self.prog.maps.get(reg.aux as usize).cloned();
        let Some(m) = m else {
            return Err(self.fail(EINVAL, "map is not set"));
        };
        if !reg.var_off.is_const() {
            return Err(self.fail(
                EINVAL,
                &format!(
                    "R{} doesn't have constant offset. bpf_timer has to be at the constant offset",
                    regno
                ),
            ));
        }
        if m.timer_off.is_none() && m.lock_off.is_none() {
            // a map declared without special fields carries no value BTF
            let msg = format!("map '{}' has to have BTF in order to use bpf_timer", m.name);
            return Err(self.fail(EINVAL, &msg));
        }
        let Some(toff) = m.timer_off else {
            let msg = format!("map '{}' doesn't have 'struct bpf_timer'", m.name);
            return Err(self.fail(EINVAL, &msg));
        };
        let off = reg.var_off.value as i64 + reg.off as i64;
        if off != toff as i64 {
            return Err(self.fail(
                EINVAL,
                &format!(
                    "off {} doesn't point to 'struct bpf_timer' that is at {}",
                    off, toff
                ),
            ));
        }
        meta.map = Some(reg.aux);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [ProgType; 9] = [
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
        get_func_proto(id, pt, v612).is_some()
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
                assert!(!offered(F::sysctl_get_name, pt, v612));
                // the base table: map helpers for every program type
                assert!(offered(F::map_lookup_elem, pt, v612));
            }
        }
        // tracing_prog_func_proto() offers bpf_d_path to syscall
        // programs, and its `.allowed` refuses them
        let d_path = get_func_proto(F::d_path, ProgType::Syscall, false).unwrap();
        assert!(d_path
            .allowed
            .is_some_and(|allowed| !allowed(ProgType::Syscall)));
    }

    #[test]
    fn prototypes_612() {
        let lookup = get_func_proto(F::sk_lookup_tcp, ProgType::SchedCls, true).unwrap();
        assert_eq!(lookup.args[2], ConstSize);
        assert_eq!(proto_612(F::sk_lookup_tcp, lookup).args[2], ConstSizeOrZero);
        // only the syscall program's socket cookie takes a pointer
        let cookie = get_func_proto(F::get_socket_cookie, ProgType::SchedCls, true).unwrap();
        assert_eq!(proto_612(F::get_socket_cookie, cookie).args[0], Ctx);
        let cookie = get_func_proto(F::get_socket_cookie, ProgType::Syscall, true).unwrap();
        assert_eq!(
            proto_612(F::get_socket_cookie, cookie).args[0],
            BtfIdSockCommonOrNull
        );
    }
}
