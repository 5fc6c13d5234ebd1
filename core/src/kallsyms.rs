//! `/proc/kallsyms` of a modelled kernel, the names only: libbpf resolves an
//! untyped `__ksym` extern (`extern const void X __ksym;`) by reading that
//! file (`bpf_object__read_kallsyms_file()`), so whether such an extern
//! exists is a fact about the kernel's symbol table, not its BTF.
//!
//! `cargo xtask kernel-btf` boots each kernel, reads its `/proc/kallsyms`
//! and stores the names of vmlinux's symbols (no module is loaded), sorted,
//! one per line, as the third gzip member of `static/btf/linux-K.btf.gz`
//! after a line `# /proc/kallsyms`. A name that kallsyms lists at two
//! different addresses (two `static` symbols of one name) is followed by a
//! tab and `ambiguous`: libbpf refuses an extern of that name
//! (`extern (ksym) 'X': resolution is ambiguous: 0x... or 0x...`).
//! The addresses themselves are KASLR's and not kept.

/// The line that starts the symbol names in the BTF file's text.
pub const HEADER: &str = "# /proc/kallsyms\n";

/// A sorted list of the kernel's symbol names, searched in place.
#[derive(Clone, Debug, Default)]
pub struct Kallsyms {
    text: String,
    /// Where each line starts in `text`, in sorted order of names.
    lines: Vec<u32>,
}

/// What the symbol table says about one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    Missing,
    /// One address.
    Unique,
    /// Several addresses: libbpf cannot choose.
    Ambiguous,
}

impl Kallsyms {
    /// From the text after [`HEADER`]; lines out of order are an error (the
    /// lookup depends on the order).
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.len() > u32::MAX as usize {
            return Err("the kernel's symbol list is too large".into());
        }
        let mut lines = Vec::new();
        let mut prev: Option<&str> = None;
        let mut at = 0usize;
        for line in text.split_inclusive('\n') {
            let name = name_of(line);
            if !name.is_empty() {
                if prev.is_some_and(|p| p >= name) {
                    return Err(format!(
                        "the kernel's symbol list is not sorted at '{name}'"
                    ));
                }
                prev = Some(name);
                lines.push(at as u32);
            }
            at += line.len();
        }
        Ok(Kallsyms {
            text: text.to_string(),
            lines,
        })
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    fn line(&self, i: usize) -> &str {
        let start = self.lines[i] as usize;
        let rest = &self.text[start..];
        rest.split('\n').next().unwrap_or_default()
    }

    pub fn lookup(&self, name: &str) -> Symbol {
        // a binary search over the line starts, comparing names
        let (mut lo, mut hi) = (0usize, self.lines.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let line = self.line(mid);
            match name_of(line).cmp(name) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal if line.ends_with("\tambiguous") => {
                    return Symbol::Ambiguous
                }
                std::cmp::Ordering::Equal => return Symbol::Unique,
            }
        }
        Symbol::Missing
    }
}

/// A line's name: up to its tab, without the line end.
fn name_of(line: &str) -> &str {
    line.trim_end_matches('\n')
        .split('\t')
        .next()
        .unwrap_or_default()
}

/// The stored list from `/proc/kallsyms` text (`ADDR TYPE NAME [MODULE]`
/// per line): vmlinux's names, sorted, each once, marked where two
/// addresses share it. For `cargo xtask kernel-btf`.
pub fn from_proc(proc: &str) -> String {
    let mut seen: std::collections::BTreeMap<&str, (u64, bool)> = Default::default();
    for line in proc.lines() {
        let mut f = line.split_whitespace();
        let (Some(addr), Some(_ty), Some(name)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        // a module's symbol: no module is loaded where libbpf runs here
        if f.next().is_some() {
            continue;
        }
        let Ok(addr) = u64::from_str_radix(addr, 16) else {
            continue;
        };
        seen.entry(name)
            .and_modify(|(a, amb)| *amb |= *a != addr)
            .or_insert((addr, false));
    }
    let mut out = String::new();
    for (name, (_, ambiguous)) in seen {
        out.push_str(name);
        if ambiguous {
            out.push_str("\tambiguous");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_text_becomes_sorted_names_with_the_ambiguous_marked() {
        let proc = "ffffffff81000000 T _stext\n\
                    ffffffff81000010 t helper\n\
                    ffffffff81000020 t helper\n\
                    000000000002c570 A bpf_prog_active\n\
                    ffffffff81000030 t twice\n\
                    ffffffff81000030 t twice\n\
                    ffffffffc0000000 t modfn\t[e1000]\n";
        let list = from_proc(proc);
        assert_eq!(list, "_stext\nbpf_prog_active\nhelper\tambiguous\ntwice\n");
        let k = Kallsyms::parse(&list).expect("sorted");
        assert_eq!(k.len(), 4);
        assert_eq!(k.lookup("_stext"), Symbol::Unique);
        assert_eq!(k.lookup("bpf_prog_active"), Symbol::Unique);
        assert_eq!(k.lookup("helper"), Symbol::Ambiguous);
        assert_eq!(k.lookup("twice"), Symbol::Unique);
        assert_eq!(k.lookup("modfn"), Symbol::Missing);
        assert_eq!(k.lookup("help"), Symbol::Missing);
        assert_eq!(k.lookup(""), Symbol::Missing);
        assert_eq!(k.lookup("zzz"), Symbol::Missing);
    }

    #[test]
    fn an_unsorted_list_is_refused() {
        assert!(Kallsyms::parse("b\na\n").is_err());
        assert!(Kallsyms::parse("a\na\n").is_err());
        assert!(Kallsyms::parse("").is_ok_and(|k| k.is_empty()));
    }
}
