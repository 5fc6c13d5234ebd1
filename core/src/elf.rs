//! Loading clang-compiled BPF objects (`clang -target bpf -O2 -g -c`): every
//! program of an object, laid out exactly as libbpf lays it out, so that
//! instruction numbers match the kernel's log.
//!
//! Bytes in, programs out; no I/O. The ELF container is read with the
//! `object` crate; maps come from BTF (`.maps`, see [`crate::btf`]) or from
//! the legacy `maps` section (read, but refused as libbpf 1.0+ refuses it).
//! What libbpf does and this follows
//! (`tools/lib/bpf/libbpf.c`, libbpf 1.1):
//! - each `STT_FUNC` symbol of an executable section other than `.text` is
//!   a program; functions in `.text` are subprograms;
//! - `bpf_object__reloc_code()`: walking a program's instructions in order,
//!   the first call (or `ld_imm64` of a function address) to a subprogram
//!   not yet in the program appends that subprogram's code at the end and
//!   relocates it at once (depth first); calls then get `imm = target - pc - 1`;
//! - a call relocation's target is `sym_off / 8 + imm + 1`, a function
//!   address's `(sym_off + imm) / 8` (its `imm` is a byte offset);
//! - `ld_imm64` relocations to a map symbol become `BPF_PSEUDO_MAP_FD`.
//!
//! Every malformed input is an [`ElfError`] naming what is wrong; never a panic.

use crate::btf::{self, Btf};
use crate::insn::*;
use crate::kconfig::KconfigExtern;
pub use crate::program::Libbpf;
use crate::program::{
    AttachType, FuncBtf, MapDef, MapType, Param, ProgType, Program, StructOpsSlot,
};
use object::read::elf::ElfFile64;
use object::{
    Endianness, Object, ObjectSection, ObjectSymbol, RelocationFlags, RelocationTarget,
    SectionIndex, SymbolKind, SymbolSection,
};
use std::fmt;

mod collect;

/// Why an object cannot be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElfError(pub String);

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `KMALLOC_MAX_SIZE` on x86-64 (6.1 and 6.12). veristep fills a
/// `.kconfig` map's value for each mode, so it models none larger.
const KMALLOC_MAX_SIZE: u64 = 4 << 20;

/// `array_map_alloc_check()` (6.1 and 6.12): a value over `INT_MAX` bytes
/// is `E2BIG`. Below it the kernel allocates what it can (vmalloc), so a
/// 16 MiB `.bss` loads.
const ARRAY_VALUE_MAX: u64 = i32::MAX as u64;

/// libbpf's `btf_kind_str()`: a kind's name in its warnings, the
/// kernel's name ([`btf::kind_str`]) in lower case, and `void` for type 0.
fn libbpf_kind_str(b: &btf::Btf, id: u32) -> String {
    if id == 0 {
        return "void".into();
    }
    b.get(id)
        .map_or("unknown", |t| btf::kind_str(t.kind))
        .to_ascii_lowercase()
}

/// libbpf's `parse_btf_map_def()` (strict, as `bpf_object__open()` reads
/// user maps) of the definition struct `def`; `inner`: the template of a
/// map of maps (`NAME.inner`). Err: libbpf's warning.
fn parse_btf_map_def(
    b: &btf::Btf,
    name: &str,
    def: u32,
    inner: bool,
    libbpf: Libbpf,
) -> Result<(), String> {
    let kind = |id: u32| {
        if id == 0 {
            0
        } else {
            b.get(id).map_or(u32::MAX, |t| t.kind)
        }
    };
    let skip = |id: u32| b.skip_mods(id).unwrap_or(id);
    // get_map_field_int(): `__uint(attr, N)` is `int (*attr)[N]`
    let field_int = |attr: &str, ty: u32| -> Result<u32, String> {
        let p = skip(ty);
        if kind(p) != btf::KIND_PTR {
            return Err(format!(
                "map '{name}': attr '{attr}': expected PTR, got {}.",
                libbpf_kind_str(b, p)
            ));
        }
        let arr = b.get(p).map_err(|e| e.to_string())?.size_or_type;
        match b.get(arr).ok().and_then(|t| t.array) {
            Some((_, n)) if kind(arr) == btf::KIND_ARRAY => Ok(n),
            _ => Err(format!(
                "map '{name}': attr '{attr}': expected ARRAY, got {}.",
                libbpf_kind_str(b, arr)
            )),
        }
    };
    // the key's or value's `__type(x, T)`: `T *x`, its size resolved
    let typed = |what: &str, ty: u32| -> Result<u32, String> {
        if kind(ty) != btf::KIND_PTR {
            return Err(format!(
                "map '{name}': {what} spec is not PTR: {}.",
                libbpf_kind_str(b, ty)
            ));
        }
        let t = b.get(ty).map_err(|e| e.to_string())?.size_or_type;
        b.size_of(t).ok().filter(|_| t != 0).ok_or_else(|| {
            format!("map '{name}': can't determine {what} size for type [{t}]: -22.")
        })
    };
    let st = b.get(def).map_err(|e| e.to_string())?;
    let (mut map_type, mut key_size, mut value_size) = (0, 0, 0);
    let conflict = |what: &str, had: u32, now: u32| -> Result<(), String> {
        if had != 0 && had != now {
            return Err(format!(
                "map '{name}': conflicting {what} size {had} != {now}."
            ));
        }
        Ok(())
    };
    for (i, (m, ty, _)) in st.members.iter().enumerate() {
        let ty = *ty;
        match m.as_str() {
            "type" => map_type = field_int(m, ty)?,
            "max_entries" | "map_flags" | "numa_node" => {
                field_int(m, ty)?;
            }
            "key_size" => {
                let sz = field_int(m, ty)?;
                conflict("key", key_size, sz)?;
                key_size = sz;
            }
            "value_size" => {
                let sz = field_int(m, ty)?;
                conflict("value", value_size, sz)?;
                value_size = sz;
            }
            "key" => {
                let sz = typed("key", ty)?;
                conflict("key", key_size, sz)?;
                key_size = sz;
            }
            "value" => {
                let sz = typed("value", ty)?;
                conflict("value", value_size, sz)?;
                value_size = sz;
            }
            "values" => {
                let t = MapType::from_number(map_type);
                let in_map = matches!(t, Some(MapType::ArrayOfMaps | MapType::HashOfMaps));
                let prog_array = t == Some(MapType::ProgArray);
                let desc = if in_map {
                    "map-in-map inner"
                } else {
                    "prog-array value"
                };
                if inner {
                    return Err(format!(
                        "map '{name}': multi-level inner maps not supported."
                    ));
                }
                if i + 1 != st.members.len() {
                    return Err(format!("map '{name}': '{m}' member should be last."));
                }
                if !in_map && !prog_array {
                    return Err(format!("map '{name}': should be map-in-map or prog-array."));
                }
                conflict("value", value_size, 4)?;
                value_size = 4;
                let arr = b.get(ty).ok().and_then(|t| t.array);
                let elem = match arr {
                    Some((elem, 0)) if kind(ty) == btf::KIND_ARRAY => skip(elem),
                    _ => {
                        return Err(format!(
                            "map '{name}': {desc} spec is not a zero-sized array."
                        ))
                    }
                };
                if kind(elem) != btf::KIND_PTR {
                    return Err(format!(
                        "map '{name}': {desc} def is of unexpected kind {}.",
                        libbpf_kind_str(b, elem)
                    ));
                }
                let target = skip(b.get(elem).map_err(|e| e.to_string())?.size_or_type);
                if prog_array {
                    if kind(target) != btf::KIND_FUNC_PROTO {
                        return Err(format!(
                            "map '{name}': prog-array value def is of unexpected kind {}.",
                            libbpf_kind_str(b, target)
                        ));
                    }
                    continue;
                }
                if kind(target) != btf::KIND_STRUCT {
                    return Err(format!(
                        "map '{name}': map-in-map inner def is of unexpected kind {}.",
                        libbpf_kind_str(b, target)
                    ));
                }
                parse_btf_map_def(b, &format!("{name}.inner"), target, true, libbpf)?;
            }
            "pinning" => {
                if inner {
                    return Err(format!("map '{name}': inner def can't be pinned."));
                }
                let v = field_int(m, ty)?;
                if v > 1 {
                    return Err(format!("map '{name}': invalid pinning value {v}."));
                }
            }
            // get_map_field_long(): `__uint`'s form or an enum of one value
            // (libbpf 1.4; 1.1 reads it with get_map_field_int())
            "map_extra" => {
                let t = skip(ty);
                if kind(t) == btf::KIND_PTR || !libbpf.is_1_4() {
                    field_int(m, ty)?;
                } else if !matches!(kind(t), btf::KIND_ENUM | btf::KIND_ENUM64) {
                    return Err(format!(
                        "map '{name}': attr '{m}': expected ENUM or ENUM64, got {}.",
                        libbpf_kind_str(b, t)
                    ));
                } else if b.get(t).map_or(0, |t| t.vlen) != 1 {
                    return Err(format!("map '{name}': attr '{m}': invalid __ulong"));
                }
            }
            other => return Err(format!("map '{name}': unknown field '{other}'.")),
        }
    }
    if map_type == 0 {
        return Err(format!("map '{name}': map type isn't specified."));
    }
    Ok(())
}

fn err<T>(msg: impl Into<String>) -> Result<T, ElfError> {
    Err(ElfError(msg.into()))
}

/// One program of an object, ready for the verifier.
#[derive(Clone, Debug)]
pub struct ObjProgram {
    /// The function's name (libbpf's program name).
    pub name: String,
    /// Its ELF section (`tc`, `xdp`, `tracepoint/syscalls/...`).
    pub section: String,
    pub program: Program,
    /// A note on what libbpf would do differently before the kernel sees
    /// the program (a map it could not create unless its loader sizes it).
    pub unsupported: Option<String>,
}

/// Every program of an object, in the order of their sections and offsets.
#[derive(Clone, Debug)]
pub struct ObjectFile {
    pub programs: Vec<ObjProgram>,
    pub license: String,
    pub maps: Vec<MapDef>,
    /// Programs veristep cannot verify, each with `not modelled: WHAT`
    /// (its program type, a map it uses): their siblings still load.
    pub refused: Vec<(String, String)>,
    /// The global variables of `.rodata` (`const volatile` settings a
    /// tool's skeleton writes before the load) that can be set: integers,
    /// the elements of short arrays of them, arrays of bytes as text; with
    /// their values as loaded ([`LoadOptions::globals`] applied).
    pub rodata_globals: Vec<GlobalVar>,
}

/// A global variable a loader may set ([`LoadOptions::globals`]): an
/// integer, an element of an array of integers (`ports[0]`), or an array
/// of bytes set as text (`char comm[16]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlobalVar {
    /// As [`LoadOptions::globals`] names it (`debug`, `ports[0]`).
    pub name: String,
    /// Its section (`.rodata`, `.rodata.cfg`).
    pub section: String,
    /// 1, 2, 4 or 8 bytes; for text, the bytes the array holds.
    pub size: u32,
    /// Its value as loaded: an integer in decimal (signed where its BTF
    /// type says so), or the text up to its first NUL.
    pub value: String,
    /// Set as text.
    pub text: bool,
}

/// What a global variable holds, as far as a loader's setting goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GlobalShape {
    /// An integer, an enum or a pointer.
    Int { signed: bool },
    /// `n` integers of `elem` bytes (`elem` 1: text).
    Array { elem: u32, n: u32, signed: bool },
    /// A struct, a float, an array of structs...
    Other,
}

/// `NAME` or `NAME[INDEX]`.
fn split_global_index(setting: &str) -> Result<(&str, Option<u64>), String> {
    let Some((name, rest)) = setting.split_once('[') else {
        return Ok((setting, None));
    };
    let index = rest
        .strip_suffix(']')
        .and_then(|i| parse_global_value(i).ok())
        .and_then(|i| u64::try_from(i).ok())
        .ok_or_else(|| format!("'{setting}' is not NAME or NAME[INDEX]"))?;
    Ok((name, Some(index)))
}

/// An integer setting's bytes, little-endian in `size` bytes.
fn global_int(setting: &str, value: &str, size: usize) -> Result<Vec<u8>, ElfError> {
    let v = parse_global_value(value).map_err(|e| ElfError(format!("{setting}: {e}")))?;
    let bits = size as u32 * 8;
    let (min, max) = (-(1i128 << (bits - 1)), (1i128 << bits) - 1);
    if v < min || v > max {
        return err(format!(
            "{v} does not fit global variable '{setting}' ({size} bytes)"
        ));
    }
    Ok((v as i64).to_le_bytes()[..size].to_vec())
}

/// A value for [`LoadOptions::globals`]: decimal or `0x` hex, negative
/// allowed.
pub fn parse_global_value(v: &str) -> Result<i128, String> {
    let v = v.trim();
    let (neg, digits) = match v.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, v),
    };
    let n = match digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        Some(h) => i128::from_str_radix(h, 16),
        None => digits.parse::<i128>(),
    }
    .map_err(|e| format!("'{v}' is not an integer: {e}"))?;
    Ok(if neg { -n } else { n })
}

/// What a loader sets on an object's programs before it loads them, where
/// that changes how the object is read.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// `bpf_program__set_type` and `bpf_program__set_expected_attach_type`
    /// (program name, type, attach type) for a program whose section
    /// gives libbpf no program type (`tc_ingress`, `classifier/x`,
    /// `xdp_foo`, which tc, iproute2 or cilium/ebpf load by their own
    /// rules). A program that has a type from its section refuses one.
    pub prog_types: Vec<(String, ProgType, Option<AttachType>)>,
    /// Global variables set before the load (a skeleton's
    /// `skel->rodata->NAME = V`, `bpf_map__set_initial_value`): name and
    /// value, written in the variable's own size. A `const volatile` one
    /// in `.rodata` is then a constant to the verifier. NAME may be
    /// `NAME[INDEX]` (an element of an array of integers); VALUE is an
    /// integer (decimal or `0x` hex), or the text of an array of bytes.
    pub globals: Vec<(String, String)>,
    /// `bpf_program__set_flags()` (program name, `BPF_F_*` bits), as a
    /// test loader sets `BPF_F_TEST_STATE_FREQ` or `BPF_F_STRICT_ALIGNMENT`:
    /// added to what the section implies.
    pub prog_flags: Vec<(String, u32)>,
    /// The libbpf that loads the object (1.1 unless said).
    pub libbpf: Libbpf,
}

const R_BPF_64_64: u32 = 1;
const R_BPF_64_32: u32 = 10;
/// Objects larger than this are refused (the kernel's programs are at most
/// 1M instructions, 8 MB).
const MAX_OBJECT: usize = 64 << 20;

/// A function: a program or a subprogram, `len` instructions from `start`
/// (in instructions) of section `sec`.
#[derive(Clone, Debug)]
struct Func {
    name: String,
    sec: SectionIndex,
    start: usize,
    len: usize,
    global: bool,
}

/// What libbpf made of a main function's `exception_callback:` tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExceptionCbTag {
    /// The `.text` function (index into `funcs`) it names.
    Func(usize),
    /// More than one tag: nothing appended.
    Multiple,
}

/// A relocation of one instruction of a code section.
#[derive(Clone, Debug)]
struct Reloc {
    /// Instruction index in its section.
    insn: usize,
    r_type: u32,
    sym_name: String,
    sym_section: Option<SectionIndex>,
    sym_value: u64,
    sym_undefined: bool,
    sym_weak: bool,
}

fn map_type(n: u32) -> Result<MapType, String> {
    MapType::from_number(n).ok_or_else(|| format!("map type {n} is not modelled"))
}

/// A map's type, or the number of one no modelled kernel knows (0, or
/// past the newest, `BPF_MAP_TYPE_ARENA` of 6.9+), which the kernel
/// refuses to create ([`MapDef::unknown_type`]; an array stands in).
fn map_type_or_unknown(n: u32) -> Result<(MapType, Option<u32>), String> {
    if n == 0 || n > MapType::Arena.number() {
        return Ok((MapType::Array, Some(n)));
    }
    map_type(n).map(|t| (t, None))
}

/// The expected attach type libbpf 1.1 loads a section's program with,
/// where veristep's rules depend on it.
fn attach_type(section: &str) -> Option<AttachType> {
    match section {
        "cgroup_skb/egress" => return Some(AttachType::CgroupInetEgress),
        "cgroup/dev" => return Some(AttachType::CgroupDevice),
        "cgroup/sysctl" => return Some(AttachType::CgroupSysctl),
        // SEC_ATTACHABLE_OPT: "cgroup/sock" is socket creation
        "cgroup/sock" => return Some(AttachType::SockCreate),
        "sk_lookup" => return Some(AttachType::SkLookup),
        "cgroup/getsockopt" => return Some(AttachType::Getsockopt),
        "cgroup/setsockopt" => return Some(AttachType::Setsockopt),
        // libbpf 1.1's SEC_DEF("xdp/devmap", XDP, BPF_XDP_DEVMAP, ...)
        "xdp/devmap" | "xdp.frags/devmap" => return Some(AttachType::XdpDevmap),
        "xdp/cpumap" | "xdp.frags/cpumap" => return Some(AttachType::XdpCpumap),
        _ => {}
    }
    if let Some((a, _)) = btf_target(section) {
        return Some(a);
    }
    if let Some(a) = section.strip_prefix("cgroup/").and_then(AttachType::sock) {
        return Some(a);
    }
    AttachType::sock_addr(section.strip_prefix("cgroup/")?)
}

/// A BTF-typed program's section (`fentry/do_nanosleep`): its attach type
/// and the target libbpf looks up in the kernel's BTF. The sleepable
/// `.s` variants are not modelled.
fn btf_target(section: &str) -> Option<(AttachType, &str)> {
    let (head, target) = section.split_once('/')?;
    // the sleepable `.s` sections
    let head = match head {
        "lsm.s" => "lsm",
        "iter.s" => "iter",
        "fentry.s" => "fentry",
        "fexit.s" => "fexit",
        "fmod_ret.s" => "fmod_ret",
        h => h,
    };
    let a = match head {
        "fentry" => AttachType::TraceFentry,
        "fexit" => AttachType::TraceFexit,
        "fmod_ret" => AttachType::ModifyReturn,
        "tp_btf" => AttachType::TraceRawTp,
        "lsm" => AttachType::LsmMac,
        "lsm_cgroup" => AttachType::LsmCgroup,
        "iter" => AttachType::TraceIter,
        _ => return None,
    };
    (!target.is_empty()).then_some((a, target))
}

/// A BTF-typed program's section without a target (`SEC("fentry")`): its
/// loader names the target at run time (`bpf_program__set_attach_target`),
/// and libbpf fails it when it loads without one.
fn btf_section_without_target(section: &str) -> Option<AttachType> {
    Some(match section {
        "fentry" | "fentry.s" => AttachType::TraceFentry,
        "fexit" | "fexit.s" => AttachType::TraceFexit,
        "fmod_ret" | "fmod_ret.s" => AttachType::ModifyReturn,
        "tp_btf" => AttachType::TraceRawTp,
        "lsm" | "lsm.s" => AttachType::LsmMac,
        "lsm_cgroup" => AttachType::LsmCgroup,
        "iter" | "iter.s" => AttachType::TraceIter,
        _ => return None,
    })
}

/// libbpf 1.4's `section_defs` (`SEC_DEF`): `type+` is the exact name or
/// `type/extras`, `type/` any name it prefixes, anything else exact.
const LIBBPF_SEC_DEFS: &[&str] = &[
    "socket",
    "sk_reuseport/migrate",
    "sk_reuseport",
    "kprobe+",
    "uprobe+",
    "uprobe.s+",
    "kretprobe+",
    "uretprobe+",
    "uretprobe.s+",
    "kprobe.multi+",
    "kretprobe.multi+",
    "uprobe.multi+",
    "uretprobe.multi+",
    "uprobe.multi.s+",
    "uretprobe.multi.s+",
    "ksyscall+",
    "kretsyscall+",
    "usdt+",
    "usdt.s+",
    "tc/ingress",
    "tc/egress",
    "tcx/ingress",
    "tcx/egress",
    "tc",
    "classifier",
    "action",
    "netkit/primary",
    "netkit/peer",
    "tracepoint+",
    "tp+",
    "raw_tracepoint+",
    "raw_tp+",
    "raw_tracepoint.w+",
    "raw_tp.w+",
    "tp_btf+",
    "fentry+",
    "fmod_ret+",
    "fexit+",
    "fentry.s+",
    "fmod_ret.s+",
    "fexit.s+",
    "freplace+",
    "lsm+",
    "lsm.s+",
    "lsm_cgroup+",
    "iter+",
    "iter.s+",
    "syscall",
    "xdp.frags/devmap",
    "xdp/devmap",
    "xdp.frags/cpumap",
    "xdp/cpumap",
    "xdp.frags",
    "xdp",
    "perf_event",
    "lwt_in",
    "lwt_out",
    "lwt_xmit",
    "lwt_seg6local",
    "sockops",
    "sk_skb/stream_parser",
    "sk_skb/stream_verdict",
    "sk_skb/verdict",
    "sk_skb",
    "sk_msg",
    "lirc_mode2",
    "flow_dissector",
    "cgroup_skb/ingress",
    "cgroup_skb/egress",
    "cgroup/skb",
    "cgroup/sock_create",
    "cgroup/sock_release",
    "cgroup/sock",
    "cgroup/post_bind4",
    "cgroup/post_bind6",
    "cgroup/bind4",
    "cgroup/bind6",
    "cgroup/connect4",
    "cgroup/connect6",
    "cgroup/connect_unix",
    "cgroup/sendmsg4",
    "cgroup/sendmsg6",
    "cgroup/sendmsg_unix",
    "cgroup/recvmsg4",
    "cgroup/recvmsg6",
    "cgroup/recvmsg_unix",
    "cgroup/getpeername4",
    "cgroup/getpeername6",
    "cgroup/getpeername_unix",
    "cgroup/getsockname4",
    "cgroup/getsockname6",
    "cgroup/getsockname_unix",
    "cgroup/sysctl",
    "cgroup/getsockopt",
    "cgroup/setsockopt",
    "cgroup/dev",
    "struct_ops+",
    "struct_ops.s+",
    "sk_lookup",
    "netfilter",
];

/// The entries of [`LIBBPF_SEC_DEFS`] libbpf 1.1.2 does not have (its
/// `section_defs` is 1.4.6's without these): such a section is "missing
/// BPF prog type" to libbpf 1.1.
const LIBBPF_1_4_ONLY_SEC_DEFS: &[&str] = &[
    "uprobe.multi+",
    "uretprobe.multi+",
    "uprobe.multi.s+",
    "uretprobe.multi.s+",
    "usdt.s+",
    "tc/ingress",
    "tc/egress",
    "tcx/ingress",
    "tcx/egress",
    "netkit/primary",
    "netkit/peer",
    "sk_skb/verdict",
    "cgroup/connect_unix",
    "cgroup/sendmsg_unix",
    "cgroup/recvmsg_unix",
    "cgroup/getpeername_unix",
    "cgroup/getsockname_unix",
    "struct_ops.s+",
    "netfilter",
];

/// The program type and expected attach type libbpf gives a program of
/// `section` (`libbpf_prog_type_by_name()`), where veristep models it:
/// what a loader that sets a program's type from a section name sets.
pub fn section_prog_type(section: &str, libbpf: Libbpf) -> Option<(ProgType, Option<AttachType>)> {
    let pt = prog_type(section).filter(|_| libbpf_knows_section(section, libbpf))?;
    Some((pt, attach_type(section)))
}

/// `sec_def_matches()` over the `section_defs` of `libbpf`: does libbpf
/// give the section a program type at all?
fn libbpf_knows_section(section: &str, libbpf: Libbpf) -> bool {
    let defs = LIBBPF_SEC_DEFS
        .iter()
        .filter(|d| libbpf.is_1_4() || !LIBBPF_1_4_ONLY_SEC_DEFS.contains(d));
    defs.into_iter().any(|def| {
        if let Some(pfx) = def.strip_suffix('+') {
            section
                .strip_prefix(pfx)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        } else if def.ends_with('/') {
            section.starts_with(def)
        } else {
            section == *def
        }
    })
}

/// libbpf's section names for the program types veristep models.
fn prog_type(section: &str) -> Option<ProgType> {
    if let Some((a, _)) = btf_target(section) {
        return Some(if matches!(a, AttachType::LsmMac | AttachType::LsmCgroup) {
            ProgType::Lsm
        } else {
            ProgType::Tracing
        });
    }
    // SEC_DEF("struct_ops+"): its member comes from the .struct_ops map
    // and SEC_DEF("struct_ops.s+"), sleepable (libbpf 1.3+)
    let base = section.split('/').next().unwrap_or(section);
    if matches!(base, "struct_ops" | "struct_ops.s") {
        return Some(ProgType::StructOps);
    }
    // of libbpf's cgroup/* sections: "cgroup/skb" and the socket address
    // hooks ("cgroup/connect4", ...)
    match section {
        "cgroup/skb" => return Some(ProgType::CgroupSkb),
        "cgroup/dev" => return Some(ProgType::CgroupDevice),
        "cgroup/sysctl" => return Some(ProgType::CgroupSysctl),
        "cgroup/sock" => return Some(ProgType::CgroupSock),
        "cgroup/getsockopt" | "cgroup/setsockopt" => return Some(ProgType::CgroupSockopt),
        _ => {}
    }
    if section
        .strip_prefix("cgroup/")
        .and_then(AttachType::sock)
        .is_some()
    {
        return Some(ProgType::CgroupSock);
    }
    if section.starts_with("cgroup/") {
        return attach_type(section).map(|_| ProgType::CgroupSockAddr);
    }
    let head = section.split('/').next().unwrap_or(section);
    Some(match head {
        "tc" | "classifier" => ProgType::SchedCls,
        "action" => ProgType::SchedAct,
        "xdp" | "xdp.frags" => ProgType::Xdp,
        "socket" => ProgType::SocketFilter,
        // libbpf's kprobe-type sections: syscall wrappers, USDT probes,
        // multi-kprobes and (libbpf 1.3+) multi-uprobes and kprobe
        // sessions are BPF_PROG_TYPE_KPROBE too, the `.s` ones sleepable
        "kprobe" | "kretprobe" | "uprobe" | "uretprobe" | "ksyscall" | "kretsyscall" | "usdt"
        | "kprobe.multi" | "kretprobe.multi" | "uprobe.s" | "uretprobe.s" | "uprobe.multi"
        | "uretprobe.multi" | "uprobe.multi.s" | "uretprobe.multi.s" | "usdt.s"
        | "kprobe.session" => ProgType::Kprobe,
        // libbpf 1.3+: tcx and netkit links attach sched_cls programs
        "tcx" | "netkit" => ProgType::SchedCls,
        "tracepoint" | "tp" => ProgType::Tracepoint,
        "raw_tracepoint" | "raw_tp" => ProgType::RawTracepoint,
        "raw_tracepoint.w" | "raw_tp.w" => ProgType::RawTracepointWritable,
        "cgroup_skb" => ProgType::CgroupSkb,
        "syscall" => ProgType::Syscall,
        "perf_event" => ProgType::PerfEvent,
        "sk_skb" => ProgType::SkSkb,
        "sk_msg" => ProgType::SkMsg,
        "sockops" => ProgType::SockOps,
        "sk_lookup" => ProgType::SkLookup,
        "netfilter" => ProgType::Netfilter,
        "lirc_mode2" => ProgType::LircMode2,
        "lwt_in" => ProgType::LwtIn,
        "flow_dissector" => ProgType::FlowDissector,
        "sk_reuseport" => ProgType::SkReuseport,
        "lwt_out" => ProgType::LwtOut,
        "lwt_xmit" => ProgType::LwtXmit,
        "lwt_seg6local" => ProgType::LwtSeg6local,
        _ => return None,
    })
}

fn insns_of(data: &[u8]) -> Vec<Insn> {
    data.chunks_exact(8)
        .map(|c| Insn::from_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
        .collect()
}

/// The context struct `btf_get_prog_ctx_type()` expects of a program type.
pub(crate) fn ctx_struct(pt: ProgType) -> Option<&'static str> {
    Some(match pt {
        ProgType::SocketFilter
        | ProgType::SchedCls
        | ProgType::SchedAct
        | ProgType::CgroupSkb
        | ProgType::SkSkb
        | ProgType::LwtIn
        | ProgType::LwtOut
        | ProgType::LwtXmit
        | ProgType::LwtSeg6local
        | ProgType::FlowDissector => "__sk_buff",
        ProgType::Xdp => "xdp_md",
        ProgType::SkMsg => "sk_msg_md",
        ProgType::SockOps => "bpf_sock_ops",
        ProgType::CgroupSockAddr => "bpf_sock_addr",
        ProgType::CgroupDevice => "bpf_cgroup_dev_ctx",
        ProgType::CgroupSock => "bpf_sock",
        ProgType::CgroupSockopt => "bpf_sockopt",
        ProgType::SkLookup => "bpf_sk_lookup",
        ProgType::SkReuseport => "sk_reuseport_md",
        ProgType::CgroupSysctl => "bpf_sysctl",
        ProgType::Kprobe => "pt_regs",
        ProgType::RawTracepoint | ProgType::RawTracepointWritable => "bpf_raw_tracepoint_args",
        ProgType::PerfEvent => "bpf_perf_event_data",
        ProgType::Netfilter => "bpf_nf_ctx",
        _ => return None,
    })
}

/// `btf_get_prog_ctx_type()`'s match: the program type's context struct
/// by name, or for kprobes the name of the typedef the kernel declares it
/// with (`bpf_user_pt_regs_t`, which a program may define as an empty
/// struct of its own).
pub(crate) fn is_ctx_struct(pt: ProgType, name: &str) -> bool {
    ctx_struct(pt) == Some(name) || (pt == ProgType::Kprobe && name == "bpf_user_pt_regs_t")
}

fn func_btf_of(b: &Btf, name: &str, start: usize, pt: ProgType) -> Option<FuncBtf> {
    let id = b.find(btf::KIND_FUNC, name)?;
    let proto = b.get(b.get(id).ok()?.size_or_type).ok()?;
    if proto.kind != btf::KIND_FUNC_PROTO {
        return None;
    }
    let params = proto
        .members
        .iter()
        .map(|(_, ty, _)| {
            let t = b.skip_mods(*ty).ok().and_then(|i| b.get(i).ok());
            match t.map(|t| t.kind) {
                Some(btf::KIND_INT) | Some(btf::KIND_ENUM) | Some(btf::KIND_ENUM64) => {
                    Param::Scalar
                }
                Some(btf::KIND_PTR) => {
                    let pointee = t
                        .and_then(|t| b.skip_mods(t.size_or_type).ok())
                        .and_then(|i| b.get(i).ok());
                    let is_ctx = pointee
                        .is_some_and(|p| p.kind == btf::KIND_STRUCT && is_ctx_struct(pt, &p.name));
                    if is_ctx {
                        Param::Ctx
                    } else {
                        let target = t.and_then(|t| b.skip_mods(t.size_or_type).ok());
                        let size = target.and_then(|id| b.size_of(id).ok()).unwrap_or(0);
                        let unsized_pointee =
                            target.filter(|&id| b.size_of(id).is_err()).map(|id| {
                                let p = b.get(id).ok();
                                format!(
                                    "{} {}",
                                    btf::kind_str(p.map(|p| p.kind).unwrap_or(0)),
                                    p.map(|p| p.name.as_str()).unwrap_or("")
                                )
                            });
                        Param::Ptr {
                            unsized_pointee,
                            size,
                        }
                    }
                }
                Some(k) => Param::Other(btf::kind_str(k)),
                None => Param::Other("UNKNOWN"),
            }
        })
        .collect();
    // `arg:TAG` decl tags on the parameters (btf_find_next_decl_tag)
    let mut arg_tags = vec![0u8; proto.members.len()];
    for t in b
        .types
        .iter()
        .filter(|t| t.kind == btf::KIND_DECL_TAG && t.size_or_type == id)
    {
        let Some(tag) = t.name.strip_prefix("arg:") else {
            continue;
        };
        if let Some(slot) = arg_tags.get_mut(t.int_enc as usize) {
            *slot |= match tag {
                "ctx" => crate::program::ARG_TAG_CTX,
                "trusted" => crate::program::ARG_TAG_TRUSTED,
                "nonnull" => crate::program::ARG_TAG_NONNULL,
                "nullable" => crate::program::ARG_TAG_NULLABLE,
                "arena" => crate::program::ARG_TAG_ARENA,
                _ => crate::program::ARG_TAG_UNKNOWN,
            };
        }
    }
    let pointees = proto
        .members
        .iter()
        .map(|(_, ty, _)| {
            let t = b.skip_mods(*ty).ok().and_then(|i| b.get(i).ok())?;
            if t.kind != btf::KIND_PTR {
                return None;
            }
            // modifiers but typedefs, then everything
            let mut typedef = None;
            let mut id = t.size_or_type;
            for _ in 0..32 {
                let Ok(x) = b.get(id) else { break };
                let modifier = matches!(
                    x.kind,
                    btf::KIND_TYPEDEF
                        | btf::KIND_VOLATILE
                        | btf::KIND_CONST
                        | btf::KIND_RESTRICT
                        | btf::KIND_TYPE_TAG
                );
                if id == 0 || !modifier {
                    break;
                }
                if x.kind == btf::KIND_TYPEDEF && typedef.is_none() {
                    typedef = Some(x.name.clone());
                }
                id = x.size_or_type;
            }
            let p = b.get(id).ok().filter(|_| id != 0);
            Some(crate::program::Pointee {
                typedef,
                kind: p.map(|p| p.kind).unwrap_or(0),
                name: p.map(|p| p.name.clone()).unwrap_or_default(),
                size: p.map(|p| p.size_or_type).unwrap_or(0),
            })
        })
        .collect();
    Some(FuncBtf {
        start,
        name: name.to_string(),
        btf_id: id,
        arg_tags,
        pointees,
        params,
        global: false,
        ret_scalar: b
            .skip_mods(proto.size_or_type)
            .ok()
            .filter(|&t| t != 0)
            .and_then(|t| b.get(t).ok())
            .is_some_and(|t| {
                (t.kind == btf::KIND_INT && t.size_or_type <= 8)
                    || t.kind == btf::KIND_ENUM
                    || t.kind == btf::KIND_ENUM64
            }),
    })
}

/// The reader over one object.
struct Loader<'a> {
    file: ElfFile64<'a, Endianness>,
    btf: Option<std::sync::Arc<Btf>>,
    text: Option<SectionIndex>,
    /// (section, offset of the symbol, map index)
    map_syms: Vec<(SectionIndex, u64, usize)>,
    /// Global data sections and the internal map each became.
    data_secs: Vec<(SectionIndex, usize)>,
    /// libbpf's `.kconfig` map: its index and each extern's offset.
    kconfig: Option<(usize, Vec<(String, u32)>)>,
    /// Each extern's index in libbpf's sorted `obj->externs` (`.kconfig`
    /// ones first, then the `__ksym` ones by name): a poisoned kfunc
    /// call's `imm` carries it.
    extern_idx: std::collections::HashMap<String, u32>,
    /// Maps veristep does not model (index, why): a program using one is
    /// refused, the others load.
    bad_maps: Vec<(usize, String)>,
    /// `.struct_ops` maps' function pointers: (program, `STRUCT/member`,
    /// the variable: libbpf's map).
    struct_ops: Vec<(String, String, String)>,
    /// The variables of `.struct_ops.link`: struct_ops maps libbpf creates
    /// with `BPF_F_LINK` (Linux 6.4+).
    struct_ops_link_maps: Vec<String>,
    /// Every struct_ops map of the object, in order: (struct, variable,
    /// the struct's members), whether or not a program fills one of its
    /// members.
    struct_ops_vars: Vec<(String, String, Vec<String>)>,
    /// For each entry of `struct_ops`: the object's struct type id and the
    /// member's index (libbpf 1.1 loads the program with them until it
    /// readies the map).
    struct_ops_local: Vec<(u32, u32)>,
    /// The libbpf that loads the object.
    libbpf: Libbpf,
    /// What every program of the object carries as
    /// [`Program::object_struct_ops`], made once (`struct_ops_slots`).
    object_struct_ops: Vec<StructOpsSlot>,
    maps: Vec<MapDef>,
    funcs: Vec<Func>,
    relocs: Vec<(SectionIndex, Vec<Reloc>)>,
    /// `.BTF.ext` CO-RE relocations by section name.
    core: Vec<(String, Vec<btf::CoreRelo>)>,
    /// `.BTF.ext` line info by section name.
    lines: Vec<btf::SectionLines>,
    /// The kernel refuses the object's BTF (`Btf::kernel_refusal`):
    /// libbpf warns and loads without it, so no program has func or line
    /// info and no map has BTF types.
    btf_refused: bool,
    /// Refused by 6.2+ only (`Program::btf_metas_refused`), with this errno.
    btf_metas_refused: Option<i32>,
    code: Vec<(SectionIndex, Vec<Insn>)>,
}

/// Loads every program of an object.
pub fn load(bytes: &[u8]) -> Result<ObjectFile, ElfError> {
    load_named(bytes, "")
}

/// libbpf's `internal_map_name()`: the object's name (its file's, up to
/// the first dot) cut so that the section's name fits in 15 bytes
/// (`my_objec.rodata`, `my_obje.kconfig`); a custom `.rodata.x` keeps its
/// own name only. Characters the kernel refuses become `_`.
fn internal_map_name(obj_name: &str, section: &str) -> String {
    let sfx_len = section.len().clamp(7, 15);
    let pfx_len = if section.get(1..).is_some_and(|s| s.contains('.')) {
        0
    } else {
        (16 - sfx_len - 1).min(obj_name.len())
    };
    let name: String = obj_name
        .bytes()
        .take(pfx_len)
        .chain(section.bytes().take(sfx_len))
        .take(15)
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
                b as char
            } else {
                '_'
            }
        })
        .collect();
    name
}

/// [`load`] of a file: its name (`dir/prog.bpf.o`) names the object as
/// libbpf names it (`prog`), which the kernel's 6.12 log shows in the
/// names of global data maps.
pub fn load_named(bytes: &[u8], file_name: &str) -> Result<ObjectFile, ElfError> {
    load_named_with(bytes, file_name, &LoadOptions::default())
}

/// [`load_named`] with what a loader sets before it loads the programs.
pub fn load_named_with(
    bytes: &[u8],
    file_name: &str,
    opts: &LoadOptions,
) -> Result<ObjectFile, ElfError> {
    let o = load_each_with(bytes, file_name, opts)?;
    if o.programs.is_empty() {
        if let Some((_, why)) = o.refused.first() {
            return err(why.clone());
        }
    }
    Ok(o)
}

/// [`load_named`], but an object none of whose programs veristep can
/// verify is still an object: every program refused with its own reason
/// (`ObjectFile::refused`), as libbpf's loader refuses it when it loads
/// that program alone.
pub fn load_each(bytes: &[u8], file_name: &str) -> Result<ObjectFile, ElfError> {
    load_each_with(bytes, file_name, &LoadOptions::default())
}

/// [`load_each`] with what a loader sets before it loads the programs.
pub fn load_each_with(
    bytes: &[u8],
    file_name: &str,
    opts: &LoadOptions,
) -> Result<ObjectFile, ElfError> {
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    let obj_name = base.split('.').next().unwrap_or(base);
    let mut o = load_unnamed(bytes, file_name, opts)?;
    let name_maps = |maps: &mut Vec<MapDef>| {
        for m in maps.iter_mut() {
            let internal = m.map_type == MapType::Array
                && m.max_entries == 1
                && m.key_size == 4
                && (m.name == "kconfig"
                    || ["rodata", "data", "bss"]
                        .iter()
                        .any(|k| m.name == *k || m.name.starts_with(&format!("{k}."))));
            // other names are cut to 15 bytes by MapDef::kernel_name()
            if internal && !obj_name.is_empty() {
                m.kernel_name = Some(internal_map_name(obj_name, &format!(".{}", m.name)));
            }
        }
    };
    name_maps(&mut o.maps);
    for p in o.programs.iter_mut() {
        name_maps(&mut p.program.maps);
    }
    Ok(o)
}

fn load_unnamed(bytes: &[u8], path: &str, opts: &LoadOptions) -> Result<ObjectFile, ElfError> {
    if bytes.len() > MAX_OBJECT {
        return err(format!("the object is larger than {} MB", MAX_OBJECT >> 20));
    }
    if bytes.get(..4) != Some(b"\x7fELF") {
        // libbpf's words (libelf's elf_kind() is not ELF_K_ELF)
        return err(format!("elf: '{path}' is not a proper ELF object"));
    }
    if bytes.get(4) != Some(&2) {
        return err(format!("elf: '{path}' is not a 64-bit ELF object"));
    }
    // the object crate reads the symbol table at once, libbpf lazily: an
    // object it cannot open may fail earlier in libbpf, with libbpf's words
    let file = ElfFile64::<Endianness>::parse(bytes).map_err(|e| {
        ElfError(collect::refusal(bytes, path).unwrap_or_else(|| format!("malformed ELF: {e}")))
    })?;
    let e = file.endian();
    if e != Endianness::Little {
        return err("a big-endian object: veristep models little-endian BPF (bpfel)");
    }
    if let Some(why) = collect::refusal(bytes, path) {
        return err(why);
    }
    let mut l = Loader {
        file,
        btf: None,
        text: None,
        map_syms: Vec::new(),
        data_secs: Vec::new(),
        kconfig: None,
        extern_idx: std::collections::HashMap::new(),
        bad_maps: Vec::new(),
        struct_ops: Vec::new(),
        struct_ops_link_maps: Vec::new(),
        struct_ops_vars: Vec::new(),
        struct_ops_local: Vec::new(),
        libbpf: opts.libbpf,
        object_struct_ops: Vec::new(),
        maps: Vec::new(),
        funcs: Vec::new(),
        relocs: Vec::new(),
        lines: Vec::new(),
        btf_refused: false,
        btf_metas_refused: None,
        core: Vec::new(),
        code: Vec::new(),
    };
    l.read()?;
    l.set_globals(&opts.globals)?;
    let license = l.license();
    let mut programs = Vec::new();
    let mut refused = Vec::new();
    for fi in 0..l.funcs.len() {
        if Some(l.funcs[fi].sec) == l.text {
            continue;
        }
        // one program veristep cannot model does not refuse its siblings
        match l.program(fi, &license, opts) {
            Ok(p) => programs.push(p),
            Err(e) => refused.push((l.funcs[fi].name.clone(), e.0)),
        }
    }
    if programs.is_empty() && refused.is_empty() {
        // prog_is_subprog(): a lone function in .text is a program to
        // libbpf, one without a type
        if let [only] = l.funcs.as_slice() {
            // (BTF the kernel refused is libbpf's first line, before it
            // tries the program)
            if l.btf_refused {
                return err(Program::btf_load_error(crate::env::EINVAL));
            }
            // refused when libbpf loads it, after the maps are created
            // (`Program::missing_prog_type`); a map the kernel refuses is
            // the first word
            let only = only.name.clone();
            let p = l.program(0, &license, opts)?;
            if p.program.missing_prog_type.is_none() {
                return err(format!(
                    "prog '{only}': missing BPF prog type, check ELF section name '.text'"
                ));
            }
            programs.push(p);
        } else {
            return err("no programs: functions in sections such as SEC(\"tc\") or SEC(\"xdp\") are programs, .text holds only subprograms");
        }
    }
    let rodata_globals = l.rodata_globals();
    Ok(ObjectFile {
        programs,
        refused,
        license,
        maps: l.maps,
        rodata_globals,
    })
}

impl<'a> Loader<'a> {
    fn section_name(&self, i: SectionIndex) -> String {
        self.file
            .section_by_index(i)
            .ok()
            .and_then(|s| s.name().ok().map(str::to_string))
            .unwrap_or_default()
    }

    fn license(&self) -> String {
        self.file
            .section_by_name("license")
            .and_then(|s| s.data().ok())
            .map(|d| {
                let end = d.iter().position(|&c| c == 0).unwrap_or(d.len());
                String::from_utf8_lossy(&d[..end]).into_owned()
            })
            .unwrap_or_default()
    }

    fn read(&mut self) -> Result<(), ElfError> {
        if let Some(s) = self.file.section_by_name(".BTF") {
            let data = s.data().map_err(|e| ElfError(format!(".BTF: {e}")))?;
            self.btf = Some(std::sync::Arc::new(
                Btf::parse(data).map_err(|e| ElfError(format!(".BTF: {e}")))?,
            ));
        }
        self.btf_refused = self
            .btf
            .as_ref()
            .is_some_and(|b| b.kernel_refusal().is_some());
        self.btf_metas_refused = self
            .btf
            .as_ref()
            .filter(|_| !self.btf_refused)
            .and_then(|b| crate::btf_record::struct_metas_refusal(b));
        // line info is for the log's source lines: a damaged one is dropped
        // (and none reaches a kernel that refused the BTF)
        if let (Some(b), Some(ext)) = (self.btf.as_ref(), self.file.section_by_name(".BTF.ext")) {
            if let Some(l) = ext
                .data()
                .ok()
                .filter(|_| !self.btf_refused)
                .and_then(|d| btf::line_info(d, b).ok())
            {
                self.lines = l;
            }
            if let Some(c) = ext.data().ok().and_then(|d| btf::core_relos(d, b).ok()) {
                self.core = c;
            }
        }
        self.text = self.file.section_by_name(".text").map(|s| s.index());
        // code sections
        for s in self.file.sections() {
            let executable = matches!(
                s.flags(),
                object::SectionFlags::Elf { sh_flags } if sh_flags & u64::from(object::elf::SHF_EXECINSTR) != 0
            );
            if !executable {
                continue;
            }
            let data = s
                .data()
                .map_err(|e| ElfError(format!("section {}: {e}", s.name().unwrap_or("?"))))?;
            if data.len() % 8 != 0 {
                return err(format!(
                    "section {}: {} bytes is not a whole number of 8-byte instructions",
                    s.name().unwrap_or("?"),
                    data.len()
                ));
            }
            self.code.push((s.index(), insns_of(data)));
        }
        self.elf_collect_checks()?;
        self.collect_externs()?;
        self.read_maps()?;
        if self.btf_refused {
            // bpf_object__create_map() without the object's BTF fd
            self.maps.iter_mut().for_each(MapDef::drop_btf_types);
        }
        self.read_data()?;
        self.read_kconfig()?;
        self.read_struct_ops()?;
        self.read_funcs()?;
        self.collect_st_ops_relos_1_1()?;
        self.object_struct_ops = self.struct_ops_slots();
        self.read_relocs()?;
        self.collect_relos_checks()?;
        self.collect_map_relos()?;
        Ok(())
    }

    /// libbpf's `bpf_object__collect_map_relos()`, when it opens the
    /// object: the initial values of a BTF-defined prog array
    /// (`__array(values, ...)` = `{ [0] = &prog }`) must be entry-point
    /// programs, those of a map of maps BTF-defined maps.
    fn collect_map_relos(&self) -> Result<(), ElfError> {
        let Some(sec) = self.file.section_by_name(".maps") else {
            return Ok(());
        };
        for (i, (off, r)) in sec.relocations().enumerate() {
            let RelocationTarget::Symbol(si) = r.target() else {
                continue;
            };
            let Ok(sym) = self.file.symbol_by_index(si) else {
                return err(format!(".maps relo #{i}: symbol {:x} not found", si.0));
            };
            let name = sym.name().unwrap_or("<?>");
            // the map whose variable holds the relocated slot
            let Some(&(_, _, mi)) = self
                .map_syms
                .iter()
                .filter(|(s, o, _)| *s == sec.index() && *o <= off)
                .max_by_key(|(_, o, _)| *o)
            else {
                return err(format!(
                    ".maps relo #{i}: cannot find map '{name}' at rel->r_offset {off}"
                ));
            };
            let Some(map) = self.maps.get(mi) else {
                continue;
            };
            match map.map_type {
                MapType::ArrayOfMaps | MapType::HashOfMaps => {
                    if sym.section_index() != Some(sec.index()) {
                        return err(format!(".maps relo #{i}: '{name}' isn't a BTF-defined map"));
                    }
                    if map.map_type == MapType::HashOfMaps && map.key_size != 4 {
                        return err(format!(
                            ".maps relo #{i}: hash-of-maps '{}' should have key size 4.",
                            map.name
                        ));
                    }
                    if !self.maps.iter().any(|m| m.name == name) {
                        return err(format!(
                            ".maps relo #{i}: '{name}' isn't a valid map reference"
                        ));
                    }
                }
                MapType::ProgArray if map.unknown_type.is_none() => {
                    // bpf_object__find_program_by_name() knows no
                    // subprogram (a `.text` function)
                    let Some(f) = self
                        .funcs
                        .iter()
                        .find(|f| f.name == name && Some(f.sec) != self.text)
                    else {
                        return err(format!(
                            ".maps relo #{i}: '{name}' isn't a valid program reference"
                        ));
                    };
                    if sym.section_index() != Some(f.sec) || sym.address() != f.start as u64 * 8 {
                        return err(format!(
                            ".maps relo #{i}: '{name}' isn't an entry-point program"
                        ));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Each struct_ops map's filled members, in the maps' order; a map no
    /// program fills is still looked up in the kernel (`STRUCT/`: its
    /// struct only).
    fn struct_ops_slots(&self) -> Vec<StructOpsSlot> {
        self.struct_ops_vars
            .iter()
            .flat_map(|(st, var, members)| {
                if !self.libbpf.is_1_4() {
                    // libbpf 1.1 looks every member of the struct up in the
                    // kernel's, in order, filled or not
                    return members
                        .iter()
                        .map(|m| {
                            let slot = format!("{st}/{m}");
                            let prog = self
                                .struct_ops
                                .iter()
                                .find(|(_, s, v)| v == var && *s == slot)
                                .map(|(p, ..)| p.clone())
                                .unwrap_or_default();
                            StructOpsSlot {
                                section: self.prog_section(&prog),
                                slot,
                                map: var.clone(),
                                prog,
                            }
                        })
                        .chain(members.is_empty().then(|| StructOpsSlot {
                            slot: format!("{st}/"),
                            map: var.clone(),
                            prog: String::new(),
                            section: String::new(),
                        }))
                        .collect::<Vec<_>>();
                }
                let slots: Vec<StructOpsSlot> = self
                    .struct_ops
                    .iter()
                    .filter(|(_, _, v)| v == var)
                    .map(|(prog, slot, v)| StructOpsSlot {
                        slot: slot.clone(),
                        map: v.clone(),
                        prog: prog.clone(),
                        section: self.prog_section(prog),
                    })
                    .collect();
                if slots.is_empty() {
                    vec![StructOpsSlot {
                        slot: format!("{st}/"),
                        map: var.clone(),
                        prog: String::new(),
                        section: String::new(),
                    }]
                } else {
                    slots
                }
            })
            .collect()
    }

    /// libbpf 1.1's `bpf_object__collect_st_ops_relos()`, when it opens the
    /// object: a member's program must be a struct_ops program (`struct_ops.s/`
    /// is no section to 1.1), and a program in several members must be in
    /// the same member of the same struct each time. (1.4 checks reuse
    /// against the kernel's struct when it readies the maps.)
    fn collect_st_ops_relos_1_1(&self) -> Result<(), ElfError> {
        if self.libbpf.is_1_4() {
            return Ok(());
        }
        // (program, the struct's id, the member's index) where first met
        let mut first: Vec<(&str, u32, u32)> = Vec::new();
        for ((prog, slot, map), &(type_id, idx)) in
            self.struct_ops.iter().zip(&self.struct_ops_local)
        {
            let section = self.prog_section(prog);
            let sec = section.strip_prefix('?').unwrap_or(&section);
            let is_struct_ops = prog_type(sec) == Some(ProgType::StructOps)
                && libbpf_knows_section(sec, self.libbpf);
            if !is_struct_ops {
                return err(format!(
                    "struct_ops reloc {map}: prog {prog} is not struct_ops BPF program"
                ));
            }
            let Some(&(_, id0, idx0)) = first.iter().find(|(p, ..)| p == prog) else {
                first.push((prog, type_id, idx));
                continue;
            };
            if (id0, idx0) != (type_id, idx) {
                let member = slot.split_once('/').map_or("", |(_, m)| m);
                // BPF_PROG_TYPE_STRUCT_OPS is 27
                return err(format!(
                    "struct_ops reloc {map}: cannot use prog {prog} in sec {section} with type 27 attach_btf_id {id0} expected_attach_type {idx0} for func ptr {member}"
                ));
            }
        }
        Ok(())
    }

    /// The section of program `name` (libbpf's `prog->sec_name`).
    fn prog_section(&self, name: &str) -> String {
        self.funcs
            .iter()
            .find(|f| f.name == name)
            .map(|f| self.section_name(f.sec))
            .unwrap_or_default()
    }

    /// The map, offset and size of global variable `name` (by its ELF
    /// symbol), if it lives in global data.
    fn global_symbol(&self, name: &str) -> Option<(usize, usize, usize)> {
        use object::ObjectSymbol;
        self.file.symbols().find_map(|sym| {
            if sym.name() != Ok(name) {
                return None;
            }
            let sec = sym.section_index()?;
            let (_, m) = self.data_secs.iter().find(|(s, _)| *s == sec)?;
            Some((*m, sym.address() as usize, sym.size() as usize))
        })
    }

    /// What global variable `name` of `size` bytes holds, by its BTF type
    /// (without BTF, an integer when its size is one).
    fn global_shape(&self, name: &str, size: usize) -> GlobalShape {
        let int = |b: &btf::Btf, id: u32| -> Option<(u32, bool)> {
            let t = b.get(b.skip_mods(id).ok()?).ok()?;
            match t.kind {
                btf::KIND_INT => Some((t.size_or_type, t.int_signed())),
                btf::KIND_ENUM | btf::KIND_ENUM64 => Some((t.size_or_type, t.kflag)),
                btf::KIND_PTR => Some((8, false)),
                _ => None,
            }
            .filter(|(size, _)| matches!(size, 1 | 2 | 4 | 8))
        };
        let by_size = if matches!(size, 1 | 2 | 4 | 8) {
            GlobalShape::Int { signed: false }
        } else {
            GlobalShape::Other
        };
        let Some(b) = self.btf.as_ref() else {
            return by_size;
        };
        let Some(ty) = b
            .find(btf::KIND_VAR, name)
            .and_then(|v| b.get(v).ok())
            .map(|v| v.size_or_type)
        else {
            return by_size;
        };
        if let Some((s, signed)) = int(b, ty) {
            return if s as usize == size {
                GlobalShape::Int { signed }
            } else {
                GlobalShape::Other
            };
        }
        let array = b
            .skip_mods(ty)
            .ok()
            .and_then(|id| b.get(id).ok())
            .and_then(|t| t.array);
        match array.and_then(|(elem, n)| Some((int(b, elem)?, n))) {
            Some(((elem, signed), n)) if (elem as usize) * (n as usize) == size && n > 0 => {
                GlobalShape::Array { elem, n, signed }
            }
            _ => GlobalShape::Other,
        }
    }

    /// [`LoadOptions::globals`]: each setting's bytes in its variable's
    /// section map (found by its ELF symbol: offset and size),
    /// little-endian: an integer in its own size, an element `NAME[I]` of
    /// an array of integers, or the text of an array of bytes (`char
    /// comm[16]`), the rest of it zero.
    fn set_globals(&mut self, globals: &[(String, String)]) -> Result<(), ElfError> {
        for (setting, value) in globals {
            let (name, index) = split_global_index(setting).map_err(ElfError)?;
            let Some((m, off, size)) = self.global_symbol(name) else {
                return err(format!(
                    "no global variable '{name}' in the object's .rodata, .data or .bss"
                ));
            };
            let shape = self.global_shape(name, size);
            let (at, bytes) = match (index, shape) {
                (None, GlobalShape::Int { .. }) => (off, global_int(setting, value, size)?),
                (None, GlobalShape::Array { elem: 1, n, .. }) => {
                    let text = value.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
                    let text = text.unwrap_or(value).as_bytes();
                    if text.len() > n as usize {
                        return err(format!(
                            "'{}' is {} bytes: global variable '{name}' holds {n}",
                            value,
                            text.len()
                        ));
                    }
                    let mut bytes = text.to_vec();
                    bytes.resize(n as usize, 0);
                    (off, bytes)
                }
                (None, GlobalShape::Array { elem, n, .. }) => {
                    return err(format!(
                        "global variable '{name}' is an array of {n} integers of {elem} bytes: set an element, {name}[0]=VALUE"
                    ))
                }
                (Some(i), GlobalShape::Array { elem, n, .. }) => {
                    if i >= u64::from(n) {
                        return err(format!(
                            "global variable '{name}' has {n} elements: there is no {setting}"
                        ));
                    }
                    let at = off.saturating_add(i as usize * elem as usize);
                    (at, global_int(setting, value, elem as usize)?)
                }
                (Some(_), GlobalShape::Int { .. }) => {
                    return err(format!("global variable '{name}' is not an array"))
                }
                (_, GlobalShape::Other) => {
                    return err(format!(
                        "global variable '{name}' is {size} bytes: only integers, arrays of them and char arrays are set"
                    ))
                }
            };
            let map = &mut self.maps[m];
            // the symbol's place comes from the object: it must lie in its
            // section (the map's one value)
            let end = at
                .checked_add(bytes.len())
                .filter(|e| *e <= map.value_size as usize);
            let Some(end) = end else {
                return err(format!(
                    "global variable '{name}' lies outside its section ({} bytes)",
                    map.value_size
                ));
            };
            if map.data.len() < end {
                map.data.resize(end, 0);
            }
            map.data[at..end].copy_from_slice(&bytes);
        }
        Ok(())
    }

    /// The settings of the `.rodata` sections, with their values: each
    /// integer variable, each element of a short array of integers
    /// (`ports[0]`), and each array of bytes as its text.
    fn rodata_globals(&self) -> Vec<GlobalVar> {
        use object::ObjectSymbol;
        /// Longer arrays are set from the command line only.
        const MAX_LISTED_ELEMS: u32 = 16;
        let mut out = Vec::new();
        for sym in self.file.symbols() {
            let (Some(sec), Ok(name)) = (sym.section_index(), sym.name()) else {
                continue;
            };
            if sym.kind() != SymbolKind::Data || name.is_empty() {
                continue;
            }
            let Some((_, m)) = self.data_secs.iter().find(|(s, _)| *s == sec) else {
                continue;
            };
            let section = self.section_name(sec);
            if !section.starts_with(".rodata") {
                continue;
            }
            let (off, size) = (sym.address() as usize, sym.size() as usize);
            // a symbol outside its section (a damaged object) is no setting
            if off
                .checked_add(size)
                .is_none_or(|e| e > self.maps[*m].value_size as usize)
            {
                continue;
            }
            let data = &self.maps[*m].data;
            // past the bytes the object gives, the value is zero
            let byte = |i: usize| data.get(i).copied().unwrap_or(0);
            let int = |at: usize, size: usize, signed: bool| {
                let mut raw = 0u64;
                for i in (0..size).rev() {
                    raw = raw << 8 | u64::from(byte(at + i));
                }
                let bits = size as u32 * 8;
                if signed && raw >> (bits - 1) & 1 == 1 {
                    raw as i128 - (1i128 << bits)
                } else {
                    raw as i128
                }
            };
            let var = |name: String, size: u32, value: String, text: bool| GlobalVar {
                name,
                section: section.clone(),
                size,
                value,
                text,
            };
            match self.global_shape(name, size) {
                GlobalShape::Int { signed } => out.push(var(
                    name.to_string(),
                    size as u32,
                    int(off, size, signed).to_string(),
                    false,
                )),
                GlobalShape::Array { elem: 1, n, .. } => {
                    let bytes: Vec<u8> = (0..n as usize).map(|i| byte(off + i)).collect();
                    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
                    let text = String::from_utf8_lossy(&bytes[..end]).into_owned();
                    out.push(var(name.to_string(), n, text, true));
                }
                GlobalShape::Array { elem, n, signed } if n <= MAX_LISTED_ELEMS => {
                    for i in 0..n as usize {
                        let value = int(off + i * elem as usize, elem as usize, signed);
                        out.push(var(format!("{name}[{i}]"), elem, value.to_string(), false));
                    }
                }
                _ => {}
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        out
    }

    /// `bpf_program__record_reloc()` as libbpf opens the object
    /// (`bpf_object__collect_relos()`, relocation by relocation): a call
    /// must be to `.text`, and a 64-bit load of a symbol defined in a
    /// section that is neither code, a map section nor global data (a
    /// variable of a `maps/NAME` section, as Pulsar writes its own) fails
    /// the whole object. (The arena's `.addr_space.1` is libbpf's too.)
    fn collect_relos_checks(&self) -> Result<(), ElfError> {
        use object::ObjectSection;
        // the sections a 64-bit load may name: maps (`.addr_space.1`, the
        // arena's globals, libbpf 1.4), global data, code (a function's
        // address)
        let arena_data = if self.libbpf.is_1_4() {
            ".addr_space.1"
        } else {
            // libbpf 1.1 skips it as a data section it does not know
            ".maps"
        };
        let loadable: Vec<SectionIndex> = [".maps", "maps", arena_data]
            .into_iter()
            .filter_map(|n| self.file.section_by_name(n).map(|s| s.index()))
            .chain(self.data_secs.iter().map(|(s, _)| *s))
            .chain(self.text)
            .collect();
        for (sec, relocs) in &self.relocs {
            let Some((_, code)) = self.code.iter().find(|(s, _)| s == sec) else {
                continue;
            };
            for r in relocs {
                let (Some(insn), Some(target), false) =
                    (code.get(r.insn), r.sym_section, r.sym_undefined)
                else {
                    continue;
                };
                let what = if insn.code == BPF_JMP | BPF_CALL && Some(target) != self.text {
                    "call"
                } else if insn.code == BPF_LD | BPF_IMM | BPF_DW && !loadable.contains(&target) {
                    "map"
                } else {
                    continue;
                };
                let prog = self
                    .funcs
                    .iter()
                    .find(|f| f.sec == *sec && (f.start..f.start + f.len).contains(&r.insn))
                    .map_or("", |f| f.name.as_str());
                let sec_name = self.section_name(target);
                // a section symbol is named after its section
                let sym = if r.sym_name.is_empty() {
                    &sec_name
                } else {
                    &r.sym_name
                };
                return err(format!(
                    "prog '{prog}': bad {what} relo against '{sym}' in section '{sec_name}'"
                ));
            }
        }
        Ok(())
    }

    fn read_maps(&mut self) -> Result<(), ElfError> {
        let mut syms: Vec<(SectionIndex, u64, String)> = Vec::new();
        for name in [".maps", "maps"] {
            let Some(sec) = self.file.section_by_name(name) else {
                continue;
            };
            let idx = sec.index();
            for sym in self.file.symbols() {
                if sym.section_index() == Some(idx) && sym.kind() != SymbolKind::Section {
                    syms.push((idx, sym.address(), sym.name().unwrap_or("").to_string()));
                }
            }
        }
        syms.sort_by_key(|(s, off, _)| (s.0, *off));
        for (sec, off, name) in syms {
            let sname = self.section_name(sec);
            let def = if sname == ".maps" {
                self.check_btf_map_def(&name)?;
                self.btf_map(&name)
            } else {
                self.legacy_map(sec, off, &name).map(|d| (d, None))
            };
            let (mut def, template) = match def {
                Ok(d) => d,
                Err(e) => {
                    // only the programs that use it are refused
                    self.bad_maps
                        .push((self.maps.len(), format!("map '{name}': {e}")));
                    (MapDef::new(name.clone(), MapType::Array, 4, 4, 1), None)
                }
            };
            // the inner map template goes before its outer map (the text
            // format names it with `inner=` once declared)
            if let Some(mut t) = template {
                t.inner_meta = true;
                def.inner = Some(self.maps.len() as u32);
                self.maps.push(t);
            }
            self.map_syms.push((sec, off, self.maps.len()));
            self.maps.push(def);
        }
        Ok(())
    }

    /// `.struct_ops` and `.struct_ops.link` (libbpf 1.2+, the maps
    /// attached as links) as libbpf reads them (`init_struct_ops_maps`,
    /// `bpf_object__collect_st_ops_relos`): each variable a struct of
    /// operations, each relocation in it a function pointer member set to
    /// a program. The program is then loaded for that member of the
    /// kernel's struct of the same name (`Program::relocated`).
    fn read_struct_ops(&mut self) -> Result<(), ElfError> {
        self.read_struct_ops_section(".struct_ops")?;
        // libbpf 1.1 skips `.struct_ops.link` as a data section it does not
        // know (and its relocations with it): no map, its programs
        // referenced nowhere
        if self.libbpf.is_1_4() {
            self.read_struct_ops_section(".struct_ops.link")?;
        }
        Ok(())
    }

    fn read_struct_ops_section(&mut self, name: &str) -> Result<(), ElfError> {
        let (Some(b), Some(sec)) = (self.btf.as_ref(), self.file.section_by_name(name)) else {
            return Ok(());
        };
        let bad = |e: String| ElfError(format!("{name}: {e}"));
        let Some(ds) = b.find(btf::KIND_DATASEC, name) else {
            return Err(bad("no BTF DATASEC".into()));
        };
        // (start, end, struct type) of each variable: where its ELF symbol
        // is (clang leaves the DATASEC's offsets for libbpf to fill in)
        let sec_index = sec.index();
        let mut vars = Vec::new();
        for (_, var, _) in b.get(ds).map_err(bad)?.members.clone() {
            let v = b.get(var).map_err(bad)?;
            let t = b.skip_mods(v.size_or_type).map_err(bad)?;
            let st = b.get(t).map_err(bad)?;
            if st.kind != btf::KIND_STRUCT {
                return Err(bad(format!("'{}' is not a struct", v.name)));
            }
            let Some(sym) = self
                .file
                .symbols()
                .find(|s| s.section_index() == Some(sec_index) && s.name() == Ok(v.name.as_str()))
            else {
                return Err(bad(format!("no symbol for '{}'", v.name)));
            };
            let off = sym.address();
            vars.push((off, off + st.size_or_type as u64, t, v.name.clone()));
            let members = st.members.iter().map(|(m, _, _)| m.clone()).collect();
            self.struct_ops_vars
                .push((st.name.clone(), v.name.clone(), members));
            if name == ".struct_ops.link" {
                self.struct_ops_link_maps.push(v.name.clone());
            }
        }
        for (off, r) in sec.relocations() {
            let RelocationTarget::Symbol(si) = r.target() else {
                continue;
            };
            let sym = self
                .file
                .symbol_by_index(si)
                .map_err(|e| bad(format!("relocation at {off}: {e}")))?;
            let Some((start, _, t, var)) = vars
                .iter()
                .find(|(s, e, _, _)| (*s..*e).contains(&off))
                .cloned()
            else {
                return Err(bad(format!("relocation at {off} is in no variable")));
            };
            let st = b.get(t).map_err(bad)?;
            let bit = (off - start) * 8;
            let Some(member_idx) = st.members.iter().position(|(_, _, o)| *o as u64 == bit) else {
                return Err(bad(format!(
                    "struct {}: no member at byte {}",
                    st.name,
                    off - start
                )));
            };
            // a program may fill several members; libbpf 1.4 checks when it
            // readies the maps that they are one kernel struct's one member
            // (`Program::relocated`)
            let member = &st.members[member_idx].0;
            let prog = sym.name().unwrap_or("").to_string();
            self.struct_ops
                .push((prog, format!("{}/{member}", st.name), var));
            self.struct_ops_local.push((t, member_idx as u32));
        }
        Ok(())
    }

    /// libbpf's checks once `bpf_object__elf_collect()` has walked the
    /// sections (that walk is replayed by [`collect::refusal`] before the
    /// object is read).
    fn elf_collect_checks(&self) -> Result<(), ElfError> {
        // bpf_object__init_btf(), once the sections are collected: BTF-defined
        // maps cannot be read without the object's BTF
        if self.btf.is_none() && self.file.section_by_name(".maps").is_some() {
            return err("BTF is required, but is missing or corrupted.");
        }
        Ok(())
    }

    /// `bpf_object__init_user_btf_map()` and `parse_btf_map_def()` as
    /// libbpf opens the object: a `.maps` variable whose definition libbpf
    /// cannot read fails the whole object with its warning, before any
    /// program reaches the kernel (a member that is not `__uint`'s pointer
    /// to an array, an unknown member, a size in conflict, a `pinning`
    /// other than `LIBBPF_PIN_NONE` or `LIBBPF_PIN_BY_NAME` as cilium/ebpf
    /// writes its own). What libbpf reads but veristep does not model is
    /// `btf_map`'s to refuse, program by program.
    fn check_btf_map_def(&self, name: &str) -> Result<(), ElfError> {
        let Some(b) = self.btf.as_ref() else {
            return Ok(());
        };
        let Some(var) = b.find(btf::KIND_VAR, name).and_then(|v| b.get(v).ok()) else {
            return Ok(());
        };
        let Ok(def) = b.skip_mods(var.size_or_type) else {
            return Ok(());
        };
        if b.get(def).map(|t| t.kind) != Ok(btf::KIND_STRUCT) {
            // libbpf names the variable's kind here, not the definition's
            return err(format!("map '{name}': unexpected def kind var."));
        }
        parse_btf_map_def(b, name, def, false, self.libbpf).map_err(ElfError)
    }

    /// `bpf_object__collect_externs()`, when libbpf opens the object: each
    /// undefined global or weak symbol of no type is an extern, which the
    /// object's BTF declares as a VAR or FUNC of extern linkage in a
    /// `.kconfig` or `.ksyms` DATASEC. One it does not (a kernel function
    /// only called from inline assembly, which clang gives no BTF) fails
    /// the whole object.
    fn collect_externs(&mut self) -> Result<(), ElfError> {
        use crate::env::ENOENT;
        use object::{ObjectSymbol, SymbolKind};
        const ESRCH: i32 = 3;
        const EINVAL: i32 = 22;
        const BTF_EXTERN: u32 = 2;
        let fail = |m: String| Err(ElfError(m));
        // (is a `__ksym`, name) of every extern, for libbpf's cmp_externs()
        let mut externs: Vec<(bool, String)> = Vec::new();
        for sym in self.file.symbols() {
            if !sym.is_undefined() || sym.is_local() || sym.kind() != SymbolKind::Unknown {
                continue;
            }
            let Ok(name) = sym.name() else { continue };
            if name.is_empty() {
                continue;
            }
            // find_extern_btf_id(): the first VAR or FUNC of that name
            let Some(b) = self.btf.as_ref() else {
                return fail(format!("failed to find BTF for extern '{name}': -{ESRCH}"));
            };
            let found = (1..b.types.len() as u32).find_map(|id| {
                let t = b.get(id).ok()?;
                let is_var = t.kind == btf::KIND_VAR;
                ((is_var || t.kind == btf::KIND_FUNC) && t.name == name).then_some((id, t))
            });
            let Some((id, t)) = found else {
                return fail(format!("failed to find BTF for extern '{name}': -{ENOENT}"));
            };
            let linkage = if t.kind == btf::KIND_VAR {
                t.int_enc
            } else {
                t.vlen
            };
            if linkage != BTF_EXTERN {
                return fail(format!("failed to find BTF for extern '{name}': -{EINVAL}"));
            }
            // find_extern_sec_btf_id(): the first DATASEC holding it
            let sec = (1..b.types.len() as u32).find_map(|s| {
                let d = b.get(s).ok()?;
                (d.kind == btf::KIND_DATASEC && d.members.iter().any(|(_, v, _)| *v == id))
                    .then_some(d)
            });
            let Some(sec) = sec else {
                return fail(format!(
                    "failed to find BTF for extern '{name}' [{id}] section: -{ENOENT}"
                ));
            };
            match sec.name.as_str() {
                ".kconfig" if t.kind == btf::KIND_FUNC => {
                    return fail(format!(
                        "extern function {name} is unsupported under .kconfig section"
                    ));
                }
                ".kconfig" | ".ksyms" => externs.push((sec.name == ".ksyms", name.to_string())),
                other => return fail(format!("unrecognized extern section '{other}'")),
            }
        }
        // cmp_externs(): `.kconfig` ones first (their own order does not
        // matter here), then the `__ksym` ones by name (strcmp)
        externs.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.as_bytes().cmp(b.1.as_bytes()))
        });
        self.extern_idx = externs
            .into_iter()
            .enumerate()
            .map(|(i, (_, n))| (n, i as u32))
            .collect();
        Ok(())
    }

    /// `.kconfig` externs as libbpf 1.1 lays them out
    /// (`bpf_object__collect_externs`, `bpf_object__init_kconfig_map`): one
    /// frozen array map, read only to the program, the externs sorted by
    /// alignment (largest first), then size (smallest first), then name.
    /// Their values depend on the kernel and are filled in per mode.
    fn read_kconfig(&mut self) -> Result<(), ElfError> {
        let Some(b) = self.btf.as_ref() else {
            return Ok(());
        };
        let Some(ds) = b.find(btf::KIND_DATASEC, ".kconfig") else {
            return Ok(());
        };
        let bad = |e: String| ElfError(format!(".kconfig: {e}"));
        let mut ext: Vec<(KconfigExtern, u32)> = Vec::new();
        for (_, var, _) in b.get(ds).map_err(bad)?.members.clone() {
            let v = b.get(var).map_err(bad)?;
            let size = b.size_of(v.size_or_type).map_err(bad)?;
            // btf__align_of(): the natural alignment, an array's element's
            let mut t = b.skip_mods(v.size_or_type).map_err(bad)?;
            while let Some((elem, _)) = b.get(t).map_err(bad)?.array {
                t = b.skip_mods(elem).map_err(bad)?;
            }
            let align = b.size_of(t).map_err(bad)?.clamp(1, 8);
            let Some(ty) = crate::kconfig::find_kcfg_type(b, v.size_or_type) else {
                return Err(ElfError(format!(
                    "extern (kcfg) '{}': type is unsupported",
                    v.name
                )));
            };
            let weak = self
                .file
                .symbols()
                .find(|s| s.is_undefined() && s.name() == Ok(v.name.as_str()))
                .is_some_and(|s| s.is_weak());
            let e = KconfigExtern {
                name: v.name.clone(),
                off: 0,
                size,
                ty,
                weak,
            };
            ext.push((e, align));
        }
        ext.sort_by(|(a, aa), (b, ba)| {
            ba.cmp(aa)
                .then(a.size.cmp(&b.size))
                .then(a.name.cmp(&b.name))
        });
        let mut off = 0u32;
        let mut placed = Vec::new();
        // sizes come from the object's BTF: a damaged one must not overflow
        let too_big = || bad(format!("its externs take more than {} bytes", u32::MAX));
        for (mut e, align) in ext {
            e.off = off.checked_next_multiple_of(align).ok_or_else(too_big)?;
            off = e.off.checked_add(e.size).ok_or_else(too_big)?;
            placed.push(e);
        }
        // libbpf refuses unknown virtual externs whatever the kernel
        crate::kconfig::check_virtual(&placed).map_err(ElfError)?;
        if off == 0 {
            return Ok(());
        }
        // veristep writes the externs' values into this map for each mode:
        // it bounds what it fills (libbpf's strings are a few bytes)
        if off as u64 > KMALLOC_MAX_SIZE {
            return Err(bad(format!(
                "not modelled: its externs take {off} bytes; veristep models a .kconfig map of up to {KMALLOC_MAX_SIZE} bytes"
            )));
        }
        self.kconfig = Some((
            self.maps.len(),
            placed.iter().map(|e| (e.name.clone(), e.off)).collect(),
        ));
        self.maps.push(MapDef {
            flags: crate::program::BPF_F_RDONLY_PROG,
            frozen: true,
            kconfig: placed,
            ..MapDef::new("kconfig", MapType::Array, 4, off, 1)
        });
        Ok(())
    }

    /// Global data as libbpf 1.1 lays it out (`bpf_object__init_internal_map`):
    /// each non-empty `.rodata*`, `.data*` and `.bss*` section is a one-element
    /// array map whose value is the section; `.rodata` is read-only to the
    /// program and frozen, so the verifier reads its bytes as constants.
    fn read_data(&mut self) -> Result<(), ElfError> {
        let secs: Vec<(SectionIndex, String, u64, Vec<u8>)> = self
            .file
            .sections()
            .filter_map(|sec| {
                let name = sec.name().ok()?.to_string();
                let kind = ["rodata", "data", "bss"].into_iter().find(|k| {
                    let dotted = format!(".{k}");
                    name == dotted || name.starts_with(&format!("{dotted}."))
                })?;
                let size = sec.size();
                if size == 0 || size > u32::MAX as u64 {
                    return None;
                }
                // .bss has no bytes in the file: all zero
                let data = if kind == "bss" {
                    Vec::new()
                } else {
                    sec.data().ok()?.to_vec()
                };
                Some((sec.index(), name, size, data))
            })
            .collect();
        for (idx, name, size, data) in secs {
            // libbpf creates the map before any program loads; the kernel
            // refuses an array value over INT_MAX bytes
            // (`array_map_alloc_check()`: E2BIG), and the whole load fails.
            // A `.bss` has no bytes in the file, and its zeros are never
            // made (a value reads as zero past its given bytes), so a huge
            // one costs nothing.
            if size > ARRAY_VALUE_MAX {
                return err(format!(
                    "section {name}: {size} bytes of global data; the kernel refuses an array map value over {ARRAY_VALUE_MAX} bytes (E2BIG), so libbpf cannot create its map"
                ));
            }
            let rodata = name.starts_with(".rodata");
            let bytes = data;
            let kptrs = self.datasec_kptrs(idx, &name);
            // 6.1's btf_find_datasec_var(): a variable that is a
            // bpf_spin_lock or a bpf_timer is the value's lock or timer
            let lock = self.datasec_struct_var_61(idx, &name, "bpf_spin_lock", 4, 4);
            let timer = self.datasec_struct_var_61(idx, &name, "bpf_timer", 16, 8);
            // 6.12's: the variables' btf_record, nested structs included
            let record = self.datasec_record(idx, &name, size as u32);
            let fields_612 = self.btf.as_ref().map(|_| match &record {
                Ok(Some(r)) => r.special_fields(),
                // a record the kernel cannot parse leaves the map
                // without one (map_check_btf())
                _ => Default::default(),
            });
            let mut kptrs = kptrs;
            let graph = match graph_fields(record) {
                Ok(g) => g,
                Err(_) => {
                    kptrs.clear();
                    Vec::new()
                }
            };
            self.data_secs.push((idx, self.maps.len()));
            // libbpf prefixes the object's name; the section names it here
            let name = name.trim_start_matches('.');
            self.maps.push(MapDef {
                flags: if rodata {
                    crate::program::BPF_F_RDONLY_PROG
                } else {
                    0
                },
                data: bytes,
                frozen: rodata,
                kptrs,
                lock_off: lock.ok(),
                lock_absent: lock.err().unwrap_or(0),
                timer_off: timer.ok(),
                timer_absent: timer.err().unwrap_or(0),
                fields_612,
                graph,
                // libbpf creates it with its DATASEC as the value type
                btf_typed: self.btf.is_some(),
                ..MapDef::new(name, MapType::Array, 4, size as u32, 1)
            });
        }
        // (libbpf 1.1 knows no arena globals: a program naming one fails
        // the object, `collect_relos_checks`)
        if !self.libbpf.is_1_4() {
            return Ok(());
        }
        self.read_arena_data()
    }

    /// libbpf 1.4's arena (`bpf_object__init_maps`): one arena map at
    /// most, and the `__arena` globals of `.addr_space.1` (a non-empty
    /// `PROGBITS` section) copied into its first pages; a load of one is the
    /// arena's map value at the variable's offset, as for global data.
    fn read_arena_data(&mut self) -> Result<(), ElfError> {
        let arenas: Vec<usize> = (0..self.maps.len())
            .filter(|&m| self.maps[m].map_type == MapType::Arena)
            .collect();
        if let [first, second, ..] = arenas[..] {
            return err(format!(
                "map '{}': only single ARENA map is supported (map '{}' is also ARENA)",
                self.maps[second].name, self.maps[first].name
            ));
        }
        let sec = self.file.section_by_name(".addr_space.1").filter(|s| {
            s.kind() != object::SectionKind::UninitializedData
                && s.kind() != object::SectionKind::Text
                && s.size() > 0
        });
        let Some(sec) = sec else {
            return Ok(());
        };
        let Some(&m) = arenas.first() else {
            return err(
                "elf: sec '.addr_space.1': to use global __arena variables the ARENA map should be explicitly declared in SEC(\".maps\")",
            );
        };
        let mmap_sz = self.maps[m].arena_bytes();
        // libbpf rounds up to a page; a size past u64 (a damaged header)
        // is too big for any arena
        if sec
            .size()
            .checked_next_multiple_of(4096)
            .is_none_or(|sz| sz > mmap_sz)
        {
            return err(format!(
                "elf: sec '.addr_space.1': declared ARENA map size ({mmap_sz}) is too small to hold global __arena variables of size {}",
                sec.size()
            ));
        }
        self.data_secs.push((sec.index(), m));
        Ok(())
    }

    /// Linux 6.1's `btf_find_datasec_var()` for a lock or a timer: the
    /// section's variables whose type (not skipping modifiers) is named
    /// `want`, of `size` bytes, at their symbol's offset (libbpf's
    /// DATASEC fix-up). Err: the errno the kernel keeps in place of the
    /// offset — ENOENT none, E2BIG more than one, EINVAL misaligned.
    fn datasec_struct_var_61(
        &self,
        idx: SectionIndex,
        name: &str,
        want: &str,
        size: u32,
        align: u32,
    ) -> Result<u32, i32> {
        use crate::env::{E2BIG, EINVAL, ENOENT};
        let Some(b) = self.btf.as_ref() else {
            return Err(ENOENT);
        };
        let Some(ds) = b.find(btf::KIND_DATASEC, name).and_then(|d| b.get(d).ok()) else {
            return Err(ENOENT);
        };
        let mut found = None;
        for (_, var, _) in &ds.members {
            let Ok(v) = b.get(*var) else { continue };
            let Ok(t) = b.get(v.size_or_type) else {
                continue;
            };
            if t.name != want || b.size_of(v.size_or_type) != Ok(size) {
                continue;
            }
            let Some(off) = self
                .file
                .symbols()
                .find(|s| s.section_index() == Some(idx) && s.name() == Ok(v.name.as_str()))
                .and_then(|s| u32::try_from(s.address()).ok())
            else {
                continue;
            };
            if !off.is_multiple_of(align) {
                return Err(EINVAL);
            }
            // btf_find_struct(): a struct of the size, else not one
            if t.kind != btf::KIND_STRUCT || t.size_or_type != size {
                continue;
            }
            if found.is_some() {
                return Err(E2BIG);
            }
            found = Some(off);
        }
        found.ok_or(ENOENT)
    }

    /// The `btf_record` of a global data section's value: its DATASEC's
    /// variables where their ELF symbols are.
    fn datasec_record(
        &self,
        idx: SectionIndex,
        name: &str,
        size: u32,
    ) -> Result<Option<crate::btf_record::Record>, crate::btf_record::ParseError> {
        let Some(b) = self.btf.as_ref() else {
            return Ok(None);
        };
        let Some(ds) = b.find(btf::KIND_DATASEC, name).and_then(|d| b.get(d).ok()) else {
            return Ok(None);
        };
        let mut vars = Vec::new();
        for (_, var, _) in &ds.members {
            let Ok(v) = b.get(*var) else { continue };
            let sym = self
                .file
                .symbols()
                .find(|s| s.section_index() == Some(idx) && s.name() == Ok(v.name.as_str()));
            if let Some(off) = sym.and_then(|s| u32::try_from(s.address()).ok()) {
                vars.push((*var, off));
            }
        }
        vars.sort_by_key(|&(_, off)| off);
        crate::btf_record::parse_datasec_fields(b, &vars, size)
    }

    /// The kptr fields among a global data section's variables (its
    /// DATASEC, each variable where its ELF symbol is: clang leaves the
    /// offsets for libbpf to fill in).
    fn datasec_kptrs(&self, idx: SectionIndex, name: &str) -> Vec<btf::KptrField> {
        let Some(b) = self.btf.as_ref() else {
            return Vec::new();
        };
        let Some(ds) = b.find(btf::KIND_DATASEC, name).and_then(|d| b.get(d).ok()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (_, var, _) in &ds.members {
            let Ok(v) = b.get(*var) else { continue };
            let sym = self
                .file
                .symbols()
                .find(|s| s.section_index() == Some(idx) && s.name() == Ok(v.name.as_str()));
            let Some(off) = sym.and_then(|s| u32::try_from(s.address()).ok()) else {
                continue;
            };
            out.extend(b.find_kptrs_var(v.size_or_type, off));
        }
        out
    }

    /// A BTF-defined map: the `.maps` DATASEC's variable `name`, a struct
    /// whose members are `__uint(type, ...)`, `__type(key, ...)`, etc.
    fn btf_map(&self, name: &str) -> Result<(MapDef, Option<MapDef>), String> {
        let b = self
            .btf
            .as_ref()
            .ok_or("a .maps section needs BTF (compile with -g)")?;
        let var = b
            .find(btf::KIND_VAR, name)
            .ok_or("no BTF variable of that name")?;
        self.btf_map_struct(name, b.get(var)?.size_or_type)
    }

    /// The map a BTF map-definition struct describes (`name`'s, or an outer
    /// map's inner template).
    fn btf_map_struct(&self, name: &str, st: u32) -> Result<(MapDef, Option<MapDef>), String> {
        let b = self.btf.as_ref().ok_or("a .maps section needs BTF")?;
        let st = b.skip_mods(st)?;
        let st = b.get(st)?;
        if st.kind != btf::KIND_STRUCT {
            return Err("its BTF type is not a struct".into());
        }
        // `__uint(x, N)` is `int (*x)[N]`: the number is the array's length.
        let uint = |ty: u32| -> Result<u32, String> {
            let p = b.get(b.skip_mods(ty)?)?;
            if p.kind != btf::KIND_PTR {
                return Err("a __uint member is not a pointer".into());
            }
            let a = b.get(b.skip_mods(p.size_or_type)?)?;
            a.array
                .map(|(_, n)| n)
                .ok_or_else(|| "a __uint member does not point to an array".into())
        };
        // `__type(x, T)` is `T *x`.
        let pointee = |ty: u32| -> Result<u32, String> {
            let p = b.get(b.skip_mods(ty)?)?;
            if p.kind != btf::KIND_PTR {
                return Err("a __type member is not a pointer".into());
            }
            Ok(p.size_or_type)
        };
        let mut def = MapDef::new(name, MapType::Array, 0, 0, 0);
        let mut ty = None;
        let mut template = None;
        let mut prog_values = false;
        let (mut key_ty, mut value_typed) = (None, false);
        for (m, mty, _) in &st.members {
            match m.as_str() {
                "type" => ty = Some(uint(*mty)?),
                "max_entries" => def.max_entries = uint(*mty)?,
                "key_size" => def.key_size = uint(*mty)?,
                "value_size" => def.value_size = uint(*mty)?,
                "key" => {
                    key_ty = Some(pointee(*mty)?);
                    def.key_size = b.size_of(pointee(*mty)?)?;
                    def.btf_typed = true;
                }
                "value" => {
                    def.btf_typed = true;
                    value_typed = true;
                    let v = pointee(*mty)?;
                    def.value_size = b.size_of(v)?;
                    // 6.1: the value's own members only
                    let timer = b.own_member_struct(v, "bpf_timer", 16, 8);
                    let lock = b.own_member_struct(v, "bpf_spin_lock", 4, 4);
                    (def.timer_off, def.timer_absent) = (timer.ok(), timer.err().unwrap_or(0));
                    (def.lock_off, def.lock_absent) = (lock.ok(), lock.err().unwrap_or(0));
                    def.kptrs = b.find_kptrs(v, 0);
                    // 6.12: its btf_record, nested structs included; a
                    // record the kernel cannot parse leaves the map
                    // without one (map_check_btf())
                    let rec = crate::btf_record::parse_fields(b, b.skip_mods(v)?, def.value_size);
                    def.fields_612 = Some(match &rec {
                        Ok(Some(r)) => r.special_fields(),
                        _ => Default::default(),
                    });
                    match graph_fields(rec) {
                        Ok(g) => def.graph = g,
                        Err(_) => def.kptrs.clear(),
                    }
                }
                "map_flags" => def.flags = uint(*mty)?,
                // `__array(values, struct inner)`: `struct inner *values[]`,
                // the inner map template of a map of maps (its initial
                // values, relocations in `.rel.maps`, are not needed)
                "values" => {
                    let arr = b.get(b.skip_mods(*mty)?)?;
                    let (elem, _) = arr.array.ok_or("'values' is not an array")?;
                    // `__array(values, void (void))` of a prog array: its
                    // initial programs, slots libbpf fills after loading
                    let target = b.get(b.skip_mods(pointee(elem)?)?)?;
                    if target.kind == btf::KIND_FUNC_PROTO {
                        prog_values = true;
                        continue;
                    }
                    let (inner, nested) =
                        self.btf_map_struct(&format!("{name}.inner"), pointee(elem)?)?;
                    if nested.is_some() {
                        return Err("a map of maps of maps is not allowed".into());
                    }
                    template = Some(inner);
                }
                // `__ulong(map_extra, V)`: an enum of one value V (libbpf's
                // get_map_field_long() also takes the `__uint` form)
                "map_extra" => {
                    let t = b.get(b.skip_mods(*mty)?)?;
                    def.map_extra = match t.enums.as_slice() {
                        [(_, v)] if t.is_any_enum() => *v as u64,
                        _ => uint(*mty)? as u64,
                    };
                }
                "pinning" | "numa_node" => {}
                other => return Err(format!("member '{other}' is not modelled")),
            }
        }
        (def.map_type, def.unknown_type) = map_type_or_unknown(ty.ok_or("no map type")?)?;
        // libbpf's adjust_ringbuf_sz(): a ring buffer's size is rounded up to
        // a power-of-2 number of pages (0 stays 0, for the loader to set)
        if matches!(def.map_type, MapType::Ringbuf | MapType::UserRingbuf) {
            def.max_entries = crate::map_create::adjust_ringbuf_sz(def.max_entries);
        }
        // bpf_object__create_map(): libbpf creates these without BTF
        // types, so the kernel finds no special fields in their values
        if def.map_type.created_without_btf_types() {
            def.drop_btf_types();
        }
        // map_create(): a key type needs a value type; array_map_check_btf():
        // an array's key is a 32-bit integer. libbpf then retries without
        // BTF, and the map has no special fields
        if def.btf_typed {
            // BTF_INT_BITS 32 and BTF_INT_OFFSET 0
            let int32 = |id: u32| {
                b.skip_mods(id)
                    .and_then(|id| b.get(id))
                    .is_ok_and(|t| t.kind == btf::KIND_INT && t.int_enc & 0x00ff_00ff == 32)
            };
            let kind = |id: u32| {
                b.skip_mods(id)
                    .and_then(|id| b.get(id))
                    .map(|t| t.kind)
                    .ok()
            };
            // map_check_btf(): a map without a key type is refused unless
            // its type's map_check_btf takes one; each of those checks the
            // key (array_map_check_btf, trie_check_btf,
            // bloom_map_check_btf, bpf_local_storage_map_check_btf,
            // cgroup_storage_check_btf)
            let key_refused = match def.map_type {
                // a keyless array is only a global data section's
                MapType::Array | MapType::PercpuArray => key_ty.is_none_or(|k| !int32(k)),
                MapType::LpmTrie => key_ty.is_none_or(|k| kind(k) != Some(btf::KIND_STRUCT)),
                MapType::BloomFilter => key_ty.is_some(),
                MapType::SkStorage
                | MapType::InodeStorage
                | MapType::TaskStorage
                | MapType::CgrpStorage => key_ty.is_none_or(|k| !int32(k)),
                _ => key_ty.is_none(),
            };
            if (key_ty.is_some() && !value_typed) || (value_typed && key_refused) {
                def.btf_retry = Some(crate::map_create::CreateError::Invalid);
                def.drop_btf_types();
            }
        }
        if prog_values {
            if def.map_type != MapType::ProgArray {
                return Err("'values' of programs in a map that is not a prog array".into());
            }
            if def.value_size == 0 {
                def.value_size = 4;
            }
        }
        if template.is_some() {
            if !matches!(def.map_type, MapType::ArrayOfMaps | MapType::HashOfMaps) {
                return Err("'values' of maps in a map that does not hold maps".into());
            }
            // libbpf: an outer map's values are map ids
            if def.value_size == 0 {
                def.value_size = 4;
            }
        }
        Ok((def, template))
    }

    /// A legacy `struct bpf_map_def` in section `maps`.
    fn legacy_map(&self, sec: SectionIndex, off: u64, name: &str) -> Result<MapDef, String> {
        let data = self
            .file
            .section_by_index(sec)
            .map_err(|e| e.to_string())?
            .data()
            .map_err(|e| e.to_string())?;
        let word = |i: u64| -> Result<u32, String> {
            let at = usize::try_from(off + 4 * i).map_err(|_| "offset overflow")?;
            data.get(at..at + 4)
                .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
                .ok_or_else(|| "its definition runs past the section".to_string())
        };
        let (map_type, unknown_type) = map_type_or_unknown(word(0)?)?;
        Ok(MapDef {
            unknown_type,
            ..MapDef::new(name, map_type, word(1)?, word(2)?, word(3)?)
        })
    }

    fn read_funcs(&mut self) -> Result<(), ElfError> {
        let mut funcs = Vec::new();
        for sym in self.file.symbols() {
            if sym.kind() != SymbolKind::Text {
                continue;
            }
            let SymbolSection::Section(sec) = sym.section() else {
                continue;
            };
            if !self.code.iter().any(|(s, _)| *s == sec) {
                continue;
            }
            let name = sym.name().unwrap_or("").to_string();
            if sym.address() % 8 != 0 || sym.size() % 8 != 0 {
                return err(format!("function '{name}' is not aligned to instructions"));
            }
            let start = (sym.address() / 8) as usize;
            let len = (sym.size() / 8) as usize;
            let sec_len = self
                .code
                .iter()
                .find(|(s, _)| *s == sec)
                .map(|(_, c)| c.len())
                .unwrap_or(0);
            if len == 0 || start + len > sec_len {
                return err(format!("function '{name}' lies outside its section"));
            }
            funcs.push(Func {
                name,
                sec,
                start,
                len,
                // libbpf marks hidden and internal functions static in
                // BTF (mark_btf_static): only the others are global
                global: sym.is_global() && !matches!(sym.elf_symbol().st_visibility(), 1 | 2),
            });
        }
        funcs.sort_by_key(|f| (f.sec.0, f.start));
        self.funcs = funcs;
        Ok(())
    }

    fn read_relocs(&mut self) -> Result<(), ElfError> {
        for (sec, _) in &self.code {
            let s = self
                .file
                .section_by_index(*sec)
                .map_err(|e| ElfError(e.to_string()))?;
            let mut v = Vec::new();
            for (off, r) in s.relocations() {
                let RelocationFlags::Elf { r_type } = r.flags() else {
                    continue;
                };
                let RelocationTarget::Symbol(si) = r.target() else {
                    continue;
                };
                let sym = self
                    .file
                    .symbol_by_index(si)
                    .map_err(|e| ElfError(format!("relocation at {off}: {e}")))?;
                if off % 8 != 0 {
                    return err(format!("relocation at byte {off} is not on an instruction"));
                }
                v.push(Reloc {
                    insn: (off / 8) as usize,
                    r_type,
                    sym_name: sym.name().unwrap_or("").to_string(),
                    sym_section: sym.section_index(),
                    sym_value: sym.address(),
                    sym_undefined: sym.is_undefined(),
                    sym_weak: sym.is_weak(),
                });
            }
            self.relocs.push((*sec, v));
        }
        Ok(())
    }

    fn reloc_at(&self, sec: SectionIndex, insn: usize) -> Option<&Reloc> {
        self.relocs
            .iter()
            .find(|(s, _)| *s == sec)
            .and_then(|(_, v)| v.iter().find(|r| r.insn == insn))
    }

    /// The function of `.text` starting at instruction `idx`.
    /// The type (past modifiers and typedefs; 0: void, an untyped one) of
    /// the `__ksym` variable `name`: a VAR of the object's `.ksyms` DATASEC,
    /// as `bpf_object__collect_externs` finds it. None: not a ksym variable.
    fn ksym_var_type(&self, name: &str) -> Option<u32> {
        let b = self.btf.as_ref()?;
        let ds = b.get(b.find(btf::KIND_DATASEC, ".ksyms")?).ok()?;
        ds.members.iter().find_map(|(_, var, _)| {
            let v = b.get(*var).ok()?;
            if v.kind != btf::KIND_VAR || v.name != name {
                return None;
            }
            if v.size_or_type == 0 {
                return Some(0);
            }
            b.skip_mods(v.size_or_type).ok()
        })
    }

    /// The FUNC_PROTO of the kfunc extern `name` in the object's BTF (its
    /// extern FUNC), if the object has one.
    fn ksym_func_proto(&self, name: &str) -> Option<u32> {
        let b = self.btf.as_ref()?;
        let f = b.get(b.find(btf::KIND_FUNC, name)?).ok()?;
        Some(f.size_or_type)
    }

    fn subprog_at(&self, idx: i64, why: &str) -> Result<usize, ElfError> {
        self.funcs
            .iter()
            .position(|f| Some(f.sec) == self.text && f.start as i64 == idx)
            .ok_or_else(|| {
                ElfError(format!(
                    "{why}: no function starts at instruction {idx} of .text"
                ))
            })
    }

    /// libbpf's reading of `exception_callback:NAME` decl tags
    /// (`bpf_object__sanitize_and_load_btf`, libbpf 1.3+) for main function
    /// `main`: the `.text` function it names, or two tags (libbpf appends
    /// nothing and leaves the kernel to refuse them). A tag on anything but
    /// a global function fails every program of the object.
    fn exception_cb_of(&self, main: &Func) -> Result<Option<ExceptionCbTag>, ElfError> {
        const PREFIX: &str = "exception_callback:";
        let Some(b) = self.btf.as_ref() else {
            return Ok(None);
        };
        let mut found = None;
        for t in b.types.iter().filter(|t| {
            t.kind == btf::KIND_DECL_TAG && t.int_enc == u32::MAX && t.name.starts_with(PREFIX)
        }) {
            let target = b.get(t.size_or_type).ok();
            let Some(target) = target.filter(|x| x.kind == btf::KIND_FUNC && x.vlen == 1) else {
                return err(format!(
                    "prog '{}': exception_callback:<value> decl tag not applied to the main program",
                    main.name
                ));
            };
            if target.name != main.name {
                continue;
            }
            if found.is_some() {
                return Ok(Some(ExceptionCbTag::Multiple));
            }
            let name = &t.name[PREFIX.len()..];
            if name.is_empty() {
                return err(format!(
                    "prog '{}': exception_callback:<value> decl tag contains empty value",
                    main.name
                ));
            }
            let Some(k) = self
                .funcs
                .iter()
                .position(|f| Some(f.sec) == self.text && f.name == name)
            else {
                return err(format!(
                    "prog '{}': cannot find exception callback '{name}'",
                    main.name
                ));
            };
            if !self.funcs[k].global {
                return err(format!(
                    "prog '{}': exception callback {name} must be a global non-hidden function",
                    main.name
                ));
            }
            found = Some(ExceptionCbTag::Func(k));
        }
        Ok(found)
    }

    /// Program `fi` with its subprograms appended, relocated as libbpf does.
    fn program(
        &self,
        fi: usize,
        license: &str,
        opts: &LoadOptions,
    ) -> Result<ObjProgram, ElfError> {
        let main = &self.funcs[fi];
        // SEC("?NAME") is libbpf's NAME with autoload off; libbpf forgets
        // the '?' before it reads the section's program type
        let raw_section = self.section_name(main.sec);
        let section = raw_section.strip_prefix('?').unwrap_or(&raw_section);
        // bpf_object_load_prog(): a section the loader's libbpf has no
        // SEC_DEF for (a newer libbpf's `kprobe.session`, 1.4's `tcx/ingress`
        // to 1.1, an old `xdp_foo`) gives no program type; libbpf says so
        // when it loads the program, after the externs are resolved and the
        // maps created (`Program::missing_prog_type`), so it is read as any
        // program
        let missing_type = !libbpf_knows_section(section, opts.libbpf);
        let set_type = opts
            .prog_types
            .iter()
            .find(|(name, ..)| *name == main.name)
            .map(|(_, t, a)| (*t, *a));
        if set_type.is_some() && !missing_type {
            return err(format!(
                "program '{}': its section '{section}' gives libbpf its program type; a loader's type is taken only where the section gives none",
                main.name
            ));
        }
        let no_target = btf_section_without_target(section);
        let freplace = section == "freplace" || section.starts_with("freplace/");
        let prog_type = match (set_type, prog_type(section)) {
            (Some((t, _)), _) => t,
            (None, Some(t)) => t,
            (None, None) if missing_type || freplace => ProgType::SocketFilter,
            (None, None)
                if matches!(no_target, Some(AttachType::LsmMac | AttachType::LsmCgroup)) =>
            {
                ProgType::Lsm
            }
            (None, None) if no_target.is_some() => ProgType::Tracing,
            (None, None) => {
                return err(format!(
                "program '{}': section '{section}' names a program type veristep does not model",
                main.name
            ))
            }
        };
        let code = |f: &Func| -> Vec<Insn> {
            self.code
                .iter()
                .find(|(s, _)| *s == f.sec)
                .map(|(_, c)| c[f.start..f.start + f.len].to_vec())
                .unwrap_or_default()
        };
        let mut out = code(main);
        // where each function was appended (None: not in this program)
        let mut placed: Vec<Option<usize>> = vec![None; self.funcs.len()];
        let mut raw_map_fds = Vec::new();
        let mut unmodelled: Vec<(usize, String)> = Vec::new();
        let mut ksyms = Vec::new();
        placed[fi] = Some(0);
        let mut labels = vec![(main.name.clone(), 0usize)];
        // libbpf 1.3+ appends the main function's exception callback
        // (`__exception_cb(name)`) after its other subprograms
        let exception_cb = self.exception_cb_of(main)?;
        let mut exception_cb_pending = match exception_cb {
            Some(ExceptionCbTag::Func(k)) if opts.libbpf.is_1_4() => Some(k),
            _ => None,
        };
        // Depth first, as bpf_object__reloc_code() recurses: a stack of
        // (function, where it starts in `out`, next instruction to look at).
        let mut stack = vec![(fi, 0usize, 0usize)];
        loop {
            let Some((f, base, i)) = stack.pop() else {
                // bpf_object__relocate(): the exception callback, unless a
                // direct call already placed it
                match exception_cb_pending.take() {
                    Some(t) if placed[t].is_none() => {
                        let s = out.len();
                        out.extend(code(&self.funcs[t]));
                        placed[t] = Some(s);
                        labels.push((self.funcs[t].name.clone(), s));
                        stack.push((t, s, 0));
                        continue;
                    }
                    _ => break,
                }
            };
            let func = &self.funcs[f];
            if i >= func.len {
                continue;
            }
            stack.push((f, base, i + 1));
            let pos = base + i;
            let insn = out[pos];
            let reloc = self.reloc_at(func.sec, func.start + i);
            let is_ld64 = insn.code == BPF_LD | BPF_IMM | BPF_DW;
            let is_call = insn.code == BPF_JMP | BPF_CALL;
            let at = |what: &str| format!("program '{}', instruction {pos}: {what}", main.name);
            // the subprogram this instruction refers to, if any
            let mut target: Option<(usize, u8)> = None;
            if let Some(r) = reloc {
                let in_maps = self
                    .map_syms
                    .iter()
                    .find(|(s, off, _)| Some(*s) == r.sym_section && *off == r.sym_value);
                let in_data = self
                    .data_secs
                    .iter()
                    .find(|(s, _)| Some(*s) == r.sym_section);
                if is_ld64 && r.r_type == R_BPF_64_64 {
                    let used_map = in_maps.map(|(_, _, m)| *m).or(in_data.map(|(_, m)| *m));
                    if let Some((_, why)) =
                        used_map.and_then(|m| self.bad_maps.iter().find(|(b, _)| *b == m))
                    {
                        return err(format!("program '{}': not modelled: {why}", main.name));
                    }
                    if let Some((_, _, m)) = in_maps {
                        out[pos].src = BPF_PSEUDO_MAP_FD;
                        out[pos].imm = *m as i32;
                    } else if let (Some((_, m)), true) = (in_data, pos + 1 < out.len()) {
                        // a global variable: the map value at its offset
                        // (insn[1].imm = insn[0].imm + sym_off, as libbpf)
                        let off = insn.imm as i64 + r.sym_value as i64;
                        out[pos + 1].imm = off as i32;
                        out[pos].src = BPF_PSEUDO_MAP_VALUE;
                        out[pos].imm = *m as i32;
                    } else if let (true, Some((m, off)), true) = (
                        r.sym_undefined,
                        // a `.kconfig` extern: its place in the map (any
                        // other extern is a `__ksym`, below)
                        self.kconfig.as_ref().and_then(|(m, placed)| {
                            placed
                                .iter()
                                .find(|(n, _)| *n == r.sym_name)
                                .map(|(_, off)| (m, off))
                        }),
                        pos + 1 < out.len(),
                    ) {
                        out[pos + 1].imm = *off as i32 + insn.imm;
                        out[pos].src = BPF_PSEUDO_MAP_VALUE;
                        out[pos].imm = *m as i32;
                    } else if let (true, Some((local_type, func)), true) = (
                        r.sym_undefined,
                        self.ksym_var_type(&r.sym_name)
                            .map(|t| (t, false))
                            .or_else(|| self.ksym_func_proto(&r.sym_name).map(|p| (p, true))),
                        pos + 1 < out.len(),
                    ) {
                        // a `__ksym` extern, resolved per mode
                        // (`Program::relocated`): a typed one in the
                        // kernel's BTF, an untyped one to an address; a
                        // kfunc's address (bpf_ksym_exists()) to the kernel
                        // FUNC's BTF id, or 0 when a weak one is missing
                        out[pos].imm = 0;
                        out[pos + 1].imm = 0;
                        ksyms.push(crate::program::KsymSite {
                            insn: pos,
                            name: r.sym_name.clone(),
                            local_type,
                            weak: r.sym_weak,
                            func,
                            ext_idx: self.extern_idx.get(&r.sym_name).copied().unwrap_or(0),
                        });
                    } else if r.sym_section.is_some() && r.sym_section == self.text {
                        let byte = r.sym_value as i64 + insn.imm as i64;
                        if byte % 8 != 0 {
                            return err(at("a function address not on an instruction"));
                        }
                        target = Some((
                            self.subprog_at(byte / 8, &at("function address"))?,
                            BPF_PSEUDO_FUNC,
                        ));
                    } else {
                        let sec = r
                            .sym_section
                            .map(|s| self.section_name(s))
                            .unwrap_or_default();
                        return err(at(&format!(
                            "ld_imm64 of '{}'{}: global data and kernel symbols are not modelled",
                            r.sym_name,
                            if sec.is_empty() {
                                String::new()
                            } else {
                                format!(" in {sec}")
                            }
                        )));
                    }
                } else if is_call && r.r_type == R_BPF_64_32 {
                    if r.sym_undefined {
                        // a ___flavor names the kernel function before it
                        // (libbpf's essent_name)
                        let essential = crate::relo_core::essential_name(&r.sym_name);
                        // a __weak one may be missing from the kernel, and
                        // libbpf then poisons its call: it is looked up
                        // first (Program::relocated), and refused as not
                        // modelled only if the kernel has it
                        if !crate::kfuncs::is_modelled(essential) && !r.sym_weak {
                            unmodelled.push((pos, r.sym_name.clone()));
                        }
                        // a test kfunc carries 6.1's id until relocated;
                        // any other is found in each kernel's BTF
                        out[pos].src = BPF_PSEUDO_KFUNC_CALL;
                        out[pos].imm = crate::kfuncs::by_name(essential)
                            .map(|k| k.btf_id)
                            .unwrap_or(0);
                        // libbpf finds it in the running kernel's BTF
                        if let Some(proto) = self.ksym_func_proto(&r.sym_name) {
                            ksyms.push(crate::program::KsymSite {
                                insn: pos,
                                name: r.sym_name.clone(),
                                local_type: proto,
                                weak: r.sym_weak,
                                func: true,
                                ext_idx: self.extern_idx.get(&r.sym_name).copied().unwrap_or(0),
                            });
                        }
                    } else if r.sym_section.is_some() && r.sym_section == self.text {
                        let idx = (r.sym_value / 8) as i64 + insn.imm as i64 + 1;
                        target = Some((self.subprog_at(idx, &at("call"))?, BPF_PSEUDO_CALL));
                    } else {
                        return err(at(&format!(
                            "a call to '{}' outside .text (subprograms must be in .text)",
                            r.sym_name
                        )));
                    }
                }
            } else if is_ld64 && matches!(insn.src, BPF_PSEUDO_MAP_FD | BPF_PSEUDO_MAP_VALUE) {
                raw_map_fds.push(pos);
            } else if is_call && insn.src == BPF_PSEUDO_CALL {
                // a static call within the same section, no relocation
                if Some(func.sec) != self.text {
                    return err(at(
                        "a call within a program's own section (subprograms must be in .text)",
                    ));
                }
                let idx = (func.start + i) as i64 + insn.imm as i64 + 1;
                target = Some((self.subprog_at(idx, &at("call"))?, BPF_PSEUDO_CALL));
            }
            if let Some((t, src)) = target {
                let start = match placed[t] {
                    Some(s) => s,
                    None => {
                        let s = out.len();
                        out.extend(code(&self.funcs[t]));
                        placed[t] = Some(s);
                        labels.push((self.funcs[t].name.clone(), s));
                        // relocate it now, before going on (depth first)
                        stack.push((t, s, 0));
                        s
                    }
                };
                out[pos].src = src;
                out[pos].imm = (start as i64 - pos as i64 - 1) as i32;
            }
        }
        // line info of every placed function, moved to where it was placed
        let mut line_info = Vec::new();
        for (f, at) in placed.iter().enumerate() {
            let Some(at) = at else { continue };
            let func = &self.funcs[f];
            let sec = self.section_name(func.sec);
            if let Some((_, recs)) = self.lines.iter().find(|(n, _)| *n == sec) {
                for (off, line, file, line_num) in recs {
                    let i = (*off / 8) as usize;
                    if *off % 8 == 0 && i >= func.start && i < func.start + func.len {
                        line_info.push(crate::program::LineInfo {
                            insn: at + i - func.start,
                            line: line.clone(),
                            file: file.clone(),
                            line_num: *line_num,
                        });
                    }
                }
            }
        }
        line_info.sort_by_key(|l| l.insn);
        // CO-RE relocations, placed: applied per kernel (`Program::relocated`)
        // in libbpf's order, the records' (section, then record) order
        let mut core_relos = Vec::new();
        for (sec, recs) in &self.core {
            for (index, r) in recs.iter().enumerate() {
                let i = (r.insn_off / 8) as usize;
                let placed_at = placed.iter().enumerate().find_map(|(f, at)| {
                    let func = &self.funcs[f];
                    (at.is_some()
                        && self.section_name(func.sec) == *sec
                        && i >= func.start
                        && i < func.start + func.len)
                        .then(|| at.map(|at| at + i - func.start))
                        .flatten()
                });
                if let (Some(insn), true) = (placed_at, r.insn_off % 8 == 0) {
                    core_relos.push(crate::relo_core::Site {
                        insn,
                        index,
                        relo: r.clone(),
                    });
                }
            }
        }
        // BTF of every placed function (its FUNC by name)
        let mut func_btf = Vec::new();
        if let Some(b) = self.btf.as_ref() {
            for (f, at) in placed.iter().enumerate() {
                let Some(at) = at else { continue };
                let name = &self.funcs[f].name;
                if let Some(mut fb) = func_btf_of(b, name, *at, prog_type) {
                    // the program itself is global too, but never skipped
                    fb.global = self.funcs[f].global && *at != 0;
                    func_btf.push(fb);
                }
            }
        }
        // every `__ksym` extern of the object: libbpf resolves them all,
        // in order of name, before it loads any program
        // (bpf_object__resolve_externs), so one the kernel lacks fails
        // every program of the object
        let mut object_ksyms: Vec<crate::program::KsymSite> = Vec::new();
        for r in self
            .relocs
            .iter()
            .flat_map(|(_, v)| v.iter())
            .filter(|r| r.sym_undefined)
        {
            if object_ksyms.iter().any(|k| k.name == r.sym_name) {
                continue;
            }
            let Some((local_type, func)) = self
                .ksym_var_type(&r.sym_name)
                .map(|t| (t, false))
                .or_else(|| self.ksym_func_proto(&r.sym_name).map(|p| (p, true)))
            else {
                continue;
            };
            object_ksyms.push(crate::program::KsymSite {
                insn: 0,
                name: r.sym_name.clone(),
                local_type,
                weak: r.sym_weak,
                func,
                ext_idx: self.extern_idx.get(&r.sym_name).copied().unwrap_or(0),
            });
        }
        object_ksyms.sort_by(|a, b| a.name.cmp(&b.name));
        let mut program = Program::new(out);
        program.exception_cb = match exception_cb {
            // (libbpf 1.1 appends none: a callback main does not call is
            // not in the program)
            Some(ExceptionCbTag::Func(k)) => placed[k]
                .map(crate::program::ExceptionCb::At)
                .unwrap_or(if opts.libbpf.is_1_4() {
                    crate::program::ExceptionCb::None
                } else {
                    crate::program::ExceptionCb::NotInFuncInfo
                }),
            Some(ExceptionCbTag::Multiple) => crate::program::ExceptionCb::MultipleTags,
            None => crate::program::ExceptionCb::None,
        };
        program.raw_map_fds = raw_map_fds;
        program.line_info = line_info;
        // no func info without the BTF it indexes: every subprogram static
        program.func_btf = if self.btf_refused {
            Vec::new()
        } else {
            func_btf
        };
        program.no_func_info = program.func_btf.is_empty();
        program.btf_refused = self.btf_refused;
        program.btf_metas_refused = self.btf_metas_refused;
        if !core_relos.is_empty() || !ksyms.is_empty() || !object_ksyms.is_empty() {
            program.obj_btf = self.btf.clone();
        }
        program.object_ksyms = object_ksyms;
        program.unmodelled_kfuncs = unmodelled;
        program.missing_prog_type =
            (missing_type && set_type.is_none()).then(|| section.to_string());
        program.freplace = freplace.then(|| section.to_string());
        program.struct_ops_link_maps = self.struct_ops_link_maps.clone();
        program.libbpf = self.libbpf;
        program.object_struct_ops = self.object_struct_ops.clone();
        program.core_relos = core_relos;
        program.ksyms = ksyms;
        program.prog_type = prog_type;
        program.expected_attach_type = match set_type {
            Some((_, attach)) => attach,
            None => attach_type(section).or(no_target),
        };
        program.no_attach_target = no_target.is_some();
        program.attach_to = btf_target(section).map(|(_, t)| t.to_string());
        if prog_type == ProgType::StructOps {
            match self.struct_ops.iter().find(|(p, _, _)| *p == main.name) {
                Some((_, slot, var)) => {
                    program.expected_attach_type = Some(if slot.ends_with("/release") {
                        AttachType::StructOpsRelease
                    } else {
                        AttachType::StructOps
                    });
                    program.attach_to = Some(slot.clone());
                    program.struct_ops_map = Some(var.clone());
                }
                // in no struct_ops map: libbpf 1.4's bpf_object_load_prog()
                // refuses it once the object's maps are created
                // (`Program::relocated`); 1.1 loads it as it is, with
                // attach_btf_id 0, which the verifier refuses
                None => program.struct_ops_unreferenced = self.libbpf.is_1_4(),
            }
        }
        program.sleepable = matches!(
            section.split('/').next(),
            Some(
                "lsm.s"
                    | "iter.s"
                    | "uprobe.s"
                    | "uretprobe.s"
                    | "uprobe.multi.s"
                    | "uretprobe.multi.s"
                    | "usdt.s"
                    | "fentry.s"
                    | "fexit.s"
                    | "fmod_ret.s"
                    | "struct_ops.s"
            )
        );
        for (_, bits) in opts.prog_flags.iter().filter(|(n, _)| *n == main.name) {
            program.add_prog_flags(*bits);
        }
        program.license = license.to_string();
        program.maps = self.maps.clone();
        program.labels = labels;
        // a map of no entries: libbpf's map creation fails (EINVAL), as the
        // kernel-side load does, unless the tool's loader sets its size
        // first (bpf_map__set_max_entries): say how to verify it as sized
        let unsupported = crate::map_create::sized_at_run_time(&program.maps).next().map(|m| {
            format!(
                "map '{}' has max_entries 0: libbpf cannot create it (EINVAL), so the object does not load, as on the kernel; its loader sets the size at run time (veristep verify --map-entries {}=N, or give the .map line a size)",
                m.name, m.name
            )
        });
        Ok(ObjProgram {
            name: main.name.clone(),
            section: section.to_string(),
            program,
            unsupported,
        })
    }
}

/// The graph fields of a map value's record; a record the kernel refuses
/// (`map_check_btf()`) is not modelled.
fn graph_fields(
    rec: Result<Option<crate::btf_record::Record>, crate::btf_record::ParseError>,
) -> Result<Vec<crate::btf_record::Field>, String> {
    use crate::btf_record::FieldType as F;
    match rec {
        Ok(r) => Ok(r
            .map(|r| {
                r.fields
                    .into_iter()
                    .filter(|f| {
                        matches!(
                            f.ty,
                            F::ListHead | F::ListNode | F::RbRoot | F::RbNode | F::Refcount
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()),
        Err(errno) => Err(format!(
            "not modelled: the kernel refuses its value's special fields (btf_parse_fields: errno {errno})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::prog_type;
    use crate::program::ProgType;

    #[test]
    fn ring_buffer_sizes_as_libbpf_adjusts_them() {
        use crate::map_create::adjust_ringbuf_sz as a;
        assert_eq!(a(0), 0);
        assert_eq!(a(4096), 4096);
        assert_eq!(a(5000), 8192);
        assert_eq!(a(1), 4096);
        assert_eq!(a(3 * 4096), 4 * 4096);
        assert_eq!(a(1 << 31), 1 << 31);
        assert_eq!(a((1 << 31) + 1), (1 << 31) + 1);
    }

    #[test]
    fn an_object_of_old_llvm_without_a_machine_loads_as_libbpf_loads_it() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/c/obj/timer_and_loop.o"
        );
        let mut bytes = std::fs::read(path).expect("the object");
        // e_machine, at byte 18: EM_NONE, as LLVM before 4.0 wrote it
        bytes[18..20].copy_from_slice(&[0, 0]);
        let o = super::load_named_with(&bytes, "old.o", &Default::default()).expect("loads");
        assert!(!o.programs.is_empty());
        // another machine's object is no BPF object
        bytes[18..20].copy_from_slice(&62u16.to_le_bytes());
        let e = super::load_named_with(&bytes, "x86.o", &Default::default()).err();
        assert_eq!(
            e.map(|e| e.0),
            Some("elf: x86.o is not a valid eBPF object file".to_string())
        );
    }

    #[test]
    fn internal_map_names_as_libbpf_makes_them() {
        use super::internal_map_name as n;
        assert_eq!(n("tr_fexit_ret", ".bss"), "tr_fexit.bss");
        assert_eq!(n("my_object_name", ".rodata"), "my_objec.rodata");
        assert_eq!(n("my_object_name", ".kconfig"), "my_obje.kconfig");
        assert_eq!(n("x", ".data"), "x.data");
        assert_eq!(n("obj", ".rodata.str1.1"), ".rodata.str1.1");
        assert_eq!(n("obj", ".rodata.abracadabra"), ".rodata.abracad");
        assert_eq!(n("a-b", ".bss"), "a_b.bss");
    }

    #[test]
    fn libbpf_section_names() {
        for (sec, pt) in [
            ("sk_skb/stream_parser", Some(ProgType::SkSkb)),
            ("sk_skb/stream_verdict", Some(ProgType::SkSkb)),
            ("cgroup/skb", Some(ProgType::CgroupSkb)),
            ("cgroup_skb/egress", Some(ProgType::CgroupSkb)),
            ("cgroup/connect4", Some(ProgType::CgroupSockAddr)),
            ("cgroup/getsockname6", Some(ProgType::CgroupSockAddr)),
            ("cgroup/post_bind4", Some(ProgType::CgroupSock)),
            ("cgroup/sock", Some(ProgType::CgroupSock)),
            ("cgroup/dev", Some(ProgType::CgroupDevice)),
            ("cgroup/sysctl", Some(ProgType::CgroupSysctl)),
            ("cgroup/getsockopt", Some(ProgType::CgroupSockopt)),
            // libbpf 1.4 (the loader's) knows the unix hooks; 6.1 refuses them at load
            ("cgroup/sendmsg_unix", Some(ProgType::CgroupSockAddr)),
            ("flow_dissector", Some(ProgType::FlowDissector)),
            ("sk_reuseport", Some(ProgType::SkReuseport)),
            ("sk_reuseport/migrate", Some(ProgType::SkReuseport)),
            (
                "raw_tp.w/bpf_test_finish",
                Some(ProgType::RawTracepointWritable),
            ),
            ("sk_lookup", Some(ProgType::SkLookup)),
            ("lwt_xmit", Some(ProgType::LwtXmit)),
            ("lwt_seg6local", Some(ProgType::LwtSeg6local)),
            ("iter/task", Some(ProgType::Tracing)),
            ("fentry/do_nanosleep", Some(ProgType::Tracing)),
            ("tp_btf/sched_switch", Some(ProgType::Tracing)),
            ("lsm/file_open", Some(ProgType::Lsm)),
            ("fentry.s/do_nanosleep", Some(ProgType::Tracing)),
            ("cgroup/connect_unix", Some(ProgType::CgroupSockAddr)),
            ("perf_event", Some(ProgType::PerfEvent)),
            ("sk_msg", Some(ProgType::SkMsg)),
            ("sockops", Some(ProgType::SockOps)),
            ("ksyscall/openat", Some(ProgType::Kprobe)),
        ] {
            assert_eq!(prog_type(sec), pt, "{sec}");
        }
    }
}
