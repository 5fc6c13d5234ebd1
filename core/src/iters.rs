//! Open-coded iterators (6.4+, modelled as Linux 6.12 has them): the
//! `bpf_iter_<type>_{new,next,destroy}` kfuncs and the iterator state they
//! keep in stack slots (`STACK_ITER`). Named after verifier.c's
//! `process_iter_arg()`, `mark_stack_slots_iter()` and
//! `process_iter_next_call()`.
//!
//! `new` takes uninitialised slots and makes them an active iterator that
//! holds a reference (leaking it is refused at exit like any reference);
//! `next` forks the path: here the iterator is drained and returns NULL,
//! the queued path has it active one level deeper with a valid element;
//! `destroy` releases it. `is_state_visited()` proves the loop converges
//! when the state at `next` repeats with the iterator still active.

use crate::env::{Env, VResult, EINVAL};
use crate::kfuncs::IterKfunc;
use crate::regs::{RegType, LIVE_WRITTEN};
use crate::state::{IterRcu, IterState, SlotType};

/// Where `process_iter_arg()` found the iterator (`meta->iter`).
#[derive(Clone, Copy, Debug)]
pub struct IterArg {
    pub frame: usize,
    pub spi: usize,
    pub ref_obj_id: u32,
}

impl Env {
    /// `iter_get_spi()`: the iterator's first slot, or the kernel's
    /// refusal; Ok(None) when its slots are not allocated yet (-ERANGE).
    fn iter_get_spi(&mut self, regno: u8, nr_slots: usize) -> VResult<Option<usize>> {
        let reg = *self.reg(regno);
        // stack_slot_obj_get_spi()
        if !reg.var_off.is_const() {
            return Err(self.fail(EINVAL, "iter has to be at a constant offset"));
        }
        let off = reg.off as i64 + reg.var_off.value as i64;
        let bad = |env: &mut Self| {
            Err(env.fail(EINVAL, &format!("cannot pass in iter at an offset={off}")))
        };
        if off % 8 != 0 {
            return bad(self);
        }
        let spi = (-off - 1) / 8;
        if spi + 1 < nr_slots as i64 {
            return bad(self);
        }
        let allocated = self
            .cur
            .frames
            .get(reg.frameno as usize)
            .map(|f| f.stack.len())
            .unwrap_or(0) as i64;
        if spi - nr_slots as i64 + 1 >= 0 && spi < allocated {
            Ok(Some(spi as usize))
        } else {
            Ok(None)
        }
    }

    /// `process_iter_arg()`: R`regno` points to the iterator `tname`
    /// (`struct bpf_iter_<type>`, kernel BTF id `btf_id`, `size` bytes),
    /// as `kind` wants it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn process_iter_arg(
        &mut self,
        regno: u8,
        kind: IterKfunc,
        btf_id: u32,
        tname: &str,
        size: u32,
        rcu_protected: bool,
        func: &str,
    ) -> VResult<Option<IterArg>> {
        let reg = *self.reg(regno);
        let argno = regno - 1;
        let short = tname.trim_start_matches("bpf_iter_").to_string();
        if reg.ty != RegType::Stack {
            return Err(self.fail(
                EINVAL,
                &format!("arg#{argno} expected pointer to an iterator on stack"),
            ));
        }
        let nr_slots = (size / 8) as usize;
        let fr = reg.frameno as usize;
        if kind == IterKfunc::New {
            // is_iter_reg_valid_uninit(): the offset's refusal stays in the
            // log, and the kernel goes on to say what it expected
            let uninit = format!("expected uninitialized iter_{short} as arg #{argno}");
            let Ok(spi) = self.iter_get_spi(regno, nr_slots) else {
                return Err(self.fail(EINVAL, &uninit));
            };
            if let Some(spi) = spi {
                let busy = (0..nr_slots).any(|i| {
                    self.cur.frames[fr].stack[spi - i]
                        .types
                        .contains(&SlotType::Iter)
                });
                if busy {
                    return Err(self.fail(EINVAL, &uninit));
                }
            }
            // each slot written as a stack store would (bounds, growth)
            for i in 0..nr_slots {
                self.check_mem_access(regno, (i * 8) as i32, 8, crate::ctx::Access::Write, None)?;
            }
            // mark_stack_slots_iter()
            let Some(spi) = self.iter_get_spi(regno, nr_slots)? else {
                return Err(self.fail(
                    EINVAL,
                    &format!("cannot pass in iter at an offset={}", reg.off),
                ));
            };
            let id = self.acquire_reference_state(self.insn_idx);
            let rcu = match (rcu_protected, self.in_rcu_cs()) {
                (false, _) => IterRcu::None,
                (true, true) => IterRcu::Rcu,
                (true, false) => IterRcu::Untrusted,
            };
            for i in 0..nr_slots {
                let slot = &mut self.cur.frames[fr].stack[spi - i];
                slot.spilled.mark_known_zero_ptr(RegType::Stack);
                slot.spilled.live |= LIVE_WRITTEN;
                slot.spilled.ref_obj_id = if i == 0 { id } else { 0 };
                slot.iter = IterState {
                    btf_id,
                    active: true,
                    depth: 0,
                    rcu,
                };
                slot.types = [SlotType::Iter; 8];
                self.mark_stack_slot_scratched(spi - i);
            }
            return Ok(None);
        }
        // is_iter_reg_valid_init()
        let valid = match self.iter_get_spi(regno, nr_slots) {
            Ok(Some(spi)) => (0..nr_slots)
                .all(|i| {
                    let s = &self.cur.frames[fr].stack[spi - i];
                    (s.spilled.ref_obj_id != 0) == (i == 0)
                        && s.iter.btf_id == btf_id
                        && s.types.iter().all(|t| *t == SlotType::Iter)
                })
                .then_some(spi),
            _ => None,
        };
        let Some(spi) = valid else {
            // the offset's own refusal, if any, stays in the log above
            return Err(self.fail(
                EINVAL,
                &format!("expected an initialized iter_{short} as arg #{argno}"),
            ));
        };
        // an RCU-protected iterator out of its section (-EPROTO)
        if self.cur.frames[fr].stack[spi].iter.rcu == IterRcu::Untrusted {
            return Err(self
                .fail(
                    crate::env::EPROTO,
                    &format!("expected an RCU CS when using {func}"),
                )
                .because(crate::reason::Reason::RcuMisuse));
        }
        // mark_iter_read()
        for i in 0..nr_slots {
            self.mark_stack_read(fr, spi - i);
            self.mark_stack_slot_scratched(spi - i);
        }
        let ref_obj_id = self.cur.frames[fr].stack[spi].spilled.ref_obj_id;
        if kind == IterKfunc::Destroy {
            // unmark_stack_slots_iter()
            let _ = self.release_reference(ref_obj_id);
            for i in 0..nr_slots {
                let slot = &mut self.cur.frames[fr].stack[spi - i];
                slot.spilled.mark_not_init();
                slot.spilled.live |= LIVE_WRITTEN;
                slot.types = [SlotType::Invalid; 8];
                slot.iter = IterState::default();
                self.mark_stack_slot_scratched(spi - i);
            }
        }
        Ok(Some(IterArg {
            frame: fr,
            spi,
            ref_obj_id,
        }))
    }

    /// `process_iter_next_call()`: an active iterator may yield another
    /// element (a queued path, one level deeper, R0 not NULL) or be drained
    /// (this path, R0 = 0).
    pub(crate) fn process_iter_next_call(&mut self, it: IterArg) -> VResult<()> {
        let active = self.cur.frames[it.frame].stack[it.spi].iter.active;
        if active {
            self.push_loop_iteration(|q| {
                let s = &mut q.frames[it.frame].stack[it.spi];
                s.iter.active = true;
                s.iter.depth += 1;
                // mark_ptr_not_null_reg(): the element is there
                let cf = q.frames.len() - 1;
                q.frames[cf].regs[0].maybe_null = false;
            })?;
        }
        self.cur.frames[it.frame].stack[it.spi].iter.active = false;
        let r0 = self.reg_mut(0);
        r0.mark_known(0);
        r0.precise = false;
        r0.live |= LIVE_WRITTEN;
        Ok(())
    }
}
