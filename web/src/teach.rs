//! The teaching panels: the introduction, the format guide, lessons (the
//! lesson panel and opening a lesson at a step) and the presenter's
//! follow-along link with its QR code.

use crate::browser::*;
use crate::lesson::Lesson;
use crate::model::{Action, Model};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Fetches and opens a lesson at a step; failures become the banner.
pub(crate) fn open_lesson(id: String, at: usize, d: UseReducerDispatcher<Model>) {
    wasm_bindgen_futures::spawn_local(async move {
        let safe = id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let got = if safe {
            fetch_text(&format!("lessons/{id}.json")).await
        } else {
            Err("a lesson id is letters, digits, - and _".to_string())
        };
        match got.and_then(|t| Lesson::parse(&t)) {
            Ok(l) => d.dispatch(Action::StartLesson(Rc::new(l), at)),
            Err(e) => d.dispatch(Action::Banner(Some(format!(
                "The lesson '{id}' cannot be opened: {e}"
            )))),
        }
    });
}

/// The address the room reaches this page at: the one the teacher typed,
/// else the page's own (useless to the room when it is a loopback one).
pub(crate) fn initial_room() -> String {
    storage()
        .and_then(|s| s.get_item(STORE_ROOM).ok().flatten())
        .filter(|a| !a.trim().is_empty())
        .unwrap_or_else(|| asset_url("./"))
}

/// `127.0.0.1`, `localhost`, `[::1]`: an address only this computer reaches.
fn is_loopback(address: &str) -> bool {
    let host = web_sys::Url::new(address)
        .map(|u| u.hostname())
        .unwrap_or_default();
    host == "localhost" || host.starts_with("127.") || host == "[::1]" || host == "::1"
}

/// The participants' link to this lesson step, on the room's address.
fn follow_link(room: &str, lesson: &str, step: usize) -> String {
    let mut base = room.trim().to_string();
    if !base.contains("://") {
        base = format!("http://{base}");
    }
    // the query replaces whatever the typed address carried after `?`/`#`
    if let Some(i) = base.find(['?', '#']) {
        base.truncate(i);
    }
    format!("{base}?lesson={lesson}&lstep={step}")
}

/// The follow-along box: the link, its QR code (made here, no network),
/// and the address the room uses, which the teacher may type.
fn follow_along(follow: &str, room: &UseStateHandle<String>) -> Html {
    let on_room = {
        let room = room.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            let v = i.value();
            save(STORE_ROOM, &v);
            room.set(v);
        })
    };
    let qr = crate::qr::encode(follow)
        .map(|c| c.to_svg(4, &format!("QR code of {follow}")))
        .ok();
    let local = is_loopback(room);
    html! {
        <div class="follow" id="follow-along">
            <div class="follow-text">
                { "Follow along: " }<a href={follow.to_string()} id="follow-link">{ follow }</a>
                <label class="room">{ "Address the room uses: " }
                    <input id="room-address" type="url" value={(**room).clone()} oninput={on_room}
                        placeholder="http://192.168.1.20:8080/" aria-describedby="room-hint" />
                </label>
                if local {
                    <p class="room-hint" id="room-hint" role="note">
                        { "This page is served to this computer only. Serve it to the room with " }
                        <code>{ "cargo xtask serve --lan" }</code>
                        { " and type the address it prints." }
                    </p>
                }
            </div>
            if let Some(svg) = qr {
                <div class="qr" id="follow-qr">{ Html::from_html_unchecked(AttrValue::from(svg)) }</div>
            }
        </div>
    }
}

/// What this is and how to read it: open on a first visit, one click
/// away afterwards.
pub(crate) fn intro(open: &UseStateHandle<bool>) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if !el.open() {
                save(STORE_INTRO, "1");
            }
            open.set(el.open());
        })
    };
    html! {
        <details class="intro" id="intro" open={**open} {ontoggle}>
            <summary>{ "What is this, and how do I read it?" }</summary>
            <p>{ "Before Linux runs a BPF program it proves it safe: the verifier walks every path,                   keeping the state of each register, stack slot and acquired reference, and pushes                   the other side of each branch on a worklist to come back to. veristep runs a model                   of that verifier (Linux 5.19, 6.1 and 6.12) on your program and lets you step                   through the walk." }</p>
            <ul>
                <li><strong>{ "Program" }</strong>{ " (left): BPF assembly as the kernel log prints it; edit it, or pick an example or a lesson." }</li>
                <li><strong>{ "Verdict" }</strong>{ ": accepted, or the kernel's own message with the line it names, in plain words below." }</li>
                <li><strong>{ "Stepper" }</strong>{ ": ◀ ▶ (or ← →) walk the verifier one instruction at a time; the buttons below jump to the next branch, pop, callback, acquire, release or the rejection." }</li>
                <li><strong>{ "Listing" }</strong>{ ": the instruction being checked is highlighted; visits count how often the walk came back." }</li>
                <li><strong>{ "Frames, registers, references, worklist" }</strong>{ ": the verifier's state at this step; changed values are marked." }</li>
                <li><strong>{ "Log" }</strong>{ ": the kernel-style verifier log; click a line to go to its step." }</li>
                <li><strong>{ "Exploration graph, control-flow graph" }</strong>{ ": the states the walk stored, the branches it pushed and resumed, the paths it pruned; the blocks coloured by how often they were walked. Click a node or a block to go there; " }<em>{ "why?" }</em>{ " beside a register shows where its value came from." }</li>
            </ul>
            <p class="muted">{ "Press ? for the keys. The compare strip shows where kernels part." }</p>
        </details>
    }
}

/// The text format in one screen (the contract is ASM.md).
pub(crate) fn format_guide() -> Html {
    const ROWS: &[(&str, &str)] = &[
        ("; comment", "from ;, # or // to the end of the line"),
        (".prog_type sched_cls", "program type: socket_filter, kprobe, sched_cls (tc), sched_act, tracepoint, xdp, cgroup_skb, raw_tracepoint, syscall"),
        (".license \"GPL\"", "licence (GPL-only helpers need a GPL-compatible one)"),
        (".map m hash key=4 value=16 entries=8", "a map; also array, percpu_array, lru_hash, prog_array, sockmap…; lock=OFF / timer=OFF place a bpf_spin_lock / bpf_timer in the value"),
        (".map rb ringbuf entries=4096", "a ring buffer (entries in bytes)"),
        ("r1 = m ll", "load a map's address (64-bit load)"),
        ("r2 = my_cb ll", "load a callback's address: the label starts a subprogram"),
        ("call bpf_loop", "call a helper by name (or call 181, call bpf_loop#181)"),
        ("call my_sub", "call a static subprogram (bpf-to-bpf)"),
        ("my_cb:", "a label; 1: … goto 1b / 1f for numeric ones"),
        ("if r0 == 0 goto out", "conditional jump: == != > >= < <= s> s>= s< s<= &; w registers for 32 bits"),
        ("r0 = *(u64 *)(r10 - 8)", "load; *(u32 *)(r1 + 4) = r2 stores; u8 u16 u32 u64"),
        ("lock *(u64 *)(r10 - 8) += r1", "atomic add (also &=, |=, ^=, atomic_fetch_add, xchg_64, cmpxchg_64)"),
        ("exit", "return R0; main starts at the first instruction"),
    ];
    html! {
        <div class="format-guide" id="format-guide" role="region" aria-label="text format guide">
            <table>
                { for ROWS.iter().map(|(code, what)| html! {
                    <tr><td><code>{ *code }</code></td><td>{ *what }</td></tr>
                }) }
            </table>
            <p>{ "Lines pasted from a kernel log (12: (85) call …) or a whole llvm-objdump -d listing keep only their instructions; a kernel selftest's asm body pastes as written (%[name] operands, l0_%= labels)." }</p>
        </div>
    }
}

/// The lesson being followed: its step's paragraph, goal, question, the
/// way on, and (for the presenter) the follow-along link.
pub(crate) fn lesson_panel(
    m: &Model,
    d: &UseReducerDispatcher<Model>,
    present: bool,
    room: &UseStateHandle<String>,
) -> Html {
    let Some(l) = m.lesson.as_ref() else {
        return html! {};
    };
    let step = l.step();
    let n = l.lesson.steps.len();
    let go = |i: usize| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::LessonGo(i)))
    };
    let follow = follow_link(room, &l.lesson.id, l.index + 1);
    let question = step.question.as_ref().map(|q| {
        let answered = l.answer;
        html! {
            <fieldset class="question" id="lesson-question">
                <legend>{ q.prompt.clone() }</legend>
                { for q.choices.iter().enumerate().map(|(i, c)| {
                    let d = d.clone();
                    let pick = Callback::from(move |_: Event| d.dispatch(Action::Answer(i)));
                    html! {
                        <label class="choice">
                            <input type="radio" name="lesson-choice" checked={answered == Some(i)} onchange={pick} />
                            { c.clone() }
                        </label>
                    }
                }) }
                { match answered {
                    Some(a) if a == q.answer => html! { <div class="answer ok" id="lesson-answer">{ format!("Right. {}", q.explain.clone().unwrap_or_default()) }</div> },
                    Some(_) => html! { <div class="answer bad" id="lesson-answer">{ "Not quite — look at the views again." }</div> },
                    None => html! {},
                } }
            </fieldset>
        }
    });
    let can = l.can_advance();
    html! {
        <section class="lesson" id="lesson" aria-label="lesson">
            <div class="lesson-head">
                <strong>{ l.lesson.title.clone() }</strong>
                <span id="lesson-progress">{ format!(" · step {} of {}", l.index + 1, n) }</span>
                <button class="link" aria-label="leave the lesson" onclick={ { let d = d.clone(); Callback::from(move |_| d.dispatch(Action::EndLesson)) } }>{ "leave" }</button>
            </div>
            <h2 id="lesson-title">{ step.title.clone() }</h2>
            { for step.prose.split("\n\n").map(|p| html! { <p>{ p.to_string() }</p> }) }
            <div class={if l.reached { "goal ok" } else { "goal" }} id="lesson-goal">
                { if l.reached { "✓ Goal reached.".to_string() } else { format!("Goal: {}", step.hint.clone().unwrap_or_else(|| "follow the paragraph above".into())) } }
            </div>
            { question.unwrap_or_default() }
            <div class="lesson-nav">
                <button id="lesson-back" aria-label="previous lesson step" disabled={l.index == 0}
                    onclick={go(l.index.saturating_sub(1))}>{ "◀ Back" }</button>
                if l.index + 1 < n {
                    <button id="lesson-next" aria-label="next lesson step" disabled={!can} onclick={go(l.index + 1)}>{ "Next ▶" }</button>
                } else if can {
                    <span class="done" id="lesson-done">{ "Lesson complete." }</span>
                }
            </div>
            if present { { follow_along(&follow, room) } }
        </section>
    }
}
