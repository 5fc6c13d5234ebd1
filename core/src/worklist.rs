//! The worklist of pending branch states (`push_stack`, `pop_stack`:
//! last in, first out), branch counts, and the end of a path.

use crate::do_check::StepResult;
use crate::env::{Env, VResult, BPF_COMPLEXITY_LIMIT_JMP_SEQ};
use crate::state::{StackElem, VerifierState};
use crate::trace::EventKind;

impl Env {
    /// `push_stack()`: the pending state continues at `insn_idx`. Past
    /// `BPF_COMPLEXITY_LIMIT_JMP_SEQ` pending states it fails, and the
    /// kernel's caller picks the errno (`-EFAULT` for a conditional jump,
    /// `-ENOMEM` for 6.12's iterator and callback loops).
    pub fn push_stack(&mut self, insn_idx: usize, prev_insn_idx: usize, errno: i32) -> VResult<()> {
        let elem = StackElem {
            st: self.cur.clone(),
            insn_idx,
            prev_insn_idx,
            log_pos: self.log.len(),
        };
        self.head.push(elem);
        self.event(EventKind::Push, prev_insn_idx as u32, insn_idx as u32);
        if self.head.len() > BPF_COMPLEXITY_LIMIT_JMP_SEQ {
            let n = self.head.len();
            return Err(self.fail(
                errno,
                &format!("The sequence of {} jumps is too complex.", n),
            ));
        }
        if let Some(p) = self.cur.parent {
            if let Some(cp) = self.checkpoints.get_mut(p as usize) {
                cp.branches += 1;
            }
        }
        Ok(())
    }

    /// Pushes an already built state (async callbacks, 6.7 callback entries).
    pub fn push_state(
        &mut self,
        st: VerifierState,
        insn_idx: usize,
        prev_insn_idx: usize,
        errno: i32,
    ) -> VResult<()> {
        let parent = st.parent;
        self.head.push(StackElem {
            st,
            insn_idx,
            prev_insn_idx,
            log_pos: self.log.len(),
        });
        if self.head.len() > BPF_COMPLEXITY_LIMIT_JMP_SEQ {
            let n = self.head.len();
            return Err(self.fail(
                errno,
                &format!("The sequence of {} jumps is too complex.", n),
            ));
        }
        if let Some(p) = parent {
            if let Some(cp) = self.checkpoints.get_mut(p as usize) {
                cp.branches += 1;
            }
        }
        Ok(())
    }

    /// `update_branch_counts()` for the path that just finished.
    pub fn update_branch_counts(&mut self) {
        use crate::pruning::LoopNode;
        // the path itself is done: a loop it was found in is its parent's
        // too (6.12's loop entries, case A of get_loop_entry()'s comment)
        if let (Some(p), Some(le)) = (self.cur.parent, self.cur.loop_entry) {
            self.update_loop_entry(LoopNode::Cp(p), le);
        }
        let mut p = self.cur.parent;
        while let Some(i) = p {
            let Some(cp) = self.checkpoints.get_mut(i as usize) else {
                break;
            };
            cp.branches = cp.branches.saturating_sub(1);
            let (br, parent, le) = (cp.branches, cp.st.parent, cp.st.loop_entry);
            if br == 0 {
                if let (Some(pp), Some(le)) = (parent, le) {
                    self.update_loop_entry(LoopNode::Cp(pp), le);
                }
            }
            if br != 0 {
                break;
            }
            p = parent;
        }
    }

    /// `pop_stack()`; false when the worklist is empty.
    fn pop_stack(&mut self) -> bool {
        let Some(elem) = self.head.pop() else {
            return false;
        };
        self.cur = elem.st;
        self.insn_idx = elem.insn_idx;
        self.prev_insn_idx = elem.prev_insn_idx;
        if !self.log.level2() && self.log.enabled() {
            self.log.reset(elem.log_pos);
        }
        self.event(
            EventKind::Pop,
            self.prev_insn_idx as u32,
            self.insn_idx as u32,
        );
        true
    }

    /// The path reached the end (exit of frame 0, or pruned): pop the next.
    pub fn finish_path(&mut self) -> StepResult {
        self.mark_all_scratched();
        self.update_branch_counts();
        self.event(EventKind::PathDone, self.insn_idx as u32, 0);
        if self.pop_stack() {
            self.do_print_state = true;
            return StepResult::Continue;
        }
        self.finished = true;
        // global subprograms: the next function's walk, if any (a refusal
        // of its prototype stops the whole verification)
        match self.end_func() {
            Ok(true) => StepResult::Continue,
            Ok(false) => StepResult::Done,
            Err(e) => {
                self.pending_err = Some(e);
                StepResult::Continue
            }
        }
    }
}
