//! `.kconfig` externs as libbpf 1.1 fills them (`bpf_object__resolve_externs`,
//! `bpf_object__process_kconfig_line`, `set_kcfg_value_*`): the virtual
//! `LINUX_*` ones from the running kernel, the `CONFIG_*` ones from its
//! build configuration (`/boot/config-$(uname -r)`, as Debian installs it).
//!
//! libbpf does this before any program is loaded, so a failure here fails
//! every program of the object with libbpf's message; the verifier never
//! runs. The `CONFIG_*` values differ between kernels, so they are filled in
//! per mode ([`crate::Program::relocated`]), from the configuration that
//! `cargo xtask kernel-btf` stores with each kernel's BTF.

use crate::btf::{self, Btf};

/// `enum kcfg_type`: how libbpf reads a config value into an extern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KcfgType {
    /// `bool` (a one-byte INT with `BTF_INT_BOOL`): `y` 1, `n` 0.
    Bool,
    /// `enum libbpf_tristate`: `y` 1, `n` 0, `m` 2.
    Tristate,
    /// a one-byte INT: the value's first character, or a small number.
    Char { signed: bool },
    /// an INT of 2, 4 or 8 bytes.
    Int { signed: bool },
    /// an array of chars: a quoted string, cut to fit.
    CharArr,
}

/// One extern of the `.kconfig` map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KconfigExtern {
    pub name: String,
    /// Its offset in the map's value.
    pub off: u32,
    pub size: u32,
    pub ty: KcfgType,
    /// `__weak`: left zero when nothing sets it.
    pub weak: bool,
}

/// `find_kcfg_type()`: None for a type libbpf refuses
/// (`extern (kcfg) '%s': type is unsupported`).
pub fn find_kcfg_type(b: &Btf, id: u32) -> Option<KcfgType> {
    kcfg_type(b, id, 0)
}

fn kcfg_type(b: &Btf, id: u32, depth: u32) -> Option<KcfgType> {
    if depth > 8 {
        return None;
    }
    let t = b.get(b.skip_mods(id).ok()?).ok()?;
    let size = t.size_or_type;
    match t.kind {
        btf::KIND_INT => {
            let enc = (t.int_enc >> 24) & 0x0f;
            if enc & 4 != 0 {
                return (size == 1).then_some(KcfgType::Bool);
            }
            if size == 1 {
                return Some(KcfgType::Char {
                    signed: enc & 1 != 0,
                });
            }
            if !(1..=8).contains(&size) || !size.is_power_of_two() {
                return None;
            }
            Some(KcfgType::Int {
                signed: enc & 1 != 0,
            })
        }
        btf::KIND_ENUM if size != 4 => None,
        btf::KIND_ENUM | btf::KIND_ENUM64 => {
            (t.name == "libbpf_tristate").then_some(KcfgType::Tristate)
        }
        btf::KIND_ARRAY => {
            let (elem, n) = t.array?;
            (n != 0 && matches!(kcfg_type(b, elem, depth + 1), Some(KcfgType::Char { .. })))
                .then_some(KcfgType::CharArr)
        }
        _ => None,
    }
}

/// A kernel's build configuration: its `CONFIG_*=VALUE` lines in file order
/// (libbpf takes the first line of a name).
#[derive(Clone, Debug, Default)]
pub struct KernelConfig {
    lines: Vec<(String, String)>,
}

impl KernelConfig {
    /// From the text of a `config-*` file; lines that are not `CONFIG_*=`
    /// assignments (comments, `# CONFIG_X is not set`) say nothing, as in
    /// libbpf.
    pub fn parse(text: &str) -> KernelConfig {
        let lines = text
            .lines()
            .filter(|l| l.starts_with("CONFIG_"))
            .filter_map(|l| {
                let (name, value) = l.split_once('=')?;
                Some((name.to_string(), value.to_string()))
            })
            .collect();
        KernelConfig { lines }
    }
    /// The lines again, as a `config-*` file holds them.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|(n, v)| format!("{n}={v}\n"))
            .collect()
    }
    pub fn len(&self) -> usize {
        self.lines.len()
    }
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
    /// The value of `name` as the file writes it (`y`, `250`, `"str"`).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.lines
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn warn(e: &KconfigExtern, what: String) -> String {
    format!("extern (kcfg) '{}': {what}", e.name)
}

const EINVAL: i32 = 22;
const ERANGE: i32 = 34;

/// libbpf's message and the error it returns.
type Refusal = (String, i32);

/// `set_kcfg_value_num()`: the value's bytes, or libbpf's refusal.
fn value_num(e: &KconfigExtern, v: u64) -> Result<Vec<u8>, Refusal> {
    if !matches!(
        e.ty,
        KcfgType::Int { .. } | KcfgType::Char { .. } | KcfgType::Bool
    ) {
        return Err((
            warn(
                e,
                format!("value '{v}' implies integer, char, or boolean type"),
            ),
            EINVAL,
        ));
    }
    if e.ty == KcfgType::Bool && v > 1 {
        return Err((
            warn(e, format!("value '{v}' isn't boolean compatible")),
            EINVAL,
        ));
    }
    // is_kcfg_value_in_range()
    let bits = e.size * 8;
    let signed = matches!(
        e.ty,
        KcfgType::Int { signed: true } | KcfgType::Char { signed: true }
    );
    let fits = if e.size >= 8 {
        true
    } else if signed {
        v.wrapping_add(1u64 << (bits - 1)) < (1u64 << bits)
    } else {
        v >> bits == 0
    };
    if !fits {
        return Err((
            warn(e, format!("value '{v}' doesn't fit in {} bytes", e.size)),
            ERANGE,
        ));
    }
    if !matches!(e.size, 1 | 2 | 4 | 8) {
        return Err((String::new(), EINVAL));
    }
    Ok(v.to_le_bytes()[..e.size as usize].to_vec())
}

/// `set_kcfg_value_tri()`.
fn value_tri(e: &KconfigExtern, c: char) -> Result<Vec<u8>, Refusal> {
    let mut out = vec![0u8; e.size as usize];
    match e.ty {
        KcfgType::Bool if c == 'm' => {
            return Err((
                warn(e, format!("value '{c}' implies tristate or char type")),
                EINVAL,
            ))
        }
        KcfgType::Bool => out[0] = (c == 'y') as u8,
        KcfgType::Tristate => {
            let v: u32 = match c {
                'y' => 1,
                'm' => 2,
                _ => 0,
            };
            for (o, b) in out.iter_mut().zip(v.to_le_bytes()) {
                *o = b;
            }
        }
        KcfgType::Char { .. } => out[0] = c as u8,
        _ => {
            return Err((
                warn(
                    e,
                    format!("value '{c}' implies bool, tristate, or char type"),
                ),
                EINVAL,
            ))
        }
    }
    Ok(out)
}

/// `set_kcfg_value_str()`: the string between the quotes, cut to the
/// array (libbpf warns and goes on), NUL-terminated.
fn value_str(e: &KconfigExtern, value: &str) -> Result<Vec<u8>, Refusal> {
    if e.ty != KcfgType::CharArr {
        return Err((
            warn(e, format!("value '{value}' implies char array type")),
            EINVAL,
        ));
    }
    if value.len() < 2 || !value.ends_with('"') {
        return Err((warn(e, format!("invalid string config '{value}'")), EINVAL));
    }
    let s = &value.as_bytes()[1..value.len() - 1];
    let len = s.len().min((e.size as usize).saturating_sub(1));
    let mut out = vec![0u8; e.size as usize];
    out[..len].copy_from_slice(&s[..len]);
    Ok(out)
}

/// `strtoull(value, &end, 0)` read whole: decimal, `0x` hex or `0` octal,
/// an optional sign (a minus negates, modulo 2^64).
fn parse_u64(value: &str) -> Option<u64> {
    let (neg, v) = match value.as_bytes().first() {
        Some(b'-') => (true, &value[1..]),
        Some(b'+') => (false, &value[1..]),
        _ => (false, value),
    };
    let n = if let Some(h) = v.strip_prefix("0x").or_else(|| v.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()?
    } else if v.len() > 1 && v.starts_with('0') {
        u64::from_str_radix(&v[1..], 8).ok()?
    } else {
        v.parse::<u64>().ok()?
    };
    Some(if neg { n.wrapping_neg() } else { n })
}

/// The bytes one config line gives an extern (`bpf_object__process_kconfig_line`).
fn line_value(e: &KconfigExtern, value: &str) -> Result<Vec<u8>, Refusal> {
    match value.chars().next() {
        Some(c @ ('y' | 'n' | 'm')) => value_tri(e, c),
        Some('"') => value_str(e, value),
        _ => {
            let Some(n) = parse_u64(value) else {
                return Err((
                    format!(
                        "failed to parse '{value}' as integer completely\n{}",
                        warn(e, format!("value '{value}' isn't a valid integer"))
                    ),
                    EINVAL,
                ));
            };
            if !matches!(e.ty, KcfgType::Int { .. } | KcfgType::Char { .. }) {
                return Err((
                    warn(e, format!("value '{value}' implies integer type")),
                    EINVAL,
                ));
            }
            value_num(e, n)
        }
    }
}

/// The value libbpf 1.1 gives a virtual extern on a kernel
/// (`LINUX_KERNEL_VERSION` from `uname -r`, and two feature probes), None
/// for a name it does not know.
pub fn virtual_value(name: &str, kernel: crate::KernelVersion) -> Option<u64> {
    // KERNEL_VERSION(a, b, c) of the release `uname -r` reports: Debian's
    // "6.1.0-57-amd64" and "6.12.95+deb12-amd64"
    let version = |a: u64, b: u64, c: u64| (a << 16) + (b << 8) + c.min(255);
    match name {
        "LINUX_KERNEL_VERSION" => Some(match kernel {
            crate::KernelVersion::V5_19 => version(5, 19, 0),
            crate::KernelVersion::V6_1 => version(6, 1, 0),
            crate::KernelVersion::V6_7 => version(6, 12, 95),
        }),
        // probed by libbpf; both are there on x86-64 since 5.15
        "LINUX_HAS_BPF_COOKIE" | "LINUX_HAS_SYSCALL_WRAPPER" => Some(1),
        _ => None,
    }
}

/// What libbpf refuses of the externs whatever the kernel: an unknown
/// virtual extern that is not a `__weak` `LINUX_*` one, or a virtual value
/// that does not fit its type.
pub fn check_virtual(externs: &[KconfigExtern]) -> Result<(), String> {
    for e in externs.iter().filter(|e| !e.name.starts_with("CONFIG_")) {
        match virtual_value(&e.name, crate::KernelVersion::V6_1) {
            Some(v) => {
                value_num(e, v).map_err(|(m, _)| m)?;
            }
            None if e.name.starts_with("LINUX_") && e.weak => {}
            None => return Err(warn(e, "unrecognized virtual extern".into())),
        }
    }
    Ok(())
}

/// Writes the `CONFIG_*` externs' values into the map's bytes, as libbpf
/// reads the kernel's configuration; an unset `__weak` one stays zero.
pub fn fill_config(
    externs: &[KconfigExtern],
    config: Option<&KernelConfig>,
    data: &mut Vec<u8>,
) -> Result<(), String> {
    let wanted: Vec<&KconfigExtern> = externs
        .iter()
        .filter(|e| e.name.starts_with("CONFIG_"))
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let Some(config) = config else {
        return Err("failed to open system Kconfig".into());
    };
    let mut set = vec![false; wanted.len()];
    for (name, value) in &config.lines {
        let Some(i) = wanted.iter().position(|e| &e.name == name) else {
            continue;
        };
        if set[i] {
            continue;
        }
        let e = wanted[i];
        // libbpf prints the line cut at its '='
        let bytes = line_value(e, value).map_err(|(m, errno)| {
            format!("{m}\nerror parsing system Kconfig line '{name}': -{errno}")
        })?;
        let (off, end) = (e.off as usize, e.off as usize + bytes.len());
        if data.len() < end {
            data.resize(end, 0);
        }
        data[off..end].copy_from_slice(&bytes);
        set[i] = true;
    }
    if let Some((e, _)) = wanted.iter().zip(&set).find(|(e, s)| !**s && !e.weak) {
        return Err(format!("extern '{}' (strong): not resolved", e.name));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(name: &str, size: u32, ty: KcfgType, weak: bool) -> KconfigExtern {
        KconfigExtern {
            name: name.into(),
            off: 0,
            size,
            ty,
            weak,
        }
    }

    #[test]
    fn values_are_read_as_libbpf_reads_them() {
        let config = KernelConfig::parse(
            "# CONFIG_A is not set\nCONFIG_HZ=250\nCONFIG_M=m\nCONFIG_S=\"abcdef\"\nCONFIG_X=0x10\nCONFIG_HZ=100\n",
        );
        let fill = |e: KconfigExtern| {
            let mut d = Vec::new();
            fill_config(&[e], Some(&config), &mut d).map(|_| d)
        };
        assert_eq!(
            fill(ext("CONFIG_HZ", 4, KcfgType::Int { signed: true }, false)),
            Ok(vec![250, 0, 0, 0])
        );
        assert_eq!(
            fill(ext("CONFIG_M", 4, KcfgType::Tristate, false)),
            Ok(vec![2, 0, 0, 0])
        );
        assert_eq!(
            fill(ext("CONFIG_S", 4, KcfgType::CharArr, false)),
            Ok(b"abc\0".to_vec())
        );
        assert_eq!(
            fill(ext("CONFIG_X", 2, KcfgType::Int { signed: false }, false)),
            Ok(vec![16, 0])
        );
        assert_eq!(
            fill(ext("CONFIG_M", 1, KcfgType::Bool, false)),
            Err("extern (kcfg) 'CONFIG_M': value 'm' implies tristate or char type\nerror parsing system Kconfig line 'CONFIG_M': -22".into())
        );
        assert_eq!(
            fill(ext("CONFIG_A", 1, KcfgType::Bool, true)),
            Ok(Vec::new())
        );
        assert_eq!(
            fill(ext("CONFIG_A", 1, KcfgType::Bool, false)),
            Err("extern 'CONFIG_A' (strong): not resolved".into())
        );
        assert_eq!(
            fill(ext("CONFIG_HZ", 1, KcfgType::Char { signed: true }, false)),
            Err("extern (kcfg) 'CONFIG_HZ': value '250' doesn't fit in 1 bytes\nerror parsing system Kconfig line 'CONFIG_HZ': -34".into())
        );
        assert_eq!(
            fill(ext("CONFIG_HZ", 1, KcfgType::Char { signed: false }, false)),
            Ok(vec![250])
        );
    }

    #[test]
    fn strtoull_forms() {
        assert_eq!(parse_u64("0x1f"), Some(31));
        assert_eq!(parse_u64("017"), Some(15));
        assert_eq!(parse_u64("0"), Some(0));
        assert_eq!(parse_u64("-1"), Some(u64::MAX));
        assert_eq!(parse_u64("12a"), None);
    }
}
