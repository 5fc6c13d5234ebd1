//! The exploration as data: one [`Step`] per iteration of the kernel's
//! `do_check` loop plus the events inside it (push, pop, prune, call,
//! callback entry and return, acquire, release, rejection).
//!
//! Steps are small (16 bytes); full states are not stored per step. The
//! verifier is deterministic, so [`crate::explore::Exploration::state_at`] reconstructs
//! the state and the worklist at any step by replaying from the nearest
//! snapshot (a cheap clone of the checker taken every
//! [`SNAPSHOT_INTERVAL`] steps).

/// Steps between two snapshots of the checker.
pub const SNAPSHOT_INTERVAL: u32 = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum EventKind {
    /// An instruction was processed.
    Insn,
    /// A branch state was pushed on the worklist (`aux` = target insn).
    Push,
    /// A state was popped from the worklist (`aux` = origin insn).
    Pop,
    /// The path was pruned (`aux` = index of the checkpoint it matched).
    Prune,
    /// A checkpoint was stored (`aux` = its index).
    Checkpoint,
    /// A bpf-to-bpf call entered a subprogram (`aux` = callee frame number).
    Call,
    /// A callback was entered (`aux` = callee frame number).
    CallbackEnter,
    /// An async callback state was pushed (`aux` = callback start insn).
    AsyncPush,
    /// A frame returned to its caller (`aux` = return insn).
    Return,
    /// A reference was acquired (`aux` = reference id).
    Acquire,
    /// A reference was released (`aux` = reference id).
    Release,
    /// The path reached `exit` of frame 0 and is done.
    PathDone,
    /// Verification stopped with an error.
    Reject,
}

impl EventKind {
    /// Every kind, in declaration order: the one list the views, the wire
    /// format (a kind crosses as its index here) and lessons go by.
    pub const ALL: [EventKind; 13] = [
        EventKind::Insn,
        EventKind::Push,
        EventKind::Pop,
        EventKind::Prune,
        EventKind::Checkpoint,
        EventKind::Call,
        EventKind::CallbackEnter,
        EventKind::AsyncPush,
        EventKind::Return,
        EventKind::Acquire,
        EventKind::Release,
        EventKind::PathDone,
        EventKind::Reject,
    ];

    /// Its index in [`EventKind::ALL`].
    pub fn index(self) -> u8 {
        self as u8
    }

    pub fn from_index(i: u8) -> Option<EventKind> {
        EventKind::ALL.get(i as usize).copied()
    }

    /// A short stable name (lessons and links write it).
    pub fn name(self) -> &'static str {
        match self {
            EventKind::Insn => "insn",
            EventKind::Push => "push",
            EventKind::Pop => "pop",
            EventKind::Prune => "prune",
            EventKind::Checkpoint => "checkpoint",
            EventKind::Call => "call",
            EventKind::CallbackEnter => "callback",
            EventKind::AsyncPush => "async",
            EventKind::Return => "return",
            EventKind::Acquire => "acquire",
            EventKind::Release => "release",
            EventKind::PathDone => "done",
            EventKind::Reject => "reject",
        }
    }

    pub fn from_name(name: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// In people's words, as the views label it.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Insn => "instruction",
            EventKind::Push => "branch pushed",
            EventKind::Pop => "state popped",
            EventKind::Prune => "pruned",
            EventKind::Checkpoint => "checkpoint",
            EventKind::Call => "call",
            EventKind::CallbackEnter => "callback entry",
            EventKind::AsyncPush => "async callback pushed",
            EventKind::Return => "return",
            EventKind::Acquire => "acquire",
            EventKind::Release => "release",
            EventKind::PathDone => "path done",
            EventKind::Reject => "rejection",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::EventKind;

    #[test]
    fn the_list_of_kinds_is_complete_and_in_order() {
        for (i, k) in EventKind::ALL.into_iter().enumerate() {
            assert_eq!(k.index() as usize, i);
            assert_eq!(EventKind::from_index(k.index()), Some(k));
            assert_eq!(EventKind::from_name(k.name()), Some(k));
        }
        assert_eq!(EventKind::from_index(EventKind::ALL.len() as u8), None);
    }
}

/// One event; `step` is the index of the step it happened in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub step: u32,
    pub kind: EventKind,
    pub insn: u32,
    pub aux: u32,
}

/// One iteration of the main loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The instruction processed (or reached, for a prune).
    pub insn: u32,
    /// Frame depth (curframe) while processing it.
    pub frame: u8,
    /// Worklist length after the step (saturating at 65535).
    pub pending: u16,
    /// Index of the first event of this step in `Trace::events`.
    pub first_event: u32,
    /// Log length after this step (for linking a step to its log lines).
    pub log_pos: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub steps: Vec<Step>,
    pub events: Vec<Event>,
}

impl Trace {
    /// Events of step `i`.
    pub fn events_of(&self, i: usize) -> &[Event] {
        let Some(s) = self.steps.get(i) else {
            return &[];
        };
        let start = s.first_event as usize;
        let end = self
            .steps
            .get(i + 1)
            .map(|n| n.first_event as usize)
            .unwrap_or(self.events.len());
        self.events.get(start..end).unwrap_or(&[])
    }
    /// For each step, the step before it on its own path: the previous
    /// step, or for the first step of a resumed branch, the step that
    /// pushed it (the worklist is LIFO: a pop resumes the latest push from
    /// its origin). None for the first step. The exploration graph and
    /// value provenance both walk paths by it.
    pub fn path_parents(&self) -> Vec<Option<u32>> {
        let mut parent = Vec::with_capacity(self.steps.len());
        // (pushing step, origin insn), the worklist's LIFO
        let mut pending: Vec<(u32, u32)> = Vec::new();
        let mut resumed_from: Option<Option<u32>> = None;
        for i in 0..self.steps.len() {
            let p = match resumed_from.take() {
                Some(from) => from,
                None => (i as u32).checked_sub(1),
            };
            parent.push(p);
            for e in self.events_of(i) {
                match e.kind {
                    EventKind::Push | EventKind::AsyncPush => pending.push((i as u32, e.insn)),
                    EventKind::Pop => {
                        let at = pending
                            .iter()
                            .rposition(|&(_, o)| o == e.insn)
                            .or(pending.len().checked_sub(1));
                        resumed_from = Some(at.map(|k| pending.remove(k).0));
                    }
                    _ => {}
                }
            }
        }
        parent
    }

    /// Approximate memory held per step, in bytes.
    pub fn bytes_per_step(&self) -> f64 {
        if self.steps.is_empty() {
            return 0.0;
        }
        let bytes = self.steps.capacity() * std::mem::size_of::<Step>()
            + self.events.capacity() * std::mem::size_of::<Event>();
        bytes as f64 / self.steps.len() as f64
    }
}
