//! The state lines of the log (`print_verifier_state`,
//! `print_insn_state`, the scratched registers and slots that decide what
//! a level-1 line shows, and the `; source` lines of `verbose_linfo`).

use crate::env::Env;
use crate::state::FuncState;

impl Env {
    pub fn mark_reg_scratched(&mut self, regno: usize) {
        self.scratched_regs |= 1 << regno;
    }

    pub fn mark_stack_slot_scratched(&mut self, spi: usize) {
        if spi < 64 {
            self.scratched_stack |= 1u64 << spi;
        }
    }

    pub fn mark_all_scratched(&mut self) {
        self.scratched_regs = u16::MAX;
        self.scratched_stack = u64::MAX;
    }

    pub(crate) fn state_scratched(&self) -> bool {
        self.scratched_regs != 0 || self.scratched_stack != 0
    }

    /// `print_verifier_state(env, frame, print_all)`
    pub fn print_state(&mut self, frame: usize, print_all: bool) {
        if !self.log_on() {
            if !print_all {
                self.scratched_regs = 0;
                self.scratched_stack = 0;
            }
            return;
        }
        let sel = if print_all {
            None
        } else {
            Some((self.scratched_regs, self.scratched_stack))
        };
        // built in the reused line buffer: a level-2 log prints a state
        // after nearly every instruction
        let mut s = std::mem::take(&mut self.line);
        s.clear();
        crate::log::write_func_state_for(
            &mut s,
            &self.prog,
            &self.cur.frames[frame],
            sel,
            self.rules.words_612,
        );
        self.verbose(&s);
        self.line = s;
        // only the scratched-only form clears the marks (6.1.y)
        if !print_all {
            self.scratched_regs = 0;
            self.scratched_stack = 0;
        }
    }

    pub fn print_func_state(&mut self, st: &FuncState) {
        if !self.log_on() {
            return;
        }
        let s = crate::log::func_state_str_for(&self.prog, st, None, self.rules.words_612);
        self.verbose(&s);
    }

    /// `verbose_linfo(env, insn_idx, "; ")`: the source line of the
    /// instruction, when its line info record is not the one printed last.
    pub(crate) fn verbose_linfo(&mut self) {
        self.verbose_linfo_at(self.insn_idx, "; ");
    }

    /// `verbose_linfo(env, insn, prefix)`: the source line of `insn`
    /// after `prefix`, unless it is the line printed last.
    pub(crate) fn verbose_linfo_at(&mut self, insn: usize, prefix: &str) {
        if !self.log_on() {
            return;
        }
        let li = &self.prog.line_info;
        let n = li.partition_point(|l| l.insn <= insn);
        if n == 0 || self.prev_linfo == Some(n - 1) {
            return;
        }
        let rec = &li[n - 1];
        let line = if self.rules.words_612 {
            // 6.12 skips a record of the line printed last (another column)
            // and names the file and line
            if let Some(prev) = self.prev_linfo.map(|p| &li[p]) {
                if prev.file == rec.file && prev.line_num == rec.line_num {
                    return;
                }
            }
            let fname = rec.file.rsplit('/').next().unwrap_or(&rec.file);
            format!(
                "{prefix}{} @ {}:{}\n",
                rec.line.trim_start(),
                fname,
                rec.line_num
            )
        } else {
            format!("{prefix}{}\n", rec.line.trim_start())
        };
        self.verbose(&line);
        self.prev_linfo = Some(n - 1);
    }

    /// `print_insn_state()`
    pub(crate) fn print_insn_state(&mut self) {
        let fr = self.cur.curframe();
        if self.log.prev_log_len != 0 && self.log.prev_log_len == self.log.len() {
            let keep = self.log.prev_log_len - 1;
            self.log.reset(keep);
            // "%*c;" with the width vlog_alignment() gives
            let pad = crate::log::vlog_alignment(self.log.prev_insn_print_len);
            let mut s = std::mem::take(&mut self.line);
            s.clear();
            for _ in 0..pad.max(1) {
                s.push(' ');
            }
            s.push(';');
            self.verbose(&s);
            self.line = s;
        } else {
            let mut s = std::mem::take(&mut self.line);
            s.clear();
            crate::log::push_dec(&mut s, self.insn_idx as i64);
            s.push(':');
            self.verbose(&s);
            self.line = s;
        }
        self.print_state(fr, false);
    }
}
