//! The program text format (`shared/spec/ASM.md`): a parser with located
//! diagnostics (every error is reported) and the encoder to kernel
//! instructions. The grammar follows the oracle's converter (`asm2c`), so a
//! file means the same thing to veristep and to the real kernel.

mod lex;

use crate::insn::*;
use crate::program::{MapDef, MapType, ProgType, Program, SrcLoc};
use lex::{lex, Tok, TokKind};

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
            "{}:{}:{}: error: {}\n{}\n{}{}",
            file, self.line, self.col, self.message, text, pad, under
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
}

struct Ctx {
    diags: Vec<Diagnostic>,
}

impl Ctx {
    fn err(&mut self, line: u32, col: u32, len: u32, msg: impl Into<String>) {
        if self.diags.len() < 1000 {
            self.diags.push(Diagnostic {
                line,
                col,
                len: len.max(1),
                message: msg.into(),
            });
        }
    }
}

/// Parses program text into a [`Program`]; `Err` holds every diagnostic.
pub fn parse(src: &str) -> Result<Program, Vec<Diagnostic>> {
    let mut cx = Ctx { diags: Vec::new() };
    let mut prog = Program::new(Vec::new());
    let mut map_names: Vec<(String, u32)> = Vec::new();
    let mut labels: Vec<(String, usize, u32, u32)> = Vec::new();
    let mut numlabels: Vec<(String, usize)> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut length = 0usize;
    let mut too_many = false;
    // first pass: label names, so `call NAME` can tell labels from helpers
    let mut names: Vec<String> = Vec::new();
    for raw in src.lines() {
        let (body, base) = strip_line(raw);
        if let Ok(toks) = lex(body, base) {
            let mut k = 0;
            while toks.len() >= k + 2 && toks[k + 1].is(":") && toks[k].kind == TokKind::Word {
                names.push(toks[k].text.clone());
                k += 2;
            }
        }
    }
    for (lno, raw) in src.lines().enumerate() {
        let line = (lno + 1) as u32;
        let (body, base) = strip_line(raw);
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
                numlabels.push((t.text.clone(), length));
            } else if labels.iter().any(|(n, ..)| *n == t.text) {
                cx.err(
                    line,
                    t.col,
                    t.text.len() as u32,
                    format!("duplicate label '{}'", t.text),
                );
            } else {
                labels.push((t.text.clone(), length, line, t.col));
            }
            toks.drain(0..2);
        }
        if toks.is_empty() {
            continue;
        }
        if toks[0].is(".") {
            directive(&mut cx, &mut prog, &mut map_names, line, &toks);
            continue;
        }
        match parse_insn(&toks, &names) {
            Ok(mut p) => {
                p.line = line;
                p.col = toks[0].col;
                let last = &toks[toks.len() - 1];
                p.len = (last.col + last.text.len() as u32).saturating_sub(toks[0].col);
                p.idx = length;
                length += if p.insn.is_ld_imm64() { 2 } else { 1 };
                if length > MAX_INSNS {
                    if !too_many {
                        cx.err(line, 1, 1, format!("more than {} instructions", MAX_INSNS));
                        too_many = true;
                    }
                    continue;
                }
                pending.push(p);
            }
            Err((col, len, msg)) => cx.err(line, col, len, msg),
        }
    }
    if pending.is_empty() && cx.diags.is_empty() {
        cx.err(1, 1, 1, "no instructions: a program needs at least one");
    }
    // resolve names and targets
    let mut insns: Vec<Insn> = Vec::with_capacity(length);
    let mut locs: Vec<SrcLoc> = Vec::with_capacity(length);
    for p in pending.iter_mut() {
        if let Some(name) = p.name.clone() {
            if let Some((_, idx)) = map_names.iter().find(|(n, _)| *n == name) {
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
            } else if labels.iter().any(|(n, ..)| *n == name) {
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
                Target::Label(l) => labels.iter().find(|(n, ..)| n == l).map(|x| x.1 as i64),
                Target::Num(n, fwd) => {
                    let c = numlabels
                        .iter()
                        .filter(|(nn, x)| nn == n && ((*x > p.idx) == *fwd))
                        .map(|x| x.1 as i64);
                    if *fwd {
                        c.min()
                    } else {
                        c.max()
                    }
                }
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
        if p.insn.is_ld_imm64() {
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
    Ok(prog)
}

/// Drops comments, a kernel-log `N: (xx) ` prefix and llvm-objdump bytes.
/// Returns the remaining text and the column it starts at (1-based).
fn strip_line(raw: &str) -> (&str, u32) {
    let mut cut = raw.len();
    for pat in [";", "#", "//"] {
        if let Some(p) = raw.find(pat) {
            cut = cut.min(p);
        }
    }
    let s = &raw[..cut];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    let mut start = lead;
    // "12: (85) " kernel log prefix
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && t[digits..].starts_with(':') {
        let after = &t[digits + 1..];
        let ws = after.len() - after.trim_start().len();
        let rest = after.trim_start();
        let b = rest.as_bytes();
        if b.len() >= 4
            && b[0] == b'('
            && b[1].is_ascii_hexdigit()
            && b[2].is_ascii_hexdigit()
            && b[3] == b')'
        {
            let r2 = &rest[4..];
            let ws2 = r2.len() - r2.trim_start().len();
            start += digits + 1 + ws + 4 + ws2;
            return (&s[start..lead + t.len()], start as u32 + 1);
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
        if pairs >= 8 && pos < rb.len() {
            start += digits + 1 + ws + pos;
            return (&s[start..lead + t.len()], start as u32 + 1);
        }
    }
    (&s[start..lead + t.len()], start as u32 + 1)
}

fn num_of(t: &Tok) -> Option<i128> {
    let s = t.text.as_str();
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        i128::from_str_radix(h, 16).ok()
    } else {
        s.parse::<i128>().ok()
    }
}

type PErr = (u32, u32, String);

fn perr(t: &Tok, msg: impl Into<String>) -> PErr {
    (t.col, t.text.len().max(1) as u32, msg.into())
}

/// A cursor over one line's tokens.
struct Cur<'a> {
    t: &'a [Tok],
    i: usize,
    end_col: u32,
}

impl<'a> Cur<'a> {
    fn peek(&self) -> Option<&'a Tok> {
        self.t.get(self.i)
    }
    fn peek_is(&self, s: &str) -> bool {
        self.peek().map(|t| t.is(s)).unwrap_or(false)
    }
    fn at(&self, k: usize) -> Option<&'a Tok> {
        self.t.get(self.i + k)
    }
    fn eat(&mut self, s: &str) -> bool {
        if self.peek_is(s) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, s: &str) -> Result<(), PErr> {
        if self.eat(s) {
            Ok(())
        } else {
            Err(self.here(format!("expected '{}'", s)))
        }
    }
    fn here(&self, msg: String) -> PErr {
        match self.peek() {
            Some(t) => perr(t, msg),
            None => (self.end_col, 1, msg),
        }
    }
    fn done(&self) -> bool {
        self.i >= self.t.len()
    }
    fn end(&self) -> Result<(), PErr> {
        match self.peek() {
            None => Ok(()),
            Some(t) => Err(perr(t, format!("unexpected '{}'", t.text))),
        }
    }
    /// A register `rN` / `wN`: (is_w, n).
    fn reg(&mut self) -> Result<(bool, u8), PErr> {
        let t = self
            .peek()
            .ok_or_else(|| self.here("expected a register".into()))?;
        match reg_of(t) {
            Some(Ok(r)) => {
                self.i += 1;
                Ok(r)
            }
            Some(Err(e)) => Err(e),
            None => Err(perr(t, format!("expected a register, found '{}'", t.text))),
        }
    }
    /// `[+|-] NUM` as i128.
    fn number(&mut self) -> Result<i128, PErr> {
        let mut neg = false;
        if self.eat("-") {
            neg = true;
        } else {
            self.eat("+");
        }
        let t = self
            .peek()
            .ok_or_else(|| self.here("expected a number".into()))?;
        if t.kind != TokKind::Num {
            return Err(perr(t, format!("expected a number, found '{}'", t.text)));
        }
        let v = num_of(t).ok_or_else(|| perr(t, format!("bad number '{}'", t.text)))?;
        self.i += 1;
        Ok(if neg { -v } else { v })
    }
    /// `(SZ *)` → size bits and whether signed.
    fn size_cast(&mut self) -> Result<(u8, bool), PErr> {
        self.expect("(")?;
        let t = self
            .peek()
            .ok_or_else(|| self.here("expected u8/u16/u32/u64".into()))?;
        let r = match t.text.as_str() {
            "u8" => (BPF_B, false),
            "u16" => (BPF_H, false),
            "u32" => (BPF_W, false),
            "u64" => (BPF_DW, false),
            "s8" => (BPF_B, true),
            "s16" => (BPF_H, true),
            "s32" => (BPF_W, true),
            _ => {
                return Err(perr(
                    t,
                    format!("expected u8, u16, u32 or u64, found '{}'", t.text),
                ))
            }
        };
        self.i += 1;
        self.expect("*")?;
        self.expect(")")?;
        Ok(r)
    }
    /// `(rB [+|- OFF])`
    fn mem(&mut self) -> Result<(u8, i16), PErr> {
        self.expect("(")?;
        let (w, b) = self.reg()?;
        if w {
            return Err(self.here("a memory base must be an r register".into()));
        }
        let off = self.offset()?;
        self.expect(")")?;
        Ok((b, off))
    }
    fn offset(&mut self) -> Result<i16, PErr> {
        if self.peek_is("+") || self.peek_is("-") {
            let t = self.peek().cloned();
            let v = self.number()?;
            if v < i16::MIN as i128 || v > i16::MAX as i128 {
                let t = t.unwrap_or_else(|| Tok::word("", 1));
                return Err(perr(&t, format!("offset {} does not fit in 16 bits", v)));
            }
            return Ok(v as i16);
        }
        Ok(0)
    }
}

fn reg_of(t: &Tok) -> Option<Result<(bool, u8), PErr>> {
    if t.kind != TokKind::Word {
        return None;
    }
    let s = t.text.as_str();
    let (w, rest) = if let Some(r) = s.strip_prefix('r') {
        (false, r)
    } else if let Some(r) = s.strip_prefix('w') {
        (true, r)
    } else {
        return None;
    };
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match rest.parse::<u32>() {
        Ok(n) if n <= 10 => Some(Ok((w, n as u8))),
        _ => Some(Err(perr(t, format!("no register {}", s)))),
    }
}

fn imm32(v: i128, t: &Tok) -> Result<i32, PErr> {
    if v < i32::MIN as i128 || v > u32::MAX as i128 {
        return Err(perr(t, format!("immediate {} does not fit in 32 bits", v)));
    }
    Ok(v as i64 as i32)
}

fn jump_target(c: &mut Cur) -> Result<Target, PErr> {
    let t = c
        .peek()
        .ok_or_else(|| c.here("expected a jump target".into()))?
        .clone();
    if t.is("pc") {
        c.i += 1;
        let v = c.number()?;
        return Ok(Target::Rel(v as i64));
    }
    if t.is("+") || t.is("-") {
        let v = c.number()?;
        return Ok(Target::Rel(v as i64));
    }
    if t.kind == TokKind::Num {
        // numeric label 1f / 1b (lexed as one word "1f"/"1b" after a number?)
        return Err(perr(&t, format!("bad jump target '{}'", t.text)));
    }
    if t.kind == TokKind::Word {
        c.i += 1;
        let s = t.text.clone();
        let b = s.as_bytes();
        if b.len() >= 2
            && b[..b.len() - 1].iter().all(|x| x.is_ascii_digit())
            && (b[b.len() - 1] == b'f' || b[b.len() - 1] == b'b')
        {
            return Ok(Target::Num(
                s[..s.len() - 1].to_string(),
                b[b.len() - 1] == b'f',
            ));
        }
        return Ok(Target::Label(s));
    }
    Err(perr(&t, format!("bad jump target '{}'", t.text)))
}

fn pend(insn: Insn) -> Pending {
    Pending {
        insn,
        hi: None,
        value_off: None,
        target: None,
        name: None,
        line: 0,
        col: 0,
        len: 0,
        idx: 0,
    }
}

const ALU_OPS: &[(&str, u8)] = &[
    ("+=", BPF_ADD),
    ("-=", BPF_SUB),
    ("*=", BPF_MUL),
    ("/=", BPF_DIV),
    ("|=", BPF_OR),
    ("&=", BPF_AND),
    ("<<=", BPF_LSH),
    (">>=", BPF_RSH),
    ("%=", BPF_MOD),
    ("^=", BPF_XOR),
    ("=", BPF_MOV),
];

fn jmp_op(c: &mut Cur) -> Option<u8> {
    let t = c.peek()?;
    if t.is("s") {
        let n = c.at(1)?;
        let op = match n.text.as_str() {
            ">" => BPF_JSGT,
            ">=" => BPF_JSGE,
            "<" => BPF_JSLT,
            "<=" => BPF_JSLE,
            _ => return None,
        };
        c.i += 2;
        return Some(op);
    }
    let op = match t.text.as_str() {
        "==" => BPF_JEQ,
        "!=" => BPF_JNE,
        ">" => BPF_JGT,
        ">=" => BPF_JGE,
        "<" => BPF_JLT,
        "<=" => BPF_JLE,
        "&" => BPF_JSET,
        _ => return None,
    };
    c.i += 1;
    Some(op)
}

fn parse_insn(toks: &[Tok], names: &[String]) -> Result<Pending, PErr> {
    let last = &toks[toks.len() - 1];
    let mut c = Cur {
        t: toks,
        i: 0,
        end_col: last.col + last.text.len() as u32,
    };
    let first = toks[0].clone();
    match first.text.as_str() {
        "exit" => {
            c.i = 1;
            c.end()?;
            return Ok(pend(Insn::new(BPF_JMP | BPF_EXIT, 0, 0, 0, 0)));
        }
        "goto" | "gotol" => {
            c.i = 1;
            let t = jump_target(&mut c)?;
            c.end()?;
            let mut p = pend(Insn::new(BPF_JMP | BPF_JA, 0, 0, 0, 0));
            if first.text == "gotol" {
                p.insn.code = BPF_JMP32 | BPF_JA;
            }
            p.target = Some(t);
            return Ok(p);
        }
        "call" => {
            c.i = 1;
            return parse_call(&mut c, names);
        }
        "if" => {
            c.i = 1;
            let (w, d) = c.reg()?;
            let op = jmp_op(&mut c).ok_or_else(|| {
                c.here("expected a comparison (==, !=, >, >=, <, <=, s>, s>=, s<, s<=, &)".into())
            })?;
            let class = if w { BPF_JMP32 } else { BPF_JMP };
            let mut insn = Insn::new(class | op, d, 0, 0, 0);
            if let Some(Some(r)) = c.peek().map(reg_of) {
                let (w2, s) = r?;
                if w2 != w {
                    return Err(c.here("mixed register widths".into()));
                }
                c.i += 1;
                insn.code |= BPF_X;
                insn.src = s;
            } else {
                let t = c
                    .peek()
                    .cloned()
                    .unwrap_or_else(|| Tok::word("", c.end_col));
                let v = c.number()?;
                insn.imm = imm32(v, &t)?;
            }
            if !c.eat("goto") {
                return Err(c.here("expected 'goto'".into()));
            }
            let t = jump_target(&mut c)?;
            c.end()?;
            let mut p = pend(insn);
            p.target = Some(t);
            return Ok(p);
        }
        "lock" => {
            c.i = 1;
            c.expect("*")?;
            let (sz, _) = c.size_cast()?;
            let (b, off) = c.mem()?;
            let t = c
                .peek()
                .cloned()
                .ok_or_else(|| c.here("expected +=, &=, |= or ^=".into()))?;
            let op = match t.text.as_str() {
                "+=" => 0x00,
                "&=" => 0x50,
                "|=" => 0x40,
                "^=" => 0xa0,
                _ => return Err(perr(&t, "expected +=, &=, |= or ^=")),
            };
            c.i += 1;
            let (_, s) = c.reg()?;
            c.end()?;
            return Ok(pend(Insn::new(BPF_STX | BPF_ATOMIC | sz, b, s, off, op)));
        }
        "*" => {
            c.i = 1;
            let (sz, signed) = c.size_cast()?;
            if signed {
                return Err(perr(&toks[2], "stores take u8, u16, u32 or u64"));
            }
            let (b, off) = c.mem()?;
            c.expect("=")?;
            if let Some(Some(r)) = c.peek().map(reg_of) {
                let (_, s) = r?;
                c.i += 1;
                c.end()?;
                return Ok(pend(Insn::new(BPF_STX | BPF_MEM | sz, b, s, off, 0)));
            }
            let t = c
                .peek()
                .cloned()
                .unwrap_or_else(|| Tok::word("", c.end_col));
            let v = c.number()?;
            c.end()?;
            return Ok(pend(Insn::new(
                BPF_ST | BPF_MEM | sz,
                b,
                0,
                off,
                imm32(v, &t)?,
            )));
        }
        _ => {}
    }
    // everything else starts with a register
    let (w, d) = c.reg()?;
    let class = if w { BPF_ALU } else { BPF_ALU64 };
    // s>>=, and cpu v4's signed s/= and s%= (off = 1)
    if c.peek_is("s") {
        let next = c.at(1).map(|t| t.text.clone()).unwrap_or_default();
        let signed = match next.as_str() {
            ">>=" => Some((BPF_ARSH, 0)),
            "/=" => Some((BPF_DIV, 1)),
            "%=" => Some((BPF_MOD, 1)),
            _ => None,
        };
        if let Some((op, off)) = signed {
            c.i += 2;
            let mut p = alu_operand(&mut c, class | op, d, w)?;
            p.insn.off = off;
            return Ok(p);
        }
    }
    let opt = c
        .peek()
        .cloned()
        .ok_or_else(|| c.here("expected an operator".into()))?;
    let Some(&(_, op)) = ALU_OPS.iter().find(|(s, _)| opt.is(s)) else {
        return Err(perr(
            &opt,
            format!("expected an operator, found '{}'", opt.text),
        ));
    };
    c.i += 1;
    if op != BPF_MOV {
        return alu_operand(&mut c, class | op, d, w);
    }
    // r = ...
    if c.peek_is("-") {
        if let Some(Some(Ok((w2, s)))) = c.at(1).map(reg_of) {
            if s == d && w2 == w {
                c.i += 2;
                c.end()?;
                return Ok(pend(Insn::new(class | BPF_NEG, d, 0, 0, 0)));
            }
        }
    }
    if let Some(t) = c.peek() {
        // cpu v4: `r1 = bswap16 r1`, an unconditional swap (ALU64, TO_LE)
        if let Some(bits) = t.text.strip_prefix("bswap") {
            if let Ok(b @ (16 | 32 | 64)) = bits.parse::<i32>() {
                if w {
                    return Err(c.here("bswap takes an r register".into()));
                }
                c.i += 1;
                let (_, s) = c.reg()?;
                if s != d {
                    return Err(c.here("a byte swap works in place (rN = bswap16 rN)".into()));
                }
                c.end()?;
                return Ok(pend(Insn::new(BPF_ALU64 | BPF_END | BPF_TO_LE, d, 0, 0, b)));
            }
        }
        for (name, dir) in [("be", BPF_TO_BE), ("le", BPF_TO_LE)] {
            if let Some(bits) = t.text.strip_prefix(name) {
                if let Ok(b) = bits.parse::<i32>() {
                    if [16, 32, 64].contains(&b) {
                        c.i += 1;
                        let (_, s) = c.reg()?;
                        if s != d {
                            return Err(c.here("a byte swap works in place (rN = be16 rN)".into()));
                        }
                        c.end()?;
                        return Ok(pend(Insn::new(BPF_ALU | BPF_END | dir, d, 0, 0, b)));
                    }
                }
            }
        }
        if t.is("*") {
            // load: r = *(SZ *)(rB + off) or skb[...]
            c.i += 1;
            let (sz, signed) = c.size_cast()?;
            if c.peek_is("skb") {
                c.i += 1;
                c.expect("[")?;
                if let Some(Some(r)) = c.peek().map(reg_of) {
                    let (_, s) = r?;
                    c.i += 1;
                    let mut imm = 0i32;
                    // the kernel prints a negative offset as `+ -70`
                    if c.peek_is("+") && c.at(1).map(|t| t.is("-")).unwrap_or(false) {
                        c.i += 1;
                    }
                    if c.peek_is("+") || c.peek_is("-") {
                        let tt = c
                            .peek()
                            .cloned()
                            .unwrap_or_else(|| Tok::word("", c.end_col));
                        imm = imm32(c.number()?, &tt)?;
                    }
                    c.expect("]")?;
                    c.end()?;
                    return Ok(pend(Insn::new(BPF_LD | BPF_IND | sz, 0, s, 0, imm)));
                }
                let tt = c
                    .peek()
                    .cloned()
                    .unwrap_or_else(|| Tok::word("", c.end_col));
                let v = imm32(c.number()?, &tt)?;
                c.expect("]")?;
                c.end()?;
                return Ok(pend(Insn::new(BPF_LD | BPF_ABS | sz, 0, 0, 0, v)));
            }
            let (b, off) = c.mem()?;
            c.end()?;
            let mode = if signed { BPF_MEMSX } else { BPF_MEM };
            return Ok(pend(Insn::new(BPF_LDX | mode | sz, d, b, off, 0)));
        }
        if t.is("(") {
            // movsx: r = (s8) r2
            if let Some(ty) = c.at(1) {
                let off = match ty.text.as_str() {
                    "s8" => 8,
                    "s16" => 16,
                    "s32" => 32,
                    _ => 0,
                };
                if off != 0 {
                    c.i += 2;
                    c.expect(")")?;
                    let (_, s) = c.reg()?;
                    c.end()?;
                    return Ok(pend(Insn::new(class | BPF_MOV | BPF_X, d, s, off, 0)));
                }
            }
        }
        let word = t.text.as_str();
        // the kernel log's forms: atomic64_fetch_add((u64 *)(r10 -8), r1),
        // atomic_xchg((u32 *)(r10 -8), r1), atomic64_cmpxchg((u64 *)(...), r0, r2)
        let kword = word.replacen("atomic64_", "atomic_", 1);
        if kword == "atomic_xchg" || kword == "atomic_cmpxchg" {
            let is_cmp = kword == "atomic_cmpxchg";
            c.i += 1;
            c.expect("(")?;
            let (sz, _) = c.size_cast()?;
            let (b, off) = c.mem()?;
            c.expect(",")?;
            if is_cmp {
                let (_, r0) = c.reg()?;
                if r0 != 0 || d != 0 {
                    return Err(c.here("cmpxchg compares with r0".into()));
                }
                c.expect(",")?;
            }
            let (_, s) = c.reg()?;
            c.expect(")")?;
            c.end()?;
            if !is_cmp && s != d {
                return Err((
                    first.col,
                    1,
                    "the old value goes to the source register".into(),
                ));
            }
            let imm = if is_cmp { BPF_CMPXCHG } else { BPF_XCHG };
            return Ok(pend(Insn::new(BPF_STX | BPF_ATOMIC | sz, b, s, off, imm)));
        }
        if let Some(kind) = kword.strip_prefix("atomic_fetch_") {
            let op = match kind {
                "add" => 0x01,
                "and" => 0x51,
                "or" => 0x41,
                "xor" => 0xa1,
                _ => return Err(perr(t, "expected atomic_fetch_add/and/or/xor")),
            };
            c.i += 1;
            c.expect("(")?;
            let (sz, _) = c.size_cast()?;
            let (b, off) = c.mem()?;
            c.expect(",")?;
            let (_, s) = c.reg()?;
            c.expect(")")?;
            c.end()?;
            if s != d {
                return Err((
                    first.col,
                    1,
                    "the fetched value goes to the source register".into(),
                ));
            }
            return Ok(pend(Insn::new(BPF_STX | BPF_ATOMIC | sz, b, s, off, op)));
        }
        let xchg = ["xchg_64", "xchg_32", "xchg32_32"];
        let cmpx = ["cmpxchg_64", "cmpxchg_32", "cmpxchg32_32"];
        if xchg.contains(&word) || cmpx.contains(&word) {
            let is_cmp = cmpx.contains(&word);
            let sz = if word.ends_with("_64") { BPF_DW } else { BPF_W };
            c.i += 1;
            c.expect("(")?;
            let (_, b) = c.reg()?;
            let off = c.offset()?;
            c.expect(",")?;
            if is_cmp {
                let (_, r0) = c.reg()?;
                if r0 != 0 {
                    return Err(c.here("cmpxchg compares with r0".into()));
                }
                c.expect(",")?;
            }
            let (_, s) = c.reg()?;
            c.expect(")")?;
            c.end()?;
            let imm = if is_cmp { BPF_CMPXCHG } else { BPF_XCHG };
            return Ok(pend(Insn::new(BPF_STX | BPF_ATOMIC | sz, b, s, off, imm)));
        }
        // 64-bit load: r = X ll
        if toks.last().map(|t| t.is("ll")).unwrap_or(false) {
            if w {
                return Err((first.col, 1, "a 64-bit load needs an r register".into()));
            }
            let mut p = pend(Insn::new(BPF_LD | BPF_IMM | BPF_DW, d, 0, 0, 0));
            let vt = c
                .peek()
                .cloned()
                .unwrap_or_else(|| Tok::word("", c.end_col));
            if vt.kind == TokKind::Word && c.at(1).map(|t| t.is("ll")).unwrap_or(false) {
                p.name = Some(vt.text.clone());
                c.i += 2;
                c.end()?;
                return Ok(p);
            }
            // global data: `r1 = NAME[OFF] ll`, a pointer into the map's value
            if vt.kind == TokKind::Word && c.at(1).map(|t| t.is("[")).unwrap_or(false) {
                p.name = Some(vt.text.clone());
                c.i += 2;
                let ot = c
                    .peek()
                    .cloned()
                    .unwrap_or_else(|| Tok::word("", c.end_col));
                let off = imm32(c.number()?, &ot)?;
                if off < 0 {
                    return Err(perr(&ot, "a map value offset is not negative"));
                }
                c.expect("]")?;
                c.expect("ll")?;
                c.end()?;
                p.value_off = Some(off);
                return Ok(p);
            }
            let v = c.number()?;
            c.expect("ll")?;
            c.end()?;
            if v < i64::MIN as i128 || v > u64::MAX as i128 {
                return Err(perr(&vt, "the constant does not fit in 64 bits"));
            }
            let v = v as u64;
            p.insn.imm = v as u32 as i32;
            p.hi = Some((v >> 32) as u32 as i32);
            return Ok(p);
        }
    }
    // `r1 = 0xffff888004af3000`: the kernel log prints a 64-bit load (a
    // map's address) without `ll`; a constant wider than 32 bits is one
    if !w && c.i + 1 == toks.len() {
        if let Some(t) = c.peek().filter(|t| t.kind == TokKind::Num).cloned() {
            if let Some(v) = num_of(&t) {
                if v > u32::MAX as i128 && v <= u64::MAX as i128 {
                    let v = v as u64;
                    let mut p = pend(Insn::new(
                        BPF_LD | BPF_IMM | BPF_DW,
                        d,
                        0,
                        0,
                        v as u32 as i32,
                    ));
                    p.hi = Some((v >> 32) as u32 as i32);
                    return Ok(p);
                }
            }
        }
    }
    alu_operand(&mut c, class | BPF_MOV, d, w)
}

fn alu_operand(c: &mut Cur, code: u8, d: u8, w: bool) -> Result<Pending, PErr> {
    let mut insn = Insn::new(code, d, 0, 0, 0);
    if let Some(Some(r)) = c.peek().map(reg_of) {
        let (w2, s) = r?;
        if w2 != w {
            return Err(c.here("mixed register widths".into()));
        }
        c.i += 1;
        insn.code |= BPF_X;
        insn.src = s;
    } else {
        let t = c
            .peek()
            .cloned()
            .unwrap_or_else(|| Tok::word("", c.end_col));
        if c.done() {
            return Err(c.here("expected a register or a number".into()));
        }
        let v = c.number()?;
        insn.imm = imm32(v, &t)?;
    }
    c.end()?;
    Ok(pend(insn))
}

fn parse_call(c: &mut Cur, names: &[String]) -> Result<Pending, PErr> {
    let t = c
        .peek()
        .cloned()
        .ok_or_else(|| c.here("expected a function".into()))?;
    let mut p = pend(Insn::new(BPF_JMP | BPF_CALL, 0, 0, 0, 0));
    if t.is("pc") || t.is("+") || t.is("-") {
        let target = jump_target(c)?;
        c.end()?;
        p.insn.src = BPF_PSEUDO_CALL;
        p.target = Some(target);
        return Ok(p);
    }
    if t.kind == TokKind::Num {
        let v = c.number()?;
        c.end()?;
        // any number: an id the kernel does not know is its rejection
        // (`invalid func unknown#N`), not a typo in the text
        p.insn.imm = imm32(v, &t)?;
        return Ok(p);
    }
    c.i += 1;
    c.end()?;
    let name = t.text.clone();
    if t.kind != TokKind::Word {
        return Err(perr(&t, format!("expected a function, found '{}'", name)));
    }
    if names.contains(&name) {
        p.insn.src = BPF_PSEUDO_CALL;
        p.target = Some(Target::Label(name));
        return Ok(p);
    }
    if let Some(k) = crate::kfuncs::by_name(&name) {
        p.insn.src = BPF_PSEUDO_KFUNC_CALL;
        p.insn.imm = k.btf_id;
        return Ok(p);
    }
    if name.starts_with("bpf_") {
        if let Some(id) = crate::helper_ids::helper_id(&name) {
            p.insn.imm = id as i32;
            return Ok(p);
        }
        return Err(perr(
            &t,
            format!(
                "unknown helper or kernel function '{}'{}",
                name,
                did_you_mean(&name, names)
            ),
        ));
    }
    if let Some(id) = crate::helper_ids::helper_id(&name) {
        p.insn.imm = id as i32;
        return Ok(p);
    }
    Err(perr(
        &t,
        format!(
            "unknown helper, kernel function or label '{}'{}",
            name,
            did_you_mean(&name, names)
        ),
    ))
}

/// `; did you mean 'bpf_map_lookup_elem'?` for the closest helper, kernel
/// function or label, when one is close enough to be a typo (an edit
/// distance of at most a third of the name, and at most 3).
fn did_you_mean(name: &str, labels: &[String]) -> String {
    // names are short (< 40 bytes); longer input is not a typo of one
    if name.len() > 64 {
        return String::new();
    }
    let limit = (name.chars().count() / 3).clamp(1, 3);
    let helpers = crate::helper_ids::helper_names();
    let kfuncs = crate::kfuncs::KFUNCS.iter().map(|k| k.name.to_string());
    let mut best: Option<(usize, String)> = None;
    for cand in helpers.chain(kfuncs).chain(labels.iter().cloned()) {
        // `map_lookup_elme` is a typo of `bpf_map_lookup_elem` too
        let d = edit_distance(name, &cand).min(
            cand.strip_prefix("bpf_")
                .map(|c| edit_distance(name, c))
                .unwrap_or(usize::MAX),
        );
        if d <= limit && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| format!("; did you mean '{}'?", c))
        .unwrap_or_default()
}

/// Levenshtein distance, with adjacent swaps counted as one edit
/// (the commonest typo: `elme` for `elem`).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, v) in d.iter_mut().take(w).enumerate() {
        *v = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

fn directive(
    cx: &mut Ctx,
    prog: &mut Program,
    maps: &mut Vec<(String, u32)>,
    line: u32,
    toks: &[Tok],
) {
    let Some(name) = toks.get(1) else {
        cx.err(line, toks[0].col, 1, "expected a directive name");
        return;
    };
    let rest = &toks[2..];
    match name.text.as_str() {
        "prog_type" => match rest.first().map(|t| t.text.as_str()).and_then(ProgType::from_name) {
            Some(pt) if rest.len() == 1 => prog.prog_type = pt,
            _ => cx.err(
                line,
                rest.first().map(|t| t.col).unwrap_or(name.col),
                1,
                "unknown program type (socket_filter, kprobe, sched_cls, tc, sched_act, tracepoint, xdp, cgroup_skb, raw_tracepoint, syscall, perf_event, sk_skb, sk_msg, sock_ops)",
            ),
        },
        "license" => match rest.first() {
            Some(t) if t.kind == TokKind::Str && rest.len() == 1 => prog.license = t.text.clone(),
            _ => cx.err(line, name.col, 1, "expected .license \"NAME\""),
        },
        "map" => map_directive(cx, prog, maps, line, name, rest),
        // `.mapdata NAME xHEX`: a map value's initial bytes (global data)
        "mapdata" => match (rest.first(), rest.get(1)) {
            (Some(n), Some(h)) if rest.len() == 2 => {
                let hex = h.text.strip_prefix('x').unwrap_or("");
                let bytes: Option<Vec<u8>> = (hex.len() % 2 == 0)
                    .then(|| {
                        (0..hex.len())
                            .step_by(2)
                            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                            .collect()
                    })
                    .flatten();
                match (prog.maps.iter_mut().find(|m| m.name == n.text), bytes) {
                    (Some(m), Some(b)) if b.len() <= m.value_size as usize => {
                        let mut b = b;
                        b.resize(m.value_size as usize, 0);
                        m.data = b;
                    }
                    (None, _) => cx.err(line, n.col, n.text.len() as u32, format!("no map '{}' declared before", n.text)),
                    _ => cx.err(line, h.col, h.text.len() as u32, "expected xHEX bytes, at most the value size"),
                }
            }
            _ => cx.err(line, name.col, 1, "expected .mapdata NAME xHEX"),
        },
        _ => cx.err(line, name.col, name.text.len() as u32, format!("unknown directive '.{}'", name.text)),
    }
}

fn map_directive(
    cx: &mut Ctx,
    prog: &mut Program,
    maps: &mut Vec<(String, u32)>,
    line: u32,
    at: &Tok,
    rest: &[Tok],
) {
    if rest.len() < 2 {
        cx.err(
            line,
            at.col,
            3,
            "expected .map NAME TYPE key=N value=N entries=N",
        );
        return;
    }
    let name = &rest[0];
    if name.kind != TokKind::Word {
        cx.err(line, name.col, 1, "expected a map name");
        return;
    }
    if maps.iter().any(|(n, _)| *n == name.text) {
        cx.err(
            line,
            name.col,
            name.text.len() as u32,
            format!("duplicate map '{}'", name.text),
        );
        return;
    }
    let Some(mt) = MapType::from_name(&rest[1].text) else {
        cx.err(
            line,
            rest[1].col,
            rest[1].text.len() as u32,
            format!("unknown map type '{}'", rest[1].text),
        );
        return;
    };
    let mut def = MapDef {
        data: Vec::new(),
        frozen: false,
        name: name.text.clone(),
        map_type: mt,
        key_size: 0,
        value_size: 0,
        max_entries: 0,
        timer_off: None,
        lock_off: None,
        flags: 0,
    };
    let mut seen = Vec::new();
    let mut i = 2;
    let mut ok = true;
    while i < rest.len() {
        let k = &rest[i];
        let (Some(eq), Some(v)) = (rest.get(i + 1), rest.get(i + 2)) else {
            cx.err(line, k.col, k.text.len() as u32, "expected KEY=VALUE");
            return;
        };
        if !eq.is("=") || v.kind != TokKind::Num {
            cx.err(line, k.col, k.text.len() as u32, "expected KEY=NUMBER");
            return;
        }
        let Some(n) = num_of(v).filter(|n| *n >= 0 && *n <= u32::MAX as i128) else {
            cx.err(
                line,
                v.col,
                v.text.len() as u32,
                "a map attribute is a 32-bit unsigned number",
            );
            return;
        };
        let n = n as u32;
        if seen.contains(&k.text) {
            cx.err(
                line,
                k.col,
                k.text.len() as u32,
                format!("'{}' given twice", k.text),
            );
            ok = false;
        }
        seen.push(k.text.clone());
        match k.text.as_str() {
            "key" => def.key_size = n,
            "value" => def.value_size = n,
            "entries" => def.max_entries = n,
            "timer" => def.timer_off = Some(n),
            "lock" => def.lock_off = Some(n),
            // global data (libbpf's internal maps): BPF_F_RDONLY_PROG is 128
            "flags" => def.flags = n,
            "frozen" => def.frozen = n != 0,
            _ => {
                cx.err(
                    line,
                    k.col,
                    k.text.len() as u32,
                    format!(
                        "unknown map attribute '{}' (key, value, entries, timer, lock, flags, frozen)",
                        k.text
                    ),
                );
                ok = false;
            }
        }
        i += 3;
    }
    if mt == MapType::Ringbuf {
        if seen.iter().any(|s| s != "entries") {
            cx.err(line, at.col, 3, "a ringbuf map takes only entries=");
            ok = false;
        } else if def.max_entries < 4096 || !def.max_entries.is_power_of_two() {
            cx.err(
                line,
                at.col,
                3,
                "ringbuf entries must be a power of two multiple of 4096",
            );
            ok = false;
        }
    } else {
        for need in ["key", "value", "entries"] {
            if !seen.iter().any(|s| s == need) {
                cx.err(line, at.col, 3, format!("missing {}=", need));
                ok = false;
            }
        }
    }
    if let Some(t) = def.timer_off {
        if t.checked_add(16)
            .map(|e| e > def.value_size)
            .unwrap_or(true)
            || t % 8 != 0
        {
            cx.err(
                line,
                at.col,
                3,
                "timer= must be an 8-aligned offset with 16 bytes inside the value",
            );
            ok = false;
        }
    }
    if let Some(l) = def.lock_off {
        if l.checked_add(4).map(|e| e > def.value_size).unwrap_or(true) || l % 4 != 0 {
            cx.err(
                line,
                at.col,
                3,
                "lock= must be a 4-aligned offset with 4 bytes inside the value",
            );
            ok = false;
        }
    }
    if ok {
        maps.push((def.name.clone(), prog.maps.len() as u32));
        prog.maps.push(def);
    }
}

#[cfg(test)]
mod tests;
