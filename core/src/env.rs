//! The checker, `struct bpf_verifier_env`: the program, the current state,
//! the stored states and the counters; rejections in flight ([`VErr`]);
//! the register-operand checks every instruction class shares. Its other
//! concerns live in their own modules: the main loop in `do_check`, the
//! worklist in `worklist`, stored states in `checkpoints`, liveness in
//! `liveness`, the log's state lines in `print_state`.

use crate::checkpoints::Checkpoints;
use crate::insn::*;
use crate::log::{Log, BPF_LOG_LEVEL2};
use crate::mode::Rules;
use crate::outcome::Stats;
use crate::program::Program;
use crate::reason::Reason;
use crate::regs::{RegState, RegType, LIVE_READ32, LIVE_READ64, LIVE_WRITTEN};
use crate::state::StackElem;
use crate::state::Subprog;
use crate::state::{FuncState, VerifierState, BPF_MAIN_FUNC};
use crate::trace::{Event, EventKind, Trace};
use std::rc::Rc;

pub const BPF_COMPLEXITY_LIMIT_INSNS: u64 = 1_000_000;
pub const BPF_COMPLEXITY_LIMIT_JMP_SEQ: usize = 8192;

pub const EINVAL: i32 = 22;
pub const ENOENT: i32 = 2;
pub const EACCES: i32 = 13;
pub const E2BIG: i32 = 7;
pub const EFAULT: i32 = 14;
pub const ENOMEM: i32 = 12;
pub const EEXIST: i32 = 17;
/// A log that did not fit in the buffer the loader gave (`log_size`).
pub const ENOSPC: i32 = 28;
pub const ENOTSUPP: i32 = 524;
/// An arena value load past the arena's pages.
pub const ERANGE: i32 = 34;
/// A sign-extending load from an arena (refused after the walk).
pub const EOPNOTSUPP: i32 = 95;
/// An RCU-protected iterator used out of its section (6.12).
pub const EPROTO: i32 = 71;

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
    /// An `ld_imm64` of a kernel (per-CPU) variable: its BTF type
    /// (`aux->btf_var`), set by `check_pseudo_btf_id`.
    pub btf_var: Option<u32>,
    /// The target of a branch or a call (`jump_target`, 6.12).
    pub jump_target: bool,
    /// 6.12: a spill or fill of a `bpf_fastcall` pattern.
    pub fastcall_pattern: bool,
    /// 6.12: a call whose surrounding pairs the kernel removes.
    pub fastcall_spills_num: u8,
    /// A `bpf_loop` call's `loop_inline_state` once met: whether every
    /// walk through it had flags 0 and the same callback (its subprogram),
    /// in which case the kernel inlines it after the walk.
    pub loop_inline: Option<(bool, u16)>,
    /// A map helper call's `map_ptr_state` (`record_func_map()`): the map
    /// its first walk passed, poisoned when a later walk passes another.
    /// It belongs to the instruction, not to a state: every path through
    /// the call site adds to it.
    pub map_ptr: Option<MapPtrState>,
}

/// What `record_func_map()` keeps of the maps a call site has seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPtrState {
    /// One map (its index in `Program::maps`).
    Map(u32),
    /// Two or more (`BPF_MAP_PTR_POISON`).
    Poison,
}

#[derive(Clone, Debug)]
pub struct Env {
    pub prog: Rc<Program>,
    /// Each instruction's backtracking line tail, `before N: TEXT\n`, made
    /// at its first use; the instruction's text as the log prints it is the
    /// middle of it. A level-2 log prints the same few instructions millions
    /// of times (every step, every backtracking line). Shared by snapshots.
    insn_texts: Rc<Vec<std::cell::OnceCell<InsnText>>>,
    /// A reused buffer for the log's hottest lines.
    pub line: String,
    /// The frame and masks of the last backtracking line and its head
    /// ([`Env::write_backtrack_line`]).
    bt_head: (Option<(u32, u32, u64)>, String),
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
    /// The arena the program uses (`prog->aux->arena`, set by
    /// `resolve_pseudo_ldimm64()` before the walk): only then may it cast
    /// address spaces.
    pub(crate) arena: Option<usize>,
    /// `bpf_prog_load()` refused the program before `bpf_check()` (an
    /// attach type the kernel lacks): no log at all.
    pub load_refused: bool,
    /// This visit of the current instruction has a history entry already
    /// (`env->cur_hist_ent`): further pushes merge into it.
    /// The instruction before this one (the kernel's `env->prev_insn_idx`
    /// while an instruction is checked): an instruction history entry's
    /// `prev_idx`.
    pub hist_prev: usize,
    /// Global subprograms (`do_check_subprogs`): the functions still to
    /// verify after the current one (6.1: every global one, then main),
    /// and 6.12's called and verified marks by subprogram index.
    pub func_queue: Vec<usize>,
    pub global_called: Vec<bool>,
    /// Per subprogram, whether it may move the packet (6.12), computed
    /// at the first global call.
    pub changes_pkt_data: Option<Vec<bool>>,
    pub global_verified: Vec<bool>,
    /// The function being verified (0: main).
    pub cur_func: usize,
    /// The level-1 log was already restarted at the end of the last
    /// function (`do_check_common`'s pop_log).
    pub func_log_reset: bool,
    /// A refusal found between two functions' walks, returned by the next
    /// step.
    pub pending_err: Option<VErr>,
    pub cur_hist_ent: bool,
}

/// The program with its `.kconfig` map's values for the modelled kernel
/// (libbpf fills them in at load time, from the running kernel).
fn with_kconfig(prog: Rc<Program>, kernel: crate::KernelVersion) -> Rc<Program> {
    if prog.maps.iter().all(|m| m.kconfig.is_empty()) {
        return prog;
    }
    let mut p = (*prog).clone();
    for m in p.maps.iter_mut() {
        for e in m.kconfig.clone() {
            // CONFIG_* values came with the kernel's BTF (`Program::relocated`)
            if e.name.starts_with("CONFIG_") {
                continue;
            }
            let v = crate::kconfig::virtual_value(&e.name, kernel).unwrap_or(0);
            let (off, size) = (e.off as usize, (e.size as usize).min(8));
            if m.data.len() < off + size {
                m.data.resize(off + size, 0);
            }
            m.data[off..off + size].copy_from_slice(&v.to_le_bytes()[..size]);
        }
    }
    Rc::new(p)
}

/// An instruction's backtracking line tail and where its text starts in it.
#[derive(Clone, Debug)]
pub(crate) struct InsnText {
    line: Box<str>,
    text_at: usize,
}

impl InsnText {
    /// The instruction's text as the log prints it.
    fn text(&self) -> &str {
        // between "before N: " and the newline
        self.line
            .get(self.text_at..self.line.len() - 1)
            .unwrap_or("")
    }
}

/// Instruction `idx`'s entry of `texts`, made at its first use.
fn insn_text_entry<'a>(
    texts: &'a [std::cell::OnceCell<InsnText>],
    prog: &Program,
    idx: usize,
    opcodes_v4: bool,
) -> Option<&'a InsnText> {
    texts.get(idx).map(|cell| {
        cell.get_or_init(|| {
            let head = format!("before {}: ", idx);
            let text = crate::disasm::insn_text_for(prog, idx, opcodes_v4);
            InsnText {
                text_at: head.len(),
                line: format!("{}{}\n", head, text).into(),
            }
        })
    })
}

impl Env {
    pub fn new(prog: Rc<Program>, rules: Rules, log_level: u32) -> Self {
        let prog = with_kconfig(prog, rules.kernel_version);
        let n = prog.insns.len();
        Env {
            insn_texts: Rc::new(vec![std::cell::OnceCell::new(); n]),
            line: String::new(),
            bt_head: (None, String::new()),
            prog,
            rules,
            aux: vec![InsnAux::default(); n],
            subprogs: Vec::new(),
            cur: VerifierState {
                frames: vec![FuncState::new(BPF_MAIN_FUNC, 0, 0)],
                parent: None,
                speculative: false,
                active_spin_lock: 0,
                active_lock_held: false,
                active_lock_map: 0,
                active_rcu_lock: false,
                active_preempt_lock: 0,
                in_sleepable: false,
                callback_unroll_depth: 0,
                may_goto_depth: 0,
                loop_entry: None,
                dfs_depth: 0,
                first_insn_idx: 0,
                last_insn_idx: 0,
                jmp_history: Vec::new(),
            },
            head: Vec::new(),
            insn_idx: 0,
            prev_insn_idx: 0,
            hist_prev: 0,
            func_queue: Vec::new(),
            global_called: Vec::new(),
            changes_pkt_data: None,
            global_verified: Vec::new(),
            cur_func: 0,
            func_log_reset: false,
            pending_err: None,
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
            arena: None,
            load_refused: false,
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
    /// Instruction `idx` in the log's notation (`disasm::insn_text_for`).
    pub fn insn_text(&self, idx: usize) -> &str {
        insn_text_entry(&self.insn_texts, &self.prog, idx, self.rules.opcodes_v4)
            .map_or("", InsnText::text)
    }
    /// A backtracking line: a head (`regs=%x stack=%llx `, or 6.12's
    /// `mark_precise: frame%d: regs=%s stack=%s `) made by `head` only when
    /// `key` (frame and masks) changed since the last line, then instruction
    /// `idx`'s cached `before N: TEXT\n`. A loop's level-2 log is mostly
    /// these lines, with the same masks line after line.
    pub(crate) fn write_backtrack_line(
        &mut self,
        key: (u32, u32, u64),
        idx: usize,
        head: impl FnOnce(&mut String),
    ) {
        let mut cached = std::mem::take(&mut self.bt_head);
        if cached.0 != Some(key) {
            cached.0 = Some(key);
            cached.1.clear();
            head(&mut cached.1);
        }
        let tail = insn_text_entry(&self.insn_texts, &self.prog, idx, self.rules.opcodes_v4)
            .map_or("", |t| &t.line);
        self.log.write2(&cached.1, tail);
        self.bt_head = cached;
    }
    /// Writes a message line and returns the error to propagate.
    pub fn fail(&mut self, errno: i32, msg: &str) -> VErr {
        self.log.write(msg);
        self.log.write("\n");
        self.event(EventKind::Reject, self.insn_idx as u32, errno as u32);
        VErr::new(errno)
    }
    /// A refusal the kernel does not word: its log ends with the current
    /// instruction's line ([`VErr::ends_at_insn`]).
    pub fn fail_unworded(&mut self, errno: i32, reason: crate::reason::Reason) -> VErr {
        self.event(EventKind::Reject, self.insn_idx as u32, errno as u32);
        VErr::new(errno).because(reason).ends_at_insn()
    }
    /// A refusal the kernel does not word, before the walk: the log ends
    /// with whatever the checks before it printed (`func#0 @0` at level 2).
    pub fn fail_unworded_before_walk(&mut self, errno: i32, reason: crate::reason::Reason) -> VErr {
        self.event(EventKind::Reject, self.insn_idx as u32, errno as u32);
        VErr::new(errno).because(reason)
    }
    pub fn log_on(&self) -> bool {
        self.log.enabled()
    }
    /// Whether the global-function lines are printed at this log level
    /// ([`Rules::global_func_lines_any_level`]).
    pub fn log_global_func_lines(&self) -> bool {
        if self.rules.global_func_lines_any_level {
            self.log_on()
        } else {
            self.log_insns()
        }
    }
    /// The kernel's `env->log.level & BPF_LOG_LEVEL` (instructions, states,
    /// calls and returns), where `log_on` is any `verbose()` (messages,
    /// also at the statistics' level 4).
    pub fn log_insns(&self) -> bool {
        self.log.insns()
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
            return Err(self
                .fail(EACCES, "frame pointer is read only")
                .because(crate::reason::Reason::FramePointerReadOnly));
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

    // ---- main loop -------------------------------------------------------

    pub fn level2(&self) -> bool {
        self.log.level & BPF_LOG_LEVEL2 != 0
    }
}
