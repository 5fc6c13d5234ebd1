//! The exploration as pictures: the graph of states the walk stored and
//! visited (laid out by the worker, `veristep_core::graph`), and the
//! control-flow graph with heat (`veristep_core::heat`). Both are SVG,
//! synchronised with the stepper: the current node or block is marked, and
//! a click (or Enter) on one moves the stepper there.

use crate::model::{Action, Model};
use crate::panels::{on_activate, on_click};
use crate::protocol::{CfgView, GraphNode, GraphView, Summary};
use std::rc::Rc;
use yew::prelude::*;

/// A layout cell and the node drawn in it, in SVG units.
const CELL_W: f64 = 150.0;
const CELL_H: f64 = 58.0;
const NODE_W: f64 = 134.0;
const NODE_H: f64 = 38.0;
const MARGIN: f64 = 16.0;

#[derive(Properties, PartialEq)]
pub struct PictureProps {
    pub run: Rc<Summary>,
    /// The stepper's position.
    pub step: usize,
    /// The instruction processed at the position.
    pub insn: Option<usize>,
    pub dispatch: UseReducerDispatcher<Model>,
}

/// Top-left corner of a node's cell.
fn at(n: &GraphNode) -> (f64, f64) {
    (
        MARGIN + n.x as f64 * CELL_W,
        MARGIN + 18.0 + n.y as f64 * CELL_H,
    )
}

/// The node the stepper stands on: in a detailed graph the last node at or
/// before the position; aggregated, the nodes at the current instruction.
fn current(g: &GraphView, step: usize, insn: Option<usize>) -> Vec<usize> {
    if g.aggregated {
        return g
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| Some(n.insn as usize) == insn)
            .map(|(i, _)| i)
            .collect();
    }
    let i = g.nodes.partition_point(|n| n.step as usize <= step);
    i.checked_sub(1).into_iter().collect()
}

/// Boxes around each frame's nodes (callbacks and subprograms nested in
/// their callers), as (x, y, w, h, label).
fn frame_boxes(g: &GraphView) -> Vec<(f64, f64, f64, f64, String)> {
    let mut bb: Vec<Option<(f64, f64, f64, f64)>> = vec![None; g.frames.len()];
    for n in &g.nodes {
        let (x, y) = at(n);
        if let Some(b) = bb.get_mut(n.frame as usize) {
            let r = (x - 6.0, y - 16.0, x + NODE_W + 6.0, y + NODE_H + 6.0);
            *b = Some(match *b {
                None => r,
                Some(o) => (o.0.min(r.0), o.1.min(r.1), o.2.max(r.2), o.3.max(r.3)),
            });
        }
    }
    // children come after their parents: fold them in from the end
    for i in (0..g.frames.len()).rev() {
        let Some(p) = g.frames[i].parent.map(|p| p as usize).filter(|&p| p < i) else {
            continue;
        };
        if let Some(c) = bb[i] {
            let grown = (c.0 - 4.0, c.1 - 4.0, c.2 + 4.0, c.3 + 4.0);
            bb[p] = Some(match bb[p] {
                None => grown,
                Some(o) => (
                    o.0.min(grown.0),
                    o.1.min(grown.1),
                    o.2.max(grown.2),
                    o.3.max(grown.3),
                ),
            });
        }
    }
    g.frames
        .iter()
        .enumerate()
        .filter(|(_, f)| f.parent.is_some())
        .filter_map(|(i, f)| {
            let (x0, y0, x1, y1) = bb[i]?;
            let what = if f.callback { "callback" } else { "subprogram" };
            let from = f
                .callsite
                .map(|c| format!(", called at {c}"))
                .unwrap_or_default();
            Some((
                x0,
                y0,
                x1 - x0,
                y1 - y0,
                format!("frame {}: {what} at {}{from}", f.depth, f.start),
            ))
        })
        .collect()
}

fn edge_path(a: &GraphNode, b: &GraphNode) -> String {
    let (ax, ay) = at(a);
    let (bx, by) = at(b);
    if by > ay {
        // downwards: bottom centre to top centre
        let (x1, y1) = (ax + NODE_W / 2.0, ay + NODE_H);
        let (x2, y2) = (bx + NODE_W / 2.0, by);
        let mid = (y1 + y2) / 2.0;
        format!("M{x1:.0},{y1:.0} C{x1:.0},{mid:.0} {x2:.0},{mid:.0} {x2:.0},{y2:.0}")
    } else {
        // up or level (a prune onto an earlier state, a loop): right side
        // to right side, bowed out
        let (x1, y1) = (ax + NODE_W, ay + NODE_H / 2.0);
        let (x2, y2) = (bx + NODE_W, by + NODE_H / 2.0);
        let bow = 24.0 + ((ay - by).abs() / CELL_H).min(6.0) * 6.0;
        let cx = x1.max(x2) + bow;
        format!("M{x1:.0},{y1:.0} C{cx:.0},{y1:.0} {cx:.0},{y2:.0} {x2:.0},{y2:.0}")
    }
}

#[function_component(GraphPanel)]
pub fn graph_panel(p: &PictureProps) -> Html {
    let scale = use_state(|| 1.0f64);
    let g = &p.run.graph;
    let d = &p.dispatch;
    if g.nodes.is_empty() {
        return html! {};
    }
    let cur = current(g, p.step, p.insn);
    let w = MARGIN * 2.0 + g.width.max(1) as f64 * CELL_W + 60.0;
    let h = MARGIN * 2.0 + 18.0 + g.height.max(1) as f64 * CELL_H;
    let zoom = |f: f64| {
        let s = scale.clone();
        Callback::from(move |_: MouseEvent| s.set((*s * f).clamp(0.1, 3.0)))
    };
    let fit = {
        let s = scale.clone();
        Callback::from(move |_: MouseEvent| s.set((760.0 / w).clamp(0.1, 1.0)))
    };
    let count = |k: &str| {
        g.nodes
            .iter()
            .filter(|n| n.kind == k)
            .map(|n| n.count as usize)
            .sum::<usize>()
    };
    let summary = format!(
        "Exploration graph · {} states stored · {} branches · {} pruned{}",
        count("checkpoint"),
        count("branch"),
        count("prune"),
        if g.aggregated {
            format!(" · {} nodes merged by instruction", g.detailed_nodes)
        } else {
            String::new()
        }
    );
    let edges = g.edges.iter().filter_map(|e| {
        let (a, b) = (g.nodes.get(e.from as usize)?, g.nodes.get(e.to as usize)?);
        let class = format!("gedge {}", e.kind);
        let label = (e.count > 1).then(|| {
            let (bx, by) = at(b);
            html! { <text class="gcount" x={format!("{:.0}", bx + NODE_W / 2.0 + 4.0)} y={format!("{:.0}", by - 3.0)}>{ format!("×{}", e.count) }</text> }
        });
        Some(html! {
            <>
                <path class={class} d={edge_path(a, b)} marker-end="url(#garrow)" />
                { label.unwrap_or_default() }
            </>
        })
    });
    let boxes = if g.aggregated {
        Vec::new()
    } else {
        frame_boxes(g)
    };
    let nodes = g.nodes.iter().enumerate().map(|(i, n)| {
        let (x, y) = at(n);
        let mut class = format!("gnode {}", n.kind);
        if cur.contains(&i) {
            class.push_str(" current");
        }
        let second = if n.count > 1 {
            format!("insn {} · ×{}", n.insn, n.count)
        } else {
            format!("insn {} · step {}", n.insn, n.step)
        };
        let label = format!(
            "{} at instruction {}, frame {}, step {}{}: {}",
            n.label,
            n.insn,
            n.depth,
            n.step,
            if n.count > 1 {
                format!(", {} times", n.count)
            } else {
                String::new()
            },
            n.text
        );
        let go = Action::Goto(n.step as usize);
        html! {
            <g class={class} role="button" tabindex="0" aria-label={label.clone()}
                transform={format!("translate({x:.0},{y:.0})")}
                onclick={on_click(d, go.clone())} onkeydown={on_activate(d, go)}>
                <title>{ label }</title>
                <rect width={NODE_W.to_string()} height={NODE_H.to_string()} rx="6" />
                <text x="7" y="15">{ n.label.clone() }</text>
                <text x="7" y="31" class="sub">{ second }</text>
            </g>
        }
    });
    html! {
        <details class="picture graph" id="graph-panel" open=true>
            <summary>{ summary.clone() }</summary>
            <div class="picture-bar">
                <button aria-label="zoom out of the exploration graph" onclick={zoom(0.8)}>{ "−" }</button>
                <button aria-label="zoom into the exploration graph" onclick={zoom(1.25)}>{ "+" }</button>
                <button aria-label="fit the exploration graph" onclick={fit}>{ "fit" }</button>
                <span class="legend">
                    <span class="k walk">{ "walk" }</span>
                    <span class="k branch">{ "push → pop (LIFO)" }</span>
                    <span class="k prune">{ "pruned onto" }</span>
                </span>
            </div>
            <div class="picture-scroll">
                <svg id="graph" role="group" aria-label={summary}
                    width={format!("{:.0}", w * *scale)} height={format!("{:.0}", h * *scale)}
                    viewBox={format!("0 0 {w:.0} {h:.0}")}>
                    <defs>
                        <marker id="garrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="garrowhead" />
                        </marker>
                    </defs>
                    { for edges }
                    // frames (outlines, unfilled) over the edges, so that
                    // their names stay legible where an edge enters them
                    { for boxes.into_iter().map(|(x, y, bw, bh, label)| html! {
                        <g class="gframe">
                            <rect x={format!("{x:.0}")} y={format!("{y:.0}")} width={format!("{bw:.0}")} height={format!("{bh:.0}")} rx="10" />
                            <text x={format!("{:.0}", x + 8.0)} y={format!("{:.0}", y + 12.0)}>{ label }</text>
                        </g>
                    }) }
                    { for nodes }
                </svg>
            </div>
        </details>
    }
}

const ROW_H: f64 = 44.0;
const BLOCK_W: f64 = 250.0;
const HEAD_H: f64 = 22.0;

/// Rows of the CFG picture: a header per function, then its blocks.
fn cfg_rows(c: &CfgView) -> (Vec<f64>, Vec<(f64, String)>, f64) {
    let mut y = MARGIN;
    let mut tops = Vec::with_capacity(c.blocks.len());
    let mut heads = Vec::new();
    let mut func = u32::MAX;
    for b in &c.blocks {
        if b.function != func {
            func = b.function;
            let (start, callback) = c
                .functions
                .get(func as usize)
                .copied()
                .unwrap_or((0, false));
            let what = if func == 0 {
                "main program".to_string()
            } else if callback {
                format!("callback at {start}")
            } else {
                format!("subprogram at {start}")
            };
            heads.push((y, what));
            y += HEAD_H;
        }
        tops.push(y);
        y += ROW_H;
    }
    (tops, heads, y + MARGIN)
}

#[function_component(CfgPanel)]
pub fn cfg_panel(p: &PictureProps) -> Html {
    let c = &p.run.cfg;
    let d = &p.dispatch;
    if c.blocks.is_empty() {
        return html! {};
    }
    let (tops, heads, height) = cfg_rows(c);
    let max = c.blocks.iter().map(|b| b.visits).max().unwrap_or(0).max(1) as f64;
    let cur = p.insn.and_then(|i| {
        c.blocks
            .iter()
            .position(|b| (b.start as usize..=b.end as usize).contains(&i))
    });
    let x0 = MARGIN;
    let mut far = 0.0f64;
    let edges: Vec<Html> = c
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(i, b)| b.succs.iter().map(move |&t| (i, t as usize, b.loops_back && t as usize <= i)))
        .filter_map(|(i, t, back)| {
            let (y1, y2) = (*tops.get(i)?, *tops.get(t)?);
            let class = if back { "cedge back" } else { "cedge" };
            if t == i + 1 && !back {
                let x = x0 + BLOCK_W / 2.0;
                return Some(html! { <path class={class} d={format!("M{x:.0},{:.0} L{x:.0},{:.0}", y1 + ROW_H - 8.0, y2)} marker-end="url(#carrow)" /> });
            }
            let (ya, yb) = (y1 + ROW_H / 2.0 - 8.0, y2 + (ROW_H - 8.0) / 2.0);
            let bow = 18.0 + ((i as f64 - t as f64).abs()).min(12.0) * 7.0;
            far = far.max(bow);
            let xr = x0 + BLOCK_W;
            Some(html! { <path class={class} d={format!("M{xr:.0},{ya:.0} C{:.0},{ya:.0} {:.0},{yb:.0} {xr:.0},{yb:.0}", xr + bow, xr + bow)} marker-end="url(#carrow)">
                <title>{ if back { format!("loop: back to instruction {}", c.blocks[t].start) } else { format!("to instruction {}", c.blocks[t].start) } }</title>
            </path> })
        })
        .collect();
    let width = x0 + BLOCK_W + far + 30.0;
    let blocks = c.blocks.iter().enumerate().map(|(i, b)| {
        let y = tops[i];
        let heat = if b.visits == 0 {
            0.0
        } else {
            (1.0 + b.visits as f64).ln() / (1.0 + max).ln()
        };
        let fill = if b.visits == 0 {
            "hsl(0, 0%, 90%)".to_string()
        } else {
            format!("hsl({:.0}, 85%, {:.0}%)", 50.0 - 45.0 * heat, 88.0 - 36.0 * heat)
        };
        let mut class = String::from("cblock");
        if Some(i) == cur {
            class.push_str(" current");
        }
        let span = if b.start == b.end { format!("{}", b.start) } else { format!("{}–{}", b.start, b.end) };
        let label = format!(
            "block {span}: entered {} times, {} instructions walked, {} states stored{}; ends with {}; press Enter to go to its next visit",
            b.visits,
            b.walked,
            b.states,
            if b.loops_back { ", loops back" } else { "" },
            b.last_text
        );
        let go = Action::RunToInsn(b.start as usize);
        html! {
            <g class={class} role="button" tabindex="0" aria-label={label.clone()}
                transform={format!("translate({x0:.0},{y:.0})")}
                onclick={on_click(d, go.clone())} onkeydown={on_activate(d, go)}>
                <title>{ label }</title>
                <rect width={BLOCK_W.to_string()} height={(ROW_H - 8.0).to_string()} rx="4" style={format!("fill: {fill}")} />
                <text x="6" y="14">{ format!("{span} · {}", b.last_text) }</text>
                <text x="6" y="29" class="sub">{ format!("{} · {} stored{}", plural(b.visits, "visit"), b.states, if b.loops_back { " · loop ↺" } else { "" }) }</text>
            </g>
        }
    });
    html! {
        <details class="picture cfg" id="cfg-panel" open=true>
            <summary>{ format!("Control-flow graph · {} blocks · heat: visits", c.blocks.len()) }</summary>
            <div class="picture-scroll">
                <svg id="cfg" role="group" aria-label={format!("Control-flow graph with heat: {} basic blocks", c.blocks.len())}
                    width={format!("{width:.0}")} height={format!("{height:.0}")} viewBox={format!("0 0 {width:.0} {height:.0}")}>
                    <defs>
                        <marker id="carrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="carrowhead" />
                        </marker>
                    </defs>
                    { for heads.into_iter().map(|(y, t)| html! {
                        <text class="chead" x={format!("{x0:.0}")} y={format!("{:.0}", y + 15.0)}>{ t }</text>
                    }) }
                    { for edges }
                    { for blocks }
                </svg>
            </div>
        </details>
    }
}

fn plural(n: u32, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
