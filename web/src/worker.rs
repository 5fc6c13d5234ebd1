//! The web worker that verifies: a [`Session`] behind gloo-worker.
//!
//! A verification walks one slice per macrotask (a zero timeout), so a
//! request that arrives meanwhile — a cancel, a new text, a seek in the
//! finished run — is read between slices rather than after the walk.
//!
//! An object with CO-RE relocations needs the kernels' BTF: the worker
//! fetches `btf/linux-K.btf.gz` (next to the worker's script) the first
//! time one arrives, holds the request meanwhile, and keeps the BTF for
//! the session. Programs without CO-RE never fetch it.

use crate::protocol::{Reply, Request};
use crate::session::Session;
use gloo_timers::callback::Timeout;
use gloo_worker::{HandlerId, Registrable, Worker, WorkerScope};

pub struct VerifierWorker {
    session: Session,
    /// The page that asked (one page per worker).
    client: Option<HandlerId>,
    /// The next slice, when a verification is under way.
    next: Option<Timeout>,
    /// A request held until the kernels' BTF it needs has arrived.
    waiting: Option<Request>,
    /// BTF fetches under way.
    fetching: Vec<&'static str>,
    /// The playground's base URL ([`Request::Assets`]).
    assets: String,
}

/// The worker's messages to itself.
pub enum Tick {
    /// Walk the next slice.
    Slice,
    /// A kernel's BTF arrived (or could not be fetched).
    Btf(&'static str, Result<Vec<u8>, String>),
}

/// The bytes of a file next to the worker's script.
async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let scope: web_sys::WorkerGlobalScope = js_sys::global()
        .dyn_into()
        .map_err(|_| "not in a worker".to_string())?;
    let resp = JsFuture::from(scope.fetch_with_str(path))
        .await
        .map_err(|_| format!("cannot fetch {path}"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
    if !resp.ok() {
        return Err(format!("{path}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| "no body")?)
        .await
        .map_err(|_| format!("cannot read {path}"))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

impl VerifierWorker {
    fn send(&self, scope: &WorkerScope<Self>, replies: Vec<Reply>) {
        if let Some(id) = self.client {
            for r in replies {
                scope.respond(id, r);
            }
        }
    }
    fn schedule(&mut self, scope: &WorkerScope<Self>) {
        if self.session.busy() && self.next.is_none() {
            let scope = scope.clone();
            self.next = Some(Timeout::new(0, move || scope.send_message(Tick::Slice)));
        }
    }
}

impl VerifierWorker {
    /// Handles a request, or holds it while the BTF it needs is fetched
    /// (a newer request replaces a held one).
    fn handle(&mut self, scope: &WorkerScope<Self>, req: Request) {
        if let Request::Assets { base } = &req {
            self.assets = base.clone();
            return;
        }
        let missing = self.session.missing_btf(&req);
        if missing.is_empty() {
            // a request that supersedes the held one
            if matches!(req, Request::Verify { .. } | Request::ReadLog { .. }) {
                self.waiting = None;
            }
            let replies = self.session.handle(req);
            self.send(scope, replies);
            return;
        }
        self.waiting = Some(req);
        for k in missing {
            if self.fetching.contains(&k) {
                continue;
            }
            self.fetching.push(k);
            let scope = scope.clone();
            let url = format!("{}btf/linux-{k}.btf.gz", self.assets);
            wasm_bindgen_futures::spawn_local(async move {
                let bytes = fetch_bytes(&url).await;
                scope.send_message(Tick::Btf(k, bytes));
            });
        }
    }
}

impl Worker for VerifierWorker {
    type Message = Tick;
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        VerifierWorker {
            session: Session::new(),
            client: None,
            next: None,
            waiting: None,
            fetching: Vec::new(),
            assets: String::new(),
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, msg: Tick) {
        match msg {
            Tick::Slice => {
                self.next = None;
                let replies = self.session.tick();
                self.send(scope, replies);
            }
            Tick::Btf(kernel, bytes) => {
                self.session.add_kernel_btf(kernel, bytes);
                self.fetching.retain(|k| *k != kernel);
                if self.fetching.is_empty() {
                    if let Some(req) = self.waiting.take() {
                        self.handle(scope, req);
                    }
                }
            }
        }
        self.schedule(scope);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        self.client = Some(id);
        self.handle(scope, msg);
        self.schedule(scope);
    }
}

/// The worker binary's entry point.
pub fn register() {
    VerifierWorker::registrar().register();
}
