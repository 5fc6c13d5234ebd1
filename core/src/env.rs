//! The checker: `struct bpf_verifier_env` and the main loop `do_check()`,
//! the worklist (`push_stack` / `pop_stack`) and register-argument checks.

use crate::cfg::Subprog;
use crate::insn::*;
use crate::log::{Log, BPF_LOG_LEVEL2};
use crate::mode::Rules;
use crate::outcome::Stats;
use crate::program::Program;
use crate::reason::Reason;
use crate::regs::{
    ParentLink, RegState, RegType, LIVE_READ, LIVE_READ32, LIVE_READ64, LIVE_WRITTEN,
};
use crate::state::{FuncState, VerifierState, BPF_MAIN_FUNC};
use crate::trace::{Event, EventKind, Step, Trace};
use std::rc::Rc;

pub const BPF_COMPLEXITY_LIMIT_INSNS: u64 = 1_000_000;
pub const BPF_COMPLEXITY_LIMIT_JMP_SEQ: usize = 8192;

pub const EINVAL: i32 = 22;
pub const EACCES: i32 = 13;
pub const E2BIG: i32 = 7;
pub const EFAULT: i32 = 14;
pub const ENOTSUPP: i32 = 524;

/// A rejection in flight: the message was already written to the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VErr {
    pub errno: i32,
    /// The facts behind the message (`Reason::Other` when not given).
    pub reason: Option<Reason>,
    /// The instruction the rejection is about, when it is not the current
    /// one (`Some(None)`: a whole-program check names none).
    pub insn: Option<Option<usize>>,
    /// The kernel refuses without a message (a pass after the walk).
    pub silent: bool,
    /// The kernel refuses mid-walk without a message (a `WARN_ONCE` and
    /// `EFAULT`): its log ends with the current instruction's line, which
    /// is therefore the message a user sees.
    pub ends_at_insn: bool,
}

impl VErr {
    pub fn new(errno: i32) -> VErr {
        VErr {
            errno,
            reason: None,
            insn: None,
            silent: false,
            ends_at_insn: false,
        }
    }
    /// No message mid-walk: the log ends at the instruction's own line.
    pub fn ends_at_insn(mut self) -> VErr {
        self.ends_at_insn = true;
        self
    }
    /// No message: the kernel's log ends with the statistics alone.
    pub fn silent(mut self) -> VErr {
        self.silent = true;
        self
    }
    /// The facts of this rejection.
    pub fn because(mut self, reason: Reason) -> VErr {
        self.reason = Some(reason);
        self
    }
    /// The instruction it is about (`None`: the whole program).
    pub fn at(mut self, insn: Option<usize>) -> VErr {
        self.insn = Some(insn);
        self
    }
}

pub type VResult<T> = Result<T, VErr>;

/// One pending branch state (`struct bpf_verifier_stack_elem`).
#[derive(Clone, Debug)]
pub struct StackElem {
    pub st: VerifierState,
    pub insn_idx: usize,
    pub prev_insn_idx: usize,
    pub log_pos: usize,
}

/// A stored state for pruning (`struct bpf_verifier_state_list`).
#[derive(Clone, Debug)]
pub struct Checkpoint {
    pub st: VerifierState,
    pub insn_idx: usize,
    pub branches: u32,
    pub miss_cnt: u32,
    pub hit_cnt: u32,
    /// Dropped from the explored list (still reachable as a liveness parent).
    pub evicted: bool,
    pub cleaned: bool,
}

/// The stored states, shared copy-on-write between the checker and its
/// snapshots (see `explore`): a snapshot costs a pointer per checkpoint, and
/// a checkpoint is copied only when changed (liveness, precision, counters)
/// after a snapshot took it.
#[derive(Clone, Debug, Default)]
pub struct Checkpoints {
    /// Chunks of `CHUNK` shared checkpoints: a snapshot copies one pointer
    /// per chunk.
    chunks: Vec<Rc<Vec<Rc<Checkpoint>>>>,
    len: usize,
}

const CHUNK: usize = 1024;

impl Checkpoints {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn push(&mut self, c: Checkpoint) {
        if self.len.is_multiple_of(CHUNK) {
            self.chunks.push(Rc::new(Vec::with_capacity(CHUNK)));
        }
        if let Some(last) = self.chunks.last_mut() {
            Rc::make_mut(last).push(Rc::new(c));
            self.len += 1;
        }
    }
    pub fn get(&self, i: usize) -> Option<&Checkpoint> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK).map(|c| &**c)
    }
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Checkpoint> {
        let chunk = Rc::make_mut(self.chunks.get_mut(i / CHUNK)?);
        chunk.get_mut(i % CHUNK).map(Rc::make_mut)
    }
}

impl std::ops::Index<usize> for Checkpoints {
    type Output = Checkpoint;
    fn index(&self, i: usize) -> &Checkpoint {
        &self.chunks[i / CHUNK][i % CHUNK]
    }
}

impl std::ops::IndexMut<usize> for Checkpoints {
    fn index_mut(&mut self, i: usize) -> &mut Checkpoint {
        Rc::make_mut(&mut Rc::make_mut(&mut self.chunks[i / CHUNK])[i % CHUNK])
    }
}

/// Per-instruction facts (`struct bpf_insn_aux_data`).
#[derive(Clone, Copy, Debug, Default)]
pub struct InsnAux {
    pub prune_point: bool,
    /// Jumps into this instruction are recorded in `jmp_history`.
    pub jmp_point: bool,
    /// The pointer type a load or store first used (`ptr_type`).
    pub ptr_type: Option<RegType>,
    pub seen: bool,
    /// Index of the subprogram the instruction belongs to.
    pub subprog: u16,
}

/// Where a register or stack slot lives, for liveness walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    Cur,
    Checkpoint(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegLoc {
    pub owner: Owner,
    pub link: ParentLink,
}

/// What one call of [`Env::step`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepResult {
    Continue,
    Done,
}

#[derive(Clone, Debug)]
pub struct Env {
    pub prog: Rc<Program>,
    pub rules: Rules,
    pub aux: Vec<InsnAux>,
    pub subprogs: Vec<Subprog>,
    pub cur: VerifierState,
    pub head: Vec<StackElem>,
    pub insn_idx: usize,
    pub prev_insn_idx: usize,
    pub id_gen: u32,
    pub insn_processed: u64,
    pub jmps_processed: u64,
    pub prev_jmps_processed: u64,
    pub prev_insn_processed: u64,
    pub total_states: u64,
    pub peak_states: u64,
    pub max_states_per_insn: u64,
    pub longest_mark_read_walk: u64,
    /// Hash buckets of stored states, as the kernel's `explored_states`.
    pub explored: Vec<Vec<u32>>,
    pub checkpoints: Checkpoints,
    pub log: Log,
    pub scratched_regs: u16,
    pub scratched_stack: u64,
    pub do_print_state: bool,
    /// The line info record printed last (`env->prev_linfo`).
    pub prev_linfo: Option<usize>,
    /// Set once the walk has finished (no more states).
    pub finished: bool,
    pub recording: bool,
    pub trace: Trace,
    pub step_no: u32,
    /// During a sync callback call: the caller's frame (its registers are
    /// reset after the callee frame became current).
    pub callback_caller_frame: Option<usize>,
    /// The rejection came from the checks before the walk.
    pub structural_error: bool,
    /// This visit of the current instruction has a history entry already
    /// (`env->cur_hist_ent`): further pushes merge into it.
    pub cur_hist_ent: bool,
}

impl Env {
    pub fn new(prog: Rc<Program>, rules: Rules, log_level: u32) -> Self {
        let n = prog.insns.len();
        Env {
            prog,
            rules,
            aux: vec![InsnAux::default(); n],
            subprogs: Vec::new(),
            cur: VerifierState {
                frames: vec![FuncState::new(BPF_MAIN_FUNC, 0, 0)],
                parent: None,
                speculative: false,
                active_spin_lock: 0,
                callback_unroll_depth: 0,
                first_insn_idx: 0,
                last_insn_idx: 0,
                jmp_history: Vec::new(),
            },
            head: Vec::new(),
            insn_idx: 0,
            prev_insn_idx: 0,
            id_gen: 0,
            insn_processed: 0,
            jmps_processed: 0,
            prev_jmps_processed: 0,
            prev_insn_processed: 0,
            total_states: 0,
            peak_states: 0,
            max_states_per_insn: 0,
            longest_mark_read_walk: 0,
            explored: vec![Vec::new(); n.max(1)],
            checkpoints: Checkpoints::default(),
            log: Log::new(log_level),
            scratched_regs: 0,
            scratched_stack: 0,
            do_print_state: false,
            prev_linfo: None,
            finished: false,
            recording: false,
            trace: Trace::default(),
            step_no: 0,
            callback_caller_frame: None,
            structural_error: false,
            cur_hist_ent: false,
        }
    }

    pub fn stats(&self) -> Stats {
        Stats {
            processed: self.insn_processed,
            max_states_per_insn: self.max_states_per_insn,
            total_states: self.total_states,
            peak_states: self.peak_states,
            mark_read: self.longest_mark_read_walk,
        }
    }

    // ---- log helpers -------------------------------------------------------

    pub fn verbose(&mut self, s: &str) {
        self.log.write(s);
    }
    /// Writes a message line and returns the error to propagate.
    pub fn fail(&mut self, errno: i32, msg: &str) -> VErr {
        self.log.write(msg);
        self.log.write("\n");
        self.event(EventKind::Reject, self.insn_idx as u32, errno as u32);
        VErr::new(errno)
    }
    pub fn log_on(&self) -> bool {
        self.log.enabled()
    }
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
    fn state_scratched(&self) -> bool {
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
        let s = crate::log::func_state_str_for(
            &self.prog,
            &self.cur.frames[frame],
            sel,
            self.rules.words_612,
        );
        self.verbose(&s);
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
    fn verbose_linfo(&mut self) {
        let li = &self.prog.line_info;
        let n = li.partition_point(|l| l.insn <= self.insn_idx);
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
            format!("; {} @ {}:{}\n", rec.line.trim_start(), fname, rec.line_num)
        } else {
            format!("; {}\n", rec.line.trim_start())
        };
        self.verbose(&line);
        self.prev_linfo = Some(n - 1);
    }

    /// `print_insn_state()`
    pub fn print_insn_state_pub(&mut self) {
        self.print_insn_state();
    }
    fn print_insn_state(&mut self) {
        let fr = self.cur.curframe();
        if self.log.prev_log_len != 0 && self.log.prev_log_len == self.log.len() {
            let keep = self.log.prev_log_len - 1;
            self.log.reset(keep);
            let pad = crate::log::vlog_alignment(self.log.prev_insn_print_len);
            let s = format!("{:>width$};", ' ', width = pad);
            self.verbose(&s);
        } else {
            let s = format!("{}:", self.insn_idx);
            self.verbose(&s);
        }
        self.print_state(fr, false);
    }

    // ---- trace -------------------------------------------------------------

    pub fn event(&mut self, kind: EventKind, insn: u32, aux: u32) {
        if self.recording {
            self.trace.events.push(Event {
                step: self.step_no,
                kind,
                insn,
                aux,
            });
        }
    }

    // ---- registers ---------------------------------------------------------

    pub fn reg(&self, r: u8) -> &RegState {
        &self.cur.cur().regs[(r & 0x0f) as usize % 11]
    }
    pub fn reg_mut(&mut self, r: u8) -> &mut RegState {
        &mut self.cur.cur_mut().regs[(r & 0x0f) as usize % 11]
    }

    /// Location of the parent of a register or slot of the current state.
    pub fn cur_loc(&self, frame: usize, stack: bool, idx: usize) -> RegLoc {
        RegLoc {
            owner: Owner::Cur,
            link: ParentLink {
                frame: frame as u8,
                stack,
                idx: idx as u16,
            },
        }
    }

    fn loc_state(&self, owner: Owner) -> Option<&VerifierState> {
        match owner {
            Owner::Cur => Some(&self.cur),
            Owner::Checkpoint(i) => self.checkpoints.get(i as usize).map(|c| &c.st),
        }
    }
    fn loc_reg(&self, loc: RegLoc) -> Option<&RegState> {
        let st = self.loc_state(loc.owner)?;
        let f = st.frames.get(loc.link.frame as usize)?;
        if loc.link.stack {
            f.stack.get(loc.link.idx as usize).map(|s| &s.spilled)
        } else {
            f.regs.get(loc.link.idx as usize)
        }
    }
    fn loc_reg_mut(&mut self, loc: RegLoc) -> Option<&mut RegState> {
        let st = match loc.owner {
            Owner::Cur => &mut self.cur,
            Owner::Checkpoint(i) => &mut self.checkpoints.get_mut(i as usize)?.st,
        };
        let f = st.frames.get_mut(loc.link.frame as usize)?;
        if loc.link.stack {
            f.stack
                .get_mut(loc.link.idx as usize)
                .map(|s| &mut s.spilled)
        } else {
            f.regs.get_mut(loc.link.idx as usize)
        }
    }
    /// The liveness parent of `loc`.
    pub fn parent_of(&self, loc: RegLoc) -> Option<RegLoc> {
        let st = self.loc_state(loc.owner)?;
        let parent_cp = st.parent?;
        let link = self.loc_reg(loc)?.parent?;
        let cp = self.checkpoints.get(parent_cp as usize)?;
        // the parent slot must exist in the parent state
        let f = cp.st.frames.get(link.frame as usize)?;
        if link.stack && f.stack.len() <= link.idx as usize {
            return None;
        }
        Some(RegLoc {
            owner: Owner::Checkpoint(parent_cp),
            link,
        })
    }

    /// `mark_reg_read()`: propagates a read up the parentage chain until a
    /// write screens it.
    pub fn mark_reg_read(&mut self, start: RegLoc, first_parent: Option<RegLoc>, flag: u8) {
        let mut state = start;
        let mut parent = first_parent;
        let mut writes = first_parent.is_some() && first_parent == self.parent_of(start);
        let mut cnt = 0u64;
        while let Some(p) = parent {
            let st_live = self.loc_reg(state).map(|r| r.live).unwrap_or(0);
            if writes && st_live & LIVE_WRITTEN != 0 {
                break;
            }
            let Some(preg) = self.loc_reg_mut(p) else {
                break;
            };
            if (preg.live & LIVE_READ) == flag || preg.live & LIVE_READ64 != 0 {
                break;
            }
            preg.live |= flag;
            if flag == LIVE_READ64 {
                preg.live &= !LIVE_READ32;
            }
            state = p;
            parent = self.parent_of(p);
            writes = true;
            cnt += 1;
        }
        if self.longest_mark_read_walk < cnt {
            self.longest_mark_read_walk = cnt;
        }
    }

    /// Read of register `regno` of the current frame.
    pub fn mark_cur_reg_read(&mut self, regno: usize, flag: u8) {
        let fr = self.cur.curframe();
        let loc = self.cur_loc(fr, false, regno);
        let p = self.parent_of(loc);
        self.mark_reg_read(loc, p, flag);
    }
    /// Read of stack slot `spi` of frame `fr`.
    pub fn mark_stack_read(&mut self, fr: usize, spi: usize) {
        let loc = self.cur_loc(fr, true, spi);
        let p = self.parent_of(loc);
        self.mark_reg_read(loc, p, LIVE_READ64);
    }

    /// `check_reg_arg(env, regno, SRC_OP)`.
    pub fn check_reg_src(&mut self, regno: u8, rw64: bool) -> VResult<()> {
        if regno as usize >= MAX_BPF_REG {
            return Err(self.fail(EINVAL, &format!("R{} is invalid", regno)));
        }
        self.mark_reg_scratched(regno as usize);
        if !self.reg(regno).is_init() {
            return Err(self.fail(EACCES, &format!("R{} !read_ok", regno)).because(
                crate::reason::Reason::Uninitialized {
                    reg: Some(regno),
                    stack_off: None,
                },
            ));
        }
        if regno as usize == BPF_REG_FP as usize {
            return Ok(());
        }
        self.mark_cur_reg_read(regno as usize, if rw64 { LIVE_READ64 } else { LIVE_READ32 });
        Ok(())
    }
    /// `check_reg_arg(env, regno, DST_OP / DST_OP_NO_MARK)`.
    pub fn check_reg_dst(&mut self, regno: u8, mark_unknown: bool) -> VResult<()> {
        if regno as usize >= MAX_BPF_REG {
            return Err(self.fail(EINVAL, &format!("R{} is invalid", regno)));
        }
        self.mark_reg_scratched(regno as usize);
        if regno == BPF_REG_FP {
            return Err(self.fail(EACCES, "frame pointer is read only"));
        }
        let r = self.reg_mut(regno);
        r.live |= LIVE_WRITTEN;
        if mark_unknown {
            r.mark_unknown();
        }
        Ok(())
    }

    pub fn new_id(&mut self) -> u32 {
        self.id_gen += 1;
        self.id_gen
    }

    // ---- worklist ----------------------------------------------------------

    /// `push_stack()`: the pending state continues at `insn_idx`.
    pub fn push_stack(&mut self, insn_idx: usize, prev_insn_idx: usize) -> VResult<()> {
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
                E2BIG,
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
                E2BIG,
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
        let mut p = self.cur.parent;
        while let Some(i) = p {
            let Some(cp) = self.checkpoints.get_mut(i as usize) else {
                break;
            };
            cp.branches = cp.branches.saturating_sub(1);
            if cp.branches != 0 {
                break;
            }
            p = cp.st.parent;
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
            StepResult::Continue
        } else {
            self.finished = true;
            StepResult::Done
        }
    }

    // ---- main loop -------------------------------------------------------

    /// Starts `do_check_common()` for the main program.
    pub fn start(&mut self) {
        let mut f = FuncState::new(BPF_MAIN_FUNC, 0, 0);
        f.regs[1].mark_known_zero_ptr(RegType::Ctx);
        self.cur.frames = vec![f];
        // the main program's prototype against R1 = ctx (objects with BTF)
        self.btf_check_subprog_arg_match(0);
        self.mark_all_scratched();
        self.insn_idx = 0;
        self.prev_insn_idx = 0;
    }

    /// One iteration of `do_check()`'s loop.
    pub fn step(&mut self) -> VResult<StepResult> {
        if self.finished {
            return Ok(StepResult::Done);
        }
        if self.recording {
            self.trace.steps.push(Step {
                insn: self.insn_idx as u32,
                frame: self.cur.curframe() as u8,
                pending: self.head.len().min(u16::MAX as usize) as u16,
                first_event: self.trace.events.len() as u32,
                log_pos: self.log.len() as u32,
            });
        }
        let r = self.step_inner();
        if self.recording {
            if let Some(s) = self.trace.steps.last_mut() {
                s.pending = self.head.len().min(u16::MAX as usize) as u16;
                s.log_pos = self.log.len() as u32;
            }
        }
        self.step_no += 1;
        r
    }

    fn step_inner(&mut self) -> VResult<StepResult> {
        let insn_cnt = self.prog.insns.len();
        if self.insn_idx >= insn_cnt {
            let (i, c) = (self.insn_idx, insn_cnt);
            return Err(self.fail(EFAULT, &format!("invalid insn idx {} insn_cnt {}", i, c)));
        }
        let insn = self.prog.insns[self.insn_idx];
        let class = insn.class();

        self.insn_processed += 1;
        self.cur_hist_ent = false;
        if self.insn_processed > BPF_COMPLEXITY_LIMIT_INSNS {
            let n = self.insn_processed;
            return Err(self
                .fail(
                    E2BIG,
                    &format!("BPF program is too large. Processed {} insn", n),
                )
                .because(crate::reason::Reason::TooManyInsns { processed: n }));
        }

        if self.is_state_visited(self.insn_idx)? {
            // found an equivalent state: this path is safe
            if self.log_on() {
                if self.do_print_state {
                    let s = format!(
                        "\nfrom {} to {}{}: safe\n",
                        self.prev_insn_idx, self.insn_idx, ""
                    );
                    self.verbose(&s);
                } else {
                    let s = format!("{}: safe\n", self.insn_idx);
                    self.verbose(&s);
                }
            }
            return Ok(self.finish_path());
        }

        if self.log.level2() && self.do_print_state {
            let s = format!(
                "\nfrom {} to {}{}:",
                self.prev_insn_idx,
                self.insn_idx,
                if self.cur.speculative {
                    " (speculative execution)"
                } else {
                    ""
                }
            );
            self.verbose(&s);
            let fr = self.cur.curframe();
            self.print_state(fr, true);
            self.do_print_state = false;
        }

        if self.log_on() {
            if self.state_scratched() {
                self.print_insn_state();
            }
            self.verbose_linfo();
            self.log.prev_log_len = self.log.len();
            let s = format!(
                "{}: {}\n",
                self.insn_idx,
                crate::disasm::insn_text_for(&self.prog, self.insn_idx, self.rules.opcodes_v4)
            );
            self.verbose(&s);
            self.log.prev_insn_print_len = self.log.len() - self.log.prev_log_len;
            self.log.prev_log_len = self.log.len();
        }
        self.event(EventKind::Insn, self.insn_idx as u32, 0);

        if let Some(a) = self.aux.get_mut(self.insn_idx) {
            a.seen = true;
        }
        self.prev_insn_idx = self.insn_idx;

        match class {
            BPF_ALU | BPF_ALU64 => {
                self.check_alu_op(&insn)?;
            }
            BPF_LDX => {
                self.check_ldx(&insn)?;
            }
            BPF_STX => {
                if insn.mode() == BPF_ATOMIC {
                    self.check_atomic(&insn)?;
                    self.insn_idx += 1;
                    return Ok(StepResult::Continue);
                }
                self.check_stx(&insn)?;
            }
            BPF_ST => {
                self.check_st(&insn)?;
            }
            BPF_JMP | BPF_JMP32 => {
                let op = insn.op();
                self.jmps_processed += 1;
                if op == BPF_CALL {
                    if insn.source() != BPF_K
                        || (insn.src != BPF_PSEUDO_CALL
                            && insn.src != BPF_PSEUDO_KFUNC_CALL
                            && insn.src != 0)
                        || insn.off != 0
                        || insn.dst != 0
                        || class == BPF_JMP32
                    {
                        return Err(self.fail(EINVAL, "BPF_CALL uses reserved fields"));
                    }
                    // 6.9+ lets a static subprogram run under the lock
                    let lock_blocks_call = if self.rules.subprog_under_lock {
                        insn.src == 0 && insn.imm != 94
                    } else {
                        insn.src == BPF_PSEUDO_CALL || insn.imm != 94
                    };
                    if self.cur.active_spin_lock != 0 && lock_blocks_call {
                        return Err(self
                            .fail(
                                EINVAL,
                                "function calls are not allowed while holding a lock",
                            )
                            .because(crate::reason::Reason::LockMisuse));
                    }
                    if insn.src == BPF_PSEUDO_CALL {
                        self.check_func_call(&insn)?;
                    } else if insn.src == BPF_PSEUDO_KFUNC_CALL {
                        self.check_kfunc_call(&insn)?;
                    } else {
                        self.check_helper_call(&insn)?;
                    }
                } else if op == BPF_JA {
                    // gotol (JMP32) carries its offset in imm: Debian's 6.1.192
                    // has the backport (EINVAL), 6.12 answers EFAULT
                    let gotol = class == BPF_JMP32;
                    if insn.source() != BPF_K
                        || insn.src != 0
                        || insn.dst != 0
                        || (!gotol && insn.imm != 0)
                        || (gotol && (insn.off != 0 || !self.rules.opcode_jmp32_ja))
                    {
                        let errno = if self.rules.opcodes_v4 {
                            EFAULT
                        } else {
                            EINVAL
                        };
                        return Err(self.fail(errno, "BPF_JA uses reserved fields"));
                    }
                    self.insn_idx = (self.insn_idx as i64 + insn.jmp_off() + 1) as usize;
                    return Ok(StepResult::Continue);
                } else if op == BPF_EXIT {
                    if insn.source() != BPF_K
                        || insn.imm != 0
                        || insn.src != 0
                        || insn.dst != 0
                        || class == BPF_JMP32
                    {
                        return Err(self.fail(EINVAL, "BPF_EXIT uses reserved fields"));
                    }
                    return self.do_exit();
                } else {
                    self.check_cond_jmp_op(&insn)?;
                }
            }
            BPF_LD => {
                let mode = insn.mode();
                if mode == BPF_ABS || mode == BPF_IND {
                    self.check_ld_abs(&insn)?;
                } else if mode == BPF_IMM {
                    self.check_ld_imm(&insn)?;
                    self.insn_idx += 1;
                    if let Some(a) = self.aux.get_mut(self.insn_idx) {
                        a.seen = true;
                    }
                } else {
                    return Err(self.fail(EINVAL, "invalid BPF_LD mode"));
                }
            }
            _ => {
                let c = insn.code;
                return Err(self.fail(EINVAL, &format!("unknown insn class {}", c)));
            }
        }
        // do_check's `env->insn_idx++` on the kernel's `int`: a taken
        // branch to instruction 0 leaves `insn_idx + off` = -1 here
        self.insn_idx = self.insn_idx.wrapping_add(1);
        Ok(StepResult::Continue)
    }

    /// `exit`: leave a frame, or finish the path.
    fn do_exit(&mut self) -> VResult<StepResult> {
        // 6.12 wants the lock released by main's exit only
        let lock_checked = !self.rules.subprog_under_lock || self.cur.curframe() == 0;
        if self.cur.active_spin_lock != 0 && lock_checked {
            return Err(self
                .fail(EINVAL, "bpf_spin_unlock is missing")
                .because(crate::reason::Reason::LockMisuse));
        }
        // 9d9d00ac: the leak check runs before prepare_func_exit, for every frame
        if self.rules.leak_check_every_exit {
            self.check_reference_leak()?;
        }
        if self.cur.curframe() > 0 {
            // exit from nested function
            self.prepare_func_exit()?;
            return Ok(StepResult::Continue);
        }
        if !self.rules.leak_check_every_exit {
            self.check_reference_leak()?;
        }
        self.check_return_code()?;
        Ok(self.finish_path())
    }

    /// Runs the walk to the end.
    pub fn run(&mut self) -> VResult<()> {
        loop {
            match self.step()? {
                StepResult::Continue => {}
                StepResult::Done => return Ok(()),
            }
        }
    }

    pub fn level2(&self) -> bool {
        self.log.level & BPF_LOG_LEVEL2 != 0
    }
}
