//! The verifier worker: runs [`veristep_web::session::Session`] off the page's thread.

fn main() {
    veristep_web::worker::register();
}
