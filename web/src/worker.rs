//! The web worker that verifies: a [`Session`] behind gloo-worker.
//!
//! A verification walks one slice per macrotask (a zero timeout), so a
//! request that arrives meanwhile — a cancel, a new text, a seek in the
//! finished run — is read between slices rather than after the walk.

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
}

/// The worker's message to itself: walk the next slice.
pub struct Tick;

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
            self.next = Some(Timeout::new(0, move || scope.send_message(Tick)));
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
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, _msg: Tick) {
        self.next = None;
        let replies = self.session.tick();
        self.send(scope, replies);
        self.schedule(scope);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        self.client = Some(id);
        let replies = self.session.handle(msg);
        self.send(scope, replies);
        self.schedule(scope);
    }
}

/// The worker binary's entry point.
pub fn register() {
    VerifierWorker::registrar().register();
}
