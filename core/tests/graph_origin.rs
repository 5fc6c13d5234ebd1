//! The exploration graph and value provenance, views over a trace.

use veristep_core::graph::{self, EdgeKind, NodeKind};
use veristep_core::origin::{self, Loc, Role};
use veristep_core::{asm, verify, KernelVersion, Options, Program};

/// Three independent branches on a random value (the CLI's graph input).
const BRANCHY: &str = include_str!("../../cli/tests/inputs/branchy.s");

fn run(src: &str, kernel: KernelVersion) -> (Program, veristep_core::Outcome) {
    let prog = asm::parse(src).expect("parses");
    let o = verify(
        &prog,
        &Options {
            kernel,
            log_level: 0,
            trace: true,
            log_size: None,
        },
    );
    (prog, o)
}

#[test]
fn branches_pushed_are_resumed_in_lifo_order_and_prunes_end_on_checkpoints() {
    let (_, o) = run(BRANCHY, KernelVersion::V6_1);
    let g = graph::build(o.trace.as_ref().unwrap(), graph::DETAIL_LIMIT);
    let kinds: Vec<NodeKind> = g.nodes.iter().map(|n| n.kind).collect();
    let count = |k| kinds.iter().filter(|&&x| x == k).count();
    assert_eq!(count(NodeKind::Branch), 3);
    assert_eq!(count(NodeKind::Resume), 3);
    assert_eq!(count(NodeKind::Prune), 2);
    assert!(!g.aggregated);
    // LIFO: the last branch pushed (insn 7) is the first resumed, at 9
    let resumes: Vec<u32> = g
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::Branch)
        .map(|e| g.nodes[e.from as usize].insn)
        .collect();
    assert_eq!(resumes, vec![3, 5, 7]);
    for e in g.edges.iter().filter(|e| e.kind == EdgeKind::Prune) {
        let to = &g.nodes[e.to as usize];
        assert_eq!(to.kind, NodeKind::Checkpoint);
        assert_eq!(to.insn, g.nodes[e.from as usize].insn, "same instruction");
        assert!(to.step < g.nodes[e.from as usize].step);
    }
    // every path in its own column; no two nodes share a cell
    let mut cells: Vec<(u32, u32)> = g.nodes.iter().map(|n| (n.x, n.y)).collect();
    cells.sort();
    cells.dedup();
    assert_eq!(cells.len(), g.nodes.len());
    // a resumed path sits right of the path that pushed it
    for e in g.edges.iter().filter(|e| e.kind == EdgeKind::Branch) {
        assert!(g.nodes[e.to as usize].x > g.nodes[e.from as usize].x);
        assert_eq!(g.nodes[e.to as usize].y, g.nodes[e.from as usize].y + 1);
    }
    assert!(g.nodes.iter().all(|n| n.x < g.width && n.y < g.height));
    // the node shown at a position is the last one at or before it
    let at = g.node_at(12).unwrap();
    assert!(g.nodes[at].step <= 12 && g.nodes.get(at + 1).is_none_or(|n| n.step > 12));
}

#[test]
fn a_loop_over_the_limit_is_aggregated_per_instruction() {
    let src = "\
    r1 = 0
loop:
    r1 += 1
    if r1 < 3000 goto loop
    r0 = 0
    exit
";
    let (_, o) = run(src, KernelVersion::V6_1);
    let t = o.trace.as_ref().unwrap();
    let detailed = graph::build(t, usize::MAX);
    let g = graph::build(t, 100);
    assert!(detailed.nodes.len() > 100);
    assert!(g.aggregated);
    assert_eq!(g.detailed_nodes, detailed.nodes.len());
    let total: u32 = g.nodes.iter().map(|n| n.count).sum();
    assert_eq!(
        total as usize,
        detailed.nodes.len(),
        "every node counted once"
    );
    let edges: u32 = g.edges.iter().map(|e| e.count).sum();
    assert_eq!(edges as usize, detailed.edges.len());
    assert!(g.nodes.len() < 10, "{:?}", g.nodes);
}

#[test]
fn callbacks_are_nested_frames() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/corpus/seed/second_iteration.s"
    ))
    .unwrap();
    // 6.1 walks the callback once and accepts; 6.12 walks it again and
    // finds the leak
    for (k, frames, end) in [
        (KernelVersion::V6_1, 2, NodeKind::Done),
        (KernelVersion::V6_7, 3, NodeKind::Reject),
    ] {
        let (_, o) = run(&src, k);
        let g = graph::build(o.trace.as_ref().unwrap(), graph::DETAIL_LIMIT);
        assert_eq!(g.frames.len(), frames, "{k:?}: main and each callback walk");
        for f in &g.frames[1..] {
            assert!(f.callback && f.depth == 1 && f.parent == Some(0), "{f:?}");
        }
        assert!(g.nodes.iter().any(|n| n.frame > 0 && n.depth == 1));
        assert_eq!(g.nodes.last().unwrap().kind, end);
    }
}

#[test]
fn where_a_register_came_from() {
    let (prog, o) = run(BRANCHY, KernelVersion::V6_1);
    let t = o.trace.as_ref().unwrap();
    // step 9 processes `r0 = r7` (insn 9) on the first path
    assert_eq!(t.steps[9].insn, 9);
    let r7 = origin::origin(&prog, t, 9, Loc::Reg(7));
    let defs: Vec<u32> = r7
        .iter()
        .filter(|l| l.role == Role::Def)
        .map(|l| l.insn)
        .collect();
    assert_eq!(defs, vec![8, 6, 4, 2], "{r7:?}");
    let r6 = origin::origin(&prog, t, 9, Loc::Reg(6));
    let narrow: Vec<u32> = r6
        .iter()
        .filter(|l| l.role == Role::Narrow)
        .map(|l| l.insn)
        .collect();
    assert_eq!(narrow, vec![7, 5, 3]);
    assert!(
        r6.iter().all(|l| !l.what.contains("taken")),
        "every jump fell through"
    );
    let chain: Vec<(u32, &str)> = r6
        .iter()
        .filter(|l| l.role == Role::Def)
        .map(|l| (l.insn, l.loc.as_str()))
        .collect();
    assert_eq!(chain, vec![(1, "R6"), (0, "R0")]);
    // on the last path (resumed at 9 after the jump at 7 was taken), the
    // jump at 7 was taken; the earlier ones fell through
    let last = t.steps.len() - 1;
    let r6 = origin::origin(&prog, t, last, Loc::Reg(6));
    let first = r6.iter().find(|l| l.role == Role::Narrow).unwrap();
    assert_eq!(first.insn, 7);
    assert!(first.what.contains("taken"), "{first:?}");
}

#[test]
fn where_a_stack_slot_and_a_callback_argument_came_from() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/corpus/seed/ringbuf_release_in_cb.s"
    ))
    .unwrap();
    let (prog, o) = run(&src, KernelVersion::V6_1);
    let t = o.trace.as_ref().unwrap();
    // the callback's first step: its R2 is bpf_loop's callback_ctx, the
    // caller's R3 = fp-8
    let s = t.steps.iter().position(|s| s.frame == 1).unwrap();
    let r2 = origin::origin(&prog, t, s, Loc::Reg(2));
    assert_eq!(r2.len(), 1, "{r2:?}");
    assert_eq!((r2[0].role, r2[0].insn), (Role::Pass, 13));
    assert!(r2[0].what.contains("helper"));
    // main's fp-8 holds the record spilled at insn 6, from the reserve at 4
    let after_spill = t.steps.iter().position(|s| s.insn == 7).unwrap();
    let slot = origin::origin(&prog, t, after_spill, Loc::Stack(-8));
    let defs: Vec<(u32, &str)> = slot
        .iter()
        .filter(|l| l.role == Role::Def)
        .map(|l| (l.insn, l.loc.as_str()))
        .collect();
    assert_eq!(defs, vec![(6, "fp-8"), (4, "R0")], "{slot:?}");
    assert!(slot.iter().any(|l| l.role == Role::Narrow && l.insn == 5));
    assert_eq!(Loc::parse("fp-8"), Some(Loc::Stack(-8)));
    assert_eq!(Loc::parse("R3"), Some(Loc::Reg(3)));
    assert_eq!(Loc::parse("r11"), None);
}

#[test]
fn the_cfg_has_blocks_loops_functions_and_heat() {
    let src = "\
    r1 = 0
loop:
    r1 += 1
    if r1 < 10 goto loop
    r1 = 1
    r2 = cb ll
    r3 = 0
    r4 = 0
    call bpf_loop
    r0 = 0
    exit
cb:
    r0 = 0
    exit
";
    let (prog, o) = run(src, KernelVersion::V6_1);
    assert!(o.error.is_none(), "{:?}", o.error);
    let c = veristep_core::heat::cfg(&prog, o.trace.as_ref());
    let spans: Vec<(u32, u32)> = c.blocks.iter().map(|b| (b.start, b.end)).collect();
    assert_eq!(spans, vec![(0, 0), (1, 2), (3, 10), (11, 12)]);
    assert_eq!(c.blocks[1].succs, vec![1, 2]);
    assert!(c.blocks[1].loops_back && !c.blocks[2].loops_back);
    assert_eq!(c.blocks[2].succs, Vec::<u32>::new(), "exit");
    assert_eq!(c.functions.len(), 2);
    assert!(c.functions[1].callback && c.functions[1].start == 11);
    assert_eq!(c.blocks[3].function, 1);
    assert_eq!(c.blocks[1].visits, 10, "the loop body ten times");
    assert_eq!(c.blocks[0].visits, 1);
    assert!(c.blocks[3].visits >= 1, "the callback walked");
    let walked: u64 = c.blocks.iter().map(|b| b.insns_walked).sum();
    assert_eq!(walked as usize, o.trace.as_ref().unwrap().steps.len());
}
