//! The modelled kernels' BTF, embedded (`static/btf`, made by `cargo xtask
//! kernel-btf` from the oracle's kernels), for the CO-RE relocations libbpf
//! would apply before loading. Decompressed and indexed on first use only:
//! a program without CO-RE never pays for it.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};
use veristep_core::relo_core::KernelBtf;
use veristep_core::{KernelVersion, Program};

static LINUX_6_1: &[u8] = include_bytes!("../../static/btf/linux-6.1.btf.gz");
static LINUX_6_12: &[u8] = include_bytes!("../../static/btf/linux-6.12.btf.gz");

pub(crate) use veristep_core::relo_core::btf_kernel;

fn decode(gz: &[u8], what: &str) -> Result<Arc<KernelBtf>, String> {
    KernelBtf::from_gzip(gz)
        .map(Arc::new)
        .map_err(|e| format!("Linux {what}: {e}"))
}

/// The BTF of the kernel a mode models.
pub(crate) fn kernel_btf(k: KernelVersion) -> Result<&'static Arc<KernelBtf>, String> {
    static K61: OnceLock<Result<Arc<KernelBtf>, String>> = OnceLock::new();
    static K612: OnceLock<Result<Arc<KernelBtf>, String>> = OnceLock::new();
    let (cell, gz) = match btf_kernel(k) {
        "6.1" => (&K61, LINUX_6_1),
        _ => (&K612, LINUX_6_12),
    };
    cell.get_or_init(|| decode(gz, btf_kernel(k)))
        .as_ref()
        .map_err(Clone::clone)
}

/// libbpf failed to load a program into a kernel.
#[derive(Clone, Debug)]
pub(crate) struct LoadError {
    /// For people: `FILE:NAME: libbpf: ... (Linux K)`.
    pub shown: String,
    /// libbpf's own line, as a loader's log has it (`libbpf: ...`), which
    /// is the `message` of the kernel oracle's `error` records.
    pub libbpf: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.shown)
    }
}

/// A program as libbpf would load it into kernel `k`: its CO-RE
/// relocations applied against that kernel's BTF. `name` is the program's
/// (`FILE:NAME`); Err is libbpf's failure, said as libbpf says it.
pub(crate) fn for_kernel<'a>(
    name: &str,
    prog: &'a Program,
    k: KernelVersion,
) -> Result<Cow<'a, Program>, LoadError> {
    if !prog.needs_kernel_btf() {
        return Ok(Cow::Borrowed(prog));
    }
    let kernel = kernel_btf(k).map_err(|e| LoadError {
        shown: e.clone(),
        libbpf: e,
    })?;
    let short = name.rsplit(':').next().unwrap_or(name);
    prog.relocated(short, kernel)
        .map(Cow::Owned)
        .map_err(|e| {
            use veristep_core::map_create::{first_failure, refused_for_its_size};
            // the maps as libbpf creates them: the first refused is its line
            let maps = prog.in_creation_order(&prog.maps);
            let map_line = first_failure(&maps);
            // a size its loader sets at run time: say how to verify it so
            let hint = refused_for_its_size(&maps)
                .filter(|_| map_line.as_deref() == Some(e.0.as_str()))
                .map(|m| {
                    format!(
                        "; map '{0}' has max_entries 0, which its loader sets at run time: --map-entries {0}=N verifies it as sized",
                        m.name
                    )
                })
                .unwrap_or_default();
            let no_target = prog.no_attach_target && e.0 == Program::no_attach_target_line(short);
            // relocated() says this first whenever the entry is referred to
            let hint = if prog.refers_to_entry().is_some() {
                "; a text program is loaded as the oracle compiles it, its entry a function of the program's own section: libbpf takes calls and function addresses only into .text, so the entry cannot be called back (make the shared code a subprogram)".to_string()
            } else if prog.btf_refused_line().as_deref() == Some(e.0.as_str()) {
                // what then failed the object: libbpf's next line
                let then = map_line
                    .as_ref()
                    .map(|l| format!(", then: {l}"))
                    .unwrap_or_default();
                let why = if !prog.locs.is_empty() {
                    // a text program, as the oracle's C declares its maps
                    "a map number of 2^30 or more: the C declares it as `__uint(name, N)`, a pointer to int[N], whose size overflows 32 bits"
                } else {
                    "a function with an unnamed argument, an enum of size 0, a global variable its section gives fewer bytes than its type, an array whose size overflows 32 bits"
                };
                format!("; the kernel refuses the object's BTF ({why}): libbpf warns and loads without it{then}")
            } else if hint.is_empty() && no_target {
                format!("; --attach-target {short}=TARGET names the kernel function it attaches to")
            } else if hint.is_empty() && prog.freplace.is_some() {
                "; an extension program replaces a function of another loaded program, which its loader names: veristep does not verify extensions".to_string()
            } else if hint.is_empty()
                && !prog.libbpf.is_1_4()
                && prog.missing_prog_type.as_deref().is_some_and(|s| {
                    veristep_core::elf::section_prog_type(s, veristep_core::elf::Libbpf::V1_4)
                        .is_some()
                })
            {
                "; libbpf 1.4 knows this section (--libbpf 1.4)".to_string()
            } else if hint.is_empty() && prog.missing_prog_type.is_some() {
                format!("; --prog-type {short}=TYPE[/HOOK] sets the type its own loader sets (sched_cls, xdp, ...)")
            } else {
                hint
            };
            LoadError {
                shown: format!("{name}: libbpf: {} (Linux {}){hint}", e.0, btf_kernel(k)),
                libbpf: format!("libbpf: {}", e.0),
            }
        })
}
