//! `cargo test -p veristep-corpus`: the corpus against the kernel's records,
//! one test per program and kernel record (libtest-mimic, `harness = false`):
//!
//!     cargo test -p veristep-corpus -- --list
//!     cargo test -p veristep-corpus -- seed/ringbuf_release_in_cb
//!     cargo test -p veristep-corpus -- --exact seed/leak_prog::6.1
//!
//! Per program `GROUP/NAME`:
//! - `GROUP/NAME::round_trip`: it parses, and its text round-trips to the same bytes;
//! - `GROUP/NAME::6.1`, `::6.12`, `::5.19` (one per record next to it): verdict,
//!   message and error instruction must equal the kernel's (6.12: the verdict);
//!   the counters (6.1, 6.12) and the level-2 log (6.1) must too, unless
//!   `tests/corpus/ALLOWED_DIFFERENCES` lists the field. A record of a
//!   program libbpf did not load (verdict `error`) must be veristep's
//!   `error` too, with libbpf's message;
//! - `seed/NAME::snapshot-MODE`: veristep's own level-2 log and trace
//!   (`VERISTEP_BLESS=1` rewrites them).
//!
//! Plus `ALLOWED_DIFFERENCES`: the allow-list is well formed and names
//! existing programs, records and compared fields.

use libtest_mimic::{Arguments, Failed, Trial};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use veristep_corpus::*;

/// What the record tests saw, for the summary printed at the end.
#[derive(Default)]
struct Tally {
    /// Per record tag: records checked, and those whose verdict, message
    /// or error instruction differ.
    records: BTreeMap<&'static str, (usize, usize)>,
    /// Per record tag: records whose counters were compared, and identical.
    counters: BTreeMap<&'static str, (usize, usize)>,
    /// Per record tag: level-2 logs compared, and identical.
    log2: BTreeMap<&'static str, (usize, usize)>,
    /// Differences the allow-list allows, and those it does not.
    allowed: usize,
    not_allowed: usize,
    /// Allow-list lines whose field was compared and is identical now.
    stale: Vec<String>,
}

fn main() {
    let args = Arguments::from_args();
    let (allowed, allowed_errors) = AllowedDifferences::load();
    let allowed = Arc::new(allowed);
    let tally = Arc::new(Mutex::new(Tally::default()));
    let programs = programs();

    let mut trials = vec![{
        let (programs, allowed) = (programs.clone(), allowed.clone());
        Trial::test("ALLOWED_DIFFERENCES", move || {
            check_allow_list(&programs, &allowed, allowed_errors)
        })
    }];
    for p in &programs {
        let name = name_of(p);
        trials.push({
            let (p, name) = (p.clone(), name.clone());
            Trial::test(format!("{}::round_trip", name), move || {
                round_trip(&p, &name)
            })
        });
        for rec in RECORDS {
            let Some(exp) = expectation(p, rec.tag) else {
                continue;
            };
            let comparable = is_comparable(&exp);
            let (p, name) = (p.clone(), name.clone());
            let (allowed, tally) = (allowed.clone(), tally.clone());
            trials.push(
                Trial::test(format!("{}::{}", name, rec.tag), move || {
                    if !comparable {
                        return Ok(()); // the kernel did not load it: nothing to compare
                    }
                    record_test(&p, &name, &rec, &exp, &allowed, &tally)
                })
                .with_ignored_flag(!comparable),
            );
        }
        if has_snapshots(&name) {
            for k in SNAPSHOT_MODES {
                let p = p.clone();
                trials.push(Trial::test(
                    format!("{}::snapshot-{}", name, k.name()),
                    move || {
                        let prog = load(&p)?;
                        let differ = check_snapshot(&p, &prog, k, blessing());
                        if differ.is_empty() {
                            Ok(())
                        } else {
                            Err(format!(
                                "{}\n(VERISTEP_BLESS=1 cargo test -p veristep-corpus to accept)",
                                differ.join("\n")
                            )
                            .into())
                        }
                    },
                ));
            }
        }
    }

    let conclusion = libtest_mimic::run(&args, trials);
    if !args.list {
        summary(&tally.lock().unwrap());
    }
    conclusion.exit();
}

fn round_trip(p: &Path, name: &str) -> Result<(), Failed> {
    let prog = load(p)?;
    let text = veristep_core::disasm::program_text(&prog);
    let again = veristep_core::asm::parse(&text)
        .map_err(|d| format!("{}: re-parse failed: {:?}\n{}", name, d, text))?;
    if prog.to_bytes() != again.to_bytes() {
        return Err(format!("{}: bytes differ after text round trip", name).into());
    }
    if prog.maps != again.maps {
        return Err(format!("{}: maps differ", name).into());
    }
    if prog.prog_type != again.prog_type {
        return Err(format!("{}: program type differs", name).into());
    }
    Ok(())
}

fn record_test(
    p: &Path,
    name: &str,
    rec: &Record,
    exp: &serde_json::Value,
    allowed: &AllowedDifferences,
    tally: &Mutex<Tally>,
) -> Result<(), Failed> {
    let prog = load(p).map_err(|e| format!("does not parse: {}", e))?;
    let c = check_record(&prog, &p.to_string_lossy(), rec, exp);
    let mut failures = c.fidelity.clone();
    let (mut n_allowed, mut stale) = (0, Vec::new());
    for d in &c.differences {
        if allowed.find(name, rec.tag, d.field).is_some() {
            n_allowed += 1;
            if std::env::var("VERISTEP_SHOW_LOG_DIFF").is_ok() {
                eprintln!("{} [{}] {} (allowed): {}", name, rec.tag, d.field, d.detail);
            }
        } else {
            failures.push(format!("{}: {}", d.field, d.detail));
        }
    }
    for f in &c.compared {
        if let Some(a) = allowed.find(name, rec.tag, f) {
            if !c.differences.iter().any(|d| d.field == *f) {
                stale.push(format!(
                    "ALLOWED_DIFFERENCES:{}: {} {} {}",
                    a.line, name, rec.tag, f
                ));
            }
        }
    }
    {
        let mut t = tally.lock().unwrap();
        let r = t.records.entry(rec.tag).or_default();
        r.0 += 1;
        r.1 += usize::from(!c.fidelity.is_empty());
        let counter_fields = ["processed", "total_states", "peak_states"];
        if c.compared.iter().any(|f| counter_fields.contains(f)) {
            let same = !c
                .differences
                .iter()
                .any(|d| counter_fields.contains(&d.field));
            let e = t.counters.entry(rec.tag).or_default();
            e.0 += 1;
            e.1 += usize::from(same);
        }
        if c.compared.contains(&"log2") {
            let e = t.log2.entry(rec.tag).or_default();
            e.0 += 1;
            e.1 += usize::from(!c.differences.iter().any(|d| d.field == "log2"));
        }
        t.allowed += n_allowed;
        t.not_allowed += failures.len() - c.fidelity.len();
        t.stale.extend(stale);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} [{}] differs from the kernel:\n{}\n(counters and level-2 logs may differ only when \
             tests/corpus/ALLOWED_DIFFERENCES lists `{} {} FIELD  # reason`)",
            name,
            rec.tag,
            failures.join("\n"),
            name,
            rec.tag
        )
        .into())
    }
}

/// The allow-list parses, and every line names a program, a record it has
/// and a field that record compares.
fn check_allow_list(
    programs: &[PathBuf],
    list: &AllowedDifferences,
    parse_errors: Vec<String>,
) -> Result<(), Failed> {
    let mut errors = parse_errors;
    for e in &list.entries {
        let at = format!("line {}: {} {} {}", e.line, e.program, e.kernel, e.field);
        let Some(p) = programs.iter().find(|p| name_of(p) == e.program) else {
            errors.push(format!("{}: no program tests/corpus/{}.s", at, e.program));
            continue;
        };
        let Some(rec) = RECORDS.iter().find(|r| r.tag == e.kernel) else {
            continue; // the parser keeps only known records
        };
        let Some(exp) = expectation(p, rec.tag).filter(is_comparable) else {
            errors.push(format!("{}: no comparable {} record", at, rec.tag));
            continue;
        };
        let compared = if e.field == "log2" {
            rec.log2
                && exp["log_level"].as_u64() == Some(2)
                && exp["log_truncated"].as_bool() != Some(true)
        } else {
            rec.counters && exp.get(&e.field).is_some()
        };
        if !compared {
            errors.push(format!("{}: this field is not compared", at));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}:\n{}",
            allowed_differences_path().display(),
            errors.join("\n")
        )
        .into())
    }
}

fn summary(t: &Tally) {
    if t.records.is_empty() {
        return;
    }
    let per_tag = |m: &BTreeMap<&str, (usize, usize)>| -> String {
        m.iter()
            .map(|(k, (n, x))| format!("{} {}/{}", k, x, n))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mismatches: usize = t.records.values().map(|r| r.1).sum();
    let checked: usize = t.records.values().map(|r| r.0).sum();
    println!(
        "corpus: {} records checked, {} verdict/message/error_insn mismatches; counters identical: {}; \
         level-2 logs identical to the kernel's (normalised): {}; differences allowed by \
         ALLOWED_DIFFERENCES: {}, not allowed: {}",
        checked,
        mismatches,
        per_tag(&t.counters),
        per_tag(&t.log2),
        t.allowed,
        t.not_allowed
    );
    if !t.stale.is_empty() {
        let mut stale = t.stale.clone();
        stale.sort();
        println!(
            "corpus: allowed differences that are gone (remove these lines):\n  {}",
            stale.join("\n  ")
        );
    }
}
