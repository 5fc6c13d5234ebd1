//! The messages between the page and the verifier worker.
//!
//! The worker owns the exploration (a 1M-step trace is tens of MB); the
//! page owns only what it shows: a run's summary and the view at the
//! current position, rendered in the worker to plain strings. Everything
//! here is serde-only data, so the same messages cross a `postMessage`
//! (bincode) and are exchanged directly in the native tests.

use serde::{Deserialize, Serialize};
use veristep_core::trace::EventKind;
use veristep_core::KernelVersion;

/// From the page to the worker.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Request {
    /// Verify `source` in `kernel` (with its log) and the other modes (for
    /// the compare strip). Supersedes any verification under way. `step`:
    /// the position to open at (share links); None: the start. The worker
    /// parses or loads the source (the page does not): a text that does
    /// not parse is answered with [`Reply::Invalid`] and its diagnostics,
    /// one that does with [`Reply::Progress`] or [`Reply::Verified`].
    Verify {
        id: u64,
        source: Source,
        #[serde(with = "kernel")]
        kernel: KernelVersion,
        log_level: u32,
        step: Option<usize>,
    },
    /// Stop the verification `id`; the worker forgets it.
    Cancel { id: u64 },
    /// Where the playground's files are (the page's base URL): the worker,
    /// started from a blob, fetches the kernels' BTF from there.
    Assets { base: String },
    /// Read a real kernel's verifier log and step through it; with
    /// `against`, walk that program in `kernel` beside it and say where
    /// veristep parts from the log. Answered like a verification.
    ReadLog {
        id: u64,
        text: String,
        against: Option<Source>,
        #[serde(with = "kernel")]
        kernel: KernelVersion,
    },
    /// The view at a position of run `run`, found from `from`. `seq`
    /// numbers the seeks, so the page shows only the answer to its latest.
    Seek {
        run: u64,
        seq: u64,
        from: usize,
        to: Target,
    },
    /// Where the value of `loc` (`R3`, `fp-8`) in the state before `step`
    /// came from (`veristep_core::origin`).
    Origin {
        run: u64,
        seq: u64,
        step: usize,
        loc: String,
    },
}

/// What to verify: the program exactly as the CLI gets it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Source {
    /// Program text (ASM.md), parsed by the worker with `asm::parse`.
    Text(String),
    /// A clang-compiled object's bytes and the name of one of its
    /// programs, loaded by the worker with `elf::load` (BTF line and func
    /// info included), never text regenerated from it. `file`: the file's
    /// name, which names the object as libbpf does (its global data maps).
    Object {
        bytes: Vec<u8>,
        program: String,
        #[serde(default)]
        file: String,
        /// What a loader sets before the load, as the CLI's
        /// `--attach-target` and `--map-entries` do.
        #[serde(default)]
        settings: LoadSettings,
    },
}

/// A loader's settings of an object's program before it loads
/// (`bpf_program__set_attach_target()`, `bpf_map__set_max_entries()`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct LoadSettings {
    /// The BTF-typed program's attach target (`do_unlinkat`).
    pub attach_target: Option<String>,
    /// Map name and its `max_entries`.
    pub map_entries: Vec<(String, u32)>,
    /// The program's type as `TYPE[/HOOK]` (`sched_cls`,
    /// `cgroup_sock_addr/connect4`), for a section libbpf gives none
    /// (`bpf_program__set_type()`, the CLI's `--prog-type`).
    #[serde(default)]
    pub prog_type: Option<String>,
    /// Load flags (`BPF_F_TEST_STATE_FREQ|BPF_F_STRICT_ALIGNMENT`, or a
    /// number) its loader adds (`bpf_program__set_flags()`, the CLI's
    /// `--prog-flags`).
    #[serde(default)]
    pub prog_flags: Option<String>,
    /// Global variables a skeleton sets before the load (name or
    /// `NAME[I]`, value as typed: decimal or 0x hex, or text for an array
    /// of bytes), the CLI's `--set-global`.
    #[serde(default)]
    pub globals: Vec<(String, String)>,
    /// The libbpf that loads the object, `1.1` (also when empty) or
    /// `1.4`, the CLI's `--libbpf`.
    #[serde(default)]
    pub libbpf: String,
}

impl LoadSettings {
    /// What the settings of program `name` change in how its object is
    /// read (its program type, the globals); Err says what does not parse.
    pub fn load_options(&self, name: &str) -> Result<veristep_core::elf::LoadOptions, String> {
        let mut opts = veristep_core::elf::LoadOptions::default();
        if !self.libbpf.trim().is_empty() {
            opts.libbpf = veristep_core::elf::Libbpf::parse(&self.libbpf)
                .ok_or_else(|| format!("libbpf '{}' is not modelled: 1.1 or 1.4", self.libbpf))?;
        }
        if let Some(spec) = self.prog_type.as_deref().filter(|t| !t.trim().is_empty()) {
            let (pt, attach) = veristep_core::program::ProgType::from_spec(spec)
                .map_err(|e| format!("program type '{}': {e}", spec.trim()))?;
            opts.prog_types.push((name.to_string(), pt, attach));
        }
        if let Some(spec) = self.prog_flags.as_deref().filter(|f| !f.trim().is_empty()) {
            let bits = veristep_core::program::ProgFlags::parse(spec)
                .map_err(|e| format!("program flags: {e}"))?;
            opts.prog_flags.push((name.to_string(), bits));
        }
        // a value that does not fit its variable is the load's to say
        opts.globals.extend(self.globals.iter().cloned());
        Ok(opts)
    }

    /// Applies the settings to a program loaded from its object; Err names
    /// the setting that does not fit it.
    pub fn apply(&self, p: &mut veristep_core::Program) -> Result<(), String> {
        if let Some(t) = self
            .attach_target
            .as_deref()
            .filter(|t| !t.trim().is_empty())
        {
            p.set_attach_target(t.trim())
                .map_err(|e| format!("attach target: the program {e}"))?;
        }
        for (name, n) in &self.map_entries {
            if !p.set_map_entries(name, *n) {
                return Err(format!(
                    "max_entries: the program has no map named '{name}'"
                ));
            }
        }
        Ok(())
    }
}

/// Where to go in a run.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub enum Target {
    /// The state before step `n` (`n == len`: the end).
    Step(usize),
    /// The state after the next (`true`) or previous step with this event.
    Event(#[serde(with = "event_kind")] EventKind, bool),
    /// The next visit of an instruction (wrapping to the first).
    Insn(usize),
    /// Just after the most recent acquisition at an instruction.
    Acquire(usize),
    /// Where the worklist entry at this index (0 = bottom) is resumed.
    Pending(usize),
}

/// From the worker to the page. (Replies cross postMessage as bytes and
/// live one at a time: boxing the large variant would buy nothing.)
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub enum Reply {
    /// Steps walked so far by verification `id`, over all modes.
    Progress { id: u64, steps: usize },
    /// Verification `id` is complete: its summary and the view at its
    /// opening position.
    Verified { summary: Summary, view: View },
    /// The source of verification `id` cannot be verified: the text does
    /// not parse (`diagnostics`, for the editor; `message`: the first one)
    /// or the object cannot be loaded or has no such program (`message`).
    Invalid {
        id: u64,
        message: String,
        diagnostics: Vec<Diagnostic>,
        /// libbpf refused it for the asked kernel (`message` is its line):
        /// a loader would not load it, the kernel would never see it.
        #[serde(default)]
        not_loaded: bool,
    },
    /// The view a [`Request::Seek`] asked for.
    At { seq: u64, view: View },
    /// More of run `summary.run` is known (the other modes' verdicts, the
    /// log): its summary again, the position unchanged.
    Updated { summary: Summary },
    /// Where a value came from, as a [`Request::Origin`] asked.
    Origin {
        run: u64,
        seq: u64,
        origin: OriginView,
    },
}

/// An error in the program text (`asm::Diagnostic`, as data).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based.
    pub line: u32,
    pub col: u32,
    /// Characters marked.
    pub len: u32,
    pub message: String,
    /// A warning (the text is read, otherwise than written), not an error.
    #[serde(default)]
    pub warning: bool,
}

impl From<veristep_core::asm::Diagnostic> for Diagnostic {
    fn from(d: veristep_core::asm::Diagnostic) -> Diagnostic {
        Diagnostic {
            line: d.line,
            col: d.col,
            len: d.len,
            message: d.message,
            warning: false,
        }
    }
}

impl Diagnostic {
    /// One of `Program::warnings`.
    pub fn warning(d: &veristep_core::asm::Diagnostic) -> Diagnostic {
        Diagnostic {
            warning: true,
            ..Diagnostic::from(d.clone())
        }
    }
}

/// A verified program: what the page shows for the whole run.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    /// The [`Request::Verify`] id; seeks name it.
    pub run: u64,
    #[serde(with = "kernel")]
    pub kernel: KernelVersion,
    pub log_level: u32,
    /// Steps in the trace: positions go from 0 to `len`.
    pub len: usize,
    pub accepted: bool,
    /// The kernel's message, the failing instruction and the plain-words
    /// explanation, when rejected.
    pub message: Option<String>,
    pub error_insn: Option<usize>,
    /// The program text's line of the failing instruction (1-based; 0 when
    /// the program came without text positions).
    pub error_line: u32,
    pub explanation: Option<String>,
    pub processed: u64,
    pub total_states: u64,
    /// For a reference error: the story in plain words.
    pub story: Option<String>,
    /// How many steps processed each instruction.
    pub visits: Vec<u32>,
    /// The verdict of every kernel mode.
    pub compare: Vec<ModeVerdict>,
    /// Lines in the kernel log.
    pub log_lines: usize,
    /// For each event kind (index in [`EventKind::ALL`]), the positions just
    /// after the first [`MAX_LANDMARKS`] steps holding it: lessons name
    /// targets such as "the second release".
    pub landmarks: Vec<Vec<usize>>,
    /// The run is a kernel's log read back, not veristep's own walk.
    pub from_log: bool,
    /// The kernel log is still being built (the verdict came first).
    #[serde(default)]
    pub log_pending: bool,
    /// The exploration graph, laid out.
    #[serde(default)]
    pub graph: GraphView,
    /// The basic blocks with their heat.
    #[serde(default)]
    pub cfg: CfgView,
    /// The CO-RE relocations libbpf applied for this run's kernel, one
    /// line each (`insn 3: <byte_off> [2] struct __sk_buff___local.len
    /// (0:1 @ offset 8): 8 -> 0`).
    #[serde(default)]
    pub relocations: Vec<String>,
    /// What the parser read otherwise than written (`Program::warnings`:
    /// a constant wider than its field, kept as LLVM's assembler keeps it).
    #[serde(default)]
    pub warnings: Vec<Diagnostic>,
}

/// The exploration graph (`veristep_core::graph`), laid out in the worker:
/// the page only draws it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct GraphView {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    pub frames: Vec<GraphFrame>,
    /// Nodes of one kind at one instruction and depth are merged.
    pub aggregated: bool,
    /// Nodes before aggregation.
    pub detailed_nodes: usize,
    /// Layout extent in cells.
    pub width: u32,
    pub height: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GraphNode {
    /// `NodeKind::name` (`checkpoint`, `prune`, …).
    pub kind: String,
    /// `NodeKind::label`, in people's words.
    pub label: String,
    pub insn: u32,
    pub step: u32,
    pub depth: u8,
    pub frame: u32,
    pub count: u32,
    pub x: u32,
    pub y: u32,
    /// The instruction in the kernel's notation.
    pub text: String,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GraphEdge {
    pub from: u32,
    pub to: u32,
    /// `walk`, `branch` or `prune`.
    pub kind: String,
    pub count: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GraphFrame {
    pub parent: Option<u32>,
    pub depth: u8,
    pub start: u32,
    pub callsite: Option<u32>,
    pub callback: bool,
}

/// The program's basic blocks (`veristep_core::heat`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct CfgView {
    pub blocks: Vec<CfgBlock>,
    /// Where each function starts, and whether it is a callback.
    pub functions: Vec<(u32, bool)>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CfgBlock {
    pub start: u32,
    pub end: u32,
    pub function: u32,
    pub succs: Vec<u32>,
    /// Steps that entered it (processed its first instruction).
    pub visits: u32,
    /// Steps that processed any of its instructions.
    pub walked: u64,
    /// States stored in it.
    pub states: u32,
    pub loops_back: bool,
    /// Its last instruction, in the kernel's notation.
    pub last_text: String,
}

/// Where a value came from, nearest first.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OriginView {
    /// The position asked about (the state before this step).
    pub step: usize,
    pub loc: String,
    pub links: Vec<OriginLink>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct OriginLink {
    /// The step that processed the instruction.
    pub step: u32,
    pub insn: u32,
    /// `def`, `narrow`, `pass` or `entry`.
    pub role: String,
    /// The location it explains.
    pub loc: String,
    pub what: String,
    pub text: String,
}

impl Summary {
    /// Part of the run is still being worked out (other modes, the log).
    pub fn filling(&self) -> bool {
        self.log_pending || self.compare.iter().any(|c| c.pending)
    }
}

/// Positions kept per event kind in [`Summary::landmarks`].
pub const MAX_LANDMARKS: usize = 256;

/// One kernel mode's verdict on the current program.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ModeVerdict {
    #[serde(with = "kernel")]
    pub kernel: KernelVersion,
    pub accepted: bool,
    pub message: Option<String>,
    /// The first step at which this mode's walk differs from the shown
    /// mode's (a different instruction, or one walk ends); None: identical.
    pub diverges_at: Option<usize>,
    /// Still being walked: the verdict is not known yet.
    #[serde(default)]
    pub pending: bool,
}

/// Everything the views show at one position, rendered in the worker.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct View {
    pub run: u64,
    /// The position: the state before step `step`.
    pub step: usize,
    /// The instruction the step at this position processes (None at the end).
    pub insn: Option<usize>,
    /// The 1-based line of the verified text holding that instruction (0:
    /// none, e.g. a program loaded from an object).
    pub line: u32,
    /// None at the end of a run (there is no state after the last step).
    pub state: Option<StateView>,
    pub log: LogWindow,
    pub listing: Listing,
    /// One plain sentence or two on what the step that led here did.
    #[serde(default)]
    pub narration: String,
}

/// The program's instructions around the position (all of a small one).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct Listing {
    /// The window is instructions `from..to` of `total` (slots: an
    /// `ld_imm64` counts two and has one row).
    pub from: usize,
    pub to: usize,
    pub total: usize,
    pub rows: Vec<ListingRow>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ListingRow {
    pub insn: usize,
    /// The instruction in the kernel's notation (`disasm::insn_text`).
    pub text: String,
    /// A subprogram (or callback) starts here.
    pub subprog: bool,
    /// The source's name for the number in `text` (`map rb`, `release_cb`).
    pub note: Option<String>,
}

/// The verifier's state at a position, with what changed since the step before.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StateView {
    /// 6.7: callback iterations simulated on this path.
    pub callback_unroll_depth: u32,
    /// Locks and sections the path holds, in words (`bpf_spin_lock on
    /// map m`, `RCU read-side section`).
    #[serde(default)]
    pub held: Vec<String>,
    /// Innermost last.
    pub frames: Vec<FrameView>,
    /// The innermost frame's acquired_refs.
    pub refs: Vec<RefView>,
    /// Top of the LIFO last.
    pub worklist: Vec<PendingView>,
    /// The last step pushed the top entry.
    pub pushed: bool,
    /// The last step popped this entry (resume insn, origin insn).
    pub popped: Option<(usize, usize)>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FrameView {
    pub frameno: u8,
    pub subprog: u16,
    /// Negative for frame 0.
    pub callsite: i32,
    pub in_callback_fn: bool,
    pub in_async_callback_fn: bool,
    pub callback_depth: u32,
    /// The subprogram's name in the source (`release_cb`), when it has one.
    pub name: Option<String>,
    /// Initialised registers and used stack slots.
    pub rows: Vec<ValueRow>,
}

/// A register or a stack slot: kernel notation and a plain reading.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ValueRow {
    /// `R0`..`R10`, `fp-8`, ...
    pub name: String,
    pub text: String,
    pub reading: String,
    /// Different one step back (same frame).
    pub changed: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct RefView {
    pub id: u32,
    pub alloc_insn: usize,
    /// `callback_ref`: the frame that acquired it (0: the main program).
    pub owner: u8,
    /// Registers and stack slots holding it, e.g. `frame1 R1`.
    pub holders: Vec<String>,
    /// Not there one step back.
    pub new: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct PendingView {
    /// Where it will resume.
    pub insn: usize,
    /// The instruction that pushed it.
    pub origin: usize,
    /// Subprograms of its frames, outermost first, e.g. `0 > 2(cb)`.
    pub frames: String,
    /// Its innermost frame's reference ids.
    pub refs: Vec<u32>,
}

/// The log lines around the position.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct LogWindow {
    /// Index of the first line shown.
    pub from: usize,
    pub total: usize,
    pub lines: Vec<LogLine>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LogLine {
    pub text: String,
    /// The position whose step wrote it (clicking goes there).
    pub step: Option<usize>,
    /// Written before the position.
    pub done: bool,
    /// The last line written before the position.
    pub current: bool,
}

/// Kernel modes cross as their names ("6.1").
mod kernel {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use veristep_core::KernelVersion;

    pub fn serialize<S: Serializer>(k: &KernelVersion, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(k.name())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<KernelVersion, D::Error> {
        let name = String::deserialize(d)?;
        KernelVersion::parse(&name).ok_or_else(|| D::Error::custom("unknown kernel"))
    }
}

/// Event kinds cross as their index in [`EventKind::ALL`].
mod event_kind {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use veristep_core::trace::EventKind;

    pub fn serialize<S: Serializer>(k: &EventKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(k.index())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EventKind, D::Error> {
        EventKind::from_index(u8::deserialize(d)?)
            .ok_or_else(|| D::Error::custom("unknown event kind"))
    }
}
