//! Golden tests of the `veristep` binary: each case runs it from the
//! workspace root and compares its exit status, stdout and stderr with
//! `cli/tests/golden/NAME` (one file per case). On a difference the test
//! fails with a diff; `VERISTEP_BLESS=1 cargo test -p veristep` rewrites the
//! golden files instead.
//!
//! Inputs are the seed scenarios of `tests/corpus/seed/` (their verdicts are
//! kernel-blessed and stable), the object fixture `tests/c/obj/` and
//! `cli/tests/inputs/`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SEED: &str = "tests/corpus/seed";
const OBJ: &str = "tests/c/obj/timer_and_loop.o";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn seed(name: &str) -> String {
    format!("{}/{}.s", SEED, name)
}

/// Runs the binary with `args` from the workspace root.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_veristep"))
        .args(args)
        .current_dir(root())
        // clap's help and errors the same everywhere: no colours, no wrapping
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .output()
        .expect("run veristep")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("veristep exited by a signal")
}

/// The text a golden file holds for one run.
fn render(args: &[&str], o: &Output) -> String {
    format!(
        "$ veristep {}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        code(o),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs `args` and compares with `golden/NAME`; returns the output.
fn case(name: &str, args: &[&str]) -> Output {
    let o = run(args);
    golden(name, &render(args, &o));
    o
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var("VERISTEP_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let Ok(expected) = std::fs::read_to_string(&path) else {
        panic!(
            "{} is missing; VERISTEP_BLESS=1 cargo test -p veristep writes it. The output:\n{}",
            path.display(),
            actual
        );
    };
    if expected != actual {
        panic!(
            "the output differs from {} (VERISTEP_BLESS=1 cargo test -p veristep to accept):\n{}",
            path.display(),
            line_diff(&expected, actual)
        );
    }
}

/// The first differing hunk, with three lines of context: `-` golden, `+` now.
fn line_diff(a: &str, b: &str) -> String {
    const CONTEXT: usize = 3;
    const MAX: usize = 30;
    let al: Vec<&str> = a.lines().collect();
    let bl: Vec<&str> = b.lines().collect();
    let pre = al.iter().zip(&bl).take_while(|(x, y)| x == y).count();
    let suf = al[pre..]
        .iter()
        .rev()
        .zip(bl[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!("--- golden\n+++ veristep\n@@ line {} @@\n", pre + 1);
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
    if al == bl {
        out.push_str("(they differ only in line endings or the final newline)\n");
    }
    out
}

fn json_lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({}): {}", e, l)))
        .collect()
}

// ---- verify: one program, one kernel ----

#[test]
fn verify_log_level_1_rejected() {
    let o = case("verify_level1", &["verify", &seed("leak_prog")]);
    assert_eq!(code(&o), 1);
}

#[test]
fn verify_log_level_2_accepted() {
    let o = case(
        "verify_level2",
        &["verify", &seed("ringbuf_acq_rel_in_cb"), "--log-level", "2"],
    );
    assert_eq!(code(&o), 0);
}

#[test]
fn verify_log_level_0_prints_nothing() {
    let o = run(&["verify", &seed("leak_prog"), "--log-level", "0"]);
    assert_eq!(code(&o), 1);
    assert!(o.stdout.is_empty() && o.stderr.is_empty());
}

#[test]
fn verify_json() {
    let o = case(
        "verify_json",
        &["verify", &seed("ringbuf_release_in_cb"), "--json"],
    );
    assert_eq!(code(&o), 1);
    let v = &json_lines(&o)[0];
    assert_eq!(v["verdict"], "rejected");
    assert_eq!(v["kernel"], "6.1");
    assert!(v["message"].is_string() && v["processed"].is_u64());
}

#[test]
fn verify_json_other_kernel() {
    let o = case(
        "verify_json_5.19",
        &[
            "verify",
            "--json",
            &seed("ringbuf_release_in_cb"),
            "--kernel",
            "5.19",
        ],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(json_lines(&o)[0]["verdict"], "accepted");
}

// ---- verify: tables ----

#[test]
fn comparison_table() {
    let o = case(
        "table_kernels",
        &[
            "verify",
            &seed("leak_prog"),
            &seed("second_iteration"),
            &seed("nested_cb_subprog_hole"),
            "--kernel",
            "5.19,6.1,6.7",
        ],
    );
    assert_eq!(code(&o), 1, "any rejection: 1");
}

#[test]
fn comparison_table_of_several_files() {
    let o = case(
        "table_files",
        &[
            "verify",
            &seed("kfunc_acq_rel_in_cb"),
            &seed("sk_acq_rel_in_cb"),
        ],
    );
    assert_eq!(code(&o), 0, "all accepted: 0");
}

#[test]
fn comparison_as_json_lines() {
    let o = case(
        "table_json",
        &[
            "verify",
            &seed("leak_prog"),
            "--kernel",
            "5.19,6.1,6.7",
            "--json",
            "--log-level",
            "0",
        ],
    );
    let lines = json_lines(&o);
    let kernels: Vec<&str> = lines
        .iter()
        .map(|v| v["kernel"].as_str().unwrap())
        .collect();
    assert_eq!(kernels, ["5.19", "6.1", "6.12"]);
    assert!(lines
        .iter()
        .all(|v| v["file"] == seed("leak_prog").as_str()));
}

#[test]
fn object_table() {
    // not 6.7: its callback fixpoint on this object's loop is being worked on
    let o = case("table_object", &["verify", OBJ, "--kernel", "5.19,6.1"]);
    assert_eq!(code(&o), 0);
}

#[test]
fn object_one_program() {
    let o = case(
        "verify_object_prog",
        &["verify", OBJ, "--prog", "prog_timer"],
    );
    assert_eq!(code(&o), 0);
}

#[test]
fn object_unknown_program() {
    let o = case("verify_object_noprog", &["verify", OBJ, "--prog", "nosuch"]);
    assert_eq!(code(&o), 2);
}

/// `--prog-type`: a section libbpf gives no type loads as its loader
/// types it; the refusals name what is wrong.
#[test]
fn object_program_types_set_by_the_loader() {
    const PT: &str = "tests/c/obj/pt_set_type.o";
    let o = case(
        "verify_prog_type",
        &[
            "verify",
            PT,
            "--prog-type",
            "pt_tc=tc",
            "--prog-type",
            "pt_xdp=xdp",
            "--prog-type",
            "pt_connect4=cgroup_sock_addr/connect4",
            "--kernel",
            "6.1,6.12",
        ],
    );
    // pt_unset has none: libbpf's error, with the hint
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_type_unset",
        &["verify", PT, "--prog", "pt_unset"],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_type_no_program",
        &["verify", PT, "--prog-type", "nosuch=xdp"],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_type_bad_hook",
        &["verify", PT, "--prog-type", "pt_tc=cgroup_sock_addr"],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_type_typed_section",
        &["verify", OBJ, "--prog-type", "prog_timer=xdp"],
    );
    assert_eq!(code(&o), 2);
}

#[test]
fn prog_flags_name_a_program_and_known_flags() {
    let o = case(
        "verify_prog_flags_no_program",
        &[
            "verify",
            OBJ,
            "--prog-flags",
            "nosuch=BPF_F_TEST_STATE_FREQ",
        ],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_flags_unknown_flag",
        &[
            "verify",
            OBJ,
            "--prog-flags",
            "prog_timer=BPF_F_STRICT|TEST_STATE_FREQ",
        ],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_prog_flags_token",
        &["verify", OBJ, "--prog-flags", "prog_timer=BPF_F_TOKEN_FD"],
    );
    assert_eq!(code(&o), 2);
}

/// `--set-global`: a `.rodata` setting is the verifier's constant.
#[test]
fn object_globals_set_by_the_loader() {
    const GV: &str = "tests/c/obj/gv_set_global.o";
    let o = run(&["verify", GV]);
    assert_eq!(code(&o), 0, "as compiled the branch is dead");
    let o = case(
        "verify_set_global",
        &[
            "verify",
            GV,
            "--set-global",
            "gv_mode=1",
            "--set-global",
            "gv_seen=-1",
        ],
    );
    assert_eq!(code(&o), 1);
    let o = case(
        "verify_set_global_errors",
        &["verify", GV, "--set-global", "gv_mode=0x100000000"],
    );
    assert_eq!(code(&o), 2);
    let o = run(&["verify", GV, "--set-global", "nosuch=1"]);
    assert_eq!(code(&o), 2);
    // text for a char array, an element of an array of integers
    const ARR: &str = "tests/c/obj/gv_set_array.o";
    assert_eq!(
        code(&run(&["verify", ARR])),
        0,
        "as compiled the branches are dead"
    );
    let o = case(
        "verify_set_global_array",
        &[
            "verify",
            ARR,
            "--set-global",
            "gv_comm=bad",
            "--set-global",
            "gv_ports[2]=80",
        ],
    );
    assert_eq!(code(&o), 1);
    let o = case(
        "verify_set_global_array_errors",
        &["verify", ARR, "--set-global", "gv_ports=80"],
    );
    assert_eq!(code(&o), 2);
}

#[test]
fn object_extension_programs_fail_as_libbpf_fails_them() {
    // tests/c/fr_freplace.bpf.c: freplace/NAME and a bare freplace
    let o = case(
        "verify_freplace",
        &[
            "verify",
            "tests/c/obj/fr_freplace.o",
            "--kernel",
            "6.1,6.12",
        ],
    );
    assert_eq!(code(&o), 2);
}

#[test]
fn object_of_a_type_the_kernels_lack_fails_before_the_verifier() {
    // tests/c/lm_lirc_mode2.bpf.c: Debian builds without BPF_LIRC_MODE2
    let o = case(
        "verify_lirc_mode2",
        &[
            "verify",
            "tests/c/obj/lm_lirc_mode2.o",
            "--kernel",
            "6.1,6.12",
        ],
    );
    assert_eq!(code(&o), 1);
}

#[test]
fn the_loader_libbpf_decides_which_sections_load() {
    // tests/c/sec_libbpf14.bpf.c: sections libbpf 1.4 knows and 1.1 does
    // not (core/tests/libbpf11.rs holds 1.1 to the oracle's records)
    let obj = "tests/c/obj/sec_libbpf14.o";
    let o = case(
        "verify_libbpf_1_1",
        &["verify", obj, "--kernel", "6.12", "--libbpf", "1.1"],
    );
    assert_eq!(code(&o), 2);
    let o = case(
        "verify_libbpf_1_4",
        &["verify", obj, "--kernel", "6.12", "--libbpf", "1.4"],
    );
    assert_ne!(code(&o), 2);
    let o = run(&["verify", obj, "--libbpf", "1.2"]);
    assert_eq!(code(&o), 2);
}

// ---- trace ----

#[test]
fn trace_fields() {
    let file = seed("leak_prog");
    let o = run(&["trace", &file, "--from", "3", "--count", "2"]);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let doc = &json_lines(&o)[0];
    let verdict = json_lines(&run(&["verify", &file, "--json"]))[0].clone();
    for k in ["verdict", "message", "error_insn", "processed", "kernel"] {
        assert_eq!(doc[k], verdict[k], "{} as verify --json says", k);
    }
    assert!(
        doc["log"].as_str().unwrap().contains("processed"),
        "level 2"
    );
    let n = doc["step_count"].as_u64().unwrap();
    assert!(n > 5, "step_count {}", n);
    let steps = doc["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["step"], 3);
    assert_eq!(steps[1]["step"], 4);
    for s in steps {
        for k in ["insn", "frame", "pending", "log_pos", "events"] {
            assert!(!s[k].is_null(), "step field {}", k);
        }
        let state = &s["state"];
        assert!(state["frames"].as_array().is_some_and(|f| !f.is_empty()));
        assert!(state["worklist"].is_array());
        assert!(state["frames"][0]["regs"].is_array());
    }
}

#[test]
fn trace_everything_and_options() {
    let file = seed("ringbuf_acq_rel_in_cb");
    let all = &json_lines(&run(&["trace", &file]))[0];
    let steps = all["steps"].as_array().unwrap();
    assert_eq!(steps.len() as u64, all["step_count"].as_u64().unwrap());
    let kinds: Vec<&str> = steps
        .iter()
        .flat_map(|s| s["events"].as_array().unwrap())
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(!kinds.is_empty(), "events recorded");
    let l1 = &json_lines(&run(&[
        "trace",
        &file,
        "--kernel",
        "6.7",
        "--log-level",
        "1",
    ]))[0];
    assert_eq!(l1["kernel"], "6.12");
    let none = &json_lines(&run(&["trace", &file, "--log-level", "0", "--count", "0"]))[0];
    assert_eq!(none["log"], "");
    assert_eq!(none["steps"].as_array().unwrap().len(), 0);
}

#[test]
fn trace_of_an_object_needs_prog() {
    let o = case("trace_object_noprog", &["trace", OBJ]);
    assert_eq!(code(&o), 2);
    let o = run(&["trace", OBJ, "--prog", "prog_timer", "--count", "1"]);
    assert_eq!(code(&o), 0);
}

// ---- a kernel libbpf cannot load the program into ----

#[test]
fn a_kernel_without_the_kfunc_is_an_error_cell() {
    // 6.12's vmlinux has no test kfuncs: libbpf fails there, 6.1 verifies
    let o = case(
        "kfunc_kernels",
        &[
            "verify",
            "tests/corpus/seed/kfunc_acq_rel_in_cb.s",
            "--kernel",
            "6.1,6.12",
        ],
    );
    assert_eq!(code(&o), 2);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("accepted") && out.contains("error              -       -"),
        "{out}"
    );
    assert!(out.contains("not found in kernel or module BTFs"), "{out}");
}

// ---- CO-RE: relocated per kernel against its BTF (objects of tests/c) ----

#[test]
fn core_relocated_per_kernel() {
    // BPF_MAP_TYPE_ARENA exists in 6.12 only: the walks differ (8 and 9
    // instructions, as the kernels count them)
    let o = case(
        "core_enum_kernels",
        &[
            "verify",
            "tests/c/obj/core_enum_kernel.o",
            "--kernel",
            "6.1,6.12",
        ],
    );
    assert_eq!(code(&o), 0);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("accepted           8") && out.contains("accepted           9"));
}

#[test]
fn core_poisoned_log_as_libbpf_shows_it() {
    let o = case(
        "core_missing_field",
        &[
            "verify",
            "tests/c/obj/core_missing_field.o",
            "--log-level",
            "1",
        ],
    );
    assert_eq!(code(&o), 1);
    assert!(String::from_utf8_lossy(&o.stdout).contains(
        "1: <invalid CO-RE relocation>\nfailed to resolve CO-RE relocation <byte_off> [5] struct task_struct___x.no_such_field (0:0 @ offset 0)\n"
    ));
}

#[test]
fn core_disasm_applies_relocations() {
    let o = case(
        "core_disasm_6.12",
        &[
            "disasm",
            "tests/c/obj/core_ctx_resize.o",
            "--kernel",
            "6.12",
        ],
    );
    assert_eq!(code(&o), 0);
    // mark: local __u64 at 0, the kernel's __u32 at 8 (narrowed load)
    assert!(String::from_utf8_lossy(&o.stdout).contains("r2 = *(u32 *)(r1 +8)"));
    let o = case(
        "core_disasm_compiled",
        &["disasm", "tests/c/obj/core_ctx_resize.o"],
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("r2 = *(u64 *)(r1 +0)"));
}

// ---- disasm ----

#[test]
fn disasm_object() {
    let o = case("disasm_object", &["disasm", OBJ]);
    assert_eq!(code(&o), 0);
}

#[test]
fn disasm_text_program() {
    let o = case("disasm_text", &["disasm", &seed("timer_cb_leak")]);
    assert_eq!(code(&o), 0);
}

// ---- input errors: exit 2, diagnostics on stderr ----

#[test]
fn parse_errors() {
    let o = case("parse_errors", &["verify", "cli/tests/inputs/bad.s"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("cli/tests/inputs/bad.s:3:5: error: "),
        "{}",
        err
    );
}

#[test]
fn parse_errors_stop_everything() {
    let o = run(&["verify", &seed("leak_prog"), "cli/tests/inputs/bad.s"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty(), "no table when an input is bad");
    for cmd in ["trace", "disasm"] {
        assert_eq!(code(&run(&[cmd, "cli/tests/inputs/bad.s"])), 2, "{}", cmd);
    }
}

#[test]
fn missing_file() {
    let o = case("missing_file", &["verify", "cli/tests/inputs/absent.s"]);
    assert_eq!(code(&o), 2);
}

// ---- the command line itself (clap) ----

#[test]
fn help() {
    for (name, args) in [
        ("help", &["--help"][..]),
        ("help_verify", &["verify", "--help"]),
        ("help_trace", &["trace", "--help"]),
        ("help_disasm", &["disasm", "--help"]),
        ("help_graph", &["graph", "--help"]),
    ] {
        let o = case(name, args);
        assert_eq!(code(&o), 0, "{:?}", args);
    }
    assert_eq!(
        run(&["help", "verify"]).stdout,
        run(&["verify", "--help"]).stdout
    );
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(code(&o), 0);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("veristep {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_2() {
    for (name, args) in [
        ("usage_none", &[][..]),
        ("usage_unknown_command", &["check", "x.s"]),
        ("usage_unknown_flag", &["verify", "x.s", "--bogus"]),
        (
            "usage_bad_kernel",
            &["verify", "x.s", "--kernel", "6.1,6.2"],
        ),
        (
            "usage_bad_log_level",
            &["verify", "x.s", "--log-level", "8"],
        ),
        ("usage_no_file", &["verify", "--json"]),
        ("usage_trace_two_files", &["trace", "a.s", "b.s"]),
    ] {
        let o = case(name, args);
        assert_eq!(code(&o), 2, "{:?}", args);
        assert!(o.stdout.is_empty(), "{:?}", args);
    }
}

#[test]
fn flags_in_any_order_and_the_last_kernel_wins() {
    let a = run(&[
        "verify",
        "--kernel",
        "6.7",
        "--json",
        &seed("second_iteration"),
    ]);
    let b = run(&[
        "verify",
        &seed("second_iteration"),
        "--kernel",
        "5.19",
        "--kernel",
        "6.7",
        "--json",
    ]);
    assert_eq!(a.stdout, b.stdout);
    // 6.7 is the old name of the 6.12 mode, still understood
    assert_eq!(json_lines(&a)[0]["kernel"], "6.12");
    // the comma list as before: spaces around names are fine
    let t = run(&["verify", &seed("leak_prog"), "--kernel", "5.19, 6.7"]);
    assert!(String::from_utf8_lossy(&t.stdout).starts_with("File"));
}

/// A real kernel's log read back (Linux 6.12.95's log of the seed's second
/// iteration, from the corpus record), and compared with each mode.
#[test]
fn log_read_and_against() {
    const LOG: &str = "cli/tests/inputs/second_iteration.6.12.log";
    const PROG: &str = "tests/corpus/seed/second_iteration.s";
    let o = case("log_summary", &["log", LOG]);
    assert_eq!(code(&o), 0);
    // 6.1 verifies the callback once: it parts from 6.12's walk
    let o = case(
        "log_against_6.1",
        &["log", LOG, "--against", PROG, "--kernel", "6.1"],
    );
    assert_eq!(code(&o), 1);
    let o = case(
        "log_against_6.7_json",
        &["log", LOG, "--against", PROG, "--kernel", "6.7", "--json"],
    );
    assert_eq!(code(&o), 0);
    let v = json_lines(&o);
    assert_eq!(v[0]["diverges"], false);
    let o = run(&["log", LOG, "--json"]);
    let v = json_lines(&o);
    assert_eq!(v[0]["verdict"], "rejected");
    assert_eq!(v[0]["processed"], 23);
    assert_eq!(v[0]["steps"], 23);
}

#[test]
fn graph_dot() {
    // three independent branches: pushes, resumes, a stored state and two
    // prunes onto it
    let o = case(
        "graph_dot_branchy",
        &["graph", "cli/tests/inputs/branchy.s", "--dot"],
    );
    assert_eq!(code(&o), 0);
    let dot = String::from_utf8_lossy(&o.stdout);
    assert!(dot.starts_with("digraph exploration {"));
    assert_eq!(dot.matches("label=\"prune\"").count(), 2, "{dot}");
    // 6.12 walks bpf_loop's callback again: two callback frames, nested
    let o = case(
        "graph_dot_callback_6.12",
        &["graph", &seed("second_iteration"), "--kernel", "6.12"],
    );
    assert_eq!(code(&o), 1);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout)
            .matches("subgraph cluster_")
            .count(),
        2
    );
}

#[test]
fn graph_json_is_consistent() {
    for file in [
        "cli/tests/inputs/branchy.s".to_string(),
        seed("nested_cb_leak"),
        seed("second_iteration"),
    ] {
        for k in ["5.19", "6.1", "6.12"] {
            let doc = &json_lines(&run(&["graph", &file, "--json", "--kernel", k]))[0];
            let nodes = doc["nodes"].as_array().unwrap();
            let edges = doc["edges"].as_array().unwrap();
            assert_eq!(nodes[0]["kind"], "start", "{file} {k}");
            let mut last = 0;
            for n in nodes {
                let step = n["step"].as_u64().unwrap();
                assert!(step >= last, "{file} {k}: nodes in step order");
                last = step;
            }
            let kind = |i: &Value| nodes[i.as_u64().unwrap() as usize]["kind"].clone();
            for e in edges {
                match e["kind"].as_str().unwrap() {
                    "prune" => {
                        assert_eq!(kind(&e["from"]), "prune");
                        assert_eq!(kind(&e["to"]), "checkpoint", "{file} {k}");
                    }
                    "branch" => {
                        assert!(["branch", "async"].contains(&kind(&e["from"]).as_str().unwrap()));
                        assert_eq!(kind(&e["to"]), "resume");
                    }
                    "walk" => assert_ne!(kind(&e["to"]), "resume"),
                    other => panic!("edge kind {other}"),
                }
            }
            let rejected = doc["verdict"] == "rejected";
            assert_eq!(
                nodes.iter().any(|n| n["kind"] == "reject"),
                rejected,
                "{file} {k}: the rejection is marked"
            );
        }
    }
    // the 1M-instruction loop: aggregated to a handful of nodes
    let doc = &json_lines(&run(&[
        "graph",
        "tests/corpus/limits/too_large.s",
        "--json",
    ]))[0];
    assert_eq!(doc["aggregated"], true);
    assert!(doc["detailed_nodes"].as_u64().unwrap() > 20_000);
    assert!(doc["nodes"].as_array().unwrap().len() < 10);
}

/// A level-2 log is printed as it is written: the same bytes as the
/// JSON's log, and a reader that stops reading stops the walk.
#[test]
fn level_2_log_streams() {
    let dir = std::env::temp_dir().join(format!("veristep-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("loop.s");
    // about 2 MB of level-2 log: more than one streamed chunk
    std::fs::write(
        &file,
        "r1 = 0\n1:\nr1 += 1\nif r1 < 2000 goto 1b\nr0 = 0\nexit\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let streamed = run(&["verify", f, "--log-level", "2"]);
    assert_eq!(code(&streamed), 0);
    let doc = &json_lines(&run(&["verify", f, "--log-level", "2", "--json"]))[0];
    let log = doc["log"].as_str().unwrap();
    assert!(log.len() > 1 << 20, "{} bytes", log.len());
    assert!(
        String::from_utf8_lossy(&streamed.stdout) == log,
        "streamed log differs"
    );
    // `| head -c 10`: the walk stops at the closed pipe
    let mut child = Command::new(env!("CARGO_BIN_EXE_veristep"))
        .args(["verify", f, "--log-level", "2"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(&mut out, &mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(141), "stopped by the closed pipe");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn log_size_cuts_as_each_kernel_cuts() {
    let prog = seed("ringbuf_acq_rel_in_cb");
    // 6.1 keeps the beginning, 6.12 the end; both fail with ENOSPC
    for (name, kernel) in [("log_size_6.1", "6.1"), ("log_size_6.12", "6.12")] {
        let args = [
            "verify",
            &prog,
            "--kernel",
            kernel,
            "--log-level",
            "2",
            "--log-size",
            "300",
        ];
        let o = case(name, &args);
        assert_eq!(code(&o), 1, "{kernel}");
        assert_eq!(o.stdout.len(), 299, "{kernel}");
    }
    let o = case(
        "log_size_json_table",
        &[
            "verify",
            &prog,
            "--kernel",
            "6.1,6.12",
            "--log-level",
            "1",
            "--log-size",
            "128",
            "--json",
        ],
    );
    for v in json_lines(&o) {
        assert_eq!(v["errno"], 28);
        assert_eq!(v["reason"]["kind"], "log_full");
        assert_eq!(v["reason"]["walk_errno"], 0);
    }
    // what the kernels refuse before verifying (EINVAL): said, exit 2
    for (name, args) in [
        (
            "usage_log_size_small",
            &["verify", &prog, "--log-size", "64"][..],
        ),
        (
            "usage_log_size_level_0",
            &["verify", &prog, "--log-level", "0", "--log-size", "4096"][..],
        ),
    ] {
        let o = case(name, args);
        assert_eq!(code(&o), 2, "{:?}", args);
        assert!(o.stdout.is_empty());
    }
    // 6.12 takes a buffer under 128 bytes
    let o = run(&["verify", &prog, "--kernel", "6.12", "--log-size", "64"]);
    assert_eq!(code(&o), 1);
    assert_eq!(o.stdout.len(), 63);
}

/// A constant wider than its field: verified as LLVM's assembler reads it,
/// with a compiler-style warning on stderr and in the JSON.
#[test]
fn a_too_wide_constant_is_verified_with_a_warning() {
    let f = "tests/corpus/alu/wide_imm_mov_low_bits.s";
    let o = run(&["verify", f, "--log-level", "1"]);
    assert_eq!(code(&o), 0);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "{f}:6:10: warning: immediate 4294967296 does not fit in 32 bits"
        )),
        "{err}"
    );
    let o = run(&["verify", f, "--json"]);
    let v = &json_lines(&o)[0];
    assert_eq!(v["verdict"], "accepted");
    assert_eq!(v["warnings"][0]["line"], 6);
}
