//! veristep-web: the playground. Everything browser-facing lives here; the
//! checker is veristep-core.

mod app;
mod examples;
mod model;
mod reading;
mod share;

fn main() {
    app::start();
}
