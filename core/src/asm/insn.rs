//! One instruction line to its encoding (`parse_insn`): ALU, jumps,
//! calls, loads and stores, atomics, `ld_imm64`, in the kernel log's
//! notation; unknown names get a "did you mean".

use super::*;

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
        raw: false,
    }
}

/// A `.8byte` line's instruction.
pub(super) fn raw_pending(insn: Insn) -> Pending {
    Pending {
        raw: true,
        ..pend(insn)
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

/// `opcode`: the kernel log's `(xx)` byte before the instruction, if any.
pub(super) fn parse_insn(toks: &[Tok], names: &Names, opcode: Option<u8>) -> Result<Pending, PErr> {
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
        "goto" | "gotol" | "may_goto" => {
            c.i = 1;
            let t = jump_target(&mut c)?;
            c.end()?;
            let mut p = pend(Insn::new(BPF_JMP | BPF_JA, 0, 0, 0, 0));
            if first.text == "gotol" {
                p.insn.code = BPF_JMP32 | BPF_JA;
            }
            // 6.9+: BPF_JMP | BPF_JCOND with src_reg BPF_MAY_GOTO (0)
            if first.text == "may_goto" {
                p.insn.code = BPF_JMP | BPF_JCOND;
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
        "store_release" => {
            // Linux 6.15's store-release (BPF_ATOMIC, imm BPF_STORE_REL), in
            // LLVM 20's syntax, which later kernels' logs print too:
            // `store_release((u32 *)(r10 - 4), w1)`. The text says it so that
            // a kernel that does not know it can refuse it in its own words.
            c.i = 1;
            let (sz, b, off) = c.sized_mem("store_release")?;
            c.expect(",")?;
            let (_, s) = c.reg()?;
            c.expect(")")?;
            c.end()?;
            return Ok(pend(Insn::new(
                BPF_STX | BPF_ATOMIC | sz,
                b,
                s,
                off,
                BPF_STORE_REL,
            )));
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
        // the arena's cast (6.9+), as the kernel prints it:
        // `r1 = addr_space_cast(r2, DST_AS, SRC_AS)`, a 64-bit move with
        // off 1 and the address spaces in imm (dst << 16 | src)
        if t.is("addr_space_cast") {
            if w {
                return Err(c.here("addr_space_cast takes r registers".into()));
            }
            c.i += 1;
            c.expect("(")?;
            let (sw, s) = c.reg()?;
            if sw {
                return Err(c.here("addr_space_cast takes r registers".into()));
            }
            let mut spaces = [0u16; 2];
            for sp in spaces.iter_mut() {
                c.expect(",")?;
                let tt = c
                    .peek()
                    .cloned()
                    .unwrap_or_else(|| Tok::word("", c.end_col));
                let n = c.number()?;
                *sp = u16::try_from(n).map_err(|_| perr(&tt, "an address space is 0..65535"))?;
            }
            c.expect(")")?;
            c.end()?;
            let imm = ((spaces[0] as u32) << 16 | spaces[1] as u32) as i32;
            return Ok(pend(Insn::new(BPF_ALU64 | BPF_MOV | BPF_X, d, s, 1, imm)));
        }
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
        if word == "load_acquire" {
            // Linux 6.15's load-acquire (BPF_ATOMIC, imm BPF_LOAD_ACQ; the
            // loaded register is dst, the address src): `w2 =
            // load_acquire((u8 *)(r10 - 1))` as LLVM 20 writes it, `r2 = ...`
            // as the kernel prints it
            c.i += 1;
            let (sz, b, off) = c.sized_mem("load_acquire")?;
            c.expect(")")?;
            c.end()?;
            return Ok(pend(Insn::new(
                BPF_STX | BPF_ATOMIC | sz,
                d,
                b,
                off,
                BPF_LOAD_ACQ,
            )));
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
                let off = imm32_strict(c.number()?, &ot)?;
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
    // `12: (18) r1 = 0xffff888004af3000`: the kernel log prints a 64-bit
    // load without `ll`, after its opcode byte. ASM.md ignores that byte,
    // so the line is LLVM's `r1 = imm32` (a wider constant keeps its low
    // 32 bits, `alu_operand` says so), as the oracle's converter reads it
    // too; the reader is told how to write the load.
    if opcode == Some(BPF_LD | BPF_IMM | BPF_DW) {
        if let Some(t) = c.peek() {
            warn(
                t,
                format!(
                    "the kernel log's (18) is a 64-bit load, but the opcode byte is ignored and this line is a 32-bit move: write `{}{} = {} ll` for the load",
                    if w { "w" } else { "r" },
                    d,
                    t.text
                ),
            );
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

fn parse_call(c: &mut Cur, names: &Names) -> Result<Pending, PErr> {
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
    // the kernel log's `call unknown#N` (strip_line kept its number)
    if t.is("unknown") && c.peek().is_some_and(|h| h.is("#")) {
        c.i += 1;
        let v = c.number()?;
        c.end()?;
        p.insn.imm = imm32(v, &t)?;
        return Ok(p);
    }
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
    // another kernel function veristep models: found by name in the
    // kernel's BTF when the program is loaded (Program::relocated)
    if let Some(id) = crate::kfuncs::text_id(&name) {
        p.insn.src = BPF_PSEUDO_KFUNC_CALL;
        p.insn.imm = id;
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
fn did_you_mean(name: &str, names: &Names) -> String {
    // names are short (< 40 bytes); longer input is not a typo of one
    if name.len() > 64 || names.suggested.get() >= Names::MAX_SUGGESTED {
        return String::new();
    }
    names.suggested.set(names.suggested.get() + 1);
    let n = name.chars().count();
    let limit = (n / 3).clamp(1, 3);
    // the distance is at least the difference in length: most candidates
    // are ruled out without computing it
    let close = |c: &str| {
        c.len().abs_diff(name.len()) <= 4 * limit && c.chars().count().abs_diff(n) <= limit
    };
    let distance = |cand: &str| {
        // `map_lookup_elme` is a typo of `bpf_map_lookup_elem` too
        [Some(cand), cand.strip_prefix("bpf_")]
            .into_iter()
            .flatten()
            .filter(|c| close(c))
            .map(|c| edit_distance(name, c))
            .min()
    };
    let mut best: Option<(usize, String)> = None;
    let mut consider = |cand: &str| {
        if let Some(d) = distance(cand) {
            if d <= limit && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, cand.to_string()));
            }
        }
    };
    for h in crate::helper_ids::helper_names() {
        consider(&h);
    }
    for k in crate::kfuncs::KFUNCS {
        consider(k.name);
    }
    // labels: within what is left of the parse's budget
    let left = names.suggestions_left.get();
    let take = names.list.len().min(left);
    names.suggestions_left.set(left - take);
    for l in &names.list[..take] {
        consider(l);
    }
    best.map(|(_, c)| format!("; did you mean '{}'?", c))
        .unwrap_or_default()
}

/// Levenshtein distance, with adjacent swaps counted as one edit
/// (the commonest typo: `elme` for `elem`).
pub(super) fn edit_distance(a: &str, b: &str) -> usize {
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
