//! Programs typed by the kernel's BTF (fentry, fexit, fmod_ret, tp_btf,
//! LSM, iterators) in the text format, against the real kernels: each
//! record of `tests/btf/records.jsonl` is what Linux 6.1 or 6.12 answered
//! when kernel-diff's VM loaded `tests/btf/NAME.s` (through asm2c, clang
//! and libbpf 1.4; `cargo xtask bless-btf` asks them again). The oracle's
//! `kernel-verdict` cannot load these program types, so they are not in
//! `tests/corpus`. veristep must give the same verdict, first message and
//! `processed` count, read from its log as kernel-diff reads the kernel's,
//! and the statistics' `stack depth` (log level 4) where it was recorded.

mod common;

use common::kernel;
use veristep_core::{asm, verify, Options, Verdict};

#[test]
fn btf_typed_programs_are_verified_as_the_kernels_verify_them() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/btf/");
    let records = std::fs::read_to_string(format!("{root}records.jsonl")).expect("records");
    let kernels = [kernel("6.1"), kernel("6.12")];
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in records.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("a record");
        let name = r["program"].as_str().expect("program");
        let k = r["kernel"].as_str().expect("kernel");
        let (mode, btf) = &kernels[usize::from(k != "6.1")];
        let text = std::fs::read_to_string(format!("{root}{name}.s")).expect("the program");
        let relocated = asm::parse(&text)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"))
            .relocated("prog", btf);
        // libbpf refused it before the kernel saw it: veristep's loader
        // must refuse it with libbpf's first line (or bpf_prog_load() did,
        // which the verdict below says)
        if r["verdict"] == "error" && relocated.is_err() {
            let got = relocated
                .err()
                .map(|e| e.0.lines().next().unwrap_or("").to_string());
            if got.as_deref() != r["message"].as_str() {
                failures.push(format!(
                    "{name} on {k}: libbpf {} / veristep {got:?}",
                    r["message"]
                ));
            }
            checked += 1;
            continue;
        }
        let p = relocated.unwrap_or_else(|e| panic!("{name} on {k}: {}", e.0));
        let o = verify(
            &p,
            &Options {
                kernel: *mode,
                log_level: 1,
                trace: false,
                log_size: None,
            },
        );
        let verdict = if o.verdict == Verdict::Accepted {
            "accepted"
        } else {
            "rejected"
        };
        let mut message = o
            .as_logged()
            .map(|l| l.0)
            .or_else(|| o.message().map(str::to_string));
        // refused by bpf_prog_load() before the verifier (an empty log: a
        // flag the kernel lacks): the loader has only libbpf's line
        let verdict = if verdict != "accepted" && o.log.is_empty() {
            let errno = o.error.as_ref().map_or(0, |e| e.errno);
            message = Some(format!(
                "prog 'prog': BPF program load failed: {}",
                if errno == 22 {
                    "Invalid argument".to_string()
                } else {
                    format!("errno {errno}")
                }
            ));
            "error"
        } else {
            verdict
        };
        let want_message = r["message"].as_str().map(str::to_string);
        let want_processed = r["processed"].as_u64();
        if verdict != r["verdict"]
            || (verdict != "accepted" && message != want_message)
            || want_processed.is_some_and(|n| n != o.stats.processed)
        {
            failures.push(format!(
                "{name} on {k}: kernel {} {:?} processed {:?}; veristep {verdict} {:?} processed {}",
                r["verdict"], want_message, want_processed, message, o.stats.processed
            ));
        }
        // the statistics' `stack depth` (log level 4), when recorded
        if let Some(want) = r["stack_depth"].as_str() {
            let stats = verify(
                &p,
                &Options {
                    kernel: *mode,
                    log_level: veristep_core::BPF_LOG_STATS,
                    trace: false,
                    log_size: None,
                },
            );
            let got = stats
                .log
                .lines()
                .find_map(|l| l.strip_prefix("stack depth "))
                .map(str::to_string);
            if got.as_deref() != Some(want) {
                failures.push(format!(
                    "{name} on {k}: kernel stack depth {want}; veristep {got:?}"
                ));
            }
        }
        checked += 1;
    }
    assert!(checked >= 100, "only {checked} records");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
