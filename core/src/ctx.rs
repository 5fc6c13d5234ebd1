//! Context access rules (`is_valid_access` of each program type in
//! `net/core/filter.c`, `kernel/trace/bpf_trace.c` and `kernel/bpf/*`):
//! which offsets and sizes of the context struct a program may read or
//! write, and what the load gives it. The offsets are the uapi structs'
//! (`__sk_buff`, `xdp_md`, `bpf_sock`, `bpf_sock_ops`, `sk_msg_md`, ...).

use crate::program::{AttachType, ProgType};
use crate::regs::RegType;

/// `enum bpf_access_type`
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Read,
    Write,
}

/// What a context field is.
pub(crate) enum CtxField {
    Scalar,
    Ptr(RegType),
    /// A pointer that may be NULL (`__sk_buff->sk`: sock_common_or_null).
    PtrOrNull(RegType),
    /// A trusted pointer to this kernel struct (`PTR_TO_BTF_ID |
    /// PTR_TRUSTED`: netfilter's hook state and packet).
    Kernel(&'static str),
}

/// `bpf_sock_is_valid_access()` (and `bpf_sock_common_is_valid_access()`,
/// which refuses `type` to `priority`): which reads of `struct bpf_sock`
/// a program may make.
pub(crate) fn sock_access_ok(ty: RegType, off: i32, size: u32) -> bool {
    // offsets in struct bpf_sock
    const FAMILY: i32 = 4;
    const TYPE: i32 = 8;
    const PROTOCOL: i32 = 12;
    const PRIORITY_END: i32 = 24;
    const SRC_IP4: i32 = 24;
    const SRC_IP6_END: i32 = 44;
    const SRC_PORT: i32 = 44;
    const DST_PORT: i32 = 48;
    const DST_PORT_END: i32 = 50;
    const DST_IP4: i32 = 52;
    const DST_IP6_END: i32 = 72;
    const STATE: i32 = 72;
    const RX_QUEUE_MAPPING: i32 = 76;
    const SIZE: i32 = 80;
    if ty == RegType::SockCommon && (TYPE..PRIORITY_END).contains(&off) {
        return false;
    }
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 {
        return false;
    }
    let narrow_ok = |field: u32| size <= field && size.is_power_of_two();
    match off {
        STATE | FAMILY | TYPE | PROTOCOL | SRC_PORT | RX_QUEUE_MAPPING => narrow_ok(4),
        o if (SRC_IP4..SRC_IP6_END).contains(&o) || (DST_IP4..DST_IP6_END).contains(&o) => {
            narrow_ok(4)
        }
        o if (DST_PORT..DST_PORT_END).contains(&o) => narrow_ok(if size == 4 { 4 } else { 2 }),
        o if (DST_PORT_END..DST_IP4).contains(&o) => false,
        _ => size == 4,
    }
}

/// Offsets in `struct __sk_buff` (uapi, 192 bytes).
mod skb {
    pub const MARK: i32 = 8;
    pub const QUEUE_MAPPING: i32 = 12;
    pub const PRIORITY: i32 = 32;
    pub const TC_INDEX: i32 = 44;
    pub const CB: i32 = 48;
    pub const CB_END: i32 = 68;
    pub const TC_CLASSID: i32 = 72;
    pub const DATA: i32 = 76;
    pub const DATA_END: i32 = 80;
    pub const FAMILY: i32 = 88;
    pub const REMOTE_IP4: i32 = 92;
    pub const LOCAL_IP6_END: i32 = 132;
    pub const LOCAL_PORT_END: i32 = 140;
    pub const DATA_META: i32 = 140;
    pub const FLOW_KEYS: i32 = 144;
    pub const TSTAMP: i32 = 152;
    pub const WIRE_LEN: i32 = 160;
    pub const SK: i32 = 168;
    pub const TSTAMP_TYPE: i32 = 180;
    pub const HWTSTAMP: i32 = 184;
    pub const SIZE: i32 = 192;
}

/// `bpf_ctx_range(field)`: any byte of a field of `width` bytes at `at`.
fn in_field(off: i32, at: i32, width: i32) -> bool {
    (at..at + width).contains(&off)
}

/// The per-type checks of `net/core/filter.c` (`sk_filter_`, `cg_skb_`,
/// `tc_cls_act_is_valid_access`) and then `bpf_skb_is_valid_access()`.
fn skb_field(pt: ProgType, off: i32, size: u32, t: Access) -> Option<CtxField> {
    use skb::*;
    let write = t == Access::Write;
    let cb = (CB..CB_END).contains(&off);
    let sk_fields = (FAMILY..LOCAL_PORT_END).contains(&off);
    let mut ptr = None;
    match pt {
        ProgType::SocketFilter => {
            if in_field(off, TC_CLASSID, 4)
                || in_field(off, DATA, 4)
                || in_field(off, DATA_META, 4)
                || in_field(off, DATA_END, 4)
                || sk_fields
                || in_field(off, TSTAMP, 8)
                || in_field(off, WIRE_LEN, 4)
                || in_field(off, HWTSTAMP, 8)
            {
                return None;
            }
            if write && !cb {
                return None;
            }
        }
        // sk_skb_is_valid_access()
        ProgType::SkSkb => {
            if in_field(off, TC_CLASSID, 4)
                || in_field(off, DATA_META, 4)
                || in_field(off, TSTAMP, 8)
                || in_field(off, WIRE_LEN, 4)
                || in_field(off, HWTSTAMP, 8)
            {
                return None;
            }
            if write && !(in_field(off, TC_INDEX, 4) || in_field(off, PRIORITY, 4)) {
                return None;
            }
            if in_field(off, MARK, 4) {
                return None;
            }
            if in_field(off, DATA, 4) {
                ptr = Some(RegType::Packet);
            } else if in_field(off, DATA_END, 4) {
                ptr = Some(RegType::PacketEnd);
            }
        }
        // lwt_is_valid_access()
        ProgType::LwtIn | ProgType::LwtOut | ProgType::LwtXmit | ProgType::LwtSeg6local => {
            if in_field(off, TC_CLASSID, 4)
                || sk_fields
                || in_field(off, DATA_META, 4)
                || in_field(off, TSTAMP, 8)
                || in_field(off, WIRE_LEN, 4)
                || in_field(off, HWTSTAMP, 8)
            {
                return None;
            }
            if write && !(in_field(off, MARK, 4) || in_field(off, PRIORITY, 4) || cb) {
                return None;
            }
            if in_field(off, DATA, 4) {
                ptr = Some(RegType::Packet);
            } else if in_field(off, DATA_END, 4) {
                ptr = Some(RegType::PacketEnd);
            }
        }
        ProgType::CgroupSkb => {
            if in_field(off, TC_CLASSID, 4)
                || in_field(off, DATA_META, 4)
                || in_field(off, WIRE_LEN, 4)
            {
                return None;
            }
            let writable = in_field(off, MARK, 4)
                || in_field(off, PRIORITY, 4)
                || cb
                || in_field(off, TSTAMP, 8);
            if write && !writable {
                return None;
            }
            if in_field(off, DATA, 4) {
                ptr = Some(RegType::Packet);
            } else if in_field(off, DATA_END, 4) {
                ptr = Some(RegType::PacketEnd);
            }
        }
        _ => {
            // sched_cls, sched_act
            let writable = in_field(off, MARK, 4)
                || in_field(off, TC_INDEX, 4)
                || in_field(off, PRIORITY, 4)
                || in_field(off, TC_CLASSID, 4)
                || cb
                || in_field(off, TSTAMP, 8)
                || in_field(off, QUEUE_MAPPING, 4);
            if write && !writable {
                return None;
            }
            if in_field(off, DATA, 4) {
                ptr = Some(RegType::Packet);
            } else if in_field(off, DATA_META, 4) {
                ptr = Some(RegType::PacketMeta);
            } else if in_field(off, DATA_END, 4) {
                ptr = Some(RegType::PacketEnd);
            } else if sk_fields {
                return None;
            } else if off == TSTAMP_TYPE {
                return (size == 1).then_some(CtxField::Scalar);
            }
        }
    }
    // bpf_skb_is_valid_access()
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 {
        return None;
    }
    let narrow_ok = size <= 4 && size.is_power_of_two();
    if cb {
        if off + size as i32 > CB_END {
            return None;
        }
    } else if (REMOTE_IP4..LOCAL_IP6_END).contains(&off)
        || in_field(off, DATA, 4)
        || in_field(off, DATA_META, 4)
        || in_field(off, DATA_END, 4)
    {
        if size != 4 {
            return None;
        }
    } else if in_field(off, FLOW_KEYS, 8) {
        return None;
    } else if in_field(off, HWTSTAMP, 8) {
        if write || size != 8 {
            return None;
        }
    } else if in_field(off, TSTAMP, 8) {
        if size != 8 {
            return None;
        }
    } else if in_field(off, SK, 8) {
        if write || size != 8 {
            return None;
        }
        return Some(CtxField::PtrOrNull(RegType::SockCommon));
    } else if off == TSTAMP_TYPE || (TSTAMP_TYPE + 1..HWTSTAMP).contains(&off) {
        return None;
    } else if write {
        if size != 4 {
            return None;
        }
    } else if !narrow_ok {
        return None;
    }
    Some(match ptr {
        Some(p) => CtxField::Ptr(p),
        None => CtxField::Scalar,
    })
}

pub(crate) fn ctx_field(
    pt: ProgType,
    attach: Option<AttachType>,
    off: i32,
    size: u32,
    t: Access,
    v612: bool,
) -> Option<CtxField> {
    // tp_prog_is_valid_access() compares `off < sizeof(void *)` unsigned,
    // so a negative offset passes it: the one context that takes them
    if off < 0 && pt != ProgType::Tracepoint || off % size as i32 != 0 && size != 8 {
        return None;
    }
    match pt {
        ProgType::Xdp => {
            if t == Access::Write || size != 4 {
                return None;
            }
            // offsets in struct xdp_md
            const DATA: i32 = 0;
            const DATA_END: i32 = 4;
            const DATA_META: i32 = 8;
            const INGRESS_IFINDEX: i32 = 12;
            const RX_QUEUE_INDEX: i32 = 16;
            const EGRESS_IFINDEX: i32 = 20;
            match off {
                DATA => Some(CtxField::Ptr(RegType::Packet)),
                DATA_END => Some(CtxField::Ptr(RegType::PacketEnd)),
                DATA_META => Some(CtxField::Ptr(RegType::PacketMeta)),
                INGRESS_IFINDEX | RX_QUEUE_INDEX => Some(CtxField::Scalar),
                // xdp_is_valid_access(): egress_ifindex only for programs
                // a devmap runs
                EGRESS_IFINDEX if attach == Some(AttachType::XdpDevmap) => Some(CtxField::Scalar),
                _ => None,
            }
        }
        ProgType::SchedCls
        | ProgType::SchedAct
        | ProgType::SocketFilter
        | ProgType::CgroupSkb
        | ProgType::SkSkb
        | ProgType::LwtIn
        | ProgType::LwtOut
        | ProgType::LwtXmit
        | ProgType::LwtSeg6local => skb_field(pt, off, size, t),
        // kprobe_prog_is_valid_access(): any aligned read inside pt_regs
        ProgType::Kprobe => {
            const PT_REGS: i32 = 168;
            (t == Access::Read && off % size as i32 == 0 && off + size as i32 <= PT_REGS)
                .then_some(CtxField::Scalar)
        }
        // tp_prog_is_valid_access(): any aligned read of the record after
        // its 8-byte common header, below PERF_MAX_TRACE_SIZE; the header
        // check is an unsigned compare, so negative offsets pass it
        ProgType::Tracepoint => {
            const PERF_MAX_TRACE_SIZE: i32 = 8192;
            let past_header = !(0..8).contains(&off);
            (t == Access::Read
                && past_header
                && off < PERF_MAX_TRACE_SIZE
                && off % size as i32 == 0)
                .then_some(CtxField::Scalar)
        }
        // raw_tp_prog_is_valid_access() = bpf_tracing_ctx_access(): the
        // u64 arguments, MAX_BPF_FUNC_ARGS of them, any aligned read
        // raw_tp_writable_prog_is_valid_access(): args[0] is the buffer
        // btf_ctx_access(), with the kernel's BTF: see btf_access
        ProgType::Tracing | ProgType::Lsm | ProgType::StructOps => None,
        // never verified: the modelled kernels refuse the type at load
        ProgType::LircMode2 => None,
        // nf_is_valid_access(): struct bpf_nf_ctx's two pointers, read whole
        ProgType::Netfilter => {
            if t == Access::Write || off % size as i32 != 0 || size != 8 {
                return None;
            }
            match off {
                0 => Some(CtxField::Kernel("nf_hook_state")),
                8 => Some(CtxField::Kernel("sk_buff")),
                _ => None,
            }
        }
        ProgType::RawTracepointWritable if off == 0 => {
            (t == Access::Read && size == 8).then_some(CtxField::Ptr(RegType::TpBuffer))
        }
        ProgType::RawTracepoint | ProgType::RawTracepointWritable => {
            const ARGS_END: i32 = 8 * 12;
            (t == Access::Read && off < ARGS_END && off % size as i32 == 0)
                .then_some(CtxField::Scalar)
        }
        // pe_prog_is_valid_access(): struct bpf_perf_event_data is pt_regs
        // (whole longs only), then sample_period and addr (narrow reads ok)
        ProgType::PerfEvent => {
            // sample_period (168) and addr (176) may be read narrow
            const SAMPLE_PERIOD: i32 = 168;
            const SIZE: i32 = 184;
            if t != Access::Read || !(0..SIZE).contains(&off) || off % size as i32 != 0 {
                return None;
            }
            let ok = if (SAMPLE_PERIOD..SIZE).contains(&off) {
                size <= 8 && size.is_power_of_two()
            } else {
                size == 8
            };
            ok.then_some(CtxField::Scalar)
        }
        // sk_msg_is_valid_access(): read only, aligned; the pointers whole
        ProgType::SkMsg => {
            const DATA_END: i32 = 8;
            const FAMILY: i32 = 16;
            const SK: i32 = 72;
            const SIZE: i32 = 80;
            if t == Access::Write || off % size as i32 != 0 || !(0..SIZE).contains(&off) {
                return None;
            }
            match off {
                0..DATA_END => (size == 8).then_some(CtxField::Ptr(RegType::Packet)),
                DATA_END..FAMILY => (size == 8).then_some(CtxField::Ptr(RegType::PacketEnd)),
                SK.. => (size == 8).then_some(CtxField::Ptr(RegType::Socket)),
                _ => (size == 4).then_some(CtxField::Scalar),
            }
        }
        ProgType::SockOps => sock_ops_field(off, size, t, v612),
        ProgType::CgroupSockAddr => sock_addr_field(off, size, t, attach),
        // sock_filter_is_valid_access(): struct bpf_sock as sockets are
        // read, then __sock_filter_check_attach_type()
        ProgType::CgroupSock => {
            if !sock_access_ok(RegType::Socket, off, size) {
                return None;
            }
            sock_filter_attach_ok(off, t, attach).then_some(CtxField::Scalar)
        }
        ProgType::CgroupSockopt => sockopt_field(off, size, t, attach),
        ProgType::SkLookup => sk_lookup_field(off, size, t),
        ProgType::SkReuseport => sk_reuseport_field(off, size, t),
        // flow_dissector_is_valid_access(): read only; the packet and the
        // flow keys, nothing else
        ProgType::FlowDissector => {
            use skb::*;
            if !(0..SIZE).contains(&off) || off % size as i32 != 0 || t != Access::Read {
                return None;
            }
            if in_field(off, DATA, 4) {
                (size == 4).then_some(CtxField::Ptr(RegType::Packet))
            } else if in_field(off, DATA_END, 4) {
                (size == 4).then_some(CtxField::Ptr(RegType::PacketEnd))
            } else if in_field(off, FLOW_KEYS, 8) {
                (size == 8).then_some(CtxField::Ptr(RegType::FlowKeys))
            } else {
                None
            }
        }
        // cgroup_dev_is_valid_access(): struct bpf_cgroup_dev_ctx
        // (access_type, major, minor), read only; access_type may be read
        // narrow, the others only whole
        ProgType::CgroupDevice => {
            const MAJOR: i32 = 4;
            const SIZE: i32 = 12;
            if t == Access::Write || off < 0 || off + size as i32 > SIZE || off % size as i32 != 0 {
                return None;
            }
            let ok = if off < MAJOR {
                narrow_ok(size, 4)
            } else {
                size == 4
            };
            ok.then_some(CtxField::Scalar)
        }
        // sysctl_is_valid_access(): struct bpf_sysctl (write, file_pos);
        // `write` read only, `file_pos` read (narrow too) and written whole
        ProgType::CgroupSysctl => {
            const FILE_POS: i32 = 4;
            const SIZE: i32 = 8;
            if off < 0 || off + size as i32 > SIZE || off % size as i32 != 0 {
                return None;
            }
            let ok = match (off < FILE_POS, t) {
                (_, Access::Read) => narrow_ok(size, 4),
                (true, Access::Write) => false,
                (false, Access::Write) => size == 4,
            };
            ok.then_some(CtxField::Scalar)
        }
        // syscall_prog_is_valid_access(): its own argument buffer, read
        // and written, anywhere below U16_MAX
        ProgType::Syscall => {
            (off < u16::MAX as i32 && off % size as i32 == 0).then_some(CtxField::Scalar)
        }
    }
}

/// `cg_sockopt_is_valid_access()`: `struct bpf_sockopt`'s pointers read
/// whole (the socket, and the option value as a packet), `retval` for
/// getsockopt, `level` and `optname` written by setsockopt, `optlen` by
/// both.
fn sockopt_field(off: i32, size: u32, t: Access, attach: Option<AttachType>) -> Option<CtxField> {
    // offsets in struct bpf_sockopt
    const OPTVAL: i32 = 8;
    const OPTVAL_END: i32 = 16;
    const LEVEL: i32 = 24;
    const OPTNAME: i32 = 28;
    const OPTLEN: i32 = 32;
    const RETVAL: i32 = 36;
    const SIZE: i32 = 40;
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 {
        return None;
    }
    let get = attach == Some(AttachType::Getsockopt);
    let set = attach == Some(AttachType::Setsockopt);
    let ok = if t == Access::Write {
        match off {
            RETVAL => size == 4 && get,
            OPTNAME | LEVEL => size == 4 && set,
            OPTLEN => size == 4,
            _ => false,
        }
    } else {
        match off {
            0..OPTVAL => return (size == 8).then_some(CtxField::Ptr(RegType::Socket)),
            OPTVAL..OPTVAL_END => return (size == 8).then_some(CtxField::Ptr(RegType::Packet)),
            OPTVAL_END..LEVEL => {
                return (size == 8).then_some(CtxField::Ptr(RegType::PacketEnd));
            }
            RETVAL.. => size == 4 && get,
            _ => size == 4,
        }
    };
    ok.then_some(CtxField::Scalar)
}

/// `sk_reuseport_is_valid_access()`: read only; the packet pointers and
/// sockets whole, `hash` whole, the others narrow too (`eth_protocol` no
/// narrower than 2 bytes).
fn sk_reuseport_field(off: i32, size: u32, t: Access) -> Option<CtxField> {
    // offsets in struct sk_reuseport_md
    const DATA: i32 = 0;
    const DATA_END: i32 = 8;
    const LEN: i32 = 16;
    const ETH_PROTOCOL: i32 = 20;
    const IP_PROTOCOL: i32 = 24;
    const HASH: i32 = 32;
    const SK: i32 = 40;
    const MIGRATING_SK: i32 = 48;
    const SIZE: i32 = 56;
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 || t != Access::Read {
        return None;
    }
    let whole8 = |ty: CtxField| (size == 8).then_some(ty);
    match off {
        DATA => whole8(CtxField::Ptr(RegType::Packet)),
        DATA_END => whole8(CtxField::Ptr(RegType::PacketEnd)),
        SK => whole8(CtxField::Ptr(RegType::Socket)),
        MIGRATING_SK => whole8(CtxField::PtrOrNull(RegType::SockCommon)),
        HASH => (size == 4).then_some(CtxField::Scalar),
        ETH_PROTOCOL..IP_PROTOCOL => (size >= 2 && narrow_ok(size, 4)).then_some(CtxField::Scalar),
        LEN..ETH_PROTOCOL | IP_PROTOCOL..HASH => narrow_ok(size, 4).then_some(CtxField::Scalar),
        _ => None,
    }
}

/// `sk_lookup_is_valid_access()`: read only; `sk` (a socket or NULL)
/// whole, the addresses and ports narrow too, `remote_port` as 2 or 4
/// bytes and its zero padding as 2.
fn sk_lookup_field(off: i32, size: u32, t: Access) -> Option<CtxField> {
    // offsets in struct bpf_sk_lookup
    const FAMILY: i32 = 8;
    const REMOTE_PORT: i32 = 36;
    const PADDING: i32 = 38;
    const LOCAL_IP4: i32 = 40;
    const INGRESS_IFINDEX_END: i32 = 68;
    const SIZE: i32 = 72;
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 || t != Access::Read {
        return None;
    }
    let ok = match off {
        0..FAMILY => return (size == 8).then_some(CtxField::PtrOrNull(RegType::Socket)),
        REMOTE_PORT..PADDING => size == 4 || narrow_ok(size, 2),
        PADDING..LOCAL_IP4 => narrow_ok(size, 2),
        FAMILY..INGRESS_IFINDEX_END => narrow_ok(size, 4),
        _ => false,
    };
    ok.then_some(CtxField::Scalar)
}

/// `__sock_filter_check_attach_type()`: `bound_dev_if`, `mark` and
/// `priority` read and written by the create and release hooks only; the
/// source address and port read by the post-bind hooks of their family
/// only; every other field read only.
fn sock_filter_attach_ok(off: i32, t: Access, attach: Option<AttachType>) -> bool {
    // offsets in struct bpf_sock
    const BOUND_DEV_IF: i32 = 0;
    const MARK: i32 = 16;
    const PRIORITY: i32 = 20;
    const SRC_IP4: i32 = 24;
    const SRC_IP6: i32 = 28;
    const SRC_PORT: i32 = 44;
    const DST_PORT: i32 = 48;
    use AttachType as A;
    let allowed = match off {
        BOUND_DEV_IF | MARK | PRIORITY => {
            return matches!(attach, Some(A::SockCreate | A::SockRelease));
        }
        SRC_IP4..SRC_IP6 => attach == Some(A::PostBind4),
        SRC_IP6..SRC_PORT => attach == Some(A::PostBind6),
        SRC_PORT..DST_PORT => matches!(attach, Some(A::PostBind4 | A::PostBind6)),
        _ => true,
    };
    allowed && t == Access::Read
}

/// `bpf_ctx_narrow_access_ok()`: a power-of-two load no wider than the
/// field.
fn narrow_ok(size: u32, size_default: u32) -> bool {
    size <= size_default && size.is_power_of_two()
}

/// `sock_ops_is_valid_access()`: `reply` and `sk_txhash` written whole;
/// reads whole except the u64 counters and pointers, and `skb_tcp_flags`
/// narrow at its start. 6.12's struct ends with the u64 `skb_hwtstamp`.
fn sock_ops_field(off: i32, size: u32, t: Access, v612: bool) -> Option<CtxField> {
    // offsets in struct bpf_sock_ops
    const REPLY: i32 = 4;
    const SK_TXHASH: i32 = 164;
    const BYTES_RECEIVED: i32 = 168;
    const SK: i32 = 184;
    const SKB_DATA: i32 = 192;
    const SKB_DATA_END: i32 = 200;
    const SKB_LEN: i32 = 208;
    const SKB_TCP_FLAGS: i32 = 212;
    const SKB_HWTSTAMP: i32 = 216;
    let end = if v612 { 224 } else { 216 };
    if !(0..end).contains(&off) || off % size as i32 != 0 {
        return None;
    }
    if t == Access::Write {
        return (matches!(off, REPLY | SK_TXHASH) && size == 4).then_some(CtxField::Scalar);
    }
    let field = match off {
        BYTES_RECEIVED..SK => (size == 8, CtxField::Scalar),
        SK..SKB_DATA => (size == 8, CtxField::PtrOrNull(RegType::Socket)),
        SKB_DATA..SKB_DATA_END => (size == 8, CtxField::Ptr(RegType::Packet)),
        SKB_DATA_END..SKB_LEN => (size == 8, CtxField::Ptr(RegType::PacketEnd)),
        SKB_TCP_FLAGS => (size <= 4 && size.is_power_of_two(), CtxField::Scalar),
        SKB_HWTSTAMP.. => (size == 8, CtxField::Scalar),
        _ => (size == 4, CtxField::Scalar),
    };
    field.0.then_some(field.1)
}

/// `sock_addr_is_valid_access()` (the same in 6.1 and 6.12 for the inet
/// hooks): the addresses of the hook's family only (`msg_src_*` for
/// sendmsg), read narrow or written whole, the IPv6 ones also as u64;
/// `user_family`, `family`, `type` and `protocol` read whole; `sk` read as
/// a socket pointer.
fn sock_addr_field(off: i32, size: u32, t: Access, attach: Option<AttachType>) -> Option<CtxField> {
    // offsets in struct bpf_sock_addr
    const USER_FAMILY: i32 = 0;
    const USER_IP4: i32 = 4;
    const USER_IP6: i32 = 8;
    const USER_PORT: i32 = 24;
    const FAMILY: i32 = 28;
    const TYPE: i32 = 32;
    const PROTOCOL: i32 = 36;
    const MSG_SRC_IP4: i32 = 40;
    const MSG_SRC_IP6: i32 = 44;
    const MSG_SRC_IP6_END: i32 = 60;
    const SK: i32 = 64;
    const SIZE: i32 = 72;
    if !(0..SIZE).contains(&off) || off % size as i32 != 0 {
        return None;
    }
    let inet4 = attach.is_some_and(AttachType::is_inet4);
    let inet6 = attach.is_some_and(AttachType::is_inet6);
    // bpf_ctx_range(): any byte of a field (its narrow reads)
    let family_ok = match off {
        USER_IP4..USER_IP6 => inet4,
        USER_IP6..USER_PORT => inet6,
        MSG_SRC_IP4..MSG_SRC_IP6 => attach == Some(AttachType::Udp4Sendmsg),
        MSG_SRC_IP6..MSG_SRC_IP6_END => attach == Some(AttachType::Udp6Sendmsg),
        _ => true,
    };
    if !family_ok {
        return None;
    }
    // bpf_ctx_wide_access_ok(): a u64 inside a u32[4] address
    let wide = |at: i32| size == 8 && off >= at && off + 8 <= at + 16 && off % 8 == 0;
    let ok = match off {
        USER_IP4..FAMILY | MSG_SRC_IP4..MSG_SRC_IP6_END => {
            wide(USER_IP6)
                || wide(MSG_SRC_IP6)
                || match t {
                    // bpf_ctx_narrow_access_ok()
                    Access::Read => size <= 4 && size.is_power_of_two(),
                    Access::Write => size == 4,
                }
        }
        SK => {
            return (t == Access::Read && size == 8).then_some(CtxField::Ptr(RegType::Socket));
        }
        USER_FAMILY | FAMILY | TYPE | PROTOCOL => t == Access::Read && size == 4,
        _ => false,
    };
    ok.then_some(CtxField::Scalar)
}
