//! Probes of programs typed by the kernel's BTF (`kernel-diff --random N
//! --btf`): fentry, fexit, fmod_ret, tp_btf, lsm and iter programs on a
//! set of real targets, which read their arguments from the context
//! (`btf_ctx_access`), walk the kernel structs those arguments point to
//! (`btf_struct_access`: members of every size, offsets inside, across and
//! past them, bitfields, nested pointers, NULL checks or none), try to
//! write through them, move them by constant and unknown offsets, hand
//! them to the helpers that take kernel pointers (`ARG_PTR_TO_BTF_ID`,
//! `bpf_probe_read_kernel`, the tracing helpers of `tracing_prog_func_proto`
//! and `bpf_lsm_func_proto`), sometimes the wrong kind of pointer, and
//! return values around each kind's allowed range.
//!
//! The text format's contract does not name these program types, so the
//! oracle's `kernel-verdict` cannot load them: the programs go to the
//! kernel through kernel-diff's VM (asm2c, clang, libbpf), which reports
//! verdict, first message and level-1 log for each kernel.
//!
//! Struct layouts are drawn from the 6.1 kernel's BTF (`static/btf`): on
//! 6.12 the same offsets land on other members, which is a probe too.

use super::ctx::{disp, SIZES};
use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;
use std::sync::OnceLock;
use veristep_core::btf::{self, Btf};

/// Kinds of BTF-typed program and the targets probed (each exists in both
/// kernels' BTF).
const TARGETS: &[(&str, &str)] = &[
    ("fentry", "tcp_v4_connect"),
    ("fexit", "tcp_v4_connect"),
    ("fentry", "vfs_read"),
    ("fexit", "vfs_read"),
    ("fentry", "do_unlinkat"),
    ("fentry", "wake_up_new_task"),
    ("fexit", "tcp_sendmsg"),
    ("fentry", "security_task_alloc"),
    ("fentry", "__x64_sys_nanosleep"),
    ("fexit", "do_sys_openat2"),
    ("fentry", "__sys_bind"),
    ("fmod_ret", "bpf_modify_return_test"),
    ("fmod_ret", "security_file_open"),
    ("tp_btf", "sched_switch"),
    ("tp_btf", "sched_process_fork"),
    ("tp_btf", "sys_enter"),
    ("tp_btf", "kfree_skb"),
    ("tp_btf", "netif_receive_skb"),
    ("lsm", "file_open"),
    ("lsm", "bprm_check_security"),
    ("lsm", "task_alloc"),
    ("lsm", "socket_connect"),
    ("lsm", "inode_unlink"),
    ("iter", "task"),
    ("iter", "tcp"),
];

/// Iterators whose contexts hand out buffers (`bpf_map_elem`'s key and
/// value, `PTR_TO_BUF`, the key read only), maps, programs, links, files,
/// VMAs, sockets and cgroups (`--btf --iter`).
const ITER_TARGETS: &[(&str, &str)] = &[
    ("iter", "bpf_map_elem"),
    ("iter", "bpf_map_elem"),
    ("iter", "bpf_sk_storage_map"),
    ("iter", "sockmap"),
    ("iter", "bpf_map"),
    ("iter", "bpf_prog"),
    ("iter", "bpf_link"),
    ("iter", "task_file"),
    ("iter", "task_vma"),
    ("iter", "unix"),
    ("iter", "udp"),
    ("iter", "ipv6_route"),
    ("iter", "netlink"),
    ("iter", "cgroup"),
    ("iter", "ksym"),
];

/// What a register or an argument holds, as far as the generator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Val {
    Scalar,
    /// A pointer to a struct or union (its BTF id), moved by `off` bytes,
    /// perhaps NULL.
    Ptr {
        id: u32,
        off: i64,
        maybe_null: bool,
    },
    /// A pointer to something else (`char *`, `void *`).
    Opaque,
}

/// A member of a struct, flattened through anonymous members.
#[derive(Clone, Copy, Debug)]
struct Member {
    off: i64,
    size: i64,
    val: Val,
    bitfield: bool,
}

fn kernel_btf() -> Option<&'static Btf> {
    static BTF: OnceLock<Option<Btf>> = OnceLock::new();
    BTF.get_or_init(|| {
        let gz = std::fs::read(crate::root().join("static/btf/linux-6.1.btf.gz")).ok()?;
        veristep_core::relo_core::KernelBtf::from_gzip(&gz)
            .ok()
            .map(|k| k.btf)
    })
    .as_ref()
}

/// What a value of BTF type `ty` is.
fn val_of(b: &Btf, ty: u32) -> Val {
    let Ok(id) = b.skip_mods(ty) else {
        return Val::Scalar;
    };
    let Ok(t) = b.get(id) else {
        return Val::Scalar;
    };
    if t.kind != btf::KIND_PTR {
        return Val::Scalar;
    }
    match b.skip_mods(t.size_or_type).ok().and_then(|p| {
        let pt = b.get(p).ok()?;
        pt.is_composite().then_some(p)
    }) {
        Some(id) => Val::Ptr {
            id,
            off: 0,
            maybe_null: false,
        },
        None => Val::Opaque,
    }
}

/// The members of struct `id` with their byte offsets, anonymous structs
/// and unions flattened (at most a few levels).
fn members(b: &Btf, id: u32, base: i64, depth: usize, out: &mut Vec<Member>) {
    let Ok(t) = b.get(id) else { return };
    for (i, (name, ty, bit_off)) in t.members.iter().enumerate() {
        let off = base + (*bit_off / 8) as i64;
        let bitfield = t.bitfield_size(i) != 0;
        let inner = b.skip_mods(*ty).unwrap_or(0);
        let it = b.get(inner).ok();
        if name.is_empty() && depth < 4 && it.is_some_and(|t| t.is_composite()) {
            members(b, inner, off, depth + 1, out);
            continue;
        }
        let size = if bitfield {
            1
        } else {
            b.size_of(*ty).unwrap_or(0) as i64
        };
        out.push(Member {
            off,
            size,
            val: val_of(b, *ty),
            bitfield,
        });
    }
}

/// The context's arguments of a target: each slot's value, and for fexit
/// and fmod_ret the return value's slot after them.
fn args(b: &Btf, kind: &str, target: &str) -> Vec<Val> {
    let params = |proto: u32, skip: usize| -> Vec<Val> {
        b.get(proto)
            .map(|p| {
                p.members
                    .iter()
                    .skip(skip)
                    .map(|(_, ty, _)| val_of(b, *ty))
                    .collect()
            })
            .unwrap_or_default()
    };
    match kind {
        "fentry" | "fexit" | "fmod_ret" | "lsm" => {
            let name = if kind == "lsm" {
                format!("bpf_lsm_{target}")
            } else {
                target.to_string()
            };
            let Some(f) = b.find(btf::KIND_FUNC, &name) else {
                return Vec::new();
            };
            let proto = b.get(f).map(|t| t.size_or_type).unwrap_or(0);
            let mut v = params(proto, 0);
            if kind != "fentry" {
                v.push(Val::Scalar);
            }
            v
        }
        "tp_btf" => {
            // btf_trace_NAME: a pointer to a prototype whose first
            // parameter is the context the trampoline passes
            let Some(td) = b.find(btf::KIND_TYPEDEF, &format!("btf_trace_{target}")) else {
                return Vec::new();
            };
            let ptr = b.skip_mods(td).ok().and_then(|i| b.get(i).ok());
            let proto = ptr.map(|p| p.size_or_type).unwrap_or(0);
            params(proto, 1)
        }
        _ => {
            // iterators: struct bpf_iter__TARGET's members
            let Some(s) = b.find(btf::KIND_STRUCT, &format!("bpf_iter__{target}")) else {
                return Vec::new();
            };
            let mut ms = Vec::new();
            members(b, s, 0, 0, &mut ms);
            ms.iter().map(|m| m.val).collect()
        }
    }
}

fn size_name(n: i64) -> &'static str {
    match n {
        1 => "u8",
        2 => "u16",
        4 => "u32",
        _ => "u64",
    }
}

struct BtfGen<'b> {
    rng: Rng,
    b: &'b Btf,
    args: Vec<Val>,
    /// r0..r9 as far as the generator knows (r6 the context).
    regs: [Option<Val>; 10],
    asm: Asm,
    out: String,
    /// Calls kernel functions (6.12's task, cgroup and RCU kfuncs; Linux
    /// 6.1 has none of them, and libbpf refuses the object there).
    kfuncs: bool,
    /// A local storage map (`task_storage`, `sk_storage`, `inode_storage`)
    /// named `st`, used through its helpers with kernel pointers.
    storage: Option<&'static str>,
    /// A `bpf_loop` callback (`cb`) is called: its body comes after the
    /// program's exit.
    callback: bool,
    /// Reads and writes through the pointers to something other than a
    /// struct (`--iter`: an iterator's buffers).
    bufs: bool,
}

impl Emit for BtfGen<'_> {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

/// Program text for BTF probe `seed`.
pub fn program(seed: u64) -> String {
    probe(seed, TARGETS, false, false)
}

/// Program text for deep BTF probe `seed` (`--btf --deep`, with `--iter`
/// on the iterators): up to a dozen operations, each drawn again while
/// veristep refuses the program so far in both its modes (as in
/// `ctx::deep_program`), so the probe walks the pointers it loads further
/// than one operation; now and then a refused one is kept and ends it.
pub fn deep_program(seed: u64, iter: bool) -> String {
    if iter {
        probe(seed, ITER_TARGETS, true, true)
    } else {
        probe(seed, TARGETS, false, true)
    }
}

/// Program text for iterator probe `seed` (`--btf --iter`).
pub fn iter_program(seed: u64) -> String {
    probe(seed, ITER_TARGETS, true, false)
}

fn probe(seed: u64, targets: &[(&'static str, &'static str)], bufs: bool, deep: bool) -> String {
    let Some(b) = kernel_btf() else {
        return "; static/btf/linux-6.1.btf.gz is missing\n".to_string();
    };
    let mut rng = Rng::new(seed);
    let (kind, target) = rng.pick(targets);
    let sleepable = kind != "tp_btf" && rng.pct(10);
    let mut g = BtfGen {
        rng,
        b,
        args: args(b, kind, target),
        regs: [None; 10],
        asm: Asm::default(),
        out: "out".to_string(),
        kfuncs: false,
        storage: None,
        callback: false,
        bufs,
    };
    g.kfuncs = g.rng.pct(30);
    if g.rng.pct(30) {
        g.storage = Some(g.rng.pick(&[
            "task_storage",
            "task_storage",
            "sk_storage",
            "inode_storage",
        ]));
    }
    let mut text = String::new();
    let s = if sleepable { " sleepable" } else { "" };
    if kind == "lsm" {
        let _ = writeln!(text, ".prog_type lsm {target}{s}");
    } else {
        let _ = writeln!(text, ".prog_type tracing {kind} {target}{s}");
    }
    if let Some(st) = g.storage {
        let _ = writeln!(text, ".map st {st} key=4 value=16 entries=0 flags=1");
    }
    g.e("r6 = r1");
    for off in [8, 16, 24, 32] {
        g.e(format!("*(u64 *)(r10 - {off}) = 0"));
    }
    // most programs start from a pointer argument
    g.load_arg(7, true);
    if deep {
        let target = g.rng.range(4, 12) as usize;
        let (mut kept, mut tries) = (0, 0);
        while kept < target && tries < 4 * target {
            let (mark, regs) = (g.asm.lines.len(), g.regs);
            g.op();
            let mut t = text.clone();
            push_lines(&mut t, &g.asm.lines);
            t.push_str("out:\n    r0 = 0\n    exit\n");
            // 6.12's kfuncs are unknown to 6.1: either mode will do
            if crate::random::veristep_accepts(&t) || crate::random::veristep_accepts_612(&t) {
                kept += 1;
                continue;
            }
            if g.rng.pct(6) {
                break;
            }
            g.asm.lines.truncate(mark);
            g.regs = regs;
            tries += 1;
        }
    } else {
        let n = g.rng.range(1, 5);
        for _ in 0..n {
            g.op();
        }
    }
    if g.rng.pct(25) {
        g.bpf_loop();
    }
    g.put("out");
    g.ret();
    if g.callback {
        g.callback_body();
    }
    push_lines(&mut text, &g.asm.lines);
    text
}

impl BtfGen<'_> {
    /// Registers holding a struct pointer.
    fn ptr_regs(&self) -> Vec<u8> {
        (0u8..10)
            .filter(|&r| r != 6 && matches!(self.regs[r as usize], Some(Val::Ptr { .. })))
            .collect()
    }

    /// A register that keeps its value across calls, for a loaded value.
    fn callee_saved(&mut self) -> u8 {
        self.rng.pick(&[7u8, 8, 9])
    }

    /// A helper call clobbers r1-r5 and sets r0.
    fn called(&mut self, r0: Val) {
        for r in 1..=5 {
            self.regs[r] = None;
        }
        self.regs[0] = Some(r0);
    }

    /// Loads a context slot into `dst`: mostly an argument as a whole,
    /// sometimes a part of it, past the last, misaligned or negative.
    fn load_arg(&mut self, dst: u8, prefer_ptr: bool) {
        let n = self.args.len() as i64;
        let ptrs: Vec<i64> = (0..n)
            .filter(|&i| matches!(self.args[i as usize], Val::Ptr { .. }))
            .collect();
        let (off, size) = match self.rng.weighted(&[80, 6, 5, 4, 3, 2]) {
            0 => {
                let i = if prefer_ptr && !ptrs.is_empty() && self.rng.pct(85) {
                    self.rng.pick(&ptrs)
                } else {
                    self.rng.range(0, (n - 1).max(0))
                };
                (i * 8, 8)
            }
            1 => {
                let (_, s) = self.rng.pick(SIZES);
                (self.rng.range(0, (n - 1).max(0)) * 8, s)
            }
            2 => (n * 8 + self.rng.pick(&[0i64, 8]), 8),
            3 => (
                self.rng.range(0, n.max(1)) * 8 + self.rng.pick(&[1i64, 4]),
                4,
            ),
            4 => (-8, 8),
            _ => (self.rng.pick(&[96i64, 4096]), 8),
        };
        self.e(format!(
            "r{dst} = *({} *)(r6 {})",
            size_name(size),
            disp(off)
        ));
        let v = if size == 8 && off >= 0 && off % 8 == 0 {
            self.args
                .get((off / 8) as usize)
                .copied()
                .unwrap_or(Val::Scalar)
        } else {
            Val::Scalar
        };
        self.regs[dst as usize] = Some(v);
    }

    /// A member of the struct `p` points to: mostly as a whole, sometimes
    /// a part, or a spot near its end or past the struct.
    fn deref(&mut self, p: u8, dst: u8) {
        let Some(Val::Ptr { id, off, .. }) = self.regs[p as usize] else {
            return;
        };
        let mut ms = Vec::new();
        members(self.b, id, 0, 0, &mut ms);
        let struct_size = self.b.size_of(id).unwrap_or(0) as i64;
        let ptr_members: Vec<Member> = ms
            .iter()
            .copied()
            .filter(|m| matches!(m.val, Val::Ptr { .. }))
            .collect();
        let (at, size, val) = match self.rng.weighted(&[45, 25, 8, 8, 7, 7]) {
            // a pointer member, to walk on
            0 if !ptr_members.is_empty() => {
                let m = ptr_members[self.rng.below(ptr_members.len() as u64) as usize];
                (m.off, 8, m.val)
            }
            // any member, at its own size when that is a load size
            0 | 1 if !ms.is_empty() => {
                let m = ms[self.rng.below(ms.len() as u64) as usize];
                let size = if [1, 2, 4, 8].contains(&m.size) && !m.bitfield {
                    m.size
                } else {
                    self.rng.pick(SIZES).1
                };
                let val = if size == 8 { m.val } else { Val::Scalar };
                (m.off, size, val)
            }
            // a member's later bytes, a load wider than the member
            2 if !ms.is_empty() => {
                let m = ms[self.rng.below(ms.len() as u64) as usize];
                let (_, size) = self.rng.pick(SIZES);
                (m.off + self.rng.range(0, m.size.max(1)), size, Val::Scalar)
            }
            // the end of the struct
            3 => {
                let (_, size) = self.rng.pick(SIZES);
                (struct_size - self.rng.range(0, 8), size, Val::Scalar)
            }
            // before it
            4 => (-self.rng.pick(&[1i64, 8]), 8, Val::Scalar),
            _ => {
                let (_, size) = self.rng.pick(SIZES);
                (self.rng.range(0, struct_size.max(1)), size, Val::Scalar)
            }
        };
        self.e(format!(
            "r{dst} = *({} *)(r{p} {})",
            size_name(size),
            disp(at - off)
        ));
        self.regs[dst as usize] = Some(val);
    }

    fn op(&mut self) {
        let ptrs = self.ptr_regs();
        let have = !ptrs.is_empty();
        let w = [
            14,                                          // another argument
            if have { 34 } else { 0 },                   // a member load
            if have { 8 } else { 0 },                    // a NULL check
            if have { 4 } else { 0 },                    // a store through the pointer
            if have { 7 } else { 0 },                    // pointer arithmetic
            22,                                          // a helper
            3,                                           // a moved context
            3,                                           // a context store
            if self.kfuncs { 18 } else { 0 },            // a kernel function
            if self.storage.is_some() { 16 } else { 0 }, // local storage
            if self.bufs { 30 } else { 0 },              // a buffer
        ];
        match self.rng.weighted(&w) {
            0 => {
                let d = self.callee_saved();
                let prefer_ptr = self.rng.pct(60);
                self.load_arg(d, prefer_ptr);
            }
            1 => {
                let p = self.rng.pick(&ptrs);
                let d = if self.rng.pct(85) {
                    self.callee_saved()
                } else {
                    self.rng.pick(&[0u8, 2, 3])
                };
                self.deref(p, d);
            }
            2 => {
                let p = self.rng.pick(&ptrs);
                let op = self.rng.pick(&["==", "==", "!="]);
                let to = if self.rng.pct(80) {
                    self.out.clone()
                } else {
                    self.label()
                };
                self.e(format!("if r{p} {op} 0 goto {to}"));
                if let Some(Val::Ptr { maybe_null, .. }) = self.regs[p as usize].as_mut() {
                    *maybe_null = false;
                }
                if to != self.out {
                    self.deref(p, 0);
                    self.put(&to);
                }
            }
            3 => {
                let p = self.rng.pick(&ptrs);
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.rng.range(0, 16) / n * n;
                if self.rng.pct(50) {
                    self.e(format!("*({sz} *)(r{p} + {off}) = 0"));
                } else {
                    self.e(format!("*({sz} *)(r{p} + {off}) = r6"));
                }
            }
            4 => {
                let p = self.rng.pick(&ptrs);
                match self.rng.weighted(&[50, 25, 25]) {
                    0 => {
                        let k = self.rng.pick(&[8i64, 16, -8, 4096, 24]);
                        self.e(format!("r{p} += {k}"));
                        if let Some(Val::Ptr { off, .. }) = self.regs[p as usize].as_mut() {
                            *off += k;
                        }
                    }
                    1 => {
                        // an unknown, bounded or not
                        self.e("r1 = *(u64 *)(r6 + 0)");
                        if self.rng.pct(50) {
                            self.e("r1 &= 7");
                        }
                        self.e(format!("r{p} += r1"));
                        self.regs[p as usize] = Some(Val::Opaque);
                        self.regs[1] = Some(Val::Scalar);
                    }
                    _ => {
                        // pointer and pointer, pointer and context
                        let q = self.rng.pick(&[6u8, 7, 8, 9]);
                        let op = self.rng.pick(&["-=", "+=", "&="]);
                        self.e(format!("r{p} {op} r{q}"));
                        self.regs[p as usize] = Some(Val::Scalar);
                    }
                }
            }
            5 => self.helper(),
            6 => {
                self.e("r1 = r6");
                let k = self.rng.pick(&[8i64, 16, 4]);
                self.e(format!("r1 += {k}"));
                self.e("r0 = *(u64 *)(r1 + 0)");
                self.regs[0] = Some(Val::Scalar);
                self.regs[1] = None;
            }
            8 => self.kfunc(),
            9 => self.storage(),
            10 => self.buffer(),
            _ => {
                // an LSM program may write its context (btf_ctx_access is
                // its is_valid_access), tracing programs may not
                let (sz, n) = self.rng.pick(SIZES);
                let off = match self.rng.weighted(&[85, 10, 5]) {
                    0 => self.rng.range(0, self.args.len().max(1) as i64) * 8 / n * n,
                    1 => self.rng.range(0, self.args.len().max(1) as i64) * 8 + 4,
                    _ => -8,
                };
                if self.rng.pct(50) {
                    self.e(format!("*({sz} *)(r6 {}) = 0", disp(off)));
                } else {
                    let v = self.rng.pick(&[0u8, 7]);
                    if v == 0 {
                        self.e("r0 = 1");
                    }
                    self.e(format!("*({sz} *)(r6 {}) = r{v}", disp(off)));
                }
            }
        }
    }

    /// An argument that points to something other than a struct (an
    /// iterator's key or value buffer, a `char *`): loaded, maybe
    /// NULL-checked, read or written at offsets around its start, at a
    /// constant or a bounded unknown offset.
    fn buffer(&mut self) {
        let n = self.args.len() as i64;
        let opaque: Vec<i64> = (0..n)
            .filter(|&i| self.args[i as usize] == Val::Opaque)
            .collect();
        let slot = if !opaque.is_empty() && self.rng.pct(90) {
            self.rng.pick(&opaque)
        } else {
            self.rng.range(0, (n - 1).max(0))
        };
        let p = self.callee_saved();
        self.e(format!("r{p} = *(u64 *)(r6 + {})", slot * 8));
        self.regs[p as usize] = Some(Val::Opaque);
        if self.rng.pct(85) {
            self.e(format!("if r{p} == 0 goto {}", self.out));
        }
        if self.rng.pct(20) {
            self.e("r1 = *(u64 *)(r6 + 0)");
            self.e("r1 = *(u32 *)(r1 + 0)");
            if self.rng.pct(70) {
                let m = self.rng.pick(&[7i64, 15, 255]);
                self.e(format!("r1 &= {m}"));
            }
            self.e(format!("r{p} += r1"));
            self.regs[1] = Some(Val::Scalar);
        }
        let (sz, n) = self.rng.pick(SIZES);
        let off = match self.rng.weighted(&[60, 15, 10, 15]) {
            0 => self.rng.range(0, 8) * n,
            1 => self.rng.pick(&[1i64, 3, 5]),
            2 => -self.rng.pick(&[1i64, 8]),
            _ => self.rng.pick(&[64i64, 512, 4096, 32760]),
        };
        match self.rng.weighted(&[60, 25, 15]) {
            0 => {
                let d = self.rng.pick(&[0u8, 2, 3]);
                self.e(format!("r{d} = *({sz} *)(r{p} {})", disp(off)));
                self.regs[d as usize] = Some(Val::Scalar);
            }
            1 => self.e(format!("*({sz} *)(r{p} {}) = 1", disp(off))),
            _ => self.e(format!("*({sz} *)(r{p} {}) = r6", disp(off))),
        }
    }

    /// A cpumask of the program's own (`bpf_cpumask_create`), checked or
    /// not, set and read (as the `struct cpumask` it begins with),
    /// released, leaked, released twice or used after.
    fn cpumask(&mut self) {
        self.e("call bpf_cpumask_create");
        self.called(Val::Scalar);
        let d = self.callee_saved();
        self.e(format!("r{d} = r0"));
        if self.rng.pct(85) {
            self.e(format!("if r{d} == 0 goto {}", self.out));
        }
        self.regs[d as usize] = Some(Val::Scalar);
        let uses = self.rng.range(1, 3);
        for _ in 0..uses {
            let cpu = self.rng.pick(&[0i64, 1, 7, 4096]);
            match self.rng.weighted(&[30, 25, 20, 15, 10]) {
                0 => {
                    self.e(format!("r1 = {cpu}"));
                    self.e(format!("r2 = r{d}"));
                    self.e("call bpf_cpumask_set_cpu");
                }
                1 => {
                    self.e(format!("r1 = {cpu}"));
                    self.e(format!("r2 = r{d}"));
                    self.e("call bpf_cpumask_test_cpu");
                }
                2 => {
                    self.e(format!("r1 = r{d}"));
                    self.e("call bpf_cpumask_first");
                }
                3 => {
                    // another reference to it
                    self.e(format!("r1 = r{d}"));
                    self.e("call bpf_cpumask_acquire");
                    if self.rng.pct(70) {
                        self.e("r1 = r0");
                        self.e("call bpf_cpumask_release");
                    }
                }
                _ => {
                    // a pointer that is not its own
                    self.btf_arg(1);
                    self.e("call bpf_cpumask_weight");
                }
            }
            self.called(Val::Scalar);
        }
        match self.rng.weighted(&[70, 10, 10, 10]) {
            0 => {
                self.e(format!("r1 = r{d}"));
                self.e("call bpf_cpumask_release");
            }
            1 => {} // leaked
            2 => {
                for _ in 0..2 {
                    self.e(format!("r1 = r{d}"));
                    self.e("call bpf_cpumask_release");
                }
            }
            _ => {
                self.e(format!("r1 = r{d}"));
                self.e("call bpf_cpumask_release");
                self.e(format!("r1 = r{d}"));
                self.e("call bpf_cpumask_first");
            }
        }
        self.called(Val::Scalar);
    }

    /// An open-coded iterator over a task's VMAs on the stack: created
    /// from a task pointer (held, the current task, or not a task), its
    /// `next` looped over (the VMA read, NULL-checked or not), destroyed
    /// or not; sometimes created twice, or `next` without `new`.
    fn task_vma_iter(&mut self) {
        let it = self.rng.pick(&[24i64, 24, 24, 20]);
        let skip_new = self.rng.pct(5);
        if !skip_new {
            self.e("r1 = r10");
            self.e(format!("r1 += -{it}"));
            match self.rng.weighted(&[60, 30, 10]) {
                0 => self.btf_arg(2),
                1 => {
                    self.e("call bpf_get_current_task_btf");
                    self.e("r2 = r0");
                    self.e("r1 = r10");
                    self.e(format!("r1 += -{it}"));
                }
                _ => self.e("r2 = 0"),
            }
            self.e("r3 = 0");
            self.e("call bpf_iter_task_vma_new");
            self.called(Val::Scalar);
        }
        let top = self.label();
        let done = self.label();
        self.put(&top);
        self.e("r1 = r10");
        self.e(format!("r1 += -{it}"));
        self.e("call bpf_iter_task_vma_next");
        if self.rng.pct(90) {
            self.e(format!("if r0 == 0 goto {done}"));
        }
        let (sz, _) = self.rng.pick(SIZES);
        let off = self.rng.pick(&[0i64, 8, 16, 1000]);
        self.e(format!("r1 = *({sz} *)(r0 + {off})"));
        if self.rng.pct(85) {
            self.e(format!("goto {top}"));
        }
        self.put(&done);
        if self.rng.pct(85) {
            self.e("r1 = r10");
            self.e(format!("r1 += -{it}"));
            self.e("call bpf_iter_task_vma_destroy");
        }
        self.called(Val::Scalar);
    }

    /// A pointer for a helper argument that wants a kernel object: mostly
    /// a struct pointer held, sometimes the context, a scalar or a moved
    /// pointer.
    fn btf_arg(&mut self, r: u8) {
        let ptrs = self.ptr_regs();
        match self.rng.weighted(&[75, 8, 8, 9]) {
            0 | 3 if !ptrs.is_empty() => {
                let p = self.rng.pick(&ptrs);
                self.e(format!("r{r} = r{p}"));
                if self.rng.pct(12) {
                    self.e(format!("r{r} += 8"));
                }
            }
            1 => self.e(format!("r{r} = r6")),
            2 => self.e(format!("r{r} = 0")),
            _ => self.e(format!("r{r} = r10")),
        }
    }

    /// Stack memory for a helper to fill: its pointer in `r` and its size
    /// in `r+1`.
    fn stack_buf(&mut self, r: u8) {
        let (off, size) = self
            .rng
            .pick(&[(16i64, 16i64), (32, 32), (8, 16), (32, 0), (8, 8)]);
        self.e(format!("r{r} = r10"));
        self.e(format!("r{r} += -{off}"));
        self.e(format!("r{} = {size}", r + 1));
    }

    fn helper(&mut self) {
        let task = self.b.find(btf::KIND_STRUCT, "task_struct");
        let name = self.rng.pick(&[
            "bpf_probe_read_kernel",
            "bpf_probe_read_kernel",
            "bpf_probe_read_kernel_str",
            "bpf_get_current_task_btf",
            "bpf_get_current_task_btf",
            "bpf_get_current_task",
            "bpf_task_pt_regs",
            "bpf_skc_to_tcp_sock",
            "bpf_skc_to_tcp6_sock",
            "bpf_skc_to_unix_sock",
            "bpf_sock_from_file",
            "bpf_get_func_ip",
            "bpf_get_func_arg",
            "bpf_get_func_ret",
            "bpf_get_func_arg_cnt",
            "bpf_get_stack",
            "bpf_get_task_stack",
            "bpf_d_path",
            "bpf_copy_from_user",
            "bpf_get_current_comm",
            "bpf_ima_file_hash",
            "bpf_get_attach_cookie",
            "bpf_send_signal",
            "bpf_get_current_pid_tgid",
        ]);
        let mut r0 = Val::Scalar;
        match name {
            "bpf_probe_read_kernel" | "bpf_probe_read_kernel_str" => {
                self.stack_buf(1);
                self.btf_arg(3);
            }
            "bpf_get_current_task_btf" => {
                if let Some(id) = task {
                    r0 = Val::Ptr {
                        id,
                        off: 0,
                        maybe_null: false,
                    };
                }
            }
            "bpf_task_pt_regs" | "bpf_get_task_stack" => {
                self.btf_arg(1);
                if name == "bpf_get_task_stack" {
                    self.stack_buf(2);
                    self.e("r4 = 0");
                } else if let Some(id) = self.b.find(btf::KIND_STRUCT, "pt_regs") {
                    r0 = Val::Ptr {
                        id,
                        off: 0,
                        maybe_null: false,
                    };
                }
            }
            "bpf_skc_to_tcp_sock" | "bpf_skc_to_tcp6_sock" | "bpf_skc_to_unix_sock" => {
                self.btf_arg(1);
                let s = &name["bpf_skc_to_".len()..];
                if let Some(id) = self.b.find(btf::KIND_STRUCT, s) {
                    r0 = Val::Ptr {
                        id,
                        off: 0,
                        maybe_null: true,
                    };
                }
            }
            "bpf_sock_from_file" => {
                self.btf_arg(1);
                if let Some(id) = self.b.find(btf::KIND_STRUCT, "socket") {
                    r0 = Val::Ptr {
                        id,
                        off: 0,
                        maybe_null: true,
                    };
                }
            }
            "bpf_get_func_ip" | "bpf_get_func_arg_cnt" | "bpf_get_attach_cookie" => {
                self.e("r1 = r6");
            }
            "bpf_get_func_arg" => {
                self.e("r1 = r6");
                let n = self.rng.pick(&[0i64, 1, 5]);
                self.e(format!("r2 = {n}"));
                self.e("r3 = r10");
                self.e("r3 += -8");
            }
            "bpf_get_func_ret" => {
                self.e("r1 = r6");
                self.e("r2 = r10");
                self.e("r2 += -8");
            }
            "bpf_get_stack" => {
                self.e("r1 = r6");
                self.stack_buf(2);
                self.e("r4 = 0");
            }
            "bpf_d_path" | "bpf_ima_file_hash" => {
                // the path inside a file, or the pointer as it is
                self.btf_arg(1);
                if self.rng.pct(40) {
                    self.e("r1 += 16");
                }
                self.stack_buf(2);
            }
            "bpf_copy_from_user" => {
                self.stack_buf(1);
                self.e("r3 = *(u64 *)(r6 + 0)");
            }
            "bpf_get_current_comm" => self.stack_buf(1),
            "bpf_send_signal" => self.e("r1 = 9"),
            _ => {}
        }
        self.e(format!("call {name}"));
        self.called(r0);
        if matches!(r0, Val::Ptr { .. }) {
            let d = self.callee_saved();
            self.e(format!("r{d} = r0"));
            self.regs[d as usize] = Some(r0);
            if let Val::Ptr {
                maybe_null: true, ..
            } = r0
            {
                if self.rng.pct(80) {
                    self.e(format!("if r{d} == 0 goto {}", self.out));
                }
            }
        }
    }

    /// A kernel function: a task or cgroup reference taken (from a
    /// pointer held, perhaps the wrong kind, moved or untrusted), released
    /// or not, twice, or the pointer used after; an RCU read section
    /// around a walk, left open, or closed without opening.
    fn kfunc(&mut self) {
        let task = self.b.find(btf::KIND_STRUCT, "task_struct");
        let cgroup = self.b.find(btf::KIND_STRUCT, "cgroup");
        // (`--iter` adds cpumasks and a task's VMAs, open-coded)
        let more = if self.bufs { 25 } else { 0 };
        match self.rng.weighted(&[40, 15, 15, 15, 15, more, more]) {
            5 => self.cpumask(),
            6 => self.task_vma_iter(),
            0 => {
                // acquire from a pointer held, check, release or not
                self.btf_arg(1);
                self.e("call bpf_task_acquire");
                self.called(Val::Scalar);
                let d = self.callee_saved();
                self.e(format!("r{d} = r0"));
                if self.rng.pct(85) {
                    self.e(format!("if r{d} == 0 goto {}", self.out));
                }
                self.regs[d as usize] = task.map(|id| Val::Ptr {
                    id,
                    off: 0,
                    maybe_null: false,
                });
                match self.rng.weighted(&[60, 15, 15, 10]) {
                    0 => {
                        self.e(format!("r1 = r{d}"));
                        self.e("call bpf_task_release");
                        self.called(Val::Scalar);
                    }
                    1 => {} // leaked
                    2 => {
                        // released twice
                        for _ in 0..2 {
                            self.e(format!("r1 = r{d}"));
                            self.e("call bpf_task_release");
                        }
                        self.called(Val::Scalar);
                    }
                    _ => {
                        // used after release
                        self.e(format!("r1 = r{d}"));
                        self.e("call bpf_task_release");
                        self.called(Val::Scalar);
                        self.deref(d, 0);
                    }
                }
            }
            1 => {
                let pid = self.rng.pick(&[0i64, 1, -1]);
                self.e(format!("r1 = {pid}"));
                self.e("call bpf_task_from_pid");
                self.called(Val::Scalar);
                let d = self.callee_saved();
                self.e(format!("r{d} = r0"));
                if self.rng.pct(80) {
                    self.e(format!("if r{d} == 0 goto {}", self.out));
                    if self.rng.pct(80) {
                        self.e(format!("r1 = r{d}"));
                        self.e("call bpf_task_release");
                        self.called(Val::Scalar);
                    }
                }
                self.regs[d as usize] = Some(Val::Scalar);
            }
            2 => {
                // an RCU section around a walk
                self.e("call bpf_rcu_read_lock");
                self.called(Val::Scalar);
                let ptrs = self.ptr_regs();
                if !ptrs.is_empty() {
                    let p = self.rng.pick(&ptrs);
                    let d = self.callee_saved();
                    self.deref(p, d);
                }
                if self.rng.pct(80) {
                    self.e("call bpf_rcu_read_unlock");
                    self.called(Val::Scalar);
                }
            }
            3 => {
                self.e("call bpf_rcu_read_unlock");
                self.called(Val::Scalar);
            }
            _ => {
                // a cgroup reference from whatever is held
                self.btf_arg(1);
                self.e("call bpf_cgroup_acquire");
                self.called(Val::Scalar);
                let d = self.callee_saved();
                self.e(format!("r{d} = r0"));
                self.e(format!("if r{d} == 0 goto {}", self.out));
                if self.rng.pct(85) {
                    self.e(format!("r1 = r{d}"));
                    self.e("call bpf_cgroup_release");
                    self.called(Val::Scalar);
                }
                self.regs[d as usize] = cgroup.map(|id| Val::Ptr {
                    id,
                    off: 0,
                    maybe_null: false,
                });
            }
        }
    }

    /// A local storage helper on a kernel pointer held (or the wrong
    /// one): get (creating or not, with a value on the stack or none),
    /// the value used with or without a NULL check, or delete.
    fn storage(&mut self) {
        let Some(st) = self.storage else { return };
        let kind = st.trim_end_matches("_storage");
        if self.rng.pct(20) {
            self.e("r1 = st ll");
            self.btf_arg(2);
            self.e(format!("call bpf_{kind}_storage_delete"));
            self.called(Val::Scalar);
            return;
        }
        self.e("r1 = st ll");
        self.btf_arg(2);
        if self.rng.pct(30) {
            self.e("r3 = r10");
            self.e("r3 += -16");
        } else {
            self.e("r3 = 0");
        }
        let flags = self.rng.pick(&[0i64, 1, 1, 2]);
        self.e(format!("r4 = {flags}"));
        self.e(format!("call bpf_{kind}_storage_get"));
        self.called(Val::Scalar);
        if self.rng.pct(80) {
            self.e(format!("if r0 == 0 goto {}", self.out));
        }
        let (sz, n) = self.rng.pick(SIZES);
        let off = self.rng.pick(&[0i64, 8, 12, 16]) / n * n;
        if self.rng.pct(50) {
            self.e(format!("r0 = *({sz} *)(r0 + {off})"));
        } else {
            self.e(format!("*({sz} *)(r0 + {off}) = 1"));
        }
        self.regs[0] = Some(Val::Scalar);
    }

    /// `bpf_loop(n, cb, &fp[-8], 0)`, fp[-8] holding a kernel pointer
    /// held or, with kfuncs, a task reference the program took (released
    /// after the loop or not): the callback may release what it does not
    /// own (the lesson of commit 9d9d00ac), take its own reference and
    /// leak it, or read through the pointer.
    fn bpf_loop(&mut self) {
        let mut acquired = None;
        if self.kfuncs && self.rng.pct(60) {
            self.e("call bpf_get_current_task_btf");
            self.e("r1 = r0");
            self.e("call bpf_task_acquire");
            self.e(format!("if r0 == 0 goto {}", self.out));
            self.e("r9 = r0");
            self.e("*(u64 *)(r10 - 8) = r0");
            self.called(Val::Scalar);
            acquired = Some(9u8);
        } else {
            let ptrs = self.ptr_regs();
            if let Some(&p) = ptrs.first() {
                self.e(format!("*(u64 *)(r10 - 8) = r{p}"));
            }
        }
        let n = self.rng.pick(&["1", "8", "r7"]);
        if n == "r7" {
            self.e("r1 = *(u64 *)(r6 + 0)");
            self.e("r1 &= 15");
        } else {
            self.e(format!("r1 = {n}"));
        }
        self.e("r2 = cb ll");
        self.e("r3 = r10");
        self.e("r3 += -8");
        self.e("r4 = 0");
        self.e("call bpf_loop");
        self.called(Val::Scalar);
        self.callback = true;
        if let Some(r) = acquired {
            if self.rng.pct(75) {
                self.e(format!("r1 = r{r}"));
                self.e("call bpf_task_release");
                self.called(Val::Scalar);
            }
            self.regs[r as usize] = Some(Val::Scalar);
        }
    }

    /// The callback: `(u32 index, void *ctx)`, ctx the caller's fp[-8].
    fn callback_body(&mut self) {
        self.put("cb");
        let kfuncs = self.kfuncs;
        match self.rng.weighted(&[25, 25, 30, 20]) {
            0 if kfuncs => {
                // releases the caller's reference (or pointer)
                self.e("r1 = *(u64 *)(r2 + 0)");
                self.e("call bpf_task_release");
            }
            1 if kfuncs => {
                // its own reference, released or leaked
                self.e("r1 = 1");
                self.e("call bpf_task_from_pid");
                self.e("if r0 == 0 goto cb_out");
                if self.rng.pct(65) {
                    self.e("r1 = r0");
                    self.e("call bpf_task_release");
                }
                self.put("cb_out");
            }
            0..=2 => {
                // reads through the caller's pointer
                self.e("r1 = *(u64 *)(r2 + 0)");
                let off = self.rng.pick(&[0i64, 8, 16, 24]);
                self.e(format!("r0 = *(u32 *)(r1 + {off})"));
            }
            _ => {
                // the index decides
                self.e("if r1 > 3 goto cb_one");
            }
        }
        let ret = self.rng.pick(&[0i64, 0, 0, 1, 2]);
        self.e(format!("r0 = {ret}"));
        self.e("exit");
        if self.asm.lines.iter().any(|l| l.contains("goto cb_one")) {
            self.put("cb_one");
            self.e("r0 = 1");
            self.e("exit");
        }
    }

    fn ret(&mut self) {
        match self.rng.weighted(&[60, 25, 8, 7]) {
            0 => self.e("r0 = 0"),
            1 => {
                let v = self
                    .rng
                    .pick(&[1i64, -1, -4095, -4096, 2, -22, 0x7fff_ffff]);
                self.e(format!("r0 = {v}"));
            }
            2 => self.e("r0 = *(u64 *)(r6 + 0)"),
            _ => {
                let ptrs = self.ptr_regs();
                match ptrs.first() {
                    Some(p) => self.e(format!("r0 = r{p}")),
                    None => self.e("r0 = 0"),
                }
            }
        }
        self.e("exit");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn btf_probes_parse_and_are_deterministic() {
        for seed in 0..300 {
            let text = program(seed);
            assert_eq!(text, program(seed));
            if let Err(e) = veristep_core::asm::parse(&text) {
                panic!("seed {seed}: {e:?}\n{text}");
            }
            let text = iter_program(seed);
            assert_eq!(text, iter_program(seed));
            if let Err(e) = veristep_core::asm::parse(&text) {
                panic!("iter seed {seed}: {e:?}\n{text}");
            }
        }
    }

    #[test]
    fn deep_btf_probes_are_deterministic_and_go_deep() {
        if kernel_btf().is_none() {
            return;
        }
        let mut insns = 0;
        for seed in 0..60 {
            for iter in [false, true] {
                let text = deep_program(seed, iter);
                assert_eq!(text, deep_program(seed, iter));
                insns += text.lines().filter(|l| l.starts_with("    ")).count();
            }
        }
        assert!(
            insns / 120 > 15,
            "deep BTF probes average {} lines",
            insns / 120
        );
    }

    #[test]
    fn targets_have_arguments() {
        let b = kernel_btf().expect("static/btf/linux-6.1.btf.gz");
        for (kind, target) in TARGETS.iter().chain(ITER_TARGETS) {
            assert!(!args(b, kind, target).is_empty(), "{kind} {target}");
        }
    }
}
