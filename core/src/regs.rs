//! Register state (`struct bpf_reg_state`): the kernel's register types,
//! scalar bounds, ids, reference ids and liveness.

use crate::tnum::Tnum;

/// `enum bpf_reg_type` for the subset the model knows; the `PTR_MAYBE_NULL`
/// and `MEM_RDONLY` flags are separate fields of [`RegState`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RegType {
    #[default]
    NotInit,
    Scalar,
    Ctx,
    ConstPtrToMap,
    MapValue,
    MapKey,
    Stack,
    Packet,
    PacketMeta,
    PacketEnd,
    /// `PTR_TO_MEM | MEM_ALLOC` (ringbuf records); printed `alloc_mem`.
    AllocMem,
    /// `PTR_TO_MEM` (e.g. read-only memory), printed `mem`.
    Mem,
    Socket,
    SockCommon,
    TcpSock,
    /// `PTR_TO_XDP_SOCK`: an AF_XDP socket, an xskmap's value once not
    /// NULL (`struct bpf_xdp_sock`: `queue_id` only).
    XdpSock,
    /// `PTR_TO_FLOW_KEYS`: a flow dissector's `struct bpf_flow_keys`.
    FlowKeys,
    /// `PTR_TO_TP_BUFFER`: a writable raw tracepoint's buffer.
    TpBuffer,
    Func,
    /// `PTR_TO_BTF_ID` of a kfunc's struct (printed `ptr_<name>`).
    BtfId,
    /// A read-only dynptr a callback or a global function is handed
    /// (6.12 `CONST_PTR_TO_DYNPTR`, 6.1 `PTR_TO_DYNPTR | DYNPTR_TYPE_LOCAL`),
    /// printed `dynptr_ptr`; its kind is in `RegState::dynptr`.
    ConstPtrToDynptr,
    /// `PTR_TO_BUF`: an iterator's key or value buffer (`rdonly_buf` with
    /// `rdonly`), of a size the kernel checks when the iterator is attached
    /// to its map: the walk only records how far it reads.
    Buf,
    /// `PTR_TO_ARENA` (6.9+): an address in the program's arena, made by
    /// `addr_space_cast(rX, 0, 1)`. Printed `arena`, with no bounds: any
    /// arithmetic keeps it one, any load or store through it is allowed
    /// (the JIT catches faults), and any two are equivalent for pruning.
    Arena,
}

/// `BPF_ADD_CONST` (6.11+): a scalar id with this bit is `base id + off`,
/// a copy of the linked scalar with a constant added (`r1 = r2; r1 += 4`).
pub const BPF_ADD_CONST: u32 = 1 << 31;

/// Liveness flags (`REG_LIVE_*`).
pub const LIVE_READ32: u8 = 1;
pub const LIVE_READ64: u8 = 2;
pub const LIVE_READ: u8 = LIVE_READ32 | LIVE_READ64;
pub const LIVE_WRITTEN: u8 = 4;
pub const LIVE_DONE: u8 = 8;

/// A register or stack slot of a state: frame `frame`, register `idx`
/// (0..=9) or stack slot `idx` (spi) when `stack`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParentLink {
    pub frame: u8,
    pub stack: bool,
    pub idx: u16,
}

/// A register's liveness parent (`reg->parent`): `link` in checkpoint `cp`.
/// The checkpoint is named, not implied by the state's parent: when a
/// checkpoint is taken inside a call, the callers' R0-R5 stay linked to an
/// older one (`is_state_visited()` connects only their R6-R9), so a read of
/// them after the call skips the checkpoints taken inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParentRef {
    pub cp: u32,
    pub link: ParentLink,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RegState {
    pub ty: RegType,
    pub maybe_null: bool,
    pub rdonly: bool,
    /// Fixed offset of a pointer.
    pub off: i32,
    /// Type-dependent: map index (map pointers, keys, values), memory size
    /// (alloc_mem), subprogram (func), packet range (packets), kfunc index (btf_id);
    /// for a socket or an AF_XDP socket, the index + 1 of the map it was
    /// found in (0: not from a map), as the kernel's register keeps `map_ptr`.
    pub aux: u32,
    pub var_off: Tnum,
    pub smin: i64,
    pub smax: i64,
    pub umin: u64,
    pub umax: u64,
    pub s32_min: i32,
    pub s32_max: i32,
    pub u32_min: u32,
    pub u32_max: u32,
    pub id: u32,
    pub ref_obj_id: u32,
    /// `map_uid`: which inner map (of a map of maps holding timers) a map
    /// pointer or value is, the lookup's id that found it; 0 otherwise.
    pub map_uid: u32,
    /// A dynptr's stack slot (`reg->dynptr`): its kind and whether this is
    /// its first slot. Registers never hold one, so a spill clears it.
    pub dynptr: crate::dynptr::DynptrSlot,
    /// 6.12: the dynptr a slice (`PTR_TO_MEM`) was taken from
    /// (`reg->dynptr_id`), so that destroying the dynptr kills the slice.
    pub dynptr_id: u32,
    /// For stack pointers: whose stack.
    pub frameno: u8,
    pub live: u8,
    pub precise: bool,
    pub parent: Option<ParentRef>,
    /// A scalar 0 made from a NULL pointer keeps, in the kernel, the bytes
    /// of the pointer's union (`map_ptr` and `map_uid`, `btf_id`,
    /// `mem_size`): `mark_ptr_or_null_reg()` changes only the type and the
    /// ids. The pointer's kind and those fields, where any is set; they
    /// tell such a 0 from a plain one wherever the kernel compares
    /// registers byte for byte (`regs_exact()`), and vanish when the
    /// register is written again (`__mark_reg_known()`, `_unknown()`).
    pub null_of: Option<(RegType, u32, u32, u32)>,
}

impl Default for RegState {
    fn default() -> Self {
        RegState::not_init()
    }
}

impl RegState {
    pub fn not_init() -> Self {
        RegState {
            ty: RegType::NotInit,
            maybe_null: false,
            rdonly: false,
            off: 0,
            aux: 0,
            var_off: Tnum::UNKNOWN,
            smin: i64::MIN,
            smax: i64::MAX,
            umin: 0,
            umax: u64::MAX,
            s32_min: i32::MIN,
            s32_max: i32::MAX,
            u32_min: 0,
            u32_max: u32::MAX,
            id: 0,
            ref_obj_id: 0,
            map_uid: 0,
            dynptr: crate::dynptr::DynptrSlot::NONE,
            dynptr_id: 0,
            frameno: 0,
            live: 0,
            precise: false,
            parent: None,
            null_of: None,
        }
    }

    pub fn is_init(&self) -> bool {
        self.ty != RegType::NotInit
    }
    pub fn is_scalar(&self) -> bool {
        self.ty == RegType::Scalar
    }
    pub fn is_pointer(&self) -> bool {
        !matches!(self.ty, RegType::Scalar | RegType::NotInit)
    }
    pub fn is_const(&self) -> bool {
        self.ty == RegType::Scalar && self.var_off.is_const()
    }
    pub fn is_null_const(&self) -> bool {
        self.is_const() && self.var_off.value == 0
    }
    pub fn is_packet(&self) -> bool {
        matches!(self.ty, RegType::Packet | RegType::PacketMeta)
    }

    /// Keeps liveness and parentage, resets everything else
    /// (`__mark_reg_not_init`).
    pub fn mark_not_init(&mut self) {
        let (live, parent) = (self.live, self.parent);
        *self = RegState::not_init();
        self.live = live;
        self.parent = parent;
        self.ty = RegType::NotInit;
    }

    /// `__mark_reg_unknown`: an unknown scalar (imprecise for a privileged loader).
    pub fn mark_unknown(&mut self) {
        let (live, parent, frameno) = (self.live, self.parent, self.frameno);
        *self = RegState::not_init();
        self.live = live;
        self.parent = parent;
        self.frameno = frameno;
        self.ty = RegType::Scalar;
        self.var_off = Tnum::UNKNOWN;
        self.precise = false;
    }

    /// `__mark_reg_known`: a constant scalar, keeping the pointer fields cleared.
    pub fn mark_known(&mut self, v: u64) {
        self.mark_unknown();
        self.set_const(v);
    }

    fn set_const(&mut self, v: u64) {
        self.var_off = Tnum::konst(v);
        self.smin = v as i64;
        self.smax = v as i64;
        self.umin = v;
        self.umax = v;
        self.s32_min = v as u32 as i32;
        self.s32_max = v as u32 as i32;
        self.u32_min = v as u32;
        self.u32_max = v as u32;
    }

    /// `__mark_reg_known_zero` on a pointer: offset and var_off zero.
    pub fn mark_known_zero_ptr(&mut self, ty: RegType) {
        let (live, parent) = (self.live, self.parent);
        *self = RegState::not_init();
        self.live = live;
        self.parent = parent;
        self.ty = ty;
        self.set_const(0);
    }

    pub fn unbounded(&mut self) {
        self.mark_unbounded64();
        self.mark_unbounded32();
    }
    /// `__mark_reg_unbounded()`: both widths.
    pub fn mark_unbounded(&mut self) {
        self.mark_unbounded64();
        self.mark_unbounded32();
    }
    pub fn mark_unbounded64(&mut self) {
        self.smin = i64::MIN;
        self.smax = i64::MAX;
        self.umin = 0;
        self.umax = u64::MAX;
    }
    pub fn mark_unbounded32(&mut self) {
        self.s32_min = i32::MIN;
        self.s32_max = i32::MAX;
        self.u32_min = 0;
        self.u32_max = u32::MAX;
    }

    /// `__update_reg32_bounds`
    pub fn update_bounds32(&mut self) {
        let v = self.var_off.subreg();
        self.s32_min = self
            .s32_min
            .max((v.value | (v.mask & (i32::MIN as u32 as u64))) as u32 as i32);
        self.s32_max = self
            .s32_max
            .min((v.value | (v.mask & i32::MAX as u64)) as u32 as i32);
        self.u32_min = self.u32_min.max(v.value as u32);
        self.u32_max = self.u32_max.min((v.value | v.mask) as u32);
    }
    /// `__update_reg64_bounds`
    pub fn update_bounds64(&mut self) {
        let v = self.var_off;
        self.smin = self
            .smin
            .max((v.value | (v.mask & (i64::MIN as u64))) as i64);
        self.smax = self.smax.min((v.value | (v.mask & i64::MAX as u64)) as i64);
        self.umin = self.umin.max(v.value);
        self.umax = self.umax.min(v.value | v.mask);
    }
    pub fn update_bounds(&mut self) {
        self.update_bounds32();
        self.update_bounds64();
    }
    /// `__reg32_deduce_bounds` (the kernel compares as unsigned: `max_t(u32, ...)`)
    pub fn deduce_bounds32(&mut self) {
        if self.s32_min >= 0 || self.s32_max < 0 {
            let lo = (self.s32_min as u32).max(self.u32_min);
            let hi = (self.s32_max as u32).min(self.u32_max);
            self.s32_min = lo as i32;
            self.u32_min = lo;
            self.s32_max = hi as i32;
            self.u32_max = hi;
            return;
        }
        if (self.u32_max as i32) >= 0 {
            self.s32_min = self.u32_min as i32;
            let hi = (self.s32_max as u32).min(self.u32_max);
            self.s32_max = hi as i32;
            self.u32_max = hi;
        } else if (self.u32_min as i32) < 0 {
            let lo = (self.s32_min as u32).max(self.u32_min);
            self.s32_min = lo as i32;
            self.u32_min = lo;
            self.s32_max = self.u32_max as i32;
        }
    }
    /// `__reg64_deduce_bounds`
    pub fn deduce_bounds64(&mut self) {
        if self.smin >= 0 || self.smax < 0 {
            let lo = (self.smin as u64).max(self.umin);
            let hi = (self.smax as u64).min(self.umax);
            self.smin = lo as i64;
            self.umin = lo;
            self.smax = hi as i64;
            self.umax = hi;
            return;
        }
        if (self.umax as i64) >= 0 {
            self.smin = self.umin as i64;
            let hi = (self.smax as u64).min(self.umax);
            self.smax = hi as i64;
            self.umax = hi;
        } else if (self.umin as i64) < 0 {
            let lo = (self.smin as u64).max(self.umin);
            self.smin = lo as i64;
            self.umin = lo;
            self.smax = self.umax as i64;
        }
    }
    pub fn deduce_bounds(&mut self) {
        self.deduce_bounds32();
        self.deduce_bounds64();
    }
    /// `__reg_bound_offset`
    pub fn bound_offset(&mut self) {
        let var64 = self.var_off.intersect(Tnum::range(self.umin, self.umax));
        let var32 = var64
            .subreg()
            .intersect(Tnum::range(self.u32_min as u64, self.u32_max as u64));
        self.var_off = var64.clear_subreg().or(var32);
    }
    /// `reg_bounds_sync`
    pub fn bounds_sync(&mut self) {
        self.update_bounds();
        self.deduce_bounds();
        self.bound_offset();
        self.update_bounds();
    }

    /// `reg_bounds_sync()` as 6.12 has it: the 32-bit bounds learn from the
    /// 64-bit ones and back (`__reg_deduce_mixed_bounds`), three rounds.
    pub fn bounds_sync_612(&mut self) {
        self.update_bounds();
        for _ in 0..3 {
            self.deduce32_612();
            self.deduce64_612();
            self.deduce_mixed_612();
        }
        self.bound_offset();
        self.update_bounds();
    }

    /// `__reg32_deduce_bounds()` (6.12)
    fn deduce32_612(&mut self) {
        let (umin, umax, smin, smax) = (self.umin, self.umax, self.smin, self.smax);
        if umin >> 32 == umax >> 32 {
            self.u32_min = self.u32_min.max(umin as u32);
            self.u32_max = self.u32_max.min(umax as u32);
            if (umin as i32) <= (umax as i32) {
                self.s32_min = self.s32_min.max(umin as i32);
                self.s32_max = self.s32_max.min(umax as i32);
            }
        }
        if smin >> 32 == smax >> 32 {
            if (smin as u32) <= (smax as u32) {
                self.u32_min = self.u32_min.max(smin as u32);
                self.u32_max = self.u32_max.min(smax as u32);
            }
            if (smin as i32) <= (smax as i32) {
                self.s32_min = self.s32_min.max(smin as i32);
                self.s32_max = self.s32_max.min(smax as i32);
            }
        }
        if ((umin >> 32) as u32).wrapping_add(1) == (umax >> 32) as u32
            && (umin as i32) < 0
            && (umax as i32) >= 0
        {
            self.s32_min = self.s32_min.max(umin as i32);
            self.s32_max = self.s32_max.min(umax as i32);
        }
        if ((smin >> 32) as u32).wrapping_add(1) == (smax >> 32) as u32
            && (smin as i32) < 0
            && (smax as i32) >= 0
        {
            self.s32_min = self.s32_min.max(smin as i32);
            self.s32_max = self.s32_max.min(smax as i32);
        }
        if (self.u32_min as i32) <= (self.u32_max as i32) {
            self.s32_min = self.s32_min.max(self.u32_min as i32);
            self.s32_max = self.s32_max.min(self.u32_max as i32);
        }
        if (self.s32_min as u32) <= (self.s32_max as u32) {
            self.u32_min = (self.s32_min as u32).max(self.u32_min);
            self.u32_max = (self.s32_max as u32).min(self.u32_max);
        } else if self.u32_max < self.s32_min as u32 {
            self.s32_min = self.u32_min as i32;
            self.u32_max = self.u32_max.min(self.s32_max as u32);
        } else if (self.s32_max as u32) < self.u32_min {
            self.s32_max = self.u32_max as i32;
            self.u32_min = self.u32_min.max(self.s32_min as u32);
        }
    }

    /// `__reg64_deduce_bounds()` (6.12)
    fn deduce64_612(&mut self) {
        if (self.umin as i64) <= (self.umax as i64) {
            self.smin = self.smin.max(self.umin as i64);
            self.smax = self.smax.min(self.umax as i64);
        }
        if (self.smin as u64) <= (self.smax as u64) {
            self.umin = (self.smin as u64).max(self.umin);
            self.umax = (self.smax as u64).min(self.umax);
        } else if self.umax < self.smin as u64 {
            self.smin = self.umin as i64;
            self.umax = self.umax.min(self.smax as u64);
        } else if (self.smax as u64) < self.umin {
            self.smax = self.umax as i64;
            self.umin = self.umin.max(self.smin as u64);
        }
    }

    /// `__reg_deduce_mixed_bounds()` (6.12): the 32-bit bounds narrow the
    /// low half of the 64-bit ones.
    fn deduce_mixed_612(&mut self) {
        const HI: u64 = !0xffff_ffffu64;
        let new_umin = (self.umin & HI) | self.u32_min as u64;
        let new_umax = (self.umax & HI) | self.u32_max as u64;
        self.umin = self.umin.max(new_umin);
        self.umax = self.umax.min(new_umax);
        let new_smin = ((self.smin as u64 & HI) | self.u32_min as u64) as i64;
        let new_smax = ((self.smax as u64 & HI) | self.u32_max as u64) as i64;
        self.smin = self.smin.max(new_smin);
        self.smax = self.smax.min(new_smax);
        if (self.s32_min as u32) <= (self.s32_max as u32) {
            let new_umin = (self.umin & HI) | self.s32_min as u32 as u64;
            let new_umax = (self.umax & HI) | self.s32_max as u32 as u64;
            self.umin = self.umin.max(new_umin);
            self.umax = self.umax.min(new_umax);
            let new_smin = ((self.smin as u64 & HI) | self.s32_min as u32 as u64) as i64;
            let new_smax = ((self.smax as u64 & HI) | self.s32_max as u32 as u64) as i64;
            self.smin = self.smin.max(new_smin);
            self.smax = self.smax.min(new_smax);
        }
        if self.s32_min >= 0 && self.smin >= i32::MIN as i64 && self.smax <= i32::MAX as i64 {
            self.smin = self.s32_min as i64;
            self.smax = self.s32_max as i64;
            self.umin = self.s32_min as u64;
            self.umax = self.s32_max as u64;
            self.var_off = self
                .var_off
                .intersect(Tnum::range(self.smin as u64, self.smax as u64));
        }
    }

    /// `__reg_combine_32_into_64()`: after a 32-bit compare.
    pub fn combine_32_into_64(&mut self) {
        if self.var_off.clear_subreg().equals_const(0) {
            // the upper half is known zero: the 32-bit bounds are the bounds
            self.combine_32_into_64_assign();
        } else {
            self.mark_unbounded64();
        }
        self.bounds_sync();
    }
    /// `__reg_combine_64_into_32()`
    pub fn combine_64_into_32(&mut self) {
        self.mark_unbounded32();
        // __reg64_bound_s32() of each end: both in the s32 range (bounds a
        // compare left crossed, smin above smax, must not be cut to 32 bits)
        let s32 = |v: i64| (i32::MIN as i64..=i32::MAX as i64).contains(&v);
        if s32(self.smin) && s32(self.smax) {
            self.s32_min = self.smin as i32;
            self.s32_max = self.smax as i32;
        }
        if self.umin <= u32::MAX as u64 && self.umax <= u32::MAX as u64 {
            self.u32_min = self.umin as u32;
            self.u32_max = self.umax as u32;
        }
        self.bounds_sync();
    }
    /// `zext_32_to_64`: after a 32-bit ALU op the upper half is zero.
    pub fn zext_32_to_64(&mut self) {
        self.var_off = self.var_off.subreg();
        self.combine_32_into_64_assign();
    }
    fn combine_32_into_64_assign(&mut self) {
        if self.s32_min >= 0 {
            self.smin = self.s32_min as i64;
            self.smax = self.s32_max as i64;
        } else {
            self.smin = 0;
            self.smax = u32::MAX as i64;
        }
        self.umin = self.u32_min as u64;
        self.umax = self.u32_max as u64;
    }
    /// `coerce_reg_to_size`
    /// `coerce_reg_to_size()` as 6.12 has it: the same truncation, then
    /// (narrower than 32 bits) the 32-bit bounds forgotten and everything
    /// re-derived by `reg_bounds_sync()`.
    pub fn coerce_to_size_612(&mut self, size: u32) {
        self.var_off = self.var_off.cast(size);
        if size >= 8 {
            // tnum_cast to 8 bytes and a mask of all ones change nothing
            self.bounds_sync_612();
            return;
        }
        let mask = (1u64 << (size * 8)) - 1;
        if (self.umin & !mask) == (self.umax & !mask) {
            self.umin &= mask;
            self.umax &= mask;
        } else {
            self.umin = 0;
            self.umax = mask;
        }
        self.smin = self.umin as i64;
        self.smax = self.umax as i64;
        if size < 4 {
            self.mark_unbounded32();
        }
        self.bounds_sync_612();
    }

    /// `coerce_reg_to_size_sx()` (6.12, cpu v4): the low `size` bytes
    /// sign-extended to 64 bits (`r1 = (s8)r2`, `*(s16 *)` loads).
    pub fn coerce_to_size_sx(&mut self, size: u32) {
        let bits = size * 8;
        let sext = |v: u64| -> i64 {
            match size {
                1 => v as u8 as i8 as i64,
                2 => v as u16 as i16 as i64,
                _ => v as u32 as i32 as i64,
            }
        };
        if self.var_off.is_const() {
            let v = sext(self.var_off.value) as u64;
            self.var_off = Tnum::konst(v);
            self.smin = v as i64;
            self.smax = v as i64;
            self.umin = v;
            self.umax = v;
            self.s32_min = v as i32;
            self.s32_max = v as i32;
            self.u32_min = v as u32;
            self.u32_max = v as u32;
            return;
        }
        let top_smax = ((self.smax as u64) >> bits) << bits;
        let top_smin = ((self.smin as u64) >> bits) << bits;
        if top_smax == top_smin {
            let (a, b) = (sext(self.smax as u64), sext(self.smin as u64));
            let (lo, hi) = (a.min(b), a.max(b));
            // both ends on the same side of zero
            if (hi >= 0) == (lo >= 0) {
                self.smin = lo;
                self.s32_min = lo as i32;
                self.smax = hi;
                self.s32_max = hi as i32;
                self.umin = lo as u64;
                self.u32_min = lo as u32;
                self.umax = hi as u64;
                self.u32_max = hi as u32;
                self.var_off = Tnum::range(lo as u64, hi as u64);
                return;
            }
        }
        // set_sext64_default_val()
        let (lo, hi) = match size {
            1 => (i8::MIN as i64, i8::MAX as i64),
            2 => (i16::MIN as i64, i16::MAX as i64),
            _ => (i32::MIN as i64, i32::MAX as i64),
        };
        self.smin = lo;
        self.s32_min = lo as i32;
        self.smax = hi;
        self.s32_max = hi as i32;
        self.umin = 0;
        self.u32_min = 0;
        self.umax = u64::MAX;
        self.u32_max = u32::MAX;
        self.var_off = Tnum::UNKNOWN;
    }

    /// `coerce_subreg_to_size_sx()` (6.12, cpu v4): `w1 = (s8)w2`, the low
    /// `size` bytes sign-extended to 32 bits.
    pub fn coerce_subreg_to_size_sx(&mut self, size: u32) {
        let bits = size * 8;
        let sext = |v: u32| -> i32 {
            if size == 1 {
                v as u8 as i8 as i32
            } else {
                v as u16 as i16 as i32
            }
        };
        if self.var_off.is_const() {
            let v = sext(self.var_off.value as u32);
            // tnum_const((s8)u32_val): the 64-bit constant of the s32
            self.var_off = Tnum::konst(v as i64 as u64);
            self.s32_min = v;
            self.s32_max = v;
            self.u32_min = v as u32;
            self.u32_max = v as u32;
            return;
        }
        let top_smax = ((self.s32_max as u32) >> bits) << bits;
        let top_smin = ((self.s32_min as u32) >> bits) << bits;
        if top_smax == top_smin {
            let (a, b) = (sext(self.s32_max as u32), sext(self.s32_min as u32));
            let (lo, hi) = (a.min(b), a.max(b));
            if (lo >= 0) == (hi >= 0) {
                self.s32_min = lo;
                self.s32_max = hi;
                self.u32_min = lo as u32;
                self.u32_max = hi as u32;
                self.var_off = Tnum::range(lo as i64 as u64, hi as i64 as u64).subreg();
                return;
            }
        }
        // set_sext32_default_val()
        let (lo, hi) = if size == 1 {
            (i8::MIN as i32, i8::MAX as i32)
        } else {
            (i16::MIN as i32, i16::MAX as i32)
        };
        self.s32_min = lo;
        self.s32_max = hi;
        self.u32_min = 0;
        self.u32_max = u32::MAX;
        self.var_off = Tnum::UNKNOWN.subreg();
    }

    pub fn coerce_to_size(&mut self, size: u32) {
        self.var_off = self.var_off.cast(size);
        if size >= 8 {
            return;
        }
        let mask = (1u64 << (size * 8)) - 1;
        if (self.umin & !mask) == (self.umax & !mask) {
            self.umin &= mask;
            self.umax &= mask;
        } else {
            self.umin = 0;
            self.umax = mask;
        }
        self.smin = self.umin as i64;
        self.smax = self.umax as i64;
        // a 32-bit or wider truncation keeps the 32-bit bounds as they are
        if size >= 4 {
            return;
        }
        self.combine_64_into_32();
    }

    /// Is this register's value known to be in the scalar ranges of `other`
    /// (`range_within`)?
    pub fn range_within(old: &RegState, cur: &RegState) -> bool {
        old.umin <= cur.umin
            && old.umax >= cur.umax
            && old.smin <= cur.smin
            && old.smax >= cur.smax
            && old.u32_min <= cur.u32_min
            && old.u32_max >= cur.u32_max
            && old.s32_min <= cur.s32_min
            && old.s32_max >= cur.s32_max
    }

    /// Types that hold a reference when `ref_obj_id` is set.
    pub fn type_may_be_refcounted(&self) -> bool {
        matches!(
            self.ty,
            RegType::Socket
                | RegType::SockCommon
                | RegType::TcpSock
                | RegType::AllocMem
                | RegType::BtfId
        )
    }

    /// Equality of everything but liveness and parentage (the kernel's
    /// `memcmp(rold, rcur, offsetof(struct bpf_reg_state, parent))`).
    pub fn same_value(&self, o: &RegState) -> bool {
        self.ty == o.ty
            && self.maybe_null == o.maybe_null
            && self.rdonly == o.rdonly
            && self.off == o.off
            && self.aux == o.aux
            && self.var_off == o.var_off
            && self.smin == o.smin
            && self.smax == o.smax
            && self.umin == o.umin
            && self.umax == o.umax
            && self.s32_min == o.s32_min
            && self.s32_max == o.s32_max
            && self.u32_min == o.u32_min
            && self.u32_max == o.u32_max
            && self.id == o.id
            && self.ref_obj_id == o.ref_obj_id
            && self.map_uid == o.map_uid
            && self.dynptr == o.dynptr
            && self.dynptr_id == o.dynptr_id
            && self.frameno == o.frameno
            && self.null_of == o.null_of
    }
}
