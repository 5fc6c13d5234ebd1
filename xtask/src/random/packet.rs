//! `kernel-diff --random N --packet`: direct packet access, for
//! `find_good_pkt_pointers()` and the rules around it. XDP, tc and
//! cgroup_skb programs (now and then a socket filter, which has none) load
//! `data`, `data_end` and `data_meta`, move packet pointers by constants
//! and by masked packet bytes, compare them with the end in every form the
//! kernel learns a range from (and in the forms it does not: 32-bit, two
//! packet pointers, the end moved), then read and write inside the range
//! or one byte past it, through the checked pointer or another of the same
//! id. The pointers are also spilled and filled, handed to a subprogram,
//! given to helpers as memory, invalidated by a helper that changes the
//! packet (directly or in a subprogram) and used after, subtracted from
//! the end, and moved past the kernel's 64 KiB offset limit. Each program
//! draws how often it plants a mistake. Both kernels answer through the
//! oracle.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

struct G {
    rng: Rng,
    asm: Asm,
    subs: Vec<String>,
    funcs: u32,
    bug_pct: u64,
    xdp: bool,
    /// `__sk_buff` or `xdp_md` offsets of data, data_end, data_meta.
    offs: (i32, i32, i32),
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

pub fn program(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let bug_pct = rng.pick(&[3u64, 6, 12]);
    let ty = rng.pick(&[
        "xdp",
        "xdp",
        "xdp",
        "sched_cls",
        "sched_cls",
        "sched_act",
        "cgroup_skb",
        "xdp",
        "sched_cls",
        "socket_filter",
    ]);
    let xdp = ty == "xdp";
    let offs = if xdp { (0, 4, 8) } else { (76, 80, 140) };
    let mut g = G {
        rng,
        asm: Asm::default(),
        subs: Vec::new(),
        funcs: 0,
        bug_pct,
        xdp,
        offs,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    g.e("r6 = r1");
    g.e("*(u64 *)(r10 -8) = 0");
    g.e("*(u64 *)(r10 -16) = 0");
    g.e("r9 = 90");
    g.reload();
    let ops = 1 + g.rng.below(4);
    for _ in 0..ops {
        match g.rng.weighted(&[40, 10, 10, 10, 8, 6, 6, 5, 5]) {
            0 => g.check_access(),
            1 => g.spill_fill(),
            2 => g.changes_packet(),
            3 => g.handed_to_subprog(),
            4 => g.helper_mem(),
            5 => g.meta(),
            6 => g.byte_offset(),
            7 => g.odd_arith(),
            _ => g.two_pointers(),
        }
    }
    let ret = match ty {
        "xdp" => 2,
        "cgroup_skb" => 1,
        _ => 0,
    };
    g.e(format!("r0 = {ret}"));
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter()));
    out
}

/// A size name and its bytes.
const SIZES: &[(&str, i64)] = &[("u8", 1), ("u16", 2), ("u32", 4), ("u64", 8)];

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    /// r7 = data, r8 = data_end (again after a helper changed the packet).
    fn reload(&mut self) {
        let (d, end, _) = self.offs;
        self.e(format!("r7 = *(u32 *)(r6 +{d})"));
        self.e(format!("r8 = *(u32 *)(r6 +{end})"));
    }

    /// `if` on r2 (a pointer n bytes past the access's start) against the
    /// end, jumping to `skip` when the bytes are not there; the forms the
    /// kernel learns the range from, and now and then one it does not.
    fn bound(&mut self, skip: &str) {
        let ok = self.label();
        // the forms without a range, rarely: one refuses every access after
        let form = if self.rng.pct(6) {
            8 + self.rng.below(2)
        } else {
            self.rng.below(8)
        };
        match form {
            0 | 1 => self.e(format!("if r2 > r8 goto {skip}")),
            2 => self.e(format!("if r8 < r2 goto {skip}")),
            3 => self.e(format!("if r2 >= r8 goto {skip}")),
            4 => self.e(format!("if r8 <= r2 goto {skip}")),
            5 => {
                self.e(format!("if r2 <= r8 goto {ok}"));
                self.e(format!("goto {skip}"));
            }
            6 => {
                self.e(format!("if r8 >= r2 goto {ok}"));
                self.e(format!("goto {skip}"));
            }
            7 => {
                self.e(format!("if r8 > r2 goto {ok}"));
                self.e(format!("goto {skip}"));
            }
            // forms that teach the kernel nothing (no range: the access
            // after them is refused)
            8 => self.e(format!("if w2 > w8 goto {skip}")),
            _ => self.e(format!("if r2 s> r8 goto {skip}")),
        }
        self.put(&ok);
    }

    /// An access of `size` at `off` through register `r`.
    fn access(&mut self, r: &str, off: i64, size: (&str, i64)) {
        if self.rng.pct(60) {
            self.e(format!("r0 = *({} *)({r} +{off})", size.0));
        } else {
            self.e(format!("*({} *)({r} +{off}) = r9", size.0));
        }
    }

    /// A pointer `at` bytes into the packet, checked for `n` bytes, then
    /// accesses inside (or one byte past) through it or through data.
    fn check_access(&mut self) {
        let skip = self.label();
        let at = self.rng.pick(&[0i64, 0, 2, 14, 34]);
        let n = self.rng.pick(&[1i64, 2, 4, 8, 14, 20, 40]);
        self.e("r1 = r7");
        if at > 0 {
            self.e(format!("r1 += {at}"));
        }
        self.e("r2 = r1");
        self.e(format!("r2 += {n}"));
        self.bound(&skip);
        let k = 1 + self.rng.below(2);
        for _ in 0..k {
            let fits: Vec<(&str, i64)> = SIZES.iter().copied().filter(|s| s.1 <= n).collect();
            let size = self.rng.pick(&fits);
            let mut off = self.rng.range(0, n - size.1);
            if self.bug() {
                off = n - size.1 + 1;
            }
            // through the checked pointer, or data itself (same id, the
            // range is both's)
            if self.rng.pct(70) {
                self.access("r1", off, size);
            } else {
                self.access("r7", at + off, size);
            }
        }
        self.put(&skip);
    }

    /// A checked pointer spilled to the stack, filled back and used.
    fn spill_fill(&mut self) {
        let skip = self.label();
        let n = self.rng.pick(&[4i64, 8, 16]);
        self.e("r2 = r7");
        self.e(format!("r2 += {n}"));
        self.bound(&skip);
        let size = if self.bug() { "u32" } else { "u64" };
        self.e(format!("*({size} *)(r10 -8) = r7"));
        self.e(format!("r3 = *({size} *)(r10 -8)"));
        let off = if self.bug() { n } else { n - 4 };
        self.e(format!("r0 = *(u32 *)(r3 +{off})"));
        self.put(&skip);
    }

    /// A helper that may move the packet, called here or in a subprogram:
    /// every packet pointer is gone after it; data reloaded, or (planted)
    /// an old one used.
    fn changes_packet(&mut self) {
        let skip = self.label();
        self.e("r2 = r7");
        self.e("r2 += 8");
        self.bound(&skip);
        let call = |g: &mut G| {
            if g.xdp {
                let f = g.rng.pick(&["bpf_xdp_adjust_head", "bpf_xdp_adjust_tail"]);
                g.e("r1 = r6");
                g.e("r2 = 4");
                g.e(format!("call {f}"));
            } else {
                g.e("r1 = r6");
                g.e("r2 = 14");
                g.e("call bpf_skb_pull_data");
            }
        };
        if self.rng.pct(30) {
            self.funcs += 1;
            let name = format!("chg{}", self.funcs);
            self.e("r1 = r6");
            self.e(format!("call {name}"));
            let caller = std::mem::take(&mut self.asm.lines);
            self.put(&name);
            self.e("r6 = r1");
            call(self);
            self.e("r0 = 0");
            self.e("exit");
            let body = std::mem::replace(&mut self.asm.lines, caller);
            self.subs.extend(body);
        } else {
            call(self);
        }
        if self.bug() {
            self.e("r0 = *(u8 *)(r7 +0)");
        } else {
            self.reload();
        }
        self.put(&skip);
    }

    /// A checked pointer handed to a static subprogram, which reads it
    /// (within the caller's range, or past it) or checks it again itself.
    fn handed_to_subprog(&mut self) {
        let skip = self.label();
        let n = self.rng.pick(&[4i64, 8, 16]);
        self.e("r2 = r7");
        self.e(format!("r2 += {n}"));
        self.bound(&skip);
        self.funcs += 1;
        let name = format!("sub{}", self.funcs);
        self.e("r1 = r7");
        self.e("r2 = r8");
        self.e(format!("call {name}"));
        self.put(&skip);
        let caller = std::mem::take(&mut self.asm.lines);
        self.put(&name);
        if self.rng.pct(40) {
            // its own check
            let out = self.label();
            self.e("r3 = r1");
            self.e("r3 += 24");
            self.e(format!("if r3 > r2 goto {out}"));
            self.e("r0 = *(u64 *)(r1 +16)");
            self.put(&out);
        } else {
            let off = if self.bug() { n } else { n - 4 };
            self.e(format!("r0 = *(u32 *)(r1 +{off})"));
        }
        self.e("r0 = 0");
        self.e("exit");
        let body = std::mem::replace(&mut self.asm.lines, caller);
        self.subs.extend(body);
    }

    /// Packet memory as a helper's argument (its size inside the range, or
    /// past it), or the packet copied to the stack by a load helper.
    fn helper_mem(&mut self) {
        let skip = self.label();
        let n = self.rng.pick(&[4i64, 8, 16]);
        self.e("r2 = r7");
        self.e(format!("r2 += {n}"));
        self.bound(&skip);
        if self.rng.pct(50) {
            let size = if self.bug() { n + 4 } else { n };
            self.e("r1 = r7");
            self.e(format!("r2 = {size}"));
            self.e("r3 = 0");
            self.e("r4 = 0");
            self.e("r5 = 0");
            self.e("call bpf_csum_diff");
        } else {
            let f = if self.xdp {
                "bpf_xdp_load_bytes"
            } else {
                "bpf_skb_load_bytes"
            };
            let len = if self.bug() { 24 } else { 16 };
            self.e("r1 = r6");
            self.e("r2 = 0");
            self.e("r3 = r10");
            self.e("r3 += -16");
            self.e(format!("r4 = {len}"));
            self.e(format!("call {f}"));
            self.reload();
        }
        self.put(&skip);
    }

    /// The metadata before data: checked against data, then read.
    fn meta(&mut self) {
        let (_, _, m) = self.offs;
        let skip = self.label();
        self.e(format!("r1 = *(u32 *)(r6 +{m})"));
        self.e("r2 = r1");
        self.e("r2 += 4");
        if self.bug() {
            self.e(format!("if r2 > r8 goto {skip}"));
        } else {
            self.e(format!("if r2 > r7 goto {skip}"));
        }
        self.e("r0 = *(u32 *)(r1 +0)");
        self.put(&skip);
    }

    /// A packet byte as the offset of a pointer, then its own check.
    fn byte_offset(&mut self) {
        let skip = self.label();
        self.e("r2 = r7");
        self.e("r2 += 1");
        self.e(format!("if r2 > r8 goto {skip}"));
        self.e("r3 = *(u8 *)(r7 +0)");
        let mask = if self.bug() { "" } else { "r3 &= 63" };
        if !mask.is_empty() {
            self.e(mask);
        }
        self.e("r1 = r7");
        self.e("r1 += r3");
        self.e("r2 = r1");
        self.e("r2 += 4");
        self.bound(&skip);
        self.e("r0 = *(u32 *)(r1 +0)");
        self.put(&skip);
    }

    /// Arithmetic the kernel refuses or limits: the end moved, the length
    /// as end minus data, a pointer moved back, or past 64 KiB.
    fn odd_arith(&mut self) {
        match self.rng.below(4) {
            0 => {
                self.e("r1 = r8");
                self.e("r1 -= r7");
                self.e("r0 = r1");
            }
            1 => {
                self.e("r1 = r8");
                self.e("r1 += -4");
                self.e("r0 = *(u32 *)(r1 +0)");
            }
            2 => {
                let skip = self.label();
                self.e("r1 = r7");
                self.e("r1 += 8");
                self.e("r2 = r1");
                self.e("r2 += 4");
                self.e(format!("if r2 > r8 goto {skip}"));
                self.e("r0 = *(u32 *)(r1 -8)");
                self.put(&skip);
            }
            _ => {
                let k = self.rng.pick(&[0xffffi64, 0x10000, 0x7fff]);
                self.e("r1 = r7");
                self.e(format!("r1 += {k}"));
                self.e("r2 = r1");
                self.e("r2 += 1");
                let skip = self.label();
                self.e(format!("if r2 > r8 goto {skip}"));
                self.e("r0 = *(u8 *)(r1 +0)");
                self.put(&skip);
            }
        }
    }

    /// Two packet pointers compared with each other: no range learnt.
    fn two_pointers(&mut self) {
        let skip = self.label();
        self.e("r1 = r7");
        self.e("r1 += 8");
        self.e("r2 = r7");
        self.e("r2 += 16");
        self.e(format!("if r1 > r2 goto {skip}"));
        self.e("r0 = *(u8 *)(r1 +0)");
        self.put(&skip);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(super::program);
    }
}
