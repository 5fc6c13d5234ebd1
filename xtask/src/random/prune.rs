//! `kernel-diff --random N --prune`: state pruning. A program is a chain
//! of diamonds (a branch whose two arms meet again), each arm shaping the
//! same few registers (r7-r9) and stack slots (fp-8 to fp-32) in the same
//! or a different way: constants, ranges loaded from a map value, map
//! value and stack pointers at fixed or variable offsets, copies (which
//! share a scalar id), spills of every size, zero and other immediate
//! stores, fills, partial overwrites of a spill, a map lookup that leaves a
//! pointer on one path and NULL on the other, packet and context
//! pointers, calls of static subprograms that use a register's value or
//! a pointer to a caller's slot; some diamonds are walked two to four
//! times (a loop counted in a stack slot). Between the diamonds and
//! after them come uses that need a value's bounds (an offset into the map
//! value, a branch the kernel can decide) and so mark it precise, and
//! dereferences of the pointers. Each join point is a place where the
//! kernel compares the arriving state with the one it stored
//! (`states_equal()`: `regsafe()`, `stacksafe()`, `check_ids()`, the
//! precision and liveness marks), so `processed`, `total_states` and
//! `peak_states` count its pruning decisions; with `--log2` every state on
//! the way is compared. The generator knows what each register and slot
//! may hold on every path, and plants a mistake (a read of a register one
//! path left unwritten, an offset without bounds, a dereference past the
//! value, a partial fill of a spilled pointer) only now and then.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// What a register (or a spilled register) holds, over every path that
/// reaches the instruction being written.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Val {
    /// Not written on some path.
    Unset,
    /// A scalar in `lo..=hi` (unsigned, below 2^32).
    Scalar { lo: i64, hi: i64 },
    /// A scalar with no bounds worth using.
    Unknown,
    /// A pointer into m0's value at an offset in `lo..=hi`.
    MapPtr { lo: i64, hi: i64 },
    /// `fp + off`.
    StackPtr { off: i64 },
    /// A packet pointer checked against `data_end` for `range` bytes.
    PktPtr { range: i64 },
    /// The context.
    Ctx,
    /// Different kinds on different paths.
    Mixed,
}

impl Val {
    fn join(self, o: Val) -> Val {
        use Val::*;
        match (self, o) {
            (Unset, _) | (_, Unset) => Unset,
            (Scalar { lo: a, hi: b }, Scalar { lo: c, hi: d }) => Scalar {
                lo: a.min(c),
                hi: b.max(d),
            },
            (Scalar { .. } | Unknown, Scalar { .. } | Unknown) => Unknown,
            (MapPtr { lo: a, hi: b }, MapPtr { lo: c, hi: d }) => MapPtr {
                lo: a.min(c),
                hi: b.max(d),
            },
            (StackPtr { off: a }, StackPtr { off: b }) if a == b => self,
            (PktPtr { range: a }, PktPtr { range: b }) => PktPtr { range: a.min(b) },
            (Ctx, Ctx) => Ctx,
            _ => Mixed,
        }
    }

    fn is_scalar(self) -> bool {
        matches!(self, Val::Scalar { .. } | Val::Unknown)
    }

    fn may_be_pointer(self) -> bool {
        matches!(
            self,
            Val::MapPtr { .. } | Val::StackPtr { .. } | Val::PktPtr { .. } | Val::Ctx | Val::Mixed
        )
    }
}

/// What an 8-byte stack slot holds, over every path.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Slot {
    /// Never written (root may read it: the kernel allows uninitialised
    /// stack reads to programs loaded with CAP_PERFMON).
    Invalid,
    /// A whole register spilled.
    Spill(Val),
    /// Bytes written by stores that were not whole spills (or different
    /// contents on different paths, none of them a pointer).
    Misc,
    /// Some path holds a spilled pointer, another something else.
    Mixed,
}

impl Slot {
    fn join(self, o: Slot) -> Slot {
        use Slot::*;
        match (self, o) {
            (a, b) if a == b => a,
            (Spill(a), Spill(b)) => Spill(a.join(b)),
            (Spill(v), _) | (_, Spill(v)) if v.may_be_pointer() => Mixed,
            (Mixed, _) | (_, Mixed) => Mixed,
            _ => Misc,
        }
    }

    fn may_hold_pointer(self) -> bool {
        match self {
            Slot::Spill(v) => v.may_be_pointer(),
            Slot::Mixed => true,
            _ => false,
        }
    }

    /// The value an 8-byte fill gives.
    fn fill(self) -> Val {
        match self {
            Slot::Spill(v) => v,
            Slot::Mixed => Val::Mixed,
            _ => Val::Unknown,
        }
    }
}

/// The registers r7..=r9 and the slots fp-8..fp-32.
#[derive(Clone, PartialEq, Debug)]
struct St {
    regs: [Val; 3],
    slots: [Slot; 4],
}

impl St {
    fn join(&self, o: &St) -> St {
        let mut s = self.clone();
        for i in 0..3 {
            s.regs[i] = self.regs[i].join(o.regs[i]);
        }
        for i in 0..4 {
            s.slots[i] = self.slots[i].join(o.slots[i]);
        }
        s
    }
}

struct G {
    rng: Rng,
    asm: Asm,
    st: St,
    value_size: i64,
    bug_pct: u64,
    /// The context's `data` and `data_end` fields, where the program type
    /// has direct packet access.
    packet: Option<(i64, i64)>,
    /// Diamonds open around the code being written.
    depth: u32,
    /// Static subprograms, written after the program's exit.
    subs: Vec<Vec<String>>,
    /// `--v4`: loops over `bpf_iter_num` too (6.4+ kfuncs, which 6.1's
    /// libbpf cannot resolve).
    iters: bool,
    /// Inside an iterator loop, where leaving the program early would
    /// leak the iterator.
    in_iter: bool,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

const KEY_OFF: i64 = -40;
/// Where the prologue spills the context.
const CTX_OFF: i64 = -48;
/// A loop's counter.
const COUNTER_OFF: i64 = -56;
/// An open-coded iterator (`struct bpf_iter_num`, 8 bytes).
const ITER_OFF: i64 = -64;

/// Program text for pruning program `seed`; `v4`: some loops are
/// open-coded iterators (`bpf_iter_num_*`).
pub fn program(seed: u64, v4: bool) -> String {
    let mut rng = Rng::new(seed);
    let iters = v4 && rng.pct(50);
    let value_size = rng.pick(&[16i64, 64, 256]);
    let bug_pct = rng.pick(&[2u64, 4, 8]);
    let ty = rng.pick(&["socket_filter", "sched_cls", "xdp"]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        st: St {
            regs: [Val::Unset; 3],
            slots: [Slot::Invalid; 4],
        },
        value_size,
        bug_pct,
        packet: match ty {
            "xdp" => Some((0, 4)),
            "sched_cls" => Some((76, 80)),
            _ => None,
        },
        depth: 0,
        subs: Vec::new(),
        iters,
        in_iter: false,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map m0 array key=4 value={value_size} entries=1");
    g.e(format!("*(u64 *)(r10 {CTX_OFF}) = r1"));
    g.e("r1 = 0");
    g.e(format!("*(u32 *)(r10 {KEY_OFF}) = r1"));
    g.e("r2 = r10");
    g.e(format!("r2 += {KEY_OFF}"));
    g.e("r1 = m0 ll");
    g.e("call bpf_map_lookup_elem");
    g.e("if r0 == 0 goto out");
    g.e("r6 = r0");
    // most registers start written, so that most programs verify
    for r in 0..3 {
        if g.rng.pct(70) {
            g.shape_reg(r);
        }
    }
    let diamonds = 2 + g.rng.below(6);
    for _ in 0..diamonds {
        if g.iters && g.rng.pct(35) {
            g.iterated_diamond();
        } else if g.rng.pct(20) {
            g.looped_diamond();
        } else {
            g.diamond();
        }
        if g.rng.pct(30) {
            g.use_something();
        }
    }
    for _ in 0..1 + g.rng.below(3) {
        g.use_something();
    }
    g.e("r0 = 0");
    g.e("exit");
    g.put("out");
    g.e("r0 = 0");
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter().flatten()));
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    fn reg_name(r: usize) -> String {
        format!("r{}", r + 7)
    }

    fn slot_off(s: usize) -> i64 {
        -8 * (s as i64 + 1)
    }

    /// A register (index 0..3) that every path has written, if any; now
    /// and then (a planted mistake) any register.
    fn written_reg(&mut self) -> Option<usize> {
        if self.bug() {
            return Some(self.rng.below(3) as usize);
        }
        let ok: Vec<usize> = (0..3).filter(|&r| self.st.regs[r] != Val::Unset).collect();
        if ok.is_empty() {
            None
        } else {
            Some(self.rng.pick(&ok))
        }
    }

    /// A branch condition: on a fresh value, or on a register that holds a
    /// scalar (which the kernel may decide, and then marks precise).
    fn cond(&mut self) -> String {
        let scalars: Vec<usize> = (0..3).filter(|&r| self.st.regs[r].is_scalar()).collect();
        let op = self
            .rng
            .pick(&[">", ">=", "<", "<=", "==", "!=", "s>", "s<", "&"]);
        if !scalars.is_empty() && self.rng.pct(45) {
            let r = self.rng.pick(&scalars);
            let k = match self.st.regs[r] {
                Val::Scalar { lo, hi } => {
                    self.rng
                        .pick(&[lo, hi, lo.saturating_sub(1), hi.saturating_add(1), 0, 8])
                }
                _ => self.rng.pick(&[0, 1, 8, 255]),
            };
            let k = k.clamp(i32::MIN as i64, i32::MAX as i64);
            return format!("if {} {op} {k}", Self::reg_name(r));
        }
        if self.rng.pct(50) {
            self.e("call bpf_get_prandom_u32");
        } else {
            let (sz, n) = self.rng.pick(&[("u8", 1i64), ("u32", 4)]);
            let off = self.rng.range(0, self.value_size / n - 1) * n;
            self.e(format!("r0 = *({sz} *)(r6 +{off})"));
        }
        let k = self
            .rng
            .pick(&[0, 1, 7, 100, 0x8000_0000u32 as i64 as i32 as i64]);
        format!("if r0 {op} {k}")
    }

    /// `if COND goto else; A; goto join; else: B; join:` with the two arms
    /// shaping the same things, alike or not.
    fn diamond(&mut self) {
        if self.depth >= 2 {
            self.shape_something();
            return;
        }
        self.depth += 1;
        let c = self.cond();
        let (l_else, l_join) = (self.label(), self.label());
        self.e(format!("{c} goto {l_else}"));
        let before = self.st.clone();
        // what both arms will shape: mostly one thing, the same in both
        let n = 1 + self.rng.below(3);
        let targets: Vec<u64> = (0..n).map(|_| self.rng.next()).collect();
        let arm = |g: &mut G, empty: bool| {
            if empty {
                return;
            }
            for &t in &targets {
                // the same target, reached through a different draw
                let mut r = Rng::new(t);
                let which = r.below(8);
                if g.rng.pct(15) && g.depth < 2 {
                    g.diamond();
                } else {
                    g.shape_target(which);
                }
            }
        };
        let (empty_a, empty_b) = match self.rng.below(8) {
            0 => (true, false),
            1 => (false, true),
            _ => (false, false),
        };
        // now and then twin arms: the same draws give the same text (but
        // for label names) and the same state at the join
        let twin = (!empty_a && !empty_b && self.rng.pct(25)).then(|| self.rng.clone());
        arm(self, empty_a);
        self.e(format!("goto {l_join}"));
        let after_a = std::mem::replace(&mut self.st, before);
        self.put(&l_else);
        if let Some(r) = twin {
            self.rng = r;
        }
        arm(self, empty_b);
        self.put(&l_join);
        self.st = self.st.join(&after_a);
        self.depth -= 1;
    }

    /// Shape target `which` (0..8): registers r7-r9 (0..3), slots
    /// fp-8..fp-32 (3..7), or anything (7).
    fn shape_target(&mut self, which: u64) {
        match which {
            0..=2 => self.shape_reg(which as usize),
            3..=6 => self.shape_slot(which as usize - 3),
            _ => self.shape_something(),
        }
    }

    fn shape_something(&mut self) {
        let t = self.rng.below(9);
        if t >= 7 {
            self.call_sub();
        } else {
            self.shape_target(t);
        }
    }

    /// A diamond walked two to four times: a loop whose counter lives in
    /// a stack slot, so that each pass's states differ from the last
    /// pass's only where the counter is precise.
    fn looped_diamond(&mut self) {
        let passes = self.rng.range(2, 4);
        self.e("r1 = 0");
        self.e(format!("*(u64 *)(r10 {COUNTER_OFF}) = r1"));
        let head = self.label();
        self.put(&head);
        let before = self.st.clone();
        self.diamond();
        self.e(format!("r1 = *(u64 *)(r10 {COUNTER_OFF})"));
        self.e("r1 += 1");
        self.e(format!("*(u64 *)(r10 {COUNTER_OFF}) = r1"));
        self.e(format!("if r1 < {passes} goto {head}"));
        self.give_up_changes(&before);
    }

    /// A diamond walked once per element of an open-coded iterator over
    /// zero to four integers: 6.12 walks such a loop until a pass's state
    /// equals an earlier one's (`process_iter_next_call()`, imprecise
    /// scalars widened), a different convergence from a counted loop's.
    fn iterated_diamond(&mut self) {
        let n = self.rng.range(0, 4);
        self.e("r1 = r10");
        self.e(format!("r1 += {ITER_OFF}"));
        self.e("r2 = 0");
        self.e(format!("r3 = {n}"));
        self.e("call bpf_iter_num_new");
        let (head, done) = (self.label(), self.label());
        self.put(&head);
        self.e("r1 = r10");
        self.e(format!("r1 += {ITER_OFF}"));
        self.e("call bpf_iter_num_next");
        self.e(format!("if r0 == 0 goto {done}"));
        let before = self.st.clone();
        let was = std::mem::replace(&mut self.in_iter, true);
        self.diamond();
        self.in_iter = was;
        self.e(format!("goto {head}"));
        self.put(&done);
        self.e("r1 = r10");
        self.e(format!("r1 += {ITER_OFF}"));
        self.e("call bpf_iter_num_destroy");
        self.give_up_changes(&before);
    }

    /// After a loop: the arms were written for the first pass; what a
    /// later pass leaves is not known, so what the body changed is given
    /// up.
    fn give_up_changes(&mut self, before: &St) {
        for r in 0..3 {
            if self.st.regs[r] != before.regs[r] {
                self.st.regs[r] = match self.st.regs[r].join(before.regs[r]) {
                    v if v.is_scalar() => Val::Unknown,
                    Val::Unset => Val::Unset,
                    _ => Val::Mixed,
                };
            }
        }
        for i in 0..4 {
            if self.st.slots[i] != before.slots[i] {
                self.st.slots[i] = match self.st.slots[i].join(before.slots[i]) {
                    sl if sl.may_hold_pointer() => Slot::Mixed,
                    _ => Slot::Misc,
                };
            }
        }
    }

    /// A call of a new static subprogram with a register's value or a
    /// pointer to a slot in r1 and the map value in r2; the callee uses
    /// r1 (bounds it needs mark the caller's register precise, across
    /// the frames), now and then writes through a pointer to the
    /// caller's stack, and returns a small scalar, now and then kept.
    fn call_sub(&mut self) {
        let usable: Vec<usize> = (0..3)
            .filter(|&r| !matches!(self.st.regs[r], Val::Unset | Val::Mixed))
            .collect();
        let v = if !usable.is_empty() && self.rng.pct(60) {
            let r = self.rng.pick(&usable);
            self.e(format!("r1 = {}", Self::reg_name(r)));
            self.st.regs[r]
        } else {
            let off = Self::slot_off(self.rng.below(4) as usize);
            self.e("r1 = r10");
            self.e(format!("r1 += {off}"));
            Val::StackPtr { off }
        };
        self.e("r2 = r6");
        let name = format!("f{}", self.subs.len() + 1);
        self.subs.push(Vec::new());
        self.e(format!("call {name}"));
        // the callee, written aside
        let caller = std::mem::take(&mut self.asm.lines);
        self.put(&name);
        self.e("r6 = r2");
        match v {
            Val::StackPtr { off } if self.rng.pct(30) => {
                // a whole spill into the caller's slot
                self.e("*(u64 *)(r1 +0) = r2");
                let s = ((-off - 1) / 8) as usize;
                self.st.slots[s] = Slot::Spill(Val::MapPtr { lo: 0, hi: 0 });
            }
            _ => self.use_value("r1", v),
        }
        let ret = if self.rng.pct(30) {
            self.e("r0 = 0");
            Val::Scalar { lo: 0, hi: 0 }
        } else {
            let off = self.rng.range(0, self.value_size - 1);
            self.e(format!("r0 = *(u8 *)(r6 +{off})"));
            self.e("r0 &= 63");
            Val::Scalar { lo: 0, hi: 63 }
        };
        self.e("exit");
        let slot = self.subs.len() - 1;
        self.subs[slot] = std::mem::replace(&mut self.asm.lines, caller);
        if self.rng.pct(50) {
            let r = self.rng.below(3) as usize;
            self.e(format!("{} = r0", Self::reg_name(r)));
            self.st.regs[r] = ret;
        }
    }

    /// A new value for register `r` (0..3).
    fn shape_reg(&mut self, r: usize) {
        let name = Self::reg_name(r);
        let v = match self.rng.weighted(&[25, 15, 8, 12, 6, 8, 12, 8, 6, 8, 3]) {
            0 => {
                let k = self.rng.pick(&[0i64, 1, 2, 4, 8, 8, 16, 255]);
                let w = if self.rng.pct(20) { "w" } else { "r" };
                self.e(format!("{w}{} = {k}", r + 7));
                Val::Scalar { lo: k, hi: k }
            }
            1 => {
                let (sz, n, max) = self.rng.pick(&[
                    ("u8", 1i64, 255i64),
                    ("u16", 2, 65535),
                    ("u32", 4, u32::MAX as i64),
                ]);
                let off = self.rng.range(0, self.value_size / n - 1) * n;
                self.e(format!("{name} = *({sz} *)(r6 +{off})"));
                if self.rng.pct(50) {
                    let m = self.rng.pick(&[3i64, 7, 15, 63]);
                    self.e(format!("{name} &= {m}"));
                    Val::Scalar { lo: 0, hi: m }
                } else {
                    Val::Scalar { lo: 0, hi: max }
                }
            }
            2 => {
                self.e("call bpf_get_prandom_u32");
                self.e(format!("{name} = r0"));
                Val::Scalar {
                    lo: 0,
                    hi: u32::MAX as i64,
                }
            }
            3 => {
                let off = self.rng.range(0, self.value_size - 1);
                let off = if self.rng.pct(60) { off & !7 } else { off };
                self.e(format!("{name} = r6"));
                if off != 0 {
                    self.e(format!("{name} += {off}"));
                }
                Val::MapPtr { lo: off, hi: off }
            }
            4 => {
                // a map value pointer moved by a bounded scalar
                let m = self.rng.pick(&[3i64, 7, 15]).min(self.value_size - 1);
                self.e("r0 = *(u8 *)(r6 +0)");
                self.e(format!("r0 &= {m}"));
                self.e(format!("{name} = r6"));
                self.e(format!("{name} += r0"));
                Val::MapPtr { lo: 0, hi: m }
            }
            5 => {
                let off = self.rng.pick(&[-8i64, -16, -24, -32]);
                self.e(format!("{name} = r10"));
                self.e(format!("{name} += {off}"));
                Val::StackPtr { off }
            }
            6 => {
                // a copy: the kernel gives both the same id (scalars)
                let s = self.rng.below(3) as usize;
                if s == r || (self.st.regs[s] == Val::Unset && !self.bug()) {
                    return self.shape_reg_alu(r);
                }
                self.e(format!("{name} = {}", Self::reg_name(s)));
                self.st.regs[s]
            }
            7 => return self.shape_reg_alu(r),
            9 => {
                // (leaving the program inside an iterator loop would leak
                // the iterator)
                let Some((data, end)) = self.packet.filter(|_| !self.in_iter) else {
                    return self.shape_reg_alu(r);
                };
                // a packet pointer, checked for `range` bytes (the path
                // that fails the check leaves the program)
                let range = self.rng.pick(&[1i64, 8, 8, 14, 20, 64]);
                self.e(format!("r1 = *(u64 *)(r10 {CTX_OFF})"));
                self.e(format!("{name} = *(u32 *)(r1 +{data})"));
                self.e(format!("r3 = *(u32 *)(r1 +{end})"));
                self.e(format!("r2 = {name}"));
                self.e(format!("r2 += {range}"));
                self.e("if r2 > r3 goto out");
                Val::PktPtr { range }
            }
            10 => {
                self.e(format!("{name} = *(u64 *)(r10 {CTX_OFF})"));
                Val::Ctx
            }
            _ => {
                // a fill of a slot
                let s = self.rng.below(4) as usize;
                let slot = self.st.slots[s];
                let off = Self::slot_off(s);
                if slot.may_hold_pointer() || self.rng.pct(60) {
                    self.e(format!("{name} = *(u64 *)(r10 {off})"));
                    slot.fill()
                } else {
                    let (sz, d) = self.rng.pick(&[("u32", 0i64), ("u32", 4), ("u8", 0)]);
                    self.e(format!("{name} = *({sz} *)(r10 {})", off + d));
                    let hi = if sz == "u8" { 255 } else { u32::MAX as i64 };
                    Val::Scalar { lo: 0, hi }
                }
            }
        };
        self.st.regs[r] = v;
    }

    /// ALU on register `r`, keeping what the generator knows of it.
    fn shape_reg_alu(&mut self, r: usize) {
        let name = Self::reg_name(r);
        let v = self.st.regs[r];
        match v {
            Val::Scalar { lo, hi } => {
                let v = match self.rng.below(4) {
                    0 => {
                        let k = self.rng.pick(&[1i64, 4, 8]);
                        self.e(format!("{name} += {k}"));
                        Val::Scalar {
                            lo: lo + k,
                            hi: hi + k,
                        }
                    }
                    1 => {
                        let m = self.rng.pick(&[1i64, 7, 15, 63]);
                        self.e(format!("{name} &= {m}"));
                        Val::Scalar {
                            lo: 0,
                            hi: m.min(hi),
                        }
                    }
                    2 => {
                        let k = self.rng.pick(&[1i64, 2, 4]);
                        self.e(format!("{name} >>= {k}"));
                        Val::Scalar {
                            lo: lo >> k,
                            hi: hi >> k,
                        }
                    }
                    _ => {
                        self.e(format!("{name} *= 2"));
                        Val::Scalar {
                            lo: lo * 2,
                            hi: hi * 2,
                        }
                    }
                };
                // values that stop fitting 32 bits are not tracked further
                self.st.regs[r] = if let Val::Scalar { hi, .. } = v {
                    if hi > u32::MAX as i64 {
                        Val::Unknown
                    } else {
                        v
                    }
                } else {
                    v
                };
            }
            Val::MapPtr { lo, hi } => {
                let k = self.rng.pick(&[1i64, 2, 8]);
                self.e(format!("{name} += {k}"));
                self.st.regs[r] = Val::MapPtr {
                    lo: lo + k,
                    hi: hi + k,
                };
            }
            Val::PktPtr { range } if range > 1 => {
                // the checked range is counted from the pointer's offset 0
                let k = self.rng.range(1, range - 1);
                self.e(format!("{name} += {k}"));
                self.st.regs[r] = Val::PktPtr { range: range - k };
            }
            Val::Unknown => {
                let m = self.rng.pick(&[7i64, 15, 255]);
                self.e(format!("{name} &= {m}"));
                self.st.regs[r] = Val::Scalar { lo: 0, hi: m };
            }
            _ => {
                self.e(format!("{name} = 1"));
                self.st.regs[r] = Val::Scalar { lo: 1, hi: 1 };
            }
        }
    }

    /// A store into slot `s` (0..4).
    fn shape_slot(&mut self, s: usize) {
        let off = Self::slot_off(s);
        let slot = match self.rng.weighted(&[40, 15, 10, 15, 10, 10]) {
            0 => {
                // a whole spill
                let Some(r) = self.written_reg() else {
                    let r = self.rng.below(3) as usize;
                    return self.shape_reg(r);
                };
                self.e(format!("*(u64 *)(r10 {off}) = {}", Self::reg_name(r)));
                Slot::Spill(self.st.regs[r])
            }
            1 => {
                self.e(format!("*(u64 *)(r10 {off}) = 0"));
                Slot::Misc
            }
            2 => {
                let k = self.rng.pick(&[1, 42, -1]);
                self.e(format!("*(u64 *)(r10 {off}) = {k}"));
                Slot::Misc
            }
            3 => {
                // a 32-bit spill of a scalar, at either half
                let scalars: Vec<usize> = (0..3).filter(|&r| self.st.regs[r].is_scalar()).collect();
                if scalars.is_empty() {
                    self.e(format!("*(u32 *)(r10 {off}) = 0"));
                } else {
                    let r = self.rng.pick(&scalars);
                    let d = self.rng.pick(&[0, 4]);
                    self.e(format!("*(u32 *)(r10 {}) = w{}", off + d, r + 7));
                }
                Slot::Misc
            }
            4 => {
                // one byte over whatever is there (a spill becomes misc)
                let d = self.rng.range(0, 7);
                self.e(format!("*(u8 *)(r10 {}) = 1", off + d));
                Slot::Misc
            }
            _ => {
                // a map lookup: a pointer on one path, NULL on the other
                self.e("r1 = m0 ll");
                self.e("r2 = r10");
                self.e(format!("r2 += {KEY_OFF}"));
                self.e("call bpf_map_lookup_elem");
                let l = self.label();
                self.e(format!("if r0 == 0 goto {l}"));
                self.e("r1 = *(u8 *)(r0 +0)");
                self.put(&l);
                self.e(format!("*(u64 *)(r10 {off}) = r0"));
                Slot::Mixed
            }
        };
        self.st.slots[s] = slot;
    }

    /// A use of a register or a slot: bounds that must be known (precision),
    /// or a dereference.
    fn use_something(&mut self) {
        if self.rng.pct(25) {
            // through a fill
            let s = self.rng.below(4) as usize;
            let v = self.st.slots[s].fill();
            let off = Self::slot_off(s);
            if self.st.slots[s].may_hold_pointer() && self.bug() {
                self.e(format!("r1 = *(u32 *)(r10 {off})"));
                return;
            }
            self.e(format!("r1 = *(u64 *)(r10 {off})"));
            self.use_value("r1", v);
            return;
        }
        // a register whose value every path agrees on the kind of
        let usable: Vec<usize> = (0..3)
            .filter(|&r| !matches!(self.st.regs[r], Val::Unset | Val::Mixed))
            .collect();
        let r = if usable.is_empty() || self.bug() {
            self.rng.below(3) as usize
        } else {
            self.rng.pick(&usable)
        };
        let v = self.st.regs[r];
        self.use_value(&Self::reg_name(r), v);
    }

    /// Use register `name`, holding `v`, validly but for planted mistakes.
    fn use_value(&mut self, name: &str, v: Val) {
        match v {
            Val::Scalar { lo, hi } => {
                if self.rng.pct(30) {
                    // a branch the kernel may decide
                    let k = self.rng.pick(&[lo, hi, (lo + hi) / 2]);
                    let l = self.label();
                    self.e(format!("if {name} > {k} goto {l}"));
                    self.e("r0 = 0");
                    self.put(&l);
                    return;
                }
                // out of the value's bounds: masked first, but for a mistake
                let fits = lo >= 0 && hi < self.value_size;
                let unmasked = fits || self.bug();
                if !unmasked {
                    let m = [1i64, 3, 7, 15, 63, 255]
                        .into_iter()
                        .filter(|&m| m < self.value_size)
                        .max()
                        .unwrap_or(1);
                    self.e(format!("r2 = {name}"));
                    self.e(format!("r2 &= {m}"));
                    self.e("r1 = r6");
                    self.e("r1 += r2");
                } else {
                    self.e("r2 = r6");
                    self.e(format!("r2 += {name}"));
                    self.e("r1 = r2");
                }
                self.e("r0 = *(u8 *)(r1 +0)");
            }
            Val::Unknown => {
                if self.bug() {
                    self.e("r2 = r6");
                    self.e(format!("r2 += {name}"));
                    self.e("r0 = *(u8 *)(r2 +0)");
                } else {
                    self.e(format!("r0 = {name}"));
                    self.e("r0 &= 15");
                    self.e("r2 = r6");
                    self.e("r2 += r0");
                    self.e("r0 = *(u8 *)(r2 +0)");
                }
            }
            Val::MapPtr { lo, hi } => {
                let (sz, n) = self.rng.pick(&[("u8", 1i64), ("u32", 4), ("u64", 8)]);
                let room = self.value_size - n - hi;
                let d = if room < -lo || self.bug() {
                    self.rng.range(-lo - 1, self.value_size - lo)
                } else {
                    self.rng.range(-lo, room)
                };
                self.e(format!("r0 = *({sz} *)({name} {d:+})"));
            }
            Val::StackPtr { off } => {
                let d = self.rng.range(0, (-off - 1).min(7));
                let s = ((-(off + d) - 1) / 8) as usize;
                // one byte of a spilled pointer cannot be read
                let pointer = s < 4 && self.st.slots[s].may_hold_pointer();
                if self.rng.pct(50) && (!pointer || self.bug()) {
                    self.e(format!("r0 = *(u8 *)({name} {d:+})"));
                } else {
                    self.e(format!("*(u8 *)({name} {d:+}) = 2"));
                    if s < 4 {
                        self.st.slots[s] = Slot::Misc;
                    }
                }
            }
            Val::PktPtr { range } => {
                let d = if range < 1 || self.bug() {
                    range
                } else {
                    self.rng.range(0, range - 1)
                };
                self.e(format!("r0 = *(u8 *)({name} +{d})"));
            }
            Val::Ctx => self.e(format!("r0 = *(u32 *)({name} +0)")),
            Val::Mixed | Val::Unset => {
                if self.bug() {
                    self.e(format!("r0 = *(u8 *)({name} +0)"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn prune_programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(seed, seed % 2 == 1));
    }

    #[test]
    fn joins_keep_what_both_paths_allow() {
        use super::{Slot, Val};
        let a = Val::Scalar { lo: 0, hi: 4 };
        let b = Val::Scalar { lo: 8, hi: 8 };
        assert_eq!(a.join(b), Val::Scalar { lo: 0, hi: 8 });
        assert_eq!(a.join(Val::Unset), Val::Unset);
        assert_eq!(a.join(Val::StackPtr { off: -8 }), Val::Mixed);
        let p = Slot::Spill(Val::MapPtr { lo: 0, hi: 0 });
        assert_eq!(p.join(Slot::Misc), Slot::Mixed);
        assert_eq!(Slot::Spill(a).join(Slot::Misc), Slot::Misc);
    }
}
