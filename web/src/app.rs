//! The Yew views: editor, stepper, listing, worklist, frames, registers and
//! stack, references, verdict, compare strip, log, examples, share links.

use crate::browser::*;
use crate::editor::Editor;
use crate::examples::{self, EXAMPLES};
use crate::face::{Face, Pane, Theme};
use crate::lesson::Catalogue;
use crate::model::{Action, Model, Outbox, ALL_KERNELS};
use crate::panels::{FramesPanel, ListingPanel, LogPanel, RefsPanel, RegsPanel, WorklistPanel};
use crate::pictures::{CfgPanel, GraphPanel};
use crate::protocol::Request;
use crate::share;
use crate::teach::*;
use crate::worker::VerifierWorker;
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use veristep_core::trace::EventKind;
use veristep_core::KernelVersion;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// How long typing must pause before the text is verified.
const EDIT_DEBOUNCE_MS: u32 = 250;
/// The page's end of the verifier worker. Requests made before the worker
/// is spawned (the first render's) wait in the queue.
#[derive(Default)]
struct Link {
    bridge: RefCell<Option<WorkerBridge<VerifierWorker>>>,
    queue: RefCell<Vec<Request>>,
}

impl Link {
    fn send(&self, r: Request) {
        match self.bridge.borrow().as_ref() {
            Some(b) => b.send(r),
            None => self.queue.borrow_mut().push(r),
        }
    }
}

/// The first state: a share link, else what the user had, else the first example.
/// An embed starts from its link or attributes, never from the user's own
/// playground text.
fn initial(outbox: Outbox, embed: bool) -> Model {
    let saved_text = storage()
        .filter(|_| !embed)
        .and_then(|s| s.get_item(STORE_TEXT).ok().flatten());
    let saved_kernel = storage()
        .filter(|_| !embed)
        .and_then(|s| s.get_item(STORE_KERNEL).ok().flatten())
        .and_then(|k| KernelVersion::parse(&k));
    // A host page may name an example and a kernel
    // (`<div id="veristep" data-example="timer" data-kernel="6.7">`).
    let hosted = host()
        .and_then(|h| h.get_attribute("data-example"))
        .and_then(|id| examples::by_id(&id));
    let text = match hosted {
        Some(ex) => ex.text.to_string(),
        None => saved_text.unwrap_or_else(|| EXAMPLES[0].text.to_string()),
    };
    let hosted_kernel = host()
        .and_then(|h| h.get_attribute("data-kernel"))
        .and_then(|k| KernelVersion::parse(&k));
    let kernel = hosted_kernel.or(saved_kernel).unwrap_or_default();
    let frag = fragment();
    if frag.is_empty() {
        return Model::new(text, kernel, None, outbox);
    }
    match share::decode(&frag) {
        Ok(s) => Model::new(s.text, s.kernel, Some(s.step), outbox),
        Err(e) => Model::new(text, kernel, None, outbox).apply(Action::Banner(Some(format!(
            "This share link cannot be opened ({}); your own program is kept.",
            e
        )))),
    }
}

pub fn start() {
    // the static shell painted before the wasm arrived gives way to the app
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    match host() {
        Some(h) => yew::Renderer::<App>::with_root(h).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

const JUMP_KINDS: [EventKind; 9] = [
    EventKind::Push,
    EventKind::Pop,
    EventKind::Prune,
    EventKind::Call,
    EventKind::CallbackEnter,
    EventKind::Return,
    EventKind::Acquire,
    EventKind::Release,
    EventKind::Reject,
];

/// Reads a dropped or picked `.o` file and opens it.
fn open_file(file: web_sys::File, d: UseReducerDispatcher<Model>) {
    const MAX_OBJECT: f64 = 64.0 * 1024.0 * 1024.0;
    const MAX_LOG: f64 = 256.0 * 1024.0 * 1024.0;
    let name = file.name();
    // a kernel's verifier log, dropped or picked
    if name.ends_with(".log") || name.ends_with(".txt") {
        if file.size() > MAX_LOG {
            d.dispatch(Action::Banner(Some(format!(
                "{name} is larger than 256 MB"
            ))));
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(t) => d.dispatch(Action::ReadLog(t.as_string().unwrap_or_default(), false)),
                Err(_) => d.dispatch(Action::Banner(Some(format!("{name} cannot be read")))),
            }
        });
        return;
    }
    if file.size() > MAX_OBJECT {
        d.dispatch(Action::Banner(Some(format!("{name} is larger than 64 MB"))));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                d.dispatch(Action::OpenObject(name, bytes));
            }
            Err(_) => d.dispatch(Action::Banner(Some(format!("{name} cannot be read")))),
        }
    });
}

/// The CO-RE relocations libbpf applied for the shown kernel: what each
/// relocated instruction became (or that it was poisoned).
fn relocations(m: &Model) -> Html {
    let Some(run) = m.run.as_ref().filter(|r| !r.relocations.is_empty()) else {
        return html! {};
    };
    let kernel = veristep_core::relo_core::btf_kernel(run.kernel);
    html! {
        <details class="relocations" id="core-relocations">
            <summary>{ format!("{} CO-RE relocation{} applied for Linux {}'s BTF",
                run.relocations.len(), if run.relocations.len() == 1 { "" } else { "s" }, kernel) }</summary>
            <ul>{ for run.relocations.iter().map(|r| html! { <li><code>{ r.clone() }</code></li> }) }</ul>
        </details>
    }
}

/// The opened object: which program is shown, and the way to edit it.
fn object_bar(m: &Model, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(o) = m.object.as_ref() else {
        return html! {};
    };
    let choose = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = s.value().parse() {
                d.dispatch(Action::ChooseProgram(i));
            }
        })
    };
    let p = &o.programs[o.chosen.min(o.programs.len() - 1)];
    html! {
        <div class="object" id="object">
            <label>{ format!("{}: program ", o.file) }
                <select id="object-program" aria-label="program of the object" onchange={choose}>
                    { for o.programs.iter().enumerate().map(|(i, p)| html! {
                        <option value={i.to_string()} selected={i == o.chosen}>{ format!("{} ({})", p.name, p.section) }</option>
                    }) }
                </select>
            </label>
            if m.readonly {
                <button id="edit-as-text" aria-label="edit the program as text"
                    onclick={ { let d = d.clone(); Callback::from(move |_| d.dispatch(Action::EditAsText)) } }>{ "Edit as text" }</button>
            }
            if let Some(n) = o.libbpf_note.clone() { <div class="note" id="libbpf-note">{ n }</div> }
            if let Some(n) = p.note.clone() { <div class="note">{ n }</div> }
            { load_settings(m, d) }
            { relocations(m) }
        </div>
    }
}

/// What a loader sets before the load (`--attach-target`, `--map-entries`
/// on the command line): the BTF-typed program's attach target and the
/// sizes of its maps. Open when the object cannot load without them.
/// The types offered for a program whose section gives libbpf none (any
/// `TYPE[/HOOK]` of the text format's `.prog_type` may be typed).
const PROG_TYPE_CHOICES: &[&str] = &[
    "sched_cls",
    "sched_act",
    "xdp",
    "socket_filter",
    "cgroup_skb",
    "cgroup_skb/egress",
    "cgroup_sock",
    "cgroup_sock_addr/connect4",
    "cgroup_sock_addr/connect6",
    "cgroup_sock_addr/sendmsg4",
    "sock_ops",
    "sk_skb",
    "sk_msg",
    "kprobe",
    "tracepoint",
    "raw_tracepoint",
    "perf_event",
];

#[derive(Properties, PartialEq)]
struct SettingInputProps {
    id: AttrValue,
    /// The setting's value in the model.
    value: AttrValue,
    label: AttrValue,
    #[prop_or_default]
    placeholder: AttrValue,
    #[prop_or_default]
    list: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    kind: AttrValue,
    /// The text when it is committed (Enter, or leaving the field).
    on_commit: Callback<String>,
}

/// A load setting's field. What is typed is the field's own until it is
/// committed: a page redrawn meanwhile (a worker's answer, the panel
/// unfolding) would otherwise put the model's value back into it, as a
/// bound `value` is refreshed from the DOM on every render.
#[function_component(SettingInput)]
fn setting_input(p: &SettingInputProps) -> Html {
    let draft = use_state(|| p.value.to_string());
    {
        // a new value from the model (another program, a reload) is shown
        let draft = draft.clone();
        use_effect_with(p.value.clone(), move |v| draft.set(v.to_string()));
    }
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            draft.set(i.value());
        })
    };
    let onchange = {
        let commit = p.on_commit.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            commit.emit(i.value());
        })
    };
    // a count (map sizes) is never negative
    let min = (p.kind == "number").then_some(AttrValue::Static("0"));
    html! {
        <input id={p.id.clone()} type={p.kind.clone()} spellcheck="false" {min}
            list={p.list.clone()} aria-label={p.label.clone()} placeholder={p.placeholder.clone()}
            value={(*draft).clone()} {oninput} {onchange} />
    }
}

fn load_settings(m: &Model, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(o) = m.object.as_ref().filter(|_| m.readonly) else {
        return html! {};
    };
    let Some(p) = o.programs.get(o.chosen) else {
        return html! {};
    };
    let on_toggle = {
        let d = d.clone();
        let was = m.settings_open;
        Callback::from(move |e: Event| {
            let el: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            if el.open() != was {
                d.dispatch(Action::FoldLoadSettings(el.open()));
            }
        })
    };
    let dispatch = |f: fn(String) -> Action| {
        let d = d.clone();
        Callback::from(move |v: String| d.dispatch(f(v)))
    };
    let on_libbpf = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetLibbpf(s.value()));
        })
    };
    let global_value = |g: &veristep_core::elf::GlobalVar| {
        o.globals
            .iter()
            .find(|(n, _)| *n == g.name)
            .map_or(g.value.clone(), |(_, v)| v.clone())
    };
    let entries = |name: &str, compiled: u32| {
        o.map_entries
            .iter()
            .find(|(m, _)| m == name)
            .map_or(compiled, |(_, n)| *n)
    };
    html! {
        <details class="load-settings" id="load-settings" open={m.settings_open} ontoggle={on_toggle}>
            <summary>{ "Load settings" }</summary>
            <p class="hint">{ "What a loader sets before the load, as libbpf's \
                bpf_program__set_type(), bpf_program__set_attach_target(), \
                bpf_program__set_flags(), a skeleton's rodata and \
                bpf_map__set_max_entries() do (--prog-type, --attach-target, \
                --prog-flags, --set-global and --map-entries on the command line)." }</p>
            <label>{ "loader " }
                <select id="libbpf" aria-label="the libbpf that loads the object" onchange={on_libbpf}>
                    <option value="1.1" selected={!o.libbpf.is_1_4()}>{ "libbpf 1.1 (Debian bookworm)" }</option>
                    <option value="1.4" selected={o.libbpf.is_1_4()}>{ "libbpf 1.4 (tcx, arenas, .struct_ops.link)" }</option>
                </select>
            </label>
            if p.untyped {
                <label>{ "program type " }
                    <SettingInput id="prog-type" list={Some(AttrValue::Static("prog-types"))}
                        label={format!("the program type its loader gives it (section {} gives libbpf none), TYPE or TYPE/HOOK", p.section)}
                        placeholder="sched_cls"
                        value={p.prog_type.clone().unwrap_or_default()}
                        on_commit={dispatch(Action::SetProgType)} />
                    <datalist id="prog-types">
                        { for PROG_TYPE_CHOICES.iter().map(|t| html! { <option value={*t} /> }) }
                    </datalist>
                </label>
            }
            <label>{ "program flags " }
                <SettingInput id="prog-flags" list={Some(AttrValue::Static("prog-flag-names"))}
                    label="load flags its loader adds (bpf_program__set_flags), names joined by | or a number"
                    placeholder="BPF_F_TEST_STATE_FREQ"
                    value={p.prog_flags.clone().unwrap_or_default()}
                    on_commit={dispatch(Action::SetProgFlags)} />
                <datalist id="prog-flag-names">
                    { for veristep_core::program::ProgFlags::NAMES.iter().map(|(n, _)| html! { <option value={format!("BPF_F_{n}")} /> }) }
                </datalist>
            </label>
            if p.btf_typed {
                <label>{ "attach target " }
                    <SettingInput id="attach-target"
                        label="the kernel function, hook or tracepoint the program attaches to"
                        placeholder="do_unlinkat"
                        value={p.attach_target.clone().unwrap_or_default()}
                        on_commit={dispatch(Action::SetAttachTarget)} />
                </label>
            }
            if !o.rodata_globals.is_empty() {
                <table class="map-sizes rodata-globals">
                    <tr><th>{ "const volatile" }</th><th>{ "value" }</th></tr>
                    { for o.rodata_globals.iter().enumerate().map(|(i, g)| {
                        let on_value = {
                            let d = d.clone();
                            let name = g.name.clone();
                            Callback::from(move |v: String| d.dispatch(Action::SetGlobal(name.clone(), v)))
                        };
                        html! {
                            <tr>
                                <td><code>{ g.name.clone() }</code></td>
                                <td><SettingInput id={format!("global-{i}")}
                                    label={format!("the {} of {} ({}, {} bytes)",
                                        if g.text { "text" } else { "value" }, g.name, g.section, g.size)}
                                    placeholder={if g.text { "text" } else { "" }}
                                    value={global_value(g)}
                                    on_commit={on_value} /></td>
                            </tr>
                        }
                    }) }
                </table>
            }
            if !p.maps.is_empty() {
                <table class="map-sizes">
                    <tr><th>{ "map" }</th><th>{ "max_entries" }</th></tr>
                    { for p.maps.iter().enumerate().map(|(i, (name, compiled))| {
                        let on_entries = {
                            let d = d.clone();
                            let name = name.clone();
                            Callback::from(move |v: String| {
                                if let Ok(n) = v.trim().parse::<u32>() {
                                    d.dispatch(Action::SetMapEntries(name.clone(), n));
                                }
                            })
                        };
                        html! {
                            <tr>
                                <td><code>{ name.clone() }</code></td>
                                <td><SettingInput id={format!("map-entries-{i}")} kind="number"
                                    label={format!("max_entries of {name}")}
                                    value={entries(name, *compiled).to_string()}
                                    on_commit={on_entries} /></td>
                            </tr>
                        }
                    }) }
                </table>
            }
        </details>
    }
}

/// The playground's address with this state in its fragment.
fn playground_link(m: &Model) -> String {
    let f = share::encode(&share::Shared {
        text: m.text.clone(),
        kernel: m.kernel,
        step: m.step,
    });
    format!("{}#{}", asset_url("./"), f)
}

#[function_component(App)]
fn app() -> Html {
    let face = use_memo((), |_| Face::from_query(&search()));
    let link = use_memo((), |_| Link::default());
    let model = use_reducer({
        let link = link.clone();
        let embed = face.embed;
        move || initial(Outbox::new(move |r| link.send(r)), embed)
    });
    // The verifier runs in a worker; its replies are actions.
    {
        let d = model.dispatcher();
        let link = link.clone();
        use_effect_with((), move |_| {
            let mut spawner = VerifierWorker::spawner();
            spawner.callback(move |reply| d.dispatch(Action::Reply(Box::new(reply))));
            let shim = asset_url("veristep-worker.js");
            let bridge = match worker_loader_url(&shim) {
                Some(loader) => spawner.spawn_with_loader(&loader),
                None => spawner.spawn(&shim),
            };
            bridge.send(Request::Assets {
                base: asset_url("."),
            });
            for r in link.queue.take() {
                bridge.send(r);
            }
            *link.bridge.borrow_mut() = Some(bridge);
        });
    }
    let help = use_state(|| false);
    // the introduction is open until its first reader closes it
    let intro_open = use_state(|| {
        storage()
            .and_then(|s| s.get_item(STORE_INTRO).ok().flatten())
            .is_none()
    });
    let guide = use_state(|| false);
    let log_open = use_state(|| false);
    let log_text = use_state_eq(String::new);
    let log_against = use_state_eq(|| false);
    let room = use_state(initial_room);
    // the share panel: the link and embed snippets, once Share is clicked
    let shared = use_state(|| None::<SharePanel>);
    // a host page's theme wins (an embed in a light book stays light)
    let dark = use_state(|| match face.theme {
        Some(t) => t == Theme::Dark,
        None => initial_dark(),
    });
    let font = use_state(|| initial_font(face.present));
    let catalogue = use_state(|| None::<Catalogue>);

    // A lesson named in the address opens at its step; the playground
    // lists the lessons.
    {
        let d = model.dispatcher();
        let face = face.clone();
        let catalogue = catalogue.clone();
        use_effect_with((), move |_| {
            if let Some(id) = face.lesson.clone() {
                open_lesson(id, face.lesson_step, d);
            }
            if !face.embed {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(c) = fetch_text("lessons/index.json").await.and_then(|t| {
                        serde_json::from_str::<Catalogue>(&t).map_err(|e| e.to_string())
                    }) {
                        catalogue.set(Some(c));
                    }
                });
            }
        });
    }

    // keep the user's work (not an embed's: it must not overwrite it)
    {
        let text = model.text.clone();
        let kernel = model.kernel;
        let embed = face.embed;
        use_effect_with((text, kernel), move |(text, kernel)| {
            if let Some(s) = storage().filter(|_| !embed) {
                let _ = s.set_item(STORE_TEXT, text);
                let _ = s.set_item(STORE_KERNEL, kernel.name());
            }
        });
    }
    // An embed tells its host page its height after every render and
    // whenever its box changes size; it follows the host's theme.
    {
        let embed = face.embed;
        use_effect(move || {
            if embed {
                post_height();
            }
        });
    }
    {
        let embed = face.embed;
        let dark = dark.clone();
        use_effect_with((), move |_| {
            if embed {
                observe_height();
                listen_for_theme(dark);
            }
        });
    }

    let d = model.dispatcher();
    // Editing re-verifies once typing pauses (each keystroke restarts the wait).
    {
        let d = d.clone();
        use_effect_with((model.text.clone(), model.dirty), move |(_, dirty)| {
            let later = dirty.then(|| {
                gloo_timers::callback::Timeout::new(EDIT_DEBOUNCE_MS, move || {
                    d.dispatch(Action::Reverify)
                })
            });
            move || drop(later)
        });
    }
    let act = |a: Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let onkey = {
        let d = d.clone();
        let help = help.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Keys typed into the editor or a form control are theirs.
            let target = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
            let typing = target.is_some_and(|el| {
                matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT")
                    || el.closest(".cm-editor").ok().flatten().is_some()
            });
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let a = match e.key().as_str() {
                "Escape" if *help => {
                    help.set(false);
                    return;
                }
                "ArrowRight" | "l" => Action::Step(1),
                "ArrowLeft" | "h" => Action::Step(-1),
                "Home" => Action::First,
                "End" => Action::Last,
                "n" => Action::NextEvent(EventKind::Push, true),
                "p" => Action::NextEvent(EventKind::Pop, true),
                "c" => Action::NextEvent(EventKind::CallbackEnter, true),
                "a" => Action::NextEvent(EventKind::Acquire, true),
                "r" => Action::NextEvent(EventKind::Release, true),
                "x" => Action::NextEvent(EventKind::Reject, true),
                "?" => {
                    help.set(!*help);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            d.dispatch(a);
        })
    };
    let on_text = {
        let d = d.clone();
        Callback::from(move |t: String| d.dispatch(Action::Edit(t)))
    };
    // Keys work on arrival and after a choice: the app root takes the
    // focus (a select keeps it otherwise, and swallows the next key).
    let root = use_node_ref();
    {
        let root = root.clone();
        let embed = face.embed;
        use_effect_with((), move |_| {
            if !embed {
                refocus(&root);
            }
            forward_stray_keys(root);
        });
    }
    let on_kernel = {
        let d = d.clone();
        let root = root.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = KernelVersion::parse(&s.value()) {
                d.dispatch(Action::SetKernel(k));
            }
            refocus(&root);
        })
    };
    let on_level = {
        let d = d.clone();
        let root = root.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetLogLevel(s.value().parse().unwrap_or(2)));
            refocus(&root);
        })
    };
    let on_example = {
        let d = d.clone();
        let root = root.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Some(ex) = examples::by_id(&s.value()) {
                d.dispatch(Action::Load(ex.text.to_string(), KernelVersion::V6_1, 0));
            }
            refocus(&root);
        })
    };
    let on_scrub = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            d.dispatch(Action::Goto(i.value().parse().unwrap_or(0)));
        })
    };
    let on_share = {
        let m = model.clone();
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| {
            let f = share::encode(&share::Shared {
                text: m.text.clone(),
                kernel: m.kernel,
                step: m.step,
            });
            if let Some(w) = web_sys::window() {
                let loc = w.location();
                let _ = loc.set_hash(&f);
                let page = format!(
                    "{}{}",
                    loc.origin().unwrap_or_default(),
                    loc.pathname().unwrap_or_default()
                );
                shared.set(Some(SharePanel::new(&page, &f, &m.text, m.kernel, m.step)));
            }
        })
    };
    let toggle_dark = {
        let dark = dark.clone();
        Callback::from(move |_: MouseEvent| {
            // Stored only once chosen: until then the system's theme rules.
            save(STORE_THEME, if *dark { "light" } else { "dark" });
            dark.set(!*dark)
        })
    };
    let bigger = {
        let font = font.clone();
        Callback::from(move |_: MouseEvent| {
            let f = (*font + 2).min(28);
            save(STORE_FONT, &f.to_string());
            font.set(f)
        })
    };
    let smaller = {
        let font = font.clone();
        Callback::from(move |_: MouseEvent| {
            let f = (*font).saturating_sub(2).max(10);
            save(STORE_FONT, &f.to_string());
            font.set(f)
        })
    };

    let (view, run) = (model.view.clone(), model.run.clone());
    let len = model.len();
    let on_lesson = {
        let d = d.clone();
        let root = root.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            let id = s.value();
            if !id.is_empty() {
                open_lesson(id, 0, d.clone());
            }
            refocus(&root);
        })
    };
    let on_pick = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = i.files().and_then(|l| l.get(0)) {
                open_file(f, d.clone());
            }
            i.set_value("");
        })
    };
    // a .o dropped anywhere on the playground opens
    let on_drop = {
        let d = d.clone();
        let embed = face.embed;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if embed {
                return;
            }
            if let Some(f) = e
                .data_transfer()
                .and_then(|t| t.files())
                .and_then(|l| l.get(0))
            {
                open_file(f, d.clone());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let shows = |p: Pane| face.shows(p);
    // An explicit class either way, so a light choice wins over a dark system.
    let mut class = String::from(if *dark { "app dark" } else { "app light" });
    if face.embed {
        class.push_str(" embed");
    }
    if face.present {
        class.push_str(" present");
    }
    if model.busy().is_some() || model.dirty {
        // the views still show the previous run: say so until the new one lands
        class.push_str(" stale");
    }
    let kernel_select = html! {
        <label>{ "Kernel " }
            <select aria-label="kernel" id="kernel" onchange={on_kernel}>
                { for ALL_KERNELS.iter().map(|k| html! {
                    <option value={k.name()} selected={*k == model.kernel}>{ k.name() }</option>
                }) }
            </select>
        </label>
    };
    let header = if face.embed {
        html! {
            <header class="compact">
                { kernel_select }
                <a id="open-playground" class="open" href={playground_link(&model)} target="_blank" rel="noopener"
                    aria-label="open in the veristep playground">{ "Open in playground ↗" }</a>
            </header>
        }
    } else {
        html! {
            <header>
                <h1>{ "veristep" }</h1>
                <span class="tagline" id="tagline">{ "step through the Linux BPF verifier, state by state" }</span>
                { kernel_select }
                <label>{ "Log " }
                    <select aria-label="log level" onchange={on_level}>
                        <option value="1" selected={model.log_level == 1}>{ "level 1" }</option>
                        <option value="2" selected={model.log_level == 2}>{ "level 2" }</option>
                    </select>
                </label>
                <label>{ "Examples " }
                    <select aria-label="examples" id="examples" onchange={on_example}>
                        <option value="" selected=true>{ "choose…" }</option>
                        { for EXAMPLES.iter().map(|e| html! { <option value={e.id}>{ e.title }</option> }) }
                    </select>
                </label>
                if let Some(c) = (*catalogue).clone() {
                    <label>{ "Lessons " }
                        <select aria-label="lessons" id="lessons" onchange={on_lesson}>
                            <option value="" selected=true>{ "choose…" }</option>
                            { for c.lessons.iter().map(|e| html! { <option value={e.id.clone()}>{ e.title.clone() }</option> }) }
                        </select>
                    </label>
                }
                <label class="file">{ "Open .o / .log " }
                    <input type="file" id="open-object" accept=".o,application/x-object,.log,.txt" aria-label="open a clang-compiled BPF object or a kernel's verifier log" onchange={on_pick} />
                </label>
                <button id="kernel-log" aria-label="step through a kernel's verifier log"
                    aria-expanded={if *log_open { "true" } else { "false" }}
                    onclick={ { let o = log_open.clone(); Callback::from(move |_| o.set(!*o)) } }>{ "Kernel log" }</button>
                <button id="share" aria-label="share link" onclick={on_share}>{ "Share" }</button>
                <button aria-label="dark theme" onclick={toggle_dark}>{ "◐" }</button>
                <button aria-label="smaller text" onclick={smaller}>{ "A-" }</button>
                <button aria-label="larger text" onclick={bigger}>{ "A+" }</button>
                <button aria-label="keyboard help" onclick={ { let h = help.clone(); Callback::from(move |_| h.set(!*h)) } }>{ "?" }</button>
            </header>
        }
    };
    html! {
        <div class={class} style={format!("font-size: {}px", *font)} tabindex="0" onkeydown={onkey} ref={root}
            ondrop={on_drop} ondragover={on_dragover}
            aria-busy={if model.working() { "true" } else { "false" }}>
            { header }
            { share_panel(&shared) }
            if *log_open && !face.embed { { log_panel(&d, &log_open, &log_text, &log_against, model.kernel) } }
            if let Some(b) = model.banner.clone() {
                <div class="banner" role="alert" id="banner">
                    { b }
                    <button aria-label="dismiss" onclick={act(Action::Banner(None))}>{ "×" }</button>
                </div>
            }
            if *help {
                // a click anywhere outside the help closes it
                <div class="help-backdrop" id="help-backdrop"
                    onclick={ { let h = help.clone(); Callback::from(move |_| h.set(false)) } }></div>
                <div class="help" role="dialog" aria-label="keyboard shortcuts">
                    <h2>{ "Keyboard" }</h2>
                    <ul>
                        <li>{ "← / h, → / l: previous / next step" }</li>
                        <li>{ "Home / End: first / last step" }</li>
                        <li>{ "n: next branch pushed · p: next state popped · c: next callback entry" }</li>
                        <li>{ "a: next acquire · r: next release · x: the rejection" }</li>
                        <li>{ "click an instruction: run to its next visit · ? or Esc: close this help" }</li>
                        <li>{ "in the editor, Tab indents: press Esc, then Tab, to move on" }</li>
                    </ul>
                    <button id="help-close" aria-label="close help" onclick={ { let h = help.clone(); Callback::from(move |_| h.set(false)) } }>{ "Close" }</button>
                </div>
            }
            if !face.embed && !face.present { { intro(&intro_open) } }
            <div class={if face.present { "stage" } else { "flow" }}>
            { lesson_panel(&model, &d, face.present, &room) }
            <main class={if shows(Pane::Program) || shows(Pane::Compare) { "" } else { "single" }}>
                if shows(Pane::Program) || shows(Pane::Compare) {
                    <section class="editor" aria-label="program">
                        { object_bar(&model, &d) }
                        if shows(Pane::Program) && !face.embed {
                            <div class="editor-bar">
                                <button class="link" id="format-guide-toggle" aria-expanded={if *guide { "true" } else { "false" }}
                                    aria-controls="format-guide"
                                    onclick={ { let g = guide.clone(); Callback::from(move |_| g.set(!*g)) } }>
                                    { if *guide { "Hide the format guide" } else { "Format guide: how to write a program" } }
                                </button>
                            </div>
                            if *guide { { format_guide() } }
                        }
                        if shows(Pane::Program) {
                            <Editor text={model.text.clone()} diagnostics={model.editor_marks()}
                                current_line={model.current_line()} on_change={on_text} readonly={face.readonly || model.readonly} />
                            if !face.embed { { about(&model) } }
                            { diagnostics(&model) }
                        }
                        if shows(Pane::Compare) { { compare_strip(&model, &d) } }
                    </section>
                }
                <section class="stepper" aria-label="stepper">
                    { progress(&model, act(Action::Cancel)) }
                    if shows(Pane::Verdict) { { verdict(&model) } }
                    <div class="controls">
                        <button id="first" aria-label="first step" onclick={act(Action::First)}>{ "|◀" }</button>
                        <button id="prev" aria-label="previous step" onclick={act(Action::Step(-1))}>{ "◀" }</button>
                        <button id="next" aria-label="next step" disabled={model.is_empty()} onclick={act(Action::Step(1))}>{ "▶" }</button>
                        <button id="last" aria-label="last step" onclick={act(Action::Last)}>{ "▶|" }</button>
                        <input type="range" id="scrubber" aria-label="step" min="0" max={len.to_string()}
                            value={model.step.to_string()} oninput={on_scrub} />
                        <span id="position">{ format!("step {} / {}", model.step, len) }</span>
                    </div>
                    <p id="narration" class="narration" aria-live="polite">
                        { model.view.as_ref().map(|v| v.narration.clone()).unwrap_or_default() }
                    </p>
                    <div class="jumps">
                        { for JUMP_KINDS.iter().map(|k| html! {
                            <span class="jump">
                                <button aria-label={format!("previous {}", EventKind::label(*k))}
                                    disabled={!model.can_jump(*k, false)}
                                    onclick={act(Action::NextEvent(*k, false))}>{ "‹" }</button>
                                <span>{ EventKind::label(*k) }</span>
                                <button id={format!("next-{:?}", k).to_lowercase()}
                                    aria-label={format!("next {}", EventKind::label(*k))}
                                    disabled={!model.can_jump(*k, true)}
                                    onclick={act(Action::NextEvent(*k, true))}>{ "›" }</button>
                            </span>
                        }) }
                    </div>
                    <div class="panes">
                        if let (true, Some(view), Some(run)) = (shows(Pane::Listing), view.clone(), run.clone()) {
                            <ListingPanel {view} {run} dispatch={d.clone()} origin={model.origin.clone()} />
                        }
                        if let Some(view) = view.clone() {
                            <div class="state">
                                if shows(Pane::Frames) { <FramesPanel view={view.clone()} dispatch={d.clone()} /> }
                                if shows(Pane::Regs) { <RegsPanel view={view.clone()} frame={model.frame} dispatch={d.clone()} origin={model.origin.clone()} /> }
                                if shows(Pane::Refs) { <RefsPanel view={view.clone()} dispatch={d.clone()} /> }
                                if shows(Pane::Worklist) { <WorklistPanel {view} dispatch={d.clone()} /> }
                            </div>
                        } else {
                            <div class="state"></div>
                        }
                    </div>
                    if let Some(run) = run.clone().filter(|r| !r.graph.nodes.is_empty()) {
                        <div class="pictures">
                            if shows(Pane::Graph) { <GraphPanel run={run.clone()} step={model.step} insn={model.current_insn()} dispatch={d.clone()} /> }
                            if shows(Pane::Cfg) { <CfgPanel {run} step={model.step} insn={model.current_insn()} dispatch={d.clone()} /> }
                        </div>
                    }
                    if let (true, Some(view), Some(run)) = (shows(Pane::Log), view.clone(), run.clone()) {
                        <LogPanel {view} {run} dispatch={d.clone()} />
                    }
                </section>
            </main>
            </div>
        </div>
    }
}

/// Paste a real kernel's verifier log (or drop a .log file) and step
/// through it in the same views; optionally beside the editor's program.
fn log_panel(
    d: &UseReducerDispatcher<Model>,
    open: &UseStateHandle<bool>,
    text: &UseStateHandle<String>,
    against: &UseStateHandle<bool>,
    kernel: KernelVersion,
) -> Html {
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let t: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            text.set(t.value());
        })
    };
    let on_against = {
        let against = against.clone();
        Callback::from(move |e: Event| {
            let i: HtmlInputElement = e.target_unchecked_into();
            against.set(i.checked());
        })
    };
    let go = {
        let d = d.clone();
        let text = text.clone();
        let against = against.clone();
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            if !text.trim().is_empty() {
                d.dispatch(Action::ReadLog((*text).clone(), *against));
                open.set(false);
            }
        })
    };
    html! {
        <section class="log-panel" id="log-panel" aria-label="read a kernel's verifier log">
            <h2>{ "Step through a kernel's verifier log" }</h2>
            <p>{ "Paste the log of any 5.x–6.x kernel (level 1 or 2; libbpf's or bpftool's output is fine), or drop a .log file on the page." }</p>
            <textarea id="kernel-log-input" aria-label="the kernel's verifier log" rows="8"
                placeholder={"0: R1=ctx() R10=fp0\n0: (b7) r0 = 0 ; R0_w=0\n…"} oninput={on_input} value={(**text).clone()} />
            <label><input type="checkbox" id="log-against" checked={**against} onchange={on_against} />
                { format!(" beside the program in the editor, walked by veristep's {} mode", kernel.name()) }</label>
            <div>
                <button id="read-log" onclick={go} disabled={text.trim().is_empty()}>{ "Step through the log" }</button>
                <button onclick={ { let o = open.clone(); Callback::from(move |_| o.set(false)) } }>{ "Close" }</button>
            </div>
        </section>
    }
}

/// Steps walked over all three kernels (each stops at 1 000 000 insns).
const PROGRESS_MAX: usize = 3_000_000;

fn progress(m: &Model, cancel: Callback<MouseEvent>) -> Html {
    let Some(n) = m.busy() else {
        return html! {};
    };
    html! {
        <div class="progress" id="progress" role="status" aria-live="polite">
            { format!("Verifying with {} and comparing kernels… {} steps walked ", m.kernel.name(), n) }
            <progress aria-label="verification progress" max={PROGRESS_MAX.to_string()} value={n.min(PROGRESS_MAX).to_string()} />
            <button id="cancel" aria-label="cancel verification" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}

fn about(m: &Model) -> Html {
    match EXAMPLES.iter().find(|e| e.text == m.text) {
        Some(e) => {
            html! { <div class="about" id="about"><strong>{ e.title }</strong>{ ": " }{ e.about }</div> }
        }
        None => html! {},
    }
}

fn diagnostics(m: &Model) -> Html {
    if m.diagnostics.is_empty() {
        // a verified text read otherwise than written says so below it
        let warnings = match m.run.as_ref() {
            Some(run) if !m.dirty && !run.warnings.is_empty() => &run.warnings,
            _ => return html! {},
        };
        return html! {
            <ul class="diagnostics warnings" id="warnings" aria-label="warnings about the program text">
                { for warnings.iter().map(|d| html! {
                    <li>{ format!("line {}:{}: warning: {}", d.line, d.col, d.message) }</li>
                }) }
            </ul>
        };
    }
    html! {
        <ul class="diagnostics" id="diagnostics" aria-label="errors in the program text">
            { for m.diagnostics.iter().map(|d| html! {
                <li>{ format!("line {}:{}: {}", d.line, d.col, d.message) }</li>
            }) }
        </ul>
    }
}

fn compare_strip(m: &Model, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(run) = m.run.as_ref() else {
        return html! {};
    };
    html! {
        <table class="compare" id="compare" aria-label="verdict of each kernel">
            <tr>{ for run.compare.iter().map(|c| {
                let diverge = c.diverges_at.map(|at| {
                    let d = d.clone();
                    let go = Callback::from(move |_: MouseEvent| d.dispatch(Action::Goto(at)));
                    html! { <button class="link" aria-label={format!("go to step {} where {} walks differently", at, c.kernel.name())}
                        title="the first step where this kernel's walk differs from the shown one" onclick={go}>
                        { format!("differs at step {}", at) }</button> }
                });
                if c.pending {
                    return html! {
                        <td class="pending" title="this kernel's walk is still under way">
                            { format!("{}: checking…", c.kernel.name()) }
                        </td>
                    };
                }
                html! {
                    <td class={if c.accepted { "ok" } else { "bad" }}
                        title={c.message.clone().unwrap_or_default()}>
                        { format!("{}: {}", c.kernel.name(), if c.accepted { "accepted" } else { "rejected" }) }
                        { if c.kernel == m.kernel { html! { <span class="shown">{ " (shown)" }</span> } } else { diverge.unwrap_or_default() } }
                    </td>
                }
            }) }</tr>
        </table>
    }
}

fn verdict(m: &Model) -> Html {
    let Some(run) = m.run.as_ref() else {
        let text = if m.diagnostics.is_empty() {
            "Verifying…"
        } else {
            "The program text has errors."
        };
        return html! { <div class="verdict bad" id="verdict" role="status">{ text }</div> };
    };
    if run.from_log {
        return html! {
            <div class={if run.accepted { "verdict ok" } else { "verdict bad" }} id="verdict" role="status">
                <div class="from-log" id="from-log">{ "From the kernel's log — not veristep's walk" }</div>
                if let Some(m) = &run.message {
                    <div id="message"><code>{ m.clone() }</code></div>
                } else {
                    <div>{ format!("Accepted by the kernel — {} instructions processed.", run.processed) }</div>
                }
                <div class="explain">{ run.explanation.clone().unwrap_or_default() }</div>
                if let Some(s) = &run.story {
                    <div class="story" id="log-divergence">{ s.clone() }</div>
                }
            </div>
        };
    }
    match &run.message {
        None => html! {
            <div class="verdict ok" id="verdict" role="status">
                { format!("Accepted by {} — {} instructions processed, {} states stored.",
                    run.kernel.name(), run.processed, run.total_states) }
            </div>
        },
        Some(message) => html! {
            <div class="verdict bad" id="verdict" role="status">
                <div id="message"><code>{ message.clone() }</code></div>
                <div id="where">{ match (run.error_insn, run.error_line) {
                    (Some(i), 0) => format!("Rejected by {} at instruction {}.", run.kernel.name(), i),
                    (Some(i), line) => format!("Rejected by {} at instruction {} (line {}).", run.kernel.name(), i, line),
                    (None, _) => format!("Rejected by {} after the walk.", run.kernel.name()) } }</div>
                <div class="explain">{ run.explanation.clone().unwrap_or_default() }</div>
                { m.reference_story().map(|t| html! { <div class="story" id="story">{ t }</div> }).unwrap_or_default() }
            </div>
        },
    }
}

/// What the share panel shows: the link, and the same state as an iframe
/// and as a documentation block for `veristep-embed.js`.
#[derive(Clone, Debug, PartialEq)]
struct SharePanel {
    link: String,
    iframe: String,
    script: String,
}

impl SharePanel {
    fn new(page: &str, fragment: &str, text: &str, kernel: KernelVersion, step: usize) -> Self {
        let dir = &page[..page.rfind('/').map(|i| i + 1).unwrap_or(page.len())];
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        SharePanel {
            link: format!("{}#{}", page, fragment),
            iframe: format!(
                "<iframe src=\"{}?embed#{}\" style=\"width:100%;height:480px;border:0\" title=\"veristep\"></iframe>",
                page, fragment
            ),
            script: format!(
                "<script src=\"{}veristep-embed.js\"></script>\n<pre class=\"veristep\" data-kernel=\"{}\" data-step=\"{}\">\n{}</pre>",
                dir,
                kernel.name(),
                step,
                escaped
            ),
        }
    }
}

/// The share panel: the link with a Copy button, and embed snippets.
fn share_panel(shared: &UseStateHandle<Option<SharePanel>>) -> Html {
    let Some(p) = (**shared).clone() else {
        return html! {};
    };
    let copy = {
        let link = p.link.clone();
        Callback::from(move |_: MouseEvent| copy_text(&link))
    };
    let close = {
        let shared = shared.clone();
        Callback::from(move |_: MouseEvent| shared.set(None))
    };
    html! {
        <div class="share-panel" id="share-panel" role="dialog" aria-label="share this program">
            <label>{ "Link " }<input id="share-link" readonly=true value={p.link.clone()} /></label>
            <button id="share-copy" onclick={copy}>{ "Copy" }</button>
            <button id="share-close" aria-label="close the share panel" onclick={close}>{ "Close" }</button>
            <label class="snippet">{ "Embed in a page (iframe)" }
                <textarea id="share-iframe" readonly=true rows="2" value={p.iframe.clone()} /></label>
            <label class="snippet">{ "Embed in documentation (script)" }
                <textarea id="share-script" readonly=true rows="4" value={p.script.clone()} /></label>
        </div>
    }
}
