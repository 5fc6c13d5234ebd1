//! The kernel-format verifier log (`verbose()`, `print_verifier_state()`,
//! `print_insn_state()`, `bpf_vlog_reset()` of Linux 6.1).

use crate::program::Program;
use crate::regs::{RegState, RegType, LIVE_DONE, LIVE_READ, LIVE_WRITTEN};
use crate::state::{FuncState, BPF_REG_SIZE};

pub const BPF_LOG_LEVEL1: u32 = 1;
pub const BPF_LOG_LEVEL2: u32 = 2;
/// `BPF_LOG_STATS`: the statistics' `verification time` and `stack depth`
/// lines; alone (level 4), a log of the messages and the statistics, no
/// instructions or states.
pub const BPF_LOG_STATS: u32 = 4;

/// The log buffer plus what the kernel keeps to align state comments.
#[derive(Clone, Debug, Default)]
pub struct Log {
    pub level: u32,
    pub buf: String,
    /// `prev_log_len`: where the last instruction line ended.
    pub prev_log_len: usize,
    pub prev_insn_print_len: usize,
    /// The last complete line written, at any level (it becomes the
    /// rejection message), as of `tracked`.
    last_line: String,
    partial: String,
    /// `buf` up to here is accounted for in `last_line` and `partial`;
    /// what follows was written since and is read only when asked (a
    /// level-2 log writes millions of lines and the message is needed once).
    tracked: usize,
    /// Bytes already handed out from the front of the log
    /// ([`Log::drain_settled`]); positions stay absolute.
    flushed: usize,
    /// Cap on the log (the user's log buffer); past it the log is marked full.
    pub cap: usize,
    pub full: bool,
    /// What was written but not kept (level 0, or past the cap), waiting to
    /// be read for the last line: read in chunks, not line by line, as a
    /// walk past the cap writes millions of lines nobody keeps.
    spill: String,
    /// The user's buffer (`log_size`), when the log is cut as the kernel
    /// cuts it; `None`: veristep's own cap, which says where it cut.
    pub kernel_buf: Option<KernelLogBuf>,
}

/// The kernel's log buffer of `size` bytes (`struct bpf_verifier_log`).
#[derive(Clone, Copy, Debug)]
pub struct KernelLogBuf {
    pub size: usize,
    /// 6.4+ (`bpf_verifier_vlog` without `BPF_LOG_FIXED`): the buffer keeps
    /// the last `size - 1` bytes. Before (6.1): the first ones, then the
    /// log is full, stops, and ignores resets.
    pub rotating: bool,
    /// Rotating: `start_pos`, where the kept window begins (absolute).
    start: usize,
    /// Rotating: `len_max - 1`, the longest the log ever was.
    max_len: usize,
}

impl KernelLogBuf {
    pub fn new(size: usize, rotating: bool) -> Self {
        KernelLogBuf {
            size,
            rotating,
            start: 0,
            max_len: 0,
        }
    }
}

/// How much unkept text [`Log::write`] gathers before reading it.
const SPILL_CHUNK: usize = 4096;

/// Moves the last-line tracking over `s`: only the last complete line and
/// the unfinished one are kept, so this reads `s` back to its last two
/// newlines and no further.
fn track(last_line: &mut String, partial: &mut String, s: &str) {
    match s.rfind('\n') {
        None => partial.push_str(s),
        Some(end) => {
            let done = &s[..end];
            last_line.clear();
            match done.rfind('\n') {
                Some(start) => last_line.push_str(&done[start + 1..]),
                None => {
                    last_line.push_str(partial);
                    last_line.push_str(done);
                }
            }
            partial.clear();
            partial.push_str(&s[end + 1..]);
        }
    }
}

impl Log {
    pub fn new(level: u32) -> Self {
        Log {
            level,
            cap: 64 << 20,
            ..Default::default()
        }
    }
    pub fn enabled(&self) -> bool {
        self.level != 0
    }
    pub fn level2(&self) -> bool {
        self.level & BPF_LOG_LEVEL2 != 0
    }
    /// `env->log.level & BPF_LOG_LEVEL`: the walk's instructions and
    /// states are logged (level 1 or 2, not statistics alone).
    pub fn insns(&self) -> bool {
        self.level & (BPF_LOG_LEVEL1 | BPF_LOG_LEVEL2) != 0
    }
    /// `env->log.level & BPF_LOG_STATS`.
    pub fn stats(&self) -> bool {
        self.level & BPF_LOG_STATS != 0
    }
    /// The kernel's log buffer of `size` bytes: see [`KernelLogBuf`].
    pub fn with_kernel_buf(level: u32, size: usize, rotating: bool) -> Self {
        let mut log = Log::new(level);
        log.kernel_buf = Some(KernelLogBuf::new(size, rotating));
        log.cap = if rotating {
            usize::MAX
        } else {
            size.saturating_sub(1)
        };
        log
    }
    /// `verbose()` of a line made of two pieces (a backtracking line's
    /// cached head and tail): one check when both fit, the common case.
    pub fn write2(&mut self, a: &str, b: &str) {
        if self.level != 0
            && !self.full
            && self.kernel_buf.is_none()
            && self.len() + a.len() + b.len() <= self.cap
        {
            self.buf.push_str(a);
            self.buf.push_str(b);
        } else if self.level == 0 || self.full {
            // nothing is kept: only the last line is read, in chunks
            self.spill.push_str(a);
            self.spill.push_str(b);
            if self.spill.len() >= SPILL_CHUNK {
                self.fold();
            }
        } else {
            self.write(a);
            self.write(b);
        }
    }
    /// `verbose()`: appends when logging; the last line is always known.
    pub fn write(&mut self, s: &str) {
        if self.level != 0 && !self.full {
            if self.len() + s.len() <= self.cap {
                // tracked later, from the buffer
                self.buf.push_str(s);
                if let Some(k) = self.kernel_buf.as_mut() {
                    if !k.rotating {
                        // `bpf_verifier_log_full()`: len_used >= len_total - 1
                        self.full = self.len() >= self.cap;
                        return;
                    }
                    let len = self.flushed + self.buf.len();
                    k.max_len = k.max_len.max(len);
                    if self.buf.len() > 2 * k.size + SPILL_CHUNK {
                        self.drop_before_window();
                    }
                }
                return;
            }
            if let Some(k) = self.kernel_buf.filter(|k| !k.rotating) {
                // 6.1: as much as fits (`n = min(len_total - len_used - 1,
                // n)`), and the log is full from there on
                let room = (k.size.saturating_sub(1)).saturating_sub(self.len());
                let mut cut = room.min(s.len());
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                self.buf.push_str(&s[..cut]);
                self.fold();
                self.full = true;
                self.spill.push_str(&s[cut..]);
                return;
            }
            self.full = true;
        }
        self.spill.push_str(s);
        if self.spill.len() >= SPILL_CHUNK {
            self.fold();
        }
    }
    /// Accounts for what was written since the last time: first to the
    /// buffer, then past it (the spill always follows the buffer's text).
    fn fold(&mut self) {
        if let Some(chunk) = self.buf.get(self.tracked..) {
            track(&mut self.last_line, &mut self.partial, chunk);
        }
        self.tracked = self.buf.len();
        if !self.spill.is_empty() {
            track(&mut self.last_line, &mut self.partial, &self.spill);
            self.spill.clear();
        }
    }
    /// The last complete line written (the rejection's message).
    pub fn last_line(&mut self) -> String {
        self.fold();
        self.last_line.clone()
    }
    /// Makes `line` the last line again (lines printed after a message).
    pub fn set_last_line(&mut self, line: String) {
        self.fold();
        self.last_line = line;
    }
    /// Appends to the buffer what is not a `verbose()` line (the summary
    /// after the walk): it never becomes the last line.
    pub fn append_untracked(&mut self, s: &str) {
        self.fold();
        self.buf.push_str(s);
        self.tracked = self.buf.len();
    }
    /// The log's length, counting what was drained.
    pub fn len(&self) -> usize {
        self.flushed + self.buf.len()
    }
    /// `bpf_vlog_reset()`
    pub fn reset(&mut self, pos: usize) {
        self.fold();
        match self.kernel_buf {
            // 6.1: a full log is no longer "needed": resets are ignored
            Some(k) if !k.rotating && self.full => return,
            Some(k) if k.rotating => {
                self.settle_window();
                if let Some(k) = self.kernel_buf.as_mut() {
                    // a reset before the window leaves it empty there
                    k.start = k.start.min(pos);
                }
                if pos < self.flushed {
                    self.buf.clear();
                    self.flushed = pos;
                }
            }
            _ => {}
        }
        let pos = pos.saturating_sub(self.flushed);
        if pos <= self.buf.len() {
            self.buf.truncate(pos);
        }
        self.tracked = self.buf.len();
    }
    /// Rotating: `start_pos` after the writes since the last reset (each
    /// write moves it to `end + 1 - size` when the window overflows).
    fn settle_window(&mut self) {
        let len = self.len();
        if let Some(k) = self.kernel_buf.as_mut() {
            k.start = k.start.max((len + 1).saturating_sub(k.size));
        }
    }
    /// Rotating: forgets the text before the window, which no reset can
    /// bring back (a reset there empties the window).
    fn drop_before_window(&mut self) {
        self.fold();
        self.settle_window();
        let Some(k) = self.kernel_buf else {
            return;
        };
        let cut = k.start.saturating_sub(self.flushed).min(self.buf.len());
        if cut > 0 && self.buf.is_char_boundary(cut) {
            self.buf.replace_range(..cut, "");
            self.flushed += cut;
            self.tracked = self.buf.len();
        }
    }
    /// What the user's buffer holds at the end, and whether the kernel
    /// refuses the load with ENOSPC because the log did not fit: 6.1 when
    /// the log filled up (`bpf_verifier_log_full`), 6.12 when it ever was
    /// longer than the buffer (`bpf_vlog_finalize`: `len_max > len_total`).
    /// `None` without a kernel buffer.
    pub fn finish_kernel_buf(&mut self) -> Option<bool> {
        let k = self.kernel_buf?;
        if !k.rotating {
            return Some(self.full);
        }
        self.drop_before_window();
        let k = self.kernel_buf?;
        let from = k.start.saturating_sub(self.flushed).min(self.buf.len());
        if from > 0 && self.buf.is_char_boundary(from) {
            self.buf.replace_range(..from, "");
            self.flushed += from;
        }
        self.tracked = self.tracked.min(self.buf.len());
        Some(k.max_len + 1 > k.size)
    }
    /// Takes the lines no later write can change from the front of the
    /// buffer: everything before an unfinished line, or, when the buffer
    /// ends with a newline, before its last line (an instruction's line
    /// gets its state appended after its newline is taken back). Only for
    /// a log that is never reset further back (level 2: paths are not cut
    /// out of it). `sink` reads them in place and says whether to go on;
    /// the buffer keeps its capacity, so a streamed log is never copied or
    /// regrown.
    pub fn drain_settled(&mut self, sink: &mut dyn FnMut(&str) -> bool) -> bool {
        self.fold();
        let end = self.buf.len();
        let search = if self.buf.ends_with('\n') {
            end - 1
        } else {
            end
        };
        let cut = self.buf[..search].rfind('\n').map_or(0, |p| p + 1);
        let go_on = cut == 0 || sink(&self.buf[..cut]);
        // only the short unsettled tail moves to the front
        self.buf.replace_range(..cut, "");
        self.flushed += cut;
        self.tracked = self.buf.len();
        go_on
    }
}

/// Appends `v` in lower-case hex (`{:x}`), without the formatting
/// machinery: the log's hottest lines are built from these.
pub fn push_hex(out: &mut String, mut v: u64) {
    if v < 16 {
        // the common case (register and stack masks of one bit)
        out.push(char::from(b"0123456789abcdef"[v as usize]));
        return;
    }
    let mut buf = [0u8; 16];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b"0123456789abcdef"[(v & 15) as usize];
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    push_ascii(out, &buf[i..]);
}

/// Appends digits made above (always ASCII) without going char by char.
fn push_ascii(out: &mut String, digits: &[u8]) {
    out.reserve(digits.len());
    for &b in digits {
        out.push(char::from(b));
    }
}

/// Appends `v` in decimal (`{}`).
pub fn push_dec(out: &mut String, v: i64) {
    if (0..10).contains(&v) {
        out.push(char::from(b'0' + v as u8));
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut u = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if v < 0 {
        out.push('-');
    }
    push_ascii(out, &buf[i..]);
}

/// `vlog_alignment()`
pub fn vlog_alignment(pos: usize) -> usize {
    let v = (pos + 4).max(40);
    v.div_ceil(8) * 8 - pos - 1
}

fn liveness(live: u8, out: &mut String) {
    if live & (LIVE_READ | LIVE_WRITTEN | LIVE_DONE) != 0 {
        out.push('_');
    }
    if live & LIVE_READ != 0 {
        out.push('r');
    }
    if live & LIVE_WRITTEN != 0 {
        out.push('w');
    }
    if live & LIVE_DONE != 0 {
        out.push('D');
    }
}

/// `reg_type_str()` of 6.1.
/// `reg_type_str()` appended to `out`; a plain type (no prefix, no
/// `_or_null`, no struct name) without building a string.
fn push_reg_type(out: &mut String, prog: &Program, r: &RegState) {
    if !r.rdonly && !r.maybe_null && !matches!(r.ty, RegType::AllocMem | RegType::BtfId) {
        out.push_str(reg_base_name(r.ty));
    } else {
        out.push_str(&reg_type_str(prog, r));
    }
}

/// The base of `reg_type_str()`, before prefixes and suffixes.
fn reg_base_name(ty: RegType) -> &'static str {
    match ty {
        RegType::NotInit => "?",
        RegType::Scalar => "scalar",
        RegType::Ctx => "ctx",
        RegType::ConstPtrToMap => "map_ptr",
        RegType::MapValue => "map_value",
        RegType::MapKey => "map_key",
        RegType::Stack => "fp",
        RegType::Packet => "pkt",
        RegType::PacketMeta => "pkt_meta",
        RegType::PacketEnd => "pkt_end",
        RegType::AllocMem | RegType::Mem => "mem",
        RegType::Socket => "sock",
        RegType::SockCommon => "sock_common",
        RegType::TcpSock => "tcp_sock",
        RegType::XdpSock => "xdp_sock",
        RegType::FlowKeys => "flow_keys",
        RegType::TpBuffer => "tp_buffer",
        RegType::Func => "func",
        RegType::BtfId => "ptr_",
        RegType::Buf => "buf",
        RegType::ConstPtrToDynptr => "dynptr_ptr",
        RegType::Arena => "arena",
    }
}

/// `reg_type_str()` of a BTF pointer as the kernel's messages print it,
/// without its struct's name (`untrusted_ptr_`, `rcu_ptr_or_null_`): only
/// the state print adds the name.
pub(crate) fn reg_type_str_unnamed(r: &RegState) -> String {
    let mut s = crate::btf_access::BtfPtr::of(r.aux)
        .map(|p| p.prefix())
        .unwrap_or_default();
    s.push_str("ptr_");
    if r.maybe_null {
        s.push_str("or_null_");
    }
    s
}

pub fn reg_type_str(prog: &Program, r: &RegState) -> String {
    let base = reg_base_name(r.ty);
    let mut s = String::new();
    if r.ty == RegType::AllocMem {
        s.push_str("alloc_");
    } else if r.rdonly {
        s.push_str("rdonly_");
    }
    let kernel_ptr = (r.ty == RegType::BtfId)
        .then(|| crate::btf_access::BtfPtr::of(r.aux))
        .flatten();
    if let Some(p) = kernel_ptr {
        s.push_str(&p.prefix());
    }
    s.push_str(base);
    if r.maybe_null {
        s.push_str(if r.ty == RegType::BtfId {
            "or_null_"
        } else {
            "_or_null"
        });
    }
    match kernel_ptr {
        // an allocated object's struct is the program's own
        Some(p) if p.has(crate::btf_access::PROG) => s.push_str(
            prog.obj_btf
                .as_ref()
                .and_then(|b| b.get(p.id()).ok())
                .map(|t| t.name.as_str())
                .unwrap_or("unknown"),
        ),
        // the struct's name in the kernel's BTF
        Some(p) => s.push_str(
            prog.kernel_btf
                .as_ref()
                .and_then(|k| k.btf.get(p.id()).ok())
                .map(|t| t.name.as_str())
                .unwrap_or("unknown"),
        ),
        None if r.ty == RegType::BtfId => s.push_str(btf_struct_name(r)),
        None => {}
    }
    s
}

fn btf_struct_name(r: &RegState) -> &'static str {
    crate::kfuncs::KFUNCS
        .get(r.aux as usize)
        .map(|k| k.struct_name)
        .unwrap_or("unknown")
}

fn may_be_refcounted_or_null(ty: RegType) -> bool {
    matches!(
        ty,
        RegType::Socket | RegType::TcpSock | RegType::AllocMem | RegType::Mem | RegType::BtfId
    )
}

/// `tnum_strn()`: the kernel's `%#llx` prints zero as `0x0`.
pub fn tnum_str(v: u64, m: u64) -> String {
    format!("({:#x}; {:#x})", v, m)
}

/// The value part of a register (after `=`).
pub fn reg_value_str(prog: &Program, r: &RegState) -> String {
    let mut out = String::new();
    write_reg_value(&mut out, prog, r);
    out
}

/// [`reg_value_str`] appended to `out`: the state lines of a level-2 log
/// are built in one reused buffer.
pub fn write_reg_value(out: &mut String, prog: &Program, r: &RegState) {
    let t = r.ty;
    if t == RegType::Scalar && r.precise {
        out.push('P');
    }
    if (t == RegType::Scalar || t == RegType::Stack) && r.var_off.is_const() {
        if t != RegType::Scalar {
            push_reg_type(out, prog, r);
        }
        push_dec(out, (r.var_off.value as i64).wrapping_add(r.off as i64));
        return;
    }
    push_reg_type(out, prog, r);
    // an arena pointer is printed bare, as 6.12's print_reg_state() does
    // (6.1 has none; the panels use this form for every mode)
    if t == RegType::Arena {
        return;
    }
    out.push('(');
    let mut attrs: Vec<String> = Vec::new();
    if r.id != 0 {
        if r.id & crate::regs::BPF_ADD_CONST != 0 {
            // 6.11+: "id=N+K" for a linked scalar plus a constant
            attrs.push(format!(
                "id={}{:+}",
                r.id & !crate::regs::BPF_ADD_CONST,
                r.off
            ));
        } else {
            attrs.push(format!("id={}", r.id));
        }
    }
    if may_be_refcounted_or_null(t) && r.ref_obj_id != 0 {
        attrs.push(format!("ref_obj_id={}", r.ref_obj_id));
    }
    if t != RegType::Scalar {
        attrs.push(format!("off={}", r.off));
    }
    if r.is_packet() {
        attrs.push(format!("r={}", r.aux as i32));
    } else if matches!(
        t,
        RegType::ConstPtrToMap | RegType::MapKey | RegType::MapValue
    ) {
        let (ks, vs) = prog
            .maps
            .get(r.aux as usize)
            .map(|m| match m.map_type {
                crate::program::MapType::Ringbuf => (0, 0),
                _ => (m.key_size, m.value_size),
            })
            .unwrap_or((0, 0));
        attrs.push(format!("ks={},vs={}", ks, vs));
    }
    if r.var_off.is_const() {
        attrs.push(format!("imm={:x}", r.var_off.value));
    } else {
        if r.smin as u64 != r.umin && r.smin != i64::MIN {
            attrs.push(format!("smin={}", r.smin));
        }
        if r.smax as u64 != r.umax && r.smax != i64::MAX {
            attrs.push(format!("smax={}", r.smax));
        }
        if r.umin != 0 {
            attrs.push(format!("umin={}", r.umin));
        }
        if r.umax != u64::MAX {
            attrs.push(format!("umax={}", r.umax));
        }
        if !r.var_off.is_unknown() {
            attrs.push(format!(
                "var_off={}",
                tnum_str(r.var_off.value, r.var_off.mask)
            ));
        }
        if r.s32_min as i64 != r.smin && r.s32_min != i32::MIN {
            attrs.push(format!("s32_min={}", r.s32_min));
        }
        if r.s32_max as i64 != r.smax && r.s32_max != i32::MAX {
            attrs.push(format!("s32_max={}", r.s32_max));
        }
        if r.u32_min as u64 != r.umin && r.u32_min != 0 {
            attrs.push(format!("u32_min={}", r.u32_min as i32));
        }
        if r.u32_max as u64 != r.umax && r.u32_max != u32::MAX {
            attrs.push(format!("u32_max={}", r.u32_max as i32));
        }
    }
    out.push_str(&attrs.join(","));
    out.push(')');
}

/// 6.12's number printing (`verbose_unum`): decimal up to U16_MAX, else hex.
fn unum_612(v: u64) -> String {
    if v <= u16::MAX as u64 {
        format!("{}", v)
    } else {
        format!("{:#x}", v)
    }
}

/// 6.12's `verbose_snum`: decimal within S16, else the bits in hex.
fn snum_612(v: i64) -> String {
    if (i16::MIN as i64..=i16::MAX as i64).contains(&v) {
        format!("{}", v)
    } else {
        format!("{:#x}", v as u64)
    }
}

/// 6.12's `tnum_strn`: a constant as a number.
pub fn tnum_str_612(v: u64, m: u64) -> String {
    if m == 0 {
        unum_612(v)
    } else {
        tnum_str(v, m)
    }
}

/// `reg_type_str()` of 6.12: `ringbuf_mem` for a ring buffer record.
fn reg_type_str_612(prog: &Program, r: &RegState) -> String {
    reg_type_str(prog, r).replace("alloc_mem", "ringbuf_mem")
}

/// 6.12's `print_scalar_ranges()`: equal bounds merged (`smin=smin32=0`),
/// numbers as `verbose_snum` / `verbose_unum` print them.
fn scalar_ranges_612(r: &RegState, attrs: &mut Vec<String>) {
    let snum_dec = |v: i64| (i16::MIN as i64..=i16::MAX as i64).contains(&v);
    let s32v = |v: i32| {
        if snum_dec(v as i64) {
            v as i64 as u64
        } else {
            v as u32 as u64
        }
    };
    let mut m: [(&str, u64, bool); 8] = [
        ("smin", r.smin as u64, r.smin == i64::MIN),
        ("smax", r.smax as u64, r.smax == i64::MAX),
        ("umin", r.umin, r.umin == 0),
        ("umax", r.umax, r.umax == u64::MAX),
        ("smin32", s32v(r.s32_min), r.s32_min == i32::MIN),
        ("smax32", s32v(r.s32_max), r.s32_max == i32::MAX),
        ("umin32", r.u32_min as u64, r.u32_min == 0),
        ("umax32", r.u32_max as u64, r.u32_max == u32::MAX),
    ];
    for i in 0..m.len() {
        if m[i].2 {
            continue;
        }
        let neg1 = m[i].0.starts_with('s') && (m[i].1 as i64) < 0;
        let mut text = format!("{}=", m[i].0);
        let mut j = i + 2;
        while j < m.len() {
            let neg2 = m[j].0.starts_with('s') && (m[j].1 as i64) < 0;
            if !m[j].2 && m[j].1 == m[i].1 && neg1 == neg2 {
                m[j].2 = true;
                text.push_str(&format!("{}=", m[j].0));
            }
            j += 2;
        }
        if m[i].0.starts_with('s') {
            text.push_str(&snum_612(m[i].1 as i64));
        } else {
            text.push_str(&unum_612(m[i].1));
        }
        attrs.push(text);
    }
}

/// `verbose_snum` appended to `out`.
fn push_snum_612(out: &mut String, v: i64) {
    if (i16::MIN as i64..=i16::MAX as i64).contains(&v) {
        push_dec(out, v);
    } else {
        out.push_str(&snum_612(v));
    }
}

/// 6.12's `print_reg_state()` appended to `out`; `frameno`: the frame being
/// printed (a pointer into another frame's stack is `fp[0]-8`). Constants
/// and plain stack pointers (most of a level-2 log's state lines) are
/// written without building strings.
pub fn write_reg_value_612(out: &mut String, prog: &Program, r: &RegState, frameno: u8) {
    let t = r.ty;
    if t == RegType::Scalar && r.var_off.is_const() {
        if r.precise {
            out.push('P');
        }
        push_snum_612(out, r.var_off.value as i64);
        return;
    }
    // print_reg_state(): an arena pointer has nothing more to say
    if t == RegType::Arena {
        out.push_str("arena");
        return;
    }
    if t == RegType::Stack
        && r.frameno == frameno
        && r.var_off.is_const()
        && !r.rdonly
        && !r.maybe_null
    {
        out.push_str(reg_base_name(t));
        push_snum_612(out, (r.var_off.value as i64).wrapping_add(r.off as i64));
        return;
    }
    out.push_str(&reg_value_str_612(prog, r, frameno));
}

/// [`write_reg_value_612`]'s general case, as a string.
fn reg_value_str_612(prog: &Program, r: &RegState, frameno: u8) -> String {
    let mut out = String::new();
    let t = r.ty;
    if t == RegType::Scalar && r.precise {
        out.push('P');
    }
    if t == RegType::Scalar && r.var_off.is_const() {
        out.push_str(&snum_612(r.var_off.value as i64));
        return out;
    }
    out.push_str(&reg_type_str_612(prog, r));
    if t == RegType::Stack {
        if r.frameno != frameno {
            out.push_str(&format!("[{}]", r.frameno));
        }
        if r.var_off.is_const() {
            out.push_str(&snum_612(
                (r.var_off.value as i64).wrapping_add(r.off as i64),
            ));
            return out;
        }
    }
    out.push('(');
    let mut attrs: Vec<String> = Vec::new();
    if r.id != 0 {
        let base = r.id & !crate::regs::BPF_ADD_CONST;
        if r.id & crate::regs::BPF_ADD_CONST != 0 {
            attrs.push(format!("id={}{:+}", base, r.off));
        } else {
            attrs.push(format!("id={}", base));
        }
    }
    // 6.12 prints any register's reference (print_reg_state)
    if r.ref_obj_id != 0 {
        attrs.push(format!("ref_obj_id={}", r.ref_obj_id));
    }
    if crate::alloc_obj::alloc_ptr(r).is_some_and(|p| p.has(crate::btf_access::NON_OWN)) {
        attrs.push("non_own_ref".to_string());
    }
    if matches!(
        t,
        RegType::ConstPtrToMap | RegType::MapKey | RegType::MapValue
    ) {
        if let Some(m) = prog.maps.get(r.aux as usize) {
            if !m.inner_meta {
                attrs.push(format!("map={}", m.kernel_name()));
            }
            let (ks, vs) = match m.map_type {
                crate::program::MapType::Ringbuf => (0, 0),
                _ => (m.key_size, m.value_size),
            };
            attrs.push(format!("ks={},vs={}", ks, vs));
        }
    }
    if t != RegType::Scalar && r.off != 0 {
        attrs.push(format!("off={}", snum_612(r.off as i64)));
    }
    if r.is_packet() {
        attrs.push(format!("r={}", unum_612(r.aux as i32 as i64 as u64)));
    }
    if matches!(t, RegType::AllocMem | RegType::Mem) {
        attrs.push(format!("sz={}", unum_612(r.aux as u64)));
    }
    if t == RegType::ConstPtrToDynptr {
        attrs.push(format!("type={}", r.dynptr.kind.name()));
    }
    if r.var_off.is_const() {
        if r.var_off.value != 0 {
            attrs.push(format!("imm={}", snum_612(r.var_off.value as i64)));
        }
    } else {
        scalar_ranges_612(r, &mut attrs);
        if !r.var_off.is_unknown() {
            attrs.push(format!(
                "var_off={}",
                tnum_str_612(r.var_off.value, r.var_off.mask)
            ));
        }
    }
    out.push_str(&attrs.join(","));
    out.push(')');
    out
}

/// `print_verifier_state()` of the mode: 6.12's notation when `v612`.
pub fn func_state_str_for(
    prog: &Program,
    st: &FuncState,
    scratched: Option<(u16, u64)>,
    v612: bool,
) -> String {
    let mut out = String::new();
    write_func_state_for(&mut out, prog, st, scratched, v612);
    out
}

/// [`func_state_str_for`] appended to `out`.
pub fn write_func_state_for(
    out: &mut String,
    prog: &Program,
    st: &FuncState,
    scratched: Option<(u16, u64)>,
    v612: bool,
) {
    if !v612 {
        return write_func_state(out, prog, st, scratched);
    }
    if st.frameno != 0 {
        out.push_str(&format!(" frame{}:", st.frameno));
    }
    for (i, r) in st.regs.iter().enumerate() {
        if r.ty == RegType::NotInit {
            continue;
        }
        if let Some((regs, _)) = scratched {
            if regs & (1 << i) == 0 {
                continue;
            }
        }
        out.push_str(" R");
        push_dec(out, i as i64);
        liveness(r.live, out);
        out.push('=');
        write_reg_value_612(out, prog, r, st.frameno);
    }
    let mut skip = None;
    for (i, slot) in st.stack.iter().enumerate() {
        if skip == Some(i) {
            continue;
        }
        if slot
            .types
            .iter()
            .all(|t| *t == crate::state::SlotType::Invalid)
        {
            continue;
        }
        if let Some((_, stack)) = scratched {
            if i >= 64 || stack & (1u64 << i) == 0 {
                continue;
            }
        }
        if slot.types[BPF_REG_SIZE as usize - 1] == crate::state::SlotType::Dynptr {
            // a dynptr is printed at its first slot, the next one
            let i = i + 1;
            skip = Some(i);
            let Some(first) = st.stack.get(i) else {
                continue;
            };
            let r = &first.spilled;
            out.push_str(" fp");
            push_dec(out, ((-(i as i32) - 1) * BPF_REG_SIZE) as i64);
            liveness(r.live, out);
            out.push_str("=dynptr_");
            out.push_str(r.dynptr.kind.name());
            let mut parts = Vec::new();
            if r.id != 0 {
                parts.push(format!("id={}", r.id));
            }
            if r.ref_obj_id != 0 {
                parts.push(format!("ref_id={}", r.ref_obj_id));
            }
            // `dynptr_id` shares its bytes with `dynptr.first_slot`
            if r.dynptr.first_slot {
                parts.push("dynptr_id=1".to_string());
            }
            out.push('(');
            out.push_str(&parts.join(","));
            out.push(')');
            continue;
        }
        let iter = slot.types[BPF_REG_SIZE as usize - 1] == crate::state::SlotType::Iter;
        // an iterator is printed at its main slot (the one with the ref)
        if iter && slot.spilled.ref_obj_id == 0 {
            continue;
        }
        out.push_str(" fp");
        push_dec(out, ((-(i as i32) - 1) * BPF_REG_SIZE) as i64);
        liveness(slot.spilled.live, out);
        out.push('=');
        if iter {
            let name = prog
                .kernel_btf
                .as_ref()
                .and_then(|k| k.btf.get(slot.iter.btf_id).ok())
                .map(|t| t.name.trim_start_matches("bpf_iter_").to_string())
                .unwrap_or_default();
            out.push_str(&format!(
                "iter_{name}(ref_id={},state={},depth={})",
                slot.spilled.ref_obj_id,
                if slot.iter.active {
                    "active"
                } else {
                    "drained"
                },
                slot.iter.depth
            ));
        } else if slot.types[BPF_REG_SIZE as usize - 1] == crate::state::SlotType::Spill {
            // the MISC/ZERO/INVALID bytes above a narrower spill, then the value
            for t in slot.types.iter() {
                if *t == crate::state::SlotType::Spill {
                    break;
                }
                out.push(t.ch());
            }
            write_reg_value_612(out, prog, &slot.spilled, st.frameno);
        } else {
            for t in slot.types.iter() {
                out.push(t.ch());
            }
        }
    }
    if let Some(first) = st.refs.first() {
        if first.id != 0 {
            out.push_str(&format!(" refs={}", first.id));
            for r in st.refs.iter().skip(1) {
                if r.id != 0 {
                    out.push_str(&format!(",{}", r.id));
                }
            }
        }
    }
    if st.in_callback_fn {
        out.push_str(" cb");
    }
    if st.in_async_callback_fn {
        out.push_str(" async_cb");
    }
    out.push('\n');
}

/// `print_verifier_state()` appended to `out`; `scratched` = (registers, stack slots) bitmaps,
/// `None` to print everything.
pub fn write_func_state(
    out: &mut String,
    prog: &Program,
    st: &FuncState,
    scratched: Option<(u16, u64)>,
) {
    if st.frameno != 0 {
        out.push_str(&format!(" frame{}:", st.frameno));
    }
    for (i, r) in st.regs.iter().enumerate() {
        if r.ty == RegType::NotInit {
            continue;
        }
        if let Some((regs, _)) = scratched {
            if regs & (1 << i) == 0 {
                continue;
            }
        }
        out.push_str(" R");
        push_dec(out, i as i64);
        liveness(r.live, out);
        out.push('=');
        write_reg_value(out, prog, r);
    }
    for (i, slot) in st.stack.iter().enumerate() {
        if slot
            .types
            .iter()
            .all(|t| *t == crate::state::SlotType::Invalid)
        {
            continue;
        }
        if let Some((_, stack)) = scratched {
            if i >= 64 || stack & (1u64 << i) == 0 {
                continue;
            }
        }
        out.push_str(" fp");
        push_dec(out, ((-(i as i32) - 1) * BPF_REG_SIZE) as i64);
        liveness(slot.spilled.live, out);
        if slot.is_spill() {
            let r = &slot.spilled;
            out.push('=');
            if r.ty != RegType::Scalar {
                // reg_type_str() only: no BTF type name for spilled pointers
                let mut t = reg_type_str(prog, r);
                if r.ty == RegType::BtfId {
                    t.truncate(t.find("ptr_").map(|p| p + 4).unwrap_or(t.len()));
                    if r.maybe_null {
                        t.push_str("or_null_");
                    }
                }
                out.push_str(&t);
            }
            if r.ty == RegType::Scalar && r.precise {
                out.push('P');
            }
            if r.ty == RegType::Scalar && r.var_off.is_const() {
                out.push_str(&format!(
                    "{}",
                    (r.var_off.value as i64).wrapping_add(r.off as i64)
                ));
            }
        } else {
            out.push('=');
            for t in slot.types.iter() {
                out.push(t.ch());
            }
        }
    }
    if let Some(first) = st.refs.first() {
        if first.id != 0 {
            out.push_str(&format!(" refs={}", first.id));
            for r in st.refs.iter().skip(1) {
                if r.id != 0 {
                    out.push_str(&format!(",{}", r.id));
                }
            }
        }
    }
    if st.in_callback_fn {
        out.push_str(" cb");
    }
    if st.in_async_callback_fn {
        out.push_str(" async_cb");
    }
    out.push('\n');
}

#[cfg(test)]
mod last_line_tests {
    use super::Log;

    /// Writes `n` numbered lines in pieces, as the checker does.
    fn lines(log: &mut Log, n: usize) {
        for i in 0..n {
            log.write("line ");
            log.write(&i.to_string());
            log.write("\n");
        }
    }

    #[test]
    fn the_last_line_is_known_at_level_0_across_spill_chunks() {
        let mut log = Log::new(0);
        lines(&mut log, 5000);
        assert_eq!(log.last_line(), "line 4999");
        log.write("unfinished");
        assert_eq!(log.last_line(), "line 4999");
        log.write(" now\n");
        assert_eq!(log.last_line(), "unfinished now");
        assert!(log.buf.is_empty());
    }

    #[test]
    fn past_the_cap_the_buffer_stops_and_the_last_line_goes_on() {
        let mut log = Log::new(2);
        log.cap = 100;
        lines(&mut log, 3000);
        assert!(log.full);
        assert!(log.buf.len() <= 100);
        assert_eq!(log.last_line(), "line 2999");
    }

    #[test]
    fn draining_hands_out_settled_lines_and_keeps_positions() {
        let mut log = Log::new(2);
        lines(&mut log, 3);
        let mut got = String::new();
        let mut sink = |s: &str| {
            got.push_str(s);
            true
        };
        // a complete last line stays: its state may still be appended to it
        assert!(log.drain_settled(&mut sink));
        assert_eq!(log.buf, "line 2\n");
        // an unfinished line stays alone
        log.write("tail");
        assert!(log.drain_settled(&mut sink));
        assert_eq!(got, "line 0\nline 1\nline 2\n");
        assert_eq!(log.buf, "tail");
        assert_eq!(log.len(), got.len() + log.buf.len());
        // a sink that stops says so
        log.write("\nmore\n");
        assert!(!log.drain_settled(&mut |_| false));
        assert_eq!(log.last_line(), "more");
    }
}

#[cfg(test)]
mod push_tests {
    #[test]
    fn hex_and_decimal_as_format_writes_them() {
        for v in [0u64, 1, 9, 10, 15, 16, 255, 0x7530, u64::MAX, 1 << 63] {
            let mut s = String::new();
            super::push_hex(&mut s, v);
            assert_eq!(s, format!("{v:x}"));
        }
        for v in [0i64, 1, -1, 9, 10, -10, 12345, i64::MIN, i64::MAX] {
            let mut s = String::new();
            super::push_dec(&mut s, v);
            assert_eq!(s, format!("{v}"));
        }
    }
}
