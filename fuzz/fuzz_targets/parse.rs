//! Program text: the parser, the disassembler and the round trip never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        if let Ok(prog) = veristep_core::asm::parse(src) {
            let text = veristep_core::disasm::program_text(&prog);
            let again = veristep_core::asm::parse(&text).expect("program_text parses back");
            assert_eq!(prog.to_bytes(), again.to_bytes());
        }
    }
});
