//! The page: mounts the playground.

fn main() {
    veristep_web::app::start();
}
