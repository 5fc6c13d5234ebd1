//! Helper functions as data (`struct bpf_func_proto`) and the checks of a
//! helper call (`check_helper_call`, `check_func_arg`).

use crate::env::{Env, VResult, EACCES, EFAULT, EINVAL};
use crate::log::{base_type_str, reg_type_str};
use crate::program::{MapType, ProgType};
use crate::regs::{RegState, RegType};

/// `enum bpf_arg_type` (base types, with the flags the subset needs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arg {
    DontCare,
    Anything,
    ConstMapPtr,
    MapKey,
    MapValue,
    /// `ARG_PTR_TO_MAP_VALUE | MEM_UNINIT` (map_pop_elem, map_peek_elem)
    UninitMapValue,
    /// `ARG_PTR_TO_MEM | MEM_RDONLY`, sized by the next argument.
    MemRdonly,
    /// `ARG_PTR_TO_UNINIT_MEM`, sized by the next argument.
    UninitMem,
    /// `ARG_PTR_TO_MEM | MEM_RDONLY | PTR_MAYBE_NULL` (NULL with size 0)
    MemRdonlyOrNull,
    ConstSize,
    ConstSizeOrZero,
    ConstAllocSizeOrZero,
    Ctx,
    /// `ARG_PTR_TO_ALLOC_MEM | OBJ_RELEASE`
    ReleaseAllocMem,
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON | OBJ_RELEASE`
    ReleaseSockCommon,
    /// `ARG_PTR_TO_SOCK_COMMON` (sk_fullsock, tcp_sock)
    SockCommon,
    Func,
    StackOrNull,
    Timer,
    SpinLock,
    /// `ARG_SCALAR` (6.12's bpf_loop count): a number, not a pointer.
    Scalar,
}

/// `enum bpf_return_type`
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ret {
    Integer,
    Void,
    MapValueOrNull,
    SocketOrNull,
    SockCommonOrNull,
    TcpSockOrNull,
    AllocMemOrNull,
}

/// Which callback a helper takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackKind {
    None,
    Loop,
    ForEachMapElem,
    TimerAsync,
}

/// Which program types offer a helper (6.1's `*_func_proto` tables).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Avail {
    /// `bpf_base_func_proto`, unprivileged part: every program type.
    Base,
    /// `bpf_base_func_proto` behind `bpf_capable()`.
    BaseCapBpf,
    /// `bpf_base_func_proto` behind `perfmon_capable()` (and tracing).
    BasePerfmon,
    /// Networking programs that look up sockets: sched_cls, sched_act, xdp.
    SkLookup,
    /// `tc_cls_act_func_proto` only: sched_cls, sched_act.
    Tc,
    /// `xdp_func_proto` only.
    Xdp,
    /// `bpf_tracing_func_proto`: kprobe, tracepoint, raw_tracepoint.
    Tracing,
    /// tc and xdp.
    TcXdp,
    /// tc and cgroup_skb.
    TcCgSkb,
    /// kprobes only.
    Kprobe,
    /// every modelled type but syscall (perf_event_output's tracing, skb
    /// and xdp protos; `sk_filter_func_proto` has the skb one).
    NotSyscall,
    /// programs over an skb: socket filter, tc, cgroup_skb.
    Skb,
}

#[derive(Clone, Copy, Debug)]
pub struct Proto {
    pub id: u32,
    pub args: [Arg; 5],
    pub ret: Ret,
    pub gpl_only: bool,
    pub acquire: bool,
    pub callback: CallbackKind,
    pub avail: Avail,
    /// `bpf_helper_changes_pkt_data()`: packet pointers are stale after it.
    pub changes_pkt_data: bool,
}

use Arg::*;

const fn p(id: u32, args: [Arg; 5], ret: Ret, avail: Avail) -> Proto {
    Proto {
        id,
        args,
        ret,
        gpl_only: false,
        acquire: false,
        callback: CallbackKind::None,
        avail,
        changes_pkt_data: false,
    }
}

pub const PROTOS: &[Proto] = &[
    // --- 6.1 helpers by program type (`*_func_proto`), with their
    // `struct bpf_func_proto` argument types ---
    // bpf_probe_read / bpf_probe_read_str (compat): tracing, GPL
    Proto {
        gpl_only: true,
        ..p(
            4,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::Tracing,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            45,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::Tracing,
        )
    },
    // bpf_skb_store_bytes(skb, off, from, len, flags)
    Proto {
        changes_pkt_data: true,
        ..p(
            9,
            [Ctx, Anything, MemRdonly, ConstSize, Anything],
            Ret::Integer,
            Avail::Tc,
        )
    },
    // bpf_l3_csum_replace / bpf_l4_csum_replace
    Proto {
        changes_pkt_data: true,
        ..p(
            10,
            [Ctx, Anything, Anything, Anything, Anything],
            Ret::Integer,
            Avail::Tc,
        )
    },
    Proto {
        changes_pkt_data: true,
        ..p(
            11,
            [Ctx, Anything, Anything, Anything, Anything],
            Ret::Integer,
            Avail::Tc,
        )
    },
    // bpf_clone_redirect(skb, ifindex, flags)
    Proto {
        changes_pkt_data: true,
        ..p(
            13,
            [Ctx, Anything, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::Tc,
        )
    },
    // bpf_get_current_uid_gid, bpf_get_current_comm(buf, size)
    p(15, [DontCare; 5], Ret::Integer, Avail::Tracing),
    p(
        16,
        [UninitMem, ConstSize, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Tracing,
    ),
    // bpf_get_cgroup_classid(skb)
    p(
        17,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Tc,
    ),
    // bpf_redirect(ifindex, flags): tc and xdp
    p(
        23,
        [Anything, Anything, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::TcXdp,
    ),
    // bpf_perf_event_output(ctx, map, flags, data, size): GPL
    Proto {
        gpl_only: true,
        ..p(
            25,
            [Ctx, ConstMapPtr, Anything, MemRdonly, ConstSizeOrZero],
            Ret::Integer,
            Avail::NotSyscall,
        )
    },
    // bpf_skb_load_bytes(skb, off, to, len)
    p(
        26,
        [Ctx, Anything, UninitMem, ConstSize, DontCare],
        Ret::Integer,
        Avail::Skb,
    ),
    // bpf_get_hash_recalc(skb)
    p(
        34,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Tc,
    ),
    // bpf_get_current_task
    p(35, [DontCare; 5], Ret::Integer, Avail::Tracing),
    // bpf_get_numa_node_id
    p(42, [DontCare; 5], Ret::Integer, Avail::Base),
    // bpf_xdp_adjust_meta / bpf_xdp_adjust_tail(xdp, delta)
    Proto {
        changes_pkt_data: true,
        ..p(
            54,
            [Ctx, Anything, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::Xdp,
        )
    },
    Proto {
        changes_pkt_data: true,
        ..p(
            65,
            [Ctx, Anything, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::Xdp,
        )
    },
    // bpf_map_push_elem(map, value, flags), pop / peek(map, value)
    p(
        87,
        [ConstMapPtr, MapValue, Anything, DontCare, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    p(
        88,
        [ConstMapPtr, UninitMapValue, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    p(
        89,
        [ConstMapPtr, UninitMapValue, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    // bpf_probe_read_user, _user_str, _kernel_str: GPL, perfmon
    Proto {
        gpl_only: true,
        ..p(
            112,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BasePerfmon,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            114,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BasePerfmon,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            115,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BasePerfmon,
        )
    },
    // bpf_sk_fullsock(sk), bpf_tcp_sock(sk): pointer casts, the result
    // keeps the argument's reference (is_ptr_cast_function)
    p(
        95,
        [SockCommon, DontCare, DontCare, DontCare, DontCare],
        Ret::SocketOrNull,
        Avail::TcCgSkb,
    ),
    p(
        96,
        [SockCommon, DontCare, DontCare, DontCare, DontCare],
        Ret::TcpSockOrNull,
        Avail::TcCgSkb,
    ),
    // bpf_get_socket_cookie(skb)
    p(
        46,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Skb,
    ),
    // bpf_skb_load_bytes_relative(skb, off, to, len, start_header)
    p(
        68,
        [Ctx, Anything, UninitMem, ConstSize, Anything],
        Ret::Integer,
        Avail::Skb,
    ),
    // bpf_get_func_ip(ctx): kprobes
    p(
        173,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Kprobe,
    ),
    // bpf_xdp_load_bytes(xdp, off, buf, len)
    p(
        189,
        [Ctx, Anything, UninitMem, ConstSize, DontCare],
        Ret::Integer,
        Avail::Xdp,
    ),
    // bpf_map_lookup_percpu_elem(map, key, cpu)
    p(
        195,
        [ConstMapPtr, MapKey, Anything, DontCare, DontCare],
        Ret::MapValueOrNull,
        Avail::Base,
    ),
    // bpf_csum_diff(from, from_size, to, to_size, seed): either may be NULL with size 0
    p(
        28,
        [
            MemRdonlyOrNull,
            ConstSizeOrZero,
            MemRdonlyOrNull,
            ConstSizeOrZero,
            Anything,
        ],
        Ret::Integer,
        Avail::TcXdp,
    ),
    // bpf_get_listener_sock(sk)
    p(
        98,
        [SockCommon, DontCare, DontCare, DontCare, DontCare],
        Ret::SocketOrNull,
        Avail::TcCgSkb,
    ),
    // bpf_get_attach_cookie(ctx): kprobes
    p(
        174,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Kprobe,
    ),
    // bpf_xdp_get_buff_len(xdp)
    p(
        188,
        [Ctx, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Xdp,
    ),
    // bpf_xdp_store_bytes(xdp, off, buf, len)
    p(
        190,
        [Ctx, Anything, MemRdonly, ConstSize, DontCare],
        Ret::Integer,
        Avail::Xdp,
    ),
    // bpf_ktime_get_boot_ns
    p(125, [DontCare; 5], Ret::Integer, Avail::Base),
    // bpf_get_current_pid_tgid
    p(14, [DontCare; 5], Ret::Integer, Avail::Tracing),
    // bpf_skb_pull_data(skb, len)
    Proto {
        changes_pkt_data: true,
        ..p(
            39,
            [Ctx, Anything, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::Tc,
        )
    },
    // bpf_xdp_adjust_head(xdp, delta)
    Proto {
        changes_pkt_data: true,
        ..p(
            44,
            [Ctx, Anything, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::Xdp,
        )
    },
    p(
        1,
        [ConstMapPtr, MapKey, DontCare, DontCare, DontCare],
        Ret::MapValueOrNull,
        Avail::Base,
    ),
    p(
        2,
        [ConstMapPtr, MapKey, MapValue, Anything, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    p(
        3,
        [ConstMapPtr, MapKey, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    p(5, [DontCare; 5], Ret::Integer, Avail::Base),
    Proto {
        gpl_only: true,
        ..p(
            6,
            [MemRdonly, ConstSize, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::BasePerfmon,
        )
    },
    p(7, [DontCare; 5], Ret::Integer, Avail::Base),
    p(8, [DontCare; 5], Ret::Integer, Avail::Base),
    p(
        12,
        [Ctx, ConstMapPtr, Anything, DontCare, DontCare],
        Ret::Void,
        Avail::Base,
    ),
    Proto {
        acquire: true,
        ..p(
            84,
            [Ctx, MemRdonly, ConstSize, Anything, Anything],
            Ret::SocketOrNull,
            Avail::SkLookup,
        )
    },
    Proto {
        acquire: true,
        ..p(
            85,
            [Ctx, MemRdonly, ConstSize, Anything, Anything],
            Ret::SocketOrNull,
            Avail::SkLookup,
        )
    },
    p(
        86,
        [ReleaseSockCommon, DontCare, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::SkLookup,
    ),
    p(
        93,
        [SpinLock, DontCare, DontCare, DontCare, DontCare],
        Ret::Void,
        Avail::BaseCapBpf,
    ),
    p(
        94,
        [SpinLock, DontCare, DontCare, DontCare, DontCare],
        Ret::Void,
        Avail::BaseCapBpf,
    ),
    Proto {
        acquire: true,
        ..p(
            99,
            [Ctx, MemRdonly, ConstSize, Anything, Anything],
            Ret::SockCommonOrNull,
            Avail::SkLookup,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            113,
            [UninitMem, ConstSizeOrZero, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BasePerfmon,
        )
    },
    p(
        130,
        [ConstMapPtr, MemRdonly, ConstSizeOrZero, Anything, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    Proto {
        acquire: true,
        ..p(
            131,
            [
                ConstMapPtr,
                ConstAllocSizeOrZero,
                Anything,
                DontCare,
                DontCare,
            ],
            Ret::AllocMemOrNull,
            Avail::Base,
        )
    },
    p(
        132,
        [ReleaseAllocMem, Anything, DontCare, DontCare, DontCare],
        Ret::Void,
        Avail::Base,
    ),
    p(
        133,
        [ReleaseAllocMem, Anything, DontCare, DontCare, DontCare],
        Ret::Void,
        Avail::Base,
    ),
    p(
        134,
        [ConstMapPtr, Anything, DontCare, DontCare, DontCare],
        Ret::Integer,
        Avail::Base,
    ),
    Proto {
        callback: CallbackKind::ForEachMapElem,
        ..p(
            164,
            [ConstMapPtr, Func, StackOrNull, Anything, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            169,
            [Timer, ConstMapPtr, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
    Proto {
        gpl_only: true,
        callback: CallbackKind::TimerAsync,
        ..p(
            170,
            [Timer, Func, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            171,
            [Timer, Anything, Anything, DontCare, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
    Proto {
        gpl_only: true,
        ..p(
            172,
            [Timer, DontCare, DontCare, DontCare, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
    Proto {
        callback: CallbackKind::Loop,
        ..p(
            181,
            [Anything, Func, StackOrNull, Anything, DontCare],
            Ret::Integer,
            Avail::BaseCapBpf,
        )
    },
];

pub fn proto(id: i32) -> Option<&'static Proto> {
    PROTOS.iter().find(|p| p.id as i32 == id)
}

/// `get_func_proto` of the program type: is the helper offered?
pub fn available(p: &Proto, pt: ProgType) -> bool {
    match p.avail {
        Avail::Base | Avail::BaseCapBpf => true,
        Avail::BasePerfmon => true,
        Avail::SkLookup => matches!(pt, ProgType::SchedCls | ProgType::SchedAct | ProgType::Xdp),
        Avail::Tc => matches!(pt, ProgType::SchedCls | ProgType::SchedAct),
        Avail::Xdp => pt == ProgType::Xdp,
        Avail::Kprobe => pt == ProgType::Kprobe,
        Avail::Tracing => tracing(pt),
        Avail::TcXdp => matches!(pt, ProgType::SchedCls | ProgType::SchedAct | ProgType::Xdp),
        Avail::TcCgSkb => matches!(
            pt,
            ProgType::SchedCls | ProgType::SchedAct | ProgType::CgroupSkb
        ),
        Avail::NotSyscall => pt != ProgType::Syscall,
        Avail::Skb => matches!(
            pt,
            ProgType::SocketFilter | ProgType::SchedCls | ProgType::SchedAct | ProgType::CgroupSkb
        ),
    }
}

fn tracing(pt: ProgType) -> bool {
    matches!(
        pt,
        ProgType::Kprobe | ProgType::Tracepoint | ProgType::RawTracepoint
    )
}

pub fn helper_name(id: i32) -> String {
    if id < 0 {
        return "unknown".to_string();
    }
    crate::helper_ids::helper_name(id as u32).unwrap_or_else(|| "unknown".to_string())
}

/// Compatible register types of an argument (`compatible_reg_types`).
fn compatible(arg: Arg) -> &'static [RegType] {
    use RegType as T;
    match arg {
        MapKey | MapValue | UninitMapValue => {
            &[T::Stack, T::Packet, T::PacketMeta, T::MapKey, T::MapValue]
        }
        MemRdonly | UninitMem | MemRdonlyOrNull => &[
            T::Stack,
            T::Packet,
            T::PacketMeta,
            T::MapKey,
            T::MapValue,
            T::Mem,
            T::AllocMem,
        ],
        ConstSize | ConstSizeOrZero | ConstAllocSizeOrZero => &[T::Scalar],
        ConstMapPtr => &[T::ConstPtrToMap],
        Ctx => &[T::Ctx],
        ReleaseAllocMem => &[T::AllocMem],
        ReleaseSockCommon | SockCommon => &[T::SockCommon, T::Socket, T::TcpSock, T::BtfId],
        Func => &[T::Func],
        StackOrNull => &[T::Stack],
        Timer | SpinLock => &[T::MapValue],
        Scalar => &[T::Scalar],
        Anything | DontCare => &[],
    }
}

/// The `expected=` list as `check_reg_type` prints it.
fn expected_str(arg: Arg) -> String {
    let mut names: Vec<&str> = compatible(arg).iter().map(|t| base_type_str(*t)).collect();
    if matches!(arg, ReleaseSockCommon | SockCommon) {
        names = vec!["sock_common", "sock", "tcp_sock", "xdp_sock", "ptr_"];
    }
    if matches!(arg, MemRdonly | UninitMem | MemRdonlyOrNull) {
        names = vec![
            "fp",
            "pkt",
            "pkt_meta",
            "map_key",
            "map_value",
            "mem",
            "alloc_mem",
            "buf",
        ];
    }
    names.join(", ")
}

/// What `check_func_arg` learned (`struct bpf_call_arg_meta`).
#[derive(Clone, Copy, Debug, Default)]
pub struct ArgMeta {
    pub map: Option<u32>,
    pub release_regno: u8,
    pub ref_obj_id: u32,
    pub mem_size: u64,
    pub subprogno: Option<usize>,
    pub raw_mode: bool,
    pub mem_regno: u8,
}

/// The prototypes Linux 6.12 changed: the socket lookups and raw syncookie
/// helpers take a tuple or header of size 0 (`ARG_CONST_SIZE_OR_ZERO`),
/// and `bpf_tail_call` leaves packet pointers stale.
/// `bpf_loop`'s count is still `ARG_ANYTHING` in 6.12.95, the oracle
/// (6.12.117 made it `ARG_SCALAR`).
fn proto_612(fp: &Proto) -> Proto {
    let mut p = *fp;
    match p.id {
        // sk_lookup_tcp, sk_lookup_udp, skc_lookup_tcp
        84 | 85 | 99 => p.args[2] = ConstSizeOrZero,
        // tcp_raw_gen_syncookie_ipv4/6
        204 | 205 => p.args[2] = ConstSizeOrZero,
        // "bpf: consider that tail calls invalidate packet pointers"
        // (6.13, in 6.12.y): the program tailed into may change the packet
        12 => p.changes_pkt_data = true,
        _ => {}
    }
    p
}

/// `nr_cpu_ids` of the kernels veristep is checked against: the oracles
/// boot Linux in a one-CPU virtual machine (`qemu -smp 1`).
const NR_CPU_IDS: u64 = 1;

impl Env {
    /// `check_helper_call()`
    pub fn check_helper_call(&mut self, insn: &crate::insn::Insn) -> VResult<()> {
        let func_id = insn.imm;
        let insn_idx = self.insn_idx;
        if !(0..212).contains(&func_id) {
            let n = helper_name(func_id);
            return Err(self.fail(EINVAL, &format!("invalid func {}#{}", n, func_id)));
        }
        // 6.10 ("Allow helper bpf_get_[ns_]current_pid_tgid() for all prog
        // types") made pid_tgid a base helper: the 6.7 mode follows 6.12
        let every_type = func_id == 14 && self.rules.pid_tgid_every_type;
        let fp = proto(func_id).filter(|p| every_type || available(p, self.prog.prog_type));
        let Some(fp) = fp else {
            let n = helper_name(func_id);
            // 6.12 names a helper that exists but not for this type
            if self.rules.words_612 && proto(func_id).is_some() {
                return Err(self
                    .fail(
                        EINVAL,
                        &format!("program of this type cannot use helper {}#{}", n, func_id),
                    )
                    .because(crate::reason::Reason::HelperNotAllowed { func_id }));
            }
            return Err(self
                .fail(EINVAL, &format!("unknown func {}#{}", n, func_id))
                .because(crate::reason::Reason::HelperNotAllowed { func_id }));
        };
        if !self.prog.gpl_compatible() && fp.gpl_only {
            return Err(self
                .fail(
                    EINVAL,
                    "cannot call GPL-restricted function from non-GPL compatible program",
                )
                .because(crate::reason::Reason::HelperNotAllowed { func_id }));
        }
        let fp612;
        let fp = if self.rules.words_612 {
            fp612 = proto_612(fp);
            &fp612
        } else {
            fp
        };
        let mut meta = ArgMeta::default();
        for i in 0..5 {
            self.check_func_arg(i, fp, &mut meta)?;
        }
        // raw mode (uninit memory written by the helper): mark it written
        if meta.raw_mode && meta.mem_size > 0 {
            self.mark_helper_mem_written(meta.mem_regno, meta.mem_size)?;
        }
        if meta.release_regno != 0 {
            let mut ok = false;
            if meta.ref_obj_id != 0 {
                ok = self.release_reference(meta.ref_obj_id).is_ok();
            } else if self.reg(meta.release_regno).is_null_const() {
                ok = true;
            }
            if !ok {
                let n = helper_name(func_id);
                let reason = self.not_acquired_reason(meta.ref_obj_id);
                return Err(self
                    .fail(
                        EINVAL,
                        &format!(
                            "func {}#{} reference has not been acquired before",
                            n, func_id
                        ),
                    )
                    .because(reason));
            }
        }
        if func_id == 181 && self.reg(4).is_null_const() {
            // update_loop_inline_state(): a zero flags argument (inlinable
            // loop) is tracked precisely
            self.mark_chain_precision(4);
        }
        if func_id == 12 && self.reg(3).is_const() {
            // record_func_key(): a constant tail call index is tracked precisely
            self.mark_chain_precision(3);
        }
        match fp.callback {
            CallbackKind::None => {}
            kind => {
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
                            .because(crate::reason::Reason::ArgumentType { reg: Some(1) }));
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
        }
        if func_id == 12 && self.has_refs() {
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
        let r0 = &mut self.cur.frames[cf].regs[0];
        match fp.ret {
            Ret::Integer => r0.mark_unknown(),
            Ret::Void => r0.ty = RegType::NotInit,
            Ret::MapValueOrNull => {
                r0.mark_known_zero_ptr(RegType::MapValue);
                r0.aux = meta.map.unwrap_or(0);
                r0.maybe_null = true;
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
        }
        if self.cur.frames[cf].regs[0].maybe_null {
            let id = self.new_id();
            self.cur.frames[cf].regs[0].id = id;
        }
        if fp.ret == Ret::Integer {
            self.refine_retval_range(cf, func_id, meta.mem_size);
        }
        if matches!(func_id, 95 | 96) {
            self.cur.frames[cf].regs[0].ref_obj_id = meta.ref_obj_id;
        }
        // clear_all_pkt_pointers(): the packet may have moved
        if fp.changes_pkt_data {
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
        let map_acquires = func_id == 1
            && meta
                .map
                .and_then(|m| self.prog.maps.get(m as usize))
                .map(|m| matches!(m.map_type, MapType::Sockmap | MapType::Sockhash))
                .unwrap_or(false);
        if fp.acquire || map_acquires {
            // acquire_reference_state() uses the current frame: the caller here
            let saved = self.cur.frames.len();
            let id = if cf + 1 == saved {
                self.acquire_reference_state(insn_idx)
            } else {
                0
            };
            let r0 = &mut self.cur.frames[cf].regs[0];
            r0.id = id;
            r0.ref_obj_id = id;
        }
        self.check_map_func_compatibility(meta.map, func_id)?;
        Ok(())
    }

    fn check_map_func_compatibility(&mut self, map: Option<u32>, func_id: i32) -> VResult<()> {
        let Some(m) = map.and_then(|m| self.prog.maps.get(m as usize)) else {
            return Ok(());
        };
        let mt = m.map_type;
        // check_map_func_compatibility(): what a map type allows, then
        // which map types a helper takes
        let map_ok = match mt {
            MapType::ProgArray => func_id == 12,
            MapType::PerfEventArray => matches!(func_id, 22 | 25 | 55 | 111 | 121),
            MapType::Ringbuf => matches!(func_id, 130 | 131 | 134),
            MapType::Queue | MapType::Stack => matches!(func_id, 87..=89),
            MapType::ArrayOfMaps | MapType::HashOfMaps => func_id == 1,
            _ => true,
        };
        let func_ok = match func_id {
            12 => mt == MapType::ProgArray,
            22 | 25 | 55 | 111 | 121 => mt == MapType::PerfEventArray,
            130 | 131 | 134 => mt == MapType::Ringbuf,
            87..=89 => matches!(mt, MapType::Queue | MapType::Stack),
            195 => matches!(
                mt,
                MapType::PercpuArray | MapType::PercpuHash | MapType::LruPercpuHash
            ),
            _ => true,
        };
        let ok = map_ok && func_ok;
        if !ok {
            let n = helper_name(func_id);
            let t = mt.number();
            return Err(self
                .fail(
                    EINVAL,
                    &format!("cannot pass map_type {} into func {}#{}", t, n, func_id),
                )
                .because(crate::reason::Reason::ArgumentType { reg: None }));
        }
        Ok(())
    }

    /// `do_refine_retval_range()`: helpers that copy at most N bytes return
    /// at most N (or -errno); 6.12 also bounds the CPU number by
    /// `nr_cpu_ids`, which is 1 in the oracles' one-CPU virtual machines.
    fn refine_retval_range(&mut self, cf: usize, func_id: i32, msize_max: u64) {
        const MAX_ERRNO: i64 = 4095;
        let sync_612 = self.rules.scalar_alu_612;
        let r0 = &mut self.cur.frames[cf].regs[0];
        match func_id {
            // get_stack, get_task_stack, probe_read{,_kernel,_user}_str
            67 | 141 | 45 | 115 | 114 => {
                r0.smax = msize_max as i64;
                r0.s32_max = msize_max as i32;
                r0.smin = -MAX_ERRNO;
                r0.s32_min = -MAX_ERRNO as i32;
            }
            // get_smp_processor_id
            8 if self.rules.smp_processor_id_bounded => {
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
    fn may_access_direct_pkt_data(&self, fp: &Proto) -> bool {
        use crate::program::ProgType::*;
        // the prototypes with .pkt_access = true in Linux 6.1 and 6.12
        const PKT_ACCESS: &[u32] = &[
            1, 2, 3, 28, 84, 85, 87, 99, 100, 110, 195, 204, 205, 206, 207,
        ];
        match self.prog.prog_type {
            SchedCls | SchedAct | Xdp | CgroupSkb => PKT_ACCESS.contains(&fp.id),
            _ => false,
        }
    }

    /// `check_func_arg()` for argument `arg` (R1 + arg).
    fn check_func_arg(&mut self, arg: usize, fp: &Proto, meta: &mut ArgMeta) -> VResult<()> {
        let regno = (arg + 1) as u8;
        let at = fp.args[arg];
        if at == DontCare {
            return Ok(());
        }
        self.check_reg_src(regno, true)?;
        let reg = *self.reg(regno);
        if at == Anything {
            return Ok(());
        }
        if reg.is_packet() && !self.may_access_direct_pkt_data(fp) {
            return Err(self
                .fail(EACCES, "helper access to the packet is not allowed")
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        let skip_type = reg.is_null_const() && matches!(at, StackOrNull | MemRdonlyOrNull);
        if !skip_type {
            let types = compatible(at);
            let ok = types.contains(&reg.ty)
                && (!reg.maybe_null || matches!(at, ConstSize | ConstSizeOrZero))
                && (!reg.rdonly || at != UninitMem);
            if !ok {
                let mut t = reg_type_str(&self.prog, &reg);
                let mut e = expected_str(at);
                if self.rules.words_612 {
                    // 6.12's names: a ringbuf record is `ringbuf_mem`
                    // (MEM_RINGBUF), and release args also take trusted_ptr_
                    t = t.replace("alloc_mem", "ringbuf_mem");
                    e = e.replace("alloc_mem", "ringbuf_mem");
                    if matches!(at, ReleaseSockCommon) {
                        e.push_str(", trusted_ptr_");
                    }
                }
                return Err(self
                    .fail(EACCES, &format!("R{} type={} expected={}", regno, t, e))
                    .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
            }
            self.check_func_arg_reg_off(&reg, regno, at)?;
        }
        if matches!(at, ReleaseAllocMem | ReleaseSockCommon) {
            if reg.ref_obj_id == 0 && !reg.is_null_const() {
                return Err(self.fail(
                    EINVAL,
                    &format!(
                        "R{} must be referenced when passed to release function",
                        regno
                    ),
                ));
            }
            meta.release_regno = regno;
        }
        if reg.ref_obj_id != 0 {
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
                self.check_helper_mem_access(regno, ks, false, false)?;
            }
            MapValue | UninitMapValue => {
                let Some(m) = meta.map.and_then(|m| self.prog.maps.get(m as usize)) else {
                    return Err(self.fail(EACCES, "invalid map_ptr to access map->value"));
                };
                let vs = m.value_size as u64;
                self.check_helper_mem_access(regno, vs, false, at == UninitMapValue)?;
            }
            Func => {
                let t = (self.insn_idx as i64, reg.aux);
                let _ = t;
                meta.subprogno = Some(reg.aux as usize);
            }
            Timer => {
                self.process_timer_func(regno, meta)?;
            }
            SpinLock => {
                let is_lock = fp.id == 93;
                if let Err(e) = self.process_spin_lock(regno, is_lock) {
                    // the kernel returns EACCES whatever the lock check said
                    return Err(crate::env::VErr { errno: EACCES, ..e });
                }
            }
            MemRdonly | UninitMem | MemRdonlyOrNull => {
                meta.raw_mode = at == UninitMem;
                meta.mem_regno = regno;
            }
            ConstSize | ConstSizeOrZero => {
                self.check_mem_size_reg(regno, at == ConstSizeOrZero, meta)?;
            }
            ConstAllocSizeOrZero => {
                if !reg.var_off.is_const() {
                    return Err(self
                        .fail(EACCES, &format!("R{} is not a known constant'", regno))
                        .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
                }
                meta.mem_size = reg.var_off.value;
                self.mark_chain_precision(regno);
            }
            _ => {}
        }
        Ok(())
    }

    /// `check_func_arg_reg_off()`: which pointers may be passed moved.
    fn check_func_arg_reg_off(&mut self, reg: &RegState, regno: u8, at: Arg) -> VResult<()> {
        // 6.12: a moved pointer to a release function gets its own message
        if self.rules.words_612 && matches!(at, ReleaseAllocMem | ReleaseSockCommon) && reg.off != 0
        {
            return Err(self.fail(
                EINVAL,
                &format!(
                    "R{} must have zero offset when passed to release func or trusted arg to kfunc",
                    regno
                ),
            ));
        }
        let fixed_off_ok = match reg.ty {
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
                if at == ReleaseSockCommon && reg.off != 0 {
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
                .because(crate::reason::Reason::PointerArithmetic { reg: Some(regno) }));
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

    /// `check_mem_size_reg()`: the size argument after a memory argument.
    fn check_mem_size_reg(
        &mut self,
        regno: u8,
        zero_size_allowed: bool,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        let mem_regno = regno - 1;
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
        let raw_ok = meta.raw_mode && reg.var_off.is_const();
        // `meta = NULL`: nothing is marked written after the call either
        meta.raw_mode = raw_ok;
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
                self.check_helper_mem_access(mem_regno, 0, zero_size_allowed, raw_ok)?;
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
        // a variable size turns raw mode off: the memory must be readable
        self.check_helper_mem_access(mem_regno, reg.umax, zero_size_allowed, raw_ok)?;
        // the size bounds the access: it is tracked precisely
        self.mark_chain_precision(regno);
        meta.mem_size = reg.umax;
        Ok(())
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
