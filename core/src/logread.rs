//! A real kernel's verifier log, read back: the verdict, the message, the
//! counters, the program as the log shows it, and the walk as steps (one
//! per instruction line, with the registers and stack the log printed and
//! the pops and prunes around it). Any text goes in; what the log does not
//! say (a register it did not print, the worklist before a pop) stays
//! unknown, never invented.
//!
//! Formats: level 1 and 2 of 5.x–6.x kernels (`R1_w=ctx(off=0,imm=0)` and
//! `R1_w=ctx()`, `fp-8=mmmmmmmm`, `refs=2,4`, `frame1:`, `; R3_w=...`
//! suffixes, `from X to Y:`, `safe`, precision lines, `caller:`/`callee:`
//! dumps), wrapped by libbpf (`-- BEGIN PROG LOAD LOG --`) or bpftool, and
//! truncated logs.

/// What the log says about the load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogVerdict {
    Accepted,
    Rejected,
    /// No `processed` line: the log was cut (or is not a verifier log).
    Unknown,
}

/// One value the log printed: `R1` / `fp-8` and its text (`ctx()`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedValue {
    pub name: String,
    /// The liveness / precision marks after the name (`_w`, `_rw`, `_D`).
    pub marks: String,
    pub value: String,
}

/// The state a line printed: a whole state (`N: R1=...`, `from X to Y:`)
/// or only what the instruction changed (`; R0_w=...`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoggedState {
    pub frame: Option<u8>,
    pub values: Vec<LoggedValue>,
    /// `refs=2,4` when printed.
    pub refs: Option<Vec<u32>>,
    /// Words without `=` (`cb`, `async_cb`).
    pub flags: Vec<String>,
    /// Printed in full (else: the changed part only).
    pub full: bool,
}

/// What happened at a step, as the log shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogEvent {
    /// `from X to Y:`: the walk resumed a pending state pushed at X.
    Pop { from: usize, to: usize },
    /// `N: safe` / `from X to Y: safe`: the path was pruned at this insn.
    Prune { from: Option<usize> },
    /// Entered a called function or callback (`caller:` / `callee:`, or a
    /// deeper `frameN:` than before).
    Call { frame: u8 },
    /// `returning from callee:` / `to caller at N:`.
    Return { to: Option<usize> },
    /// The branch here left a state to resume at `to`: known from the
    /// later `from X to Y` line that resumes it.
    Push { to: usize },
}

/// One visit of an instruction (or a prune at one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogStep {
    /// The 1-based line of the input this step comes from.
    pub line: usize,
    pub insn: usize,
    /// The frame the log names (`frame1:`); unknown when it names none.
    pub frame: Option<u8>,
    /// The instruction as the log printed it (`(85) call bpf_loop#181`);
    /// empty for a prune.
    pub text: String,
    /// The full state printed just before the instruction, if any.
    pub before: Option<LoggedState>,
    /// What the instruction changed (`; R0_w=...`), if printed.
    pub after: Option<LoggedState>,
    pub events: Vec<LogEvent>,
}

/// A log, read.
#[derive(Clone, Debug, Default)]
pub struct LogReading {
    pub verdict: Option<LogVerdict>,
    /// The last line before the statistics, for a rejection.
    pub message: Option<String>,
    /// The instruction the message names, else the last instruction line.
    pub error_insn: Option<usize>,
    pub processed: Option<u64>,
    pub total_states: Option<u64>,
    pub peak_states: Option<u64>,
    pub max_states_per_insn: Option<u64>,
    /// The instructions the log showed, by index (first text seen).
    pub program: Vec<(usize, String)>,
    pub steps: Vec<LogStep>,
    /// Lines read (after unwrapping).
    pub lines: usize,
    /// Lines the reader did not understand (line number, text), at most
    /// `MAX_UNKNOWN` of them.
    pub unknown: Vec<(usize, String)>,
}

impl LogReading {
    pub fn verdict(&self) -> LogVerdict {
        self.verdict.unwrap_or(LogVerdict::Unknown)
    }
}

/// Bounds: a log of any size is read in one pass; these cap what is kept
/// about lines that are not part of the walk.
const MAX_UNKNOWN: usize = 64;
/// A state line longer than this is cut (the kernel's own lines are far
/// shorter; anything longer is not a verifier log line).
const MAX_LINE: usize = 64 << 10;

/// Reads a verifier log. Never fails: what cannot be understood is listed
/// in `unknown`, and a log without its `processed` line has no verdict.
pub fn read_log(text: &str) -> LogReading {
    let mut r = LogReading::default();
    let mut pending_state: Option<(usize, LoggedState)> = None;
    let mut pending_events: Vec<LogEvent> = Vec::new();
    let mut last_frame: Option<u8> = None;
    // candidate message: the last line that is not part of the walk
    let mut last_line: Option<String> = None;
    let mut last_line_structural = true;
    let mut last_insn_line: Option<(usize, String)> = None;
    let mut last_was_safe = false;
    let mut in_wrapper = false;
    let mut saw_wrapper = false;
    let mut seen = std::collections::BTreeMap::new();
    for (n, raw) in text.lines().enumerate() {
        let lineno = n + 1;
        let mut line = raw.trim_end_matches('\r');
        if line.len() > MAX_LINE {
            line = cut(line, MAX_LINE);
        }
        // libbpf's wrapper: keep what is between BEGIN and END
        if line.contains("-- BEGIN PROG LOAD LOG --") || line.contains("-- BEGIN DUMP LOG ---") {
            in_wrapper = true;
            saw_wrapper = true;
            continue;
        }
        // libbpf prints `%s-- END PROG LOAD LOG --`: a log without its
        // last newline ends on the marker's line
        let mut ends_wrapper = false;
        if let Some(i) = line
            .find("-- END PROG LOAD LOG --")
            .or_else(|| line.find("-- END LOG --"))
        {
            ends_wrapper = true;
            line = &line[..i];
        }
        if saw_wrapper && !in_wrapper {
            continue;
        }
        if ends_wrapper {
            in_wrapper = false;
            if line.trim().is_empty() {
                continue;
            }
        }
        // libbpf's own messages around the log are not the verifier's
        if !in_wrapper && line.starts_with("libbpf: ") {
            continue;
        }
        let line = line.strip_prefix("libbpf: ").unwrap_or(line);
        r.lines += 1;
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(stats) = t.strip_prefix("processed ") {
            read_stats(stats, &mut r);
            // the message: the last line before the statistics. No
            // program is accepted without a single instruction walked: a
            // log of the checks before the walk alone is a refusal the
            // kernel did not word (E2BIG for too many maps)
            let rejected = !last_line_structural
                || r.processed == Some(0)
                || last_insn_line
                    .as_ref()
                    .is_some_and(|(_, txt)| !txt.contains(") exit") && !last_was_safe);
            if rejected {
                r.verdict = Some(LogVerdict::Rejected);
                r.message = last_line.clone();
                r.error_insn = last_line
                    .as_deref()
                    .and_then(names_insn)
                    .or(last_insn_line.as_ref().map(|x| x.0));
            } else {
                r.verdict = Some(LogVerdict::Accepted);
            }
            continue;
        }
        if is_trailer(t) {
            continue;
        }
        last_line = Some(t.to_string());
        last_line_structural = true;
        last_was_safe = false;
        // `from X to Y: safe` / `from X to Y: STATE`
        if let Some(rest) = t.strip_prefix("from ") {
            if let Some((from, to, tail)) = from_to(rest) {
                if tail.trim() == "safe" {
                    r.steps.push(prune_step(lineno, to, Some(from), last_frame));
                    last_was_safe = true;
                    continue;
                }
                pending_events.push(LogEvent::Pop { from, to });
                let st = read_state(tail, true);
                if st.frame.is_some() {
                    last_frame = st.frame;
                }
                pending_state = Some((to, st));
                continue;
            }
        }
        // `N: ...`
        if let Some((idx, rest)) = insn_prefix(t) {
            let rest = rest.trim_start();
            if rest == "safe" {
                r.steps.push(prune_step(lineno, idx, None, last_frame));
                last_was_safe = true;
                continue;
            }
            if rest.starts_with('(') && rest.len() > 4 && rest.as_bytes().get(3) == Some(&b')') {
                // an instruction: `(85) call bpf_loop#181 ; R0_w=...`
                let (insn, comment) = match rest.find(" ; ") {
                    Some(i) => (rest[..i].trim_end(), Some(&rest[i + 3..])),
                    None => (rest.trim_end(), None),
                };
                let insn = insn.trim_end_matches(';').trim_end();
                seen.entry(idx).or_insert_with(|| insn.to_string());
                let after = comment.map(|c| read_state(c, false));
                let before = match pending_state.take() {
                    Some((at, st)) if at == idx => Some(st),
                    _ => None,
                };
                let frame = after
                    .as_ref()
                    .and_then(|s| s.frame)
                    .or(before.as_ref().and_then(|s| s.frame))
                    .or(if after.is_some() || before.is_some() {
                        Some(0)
                    } else {
                        last_frame
                    });
                let mut events = std::mem::take(&mut pending_events);
                if let (Some(f), Some(prev)) = (frame, last_frame) {
                    if f > prev && !events.iter().any(|e| matches!(e, LogEvent::Pop { .. })) {
                        events.push(LogEvent::Call { frame: f });
                    }
                }
                if frame.is_some() {
                    last_frame = frame;
                }
                r.steps.push(LogStep {
                    line: lineno,
                    insn: idx,
                    frame,
                    text: insn.to_string(),
                    before,
                    after,
                    events,
                });
                last_insn_line = Some((idx, insn.to_string()));
                continue;
            }
            // `N: R1=... R10=fp0` / `N: frame1: R1=...`: the full state
            if looks_like_state(rest) {
                let st = read_state(rest, true);
                pending_state = Some((idx, st));
                continue;
            }
        }
        if t.starts_with("returning from callee") {
            pending_events.push(LogEvent::Return { to: None });
            continue;
        }
        if let Some(at) = t.strip_prefix("to caller at ") {
            let to = at.trim_end_matches(':').trim().parse().ok();
            if let Some(LogEvent::Return { to: slot }) = pending_events.last_mut() {
                *slot = to;
            } else {
                pending_events.push(LogEvent::Return { to });
            }
            continue;
        }
        if is_structural(t) {
            continue;
        }
        // anything else is a candidate message
        last_line_structural = false;
        if r.unknown.len() < MAX_UNKNOWN && !looks_like_message(t) {
            r.unknown.push((lineno, t.to_string()));
        }
    }
    r.program = seen.into_iter().collect();
    // a resumed state was pushed at the last visit of its branch before
    let mut pushes = Vec::new();
    for (p, st) in r.steps.iter().enumerate() {
        for e in &st.events {
            if let LogEvent::Pop { from, to } = e {
                if let Some(s) = r.steps[..p]
                    .iter()
                    .rposition(|x| x.insn == *from && !x.text.is_empty())
                {
                    pushes.push((s, *to));
                }
            }
        }
    }
    for (s, to) in pushes {
        r.steps[s].events.push(LogEvent::Push { to });
    }
    // the message is understood: it is the message
    if let Some(m) = &r.message {
        r.unknown.retain(|(_, t)| t != m);
    }
    if r.verdict.is_none() {
        r.verdict = Some(LogVerdict::Unknown);
        // a cut log still names its last message, if it printed one
        if !last_line_structural {
            r.message = last_line;
        }
    }
    r
}

/// At most `max` bytes, on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn prune_step(line: usize, insn: usize, from: Option<usize>, frame: Option<u8>) -> LogStep {
    LogStep {
        line,
        insn,
        frame,
        text: String::new(),
        before: None,
        after: None,
        events: vec![LogEvent::Prune { from }],
    }
}

/// `processed N insns (limit 1000000) max_states_per_insn M total_states T peak_states P mark_read R`
fn read_stats(s: &str, r: &mut LogReading) {
    let words: Vec<&str> = s.split_whitespace().collect();
    r.processed = words.first().and_then(|w| w.parse().ok());
    let after = |key: &str| {
        words
            .iter()
            .position(|w| *w == key)
            .and_then(|i| words.get(i + 1))
            .and_then(|w| w.parse().ok())
    };
    r.max_states_per_insn = after("max_states_per_insn");
    r.total_states = after("total_states");
    r.peak_states = after("peak_states");
}

/// Lines the kernel prints after the message (BPF_LOG_STATS, and 6.12's
/// state dumps after "infinite loop detected"): never the message.
fn is_trailer(t: &str) -> bool {
    t.starts_with("verification time ")
        || t.starts_with("stack depth ")
        || t.starts_with("cur state:")
        || t.starts_with("old state:")
}

/// Lines of the walk that are not instructions or states.
fn is_structural(t: &str) -> bool {
    t.starts_with("mark_precise:")
        || t.starts_with("last_idx ")
        || t.starts_with("regs=")
        || t.starts_with("parent didn't have regs")
        || t.starts_with("parent already had regs")
        || t.starts_with("frame ") && t.contains("propagating")
        || t.starts_with("frame") && t.contains("bpf_loop iteration limit reached")
        || t.starts_with("func#")
        || t.starts_with("caller:")
        || t.starts_with("callee:")
        || t.starts_with("; ")
        || t.starts_with("Func#") && t.ends_with("is global and assumed valid.")
        || t.starts_with("Validating ") && t.ends_with("func#0...")
        || t.starts_with("frame") && looks_like_state(t.split_once(':').map(|x| x.1).unwrap_or(""))
        || looks_like_state(t)
}

/// Messages the reader knows are messages (so they are not "unknown").
fn looks_like_message(t: &str) -> bool {
    t.starts_with('R') || t.contains("invalid") || t.contains("not allowed")
}

/// `from X to Y: rest`
fn from_to(rest: &str) -> Option<(usize, usize, &str)> {
    let (from, rest) = rest.split_once(" to ")?;
    let from = from.trim().parse().ok()?;
    let (to, tail) = match rest.split_once(':') {
        Some((a, b)) => (a, b),
        None => (rest, ""),
    };
    // "from 3 to 5 (speculative execution):"
    let to = to.split_whitespace().next()?.parse().ok()?;
    Some((from, to, tail))
}

/// `N:` at the start of a line.
fn insn_prefix(t: &str) -> Option<(usize, &str)> {
    let (num, rest) = t.split_once(':')?;
    if num.is_empty() || num.len() > 9 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((num.parse().ok()?, rest))
}

/// Does this read as a printed state (`R1=`, `frame1: R1=`, `fp-8=`)?
fn looks_like_state(s: &str) -> bool {
    let s = s.trim_start();
    let s = strip_frame(s).1;
    let first = s.split_whitespace().next().unwrap_or("");
    (first.starts_with('R')
        && first[1..].starts_with(|c: char| c.is_ascii_digit())
        && first.contains('='))
        || (first.starts_with("fp-") && first.contains('='))
}

/// `frame1: rest` → (Some(1), rest)
fn strip_frame(s: &str) -> (Option<u8>, &str) {
    if let Some(rest) = s.strip_prefix("frame") {
        if let Some((n, tail)) = rest.split_once(':') {
            if let Ok(f) = n.trim().parse::<u8>() {
                return (Some(f), tail.trim_start());
            }
        }
    }
    (None, s)
}

/// `R1_w=ctx(off=0,imm=0) R10=fp0 fp-8=mmmmmmmm refs=2 cb`
fn read_state(s: &str, full: bool) -> LoggedState {
    let (frame, body) = strip_frame(s.trim());
    let mut st = LoggedState {
        frame,
        full,
        ..LoggedState::default()
    };
    for tok in split_top(body) {
        match tok.split_once('=') {
            Some(("refs", ids)) => {
                st.refs = Some(
                    ids.split(',')
                        .filter_map(|x| x.trim().parse().ok())
                        .collect(),
                );
            }
            Some((name, value)) => {
                let (base, marks) = split_marks(name);
                st.values.push(LoggedValue {
                    name: base.to_string(),
                    marks: marks.to_string(),
                    value: value.to_string(),
                });
            }
            None => st.flags.push(tok.to_string()),
        }
    }
    st
}

/// `R1_rw` → (`R1`, `_rw`); `fp-8_w` → (`fp-8`, `_w`)
fn split_marks(name: &str) -> (&str, &str) {
    match name.find('_') {
        Some(i) => (&name[..i], &name[i..]),
        None => (name, ""),
    }
}

/// Splits on spaces outside parentheses.
fn split_top(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ' ' if depth <= 0 => {
                if let Some(st) = start.take() {
                    out.push(&s[st..i]);
                }
                continue;
            }
            _ => {}
        }
        if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// "infinite loop detected at insn 3", "back-edge from insn 5 to 3",
/// "unreachable insn 7": the instruction a message names.
fn names_insn(msg: &str) -> Option<usize> {
    for key in ["at insn ", "from insn ", "unreachable insn "] {
        if let Some(i) = msg.find(key) {
            let rest = &msg[i + key.len()..];
            let num: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = num.parse() {
                return Some(n);
            }
        }
    }
    None
}

/// Where a log and a walk part: the first step that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Divergence {
    /// Index in the kernel log's steps (and in veristep's).
    pub step: usize,
    /// The instruction the kernel's log is at (or would be).
    pub insn: Option<usize>,
    /// The input line of the kernel's step.
    pub line: Option<usize>,
    /// What differs, in words.
    pub what: String,
}

/// Compares a kernel's log with veristep's own (both read by [`read_log`]):
/// the sequence of visited instructions, pops and prunes, then (when both
/// print registers the same way) each value both logs print, then the
/// verdict, the message and the counters. `None`: they walk alike.
pub fn first_divergence(kernel: &LogReading, ours: &LogReading) -> Option<Divergence> {
    let same_notation = notation(kernel) == notation(ours);
    let n = kernel.steps.len().min(ours.steps.len());
    for i in 0..n {
        let (k, o) = (&kernel.steps[i], &ours.steps[i]);
        let div = |what: String| Divergence {
            step: i,
            insn: Some(k.insn),
            line: Some(k.line),
            what,
        };
        if k.insn != o.insn || k.text.is_empty() != o.text.is_empty() {
            return Some(div(format!(
                "the kernel goes to {} {}, veristep to {} {}",
                if k.text.is_empty() {
                    "prune at"
                } else {
                    "instruction"
                },
                k.insn,
                if o.text.is_empty() {
                    "prune at"
                } else {
                    "instruction"
                },
                o.insn
            )));
        }
        let pops = |s: &LogStep| {
            s.events
                .iter()
                .filter(|e| matches!(e, LogEvent::Pop { .. }))
                .cloned()
                .collect::<Vec<_>>()
        };
        if pops(k) != pops(o) {
            return Some(div("a different pending state is resumed here".into()));
        }
        if same_notation {
            for (ks, os) in [(&k.after, &o.after), (&k.before, &o.before)] {
                if let (Some(ks), Some(os)) = (ks, os) {
                    for (j, kv) in ks.values.iter().enumerate() {
                        // a name printed twice on a line (a cut or garbled
                        // log) pairs with the same occurrence on the other side
                        let nth = ks.values[..j].iter().filter(|v| v.name == kv.name).count();
                        let ov = os.values.iter().filter(|v| v.name == kv.name).nth(nth);
                        if let Some(ov) = ov {
                            if normalise(&kv.value) != normalise(&ov.value) {
                                return Some(div(format!(
                                    "{}: the kernel has {}, veristep {}",
                                    kv.name, kv.value, ov.value
                                )));
                            }
                        }
                    }
                }
            }
        }
    }
    if kernel.steps.len() != ours.steps.len() {
        let i = n;
        let k = kernel.steps.get(i);
        return Some(Divergence {
            step: i,
            insn: k.map(|s| s.insn).or(ours.steps.get(i).map(|s| s.insn)),
            line: k.map(|s| s.line),
            what: if kernel.steps.len() > ours.steps.len() {
                "the kernel's walk goes on where veristep's ends".into()
            } else {
                "veristep's walk goes on where the kernel's ends".into()
            },
        });
    }
    let end = |what: String| {
        Some(Divergence {
            step: n,
            insn: kernel.error_insn,
            line: None,
            what,
        })
    };
    if kernel.verdict() != ours.verdict() {
        return end(format!(
            "verdict: the kernel {:?}, veristep {:?}",
            kernel.verdict(),
            ours.verdict()
        ));
    }
    if kernel.verdict() == LogVerdict::Rejected && kernel.message != ours.message {
        return end(format!(
            "message: the kernel says {:?}, veristep {:?}",
            kernel.message.as_deref().unwrap_or(""),
            ours.message.as_deref().unwrap_or("")
        ));
    }
    if kernel.processed.is_some() && kernel.processed != ours.processed {
        return end(format!(
            "processed: the kernel {}, veristep {}",
            kernel.processed.unwrap_or(0),
            ours.processed.unwrap_or(0)
        ));
    }
    None
}

/// How a log prints pointers: 6.1 (`ctx(off=0,imm=0)`) or 6.12 (`ctx()`).
fn notation(r: &LogReading) -> u8 {
    for s in &r.steps {
        for st in [&s.before, &s.after].into_iter().flatten() {
            for v in &st.values {
                if v.value.starts_with("ctx(") {
                    return if v.value == "ctx()" { 2 } else { 1 };
                }
            }
        }
    }
    0
}

/// Map addresses differ between machines: `0xffff888004af3000` → `0xADDR`.
fn normalise(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(i) = rest.find("0xffff") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let hex = tail.chars().take_while(|c| c.is_ascii_hexdigit()).count();
        if hex >= 12 {
            out.push_str("0xADDR");
        } else {
            out.push_str(&rest[i..i + 2 + hex]);
        }
        rest = &tail[hex..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG61: &str = "func#0 @0
func#1 @9
0: R1=ctx(off=0,imm=0) R10=fp0
0: (b7) r1 = 1                        ; R1_w=1
1: (18) r2 = 0x9                      ; R2_w=func(off=0,imm=0)
3: (b7) r3 = 0                        ; R3_w=0
4: (b7) r4 = 0                        ; R4_w=0
5: (85) call bpf_loop#181
caller:
 R10=fp0
callee:
 frame1: R1_w=scalar() R2_w=0 R10=fp0 cb
9: frame1: R1_w=scalar() R2_w=0 R10=fp0 cb
9: (b7) r0 = 0                        ; frame1: R0_w=0 cb
10: (95) exit
returning from callee:
 frame1: R0_w=0 R10=fp0 cb
to caller at 6:
 R0_w=scalar() R10=fp0

from 10 to 6: R0_w=scalar() R10=fp0
6: (b7) r0 = 0                        ; R0_w=0
7: (95) exit
processed 9 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
";

    #[test]
    fn an_accepted_log_gives_its_counters_and_steps() {
        let r = read_log(LOG61);
        assert_eq!(r.verdict(), LogVerdict::Accepted);
        assert_eq!(r.processed, Some(9));
        assert_eq!(r.total_states, Some(0));
        assert_eq!(r.message, None);
        let insns: Vec<usize> = r.steps.iter().map(|s| s.insn).collect();
        assert_eq!(insns, vec![0, 1, 3, 4, 5, 9, 10, 6, 7]);
        // the callback runs in frame 1, and the log says so
        assert_eq!(r.steps[5].frame, Some(1));
        assert!(r.steps[5].events.contains(&LogEvent::Call { frame: 1 }));
        assert!(r.steps[7]
            .events
            .contains(&LogEvent::Pop { from: 10, to: 6 }));
        assert_eq!(r.steps[0].before.as_ref().map(|s| s.values.len()), Some(2));
        let r1 = &r.steps[0].after.as_ref().map(|s| s.values[0].clone());
        assert_eq!(r1.as_ref().map(|v| v.value.as_str()), Some("1"));
        assert_eq!(r.program.len(), 9);
        assert!(r.unknown.is_empty(), "{:?}", r.unknown);
    }

    #[test]
    fn a_rejection_names_its_message_and_instruction() {
        let log = "0: R1=ctx() R10=fp0\n0: (b7) r0 = 0                       ; R0_w=0\n1: (79) r1 = *(u64 *)(r10 -8)\ninvalid read from stack R10 off=-8 size=8\nprocessed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";
        let r = read_log(log);
        assert_eq!(r.verdict(), LogVerdict::Rejected);
        assert_eq!(
            r.message.as_deref(),
            Some("invalid read from stack R10 off=-8 size=8")
        );
        assert_eq!(r.error_insn, Some(1));
        assert_eq!(r.processed, Some(2));
    }

    #[test]
    fn libbpf_wrappers_and_cut_logs() {
        let log = "libbpf: prog 'p': BPF program load failed: Permission denied\nlibbpf: prog 'p': -- BEGIN PROG LOAD LOG --\n0: R1=ctx() R10=fp0\n0: (95) exit\nR0 !read_ok\nprocessed 1 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n-- END PROG LOAD LOG --\nlibbpf: failed to load object 'x.o'\n";
        let r = read_log(log);
        assert_eq!(r.verdict(), LogVerdict::Rejected);
        assert_eq!(r.message.as_deref(), Some("R0 !read_ok"));
        let cut = read_log("0: R1=ctx() R10=fp0\n0: (b7) r0 = 0 ; R0_w=0\n1: (95) ex");
        assert_eq!(cut.verdict(), LogVerdict::Unknown);
        // a line cut in the middle is still the instruction it started
        assert_eq!(cut.steps.len(), 2);
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        let samples = [
            "",
            ":",
            "1:",
            "from",
            "from 1 to",
            "from x to y: safe",
            "99999999999999999999: (95) exit",
            "1: (",
            "1: (95",
            "R1=(((",
            "frame: R1=1",
            "processed",
            "processed x insns",
            "é: ü",
            "to caller at x:",
        ];
        for s in samples {
            let _ = read_log(s);
            let _ = read_log(&format!("{s}\n{s}\nprocessed 1 insns"));
        }
    }

    #[test]
    fn a_log_matches_itself_and_a_changed_one_is_found() {
        let a = read_log(LOG61);
        assert_eq!(first_divergence(&a, &a), None);
        let changed = LOG61.replace(
            "6: (b7) r0 = 0                        ; R0_w=0",
            "6: (b7) r0 = 0                        ; R0_w=1",
        );
        let b = read_log(&changed);
        let d = first_divergence(&a, &b).expect("differs");
        assert_eq!(d.insn, Some(6));
        assert!(d.what.contains("R0"), "{}", d.what);
        let addr = normalise("R1_w=map_ptr 0xffff888004af3000");
        assert_eq!(addr, "R1_w=map_ptr 0xADDR");
    }
}
