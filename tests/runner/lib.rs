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

/// The log level to verify a record's program at: the record's own (1 or
/// 2), so that message and instruction are read from veristep's log by the
/// rule the oracle read them from the kernel's; none for a stats-only
/// record (level 4).
fn record_level(exp: &Value) -> u32 {
    match exp["log_level"].as_u64() {
        Some(l @ (1 | 2)) => l as u32,
        _ => 0,
    }
}

/// What differs in verdict, message and error instruction (never allowed
/// to): one line per field.
pub fn fidelity_diffs(exp: &Value, o: &Outcome) -> Vec<String> {
    let ev = exp["verdict"].as_str().unwrap_or("");
    let em = exp["message"].as_str();
    let ei = exp["error_insn"].as_u64().map(|v| v as usize);
    let mut detail = Vec::new();
    if ev != o.verdict.name() {
        detail.push(format!(
            "verdict: kernel {} veristep {}",
            ev,
            o.verdict.name()
        ));
    }
    // the oracle reads message and instruction from the log; veristep's
    // log is read by the same rule (Outcome::as_logged), and the
    // checker's own message must be the line's end (the kernel may
    // glue it to an instruction line)
    let logged = o.as_logged();
    let vm = logged.as_ref().map_or(o.message(), |l| Some(l.0.as_str()));
    let vi = logged.as_ref().map_or(o.error_insn(), |l| l.1);
    let own_ok = match (em, o.message()) {
        (Some(e), Some(m)) => e.ends_with(m),
        // a refusal without a message of its own (EFAULT after a
        // kernel WARN): the log's last line is all there is to compare
        (Some(_), None) => o.error.as_ref().is_some_and(|e| e.errno == 14),
        (e, m) => e == m,
    };
    if em != vm || !own_ok {
        detail.push(format!(
            "message: kernel {:?} veristep {:?} (logged {:?})",
            em,
            o.message(),
            vm
        ));
    }
    // a stats-only log (level 4, kept when the full log overflowed)
    // cannot show the instruction
    let log_level = exp["log_level"].as_u64().unwrap_or(2);
    let insn_known = exp.get("error_insn").is_some() && log_level != 4;
    if insn_known && ei != vi {
        detail.push(format!("error_insn: kernel {ei:?} veristep {vi:?}"));
    }
    detail
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

/// Whether `VERISTEP_BLESS=1`: snapshots are rewritten instead of compared.
pub fn blessing() -> bool {
    std::env::var("VERISTEP_BLESS")
        .map(|v| v == "1")
        .unwrap_or(false)
}

/// The modes with snapshots.
pub const SNAPSHOT_MODES: [KernelVersion; 3] = [
    KernelVersion::V5_19,
    KernelVersion::V6_1,
    KernelVersion::V6_7,
];

/// Whether a program has snapshots (the seed scenarios).
pub fn has_snapshots(name: &str) -> bool {
    name.starts_with("seed/")
}

/// The level-2 log and trace snapshots of the program at `p` under
/// kernel `k` (`NAME.veristep-MODE.log` / `.trace`): the files that differ,
/// each with a diff (rewritten instead when `bless`).
pub fn check_snapshot(p: &Path, prog: &Program, k: KernelVersion, bless: bool) -> Vec<String> {
    let o = verify(
        prog,
        &Options {
            kernel: k,
            log_level: 2,
            trace: true,
            log_size: None,
        },
    );
    let mut differ = Vec::new();
    for (ext, text) in [("log", o.log.clone()), ("trace", trace_snapshot(&o))] {
        let f = p.with_extension(format!("veristep-{}.{}", k.name(), ext));
        let old = std::fs::read_to_string(&f).unwrap_or_default();
        if old != text {
            if bless {
                let _ = std::fs::write(&f, &text);
            } else if old.is_empty() {
                differ.push(format!("{} (missing)", f.display()));
            } else {
                differ.push(format!(
                    "{} (differs)\n{}",
                    f.display(),
                    line_diff(&old, &text, "snapshot", "veristep")
                ));
            }
        }
    }
    differ
}

/// Level-2 log and trace snapshots of the seed scenarios, per mode:
/// `NAME.veristep-MODE.log` / `.trace`. Returns the names that differ
/// (rewritten instead when `VERISTEP_BLESS=1`).
pub fn check_snapshots() -> Vec<String> {
    let bless = blessing();
    let mut differ = Vec::new();
    for p in programs() {
        if !has_snapshots(&name_of(&p)) {
            continue;
        }
        let Ok(prog) = load(&p) else { continue };
        for k in SNAPSHOT_MODES {
            differ.extend(check_snapshot(&p, &prog, k, bless));
        }
    }
    differ
}

/// The kernel records a program can have: tag, the mode that models it,
/// and whether its counters and level-2 log are compared (5.19 records are
/// derived from the source: no counters, no log). Verdict, message and
/// error instruction are compared for every record.
pub const RECORDS: [Record; 3] = [
    Record {
        tag: "6.1",
        kernel: KernelVersion::V6_1,
        counters: true,
        log2: true,
    },
    Record {
        tag: "6.12",
        kernel: KernelVersion::V6_7,
        counters: true,
        log2: true,
    },
    Record {
        tag: "5.19",
        kernel: KernelVersion::V5_19,
        counters: false,
        log2: false,
    },
];

/// See [`RECORDS`].
#[derive(Clone, Copy, Debug)]
pub struct Record {
    pub tag: &'static str,
    pub kernel: KernelVersion,
    pub counters: bool,
    pub log2: bool,
}

/// The fields that may differ when `ALLOWED_DIFFERENCES` says so: the
/// counters and the level-2 log (`log2`, normalised as [`normalize_log`]).
/// Verdict, message and error instruction are never allowed to differ.
pub const ALLOWABLE_FIELDS: [&str; 4] = ["processed", "total_states", "peak_states", "log2"];

/// Whether a record is one the kernel loaded (accepted or rejected); the
/// others (`error`: e.g. test kfuncs that 6.12 no longer has) are skipped.
pub fn is_comparable(exp: &Value) -> bool {
    matches!(
        exp["verdict"].as_str(),
        Some("accepted" | "rejected" | "error")
    )
}

/// One line of `tests/corpus/ALLOWED_DIFFERENCES`:
/// `PROGRAM KERNEL FIELD  # reason`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allowance {
    pub program: String,
    pub kernel: String,
    pub field: String,
    pub reason: String,
    /// 1-based line number in the file.
    pub line: usize,
}

/// The reviewed list of differences from the kernel that do not fail the
/// corpus (counters and level-2 logs only).
#[derive(Clone, Debug, Default)]
pub struct AllowedDifferences {
    pub entries: Vec<Allowance>,
}

pub fn allowed_differences_path() -> PathBuf {
    corpus_dir().join("ALLOWED_DIFFERENCES")
}

impl AllowedDifferences {
    /// Parses the file's text; every malformed line is an error.
    pub fn parse(text: &str) -> Result<Self, Vec<String>> {
        let (list, errors) = Self::parse_lenient(text);
        if errors.is_empty() {
            Ok(list)
        } else {
            Err(errors)
        }
    }

    /// The well-formed lines, and an error for each other one.
    pub fn parse_lenient(text: &str) -> (Self, Vec<String>) {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let (spec, reason) = match raw.split_once('#') {
                Some((s, r)) => (s.trim(), r.trim()),
                None => (raw.trim(), ""),
            };
            if spec.is_empty() {
                continue; // blank or comment
            }
            let words: Vec<&str> = spec.split_whitespace().collect();
            let [program, kernel, field] = words[..] else {
                errors.push(format!(
                    "line {}: expected `PROGRAM KERNEL FIELD  # reason`, got {:?}",
                    line, raw
                ));
                continue;
            };
            if !RECORDS.iter().any(|r| r.tag == kernel) {
                errors.push(format!(
                    "line {}: unknown kernel record '{}' (6.1, 6.12, 5.19)",
                    line, kernel
                ));
            }
            if !ALLOWABLE_FIELDS.contains(&field) {
                errors.push(format!(
                    "line {}: field '{}' may not be allowed to differ (only {})",
                    line,
                    field,
                    ALLOWABLE_FIELDS.join(", ")
                ));
            }
            if reason.is_empty() {
                errors.push(format!("line {}: no `# reason`", line));
            }
            let known_field = ALLOWABLE_FIELDS.contains(&field);
            if !known_field || !RECORDS.iter().any(|r| r.tag == kernel) {
                continue; // never allows anything
            }
            let e = Allowance {
                program: program.to_string(),
                kernel: kernel.to_string(),
                field: field.to_string(),
                reason: reason.to_string(),
                line,
            };
            if entries.iter().any(|o: &Allowance| {
                (&o.program, &o.kernel, &o.field) == (&e.program, &e.kernel, &e.field)
            }) {
                errors.push(format!("line {}: listed twice", line));
            }
            entries.push(e);
        }
        (AllowedDifferences { entries }, errors)
    }

    /// `tests/corpus/ALLOWED_DIFFERENCES` (an absent file allows nothing):
    /// its well-formed lines, and an error for each other one.
    pub fn load() -> (Self, Vec<String>) {
        match std::fs::read_to_string(allowed_differences_path()) {
            Ok(t) => Self::parse_lenient(&t),
            Err(_) => (Self::default(), Vec::new()),
        }
    }

    pub fn find(&self, program: &str, kernel: &str, field: &str) -> Option<&Allowance> {
        self.entries
            .iter()
            .find(|e| e.program == program && e.kernel == kernel && e.field == field)
    }
}

/// One compared field of a record that differs from the kernel.
#[derive(Clone, Debug)]
pub struct Difference {
    /// One of [`ALLOWABLE_FIELDS`].
    pub field: &'static str,
    /// `kernel 12 veristep 13`, or a diff of the logs.
    pub detail: String,
}

/// A program checked against one kernel record.
#[derive(Clone, Debug, Default)]
pub struct RecordCheck {
    /// Verdict, message or error instruction differ (never allowed).
    pub fidelity: Vec<String>,
    /// Counters or level-2 log that differ.
    pub differences: Vec<Difference>,
    /// The fields compared (counters present in the record, `log2`).
    pub compared: Vec<&'static str>,
}

/// The modelled kernel's BTF (`static/btf`), decoded once per kernel.
fn kernel_btf(k: KernelVersion) -> &'static std::sync::Arc<veristep_core::relo_core::KernelBtf> {
    use std::sync::{Arc, OnceLock};
    use veristep_core::relo_core::KernelBtf;
    static K61: OnceLock<Arc<KernelBtf>> = OnceLock::new();
    static K612: OnceLock<Arc<KernelBtf>> = OnceLock::new();
    let (cell, gz): (_, &[u8]) = match k {
        KernelVersion::V6_7 => (&K612, include_bytes!("../../static/btf/linux-6.12.btf.gz")),
        _ => (&K61, include_bytes!("../../static/btf/linux-6.1.btf.gz")),
    };
    cell.get_or_init(|| Arc::new(KernelBtf::from_gzip(gz).expect("static/btf decodes")))
}

/// `prog` as the kernel `k` receives it: loaded into that kernel's BTF as
/// libbpf loads it when it needs the BTF, else as is. Err: libbpf's
/// failure (the object does not load).
pub fn as_loaded<'a>(
    prog: &'a Program,
    file: &str,
    k: KernelVersion,
) -> Result<std::borrow::Cow<'a, Program>, veristep_core::relo_core::ReloError> {
    if prog.needs_kernel_btf() {
        prog.relocated(file, kernel_btf(k))
            .map(std::borrow::Cow::Owned)
    } else {
        Ok(std::borrow::Cow::Borrowed(prog))
    }
}

/// Verifies `prog` as `rec` says and compares it with the record `exp`.
/// A program that needs the kernel's BTF is first loaded as libbpf loads it
/// into that kernel; where libbpf fails (a kfunc the kernel lacks), the
/// record's verdict must be `error` with libbpf's message. `file` is the
/// program's file, whose stem the oracle names its program after.
pub fn check_record(prog: &Program, file: &str, rec: &Record, exp: &Value) -> RecordCheck {
    let loaded = match as_loaded(prog, file, rec.kernel) {
        Ok(p) => p,
        Err(e) => {
            let mut fidelity = Vec::new();
            let ev = exp["verdict"].as_str().unwrap_or("");
            if ev != "error" {
                fidelity.push(format!("verdict: kernel {ev} veristep error"));
            }
            let em = exp["message"].as_str().unwrap_or("");
            let vm = format!("libbpf: {}", e.0);
            if em != vm {
                fidelity.push(format!("message: kernel {em:?} veristep {vm:?}"));
            }
            return RecordCheck {
                fidelity,
                ..RecordCheck::default()
            };
        }
    };
    let prog: &Program = &loaded;
    if exp["verdict"].as_str() == Some("error") {
        return RecordCheck {
            fidelity: vec![
                "verdict: kernel error (libbpf did not load it) veristep loads it".into(),
            ],
            ..RecordCheck::default()
        };
    }
    let o = verify(
        prog,
        &Options {
            kernel: rec.kernel,
            log_level: record_level(exp),
            trace: false,
            log_size: None,
        },
    );
    let mut out = RecordCheck {
        fidelity: fidelity_diffs(exp, &o),
        ..RecordCheck::default()
    };
    if rec.counters {
        for (k, v) in [
            ("processed", o.stats.processed),
            ("total_states", o.stats.total_states),
            ("peak_states", o.stats.peak_states),
        ] {
            if let Some(e) = exp.get(k).and_then(|x| x.as_u64()) {
                out.compared.push(k);
                if e != v {
                    out.differences.push(Difference {
                        field: k,
                        detail: format!("kernel {} veristep {}", e, v),
                    });
                }
            }
        }
    }
    let full_log =
        exp["log_level"].as_u64() == Some(2) && exp["log_truncated"].as_bool() != Some(true);
    if let (true, true, Some(klog)) = (rec.log2, full_log, exp["log"].as_str()) {
        let o2 = verify(
            prog,
            &Options {
                kernel: rec.kernel,
                log_level: 2,
                trace: false,
                log_size: None,
            },
        );
        out.compared.push("log2");
        let (k, v) = (normalize_log(klog), normalize_log(&o2.log));
        if k != v {
            out.differences.push(Difference {
                field: "log2",
                detail: line_diff(&k, &v, "kernel", "veristep"),
            });
        }
    }
    out
}

/// A short unified-style diff of two texts: the first differing hunk with
/// three lines of context, `-` lines from `a`, `+` lines from `b`.
pub fn line_diff(a: &str, b: &str, a_name: &str, b_name: &str) -> String {
    const CONTEXT: usize = 3;
    const MAX: usize = 20;
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let pre = al.iter().zip(&bl).take_while(|(x, y)| x == y).count();
    let suf = al[pre..]
        .iter()
        .rev()
        .zip(bl[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!(
        "--- {} ({} lines)\n+++ {} ({} lines)\n@@ line {} @@\n",
        a_name,
        al.len(),
        b_name,
        bl.len(),
        pre + 1
    );
    for l in &al[pre.saturating_sub(CONTEXT)..pre] {
        out.push_str(&format!("  {}\n", l));
    }
    for (sign, lines) in [
        ('-', &al[pre..al.len() - suf]),
        ('+', &bl[pre..bl.len() - suf]),
    ] {
        for l in lines.iter().take(MAX) {
            out.push_str(&format!("{} {}\n", sign, l));
        }
        if lines.len() > MAX {
            out.push_str(&format!("{} ... {} more lines\n", sign, lines.len() - MAX));
        }
    }
    for l in al[al.len() - suf..].iter().take(CONTEXT) {
        out.push_str(&format!("  {}\n", l));
    }
    if al.len() == bl.len() && pre == al.len() && a != b {
        out.push_str("(the texts differ only in their final newline)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_list_lines() {
        let (l, errors) = AllowedDifferences::parse_lenient(
            "# comment\n\na/b 6.12 processed  # why\na/b 6.1 message # no\nc/d 7.0 log2 # no\n\
             e/f 6.1 log2\ng h\na/b 6.12 processed # twice\n",
        );
        assert_eq!(errors.len(), 5, "{:?}", errors);
        assert_eq!(l.find("a/b", "6.12", "processed").unwrap().reason, "why");
        assert!(l.find("a/b", "6.1", "message").is_none());
        assert!(l.find("c/d", "7.0", "log2").is_none());
        assert!(AllowedDifferences::parse("x/y 5.19 peak_states # r\n").is_ok());
    }

    #[test]
    fn diff_shows_the_first_hunk() {
        let d = line_diff("a\nb\nc\nd\n", "a\nb\nX\nd\n", "kernel", "veristep");
        assert!(
            d.contains("@@ line 3 @@\n  a\n  b\n- c\n+ X\n  d\n"),
            "{}",
            d
        );
        let d = line_diff("a\n", "a", "x", "y");
        assert!(d.contains("final newline"), "{}", d);
    }
}
