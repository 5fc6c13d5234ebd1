//! Memory access (`check_mem_access`, `check_stack_read/write`,
//! `check_ctx_access`, `check_map_access`, `check_packet_access`), loads and
//! stores, atomics, 64-bit immediates and legacy packet loads.

use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::insn::*;
use crate::log::reg_type_str;
use crate::program::ProgType;
use crate::regs::{RegState, RegType, LIVE_READ64, LIVE_WRITTEN};
use crate::state::{SlotType, BPF_REG_SIZE, MAX_BPF_STACK};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Access {
    Read,
    Write,
}

/// What a context field is.
enum CtxField {
    Scalar,
    Ptr(RegType),
    /// A pointer that may be NULL (`__sk_buff->sk`: sock_common_or_null).
    PtrOrNull(RegType),
}

/// `bpf_sock_is_valid_access()` (and `bpf_sock_common_is_valid_access()`,
/// which refuses `type` to `priority`): which reads of `struct bpf_sock`
/// a program may make.
fn sock_access_ok(ty: RegType, off: i32, size: u32) -> bool {
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

fn ctx_field(pt: ProgType, off: i32, size: u32, t: Access, v612: bool) -> Option<CtxField> {
    if off < 0 || off % size as i32 != 0 && size != 8 {
        return None;
    }
    match pt {
        ProgType::Xdp => {
            if t == Access::Write || size != 4 {
                return None;
            }
            match off {
                0 => Some(CtxField::Ptr(RegType::Packet)),
                4 => Some(CtxField::Ptr(RegType::PacketEnd)),
                8 => Some(CtxField::Ptr(RegType::PacketMeta)),
                // ingress_ifindex, rx_queue_index; egress_ifindex (20) only
                // for programs attached to a devmap (not modelled)
                12 | 16 => Some(CtxField::Scalar),
                _ => None,
            }
        }
        ProgType::SchedCls
        | ProgType::SchedAct
        | ProgType::SocketFilter
        | ProgType::CgroupSkb
        | ProgType::SkSkb => skb_field(pt, off, size, t),
        // kprobe_prog_is_valid_access(): any aligned read inside pt_regs
        ProgType::Kprobe => {
            const PT_REGS: i32 = 168;
            (t == Access::Read && off % size as i32 == 0 && off + size as i32 <= PT_REGS)
                .then_some(CtxField::Scalar)
        }
        // tp_prog_is_valid_access(): any aligned read of the record after
        // its 8-byte common header, below PERF_MAX_TRACE_SIZE
        ProgType::Tracepoint => {
            const PERF_MAX_TRACE_SIZE: i32 = 8192;
            (t == Access::Read && (8..PERF_MAX_TRACE_SIZE).contains(&off) && off % size as i32 == 0)
                .then_some(CtxField::Scalar)
        }
        // raw_tp_prog_is_valid_access() = bpf_tracing_ctx_access(): the
        // u64 arguments, MAX_BPF_FUNC_ARGS of them, any aligned read
        ProgType::RawTracepoint => {
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
        // syscall_prog_is_valid_access(): its own argument buffer, read
        // and written, anywhere below U16_MAX
        ProgType::Syscall => {
            (off < u16::MAX as i32 && off % size as i32 == 0).then_some(CtxField::Scalar)
        }
    }
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

impl Env {
    /// `check_ptr_alignment()` with `strict_alignment_once` (atomics): every
    /// pointer type is checked; packets as if `NET_IP_ALIGN` were 2. Without
    /// it only the stack is strict, which `check_mem_access` checks itself.
    pub fn check_ptr_alignment_strict(&mut self, regno: u8, off: i32, size: u32) -> VResult<()> {
        let reg = *self.reg(regno);
        if size == 1 {
            return Ok(());
        }
        let tn = if self.rules.words_612 && reg.var_off.is_const() {
            // 6.12's tnum_strn prints a constant as a number
            format!("{}", reg.var_off.value as i64)
        } else {
            crate::log::tnum_str(reg.var_off.value, reg.var_off.mask)
        };
        // the kernel switches on the full type: a pointer that may still be
        // NULL carries a flag and gets no description
        let desc = match reg.ty {
            _ if reg.maybe_null => "",
            RegType::Packet | RegType::PacketMeta => {
                let ip_align = 2i64;
                let at = reg.var_off.add(crate::tnum::Tnum::konst(
                    (ip_align + reg.off as i64 + off as i64) as u64,
                ));
                if at.is_aligned(size as u64) {
                    return Ok(());
                }
                return Err(self
                    .fail(
                        EACCES,
                        &format!(
                            "misaligned packet access off {}+{}+{}+{} size {}",
                            ip_align, tn, reg.off, off, size
                        ),
                    )
                    .because(crate::reason::Reason::MisalignedAccess { reg: regno }));
            }
            RegType::MapKey => "key ",
            RegType::MapValue => "value ",
            RegType::Ctx => "context ",
            RegType::Stack => "stack ",
            RegType::Socket => "sock ",
            RegType::SockCommon => "sock_common ",
            RegType::TcpSock => "tcp_sock ",
            _ => "",
        };
        let at = reg.var_off.add(crate::tnum::Tnum::konst(
            (reg.off as i64 + off as i64) as u64,
        ));
        if at.is_aligned(size as u64) {
            return Ok(());
        }
        Err(self
            .fail(
                EACCES,
                &format!(
                    "misaligned {}access off {}+{}+{} size {}",
                    desc, tn, reg.off, off, size
                ),
            )
            .because(crate::reason::Reason::MisalignedAccess { reg: regno }))
    }

    /// `reg_type_str()` in the mode's words: 6.12 calls a ring buffer
    /// record `ringbuf_mem` (`MEM_RINGBUF`).
    pub fn reg_type_name(&self, reg: &RegState) -> String {
        let t = reg_type_str(&self.prog, reg);
        if self.rules.words_612 {
            t.replace("alloc_mem", "ringbuf_mem")
        } else {
            t
        }
    }

    /// `check_mem_access()`; `value_regno` is the register loaded or stored.
    pub fn check_mem_access(
        &mut self,
        regno: u8,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        let off = off + reg.off;
        match reg.ty {
            RegType::Stack => {
                let fr = reg.frameno as usize;
                if !reg.var_off.is_const() {
                    return self.check_stack_var_off(regno, &reg, off, size, t, value_regno);
                }
                let o = self.check_stack_fixed_off(regno, &reg, off, size, t)?;
                if t == Access::Write {
                    self.check_stack_write(fr, o, size, value_regno)
                } else {
                    self.check_stack_read(fr, o, size, value_regno)
                }
            }
            RegType::Ctx => {
                self.check_ptr_off_reg(&reg, regno, false)?;
                let Some(field) =
                    ctx_field(self.prog.prog_type, off, size, t, self.rules.helpers_612)
                else {
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("invalid bpf_context access off={} size={}", off, size),
                        )
                        .because(crate::reason::Reason::OutOfBounds {
                            reg: Some(regno),
                            region: crate::reason::Region::Context,
                            off: off as i64,
                            size: size as u64,
                        }));
                };
                if t == Access::Read {
                    if let Some(v) = value_regno {
                        let d = self.reg_mut(v);
                        match field {
                            CtxField::Scalar => d.mark_unknown(),
                            CtxField::Ptr(ty) => {
                                d.mark_known_zero_ptr(ty);
                                d.live |= LIVE_WRITTEN;
                            }
                            CtxField::PtrOrNull(ty) => {
                                d.mark_known_zero_ptr(ty);
                                d.maybe_null = true;
                                d.live |= LIVE_WRITTEN;
                            }
                        }
                        if matches!(field, CtxField::PtrOrNull(_)) {
                            let id = self.new_id();
                            self.reg_mut(v).id = id;
                        }
                        if matches!(
                            field,
                            CtxField::Ptr(RegType::Packet) | CtxField::Ptr(RegType::PacketMeta)
                        ) {
                            let id = 0;
                            self.reg_mut(v).id = id;
                        }
                    }
                }
                Ok(())
            }
            RegType::MapValue | RegType::MapKey => {
                let (ks, vs) = self
                    .prog
                    .maps
                    .get(reg.aux as usize)
                    .map(|m| (m.key_size, m.value_size))
                    .unwrap_or((0, 0));
                let mem_size = if reg.ty == RegType::MapKey { ks } else { vs };
                if reg.maybe_null {
                    let tstr = self.reg_type_name(&reg);
                    return Err(self
                        .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                        .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
                }
                if reg.ty == RegType::MapKey && t == Access::Write {
                    return Err(self.fail(EACCES, "write to change key R2 not allowed"));
                }
                // check_map_access_type(): BPF_F_RDONLY_PROG / BPF_F_WRONLY_PROG
                let flags = self
                    .prog
                    .maps
                    .get(reg.aux as usize)
                    .map(|m| m.flags)
                    .unwrap_or(0);
                if reg.ty == RegType::MapValue {
                    if t == Access::Write && flags & crate::program::BPF_F_RDONLY_PROG != 0 {
                        return Err(self.fail(
                            EACCES,
                            &format!(
                                "write into map forbidden, value_size={} off={} size={}",
                                vs, off, size
                            ),
                        ));
                    }
                    if t == Access::Read && flags & crate::program::BPF_F_WRONLY_PROG != 0 {
                        return Err(self.fail(
                            EACCES,
                            &format!(
                                "read from map forbidden, value_size={} off={} size={}",
                                vs, off, size
                            ),
                        ));
                    }
                }
                self.check_mem_region_access(regno, off, size, mem_size, &reg)?;
                if let Some(m) = self.prog.maps.get(reg.aux as usize) {
                    if let Some(loff) = m.lock_off {
                        let lo = reg.smin.saturating_add(off as i64);
                        let hi = reg.umax as i64 + off as i64 + size as i64;
                        if lo < loff as i64 + 4 && hi > loff as i64 && reg.ty == RegType::MapValue {
                            return Err(self
                                .fail(
                                    EACCES,
                                    "bpf_spin_lock cannot be accessed directly by load/store",
                                )
                                .because(crate::reason::Reason::LockMisuse));
                        }
                    }
                    if let Some(toff) = m.timer_off {
                        let lo = reg.smin.saturating_add(off as i64);
                        let hi = reg.umax as i64 + off as i64 + size as i64;
                        if lo < toff as i64 + 16 && hi > toff as i64 && reg.ty == RegType::MapValue
                        {
                            return Err(self
                                .fail(
                                    EACCES,
                                    "bpf_timer cannot be accessed directly by load/store",
                                )
                                .because(crate::reason::Reason::LockMisuse));
                        }
                    }
                }
                // a frozen read-only map (libbpf's .rodata): the verifier
                // reads the bytes themselves (bpf_map_direct_read)
                let known = match (t, value_regno, self.prog.maps.get(reg.aux as usize)) {
                    (Access::Read, Some(_), Some(m))
                        if reg.ty == RegType::MapValue
                            && reg.var_off.is_const()
                            && m.frozen
                            && m.flags & crate::program::BPF_F_RDONLY_PROG != 0 =>
                    {
                        let at = off as i64 + reg.var_off.value as i64;
                        let bytes = usize::try_from(at)
                            .ok()
                            .and_then(|a| m.data.get(a..a + size as usize));
                        bytes.map(|b| {
                            let mut v = [0u8; 8];
                            v[..b.len()].copy_from_slice(b);
                            u64::from_le_bytes(v)
                        })
                    }
                    _ => None,
                };
                match (known, value_regno) {
                    (Some(v), Some(r)) => self.reg_mut(r).mark_known(v),
                    _ => self.load_unknown(t, value_regno),
                }
                Ok(())
            }
            RegType::AllocMem | RegType::Mem => {
                if reg.maybe_null {
                    let tstr = self.reg_type_name(&reg);
                    return Err(self
                        .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                        .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
                }
                let mem_size = reg.aux;
                self.check_mem_region_access(regno, off, size, mem_size, &reg)?;
                self.load_unknown(t, value_regno);
                Ok(())
            }
            RegType::Packet | RegType::PacketMeta => {
                // may_access_direct_pkt_data(env, NULL, BPF_WRITE): cgroup_skb
                // reads packets directly but never writes them
                let may_write = matches!(
                    self.prog.prog_type,
                    ProgType::SchedCls
                        | ProgType::SchedAct
                        | ProgType::Xdp
                        | ProgType::SkSkb
                        | ProgType::SkMsg
                );
                if t == Access::Write && !may_write {
                    return Err(self.fail(EACCES, "cannot write into packet"));
                }
                if reg.smin < 0 {
                    return Err(self.fail(
                        EACCES,
                        &format!(
                            "R{} min value is negative, either use unsigned index or do a if (index >=0) check.",
                            regno
                        ),
                    ).because(crate::reason::Reason::OutOfBounds { reg: Some(regno), region: crate::reason::Region::Packet, off: reg.smin.saturating_add(off as i64), size: size as u64 }));
                }
                if (reg.aux as i32) < 0
                    || off < 0
                    || off as i64 + size as i64 > reg.aux as i32 as i64
                {
                    let (id, r) = (reg.id, reg.aux);
                    if (reg.aux as i32) >= 0 {
                        self.verbose(&format!(
                            "invalid access to packet, off={} size={}, R{}(id={},off={},r={})\n",
                            off, size, regno, id, off, r
                        ));
                    }
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("R{} offset is outside of the packet", regno),
                        )
                        .because(crate::reason::Reason::OutOfBounds {
                            reg: Some(regno),
                            region: crate::reason::Region::Packet,
                            off: off as i64,
                            size: size as u64,
                        }));
                }
                self.load_unknown(t, value_regno);
                Ok(())
            }
            RegType::Socket | RegType::SockCommon | RegType::TcpSock | RegType::BtfId => {
                if reg.maybe_null {
                    let tstr = self.reg_type_name(&reg);
                    return Err(self
                        .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                        .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
                }
                if t == Access::Write {
                    let tstr = self.reg_type_name(&reg);
                    return Err(
                        self.fail(EACCES, &format!("R{} cannot write into {}", regno, tstr))
                    );
                }
                if reg.ty == RegType::BtfId {
                    if off < 0 || off + size as i32 > 8 {
                        return Err(self.fail(
                            EACCES,
                            &format!(
                                "access beyond struct prog_test_ref_kfunc at off {} size {}",
                                off, size
                            ),
                        ));
                    }
                } else if reg.ty == RegType::TcpSock {
                    // bpf_tcp_sock_is_valid_access: u32 fields up to
                    // icsk_retransmits, bytes_received/bytes_acked are u64
                    let ok = (0..112).contains(&off)
                        && off % size as i32 == 0
                        && size == if matches!(off, 80 | 88) { 8 } else { 4 };
                    if !ok {
                        let tstr = self.reg_type_name(&reg);
                        return Err(self
                            .fail(
                                EACCES,
                                &format!(
                                    "R{} invalid {} access off={} size={}",
                                    regno, tstr, off, size
                                ),
                            )
                            .because(crate::reason::Reason::OutOfBounds {
                                reg: Some(regno),
                                region: crate::reason::Region::Socket,
                                off: off as i64,
                                size: size as u64,
                            }));
                    }
                } else if !sock_access_ok(reg.ty, off, size) {
                    let tstr = self.reg_type_name(&reg);
                    return Err(self
                        .fail(
                            EACCES,
                            &format!(
                                "R{} invalid {} access off={} size={}",
                                regno, tstr, off, size
                            ),
                        )
                        .because(crate::reason::Reason::OutOfBounds {
                            reg: Some(regno),
                            region: crate::reason::Region::Socket,
                            off: off as i64,
                            size: size as u64,
                        }));
                }
                self.load_unknown(t, value_regno);
                Ok(())
            }
            _ => {
                let tstr = self.reg_type_name(&reg);
                Err(self
                    .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                    .because(crate::reason::Reason::InvalidMemAccess { reg: regno }))
            }
        }
    }

    /// `check_ptr_alignment()` (strict for the stack) and
    /// `check_stack_access_within_bounds()` for a constant offset; grows the
    /// frame's stack. Returns the offset from the frame pointer.
    fn check_stack_fixed_off(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
    ) -> VResult<i32> {
        let fr = reg.frameno as usize;
        let o = off as i64 + reg.var_off.value as i64;
        let extra = if t == Access::Read {
            " read from"
        } else {
            " write to"
        };
        if o % size as i64 != 0 {
            // check_ptr_alignment(): strict for the stack, before the bounds
            // 6.12's tnum_strn prints a constant as a number
            let var = if self.rules.words_612 && reg.var_off.is_const() {
                format!("{}", reg.var_off.value as i64)
            } else {
                format!("({:#x}; {:#x})", reg.var_off.value, reg.var_off.mask)
            };
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "misaligned stack access off {}+{}+{} size {}",
                        var,
                        reg.off,
                        off - reg.off,
                        size
                    ),
                )
                .because(crate::reason::Reason::MisalignedAccess { reg: regno }));
        }
        let min_ok = -(MAX_BPF_STACK as i64);
        if o < min_ok || o > -1 || o + size as i64 - 1 > -1 {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "invalid{} stack R{} off={} size={}",
                        extra, regno, off, size
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: off as i64,
                    size: size as u64,
                }));
        }
        self.update_stack_depth(fr, o as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-o as i32);
        }
        Ok(o as i32)
    }

    /// Stack access through a pointer with a variable offset (privileged):
    /// `check_stack_access_within_bounds()` then
    /// `check_stack_write_var_off()` / `check_stack_read_var_off()`.
    fn check_stack_var_off(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let fr = reg.frameno as usize;
        let extra = if t == Access::Read {
            " read from"
        } else {
            " write to"
        };
        let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
        // check_ptr_alignment(): strict for the stack
        let reg_off = reg.var_off.add(crate::tnum::Tnum::konst(off as i64 as u64));
        if !reg_off.is_aligned(size as u64) {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "misaligned stack access off {}+{}+{} size {}",
                        tn,
                        reg.off,
                        off - reg.off,
                        size
                    ),
                )
                .because(crate::reason::Reason::MisalignedAccess { reg: regno }));
        }
        if reg.smax >= 1 << 29 || reg.smin <= -(1 << 29) {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "invalid unbounded variable-offset{} stack R{}",
                        extra, regno
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: off as i64,
                    size: size as u64,
                }));
        }
        let min_off = reg.smin + off as i64;
        let max_off = reg.smax + off as i64 + size as i64;
        if min_off < -(MAX_BPF_STACK as i64) || min_off > -1 || max_off > 0 {
            return Err(self
                .fail(
                    EACCES,
                    &if self.rules.words_612 {
                        // 6.12 also names the instruction's offset
                        format!(
                            "invalid variable-offset{} stack R{} var_off={} off={} size={}",
                            extra, regno, tn, off, size
                        )
                    } else {
                        format!(
                            "invalid variable-offset{} stack R{} var_off={} size={}",
                            extra, regno, tn, size
                        )
                    },
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: min_off,
                    size: size as u64,
                }));
        }
        self.update_stack_depth(fr, min_off as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-min_off as i32);
        }
        if t == Access::Write {
            let v612 = self.rules.stack_spill_612;
            let insn = self.prog.insns[self.insn_idx];
            // 6.12 also counts `*(u64 *)(rX + 0) = 0` (BPF_ST, imm 0)
            let writing_zero = match value_regno {
                Some(v) => self.reg(v).is_null_const(),
                None => v612 && insn.class() == BPF_ST && insn.imm == 0,
            };
            let mut zero_used = false;
            for i in min_off..max_off {
                let slot = (-i - 1) as usize;
                let spi = slot / 8;
                self.mark_stack_slot_scratched(spi);
                let Some(ss) = self
                    .cur
                    .frames
                    .get_mut(fr)
                    .and_then(|f| f.stack.get_mut(spi))
                else {
                    break;
                };
                let cur = ss.types[slot % 8];
                if v612 {
                    // a spilled zero stays a spilled zero under a zero write
                    if writing_zero
                        && cur == SlotType::Spill
                        && ss.spilled.ty == RegType::Scalar
                        && ss.spilled.var_off.is_const()
                        && ss.spilled.var_off.value == 0
                    {
                        zero_used = true;
                        continue;
                    }
                    // scrub_special_slot(): the whole spill becomes misc
                    if ss.types[7] == SlotType::Spill {
                        for t in ss.types.iter_mut() {
                            if *t != SlotType::Invalid {
                                *t = SlotType::Misc;
                            }
                        }
                    }
                }
                ss.spilled.ty = RegType::NotInit;
                let mut new = SlotType::Misc;
                if writing_zero && cur == SlotType::Zero {
                    new = SlotType::Zero;
                    zero_used = true;
                }
                ss.types[slot % 8] = new;
            }
            if zero_used {
                if let Some(v) = value_regno {
                    self.mark_chain_precision(v);
                }
            }
            return Ok(());
        }
        // check_stack_range_initialized() for a direct read, then mark_reg_stack_read()
        let lo = reg.smin + off as i64;
        let hi = reg.smax + off as i64 + size as i64;
        let mut zeros = true;
        for i in lo..hi {
            let slot = (-i - 1) as usize;
            let spi = slot / 8;
            let Some(ss) = self
                .cur
                .frames
                .get(fr)
                .and_then(|f| f.stack.get(spi))
                .copied()
            else {
                break;
            };
            if ss.types[slot % 8] != SlotType::Zero {
                zeros = false;
            }
            self.mark_stack_read(fr, spi);
        }
        let precise_zero = !self.rules.stack_spill_612;
        if let Some(d) = value_regno {
            let dr = self.reg_mut(d);
            if zeros {
                dr.mark_known(0);
                dr.precise = precise_zero;
            } else {
                dr.mark_unknown();
            }
            dr.live |= LIVE_WRITTEN;
        }
        Ok(())
    }

    fn load_unknown(&mut self, t: Access, value_regno: Option<u8>) {
        if t == Access::Read {
            if let Some(v) = value_regno {
                self.reg_mut(v).mark_unknown();
            }
        }
    }

    /// `check_mem_region_access()` for map values, keys and memory.
    fn check_mem_region_access(
        &mut self,
        regno: u8,
        off: i32,
        size: u32,
        mem_size: u32,
        reg: &RegState,
    ) -> VResult<()> {
        self.check_mem_region_access_z(regno, off, size, mem_size, reg, false)
    }

    /// `check_mem_region_access()` with `zero_size_allowed`.
    fn check_mem_region_access_z(
        &mut self,
        regno: u8,
        off: i32,
        size: u32,
        mem_size: u32,
        reg: &RegState,
        zero_ok: bool,
    ) -> VResult<()> {
        let kind = |ty: RegType| match ty {
            RegType::MapKey => "map key, key_size",
            RegType::MapValue => "map value, value_size",
            _ => "memory, mem_size",
        };
        let k = kind(reg.ty);
        let region = match reg.ty {
            RegType::MapKey => crate::reason::Region::MapKey,
            RegType::MapValue => crate::reason::Region::MapValue,
            _ => crate::reason::Region::Memory,
        };
        let check = |o: i64| o >= 0 && (size > 0 || zero_ok) && o + size as i64 <= mem_size as i64;
        if reg.smin < 0 && (reg.smin == i64::MIN || reg.smin + (off as i64) < 0) {
            return Err(self.fail(
                EACCES,
                &format!("R{} min value is negative, either use unsigned index or do a if (index >=0) check.", regno),
            ).because(crate::reason::Reason::OutOfBounds { reg: Some(regno), region, off: reg.smin.saturating_add(off as i64), size: size as u64 }));
        }
        let lo = reg.smin + off as i64;
        if !check(lo) {
            self.verbose(&format!(
                "invalid access to {}={} off={} size={}\n",
                k, mem_size, lo, size
            ));
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "R{} min value is outside of the allowed memory range",
                        regno
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region,
                    off: lo,
                    size: size as u64,
                }));
        }
        if reg.umax >= 1 << 29 {
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "R{} unbounded memory access, make sure to bounds check any such access",
                        regno
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region,
                    off: reg.umax as i64,
                    size: size as u64,
                }));
        }
        let hi = reg.umax as i64 + off as i64;
        if !check(hi) {
            self.verbose(&format!(
                "invalid access to {}={} off={} size={}\n",
                k, mem_size, hi, size
            ));
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "R{} max value is outside of the allowed memory range",
                        regno
                    ),
                )
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region,
                    off: hi,
                    size: size as u64,
                }));
        }
        Ok(())
    }

    /// `update_stack_depth()`
    fn update_stack_depth(&mut self, frame: usize, off: i32) {
        let sub = self
            .cur
            .frames
            .get(frame)
            .map(|f| f.subprog as usize)
            .unwrap_or(0);
        if let Some(s) = self.subprogs.get_mut(sub) {
            if s.stack_depth < -off {
                s.stack_depth = -off;
            }
        }
    }

    /// `check_stack_write_fixed_off()`
    fn check_stack_write(
        &mut self,
        fr: usize,
        off: i32,
        size: u32,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / BPF_REG_SIZE as usize;
        let curframe = self.cur.curframe();
        let reg = value_regno.map(|r| *self.reg(r));
        self.mark_stack_slot_scratched(spi);
        let insn = self.prog.insns[self.insn_idx];
        let is_fp_dst = insn.dst == BPF_REG_FP;
        // register_is_bounded(): not __is_scalar_unbounded(), which looks
        // at the 32-bit bounds too
        let bounded = |r: &RegState| {
            r.ty == RegType::Scalar
                && !(r.var_off.is_unknown()
                    && r.smin == i64::MIN
                    && r.smax == i64::MAX
                    && r.umin == 0
                    && r.umax == u64::MAX
                    && r.s32_min == i32::MIN
                    && r.s32_max == i32::MAX
                    && r.u32_min == 0
                    && r.u32_max == u32::MAX)
        };
        let spill_612 = self.rules.stack_spill_612;
        match reg {
            Some(mut r) if spill_612 && off % BPF_REG_SIZE == 0 && r.ty == RegType::Scalar => {
                // get_reg_width(): fls64(umax)
                let fits = 64 - r.umax.leading_zeros() <= 8 * size;
                if fits && r.id & crate::regs::BPF_ADD_CONST != 0 {
                    if let Some(v) = value_regno {
                        self.unlink_add_const(v);
                        r = *self.reg(v);
                    }
                }
                if fits && r.id == 0 && !r.var_off.is_const() {
                    // assign_scalar_id_before_mov(): the register and its
                    // spilled copy are linked
                    r.id = self.new_id();
                    if let Some(v) = value_regno {
                        self.reg_mut(v).id = r.id;
                    }
                }
                self.save_register_state(fr, spi, &r, size);
                if !fits {
                    self.cur.frames[fr].stack[spi].spilled.id = 0;
                }
                self.record_stack_access(fr, spi);
            }
            Some(r) if off % BPF_REG_SIZE == 0 && bounded(&r) && !r.is_null_const() => {
                if !is_fp_dst {
                    if let Some(v) = value_regno {
                        self.mark_chain_precision(v);
                    }
                }
                self.save_register_state(fr, spi, &r, size);
                // break the relation on a narrowing spill
                if 64 - r.umax.leading_zeros() > 8 * size {
                    self.cur.frames[fr].stack[spi].spilled.id = 0;
                }
                self.record_stack_access(fr, spi);
            }
            Some(r) if r.is_pointer() => {
                if size != 8 {
                    return Err(self.fail(EACCES, "invalid size of register spill"));
                }
                if fr != curframe && r.ty == RegType::Stack {
                    return Err(self.fail(
                        EINVAL,
                        "cannot spill pointers to stack into stack frame of the caller",
                    ));
                }
                self.save_register_state(fr, spi, &r, size);
                self.record_stack_access(fr, spi);
            }
            _ => {
                let mut ty = SlotType::Misc;
                if let Some(r) = reg {
                    if r.is_null_const() {
                        if let Some(v) = value_regno {
                            self.mark_chain_precision(v);
                        }
                        ty = SlotType::Zero;
                    }
                }
                let f = &mut self.cur.frames[fr];
                let s = &mut f.stack[spi];
                s.spilled.ty = RegType::NotInit;
                if s.is_spill() {
                    for t in s.types.iter_mut() {
                        if *t != SlotType::Invalid {
                            *t = SlotType::Misc;
                        }
                    }
                }
                if size == 8 {
                    s.spilled.live |= LIVE_WRITTEN;
                }
                for i in 0..size as usize {
                    let idx = (slot - i) % 8;
                    s.types[idx] = ty;
                }
            }
        }
        Ok(())
    }

    /// A fill narrower than the spill, or of a partial spill
    /// (`check_stack_read_fixed_off()` as 6.12 has it): a narrow read at the
    /// slot's start copies the spilled scalar (little endian); otherwise the
    /// bytes decide: all spilled zero or all STACK_ZERO give 0, anything
    /// else an unknown scalar.
    fn fill_narrow_612(
        &mut self,
        fr: usize,
        spi: usize,
        off: i32,
        size: u32,
        spill_size: u32,
        d: u8,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let st = self.cur.frames[fr].stack[spi];
        if size <= spill_size && off % 8 == 0 {
            let dr = self.reg_mut(d);
            crate::alu::copy_register_state(dr, &st.spilled);
            // break the relation on a narrowing fill
            if 64 - st.spilled.umax.leading_zeros() > size * 8 {
                dr.id = 0;
            }
            dr.live |= LIVE_WRITTEN;
            self.record_stack_access(fr, spi);
            return Ok(());
        }
        let (mut spills, mut zeros) = (0, 0);
        for i in 0..size as usize {
            match st.types[(slot - i) % 8] {
                SlotType::Spill => spills += 1,
                SlotType::Zero => zeros += 1,
                // STACK_INVALID: root may read uninitialised stack
                SlotType::Misc | SlotType::Invalid => {}
            }
        }
        let spilled_zero =
            spills == size && st.spilled.var_off.is_const() && st.spilled.var_off.value == 0;
        let dr = self.reg_mut(d);
        if spilled_zero || zeros == size {
            dr.mark_known(0);
        } else {
            dr.mark_unknown();
        }
        dr.live |= LIVE_WRITTEN;
        if spilled_zero {
            // this is a register fill
            self.record_stack_access(fr, spi);
        }
        Ok(())
    }

    fn save_register_state(&mut self, fr: usize, spi: usize, r: &RegState, size: u32) {
        // mark_stack_slot_misc() in 6.12 keeps STACK_ZERO bytes
        let keep_zero = self.rules.stack_spill_612;
        let s = &mut self.cur.frames[fr].stack[spi];
        crate::alu::copy_register_state(&mut s.spilled, r);
        if size == 8 {
            s.spilled.live |= LIVE_WRITTEN;
        }
        let mut i = 8usize;
        while i > 8 - size as usize {
            s.types[i - 1] = SlotType::Spill;
            i -= 1;
        }
        while i > 0 {
            let t = s.types[i - 1];
            if t != SlotType::Invalid && !(keep_zero && t == SlotType::Zero) {
                s.types[i - 1] = SlotType::Misc;
            }
            i -= 1;
        }
    }

    /// `check_stack_read_fixed_off()`
    fn check_stack_read(&mut self, fr: usize, off: i32, size: u32, dst: Option<u8>) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / 8;
        // 6.12's check_stack_read_fixed_off() marks the slot for the log
        if self.rules.words_612 {
            self.mark_stack_slot_scratched(spi);
        }
        let st = self.cur.frames[fr].stack[spi];
        if st.is_spill() {
            let mut spill_size = 1;
            let mut i = 7;
            while i > 0 && st.types[i - 1] == SlotType::Spill {
                spill_size += 1;
                i -= 1;
            }
            if size != 8 || spill_size != 8 {
                if st.spilled.ty != RegType::Scalar {
                    return Err(self.fail(EACCES, "invalid size of register fill"));
                }
                self.mark_stack_read(fr, spi);
                let Some(d) = dst else {
                    return Ok(());
                };
                if self.rules.stack_spill_612 {
                    return self.fill_narrow_612(fr, spi, off, size, spill_size, d);
                }
                if off % 8 == 0 && size == spill_size {
                    crate::alu::copy_register_state(self.reg_mut(d), &st.spilled);
                } else {
                    for i in 0..size as usize {
                        let t = st.types[(slot - i) % 8];
                        if matches!(t, SlotType::Spill | SlotType::Misc | SlotType::Invalid) {
                            continue;
                        }
                        return Err(self
                            .fail(
                                EACCES,
                                &format!("invalid read from stack off {}+{} size {}", off, i, size),
                            )
                            .because(crate::reason::Reason::Uninitialized {
                                reg: None,
                                stack_off: Some(off as i64 + i as i64),
                            }));
                    }
                    self.reg_mut(d).mark_unknown();
                }
                self.reg_mut(d).live |= LIVE_WRITTEN;
                return Ok(());
            }
            if let Some(d) = dst {
                let dr = self.reg_mut(d);
                crate::alu::copy_register_state(dr, &st.spilled);
                dr.live |= LIVE_WRITTEN;
            }
            self.mark_stack_read(fr, spi);
            self.record_stack_access(fr, spi);
        } else {
            let mut zeros = 0;
            for i in 0..size as usize {
                let t = st.types[(slot - i) % 8];
                match t {
                    SlotType::Misc | SlotType::Invalid => {}
                    SlotType::Zero => zeros += 1,
                    SlotType::Spill => {
                        return Err(self
                            .fail(
                                EACCES,
                                &format!("invalid read from stack off {}+{} size {}", off, i, size),
                            )
                            .because(crate::reason::Reason::Uninitialized {
                                reg: None,
                                stack_off: Some(off as i64 + i as i64),
                            }));
                    }
                }
            }
            self.mark_stack_read(fr, spi);
            // 6.12's zero is imprecise (backtracking does not need it)
            let precise_zero = !self.rules.stack_spill_612;
            if let Some(d) = dst {
                let dr = self.reg_mut(d);
                if zeros == size {
                    dr.mark_known(0);
                    dr.precise = precise_zero;
                } else {
                    dr.mark_unknown();
                }
                dr.live |= LIVE_WRITTEN;
            }
        }
        Ok(())
    }

    /// `check_helper_mem_access()`: a helper reads (or, raw, writes) `size` bytes.
    /// `check_helper_mem_access()`: `size` bytes at the pointer in `regno`
    /// handed to a helper (`raw`: the helper only writes them).
    pub fn check_helper_mem_access(
        &mut self,
        regno: u8,
        size: u64,
        zero_ok: bool,
        raw: bool,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        match reg.ty {
            RegType::Stack => self.check_stack_range_initialized(regno, &reg, size, zero_ok, raw),
            RegType::MapValue | RegType::MapKey | RegType::AllocMem | RegType::Mem => {
                if raw && reg.ty == RegType::MapKey {
                    let t = self.reg_type_name(&reg);
                    return Err(self.fail(EACCES, &format!("R{} cannot write into {}", regno, t)));
                }
                let (ks, vs) = self
                    .prog
                    .maps
                    .get(reg.aux as usize)
                    .map(|m| (m.key_size, m.value_size))
                    .unwrap_or((0, 0));
                let mem = match reg.ty {
                    RegType::MapKey => ks,
                    RegType::MapValue => vs,
                    _ => reg.aux,
                };
                // the helper reaches from the pointer's fixed offset on
                self.check_mem_region_access_z(regno, reg.off, size as u32, mem, &reg, zero_ok)
            }
            RegType::Packet | RegType::PacketMeta => {
                // check_packet_access() at the pointer's fixed offset: the
                // variable part is already inside the checked range
                if reg.smin < 0 {
                    return Err(self.fail(
                        EACCES,
                        &format!(
                            "R{} min value is negative, either use unsigned index or do a if (index >=0) check.",
                            regno
                        ),
                    ));
                }
                let range = reg.aux as i32 as i64;
                let off = reg.off as i64;
                let size_ok = size > 0 || zero_ok;
                if range < 0 || off < 0 || !size_ok || off + size as i64 > range {
                    if range >= 0 {
                        self.verbose(&format!(
                            "invalid access to packet, off={} size={}, R{}(id={},off={},r={})\n",
                            off, size, regno, reg.id, off, range
                        ));
                    }
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("R{} offset is outside of the packet", regno),
                        )
                        .because(crate::reason::Reason::OutOfBounds {
                            reg: Some(regno),
                            region: crate::reason::Region::Packet,
                            off,
                            size,
                        }));
                }
                Ok(())
            }
            // a NULL pointer with a zero size (e.g. bpf_csum_diff's seed)
            _ if zero_ok && size == 0 && reg.is_null_const() => Ok(()),
            _ => {
                if size == 0 && !zero_ok {
                    return Err(self.fail(EACCES, "invalid zero-sized read"));
                }
                let t = self.reg_type_name(&reg);
                Err(self
                    .fail(EACCES, &format!("R{} type={} expected=fp", regno, t))
                    .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }))
            }
        }
    }

    /// `check_stack_range_initialized()` for a helper (`ACCESS_HELPER`):
    /// bounds as for a write, a variable offset allowed (the loader is
    /// privileged), and every byte the helper may read marked as read and
    /// clobbered (it may write anything there).
    fn check_stack_range_initialized(
        &mut self,
        regno: u8,
        reg: &RegState,
        size: u64,
        zero_ok: bool,
        raw: bool,
    ) -> VResult<()> {
        if size == 0 && !zero_ok {
            return Err(self.fail(EACCES, "invalid zero-sized read"));
        }
        let fr = reg.frameno as usize;
        let off = reg.off as i64;
        let size_i = size as i64;
        let var = !reg.var_off.is_const();
        // check_stack_access_within_bounds(..., ACCESS_HELPER, BPF_WRITE)
        let (min_off, max_off) = if !var {
            let min = reg.var_off.value as i64 + off;
            (min, if size > 0 { min + size_i - 1 } else { min })
        } else {
            if reg.smax >= 1 << 29 || reg.smin <= -(1 << 29) {
                return Err(self.fail(
                    EACCES,
                    &format!(
                        "invalid unbounded variable-offset indirect access to stack R{}",
                        regno
                    ),
                ));
            }
            let min = reg.smin + off;
            (
                min,
                if size > 0 {
                    reg.smax + off + size_i - 1
                } else {
                    min
                },
            )
        };
        let within = |o: i64| (-(MAX_BPF_STACK as i64)..=-1).contains(&o);
        if !within(min_off) || !within(max_off) {
            let msg = if !var {
                format!(
                    "invalid indirect access to stack R{} off={} size={}",
                    regno, off, size
                )
            } else {
                let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
                if self.rules.words_612 {
                    format!(
                        "invalid variable-offset indirect access to stack R{} var_off={} off={} size={}",
                        regno, tn, off, size
                    )
                } else {
                    format!(
                        "invalid variable-offset indirect access to stack R{} var_off={} size={}",
                        regno, tn, size
                    )
                }
            };
            return Err(self
                .fail(EACCES, &msg)
                .because(crate::reason::Reason::OutOfBounds {
                    reg: Some(regno),
                    region: crate::reason::Region::Stack,
                    off: min_off,
                    size,
                }));
        }
        self.update_stack_depth(fr, min_off as i32);
        if let Some(f) = self.cur.frames.get_mut(fr) {
            f.grow_stack(-min_off as i32);
        }
        // a raw (write-only) buffer at a known place is marked written
        // after the call; at a variable place it must be read as well
        if raw && !var {
            return Ok(());
        }
        let last = if var { reg.smax + off } else { min_off };
        for o in min_off..last + size_i {
            let slot = (-o - 1) as usize;
            let spi = slot / 8;
            let Some(ss) = self
                .cur
                .frames
                .get_mut(fr)
                .and_then(|f| f.stack.get_mut(spi))
            else {
                break;
            };
            let t = ss.types[slot % 8];
            // a privileged loader may pass uninitialised bytes and spilled
            // pointers; the helper may write anything there (clobber)
            if t == SlotType::Zero || t == SlotType::Invalid {
                ss.types[slot % 8] = SlotType::Misc;
            } else if t != SlotType::Misc && ss.is_spill() {
                ss.spilled.mark_unknown();
                for ty in ss.types.iter_mut() {
                    if *ty != SlotType::Invalid {
                        *ty = SlotType::Misc;
                    }
                }
            }
            self.mark_stack_read(fr, spi);
        }
        Ok(())
    }

    /// Raw-mode helper memory: the helper writes it, one byte at a time
    /// as `check_helper_call()` does (`STACK_MISC`, spills scrubbed).
    pub fn mark_helper_mem_written(&mut self, regno: u8, size: u64) -> VResult<()> {
        let reg = *self.reg(regno);
        // check_stack_range_initialized() records the access only at a
        // known offset; at a variable one the bytes were read instead
        if reg.ty != RegType::Stack || !reg.var_off.is_const() {
            return Ok(());
        }
        for i in 0..size.min(512) as i32 {
            self.check_mem_access(regno, i, 1, Access::Write, None)?;
        }
        Ok(())
    }

    pub fn check_ldx(&mut self, insn: &Insn) -> VResult<()> {
        // cpu v4 (6.12): BPF_MEMSX, the sign-extending loads `*(s8 *)`
        let ldsx = self.rules.opcodes_v4 && insn.mode() == BPF_MEMSX;
        if (insn.mode() != BPF_MEM && !ldsx) || insn.imm != 0 {
            return Err(self.fail(EINVAL, "BPF_LDX uses reserved fields"));
        }
        self.check_reg_src(insn.src, true)?;
        self.check_reg_dst(insn.dst, false)?;
        let size = insn.size_bytes();
        let src = *self.reg(insn.src);
        let src_ty = src.ty;
        self.check_mem_access(
            insn.src,
            insn.off as i32,
            size,
            Access::Read,
            Some(insn.dst),
        )?;
        // the context's packet pointers (data, data_end, data_meta) refuse
        // a sign-extending load (`info->is_ldsx` in filter.c)
        if ldsx
            && src_ty == RegType::Ctx
            && matches!(
                self.reg(insn.dst).ty,
                RegType::Packet | RegType::PacketEnd | RegType::PacketMeta
            )
        {
            let off = insn.off as i64 + src.off as i64;
            return Err(self.fail(
                EACCES,
                &format!("invalid bpf_context access off={} size={}", off, size),
            ));
        }
        self.check_ptr_type_mismatch(src_ty)?;
        if size < 8 {
            let sync_612 = self.rules.scalar_alu_612;
            let d = self.reg_mut(insn.dst);
            if d.ty == RegType::Scalar {
                if ldsx {
                    d.coerce_to_size_sx(size);
                } else if sync_612 {
                    d.coerce_to_size_612(size);
                } else {
                    d.coerce_to_size(size);
                }
            }
        }
        self.reg_mut(insn.dst).live |= LIVE_WRITTEN;
        Ok(())
    }

    pub fn check_stx(&mut self, insn: &Insn) -> VResult<()> {
        if insn.mode() != BPF_MEM || insn.imm != 0 {
            return Err(self.fail(EINVAL, "BPF_STX uses reserved fields"));
        }
        let size = insn.size_bytes();
        self.check_reg_src(insn.src, size == 8 || insn.src == BPF_REG_FP)?;
        self.check_reg_src(insn.dst, true)?;
        let dst_ty = self.reg(insn.dst).ty;
        self.check_mem_access(
            insn.dst,
            insn.off as i32,
            size,
            Access::Write,
            Some(insn.src),
        )?;
        self.check_ptr_type_mismatch(dst_ty)
    }

    /// The same load or store may not be used with pointers of different
    /// kinds on different paths (ctx, sockets and BTF pointers are rewritten).
    fn check_ptr_type_mismatch(&mut self, ty: RegType) -> VResult<()> {
        let ok_kind = |t: RegType| {
            !matches!(
                t,
                RegType::Ctx
                    | RegType::Socket
                    | RegType::SockCommon
                    | RegType::TcpSock
                    | RegType::BtfId
            )
        };
        let idx = self.insn_idx;
        let Some(a) = self.aux.get_mut(idx) else {
            return Ok(());
        };
        match a.ptr_type {
            None => a.ptr_type = Some(ty),
            Some(prev) => {
                if prev != ty && (!ok_kind(ty) || !ok_kind(prev)) {
                    return Err(
                        self.fail(EINVAL, "same insn cannot be used with different pointers")
                    );
                }
            }
        }
        Ok(())
    }

    pub fn check_st(&mut self, insn: &Insn) -> VResult<()> {
        if insn.mode() != BPF_MEM || insn.src != 0 {
            return Err(self.fail(EINVAL, "BPF_ST uses reserved fields"));
        }
        self.check_reg_src(insn.dst, true)?;
        let size = insn.size_bytes();
        // a store of an immediate: a constant scalar
        let mut k = RegState::not_init();
        k.mark_known(insn.imm as i64 as u64);
        let reg = *self.reg(insn.dst);
        if reg.ty == RegType::Stack && reg.var_off.is_const() {
            // check_mem_access() -> check_stack_write_fixed_off(), which
            // tracks the immediate of a BPF_ST (6.3, in Debian's 6.1.y)
            let fr = reg.frameno as usize;
            let off = self.check_stack_fixed_off(
                insn.dst,
                &reg,
                insn.off as i32 + reg.off,
                size,
                Access::Write,
            )?;
            return self.check_stack_write_imm(fr, off, size, k);
        }
        if reg.ty == RegType::Ctx {
            // BPF_ST to ctx is rejected by the kernel
            let d = insn.dst;
            return Err(self.fail(
                EACCES,
                &format!("BPF_ST stores into R{} ctx is not allowed", d),
            ));
        }
        self.check_mem_access(insn.dst, insn.off as i32, size, Access::Write, None)
    }

    /// BPF_ST into the stack: Debian's 6.1.y carries the 6.3 change that
    /// tracks the immediate (a spilled constant `(u32)imm`, or STACK_ZERO).
    fn check_stack_write_imm(
        &mut self,
        fr: usize,
        off: i32,
        size: u32,
        k: RegState,
    ) -> VResult<()> {
        let slot = (-off - 1) as usize;
        let spi = slot / 8;
        self.mark_stack_slot_scratched(spi);
        let imm = k.var_off.value;
        if off % 8 == 0 && (imm != 0 || self.rules.stack_spill_612) {
            let mut fake = RegState::not_init();
            fake.mark_known(imm);
            self.save_register_state(fr, spi, &fake, size);
            self.record_stack_access(fr, spi);
            return Ok(());
        }
        let ty = if imm == 0 {
            SlotType::Zero
        } else {
            SlotType::Misc
        };
        let s = &mut self.cur.frames[fr].stack[spi];
        s.spilled.ty = RegType::NotInit;
        if s.is_spill() {
            for t in s.types.iter_mut() {
                if *t != SlotType::Invalid {
                    *t = SlotType::Misc;
                }
            }
        }
        if size == 8 {
            s.spilled.live |= LIVE_WRITTEN;
        }
        for i in 0..size as usize {
            s.types[(slot - i) % 8] = ty;
        }
        Ok(())
    }

    pub fn check_atomic(&mut self, insn: &Insn) -> VResult<()> {
        let size = insn.size_bytes();
        let op = insn.imm;
        let known = [
            0x00,
            0x40,
            0x50,
            0xa0,
            0x01,
            0x41,
            0x51,
            0xa1,
            BPF_XCHG,
            BPF_CMPXCHG,
        ];
        if !known.contains(&op) {
            return Err(self.fail(
                EINVAL,
                &format!("BPF_ATOMIC uses invalid atomic opcode {:02x}", op),
            ));
        }
        if size != 4 && size != 8 {
            return Err(self.fail(EINVAL, "invalid atomic operand size"));
        }
        self.check_reg_src(insn.src, size == 8)?;
        self.check_reg_src(insn.dst, true)?;
        if op == BPF_CMPXCHG {
            self.check_reg_src(0, true)?;
        }
        let d = *self.reg(insn.dst);
        if matches!(
            d.ty,
            RegType::Ctx
                | RegType::Packet
                | RegType::PacketMeta
                | RegType::Socket
                | RegType::SockCommon
                | RegType::TcpSock
                | RegType::BtfId
        ) {
            let t = self.reg_type_name(&d);
            let n = insn.dst;
            return Err(self.fail(
                EACCES,
                &format!("BPF_ATOMIC stores into R{} {} is not allowed", n, t),
            ));
        }
        let load_reg = if op & BPF_FETCH != 0 {
            Some(if op == BPF_CMPXCHG { 0 } else { insn.src })
        } else {
            None
        };
        // atomics are always checked for alignment (strict_alignment_once)
        self.check_ptr_alignment_strict(insn.dst, insn.off as i32, size)?;
        self.check_mem_access(insn.dst, insn.off as i32, size, Access::Read, load_reg)?;
        if let Some(r) = load_reg {
            // check_mem_access()'s last step: a 4-byte fetch zero-extends
            let sync_612 = self.rules.scalar_alu_612;
            let d = self.reg_mut(r);
            if size < 8 && d.ty == RegType::Scalar {
                if sync_612 {
                    d.coerce_to_size_612(size);
                } else {
                    d.coerce_to_size(size);
                }
            }
            d.live |= LIVE_WRITTEN;
        }
        self.check_ptr_alignment_strict(insn.dst, insn.off as i32, size)?;
        self.check_mem_access(insn.dst, insn.off as i32, size, Access::Write, None)
    }

    /// `check_ld_imm()`
    pub fn check_ld_imm(&mut self, insn: &Insn) -> VResult<()> {
        if insn.size() != BPF_DW {
            return Err(self.fail(EINVAL, "invalid BPF_LD_IMM insn"));
        }
        if insn.off != 0 {
            return Err(self.fail(EINVAL, "BPF_LD_IMM64 uses reserved fields"));
        }
        self.check_reg_dst(insn.dst, false)?;
        let next = self
            .prog
            .insns
            .get(self.insn_idx + 1)
            .copied()
            .unwrap_or_default();
        let dst = insn.dst;
        match insn.src {
            0 => {
                let v = (insn.imm as u32 as u64) | ((next.imm as u32 as u64) << 32);
                let r = self.reg_mut(dst);
                r.mark_unknown();
                r.mark_known(v);
            }
            BPF_PSEUDO_FUNC => {
                let target = (self.insn_idx as i64 + insn.imm as i64 + 1) as usize;
                let sub = self
                    .subprogs
                    .iter()
                    .position(|s| s.start == target)
                    .unwrap_or(0);
                let r = self.reg_mut(dst);
                r.mark_known_zero_ptr(RegType::Func);
                r.aux = sub as u32;
                r.live |= LIVE_WRITTEN;
            }
            BPF_PSEUDO_MAP_FD => {
                if self.prog.maps.get(insn.imm as usize).is_none() {
                    let i = insn.imm;
                    return Err(self.fail(
                        EINVAL,
                        &format!("fd {} is not pointing to valid bpf_map", i),
                    ));
                }
                let r = self.reg_mut(dst);
                r.mark_known_zero_ptr(RegType::ConstPtrToMap);
                r.aux = insn.imm as u32;
                r.live |= LIVE_WRITTEN;
            }
            BPF_PSEUDO_MAP_VALUE => {
                // global data: a pointer into the map's (only) value
                let Some(m) = self.prog.maps.get(insn.imm as usize).cloned() else {
                    let i = insn.imm;
                    return Err(self.fail(
                        EINVAL,
                        &format!("fd {} is not pointing to valid bpf_map", i),
                    ));
                };
                let off = next.imm as u32;
                // resolve_pseudo_ldimm64(): map_direct_value_addr()
                if m.map_type != crate::program::MapType::Array || m.max_entries != 1 {
                    return Err(
                        self.fail(EINVAL, "no direct value access support for this map type")
                    );
                }
                if off >= m.value_size {
                    return Err(self.fail(
                        EINVAL,
                        &format!(
                            "invalid access to map value pointer, value_size={} off={}",
                            m.value_size, off
                        ),
                    ));
                }
                let lock = m.lock_off.is_some();
                let id = if lock { self.new_id() } else { 0 };
                let r = self.reg_mut(dst);
                r.mark_known_zero_ptr(RegType::MapValue);
                r.aux = insn.imm as u32;
                r.off = off as i32;
                r.id = id;
                r.live |= LIVE_WRITTEN;
            }
            _ => {
                return Err(self.fail(EINVAL, "unrecognized bpf_ld_imm64 insn"));
            }
        }
        let r = self.reg_mut(dst);
        r.live |= LIVE_WRITTEN;
        Ok(())
    }

    /// `check_ld_abs()`
    pub fn check_ld_abs(&mut self, insn: &Insn) -> VResult<()> {
        if !matches!(
            self.prog.prog_type,
            ProgType::SocketFilter | ProgType::SchedCls | ProgType::SchedAct | ProgType::CgroupSkb
        ) {
            return Err(self.fail(
                EINVAL,
                "BPF_LD_[ABS|IND] instructions not allowed for this program type",
            ));
        }
        if insn.dst != 0
            || insn.off != 0
            || insn.size() == BPF_DW
            || (insn.mode() == BPF_ABS && insn.src != 0)
        {
            return Err(self.fail(EINVAL, "BPF_LD_[ABS|IND] uses reserved fields"));
        }
        self.check_reg_src(6, true)?;
        if self.check_reference_leak().is_err() {
            return Err(self.fail(
                EINVAL,
                "BPF_LD_[ABS|IND] cannot be mixed with socket references",
            ));
        }
        if self.cur.active_spin_lock != 0 {
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] cannot be used inside bpf_spin_lock-ed region",
                )
                .because(crate::reason::Reason::LockMisuse));
        }
        if self.cur.curframe() > 0 {
            return Err(self.fail(
                EINVAL,
                "BPF_LD_[ABS|IND] instructions cannot be mixed with bpf-to-bpf calls",
            ));
        }
        if self.reg(6).ty != RegType::Ctx {
            return Err(self.fail(EINVAL, "at the time of BPF_LD_ABS|IND R6 != pointer to skb"));
        }
        if insn.mode() == BPF_IND {
            self.check_reg_src(insn.src, true)?;
        }
        for r in 0..=5u8 {
            self.reg_mut(r).mark_not_init();
            self.mark_reg_scratched(r as usize);
            self.reg_mut(r).live |= LIVE_WRITTEN;
        }
        self.reg_mut(0).mark_unknown();
        let _ = LIVE_READ64;
        Ok(())
    }
}
