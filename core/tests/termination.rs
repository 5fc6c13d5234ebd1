//! Every walk ends: only the kernel's own limits (processed instructions,
//! pending states) may end it, and no inner loop may run without bound.
//!
//! A verification that never returns cannot fail an assertion, so each one
//! runs on its own thread under a watchdog. The bound is generous (the
//! programs here take milliseconds): it catches a hang, it does not measure.

use std::sync::mpsc;
use std::time::Duration;
use veristep_core::{asm, verify, KernelVersion, Options, Verdict};

const WATCHDOG: Duration = Duration::from_secs(60);
const KERNELS: [KernelVersion; 3] = [
    KernelVersion::V5_19,
    KernelVersion::V6_1,
    KernelVersion::V6_7,
];

/// Verifies `text` in every mode, each under the watchdog; returns the verdicts.
fn verify_bounded(name: &str, text: &str) -> Vec<Verdict> {
    let prog = asm::parse(text).unwrap_or_else(|d| panic!("{name}: does not parse: {d:?}"));
    KERNELS
        .iter()
        .map(|&kernel| {
            let (tx, rx) = mpsc::channel();
            let p = prog.clone();
            std::thread::spawn(move || {
                let opts = Options {
                    kernel,
                    log_level: 0,
                    trace: false,
                    log_size: None,
                };
                let o = verify(&p, &opts);
                let _ = tx.send(o.verdict);
            });
            rx.recv_timeout(WATCHDOG).unwrap_or_else(|_| {
                panic!("{name}: {kernel:?} did not finish within {WATCHDOG:?}:\n{text}")
            })
        })
        .collect()
}

/// Issue 16's hang: a bpf_loop callback counting in its caller's stack,
/// with a count the verifier cannot know. Linux 6.1 accepts it in 20
/// processed instructions and 6.12 in 34; the 6.7 mode once ran forever
/// (every scalar forced precise at the callback boundary, so no iteration
/// ever matched the one before).
#[test]
fn the_callback_counter_ends() {
    let text = include_str!("../../tests/corpus/sound/cb_counter_6x_hang.s");
    let verdicts = verify_bounded("cb_counter_6x_hang", text);
    assert!(
        verdicts.iter().all(|v| *v == Verdict::Accepted),
        "{verdicts:?}"
    );
}

/// A tiny deterministic generator (splitmix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A program in the family of the hang: main keeps counters in its stack,
/// passes them to a bpf_loop callback that reads, updates, masks, indexes
/// and branches on them, and main may use them after the loop.
fn callback_program(rng: &mut Rng) -> String {
    let mut s = String::new();
    let slots = 1 + rng.below(3);
    for k in 1..=slots {
        let v = rng.below(4);
        s.push_str(&format!("    *(u64 *)(r10 - {}) = {}\n", 8 * k, v));
    }
    if rng.below(2) == 0 {
        s.push_str("    call bpf_get_prandom_u32\n    r1 = r0\n");
    } else {
        s.push_str(&format!("    r1 = {}\n", 1 + rng.below(50)));
    }
    s.push_str(&format!(
        "    r2 = cb ll\n    r3 = r10\n    r3 += -{}\n    r4 = 0\n    call bpf_loop\n",
        8 * slots
    ));
    if rng.below(2) == 0 {
        // use a counter after the loop as an index into the stack
        s.push_str(&format!(
            "    r1 = *(u64 *)(r10 - 8)\n    if r1 > 7 goto 1f\n    r2 = r10\n    r2 += -{}\n    r2 += r1\n    r0 = *(u8 *)(r2 + 0)\n1:\n",
            8 * slots
        ));
    }
    s.push_str("    r0 = 0\n    exit\n");
    s.push_str("cb: r6 = r2\n");
    for _ in 0..(2 + rng.below(6)) {
        let slot = 8 * rng.below(slots);
        match rng.below(7) {
            0 => s.push_str(&format!(
                "    r3 = *(u64 *)(r6 + {slot})\n    r3 += {}\n    *(u64 *)(r6 + {slot}) = r3\n",
                1 + rng.below(3)
            )),
            1 => s.push_str(&format!(
                "    r3 = *(u64 *)(r6 + {slot})\n    r3 &= {}\n    *(u64 *)(r6 + {slot}) = r3\n",
                rng.below(16)
            )),
            2 => s.push_str(&format!(
                "    r3 = *(u64 *)(r6 + {slot})\n    if r3 > {} goto 2f\n    r3 += 1\n    *(u64 *)(r6 + {slot}) = r3\n2:\n",
                rng.below(10)
            )),
            3 => s.push_str(&format!(
                "    r1 &= 7\n    r3 = r6\n    r3 += r1\n    r4 = *(u8 *)(r3 + {})\n",
                8 * (slots - 1)
            )),
            4 => s.push_str(&format!("    *(u64 *)(r6 + {slot}) = {}\n", rng.below(3))),
            5 => s.push_str(&format!(
                "    r3 = *(u64 *)(r6 + {slot})\n    w3 *= {}\n    *(u64 *)(r6 + {slot}) = r3\n",
                rng.below(4)
            )),
            _ => s.push_str(&format!(
                "    r3 = *(u64 *)(r6 + {slot})\n    if r3 == {} goto 3f\n    r0 = 1\n    exit\n3:\n",
                rng.below(3)
            )),
        }
    }
    s.push_str("    r0 = 0\n    exit\n");
    s
}

#[test]
fn callback_programs_end_in_every_mode() {
    let mut rng = Rng(16);
    for i in 0..150 {
        let text = callback_program(&mut rng);
        if let Some(dir) = std::env::var_os("TERM_DUMP") {
            let _ = std::fs::write(std::path::Path::new(&dir).join(format!("g{i:03}.s")), &text);
        }
        verify_bounded(&format!("generated #{i}"), &text);
    }
}
