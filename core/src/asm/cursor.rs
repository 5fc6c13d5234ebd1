//! Tokens of one line as a cursor (`Cur`): registers, numbers, size
//! casts, memory operands and offsets, each failure a located `PErr`.

use super::*;

pub(super) fn num_of(t: &Tok) -> Option<i128> {
    let s = t.text.as_str();
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        i128::from_str_radix(h, 16).ok()
    } else {
        s.parse::<i128>().ok()
    }
}

pub(super) type PErr = (u32, u32, String);

pub(super) fn perr(t: &Tok, msg: impl Into<String>) -> PErr {
    (t.col, t.text.len().max(1) as u32, msg.into())
}

/// A cursor over one line's tokens.
pub(super) struct Cur<'a> {
    pub(super) t: &'a [Tok],
    pub(super) i: usize,
    pub(super) end_col: u32,
}

impl<'a> Cur<'a> {
    pub(super) fn peek(&self) -> Option<&'a Tok> {
        self.t.get(self.i)
    }
    pub(super) fn peek_is(&self, s: &str) -> bool {
        self.peek().map(|t| t.is(s)).unwrap_or(false)
    }
    pub(super) fn at(&self, k: usize) -> Option<&'a Tok> {
        self.t.get(self.i + k)
    }
    pub(super) fn eat(&mut self, s: &str) -> bool {
        if self.peek_is(s) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn expect(&mut self, s: &str) -> Result<(), PErr> {
        if self.eat(s) {
            Ok(())
        } else {
            Err(self.here(format!("expected '{}'", s)))
        }
    }
    pub(super) fn here(&self, msg: String) -> PErr {
        match self.peek() {
            Some(t) => perr(t, msg),
            None => (self.end_col, 1, msg),
        }
    }
    pub(super) fn done(&self) -> bool {
        self.i >= self.t.len()
    }
    pub(super) fn end(&self) -> Result<(), PErr> {
        match self.peek() {
            None => Ok(()),
            Some(t) => Err(perr(t, format!("unexpected '{}'", t.text))),
        }
    }
    /// A register `rN` / `wN`: (is_w, n).
    pub(super) fn reg(&mut self) -> Result<(bool, u8), PErr> {
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
    pub(super) fn number(&mut self) -> Result<i128, PErr> {
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
    pub(super) fn size_cast(&mut self) -> Result<(u8, bool), PErr> {
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
    /// `((SZ *)(rB [+|- OFF])` with its first parenthesis: an unsigned
    /// size, the base and the offset of load-acquire's and store-release's
    /// operand (WHAT names the instruction in the error).
    pub(super) fn sized_mem(&mut self, what: &str) -> Result<(u8, u8, i16), PErr> {
        self.expect("(")?;
        let size_tok = self.at(1).cloned();
        let (sz, signed) = self.size_cast()?;
        if let (true, Some(t)) = (signed, size_tok) {
            return Err(perr(&t, format!("{what} takes u8, u16, u32 or u64")));
        }
        let (b, off) = self.mem()?;
        Ok((sz, b, off))
    }
    /// `(rB [+|- OFF])`
    pub(super) fn mem(&mut self) -> Result<(u8, i16), PErr> {
        self.expect("(")?;
        let (w, b) = self.reg()?;
        if w {
            return Err(self.here("a memory base must be an r register".into()));
        }
        let off = self.offset()?;
        self.expect(")")?;
        Ok((b, off))
    }
    pub(super) fn offset(&mut self) -> Result<i16, PErr> {
        if self.peek_is("+") || self.peek_is("-") {
            let t = self.peek().cloned();
            // `(r10 + -8)`, `(r10 - -8)`: a signed number after the sign,
            // as the kernel prints LD_IND's and the oracle reads offsets
            let negate = self.peek_is("-");
            self.i += 1;
            let v = self.number()?;
            let v = if negate { -v } else { v };
            if v < i16::MIN as i128 || v > i16::MAX as i128 {
                // as LLVM's assembler: the low 16 bits (`r10 - 70000` is `r10 - 4464`)
                let t = t.unwrap_or_else(|| Tok::word("", 1));
                let low = (v & 0xffff) as u16 as i16;
                warn(
                    &t,
                    format!(
                        "offset {} does not fit in 16 bits: LLVM's assembler keeps its low 16 bits, {}",
                        v, low
                    ),
                );
                return Ok(low);
            }
            return Ok(v as i16);
        }
        Ok(0)
    }
}

pub(super) fn reg_of(t: &Tok) -> Option<Result<(bool, u8), PErr>> {
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

pub(super) fn imm32(v: i128, t: &Tok) -> Result<i32, PErr> {
    // A 64-bit constant that is an imm32's sign extension
    // (`0xfffffffffffffffe` for -2) means that imm32, as LLVM's BPF
    // assembler and the kernel's selftests read it.
    let sign_extended = (1i128 << 64) - (1i128 << 31)..(1i128 << 64);
    if sign_extended.contains(&v) {
        return Ok((v - (1i128 << 64)) as i32);
    }
    if v < i64::MIN as i128 || v > u64::MAX as i128 {
        // LLVM's assembler reads no number wider than 64 bits
        return Err(perr(t, format!("immediate {} does not fit in 64 bits", v)));
    }
    if v < i32::MIN as i128 || v > u32::MAX as i128 {
        // LLVM's BPF assembler keeps the low 32 bits of a wider constant
        // without a word (`r1 += 0x100000001` is `r1 += 1`), and so does
        // the oracle's converter: the file means that instruction, and the
        // reader is told
        let low = (v & 0xffff_ffff) as u32 as i32;
        warn(
            t,
            format!(
                "immediate {} does not fit in 32 bits: LLVM's assembler keeps its low 32 bits, {}",
                v, low
            ),
        );
        return Ok(low);
    }
    Ok(v as i64 as i32)
}

/// `imm32` for the format's own extensions, where a wider number is an error.
pub(super) fn imm32_strict(v: i128, t: &Tok) -> Result<i32, PErr> {
    if v < i32::MIN as i128 || v > u32::MAX as i128 {
        return Err(perr(t, format!("immediate {} does not fit in 32 bits", v)));
    }
    imm32(v, t)
}

thread_local! {
    /// The warnings of the line being parsed: the number helpers above are
    /// free functions deep in the instruction grammar, and a warning is no
    /// reason to thread a sink through every one of them. `parse` drains it
    /// after each line (`take_warnings`).
    static WARNINGS: std::cell::RefCell<Vec<PErr>> = const { std::cell::RefCell::new(Vec::new()) };
}

pub(super) fn warn(t: &Tok, msg: String) {
    WARNINGS.with(|w| w.borrow_mut().push(perr(t, msg)));
}

pub(super) fn take_warnings() -> Vec<PErr> {
    WARNINGS.with(|w| std::mem::take(&mut *w.borrow_mut()))
}
