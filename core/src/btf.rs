//! Just enough BTF (`include/uapi/linux/btf.h`) to read what an object's
//! loader needs: BTF-defined maps (`.maps`: type, key and value sizes, max
//! entries, where a `struct bpf_timer` / `struct bpf_spin_lock` sits in the
//! value) and functions' linkage (static or global).
//!
//! Every read is bounds-checked: a damaged section is an error, never a panic.

/// `btf_kind` values.
pub const KIND_INT: u32 = 1;
pub const KIND_PTR: u32 = 2;
pub const KIND_ARRAY: u32 = 3;
pub const KIND_STRUCT: u32 = 4;
pub const KIND_UNION: u32 = 5;
pub const KIND_ENUM: u32 = 6;
pub const KIND_FWD: u32 = 7;
pub const KIND_TYPEDEF: u32 = 8;
pub const KIND_VOLATILE: u32 = 9;
pub const KIND_CONST: u32 = 10;
pub const KIND_RESTRICT: u32 = 11;
pub const KIND_FUNC: u32 = 12;
pub const KIND_FUNC_PROTO: u32 = 13;
pub const KIND_VAR: u32 = 14;
pub const KIND_DATASEC: u32 = 15;
pub const KIND_FLOAT: u32 = 16;
pub const KIND_DECL_TAG: u32 = 17;
pub const KIND_TYPE_TAG: u32 = 18;
pub const KIND_ENUM64: u32 = 19;

/// One BTF type, with the parts of its trailing data we use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Type {
    pub name: String,
    pub kind: u32,
    /// `vlen`: members, params, enum values, datasec vars; for a FUNC its linkage.
    pub vlen: u32,
    /// `size` (INT, STRUCT, UNION, ENUM, DATASEC, FLOAT) or `type` (the rest).
    pub size_or_type: u32,
    /// STRUCT/UNION members: (name, type, bit offset); DATASEC: (_, var type, byte offset).
    pub members: Vec<(String, u32, u32)>,
    /// ARRAY: (element type, nr_elems).
    pub array: Option<(u32, u32)>,
    /// `BTF_INFO_KFLAG`: bitfield members (STRUCT/UNION), a union (FWD),
    /// signed values (ENUM/ENUM64).
    pub kflag: bool,
    /// INT: the encoding word (`BTF_INT_ENCODING`, `_OFFSET`, `_BITS`);
    /// VAR: its linkage; DECL_TAG: its component index.
    pub int_enc: u32,
    /// STRUCT/UNION with `kflag`: each member's bitfield size (0: none).
    pub bitfield_sizes: Vec<u32>,
    /// ENUM/ENUM64: (name, value); an ENUM's 32-bit value sign-extended, as
    /// libbpf reads `struct btf_enum`'s `__s32 val`.
    pub enums: Vec<(String, i64)>,
    /// DATASEC: each variable's size as the section records it
    /// (`btf_var_secinfo.size`, beside `members`).
    pub var_sizes: Vec<u32>,
}

impl Type {
    /// `btf_member_bitfield_size()`.
    pub fn bitfield_size(&self, member: usize) -> u32 {
        self.bitfield_sizes.get(member).copied().unwrap_or(0)
    }
    /// `BTF_INT_SIGNED` of an INT's encoding.
    pub fn int_signed(&self) -> bool {
        (self.int_enc >> 24) & 0x0f & 1 != 0
    }
    /// `BTF_INT_OFFSET`: a deprecated bitfield-like integer when non-zero.
    pub fn int_offset(&self) -> u32 {
        (self.int_enc >> 16) & 0xff
    }
    pub fn is_composite(&self) -> bool {
        self.kind == KIND_STRUCT || self.kind == KIND_UNION
    }
    pub fn is_any_enum(&self) -> bool {
        self.kind == KIND_ENUM || self.kind == KIND_ENUM64
    }
}

/// A parsed `.BTF` section: types by id (id 0 is void).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Btf {
    pub types: Vec<Type>,
    /// The string section (names, and source lines for line info).
    pub strings: Vec<u8>,
}

fn u32_at(b: &[u8], off: usize) -> Result<u32, String> {
    b.get(off..off + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| format!("BTF is truncated at byte {off}"))
}

fn str_at(strs: &[u8], off: u32) -> Result<String, String> {
    let s = strs
        .get(off as usize..)
        .ok_or_else(|| format!("BTF string offset {off} is out of range"))?;
    let end = s.iter().position(|&c| c == 0).unwrap_or(s.len());
    Ok(String::from_utf8_lossy(&s[..end]).into_owned())
}

/// Types refer to each other by id; bound the walks through them.
const MAX_DEPTH: usize = 32;

impl Btf {
    pub fn parse(b: &[u8]) -> Result<Btf, String> {
        if u32_at(b, 0)? & 0xffff != 0xeb9f {
            return Err("BTF has a bad magic number (not little-endian BTF)".into());
        }
        let hdr_len = u32_at(b, 4)? as usize;
        let type_off = u32_at(b, 8)? as usize;
        let type_len = u32_at(b, 12)? as usize;
        let str_off = u32_at(b, 16)? as usize;
        let str_len = u32_at(b, 20)? as usize;
        let range = |off: usize, len: usize, what: &str| {
            hdr_len
                .checked_add(off)
                .and_then(|s| s.checked_add(len).map(|e| (s, e)))
                .filter(|&(_, e)| e <= b.len())
                .map(|(s, e)| &b[s..e])
                .ok_or_else(|| format!("BTF {what} section lies outside the data"))
        };
        let types = range(type_off, type_len, "type")?;
        let strs = range(str_off, str_len, "string")?;
        let mut out = vec![Type {
            name: String::new(),
            kind: 0,
            vlen: 0,
            size_or_type: 0,
            members: Vec::new(),
            array: None,
            kflag: false,
            int_enc: 0,
            bitfield_sizes: Vec::new(),
            enums: Vec::new(),
            var_sizes: Vec::new(),
        }];
        let mut p = 0usize;
        while p < types.len() {
            let name = str_at(strs, u32_at(types, p)?)?;
            let info = u32_at(types, p + 4)?;
            let size_or_type = u32_at(types, p + 8)?;
            let kind = (info >> 24) & 0x1f;
            let vlen = info & 0xffff;
            p += 12;
            let kflag = info >> 31 != 0;
            let mut t = Type {
                name,
                kind,
                vlen,
                size_or_type,
                members: Vec::new(),
                array: None,
                kflag,
                int_enc: 0,
                bitfield_sizes: Vec::new(),
                enums: Vec::new(),
                var_sizes: Vec::new(),
            };
            match kind {
                KIND_INT => {
                    t.int_enc = u32_at(types, p)?;
                    p += 4;
                }
                KIND_DECL_TAG => {
                    // component_idx (-1: the declaration itself), kept in
                    // int_enc
                    t.int_enc = u32_at(types, p)?;
                    p += 4;
                }
                KIND_ARRAY => {
                    t.array = Some((u32_at(types, p)?, u32_at(types, p + 8)?));
                    p += 12;
                }
                KIND_STRUCT | KIND_UNION => {
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let ty = u32_at(types, p + 4)?;
                        let mut off = u32_at(types, p + 8)?;
                        if kflag {
                            t.bitfield_sizes.push(off >> 24);
                            off &= 0x00ff_ffff;
                        }
                        t.members.push((n, ty, off));
                        p += 12;
                    }
                }
                KIND_ENUM => {
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let v = u32_at(types, p + 4)?;
                        // `struct btf_enum`'s val is an __s32: libbpf widens it signed
                        let v = v as i32 as i64;
                        t.enums.push((n, v));
                        p += 8;
                    }
                }
                KIND_ENUM64 => {
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let lo = u32_at(types, p + 4)? as u64;
                        let hi = u32_at(types, p + 8)? as u64;
                        t.enums.push((n, (hi << 32 | lo) as i64));
                        p += 12;
                    }
                }
                KIND_FUNC_PROTO => {
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let ty = u32_at(types, p + 4)?;
                        t.members.push((n, ty, 0));
                        p += 8;
                    }
                }
                KIND_VAR => {
                    // `struct btf_var`'s linkage, kept in int_enc
                    t.int_enc = u32_at(types, p)?;
                    p += 4;
                }
                KIND_DATASEC => {
                    for _ in 0..vlen {
                        let ty = u32_at(types, p)?;
                        let off = u32_at(types, p + 4)?;
                        t.members.push((String::new(), ty, off));
                        t.var_sizes.push(u32_at(types, p + 8)?);
                        p += 12;
                    }
                }
                KIND_PTR | KIND_FWD | KIND_TYPEDEF | KIND_VOLATILE | KIND_CONST | KIND_RESTRICT
                | KIND_FUNC | KIND_FLOAT | KIND_TYPE_TAG => {}
                k => return Err(format!("BTF type {} has an unknown kind {k}", out.len())),
            }
            if p > types.len() {
                return Err("BTF type section is truncated".into());
            }
            out.push(t);
        }
        Ok(Btf {
            types: out,
            strings: strs.to_vec(),
        })
    }

    /// A string of the string section.
    pub fn string(&self, off: u32) -> Result<String, String> {
        str_at(&self.strings, off)
    }

    pub fn get(&self, id: u32) -> Result<&Type, String> {
        self.types
            .get(id as usize)
            .ok_or_else(|| format!("BTF type id {id} does not exist"))
    }

    /// Through typedefs and qualifiers.
    pub fn skip_mods(&self, mut id: u32) -> Result<u32, String> {
        for _ in 0..MAX_DEPTH {
            // void (`const void`) ends the chain
            if id == 0 {
                return Ok(0);
            }
            let t = self.get(id)?;
            match t.kind {
                KIND_TYPEDEF | KIND_VOLATILE | KIND_CONST | KIND_RESTRICT | KIND_TYPE_TAG => {
                    id = t.size_or_type
                }
                _ => return Ok(id),
            }
        }
        Err("BTF type chain is too long".into())
    }

    /// The size in bytes of a type.
    /// Arrays of arrays are followed at most `MAX_DEPTH` deep, as the
    /// kernel's `btf_resolve_size()`: an array that contains itself (a
    /// damaged object) is an error, not an endless recursion.
    pub fn size_of(&self, id: u32) -> Result<u32, String> {
        let too_large = || "BTF array is too large".to_string();
        let mut count: u64 = 1;
        let mut id = id;
        for _ in 0..MAX_DEPTH {
            id = self.skip_mods(id)?;
            let t = self.get(id)?;
            let elem_size = match t.kind {
                KIND_INT | KIND_STRUCT | KIND_UNION | KIND_ENUM | KIND_ENUM64 | KIND_FLOAT
                | KIND_DATASEC => t.size_or_type,
                KIND_PTR => 8,
                KIND_ARRAY => {
                    let (elem, n) = t.array.unwrap_or((0, 0));
                    count = count.checked_mul(u64::from(n)).ok_or_else(too_large)?;
                    id = elem;
                    continue;
                }
                k => return Err(format!("BTF type {id} (kind {k}) has no size")),
            };
            let size = count
                .checked_mul(u64::from(elem_size))
                .ok_or_else(too_large)?;
            return u32::try_from(size).map_err(|_| too_large());
        }
        Err("BTF arrays are nested too deep".into())
    }

    /// Linux 6.1's `btf_find_field()` of one struct kind (`bpf_spin_lock`
    /// of `size` 4 and `align` 4, `bpf_timer` of 16 and 8) in the value
    /// type `id`: among the value's own members only. Err: the errno the
    /// kernel keeps in place of the offset — ENOENT (none), E2BIG (more
    /// than one), EINVAL (misaligned, or a value that is no struct).
    pub fn own_member_struct(
        &self,
        id: u32,
        name: &str,
        size: u32,
        align: u32,
    ) -> Result<u32, i32> {
        use crate::env::{E2BIG, EINVAL, ENOENT};
        let t = self
            .skip_mods(id)
            .and_then(|id| self.get(id))
            .map_err(|_| EINVAL)?;
        if !matches!(t.kind, KIND_STRUCT | KIND_UNION) {
            return Err(EINVAL);
        }
        let mut found = None;
        for (_, mty, bits) in &t.members {
            let Ok(m) = self.get(*mty) else { continue };
            if m.name != name {
                continue;
            }
            let bits = if t.kflag { bits & 0xff_ffff } else { *bits };
            if !bits.is_multiple_of(8) || !(bits / 8).is_multiple_of(align) {
                return Err(EINVAL);
            }
            // btf_find_struct(): a struct of the size, else not one
            if m.kind != KIND_STRUCT || m.size_or_type != size {
                continue;
            }
            if found.is_some() {
                return Err(E2BIG);
            }
            found = Some(bits / 8);
        }
        found.ok_or(ENOENT)
    }

    /// The kptr fields of a map value of type `id` (`btf_find_field()`
    /// for `BPF_KPTR`): pointers to a struct whose pointee carries one type
    /// tag. Those found inside a nested struct or an array are marked
    /// `nested`: only 6.12 looks there. A type `id` that is itself such a
    /// pointer (a global variable of a DATASEC) is one field at `base`.
    pub fn find_kptrs(&self, id: u32, base: u32) -> Vec<KptrField> {
        let (mut out, mut budget) = (Vec::new(), KPTR_WALK_BUDGET);
        self.find_kptrs_in(id, base, false, 0, &mut budget, &mut out);
        out
    }

    /// The kptr fields of a global variable at `base`: the variable itself
    /// a kptr, or (6.12 only, `nested`) inside it.
    pub fn find_kptrs_var(&self, id: u32, base: u32) -> Vec<KptrField> {
        let (mut out, mut budget) = (Vec::new(), KPTR_WALK_BUDGET);
        self.find_kptrs_in(id, base, false, 1, &mut budget, &mut out);
        out
    }

    /// One step of the walk: `budget` bounds the types visited, so an
    /// object's nested arrays of structs cannot make it run for long.
    fn find_kptrs_in(
        &self,
        id: u32,
        off: u32,
        nested: bool,
        depth: usize,
        budget: &mut u32,
        out: &mut Vec<KptrField>,
    ) {
        if depth > MAX_DEPTH || out.len() > 64 || *budget == 0 {
            return;
        }
        *budget -= 1;
        if let Some((tag, target)) = self.kptr_of(id) {
            out.push(KptrField {
                off,
                tag,
                target,
                nested,
            });
            return;
        }
        let Ok(t) = self.skip_mods(id).and_then(|i| self.get(i)) else {
            return;
        };
        match t.kind {
            KIND_STRUCT => {
                for (_, ty, bits) in &t.members {
                    let at = off.saturating_add(bits / 8);
                    self.find_kptrs_in(*ty, at, nested || depth > 0, depth + 1, budget, out);
                }
            }
            KIND_ARRAY => {
                let (elem, n) = t.array.unwrap_or((0, 0));
                let size = self.size_of(elem).unwrap_or(0);
                for i in 0..n.min(64) {
                    let at = off.saturating_add(i.saturating_mul(size));
                    self.find_kptrs_in(elem, at, true, depth + 1, budget, out);
                }
            }
            _ => {}
        }
    }

    /// `btf_find_kptr()`: (tag, struct name) of a kptr-tagged pointer.
    fn kptr_of(&self, id: u32) -> Option<(String, String)> {
        let mut t = self.get(id).ok()?;
        // modifiers on the pointer itself
        if t.kind == KIND_VOLATILE {
            t = self.get(t.size_or_type).ok()?;
        }
        if t.kind != KIND_PTR {
            return None;
        }
        let tag = self.get(t.size_or_type).ok()?;
        if tag.kind != KIND_TYPE_TAG {
            return None;
        }
        let s = self.get(self.skip_mods(tag.size_or_type).ok()?).ok()?;
        (s.kind == KIND_STRUCT).then(|| (tag.name.clone(), s.name.clone()))
    }

    /// What the kernel's BTF check refuses in an object's BTF, of what
    /// clang writes: first, over all types, an enum whose size is not 1, 2,
    /// 4 or 8 (`btf_enum_check_meta()`: "Unexpected size", a
    /// forward-declared enum is size 0); then a function with an unnamed
    /// argument (`btf_func_check()`: "Invalid arg#N", as clang writes a
    /// `__naked` function's). An extern function is left out: libbpf names
    /// its arguments before it loads the BTF. The type's id and the
    /// kernel's words.
    pub fn kernel_refusal(&self) -> Option<(u32, String)> {
        let sized = |s: u32| matches!(s, 1 | 2 | 4 | 8);
        let meta = self.types.iter().enumerate().skip(1).find_map(|(id, t)| {
            (matches!(t.kind, KIND_ENUM | KIND_ENUM64) && !sized(t.size_or_type))
                .then(|| (id as u32, "Unexpected size".to_string()))
        });
        // btf_check_all_types(): each type resolved in id order
        meta.or_else(|| {
            self.types.iter().enumerate().skip(1).find_map(|(id, t)| {
                match t.kind {
                    // btf_datasec_resolve(): a variable the section gives
                    // fewer bytes than its type has (clang shrinks a static
                    // flag it only sets to 1 to one byte, and keeps its type)
                    KIND_DATASEC => t
                        .members
                        .iter()
                        .zip(&t.var_sizes)
                        .find(|((_, var, _), &size)| {
                            let ty = self.get(*var).ok().map(|v| v.size_or_type);
                            ty.and_then(|ty| self.size_of(ty).ok())
                                .is_some_and(|type_size| size < type_size)
                        })
                        .map(|_| (id as u32, "Invalid size".to_string())),
                    // btf_array_resolve(): `__uint(max_entries, N)` is a
                    // pointer to int[N], too big for a u32 from 2^30 on
                    KIND_ARRAY => {
                        let (elem, n) = t.array?;
                        let size = self.size_of(elem).ok()? as u64;
                        (n != 0 && size > u32::MAX as u64 / n as u64)
                            .then(|| (id as u32, "Array size overflows U32_MAX".to_string()))
                    }
                    // btf_func_check(): FUNC linkage 2 is extern
                    KIND_FUNC if t.vlen != 2 => {
                        let proto = self.get(t.size_or_type).ok()?;
                        let arg = proto
                            .members
                            .iter()
                            .position(|(name, ty, _)| name.is_empty() && *ty != 0)?;
                        Some((id as u32, format!("Invalid arg#{}", arg + 1)))
                    }
                    _ => None,
                }
            })
        })
    }

    /// The id of a type by kind and name.
    pub fn find(&self, kind: u32, name: &str) -> Option<u32> {
        self.types
            .iter()
            .position(|t| t.kind == kind && t.name == name)
            .map(|i| i as u32)
    }
}

/// How many types one search for kptr fields may visit.
const KPTR_WALK_BUDGET: u32 = 4096;

/// A map value's kptr field as the object's BTF declares it; what its tag
/// means depends on the kernel ([`crate::program::KptrKind`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KptrField {
    /// Its byte offset in the value.
    pub off: u32,
    /// The type tag: `kptr`, `kptr_ref` (6.1), `kptr_untrusted`,
    /// `percpu_kptr` (6.12).
    pub tag: String,
    /// The struct it points to, found by name in the kernel's BTF.
    pub target: String,
    /// Inside a nested struct or an array (6.12 only).
    pub nested: bool,
}

/// `btf_type_str()`'s names of the kinds.
pub fn kind_str(kind: u32) -> &'static str {
    match kind {
        KIND_INT => "INT",
        KIND_PTR => "PTR",
        KIND_ARRAY => "ARRAY",
        KIND_STRUCT => "STRUCT",
        KIND_UNION => "UNION",
        KIND_ENUM => "ENUM",
        KIND_FWD => "FWD",
        KIND_TYPEDEF => "TYPEDEF",
        KIND_VOLATILE => "VOLATILE",
        KIND_CONST => "CONST",
        KIND_RESTRICT => "RESTRICT",
        KIND_FUNC => "FUNC",
        KIND_FUNC_PROTO => "FUNC_PROTO",
        KIND_VAR => "VAR",
        KIND_DATASEC => "DATASEC",
        KIND_FLOAT => "FLOAT",
        KIND_DECL_TAG => "DECL_TAG",
        KIND_TYPE_TAG => "TYPE_TAG",
        KIND_ENUM64 => "ENUM64",
        _ => "UNKNOWN",
    }
}

/// A section's line info: its name and (instruction byte offset, source
/// line, file name, line number).
pub type SectionLines = (String, Vec<(u32, String, String, u32)>);

/// `.BTF.ext` line info: for each section name, (byte offset of the
/// instruction in its section, source line).
pub fn line_info(ext: &[u8], btf: &Btf) -> Result<Vec<SectionLines>, String> {
    if u32_at(ext, 0)? & 0xffff != 0xeb9f {
        return Err("BTF.ext has a bad magic number".into());
    }
    let hdr_len = u32_at(ext, 4)? as usize;
    let off = u32_at(ext, 16)? as usize;
    let len = u32_at(ext, 20)? as usize;
    let start = hdr_len.checked_add(off).ok_or("BTF.ext offset overflow")?;
    let end = start.checked_add(len).ok_or("BTF.ext offset overflow")?;
    let li = ext
        .get(start..end)
        .ok_or("BTF.ext line info lies outside the data")?;
    if li.is_empty() {
        return Ok(Vec::new());
    }
    let rec = u32_at(li, 0)? as usize;
    if rec < 16 {
        return Err(format!("BTF.ext line info record size {rec} is too small"));
    }
    let mut out = Vec::new();
    let mut p = 4usize;
    while p < li.len() {
        let sec = btf.string(u32_at(li, p)?)?;
        let n = u32_at(li, p + 4)? as usize;
        p += 8;
        let mut v = Vec::new();
        for _ in 0..n {
            let insn_off = u32_at(li, p)?;
            let file = btf.string(u32_at(li, p + 4)?)?;
            let line = btf.string(u32_at(li, p + 8)?)?;
            // BPF_LINE_INFO_LINE_NUM(line_col)
            let line_num = u32_at(li, p + 12)? >> 10;
            v.push((insn_off, line, file, line_num));
            p = p.checked_add(rec).ok_or("BTF.ext overflow")?;
        }
        out.push((sec, v));
    }
    Ok(out)
}

/// One CO-RE relocation of `.BTF.ext` (`struct bpf_core_relo`): the
/// instruction it patches and what it asks of the target kernel's types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreRelo {
    /// Byte offset of the instruction in its section.
    pub insn_off: u32,
    /// The local (object's BTF) root type.
    pub type_id: u32,
    /// The access string (`0:24:1`).
    pub access: String,
    /// `enum bpf_core_relo_kind`.
    pub kind: u32,
}

/// `core_relo_kind_str()` of libbpf: `enum bpf_core_relo_kind` in its words.
pub fn core_kind_str(k: u32) -> &'static str {
    match k {
        0 => "byte_off",
        1 => "byte_sz",
        2 => "field_exists",
        3 => "signed",
        4 => "lshift_u64",
        5 => "rshift_u64",
        6 => "local_type_id",
        7 => "target_type_id",
        8 => "type_exists",
        9 => "type_size",
        10 => "enumval_exists",
        11 => "enumval_value",
        12 => "type_matches",
        _ => "unknown",
    }
}

/// `.BTF.ext` CO-RE relocations by section name (empty when the header
/// has none: objects built without CO-RE).
pub fn core_relos(ext: &[u8], btf: &Btf) -> Result<Vec<(String, Vec<CoreRelo>)>, String> {
    if u32_at(ext, 0)? & 0xffff != 0xeb9f {
        return Err("BTF.ext has a bad magic number".into());
    }
    let hdr_len = u32_at(ext, 4)? as usize;
    if hdr_len < 32 {
        return Ok(Vec::new());
    }
    let off = u32_at(ext, 24)? as usize;
    let len = u32_at(ext, 28)? as usize;
    let start = hdr_len.checked_add(off).ok_or("BTF.ext offset overflow")?;
    let end = start.checked_add(len).ok_or("BTF.ext offset overflow")?;
    let cr = ext
        .get(start..end)
        .ok_or("BTF.ext CO-RE relocations lie outside the data")?;
    if cr.is_empty() {
        return Ok(Vec::new());
    }
    let rec = u32_at(cr, 0)? as usize;
    if rec < 16 {
        return Err(format!("BTF.ext CO-RE record size {rec} is too small"));
    }
    let mut out = Vec::new();
    let mut p = 4usize;
    while p < cr.len() {
        let sec = btf.string(u32_at(cr, p)?)?;
        let n = u32_at(cr, p + 4)? as usize;
        p += 8;
        let mut v = Vec::new();
        for _ in 0..n.min(1 << 20) {
            v.push(CoreRelo {
                insn_off: u32_at(cr, p)?,
                type_id: u32_at(cr, p + 4)?,
                access: btf.string(u32_at(cr, p + 8)?)?,
                kind: u32_at(cr, p + 12)?,
            });
            p = p.checked_add(rec).ok_or("BTF.ext overflow")?;
        }
        out.push((sec, v));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_btf_is_an_error() {
        assert!(Btf::parse(&[]).is_err());
        assert!(Btf::parse(&[0x9f, 0xeb, 1, 0]).is_err());
        let mut b = vec![0x9f, 0xeb, 1, 0, 24, 0, 0, 0];
        b.extend_from_slice(&[0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
        assert!(Btf::parse(&b).is_err());
    }

    fn ty(kind: u32, size_or_type: u32, array: Option<(u32, u32)>) -> Type {
        Type {
            name: String::new(),
            kind,
            vlen: 0,
            size_or_type,
            members: Vec::new(),
            array,
            kflag: false,
            int_enc: 0,
            bitfield_sizes: Vec::new(),
            enums: Vec::new(),
            var_sizes: Vec::new(),
        }
    }

    /// A damaged object's array of itself (found by the `elf` fuzz target:
    /// the recursion overflowed the stack) has no size, and arrays of
    /// arrays still multiply out.
    #[test]
    fn an_array_of_itself_has_no_size() {
        let b = Btf {
            types: vec![
                ty(0, 0, None),
                ty(KIND_ARRAY, 0, Some((1, 2))),
                ty(KIND_INT, 4, None),
                ty(KIND_ARRAY, 0, Some((2, 3))),
                ty(KIND_ARRAY, 0, Some((3, 5))),
                ty(KIND_ARRAY, 0, Some((2, u32::MAX))),
            ],
            strings: Vec::new(),
        };
        assert!(b.size_of(1).is_err());
        assert_eq!(b.size_of(4), Ok(60));
        assert!(b.size_of(5).is_err());
    }

    /// `__uint(max_entries, 1 << 30)`: a pointer to int[2^30], whose 4 GiB
    /// overflow a u32 (`btf_array_resolve()`); one element fewer fits.
    #[test]
    fn an_array_of_4_gib_is_refused() {
        let b = |n: u32| Btf {
            types: vec![
                ty(0, 0, None),
                ty(KIND_INT, 4, None),
                ty(KIND_ARRAY, 0, Some((1, n))),
            ],
            strings: Vec::new(),
        };
        assert_eq!(
            b(1 << 30).kernel_refusal(),
            Some((2, "Array size overflows U32_MAX".to_string()))
        );
        assert_eq!(b((1 << 30) - 1).kernel_refusal(), None);
    }

    /// `static __u32 happened;` set only to 1: clang stores it in one byte
    /// of `.bss` and keeps its type, and the kernel refuses the object's
    /// BTF (`btf_datasec_resolve()`: "Invalid size"; found in a real
    /// program, learn-by-example's global-percpu-data).
    #[test]
    fn a_variable_its_section_gives_fewer_bytes_than_its_type_is_refused() {
        let var = |ty: u32| Type {
            kind: KIND_VAR,
            size_or_type: ty,
            ..Type::default()
        };
        let datasec = |size: u32| Type {
            kind: KIND_DATASEC,
            vlen: 1,
            size_or_type: size,
            members: vec![(String::new(), 2, 0)],
            var_sizes: vec![size],
            ..Type::default()
        };
        let b = |size: u32| Btf {
            types: vec![ty(0, 0, None), ty(KIND_INT, 4, None), var(1), datasec(size)],
            strings: Vec::new(),
        };
        assert_eq!(b(1).kernel_refusal(), Some((3, "Invalid size".to_string())));
        assert_eq!(b(4).kernel_refusal(), None);
        assert_eq!(b(8).kernel_refusal(), None);
    }
}
