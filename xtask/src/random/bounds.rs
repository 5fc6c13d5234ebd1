//! `kernel-diff --random N --bounds`: scalar bounds, in the manner of the
//! kernel's own `prog_tests/reg_bounds.c`. Three scalars (r6-r8) come from
//! a helper, a map value's field of each size or a constant; each is shaped
//! by compares that leave the program when they hold (of both widths,
//! signed and unsigned, against constants at the edges of the four ranges
//! the kernel tracks: u64, s64, u32, s32, some only writable as a 64-bit
//! constant in a register), by ALU operations of both widths, by a round
//! trip through a stack slot (whole or partly) and by a short bounded
//! loop; now and then one is a copy of another, moved by a constant or
//! made through a stack slot (the kernel's linked scalars). Then come
//! probes: compares of two ranged scalars or of one with an edge, whose
//! branches meet again, shaping further and now and then reading an
//! unwritten register, which verifies only if the kernel knows the branch
//! is dead. Last, a scalar moves a map value pointer, checked or not. Both
//! kernels answer through the oracle; with `--log2` every register state
//! on the way is compared.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// 64-bit values where the u64, s64, u32 and s32 ranges have their edges.
const EDGES: &[i64] = &[
    0,
    1,
    2,
    3,
    7,
    8,
    15,
    16,
    31,
    63,
    64,
    127,
    128,
    255,
    256,
    0x7fff,
    0x8000,
    0xffff,
    0x1_0000,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_fffe,
    0xffff_ffff,
    0x1_0000_0000,
    0x1_0000_0001,
    0x1_7fff_ffff,
    0x7fff_ffff_ffff_ffff,
    i64::MIN,
    -1,
    -2,
    -8,
    -128,
    -0x8000_0000,
    -0x8000_0001,
    -0x1_0000_0000,
];

const CMP_OPS: &[&str] = &[
    "==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&",
];
const ALU_OPS: &[&str] = &[
    "+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", "s>>=", "/=", "%=",
];

struct G {
    rng: Rng,
    asm: Asm,
    /// The scalars written so far (of r6, r7, r8).
    live: Vec<u8>,
    value_size: i64,
    v4: bool,
    /// Percent chance of a planted mistake where one is drawn.
    bug_pct: u64,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

/// Program text for bounds program `seed`; `v4`: cpu v4 instructions in
/// some programs (sign extensions, signed division, byte swaps,
/// sign-extending loads), which 6.1 refuses.
pub fn program(seed: u64, v4: bool) -> String {
    let mut rng = Rng::new(seed);
    let v4 = v4 && rng.pct(40);
    let value_size = rng.pick(&[8i64, 48, 256, 4096]);
    let bug_pct = rng.pick(&[2u64, 5, 10]);
    let ty = rng.pick(&["socket_filter", "sched_cls", "xdp", "cgroup_skb"]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        live: Vec::new(),
        value_size,
        v4,
        bug_pct,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map m0 array key=4 value={value_size} entries=1");
    g.prologue();
    for r in [6u8, 7, 8] {
        if r == 8 && g.rng.pct(35) {
            g.linked_copy();
        } else if r != 8 || g.rng.pct(70) {
            g.source(r);
            g.live.push(r);
        }
        if g.live.contains(&r) {
            let n = g.rng.below(4);
            for _ in 0..n {
                g.shape(r);
            }
        }
    }
    let probes = 1 + g.rng.below(3);
    for _ in 0..probes {
        g.probe();
    }
    if g.rng.pct(60) {
        g.use_as_offset();
    }
    g.e("r0 = 0");
    g.e("exit");
    g.put("out");
    let ret = if ty == "xdp" || ty == "cgroup_skb" {
        1
    } else {
        0
    };
    g.e(format!("r0 = {ret}"));
    g.e("exit");
    push_lines(&mut out, &g.asm.lines);
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    /// r9 = the map value. r3 and r4 are never written: reading one is the
    /// sentinel of a branch the kernel should know is dead.
    fn prologue(&mut self) {
        self.e("r1 = 0");
        self.e("*(u32 *)(r10 -4) = r1");
        self.e("r2 = r10");
        self.e("r2 += -4");
        self.e("r1 = m0 ll");
        self.e("call bpf_map_lookup_elem");
        self.e("if r0 == 0 goto out");
        self.e("r9 = r0");
    }

    /// An edge, now and then moved by a little.
    fn edge(&mut self) -> i64 {
        let k = self.rng.pick(EDGES);
        if self.rng.pct(15) {
            k.wrapping_add(self.rng.range(-3, 3))
        } else {
            k
        }
    }

    fn width(&mut self) -> &'static str {
        if self.rng.pct(35) {
            "w"
        } else {
            "r"
        }
    }

    /// A new value for scalar `r`.
    fn source(&mut self, r: u8) {
        match self.rng.weighted(&[40, 25, 10, 10, 15]) {
            0 => {
                let f = self.rng.pick(&["bpf_get_prandom_u32", "bpf_ktime_get_ns"]);
                self.e(format!("call {f}"));
                self.e(format!("r{r} = r0"));
            }
            1 => {
                let (sz, n) = self
                    .rng
                    .pick(&[("u8", 1i64), ("u16", 2), ("u32", 4), ("u64", 8)]);
                let off = self.field(n);
                self.e(format!("r{r} = *({sz} *)(r9 +{off})"));
            }
            2 if self.v4 => {
                let (sz, n) = self.rng.pick(&[("s8", 1i64), ("s16", 2), ("s32", 4)]);
                let off = self.field(n);
                self.e(format!("r{r} = *({sz} *)(r9 +{off})"));
            }
            3 => {
                let k = self.edge();
                if i32::try_from(k).is_ok() && self.rng.pct(70) {
                    let w = self.width();
                    self.e(format!("{w}{r} = {k}"));
                } else {
                    self.e(format!("r{r} = {k:#x} ll"));
                }
            }
            _ => {
                // a helper's value made signed, or spread over both halves
                self.e("call bpf_get_prandom_u32");
                self.e(format!("r{r} = r0"));
                match self.rng.below(3) {
                    0 => {
                        let k = self.rng.pick(&[32, 40, 56, 63]);
                        self.e(format!("r{r} <<= 32"));
                        self.e(format!("r{r} s>>= {k}"));
                    }
                    1 => {
                        let k = self.rng.pick(&[1, 128, 0x4000_0000]);
                        self.e(format!("r{r} -= {k}"));
                    }
                    _ => self.e(format!("r{r} = -r{r}")),
                }
            }
        }
    }

    /// An aligned offset of an `n`-byte field inside the map value.
    fn field(&mut self, n: i64) -> i64 {
        self.rng.range(0, self.value_size / n - 1) * n
    }

    /// r8 as a copy of r6 or r7, now and then moved by a constant: the
    /// kernel links the two (with 6.12, also across the constant).
    fn linked_copy(&mut self) {
        let Some(&s) = self.live.first() else {
            self.source(8);
            self.live.push(8);
            return;
        };
        let s = if self.live.len() > 1 && self.rng.pct(50) {
            self.live[1]
        } else {
            s
        };
        match self.rng.below(7) {
            0 if self.v4 => self.e(format!("r8 = (s32)r{s}")),
            1 => self.e(format!("w8 = w{s}")),
            2 => {
                // through a stack slot: a fill of a whole spill keeps the id
                let (sz, off) =
                    self.rng
                        .pick(&[("u64", 16), ("u64", 24), ("u32", 16), ("u32", 12)]);
                self.e(format!("*({sz} *)(r10 -{off}) = r{s}"));
                self.e(format!("r8 = *({sz} *)(r10 -{off})"));
            }
            _ => self.e(format!("r8 = r{s}")),
        }
        self.live.push(8);
        if self.rng.pct(60) {
            let k = match self.rng.below(5) {
                0 => self.edge(),
                1 => self.rng.range(-16, -1),
                _ => self.rng.range(1, 64),
            };
            let k = k as i32;
            let op = if self.rng.pct(75) { "+=" } else { "-=" };
            let w = if self.rng.pct(15) { "w" } else { "r" };
            self.e(format!("{w}8 {op} {k}"));
        }
    }

    /// Narrows, widens or moves scalar `r`.
    fn shape(&mut self, r: u8) {
        match self.rng.weighted(&[45, 28, 10, 17, 8, 4]) {
            4 => self.spill_fill(r),
            5 => self.counted_loop(r),
            0 => {
                self.compare(r, "out");
            }
            1 => {
                let w = self.width();
                let op = self.rng.pick(ALU_OPS);
                let k = match op {
                    "<<=" | ">>=" | "s>>=" => {
                        if self.bug() {
                            if w == "w" {
                                32
                            } else {
                                64
                            }
                        } else if w == "w" {
                            self.rng.range(0, 31)
                        } else {
                            self.rng.range(0, 63)
                        }
                    }
                    "/=" | "%=" => {
                        if self.bug() {
                            0
                        } else {
                            self.rng.pick(&[1, 2, 3, 7, 8, 16, 1000, -1, 0x7fff_ffff])
                        }
                    }
                    _ => self.edge() as i32 as i64,
                };
                self.e(format!("{w}{r} {op} {k}"));
            }
            2 => {
                let others: Vec<u8> = self.live.iter().copied().filter(|&o| o != r).collect();
                if others.is_empty() {
                    return;
                }
                let o = self.rng.pick(&others);
                let w = self.width();
                let op = self
                    .rng
                    .pick(&["+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", "s>>="]);
                self.e(format!("{w}{r} {op} {w}{o}"));
            }
            _ => {
                let w = self.width();
                match self.rng.below(if self.v4 { 6 } else { 4 }) {
                    0 => self.e(format!("{w}{r} = -{w}{r}")),
                    1 => self.e(format!("w{r} = w{r}")),
                    2 => {
                        let f = self.rng.pick(&["be16", "be32", "le16", "le32", "be64"]);
                        self.e(format!("r{r} = {f} r{r}"));
                    }
                    3 => {
                        // the kernel's usual `<<= 32; s>>= 32`: a 32-bit
                        // value made 64-bit signed
                        self.e(format!("r{r} <<= 32"));
                        self.e(format!("r{r} s>>= 32"));
                    }
                    4 => {
                        if w == "w" {
                            let t = self.rng.pick(&["s8", "s16"]);
                            self.e(format!("w{r} = ({t})w{r}"));
                        } else {
                            let t = self.rng.pick(&["s8", "s16", "s32"]);
                            self.e(format!("r{r} = ({t})r{r}"));
                        }
                    }
                    _ => {
                        let op = self.rng.pick(&["s/=", "s%="]);
                        let k = self.rng.pick(&[1, 2, 3, 8, -1, -3, 0x7fff_ffff]);
                        self.e(format!("{w}{r} {op} {k}"));
                    }
                }
            }
        }
    }

    /// Scalar `r` spilled to the stack and filled back (into itself or r8),
    /// whole or in part, now and then with a store of a constant or of
    /// another scalar between: what the kernel keeps of a spilled scalar's
    /// bounds and id.
    fn spill_fill(&mut self, r: u8) {
        let (st, n) =
            self.rng
                .pick(&[("u64", 8i64), ("u64", 8), ("u32", 4), ("u16", 2), ("u8", 1)]);
        let off = self.rng.pick(&[16i64, 24, 32]) - self.rng.below((8 / n) as u64) as i64 * n;
        if self.rng.pct(15) {
            let k = self.edge() as i32;
            self.e(format!("*({st} *)(r10 -{off}) = {k}"));
        } else {
            self.e(format!("*({st} *)(r10 -{off}) = r{r}"));
        }
        if self.rng.pct(20) {
            let o = self.rng.pick(&self.live);
            let (st2, n2) = self.rng.pick(&[("u64", 8i64), ("u32", 4), ("u8", 1)]);
            let off2 =
                self.rng.pick(&[16i64, 24, 32]) - self.rng.below((8 / n2) as u64) as i64 * n2;
            self.e(format!("*({st2} *)(r10 -{off2}) = r{o}"));
        }
        // mostly read back as written, now and then narrower or wider
        let (ld, m) = if self.rng.pct(75) {
            (st, n)
        } else {
            self.rng
                .pick(&[("u64", 8i64), ("u32", 4), ("u16", 2), ("u8", 1)])
        };
        // aligned for its size, over the written bytes or near them
        let off = (off + m - 1) / m * m;
        let d = if self.live.contains(&8) && self.rng.pct(35) {
            8
        } else {
            r
        };
        self.e(format!("r{d} = *({ld} *)(r10 -{off})"));
    }

    /// A bounded loop on scalar `r`: from its value, or from a small
    /// constant, stepped up to a bound; the kernel walks each iteration.
    fn counted_loop(&mut self, r: u8) {
        if self.rng.pct(50) {
            let k = self.rng.range(0, 6);
            self.e(format!("r{r} = {k}"));
        } else {
            let m = self.rng.pick(&[7, 15, 31]);
            self.e(format!("r{r} &= {m}"));
        }
        let head = self.label();
        self.put(&head);
        let step = if self.bug() {
            0
        } else {
            self.rng.pick(&[1, 1, 2, 3, 8])
        };
        let w = self.width();
        self.e(format!("{w}{r} += {step}"));
        if self.rng.pct(30) {
            let others: Vec<u8> = self.live.iter().copied().filter(|&o| o != r).collect();
            if !others.is_empty() {
                let o = self.rng.pick(&others);
                self.e(format!("r{o} += r{r}"));
            }
        }
        let op = self.rng.pick(&["<", "<=", "s<", "s<="]);
        let bound = self.rng.range(4, 40);
        self.e(format!("if {w}{r} {op} {bound} goto {head}"));
    }

    /// `if r OP rhs goto target`: rhs an edge as an immediate, a 64-bit
    /// edge in r5, or another scalar.
    fn compare(&mut self, r: u8, target: &str) {
        let w = self.width();
        let op = self.rng.pick(CMP_OPS);
        let others: Vec<u8> = self.live.iter().copied().filter(|&o| o != r).collect();
        if !others.is_empty() && self.rng.pct(30) {
            let o = self.rng.pick(&others);
            self.e(format!("if {w}{r} {op} {w}{o} goto {target}"));
            return;
        }
        let k = self.edge();
        if w == "w" {
            self.e(format!("if w{r} {op} {} goto {target}", k as i32));
        } else if i32::try_from(k).is_ok() && self.rng.pct(80) {
            self.e(format!("if r{r} {op} {k} goto {target}"));
        } else {
            self.e(format!("r5 = {k:#x} ll"));
            self.e(format!("if r{r} {op} r5 goto {target}"));
        }
    }

    /// A compare whose branches meet again: the fall-through side shapes a
    /// scalar, and now and then the taken side (if-else) does too. Either
    /// may read r3, which verifies only if the kernel knows it dead.
    fn probe(&mut self) {
        let a = self.rng.pick(&self.live);
        let taken = self.label();
        self.compare(a, &taken);
        let dead_first = self.rng.pct(12);
        if dead_first {
            self.e("r0 = r3");
        }
        self.body();
        if self.rng.pct(40) {
            let join = self.label();
            self.e(format!("goto {join}"));
            self.put(&taken);
            if !dead_first && self.rng.pct(12) {
                self.e("r0 = r4");
            }
            self.body();
            self.put(&join);
        } else {
            self.put(&taken);
        }
    }

    fn body(&mut self) {
        let n = self.rng.below(3);
        for _ in 0..n {
            let r = self.rng.pick(&self.live);
            if self.rng.pct(25) {
                self.use_as_offset();
            } else {
                self.shape(r);
            }
        }
    }

    /// A map value pointer moved by a scalar and read or written, now and
    /// then checked against the value's size first.
    fn use_as_offset(&mut self) {
        let r = self.rng.pick(&self.live);
        if self.rng.pct(45) {
            let w = self.width();
            let (op, k) = match self.rng.below(4) {
                0 => (">=", self.value_size),
                1 => (">", self.value_size - 1),
                2 => ("s>", self.value_size - 8),
                _ => (">", self.value_size - if self.bug() { 0 } else { 8 }),
            };
            self.e(format!("if {w}{r} {op} {k} goto out"));
            if op == "s>" {
                self.e(format!("if {w}{r} s< 0 goto out"));
            }
        }
        self.e("r1 = r9");
        if self.rng.pct(85) {
            self.e(format!("r1 += r{r}"));
        } else {
            self.e(format!("r1 -= r{r}"));
        }
        let (sz, _) = self.rng.pick(&[("u8", 1), ("u32", 4), ("u64", 8)]);
        if self.rng.pct(60) {
            self.e(format!("r0 = *({sz} *)(r1 +0)"));
        } else {
            self.e(format!("*({sz} *)(r1 +0) = 1"));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bounds_programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(seed, seed % 2 == 1));
    }
}
