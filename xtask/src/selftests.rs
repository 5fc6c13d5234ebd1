//! `cargo xtask selftests [--kernel 6.1|6.12|both]`: veristep against the
//! real kernels on the kernel's own verifier tests (a developer's
//! measurement, not part of `cargo xtask test`).
//!
//! Linux 6.1's `tools/testing/selftests/bpf/test_verifier.c` holds 1,365
//! instruction-level tests (`verifier/*.c`, written with the `BPF_*`
//! macros). This command takes them from Debian's `linux-source-6.1`
//! package (downloaded once, cached; nothing of it enters the
//! repository), compiles a small dumper against them, and writes every
//! test the text format (`../shared/spec/ASM.md`) can express as a `.s`
//! file with the maps `test_verifier` would create for it (about 1,090;
//! the rest use other program types, map types the format lacks, BTF
//! function info, or deliberately malformed encodings). Each kernel's
//! oracle (`../shared/oracle/kernel-verdict`, log level 1) then judges
//! them, veristep verifies them, and the differences are listed: verdict,
//! message and error instruction (read from the log by the oracle's rule),
//! `processed`, `total_states` and `peak_states`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use veristep_core::{verify, KernelVersion, Options, Verdict};

/// The maps `test_verifier`'s `do_test_fixup()` creates, in the text
/// format (`struct test_val` is 48 bytes, `struct other_val` 16).
const MAPS: &[(&str, &str)] = &[
    ("map_hash_8b", "hash key=8 value=8 entries=1"),
    ("map_hash_48b", "hash key=8 value=48 entries=1"),
    ("map_hash_16b", "hash key=8 value=16 entries=1"),
    ("map_array_48b", "array key=4 value=48 entries=1"),
    ("prog1", "prog_array key=4 value=4 entries=4"),
    ("prog2", "prog_array key=4 value=4 entries=8"),
    ("map_sockmap", "sockmap key=4 value=4 entries=1"),
    ("map_sockhash", "sockhash key=4 value=4 entries=1"),
    ("map_xskmap", "xskmap key=4 value=4 entries=1"),
    ("map_stacktrace", "stack_trace key=4 value=8 entries=1"),
    ("map_spin_lock", "array key=4 value=8 entries=1 lock=4"),
    ("map_array_small", "array key=4 value=1 entries=1"),
    (
        "map_event_output",
        "perf_event_array key=4 value=4 entries=1",
    ),
    (
        "map_reuseport_array",
        "reuseport_sockarray key=4 value=8 entries=1",
    ),
    ("map_ringbuf", "ringbuf entries=4096"),
    ("map_timer", "array key=4 value=16 entries=1 timer=0"),
];

/// `enum bpf_prog_type` values the text format names (0 is
/// `test_verifier`'s default, a socket filter).
fn prog_type(n: u32) -> Option<&'static str> {
    Some(match n {
        0 | 1 => "socket_filter",
        2 => "kprobe",
        3 => "sched_cls",
        4 => "sched_act",
        5 => "tracepoint",
        6 => "xdp",
        8 => "cgroup_skb",
        17 => "raw_tracepoint",
        31 => "syscall",
        _ => return None,
    })
}

/// One test as the dumper prints it.
#[derive(Default)]
struct Test {
    n: usize,
    descr: String,
    /// The length of a program a fill helper generated, when it is too
    /// long to be written (0: written, or not generated).
    fill: usize,
    btf: bool,
    prog_type: u32,
    attach_kfunc: bool,
    /// `test->flags`: `F_LOAD_WITH_STRICT_ALIGNMENT` (2) and `BPF_F_*`
    /// test flags (`BPF_F_TEST_STATE_FREQ`, `BPF_F_SLEEPABLE`) above 3.
    flags: u32,
    fixups: Vec<(String, usize)>,
    kfuncs: BTreeMap<usize, String>,
    insns: Vec<[i64; 5]>,
}

pub fn selftests(args: &[String]) -> Result<(), String> {
    let mut kernels = vec!["6.1", "6.12"];
    let mut texts = None;
    let mut tree = None;
    let mut ext = None;
    let mut naked = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kernel" => {
                kernels = match it.next().map(String::as_str) {
                    Some("6.1") => vec!["6.1"],
                    Some("6.12") => vec!["6.12"],
                    Some("both") => vec!["6.1", "6.12"],
                    // only write the tests (with --ext, for kernel-diff)
                    Some("none") => vec![],
                    _ => return Err("--kernel takes 6.1, 6.12, both or none".into()),
                }
            }
            "--texts" => texts = it.next().map(PathBuf::from),
            // a later kernel's tree (its `test_verifier.c` and
            // `verifier/*.c`), instead of 6.1's
            "--tree" => tree = it.next().map(PathBuf::from),
            // also write the tests of program types beyond ASM.md's nine
            // (veristep's own `.prog_type` names) into DIR, for
            // `VERISTEP_KERNEL_DIFF_TEXTS=DIR cargo xtask kernel-diff`
            "--ext" => ext = it.next().map(PathBuf::from),
            // the tree's inline-asm tests (progs/*.c, `__naked`) instead
            // of test_verifier's
            "--naked" => naked = true,
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let oracle = crate::oracle_dir()?;
    if let Some(dir) = texts {
        return judge_texts(&oracle, &kernels, &dir);
    }
    let work = crate::root().join("target/selftests");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    if naked {
        let tree = tree.ok_or("--naked needs --tree DIR: an unpacked kernel source tree (6.5 or later), as `apt-get download linux-source-6.12` brings it")?;
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        let plain = work.join("naked");
        let ext_dir = ext.unwrap_or_else(|| work.join("naked-ext"));
        let w = crate::naked::write(&tree, &work, &plain, &ext_dir)?;
        eprintln!(
            "==> {} inline-asm tests written as text ({}), {} of other types or map kinds in {} (for VERISTEP_KERNEL_DIFF_TEXTS); not written: {}",
            w.plain.len(),
            plain.display(),
            w.ext.len(),
            ext_dir.display(),
            w.skipped
                .iter()
                .map(|(k, v)| format!("{v} {k}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return judge_texts(&oracle, &kernels, &plain);
    }
    let src = match tree {
        Some(t) => t,
        None => source_tree(&work)?,
    };
    let dumper = build_dumper(&src, &work)?;
    let out = Command::new(&dumper)
        .output()
        .map_err(|e| format!("{}: {e}", dumper.display()))?;
    if !out.status.success() {
        return Err("the dumper failed".into());
    }
    let tests = parse_dump(&String::from_utf8_lossy(&out.stdout));
    let sdir = work.join("s");
    let _ = std::fs::remove_dir_all(&sdir);
    std::fs::create_dir_all(&sdir).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    let mut why_not: BTreeMap<String, usize> = BTreeMap::new();
    let mut descr = BTreeMap::new();
    if let Some(dir) = &ext {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut n = 0;
        // other program types, tests the kernel loads with flags, and
        // encodings only `.8byte` can write
        let raw_only = |t: &Test| matches!(to_text(t), Err(e) if e.starts_with("encoding") || e == "register number");
        for t in tests
            .iter()
            .filter(|t| prog_type(t.prog_type).is_none() || prog_flags(t) != 0 || raw_only(t))
        {
            let types = |n| prog_type(n).or_else(|| ext_prog_type(n));
            if let Ok(text) = to_text_as(t, types, true, true) {
                std::fs::write(dir.join(format!("t{:04}.s", t.n)), text)
                    .map_err(|e| e.to_string())?;
                n += 1;
            }
        }
        eprintln!(
            "==> {n} tests of other program types written to {}",
            dir.display()
        );
    }
    for t in &tests {
        match to_text(t) {
            Ok(text) => {
                let f = sdir.join(format!("t{:04}.s", t.n));
                std::fs::write(&f, text).map_err(|e| e.to_string())?;
                descr.insert(format!("t{:04}", t.n), t.descr.clone());
                files.push(f);
            }
            Err(e) => *why_not.entry(e).or_default() += 1,
        }
    }
    eprintln!(
        "==> {} of the tree's {} test_verifier tests written as text ({})",
        files.len(),
        tests.len(),
        why_not
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for k in kernels {
        compare(&oracle, k, &files, &descr)?;
    }
    Ok(())
}

/// `linux-source-6.1`'s tree, the parts the dumper needs: Debian's package
/// as served today, downloaded once and cached.
fn source_tree(work: &Path) -> Result<PathBuf, String> {
    let tree = work.join("linux-source-6.1");
    if tree
        .join("tools/testing/selftests/bpf/test_verifier.c")
        .is_file()
    {
        return Ok(tree);
    }
    let cache = std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cache/veristep/selftests"))
        .unwrap_or_else(|| work.join("cache"));
    std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    let tarball = cache.join("linux-source-6.1.tar.xz");
    if !tarball.is_file() {
        let x = cache.join("pkg");
        let deb = crate::apt_download_unpacked("linux-source-6.1", &cache, &x)?;
        let inner = x.join("usr/src/linux-source-6.1.tar.xz");
        std::fs::rename(&inner, &tarball).map_err(|e| format!("{}: {e}", inner.display()))?;
        let _ = std::fs::remove_dir_all(&x);
        let _ = std::fs::remove_file(&deb);
    }
    std::fs::create_dir_all(work).map_err(|e| e.to_string())?;
    crate::run(
        "extract the selftests and headers",
        Command::new("tar")
            .current_dir(work)
            .arg("-xJf")
            .arg(&tarball)
            .arg("--wildcards")
            .args([
                "linux-source-6.1/tools/testing/selftests/bpf/verifier",
                "linux-source-6.1/tools/testing/selftests/bpf/*.h",
                "linux-source-6.1/tools/testing/selftests/bpf/test_verifier.c",
                "linux-source-6.1/tools/include",
                "linux-source-6.1/tools/arch/x86/include",
                "linux-source-6.1/tools/lib/bpf",
            ]),
    )?;
    Ok(tree)
}

/// The dumper: `test_verifier.c` up to its first function after the test
/// array (the struct, the fill helpers and the tests themselves), and a
/// `main` of ours that prints every test.
fn build_dumper(tree: &Path, work: &Path) -> Result<PathBuf, String> {
    let bpf = tree.join("tools/testing/selftests/bpf");
    // what the selftests' Makefile generates: every verifier/*.c, included
    let mut names: Vec<String> = std::fs::read_dir(bpf.join("verifier"))
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".c"))
        .collect();
    names.sort();
    let mut h = String::from("#ifdef FILL_ARRAY\n");
    for n in &names {
        let _ = writeln!(h, "#include \"{n}\"");
    }
    h.push_str("#endif\n");
    std::fs::write(bpf.join("verifier/tests.h"), h).map_err(|e| e.to_string())?;
    let tv = std::fs::read_to_string(bpf.join("test_verifier.c")).map_err(|e| e.to_string())?;
    let cut = tv
        .find("static int probe_filter_length(")
        .ok_or("test_verifier.c has no probe_filter_length()")?;
    let mut c = tv[..cut].to_string();
    c.push_str(DUMPER_MAIN);
    let cfile = work.join("dump.c");
    std::fs::write(&cfile, c).map_err(|e| e.to_string())?;
    let exe = work.join("dump");
    let inc = |p: &str| format!("-I{}", tree.join(p).display());
    crate::run(
        "build the test dumper",
        Command::new("gcc")
            .args(["-O0", "-w", "-o"])
            .arg(&exe)
            .arg(&cfile)
            .arg(format!("-I{}", bpf.display()))
            .arg(format!("-I{}", bpf.join("verifier").display()))
            .args([
                inc("tools/include"),
                inc("tools/include/uapi"),
                inc("tools/lib"),
                inc("tools/arch/x86/include"),
            ]),
    )?;
    Ok(exe)
}

/// Prints each test: `T n`, `D descr`, `FILL len` (a generated program
/// too long to print) or its fields, fixups
/// (`F name insn`), kfunc fixups (`KF name insn`), then `I code dst src
/// off imm` per instruction, and `E`.
const DUMPER_MAIN: &str = r#"
/* generated programs longer than this (the scale tests' 1M instructions)
 * are left out: the oracle's converter and clang would take minutes
 */
#define FILL_MAX 65536

static int insn_count(const struct bpf_insn *fp)
{
	int len;

	for (len = MAX_INSNS - 1; len > 0; --len)
		if (fp[len].code != 0 || fp[len].imm != 0)
			break;
	return len + 1;
}

static void fixups(const char *name, const int *a)
{
	for (int i = 0; i < MAX_FIXUPS && a[i]; i++)
		printf("F %s %d\n", name, a[i]);
}

int main(void)
{
	for (size_t t = 0; t < sizeof(tests) / sizeof(tests[0]); t++) {
		struct bpf_test *s = &tests[t];

		printf("T %zu\nD %s\n", t, s->descr);
		/* a generated program, as do_test_single() makes it */
		const struct bpf_insn *prog = s->insns;
		if (s->fill_helper) {
			s->fill_insns = calloc(MAX_TEST_INSNS, sizeof(struct bpf_insn));
			s->fill_helper(s);
			prog = s->fill_insns;
			if (s->prog_len > FILL_MAX) {
				printf("FILL %d\nE\n", s->prog_len);
				continue;
			}
		}
		int len = s->fill_insns || s->prog_len ? s->prog_len : insn_count(s->insns);
		printf("P %d\nK %d\nFL %d\n", s->prog_type, s->kfunc != NULL, s->flags);
		if (s->func_info_cnt || s->btf_types[0])
			printf("BTF\n");
#define FX(x) fixups(#x, s->fixup_##x);
		FX(map_hash_8b) FX(map_hash_48b) FX(map_hash_16b) FX(map_array_48b)
		FX(map_sockmap) FX(map_sockhash) FX(map_xskmap) FX(map_stacktrace)
		FX(prog1) FX(prog2) FX(map_in_map) FX(cgroup_storage)
		FX(percpu_cgroup_storage) FX(map_spin_lock) FX(map_array_ro)
		FX(map_array_wo) FX(map_array_small) FX(sk_storage_map)
		FX(map_event_output) FX(map_reuseport_array) FX(map_ringbuf)
		FX(map_timer) FX(map_kptr)
		for (int i = 0; i < MAX_FIXUPS && s->fixup_kfunc_btf_id[i].kfunc; i++)
			printf("KF %s %d\n", s->fixup_kfunc_btf_id[i].kfunc,
			       s->fixup_kfunc_btf_id[i].insn_idx);
		for (int i = 0; i < len; i++) {
			const struct bpf_insn *x = &prog[i];
			printf("I %d %d %d %d %d\n", x->code, x->dst_reg, x->src_reg, x->off, x->imm);
		}
		printf("E\n");
	}
	return 0;
}
"#;

fn parse_dump(text: &str) -> Vec<Test> {
    let mut tests = Vec::new();
    let mut cur = Test::default();
    for line in text.lines() {
        let (tag, rest) = line.split_once(' ').unwrap_or((line, ""));
        let num = |s: &str| s.trim().parse::<i64>().unwrap_or(0);
        match tag {
            "T" => {
                cur = Test {
                    n: num(rest) as usize,
                    ..Test::default()
                }
            }
            "D" => cur.descr = rest.to_string(),
            "FILL" => cur.fill = num(rest) as usize,
            "BTF" => cur.btf = true,
            "P" => cur.prog_type = num(rest) as u32,
            "K" => cur.attach_kfunc = num(rest) != 0,
            "FL" => cur.flags = num(rest) as u32,
            "F" | "KF" => {
                if let Some((name, i)) = rest.split_once(' ') {
                    let i = num(i) as usize;
                    if tag == "F" {
                        cur.fixups.push((name.to_string(), i));
                    } else {
                        cur.kfuncs.insert(i, name.to_string());
                    }
                }
            }
            "I" => {
                let v: Vec<i64> = rest.split(' ').map(num).collect();
                if let [c, d, s, o, i] = v[..] {
                    cur.insns.push([c, d, s, o, i]);
                }
            }
            "E" => tests.push(std::mem::take(&mut cur)),
            _ => {}
        }
    }
    tests
}

/// `enum bpf_prog_type` values beyond ASM.md's nine that veristep's
/// extended `.prog_type` names without an attach type or target (which
/// the dumper does not print).
fn ext_prog_type(n: u32) -> Option<&'static str> {
    Some(match n {
        7 => "perf_event",
        9 => "cgroup_sock",
        10 => "lwt_in",
        11 => "lwt_out",
        12 => "lwt_xmit",
        13 => "sock_ops",
        14 => "sk_skb",
        15 => "cgroup_device",
        16 => "sk_msg",
        19 => "lwt_seg6local",
        21 => "sk_reuseport",
        22 => "flow_dissector",
        23 => "cgroup_sysctl",
        24 => "raw_tracepoint_writable",
        30 => "sk_lookup",
        _ => return None,
    })
}

/// A test in the text format, or why it cannot be written there.
/// For the oracle, which sets no `prog_flags`: a strictly aligned test is
/// left out, a test flag (`BPF_F_TEST_STATE_FREQ`) dropped.
fn to_text(t: &Test) -> Result<String, String> {
    to_text_as(t, prog_type, false, false)
}

/// An instruction's 8 bytes as one little-endian number, as `.8byte`
/// takes it (the fields as the dumper printed them, in their C widths).
fn encoding([c, d, s, o, im]: [i64; 5]) -> u64 {
    u64::from_le_bytes(
        veristep_core::Insn::new(c as u8, d as u8, s as u8, o as i16, im as i32).to_bytes(),
    )
}

/// The `prog_flags` `test_verifier` loads the test with, as far as they
/// matter on x86: `F_LOAD_WITH_STRICT_ALIGNMENT` and the `BPF_F_*` test
/// flags (`BPF_F_ANY_ALIGNMENT` and `BPF_F_TEST_RND_HI32` change nothing
/// the verifier prints there).
fn prog_flags(t: &Test) -> u32 {
    let strict = if t.flags & 2 != 0 { 1 } else { 0 };
    strict | if t.flags & !3 != 0 { t.flags & !3 } else { 0 }
}

fn to_text_as(
    t: &Test,
    prog_type: fn(u32) -> Option<&'static str>,
    with_flags: bool,
    raw: bool,
) -> Result<String, String> {
    if t.fill > 0 {
        return Err("generated by a fill helper, too long".into());
    }
    if t.btf {
        return Err("BTF function info".into());
    }
    if t.flags & 2 != 0 && !with_flags {
        return Err("BPF_F_STRICT_ALIGNMENT".into());
    }
    let pt = prog_type(t.prog_type)
        .filter(|_| !t.attach_kfunc)
        .ok_or("program type")?;
    let mut map_at = BTreeMap::new();
    for (name, i) in &t.fixups {
        if !MAPS.iter().any(|(m, _)| m == name) {
            return Err("map type".into());
        }
        map_at.insert(*i, name.as_str());
    }
    let reg = |n: i64, w: bool| -> Result<String, String> {
        if !(0..=10).contains(&n) {
            return Err("register number".into());
        }
        Ok(format!("{}{n}", if w { 'w' } else { 'r' }))
    };
    let size = |c: i64| match c & 0x18 {
        0x00 => "u32",
        0x08 => "u16",
        0x10 => "u8",
        _ => "u64",
    };
    let off = |o: i64| format!("{} {}", if o < 0 { '-' } else { '+' }, o.abs());
    fn bad<T>(what: &str) -> Result<T, String> {
        Err(format!("encoding ({what})"))
    }
    // instruction `i`'s text and the slots it fills
    let one = |i: usize, labels: &mut BTreeMap<usize, String>| -> Result<(String, usize), String> {
        let [c, d, s, o, im] = t.insns[i];
        let class = c & 7;
        let text = match class {
            // ALU64, ALU
            7 | 4 => {
                let w = class == 4;
                let x = c & 8 != 0;
                if (x && im != 0) || (!x && s != 0) {
                    return bad("reserved fields");
                }
                let src = if x { reg(s, w)? } else { im.to_string() };
                match c & 0xf0 {
                    0xb0 if o == 0 => format!("{} = {src}", reg(d, w)?),
                    0x80 if !x && o == 0 && im == 0 => format!("{0} = -{0}", reg(d, w)?),
                    0xd0 if !w || o != 0 || ![16, 32, 64].contains(&im) => return bad("byte swap"),
                    0xd0 => format!(
                        "{0} = {1}{im} {0}",
                        reg(d, false)?,
                        if x { "be" } else { "le" }
                    ),
                    op if o == 0 => {
                        let sym = match op {
                            0x00 => "+",
                            0x10 => "-",
                            0x20 => "*",
                            0x30 => "/",
                            0x40 => "|",
                            0x50 => "&",
                            0x60 => "<<",
                            0x70 => ">>",
                            0x90 => "%",
                            0xa0 => "^",
                            0xc0 => "s>>",
                            _ => return bad("ALU opcode"),
                        };
                        format!("{} {sym}= {src}", reg(d, w)?)
                    }
                    _ => return bad("cpu v4 ALU"),
                }
            }
            // JMP, JMP32
            5 | 6 => {
                let w = class == 6;
                let x = c & 8 != 0;
                match c & 0xf0 {
                    0x00 if !w && d == 0 && s == 0 && im == 0 && !x => format!("goto pc{o:+}"),
                    0x80 if !w && d == 0 && o == 0 && !x => match s {
                        0 => format!("call {im}"),
                        1 => format!("call pc{im:+}"),
                        2 => format!("call {}", t.kfuncs.get(&i).ok_or("kfunc")?),
                        _ => return bad("call"),
                    },
                    0x90 if !w && d == 0 && s == 0 && o == 0 && im == 0 && !x => "exit".into(),
                    op => {
                        if (x && im != 0) || (!x && s != 0) {
                            return bad("reserved fields");
                        }
                        let sym = match op {
                            0x10 => "==",
                            0x20 => ">",
                            0x30 => ">=",
                            0x40 => "&",
                            0x50 => "!=",
                            0x60 => "s>",
                            0x70 => "s>=",
                            0xa0 => "<",
                            0xb0 => "<=",
                            0xc0 => "s<",
                            0xd0 => "s<=",
                            _ => return bad("jump"),
                        };
                        let src = if x { reg(s, w)? } else { im.to_string() };
                        format!("if {} {sym} {src} goto pc{o:+}", reg(d, w)?)
                    }
                }
            }
            // LD: ld_imm64, LD_ABS, LD_IND
            0 => {
                if c == 0x18 {
                    let Some(&[c2, d2, s2, o2, im2]) = t.insns.get(i + 1) else {
                        return bad("ld_imm64 at the end");
                    };
                    if c2 != 0 || d2 != 0 || s2 != 0 || o2 != 0 || o != 0 {
                        return bad("ld_imm64's second half");
                    }
                    let text = match s {
                        0 => format!(
                            "{} = {:#x} ll",
                            reg(d, false)?,
                            (im as u32 as u64) | ((im2 as u32 as u64) << 32)
                        ),
                        1 if im2 == 0 => format!(
                            "{} = {} ll",
                            reg(d, false)?,
                            map_at.get(&i).ok_or("map fd without its map")?
                        ),
                        4 => {
                            let target = (i as i64 + im + 1) as usize;
                            labels.insert(target, format!("f{target}"));
                            format!("{} = f{target} ll", reg(d, false)?)
                        }
                        _ => return bad("ld_imm64 source"),
                    };
                    return Ok((text, 2));
                }
                let sz = c & 0x18;
                match c & 0xe0 {
                    0x20 if sz != 0x18 && d == 0 && s == 0 && o == 0 => {
                        format!("r0 = *({} *)skb[{im}]", size(c))
                    }
                    0x40 if sz != 0x18 && d == 0 && o == 0 => {
                        let r = reg(s, false)?;
                        if im == 0 {
                            format!("r0 = *({} *)skb[{r}]", size(c))
                        } else {
                            format!("r0 = *({} *)skb[{r} + {im}]", size(c))
                        }
                    }
                    _ => return bad("LD"),
                }
            }
            // LDX
            1 if c & 0xe0 == 0x60 && im == 0 => {
                format!(
                    "{} = *({} *)({} {})",
                    reg(d, false)?,
                    size(c),
                    reg(s, false)?,
                    off(o)
                )
            }
            // STX: memory and atomics
            3 => {
                let (sz, w) = (size(c), c & 0x18 == 0);
                let mem = format!("{} {}", reg(d, false)?, off(o));
                match c & 0xe0 {
                    0x60 if im == 0 => format!("*({sz} *)({mem}) = {}", reg(s, false)?),
                    0xc0 if c & 0x18 == 0x00 || c & 0x18 == 0x18 => {
                        let ops = [(0x00, "add", "+"), (0x40, "or", "|"), (0x50, "and", "&")];
                        let op = ops
                            .iter()
                            .chain(&[(0xa0, "xor", "^")])
                            .find(|(v, _, _)| *v == im & !1);
                        let src = reg(s, w)?;
                        match (op, im) {
                            (Some((_, _, sym)), _) if im & 1 == 0 => {
                                format!("lock *({sz} *)({mem}) {sym}= {src}")
                            }
                            (Some((_, name, _)), _) => {
                                format!("{src} = atomic_fetch_{name}(({sz} *)({mem}), {src})")
                            }
                            (None, 0xe1) => format!(
                                "{src} = xchg{}({mem}, {src})",
                                if w { "32_32" } else { "_64" }
                            ),
                            (None, 0xf1) => {
                                let r0 = reg(0, w)?;
                                format!(
                                    "{r0} = cmpxchg{}({mem}, {r0}, {src})",
                                    if w { "32_32" } else { "_64" }
                                )
                            }
                            _ => return bad("atomic"),
                        }
                    }
                    _ => return bad("STX"),
                }
            }
            // ST
            2 if c & 0xe0 == 0x60 && s == 0 => {
                format!("*({} *)({} {}) = {im}", size(c), reg(d, false)?, off(o))
            }
            _ => return bad("opcode"),
        };
        Ok((text, 1))
    };
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut labels = BTreeMap::new();
    let mut i = 0;
    while i < t.insns.len() {
        match one(i, &mut labels) {
            Ok((text, n)) => {
                lines.push((i, text));
                i += n;
            }
            // an encoding no text has: as it is encoded, where the reader
            // takes `.8byte` (veristep and kernel-diff's converter); a
            // 64-bit load's two halves both
            Err(e) if raw && (e.starts_with("encoding") || e == "register number") => {
                let n = if t.insns[i][0] == 0x18 { 2 } else { 1 };
                for j in i..(i + n).min(t.insns.len()) {
                    lines.push((j, format!(".8byte {:#018x}", encoding(t.insns[j]))));
                }
                i += n;
            }
            Err(e) => return Err(e),
        }
    }
    if labels.keys().any(|l| !lines.iter().any(|(i, _)| i == l)) {
        return bad("function address inside an instruction");
    }
    let mut out = format!("; test_verifier #{}: {}\n.prog_type {pt}\n", t.n, t.descr);
    if with_flags && prog_flags(t) != 0 {
        let names = veristep_core::ProgFlags(prog_flags(t)).names();
        let _ = writeln!(out, ".prog_flags {names}");
    }
    let mut used: Vec<&str> = map_at.values().copied().collect();
    used.sort();
    used.dedup();
    for m in used {
        if let Some((_, def)) = MAPS.iter().find(|(n, _)| *n == m) {
            let _ = writeln!(out, ".map {m} {def}");
        }
    }
    out.push('\n');
    for (i, text) in lines {
        if let Some(l) = labels.get(&i) {
            let _ = writeln!(out, "{l}:");
        }
        let _ = writeln!(out, "    {text}");
    }
    Ok(out)
}

/// Asks kernel `k` about every file and compares veristep with it.
fn compare(
    oracle: &Path,
    k: &str,
    files: &[PathBuf],
    descr: &BTreeMap<String, String>,
) -> Result<(), String> {
    eprintln!(
        "==> asking Linux {k} about {} programs (one boot, log level 1)",
        files.len()
    );
    let mut cmd = Command::new(oracle.join("kernel-verdict"));
    cmd.args(["-l", "1", "--max-record-kb", "64"]).args(files);
    if k == "6.12" {
        cmd.env("ORACLE_CACHE", "cache-6.12");
    }
    let out = cmd.output().map_err(|e| format!("kernel-verdict: {e}"))?;
    let kernel = if k == "6.12" {
        KernelVersion::V6_7
    } else {
        KernelVersion::V6_1
    };
    let (mut compared, mut verdicts, mut messages, mut insns, mut counters) = (0, 0, 0, 0, 0);
    let (mut counted, mut unloadable) = (0, 0);
    let mut diffs = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(rec) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let file = rec["file"].as_str().unwrap_or("");
        let kv = rec["verdict"].as_str().unwrap_or("");
        if !matches!(kv, "accepted" | "rejected" | "error") {
            unloadable += 1;
            continue;
        }
        let name = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let ours = ours(file, kernel);
        compared += 1;
        let km = rec["message"].as_str().map(str::to_string);
        let ki = rec["error_insn"].as_u64().map(|n| n as usize);
        let mut what = Vec::new();
        if ours.verdict != kv {
            what.push(format!("verdict: kernel {kv} veristep {}", ours.verdict));
        } else {
            verdicts += 1;
            if km == ours.message {
                messages += 1;
            } else {
                what.push(format!(
                    "message: kernel {km:?} veristep {:?}",
                    ours.message
                ));
            }
            if rec["log_level"].as_u64() == Some(4) || ki == ours.insn {
                insns += 1;
            } else {
                what.push(format!(
                    "error_insn: kernel {ki:?} veristep {:?}",
                    ours.insn
                ));
            }
            if kv != "error" {
                counted += 1;
                let kc = ["processed", "total_states", "peak_states"]
                    .map(|f| rec[f].as_u64().unwrap_or(u64::MAX));
                if kc == ours.counters {
                    counters += 1;
                } else {
                    what.push(format!(
                        "counters: kernel {kc:?} veristep {:?}",
                        ours.counters
                    ));
                }
            }
        }
        if !what.is_empty() {
            diffs.push(format!(
                "{name} ({}): {}",
                descr.get(&name).map_or("", String::as_str),
                what.join("; ")
            ));
        }
    }
    for d in &diffs {
        println!("  {d}");
    }
    println!(
        "Linux {k}: {compared} tests judged ({unloadable} not loaded by the oracle): verdicts {verdicts}/{compared}, \
         messages {messages}/{verdicts}, error instructions {insns}/{verdicts}, counters {counters}/{counted}"
    );
    Ok(())
}

/// `--texts DIR`: every `.s` file of a directory (tests converted
/// elsewhere, for example from a later kernel's inline-asm selftests),
/// judged as the converted `test_verifier` tests are. A file's first
/// line, if a comment, describes it.
fn judge_texts(oracle: &Path, kernels: &[&str], dir: &Path) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "s"))
        .collect();
    files.sort();
    let mut descr = BTreeMap::new();
    for f in &files {
        let first = std::fs::read_to_string(f)
            .ok()
            .and_then(|t| t.lines().next().map(str::to_string))
            .unwrap_or_default();
        if let (Some(stem), Some(d)) = (
            f.file_stem().and_then(|s| s.to_str()),
            first.strip_prefix(';'),
        ) {
            descr.insert(stem.to_string(), d.trim().to_string());
        }
    }
    for k in kernels {
        compare(oracle, k, &files, &descr)?;
    }
    Ok(())
}

/// veristep's reading of one file, in the oracle's terms.
struct Ours {
    verdict: String,
    message: Option<String>,
    insn: Option<usize>,
    counters: [u64; 3],
}

fn ours(file: &str, kernel: KernelVersion) -> Ours {
    let fail = |why: String| Ours {
        verdict: "input-error".into(),
        message: Some(why),
        insn: None,
        counters: [0; 3],
    };
    let Ok(text) = std::fs::read_to_string(file) else {
        return fail("unreadable".into());
    };
    let prog = match veristep_core::asm::parse(&text) {
        Ok(p) => p,
        Err(d) => return fail(format!("{} parse errors", d.len())),
    };
    let prog = if prog.needs_kernel_btf() {
        match crate::kernel_diff::kernel_btf_of(kernel).and_then(|k| {
            prog.relocated(file, &k)
                .map_err(|e| format!("libbpf: {}", e.0))
        }) {
            Ok(p) => p,
            Err(e) => {
                return Ours {
                    verdict: "error".into(),
                    message: Some(e),
                    insn: None,
                    counters: [0; 3],
                }
            }
        }
    } else {
        prog
    };
    let o = verify(
        &prog,
        &Options {
            kernel,
            log_level: 1,
            trace: false,
            log_size: None,
        },
    );
    let (message, insn) = o.as_logged().map_or((None, None), |(m, i)| (Some(m), i));
    Ours {
        verdict: if o.verdict == Verdict::Accepted {
            "accepted"
        } else {
            "rejected"
        }
        .into(),
        message,
        insn,
        counters: [o.stats.processed, o.stats.total_states, o.stats.peak_states],
    }
}
