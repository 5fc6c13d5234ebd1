//! `veristep graph`: the exploration graph (the playground's picture) as
//! Graphviz or JSON.

use serde_json::{json, Value};
use std::process::ExitCode;
use veristep_core::graph::{self, Graph};
use veristep_core::{disasm, verify, KernelVersion, Options, Program, Verdict};

pub(crate) struct GraphArgs<'a> {
    pub file: &'a str,
    pub prog: Option<&'a str>,
    pub kernel: KernelVersion,
    pub libbpf: veristep_core::elf::Libbpf,
    pub dot: bool,
    pub limit: usize,
}

pub(crate) fn graph_json(prog: &Program, g: &Graph) -> Value {
    json!({
        "aggregated": g.aggregated,
        "detailed_nodes": g.detailed_nodes,
        "width": g.width,
        "height": g.height,
        "nodes": g.nodes.iter().enumerate().map(|(i, n)| json!({
            "id": i,
            "kind": n.kind.name(),
            "insn": n.insn,
            "text": disasm::insn_text(prog, n.insn as usize),
            "step": n.step,
            "depth": n.depth,
            "frame": n.frame,
            "count": n.count,
            "x": n.x,
            "y": n.y,
        })).collect::<Vec<_>>(),
        "edges": g.edges.iter().map(|e| json!({
            "from": e.from,
            "to": e.to,
            "kind": e.kind.name(),
            "count": e.count,
        })).collect::<Vec<_>>(),
        "frames": g.frames.iter().enumerate().map(|(i, f)| json!({
            "id": i,
            "parent": f.parent,
            "depth": f.depth,
            "start": f.start,
            "callsite": f.callsite,
            "callback": f.callback,
        })).collect::<Vec<_>>(),
    })
}

pub(crate) fn graph_cmd(args: &GraphArgs) -> ExitCode {
    let prog = match crate::load_one(args.file, args.prog, args.kernel, args.libbpf) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(2);
        }
    };
    let o = verify(
        &prog,
        &Options {
            kernel: args.kernel,
            log_level: 0,
            trace: true,
            log_size: None,
        },
    );
    let g = o
        .trace
        .as_ref()
        .map(|t| graph::build(t, args.limit))
        .unwrap_or_default();
    if args.dot {
        let text = |i: u32| disasm::insn_text(&prog, i as usize);
        crate::out(&g.to_dot(&text));
    } else {
        let mut doc = graph_json(&prog, &g);
        doc["kernel"] = json!(args.kernel.name());
        doc["verdict"] = json!(o.verdict.name());
        doc["message"] = json!(o.message());
        crate::out(&format!("{}\n", doc));
    }
    if o.verdict == Verdict::Accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
