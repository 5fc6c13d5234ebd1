//! The exploration as a graph: the states the walk stores and visits, and
//! how paths connect them. A view over a [`Trace`], built after the walk.
//!
//! Nodes are the points of the walk a person asks about: the start, every
//! checkpoint stored (`is_state_visited` adding to `explored_states`), every
//! branch pushed (`push_stack`), every path resumed from the worklist
//! (`pop_stack`), calls, callback entries and returns, and the ends of paths
//! (exit, prune, rejection). Edges are the walk between two such points, the
//! worklist's LIFO (a push to the pop that resumes it), and a prune to the
//! stored state it was found equivalent to.
//!
//! A large exploration (more than [`DETAIL_LIMIT`] nodes) is aggregated:
//! nodes of the same kind at the same instruction and frame depth become
//! one, with a count, so repeated loop iterations collapse into one node
//! and its self-edges.

use crate::trace::{EventKind, Trace};

/// Above this many nodes the graph is aggregated by instruction.
pub const DETAIL_LIMIT: usize = 1500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// The first state, at instruction 0.
    Start,
    /// A state stored for pruning.
    Checkpoint,
    /// A branch state pushed on the worklist (the other side of a jump, or
    /// a callback iteration in 6.12).
    Branch,
    /// An async callback's state pushed (`bpf_timer_set_callback`).
    Async,
    /// A pushed state popped and walked from here.
    Resume,
    /// A bpf-to-bpf call entered its subprogram.
    Call,
    /// A callback was entered.
    Callback,
    /// A frame returned to its caller.
    Return,
    /// The path was pruned: a stored state covers it.
    Prune,
    /// The path reached the program's exit.
    Done,
    /// Verification stopped here with an error.
    Reject,
}

impl NodeKind {
    pub const ALL: [NodeKind; 11] = [
        NodeKind::Start,
        NodeKind::Checkpoint,
        NodeKind::Branch,
        NodeKind::Async,
        NodeKind::Resume,
        NodeKind::Call,
        NodeKind::Callback,
        NodeKind::Return,
        NodeKind::Prune,
        NodeKind::Done,
        NodeKind::Reject,
    ];

    /// A short stable name (JSON, CSS classes).
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Start => "start",
            NodeKind::Checkpoint => "checkpoint",
            NodeKind::Branch => "branch",
            NodeKind::Async => "async",
            NodeKind::Resume => "resume",
            NodeKind::Call => "call",
            NodeKind::Callback => "callback",
            NodeKind::Return => "return",
            NodeKind::Prune => "prune",
            NodeKind::Done => "done",
            NodeKind::Reject => "reject",
        }
    }

    /// In people's words.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Start => "start",
            NodeKind::Checkpoint => "state stored",
            NodeKind::Branch => "branch pushed",
            NodeKind::Async => "async callback pushed",
            NodeKind::Resume => "branch resumed",
            NodeKind::Call => "call",
            NodeKind::Callback => "callback entered",
            NodeKind::Return => "return",
            NodeKind::Prune => "pruned",
            NodeKind::Done => "path done",
            NodeKind::Reject => "rejected",
        }
    }

    pub fn from_name(s: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// A path ends at this node.
    pub fn ends_path(self) -> bool {
        matches!(self, NodeKind::Prune | NodeKind::Done | NodeKind::Reject)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// The walk went from one node to the next on the same path.
    Walk,
    /// A pushed state (from) was resumed (to): the worklist, LIFO.
    Branch,
    /// A pruned path (from) ends on the stored state it matched (to).
    Prune,
}

impl EdgeKind {
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Walk => "walk",
            EdgeKind::Branch => "branch",
            EdgeKind::Prune => "prune",
        }
    }
    pub fn from_name(s: &str) -> Option<EdgeKind> {
        [EdgeKind::Walk, EdgeKind::Branch, EdgeKind::Prune]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    pub insn: u32,
    /// The position to show it at: the state before this step (its first
    /// occurrence when aggregated).
    pub step: u32,
    /// Frame depth (0: the program's main function).
    pub depth: u8,
    /// The frame instance it belongs to (index in [`Graph::frames`]).
    pub frame: u32,
    /// Occurrences merged into it (1 unless aggregated).
    pub count: u32,
    /// Layout: column and row, in cells.
    pub x: u32,
    pub y: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: u32,
    pub to: u32,
    pub kind: EdgeKind,
    /// Occurrences merged into it (1 unless aggregated).
    pub count: u32,
}

/// One activation of a function: the main program, a subprogram called, or
/// a callback. Frames nest: the callee's `parent` is its caller's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub parent: Option<u32>,
    /// Frame depth (curframe).
    pub depth: u8,
    /// The first instruction walked in it.
    pub start: u32,
    /// The call instruction that made it (None for main).
    pub callsite: Option<u32>,
    pub callback: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub frames: Vec<Frame>,
    /// Nodes of the detailed graph; more than [`DETAIL_LIMIT`] means
    /// `nodes` holds the aggregated one.
    pub detailed_nodes: usize,
    pub aggregated: bool,
    /// Layout extent, in cells.
    pub width: u32,
    pub height: u32,
}

impl Graph {
    /// The node shown for position `step`: the last one at or before it
    /// (detailed graphs; nodes are in step order).
    pub fn node_at(&self, step: usize) -> Option<usize> {
        let i = self.nodes.partition_point(|n| n.step as usize <= step);
        i.checked_sub(1)
    }

    /// Graphviz `dot`: frames as nested clusters, pruned edges dashed and
    /// labelled `prune`, pushes to their pops bold.
    pub fn to_dot(&self, insn_text: &dyn Fn(u32) -> String) -> String {
        let mut s = String::from(
            "digraph exploration {\n  rankdir=TB;\n  node [shape=box, fontname=\"monospace\", fontsize=10];\n  edge [fontsize=9];\n",
        );
        let mut by_frame: Vec<Vec<usize>> = vec![Vec::new(); self.frames.len()];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.frames.len()];
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(v) = by_frame.get_mut(n.frame as usize) {
                v.push(i);
            }
        }
        for (i, f) in self.frames.iter().enumerate() {
            if let Some(c) = f.parent.and_then(|p| children.get_mut(p as usize)) {
                c.push(i);
            }
        }
        // frames whose parent chain is broken are drawn at the top level
        let roots: Vec<usize> = (0..self.frames.len())
            .filter(|&i| {
                self.frames[i]
                    .parent
                    .is_none_or(|p| p as usize >= self.frames.len() || p as usize >= i)
            })
            .collect();
        let mut stack: Vec<(usize, usize, bool)> =
            roots.iter().rev().map(|&r| (r, 1, false)).collect();
        while let Some((f, indent, closing)) = stack.pop() {
            let pad = "  ".repeat(indent);
            if closing {
                s.push_str(&pad);
                s.push_str("}\n");
                continue;
            }
            let fr = &self.frames[f];
            let inner = if f == 0 && fr.parent.is_none() {
                // main: no cluster box around the whole graph
                for &n in &by_frame[f] {
                    s.push_str(&self.dot_node(n, &pad, insn_text));
                }
                indent
            } else {
                let what = if fr.callback {
                    "callback"
                } else {
                    "subprogram"
                };
                let from = fr
                    .callsite
                    .map(|c| format!(", called at {c}"))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "{pad}subgraph cluster_f{f} {{\n{pad}  label=\"frame {}: {what} at {}{from}\";\n{pad}  style=rounded;\n",
                    fr.depth, fr.start
                ));
                for &n in &by_frame[f] {
                    s.push_str(&self.dot_node(n, &format!("{pad}  "), insn_text));
                }
                stack.push((f, indent, true));
                indent + 1
            };
            for &c in children[f].iter().rev() {
                if c > f {
                    stack.push((c, inner, false));
                }
            }
        }
        for e in &self.edges {
            let attrs = match e.kind {
                EdgeKind::Walk => String::new(),
                EdgeKind::Branch => " [style=bold, color=\"#3465a4\"]".to_string(),
                EdgeKind::Prune => " [style=dashed, label=\"prune\", constraint=false]".to_string(),
            };
            let attrs = if e.count > 1 {
                if attrs.is_empty() {
                    format!(" [label=\"×{}\"]", e.count)
                } else {
                    attrs.replace(']', &format!(", xlabel=\"×{}\"]", e.count))
                }
            } else {
                attrs
            };
            s.push_str(&format!("  n{} -> n{}{};\n", e.from, e.to, attrs));
        }
        s.push_str("}\n");
        s
    }

    fn dot_node(&self, i: usize, pad: &str, insn_text: &dyn Fn(u32) -> String) -> String {
        let n = &self.nodes[i];
        let shape = match n.kind {
            NodeKind::Prune => ", shape=box, style=dashed",
            NodeKind::Done => ", shape=box, peripheries=2",
            NodeKind::Reject => ", shape=box, color=red, penwidth=2",
            NodeKind::Branch | NodeKind::Async | NodeKind::Resume => ", shape=box, style=rounded",
            _ => "",
        };
        let count = if n.count > 1 {
            format!(" ×{}", n.count)
        } else {
            String::new()
        };
        let label = format!(
            "{} · insn {}{}\\nstep {}\\n{}",
            n.kind.label(),
            n.insn,
            count,
            n.step,
            dot_escape(&insn_text(n.insn))
        );
        format!("{pad}n{i} [label=\"{label}\"{shape}];\n")
    }
}

fn dot_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// A pushed state's node and the frames it was pushed in, by the step that
/// pushed it.
struct Pending {
    node: u32,
    origin: u32,
    frames: Vec<u32>,
}

struct Builder<'t> {
    trace: &'t Trace,
    g: Graph,
    /// The frame instances of the current path, innermost last.
    frames: Vec<u32>,
    /// Pushed states not resumed yet, by pushing step.
    pending: std::collections::HashMap<u32, Pending>,
    /// `Trace::path_parents`: which push a pop resumes.
    parents: Vec<Option<u32>>,
    /// The previous node on the current path.
    last: Option<u32>,
    /// Checkpoint index -> its node.
    checkpoints: Vec<Option<u32>>,
    lanes: u32,
    lane: u32,
}

impl Builder<'_> {
    /// Makes the frame stack as deep as the walk says it is at `step`,
    /// recording the frames entered on the way.
    fn reconcile(&mut self, step: usize, callsite: Option<u32>, callback: bool) {
        let Some(s) = self.trace.steps.get(step) else {
            return;
        };
        let want = s.frame as usize + 1;
        self.frames.truncate(want);
        while self.frames.len() < want {
            let id = self.g.frames.len() as u32;
            self.g.frames.push(Frame {
                parent: self.frames.last().copied(),
                depth: self.frames.len() as u8,
                start: s.insn,
                callsite,
                callback,
            });
            self.frames.push(id);
        }
    }

    fn node(&mut self, kind: NodeKind, insn: u32, step: usize) -> u32 {
        let depth = self.trace.steps.get(step).map(|s| s.frame).unwrap_or(0);
        let y = match (self.last, kind) {
            (_, NodeKind::Resume) | (None, _) => 0,
            (Some(l), _) => self.g.nodes[l as usize].y + 1,
        };
        let id = self.g.nodes.len() as u32;
        self.g.nodes.push(Node {
            kind,
            insn,
            step: step as u32,
            depth,
            frame: self.frames.last().copied().unwrap_or(0),
            count: 1,
            x: self.lane,
            y,
        });
        if kind != NodeKind::Resume {
            if let Some(l) = self.last {
                self.edge(l, id, EdgeKind::Walk);
            }
        }
        self.last = if kind.ends_path() { None } else { Some(id) };
        id
    }

    fn edge(&mut self, from: u32, to: u32, kind: EdgeKind) {
        self.g.edges.push(Edge {
            from,
            to,
            kind,
            count: 1,
        });
    }

    fn build(mut self) -> Graph {
        let trace = self.trace;
        if trace.steps.is_empty() {
            return self.g;
        }
        self.reconcile(0, None, false);
        self.node(NodeKind::Start, trace.steps[0].insn, 0);
        let mut ended_here;
        for (i, s) in trace.steps.iter().enumerate() {
            ended_here = false;
            for e in trace.events_of(i) {
                match e.kind {
                    EventKind::Insn | EventKind::Acquire | EventKind::Release => {}
                    EventKind::Checkpoint => {
                        self.reconcile(i, None, false);
                        let id = self.node(NodeKind::Checkpoint, e.insn, i);
                        let k = e.aux as usize;
                        if k < 1 << 24 {
                            if self.checkpoints.len() <= k {
                                self.checkpoints.resize(k + 1, None);
                            }
                            self.checkpoints[k] = Some(id);
                        }
                    }
                    EventKind::Push | EventKind::AsyncPush => {
                        self.reconcile(i, None, false);
                        let kind = if e.kind == EventKind::Push {
                            NodeKind::Branch
                        } else {
                            NodeKind::Async
                        };
                        let id = self.node(kind, e.insn, i);
                        self.pending.insert(
                            i as u32,
                            Pending {
                                node: id,
                                origin: e.insn,
                                frames: self.frames.clone(),
                            },
                        );
                    }
                    EventKind::Pop => {
                        // the step that resumes the state names its push
                        let next = i + 1;
                        let from = self
                            .parents
                            .get(next)
                            .copied()
                            .flatten()
                            .and_then(|s| self.pending.remove(&s));
                        self.lanes += 1;
                        self.lane = self.lanes;
                        if let Some(p) = &from {
                            self.frames = p.frames.clone();
                        }
                        let callsite = from.as_ref().map(|p| p.origin);
                        self.reconcile(next, callsite, true);
                        self.last = None;
                        let parent_y = from
                            .as_ref()
                            .map(|p| self.g.nodes[p.node as usize].y + 1)
                            .unwrap_or(0);
                        let id = self.node(NodeKind::Resume, e.aux, next);
                        self.g.nodes[id as usize].y = parent_y;
                        if let Some(p) = from {
                            self.edge(p.node, id, EdgeKind::Branch);
                        }
                    }
                    EventKind::Prune => {
                        self.reconcile(i, None, false);
                        let id = self.node(NodeKind::Prune, e.insn, i);
                        if let Some(Some(c)) = self.checkpoints.get(e.aux as usize) {
                            let c = *c;
                            self.edge(id, c, EdgeKind::Prune);
                        }
                        ended_here = true;
                    }
                    EventKind::Call | EventKind::CallbackEnter => {
                        self.reconcile(i, None, false);
                        let kind = if e.kind == EventKind::Call {
                            NodeKind::Call
                        } else {
                            NodeKind::Callback
                        };
                        self.node(kind, e.insn, i);
                        // the callee's frame: the next step is walked in it
                        self.reconcile(i + 1, Some(e.insn), e.kind == EventKind::CallbackEnter);
                    }
                    EventKind::Return => {
                        self.reconcile(i, None, false);
                        self.node(NodeKind::Return, s.insn, i);
                        self.reconcile(i + 1, None, false);
                    }
                    EventKind::PathDone => {
                        if !ended_here {
                            self.reconcile(i, None, false);
                            self.node(NodeKind::Done, e.insn, i);
                            ended_here = true;
                        }
                    }
                    EventKind::Reject => {
                        self.reconcile(i, None, false);
                        self.node(NodeKind::Reject, e.insn, i);
                        ended_here = true;
                    }
                }
            }
        }
        self.g.detailed_nodes = self.g.nodes.len();
        self.g.width = self.lanes + 1;
        self.place_paths();
        self.g.height = self.g.nodes.iter().map(|n| n.y + 1).max().unwrap_or(0);
        self.g
    }
}

impl Builder<'_> {
    /// Columns for the paths: each path (a lane: the start, or a resumed
    /// branch) is placed right of the path that pushed it, its own branches
    /// after it, the one pushed lowest nearest. A push edge then runs above
    /// every column it passes, so edges do not cross paths.
    fn place_paths(&mut self) {
        let lanes = self.lanes as usize + 1;
        // children of each lane, with the row of the push that made them
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new(); lanes];
        let mut has_parent = vec![false; lanes];
        for e in self.g.edges.iter().filter(|e| e.kind == EdgeKind::Branch) {
            let (a, b) = (&self.g.nodes[e.from as usize], &self.g.nodes[e.to as usize]);
            if (a.x as usize) < lanes && (b.x as usize) < lanes && a.x != b.x {
                children[a.x as usize].push((a.y, b.x));
                has_parent[b.x as usize] = true;
            }
        }
        let mut col = vec![u32::MAX; lanes];
        let mut next = 0u32;
        for root in 0..lanes {
            if has_parent[root] || col[root] != u32::MAX {
                continue;
            }
            let mut stack = vec![root as u32];
            while let Some(l) = stack.pop() {
                let l = l as usize;
                if col[l] != u32::MAX {
                    continue;
                }
                col[l] = next;
                next += 1;
                let mut c = std::mem::take(&mut children[l]);
                // lowest push first: pushed last so that it is popped first
                c.sort_by_key(|&(y, lane)| (y, std::cmp::Reverse(lane)));
                stack.extend(c.into_iter().map(|(_, lane)| lane));
            }
        }
        for n in &mut self.g.nodes {
            if let Some(&c) = col.get(n.x as usize) {
                if c != u32::MAX {
                    n.x = c;
                }
            }
        }
        self.g.width = next.max(1);
    }
}

/// The exploration graph of a trace (aggregated above `limit` nodes).
pub fn build(trace: &Trace, limit: usize) -> Graph {
    let g = Builder {
        trace,
        g: Graph::default(),
        frames: Vec::new(),
        pending: std::collections::HashMap::new(),
        parents: trace.path_parents(),
        last: None,
        checkpoints: Vec::new(),
        lanes: 0,
        lane: 0,
    }
    .build();
    if g.nodes.len() > limit {
        aggregate(g)
    } else {
        g
    }
}

/// Merges nodes of one kind at one instruction and frame depth; rows are
/// instructions in program order, columns frame depth then kind.
fn aggregate(g: Graph) -> Graph {
    use std::collections::HashMap;
    let mut key_of: HashMap<(NodeKind, u32, u8), u32> = HashMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut map = Vec::with_capacity(g.nodes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut frame_of_depth: HashMap<u8, u32> = HashMap::new();
    for n in &g.nodes {
        let key = (n.kind, n.insn, n.depth);
        let id = *key_of.entry(key).or_insert_with(|| {
            let fid = *frame_of_depth.entry(n.depth).or_insert_with(|| {
                let src = g.frames.get(n.frame as usize);
                frames.push(Frame {
                    parent: None,
                    depth: n.depth,
                    start: src.map(|f| f.start).unwrap_or(0),
                    callsite: src.and_then(|f| f.callsite),
                    callback: src.is_some_and(|f| f.callback),
                });
                frames.len() as u32 - 1
            });
            nodes.push(Node {
                count: 0,
                frame: fid,
                ..n.clone()
            });
            nodes.len() as u32 - 1
        });
        nodes[id as usize].count += 1;
        map.push(id);
    }
    // nested by depth: each depth's frame inside the one above it
    for f in &mut frames {
        if f.depth > 0 {
            f.parent = frame_of_depth.get(&(f.depth - 1)).copied();
        }
    }
    let mut edge_of: HashMap<(u32, u32, EdgeKind), usize> = HashMap::new();
    let mut edges: Vec<Edge> = Vec::new();
    for e in &g.edges {
        let (Some(&a), Some(&b)) = (map.get(e.from as usize), map.get(e.to as usize)) else {
            continue;
        };
        let k = *edge_of.entry((a, b, e.kind)).or_insert_with(|| {
            edges.push(Edge {
                from: a,
                to: b,
                kind: e.kind,
                count: 0,
            });
            edges.len() - 1
        });
        edges[k].count += 1;
    }
    // layout: a row per instruction that has nodes, a column per kind
    // within each frame depth
    let mut insns: Vec<u32> = nodes.iter().map(|n| n.insn).collect();
    insns.sort_unstable();
    insns.dedup();
    let kinds = NodeKind::ALL.len() as u32;
    for n in &mut nodes {
        n.y = insns.partition_point(|&i| i < n.insn) as u32;
        let k = NodeKind::ALL.iter().position(|&k| k == n.kind).unwrap_or(0) as u32;
        n.x = n.depth as u32 * kinds + k;
    }
    // nodes were made in order of first occurrence: step order, as
    // `node_at` wants
    let width = nodes.iter().map(|n| n.x + 1).max().unwrap_or(0);
    let height = insns.len() as u32;
    Graph {
        nodes,
        edges,
        frames,
        detailed_nodes: g.detailed_nodes,
        aggregated: true,
        width,
        height,
    }
}
