//! The Yew views: editor, stepper, listing, worklist, frames, registers and
//! stack, references, verdict, compare strip, log, examples, share links.

use crate::editor::Editor;
use crate::examples::{self, EXAMPLES};
use crate::face::{Face, Pane, Theme};
use crate::lesson::{Catalogue, Lesson};
use crate::model::{Action, Model, Outbox, ALL_KERNELS};
use crate::protocol::{Request, StateView};
use crate::share;
use crate::worker::VerifierWorker;
use gloo_worker::{Spawnable, WorkerBridge};
use std::cell::RefCell;
use std::rc::Rc;
use veristep_core::trace::EventKind;
use veristep_core::KernelVersion;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

const STORE_TEXT: &str = "veristep.text";
const STORE_KERNEL: &str = "veristep.kernel";
/// How long typing must pause before the text is verified.
const EDIT_DEBOUNCE_MS: u32 = 250;
const STORE_THEME: &str = "veristep.theme";
const STORE_FONT: &str = "veristep.font";
const STORE_INTRO: &str = "veristep.intro-read";
const STORE_ROOM: &str = "veristep.room-address";

/// The theme the user chose, else the system's (`prefers-color-scheme`).
fn initial_dark() -> bool {
    if let Some(t) = storage().and_then(|s| s.get_item(STORE_THEME).ok().flatten()) {
        return t == "dark";
    }
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The chosen font size; the presenter view starts large for projectors.
fn initial_font(present: bool) -> u32 {
    if present {
        return 20;
    }
    storage()
        .and_then(|s| s.get_item(STORE_FONT).ok().flatten())
        .and_then(|f| f.parse().ok())
        .filter(|f| (10..=28).contains(f))
        .unwrap_or(14)
}

/// The element the app mounts into: `#veristep` when the host page has
/// one (embedding), else the body.
fn host() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("veristep")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

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

/// Where the app's own files are: the host element's `data-base` when a
/// page embeds the app from elsewhere, else the page's base URL, so the
/// worker resolves under any sub-path.
fn asset_url(name: &str) -> String {
    let base = host()
        .and_then(|h| h.get_attribute("data-base"))
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
        })
        .unwrap_or_default();
    web_sys::Url::new_with_base(name, &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| name.to_string())
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

/// The page's query string (`?embed&views=...`).
fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Fetches a text file of the app (lessons), relative to its base URL.
async fn fetch_text(name: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let url = asset_url(name);
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| format!("cannot fetch {name}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("{name}: HTTP {}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("cannot read {name}"))?;
    text.as_string()
        .ok_or_else(|| format!("{name} is not text"))
}

/// Fetches and opens a lesson at a step; failures become the banner.
fn open_lesson(id: String, at: usize, d: UseReducerDispatcher<Model>) {
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

/// Tells the host page (an iframe's parent) how tall the content is: the
/// app's own box, not the document's, which is never shorter than the
/// frame and so would never let a widget shrink.
fn post_height() {
    let Some(w) = web_sys::window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    let Some(h) = w
        .document()
        .and_then(|d| d.query_selector(".app").ok().flatten())
        .map(|e| e.get_bounding_client_rect().height().ceil() as i32)
    else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"veristep".into(), &"height".into());
    let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
    let _ = parent.post_message(&msg, "*");
}

/// An embed follows its content's size: any change of the app's box
/// (a step that shows more rows, a narrower host page) is reported.
fn observe_height() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".app").ok().flatten())
    else {
        return;
    };
    let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| post_height());
    if let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        obs.observe(&el);
    }
    // one observer for the page's lifetime
    cb.forget();
}

/// An embed takes its theme from the host page, which sends
/// `{veristep: "theme", theme: "dark" | "light"}` when its own changes.
fn listen_for_theme(dark: UseStateHandle<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let data = e.data();
        let kind = js_sys::Reflect::get(&data, &"veristep".into())
            .ok()
            .and_then(|v| v.as_string());
        if kind.as_deref() != Some("theme") {
            return;
        }
        let theme = js_sys::Reflect::get(&data, &"theme".into())
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|t| Theme::parse(&t));
        if let Some(t) = theme {
            dark.set(t == Theme::Dark);
        }
    });
    let _ = w.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    cb.forget();
}

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
            if let Some(n) = p.note.clone() { <div class="note">{ n }</div> }
        </div>
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
            let bridge = VerifierWorker::spawner()
                .callback(move |reply| d.dispatch(Action::Reply(Box::new(reply))))
                .spawn(&asset_url("veristep-worker.js"));
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

    let state = model.state();
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
                        if shows(Pane::Listing) { { listing(&model, &d) } }
                        <div class="state">
                            if shows(Pane::Frames) { { frames(state, &d) } }
                            if shows(Pane::Regs) { { regs(&model, state) } }
                            if shows(Pane::Refs) { { refs(state, &d) } }
                            if shows(Pane::Worklist) { { worklist(state, &d) } }
                        </div>
                    </div>
                    if shows(Pane::Log) { { log(&model, &d) } }
                </section>
            </main>
            </div>
        </div>
    }
}

/// The address the room reaches this page at: the one the teacher typed,
/// else the page's own (useless to the room when it is a loopback one).
fn initial_room() -> String {
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

/// What this is and how to read it: open on a first visit, one click
/// away afterwards.
fn intro(open: &UseStateHandle<bool>) -> Html {
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
            </ul>
            <p class="muted">{ "Press ? for the keys. The compare strip shows where kernels part." }</p>
        </details>
    }
}

/// The text format in one screen (the contract is ASM.md).
fn format_guide() -> Html {
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
            <p>{ "Lines pasted from a kernel log (12: (85) call …) or llvm-objdump keep only their instruction." }</p>
        </div>
    }
}

/// The lesson being followed: its step's paragraph, goal, question, the
/// way on, and (for the presenter) the follow-along link.
fn lesson_panel(
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
        return html! {};
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

/// The listing: the rows the worker rendered around the position (all of
/// a small program), with the run's visit counts.
/// Enter or Space on a focused row does what a click does: rows that act on
/// a click are reachable and usable from the keyboard too.
fn on_activate(d: &UseReducerDispatcher<Model>, a: Action) -> Callback<KeyboardEvent> {
    let d = d.clone();
    Callback::from(move |e: KeyboardEvent| {
        if matches!(e.key().as_str(), "Enter" | " ") {
            e.prevent_default();
            d.dispatch(a.clone());
        }
    })
}

fn listing(m: &Model, d: &UseReducerDispatcher<Model>) -> Html {
    let (Some(view), Some(run)) = (m.view.as_ref(), m.run.as_ref()) else {
        return html! {};
    };
    let l = &view.listing;
    let cur = view.insn;
    let rows = l.rows.iter().map(|r| {
        let idx = r.insn;
        let onclick = {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::RunToInsn(idx)))
        };
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
        html! {
            <tr class={class} onclick={onclick} id={format!("insn-{}", idx)} tabindex="0"
                onkeydown={on_activate(d, Action::RunToInsn(idx))}
                aria-label={format!("instruction {idx}: {}; press Enter to run to its next visit", r.text)}>
                <td class="idx">{ idx }</td>
                <td class="text">{ r.text.clone() }
                    if let Some(n) = r.note.clone() { <span class="note">{ format!("  ; {n}") }</span> }
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

fn frames(s: Option<&StateView>, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(s) = s else { return html! {} };
    html! {
        <div class="frames" id="frames" aria-label="call frames">
            <h2>{ "Frames" }{ if s.callback_unroll_depth > 0 { format!(" (callback iterations: {})", s.callback_unroll_depth) } else { String::new() } }</h2>
            <ol>{ for s.frames.iter().enumerate().rev().map(|(i, f)| {
                let onkeydown = on_activate(d, Action::SelectFrame(Some(i)));
                let d = d.clone();
                let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectFrame(Some(i))));
                html! {
                <li onclick={onclick} tabindex="0" onkeydown={onkeydown}>
                    { format!("frame {} · {} · callsite {}{}{}{}",
                        f.frameno,
                        match &f.name { Some(n) if f.subprog == 0 => n.clone(), Some(n) => format!("{n} (subprog {})", f.subprog), None => format!("subprog {}", f.subprog) },
                        if f.callsite < 0 { "—".to_string() } else { f.callsite.to_string() },
                        if f.in_callback_fn { " · callback" } else { "" },
                        if f.in_async_callback_fn { " · async callback" } else { "" },
                        if f.callback_depth > 0 { format!(" · callback depth {}", f.callback_depth) } else { String::new() }) }
                </li>
            }}) }</ol>
        </div>
    }
}

fn regs(m: &Model, s: Option<&StateView>) -> Html {
    let Some(s) = s else { return html! {} };
    let fi = m.frame.unwrap_or(s.frames.len().saturating_sub(1));
    let Some(f) = s.frames.get(fi) else {
        return html! {};
    };
    html! {
        <div class="regs" id="regs" aria-label="registers and stack">
            <h2>{ format!("Registers and stack of frame {}", f.frameno) }</h2>
            <table>
                { for f.rows.iter().map(|r| html! {
                    <tr class={if r.changed { "changed" } else { "" }}>
                        <td>{ r.name.clone() }</td><td><code>{ r.text.clone() }</code></td><td>{ r.reading.clone() }</td>
                    </tr>
                }) }
            </table>
        </div>
    }
}

fn refs(s: Option<&StateView>, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(s) = s else { return html! {} };
    html! {
        <div class="refs" id="refs" aria-label="acquired references">
            <h2>{ "acquired_refs" }</h2>
            <table>
                <thead><tr><th>{ "id" }</th><th>{ "alloc insn" }</th><th>{ "owner (callback_ref)" }</th><th>{ "held by" }</th></tr></thead>
                <tbody>{ for s.refs.iter().map(|r| {
                    let insn = r.alloc_insn;
                    let d = d.clone();
                    let go = Callback::from(move |_: MouseEvent| d.dispatch(Action::GotoAcquire(insn)));
                    html! {
                        <tr class={if r.new { "ref changed" } else { "ref" }}><td>{ r.id }</td>
                            <td><button class="link" aria-label={format!("go to the acquisition at instruction {}", insn)} onclick={go}>{ insn }</button></td>
                            <td class="owner">{ format!("frame {}", r.owner) }</td>
                            <td>{ r.holders.join(", ") }</td></tr>
                    }
                }) }</tbody>
            </table>
        </div>
    }
}

fn worklist(s: Option<&StateView>, d: &UseReducerDispatcher<Model>) -> Html {
    let Some(s) = s else { return html! {} };
    let popped = s
        .popped
        .map(|(insn, origin)| format!("popped: resume at {} (pushed at {})", insn, origin));
    html! {
        <div class="worklist" id="worklist" aria-label="worklist of pending states">
            <h2>{ format!("Worklist ({} pending, top first)", s.worklist.len()) }</h2>
            { popped.map(|t| html! { <div class="popped">{ t }</div> }).unwrap_or_default() }
            <ol>{ for s.worklist.iter().enumerate().rev().map(|(i, p)| {
                let top = i + 1 == s.worklist.len();
                let d = d.clone();
                let go = Callback::from(move |_: MouseEvent| d.dispatch(Action::GotoPending(i)));
                html! {
                <li class={if top && s.pushed { "changed" } else { "" }}>
                    <button class="link" aria-label={format!("go to where the state pending at instruction {} is resumed", p.insn)}
                        title="go to where this state is popped and resumed" onclick={go}>
                        { format!("resume at {}", p.insn) }</button>
                    { format!(" (pushed at {}) · frames [{}] · refs {:?}", p.origin, p.frames, p.refs) }</li>
            }}) }</ol>
        </div>
    }
}

fn log(m: &Model, d: &UseReducerDispatcher<Model>) -> Html {
    let (Some(run), Some(view)) = (m.run.as_ref(), m.view.as_ref()) else {
        return html! {};
    };
    let w = &view.log;
    let rows = w.lines.iter().map(|l| {
        let class = if l.current {
            "ll done cur"
        } else if l.done {
            "ll done"
        } else {
            "ll rest"
        };
        let onclick = l.step.map(|s| {
            let d = d.clone();
            Callback::from(move |_: MouseEvent| d.dispatch(Action::Goto(s)))
        });
        let onkeydown = l.step.map(|s| on_activate(d, Action::Goto(s)));
        let tabindex = l.step.map(|_| "0");
        html! { <div class={class} onclick={onclick} onkeydown={onkeydown} tabindex={tabindex}>{ l.text.clone() }</div> }
    });
    let to = w.from + w.lines.len();
    html! {
        <details class="log" open=true>
            <summary>{ format!("Kernel log (level {}) · lines {}–{} of {} · click a line to go to its step",
                run.log_level, if w.total == 0 { 0 } else { w.from + 1 }, to, w.total) }</summary>
            <pre id="log" aria-label="kernel log">{ for rows }</pre>
        </details>
    }
}

/// Gives the keyboard back to the app root (the stepper's shortcuts).
fn refocus(root: &NodeRef) {
    if let Some(el) = root.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
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

/// `navigator.clipboard.writeText(text)`, where the browser offers it.
fn copy_text(text: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Ok(nav) = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()) else {
        return;
    };
    let Ok(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()) else {
        return;
    };
    let Ok(write) = js_sys::Reflect::get(&clip, &"writeText".into()) else {
        return;
    };
    if let Ok(f) = write.dyn_into::<js_sys::Function>() {
        let _ = f.call1(&clip, &JsValue::from_str(text));
    }
}
