//! `kernel-diff --random N --callbacks`: every helper of Linux 6.1 that
//! takes a callback (`bpf_loop`, `bpf_for_each_map_elem`,
//! `bpf_timer_set_callback`, `bpf_user_ringbuf_drain`, `bpf_find_vma`),
//! called once or twice, nested, from a subprogram, with callbacks that
//! work on the caller's stack through their context, count iterations into
//! it (the caller then indexes a map value with the count), take, release
//! or leak references (their own, or the caller's record handed over on
//! the stack: the story of 9d9d00ac), read their own arguments (a map
//! value, a key, a user ring buffer sample's dynptr, a VMA) and return
//! values in and out of each helper's range. Both kernels answer through
//! the oracle: 6.1 walks a callback once, 6.12 until its states converge.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// A callback-taking helper and what it hands its callback.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Site {
    Loop,
    ForEach,
    Timer,
    Drain,
    FindVma,
}

struct G {
    rng: Rng,
    asm: Asm,
    /// Subprograms and callbacks, in the order of their first reference
    /// ([`G::function`]).
    subs: Vec<Vec<String>>,
    callbacks: u32,
    bug_pct: u64,
    tracing: bool,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

pub fn program(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let bug_pct = rng.pick(&[2u64, 5, 10, 20]);
    // timers are not for tracing programs; bpf_find_vma only for them
    let tracing = rng.pct(35);
    let ty = if tracing {
        rng.pick(&["kprobe", "tracepoint", "raw_tracepoint"])
    } else {
        rng.pick(&["sched_cls", "xdp", "socket_filter", "syscall"])
    };
    let mut g = G {
        rng,
        asm: Asm::default(),
        subs: Vec::new(),
        callbacks: 0,
        bug_pct,
        tracing,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map rb ringbuf entries=4096");
    let _ = writeln!(out, ".map urb user_ringbuf entries=4096");
    let _ = writeln!(out, ".map arr array key=4 value=16 entries=4");
    let _ = writeln!(out, ".map h hash key=8 value=16 entries=8");
    let _ = writeln!(out, ".map tm array key=4 value=16 entries=1 timer=0");
    // the context block the callbacks share: a counter at fp-8, the record
    // slot at fp-16, scratch below
    for off in [-8, -16, -24, -32] {
        g.e(format!("*(u64 *)(r10 {off}) = 0"));
    }
    g.e("r6 = r1");
    // the caller holds a ring buffer record spilled at fp-16
    let record = g.rng.pct(35);
    if record {
        g.take_record();
    }
    let calls = 1 + g.rng.below(3);
    for _ in 0..calls {
        let site = g.site();
        match g.rng.below(5) {
            0 => g.call_from_subprog(site),
            _ => g.call_site(site, 0),
        }
        // a count used as an index is precise: 6.12 then walks a counting
        // callback until the instruction limit (and the oracle's VM a
        // minute for each), so rarely
        if g.rng.pct(8) {
            g.use_counter();
        }
    }
    if record && !g.bug() {
        g.e("r1 = *(u64 *)(r10 - 16)");
        g.e("r2 = 0");
        g.e("call bpf_ringbuf_submit");
    }
    g.e("r0 = 0");
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter().flatten()));
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }
    fn site(&mut self) -> Site {
        let all: &[Site] = if self.tracing {
            &[
                Site::Loop,
                Site::Loop,
                Site::ForEach,
                Site::Drain,
                Site::FindVma,
            ]
        } else {
            &[
                Site::Loop,
                Site::Loop,
                Site::ForEach,
                Site::Timer,
                Site::Drain,
            ]
        };
        self.rng.pick(all)
    }

    /// A ring buffer record, checked and spilled at fp-16.
    fn take_record(&mut self) {
        let l = self.label();
        self.e("r1 = rb ll");
        self.e("r2 = 16");
        self.e("r3 = 0");
        self.e("call bpf_ringbuf_reserve");
        self.e(format!("if r0 != 0 goto {l}"));
        self.e("exit");
        self.put(&l);
        self.e("*(u64 *)(r10 - 16) = r0");
    }

    /// The count the callbacks kept at fp-8, used as an index into a map
    /// value: bounded only if the verifier knows what the callbacks did.
    fn use_counter(&mut self) {
        let out = self.label();
        self.e("*(u32 *)(r10 - 24) = 0");
        self.e("r2 = r10");
        self.e("r2 += -24");
        self.e("r1 = arr ll");
        self.e("call bpf_map_lookup_elem");
        self.e(format!("if r0 == 0 goto {out}"));
        self.e("r1 = *(u64 *)(r10 - 8)");
        if !self.bug() {
            let k = self.rng.pick(&[7i64, 15, 3]);
            self.e(format!("if r1 > {k} goto {out}"));
        }
        self.e("r0 += r1");
        self.e("r1 = *(u8 *)(r0 + 0)");
        self.put(&out);
    }

    /// A static subprogram that makes the call (its own frame: the
    /// callbacks' context is then the subprogram's stack or the caller's,
    /// handed down in r1).
    fn call_from_subprog(&mut self, site: Site) {
        let name = format!("sub{}", self.callbacks + 1);
        self.callbacks += 1;
        self.e("r1 = r10");
        self.e("r1 += -8");
        self.e(format!("call {name}"));
        self.function(&name, |g| {
            g.e("r7 = r1");
            g.e("*(u64 *)(r10 - 8) = 0");
            g.e("*(u64 *)(r10 - 16) = 0");
            g.call_site(site, 1);
            g.e("r0 = 0");
            g.e("exit");
        });
    }

    /// A function's body, written by `body` into the slot of `subs` it
    /// takes now, at its first reference: the file then lays functions out
    /// in the order of their first reference, as the compiled object does.
    fn function(&mut self, name: &str, body: impl FnOnce(&mut Self)) {
        let slot = self.subs.len();
        self.subs.push(Vec::new());
        let caller = std::mem::take(&mut self.asm.lines);
        self.put(name);
        body(self);
        self.subs[slot] = std::mem::replace(&mut self.asm.lines, caller);
    }

    /// One call of a callback-taking helper, its context fp-8 (the
    /// counter, with the record at fp-16 above it in memory).
    fn call_site(&mut self, site: Site, depth: u32) {
        let cb = format!("cb{}", self.callbacks + 1);
        self.callbacks += 1;
        let ctx = |g: &mut G, r: u8| {
            if g.bug() && g.rng.pct(30) {
                // a scalar, or NULL, where the context goes
                let v = g.rng.pick(&[0i64, 8]);
                g.e(format!("r{r} = {v}"));
            } else {
                g.e(format!("r{r} = r10"));
                g.e(format!("r{r} += -16"));
            }
        };
        match site {
            Site::Loop => {
                let n = if self.bug() && self.rng.pct(30) {
                    "*(u32 *)(r10 - 32)".to_string()
                } else {
                    self.rng.pick(&["1", "4", "100", "0"]).to_string()
                };
                self.e(format!("r1 = {n}"));
                self.e(format!("r2 = {cb} ll"));
                ctx(self, 3);
                let flags = if self.bug() { 1 } else { 0 };
                self.e(format!("r4 = {flags}"));
                self.e("call bpf_loop");
            }
            Site::ForEach => {
                let map = self.rng.pick(&["arr", "h"]);
                self.e(format!("r1 = {map} ll"));
                self.e(format!("r2 = {cb} ll"));
                ctx(self, 3);
                self.e("r4 = 0");
                self.e("call bpf_for_each_map_elem");
            }
            Site::Timer => {
                let out = self.label();
                self.e("*(u32 *)(r10 - 24) = 0");
                self.e("r2 = r10");
                self.e("r2 += -24");
                self.e("r1 = tm ll");
                self.e("call bpf_map_lookup_elem");
                self.e(format!("if r0 == 0 goto {out}"));
                self.e("r7 = r0");
                if self.rng.pct(70) {
                    self.e("r1 = r7");
                    self.e("r2 = tm ll");
                    self.e("r3 = 1");
                    self.e("call bpf_timer_init");
                }
                self.e("r1 = r7");
                self.e(format!("r2 = {cb} ll"));
                self.e("call bpf_timer_set_callback");
                self.put(&out);
            }
            Site::Drain => {
                let map = if self.bug() { "rb" } else { "urb" };
                self.e(format!("r1 = {map} ll"));
                self.e(format!("r2 = {cb} ll"));
                ctx(self, 3);
                self.e("r4 = 0");
                self.e("call bpf_user_ringbuf_drain");
            }
            Site::FindVma => {
                self.e("call bpf_get_current_task_btf");
                self.e("r1 = r0");
                self.e("r2 = 0");
                self.e(format!("r3 = {cb} ll"));
                ctx(self, 4);
                self.e("r5 = 0");
                self.e("call bpf_find_vma");
            }
        }
        self.callback(&cb, site, depth);
    }

    /// The callback's body: what it does with its arguments and the
    /// caller's context, and what it returns.
    fn callback(&mut self, name: &str, site: Site, depth: u32) {
        self.function(name, |g| g.callback_body(site, depth));
    }

    fn callback_body(&mut self, site: Site, depth: u32) {
        // where each callback finds its context
        let ctx_reg = match site {
            Site::Loop | Site::Drain => "r2",
            Site::FindVma => "r3",
            Site::ForEach => "r4",
            Site::Timer => "",
        };
        if !ctx_reg.is_empty() {
            self.e(format!("r8 = {ctx_reg}"));
        }
        // the arguments read later, kept from the calls in between: r9 the
        // index, value, sample or VMA, r7 a for-each callback's key
        match site {
            Site::Loop | Site::Drain => self.e("r9 = r1"),
            Site::ForEach => {
                self.e("r7 = r2");
                self.e("r9 = r3");
            }
            Site::Timer => self.e("r9 = r3"),
            Site::FindVma => self.e("r9 = r2"),
        }
        let ops = 1 + self.rng.below(3);
        for _ in 0..ops {
            match self.rng.weighted(&[10, 12, 10, 8, 8, 10, 6, 8]) {
                // count into the caller's stack (fp-8 of the caller is
                // ctx + 8)
                0 if !ctx_reg.is_empty() => {
                    self.e("r1 = *(u64 *)(r8 + 8)");
                    self.e("r1 += 1");
                    self.e("*(u64 *)(r8 + 8) = r1");
                }
                // the caller's record, handed over in the context
                1 if !ctx_reg.is_empty() => {
                    let l = self.label();
                    self.e("r1 = *(u64 *)(r8 + 0)");
                    self.e(format!("if r1 == 0 goto {l}"));
                    if self.bug() {
                        self.e("r2 = 0");
                        self.e("call bpf_ringbuf_discard");
                    } else {
                        self.e("r2 = 7");
                        self.e("*(u64 *)(r1 + 0) = r2");
                    }
                    self.put(&l);
                }
                // a record of the callback's own
                2 => {
                    let l = self.label();
                    self.e("r1 = rb ll");
                    self.e("r2 = 8");
                    self.e("r3 = 0");
                    self.e("call bpf_ringbuf_reserve");
                    self.e(format!("if r0 == 0 goto {l}"));
                    if !self.bug() {
                        self.e("r1 = r0");
                        self.e("r2 = 0");
                        self.e("call bpf_ringbuf_submit");
                    }
                    self.put(&l);
                }
                // its own arguments
                3 => self.read_args(site),
                // a nested loop (its context the callback's own stack)
                4 if depth < 2 => {
                    let inner = format!("cb{}", self.callbacks + 1);
                    self.callbacks += 1;
                    self.e("*(u64 *)(r10 - 8) = 0");
                    self.e("*(u64 *)(r10 - 16) = 0");
                    self.e("r1 = 2");
                    self.e(format!("r2 = {inner} ll"));
                    self.e("r3 = r10");
                    self.e("r3 += -16");
                    self.e("r4 = 0");
                    self.e("call bpf_loop");
                    self.callback(&inner, Site::Loop, depth + 1);
                }
                // out of the context's bounds (the caller's frame ends at
                // ctx + 16)
                5 if !ctx_reg.is_empty() => {
                    let off = if self.bug() {
                        self.rng.pick(&[16i64, -8, 24])
                    } else {
                        self.rng.pick(&[0i64, 8])
                    };
                    self.e(format!("r1 = *(u64 *)(r8 {off:+})"));
                }
                // a helper call in the callback
                6 => self.e("call bpf_get_prandom_u32"),
                _ => {}
            }
        }
        self.ret(site);
    }

    fn read_args(&mut self, site: Site) {
        match site {
            // the index, masked into the caller's 16 bytes (or not)
            Site::Loop => {
                self.e("r1 = r9");
                let mask = if self.bug() { 31 } else { 15 };
                self.e(format!("r1 &= {mask}"));
                self.e("r2 = r8");
                self.e("r2 += r1");
                self.e("r0 = *(u8 *)(r2 + 0)");
            }
            // the value (writable for an array or hash), the key
            Site::ForEach => {
                let (reg, off, w) = if self.bug() {
                    self.rng
                        .pick(&[("r9", 16i64, false), ("r7", 0, true), ("r9", -4, false)])
                } else {
                    self.rng
                        .pick(&[("r9", 8i64, true), ("r9", 0, false), ("r7", 0, false)])
                };
                if w {
                    self.e(format!("*(u32 *)({reg} {off:+}) = 1"));
                } else {
                    self.e(format!("r0 = *(u32 *)({reg} {off:+})"));
                }
            }
            // the map value holding the timer
            Site::Timer => {
                let off = if self.bug() { 0 } else { 8 };
                self.e(format!("r0 = *(u64 *)(r9 + {off})"));
            }
            // the sample's dynptr
            Site::Drain => {
                self.e("r3 = r9");
                self.e("r1 = r10");
                self.e("r1 += -32");
                let len = if self.bug() { 40 } else { 8 };
                self.e(format!("r2 = {len}"));
                self.e("r4 = 0");
                self.e("r5 = 0");
                self.e("call bpf_dynptr_read");
            }
            // the VMA's first field
            Site::FindVma => {
                let off = if self.bug() { 4096 } else { 0 };
                self.e(format!("r0 = *(u64 *)(r9 + {off})"));
            }
        }
    }

    /// Return values around each helper's range: bpf_loop and the map
    /// iterators take 0 or 1, the timer callback 0.
    fn ret(&mut self, site: Site) {
        if self.bug() {
            match self.rng.below(3) {
                0 => self.e("r0 = 2"),
                1 => {
                    self.e("call bpf_get_prandom_u32");
                }
                _ => {} // r0 as the body left it
            }
        } else {
            let v = match site {
                Site::Timer => 0,
                _ => self.rng.pick(&[0i64, 0, 1]),
            };
            self.e(format!("r0 = {v}"));
        }
        self.e("exit");
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(super::program);
    }
}
