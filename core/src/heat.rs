//! The control-flow graph with heat: the program's basic blocks, their
//! edges and loops, and how hot the walk made each one (steps that
//! processed its instructions, states stored in it). A view over a
//! program and its trace.

use crate::insn::*;
use crate::program::Program;
use crate::trace::{EventKind, Trace};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// First and last instruction (an `ld_imm64` ends at its second slot).
    pub start: u32,
    pub end: u32,
    /// Its last instruction (the jump or exit that ends it, if one does).
    pub last: u32,
    /// The function it belongs to: index in [`Cfg::functions`].
    pub function: u32,
    /// Blocks control can go to (by their index).
    pub succs: Vec<u32>,
    /// Steps that processed its first instruction.
    pub visits: u32,
    /// Steps that processed any of its instructions.
    pub insns_walked: u64,
    /// States stored at its instructions (checkpoints).
    pub states: u32,
    /// A jump from it goes back to an earlier block (a loop).
    pub loops_back: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Function {
    pub start: u32,
    /// Called as a callback (its address taken with `ld_imm64`), as
    /// opposed to a bpf-to-bpf call target or the main program.
    pub callback: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cfg {
    pub blocks: Vec<Block>,
    pub functions: Vec<Function>,
}

fn is_ld_imm64(i: &Insn) -> bool {
    i.code == BPF_LD | BPF_IMM | BPF_DW
}

/// Jump target of insn `i` at index `at`, if it is a jump inside the
/// program.
fn jump_target(i: &Insn, at: usize, len: usize) -> Option<usize> {
    let c = i.class();
    if (c != BPF_JMP && c != BPF_JMP32) || matches!(i.op(), BPF_CALL | BPF_EXIT) {
        return None;
    }
    let t = at as i64 + 1 + i.jmp_off();
    (0..len as i64).contains(&t).then_some(t as usize)
}

/// The blocks of `prog`, with the heat of `trace` (None: all cold).
pub fn cfg(prog: &Program, trace: Option<&Trace>) -> Cfg {
    let insns = &prog.insns;
    let n = insns.len();
    if n == 0 {
        return Cfg::default();
    }
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    let mut funcs: Vec<(usize, bool)> = vec![(0, false)];
    let mut i = 0;
    while i < n {
        let ins = &insns[i];
        let width = if is_ld_imm64(ins) { 2 } else { 1 };
        let c = ins.class();
        let callee = |at: usize| {
            let t = at as i64 + 1 + ins.imm as i64;
            (0..n as i64).contains(&t).then_some(t as usize)
        };
        if is_ld_imm64(ins) && ins.src == BPF_PSEUDO_FUNC {
            if let Some(t) = callee(i) {
                funcs.push((t, true));
            }
        }
        if (c == BPF_JMP || c == BPF_JMP32) && ins.op() == BPF_CALL && ins.src == BPF_PSEUDO_CALL {
            if let Some(t) = callee(i) {
                funcs.push((t, false));
            }
        }
        if let Some(t) = jump_target(ins, i, n) {
            leader[t] = true;
            leader[(i + 1).min(n)] = true;
        }
        if (c == BPF_JMP || c == BPF_JMP32) && ins.op() == BPF_EXIT {
            leader[(i + 1).min(n)] = true;
        }
        i += width;
    }
    funcs.sort();
    // a function both called and used as a callback: a callback
    funcs.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 |= b.1;
            true
        } else {
            false
        }
    });
    for &(f, _) in &funcs {
        leader[f] = true;
    }
    // the second slot of an ld_imm64 never starts a block
    let mut i = 0;
    while i < n {
        if is_ld_imm64(&insns[i]) && i + 1 < n {
            leader[i + 1] = false;
            i += 2;
        } else {
            i += 1;
        }
    }
    let starts: Vec<usize> = (0..n).filter(|&i| leader[i]).collect();
    let block_of = |insn: usize| starts.partition_point(|&s| s <= insn).saturating_sub(1);
    let mut blocks: Vec<Block> = Vec::with_capacity(starts.len());
    for (b, &s) in starts.iter().enumerate() {
        let end = starts.get(b + 1).map(|&e| e - 1).unwrap_or(n - 1);
        let function = funcs.partition_point(|&(f, _)| f <= s).saturating_sub(1) as u32;
        // the last real instruction (not an ld_imm64's second slot)
        let mut last = s;
        let mut i = s;
        while i <= end {
            last = i;
            i += if is_ld_imm64(&insns[i]) { 2 } else { 1 };
        }
        let li = &insns[last];
        let c = li.class();
        let jmp = c == BPF_JMP || c == BPF_JMP32;
        let mut succs = Vec::new();
        let falls = !(jmp && (li.op() == BPF_EXIT || (li.op() == BPF_JA)));
        if let Some(t) = jump_target(li, last, n) {
            succs.push(block_of(t) as u32);
        }
        if falls && end + 1 < n && starts.get(b + 1) == Some(&(end + 1)) {
            let next = funcs.iter().any(|&(f, _)| f == end + 1);
            if !next {
                succs.push(b as u32 + 1);
            }
        }
        succs.dedup();
        let loops_back = succs.iter().any(|&t| t as usize <= b);
        blocks.push(Block {
            start: s as u32,
            end: end as u32,
            last: last as u32,
            function,
            succs,
            visits: 0,
            insns_walked: 0,
            states: 0,
            loops_back,
        });
    }
    if let Some(t) = trace {
        for st in &t.steps {
            if let Some(b) = blocks.get_mut(block_of(st.insn as usize)) {
                b.insns_walked += 1;
                if b.start == st.insn {
                    b.visits += 1;
                }
            }
        }
        for e in t.events.iter().filter(|e| e.kind == EventKind::Checkpoint) {
            if let Some(b) = blocks.get_mut(block_of(e.insn as usize)) {
                b.states += 1;
            }
        }
    }
    Cfg {
        blocks,
        functions: funcs
            .into_iter()
            .map(|(start, callback)| Function {
                start: start as u32,
                callback,
            })
            .collect(),
    }
}
