//! Tristate numbers (`kernel/bpf/tnum.c`): a value/mask pair where a mask bit
//! set means "this bit is unknown".

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Tnum {
    pub value: u64,
    pub mask: u64,
}

#[allow(clippy::should_implement_trait)] // the kernel's names: tnum_add, tnum_sub, tnum_mul
impl Tnum {
    pub const UNKNOWN: Tnum = Tnum {
        value: 0,
        mask: u64::MAX,
    };
    pub const fn konst(v: u64) -> Tnum {
        Tnum { value: v, mask: 0 }
    }
    /// `tnum_range`: the tnum covering [min, max].
    pub fn range(min: u64, max: u64) -> Tnum {
        let chi = min ^ max;
        let bits = 64 - chi.leading_zeros();
        if bits > 63 {
            return Tnum::UNKNOWN;
        }
        let delta = (1u64 << bits) - 1;
        Tnum {
            value: min & !delta,
            mask: delta,
        }
    }
    pub fn is_const(self) -> bool {
        self.mask == 0
    }
    pub fn is_unknown(self) -> bool {
        self.mask == u64::MAX
    }
    pub fn equals_const(self, v: u64) -> bool {
        self.is_const() && self.value == v
    }
    pub fn lshift(self, s: u32) -> Tnum {
        Tnum {
            value: self.value.wrapping_shl(s),
            mask: self.mask.wrapping_shl(s),
        }
    }
    pub fn rshift(self, s: u32) -> Tnum {
        Tnum {
            value: self.value.wrapping_shr(s),
            mask: self.mask.wrapping_shr(s),
        }
    }
    pub fn arshift(self, min_shift: u32, insn_bitness: u32) -> Tnum {
        if insn_bitness == 32 {
            Tnum {
                value: ((self.value as i32) >> min_shift) as u32 as u64,
                mask: ((self.mask as i32) >> min_shift) as u32 as u64,
            }
        } else {
            Tnum {
                value: ((self.value as i64) >> min_shift) as u64,
                mask: ((self.mask as i64) >> min_shift) as u64,
            }
        }
    }
    pub fn add(self, b: Tnum) -> Tnum {
        let sm = self.mask.wrapping_add(b.mask);
        let sv = self.value.wrapping_add(b.value);
        let sigma = sm.wrapping_add(sv);
        let chi = sigma ^ sv;
        let mu = chi | self.mask | b.mask;
        Tnum {
            value: sv & !mu,
            mask: mu,
        }
    }
    pub fn sub(self, b: Tnum) -> Tnum {
        let dv = self.value.wrapping_sub(b.value);
        let alpha = dv.wrapping_add(self.mask);
        let beta = dv.wrapping_sub(b.mask);
        let chi = alpha ^ beta;
        let mu = chi | self.mask | b.mask;
        Tnum {
            value: dv & !mu,
            mask: mu,
        }
    }
    pub fn and(self, b: Tnum) -> Tnum {
        let alpha = self.value | self.mask;
        let beta = b.value | b.mask;
        let v = self.value & b.value;
        Tnum {
            value: v,
            mask: alpha & beta & !v,
        }
    }
    pub fn or(self, b: Tnum) -> Tnum {
        let v = self.value | b.value;
        let mu = self.mask | b.mask;
        Tnum {
            value: v,
            mask: mu & !v,
        }
    }
    pub fn xor(self, b: Tnum) -> Tnum {
        let v = self.value ^ b.value;
        let mu = self.mask | b.mask;
        Tnum {
            value: v & !mu,
            mask: mu,
        }
    }
    pub fn mul(self, b: Tnum) -> Tnum {
        let mut a = self;
        let mut b = b;
        let acc_v = a.value.wrapping_mul(b.value);
        let mut acc_m = Tnum::konst(0);
        while a.value != 0 || a.mask != 0 {
            if a.value & 1 != 0 {
                acc_m = acc_m.add(Tnum {
                    value: 0,
                    mask: b.mask,
                });
            } else if a.mask & 1 != 0 {
                acc_m = acc_m.add(Tnum {
                    value: 0,
                    mask: b.value | b.mask,
                });
            }
            a = a.rshift(1);
            b = b.lshift(1);
        }
        Tnum::konst(acc_v).add(acc_m)
    }
    pub fn intersect(self, b: Tnum) -> Tnum {
        let v = self.value | b.value;
        let mu = self.mask & b.mask;
        Tnum {
            value: v & !mu,
            mask: mu,
        }
    }
    pub fn cast(self, size: u32) -> Tnum {
        if size >= 8 {
            return self;
        }
        let m = (1u64 << (size * 8)) - 1;
        Tnum {
            value: self.value & m,
            mask: self.mask & m,
        }
    }
    /// `tnum_in(a, b)`: every value of b is a value of a.
    pub fn contains(self, b: Tnum) -> bool {
        if b.mask & !self.mask != 0 {
            return false;
        }
        (b.value & !self.mask) == self.value
    }
    pub fn subreg(self) -> Tnum {
        self.cast(4)
    }
    pub fn clear_subreg(self) -> Tnum {
        self.rshift(32).lshift(32)
    }
    pub fn const_subreg(self, v: u32) -> Tnum {
        self.clear_subreg().or(Tnum::konst(v as u64))
    }
    pub fn is_aligned(self, size: u64) -> bool {
        if size == 0 {
            return true;
        }
        (self.value | self.mask) & (size - 1) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::Tnum;

    #[test]
    fn constants_stay_constants() {
        let (a, b) = (Tnum::konst(6), Tnum::konst(7));
        assert_eq!(a.add(b), Tnum::konst(13));
        assert_eq!(a.sub(b), Tnum::konst(u64::MAX));
        assert_eq!(a.mul(b), Tnum::konst(42));
        assert_eq!(a.and(b), Tnum::konst(6));
        assert_eq!(a.or(b), Tnum::konst(7));
        assert_eq!(a.xor(b), Tnum::konst(1));
    }

    #[test]
    fn ranges_and_unknown_bits() {
        // tnum_range(0, 7): the low three bits unknown
        let r = Tnum::range(0, 7);
        assert_eq!((r.value, r.mask), (0, 7));
        assert!(r.contains(Tnum::konst(5)));
        assert!(!r.contains(Tnum::konst(8)));
        // x & 0xf0 where x is unknown: only bits 4-7 may be set
        let m = Tnum::UNKNOWN.and(Tnum::konst(0xf0));
        assert_eq!((m.value, m.mask), (0, 0xf0));
        // adding 1 to [0, 7] may carry into bit 3
        let s = r.add(Tnum::konst(1));
        assert_eq!((s.value, s.mask), (0, 0xf));
        assert_eq!(r.intersect(Tnum::konst(3)), Tnum::konst(3));
        assert!(Tnum::konst(8).is_aligned(8) && !r.is_aligned(8));
    }

    #[test]
    fn shifts_and_casts() {
        let r = Tnum::range(0, 3);
        assert_eq!(r.lshift(4).mask, 0x30);
        assert_eq!(Tnum::konst(0x1_0000_0002).subreg(), Tnum::konst(2));
        assert_eq!(Tnum::konst(u64::MAX).arshift(4, 64), Tnum::konst(u64::MAX));
    }
}
