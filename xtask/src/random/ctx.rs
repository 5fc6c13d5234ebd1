//! Context and program-type probes (`kernel-diff --random N --ctx`):
//! programs of every program type the text format's contract names
//! (ASM.md: socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp,
//! cgroup_skb, raw_tracepoint, syscall) that touch what differs between
//! the types: context loads and stores of every size at offsets inside,
//! across and past the context's fields (`is_valid_access`,
//! `convert_ctx_access`), the pointers the context hands out (packet
//! data, sockets) and accesses through them, a moved context pointer,
//! legacy packet loads, calls of any helper number with plausible
//! arguments (each type's `get_func_proto`, then the argument checks),
//! and return values around each type's allowed range. The kernel's
//! verdict, message, error instruction and counters must be veristep's.

use super::gen::Rng;
use super::writer::{push_lines, Asm, Emit};
use std::fmt::Write;

/// A program type, as `.prog_type` names it, and the bytes of context
/// whose offsets are drawn most (the rest are drawn past it).
struct TypeInfo {
    /// `.prog_type`'s words: the type and its hook, if any.
    name: &'static str,
    ctx_size: i64,
    /// `__sk_buff` (packet data, `sk`, legacy packet loads) or `xdp_md`.
    ctx: Ctx,
    /// The context's packet pointers (start, end), if any: `__sk_buff`'s
    /// and `xdp_md`'s 32-bit fields, or the 64-bit pointer fields of
    /// `sk_msg_md`, `sk_reuseport_md`, `bpf_sockopt`, `bpf_sock_ops`.
    packet: Option<(i64, i64)>,
    /// The context's socket pointer, if any (a 64-bit field).
    sk: Option<i64>,
}

const SKB: (Ctx, Option<(i64, i64)>, Option<i64>) = (Ctx::Skb, Some((76, 80)), Some(168));
const XDP: (Ctx, Option<(i64, i64)>, Option<i64>) = (Ctx::Xdp, Some((0, 4)), None);
const PLAIN: (Ctx, Option<(i64, i64)>, Option<i64>) = (Ctx::Plain, None, None);

const fn ty(
    name: &'static str,
    ctx_size: i64,
    k: (Ctx, Option<(i64, i64)>, Option<i64>),
) -> TypeInfo {
    TypeInfo {
        name,
        ctx_size,
        ctx: k.0,
        packet: k.1,
        sk: k.2,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Skb,
    Xdp,
    /// pt_regs, tracepoint buffers, raw tracepoint arguments, syscall
    /// arguments: plain memory the kernel bounds by type.
    Plain,
}

const TYPES: &[TypeInfo] = &[
    ty("socket_filter", 192, SKB),
    ty("sched_cls", 192, SKB),
    ty("sched_act", 192, SKB),
    ty("cgroup_skb", 192, SKB),
    ty("xdp", 24, XDP),
    ty("kprobe", 168, PLAIN),
    ty("tracepoint", 64, PLAIN),
    ty("raw_tracepoint", 96, PLAIN),
    ty("syscall", 64, PLAIN),
];

/// The program types (and hooks) outside the oracle's `kernel-verdict`,
/// which the format's extensions name and kernel-diff's VM loads
/// (`--types`): each with its context's size and pointers (Linux 6.1's
/// uapi layouts).
const VM_TYPES: &[TypeInfo] = &[
    ty("perf_event", 184, PLAIN),
    ty("sk_skb", 192, SKB),
    ty("sk_msg", 80, (Ctx::Plain, Some((0, 8)), Some(72))),
    ty("sock_ops", 216, (Ctx::Plain, Some((192, 200)), Some(184))),
    ty("cgroup_sock_addr bind4", 72, (Ctx::Plain, None, Some(64))),
    ty(
        "cgroup_sock_addr connect4",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty(
        "cgroup_sock_addr connect6",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty(
        "cgroup_sock_addr sendmsg4",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty(
        "cgroup_sock_addr sendmsg6",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty(
        "cgroup_sock_addr recvmsg4",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty(
        "cgroup_sock_addr getpeername6",
        72,
        (Ctx::Plain, None, Some(64)),
    ),
    ty("cgroup_sock sock_create", 80, PLAIN),
    ty("cgroup_sock sock_release", 80, PLAIN),
    ty("cgroup_sock post_bind4", 80, PLAIN),
    ty("cgroup_sock post_bind6", 80, PLAIN),
    ty(
        "cgroup_sockopt getsockopt",
        40,
        (Ctx::Plain, Some((8, 16)), Some(0)),
    ),
    ty(
        "cgroup_sockopt setsockopt",
        40,
        (Ctx::Plain, Some((8, 16)), Some(0)),
    ),
    ty("cgroup_skb egress", 192, SKB),
    ty("cgroup_device", 12, PLAIN),
    ty("cgroup_sysctl", 8, PLAIN),
    ty("sk_lookup", 72, (Ctx::Plain, None, Some(0))),
    ty("sk_reuseport", 56, (Ctx::Plain, Some((0, 8)), Some(40))),
    ty("flow_dissector", 192, (Ctx::Skb, Some((76, 80)), None)),
    ty("lwt_in", 192, SKB),
    ty("lwt_out", 192, SKB),
    ty("lwt_xmit", 192, SKB),
    ty("lwt_seg6local", 192, SKB),
    ty("raw_tracepoint_writable", 96, PLAIN),
    ty("xdp devmap", 24, XDP),
    ty("xdp cpumap", 24, XDP),
];

pub(super) const SIZES: &[(&str, i64)] = &[("u8", 1), ("u16", 2), ("u32", 4), ("u64", 8)];

struct CtxGen {
    rng: Rng,
    ty: &'static TypeInfo,
    asm: Asm,
    /// r7 holds a scalar (the value stores write).
    map: bool,
    /// Subprograms and callbacks (deep probes), written after the main
    /// program's exit.
    subs: Vec<String>,
}

impl Emit for CtxGen {
    fn asm(&mut self) -> &mut Asm {
        &mut self.asm
    }
}

/// `+ 4`, `- 4`: an offset as the format writes it.
pub(super) fn disp(off: i64) -> String {
    if off < 0 {
        format!("- {}", -off)
    } else {
        format!("+ {off}")
    }
}

/// Program text for context probe `seed`.
pub fn program(seed: u64) -> String {
    probe(seed, TYPES)
}

/// Program text for context probe `seed` of a type kernel-diff's VM
/// loads ([`VM_TYPES`]).
pub fn vm_program(seed: u64) -> String {
    probe(seed, VM_TYPES)
}

fn probe(seed: u64, types: &'static [TypeInfo]) -> String {
    let mut rng = Rng::new(seed);
    let ty = &types[rng.below(types.len() as u64) as usize];
    let map = rng.pct(30);
    let mut g = CtxGen {
        rng,
        ty,
        asm: Asm::default(),
        map,
        subs: Vec::new(),
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {}", ty.name);
    if map {
        let _ = writeln!(out, ".map m0 hash key=8 value=16 entries=4");
    }
    g.e("r6 = r1");
    // the stack slots helpers are pointed at hold zeroes
    for off in [8, 16, 24, 32] {
        g.e(format!("*(u64 *)(r10 - {off}) = 0"));
    }
    let v = g.rng.pick(&[0i64, 1, -1, 0x7fff_ffff]);
    g.e(format!("r7 = {v}"));
    let n = g.rng.range(1, 4);
    for _ in 0..n {
        g.op();
    }
    g.ret();
    push_lines(&mut out, &g.asm.lines);
    out
}

/// Program text for deep probe `seed` (`--deep`; with `--types`, of the
/// types of [`VM_TYPES`]): up to a dozen operations of every kind the
/// other probes draw (context loads and stores, packet and socket
/// accesses, helper calls, helpers with memory arguments) and some that
/// carry state from one to the next (branches over an operation, spills
/// and fills, ALU on loaded values, map value accesses). The other probes
/// are mostly refused at their first operation; here an operation is
/// drawn again while veristep's 6.1 mode refuses the program so far, so a
/// probe walks past the first checks into its type's later rules, and now
/// and then a refused operation is kept and ends it. The programs of a
/// seed therefore depend on veristep's version as well as the seed.
pub fn deep_program(seed: u64, vm: bool) -> String {
    let types = if vm { VM_TYPES } else { TYPES };
    let mut rng = Rng::new(seed);
    let ty = &types[rng.below(types.len() as u64) as usize];
    let mut g = CtxGen {
        rng,
        ty,
        asm: Asm::default(),
        map: true,
        subs: Vec::new(),
    };
    let mut head = String::new();
    let _ = writeln!(head, ".prog_type {}", ty.name);
    // the map's value: plain, or holding a lock or a timer at 0
    let special = g.rng.weighted(&[70, 20, 10]) as u8;
    let decl = match special {
        0 => ".map m0 hash key=8 value=16 entries=4",
        1 => ".map m0 hash key=8 value=16 entries=4 lock=0",
        _ => ".map m0 hash key=8 value=32 entries=4 timer=0",
    };
    let _ = writeln!(head, "{decl}");
    let _ = writeln!(head, ".map rb ringbuf entries=4096");
    g.e("r6 = r1");
    for off in [8, 16, 24, 32] {
        g.e(format!("*(u64 *)(r10 - {off}) = 0"));
    }
    let v = g.rng.pick(&[0i64, 1, -1, 0x7fff_ffff]);
    g.e(format!("r7 = {v}"));
    // r8 and r9 hold values the branches, spills and ALU work on
    let k = g.rng.pick(&[0i64, 14, 0xff]);
    g.e(format!("r8 = {k}"));
    g.unknown_scalar(9);
    let target = g.rng.range(4, 14) as usize;
    let (mut kept, mut tries) = (0, 0);
    while kept < target && tries < 4 * target {
        let mark = (g.asm.lines.len(), g.subs.len());
        g.deep_op(vm, special);
        let mut text = head.clone();
        push_lines(&mut text, &g.asm.lines);
        text.push_str("    r0 = 0\n    exit\n");
        push_lines(&mut text, &g.subs);
        if crate::random::veristep_accepts(&text) {
            kept += 1;
            continue;
        }
        if g.rng.pct(6) {
            // the refused operation is the probe's last
            break;
        }
        g.asm.lines.truncate(mark.0);
        g.subs.truncate(mark.1);
        tries += 1;
    }
    g.ret();
    let mut out = head;
    push_lines(&mut out, g.asm.lines.iter().chain(&g.subs));
    out
}

/// An argument of a helper that takes memory, as its prototype says.
#[derive(Clone, Copy)]
enum Arg {
    /// The context.
    Ctx,
    /// Memory the helper reads (`ARG_PTR_TO_MEM`) or writes
    /// (`ARG_PTR_TO_UNINIT_MEM`).
    Mem,
    /// `ARG_CONST_SIZE` or `ARG_CONST_SIZE_OR_ZERO` of the memory argument
    /// before it.
    Size,
    /// A map (`m0`), or a map key / value on the stack.
    Map,
    Key,
    /// Any value, flags: small constants.
    Any,
    /// A `long *` the helper writes (`ARG_PTR_TO_LONG`): a stack slot,
    /// sometimes misaligned or short, or the region's memory.
    Long,
}

/// Helpers with memory arguments, by name, and their arguments. Each
/// program type offers some of them (`get_func_proto`); the others are
/// refused by name, which is part of the probe.
const MEM_HELPERS: &[(&str, &[Arg])] = &[
    (
        "bpf_skb_load_bytes",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size],
    ),
    (
        "bpf_skb_store_bytes",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size, Arg::Any],
    ),
    (
        "bpf_csum_diff",
        &[Arg::Mem, Arg::Size, Arg::Mem, Arg::Size, Arg::Any],
    ),
    ("bpf_get_current_comm", &[Arg::Mem, Arg::Size]),
    ("bpf_probe_read_kernel", &[Arg::Mem, Arg::Size, Arg::Any]),
    ("bpf_get_stack", &[Arg::Ctx, Arg::Mem, Arg::Size, Arg::Any]),
    ("bpf_trace_printk", &[Arg::Mem, Arg::Size]),
    (
        "bpf_map_update_elem",
        &[Arg::Map, Arg::Key, Arg::Mem, Arg::Any],
    ),
    ("bpf_map_lookup_elem", &[Arg::Map, Arg::Key]),
    (
        "bpf_xdp_load_bytes",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size],
    ),
    (
        "bpf_skb_load_bytes_relative",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size, Arg::Any],
    ),
    ("bpf_get_prandom_u32", &[]),
];

/// Helpers with memory arguments that only the types of [`VM_TYPES`]
/// have (`--types --helpers`), besides [`MEM_HELPERS`], with the types
/// that offer each (drawn for them most of the time).
const VM_MEM_HELPERS: &[(&str, &[Arg], &str)] = &[
    (
        "bpf_sysctl_get_name",
        &[Arg::Ctx, Arg::Mem, Arg::Size, Arg::Any],
        "cgroup_sysctl",
    ),
    (
        "bpf_sysctl_get_current_value",
        &[Arg::Ctx, Arg::Mem, Arg::Size],
        "cgroup_sysctl",
    ),
    (
        "bpf_sysctl_get_new_value",
        &[Arg::Ctx, Arg::Mem, Arg::Size],
        "cgroup_sysctl",
    ),
    (
        "bpf_sysctl_set_new_value",
        &[Arg::Ctx, Arg::Mem, Arg::Size],
        "cgroup_sysctl",
    ),
    (
        "bpf_strtol",
        &[Arg::Mem, Arg::Size, Arg::Any, Arg::Long],
        "cgroup_sysctl",
    ),
    (
        "bpf_strtoul",
        &[Arg::Mem, Arg::Size, Arg::Any, Arg::Long],
        "cgroup_sysctl",
    ),
    (
        "bpf_getsockopt",
        &[Arg::Ctx, Arg::Any, Arg::Any, Arg::Mem, Arg::Size],
        "sock_ops cgroup_sock_addr cgroup_sockopt",
    ),
    (
        "bpf_setsockopt",
        &[Arg::Ctx, Arg::Any, Arg::Any, Arg::Mem, Arg::Size],
        "sock_ops cgroup_sock_addr cgroup_sockopt",
    ),
    (
        "bpf_perf_prog_read_value",
        &[Arg::Ctx, Arg::Mem, Arg::Size],
        "perf_event",
    ),
    (
        "bpf_read_branch_records",
        &[Arg::Ctx, Arg::Mem, Arg::Size, Arg::Any],
        "perf_event",
    ),
    (
        "bpf_lwt_push_encap",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size],
        "lwt_in lwt_xmit",
    ),
    (
        "bpf_lwt_seg6_store_bytes",
        &[Arg::Ctx, Arg::Any, Arg::Mem, Arg::Size],
        "lwt_seg6local",
    ),
    (
        "bpf_load_hdr_opt",
        &[Arg::Ctx, Arg::Mem, Arg::Size, Arg::Any],
        "sock_ops",
    ),
    (
        "bpf_store_hdr_opt",
        &[Arg::Ctx, Arg::Mem, Arg::Size, Arg::Any],
        "sock_ops",
    ),
    (
        "bpf_bind",
        &[Arg::Ctx, Arg::Mem, Arg::Size],
        "cgroup_sock_addr",
    ),
];

/// Program text for helper-memory probe `seed` (`--ctx --helpers`): a
/// program of one of the nine types calling a helper that takes memory,
/// the memory on the stack, in a map value, in the packet, the context
/// or NULL, its size a constant around the region's end or a bounded or
/// unbounded unknown (`check_helper_mem_access`, `check_mem_size_reg`).
pub fn helper_program(seed: u64) -> String {
    helper_probe(seed, TYPES, false)
}

/// [`helper_program`] for the types of [`VM_TYPES`], their own helpers too.
pub fn vm_helper_program(seed: u64) -> String {
    helper_probe(seed, VM_TYPES, true)
}

fn helper_probe(seed: u64, types: &'static [TypeInfo], own: bool) -> String {
    let mut rng = Rng::new(seed);
    let ty = &types[rng.below(types.len() as u64) as usize];
    let mut g = CtxGen {
        rng,
        ty,
        asm: Asm::default(),
        map: true,
        subs: Vec::new(),
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {}", ty.name);
    let _ = writeln!(out, ".map m0 hash key=8 value=16 entries=4");
    g.e("r6 = r1");
    // some of the stack holds zeroes, the rest is uninitialised
    let init = g.rng.pick(&[0i64, 8, 16, 32, 64]);
    for off in (8..=init).step_by(8) {
        g.e(format!("*(u64 *)(r10 - {off}) = 0"));
    }
    g.e("r7 = 0");
    g.helper_mem(own);
    if g.rng.pct(20) {
        g.helper_mem(own);
    }
    g.ret();
    push_lines(&mut out, &g.asm.lines);
    out
}

/// Program text for lock-and-timer probe `seed` (`--locks`): a program of
/// one of the nine types using a map whose value holds a `bpf_spin_lock`
/// or a `bpf_timer` (which program types may, `check_map_prog_compatibility`),
/// taking and releasing the lock (or not, or twice, or with a call or an
/// access to the lock's bytes between), or arming the timer.
pub fn lock_program(seed: u64) -> String {
    lock_probe(seed, TYPES)
}

/// [`lock_program`] for the types of [`VM_TYPES`] (`--types --locks`).
pub fn vm_lock_program(seed: u64) -> String {
    lock_probe(seed, VM_TYPES)
}

fn lock_probe(seed: u64, types: &'static [TypeInfo]) -> String {
    let mut rng = Rng::new(seed);
    let ty = &types[rng.below(types.len() as u64) as usize];
    let timer = rng.pct(35);
    let kind = rng.pick(&["hash", "array"]);
    let mut g = CtxGen {
        rng,
        ty,
        asm: Asm::default(),
        map: true,
        subs: Vec::new(),
    };
    let mut out = String::new();
    let _ = writeln!(out, ".prog_type {}", ty.name);
    let key = if kind == "array" { 4 } else { 8 };
    let mut lock_off = 0;
    if timer {
        let _ = writeln!(out, ".map m0 {kind} key={key} value=32 entries=4 timer=0");
    } else {
        lock_off = g.rng.pick(&[0i64, 0, 8]);
        let _ = writeln!(
            out,
            ".map m0 {kind} key={key} value=16 entries=4 lock={lock_off}"
        );
    }
    g.e("r6 = r1");
    for off in [8, 16, 24, 32] {
        g.e(format!("*(u64 *)(r10 - {off}) = 0"));
    }
    let out_label = g.label();
    let checked = g.rng.pct(92);
    g.lookup_into_r8(&out_label, checked);
    if timer {
        match g.rng.below(4) {
            0 | 1 => {
                g.e("r1 = r8");
                g.e("r2 = m0 ll");
                let clock = g.rng.pick(&[0i64, 1, 7]);
                g.e(format!("r3 = {clock}"));
                g.e("call bpf_timer_init");
            }
            2 => {
                g.e("r1 = r8");
                g.e("r2 = 1000");
                g.e("r3 = 0");
                g.e("call bpf_timer_start");
            }
            _ => {
                // the timer's bytes read directly
                g.e("r0 = *(u64 *)(r8 + 0)");
            }
        }
    } else {
        // r1: the lock inside the value
        let lock_arg = |g: &mut CtxGen| {
            g.e("r1 = r8");
            if lock_off != 0 {
                g.e(format!("r1 += {lock_off}"));
            }
        };
        let unlock = g.rng.weighted(&[70, 10, 10, 10]);
        lock_arg(&mut g);
        g.e("call bpf_spin_lock");
        match unlock {
            1 => {} // never released
            2 => {
                // a helper call while holding it
                g.e("call bpf_get_prandom_u32");
            }
            3 => {
                // the lock's own bytes
                g.e(format!("r0 = *(u32 *)(r8 + {lock_off})"));
            }
            _ => {
                // the value beside the lock
                let other = if lock_off == 0 { 8 } else { 0 };
                g.e(format!("*(u32 *)(r8 + {other}) = 1"));
            }
        }
        if unlock != 1 {
            lock_arg(&mut g);
            g.e("call bpf_spin_unlock");
        }
    }
    g.put(&out_label);
    g.ret();
    push_lines(&mut out, &g.asm.lines);
    out
}

impl CtxGen {
    /// A context load giving an unknown scalar, by type.
    fn unknown_scalar(&mut self, r: u8) {
        let load = match self.ty.ctx {
            Ctx::Skb => "*(u32 *)(r6 + 0)",
            Ctx::Xdp => "*(u32 *)(r6 + 12)",
            Ctx::Plain if self.ty.name == "tracepoint" => "*(u64 *)(r6 + 8)",
            // a field every other type lets a program read
            Ctx::Plain => match self.ty.name.split(' ').next() {
                Some("sk_msg" | "cgroup_sock_addr" | "sk_lookup") => "*(u32 *)(r6 + 16)",
                Some("sock_ops") => "*(u32 *)(r6 + 4)",
                Some("sk_reuseport") => "*(u32 *)(r6 + 16)",
                Some("cgroup_sockopt") => "*(u32 *)(r6 + 24)",
                Some("cgroup_sock" | "cgroup_device" | "cgroup_sysctl") => "*(u32 *)(r6 + 4)",
                _ => "*(u64 *)(r6 + 0)",
            },
        };
        self.e(format!("r{r} = {load}"));
    }

    /// A call of a helper from [`MEM_HELPERS`] with its memory somewhere
    /// and its size around that memory's end.
    fn helper_mem(&mut self, own: bool) {
        let (name, args) = if own && self.rng.pct(60) {
            // mostly one the type offers (its own name, the hook aside)
            let ty = self.ty.name.split(' ').next().unwrap_or("");
            let fits: Vec<_> = VM_MEM_HELPERS
                .iter()
                .filter(|h| h.2.split(' ').any(|t| t == ty))
                .collect();
            let (name, args, _) = if !fits.is_empty() && self.rng.pct(80) {
                *fits[self.rng.below(fits.len() as u64) as usize]
            } else {
                VM_MEM_HELPERS[self.rng.below(VM_MEM_HELPERS.len() as u64) as usize]
            };
            (name, args)
        } else {
            MEM_HELPERS[self.rng.below(MEM_HELPERS.len() as u64) as usize]
        };
        let out = self.label();
        // the region and its bytes: r8 holds it where it is not the stack
        let region = self.rng.weighted(&[
            45,
            25,
            if self.ty.packet.is_none() { 0 } else { 15 },
            5,
            5,
            5,
        ]);
        let mut bytes = 0i64;
        let stack_off = self.rng.pick(&[8i64, 16, 32, 64]);
        match region {
            0 => bytes = stack_off,
            1 => {
                self.e("r1 = m0 ll");
                self.e("r2 = r10");
                self.e("r2 += -8");
                self.e("*(u64 *)(r10 - 8) = 0");
                self.e("call bpf_map_lookup_elem");
                if self.rng.pct(90) {
                    self.e(format!("if r0 == 0 goto {out}"));
                }
                self.e("r8 = r0");
                bytes = 16;
                if self.rng.pct(25) {
                    let k = self.rng.pick(&[4i64, 8, 12, 16]);
                    self.e(format!("r8 += {k}"));
                    bytes -= k;
                }
            }
            2 => {
                let (data, end) = self.ty.packet.unwrap_or((0, 4));
                let sz = if self.ty.ctx == Ctx::Plain {
                    "u64"
                } else {
                    "u32"
                };
                self.e(format!("r8 = *({sz} *)(r6 + {data})"));
                self.e(format!("r9 = *({sz} *)(r6 + {end})"));
                bytes = self.rng.pick(&[8i64, 14, 20]);
                self.e("r1 = r8");
                self.e(format!("r1 += {bytes}"));
                self.e(format!("if r1 > r9 goto {out}"));
            }
            3 => {
                self.e("r8 = r6");
                bytes = 8;
            }
            4 => {
                self.e("r8 = 0");
            }
            _ => {
                self.unknown_scalar(8);
            }
        }
        // an unknown size, bounded or not, computed before r1-r5 are set
        let size_kind = self.rng.weighted(&[60, 25, 15]);
        if size_kind > 0 {
            self.unknown_scalar(9);
            if size_kind == 1 {
                if self.rng.pct(50) {
                    let m = self.rng.pick(&[7i64, 15, 31, 63]);
                    self.e(format!("r9 &= {m}"));
                } else {
                    let k = self.rng.pick(&[bytes.max(1), bytes + 1, 16, 64]);
                    self.e(format!("if r9 > {k} goto {out}"));
                    if self.rng.pct(50) {
                        self.e(format!("if r9 == 0 goto {out}"));
                    }
                }
            }
        }
        for (i, a) in args.iter().enumerate() {
            let r = i + 1;
            match *a {
                Arg::Ctx => self.e(format!("r{r} = r6")),
                Arg::Mem => {
                    if region == 0 {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -{stack_off}"));
                    } else {
                        self.e(format!("r{r} = r8"));
                    }
                }
                Arg::Size => {
                    if size_kind == 0 {
                        let k = self
                            .rng
                            .pick(&[0i64, 1, 4, bytes, bytes + 1, bytes - 1, -1, 512]);
                        self.e(format!("r{r} = {k}"));
                    } else {
                        self.e(format!("r{r} = r9"));
                    }
                }
                Arg::Map => self.e(format!("r{r} = m0 ll")),
                Arg::Key => {
                    if region == 0 {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -{stack_off}"));
                    } else {
                        self.e(format!("r{r} = r8"));
                    }
                }
                Arg::Any => {
                    let k = self.rng.pick(&[0i64, 0, 1, 2, 14]);
                    self.e(format!("r{r} = {k}"));
                }
                Arg::Long => match self.rng.weighted(&[70, 10, 10, 10]) {
                    0 => {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -{}", stack_off.max(16)));
                    }
                    1 => {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -12"));
                    }
                    2 => {
                        self.e(format!("r{r} = r10"));
                        self.e(format!("r{r} += -4"));
                    }
                    _ => self.e(format!("r{r} = r8")),
                },
            }
        }
        self.e(format!("call {name}"));
        self.put(&out);
    }

    /// One operation of a deep probe; `special`: the map value holds a
    /// lock (1) or a timer (2) at offset 0.
    fn deep_op(&mut self, vm: bool, special: u8) {
        let lock = if special == 1 { 12 } else { 0 };
        let timer = if special == 2 { 10 } else { 0 };
        match self
            .rng
            .weighted(&[50, 14, 10, 8, 10, 8, lock, timer, 6, 6, 7, 6, 9, 2])
        {
            0 => self.op(),
            12 => self.dynptr(),
            13 => {
                // a ring buffer dynptr released later (or twice)
                self.e("r1 = r10");
                self.e("r1 += -64");
                self.e("r2 = 0");
                let f = self
                    .rng
                    .pick(&["bpf_ringbuf_submit_dynptr", "bpf_ringbuf_discard_dynptr"]);
                self.e(format!("call {f}"));
            }
            10 => self.subprog_call(),
            11 => self.loop_callback(),
            8 => {
                // an atomic on the stack or on a map value (into r8)
                let (sz, n) = self.rng.pick(&SIZES[2..]);
                let r = if n == 8 { "r7" } else { "w7" };
                let aop = self
                    .rng
                    .pick(&["+=", "|=", "&=", "^=", "fetch_add", "xchg", "cmpxchg"]);
                let out = self.label();
                let base = if self.rng.pct(50) {
                    "r10".to_string()
                } else {
                    self.lookup_into_r8(&out, true);
                    "r8".to_string()
                };
                let off = if base == "r10" {
                    -self.rng.pick(&[8i64, 16, 24, 12])
                } else {
                    self.rng.pick(&[0i64, 4, 8, 16])
                };
                let at = format!("({base} {})", disp(off));
                let bits = n * 8;
                match aop {
                    "fetch_add" => self.e(format!("{r} = atomic_fetch_add(({sz} *){at}, {r})")),
                    "xchg" => self.e(format!("{r} = xchg_{bits}({base} {}, {r})", disp(off))),
                    "cmpxchg" => {
                        let r0 = if n == 8 { "r0" } else { "w0" };
                        self.e(format!(
                            "{r0} = cmpxchg_{bits}({base} {}, {r0}, {r})",
                            disp(off)
                        ));
                    }
                    _ => self.e(format!("lock *({sz} *){at} {aop} {r}")),
                }
                self.put(&out);
            }
            9 => {
                // the stack at a variable offset, or a map value handed to
                // a helper as the value to store
                if self.rng.pct(50) {
                    let r = self.live();
                    let m = self.rng.pick(&[7i64, 8, 15, 24]);
                    self.e("r2 = r10");
                    self.e(format!("r1 = r{r}"));
                    self.e(format!("r1 &= {m}"));
                    self.e("r2 -= r1");
                    let off = self.rng.pick(&[-8i64, -16, -32]);
                    let (sz, _) = self.rng.pick(SIZES);
                    if self.rng.pct(50) {
                        self.e(format!("r0 = *({sz} *)(r2 {})", disp(off)));
                    } else {
                        self.e(format!("*({sz} *)(r2 {}) = r7", disp(off)));
                    }
                } else {
                    let out = self.label();
                    self.lookup_into_r8(&out, true);
                    self.e("r1 = m0 ll");
                    self.e("r2 = r10");
                    self.e("r2 += -16");
                    self.e("r3 = r8");
                    let k = self.rng.pick(&[0i64, 0, 8]);
                    if k != 0 {
                        self.e(format!("r3 += {k}"));
                    }
                    self.e("r4 = 0");
                    self.e("call bpf_map_update_elem");
                    self.put(&out);
                }
            }
            1 => self.helper_mem(vm),
            2 => {
                // a branch on a loaded value over the next operation
                let r = self.live();
                let cmp = self
                    .rng
                    .pick(&["==", "!=", ">", ">=", "<", "s>", "s<", "&"]);
                let k = self.rng.pick(&[0i64, 1, 4, 14, 64, 0xffff]);
                let l = self.label();
                self.e(format!("if r{r} {cmp} {k} goto {l}"));
                self.op();
                self.put(&l);
            }
            3 => {
                // a spill and a fill, of the same size or not
                let r = self.live();
                let off = self.rng.pick(&[40i64, 48, 44]);
                let (sz, _) = self.rng.pick(SIZES);
                self.e(format!("*({sz} *)(r10 - {off}) = r{r}"));
                let d = self.dst();
                let (sz, _) = if self.rng.pct(75) {
                    (sz, 0)
                } else {
                    self.rng.pick(SIZES)
                };
                self.e(format!("r{d} = *({sz} *)(r10 - {off})"));
            }
            4 => {
                // ALU on a loaded value, of either width
                let d = self.live();
                let op = self
                    .rng
                    .pick(&["+=", "-=", "&=", "|=", "<<=", ">>=", "*=", "^="]);
                let w = if self.rng.pct(25) { 'w' } else { 'r' };
                if self.rng.pct(50) {
                    let s = self.live();
                    self.e(format!("{w}{d} {op} {w}{s}"));
                } else {
                    let k = self.rng.pick(&[1i64, 3, 8, 0xff, -1]);
                    self.e(format!("{w}{d} {op} {k}"));
                }
            }
            5 => {
                // a map value, maybe moved by a loaded value, accessed
                let out = self.label();
                let checked = self.rng.pct(90);
                self.lookup_into_r8(&out, checked);
                if self.rng.pct(30) {
                    let r = self.rng.pick(&[7u8, 9]);
                    let m = self.rng.pick(&[7i64, 8, 15]);
                    self.e(format!("r{r} &= {m}"));
                    self.e(format!("r8 += r{r}"));
                }
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.rng.range(0, 16 / n) * n;
                if self.rng.pct(60) {
                    let d = self.rng.pick(&[0u8, 3, 4, 9]);
                    self.e(format!("r{d} = *({sz} *)(r8 + {off})"));
                } else {
                    self.e(format!("*({sz} *)(r8 + {off}) = r7"));
                }
                self.put(&out);
            }
            6 => {
                // the value's lock taken (into r8), released later or not
                if self.rng.pct(70) {
                    let out = self.label();
                    self.lookup_into_r8(&out, true);
                    self.e("r1 = r8");
                    self.e("call bpf_spin_lock");
                    if self.rng.pct(50) {
                        self.e("*(u32 *)(r8 + 8) = r7");
                        self.e("r1 = r8");
                        self.e("call bpf_spin_unlock");
                    }
                    self.put(&out);
                } else {
                    self.e("r1 = r8");
                    self.e("call bpf_spin_unlock");
                }
            }
            _ => {
                // the value's timer: initialised, started or cancelled
                let out = self.label();
                self.lookup_into_r8(&out, true);
                self.e("r1 = r8");
                match self.rng.below(3) {
                    0 => {
                        self.e("r2 = m0 ll");
                        let clock = self.rng.pick(&[0i64, 1, 7]);
                        self.e(format!("r3 = {clock}"));
                        self.e("call bpf_timer_init");
                    }
                    1 => {
                        self.e("r2 = 1000");
                        self.e("r3 = 0");
                        self.e("call bpf_timer_start");
                    }
                    _ => self.e("call bpf_timer_cancel"),
                }
                self.put(&out);
            }
        }
    }

    /// `m0`'s value for the key of zeroes at fp-8, into r8, NULL-checked
    /// (to `out`) or not.
    fn lookup_into_r8(&mut self, out: &str, null_check: bool) {
        self.e("r1 = m0 ll");
        self.e("r2 = r10");
        self.e("r2 += -8");
        self.e("call bpf_map_lookup_elem");
        if null_check {
            self.e(format!("if r0 == 0 goto {out}"));
        }
        self.e("r8 = r0");
    }

    /// An offset of a `n`-byte context access: mostly aligned inside the
    /// context, sometimes misaligned, at its end, before it or far past.
    fn ctx_off(&mut self, n: i64) -> i64 {
        let size = self.ty.ctx_size;
        match self.rng.weighted(&[60, 14, 14, 4, 8]) {
            0 => self.rng.range(0, size / n - 1) * n,
            1 => self.rng.range(0, size - 1),
            2 => size - 8 + self.rng.range(0, 15),
            3 => -self.rng.pick(&[1i64, 4, 8]),
            _ => match self.ty.name {
                // the tracepoint buffer (PERF_MAX_TRACE_SIZE) and the
                // syscall argument block (U16_MAX) reach far (as far as an
                // instruction's 16-bit offset goes)
                "tracepoint" => self.rng.pick(&[512i64, 2040, 2044, 2048, 4096]),
                "syscall" => self.rng.pick(&[4096i64, 32760, 32764, 32766, 32767]),
                _ => self.rng.pick(&[256i64, 512, 4096]),
            },
        }
    }

    /// A dynptr on the stack (at fp-64, now and then misaligned): over
    /// 16 bytes of the stack (`bpf_dynptr_from_mem`) or a ring buffer
    /// record (`bpf_ringbuf_reserve_dynptr`, a reference), read, written
    /// or sliced (`bpf_dynptr_data`), the record submitted or discarded
    /// (or left for later, or never).
    fn dynptr(&mut self) {
        let dp = if self.rng.pct(90) { -64 } else { -60 };
        let ringbuf = self.rng.pct(50);
        if ringbuf {
            self.e("r1 = rb ll");
            let n = self.rng.pick(&[8i64, 16, 16, 5000]);
            self.e(format!("r2 = {n}"));
        } else {
            self.e("r1 = r10");
            self.e("r1 += -80");
            let n = self.rng.pick(&[8i64, 16, 16, 0, 17]);
            self.e(format!("r2 = {n}"));
        }
        self.e("r3 = 0");
        self.e("r4 = r10");
        self.e(format!("r4 += {dp}"));
        if ringbuf {
            self.e("call bpf_ringbuf_reserve_dynptr");
        } else {
            self.e("call bpf_dynptr_from_mem");
        }
        let out = self.label();
        match self.rng.weighted(&[30, 25, 30, 15]) {
            0 => {
                self.e("r1 = r10");
                self.e("r1 += -96");
                let n = self.rng.pick(&[8i64, 16]);
                self.e(format!("r2 = {n}"));
                self.e("r3 = r10");
                self.e(format!("r3 += {dp}"));
                let o = self.rng.pick(&[0i64, 8, 12]);
                self.e(format!("r4 = {o}"));
                self.e("r5 = 0");
                self.e("call bpf_dynptr_read");
            }
            1 => {
                self.e("r1 = r10");
                self.e(format!("r1 += {dp}"));
                let o = self.rng.pick(&[0i64, 8]);
                self.e(format!("r2 = {o}"));
                self.e("r3 = r10");
                self.e("r3 += -8");
                let n = self.rng.pick(&[8i64, 16]);
                self.e(format!("r4 = {n}"));
                self.e("r5 = 0");
                self.e("call bpf_dynptr_write");
            }
            2 => {
                self.e("r1 = r10");
                self.e(format!("r1 += {dp}"));
                let o = self.rng.pick(&[0i64, 8]);
                self.e(format!("r2 = {o}"));
                let n = self.rng.pick(&[8i64, 16]);
                self.e(format!("r3 = {n}"));
                self.e("call bpf_dynptr_data");
                if self.rng.pct(85) {
                    self.e(format!("if r0 == 0 goto {out}"));
                }
                let o = self.rng.pick(&[0i64, 8]);
                if self.rng.pct(60) {
                    self.e(format!("r4 = *(u64 *)(r0 + {o})"));
                } else {
                    self.e(format!("*(u64 *)(r0 + {o}) = r7"));
                }
            }
            _ => {}
        }
        self.put(&out);
        if ringbuf && self.rng.pct(75) {
            self.e("r1 = r10");
            self.e(format!("r1 += {dp}"));
            self.e("r2 = 0");
            let f = self
                .rng
                .pick(&["bpf_ringbuf_submit_dynptr", "bpf_ringbuf_discard_dynptr"]);
            self.e(format!("call {f}"));
        }
    }

    /// The pointer (or scalar) a subprogram or callback is handed, into
    /// `r{r}`: the stack, the context, the map value in r8, or r7.
    fn handed(&mut self, r: u8) {
        match self.rng.weighted(&[45, 20, 20, 15]) {
            0 => {
                self.e(format!("r{r} = r10"));
                self.e(format!("r{r} += -16"));
            }
            1 => self.e(format!("r{r} = r6")),
            2 => self.e(format!("r{r} = r8")),
            _ => self.e(format!("r{r} = r7")),
        }
    }

    /// What a subprogram or callback does with the pointer in `r{p}`.
    fn sub_body(&mut self, p: u8, body: &mut Vec<String>) {
        let mut b = |s: String| body.push(format!("    {s}"));
        match self.rng.weighted(&[30, 20, 15, 15, 10, 10]) {
            0 => b(format!("r0 = *(u64 *)(r{p} + 0)")),
            1 => {
                b(format!("*(u64 *)(r{p} + 0) = 1"));
                b("r0 = 0".into());
            }
            2 => {
                b(format!("r0 = *(u32 *)(r{p} + 0)"));
                b("r0 &= 1".into());
            }
            3 => {
                // a helper call inside (refused under a lock)
                b("call bpf_get_prandom_u32".into());
            }
            4 => b(format!("r0 = r{p}")),
            _ => b("r0 = 0".into()),
        }
        b("exit".into());
    }

    /// A static subprogram called with a pointer (or a scalar), its
    /// result kept in r9 or dropped. 6.12 lets a program call one while
    /// holding a lock; 6.1 does not.
    fn subprog_call(&mut self) {
        self.asm.labels += 1;
        let name = format!("sub{}", self.asm.labels);
        self.handed(1);
        self.e(format!("call {name}"));
        if self.rng.pct(40) {
            self.e("r9 = r0");
        }
        let mut body = vec![format!("{name}:")];
        self.sub_body(1, &mut body);
        self.subs.extend(body);
    }

    /// `bpf_loop` with a callback working on the pointer handed to it
    /// (`callback_ctx`), returning 0, 1 or (wrongly) 2.
    fn loop_callback(&mut self) {
        self.asm.labels += 1;
        let name = format!("cb{}", self.asm.labels);
        let n = self.rng.pick(&[1i64, 4, 100]);
        self.handed(3);
        self.e(format!("r1 = {n}"));
        self.e(format!("r2 = {name} ll"));
        self.e("r4 = 0");
        self.e("call bpf_loop");
        let mut body = vec![format!("{name}:")];
        if self.rng.pct(80) {
            self.sub_body(2, &mut body);
            if self.rng.pct(15) {
                // a return value outside [0, 1]
                let at = body.len() - 1;
                body.insert(at, "    r0 = 2".into());
            } else if self.rng.pct(85) {
                let at = body.len() - 1;
                body.insert(at, "    r0 = 0".into());
            }
        } else {
            body.push("    r0 = 1".into());
            body.push("    exit".into());
        }
        self.subs.extend(body);
    }

    /// A register a deep probe's operation works on: mostly one the
    /// prologue set, sometimes one a load may have set.
    fn live(&mut self) -> u8 {
        if self.rng.pct(75) {
            self.rng.pick(&[7u8, 8, 9])
        } else {
            self.dst()
        }
    }

    /// A register a loaded value lands in.
    fn dst(&mut self) -> u8 {
        self.rng.pick(&[0u8, 2, 3, 4, 5, 8, 9])
    }

    fn op(&mut self) {
        let packet = self.ty.packet.is_some();
        let sock = self.ty.sk.is_some();
        let skb = self.ty.ctx == Ctx::Skb;
        let w = [
            34,                          // load
            12,                          // store of a register
            8,                           // store of an immediate
            3,                           // atomic
            if packet { 14 } else { 0 }, // packet access
            if sock { 8 } else { 0 },    // socket
            5,                           // moved context pointer
            if skb { 4 } else { 0 },     // legacy packet load
            16,                          // helper call
        ];
        match self.rng.weighted(&w) {
            0 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.ctx_off(n);
                let d = self.dst();
                self.e(format!("r{d} = *({sz} *)(r6 {})", disp(off)));
            }
            1 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.ctx_off(n);
                self.e(format!("*({sz} *)(r6 {}) = r7", disp(off)));
            }
            2 => {
                let (sz, n) = self.rng.pick(SIZES);
                let off = self.ctx_off(n);
                let k = self.rng.pick(&[0i64, 1, 7]);
                self.e(format!("*({sz} *)(r6 {}) = {k}", disp(off)));
            }
            3 => {
                let (sz, n) = self.rng.pick(&SIZES[2..]);
                let off = self.ctx_off(n);
                let r = if n == 8 { "r7" } else { "w7" };
                self.e(format!("lock *({sz} *)(r6 {}) += {r}", disp(off)));
            }
            4 => self.packet(),
            5 => self.socket(),
            6 => self.moved_ctx(),
            7 => {
                let (sz, n) = self.rng.pick(&SIZES[..3]);
                if self.rng.pct(70) {
                    let k = self.rng.pick(&[0i64, 12, 14, 23, 60, 4096]) / n * n;
                    self.e(format!("r0 = *({sz} *)skb[{k}]"));
                } else {
                    self.e("r8 = 14");
                    self.e(format!("r0 = *({sz} *)skb[r8]"));
                }
            }
            _ => self.helper(),
        }
    }

    /// Packet pointers from the context, a bounds check against
    /// `data_end` (sometimes short, sometimes missing) and an access.
    fn packet(&mut self) {
        let Some((data, end)) = self.ty.packet else {
            return;
        };
        let meta = match self.ty.ctx {
            Ctx::Skb => Some(140),
            Ctx::Xdp => Some(8),
            Ctx::Plain => None,
        };
        // the start: data, or data_meta checked against data
        let from_meta = meta.is_some() && self.rng.pct(20);
        let meta = meta.unwrap_or(data);
        let start = if from_meta { meta } else { data };
        let limit_from = if from_meta && self.rng.pct(70) {
            data
        } else {
            end
        };
        // __sk_buff's and xdp_md's are 32-bit fields, the others pointers
        let narrow = self.ty.ctx != Ctx::Plain;
        let (usual, other) = if narrow {
            ("u32", "u64")
        } else {
            ("u64", "u32")
        };
        let wide = if self.rng.pct(90) { usual } else { other };
        self.e(format!("r2 = *({wide} *)(r6 + {start})"));
        self.e(format!("r3 = *({usual} *)(r6 + {limit_from})"));
        let checked = self.rng.pick(&[0i64, 1, 2, 4, 8, 14, 20, 34]);
        let (sz, _) = self.rng.pick(SIZES);
        let off = self.rng.pick(&[0i64, 0, 2, 4, 6, 12, 13, 30, -1]);
        let out = self.label();
        if self.rng.pct(85) {
            self.e("r4 = r2");
            self.e(format!("r4 += {checked}"));
            let cmp = self.rng.pick(&["if r4 > r3", "if r4 >= r3", "if r3 < r4"]);
            self.e(format!("{cmp} goto {out}"));
        }
        if self.rng.pct(20) {
            // a variable offset into the packet
            self.e("r5 = *(u32 *)(r6 + 0)");
            let mask = self.rng.pick(&[0xfi64, 0xff, 0xffff]);
            self.e(format!("r5 &= {mask}"));
            self.e("r2 += r5");
        }
        if self.rng.pct(70) {
            let d = self.dst();
            let d = if d == 3 || d == 2 { 0 } else { d };
            self.e(format!("r{d} = *({sz} *)(r2 {})", disp(off)));
        } else {
            self.e(format!("*({sz} *)(r2 {}) = r7", disp(off)));
        }
        self.put(&out);
    }

    /// `skb->sk` (a socket or NULL), maybe made full, and a field of it.
    fn socket(&mut self) {
        let Some(sk) = self.ty.sk else {
            return;
        };
        let out = self.label();
        self.e(format!("r2 = *(u64 *)(r6 + {sk})"));
        if self.rng.pct(85) {
            self.e(format!("if r2 == 0 goto {out}"));
        }
        if self.rng.pct(30) {
            self.e("r1 = r2");
            self.e("call bpf_sk_fullsock");
            self.e(format!("if r0 == 0 goto {out}"));
            self.e("r2 = r0");
        }
        let (sz, n) = self.rng.pick(SIZES);
        let off = if self.rng.pct(80) {
            self.rng.range(0, 96 / n - 1) * n
        } else {
            self.rng.range(0, 99)
        };
        if self.rng.pct(85) {
            self.e(format!("r3 = *({sz} *)(r2 + {off})"));
        } else {
            self.e(format!("*({sz} *)(r2 + {off}) = r7"));
        }
        self.put(&out);
    }

    /// The context pointer moved, then read or handed to a helper.
    fn moved_ctx(&mut self) {
        let k = self.rng.pick(&[0i64, 4, 8, -8]);
        self.e("r2 = r6");
        self.e(format!("r2 += {k}"));
        if self.rng.pct(70) {
            let (sz, n) = self.rng.pick(SIZES);
            let off = self.rng.range(0, 16 / n) * n;
            self.e(format!("r3 = *({sz} *)(r2 + {off})"));
        } else {
            self.e("r1 = r2");
            self.e("call bpf_get_prandom_u32");
        }
    }

    /// Any helper number (those of 6.1 and 6.12, some past both) with
    /// arguments a program of the type could plausibly pass.
    fn helper(&mut self) {
        let id = if self.rng.pct(96) {
            self.rng.range(1, 211)
        } else {
            self.rng.range(212, 215)
        };
        for r in 1..=5u8 {
            let choice = self.rng.weighted(&[
                if r == 1 { 45 } else { 10 }, // the context
                25,                           // a stack pointer to zeroes
                30,                           // a small size or flag
                if self.map { 15 } else { 0 },
            ]);
            match choice {
                0 => self.e(format!("r{r} = r6")),
                1 => {
                    let off = self.rng.pick(&[8i64, 16, 32]);
                    self.e(format!("r{r} = r10"));
                    self.e(format!("r{r} += -{off}"));
                }
                2 => {
                    let k = self.rng.pick(&[0i64, 1, 4, 8, 16]);
                    self.e(format!("r{r} = {k}"));
                }
                _ => self.e(format!("r{r} = m0 ll")),
            }
        }
        self.e(format!("call {id}"));
    }

    /// `r0` around the type's allowed return values.
    fn ret(&mut self) {
        match self.rng.weighted(&[40, 30, 15, 15]) {
            0 => self.e("r0 = 0"),
            1 => {
                let k = self.rng.pick(&[1i64, 2, 3, 4, -1, 0x7fff_ffff]);
                self.e(format!("r0 = {k}"));
            }
            2 => {
                // unknown, masked to a small range
                self.e("r0 = *(u32 *)(r10 - 8)");
                let m = self.rng.pick(&[1i64, 3, 7]);
                self.e(format!("r0 &= {m}"));
            }
            _ => {
                self.e("call bpf_get_prandom_u32");
                if self.rng.pct(50) {
                    let m = self.rng.pick(&[1i64, 3]);
                    self.e(format!("r0 &= {m}"));
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
    fn ctx_probes_parse_and_are_deterministic() {
        for seed in 0..2000 {
            let text = program(seed);
            assert_eq!(text, program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("ctx probe {seed} does not parse: {e:?}\n{text}"));
            let text = vm_lock_program(seed);
            assert_eq!(text, vm_lock_program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("vm lock probe {seed} does not parse: {e:?}\n{text}"));
            let text = vm_helper_program(seed);
            assert_eq!(text, vm_helper_program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("vm helper probe {seed} does not parse: {e:?}\n{text}"));
            let text = vm_program(seed);
            assert_eq!(text, vm_program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("vm type probe {seed} does not parse: {e:?}\n{text}"));
            let text = lock_program(seed);
            assert_eq!(text, lock_program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("lock probe {seed} does not parse: {e:?}\n{text}"));
            let text = helper_program(seed);
            assert_eq!(text, helper_program(seed));
            veristep_core::asm::parse(&text)
                .unwrap_or_else(|e| panic!("helper probe {seed} does not parse: {e:?}\n{text}"));
        }
    }

    #[test]
    fn deep_probes_parse_are_deterministic_and_go_deep() {
        let mut ops = 0;
        for seed in 0..200 {
            for vm in [false, true] {
                let text = deep_program(seed, vm);
                assert_eq!(text, deep_program(seed, vm));
                let p = veristep_core::asm::parse(&text).unwrap_or_else(|e| {
                    panic!("deep probe {seed} ({vm}) does not parse: {e:?}\n{text}")
                });
                ops += p.insns.len();
            }
        }
        // the guide keeps operations: far more than the prologue's nine
        // instructions and a return on average
        assert!(
            ops / 400 > 20,
            "deep probes average {} instructions",
            ops / 400
        );
    }
}
