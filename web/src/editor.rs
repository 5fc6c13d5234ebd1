//! The program editor: CodeMirror 6 (bundled from npm by `cargo xtask`
//! into `veristep-editor.js`, see web/editor/) behind a Yew component.
//!
//! The component owns one CodeMirror view and pushes the model's text,
//! the parser's diagnostics and the stepper's current source line into it.
//! If the bundle is missing (a page that embeds the app without it), a
//! plain textarea stands in, so the program can still be edited.

use crate::protocol::Diagnostic;
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An editor made by `VeristepEditor.create`.
    pub type CmEditor;

    #[wasm_bindgen(js_namespace = VeristepEditor, js_name = create)]
    fn cm_create(parent: &web_sys::Element, text: &str, on_change: &JsValue) -> CmEditor;
    #[wasm_bindgen(method, js_name = setText)]
    fn set_text(this: &CmEditor, text: &str);
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn set_diagnostics(this: &CmEditor, list: &Array);
    #[wasm_bindgen(method, js_name = setCurrentLine)]
    fn set_current_line(this: &CmEditor, line: u32);
    #[wasm_bindgen(method, js_name = setReadOnly)]
    fn set_read_only(this: &CmEditor, readonly: bool);
    #[wasm_bindgen(method)]
    fn destroy(this: &CmEditor);
}

/// The bundle defined `VeristepEditor`.
fn available() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("VeristepEditor"))
        .map(|v| v.is_object())
        .unwrap_or(false)
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// 1-based source line of the stepper's current instruction; 0: none.
    pub current_line: u32,
    pub on_change: Callback<String>,
    /// Embeds show the program read-only unless the page allows editing.
    #[prop_or_default]
    pub readonly: bool,
}

/// The live editor and the closure it calls on every edit.
struct Live {
    editor: CmEditor,
    _on_change: Closure<dyn FnMut(String)>,
}

fn diagnostics_array(ds: &[Diagnostic]) -> Array {
    let a = Array::new();
    for d in ds {
        let o = Object::new();
        let _ = Reflect::set(&o, &"line".into(), &d.line.into());
        let _ = Reflect::set(&o, &"col".into(), &d.col.into());
        let _ = Reflect::set(&o, &"len".into(), &d.len.max(1).into());
        let _ = Reflect::set(&o, &"message".into(), &d.message.as_str().into());
        let _ = Reflect::set(&o, &"warning".into(), &d.warning.into());
        a.push(&o);
    }
    a
}

#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let host = use_node_ref();
    let live: Rc<RefCell<Option<Live>>> = use_mut_ref(|| None);
    // The latest callback, read by the long-lived closure.
    let on_change = use_mut_ref(|| p.on_change.clone());
    *on_change.borrow_mut() = p.on_change.clone();
    let cm = use_state(available);

    {
        let (host, live, on_change, text) = (
            host.clone(),
            live.clone(),
            on_change.clone(),
            p.text.clone(),
        );
        use_effect_with(*cm, move |cm| {
            if *cm {
                if let Some(el) = host.cast::<web_sys::Element>() {
                    let cb = Closure::<dyn FnMut(String)>::new(move |t: String| {
                        let f = on_change.borrow().clone();
                        f.emit(t)
                    });
                    let editor = cm_create(&el, &text, cb.as_ref());
                    *live.borrow_mut() = Some(Live {
                        editor,
                        _on_change: cb,
                    });
                }
            }
            move || {
                if let Some(l) = live.borrow_mut().take() {
                    l.editor.destroy();
                }
            }
        });
    }
    // Push the model into the editor after each render that changed it
    // (set_text is a no-op when the editor already holds the text).
    {
        let live = live.clone();
        use_effect_with(p.text.clone(), move |text| {
            if let Some(l) = live.borrow().as_ref() {
                l.editor.set_text(text);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with((p.readonly, *cm), move |(ro, _)| {
            if let Some(l) = live.borrow().as_ref() {
                l.editor.set_read_only(*ro);
            }
        });
    }
    {
        let live = live.clone();
        use_effect_with(
            (p.diagnostics.clone(), p.current_line, *cm),
            move |(diagnostics, line, _)| {
                if let Some(l) = live.borrow().as_ref() {
                    l.editor.set_diagnostics(&diagnostics_array(diagnostics));
                    l.editor.set_current_line(*line);
                }
            },
        );
    }
    if *cm {
        html! { <div class="cm-host" id="editor" ref={host}></div> }
    } else {
        let cb = p.on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let t: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(t.value());
        });
        html! {
            <textarea id="editor" aria-label="program text" spellcheck="false"
                readonly={p.readonly} value={p.text.clone()} {oninput} />
        }
    }
}
