//! The stepper's panels as components: the listing, the call frames, the
//! registers and stack of a frame, the acquired references, the worklist
//! and the kernel log window. Each renders from its props alone (the `View`
//! at the position, the run's `Summary`), so Yew re-renders a panel only
//! when what it shows changed; clicks go back as `Action`s.

use crate::model::{Action, Model};
use crate::protocol::{OriginView, StateView, Summary, View};
use std::rc::Rc;
use yew::prelude::*;

/// A panel of the state at the position.
#[derive(Properties, PartialEq)]
pub struct StateProps {
    pub view: Rc<View>,
    pub dispatch: UseReducerDispatcher<Model>,
}

/// A panel that also reads the run (visit counts, the refused instruction,
/// the log level).
#[derive(Properties, PartialEq)]
pub struct RunProps {
    pub view: Rc<View>,
    pub run: Rc<Summary>,
    pub dispatch: UseReducerDispatcher<Model>,
    /// Where a value came from: the listing marks its instructions.
    #[prop_or_default]
    pub origin: Option<Rc<OriginView>>,
}

#[derive(Properties, PartialEq)]
pub struct RegsProps {
    pub view: Rc<View>,
    /// The frame chosen in the frames panel (None: the current one).
    pub frame: Option<usize>,
    pub dispatch: UseReducerDispatcher<Model>,
    pub origin: Option<Rc<OriginView>>,
}

/// Enter or Space on a focused row does what a click does: rows that act on
/// a click are reachable and usable from the keyboard too.
pub(crate) fn on_activate(d: &UseReducerDispatcher<Model>, a: Action) -> Callback<KeyboardEvent> {
    let d = d.clone();
    Callback::from(move |e: KeyboardEvent| {
        if matches!(e.key().as_str(), "Enter" | " ") {
            e.prevent_default();
            d.dispatch(a.clone());
        }
    })
}

pub(crate) fn on_click(d: &UseReducerDispatcher<Model>, a: Action) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
}

#[function_component(ListingPanel)]
pub fn listing(p: &RunProps) -> Html {
    let (view, run, d) = (&p.view, &p.run, &p.dispatch);
    let l = &view.listing;
    let cur = view.insn;
    let rows = l.rows.iter().map(|r| {
        let idx = r.insn;
        let mut class = String::from("insn");
        if Some(idx) == cur {
            class.push_str(" current");
        }
        if r.subprog {
            class.push_str(" subprog");
        }
        if Some(idx) == run.error_insn {
            // the instruction the kernel refused, marked at every step
            class.push_str(" failing");
        }
        // the value's provenance: an arrow at each instruction of its chain
        let marks: Vec<String> = p
            .origin
            .iter()
            .flat_map(|o| o.links.iter())
            .filter(|k| k.insn as usize == idx && k.role != "entry")
            .map(|k| format!("◀ {} {}", k.role, k.loc))
            .collect();
        if !marks.is_empty() {
            class.push_str(" origin");
        }
        html! {
            <tr class={class} onclick={on_click(d, Action::RunToInsn(idx))} id={format!("insn-{}", idx)} tabindex="0"
                onkeydown={on_activate(d, Action::RunToInsn(idx))}
                aria-label={format!("instruction {idx}: {}; press Enter to run to its next visit", r.text)}>
                <td class="idx">{ idx }</td>
                <td class="text">{ r.text.clone() }
                    if let Some(n) = r.note.clone() { <span class="note">{ format!("  ; {n}") }</span> }
                    if !marks.is_empty() { <span class="origin-mark">{ format!("  {}", marks.join(" ")) }</span> }
                </td>
                <td class="visits" title="visits">{ run.visits.get(idx).copied().unwrap_or(0) }</td>
            </tr>
        }
    });
    let note = (l.from > 0 || l.to < l.total).then(|| {
        html! { <div class="window-note">{ format!("instructions {}–{} of {} (the listing follows the stepper)", l.from, l.to - 1, l.total) }</div> }
    });
    html! {
        <div class="listing" id="listing" aria-label="program listing">
            { note.unwrap_or_default() }
            <table><thead><tr><th>{ "#" }</th><th>{ "instruction" }</th><th>{ "visits" }</th></tr></thead>
            <tbody>{ for rows }</tbody></table>
        </div>
    }
}

fn state(view: &View) -> Option<&StateView> {
    view.state.as_ref()
}

#[function_component(FramesPanel)]
pub fn frames(p: &StateProps) -> Html {
    let Some(s) = state(&p.view) else {
        return html! {};
    };
    let d = &p.dispatch;
    html! {
        <div class="frames" id="frames" aria-label="call frames">
            <h2>{ "Frames" }{ if s.callback_unroll_depth > 0 { format!(" (callback iterations: {})", s.callback_unroll_depth) } else { String::new() } }</h2>
            <ol>{ for s.frames.iter().enumerate().rev().map(|(i, f)| html! {
                <li onclick={on_click(d, Action::SelectFrame(Some(i)))} tabindex="0"
                    onkeydown={on_activate(d, Action::SelectFrame(Some(i)))}>
                    { format!("frame {} · {} · callsite {}{}{}{}",
                        f.frameno,
                        match &f.name { Some(n) if f.subprog == 0 => n.clone(), Some(n) => format!("{n} (subprog {})", f.subprog), None => format!("subprog {}", f.subprog) },
                        if f.callsite < 0 { "—".to_string() } else { f.callsite.to_string() },
                        if f.in_callback_fn { " · callback" } else { "" },
                        if f.in_async_callback_fn { " · async callback" } else { "" },
                        if f.callback_depth > 0 { format!(" · callback depth {}", f.callback_depth) } else { String::new() }) }
                </li>
            }) }</ol>
            { if s.held.is_empty() { html! {} } else { html! {
                <p class="held" aria-label="held locks">{ format!("Holds: {}", s.held.join(", ")) }</p>
            } } }
        </div>
    }
}

#[function_component(RegsPanel)]
pub fn regs(p: &RegsProps) -> Html {
    let Some(s) = state(&p.view) else {
        return html! {};
    };
    let innermost = s.frames.len().saturating_sub(1);
    let fi = p.frame.unwrap_or(innermost);
    let Some(f) = s.frames.get(fi) else {
        return html! {};
    };
    let d = &p.dispatch;
    // provenance follows the walk of the current frame
    let ask = fi == innermost;
    html! {
        <div class="regs" id="regs" aria-label="registers and stack">
            <h2>{ format!("Registers and stack of frame {}", f.frameno) }</h2>
            <table>
                { for f.rows.iter().map(|r| {
                    let why = (ask && r.name != "R10").then(|| html! {
                        <button class="link why" aria-label={format!("where {} came from", r.name)}
                            title="the instructions that produced this value and the branches that narrowed it"
                            onclick={on_click(d, Action::Origin(r.name.clone()))}>{ "why?" }</button>
                    });
                    html! {
                    <tr class={if r.changed { "changed" } else { "" }}>
                        <td>{ r.name.clone() }</td><td><code>{ r.text.clone() }</code></td><td>{ r.reading.clone() }</td>
                        <td>{ why.unwrap_or_default() }</td>
                    </tr>
                }}) }
            </table>
            if let Some(o) = p.origin.clone() { <OriginPanel origin={o} dispatch={d.clone()} /> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct OriginProps {
    pub origin: Rc<OriginView>,
    pub dispatch: UseReducerDispatcher<Model>,
}

/// Where a value came from: its chain, nearest first; each link goes to the
/// state just after its instruction.
#[function_component(OriginPanel)]
pub fn origin(p: &OriginProps) -> Html {
    let (o, d) = (&p.origin, &p.dispatch);
    html! {
        <div class="origin" id="origin" aria-label={format!("where {} came from", o.loc)}>
            <h3>{ format!("Where {} came from (at step {})", o.loc, o.step) }
                <button class="link" aria-label="close the provenance" onclick={on_click(d, Action::CloseOrigin)}>{ "×" }</button></h3>
            if o.links.is_empty() {
                <p>{ "Nothing on this path wrote it: it holds its value from the start of its function." }</p>
            }
            <ol>{ for o.links.iter().map(|k| {
                let go = Action::Goto(k.step as usize + 1);
                html! {
                    <li class={format!("olink {}", k.role)}>
                        <button class="link" aria-label={format!("go to instruction {} at step {}", k.insn, k.step)}
                            onclick={on_click(d, go)}>{ format!("{}: {}", k.insn, k.text) }</button>
                        { format!(" — {} {}", k.loc, k.what) }
                    </li>
                }
            }) }</ol>
        </div>
    }
}

#[function_component(RefsPanel)]
pub fn refs(p: &StateProps) -> Html {
    let Some(s) = state(&p.view) else {
        return html! {};
    };
    let d = &p.dispatch;
    html! {
        <div class="refs" id="refs" aria-label="acquired references">
            <h2>{ "acquired_refs" }</h2>
            <table>
                <thead><tr><th>{ "id" }</th><th>{ "alloc insn" }</th><th>{ "owner (callback_ref)" }</th><th>{ "held by" }</th></tr></thead>
                <tbody>{ for s.refs.iter().map(|r| {
                    let insn = r.alloc_insn;
                    html! {
                        <tr class={if r.new { "ref changed" } else { "ref" }}><td>{ r.id }</td>
                            <td><button class="link" aria-label={format!("go to the acquisition at instruction {}", insn)}
                                onclick={on_click(d, Action::GotoAcquire(insn))}>{ insn }</button></td>
                            <td class="owner">{ format!("frame {}", r.owner) }</td>
                            <td>{ r.holders.join(", ") }</td></tr>
                    }
                }) }</tbody>
            </table>
        </div>
    }
}

#[function_component(WorklistPanel)]
pub fn worklist(p: &StateProps) -> Html {
    let Some(s) = state(&p.view) else {
        return html! {};
    };
    let d = &p.dispatch;
    let popped = s
        .popped
        .map(|(insn, origin)| format!("popped: resume at {} (pushed at {})", insn, origin));
    html! {
        <div class="worklist" id="worklist" aria-label="worklist of pending states">
            <h2>{ format!("Worklist ({} pending, top first)", s.worklist.len()) }</h2>
            { popped.map(|t| html! { <div class="popped">{ t }</div> }).unwrap_or_default() }
            <ol>{ for s.worklist.iter().enumerate().rev().map(|(i, p)| {
                let top = i + 1 == s.worklist.len();
                html! {
                <li class={if top && s.pushed { "changed" } else { "" }}>
                    <button class="link" aria-label={format!("go to where the state pending at instruction {} is resumed", p.insn)}
                        title="go to where this state is popped and resumed" onclick={on_click(d, Action::GotoPending(i))}>
                        { format!("resume at {}", p.insn) }</button>
                    { format!(" (pushed at {}) · frames [{}] · refs {:?}", p.origin, p.frames, p.refs) }</li>
            }}) }</ol>
        </div>
    }
}

#[function_component(LogPanel)]
pub fn log(p: &RunProps) -> Html {
    let (run, d) = (&p.run, &p.dispatch);
    let w = &p.view.log;
    let rows = w.lines.iter().map(|l| {
        let class = if l.current {
            "ll done cur"
        } else if l.done {
            "ll done"
        } else {
            "ll rest"
        };
        let onclick = l.step.map(|s| on_click(d, Action::Goto(s)));
        let onkeydown = l.step.map(|s| on_activate(d, Action::Goto(s)));
        let tabindex = l.step.map(|_| "0");
        html! { <div class={class} onclick={onclick} onkeydown={onkeydown} tabindex={tabindex}>{ l.text.clone() }</div> }
    });
    let to = w.from + w.lines.len();
    if run.log_pending {
        return html! {
            <details class="log" open=true>
                <summary>{ format!("Kernel log (level {}) · being written: the verdict came first", run.log_level) }</summary>
                <pre id="log" aria-label="kernel log" aria-busy="true">{ "The verifier is walking the program again with its log on…" }</pre>
            </details>
        };
    }
    html! {
        <details class="log" open=true>
            <summary>{ format!("Kernel log (level {}) · lines {}–{} of {} · click a line to go to its step",
                run.log_level, if w.total == 0 { 0 } else { w.from + 1 }, to, w.total) }</summary>
            <pre id="log" aria-label="kernel log">{ for rows }</pre>
        </details>
    }
}
