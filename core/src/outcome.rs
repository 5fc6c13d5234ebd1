//! What a verification returns: the verdict, the error (an instruction index,
//! the kernel's message, a plain-language explanation), the kernel's counters,
//! the kernel-format log and the trace of the exploration.

use crate::trace::Trace;
use crate::KernelVersion;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    Rejected,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::Rejected => "rejected",
        }
    }
}

/// A rejection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifierError {
    /// The instruction where verification stopped; `None` for whole-program
    /// checks that run after the walk (combined stack size).
    pub insn: Option<usize>,
    /// The kernel's message, byte for byte (the last log line before the
    /// `processed` line).
    pub message: String,
    /// The errno the kernel returns (13 EACCES, 22 EINVAL, 7 E2BIG, ...).
    pub errno: i32,
    /// The same, said plainly for people (derived from `reason`).
    pub explanation: String,
    /// The facts behind the message: its kind and what the checker knew.
    pub reason: crate::reason::Reason,
}

/// The counters of the kernel's `processed ...` line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Stats {
    pub processed: u64,
    pub max_states_per_insn: u64,
    pub total_states: u64,
    pub peak_states: u64,
    pub mark_read: u64,
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub kernel: KernelVersion,
    pub verdict: Verdict,
    pub error: Option<VerifierError>,
    pub stats: Stats,
    /// The kernel-format log at the requested level (empty at level 0 but
    /// for the `processed` line, as the kernel's stats-only log).
    pub log: String,
    /// The exploration, when asked for.
    pub trace: Option<Trace>,
    /// The log was cut: at veristep's cap (64 MiB), where a line of its own
    /// says so before the `processed` line; or, with `Options::log_size`,
    /// to the kernel's buffer, as the kernel cuts it (the load then fails
    /// with ENOSPC).
    pub log_truncated: bool,
}

impl Outcome {
    /// The kernel's message (`None` when accepted).
    pub fn message(&self) -> Option<&str> {
        // a pass after the walk may refuse without a message (EFAULT)
        self.error
            .as_ref()
            .map(|e| e.message.as_str())
            .filter(|m| !m.is_empty())
    }
    pub fn error_insn(&self) -> Option<usize> {
        self.error.as_ref().and_then(|e| e.insn)
    }

    /// The message and instruction a reader of the log finds, by the rule
    /// the project's kernel oracle (`kernel-verdict`) applies to the
    /// kernel's log: the message is the last line before `processed`
    /// (skipping the statistics trailer), even where the kernel glued it
    /// to an instruction line (`3: (15) if r0 == 0x0 goto pc-3 infinite
    /// loop detected at insn 1`); the instruction is the one the message
    /// names (`at insn N`, `from insn N`, `unreachable insn N`), else the
    /// last `N: (xx)` line before it, else none, and none for the checks
    /// after the walk. The error's own fields stay what the checker knew
    /// (a jump into an `ldimm64` names its instruction to the playground,
    /// though its message does not). `None` without a log to read.
    pub fn as_logged(&self) -> Option<(String, Option<usize>)> {
        self.error.as_ref()?;
        let lines: Vec<&str> = self.log.lines().collect();
        let stats = lines.iter().rposition(|l| l.starts_with("processed "))?;
        let before = &lines[..stats];
        let k = before
            .iter()
            .rposition(|l| !l.trim().is_empty() && !is_trailer(l))?;
        let message = before[k];
        let insn = match names_insn(message) {
            Some(n) => Some(n),
            None if is_post_walk(message) => None,
            None => before[..k].iter().rev().find_map(|l| insn_line(l)),
        };
        Some((message.to_string(), insn))
    }
}

/// Lines after the message: BPF_LOG_STATS figures and 6.12's dump of the
/// states after `infinite loop detected`.
fn is_trailer(l: &str) -> bool {
    let num_then = |rest: &str, tail: &str| {
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        d > 0 && rest[d..].starts_with(tail)
    };
    l.strip_prefix("verification time ")
        .is_some_and(|r| num_then(r, " usec"))
        || l.strip_prefix("stack depth ")
            .is_some_and(|r| num_then(r, ""))
        || l.starts_with("cur state:")
        || l.starts_with("old state:")
}

/// Messages of the checks after the walk, which name no instruction.
fn is_post_walk(m: &str) -> bool {
    m.starts_with("combined stack size")
        || m.starts_with("tail_calls are not allowed")
        || (m.starts_with("the call stack of ") && m.ends_with(" frames is too deep !"))
}

/// `at insn N`, `from insn N`, or a leading `unreachable insn N`.
fn names_insn(m: &str) -> Option<usize> {
    let number = |rest: &str| {
        let d = rest.bytes().take_while(u8::is_ascii_digit).count();
        rest[..d].parse().ok()
    };
    if let Some(rest) = m.strip_prefix("unreachable insn ") {
        if let Some(n) = number(rest) {
            return Some(n);
        }
    }
    // the leftmost of either, as a regular expression search finds it
    ["at insn ", "from insn "]
        .iter()
        .flat_map(|pat| {
            m.match_indices(pat)
                .filter_map(|(i, p)| Some((i, number(&m[i + p.len()..])?)))
        })
        .min_by_key(|&(i, _)| i)
        .map(|(_, n)| n)
}

/// `N: (xx) ...`: an instruction line of the log.
fn insn_line(l: &str) -> Option<usize> {
    let d = l.bytes().take_while(u8::is_ascii_digit).count();
    let rest = l[d..].strip_prefix(": (")?;
    let b = rest.as_bytes();
    let hex = |c: u8| c.is_ascii_digit() || (b'a'..=b'f').contains(&c);
    (d > 0 && b.len() >= 4 && hex(b[0]) && hex(b[1]) && &b[2..4] == b") ")
        .then(|| l[..d].parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(log: &str, message: &str, insn: Option<usize>) -> Outcome {
        Outcome {
            kernel: KernelVersion::V6_1,
            verdict: Verdict::Rejected,
            error: Some(VerifierError {
                insn,
                message: message.into(),
                errno: 13,
                explanation: String::new(),
                reason: crate::reason::Reason::Other,
            }),
            stats: Stats::default(),
            log: log.into(),
            trace: None,
            log_truncated: false,
        }
    }

    const STATS: &str = "processed 3 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n";

    #[test]
    fn a_glued_message_is_the_whole_line() {
        let log = format!("2: (85) call pc+2\n3: (15) if r0 == 0x0 goto pc-3 infinite loop detected at insn 1\n{STATS}");
        let o = rejected(&log, "infinite loop detected at insn 1", Some(3));
        let (m, i) = o.as_logged().unwrap();
        assert_eq!(
            m,
            "3: (15) if r0 == 0x0 goto pc-3 infinite loop detected at insn 1"
        );
        assert_eq!(i, Some(1));
    }

    #[test]
    fn the_instruction_comes_from_the_log() {
        // the message names none and no instruction was printed
        let log = format!("jump into the middle of ldimm64 insn 1\n{STATS}");
        let o = rejected(&log, "jump into the middle of ldimm64 insn 1", Some(1));
        assert_eq!(o.as_logged().unwrap().1, None);
        // the last instruction line; the trailer is skipped
        let log = format!("0: (b7) r0 = 0\n1: (61) r0 = *(u32 *)(r0 +0)\nR0 invalid mem access 'scalar'\nverification time 5 usec\nstack depth 0\n{STATS}");
        let o = rejected(&log, "R0 invalid mem access 'scalar'", Some(1));
        assert_eq!(
            o.as_logged(),
            Some(("R0 invalid mem access 'scalar'".into(), Some(1)))
        );
        // the leftmost insn the message names; none after the walk
        assert_eq!(names_insn("back-edge from insn 7 to 3 at insn 9"), Some(7));
        let log =
            format!("0: (95) exit\ncombined stack size of 2 calls is 544. Too large\n{STATS}");
        assert_eq!(rejected(&log, "x", None).as_logged().unwrap().1, None);
    }

    #[test]
    fn no_log_no_reading() {
        assert_eq!(rejected("", "R0 !read_ok", Some(0)).as_logged(), None);
    }
}
