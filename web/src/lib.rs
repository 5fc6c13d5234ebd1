//! veristep-web: the playground. Everything browser-facing lives here; the
//! checker is veristep-core.
//!
//! Two wasm binaries share this library: the page (`veristep-web`: the Yew
//! app, [`app`] and [`model`]) and the verifier worker (`veristep-worker`:
//! [`worker`] over [`session`]); [`protocol`] is what crosses between them.

pub mod api;
pub mod app;
mod browser;
pub mod editor;
pub mod examples;
pub mod face;
pub mod lesson;
pub mod logsession;
pub mod model;
pub mod panels;
pub mod pictures;
pub mod protocol;
pub mod qr;
pub mod reading;
pub mod render;
pub mod run;
pub mod session;
pub mod share;
mod teach;
pub mod worker;
