//! `kernel-diff --random N --dynptr`: dynamic pointers as both modelled
//! kernels have them (the helpers of 6.1: `bpf_dynptr_from_mem`,
//! `bpf_ringbuf_reserve_dynptr`, `_submit_dynptr`, `_discard_dynptr`,
//! `bpf_dynptr_read`, `_write`, `_data`). Two dynptrs live on the stack
//! (`fp-16` and `fp-32`, 16 bytes each) beside a 32-byte buffer at `fp-64`;
//! a program is a short sequence of operations on them: made from the
//! buffer, a map value or the ring buffer, read, written, sliced, passed to
//! a subprogram or a `bpf_loop` callback, released, overwritten by stores
//! and spills, made on one branch only. The generator tracks what each slot
//! holds only roughly, to keep most programs plausible; a planted mistake
//! (about one program in four) is what the verifier must find: a dynptr
//! made twice, released twice or in a callback that does not own it, a
//! slice used after its release, a leak, a misaligned or moved pointer to
//! one, bytes of it read or overwritten.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// Program types whose helpers include the dynptr helpers
/// (`bpf_base_func_proto`, for a `bpf_capable` loader).
const TYPES: &[&str] = &[
    "sched_cls",
    "socket_filter",
    "kprobe",
    "tracepoint",
    "xdp",
    "raw_tracepoint",
    "cgroup_skb",
    "syscall",
];

/// What a dynptr slot holds, as far as the generator knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Held {
    Nothing,
    /// A local dynptr (stack buffer or map value): nothing to release.
    Local,
    /// A ring buffer record: a reference to submit or discard.
    Record,
    /// Made on one path only.
    Maybe,
}

struct G {
    rng: Rng,
    asm: Asm,
    /// The dynptrs at fp-16 and fp-32.
    slots: [Held; 2],
    /// Subprograms and callbacks, written after the main program.
    subs: Vec<String>,
    bug_pct: u64,
    /// The program type's name.
    ty: &'static str,
    /// Linux 6.12's dynptr kernel functions too (6.1 has none of them:
    /// libbpf cannot resolve them there).
    kfuncs: bool,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

const SLOT_OFF: [i32; 2] = [-16, -32];
const BUF_OFF: i32 = -64;
const BUF_LEN: i64 = 32;

/// `kfuncs`: Linux 6.12's dynptr kernel functions too, which only
/// kernel-diff's VM can judge (the oracle's converter does not know them).
pub fn program(seed: u64, kfuncs: bool) -> String {
    let mut rng = Rng::new(seed);
    let ty = rng.pick(TYPES);
    let bug_pct = rng.pick(&[0u64, 2, 5, 10]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        slots: [Held::Nothing; 2],
        subs: Vec::new(),
        bug_pct,
        ty,
        kfuncs,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map rb ringbuf entries=4096");
    let value = g.rng.pick(&[16i64, 64]);
    let _ = writeln!(out, ".map m array key=4 value={value} entries=2");
    // the buffer is written so that every read of it is of initialised
    // bytes; the dynptr slots stay uninitialised unless a program says so
    for off in (BUF_OFF..0).step_by(8) {
        if off < SLOT_OFF[1] || g.rng.pct(40) {
            g.e(format!("*(u64 *)(r10 {off}) = 0"));
        }
    }
    g.e("r9 = 0");
    g.e("r6 = r1");
    let ops = 2 + g.rng.below(6);
    for _ in 0..ops {
        g.op(value);
    }
    g.finish();
    g.e("r0 = 0");
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter()));
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }
    /// A slot: mostly one that holds what the operation wants.
    fn slot_where(&mut self, want: impl Fn(Held) -> bool) -> usize {
        let fit: Vec<usize> = (0..2).filter(|&i| want(self.slots[i])).collect();
        if fit.is_empty() || self.bug() {
            self.rng.below(2) as usize
        } else {
            self.rng.pick(&fit)
        }
    }
    /// `rN` pointing at slot `i`'s dynptr, now and then not quite.
    fn dynptr_arg(&mut self, r: u8, i: usize) {
        self.e(format!("r{r} = r10"));
        let mut off = SLOT_OFF[i];
        if self.bug() {
            off += self.rng.pick(&[-8, 8, 4, -4, 1, 16]);
        }
        self.e(format!("r{r} += {off}"));
        if self.bug() && self.rng.pct(30) {
            // a variable offset into the stack
            self.e("r7 = *(u32 *)(r10 - 64)");
            self.e("r7 &= 8");
            self.e(format!("r{r} += r7"));
        }
    }
    fn size(&mut self, max: i64) -> i64 {
        if self.bug() {
            self.rng.pick(&[max + 1, -1, 0x7fff_ffff, max + 8])
        } else {
            self.rng.pick(&[0, 1, 4, 8, max.min(16), max])
        }
    }

    fn op(&mut self, value: i64) {
        let made = self
            .slots
            .iter()
            .any(|&h| matches!(h, Held::Local | Held::Record));
        let held = self.slots.contains(&Held::Record);
        let free = self.slots.contains(&Held::Nothing);
        // what fits the slots as they are, unless a mistake is planted
        let plausible = |op: usize| match op {
            0..=2 | 15 => free,
            3 => held,
            4..=6 | 9..=13 => made,
            14 => made && free,
            _ => true,
        };
        let k = if self.kfuncs { 8 } else { 0 };
        let weights = [
            3,
            16,
            16,
            10,
            10,
            12,
            8,
            3,
            5,
            6,
            6,
            k,
            k / 2,
            k / 2,
            k,
            k,
            4,
        ];
        let mut op = self.rng.weighted(&weights);
        for _ in 0..8 {
            if plausible(op) || self.bug() {
                break;
            }
            op = self.rng.weighted(&weights);
        }
        match op {
            0 => self.make_local(),
            1 => self.make_from_value(value),
            2 => self.make_record(),
            3 => self.release(),
            4 => self.read(),
            5 => self.write(),
            6 => self.data(),
            7 => self.touch_slot(),
            8 => self.on_one_path(value),
            9 => self.callback(),
            10 => self.subprog(),
            11 => self.k_slice(),
            12 => self.k_adjust(),
            13 => self.k_query(),
            14 => self.k_clone(),
            15 => self.k_from_ctx(),
            _ => self.peek(),
        }
    }

    /// A read through a stack pointer with a variable offset, over the
    /// slots or beside them (a dynptr's state is no data).
    fn peek(&mut self) {
        self.e("call bpf_get_prandom_u32");
        let (mask, base) =
            self.rng
                .pick(&[(8i64, -40i64), (8, -24), (16, -48), (24, -32), (7, -56)]);
        self.e(format!("r0 &= {mask}"));
        self.e("r1 = r10");
        self.e("r1 += r0");
        let size = if mask == 7 {
            "u8"
        } else {
            self.rng.pick(&["u8", "u64"])
        };
        match self.rng.below(4) {
            0 => {
                // a write: over a dynptr's bytes, it is no dynptr any more
                self.e(format!("*({size} *)(r1 {base}) = r0"));
                self.slots = [Held::Maybe; 2];
            }
            1 => {
                self.e(format!("*({size} *)(r1 {base}) = 0"));
                self.slots = [Held::Maybe; 2];
            }
            _ => self.e(format!("r0 = *({size} *)(r1 {base})")),
        }
    }

    /// `bpf_dynptr_slice(_rdwr)` (6.12): a slice of a constant length,
    /// into the stack buffer when the dynptr's bytes are not contiguous.
    fn k_slice(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.dynptr_arg(1, i);
        let off = self.rng.pick(&[0i64, 0, 2, 8]);
        self.e(format!("r2 = {off}"));
        let len = self.rng.pick(&[4i64, 8, 16]);
        if self.rng.pct(60) {
            self.e("r3 = r10");
            let at = if self.bug() { -8 } else { BUF_OFF };
            self.e(format!("r3 += {at}"));
        } else {
            self.e("r3 = 0");
        }
        let szk = if self.bug() { len + 8 } else { len };
        self.e(format!("r4 = {szk}"));
        let f = self
            .rng
            .pick(&["bpf_dynptr_slice", "bpf_dynptr_slice_rdwr"]);
        self.e(format!("call {f}"));
        let out = self.label();
        if !self.bug() {
            self.e(format!("if r0 == 0 goto {out}"));
        }
        if self.rng.pct(50) {
            self.e(format!("*(u32 *)(r0 + {}) = 3", len - 4));
        } else {
            self.e(format!("r1 = *(u32 *)(r0 + {})", len - 4));
        }
        if self.rng.pct(30) {
            self.e("r9 = r0");
        }
        self.put(&out);
    }

    /// `bpf_dynptr_adjust` (6.12): a narrower view of the same bytes.
    fn k_adjust(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.dynptr_arg(1, i);
        let (start, end) = self
            .rng
            .pick(&[(0i64, 4i64), (2, 8), (8, 4), (0, 0), (4, 64)]);
        self.e(format!("r2 = {start}"));
        self.e(format!("r3 = {end}"));
        self.e("call bpf_dynptr_adjust");
    }

    /// What a dynptr says of itself (6.12).
    fn k_query(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.dynptr_arg(1, i);
        let f = self.rng.pick(&[
            "bpf_dynptr_size",
            "bpf_dynptr_is_null",
            "bpf_dynptr_is_rdonly",
        ]);
        self.e(format!("call {f}"));
        if self.rng.pct(50) {
            // the answer bounds a stack access
            self.e("if r0 > 24 goto +3");
            self.e("r1 = r10");
            self.e("r1 += r0");
            self.e("r0 = *(u8 *)(r1 - 32)");
        }
    }

    /// `bpf_dynptr_clone` (6.12): the other slot becomes a dynptr of the
    /// same kind; a record's clone shares its reference.
    fn k_clone(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        let j = 1 - i;
        self.dynptr_arg(1, i);
        self.dynptr_arg(2, j);
        self.e("call bpf_dynptr_clone");
        self.slots[j] = match self.slots[i] {
            Held::Record => Held::Local, // released with its parent
            h => h,
        };
    }

    /// `bpf_dynptr_from_skb`/`_xdp` (6.12) over the context, on types
    /// that may call them (and, as a mistake, on others).
    fn k_from_ctx(&mut self) {
        let i = self.slot_where(|h| h == Held::Nothing);
        let f = if self.ty == "xdp" {
            "bpf_dynptr_from_xdp"
        } else {
            "bpf_dynptr_from_skb"
        };
        self.e("r1 = r6");
        let flags = if self.bug() { 1 } else { 0 };
        self.e(format!("r2 = {flags}"));
        self.dynptr_arg(3, i);
        self.e(format!("call {f}"));
        if self.slots[i] == Held::Nothing {
            self.slots[i] = Held::Local;
        }
    }

    /// `bpf_dynptr_from_mem` over the stack buffer.
    fn make_local(&mut self) {
        let i = self.slot_where(|h| h == Held::Nothing || h == Held::Local);
        self.e("r1 = r10");
        let start = if self.bug() { -8 } else { BUF_OFF };
        self.e(format!("r1 += {start}"));
        let len = self.size(BUF_LEN);
        self.e(format!("r2 = {len}"));
        let flags = if self.bug() { 1 } else { 0 };
        self.e(format!("r3 = {flags}"));
        self.dynptr_arg(4, i);
        self.e("call bpf_dynptr_from_mem");
        if self.slots[i] != Held::Record {
            self.slots[i] = Held::Local;
        }
    }

    /// `bpf_dynptr_from_mem` over a map value.
    fn make_from_value(&mut self, value: i64) {
        let i = self.slot_where(|h| h == Held::Nothing || h == Held::Local);
        let out = self.label();
        self.e("*(u32 *)(r10 - 68) = 0");
        self.e("r2 = r10");
        self.e("r2 += -68");
        self.e("r1 = m ll");
        self.e("call bpf_map_lookup_elem");
        let early_exit = self.rng.pct(70);
        if early_exit {
            // no value: the program ends here, its records released
            self.e(format!("if r0 != 0 goto {out}"));
            // (on this path only: the slots keep their records after it)
            for j in 0..2 {
                if self.slots[j] == Held::Record && !self.bug() {
                    self.emit_release(j);
                }
            }
            self.e("r0 = 0");
            self.e("exit");
            self.put(&out);
        } else if !self.bug() {
            self.e(format!("if r0 == 0 goto {out}"));
        }
        self.e("r1 = r0");
        let len = self.size(value);
        self.e(format!("r2 = {len}"));
        self.e("r3 = 0");
        self.dynptr_arg(4, i);
        self.e("call bpf_dynptr_from_mem");
        if !early_exit {
            self.put(&out);
        }
        if self.slots[i] == Held::Nothing {
            self.slots[i] = if early_exit { Held::Local } else { Held::Maybe };
        }
    }

    /// `bpf_ringbuf_reserve_dynptr`: a reference, whatever the call returns.
    fn make_record(&mut self) {
        let i = self.slot_where(|h| h == Held::Nothing);
        self.e("r1 = rb ll");
        if self.bug() && self.rng.pct(40) {
            self.e("r2 = *(u32 *)(r10 - 64)");
        } else {
            let size = self.rng.pick(&[8i64, 16, 64, 0]);
            self.e(format!("r2 = {size}"));
        }
        let flags = if self.bug() { 2 } else { 0 };
        self.e(format!("r3 = {flags}"));
        self.dynptr_arg(4, i);
        self.e("call bpf_ringbuf_reserve_dynptr");
        self.slots[i] = Held::Record;
    }

    /// Submit or discard a record (or, as a mistake, something else).
    fn release(&mut self) {
        let i = self.slot_where(|h| h == Held::Record);
        self.release_slot(i);
    }
    fn release_slot(&mut self, i: usize) {
        self.emit_release(i);
        self.slots[i] = Held::Nothing;
    }
    /// The release of slot `i`'s record, its state left to the caller.
    fn emit_release(&mut self, i: usize) {
        self.dynptr_arg(1, i);
        let flags = if self.bug() { 3 } else { 0 };
        self.e(format!("r2 = {flags}"));
        let f = self
            .rng
            .pick(&["bpf_ringbuf_submit_dynptr", "bpf_ringbuf_discard_dynptr"]);
        self.e(format!("call {f}"));
        if self.bug() && self.rng.pct(50) {
            // a slice of the record used after its release
            self.e("if r9 == 0 goto +1");
            self.e("r0 = *(u8 *)(r9 + 0)");
        }
    }

    /// `bpf_dynptr_read` into the buffer.
    fn read(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.e("r1 = r10");
        self.e(format!("r1 += {BUF_OFF}"));
        let len = self.size(BUF_LEN);
        self.e(format!("r2 = {len}"));
        self.dynptr_arg(3, i);
        let off = if self.bug() {
            self.rng.pick(&[-1i64, 64, 4096])
        } else {
            self.rng.pick(&[0i64, 0, 4])
        };
        self.e(format!("r4 = {off}"));
        self.e("r5 = 0");
        self.e("call bpf_dynptr_read");
    }

    /// `bpf_dynptr_write` from the buffer.
    fn write(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.dynptr_arg(1, i);
        let off = self.rng.pick(&[0i64, 0, 8]);
        self.e(format!("r2 = {off}"));
        self.e("r3 = r10");
        let src = if self.bug() && self.rng.pct(40) {
            SLOT_OFF[1 - i]
        } else {
            BUF_OFF
        };
        self.e(format!("r3 += {src}"));
        let len = self.size(BUF_LEN);
        self.e(format!("r4 = {len}"));
        self.e("r5 = 0");
        self.e("call bpf_dynptr_write");
    }

    /// `bpf_dynptr_data`: a slice of a constant length, its accesses inside
    /// it (or, as a mistake, past it); the slice is kept in r9 now and then.
    fn data(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        self.dynptr_arg(1, i);
        let off = self.rng.pick(&[0i64, 0, 4]);
        self.e(format!("r2 = {off}"));
        let len = self.rng.pick(&[8i64, 16]);
        if self.bug() && self.rng.pct(30) {
            self.e("r3 = *(u32 *)(r10 - 64)");
        } else {
            self.e(format!("r3 = {len}"));
        }
        self.e("call bpf_dynptr_data");
        let out = self.label();
        if !self.bug() {
            self.e(format!("if r0 == 0 goto {out}"));
        }
        let size = self.rng.pick(&[1i64, 4, 8]);
        let at = if self.bug() {
            len - size + self.rng.pick(&[1i64, 8])
        } else {
            self.rng.range(0, len - size)
        };
        let sz = match size {
            1 => "u8",
            4 => "u32",
            _ => "u64",
        };
        if self.rng.pct(50) {
            self.e(format!("*({sz} *)(r0 + {at}) = 1"));
        } else {
            self.e(format!("r1 = *({sz} *)(r0 + {at})"));
        }
        if self.rng.pct(40) {
            self.e("r9 = r0");
        }
        self.put(&out);
    }

    /// Bytes of a slot read or overwritten directly.
    fn touch_slot(&mut self) {
        let i = self.rng.below(2) as usize;
        let base = SLOT_OFF[i];
        let (size, at) = self.rng.pick(&[
            ("u64", 0),
            ("u64", 8),
            ("u32", 4),
            ("u32", 12),
            ("u8", 1),
            ("u16", 14),
        ]);
        let off = base + at;
        match self.rng.below(4) {
            0 => self.e(format!("r1 = *({size} *)(r10 {off})")),
            3 => {
                // an atomic reads and writes the bytes
                let (size, off) = if size == "u64" {
                    ("u64", off)
                } else {
                    ("u32", base + 4)
                };
                self.e("r1 = 1");
                self.e(format!("lock *({size} *)(r10 {off}) += r1"));
                self.slots[i] = Held::Maybe;
            }
            1 => {
                self.e(format!("*({size} *)(r10 {off}) = 7"));
                self.slots[i] = Held::Nothing;
            }
            _ => {
                // a pointer spilled over it
                let off = base + if at >= 8 { 8 } else { 0 };
                self.e(format!("*(u64 *)(r10 {off}) = r10"));
                self.slots[i] = Held::Nothing;
            }
        }
    }

    /// A dynptr made (or released) on one path of a branch only.
    fn on_one_path(&mut self, value: i64) {
        let skip = self.label();
        self.e("call bpf_get_prandom_u32");
        let k = self.rng.pick(&[0i64, 5, 100]);
        self.e(format!("if r0 > {k} goto {skip}"));
        let before = self.slots;
        match self.rng.below(3) {
            0 => self.make_local(),
            1 => self.make_from_value(value),
            _ => {
                if let Some(i) = (0..2).find(|&i| self.slots[i] == Held::Record) {
                    self.release_slot(i);
                } else {
                    self.make_record();
                    // released on this path too, unless a mistake
                    if !self.bug() {
                        let i = (0..2).find(|&i| self.slots[i] == Held::Record).unwrap_or(0);
                        self.release_slot(i);
                    }
                }
            }
        }
        self.put(&skip);
        for (now, was) in self.slots.iter_mut().zip(before) {
            if *now != was {
                *now = Held::Maybe;
            }
        }
    }

    /// A `bpf_loop` callback handed a dynptr through its context: it reads
    /// it, writes it, slices it, or (a mistake since 9d9d00ac, where the
    /// record is the caller's) releases it.
    fn callback(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        let name = format!("cb{}", self.subs.len() + 1);
        let loops = self.rng.pick(&[1i64, 2, 8]);
        self.e(format!("r1 = {loops}"));
        self.e(format!("r2 = {name} ll"));
        self.dynptr_arg(3, i);
        self.e("r4 = 0");
        self.e("call bpf_loop");
        let release = self.bug() && self.slots[i] == Held::Record;
        let mut body = vec![format!("{name}:"), "    r6 = r2".to_string()];
        match (release, self.rng.below(3)) {
            (true, _) => {
                body.push("    r1 = r6".into());
                body.push("    r2 = 0".into());
                body.push("    call bpf_ringbuf_discard_dynptr".into());
            }
            (false, 0) => {
                body.push("    *(u64 *)(r10 - 8) = 0".into());
                body.push("    r1 = r10".into());
                body.push("    r1 += -8".into());
                body.push("    r2 = 8".into());
                body.push("    r3 = r6".into());
                body.push("    r4 = 0".into());
                body.push("    r5 = 0".into());
                body.push("    call bpf_dynptr_read".into());
            }
            (false, 1) => {
                body.push("    r1 = r6".into());
                body.push("    r2 = 0".into());
                body.push("    r3 = 8".into());
                body.push("    call bpf_dynptr_data".into());
                body.push("    if r0 == 0 goto +1".into());
                body.push("    *(u64 *)(r0 + 0) = 2".into());
            }
            _ => {
                // a dynptr of the callback's own, made and (or not) released
                body.push("    r1 = rb ll".into());
                body.push("    r2 = 8".into());
                body.push("    r3 = 0".into());
                body.push("    r4 = r10".into());
                body.push("    r4 += -16".into());
                body.push("    call bpf_ringbuf_reserve_dynptr".into());
                if !self.bug() {
                    body.push("    r1 = r10".into());
                    body.push("    r1 += -16".into());
                    body.push("    r2 = 0".into());
                    body.push("    call bpf_ringbuf_discard_dynptr".into());
                }
            }
        }
        let ret = if self.bug() { 2 } else { 0 };
        body.push(format!("    r0 = {ret}"));
        body.push("    exit".into());
        self.subs.extend(body);
    }

    /// A static subprogram given a pointer to a dynptr: it reads it, or
    /// releases the record (which the caller then no longer holds).
    fn subprog(&mut self) {
        let i = self.slot_where(|h| h != Held::Nothing);
        let name = format!("sub{}", self.subs.len() + 1);
        self.dynptr_arg(1, i);
        self.e(format!("call {name}"));
        let mut body = vec![format!("{name}:")];
        if self.slots[i] == Held::Record && self.rng.pct(50) {
            body.push("    r2 = 0".into());
            body.push("    call bpf_ringbuf_submit_dynptr".into());
            self.slots[i] = Held::Nothing;
        } else {
            body.push("    r3 = r1".into());
            body.push("    *(u64 *)(r10 - 8) = 0".into());
            body.push("    r1 = r10".into());
            body.push("    r1 += -8".into());
            body.push("    r2 = 4".into());
            body.push("    r4 = 0".into());
            body.push("    r5 = 0".into());
            body.push("    call bpf_dynptr_read".into());
        }
        body.push("    r0 = 0".into());
        body.push("    exit".into());
        self.subs.extend(body);
    }

    /// Records still held are released, but for a planted leak.
    fn finish(&mut self) {
        for i in 0..2 {
            if self.slots[i] == Held::Record && !self.bug() {
                self.release_slot(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(seed, seed % 2 == 1));
    }
}
