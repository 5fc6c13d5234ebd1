//! `cargo test -p veristep-corpus`: the corpus against the kernel's verdicts.

use veristep_corpus::*;

/// Programs whose 6.1 counters are known not to match yet; each line says why.
/// Verdicts and messages are never listed here: those must always match.
const KNOWN_COUNTER_GAPS: &str = include_str!("../known-counter-gaps.txt");

#[test]
fn corpus_matches_the_kernel() {
    let (checks, errors) = run_all();
    assert!(
        errors.is_empty(),
        "programs that do not parse:\n{}",
        errors.join("\n")
    );
    assert!(!checks.is_empty(), "the corpus is empty");
    let mut failed = Vec::new();
    let (mut n61, mut counters_ok) = (0usize, 0usize);
    for c in &checks {
        if !c.fidelity {
            failed.push(format!("{} [{}]: {}", c.name, c.kernel, c.detail));
        }
        if c.kernel == "6.1" {
            n61 += 1;
            if c.counters {
                counters_ok += 1;
            } else {
                eprintln!("counters differ: {} [{}]: {}", c.name, c.kernel, c.detail);
            }
        }
    }
    let pct = if n61 == 0 {
        100.0
    } else {
        100.0 * counters_ok as f64 / n61 as f64
    };
    eprintln!(
        "corpus: {} checks, {} verdict/message mismatches; 6.1 counters match for {}/{} ({:.1}%)",
        checks.len(),
        failed.len(),
        counters_ok,
        n61,
        pct
    );
    let _ = KNOWN_COUNTER_GAPS;
    assert!(
        failed.is_empty(),
        "mismatches with the kernel:\n{}",
        failed.join("\n")
    );
    assert!(
        pct >= 90.0,
        "6.1 counters match for only {:.1}% of the corpus (need 90%)",
        pct
    );
}

#[test]
fn every_program_round_trips_through_bytes() {
    for p in programs() {
        let prog = load(&p).unwrap_or_else(|e| panic!("{}", e));
        let text = veristep_core::disasm::program_text(&prog);
        let again = veristep_core::asm::parse(&text)
            .unwrap_or_else(|d| panic!("{}: re-parse failed: {:?}\n{}", name_of(&p), d, text));
        assert_eq!(
            prog.to_bytes(),
            again.to_bytes(),
            "{}: bytes differ after text round trip",
            name_of(&p)
        );
        assert_eq!(prog.maps, again.maps, "{}: maps differ", name_of(&p));
        assert_eq!(
            prog.prog_type,
            again.prog_type,
            "{}: program type differs",
            name_of(&p)
        );
    }
}

#[test]
fn seed_snapshots_are_unchanged() {
    let differ = check_snapshots();
    assert!(
        differ.is_empty(),
        "snapshots differ (VERISTEP_BLESS=1 cargo test -p veristep-corpus to accept):\n{}",
        differ.join("\n")
    );
}

/// Informational: how many level-2 logs equal the kernel's (normalised).
#[test]
fn level2_logs_against_the_kernel() {
    let (mut same, mut total) = (0, 0);
    for p in programs() {
        let Ok(prog) = load(&p) else { continue };
        let Some(exp) = expectation(&p, "6.1") else {
            continue;
        };
        if exp["log_level"].as_u64() != Some(2) || exp["log_truncated"].as_bool() == Some(true) {
            continue;
        }
        let Some(klog) = exp["log"].as_str() else {
            continue;
        };
        let o = veristep_core::verify(
            &prog,
            &veristep_core::Options {
                kernel: veristep_core::KernelVersion::V6_1,
                log_level: 2,
                trace: false,
            },
        );
        total += 1;
        if normalize_log(klog) == normalize_log(&o.log) {
            same += 1;
        } else if std::env::var("VERISTEP_SHOW_LOG_DIFF").is_ok() {
            eprintln!(
                "--- {}\n{}\n+++ veristep\n{}",
                name_of(&p),
                normalize_log(klog),
                normalize_log(&o.log)
            );
        }
    }
    eprintln!(
        "level-2 logs identical to Linux 6.1 (normalised): {}/{}",
        same, total
    );
}
