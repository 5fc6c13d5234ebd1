//! The `bpf_fastcall` contract (Linux 6.11+, so the 6.12 mode): spills and
//! fills of caller-saved registers around a call that clobbers fewer of
//! them (`mark_fastcall_patterns`), kept honest during the walk
//! (`check_fastcall_stack_contract`) and removed afterwards with the stack
//! they used (`remove_fastcall_spills_fills`).
//!
//! What veristep shows of it: the removal lowers a subprogram's stack depth
//! before `check_max_stack_depth()`, so a program whose combined stack is
//! too large on 6.1 may load on 6.12. The kernel removes the pairs only
//! around a call it inlines: `bpf_get_smp_processor_id` (x86-64, JIT on,
//! as the oracle has it), `bpf_cast_to_kern_ctx` and `bpf_rdonly_cast`.

use crate::env::Env;
use crate::func_proto::{Arg, Ret};
use crate::helper_ids::FuncId as F;
use crate::insn::{BPF_DW, BPF_LDX, BPF_MEM, BPF_REG_FP, BPF_STX};

/// `CALLER_SAVED_REGS`: R0-R5.
const CALLER_SAVED: u32 = 6;
const ALL_CALLER_SAVED_REGS: u32 = (1 << CALLER_SAVED) - 1;

impl Env {
    /// `mark_fastcall_patterns()`, before the walk: for each subprogram,
    /// the lowest offset any `*(u64 *)(r10 - Y) = rX` writes, then each
    /// call's pairs of spills before it and fills after it from there up.
    pub(crate) fn mark_fastcall_patterns(&mut self) {
        if !self.rules.fastcall {
            return;
        }
        for s in 0..self.subprogs.len() {
            let (start, end) = self.subprog_range(s);
            let lowest_off = self.prog.insns[start..end]
                .iter()
                .filter(|i| is_stack_spill_dw(i))
                .map(|i| i.off as i32)
                .min()
                .unwrap_or(0)
                .min(0);
            for i in start..end {
                let insn = self.prog.insns[i];
                if insn.class() == crate::insn::BPF_JMP && insn.op() == crate::insn::BPF_CALL {
                    self.mark_fastcall_pattern_for_call(s, i, lowest_off);
                }
            }
        }
    }

    /// `mark_fastcall_pattern_for_call()`
    fn mark_fastcall_pattern_for_call(&mut self, s: usize, at: usize, lowest_off: i32) {
        let call = self.prog.insns[at];
        let Some((clobbered, can_be_inlined)) = self.fastcall_clobbers(&call) else {
            // an error the walk reports, if it gets there
            return;
        };
        if clobbered == ALL_CALLER_SAVED_REGS {
            return;
        }
        let mut expected = !clobbered & ALL_CALLER_SAVED_REGS;
        let n = self.prog.insns.len();
        let mut i = 1;
        let mut off = lowest_off;
        while i <= CALLER_SAVED as usize {
            if at < i || at + i >= n {
                break;
            }
            // 6.12.95 does not look at jumps into the pattern (later 6.12
            // releases stop at a spill, call or fill that is a jump target)
            let stx = self.prog.insns[at - i];
            let ldx = self.prog.insns[at + i];
            let fill = ldx.class() == BPF_LDX
                && ldx.mode() == BPF_MEM
                && ldx.size() == BPF_DW
                && ldx.src == BPF_REG_FP;
            if !is_stack_spill_dw(&stx) || !fill {
                break;
            }
            if stx.src != ldx.dst || expected & (1 << stx.src) == 0 {
                break;
            }
            if stx.off as i32 != off || ldx.off as i32 != off {
                break;
            }
            expected &= !(1 << stx.src);
            self.aux[at - i].fastcall_pattern = true;
            self.aux[at + i].fastcall_pattern = true;
            i += 1;
            off += 8;
        }
        if i == 1 {
            return;
        }
        if can_be_inlined {
            self.aux[at].fastcall_spills_num = (i - 1) as u8;
        } else {
            self.subprogs[s].keep_fastcall_stack = true;
        }
        let sub = &mut self.subprogs[s];
        sub.fastcall_stack_off = sub.fastcall_stack_off.min(off);
    }

    /// The caller-saved registers `call` clobbers as if it followed the
    /// contract (R0 unless void, R1-R5 for its parameters) and whether the
    /// kernel inlines it; None where the kernel cannot find its prototype
    /// (`get_helper_proto()`, `fetch_kfunc_meta()` fail).
    fn fastcall_clobbers(&self, call: &crate::insn::Insn) -> Option<(u32, bool)> {
        if call.src == 0 {
            let max_id = crate::func_proto::func_max_id(self.rules.helpers_612);
            let id = F::from_id(call.imm).filter(|f| (*f as u32) < max_id)?;
            let fp = self.helper_proto(id)?;
            let mut mask = if fp.ret == Ret::Void { 0 } else { 1 };
            for (i, a) in fp.args.iter().enumerate() {
                if *a != Arg::DontCare {
                    mask |= 1 << (i + 1);
                }
            }
            // verifier_inlines_helper_call(): x86-64 with the JIT
            let inlined = id == F::get_smp_processor_id;
            return Some((mask, inlined));
        }
        if call.is_kfunc_call() {
            let name = self.kernel_kfunc_name(call.imm)?;
            let k = crate::kfuncs::kernel_kfunc(&name)?;
            let v612 = self.rules.kfuncs_612;
            if !crate::kfuncs::allowed(k, self.prog.prog_type, self.prog.expected_attach_type, v612)
            {
                return None;
            }
            let btf = &self.prog.kernel_btf.as_ref()?.btf;
            let proto = btf.get(btf.get(call.imm as u32).ok()?.size_or_type).ok()?;
            let mut mask = if proto.size_or_type == 0 { 0 } else { 1 };
            for i in 0..proto.vlen.min(5) {
                mask |= 1 << (i + 1);
            }
            let inlined = matches!(name.as_str(), "bpf_cast_to_kern_ctx" | "bpf_rdonly_cast");
            return Some((mask, inlined));
        }
        // a bpf-to-bpf call clobbers them all
        None
    }

    /// `check_fastcall_stack_contract()`: an access to the stack below the
    /// patterns' slots by anything but a pattern's spill or fill ends the
    /// contract for the subprogram owning that stack.
    pub(crate) fn check_fastcall_stack_contract(&mut self, frame: usize, off: i64) {
        if !self.rules.fastcall {
            return;
        }
        let Some(s) = self.cur.frames.get(frame).map(|f| f.subprog as usize) else {
            return;
        };
        let Some(sub) = self.subprogs.get_mut(s) else {
            return;
        };
        let pattern = self
            .aux
            .get(self.insn_idx)
            .is_some_and(|a| a.fastcall_pattern);
        if sub.fastcall_stack_off as i64 <= off || pattern {
            return;
        }
        sub.fastcall_stack_off = i16::MIN as i32;
        let (start, end) = self.subprog_range(s);
        for a in &mut self.aux[start..end] {
            a.fastcall_spills_num = 0;
            a.fastcall_pattern = false;
        }
    }

    /// `remove_fastcall_spills_fills()`, after the walk: a subprogram with
    /// an inlined call's pairs (the contract kept) and no other pattern
    /// has the stack above the patterns' slots only.
    pub(crate) fn remove_fastcall_spills_fills(&mut self) {
        if !self.rules.fastcall {
            return;
        }
        for s in 0..self.subprogs.len() {
            let (start, end) = self.subprog_range(s);
            let modified = self.aux[start..end]
                .iter()
                .any(|a| a.fastcall_spills_num > 0);
            let sub = &mut self.subprogs[s];
            if modified && !sub.keep_fastcall_stack {
                sub.stack_depth = -sub.fastcall_stack_off;
            }
        }
    }

    /// The instructions of subprogram `s`: `[start, next start)`.
    pub(crate) fn subprog_range(&self, s: usize) -> (usize, usize) {
        let n = self.prog.insns.len();
        let start = self.subprogs.get(s).map_or(n, |p| p.start.min(n));
        let end = self.subprogs.get(s + 1).map_or(n, |p| p.start.min(n));
        (start, end.max(start))
    }
}

/// `*(u64 *)(r10 + off) = rX`
fn is_stack_spill_dw(i: &crate::insn::Insn) -> bool {
    i.class() == BPF_STX && i.mode() == BPF_MEM && i.size() == BPF_DW && i.dst == BPF_REG_FP
}
