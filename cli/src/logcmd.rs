//! `veristep log FILE [--json] [--against PROG --kernel K]`: a real
//! kernel's verifier log read back, and where veristep's walk parts from it.

use serde_json::{json, Value};
use std::process::ExitCode;

use veristep_core::logread::{
    first_divergence, read_log, LogEvent, LogReading, LogStep, LogVerdict, LoggedState,
};
use veristep_core::{verify, KernelVersion, Options};

/// Largest log read (bytes): a level-2 log of a 1M-insn walk is ~70 MB.
const MAX_LOG: u64 = 256 << 20;

pub struct LogArgs<'a> {
    pub file: &'a str,
    pub json: bool,
    pub against: Option<&'a str>,
    pub prog: Option<&'a str>,
    pub kernel: KernelVersion,
}

fn verdict_name(v: LogVerdict) -> &'static str {
    match v {
        LogVerdict::Accepted => "accepted",
        LogVerdict::Rejected => "rejected",
        LogVerdict::Unknown => "unknown",
    }
}

fn state_json(s: &LoggedState) -> Value {
    let mut regs = serde_json::Map::new();
    let mut stack = serde_json::Map::new();
    for v in &s.values {
        let target = if v.name.starts_with("fp") {
            &mut stack
        } else {
            &mut regs
        };
        target.insert(v.name.clone(), json!(v.value));
    }
    json!({
        "frame": s.frame,
        "full": s.full,
        "regs": regs,
        "stack": stack,
        "refs": s.refs,
        "flags": s.flags,
    })
}

fn event_json(e: &LogEvent) -> Value {
    match e {
        LogEvent::Pop { from, to } => json!({"kind": "Pop", "from": from, "to": to}),
        LogEvent::Prune { from } => json!({"kind": "Prune", "from": from}),
        LogEvent::Call { frame } => json!({"kind": "CallbackOrCallEnter", "frame": frame}),
        LogEvent::Return { to } => json!({"kind": "Return", "to": to}),
        LogEvent::Push { to } => json!({"kind": "Push", "to": to}),
    }
}

fn step_json(i: usize, s: &LogStep) -> Value {
    json!({
        "step": i,
        "line": s.line,
        "insn": s.insn,
        "frame": s.frame,
        "text": s.text,
        "events": s.events.iter().map(event_json).collect::<Vec<_>>(),
        "state_before": s.before.as_ref().map(state_json),
        "changed": s.after.as_ref().map(state_json),
    })
}

pub fn reading_json(r: &LogReading) -> Value {
    json!({
        "verdict": verdict_name(r.verdict()),
        "message": r.message,
        "error_insn": r.error_insn,
        "processed": r.processed,
        "total_states": r.total_states,
        "peak_states": r.peak_states,
        "max_states_per_insn": r.max_states_per_insn,
        "lines": r.lines,
        "steps": r.steps.len(),
        "program": r.program.iter().map(|(i, t)| json!({"insn": i, "text": t})).collect::<Vec<_>>(),
        "unknown_lines": r.unknown.iter().map(|(l, t)| json!({"line": l, "text": t})).collect::<Vec<_>>(),
        "trace": r.steps.iter().enumerate().map(|(i, s)| step_json(i, s)).collect::<Vec<_>>(),
    })
}

pub fn log_cmd(a: &LogArgs) -> ExitCode {
    let text = match read_text(a.file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("veristep: {e}");
            return ExitCode::from(2);
        }
    };
    let r = read_log(&text);
    let Some(prog_path) = a.against else {
        if a.json {
            crate::out(&format!("{}\n", reading_json(&r)));
        } else {
            crate::out(&summary(&r));
        }
        return ExitCode::SUCCESS;
    };
    let prog = match crate::load_one(prog_path, a.prog, a.kernel, Default::default()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let o = verify(
        &prog,
        &Options {
            kernel: a.kernel,
            log_level: 2,
            trace: false,
            log_size: None,
        },
    );
    let ours = read_log(&o.log);
    let d = first_divergence(&r, &ours);
    if a.json {
        let v = match &d {
            None => json!({"diverges": false, "kernel": a.kernel.name(), "steps": r.steps.len()}),
            Some(d) => json!({
                "diverges": true,
                "kernel": a.kernel.name(),
                "step": d.step,
                "insn": d.insn,
                "line": d.line,
                "what": d.what,
            }),
        };
        crate::out(&format!("{v}\n"));
    } else {
        match &d {
            None => crate::out(&format!(
                "veristep's {} mode walks as this log does ({} steps, {}).\n",
                a.kernel.name(),
                r.steps.len(),
                verdict_name(r.verdict())
            )),
            Some(d) => crate::out(&format!(
                "veristep's {} mode parts from this log at step {}{}{}: {}\n",
                a.kernel.name(),
                d.step,
                d.insn
                    .map(|i| format!(", instruction {i}"))
                    .unwrap_or_default(),
                d.line
                    .map(|l| format!(" (log line {l})"))
                    .unwrap_or_default(),
                d.what
            )),
        }
    }
    // like diff: 0 the same, 1 they part
    if d.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn summary(r: &LogReading) -> String {
    let mut s = format!("verdict: {}\n", verdict_name(r.verdict()));
    if let Some(m) = &r.message {
        s.push_str(&format!("message: {m}\n"));
    }
    if let Some(i) = r.error_insn {
        s.push_str(&format!("error_insn: {i}\n"));
    }
    if let Some(p) = r.processed {
        s.push_str(&format!(
            "processed: {p}, total_states: {}, peak_states: {}\n",
            r.total_states.unwrap_or(0),
            r.peak_states.unwrap_or(0)
        ));
    }
    s.push_str(&format!(
        "{} steps over {} instructions; {} lines read, {} not understood\n",
        r.steps.len(),
        r.program.len(),
        r.lines,
        r.unknown.len()
    ));
    s
}

/// The log: a file, or `-` for standard input; any bytes (invalid UTF-8
/// is replaced), at most `MAX_LOG`.
fn read_text(path: &str) -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(MAX_LOG + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("stdin: {e}"))?;
    } else {
        let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        f.take(MAX_LOG + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{path}: {e}"))?;
    }
    if bytes.len() as u64 > MAX_LOG {
        return Err(format!("{path}: larger than {MAX_LOG} bytes"));
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
