//! Reference tracking (`acquire_reference_state`, `release_reference_state`,
//! `release_reference`, `check_reference_leak`) with the callback rules of
//! commit 9d9d00ac, switched by [`crate::mode::Rules`].

use crate::env::{Env, VResult, EINVAL};
use crate::state::RefState;
use crate::trace::EventKind;

impl Env {
    /// `acquire_reference_state()`: a new id in the current frame's table.
    pub fn acquire_reference_state(&mut self, insn_idx: usize) -> u32 {
        let id = self.new_id();
        let rules = self.rules;
        let f = self.cur.cur_mut();
        let callback_ref = if rules.callback_ref && f.in_callback_fn {
            f.frameno
        } else {
            0
        };
        f.refs.push(RefState {
            id,
            insn: insn_idx as u32,
            callback_ref,
        });
        self.event(EventKind::Acquire, insn_idx as u32, id);
        id
    }

    /// `release_reference_state()` on the current frame; false if the id is
    /// not there or (9d9d00ac) belongs to another frame than this callback.
    pub fn release_reference_state(&mut self, id: u32) -> bool {
        let rules = self.rules;
        let f = self.cur.cur_mut();
        let Some(i) = f.refs.iter().position(|r| r.id == id) else {
            return false;
        };
        if rules.callback_ref && f.in_callback_fn && f.refs[i].callback_ref != f.frameno {
            return false;
        }
        // the kernel moves the last entry into the hole
        let last = f.refs.len() - 1;
        f.refs.swap(i, last);
        f.refs.pop();
        true
    }

    /// The facts of "reference has not been acquired before": the id the
    /// argument carries and, when this frame's table holds it, who
    /// acquired it (`callback_ref`: the seed's case is frame 0).
    pub fn not_acquired_reason(&self, id: u32) -> crate::reason::Reason {
        let f = self.cur.cur();
        let held = f.refs.iter().find(|r| r.id == id && id != 0);
        crate::reason::Reason::ReferenceNotAcquired {
            id,
            alloc_insn: held.map(|r| r.insn as usize),
            frame: f.frameno as usize,
            owner_frame: held.map(|r| r.callback_ref as usize),
        }
    }

    /// `release_reference()`: drop the reference and invalidate every copy
    /// of the pointer in every frame (a privileged loader gets unknown
    /// scalars, as `allow_ptr_leaks` is set).
    pub fn release_reference(&mut self, ref_obj_id: u32) -> VResult<()> {
        if !self.release_reference_state(ref_obj_id) {
            return Err(crate::env::VErr::new(EINVAL));
        }
        self.event(EventKind::Release, self.insn_idx as u32, ref_obj_id);
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                if r.ref_obj_id == ref_obj_id {
                    r.mark_unknown();
                }
            }
            for s in f.stack.iter_mut() {
                if s.is_spill() && s.spilled.ref_obj_id == ref_obj_id {
                    s.spilled.mark_unknown();
                }
            }
        }
        Ok(())
    }

    /// `check_reference_leak()` at `exit` (and tail calls, LD_ABS).
    pub fn check_reference_leak(&mut self) -> VResult<()> {
        self.check_reference_leak_on(false)
    }

    /// `check_reference_leak(env, exception_exit)`: a `bpf_throw()` (6.7+)
    /// leaves no frame to return to, so every reference the current frame
    /// holds is a leak, whoever acquired it.
    pub fn check_reference_leak_on(&mut self, exception_exit: bool) -> VResult<()> {
        let rules = self.rules;
        let f = self.cur.cur().clone();
        if !exception_exit && rules.callback_ref && f.frameno != 0 && !f.in_callback_fn {
            return Ok(());
        }
        let mut lingering = None;
        for r in f.refs.iter() {
            if !exception_exit
                && rules.callback_ref
                && f.in_callback_fn
                && r.callback_ref != f.frameno
            {
                continue;
            }
            self.verbose(&format!(
                "Unreleased reference id={} alloc_insn={}\n",
                r.id, r.insn
            ));
            // the kernel's message is the last line: the last reference
            lingering = Some(crate::reason::Reason::UnreleasedReference {
                id: r.id,
                alloc_insn: r.insn as usize,
                frame: f.frameno as usize,
            });
        }
        if let Some(reason) = lingering {
            self.event(
                crate::trace::EventKind::Reject,
                self.insn_idx as u32,
                EINVAL as u32,
            );
            return Err(crate::env::VErr::new(EINVAL).because(reason));
        }
        Ok(())
    }

    /// Whether any reference is held in the current frame (for LD_ABS and
    /// tail calls, which use the same check).
    pub fn has_refs(&self) -> bool {
        !self.cur.cur().refs.is_empty()
    }

    /// `mark_ptr_or_null_regs()` after `if rX == 0` / `!= 0` on a maybe-NULL pointer.
    pub fn mark_ptr_or_null_regs(&mut self, regno: u8, is_null: bool) {
        let reg = *self.reg(regno);
        let id = reg.id;
        let ref_obj_id = reg.ref_obj_id;
        if ref_obj_id != 0 && ref_obj_id == id && is_null {
            // the NULL branch holds nothing: drop the reference
            let _ = self.release_reference_state(id);
        }
        let maps = &self.prog.maps;
        // reg_may_point_to_spin_lock(): a map value or an allocated object
        // with a lock keeps its id (bpf_spin_lock() tells locks apart by it)
        let obj_btf = self.prog.obj_btf.clone();
        let lock_map = |r: &crate::regs::RegState| {
            if let Some(p) = crate::alloc_obj::alloc_ptr(r) {
                return obj_btf.as_ref().is_some_and(|b| {
                    crate::btf_record::struct_meta(b, p.id())
                        .ok()
                        .flatten()
                        .is_some_and(|rec| rec.spin_lock_off().is_some())
                });
            }
            r.ty == crate::regs::RegType::MapValue
                && maps
                    .get(r.aux as usize)
                    .is_some_and(|m| m.lock_off.is_some())
        };
        let inner_map = |r: &crate::regs::RegState| not_null_kind(maps, r);
        for f in self.cur.frames.iter_mut() {
            for r in f.regs.iter_mut() {
                let (keep, inner) = (lock_map(r), inner_map(r));
                mark_ptr_or_null_reg(r, id, is_null, keep, inner);
            }
            for s in f.stack.iter_mut() {
                if s.is_spill() {
                    let (keep, inner) = (lock_map(&s.spilled), inner_map(&s.spilled));
                    mark_ptr_or_null_reg(&mut s.spilled, id, is_null, keep, inner);
                }
            }
        }
    }
}

/// `mark_ptr_not_null_reg()` on register `regno` of `st`'s current frame:
/// what a pointer compared equal to a non-NULL one becomes (6.2+). Unlike
/// a NULL check it keeps the register's id.
pub(crate) fn mark_ptr_not_null_reg(
    maps: &[crate::program::MapDef],
    st: &mut crate::state::VerifierState,
    regno: u8,
) {
    let cf = st.frames.len() - 1;
    let r = &mut st.frames[cf].regs[regno as usize];
    if !r.maybe_null {
        return;
    }
    let kind = not_null_kind(maps, r);
    r.maybe_null = false;
    set_not_null_kind(r, kind);
}

/// A map value that is no longer NULL: a map of maps' is a pointer to its
/// inner map, a sockmap's or sockhash's is the socket; any other stays a
/// map value (`mark_ptr_or_null_reg()`, `mark_ptr_not_null_reg()`).
fn not_null_kind(maps: &[crate::program::MapDef], r: &crate::regs::RegState) -> Option<NotNull> {
    let m = maps
        .get(r.aux as usize)
        .filter(|_| r.ty == crate::regs::RegType::MapValue)?;
    match m.map_type {
        crate::program::MapType::Sockmap | crate::program::MapType::Sockhash => {
            Some(NotNull::Socket(crate::regs::RegType::Socket))
        }
        crate::program::MapType::XskMap => Some(NotNull::Socket(crate::regs::RegType::XdpSock)),
        _ => m.inner.map(|i| {
            let timer = maps.get(i as usize).is_some_and(|t| t.timer_off.is_some());
            NotNull::InnerMap(i, timer)
        }),
    }
}

fn set_not_null_kind(r: &mut crate::regs::RegState, kind: Option<NotNull>) {
    match kind {
        Some(NotNull::InnerMap(inner, timer)) => {
            r.ty = crate::regs::RegType::ConstPtrToMap;
            r.aux = inner;
            // the lookup's id, unique to it, names the inner map found
            // when it holds timers (a timer must be set up with its own map)
            if timer {
                r.map_uid = r.id;
            }
        }
        Some(NotNull::Socket(ty)) => {
            r.ty = ty;
            // the kernel only changes the type: the socket keeps the map it
            // came from in `reg->map_ptr`, which regsafe()'s memcmp sees,
            // so it never matches a socket of another map or of a lookup
            // helper (whose union is zero); kept as the map's index + 1
            r.aux += 1;
        }
        None => {}
    }
}

/// What a map lookup's value becomes once not NULL, where it is not a map
/// value (`mark_ptr_or_null_reg()`).
#[derive(Clone, Copy)]
enum NotNull {
    /// CONST_PTR_TO_MAP of the inner map template (`inner_map_meta`), and
    /// whether its values hold a timer.
    InnerMap(u32, bool),
    /// PTR_TO_SOCKET (a sockmap's or sockhash's entry), PTR_TO_XDP_SOCK
    /// (an xskmap's).
    Socket(crate::regs::RegType),
}

fn mark_ptr_or_null_reg(
    r: &mut crate::regs::RegState,
    id: u32,
    is_null: bool,
    keep_id: bool,
    inner_map: Option<NotNull>,
) {
    if !r.maybe_null || r.id != id || id == 0 {
        return;
    }
    if is_null {
        // becomes scalar 0 in place: the kernel changes the type, the id
        // and ref_obj_id and keeps the rest, the union that held the map
        // (map_ptr, map_uid), BTF type or memory size among it. Its
        // memcmp-based regs_exact() then tells this 0 from a plain one
        // (6.12's widening of loop passes, exact state comparisons).
        let union_set = matches!(
            r.ty,
            crate::regs::RegType::MapValue
                | crate::regs::RegType::MapKey
                | crate::regs::RegType::ConstPtrToMap
        ) || r.aux != 0
            || r.map_uid != 0
            || r.dynptr_id != 0;
        let null_of = union_set.then_some((r.ty, r.aux, r.map_uid, r.dynptr_id));
        r.mark_known(0);
        r.id = 0;
        r.ref_obj_id = 0;
        r.null_of = null_of;
    } else {
        r.maybe_null = false;
        set_not_null_kind(r, inner_map);
        // the id stays only on map values with a spin lock: it names the lock
        if !keep_id {
            r.id = 0;
        }
    }
}
