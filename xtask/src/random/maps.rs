//! `kernel-diff --random N --maps`: map types against the helpers that
//! take a map. Each program declares two to four maps of the types the
//! oracle's converter can create (arrays, hashes and their per-CPU and LRU
//! forms, queues, stacks, bloom filters, ring buffers, perf event arrays,
//! program arrays, socket maps, device and CPU maps, AF_XDP socket maps,
//! stack traces, cgroup arrays and storages, reuseport arrays; not an LPM
//! trie, which needs `BPF_F_NO_PREALLOC`), mostly those a program of its
//! type uses, with
//! plausible and now and then wrong key and value sizes, and calls helpers
//! on them: mostly a pair the kernel allows, sometimes any pair, so that
//! `check_map_func_compatibility()` is probed from both sides (the map's
//! helpers, the helper's maps) and for each program type. The arguments are
//! set up as a program would (a key and a value on the stack, written or
//! not, flags right or wrong), and the results used: NULL checked or not,
//! a value read or written at its bounds, a socket from a socket map
//! released, a popped value read. Both kernels answer through the oracle.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    Array,
    PercpuArray,
    Hash,
    PercpuHash,
    LruHash,
    LruPercpuHash,
    Queue,
    Stack,
    Bloom,
    Ringbuf,
    UserRingbuf,
    PerfEventArray,
    ProgArray,
    Sockmap,
    Sockhash,
    Devmap,
    DevmapHash,
    Cpumap,
    Xskmap,
    StackTrace,
    CgroupArray,
    CgroupStorage,
    PercpuCgroupStorage,
    ReuseportArray,
    // with `--vm` (kernel-diff's loader sets their flags and inner maps)
    LpmTrie,
    SkStorage,
    TaskStorage,
    ArrayOfMaps,
    HashOfMaps,
}

const ALL: &[Ty] = &[
    Ty::Array,
    Ty::PercpuArray,
    Ty::Hash,
    Ty::PercpuHash,
    Ty::LruHash,
    Ty::LruPercpuHash,
    Ty::Queue,
    Ty::Stack,
    Ty::Bloom,
    Ty::Ringbuf,
    Ty::UserRingbuf,
    Ty::PerfEventArray,
    Ty::ProgArray,
    Ty::Sockmap,
    Ty::Sockhash,
    Ty::Devmap,
    Ty::DevmapHash,
    Ty::Cpumap,
    Ty::Xskmap,
    Ty::StackTrace,
    Ty::CgroupArray,
    Ty::CgroupStorage,
    Ty::PercpuCgroupStorage,
    Ty::ReuseportArray,
];

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Array => "array",
            Ty::PercpuArray => "percpu_array",
            Ty::Hash => "hash",
            Ty::PercpuHash => "percpu_hash",
            Ty::LruHash => "lru_hash",
            Ty::LruPercpuHash => "lru_percpu_hash",
            Ty::Queue => "queue",
            Ty::Stack => "stack",
            Ty::Bloom => "bloom_filter",
            Ty::Ringbuf => "ringbuf",
            Ty::UserRingbuf => "user_ringbuf",
            Ty::PerfEventArray => "perf_event_array",
            Ty::ProgArray => "prog_array",
            Ty::Sockmap => "sockmap",
            Ty::Sockhash => "sockhash",
            Ty::Devmap => "devmap",
            Ty::DevmapHash => "devmap_hash",
            Ty::Cpumap => "cpumap",
            Ty::Xskmap => "xskmap",
            Ty::StackTrace => "stack_trace",
            Ty::CgroupArray => "cgroup_array",
            Ty::CgroupStorage => "cgroup_storage",
            Ty::PercpuCgroupStorage => "percpu_cgroup_storage",
            Ty::ReuseportArray => "reuseport_sockarray",
            Ty::LpmTrie => "lpm_trie",
            Ty::SkStorage => "sk_storage",
            Ty::TaskStorage => "task_storage",
            Ty::ArrayOfMaps => "array_of_maps",
            Ty::HashOfMaps => "hash_of_maps",
        }
    }

    /// The helpers a program uses with this map (what the kernel allows,
    /// mostly).
    fn helpers(self) -> &'static [H] {
        use H::*;
        match self {
            Ty::Array | Ty::Hash | Ty::LruHash => &[Lookup, Lookup, Update, Delete, ForEach],
            Ty::PercpuArray | Ty::PercpuHash | Ty::LruPercpuHash => {
                &[Lookup, Update, Delete, LookupPercpu, ForEach]
            }
            Ty::Queue | Ty::Stack => &[Push, Pop, Peek],
            Ty::Bloom => &[Push, Peek],
            Ty::Ringbuf => &[RingbufOutput],
            Ty::UserRingbuf => &[Drain],
            Ty::PerfEventArray => &[PerfOutput, PerfRead],
            Ty::ProgArray => &[TailCall],
            Ty::Sockmap | Ty::Sockhash => &[Lookup, Delete, Update],
            Ty::Devmap | Ty::DevmapHash | Ty::Cpumap | Ty::Xskmap => &[Redirect, Redirect, Lookup],
            Ty::StackTrace => &[StackId],
            Ty::CgroupArray => &[UnderCgroup, TaskUnderCgroup],
            Ty::CgroupStorage | Ty::PercpuCgroupStorage => &[LocalStorage, Lookup],
            Ty::ReuseportArray => &[Lookup, Update],
            Ty::LpmTrie => &[Lookup, Lookup, Update, Delete],
            Ty::SkStorage | Ty::TaskStorage => &[StorageGet, StorageGet, StorageDelete],
            Ty::ArrayOfMaps | Ty::HashOfMaps => &[InnerLookup, InnerLookup, Lookup],
        }
    }
}

/// A helper that takes a map.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum H {
    Lookup,
    Update,
    Delete,
    LookupPercpu,
    ForEach,
    Push,
    Pop,
    Peek,
    RingbufOutput,
    Drain,
    PerfOutput,
    PerfRead,
    TailCall,
    SkRedirect,
    Redirect,
    StackId,
    UnderCgroup,
    TaskUnderCgroup,
    LocalStorage,
    StorageGet,
    StorageDelete,
    InnerLookup,
}

const ALL_H: &[H] = &[
    H::Lookup,
    H::Update,
    H::Delete,
    H::LookupPercpu,
    H::ForEach,
    H::Push,
    H::Pop,
    H::Peek,
    H::RingbufOutput,
    H::Drain,
    H::PerfOutput,
    H::PerfRead,
    H::TailCall,
    H::SkRedirect,
    H::Redirect,
    H::StackId,
    H::UnderCgroup,
    H::TaskUnderCgroup,
    H::LocalStorage,
];
// (the local storage and inner map helpers are drawn only with their maps)

struct Map {
    name: String,
    ty: Ty,
    key: i32,
    value: i32,
}

struct G {
    rng: Rng,
    asm: Asm,
    subs: Vec<String>,
    bug_pct: u64,
    ty: &'static str,
    maps: Vec<Map>,
}

impl Emit for G {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

pub fn program(seed: u64, vm: bool) -> String {
    let mut rng = Rng::new(seed);
    let bug_pct = rng.pick(&[3u64, 6, 12]);
    let ty = rng.pick(&[
        "sched_cls",
        "sched_cls",
        "xdp",
        "xdp",
        "socket_filter",
        "kprobe",
        "tracepoint",
        "raw_tracepoint",
        "cgroup_skb",
        "syscall",
        "sched_act",
    ]);
    let mut g = G {
        rng,
        asm: Asm::default(),
        subs: Vec::new(),
        bug_pct,
        ty,
        maps: Vec::new(),
    };
    let nmaps = 2 + g.rng.below(3) as usize;
    let mut storage = false;
    let usual = usual_maps(ty);
    for i in 0..nmaps {
        // mostly the maps a program of this type uses, now and then any
        let t = if vm && g.rng.pct(45) {
            g.rng.pick(vm_maps(ty))
        } else if g.rng.pct(8) {
            g.rng.pick(ALL)
        } else {
            g.rng.pick(usual)
        };
        // one cgroup storage of each kind per program
        if matches!(t, Ty::CgroupStorage | Ty::PercpuCgroupStorage) {
            if storage {
                continue;
            }
            storage = true;
        }
        let m = g.map(i, t);
        g.maps.push(m);
    }
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {ty}");
    for m in &g.maps {
        // a map of maps' inner template first (the map its lookups give)
        if matches!(m.ty, Ty::ArrayOfMaps | Ty::HashOfMaps) {
            let _ = writeln!(
                out,
                ".map {} array key=4 value={INNER_VALUE} entries=4",
                inner_name(m),
            );
        }
        let _ = writeln!(out, "{}", g.decl(m));
    }
    g.e("r6 = r1");
    // a key or value buffer at fp-16..fp-1 (written or not), another at
    // fp-32..fp-17, a scratch area below
    let init = g.rng.pick(&[0i32, 16, 32, 32, 64, 64, 64]);
    for off in (8..=init).step_by(8) {
        let v = g.rng.pick(&[0i64, 0, 1, 3]);
        g.e(format!("*(u64 *)(r10 -{off}) = {v}"));
    }
    let ops = 1 + g.rng.below(4);
    for _ in 0..ops {
        g.op();
    }
    let ret = match ty {
        "cgroup_skb" => 1,
        "xdp" => 2,
        _ => 0,
    };
    g.e(format!("r0 = {ret}"));
    g.e("exit");
    push_lines(&mut out, g.asm.lines.iter().chain(g.subs.iter()));
    out
}

/// The name of a map of maps' inner template.
fn inner_name(m: &Map) -> String {
    format!("{}_in", m.name)
}

/// The value size of a map of maps' inner maps (arrays).
const INNER_VALUE: i32 = 24;

/// The map types that need kernel-diff's loader (`--maps --vm`): flags,
/// BTF types or an inner map. Socket storage is for the programs that have
/// a socket at hand (`skb->sk`), task storage for tracing.
fn vm_maps(ty: &str) -> &'static [Ty] {
    use Ty::*;
    match ty {
        "sched_cls" | "sched_act" | "cgroup_skb" => {
            &[LpmTrie, SkStorage, SkStorage, ArrayOfMaps, HashOfMaps]
        }
        "kprobe" | "tracepoint" | "raw_tracepoint" => {
            &[LpmTrie, TaskStorage, TaskStorage, ArrayOfMaps, HashOfMaps]
        }
        _ => &[LpmTrie, ArrayOfMaps, HashOfMaps],
    }
}

/// The map types programs of a type use with their helpers (6.1's
/// `*_func_proto`: device and socket maps redirect from XDP, stack traces
/// and cgroup arrays serve tracing, cgroup storage cgroup programs; a
/// sleepable syscall program may use only arrays, hashes and ring buffers).
fn usual_maps(ty: &str) -> &'static [Ty] {
    use Ty::*;
    match ty {
        "xdp" => &[
            Array,
            PercpuArray,
            Hash,
            LruHash,
            Queue,
            Stack,
            Bloom,
            Ringbuf,
            PerfEventArray,
            ProgArray,
            Devmap,
            DevmapHash,
            Cpumap,
            Xskmap,
            Sockmap,
            Sockhash,
        ],
        "sched_cls" | "sched_act" => &[
            Array,
            PercpuArray,
            Hash,
            PercpuHash,
            LruHash,
            Queue,
            Stack,
            Bloom,
            Ringbuf,
            UserRingbuf,
            PerfEventArray,
            ProgArray,
            CgroupArray,
            Sockmap,
            Sockhash,
        ],
        "kprobe" | "tracepoint" | "raw_tracepoint" => &[
            Array,
            PercpuArray,
            Hash,
            LruPercpuHash,
            Queue,
            Stack,
            Bloom,
            Ringbuf,
            UserRingbuf,
            PerfEventArray,
            ProgArray,
            StackTrace,
            StackTrace,
            CgroupArray,
        ],
        "cgroup_skb" => &[
            Array,
            Hash,
            LruHash,
            Queue,
            Bloom,
            Ringbuf,
            PerfEventArray,
            ProgArray,
            CgroupStorage,
            PercpuCgroupStorage,
            Sockmap,
        ],
        "syscall" => &[
            Array,
            PercpuArray,
            Hash,
            PercpuHash,
            LruHash,
            Ringbuf,
            UserRingbuf,
        ],
        _ => &[
            Array,
            PercpuArray,
            Hash,
            Queue,
            Stack,
            Bloom,
            Ringbuf,
            PerfEventArray,
            ProgArray,
        ],
    }
}

impl G {
    fn bug(&mut self) -> bool {
        self.rng.pct(self.bug_pct)
    }

    /// A map of type `t`: its key and value sizes as programs declare them,
    /// now and then one the kernel refuses at creation.
    fn map(&mut self, i: usize, t: Ty) -> Map {
        let (key, value) = match t {
            Ty::Array | Ty::PercpuArray => (4, self.rng.pick(&[4, 8, 16, 48])),
            Ty::Hash | Ty::PercpuHash | Ty::LruHash | Ty::LruPercpuHash => {
                (self.rng.pick(&[4, 8, 16]), self.rng.pick(&[4, 8, 16]))
            }
            Ty::Queue | Ty::Stack | Ty::Bloom => (0, self.rng.pick(&[4, 8, 16])),
            Ty::Ringbuf | Ty::UserRingbuf => (0, 0),
            Ty::PerfEventArray | Ty::ProgArray | Ty::CgroupArray => (4, 4),
            Ty::Sockmap | Ty::Sockhash => (4, self.rng.pick(&[4, 8])),
            Ty::Devmap | Ty::DevmapHash | Ty::Cpumap => (4, self.rng.pick(&[4, 8])),
            Ty::Xskmap => (4, 4),
            Ty::StackTrace => (4, self.rng.pick(&[8, 64, 127 * 8])),
            Ty::CgroupStorage | Ty::PercpuCgroupStorage => (self.rng.pick(&[8, 16]), 8),
            Ty::ReuseportArray => (4, self.rng.pick(&[4, 8])),
            // a u32 prefix length and 4 bytes of address
            Ty::LpmTrie => (8, self.rng.pick(&[4, 8])),
            Ty::SkStorage | Ty::TaskStorage => (4, self.rng.pick(&[4, 8, 16])),
            Ty::ArrayOfMaps => (4, 4),
            Ty::HashOfMaps => (self.rng.pick(&[4, 8]), 4),
        };
        // a size the kernel refuses at creation, rarely
        let (key, value) = if self.rng.pct(3) {
            (key + 1, value)
        } else {
            (key, value)
        };
        Map {
            name: format!("m{i}"),
            ty: t,
            key,
            value,
        }
    }

    fn decl(&self, m: &Map) -> String {
        match m.ty {
            Ty::Ringbuf | Ty::UserRingbuf => {
                format!(".map {} {} entries=4096", m.name, m.ty.name())
            }
            Ty::CgroupStorage | Ty::PercpuCgroupStorage => format!(
                ".map {} {} key={} value={} entries=0",
                m.name,
                m.ty.name(),
                m.key,
                m.value
            ),
            Ty::LpmTrie | Ty::SkStorage | Ty::TaskStorage => {
                // BPF_F_NO_PREALLOC, which the kernel requires of both
                let entries = if m.ty == Ty::LpmTrie { 4 } else { 0 };
                format!(
                    ".map {} {} key={} value={} entries={entries} flags=1",
                    m.name,
                    m.ty.name(),
                    m.key,
                    m.value
                )
            }
            Ty::ArrayOfMaps | Ty::HashOfMaps => format!(
                ".map {} {} key={} value=4 entries=2 inner={}",
                m.name,
                m.ty.name(),
                m.key,
                inner_name(m)
            ),
            _ => format!(
                ".map {} {} key={} value={} entries=4",
                m.name,
                m.ty.name(),
                m.key,
                m.value
            ),
        }
    }

    /// One helper call on one map: mostly a pair the kernel allows.
    fn op(&mut self) {
        let mi = self.rng.below(self.maps.len() as u64) as usize;
        let h = if self.rng.pct(88) {
            self.rng.pick(self.maps[mi].ty.helpers())
        } else {
            self.rng.pick(ALL_H)
        };
        let (name, key, value, ty) = {
            let m = &self.maps[mi];
            (m.name.clone(), m.key, m.value, m.ty)
        };
        match h {
            H::Lookup | H::LookupPercpu => {
                let out = self.label();
                self.key_arg(2, key);
                self.e(format!("r1 = {name} ll"));
                if h == H::LookupPercpu {
                    let cpu = if self.bug() { 100000 } else { 0 };
                    self.e(format!("r3 = {cpu}"));
                    self.e("call bpf_map_lookup_percpu_elem");
                } else {
                    self.e("call bpf_map_lookup_elem");
                }
                if !self.bug() {
                    self.e(format!("if r0 == 0 goto {out}"));
                }
                if matches!(ty, Ty::Sockmap | Ty::Sockhash) {
                    // a socket, referenced: read a field, release it
                    self.e("r2 = *(u32 *)(r0 +4)");
                    if !self.bug() {
                        self.e("r1 = r0");
                        self.e("call bpf_sk_release");
                    }
                } else {
                    self.use_value(value);
                }
                self.put(&out);
            }
            H::Update => {
                self.key_arg(2, key);
                self.value_arg(3, value);
                self.e(format!("r1 = {name} ll"));
                let flags = if self.bug() {
                    self.rng.pick(&[4i64, 8, -1])
                } else {
                    self.rng.pick(&[0i64, 0, 1, 2])
                };
                self.e(format!("r4 = {flags}"));
                self.e("call bpf_map_update_elem");
            }
            H::Delete => {
                self.key_arg(2, key);
                self.e(format!("r1 = {name} ll"));
                self.e("call bpf_map_delete_elem");
            }
            H::ForEach => {
                let cb = format!("cb{}", self.subs.len());
                self.e(format!("r1 = {name} ll"));
                self.e(format!("r2 = {cb} ll"));
                self.e("r3 = 0");
                self.e("r4 = 0");
                self.e("call bpf_for_each_map_elem");
                self.subs.push(format!("{cb}:"));
                // read the value (its size the map's) and the key
                let off = if self.bug() { value } else { 0 };
                self.subs.push(format!("    r0 = *(u8 *)(r3 +{off})"));
                self.subs.push("    r0 = *(u8 *)(r2 +0)".into());
                self.subs.push("    r0 = 0".into());
                self.subs.push("    exit".into());
            }
            H::Push => {
                self.value_arg(2, value);
                self.e(format!("r1 = {name} ll"));
                let flags = if self.bug() {
                    4
                } else {
                    self.rng.pick(&[0i64, 2])
                };
                self.e(format!("r3 = {flags}"));
                self.e("call bpf_map_push_elem");
            }
            H::Pop | H::Peek => {
                // the helper fills the buffer (uninitialised is fine)
                let at = 32;
                self.e("r2 = r10");
                self.e(format!("r2 += -{at}"));
                self.e(format!("r1 = {name} ll"));
                let f = if h == H::Pop {
                    "bpf_map_pop_elem"
                } else {
                    "bpf_map_peek_elem"
                };
                self.e(format!("call {f}"));
                // what the helper wrote (on failure too: the kernel takes
                // the buffer as written)
                if value >= 4 {
                    self.e("r0 = *(u32 *)(r10 -32)");
                }
            }
            H::RingbufOutput => {
                self.e("r2 = r10");
                self.e("r2 += -16");
                self.e(format!("r1 = {name} ll"));
                let n = if self.bug() { 24 } else { 16 };
                self.e(format!("r3 = {n}"));
                self.e("r4 = 0");
                self.e("call bpf_ringbuf_output");
            }
            H::Drain => {
                let cb = format!("cb{}", self.subs.len());
                self.e(format!("r1 = {name} ll"));
                self.e(format!("r2 = {cb} ll"));
                self.e("r3 = 0");
                self.e("r4 = 0");
                self.e("call bpf_user_ringbuf_drain");
                self.subs.push(format!("{cb}:"));
                self.subs.push("    r0 = 0".into());
                self.subs.push("    exit".into());
            }
            H::PerfOutput => {
                self.e("r4 = r10");
                self.e("r4 += -16");
                self.e("r1 = r6");
                self.e(format!("r2 = {name} ll"));
                self.e("r3 = 0xffffffff ll");
                let n = if self.bug() { 0 } else { 16 };
                self.e(format!("r5 = {n}"));
                self.e("call bpf_perf_event_output");
            }
            H::PerfRead => {
                self.e(format!("r1 = {name} ll"));
                self.e("r2 = 0xffffffff ll");
                self.e("call bpf_perf_event_read");
            }
            H::TailCall => {
                self.e("r1 = r6");
                self.e(format!("r2 = {name} ll"));
                self.e("r3 = 0");
                self.e("call bpf_tail_call");
            }
            H::SkRedirect => {
                self.e("r1 = r6");
                self.e(format!("r2 = {name} ll"));
                self.e("r3 = 0");
                self.e("r4 = 0");
                let f = if ty == Ty::Sockhash {
                    self.e("r3 = r10");
                    self.e("r3 += -8");
                    "bpf_sk_redirect_hash"
                } else {
                    "bpf_sk_redirect_map"
                };
                self.e(format!("call {f}"));
            }
            H::Redirect => {
                self.e(format!("r1 = {name} ll"));
                self.e("r2 = 0");
                let flags = if self.bug() {
                    8
                } else {
                    self.rng.pick(&[0i64, 1, 2])
                };
                self.e(format!("r3 = {flags}"));
                self.e("call bpf_redirect_map");
            }
            H::StackId => {
                self.e("r1 = r6");
                self.e(format!("r2 = {name} ll"));
                self.e("r3 = 0");
                self.e("call bpf_get_stackid");
            }
            H::UnderCgroup => {
                self.e("r1 = r6");
                self.e(format!("r2 = {name} ll"));
                self.e("r3 = 0");
                self.e("call bpf_skb_under_cgroup");
            }
            H::TaskUnderCgroup => {
                self.e(format!("r1 = {name} ll"));
                self.e("r2 = 0");
                self.e("call bpf_current_task_under_cgroup");
            }
            H::StorageGet | H::StorageDelete => {
                let out = self.label();
                // the owner: the current task, or the packet's socket
                if ty == Ty::TaskStorage || (ty != Ty::SkStorage && self.rng.pct(50)) {
                    self.e("call bpf_get_current_task_btf");
                    self.e("r2 = r0");
                } else {
                    self.e("r2 = *(u64 *)(r6 +168)");
                    if !self.bug() {
                        self.e(format!("if r2 == 0 goto {out}"));
                    }
                }
                self.e(format!("r1 = {name} ll"));
                let (f, what) = match (h, ty) {
                    (H::StorageGet, Ty::TaskStorage) => ("bpf_task_storage_get", true),
                    (H::StorageGet, _) => ("bpf_sk_storage_get", true),
                    (_, Ty::TaskStorage) => ("bpf_task_storage_delete", false),
                    _ => ("bpf_sk_storage_delete", false),
                };
                if what {
                    // a value to initialise it with (or NULL), and
                    // BPF_LOCAL_STORAGE_GET_F_CREATE (or a wrong flag)
                    if self.rng.pct(40) {
                        self.value_arg(3, value);
                    } else {
                        self.e("r3 = 0");
                    }
                    let flags = if self.bug() {
                        2
                    } else {
                        self.rng.pick(&[0i64, 1, 1])
                    };
                    self.e(format!("r4 = {flags}"));
                }
                self.e(format!("call {f}"));
                if what {
                    if !self.bug() {
                        self.e(format!("if r0 == 0 goto {out}"));
                    }
                    self.use_value(value);
                }
                self.put(&out);
            }
            H::InnerLookup => {
                let out = self.label();
                self.key_arg(2, key);
                self.e(format!("r1 = {name} ll"));
                self.e("call bpf_map_lookup_elem");
                if !self.bug() {
                    self.e(format!("if r0 == 0 goto {out}"));
                }
                // the inner map: a lookup in it, its value used
                self.e("r1 = r0");
                self.key_arg(2, 4);
                self.e("call bpf_map_lookup_elem");
                if !self.bug() {
                    self.e(format!("if r0 == 0 goto {out}"));
                }
                self.use_value(INNER_VALUE);
                self.put(&out);
            }
            H::LocalStorage => {
                self.e(format!("r1 = {name} ll"));
                let flags = if self.bug() { 1 } else { 0 };
                self.e(format!("r2 = {flags}"));
                self.e("call bpf_get_local_storage");
                self.use_value(value);
            }
        }
    }

    /// A key on the stack for register `r`: written (its size), partly
    /// written, or NULL where a key goes.
    fn key_arg(&mut self, r: u8, key: i32) {
        if self.bug() && self.rng.pct(30) {
            self.e(format!("r{r} = 0"));
            return;
        }
        // fp-16 holds the key
        self.stack_arg(r, key, 16, 0);
    }

    /// A value on the stack at fp-32, written (its size) or not.
    fn value_arg(&mut self, r: u8, value: i32) {
        self.stack_arg(r, value, 32, 1);
    }

    /// A buffer of `size` bytes (4 to 16) ending below fp-`top`+`size`,
    /// its words written with `fill` now or (planted) left as they are,
    /// and register `r` pointed at it.
    fn stack_arg(&mut self, r: u8, size: i32, top: i32, fill: i64) {
        let size = size.clamp(4, 16);
        if !self.bug() {
            let mut o = top;
            while o > top - size {
                self.e(format!("*(u32 *)(r10 -{o}) = {fill}"));
                o -= 4;
            }
        }
        self.e(format!("r{r} = r10"));
        self.e(format!("r{r} += -{top}"));
    }

    /// A map value in r0 (NULL checked or not by the caller): read and
    /// written inside its size, or at its end.
    fn use_value(&mut self, value: i32) {
        if value < 4 {
            return;
        }
        let off = if self.bug() {
            value
        } else {
            4 * self.rng.below((value / 4) as u64) as i32
        };
        if self.rng.pct(50) {
            self.e(format!("r1 = *(u32 *)(r0 +{off})"));
        } else {
            self.e(format!("*(u32 *)(r0 +{off}) = 1"));
        }
        if self.ty == "xdp" && self.rng.pct(10) {
            // a map value used as a packet offset (a program's mistake)
            self.e("r1 = *(u32 *)(r6 +0)");
            self.e("r1 += r0");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn programs_parse_and_are_deterministic() {
        super::super::gen::assert_programs_parse(|seed| super::program(seed, seed % 2 == 0));
    }
}
