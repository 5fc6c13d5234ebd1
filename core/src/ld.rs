//! Loads that are not memory accesses: 64-bit immediates (`check_ld_imm`:
//! constants, map pointers and values, BTF ids, subprogram addresses) and
//! the legacy packet loads (`check_ld_abs`: `BPF_LD | BPF_ABS/IND`).

use crate::env::{Env, VResult, EINVAL};
use crate::insn::*;
use crate::program::ProgType;
use crate::regs::{RegType, LIVE_READ64, LIVE_WRITTEN};

impl Env {
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
                // check_ld_imm(): a callback needs the program's func_info
                // (an object loaded without BTF — none, or the kernel
                // refused it — has none; text is compiled with it) ...
                if self.prog.no_func_info {
                    return Err(self
                        .fail(EINVAL, "missing btf func_info")
                        .because(crate::reason::Reason::NeedsFuncInfo));
                }
                // ... and is a static function (its func_info linkage); a
                // global one is verified on its own with whatever its
                // prototype allows, not as the callback its helper calls
                if self.is_global_subprog(target) {
                    return Err(self
                        .fail(EINVAL, "callback function not static")
                        .because(crate::reason::Reason::CallbackNotStatic));
                }
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
            BPF_PSEUDO_BTF_ID => {
                // a per-CPU kernel variable (check_pseudo_btf_id() kept its
                // type): PTR_TO_BTF_ID | MEM_PERCPU
                let ty = self
                    .aux
                    .get(self.insn_idx)
                    .and_then(|a| a.btf_var)
                    .unwrap_or(0);
                let r = self.reg_mut(dst);
                if ty == crate::cfg::BTF_VAR_FUNC {
                    r.mark_known_zero_ptr(RegType::Mem);
                    r.rdonly = true;
                    r.aux = 0;
                } else {
                    r.mark_known_zero_ptr(RegType::BtfId);
                    r.aux = crate::btf_access::BtfPtr::new(ty, crate::btf_access::PERCPU).0;
                }
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
                // an arena's variable: its user address, a number until
                // cast (6.12's check_ld_imm())
                if m.map_type == crate::program::MapType::Arena {
                    self.reg_mut(dst).mark_unknown();
                    self.reg_mut(dst).live |= LIVE_WRITTEN;
                    return Ok(());
                }
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
                // 6.1 gives a value with a lock an id at every load; 6.12
                // none (it is one value, never distinct)
                let lock = m.lock_off.is_some() && !self.rules.helpers_612;
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
        // may_access_skb(): not cgroup_skb, whose context is an skb too
        if !matches!(
            self.prog.prog_type,
            ProgType::SocketFilter | ProgType::SchedCls | ProgType::SchedAct
        ) {
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] instructions not allowed for this program type",
                )
                .because(crate::reason::Reason::LegacyPacketLoad));
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
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] cannot be mixed with socket references",
                )
                .because(crate::reason::Reason::LegacyPacketLoad));
        }
        if self.cur.active_lock_held {
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] cannot be used inside bpf_spin_lock-ed region",
                )
                .because(crate::reason::Reason::LockMisuse));
        }
        if self.cur.active_rcu_lock {
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] cannot be used inside bpf_rcu_read_lock-ed region",
                )
                .because(crate::reason::Reason::RcuMisuse));
        }
        if self.cur.active_preempt_lock > 0 {
            return Err(self
                .fail(
                    EINVAL,
                    "BPF_LD_[ABS|IND] cannot be used inside bpf_preempt_disable-ed region",
                )
                .because(crate::reason::Reason::RcuMisuse));
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
        if self.rules.ld_abs_hidden_exit && self.cur.curframe() > 0 {
            // bpf_gen_ld_abs()'s hidden exit: the load may fail and return
            // 0 from the subprogram; the path after the load is pushed
            self.mark_reg_scratched(0);
            self.push_stack(self.insn_idx + 1, self.insn_idx, crate::env::EFAULT)?;
            self.reg_mut(0).mark_known(0);
            self.prepare_func_exit()?;
            // do_check() steps past the instruction it ran
            self.insn_idx -= 1;
        }
        Ok(())
    }
}
