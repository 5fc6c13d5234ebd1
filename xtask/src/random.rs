//! `cargo xtask kernel-diff --random N [--seed S] [--kernel 6.1|6.12|both]
//! [--mix] [--soup [--v4]] [--ctx] [--minimise]`: a random differential tester.
//!
//! Generates N programs (`random/gen.rs`) into
//! `target/kernel-diff/random/SEED/NNNN.s`, asks the real Linux 6.1 and 6.12
//! about them (`../shared/oracle/kernel-verdict`, 500 programs a boot) and
//! veristep's 6.1 and 6.7 modes (the core library, in a worker process with
//! a time limit per program), compares verdict, message, error instruction
//! and the counters `processed` / `total_states` / `peak_states`, prints a
//! summary and the disagreements grouped by class, and writes
//! `report.json`. `--minimise` then shrinks one program of each of the most
//! frequent classes (`random/minimise.rs`); `cargo xtask minimise FILE.s
//! [--kernel 6.1|6.12]` shrinks one file.
//!
//! Kernel answers are cached by program text in `SEED/kernel-K.jsonl`, so a
//! second run with the same seed only asks veristep again.

use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use veristep_core::{verify, KernelVersion, Options, Verdict};

mod bounds;
mod btf;
mod callbacks;
mod ctx;
mod dynptr;
mod encodings;
mod frames;
mod gen;
mod loops;
mod maps;
mod minimise;
mod mutate;
mod packet;
mod prune;
mod soup;
mod writer;

pub use gen::GenOpts;

/// A real kernel and the veristep mode that models it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kernel {
    L61,
    L612,
}

impl Kernel {
    pub fn name(self) -> &'static str {
        match self {
            Kernel::L61 => "6.1",
            Kernel::L612 => "6.12",
        }
    }
    pub fn mode(self) -> &'static str {
        match self {
            Kernel::L61 => "6.1",
            Kernel::L612 => "6.7",
        }
    }
    fn parse(s: &str) -> Option<Vec<Kernel>> {
        match s {
            "6.1" => Some(vec![Kernel::L61]),
            "6.12" | "6.7" => Some(vec![Kernel::L612]),
            "both" | "all" => Some(vec![Kernel::L61, Kernel::L612]),
            _ => None,
        }
    }
}

/// The fields compared, as both sides report them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Out {
    pub verdict: String,
    pub errno: Option<i64>,
    pub message: Option<String>,
    pub error_insn: Option<i64>,
    pub processed: Option<i64>,
    pub total_states: Option<i64>,
    pub peak_states: Option<i64>,
    /// The whole level-2 log, normalised ([`normalise_log`]), where it was
    /// asked for (`--log2`) and came whole.
    pub log: Option<String>,
}

impl Out {
    pub fn from_json(v: &Value) -> Out {
        Out {
            verdict: v["verdict"].as_str().unwrap_or("?").to_string(),
            errno: v["errno"].as_i64(),
            // libbpf's own error (the oracle's records say who spoke)
            message: v["message"]
                .as_str()
                .map(|m| m.strip_prefix("libbpf: ").unwrap_or(m).to_string()),
            error_insn: v["error_insn"].as_i64(),
            processed: v["processed"].as_i64(),
            total_states: v["total_states"].as_i64(),
            peak_states: v["peak_states"].as_i64(),
            log: (v["log_level"] == 2 && v["log_truncated"] != true)
                .then(|| v["log"].as_str().map(normalise_log))
                .flatten(),
        }
    }
    fn to_json(&self) -> Value {
        json!({
            "verdict": self.verdict,
            "errno": self.errno,
            "message": self.message,
            "error_insn": self.error_insn,
            "processed": self.processed,
            "total_states": self.total_states,
            "peak_states": self.peak_states,
        })
    }
    /// Whether the kernel judged the program (else: why not).
    fn skip_reason(&self, layout_ok: bool) -> Option<String> {
        match self.verdict.as_str() {
            "accepted" | "rejected" if layout_ok => None,
            "accepted" | "rejected" => Some("layout".into()),
            // libbpf refused the object (a map it could not create, BTF
            // the kernel refused): veristep must refuse it the same way
            "error" => None,
            v => Some(v.to_string()),
        }
    }
    /// `processed P total_states T peak_states S`
    pub fn counters(&self) -> String {
        let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or("-".into());
        format!(
            "processed {} total_states {} peak_states {}",
            n(self.processed),
            n(self.total_states),
            n(self.peak_states)
        )
    }

    pub fn short(&self) -> String {
        match (&self.message, self.errno) {
            (Some(m), _) => format!("{} {:?}", self.verdict, m),
            (None, Some(e)) if self.verdict == "rejected" => {
                format!("{} (errno {e})", self.verdict)
            }
            _ => self.verdict.clone(),
        }
    }
}

/// A message with its numbers and register names masked, for grouping.
pub fn norm(m: Option<&str>) -> String {
    let Some(m) = m else {
        return "-".into();
    };
    let mut out = String::new();
    let b = m.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if c.is_ascii_digit() {
            while i < b.len() && (b[i] as char).is_ascii_hexdigit() || (i < b.len() && b[i] == b'x')
            {
                i += 1;
            }
            out.push('N');
            continue;
        }
        if c == 'R' && i + 1 < b.len() && (b[i + 1] as char).is_ascii_digit() {
            out.push_str("R#");
            i += 1;
            while i < b.len() && (b[i] as char).is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A verifier log line that is no message: `12: (85) call ...`, `mark_precise: ...`.
fn log_line(m: &str) -> bool {
    let digits = m.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && m[digits..].starts_with(": (")) || m.starts_with("mark_precise:")
}

/// The fields that differ, and the class of the first difference.
pub fn compare(k: &Out, v: &Out) -> (Vec<&'static str>, Option<String>) {
    let mut fields = Vec::new();
    if k.verdict != v.verdict {
        fields.push("verdict");
    }
    if k.message != v.message {
        fields.push("message");
    }
    if k.error_insn != v.error_insn {
        fields.push("error_insn");
    }
    let counters: Vec<&'static str> = [
        ("processed", k.processed != v.processed),
        ("total_states", k.total_states != v.total_states),
        ("peak_states", k.peak_states != v.peak_states),
    ]
    .iter()
    .filter(|c| c.1)
    .map(|c| c.0)
    .collect();
    fields.extend(&counters);
    let log_line_apart = match (&k.log, &v.log) {
        (Some(a), Some(b)) if a != b => {
            fields.push("log2");
            Some(first_other_line(a, b).1)
        }
        _ => None,
    };
    // no message, or only a log line (6.12's EFAULT after an instruction)
    let masked = |o: &Out| match (&o.message, o.errno) {
        (m, Some(e)) if o.verdict == "rejected" && m.as_deref().is_none_or(log_line) => {
            format!("(errno {e})")
        }
        (m, _) => norm(m.as_deref()),
    };
    let (km, vm) = (masked(k), masked(v));
    let class = if matches!(v.verdict.as_str(), "timeout" | "panic" | "crash") {
        Some(format!("veristep {}: {}", v.verdict, vm))
    } else if k.verdict != v.verdict {
        Some(format!(
            "verdict: kernel {} {} / veristep {} {}",
            k.verdict, km, v.verdict, vm
        ))
    } else if k.message != v.message {
        Some(format!("message: kernel {} / veristep {}", km, vm))
    } else if k.error_insn != v.error_insn {
        Some(format!("error_insn: {}", km))
    } else if !counters.is_empty() {
        Some(format!(
            "counters [{}]: {} {}",
            counters.join(","),
            k.verdict,
            km
        ))
    } else {
        log_line_apart.map(|l| format!("level-2 log: kernel's first other line {}", norm(Some(l))))
    };
    (fields, class)
}

/// The kernel's value and veristep's of a field, for the listing.
fn field_values(k: &Out, v: &Out, f: &str) -> (Value, Value) {
    match f {
        "verdict" => (json!(k.verdict), json!(v.verdict)),
        "message" => (json!(k.message), json!(v.message)),
        "error_insn" => (json!(k.error_insn), json!(v.error_insn)),
        "processed" => (json!(k.processed), json!(v.processed)),
        "total_states" => (json!(k.total_states), json!(v.total_states)),
        "log2" => {
            // the first line that differs, with its number
            let (a, b) = (k.log.as_deref(), v.log.as_deref());
            let (i, ka, vb) = first_other_line(a.unwrap_or(""), b.unwrap_or(""));
            (
                json!(format!("line {}: {ka}", i + 1)),
                json!(format!("line {}: {vb}", i + 1)),
            )
        }
        _ => (json!(k.peak_states), json!(v.peak_states)),
    }
}

/// A level-2 log made comparable as the corpus compares them
/// (`normalize_log`: BTF source lines dropped, map addresses masked),
/// 6.1's back-edge line info dropped too.
fn normalise_log(log: &str) -> String {
    let kept: Vec<&str> = log.lines().filter(|l| !is_6_1_linfo(l)).collect();
    veristep_corpus::normalize_log(&kept.join("\n"))
}

/// The first line where two logs part: its number (from 0) and each
/// log's line there (`<end>` past a log's end).
fn first_other_line<'a>(a: &'a str, b: &'a str) -> (usize, &'a str, &'a str) {
    let i = a.lines().zip(b.lines()).take_while(|(x, y)| x == y).count();
    let at = |s: &'a str| s.lines().nth(i).unwrap_or("<end>");
    (i, at(a), at(b))
}

/// 6.1's `verbose_linfo()` before a back-edge message prints the source
/// line as `N: asm volatile (` (the oracle's C), with no `; `: a text
/// program has no line info to print (the corpus lists it in
/// ALLOWED_DIFFERENCES).
fn is_6_1_linfo(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..] == *": asm volatile ("
}

// ---- veristep, in a worker process with a time limit ----

/// `xtask random-worker`: reads `MODE\tFILE` lines, answers one JSON line each.
fn worker() -> Result<(), String> {
    std::panic::set_hook(Box::new(|_| {}));
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| e.to_string())?;
        let Some((mode, path)) = line.split_once('\t') else {
            continue;
        };
        let v = veristep_json(mode, Path::new(path));
        writeln!(out, "{}", v).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn veristep_json(mode: &str, path: &Path) -> Value {
    // `MODE@LEVEL`: another log level than the oracle's usual 1
    let (mode, log_level) = match mode.split_once('@') {
        Some((m, l)) => (m, l.parse().unwrap_or(1)),
        None => (mode, 1),
    };
    let Some(kernel) = KernelVersion::parse(mode) else {
        return json!({"verdict": "crash", "message": format!("unknown mode {mode}")});
    };
    let Ok(src) = std::fs::read_to_string(path) else {
        return json!({"verdict": "crash", "message": "cannot read the file"});
    };
    // the file's name, as the oracle names the entry after it (libbpf's
    // messages name it)
    let name = path.to_str().unwrap_or("prog");
    veristep_text_json(kernel, log_level, &src, name)
}

/// Whether veristep's 6.1 mode accepts program `text`: the guide of the
/// deep probes (`--deep`), which keep the operations it accepts.
pub(crate) fn veristep_accepts(text: &str) -> bool {
    veristep_text_json(KernelVersion::V6_1, 0, text, "prog")["verdict"] == "accepted"
}

/// Whether veristep's 6.12 mode accepts program `text`.
pub(crate) fn veristep_accepts_612(text: &str) -> bool {
    veristep_text_json(KernelVersion::V6_7, 0, text, "prog")["verdict"] == "accepted"
}

fn veristep_text_json(kernel: KernelVersion, log_level: u32, src: &str, name: &str) -> Value {
    let Ok(prog) = veristep_core::asm::parse(src) else {
        return json!({"verdict": "parse-error", "message": null});
    };
    // as the CLI does: a program that needs the kernel's BTF (a helper
    // returning a kernel struct, a kfunc by name) gets the mode's
    let prog = if prog.needs_kernel_btf() {
        match crate::kernel_diff::kernel_btf_of(kernel)
            .and_then(|k| prog.relocated(name, &k).map_err(|e| e.0))
        {
            Ok(p) => p,
            Err(e) => return json!({"verdict": "error", "message": e}),
        }
    } else {
        prog
    };
    // at log level 1, as the oracle asks the kernel: the message is read
    // from the log by the oracle's rule (Outcome::as_logged), so a message
    // the kernel prints on its instruction's line (`29: (d6) if w6 s<=
    // 0x7fff goto pc-1 infinite loop detected at insn 29`) is that line
    let r = std::panic::catch_unwind(|| {
        verify(
            &prog,
            &Options {
                kernel,
                log_level,
                trace: false,
                log_size: None,
            },
        )
    });
    match r {
        Ok(o) => json!({
            "verdict": if o.verdict == Verdict::Accepted { "accepted" } else { "rejected" },
            "errno": o.error.as_ref().map(|e| e.errno).unwrap_or(0),
            "message": o
                .as_logged()
                .map(|(m, _)| m)
                .or_else(|| o.message().map(str::to_string)),
            // the instruction by the same rule (the CLI's JSON too)
            "error_insn": match o.as_logged() {
                Some((_, insn)) => insn,
                None => o.error_insn(),
            },
            "processed": o.stats.processed,
            "total_states": o.stats.total_states,
            "peak_states": o.stats.peak_states,
            "log_level": log_level,
            "log": (log_level == 2).then_some(o.log.as_str()),
        }),
        Err(e) => {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            json!({"verdict": "panic", "message": msg})
        }
    }
}

/// The parent's side of a worker: restarts it after a time-out.
pub struct Veristep {
    child: Option<(Child, ChildStdin, Receiver<String>)>,
    pub timeout: Duration,
}

impl Veristep {
    pub fn new(timeout: Duration) -> Self {
        Veristep {
            child: None,
            timeout,
        }
    }

    fn spawn(&mut self) -> Result<(), String> {
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let mut child = Command::new(exe)
            .arg("random-worker")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("random-worker: {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        self.child = Some((child, stdin, rx));
        Ok(())
    }

    fn kill(&mut self) {
        if let Some((mut c, _, _)) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// veristep's answer in `mode` (6.1 / 6.7) about a file; `timeout`,
    /// `panic` or `crash` verdicts when it did not answer.
    pub fn ask(&mut self, mode: &str, path: &Path) -> Result<Out, String> {
        if self.child.is_none() {
            self.spawn()?;
        }
        let (_, stdin, rx) = self.child.as_mut().ok_or("no worker")?;
        let sent = writeln!(stdin, "{}\t{}", mode, path.display()).and_then(|_| stdin.flush());
        if sent.is_err() {
            self.kill();
            return Ok(Out::from_json(&json!({"verdict": "crash"})));
        }
        match rx.recv_timeout(self.timeout) {
            Ok(line) => {
                let v: Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
                Ok(Out::from_json(&v))
            }
            Err(RecvTimeoutError::Timeout) => {
                self.kill();
                Ok(Out::from_json(&json!({"verdict": "timeout"})))
            }
            Err(RecvTimeoutError::Disconnected) => {
                self.kill();
                Ok(Out::from_json(&json!({"verdict": "crash"})))
            }
        }
    }
}

impl Drop for Veristep {
    fn drop(&mut self) {
        self.kill();
    }
}

// ---- the real kernels ----

/// `../shared/oracle/kernel-verdict` (or `$VERISTEP_ORACLE`).
pub fn oracle() -> Result<PathBuf, String> {
    Ok(crate::oracle_dir()?.join("kernel-verdict"))
}

/// One boot: the kernel's record per file (verdict `no-record` for those it
/// did not report on).
fn kernel_batch(
    oracle: &Path,
    k: Kernel,
    files: &[PathBuf],
    log2: bool,
) -> Result<HashMap<PathBuf, Value>, String> {
    let mut cmd = Command::new(oracle);
    if log2 {
        cmd.args(["-l", "2"]);
    } else {
        cmd.args(["-l", "1", "--no-log"]);
    }
    cmd.args(files)
        // under TCG a program near the 1M-instruction limit takes a minute
        .env(
            "ORACLE_TIMEOUT",
            std::env::var("ORACLE_TIMEOUT")
                .unwrap_or_else(|_| format!("{}", 600 + 4 * files.len())),
        )
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    if k == Kernel::L612 {
        cmd.env("ORACLE_CACHE", "cache-6.12");
    }
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", oracle.display()))?;
    let mut recs = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if let Some(f) = v["file"].as_str() {
            recs.insert(PathBuf::from(f), v);
        }
    }
    if recs.is_empty() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(8).collect();
        return Err(format!(
            "kernel-verdict (Linux {}) gave no records: {}",
            k.name(),
            tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
        ));
    }
    Ok(recs)
}

/// Asks the kernel about `files`; files a boot did not report on (the VM
/// timed out) are asked again in halves, down to one file.
pub fn kernel_ask(
    oracle: &Path,
    k: Kernel,
    files: &[PathBuf],
) -> Result<HashMap<PathBuf, Value>, String> {
    kernel_ask_at(oracle, k, files, false)
}

/// [`kernel_ask`], with the whole level-2 log where `log2`.
fn kernel_ask_at(
    oracle: &Path,
    k: Kernel,
    files: &[PathBuf],
    log2: bool,
) -> Result<HashMap<PathBuf, Value>, String> {
    let mut recs = match kernel_batch(oracle, k, files, log2) {
        Ok(r) => r,
        // one file the oracle's converter cannot take (a store of a
        // constant wider than 32 bits) fails the whole batch: halves,
        // down to the file, which is then not judged
        Err(e) if files.len() > 1 => {
            eprintln!(
                "    Linux {}: a batch of {} failed ({}); asking in halves",
                k.name(),
                files.len(),
                e.chars().take(120).collect::<String>()
            );
            let (a, b) = files.split_at(files.len() / 2);
            let mut r = kernel_ask_at(oracle, k, a, log2)?;
            r.extend(kernel_ask_at(oracle, k, b, log2)?);
            return Ok(r);
        }
        Err(e) => {
            let mut r = HashMap::new();
            r.insert(
                files[0].clone(),
                json!({"verdict": "convert-error", "message": e}),
            );
            return Ok(r);
        }
    };
    let missing: Vec<PathBuf> = files
        .iter()
        .filter(|f| recs.get(*f).is_none_or(|r| r["verdict"] == "no-record"))
        .cloned()
        .collect();
    if !missing.is_empty() && files.len() > 1 {
        eprintln!(
            "    Linux {}: no record for {} programs; asking again",
            k.name(),
            missing.len()
        );
        let (a, b) = missing.split_at(missing.len().div_ceil(2));
        for part in [a, b] {
            if !part.is_empty() {
                recs.extend(kernel_ask_at(oracle, k, part, log2)?);
            }
        }
    }
    Ok(recs)
}

/// FNV-1a of a program's text: the key of the kernel-answer cache.
fn text_hash(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The kernel's answers about all files: from the cache, else in batches.
fn kernel_all(
    oracle: &Path,
    k: Kernel,
    files: &[PathBuf],
    texts: &HashMap<PathBuf, String>,
    cache: &Path,
    batch: usize,
    log2: bool,
) -> Result<HashMap<PathBuf, Value>, String> {
    let mut by_hash: HashMap<String, Value> = HashMap::new();
    if let Ok(t) = std::fs::read_to_string(cache) {
        for l in t.lines() {
            if let Ok(v) = serde_json::from_str::<Value>(l) {
                if let Some(h) = v["hash"].as_str() {
                    by_hash.insert(h.to_string(), v);
                }
            }
        }
    }
    let mut out = HashMap::new();
    let mut todo = Vec::new();
    for f in files {
        let h = text_hash(&texts[f]);
        match by_hash.get(&h) {
            Some(v) => {
                out.insert(f.clone(), v.clone());
            }
            None => todo.push(f.clone()),
        }
    }
    if !out.is_empty() {
        eprintln!(
            "==> Linux {}: {} answers from {}",
            k.name(),
            out.len(),
            cache.display()
        );
    }
    let chunks: Vec<&[PathBuf]> = todo.chunks(batch.max(1)).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let t = Instant::now();
        let recs = kernel_ask_at(oracle, k, chunk, log2)?;
        let mut lines = String::new();
        for f in chunk.iter() {
            let mut v = recs
                .get(f)
                .cloned()
                .unwrap_or_else(|| json!({"verdict": "no-record"}));
            v["hash"] = json!(text_hash(&texts[f]));
            if v["verdict"] != "no-record" {
                lines.push_str(&format!("{}\n", v));
            }
            out.insert(f.clone(), v);
        }
        let mut c = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(cache)
            .map_err(|e| format!("{}: {e}", cache.display()))?;
        c.write_all(lines.as_bytes()).map_err(|e| e.to_string())?;
        eprintln!(
            "    Linux {}: batch {}/{} ({} programs) in {:.0} s",
            k.name(),
            i + 1,
            chunks.len(),
            chunk.len(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(out)
}

// ---- the command ----

struct RunOpts {
    n: usize,
    seed: u64,
    kernels: Vec<Kernel>,
    batch: usize,
    minimise: bool,
    max_classes: usize,
    gen: GenOpts,
    timeout: Duration,
    /// Print every disagreement, not three per class.
    list: bool,
    /// `.prog_flags` for every program (`--prog-flags`): kernel-diff's VM
    /// judges them, the oracle sets none.
    prog_flags: Option<String>,
    /// `--mutate DIR[,DIR...]`: mutants of the `.s` files there
    /// (`random/mutate.rs`) instead of generated programs.
    mutate: Vec<String>,
    /// `--log2`: the kernels asked at log level 2, and their whole logs
    /// compared with veristep's line by line.
    log2: bool,
    /// `--write-only`: write the programs and stop, asking no kernel (to
    /// read them, or to check that a generator's change kept its output).
    write_only: bool,
}

fn parse_run(args: &[String]) -> Result<RunOpts, String> {
    let mut o = RunOpts {
        n: 0,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(1),
        kernels: vec![Kernel::L61, Kernel::L612],
        batch: 500,
        minimise: false,
        max_classes: 10,
        gen: GenOpts::default(),
        timeout: Duration::from_secs(60),
        list: false,
        write_only: false,
        prog_flags: None,
        mutate: Vec::new(),
        log2: false,
    };
    let mut it = args.iter();
    let num = |v: Option<&String>, what: &str| -> Result<u64, String> {
        v.and_then(|s| s.parse().ok())
            .ok_or(format!("{what} needs a number"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--random" => o.n = num(it.next(), "--random")? as usize,
            "--seed" => o.seed = num(it.next(), "--seed")?,
            "--kernel" => {
                let k = it.next().ok_or("--kernel needs 6.1, 6.12 or both")?;
                o.kernels = Kernel::parse(k).ok_or(format!("unknown kernel '{k}'"))?;
            }
            "--batch" => o.batch = num(it.next(), "--batch")? as usize,
            "--minimise" | "--minimize" => o.minimise = true,
            "--max-classes" => o.max_classes = num(it.next(), "--max-classes")? as usize,
            "--mix" => o.gen.mix_types = true,
            "--list" => o.list = true,
            "--write-only" => o.write_only = true,
            "--log2" => o.log2 = true,
            "--bugs" => o.gen.bug_pct = num(it.next(), "--bugs")?,
            "--soup" => o.gen.soup = true,
            "--v4" => o.gen.v4 = true,
            "--ctx" => o.gen.ctx = true,
            "--helpers" => {
                o.gen.ctx = true;
                o.gen.helpers = true;
            }
            "--locks" => {
                o.gen.ctx = true;
                o.gen.locks = true;
            }
            "--btf" => o.gen.btf = true,
            "--dynptr" => o.gen.dynptr = true,
            "--callbacks" => o.gen.callbacks = true,
            "--frames" => o.gen.frames = true,
            "--maps" => o.gen.maps = true,
            "--packet" => o.gen.packet = true,
            "--bounds" => o.gen.bounds = true,
            "--loops" => o.gen.loops = true,
            "--prune" => o.gen.prune = true,
            "--encodings" => o.gen.encodings = true,
            "--vm" => {
                o.gen.maps = true;
                o.gen.maps_vm = true;
            }
            "--kfuncs" => {
                o.gen.dynptr = true;
                o.gen.dynptr_kfuncs = true;
            }
            "--iter" => {
                o.gen.btf = true;
                o.gen.iter = true;
            }
            "--types" => {
                o.gen.ctx = true;
                o.gen.vm_types = true;
            }
            "--deep" => {
                o.gen.ctx = true;
                o.gen.deep = true;
            }
            "--mutate" => {
                let d = it.next().ok_or("--mutate needs DIR[,DIR...]")?;
                o.mutate = d.split(',').map(str::to_string).collect();
            }
            "--timeout" => o.timeout = Duration::from_secs(num(it.next(), "--timeout")?),
            // every program loaded with these flags (`.prog_flags`), which
            // only kernel-diff's VM sets
            "--prog-flags" => {
                let f = it.next().ok_or("--prog-flags needs FLAG[|FLAG...]")?;
                veristep_core::ProgFlags::parse(f)?;
                o.prog_flags = Some(f.clone());
            }
            _ => return Err(format!("kernel-diff --random: unknown argument '{a}'")),
        }
    }
    if o.n == 0 {
        return Err("--random needs a number of programs".into());
    }
    Ok(o)
}

pub const USAGE: &str = "cargo xtask kernel-diff --random N [--seed S] [--kernel 6.1|6.12|both] \
[--mix] [--bugs PCT] [--soup [--v4]] [--ctx] [--helpers] [--locks] [--btf [--iter]] [--types] [--deep] [--dynptr [--kfuncs]] [--callbacks] [--frames] [--maps [--vm]] [--packet] [--bounds [--v4]] [--loops [--v4]] [--prune [--v4]] [--encodings] [--prog-flags FLAGS] [--mutate DIR[,DIR...]] [--log2] [--batch 500] [--timeout 60] [--list] [--write-only] [--minimise [--max-classes 10]]";

/// The per-kernel tallies of a run.
#[derive(Default)]
struct Tally {
    total: usize,
    compared: usize,
    skipped: BTreeMap<String, usize>,
    verdict: usize,
    message: usize,
    error_insn: usize,
    counters: usize,
    all: usize,
    /// `--log2`: the level-2 logs compared, and those identical.
    log2: (usize, usize),
}

fn run(args: &[String]) -> Result<(), String> {
    let o = parse_run(args)?;
    let dir = crate::root()
        .join("target/kernel-diff/random")
        .join(o.seed.to_string());
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // 1. the programs
    let width = o.n.to_string().len().max(4);
    let mut files = Vec::new();
    let mut texts = HashMap::new();
    let mut bad_syntax = Vec::new();
    let seeds = if o.mutate.is_empty() {
        Vec::new()
    } else {
        mutate::load_seeds(&o.mutate)?
    };
    for i in 0..o.n {
        let mut text = if seeds.is_empty() {
            gen::program(o.seed, i as u64, &o.gen)
        } else {
            mutate::program(o.seed, i as u64, &seeds)
        };
        if let Some(f) = &o.prog_flags {
            text.insert_str(0, &format!(".prog_flags {f}\n"));
        }
        let f = dir.join(format!("{:0width$}.s", i, width = width));
        std::fs::write(&f, &text).map_err(|e| format!("{}: {e}", f.display()))?;
        if veristep_core::asm::parse(&text).is_err() {
            bad_syntax.push(f.clone());
        }
        texts.insert(f.clone(), text);
        files.push(f);
    }
    eprintln!(
        "==> {} programs (seed {}) in {}{}",
        o.n,
        o.seed,
        dir.display(),
        if bad_syntax.is_empty() {
            String::new()
        } else {
            format!(" ({} do not parse!)", bad_syntax.len())
        }
    );
    if o.write_only {
        return Ok(());
    }
    let oracle = oracle()?;
    // what the oracle's kernel-verdict cannot load (programs typed by the
    // kernel's BTF, types outside the format's contract, load flags, kernel
    // functions its converter does not know): kernel-diff's VM judges them
    if o.gen.btf
        || o.gen.vm_types
        || o.gen.dynptr_kfuncs
        || o.gen.maps_vm
        || (o.gen.loops && o.gen.v4)
        || (o.gen.prune && o.gen.v4)
        || o.gen.encodings
        || o.prog_flags.is_some()
    {
        return btf_through_kernel_diff(&dir, &o.kernels);
    }
    // 2. the kernels (one thread each) while veristep runs here
    let t0 = Instant::now();
    let mut kernel_out: BTreeMap<Kernel, HashMap<PathBuf, Value>> = BTreeMap::new();
    let mut ours: BTreeMap<Kernel, HashMap<PathBuf, Out>> = BTreeMap::new();
    std::thread::scope(|s| -> Result<(), String> {
        let handles: Vec<_> = o
            .kernels
            .iter()
            .map(|&k| {
                let (oracle, files, texts) = (&oracle, &files, &texts);
                let cache = dir.join(if o.log2 {
                    format!("kernel-{}-log2.jsonl", k.name())
                } else {
                    format!("kernel-{}.jsonl", k.name())
                });
                let (batch, log2) = (o.batch, o.log2);
                (
                    k,
                    s.spawn(move || kernel_all(oracle, k, files, texts, &cache, batch, log2)),
                )
            })
            .collect();
        let mut v = Veristep::new(o.timeout);
        for &k in &o.kernels {
            let t = Instant::now();
            let mut m = HashMap::new();
            for f in &files {
                m.insert(f.clone(), v.ask(k.mode(), f)?);
            }
            eprintln!(
                "==> veristep {} mode: {} programs in {:.1} s",
                k.mode(),
                files.len(),
                t.elapsed().as_secs_f64()
            );
            ours.insert(k, m);
        }
        for (k, h) in handles {
            let r = h.join().map_err(|_| "a kernel thread panicked")??;
            kernel_out.insert(k, r);
        }
        // a log too large for the oracle's buffer was asked again at level
        // 4 (BPF_LOG_STATS: no instruction lines to name the error's):
        // veristep's log is read at the same level
        for &k in &o.kernels {
            for f in &files {
                let level = kernel_out[&k].get(f).map(|r| r["log_level"].clone());
                // --log2: veristep's whole log where the kernel's came whole
                let again = match level {
                    Some(l) if l == 4 => Some(4),
                    Some(l) if l == 2 && o.log2 => Some(2),
                    _ => None,
                };
                if let Some(level) = again {
                    let again = v.ask(&format!("{}@{level}", k.mode()), f)?;
                    if let Some(m) = ours.get_mut(&k) {
                        m.insert(f.clone(), again);
                    }
                }
            }
        }
        Ok(())
    })?;
    eprintln!("==> all answers in {:.0} s", t0.elapsed().as_secs_f64());
    // 3. compare
    let mut tallies: BTreeMap<Kernel, Tally> = BTreeMap::new();
    let mut classes: BTreeMap<(Kernel, String), Vec<PathBuf>> = BTreeMap::new();
    let mut listing = Vec::new();
    for &k in &o.kernels {
        let t = tallies.entry(k).or_default();
        for f in &files {
            t.total += 1;
            let kv = &kernel_out[&k][f];
            let ko = Out::from_json(kv);
            let vo = &ours[&k][f];
            if let Some(why) = ko.skip_reason(kv["layout_ok"].as_bool() == Some(true)) {
                *t.skipped.entry(why).or_default() += 1;
                continue;
            }
            if vo.verdict == "parse-error" {
                *t.skipped.entry("veristep parse-error".into()).or_default() += 1;
                continue;
            }
            t.compared += 1;
            let (fields, class) = compare(&ko, vo);
            t.verdict += (!fields.contains(&"verdict")) as usize;
            t.message += (!fields.contains(&"message")) as usize;
            t.error_insn += (!fields.contains(&"error_insn")) as usize;
            t.counters += (!fields
                .iter()
                .any(|f| matches!(*f, "processed" | "total_states" | "peak_states")))
                as usize;
            t.all += fields.is_empty() as usize;
            if ko.log.is_some() && vo.log.is_some() {
                t.log2.0 += 1;
                t.log2.1 += (!fields.contains(&"log2")) as usize;
            }
            if let Some(c) = class {
                classes.entry((k, c.clone())).or_default().push(f.clone());
                let diffs: Vec<Value> = fields
                    .iter()
                    .map(|fl| {
                        let (a, b) = field_values(&ko, vo, fl);
                        json!({"field": fl, "kernel": a, "veristep": b})
                    })
                    .collect();
                listing.push(json!({
                    "file": rel(f),
                    "kernel": k.name(),
                    "class": c,
                    "differences": diffs,
                    "kernel_outcome": ko.to_json(),
                    "veristep_outcome": vo.to_json(),
                }));
            }
        }
    }
    // 4. print
    println!("random kernel-diff: seed {}, {} programs", o.seed, o.n);
    for (k, t) in &tallies {
        let skipped: Vec<String> = t.skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
        println!(
            "{} (veristep {}): verdicts {}/{}, messages {}, error_insn {}, counters {}, all fields {}{}{}",
            k.name(),
            k.mode(),
            t.verdict,
            t.compared,
            t.message,
            t.error_insn,
            t.counters,
            t.all,
            if o.log2 {
                format!(", level-2 logs {}/{}", t.log2.1, t.log2.0)
            } else {
                String::new()
            },
            if skipped.is_empty() {
                String::new()
            } else {
                format!("  (not compared: {})", skipped.join(", "))
            }
        );
    }
    let mut ranked: Vec<(&(Kernel, String), &Vec<PathBuf>)> = classes.iter().collect();
    ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    if !ranked.is_empty() {
        println!("\ndisagreement classes (kernel: count class; examples):");
    }
    for ((k, c), fs) in &ranked {
        println!("{:>5}  {:<5} {}", fs.len(), k.name(), c);
        for f in fs.iter().take(if o.list { usize::MAX } else { 3 }) {
            let ko = Out::from_json(&kernel_out[k][f]);
            let vo = &ours[k][f];
            let (fields, _) = compare(&ko, vo);
            let detail: Vec<String> = fields
                .iter()
                .map(|fl| {
                    let (a, b) = field_values(&ko, vo, fl);
                    format!("{fl} {a} vs {b}")
                })
                .collect();
            println!("         {}: {}", rel(f), detail.join("; "));
        }
        if !o.list && fs.len() > 3 {
            println!(
                "         ... {} more (--list, or report.json)",
                fs.len() - 3
            );
        }
    }
    // 5. minimise
    let mut minimised = Vec::new();
    if o.minimise {
        // the most frequent classes of each kernel in turn, each class once
        let mut order = Vec::new();
        for i in 0..ranked.len() {
            for &kk in &o.kernels {
                if let Some(r) = ranked.iter().filter(|r| r.0 .0 == kk).nth(i) {
                    order.push(*r);
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        let mut v = Veristep::new(o.timeout);
        for ((k, c), fs) in order {
            if minimised.len() >= o.max_classes || !seen.insert((k, c.clone())) {
                continue;
            }
            // the shortest example
            let f = fs
                .iter()
                .min_by_key(|f| texts[*f].lines().count())
                .cloned()
                .unwrap_or_default();
            eprintln!("==> minimising {} for Linux {}: {}", rel(&f), k.name(), c);
            match minimise::minimise(&f, *k, c, &oracle, &mut v) {
                Ok(m) => {
                    println!(
                        "minimised {} ({} -> {} instructions): {}\n    kernel {}; {}\n    veristep {}; {}",
                        rel(&m.path),
                        m.from_insns,
                        m.insns,
                        c,
                        m.kernel.short(),
                        m.kernel.counters(),
                        m.veristep.short(),
                        m.veristep.counters()
                    );
                    minimised.push(json!({
                        "kernel": k.name(),
                        "class": c,
                        "count": fs.len(),
                        "from": rel(&f),
                        "file": rel(&m.path),
                        "instructions": m.insns,
                        "kernel_outcome": m.kernel.to_json(),
                        "veristep_outcome": m.veristep.to_json(),
                    }));
                }
                Err(e) => eprintln!("    could not minimise: {e}"),
            }
        }
    }
    // 6. the report, with every reproducer of this seed (NAME.min.s)
    let mut reproducers = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut mins: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.to_string_lossy().ends_with(".min.s"))
            .collect();
        mins.sort();
        for p in mins {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            let about: Vec<&str> = text
                .lines()
                .take_while(|l| l.starts_with(';'))
                .map(|l| l.trim_start_matches(';').trim())
                .collect();
            let insns = veristep_core::asm::parse(&text)
                .map(|p| p.insns.len())
                .unwrap_or(0);
            reproducers.push(json!({"file": rel(&p), "instructions": insns, "about": about}));
        }
    }
    if !reproducers.is_empty() {
        println!(
            "\n{} reproducers (*.min.s) in {}",
            reproducers.len(),
            rel(&dir)
        );
    }
    let report = json!({
        "seed": o.seed,
        "programs": o.n,
        "generator": {"mix_types": o.gen.mix_types, "bug_pct": o.gen.bug_pct},
        "not_parsing": bad_syntax.iter().map(|f| rel(f)).collect::<Vec<_>>(),
        "kernels": tallies.iter().map(|(k, t)| (k.name().to_string(), json!({
            "veristep_mode": k.mode(),
            "programs": t.total,
            "compared": t.compared,
            "not_compared": t.skipped,
            "agree": {
                "verdict": t.verdict,
                "message": t.message,
                "error_insn": t.error_insn,
                "counters": t.counters,
                "all": t.all,
            },
        }))).collect::<serde_json::Map<String, Value>>(),
        "classes": ranked.iter().map(|((k, c), fs)| json!({
            "kernel": k.name(),
            "class": c,
            "count": fs.len(),
            "files": fs.iter().map(|f| rel(f)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "disagreements": listing,
        "minimised": minimised,
        "reproducers": reproducers,
    });
    let path = dir.join("report.json");
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
    )
    .map_err(|e| format!("{}: {e}", path.display()))?;
    println!("\nreport: {}", rel(&path));
    if !bad_syntax.is_empty() {
        return Err(format!(
            "{} generated programs do not parse (first: {})",
            bad_syntax.len(),
            rel(&bad_syntax[0])
        ));
    }
    Ok(())
}

/// `--btf`: kernel-diff over the programs of `dir`, once per kernel (its
/// table on stdout, one row per program; "DIFFERS" marks a disagreement).
fn btf_through_kernel_diff(dir: &Path, kernels: &[Kernel]) -> Result<(), String> {
    let mut failed = Vec::new();
    for k in kernels {
        eprintln!("==> Linux {}: kernel-diff over {}", k.name(), dir.display());
        if let Err(e) = crate::kernel_diff::over_texts(dir, *k == Kernel::L612, None) {
            failed.push(format!("Linux {}: {e}", k.name()));
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("; "))
    }
}

/// A path relative to the repository root, for printing.
pub fn rel(p: &Path) -> String {
    p.strip_prefix(crate::root())
        .unwrap_or(p)
        .display()
        .to_string()
}

/// `cargo xtask minimise FILE.s [--kernel 6.1|6.12] [--timeout S]`
fn minimise_cmd(args: &[String]) -> Result<(), String> {
    let mut file = None;
    let mut kernel = Kernel::L61;
    let mut timeout = Duration::from_secs(60);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kernel" => {
                let k = it.next().ok_or("--kernel needs 6.1 or 6.12")?;
                kernel = match Kernel::parse(k).as_deref() {
                    Some([k]) => *k,
                    _ => return Err(format!("--kernel {k}: one of 6.1, 6.12")),
                };
            }
            "--timeout" => {
                timeout = Duration::from_secs(
                    it.next()
                        .and_then(|s| s.parse().ok())
                        .ok_or("--timeout needs seconds")?,
                )
            }
            f if !f.starts_with("--") && file.is_none() => file = Some(PathBuf::from(f)),
            _ => return Err(format!("minimise: unknown argument '{a}'")),
        }
    }
    let file = file.ok_or("usage: cargo xtask minimise FILE.s [--kernel 6.1|6.12]")?;
    let file = std::fs::canonicalize(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let oracle = oracle()?;
    let mut v = Veristep::new(timeout);
    let k = kernel_ask(&oracle, kernel, std::slice::from_ref(&file))?;
    let kv = k.get(&file).cloned().unwrap_or(Value::Null);
    let ko = Out::from_json(&kv);
    if let Some(why) = ko.skip_reason(kv["layout_ok"].as_bool() == Some(true)) {
        return Err(format!("Linux {} could not judge it: {why}", kernel.name()));
    }
    let vo = v.ask(kernel.mode(), &file)?;
    let (_, class) = compare(&ko, &vo);
    let Some(class) = class else {
        return Err(format!(
            "veristep and Linux {} agree about {}",
            kernel.name(),
            file.display()
        ));
    };
    eprintln!("==> class: {class}");
    let m = minimise::minimise(&file, kernel, &class, &oracle, &mut v)?;
    println!(
        "{} ({} -> {} instructions)\n    kernel {}; {}\n    veristep {}; {}",
        rel(&m.path),
        m.from_insns,
        m.insns,
        m.kernel.short(),
        m.kernel.counters(),
        m.veristep.short(),
        m.veristep.counters()
    );
    Ok(())
}

/// Whether `main.rs` should hand these arguments to this module.
pub fn wants(args: &[String]) -> bool {
    match args.first().map(String::as_str) {
        Some("kernel-diff") => args.iter().any(|a| a == "--random"),
        Some("minimise" | "minimize" | "random-worker") => true,
        _ => false,
    }
}

pub fn main(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("random-worker") => worker(),
        Some("minimise" | "minimize") => minimise_cmd(&args[1..]),
        Some("kernel-diff") => run(&args[1..]),
        _ => Err(format!("usage: {USAGE}")),
    }
}
