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
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

/// A parsed `.BTF` section: types by id (id 0 is void).
#[derive(Clone, Debug, Default)]
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
        }];
        let mut p = 0usize;
        while p < types.len() {
            let name = str_at(strs, u32_at(types, p)?)?;
            let info = u32_at(types, p + 4)?;
            let size_or_type = u32_at(types, p + 8)?;
            let kind = (info >> 24) & 0x1f;
            let vlen = info & 0xffff;
            p += 12;
            let mut t = Type {
                name,
                kind,
                vlen,
                size_or_type,
                members: Vec::new(),
                array: None,
            };
            match kind {
                KIND_INT | KIND_DECL_TAG => p += 4,
                KIND_ARRAY => {
                    t.array = Some((u32_at(types, p)?, u32_at(types, p + 8)?));
                    p += 12;
                }
                KIND_STRUCT | KIND_UNION => {
                    let kflag = info >> 31 != 0;
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let ty = u32_at(types, p + 4)?;
                        let mut off = u32_at(types, p + 8)?;
                        if kflag {
                            off &= 0x00ff_ffff;
                        }
                        t.members.push((n, ty, off));
                        p += 12;
                    }
                }
                KIND_ENUM => p += 8 * vlen as usize,
                KIND_ENUM64 => p += 12 * vlen as usize,
                KIND_FUNC_PROTO => {
                    for _ in 0..vlen {
                        let n = str_at(strs, u32_at(types, p)?)?;
                        let ty = u32_at(types, p + 4)?;
                        t.members.push((n, ty, 0));
                        p += 8;
                    }
                }
                KIND_VAR => p += 4,
                KIND_DATASEC => {
                    for _ in 0..vlen {
                        let ty = u32_at(types, p)?;
                        let off = u32_at(types, p + 4)?;
                        t.members.push((String::new(), ty, off));
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
    pub fn size_of(&self, id: u32) -> Result<u32, String> {
        let id = self.skip_mods(id)?;
        let t = self.get(id)?;
        match t.kind {
            KIND_INT | KIND_STRUCT | KIND_UNION | KIND_ENUM | KIND_ENUM64 | KIND_FLOAT
            | KIND_DATASEC => Ok(t.size_or_type),
            KIND_PTR => Ok(8),
            KIND_ARRAY => {
                let (elem, n) = t.array.unwrap_or((0, 0));
                self.size_of(elem)?
                    .checked_mul(n)
                    .ok_or_else(|| "BTF array is too large".to_string())
            }
            k => Err(format!("BTF type {id} (kind {k}) has no size")),
        }
    }

    /// The byte offset of a struct named `name` inside type `id` (searched
    /// through nested structs and arrays' first element), if any.
    pub fn find_struct(&self, id: u32, name: &str) -> Result<Option<u32>, String> {
        self.find_struct_depth(id, name, 0)
    }

    fn find_struct_depth(&self, id: u32, name: &str, depth: usize) -> Result<Option<u32>, String> {
        if depth > MAX_DEPTH {
            return Ok(None);
        }
        let id = self.skip_mods(id)?;
        let t = self.get(id)?;
        match t.kind {
            KIND_STRUCT | KIND_UNION => {
                if t.name == name {
                    return Ok(Some(0));
                }
                for (_, ty, bits) in &t.members {
                    if let Some(off) = self.find_struct_depth(*ty, name, depth + 1)? {
                        return Ok(Some(bits / 8 + off));
                    }
                }
                Ok(None)
            }
            KIND_ARRAY => {
                let (elem, _) = t.array.unwrap_or((0, 0));
                self.find_struct_depth(elem, name, depth + 1)
            }
            _ => Ok(None),
        }
    }

    /// The id of a type by kind and name.
    pub fn find(&self, kind: u32, name: &str) -> Option<u32> {
        self.types
            .iter()
            .position(|t| t.kind == kind && t.name == name)
            .map(|i| i as u32)
    }
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
/// instruction it patches, what it asks of the target kernel's types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoreRelo {
    /// Byte offset of the instruction in its section.
    pub insn_off: u32,
    /// `enum bpf_core_relo_kind` in words (`field byte offset`, ...).
    pub kind: &'static str,
    /// The local type's name and the access string (`task_struct 0:24`).
    pub what: String,
}

/// `enum bpf_core_relo_kind`
fn core_kind(k: u32) -> &'static str {
    match k {
        0 => "field byte offset",
        1 => "field byte size",
        2 => "field exists",
        3 => "field signed",
        4 => "field lshift",
        5 => "field rshift",
        6 => "local type id",
        7 => "target type id",
        8 => "type exists",
        9 => "type size",
        10 => "enum value exists",
        11 => "enum value",
        12 => "type matches",
        _ => "unknown kind",
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
            let insn_off = u32_at(cr, p)?;
            let type_id = u32_at(cr, p + 4)?;
            let access = btf.string(u32_at(cr, p + 8)?)?;
            let kind = core_kind(u32_at(cr, p + 12)?);
            let tname = btf
                .skip_mods(type_id)
                .ok()
                .and_then(|id| btf.get(id).ok())
                .map(|t| t.name.clone())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("type {type_id}"));
            v.push(CoreRelo {
                insn_off,
                kind,
                what: format!("{tname} {access}"),
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
}
