//! RCU read-side sections and non-preemptible regions (6.12):
//! `bpf_rcu_read_lock()` /
//! `bpf_rcu_read_unlock()` and what they change (`active_rcu_lock` in
//! `check_kfunc_call()`, `in_rcu_cs()`).
//!
//! Inside a section (or a spin-locked region, or anywhere in a program that
//! cannot sleep) a pointer read from an `__rcu` field is an RCU pointer
//! (`MEM_RCU`); leaving the section makes every such pointer untrusted.

use crate::btf_access::{BtfPtr, RCU, UNTRUSTED};
use crate::env::{Env, VResult, EACCES, EINVAL};
use crate::reason::Reason;
use crate::regs::{RegState, RegType};

/// What a kernel function does to the RCU section (`is_kfunc_bpf_rcu_read_lock()`
/// and its unlock twin).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RcuKfunc {
    Lock,
    Unlock,
}

impl RcuKfunc {
    fn of(name: &str) -> Option<RcuKfunc> {
        match name {
            "bpf_rcu_read_lock" => Some(RcuKfunc::Lock),
            "bpf_rcu_read_unlock" => Some(RcuKfunc::Unlock),
            _ => None,
        }
    }
}

impl Env {
    /// `in_rcu_cs()`: dereferenced `__rcu` pointers are RCU pointers here.
    pub(crate) fn in_rcu_cs(&self) -> bool {
        self.cur.active_rcu_lock || self.cur.active_lock_held || !self.in_sleepable()
    }

    /// `in_sleepable()`: a sleepable program, or (6.12) a workqueue's
    /// callback.
    pub(crate) fn in_sleepable(&self) -> bool {
        crate::func_proto::prog_sleepable(&self.prog) || self.cur.in_sleepable
    }

    /// The part of `check_kfunc_call()` after the arguments that enters
    /// or leaves the section, and refuses a sleeping kfunc inside it.
    pub(crate) fn rcu_kfunc_call(&mut self, name: &str, sleepable: bool) -> VResult<()> {
        let because = Reason::RcuMisuse;
        let rcu = RcuKfunc::of(name);
        if self.cur.active_rcu_lock {
            match rcu {
                Some(RcuKfunc::Lock) => {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!("nested rcu read lock (kernel function {name})"),
                        )
                        .because(because));
                }
                Some(RcuKfunc::Unlock) => {
                    for f in self.cur.frames.iter_mut() {
                        for r in f.regs.iter_mut() {
                            untrust_rcu(r);
                        }
                        for s in f.stack.iter_mut() {
                            if s.is_spill() {
                                untrust_rcu(&mut s.spilled);
                            }
                            // an RCU-protected iterator's slots too
                            if s.iter.rcu == crate::state::IterRcu::Rcu {
                                s.iter.rcu = crate::state::IterRcu::Untrusted;
                            }
                        }
                    }
                    self.cur.active_rcu_lock = false;
                }
                None if sleepable => {
                    return Err(self
                        .fail(
                            EACCES,
                            &format!("kernel func {name} is sleepable within rcu_read_lock region"),
                        )
                        .because(because));
                }
                None => {}
            }
        } else {
            match rcu {
                Some(RcuKfunc::Lock) => self.cur.active_rcu_lock = true,
                Some(RcuKfunc::Unlock) => {
                    return Err(self
                        .fail(
                            EINVAL,
                            &format!("unmatched rcu read unlock (kernel function {name})"),
                        )
                        .because(because));
                }
                None => {}
            }
        }
        Ok(())
    }
}

impl Env {
    /// The part of `check_kfunc_call()` after the RCU section's that
    /// counts `bpf_preempt_disable()` / `bpf_preempt_enable()` and refuses
    /// a sleeping kfunc while preemption is disabled.
    pub(crate) fn preempt_kfunc_call(&mut self, name: &str, sleepable: bool) -> VResult<()> {
        let because = Reason::RcuMisuse;
        match name {
            "bpf_preempt_disable" => self.cur.active_preempt_lock += 1,
            "bpf_preempt_enable" if self.cur.active_preempt_lock > 0 => {
                self.cur.active_preempt_lock -= 1
            }
            "bpf_preempt_enable" => {
                return Err(self
                    .fail(
                        EINVAL,
                        &format!("unmatched attempt to enable preemption (kernel function {name})"),
                    )
                    .because(because));
            }
            _ if sleepable && self.cur.active_preempt_lock > 0 => {
                return Err(self
                    .fail(
                        EACCES,
                        &format!("kernel func {name} is sleepable within non-preemptible region"),
                    )
                    .because(because));
            }
            _ => {}
        }
        Ok(())
    }
}

/// An RCU pointer outliving its section: untrusted, and no longer NULL
/// to the verifier (`reg->type &= ~(MEM_RCU | PTR_MAYBE_NULL)`).
fn untrust_rcu(r: &mut RegState) {
    if r.ty != RegType::BtfId {
        return;
    }
    let Some(p) = BtfPtr::of(r.aux) else {
        return;
    };
    if p.flags() & RCU == 0 {
        return;
    }
    r.aux = BtfPtr::new(p.id(), (p.flags() & !RCU) | UNTRUSTED).0;
    r.maybe_null = false;
}
