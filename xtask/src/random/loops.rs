//! `kernel-diff --random N --loops`: bounded loops, which both kernels
//! verify by walking every pass until the exit branch is decided or a
//! state repeats. One or two loops (now and then one inside the other) of
//! every shape a compiler leaves: tested at the bottom or the top, counted
//! up or down, the counter in a register or a stack slot, the bound a
//! constant or a masked map value field, broken out of early. Their
//! bodies accumulate, branch (more states per pass), index a map value by
//! the counter (masked, checked or not), write the stack and call helpers.
//! Whether the counter is precise decides whether a pass is pruned
//! against the one before, so the instructions processed are the test.
//! Now and then a loop never steps (`infinite loop detected`) or runs for
//! thousands of passes. With `--v4`, some loops are `may_goto` loops
//! (6.9's `BPF_JCOND`, which 6.1 does not know), judged through
//! kernel-diff's VM.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

struct G {
    rng: Rng,
    asm: Asm,
    value_size: i64,
    may_goto: bool,
    bug_pct: u64,
    /// Loops open around the code being written.
    depth: u32,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

/// Program text for loops program `seed`; `v4`: `may_goto` loops too.
pub fn program(seed: u64, v4: bool) -> String {
    let mut rng = Rng::new(seed);
    let may_goto = v4 && rng.pct(50);
    let value_size = rng.pick(&[16i64, 64, 256]);
    let bug_pct = rng.pick(&[2u64, 5, 10]);
    let ty = rng.pick(&["socket_filter", "sched_cls", "xdp"]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        value_size,
        may_goto,
        bug_pct,
        depth: 0,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map m0 array key=4 value={value_size} entries=1");
    g.e("r1 = 0");
    g.e("*(u32 *)(r10 -4) = r1");
    g.e("r2 = r10");
    g.e("r2 += -4");
    g.e("r1 = m0 ll");
    g.e("call bpf_map_lookup_elem");
    g.e("if r0 == 0 goto out");
    g.e("r9 = r0");
    // r7 accumulates, r8 is a bound read from the map value
    if g.rng.pct(50) {
        g.e("r7 = 0");
    } else {
        g.e("r7 = *(u32 *)(r9 +0)");
    }
    g.e("r8 = *(u32 *)(r9 +4)");
    let mask = g.rng.pick(&[7, 15, 63]);
    g.e(format!("r8 &= {mask}"));
    g.e("*(u64 *)(r10 -16) = 0");
    let loops = 1 + g.rng.below(2);
    for _ in 0..loops {
        g.a_loop(6);
    }
    if g.rng.pct(40) {
        // the accumulator used after the loops
        g.index_value("r7");
    }
    g.e("r0 = 0");
    g.e("exit");
    g.put("out");
    let ret = if ty == "xdp" { 2 } else { 0 };
    g.e(format!("r0 = {ret}"));
    g.e("exit");
    push_lines(&mut out, &g.asm.lines);
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    /// The bound a loop counts to: mostly small, now and then thousands of
    /// passes, or r8 (a masked map value field).
    fn bound(&mut self) -> String {
        // an inner loop's bound stays small: its passes multiply
        if self.depth > 0 {
            return self.rng.range(2, 8).to_string();
        }
        match self.rng.weighted(&[65, 25, 2, 8]) {
            0 => self.rng.range(2, 24).to_string(),
            1 => "r8".into(),
            2 => self.rng.pick(&[300i64, 1000]).to_string(),
            _ => self.rng.range(24, 64).to_string(),
        }
    }

    /// A constant bound, for `==` and `!=`: against r8's range the exit
    /// is decided only past it, and a counter that wraps runs to the
    /// instruction limit.
    fn const_bound(&mut self) -> String {
        let b = self.bound();
        if b == "r8" {
            self.rng.range(2, 24).to_string()
        } else {
            b
        }
    }

    fn step(&mut self) -> i64 {
        if self.bug() {
            0
        } else {
            self.rng.pick(&[1, 1, 1, 2, 3, 4])
        }
    }

    /// One loop on counter register `c` (r6, or r5... for an inner one).
    fn a_loop(&mut self, c: u8) {
        if self.may_goto && self.rng.pct(45) {
            return self.may_goto_loop(c);
        }
        let w = if self.rng.pct(25) { "w" } else { "r" };
        let head = self.label();
        let done = self.label();
        match self.rng.weighted(&[35, 25, 15, 15, 10]) {
            // bottom-tested, counted up
            0 => {
                let start = self.rng.range(0, 3);
                self.e(format!("r{c} = {start}"));
                self.put(&head);
                self.body(c);
                let op = self.rng.pick(&["<", "<", "s<", "<=", "!="]);
                // a counter stepping past the bound of `!=` runs to the
                // instruction limit: mostly by 1
                let k = if op == "!=" && self.rng.pct(90) {
                    1
                } else {
                    self.step()
                };
                self.e(format!("{w}{c} += {k}"));
                let b = if op == "!=" {
                    self.const_bound()
                } else {
                    self.bound()
                };
                let b = if b == "r8" { format!("{w}8") } else { b };
                self.e(format!("if {w}{c} {op} {b} goto {head}"));
            }
            // top-tested, counted up
            1 => {
                self.e(format!("r{c} = 0"));
                self.put(&head);
                let op = self.rng.pick(&[">=", ">", "s>=", "=="]);
                let b = if op == "==" {
                    self.const_bound()
                } else {
                    self.bound()
                };
                let b = if b == "r8" { format!("{w}8") } else { b };
                self.e(format!("if {w}{c} {op} {b} goto {done}"));
                self.body(c);
                let k = if op == "==" && self.rng.pct(90) {
                    1
                } else {
                    self.step()
                };
                self.e(format!("{w}{c} += {k}"));
                self.e(format!("goto {head}"));
            }
            // counted down to zero
            2 => {
                let b = self.bound();
                self.e(format!("r{c} = {b}"));
                self.put(&head);
                self.body(c);
                let op = self.rng.pick(&["!=", "s>", ">"]);
                let k = if op == "!=" && self.rng.pct(90) {
                    1
                } else {
                    self.step()
                };
                self.e(format!("{w}{c} -= {k}"));
                self.e(format!("if {w}{c} {op} 0 goto {head}"));
            }
            // the counter in a stack slot
            3 => {
                self.e("*(u64 *)(r10 -8) = 0");
                self.put(&head);
                self.e(format!("r{c} = *(u64 *)(r10 -8)"));
                self.body(c);
                let k = self.step();
                self.e(format!("r{c} += {k}"));
                self.e(format!("*(u64 *)(r10 -8) = r{c}"));
                let b = self.bound();
                self.e(format!("if r{c} < {b} goto {head}"));
            }
            // broken out of early on the accumulator
            _ => {
                self.e(format!("r{c} = 0"));
                self.put(&head);
                self.body(c);
                let k = self.rng.pick(&[0, 8, 100, 255]);
                self.e(format!("if r7 > {k} goto {done}"));
                let k = self.step();
                self.e(format!("{w}{c} += {k}"));
                let b = self.bound();
                let b = if b == "r8" { format!("{w}8") } else { b };
                self.e(format!("if {w}{c} < {b} goto {head}"));
            }
        }
        self.put(&done);
    }

    /// `may_goto` loop: bounded at run time by the kernel's counter, and
    /// by the verifier only by its states converging.
    fn may_goto_loop(&mut self, c: u8) {
        let head = self.label();
        let done = self.label();
        self.e(format!("r{c} = 0"));
        self.put(&head);
        self.e(format!("may_goto {done}"));
        self.body(c);
        let k = self.step();
        self.e(format!("r{c} += {k}"));
        // without a bound a counter the body makes precise never lets
        // the passes converge: the walk would run to the limit
        let b = self.bound();
        self.e(format!("if r{c} >= {b} goto {done}"));
        self.e(format!("goto {head}"));
        self.put(&done);
    }

    /// A loop's body: accumulate, branch, index, write the stack, call.
    fn body(&mut self, c: u8) {
        self.depth += 1;
        let n = self.rng.below(4);
        for _ in 0..n {
            match self.rng.weighted(&[30, 20, 20, 10, 8, 12]) {
                0 => {
                    let op = self.rng.pick(&["+=", "^=", "|=", "-="]);
                    if self.rng.pct(60) {
                        self.e(format!("r7 {op} r{c}"));
                    } else {
                        let k = self.rng.range(1, 9);
                        self.e(format!("r7 {op} {k}"));
                    }
                }
                1 => {
                    // a branch inside the body: two states per pass
                    let skip = self.label();
                    let op = self.rng.pick(&["&", ">", "==", "s<"]);
                    let k = self.rng.range(0, 6);
                    let who = if self.rng.pct(60) { c } else { 7 };
                    self.e(format!("if r{who} {op} {k} goto {skip}"));
                    self.e("r7 += 1");
                    self.put(&skip);
                }
                2 => {
                    let r = format!("r{c}");
                    self.index_value(&r);
                }
                3 => {
                    self.e(format!("*(u64 *)(r10 -16) = r{c}"));
                }
                4 => {
                    // a helper call keeps r6-r9 and forgets r0-r5
                    if c < 6 {
                        continue;
                    }
                    self.e("call bpf_get_prandom_u32");
                    self.e("r7 += r0");
                }
                _ => {
                    if self.depth < 2 && c == 6 {
                        self.a_loop(5);
                    }
                }
            }
        }
        self.depth -= 1;
    }

    /// The map value read at `reg` (masked, checked or, now and then,
    /// neither).
    fn index_value(&mut self, reg: &str) {
        let vs = self.value_size;
        self.e(format!("r1 = {reg}"));
        match self.rng.weighted(&[45, 40, 15]) {
            0 => {
                let m = self.rng.pick(&[vs - 1, vs / 2 - 1, 7]);
                self.e(format!("r1 &= {m}"));
            }
            1 => {
                let k = if self.bug() { vs } else { vs - 1 };
                self.e(format!("if r1 > {k} goto out"));
            }
            _ => {}
        }
        self.e("r2 = r9");
        self.e("r2 += r1");
        if self.rng.pct(70) {
            self.e("r0 = *(u8 *)(r2 +0)");
            self.e("r7 += r0");
        } else {
            self.e("*(u8 *)(r2 +0) = 1");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn loops_programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(seed, seed % 2 == 1));
    }
}
