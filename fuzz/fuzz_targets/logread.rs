//! Kernel logs: the reader takes any text without panicking, and a log
//! compared with itself never diverges.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = veristep_core::logread::read_log(&text);
    assert!(veristep_core::logread::first_divergence(&r, &r).is_none());
});
