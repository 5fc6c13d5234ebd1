//! `veristep`: the command line over veristep-core.
//!
//! veristep verify FILE.s|OBJ.o... [--prog NAME] [--kernel 5.19|6.1|6.7[,...]] [--log-level 0|1|2] [--json]
//! veristep trace FILE.s|OBJ.o [--prog NAME] [--kernel K] [--json] [--from N] [--count N]
//! veristep disasm OBJ.o [--prog NAME]   (each program in the text format)
//!
//! Exit status: 0 accepted, 1 rejected, 2 input error.

use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

/// Prints to stdout; a closed pipe (`veristep ... | head`) is not an error.
fn out(s: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(s.as_bytes());
    let _ = o.flush();
}
use veristep_core::explore::{Exploration, StateView};
use veristep_core::{asm, disasm, elf, verify, KernelVersion, Options, Outcome, Program, Verdict};

mod view;

const USAGE: &str = "usage:
  veristep verify FILE.s|OBJ.o... [--prog NAME] [--kernel 5.19|6.1|6.7[,K...]] [--log-level 0|1|2] [--json]
  veristep trace FILE.s|OBJ.o [--prog NAME] [--kernel K] [--from N] [--count N]   (JSON on stdout)
  veristep disasm OBJ.o|FILE.s [--prog NAME]   (programs in the text format, ASM.md)
  (an OBJ.o is a clang-compiled BPF object: every program in it, or --prog NAME)
exit status: 0 accepted, 1 rejected, 2 input error";

/// Largest program text accepted (bytes).
const MAX_INPUT: u64 = 64 << 20;

struct Args {
    cmd: String,
    files: Vec<String>,
    kernels: Vec<KernelVersion>,
    log_level: u32,
    json: bool,
    prog: Option<String>,
    from: usize,
    count: usize,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut it = argv.iter();
    let cmd = it.next().ok_or("missing command")?.clone();
    if cmd != "verify" && cmd != "trace" && cmd != "disasm" {
        return Err(format!("unknown command '{}'", cmd));
    }
    let mut a = Args {
        cmd,
        files: Vec::new(),
        kernels: vec![KernelVersion::V6_1],
        log_level: 1,
        json: false,
        prog: None,
        from: 0,
        count: usize::MAX,
    };
    let mut level_given = false;
    while let Some(s) = it.next() {
        match s.as_str() {
            "--kernel" => {
                let v = it.next().ok_or("--kernel needs a value")?;
                a.kernels = v
                    .split(',')
                    .map(|k| {
                        KernelVersion::parse(k.trim())
                            .ok_or(format!("unknown kernel '{}' (5.19, 6.1, 6.7)", k))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--log-level" => {
                let v = it.next().ok_or("--log-level needs a value")?;
                a.log_level = match v.as_str() {
                    "0" => 0,
                    "1" => 1,
                    "2" => 2,
                    _ => return Err(format!("--log-level must be 0, 1 or 2, not '{}'", v)),
                };
                level_given = true;
            }
            "--json" => a.json = true,
            "--prog" => a.prog = Some(it.next().ok_or("--prog needs a program name")?.clone()),
            "--from" | "--count" => {
                let v = it.next().ok_or(format!("{} needs a value", s))?;
                let n: usize = v
                    .parse()
                    .map_err(|_| format!("{} needs a number, not '{}'", s, v))?;
                if s == "--from" {
                    a.from = n;
                } else {
                    a.count = n;
                }
            }
            "-h" | "--help" => return Err(String::new()),
            f if f.starts_with("--") => return Err(format!("unknown option '{}'", f)),
            f => a.files.push(f.to_string()),
        }
    }
    if a.files.is_empty() {
        return Err("no input file".into());
    }
    if a.cmd == "trace" && !level_given {
        a.log_level = 2;
    }
    Ok(a)
}

/// The programs of a file: a text program, or every program of a
/// clang-compiled object (`FILE:NAME`), or the one `--prog` names.
fn load(path: &str, only: Option<&str>) -> Result<Vec<(String, Program)>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {}", path, e))?;
    if meta.len() > MAX_INPUT {
        return Err(format!("{}: larger than {} bytes", path, MAX_INPUT));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path, e))?;
    if bytes.starts_with(b"\x7fELF") {
        let obj = elf::load(&bytes).map_err(|e| format!("{}: {}", path, e))?;
        let progs: Vec<(String, Program)> = obj
            .programs
            .into_iter()
            .filter(|p| only.is_none_or(|n| n == p.name))
            .map(|p| {
                if let Some(u) = &p.unsupported {
                    eprintln!("veristep: {}:{}: note: {}", path, p.name, u);
                }
                (format!("{}:{}", path, p.name), p.program)
            })
            .collect();
        if progs.is_empty() {
            return Err(format!(
                "{}: no program named '{}'",
                path,
                only.unwrap_or_default()
            ));
        }
        return Ok(progs);
    }
    let src = String::from_utf8(bytes)
        .map_err(|_| format!("{}: neither program text (UTF-8) nor an ELF object", path))?;
    let p = asm::parse(&src).map_err(|diags| {
        diags
            .iter()
            .map(|d| d.render(path, &src))
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    Ok(vec![(path.to_string(), p)])
}

fn outcome_json(o: &Outcome) -> Value {
    json!({
        "verdict": o.verdict.name(),
        "message": o.message(),
        "error_insn": o.error_insn(),
        "errno": o.error.as_ref().map(|e| e.errno).unwrap_or(0),
        "explanation": o.error.as_ref().map(|e| e.explanation.clone()),
        "processed": o.stats.processed,
        "total_states": o.stats.total_states,
        "peak_states": o.stats.peak_states,
        "max_states_per_insn": o.stats.max_states_per_insn,
        "mark_read": o.stats.mark_read,
        "kernel": o.kernel.name(),
        "log": o.log,
    })
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("veristep: {}", e);
            }
            eprintln!("{}", USAGE);
            return ExitCode::from(2);
        }
    };
    if args.cmd == "trace" {
        return trace_cmd(&args);
    }
    let mut programs = Vec::new();
    let mut input_error = false;
    for f in &args.files {
        match load(f, args.prog.as_deref()) {
            Ok(p) => programs.extend(p),
            Err(e) => {
                eprintln!("{}", e);
                input_error = true;
            }
        }
    }
    if input_error {
        return ExitCode::from(2);
    }
    if args.cmd == "disasm" {
        for (name, p) in &programs {
            if programs.len() > 1 {
                out(&format!("; {}\n", name));
            }
            out(&disasm::program_text(p));
        }
        return ExitCode::SUCCESS;
    }
    let single = programs.len() == 1 && args.kernels.len() == 1;
    let mut any_rejected = false;
    if single {
        let (_, prog) = &programs[0];
        let o = verify(
            prog,
            &Options {
                kernel: args.kernels[0],
                log_level: args.log_level,
                trace: false,
            },
        );
        if args.json {
            out(&format!("{}\n", outcome_json(&o)));
        } else {
            out(&o.log);
        }
        return if o.verdict == Verdict::Accepted {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    // several programs or kernels: a comparison table (or JSON lines)
    let mut rows = Vec::new();
    for (name, prog) in &programs {
        let mut cells = Vec::new();
        for k in &args.kernels {
            let o = verify(
                prog,
                &Options {
                    kernel: *k,
                    log_level: if args.json { args.log_level } else { 0 },
                    trace: false,
                },
            );
            any_rejected |= o.verdict == Verdict::Rejected;
            if args.json {
                let mut v = outcome_json(&o);
                v["file"] = json!(name);
                out(&format!("{}\n", v));
            }
            cells.push(o);
        }
        rows.push((name.clone(), cells));
    }
    if !args.json {
        out(&view::table(&args.kernels, &rows));
    }
    if any_rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn state_json(prog: &Program, s: &StateView) -> Value {
    json!({
        "insn": s.insn,
        "callback_unroll_depth": s.callback_unroll_depth,
        "frames": s.frames.iter().map(|f| view::frame_json(prog, f)).collect::<Vec<_>>(),
        "worklist": s.worklist.iter().map(|p| json!({
            "insn": p.insn,
            "origin": p.origin,
            "frames": p.frames.iter().map(|f| json!({
                "frameno": f.frameno,
                "callsite": f.callsite,
                "subprog": f.subprog,
                "in_callback_fn": f.in_callback_fn,
                "in_async_callback_fn": f.in_async_callback_fn,
                "refs": f.refs.iter().map(|r| json!({"id": r.id, "alloc_insn": r.insn, "callback_ref": r.callback_ref})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn trace_cmd(args: &Args) -> ExitCode {
    if args.files.len() != 1 || args.kernels.len() != 1 {
        eprintln!("veristep: trace takes one file and one kernel");
        return ExitCode::from(2);
    }
    let prog = match load(&args.files[0], args.prog.as_deref()) {
        Ok(mut p) if p.len() == 1 => p.remove(0).1,
        Ok(_) => {
            eprintln!("veristep: the object has several programs; name one with --prog");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        kernel: args.kernels[0],
        log_level: args.log_level,
        trace: true,
    };
    let ex = Exploration::run(&prog, &opts);
    let o = &ex.outcome;
    let Some(trace) = o.trace.as_ref() else {
        eprintln!("veristep: no trace recorded");
        return ExitCode::from(2);
    };
    let end = ex.len().min(args.from.saturating_add(args.count));
    let mut steps = Vec::new();
    for i in args.from..end {
        let s = trace.steps[i];
        let events: Vec<Value> = trace
            .events_of(i)
            .iter()
            .map(|e| json!({"kind": format!("{:?}", e.kind), "insn": e.insn, "aux": e.aux}))
            .collect();
        let state = ex.state_at(i).map(|v| state_json(&prog, &v));
        steps.push(json!({
            "step": i,
            "insn": s.insn,
            "frame": s.frame,
            "pending": s.pending,
            "log_pos": s.log_pos,
            "events": events,
            "state": state,
        }));
    }
    let mut doc = outcome_json(o);
    doc["steps"] = json!(steps);
    doc["step_count"] = json!(ex.len());
    out(&format!("{}\n", doc));
    if o.verdict == Verdict::Accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
