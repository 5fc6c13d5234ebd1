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
}
