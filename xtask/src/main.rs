//! `cargo xtask test | bless | serve`: the project's front door.
//!
//! - `test`: installs what is missing (wasm32 target, clippy, rustfmt), then
//!   runs formatting, lints, every test, the wasm32 build of the core, the
//!   playground's release build and its browser tests.
//! - `bless [--kernel 6.1|6.12|all] [FILE.s ...]`: asks the real kernel
//!   (`../shared/oracle/kernel-verdict`) about corpus programs and writes
//!   `NAME.6.1.json` / `NAME.6.12.json` next to them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod asm2c;
mod fuzz;
mod kernel_diff;
mod naked;
mod random;
mod selftests;

fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent().map(Path::to_path_buf).unwrap_or(here)
}

fn run(step: &str, cmd: &mut Command) -> Result<(), String> {
    let t = Instant::now();
    eprintln!("==> {}", step);
    let status = cmd
        .status()
        .map_err(|e| format!("{}: cannot start: {}", step, e))?;
    eprintln!(
        "    {} in {:.1}s",
        if status.success() { "ok" } else { "FAILED" },
        t.elapsed().as_secs_f64()
    );
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({})", step, status))
    }
}

fn output(cmd: &mut Command) -> String {
    cmd.stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default()
}

/// Installs the toolchain pieces the tests need, only when missing.
fn ensure_toolchain() -> Result<(), String> {
    let targets = output(Command::new("rustup").args(["target", "list", "--installed"]));
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(
            "rustup target add wasm32-unknown-unknown",
            Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        )?;
    }
    let comps = output(Command::new("rustup").args(["component", "list", "--installed"]));
    for c in ["clippy", "rustfmt"] {
        if !comps.lines().any(|l| l.starts_with(c)) {
            run(
                &format!("rustup component add {}", c),
                Command::new("rustup").args(["component", "add", c]),
            )?;
        }
    }
    Ok(())
}

fn test() -> Result<(), String> {
    let r = root();
    ensure_toolchain()?;
    let cargo = || {
        let mut c = Command::new("cargo");
        c.current_dir(&r);
        c
    };
    let steps: Vec<(&str, Vec<&str>)> = vec![
        ("format check", vec!["fmt", "--all", "--", "--check"]),
        (
            "clippy",
            vec![
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        ("tests", vec!["test", "--workspace"]),
        (
            "core for wasm32",
            vec![
                "build",
                "-p",
                "veristep-core",
                "--target",
                "wasm32-unknown-unknown",
                "--release",
            ],
        ),
    ];
    for (name, args) in steps {
        run(name, cargo().args(&args))?;
    }
    graph_renders()?;
    // the cargo-fuzz targets keep compiling (build only; `cargo xtask fuzz` runs them)
    fuzz::build()?;
    // veristep against the real Linux 6.1 on the C corpus (qemu)
    kernel_diff::kernel_diff()?;
    build_web()?;
    ensure_browser_tools()?;
    run(
        "browser tests (playwright-core + /usr/bin/chromium)",
        Command::new("node").current_dir(&r).args([
            "tests/browser/e2e.mjs",
            "dist",
            "target/browser",
        ]),
    )
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Whether we run as root (apt then needs no sudo).
fn is_root() -> bool {
    output(Command::new("id").arg("-u")).trim() == "0"
}

/// `apt-get`, through sudo when we are not root.
fn apt_get() -> Command {
    if is_root() {
        Command::new("apt-get")
    } else {
        let mut c = Command::new("sudo");
        c.arg("apt-get");
        c
    }
}

/// Installs Debian packages (apt needs root: sudo when we are not root),
/// bookworm's versions of them.
///
/// Only qemu may come from bookworm-backports, and then it alone names it
/// (`qemu-system-x86/bookworm-backports`, whose dependencies apt takes from
/// there as far as they need), never the whole batch with `-t`: `-t` also
/// upgrades what the batch merely depends on, and on a fresh machine that
/// took linux-libc-dev to 6.12's UAPI headers (tests/c is compiled against
/// the modelled 6.1's) and libelf-dev to 0.192, whose static library the
/// oracle's loader (`../shared/oracle/setup`) cannot link (measured
/// 2026-12-06).
fn apt_install(pkgs: &[&str]) -> Result<(), String> {
    if pkgs.is_empty() {
        return Ok(());
    }
    let mut install = apt_get();
    install
        .args(["install", "-y", "--no-install-recommends"])
        .env("DEBIAN_FRONTEND", "noninteractive");
    // qemu's packages must come from one release: on machines whose
    // qemu-utils is bookworm-backports' (qemu 10), bookworm's
    // qemu-system-x86 7.2 is refused ("qemu-utils : Breaks:
    // qemu-system-common (< 1:8.0+dfsg-5~)"), so take it from backports too.
    let qemu_from_backports =
        pkgs.contains(&"qemu-system-x86") && installed_version("qemu-utils").contains("bpo");
    if qemu_from_backports {
        ensure_backports_source()?;
    }
    for pkg in pkgs {
        if *pkg == "qemu-system-x86" && qemu_from_backports {
            install.arg(format!("{pkg}/bookworm-backports"));
        } else {
            install.arg(pkg);
        }
    }
    run("apt-get update", apt_get().arg("update"))?;
    run(&format!("apt-get install {}", pkgs.join(" ")), &mut install)
}

/// `apt-get download PKG` into `dir`, unpacked (`dpkg-deb -x`) into
/// `into`: the downloaded `.deb`, for the caller to remove or keep.
fn apt_download_unpacked(pkg: &str, dir: &Path, into: &Path) -> Result<PathBuf, String> {
    run(
        &format!("apt-get download {pkg}"),
        Command::new("apt-get")
            .current_dir(dir)
            .args(["download", pkg]),
    )?;
    let deb = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or("apt-get download left no .deb")?;
    run(
        &format!("unpack {pkg}"),
        Command::new("dpkg-deb").arg("-x").arg(&deb).arg(into),
    )?;
    Ok(deb)
}

/// The installed version of a Debian package ("" when it is not installed).
fn installed_version(pkg: &str) -> String {
    output(Command::new("dpkg-query").args(["-W", "-f", "${Version}", pkg]))
        .trim()
        .to_string()
}

/// Adds bookworm-backports to apt's sources when no source names it yet.
fn ensure_backports_source() -> Result<(), String> {
    let root_user = is_root();
    let dir = Path::new("/etc/apt/sources.list.d");
    let named = std::fs::read_dir(dir)
        .map(|entries| {
            // apt reads only *.list and *.sources here
            entries.filter_map(|e| e.ok()).any(|e| {
                let path = e.path();
                matches!(
                    path.extension().and_then(|x| x.to_str()),
                    Some("list" | "sources")
                ) && std::fs::read_to_string(&path)
                    .is_ok_and(|text| text.contains("bookworm-backports"))
            })
        })
        .unwrap_or(false)
        || std::fs::read_to_string("/etc/apt/sources.list")
            .is_ok_and(|text| text.contains("bookworm-backports"));
    if named {
        return Ok(());
    }
    let source = concat!(
        "Types: deb\n",
        "URIs: http://deb.debian.org/debian\n",
        "Suites: bookworm-backports\n",
        "Components: main\n",
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
    );
    let path = dir.join("bookworm-backports.sources");
    if root_user {
        return std::fs::write(&path, source).map_err(|e| format!("{}: {e}", path.display()));
    }
    // not root: write it where we may, then let sudo put it in place
    let staged = std::env::temp_dir().join("veristep-bookworm-backports.sources");
    std::fs::write(&staged, source).map_err(|e| format!("{}: {e}", staged.display()))?;
    run(
        "add bookworm-backports to apt's sources",
        Command::new("sudo").arg("cp").arg(&staged).arg(&path),
    )
}

/// Node.js and npm, for the editor bundle and the browser tests.
fn ensure_node() -> Result<(), String> {
    let missing: Vec<&str> = [
        ("nodejs", tool_version("node").is_some()),
        ("npm", tool_version("npm").is_some()),
    ]
    .iter()
    .filter(|(_, present)| !present)
    .map(|(pkg, _)| *pkg)
    .collect();
    apt_install(&missing)
}

/// `npm ci` in `dir` when its packages are missing or older than its lock file.
fn npm_ci(dir: &Path, probe: &str) -> Result<(), String> {
    let installed = dir.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(dir.join("package-lock.json")).and_then(|m| m.modified()),
        std::fs::metadata(&installed).and_then(|m| m.modified()),
    ) {
        (Ok(lock), Ok(inst)) => lock > inst,
        _ => true,
    };
    if stale || !dir.join("node_modules").join(probe).exists() {
        run(
            &format!("npm ci ({})", dir.display()),
            Command::new("npm")
                .current_dir(dir)
                .args(["ci", "--prefer-offline", "--no-audit", "--no-fund"])
                // playwright-core never downloads a browser, but be explicit.
                .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
        )?;
    }
    Ok(())
}

/// The CodeMirror editor bundle (web/editor -> web/editor/dist), which
/// static/index.html loads: npm packages, then esbuild.
fn build_editor() -> Result<(), String> {
    ensure_node()?;
    let dir = root().join("web/editor");
    npm_ci(&dir, "@codemirror/view/package.json")?;
    run(
        "editor bundle (esbuild)",
        Command::new("npm")
            .current_dir(&dir)
            .args(["run", "--silent", "build"]),
    )
}

/// `veristep graph --dot` is valid Graphviz: Graphviz's `dot` renders it
/// (for a branchy program, callbacks in both modes, a rejection and an
/// aggregated 1M-step walk).
fn graph_renders() -> Result<(), String> {
    // `dot -V` (it has no --version)
    let have_dot = Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !have_dot {
        apt_install(&["graphviz"])?;
    }
    let r = root();
    run(
        "veristep (debug)",
        Command::new("cargo")
            .current_dir(&r)
            .args(["build", "-q", "-p", "veristep"]),
    )?;
    let cases: [&[&str]; 4] = [
        &["tests/corpus/limits/many_branches.s"],
        &["tests/corpus/seed/second_iteration.s", "--kernel", "6.12"],
        &["tests/corpus/seed/nested_cb_leak.s", "--kernel", "6.1"],
        &["tests/corpus/limits/too_large.s"],
    ];
    for args in cases {
        let out = Command::new(r.join("target/debug/veristep"))
            .current_dir(&r)
            .arg("graph")
            .args(args)
            .arg("--dot")
            .output()
            .map_err(|e| format!("veristep graph: {e}"))?;
        let mut dot = Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("dot: {e}"))?;
        if let Some(mut i) = dot.stdin.take() {
            i.write_all(&out.stdout).map_err(|e| format!("dot: {e}"))?;
        }
        let o = dot.wait_with_output().map_err(|e| format!("dot: {e}"))?;
        let svg = String::from_utf8_lossy(&o.stdout);
        if !o.status.success() || !svg.contains("<svg") || !o.stderr.is_empty() {
            return Err(format!(
                "dot -Tsvg cannot render veristep graph {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&o.stderr)
            ));
        }
        println!("    graph {}: {} bytes of SVG", args.join(" "), svg.len());
    }
    Ok(())
}

fn ensure_browser_tools() -> Result<(), String> {
    ensure_node()?;
    if !Path::new(CHROMIUM).exists() {
        apt_install(&["chromium"])?;
    }
    npm_ci(
        &root().join("tests/browser"),
        "playwright-core/package.json",
    )
}

fn oracle_dir() -> Result<PathBuf, String> {
    let p = std::env::var_os("VERISTEP_ORACLE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/oracle"));
    if p.join("kernel-verdict").is_file() {
        Ok(p)
    } else {
        Err(format!(
            "no kernel oracle at {} (set VERISTEP_ORACLE, and run its ./setup once)",
            p.display()
        ))
    }
}

fn corpus_files(args: &[String]) -> Vec<PathBuf> {
    if !args.is_empty() {
        return args.iter().map(PathBuf::from).collect();
    }
    let mut out = Vec::new();
    let mut dirs = vec![root().join("tests/corpus")];
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

const FIELDS: [&str; 12] = [
    "verdict",
    "errno",
    "message",
    "error_insn",
    "processed",
    "total_states",
    "peak_states",
    "layout_ok",
    "log_level",
    "log_truncated",
    "kernel",
    "log",
];

fn bless(args: &[String]) -> Result<(), String> {
    let mut kernels = vec!["6.1", "6.12"];
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--kernel" {
            let k = it.next().ok_or("--kernel needs 6.1, 6.12 or all")?;
            kernels = match k.as_str() {
                "6.1" => vec!["6.1"],
                "6.12" => vec!["6.12"],
                "all" => vec!["6.1", "6.12"],
                _ => return Err(format!("unknown kernel '{}' (6.1, 6.12, all)", k)),
            };
        } else {
            files.push(a.clone());
        }
    }
    let oracle = oracle_dir()?;
    let files = corpus_files(&files);
    if files.is_empty() {
        return Err("no .s files to bless".into());
    }
    // a program whose header says `; oracle-log-level: 1` is recorded at
    // that level (what a level-1 log shows, e.g. a message the kernel
    // prints on an instruction's line); the rest at level 2
    let level_of = |f: &PathBuf| -> &'static str {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let one = text
            .lines()
            .take_while(|l| l.starts_with(';'))
            .any(|l| l.trim_start_matches(';').trim() == "oracle-log-level: 1");
        if one {
            "1"
        } else {
            "2"
        }
    };
    let mut groups: Vec<(&str, Vec<PathBuf>)> = Vec::new();
    for f in files {
        let l = level_of(&f);
        match groups.iter_mut().find(|g| g.0 == l) {
            Some(g) => g.1.push(f),
            None => groups.push((l, vec![f])),
        }
    }
    for k in kernels {
        for (level, files) in &groups {
            bless_group(&oracle, k, level, files)?;
        }
    }
    Ok(())
}

/// One boot of kernel `k` for `files`, recorded at log level `level`.
fn bless_group(oracle: &Path, k: &str, level: &str, files: &[PathBuf]) -> Result<(), String> {
    {
        eprintln!(
            "==> asking Linux {} about {} programs (one boot, log level {})",
            k,
            files.len(),
            level
        );
        let mut cmd = Command::new(oracle.join("kernel-verdict"));
        cmd.arg("--max-record-kb")
            .arg("512")
            .args(["-l", level])
            .args(files)
            .env("ORACLE_TIMEOUT", "1800");
        if k == "6.12" {
            cmd.env("ORACLE_CACHE", "cache-6.12");
        }
        let out = cmd
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("kernel-verdict: {}", e))?;
        let text = String::from_utf8_lossy(&out.stdout);
        let (mut written, mut refused) = (0, 0);
        for line in text.lines() {
            let Ok(rec) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(file) = rec["file"].as_str() else {
                continue;
            };
            let verdict = rec["verdict"].as_str().unwrap_or("");
            // `layout_ok` checks the numbering of what the kernel loaded: a
            // program libbpf refused when it opened the object (a
            // relocation against the entry) has none to check
            let refused_by_libbpf = verdict == "error"
                && rec["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with("libbpf: "));
            if (rec["layout_ok"].as_bool() != Some(true) && !refused_by_libbpf)
                || matches!(verdict, "convert-error" | "compile-error" | "no-record")
            {
                eprintln!(
                    "    refused {}: verdict {} layout_ok {}",
                    file, verdict, rec["layout_ok"]
                );
                refused += 1;
                continue;
            }
            let mut obj = serde_json::Map::new();
            for f in FIELDS {
                obj.insert(
                    f.to_string(),
                    rec.get(f).cloned().unwrap_or(serde_json::Value::Null),
                );
            }
            let path = Path::new(file).with_extension(format!("{}.json", k));
            if let Ok(old) = std::fs::read_to_string(&path) {
                if let Ok(o) = serde_json::from_str::<serde_json::Value>(&old) {
                    if o["verdict"] != rec["verdict"] || o["message"] != rec["message"] {
                        eprintln!(
                            "    changed {}: {} {} -> {} {}",
                            path.display(),
                            o["verdict"],
                            o["message"],
                            rec["verdict"],
                            rec["message"]
                        );
                    }
                }
            }
            let body = serde_json::to_string_pretty(&serde_json::Value::Object(obj))
                .map_err(|e| e.to_string())?;
            std::fs::write(&path, body + "\n").map_err(|e| format!("{}: {}", path.display(), e))?;
            written += 1;
        }
        eprintln!("    Linux {}: {} blessed, {} refused", k, written, refused);
        if !out.status.success() && written == 0 {
            return Err(format!("kernel-verdict failed for Linux {}", k));
        }
    }
    Ok(())
}

/// Markdown table of the corpus: program, what it shows, kernel verdicts.
fn corpus_table() -> Result<(), String> {
    let mut out = String::from("| program | Linux 6.1 | Linux 6.12 | 5.19 (derived) | what it shows |\n|---|---|---|---|---|\n");
    for p in corpus_files(&[]) {
        let rel = p
            .strip_prefix(root().join("tests/corpus"))
            .unwrap_or(&p)
            .with_extension("");
        let text = std::fs::read_to_string(&p).map_err(|e| e.to_string())?;
        let about: String = text
            .lines()
            .take_while(|l| l.starts_with(';'))
            .map(|l| l.trim_start_matches(';').trim())
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|");
        let cell = |tag: &str| -> String {
            let f = p.with_extension(format!("{}.json", tag));
            let Ok(t) = std::fs::read_to_string(f) else {
                return "".into();
            };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&t) else {
                return "?".into();
            };
            let verdict = v["verdict"].as_str().unwrap_or("?");
            match v["message"].as_str() {
                Some(m) if verdict == "rejected" => {
                    format!("rejected: `{}`", m.replace('|', "\\|"))
                }
                _ => verdict.to_string(),
            }
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            rel.display(),
            cell("6.1"),
            cell("6.12"),
            cell("5.19"),
            about
        ));
    }
    print!("{}", out);
    Ok(())
}

const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` pin in web/Cargo.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.100";

fn tool_version(cmd: &str) -> Option<String> {
    let out = Command::new(cmd)
        .arg("--version")
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// trunk 0.21.x and wasm-bindgen-cli at the crate's exact version, built
/// from crates.io only when missing (about 25 minutes on 2 cores).
fn ensure_web_tools() -> Result<(), String> {
    ensure_toolchain()?;
    let wb = tool_version("wasm-bindgen").unwrap_or_default();
    if !wb.contains(WASM_BINDGEN_VERSION) {
        run(
            &format!(
                "cargo install wasm-bindgen-cli {} (first time only)",
                WASM_BINDGEN_VERSION
            ),
            Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                WASM_BINDGEN_VERSION,
            ]),
        )?;
    }
    let tr = tool_version("trunk").unwrap_or_default();
    if !tr.contains(TRUNK_VERSION) {
        run(
            &format!("cargo install trunk {} (first time only)", TRUNK_VERSION),
            Command::new("cargo").args([
                "install",
                "trunk",
                "--version",
                TRUNK_VERSION,
                "--locked",
            ]),
        )?;
    }
    Ok(())
}

/// Builds the playground into dist/ (release).
fn build_web() -> Result<(), String> {
    ensure_web_tools()?;
    build_editor()?;
    run(
        "trunk build --release --cargo-profile wasm",
        Command::new("trunk").current_dir(root()).args([
            "build",
            "--release",
            "--cargo-profile",
            "wasm",
        ]),
    )?;
    precompress(&root().join("dist"))
}

/// Writes `FILE.gz` (gzip -9) next to each wasm, JavaScript, CSS and HTML
/// file of `dist/`, for static hosts that serve precompressed files
/// (nginx's `gzip_static`, for one): the page then costs what the measured
/// gzipped sizes say, without the host compressing on every request.
fn precompress(dir: &std::path::Path) -> Result<(), String> {
    use std::io::Write;
    let t0 = std::time::Instant::now();
    let (mut n, mut raw, mut packed) = (0, 0u64, 0u64);
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {}", d.display(), e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !matches!(ext, "wasm" | "js" | "css" | "html") {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {}", path.display(), e))?;
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            z.write_all(&bytes).map_err(|e| e.to_string())?;
            let gz = z.finish().map_err(|e| e.to_string())?;
            let mut out = path.clone().into_os_string();
            out.push(".gz");
            std::fs::write(&out, &gz).map_err(|e| format!("{:?}: {}", out, e))?;
            n += 1;
            raw += bytes.len() as u64;
            packed += gz.len() as u64;
        }
    }
    eprintln!(
        "==> precompressed {} files of dist/: {} KB -> {} KB gzip -9 ({:.1}s)",
        n,
        raw / 1024,
        packed / 1024,
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Builds and serves the playground on http://127.0.0.1:8080.
/// `cargo xtask serve [--lan]`: builds and serves the playground; `--lan`
/// serves it to the local network too (a workshop room) and prints the
/// address participants use.
fn serve(args: &[String]) -> Result<(), String> {
    let lan = args.iter().any(|a| a == "--lan");
    if let Some(a) = args.iter().find(|a| *a != "--lan") {
        return Err(format!("serve: unknown argument '{a}' (only --lan)"));
    }
    ensure_web_tools()?;
    build_editor()?;
    let mut cmd = Command::new("trunk");
    cmd.current_dir(root())
        .args(["serve", "--release", "--cargo-profile", "wasm"]);
    if lan {
        cmd.args(["--address", "0.0.0.0"]);
        match lan_address() {
            Some(ip) => eprintln!(
                "==> serving the playground to the room: http://{ip}:8080/ \
                 (type it into the presenter view's address field; Ctrl-C stops)"
            ),
            None => eprintln!(
                "==> serving the playground on all interfaces, port 8080 \
                 (no LAN address found; Ctrl-C stops)"
            ),
        }
    } else {
        eprintln!("==> serving the playground on http://127.0.0.1:8080 (Ctrl-C stops)");
    }
    run("trunk serve", &mut cmd)
}

/// This machine's address on its local network: the source address a
/// UDP socket would use towards a public address (connect() sends nothing).
fn lan_address() -> Option<std::net::IpAddr> {
    let s = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect("192.0.2.1:9").ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

/// The benchmark workload in wasm32, timed by Node.
fn bench_wasm() -> Result<(), String> {
    let r = root();
    ensure_toolchain()?;
    run(
        "build bench-wasm for wasm32",
        Command::new("cargo").current_dir(&r).args([
            "build",
            "-p",
            "veristep-bench-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
        ]),
    )?;
    let wasm = r.join("target/wasm32-unknown-unknown/release/veristep_bench_wasm.wasm");
    run(
        "node bench-wasm/run.mjs",
        Command::new("node")
            .current_dir(&r)
            .arg("bench-wasm/run.mjs")
            .arg(wasm),
    )
}

/// The playground's time to verdict in Chromium (tests/browser/bench.mjs):
/// the shell's verdict, the app's, and the bytes before the first, on
/// localhost and on an emulated slow network. Printed, never asserted.
fn bench_browser(args: &[String]) -> Result<(), String> {
    let runs = match args {
        [] => "5".to_string(),
        [n] if n.parse::<u32>().is_ok_and(|n| n > 0) => n.clone(),
        _ => return Err("usage: cargo xtask bench-browser [RUNS]".into()),
    };
    build_web()?;
    ensure_browser_tools()?;
    run(
        "tests/browser/bench.mjs",
        Command::new("node")
            .current_dir(root())
            .args(["tests/browser/bench.mjs", "dist", &runs]),
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("bless") => bless(&args[1..]),
        Some("corpus-table") => corpus_table(),
        Some("bench-wasm") => bench_wasm(),
        Some("bench-browser") => bench_browser(&args[1..]),
        Some("serve") => serve(&args[1..]),
        Some("build-web") => build_web(),
        Some("graph-check") => graph_renders(),
        _ if random::wants(&args) => random::main(&args),
        Some("kernel-diff") => kernel_diff::kernel_diff(),
        Some("kernel-btf") => kernel_diff::kernel_btf(),
        Some("bless-btf") => kernel_diff::bless_btf(),
        Some("bless-c") => kernel_diff::bless_c(),
        Some("fuzz") => fuzz::fuzz(&args[1..]),
        Some("selftests") => selftests::selftests(&args[1..]),
        _ => Err(
            "usage: cargo xtask test | kernel-diff [--random N ...] | minimise FILE.s | fuzz [--seconds N] [--runs N] [parse|verify|elf|logread]... | kernel-btf | bless-btf | bless-c | selftests [--kernel 6.1|6.12|both] | bless [--kernel 6.1|6.12|all] [FILE.s...] | corpus-table | bench-wasm | bench-browser [RUNS] | serve [--lan] | build-web | graph-check"
                .into(),
        ),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {}", e);
            ExitCode::FAILURE
        }
    }
}
