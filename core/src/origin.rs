//! Where a value came from: for a register or stack slot at some step, the
//! instructions on the walked path that produced it and the conditional
//! jumps that narrowed it. A view over the trace, modelled on the kernel's
//! precision backtracking (`backtrack_insn`): walk the path backwards,
//! keep a set of registers and stack slots still to explain, and move from
//! a written location to the locations it was computed from.

use crate::insn::*;
use crate::program::Program;
use crate::trace::Trace;

/// A location in the current frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    Reg(u8),
    /// A stack slot by its offset from the frame pointer (`fp-8` is -8).
    Stack(i16),
}

impl Loc {
    pub fn parse(s: &str) -> Option<Loc> {
        let t = s.trim().to_ascii_lowercase();
        if let Some(r) = t.strip_prefix('r') {
            let n: u8 = r.parse().ok()?;
            return (n <= 10).then_some(Loc::Reg(n));
        }
        if let Some(o) = t.strip_prefix("fp") {
            let off: i16 = o.parse().ok()?;
            return (-512..0).contains(&off).then_some(Loc::Stack(off));
        }
        None
    }
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loc::Reg(r) => write!(f, "R{r}"),
            Loc::Stack(o) => write!(f, "fp{o}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The instruction wrote the location.
    Def,
    /// A conditional jump compared it: the path's direction narrowed its
    /// bounds.
    Narrow,
    /// A call passed it from the caller's register of the same number.
    Pass,
    /// It holds its value from the function's entry (R1: the context).
    Entry,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Def => "def",
            Role::Narrow => "narrow",
            Role::Pass => "pass",
            Role::Entry => "entry",
        }
    }
}

/// One instruction on the way to the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The step that processed it (the position after it is `step + 1`).
    pub step: u32,
    pub insn: u32,
    pub role: Role,
    /// The location it explains, as the log names it (`R3`, `fp-8`).
    pub loc: String,
    /// What it did, in a few words.
    pub what: String,
}

/// Links kept at most (a long loop can narrow a register many times).
pub const MAX_LINKS: usize = 64;

fn is_cond_jump(i: &Insn) -> bool {
    let c = i.class();
    (c == BPF_JMP || c == BPF_JMP32) && !matches!(i.op(), BPF_JA | BPF_CALL | BPF_EXIT)
}

/// Where `loc` (as it is before step `step`, in that step's frame) came
/// from, nearest first.
pub fn origin(prog: &Program, trace: &Trace, step: usize, loc: Loc) -> Vec<Link> {
    let parents = trace.path_parents();
    origin_with(prog, trace, &parents, step, loc)
}

/// As [`origin`], with the path parents computed once by the caller.
pub fn origin_with(
    prog: &Program,
    trace: &Trace,
    parents: &[Option<u32>],
    step: usize,
    loc: Loc,
) -> Vec<Link> {
    let mut links = Vec::new();
    let Some(at) = trace
        .steps
        .get(step.min(trace.steps.len().saturating_sub(1)))
    else {
        return links;
    };
    let mut frame = at.frame;
    let mut regs: u16 = 0;
    let mut slots: Vec<i16> = Vec::new();
    match loc {
        Loc::Reg(r) if r < 10 => regs |= 1 << r,
        Loc::Reg(_) => return links, // R10 is the frame pointer, always
        Loc::Stack(o) => slots.push(o),
    }
    // the state before `step`: start from the step before it on its path
    let mut cur = if step >= trace.steps.len() {
        trace.steps.len().checked_sub(1).map(|s| s as u32)
    } else {
        parents.get(step).copied().flatten()
    };
    let name = |r: u8| format!("R{r}");
    // the step after `t` on this path, to tell which way a jump went
    let mut after: Option<u32> = (step < trace.steps.len()).then_some(step as u32);
    while let Some(t) = cur {
        if links.len() >= MAX_LINKS || (regs == 0 && slots.is_empty()) {
            break;
        }
        let t_us = t as usize;
        let Some(s) = trace.steps.get(t_us) else {
            break;
        };
        cur = parents.get(t_us).copied().flatten();
        let next = after.replace(t);
        if s.frame > frame {
            continue; // inside a callee: its registers are its own
        }
        let Some(insn) = prog.insns.get(s.insn as usize).copied() else {
            continue;
        };
        let mut link = |role: Role, loc: String, what: String| {
            links.push(Link {
                step: t,
                insn: s.insn,
                role,
                loc,
                what,
            })
        };
        if s.frame < frame {
            // the call into the frame we were explaining: its R1-R5 are
            // the caller's
            frame = s.frame;
            slots.clear();
            regs &= 0b11_1110;
            let bpf_call =
                insn.class() == BPF_JMP && insn.op() == BPF_CALL && insn.src == BPF_PSEUDO_CALL;
            for r in 1..=5u8 {
                if regs & (1 << r) != 0 {
                    let what = if bpf_call {
                        format!("the call passes the caller's R{r}")
                    } else {
                        // the helper sets its callback's arguments
                        // (bpf_loop: R1 the index, R2 its callback_ctx)
                        "set by the helper calling the callback".to_string()
                    };
                    link(Role::Pass, name(r), what);
                }
            }
            if !bpf_call {
                regs = 0;
            }
            continue;
        }
        let class = insn.class();
        let dst_bit = 1u16 << (insn.dst & 15);
        match class {
            BPF_ALU | BPF_ALU64 if regs & dst_bit != 0 => {
                let op = insn.op();
                let what = if op == BPF_MOV && insn.source() == BPF_X {
                    format!("copied from R{}", insn.src)
                } else if op == BPF_MOV {
                    "set to a constant".to_string()
                } else {
                    "computed here".to_string()
                };
                link(Role::Def, name(insn.dst), what);
                if op == BPF_MOV {
                    regs &= !dst_bit;
                }
                if insn.source() == BPF_X && op != BPF_END && op != BPF_NEG && insn.src < 10 {
                    regs |= 1 << insn.src;
                }
            }
            BPF_LDX if regs & dst_bit != 0 => {
                regs &= !dst_bit;
                if insn.src == BPF_REG_FP {
                    link(
                        Role::Def,
                        name(insn.dst),
                        format!("filled from fp{}", insn.off),
                    );
                    slots.push(insn.off);
                } else {
                    link(
                        Role::Def,
                        name(insn.dst),
                        format!("loaded through R{}", insn.src),
                    );
                    if insn.src < 10 {
                        regs |= 1 << insn.src;
                    }
                }
            }
            BPF_ST | BPF_STX if insn.dst == BPF_REG_FP => {
                if let Some(k) = slots.iter().position(|&o| o == insn.off) {
                    let atomic = insn.mode() == BPF_ATOMIC;
                    if !atomic {
                        slots.remove(k);
                    }
                    let what = if class == BPF_ST {
                        "a constant stored".to_string()
                    } else if atomic {
                        format!("updated atomically with R{}", insn.src)
                    } else {
                        format!("R{} spilled here", insn.src)
                    };
                    link(Role::Def, format!("fp{}", insn.off), what);
                    if class == BPF_STX && insn.src < 10 {
                        regs |= 1 << insn.src;
                    }
                }
            }
            BPF_LD if regs & dst_bit != 0 => {
                regs &= !dst_bit;
                let what = if insn.mode() == BPF_IMM {
                    "loaded as a 64-bit immediate"
                } else {
                    "loaded from the packet (R0)"
                };
                link(Role::Def, name(insn.dst), what.to_string());
            }
            BPF_JMP | BPF_JMP32 => {
                if insn.op() == BPF_CALL {
                    if regs & 1 != 0 {
                        regs &= !1;
                        let what = if insn.src == BPF_PSEUDO_CALL {
                            "returned by the called subprogram"
                        } else {
                            "returned by the call"
                        };
                        link(Role::Def, name(0), what.to_string());
                    }
                    // R1-R5 do not survive a call: nothing before it
                    // explains them
                    regs &= !0b11_1110;
                } else if is_cond_jump(&insn) {
                    let mut compared = regs & dst_bit != 0;
                    if insn.source() == BPF_X && insn.src < 16 {
                        compared |= regs & (1 << insn.src) != 0;
                    }
                    if compared {
                        let r = if regs & dst_bit != 0 {
                            insn.dst
                        } else {
                            insn.src
                        };
                        let taken = next
                            .and_then(|n| trace.steps.get(n as usize))
                            .map(|n| n.insn != s.insn + 1);
                        let way = match taken {
                            Some(true) => "the jump was taken",
                            Some(false) => "the jump fell through",
                            None => "this path took one side",
                        };
                        link(
                            Role::Narrow,
                            name(r),
                            format!("compared: {way}, narrowing it"),
                        );
                    }
                }
            }
            _ => {}
        }
    }
    // what is left has held its value since the function's entry
    if cur.is_none() && links.len() < MAX_LINKS && regs & 2 != 0 && frame == 0 {
        links.push(Link {
            step: 0,
            insn: trace.steps.first().map(|s| s.insn).unwrap_or(0),
            role: Role::Entry,
            loc: "R1".to_string(),
            what: "the program's context, from entry".to_string(),
        });
    }
    links
}
