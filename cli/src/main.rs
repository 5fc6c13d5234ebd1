//! `veristep`: the command line over veristep-core.
//!
//! veristep verify FILE.s|OBJ.o... [--prog NAME] [--kernel 5.19|6.1|6.12[,...]] [--log-level 0..7] [--json]
//! veristep trace FILE.s|OBJ.o [--prog NAME] [--kernel K] [--log-level 0|1|2] [--from N] [--count N]
//! veristep disasm OBJ.o|FILE.s... [--prog NAME]   (each program in the text format)
//!
//! Arguments are parsed by clap (`veristep --help`, `veristep verify --help`).
//! Exit status: 0 accepted, 1 rejected, 2 input error (and bad arguments).

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;

use veristep_core::explore::{Exploration, StateView};
use veristep_core::program::{AttachType, ProgType};
use veristep_core::reason::Fact;
use veristep_core::{asm, disasm, elf, verify, KernelVersion, Options, Outcome, Program, Verdict};

mod graphcmd;
mod kbtf;
mod logcmd;
mod view;

/// Prints to stdout; a closed pipe (`veristep ... | head`) is not an error.
pub(crate) fn out(s: &str) {
    let mut o = std::io::stdout().lock();
    let _ = o.write_all(s.as_bytes());
    let _ = o.flush();
}

/// Largest program text accepted (bytes).
const MAX_INPUT: u64 = 64 << 20;

/// `veristep verify --help`, after the options.
const VERIFY_NOTES: &str = "\
One program under one kernel: the kernel-style log on stdout (with --json,
one JSON object). Several programs (files, or the programs of an object) or
kernels: a table of verdict, processed instructions and states per kernel,
each rejection's message under its row (with --json, one JSON line each).
An OBJ.o is a clang-compiled BPF object (clang -target bpf -O2 -g -c):
every program in it, or the one --prog NAME names.

A level-2 log of one program is printed as the walk writes it (never held
whole); a reader that stops reading (| head) stops the walk.

Exit status: 0 accepted, 1 rejected (any, for a table), 2 input error or bad
arguments, 141 the output pipe closed. Input errors are printed on stderr as
FILE:LINE:COL: error: MESSAGE.";

/// `veristep trace --help`, after the options.
const TRACE_NOTES: &str = "\
One JSON object on stdout: the outcome (as verify --json), step_count and
the steps asked for, each with its events, the call frames (registers,
stack, references) and the worklist.

Exit status: 0 accepted, 1 rejected, 2 input error or bad arguments.";

const EXAMPLES: &str = "\
Examples:
  veristep verify prog.s                          kernel-style log (level 1)
  veristep verify prog.s --log-level 2 --json     one JSON object, the level-2 log in it
  veristep verify a.s b.o --kernel 5.19,6.1,6.12  comparison table
  veristep trace prog.s --from 10 --count 5       steps 10..15 of the exploration
  veristep disasm prog.o                          the object's programs as text
  veristep graph prog.s --dot | dot -Tsvg         the exploration as a picture

Exit status: 0 accepted, 1 rejected, 2 input error or bad arguments.";

/// A model of the Linux BPF verifier (5.19, 6.1, 6.12): the kernel's
/// verdict, message and log, and a trace of the exploration.
#[derive(Parser)]
#[command(
    name = "veristep",
    version,
    after_help = EXAMPLES,
    subcommand_required = true,
    arg_required_else_help = true,
    // `--kernel 6.1 --kernel 6.7`: the last one wins, as it always did
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify programs: the log, or a table for several programs or kernels
    #[command(after_help = VERIFY_NOTES)]
    Verify(VerifyArgs),
    /// The exploration as JSON: every step with its events, state and worklist
    #[command(after_help = TRACE_NOTES)]
    Trace(TraceArgs),
    /// Programs in the text format (ASM.md); they parse back to the same bytes
    #[command(after_help = "Exit status: 0 done, 2 input error or bad arguments.")]
    Disasm(DisasmArgs),
    /// A real kernel's verifier log read back; --against: where veristep parts from it
    ///
    /// Level 1 or 2, any 5.x-6.x kernel, libbpf- or bpftool-wrapped, cut
    /// or whole.
    #[command(after_help = LOG_NOTES)]
    Log(LogCmdArgs),
    /// The exploration graph: states stored and visited, branches, prunes
    #[command(after_help = GRAPH_NOTES)]
    Graph(GraphCmdArgs),
}

/// `veristep graph --help`, after the options.
const GRAPH_NOTES: &str = "\
Nodes are the points of the walk: the start, each state stored for pruning,
each branch pushed and resumed, calls, callback entries, returns, and the
ends of paths (done, pruned, rejected). Edges: the walk (solid), a push to
the pop that resumes it (bold), a pruned path to the stored state it
matched (dashed, labelled prune). Callbacks and subprograms are nested
clusters. Above --limit nodes, nodes of one kind at one instruction and
frame depth are merged, with counts.

  veristep graph prog.s --dot | dot -Tsvg > exploration.svg

Exit status: 0 accepted, 1 rejected, 2 input error or bad arguments.";

#[derive(Args)]
struct GraphCmdArgs {
    /// Program text (ASM.md) or clang-compiled BPF object
    #[arg(value_name = "FILE.s|OBJ.o")]
    file: String,
    /// The program NAME of an object (needed when it has several)
    #[arg(long, value_name = "NAME")]
    prog: Option<String>,
    /// Kernel mode: 5.19, 6.1 or 6.12 (6.7 is an alias)
    #[arg(long, value_name = "K", default_value = "6.1", value_parser = parse_kernel)]
    kernel: KernelVersion,
    /// Graphviz dot (the default)
    #[arg(long, conflicts_with = "json")]
    dot: bool,
    /// JSON: nodes (with a layout), edges, frames
    #[arg(long)]
    json: bool,
    /// Nodes shown one by one before the graph is aggregated
    #[arg(long, value_name = "N", default_value_t = veristep_core::graph::DETAIL_LIMIT)]
    limit: usize,
    /// The libbpf that loads an object: 1.1 or 1.4 (see verify --help)
    #[arg(long, value_name = "V", default_value = "1.1", value_parser = parse_libbpf)]
    libbpf: elf::Libbpf,
}

/// `veristep log --help`, after the options.
const LOG_NOTES: &str = "\
Without --against: the log's verdict, message, error instruction and
counters (with --json: also the program as logged and every step, with the
registers, stack and references the log printed at it; what it did not
print is absent, never guessed). With --against: {\"diverges\": false} or
the first step where veristep's walk of PROG in mode K parts from the log.

Exit status: 0 read (or no divergence), 1 a divergence, 2 input error.";

#[derive(Args)]
struct LogCmdArgs {
    /// The log (a file, or - for standard input)
    #[arg(value_name = "LOG")]
    file: String,
    /// JSON output
    #[arg(long)]
    json: bool,
    /// Walk this program (text or object) beside the log
    #[arg(long, value_name = "FILE.s|OBJ.o")]
    against: Option<String>,
    /// The program NAME of an object
    #[arg(long, value_name = "NAME")]
    prog: Option<String>,
    /// The mode to walk in: 5.19, 6.1 or 6.12 (6.7 is an alias)
    #[arg(long, value_name = "K", default_value = "6.1", value_parser = parse_kernel)]
    kernel: KernelVersion,
}

#[derive(Args)]
struct VerifyArgs {
    /// Program text (ASM.md) or clang-compiled BPF object
    #[arg(value_name = "FILE.s|OBJ.o", required = true)]
    files: Vec<String>,
    /// Only the program NAME of an object
    #[arg(long, value_name = "NAME")]
    prog: Option<String>,
    /// Kernel mode (5.19, 6.1, 6.12; 6.7 is an alias), or a comma list for a table
    #[arg(long, value_name = "K[,K...]", default_value = "6.1", value_parser = parse_kernels)]
    kernel: Kernels,
    /// As the kernel's log_level: 0 none, 1 the verdict's path, 2 all; 4
    /// adds the statistics (stack depth; alone: messages and statistics only)
    #[arg(long, value_name = "N", default_value = "1", value_parser = log_level())]
    log_level: u32,
    /// The log buffer's size in bytes (the kernel's log_size): the log is
    /// cut as the kernel cuts it (6.1 keeps its beginning, 6.12 its end), and
    /// a log that does not fit fails the load with ENOSPC, as on the kernel
    #[arg(long, value_name = "BYTES")]
    log_size: Option<u32>,
    /// Give map NAME N entries before loading, as a tool's loader does
    /// with bpf_map__set_max_entries (a map of 0 entries, which libbpf
    /// cannot create, then loads); repeatable
    #[arg(long, value_name = "NAME=N", value_parser = parse_map_entries)]
    map_entries: Vec<(String, u32)>,
    /// Attach program PROG (fentry, fexit, fmod_ret, tp_btf, lsm, iter) to
    /// TARGET in the kernel, as a tool's loader does with
    /// bpf_program__set_attach_target (a `SEC("fentry")` without one then
    /// loads); repeatable
    #[arg(long, value_name = "PROG=TARGET", value_parser = parse_attach_target)]
    attach_target: Vec<(String, String)>,
    /// Load program PROG as TYPE (with its HOOK, the expected attach type,
    /// as `.prog_type TYPE HOOK` writes it), as a tool's loader does with
    /// bpf_program__set_type for a section libbpf gives no type
    /// (`tc_ingress`, `classifier/x`, `xdp_foo`); repeatable
    #[arg(long, value_name = "PROG=TYPE[/HOOK]", value_parser = parse_prog_type)]
    prog_type: Vec<(String, ProgType, Option<AttachType>)>,
    /// Set global variable NAME (of .rodata, .data or .bss) to VALUE
    /// before loading, as a tool's skeleton does (`rodata->NAME = VALUE`):
    /// a `const volatile` setting is then the verifier's constant. An
    /// integer (decimal or 0x hex, negative allowed), NAME[I]=VALUE for an
    /// element of an array of integers, or text for an array of bytes
    /// (`targ_comm=bash`); repeatable
    #[arg(long, value_name = "NAME=VALUE", value_parser = parse_global)]
    set_global: Vec<(String, String)>,
    /// Load program PROG with these `prog_flags` too, as a test loader
    /// does with bpf_program__set_flags: BPF_F_TEST_STATE_FREQ (a
    /// checkpoint at every prune point), BPF_F_STRICT_ALIGNMENT,
    /// BPF_F_ANY_ALIGNMENT, BPF_F_TEST_REG_INVARIANTS (6.12), ... joined
    /// by '|' (the BPF_F_ may be left out) or a number; repeatable
    #[arg(long, value_name = "PROG=FLAGS", value_parser = parse_prog_flags)]
    prog_flags: Vec<(String, u32)>,
    /// The libbpf that loads an object: 1.1 (Debian bookworm's) or 1.4
    /// (bookworm-backports'). 1.4 knows more sections (tcx/, netkit/,
    /// uprobe.multi, struct_ops.s, netfilter, cgroup/*_unix), .struct_ops.link,
    /// arenas, exception callbacks and __arg_ctx, and poisons an unresolved
    /// weak kfunc's call
    #[arg(long, value_name = "V", default_value = "1.1", value_parser = parse_libbpf)]
    libbpf: elf::Libbpf,
    /// JSON: one object per program and kernel
    #[arg(long)]
    json: bool,
    /// Ignored (a trace option, always accepted here)
    #[arg(long, hide = true)]
    from: Option<usize>,
    /// Ignored (a trace option, always accepted here)
    #[arg(long, hide = true)]
    count: Option<usize>,
}

#[derive(Args)]
struct TraceArgs {
    /// Program text (ASM.md) or clang-compiled BPF object
    #[arg(value_name = "FILE.s|OBJ.o")]
    file: String,
    /// The program NAME of an object (needed when it has several)
    #[arg(long, value_name = "NAME")]
    prog: Option<String>,
    /// Kernel mode: 5.19, 6.1 or 6.12 (6.7 is an alias)
    #[arg(long, value_name = "K", default_value = "6.1", value_parser = parse_kernel)]
    kernel: KernelVersion,
    /// The kernel's log_level for the `log` field [default: 2]
    #[arg(long, value_name = "N", value_parser = log_level())]
    log_level: Option<u32>,
    /// First step to print
    #[arg(long, value_name = "N", default_value_t = 0)]
    from: usize,
    /// How many steps to print [default: all]
    #[arg(long, value_name = "N")]
    count: Option<usize>,
    /// The libbpf that loads an object: 1.1 or 1.4 (see verify --help)
    #[arg(long, value_name = "V", default_value = "1.1", value_parser = parse_libbpf)]
    libbpf: elf::Libbpf,
    /// Ignored: the trace is always JSON
    #[arg(long, hide = true)]
    json: bool,
}

#[derive(Args)]
struct DisasmArgs {
    /// Program text (ASM.md) or clang-compiled BPF object
    #[arg(value_name = "OBJ.o|FILE.s", required = true)]
    files: Vec<String>,
    /// Only the program NAME of an object
    #[arg(long, value_name = "NAME")]
    prog: Option<String>,
    /// The program as libbpf loads it into this kernel: CO-RE relocations
    /// applied against its BTF (the first of a list)
    #[arg(long, value_name = "5.19|6.1|6.12", value_parser = parse_kernels)]
    kernel: Option<Kernels>,
    /// The libbpf that loads an object: 1.1 or 1.4 (see verify --help)
    #[arg(long, value_name = "V", default_value = "1.1", value_parser = parse_libbpf)]
    libbpf: elf::Libbpf,
    // verify's options, accepted and ignored as they always were
    #[arg(long, hide = true, value_parser = log_level())]
    log_level: Option<u32>,
    #[arg(long, hide = true)]
    json: bool,
    #[arg(long, hide = true)]
    from: Option<usize>,
    #[arg(long, hide = true)]
    count: Option<usize>,
}

/// `--kernel 5.19,6.1,6.12`.
#[derive(Clone)]
struct Kernels(Vec<KernelVersion>);

fn parse_kernel(k: &str) -> Result<KernelVersion, String> {
    KernelVersion::parse(k.trim()).ok_or(format!("unknown kernel '{}' (5.19, 6.1, 6.12)", k))
}

fn parse_kernels(s: &str) -> Result<Kernels, String> {
    s.split(',')
        .map(parse_kernel)
        .collect::<Result<_, _>>()
        .map(Kernels)
}

fn parse_map_entries(s: &str) -> Result<(String, u32), String> {
    let (name, n) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}' is not NAME=N"))?;
    let n = n
        .trim()
        .parse::<u32>()
        .map_err(|e| format!("'{n}' is not a number of entries: {e}"))?;
    Ok((name.trim().to_string(), n))
}

/// `KEY=VALUE` of a setting, both sides trimmed and not empty; `shape`
/// names it in the error (`PROG=TARGET`).
fn split_setting<'a>(s: &'a str, shape: &str) -> Result<(&'a str, &'a str), String> {
    match s.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
        Some((k, v)) if !k.is_empty() && !v.is_empty() => Ok((k, v)),
        _ => Err(format!("'{s}' is not {shape}")),
    }
}

fn parse_attach_target(s: &str) -> Result<(String, String), String> {
    let (prog, target) = split_setting(s, "PROG=TARGET")?;
    Ok((prog.to_string(), target.to_string()))
}

fn parse_libbpf(s: &str) -> Result<elf::Libbpf, String> {
    elf::Libbpf::parse(s).ok_or_else(|| format!("libbpf '{s}' is not modelled: 1.1 or 1.4"))
}

fn parse_prog_type(s: &str) -> Result<(String, ProgType, Option<AttachType>), String> {
    let (prog, spec) = split_setting(s, "PROG=TYPE[/HOOK]")?;
    let (pt, attach) = ProgType::from_spec(spec)?;
    Ok((prog.to_string(), pt, attach))
}

fn parse_prog_flags(s: &str) -> Result<(String, u32), String> {
    let (prog, flags) = split_setting(s, "PROG=FLAGS")?;
    let bits = veristep_core::ProgFlags::parse(flags)?;
    if bits & veristep_core::ProgFlags::NEEDS_DESCRIPTOR != 0 {
        return Err(veristep_core::ProgFlags::NEEDS_DESCRIPTOR_WHY.into());
    }
    Ok((prog.to_string(), bits))
}

fn parse_global(s: &str) -> Result<(String, String), String> {
    let (name, v) = split_setting(s, "NAME=VALUE")?;
    Ok((name.to_string(), v.to_string()))
}

/// `--prog-type PROG=...` (or `--prog-flags`) naming no program of the files.
fn unknown_programs<'a>(
    programs: &[(String, Program)],
    mut settings: impl Iterator<Item = (&'static str, &'a String)>,
) -> Option<String> {
    settings
        .find(|(_, prog)| {
            !programs
                .iter()
                .any(|(name, _)| name.rsplit(':').next() == Some(prog.as_str()))
        })
        .map(|(option, prog)| format!("{option}: no program named '{prog}'"))
}

/// `--attach-target PROG=TARGET`: the BTF-typed program PROG attaches to
/// TARGET (looked up in each kernel's BTF when it loads). A program of
/// another kind, or a name no program has, is an error.
fn set_attach_targets(
    programs: &mut [(String, Program)],
    targets: &[(String, String)],
) -> Result<(), String> {
    for (prog, target) in targets {
        let mut found = false;
        for (name, p) in programs.iter_mut() {
            if name.rsplit(':').next() != Some(prog.as_str()) {
                continue;
            }
            p.set_attach_target(target)
                .map_err(|e| format!("--attach-target: program '{prog}' {e}"))?;
            found = true;
        }
        if !found {
            return Err(format!("--attach-target: no program named '{prog}'"));
        }
    }
    Ok(())
}

/// `--map-entries NAME=N`: sets the size of each map NAME of the programs;
/// a name no program has is an error (a typo would silently change nothing).
fn set_map_entries(
    programs: &mut [(String, Program)],
    sizes: &[(String, u32)],
) -> Result<(), String> {
    for (name, n) in sizes {
        let mut found = false;
        for (_, p) in programs.iter_mut() {
            found |= p.set_map_entries(name, *n);
        }
        if !found {
            return Err(format!("--map-entries: no map named '{name}'"));
        }
    }
    Ok(())
}

fn log_level() -> impl TypedValueParser<Value = u32> {
    // the kernel's BPF_LOG_LEVEL1 | BPF_LOG_LEVEL2 | BPF_LOG_STATS
    PossibleValuesParser::new(["0", "1", "2", "3", "4", "5", "6", "7"])
        .map(|v| v.parse::<u32>().expect("one of the possible values"))
}

/// The programs of a file: a text program, or every program of a
/// clang-compiled object (`FILE:NAME`), or the one `--prog` names.
pub(crate) fn load(
    path: &str,
    only: Option<&str>,
    opts: &elf::LoadOptions,
) -> Result<Vec<(String, Program)>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {}", path, e))?;
    if meta.len() > MAX_INPUT {
        return Err(format!("{}: larger than {} bytes", path, MAX_INPUT));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path, e))?;
    if bytes.starts_with(b"\x7fELF") {
        let obj =
            elf::load_each_with(&bytes, path, opts).map_err(|e| format!("{}: {}", path, e))?;
        // programs veristep cannot verify: named, and the others go on
        for (name, why) in &obj.refused {
            let typed = opts.prog_types.iter().any(|(n, ..)| n == name);
            if only == Some(name.as_str()) || typed {
                return Err(format!("{}:{}: {}", path, name, why));
            }
            if only.is_none() {
                eprintln!("veristep: {}:{}: {}", path, name, why);
            }
        }
        let progs: Vec<(String, Program)> = obj
            .programs
            .into_iter()
            .filter(|p| only.is_none_or(|n| n == p.name))
            // a map libbpf cannot create is said when it fails the load
            // (kbtf::for_kernel), after --map-entries had its chance
            .map(|p| (format!("{}:{}", path, p.name), p.program))
            .collect();
        if progs.is_empty() {
            return Err(match (only, obj.refused.first()) {
                // every program refused, each said above
                (None, Some(_)) => format!("{}: no program veristep can verify", path),
                _ => format!("{}: no program named '{}'", path, only.unwrap_or_default()),
            });
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
    // read otherwise than written (a constant wider than its field): said,
    // as a compiler warns, and verified as LLVM's assembler reads it
    for w in &p.warnings {
        eprintln!("{}", w.render_as("warning", path, &src));
    }
    Ok(vec![(path.to_string(), p)])
}

/// A rejection's facts: `{"kind": ..., "insn": N, ...}`.
fn reason_json(e: &veristep_core::VerifierError) -> Value {
    let mut v = json!({ "kind": e.reason.kind(), "insn": e.insn });
    for (name, fact) in e.reason.facts() {
        v[name] = match fact {
            Fact::Int(n) => json!(n),
            Fact::Str(s) => json!(s),
        };
    }
    v
}

/// The parser's warnings (`Program::warnings`), when there are any, as
/// `"warnings": [{"line", "col", "message"}]`.
fn add_warnings(v: &mut Value, prog: &Program) {
    if !prog.warnings.is_empty() {
        v["warnings"] = prog
            .warnings
            .iter()
            .map(|d| json!({"line": d.line, "col": d.col, "message": d.message}))
            .collect();
    }
}

fn outcome_json(o: &Outcome) -> Value {
    let logged = o.as_logged();
    json!({
        "verdict": o.verdict.name(),
        // as the kernel oracle reads them from the log (Outcome::as_logged)
        "message": logged.as_ref().map_or(o.message(), |l| Some(l.0.as_str())),
        "error_insn": logged.as_ref().map_or(o.error_insn(), |l| l.1),
        "errno": o.error.as_ref().map(|e| e.errno).unwrap_or(0),
        "explanation": o.error.as_ref().map(|e| e.explanation.clone()),
        "reason": o.error.as_ref().map(reason_json),
        "processed": o.stats.processed,
        "total_states": o.stats.total_states,
        "peak_states": o.stats.peak_states,
        "max_states_per_insn": o.stats.max_states_per_insn,
        "mark_read": o.stats.mark_read,
        "kernel": o.kernel.name(),
        "log": o.log,
        "log_truncated": o.log_truncated,
    })
}

fn main() -> ExitCode {
    // clap prints its own message; help and version exit 0, bad arguments 2
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match &cli.command {
        Command::Verify(a) => verify_cmd(a),
        Command::Trace(a) => trace_cmd(a),
        Command::Disasm(a) => disasm_cmd(a),
        Command::Graph(a) => graphcmd::graph_cmd(&graphcmd::GraphArgs {
            file: &a.file,
            prog: a.prog.as_deref(),
            kernel: a.kernel,
            dot: !a.json,
            limit: a.limit,
            libbpf: a.libbpf,
        }),
        Command::Log(a) => logcmd::log_cmd(&logcmd::LogArgs {
            file: &a.file,
            json: a.json,
            against: a.against.as_deref(),
            prog: a.prog.as_deref(),
            kernel: a.kernel,
        }),
    }
}

/// The one program of a file (or the one `--prog` names), as libbpf
/// would load it into kernel `k` (its CO-RE relocations applied).
pub(crate) fn load_one(
    path: &str,
    only: Option<&str>,
    k: KernelVersion,
    libbpf: elf::Libbpf,
) -> Result<Program, String> {
    let opts = elf::LoadOptions {
        libbpf,
        ..elf::LoadOptions::default()
    };
    match load(path, only, &opts)? {
        mut p if p.len() == 1 => {
            let (name, prog) = p.remove(0);
            kbtf::for_kernel(&name, &prog, k)
                .map(|p| p.into_owned())
                .map_err(|e| e.shown)
        }
        _ => Err("veristep: the object has several programs; name one with --prog".into()),
    }
}

/// Every program of every file; input errors are printed (all of them).
fn load_all(
    files: &[String],
    prog: Option<&str>,
    opts: &elf::LoadOptions,
) -> Option<Vec<(String, Program)>> {
    let mut programs = Vec::new();
    let mut input_error = false;
    for f in files {
        match load(f, prog, opts) {
            Ok(p) => programs.extend(p),
            Err(e) => {
                eprintln!("{}", e);
                input_error = true;
            }
        }
    }
    (!input_error).then_some(programs)
}

fn disasm_cmd(args: &DisasmArgs) -> ExitCode {
    let Some(programs) = load_all(
        &args.files,
        args.prog.as_deref(),
        &elf::LoadOptions {
            libbpf: args.libbpf,
            ..elf::LoadOptions::default()
        },
    ) else {
        return ExitCode::from(2);
    };
    let kernel = args.kernel.as_ref().and_then(|k| k.0.first().copied());
    for (name, p) in &programs {
        if programs.len() > 1 {
            out(&format!("; {}\n", name));
        }
        let Some(k) = kernel.filter(|_| !p.core_relos.is_empty()) else {
            if !p.core_relos.is_empty() {
                out(&format!(
                    "; {} CO-RE relocation(s), shown as compiled: --kernel K applies them\n",
                    p.core_relos.len()
                ));
            }
            out(&disasm::program_text(p));
            continue;
        };
        match kbtf::for_kernel(name, p, k) {
            Ok(r) => {
                out(&format!(
                    "; CO-RE relocations applied against Linux {}'s BTF:\n",
                    kbtf::btf_kernel(k)
                ));
                for a in &r.core_applied {
                    let what = match a.values {
                        Some((old, new)) => format!("{old} -> {new}"),
                        None => "not found: poisoned (call unknown#195896080)".to_string(),
                    };
                    out(&format!(";   insn {}: {}: {}\n", a.insn, a.spec, what));
                }
                out(&disasm::program_text(&r));
            }
            Err(e) => {
                eprintln!("veristep: {e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

/// What the kernels accept as a log buffer (`bpf_verifier_log_attr_valid`):
/// a log level with it, at most `UINT_MAX >> 2` bytes, and on 6.1 at least
/// 128; the kernel refuses anything else with EINVAL before verifying.
fn check_log_size(size: u32, level: u32, kernels: &[KernelVersion]) -> Result<(), String> {
    if level == 0 {
        return Err(
            "a log buffer needs a --log-level (the kernels refuse one without a level: EINVAL)"
                .into(),
        );
    }
    if size > u32::MAX >> 2 {
        return Err(format!(
            "the kernels take at most {} bytes (EINVAL)",
            u32::MAX >> 2
        ));
    }
    if let Some(k) = kernels
        .iter()
        .find(|k| **k != KernelVersion::V6_7 && size < 128)
    {
        return Err(format!(
            "Linux {} refuses a log buffer under 128 bytes (EINVAL)",
            k.name()
        ));
    }
    if size == 0 {
        return Err("the kernels refuse a log level without a buffer (EINVAL)".into());
    }
    Ok(())
}

fn verify_cmd(args: &VerifyArgs) -> ExitCode {
    let opts = elf::LoadOptions {
        prog_types: args.prog_type.clone(),
        globals: args.set_global.clone(),
        prog_flags: args.prog_flags.clone(),
        libbpf: args.libbpf,
    };
    let Some(mut programs) = load_all(&args.files, args.prog.as_deref(), &opts) else {
        return ExitCode::from(2);
    };
    let named = args.prog_type.iter().map(|(p, ..)| ("--prog-type", p));
    let flagged = args.prog_flags.iter().map(|(p, _)| ("--prog-flags", p));
    if let Some(e) = unknown_programs(&programs, named.chain(flagged)) {
        eprintln!("veristep: {e}");
        return ExitCode::from(2);
    }
    if let Err(e) = set_map_entries(&mut programs, &args.map_entries)
        .and_then(|()| set_attach_targets(&mut programs, &args.attach_target))
    {
        eprintln!("veristep: {e}");
        return ExitCode::from(2);
    }
    let kernels = &args.kernel.0;
    if let Some(size) = args.log_size {
        if let Err(e) = check_log_size(size, args.log_level, kernels) {
            eprintln!("veristep: --log-size {size}: {e}");
            return ExitCode::from(2);
        }
    }
    let single = programs.len() == 1 && kernels.len() == 1;
    let mut any_rejected = false;
    // CO-RE relocations per kernel, as libbpf applies them: a failure is
    // libbpf's (the object does not load), an input error
    // a program libbpf cannot load (its target missing from the kernel's
    // BTF, a relocation it fails on) is said and skipped; its siblings go on
    let mut relocated = Vec::new();
    let mut load_failed = false;
    for (name, prog) in &programs {
        let mut per_kernel = Vec::new();
        for k in kernels {
            match kbtf::for_kernel(name, prog, *k) {
                Ok(p) => per_kernel.push(Ok(p)),
                Err(e) => {
                    eprintln!("veristep: {e}");
                    if args.json {
                        out(&format!(
                            "{}\n",
                            json!({"file": name, "kernel": k.name(), "verdict": "error", "message": e.libbpf})
                        ));
                    }
                    load_failed = true;
                    per_kernel.push(Err(e.shown));
                }
            }
        }
        relocated.push(per_kernel);
    }
    if single {
        let Ok(prog) = relocated[0][0].as_ref() else {
            return ExitCode::from(2);
        };
        if !args.json && args.log_level == 2 && args.log_size.is_none() {
            return verify_streamed(prog, kernels[0]);
        }
        let o = verify(
            prog,
            &Options {
                kernel: kernels[0],
                log_level: args.log_level,
                trace: false,
                log_size: args.log_size,
            },
        );
        if args.json {
            let mut v = outcome_json(&o);
            add_warnings(&mut v, prog);
            out(&format!("{}\n", v));
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
    for ((name, _), per_kernel) in programs.iter().zip(&relocated) {
        // a kernel that cannot load it was said above (and in its JSON
        // line); the table shows it as an `error` cell
        let mut cells = Vec::new();
        for (k, prog) in kernels.iter().zip(per_kernel) {
            let prog = match prog {
                Ok(p) => p,
                Err(e) => {
                    cells.push(Err(e.clone()));
                    continue;
                }
            };
            let o = verify(
                prog,
                &Options {
                    kernel: *k,
                    // a log buffer that may overflow decides the verdict
                    log_level: if args.json || args.log_size.is_some() {
                        args.log_level
                    } else {
                        0
                    },
                    trace: false,
                    log_size: args.log_size,
                },
            );
            any_rejected |= o.verdict == Verdict::Rejected;
            if args.json {
                let mut v = outcome_json(&o);
                v["file"] = json!(name);
                add_warnings(&mut v, prog);
                out(&format!("{}\n", v));
            }
            cells.push(Ok(o));
        }
        rows.push((name.clone(), cells));
    }
    if !args.json {
        out(&view::table(kernels, &rows));
    }
    if load_failed {
        ExitCode::from(2)
    } else if any_rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// One program's level-2 log, printed as the walk writes it: a log of a
/// million steps is never held whole, and a reader that stops reading
/// (`| head`) stops the walk (exit status 141, as a pipe's writer killed
/// by SIGPIPE).
fn verify_streamed(prog: &Program, kernel: KernelVersion) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut sink = |chunk: &str| stdout.write_all(chunk.as_bytes()).is_ok();
    let opts = Options {
        kernel,
        log_level: 2,
        trace: false,
        log_size: None,
    };
    let Some(o) = veristep_core::verify_streaming(prog, &opts, &mut sink) else {
        return ExitCode::from(141);
    };
    if stdout
        .write_all(o.log.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(141);
    }
    if o.verdict == Verdict::Accepted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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

fn trace_cmd(args: &TraceArgs) -> ExitCode {
    let prog = match load_one(&args.file, args.prog.as_deref(), args.kernel, args.libbpf) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e);
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        kernel: args.kernel,
        log_level: args.log_level.unwrap_or(2),
        trace: true,
        log_size: None,
    };
    let ex = Exploration::run(&prog, &opts);
    let o = &ex.outcome;
    let Some(trace) = o.trace.as_ref() else {
        eprintln!("veristep: no trace recorded");
        return ExitCode::from(2);
    };
    let end = ex
        .len()
        .min(args.from.saturating_add(args.count.unwrap_or(usize::MAX)));
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
