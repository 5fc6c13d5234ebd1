//! The program text format (`shared/spec/ASM.md`): a parser with located
//! diagnostics (every error is reported) and the encoder to kernel
//! instructions. The grammar follows the oracle's converter (`asm2c`), so a
//! file means the same thing to veristep and to the real kernel.

mod cursor;
mod directive;
mod insn;
mod lex;

use crate::insn::*;
use crate::program::{AttachType, MapDef, MapType, ProgType, Program, SrcLoc};
use cursor::*;
use directive::*;
use insn::*;
use lex::{lex, Tok, TokKind};
use std::cell::Cell;
use std::collections::{HashMap, HashSet};

/// Diagnostics kept for one text (later ones are dropped).
const MAX_DIAGNOSTICS: usize = 1000;

/// Most instruction slots a program may have (the kernel's 1M limit).
pub const MAX_INSNS: usize = 1_000_000;

/// One error, 1-based line and column, `len` characters underlined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: u32,
    pub col: u32,
    pub len: u32,
    pub message: String,
}

impl Diagnostic {
    /// `FILE:LINE:COL: error: MESSAGE`, the line, and a `^~~~` underline.
    pub fn render(&self, file: &str, src: &str) -> String {
        self.render_as("error", file, src)
    }

    /// `render` with another severity (`warning` for `Program::warnings`).
    pub fn render_as(&self, severity: &str, file: &str, src: &str) -> String {
        let text = src
            .lines()
            .nth(self.line.saturating_sub(1) as usize)
            .unwrap_or("");
        let col = self.col.max(1) as usize;
        let pad: String = text
            .chars()
            .take(col - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let under = format!("^{}", "~".repeat(self.len.saturating_sub(1) as usize));
        format!(
            "{}:{}:{}: {}: {}\n{}\n{}{}",
            file, self.line, self.col, severity, self.message, text, pad, under
        )
    }
}

/// A jump, call or function-address target not resolved yet.
#[derive(Clone, Debug)]
enum Target {
    Rel(i64),
    Label(String),
    Num(String, bool),
}

#[derive(Clone, Debug)]
struct Pending {
    insn: Insn,
    hi: Option<i32>,
    /// `rX = NAME[OFF] ll`: the map value of NAME at OFF (global data).
    value_off: Option<i32>,
    target: Option<Target>,
    /// `rX = NAME ll`: a map or a label
    name: Option<String>,
    line: u32,
    col: u32,
    len: u32,
    idx: usize,
    /// `.8byte N`: one instruction slot exactly as encoded (the half of a
    /// 64-bit load too), no name or target resolved.
    raw: bool,
}

impl Pending {
    /// Instruction slots: a 64-bit load's line fills two, a `.8byte` line one.
    fn slots(&self) -> usize {
        if self.insn.is_ld_imm64() && !self.raw {
            2
        } else {
            1
        }
    }
}

/// The labels of the text, known before its lines are parsed (so that
/// `call NAME` can tell a label from a helper), and what is left of the
/// budget for "did you mean" suggestions: each compares a name with every
/// label, so a text full of unknown names gets a bounded number of them.
#[derive(Default)]
struct Names {
    set: HashSet<String>,
    list: Vec<String>,
    suggestions_left: Cell<usize>,
    /// Names a suggestion was looked for (no more than diagnostics are kept).
    suggested: Cell<usize>,
}

impl Names {
    /// Comparisons of a name with a label that suggestions may make in one
    /// parse (a few milliseconds).
    const SUGGESTION_BUDGET: usize = 200_000;
    /// Names that get a suggestion: as many as diagnostics are kept.
    const MAX_SUGGESTED: usize = MAX_DIAGNOSTICS;

    fn add(&mut self, name: &str) {
        if self.list.is_empty() {
            self.suggestions_left.set(Self::SUGGESTION_BUDGET);
        }
        if self.set.insert(name.to_string()) {
            self.list.push(name.to_string());
        }
    }
    fn contains(&self, name: &str) -> bool {
        self.set.contains(name)
    }
}

struct Ctx {
    diags: Vec<Diagnostic>,
}

impl Ctx {
    fn err(&mut self, line: u32, col: u32, len: u32, msg: impl Into<String>) {
        if self.diags.len() < MAX_DIAGNOSTICS {
            self.diags.push(Diagnostic {
                line,
                col,
                len: len.max(1),
                message: msg.into(),
            });
        }
    }
}

/// The instructions read so far, each at its index, and the limit on
/// their number.
#[derive(Default)]
struct Laid {
    pending: Vec<Pending>,
    length: usize,
    too_many: bool,
}

impl Laid {
    /// An instruction line's outcome: the instruction takes its slots (two
    /// for a 64-bit load written as one line), or its error is reported.
    fn push(&mut self, cx: &mut Ctx, parsed: Result<Pending, PErr>, line: u32) {
        let mut p = match parsed {
            Ok(p) => p,
            Err((col, len, msg)) => return cx.err(line, col, len, msg),
        };
        p.line = line;
        p.idx = self.length;
        self.length += p.slots();
        if self.length > MAX_INSNS {
            if !self.too_many {
                cx.err(line, 1, 1, format!("more than {} instructions", MAX_INSNS));
                self.too_many = true;
            }
            return;
        }
        self.pending.push(p);
    }
}

/// The number after `.8byte`: decimal or `0x` hex, negative as LLVM
/// prints a signed one (`elf::parse_global_value`'s numbers), within 64 bits.
fn raw_encoding(text: &str) -> Option<u64> {
    let n = crate::elf::parse_global_value(text).ok()?;
    (i64::MIN as i128..=u64::MAX as i128)
        .contains(&n)
        .then_some(n as u64)
}

/// Parses program text into a [`Program`]; `Err` holds every diagnostic.
pub fn parse(src: &str) -> Result<Program, Vec<Diagnostic>> {
    let mut cx = Ctx { diags: Vec::new() };
    // nothing left over from a parse that panicked
    cursor::take_warnings();
    let mut prog = Program::new(Vec::new());
    // names are looked up in hash maps: a text of a million lines must
    // parse in time linear in its length, whatever it holds
    let mut map_names: HashMap<String, u32> = HashMap::new();
    let mut labels: Vec<(String, usize, u32, u32)> = Vec::new();
    let mut label_at: HashMap<String, usize> = HashMap::new();
    // each numeric label's positions, in increasing order
    let mut numlabels: HashMap<String, Vec<usize>> = HashMap::new();
    let mut laid = Laid::default();
    // first pass: label names, so `call NAME` can tell labels from helpers
    let mut names = Names::default();
    for raw in src.lines() {
        let (body, base, _) = strip_line(raw);
        if let Ok(toks) = lex(body, base) {
            let mut k = 0;
            while toks.len() >= k + 2 && toks[k + 1].is(":") && toks[k].kind == TokKind::Word {
                names.add(&toks[k].text);
                k += 2;
            }
        }
    }
    for (lno, raw) in src.lines().enumerate() {
        let line = (lno + 1) as u32;
        if let Some((col, sym)) = objdump_relocation(raw) {
            cx.err(
                line,
                col,
                sym.len() as u32,
                format!(
                    "llvm-objdump's relocation lines are not read: name `{sym}` in the instruction above (`rN = {sym} ll`, with `.map {sym} ...`)"
                ),
            );
            continue;
        }
        let (body, base, opcode) = strip_line(raw);
        // `[LABEL:] .8byte N`: a raw instruction, as the kernel's selftests
        // write the encodings LLVM has no syntax for (an extension of
        // ASM.md; `veristep disasm` writes them for an object's encodings
        // that no other text gives back)
        let (body, raw_insn) = match body.find(".8byte") {
            Some(at) => (&body[..at], Some((&body[at + 6..], at))),
            None => (body, None),
        };
        let mut toks = match lex(body, base) {
            Ok(t) => t,
            Err((col, msg)) => {
                cx.err(line, col, 1, msg);
                continue;
            }
        };
        // labels: IDENT ':' or NUM ':'
        while toks.len() >= 2
            && toks[1].is(":")
            && matches!(toks[0].kind, TokKind::Word | TokKind::Num)
        {
            let t = toks[0].clone();
            if t.kind == TokKind::Num {
                numlabels
                    .entry(t.text.clone())
                    .or_default()
                    .push(laid.length);
            } else if label_at.contains_key(&t.text) {
                cx.err(
                    line,
                    t.col,
                    t.text.len() as u32,
                    format!("duplicate label '{}'", t.text),
                );
            } else {
                label_at.insert(t.text.clone(), laid.length);
                labels.push((t.text.clone(), laid.length, line, t.col));
            }
            toks.drain(0..2);
        }
        if let Some((text, at)) = raw_insn {
            let col = base + at as u32 + 1;
            if !toks.is_empty() {
                cx.err(line, toks[0].col, 1, "expected a label or .8byte");
                continue;
            }
            let parsed = match raw_encoding(text) {
                Some(v) => {
                    let mut p = insn::raw_pending(Insn::from_bytes(v.to_le_bytes()));
                    p.col = col;
                    p.len = 6 + text.trim_end().len() as u32;
                    Ok(p)
                }
                None => Err((
                    col,
                    6,
                    "expected one number after .8byte: an instruction's 8 bytes, little-endian (.8byte 0x0000000000000095 is exit)".to_string(),
                )),
            };
            laid.push(&mut cx, parsed, line);
            continue;
        }
        if toks.is_empty() {
            continue;
        }
        if toks[0].is(".") {
            directive(&mut cx, &mut prog, &mut map_names, line, &toks);
            continue;
        }
        let parsed = parse_insn(&toks, &names, opcode);
        for (col, len, message) in cursor::take_warnings() {
            prog.warnings.push(Diagnostic {
                line,
                col,
                len: len.max(1),
                message,
            });
        }
        let parsed = parsed.map(|mut p| {
            p.col = toks[0].col;
            let last = &toks[toks.len() - 1];
            p.len = (last.col + last.text.len() as u32).saturating_sub(toks[0].col);
            p
        });
        laid.push(&mut cx, parsed, line);
    }
    let Laid {
        mut pending,
        length,
        ..
    } = laid;
    if pending.is_empty() && cx.diags.is_empty() {
        cx.err(1, 1, 1, "no instructions: a program needs at least one");
    }
    // resolve names and targets
    let mut insns: Vec<Insn> = Vec::with_capacity(length);
    let mut locs: Vec<SrcLoc> = Vec::with_capacity(length);
    for p in pending.iter_mut() {
        if let Some(name) = p.name.clone() {
            if let Some(idx) = map_names.get(&name) {
                p.insn.imm = *idx as i32;
                match p.value_off {
                    Some(off) => {
                        p.insn.src = BPF_PSEUDO_MAP_VALUE;
                        p.hi = Some(off);
                    }
                    None => p.insn.src = BPF_PSEUDO_MAP_FD,
                }
            } else if p.value_off.is_some() {
                cx.err(p.line, p.col, p.len, format!("unknown map '{}'", name));
            } else if label_at.contains_key(&name) {
                p.insn.src = BPF_PSEUDO_FUNC;
                p.target = Some(Target::Label(name));
            } else {
                cx.err(
                    p.line,
                    p.col,
                    p.len,
                    format!("unknown map or label '{}'", name),
                );
            }
        }
        if let Some(t) = p.target.clone() {
            let tidx: Option<i64> = match &t {
                Target::Rel(r) => Some(p.idx as i64 + 1 + r),
                Target::Label(l) => label_at.get(l).map(|&i| i as i64),
                Target::Num(n, fwd) => numlabels.get(n).and_then(|at| {
                    // the nearest after the instruction (`1f`), or the
                    // nearest at or before it (`1b`)
                    let k = at.partition_point(|&x| x <= p.idx);
                    if *fwd {
                        at.get(k)
                    } else {
                        k.checked_sub(1).and_then(|k| at.get(k))
                    }
                    .map(|&i| i as i64)
                }),
            };
            match tidx {
                None => {
                    let what = match &t {
                        Target::Label(l) => l.clone(),
                        Target::Num(n, f) => format!("{}{}", n, if *f { 'f' } else { 'b' }),
                        Target::Rel(r) => format!("{:+}", r),
                    };
                    cx.err(p.line, p.col, p.len, format!("no label '{}'", what));
                }
                Some(ti) => {
                    let rel = ti - (p.idx as i64 + 1);
                    let is_jump = matches!(p.insn.class(), BPF_JMP | BPF_JMP32)
                        && p.insn.op() != BPF_CALL
                        && p.insn.op() != BPF_EXIT;
                    if p.insn.is_gotol() {
                        if rel < i32::MIN as i64 || rel > i32::MAX as i64 {
                            cx.err(
                                p.line,
                                p.col,
                                p.len,
                                format!("jump offset {} does not fit in 32 bits", rel),
                            );
                        } else {
                            p.insn.imm = rel as i32;
                        }
                    } else if is_jump {
                        if rel < i16::MIN as i64 || rel > i16::MAX as i64 {
                            cx.err(
                                p.line,
                                p.col,
                                p.len,
                                format!("jump offset {} does not fit in 16 bits", rel),
                            );
                        } else {
                            p.insn.off = rel as i16;
                        }
                    } else {
                        p.insn.imm = rel as i32;
                        if p.insn.is_call() && p.insn.src == 0 {
                            p.insn.src = BPF_PSEUDO_CALL;
                        }
                    }
                }
            }
        }
        insns.push(p.insn);
        locs.push(SrcLoc {
            line: p.line,
            col: p.col,
        });
        if p.slots() == 2 {
            insns.push(Insn::new(0, 0, 0, 0, p.hi.unwrap_or(0)));
            locs.push(SrcLoc {
                line: p.line,
                col: p.col,
            });
        }
    }
    if !cx.diags.is_empty() {
        cx.diags.sort_by_key(|d| (d.line, d.col));
        return Err(cx.diags);
    }
    prog.insns = insns;
    prog.locs = locs;
    prog.labels = labels.into_iter().map(|(n, i, ..)| (n, i)).collect();
    give_outer_maps_their_inner_meta(&mut prog);
    // `.prog_flags SLEEPABLE` is the `sleepable` of `.prog_type`, in
    // whichever order the two come
    let flags = std::mem::take(&mut prog.prog_flags);
    prog.add_prog_flags(flags.0);
    if prog.btf_refused {
        // loaded as libbpf loads an object whose BTF the kernel refused:
        // no func info, and maps without BTF types (no lock, no timer)
        prog.no_func_info = true;
        prog.maps
            .iter_mut()
            .for_each(crate::program::MapDef::drop_btf_types);
    }
    Ok(prog)
}

/// `inner=NAME` names a template; the kernel copies it into each map of
/// maps (`bpf_map_meta_alloc()`: its `inner_map_meta`, without a name),
/// and a lookup in the outer map yields a pointer to that copy. So two
/// outer maps sharing a template yield two different maps (a call site
/// reached with both is poisoned, their states do not prune each other),
/// and neither is the template itself where the program also uses that
/// directly. A template of one outer map that the program does not name
/// becomes that outer map's copy; otherwise each outer map gets its own
/// copy, `OUTER.inner`, as an object's loader declares it.
fn give_outer_maps_their_inner_meta(prog: &mut Program) {
    let named: HashSet<u32> = prog
        .insns
        .iter()
        .filter(|i| i.is_ld_imm64() && matches!(i.src, BPF_PSEUDO_MAP_FD | BPF_PSEUDO_MAP_VALUE))
        .map(|i| i.imm as u32)
        .collect();
    let mut users: HashMap<u32, usize> = HashMap::new();
    for m in &prog.maps {
        if let Some(t) = m.inner {
            *users.entry(t).or_default() += 1;
        }
    }
    for o in 0..prog.maps.len() {
        let Some(t) = prog.maps[o].inner else {
            continue;
        };
        let Some(template) = prog.maps.get(t as usize) else {
            continue;
        };
        if users.get(&t) == Some(&1) && !named.contains(&t) {
            prog.maps[t as usize].inner_meta = true;
            continue;
        }
        let mut copy = template.clone();
        copy.name = format!("{}.inner", prog.maps[o].name);
        copy.kernel_name = None;
        copy.inner_meta = true;
        prog.maps[o].inner = Some(prog.maps.len() as u32);
        prog.maps.push(copy);
    }
}

/// Drops comments, a kernel-log `N: (xx) ` prefix and llvm-objdump bytes.
/// Returns the remaining text, the column it starts at (1-based) and the
/// kernel log's opcode byte `xx`, if the line had one.
fn strip_line(raw: &str) -> (&str, u32, Option<u8>) {
    // where the first comment at or after `from` starts
    let comment_at = |from: usize| {
        [";", "#", "//"]
            .iter()
            .filter_map(|pat| raw[from..].find(pat).map(|p| from + p))
            .min()
            .unwrap_or(raw.len())
    };
    let mut cut = comment_at(0);
    // the kernel log's call of a helper id it does not know,
    // `call unknown#195896080`: its number is the instruction's, not a
    // comment
    if let Some(end) = unknown_helper_number(raw, cut) {
        cut = comment_at(end);
    }
    let s = &raw[..cut];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if is_objdump_heading(t) {
        return ("", lead as u32 + 1, None);
    }
    let mut start = lead;
    // "12: (85) " kernel log prefix
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && t[digits..].starts_with(':') {
        let after = &t[digits + 1..];
        let ws = after.len() - after.trim_start().len();
        let rest = after.trim_start();
        if let Some((len, opcode)) = opcode_prefix(rest) {
            start += digits + 1 + ws + len;
            return (&s[start..lead + t.len()], start as u32 + 1, Some(opcode));
        }
        // llvm-objdump: 8 to 16 byte pairs
        let mut pos = 0usize;
        let mut pairs = 0;
        let rb = rest.as_bytes();
        while pos + 2 <= rb.len()
            && rb[pos].is_ascii_hexdigit()
            && rb[pos + 1].is_ascii_hexdigit()
            && (pos + 2 == rb.len() || rb[pos + 2] == b' ' || rb[pos + 2] == b'\t')
        {
            pairs += 1;
            pos += 2;
            while pos < rb.len() && (rb[pos] == b' ' || rb[pos] == b'\t') {
                pos += 1;
            }
            if pairs == 16 {
                break;
            }
        }
        if pairs >= 8 {
            // bytes alone: the second half of a 64-bit load, on a line of
            // its own in older llvm-objdump output
            start += digits + 1 + ws + pos;
            let text = without_target_symbol(&s[start..lead + t.len()]);
            return (text, start as u32 + 1, None);
        }
    }
    // "(85) call ...": a kernel log line copied without its index
    if let Some((len, opcode)) = opcode_prefix(t) {
        start += len;
        return (&s[start..lead + t.len()], start as u32 + 1, Some(opcode));
    }
    (
        without_target_symbol(&s[start..lead + t.len()]),
        start as u32 + 1,
        None,
    )
}

/// The kernel log's opcode byte `(xx)` and the blanks after it at the start
/// of `t`: their length and the byte. No instruction's text starts with `(`.
fn opcode_prefix(t: &str) -> Option<(usize, u8)> {
    let b = t.as_bytes();
    if b.len() < 4
        || b[0] != b'('
        || !b[1].is_ascii_hexdigit()
        || !b[2].is_ascii_hexdigit()
        || b[3] != b')'
    {
        return None;
    }
    let opcode = u8::from_str_radix(&t[1..3], 16).ok()?;
    let after = &t[4..];
    Some((4 + after.len() - after.trim_start().len(), opcode))
}

/// Where the number of `call unknown#N` ends, when `raw` has that `#` at
/// `hash`.
fn unknown_helper_number(raw: &str, hash: usize) -> Option<usize> {
    if !raw[hash..].starts_with('#') {
        return None;
    }
    let before = raw[..hash].strip_suffix("unknown")?;
    let call = before.trim_end().strip_suffix("call")?;
    if !(call.is_empty() || call.ends_with(|c: char| c.is_whitespace() || c == ')'))
        || before.len() == before.trim_end().len()
    {
        return None;
    }
    let after = &raw[hash + 1..];
    let sign = usize::from(after.starts_with('-'));
    let digits = after[sign..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then_some(hash + 1 + sign + digits)
}

/// The lines around llvm-objdump's instructions, which a pasted
/// `llvm-objdump -d` listing holds: `FILE:\tfile format elf64-bpf`,
/// `Disassembly of section NAME:` and a symbol's `0000000000000058 <LBB0_2>:`.
/// They carry no instruction (the jumps are relative), so they are blank.
fn is_objdump_heading(t: &str) -> bool {
    if t.starts_with("Disassembly of section ") && t.ends_with(':') {
        return true;
    }
    if let Some(at) = t.find("file format ") {
        return t[..at].trim_end().ends_with(':') && t[at..].contains("bpf");
    }
    match t.split_once(' ') {
        Some((addr, sym)) => {
            (8..=16).contains(&addr.len())
                && addr.bytes().all(|b| b.is_ascii_hexdigit())
                && sym.starts_with('<')
                && sym.ends_with(">:")
        }
        None => false,
    }
}

/// `llvm-objdump -r`'s line under an instruction, `0000000000000010:
/// R_BPF_64_64 my_map`: the column and name of its symbol.
fn objdump_relocation(raw: &str) -> Option<(u32, &str)> {
    let t = raw.trim_start();
    let (addr, rest) = t.split_once(':')?;
    if !(8..=16).contains(&addr.len()) || !addr.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let rest = rest.trim_start();
    let (kind, sym) = rest.split_once(char::is_whitespace)?;
    if !kind.starts_with("R_BPF_") {
        return None;
    }
    let sym = sym.trim();
    let col = raw.len() - raw[raw.find(kind)?..].len() + kind.len();
    let col = col + raw[col..].len() - raw[col..].trim_start().len();
    Some((col as u32 + 1, sym))
}

/// A jump or call without llvm-objdump's name of its target:
/// `if r1 != r0 goto +0x5 <LBB0_2>` is `if r1 != r0 goto +0x5`.
fn without_target_symbol(text: &str) -> &str {
    let Some(inner) = text.strip_suffix('>') else {
        return text;
    };
    let Some(lt) = inner.rfind('<') else {
        return text;
    };
    let sym = &inner[lt + 1..];
    let before = inner[..lt].trim_end();
    let symbol_like = !sym.is_empty()
        && sym
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-'));
    let target = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let jump = before.contains("goto") || before.starts_with("call");
    if symbol_like
        && jump
        && target.starts_with(['+', '-'])
        && inner[..lt].ends_with(char::is_whitespace)
    {
        before
    } else {
        text
    }
}

#[cfg(test)]
mod tests;
