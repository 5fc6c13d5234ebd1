//! CO-RE relocations as libbpf 1.1 applies them before loading
//! (`tools/lib/bpf/relo_core.c`, `libbpf.c`'s `bpf_object__relocate_core`):
//! each relocation names a type of the object's BTF, an access string
//! (`0:24:1`, the members and indices the C expression walked) and what
//! it wants (a field's byte offset or size, whether it exists, an enum's
//! value...). libbpf finds the kernel's types of the same essential name
//! (`task_struct___old` is `task_struct`), matches the access against each,
//! computes the value and patches the instruction's immediate or offset.
//! One that finds nothing is poisoned: the instruction becomes
//! `call unknown#195896080` (0xbad2310), which the verifier rejects if the
//! walk reaches it and ignores in dead code.
//!
//! The kernel's BTF is the modelled kernel's own (6.1 or 6.12), so the same
//! object is relocated differently for each mode, as it would be on each
//! kernel.

use crate::btf::{
    self, Btf, CoreRelo, Type, KIND_ARRAY, KIND_ENUM, KIND_ENUM64, KIND_FLOAT, KIND_FUNC_PROTO,
    KIND_FWD, KIND_INT, KIND_PTR, KIND_STRUCT, KIND_UNION,
};
use crate::insn::{self, Insn};
use std::collections::HashMap;

// enum bpf_core_relo_kind
pub const FIELD_BYTE_OFFSET: u32 = 0;
pub const FIELD_BYTE_SIZE: u32 = 1;
pub const FIELD_EXISTS: u32 = 2;
pub const FIELD_SIGNED: u32 = 3;
pub const FIELD_LSHIFT_U64: u32 = 4;
pub const FIELD_RSHIFT_U64: u32 = 5;
pub const TYPE_ID_LOCAL: u32 = 6;
pub const TYPE_ID_TARGET: u32 = 7;
pub const TYPE_EXISTS: u32 = 8;
pub const TYPE_SIZE: u32 = 9;
pub const ENUMVAL_EXISTS: u32 = 10;
pub const ENUMVAL_VALUE: u32 = 11;
pub const TYPE_MATCHES: u32 = 12;

/// `BPF_CORE_SPEC_MAX_LEN`: the deepest access string.
const SPEC_MAX_LEN: usize = 64;
/// The immediate of a poisoned instruction (`bpf_core_poison_insn`).
pub const POISON_IMM: i32 = 195_896_080;
/// `POISON_CALL_KFUNC_BASE` of libbpf: a poisoned kfunc call's helper id
/// (plus the extern's index, which libbpf's log fixup hides again).
pub const POISON_CALL_KFUNC_BASE: i32 = 2_002_000_000;

/// One relocation of a program, placed: the instruction it patches in the
/// program as loaded, and its record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    pub insn: usize,
    /// Its index among its section's records (libbpf's `relo #N`).
    pub index: usize,
    pub relo: CoreRelo,
}

/// What a relocation did, for people (the listing and `disasm`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    pub insn: usize,
    /// libbpf's kind name (`byte_off`, `field_exists`, ...).
    pub kind: &'static str,
    /// The local spec in libbpf's words (`struct task_struct.pid (0:50)`).
    pub spec: String,
    /// The compiled value and the kernel's, or None when poisoned.
    pub values: Option<(u64, u64)>,
}

/// Relocation failed as libbpf fails (the object does not load).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReloError(pub String);

fn is_flavor_sep(s: &[u8]) -> bool {
    // X___Y: a non-underscore, three underscores, a non-underscore
    s.len() >= 5 && s[0] != b'_' && &s[1..4] == b"___" && s[4] != b'_'
}

/// `bpf_core_essential_name_len()`: the name before its last `___flavor`.
pub fn essential_name(name: &str) -> &str {
    let b = name.as_bytes();
    let n = b.len();
    if n >= 5 {
        for i in (0..=n - 5).rev() {
            if is_flavor_sep(&b[i..]) {
                return &name[..i + 1];
            }
        }
    }
    name
}

/// `btf_kind_core_compat()`
fn kind_core_compat(a: &Type, b: &Type) -> bool {
    a.kind == b.kind || (a.is_any_enum() && b.is_any_enum())
}

/// A type through typedefs and qualifiers, with its id.
fn skip(btf: &Btf, id: u32) -> Option<(u32, &Type)> {
    let id = btf.skip_mods(id).ok()?;
    Some((id, btf.get(id).ok()?))
}

/// `btf__resolve_size()`
fn resolve_size(btf: &Btf, id: u32) -> Option<u64> {
    let mut id = id;
    // a VAR's type, a bounded number of times (a VAR of itself is damaged)
    for _ in 0..32 {
        let (skipped, t) = skip(btf, id)?;
        if t.kind != btf::KIND_VAR {
            return btf.size_of(skipped).ok().map(u64::from);
        }
        id = t.size_or_type;
    }
    None
}

/// `struct bpf_core_accessor`
#[derive(Clone, Debug)]
struct Accessor {
    type_id: u32,
    idx: u32,
    name: Option<String>,
}

/// `struct bpf_core_spec`: the high-level accessors (named fields, array
/// indices), the raw access string and the bit offset it reaches.
#[derive(Clone, Debug)]
struct Spec<'a> {
    btf: &'a Btf,
    root_type_id: u32,
    kind: u32,
    spec: Vec<Accessor>,
    raw: Vec<u32>,
    bit_offset: u64,
}

impl<'a> Spec<'a> {
    fn new(btf: &'a Btf, root_type_id: u32, kind: u32) -> Self {
        Spec {
            btf,
            root_type_id,
            kind,
            spec: Vec::new(),
            raw: Vec::new(),
            bit_offset: 0,
        }
    }
}

fn is_field_based(kind: u32) -> bool {
    kind <= FIELD_RSHIFT_U64
}
fn is_type_based(kind: u32) -> bool {
    matches!(
        kind,
        TYPE_ID_LOCAL | TYPE_ID_TARGET | TYPE_EXISTS | TYPE_MATCHES | TYPE_SIZE
    )
}
fn is_enumval_based(kind: u32) -> bool {
    matches!(kind, ENUMVAL_EXISTS | ENUMVAL_VALUE)
}

/// `is_flex_arr()`: an array of no elements, last member of its struct.
fn is_flex_arr(btf: &Btf, parent: Option<&Accessor>, nelems: u32) -> bool {
    let Some(acc) = parent else { return false };
    if acc.name.is_none() || nelems > 0 {
        return false;
    }
    btf.get(acc.type_id)
        .map(|t| t.vlen > 0 && acc.idx == t.vlen - 1)
        .unwrap_or(false)
}

/// `bpf_core_parse_spec()`: Err is libbpf's -EINVAL (the object fails).
fn parse_spec<'a>(btf: &'a Btf, relo: &CoreRelo) -> Result<Spec<'a>, ()> {
    let s = relo.access.as_str();
    if s.is_empty() || s.starts_with(':') {
        return Err(());
    }
    let mut spec = Spec::new(btf, relo.type_id, relo.kind);
    if is_type_based(relo.kind) {
        return if s == "0" { Ok(spec) } else { Err(()) };
    }
    // sscanf("%d") per element, ':'-separated
    for part in s.split(':') {
        let digits = part
            .char_indices()
            .take_while(|&(i, c)| c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+')))
            .count();
        if digits == 0 || digits != part.len() {
            return Err(());
        }
        let v: i64 = part.parse().map_err(|_| ())?;
        if spec.raw.len() == SPEC_MAX_LEN {
            return Err(());
        }
        if !(0..=i32::MAX as i64).contains(&v) {
            // a negative index fails every bounds check below
            return Err(());
        }
        spec.raw.push(v as u32);
    }
    let (mut id, t) = skip(btf, relo.type_id).ok_or(())?;
    let first = spec.raw[0];
    spec.spec.push(Accessor {
        type_id: id,
        idx: first,
        name: None,
    });
    if is_enumval_based(relo.kind) {
        if !t.is_any_enum() || spec.raw.len() > 1 || first as usize >= t.enums.len() {
            return Err(());
        }
        spec.spec[0].name = Some(t.enums[first as usize].0.clone());
        return Ok(spec);
    }
    if !is_field_based(relo.kind) {
        return Err(());
    }
    let sz = resolve_size(btf, id).ok_or(())?;
    spec.bit_offset = u64::from(first).checked_mul(sz * 8).ok_or(())?;
    for i in 1..spec.raw.len() {
        let (tid, t) = skip(btf, id).ok_or(())?;
        id = tid;
        let idx = spec.raw[i];
        if t.is_composite() {
            let m = t.members.get(idx as usize).ok_or(())?;
            spec.bit_offset = spec.bit_offset.checked_add(u64::from(m.2)).ok_or(())?;
            if !m.0.is_empty() {
                spec.spec.push(Accessor {
                    type_id: id,
                    idx,
                    name: Some(m.0.clone()),
                });
            }
            id = m.1;
        } else if let Some((elem, nelems)) = t.array {
            let (eid, _) = skip(btf, elem).ok_or(())?;
            let flex = is_flex_arr(btf, spec.spec.last(), nelems);
            if !flex && idx >= nelems {
                return Err(());
            }
            id = eid;
            spec.spec.push(Accessor {
                type_id: id,
                idx,
                name: None,
            });
            let sz = resolve_size(btf, id).ok_or(())?;
            let add = u64::from(idx).checked_mul(sz * 8).ok_or(())?;
            spec.bit_offset = spec.bit_offset.checked_add(add).ok_or(())?;
        } else {
            return Err(());
        }
    }
    Ok(spec)
}

/// `__bpf_core_types_are_compat()`: Ok(false) not compatible, Err on a
/// chain too deep.
fn types_are_compat(lb: &Btf, lid: u32, tb: &Btf, tid: u32, level: i32) -> Result<bool, ()> {
    let (lt, tt) = (lb.get(lid).map_err(|_| ())?, tb.get(tid).map_err(|_| ())?);
    if !kind_core_compat(lt, tt) {
        return Ok(false);
    }
    let (mut lid, mut tid) = (lid, tid);
    for _ in 0..32 {
        let (_, lt) = skip(lb, lid).ok_or(())?;
        let (_, tt) = skip(tb, tid).ok_or(())?;
        if !kind_core_compat(lt, tt) {
            return Ok(false);
        }
        match lt.kind {
            0 | KIND_STRUCT | KIND_UNION | KIND_ENUM | KIND_FWD | KIND_ENUM64 => return Ok(true),
            KIND_INT => return Ok(lt.int_offset() == 0 && tt.int_offset() == 0),
            KIND_PTR => {
                lid = lt.size_or_type;
                tid = tt.size_or_type;
            }
            KIND_ARRAY => {
                lid = lt.array.map(|a| a.0).unwrap_or(0);
                tid = tt.array.map(|a| a.0).unwrap_or(0);
            }
            KIND_FUNC_PROTO => {
                if lt.members.len() != tt.members.len() {
                    return Ok(false);
                }
                for (lp, tp) in lt.members.iter().zip(&tt.members) {
                    if level <= 0 {
                        return Err(());
                    }
                    let (la, _) = skip(lb, lp.1).ok_or(())?;
                    let (ta, _) = skip(tb, tp.1).ok_or(())?;
                    if !types_are_compat(lb, la, tb, ta, level - 1)? {
                        return Ok(false);
                    }
                }
                lid = skip(lb, lt.size_or_type).ok_or(())?.0;
                tid = skip(tb, tt.size_or_type).ok_or(())?.0;
            }
            _ => return Ok(false),
        }
    }
    Err(())
}

/// libbpf 1.1's `bpf_object__resolve_ksym_var_btf_id()` and its part of
/// `bpf_object__relocate_data()`: a typed `__ksym` extern is the kernel's
/// BTF VAR of that name, whose type must be compatible with the object's
/// (`bpf_core_types_are_compat`); its `ld_imm64` then loads that VAR's id
/// (`BPF_PSEUDO_BTF_ID`, BTF object fd 0: vmlinux). A `__weak` one the
/// kernel does not have loads 0; any other miss fails the load.
/// `kallsyms_read`: the object has an untyped one too, so libbpf has read
/// `/proc/kallsyms`, whose `kallsyms_cb()` marks every VAR extern of a
/// name it lists resolved, typed or not; a weak typed one the BTF lacks
/// (any global but a per-CPU one) then keeps that mark and is loaded as
/// `BPF_PSEUDO_BTF_ID` of id 0, which the verifier refuses.
pub fn resolve_ksym(
    insns: &mut [crate::insn::Insn],
    k: &crate::program::KsymSite,
    local: &Btf,
    kernel: &KernelBtf,
    libbpf: crate::program::Libbpf,
    kallsyms_read: bool,
) -> Result<bool, ReloError> {
    let kb = &kernel.btf;
    if k.func {
        return resolve_kfunc(insns, k, local, kb, libbpf);
    }
    if k.local_type == 0 {
        return resolve_untyped_ksym(insns, k, kernel).map(|()| true);
    }
    let Some(id) = kb.find(btf::KIND_VAR, &k.name) else {
        if k.weak {
            let listed = kernel
                .kallsyms
                .as_ref()
                .is_some_and(|s| s.lookup(&k.name) != crate::kallsyms::Symbol::Missing);
            if kallsyms_read && listed && k.insn + 1 < insns.len() {
                insns[k.insn].src = crate::insn::BPF_PSEUDO_BTF_ID;
                insns[k.insn].imm = 0;
                insns[k.insn + 1].imm = 0;
            }
            return Ok(true);
        }
        return Err(ReloError(format!(
            "extern (var ksym) '{}': not found in kernel BTF",
            k.name
        )));
    };
    let targ = kb.get(id).map_err(ReloError)?.size_or_type;
    let (targ_id, _) = skip(kb, targ).ok_or_else(|| {
        ReloError(format!(
            "extern (var ksym) '{}': the kernel's BTF is damaged",
            k.name
        ))
    })?;
    let describe = |b: &Btf, id: u32| match b.get(id) {
        Ok(t) => format!("[{id}] {} {}", btf::kind_str(t.kind), t.name),
        Err(_) => format!("[{id}]"),
    };
    if !matches!(
        types_are_compat(local, k.local_type, kb, targ_id, 32),
        Ok(true)
    ) {
        return Err(ReloError(format!(
            "extern (var ksym) '{}': incompatible types, expected {}, but kernel has {}",
            k.name,
            describe(local, k.local_type),
            describe(kb, targ_id)
        )));
    }
    let (Some(first), true) = (insns.get(k.insn).copied(), k.insn + 1 < insns.len()) else {
        return Err(ReloError(format!(
            "extern (var ksym) '{}': its ld_imm64 is outside the program",
            k.name
        )));
    };
    insns[k.insn] = crate::insn::Insn {
        src: crate::insn::BPF_PSEUDO_BTF_ID,
        imm: id as i32,
        ..first
    };
    insns[k.insn + 1].imm = 0;
    Ok(true)
}

/// A kernel symbol's address as the model gives it (`/proc/kallsyms` is
/// not part of the modelled kernels): an FNV-1a hash of the name in the
/// kernel text's range, stable across runs and builds.
pub(crate) fn kallsyms_addr(name: &str) -> u64 {
    let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    0xffff_ffff_8100_0000 + (h & 0x00ff_fff0)
}

/// What libbpf's `bpf_object__resolve_externs()` says of the object's
/// VAR `__ksym` externs once it has read `/proc/kallsyms` (for an untyped
/// one), before it resolves the typed ones: a name kallsyms holds at two
/// addresses (`kallsyms_cb()`; the addresses are KASLR's, veristep's
/// stand-ins here).
pub fn untyped_ksym_ambiguity(
    ksyms: &[crate::program::KsymSite],
    kernel: &KernelBtf,
) -> Result<(), ReloError> {
    let Some(syms) = kernel.kallsyms.as_ref() else {
        return Ok(());
    };
    // read only for an untyped one; then every VAR extern is looked up
    if !needs_kallsyms(ksyms) {
        return Ok(());
    }
    match ksyms
        .iter()
        .filter(|k| !k.func)
        .find(|k| syms.lookup(&k.name) == crate::kallsyms::Symbol::Ambiguous)
    {
        Some(k) => {
            let a = kallsyms_addr(&k.name);
            Err(ReloError(format!(
                "extern (ksym) '{}': resolution is ambiguous: 0x{a:x} or 0x{:x}",
                k.name,
                a + 0x10
            )))
        }
        None => Ok(()),
    }
}

/// libbpf reads `/proc/kallsyms` for an object with an untyped `__ksym`.
pub fn needs_kallsyms(ksyms: &[crate::program::KsymSite]) -> bool {
    ksyms.iter().any(|k| k.untyped_var())
}

/// The end of libbpf's `bpf_object__resolve_externs()`: a strong untyped
/// `__ksym` extern that `/proc/kallsyms` lacks fails the load (ESRCH); a
/// weak one stays 0.
pub fn untyped_ksym_failure(
    ksyms: &[crate::program::KsymSite],
    kernel: &KernelBtf,
) -> Result<(), ReloError> {
    let Some(syms) = kernel.kallsyms.as_ref() else {
        return Ok(());
    };
    match ksyms.iter().find(|k| {
        k.untyped_var() && !k.weak && syms.lookup(&k.name) == crate::kallsyms::Symbol::Missing
    }) {
        Some(k) => Err(ReloError(format!(
            "extern '{}' (strong): not resolved",
            k.name
        ))),
        None => Ok(()),
    }
}

/// An untyped `__ksym` (`extern const void X __ksym;`): libbpf writes the
/// symbol's address from `/proc/kallsyms` into the `ld_imm64`, a plain
/// constant to the verifier, or 0 for a name kallsyms lacks (a strong one
/// then fails the load: [`untyped_ksym_failure`]). A per-CPU variable's
/// address is its offset in `.data..percpu` (absolute, not moved by KASLR),
/// read from the kernel's BTF. Any other address is chosen at boot by
/// KASLR: veristep stands in a fixed address in the kernel's text range
/// (`0xffffffff8.......`, from the name). Without the kernel's symbol list
/// (a BTF file of no `# /proc/kallsyms` part) every name exists.
fn resolve_untyped_ksym(
    insns: &mut [crate::insn::Insn],
    k: &crate::program::KsymSite,
    kernel: &KernelBtf,
) -> Result<(), ReloError> {
    let kb = &kernel.btf;
    let missing = kernel
        .kallsyms
        .as_ref()
        .is_some_and(|s| s.lookup(&k.name) == crate::kallsyms::Symbol::Missing);
    let percpu = kb.find(btf::KIND_VAR, &k.name).and_then(|var| {
        let sec = kb.get(kb.find(btf::KIND_DATASEC, ".data..percpu")?).ok()?;
        sec.members
            .iter()
            .find(|(_, v, _)| *v == var)
            .map(|(_, _, off)| *off as u64)
    });
    let addr = if missing {
        0
    } else {
        percpu.unwrap_or_else(|| kallsyms_addr(&k.name))
    };
    if k.insn + 1 >= insns.len() {
        return Err(ReloError(format!(
            "extern (ksym) '{}': its ld_imm64 is outside the program",
            k.name
        )));
    }
    insns[k.insn].src = 0;
    insns[k.insn].imm = addr as u32 as i32;
    insns[k.insn + 1].imm = (addr >> 32) as u32 as i32;
    Ok(())
}

/// libbpf's `bpf_object__resolve_ksym_func_btf_id()`: a kfunc extern
/// is the kernel's FUNC of that name, its prototype compatible with the
/// object's; the call then carries that FUNC's id (vmlinux: `off` 0).
/// Linux 6.12 has no test kfuncs in vmlinux (they are bpf_testmod's), so
/// an object calling them does not load there, as on the real kernel.
/// A weak one the kernel lacks is poisoned (`poison_kfunc_call`, libbpf
/// 1.4): the call becomes a call of an unknown helper, which the verifier
/// refuses only if it reaches it. Ok(false) then. libbpf 1.1 leaves the
/// kfunc call with `imm` 0, which the verifier walks as a no-op and
/// refuses after the walk if it reached it (`fixup_kfunc_call()`).
fn resolve_kfunc(
    insns: &mut [crate::insn::Insn],
    k: &crate::program::KsymSite,
    local: &Btf,
    kb: &Btf,
    libbpf: crate::program::Libbpf,
) -> Result<bool, ReloError> {
    let ld = insns.get(k.insn).is_some_and(|i| i.is_ld_imm64()) && k.insn + 1 < insns.len();
    // libbpf 1.4 looks a kfunc up by its essential name
    // (`bpf_task_acquire___two`), and a weak one whose prototype does not
    // match is as good as missing; 1.1 takes the name as it is
    let lookup = if libbpf.is_1_4() {
        essential_name(&k.name)
    } else {
        k.name.as_str()
    };
    let found = kb.find(btf::KIND_FUNC, lookup);
    let compat = |id: u32| {
        kb.get(id).is_ok_and(|f| {
            matches!(
                types_are_compat(local, k.local_type, kb, f.size_or_type, 32),
                Ok(true)
            )
        })
    };
    let usable = found.filter(|&id| !k.weak || !libbpf.is_1_4() || compat(id));
    let Some(id) = usable else {
        if k.weak && ld {
            // its address, as bpf_ksym_exists() asks: 0
            insns[k.insn].imm = 0;
            insns[k.insn + 1].imm = 0;
            return Ok(true);
        }
        if k.weak {
            let Some(call) = insns.get_mut(k.insn) else {
                return Err(ReloError(format!(
                    "extern (func ksym) '{}': its call is outside the program",
                    k.name
                )));
            };
            if !libbpf.is_1_4() {
                *call = crate::insn::Insn::new(
                    crate::insn::BPF_JMP | crate::insn::BPF_CALL,
                    0,
                    crate::insn::BPF_PSEUDO_KFUNC_CALL,
                    0,
                    0,
                );
                return Ok(true);
            }
            *call = crate::insn::Insn::new(
                crate::insn::BPF_JMP | crate::insn::BPF_CALL,
                0,
                0,
                0,
                POISON_CALL_KFUNC_BASE.saturating_add(k.ext_idx as i32),
            );
            return Ok(false);
        }
        return Err(ReloError(format!(
            "extern (func ksym) '{}': not found in kernel or module BTFs",
            k.name
        )));
    };
    let proto = kb.get(id).map_err(ReloError)?.size_or_type;
    if !matches!(
        types_are_compat(local, k.local_type, kb, proto, 32),
        Ok(true)
    ) {
        return Err(ReloError(format!(
            "extern (func ksym) '{}': func_proto [{}] incompatible with vmlinux [{}]",
            k.name, k.local_type, proto
        )));
    }
    if ld {
        // the kernel FUNC by BTF id (a read-only pointer to the verifier)
        insns[k.insn].src = crate::insn::BPF_PSEUDO_BTF_ID;
        insns[k.insn].imm = id as i32;
        insns[k.insn + 1].imm = 0;
        return Ok(true);
    }
    let Some(call) = insns.get_mut(k.insn) else {
        return Err(ReloError(format!(
            "extern (func ksym) '{}': its call is outside the program",
            k.name
        )));
    };
    call.imm = id as i32;
    call.off = 0;
    Ok(true)
}

/// `bpf_core_fields_are_compat()`
fn fields_are_compat(lb: &Btf, lid: u32, tb: &Btf, tid: u32) -> Result<bool, ()> {
    let (mut lid, mut tid) = (lid, tid);
    for _ in 0..32 {
        let (_, lt) = skip(lb, lid).ok_or(())?;
        let (_, tt) = skip(tb, tid).ok_or(())?;
        if lt.is_composite() && tt.is_composite() {
            return Ok(true);
        }
        if !kind_core_compat(lt, tt) {
            return Ok(false);
        }
        match lt.kind {
            KIND_PTR | KIND_FLOAT => return Ok(true),
            KIND_FWD | KIND_ENUM | KIND_ENUM64 => {
                let (ln, tn) = (essential_name(&lt.name), essential_name(&tt.name));
                return Ok(ln.is_empty() || tn.is_empty() || ln == tn);
            }
            KIND_INT => return Ok(lt.int_offset() == 0 && tt.int_offset() == 0),
            KIND_ARRAY => {
                lid = lt.array.map(|a| a.0).unwrap_or(0);
                tid = tt.array.map(|a| a.0).unwrap_or(0);
            }
            _ => return Ok(false),
        }
    }
    Err(())
}

/// `bpf_core_match_member()`: finds the local accessor's member in the
/// target struct (through anonymous members), extending the target spec.
fn match_member(
    lb: &Btf,
    local: &Accessor,
    tb: &Btf,
    targ_id: u32,
    spec: &mut Spec,
    next: &mut u32,
) -> Result<bool, ()> {
    let (targ_id, tt) = skip(tb, targ_id).ok_or(())?;
    if !tt.is_composite() {
        return Ok(false);
    }
    let lt = lb.get(local.type_id).map_err(|_| ())?;
    let lm = lt.members.get(local.idx as usize).ok_or(())?;
    for (i, m) in tt.members.iter().enumerate() {
        if spec.raw.len() == SPEC_MAX_LEN {
            return Err(());
        }
        let bit_offset = u64::from(m.2);
        spec.bit_offset = spec.bit_offset.wrapping_add(bit_offset);
        spec.raw.push(i as u32);
        if m.0.is_empty() {
            // an anonymous struct or union: search inside it
            if match_member(lb, local, tb, m.1, spec, next)? {
                return Ok(true);
            }
        } else if m.0 == lm.0 {
            spec.spec.push(Accessor {
                type_id: targ_id,
                idx: i as u32,
                name: Some(m.0.clone()),
            });
            *next = m.1;
            let found = fields_are_compat(lb, lm.1, tb, m.1)?;
            if !found {
                spec.spec.pop();
            }
            return Ok(found);
        }
        spec.bit_offset = spec.bit_offset.wrapping_sub(bit_offset);
        spec.raw.pop();
    }
    Ok(false)
}

/// `bpf_core_spec_match()`: the local spec against one candidate.
fn spec_match<'a>(local: &Spec, tb: &'a Btf, targ_id: u32) -> Result<Option<Spec<'a>>, ()> {
    let mut ts = Spec::new(tb, targ_id, local.kind);
    if is_type_based(local.kind) {
        let ok = if local.kind == TYPE_MATCHES {
            types_match(local.btf, local.root_type_id, tb, targ_id, false, 32)?
        } else {
            types_are_compat(local.btf, local.root_type_id, tb, targ_id, 32)?
        };
        return Ok(ok.then_some(ts));
    }
    if is_enumval_based(local.kind) {
        let (tid, tt) = skip(tb, targ_id).ok_or(())?;
        if !tt.is_any_enum() {
            return Ok(None);
        }
        let lname = essential_name(local.spec[0].name.as_deref().unwrap_or(""));
        for (i, (n, _)) in tt.enums.iter().enumerate() {
            if essential_name(n) == lname {
                ts.spec.push(Accessor {
                    type_id: tid,
                    idx: i as u32,
                    name: Some(n.clone()),
                });
                ts.raw.push(i as u32);
                return Ok(Some(ts));
            }
        }
        return Ok(None);
    }
    if !is_field_based(local.kind) {
        return Err(());
    }
    let mut targ_id = targ_id;
    for (i, la) in local.spec.iter().enumerate() {
        let (tid, tt) = skip(tb, targ_id).ok_or(())?;
        targ_id = tid;
        if la.name.is_some() {
            let mut next = targ_id;
            if !match_member(local.btf, la, tb, targ_id, &mut ts, &mut next)? {
                return Ok(None);
            }
            targ_id = next;
        } else {
            if i > 0 {
                let Some((elem, nelems)) = tt.array else {
                    return Ok(None);
                };
                let flex = is_flex_arr(tb, ts.spec.last(), nelems);
                if !flex && la.idx >= nelems {
                    return Ok(None);
                }
                targ_id = skip(tb, elem).ok_or(())?.0;
            }
            if ts.raw.len() == SPEC_MAX_LEN {
                return Err(());
            }
            ts.spec.push(Accessor {
                type_id: targ_id,
                idx: la.idx,
                name: None,
            });
            ts.raw.push(la.idx);
            let sz = resolve_size(tb, targ_id).ok_or(())?;
            let add = u64::from(la.idx).checked_mul(sz * 8).ok_or(())?;
            ts.bit_offset = ts.bit_offset.checked_add(add).ok_or(())?;
        }
    }
    Ok(Some(ts))
}

/// `bpf_core_names_match()`
fn names_match(local: &str, targ: &str) -> bool {
    if targ.is_empty() {
        return local.is_empty();
    }
    essential_name(local) == essential_name(targ)
}

/// `__bpf_core_types_match()`
fn types_match(
    lb: &Btf,
    lid: u32,
    tb: &Btf,
    tid: u32,
    behind_ptr: bool,
    level: i32,
) -> Result<bool, ()> {
    if level <= 0 {
        return Err(());
    }
    let (mut lid, mut tid, mut behind_ptr) = (lid, tid, behind_ptr);
    for _ in 0..32 {
        let (_, lt) = skip(lb, lid).ok_or(())?;
        let (_, tt) = skip(tb, tid).ok_or(())?;
        if !names_match(&lt.name, &tt.name) {
            return Ok(false);
        }
        let (lk, tk) = (lt.kind, tt.kind);
        match lk {
            0 => return Ok(lk == tk),
            KIND_FWD => {
                return Ok(if behind_ptr {
                    if lk == tk {
                        lt.kflag == tt.kflag
                    } else {
                        (tk == KIND_STRUCT && !lt.kflag) || (tk == KIND_UNION && lt.kflag)
                    }
                } else {
                    lk == tk && lt.kflag == tt.kflag
                })
            }
            KIND_ENUM | KIND_ENUM64 => {
                if !tt.is_any_enum() || lt.size_or_type != tt.size_or_type {
                    return Ok(false);
                }
                if lt.enums.len() > tt.enums.len() {
                    return Ok(false);
                }
                return Ok(lt
                    .enums
                    .iter()
                    .all(|(ln, _)| tt.enums.iter().any(|(tn, _)| names_match(ln, tn))));
            }
            KIND_STRUCT | KIND_UNION => {
                if behind_ptr {
                    if lk == tk {
                        return Ok(true);
                    }
                    return Ok(tk == KIND_FWD && (lk == KIND_UNION) == tt.kflag);
                }
                if lk != tk || lt.members.len() > tt.members.len() {
                    return Ok(false);
                }
                for lm in &lt.members {
                    let mut matched = false;
                    for tm in &tt.members {
                        if !names_match(&lm.0, &tm.0) {
                            continue;
                        }
                        if types_match(lb, lm.1, tb, tm.1, behind_ptr, level - 1)? {
                            matched = true;
                            break;
                        }
                    }
                    if !matched {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
            KIND_INT => {
                return Ok(lk == tk
                    && lt.size_or_type == tt.size_or_type
                    && lt.int_signed() == tt.int_signed())
            }
            KIND_PTR => {
                if lk != tk {
                    return Ok(false);
                }
                behind_ptr = true;
                lid = lt.size_or_type;
                tid = tt.size_or_type;
            }
            KIND_ARRAY => {
                let (Some(la), Some(ta)) = (lt.array, tt.array) else {
                    return Ok(false);
                };
                if la.1 != ta.1 {
                    return Ok(false);
                }
                lid = la.0;
                tid = ta.0;
            }
            KIND_FUNC_PROTO => {
                if lk != tk || lt.members.len() != tt.members.len() {
                    return Ok(false);
                }
                for (lp, tp) in lt.members.iter().zip(&tt.members) {
                    if !types_match(lb, lp.1, tb, tp.1, behind_ptr, level - 1)? {
                        return Ok(false);
                    }
                }
                lid = lt.size_or_type;
                tid = tt.size_or_type;
            }
            _ => return Ok(false),
        }
    }
    Err(())
}

/// `struct bpf_core_relo_res`
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Res {
    orig_val: u64,
    new_val: u64,
    poison: bool,
    validate: bool,
    fail_memsz_adjust: bool,
    orig_sz: u32,
    new_sz: u32,
    orig_type_id: u32,
    new_type_id: u32,
}

/// Why a calculation did not give a value.
enum CalcErr {
    /// -EUCLEAN: poison the instruction.
    Poison,
    /// Any other error: the object fails to load.
    Fail(String),
}

struct FieldVal {
    val: u64,
    field_sz: u32,
    type_id: u32,
    validate: bool,
}

/// `bpf_core_calc_field_relo()`
fn calc_field(kind: u32, spec: Option<&Spec>) -> Result<FieldVal, CalcErr> {
    let mut out = FieldVal {
        val: 0,
        field_sz: 0,
        type_id: 0,
        validate: true,
    };
    if kind == FIELD_EXISTS {
        out.val = spec.is_some() as u64;
        return Ok(out);
    }
    let spec = spec.ok_or(CalcErr::Poison)?;
    let inval = || CalcErr::Fail("invalid field relocation".into());
    let acc = spec.spec.last().ok_or_else(inval)?;
    let t = spec.btf.get(acc.type_id).map_err(|_| inval())?;
    if acc.name.is_none() {
        // an a[n] accessor
        let sz = resolve_size(spec.btf, acc.type_id).ok_or_else(inval)?;
        match kind {
            FIELD_BYTE_OFFSET => {
                out.val = spec.bit_offset / 8;
                out.field_sz = sz as u32;
                out.type_id = acc.type_id;
            }
            FIELD_BYTE_SIZE => out.val = sz,
            _ => {
                return Err(CalcErr::Fail(format!(
                    "relo {kind} can't be applied to array access"
                )))
            }
        }
        return Ok(out);
    }
    let m = t.members.get(acc.idx as usize).ok_or_else(inval)?;
    let (field_type_id, mt) = skip(spec.btf, m.1).ok_or_else(inval)?;
    let bit_off = spec.bit_offset;
    let mut bit_sz = u64::from(t.bitfield_size(acc.idx as usize));
    let bitfield = bit_sz > 0;
    let (byte_off, byte_sz);
    if bitfield {
        let mut sz = u64::from(mt.size_or_type);
        if sz == 0 {
            return Err(inval());
        }
        let mut off = bit_off / 8 / sz * sz;
        // the smallest load that holds the bitfield
        while bit_off.wrapping_add(bit_sz).wrapping_sub(off * 8) > sz * 8 {
            if sz >= 8 {
                return Err(CalcErr::Fail(format!(
                    "relo {kind} can't be satisfied for bitfield"
                )));
            }
            sz *= 2;
            off = bit_off / 8 / sz * sz;
        }
        byte_sz = sz;
        byte_off = off;
    } else {
        byte_sz = resolve_size(spec.btf, field_type_id).ok_or_else(inval)?;
        byte_off = spec.bit_offset / 8;
        bit_sz = byte_sz * 8;
    }
    // bitfields' offsets and sizes may disagree with the compiler's
    out.validate = !bitfield;
    match kind {
        FIELD_BYTE_OFFSET => {
            out.val = byte_off;
            if !bitfield {
                out.field_sz = byte_sz as u32;
                out.type_id = field_type_id;
            }
        }
        FIELD_BYTE_SIZE => out.val = byte_sz,
        FIELD_SIGNED => {
            out.val =
                ((mt.is_any_enum() && mt.kflag) || (mt.kind == KIND_INT && mt.int_signed())) as u64;
            out.validate = true;
        }
        FIELD_LSHIFT_U64 => {
            out.val = 64u64.wrapping_sub(bit_off.wrapping_add(bit_sz).wrapping_sub(byte_off * 8))
        }
        FIELD_RSHIFT_U64 => {
            out.val = 64u64.wrapping_sub(bit_sz);
            out.validate = true;
        }
        _ => {
            return Err(CalcErr::Fail(format!(
                "unrecognized CO-RE relocation {kind}"
            )))
        }
    }
    Ok(out)
}

/// `bpf_core_calc_type_relo()`: (value, validate)
fn calc_type(kind: u32, spec: Option<&Spec>) -> Result<(u64, bool), CalcErr> {
    let Some(spec) = spec else {
        return Ok((0, true));
    };
    match kind {
        // a type id may change in linking: not checked
        TYPE_ID_TARGET => Ok((u64::from(spec.root_type_id), false)),
        TYPE_EXISTS | TYPE_MATCHES => Ok((1, true)),
        TYPE_SIZE => resolve_size(spec.btf, spec.root_type_id)
            .map(|s| (s, true))
            .ok_or_else(|| CalcErr::Fail("type size".into())),
        _ => Err(CalcErr::Fail(format!(
            "unrecognized CO-RE relocation {kind}"
        ))),
    }
}

/// `bpf_core_calc_enumval_relo()`
fn calc_enumval(kind: u32, spec: Option<&Spec>) -> Result<u64, CalcErr> {
    match kind {
        ENUMVAL_EXISTS => Ok(spec.is_some() as u64),
        ENUMVAL_VALUE => {
            let spec = spec.ok_or(CalcErr::Poison)?;
            let acc = &spec.spec[0];
            let t = spec
                .btf
                .get(acc.type_id)
                .map_err(|_| CalcErr::Fail("enum".into()))?;
            let v = t
                .enums
                .get(acc.idx as usize)
                .ok_or_else(|| CalcErr::Fail("enum".into()))?
                .1;
            Ok(v as u64)
        }
        _ => Err(CalcErr::Fail(format!(
            "unrecognized CO-RE relocation {kind}"
        ))),
    }
}

/// `bpf_core_calc_relo()`
fn calc_relo(kind: u32, local: &Spec, targ: Option<&Spec>) -> Result<Res, String> {
    let mut res = Res {
        validate: true,
        ..Res::default()
    };
    let r = if is_field_based(kind) {
        calc_field(kind, Some(local)).and_then(|o| {
            let n = calc_field(kind, targ)?;
            res.orig_val = o.val;
            res.orig_sz = o.field_sz;
            res.orig_type_id = o.type_id;
            res.validate = o.validate;
            res.new_val = n.val;
            res.new_sz = n.field_sz;
            res.new_type_id = n.type_id;
            if res.orig_sz != res.new_sz {
                // a size change is safe for pointers and unsigned integers
                let ot = local.btf.get(res.orig_type_id).ok();
                let nt = targ.and_then(|t| t.btf.get(res.new_type_id).ok());
                let safe = match (ot, nt) {
                    (Some(o), Some(n)) if o.kind == KIND_PTR && n.kind == KIND_PTR => true,
                    (Some(o), Some(n)) => {
                        o.kind == KIND_INT
                            && n.kind == KIND_INT
                            && !o.int_signed_encoding()
                            && !n.int_signed_encoding()
                    }
                    _ => false,
                };
                res.fail_memsz_adjust = !safe;
            }
            Ok(())
        })
    } else if is_type_based(kind) {
        calc_type(kind, Some(local)).and_then(|(o, v)| {
            res.orig_val = o;
            res.validate = v;
            res.new_val = calc_type(kind, targ)?.0;
            Ok(())
        })
    } else if is_enumval_based(kind) {
        calc_enumval(kind, Some(local)).and_then(|o| {
            res.orig_val = o;
            res.new_val = calc_enumval(kind, targ)?;
            Ok(())
        })
    } else {
        Err(CalcErr::Fail(format!(
            "unrecognized CO-RE relocation {kind}"
        )))
    };
    match r {
        Ok(()) => Ok(res),
        Err(CalcErr::Poison) => {
            res.poison = true;
            Ok(res)
        }
        Err(CalcErr::Fail(m)) => Err(m),
    }
}

impl Type {
    /// `btf_int_encoding(t) == BTF_INT_SIGNED` as libbpf's size check reads it.
    fn int_signed_encoding(&self) -> bool {
        (self.int_enc >> 24) & 0x0f == 1
    }
}

/// `bpf_core_format_spec()`: `<byte_off> [5] struct task_struct.pid
/// (0:50 @ offset 1234)`, as libbpf prints a spec.
fn spec_text(spec: &Spec) -> String {
    let mut s = format!(
        "<{}> [{}] ",
        btf::core_kind_str(spec.kind),
        spec.root_type_id
    );
    match spec.btf.get(spec.root_type_id) {
        Ok(t) => s.push_str(&format!(
            "{} {}",
            btf::kind_str(t.kind).to_ascii_lowercase(),
            if t.name.is_empty() { "<anon>" } else { &t.name }
        )),
        Err(_) => s.push_str("unknown <anon>"),
    }
    if is_type_based(spec.kind) {
        return s;
    }
    if is_enumval_based(spec.kind) {
        if let Some((_, t)) = skip(spec.btf, spec.root_type_id) {
            if let Some((n, v)) = spec.raw.first().and_then(|&i| t.enums.get(i as usize)) {
                let v = if t.kflag {
                    v.to_string()
                } else if t.kind == KIND_ENUM {
                    (*v as u32).to_string()
                } else {
                    (*v as u64).to_string()
                };
                s.push_str(&format!("::{n} = {v}"));
            }
        }
        return s;
    }
    for (i, a) in spec.spec.iter().enumerate() {
        match &a.name {
            Some(n) => {
                s.push('.');
                s.push_str(n);
            }
            None if i > 0 || a.idx > 0 => s.push_str(&format!("[{}]", a.idx)),
            None => {}
        }
    }
    let raw: Vec<String> = spec.raw.iter().map(|r| r.to_string()).collect();
    s.push_str(&format!(" ({}", raw.join(":")));
    if !spec.bit_offset.is_multiple_of(8) {
        s.push_str(&format!(
            " @ offset {}.{})",
            spec.bit_offset / 8,
            spec.bit_offset % 8
        ));
    } else {
        s.push_str(&format!(" @ offset {})", spec.bit_offset / 8));
    }
    s
}

/// The log of a program rejected at a poisoned kfunc call, as libbpf
/// rewrites it (`fixup_log_missing_kfunc`): the call's line and the
/// kernel's `invalid func unknown#2002000000` name the kfunc instead.
pub(crate) fn fixup_log_kfunc(
    poisoned: &[(usize, String)],
    insn: usize,
    message: &mut String,
    log: &mut String,
) -> bool {
    // the number is POISON_CALL_KFUNC_BASE plus the extern's index
    let Some(id) = message
        .strip_prefix("invalid func unknown#")
        .and_then(|n| n.parse::<i32>().ok())
        .filter(|&n| n >= POISON_CALL_KFUNC_BASE)
    else {
        return false;
    };
    let Some((_, name)) = poisoned.iter().find(|p| p.0 == insn) else {
        return false;
    };
    // libbpf rewrites the two lines only where the call's line precedes
    // the message: a log of statistics only keeps the kernel's words (no
    // log at all is read as the log it would have been)
    let new_msg = format!("kfunc '{name}' is referenced but wasn't resolved");
    let tail = format!("{insn}: (85) call unknown#{id}\n{message}\n");
    if log.ends_with(&tail)
        && (log.len() == tail.len() || log[..log.len() - tail.len()].ends_with('\n'))
    {
        let at = log.len() - tail.len();
        log.truncate(at);
        log.push_str(&format!("{insn}: <invalid kfunc call>\n{new_msg}\n"));
        *message = new_msg;
    } else if log.is_empty() {
        *message = new_msg;
    }
    true
}

/// The log of a program rejected at a poisoned instruction, as libbpf
/// rewrites it for its reader (`fixup_log_failed_core_relo`): the
/// instruction's line and the kernel's `invalid func unknown#195896080`
/// become what the relocation could not find. The message follows.
pub(crate) fn fixup_log(
    applied: &[Applied],
    insn: usize,
    message: &mut String,
    log: &mut String,
) -> bool {
    let kernel_msg = format!("invalid func unknown#{POISON_IMM}");
    if *message != kernel_msg {
        return false;
    }
    let Some(a) = applied.iter().find(|a| a.insn == insn) else {
        return false;
    };
    let new_msg = format!("failed to resolve CO-RE relocation {}", a.spec);
    let tail = format!("{insn}: (85) call unknown#{POISON_IMM}\n{kernel_msg}\n");
    if log.ends_with(&tail)
        && (log.len() == tail.len() || log[..log.len() - tail.len()].ends_with('\n'))
    {
        let at = log.len() - tail.len();
        log.truncate(at);
        log.push_str(&format!("{insn}: <invalid CO-RE relocation>\n{new_msg}\n"));
    }
    *message = new_msg;
    true
}

/// The kernel's types that are candidates for a local type: same kind
/// (any enum for an enum) and same essential name (`bpf_core_add_cands`).
/// Indexed once per kernel BTF.
#[derive(Debug, Default)]
pub struct CandIndex {
    by_name: HashMap<String, Vec<u32>>,
}

impl CandIndex {
    pub fn new(kernel: &Btf) -> Self {
        let mut by_name: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, t) in kernel.types.iter().enumerate().skip(1) {
            if t.name.is_empty() {
                continue;
            }
            by_name
                .entry(essential_name(&t.name).to_string())
                .or_default()
                .push(id as u32);
        }
        CandIndex { by_name }
    }
    /// The ids whose name has this essential name.
    fn ids(&self, name: &str) -> &[u32] {
        self.by_name
            .get(essential_name(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
    fn cands(&self, kernel: &Btf, local: &Type) -> Vec<u32> {
        self.by_name
            .get(essential_name(&local.name))
            .map(|ids| {
                ids.iter()
                    .copied()
                    .filter(|&id| kernel.get(id).is_ok_and(|t| kind_core_compat(t, local)))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The kernel whose BTF a mode relocates against (`static/btf/linux-K.btf.gz`):
/// 5.19 has none of its own here, and its layouts are closest to 6.1's.
pub fn btf_kernel(k: crate::KernelVersion) -> &'static str {
    match k {
        crate::KernelVersion::V5_19 | crate::KernelVersion::V6_1 => "6.1",
        crate::KernelVersion::V6_7 => "6.12",
    }
}

/// A kernel's BTF, ready for relocations.
#[derive(Debug)]
pub struct KernelBtf {
    pub btf: Btf,
    index: CandIndex,
    /// The kernel's build configuration (`/boot/config-*`), for `CONFIG_*`
    /// externs; None if the file carried none.
    pub config: Option<crate::kconfig::KernelConfig>,
    /// The names of its `/proc/kallsyms`, for untyped `__ksym` externs;
    /// None if the file carried none (then every such extern resolves).
    pub kallsyms: Option<crate::kallsyms::Kallsyms>,
}

impl KernelBtf {
    pub fn new(btf: Btf) -> Self {
        let index = CandIndex::new(&btf);
        KernelBtf {
            btf,
            index,
            config: None,
            kallsyms: None,
        }
    }
    /// The types whose name has `name`'s essential name.
    pub(crate) fn by_name(&self, name: &str) -> &[u32] {
        self.index.ids(name)
    }
    /// From the file `cargo xtask kernel-btf` writes
    /// (`static/btf/linux-K.btf.gz`), at most 64 MiB decompressed: the raw
    /// BTF, gzipped, then optionally a second gzip member holding the
    /// kernel's `CONFIG_*=` lines (so `zcat` shows both, one after the other)
    /// and a third with its symbol names ([`crate::kallsyms`]).
    pub fn from_gzip(gz: &[u8]) -> Result<Self, String> {
        use std::io::Read;
        let mut raw = Vec::new();
        flate2::read::MultiGzDecoder::new(gz)
            .take(64 << 20)
            .read_to_end(&mut raw)
            .map_err(|e| format!("the kernel's BTF: {e}"))?;
        let btf = Btf::parse(&raw).map_err(|e| format!("the kernel's BTF: {e}"))?;
        let mut k = Self::new(btf);
        let rest = raw.get(btf_len(&raw)..).unwrap_or_default();
        if !rest.is_empty() {
            let text = std::str::from_utf8(rest)
                .map_err(|_| "the kernel's configuration is not text".to_string())?;
            let (config, syms) = match text.find(crate::kallsyms::HEADER) {
                Some(at) => (
                    &text[..at],
                    Some(&text[at + crate::kallsyms::HEADER.len()..]),
                ),
                None => (text, None),
            };
            k.config = Some(crate::kconfig::KernelConfig::parse(config));
            k.kallsyms = syms.map(crate::kallsyms::Kallsyms::parse).transpose()?;
        }
        Ok(k)
    }
}

/// Where raw BTF ends: its header, then its type and string sections.
fn btf_len(raw: &[u8]) -> usize {
    let word = |at: usize| {
        raw.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .unwrap_or(0)
    };
    let (hdr, type_end, str_end) = (
        word(4),
        word(8).saturating_add(word(12)),
        word(16).saturating_add(word(20)),
    );
    hdr.saturating_add(type_end.max(str_end))
}

/// The result of one relocation for one instruction
/// (`bpf_core_calc_relo_insn`), with the candidates cache libbpf keeps per
/// local type (pruned to those that matched).
fn calc_relo_insn(
    prog: &str,
    local_btf: &Btf,
    site: &Site,
    kernel: &KernelBtf,
    cache: &mut HashMap<u32, Vec<u32>>,
) -> Result<(Res, String), ReloError> {
    let relo = &site.relo;
    let fail = |m: String| ReloError(format!("prog '{prog}': relo #{}: {m}", site.index));
    let local_t = local_btf
        .get(relo.type_id)
        .map_err(|_| fail(format!("bad type id {}", relo.type_id)))?;
    let local = parse_spec(local_btf, relo).map_err(|_| {
        fail(format!(
            "parsing [{}] {} {} + {} failed: -22",
            relo.type_id,
            btf::kind_str(local_t.kind),
            if local_t.name.is_empty() {
                "<anon>"
            } else {
                &local_t.name
            },
            relo.access
        ))
    })?;
    let text = spec_text(&local);
    if relo.kind == TYPE_ID_LOCAL {
        let v = u64::from(local.root_type_id);
        let res = Res {
            orig_val: v,
            new_val: v,
            validate: false,
            ..Res::default()
        };
        return Ok((res, text));
    }
    if local_t.name.is_empty() {
        return Err(fail(format!(
            "<{}> ({}) relocation doesn't support anonymous types",
            btf::core_kind_str(relo.kind),
            relo.kind
        )));
    }
    let cands = cache
        .entry(relo.type_id)
        .or_insert_with(|| kernel.index.cands(&kernel.btf, local_t));
    let mut kept = Vec::new();
    let mut chosen: Option<(Res, u64)> = None;
    for &cid in cands.iter() {
        let cand = spec_match(&local, &kernel.btf, cid)
            .map_err(|_| fail(format!("error matching candidate [{cid}]")))?;
        let Some(cand) = cand else { continue };
        let res = calc_relo(relo.kind, &local, Some(&cand)).map_err(fail)?;
        match &chosen {
            None => chosen = Some((res, cand.bit_offset)),
            Some((r, off)) => {
                if cand.bit_offset != *off {
                    return Err(fail(format!(
                        "field offset ambiguity: {} != {}",
                        cand.bit_offset, off
                    )));
                }
                if res.poison != r.poison || res.new_val != r.new_val {
                    return Err(fail(format!(
                        "relocation decision ambiguity: {} {} != {} {}",
                        if res.poison { "failure" } else { "success" },
                        res.new_val,
                        if r.poison { "failure" } else { "success" },
                        r.new_val
                    )));
                }
            }
        }
        kept.push(cid);
    }
    if !kept.is_empty() {
        *cands = kept;
    }
    let res = match chosen {
        Some((r, _)) => r,
        None => calc_relo(relo.kind, &local, None).map_err(fail)?,
    };
    Ok((res, text))
}

fn poison(insn: &mut Insn) {
    *insn = Insn {
        code: insn::BPF_JMP | insn::BPF_CALL,
        dst: 0,
        src: 0,
        off: 0,
        imm: POISON_IMM,
    };
}

fn size_bytes(code: u8) -> u32 {
    match code & 0x18 {
        insn::BPF_DW => 8,
        insn::BPF_W => 4,
        insn::BPF_H => 2,
        _ => 1,
    }
}

fn size_code(bytes: u32) -> Option<u8> {
    match bytes {
        8 => Some(insn::BPF_DW),
        4 => Some(insn::BPF_W),
        2 => Some(insn::BPF_H),
        1 => Some(insn::BPF_B),
        _ => None,
    }
}

/// `bpf_core_patch_insn()`: Ok(true) patched, Ok(false) poisoned.
fn patch_insn(insns: &mut [Insn], i: usize, res: &Res) -> Result<bool, String> {
    let Some(&ins) = insns.get(i) else {
        return Err(format!("insn #{i} is out of range"));
    };
    let ldimm64 = ins.code == insn::BPF_LD | insn::BPF_IMM | insn::BPF_DW;
    let do_poison = |insns: &mut [Insn]| {
        if ldimm64 {
            if let Some(next) = insns.get_mut(i + 1) {
                poison(next);
            }
        }
        poison(&mut insns[i]);
        Ok(false)
    };
    if res.poison {
        return do_poison(insns);
    }
    let (orig, new) = (res.orig_val, res.new_val);
    match ins.code & 0x07 {
        insn::BPF_ALU | insn::BPF_ALU64 => {
            if ins.code & insn::BPF_X != 0 {
                return Err(format!("insn #{i} (ALU/ALU64) uses a register"));
            }
            if res.validate && ins.imm as i64 as u64 != orig {
                return Err(format!(
                    "unexpected insn #{i} (ALU/ALU64) value: got {}, exp {orig} -> {new}",
                    ins.imm as u32
                ));
            }
            insns[i].imm = new as i32;
        }
        insn::BPF_LDX | insn::BPF_ST | insn::BPF_STX => {
            if res.validate && ins.off as i64 as u64 != orig {
                return Err(format!(
                    "unexpected insn #{i} (LDX/ST/STX) value: got {}, exp {orig} -> {new}",
                    ins.off as u16
                ));
            }
            if new > i16::MAX as u64 {
                return Err(format!("insn #{i} (LDX/ST/STX) value too big: {new}"));
            }
            if res.fail_memsz_adjust {
                return do_poison(insns);
            }
            insns[i].off = new as i16;
            if res.new_sz != res.orig_sz {
                let got = size_bytes(ins.code);
                if got != res.orig_sz {
                    return Err(format!(
                        "insn #{i} (LDX/ST/STX) unexpected mem size: got {got}, exp {}",
                        res.orig_sz
                    ));
                }
                let Some(sz) = size_code(res.new_sz) else {
                    return Err(format!(
                        "insn #{i} (LDX/ST/STX) invalid new mem size: {}",
                        res.new_sz
                    ));
                };
                insns[i].code = (ins.code & 0xe0) | sz | (ins.code & 0x07);
            }
        }
        insn::BPF_LD => {
            let hi = insns.get(i + 1).copied();
            let ok = ldimm64
                && ins.src == 0
                && ins.off == 0
                && hi.is_some_and(|h| h.code == 0 && h.dst == 0 && h.src == 0 && h.off == 0);
            let Some(hi) = hi.filter(|_| ok) else {
                return Err(format!("insn #{i} (LDIMM64) has unexpected form"));
            };
            let imm = u64::from(ins.imm as u32) | (u64::from(hi.imm as u32) << 32);
            if res.validate && imm != orig {
                return Err(format!(
                    "unexpected insn #{i} (LDIMM64) value: got {imm}, exp {orig} -> {new}"
                ));
            }
            insns[i].imm = new as i32;
            insns[i + 1].imm = (new >> 32) as i32;
        }
        _ => {
            return Err(format!(
                "trying to relocate unrecognized insn #{i}, code:{:#x}, src:{:#x}, dst:{:#x}, off:{:#x}, imm:{:#x}",
                ins.code, ins.src, ins.dst, ins.off as u16, ins.imm as u32
            ))
        }
    }
    Ok(true)
}

/// Applies every relocation of a program against a kernel's BTF, in the
/// order libbpf applies them. Returns the patched instructions and what
/// each relocation did; Err is libbpf's failure (the object does not load).
pub fn relocate(
    prog_name: &str,
    insns: &[Insn],
    local_btf: &Btf,
    sites: &[Site],
    kernel: &KernelBtf,
) -> Result<(Vec<Insn>, Vec<Applied>), ReloError> {
    let mut out = insns.to_vec();
    let mut applied = Vec::with_capacity(sites.len());
    let mut cache = HashMap::new();
    for site in sites {
        let (res, spec) = calc_relo_insn(prog_name, local_btf, site, kernel, &mut cache)?;
        let patched = patch_insn(&mut out, site.insn, &res).map_err(|m| {
            ReloError(format!(
                "prog '{prog_name}': relo #{}: failed to patch insn #{}: {m}",
                site.index, site.insn
            ))
        })?;
        applied.push(Applied {
            insn: site.insn,
            kind: btf::core_kind_str(site.relo.kind),
            spec,
            values: patched.then_some((res.orig_val, res.new_val)),
        });
    }
    Ok((out, applied))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn essential_names_drop_the_last_flavor() {
        assert_eq!(essential_name("task_struct___old"), "task_struct");
        assert_eq!(essential_name("a___b___c"), "a___b");
        assert_eq!(essential_name("task_struct"), "task_struct");
        assert_eq!(essential_name("x____y"), "x____y");
        assert_eq!(essential_name("___y"), "___y");
        assert_eq!(essential_name(""), "");
    }
}
