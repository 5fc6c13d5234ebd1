//! The views the worker sends (`View`): the state at a position rendered
//! to rows with their changes, each step's narration (built from the
//! trace's events, never from the log), the listing and log windows.

use crate::protocol::{
    FrameView, Listing, ListingRow, LogLine, LogWindow, PendingView, RefView, StateView, ValueRow,
    View,
};
use crate::reading::read_reg_in;
use crate::run::Run;
use veristep_core::disasm::{insn_note, insn_text};
use veristep_core::explore::{self};
use veristep_core::reg_value_str;
use veristep_core::trace::EventKind;
use veristep_core::{FuncState, SlotType};

/// Instructions on either side of the current one in a large listing.
pub const LISTING_WINDOW: usize = 200;

/// Lines of the log sent around the position: the log view is a window
/// that follows the stepper, so a million-line log costs no more than a short one.
pub const LOG_WINDOW: usize = 120;

/// Which registers and spilled stack slots hold reference `id`.
fn holders(frames: &[FuncState], id: u32) -> Vec<String> {
    let mut v = Vec::new();
    for f in frames {
        for (i, reg) in f.regs.iter().enumerate() {
            if reg.ref_obj_id == id {
                v.push(format!("frame{} R{}", f.frameno, i));
            }
        }
        for (i, sl) in f.stack.iter().enumerate() {
            if sl.is_spill() && sl.spilled.ref_obj_id == id {
                v.push(format!("frame{} fp{}", f.frameno, -8 * (i as i64 + 1)));
            }
            // an open-coded iterator holds its reference in its first slot
            if sl.types[7] == SlotType::Iter && sl.spilled.ref_obj_id == id {
                v.push(format!(
                    "frame{} fp{} (iterator)",
                    f.frameno,
                    -8 * (i as i64 + 1)
                ));
            }
            // a ringbuf dynptr holds its record's reference: 6.12 in
            // `ref_obj_id`, 6.1 in `id`, of its first slot
            let dynptr_ref = sl.spilled.ref_obj_id == id || sl.spilled.id == id;
            if sl.types[0] == SlotType::Dynptr && sl.spilled.dynptr.first_slot && dynptr_ref {
                v.push(format!(
                    "frame{} fp{} (dynptr)",
                    f.frameno,
                    -8 * (i as i64 + 1)
                ));
            }
        }
    }
    v
}

impl Run {
    /// Everything the views show at a position.
    pub fn view(&self, step: usize) -> View {
        let now = self.ex.state_at(step);
        let before = step.checked_sub(1).and_then(|s| self.ex.state_at(s));
        let insn = self.insn_at(step);
        View {
            run: self.id,
            step,
            insn,
            line: insn
                .and_then(|i| self.prog.locs.get(i))
                .map(|l| l.line)
                .unwrap_or(0),
            state: now.map(|s| self.state_view(&s, before.as_ref())),
            log: self.log_window(step),
            listing: self.listing(insn.unwrap_or(0)),
            narration: self.narration(step),
        }
    }

    /// What the step before position `step` did, in plain words, built from
    /// the trace's events (never from the log text).
    pub fn narration(&self, step: usize) -> String {
        let Some(t) = self.ex.outcome.trace.as_ref() else {
            return String::new();
        };
        if step == 0 {
            return "The walk starts at instruction 0 in frame 0 with an empty worklist.".into();
        }
        let Some(done) = t.steps.get(step - 1) else {
            return String::new();
        };
        let events = t.events_of(step - 1);
        let pruned = events.iter().any(|e| e.kind == EventKind::Prune);
        let mut out: Vec<String> = Vec::new();
        for e in events {
            let sentence = match e.kind {
                EventKind::Insn => format!(
                    "Checked instruction {} in frame {}: {}.",
                    e.insn,
                    done.frame,
                    self.insn_text_checked(e.insn as usize)
                ),
                EventKind::Push => format!(
                    "The jump at {} can go either way: the other way (to {}) waits on the worklist.",
                    e.insn, e.aux
                ),
                EventKind::Pop => format!(
                    "The next pending state was taken off the worklist: the walk resumes at {} (branch from {}).",
                    e.aux, e.insn
                ),
                EventKind::Prune => format!(
                    "The state at {} is no weaker than checkpoint #{} already proven safe there, so this path is pruned.",
                    e.insn, e.aux
                ),
                EventKind::Checkpoint => format!(
                    "A checkpoint of the state at {} was stored for later pruning.",
                    e.insn
                ),
                EventKind::Call => format!(
                    "A bpf-to-bpf call entered frame {} at instruction {}.",
                    e.aux, e.insn
                ),
                EventKind::CallbackEnter => format!(
                    "The helper's callback is walked in frame {} as if the helper called it now.",
                    e.aux
                ),
                EventKind::AsyncPush => format!(
                    "An async callback at {} was queued to be verified on its own.",
                    e.aux
                ),
                EventKind::Return => format!(
                    "Frame {} returned; the caller (frame {}) resumes at {}.",
                    e.aux + 1,
                    e.aux,
                    e.insn
                ),
                EventKind::Acquire => format!(
                    "Reference id={} was acquired: every path must release it before exit.",
                    e.aux
                ),
                EventKind::Release => format!("Reference id={} was released.", e.aux),
                EventKind::PathDone if pruned => continue,
                EventKind::PathDone => {
                    "This path reached the main program's exit: it is safe.".to_string()
                }
                EventKind::Reject => "The verifier refused the program here.".to_string(),
            };
            out.push(sentence);
        }
        if out.is_empty() {
            format!("Instruction {} was checked.", done.insn)
        } else {
            out.join(" ")
        }
    }

    /// An instruction's text, or nothing for an index outside the program.
    fn insn_text_checked(&self, i: usize) -> String {
        if i < self.prog.insns.len() {
            insn_text(&self.prog, i)
        } else {
            String::new()
        }
    }

    /// The listing's rows around instruction `centre` (every row of a
    /// program of at most `2 * LISTING_WINDOW` instructions).
    pub fn listing(&self, centre: usize) -> Listing {
        let insns = &self.prog.insns;
        let n = insns.len();
        let (from, to) = if n <= 2 * LISTING_WINDOW {
            (0, n)
        } else {
            let from = centre
                .saturating_sub(LISTING_WINDOW)
                .min(n - 2 * LISTING_WINDOW);
            (from, from + 2 * LISTING_WINDOW)
        };
        let mut rows = Vec::new();
        let mut i = from;
        // do not start in the middle of a 16-byte ld_imm64
        if i > 0 && insns[i - 1].is_ld_imm64() {
            i -= 1;
        }
        while i < to {
            rows.push(ListingRow {
                insn: i,
                text: insn_text(&self.prog, i),
                subprog: i != 0 && self.subprogs.binary_search(&i).is_ok(),
                note: insn_note(&self.prog, i),
            });
            i += if insns[i].is_ld_imm64() { 2 } else { 1 };
        }
        Listing {
            from,
            to,
            total: n,
            rows,
        }
    }

    fn state_view(&self, s: &explore::StateView, prev: Option<&explore::StateView>) -> StateView {
        let frames = s
            .frames
            .iter()
            .enumerate()
            .map(|(i, f)| {
                // The same frame one step back (matched by depth and subprogram).
                let b = prev
                    .and_then(|p| p.frames.get(i))
                    .filter(|pf| pf.subprog == f.subprog && pf.callsite == f.callsite);
                self.frame_view(f, b, prev.is_some())
            })
            .collect();
        let refs = s
            .frames
            .last()
            .map(|f| {
                let before: Vec<u32> = prev
                    .and_then(|p| p.frames.last())
                    .map(|f| f.refs.iter().map(|r| r.id).collect())
                    .unwrap_or_default();
                f.refs
                    .iter()
                    .map(|r| RefView {
                        id: r.id,
                        alloc_insn: r.insn as usize,
                        owner: r.callback_ref,
                        holders: holders(&s.frames, r.id),
                        new: prev.is_some() && !before.contains(&r.id),
                    })
                    .collect()
            })
            .unwrap_or_default();
        let worklist = s
            .worklist
            .iter()
            .map(|p| PendingView {
                insn: p.insn,
                origin: p.origin,
                frames: p
                    .frames
                    .iter()
                    .map(|f| {
                        format!(
                            "{}{}",
                            f.subprog,
                            if f.in_callback_fn {
                                "(cb)"
                            } else if f.in_async_callback_fn {
                                "(async)"
                            } else {
                                ""
                            }
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" > "),
                refs: p
                    .frames
                    .last()
                    .map(|f| f.refs.iter().map(|r| r.id).collect())
                    .unwrap_or_default(),
            })
            .collect();
        // LIFO made visible: the entry the last step pushed, or the one it popped.
        let was = prev.map(|p| p.worklist.len()).unwrap_or(s.worklist.len());
        let popped = prev
            .filter(|_| s.worklist.len() < was)
            .and_then(|p| p.worklist.last())
            .map(|p| (p.insn, p.origin));
        let held = s
            .held
            .iter()
            .map(|h| match h {
                explore::Held::SpinLock { map } => format!("bpf_spin_lock on a value of map {map}"),
                explore::Held::RcuReadLock => "RCU read-side section".to_string(),
                explore::Held::PreemptDisabled { depth } => {
                    format!("preemption disabled ({depth})")
                }
            })
            .collect();
        StateView {
            callback_unroll_depth: s.callback_unroll_depth,
            held,
            frames,
            refs,
            worklist,
            pushed: s.worklist.len() > was,
            popped,
        }
    }

    fn frame_view(&self, f: &FuncState, before: Option<&FuncState>, has_prev: bool) -> FrameView {
        let prog = &self.prog;
        let reg_text = |r: &veristep_core::RegState| {
            if r.is_init() {
                reg_value_str(prog, r)
            } else {
                String::new()
            }
        };
        let slot_text = |sl: &veristep_core::StackSlot| {
            if sl.is_spill() {
                reg_value_str(prog, &sl.spilled)
            } else if sl.types[0] == SlotType::Dynptr
                && sl.types.iter().all(|t| *t == SlotType::Dynptr)
            {
                let d = &sl.spilled.dynptr;
                // a ring buffer dynptr's reference: 6.12 keeps it in
                // ref_obj_id, 6.1 in id
                let r = if sl.spilled.ref_obj_id != 0 {
                    sl.spilled.ref_obj_id
                } else if d.kind.refcounted() {
                    sl.spilled.id
                } else {
                    0
                };
                if d.first_slot && r != 0 {
                    format!("dynptr_{} ref_id={}", d.kind.name(), r)
                } else if d.first_slot {
                    format!("dynptr_{}", d.kind.name())
                } else {
                    "dynptr (continued)".to_string()
                }
            } else if sl.types[7] == SlotType::Iter {
                // the iterator's state lives in its first slot
                if sl.spilled.ref_obj_id == 0 {
                    "iterator (continued)".to_string()
                } else {
                    format!(
                        "iterator ref_id={} {} depth={}",
                        sl.spilled.ref_obj_id,
                        if sl.iter.active { "active" } else { "drained" },
                        sl.iter.depth
                    )
                }
            } else {
                sl.types.iter().map(|t| t.ch()).collect()
            }
        };
        // Without a step before (position 0) nothing is marked changed; a
        // frame that was not there one step back is new throughout.
        let mut rows = Vec::new();
        for (i, r) in f.regs.iter().enumerate().filter(|(_, r)| r.is_init()) {
            let text = reg_text(r);
            let changed =
                has_prev && before.and_then(|b| b.regs.get(i)).map(reg_text) != Some(text.clone());
            rows.push(ValueRow {
                name: format!("R{i}"),
                text,
                reading: read_reg_in(prog, r),
                changed,
            });
        }
        for (i, sl) in f
            .stack
            .iter()
            .enumerate()
            .filter(|(_, sl)| sl.types.iter().any(|t| *t != SlotType::Invalid))
        {
            let text = slot_text(sl);
            let changed = has_prev
                && before.and_then(|b| b.stack.get(i)).map(slot_text) != Some(text.clone());
            rows.push(ValueRow {
                name: format!("fp{}", -8 * (i as i64 + 1)),
                text,
                reading: if sl.is_spill() {
                    format!("spilled: {}", read_reg_in(prog, &sl.spilled))
                } else if sl.types[7] == SlotType::Iter {
                    "an open-coded iterator's state (its kfuncs only may touch it)".to_string()
                } else if sl.types.contains(&SlotType::Dynptr) {
                    "a dynptr's state (only dynptr helpers and kfuncs may touch it; \
                     the program may not read it)"
                        .to_string()
                } else {
                    "data".to_string()
                },
                changed,
            });
        }
        FrameView {
            frameno: f.frameno,
            subprog: f.subprog,
            callsite: f.callsite,
            in_callback_fn: f.in_callback_fn,
            in_async_callback_fn: f.in_async_callback_fn,
            callback_depth: f.callback_depth,
            // the source's name for the subprogram (`release_cb`); main is `main`
            name: if f.subprog == 0 {
                Some("main".into())
            } else {
                self.subprogs.get(f.subprog as usize).and_then(|start| {
                    prog.labels
                        .iter()
                        .find(|(_, i)| i == start)
                        .map(|(n, _)| n.clone())
                })
            },
            rows,
        }
    }

    /// The log lines around the position, each with the step that wrote it.
    pub fn log_window(&self, step: usize) -> LogWindow {
        let o = &self.ex.outcome;
        let total = self.log_lines.len();
        // Log bytes written before the position.
        let upto = if step == 0 {
            0
        } else {
            o.trace
                .as_ref()
                .and_then(|t| t.steps.get(step - 1).map(|s| s.log_pos as usize))
                .unwrap_or(0)
                .min(o.log.len())
        };
        let cur = if upto == 0 { 0 } else { self.line_of(upto - 1) };
        let from = cur.saturating_sub(LOG_WINDOW / 2);
        let to = (from + LOG_WINDOW).min(total);
        let lines = (from..to)
            .map(|i| {
                let start = self.log_lines[i] as usize;
                LogLine {
                    text: self.line(i).to_string(),
                    step: self.step_of_line(i),
                    done: start < upto,
                    current: start < upto && i == cur,
                }
            })
            .collect();
        LogWindow { from, total, lines }
    }
}
