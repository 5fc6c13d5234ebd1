//! Memory access (`check_mem_access`: context, map values, packets,
//! sockets and other pointers; the stack's part is in [`crate::stack`],
//! the context's rules in [`crate::ctx`]), loads and stores
//! (`check_ldx`/`check_stx`/`check_st`), atomics and the helper memory
//! arguments (`check_helper_mem_access`).

use crate::ctx::{ctx_field, sock_access_ok, Access, CtxField};
use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::insn::*;
use crate::log::reg_type_str;
use crate::program::ProgType;
use crate::reason::Region;
use crate::regs::{RegState, RegType, LIVE_WRITTEN};

impl Env {
    /// `check_ptr_alignment()` with `strict_alignment_once` (atomics): every
    /// pointer type is checked; packets as if `NET_IP_ALIGN` were 2. Without
    /// it only the stack is strict, which `check_mem_access` checks itself.
    pub fn check_ptr_alignment_strict(&mut self, regno: u8, off: i32, size: u32) -> VResult<()> {
        let reg = *self.reg(regno);
        if size == 1 {
            return Ok(());
        }
        // 6.12's tnum_strn prints a constant as verbose_unum does
        // (decimal up to U16_MAX, else hex: `0x7fffffff`)
        let tn = if self.rules.words_612 {
            crate::log::tnum_str_612(reg.var_off.value, reg.var_off.mask)
        } else {
            crate::log::tnum_str(reg.var_off.value, reg.var_off.mask)
        };
        // the kernel switches on the full type: a pointer that may still be
        // NULL carries a flag and gets no description
        let desc = match reg.ty {
            // check_ptr_alignment(): nothing to check in an arena
            RegType::Arena => return Ok(()),
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
            RegType::XdpSock => "xdp_sock ",
            RegType::FlowKeys => "flow keys ",
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
    /// record `ringbuf_mem` (`MEM_RINGBUF`). A kernel pointer goes without
    /// its struct's name (`trusted_ptr_`): only the state print adds it.
    pub fn reg_type_name(&self, reg: &RegState) -> String {
        if reg.ty == RegType::BtfId && crate::btf_access::BtfPtr::of(reg.aux).is_some() {
            return crate::log::reg_type_str_unnamed(reg);
        }
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
        // check_ptr_alignment() comes first, with the instruction's own
        // offset; only BPF_F_STRICT_ALIGNMENT makes it look beyond the stack
        // on x86 (which the stack's checks below do themselves)
        if self.prog.prog_flags.strict_alignment() {
            self.check_ptr_alignment_strict(regno, off, size)?;
        }
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
            RegType::Ctx
                if matches!(
                    self.prog.prog_type,
                    crate::program::ProgType::Tracing
                        | crate::program::ProgType::Lsm
                        | crate::program::ProgType::StructOps
                ) =>
            {
                self.check_ptr_off_reg(&reg, regno, false)?;
                self.check_btf_ctx_access(regno, off, size, t, value_regno)
            }
            RegType::ConstPtrToMap => {
                self.check_ptr_to_map_access(regno, &reg, off, size, t, value_regno)
            }
            RegType::Socket | RegType::SockCommon | RegType::TcpSock | RegType::BtfId
                if reg.ty == RegType::BtfId
                    && crate::btf_access::BtfPtr::of(reg.aux).is_some()
                    && !reg.maybe_null =>
            {
                self.check_ptr_to_btf_access(regno, &reg, off, size, t, value_regno)
            }
            RegType::Ctx => {
                self.check_ptr_off_reg(&reg, regno, false)?;
                let Some(field) = ctx_field(
                    self.prog.prog_type,
                    self.prog.expected_attach_type,
                    off,
                    size,
                    t,
                    self.rules.helpers_612,
                ) else {
                    let e = self.out_of_bounds(
                        &format!("invalid bpf_context access off={} size={}", off, size),
                        regno,
                        Region::Context,
                        off,
                        size,
                    );
                    // check_mem_access() names the source line after a
                    // refused context access (a level-1 log printed it
                    // before the instruction already)
                    self.verbose_linfo();
                    return Err(e);
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
                            CtxField::Kernel(_) => {}
                        }
                        if let CtxField::Kernel(name) = field {
                            let id = self
                                .prog
                                .kernel_btf
                                .as_ref()
                                .and_then(|k| k.btf.find(crate::btf::KIND_STRUCT, name))
                                .unwrap_or(0);
                            let d = self.reg_mut(v);
                            d.mark_known_zero_ptr(RegType::BtfId);
                            d.aux =
                                crate::btf_access::BtfPtr::new(id, crate::btf_access::TRUSTED).0;
                            d.live |= LIVE_WRITTEN;
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
                    // the register the store goes through, often a copy
                    // of the callback's r2
                    return Err(self
                        .fail(EACCES, &format!("write to change key R{regno} not allowed"))
                        .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
                }
                // check_map_access_type(): BPF_F_RDONLY_PROG / BPF_F_WRONLY_PROG
                let flags = self
                    .prog
                    .maps
                    .get(reg.aux as usize)
                    .map(|m| m.prog_flags())
                    .unwrap_or(0);
                if reg.ty == RegType::MapValue {
                    if t == Access::Write && flags & crate::program::BPF_F_RDONLY_PROG != 0 {
                        return Err(self
                            .fail(
                                EACCES,
                                &format!(
                                    "write into map forbidden, value_size={} off={} size={}",
                                    vs, off, size
                                ),
                            )
                            .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
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
                if reg.ty == RegType::MapValue {
                    self.check_map_special_fields(&reg, off, size as u64)?;
                }
                if reg.ty == RegType::MapValue {
                    self.check_map_kptr_fields(regno, &reg, off, size as u64, true)?;
                    // a kptr field: loaded or stored by its own rules
                    let at = off as i64 + reg.var_off.value as i64;
                    let field = reg
                        .var_off
                        .is_const()
                        .then(|| self.map_kptr_at(reg.aux, at))
                        .flatten();
                    if let Some((kind, field)) = field {
                        return self.check_map_kptr_access(value_regno, kind, &field);
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
                        // past the initial bytes the value is zero, as
                        // the kernel's array map is
                        let at = off as i64 + reg.var_off.value as i64;
                        usize::try_from(at).ok().map(|a| {
                            let mut v = [0u8; 8];
                            for (k, b) in v.iter_mut().take(size as usize).enumerate() {
                                *b = m.data.get(a + k).copied().unwrap_or(0);
                            }
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
            RegType::Buf if !reg.maybe_null => {
                if t == Access::Write && reg.rdonly {
                    return Err(self.cannot_write_into(regno, &reg));
                }
                self.check_buffer_access(regno, &reg, off, size)?;
                self.load_unknown(t, value_regno);
                Ok(())
            }
            RegType::AllocMem | RegType::Mem => {
                if reg.maybe_null {
                    let tstr = self.reg_type_name(&reg);
                    return Err(self
                        .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                        .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
                }
                // MEM_RDONLY: a per-CPU variable through bpf_this_cpu_ptr, ...
                if t == Access::Write && reg.rdonly {
                    return Err(self.cannot_write_into(regno, &reg));
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
                        | ProgType::CgroupSockopt
                        | ProgType::LwtXmit
                );
                if t == Access::Write && !may_write {
                    return Err(self
                        .fail(EACCES, "cannot write into packet")
                        .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
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
                    return Err(self.out_of_bounds(
                        &format!("R{} offset is outside of the packet", regno),
                        regno,
                        Region::Packet,
                        off,
                        size,
                    ));
                }
                self.load_unknown(t, value_regno);
                Ok(())
            }
            // check_tp_buffer_access(): at a constant, non-negative offset
            RegType::TpBuffer => {
                if off < 0 {
                    return Err(self.out_of_bounds(
                        &format!(
                            "R{} invalid tracepoint buffer access: off={}, size={}",
                            regno, off, size
                        ),
                        regno,
                        Region::TracepointBuffer,
                        off,
                        size,
                    ));
                }
                if !reg.var_off.is_const() || reg.var_off.value != 0 {
                    let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
                    return Err(self.out_of_bounds(
                        &format!(
                            "R{} invalid variable buffer offset: off={}, var_off={}",
                            regno, off, tn
                        ),
                        regno,
                        Region::TracepointBuffer,
                        off,
                        size,
                    ));
                }
                self.load_unknown(t, value_regno);
                Ok(())
            }
            // an arena's address: the JIT's probing loads and stores catch
            // any fault, so any access goes; a load is a number
            RegType::Arena => {
                self.load_unknown(t, value_regno);
                Ok(())
            }
            // check_flow_keys_access(): inside struct bpf_flow_keys, read
            // and written (root may store pointers: allow_ptr_leaks)
            RegType::FlowKeys => {
                const FLOW_KEYS_SIZE: i64 = 56;
                if off < 0 || off as i64 + size as i64 > FLOW_KEYS_SIZE {
                    return Err(self.out_of_bounds(
                        &format!("invalid access to flow keys off={} size={}", off, size),
                        regno,
                        Region::FlowKeys,
                        off,
                        size,
                    ));
                }
                self.load_unknown(t, value_regno);
                Ok(())
            }
            RegType::Socket
            | RegType::SockCommon
            | RegType::TcpSock
            | RegType::XdpSock
            | RegType::BtfId => {
                if reg.maybe_null {
                    // reg_type_str(): a BTF pointer without its struct's name
                    let tstr = if reg.ty == RegType::BtfId {
                        self.arg_reg_type_str(&reg)
                    } else {
                        self.reg_type_name(&reg)
                    };
                    return Err(self
                        .fail(EACCES, &format!("R{} invalid mem access '{}'", regno, tstr))
                        .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
                }
                if reg.ty == RegType::BtfId {
                    // a test kfunc's struct is the kernel's: walked as any
                    // kernel struct (check_ptr_to_btf_access)
                    let kernel = self.prog.kernel_btf.clone();
                    let sid = kernel
                        .as_ref()
                        .and_then(|k| k.btf.find(crate::btf::KIND_STRUCT, "prog_test_ref_kfunc"));
                    if let Some(sid) = sid {
                        let mut as_kernel = reg;
                        as_kernel.aux = crate::btf_access::BtfPtr::new(sid, 0).0;
                        return self.check_ptr_to_btf_access(
                            regno,
                            &as_kernel,
                            off,
                            size,
                            t,
                            value_regno,
                        );
                    }
                }
                if t == Access::Write {
                    return Err(self.cannot_write_into(regno, &reg));
                }
                if reg.ty == RegType::BtfId {
                    if off < 0 || off + size as i32 > 8 {
                        let msg = format!(
                            "access beyond struct prog_test_ref_kfunc at off {} size {}",
                            off, size
                        );
                        return Err(self.out_of_bounds(
                            &msg,
                            regno,
                            Region::KernelStruct,
                            off,
                            size,
                        ));
                    }
                } else {
                    let ok = if reg.ty == RegType::TcpSock {
                        // bpf_tcp_sock_is_valid_access: u32 fields up to
                        // icsk_retransmits, bytes_received/bytes_acked are u64
                        (0..112).contains(&off)
                            && off % size as i32 == 0
                            && size == if matches!(off, 80 | 88) { 8 } else { 4 }
                    } else if reg.ty == RegType::XdpSock {
                        // bpf_xdp_sock_is_valid_access: queue_id, whole
                        off == 0 && size == 4
                    } else {
                        sock_access_ok(reg.ty, off, size)
                    };
                    if !ok {
                        let tstr = self.reg_type_name(&reg);
                        return Err(self.out_of_bounds(
                            &format!(
                                "R{} invalid {} access off={} size={}",
                                regno, tstr, off, size
                            ),
                            regno,
                            Region::Socket,
                            off,
                            size,
                        ));
                    }
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

    /// `bpf_tracing_btf_ctx_access()`: a tracing or LSM program's context
    /// is its target's arguments, typed by the kernel's BTF.
    fn check_btf_ctx_access(
        &mut self,
        regno: u8,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        let refuse = |env: &mut Self| {
            let msg = format!("invalid bpf_context access off={off} size={size}");
            let e = env.out_of_bounds(&msg, regno, crate::reason::Region::Context, off, size);
            env.verbose_linfo();
            Err(e)
        };
        let prog = self.prog.clone();
        // bpf_tracing_ctx_access(): MAX_BPF_FUNC_ARGS u64s, read, aligned;
        // an LSM program's is_valid_access is btf_ctx_access() itself, which
        // lets it write its context too (a negative offset falls past the
        // last argument there: get_ctx_arg_idx() compares unsigned)
        let lsm = prog.prog_type == crate::program::ProgType::Lsm;
        if !lsm && (!(0..8 * 12).contains(&off) || t != Access::Read || off % size as i32 != 0) {
            return refuse(self);
        }
        let Some(a) = prog.attach_btf.as_ref() else {
            return refuse(self);
        };
        let trusted = self.rules.trusted_ptrs
            && crate::btf_access::args_trusted(prog.prog_type, prog.expected_attach_type, &a.tname);
        let (lines, mut arg) = crate::btf_access::btf_ctx_access(
            a,
            prog.expected_attach_type,
            trusted,
            off,
            size,
            self.rules.btf_ctx_access_612,
        );
        // bpf_tcp_ca_is_valid_access(): a congestion control's `struct
        // sock *` is its `struct tcp_sock` (6.1: a plain pointer only,
        // 6.12: one without unsafe modifiers)
        if let (crate::program::ProgType::StructOps, Some(crate::btf_access::CtxArg::Ptr(p))) =
            (prog.prog_type, arg.as_mut())
        {
            let kb = &a.kernel;
            let plain = if self.rules.trusted_ptrs {
                !p.has(crate::btf_access::UNTRUSTED)
                    && !p.has(crate::btf_access::USER)
                    && !p.has(crate::btf_access::PERCPU)
            } else {
                p.flags() == 0
            };
            if let (true, Some(sock), Some(tcp_sock)) = (
                plain,
                kb.find(crate::btf::KIND_STRUCT, "sock"),
                kb.find(crate::btf::KIND_STRUCT, "tcp_sock"),
            ) {
                if p.id() == sock {
                    *p = crate::btf_access::BtfPtr::new(tcp_sock, p.flags());
                }
            }
        }
        for l in lines {
            self.verbose(&l);
        }
        let Some(arg) = arg else {
            return refuse(self);
        };
        // a write (an LSM program's) leaves its source register as it was
        if let Some(v) = value_regno.filter(|_| t == Access::Read) {
            match arg {
                crate::btf_access::CtxArg::Scalar => self.reg_mut(v).mark_unknown(),
                // 6.12: an LSM hook's previous return value is in the
                // hook's range (__mark_reg_s32_range)
                crate::btf_access::CtxArg::RetVal => {
                    let range = self.lsm_retval_range_612();
                    let d = self.reg_mut(v);
                    match range {
                        // 6.12.95's __mark_reg_s32_range() narrows the
                        // register as it was (no mark_reg_unknown first: a
                        // constant, an id, a pointer's bounds stay), which
                        // then becomes a scalar
                        Some((lo, hi)) => {
                            d.s32_min = d.s32_min.max(lo as i32);
                            d.s32_max = d.s32_max.min(hi as i32);
                            d.smin = d.smin.max(lo);
                            d.smax = d.smax.min(hi);
                            d.bounds_sync_612();
                            let line = crate::branches612::sanity_check(d, "s32_range");
                            d.ty = RegType::Scalar;
                            self.reg_invariants(&line.unwrap_or_default())?;
                        }
                        None => d.mark_unknown(),
                    }
                }
                crate::btf_access::CtxArg::Ptr(p) => self.mark_btf_ld_reg(v, p, false),
                crate::btf_access::CtxArg::PtrOrNull(p) => self.mark_btf_ld_reg(v, p, true),
                crate::btf_access::CtxArg::BufOrNull { rdonly } => {
                    // check_ctx_access(): a maybe-NULL pointer gets an id
                    let id = self.new_id();
                    let d = self.reg_mut(v);
                    d.mark_known_zero_ptr(RegType::Buf);
                    d.rdonly = rdonly;
                    d.maybe_null = true;
                    d.id = id;
                    d.live |= LIVE_WRITTEN;
                }
            }
        }
        Ok(())
    }

    /// `check_ptr_to_btf_access()`: a read through a kernel BTF pointer
    /// (`btf_struct_access`); the pointer read has 6.12's trust flags.
    fn check_ptr_to_btf_access(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        use crate::btf_access::{BtfPtr, Walk, PERCPU, USER};
        let p = BtfPtr::of(reg.aux).unwrap_or(BtfPtr(0));
        if p.has(crate::btf_access::PROG) {
            return self.check_alloc_obj_access(regno, reg, p, off, size, t, value_regno);
        }
        let Some(kernel) = self.prog.kernel_btf.clone() else {
            return Err(self.fail(EACCES, "the kernel's BTF is not given"));
        };
        // the struct's name, for the messages only
        let tname = || {
            kernel
                .btf
                .get(p.id())
                .map(|t| t.name.clone())
                .unwrap_or_default()
        };
        if self.rules.trusted_ptrs && !self.prog.gpl_compatible() {
            return Err(self.fail(
                EINVAL,
                &format!(
                    "Cannot access kernel 'struct {}' from non-GPL compatible program",
                    tname()
                ),
            ));
        }
        if off < 0 {
            let msg = format!(
                "R{regno} is ptr_{} invalid negative access: off={off}",
                tname()
            );
            return Err(self.out_of_bounds(&msg, regno, Region::KernelStruct, off, size));
        }
        // a pointer the program may not read through: moved by an unknown
        // amount, to user or per-CPU memory
        let unreadable = if !reg.var_off.is_const() || reg.var_off.value != 0 {
            let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
            Some(format!("invalid variable offset: off={off}, var_off={tn}"))
        } else if p.has(USER) {
            Some(format!("access user memory: off={off}"))
        } else if p.has(PERCPU) {
            Some(format!("access percpu memory: off={off}"))
        } else {
            None
        };
        if let Some(what) = unreadable {
            return Err(self
                .fail(EACCES, &format!("R{regno} is ptr_{} {what}", tname()))
                .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
        }
        if t == Access::Write {
            // a congestion control writes some of its socket's fields
            // (env->ops->btf_struct_access), through an untrusted pointer
            // too on 6.12.95 (later 6.12 releases refuse that first)
            if self.prog.prog_type == crate::program::ProgType::StructOps {
                return match self.struct_ops_struct().as_deref() {
                    Some("bpf_dummy_ops") => self.dummy_ops_access(regno, p, off, size, t, &kernel),
                    _ => self.tcp_ca_write(regno, p, off, size, &kernel),
                };
            }
            // tc and XDP programs have their own btf_struct_access, which
            // hands a write to nf_conntrack's (nfct_btf_struct_access) when
            // that module is loaded, and otherwise refuses it without a
            // word: the modelled machines have no nf_conntrack loaded
            if matches!(
                self.prog.prog_type,
                crate::program::ProgType::SchedCls | crate::program::ProgType::Xdp
            ) {
                return Err(self
                    .fail_unworded(EACCES, crate::reason::Reason::ReadOnly { reg: Some(regno) }));
            }
            return Err(self
                .fail(EACCES, "only read is supported")
                .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
        }
        // 6.1 hands reads to the struct's btf_struct_access too
        if !self.rules.struct_ops_612
            && self.prog.prog_type == crate::program::ProgType::StructOps
            && self.struct_ops_struct().as_deref() == Some("bpf_dummy_ops")
        {
            self.dummy_ops_access(regno, p, off, size, t, &kernel)?;
        }
        let walk = crate::btf_access::btf_struct_access(
            &kernel.btf,
            p.id(),
            off as i64,
            size,
            self.rules.trusted_ptrs,
        )
        .map_err(|m| self.out_of_bounds(&m, regno, Region::KernelStruct, off, size))?;
        let Some(v) = value_regno else {
            return Ok(());
        };
        match walk {
            Walk::Scalar => self.reg_mut(v).mark_unknown(),
            Walk::Ptr { id, field, tags } => {
                let (flags, maybe_null) = if self.rules.trusted_ptrs {
                    crate::btf_access::walked_flags_612(
                        &kernel,
                        p,
                        reg.maybe_null,
                        self.in_rcu_cs(),
                        &field,
                        id,
                        tags,
                    )
                } else {
                    // 6.1: walking keeps only the untrusted mark and the
                    // __user / __percpu tags
                    (
                        (tags & (USER | PERCPU)) | (p.flags() & crate::btf_access::UNTRUSTED),
                        false,
                    )
                };
                self.mark_btf_ld_reg(v, BtfPtr::new(id, flags), maybe_null);
            }
        }
        Ok(())
    }

    /// `check_ptr_to_btf_access()` of an object the program allocated
    /// (`MEM_ALLOC`, 6.2+): its type is the program's own, it may be
    /// written, but not where its record has a special field
    /// (`btf_struct_access()`: "direct access to bpf_list_node is
    /// disallowed").
    #[allow(clippy::too_many_arguments)]
    fn check_alloc_obj_access(
        &mut self,
        regno: u8,
        reg: &RegState,
        p: crate::btf_access::BtfPtr,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        use crate::btf_access::Walk;
        let Some(btf) = self.prog.obj_btf.clone() else {
            return Err(self.fail(EACCES, "an allocated object without the program's BTF"));
        };
        let tname = btf.get(p.id()).map(|t| t.name.clone()).unwrap_or_default();
        if off < 0 {
            let msg = format!("R{regno} is ptr_{tname} invalid negative access: off={off}");
            return Err(self.out_of_bounds(&msg, regno, Region::KernelStruct, off, size));
        }
        if !reg.var_off.is_const() || reg.var_off.value != 0 {
            let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
            return Err(self
                .fail(
                    EACCES,
                    &format!(
                        "R{regno} is ptr_{tname} invalid variable offset: off={off}, var_off={tn}"
                    ),
                )
                .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
        }
        if p.has(crate::btf_access::PERCPU) {
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{regno} is ptr_{tname} access percpu memory: off={off}"),
                )
                .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
        }
        // a local kptr loaded untrusted is read only
        if !p.has(crate::btf_access::ALLOC) && t == Access::Write {
            return Err(self
                .fail(EACCES, "only read is supported")
                .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
        }
        if p.has(crate::btf_access::ALLOC)
            && !p.has(crate::btf_access::NON_OWN)
            && !p.has(crate::btf_access::RCU)
            && reg.ref_obj_id == 0
        {
            return Err(self.fail(
                crate::env::EFAULT,
                "verifier internal error: ref_obj_id for allocated object must be non-zero",
            ));
        }
        // btf_struct_access(): no load or store may touch a special field
        let rec = crate::btf_record::struct_meta(&btf, p.id()).ok().flatten();
        if let Some(f) = rec
            .as_ref()
            .and_then(|r| r.overlapping(off as i64, size as i64))
        {
            return Err(self
                .fail(
                    EACCES,
                    &format!("direct access to {} is disallowed", f.ty.name()),
                )
                .because(crate::reason::Reason::GraphMisuse));
        }
        let walk = crate::btf_access::btf_struct_access(&btf, p.id(), off as i64, size, true)
            .map_err(|m| self.out_of_bounds(&m, regno, Region::KernelStruct, off, size))?;
        match walk {
            Walk::Scalar => {
                if let (Some(v), Access::Read) = (value_regno, t) {
                    self.reg_mut(v).mark_unknown();
                }
                Ok(())
            }
            Walk::Ptr { .. } => Err(self
                .fail(
                    crate::env::ENOTSUPP,
                    "not modelled: a pointer member of an allocated object",
                )
                .because(crate::reason::Reason::Other)),
        }
    }

    /// The struct of operations a struct_ops program implements a member
    /// of (`tcp_congestion_ops`, `bpf_dummy_ops`).
    fn struct_ops_struct(&self) -> Option<String> {
        self.prog
            .attach_btf
            .as_ref()
            .and_then(|a| a.struct_ops.as_ref())
            .map(|(st, _)| st.clone())
    }

    /// `bpf_dummy_ops_btf_struct_access()` (net/bpf/bpf_dummy_struct_ops.c):
    /// only `struct bpf_dummy_ops_state` may be touched. 6.1 asks it for
    /// reads and writes and then walks the struct (the caller's walk; a
    /// write is checked by the same walk here); 6.12 asks it for writes
    /// only, which must end inside the state's 4 bytes.
    fn dummy_ops_access(
        &mut self,
        regno: u8,
        p: crate::btf_access::BtfPtr,
        off: i32,
        size: u32,
        t: Access,
        kernel: &crate::relo_core::KernelBtf,
    ) -> VResult<()> {
        let state = kernel.find(crate::btf::KIND_STRUCT, "bpf_dummy_ops_state");
        if state != Some(p.id()) {
            return Err(self
                .fail(EACCES, "only access to bpf_dummy_ops_state is supported")
                .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
        }
        if t == Access::Read {
            return Ok(());
        }
        if self.rules.struct_ops_612 {
            let state_size = kernel.btf.size_of(p.id()).unwrap_or(0);
            if off as i64 + size as i64 > state_size as i64 {
                return Err(self
                    .fail(
                        EACCES,
                        &format!("write access at off {off} with size {size}"),
                    )
                    .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
            }
            return Ok(());
        }
        crate::btf_access::btf_struct_access(&kernel.btf, p.id(), off as i64, size, false)
            .map_err(|m| self.out_of_bounds(&m, regno, Region::KernelStruct, off, size))?;
        Ok(())
    }

    /// `bpf_tcp_ca_btf_struct_access()` for a write: only into a
    /// `struct tcp_sock`, only its congestion control fields.
    fn tcp_ca_write(
        &mut self,
        regno: u8,
        p: crate::btf_access::BtfPtr,
        off: i32,
        size: u32,
        kernel: &crate::relo_core::KernelBtf,
    ) -> VResult<()> {
        let ro = |env: &mut Self, msg: &str| {
            Err(env
                .fail(EACCES, msg)
                .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }))
        };
        if kernel.find(crate::btf::KIND_STRUCT, "tcp_sock") != Some(p.id()) {
            return ro(self, "only read is supported");
        }
        let fields = crate::btf_access::tcp_ca_writable(kernel, self.rules.tcp_ca_writes_612);
        let off_u = off as u32;
        let field = fields.iter().find(|(start, end, range)| {
            off_u == *start || (*range && (*start..*end).contains(&off_u))
        });
        let Some(&(_, end, _)) = field else {
            return ro(self, &format!("no write support to tcp_sock at off {off}"));
        };
        if off_u + size > end {
            return ro(
                self,
                &format!(
                    "write access at off {off} with size {size} beyond the member of tcp_sock ended at {end}"
                ),
            );
        }
        Ok(())
    }

    /// `mark_btf_ld_reg()`: register `v` holds a kernel BTF pointer (a
    /// NULL-able one gets an id for the NULL check).
    fn mark_btf_ld_reg(&mut self, v: u8, p: crate::btf_access::BtfPtr, maybe_null: bool) {
        let id = if maybe_null { self.new_id() } else { 0 };
        let d = self.reg_mut(v);
        d.mark_known_zero_ptr(RegType::BtfId);
        d.aux = p.0;
        d.maybe_null = maybe_null;
        d.id = id;
        d.live |= LIVE_WRITTEN;
    }

    /// An access outside the memory a pointer may reach, with its facts.
    fn out_of_bounds(
        &mut self,
        msg: &str,
        regno: u8,
        region: Region,
        off: i32,
        size: u32,
    ) -> crate::env::VErr {
        self.fail(EACCES, msg)
            .because(crate::reason::Reason::OutOfBounds {
                reg: Some(regno),
                region,
                off: off as i64,
                size: size as u64,
            })
    }

    /// `check_ptr_to_map_access()`: reads of a map's kernel struct
    /// (`map->ops->map_btf_id`: `struct bpf_array`, `bpf_htab`, ...) through
    /// its pointer, walked in the kernel's BTF.
    fn check_ptr_to_map_access(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
        t: Access,
        value_regno: Option<u8>,
    ) -> VResult<()> {
        use crate::btf_access::{BtfPtr, Walk};
        let mt = self.prog.maps.get(reg.aux as usize).map(|m| m.map_type);
        let Some(sname) = mt.and_then(map_btf_struct) else {
            let n = mt.map(|m| m.number()).unwrap_or(0);
            return Err(self.fail(
                crate::env::ENOTSUPP,
                &format!("map_ptr access not supported for map type {n}"),
            ));
        };
        if off < 0 {
            let msg = format!("R{regno} is {sname} invalid negative access: off={off}");
            return Err(self.out_of_bounds(&msg, regno, Region::KernelStruct, off, size));
        }
        if t == Access::Write {
            return Err(self
                .fail(EACCES, &format!("only read from {sname} is supported"))
                .because(crate::reason::Reason::ReadOnly { reg: Some(regno) }));
        }
        // only a read walks the struct: the kernel's BTF is needed from here
        let Some(kernel) = self.prog.kernel_btf.clone() else {
            return Err(self
                .fail(
                    EACCES,
                    &format!("not modelled: a read of {sname} needs the kernel's BTF, not given"),
                )
                .because(crate::reason::Reason::NotModelled));
        };
        let Some(sid) = kernel.find(crate::btf::KIND_STRUCT, sname) else {
            let n = mt.map(|m| m.number()).unwrap_or(0);
            return Err(self.fail(
                crate::env::ENOTSUPP,
                &format!("map_ptr access not supported for map type {n}"),
            ));
        };
        let walk = crate::btf_access::btf_struct_access(
            &kernel.btf,
            sid,
            off as i64,
            size,
            self.rules.trusted_ptrs,
        )
        .map_err(|m| self.out_of_bounds(&m, regno, Region::KernelStruct, off, size))?;
        if let Some(v) = value_regno {
            match walk {
                Walk::Scalar => self.reg_mut(v).mark_unknown(),
                Walk::Ptr { id, tags, .. } => {
                    let flags = tags
                        & (crate::btf_access::USER
                            | crate::btf_access::PERCPU
                            | crate::btf_access::UNTRUSTED);
                    self.mark_btf_ld_reg(v, BtfPtr::new(id, flags), false);
                }
            }
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
    /// `R%d cannot write into %s`: a write (by the program or a helper)
    /// through a pointer to read-only memory (a map key, `rdonly_mem`,
    /// `rdonly_buf`, ...).
    pub(crate) fn cannot_write_into(&mut self, regno: u8, reg: &RegState) -> crate::env::VErr {
        let t = self.reg_type_name(reg);
        self.fail(EACCES, &format!("R{} cannot write into {}", regno, t))
            .because(crate::reason::Reason::ReadOnly { reg: Some(regno) })
    }

    /// `check_buffer_access()`: an iterator's buffer is read or written at
    /// a constant offset, never before its start. How far is checked when
    /// the iterator is attached to its map (`max_rdonly_access`,
    /// `max_rdwr_access`), not by the walk.
    fn check_buffer_access(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u32,
    ) -> VResult<()> {
        let info = if reg.rdonly { "rdonly" } else { "rdwr" };
        if off < 0 {
            return Err(self.out_of_bounds(
                &format!("R{regno} invalid {info} buffer access: off={off}, size={size}"),
                regno,
                crate::reason::Region::Memory,
                off,
                size,
            ));
        }
        if !reg.var_off.is_const() || reg.var_off.value != 0 {
            let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{regno} invalid variable buffer offset: off={off}, var_off={tn}"),
                )
                .because(crate::reason::Reason::InvalidMemAccess { reg: regno }));
        }
        Ok(())
    }

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
        // __check_mem_access() switches on the whole type: a map value
        // that may be NULL (ARG_PTR_TO_MEM_OR_NULL) is plain memory there
        let k = if reg.maybe_null {
            "memory, mem_size"
        } else {
            kind(reg.ty)
        };
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

    /// `check_map_access()`'s special fields: an access of `size` bytes at
    /// `off` from map value `reg` (directly or by a helper) may touch none
    /// of the value's lock, timer, workqueue or graph fields. 6.1 looks at
    /// the lock, then the timer; 6.12 at its record's fields by offset, so
    /// the lowest one touched is named.
    fn check_map_special_fields(
        &mut self,
        reg: &RegState,
        off: i32,
        size: u64,
    ) -> Result<(), crate::env::VErr> {
        let Some(m) = self.prog.maps.get(reg.aux as usize) else {
            return Ok(());
        };
        let lo = reg.smin.saturating_add(off as i64);
        let hi = (reg.umax as i64)
            .saturating_add(off as i64)
            .saturating_add(size as i64);
        // (offset, size, name, a graph field)
        let others = m
            .graph
            .iter()
            .map(|f| (f.off, f.size(), f.ty.name(), true))
            .chain(
                m.earlier_fields
                    .iter()
                    .map(|&(off, ty)| (off, ty.size(), ty.name(), false)),
            );
        let mut touched = m
            .lock_off
            .map(|o| (o, 4, "bpf_spin_lock", false))
            .into_iter()
            .chain(m.timer_off.map(|o| (o, 16, "bpf_timer", false)))
            .chain(m.wq_off.map(|o| (o, 16, "bpf_wq", false)))
            .chain(others)
            .filter(|&(o, n, _, _)| lo < o as i64 + n as i64 && hi > o as i64);
        let first = if self.rules.nested_special_fields {
            touched.min_by_key(|f| f.0)
        } else {
            touched.next()
        };
        let Some((_, _, name, is_graph)) = first else {
            return Ok(());
        };
        let why = if is_graph {
            crate::reason::Reason::GraphMisuse
        } else {
            crate::reason::Reason::LockMisuse
        };
        Err(self
            .fail(
                EACCES,
                &format!("{name} cannot be accessed directly by load/store"),
            )
            .because(why))
    }

    /// `check_helper_mem_access()`: `size` bytes at the pointer in `regno`
    /// handed to a helper (`raw`: the argument's `raw_mode`, the helper
    /// only writes them; `write`: its access type, `BPF_WRITE` for a
    /// `MEM_WRITE` argument and for `check_mem_reg()`'s second look).
    pub fn check_helper_mem_access(
        &mut self,
        regno: u8,
        size: u64,
        zero_ok: bool,
        raw: bool,
        write: bool,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        match reg.ty {
            RegType::Stack => self.check_stack_range_initialized(regno, &reg, size, zero_ok, raw),
            RegType::Buf => {
                if write && reg.rdonly {
                    return Err(self.cannot_write_into(regno, &reg));
                }
                let size = u32::try_from(size).unwrap_or(u32::MAX);
                self.check_buffer_access(regno, &reg, reg.off, size)
            }
            RegType::MapValue | RegType::MapKey | RegType::AllocMem | RegType::Mem => {
                let rdonly = reg.ty == RegType::MapKey
                    || (matches!(reg.ty, RegType::Mem | RegType::AllocMem) && reg.rdonly);
                if write && rdonly {
                    return Err(self.cannot_write_into(regno, &reg));
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
                self.check_mem_region_access_z(regno, reg.off, size as u32, mem, &reg, zero_ok)?;
                if reg.ty == RegType::MapValue {
                    // check_map_access(ACCESS_HELPER): the same fields
                    self.check_map_special_fields(&reg, reg.off, size)?;
                    self.check_map_kptr_fields(regno, &reg, reg.off, size, false)?;
                }
                Ok(())
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
            // the context of a program type without convert_ctx_access
            // (syscall, tracing, kprobe, ...: a kfunc's memory argument):
            // its last byte read (or written) as the program would
            RegType::Ctx if !has_convert_ctx_access(self.prog.prog_type) => {
                if size == 0 {
                    return if zero_ok {
                        Ok(())
                    } else {
                        Err(self.fail_unworded(
                            EACCES,
                            crate::reason::Reason::ArgumentType { reg: Some(regno) },
                        ))
                    };
                }
                let t = if write { Access::Write } else { Access::Read };
                let off = i32::try_from(size - 1).unwrap_or(i32::MAX);
                self.check_mem_access(regno, off, 1, t, None)
            }
            // 6.12: a trusted kernel pointer is memory a helper may read
            // (check_reg_type() allowed it): the bytes as a load reads them
            RegType::BtfId
                if self.rules.trusted_ptrs && crate::btf_access::BtfPtr::of(reg.aux).is_some() =>
            {
                let size = u32::try_from(size).unwrap_or(u32::MAX);
                self.check_ptr_to_btf_access(regno, &reg, reg.off, size, Access::Read, None)
            }
            // a NULL pointer with a zero size (e.g. bpf_csum_diff's seed)
            _ if zero_ok && size == 0 && reg.is_null_const() => Ok(()),
            _ => {
                if size == 0 && !zero_ok {
                    return Err(self.fail(EACCES, "invalid zero-sized read"));
                }
                // reg_type_str(): a kernel pointer without its struct's name
                let t = self.arg_reg_type_str(&reg);
                Err(self
                    .fail(EACCES, &format!("R{} type={} expected=fp", regno, t))
                    .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }))
            }
        }
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
            let e = self.fail(
                EACCES,
                &format!("invalid bpf_context access off={} size={}", off, size),
            );
            // check_ctx_access() refused it: the source line follows
            self.verbose_linfo();
            return Err(e);
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

    /// `is_reg64()` for an operand of a store or an atomic (`BPF_STX`): a
    /// pointer is read whole, a scalar as wide as the access.
    fn stx_reads_64(&self, regno: u8, size: u32) -> bool {
        size == 8
            || (regno as usize) >= crate::insn::MAX_BPF_REG
            || self.reg(regno).ty != RegType::Scalar
    }

    pub fn check_stx(&mut self, insn: &Insn) -> VResult<()> {
        if insn.mode() != BPF_MEM || insn.imm != 0 {
            return Err(self.fail(EINVAL, "BPF_STX uses reserved fields"));
        }
        let size = insn.size_bytes();
        self.check_reg_src(insn.src, self.stx_reads_64(insn.src, size))?;
        self.check_reg_src(insn.dst, self.stx_reads_64(insn.dst, size))?;
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
                    | RegType::XdpSock
                    | RegType::BtfId
                    | RegType::Arena
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
        if reg.ty == RegType::Ctx && !self.rules.st_into_ctx {
            // 6.1 refuses BPF_ST to ctx before checking the access
            let d = insn.dst;
            return Err(self
                .fail(
                    EACCES,
                    &format!("BPF_ST stores into R{} ctx is not allowed", d),
                )
                .because(crate::reason::Reason::StoreForm));
        }
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
            self.check_stack_write_imm(fr, off, size, k)?;
        } else {
            self.check_mem_access(insn.dst, insn.off as i32, size, Access::Write, None)?;
        }
        if self.rules.st_into_ctx {
            // 6.3+ converts a BPF_ST into ctx like a BPF_STX: one pointer
            // kind per instruction (save_aux_ptr_type())
            self.check_ptr_type_mismatch(reg.ty)?;
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
        self.check_reg_src(insn.src, self.stx_reads_64(insn.src, size))?;
        self.check_reg_src(insn.dst, self.stx_reads_64(insn.dst, size))?;
        if op == BPF_CMPXCHG {
            self.check_reg_src(0, self.stx_reads_64(0, size))?;
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
                | RegType::XdpSock
                | RegType::FlowKeys
        ) || (d.ty == RegType::Arena
            // bpf_jit_supports_insn() of x86-64: no fetching and/or/xor
            // in an arena
            && matches!(op, 0x51 | 0x41 | 0xa1))
        {
            let t = self.reg_type_name(&d);
            let n = insn.dst;
            return Err(self
                .fail(
                    EACCES,
                    &format!("BPF_ATOMIC stores into R{} {} is not allowed", n, t),
                )
                .because(crate::reason::Reason::StoreForm));
        }
        let load_reg = if op & BPF_FETCH != 0 {
            Some(if op == BPF_CMPXCHG { 0 } else { insn.src })
        } else {
            None
        };
        if let Some(r) = load_reg {
            // "check and record load of old value" comes before the memory
            // is looked at: a fetch into r10 is refused as a write to it, and
            // a fetch into the address register leaves a scalar to access
            self.check_reg_dst(r, true)?;
        }
        // atomics are always checked for alignment (strict_alignment_once)
        self.check_ptr_alignment_strict(insn.dst, insn.off as i32, size)?;
        // "Check whether we can read the memory, with second call for fetch
        // case to simulate the register fill": the first read fills no
        // register, which a variable-offset stack pointer may not do
        self.check_mem_access(insn.dst, insn.off as i32, size, Access::Read, None)?;
        if let Some(r) = load_reg {
            self.check_mem_access(insn.dst, insn.off as i32, size, Access::Read, Some(r))?;
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
        // 6.12 records an arena's atomic (the JIT makes it a probing one)
        if self.reg(insn.dst).ty == RegType::Arena {
            self.check_ptr_type_mismatch(RegType::Arena)?;
        }
        self.check_ptr_alignment_strict(insn.dst, insn.off as i32, size)?;
        self.check_mem_access(insn.dst, insn.off as i32, size, Access::Write, None)
    }
}

/// `map->ops->map_btf_id`: the kernel struct each map type is (6.1 and
/// 6.12 alike for the modelled map types).
fn map_btf_struct(mt: crate::program::MapType) -> Option<&'static str> {
    use crate::program::MapType as M;
    Some(match mt {
        M::Array
        | M::PercpuArray
        | M::ProgArray
        | M::PerfEventArray
        | M::CgroupArray
        | M::ArrayOfMaps => "bpf_array",
        M::Hash | M::PercpuHash | M::LruHash | M::LruPercpuHash | M::HashOfMaps => "bpf_htab",
        M::Ringbuf | M::UserRingbuf => "bpf_ringbuf_map",
        M::StackTrace => "bpf_stack_map",
        M::Queue | M::Stack => "bpf_queue_stack",
        M::LpmTrie => "lpm_trie",
        M::Sockmap => "bpf_stab",
        M::Sockhash => "bpf_shtab",
        M::DevMap | M::DevMapHash => "bpf_dtab",
        M::CpuMap => "bpf_cpu_map",
        M::XskMap => "xsk_map",
        M::ReuseportSockarray => "reuseport_array",
        M::BloomFilter => "bpf_bloom_filter",
        M::CgroupStorage | M::PercpuCgroupStorage => "bpf_cgroup_storage_map",
        M::SkStorage | M::InodeStorage | M::TaskStorage | M::CgrpStorage => "bpf_local_storage_map",
        M::Arena => "bpf_arena",
    })
}

/// Does the program type's `bpf_verifier_ops` have `convert_ctx_access`
/// (a context the kernel rewrites, whose size a helper cannot be trusted
/// with)? 6.1 and 6.12.
fn has_convert_ctx_access(pt: crate::program::ProgType) -> bool {
    use crate::program::ProgType as P;
    !matches!(
        pt,
        P::Kprobe
            | P::Tracepoint
            | P::RawTracepoint
            | P::RawTracepointWritable
            | P::Tracing
            | P::Lsm
            | P::Syscall
            | P::StructOps
            | P::CgroupDevice
    )
}
