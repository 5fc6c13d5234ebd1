//! Kernel pointers stored in map values (kptrs): the map value's fields
//! whose BTF tags them (`__kptr`, `__kptr_ref` in 6.1; `__kptr_untrusted`,
//! `__kptr`, `__percpu_kptr` in 6.12), how loads and stores may touch them
//! (`check_map_access()`'s field checks, `check_map_kptr_access()`,
//! `map_kptr_match_type()`) and `bpf_kptr_xchg()`'s destination
//! (`process_kptr_func()`).

use crate::btf::KptrField;
use crate::btf_access::{BtfPtr, PERCPU, RCU, TRUSTED, UNTRUSTED};
use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::insn::{BPF_LDX, BPF_MEM, BPF_ST, BPF_STX};
use crate::program::KptrKind;
use crate::reason::Reason;
use crate::regs::{RegState, RegType};

/// `rcu_protected_types` (6.12): referenced kptrs to these are RCU
/// pointers when loaded inside an RCU read-side section.
const RCU_PROTECTED_TYPES: &[&str] = &[
    "prog_test_ref_kfunc",
    "cgroup",
    "bpf_cpumask",
    "task_struct",
    "bpf_crypto_ctx",
];

impl Env {
    /// The kptr field of map `map` a kernel finds at byte `off` of the
    /// value (`btf_record_find()`).
    pub(crate) fn map_kptr_at(&self, map: u32, off: i64) -> Option<(KptrKind, KptrField)> {
        let v612 = self.rules.helpers_612;
        let m = self.prog.maps.get(map as usize)?;
        m.kptr_fields(v612)
            .find(|(_, f)| f.off as i64 == off)
            .map(|(k, f)| (k, f.clone()))
    }

    /// `check_map_access()`'s checks of the kptr fields an access of
    /// `size` bytes at `off` (plus the register's variable part) overlaps:
    /// only a direct 8-byte load or store at a kptr's exact offset.
    pub(crate) fn check_map_kptr_fields(
        &mut self,
        regno: u8,
        reg: &RegState,
        off: i32,
        size: u64,
        direct: bool,
    ) -> VResult<()> {
        let v612 = self.rules.helpers_612;
        let Some(m) = self.prog.maps.get(reg.aux as usize) else {
            return Ok(());
        };
        // every map value access passes here: most maps have no kptr
        if m.kptrs.is_empty() {
            return Ok(());
        }
        let mut fields: Vec<u32> = m.kptr_fields(v612).map(|(_, f)| f.off).collect();
        fields.sort_unstable();
        let lo = reg.smin.saturating_add(off as i64);
        let hi = (reg.umax as i64)
            .saturating_add(off as i64)
            .saturating_add(size as i64);
        let Some(p) = fields
            .into_iter()
            .find(|&p| lo < p as i64 + 8 && (p as i64) < hi)
        else {
            return Ok(());
        };
        let because = Reason::KptrMisuse { reg: regno };
        let fail = |env: &mut Env, msg: &str| Err(env.fail(EACCES, msg).because(because.clone()));
        if !direct {
            return fail(self, "kptr cannot be accessed indirectly by helper");
        }
        if !reg.var_off.is_const() {
            return fail(self, "kptr access cannot have variable offset");
        }
        let at = (off as i64).wrapping_add(reg.var_off.value as i64);
        if p as i64 != at {
            return fail(
                self,
                &format!("kptr access misaligned expected={p} off={}", at as u64),
            );
        }
        if size != 8 {
            return fail(self, "kptr access size must be BPF_DW");
        }
        Ok(())
    }

    /// `check_map_kptr_access()`: the load or store of a kptr field the
    /// current instruction makes.
    pub(crate) fn check_map_kptr_access(
        &mut self,
        value_regno: Option<u8>,
        kind: KptrKind,
        field: &KptrField,
    ) -> VResult<()> {
        let insn = self.prog.insns[self.insn_idx];
        let because = Reason::KptrMisuse { reg: insn.dst };
        if insn.mode() != BPF_MEM {
            return Err(self
                .fail(
                    EACCES,
                    "kptr in map can only be accessed using BPF_MEM instruction mode",
                )
                .because(because));
        }
        let class = insn.class();
        if class != BPF_LDX && matches!(kind, KptrKind::Ref | KptrKind::Percpu) {
            return Err(self
                .fail(EACCES, "store to referenced kptr disallowed")
                .because(because));
        }
        match class {
            BPF_LDX => {
                let Some(v) = value_regno else {
                    return Ok(());
                };
                let id = self.kptr_target_id(field);
                let flags = self.ld_kptr_flags(kind, field);
                // a local kptr's id is of the program's BTF
                let flags = if self.kptr_is_local(field) {
                    flags | crate::btf_access::PROG
                } else {
                    flags
                };
                self.mark_kptr_ld_reg(v, BtfPtr::new(id, flags));
                Ok(())
            }
            BPF_STX => {
                let Some(v) = value_regno else {
                    return Ok(());
                };
                let val = *self.reg(v);
                if val.is_null_const() {
                    // NULL may always be stored (6.12.95 does not mark it
                    // precise; later 6.12 releases do)
                    return Ok(());
                }
                self.map_kptr_match_type(kind, field, &val, v)
            }
            BPF_ST => {
                if insn.imm != 0 {
                    return Err(self
                        .fail(
                            EACCES,
                            &format!(
                                "BPF_ST imm must be 0 when storing to kptr at off={}",
                                field.off
                            ),
                        )
                        .because(because));
                }
                Ok(())
            }
            _ => Err(self
                .fail(
                    EACCES,
                    "kptr in map can only be accessed using BPF_LDX/BPF_STX/BPF_ST",
                )
                .because(because)),
        }
    }

    /// The kptr's struct in the kernel's BTF (0 when the kernel has none).
    fn kptr_target_id(&self, field: &KptrField) -> u32 {
        if self.kptr_is_local(field) {
            return self
                .prog
                .obj_btf
                .as_ref()
                .and_then(|b| b.find(crate::btf::KIND_STRUCT, &field.target))
                .unwrap_or(0);
        }
        self.prog
            .kernel_btf
            .as_ref()
            .and_then(|k| k.btf.find(crate::btf::KIND_STRUCT, &field.target))
            .unwrap_or(0)
    }

    /// What a loaded kptr is: NULL or an untrusted pointer in 6.1; in 6.12
    /// an RCU pointer inside an RCU section when the kptr holds a
    /// reference to an RCU-protected struct (`btf_ld_kptr_type()`).
    fn ld_kptr_flags(&self, kind: KptrKind, field: &KptrField) -> u32 {
        if !self.rules.helpers_612 {
            return UNTRUSTED;
        }
        // an object of the program's own type is RCU-protected
        let local = self.kptr_is_local(field);
        let rcu_safe = kind == KptrKind::Percpu
            || (kind == KptrKind::Ref
                && (local || RCU_PROTECTED_TYPES.contains(&field.target.as_str())));
        if rcu_safe && self.in_rcu_cs() {
            if kind == KptrKind::Percpu {
                RCU | PERCPU
            } else if local {
                // an object that can sit in a list or tree (a graph
                // node, BPF_GRAPH_NODE): a non-owning reference too
                let graph_node = self.prog.obj_btf.as_ref().is_some_and(|b| {
                    b.find(crate::btf::KIND_STRUCT, &field.target)
                        .and_then(|id| crate::btf_record::struct_meta(b, id).ok().flatten())
                        .is_some_and(|r| {
                            r.has(crate::btf_record::FieldType::ListNode)
                                || r.has(crate::btf_record::FieldType::RbNode)
                        })
                });
                RCU | crate::btf_access::ALLOC
                    | if graph_node {
                        crate::btf_access::NON_OWN
                    } else {
                        0
                    }
            } else {
                RCU
            }
        } else {
            UNTRUSTED
        }
    }

    /// `mark_btf_ld_reg()` of a kptr: a pointer that may be NULL.
    fn mark_kptr_ld_reg(&mut self, v: u8, p: BtfPtr) {
        let id = self.new_id();
        let d = self.reg_mut(v);
        d.mark_known_zero_ptr(RegType::BtfId);
        d.aux = p.0;
        d.maybe_null = true;
        d.id = id;
        d.live |= crate::regs::LIVE_WRITTEN;
    }

    /// `map_kptr_match_type()`: a pointer stored into a kptr (or given to
    /// `bpf_kptr_xchg`) must be a kernel pointer of its struct, untrusted
    /// only for an unreferenced kptr, at no variable offset.
    pub(crate) fn map_kptr_match_type(
        &mut self,
        kind: KptrKind,
        field: &KptrField,
        reg: &RegState,
        regno: u8,
    ) -> VResult<()> {
        let v612 = self.rules.helpers_612;
        let reg_local = crate::alloc_obj::alloc_ptr(reg).is_some();
        if v612 && (reg_local || self.kptr_is_local(field)) {
            return self.local_kptr_match_type(kind, field, reg, regno);
        }
        let mut perm = if v612 { TRUSTED | RCU } else { 0 };
        if kind == KptrKind::Unref {
            perm |= UNTRUSTED;
        }
        let kernel = self.prog.kernel_btf.clone();
        let btf = kernel.as_ref().map(|k| &k.btf);
        // the register's struct: a kernel BTF pointer (its flags, its id),
        // or a 6.1 test kfunc's object (no flags, its table's struct)
        let p = BtfPtr::of(reg.aux).filter(|_| reg.ty == RegType::BtfId);
        let test_obj = (reg.ty == RegType::BtfId && p.is_none())
            .then(|| {
                crate::kfuncs::KFUNCS
                    .get(reg.aux as usize)
                    .map(|k| k.struct_name)
            })
            .flatten();
        let ok_flags = match p {
            Some(p) => p.flags() & !perm == 0 && (kind == KptrKind::Percpu) == p.has(PERCPU),
            None => test_obj.is_some() && kind != KptrKind::Percpu,
        };
        let reg_name = match (p, btf, test_obj) {
            (Some(p), Some(b), _) if ok_flags => b.get(p.id()).map(|t| t.name.clone()).ok(),
            (None, _, Some(n)) if ok_flags => Some(n.to_string()),
            _ => None,
        };
        if let Some(name) = reg_name.as_ref() {
            // __check_ptr_off_reg(.., fixed_off_ok)
            self.check_ptr_off_reg(reg, regno, true)?;
            let strict = kind != KptrKind::Unref;
            let same = match (p, btf) {
                _ if strict || p.is_none() => reg.off == 0 && *name == field.target,
                (Some(p), Some(b)) => {
                    crate::btf_access::struct_ids_match(
                        b,
                        p.id(),
                        reg.off as i64,
                        &field.target,
                        self.rules.trusted_ptrs,
                    )
                    .0
                }
                _ => false,
            };
            if same {
                return Ok(());
            }
        }
        // reg_type_str() of the register, then its struct's name when its
        // type was acceptable
        let have = if reg.ty == RegType::BtfId {
            format!(
                "{}{}",
                crate::log::reg_type_str_unnamed(reg),
                reg_name.unwrap_or_default()
            )
        } else {
            crate::log::reg_type_str(&self.prog, reg)
        };
        let t = &field.target;
        let or_untrusted = if kind == KptrKind::Unref {
            format!(" or untrusted_ptr_{t}")
        } else {
            String::new()
        };
        Err(self
            .fail(
                EACCES,
                &format!(
                    "invalid kptr access, R{regno} type={have} expected=ptr_{t}{or_untrusted}"
                ),
            )
            .because(Reason::ArgumentType { reg: Some(regno) }))
    }

    /// `process_kptr_func()`: `bpf_kptr_xchg`'s destination, a referenced
    /// kptr of a map value at a constant offset.
    pub(crate) fn process_kptr_func(
        &mut self,
        reg: &RegState,
        regno: u8,
    ) -> VResult<(KptrKind, KptrField)> {
        let v612 = self.rules.helpers_612;
        let because = Reason::KptrMisuse { reg: regno };
        if let Some(p) = crate::alloc_obj::alloc_ptr(reg) {
            return self.process_alloc_kptr_func(reg, regno, p);
        }
        let Some(m) = self.prog.maps.get(reg.aux as usize).cloned() else {
            return Err(self.fail(EACCES, "invalid map_ptr to access map->type"));
        };
        // 6.1 returns EACCES whatever went wrong
        let errno = |e: i32| if v612 { e } else { EACCES };
        let has_kptrs = m.kptr_fields(v612).next().is_some();
        let has_btf =
            m.btf_typed || !m.kptrs.is_empty() || m.timer_off.is_some() || m.lock_off.is_some();
        let no_btf = format!(
            "map '{}' has to have BTF in order to use bpf_kptr_xchg",
            m.name
        );
        let var_off =
            format!("R{regno} doesn't have constant offset. kptr has to be at the constant offset");
        // 6.12 looks at the map's BTF first, 6.1 at the offset first
        let first = if v612 {
            [
                (!has_btf).then_some(no_btf),
                (!reg.var_off.is_const()).then_some(var_off),
            ]
        } else {
            [
                (!reg.var_off.is_const()).then_some(var_off),
                (!has_btf).then_some(no_btf),
            ]
        };
        if let Some(msg) = first.into_iter().flatten().next() {
            return Err(self.fail(errno(EINVAL), &msg).because(because));
        }
        if !has_kptrs {
            let msg = if v612 {
                format!("R{regno} has no valid kptr")
            } else if m.kptrs_over_max(false) {
                format!("map '{}' has more than 8 kptr", m.name)
            } else {
                format!("map '{}' has no valid kptr", m.name)
            };
            return Err(self.fail(errno(EINVAL), &msg).because(because));
        }
        let off = reg.off as i64 + reg.var_off.value as i64;
        let Some((kind, field)) = self.map_kptr_at(reg.aux, off) else {
            return Err(self
                .fail(EACCES, &format!("off={off} doesn't point to kptr"))
                .because(because));
        };
        if kind == KptrKind::Unref {
            return Err(self
                .fail(EACCES, &format!("off={off} kptr isn't referenced kptr"))
                .because(because));
        }
        Ok((kind, field))
    }

    /// `process_kptr_func()` of a kptr field inside an object the program
    /// allocated (6.12): the object's record, a referenced kptr of a
    /// kernel type at a constant offset.
    fn process_alloc_kptr_func(
        &mut self,
        reg: &RegState,
        regno: u8,
        p: BtfPtr,
    ) -> VResult<(KptrKind, KptrField)> {
        let because = Reason::KptrMisuse { reg: regno };
        if !reg.var_off.is_const() {
            return Err(self
                .fail(
                    EINVAL,
                    &format!(
                        "R{regno} doesn't have constant offset. kptr has to be at the constant offset"
                    ),
                )
                .because(because));
        }
        let fields: Vec<(KptrKind, KptrField)> = self
            .prog
            .obj_btf
            .as_ref()
            .map(|b| b.find_kptrs(p.id(), 0))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| KptrKind::of_tag(&f.tag, true).map(|k| (k, f)))
            .collect();
        if fields.is_empty() {
            return Err(self
                .fail(EINVAL, &format!("R{regno} has no valid kptr"))
                .because(because));
        }
        let off = reg.off as i64 + reg.var_off.value as i64;
        let Some((kind, field)) = fields.into_iter().find(|(_, f)| f.off as i64 == off) else {
            return Err(self
                .fail(EACCES, &format!("off={off} doesn't point to kptr"))
                .because(because));
        };
        if kind == KptrKind::Unref {
            return Err(self
                .fail(EACCES, &format!("off={off} kptr isn't referenced kptr"))
                .because(because));
        }
        Ok((kind, field))
    }

    /// 6.12: a kptr field whose struct the kernel's BTF lacks holds an
    /// object of the program's own type (a local kptr, `btf_parse_kptr()`).
    pub(crate) fn kptr_is_local(&self, field: &KptrField) -> bool {
        self.rules.helpers_612
            && self
                .prog
                .kernel_btf
                .as_ref()
                .is_none_or(|k| k.btf.find(crate::btf::KIND_STRUCT, &field.target).is_none())
            && self
                .prog
                .obj_btf
                .as_ref()
                .is_some_and(|b| b.find(crate::btf::KIND_STRUCT, &field.target).is_some())
    }

    /// `map_kptr_match_type()` where the register or the field is of the
    /// program's BTF: an allocated object (`MEM_ALLOC`, `MEM_PERCPU` for a
    /// per-CPU kptr) of exactly the field's struct, at offset 0.
    fn local_kptr_match_type(
        &mut self,
        kind: KptrKind,
        field: &KptrField,
        reg: &RegState,
        regno: u8,
    ) -> VResult<()> {
        let reg_local = crate::alloc_obj::alloc_ptr(reg).is_some();
        let field_local = self.kptr_is_local(field);
        let p = BtfPtr::of(reg.aux).filter(|_| reg.ty == RegType::BtfId);
        let perm = if reg_local {
            crate::btf_access::ALLOC | if kind == KptrKind::Percpu { PERCPU } else { 0 }
        } else {
            TRUSTED
                | RCU
                | if kind == KptrKind::Unref {
                    UNTRUSTED
                } else {
                    0
                }
        };
        let ok_flags = p.is_some_and(|p| p.flags() & !perm == 0);
        let reg_name = if !ok_flags {
            None
        } else if reg_local {
            self.prog
                .obj_btf
                .as_ref()
                .and_then(|b| b.get(p.map_or(0, |p| p.id())).ok())
                .map(|t| t.name.clone())
        } else {
            self.prog
                .kernel_btf
                .as_ref()
                .and_then(|k| k.btf.get(p.map_or(0, |p| p.id())).ok())
                .map(|t| t.name.clone())
        };
        if let Some(name) = reg_name.as_ref() {
            self.check_ptr_off_reg(reg, regno, true)?;
            if reg_local == field_local && reg.off == 0 && *name == field.target {
                return Ok(());
            }
        }
        let have = format!(
            "{}{}",
            crate::log::reg_type_str_unnamed(reg),
            reg_name.unwrap_or_default()
        );
        let t = &field.target;
        let or_untrusted = if kind == KptrKind::Unref {
            format!(" or untrusted_ptr_{t}")
        } else {
            String::new()
        };
        // its callers (check_map_kptr_access, check_reg_type) turn any
        // failure into EACCES
        Err(self
            .fail(
                EACCES,
                &format!(
                    "invalid kptr access, R{regno} type={have} expected=ptr_{t}{or_untrusted}"
                ),
            )
            .because(Reason::KptrMisuse { reg: regno }))
    }
}
