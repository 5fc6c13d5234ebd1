//! The kernel's log buffer (`log_size`): what it keeps and when the load
//! fails with ENOSPC.
//!
//! Where the kernels cut, from their sources (`kernel/bpf/log.c`):
//! - 6.1 `bpf_verifier_vlog()` copies `min(len_total - len_used - 1, n)`
//!   bytes; `bpf_verifier_log_full()` (`len_used >= len_total - 1`) then
//!   makes the log "not needed": later lines and `bpf_vlog_reset()` are
//!   ignored, and `bpf_check()` returns -ENOSPC.
//! - 6.12 rotates: the buffer keeps the last `len_total - 1` bytes, and
//!   `bpf_vlog_finalize()` returns -ENOSPC when `len_max > len_total`, which
//!   `bpf_check()` returns instead of the walk's own result.
//!
//! Where the boundary lies was measured on the real kernels, Debian's
//! 6.1.0-57 (6.1.192) and 6.12.95, with `kernel-verdict -s 1` (a 1 MiB
//! buffer; the loader verifies again at level 1 after an ENOSPC, so its
//! record says `log_level` 1 where level 2 did not fit): the counting loop
//! below with 966 iterations fits on 6.1 and 967 does not; with 620 it fits
//! on 6.12 and 621 does not. The kernels' logs of these compiled programs
//! carry one `; source` line more than veristep's of the text (17 and 37
//! bytes); the margins at 1 MiB are larger.

use veristep_core::{asm, verify, KernelVersion, Options, Outcome, Verdict};

const MIB: u32 = 1 << 20;

/// `r1 = 0; do r1 += 1 while (r1 < n); return 0`
fn counting_loop(n: u32) -> String {
    format!("r1 = 0\nloop:\nr1 += 1\nif r1 < {n} goto loop\nr0 = 0\nexit\n")
}

fn run(text: &str, kernel: KernelVersion, log_level: u32, log_size: Option<u32>) -> Outcome {
    let prog = asm::parse(text).expect("parses");
    verify(
        &prog,
        &Options {
            kernel,
            log_level,
            trace: false,
            log_size,
        },
    )
}

#[test]
fn enospc_exactly_where_the_kernels_ran_out_of_a_mib() {
    for (kernel, fits, overflows) in [
        (KernelVersion::V6_1, 966, 967),
        (KernelVersion::V6_7, 620, 621),
    ] {
        let ok = run(&counting_loop(fits), kernel, 2, Some(MIB));
        assert_eq!(ok.verdict, Verdict::Accepted, "{kernel:?} {fits}");
        assert!(!ok.log_truncated);
        let full = run(&counting_loop(overflows), kernel, 2, Some(MIB));
        assert_eq!(full.verdict, Verdict::Rejected, "{kernel:?} {overflows}");
        let e = full.error.as_ref().expect("an error");
        assert_eq!(e.errno, 28);
        assert_eq!(e.reason.kind(), "log_full");
        assert!(full.log_truncated);
        assert_eq!(full.log.len(), MIB as usize - 1);
        // the same programs at level 1 keep only the path, and fit
        let l1 = run(&counting_loop(overflows), kernel, 1, Some(MIB));
        assert_eq!(l1.verdict, Verdict::Accepted, "{kernel:?} level 1");
    }
}

#[test]
fn a_cut_log_is_the_beginning_on_6_1_and_the_end_on_6_12() {
    let text = counting_loop(50);
    for (kernel, keeps_start) in [(KernelVersion::V6_1, true), (KernelVersion::V6_7, false)] {
        let whole = run(&text, kernel, 2, None).log;
        let cut = run(&text, kernel, 2, Some(1000));
        assert_eq!(cut.log.len(), 999, "{kernel:?}");
        let expected = if keeps_start {
            &whole[..999]
        } else {
            &whole[whole.len() - 999..]
        };
        assert_eq!(cut.log, expected, "{kernel:?}");
        // a rejection the log could not hold becomes ENOSPC, and says what
        // the walk found
        let bad = run(
            "r1 = 0\nloop:\nr1 += 1\nif r1 < 50 goto loop\nexit\n",
            kernel,
            2,
            Some(128),
        );
        let e = bad.error.as_ref().expect("an error");
        assert_eq!((e.errno, e.reason.kind()), (28, "log_full"), "{kernel:?}");
        assert_eq!(e.message, "R0 !read_ok", "{kernel:?}");
        assert!(matches!(
            e.reason,
            veristep_core::reason::Reason::LogFull { walk_errno: 13, .. }
        ));
    }
}

#[test]
fn a_log_that_fits_is_the_whole_log() {
    let text = counting_loop(50);
    for kernel in [KernelVersion::V6_1, KernelVersion::V6_7] {
        let whole = run(&text, kernel, 2, None);
        let sized = run(&text, kernel, 2, Some(whole.log.len() as u32 + 2));
        assert_eq!(sized.verdict, Verdict::Accepted);
        assert_eq!(sized.log, whole.log);
        // 6.1 counts a log of exactly len_total - 1 bytes as full; 6.12 not
        let exact = run(&text, kernel, 2, Some(whole.log.len() as u32 + 1));
        assert_eq!(
            exact.verdict == Verdict::Rejected,
            kernel == KernelVersion::V6_1,
            "{kernel:?}"
        );
    }
}
