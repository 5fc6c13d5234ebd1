//! Text and JSON views of outcomes and states for the command line.

use serde_json::{json, Value};
use veristep_core::reg_value_str;
use veristep_core::FuncState;
use veristep_core::{KernelVersion, Outcome, Program};

/// A veristat-like table: one row per program, verdict / processed /
/// states per kernel, then each rejection's message.
/// One program's outcome in one kernel, or why libbpf could not load it
/// there.
pub type Cell = Result<Outcome, String>;

pub fn table(kernels: &[KernelVersion], rows: &[(String, Vec<Cell>)]) -> String {
    let name_w = rows.iter().map(|(n, _)| n.len()).max().unwrap_or(4).max(4);
    let mut out = format!("{:<w$}", "File", w = name_w);
    for k in kernels {
        out.push_str(&format!(
            "  {:<10} {:>9} {:>7}",
            format!("{} verdict", k.name()),
            "insns",
            "states"
        ));
    }
    out.push('\n');
    for (name, cells) in rows {
        out.push_str(&format!("{:<w$}", name, w = name_w));
        for cell in cells {
            out.push_str(&match cell {
                Ok(o) => format!(
                    "  {:<10} {:>9} {:>7}",
                    o.verdict.name(),
                    o.stats.processed,
                    o.stats.total_states
                ),
                Err(_) => format!("  {:<10} {:>9} {:>7}", "error", "-", "-"),
            });
        }
        out.push('\n');
        for (k, cell) in kernels.iter().zip(cells) {
            match cell {
                Ok(o) => {
                    if let Some(e) = &o.error {
                        let at = e.insn.map(|i| format!(" (insn {})", i)).unwrap_or_default();
                        // the load refused before the verifier: no message
                        // of its own, the errno the loader gets
                        let message = if e.message.is_empty() {
                            match e.reason {
                                veristep_core::reason::Reason::NotInKernel => format!(
                                    "(no log) errno {}: the load failed before the verifier",
                                    e.errno
                                ),
                                _ => format!(
                                    "(no message) errno {}: the kernel refuses it without a word ({})",
                                    e.errno,
                                    e.reason.kind()
                                ),
                            }
                        } else {
                            e.message.clone()
                        };
                        out.push_str(&format!("    {}: {}{}\n", k.name(), message, at));
                    }
                }
                // libbpf's own words, as the kernel's loader would say them
                Err(why) => out.push_str(&format!("    {}: {why}\n", k.name())),
            }
        }
    }
    out
}

pub fn frame_json(prog: &Program, f: &FuncState) -> Value {
    let regs: Vec<Value> = f
        .regs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_init())
        .map(|(i, r)| json!({"reg": i, "value": reg_value_str(prog, r), "live": r.live, "precise": r.precise}))
        .collect();
    let stack: Vec<Value> = f
        .stack
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.types
                .iter()
                .any(|t| *t != veristep_core::SlotType::Invalid)
        })
        .map(|(i, s)| {
            let types: String = s.types.iter().map(|t| t.ch()).collect();
            json!({
                "off": -8 * (i as i64 + 1),
                "types": types,
                "spilled": if s.is_spill() { Some(reg_value_str(prog, &s.spilled)) } else { None },
            })
        })
        .collect();
    json!({
        "frameno": f.frameno,
        "callsite": f.callsite,
        "subprog": f.subprog,
        "in_callback_fn": f.in_callback_fn,
        "in_async_callback_fn": f.in_async_callback_fn,
        "callback_depth": f.callback_depth,
        "regs": regs,
        "stack": stack,
        "refs": f.refs.iter().map(|r| json!({"id": r.id, "alloc_insn": r.insn, "callback_ref": r.callback_ref})).collect::<Vec<_>>(),
    })
}
