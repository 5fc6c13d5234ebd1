//! A deterministic generator of plausible BPF programs in the text format
//! of `shared/spec/ASM.md`, for differential testing against the kernel.
//!
//! Programs are built from templates (a map lookup with its NULL check, a
//! ring buffer record reserved and submitted, a socket looked up and
//! released, `bpf_loop` / `bpf_for_each_map_elem` with a callback that works
//! on the caller's stack, a static subprogram, a bounded loop, a packet
//! access after its `data_end` check, ...) glued together by filler (ALU
//! operations of both widths, stack stores and loads at fixed and variable
//! offsets, branches of both widths, helper calls). A light model of the
//! registers and the stack keeps most programs "nearly right", so the
//! verifier walks deep before it accepts or rejects; each template has a
//! small chance of one typical mistake (a missing NULL check, an
//! off-by-one bound, a leaked or doubly released reference, a bad callback
//! return value, a misaligned access ...).
//!
//! Functions are laid out in the order of their first reference, depth
//! first, which is how libbpf lays them out, so the kernel sees the file's
//! instruction indices.

use std::collections::BTreeMap;

/// `format!` into the current function (the arguments may use the generator).
macro_rules! e {
    ($g:expr, $($arg:tt)*) => {{
        let s = format!($($arg)*);
        $g.e(s);
    }};
}

/// splitmix64: small, fast, good enough, no dependency.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut r = Rng(seed);
        r.next();
        r
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    /// True with probability `p` percent.
    pub fn pct(&mut self, p: u64) -> bool {
        self.below(100) < p
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// An index into `ws`, with probability proportional to its weight.
    pub fn weighted(&mut self, ws: &[u32]) -> usize {
        let total: u64 = ws.iter().map(|&w| w as u64).sum();
        let mut x = self.below(total);
        for (i, &w) in ws.iter().enumerate() {
            if x < w as u64 {
                return i;
            }
            x -= w as u64;
        }
        ws.len() - 1
    }
}

/// The seed of program `index` of a run seeded `seed`.
pub fn program_seed(seed: u64, index: u64) -> u64 {
    let mut r = Rng::new(seed ^ index.wrapping_mul(0xd134_2543_de82_ef95));
    r.next()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgKind {
    SchedCls,
    Xdp,
    SocketFilter,
}

#[derive(Clone, Debug)]
pub struct GenOpts {
    /// Also generate xdp and socket_filter programs (else sched_cls only).
    pub mix_types: bool,
    /// Percent chance that a template makes its typical mistake.
    pub bug_pct: u64,
    /// Instruction soup instead of templates (`soup.rs`).
    pub soup: bool,
    /// With the soup, cpu v4 instructions too.
    pub v4: bool,
    /// Context and program-type probes instead of templates (`ctx.rs`).
    pub ctx: bool,
    /// With `ctx`: helper-memory probes (`ctx::helper_program`).
    pub helpers: bool,
    /// With `ctx`: lock and timer probes (`ctx::lock_program`).
    pub locks: bool,
    /// Programs typed by the kernel's BTF (`btf.rs`), judged through
    /// kernel-diff's VM.
    pub btf: bool,
    /// With `ctx`: context probes of the program types outside the
    /// oracle's `kernel-verdict` (`ctx::vm_program`), judged through
    /// kernel-diff's VM.
    pub vm_types: bool,
    /// With `btf`: iterator probes (`btf::iter_program`).
    pub iter: bool,
    /// With `ctx`: deep probes (`ctx::deep_program`), longer sequences of
    /// operations, each kept when veristep accepts the program so far.
    pub deep: bool,
    /// Dynamic pointers, their slots and references (`dynptr.rs`).
    pub dynptr: bool,
    /// With `dynptr`: 6.12's dynptr kernel functions, judged through
    /// kernel-diff's VM.
    pub dynptr_kfuncs: bool,
    /// Every callback-taking helper (`callbacks.rs`).
    pub callbacks: bool,
    /// Call trees of static subprograms: frames, stack sizes, pointers
    /// across frames (`frames.rs`).
    pub frames: bool,
    /// Map types against the helpers that take a map (`maps.rs`).
    pub maps: bool,
    /// With `maps`: the types that need kernel-diff's loader too (LPM
    /// tries, socket and task storage, maps of maps), judged through its VM.
    pub maps_vm: bool,
    /// Direct packet access and its range checks (`packet.rs`).
    pub packet: bool,
    /// Scalar bounds in the manner of `reg_bounds.c` (`bounds.rs`).
    pub bounds: bool,
    /// Bounded loops (`loops.rs`); with `v4`, `may_goto` loops too,
    /// judged through kernel-diff's VM.
    pub loops: bool,
    /// Chains of diamonds whose joins test pruning (`prune.rs`).
    pub prune: bool,
    /// Damaged instruction encodings (`encodings.rs`), judged through
    /// kernel-diff's VM.
    pub encodings: bool,
}

impl Default for GenOpts {
    fn default() -> Self {
        GenOpts {
            mix_types: false,
            bug_pct: 7,
            soup: false,
            v4: false,
            ctx: false,
            helpers: false,
            locks: false,
            btf: false,
            vm_types: false,
            iter: false,
            deep: false,
            dynptr: false,
            dynptr_kfuncs: false,
            callbacks: false,
            frames: false,
            maps: false,
            maps_vm: false,
            packet: false,
            bounds: false,
            loops: false,
            prune: false,
            encodings: false,
        }
    }
}

/// A signed range of a scalar, inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rg {
    lo: i64,
    hi: i64,
}

const FULL: Rg = Rg {
    lo: i64::MIN,
    hi: i64::MAX,
};
const U32: Rg = Rg {
    lo: 0,
    hi: u32::MAX as i64,
};

fn k(v: i64) -> V {
    V::S(Rg { lo: v, hi: v })
}

/// What the generator believes a register or a stack slot holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum V {
    Uninit,
    S(Rg),
    Ctx,
    /// A pointer to this frame's stack at fp + off.
    Fp(i32),
    /// A pointer to the region the caller passed (callback ctx or argument), at byte off.
    Parent(i32),
    MapPtr(usize),
    /// `bpf_for_each_map_elem`'s key pointer.
    Key(usize),
    MapVal {
        m: usize,
        off: i32,
        null: bool,
    },
    /// A ring buffer record.
    Mem {
        size: i32,
        null: bool,
    },
    Sock {
        null: bool,
        full: bool,
    },
    Dirty,
}

impl V {
    fn scalar(self) -> bool {
        matches!(self, V::S(_))
    }
    fn konst(self) -> Option<i64> {
        match self {
            V::S(r) if r.lo == r.hi => Some(r.lo),
            _ => None,
        }
    }
    fn init(self) -> bool {
        !matches!(self, V::Uninit | V::Dirty)
    }
}

fn merge(a: V, b: V) -> V {
    if a == b {
        return a;
    }
    match (a, b) {
        (V::S(x), V::S(y)) => V::S(Rg {
            lo: x.lo.min(y.lo),
            hi: x.hi.max(y.hi),
        }),
        (V::MapVal { m, off, .. }, V::MapVal { m: m2, off: o2, .. }) if m == m2 && off == o2 => {
            V::MapVal { m, off, null: true }
        }
        _ => V::Dirty,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Main,
    Sub,
    LoopCb,
    EachCb,
    TimerCb,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MapKind {
    Data,
    Ringbuf,
    ProgArray,
    Queue,
    Lock,
    Timer,
    Perf,
}

#[derive(Clone, Debug)]
struct Map {
    name: String,
    kind: MapKind,
    ty: &'static str,
    key: i32,
    value: i32,
    entries: u32,
    /// ` lock=0` / ` timer=0`
    extra: String,
}

/// The state of the function being written.
#[derive(Clone, Debug)]
struct Fs {
    kind: Kind,
    r: [V; 11],
    /// 8-byte slots by offset from fp (negative).
    stack: BTreeMap<i32, V>,
    /// The 8-byte slots of the region a `Parent` pointer points into.
    parent: Vec<V>,
    /// Registers that filler must not overwrite.
    pin: u16,
    /// Inside bpf_spin_lock: no calls.
    lock: bool,
    /// Template regions are allocated downwards from here (bytes below fp).
    next_region: i32,
}

impl Fs {
    fn new(kind: Kind) -> Self {
        let mut r = [V::Uninit; 11];
        r[10] = V::Fp(0);
        Fs {
            kind,
            r,
            stack: BTreeMap::new(),
            parent: Vec::new(),
            pin: 0,
            lock: false,
            next_region: 64,
        }
    }
}

struct Func {
    lines: Vec<String>,
}

/// A static subprogram already written and the arguments it expects.
#[derive(Clone)]
struct SubSig {
    name: String,
    /// None: a scalar; Some(n): a pointer to n initialised 8-byte slots of scalars.
    args: Vec<Option<usize>>,
}

const SCRATCH: i32 = 64;

/// A block writer: false when it could not write anything here.
type Template = fn(&mut Gen) -> bool;

/// A subprogram argument: its value, and the stack region it points to.
type Arg = (V, Option<(i32, Vec<V>)>);

pub struct Gen {
    rng: Rng,
    opts: GenOpts,
    pub kind: ProgKind,
    maps: Vec<Map>,
    funcs: Vec<Func>,
    cur: usize,
    f: Fs,
    count: usize,
    target: usize,
    labels: usize,
    /// Frames below the one being written.
    nest: usize,
    /// Branch regions nested inside each other.
    depth: usize,
    subs: Vec<SubSig>,
    nfuncs: usize,
}

/// Program text for program `index` of a run seeded `seed`.
pub fn program(seed: u64, index: u64, opts: &GenOpts) -> String {
    if opts.encodings {
        return super::encodings::program(seed, index);
    }
    if opts.prune {
        let text = super::prune::program(program_seed(seed, index), opts.v4);
        let what = if opts.v4 { "prune, iterators" } else { "prune" };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.loops {
        let text = super::loops::program(program_seed(seed, index), opts.v4);
        let what = if opts.v4 { "loops, may_goto" } else { "loops" };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.bounds {
        let text = super::bounds::program(program_seed(seed, index), opts.v4);
        let what = if opts.v4 { "bounds, v4" } else { "bounds" };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.packet {
        let text = super::packet::program(program_seed(seed, index));
        return format!("; veristep random program (packet): seed {seed} index {index}\n{text}");
    }
    if opts.maps {
        let text = super::maps::program(program_seed(seed, index), opts.maps_vm);
        let what = if opts.maps_vm { "maps, vm" } else { "maps" };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.frames {
        let text = super::frames::program(program_seed(seed, index));
        return format!("; veristep random program (frames): seed {seed} index {index}\n{text}");
    }
    if opts.callbacks {
        let text = super::callbacks::program(program_seed(seed, index));
        return format!("; veristep random program (callbacks): seed {seed} index {index}\n{text}");
    }
    if opts.dynptr {
        let kfuncs = opts.dynptr_kfuncs;
        let text = super::dynptr::program(program_seed(seed, index), kfuncs);
        let what = if kfuncs { "dynptr, kfuncs" } else { "dynptr" };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.btf {
        let s = program_seed(seed, index);
        let (what, text) = if opts.deep {
            let what = if opts.iter {
                "btf, iter, deep"
            } else {
                "btf, deep"
            };
            (what, super::btf::deep_program(s, opts.iter))
        } else if opts.iter {
            ("btf, iter", super::btf::iter_program(s))
        } else {
            ("btf", super::btf::program(s))
        };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.ctx {
        let s = program_seed(seed, index);
        let (what, text) = if opts.deep && opts.vm_types {
            ("types, deep", super::ctx::deep_program(s, true))
        } else if opts.deep {
            ("deep", super::ctx::deep_program(s, false))
        } else if opts.vm_types && opts.locks {
            ("types, locks", super::ctx::vm_lock_program(s))
        } else if opts.vm_types && opts.helpers {
            ("types, helpers", super::ctx::vm_helper_program(s))
        } else if opts.vm_types {
            ("types", super::ctx::vm_program(s))
        } else if opts.locks {
            ("locks", super::ctx::lock_program(s))
        } else if opts.helpers {
            ("helpers", super::ctx::helper_program(s))
        } else {
            ("ctx", super::ctx::program(s))
        };
        return format!("; veristep random program ({what}): seed {seed} index {index}\n{text}");
    }
    if opts.soup {
        return format!(
            "; veristep random program (soup): seed {} index {}\n{}",
            seed,
            index,
            super::soup::program(program_seed(seed, index), opts.v4)
        );
    }
    let mut g = Gen::new(program_seed(seed, index), opts.clone());
    let body = g.generate();
    format!(
        "; veristep random program: seed {} index {}\n{}",
        seed, index, body
    )
}

impl Gen {
    fn new(seed: u64, opts: GenOpts) -> Self {
        let mut rng = Rng::new(seed);
        let kind = if opts.mix_types {
            match rng.weighted(&[70, 18, 12]) {
                0 => ProgKind::SchedCls,
                1 => ProgKind::Xdp,
                _ => ProgKind::SocketFilter,
            }
        } else {
            ProgKind::SchedCls
        };
        let target = rng.range(10, 80) as usize;
        Gen {
            rng,
            opts,
            kind,
            maps: Vec::new(),
            funcs: vec![Func { lines: Vec::new() }],
            cur: 0,
            f: Fs::new(Kind::Main),
            count: 0,
            target,
            labels: 0,
            nest: 0,
            depth: 0,
            subs: Vec::new(),
            nfuncs: 0,
        }
    }

    // ---- output ----

    fn e(&mut self, s: impl Into<String>) {
        let s = s.into();
        self.count += if s.ends_with(" ll") { 2 } else { 1 };
        self.funcs[self.cur].lines.push(format!("    {}", s));
    }

    fn label(&mut self, l: &str) {
        self.funcs[self.cur].lines.push(format!("{}:", l));
    }

    fn new_label(&mut self) -> String {
        self.labels += 1;
        format!("l{}", self.labels)
    }

    fn remaining(&self) -> usize {
        self.target.saturating_sub(self.count)
    }

    fn bug(&mut self) -> bool {
        let p = self.opts.bug_pct;
        self.rng.pct(p)
    }

    fn generate(&mut self) -> String {
        self.f.r[1] = V::Ctx;
        let needs_r6 = self.kind == ProgKind::SocketFilter;
        if needs_r6 || self.rng.pct(88) {
            self.e("r6 = r1");
            self.f.r[6] = V::Ctx;
            self.pin(6);
        }
        let mut guard = 0;
        while self.count + 2 < self.target && guard < 200 {
            self.block();
            guard += 1;
        }
        self.ret();
        let mut out = String::new();
        match self.kind {
            ProgKind::SchedCls => out.push_str(".prog_type sched_cls\n"),
            ProgKind::Xdp => out.push_str(".prog_type xdp\n"),
            ProgKind::SocketFilter => out.push_str(".prog_type socket_filter\n"),
        }
        for m in &self.maps {
            if m.kind == MapKind::Ringbuf {
                out.push_str(&format!(".map {} ringbuf entries={}\n", m.name, m.entries));
            } else {
                out.push_str(&format!(
                    ".map {} {} key={} value={} entries={}{}\n",
                    m.name, m.ty, m.key, m.value, m.entries, m.extra
                ));
            }
        }
        for (i, f) in self.funcs.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            for l in &f.lines {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }

    // ---- registers ----

    fn pin(&mut self, r: u8) {
        self.f.pin |= 1 << r;
    }
    fn unpin(&mut self, r: u8) {
        self.f.pin &= !(1 << r);
    }
    fn pinned(&self, r: u8) -> bool {
        self.f.pin & (1 << r) != 0
    }
    /// Helper calls clobber r0-r5: allowed when none of them is pinned.
    fn calls_ok(&self) -> bool {
        !self.f.lock && self.f.pin & 0x3f == 0
    }
    fn free_regs(&self, lo: u8, hi: u8) -> Vec<u8> {
        (lo..=hi).filter(|&r| !self.pinned(r)).collect()
    }
    /// A register to write into.
    fn dst(&mut self) -> Option<u8> {
        let free = self.free_regs(0, 9);
        if free.is_empty() {
            return None;
        }
        // prefer registers that hold nothing useful
        let dead: Vec<u8> = free
            .iter()
            .copied()
            .filter(|&r| !self.f.r[r as usize].init() || self.f.r[r as usize].scalar())
            .collect();
        if !dead.is_empty() && self.rng.pct(80) {
            Some(self.rng.pick(&dead))
        } else {
            Some(self.rng.pick(&free))
        }
    }
    /// A callee-saved register for a value that lives across calls.
    fn long_reg(&mut self) -> Option<u8> {
        let free = self.free_regs(6, 9);
        if free.is_empty() {
            None
        } else {
            Some(self.rng.pick(&free))
        }
    }
    fn regs_where(&self, f: impl Fn(V) -> bool) -> Vec<u8> {
        (0..10u8).filter(|&r| f(self.f.r[r as usize])).collect()
    }
    fn ctx_reg(&self) -> Option<u8> {
        self.regs_where(|v| v == V::Ctx).into_iter().next()
    }
    fn after_call(&mut self, ret: V) {
        for r in 1..=5 {
            self.f.r[r] = V::Uninit;
        }
        self.f.r[0] = ret;
    }
    fn set(&mut self, r: u8, v: V) {
        self.f.r[r as usize] = v;
    }

    /// A register holding a scalar, made if needed (a constant, a random
    /// number, a context field).
    fn scalar_reg(&mut self) -> Option<u8> {
        let have: Vec<u8> = self
            .regs_where(|v| v.scalar())
            .into_iter()
            .filter(|&r| !self.pinned(r))
            .collect();
        if !have.is_empty() && self.rng.pct(70) {
            return Some(self.rng.pick(&have));
        }
        self.fresh_scalar()
    }

    fn fresh_scalar(&mut self) -> Option<u8> {
        match self.rng.weighted(&[3, 4, 2, 2]) {
            0 => {
                let d = self.dst()?;
                let v = self.imm_any();
                e!(self, "r{} = {}", d, v);
                self.set(d, k(v));
                Some(d)
            }
            1 if self.calls_ok() => {
                let h = self.rng.pick(&[
                    ("bpf_get_prandom_u32", U32),
                    ("bpf_get_prandom_u32", U32),
                    ("bpf_ktime_get_ns", FULL),
                    ("bpf_get_smp_processor_id", U32),
                    ("bpf_ktime_get_boot_ns", FULL),
                    ("bpf_get_numa_node_id", U32),
                ]);
                e!(self, "call {}", h.0);
                self.after_call(V::S(h.1));
                Some(0)
            }
            2 if self.ctx_reg().is_some() => self.ctx_load(),
            _ => {
                // a value loaded from a stack slot holding a scalar
                let slots: Vec<i32> = self
                    .f
                    .stack
                    .iter()
                    .filter(|(_, v)| v.scalar())
                    .map(|(o, _)| *o)
                    .collect();
                let d = self.dst()?;
                if slots.is_empty() {
                    let v = self.imm_any();
                    e!(self, "r{} = {}", d, v);
                    self.set(d, k(v));
                } else {
                    let o = self.rng.pick(&slots);
                    let v = self.f.stack[&o];
                    e!(self, "r{} = *(u64 *)(r10 {})", d, off(o));
                    self.set(d, v);
                }
                Some(d)
            }
        }
    }

    fn imm_any(&mut self) -> i64 {
        match self.rng.weighted(&[10, 3, 2, 2, 2, 1]) {
            0 => self.rng.range(0, 16),
            1 => self.rng.range(-16, -1),
            2 => self.rng.pick(&[255, 256, 0xffff, 0x10000, 4096, 1 << 20]),
            3 => self.rng.pick(&[
                i32::MAX as i64,
                i32::MIN as i64,
                -1,
                0x7fff_fff0,
                0x4000_0000,
            ]),
            4 => self.rng.range(-100_000, 100_000),
            _ => self.rng.next() as i32 as i64,
        }
    }

    // ---- maps ----

    fn map_of(&mut self, kind: MapKind) -> usize {
        let existing: Vec<usize> = (0..self.maps.len())
            .filter(|&i| self.maps[i].kind == kind)
            .collect();
        if !existing.is_empty() && (self.maps.len() >= 4 || self.rng.pct(70)) {
            return self.rng.pick(&existing);
        }
        let i = self.maps.len();
        let (name, ty, key, value, entries, extra) = match kind {
            MapKind::Data => {
                let ty = ["array", "hash", "percpu_array", "lru_hash", "percpu_hash"]
                    [self.rng.weighted(&[40, 30, 10, 12, 8])];
                let key = if ty.ends_with("array") {
                    4
                } else {
                    self.rng.pick(&[4, 4, 8])
                };
                let value = self.rng.pick(&[8, 8, 16, 16, 24, 32, 48, 64, 4, 12]);
                let entries = self.rng.pick(&[1, 4, 16, 256]);
                (format!("m{}", i), ty, key, value, entries, String::new())
            }
            MapKind::Ringbuf => (
                format!("rb{}", i),
                "ringbuf",
                0,
                0,
                self.rng.pick(&[4096, 4096, 8192, 65536]),
                String::new(),
            ),
            MapKind::ProgArray => (format!("pa{}", i), "prog_array", 4, 4, 4, String::new()),
            MapKind::Perf => (
                format!("pe{}", i),
                "perf_event_array",
                4,
                4,
                4,
                String::new(),
            ),
            MapKind::Queue => (
                format!("q{}", i),
                self.rng.pick(&["queue", "stack"]),
                0,
                self.rng.pick(&[4, 8, 16]),
                16,
                String::new(),
            ),
            MapKind::Lock => {
                let (value, lock) = self.rng.pick(&[(16, 0), (16, 8), (8, 0), (24, 4)]);
                (
                    format!("lk{}", i),
                    self.rng.pick(&["hash", "array"]),
                    4,
                    value,
                    4,
                    format!(" lock={}", lock),
                )
            }
            MapKind::Timer => {
                let (value, t) = self.rng.pick(&[(16, 0), (24, 8), (32, 0)]);
                (
                    format!("tm{}", i),
                    self.rng.pick(&["array", "hash"]),
                    4,
                    value,
                    1,
                    format!(" timer={}", t),
                )
            }
        };
        self.maps.push(Map {
            name,
            kind,
            ty,
            key,
            value,
            entries,
            extra,
        });
        i
    }

    // ---- stack ----

    /// A fresh region of `bytes` (multiple of 8) below the scratch area;
    /// returns its lowest offset (negative).
    fn region(&mut self, bytes: i32) -> Option<i32> {
        let top = self.f.next_region + bytes;
        if top > 384 {
            return None;
        }
        self.f.next_region = top;
        Some(-top)
    }

    /// A scratch slot offset for `size` bytes (aligned, or misaligned as a bug).
    fn scratch_off(&mut self, size: i32) -> i32 {
        let slot = -8 * self.rng.range(1, (SCRATCH / 8) as i64) as i32;
        let within = if size < 8 {
            size * self.rng.range(0, (8 / size - 1) as i64) as i32
        } else {
            0
        };
        let mut o = slot + within;
        if self.rng.pct(2) && size > 1 {
            o += 1; // misaligned
        }
        o
    }

    fn store_slot(&mut self, o: i32, size: i32, v: V) {
        let slot = o.div_euclid(8) * 8;
        if size == 8 && o % 8 == 0 {
            self.f.stack.insert(slot, v);
        } else {
            let old = self.f.stack.get(&slot).copied().unwrap_or(V::Uninit);
            self.f.stack.insert(
                slot,
                if old.scalar() || old == V::Uninit {
                    V::S(FULL)
                } else {
                    V::Dirty
                },
            );
        }
    }

    // ---- regions of control flow ----

    /// `if COND goto L; body; L:` — `body` runs when COND is false.
    fn skip_if(&mut self, cond: String, body: impl FnOnce(&mut Self)) {
        let l = self.new_label();
        e!(self, "if {} goto {}", cond, l);
        let before = self.f.clone();
        self.depth += 1;
        body(self);
        self.depth -= 1;
        self.join(&before);
        self.label(&l);
    }

    /// `if COND goto E; a; goto J; E: b; J:`
    fn if_else(&mut self, cond: String, a: impl FnOnce(&mut Self), b: impl FnOnce(&mut Self)) {
        let le = self.new_label();
        let lj = self.new_label();
        e!(self, "if {} goto {}", cond, le);
        let before = self.f.clone();
        self.depth += 1;
        a(self);
        e!(self, "goto {}", lj);
        let after_a = std::mem::replace(&mut self.f, before);
        self.label(&le);
        b(self);
        self.depth -= 1;
        self.join(&after_a);
        self.label(&lj);
    }

    /// Merges the state of another path into the current one.
    fn join(&mut self, other: &Fs) {
        for r in 0..10 {
            self.f.r[r] = merge(self.f.r[r], other.r[r]);
        }
        let keys: Vec<i32> = self
            .f
            .stack
            .keys()
            .chain(other.stack.keys())
            .copied()
            .collect();
        for o in keys {
            let a = self.f.stack.get(&o).copied().unwrap_or(V::Uninit);
            let b = other.stack.get(&o).copied().unwrap_or(V::Uninit);
            let m = match (a, b) {
                (V::Uninit, x) | (x, V::Uninit) if x.scalar() => V::S(FULL),
                _ => merge(a, b),
            };
            self.f.stack.insert(o, m);
        }
        for (i, v) in other.parent.iter().enumerate() {
            if let Some(p) = self.f.parent.get_mut(i) {
                *p = merge(*p, *v);
            }
        }
        self.f.pin |= other.pin;
        self.f.lock |= other.lock;
        self.f.next_region = self.f.next_region.max(other.next_region);
    }

    // ---- blocks ----

    fn block(&mut self) {
        let main = self.f.kind == Kind::Main;
        let cb = matches!(self.f.kind, Kind::LoopCb | Kind::EachCb | Kind::TimerCb);
        let deep = self.nest >= 3;
        let pkt = main && self.kind != ProgKind::SocketFilter && self.ctx_reg().is_some();
        let skb = main && self.kind != ProgKind::Xdp && self.f.r[6] == V::Ctx;
        let has_parent = !self.regs_where(|v| matches!(v, V::Parent(_))).is_empty();
        #[rustfmt::skip]
        let menu: [(u32, Template); 27] = [
            (22, Self::t_filler),
            (9, Self::t_branch),
            (4, Self::t_diamond),
            (10, Self::t_map_lookup),
            (3, Self::t_map_update),
            (8, Self::t_ringbuf),
            (if main || cb { 5 } else { 2 }, Self::t_ringbuf_loop),
            (if self.kind != ProgKind::SocketFilter { 7 } else { 0 }, Self::t_socket),
            (if deep { 0 } else { 10 }, Self::t_bpf_loop),
            (if deep { 0 } else { 6 }, Self::t_for_each),
            (if deep { 0 } else { 8 }, Self::t_subprog),
            (6, Self::t_bounded_loop),
            (6, Self::t_varoff_stack),
            (if pkt { 7 } else { 0 }, Self::t_packet),
            (3, Self::t_atomic),
            (5, Self::t_helpers),
            (2, Self::t_spin_lock),
            (if main { 1 } else { 0 }, Self::t_timer),
            (if skb { 2 } else { 0 }, Self::t_ld_abs),
            (1, Self::t_queue),
            (if has_parent { 14 } else { 0 }, Self::t_parent),
            (if self.f.kind == Kind::EachCb { 10 } else { 0 }, Self::t_each_value),
            (3, Self::t_pointer_ops),
            (if main { 1 } else { 0 }, Self::t_tail_call),
            (9, Self::t_range),
            (7, Self::t_two_path),
            (6, Self::t_linked),
        ];
        let ws: Vec<u32> = menu.iter().map(|m| m.0).collect();
        let i = self.rng.weighted(&ws);
        let before = self.count;
        if !(menu[i].1)(self) || self.count == before {
            self.filler_op();
        }
    }

    fn t_filler(&mut self) -> bool {
        let n = self.rng.range(1, 3);
        for _ in 0..n {
            self.filler_op();
        }
        true
    }

    fn filler(&mut self, n: i64) {
        let n = self.rng.range(0, n);
        for _ in 0..n {
            self.filler_op();
        }
    }

    fn filler_op(&mut self) {
        let ok = match self.rng.weighted(&[30, 10, 10, 8, 6, 6, 3, 4, 2, 3, 3, 1]) {
            0 => self.f_alu(),
            1 => self.f_mov(),
            2 => self.f_store(),
            3 => self.f_load(),
            4 => self.f_call(),
            5 => self.f_branch(),
            6 => self.t_atomic(),
            7 => self.ctx_load().is_some(),
            8 => self.f_endian(),
            9 => self.f_varoff(),
            10 => self.f_spill_ptr(),
            _ => self.bug() && self.f_bad(),
        };
        if !ok {
            // the simplest thing that is always possible
            if let Some(d) = self.dst() {
                let v = self.imm_any();
                e!(self, "r{} = {}", d, v);
                self.set(d, k(v));
            } else {
                self.e("r0 = 0");
            }
        }
    }

    fn f_alu(&mut self) -> bool {
        let w = self.rng.pct(35);
        let Some(d) = self.scalar_reg() else {
            return false;
        };
        if self.pinned(d) {
            return false;
        }
        let p = if w { "w" } else { "r" };
        if self.rng.pct(5) {
            e!(self, "{p}{d} = -{p}{d}");
            let v = match self.f.r[d as usize].konst() {
                Some(c) if !w => k(c.wrapping_neg()),
                _ => V::S(if w { U32 } else { FULL }),
            };
            self.set(d, v);
            return true;
        }
        let ops = [
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "s>>=",
        ];
        let op = ops[self.rng.weighted(&[14, 10, 12, 6, 6, 10, 10, 8, 8, 8, 6])];
        let width = if w { 32 } else { 64 };
        let shift = op.contains("<<") || op.contains(">>");
        let divish = op == "/=" || op == "%=";
        let srcs: Vec<u8> = self.regs_where(|v| v.scalar());
        let (src, sv) = if !srcs.is_empty() && self.rng.pct(45) {
            let s = self.rng.pick(&srcs);
            (format!("{p}{s}"), self.f.r[s as usize])
        } else {
            let v = if shift {
                if self.rng.pct(2) {
                    width + self.rng.range(0, 4)
                } else {
                    self.rng.range(0, width - 1)
                }
            } else if divish {
                if self.rng.pct(2) {
                    0
                } else {
                    self.rng.pick(&[1, 2, 3, 7, 8, 10, 16, 255, -1, -8, 1000])
                }
            } else {
                self.imm_any()
            };
            (format!("{}", v), k(v))
        };
        e!(self, "{p}{d} {op} {src}");
        let a = self.f.r[d as usize].konst();
        let nv = match (a, sv.konst()) {
            (Some(a), Some(b)) => fold(op, a, b, w).map(k),
            _ => None,
        };
        self.set(d, nv.unwrap_or(V::S(if w { U32 } else { FULL })));
        true
    }

    fn f_mov(&mut self) -> bool {
        let Some(d) = self.dst() else {
            return false;
        };
        let w = self.rng.pct(25);
        let p = if w { "w" } else { "r" };
        let srcs: Vec<u8> = self.regs_where(|v| v.init());
        if !srcs.is_empty() && self.rng.pct(45) {
            let s = self.rng.pick(&srcs);
            let sv = self.f.r[s as usize];
            if !sv.scalar() && w && !self.rng.pct(5) {
                return false;
            }
            e!(self, "{p}{d} = {p}{s}");
            let v = if w {
                match sv.konst() {
                    Some(c) => k(c as u32 as i64),
                    None => V::S(U32),
                }
            } else {
                sv
            };
            self.set(d, v);
        } else {
            let v = self.imm_any();
            e!(self, "{p}{d} = {v}");
            self.set(d, k(if w { v as u32 as i64 } else { v }));
        }
        true
    }

    fn f_store(&mut self) -> bool {
        let size = self.rng.pick(&[8, 8, 4, 2, 1]);
        let o = self.scratch_off(size);
        let ty = sz(size);
        let srcs: Vec<u8> = self.regs_where(|v| v.scalar());
        if srcs.is_empty() || self.rng.pct(35) {
            let v = self.imm_any();
            e!(self, "*({ty} *)(r10 {}) = {v}", off(o));
            self.store_slot(o, size, if size == 8 { k(v) } else { V::S(FULL) });
        } else {
            let s = self.rng.pick(&srcs);
            e!(self, "*({ty} *)(r10 {}) = r{s}", off(o));
            let v = self.f.r[s as usize];
            self.store_slot(o, size, v);
        }
        true
    }

    fn f_load(&mut self) -> bool {
        let Some(d) = self.dst() else {
            return false;
        };
        let slots: Vec<(i32, V)> = self
            .f
            .stack
            .iter()
            .filter(|(o, _)| **o >= -SCRATCH)
            .map(|(o, v)| (*o, *v))
            .collect();
        let (o, v) = if slots.is_empty() || self.rng.pct(10) {
            (self.scratch_off(8) & !7, V::S(FULL))
        } else {
            self.rng.pick(&slots)
        };
        let size = if v.scalar() || self.rng.pct(3) {
            self.rng.pick(&[8, 8, 4, 2, 1])
        } else {
            8
        };
        let o2 = if size < 8 {
            o + size * self.rng.range(0, (8 / size - 1) as i64) as i32
        } else {
            o
        };
        e!(self, "r{d} = *({} *)(r10 {})", sz(size), off(o2));
        let nv = if size == 8 {
            if v.init() {
                v
            } else {
                V::S(FULL)
            }
        } else {
            V::S(Rg {
                lo: 0,
                hi: (1i64 << (size * 8)) - 1,
            })
        };
        self.set(d, nv);
        true
    }

    fn f_call(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        self.fresh_scalar_call()
    }

    fn fresh_scalar_call(&mut self) -> bool {
        let ctx = self.ctx_reg();
        let choice = self.rng.weighted(&[6, 3, 2, 2, 2, 2, 1]);
        match (choice, ctx, self.kind) {
            (0, _, _) => self.e("call bpf_get_prandom_u32"),
            (1, _, _) => self.e("call bpf_ktime_get_ns"),
            (2, _, _) => self.e("call bpf_get_smp_processor_id"),
            (3, Some(c), ProgKind::SchedCls) => {
                e!(self, "r1 = r{c}");
                {
                    let s = self.rng.pick(&[
                        "call bpf_get_hash_recalc",
                        "call bpf_get_cgroup_classid",
                        "call bpf_get_socket_cookie",
                    ]);
                    self.e(s)
                };
            }
            (4, Some(c), ProgKind::Xdp) => {
                e!(self, "r1 = r{c}");
                self.e("call bpf_xdp_get_buff_len");
            }
            (5, _, k) if k != ProgKind::SocketFilter => {
                let a = self.imm_any();
                e!(self, "r1 = {a}");
                self.e("r2 = 0");
                self.e("call bpf_redirect");
            }
            _ => self.e("call bpf_ktime_get_boot_ns"),
        }
        self.after_call(V::S(FULL));
        true
    }

    fn f_branch(&mut self) -> bool {
        if self.depth >= 3 {
            return false;
        }
        let Some(cond) = self.cond() else {
            return false;
        };
        self.skip_if(cond, |g| g.filler(3));
        true
    }

    /// A condition on a scalar (or, rarely, a pointer against 0).
    fn cond(&mut self) -> Option<String> {
        let w = self.rng.pct(30);
        let p = if w { "w" } else { "r" };
        let ops = [
            "==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&",
        ];
        let op = self.rng.pick(&ops);
        let scal = self.regs_where(|v| v.scalar());
        let a = if scal.is_empty() || self.rng.pct(3) {
            let init = self.regs_where(|v| v.init() && v != V::Fp(0));
            if init.is_empty() {
                return None;
            }
            let r = self.rng.pick(&init);
            if !self.f.r[r as usize].scalar() {
                return Some(format!("r{r} {} 0", self.rng.pick(&["==", "!="])));
            }
            r
        } else {
            self.rng.pick(&scal)
        };
        if scal.len() > 1 && self.rng.pct(35) {
            let b = self.rng.pick(&scal);
            Some(format!("{p}{a} {op} {p}{b}"))
        } else {
            let v = match self.f.r[a as usize] {
                V::S(r) if r.lo != r.hi && r.hi < 1 << 20 && r.lo > -(1 << 20) => {
                    self.rng.range(r.lo, r.hi)
                }
                _ => self.imm_any(),
            };
            let v = if w { v as i32 as i64 } else { v };
            Some(format!("{p}{a} {op} {v}"))
        }
    }

    fn f_endian(&mut self) -> bool {
        let Some(d) = self.scalar_reg() else {
            return false;
        };
        let bits = self.rng.pick(&[16, 32, 64]);
        let dir = self.rng.pick(&["be", "le"]);
        e!(self, "r{d} = {dir}{bits} r{d}");
        self.set(
            d,
            V::S(if bits == 64 {
                FULL
            } else {
                Rg {
                    lo: 0,
                    hi: (1i64 << bits) - 1,
                }
            }),
        );
        true
    }

    /// A variable-offset access to the scratch area.
    fn f_varoff(&mut self) -> bool {
        let Some(s) = self.scalar_reg() else {
            return false;
        };
        let free: Vec<u8> = self
            .free_regs(0, 9)
            .into_iter()
            .filter(|&r| r != s)
            .collect();
        if free.len() < 2 {
            return false;
        }
        let t = self.rng.pick(&free);
        let size = self.rng.pick(&[8, 8, 4, 1]);
        // masks keep the variable part aligned to the access size
        let mask = match size {
            8 => self.rng.pick(&[8, 0x18, 0x38]),
            4 => self.rng.pick(&[4, 0xc, 0x1c, 0x3c]),
            _ => self.rng.pick(&[7, 15, 31, 63]),
        };
        let mask = if self.bug() {
            self.rng.pick(&[mask | 1, mask * 2 + 8, 0x7f])
        } else {
            mask
        };
        let base = -SCRATCH;
        e!(self, "r{t} = r{s}");
        e!(self, "r{t} &= {mask}");
        e!(self, "r{t} += r10");
        if base != 0 {
            e!(self, "r{t} += {base}");
        }
        self.set(t, V::Dirty);
        self.pin(t);
        let acc = self.rng.weighted(&[3, 3, 3]);
        let ty = sz(size);
        match acc {
            0 => {
                let srcs = self.regs_where(|v| v.scalar());
                if srcs.is_empty() {
                    e!(self, "*({ty} *)(r{t} + 0) = {}", self.rng.range(0, 9));
                } else {
                    let v = self.rng.pick(&srcs);
                    e!(self, "*({ty} *)(r{t} + 0) = r{v}");
                }
            }
            1 => {
                let v = self.imm_any();
                e!(self, "*({ty} *)(r{t} + 0) = {v}");
            }
            _ => {
                let d = self.rng.pick(&free);
                e!(self, "r{d} = *({ty} *)(r{t} + 0)");
                self.unpin(t);
                self.set(d, V::S(FULL));
                self.set(t, V::Dirty);
                self.pin(t);
            }
        }
        self.unpin(t);
        if acc != 2 {
            // the written range is now misc
            for o in (base..0).step_by(8) {
                if let Some(v) = self.f.stack.get_mut(&o) {
                    *v = if v.scalar() { V::S(FULL) } else { V::Dirty };
                }
            }
        }
        true
    }

    fn f_spill_ptr(&mut self) -> bool {
        let ptrs = self.regs_where(|v| {
            matches!(
                v,
                V::Ctx | V::Fp(_) | V::MapVal { .. } | V::Parent(_) | V::MapPtr(_)
            )
        });
        if ptrs.is_empty() {
            return false;
        }
        let r = self.rng.pick(&ptrs);
        let o = self.scratch_off(8) & !7;
        e!(self, "*(u64 *)(r10 {}) = r{r}", off(o));
        let v = self.f.r[r as usize];
        self.store_slot(o, 8, v);
        if let Some(d) = self.dst() {
            if self.rng.pct(60) {
                e!(self, "r{d} = *(u64 *)(r10 {})", off(o));
                self.set(d, v);
            }
        }
        true
    }

    /// Something the verifier should refuse.
    fn f_bad(&mut self) -> bool {
        match self.rng.below(6) {
            0 => {
                let un = self.regs_where(|v| v == V::Uninit);
                let Some(d) = self.dst() else {
                    return false;
                };
                if un.is_empty() {
                    return false;
                }
                let s = self.rng.pick(&un);
                e!(self, "r{d} = r{s}");
                self.set(d, V::S(FULL));
            }
            1 => {
                let Some(d) = self.dst() else {
                    return false;
                };
                e!(self, "r{d} = r10");
                e!(self, "r{d} *= 2");
                self.set(d, V::Dirty);
            }
            2 => {
                let Some(d) = self.dst() else {
                    return false;
                };
                let o = -8 * self.rng.range(65, 70) as i32;
                e!(self, "r{d} = *(u64 *)(r10 {})", off(o));
                self.set(d, V::S(FULL));
            }
            3 => {
                let Some(d) = self.dst() else {
                    return false;
                };
                e!(self, "*(u32 *)(r10 + {}) = 0", self.rng.pick(&[0, 8]));
                e!(self, "r{d} = 0");
                self.set(d, k(0));
            }
            4 => {
                let Some(c) = self.ctx_reg() else {
                    return false;
                };
                let Some(d) = self.dst() else {
                    return false;
                };
                e!(self, "r{d} = r{c}");
                e!(self, "r{d} += 8");
                e!(self, "r{d} = *(u32 *)(r{d} + 0)");
                self.set(d, V::S(U32));
            }
            _ => {
                let Some(d) = self.dst() else {
                    return false;
                };
                e!(self, "r{d} = *(u64 *)(r10 - 8)");
                e!(self, "r{d} = *(u8 *)(r{d} + 0)");
                self.set(d, V::S(Rg { lo: 0, hi: 255 }));
            }
        }
        true
    }

    /// A context field into a register.
    fn ctx_load(&mut self) -> Option<u8> {
        let c = self.ctx_reg()?;
        let d = self.dst()?;
        let (o, size) = match self.kind {
            ProgKind::SchedCls => self.rng.pick(&[
                (0, 4),
                (4, 4),
                (8, 4),
                (12, 4),
                (16, 4),
                (32, 4),
                (36, 4),
                (40, 4),
                (44, 4),
                (48, 4),
                (52, 4),
                (68, 4),
                (72, 4),
                (0, 2),
                (8, 1),
            ]),
            ProgKind::Xdp => self.rng.pick(&[(12, 4), (16, 4), (20, 4)]),
            ProgKind::SocketFilter => self.rng.pick(&[
                (0, 4),
                (4, 4),
                (8, 4),
                (16, 4),
                (20, 4),
                (48, 4),
                (56, 4),
                (40, 4),
            ]),
        };
        let o = if self.bug() {
            self.rng.pick(&[o + 1, 300, 76, 140, -4])
        } else {
            o
        };
        e!(self, "r{d} = *({} *)(r{c} {})", sz(size), off(o));
        self.set(d, V::S(U32));
        Some(d)
    }

    fn ctx_store(&mut self) -> bool {
        let Some(c) = self.ctx_reg() else {
            return false;
        };
        let o = match self.kind {
            ProgKind::SchedCls => self.rng.pick(&[8, 32, 44, 48, 52, 56, 60, 64, 72]),
            ProgKind::SocketFilter => self.rng.pick(&[48, 52, 56, 60, 64]),
            ProgKind::Xdp => self.rng.pick(&[12, 16]),
        };
        let o = if self.bug() {
            self.rng.pick(&[0, 4, 76, o + 2])
        } else {
            o
        };
        let srcs = self.regs_where(|v| v.scalar());
        if srcs.is_empty() {
            return false;
        }
        let s = self.rng.pick(&srcs);
        e!(self, "*(u32 *)(r{c} {}) = r{s}", off(o));
        true
    }

    // ---- templates ----

    fn t_branch(&mut self) -> bool {
        if self.depth >= 3 {
            return false;
        }
        let Some(cond) = self.cond() else {
            return false;
        };
        self.skip_if(cond, |g| {
            let n = g.rng.range(1, 2);
            for _ in 0..n {
                g.block();
            }
        });
        true
    }

    fn t_diamond(&mut self) -> bool {
        if self.depth >= 3 {
            return false;
        }
        let Some(cond) = self.cond() else {
            return false;
        };
        self.if_else(cond, |g| g.filler(3), |g| g.filler(3));
        true
    }

    /// Writes a key of `m` into a fresh stack slot; returns its offset.
    fn key_on_stack(&mut self, m: usize) -> Option<i32> {
        let ks = self.maps[m].key.max(1);
        let bytes = (ks + 7) / 8 * 8;
        let o = self.region(bytes)?;
        let ty = sz(ks.min(8));
        if self.bug() && self.rng.pct(40) {
            return Some(o); // key left uninitialised
        }
        let entries = self.maps[m].entries as i64;
        match self.rng.weighted(&[5, 3, 2]) {
            0 => {
                let v = if self.rng.pct(90) {
                    self.rng.range(0, entries - 1)
                } else {
                    entries
                };
                e!(self, "*({ty} *)(r10 {}) = {v}", off(o));
            }
            1 => {
                let s = self.scalar_reg()?;
                e!(self, "*({ty} *)(r10 {}) = r{s}", off(o));
            }
            _ => {
                let d = self.dst()?;
                let v = self.rng.range(0, entries - 1);
                e!(self, "r{d} = {v}");
                e!(self, "*({ty} *)(r10 {}) = r{d}", off(o));
                self.set(d, k(v));
            }
        }
        self.store_slot(o, 8, V::S(FULL));
        Some(o)
    }

    fn t_map_lookup(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let m = self.map_of(MapKind::Data);
        let Some(ko) = self.key_on_stack(m) else {
            return false;
        };
        let name = self.maps[m].name.clone();
        e!(self, "r1 = {name} ll");
        self.e("r2 = r10");
        e!(self, "r2 += {ko}");
        let percpu = self.maps[m].ty.starts_with("percpu") && self.rng.pct(25);
        if percpu {
            e!(self, "r3 = {}", self.rng.pick(&[0, 1, 0]));
            self.e("call bpf_map_lookup_percpu_elem");
        } else {
            self.e("call bpf_map_lookup_elem");
        }
        self.after_call(V::MapVal {
            m,
            off: 0,
            null: true,
        });
        if self.bug() {
            // no NULL check
            self.value_use(0, m);
            return true;
        }
        let inverted = self.rng.pct(20);
        let cond = if inverted {
            // if r0 != 0 goto use; ...skip...; use:
            let l_use = self.new_label();
            let l_end = self.new_label();
            e!(self, "if r0 != 0 goto {l_use}");
            e!(self, "goto {l_end}");
            self.label(&l_use);
            let before = self.f.clone();
            self.set(
                0,
                V::MapVal {
                    m,
                    off: 0,
                    null: false,
                },
            );
            self.value_body(m);
            self.join(&before);
            self.label(&l_end);
            return true;
        } else {
            "r0 == 0".to_string()
        };
        self.skip_if(cond, |g| {
            g.set(
                0,
                V::MapVal {
                    m,
                    off: 0,
                    null: false,
                },
            );
            g.value_body(m);
        });
        true
    }

    /// Work on the map value in r0 (non-NULL).
    fn value_body(&mut self, m: usize) {
        let mut r = 0u8;
        if self.rng.pct(45) {
            if let Some(l) = self.long_reg() {
                e!(self, "r{l} = r0");
                self.set(l, self.f.r[0]);
                r = l;
            }
        }
        self.pin(r);
        let n = self.rng.range(1, 3);
        for _ in 0..n {
            if self.rng.pct(30) {
                self.filler_op();
            }
            self.value_use(r, m);
        }
        self.unpin(r);
    }

    /// One access to the map value in `r`.
    fn value_use(&mut self, r: u8, m: usize) {
        let vs = self.maps[m].value;
        let was_pinned = self.pinned(r);
        self.pin(r);
        match self.rng.weighted(&[5, 4, 3, 2, 1]) {
            0 | 1 => {
                // fixed offset load or store
                let size = *[8, 4, 2, 1]
                    .iter()
                    .filter(|&&s| s <= vs)
                    .nth(self.rng.below(3) as usize)
                    .unwrap_or(&1);
                let slots = (vs / size).max(1);
                let mut o = size * self.rng.range(0, slots as i64 - 1) as i32;
                if self.bug() {
                    o = self.rng.pick(&[vs, vs - size + 1, -size, vs + 8]);
                }
                let ty = sz(size);
                if self.rng.pct(55) {
                    if let Some(d) = self.dst() {
                        e!(self, "r{d} = *({ty} *)(r{r} {})", off(o));
                        self.set(
                            d,
                            V::S(if size == 8 {
                                FULL
                            } else {
                                Rg {
                                    lo: 0,
                                    hi: (1i64 << (size * 8)) - 1,
                                }
                            }),
                        );
                    }
                } else {
                    let srcs = self.regs_where(|v| v.scalar());
                    if srcs.is_empty() || self.rng.pct(30) {
                        let v = self.imm_any();
                        e!(self, "*({ty} *)(r{r} {}) = {v}", off(o));
                    } else {
                        let s = self.rng.pick(&srcs);
                        e!(self, "*({ty} *)(r{r} {}) = r{s}", off(o));
                    }
                }
            }
            2 => {
                // variable offset: value + bounded scalar
                let Some(s) = self.scalar_reg() else {
                    self.restore_pin(r, was_pinned);
                    return;
                };
                let Some(t) = self.free_regs(0, 9).into_iter().find(|&x| x != s) else {
                    self.restore_pin(r, was_pinned);
                    return;
                };
                let size = if vs >= 8 {
                    self.rng.pick(&[8, 4, 1])
                } else {
                    1
                };
                let room = vs - size;
                e!(self, "r{t} = r{r}");
                self.set(t, self.f.r[r as usize]);
                self.pin(t);
                let bug = self.bug();
                let method = self.rng.weighted(&[3, 3, 2]);
                let bound = if bug { room + 1 } else { room };
                let emit_access = |g: &mut Self| {
                    e!(g, "r{t} += r{s}");
                    let ty = sz(size);
                    if g.rng.pct(50) {
                        if let Some(d) = g.free_regs(0, 9).into_iter().find(|&x| x != t) {
                            e!(g, "r{d} = *({ty} *)(r{t} + 0)");
                            g.set(d, V::S(FULL));
                        }
                    } else {
                        e!(g, "*({ty} *)(r{t} + 0) = {}", g.rng.range(0, 9));
                    }
                };
                match method {
                    0 if bound >= 0 => {
                        // mask to a power of two minus one that fits
                        let mut mask = 1;
                        while mask * 2 - 1 <= bound {
                            mask *= 2;
                        }
                        let mask = if bug { mask * 2 - 1 } else { mask - 1 };
                        e!(self, "r{s} &= {mask}");
                        self.set(
                            s,
                            V::S(Rg {
                                lo: 0,
                                hi: mask as i64,
                            }),
                        );
                        emit_access(self);
                    }
                    1 => {
                        let w = self.rng.pct(25);
                        let p = if w { "w" } else { "r" };
                        self.skip_if(format!("{p}{s} > {bound}"), |g| {
                            g.set(
                                s,
                                V::S(Rg {
                                    lo: 0,
                                    hi: bound as i64,
                                }),
                            );
                            emit_access(g);
                        });
                    }
                    _ => {
                        // signed bounds: both sides (only the upper one as a bug)
                        if !bug {
                            let l = self.new_label();
                            e!(self, "if r{s} s< 0 goto {l}");
                            let before = self.f.clone();
                            self.skip_if(format!("r{s} s> {room}"), |g| {
                                g.set(
                                    s,
                                    V::S(Rg {
                                        lo: 0,
                                        hi: room as i64,
                                    }),
                                );
                                emit_access(g);
                            });
                            self.join(&before);
                            self.label(&l);
                        } else {
                            self.skip_if(format!("r{s} s> {room}"), |g| {
                                emit_access(g);
                            });
                        }
                    }
                }
                self.unpin(t);
                self.set(t, V::Dirty);
            }
            3 => {
                // the value as a helper's memory argument (as a key of another lookup)
                if r >= 6 && self.calls_ok_except(r) && self.maps[m].key <= vs {
                    let name = self.maps[m].name.clone();
                    e!(self, "r2 = r{r}");
                    e!(self, "r1 = {name} ll");
                    self.e("call bpf_map_lookup_elem");
                    self.after_call(V::MapVal {
                        m,
                        off: 0,
                        null: true,
                    });
                    if r <= 5 {
                        self.set(r, V::Uninit);
                    }
                }
            }
            _ => {
                // atomic on the value
                if vs >= 8 {
                    let srcs = self.regs_where(|v| v.scalar());
                    if let Some(&s) = srcs.first() {
                        let o = if self.bug() { 4 } else { 0 };
                        let op = self.rng.pick(&["+=", "|=", "&=", "^="]);
                        e!(self, "lock *(u64 *)(r{r} + {o}) {op} r{s}");
                    }
                }
            }
        }
        self.restore_pin(r, was_pinned);
    }

    fn restore_pin(&mut self, r: u8, was: bool) {
        if !was {
            self.unpin(r);
        }
    }

    /// No pinned register in r0-r5 except `r` (which the call may clobber).
    fn calls_ok_except(&self, r: u8) -> bool {
        !self.f.lock && self.f.pin & 0x3f & !(1u16 << r) == 0
    }

    fn t_map_update(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let m = self.map_of(MapKind::Data);
        let Some(ko) = self.key_on_stack(m) else {
            return false;
        };
        let name = self.maps[m].name.clone();
        if self.rng.pct(30) && !self.maps[m].ty.ends_with("array") {
            e!(self, "r1 = {name} ll");
            self.e("r2 = r10");
            e!(self, "r2 += {ko}");
            self.e("call bpf_map_delete_elem");
            self.after_call(V::S(FULL));
            return true;
        }
        let vs = self.maps[m].value;
        let bytes = (vs + 7) / 8 * 8;
        let Some(vo) = self.region(bytes) else {
            return false;
        };
        let init = if self.bug() { bytes - 8 } else { bytes };
        for j in (0..init).step_by(8) {
            e!(
                self,
                "*(u64 *)(r10 {}) = {}",
                off(vo + j),
                self.rng.range(0, 99)
            );
            self.store_slot(vo + j, 8, V::S(FULL));
        }
        e!(self, "r1 = {name} ll");
        self.e("r2 = r10");
        e!(self, "r2 += {ko}");
        self.e("r3 = r10");
        e!(self, "r3 += {vo}");
        e!(self, "r4 = {}", self.rng.pick(&[0, 0, 1, 2]));
        self.e("call bpf_map_update_elem");
        self.after_call(V::S(FULL));
        true
    }

    fn rb(&mut self) -> String {
        let m = self.map_of(MapKind::Ringbuf);
        self.maps[m].name.clone()
    }

    /// Reserve, check, write, submit or discard.
    fn t_ringbuf(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let rb = self.rb();
        if self.rng.pct(20) {
            // bpf_ringbuf_output from the stack, or a query
            if self.rng.pct(60) {
                let n = self.rng.range(1, 4) as i32;
                let Some(o) = self.region(8 * n) else {
                    return false;
                };
                for j in 0..n {
                    if j < n - 1 || !self.bug() {
                        e!(self, "*(u64 *)(r10 {}) = {}", off(o + 8 * j), j);
                    }
                }
                e!(self, "r1 = {rb} ll");
                self.e("r2 = r10");
                e!(self, "r2 += {o}");
                e!(self, "r3 = {}", 8 * n);
                self.e("r4 = 0");
                self.e("call bpf_ringbuf_output");
            } else {
                e!(self, "r1 = {rb} ll");
                e!(self, "r2 = {}", self.rng.range(0, 3));
                self.e("call bpf_ringbuf_query");
            }
            self.after_call(V::S(FULL));
            return true;
        }
        let size = self.rng.pick(&[8, 8, 16, 24, 32, 64]);
        e!(self, "r1 = {rb} ll");
        if self.bug() && self.rng.pct(30) {
            if let Some(s) = self
                .regs_where(|v| v.scalar() && v.konst().is_none())
                .first()
            {
                e!(self, "r2 = r{s}");
            } else {
                e!(self, "r2 = {size}");
            }
        } else {
            e!(self, "r2 = {size}");
        }
        self.e("r3 = 0");
        self.e("call bpf_ringbuf_reserve");
        self.after_call(V::Mem { size, null: true });
        if self.bug() && self.rng.pct(40) {
            // no NULL check
            e!(self, "*(u64 *)(r0 + 0) = {}", self.rng.range(0, 9));
            self.e("r1 = r0");
            self.e("r2 = 0");
            self.e("call bpf_ringbuf_submit");
            self.after_call(V::Uninit);
            return true;
        }
        self.skip_if("r0 == 0".into(), |g| {
            g.set(0, V::Mem { size, null: false });
            let keep = if g.rng.pct(60) { g.long_reg() } else { None };
            let r = match keep {
                Some(l) => {
                    e!(g, "r{l} = r0");
                    g.set(l, V::Mem { size, null: false });
                    l
                }
                None => 0,
            };
            g.pin(r);
            g.record_writes(r, size);
            if r != 0 {
                g.filler(2);
            }
            g.unpin(r);
            g.release_mem(r, size);
        });
        true
    }

    /// A few stores into a record of `size` bytes in `r`.
    fn record_writes(&mut self, r: u8, size: i32) {
        let n = self.rng.range(0, 3);
        for _ in 0..n {
            let s = self.rng.pick(&[8, 4, 1]);
            let mut o = s * self.rng.range(0, (size / s - 1) as i64) as i32;
            if self.bug() {
                o = size - s + self.rng.pick(&[1, s]);
            }
            let srcs = self.regs_where(|v| v.scalar());
            if srcs.is_empty() || self.rng.pct(40) {
                e!(
                    self,
                    "*({} *)(r{r} {}) = {}",
                    sz(s),
                    off(o),
                    self.rng.range(0, 255)
                );
            } else {
                let v = self.rng.pick(&srcs);
                e!(self, "*({} *)(r{r} {}) = r{v}", sz(s), off(o));
            }
        }
    }

    /// Submits or discards the record in `r` (with a chance of a typical bug).
    fn release_mem(&mut self, r: u8, _size: i32) {
        let bug = if self.bug() {
            self.rng.below(3) as i32 + 1
        } else {
            0
        };
        if bug == 1 {
            return; // leak
        }
        let which = |g: &mut Self| {
            g.rng.pick(&[
                "bpf_ringbuf_submit",
                "bpf_ringbuf_discard",
                "bpf_ringbuf_submit",
            ])
        };
        if self.rng.pct(25) && self.depth < 3 && r >= 6 {
            // submit on one path, discard on the other
            if let Some(c) = self.cond() {
                self.if_else(
                    c,
                    |g| {
                        e!(g, "r1 = r{r}");
                        e!(g, "r2 = {}", g.rng.pick(&[0, 0, 1, 2]));
                        g.e("call bpf_ringbuf_submit");
                        g.after_call(V::Uninit);
                    },
                    |g| {
                        e!(g, "r1 = r{r}");
                        g.e("r2 = 0");
                        g.e("call bpf_ringbuf_discard");
                        g.after_call(V::Uninit);
                    },
                );
                self.set(r, V::Dirty);
                return;
            }
        }
        let h = which(self);
        e!(self, "r1 = r{r}");
        e!(self, "r2 = {}", self.rng.pick(&[0, 0, 1, 2]));
        e!(self, "call {h}");
        self.after_call(V::Uninit);
        if bug == 2 && r >= 6 {
            // use after release
            e!(self, "r1 = *(u64 *)(r{r} + 0)");
            self.set(1, V::S(FULL));
        } else if bug == 3 && r >= 6 {
            e!(self, "r1 = r{r}");
            self.e("r2 = 0");
            e!(self, "call {}", which(self));
            self.after_call(V::Uninit);
        }
        self.set(r, V::Dirty);
    }

    /// The record goes to the callback through the caller's stack: written
    /// (or, as in 9d9d00ac, released) by the callback.
    fn t_ringbuf_loop(&mut self) -> bool {
        if !self.calls_ok() || self.nest >= 3 {
            return false;
        }
        let Some(ro) = self.region(16) else {
            return false;
        };
        let rb = self.rb();
        let size = self.rng.pick(&[8, 16, 32]);
        e!(self, "r1 = {rb} ll");
        e!(self, "r2 = {size}");
        self.e("r3 = 0");
        self.e("call bpf_ringbuf_reserve");
        self.after_call(V::Mem { size, null: true });
        let l = self.new_label();
        e!(self, "if r0 == 0 goto {l}");
        let before = self.f.clone();
        self.set(0, V::Mem { size, null: false });
        e!(self, "*(u64 *)(r10 {}) = r0", off(ro));
        self.store_slot(ro, 8, V::Mem { size, null: false });
        let counter = self.rng.pct(50);
        if counter {
            e!(self, "*(u64 *)(r10 {}) = 0", off(ro + 8));
            self.store_slot(ro + 8, 8, k(0));
        }
        let mut parent = vec![V::Mem { size, null: false }];
        if counter {
            parent.push(k(0));
        }
        let use_each = self.rng.pct(25);
        let parent_after = if use_each {
            let m = self.map_of(MapKind::Data);
            let name = self.maps[m].name.clone();
            e!(self, "r1 = {name} ll");
            let (cb, pa) = self.callback(Kind::EachCb, Some(m), parent);
            e!(self, "r2 = {cb} ll");
            self.e("r3 = r10");
            e!(self, "r3 += {ro}");
            self.e("r4 = 0");
            self.e("call bpf_for_each_map_elem");
            pa
        } else {
            e!(self, "r1 = {}", self.rng.range(1, 8));
            let (cb, pa) = self.callback(Kind::LoopCb, None, parent);
            e!(self, "r2 = {cb} ll");
            self.e("r3 = r10");
            e!(self, "r3 += {ro}");
            self.e("r4 = 0");
            self.e("call bpf_loop");
            pa
        };
        self.after_call(V::S(FULL));
        for (j, v) in parent_after.iter().enumerate() {
            self.store_slot(ro + 8 * j as i32, 8, *v);
        }
        // the caller still owns the record: release it (unless the callback
        // overwrote the slot, or as a bug)
        let slot = parent_after[0];
        if matches!(slot, V::Mem { .. }) && !(self.bug() && self.rng.pct(50)) {
            e!(self, "r1 = *(u64 *)(r10 {})", off(ro));
            self.e("r2 = 0");
            e!(
                self,
                "call {}",
                self.rng
                    .pick(&["bpf_ringbuf_submit", "bpf_ringbuf_discard"])
            );
            self.after_call(V::Uninit);
        } else if !matches!(slot, V::Mem { .. }) && self.rng.pct(50) {
            // the callback released it (a bug in 6.1); try anyway
            e!(self, "r1 = *(u64 *)(r10 {})", off(ro));
            self.e("r2 = 0");
            self.e("call bpf_ringbuf_discard");
            self.after_call(V::Uninit);
        }
        self.join(&before);
        self.label(&l);
        true
    }

    fn sock_tuple(&mut self) -> Option<(i32, i32)> {
        let size = self.rng.pick(&[12, 36, 12]);
        let o = self.region(40)?;
        let z = self.rng.pct(50);
        let zr = if z { self.dst() } else { None };
        if let Some(zr) = zr {
            e!(self, "r{zr} = 0");
            self.set(zr, k(0));
        }
        let end = if self.bug() && self.rng.pct(40) {
            size - 8
        } else {
            size
        };
        let mut j = 0;
        while j < end {
            match zr {
                Some(zr) => e!(self, "*(u64 *)(r10 {}) = r{zr}", off(o + j)),
                None => e!(self, "*(u64 *)(r10 {}) = 0", off(o + j)),
            }
            self.store_slot(o + j, 8, k(0));
            j += 8;
        }
        Some((o, size))
    }

    fn t_socket(&mut self) -> bool {
        if !self.calls_ok() || self.kind == ProgKind::SocketFilter {
            return false;
        }
        // the context: a register, or through the caller's stack
        let ctx = match self.ctx_reg() {
            Some(c) => Some(c),
            None => self.ctx_from_parent(),
        };
        let Some(c) = ctx else {
            return false;
        };
        let Some((o, size)) = self.sock_tuple() else {
            return false;
        };
        let helper = self.rng.pick(&[
            "bpf_sk_lookup_tcp",
            "bpf_sk_lookup_tcp",
            "bpf_sk_lookup_udp",
            "bpf_skc_lookup_tcp",
        ]);
        let full = helper != "bpf_skc_lookup_tcp";
        if self.f.r[c as usize] != V::Ctx {
            return false;
        }
        e!(self, "r1 = r{c}");
        self.e("r2 = r10");
        e!(self, "r2 += {o}");
        let sz_arg = if self.bug() && self.rng.pct(30) {
            self.rng.pick(&[8, 40, 0])
        } else {
            size
        };
        e!(self, "r3 = {sz_arg}");
        e!(self, "r4 = {}", self.rng.pick(&[-1, 0, -1]));
        self.e("r5 = 0");
        e!(self, "call {helper}");
        self.after_call(V::Sock { null: true, full });
        if self.bug() && self.rng.pct(30) {
            // no NULL check
            self.sock_use(0, full);
            self.e("r1 = r0");
            self.e("call bpf_sk_release");
            self.after_call(V::S(FULL));
            return true;
        }
        self.skip_if("r0 == 0".into(), |g| {
            g.set(0, V::Sock { null: false, full });
            let keep = if g.rng.pct(60) { g.long_reg() } else { None };
            let r = match keep {
                Some(l) => {
                    e!(g, "r{l} = r0");
                    g.set(l, V::Sock { null: false, full });
                    l
                }
                None => 0,
            };
            g.pin(r);
            let n = g.rng.range(0, 2);
            for _ in 0..n {
                g.sock_use(r, full);
            }
            if r != 0 {
                g.filler(2);
            }
            g.unpin(r);
            let bug = if g.bug() { g.rng.below(3) + 1 } else { 0 };
            if bug == 1 {
                return; // leak
            }
            e!(g, "r1 = r{r}");
            g.e("call bpf_sk_release");
            g.after_call(V::S(FULL));
            if bug == 2 && r >= 6 {
                e!(g, "r0 = *(u32 *)(r{r} + 4)");
            } else if bug == 3 && r >= 6 {
                e!(g, "r1 = r{r}");
                g.e("call bpf_sk_release");
                g.after_call(V::S(FULL));
            }
            g.set(r, V::Dirty);
        });
        true
    }

    fn sock_use(&mut self, r: u8, full: bool) {
        let fields: &[(i32, i32)] = if full {
            &[
                (4, 4),
                (8, 4),
                (12, 4),
                (16, 4),
                (20, 4),
                (24, 4),
                (44, 4),
                (48, 2),
                (52, 4),
                (72, 4),
            ]
        } else {
            &[(4, 4), (24, 4), (44, 4), (48, 2), (52, 4)]
        };
        let (mut o, size) = self.rng.pick(fields);
        if self.bug() {
            o = self.rng.pick(&[2, 88, 200]);
        }
        let was = self.pinned(r);
        self.pin(r);
        if self.rng.pct(20) && self.calls_ok_except(r) && r >= 6 && full {
            // a pointer cast that keeps the reference
            e!(self, "r1 = r{r}");
            {
                let s = self
                    .rng
                    .pick(&["call bpf_tcp_sock", "call bpf_sk_fullsock"]);
                self.e(s)
            };
            self.after_call(V::Dirty);
            self.skip_if("r0 == 0".into(), |g| {
                e!(g, "r1 = *(u32 *)(r0 + {})", g.rng.pick(&[0, 4, 8]));
                g.set(1, V::S(U32));
            });
        } else if let Some(d) = self.free_regs(0, 9).into_iter().find(|&x| x != r) {
            e!(self, "r{d} = *({} *)(r{r} + {o})", sz(size));
            self.set(d, V::S(U32));
        }
        self.restore_pin(r, was);
    }

    /// Loads a context pointer stored in the caller's region, if there is one.
    fn ctx_from_parent(&mut self) -> Option<u8> {
        let j = self.f.parent.iter().position(|&v| v == V::Ctx)?;
        let p = self
            .regs_where(|v| matches!(v, V::Parent(0)))
            .into_iter()
            .next()?;
        let d = self.long_reg().or_else(|| self.dst())?;
        e!(self, "r{d} = *(u64 *)(r{p} + {})", 8 * j);
        self.set(d, V::Ctx);
        Some(d)
    }

    /// Fills a fresh region for a callback's ctx / a subprogram argument.
    fn ctx_region(&mut self, max_slots: i64) -> Option<(i32, Vec<V>)> {
        let n = self.rng.range(1, max_slots) as i32;
        let o = self.region(8 * n)?;
        let mut slots = Vec::new();
        for j in 0..n {
            let at = o + 8 * j;
            let mut v = k(0);
            let choice = self.rng.weighted(&[6, 3, 2, 2, 1, 1]);
            match choice {
                0 => {
                    let c = self.rng.range(0, 10);
                    e!(self, "*(u64 *)(r10 {}) = {c}", off(at));
                    v = k(c);
                }
                1 => {
                    if let Some(s) = self.scalar_reg() {
                        e!(self, "*(u64 *)(r10 {}) = r{s}", off(at));
                        v = self.f.r[s as usize];
                    } else {
                        e!(self, "*(u64 *)(r10 {}) = 0", off(at));
                    }
                }
                2 if self.ctx_reg().is_some() => {
                    let c = self.ctx_reg().unwrap_or(6);
                    e!(self, "*(u64 *)(r10 {}) = r{c}", off(at));
                    v = V::Ctx;
                }
                3 => {
                    let mv = self.regs_where(|v| matches!(v, V::MapVal { null: false, .. }));
                    if let Some(&r) = mv.first() {
                        e!(self, "*(u64 *)(r10 {}) = r{r}", off(at));
                        v = self.f.r[r as usize];
                    } else {
                        e!(self, "*(u64 *)(r10 {}) = 1", off(at));
                        v = k(1);
                    }
                }
                4 => {
                    // left uninitialised
                    v = V::Uninit;
                }
                _ => {
                    if let Some(d) = self.dst() {
                        e!(self, "r{d} = r10");
                        e!(self, "r{d} += {}", -8 * self.rng.range(1, 4));
                        e!(self, "*(u64 *)(r10 {}) = r{d}", off(at));
                        self.set(d, V::Dirty);
                        v = V::Dirty;
                    } else {
                        e!(self, "*(u64 *)(r10 {}) = 2", off(at));
                        v = k(2);
                    }
                }
            }
            if v != V::Uninit {
                self.store_slot(at, 8, v);
            }
            slots.push(v);
        }
        Some((o, slots))
    }

    fn t_bpf_loop(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let region = if self.rng.pct(80) {
            self.ctx_region(3)
        } else {
            None
        };
        // nr_loops
        match self.rng.weighted(&[6, 2, 1]) {
            0 => e!(self, "r1 = {}", self.rng.range(0, 10)),
            1 => {
                if let Some(s) = self.scalar_reg() {
                    if s != 1 {
                        e!(self, "r1 = r{s}");
                    }
                } else {
                    self.e("r1 = 3");
                }
            }
            _ => e!(
                self,
                "r1 = {}",
                self.rng.pick(&[1 << 23, (1 << 23) + 1, -1])
            ),
        }
        let parent = region.as_ref().map(|r| r.1.clone()).unwrap_or_default();
        let (cb, pa) = self.callback(Kind::LoopCb, None, parent);
        e!(self, "r2 = {cb} ll");
        match &region {
            Some((o, _)) => {
                self.e("r3 = r10");
                e!(self, "r3 += {o}");
            }
            None => self.e("r3 = 0"),
        }
        let flags = if self.bug() && self.rng.pct(30) { 1 } else { 0 };
        e!(self, "r4 = {flags}");
        self.e("call bpf_loop");
        self.after_call(V::S(FULL));
        if let Some((o, _)) = region {
            for (j, v) in pa.iter().enumerate() {
                if *v != V::Uninit {
                    self.store_slot(o + 8 * j as i32, 8, *v);
                }
            }
            if self.rng.pct(50) {
                if let Some(d) = self.dst() {
                    e!(self, "r{d} = *(u64 *)(r10 {})", off(o));
                    let v = pa.first().copied().unwrap_or(V::S(FULL));
                    self.set(d, if v.init() { v } else { V::S(FULL) });
                }
            }
        }
        true
    }

    fn t_for_each(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let m = if self.rng.pct(4) {
            self.map_of(MapKind::Ringbuf)
        } else {
            self.map_of(MapKind::Data)
        };
        let region = if self.rng.pct(75) {
            self.ctx_region(3)
        } else {
            None
        };
        let name = self.maps[m].name.clone();
        e!(self, "r1 = {name} ll");
        let parent = region.as_ref().map(|r| r.1.clone()).unwrap_or_default();
        let (cb, pa) = self.callback(Kind::EachCb, Some(m), parent);
        e!(self, "r2 = {cb} ll");
        match &region {
            Some((o, _)) => {
                self.e("r3 = r10");
                e!(self, "r3 += {o}");
            }
            None => self.e("r3 = 0"),
        }
        self.e("r4 = 0");
        self.e("call bpf_for_each_map_elem");
        self.after_call(V::S(FULL));
        if let Some((o, _)) = region {
            for (j, v) in pa.iter().enumerate() {
                if *v != V::Uninit {
                    self.store_slot(o + 8 * j as i32, 8, *v);
                }
            }
        }
        true
    }

    /// Writes a callback now (so the layout is libbpf's) and returns its
    /// name and what it left in the caller's region.
    fn callback(&mut self, kind: Kind, map: Option<usize>, parent: Vec<V>) -> (String, Vec<V>) {
        self.nfuncs += 1;
        let name = format!("cb{}", self.nfuncs);
        let idx = self.funcs.len();
        self.funcs.push(Func {
            lines: vec![format!("{}:", name)],
        });
        let saved_cur = std::mem::replace(&mut self.cur, idx);
        let mut fs = Fs::new(kind);
        let has_ctx = !parent.is_empty();
        fs.parent = parent;
        match kind {
            Kind::LoopCb => {
                fs.r[1] = V::S(FULL);
                fs.r[2] = if has_ctx { V::Parent(0) } else { k(0) };
            }
            Kind::EachCb => {
                let m = map.unwrap_or(0);
                fs.r[1] = V::MapPtr(m);
                fs.r[2] = V::Key(m);
                fs.r[3] = V::MapVal {
                    m,
                    off: 0,
                    null: false,
                };
                fs.r[4] = if has_ctx { V::Parent(0) } else { k(0) };
            }
            Kind::TimerCb => {
                let m = map.unwrap_or(0);
                fs.r[1] = V::MapPtr(m);
                fs.r[2] = V::Key(m);
                fs.r[3] = V::MapVal {
                    m,
                    off: 0,
                    null: false,
                };
            }
            _ => {}
        }
        let saved_f = std::mem::replace(&mut self.f, fs);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        self.nest += 1;
        // keep the ctx pointer in a callee-saved register sometimes
        if has_ctx && self.rng.pct(40) {
            let src = if kind == Kind::EachCb { 4 } else { 2 };
            e!(self, "r6 = r{src}");
            self.f.r[6] = V::Parent(0);
        }
        self.body();
        // return value: [0, 1] (timer: 0)
        let bad = self.bug();
        if bad {
            match self.rng.below(3) {
                0 => self.e("r0 = 2"),
                1 => {
                    if let Some(s) = self.regs_where(|v| v.scalar()).first() {
                        e!(self, "r0 = r{s}");
                    }
                }
                _ => {}
            }
        } else if kind == Kind::TimerCb {
            self.e("r0 = 0");
        } else {
            e!(self, "r0 = {}", self.rng.pick(&[0, 0, 1]));
        }
        self.e("exit");
        self.nest -= 1;
        self.depth = saved_depth;
        let fs = std::mem::replace(&mut self.f, saved_f);
        self.cur = saved_cur;
        (name, fs.parent)
    }

    /// The body of a subprogram or callback: a share of what is left.
    fn body(&mut self) {
        let share = (self.remaining() / 2).clamp(2, 20);
        let stop = self.count + self.rng.range(1, share as i64) as usize;
        let mut guard = 0;
        while self.count < stop && guard < 40 {
            self.block();
            guard += 1;
        }
    }

    fn t_subprog(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        // reuse one?
        if !self.subs.is_empty() && self.rng.pct(30) {
            let sig = self.subs[self.rng.below(self.subs.len() as u64) as usize].clone();
            let mut regions = Vec::new();
            for a in sig.args.iter() {
                if let Some(n) = a {
                    let Some(o) = self.region(8 * *n as i32) else {
                        return false;
                    };
                    for j in 0..*n as i32 {
                        e!(self, "*(u64 *)(r10 {}) = {}", off(o + 8 * j), j);
                        self.store_slot(o + 8 * j, 8, k(j as i64));
                    }
                    regions.push(Some(o));
                } else {
                    regions.push(None);
                }
            }
            for (i, r) in regions.iter().enumerate() {
                let a = i + 1;
                match r {
                    Some(o) => {
                        e!(self, "r{a} = r10");
                        e!(self, "r{a} += {o}");
                    }
                    None => e!(self, "r{a} = {}", self.imm_any()),
                }
            }
            e!(self, "call {}", sig.name);
            self.after_call(V::S(FULL));
            for o in regions.into_iter().flatten() {
                for j in 0..8 {
                    if let Some(v) = self.f.stack.get_mut(&(o + 8 * j)) {
                        *v = V::S(FULL);
                    }
                }
            }
            return true;
        }
        let nargs = self.rng.weighted(&[2, 4, 3, 1]);
        let mut args: Vec<Arg> = Vec::new();
        for _ in 0..nargs {
            if self.rng.pct(40) {
                let Some(reg) = self.ctx_region(2) else {
                    return false;
                };
                args.push((V::Parent(0), Some(reg)));
            } else {
                args.push((V::S(FULL), None));
            }
        }
        // set the arguments up: scalars from r6-r9 or constants
        for (i, (_, reg)) in args.iter_mut().enumerate() {
            let a = i + 1;
            match reg {
                Some((o, _)) => {
                    e!(self, "r{a} = r10");
                    e!(self, "r{a} += {o}");
                }
                None => {
                    let long: Vec<u8> = (6..=9u8)
                        .filter(|&r| self.f.r[r as usize].scalar())
                        .collect();
                    if !long.is_empty() && self.rng.pct(50) {
                        let s = self.rng.pick(&long);
                        e!(self, "r{a} = r{s}");
                        self.f.r[a] = self.f.r[s as usize];
                    } else {
                        let v = self.imm_any();
                        e!(self, "r{a} = {v}");
                        self.f.r[a] = k(v);
                    }
                }
            }
        }
        self.nfuncs += 1;
        let name = format!("sub{}", self.nfuncs);
        e!(self, "call {name}");
        let idx = self.funcs.len();
        self.funcs.push(Func {
            lines: vec![format!("{}:", name)],
        });
        let saved_cur = std::mem::replace(&mut self.cur, idx);
        let mut fs = Fs::new(Kind::Sub);
        let mut parent = Vec::new();
        for (i, (v, reg)) in args.iter().enumerate() {
            match reg {
                Some((_, slots)) if parent.is_empty() => {
                    parent = slots.clone();
                    fs.r[i + 1] = V::Parent(0);
                }
                Some(_) => fs.r[i + 1] = V::Dirty,
                None => fs.r[i + 1] = self.f.r[i + 1].max_scalar(*v),
            }
        }
        fs.parent = parent;
        let saved_f = std::mem::replace(&mut self.f, fs);
        let saved_depth = std::mem::replace(&mut self.depth, 0);
        self.nest += 1;
        self.body();
        // return a scalar
        let scal = self.regs_where(|v| v.scalar());
        if self.bug() && self.rng.pct(30) {
            // r0 maybe unset, or a pointer
            if self.rng.pct(50) {
                self.e("r0 = r10");
            }
        } else if !scal.is_empty() && self.rng.pct(60) {
            let s = self.rng.pick(&scal);
            if s != 0 {
                e!(self, "r0 = r{s}");
            }
        } else {
            e!(self, "r0 = {}", self.rng.range(0, 3));
        }
        self.e("exit");
        self.nest -= 1;
        self.depth = saved_depth;
        let sub_f = std::mem::replace(&mut self.f, saved_f);
        self.cur = saved_cur;
        self.after_call(V::S(FULL));
        let mut sig_args = Vec::new();
        for (_, reg) in &args {
            match reg {
                Some((o, slots)) => {
                    let ok = slots.iter().all(|v| v.scalar());
                    sig_args.push(if ok { Some(slots.len()) } else { None });
                    let after: Vec<V> = if sub_f.parent.len() == slots.len() {
                        sub_f.parent.clone()
                    } else {
                        vec![V::S(FULL); slots.len()]
                    };
                    for (j, v) in after.iter().enumerate() {
                        if v.init() {
                            self.store_slot(o + 8 * j as i32, 8, *v);
                        }
                    }
                }
                None => sig_args.push(None),
            }
        }
        if args.iter().all(|(_, r)| match r {
            Some((_, s)) => s.iter().all(|v| v.scalar()),
            None => true,
        }) {
            self.subs.push(SubSig {
                name,
                args: sig_args,
            });
        }
        // use the result
        if self.rng.pct(50) {
            if let Some(l) = self.long_reg() {
                e!(self, "r{l} = r0");
                self.set(l, V::S(FULL));
            }
        }
        true
    }

    fn t_bounded_loop(&mut self) -> bool {
        if self.depth >= 3 {
            return false;
        }
        let Some(i) = self.long_reg() else {
            return false;
        };
        let n = self.rng.range(2, 8);
        let step = self.rng.pick(&[1, 1, 1, 2]);
        let start = self.rng.pick(&[0, 0, 1]);
        e!(self, "r{i} = {start}");
        self.set(i, V::S(Rg { lo: start, hi: n }));
        self.pin(i);
        let head = self.new_label();
        self.label(&head);
        // the body runs again on what it left: forget what is not pinned
        for r in 0..10u8 {
            if !self.pinned(r) {
                self.set(r, V::Dirty);
            }
        }
        for v in self.f.stack.values_mut() {
            if !v.scalar() {
                *v = V::Dirty;
            }
        }
        let before = self.f.clone();
        self.depth += 1;
        let body = self.rng.range(1, 3);
        for _ in 0..body {
            if self.rng.pct(60) {
                self.filler_op();
            } else {
                self.block();
            }
        }
        if self.rng.pct(30) && self.calls_ok() {
            // index a map value by the counter
            let m = self.map_of(MapKind::Data);
            if let Some(ko) = self.key_on_stack(m) {
                let name = self.maps[m].name.clone();
                e!(self, "r1 = {name} ll");
                self.e("r2 = r10");
                e!(self, "r2 += {ko}");
                self.e("call bpf_map_lookup_elem");
                self.after_call(V::Dirty);
                let vs = self.maps[m].value;
                self.skip_if("r0 == 0".into(), |g| {
                    if vs >= 8 * n as i32 || g.bug() {
                        e!(g, "r1 = r{i}");
                        g.e("r1 <<= 3");
                        g.e("r0 += r1");
                        e!(g, "*(u64 *)(r0 + 0) = r{i}");
                    } else {
                        e!(g, "*(u8 *)(r0 + 0) = r{i}");
                    }
                    g.set(0, V::Dirty);
                    g.set(1, V::Dirty);
                });
            }
        }
        self.depth -= 1;
        if self.bug() && self.rng.pct(40) {
            // no progress: infinite loop
        } else {
            e!(self, "r{i} += {step}");
        }
        let w = self.rng.pct(25);
        let p = if w { "w" } else { "r" };
        let cond = match self.rng.weighted(&[5, 2, 2]) {
            0 => format!("{p}{i} < {n}"),
            1 => format!("{p}{i} s< {n}"),
            _ => {
                let n2 = start + step * ((n - start + step - 1) / step).max(1);
                format!("{p}{i} != {n2}")
            }
        };
        e!(self, "if {cond} goto {head}");
        self.join(&before);
        self.unpin(i);
        self.set(i, V::S(Rg { lo: 0, hi: n + 2 }));
        true
    }

    /// A stack region written and read at a variable offset.
    fn t_varoff_stack(&mut self) -> bool {
        let bytes = self.rng.pick(&[16, 32, 64]);
        let Some(o) = self.region(bytes) else {
            return false;
        };
        // initialise some of it
        let init = self.rng.range(0, (bytes / 8) as i64) as i32;
        for j in 0..init {
            e!(self, "*(u64 *)(r10 {}) = {}", off(o + 8 * j), j);
            self.store_slot(o + 8 * j, 8, k(j as i64));
        }
        let Some(s) = self.scalar_reg() else {
            return false;
        };
        let free: Vec<u8> = self
            .free_regs(0, 9)
            .into_iter()
            .filter(|&r| r != s)
            .collect();
        if free.len() < 2 {
            return false;
        }
        let t = self.rng.pick(&free);
        let size = self.rng.pick(&[8, 4, 2, 1]);
        let room = bytes - size;
        let bug = self.bug();
        let aligned_mask = {
            let mut m = 1;
            while m * 2 <= room + size {
                m *= 2;
            }
            (m - 1) & !(size - 1)
        };
        let mask = if bug {
            self.rng.pick(&[aligned_mask | 1, aligned_mask * 2 + size])
        } else {
            aligned_mask
        };
        let method = self.rng.weighted(&[4, 3]);
        e!(self, "r{t} = r10");
        e!(self, "r{t} += {o}");
        self.set(t, V::Fp(o));
        self.pin(t);
        let access = move |g: &mut Self| {
            e!(g, "r{t} += r{s}");
            g.set(t, V::Dirty);
            let ty = sz(size);
            let n = g.rng.range(1, 2);
            for _ in 0..n {
                match g.rng.weighted(&[3, 3, 3, 1]) {
                    // an atomic through the variable-offset pointer: its
                    // register-less first read is refused (check_stack_read)
                    3 if size >= 4 => {
                        let srcs = g.regs_where(|v| v.scalar());
                        let v = if srcs.is_empty() {
                            s
                        } else {
                            g.rng.pick(&srcs)
                        };
                        let (ty, p) = if size == 8 {
                            ("u64", "r")
                        } else {
                            ("u32", "w")
                        };
                        e!(g, "lock *({ty} *)(r{t} + 0) += {p}{v}");
                    }
                    3 => {}
                    0 => {
                        let srcs = g.regs_where(|v| v.scalar());
                        let v = if srcs.is_empty() {
                            s
                        } else {
                            g.rng.pick(&srcs)
                        };
                        e!(g, "*({ty} *)(r{t} + 0) = r{v}");
                    }
                    1 => e!(g, "*({ty} *)(r{t} + 0) = {}", g.imm_any()),
                    _ => {
                        if let Some(d) = g.free_regs(0, 9).into_iter().find(|&x| x != t) {
                            e!(g, "r{d} = *({ty} *)(r{t} + 0)");
                            g.set(d, V::S(FULL));
                        }
                    }
                }
            }
        };
        if method == 0 {
            e!(self, "r{s} &= {mask}");
            self.set(
                s,
                V::S(Rg {
                    lo: 0,
                    hi: mask as i64,
                }),
            );
            access(self);
        } else {
            let w = self.rng.pct(30);
            let p = if w { "w" } else { "r" };
            let bound = if bug { room + 1 } else { room };
            let l_out = self.new_label();
            e!(self, "if {p}{s} > {bound} goto {l_out}");
            let before = self.f.clone();
            if size > 1 && !bug {
                // keep it aligned
                e!(self, "r{s} &= {}", !(size - 1) & 0xfff);
            }
            self.set(
                s,
                V::S(Rg {
                    lo: 0,
                    hi: bound as i64,
                }),
            );
            access(self);
            self.join(&before);
            self.label(&l_out);
        }
        self.unpin(t);
        self.set(t, V::Dirty);
        for j in 0..bytes / 8 {
            let at = o + 8 * j;
            let old = self.f.stack.get(&at).copied().unwrap_or(V::Uninit);
            if old.init() || self.rng.pct(50) {
                self.f.stack.insert(at, V::S(FULL));
            }
        }
        true
    }

    fn t_packet(&mut self) -> bool {
        let Some(c) = self.ctx_reg() else {
            return false;
        };
        let (dofs, eofs) = match self.kind {
            ProgKind::Xdp => (0, 4),
            _ => (76, 80),
        };
        let free: Vec<u8> = self.free_regs(0, 9);
        if free.len() < 3 {
            return false;
        }
        let a = free[self.rng.below(free.len() as u64) as usize];
        let rest: Vec<u8> = free.iter().copied().filter(|&r| r != a).collect();
        let b = rest[self.rng.below(rest.len() as u64) as usize];
        let rest: Vec<u8> = rest.iter().copied().filter(|&r| r != b).collect();
        let cr = rest[self.rng.below(rest.len() as u64) as usize];
        e!(self, "r{a} = *(u32 *)(r{c} + {dofs})");
        e!(self, "r{b} = *(u32 *)(r{c} + {eofs})");
        self.set(a, V::Dirty);
        self.set(b, V::Dirty);
        self.pin(a);
        self.pin(b);
        // a variable offset first, sometimes
        if self.rng.pct(25) {
            if let Some(s) = self
                .regs_where(|v| v.scalar())
                .into_iter()
                .find(|&r| !self.pinned(r) && r != cr)
            {
                let mask = if self.bug() {
                    0xffff
                } else {
                    self.rng.pick(&[7, 15, 63])
                };
                e!(self, "r{s} &= {mask}");
                e!(self, "r{a} += r{s}");
                self.set(s, V::S(Rg { lo: 0, hi: mask }));
            }
        }
        let n = self.rng.pick(&[1, 2, 4, 8, 14, 20, 34, 54]);
        e!(self, "r{cr} = r{a}");
        e!(self, "r{cr} += {n}");
        let cond = match self.rng.weighted(&[5, 2, 1]) {
            0 => format!("r{cr} > r{b}"),
            1 => format!("r{b} < r{cr}"),
            _ => format!("r{cr} >= r{b}"),
        };
        self.skip_if(cond, |g| {
            g.set(cr, V::Dirty);
            let k_ = g.rng.range(1, 3);
            for _ in 0..k_ {
                let size = *[1, 2, 4, 8]
                    .iter()
                    .filter(|&&s| s <= n)
                    .nth(g.rng.below(4) as usize)
                    .unwrap_or(&1);
                let mut o = g.rng.range(0, (n - size) as i64) as i32;
                if g.bug() {
                    o = n - size + 1;
                }
                if g.rng.pct(65) {
                    if let Some(d) = g.free_regs(0, 9).into_iter().next() {
                        e!(g, "r{d} = *({} *)(r{a} + {o})", sz(size));
                        g.set(d, V::S(FULL));
                    }
                } else {
                    e!(g, "*({} *)(r{a} + {o}) = {}", sz(size), g.rng.range(0, 255));
                }
            }
            if g.rng.pct(15) && g.kind == ProgKind::SchedCls {
                // pointers are stale after a helper that changes the packet
                g.unpin(a);
                g.unpin(b);
                if g.calls_ok() {
                    e!(g, "r1 = r{c}");
                    e!(g, "r2 = {}", g.rng.range(0, 64));
                    g.e("call bpf_skb_pull_data");
                    g.after_call(V::S(FULL));
                    if g.bug() && a >= 6 {
                        e!(g, "r0 = *(u8 *)(r{a} + 0)");
                    }
                }
                g.pin(a);
                g.pin(b);
            }
        });
        self.unpin(a);
        self.unpin(b);
        self.set(a, V::Dirty);
        self.set(b, V::Dirty);
        self.set(cr, V::Dirty);
        true
    }

    fn t_atomic(&mut self) -> bool {
        // on an initialised 8-byte scratch slot
        let slots: Vec<i32> = self
            .f
            .stack
            .iter()
            .filter(|(o, v)| v.scalar() && **o >= -SCRATCH)
            .map(|(o, _)| *o)
            .collect();
        let srcs: Vec<u8> = self
            .regs_where(|v| v.scalar())
            .into_iter()
            .filter(|&r| !self.pinned(r))
            .collect();
        if slots.is_empty() || srcs.is_empty() {
            return false;
        }
        let o = self.rng.pick(&slots);
        let s = self.rng.pick(&srcs);
        let w = self.rng.pct(30);
        let (ty, o2) = if w {
            ("u32", o + 4 * self.rng.range(0, 1) as i32)
        } else {
            ("u64", o)
        };
        let o2 = if self.bug() {
            o2 + self.rng.pick(&[1, 2, 4])
        } else {
            o2
        };
        let op = self.rng.pick(&["+=", "&=", "|=", "^="]);
        match self.rng.weighted(&[4, 3, 2, 1]) {
            0 => e!(self, "lock *({ty} *)(r10 {}) {op} r{s}", off(o2)),
            1 => {
                let f = self.rng.pick(&["add", "and", "or", "xor"]);
                let p = if w { "w" } else { "r" };
                e!(
                    self,
                    "{p}{s} = atomic_fetch_{f}(({ty} *)(r10 {}), {p}{s})",
                    off(o2)
                );
                self.set(s, V::S(if w { U32 } else { FULL }));
            }
            2 => {
                let name = if w { "xchg32_32" } else { "xchg_64" };
                let p = if w { "w" } else { "r" };
                e!(self, "{p}{s} = {name}(r10 {}, {p}{s})", off(o2));
                self.set(s, V::S(if w { U32 } else { FULL }));
            }
            _ => {
                if self.pinned(0) || s == 0 {
                    return false;
                }
                if !self.f.r[0].scalar() {
                    self.e("r0 = 0");
                }
                let (name, p) = if w {
                    ("cmpxchg32_32", "w")
                } else {
                    ("cmpxchg_64", "r")
                };
                e!(self, "{p}0 = {name}(r10 {}, {p}0, {p}{s})", off(o2));
                self.set(0, V::S(if w { U32 } else { FULL }));
            }
        }
        self.store_slot(o, 8, V::S(FULL));
        true
    }

    fn t_helpers(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let ctx = self.ctx_reg();
        match self.rng.below(7) {
            0 if ctx.is_some() && self.kind != ProgKind::Xdp => {
                // bpf_skb_load_bytes into the stack, then read it
                let c = ctx.unwrap_or(6);
                let len = self.rng.pick(&[1, 4, 8, 14, 16, 20]);
                let bytes = (len + 7) / 8 * 8;
                let Some(o) = self.region(bytes) else {
                    return false;
                };
                e!(self, "r1 = r{c}");
                e!(self, "r2 = {}", self.rng.range(0, 40));
                self.e("r3 = r10");
                e!(self, "r3 += {o}");
                let l = if self.bug() { bytes + 8 } else { len };
                e!(self, "r4 = {l}");
                self.e("call bpf_skb_load_bytes");
                self.after_call(V::S(FULL));
                for j in (0..bytes).step_by(8) {
                    self.store_slot(o + j, 8, V::S(FULL));
                }
                if let Some(d) = self.dst() {
                    e!(self, "r{d} = *(u8 *)(r10 {})", off(o));
                    self.set(d, V::S(Rg { lo: 0, hi: 255 }));
                }
            }
            0 | 1 => {
                // bpf_probe_read_kernel into the stack
                let Some(o) = self.region(16) else {
                    return false;
                };
                self.e("r1 = r10");
                e!(self, "r1 += {o}");
                let n = if self.bug() {
                    24
                } else {
                    self.rng.pick(&[8, 16, 4])
                };
                e!(self, "r2 = {n}");
                match self.regs_where(|v| v.init()).into_iter().find(|&r| r >= 6) {
                    Some(r) if self.rng.pct(50) => e!(self, "r3 = r{r}"),
                    _ => e!(self, "r3 = {}", self.imm_any()),
                }
                self.e("call bpf_probe_read_kernel");
                self.after_call(V::S(FULL));
                self.store_slot(o, 8, V::S(FULL));
                self.store_slot(o + 8, 8, V::S(FULL));
            }
            2 if self.kind != ProgKind::SocketFilter => {
                // bpf_csum_diff
                let Some(o) = self.region(16) else {
                    return false;
                };
                e!(self, "*(u64 *)(r10 {}) = 1", off(o));
                e!(self, "*(u64 *)(r10 {}) = 2", off(o + 8));
                self.store_slot(o, 8, k(1));
                self.store_slot(o + 8, 8, k(2));
                if self.rng.pct(50) {
                    self.e("r1 = 0");
                    self.e("r2 = 0");
                } else {
                    self.e("r1 = r10");
                    e!(self, "r1 += {o}");
                    e!(self, "r2 = {}", self.rng.pick(&[4, 8, 16]));
                }
                self.e("r3 = r10");
                e!(self, "r3 += {o}");
                e!(self, "r4 = {}", self.rng.pick(&[4, 8, 16]));
                self.e("r5 = 0");
                self.e("call bpf_csum_diff");
                self.after_call(V::S(FULL));
            }
            3 => {
                // bpf_perf_event_output from the stack
                let Some(c) = ctx else {
                    return false;
                };
                let m = self.map_of(MapKind::Perf);
                let Some(o) = self.region(8) else {
                    return false;
                };
                e!(self, "*(u64 *)(r10 {}) = 7", off(o));
                self.store_slot(o, 8, k(7));
                e!(self, "r1 = r{c}");
                e!(self, "r2 = {} ll", self.maps[m].name);
                self.e("r3 = 0xffffffff ll");
                self.e("r4 = r10");
                e!(self, "r4 += {o}");
                self.e("r5 = 8");
                self.e("call bpf_perf_event_output");
                self.after_call(V::S(FULL));
            }
            4 if self.kind == ProgKind::Xdp => {
                let Some(c) = ctx else {
                    return false;
                };
                e!(self, "r1 = r{c}");
                e!(self, "r2 = {}", self.rng.pick(&[-8, 8, 14, 0]));
                {
                    let s = self.rng.pick(&[
                        "call bpf_xdp_adjust_head",
                        "call bpf_xdp_adjust_tail",
                        "call bpf_xdp_adjust_meta",
                    ]);
                    self.e(s)
                };
                self.after_call(V::S(FULL));
            }
            5 if ctx.is_some() => {
                self.ctx_store();
            }
            _ => {
                self.fresh_scalar_call();
            }
        }
        true
    }

    fn t_spin_lock(&mut self) -> bool {
        if !self.calls_ok() || self.depth >= 3 {
            return false;
        }
        let m = self.map_of(MapKind::Lock);
        let Some(ko) = self.key_on_stack(m) else {
            return false;
        };
        let lock_off: i32 = self.maps[m]
            .extra
            .trim()
            .trim_start_matches("lock=")
            .parse()
            .unwrap_or(0);
        let vs = self.maps[m].value;
        let name = self.maps[m].name.clone();
        e!(self, "r1 = {name} ll");
        self.e("r2 = r10");
        e!(self, "r2 += {ko}");
        self.e("call bpf_map_lookup_elem");
        self.after_call(V::MapVal {
            m,
            off: 0,
            null: true,
        });
        let Some(l) = self.long_reg() else {
            return true;
        };
        self.skip_if("r0 == 0".into(), |g| {
            e!(g, "r{l} = r0");
            g.set(
                l,
                V::MapVal {
                    m,
                    off: 0,
                    null: false,
                },
            );
            g.pin(l);
            e!(g, "r1 = r{l}");
            if lock_off != 0 {
                e!(g, "r1 += {lock_off}");
            }
            g.e("call bpf_spin_lock");
            g.after_call(V::Uninit);
            g.f.lock = true;
            // data next to the lock
            let n = g.rng.range(1, 3);
            for _ in 0..n {
                let mut o = *[0, 8, 16]
                    .iter()
                    .filter(|&&o| o + 4 <= vs && (o + 4 <= lock_off || o >= lock_off + 4))
                    .nth(g.rng.below(2) as usize)
                    .unwrap_or(&(vs - 4));
                if g.bug() && g.rng.pct(30) {
                    o = lock_off;
                }
                if g.rng.pct(50) {
                    e!(g, "r2 = *(u32 *)(r{l} + {o})");
                    g.set(2, V::S(U32));
                } else {
                    e!(g, "*(u32 *)(r{l} + {o}) = {}", g.rng.range(0, 9));
                }
            }
            if g.bug() {
                match g.rng.below(3) {
                    0 => {
                        g.e("call bpf_get_prandom_u32");
                        g.after_call(V::S(U32));
                    }
                    1 => {
                        g.f.lock = false;
                        g.unpin(l);
                        return; // no unlock
                    }
                    _ => {}
                }
            }
            g.f.lock = false;
            e!(g, "r1 = r{l}");
            if lock_off != 0 {
                e!(g, "r1 += {lock_off}");
            }
            g.e("call bpf_spin_unlock");
            g.after_call(V::Uninit);
            g.unpin(l);
        });
        true
    }

    fn t_timer(&mut self) -> bool {
        if !self.calls_ok() || self.nest > 0 {
            return false;
        }
        let m = self.map_of(MapKind::Timer);
        let Some(ko) = self.key_on_stack(m) else {
            return false;
        };
        let t_off: i32 = self.maps[m]
            .extra
            .trim()
            .trim_start_matches("timer=")
            .parse()
            .unwrap_or(0);
        let name = self.maps[m].name.clone();
        let Some(l) = self.long_reg() else {
            return false;
        };
        e!(self, "r1 = {name} ll");
        self.e("r2 = r10");
        e!(self, "r2 += {ko}");
        self.e("call bpf_map_lookup_elem");
        self.after_call(V::Dirty);
        self.skip_if("r0 == 0".into(), |g| {
            e!(g, "r{l} = r0");
            if t_off != 0 {
                e!(g, "r{l} += {t_off}");
            }
            g.set(l, V::Dirty);
            g.pin(l);
            e!(g, "r1 = r{l}");
            e!(g, "r2 = {name} ll");
            e!(g, "r3 = {}", g.rng.pick(&[0, 1, 7]));
            g.e("call bpf_timer_init");
            g.after_call(V::S(FULL));
            e!(g, "r1 = r{l}");
            let (cb, _) = g.callback(Kind::TimerCb, Some(m), Vec::new());
            e!(g, "r2 = {cb} ll");
            g.e("call bpf_timer_set_callback");
            g.after_call(V::S(FULL));
            e!(g, "r1 = r{l}");
            e!(g, "r2 = {}", g.rng.pick(&[0, 1000, 1_000_000]));
            g.e("r3 = 0");
            g.e("call bpf_timer_start");
            g.after_call(V::S(FULL));
            if g.rng.pct(40) {
                e!(g, "r1 = r{l}");
                g.e("call bpf_timer_cancel");
                g.after_call(V::S(FULL));
            }
            g.unpin(l);
        });
        true
    }

    fn t_ld_abs(&mut self) -> bool {
        if self.f.r[6] != V::Ctx || self.nest > 0 || !self.calls_ok() {
            return false;
        }
        let ty = self.rng.pick(&["u8", "u16", "u32"]);
        if self.rng.pct(50) {
            e!(self, "r0 = *({ty} *)skb[{}]", self.rng.range(0, 60));
        } else {
            let Some(s) = self.scalar_reg() else {
                return false;
            };
            if s == 0 || s > 9 {
                return false;
            }
            e!(self, "r{s} &= {}", self.rng.pick(&[15, 63, 255]));
            e!(self, "r0 = *({ty} *)skb[r{s} + {}]", self.rng.range(0, 14));
        }
        self.after_call(V::S(U32));
        true
    }

    fn t_queue(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let m = self.map_of(MapKind::Queue);
        let vs = self.maps[m].value;
        let bytes = (vs + 7) / 8 * 8;
        let Some(o) = self.region(bytes) else {
            return false;
        };
        let name = self.maps[m].name.clone();
        if self.rng.pct(50) {
            for j in (0..bytes).step_by(8) {
                e!(self, "*(u64 *)(r10 {}) = {}", off(o + j), j);
                self.store_slot(o + j, 8, V::S(FULL));
            }
            e!(self, "r1 = {name} ll");
            self.e("r2 = r10");
            e!(self, "r2 += {o}");
            e!(self, "r3 = {}", self.rng.pick(&[0, 2]));
            self.e("call bpf_map_push_elem");
        } else {
            e!(self, "r1 = {name} ll");
            self.e("r2 = r10");
            e!(self, "r2 += {o}");
            {
                let s = self
                    .rng
                    .pick(&["call bpf_map_pop_elem", "call bpf_map_peek_elem"]);
                self.e(s)
            };
            for j in (0..bytes).step_by(8) {
                self.store_slot(o + j, 8, V::S(FULL));
            }
        }
        self.after_call(V::S(FULL));
        true
    }

    /// Work on the caller's region through a `Parent` pointer.
    fn t_parent(&mut self) -> bool {
        let ps = self.regs_where(|v| v == V::Parent(0));
        if ps.is_empty() || self.f.parent.is_empty() {
            return false;
        }
        let p = self.rng.pick(&ps);
        let j = self.rng.below(self.f.parent.len() as u64) as usize;
        let v = self.f.parent[j];
        let o = 8 * j as i32;
        let was = self.pinned(p);
        self.pin(p);
        match v {
            V::S(_) | V::Uninit => {
                // a counter: load, add, store back
                let Some(d) = self.dst() else {
                    self.restore_pin(p, was);
                    return false;
                };
                e!(self, "r{d} = *(u64 *)(r{p} + {o})");
                let add = self.rng.pick(&[1, 1, 2, -1]);
                e!(self, "r{d} += {add}");
                if self.rng.pct(30) {
                    // a bounded use of the counter
                    e!(self, "r{d} &= 7");
                }
                let size = if self.bug() && self.rng.pct(30) { 4 } else { 8 };
                e!(self, "*({} *)(r{p} + {o}) = r{d}", sz(size));
                self.set(d, V::S(FULL));
                self.f.parent[j] = V::S(FULL);
            }
            V::Mem { size, .. } => {
                let Some(d) = self.long_reg().or_else(|| self.dst()) else {
                    self.restore_pin(p, was);
                    return false;
                };
                e!(self, "r{d} = *(u64 *)(r{p} + {o})");
                self.set(d, v);
                if self.rng.pct(25) && self.calls_ok_except(d) {
                    // release the caller's record: refused by 6.1 (9d9d00ac)
                    e!(self, "r1 = r{d}");
                    self.e("r2 = 0");
                    e!(
                        self,
                        "call {}",
                        self.rng
                            .pick(&["bpf_ringbuf_discard", "bpf_ringbuf_submit"])
                    );
                    self.after_call(V::Uninit);
                    self.set(d, V::Dirty);
                    self.f.parent[j] = V::Dirty;
                } else {
                    self.pin(d);
                    self.record_writes(d, size);
                    self.unpin(d);
                }
            }
            V::Ctx => {
                self.restore_pin(p, was);
                return self.t_socket();
            }
            V::MapVal { m, null: false, .. } => {
                let Some(d) = self.long_reg().or_else(|| self.dst()) else {
                    self.restore_pin(p, was);
                    return false;
                };
                e!(self, "r{d} = *(u64 *)(r{p} + {o})");
                self.set(d, v);
                self.value_use(d, m);
            }
            _ => {
                // overwrite the slot with a scalar
                e!(self, "*(u64 *)(r{p} + {o}) = {}", self.rng.range(0, 9));
                self.f.parent[j] = V::S(FULL);
            }
        }
        self.restore_pin(p, was);
        true
    }

    /// bpf_for_each_map_elem callback: work on the element's value and key.
    fn t_each_value(&mut self) -> bool {
        let vals = self.regs_where(|v| matches!(v, V::MapVal { null: false, .. }));
        let keys = self.regs_where(|v| matches!(v, V::Key(_)));
        if self.rng.pct(25) {
            if let (Some(&kr), Some(d)) = (keys.first(), self.dst()) {
                if self.bug() {
                    e!(self, "*(u32 *)(r{kr} + 0) = 1");
                } else {
                    e!(self, "r{d} = *(u32 *)(r{kr} + 0)");
                    self.set(d, V::S(U32));
                }
                return true;
            }
        }
        let Some(&r) = vals.first() else {
            return false;
        };
        let V::MapVal { m, .. } = self.f.r[r as usize] else {
            return false;
        };
        if self.maps[m].kind != MapKind::Data {
            return false;
        }
        self.value_use(r, m);
        true
    }

    /// Pointer arithmetic and comparisons the verifier may or may not like.
    fn t_pointer_ops(&mut self) -> bool {
        let Some(d) = self.dst() else {
            return false;
        };
        match self.rng.below(5) {
            0 => {
                // stack pointer arithmetic, then a fixed access
                let a = -8 * self.rng.range(1, 8) as i32;
                let b = self.rng.pick(&[0, 4, -8, 8]);
                e!(self, "r{d} = r10");
                e!(self, "r{d} += {a}");
                let t = a + b;
                if (-SCRATCH..0).contains(&t) {
                    e!(self, "*(u32 *)(r{d} {}) = 1", off(b));
                    self.store_slot(t, 4, V::S(FULL));
                } else if self.bug() {
                    e!(self, "*(u64 *)(r{d} + {}) = 1", -a);
                }
                self.set(d, V::Fp(a));
            }
            1 => {
                // subtract two stack pointers: a scalar
                let Some(d2) = self.free_regs(0, 9).into_iter().find(|&x| x != d) else {
                    return false;
                };
                e!(self, "r{d} = r10");
                e!(self, "r{d2} = r10");
                e!(self, "r{d2} += -16");
                e!(self, "r{d} -= r{d2}");
                self.set(d, V::S(FULL));
                self.set(d2, V::Fp(-16));
            }
            2 => {
                // pointer + unknown scalar, then an access (refused unless bounded)
                let Some(s) = self.scalar_reg() else {
                    return false;
                };
                if s == d {
                    return false;
                }
                e!(self, "r{d} = r10");
                e!(self, "r{d} += -32");
                if self.rng.pct(60) {
                    e!(self, "r{s} &= 24");
                    self.set(s, V::S(Rg { lo: 0, hi: 24 }));
                }
                e!(self, "r{d} += r{s}");
                e!(self, "r{s} = *(u64 *)(r{d} + 0)");
                self.set(s, V::S(FULL));
                self.set(d, V::Dirty);
            }
            3 if self.bug() => {
                // 32-bit arithmetic on a pointer
                e!(self, "r{d} = r10");
                e!(self, "w{d} += 8");
                self.set(d, V::S(U32));
            }
            _ => {
                // compare a pointer with a scalar / another pointer
                let ptrs = self.regs_where(|v| matches!(v, V::Ctx | V::Fp(_) | V::MapPtr(_)));
                let Some(&p) = ptrs.first() else {
                    return false;
                };
                let cond = format!("r{p} {} r10", self.rng.pick(&["==", "!=", ">"]));
                self.skip_if(cond, |g| g.filler(2));
            }
        }
        true
    }

    fn t_tail_call(&mut self) -> bool {
        if !self.calls_ok() {
            return false;
        }
        let Some(c) = self.ctx_reg() else {
            return false;
        };
        let m = self.map_of(MapKind::ProgArray);
        e!(self, "r1 = r{c}");
        e!(self, "r2 = {} ll", self.maps[m].name);
        e!(self, "r3 = {}", self.rng.range(0, 5));
        self.e("call bpf_tail_call");
        self.after_call(V::Uninit);
        true
    }

    /// An unknown scalar in a callee-saved register (a random number, a
    /// context field, a stack slot or a register that holds one).
    fn unknown_long(&mut self) -> Option<u8> {
        let l = self.long_reg()?;
        if self.calls_ok() && self.rng.pct(60) {
            self.e("call bpf_get_prandom_u32");
            self.after_call(V::S(U32));
            e!(self, "r{l} = r0");
        } else if let (Some(c), true) = (self.ctx_reg(), self.rng.pct(50)) {
            let o = match self.kind {
                ProgKind::Xdp => 16,
                _ => self.rng.pick(&[0, 8, 16, 44]),
            };
            e!(self, "r{l} = *(u32 *)(r{c} + {o})");
        } else {
            let scal: Vec<u8> = self
                .regs_where(|v| v.scalar() && v.konst().is_none())
                .into_iter()
                .filter(|&r| r != l)
                .collect();
            if let Some(&s) = scal.first() {
                e!(self, "r{l} = r{s}");
            } else if self.calls_ok() {
                self.e("call bpf_ktime_get_ns");
                self.after_call(V::S(FULL));
                e!(self, "r{l} = r0");
            } else {
                return None;
            }
        }
        self.set(l, V::S(FULL));
        Some(l)
    }

    /// `rP = r10; rP += o; rP += rS` and an access of `size` bytes; the
    /// verifier decides from what it knows of `rS`.
    fn stack_offset_access(&mut self, s: u8, o: i32, size: i32) {
        let Some(p) = self.free_regs(0, 9).into_iter().find(|&r| r != s) else {
            return;
        };
        e!(self, "r{p} = r10");
        e!(self, "r{p} += {o}");
        e!(self, "r{p} += r{s}");
        self.set(p, V::Dirty);
        let ty = sz(size);
        if self.rng.pct(50) {
            let d = self
                .free_regs(0, 9)
                .into_iter()
                .find(|&r| r != p && r != s)
                .unwrap_or(p);
            e!(self, "r{d} = *({ty} *)(r{p} + 0)");
            self.set(d, V::S(FULL));
        } else if self.rng.pct(50) {
            e!(self, "*({ty} *)(r{p} + 0) = r{s}");
        } else {
            e!(self, "*({ty} *)(r{p} + 0) = {}", self.rng.range(0, 9));
        }
        let bytes = -o;
        for j in (0..bytes).step_by(8) {
            self.f.stack.entry(o + j).or_insert(V::S(FULL));
        }
    }

    /// A check (or none) of `s` against `room`, then `then` inside it.
    fn checked(&mut self, s: u8, room: i64, then: impl FnOnce(&mut Self)) {
        let bug = self.bug();
        let k = if bug { room + 1 } else { room };
        match self.rng.weighted(&[1, 7, 2, 2, 1, 1, 1]) {
            0 => then(self),
            1 => self.skip_if(format!("r{s} > {k}"), then),
            2 => self.skip_if(format!("w{s} > {k}"), then),
            3 => {
                // both signed bounds
                let l = self.new_label();
                e!(self, "if r{s} s< 0 goto {l}");
                let before = self.f.clone();
                self.skip_if(format!("r{s} s> {k}"), then);
                self.join(&before);
                self.label(&l);
            }
            4 => self.skip_if(format!("r{s} s> {k}"), then),
            5 => self.skip_if(format!("r{s} >= {}", k + 1), then),
            _ => {
                // inverted: if s <= k goto use
                let l_use = self.new_label();
                let l_end = self.new_label();
                let w = if self.rng.pct(30) { "w" } else { "r" };
                e!(self, "if {w}{s} <= {k} goto {l_use}");
                e!(self, "goto {l_end}");
                self.label(&l_use);
                let before = self.f.clone();
                then(self);
                self.join(&before);
                self.label(&l_end);
            }
        }
    }

    /// A chain of ALU operations on a bounded unknown value, used as an
    /// offset: the verdict depends on the verifier's range tracking.
    fn t_range(&mut self) -> bool {
        let Some(l) = self.unknown_long() else {
            return false;
        };
        self.pin(l);
        let mask = self.rng.pick(&[1, 3, 7, 0xf, 0x1f, 0x3f, 0xff, 0xffff]);
        let w0 = if self.rng.pct(30) { "w" } else { "r" };
        e!(self, "{w0}{l} &= {mask}");
        // a second bounded operand, sometimes
        let other = if self.rng.pct(35) {
            self.free_regs(0, 9).into_iter().find(|&r| r != l && r != 0)
        } else {
            None
        };
        if let Some(o) = other {
            if let Some(s) = self
                .regs_where(|v| v.scalar())
                .into_iter()
                .find(|&r| r != l && r != o)
            {
                e!(self, "r{o} = r{s}");
                e!(self, "r{o} &= {}", self.rng.pick(&[3, 7, 0xf, 0x3f]));
            } else {
                e!(self, "r{o} = {}", self.rng.range(0, 16));
            }
            self.set(o, V::S(Rg { lo: 0, hi: 63 }));
        }
        let n = self.rng.range(1, 4);
        for _ in 0..n {
            let w = if self.rng.pct(35) { "w" } else { "r" };
            let op = self.rng.pick(&[
                "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "s>>=", "neg",
                "mov32", "+=", "-=", "<<=", "*=",
            ]);
            match op {
                "neg" => e!(self, "{w}{l} = -{w}{l}"),
                "mov32" => e!(self, "w{l} = w{l}"),
                _ => {
                    let shift = op.contains("<<") || op.contains(">>");
                    match other {
                        Some(o) if self.rng.pct(40) && !(shift && self.rng.pct(50)) => {
                            e!(self, "{w}{l} {op} {w}{o}")
                        }
                        _ => {
                            let v = if shift {
                                self.rng.range(0, if w == "w" { 31 } else { 63 }.min(12))
                            } else if op == "/=" || op == "%=" {
                                self.rng.pick(&[1, 2, 3, 4, 7, 16])
                            } else {
                                self.rng
                                    .pick(&[0, 1, 2, 3, 4, 5, 8, 15, 16, 100, -1, -4, -16])
                            };
                            e!(self, "{w}{l} {op} {v}")
                        }
                    }
                }
            }
        }
        if let Some(o) = other {
            self.set(o, V::S(FULL));
        }
        self.set(l, V::S(FULL));
        // use it: a stack region or a map value
        let to_map = self.calls_ok() && self.rng.pct(45);
        if to_map {
            let m = self.map_of(MapKind::Data);
            let Some(ko) = self.key_on_stack(m) else {
                self.unpin(l);
                return true;
            };
            let name = self.maps[m].name.clone();
            e!(self, "r1 = {name} ll");
            self.e("r2 = r10");
            e!(self, "r2 += {ko}");
            self.e("call bpf_map_lookup_elem");
            self.after_call(V::MapVal {
                m,
                off: 0,
                null: true,
            });
            let vs = self.maps[m].value;
            let size = self.rng.pick(&[1, 1, 4, 8]).min(vs);
            let room = (vs - size) as i64;
            self.skip_if("r0 == 0".into(), |g| {
                g.set(
                    0,
                    V::MapVal {
                        m,
                        off: 0,
                        null: false,
                    },
                );
                g.pin(0);
                g.checked(l, room, |g| {
                    e!(g, "r0 += r{l}");
                    if g.rng.pct(50) {
                        e!(g, "r1 = *({} *)(r0 + 0)", sz(size));
                        g.set(1, V::S(FULL));
                    } else {
                        e!(g, "*({} *)(r0 + 0) = r{l}", sz(size));
                    }
                });
                g.unpin(0);
                g.set(0, V::Dirty);
            });
        } else {
            let bytes = self.rng.pick(&[16, 32, 64]);
            if let Some(o) = self.region(bytes) {
                let size = if self.rng.pct(75) {
                    1
                } else {
                    self.rng.pick(&[2, 4, 8])
                };
                let room = (bytes - size) as i64;
                self.checked(l, room, |g| g.stack_offset_access(l, o, size));
            }
        }
        self.unpin(l);
        true
    }

    /// Two paths give a register different values; after they join it is
    /// used as an offset (precision and pruning decide the verdict).
    fn t_two_path(&mut self) -> bool {
        if self.depth >= 3 {
            return false;
        }
        let Some(l) = self.long_reg() else {
            return false;
        };
        let Some(cond) = self.cond() else {
            return false;
        };
        let bytes = self.rng.pick(&[8, 16, 32]);
        let Some(o) = self.region(bytes) else {
            return false;
        };
        let size = self.rng.pick(&[1, 1, 2, 4, 8]).min(bytes);
        let ok_vals: Vec<i64> = (0..=(bytes - size) as i64)
            .filter(|v| v % size as i64 == 0)
            .collect();
        let a = self.rng.pick(&ok_vals);
        let b = if self.bug() {
            self.rng
                .pick(&[bytes as i64, bytes as i64 - size as i64 + 1, -8])
        } else {
            self.rng.pick(&ok_vals)
        };
        let spill = self.rng.pct(35);
        let slot = if spill { self.region(8) } else { None };
        let set_val = |g: &mut Self, v: i64| {
            let w = if g.rng.pct(25) { "w" } else { "r" };
            e!(g, "{w}{l} = {v}");
            if let Some(so) = slot {
                let ssz = g.rng.pick(&[8, 8, 4]);
                e!(g, "*({} *)(r10 {}) = r{l}", sz(ssz), off(so));
                g.store_slot(so, 8, V::S(FULL));
            }
            g.filler(2);
        };
        self.pin(l);
        self.if_else(cond, |g| set_val(g, a), |g| set_val(g, b));
        // more paths before the use, sometimes
        if self.rng.pct(40) {
            if let Some(c2) = self.cond() {
                self.skip_if(c2, |g| g.filler(2));
            }
        }
        if let Some(so) = slot {
            e!(self, "r{l} = *(u64 *)(r10 {})", off(so));
        }
        self.set(
            l,
            V::S(Rg {
                lo: a.min(b),
                hi: a.max(b),
            }),
        );
        self.stack_offset_access(l, o, size);
        self.unpin(l);
        self.set(l, V::S(FULL));
        true
    }

    /// A bound learnt through another register: a comparison of two
    /// registers, or a copy checked instead of the original.
    fn t_linked(&mut self) -> bool {
        let Some(a) = self.unknown_long() else {
            return false;
        };
        self.pin(a);
        let Some(b) = self.free_regs(0, 9).into_iter().find(|&r| r != a) else {
            self.unpin(a);
            return false;
        };
        let bytes = self.rng.pick(&[16, 32, 64]);
        let Some(o) = self.region(bytes) else {
            self.unpin(a);
            return false;
        };
        let room = bytes as i64 - 1;
        if self.rng.pct(50) {
            // the fall-through of `if COND` implies a <= room
            let (op, swap, kd) = self.rng.pick(&[
                (">=", false, 1),
                (">", false, 0),
                ("<=", true, 1),
                ("<", true, 0),
                ("s>=", false, 1),
            ]);
            let k = room + kd + if self.bug() { 1 } else { 0 };
            if self.rng.pct(50) {
                e!(self, "r{b} = {k}");
            } else {
                e!(self, "r{b} = r{a}");
                e!(self, "r{b} &= {}", self.rng.pick(&[7, 15]));
            }
            self.set(b, V::S(Rg { lo: 0, hi: k }));
            self.pin(b);
            let w = if self.rng.pct(25) { "w" } else { "r" };
            let cond = if swap {
                format!("{w}{b} {op} {w}{a}")
            } else {
                format!("{w}{a} {op} {w}{b}")
            };
            self.skip_if(cond, |g| g.stack_offset_access(a, o, 1));
            self.unpin(b);
        } else {
            // b = a (+ delta); check b; use a
            e!(self, "r{b} = r{a}");
            let delta = if self.rng.pct(20) {
                let d = self.rng.pick(&[1, 2, -1, 8]);
                e!(self, "r{b} += {d}");
                d
            } else {
                0
            };
            let k = room + delta + if self.bug() { 1 } else { 0 };
            self.pin(b);
            let w = if self.rng.pct(25) { "w" } else { "r" };
            self.skip_if(format!("{w}{b} > {k}"), |g| g.stack_offset_access(a, o, 1));
            self.unpin(b);
        }
        self.unpin(a);
        self.set(a, V::S(FULL));
        self.set(b, V::Dirty);
        true
    }

    /// The entry's return.
    fn ret(&mut self) {
        if self.bug() && self.rng.pct(30) {
            if self.f.r[0] == V::Uninit {
                self.e("exit");
                return;
            }
            self.e("r0 = r10");
            self.e("exit");
            return;
        }
        let scal: Vec<u8> = self.regs_where(|v| v.scalar());
        let v = match self.kind {
            ProgKind::Xdp => self.rng.pick(&[0, 1, 2, 2, 3, 4]),
            ProgKind::SchedCls => self.rng.pick(&[0, 0, 1, 2, -1, 7]),
            ProgKind::SocketFilter => self.rng.pick(&[0, -1, 64]),
        };
        if !scal.is_empty() && self.rng.pct(20) {
            let s = self.rng.pick(&scal);
            if s != 0 {
                e!(self, "r0 = r{s}");
            }
        } else {
            e!(self, "r0 = {v}");
        }
        self.e("exit");
    }
}

impl V {
    /// For a scalar argument: what the caller's register holds.
    fn max_scalar(self, _decl: V) -> V {
        if self.scalar() {
            self
        } else {
            V::S(FULL)
        }
    }
}

fn sz(size: i32) -> &'static str {
    match size {
        1 => "u8",
        2 => "u16",
        4 => "u32",
        _ => "u64",
    }
}

/// `+ N` / `- N` for a memory operand.
fn off(o: i32) -> String {
    if o < 0 {
        format!("- {}", -(o as i64))
    } else {
        format!("+ {}", o)
    }
}

/// Constant folding of a BPF ALU operation (None where the result is not
/// worth modelling).
fn fold(op: &str, a: i64, b: i64, w: bool) -> Option<i64> {
    if w {
        let (a, b) = (a as u32, b as u32);
        let r = match op {
            "+=" => a.wrapping_add(b),
            "-=" => a.wrapping_sub(b),
            "*=" => a.wrapping_mul(b),
            "/=" => a.checked_div(b).unwrap_or(0),
            "%=" => a.checked_rem(b).unwrap_or(a),
            "&=" => a & b,
            "|=" => a | b,
            "^=" => a ^ b,
            "<<=" if b < 32 => a << b,
            ">>=" if b < 32 => a >> b,
            "s>>=" if b < 32 => ((a as i32) >> b) as u32,
            _ => return None,
        };
        Some(r as i64)
    } else {
        let (ua, ub) = (a as u64, b as u64);
        let r = match op {
            "+=" => ua.wrapping_add(ub),
            "-=" => ua.wrapping_sub(ub),
            "*=" => ua.wrapping_mul(ub),
            "/=" => ua.checked_div(ub).unwrap_or(0),
            "%=" => ua.checked_rem(ub).unwrap_or(ua),
            "&=" => ua & ub,
            "|=" => ua | ub,
            "^=" => ua ^ ub,
            "<<=" if ub < 64 => ua << ub,
            ">>=" if ub < 64 => ua >> ub,
            "s>>=" if ub < 64 => (a >> ub) as u64,
            _ => return None,
        };
        Some(r as i64)
    }
}

/// A generator's programs for seeds 0..300 parse and are the same when
/// drawn again (a generator's unit test).
#[cfg(test)]
pub fn assert_programs_parse(program: impl Fn(u64) -> String) {
    for seed in 0..300 {
        let text = program(seed);
        assert_eq!(text, program(seed), "seed {seed}");
        if let Err(e) = veristep_core::asm::parse(&text) {
            panic!("seed {seed}: {e:?}\n{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programs_parse_and_are_deterministic() {
        for mix_types in [false, true] {
            let opts = GenOpts {
                mix_types,
                ..GenOpts::default()
            };
            for i in 0..400 {
                let text = program(7, i, &opts);
                assert_eq!(text, program(7, i, &opts));
                let p = veristep_core::asm::parse(&text)
                    .unwrap_or_else(|_| panic!("program {i} does not parse:\n{text}"));
                assert!(p.insns.len() >= 10, "program {i} is too short:\n{text}");
            }
        }
    }
}
