//! `kernel-diff --random N --frames`: call trees of static subprograms,
//! for the verifier's rules about frames. Each function has a stack of its
//! own size (so the deepest path's combined size may pass 512 bytes,
//! `check_max_stack_depth()`), calls one to three others (some called from
//! two sites, at different depths; chains up to the eight frames
//! `MAX_CALL_FRAMES` allows, now and then one more), and hands them
//! scalars (constants, bounded unknowns, its own arguments), pointers into
//! its own stack or an ancestor's (forwarded, moved on), the context, and
//! a ring buffer record to release. The callees read and write through
//! those pointers at fixed and variable offsets, branch on their scalar
//! arguments and use them as map value indexes (which makes the caller's
//! values precise: backtracking across frames, where 6.1 and 6.12 part),
//! loop over a call, make tail calls, and return scalars. Each program
//! draws how often its decisions plant a mistake: a read past the frame a
//! pointer points into, an uninitialised slot, an unchecked index, an
//! argument register read after the call that clobbered it, a recursive
//! call, a stack pointer returned or spilled into a caller's frame, a
//! record leaked or released twice. Both kernels answer through the
//! oracle.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// What a function's argument is, as its caller set it up.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Arg {
    /// A scalar in `0..=max` (`None`: any value).
    Scalar(Option<i64>),
    /// A pointer into some frame's stack with `room` initialised bytes at
    /// and above it (up to that frame's top).
    Stack { room: i32 },
    /// The program's context.
    Ctx,
    /// A loop's counter: the loop body leaves it alone.
    Counter,
}

/// A function already written, which another call site may call again.
#[derive(Clone)]
struct Sig {
    name: String,
    args: Vec<Arg>,
    /// Frames below and including its own that a call of it adds.
    height: u32,
}

struct G {
    rng: Rng,
    asm: Asm,
    /// Functions in the order of their first reference.
    subs: Vec<Vec<String>>,
    sigs: Vec<Sig>,
    funcs: u32,
    bug_pct: u64,
    /// Frames the call tree may reach (9: one past the kernel's limit).
    max_frames: u32,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

/// The registers r6..r9 of the function being written: its arguments,
/// copied there on entry, or what it made since.
#[derive(Clone)]
struct Frame {
    regs: [Option<Arg>; 4],
    /// Bytes of its own stack initialised from its top (fp-8 ... fp-room).
    room: i32,
    /// The functions it is called through (a call of one is recursion).
    chain: Vec<String>,
    depth: u32,
    /// r0 holds a scalar (after a call, or set).
    r0: bool,
    /// Height of the tallest call this function makes.
    height: u32,
}

pub fn program(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let bug_pct = rng.pick(&[2u64, 5, 10, 15]);
    let max_frames = if rng.pct(8) {
        9
    } else {
        rng.pick(&[2u32, 3, 4, 6, 8])
    };
    let ty = rng.pick(&[
        "sched_cls",
        "sched_cls",
        "xdp",
        "socket_filter",
        "kprobe",
        "tracepoint",
        "raw_tracepoint",
    ]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        subs: Vec::new(),
        sigs: Vec::new(),
        funcs: 0,
        bug_pct,
        max_frames,
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    let _ = writeln!(out, ".map arr array key=4 value=16 entries=4");
    let _ = writeln!(out, ".map jt prog_array key=4 value=4 entries=4");
    let _ = writeln!(out, ".map rb ringbuf entries=4096");
    // main: the context in r6, an unknown bounded scalar in r7
    g.e("r6 = r1");
    let mut f = Frame {
        regs: [Some(Arg::Ctx), None, None, None],
        room: 0,
        chain: vec!["main".into()],
        depth: 1,
        r0: false,
        height: 1,
    };
    if g.rng.pct(60) {
        g.e("call bpf_get_prandom_u32");
        g.e("r7 = r0");
        let mask = g.rng.pick(&[7i64, 15, 63]);
        g.e(format!("r7 &= {mask}"));
        f.regs[1] = Some(Arg::Scalar(Some(mask)));
    }
    g.own_stack(&mut f);
    g.body(&mut f);
    g.e("r0 = 0");
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter().flatten()));
    out
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    /// The function's own stack: its size drawn mostly small, now and then
    /// large enough that a path of them passes 512 bytes. The slots from
    /// the top are initialised (the room handed to callees), and the
    /// deepest one is written so the size is what the kernel counts.
    fn own_stack(&mut self, f: &mut Frame) {
        let size = match self.rng.weighted(&[45, 30, 18, 7]) {
            0 => self.rng.pick(&[0i32, 8, 16]),
            1 => self.rng.pick(&[24i32, 32, 48, 64]),
            2 => self.rng.pick(&[96i32, 128, 160, 256]),
            _ => self.rng.pick(&[320i32, 448, 480, 512]),
        };
        if size == 0 {
            return;
        }
        let room = size.min(self.rng.pick(&[8i32, 16, 24, 32]));
        for o in (8..=room).step_by(8) {
            self.e(format!("*(u64 *)(r10 -{o}) = {}", o / 8));
        }
        if size > room {
            self.e(format!("*(u64 *)(r10 -{size}) = 0"));
        }
        f.room = room;
    }

    /// One to three operations, calls among them while the frames last.
    fn body(&mut self, f: &mut Frame) {
        let ops = 1 + self.rng.below(3);
        for _ in 0..ops {
            let can_call = f.depth < self.max_frames;
            match self.rng.weighted(&[30, 14, 14, 10, 6, 5, 5, 4]) {
                0 if can_call => self.call(f),
                1 => self.stack_op(f),
                2 => self.scalar_op(f),
                3 if can_call => self.loop_call(f),
                4 => self.tail_call(f),
                5 if f.depth == 1 => self.record(f),
                6 => self.spill_ctx(f),
                7 if self.bug() => self.recurse(f),
                _ if can_call => self.call(f),
                _ => self.scalar_op(f),
            }
        }
    }

    /// A free callee-saved register of the frame.
    fn free_reg(&mut self, f: &Frame) -> Option<usize> {
        let free: Vec<usize> = (0..4).filter(|&i| f.regs[i].is_none()).collect();
        if free.is_empty() {
            None
        } else {
            Some(self.rng.pick(&free))
        }
    }
    fn regs_where(&self, f: &Frame, p: impl Fn(Arg) -> bool) -> Vec<usize> {
        (0..4)
            .filter(|&i| f.regs[i].is_some_and(&p))
            .collect::<Vec<_>>()
    }

    /// Sets up one argument register for a callee and says what it is.
    fn arg(&mut self, f: &Frame, r: usize) -> Arg {
        match self.rng.below(7) {
            // the frame's own stack (maybe the room not all initialised)
            0 | 1 if f.room > 0 => {
                let slots = f.room / 8;
                let at = 8 * (1 + self.rng.below(slots as u64) as i32);
                // planted: one slot below the initialised ones
                let at = if self.bug() { at + 8 } else { at };
                self.e(format!("r{r} = r10"));
                self.e(format!("r{r} += -{at}"));
                Arg::Stack { room: at }
            }
            // a pointer this frame was given, forwarded or moved on
            2 => {
                let ptrs = self.regs_where(f, |a| matches!(a, Arg::Stack { room } if room > 0));
                if ptrs.is_empty() {
                    return self.scalar_arg(f, r);
                }
                let i = self.rng.pick(&ptrs);
                let Some(Arg::Stack { room }) = f.regs[i] else {
                    unreachable!()
                };
                self.e(format!("r{r} = r{}", i + 6));
                if room > 8 && self.rng.pct(40) {
                    self.e(format!("r{r} += 8"));
                    Arg::Stack { room: room - 8 }
                } else {
                    Arg::Stack { room }
                }
            }
            3 => {
                let ctx = self.regs_where(f, |a| a == Arg::Ctx);
                if ctx.is_empty() {
                    return self.scalar_arg(f, r);
                }
                let i = self.rng.pick(&ctx);
                self.e(format!("r{r} = r{}", i + 6));
                Arg::Ctx
            }
            _ => self.scalar_arg(f, r),
        }
    }

    fn scalar_arg(&mut self, f: &Frame, r: usize) -> Arg {
        let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(_)));
        if !scalars.is_empty() && self.rng.pct(60) {
            let i = self.rng.pick(&scalars);
            self.e(format!("r{r} = r{}", i + 6));
            return f.regs[i].unwrap_or(Arg::Scalar(None));
        }
        let v = self.rng.pick(&[0i64, 1, 3, 7, 8, 15, 16, -1, 100]);
        self.e(format!("r{r} = {v}"));
        Arg::Scalar(if (0..=64).contains(&v) { Some(v) } else { None })
    }

    /// A call of a new function, or of one already written whose arguments
    /// fit (the same kinds, at least the room it was written for).
    fn call(&mut self, f: &mut Frame) {
        let reuse: Vec<Sig> = self
            .sigs
            .iter()
            .filter(|s| f.depth + s.height <= self.max_frames && !f.chain.contains(&s.name))
            .cloned()
            .collect();
        if !reuse.is_empty() && self.rng.pct(30) {
            let s = reuse[self.rng.below(reuse.len() as u64) as usize].clone();
            if self.call_again(f, &s) {
                return;
            }
        }
        let nargs = 1 + self.rng.below(4) as usize;
        let mut args = Vec::new();
        for r in 1..=nargs {
            args.push(self.arg(f, r));
        }
        self.funcs += 1;
        let name = format!("f{}", self.funcs);
        self.e(format!("call {name}"));
        let mut callee = Frame {
            regs: [None; 4],
            room: 0,
            chain: f.chain.iter().cloned().chain([name.clone()]).collect(),
            depth: f.depth + 1,
            r0: false,
            height: 1,
        };
        let slot = self.subs.len();
        self.subs.push(Vec::new());
        let caller_lines = std::mem::take(&mut self.asm.lines);
        self.put(&name);
        for (i, a) in args.iter().enumerate() {
            self.e(format!("r{} = r{}", i + 6, i + 1));
            callee.regs[i] = Some(*a);
        }
        self.own_stack(&mut callee);
        self.body(&mut callee);
        self.ret(&callee);
        self.subs[slot] = std::mem::replace(&mut self.asm.lines, caller_lines);
        let height = callee.height;
        f.height = f.height.max(height + 1);
        self.sigs.push(Sig { name, args, height });
        self.after_call(f);
        if self.rng.pct(30) {
            self.read_back(f);
        }
    }

    /// A slot of the frame's own stack, which a callee may have written
    /// through the pointer it was given, read back and used as a map value
    /// index: its precision is then tracked back through the slot into
    /// the callee that wrote it.
    fn read_back(&mut self, f: &mut Frame) {
        if f.room < 8 {
            return;
        }
        let Some(i) = self.free_reg(f) else {
            return;
        };
        let r = i + 6;
        let at = 8 * (1 + self.rng.below((f.room / 8) as u64) as i32);
        let out = self.label();
        self.e(format!("r{r} = *(u64 *)(r10 -{at})"));
        self.e("*(u32 *)(r10 -4) = 0");
        self.e("r2 = r10");
        self.e("r2 += -4");
        self.e("r1 = arr ll");
        self.e("call bpf_map_lookup_elem");
        self.e(format!("if r0 == 0 goto {out}"));
        if !self.bug() {
            self.e(format!("if r{r} > 15 goto {out}"));
        }
        self.e(format!("r0 += r{r}"));
        self.e("r0 = *(u8 *)(r0 + 0)");
        self.put(&out);
        f.r0 = true;
    }

    /// A second call site of a written function, its arguments set up
    /// again of the same kinds.
    fn call_again(&mut self, f: &mut Frame, s: &Sig) -> bool {
        let start = self.asm.lines.len();
        for (i, want) in s.args.iter().enumerate() {
            let r = i + 1;
            let ok = match *want {
                Arg::Stack { room } => {
                    if f.room >= room {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -{room}"));
                        true
                    } else {
                        false
                    }
                }
                Arg::Ctx => match self.regs_where(f, |a| a == Arg::Ctx).first() {
                    Some(&c) => {
                        self.e(format!("r{r} = r{}", c + 6));
                        true
                    }
                    None => false,
                },
                Arg::Scalar(Some(max)) => {
                    let v = self.rng.range(0, max);
                    self.e(format!("r{r} = {v}"));
                    true
                }
                Arg::Scalar(None) => {
                    let v = self.rng.pick(&[0i64, -1, 1000]);
                    self.e(format!("r{r} = {v}"));
                    true
                }
                Arg::Counter => false,
            };
            if !ok {
                self.asm.lines.truncate(start);
                return false;
            }
        }
        self.e(format!("call {}", s.name));
        f.height = f.height.max(s.height + 1);
        self.after_call(f);
        true
    }

    /// After a call r0 is a scalar; r1-r5 are not readable (a planted
    /// read of one).
    fn after_call(&mut self, f: &mut Frame) {
        f.r0 = true;
        if self.bug() && self.rng.pct(40) {
            let r = self.rng.range(1, 5);
            self.e(format!("r0 = r{r}"));
        } else if let Some(i) = self.free_reg(f) {
            if self.rng.pct(50) {
                self.e(format!("r{} = r0", i + 6));
                self.e(format!("r{} &= 15", i + 6));
                f.regs[i] = Some(Arg::Scalar(Some(15)));
            }
        }
    }

    /// Reads and writes through a stack pointer the frame was given, at a
    /// fixed or a variable offset.
    fn stack_op(&mut self, f: &mut Frame) {
        let ptrs = self.regs_where(f, |a| matches!(a, Arg::Stack { room } if room > 0));
        if ptrs.is_empty() {
            return self.own_var_read(f);
        }
        let i = self.rng.pick(&ptrs);
        let Some(Arg::Stack { room }) = f.regs[i] else {
            return;
        };
        let p = i + 6;
        match self.rng.below(5) {
            // a read at a fixed offset (past the room: the caller's frame
            // ends there, or the slot is not written)
            0 | 1 => {
                let slots = room / 8;
                let mut off = 8 * self.rng.below(slots as u64) as i32;
                if self.bug() {
                    off = self.rng.pick(&[room, -8, off + 4]);
                }
                let size = self.rng.pick(&["u64", "u64", "u32", "u8"]);
                self.e(format!("r0 = *({size} *)(r{p} {off:+})"));
            }
            // a write of a scalar (or of the frame's own stack pointer)
            2 => {
                let off = 8 * self.rng.below((room / 8) as u64) as i32;
                if self.bug() {
                    self.e("r1 = r10");
                    self.e(format!("*(u64 *)(r{p} {off:+}) = r1"));
                } else {
                    // a scalar argument of this frame, or a constant
                    let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(Some(_))));
                    if !scalars.is_empty() && self.rng.pct(60) {
                        let s = self.rng.pick(&scalars) + 6;
                        self.e(format!("*(u64 *)(r{p} {off:+}) = r{s}"));
                    } else {
                        let v = self.rng.range(0, 9);
                        self.e(format!("r1 = {v}"));
                        self.e(format!("*(u64 *)(r{p} {off:+}) = r1"));
                    }
                }
            }
            // a variable offset, bounded by a check or a mask
            3 => {
                let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(_)));
                let src = if scalars.is_empty() {
                    self.e("call bpf_get_prandom_u32");
                    f.r0 = true;
                    "r0".to_string()
                } else {
                    format!("r{}", self.rng.pick(&scalars) + 6)
                };
                let out = self.label();
                self.e(format!("r1 = {src}"));
                let limit = if self.bug() { room } else { room - 1 };
                self.e(format!("if r1 > {limit} goto {out}"));
                self.e(format!("r2 = r{p}"));
                self.e("r2 += r1");
                self.e("r0 = *(u8 *)(r2 + 0)");
                self.put(&out);
            }
            // a store of an immediate into the caller's frame
            _ => {
                let off = 8 * self.rng.below((room / 8) as u64) as i32;
                self.e(format!("*(u32 *)(r{p} {off:+}) = 7"));
            }
        }
    }

    /// A read of the frame's own stack at a variable offset.
    fn own_var_read(&mut self, f: &mut Frame) {
        if f.room < 16 {
            return self.scalar_op(f);
        }
        let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(Some(_))));
        let Some(&s) = scalars.first() else {
            return self.scalar_op(f);
        };
        let out = self.label();
        let limit = if self.bug() { f.room } else { f.room - 8 };
        self.e(format!("r1 = r{}", s + 6));
        self.e(format!("if r1 > {limit} goto {out}"));
        self.e("r2 = r10");
        self.e(format!("r2 += -{}", f.room));
        self.e("r2 += r1");
        self.e("r0 = *(u8 *)(r2 + 0)");
        self.put(&out);
    }

    /// A branch on a scalar argument, or the scalar as a map value index
    /// (precise: the bound found by backtracking through the frames).
    fn scalar_op(&mut self, f: &mut Frame) {
        let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(_)));
        let Some(&i) = scalars.first().filter(|_| !scalars.is_empty()) else {
            return;
        };
        let i = if scalars.len() > 1 {
            self.rng.pick(&scalars)
        } else {
            i
        };
        let r = i + 6;
        match self.rng.below(4) {
            0 | 1 => {
                let out = self.label();
                self.e("*(u32 *)(r10 -4) = 0");
                self.e("r2 = r10");
                self.e("r2 += -4");
                self.e("r1 = arr ll");
                self.e("call bpf_map_lookup_elem");
                f.r0 = true;
                self.e(format!("if r0 == 0 goto {out}"));
                let bounded = matches!(f.regs[i], Some(Arg::Scalar(Some(m))) if m < 16);
                if !bounded && !self.bug() {
                    self.e(format!("if r{r} > 15 goto {out}"));
                }
                self.e(format!("r0 += r{r}"));
                self.e("r0 = *(u8 *)(r0 + 0)");
                self.put(&out);
            }
            2 => {
                let k = self.rng.pick(&[0i64, 1, 3, 7, 8]);
                let skip = self.label();
                self.e(format!("if r{r} > {k} goto {skip}"));
                self.e(format!("r{r} += 1"));
                self.put(&skip);
                f.regs[i] = Some(Arg::Scalar(match f.regs[i] {
                    Some(Arg::Scalar(Some(m))) => Some(m + 1),
                    _ => None,
                }));
            }
            _ => {
                let k = self.rng.pick(&[2i64, 3]);
                self.e(format!("r{r} *= {k}"));
                f.regs[i] = Some(Arg::Scalar(match f.regs[i] {
                    Some(Arg::Scalar(Some(m))) => Some(m * k),
                    _ => None,
                }));
            }
        }
    }

    /// A bounded loop around a call (its states joined at the loop head).
    fn loop_call(&mut self, f: &mut Frame) {
        let Some(i) = self.free_reg(f) else {
            return self.call(f);
        };
        let r = i + 6;
        let head = self.label();
        let n = self.rng.pick(&[2i64, 3, 4]);
        self.e(format!("r{r} = 0"));
        self.put(&head);
        f.regs[i] = Some(Arg::Counter);
        self.call(f);
        self.e(format!("r{r} += 1"));
        self.e(format!("if r{r} < {n} goto {head}"));
        f.regs[i] = Some(Arg::Scalar(Some(n)));
    }

    /// A tail call from this frame (with the context it was given). 6.1
    /// allows one in a subprogram while the frames above use at most 256
    /// bytes of stack.
    fn tail_call(&mut self, f: &mut Frame) {
        let ctx = self.regs_where(f, |a| a == Arg::Ctx);
        let Some(&c) = ctx.first() else {
            return self.scalar_op(f);
        };
        self.e(format!("r1 = r{}", c + 6));
        self.e("r2 = jt ll");
        let idx = self.rng.pick(&[0i64, 1, 3]);
        self.e(format!("r3 = {idx}"));
        self.e("call bpf_tail_call");
        f.r0 = true;
    }

    /// Spills the context into a stack slot the frame was given (a
    /// caller's frame), or its own, then reads it back.
    fn spill_ctx(&mut self, f: &mut Frame) {
        let ctx = self.regs_where(f, |a| a == Arg::Ctx);
        let ptrs = self.regs_where(f, |a| matches!(a, Arg::Stack { room } if room > 0));
        let (Some(&c), Some(&p)) = (ctx.first(), ptrs.first()) else {
            return self.stack_op(f);
        };
        self.e(format!("*(u64 *)(r{} +0) = r{}", p + 6, c + 6));
        self.e(format!("r1 = *(u64 *)(r{} +0)", p + 6));
        self.e("r0 = *(u32 *)(r1 +0)");
        f.r0 = true;
    }

    /// A ring buffer record taken in main and handed to a function that
    /// releases it (or leaks it, or releases it twice).
    fn record(&mut self, f: &mut Frame) {
        if f.depth >= self.max_frames {
            return;
        }
        let out = self.label();
        self.e("r1 = rb ll");
        self.e("r2 = 16");
        self.e("r3 = 0");
        self.e("call bpf_ringbuf_reserve");
        self.e(format!("if r0 == 0 goto {out}"));
        self.e("r1 = r0");
        self.funcs += 1;
        let name = format!("f{}", self.funcs);
        self.e(format!("call {name}"));
        self.put(&out);
        let slot = self.subs.len();
        self.subs.push(Vec::new());
        let caller_lines = std::mem::take(&mut self.asm.lines);
        self.put(&name);
        self.e("r6 = r1");
        self.e("r1 = 1");
        self.e("*(u64 *)(r6 +0) = r1");
        let how = if self.bug() { self.rng.below(3) } else { 0 };
        match how {
            0 => {
                self.e("r1 = r6");
                self.e("r2 = 0");
                self.e("call bpf_ringbuf_submit");
            }
            1 => {} // leaked
            _ => {
                self.e("r1 = r6");
                self.e("r2 = 0");
                self.e("call bpf_ringbuf_discard");
                self.e("r1 = r6");
                self.e("r2 = 0");
                self.e("call bpf_ringbuf_submit");
            }
        }
        self.e("r0 = 0");
        self.e("exit");
        self.subs[slot] = std::mem::replace(&mut self.asm.lines, caller_lines);
        f.height = f.height.max(2);
        f.r0 = true;
    }

    /// A call of a function this one is called through: recursion.
    fn recurse(&mut self, f: &mut Frame) {
        if f.chain.len() > 1 {
            let name = f.chain[1 + self.rng.below(f.chain.len() as u64 - 1) as usize].clone();
            self.e("r1 = 0");
            self.e(format!("call {name}"));
            f.r0 = true;
        }
    }

    /// The function's return: a scalar, or (planted) a pointer to its own
    /// stack, or r0 never set.
    fn ret(&mut self, f: &Frame) {
        if self.bug() && self.rng.pct(40) {
            match self.rng.below(2) {
                0 => self.e("r0 = r10"),
                _ if f.r0 => self.e("r0 = r10"),
                _ => {} // r0 never set
            }
        } else {
            let scalars = self.regs_where(f, |a| matches!(a, Arg::Scalar(_)));
            if !scalars.is_empty() && self.rng.pct(50) {
                let i = self.rng.pick(&scalars);
                self.e(format!("r0 = r{}", i + 6));
            } else {
                let v = self.rng.range(0, 3);
                self.e(format!("r0 = {v}"));
            }
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
