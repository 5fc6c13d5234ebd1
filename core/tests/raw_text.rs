//! Every encoding has a text: the `.8byte N` extension of the text format
//! (a raw instruction, as the kernel's selftests write what LLVM cannot),
//! Linux 6.15's load-acquire and store-release in LLVM 20's syntax, and
//! `program_text` falling back to `.8byte` where no other text gives the
//! bytes back.

use veristep_core::asm;
use veristep_core::disasm::program_text;
use veristep_core::{Insn, Program};

fn bytes_of(prog: &Program) -> Vec<[u8; 8]> {
    prog.insns.iter().map(|i| i.to_bytes()).collect()
}

fn parse(src: &str) -> Program {
    asm::parse(src).unwrap_or_else(|e| panic!("{src}: {e:?}"))
}

/// `program_text` of PROG parses back to PROG's bytes.
fn round_trips(prog: &Program) -> String {
    let text = program_text(prog);
    let again = asm::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bytes_of(prog), bytes_of(&again), "{text}");
    text
}

#[test]
fn a_raw_line_is_its_encoding() {
    let p = parse(".8byte 0x00000000000000b7\n.8byte 149\n");
    assert_eq!(p.insns[0], Insn::new(0xb7, 0, 0, 0, 0));
    assert!(p.insns[1].is_exit());
    // a label before it, a comment after it, a negative number (LLVM
    // prints an encoding as a signed one)
    let p = parse("start: .8byte 0x95 ; exit\n");
    assert!(p.insns[0].is_exit());
    let p = parse(".8byte -72057594037927753\nexit\n");
    assert_eq!(p.insns[0].to_bytes(), (-72057594037927753i64).to_le_bytes());
    // a 64-bit load is two raw lines, one per slot
    let p = parse(".8byte 0x0000000500000118\n.8byte 0\nexit\n");
    assert_eq!(p.insns.len(), 3);
    assert!(p.insns[0].is_ld_imm64() && p.insns[0].imm == 5 && p.insns[0].dst == 1);
    // a raw jump keeps its own offset: `goto pc-2` to a label before it
    let p = parse("l: r0 = 0\n.8byte 0x00000000fffe0005\nexit\n");
    assert_eq!(p.insns[1].off, -2);
}

#[test]
fn a_bad_raw_line_is_a_parse_error() {
    for src in [
        ".8byte\nexit\n",
        ".8byte 0x\nexit\n",
        ".8byte 1 2\nexit\n",
        ".8byte r0\nexit\n",
        ".8byte 0x10000000000000000\nexit\n",
        "r0 = 0 .8byte 5\nexit\n",
    ] {
        let e = asm::parse(src).expect_err(src);
        assert!(
            e[0].message.contains(".8byte") || e[0].message.contains("label"),
            "{src}: {e:?}"
        );
    }
}

#[test]
fn load_acquire_and_store_release_are_read_and_written() {
    let p = parse(
        "w2 = load_acquire((u8 *)(r10 - 1))\n\
         r2 = load_acquire((u64 *)(r1 + 8))\n\
         store_release((u32 *)(r10 - 4), w1)\n\
         store_release((u64 *)(r3 + 0), r4)\n\
         exit\n",
    );
    // BPF_STX | BPF_ATOMIC | size; the loaded register is dst, the address src
    assert_eq!(p.insns[0], Insn::new(0xd3, 2, 10, -1, 0x100));
    assert_eq!(p.insns[1], Insn::new(0xdb, 2, 1, 8, 0x100));
    // the stored-to address is dst, the value src
    assert_eq!(p.insns[2], Insn::new(0xc3, 10, 1, -4, 0x110));
    assert_eq!(p.insns[3], Insn::new(0xdb, 3, 4, 0, 0x110));
    let text = round_trips(&p);
    assert!(text.contains("w2 = load_acquire((u8 *)(r10 -1))"), "{text}");
    assert!(text.contains("store_release((u64 *)(r3 +0), r4)"), "{text}");
    assert!(asm::parse("w2 = load_acquire((s8 *)(r10 - 1))\nexit\n").is_err());
}

#[test]
fn an_encoding_without_other_text_is_written_raw() {
    // an atomic operation no kernel has (imm 0x20), register 11, a jump
    // with an immediate beside its register operand, an ALU op with a
    // reserved offset, an unknown class of opcode 0xff
    let p = Program::new(vec![
        Insn::new(0xdb, 10, 1, -8, 0x20),
        Insn::new(0xbf, 11, 1, 0, 0),
        Insn::new(0x2d, 1, 2, 0, 7),
        Insn::new(0x07, 1, 0, 3, 1),
        Insn::new(0xff, 0, 0, 0, 0),
        Insn::new(0x95, 0, 0, 0, 0),
    ]);
    let text = round_trips(&p);
    assert_eq!(text.matches(".8byte").count(), 5, "{text}");
    // what is said in text stays text
    let text = round_trips(&parse("r0 = 1\nif r0 > 2 goto +1\nr0 = 0\nexit\n"));
    assert!(!text.contains(".8byte"), "{text}");
}

/// Random encodings, each before an `exit` (so that most are laid out as a
/// program would be): all of them round-trip.
#[test]
fn any_encoding_round_trips() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        // xorshift64*
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    for _ in 0..4000 {
        let mut insns = Vec::new();
        for _ in 0..3 {
            let mut b = next().to_le_bytes();
            // mostly small offsets and registers, so jumps land inside
            if b[0] & 7 >= 4 && b[2] & 1 == 0 {
                b[2] &= 3;
                b[3] = 0;
            }
            insns.push(Insn::from_bytes(b));
        }
        insns.push(Insn::new(0x95, 0, 0, 0, 0));
        round_trips(&Program::new(insns));
    }
}

/// Linux 6.12 prints a move's sign extension (`r3 = (s8)r0`) only for the
/// register form: `print_bpf_insn()` (kernel/bpf/disasm.c) looks at
/// `is_movsx()` in its `BPF_X` branch alone, so `r3 = 14` with an offset
/// of 8 prints as a plain move before `BPF_MOV uses reserved fields`
/// refuses it (Linux 6.12.95's log, `kernel-diff --random --encodings`,
/// seed 9200 program 187).
#[test]
fn an_immediate_move_with_an_offset_prints_as_a_plain_move() {
    use veristep_core::disasm::insn_text_for;
    let p = parse(".8byte 0x0000000e000803b7\nexit\n");
    assert_eq!(insn_text_for(&p, 0, true), "(b7) r3 = 14");
    let p = parse("r3 = (s8)r0\nexit\n");
    assert_eq!(insn_text_for(&p, 0, true), "(bf) r3 = (s8)r0");
    let out = veristep_core::verify(
        &parse("r0 = 0\n.8byte 0x0000000e000803b7\nexit\n"),
        &veristep_core::Options {
            kernel: veristep_core::KernelVersion::V6_7,
            log_level: 1,
            ..Default::default()
        },
    );
    assert!(
        out.log
            .contains("1: (b7) r3 = 14\nBPF_MOV uses reserved fields\n"),
        "{}",
        out.log
    );
}
