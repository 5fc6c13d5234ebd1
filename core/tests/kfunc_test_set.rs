//! Linux 6.1's own `test_verifier` tests of its test kfuncs (verifier/calls.c,
//! "calls: invalid kfunc call: ..."), in the text format: veristep's message
//! and `processed` are the real 6.1's, as measured with
//! `VERISTEP_KERNEL_DIFF_TEXTS=DIR cargo xtask kernel-diff` (12/12 level-1
//! logs identical on 2026-12-03). The shared oracle's converter does not
//! know these kfuncs, so they are kept here rather than in the corpus.

use std::sync::{Arc, OnceLock};
use veristep_core::relo_core::KernelBtf;
use veristep_core::{asm, verify, KernelVersion, Options, Verdict};

fn kernel() -> &'static Arc<KernelBtf> {
    static K: OnceLock<Arc<KernelBtf>> = OnceLock::new();
    K.get_or_init(|| {
        let gz = include_bytes!("../../static/btf/linux-6.1.btf.gz");
        Arc::new(KernelBtf::from_gzip(gz).expect("the 6.1 BTF"))
    })
}

/// Verdict, message and `processed` on 6.1.
fn on_61(text: &str) -> (Verdict, String, u64) {
    let prog = asm::parse(text).expect("parses");
    let prog = prog.relocated("prog", kernel()).expect("loads into 6.1");
    let o = verify(
        &prog,
        &Options {
            kernel: KernelVersion::V6_1,
            log_level: 1,
            ..Options::default()
        },
    );
    let msg = o.error.map(|e| e.message).unwrap_or_default();
    (o.verdict, msg, o.stats.processed as u64)
}

#[test]
fn struct_with_a_flexible_array_is_no_scalar_memory() {
    // test_verifier #203
    let (v, m, n) =
        on_61(".prog_type sched_cls\nr1 = r10\nr1 += -8\ncall bpf_kfunc_call_test_fail3\nexit\n");
    assert_eq!(v, Verdict::Rejected);
    assert_eq!(
        m,
        "arg#0 pointer type STRUCT prog_test_fail3 must point to scalar, or struct with scalar"
    );
    assert_eq!(n, 3);
}

#[test]
fn the_context_parameter_takes_only_the_context() {
    // test_verifier #204
    let (v, m, n) = on_61(
        ".prog_type sched_cls\nr1 = r10\nr1 += -8\ncall bpf_kfunc_call_test_pass_ctx\nexit\n",
    );
    assert_eq!(v, Verdict::Rejected);
    assert_eq!(m, "arg#0 expected pointer to ctx, but got PTR");
    assert_eq!(n, 3);
}

#[test]
fn a_release_argument_is_not_matched_by_its_first_member() {
    // test_verifier #208
    let (v, m, n) = on_61(
        ".prog_type sched_cls\nr0 = 0\ncall bpf_kfunc_call_memb_acquire\nif r0 != 0 goto +1\nexit\n\
         r1 = r0\ncall bpf_kfunc_call_memb1_release\nr0 = 0\nexit\n",
    );
    assert_eq!(v, Verdict::Rejected);
    assert_eq!(
        m,
        "kernel function bpf_kfunc_call_memb1_release args#0 expected pointer to STRUCT prog_test_member1 but R1 has a pointer to STRUCT prog_test_member"
    );
    assert_eq!(n, 6);
}
