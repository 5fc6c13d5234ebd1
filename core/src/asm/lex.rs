//! Tokens of one line of program text.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Punct,
    Str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    pub kind: TokKind,
    pub text: String,
    /// 1-based column.
    pub col: u32,
}

impl Tok {
    pub fn is(&self, s: &str) -> bool {
        self.kind != TokKind::Str && self.text == s
    }
    pub fn word(s: &str, col: u32) -> Tok {
        Tok {
            kind: TokKind::Word,
            text: s.to_string(),
            col,
        }
    }
}

const PUNCT: [&str; 20] = [
    "<<=", ">>=", "==", "!=", ">=", "<=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<",
    ">>", "<", ">", "=", "&",
];

/// Splits `s` (which starts at column `base`) into tokens.
pub fn lex(s: &str, base: u32) -> Result<Vec<Tok>, (u32, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let col = base + i as u32;
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let st = i;
            if c == b'0' && i + 1 < b.len() && (b[i + 1] == b'x' || b[i + 1] == b'X') {
                i += 2;
                while i < b.len() && b[i].is_ascii_hexdigit() {
                    i += 1;
                }
            } else {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            let digits_end = i;
            // LLVM's assembler ignores C's integer suffixes (`U`, `L`,
            // `LL`, `ULL`, any case), and the kernel's selftests write
            // them (`r1 = 0xffffffff00000000LL ll`).
            let mut j = i;
            if j < b.len() && (b[j] == b'u' || b[j] == b'U') {
                j += 1;
            }
            for _ in 0..2 {
                if j < b.len() && (b[j] == b'l' || b[j] == b'L') {
                    j += 1;
                }
            }
            if j > i && (j == b.len() || !is_word(b[j])) {
                i = j;
            }
            // 1f / 1b numeric label references
            let kind = if i == digits_end
                && i < b.len()
                && (b[i] == b'f' || b[i] == b'b')
                && (i + 1 == b.len() || !is_word(b[i + 1]))
            {
                i += 1;
                TokKind::Word
            } else if i < b.len() && is_word(b[i]) {
                return Err((base + i as u32, format!("bad number '{}'", &s[st..=i])));
            } else {
                TokKind::Num
            };
            // A label reference keeps its `f`/`b`; a number drops its suffix.
            let text_end = if kind == TokKind::Word { i } else { digits_end };
            out.push(Tok {
                kind,
                text: s[st..text_end].to_string(),
                col,
            });
            continue;
        }
        if is_word(c) && c != b'.' {
            let st = i;
            while i < b.len() && (is_word(b[i]) || b[i].is_ascii_digit()) {
                i += 1;
            }
            // a selftest's local label, `l0_%=` (GCC's number unique to
            // one asm statement), kept whole: one pasted body is one
            // statement
            if b[i - 1] == b'_' && s[i..].starts_with("%=") {
                i += 2;
            }
            out.push(Tok {
                kind: TokKind::Word,
                text: s[st..i].to_string(),
                col,
            });
            continue;
        }
        // a selftest's operand, `%[bpf_map_lookup_elem]` or
        // `%[map_hash_48b]`: the name it stands for
        if c == b'%' && b.get(i + 1) == Some(&b'[') {
            let st = i + 2;
            let mut j = st;
            while j < b.len() && (is_word(b[j]) || b[j].is_ascii_digit()) && b[j] != b'.' {
                j += 1;
            }
            if j > st && b.get(j) == Some(&b']') {
                out.push(Tok {
                    kind: TokKind::Word,
                    text: s[st..j].to_string(),
                    col,
                });
                i = j + 1;
                continue;
            }
        }
        if c == b'"' {
            let st = i + 1;
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += 1;
            }
            if i >= b.len() {
                return Err((col, "unterminated string".into()));
            }
            out.push(Tok {
                kind: TokKind::Str,
                text: s[st..i].to_string(),
                col,
            });
            i += 1;
            continue;
        }
        if !c.is_ascii() {
            return Err((col, "unexpected character".into()));
        }
        let mut matched = false;
        for p in PUNCT {
            if s[i..].starts_with(p) {
                out.push(Tok {
                    kind: TokKind::Punct,
                    text: p.to_string(),
                    col,
                });
                i += p.len();
                matched = true;
                break;
            }
        }
        if !matched {
            out.push(Tok {
                kind: TokKind::Punct,
                text: (c as char).to_string(),
                col,
            });
            i += 1;
        }
    }
    Ok(glue_dotted_names(out))
}

/// `.LBB0_1`: LLVM's local labels (and the oracle's names) may start with
/// a dot. A dot glued to a word is one name, except at the start of a line
/// where it begins a directive (`.map`), unless a `:` makes it a label.
fn glue_dotted_names(toks: Vec<Tok>) -> Vec<Tok> {
    if !toks.iter().any(|t| t.is(".")) {
        return toks;
    }
    let mut out = Vec::with_capacity(toks.len());
    let mut k = 0;
    while k < toks.len() {
        let glued = toks[k].is(".")
            && toks.get(k + 1).is_some_and(|w| {
                w.kind == TokKind::Word && w.col == toks[k].col + 1 && !w.text.starts_with('.')
            })
            && (k > 0 || toks.get(k + 2).is_some_and(|t| t.is(":")));
        if glued {
            out.push(Tok {
                kind: TokKind::Word,
                text: format!(".{}", toks[k + 1].text),
                col: toks[k].col,
            });
            k += 2;
        } else {
            out.push(toks[k].clone());
            k += 1;
        }
    }
    out
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'.' || c == b'$'
}
