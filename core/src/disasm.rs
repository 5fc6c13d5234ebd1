//! Instruction text as the kernel's verifier log prints it
//! (`print_bpf_insn()` of `kernel/bpf/disasm.c`, Linux 6.1), and a whole
//! program as `.s` text that parses back to the same bytes.

use crate::insn::*;
use crate::program::Program;

/// `bpf_alu_string[16]`, indexed by `BPF_OP(code) >> 4`. The kernel's table
/// has no entry for the ops 0xe0 and 0xf0: its `%s` of that NULL prints
/// `(null)`, and so do we.
const ALU: [&str; 16] = [
    "+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=", "neg", "%=", "^=", "=", "s>>=", "endian",
    "(null)", "(null)",
];
/// `bpf_jmp_string[16]`, the same way.
const JMP: [&str; 16] = [
    "jmp", "==", ">", ">=", "&", "!=", "s>", "s>=", "call", "exit", "<", "<=", "s<", "s<=",
    "(null)", "(null)",
];

/// The kernel's `bpf_alu_string[BPF_OP(code) >> 4]`.
fn alu_str(op: u8) -> &'static str {
    ALU[((op >> 4) & 0xf) as usize]
}

/// The kernel's `bpf_jmp_string[BPF_OP(code) >> 4]`.
fn jmp_str(op: u8) -> &'static str {
    JMP[((op >> 4) & 0xf) as usize]
}

fn ldst(size: u8) -> &'static str {
    match size {
        BPF_W => "u32",
        BPF_H => "u16",
        BPF_B => "u8",
        _ => "u64",
    }
}

fn atomic_alu(op: i32) -> &'static str {
    match op & 0xf0 {
        0x00 => "add",
        0x50 => "and",
        0x40 => "or",
        0xa0 => "xor",
        _ => "?",
    }
}

/// `%+d`
fn signed(v: i64) -> String {
    if v >= 0 {
        format!("+{}", v)
    } else {
        format!("{}", v)
    }
}

/// The fake kernel address a map pointer is printed with.
pub fn map_address(index: u32) -> u64 {
    0xffff_8880_0000_0000u64 + 0x1000 * (index as u64 + 1)
}

/// The user address an arena without `map_extra` is printed at (the
/// kernel's is wherever `mmap` put it: 0x7f... on x86-64).
pub const ARENA_USER_START: u64 = 0x7f00_0000_0000;

/// Name a call instruction refers to.
pub fn call_name(insn: &Insn) -> String {
    call_name_in(None, insn)
}

/// The same, a kernel function found in the program's kernel BTF too.
pub fn call_name_in(prog: Option<&Program>, insn: &Insn) -> String {
    if insn.src == BPF_PSEUDO_KFUNC_CALL {
        let in_kernel = || {
            let k = prog?.kernel_btf.as_ref()?;
            let t = k.btf.get(u32::try_from(insn.imm).ok()?).ok()?;
            (t.kind == crate::btf::KIND_FUNC).then(|| t.name.clone())
        };
        return crate::kfuncs::by_btf_id(insn.imm)
            .map(|k| k.name.to_string())
            .or_else(|| crate::kfuncs::by_text_id(insn.imm).map(|k| k.name.to_string()))
            .or_else(in_kernel)
            .unwrap_or_else(|| "<error>".to_string());
    }
    if insn.imm >= 0 {
        if let Some(n) = crate::helper_ids::helper_name(insn.imm as u32) {
            return n;
        }
    }
    // func_id_str[] has BPF_FUNC_unspec's name too (`call bpf_unspec#0`)
    if insn.imm == 0 && insn.src == 0 {
        return "bpf_unspec".to_string();
    }
    "unknown".to_string()
}

/// The text after `N: ` in the verifier log, e.g. `(b7) r1 = 0`.
/// The name the source gives what instruction `idx` refers to, where the
/// kernel's notation shows a number: the map of `r1 = 0xffff... ll`, the
/// callback of `r2 = 0x7`, the subprogram of `call pc+5`.
pub fn insn_note(prog: &Program, idx: usize) -> Option<String> {
    let insn = prog.insns.get(idx).copied()?;
    let label_of = |t: i64| {
        prog.labels
            .iter()
            .find(|(_, i)| *i as i64 == t)
            .map(|(n, _)| n.clone())
    };
    if insn.is_ld_imm64() {
        return match insn.src {
            BPF_PSEUDO_MAP_FD => prog
                .maps
                .get(insn.imm as usize)
                .map(|m| format!("map {}", m.name)),
            BPF_PSEUDO_MAP_VALUE => prog.maps.get(insn.imm as usize).map(|m| {
                let off = prog.insns.get(idx + 1).map(|x| x.imm).unwrap_or(0);
                format!("{}[{}]", m.name, off)
            }),
            BPF_PSEUDO_FUNC => label_of(idx as i64 + insn.imm as i64 + 1),
            _ => None,
        };
    }
    if insn.is_pseudo_call() {
        return label_of(idx as i64 + insn.imm as i64 + 1);
    }
    None
}

pub fn insn_text(prog: &Program, idx: usize) -> String {
    insn_text_for(prog, idx, true)
}

/// `print_bpf_insn()` of a kernel that knows cpu v4 (`v4`: 6.12 prints
/// `r1 = (s8)r2`, `r1 s/= r2`, `r1 = bswap16 r1`, `*(s8 *)` loads) or not
/// (6.1 prints a movsx as a plain move before refusing it).
pub fn insn_text_for(prog: &Program, idx: usize, v4: bool) -> String {
    let Some(insn) = prog.insns.get(idx).copied() else {
        return String::new();
    };
    let c = insn.code;
    let class = insn.class();
    let (d, s) = (insn.dst, insn.src);
    match class {
        BPF_ALU | BPF_ALU64 => {
            let w = if class == BPF_ALU { 'w' } else { 'r' };
            let op = insn.op();
            if op == BPF_END {
                if class == BPF_ALU64 {
                    if v4 {
                        return format!("({:02x}) r{} = bswap{} r{}", c, d, insn.imm, d);
                    }
                    return format!("BUG_alu64_{:02x}", c);
                }
                let dir = if insn.source() == BPF_TO_BE {
                    "be"
                } else {
                    "le"
                };
                format!("({:02x}) r{} = {}{} r{}", c, d, dir, insn.imm, d)
            } else if op == BPF_NEG {
                format!("({:02x}) {}{} = -{}{}", c, w, d, w, d)
            } else if v4 && c == BPF_ALU64 | BPF_MOV | BPF_X && insn.off == 1 {
                // is_addr_space_cast()
                let imm = insn.imm as u32;
                format!(
                    "({:02x}) r{} = addr_space_cast(r{}, {}, {})",
                    c,
                    d,
                    s,
                    imm >> 16,
                    imm & 0xffff
                )
            } else if v4 && c == BPF_ALU64 | BPF_MOV | BPF_X && insn.off == -1 {
                // is_mov_percpu_addr(): the kernel's own, refused in programs
                format!("({:02x}) r{} = &(void __percpu *)(r{})", c, d, s)
            } else if v4
                && op == BPF_MOV
                && insn.source() == BPF_X
                && matches!(insn.off, 8 | 16 | 32)
            {
                // movsx (a register's; `r1 = 5` with an offset of 8 is
                // printed as a plain move before it is refused)
                format!("({:02x}) {}{} = (s{}){}{}", c, w, d, insn.off, w, s)
            } else {
                // sdiv / smod: off 1
                let sym = match (v4 && insn.off == 1, op) {
                    (true, BPF_DIV) => "s/=",
                    (true, BPF_MOD) => "s%=",
                    _ => alu_str(op),
                };
                if insn.source() == BPF_X {
                    format!("({:02x}) {}{} {} {}{}", c, w, d, sym, w, s)
                } else {
                    format!("({:02x}) {}{} {} {}", c, w, d, sym, insn.imm)
                }
            }
        }
        BPF_STX => {
            let sz = ldst(insn.size());
            if insn.mode() == BPF_MEM {
                format!(
                    "({:02x}) *({} *)(r{} {}) = r{}",
                    c,
                    sz,
                    d,
                    signed(insn.off as i64),
                    s
                )
            } else if insn.mode() == BPF_ATOMIC {
                let dw = if insn.size() == BPF_DW { "64" } else { "" };
                match insn.imm {
                    0x00 | 0x50 | 0x40 | 0xa0 => format!(
                        "({:02x}) lock *({} *)(r{} {}) {} r{}",
                        c,
                        sz,
                        d,
                        signed(insn.off as i64),
                        alu_str(insn.imm as u8),
                        s
                    ),
                    0x01 | 0x51 | 0x41 | 0xa1 => format!(
                        "({:02x}) r{} = atomic{}_fetch_{}(({} *)(r{} {}), r{})",
                        c,
                        s,
                        dw,
                        atomic_alu(insn.imm),
                        sz,
                        d,
                        signed(insn.off as i64),
                        s
                    ),
                    BPF_CMPXCHG => format!(
                        "({:02x}) r0 = atomic{}_cmpxchg(({} *)(r{} {}), r0, r{})",
                        c,
                        dw,
                        sz,
                        d,
                        signed(insn.off as i64),
                        s
                    ),
                    BPF_XCHG => format!(
                        "({:02x}) r{} = atomic{}_xchg(({} *)(r{} {}), r{})",
                        c,
                        s,
                        dw,
                        sz,
                        d,
                        signed(insn.off as i64),
                        s
                    ),
                    _ => format!("BUG_{:02x}", c),
                }
            } else {
                format!("BUG_{:02x}", c)
            }
        }
        BPF_ST => {
            if insn.mode() == BPF_MEM {
                format!(
                    "({:02x}) *({} *)(r{} {}) = {}",
                    c,
                    ldst(insn.size()),
                    d,
                    signed(insn.off as i64),
                    insn.imm
                )
            } else if insn.mode() == 0xc0 {
                // BPF_NOSPEC (no UAPI)
                format!("({:02x}) nospec", c)
            } else {
                format!("BUG_st_{:02x}", c)
            }
        }
        BPF_LDX => {
            let sx = v4 && insn.mode() == BPF_MEMSX;
            if insn.mode() != BPF_MEM && !sx {
                return format!("BUG_ldx_{:02x}", c);
            }
            let ty = ldst(insn.size());
            let ty = if sx {
                ty.replacen('u', "s", 1)
            } else {
                ty.to_string()
            };
            format!(
                "({:02x}) r{} = *({} *)(r{} {})",
                c,
                d,
                ty,
                s,
                signed(insn.off as i64)
            )
        }
        BPF_LD => match insn.mode() {
            BPF_ABS => format!(
                "({:02x}) r0 = *({} *)skb[{}]",
                c,
                ldst(insn.size()),
                insn.imm
            ),
            BPF_IND => format!(
                "({:02x}) r0 = *({} *)skb[r{} + {}]",
                c,
                ldst(insn.size()),
                s,
                insn.imm
            ),
            BPF_IMM if insn.size() == BPF_DW => {
                let hi = prog.insns.get(idx + 1).map(|n| n.imm).unwrap_or(0);
                let imm = if s == BPF_PSEUDO_MAP_FD {
                    map_address(insn.imm as u32)
                } else if s == BPF_PSEUDO_MAP_VALUE
                    && prog
                        .maps
                        .get(insn.imm as u32 as usize)
                        .is_some_and(|m| m.map_type == crate::program::MapType::Arena)
                {
                    // an arena's user address (where libbpf's mmap put it:
                    // map_extra, or one of ours) plus the offset
                    let m = &prog.maps[insn.imm as u32 as usize];
                    let start = if m.map_extra != 0 {
                        m.map_extra
                    } else {
                        ARENA_USER_START
                    };
                    start.wrapping_add(hi as u32 as u64)
                } else if s == BPF_PSEUDO_MAP_VALUE {
                    // the value's address: past the map's header, plus the offset
                    map_address(insn.imm as u32)
                        .wrapping_add(0x110)
                        .wrapping_add(hi as u32 as u64)
                } else {
                    ((hi as u32 as u64) << 32) | insn.imm as u32 as u64
                };
                format!("({:02x}) r{} = {:#x}", c, d, imm)
            }
            _ => format!("BUG_ld_{:02x}", c),
        },
        BPF_JMP | BPF_JMP32 => {
            let w = if class == BPF_JMP32 { 'w' } else { 'r' };
            let op = insn.op();
            if op == BPF_CALL {
                if s == BPF_PSEUDO_CALL {
                    format!("({:02x}) call pc{}", c, signed(insn.imm as i64))
                } else {
                    // 6.1's func_id_name() knows ids below 210 only
                    let name = if !v4 && insn.src == 0 && insn.imm >= 210 {
                        "unknown".to_string()
                    } else {
                        call_name_in(Some(prog), &insn)
                    };
                    format!("({:02x}) call {}#{}", c, name, insn.imm)
                }
            } else if c == BPF_JMP | BPF_JA {
                format!("({:02x}) goto pc{}", c, signed(insn.off as i64))
            } else if v4 && c == BPF_JMP32 | BPF_JA {
                // 6.1's disasm.c knows no gotol: a compare with "jmp"
                format!("({:02x}) gotol pc{}", c, signed(insn.imm as i64))
            } else if v4 && c == BPF_JMP | BPF_JCOND && insn.src == 0 {
                // 6.12's disasm.c knows may_goto; 6.1's prints it as a
                // compare with its missing operator
                format!("({:02x}) may_goto pc{}", c, signed(insn.off as i64))
            } else if c == BPF_JMP | BPF_EXIT {
                format!("({:02x}) exit", c)
            } else if insn.source() == BPF_X {
                format!(
                    "({:02x}) if {}{} {} {}{} goto pc{}",
                    c,
                    w,
                    d,
                    jmp_str(op),
                    w,
                    s,
                    signed(insn.off as i64)
                )
            } else {
                format!(
                    "({:02x}) if {}{} {} {:#x} goto pc{}",
                    c,
                    w,
                    d,
                    jmp_str(op),
                    insn.imm as u32,
                    signed(insn.off as i64)
                )
            }
        }
        _ => format!("({:02x}) {}", c, "?"),
    }
}

/// The program as `.s` text (ASM.md) that parses back to the same bytes.
pub fn program_text(prog: &Program) -> String {
    let n = prog.insns.len();
    let mut out = String::new();
    if let Some(section) = &prog.missing_prog_type {
        // the text must not pretend the object's program loads as one
        out.push_str(&format!(
            "; section '{section}' gives libbpf no program type: the object's program does not load (the type below is a placeholder)\n"
        ));
    }
    if let Some(section) = &prog.freplace {
        out.push_str(&format!(
            "; section '{section}': an extension of another loaded program, which libbpf needs to load it (the type below is a placeholder)\n"
        ));
    }
    // a BTF-typed program names its target (`.prog_type tracing fentry
    // do_nanosleep`, `.prog_type lsm file_open`)
    let btf_typed = matches!(
        prog.prog_type,
        crate::program::ProgType::Tracing | crate::program::ProgType::Lsm
    );
    let struct_ops = prog.prog_type == crate::program::ProgType::StructOps;
    if let (true, Some(t)) = (struct_ops, prog.attach_to.as_deref()) {
        // `.prog_type struct_ops tcp_congestion_ops cong_avoid`
        let (st, member) = t.split_once('/').unwrap_or((t, ""));
        let sleepable = if prog.sleepable { " sleepable" } else { "" };
        out.push_str(&format!(".prog_type struct_ops {st} {member}{sleepable}\n"));
    } else if let (true, Some(t)) = (btf_typed, prog.attach_to.as_deref()) {
        let sleepable = if prog.sleepable { " sleepable" } else { "" };
        match prog.expected_attach_type {
            Some(a) if prog.prog_type == crate::program::ProgType::Tracing => {
                out.push_str(&format!(".prog_type tracing {} {t}{sleepable}\n", a.name()))
            }
            Some(crate::program::AttachType::LsmCgroup) => {
                out.push_str(&format!(".prog_type lsm_cgroup {t}{sleepable}\n"))
            }
            _ => out.push_str(&format!(".prog_type lsm {t}{sleepable}\n")),
        }
    } else {
        match prog
            .expected_attach_type
            .filter(|a| Some(*a) != prog.prog_type.implied_attach())
        {
            Some(a) => out.push_str(&format!(
                ".prog_type {} {}\n",
                prog.prog_type.name(),
                a.name()
            )),
            None => out.push_str(&format!(".prog_type {}\n", prog.prog_type.name())),
        }
    }
    out.push_str(&format!(".license \"{}\"\n", prog.license));
    // the load's flags; sleepable where `.prog_type` cannot say it (an
    // `uprobe.s/` program: kprobe)
    let mut flags = prog.prog_flags;
    let said = (struct_ops || btf_typed) && prog.attach_to.is_some();
    if prog.sleepable && !said && prog.prog_type != crate::program::ProgType::Syscall {
        flags.0 |= crate::program::ProgFlags::SLEEPABLE;
    }
    if flags.0 != 0 {
        out.push_str(&format!(".prog_flags {}\n", flags.names()));
    }
    // an inner map template is declared before the maps of maps that
    // name it (`inner=`), wherever the list holds it
    let mut printed = vec![false; prog.maps.len()];
    for (i, m) in prog.maps.iter().enumerate() {
        if let Some(t) = m.inner.map(|t| t as usize).filter(|&t| t > i) {
            if !printed[t] {
                printed[t] = true;
                disasm_map(&mut out, prog, &prog.maps[t]);
            }
        }
        if !printed[i] {
            printed[i] = true;
            disasm_map(&mut out, prog, m);
        }
    }
    // instruction starts: a target inside an ld_imm64 has no line to label;
    // the end of the program has one (a label on the text's last line)
    let mut starts = vec![false; n + 1];
    let mut k = 0;
    while k < n {
        starts[k] = true;
        k += if prog.insns[k].is_ld_imm64() { 2 } else { 1 };
    }
    starts[n] = true;
    let labelable = |t: i64| t >= 0 && (t as usize) <= n && starts[t as usize];
    // labels: the program's own names where it has them, else L<idx>
    let mut names: Vec<Option<String>> = vec![None; n + 1];
    let mut need = vec![false; n + 1];
    for (i, insn) in prog.insns.iter().enumerate() {
        if !starts[i] {
            continue;
        }
        let jump = (insn.class() == BPF_JMP || insn.class() == BPF_JMP32)
            && insn.op() != BPF_CALL
            && insn.op() != BPF_EXIT;
        let t = insn
            .subprog_target(i)
            .or_else(|| jump.then(|| i as i64 + insn.jmp_off() + 1));
        if let Some(t) = t {
            if labelable(t) {
                need[t as usize] = true;
            }
        }
    }
    // a name the text resolves back to this label: an identifier, not
    // `pc` (an offset), not a map's name (`rX = NAME ll` means the map)
    let usable = |name: &str| {
        let mut cs = name.chars();
        cs.next()
            .map(|c| c.is_ascii_alphabetic() || c == '_')
            .unwrap_or(false)
            && cs.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && name != "pc"
            && !prog.maps.iter().any(|m| m.name == name)
    };
    for (name, idx) in &prog.labels {
        if *idx <= n && starts[*idx] && names[*idx].is_none() && usable(name) {
            names[*idx] = Some(name.clone());
        }
    }
    let mut taken: std::collections::HashSet<String> = prog
        .labels
        .iter()
        .map(|(nm, _)| nm.clone())
        .chain(prog.maps.iter().map(|m| m.name.clone()))
        .collect();
    for i in 0..=n {
        if need[i] && names[i].is_none() {
            let mut nm = format!("L{}", i);
            while taken.contains(&nm) {
                nm.push('_');
            }
            taken.insert(nm.clone());
            names[i] = Some(nm);
        }
    }
    // a target outside the program (or inside an ld_imm64) keeps its
    // relative form, `pc+N` / `pc-N` (a jump's; an `ld_imm64` of a function
    // can only name a label, and a parsed one always has one)
    let label_at = |i: usize, t: i64| -> String {
        if labelable(t) {
            if let Some(nm) = &names[t as usize] {
                return nm.clone();
            }
        }
        format!("pc{:+}", t - (i as i64 + 1))
    };
    let mut i = 0;
    let mut last_line: Option<&str> = None;
    let mut exact = Exact::new();
    while i < n {
        if let Some(nm) = &names[i] {
            out.push_str(&format!("{}:\n", nm));
        }
        // a compiled object's source lines, as comments (they round-trip)
        for li in prog.line_info.iter().filter(|l| l.insn == i) {
            let line = li.line.trim();
            if !line.is_empty() && last_line != Some(line) {
                let ascii: String = line
                    .chars()
                    .map(|c| {
                        if c.is_ascii() && !c.is_ascii_control() {
                            c
                        } else {
                            '?'
                        }
                    })
                    .collect();
                out.push_str(&format!("    ; {}\n", ascii));
                last_line = Some(line);
            }
        }
        let insn = prog.insns[i];
        let class = insn.class();
        let text = if insn.is_ld_imm64() && !ld_imm64_has_text(prog, i) {
            // both slots as they are (the second may be missing)
            let mut t = exact.raw(prog, i);
            if let Some(second) = prog.insns.get(i + 1) {
                t.push_str(&format!(
                    "\n    .8byte {:#018x}",
                    u64::from_le_bytes(second.to_bytes())
                ));
            }
            t
        } else if insn.is_ld_imm64() {
            let hi = prog.insns.get(i + 1).map(|x| x.imm).unwrap_or(0);
            let v = match insn.src {
                BPF_PSEUDO_MAP_FD => prog
                    .maps
                    .get(insn.imm as usize)
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "0".into()),
                BPF_PSEUDO_MAP_VALUE => prog
                    .maps
                    .get(insn.imm as usize)
                    .map(|m| format!("{}[{}]", m.name, hi))
                    .unwrap_or_else(|| "0".into()),
                BPF_PSEUDO_FUNC => label_at(i, i as i64 + insn.imm as i64 + 1),
                _ => format!("{:#x}", ((hi as u32 as u64) << 32) | insn.imm as u32 as u64),
            };
            format!("r{} = {} ll", insn.dst, v)
        } else if insn.is_call() {
            match insn.src {
                BPF_PSEUDO_CALL => format!("call {}", label_at(i, i as i64 + insn.imm as i64 + 1)),
                BPF_PSEUDO_KFUNC_CALL => format!("call {}", call_name(&insn)),
                _ => format!("call {}", insn.imm),
            }
        } else if insn.code == BPF_JMP32 | BPF_JA {
            if exact.says("gotol +0", Insn { imm: 0, ..insn }) {
                format!("gotol {}", label_at(i, i as i64 + insn.imm as i64 + 1))
            } else {
                exact.raw(prog, i)
            }
        } else if insn.code == BPF_JMP | BPF_JCOND
            && insn.src == 0
            && insn.dst == 0
            && insn.imm == 0
        {
            format!("may_goto {}", label_at(i, i as i64 + insn.off as i64 + 1))
        } else if (class == BPF_JMP || class == BPF_JMP32) && insn.op() != BPF_EXIT {
            let t = label_at(i, i as i64 + insn.off as i64 + 1);
            let full = insn_text(prog, i);
            let body = full.split_once(") ").map(|x| x.1).unwrap_or("");
            match body.rsplit_once("goto ") {
                // the offset is the label's; the rest must say the encoding
                Some((head, _))
                    if exact.says(&format!("{head}goto +0"), Insn { off: 0, ..insn }) =>
                {
                    format!("{}goto {}", head, t)
                }
                _ => exact.raw(prog, i),
            }
        } else if class == BPF_LD && (insn.mode() == BPF_IND) {
            format!(
                "r0 = *({} *)skb[r{} + {}]",
                ldst(insn.size()),
                insn.src,
                insn.imm
            )
        } else if (class == BPF_ALU || class == BPF_ALU64)
            && insn.op() == BPF_MOV
            && insn.off != 0
            // the arena's addr_space_cast has its own form
            && !(insn.code == BPF_ALU64 | BPF_MOV | BPF_X && insn.off == 1)
        {
            let w = if class == BPF_ALU { 'w' } else { 'r' };
            format!("{}{} = (s{}){}{}", w, insn.dst, insn.off, w, insn.src)
        } else if class == BPF_STX && insn.mode() == BPF_ATOMIC {
            atomic_text(&insn)
        } else {
            let full = insn_text(prog, i);
            full.split_once(") ")
                .map(|x| x.1.to_string())
                .unwrap_or(full)
        };
        // an encoding the text would not give back (an unknown opcode or
        // atomic operation, a reserved field set): its bytes
        let text = if insn.is_call() {
            let fits = match insn.src {
                // `call N`
                0 => exact.says(&text, insn),
                // `call LABEL`: the offset is the label's
                BPF_PSEUDO_CALL => exact.says("call pc+0", Insn { imm: 0, ..insn }),
                // `call NAME`: the kernel function's id comes from its name
                _ => insn.dst == 0 && insn.off == 0,
            };
            if fits {
                text
            } else {
                exact.raw(prog, i)
            }
        } else if insn.is_ld_imm64()
            || ((class == BPF_JMP || class == BPF_JMP32) && insn.op() != BPF_EXIT)
        {
            // a jump's text was checked above, with its offset aside
            text
        } else if exact.says(&text, insn) {
            text
        } else {
            exact.raw(prog, i)
        };
        out.push_str("    ");
        out.push_str(&text);
        // a typed __ksym variable: loaded as 0 until libbpf resolves it
        // in the kernel's BTF, which the text cannot say (a comment)
        if let Some(k) = prog.ksyms.iter().find(|k| k.insn == i && !k.func) {
            out.push_str(&format!("  ; __ksym {}", k.name));
        }
        out.push('\n');
        i += if insn.is_ld_imm64() { 2 } else { 1 };
    }
    // a label at the end (`cb:` with nothing after it)
    if let Some(nm) = &names[n] {
        out.push_str(&format!("{}:\n", nm));
    }
    out
}

/// Whether the 64-bit load at `i` is one the text says: both slots there,
/// the reserved fields clear, a constant, a map or map value the program
/// declares, a function's address, or a typed `__ksym` (whose id the text
/// leaves to a comment).
fn ld_imm64_has_text(prog: &Program, i: usize) -> bool {
    let insn = prog.insns[i];
    let Some(second) = prog.insns.get(i + 1) else {
        return false;
    };
    let has_map = (insn.imm as u32 as usize) < prog.maps.len();
    let fields = insn.dst <= 10
        && insn.off == 0
        && second.code == 0
        && second.dst == 0
        && second.src == 0
        && second.off == 0;
    fields
        && match insn.src {
            0 => true,
            BPF_PSEUDO_MAP_FD | BPF_PSEUDO_FUNC => {
                second.imm == 0 && (insn.src != BPF_PSEUDO_MAP_FD || has_map)
            }
            BPF_PSEUDO_MAP_VALUE => has_map,
            _ => prog.ksyms.iter().any(|k| k.insn == i),
        }
}

/// Whether an instruction's text parses back to its encoding (an
/// object's bytes may be anything); answers are kept per encoding, as a
/// program repeats few.
struct Exact {
    cache: std::collections::HashMap<[u8; 8], bool>,
}

impl Exact {
    fn new() -> Self {
        Exact {
            cache: std::collections::HashMap::new(),
        }
    }

    fn says(&mut self, text: &str, insn: Insn) -> bool {
        *self.cache.entry(insn.to_bytes()).or_insert_with(|| {
            crate::asm::parse(&format!("{text}\nexit\n"))
                .ok()
                .and_then(|p| p.insns.first().map(|x| x.to_bytes()))
                == Some(insn.to_bytes())
        })
    }

    /// `.8byte 0x...`, with the kernel log's reading as a comment.
    fn raw(&self, prog: &Program, i: usize) -> String {
        let insn = prog.insns[i];
        let full = insn_text(prog, i);
        let seen = full.split_once(") ").map(|x| x.1).unwrap_or(&full);
        format!(
            ".8byte {:#018x}  ; {}",
            u64::from_le_bytes(insn.to_bytes()),
            seen
        )
    }
}

fn atomic_text(insn: &Insn) -> String {
    let sz = ldst(insn.size());
    let w = if insn.size() == BPF_DW { 'r' } else { 'w' };
    let bits = if insn.size() == BPF_DW { 64 } else { 32 };
    let m = format!("(r{} {:+})", insn.dst, insn.off);
    match insn.imm {
        0x00 | 0x50 | 0x40 | 0xa0 => format!(
            "lock *({} *){} {} {}{}",
            sz,
            m,
            alu_str(insn.imm as u8),
            w,
            insn.src
        ),
        0x01 | 0x51 | 0x41 | 0xa1 => format!(
            "{}{} = atomic_fetch_{}(({} *){}, {}{})",
            w,
            insn.src,
            atomic_alu(insn.imm),
            sz,
            m,
            w,
            insn.src
        ),
        BPF_XCHG => format!(
            "{}{} = xchg_{}(r{} {:+}, {}{})",
            w, insn.src, bits, insn.dst, insn.off, w, insn.src
        ),
        BPF_CMPXCHG => format!(
            "{}0 = cmpxchg_{}(r{} {:+}, {}0, {}{})",
            w, bits, insn.dst, insn.off, w, w, insn.src
        ),
        // Linux 6.15's, in LLVM 20's syntax: the loaded register is dst
        BPF_LOAD_ACQ => format!(
            "{}{} = load_acquire(({} *)(r{} {:+}))",
            w, insn.dst, sz, insn.src, insn.off
        ),
        BPF_STORE_REL => format!("store_release(({} *){}, {}{})", sz, m, w, insn.src),
        _ => format!("lock *({} *){} += {}{}", sz, m, w, insn.src),
    }
}

/// A map's `.map` line (and `.mapdata`, where it holds data).
fn disasm_map(out: &mut String, prog: &Program, m: &crate::program::MapDef) {
    if let Some(n) = m.unknown_type {
        out.push_str(&format!(
            "; map '{}' is of type {n}, which no modelled kernel knows: it cannot be created, and an array stands in below\n",
            m.name
        ));
    }
    if m.map_type == crate::program::MapType::Ringbuf {
        out.push_str(&format!(
            ".map {} ringbuf entries={}\n",
            m.name, m.max_entries
        ));
        return;
    }
    out.push_str(&format!(
        ".map {} {} key={} value={} entries={}",
        m.name,
        m.map_type.name(),
        m.key_size,
        m.value_size,
        m.max_entries
    ));
    if let Some(t) = m.timer_off {
        out.push_str(&format!(" timer={}", t));
    }
    if let Some(l) = m.lock_off {
        out.push_str(&format!(" lock={}", l));
    }
    if m.flags != 0 {
        out.push_str(&format!(" flags={}", m.flags));
    }
    if m.frozen {
        out.push_str(" frozen=1");
    }
    if m.map_extra != 0 {
        out.push_str(&format!(" extra={:#x}", m.map_extra));
    }
    if let Some(t) = m.inner.and_then(|i| prog.maps.get(i as usize)) {
        out.push_str(&format!(" inner={}", t.name));
    }
    out.push('\n');
    if m.data.iter().any(|b| *b != 0) {
        let hex: String = m.data.iter().map(|b| format!("{:02x}", b)).collect();
        out.push_str(&format!(".mapdata {} x{}\n", m.name, hex));
    }
}
