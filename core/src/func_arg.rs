//! The arguments of a helper call (`check_func_arg`): each register
//! against its `bpf_arg_type` — the register types it accepts
//! (`compatible_reg_types[]`), offsets, memory and sizes, constant strings,
//! and the special objects (dynptrs, spin locks, timers, kptrs).

use crate::env::{Env, VResult, EACCES, EFAULT, EINVAL};
use crate::func_proto::*;
use crate::helper_ids::FuncId as F;

use crate::program::{MapType, BPF_F_RDONLY_PROG, BPF_F_WRONLY_PROG};
use crate::reason::Reason;
use crate::regs::{RegState, RegType};
use Arg::*;

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

const BUF: Compat = ("buf", Some(RegType::Buf));

const SOCK_COMMON: Compat = ("sock_common", Some(RegType::SockCommon));

const SOCK: Compat = ("sock", Some(RegType::Socket));

const TCP_SOCK: Compat = ("tcp_sock", Some(RegType::TcpSock));

const XDP_SOCK: Compat = ("xdp_sock", Some(RegType::XdpSock));

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
    const PERCPU_BTF_PTR_61: &[Compat] = &[("percpu_ptr_", Some(RegType::BtfId))];
    const PERCPU_BTF_PTR_612: &[Compat] = &[
        ("percpu_ptr_", Some(RegType::BtfId)),
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
        SocketOrNull => &[SOCK],
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
        Dynptr { .. } => &[FP, ("dynptr_ptr", Some(RegType::ConstPtrToDynptr))],
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
            | SocketOrNull
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
    /// bytes are written and slots marked after the arguments.
    pub uninit_dynptr_regno: Option<u8>,
    /// The kind of that dynptr.
    pub uninit_dynptr_kind: crate::dynptr::DynptrKind,
    /// The initialized dynptr argument (`get_dynptr_arg_reg()`).
    pub dynptr_regno: Option<u8>,
    /// An argument the kernel would take further than veristep can follow:
    /// what it is, refused once the kernel's checks of the other arguments
    /// pass.
    pub unmodelled: Option<String>,
    /// `ret_btf_id`: the per-CPU variable's BTF type that bpf_per_cpu_ptr
    /// and bpf_this_cpu_ptr return a pointer to.
    pub ret_btf_id: Option<u32>,
    /// `ret_btf` is the program's BTF (a local per-CPU kptr, 6.12).
    pub ret_btf_prog: bool,
    /// bpf_snprintf's format: the map holding it and the offset it starts
    /// at, parsed by `check_bpf_snprintf_call()` after the arguments.
    pub snprintf_fmt: Option<(u32, usize)>,
    /// `map_uid` of the map argument (or of a timer's map value).
    pub map_uid: u32,
    /// `bpf_kptr_xchg`'s destination field (`meta->kptr_field`).
    pub kptr: Option<(crate::program::KptrKind, crate::btf::KptrField)>,
}

/// `check_func_arg_reg_off()`'s switch on a register's full type: `None`
/// for the pointers an argument may pass moved (and scalars), else whether
/// `__check_ptr_off_reg()` allows a fixed offset (a BTF pointer). A
/// maybe-NULL pointer is none of the listed types.
pub(crate) fn arg_off_rule(reg: &RegState) -> Option<bool> {
    if reg.maybe_null {
        return Some(false);
    }
    match reg.ty {
        RegType::Stack
        | RegType::Packet
        | RegType::PacketMeta
        | RegType::MapKey
        | RegType::MapValue
        | RegType::Mem
        | RegType::AllocMem
        | RegType::Buf
        | RegType::Scalar => None,
        RegType::BtfId => Some(true),
        _ => Some(false),
    }
}

impl Env {
    /// The kernel's `reg_type_str()` of a register as `check_reg_type()`
    /// prints it: a BTF pointer without its struct's name.
    pub(crate) fn arg_reg_type_str(&self, reg: &RegState) -> String {
        if reg.ty == RegType::BtfId {
            return crate::log::reg_type_str_unnamed(reg);
        }
        self.reg_type_name(reg)
    }

    /// `check_func_arg()` for argument `arg` (R1 + arg).
    pub(crate) fn check_func_arg(
        &mut self,
        arg: usize,
        fp: &Proto,
        id: F,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
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
            self.check_reg_type(regno, at, id, meta)?;
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
                // a timer argument already named its map: it must be this
                // one, the same inner map of a map of maps
                if meta
                    .map
                    .is_some_and(|m| m != reg.aux || meta.map_uid != reg.map_uid)
                {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!(
                                "timer pointer in R1 map_uid={} doesn't match map pointer in R2 map_uid={}",
                                meta.map_uid, reg.map_uid
                            ),
                        )
                        .because(crate::reason::Reason::LockMisuse));
                }
                meta.map = Some(reg.aux);
                meta.map_uid = reg.map_uid;
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
                if self.rules.alloc_objects && self.in_rbtree_lock_required_cb() {
                    return Err(self
                        .fail(EACCES, "can't spin_{lock,unlock} in rbtree cb")
                        .because(Reason::LockMisuse));
                }
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
                let id = crate::btf_access::BtfPtr::of(reg.aux).map_or(0, |p| p.id());
                if id == 0 {
                    return Err(self
                        .fail(EACCES, &format!("Helper has invalid btf_id in R{}", regno))
                        .because(Reason::ArgumentType { reg: Some(regno) }));
                }
                meta.ret_btf_id = Some(id);
                meta.ret_btf_prog = crate::btf_access::BtfPtr::of(reg.aux)
                    .is_some_and(|p| p.has(crate::btf_access::PROG));
            }
            ConstStr => self.check_reg_const_str(&reg, regno, meta)?,
            Kptr => meta.kptr = Some(self.process_kptr_func(&reg, regno)?),
            Dynptr {
                ty,
                uninit,
                release,
            } => self.process_dynptr_func(&reg, regno, ty, uninit, release, meta)?,
            _ => {}
        }
        Ok(())
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
    fn check_reg_type(&mut self, regno: u8, at: Arg, id: F, meta: &mut ArgMeta) -> VResult<()> {
        let reg = *self.reg(regno);
        let v612 = self.rules.helpers_612;
        let compat = compatible(at, v612);
        // MEM_RDONLY and PTR_MAYBE_NULL on the argument accept the
        // register's; without them a read-only or maybe-NULL register
        // matches no entry
        let flags_left =
            (reg.maybe_null && !arg_may_be_null(at)) || (reg.rdonly && !arg_rdonly(at));
        // a kernel BTF pointer matches by its flags too (`type ==
        // compatible->types[i]`): the entry named as reg_type_str() names it
        // (`ptr_`, `trusted_ptr_`, `percpu_ptr_`, ...), never the MEM_ALLOC one
        let btf_ptr = crate::btf_access::BtfPtr::of(reg.aux).filter(|_| reg.ty == RegType::BtfId);
        let found = !flags_left
            && match btf_ptr {
                // bpf_kptr_xchg takes a local kptr as its source: without
                // MEM_ALLOC (and MEM_PERCPU) it is a plain BTF pointer
                Some(p) if p.has(crate::btf_access::ALLOC) && id == F::kptr_xchg && regno == 2 => {
                    p.flags() & !(crate::btf_access::ALLOC | crate::btf_access::PERCPU) == 0
                        && compat
                            .iter()
                            .any(|(name, t)| *name == "ptr_" && t.is_some())
                }
                // an allocated object matches the MEM_ALLOC entry, exactly
                Some(p) if p.has(crate::btf_access::ALLOC) => {
                    p.flags() == crate::btf_access::ALLOC && compat.contains(&ALLOC_PTR)
                }
                Some(p) => {
                    let want = format!("{}ptr_", p.prefix());
                    compat
                        .iter()
                        .any(|(name, t)| *name == want && (t.is_some() || want != "ptr_"))
                }
                None => compat.iter().any(|(_, t)| *t == Some(reg.ty)),
            };
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
        let local_kptr_src = id == F::kptr_xchg && regno == 2;
        if reg.ty != RegType::BtfId
            || (crate::alloc_obj::alloc_ptr(&reg).is_some() && !local_kptr_src)
        {
            return Ok(());
        }
        // 6.12's mem_types take a trusted kernel pointer, to read only
        let mem_types = matches!(
            at,
            Mem | MemWrite
                | MemOrNull
                | MemRdonly
                | MemRdonlyOrNull
                | UninitMem
                | FixedSizeMem { .. }
                | MapKey
                | MapValue
                | UninitMapValue
                | MapValueOrNull
        );
        if v612 && mem_types {
            if !arg_rdonly(at) {
                let t = self.arg_reg_type_str(&reg);
                let name = crate::func_proto::helper_name(id as i32);
                return Err(self
                    .fail(
                        EACCES,
                        &format!("{name}() may write into memory pointed by R{regno} type={t}"),
                    )
                    .because(Reason::ArgumentType { reg: Some(regno) }));
            }
            return Ok(());
        }
        // per-CPU pointers are left to the helper's own checks
        if btf_ptr
            .is_some_and(|p| p.has(crate::btf_access::PERCPU) && !p.has(crate::btf_access::ALLOC))
        {
            return Ok(());
        }
        if v612 && reg.maybe_null && (!arg_may_be_null(at) || arg_is_release(at)) {
            return Err(self.fail(
                EACCES,
                &format!("Possibly NULL pointer passed to helper arg{}", regno),
            ));
        }
        // bpf_kptr_xchg's new pointer: the kptr's own type
        if id == F::kptr_xchg {
            if let Some((kind, field)) = meta.kptr.clone() {
                return self.map_kptr_match_type(kind, &field, &reg, regno);
            }
        }
        // btf_struct_ids_match(): the only BTF objects veristep holds are
        // the test kfuncs', which start with an int, not with any struct a
        // helper takes
        let want = match at {
            BtfId(s) | BtfIdOrNull(s) => s,
            _ => "sock_common",
        };
        // a kernel BTF pointer: btf_struct_ids_match() (the struct, or one
        // it starts with)
        if let (Some(p), Some(k)) = (
            crate::btf_access::BtfPtr::of(reg.aux),
            self.prog.kernel_btf.clone(),
        ) {
            let have = k
                .btf
                .get(p.id())
                .map(|t| t.name.clone())
                .unwrap_or_default();
            let (ok, walk_msg) = crate::btf_access::struct_ids_match(
                &k.btf,
                p.id(),
                reg.off as i64,
                want,
                self.rules.trusted_ptrs,
            );
            if ok {
                return Ok(());
            }
            if let Some(m) = walk_msg {
                self.verbose(&format!("{m}\n"));
            }
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{} is of type {} but {} is expected", regno, have, want),
                )
                .because(Reason::ArgumentType { reg: Some(regno) }));
        }
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
    pub(crate) fn check_func_arg_reg_off(
        &mut self,
        reg: &RegState,
        regno: u8,
        at: Arg,
    ) -> VResult<()> {
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
        if is_dynptr && reg.ty == RegType::Stack && !self.rules.helpers_612 && reg.off % 8 != 0 {
            return Err(self
                .fail(EINVAL, "cannot pass in dynptr at an offset")
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        let fixed_off_ok = match arg_off_rule(reg) {
            None if at != ReleaseAllocMem => return Ok(()),
            None => false,
            Some(true) => {
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
            Some(false) => false,
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
        match self.ptr_off_reg_problem(reg, regno, fixed_off_ok) {
            None => Ok(()),
            Some((msg, why)) => {
                let e = self.fail(EACCES, &msg);
                Err(match why {
                    Some(r) => e.because(r),
                    None => e,
                })
            }
        }
    }

    /// What `__check_ptr_off_reg()` says of a register, if anything, and
    /// the kind of the problem.
    pub(crate) fn ptr_off_reg_problem(
        &self,
        reg: &RegState,
        regno: u8,
        fixed_off_ok: bool,
    ) -> Option<(String, Option<Reason>)> {
        // reg_type_str(): a BTF pointer without its struct's name
        let t = self.arg_reg_type_str(reg);
        if reg.off < 0 {
            let o = reg.off;
            return Some((
                format!("negative offset {} ptr R{} off={} disallowed", t, regno, o),
                Some(Reason::PointerArithmetic { reg: Some(regno) }),
            ));
        }
        if !fixed_off_ok && reg.off != 0 {
            let o = reg.off;
            return Some((
                format!(
                    "dereference of modified {} ptr R{} off={} disallowed",
                    t, regno, o
                ),
                Some(Reason::PointerArithmetic { reg: Some(regno) }),
            ));
        }
        if !reg.var_off.equals_const(0) {
            let tn = crate::log::tnum_str(reg.var_off.value, reg.var_off.mask);
            return Some((
                format!("variable {} access var_off={} disallowed", t, tn),
                Some(Reason::VariableOffset { reg: Some(regno) }),
            ));
        }
        None
    }

    /// `check_helper_mem_access()` with the access type: the map flags and
    /// the read-only checks the kernel makes before the bounds, then the
    /// bounds (`mem.rs`). A raw (write-only) stack buffer at a known place
    /// is recorded in `meta` to be marked written after the arguments.
    pub(crate) fn helper_mem_access(
        &mut self,
        regno: u8,
        size: u64,
        write: bool,
        zero_ok: bool,
        meta: Option<&mut ArgMeta>,
    ) -> VResult<()> {
        let reg = *self.reg(regno);
        // check_map_access_type() (a write into a map key or read-only
        // memory is refused by check_helper_mem_access(), as in the kernel)
        if reg.ty == RegType::MapValue {
            if let Some(m) = self.prog.maps.get(reg.aux as usize) {
                let (flags, vs) = (m.prog_flags(), m.value_size);
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
        let raw = meta.as_ref().is_some_and(|m| m.raw_mode);
        self.check_helper_mem_access(regno, size, zero_ok, raw, write)?;
        if let Some(meta) = meta {
            if raw && reg.ty == RegType::Stack && reg.var_off.is_const() {
                meta.raw_access = Some((regno, size));
            }
        }
        Ok(())
    }

    /// `check_mem_size_reg()`: the size argument after a memory argument.
    pub(crate) fn check_mem_size_reg(
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
    pub(crate) fn check_reg_const_str(
        &mut self,
        reg: &RegState,
        regno: u8,
        meta: &mut ArgMeta,
    ) -> VResult<()> {
        let Some(m) = self.prog.maps.get(reg.aux as usize).cloned() else {
            return Ok(());
        };
        // bpf_map_is_rdonly(): BPF_F_RDONLY_PROG and frozen (libbpf
        // freezes .rodata; a map of the program's own is never frozen)
        if m.flags & BPF_F_RDONLY_PROG == 0 || !m.frozen {
            return Err(self
                .fail(
                    EACCES,
                    &format!("R{} does not point to a readonly map'", regno),
                )
                .because(crate::reason::Reason::ArgumentType { reg: Some(regno) }));
        }
        let array = matches!(m.map_type, MapType::Array);
        if !reg.var_off.is_const() {
            return Err(self.fail(EACCES, &format!("R{} is not a constant address'", regno)));
        }
        if !array {
            // only arrays have map_direct_value_addr
            return Err(self.fail(EACCES, "no direct value access support for this map type"));
        }
        // check_map_access() of the rest of the value
        let vs = m.value_size as i64;
        let rest = (vs - reg.off as i64).max(0) as u64;
        self.helper_mem_access(regno, rest, false, false, None)?;
        // the string, read out of the frozen map, ends inside the value
        let map_off = (reg.off as i64 + reg.var_off.value as i64).clamp(0, vs) as usize;
        let byte = |i: usize| m.data.get(i).copied().unwrap_or(0);
        if !(map_off..m.value_size as usize).any(|i| byte(i) == 0) {
            return Err(self.fail(EINVAL, "string is not zero-terminated"));
        }
        // bpf_snprintf's format is parsed after the arguments
        // (check_bpf_snprintf_call)
        meta.snprintf_fmt = Some((reg.aux, map_off));
        Ok(())
    }

    /// The 8-byte writes that make stack room for a dynptr being created
    /// (`BPF_DYNPTR_SIZE`, 16 bytes).
    pub(crate) fn write_dynptr_slots(&mut self, regno: u8) -> VResult<()> {
        for off in [0, 8] {
            self.check_mem_access(regno, off, 8, crate::ctx::Access::Write, None)?;
        }
        Ok(())
    }

    /// `process_spin_lock()`: take or drop the lock in a map value.
    fn process_spin_lock(&mut self, regno: u8, is_lock: bool) -> VResult<()> {
        let reg = *self.reg(regno);
        if crate::alloc_obj::alloc_ptr(&reg).is_some() {
            return self.process_alloc_spin_lock(regno, &reg, is_lock);
        }
        let Some(m) = self.prog.maps.get(reg.aux as usize).cloned() else {
            return Err(self.fail(EINVAL, "map is not set"));
        };
        if !reg.var_off.is_const() {
            return Err(self.fail(
                EINVAL,
                &format!("R{} doesn't have constant offset. bpf_spin_lock has to be at the constant offset", regno),
            ));
        }
        if !m.btf_typed && m.timer_off.is_none() && m.lock_off.is_none() {
            let msg = format!(
                "map '{}' has to have BTF in order to use bpf_spin_lock",
                m.kernel_name.as_deref().unwrap_or(&m.name)
            );
            return Err(self
                .fail(EINVAL, &msg)
                .because(crate::reason::Reason::LockMisuse));
        }
        let Some(loff) = m.lock_off else {
            let name = m.kernel_name.as_deref().unwrap_or(&m.name);
            let msg = if self.rules.helpers_612 {
                format!("map '{name}' has no valid bpf_spin_lock")
            } else {
                absent_61(name, "bpf_spin_lock", m.lock_absent)
            };
            return Err(self.fail(EINVAL, &msg));
        };
        let off = reg.var_off.value as i64 + reg.off as i64;
        if off != loff as i64 {
            // 6.12 also says where the lock is
            let msg = if self.rules.helpers_612 {
                format!("off {off} doesn't point to 'struct bpf_spin_lock' that is at {loff}")
            } else {
                format!("off {off} doesn't point to 'struct bpf_spin_lock'")
            };
            return Err(self
                .fail(EINVAL, &msg)
                .because(crate::reason::Reason::LockMisuse));
        }
        if is_lock {
            if self.cur.active_lock_held {
                return Err(self
                    .fail(EINVAL, "Locking two bpf_spin_locks are not allowed")
                    .because(crate::reason::Reason::LockMisuse));
            }
            self.cur.active_spin_lock = reg.id;
            self.cur.active_lock_held = true;
            self.cur.active_lock_map = reg.aux;
        } else {
            if !self.cur.active_lock_held {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock without taking a lock")
                    .because(crate::reason::Reason::LockMisuse));
            }
            if self.cur.active_spin_lock != reg.id
                || (self.rules.helpers_612 && self.cur.active_lock_map != reg.aux)
            {
                return Err(self
                    .fail(EINVAL, "bpf_spin_unlock of different lock")
                    .because(crate::reason::Reason::LockMisuse));
            }
            self.cur.active_spin_lock = 0;
            self.cur.active_lock_held = false;
            // 6.4+: what the lock protected is out of reach
            if self.rules.alloc_objects {
                self.invalidate_non_owning_refs();
            }
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
        // a text map declared without special fields carries no value BTF
        if !m.btf_typed && m.timer_off.is_none() && m.lock_off.is_none() {
            let msg = format!(
                "map '{}' has to have BTF in order to use bpf_timer",
                m.kernel_name.as_deref().unwrap_or(&m.name)
            );
            return Err(self
                .fail(EINVAL, &msg)
                .because(crate::reason::Reason::LockMisuse));
        }
        let Some(toff) = m.timer_off else {
            let name = m.kernel_name.as_deref().unwrap_or(&m.name);
            let msg = if self.rules.helpers_612 {
                format!("map '{name}' has no valid bpf_timer")
            } else {
                absent_61(name, "bpf_timer", m.timer_absent)
            };
            return Err(self.fail(EINVAL, &msg));
        };
        let off = reg.var_off.value as i64 + reg.off as i64;
        if off != toff as i64 {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "off {} doesn't point to 'struct bpf_timer' that is at {}",
                        off, toff
                    ),
                )
                .because(crate::reason::Reason::LockMisuse));
        }
        meta.map = Some(reg.aux);
        meta.map_uid = reg.map_uid;
        Ok(())
    }

    /// `may_access_direct_pkt_data(env, meta, BPF_READ)` for a helper's
    /// argument: program types with direct packet access let a packet
    /// pointer reach only the helpers whose prototype says `pkt_access`.
    fn may_access_direct_pkt_data(&self, meta: &ArgMeta) -> bool {
        use crate::program::ProgType::*;
        match self.prog.prog_type {
            SchedCls | SchedAct | Xdp | CgroupSkb | SkSkb | SkMsg | LwtIn | LwtOut | LwtXmit
            | LwtSeg6local | FlowDissector | SkReuseport => meta.pkt_access,
            // any helper may take the option value
            CgroupSockopt => true,
            _ => false,
        }
    }

    /// `may_access_direct_pkt_data(env, NULL, BPF_WRITE)`: may the program
    /// write into its packet?
    pub(crate) fn may_write_pkt_data(&self) -> bool {
        use crate::program::ProgType::*;
        matches!(
            self.prog.prog_type,
            SchedCls | SchedAct | Xdp | LwtXmit | SkSkb | SkMsg | CgroupSockopt
        )
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
}

/// 6.1's `process_spin_lock()` / `process_timer_func()` on a map whose
/// value has none of `what`, by the errno its search left.
fn absent_61(map: &str, what: &str, errno: i32) -> String {
    match errno {
        crate::env::E2BIG => format!("map '{map}' has more than one 'struct {what}'"),
        crate::env::EINVAL => format!("map '{map}' is not a struct type or {what} is mangled"),
        _ => format!("map '{map}' doesn't have 'struct {what}'"),
    }
}
