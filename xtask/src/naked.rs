//! `cargo xtask selftests --naked --tree DIR`: a kernel tree's inline-asm
//! verifier tests as text.
//!
//! Since Linux 6.5 most verifier tests are `progs/verifier_*.c`: C functions
//! marked `__naked` whose body is one `asm volatile` block in LLVM's BPF
//! syntax (the text format's), with `__description`, `__success` /
//! `__failure` and `__flag` attributes. Many are cpu v4 code that clang-16
//! cannot assemble, so they cannot be measured as objects here. But clang
//! can still compile them to *assembly text* without assembling it
//! (`-S -no-integrated-as`): it substitutes the operands (helpers become
//! their numbers, constants are evaluated, `%=` labels made unique) and
//! copies the block between `#APP` and `#NO_APP`. This module reads those
//! blocks back and writes each test as a `.s` file: the entry, then every
//! function of the file it calls or takes the address of, and the maps it
//! loads, their sizes evaluated by clang too (`sizeof(*MAP.key)`).
//!
//! Nothing of the kernel's tests enters the repository: the tree is the
//! developer's (`apt-get download linux-source-6.12`, unpacked), and the
//! files are written under `target/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the tests went and why the others did not.
pub struct Written {
    /// The `.s` files of ASM.md's nine program types (the oracle loads them).
    pub plain: Vec<PathBuf>,
    /// The `.s` files that need veristep's extensions (other program types,
    /// map flags, maps of maps), for `VERISTEP_KERNEL_DIFF_TEXTS`.
    pub ext: Vec<PathBuf>,
    /// Tests not written, by reason.
    pub skipped: BTreeMap<String, usize>,
}

/// `enum bpf_map_type` values and their text names.
fn map_type_name(n: u64) -> Option<&'static str> {
    Some(match n {
        1 => "hash",
        2 => "array",
        3 => "prog_array",
        4 => "perf_event_array",
        5 => "percpu_hash",
        6 => "percpu_array",
        7 => "stack_trace",
        8 => "cgroup_array",
        9 => "lru_hash",
        10 => "lru_percpu_hash",
        11 => "lpm_trie",
        12 => "array_of_maps",
        13 => "hash_of_maps",
        14 => "devmap",
        15 => "sockmap",
        16 => "cpumap",
        17 => "xskmap",
        18 => "sockhash",
        19 => "cgroup_storage",
        20 => "reuseport_sockarray",
        21 => "percpu_cgroup_storage",
        22 => "queue",
        23 => "stack",
        24 => "sk_storage",
        25 => "devmap_hash",
        27 => "ringbuf",
        28 => "inode_storage",
        29 => "task_storage",
        30 => "bloom_filter",
        31 => "user_ringbuf",
        _ => return None,
    })
}

/// A libbpf section's program type: `(text, plain)`, plain when ASM.md's
/// nine types name it (the oracle can load it).
fn section_type(sec: &str) -> Option<(String, bool)> {
    let sec = sec.trim_start_matches('?');
    let (head, rest) = sec.split_once('/').unwrap_or((sec, ""));
    let plain = |t: &str| Some((t.to_string(), true));
    let ext = |t: String| Some((t, false));
    match head {
        "socket" => plain("socket_filter"),
        "tc" | "classifier" => plain("sched_cls"),
        "action" => plain("sched_act"),
        "xdp" if rest.is_empty() => plain("xdp"),
        "tracepoint" | "tp" => plain("tracepoint"),
        "raw_tp" | "raw_tracepoint" => plain("raw_tracepoint"),
        "syscall" => plain("syscall"),
        "kprobe" => plain("kprobe"),
        "cgroup_skb" if rest == "egress" => ext("cgroup_skb egress".into()),
        "cgroup_skb" => plain("cgroup_skb"),
        "cgroup" => match rest {
            "skb" => plain("cgroup_skb"),
            "sock" | "sock_create" => ext("cgroup_sock".into()),
            "sock_release" | "post_bind4" | "post_bind6" => ext(format!("cgroup_sock {rest}")),
            "dev" => ext("cgroup_device".into()),
            "sysctl" => ext("cgroup_sysctl".into()),
            "getsockopt" | "setsockopt" => ext(format!("cgroup_sockopt {rest}")),
            "bind4" | "bind6" | "connect4" | "connect6" | "sendmsg4" | "sendmsg6" | "recvmsg4"
            | "recvmsg6" | "getpeername4" | "getpeername6" | "getsockname4" | "getsockname6" => {
                ext(format!("cgroup_sock_addr {rest}"))
            }
            _ => None,
        },
        "sk_msg" | "perf_event" | "flow_dissector" | "netfilter" | "sk_reuseport" => {
            ext(head.to_string())
        }
        "lwt_in" | "lwt_out" | "lwt_xmit" | "lwt_seg6local" => ext(head.to_string()),
        h if h.starts_with("sk_skb") => ext("sk_skb".into()),
        "sockops" => ext("sock_ops".into()),
        "raw_tp.w" | "raw_tracepoint.w" => ext("raw_tracepoint_writable".into()),
        "lsm" | "lsm.s" if !rest.is_empty() => ext(format!(
            "lsm {rest}{}",
            if head == "lsm.s" { " sleepable" } else { "" }
        )),
        "fentry" | "fexit" | "fmod_ret" | "tp_btf" | "iter" | "fentry.s" | "fexit.s" | "iter.s"
            if !rest.is_empty() =>
        {
            let (kind, s) = head.split_once('.').unwrap_or((head, ""));
            ext(format!(
                "tracing {kind} {rest}{}",
                if s == "s" { " sleepable" } else { "" }
            ))
        }
        _ => None,
    }
}

/// clang's flags for the tree's selftests, to assembly text.
fn clang_args(tree: &Path, include: &Path) -> Vec<String> {
    let st = tree.join("tools/testing/selftests/bpf");
    let mut a: Vec<String> = [
        "-g0",
        "-w",
        "-Wno-builtin-macro-redefined",
        // past bpf_misc.h's guard of cpu v4 tests (clang 18 assembles them;
        // we only want them as text)
        "-U__clang_major__",
        "-D__clang_major__=18",
        "-D__TARGET_ARCH_x86",
        "-mlittle-endian",
        "-DENABLE_ATOMICS_TESTS",
        "-O2",
        "--target=bpf",
        "-mcpu=v3",
        "-S",
        "-no-integrated-as",
    ]
    .map(String::from)
    .to_vec();
    let mut dirs = vec![
        include.to_path_buf(),
        tree.join("tools/lib"),
        st.clone(),
        tree.join("tools/include/uapi"),
    ];
    // Later trees (6.15 on) also search `tools/include` (whose
    // `linux/filter.h` the tests include for `BPF_*` instruction macros) and
    // `libarena/include`: as their Makefile's BPF_CFLAGS says.
    let makefile = std::fs::read_to_string(st.join("Makefile")).unwrap_or_default();
    if makefile.contains("-I$(TOOLSINCDIR) ") {
        dirs.push(tree.join("tools/include"));
    }
    if st.join("libarena/include").is_dir() {
        dirs.push(st.join("libarena/include"));
    }
    for d in dirs {
        a.push(format!("-I{}", d.display()));
    }
    for d in [
        "/usr/lib/llvm-16/lib/clang/16/include",
        "/usr/local/include",
        "/usr/include/x86_64-linux-gnu",
        "/usr/include",
    ] {
        a.push("-idirafter".into());
        a.push(d.into());
    }
    a
}

/// `vmlinux.h` (the modelled 6.12 kernel's BTF) and the `bpf_helper_defs.h`
/// libbpf's Makefile generates, in `include`.
fn prepare_include(tree: &Path, include: &Path) -> Result<(), String> {
    let root = crate::root();
    crate::kernel_diff::vmlinux_h(&root.join("static/btf/linux-6.12.btf.gz"), include)?;
    // the tree's own helper list, written again for each tree
    let defs = include.join("bpf_helper_defs.h");
    {
        let out = Command::new("python3")
            .arg(tree.join("scripts/bpf_doc.py"))
            .args(["--header", "--file"])
            .arg(tree.join("tools/include/uapi/linux/bpf.h"))
            .output()
            .map_err(|e| format!("scripts/bpf_doc.py: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "scripts/bpf_doc.py failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        std::fs::write(&defs, &out.stdout).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A function of the assembly text: its section and its `#APP` lines.
#[derive(Default)]
struct AsmFunc {
    section: String,
    lines: Vec<String>,
}

/// The functions of clang's assembly text, and the integers stored after
/// each data symbol (`.quad`, `.long`).
fn read_asm(text: &str) -> (BTreeMap<String, AsmFunc>, BTreeMap<String, u64>) {
    let mut funcs: BTreeMap<String, AsmFunc> = BTreeMap::new();
    let mut data = BTreeMap::new();
    let mut section = String::new();
    let mut cur: Option<String> = None;
    let mut last_sym: Option<String> = None;
    let mut in_app = false;
    for line in text.lines() {
        let s = line.trim();
        if in_app {
            if s.starts_with("#NO_APP") {
                in_app = false;
            } else if let Some(f) = cur.as_ref().and_then(|c| funcs.get_mut(c)) {
                f.lines.push(line.to_string());
            }
            continue;
        }
        if let Some(rest) = s.strip_prefix(".section") {
            section = rest
                .trim()
                .split(',')
                .next()
                .unwrap_or("")
                .trim_matches('"')
                .to_string();
        } else if s == ".text" {
            section = ".text".into();
        } else if s.starts_with("#APP") {
            in_app = true;
        } else if let Some(name) = symbol_def(line) {
            last_sym = Some(name.clone());
            let data_section = section.starts_with(".rodata")
                || section.starts_with(".data")
                || section.starts_with(".bss")
                || section == ".maps"
                || section == "license";
            if !data_section && !section.is_empty() {
                funcs.insert(
                    name.clone(),
                    AsmFunc {
                        section: section.clone(),
                        lines: Vec::new(),
                    },
                );
                cur = Some(name);
            }
        } else if let Some(v) = s
            .strip_prefix(".quad")
            .or_else(|| s.strip_prefix(".long"))
            .map(str::trim)
        {
            // `.quad 1    # 0x1`
            let v = v.split_whitespace().next().unwrap_or("");
            if let (Some(sym), Some(n)) = (&last_sym, parse_int(v)) {
                data.entry(sym.clone()).or_insert(n);
            }
        }
    }
    (funcs, data)
}

/// `name:` at the start of a line (a symbol, not `.Ltmp0:` or `# %bb.0:`).
fn symbol_def(line: &str) -> Option<String> {
    let (name, _) = line.split_once(':')?;
    let ok = !name.is_empty()
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then(|| name.to_string())
}

fn parse_int(s: &str) -> Option<u64> {
    let s = s.trim();
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok(),
        None => s
            .parse::<u64>()
            .ok()
            .or_else(|| s.parse::<i64>().ok().map(|v| v as u64)),
    }
}

/// An `#APP` block as instructions and labels, one per entry.
fn split_insns(lines: &[String]) -> Vec<String> {
    let mut body = lines.join("\n").replace('\t', " ");
    while let Some(a) = body.find("/*") {
        let end = body[a..].find("*/").map_or(body.len(), |e| a + e + 2);
        body.replace_range(a..end, " ");
    }
    let mut out = Vec::new();
    for stmt in body.split([';', '\n']) {
        let mut stmt = stmt.trim();
        // leading labels: `l0_1:`, `1:`
        while let Some((l, rest)) = stmt.split_once(':') {
            let l = l.trim();
            let is_label = !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            if !is_label {
                break;
            }
            out.push(format!("{l}:"));
            stmt = rest.trim();
        }
        if !stmt.is_empty() {
            out.push(stmt.to_string());
        }
    }
    out
}

/// A test's raw instruction (`.8byte %[insn]`, clang writes the encoding
/// as a number) in the text format, when the text says exactly that
/// encoding: the text is parsed back, among padding so that a jump's
/// target exists, and must give the same 8 bytes. An encoding no text
/// names (an unknown opcode, register 15, half of a 64-bit load) gives
/// None: the line stays `.8byte N`, which veristep reads and the oracle's
/// asm2c does not, so the test goes to kernel-diff.
fn raw_insn_text(line: &str) -> Option<String> {
    let v = line.strip_prefix(".8byte")?.trim();
    let v = v.split_whitespace().next()?;
    let n = parse_int(v)?;
    let insn = veristep_core::Insn::from_bytes(n.to_le_bytes());
    if insn.is_ld_imm64() {
        return None;
    }
    let mut prog = veristep_core::asm::parse("exit\n").ok()?;
    prog.insns = vec![insn];
    let class = insn.class();
    let is_jump = (class == veristep_core::insn::BPF_JMP
        || class == veristep_core::insn::BPF_JMP32)
        && !insn.is_call()
        && !insn.is_exit();
    let text = if is_jump {
        // the kernel log's `goto pc-2`: an offset, not a label
        let t = veristep_core::disasm::insn_text(&prog, 0);
        t.split_once(") ").map(|x| x.1.to_string()).unwrap_or(t)
    } else {
        let t = veristep_core::disasm::program_text(&prog);
        t.lines()
            .find(|l| l.starts_with("    "))
            .map(|l| l.trim().to_string())?
    };
    const PAD: usize = 64;
    let mut src = String::new();
    for _ in 0..PAD {
        src.push_str("r0 = 0\n");
    }
    src.push_str(&text);
    src.push('\n');
    for _ in 0..PAD {
        src.push_str("exit\n");
    }
    let back = veristep_core::asm::parse(&src).ok()?;
    // program_text's own fallback is `.8byte` again: no text then
    (!text.starts_with(".8byte")
        && back.insns.get(PAD).map(|i| i.to_bytes()) == Some(insn.to_bytes()))
    .then_some(text)
}

/// A test's attributes, from the C source.
#[derive(Default)]
struct Meta {
    descr: String,
    result: &'static str,
    flags: Vec<String>,
    auxiliary: bool,
    btf_path: bool,
}

/// Whether `word` occurs in `text` as a whole word (not `word_unpriv`).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Every `SEC("...")` function's attributes, by function name.
fn read_meta(src: &str) -> BTreeMap<String, Meta> {
    let mut out = BTreeMap::new();
    for (at, _) in src.match_indices("SEC(\"") {
        let start = at + 5;
        let Some(sec_end) = src[start..].find('"') else {
            continue;
        };
        let after = start + sec_end + 2;
        let Some(brace) = src[after..].find('{') else {
            continue;
        };
        let chunk = &src[after..after + brace];
        // `... NAME(void)` just before the body
        let Some(paren) = chunk.rfind('(') else {
            continue;
        };
        let name: String = chunk[..paren]
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let section = &src[start..start + sec_end];
        if name.is_empty() || section.starts_with('.') || section == "license" {
            continue;
        }
        let mut m = Meta {
            result: if has_word(chunk, "__failure") {
                "failure"
            } else if has_word(chunk, "__success") {
                "success"
            } else {
                "unknown"
            },
            auxiliary: has_word(chunk, "__auxiliary"),
            btf_path: chunk.contains("__btf_path"),
            ..Meta::default()
        };
        if let Some(d) = chunk.find("__description(") {
            m.descr = c_strings(&chunk[d + 14..]);
        }
        for (f, _) in chunk.match_indices("__flag(") {
            let rest = &chunk[f + 7..];
            if let Some(e) = rest.find(')') {
                let flag = rest[..e].trim();
                // BPF_F_ANY_ALIGNMENT changes nothing on x86 (strict
                // alignment is off already); RND_HI32 only rewrites
                if flag != "BPF_F_ANY_ALIGNMENT" && flag != "BPF_F_TEST_RND_HI32" {
                    m.flags.push(flag.to_string());
                }
            }
        }
        out.insert(name, m);
    }
    out
}

/// The C string literals of a macro's argument list, concatenated, up to
/// its closing parenthesis (`"two " "parts")` is `two parts`).
fn c_strings(args: &str) -> String {
    let mut out = String::new();
    let mut in_str = false;
    let mut chars = args.chars();
    while let Some(c) = chars.next() {
        match (in_str, c) {
            (true, '\\') => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            (true, '"') | (false, '"') => in_str = !in_str,
            (true, c) => out.push(c),
            (false, ')') => break,
            _ => {}
        }
    }
    out
}

/// Every BTF-defined map of the source: name and the body of its struct.
fn read_maps(src: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (at, _) in src.match_indices("SEC(\".maps\")") {
        let before = src[..at].trim_end();
        let name: String = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let head = before[..before.len() - name.len()].trim_end();
        if !head.ends_with('}') {
            continue;
        }
        // back to the matching `{`
        let mut depth = 0;
        let mut open = None;
        for (i, c) in head.char_indices().rev() {
            match c {
                '}' => depth += 1,
                '{' => {
                    depth -= 1;
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            out.insert(name, head[o + 1..head.len() - 1].to_string());
        }
    }
    out
}

fn has_field(body: &str, macro_: &str, field: &str) -> bool {
    body.match_indices(macro_).any(|(i, _)| {
        body[i + macro_.len()..]
            .trim_start()
            .strip_prefix(field)
            .is_some_and(|r| r.trim_start().starts_with(','))
    })
}

/// Each map's fields, evaluated by clang: the source with one constant per
/// field appended, compiled to assembly text.
fn eval_maps(
    src_path: &Path,
    src: &str,
    maps: &BTreeMap<String, String>,
    args: &[String],
    work: &Path,
) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut extra = String::from("\n");
    let mut fields = Vec::new();
    for (name, body) in maps {
        let mut add = |key: String, expr: String| {
            extra.push_str(&format!(
                "const unsigned long __vs__{name}__{key} = {expr};\n"
            ));
            fields.push((name.clone(), key));
        };
        for f in ["type", "max_entries", "key_size", "value_size", "map_flags"] {
            if has_field(body, "__uint(", f) {
                add(f.into(), format!("sizeof(*{name}.{f}) / sizeof(int)"));
            }
        }
        for f in ["key", "value"] {
            if has_field(body, "__type(", f) {
                add(format!("{f}_size"), format!("sizeof(*{name}.{f})"));
            }
        }
        // a map of maps: its inner map template's
        if body.contains("__array(values, struct") {
            let inner = format!("(*{name}.values[0])");
            for f in ["type", "max_entries"] {
                add(
                    format!("inner_{f}"),
                    format!("sizeof(*{inner}.{f}) / sizeof(int)"),
                );
            }
            for f in ["key", "value"] {
                add(format!("inner_{f}_size"), format!("sizeof(*{inner}.{f})"));
            }
        }
    }
    let dir = src_path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        "__veristep_{}",
        src_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x.c")
    ));
    let out = work.join("maps.s");
    let ok = std::fs::write(&tmp, format!("{src}{extra}")).is_ok()
        && Command::new("clang-16")
            .args(args)
            .arg(&tmp)
            .arg("-o")
            .arg(&out)
            .output()
            .is_ok_and(|o| o.status.success());
    let _ = std::fs::remove_file(&tmp);
    let mut res: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    if !ok {
        return res;
    }
    let (_, data) = read_asm(&std::fs::read_to_string(&out).unwrap_or_default());
    for (name, key) in fields {
        if let Some(v) = data.get(&format!("__vs__{name}__{key}")) {
            res.entry(name).or_default().insert(key, *v);
        }
    }
    res
}

/// A `.map` line (and its inner template's before it), or why not.
fn map_lines(name: &str, v: &BTreeMap<String, u64>) -> Result<(Vec<String>, bool), String> {
    let get = |k: &str| v.get(k).copied();
    let t = get("type")
        .and_then(map_type_name)
        .ok_or_else(|| format!("map type {:?}", get("type")))?;
    let key = get("key_size").or(get("key_size_size")).unwrap_or(0);
    let value = get("value_size").or(get("value_size_size")).unwrap_or(0);
    let entries = get("max_entries").unwrap_or(0);
    let flags = get("map_flags").unwrap_or(0);
    let mut plain = flags == 0;
    let mut lines = Vec::new();
    let mut tail = String::new();
    if flags != 0 {
        tail.push_str(&format!(" flags={flags}"));
    }
    if t.ends_with("_of_maps") {
        let it = get("inner_type")
            .and_then(map_type_name)
            .ok_or("inner map shape")?;
        lines.push(format!(
            ".map {name}_inner {it} key={} value={} entries={}",
            get("inner_key_size").unwrap_or(0),
            get("inner_value_size").unwrap_or(0),
            get("inner_max_entries").unwrap_or(0)
        ));
        tail.push_str(&format!(" inner={name}_inner"));
        plain = false;
    }
    lines.push(if matches!(t, "ringbuf" | "user_ringbuf") {
        format!(".map {name} {t} entries={entries}{tail}")
    } else {
        format!(".map {name} {t} key={key} value={value} entries={entries}{tail}")
    });
    Ok((lines, plain))
}

/// Numbers as the oracle's reader takes them (no C suffixes).
fn strip_suffixes(ins: &str) -> String {
    let b = ins.as_bytes();
    let mut out = String::with_capacity(ins.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let starts_number = c.is_ascii_digit()
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'));
        if !starts_number {
            out.push(c as char);
            i += 1;
            continue;
        }
        let st = i;
        if c == b'0' && b.get(i + 1).is_some_and(|x| *x == b'x' || *x == b'X') {
            i += 2;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
        } else {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push_str(&ins[st..i]);
        let mut j = i;
        if j < b.len() && (b[j] == b'u' || b[j] == b'U') {
            j += 1;
        }
        while j < b.len() && j < i + 3 && (b[j] == b'l' || b[j] == b'L') {
            j += 1;
        }
        if j > i
            && !b
                .get(j)
                .is_some_and(|x| x.is_ascii_alphanumeric() || *x == b'_')
        {
            i = j;
        }
    }
    out
}

/// Writes the tree's `__naked` tests as text: ASM.md's nine types into
/// `plain_dir`, the others into `ext_dir`.
pub fn write(
    tree: &Path,
    work: &Path,
    plain_dir: &Path,
    ext_dir: &Path,
) -> Result<Written, String> {
    let st = tree.join("tools/testing/selftests/bpf");
    let progs = st.join("progs");
    let include = work.join("naked-include");
    std::fs::create_dir_all(&include).map_err(|e| e.to_string())?;
    prepare_include(tree, &include)?;
    for d in [plain_dir, ext_dir] {
        let _ = std::fs::remove_dir_all(d);
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let args = clang_args(tree, &include);
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&progs)
        .map_err(|e| format!("{}: {e}", progs.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|s| s.contains("__naked")))
        .collect();
    sources.sort();
    let mut w = Written {
        plain: Vec::new(),
        ext: Vec::new(),
        skipped: BTreeMap::new(),
    };
    let mut skip = |why: &str| *w.skipped.entry(why.to_string()).or_default() += 1;
    let mut plain_files = Vec::new();
    let mut ext_files = Vec::new();
    for path in &sources {
        let base = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("x")
            .to_string();
        let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let s_out = work.join("naked.s");
        let compiled = Command::new("clang-16")
            .current_dir(&st)
            .args(&args)
            .arg(path)
            .arg("-o")
            .arg(&s_out)
            .output()
            .map_err(|e| format!("clang-16: {e}"))?;
        if !compiled.status.success() {
            skip("file does not compile");
            continue;
        }
        let (funcs, _) = read_asm(&std::fs::read_to_string(&s_out).unwrap_or_default());
        let meta = read_meta(&src);
        let maps = read_maps(&src);
        let map_values = if maps.is_empty() {
            BTreeMap::new()
        } else {
            eval_maps(path, &src, &maps, &args, work)
        };
        for (name, m) in &meta {
            let Some(f) = funcs.get(name).filter(|f| !f.lines.is_empty()) else {
                skip("not naked");
                continue;
            };
            if m.auxiliary {
                skip("auxiliary");
                continue;
            }
            let Some((pt, mut plain)) = section_type(&f.section) else {
                skip(&format!(
                    "section {}",
                    f.section.split('/').next().unwrap_or("")
                ));
                continue;
            };
            // the test's `__flag()`s: veristep's `.prog_flags`, which the
            // oracle does not read
            let flags = m
                .flags
                .iter()
                .map(|f| veristep_core::ProgFlags::parse_one(f).ok_or(f))
                .collect::<Result<Vec<u32>, _>>();
            let flags = match flags {
                Ok(v) => v.into_iter().fold(0, |a, b| a | b),
                Err(f) => {
                    skip(&format!("program flag {f}"));
                    continue;
                }
            };
            plain &= flags == 0;
            if m.btf_path {
                skip("BTF path");
                continue;
            }
            // the entry, then each function of the file it refers to
            let mut insns = split_insns(&f.lines);
            let mut seen: BTreeSet<&str> = BTreeSet::from([name.as_str()]);
            let mut used_maps: Vec<&str> = Vec::new();
            let mut bad: Option<String> = None;
            let mut k = 0;
            while k < insns.len() {
                let mut ins = insns[k].clone();
                k += 1;
                if ins.starts_with('.') && !ins.ends_with(':') {
                    match raw_insn_text(&ins) {
                        Some(t) => {
                            insns[k - 1] = t.clone();
                            ins = t;
                        }
                        // veristep reads `.8byte N` (an extension), the
                        // oracle's asm2c does not: kernel-diff judges it
                        None if ins.starts_with(".8byte") && parse_int(&ins[6..]).is_some() => {
                            plain = false;
                        }
                        None => {
                            bad = Some("raw directive".into());
                            break;
                        }
                    }
                }
                // instructions the oracle's asm2c has no form for (kernel-diff
                // encodes them through veristep's parser)
                if ["may_goto", "load_acquire", "store_release"]
                    .iter()
                    .any(|w| ins.contains(w))
                {
                    plain = false;
                }
                for word in ins.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                    if let Some((fname, g)) = funcs.get_key_value(word) {
                        if seen.contains(word) {
                            continue;
                        }
                        if g.lines.is_empty() {
                            bad = Some("a call of a C function".into());
                            continue;
                        }
                        seen.insert(fname.as_str());
                        insns.push(format!("{fname}:"));
                        insns.extend(split_insns(&g.lines));
                    } else if let Some((mname, _)) = maps.get_key_value(word) {
                        if !used_maps.contains(&mname.as_str()) {
                            used_maps.push(mname.as_str());
                        }
                    }
                }
                if let Some(callee) = ins.strip_prefix("call ") {
                    let callee = callee.trim();
                    let known = funcs.contains_key(callee)
                        || callee.parse::<i64>().is_ok()
                        || callee.starts_with("pc")
                        || callee.starts_with(['+', '-'])
                        || callee.starts_with(|c: char| c.is_ascii_digit());
                    if !known {
                        bad = Some("a kfunc or extern call".into());
                    }
                }
            }
            if let Some(b) = &bad {
                skip(b);
                continue;
            }
            let mut decls = Vec::new();
            for mname in used_maps {
                let empty = BTreeMap::new();
                match map_lines(mname, map_values.get(mname).unwrap_or(&empty)) {
                    Ok((lines, p)) => {
                        plain &= p;
                        decls.extend(lines);
                    }
                    Err(e) => {
                        bad = Some(e);
                        break;
                    }
                }
            }
            if let Some(b) = bad {
                skip(&b);
                continue;
            }
            let license = src
                .split("SEC(\"license\")")
                .nth(1)
                .and_then(|r| r.split('"').nth(1))
                .unwrap_or("GPL");
            let mut text = format!(
                "; {base}:{name}: {}\n; expected: {}\n.prog_type {pt}\n.license \"{license}\"\n",
                m.descr, m.result
            );
            if flags != 0 {
                let names = veristep_core::ProgFlags(flags).names();
                text.push_str(&format!(".prog_flags {names}\n"));
            }
            for d in decls {
                text.push_str(&d);
                text.push('\n');
            }
            for ins in insns {
                if ins.ends_with(':') {
                    text.push_str(&ins);
                } else {
                    text.push_str("    ");
                    text.push_str(&strip_suffixes(&ins));
                }
                text.push('\n');
            }
            let dir = if plain { plain_dir } else { ext_dir };
            let file = dir.join(format!("{base}__{name}.s"));
            std::fs::write(&file, text).map_err(|e| e.to_string())?;
            if plain {
                plain_files.push(file);
            } else {
                ext_files.push(file);
            }
        }
    }
    w.plain = plain_files;
    w.ext = ext_files;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_app_block_splits_into_labels_and_instructions() {
        let lines = vec![
            "\t\t\tcall 7;\t\tw1 = (s8)w0;\t\t/* w1 with s8 range */\tif w1 s> 0x7f goto l0_0;\tl1_0:\t\texit;\tl0_0: r0 = 2;".to_string(),
        ];
        assert_eq!(
            split_insns(&lines),
            [
                "call 7",
                "w1 = (s8)w0",
                "if w1 s> 0x7f goto l0_0",
                "l1_0:",
                "exit",
                "l0_0:",
                "r0 = 2"
            ]
        );
    }

    #[test]
    fn attributes_are_read_per_function() {
        let src = r#"
SEC("socket")
__description("MOV32SX, S8")
__success __success_unpriv __retval(0x23)
__naked void mov32sx_s8(void)
{
}
SEC("tc")
__description("two " "parts") __failure __msg("x")
__flag(BPF_F_ANY_ALIGNMENT) __flag(BPF_F_TEST_STATE_FREQ)
__naked void f2(void)
{
}
"#;
        let m = read_meta(src);
        assert_eq!(m["mov32sx_s8"].descr, "MOV32SX, S8");
        assert_eq!(m["mov32sx_s8"].result, "success");
        assert_eq!(m["f2"].descr, "two parts");
        assert_eq!(m["f2"].result, "failure");
        assert_eq!(m["f2"].flags, ["BPF_F_TEST_STATE_FREQ"]);
    }

    #[test]
    fn maps_and_sections() {
        let src = "struct {\n\t__uint(type, BPF_MAP_TYPE_HASH);\n\t__type(key, long long);\n} map_hash_8b SEC(\".maps\");\n";
        let maps = read_maps(src);
        assert!(maps["map_hash_8b"].contains("BPF_MAP_TYPE_HASH"));
        assert!(has_field(&maps["map_hash_8b"], "__type(", "key"));
        assert_eq!(
            section_type("?raw_tp"),
            Some(("raw_tracepoint".into(), true))
        );
        assert_eq!(
            section_type("cgroup/skb"),
            Some(("cgroup_skb".into(), true))
        );
        assert_eq!(
            section_type("lsm.s/bpf"),
            Some(("lsm bpf sleepable".into(), false))
        );
        assert_eq!(
            strip_suffixes("r1 = 0xffffffff00000000LL ll"),
            "r1 = 0xffffffff00000000 ll"
        );
        assert_eq!(
            strip_suffixes("r2 = -9223372036854775808ULL ll"),
            "r2 = -9223372036854775808 ll"
        );
        assert_eq!(strip_suffixes("goto l0_1"), "goto l0_1");
    }

    #[test]
    fn raw_instructions_become_the_text_that_gives_their_bytes() {
        // BPF_ST_MEM(BPF_B, BPF_REG_FP, -1, 0), as clang writes it
        assert_eq!(
            raw_insn_text(".8byte 4294904434").as_deref(),
            Some("*(u8 *)(r10 -1) = 0")
        );
        // BPF_LD_IND(BPF_W, BPF_REG_1, -0x200000)
        assert_eq!(
            raw_insn_text(".8byte -9007199254736832").as_deref(),
            Some("r0 = *(u32 *)skb[r1 + -2097152]")
        );
        // BPF_JMP_IMM(BPF_JSET, BPF_REG_7, 0x702000, -2): the offset stays
        let jset = raw_insn_text(".8byte 0x00702000fffe0745").expect("a jump has text");
        assert!(jset.ends_with("goto pc-2"), "{jset}");
        // BPF_MOV64_REG(BPF_REG_0, -1): source register 15, no text
        assert_eq!(raw_insn_text(".8byte 0xf0bf"), None);
        assert_eq!(raw_insn_text(".8byte %[insn]"), None);
    }
}
