//! A loaded program: what the kernel's `bpf_prog_load` receives after libbpf's
//! processing (instructions with relocated map and function references, the
//! program type, the licence, the maps it uses).

use crate::insn::Insn;

/// `enum bpf_prog_type` values of the program types the text format names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProgType {
    SocketFilter,
    Kprobe,
    SchedCls,
    SchedAct,
    Tracepoint,
    Xdp,
    CgroupSkb,
    RawTracepoint,
    Syscall,
    /// `BPF_PROG_TYPE_PERF_EVENT`: `struct bpf_perf_event_data` context.
    PerfEvent,
    /// `BPF_PROG_TYPE_SK_SKB`: stream parsers and verdicts of a sockmap.
    SkSkb,
    /// `BPF_PROG_TYPE_SK_MSG`: a sockmap's message verdicts (`sk_msg_md`).
    SkMsg,
    /// `BPF_PROG_TYPE_SOCK_OPS`: TCP events of a cgroup (`bpf_sock_ops`).
    SockOps,
    /// `BPF_PROG_TYPE_CGROUP_SOCK_ADDR`: a cgroup's socket address hooks
    /// (bind, connect, sendmsg, recvmsg, getpeername, getsockname) on
    /// `struct bpf_sock_addr`; which one is its [`AttachType`].
    CgroupSockAddr,
    /// `BPF_PROG_TYPE_CGROUP_SOCK`: a cgroup's socket creation, release
    /// and post-bind hooks on `struct bpf_sock`; which one is its
    /// [`AttachType`] (socket creation when none is given).
    CgroupSock,
    /// `BPF_PROG_TYPE_CGROUP_SOCKOPT`: a cgroup's getsockopt and
    /// setsockopt hooks on `struct bpf_sockopt` (the option value as a
    /// packet); which one is its [`AttachType`].
    CgroupSockopt,
    /// `BPF_PROG_TYPE_LWT_IN`, `_OUT`, `_XMIT`: lightweight tunnel hooks
    /// on `__sk_buff` (the packet read only, written by xmit).
    LwtIn,
    LwtOut,
    LwtXmit,
    /// `BPF_PROG_TYPE_LWT_SEG6LOCAL`: an IPv6 segment routing local action.
    LwtSeg6local,
    /// `BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE`: a raw tracepoint whose
    /// first argument is a buffer the program may write.
    RawTracepointWritable,
    /// `BPF_PROG_TYPE_FLOW_DISSECTOR`: `__sk_buff`'s packet and
    /// `flow_keys` only.
    FlowDissector,
    /// `BPF_PROG_TYPE_SK_REUSEPORT`: socket selection in a reuseport group
    /// (`struct sk_reuseport_md`).
    SkReuseport,
    /// `BPF_PROG_TYPE_SK_LOOKUP`: socket selection for an incoming
    /// connection or packet (`struct bpf_sk_lookup`).
    SkLookup,
    /// `BPF_PROG_TYPE_CGROUP_DEVICE`: a cgroup's device access checks
    /// (`struct bpf_cgroup_dev_ctx`).
    CgroupDevice,
    /// `BPF_PROG_TYPE_CGROUP_SYSCTL`: a cgroup's sysctl reads and writes
    /// (`struct bpf_sysctl`).
    CgroupSysctl,
    /// `BPF_PROG_TYPE_TRACING`: fentry, fexit, fmod_ret and tp_btf
    /// programs, whose context is the attach target's arguments typed by
    /// the kernel's BTF (objects only: the target comes from the section).
    Tracing,
    /// `BPF_PROG_TYPE_STRUCT_OPS`: a member function of a kernel struct of
    /// operations a program set implements (`tcp_congestion_ops`), its
    /// arguments typed by the member's prototype (objects only: the member
    /// comes from the object's `.struct_ops` map).
    StructOps,
    /// `BPF_PROG_TYPE_LSM`: a BPF LSM hook (`lsm/HOOK`), arguments typed
    /// by BTF as for tracing.
    Lsm,
    /// `BPF_PROG_TYPE_NETFILTER` (6.4+): a netfilter hook; its context is
    /// `struct bpf_nf_ctx` (the hook state and the packet, trusted kernel
    /// pointers), its verdict `NF_DROP` or `NF_ACCEPT`.
    Netfilter,
    /// `BPF_PROG_TYPE_LIRC_MODE2` (`lirc_mode2`: an infrared decoder).
    /// Debian builds both modelled kernels without
    /// `CONFIG_BPF_LIRC_MODE2`, so the type is unknown to them and the load
    /// fails before the verifier (EINVAL, no log).
    LircMode2,
}

impl ProgType {
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "socket_filter" | "socket" => ProgType::SocketFilter,
            "kprobe" => ProgType::Kprobe,
            "sched_cls" | "tc" | "classifier" => ProgType::SchedCls,
            "sched_act" | "action" => ProgType::SchedAct,
            "tracepoint" => ProgType::Tracepoint,
            "xdp" => ProgType::Xdp,
            "cgroup_skb" => ProgType::CgroupSkb,
            "raw_tracepoint" => ProgType::RawTracepoint,
            "syscall" => ProgType::Syscall,
            "perf_event" => ProgType::PerfEvent,
            "sk_skb" => ProgType::SkSkb,
            "sk_msg" => ProgType::SkMsg,
            "sock_ops" => ProgType::SockOps,
            "cgroup_sock_addr" => ProgType::CgroupSockAddr,
            "cgroup_device" | "cgroup_dev" => ProgType::CgroupDevice,
            "cgroup_sock" => ProgType::CgroupSock,
            "cgroup_sockopt" => ProgType::CgroupSockopt,
            "sk_lookup" => ProgType::SkLookup,
            "flow_dissector" => ProgType::FlowDissector,
            "raw_tracepoint_writable" => ProgType::RawTracepointWritable,
            "tracing" => ProgType::Tracing,
            "lsm" => ProgType::Lsm,
            "struct_ops" => ProgType::StructOps,
            "sk_reuseport" => ProgType::SkReuseport,
            "lwt_in" => ProgType::LwtIn,
            "lwt_out" => ProgType::LwtOut,
            "lwt_xmit" => ProgType::LwtXmit,
            "lwt_seg6local" => ProgType::LwtSeg6local,
            "cgroup_sysctl" => ProgType::CgroupSysctl,
            "netfilter" => ProgType::Netfilter,
            "lirc_mode2" => ProgType::LircMode2,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            ProgType::SocketFilter => "socket_filter",
            ProgType::Kprobe => "kprobe",
            ProgType::SchedCls => "sched_cls",
            ProgType::SchedAct => "sched_act",
            ProgType::Tracepoint => "tracepoint",
            ProgType::Xdp => "xdp",
            ProgType::CgroupSkb => "cgroup_skb",
            ProgType::RawTracepoint => "raw_tracepoint",
            ProgType::Syscall => "syscall",
            ProgType::PerfEvent => "perf_event",
            ProgType::SkSkb => "sk_skb",
            ProgType::SkMsg => "sk_msg",
            ProgType::SockOps => "sock_ops",
            ProgType::CgroupSockAddr => "cgroup_sock_addr",
            ProgType::CgroupDevice => "cgroup_device",
            ProgType::CgroupSock => "cgroup_sock",
            ProgType::CgroupSockopt => "cgroup_sockopt",
            ProgType::SkLookup => "sk_lookup",
            ProgType::FlowDissector => "flow_dissector",
            ProgType::RawTracepointWritable => "raw_tracepoint_writable",
            ProgType::SkReuseport => "sk_reuseport",
            ProgType::LwtIn => "lwt_in",
            ProgType::LwtOut => "lwt_out",
            ProgType::LwtXmit => "lwt_xmit",
            ProgType::LwtSeg6local => "lwt_seg6local",
            ProgType::CgroupSysctl => "cgroup_sysctl",
            ProgType::Tracing => "tracing",
            ProgType::Lsm => "lsm",
            ProgType::StructOps => "struct_ops",
            ProgType::Netfilter => "netfilter",
            ProgType::LircMode2 => "lirc_mode2",
        }
    }
    /// The kernel's enum value.
    pub fn number(self) -> u32 {
        match self {
            ProgType::SocketFilter => 1,
            ProgType::Kprobe => 2,
            ProgType::SchedCls => 3,
            ProgType::SchedAct => 4,
            ProgType::Tracepoint => 5,
            ProgType::Xdp => 6,
            ProgType::CgroupSkb => 8,
            ProgType::RawTracepoint => 17,
            ProgType::Syscall => 31,
            ProgType::PerfEvent => 7,
            ProgType::SkSkb => 14,
            ProgType::SkMsg => 16,
            ProgType::SockOps => 13,
            ProgType::CgroupSockAddr => 18,
            ProgType::CgroupDevice => 15,
            ProgType::CgroupSock => 9,
            ProgType::CgroupSockopt => 25,
            ProgType::SkLookup => 30,
            ProgType::FlowDissector => 22,
            ProgType::RawTracepointWritable => 24,
            ProgType::SkReuseport => 21,
            ProgType::LwtIn => 10,
            ProgType::LwtOut => 11,
            ProgType::LwtXmit => 12,
            ProgType::LwtSeg6local => 19,
            ProgType::CgroupSysctl => 23,
            ProgType::Tracing => 26,
            ProgType::Lsm => 29,
            ProgType::StructOps => 27,
            ProgType::Netfilter => 32,
            ProgType::LircMode2 => 20,
        }
    }

    /// The expected attach type a program of this type always has (libbpf
    /// 1.1 loads `cgroup/dev` with `BPF_CGROUP_DEVICE` and `cgroup/sysctl`
    /// with `BPF_CGROUP_SYSCTL`); the text format implies it.
    pub fn implied_attach(self) -> Option<AttachType> {
        match self {
            // bpf_prog_load_fixup_attach_type(): attach type 0 becomes
            // BPF_CGROUP_INET_SOCK_CREATE
            ProgType::CgroupSock => Some(AttachType::SockCreate),
            ProgType::CgroupDevice => Some(AttachType::CgroupDevice),
            // the kernel loads sk_lookup programs with BPF_SK_LOOKUP only
            ProgType::SkLookup => Some(AttachType::SkLookup),
            ProgType::CgroupSysctl => Some(AttachType::CgroupSysctl),
            _ => None,
        }
    }

    /// `TYPE[/HOOK]` as a loader's setting writes it (the CLI's
    /// `--prog-type`, the page's load settings): [`ProgType::with_hook`].
    pub fn from_spec(spec: &str) -> Result<(ProgType, Option<AttachType>), String> {
        let spec = spec.trim();
        match spec.split_once('/') {
            Some((ty, hook)) => ProgType::with_hook(ty, Some(hook)),
            None => ProgType::with_hook(spec, None),
        }
    }

    /// The program type a name and an optional hook give (`.prog_type
    /// TYPE [HOOK]`, and a loader's `bpf_program__set_type` with
    /// `bpf_program__set_expected_attach_type`): the type and its expected
    /// attach type (the hook, or what [`ProgType::implied_attach`] says).
    /// The BTF-typed types (tracing, lsm, struct_ops), which also need a
    /// target, are not taken here.
    pub fn with_hook(
        name: &str,
        hook: Option<&str>,
    ) -> Result<(ProgType, Option<AttachType>), String> {
        let pt = ProgType::from_name(name)
            .filter(|pt| !matches!(pt, ProgType::Tracing | ProgType::Lsm | ProgType::StructOps))
            .ok_or_else(|| {
                "unknown program type (socket_filter, kprobe, sched_cls, tc, sched_act, tracepoint, xdp, cgroup_skb, raw_tracepoint, syscall, perf_event, sk_skb, sk_msg, sock_ops, cgroup_sock_addr, cgroup_sock, cgroup_sockopt, cgroup_device, cgroup_sysctl, sk_lookup, lwt_in, lwt_out, lwt_xmit, lwt_seg6local, flow_dissector, sk_reuseport, raw_tracepoint_writable, netfilter)".to_string()
            })?;
        let attach = match (pt, hook) {
            (ProgType::CgroupSkb, None | Some("ingress")) => None,
            (ProgType::CgroupSkb, Some("egress")) => Some(AttachType::CgroupInetEgress),
            (ProgType::CgroupSkb, Some(_)) => {
                return Err("cgroup_skb's hook is ingress (the default) or egress".to_string())
            }
            (ProgType::CgroupSockAddr, h) => {
                Some(h.and_then(AttachType::sock_addr).ok_or_else(|| {
                    format!(
                        "cgroup_sock_addr needs its hook: one of {}",
                        AttachType::SOCK_ADDR.map(|(n, _)| n).join(", ")
                    )
                })?)
            }
            // the kernel refuses a sockopt program without its hook
            (ProgType::CgroupSockopt, h) => {
                Some(h.and_then(AttachType::sockopt).ok_or_else(|| {
                    "cgroup_sockopt needs its hook: getsockopt or setsockopt".to_string()
                })?)
            }
            (ProgType::CgroupSock, Some(h)) => Some(AttachType::sock(h).ok_or_else(|| {
                format!(
                    "cgroup_sock's hook is one of {}",
                    AttachType::SOCK.map(|(n, _)| n).join(", ")
                )
            })?),
            (ProgType::Xdp, Some(h)) => Some(
                AttachType::xdp(h).ok_or_else(|| "xdp's hook is devmap or cpumap".to_string())?,
            ),
            (pt, None) => pt.implied_attach(),
            (_, Some(_)) => return Err("this program type takes no hook".to_string()),
        };
        Ok((pt, attach))
    }
}

/// `enum bpf_attach_type` values a modelled program type's rules depend on
/// (`expected_attach_type` at load).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttachType {
    /// `BPF_CGROUP_INET_EGRESS`: cgroup_skb programs that may return 0 to 3.
    CgroupInetEgress,
    Inet4Bind,
    Inet6Bind,
    Inet4Connect,
    Inet6Connect,
    Udp4Sendmsg,
    Udp6Sendmsg,
    Udp4Recvmsg,
    Udp6Recvmsg,
    Inet4Getpeername,
    Inet6Getpeername,
    Inet4Getsockname,
    Inet6Getsockname,
    /// `BPF_CGROUP_UNIX_*` (6.7+): the same hooks for unix sockets, which
    /// Linux 6.1 refuses at load.
    UnixConnect,
    UnixSendmsg,
    UnixRecvmsg,
    UnixGetpeername,
    UnixGetsockname,
    /// `BPF_CGROUP_INET_SOCK_CREATE`, `BPF_CGROUP_INET_SOCK_RELEASE`,
    /// `BPF_CGROUP_INET4_POST_BIND`, `BPF_CGROUP_INET6_POST_BIND`
    SockCreate,
    SockRelease,
    PostBind4,
    PostBind6,
    /// `BPF_CGROUP_GETSOCKOPT`, `BPF_CGROUP_SETSOCKOPT`
    Getsockopt,
    Setsockopt,
    /// `BPF_SK_LOOKUP`
    SkLookup,
    /// `BPF_CGROUP_DEVICE`
    CgroupDevice,
    /// `BPF_CGROUP_SYSCTL`
    CgroupSysctl,
    /// `BPF_TRACE_FENTRY`, `BPF_TRACE_FEXIT`, `BPF_MODIFY_RETURN`,
    /// `BPF_TRACE_RAW_TP` (tp_btf), `BPF_LSM_MAC`
    TraceFentry,
    TraceFexit,
    ModifyReturn,
    TraceRawTp,
    LsmMac,
    /// `BPF_TRACE_ITER`: an iterator (`iter/task`)
    TraceIter,
    /// `BPF_LSM_CGROUP`: an LSM program run per cgroup (`lsm_cgroup/HOOK`),
    /// which returns 0 or 1 (1 on a void hook) and has the cgroup helpers.
    LsmCgroup,
    /// `BPF_XDP_DEVMAP`, `BPF_XDP_CPUMAP`: an xdp program a devmap or a
    /// cpumap runs (libbpf's `xdp/devmap`, `xdp/cpumap`); a devmap's may
    /// read `egress_ifindex`.
    XdpDevmap,
    XdpCpumap,
    /// A struct_ops program's member (the kernel takes its index as the
    /// expected attach type); `release` apart, whose helpers differ.
    StructOps,
    StructOpsRelease,
}

impl AttachType {
    /// A tracing program's kind in the text format (`.prog_type tracing
    /// fentry do_nanosleep`): the section name libbpf gives it.
    pub fn tracing_kind(name: &str) -> Option<AttachType> {
        Some(match name {
            "fentry" => AttachType::TraceFentry,
            "fexit" => AttachType::TraceFexit,
            "fmod_ret" => AttachType::ModifyReturn,
            "tp_btf" => AttachType::TraceRawTp,
            "iter" => AttachType::TraceIter,
            _ => return None,
        })
    }

    /// The cgroup_sock_addr hooks by the names of libbpf's `cgroup/NAME`
    /// sections (`connect4`, `recvmsg6`, ...).
    pub const SOCK_ADDR: [(&'static str, AttachType); 17] = [
        ("bind4", AttachType::Inet4Bind),
        ("bind6", AttachType::Inet6Bind),
        ("connect4", AttachType::Inet4Connect),
        ("connect6", AttachType::Inet6Connect),
        ("sendmsg4", AttachType::Udp4Sendmsg),
        ("sendmsg6", AttachType::Udp6Sendmsg),
        ("recvmsg4", AttachType::Udp4Recvmsg),
        ("recvmsg6", AttachType::Udp6Recvmsg),
        ("getpeername4", AttachType::Inet4Getpeername),
        ("getpeername6", AttachType::Inet6Getpeername),
        ("getsockname4", AttachType::Inet4Getsockname),
        ("getsockname6", AttachType::Inet6Getsockname),
        ("connect_unix", AttachType::UnixConnect),
        ("sendmsg_unix", AttachType::UnixSendmsg),
        ("recvmsg_unix", AttachType::UnixRecvmsg),
        ("getpeername_unix", AttachType::UnixGetpeername),
        ("getsockname_unix", AttachType::UnixGetsockname),
    ];

    /// The cgroup_sock hooks by libbpf's `cgroup/NAME` section names.
    pub const SOCK: [(&'static str, AttachType); 4] = [
        ("sock_create", AttachType::SockCreate),
        ("sock_release", AttachType::SockRelease),
        ("post_bind4", AttachType::PostBind4),
        ("post_bind6", AttachType::PostBind6),
    ];

    /// The xdp hooks (`.prog_type xdp devmap`).
    pub fn xdp(name: &str) -> Option<AttachType> {
        match name {
            "devmap" => Some(AttachType::XdpDevmap),
            "cpumap" => Some(AttachType::XdpCpumap),
            _ => None,
        }
    }

    /// The cgroup_sockopt hooks (`cgroup/getsockopt`, `cgroup/setsockopt`).
    pub fn sockopt(name: &str) -> Option<AttachType> {
        match name {
            "getsockopt" => Some(AttachType::Getsockopt),
            "setsockopt" => Some(AttachType::Setsockopt),
            _ => None,
        }
    }

    pub fn sock(name: &str) -> Option<AttachType> {
        Self::SOCK.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }

    pub fn sock_addr(name: &str) -> Option<AttachType> {
        Self::SOCK_ADDR
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| *a)
    }

    /// Its name in the text format (`.prog_type cgroup_sock_addr connect4`,
    /// `.prog_type cgroup_skb egress`).
    pub fn name(self) -> &'static str {
        match self {
            AttachType::CgroupInetEgress => "egress",
            AttachType::CgroupDevice => "device",
            AttachType::SkLookup => "sk_lookup",
            AttachType::SockCreate => "sock_create",
            AttachType::SockRelease => "sock_release",
            AttachType::PostBind4 => "post_bind4",
            AttachType::PostBind6 => "post_bind6",
            AttachType::Getsockopt => "getsockopt",
            AttachType::Setsockopt => "setsockopt",
            AttachType::CgroupSysctl => "sysctl",
            AttachType::TraceFentry => "fentry",
            AttachType::TraceFexit => "fexit",
            AttachType::ModifyReturn => "fmod_ret",
            AttachType::TraceRawTp => "tp_btf",
            AttachType::LsmMac => "lsm",
            AttachType::LsmCgroup => "lsm_cgroup",
            AttachType::TraceIter => "iter",
            AttachType::XdpDevmap => "devmap",
            AttachType::XdpCpumap => "cpumap",
            AttachType::StructOps | AttachType::StructOpsRelease => "struct_ops",
            a => Self::SOCK_ADDR
                .iter()
                .find(|(_, x)| *x == a)
                .map(|(n, _)| *n)
                .unwrap_or("?"),
        }
    }

    /// recvmsg, getpeername and getsockname: hooks that rewrite an address
    /// reported to user space. They cannot refuse (they return 1) and have
    /// no return value of the syscall to read or set.
    pub fn reports_an_address(self) -> bool {
        matches!(
            self,
            AttachType::Udp4Recvmsg
                | AttachType::Udp6Recvmsg
                | AttachType::Inet4Getpeername
                | AttachType::Inet6Getpeername
                | AttachType::Inet4Getsockname
                | AttachType::Inet6Getsockname
                | AttachType::UnixRecvmsg
                | AttachType::UnixGetpeername
                | AttachType::UnixGetsockname
        )
    }

    /// A unix socket hook (6.7+).
    pub fn is_unix(self) -> bool {
        matches!(
            self,
            AttachType::UnixConnect
                | AttachType::UnixSendmsg
                | AttachType::UnixRecvmsg
                | AttachType::UnixGetpeername
                | AttachType::UnixGetsockname
        )
    }

    /// An IPv6 hook (`user_ip6` is its address).
    pub fn is_inet6(self) -> bool {
        matches!(
            self,
            AttachType::Inet6Bind
                | AttachType::Inet6Connect
                | AttachType::Udp6Sendmsg
                | AttachType::Udp6Recvmsg
                | AttachType::Inet6Getpeername
                | AttachType::Inet6Getsockname
        )
    }

    /// An IPv4 hook (`user_ip4` is its address), or IPv6 (`user_ip6`).
    pub fn is_inet4(self) -> bool {
        matches!(
            self,
            AttachType::Inet4Bind
                | AttachType::Inet4Connect
                | AttachType::Udp4Sendmsg
                | AttachType::Udp4Recvmsg
                | AttachType::Inet4Getpeername
                | AttachType::Inet4Getsockname
        )
    }
}

/// `enum bpf_map_type` values the model knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapType {
    Hash,
    Array,
    ProgArray,
    PerfEventArray,
    PercpuHash,
    PercpuArray,
    LruHash,
    LruPercpuHash,
    ArrayOfMaps,
    HashOfMaps,
    Sockmap,
    Sockhash,
    Queue,
    Stack,
    Ringbuf,
    StackTrace,
    CgroupArray,
    LpmTrie,
    DevMap,
    CpuMap,
    XskMap,
    /// `BPF_MAP_TYPE_REUSEPORT_SOCKARRAY`: sockets of a reuseport group,
    /// for `bpf_sk_select_reuseport` only.
    ReuseportSockarray,
    DevMapHash,
    BloomFilter,
    /// `BPF_MAP_TYPE_CGROUP_STORAGE`: the attached cgroup's value, by
    /// `bpf_get_local_storage` only.
    CgroupStorage,
    PercpuCgroupStorage,
    /// `BPF_MAP_TYPE_SK_STORAGE`: a value per socket.
    SkStorage,
    /// `BPF_MAP_TYPE_INODE_STORAGE`: a value per inode (LSM programs).
    InodeStorage,
    /// `BPF_MAP_TYPE_TASK_STORAGE`: a value per task.
    TaskStorage,
    /// `BPF_MAP_TYPE_USER_RINGBUF`: a ring buffer user space writes and
    /// the program drains (`bpf_user_ringbuf_drain`).
    UserRingbuf,
    /// `BPF_MAP_TYPE_CGRP_STORAGE` (6.2+): a value per cgroup
    /// (`bpf_cgrp_storage_get`).
    CgrpStorage,
    /// `BPF_MAP_TYPE_ARENA` (6.9+): pages shared by the program and user
    /// space. Its ld_imm64 value loads are scalars; `addr_space_cast`
    /// makes its addresses `PTR_TO_ARENA` ([`crate::regs::RegType::Arena`]).
    Arena,
}

impl MapType {
    /// Created by libbpf without BTF key and value types whatever the
    /// object declares (`bpf_object__create_map()`'s list): the kernel never
    /// sees their value's special fields, and a refused creation is not
    /// retried.
    pub fn created_without_btf_types(self) -> bool {
        matches!(
            self,
            MapType::PerfEventArray
                | MapType::CgroupArray
                | MapType::StackTrace
                | MapType::ArrayOfMaps
                | MapType::HashOfMaps
                | MapType::DevMap
                | MapType::DevMapHash
                | MapType::CpuMap
                | MapType::XskMap
                | MapType::Sockmap
                | MapType::Sockhash
                | MapType::Queue
                | MapType::Stack
        )
    }

    /// Local storage (`bpf_local_storage_map`): socket, inode, task or
    /// cgroup storage, created only as `bpf_local_storage_map_alloc_check()`
    /// allows.
    pub fn is_local_storage(self) -> bool {
        matches!(
            self,
            MapType::SkStorage
                | MapType::InodeStorage
                | MapType::TaskStorage
                | MapType::CgrpStorage
        )
    }
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "hash" => MapType::Hash,
            "array" => MapType::Array,
            "prog_array" => MapType::ProgArray,
            "perf_event_array" => MapType::PerfEventArray,
            "percpu_hash" => MapType::PercpuHash,
            "percpu_array" => MapType::PercpuArray,
            "lru_hash" => MapType::LruHash,
            "lru_percpu_hash" => MapType::LruPercpuHash,
            "array_of_maps" => MapType::ArrayOfMaps,
            "hash_of_maps" => MapType::HashOfMaps,
            "sockmap" => MapType::Sockmap,
            "sockhash" => MapType::Sockhash,
            "queue" => MapType::Queue,
            "stack" => MapType::Stack,
            "ringbuf" => MapType::Ringbuf,
            "stack_trace" => MapType::StackTrace,
            "cgroup_array" => MapType::CgroupArray,
            "lpm_trie" => MapType::LpmTrie,
            "devmap" => MapType::DevMap,
            "cpumap" => MapType::CpuMap,
            "xskmap" => MapType::XskMap,
            "reuseport_sockarray" => MapType::ReuseportSockarray,
            "devmap_hash" => MapType::DevMapHash,
            "bloom_filter" => MapType::BloomFilter,
            "cgroup_storage" => MapType::CgroupStorage,
            "percpu_cgroup_storage" => MapType::PercpuCgroupStorage,
            "sk_storage" => MapType::SkStorage,
            "inode_storage" => MapType::InodeStorage,
            "task_storage" => MapType::TaskStorage,
            "user_ringbuf" => MapType::UserRingbuf,
            "cgrp_storage" => MapType::CgrpStorage,
            "arena" => MapType::Arena,
            _ => return None,
        })
    }
    /// Every modelled map type.
    pub const ALL: [MapType; 32] = [
        MapType::ReuseportSockarray,
        MapType::Hash,
        MapType::Array,
        MapType::ProgArray,
        MapType::PerfEventArray,
        MapType::PercpuHash,
        MapType::PercpuArray,
        MapType::LruHash,
        MapType::LruPercpuHash,
        MapType::ArrayOfMaps,
        MapType::HashOfMaps,
        MapType::Sockmap,
        MapType::Sockhash,
        MapType::Queue,
        MapType::Stack,
        MapType::Ringbuf,
        MapType::StackTrace,
        MapType::CgroupArray,
        MapType::LpmTrie,
        MapType::DevMap,
        MapType::CpuMap,
        MapType::XskMap,
        MapType::DevMapHash,
        MapType::BloomFilter,
        MapType::CgroupStorage,
        MapType::PercpuCgroupStorage,
        MapType::SkStorage,
        MapType::InodeStorage,
        MapType::TaskStorage,
        MapType::UserRingbuf,
        MapType::CgrpStorage,
        MapType::Arena,
    ];

    /// `enum bpf_map_type`'s number (messages, objects).
    pub fn number(self) -> u32 {
        match self {
            MapType::Hash => 1,
            MapType::Array => 2,
            MapType::ProgArray => 3,
            MapType::PerfEventArray => 4,
            MapType::PercpuHash => 5,
            MapType::PercpuArray => 6,
            MapType::LruHash => 9,
            MapType::LruPercpuHash => 10,
            MapType::ArrayOfMaps => 12,
            MapType::HashOfMaps => 13,
            MapType::Sockmap => 15,
            MapType::Sockhash => 18,
            MapType::Queue => 22,
            MapType::Stack => 23,
            MapType::Ringbuf => 27,
            MapType::StackTrace => 7,
            MapType::CgroupArray => 8,
            MapType::LpmTrie => 11,
            MapType::DevMap => 14,
            MapType::CpuMap => 16,
            MapType::XskMap => 17,
            MapType::ReuseportSockarray => 20,
            MapType::DevMapHash => 25,
            MapType::BloomFilter => 30,
            MapType::CgroupStorage => 19,
            MapType::PercpuCgroupStorage => 21,
            MapType::SkStorage => 24,
            MapType::InodeStorage => 28,
            MapType::TaskStorage => 29,
            MapType::UserRingbuf => 31,
            MapType::CgrpStorage => 32,
            MapType::Arena => 33,
        }
    }

    pub fn from_number(n: u32) -> Option<Self> {
        MapType::ALL.into_iter().find(|t| t.number() == n)
    }

    pub fn name(self) -> &'static str {
        match self {
            MapType::Hash => "hash",
            MapType::Array => "array",
            MapType::ProgArray => "prog_array",
            MapType::PerfEventArray => "perf_event_array",
            MapType::PercpuHash => "percpu_hash",
            MapType::PercpuArray => "percpu_array",
            MapType::LruHash => "lru_hash",
            MapType::LruPercpuHash => "lru_percpu_hash",
            MapType::ArrayOfMaps => "array_of_maps",
            MapType::HashOfMaps => "hash_of_maps",
            MapType::Sockmap => "sockmap",
            MapType::Sockhash => "sockhash",
            MapType::Queue => "queue",
            MapType::Stack => "stack",
            MapType::Ringbuf => "ringbuf",
            MapType::StackTrace => "stack_trace",
            MapType::CgroupArray => "cgroup_array",
            MapType::LpmTrie => "lpm_trie",
            MapType::DevMap => "devmap",
            MapType::CpuMap => "cpumap",
            MapType::XskMap => "xskmap",
            MapType::ReuseportSockarray => "reuseport_sockarray",
            MapType::DevMapHash => "devmap_hash",
            MapType::BloomFilter => "bloom_filter",
            MapType::CgroupStorage => "cgroup_storage",
            MapType::PercpuCgroupStorage => "percpu_cgroup_storage",
            MapType::SkStorage => "sk_storage",
            MapType::InodeStorage => "inode_storage",
            MapType::TaskStorage => "task_storage",
            MapType::UserRingbuf => "user_ringbuf",
            MapType::CgrpStorage => "cgrp_storage",
            MapType::Arena => "arena",
        }
    }
}

/// A map value's lock, timer and workqueue offsets as one kernel's
/// `btf_parse_fields()` finds them (`spin_lock_off`, `timer_off`,
/// `wq_off` of its `btf_record`; none when the record is an error).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecialFields {
    pub lock_off: Option<u32>,
    pub timer_off: Option<u32>,
    pub wq_off: Option<u32>,
    /// Locks, timers and workqueues found before the last of their kind
    /// (in nested structs, each with its own duplicate check): not the
    /// map's, but fields of its record, which no load or helper may touch.
    pub earlier: Vec<(u32, crate::btf_record::FieldType)>,
}

/// A map the program references (`.map` directive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapDef {
    pub name: String,
    /// The map's type ([`MapType::Array`] standing in for an
    /// [`Self::unknown_type`]).
    pub map_type: MapType,
    /// An object's map type number no modelled kernel's `enum
    /// bpf_map_type` holds (0, or past 6.12's arena: a newer kernel's, or
    /// a user-space runtime's own, as bpftime's GPU maps): `map_create()`
    /// refuses it (EINVAL), so libbpf fails the whole object.
    pub unknown_type: Option<u32>,
    pub key_size: u32,
    pub value_size: u32,
    pub max_entries: u32,
    /// Offset of a `struct bpf_timer` in the value, if any.
    pub timer_off: Option<u32>,
    /// Offset of a `struct bpf_wq` in the value, if any (6.10+; to 6.1 a
    /// struct like any other).
    pub wq_off: Option<u32>,
    /// Offset of a `struct bpf_spin_lock` in the value, if any.
    pub lock_off: Option<u32>,
    /// Where Linux 6.12 finds the value's lock, timer and workqueue, when
    /// a value type of the object's BTF says (`lock_off` and the others
    /// are then 6.1's, of the value's own members): the mode of
    /// `Rules::nested_special_fields` takes these in their place.
    pub fields_612: Option<SpecialFields>,
    /// 6.12's record fields besides the map's lock, timer and workqueue
    /// ([`SpecialFields::earlier`]), in place after [`MapDef::for_mode`].
    pub earlier_fields: Vec<(u32, crate::btf_record::FieldType)>,
    /// Why 6.1 found no lock (or timer) in a value of the object's BTF:
    /// the errno `btf_find_spin_lock()` (`btf_find_timer()`) left in
    /// place of the offset — ENOENT none, E2BIG more than one, EINVAL
    /// misaligned or no struct; 0 when not looked for.
    pub lock_absent: i32,
    pub timer_absent: i32,
    /// Created with BTF key or value types (an object's `__type(key, T)` /
    /// `__type(value, T)`, global data): libbpf retries a refused creation
    /// without them and says so first ([`crate::map_create::libbpf_line`]).
    pub btf_typed: bool,
    /// The kernel refuses the map's BTF types (`map_create()`,
    /// `map_check_btf()`), and why: a key type without a value type, an
    /// array's key that is not a 32-bit integer (EINVAL), a special field
    /// the map type may not hold ([`MapDef::for_mode`]). libbpf warns
    /// ("Retrying without BTF") and creates it without them: no special
    /// fields ([`crate::map_create::first_warning`]).
    pub btf_retry: Option<crate::map_create::CreateError>,
    /// `map_flags` the program's access depends on (`BPF_F_RDONLY_PROG`,
    /// `BPF_F_WRONLY_PROG`); from compiled objects only.
    pub flags: u32,
    /// The value's initial bytes (global data: `.rodata`, `.data`); past
    /// them, up to `value_size`, the value is zero (so a `.bss` of any size
    /// costs nothing).
    pub data: Vec<u8>,
    /// Frozen by the loader (libbpf freezes `.rodata`): with
    /// `BPF_F_RDONLY_PROG`, the verifier reads its bytes as constants.
    pub frozen: bool,
    /// array_of_maps / hash_of_maps: the inner map template
    /// (`inner_map_meta`), as an index in the program's maps. A lookup's
    /// non-NULL result is a pointer to a map like it.
    pub inner: Option<u32>,
    /// This map is an object's inner map template only (`inner_map_meta`,
    /// which the kernel copies without a name: 6.12's log prints no `map=`).
    pub inner_meta: bool,
    /// libbpf's `.kconfig` map: the externs it holds, whose values depend
    /// on the kernel (filled in per mode: [`crate::kconfig`]).
    pub kconfig: Vec<crate::kconfig::KconfigExtern>,
    /// The name the kernel holds, where it is not `name`: libbpf's name of
    /// an internal map (`my_objec.rodata`), a name cut to 15 bytes. 6.12's
    /// log prints it (`map=...`).
    pub kernel_name: Option<String>,
    /// The value's kptr fields, as its BTF declares them.
    pub kptrs: Vec<crate::btf::KptrField>,
    /// The value's graph fields (6.2+: `bpf_list_head`, `bpf_rb_root`,
    /// their nodes, `bpf_refcount`) from its `btf_record`, their types in
    /// the program's BTF.
    pub graph: Vec<crate::btf_record::Field>,
    /// `map_extra`: an arena's user address (0: where `mmap` puts it), a
    /// bloom filter's hash count.
    pub map_extra: u64,
}

/// What a kptr field holds, as a kernel reads its tag (`enum
/// btf_field_type`'s `BPF_KPTR_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KptrKind {
    /// `BPF_KPTR_UNREF`: any pointer of the type may be stored; loads are
    /// untrusted.
    Unref,
    /// `BPF_KPTR_REF`: only `bpf_kptr_xchg` moves a reference in or out.
    Ref,
    /// `BPF_KPTR_PERCPU` (6.12).
    Percpu,
}

impl KptrKind {
    /// The kind a kernel gives a tag: 6.1 has `kptr` (unreferenced) and
    /// `kptr_ref`; 6.12 has `kptr_untrusted`, `kptr` (referenced) and
    /// `percpu_kptr`. Any other tag is no kptr to that kernel.
    pub fn of_tag(tag: &str, v612: bool) -> Option<KptrKind> {
        Some(match (tag, v612) {
            ("kptr", false) | ("kptr_untrusted", true) => KptrKind::Unref,
            ("kptr_ref", false) | ("kptr", true) => KptrKind::Ref,
            ("percpu_kptr", true) => KptrKind::Percpu,
            _ => return None,
        })
    }
}

impl MapDef {
    /// The map as libbpf creates it without BTF types (its types refused,
    /// or the object's BTF refused): no value type, so none of the special
    /// fields the kernel finds in it.
    pub fn drop_btf_types(&mut self) {
        self.btf_typed = false;
        self.timer_off = None;
        self.wq_off = None;
        self.lock_off = None;
        self.fields_612 = None;
        self.kptrs.clear();
        self.graph.clear();
    }
    /// The value's special fields as the mode's kernel finds them
    /// (`fields_612` in place under `Rules::nested_special_fields`). The
    /// graph fields are 6.2's: before, a list head or an rbtree root is
    /// bytes like any others.
    pub fn for_mode(&mut self, nested_special_fields: bool) {
        if let Some(f) = self.fields_612.take() {
            if nested_special_fields {
                self.lock_off = f.lock_off;
                self.timer_off = f.timer_off;
                self.wq_off = f.wq_off;
                self.earlier_fields = f.earlier;
            }
        }
        if !nested_special_fields {
            self.graph.clear();
        }
        // map_check_btf() refused the value's BTF: libbpf created the map
        // again without it, and it has no special fields
        if let Some(e) = self.special_fields_refused(nested_special_fields) {
            self.drop_btf_types();
            self.btf_retry.get_or_insert(e);
        }
    }

    /// `map_check_btf()`'s refusal of the value's special fields by map
    /// type and flags (the same lists in 6.1 and 6.12 for the lock and the
    /// timer): a spin lock only in a hash, an array or a local storage, a
    /// timer (6.12: a workqueue too) only in a hash, an LRU hash or an
    /// array, kernel pointers in 6.1's four types or 6.12's ten, list heads
    /// and rbtree roots as timers; none in a map read-only to programs
    /// (6.1: kernel pointers, and 6.12: every field, write-only neither).
    /// The errno is the first check's that fails, in the kernel's order:
    /// 6.1 looks at the lock (EACCES, then ENOTSUPP), the timer (EACCES,
    /// EOPNOTSUPP), the kernel pointers (EACCES, EOPNOTSUPP); 6.12 at the
    /// flags for any field (EACCES), then each field (EOPNOTSUPP).
    fn special_fields_refused(&self, v612: bool) -> Option<crate::map_create::CreateError> {
        use crate::map_create::CreateError::{Access, NotSupp, OpNotSupported};
        use MapType as T;
        let t = self.map_type;
        let lock = self.lock_off.is_some();
        let timer = self.timer_off.is_some() || self.wq_off.is_some();
        let kptrs = !self.kptrs.is_empty();
        let graph = !self.graph.is_empty();
        let lock_ok = matches!(
            t,
            T::Hash
                | T::Array
                | T::CgroupStorage
                | T::SkStorage
                | T::InodeStorage
                | T::TaskStorage
                | T::CgrpStorage
        );
        let timer_ok = matches!(t, T::Hash | T::LruHash | T::Array);
        let kptr_ok = if v612 {
            matches!(
                t,
                T::Hash
                    | T::PercpuHash
                    | T::LruHash
                    | T::LruPercpuHash
                    | T::Array
                    | T::PercpuArray
                    | T::SkStorage
                    | T::InodeStorage
                    | T::TaskStorage
                    | T::CgrpStorage
            )
        } else {
            matches!(t, T::Hash | T::LruHash | T::Array | T::PercpuArray)
        };
        let (rdonly, rw_only) = (
            self.flags & BPF_F_RDONLY_PROG != 0,
            self.flags & (BPF_F_RDONLY_PROG | BPF_F_WRONLY_PROG) != 0,
        );
        if v612 {
            let any = lock || timer || kptrs || graph;
            if any && rw_only {
                return Some(Access);
            }
            let wrong = (lock && !lock_ok)
                || (timer && !timer_ok)
                || (kptrs && !kptr_ok)
                || (graph && !timer_ok);
            return wrong.then_some(OpNotSupported);
        }
        if lock && rdonly {
            return Some(Access);
        }
        if lock && !lock_ok {
            return Some(NotSupp);
        }
        if timer && rdonly {
            return Some(Access);
        }
        if timer && !timer_ok {
            return Some(OpNotSupported);
        }
        if kptrs && rw_only {
            return Some(Access);
        }
        (kptrs && !kptr_ok).then_some(OpNotSupported)
    }

    /// The map's flags as the kernel keeps them: `dev_map_init_map()` adds
    /// `BPF_F_RDONLY_PROG` to a devmap's ("lookup returns a pointer straight
    /// to dev->ifindex"), so a program may not write it, nor update,
    /// delete, push or pop.
    pub fn prog_flags(&self) -> u32 {
        match self.map_type {
            MapType::DevMap | MapType::DevMapHash => self.flags | BPF_F_RDONLY_PROG,
            _ => self.flags,
        }
    }

    /// Whether [`MapDef::for_mode`] changes anything.
    pub fn differs_by_mode(&self) -> bool {
        self.fields_612.is_some()
            || !self.graph.is_empty()
            || self.lock_off.is_some()
            || self.timer_off.is_some()
            || !self.kptrs.is_empty()
    }
    /// An arena's user range in bytes (`max_entries` pages): what libbpf
    /// maps and what a value load's offset may reach.
    pub fn arena_bytes(&self) -> u64 {
        self.max_entries as u64 * 4096
    }

    /// The kptr fields a kernel finds in the value: 6.1 only among the
    /// value's own members, 6.12 also in nested structs and arrays.
    ///
    /// Too many special fields and the kernel keeps none (6.1: more than
    /// `BPF_MAP_VALUE_OFF_MAX`, 8 kptrs; 6.12: more than `BTF_FIELDS_MAX`,
    /// 11 fields with the lock and timer): the map is created, but the
    /// value's record is an error.
    pub fn kptr_fields(
        &self,
        v612: bool,
    ) -> impl Iterator<Item = (KptrKind, &crate::btf::KptrField)> + '_ {
        let fields = self
            .kptrs
            .iter()
            .filter(move |f| v612 || !f.nested)
            .filter_map(move |f| KptrKind::of_tag(&f.tag, v612).map(|k| (k, f)));
        let too_many = self.kptrs_over_max(v612);
        fields.filter(move |_| !too_many)
    }

    /// More kptr fields than the kernel records (see [`Self::kptr_fields`]).
    pub fn kptrs_over_max(&self, v612: bool) -> bool {
        let n = self
            .kptrs
            .iter()
            .filter(|f| (v612 || !f.nested) && KptrKind::of_tag(&f.tag, v612).is_some())
            .count();
        if v612 {
            n + usize::from(self.lock_off.is_some())
                + usize::from(self.timer_off.is_some())
                + usize::from(self.wq_off.is_some())
                > 11
        } else {
            n > 8
        }
    }

    /// A map as `bpf_map_create` takes it: no special fields, flags or
    /// initial bytes, not a map of maps.
    pub fn new(
        name: impl Into<String>,
        map_type: MapType,
        key_size: u32,
        value_size: u32,
        max_entries: u32,
    ) -> MapDef {
        MapDef {
            name: name.into(),
            map_type,
            key_size,
            value_size,
            max_entries,
            timer_off: None,
            wq_off: None,
            lock_off: None,
            fields_612: None,
            earlier_fields: Vec::new(),
            lock_absent: 0,
            timer_absent: 0,
            kptrs: Vec::new(),
            graph: Vec::new(),
            map_extra: 0,
            btf_typed: false,
            btf_retry: None,
            flags: 0,
            data: Vec::new(),
            frozen: false,
            inner: None,
            inner_meta: false,
            kconfig: Vec::new(),
            kernel_name: None,
            unknown_type: None,
        }
    }
    /// The name as the kernel's log prints it: the kernel keeps 15 bytes
    /// of a map's name (`BPF_OBJ_NAME_LEN`, with its NUL), whether an
    /// object or the text format names the map.
    pub fn kernel_name(&self) -> &str {
        if let Some(n) = &self.kernel_name {
            return n;
        }
        let mut end = self.name.len().min(15);
        while !self.name.is_char_boundary(end) {
            end -= 1;
        }
        &self.name[..end]
    }
}

pub const BPF_F_RDONLY_PROG: u32 = 1 << 7;
pub const BPF_F_WRONLY_PROG: u32 = 1 << 8;

/// Where an instruction came from in the program text (1-based line).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct SrcLoc {
    pub line: u32,
    pub col: u32,
}

/// The libbpf whose loader reads an object. The two differ where an
/// object's outcome does: 1.1 (Debian bookworm's libbpf-dev, 1.1.2, the
/// oracle's loader) knows fewer sections (no `tcx/`, `netkit/`,
/// `uprobe.multi`, `struct_ops.s`, `netfilter`, `cgroup/*_unix`, ...),
/// has no `.struct_ops.link`, no arena, no exception callbacks and no
/// `arg:ctx` rewrite, loads a struct_ops program nothing refers to as it
/// is, refuses a struct_ops member the kernel lacks, and leaves an
/// unresolved weak kfunc's call as `imm` 0. 1.4 (1.4.6, bookworm-backports',
/// kernel-diff's loader) does all of those.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Libbpf {
    #[default]
    V1_1,
    V1_4,
}

impl Libbpf {
    /// `1.1` (or `1.1.2`), `1.4` (or `1.4.6`).
    pub fn parse(s: &str) -> Option<Libbpf> {
        match s.trim() {
            "1.1" | "1.1.2" => Some(Libbpf::V1_1),
            "1.4" | "1.4.6" => Some(Libbpf::V1_4),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Libbpf::V1_1 => "1.1",
            Libbpf::V1_4 => "1.4",
        }
    }

    /// libbpf 1.3+ (1.4 here): `.struct_ops.link`, arenas, exception
    /// callbacks, `arg:ctx`, the struct_ops checks of 1.4's
    /// `bpf_map__init_kern_struct_ops`, poisoned weak kfunc calls.
    pub fn is_1_4(self) -> bool {
        self == Libbpf::V1_4
    }
}

/// A struct_ops member filled by a program, as libbpf readies its map
/// (`bpf_map__init_kern_struct_ops()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructOpsSlot {
    /// `STRUCT/member`; `STRUCT/` for a map no program fills.
    pub slot: String,
    /// The map: the object's variable.
    pub map: String,
    /// The program, and its section (libbpf's messages name both).
    pub prog: String,
    pub section: String,
}

/// A program ready for the verifier.
///
/// Encoding conventions (the kernel's, after libbpf):
/// - `r1 = MAP ll`: `ld_imm64` with `src = BPF_PSEUDO_MAP_FD` and `imm` = index into `maps`.
/// - `r2 = LABEL ll`: `ld_imm64` with `src = BPF_PSEUDO_FUNC` and `imm` = target - (pc + 1).
/// - `call LABEL`: `src = BPF_PSEUDO_CALL`, `imm` = target - (pc + 1).
/// - kfunc call: `src = BPF_PSEUDO_KFUNC_CALL`, `imm` = the kfunc's BTF id (see `kfuncs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    pub insns: Vec<Insn>,
    /// Map loads of an object with no relocation (`BPF_LD_MAP_FD(r1, 0)`
    /// written as raw bytes): libbpf leaves them alone, so the kernel reads
    /// their immediate as a file descriptor of the loader, never a map.
    pub raw_map_fds: Vec<usize>,
    pub prog_type: ProgType,
    /// The `.license` string; GPL-only helpers need a GPL-compatible one.
    pub license: String,
    pub maps: Vec<MapDef>,
    /// Source location of each instruction slot (both slots of an `ld_imm64`
    /// share one); empty when the program did not come from text.
    pub locs: Vec<SrcLoc>,
    /// Labels by instruction index, for display.
    pub labels: Vec<(String, usize)>,
    /// BTF line info of a compiled object: (first instruction, source
    /// line), sorted; the log prints a line when the record changes
    /// (`verbose_linfo`). Empty for programs from text.
    pub line_info: Vec<LineInfo>,
    /// BTF func info of a compiled object's functions, for the kernel's
    /// check of a call's arguments against the callee's prototype.
    pub func_btf: Vec<FuncBtf>,
    /// `expected_attach_type`, where the rules depend on it: libbpf's
    /// `cgroup_skb/egress` (may return 0 to 3) and the `cgroup/connect4`
    /// family. None is attach type 0 (a cgroup_skb program's ingress).
    pub expected_attach_type: Option<AttachType>,
    /// CO-RE relocations still to apply: libbpf applies them against the
    /// running kernel's BTF before loading ([`Program::relocated`]). The
    /// verifier refuses a program that still has some.
    pub core_relos: Vec<crate::relo_core::Site>,
    /// The object's BTF, whose types `core_relos` and `ksyms` name.
    pub obj_btf: Option<std::sync::Arc<crate::btf::Btf>>,
    /// Typed `__ksym` externs still to resolve: libbpf finds each in the
    /// running kernel's BTF ([`Program::relocated`]): a variable's
    /// `ld_imm64` loads its BTF id (`BPF_PSEUDO_BTF_ID`; until then 0), a
    /// kfunc call takes the kernel FUNC's id (until then the id of the
    /// 6.1 kernel veristep's kfunc table holds).
    pub ksyms: Vec<KsymSite>,
    /// Every `__ksym` extern of the object the program came from, by name
    /// (`insn` unused): libbpf resolves them all before loading any
    /// program, so one the kernel lacks fails this program too.
    pub object_ksyms: Vec<KsymSite>,
    /// What the applied relocations did, for the listing.
    pub core_applied: Vec<crate::relo_core::Applied>,
    /// Calls of weak kfunc externs the kernel's BTF lacks, which libbpf
    /// poisoned (`poison_kfunc_call`): the instruction and the kfunc.
    pub poisoned_kfuncs: Vec<(usize, String)>,
    /// Kernel functions the program calls that veristep does not model
    /// (instruction, name): refused once libbpf would have found them
    /// (`Program::relocated`), so a kernel lacking one gets libbpf's error.
    pub unmodelled_kfuncs: Vec<(usize, String)>,
    /// An object's program in a section libbpf has no `SEC_DEF` for: it
    /// never reaches the kernel (`Program::relocated` fails it with
    /// libbpf's "missing BPF prog type" after the maps are created); its
    /// program type is a placeholder.
    pub missing_prog_type: Option<String>,
    /// The kernel refused the object's BTF (`btf_check_meta`/`btf_func_check`):
    /// libbpf warns first (`BTF loading error: -22`) and loads without it,
    /// or, for an object with struct_ops, fails (BTF is mandatory).
    pub btf_refused: bool,
    /// An object loaded without func_info (built without BTF, or its BTF
    /// refused): the kernel then refuses a callback's address (`missing
    /// btf func_info`). Text is compiled with it; a program built from raw
    /// instructions is taken to have it.
    pub no_func_info: bool,
    /// Linux 6.2+ refuses the object's BTF where 6.1 takes it
    /// (`btf_parse_struct_metas()`: a struct with a lock, graph or refcount
    /// member, or a kptr, whose fields cannot be parsed); under such a
    /// kernel's BTF, [`Program::relocated`] loads it as [`Self::btf_refused`].
    /// The errno is the one 6.2+ refuses it with (ENOENT, E2BIG, ELOOP,
    /// EFAULT...), which libbpf's warning prints.
    pub btf_metas_refused: Option<i32>,
    /// A `SEC("struct_ops")` program no struct_ops map of its object
    /// refers to: libbpf refuses it when it loads it, after the maps are
    /// created ("isn't referenced anywhere").
    pub struct_ops_unreferenced: bool,
    /// The libbpf that loads the program (an object's; text programs
    /// have none to speak of and keep the default).
    pub libbpf: Libbpf,
    /// An extension program (`SEC("freplace/NAME")`, `BPF_PROG_TYPE_EXT`):
    /// it replaces a function of another loaded program, whose fd its
    /// loader gives with `bpf_program__set_attach_target()`. veristep has
    /// no such program to verify it against, so it goes as far as libbpf
    /// goes without one: [`Program::relocated`] fails it with libbpf's
    /// refusal after the maps are created. The section; its program type
    /// is a placeholder.
    pub freplace: Option<String>,
    /// A BTF-typed program whose section names no target (`SEC("fentry")`,
    /// set at run time by its loader): libbpf refuses it when it loads it,
    /// after the maps are created.
    pub no_attach_target: bool,
    /// The target a BTF-typed program names in its section
    /// (`fentry/do_nanosleep`, `tp_btf/sched_switch`, `lsm/file_open`),
    /// found in the kernel's BTF by [`Program::relocated`].
    pub attach_to: Option<String>,
    /// A struct_ops program from an object: the `.struct_ops` variable
    /// (libbpf's map) whose member it is, named in libbpf's messages.
    pub struct_ops_map: Option<String>,
    /// Every struct_ops member of the object set to a program (`STRUCT/
    /// member`, the variable), and `STRUCT/` for a struct_ops map no
    /// program fills: libbpf readies all its struct_ops maps before it
    /// loads any program, so one the kernel cannot take fails every
    /// program of the object.
    pub object_struct_ops: Vec<StructOpsSlot>,
    /// The object's struct_ops maps of `.struct_ops.link`, created with
    /// `BPF_F_LINK`, which a kernel before 6.4 refuses (EINVAL): every
    /// program of the object then fails.
    pub struct_ops_link_maps: Vec<String>,
    /// What the text parser read otherwise than it is written (a constant
    /// wider than its field, kept as LLVM's assembler keeps it): said to
    /// the reader, never a reason to refuse the text.
    pub warnings: Vec<crate::asm::Diagnostic>,
    /// That target, resolved in the kernel's BTF.
    pub attach_btf: Option<crate::btf_access::AttachBtf>,
    /// The kernel's BTF, for programs that walk kernel pointers.
    pub kernel_btf: Option<std::sync::Arc<crate::relo_core::KernelBtf>>,
    /// `BPF_F_SLEEPABLE` (libbpf's `.s` sections: `lsm.s/`, `iter.s/`,
    /// `uprobe.s/`, `fentry.s/`, ...).
    pub sleepable: bool,
    /// `prog_flags` beyond what the section implies ([`ProgFlags`]): the
    /// kernel's test and alignment flags a loader sets with
    /// `bpf_program__set_flags()` (`BPF_F_SLEEPABLE` is [`Self::sleepable`]).
    pub prog_flags: ProgFlags,
    /// The main function's exception callback (`__exception_cb(name)`, a
    /// BTF decl tag the kernel reads since 6.7).
    pub exception_cb: ExceptionCb,
}

/// `BPF_PROG_LOAD`'s `prog_flags` (`include/uapi/linux/bpf.h`) that
/// change what the verifier does, or whether the load starts at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProgFlags(pub u32);

impl ProgFlags {
    /// Every access aligned as if `NET_IP_ALIGN` were 2, as on machines
    /// without efficient unaligned access (`env->strict_alignment`).
    pub const STRICT_ALIGNMENT: u32 = 1 << 0;
    /// No alignment checked but the stack's (wins over the above).
    pub const ANY_ALIGNMENT: u32 = 1 << 1;
    /// Rewrites 32-bit results' upper halves with random bits after the
    /// walk: nothing the verifier prints changes.
    pub const TEST_RND_HI32: u32 = 1 << 2;
    /// A checkpoint at every prune point (`env->test_state_freq`).
    pub const TEST_STATE_FREQ: u32 = 1 << 3;
    pub const SLEEPABLE: u32 = 1 << 4;
    /// XDP programs that handle multi-buffer packets: nothing the
    /// verifier checks.
    pub const XDP_HAS_FRAGS: u32 = 1 << 5;
    pub const XDP_DEV_BOUND_ONLY: u32 = 1 << 6;
    /// Linux 6.6+: contradictory register bounds fail the load with
    /// EFAULT instead of being forgotten (`env->test_reg_invariants`).
    pub const TEST_REG_INVARIANTS: u32 = 1 << 7;
    pub const TOKEN_FD: u32 = 1 << 16;
    /// The flags that come with a file descriptor or a device, which
    /// neither text nor the CLI can give.
    pub const NEEDS_DESCRIPTOR: u32 = Self::TOKEN_FD | Self::XDP_DEV_BOUND_ONLY;
    pub const NEEDS_DESCRIPTOR_WHY: &'static str =
        "BPF_F_TOKEN_FD and BPF_F_XDP_DEV_BOUND_ONLY need a file descriptor or a device: not modelled";

    /// The names the text format's `.prog_flags` takes (with or without
    /// `BPF_F_`), as `include/uapi/linux/bpf.h` spells them.
    pub const NAMES: [(&'static str, u32); 9] = [
        ("STRICT_ALIGNMENT", Self::STRICT_ALIGNMENT),
        ("ANY_ALIGNMENT", Self::ANY_ALIGNMENT),
        ("TEST_RND_HI32", Self::TEST_RND_HI32),
        ("TEST_STATE_FREQ", Self::TEST_STATE_FREQ),
        ("SLEEPABLE", Self::SLEEPABLE),
        ("XDP_HAS_FRAGS", Self::XDP_HAS_FRAGS),
        ("XDP_DEV_BOUND_ONLY", Self::XDP_DEV_BOUND_ONLY),
        ("TEST_REG_INVARIANTS", Self::TEST_REG_INVARIANTS),
        ("TOKEN_FD", Self::TOKEN_FD),
    ];

    pub fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }

    /// One flag: its uapi name (with or without `BPF_F_`, any case) or
    /// a number.
    pub fn parse_one(word: &str) -> Option<u32> {
        let up = word.trim().to_ascii_uppercase();
        let bare = up.strip_prefix("BPF_F_").unwrap_or(&up);
        if let Some((_, b)) = Self::NAMES.iter().find(|(n, _)| *n == bare) {
            return Some(*b);
        }
        match up.strip_prefix("0X") {
            Some(h) => u32::from_str_radix(h, 16).ok(),
            None => up.parse().ok(),
        }
    }

    /// `A|B|...` (see [`Self::parse_one`]); a word that is no flag is named.
    pub fn parse(text: &str) -> Result<u32, String> {
        text.split('|').try_fold(0, |acc, w| {
            Self::parse_one(w)
                .map(|b| acc | b)
                .ok_or_else(|| format!("unknown program flag '{}'", w.trim()))
        })
    }

    /// `env->strict_alignment` on x86 (`CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS`).
    pub fn strict_alignment(self) -> bool {
        self.has(Self::STRICT_ALIGNMENT) && !self.has(Self::ANY_ALIGNMENT)
    }

    /// `BPF_F_A|BPF_F_B` as the uapi names them; `0` for none.
    pub fn names(self) -> String {
        let mut v: Vec<String> = Self::NAMES
            .iter()
            .filter(|(_, b)| self.has(*b))
            .map(|(n, _)| format!("BPF_F_{n}"))
            .collect();
        let known = Self::NAMES.iter().fold(0, |a, (_, b)| a | b);
        if self.0 & !known != 0 {
            v.push(format!("{:#x}", self.0 & !known));
        }
        if v.is_empty() {
            "0".to_string()
        } else {
            v.join("|")
        }
    }
}

/// The exception callback an object's BTF names for its main function
/// (`bpf_find_exception_callback_insn_off()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExceptionCb {
    #[default]
    None,
    /// The callback, global, starts at this instruction.
    At(usize),
    /// Two `exception_callback:` tags on the main function.
    MultipleTags,
    /// A tag naming a function the program does not hold (libbpf 1.1
    /// appends no exception callback): not in the program's func info.
    NotInFuncInfo,
}

/// A typed `__ksym` extern's `ld_imm64` (`extern const struct rq
/// runqueues __ksym;`), as libbpf 1.1 collects it
/// (`bpf_object__collect_externs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KsymSite {
    /// The `ld_imm64`'s first slot.
    pub insn: usize,
    pub name: String,
    /// The variable's type in the object's BTF, past modifiers and typedefs.
    pub local_type: u32,
    /// `__weak`: a kernel without it loads 0 instead of failing.
    pub weak: bool,
    /// A kfunc (`extern int f(...) __ksym;`): `insn` is its call, whose
    /// `imm` becomes the kernel FUNC's BTF id, or an `ld_imm64` of its
    /// address (`bpf_ksym_exists()`); `local_type` is its FUNC_PROTO.
    /// Otherwise a variable's `ld_imm64`.
    pub func: bool,
    /// Its index in libbpf's sorted list of the object's externs: libbpf
    /// 1.4 poisons an unresolved weak kfunc's call with
    /// `POISON_CALL_KFUNC_BASE` plus it.
    pub ext_idx: u32,
}

impl KsymSite {
    /// `extern const void X __ksym;`: a variable of no type, which libbpf
    /// resolves from `/proc/kallsyms`, not the kernel's BTF.
    pub fn untyped_var(&self) -> bool {
        !self.func && self.local_type == 0
    }
}

/// One BTF line info record (`struct bpf_line_info`) of a compiled object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineInfo {
    /// The first instruction the record covers.
    pub insn: usize,
    /// The source line's text.
    pub line: String,
    /// The source file's name as clang recorded it; 6.12's log prints its
    /// last path component and `line_num` after the line.
    pub file: String,
    pub line_num: u32,
}

/// A function's BTF: where it starts, its name and FUNC type id, and what
/// its parameters are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuncBtf {
    pub start: usize,
    pub name: String,
    pub btf_id: u32,
    pub params: Vec<Param>,
    /// `BTF_FUNC_GLOBAL`: a global subprogram is verified on its own, for
    /// any arguments its prototype allows, and its callers skip it.
    pub global: bool,
    /// The prototype returns an int or an enum (`btf_type_is_small_int()`,
    /// `btf_is_any_enum()`): only such a subprogram may hold LD_ABS or a
    /// tail call, which can end the program with its own return value.
    pub ret_scalar: bool,
    /// Each parameter's `arg:` decl tags (`__arg_ctx`, `__arg_nonnull`,
    /// ...; 6.8+, `ARG_TAG_*`), which 6.1 does not read.
    pub arg_tags: Vec<u8>,
    /// Each pointer parameter's pointee, as `btf_validate_prog_ctx_type`
    /// reads it for `__arg_ctx`.
    pub pointees: Vec<Option<Pointee>>,
}

/// What a parameter points to: the first typedef's name on the way (kept
/// for `bpf_user_pt_regs_t`), then past every modifier its kind, name and
/// (an int's) size. Kind 0 is void.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Pointee {
    pub typedef: Option<String>,
    pub kind: u32,
    pub name: String,
    pub size: u32,
}

/// `ARG_TAG_*` of a global function's parameter (`btf_prepare_func_args`).
pub const ARG_TAG_CTX: u8 = 1;
pub const ARG_TAG_TRUSTED: u8 = 2;
pub const ARG_TAG_NONNULL: u8 = 4;
pub const ARG_TAG_NULLABLE: u8 = 8;
pub const ARG_TAG_ARENA: u8 = 16;
/// A tag the kernel does not know (`arg#N has unsupported set of tags`).
pub const ARG_TAG_UNKNOWN: u8 = 128;

/// A parameter as `btf_check_func_arg_match()` sorts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// int, enum
    Scalar,
    /// a pointer to the program type's context struct
    Ctx,
    /// any other pointer, to `size` bytes; `unsized_pointee` names a
    /// pointee whose size BTF cannot give (`UNKNOWN ` for void, `FWD
    /// name`), as `btf_prepare_func_args()` prints it
    Ptr {
        unsized_pointee: Option<String>,
        size: u32,
    },
    /// neither (a struct by value, ...): `Unrecognized arg#N type KIND`
    Other(&'static str),
    /// 6.12's `__arg_trusted`: a trusted pointer to the kernel struct the
    /// parameter's pointee names (`ARG_PTR_TO_BTF_ID | PTR_TRUSTED`), NULL
    /// allowed with `__arg_nullable`.
    Trusted { target: String, nullable: bool },
    /// 6.12: a pointer to `struct bpf_dynptr` (`btf_is_dynptr_ptr()`),
    /// an initialized dynptr the callee may not change
    /// (`ARG_PTR_TO_DYNPTR | MEM_RDONLY`).
    Dynptr,
    /// 6.12's `__arg_arena` (`ARG_PTR_TO_ARENA`): an arena pointer or any
    /// number from the caller; the callee sees an unknown scalar.
    Arena,
}

impl Program {
    pub fn new(insns: Vec<Insn>) -> Self {
        Program {
            raw_map_fds: Vec::new(),
            insns,
            prog_type: ProgType::SchedCls,
            license: "GPL".to_string(),
            maps: Vec::new(),
            locs: Vec::new(),
            labels: Vec::new(),
            line_info: Vec::new(),
            func_btf: Vec::new(),
            expected_attach_type: None,
            core_relos: Vec::new(),
            obj_btf: None,
            ksyms: Vec::new(),
            object_ksyms: Vec::new(),
            core_applied: Vec::new(),
            poisoned_kfuncs: Vec::new(),
            unmodelled_kfuncs: Vec::new(),
            missing_prog_type: None,
            freplace: None,
            struct_ops_unreferenced: false,
            libbpf: Libbpf::default(),
            btf_refused: false,
            no_func_info: false,
            btf_metas_refused: None,
            no_attach_target: false,
            attach_to: None,
            struct_ops_map: None,
            object_struct_ops: Vec::new(),
            struct_ops_link_maps: Vec::new(),
            warnings: Vec::new(),
            attach_btf: None,
            kernel_btf: None,
            sleepable: false,
            prog_flags: ProgFlags::default(),
            exception_cb: ExceptionCb::None,
        }
    }
    /// Adds `bpf_program__set_flags()`'s bits: `BPF_F_SLEEPABLE` is
    /// [`Self::sleepable`], the rest [`Self::prog_flags`].
    pub fn add_prog_flags(&mut self, bits: u32) {
        self.sleepable |= bits & ProgFlags::SLEEPABLE != 0;
        self.prog_flags.0 |= bits & !ProgFlags::SLEEPABLE;
    }
    /// The program cannot be verified at all without a kernel's BTF:
    /// CO-RE relocations, a BTF-typed attach target.
    pub fn requires_kernel_btf(&self) -> bool {
        (!self.core_relos.is_empty()
            || !self.ksyms.is_empty()
            || !self.unmodelled_kfuncs.is_empty()
            || self.missing_prog_type.is_some()
            || self.freplace.is_some()
            || self.struct_ops_unreferenced
            || self.no_attach_target
            || !self.object_struct_ops.is_empty()
            || !self.object_ksyms.is_empty()
            || self.attach_to.is_some())
            && self.kernel_btf.is_none()
    }

    /// A text program's first call (or function address) of its own
    /// entry: (instruction, whether a call). libbpf loads the text as the
    /// oracle compiles it (the entry a function of its program's section,
    /// subprograms in `.text`), and a relocation against a function outside
    /// `.text` is refused when the object is opened
    /// (`bpf_program__record_reloc()`), so such a program never reaches
    /// the kernel. Relocations are read `.text` first, then the entry's
    /// section. Objects are refused by the ELF reader instead.
    pub fn refers_to_entry(&self) -> Option<(usize, bool)> {
        if self.locs.is_empty() {
            return None;
        }
        let refers = |i: usize| self.insns[i].subprog_target(i) == Some(0);
        // the common case, cheaply: nothing refers to the entry
        if !(0..self.insns.len()).any(refers) {
            return None;
        }
        let first_sub = self.subprogram_starts().into_iter().find(|&s| s > 0);
        let (subs, entry) = match first_sub {
            Some(f) => (f..self.insns.len(), 0..f),
            None => (0..0, 0..self.insns.len()),
        };
        subs.chain(entry)
            .find(|&i| refers(i))
            .map(|i| (i, self.insns[i].is_pseudo_call()))
    }

    /// Where the text's functions start: the entry and every target of a
    /// call or function address, in order.
    fn subprogram_starts(&self) -> Vec<usize> {
        let mut starts: Vec<usize> = std::iter::once(0)
            .chain(self.insns.iter().enumerate().filter_map(|(i, x)| {
                x.subprog_target(i)
                    .and_then(|t| usize::try_from(t).ok())
                    .filter(|&t| t < self.insns.len())
            }))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// `maps` (the program's, or the program's as a kernel checks them) in
    /// the order libbpf creates them: an object's in its `.maps` order; a
    /// text program's as the oracle's C lays them out. Its maps are
    /// tentative definitions, which clang places where the code first
    /// takes one's address (the functions' asm operands, in instruction
    /// order) and the rest after them, in the order they are declared.
    pub fn in_creation_order<'a>(&self, maps: &'a [MapDef]) -> std::borrow::Cow<'a, [MapDef]> {
        if self.locs.is_empty() || maps.len() < 2 {
            return std::borrow::Cow::Borrowed(maps);
        }
        let mut order: Vec<usize> = Vec::with_capacity(maps.len());
        let mut seen = vec![false; maps.len()];
        use crate::insn::{BPF_PSEUDO_MAP_FD as FD, BPF_PSEUDO_MAP_VALUE as VALUE};
        let referenced = self.insns.iter().filter_map(|x| {
            (x.is_ld_imm64() && (x.src == FD || x.src == VALUE))
                .then(|| usize::try_from(x.imm).ok())
                .flatten()
        });
        for m in referenced.chain(0..maps.len()) {
            if m < maps.len() && !seen[m] {
                seen[m] = true;
                order.push(m);
            }
        }
        if order.iter().enumerate().all(|(i, &m)| i == m) {
            return std::borrow::Cow::Borrowed(maps);
        }
        std::borrow::Cow::Owned(order.into_iter().map(|m| maps[m].clone()).collect())
    }

    /// libbpf's refusal of a text program that no kernel's BTF can change,
    /// in libbpf's order: a call or address of its own entry when it opens
    /// the object ([`Self::refers_to_entry`]), then a map the kernel cannot
    /// create (unless kernel functions, resolved before the maps are
    /// created, come first). `name` is the program's file. None for
    /// objects, whose externs and BTF come first.
    pub fn text_load_error(&self, name: &str) -> Option<String> {
        if self.locs.is_empty() {
            return None;
        }
        self.entry_relo_line(name).or_else(|| {
            if self.calls_kfunc_by_name() {
                return None;
            }
            // BTF the kernel refused is libbpf's first line, before the
            // maps (bpf_object__sanitize_and_load_btf())
            crate::map_create::first_failure(&self.in_creation_order(&self.maps))
                .map(|line| self.btf_refused_line().unwrap_or(line))
        })
    }

    /// libbpf's line for [`Self::refers_to_entry`], naming the functions
    /// as the oracle's C does: the entry after the file (`name`'s stem),
    /// a subprogram after its first label (`sub_N` without one), each made
    /// a C identifier that no map, helper or earlier function has taken.
    fn entry_relo_line(&self, name: &str) -> Option<String> {
        let (insn, is_call) = self.refers_to_entry()?;
        let starts = self.subprogram_starts();
        let mut taken: std::collections::HashSet<String> =
            self.maps.iter().map(|m| m.name.clone()).collect();
        taken.extend(crate::helper_ids::helper_names());
        taken.extend(
            [
                "bpf_kfunc_call_test_acquire",
                "bpf_kfunc_call_test_release",
                "bpf_kfunc_call_test_kptr_get",
            ]
            .map(String::from),
        );
        let mut names = vec![String::new()];
        for &s in &starts[1..] {
            let label = self
                .labels
                .iter()
                .find(|(l, at)| *at == s && !l.bytes().all(|b| b.is_ascii_digit()))
                .map_or_else(|| format!("sub_{s}"), |(l, _)| l.clone());
            let n = c_identifier(&label, &taken);
            taken.insert(n.clone());
            names.push(n);
        }
        let stem = std::path::Path::new(name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(name);
        let entry = c_identifier(stem, &taken);
        names[0] = entry.clone();
        let func = starts.iter().rposition(|&s| s <= insn).unwrap_or(0);
        let section = text_section(self.prog_type, self.expected_attach_type);
        Some(format!(
            "prog '{}': bad {} relo against '{entry}' in section '{section}'",
            names[func],
            if is_call { "call" } else { "map" },
        ))
    }

    /// The program should be given a kernel's BTF (front ends attach it
    /// with [`Program::relocated`]): what [`Program::requires_kernel_btf`]
    /// says, and kernel pointers (a helper returning one, a map's own
    /// fields, an inner map found in a map of maps), which without it are
    /// refused as not modelled; and a map the kernel refuses to create,
    /// which [`Program::relocated`] reports as libbpf does.
    pub fn needs_kernel_btf(&self) -> bool {
        (!self.core_relos.is_empty()
            || self.refers_to_entry().is_some()
            || !self.ksyms.is_empty()
            || !self.unmodelled_kfuncs.is_empty()
            || self.missing_prog_type.is_some()
            || self.freplace.is_some()
            || self.struct_ops_unreferenced
            || self.btf_refused
            // the kernel's BTF says whether it refuses the object's
            || self.btf_metas_refused.is_some()
            || self.no_attach_target
            || !self.object_struct_ops.is_empty()
            || !self.struct_ops_link_maps.is_empty()
            || !self.object_ksyms.is_empty()
            || self.attach_to.is_some()
            || self.reads_map_ptr()
            || self.maps.iter().any(|m| m.inner.is_some())
            || crate::map_create::first_failure(&self.maps).is_some()
            || self.calls_btf_helper()
            || self.reads_kernel_config()
            || self.calls_kfunc_by_name()
            // a map value holds kernel pointers
            || self.maps.iter().any(|m| !m.kptrs.is_empty())
            // a map type not every modelled kernel has (its BTF says)
            || self
                .maps
                .iter()
                .any(|m| matches!(m.map_type, MapType::CgrpStorage | MapType::Arena))
            // its context holds kernel pointers
            || self.prog_type == ProgType::Netfilter)
            && self.kernel_btf.is_none()
    }

    /// Does a program of the text format call a kernel function? Its
    /// name is looked up in the kernel's BTF as libbpf looks up an object's
    /// kfunc extern ([`Program::relocated`]): Linux 6.12's vmlinux has no
    /// test kfuncs, so such a program does not load there.
    pub fn calls_kfunc_by_name(&self) -> bool {
        self.obj_btf.is_none() && self.insns.iter().any(|i| i.is_kfunc_call())
    }

    /// Does the program have `CONFIG_*` externs, whose values come with the
    /// kernel's BTF?
    pub fn reads_kernel_config(&self) -> bool {
        self.maps
            .iter()
            .any(|m| m.kconfig.iter().any(|e| e.name.starts_with("CONFIG_")))
    }

    /// Does the program call a helper returning a kernel struct pointer
    /// (`bpf_skc_to_tcp_sock`, `bpf_get_current_task_btf`, ...)?
    pub fn calls_btf_helper(&self) -> bool {
        self.insns.iter().any(|i| {
            i.code == 0x85 && i.src == 0 && matches!(i.imm, 136..=140 | 158 | 162 | 175 | 178 | 196)
        })
    }

    /// Does the program read a map's own fields through its pointer
    /// (`r1 = map ll` then `*(u32 *)(r1 +36)`, a `struct bpf_map` walk in
    /// the kernel's BTF)? Where map pointers may be, over every path.
    pub fn reads_map_ptr(&self) -> bool {
        use crate::insn::*;
        let n = self.insns.len();
        // which registers may hold a map pointer before each instruction:
        // a forward dataflow over every path (joins take the union), so a
        // map loaded on one branch and read through after the join counts
        let mut state: Vec<Option<u16>> = vec![None; n];
        let mut work: Vec<usize> = Vec::new();
        let flow = |state: &mut Vec<Option<u16>>, work: &mut Vec<usize>, at: i64, s: u16| {
            let Some(at) = usize::try_from(at).ok().filter(|&a| a < n) else {
                return;
            };
            let old = state[at];
            let new = old.unwrap_or(0) | s;
            if old != Some(new) {
                state[at] = Some(new);
                work.push(at);
            }
        };
        flow(&mut state, &mut work, 0, 0);
        // a callback's R1 may be the map (bpf_for_each_map_elem's,
        // bpf_timer_set_callback's): its body starts holding it
        for (i, ins) in self.insns.iter().enumerate() {
            if ins.is_pseudo_func() {
                flow(&mut state, &mut work, i as i64 + ins.imm as i64 + 1, 1 << 1);
            }
        }
        let bit = |r: u8| 1u16 << (r & 0x0f);
        while let Some(i) = work.pop() {
            let Some(holds) = state[i] else { continue };
            let ins = self.insns[i];
            let (class, dst, src) = (ins.code & 0x07, ins.dst & 0x0f, ins.src & 0x0f);
            let next = i as i64 + 1;
            if ins.is_ld_imm64() {
                let out = if ins.src == BPF_PSEUDO_MAP_FD {
                    holds | bit(dst)
                } else {
                    holds & !bit(dst)
                };
                flow(&mut state, &mut work, next + 1, out);
                continue;
            }
            match class {
                BPF_LDX if holds & bit(src) != 0 => return true,
                BPF_ST | BPF_STX if holds & bit(dst) != 0 => return true,
                // spilled: it may be filled and read through (`r2 = *(u64
                // *)(r10 - 8); r0 = *(u64 *)(r2 + 8)`), which this scan
                // does not follow
                BPF_STX if holds & bit(src) != 0 => return true,
                BPF_LDX => flow(&mut state, &mut work, next, holds & !bit(dst)),
                BPF_ALU | BPF_ALU64 => {
                    let mov = ins.code & 0xf0 == BPF_MOV && ins.code & BPF_X != 0;
                    let out = if mov && holds & bit(src) != 0 {
                        holds | bit(dst)
                    } else {
                        holds & !bit(dst)
                    };
                    flow(&mut state, &mut work, next, out);
                }
                BPF_JMP | BPF_JMP32 if ins.is_exit() => {}
                BPF_JMP if ins.is_call() => {
                    // a bpf-to-bpf call hands R1-R5 to its callee; any
                    // call clobbers R0-R5
                    if ins.is_pseudo_call() {
                        flow(&mut state, &mut work, next + ins.imm as i64, holds & 0x3e);
                    }
                    flow(&mut state, &mut work, next, holds & !0x3f);
                }
                BPF_JMP | BPF_JMP32 => {
                    let target = next + ins.jmp_off();
                    flow(&mut state, &mut work, target, holds);
                    if ins.code & 0xf0 != BPF_JA {
                        flow(&mut state, &mut work, next, holds);
                    }
                }
                _ => flow(&mut state, &mut work, next, holds),
            }
        }
        false
    }
    /// The program as libbpf loads it into a kernel whose BTF is `kernel`:
    /// its CO-RE relocations applied (`bpf_object__relocate_core`). A
    /// program without any is returned as it is. Err is libbpf's failure
    /// (the object does not load).
    pub fn relocated(
        &self,
        name: &str,
        kernel: &std::sync::Arc<crate::relo_core::KernelBtf>,
    ) -> Result<Program, crate::relo_core::ReloError> {
        // bpf_object__open(): relocations are recorded before anything
        // else happens
        if let Some(line) = self.entry_relo_line(name) {
            return Err(crate::relo_core::ReloError(line));
        }
        // a kernel that parses the BTF's struct metas refuses it: libbpf
        // goes on without it (no map value types, func or line info)
        if self.btf_metas_refused.is_some()
            && !self.btf_refused
            && kernel
                .btf
                .find(crate::btf::KIND_STRUCT, "btf_struct_metas")
                .is_some()
        {
            let mut without = self.clone();
            without.btf_refused = true;
            without.no_func_info = true;
            without.func_btf.clear();
            without.line_info.clear();
            without.maps.iter_mut().for_each(MapDef::drop_btf_types);
            return without.relocated(name, kernel);
        }
        // the maps as this kernel checks their BTF: a special field it
        // refuses makes libbpf warn and retry without BTF, the first line
        // of an object that then fails
        let maps_here: std::borrow::Cow<[MapDef]> = if self.maps.iter().any(MapDef::differs_by_mode)
        {
            let nested = kernel_nests_special_fields(&kernel.btf);
            std::borrow::Cow::Owned(
                self.maps
                    .iter()
                    .map(|m| {
                        let mut m = m.clone();
                        m.for_mode(nested);
                        m
                    })
                    .collect(),
            )
        } else {
            std::borrow::Cow::Borrowed(&self.maps)
        };
        // bpf_object__create_maps(): every map before any program, after
        // the externs are resolved
        let create_maps = || -> Result<(), crate::relo_core::ReloError> {
            if let Some(line) =
                crate::map_create::first_failure(&self.in_creation_order(&maps_here))
            {
                return Err(crate::relo_core::ReloError(line));
            }
            // map_create(): a type the kernel does not know (its own `enum
            // bpf_map_type` lacks it: cgrp_storage before 6.2) is EINVAL
            if let Some(m) = self
                .maps
                .iter()
                .find(|m| !kernel_knows_map_type(&kernel.btf, m.map_type))
            {
                return Err(crate::relo_core::ReloError(crate::map_create::libbpf_line(
                    m,
                    crate::map_create::CreateError::Invalid,
                )));
            }
            // the struct_ops maps come last (bpf_object_init_struct_ops());
            // bpf_struct_ops_map_alloc_check() of a kernel without struct_ops
            // links takes no map flags. libbpf retries a map without BTF
            // only for a key or value type, which a struct_ops map has not
            if let Some(m) = self.struct_ops_link_maps.first() {
                if !kernel_has_struct_ops_links(&kernel.btf) {
                    let line =
                        crate::map_create::failed_line(m, crate::map_create::CreateError::Invalid);
                    return Err(crate::relo_core::ReloError(
                        crate::map_create::first_warning(&self.maps).unwrap_or(line),
                    ));
                }
            }
            Ok(())
        };
        let mut p = self.clone();
        if !self.needs_kernel_btf() {
            create_maps()?;
            return Ok(p);
        }
        p.kernel_btf = Some(kernel.clone());
        // bpf_object__resolve_externs() comes before any relocation
        for m in p.maps.iter_mut() {
            let config = kernel.config.as_ref();
            crate::kconfig::fill_config(&m.kconfig, config, &mut m.data)
                .map_err(crate::relo_core::ReloError)?;
        }
        let kallsyms_read = crate::relo_core::needs_kallsyms(&self.object_ksyms);
        if !self.object_ksyms.is_empty() {
            let Some(local) = self.obj_btf.as_deref() else {
                return Err(crate::relo_core::ReloError(
                    "__ksym externs without the object's BTF".into(),
                ));
            };
            // bpf_object__resolve_externs(): each of the object's, by name,
            // whichever program uses it (its sites are this program's own,
            // below)
            crate::relo_core::untyped_ksym_ambiguity(&self.object_ksyms, kernel)?;
            for k in &self.object_ksyms {
                let mut scratch = [crate::insn::Insn::default(); 2];
                crate::relo_core::resolve_ksym(
                    &mut scratch,
                    k,
                    local,
                    kernel,
                    self.libbpf,
                    kallsyms_read,
                )?;
            }
            crate::relo_core::untyped_ksym_failure(&self.object_ksyms, kernel)?;
        }
        if !self.ksyms.is_empty() {
            let Some(local) = self.obj_btf.as_deref() else {
                return Err(crate::relo_core::ReloError(
                    "__ksym externs without the object's BTF".into(),
                ));
            };
            for k in &self.ksyms {
                if !crate::relo_core::resolve_ksym(
                    &mut p.insns,
                    k,
                    local,
                    kernel,
                    self.libbpf,
                    kallsyms_read,
                )? {
                    p.poisoned_kfuncs.push((k.insn, k.name.clone()));
                }
            }
            p.ksyms.clear();
        }
        // bpf_object__init_kern_struct_ops_maps(): every map of the
        // object, in order
        // a program in several members must be one kernel struct's one
        // member: (program, kernel struct id, member index) where first met
        let mut first: Vec<(&str, u32, u32)> = Vec::new();
        for s in &self.object_struct_ops {
            let a = match crate::btf_access::resolve_attach(
                kernel,
                AttachType::StructOps,
                &s.slot,
                Some(&s.map),
            ) {
                Ok(a) => a,
                Err(e) => {
                    // `STRUCT/`, a map no program fills: its struct only
                    let struct_only = s.slot.ends_with('/');
                    // (libbpf 1.1) a member no program fills: it must be
                    // the kernel's, of any type
                    let data_member = s.prog.is_empty() && e.ends_with("is not a func ptr");
                    if e.starts_with("struct_ops init_kern: struct ")
                        || (!struct_only && !data_member && e.starts_with("struct_ops "))
                    {
                        return Err(crate::relo_core::ReloError(e));
                    }
                    continue;
                }
            };
            if s.prog.is_empty() {
                continue;
            }
            let (kid, kidx) = (a.func_id, a.struct_ops.map_or(0, |(_, i)| i));
            let Some(&(_, id, idx)) = first.iter().find(|(p, ..)| *p == s.prog) else {
                first.push((&s.prog, kid, kidx));
                continue;
            };
            // BPF_PROG_TYPE_STRUCT_OPS is 27
            let head = format!(
                "struct_ops init_kern {} func ptr {}: invalid reuse of prog {} in sec {} with type 27",
                s.map,
                s.slot.split_once('/').map_or("", |(_, m)| m),
                s.prog,
                s.section
            );
            if id != kid {
                return Err(crate::relo_core::ReloError(format!(
                    "{head}: attach_btf_id {id} != kern_type_id {kid}"
                )));
            }
            if idx != kidx {
                return Err(crate::relo_core::ReloError(format!(
                    "{head}: expected_attach_type {idx} != kern_member_idx {kidx}"
                )));
            }
        }
        // every extern found: a kernel function veristep does not model
        // refuses this program alone
        if let Some((insn, kf)) = self.unmodelled_kfuncs.first() {
            return Err(crate::relo_core::ReloError(format!(
                "program '{name}', instruction {insn}: kernel function '{kf}' is not modelled"
            )));
        }
        if self.calls_kfunc_by_name() {
            // the text names the kfunc; its call carries 6.1's id, or a
            // placeholder for another modelled kernel function
            let name_of = |imm: i32| match crate::kfuncs::by_btf_id(imm) {
                Some(k) => Some(k.name),
                None => crate::kfuncs::by_text_id(imm).map(|k| k.name),
            };
            // libbpf resolves the externs sorted by name (cmp_externs()),
            // so the one it names is the first missing in that order
            let mut names: Vec<&'static str> = p
                .insns
                .iter()
                .filter(|i| i.is_kfunc_call())
                .filter_map(|i| name_of(i.imm))
                .collect();
            names.sort_unstable();
            names.dedup();
            let mut ids = Vec::with_capacity(names.len());
            for name in names {
                let Some(id) = kernel.btf.find(crate::btf::KIND_FUNC, name) else {
                    return Err(crate::relo_core::ReloError(format!(
                        "extern (func ksym) '{name}': not found in kernel or module BTFs"
                    )));
                };
                ids.push((name, id));
            }
            for insn in p.insns.iter_mut().filter(|i| i.is_kfunc_call()) {
                let id = name_of(insn.imm)
                    .and_then(|name| ids.binary_search_by_key(&name, |&(n, _)| n).ok());
                if let Some(at) = id {
                    insn.imm = ids[at].1 as i32;
                }
            }
        }
        let resolve = |p: &mut Program| -> Result<(), crate::relo_core::ReloError> {
            if let (Some(target), Some(at)) = (&self.attach_to, self.expected_attach_type) {
                p.attach_btf = Some(
                    crate::btf_access::resolve_attach(
                        kernel,
                        at,
                        target,
                        self.struct_ops_map.as_deref(),
                    )
                    .map_err(|e| {
                        // libbpf names the struct_ops map, not the program
                        crate::relo_core::ReloError(if e.starts_with("struct_ops ") {
                            e
                        } else {
                            format!("prog '{name}': {e}")
                        })
                    })?,
                );
            }
            Ok(())
        };
        // bpf_object__init_kern_struct_ops_maps() comes right after the
        // externs; any other attach target is looked up when the program
        // is loaded, after the maps are created
        let struct_ops = self.prog_type == ProgType::StructOps;
        if struct_ops {
            resolve(&mut p)?;
        }
        // bpf_object__sanitize_and_load_btf(), before any map is created:
        // BTF the kernel refused is libbpf's first line, and the end of an
        // object with struct_ops (BTF is mandatory there)
        let btf_line = self.btf_refused_line();
        if let Some(line) = btf_line
            .clone()
            .filter(|_| struct_ops || !self.object_struct_ops.is_empty())
        {
            return Err(crate::relo_core::ReloError(line));
        }
        create_maps().map_err(|e| btf_line.clone().map_or(e, crate::relo_core::ReloError))?;
        // a map libbpf created without its refused BTF types warned first:
        // an object failing from here on shows that line first
        let warned = |e: crate::relo_core::ReloError| {
            crate::relo_core::ReloError(
                btf_line
                    .clone()
                    .or_else(|| {
                        crate::map_create::first_warning(&self.in_creation_order(&maps_here))
                    })
                    .unwrap_or(e.0),
            )
        };
        // bpf_object_load_prog(): the first thing it checks
        if let Some(section) = &self.missing_prog_type {
            return Err(warned(crate::relo_core::ReloError(format!(
                "prog '{name}': missing BPF prog type, check ELF section name '{section}'"
            ))));
        }
        if self.struct_ops_unreferenced {
            return Err(warned(crate::relo_core::ReloError(format!(
                "prog '{name}': SEC(\"struct_ops\") program isn't referenced anywhere, did you forget to use it?"
            ))));
        }
        // libbpf_prepare_prog_load(): `freplace` alone names no target;
        // `freplace/NAME` looks for NAME in the target program's BTF
        // (libbpf_find_attach_btf_id()), which needs that program's fd
        if let Some(section) = &self.freplace {
            return Err(warned(crate::relo_core::ReloError(
                if section.contains('/') {
                    format!("prog '{name}': attach program FD is not set")
                } else {
                    Program::no_attach_target_line(name)
                },
            )));
        }
        if self.no_attach_target {
            return Err(warned(crate::relo_core::ReloError(
                Program::no_attach_target_line(name),
            )));
        }
        if !struct_ops {
            resolve(&mut p).map_err(warned)?;
        }
        if self.core_relos.is_empty() {
            return Ok(p);
        }
        let Some(local) = self.obj_btf.as_deref() else {
            return Err(crate::relo_core::ReloError(
                "CO-RE relocations without the object's BTF".into(),
            ));
        };
        let (insns, applied) =
            crate::relo_core::relocate(name, &p.insns, local, &self.core_relos, kernel)?;
        p.insns = insns;
        p.core_relos.clear();
        p.core_applied = applied;
        Ok(p)
    }
    /// A BTF-typed program (fentry, fexit, fmod_ret, tp_btf, lsm, iter),
    /// whose attach target a loader may set. A struct_ops program's
    /// `attach_to` is its struct and member, which its map decides.
    pub fn btf_typed(&self) -> bool {
        (self.attach_to.is_some() || self.no_attach_target) && self.prog_type != ProgType::StructOps
    }
    /// libbpf's `bpf_program__set_attach_target()`: the function, hook or
    /// tracepoint the program attaches to, found in the kernel's BTF when
    /// [`Program::relocated`] runs. Err for a program that is not BTF-typed.
    pub fn set_attach_target(&mut self, target: &str) -> Result<(), String> {
        if !self.btf_typed() {
            return Err(
                "has no BTF attach target (it is not fentry, fexit, fmod_ret, tp_btf, lsm or iter)"
                    .to_string(),
            );
        }
        self.attach_to = Some(target.to_string());
        self.no_attach_target = false;
        Ok(())
    }
    /// libbpf's `bpf_map__set_max_entries()` on every map named `name`;
    /// false when there is none (a typo must not change nothing silently).
    pub fn set_map_entries(&mut self, name: &str, entries: u32) -> bool {
        let mut found = false;
        for m in self.maps.iter_mut().filter(|m| m.name == name) {
            m.max_entries = entries;
            found = true;
        }
        found
    }
    /// libbpf's first line when the kernel refused the object's BTF
    /// with `errno`: `btf_load_into_kernel()`'s warning.
    pub fn btf_load_error(errno: i32) -> String {
        format!("BTF loading error: -{errno}")
    }
    /// [`Program::btf_load_error`] when [`Program::btf_refused`]: EINVAL
    /// for 6.1's checks, 6.2+'s own errno for the struct metas
    /// ([`Program::btf_metas_refused`]).
    pub fn btf_refused_line(&self) -> Option<String> {
        self.btf_refused
            .then(|| Program::btf_load_error(self.btf_metas_refused.unwrap_or(crate::env::EINVAL)))
    }
    /// libbpf's refusal of program `name` when [`Program::no_attach_target`]
    /// (`libbpf_prepare_prog_load()`).
    pub fn no_attach_target_line(name: &str) -> String {
        format!(
            "prog '{name}': no BTF-based attach target is specified, use bpf_program__set_attach_target()"
        )
    }
    /// `license_is_gpl_compatible()` of the kernel.
    pub fn gpl_compatible(&self) -> bool {
        matches!(
            self.license.as_str(),
            "GPL"
                | "GPL v2"
                | "GPL and additional rights"
                | "Dual BSD/GPL"
                | "Dual MIT/GPL"
                | "Dual MPL/GPL"
        )
    }
    /// The instruction bytes, 8 per slot.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.insns.iter().flat_map(|i| i.to_bytes()).collect()
    }
}

/// Does the kernel of `btf` find special fields in nested structs and
/// arrays, with 6.12's `map_check_btf()` ([`MapDef::for_mode`])? Linux
/// 6.12 of the two modelled kernels; its BTF is the one with workqueues
/// (`struct bpf_wq`, 6.10).
fn kernel_nests_special_fields(btf: &crate::btf::Btf) -> bool {
    btf.find(crate::btf::KIND_STRUCT, "bpf_wq").is_some()
}

/// Linux 6.4+ links struct_ops maps: its BTF has the (anonymous) enum of
/// map flags with `BPF_F_LINK`.
fn kernel_has_struct_ops_links(btf: &crate::btf::Btf) -> bool {
    btf.types.iter().any(|t| {
        t.kind == crate::btf::KIND_ENUM
            && t.name.is_empty()
            && t.enums.iter().any(|(n, _)| n == "BPF_F_LINK")
    })
}

/// Is `t` one of the kernel's map types (an enumerator of the `enum
/// bpf_map_type` in its BTF)? A BTF without that enum knows them all.
pub fn kernel_knows_map_type(btf: &crate::btf::Btf, t: MapType) -> bool {
    let Some(e) = btf
        .find(crate::btf::KIND_ENUM, "bpf_map_type")
        .and_then(|id| btf.get(id).ok())
    else {
        return true;
    };
    let want = format!("BPF_MAP_TYPE_{}", t.name().to_ascii_uppercase());
    e.enums.iter().any(|(n, _)| *n == want)
}

/// The section the oracle's C puts a text program's entry in (its
/// `asm2c`'s table for the nine types of ASM.md; libbpf's own name for
/// the type otherwise).
fn text_section(t: ProgType, attach: Option<AttachType>) -> String {
    match t {
        ProgType::SocketFilter => "socket".into(),
        ProgType::SchedCls => "tc".into(),
        ProgType::SchedAct => "action".into(),
        ProgType::CgroupSkb => "cgroup/skb".into(),
        ProgType::SockOps => "sockops".into(),
        ProgType::CgroupSockAddr
        | ProgType::CgroupSock
        | ProgType::CgroupSockopt
        | ProgType::CgroupDevice
        | ProgType::CgroupSysctl => match attach {
            Some(a) => format!("cgroup/{}", a.name()),
            None => "cgroup/sock".into(),
        },
        other => other.name().into(),
    }
}

/// `name` as the oracle's `asm2c` makes it a C identifier: other
/// characters become `_`, a leading digit gets `f_`, and a name already
/// taken (or a C keyword) gets `_1`, `_2`, ...
fn c_identifier(name: &str, taken: &std::collections::HashSet<String>) -> String {
    const C_KEYWORDS: &[&str] = &[
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
        "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
        "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
        "union", "unsigned", "void", "volatile", "while", "asm", "main",
    ];
    let mut base: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if !base.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        base = format!("f_{base}");
    }
    let mut n = 1;
    let mut out = base.clone();
    while taken.contains(&out) || C_KEYWORDS.contains(&out.as_str()) {
        out = format!("{base}_{n}");
        n += 1;
    }
    out
}
