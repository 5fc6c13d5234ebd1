//! Linux 6.12 behaviour of the `6.7` mode that the corpus cannot hold: the
//! oracle names the last log line as the "message" of a refusal that has
//! none, so these expectations are written here, each with the real
//! kernels' answer (`../shared/oracle/kernel-verdict`, Linux 6.1.192 and
//! 6.12.95, checked when written).

use veristep_core::{asm, verify, KernelVersion, Options, Verdict};

fn run(text: &str, kernel: KernelVersion) -> veristep_core::Outcome {
    let prog = asm::parse(text).expect("parses");
    verify(
        &prog,
        &Options {
            kernel,
            log_level: 1,
            trace: false,
            log_size: None,
        },
    )
}

/// Linux 6.12: rejected, errno 14 (EFAULT), no verifier message, processed
/// 15, total_states 2, peak_states 2. Linux 6.1: accepted, processed 16.
#[test]
fn a_dead_callback_laid_out_last_fails_the_load_with_efault() {
    let text = include_str!("data/dead_callback_efault.s");
    let o = run(text, KernelVersion::V6_7);
    assert_eq!(o.verdict, Verdict::Rejected);
    let e = o.error.as_ref().expect("an error");
    assert_eq!(e.errno, 14);
    assert_eq!(o.message(), None);
    assert_eq!(
        (o.stats.processed, o.stats.total_states, o.stats.peak_states),
        (15, 2, 2)
    );
    let o = run(text, KernelVersion::V6_1);
    assert_eq!(o.verdict, Verdict::Accepted);
    assert_eq!(o.stats.processed, 16);
}

/// More than 8192 pending branches: `push_stack()` fails and the
/// conditional jump's caller returns -EFAULT, on both kernels (Linux
/// 6.1.192 and 6.12.95: rejected, errno 14, "The sequence of 8193 jumps is
/// too complex.", processed 8194).
#[test]
fn too_many_pending_branches_fail_with_efault() {
    let mut text = String::from("    call bpf_get_prandom_u32\n");
    for k in 1..=8300 {
        text.push_str(&format!("    if r0 == {k} goto out\n"));
    }
    text.push_str("out:\n    r0 = 0\n    exit\n");
    for kernel in [KernelVersion::V6_1, KernelVersion::V6_7] {
        let o = run(&text, kernel);
        assert_eq!(o.verdict, Verdict::Rejected);
        let e = o.error.as_ref().expect("an error");
        assert_eq!(e.errno, 14, "{kernel:?}");
        assert_eq!(
            o.message(),
            Some("The sequence of 8193 jumps is too complex.")
        );
        assert_eq!(o.stats.processed, 8194);
    }
}
