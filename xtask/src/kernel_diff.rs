//! `cargo xtask kernel-diff`: veristep against the real Linux 6.1 verifier.
//!
//! Compiles `tests/c/*.bpf.c` with clang, boots Debian's 6.1 kernel in qemu
//! with an initramfs of our own (busybox, `kernel-diff/loader.c` linked
//! against Debian's libbpf, the objects), loads every program alone with a
//! level-2 verifier log, and compares verdict, message and `processed` with
//! veristep's 6.1 mode on the same objects. Fails on any verdict that
//! differs, except those listed with a reason in `tests/c/KNOWN_DIFFERENCES`.
//! Installs what it needs (apt) and caches the kernel under
//! `~/.cache/veristep/kernel-diff`.
//!
//! `VERISTEP_KERNEL_DIFF=6.12` (a developer's check, not CI's) boots the
//! oracle's Linux 6.12 instead (`../shared/oracle`'s README adds it) and
//! compares with veristep's 6.7 mode; it reports, and fails only when the
//! kernel gives no answers: `KNOWN_DIFFERENCES` speaks of 6.1.

use crate::{apt_install, root, run, tool_version};
use serde_json::{json, Value};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use veristep_core::{elf, verify, KernelVersion, Options, Verdict};

/// Debian's metapackage for bookworm's 6.1 kernel. Debian replaces the
/// versioned package under it (6.1.0-56 was followed by -57) and drops the
/// old one, so the name is resolved when the cache is empty, never pinned.
const KERNEL_META: &str = "linux-image-amd64";
const CLANG: &str = "clang-16";

fn cache_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from("/tmp"))
        .join("veristep/kernel-diff")
}

/// The BTF a mode models (`static/btf`), decoded once.
pub(crate) fn kernel_btf_of(
    k: KernelVersion,
) -> Result<std::sync::Arc<veristep_core::relo_core::KernelBtf>, String> {
    use std::sync::{Arc, OnceLock};
    static K61: OnceLock<Result<Arc<veristep_core::relo_core::KernelBtf>, String>> =
        OnceLock::new();
    static K612: OnceLock<Result<Arc<veristep_core::relo_core::KernelBtf>, String>> =
        OnceLock::new();
    let (cell, file) = match k {
        KernelVersion::V6_7 => (&K612, "static/btf/linux-6.12.btf.gz"),
        _ => (&K61, "static/btf/linux-6.1.btf.gz"),
    };
    cell.get_or_init(|| {
        let path = root().join(file);
        std::fs::read(&path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|gz| veristep_core::relo_core::KernelBtf::from_gzip(&gz))
            .map(Arc::new)
    })
    .clone()
}

fn ensure_tools() -> Result<(), String> {
    let mut missing = Vec::new();
    for (pkg, present) in [
        (
            "qemu-system-x86",
            tool_version("qemu-system-x86_64").is_some(),
        ),
        ("busybox-static", Path::new("/bin/busybox").exists()),
        (
            "libelf-dev",
            Path::new("/usr/lib/x86_64-linux-gnu/libelf.a").exists(),
        ),
        (
            "zlib1g-dev",
            Path::new("/usr/lib/x86_64-linux-gnu/libz.a").exists(),
        ),
        (
            "libzstd-dev",
            Path::new("/usr/lib/x86_64-linux-gnu/libzstd.a").exists(),
        ),
        ("clang-16", tool_version(CLANG).is_some()),
        ("gcc", tool_version("gcc").is_some()),
        // vmlinux.h for the real-world-style programs (rw_*.bpf.c)
        ("bpftool", Path::new("/usr/sbin/bpftool").exists()),
    ] {
        if !present {
            missing.push(pkg);
        }
    }
    apt_install(&missing)?;
    libbpf_dev().map(|_| ())
}

/// veristep models libbpf 1.4's loader (section names of 1.3+, the
/// exception callback it appends), and bookworm's libbpf-dev is 1.1. So
/// bookworm-backports' libbpf-dev is downloaded and unpacked into the cache
/// (`.../libbpf-dev/usr/{include,lib}`): the loader links its `libbpf.a`
/// and tests/c compiles against its headers. Nothing is installed: the
/// system's libbpf-dev stays bookworm's, the one the oracle's loader
/// (`../shared/oracle/setup`) is built with. A cached copy is kept after
/// Debian moves on.
pub(crate) fn libbpf_dev() -> Result<PathBuf, String> {
    let dir = libbpf_dev_dir();
    let ready = |d: &Path| {
        libbpf_minor_version(d).is_some_and(|minor| minor >= 4)
            && d.join(LIBBPF_LIB_DIR).join("libbpf.a").exists()
    };
    if ready(&dir) {
        return Ok(dir);
    }
    let staging = dir.with_file_name("libbpf-dev.download");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    crate::ensure_backports_source()?;
    let mut update = crate::apt_get();
    run("apt-get update", update.args(["update", "-q"]))?;
    let unpacked = staging.join("root");
    let deb = crate::apt_download_unpacked("libbpf-dev/bookworm-backports", &staging, &unpacked)?;
    if !ready(&unpacked) {
        return Err(format!(
            "{}: not libbpf 1.4 or newer with its libbpf.a",
            deb.display()
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&unpacked, &dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let _ = std::fs::remove_dir_all(&staging);
    Ok(dir)
}

/// The cached libbpf-dev's root, beside kernel-diff's cache.
fn libbpf_dev_dir() -> PathBuf {
    cache_dir().with_file_name("libbpf-dev")
}

/// Where libbpf-dev keeps `libbpf.a`, under its root.
const LIBBPF_LIB_DIR: &str = "usr/lib/x86_64-linux-gnu";

/// `-I` for the cached libbpf 1.4's headers (`bpf/bpf_helpers.h`, ...),
/// ahead of the system's; `None` before it has been downloaded.
pub(crate) fn libbpf_include_arg() -> Option<String> {
    let dir = libbpf_dev_dir();
    libbpf_minor_version(&dir).map(|_| format!("-I{}", dir.join("usr/include").display()))
}

/// The minor version of libbpf 1.x's headers under `root`.
fn libbpf_minor_version(root: &Path) -> Option<u32> {
    let text = std::fs::read_to_string(root.join("usr/include/bpf/libbpf_version.h")).ok()?;
    let major = define_value(&text, "LIBBPF_MAJOR_VERSION")?;
    let minor = define_value(&text, "LIBBPF_MINOR_VERSION")?;
    (major == 1)
        .then_some(minor)
        .or((major > 1).then_some(u32::MAX))
}

fn define_value(text: &str, name: &str) -> Option<u32> {
    text.lines().find_map(|l| {
        let mut words = l.split_whitespace();
        (words.next() == Some("#define") && words.next() == Some(name))
            .then(|| words.next()?.parse().ok())
            .flatten()
    })
}

/// The oracle's state directory (`../shared/oracle/setup` fills it).
fn oracle_state() -> PathBuf {
    std::env::var_os("ORACLE_STATE")
        .map(PathBuf::from)
        .or_else(|| {
            cache_dir()
                .parent()?
                .parent()
                .map(|c| c.join("veristep-oracle"))
        })
        .unwrap_or_default()
}

/// The newest `vmlinuz-PREFIX*` image in `dir`.
fn newest_image(dir: &Path, prefix: &str) -> Option<PathBuf> {
    let mut images: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    images.sort();
    images.pop()
}

/// A cached 6.1 kernel image: ours, or the oracle's (`../shared/oracle/setup`).
fn cached_kernel(dir: &Path) -> Option<PathBuf> {
    [dir.to_path_buf(), oracle_state().join("cache/boot")]
        .iter()
        .find_map(|d| newest_image(d, "vmlinuz-6.1."))
}

/// The oracle's Linux 6.12 image (`ORACLE_CACHE=cache-6.12 ./setup`).
fn kernel_612() -> Result<PathBuf, String> {
    let boot = oracle_state().join("cache-6.12/boot");
    newest_image(&boot, "vmlinuz-6.12.").ok_or_else(|| {
        format!(
            "no vmlinuz-6.12.* in {} (set up the oracle's Linux 6.12 first)",
            boot.display()
        )
    })
}

/// The versioned package `linux-image-amd64` depends on today.
fn current_kernel_pkg() -> Result<String, String> {
    let depends = |update: bool| -> Result<Option<String>, String> {
        if update {
            let mut c = Command::new(if crate::is_root() { "apt-get" } else { "sudo" });
            if !crate::is_root() {
                c.arg("apt-get");
            }
            run("apt-get update", c.arg("update").arg("-q"))?;
        }
        let out = Command::new("apt-cache")
            .args(["depends", KERNEL_META])
            .output()
            .map_err(|e| format!("apt-cache: {e}"))?;
        Ok(String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Depends: "))
            .find(|d| d.starts_with("linux-image-6.1."))
            .map(str::to_string))
    };
    match depends(false)? {
        Some(p) => Ok(p),
        None => depends(true)?.ok_or_else(|| {
            format!("apt-cache depends {KERNEL_META}: no linux-image-6.1.* package")
        }),
    }
}

/// Debian's current 6.1 kernel image, downloaded once and cached; a cached
/// image is used even after Debian has moved on to a newer build.
fn kernel() -> Result<PathBuf, String> {
    let dir = cache_dir();
    if let Some(image) = cached_kernel(&dir) {
        return Ok(image);
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let pkg = current_kernel_pkg()?;
    let x = dir.join("pkg");
    let deb = crate::apt_download_unpacked(&pkg, &dir, &x)?;
    let image = dir.join(format!("vmlinuz-{}", &pkg["linux-image-".len()..]));
    let boot = x.join("boot").join(image.file_name().unwrap_or_default());
    std::fs::copy(&boot, &image).map_err(|e| format!("{}: {e}", boot.display()))?;
    let _ = std::fs::remove_dir_all(&x);
    let _ = std::fs::remove_file(&deb);
    Ok(image)
}

/// One newc cpio entry.
fn cpio_entry(out: &mut Vec<u8>, ino: u32, name: &str, mode: u32, data: &[u8]) {
    let header = format!(
        "070701{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}{:08x}",
        ino,
        mode,
        0,
        0,
        1,
        0,
        data.len(),
        0,
        0,
        0,
        0,
        name.len() + 1,
        0
    );
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(name.as_bytes());
    out.push(0);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    out.extend_from_slice(data);
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
}

const INIT: &str = "#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# bpffs where libbpf pins maps (LIBBPF_PIN_BY_NAME), as on any host
mount -t bpf bpf /sys/fs/bpf
# the kernel's build configuration where Debian installs it (libbpf reads
# CONFIG_* externs from it)
mkdir -p /boot && mv /kconfig /boot/config-$(uname -r)
out=/dev/ttyS1
[ -c $out ] || out=/dev/console
stty -F $out raw -echo 2>/dev/null
/loader /objs/*.o >$out 2>/dev/console
sync
poweroff -f
";

/// `OBJ.o.EXT`, beside an object: what its loader sets before the load.
/// A program's type set by its loader (`bpf_program__set_type` and
/// `bpf_program__set_expected_attach_type`, as a loader does for a section
/// libbpf gives no type): an object's `OBJ.o.types` lists `PROG SECTION`,
/// a program and the libbpf section whose type it takes. A `tests/c`
/// source asks for one with a line `// kernel-diff: set-type PROG SECTION`;
/// an object of `VERISTEP_KERNEL_DIFF_OBJS` may come with its own file.
/// Likewise global variables set by the loader (a skeleton's
/// `rodata->NAME = VALUE`): `OBJ.o.globals` lists `NAME VALUE`, asked for
/// with `// kernel-diff: set-global NAME VALUE`. And `OBJ.o.flags`: `PROG
/// FLAGS`, `prog_flags` added with `bpf_program__set_flags()` (`// kernel-diff:
/// set-flags PROG FLAGS`; FLAGS a number or `BPF_F_A|BPF_F_B`).
fn sidecar(obj: &Path, ext: &str) -> PathBuf {
    let mut p = obj.as_os_str().to_owned();
    p.push(format!(".{ext}"));
    PathBuf::from(p)
}

fn write_prog_types(source: &Path, obj: &Path) -> Result<(), String> {
    let src = std::fs::read_to_string(source).map_err(|e| format!("{}: {e}", source.display()))?;
    for (directive, file) in [
        ("// kernel-diff: set-type ", sidecar(obj, "types")),
        ("// kernel-diff: set-global ", sidecar(obj, "globals")),
        ("// kernel-diff: set-flags ", sidecar(obj, "flags")),
    ] {
        let lines: Vec<&str> = src
            .lines()
            .filter_map(|l| l.trim().strip_prefix(directive))
            .collect();
        if lines.is_empty() {
            let _ = std::fs::remove_file(&file);
            continue;
        }
        let mut text = String::new();
        for l in lines {
            let _ = writeln!(text, "{}", l.trim());
        }
        std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// The `OBJ.o.types` and `OBJ.o.globals` of an object as veristep's load
/// options.
fn load_options(obj: &Path) -> Result<elf::LoadOptions, String> {
    // the VM's loader is built against libbpf 1.4
    let mut opts = elf::LoadOptions {
        libbpf: elf::Libbpf::V1_4,
        ..elf::LoadOptions::default()
    };
    if let Ok(text) = std::fs::read_to_string(sidecar(obj, "globals")) {
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            // the value is the rest of the line (text may hold spaces)
            let Some((name, v)) = l.trim().split_once(char::is_whitespace) else {
                return Err(format!("{}: '{l}' is not NAME VALUE", obj.display()));
            };
            opts.globals.push((name.to_string(), v.trim().to_string()));
        }
    }
    if let Ok(text) = std::fs::read_to_string(sidecar(obj, "flags")) {
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut w = l.split_whitespace();
            let (Some(prog), Some(flags)) = (w.next(), w.next()) else {
                return Err(format!("{}: '{l}' is not PROG FLAGS", obj.display()));
            };
            let bits = veristep_core::ProgFlags::parse(flags)
                .map_err(|e| format!("{}: {e}", obj.display()))?;
            opts.prog_flags.push((prog.to_string(), bits));
        }
    }
    let Ok(text) = std::fs::read_to_string(sidecar(obj, "types")) else {
        return Ok(opts);
    };
    for l in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut w = l.split_whitespace();
        let (Some(prog), Some(section)) = (w.next(), w.next()) else {
            return Err(format!("{}: '{l}' is not PROG SECTION", obj.display()));
        };
        let (pt, attach) = elf::section_prog_type(section, elf::Libbpf::V1_4).ok_or_else(|| {
            format!(
                "{}: section '{section}' gives no program type veristep models",
                obj.display()
            )
        })?;
        opts.prog_types.push((prog.to_string(), pt, attach));
    }
    Ok(opts)
}

fn initramfs(
    loader: &Path,
    objs: &[PathBuf],
    config: &str,
    log_level: u32,
    resume: Option<(usize, usize)>,
) -> Result<Vec<u8>, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut out = Vec::new();
    let mut ino = 1;
    for d in ["bin", "dev", "proc", "sys", "objs"] {
        cpio_entry(&mut out, ino, d, 0o040755, &[]);
        ino += 1;
    }
    cpio_entry(&mut out, ino, "init", 0o100755, INIT.as_bytes());
    ino += 1;
    cpio_entry(
        &mut out,
        ino,
        "bin/busybox",
        0o100755,
        &read(Path::new("/bin/busybox"))?,
    );
    ino += 1;
    cpio_entry(&mut out, ino, "loader", 0o100755, &read(loader)?);
    ino += 1;
    cpio_entry(&mut out, ino, "kconfig", 0o100644, config.as_bytes());
    if log_level != 1 {
        ino += 1;
        cpio_entry(
            &mut out,
            ino,
            "loglevel",
            0o100644,
            log_level.to_string().as_bytes(),
        );
    }
    if let Some((o, p)) = resume {
        ino += 1;
        cpio_entry(
            &mut out,
            ino,
            "resume",
            0o100644,
            format!("{o} {p}").as_bytes(),
        );
    }
    ino += 1;
    for (i, o) in objs.iter().enumerate() {
        cpio_entry(
            &mut out,
            ino,
            &format!("objs/{i:04}.o"),
            0o100644,
            &read(o)?,
        );
        ino += 1;
        // the loader reads OBJ.types, OBJ.globals and OBJ.flags next to
        // its object
        for ext in ["types", "globals", "flags"] {
            if let Ok(bytes) = std::fs::read(sidecar(o, ext)) {
                cpio_entry(
                    &mut out,
                    ino,
                    &format!("objs/{i:04}.o.{ext}"),
                    0o100644,
                    &bytes,
                );
                ino += 1;
            }
        }
    }
    cpio_entry(&mut out, ino, "TRAILER!!!", 0, &[]);
    Ok(out)
}

/// Where a boot's loader output (`VSK-START N I` before each program's
/// record) stopped, and how many records it holds.
#[derive(Debug, PartialEq)]
enum Resume {
    /// in object N's program I, which has no record
    At(usize, usize),
    /// after object N's program I, whose record is there
    After(usize, usize),
}

fn where_stopped(out: &str) -> Option<(Resume, usize)> {
    let mut last = None;
    let mut records = 0;
    for line in out.lines() {
        if let Some(rest) = line.strip_prefix("VSK-START ") {
            let mut it = rest.split_whitespace().map(|n| n.parse::<usize>().ok());
            if let (Some(Some(o)), Some(Some(p))) = (it.next(), it.next()) {
                last = Some(Resume::At(o, p));
            }
        } else if line.starts_with("VSK ") {
            records += 1;
            if let Some(Resume::At(o, p)) = last {
                last = Some(Resume::After(o, p));
            }
        }
    }
    last.map(|l| (l, records))
}

/// The loader escapes every byte of the log past ASCII as `\u00XX`: the
/// log's own bytes again, read as UTF-8 (source lines in any language).
fn log_bytes(s: &str) -> String {
    if s.chars().all(|c| (c as u32) < 0x100) {
        let bytes: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        s.to_string()
    }
}

/// The kernel's message: the last log line before the statistics.
fn message(log: &str) -> Option<String> {
    log.lines()
        .rev()
        .find(|l| {
            !l.is_empty()
                && !l.starts_with("processed ")
                && !l.starts_with("verification time")
                && !l.starts_with("stack depth")
                // 6.12 dumps the two states after `infinite loop detected`
                && !l.starts_with("cur state:")
                && !l.starts_with("old state:")
        })
        .map(str::to_string)
}

/// A log without what differs between runs: map addresses, timing.
fn masked(log: &str) -> String {
    log.lines()
        .filter(|l| !l.starts_with("verification time"))
        .map(|l| {
            let mut out = String::new();
            let mut rest = l;
            // kernel addresses, and an arena's user address (mmap's: 12
            // hex digits from 0x7, such as 0x7f4e12ab3000 or 0x7efcb90da000)
            let user_addr = |s: &str| {
                s.match_indices("0x7").map(|(i, _)| i).find(|&i| {
                    s[i + 2..]
                        .chars()
                        .take_while(|c| c.is_ascii_hexdigit())
                        .count()
                        == 12
                })
            };
            while let Some(i) = rest.find("0xffff").or_else(|| user_addr(rest)) {
                out.push_str(&rest[..i]);
                out.push_str("ADDR");
                rest = rest[i..].trim_start_matches(|c: char| c == 'x' || c.is_ascii_hexdigit());
            }
            out.push_str(rest);
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn processed(log: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.strip_prefix("processed "))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

struct Row {
    /// The level-1 logs are identical (map addresses and timing masked).
    same_log: bool,
    /// Which object (of kernel-diff's list) the program is in.
    object: usize,
    /// The kernel's log, masked (`masked`, `obj_masked`).
    kernel_log: String,
    program: String,
    kernel: String,
    kernel_msg: Option<String>,
    kernel_processed: Option<u64>,
    /// The statistics' `stack depth` line (log level 4), e.g. `24+8`.
    kernel_stack_depth: Option<String>,
    ours: String,
    ours_msg: Option<String>,
    ours_processed: u64,
}

/// veristep's side of one program of an object, as kernel-diff's loader
/// would see it.
struct Ours {
    verdict: String,
    msg: Option<String>,
    processed: u64,
    log: String,
}

fn ours_of(
    object: &Result<elf::ObjectFile, elf::ElfError>,
    prog: &str,
    v612: bool,
    log_level: u32,
    kernel_btf: &std::sync::Arc<veristep_core::relo_core::KernelBtf>,
) -> Ours {
    let mut log = String::new();
    let (verdict, msg, processed) = match object {
        Ok(o) => match o
            .programs
            .iter()
            .find(|p| p.name == prog)
            .map(|p| p.program.relocated(&p.name, kernel_btf))
        {
            // libbpf's first line, as the kernel's side is read
            Some(Err(e)) => (
                "error".to_string(),
                e.0.lines().next().map(str::to_string),
                0,
            ),
            Some(Ok(program)) => {
                // the loader's log buffer (loader.c's LOG_SIZE): a log
                // that outgrew it fails the load with ENOSPC, also one
                // 6.12's rotating log shows whole; one that fills it
                // (6.1 keeps the beginning) is asked again at level 4
                // (BPF_LOG_STATS): the message and the statistics only
                const LOADER_LOG_SIZE: u32 = 16 << 20;
                let run = |log_level| {
                    verify(
                        &program,
                        &Options {
                            kernel: if v612 {
                                KernelVersion::V6_7
                            } else {
                                KernelVersion::V6_1
                            },
                            log_level,
                            trace: false,
                            log_size: Some(LOADER_LOG_SIZE),
                        },
                    )
                };
                let mut v = run(log_level);
                let enospc = v.error.as_ref().is_some_and(|e| e.errno == 28);
                if enospc && v.log.len() + 2 >= LOADER_LOG_SIZE as usize && log_level != 4 {
                    v = run(veristep_core::BPF_LOG_STATS);
                }
                log = v.log.clone();
                // refused by bpf_prog_load() before the verifier ran
                // (an empty log): the loader sees only libbpf's line
                if v.verdict != Verdict::Accepted && v.log.is_empty() {
                    let errno = v.error.as_ref().map_or(0, |e| e.errno);
                    let what = if errno == 22 {
                        "Invalid argument".to_string()
                    } else {
                        format!("errno {errno}")
                    };
                    (
                        "error".to_string(),
                        Some(format!("prog '{prog}': BPF program load failed: {what}")),
                        0,
                    )
                } else {
                    (
                        if v.verdict == Verdict::Accepted {
                            "accepted"
                        } else {
                            "rejected"
                        }
                        .to_string(),
                        // read from the log as the kernel's side is (a
                        // refusal without a message ends at its insn line)
                        v.as_logged()
                            .map(|l| l.0)
                            .or_else(|| v.message().map(str::to_string)),
                        v.stats.processed,
                    )
                }
            }
            // a program veristep refused on its own
            None => (
                "error".to_string(),
                Some(
                    o.refused
                        .iter()
                        .find(|(n, _)| *n == prog)
                        .map_or("no such program".to_string(), |(_, why)| why.clone()),
                ),
                0,
            ),
        },
        Err(e) => ("error".to_string(), Some(e.0.clone()), 0),
    };
    Ours {
        verdict,
        msg,
        processed,
        log,
    }
}

/// Locks `dir` for one kernel-diff run. Two runs at once (a 6.1 and a
/// 6.12 measurement, say) write the same initramfs and the same output
/// file of the VM's loader, and would read each other's records.
fn lock_work_dir(dir: &Path) -> Result<std::fs::File, String> {
    let path = dir.join("lock");
    let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(format!(
            "another kernel-diff is running in {} (it holds {}); runs share the VM's files, so wait for it to end",
            dir.display(),
            path.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(format!("{}: {e}", path.display())),
    }
}

fn collect_s(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect_s(&p, out);
            } else if p.extension().is_some_and(|x| x == "s") {
                out.push(p);
            }
        }
    }
}

pub fn kernel_diff() -> Result<(), String> {
    let r = root();
    ensure_tools()?;
    let v612 = std::env::var("VERISTEP_KERNEL_DIFF").is_ok_and(|v| v == "6.12");
    // a developer's level-2 logs (both sides), for a disagreement's cause
    let log_level: u32 = std::env::var("VERISTEP_KERNEL_DIFF_LOG_LEVEL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let image = if v612 { kernel_612()? } else { kernel()? };
    let work = r.join("target/kernel-diff");
    let objdir = work.join("obj");
    std::fs::create_dir_all(&objdir).map_err(|e| e.to_string())?;
    // held until the comparison ends: two runs would share the VM's files
    let _lock = lock_work_dir(&work)?;
    // the loader
    let loader = work.join("loader");
    let src = r.join("xtask/kernel-diff/loader.c");
    let fresh = |out: &Path, input: &Path| -> bool {
        match (
            std::fs::metadata(out).and_then(|m| m.modified()),
            std::fs::metadata(input).and_then(|m| m.modified()),
        ) {
            (Ok(o), Ok(i)) => o >= i,
            _ => false,
        }
    };
    let libbpf = libbpf_dev()?;
    if !fresh(&loader, &src) || !fresh(&loader, &libbpf.join(LIBBPF_LIB_DIR).join("libbpf.a")) {
        run(
            "build the loader (libbpf 1.4, static)",
            Command::new("gcc")
                .args(["-O2", "-Wall", "-static", "-o"])
                .arg(&loader)
                .arg(format!("-I{}", libbpf.join("usr/include").display()))
                .arg(&src)
                .arg(format!("-L{}", libbpf.join(LIBBPF_LIB_DIR).display()))
                // libelf.a of elfutils 0.192 (bookworm-backports', on
                // machines that have it) compresses with zstd
                .args(["-lbpf", "-lelf", "-lz", "-lzstd"]),
        )?;
    }
    let libbpf_include = format!("-I{}", libbpf.join("usr/include").display());
    // vmlinux.h of the 6.1 kernel's BTF (as real programs are built),
    // made by bpftool from static/btf
    let include = work.join("include");
    vmlinux_h(&r.join("static/btf/linux-6.1.btf.gz"), &include)?;
    // a developer's measurement: `VERISTEP_KERNEL_DIFF_TEXTS=DIR` runs the
    // text programs of DIR only (e.g. converted kernel selftests), not the
    // corpus and tests/c
    let texts_dir = std::env::var_os("VERISTEP_KERNEL_DIFF_TEXTS").map(PathBuf::from);
    // the C corpus
    let mut sources: Vec<PathBuf> = if texts_dir.is_some() {
        Vec::new()
    } else {
        std::fs::read_dir(r.join("tests/c"))
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.to_string_lossy().ends_with(".bpf.c"))
            .collect()
    };
    sources.sort();
    let mut objs = Vec::new();
    eprintln!(
        "==> clang -target bpf -O2 -g: {} programs of tests/c",
        sources.len()
    );
    for s in &sources {
        let name = s
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x.bpf.c")
            .trim_end_matches(".bpf.c")
            .to_string();
        let o = objdir.join(format!("{name}.o"));
        if !fresh(&o, s) {
            let st = Command::new(CLANG)
                .args(["-target", "bpf", "-O2", "-g"])
                .arg(&libbpf_include)
                .args(["-I/usr/include/x86_64-linux-gnu", "-c"])
                .arg(format!("-I{}", include.display()))
                .arg(s)
                .arg("-o")
                .arg(&o)
                .status()
                .map_err(|e| format!("{CLANG}: {e}"))?;
            if !st.success() {
                return Err(format!("{} does not compile", s.display()));
            }
        }
        write_prog_types(s, &o)?;
        objs.push(o);
    }
    // the .s corpus, through C (asm2c) and clang
    let sdir = work.join(if texts_dir.is_some() { "s-texts" } else { "s" });
    std::fs::create_dir_all(&sdir).map_err(|e| e.to_string())?;
    let mut texts: Vec<PathBuf> = Vec::new();
    let corpus = texts_dir.clone().unwrap_or_else(|| r.join("tests/corpus"));
    collect_s(&corpus, &mut texts);
    texts.sort();
    let mut skipped = Vec::new();
    eprintln!(
        "==> asm2c + clang: {} programs of tests/corpus",
        texts.len()
    );
    for t in &texts {
        let rel = t
            .strip_prefix(&corpus)
            .unwrap_or(t)
            .to_string_lossy()
            .trim_end_matches(".s")
            .replace('/', "__");
        let o = sdir.join(format!("{rel}.o"));
        // The cache is keyed by the converted C, not by times: a converter
        // change reaches every program converted before it.
        let src = std::fs::read_to_string(t).map_err(|e| e.to_string())?;
        let c = match veristep_core::asm::parse(&src)
            .map_err(|_| "does not parse".to_string())
            .and_then(|p| crate::asm2c::to_c(&p))
        {
            Ok(c) => c,
            Err(e) => {
                skipped.push(format!("{rel}: {e}"));
                continue;
            }
        };
        let cfile = sdir.join(format!("{rel}.c"));
        let same_c = std::fs::read_to_string(&cfile).is_ok_and(|old| old == c);
        if !same_c || !fresh(&o, &cfile) {
            std::fs::write(&cfile, c).map_err(|e| e.to_string())?;
            let out = Command::new(CLANG)
                .args(["-target", "bpf", "-O2", "-g"])
                .arg(&libbpf_include)
                .args(["-I/usr/include/x86_64-linux-gnu", "-c"])
                .arg(&cfile)
                .arg("-o")
                .arg(&o)
                .output()
                .map_err(|e| format!("{CLANG}: {e}"))?;
            if !out.status.success() {
                let err = String::from_utf8_lossy(&out.stderr);
                let first = err
                    .lines()
                    .find(|l| l.contains("error"))
                    .unwrap_or("clang failed");
                skipped.push(format!("{rel}: {first}"));
                let _ = std::fs::remove_file(&o);
                continue;
            }
        }
        // what the loader sets (`.prog_flags`), beside the object
        write_prog_types(&sdir.join(format!("{rel}.c")), &o)?;
        objs.push(o);
    }
    for s in &skipped {
        eprintln!("    skipped {s}");
    }
    // a developer's measurement: `VERISTEP_KERNEL_DIFF_OBJS=DIR` loads the
    // compiled objects of DIR instead (e.g. a kernel's selftests)
    if let Some(dir) = std::env::var_os("VERISTEP_KERNEL_DIFF_OBJS") {
        objs = std::fs::read_dir(&dir)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "o"))
            .collect();
        objs.sort();
        if objs.is_empty() {
            return Err(format!(
                "VERISTEP_KERNEL_DIFF_OBJS={}: no objects (files named *.o) there",
                std::path::Path::new(&dir).display()
            ));
        }
    }
    // a loader setting veristep cannot read is said before the VM's minutes
    for o in &objs {
        load_options(o)?;
    }
    // boot
    let initrd = work.join("initrd.cpio");
    // the configuration veristep models for this kernel, from static/btf
    let btf_file = r.join(format!(
        "static/btf/linux-{}.btf.gz",
        if v612 { "6.12" } else { "6.1" }
    ));
    let config = std::fs::read(&btf_file)
        .map_err(|e| format!("{}: {e}", btf_file.display()))
        .and_then(|gz| veristep_core::relo_core::KernelBtf::from_gzip(&gz))?
        .config
        .map(|c| c.text())
        .unwrap_or_default();
    let console = work.join("console.txt");
    let out = work.join("out.txt");
    // tcg by default: kvm, where /dev/kvm exists, can hang under nested
    // virtualisation (seen here); VERISTEP_KVM=1 asks for it.
    let kvm = std::env::var_os("VERISTEP_KVM").is_some_and(|v| v == "1");
    // each boot has a time budget; a batch that outruns it (a large set of
    // real programs under 6.12's TCG) goes on in a new boot from the
    // program the VM was in, and a program that alone outruns a whole boot
    // is reported as unanswered instead of stopping the measurement
    let budget: u64 = std::env::var("VERISTEP_KERNEL_DIFF_BOOT_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(900);
    let mut text = String::new();
    let mut resume: Option<(usize, usize)> = None;
    let mut unanswered: Vec<(usize, usize)> = Vec::new();
    for boot in 1.. {
        std::fs::write(
            &initrd,
            initramfs(&loader, &objs, &config, log_level, resume)?,
        )
        .map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&out);
        let t = std::time::Instant::now();
        eprintln!(
            "==> boot {} in qemu ({}, {budget} s budget){}",
            image.display(),
            if kvm { "kvm" } else { "tcg" },
            match resume {
                Some((o, p)) => format!(", boot {boot} from object {o} program {p}"),
                None => String::new(),
            }
        );
        // real tools size maps for real machines (netobserv's 2^24-entry
        // flow table): in 1 GB their creation, and the next objects' while
        // those are freed, failed with ENOMEM; TCG takes guest memory from
        // the host only as it is used
        let status = vm(budget, kvm, "4G", &image, &initrd)
            .arg("-serial")
            .arg(format!("file:{}", console.display()))
            .arg("-serial")
            .arg(format!("file:{}", out.display()))
            .status()
            .map_err(|e| format!("qemu-system-x86_64: cannot start: {e}"))?;
        eprintln!(
            "    {} in {:.1}s",
            if status.success() { "ok" } else { "stopped" },
            t.elapsed().as_secs_f64()
        );
        let mut got =
            String::from_utf8_lossy(&std::fs::read(&out).unwrap_or_default()).into_owned();
        if got.contains("VSK-END") {
            text.push_str(&got);
            break;
        }
        // a record the stop cut short is not one
        if !got.ends_with('\n') {
            got.truncate(got.rfind('\n').map_or(0, |i| i + 1));
        }
        let (next, answered) = where_stopped(&got).ok_or_else(|| {
            format!(
                "the VM stopped before the loader began ({status}); see {}",
                console.display()
            )
        })?;
        text.push_str(&got);
        resume = Some(match next {
            Resume::After(o, p) => (o, p + 1),
            // the program the VM was in gets a boot of its own, and is
            // given up when that is not enough
            Resume::At(o, p) if answered > 0 => (o, p),
            Resume::At(o, p) => {
                eprintln!("    object {o} program {p} has no answer within {budget} s");
                unanswered.push((o, p));
                (o, p + 1)
            }
        });
    }
    // compare
    let known = std::fs::read_to_string(r.join("tests/c/KNOWN_DIFFERENCES")).unwrap_or_default();
    let known: Vec<&str> = known
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    // the modelled kernel's BTF, for CO-RE relocations (as the CLI embeds it)
    let kernel_btf = kernel_btf_of(if v612 {
        KernelVersion::V6_7
    } else {
        KernelVersion::V6_1
    })?;
    let mut rows = Vec::new();
    // an object is read once for all its programs (tracee's 15 MB object
    // has 169)
    let mut loaded: Option<(usize, Result<elf::ObjectFile, elf::ElfError>)> = None;
    for line in text.lines().filter_map(|l| l.strip_prefix("VSK ")) {
        let rec: Value = serde_json::from_str(line).map_err(|e| format!("a record: {e}"))?;
        let i = rec["object"].as_u64().unwrap_or(0) as usize;
        let obj = objs.get(i).ok_or("a record names no object")?;
        let file = obj.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let prog = rec["program"].as_str().unwrap_or("").to_string();
        let log = &log_bytes(rec["log"].as_str().unwrap_or(""));
        let mut kernel = rec["verdict"].as_str().unwrap_or("?").to_string();
        // the loader's own artefact: a prog array the object fills with
        // its programs (`.values = { [0] = &prog }`) cannot be filled when
        // the loader loads one program alone, and libbpf then fails the
        // load after the kernel verified it (its log has no message)
        let slot_artefact = rec["libbpf"]
            .as_str()
            .is_some_and(|l| l.contains("failed to initialize slot"));
        if kernel == "rejected" && slot_artefact && message(log).is_none() && !log.is_empty() {
            kernel = "accepted".to_string();
        }
        if loaded.as_ref().is_none_or(|(j, _)| *j != i) {
            let bytes = std::fs::read(obj).map_err(|e| e.to_string())?;
            let opts = load_options(obj)?;
            // named as the VM's loader opens it (`objs/NNNN.o`): libbpf
            // names global data maps after the object's file, and 6.12's
            // log prints them
            loaded = Some((i, elf::load_each_with(&bytes, &format!("{i:04}.o"), &opts)));
        }
        let Some((_, object)) = loaded.as_ref() else {
            continue;
        };
        let Ours {
            verdict: ours,
            msg: ours_msg,
            processed: ours_processed,
            log: ours_log,
        } = ours_of(object, &prog, v612, log_level, &kernel_btf);
        rows.push(Row {
            same_log: masked(log) == masked(&ours_log),
            object: i,
            kernel_log: obj_masked(&masked(log), i),
            program: format!("{file}:{prog}"),
            kernel_msg: if kernel == "accepted" {
                None
            } else if kernel == "error" {
                // libbpf failed before the verifier: its first line says why
                rec["libbpf"]
                    .as_str()
                    .and_then(|l| l.lines().next())
                    .map(|l| l.trim_start_matches("libbpf: ").to_string())
            } else {
                message(log)
            },
            kernel_processed: processed(log),
            kernel_stack_depth: log
                .lines()
                .find_map(|l| l.strip_prefix("stack depth "))
                .map(str::to_string),
            kernel,
            ours,
            ours_msg,
            ours_processed,
        });
    }
    // the C corpus's programs are the first objects; a developer's own
    // objects or texts are not it
    let c_objects = if std::env::var_os("VERISTEP_KERNEL_DIFF_OBJS").is_some() {
        0
    } else {
        sources.len()
    };
    // `cargo xtask bless-c`: Linux 6.12's answers about tests/c, kept for
    // the runs that boot 6.1 only
    if v612 && std::env::var_os("VERISTEP_KERNEL_DIFF_BLESS_C").is_some() {
        if c_objects == 0 || log_level != 1 {
            return Err("bless-c: needs tests/c at log level 1".into());
        }
        write_c_records(&rows, &objs[..c_objects])?;
    }
    // the other way round: a 6.1 run holds veristep's 6.12 mode to them
    let recorded_612 = if !v612 && c_objects > 0 && log_level == 1 {
        Some(check_c_records(&objs[..c_objects]))
    } else {
        None
    };
    // `VERISTEP_KERNEL_DIFF_RECORDS=FILE`: the kernel's answers, one JSON
    // line per program, for `bless-btf`
    if let Some(f) = std::env::var_os("VERISTEP_KERNEL_DIFF_RECORDS") {
        let k = if v612 { "6.12" } else { "6.1" };
        let mut out = String::new();
        for row in &rows {
            let name = row.program.split(':').next().unwrap_or("");
            out.push_str(&format!(
                "{}\n",
                json!({
                    "program": name,
                    "kernel": k,
                    "verdict": row.kernel,
                    "message": row.kernel_msg,
                    "processed": row.kernel_processed,
                    "stack_depth": row.kernel_stack_depth,
                })
            ));
        }
        std::fs::write(&f, out).map_err(|e| format!("{}: {e}", Path::new(&f).display()))?;
    }
    // the table
    println!(
        "{:<44} {:<9} {:<9} {:>9} {:>9}  message",
        "program", "kernel", "veristep", "k.insns", "v.insns"
    );
    let (mut same_verdict, mut same_msg, mut unexplained) = (0, 0, Vec::new());
    for row in &rows {
        let verdict_ok = row.kernel == row.ours;
        let msg_ok = row.kernel_msg == row.ours_msg;
        same_verdict += verdict_ok as usize;
        same_msg += (verdict_ok && msg_ok) as usize;
        if !verdict_ok && !known.contains(&row.program.as_str()) {
            unexplained.push(row.program.clone());
        }
        println!(
            "{:<44} {:<9} {:<9} {:>9} {:>9}  {}{}",
            row.program,
            row.kernel,
            row.ours,
            row.kernel_processed
                .map(|n| n.to_string())
                .unwrap_or_default(),
            row.ours_processed,
            match (msg_ok, row.same_log) {
                (true, true) => "same",
                (true, false) => "same (log differs)",
                _ => "DIFFERS",
            },
            if msg_ok {
                String::new()
            } else {
                format!(
                    ": kernel {:?} / veristep {:?}",
                    row.kernel_msg.as_deref().unwrap_or("-"),
                    row.ours_msg.as_deref().unwrap_or("-")
                )
            }
        );
    }
    let n = rows.len().max(1);
    let same_logs = rows.iter().filter(|r| r.same_log).count();
    println!(
        "{} programs: verdict agreement {}/{} ({:.0} %), first message identical {}/{} ({:.0} %), level-1 log identical {}/{}",
        rows.len(),
        same_verdict,
        rows.len(),
        100.0 * same_verdict as f64 / n as f64,
        same_msg,
        rows.len(),
        100.0 * same_msg as f64 / n as f64,
        same_logs,
        rows.len()
    );
    if !unanswered.is_empty() {
        println!(
            "{} programs had no answer within a whole boot ({budget} s, VERISTEP_KERNEL_DIFF_BOOT_SECS):",
            unanswered.len()
        );
        for (o, p) in &unanswered {
            let file = objs.get(*o).map_or("?".into(), |f| f.display().to_string());
            println!("    {file}: program #{p}");
        }
    }
    if rows.is_empty() {
        return Err("the kernel produced no records".into());
    }
    if !unexplained.is_empty() && !v612 {
        return Err(format!(
            "verdicts differ from Linux 6.1 for {} (not in tests/c/KNOWN_DIFFERENCES)",
            unexplained.join(", ")
        ));
    }
    recorded_612.unwrap_or(Ok(()))
}

/// Where `cargo xtask bless-c` keeps Linux 6.12's answers about the
/// programs of tests/c: kernel-diff, which boots 6.1 in CI, holds
/// veristep's 6.12 mode to them without a 6.12 kernel.
const C_RECORDS_612: &str = "tests/c/linux-6.12.jsonl";

/// A log's mentions of the object kernel-diff's loader opened as
/// `NNNN.o` (libbpf names global data maps after it, `0042.bss`, and
/// 6.12 prints them): an object's place in the list is not its property.
fn obj_masked(log: &str, object: usize) -> String {
    log.replace(&format!("{object:04}."), "OBJ.")
}

fn c_record_key(obj: &Path, prog: &str) -> String {
    let file = obj.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
    format!("{file}:{prog}")
}

fn write_c_records(rows: &[Row], c_objs: &[PathBuf]) -> Result<(), String> {
    let mut lines: Vec<String> = rows
        .iter()
        .filter(|r| r.object < c_objs.len())
        .map(|r| {
            json!({
                "program": r.program,
                "verdict": r.kernel,
                "message": r.kernel_msg,
                "processed": r.kernel_processed,
                "log": r.kernel_log,
            })
            .to_string()
        })
        .collect();
    lines.sort();
    let out = root().join(C_RECORDS_612);
    std::fs::write(&out, lines.join("\n") + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "==> {} records of Linux 6.12 in {}",
        lines.len(),
        out.display()
    );
    Ok(())
}

/// veristep's 6.12 mode against the recorded answers of Linux 6.12
/// (`C_RECORDS_612`) for every program of tests/c: verdicts, first
/// messages and `processed` must agree (or the program be listed in
/// KNOWN_DIFFERENCES as `6.12 FILE:PROGRAM reason`); logs are counted.
fn check_c_records(c_objs: &[PathBuf]) -> Result<(), String> {
    let path = root().join(C_RECORDS_612);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "{}: {e} (Linux 6.12's answers: `cargo xtask bless-c`)",
            path.display()
        )
    })?;
    let mut want: std::collections::BTreeMap<String, Value> = std::collections::BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let v: Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let key = v["program"].as_str().unwrap_or("").to_string();
        want.insert(key, v);
    }
    let known =
        std::fs::read_to_string(root().join("tests/c/KNOWN_DIFFERENCES")).unwrap_or_default();
    let known: Vec<String> = known
        .lines()
        .filter_map(|l| l.strip_prefix("6.12 "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    let kernel_btf = kernel_btf_of(KernelVersion::V6_7)?;
    let (mut n, mut same_verdict, mut same_msg, mut same_count, mut same_log) = (0, 0, 0, 0, 0);
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, obj) in c_objs.iter().enumerate() {
        let bytes = std::fs::read(obj).map_err(|e| e.to_string())?;
        let opts = load_options(obj)?;
        let object = elf::load_each_with(&bytes, &format!("{i:04}.o"), &opts);
        let mut progs: Vec<String> = match &object {
            Ok(o) => o
                .programs
                .iter()
                .map(|p| p.name.clone())
                .chain(o.refused.iter().map(|(p, _)| p.to_string()))
                .collect(),
            Err(_) => Vec::new(),
        };
        // an object veristep cannot read: the programs the kernel was asked about
        let stem = c_record_key(obj, "");
        progs.extend(
            want.keys()
                .filter_map(|k| k.strip_prefix(&stem))
                .map(str::to_string),
        );
        progs.sort();
        progs.dedup();
        for prog in progs {
            let key = c_record_key(obj, &prog);
            let Some(w) = want.get(&key) else {
                problems.push(format!("{key}: no record (cargo xtask bless-c)"));
                continue;
            };
            seen.insert(key.clone());
            n += 1;
            let ours = ours_of(&object, &prog, true, 1, &kernel_btf);
            let verdict_ok = w["verdict"].as_str() == Some(ours.verdict.as_str());
            let msg_ok = w["message"].as_str() == ours.msg.as_deref();
            let count_ok = w["processed"].as_u64().is_none_or(|k| k == ours.processed);
            let log_ok = w["log"].as_str() == Some(obj_masked(&masked(&ours.log), i).as_str());
            same_verdict += verdict_ok as usize;
            same_msg += (verdict_ok && msg_ok) as usize;
            same_count += (verdict_ok && count_ok) as usize;
            same_log += log_ok as usize;
            let agrees = verdict_ok && msg_ok && count_ok;
            if !agrees && !known.contains(&key) {
                problems.push(format!(
                    "{key}: Linux 6.12 {} {:?} ({}), veristep {} {:?} ({})",
                    w["verdict"].as_str().unwrap_or("?"),
                    w["message"].as_str().unwrap_or("-"),
                    w["processed"],
                    ours.verdict,
                    ours.msg.as_deref().unwrap_or("-"),
                    ours.processed
                ));
            }
        }
    }
    for k in want.keys().filter(|k| !seen.contains(*k)) {
        problems.push(format!(
            "{k}: recorded, but tests/c has no such program (cargo xtask bless-c)"
        ));
    }
    println!(
        "Linux 6.12 as recorded ({C_RECORDS_612}), {n} programs of tests/c: verdicts {same_verdict}/{n}, first messages {same_msg}/{n}, counters {same_count}/{n}, level-1 logs {same_log}/{n}"
    );
    for p in &problems {
        println!("    {p}");
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} programs of tests/c part from Linux 6.12's recorded answers",
            problems.len()
        ))
    }
}

/// kernel-diff over the text programs of `dir` only, on Linux 6.12 or 6.1,
/// its kernel answers written to `records` when given (one JSON line per
/// program). Its table goes to stdout; an error means disagreements.
pub fn over_texts(dir: &Path, v612: bool, records: Option<&Path>) -> Result<(), String> {
    std::env::set_var("VERISTEP_KERNEL_DIFF_TEXTS", dir);
    match records {
        Some(f) => std::env::set_var("VERISTEP_KERNEL_DIFF_RECORDS", f),
        None => std::env::remove_var("VERISTEP_KERNEL_DIFF_RECORDS"),
    }
    if v612 {
        std::env::set_var("VERISTEP_KERNEL_DIFF", "6.12");
    } else {
        std::env::remove_var("VERISTEP_KERNEL_DIFF");
    }
    kernel_diff()
}

/// `cargo xtask bless-btf`: the kernels' answers about the text programs
/// of `tests/btf` (programs typed by the kernel's BTF, which the oracle's
/// kernel-verdict cannot load), from kernel-diff's VM on Linux 6.1 and
/// 6.12, into `tests/btf/records.jsonl`.
pub fn bless_btf() -> Result<(), String> {
    let dir = root().join("tests/btf");
    let mut lines: Vec<String> = Vec::new();
    for k in ["6.1", "6.12"] {
        let tmp = root().join(format!("target/kernel-diff/btf-{k}.jsonl"));
        let stats = root().join(format!("target/kernel-diff/btf-{k}-stats.jsonl"));
        let _ = std::fs::remove_file(&tmp);
        let _ = std::fs::remove_file(&stats);
        // disagreements are shown, and are what the test then reports
        if let Err(e) = over_texts(&dir, k == "6.12", Some(&tmp)) {
            eprintln!("    Linux {k}: {e}");
        }
        // again with the statistics only (log level 4), for `stack depth`
        std::env::set_var("VERISTEP_KERNEL_DIFF_LOG_LEVEL", "4");
        let again = over_texts(&dir, k == "6.12", Some(&stats));
        std::env::remove_var("VERISTEP_KERNEL_DIFF_LOG_LEVEL");
        if let Err(e) = again {
            eprintln!("    Linux {k}, log level 4: {e}");
        }
        let depths: std::collections::HashMap<String, serde_json::Value> =
            std::fs::read_to_string(&stats)
                .unwrap_or_default()
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|v| {
                    Some((v["program"].as_str()?.to_string(), v["stack_depth"].clone()))
                })
                .collect();
        let got = std::fs::read_to_string(&tmp)
            .map_err(|e| format!("Linux {k} gave no records ({}): {e}", tmp.display()))?;
        for l in got.lines() {
            let mut v: serde_json::Value =
                serde_json::from_str(l).map_err(|e| format!("{}: {e}", tmp.display()))?;
            let name = v["program"].as_str().unwrap_or("").to_string();
            v["stack_depth"] = depths
                .get(&name)
                .cloned()
                .unwrap_or(serde_json::Value::Null);
            lines.push(v.to_string());
        }
    }
    lines.sort();
    let out = dir.join("records.jsonl");
    std::fs::write(&out, lines.join("\n") + "\n").map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("==> {} records in {}", lines.len(), out.display());
    Ok(())
}

/// `cargo xtask bless-c`: Linux 6.12's answers about every program of
/// tests/c, from kernel-diff's VM, into `tests/c/linux-6.12.jsonl` (the
/// 6.1 runs of kernel-diff ask the kernel itself).
pub fn bless_c() -> Result<(), String> {
    std::env::remove_var("VERISTEP_KERNEL_DIFF_TEXTS");
    std::env::remove_var("VERISTEP_KERNEL_DIFF_OBJS");
    std::env::remove_var("VERISTEP_KERNEL_DIFF_RECORDS");
    std::env::set_var("VERISTEP_KERNEL_DIFF", "6.12");
    std::env::remove_var("VERISTEP_KERNEL_DIFF_LOG_LEVEL");
    std::env::set_var("VERISTEP_KERNEL_DIFF_BLESS_C", "1");
    kernel_diff()
}

/// `DIR/vmlinux.h` from a gzipped kernel BTF (`bpftool btf dump ... format
/// c`), made once.
pub(crate) fn vmlinux_h(btf_gz: &Path, dir: &Path) -> Result<(), String> {
    let out = dir.join("vmlinux.h");
    if out.exists() {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let raw = dir.join("vmlinux.btf");
    let gz = Command::new("gzip")
        .arg("-dc")
        .arg(btf_gz)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !gz.status.success() {
        return Err(format!("{}: cannot be decompressed", btf_gz.display()));
    }
    std::fs::write(&raw, &gz.stdout).map_err(|e| e.to_string())?;
    let dump = Command::new("bpftool")
        .args(["btf", "dump", "file"])
        .arg(&raw)
        .args(["format", "c"])
        .output()
        .map_err(|e| format!("bpftool: {e}"))?;
    if !dump.status.success() {
        return Err("bpftool btf dump failed".into());
    }
    let tmp = dir.join("vmlinux.h.tmp");
    std::fs::write(&tmp, &dump.stdout).map_err(|e| e.to_string())?;
    std::fs::rename(&tmp, &out).map_err(|e| e.to_string())
}

/// `cargo xtask kernel-btf`: the modelled kernels' BTF (`.BTF` of the
/// oracle's uncompressed `vmlinux`, the BTF `/sys/kernel/btf/vmlinux`
/// shows) and build configuration (`boot/config-*`, for `CONFIG_*`
/// externs), gzipped into `static/btf/` where the CLI embeds them and the
/// playground fetches them. Run after the oracle moves to a new kernel.
pub fn kernel_btf() -> Result<(), String> {
    let out_dir = crate::root().join("static/btf");
    std::fs::create_dir_all(&out_dir).map_err(|e| e.to_string())?;
    for (mode, cache) in [("6.1", "cache"), ("6.12", "cache-6.12")] {
        let dir = oracle_state().join(cache);
        let vmlinux = dir.join("vmlinux");
        if !vmlinux.exists() {
            return Err(format!(
                "{} is missing (set up the oracle for Linux {mode} first)",
                vmlinux.display()
            ));
        }
        let image = newest_image(&dir.join("boot"), "vmlinuz-")
            .ok_or_else(|| format!("no vmlinuz in {}", dir.join("boot").display()))?;
        let release = image
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
            .trim_start_matches("vmlinuz-")
            .to_string();
        let raw = std::env::temp_dir().join(format!("veristep-btf-{mode}"));
        crate::run(
            &format!("objcopy .BTF of Linux {release}"),
            Command::new("objcopy")
                .args(["-O", "binary", "--only-section=.BTF"])
                .arg(&vmlinux)
                .arg(&raw),
        )?;
        let mut file = gzip(&std::fs::read(&raw).map_err(|e| format!("{}: {e}", raw.display()))?)?;
        // then the kernel's build configuration, as a second gzip member:
        // its `CONFIG_*=` lines, all that libbpf reads of it
        let config_file = dir.join("boot").join(format!("config-{release}"));
        let config = std::fs::read_to_string(&config_file)
            .map_err(|e| format!("{}: {e}", config_file.display()))?;
        let lines: String = config
            .lines()
            .filter(|l| l.starts_with("CONFIG_"))
            .map(|l| format!("{l}\n"))
            .collect();
        let gz_config = gzip(lines.as_bytes())?;
        // and the names of its /proc/kallsyms, as a third member
        let syms = veristep_core::kallsyms::from_proc(&kallsyms_of(&image)?);
        let gz_syms = gzip(format!("{}{syms}", veristep_core::kallsyms::HEADER).as_bytes())?;
        file.extend_from_slice(&gz_config);
        file.extend_from_slice(&gz_syms);
        let dest = out_dir.join(format!("linux-{mode}.btf.gz"));
        std::fs::write(&dest, &file).map_err(|e| format!("{}: {e}", dest.display()))?;
        std::fs::write(out_dir.join(format!("linux-{mode}.release")), &release)
            .map_err(|e| e.to_string())?;
        let _ = std::fs::remove_file(&raw);
        eprintln!(
            "    {} ({} bytes, Linux {release}, {} CONFIG_ lines, {} symbol names)",
            dest.display(),
            file.len(),
            lines.lines().count(),
            syms.lines().count()
        );
    }
    Ok(())
}

/// qemu booting `image` with `initrd` on one CPU, no network or display,
/// stopped after `budget` seconds; the caller adds its serial ports (the
/// first is the console, the second the init's output).
fn vm(budget: u64, kvm: bool, memory: &str, image: &Path, initrd: &Path) -> Command {
    let mut c = Command::new("timeout");
    c.arg(budget.to_string())
        .arg("qemu-system-x86_64")
        .args(["-accel", if kvm { "kvm" } else { "tcg" }])
        .args(["-m", memory, "-smp", "1", "-nic", "none"])
        .args(["-display", "none", "-monitor", "none", "-no-reboot"])
        .arg("-kernel")
        .arg(image)
        .arg("-initrd")
        .arg(initrd)
        .args(["-append", "console=ttyS0 quiet panic=-1"]);
    c
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    // written from a thread: gzip's output fills its pipe long before a
    // few megabytes of input are in
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(&bytes)
        })
    });
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    if let Some(w) = writer {
        w.join()
            .map_err(|_| "gzip: the writer failed".to_string())?
            .map_err(|e| format!("gzip: {e}"))?;
    }
    if !out.status.success() {
        return Err("gzip failed".into());
    }
    Ok(out.stdout)
}

/// The kernel's `/proc/kallsyms`, read in a VM booted for it (no module
/// loaded, as in kernel-diff's VM, where libbpf reads it).
fn kallsyms_of(image: &Path) -> Result<String, String> {
    const INIT_KALLSYMS: &str = "#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev
echo 0 > /proc/sys/kernel/kptr_restrict
out=/dev/ttyS1
[ -c $out ] || out=/dev/console
stty -F $out raw -echo 2>/dev/null
cat /proc/kallsyms >$out
sync
poweroff -f
";
    let busybox = std::fs::read("/bin/busybox").map_err(|e| format!("/bin/busybox: {e}"))?;
    let mut cpio = Vec::new();
    let mut ino = 1;
    for d in ["bin", "dev", "proc"] {
        cpio_entry(&mut cpio, ino, d, 0o040755, &[]);
        ino += 1;
    }
    cpio_entry(&mut cpio, ino, "init", 0o100755, INIT_KALLSYMS.as_bytes());
    cpio_entry(&mut cpio, ino + 1, "bin/busybox", 0o100755, &busybox);
    cpio_entry(&mut cpio, ino + 2, "TRAILER!!!", 0, &[]);
    let work = std::env::temp_dir().join(format!("veristep-kallsyms-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let (initrd, out) = (work.join("initrd.cpio"), work.join("kallsyms.txt"));
    std::fs::write(&initrd, &cpio).map_err(|e| e.to_string())?;
    eprintln!("==> /proc/kallsyms of {}", image.display());
    let status = vm(600, false, "1G", image, &initrd)
        .args(["-serial", "null", "-serial"])
        .arg(format!("file:{}", out.display()))
        .status()
        .map_err(|e| format!("qemu-system-x86_64: cannot start: {e}"))?;
    let text = std::fs::read_to_string(&out)
        .unwrap_or_default()
        .replace('\r', "");
    let _ = std::fs::remove_dir_all(&work);
    // the VM ends with poweroff; a listing without vmlinux's last symbol
    // was cut short
    if !status.success() || !text.contains(" __init_scratch_end") {
        return Err(format!(
            "/proc/kallsyms of {} was not read whole ({} lines)",
            image.display(),
            text.lines().count()
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_run_in_the_same_directory_is_refused() {
        let dir = std::env::temp_dir().join(format!("kd-lock-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let first = lock_work_dir(&dir).unwrap();
        let second = lock_work_dir(&dir);
        assert!(second.is_err_and(|e| e.contains("another kernel-diff is running")));
        drop(first);
        assert!(lock_work_dir(&dir).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn run_dependent_addresses_are_masked() {
        let log = "0: (18) r1 = 0x7efcb90da000 ; R1_w=scalar()\n1: (18) r2 = 0xffff888003a1c000\nverification time 12 usec";
        assert_eq!(
            masked(log),
            "0: (18) r1 = ADDR ; R1_w=scalar()\n1: (18) r2 = ADDR"
        );
        // other numbers stay: 11 or 13 hex digits, or not from 0x7
        let kept = "r1 = 0x7fffffffff\nr2 = 0x7ffffffffffff\nr3 = 0x6efcb90da000";
        assert_eq!(masked(kept), kept);
    }

    #[test]
    fn a_stopped_boot_resumes_at_the_program_it_was_in() {
        let out = "VSK-START 0 0\nVSK {}\nVSK-START 0 1\nVSK {}\nVSK-START 1 0\n";
        assert_eq!(where_stopped(out), Some((Resume::At(1, 0), 2)));
        let out = "VSK-START 3 2\nVSK {}\n";
        assert_eq!(where_stopped(out), Some((Resume::After(3, 2), 1)));
        assert_eq!(where_stopped("boot noise\n"), None);
    }
}
