//! The seed scenario of 9d9d00ac built from raw instructions (independent of
//! the text parser): a callback releases its caller's ring buffer record.

use veristep_core::insn::*;
use veristep_core::{verify, Insn, KernelVersion, MapDef, MapType, Options, Program, Verdict};

fn i(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> Insn {
    Insn::new(code, dst, src, off, imm)
}

fn release_in_callback() -> Program {
    let mut p = Program::new(vec![
        i(BPF_LD | BPF_IMM | BPF_DW, 1, BPF_PSEUDO_MAP_FD, 0, 0),
        i(0, 0, 0, 0, 0),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 2, 0, 0, 8),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 3, 0, 0, 0),
        i(BPF_JMP | BPF_CALL, 0, 0, 0, 131),
        i(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 8, 0),
        i(BPF_STX | BPF_MEM | BPF_DW, 10, 0, -8, 0),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 1, 0, 0, 1),
        i(BPF_LD | BPF_IMM | BPF_DW, 2, BPF_PSEUDO_FUNC, 0, 7),
        i(0, 0, 0, 0, 0),
        i(BPF_ALU64 | BPF_MOV | BPF_X, 3, 10, 0, 0),
        i(BPF_ALU64 | BPF_ADD | BPF_K, 3, 0, 0, -8),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 4, 0, 0, 0),
        i(BPF_JMP | BPF_CALL, 0, 0, 0, 181),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
        i(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
        i(BPF_LDX | BPF_MEM | BPF_DW, 1, 2, 0, 0),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 2, 0, 0, 0),
        i(BPF_JMP | BPF_CALL, 0, 0, 0, 133),
        i(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
        i(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
    ]);
    p.maps.push(MapDef::new("rb", MapType::Ringbuf, 0, 0, 4096));
    p
}

fn run(k: KernelVersion) -> veristep_core::Outcome {
    verify(
        &release_in_callback(),
        &Options {
            kernel: k,
            log_level: 2,
            trace: false,
            log_size: None,
        },
    )
}

#[test]
fn linux_6_1_rejects_release_of_callers_reference() {
    let o = run(KernelVersion::V6_1);
    assert_eq!(o.verdict, Verdict::Rejected, "{}", o.log);
    assert_eq!(
        o.message(),
        Some("func bpf_ringbuf_discard#133 reference has not been acquired before"),
        "{}",
        o.log
    );
    assert_eq!(o.error_insn(), Some(18));
    // Linux 6.1.192: processed 15 insns, total_states 1, peak_states 1
    assert_eq!(
        (o.stats.processed, o.stats.total_states, o.stats.peak_states),
        (15, 1, 1),
        "{}",
        o.log
    );
}

#[test]
fn linux_5_19_accepts_it() {
    let o = run(KernelVersion::V5_19);
    assert_eq!(o.verdict, Verdict::Accepted, "{}", o.log);
}
