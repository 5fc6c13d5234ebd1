//! Instruction soup (`kernel-diff --random N --soup`): programs that are
//! not built to be nearly right, as a fuzzer writes them. After a short
//! prologue (the context kept in r6, a map value looked up into r7, a few
//! registers given values) come random instructions of every class the
//! format has: ALU of both widths with any operator and operand, moves,
//! byte swaps, stack stores and loads of every size, map value loads at
//! offsets around the value's bounds, pointer arithmetic on a copy of the
//! map value pointer followed by an access, atomics on the stack, helper
//! calls that clobber r1-r5, forward jumps of every condition and width,
//! and now and then a backward one. Most are rejected, at every kind of
//! check the verifier makes, which is the point: the kernel's message, its
//! error instruction and the counters must be veristep's on each.

use super::gen::Rng;
use std::fmt::Write;

/// Immediates where bounds arithmetic has its edges.
const EDGES: &[i64] = &[
    0,
    1,
    -1,
    2,
    3,
    4,
    7,
    8,
    15,
    16,
    31,
    32,
    63,
    64,
    255,
    256,
    0x7fff,
    0xffff,
    0x7fff_ffff,
    -0x8000_0000,
    0x8000,
    -2,
    -8,
    -256,
];

const ALU_OPS: &[&str] = &[
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "s>>=", "=",
];
const JMP_OPS: &[&str] = &[
    "==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&",
];
const SIZES: &[(&str, i64)] = &[("u8", 1), ("u16", 2), ("u32", 4), ("u64", 8)];

struct Soup {
    rng: Rng,
    lines: Vec<String>,
    /// Labels still to be placed: (name, instructions from now).
    pending: Vec<(String, usize)>,
    /// Labels already placed (backward jump targets).
    placed: Vec<String>,
    labels: usize,
    value_size: i64,
    v4: bool,
}

/// `+ 4`, `- 4`: an offset as the format writes it.
fn disp(off: i64) -> String {
    if off < 0 {
        format!("- {}", -off)
    } else {
        format!("+ {off}")
    }
}

/// Program text for soup program `seed`; `v4`: cpu v4 instructions too
/// (sign extensions, signed division, byte swaps, sign-extending loads),
/// which 6.1
/// refuses and 6.12 verifies.
pub fn program(seed: u64, v4: bool) -> String {
    let mut rng = Rng::new(seed);
    let prog_type = ["sched_cls", "sched_cls", "xdp", "socket_filter"][rng.below(4) as usize];
    let value_size = rng.pick(&[8i64, 16, 24, 48, 64]);
    let mut s = Soup {
        rng,
        lines: Vec::new(),
        pending: Vec::new(),
        placed: Vec::new(),
        labels: 0,
        value_size,
        v4,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {prog_type}");
    let _ = writeln!(out, ".map m0 array key=4 value={value_size} entries=4");
    s.prologue();
    let n = s.rng.range(4, 40) as usize;
    for _ in 0..n {
        s.place_due();
        s.insn();
    }
    // every label still pending lands before the exit
    for (l, _) in std::mem::take(&mut s.pending) {
        s.lines.push(format!("{l}:"));
    }
    s.epilogue();
    for l in &s.lines {
        out.push_str(l);
        out.push('\n');
    }
    out
}

impl Soup {
    fn e(&mut self, s: impl Into<String>) {
        self.lines.push(format!("    {}", s.into()));
        for p in &mut self.pending {
            p.1 = p.1.saturating_sub(1);
        }
    }

    fn place_due(&mut self) {
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending)
            .into_iter()
            .partition(|(_, n)| *n == 0);
        self.pending = later;
        for (l, _) in due {
            self.lines.push(format!("{l}:"));
            self.placed.push(l);
        }
    }

    fn imm(&mut self) -> i64 {
        if self.rng.pct(70) {
            self.rng.pick(EDGES)
        } else {
            self.rng.range(-100_000, 100_000)
        }
    }

    /// A register to compute in: r0-r5, r8, r9 mostly; r6 and r7 (the
    /// context and the map value) now and then.
    fn reg(&mut self) -> u8 {
        if self.rng.pct(8) {
            self.rng.pick(&[6u8, 7])
        } else {
            self.rng.pick(&[0u8, 1, 2, 3, 4, 5, 8, 9])
        }
    }

    fn prologue(&mut self) {
        self.e("r6 = r1");
        self.e("r1 = 0");
        self.e("*(u32 *)(r10 - 4) = r1");
        self.e("r2 = r10");
        self.e("r2 += -4");
        self.e("r1 = m0 ll");
        self.e("call bpf_map_lookup_elem");
        self.e("if r0 != 0 goto 1f");
        self.e("r0 = 0");
        self.e("exit");
        self.lines.push("1:".into());
        self.e("r7 = r0");
        for r in [0u8, 1, 2, 3, 4, 5, 8, 9] {
            // now and then one is left uninitialised
            if self.rng.pct(3) {
                continue;
            }
            self.init_reg(r);
        }
    }

    /// Gives register `r` a value: a constant, a map value's field, a
    /// masked field.
    fn init_reg(&mut self, r: u8) {
        match self.rng.below(4) {
            0 => {
                let k = self.imm();
                self.e(format!("r{r} = {k}"));
            }
            1 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.value_field(n);
                self.e(format!("r{r} = *({sz} *)(r7 + {off})"));
            }
            2 => {
                let k = self.imm();
                self.e(format!("w{r} = {k}"));
            }
            _ => {
                let (sz, n) = self.rng.pick(&SIZES[1..]);
                let off = self.value_field(n);
                self.e(format!("r{r} = *({sz} *)(r7 + {off})"));
                let mask = self.rng.pick(&[0xffi64, 0x3f, 0xfff, 7]);
                self.e(format!("r{r} &= {mask}"));
            }
        }
    }

    /// An aligned offset of an `n`-byte field inside the map value.
    fn value_field(&mut self, n: i64) -> i64 {
        self.rng.range(0, (self.value_size / n) - 1) * n
    }

    /// A stack offset (below fp) of an `n`-byte access, aligned, in the
    /// first 64 bytes.
    fn stack_slot(&mut self, n: i64) -> i64 {
        self.rng.range(1, 8) * 8 - self.rng.below(8) as i64 / n * n
    }

    fn jump_target(&mut self) -> String {
        if !self.placed.is_empty() && self.rng.pct(4) {
            let i = self.rng.below(self.placed.len() as u64) as usize;
            return self.placed[i].clone();
        }
        self.labels += 1;
        let l = format!("l{}", self.labels);
        let ahead = self.rng.range(1, 8) as usize;
        self.pending.push((l.clone(), ahead));
        l
    }

    fn insn(&mut self) {
        let w = if self.rng.pct(35) { "w" } else { "r" };
        if self.v4 && self.rng.pct(12) {
            return self.v4_insn(w);
        }
        match self.rng.weighted(&[30, 6, 4, 14, 10, 10, 8, 4, 3, 10]) {
            // ALU with an immediate or a register
            0 => {
                let d = self.reg();
                let op = self.rng.pick(ALU_OPS);
                if self.rng.pct(50) {
                    let k = self.imm();
                    self.e(format!("{w}{d} {op} {k}"));
                } else {
                    let s = self.reg();
                    self.e(format!("{w}{d} {op} {w}{s}"));
                }
            }
            // negation, byte swaps
            1 => {
                let d = self.reg();
                if self.rng.pct(50) {
                    self.e(format!("{w}{d} = -{w}{d}"));
                } else {
                    let f = self
                        .rng
                        .pick(&["be16", "be32", "be64", "le16", "le32", "le64"]);
                    self.e(format!("r{d} = {f} r{d}"));
                }
            }
            // a 64-bit constant
            2 => {
                let d = self.reg();
                let k = self.rng.next() >> self.rng.below(64);
                self.e(format!("r{d} = {k:#x} ll"));
            }
            // stack store / load
            3 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.stack_slot(n);
                if self.rng.pct(50) {
                    let s = self.reg();
                    if self.rng.pct(25) {
                        let k = self.imm();
                        self.e(format!("*({sz} *)(r10 - {off}) = {k}"));
                    } else {
                        self.e(format!("*({sz} *)(r10 - {off}) = r{s}"));
                    }
                } else {
                    let d = self.reg();
                    self.e(format!("r{d} = *({sz} *)(r10 - {off})"));
                }
            }
            // map value access at an offset around the value
            4 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.rng.range(-2, self.value_size / n + 1) * n;
                if self.rng.pct(60) {
                    let d = self.reg();
                    self.e(format!("r{d} = *({sz} *)(r7 {})", disp(off)));
                } else {
                    let s = self.reg();
                    self.e(format!("*({sz} *)(r7 {}) = r{s}", disp(off)));
                }
            }
            // pointer arithmetic on a copy of the map value pointer
            5 => {
                let s = self.rng.pick(&[0u8, 1, 2, 3, 4, 5, 9]);
                let (sz, _) = self.rng.pick(SIZES);
                // mostly bounded first, by a mask or a check
                match self.rng.below(3) {
                    0 => {
                        let mask = self.rng.pick(&[3i64, 7, 15, 31, 63, self.value_size - 1]);
                        self.e(format!("{w}{s} &= {mask}"));
                    }
                    1 => {
                        let t = self.jump_target();
                        let k =
                            self.rng
                                .pick(&[4i64, 8, 15, 16, self.value_size - 8, self.value_size]);
                        let op = self.rng.pick(&[">", ">=", "s>", "s>="]);
                        self.e(format!("if {w}{s} {op} {k} goto {t}"));
                        if self.rng.pct(60) {
                            let t = self.jump_target();
                            self.e(format!("if {w}{s} s< 0 goto {t}"));
                        }
                    }
                    _ => {}
                }
                self.e("r8 = r7");
                let op = if self.rng.pct(80) { "+=" } else { "-=" };
                self.e(format!("r8 {op} r{s}"));
                let off = self.rng.pick(&[0i64, 0, 1, 4, -1]);
                if self.rng.pct(70) {
                    let d = self.rng.pick(&[0u8, 1, 2, 3]);
                    self.e(format!("r{d} = *({sz} *)(r8 {})", disp(off)));
                } else {
                    self.e(format!("*({sz} *)(r8 {}) = r{s}", disp(off)));
                }
            }
            // forward conditional jumps (now and then backward)
            6 | 9 => {
                let a = self.reg();
                let op = self.rng.pick(JMP_OPS);
                let t = self.jump_target();
                if self.rng.pct(55) {
                    let k = self.imm();
                    self.e(format!("if {w}{a} {op} {k} goto {t}"));
                } else {
                    let b = self.reg();
                    self.e(format!("if {w}{a} {op} {w}{b} goto {t}"));
                }
            }
            // a helper call: r1-r5 clobbered, r0 unknown
            7 => {
                let f = self.rng.pick(&[
                    "bpf_get_prandom_u32",
                    "bpf_ktime_get_ns",
                    "bpf_get_smp_processor_id",
                ]);
                self.e(format!("call {f}"));
                // r1-r5 mostly given new values after
                for r in 1..=5 {
                    if self.rng.pct(85) {
                        self.init_reg(r);
                    }
                }
            }
            // atomics on the stack
            _ => {
                let s = self.reg();
                let slot = self.rng.range(1, 4) * 8;
                match self.rng.below(3) {
                    0 => self.e(format!("lock *(u64 *)(r10 - {slot}) += r{s}")),
                    1 => self.e(format!(
                        "r{s} = atomic_fetch_add((u64 *)(r10 - {slot}), r{s})"
                    )),
                    _ => self.e(format!("lock *(u32 *)(r10 - {slot}) |= w{s}")),
                }
            }
        }
    }

    /// A cpu v4 instruction.
    fn v4_insn(&mut self, w: &str) {
        let d = self.reg();
        // (no `gotol`: the oracle's asm2c cannot write it)
        match self.rng.below(5) {
            0 => {
                let s = self.reg();
                if w == "w" {
                    let t = self.rng.pick(&["s8", "s16"]);
                    self.e(format!("w{d} = ({t})w{s}"));
                } else {
                    let t = self.rng.pick(&["s8", "s16", "s32"]);
                    self.e(format!("r{d} = ({t})r{s}"));
                }
            }
            1 => {
                let op = self.rng.pick(&["s/=", "s%="]);
                if self.rng.pct(50) {
                    let k = self.imm();
                    self.e(format!("{w}{d} {op} {k}"));
                } else {
                    let s = self.reg();
                    self.e(format!("{w}{d} {op} {w}{s}"));
                }
            }
            2 => {
                let b = self.rng.pick(&["bswap16", "bswap32", "bswap64"]);
                self.e(format!("r{d} = {b} r{d}"));
            }
            3 => {
                let (t, n) = self.rng.pick(&[("s8", 1i64), ("s16", 2), ("s32", 4)]);
                let off = self.rng.range(-1, self.value_size / n) * n;
                self.e(format!("r{d} = *({t} *)(r7 {})", disp(off)));
            }
            _ => {
                let (t, n) = self.rng.pick(&[("s8", 1i64), ("s16", 2), ("s32", 4)]);
                let off = self.stack_slot(n);
                self.e(format!("r{d} = *({t} *)(r10 - {off})"));
            }
        }
    }

    fn epilogue(&mut self) {
        if self.rng.pct(70) {
            self.e("r0 = 0");
        } else {
            let r = self.reg();
            self.e(format!("r0 = r{r}"));
        }
        self.e("exit");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soup_parses_and_is_deterministic() {
        for seed in 0..500 {
            let v4 = seed % 2 == 1;
            let text = program(seed, v4);
            assert_eq!(text, program(seed, v4));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("soup {seed} does not parse: {e:?}\n{text}"));
        }
    }
}
