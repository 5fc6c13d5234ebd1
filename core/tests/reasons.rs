//! Rejections as data: the facts behind the kernel's message.

use veristep_core::reason::{reference_story, FrameContext, Reason, Region};
use veristep_core::{asm, verify, KernelVersion, Options};

fn reason_of(text: &str, kernel: KernelVersion) -> (Reason, Option<usize>, String) {
    let prog = asm::parse(text).expect("parses");
    let o = verify(
        &prog,
        &Options {
            kernel,
            log_level: 1,
            trace: false,
            log_size: None,
        },
    );
    let e = o.error.expect("rejected");
    (e.reason, e.insn, e.message)
}

const RELEASE_IN_CB: &str = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");
const LEAK_IN_CB: &str = include_str!("../../tests/corpus/seed/ringbuf_leak_in_cb.s");

#[test]
fn the_seed_release_names_the_owner_frame() {
    let (reason, insn, message) = reason_of(RELEASE_IN_CB, KernelVersion::V6_1);
    assert_eq!(
        message,
        "func bpf_ringbuf_discard#133 reference has not been acquired before"
    );
    assert_eq!(insn, Some(18));
    assert_eq!(
        reason,
        Reason::ReferenceNotAcquired {
            id: 2,
            alloc_insn: Some(4),
            frame: 1,
            owner_frame: Some(0),
        }
    );
    assert_eq!(reason.kind(), "reference_not_acquired");
    let story = reference_story(
        &reason,
        18,
        FrameContext {
            frameno: 1,
            callsite: 13,
            in_callback: true,
        },
        |_| None,
    )
    .expect("a story");
    assert!(
        story.starts_with("Instruction 18 (in frame 1, the callback called at instruction 13) releases reference 2, acquired at instruction 4 by frame 0"),
        "{story}"
    );
}

#[test]
fn the_seed_leak_names_the_callback_frame() {
    let (reason, insn, _) = reason_of(LEAK_IN_CB, KernelVersion::V6_1);
    assert_eq!(insn, Some(14));
    assert_eq!(
        reason,
        Reason::UnreleasedReference {
            id: 2,
            alloc_insn: 12,
            frame: 1,
        }
    );
    // before 9d9d00ac the leak is found only at main's exit
    let (reason, insn, _) = reason_of(LEAK_IN_CB, KernelVersion::V5_19);
    assert_eq!(insn, Some(7));
    assert!(
        matches!(reason, Reason::UnreleasedReference { frame: 0, .. }),
        "{reason:?}"
    );
}

#[test]
fn each_kind_carries_its_facts() {
    let cases: &[(&str, Reason)] = &[
        (
            "r0 = r2\nexit\n",
            Reason::Uninitialized {
                reg: Some(2),
                stack_off: None,
            },
        ),
        (
            "*(u64 *)(r10 + 0) = 0\nr0 = 0\nexit\n",
            Reason::OutOfBounds {
                reg: Some(10),
                region: Region::Stack,
                off: 0,
                size: 8,
            },
        ),
        (
            "r1 = 0\nr0 = *(u64 *)(r1 + 0)\nexit\n",
            Reason::InvalidMemAccess { reg: 1 },
        ),
        ("r0 = 0\nr0 /= 0\nexit\n", Reason::InvalidAlu),
        ("goto +1\nr0 = 0\nr0 = 0\nexit\n", Reason::InvalidProgram),
        ("r0 = 0\n1: goto 1b\n", Reason::InfiniteLoop { insn: 1 }),
        ("r10 = 0\nr0 = 0\nexit\n", Reason::FramePointerReadOnly),
        (
            "call f\nr0 = 0\nexit\nf:\nr0 = r10\nr0 += -8\nexit\n",
            Reason::StackPointerEscape,
        ),
        ("r0 = 0\n.8byte 0x1000001bc\nexit\n", Reason::InvalidProgram),
        (
            "*(u32 *)(r10 - 8) = r1\nr0 = 0\nexit\n",
            Reason::PartialPointer,
        ),
        ("*(u32 *)(r1 + 0) = 0\nr0 = 0\nexit\n", Reason::StoreForm),
        (
            "r2 = *(u32 *)(r1 + 0)\nr2 &= 4\nr1 += r2\nr0 = *(u32 *)(r1 + 0)\nexit\n",
            Reason::VariableOffset { reg: Some(1) },
        ),
    ];
    for (text, want) in cases {
        let (got, _, message) = reason_of(text, KernelVersion::V6_1);
        assert_eq!(&got, want, "{text:?}: {message}");
        assert!(!got.explanation().is_empty());
    }
}

#[test]
fn every_corpus_rejection_has_a_kind_and_few_are_other() {
    let mut total = 0;
    let mut other = Vec::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
    for group in std::fs::read_dir(root).expect("corpus") {
        let Ok(group) = group else { continue };
        let Ok(files) = std::fs::read_dir(group.path()) else {
            continue;
        };
        for f in files.flatten() {
            let p = f.path();
            if p.extension().is_none_or(|x| x != "s") {
                continue;
            }
            let text = std::fs::read_to_string(&p).expect("read");
            let Ok(prog) = asm::parse(&text) else {
                continue;
            };
            let o = verify(
                &prog,
                &Options {
                    kernel: KernelVersion::V6_1,
                    log_level: 0,
                    trace: false,
                    log_size: None,
                },
            );
            if let Some(e) = o.error {
                total += 1;
                if e.reason == Reason::Other {
                    other.push(e.message);
                }
            }
        }
    }
    assert!(total > 100, "{total} rejections");
    // `other` is what no kind describes better: a reviewed minority
    assert!(
        other.len() * 30 < total,
        "{} of {total} are other: {other:#?}",
        other.len()
    );
}

/// A read that may reach a dynptr's bytes is `special_stack_slot`, at the
/// first such byte (Linux 6.1's and 6.12's message, from the corpus records
/// `dynptr/var_off_read_over_dynptr`), not an uninitialised read.
#[test]
fn a_read_over_a_dynptr_names_its_slot() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/corpus/dynptr/var_off_read_over_dynptr.s"
    ))
    .unwrap();
    for kernel in [KernelVersion::V6_1, KernelVersion::V6_7] {
        let (reason, _, message) = reason_of(&text, kernel);
        assert_eq!(
            message,
            "invalid read from stack R1 var_off (0x0; 0x8)+8 size 8"
        );
        assert_eq!(
            reason,
            Reason::SpecialStackSlot {
                reg: Some(1),
                stack_off: -16
            }
        );
        assert_eq!(reason.kind(), "special_stack_slot");
    }
}

/// A store into memory the program may only read is `read_only`, with the
/// register: a cgroup_skb packet, here (Linux 6.1's message, from the
/// corpus record `skb/cgroup_skb_pkt_write`).
#[test]
fn writes_to_read_only_memory_are_read_only() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/corpus/skb/cgroup_skb_pkt_write.s"
    ))
    .unwrap();
    let (reason, _, message) = reason_of(&text, KernelVersion::V6_1);
    assert_eq!(message, "cannot write into packet");
    assert!(
        matches!(reason, Reason::ReadOnly { reg: Some(_) }),
        "{reason:?}"
    );
    assert_eq!(reason.kind(), "read_only");
}

/// The last corpus rejections that had no kind of their own (2026-12-07):
/// classic packet loads, a tail call holding a reference, a kernel
/// function the program type may not call, a map argument the tail call
/// does not know, and what veristep does not model.
#[test]
fn the_last_other_rejections_have_kinds() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/");
    let cases = [
        ("ctx/cgroup_skb_ld_abs.s", "legacy_packet_load"),
        ("refs/ld_abs_with_ref.s", "legacy_packet_load"),
        ("refs/tail_call_with_ref.s", "tail_call_leak"),
        ("probe4/kfunc_test_socket_filter.s", "kfunc_not_allowed"),
        ("helpers_args/tail_hash.s", "argument_type"),
    ];
    for (file, kind) in cases {
        let text = std::fs::read_to_string(format!("{corpus}{file}")).expect("read");
        let (reason, _, message) = reason_of(&text, KernelVersion::V6_1);
        assert_eq!(reason.kind(), kind, "{file}: {message}");
        assert!(!reason.explanation().is_empty());
    }
    let text = std::fs::read_to_string(format!("{corpus}refs/tail_call_with_ref.s")).expect("read");
    let (reason, _, _) = reason_of(&text, KernelVersion::V6_1);
    assert!(
        matches!(reason, Reason::TailCallLeak { id, .. } if id > 0),
        "{reason:?}"
    );
}
