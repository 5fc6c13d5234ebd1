//! Throughput of the checker with the trace on, memory per step, and the
//! time to rebuild the state at a random step, on generated programs up to
//! the 1M processed-instruction limit; the parser on 100k-line texts.
//!
//! `cargo bench -p veristep-core --bench verify` (criterion); the figures
//! that criterion does not measure (bytes per step) are printed once.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use veristep_core::explore::Exploration;
use veristep_core::insn::*;
use veristep_core::{verify, Insn, Options, Program};

/// `r1 = 0; loop: r1 += 1; if r1 < n goto loop; r0 = 0; exit`: 2n + 3 steps.
fn counting_loop(n: i32) -> Program {
    Program::new(vec![
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 1, 0, 0, 0),
        Insn::new(BPF_ALU64 | BPF_ADD | BPF_K, 1, 0, 0, 1),
        Insn::new(BPF_JMP | BPF_JLT | BPF_K, 1, 0, -2, n),
        Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0),
        Insn::new(BPF_JMP | BPF_EXIT, 0, 0, 0, 0),
    ])
}

/// A chain of unknown branches: every path is explored and pruned.
fn branchy(n: usize) -> Program {
    let mut v = vec![Insn::new(BPF_JMP | BPF_CALL, 0, 0, 0, 7)];
    for k in 0..n {
        v.push(Insn::new(
            BPF_JMP | BPF_JSET | BPF_K,
            0,
            0,
            1,
            1 << (k % 31),
        ));
        v.push(Insn::new(BPF_ALU64 | BPF_ADD | BPF_K, 6, 0, 0, 0));
    }
    v[0] = Insn::new(BPF_JMP | BPF_CALL, 0, 0, 0, 7);
    v.insert(1, Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 6, 0, 0, 0));
    v.push(Insn::new(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, 0));
    v.push(Insn::new(BPF_JMP | BPF_EXIT, 0, 0, 0, 0));
    Program::new(v)
}

fn opts(trace: bool) -> Options {
    Options {
        trace,
        log_level: 0,
        ..Options::default()
    }
}

fn bench(c: &mut Criterion) {
    for n in [1_000, 100_000, 499_990] {
        let prog = counting_loop(n);
        let o = verify(&prog, &opts(true));
        let steps = o.trace.as_ref().map(|t| t.steps.len()).unwrap_or(0);
        let bps = o.trace.as_ref().map(|t| t.bytes_per_step()).unwrap_or(0.0);
        eprintln!(
            "counting_loop({}): {} processed, {} steps, {:.1} trace bytes/step, verdict {}",
            n,
            o.stats.processed,
            steps,
            bps,
            o.verdict.name()
        );
        let mut g = c.benchmark_group(format!("counting_loop_{}", n));
        g.sample_size(10);
        g.throughput(Throughput::Elements(o.stats.processed));
        g.bench_function("verify_trace_on", |b| b.iter(|| verify(&prog, &opts(true))));
        g.bench_function("verify_trace_off", |b| {
            b.iter(|| verify(&prog, &opts(false)))
        });
        let ex = Exploration::run(&prog, &opts(true));
        let len = ex.len();
        let mut seed = 0x9e3779b97f4a7c15u64;
        g.bench_function("state_at_random_step", |b| {
            b.iter_batched(
                || {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % len.max(1) as u64) as usize
                },
                |s| ex.state_at(s),
                BatchSize::SmallInput,
            )
        });
        g.finish();
    }
    let prog = branchy(12);
    let o = verify(&prog, &opts(true));
    eprintln!(
        "branchy(12): {} processed, {} states",
        o.stats.processed, o.stats.total_states
    );
    let mut g = c.benchmark_group("branchy_12");
    g.sample_size(10);
    g.throughput(Throughput::Elements(o.stats.processed));
    g.bench_function("verify_trace_on", |b| b.iter(|| verify(&prog, &opts(true))));
    g.finish();
}

/// The parser on large texts: every line labelled, and every line an
/// unknown name (each gets a "did you mean" search). Both must take time
/// linear in the text (a share link or a pasted file is untrusted input).
fn parse(c: &mut Criterion) {
    let n = 100_000;
    let labelled: String = (0..n)
        .map(|i| format!("L{i}: r0 = {}\n", i % 5))
        .chain(["exit\n".to_string()])
        .collect();
    let unknown: String = (0..n).map(|i| format!("L{i}: call L{i}x\n")).collect();
    let mut g = c.benchmark_group("parse_100k_lines");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("labels", |b| {
        b.iter(|| veristep_core::asm::parse(&labelled))
    });
    g.bench_function("unknown_names", |b| {
        b.iter(|| veristep_core::asm::parse(&unknown))
    });
    g.finish();
}

/// The kernel log's cost over the walk (issue 13: level 1 ≤ 1.5× and
/// level 2 ≤ 2× level 0): the 1M-limit loop and the branchy program at
/// log levels 0, 1 and 2, trace off as the CLI runs them.
fn log_levels(c: &mut Criterion) {
    for (name, prog) in [
        ("counting_loop_limit", counting_loop(1_000_000)),
        ("branchy_12", branchy(12)),
    ] {
        let mut g = c.benchmark_group(format!("log_levels_{name}"));
        g.sample_size(10);
        for level in [0, 1, 2] {
            let o = Options {
                log_level: level,
                ..opts(false)
            };
            g.bench_function(format!("level_{level}"), |b| b.iter(|| verify(&prog, &o)));
        }
        g.finish();
    }
}

criterion_group!(benches, bench, parse, log_levels);
criterion_main!(benches);
