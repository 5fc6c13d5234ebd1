//! The corpus runner: every `tests/corpus/GROUP/NAME.s` is verified by
//! veristep and compared with the kernel's blessed outcome stored next to it
//! (`NAME.6.1.json` from Linux 6.1, `NAME.6.12.json` from Linux 6.12 for the
//! 6.7 mode, `NAME.5.19.json` derived from the pre-9d9d00ac source).

use serde_json::Value;
use std::path::{Path, PathBuf};
use veristep_core::{asm, verify, KernelVersion, Options, Outcome, Program};

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// All program files, sorted.
pub fn programs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![corpus_dir()];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().map(|x| x == "s").unwrap_or(false) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

pub fn name_of(p: &Path) -> String {
    let rel = p.strip_prefix(corpus_dir()).unwrap_or(p);
    rel.with_extension("").to_string_lossy().into_owned()
}

pub fn load(p: &Path) -> Result<Program, String> {
    let src = std::fs::read_to_string(p).map_err(|e| format!("{}: {}", p.display(), e))?;
    asm::parse(&src).map_err(|d| {
        d.iter()
            .map(|d| d.render(&p.display().to_string(), &src))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// The expectation file of a kernel, if present.
pub fn expectation(p: &Path, tag: &str) -> Option<Value> {
    let f = p.with_extension(format!("{}.json", tag));
    let text = std::fs::read_to_string(f).ok()?;
    serde_json::from_str(&text).ok()
}

/// One comparison.
#[derive(Debug, Default)]
pub struct Check {
    pub name: String,
    pub kernel: String,
    /// Verdict, message and error instruction agree.
    pub fidelity: bool,
    /// processed, total_states and peak_states agree.
    pub counters: bool,
    pub detail: String,
    /// Verdict only (6.12 records).
    pub verdict_only: bool,
}

pub fn compare(name: &str, tag: &str, exp: &Value, o: &Outcome, verdict_only: bool) -> Check {
    let ev = exp["verdict"].as_str().unwrap_or("");
    let em = exp["message"].as_str();
    let ei = exp["error_insn"].as_u64().map(|v| v as usize);
    let mut detail = Vec::new();
    let verdict_ok = ev == o.verdict.name();
    if !verdict_ok {
        detail.push(format!(
            "verdict: kernel {} veristep {}",
            ev,
            o.verdict.name()
        ));
    }
    let mut fidelity = verdict_ok;
    if !verdict_only {
        if em != o.message() {
            fidelity = false;
            detail.push(format!(
                "message: kernel {:?} veristep {:?}",
                em,
                o.message()
            ));
        }
        // the oracle finds the instruction in the log; a stats-only log
        // (level 4, kept when the full log overflowed) cannot show it
        let log_level = exp["log_level"].as_u64().unwrap_or(2);
        let insn_known = exp.get("error_insn").is_some() && log_level != 4;
        if insn_known && ei != o.error_insn() {
            fidelity = false;
            detail.push(format!(
                "error_insn: kernel {:?} veristep {:?}",
                ei,
                o.error_insn()
            ));
        }
    }
    let mut counters = true;
    for (k, v) in [
        ("processed", o.stats.processed),
        ("total_states", o.stats.total_states),
        ("peak_states", o.stats.peak_states),
    ] {
        if let Some(e) = exp.get(k).and_then(|x| x.as_u64()) {
            if e != v {
                counters = false;
                detail.push(format!("{}: kernel {} veristep {}", k, e, v));
            }
        }
    }
    Check {
        name: name.to_string(),
        kernel: tag.to_string(),
        fidelity,
        counters,
        detail: detail.join("; "),
        verdict_only,
    }
}

/// Runs every program against every expectation it has.
pub fn run_all() -> (Vec<Check>, Vec<String>) {
    let mut checks = Vec::new();
    let mut errors = Vec::new();
    for p in programs() {
        let name = name_of(&p);
        let prog = match load(&p) {
            Ok(prog) => prog,
            Err(e) => {
                errors.push(format!("{}: does not parse: {}", name, e));
                continue;
            }
        };
        for (tag, kernel, verdict_only) in [
            ("6.1", KernelVersion::V6_1, false),
            ("6.12", KernelVersion::V6_7, true),
            ("5.19", KernelVersion::V5_19, false),
        ] {
            let Some(exp) = expectation(&p, tag) else {
                continue;
            };
            let ev = exp["verdict"].as_str().unwrap_or("");
            if ev != "accepted" && ev != "rejected" {
                // the kernel could not load it (e.g. test kfuncs absent in 6.12)
                continue;
            }
            let o = verify(
                &prog,
                &Options {
                    kernel,
                    log_level: 0,
                    trace: false,
                },
            );
            let mut c = compare(&name, tag, &exp, &o, verdict_only);
            if tag == "5.19" {
                c.counters = true;
            }
            checks.push(c);
        }
    }
    (checks, errors)
}

/// The kernel's log made comparable: BTF source lines dropped, map
/// addresses masked.
pub fn normalize_log(log: &str) -> String {
    let mut out = String::new();
    for line in log.lines() {
        if line.starts_with("; ") {
            continue;
        }
        let mut l = String::new();
        let mut rest = line;
        while let Some(p) = rest.find("0xffff") {
            l.push_str(&rest[..p]);
            let tail = &rest[p + 2..];
            let n = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
            if n >= 12 {
                l.push_str("0xMAP");
            } else {
                l.push_str(&rest[p..p + 2 + n]);
            }
            rest = &tail[n..];
        }
        l.push_str(rest);
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// A compact, stable text of a trace for snapshots: one line per step.
pub fn trace_snapshot(o: &Outcome) -> String {
    let Some(t) = o.trace.as_ref() else {
        return String::new();
    };
    let mut out = String::new();
    for (i, s) in t.steps.iter().enumerate() {
        out.push_str(&format!(
            "{} insn={} frame={} pending={}",
            i, s.insn, s.frame, s.pending
        ));
        for e in t.events_of(i) {
            out.push_str(&format!(" {:?}({},{})", e.kind, e.insn, e.aux));
        }
        out.push('\n');
    }
    out
}

/// Level-2 log and trace snapshots of the seed scenarios, per mode:
/// `NAME.veristep-MODE.log` / `.trace`. Returns the names that differ
/// (rewritten instead when `VERISTEP_BLESS=1`).
pub fn check_snapshots() -> Vec<String> {
    let bless = std::env::var("VERISTEP_BLESS")
        .map(|v| v == "1")
        .unwrap_or(false);
    let mut differ = Vec::new();
    for p in programs() {
        let name = name_of(&p);
        if !name.starts_with("seed/") {
            continue;
        }
        let Ok(prog) = load(&p) else { continue };
        for k in [
            KernelVersion::V5_19,
            KernelVersion::V6_1,
            KernelVersion::V6_7,
        ] {
            let o = verify(
                &prog,
                &Options {
                    kernel: k,
                    log_level: 2,
                    trace: true,
                },
            );
            for (ext, text) in [("log", o.log.clone()), ("trace", trace_snapshot(&o))] {
                let f = p.with_extension(format!("veristep-{}.{}", k.name(), ext));
                let old = std::fs::read_to_string(&f).unwrap_or_default();
                if old != text {
                    if bless {
                        let _ = std::fs::write(&f, &text);
                    } else {
                        differ.push(format!(
                            "{} ({})",
                            f.display(),
                            if old.is_empty() { "missing" } else { "differs" }
                        ));
                    }
                }
            }
        }
    }
    differ
}
