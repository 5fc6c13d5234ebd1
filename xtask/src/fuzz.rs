//! `cargo xtask fuzz [--seconds N] [--runs N] [TARGET...]`: the cargo-fuzz
//! targets of `fuzz/` (parse, verify, elf, logread), seeded from the project's own programs.
//!
//! cargo-fuzz wants a nightly compiler for its sanitizer flags; the stable
//! toolchain builds them with `RUSTC_BOOTSTRAP=1`. Installs cargo-fuzz when
//! it is missing, writes seeds into `fuzz/corpus/TARGET/` (not committed:
//! libFuzzer keeps what it finds there too), builds the targets and runs
//! each for N seconds (or N executions with `--runs`), one after the other. A crash stops its target;
//! libFuzzer writes the input to `fuzz/artifacts/TARGET/`. The run's output
//! is in `target/fuzz/TARGET.log`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{corpus_files, root, run, tool_version};

pub const TARGETS: [&str; 4] = ["parse", "verify", "elf", "logread"];
const CARGO_FUZZ_VERSION: &str = "0.13.2";
const CLANG: &str = "clang-16";

/// `cargo fuzz SUB` with the stable compiler, in `fuzz/`. No sanitizer: the
/// crates have no `unsafe`, and AddressSanitizer would cost 5x the
/// executions; debug assertions and overflow checks stay on (cargo-fuzz's
/// default), so an arithmetic overflow is a crash.
fn cargo_fuzz(sub: &str) -> Command {
    let mut c = Command::new("cargo");
    c.current_dir(root().join("fuzz"))
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", sub, "--sanitizer", "none"]);
    c
}

/// cargo-fuzz, from crates.io, only when missing.
pub fn ensure_cargo_fuzz() -> Result<(), String> {
    let have = Command::new("cargo")
        .args(["fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if have {
        return Ok(());
    }
    run(
        &format!(
            "cargo install cargo-fuzz {} (first time only)",
            CARGO_FUZZ_VERSION
        ),
        Command::new("cargo").args([
            "install",
            "cargo-fuzz",
            "--version",
            CARGO_FUZZ_VERSION,
            "--locked",
        ]),
    )
}

/// `cargo fuzz build` (release, debug assertions on, address sanitizer):
/// what `cargo xtask test` runs so the targets keep compiling.
pub fn build() -> Result<(), String> {
    ensure_cargo_fuzz()?;
    run(
        "cargo fuzz build (RUSTC_BOOTSTRAP=1)",
        &mut cargo_fuzz("build"),
    )
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(dir.join(name), bytes).map_err(|e| format!("{}: {}", dir.display(), e))
}

/// A seed's file name from a path: `alu/div_by_zero_imm.s` ->
/// `seed-alu-div_by_zero_imm`.
fn seed_name(base: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(base).unwrap_or(p).with_extension("");
    let s: String = rel
        .to_string_lossy()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("seed-{}", s)
}

/// Objects for the `elf` target: `tests/c/obj/*.o`, the objects kernel-diff
/// compiled (`target/kernel-diff/obj`), and `tests/c/*.bpf.c` compiled here
/// with clang-16 when it is installed (cached in `target/fuzz/obj`).
fn objects() -> Vec<PathBuf> {
    let r = root();
    let list = |d: &Path, ext: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .map(|rd| {
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.to_string_lossy().ends_with(ext))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let mut objs = list(&r.join("tests/c/obj"), ".o");
    objs.extend(list(&r.join("target/kernel-diff/obj"), ".o"));
    if tool_version(CLANG).is_some() {
        let out = r.join("target/fuzz/obj");
        let _ = std::fs::create_dir_all(&out);
        let mut built = 0;
        for src in list(&r.join("tests/c"), ".bpf.c") {
            let name = src
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("x.bpf.c")
                .trim_end_matches(".bpf.c")
                .to_string();
            let o = out.join(format!("{name}.o"));
            let fresh = match (
                std::fs::metadata(&o).and_then(|m| m.modified()),
                std::fs::metadata(&src).and_then(|m| m.modified()),
            ) {
                (Ok(a), Ok(b)) => a >= b,
                _ => false,
            };
            let ok = fresh
                || Command::new(CLANG)
                    .args(["-target", "bpf", "-O2", "-g"])
                    .args(crate::kernel_diff::libbpf_include_arg())
                    .args(["-I/usr/include/x86_64-linux-gnu", "-c"])
                    .arg(&src)
                    .arg("-o")
                    .arg(&o)
                    .stderr(Stdio::null())
                    .status()
                    .map(|s| s.success())
                    .unwrap_or(false);
            if ok {
                built += !fresh as usize;
                objs.push(o);
            }
        }
        if built > 0 {
            eprintln!("    compiled {} programs of tests/c with {}", built, CLANG);
        }
    }
    objs
}

/// Writes the seeds of every target; returns how many each got.
fn seed(targets: &[&str]) -> Result<Vec<(String, usize)>, String> {
    let r = root();
    let corpus = r.join("tests/corpus");
    let sources = corpus_files(&[]);
    let objs = if targets.contains(&"elf") || targets.contains(&"verify") {
        objects()
    } else {
        Vec::new()
    };
    let mut counts = Vec::new();
    for t in targets {
        let dir = r.join("fuzz/corpus").join(t);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {}", dir.display(), e))?;
        let mut n = 0;
        match *t {
            "parse" => {
                for s in &sources {
                    if let Ok(text) = std::fs::read(s) {
                        write(&dir, &seed_name(&corpus, s), &text)?;
                        n += 1;
                    }
                }
            }
            "verify" => {
                // the target's input: raw instruction words, 8 bytes each,
                // then one byte choosing the kernel mode: a seed per mode
                let mut words = Vec::new();
                for s in &sources {
                    let text = std::fs::read_to_string(s).unwrap_or_default();
                    if let Ok(p) = veristep_core::asm::parse(&text) {
                        words.push((seed_name(&corpus, s), p.to_bytes()));
                    }
                }
                for o in &objs {
                    let bytes = std::fs::read(o).unwrap_or_default();
                    if let Ok(obj) = veristep_core::elf::load(&bytes) {
                        for (i, p) in obj.programs.iter().enumerate() {
                            let name = format!("{}-{}", seed_name(o.parent().unwrap_or(o), o), i);
                            words.push((name, p.program.to_bytes()));
                        }
                    }
                }
                for (name, bytes) in words {
                    for mode in 0..3u8 {
                        let mut input = bytes.clone();
                        input.push(mode);
                        write(&dir, &format!("{}-m{}", name, mode), &input)?;
                        n += 1;
                    }
                }
            }
            "logread" => {
                // the kernels' own logs, as the corpus records hold them
                for s in &sources {
                    for tag in ["6.1", "6.12"] {
                        let rec = s.with_extension(format!("{tag}.json"));
                        let Ok(text) = std::fs::read_to_string(&rec) else {
                            continue;
                        };
                        let log = serde_json::from_str::<serde_json::Value>(&text)
                            .ok()
                            .and_then(|v| v["log"].as_str().map(str::to_string));
                        if let Some(log) = log {
                            let name = format!("{}-{}", seed_name(&corpus, s), tag);
                            write(&dir, &name, log.as_bytes())?;
                            n += 1;
                        }
                    }
                }
            }
            "elf" => {
                for o in &objs {
                    if let Ok(bytes) = std::fs::read(o) {
                        write(&dir, &seed_name(o.parent().unwrap_or(o), o), &bytes)?;
                        n += 1;
                    }
                }
            }
            _ => {}
        }
        counts.push((t.to_string(), n));
    }
    Ok(counts)
}

/// What a libFuzzer run said about itself (`-print_final_stats=1`).
#[derive(Default)]
struct Stats {
    execs: u64,
    per_sec: u64,
    new_units: u64,
    rss_mb: u64,
    corpus: u64,
}

fn stats(log: &str) -> Stats {
    let mut s = Stats::default();
    let num = |l: &str| -> u64 {
        l.rsplit(':')
            .next()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0)
    };
    for l in log.lines() {
        if l.starts_with("stat::number_of_executed_units") {
            s.execs = num(l);
        } else if l.starts_with("stat::average_exec_per_sec") {
            s.per_sec = num(l);
        } else if l.starts_with("stat::new_units_added") {
            s.new_units = num(l);
        } else if l.starts_with("stat::peak_rss_mb") {
            s.rss_mb = num(l);
        } else if let Some(rest) = l.split_once(" corp: ") {
            // "#123 pulse  cov: 1 ft: 2 corp: 45/6789b ..."
            if let Some(c) = rest.1.split('/').next().and_then(|c| c.parse().ok()) {
                s.corpus = c;
            }
        }
    }
    s
}

/// Crash, leak, timeout and out-of-memory inputs libFuzzer wrote in this run.
fn artifacts(dir: &Path, since: std::time::SystemTime) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| {
                    e.metadata()
                        .and_then(|m| m.modified())
                        .map(|t| t >= since)
                        .unwrap_or(false)
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

pub fn fuzz(args: &[String]) -> Result<(), String> {
    let mut seconds: u64 = 60;
    // `--runs N` stops each target after N executions (libFuzzer's -runs),
    // with no time limit unless --seconds is also given
    let mut runs: Option<u64> = None;
    let mut seconds_given = false;
    let mut targets: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--seconds" | "-s" => {
                seconds = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("--seconds takes a number")?;
                seconds_given = true;
            }
            "--runs" => {
                runs = Some(
                    it.next()
                        .and_then(|v| v.parse().ok())
                        .ok_or("--runs takes a number")?,
                );
            }
            t => match TARGETS.iter().find(|x| **x == t) {
                Some(x) => targets.push(x),
                None => {
                    return Err(format!(
                        "usage: cargo xtask fuzz [--seconds N] [--runs N] [{}]...",
                        TARGETS.join("|")
                    ))
                }
            },
        }
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    if runs.is_some() && !seconds_given {
        seconds = 0; // libFuzzer: no time limit
    }
    let r = root();
    build()?;
    let t0 = Instant::now();
    let counts = seed(&targets)?;
    eprintln!(
        "==> seeds ({:.1}s): {}",
        t0.elapsed().as_secs_f64(),
        counts
            .iter()
            .map(|(t, n)| format!("{} {}", t, n))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let logs = r.join("target/fuzz");
    std::fs::create_dir_all(&logs).map_err(|e| e.to_string())?;
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for t in &targets {
        let log_path = logs.join(format!("{}.log", t));
        let log = std::fs::File::create(&log_path).map_err(|e| e.to_string())?;
        let art = r.join("fuzz/artifacts").join(t);
        let since = std::time::SystemTime::now();
        let budget = match (runs, seconds) {
            (Some(n), 0) => format!("{} runs", n),
            (Some(n), s) => format!("{} runs or {} s", n, s),
            (None, s) => format!("{} s", s),
        };
        eprintln!(
            "==> cargo fuzz run {} for {} (output: {})",
            t,
            budget,
            log_path.display()
        );
        let start = Instant::now();
        let status = cargo_fuzz("run")
            .args([t, "--"])
            .arg(format!("-max_total_time={}", seconds))
            .args(runs.map(|n| format!("-runs={}", n)))
            .args(["-print_final_stats=1", "-timeout=60"])
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .status()
            .map_err(|e| format!("cargo fuzz run {}: {}", t, e))?;
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        let s = stats(&text);
        let found = artifacts(&art, since);
        let line = format!(
            "{:<7} {:>12} execs {:>8} exec/s {:>6.0} s  corpus {:>6} (+{})  rss {} MB  {}",
            t,
            s.execs,
            s.per_sec,
            start.elapsed().as_secs_f64(),
            s.corpus,
            s.new_units,
            s.rss_mb,
            if found.is_empty() && status.success() {
                "no crash".to_string()
            } else if found.is_empty() && text.contains("libFuzzer: run interrupted") {
                "INTERRUPTED (a signal stopped it)".to_string()
            } else if found.is_empty() {
                format!("FAILED ({}), see the log", status)
            } else {
                format!(
                    "CRASH: {}",
                    found
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            }
        );
        eprintln!("    {}", line);
        if !status.success() || !found.is_empty() {
            failed.push(t.to_string());
        }
        report.push(line);
    }
    eprintln!("==> fuzz summary");
    for l in &report {
        eprintln!("    {}", l);
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} found a problem; reproduce with `RUSTC_BOOTSTRAP=1 cargo fuzz run -s none TARGET ARTIFACT` in fuzz/, minimise with `RUSTC_BOOTSTRAP=1 cargo fuzz tmin -s none TARGET ARTIFACT`",
            failed.join(", ")
        ))
    }
}
