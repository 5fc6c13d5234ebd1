//! The kernel-log reader (`veristep_core::logread`) on every level-2 log the
//! corpus holds (Linux 6.1 and 6.12, blessed by the oracle): it must give
//! the record's verdict, message and `processed`; and walking the same
//! program in the matching mode must part from the kernel's log only where
//! the corpus already knows veristep differs (at most 5 % of the 6.1 logs).

use veristep_core::logread::{first_divergence, read_log, LogVerdict};
use veristep_core::{verify, KernelVersion, Options};
use veristep_corpus::{
    as_loaded, expectation, is_comparable, line_diff, load, name_of, normalize_log, programs,
};

#[test]
fn every_corpus_log_is_read_back() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    let (mut same61, mut total61, mut parted61) = (0, 0, Vec::new());
    let (mut same612, mut total612) = (0, 0);
    for p in programs() {
        for (tag, kernel) in [("6.1", KernelVersion::V6_1), ("6.12", KernelVersion::V6_7)] {
            let Some(exp) = expectation(&p, tag) else {
                continue;
            };
            let Some(log) = exp["log"].as_str() else {
                continue;
            };
            // a program libbpf did not load (`error`) has no log
            let logged = matches!(exp["verdict"].as_str(), Some("accepted" | "rejected"));
            if !is_comparable(&exp) || !logged || exp["log_level"].as_u64() != Some(2) {
                continue;
            }
            if exp["log_truncated"].as_bool() == Some(true) {
                continue;
            }
            checked += 1;
            let r = read_log(log);
            let verdict = match r.verdict() {
                LogVerdict::Accepted => "accepted",
                LogVerdict::Rejected => "rejected",
                LogVerdict::Unknown => "unknown",
            };
            let name = name_of(&p);
            // a load refused after the walk with EFAULT and no word (a
            // kernel WARN in jit_subprogs()) leaves a log that reads as a
            // pass: only the bpf() return says otherwise
            let silent_efault = exp["errno"].as_u64() == Some(14) && verdict == "accepted";
            if verdict != exp["verdict"].as_str().unwrap_or("") && !silent_efault {
                wrong.push(format!("{name} [{tag}]: verdict {verdict}"));
            }
            if r.message.as_deref() != exp["message"].as_str() && !silent_efault {
                wrong.push(format!(
                    "{name} [{tag}]: message {:?}, record {:?}",
                    r.message, exp["message"]
                ));
            }
            if r.processed != exp["processed"].as_u64() {
                wrong.push(format!("{name} [{tag}]: processed {:?}", r.processed));
            }
            if tag != "6.1" {
                // the 6.7 mode prints its log as 6.12 does
                let Ok(prog) = load(&p) else { continue };
                let Ok(prog) = as_loaded(&prog, &p.to_string_lossy(), kernel) else {
                    continue;
                };
                let o = verify(
                    &prog,
                    &Options {
                        kernel,
                        log_level: 2,
                        trace: false,
                        log_size: None,
                    },
                );
                total612 += 1;
                if normalize_log(&o.log).trim_end() == normalize_log(log).trim_end() {
                    same612 += 1;
                } else if std::env::var_os("VERISTEP_SHOW_LOG_DIFFS").is_some() {
                    eprintln!(
                        "6.12 level-2 log differs: {}\n{}",
                        p.display(),
                        line_diff(
                            &normalize_log(log),
                            &normalize_log(&o.log),
                            "kernel",
                            "veristep"
                        )
                    );
                }
                continue;
            }
            // --against in the 6.1 mode
            let Ok(prog) = load(&p) else { continue };
            let Ok(prog) = as_loaded(&prog, &p.to_string_lossy(), kernel) else {
                continue;
            };
            let o = verify(
                &prog,
                &Options {
                    kernel,
                    log_level: 2,
                    trace: false,
                    log_size: None,
                },
            );
            total61 += 1;
            match first_divergence(&r, &read_log(&o.log)) {
                None => same61 += 1,
                Some(d) => parted61.push(format!(
                    "{name}: step {} insn {:?}: {}",
                    d.step, d.insn, d.what
                )),
            }
        }
    }
    assert!(checked > 500, "only {checked} logs");
    assert!(
        wrong.is_empty(),
        "{} of {checked} logs read wrongly:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    eprintln!(
        "logs: {checked} kernel logs read back; veristep's 6.1 walk matches {same61}/{total61} 6.1 logs; \
         the 6.7 mode's level-2 log is identical to Linux 6.12's (normalised) for {same612}/{total612}"
    );
    // a floor, so that 6.12's notation does not silently regress
    assert!(
        same612 * 100 >= total612 * 80,
        "6.12 logs identical: {same612}/{total612}"
    );
    assert!(
        same61 * 100 >= total61 * 95,
        "6.1 logs with a divergence: {}/{}\n{}",
        parted61.len(),
        total61,
        parted61.join("\n")
    );
}

/// Level-1 (and stats-only) logs the oracle printed for corpus programs
/// (`tests/logs/level1.KERNEL.jsonl`, written by `kernel-verdict -l 1`),
/// read as they are and wrapped the way libbpf prints them.
#[test]
fn level1_and_libbpf_wrapped_logs_are_read_back() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("logs");
    let mut n = 0;
    for k in ["6.1", "6.12"] {
        let text = std::fs::read_to_string(dir.join(format!("level1.{k}.jsonl")))
            .expect("the level-1 logs");
        for line in text.lines() {
            let rec: serde_json::Value = serde_json::from_str(line).expect("a record");
            let log = rec["log"].as_str().unwrap_or_default();
            let wrapped = format!(
                "libbpf: prog 'p': BPF program load failed: Permission denied\n\
                 libbpf: prog 'p': -- BEGIN PROG LOAD LOG --\n{log}-- END PROG LOAD LOG --\n\
                 libbpf: prog 'p': failed to load: -13\nlibbpf: failed to load object 'p.o'\n"
            );
            for text in [log.to_string(), wrapped] {
                let r = read_log(&text);
                let verdict = match r.verdict() {
                    LogVerdict::Accepted => "accepted",
                    LogVerdict::Rejected => "rejected",
                    LogVerdict::Unknown => "unknown",
                };
                let name = rec["file"].as_str().unwrap_or_default();
                assert_eq!(verdict, rec["verdict"], "{name} [{k}]");
                assert_eq!(
                    r.message.as_deref(),
                    rec["message"].as_str(),
                    "{name} [{k}]"
                );
                assert_eq!(r.processed, rec["processed"].as_u64(), "{name} [{k}]");
                n += 1;
            }
        }
    }
    assert!(n >= 40, "{n} logs");
}

/// The same level-1 and statistics-only (level 4, `BPF_LOG_STATS`) logs,
/// written by veristep walking the program in the matching mode: they must
/// be the kernel's, line for line (the kernel's `verification time` is its
/// own; source lines and map addresses as `normalize_log` leaves them).
#[test]
fn level1_and_stats_logs_are_the_kernels() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("logs");
    let all = programs();
    let mut n = 0;
    let mut wrong = Vec::new();
    for (k, kernel) in [("6.1", KernelVersion::V6_1), ("6.12", KernelVersion::V6_7)] {
        let text = std::fs::read_to_string(dir.join(format!("level1.{k}.jsonl")))
            .expect("the level-1 logs");
        for line in text.lines() {
            let rec: serde_json::Value = serde_json::from_str(line).expect("a record");
            let file = rec["file"].as_str().unwrap_or_default();
            // `DIR_NAME.s` of kernel-verdict is tests/corpus/DIR/NAME.s
            let Some(p) = all
                .iter()
                .find(|p| name_of(p).replace('/', "_") + ".s" == file)
            else {
                wrong.push(format!("{file}: no such corpus program"));
                continue;
            };
            let prog = load(p).expect("a corpus program parses");
            let level = rec["log_level"].as_u64().expect("a log level") as u32;
            let o = verify(
                &prog,
                &Options {
                    kernel,
                    log_level: level,
                    ..Options::default()
                },
            );
            // the oracle's C line info and map addresses aside
            let own = |log: &str| -> String {
                let log: String = log
                    .lines()
                    .filter(|l| !l.starts_with("verification time "))
                    .map(|l| format!("{l}\n"))
                    .collect();
                normalize_log(&log)
            };
            n += 1;
            if own(&o.log) != own(rec["log"].as_str().unwrap_or_default()) {
                wrong.push(format!("{file} [{k}, level {level}]"));
            }
        }
    }
    assert!(wrong.is_empty(), "logs differ: {wrong:?}");
    assert!(n >= 20, "{n} logs");
}
