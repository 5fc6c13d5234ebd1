//! The browser around the app: local storage, the host page (embeds report
//! their height and follow the host's theme), the URL's query and
//! fragment, asset URLs, the clipboard and the keyboard focus.

use crate::face::Theme;
use yew::prelude::*;

pub(crate) const STORE_TEXT: &str = "veristep.text";

pub(crate) const STORE_KERNEL: &str = "veristep.kernel";

pub(crate) const STORE_THEME: &str = "veristep.theme";

pub(crate) const STORE_FONT: &str = "veristep.font";

pub(crate) const STORE_INTRO: &str = "veristep.intro-read";

pub(crate) const STORE_ROOM: &str = "veristep.room-address";

/// The theme the user chose, else the system's (`prefers-color-scheme`).
pub(crate) fn initial_dark() -> bool {
    if let Some(t) = storage().and_then(|s| s.get_item(STORE_THEME).ok().flatten()) {
        return t == "dark";
    }
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

pub(crate) fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The chosen font size; the presenter view starts large for projectors.
pub(crate) fn initial_font(present: bool) -> u32 {
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
pub(crate) fn host() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("veristep")
}

pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub(crate) fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Where the app's own files are: the host element's `data-base` when a
/// page embeds the app from elsewhere, else the page's base URL, so the
/// worker resolves under any sub-path.
pub(crate) fn asset_url(name: &str) -> String {
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

/// A `blob:` URL of the verifier worker's loader: it imports the
/// wasm-bindgen shim at `js_url` and starts it with the object form of the
/// init call (`{ module_or_path }`). gloo-worker's own loader passes a bare
/// string, which wasm-bindgen 0.2.100 still takes but warns about on every
/// page load. The URLs are written as JSON strings, which are JavaScript
/// string literals. A `blob:` URL is same-origin, so an embed whose assets
/// live on another origin (`data-base`) still starts its worker.
pub(crate) fn worker_loader_url(js_url: &str) -> Option<String> {
    let wasm_url = format!("{}_bg.wasm", js_url.strip_suffix(".js")?);
    let script = format!(
        "importScripts({js});wasm_bindgen({{ module_or_path: {wasm} }});",
        js = serde_json::to_string(js_url).ok()?,
        wasm = serde_json::to_string(&wasm_url).ok()?
    );
    let parts = js_sys::Array::of1(&script.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// The page's query string (`?embed&views=...`).
pub(crate) fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Tells the host page (an iframe's parent) how tall the content is: the
/// app's own box, not the document's, which is never shorter than the
/// frame and so would never let a widget shrink.
pub(crate) fn post_height() {
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
pub(crate) fn observe_height() {
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
pub(crate) fn listen_for_theme(dark: UseStateHandle<bool>) {
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

/// An embed does not take the focus when it loads (the host page keeps
/// it), so a key pressed in the embed before anything in it has the focus
/// lands on its `<body>`, outside the app root that handles the stepper's
/// shortcuts, and would scroll instead of step. Such a stray key is given
/// to the root, which takes the focus if it acts on it. Keys reach an
/// embed's document only while its frame has the focus, so the host
/// page's own keys are never taken.
pub(crate) fn forward_stray_keys(root: NodeRef) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let cb = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
        let stray = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "BODY" | "HTML"));
        let Some(el) = root.cast::<web_sys::HtmlElement>() else {
            return;
        };
        if !stray {
            return;
        }
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(&e.key());
        init.set_code(&e.code());
        init.set_shift_key(e.shift_key());
        init.set_ctrl_key(e.ctrl_key());
        init.set_alt_key(e.alt_key());
        init.set_meta_key(e.meta_key());
        init.set_bubbles(true);
        init.set_cancelable(true);
        let Ok(copy) = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
        else {
            return;
        };
        // The root's handler cancels the keys it acts on; Tab and the
        // rest go on as the browser would take them.
        if !el.dispatch_event(&copy).unwrap_or(true) {
            e.prevent_default();
            let _ = el.focus();
        }
    });
    let _ = doc.add_event_listener_with_callback("keydown", cb.as_ref().unchecked_ref());
    // one listener for the page's lifetime (`Fn`: the copy given to the
    // root bubbles back to it)
    cb.forget();
}

/// Gives the keyboard back to the app root (the stepper's shortcuts).
pub(crate) fn refocus(root: &NodeRef) {
    if let Some(el) = root.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// `navigator.clipboard.writeText(text)`, where the browser offers it.
pub(crate) fn copy_text(text: &str) {
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

/// Fetches a text file of the app (lessons), relative to its base URL.
pub(crate) async fn fetch_text(name: &str) -> Result<String, String> {
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
