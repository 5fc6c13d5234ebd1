//! libbpf's `bpf_object__elf_collect()`, the first thing libbpf does with an
//! object's sections, replayed over the raw section headers.
//!
//! libbpf finds the symbol table, then walks the sections in order and
//! stops at the first it refuses (a legacy `maps` section; in a program
//! section, a function whose name cannot be read, that crosses the
//! section's end or is static), and checks the symbol table's link to its
//! strings only after the walk. The `object` crate reads the whole symbol
//! table as it opens a file, so an object whose symbol table links to a
//! section that does not exist (PREVAIL's `invalid/badsymsize.o`) fails
//! there, before the section libbpf would have refused; and one whose link
//! is 0 or names a section too short opens, with empty or missing names.
//! Replayed first, this walk gives such objects libbpf's first message.
//! The words in `failed to get section name string` are libelf's
//! (`elf_strptr()`); every message was checked with libbpf 1.1 and 1.4.

use object::elf::{
    FileHeader64, SectionHeader64, Sym64, ELFDATA2LSB, EM_BPF, ET_REL, SHF_EXECINSTR, SHT_NOBITS,
    SHT_PROGBITS, SHT_REL, SHT_STRTAB, SHT_SYMTAB, STB_LOCAL, STT_FUNC,
};
use object::read::elf::{FileHeader, SectionHeader, Sym};
use object::LittleEndian as Le;

/// LLVM's address-significance table (`<elf.h>`'s `SHT_LLVM_ADDRSIG`).
const SHT_LLVM_ADDRSIG: u32 = 0x6fff_4c03;

/// The first message libbpf prints when it opens `bytes`, where it refuses
/// the object in `bpf_object__elf_collect()`; `None` where the walk finds no
/// fault (or a fault libbpf reports with no message of its own).
pub(super) fn refusal(bytes: &[u8], path: &str) -> Option<String> {
    // (a big-endian object is refused by the caller)
    if bytes.get(5) != Some(&ELFDATA2LSB) {
        return None;
    }
    let hdr = FileHeader64::<Le>::parse(bytes).ok()?;
    let sections = hdr.sections(Le, bytes).ok()?;
    let headers = sections.iter().collect::<Vec<_>>();
    // bpf_object__elf_init(): the section names' own section must be in
    // the file (libelf's elf_rawdata(), which does not look at an empty one)
    let shstrndx = usize::from(hdr.e_shstrndx(Le));
    if let Some(sh) = headers.get(shstrndx) {
        let end = sh.sh_offset(Le).checked_add(sh.sh_size(Le));
        let in_file = sh.sh_type(Le) == SHT_NOBITS || sh.sh_size(Le) == 0;
        if !in_file && end.is_none_or(|end| end > bytes.len() as u64) {
            return Some(format!(
                "elf: failed to get section names strings from {path}: invalid section header"
            ));
        }
    }
    // old LLVM left e_machine EM_NONE
    let machine = hdr.e_machine(Le);
    if hdr.e_type(Le) != ET_REL || (machine != 0 && machine != EM_BPF) {
        return Some(format!("elf: {path} is not a valid eBPF object file"));
    }
    // first pass: the one symbol table
    let mut symtab: Option<&SectionHeader64<Le>> = None;
    for sh in headers.iter().skip(1) {
        if sh.sh_type(Le) == SHT_SYMTAB {
            if symtab.is_some() {
                return Some(format!("elf: multiple symbol tables in {path}"));
            }
            symtab = Some(sh);
        }
    }
    let Some(symtab) = symtab else {
        return Some(format!(
            "elf: couldn't find symbol table in {path}, stripped object file?"
        ));
    };
    let symbols: &[Sym64<Le>] = symtab.data_as_array(Le, bytes).ok()?;
    let strtab_idx = symtab.sh_link(Le) as usize;
    // the functions by section, in symbol order within one: libbpf scans
    // the whole table for each program section, which a hostile object
    // with many of both would make quadratic
    let mut funcs: Vec<(u16, &Sym64<Le>)> = symbols
        .iter()
        .filter(|sym| sym.st_type() == STT_FUNC)
        .map(|sym| (sym.st_shndx(Le), sym))
        .collect();
    funcs.sort_by_key(|(shndx, _)| *shndx);
    let failed = |off: u32, why: &str| {
        format!("elf: failed to get section name string at offset {off} from {path}: {why}")
    };
    // refused with no message of libbpf's (LIBBPF_ERRNO__FORMAT)
    let silent = |why: String| {
        format!(
            "libbpf refuses the object as it opens it, without a message (LIBBPF_ERRNO__FORMAT): {why}"
        )
    };
    let mut last = 0;
    for (idx, sh) in headers.iter().enumerate().skip(1) {
        last = idx;
        let name = match strptr(&headers, shstrndx, sh.sh_name(Le), bytes) {
            Ok(name) => name,
            Err(why) => return Some(failed(sh.sh_name(Le), why)),
        };
        if ignored(sh, name) {
            continue;
        }
        let sec_name = String::from_utf8_lossy(name);
        let data = sh.data(Le, bytes).ok()?;
        // libelf gives an empty or NOBITS section no buffer
        let no_buf = data.is_empty() || sh.sh_type(Le) == SHT_NOBITS;
        if name == b"license" && no_buf {
            return Some(format!("invalid license section in {path}"));
        }
        if name == b"version" && (no_buf || data.len() != 4) {
            return Some(format!("invalid kver section in {path}"));
        }
        if name == b"maps" {
            return Some(
                "elf: legacy map definitions in 'maps' section are not supported by libbpf v1.0+"
                    .into(),
            );
        }
        if (name == b".BTF" || name == b".BTF.ext") && sh.sh_type(Le) != SHT_PROGBITS {
            return Some(silent(format!("section {sec_name} is not SHT_PROGBITS")));
        }
        if sh.sh_type(Le) == SHT_REL {
            let target = sh.sh_info(Le) as usize;
            if sh.sh_entsize(Le) != 16 {
                return Some(silent(format!(
                    "relocation section {sec_name} has entries of {} bytes, not 16",
                    sh.sh_entsize(Le)
                )));
            }
            if target >= headers.len() {
                return Some(silent(format!(
                    "relocation section {sec_name} is for section {target}, which does not exist"
                )));
            }
        }
        let executable = u64::from(SHF_EXECINSTR);
        if sh.sh_type(Le) == SHT_PROGBITS && sh.sh_size(Le) > 0 && sh.sh_flags(Le) & executable != 0
        {
            // bpf_object__add_programs()
            // libbpf's text_shndx is this section's index by then
            let name_is_text = name == b".text";
            let first = funcs.partition_point(|(shndx, _)| usize::from(*shndx) < idx);
            let these = funcs[first..]
                .iter()
                .take_while(|(shndx, _)| usize::from(*shndx) == idx);
            for &(_, sym) in these {
                let off = sym.st_value(Le);
                // elf_sym_str()'s warning (in the words of elf_sec_str()'s)
                // comes before add_programs()'s
                let name = match strptr(&headers, strtab_idx, sym.st_name(Le), bytes) {
                    Ok(name) => String::from_utf8_lossy(name),
                    Err(why) => return Some(failed(sym.st_name(Le), why)),
                };
                let end = off.checked_add(sym.st_size(Le));
                if end.is_none_or(|end| end > sh.sh_size(Le)) {
                    return Some(format!(
                        "sec '{sec_name}': program at offset {off} crosses section boundary"
                    ));
                }
                if !name_is_text && sym.st_bind() == STB_LOCAL {
                    return Some(format!(
                        "sec '{sec_name}': program '{name}' is static and not supported"
                    ));
                }
            }
        }
    }
    if strtab_idx == 0 || strtab_idx > last {
        return Some(format!(
            "elf: symbol strings section missing or invalid in {path}"
        ));
    }
    None
}

/// libelf's `elf_strptr()`: the string at `off` of section `idx`, or why
/// not in libelf's words (elfutils 0.188, as libbpf 1.1 and 1.4 print them).
fn strptr<'a>(
    headers: &[&SectionHeader64<Le>],
    idx: usize,
    off: u32,
    bytes: &'a [u8],
) -> Result<&'a [u8], &'static str> {
    let sh = headers.get(idx).ok_or("invalid section index")?;
    if idx == 0 || sh.sh_type(Le) != SHT_STRTAB {
        return Err("invalid section");
    }
    let data = sh.data(Le, bytes).map_err(|_| "invalid section")?;
    let rest = data.get(off as usize..).filter(|r| !r.is_empty());
    let rest = rest.ok_or("offset out of range")?;
    // a string that runs to the section's end is not one
    let end = rest.iter().position(|&b| b == 0);
    Ok(&rest[..end.ok_or("invalid section index")?])
}

/// libbpf's `ignore_elf_section()`.
fn ignored(sh: &SectionHeader64<Le>, name: &[u8]) -> bool {
    let dwarf = |n: &[u8]| n.starts_with(b".debug_");
    let ty = sh.sh_type(Le);
    if ty == SHT_STRTAB || ty == SHT_LLVM_ADDRSIG {
        return true;
    }
    if ty == SHT_PROGBITS && sh.sh_size(Le) == 0 && name == b".text" {
        return true;
    }
    if dwarf(name) {
        return true;
    }
    if let Some(rest) = name.strip_prefix(b".rel") {
        if dwarf(rest) || rest == b".BTF" || rest == b".BTF.ext" {
            return true;
        }
    }
    false
}
