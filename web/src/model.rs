//! The page's state as a pure reducer (no browser in here), so the
//! stepping logic is tested natively.
//!
//! The verifier runs elsewhere (a web worker, see [`crate::session`]): the
//! model sends it [`Request`]s through an [`Outbox`] and takes its
//! [`Reply`]s as actions. It keeps only what the page shows: the text and
//! its diagnostics, the run's summary and the view at the current
//! position. The page never parses the text: the worker does, once per
//! verification, and answers with the diagnostics or the run.

use crate::lesson::Lesson;
use crate::protocol::{
    Diagnostic, LoadSettings, OriginView, Reply, Request, Source, StateView, Summary, Target, View,
    MAX_LANDMARKS,
};
use std::rc::Rc;
use veristep_core::trace::EventKind;
use veristep_core::KernelVersion;

pub use crate::run::ALL_KERNELS;

/// Where the model's requests go: the worker in the page, a session in tests.
#[derive(Clone)]
pub struct Outbox(Rc<dyn Fn(Request)>);

impl Outbox {
    pub fn new(send: impl Fn(Request) + 'static) -> Outbox {
        Outbox(Rc::new(send))
    }
    fn send(&self, r: Request) {
        (self.0)(r)
    }
}

#[derive(Clone)]
pub struct Model {
    pub text: String,
    pub kernel: KernelVersion,
    pub log_level: u32,
    /// The worker's diagnostics of the last text it was sent.
    pub diagnostics: Vec<Diagnostic>,
    /// For a run of an object's program: the line of each instruction in
    /// the shown text (its disassembly), for the editor's highlight.
    lines: Option<Rc<Vec<u32>>>,
    /// The same for the verification under way, shown once its run arrives.
    pending_lines: Option<Rc<Vec<u32>>>,
    pub run: Option<Rc<Summary>>,
    /// The views at the current position (the last one the worker sent).
    pub view: Option<Rc<View>>,
    /// The position: the state before step `step` (`step == len`: the end).
    pub step: usize,
    /// The frame whose registers are shown (None: the current frame).
    pub frame: Option<usize>,
    /// A message at the top (e.g. a damaged share link).
    pub banner: Option<String>,
    /// Counts the verifications started: replies to older ones are stale.
    pub job_id: u64,
    /// Steps walked by the verification under way, if one is.
    pub progress: Option<usize>,
    /// Counts the seeks: only the answer to the latest is shown.
    seq: u64,
    /// The answer to the latest seek has not arrived.
    seeking: bool,
    /// The text was edited and is not verified yet (editing is debounced).
    pub dirty: bool,
    /// The shown run is the previous program's: the latest text was not
    /// loaded (the banner says why), so the run's lines are not its lines.
    run_is_previous: bool,
    /// The lesson being followed, if any.
    pub lesson: Option<LessonState>,
    /// A clang-compiled object opened in the playground.
    pub object: Option<Rc<OpenedObject>>,
    /// The text is an object's program, shown read-only until "edit as text".
    pub readonly: bool,
    /// The object's load settings are unfolded: by the reader, or because
    /// the program shown cannot load without them.
    pub settings_open: bool,
    /// Where a value came from, as last asked (it stays pinned to the
    /// position it was asked at).
    pub origin: Option<Rc<OriginView>>,
    /// Counts the provenance questions: only the answer to the latest is shown.
    origin_seq: u64,
    outbox: Outbox,
}

/// A clang-compiled object: its bytes, which the worker loads and verifies
/// (the program as the CLI sees it, BTF line and func info included), and
/// its programs' disassembly, the read-only text the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedObject {
    pub file: String,
    pub bytes: Rc<Vec<u8>>,
    pub programs: Vec<ObjectProgram>,
    pub chosen: usize,
    /// The maps' sizes a loader set (`bpf_map__set_max_entries()`), by
    /// name, as the CLI's `--map-entries`.
    pub map_entries: Vec<(String, u32)>,
    /// The object's `.rodata` settings (`const volatile` integers) and
    /// their values as compiled.
    pub rodata_globals: Vec<veristep_core::elf::GlobalVar>,
    /// The values a loader set (name, as typed), as the CLI's
    /// `--set-global`.
    pub globals: Vec<(String, String)>,
    /// The libbpf that loads the object (the CLI's `--libbpf`).
    pub libbpf: veristep_core::elf::Libbpf,
    /// Why the object is loaded as libbpf 1.4 loads it: 1.1, the default,
    /// could not open it.
    pub libbpf_note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectProgram {
    pub name: String,
    pub section: String,
    /// The program in the ASM.md format with its C source lines as
    /// comments ("Edit as text" makes it the text source).
    pub text: String,
    /// The 1-based line of `text` holding each instruction.
    pub lines: Rc<Vec<u32>>,
    /// What veristep does not model about it.
    pub note: Option<String>,
    /// A BTF-typed program (fentry, tp_btf, lsm, ...): the page lets its
    /// attach target be set, as the CLI's `--attach-target`.
    pub btf_typed: bool,
    /// Its attach target: from the section, or as set.
    pub attach_target: Option<String>,
    /// Its section gives libbpf no program type (`tc_ingress`,
    /// `classifier/x`): the page lets its type be set, as the CLI's
    /// `--prog-type`.
    pub untyped: bool,
    /// Its type as set (`TYPE[/HOOK]`).
    pub prog_type: Option<String>,
    /// The load flags its loader adds (`bpf_program__set_flags()`: names
    /// joined by `|`, or a number), as set.
    pub prog_flags: Option<String>,
    /// Its maps and their sizes as compiled.
    pub maps: Vec<(String, u32)>,
    /// Its maps of no entries that libbpf does not size itself (it sizes
    /// a perf event array to the CPUs).
    pub sized_at_run_time: Vec<String>,
}

/// One load setting changed on the page.
enum Setting {
    AttachTarget(String),
    ProgType(String),
    ProgFlags(String),
    MapEntries(String, u32),
    Global(String, String),
    Libbpf(veristep_core::elf::Libbpf),
}

impl OpenedObject {
    /// Program `p` cannot load as compiled: a BTF-typed program without a
    /// target, or a map of no entries (its loader sizes it at run time).
    pub fn needs_settings(&self, p: &ObjectProgram) -> bool {
        (p.btf_typed && p.attach_target.is_none())
            || (p.untyped && p.prog_type.is_none())
            || p.sized_at_run_time
                .iter()
                .any(|n| !self.map_entries.iter().any(|(m, k)| m == n && *k > 0))
    }
    /// What the loader sets for program `p` before it loads.
    fn settings(&self, p: &ObjectProgram) -> LoadSettings {
        LoadSettings {
            attach_target: p.attach_target.clone().filter(|_| p.btf_typed),
            prog_type: p.prog_type.clone().filter(|_| p.untyped),
            prog_flags: p.prog_flags.clone(),
            globals: self.globals.clone(),
            libbpf: self.libbpf.name().to_string(),
            map_entries: self
                .map_entries
                .iter()
                .filter(|(n, _)| p.maps.iter().any(|(m, _)| m == n))
                .cloned()
                .collect(),
        }
    }
}

/// An object's program shown as text: the ASM.md disassembly with its C
/// source lines, and what is to know before reading it.
fn object_program(file: &str, p: &veristep_core::elf::ObjProgram) -> ObjectProgram {
    let text = format!(
        "; {} from {} (section {})\n{}",
        p.name,
        file,
        p.section,
        veristep_core::disasm::program_text(&p.program)
    );
    // CO-RE: the worker relocates per kernel mode; the text is the program
    // as compiled
    let core = (!p.program.core_relos.is_empty()).then(|| {
        format!(
            "{} CO-RE relocation{}: each kernel mode verifies the program \
             relocated against its kernel's BTF; the text shows it as compiled",
            p.program.core_relos.len(),
            if p.program.core_relos.len() == 1 {
                ""
            } else {
                "s"
            }
        )
    });
    ObjectProgram {
        name: p.name.clone(),
        section: p.section.clone(),
        lines: Rc::new(text_lines(&text)),
        text,
        note: p.unsupported.clone().or(core),
        btf_typed: p.program.btf_typed(),
        attach_target: p.program.attach_to.clone(),
        untyped: p.program.missing_prog_type.is_some(),
        prog_type: None,
        prog_flags: None,
        maps: p
            .program
            .maps
            .iter()
            .map(|m| (m.name.clone(), m.max_entries))
            .collect(),
        sized_at_run_time: veristep_core::map_create::sized_at_run_time(&p.program.maps)
            .map(|m| m.name.clone())
            .collect(),
    }
}

/// Where the learner is in a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct LessonState {
    pub lesson: Rc<Lesson>,
    pub index: usize,
    /// The step's goal was reached (it stays reached).
    pub reached: bool,
    /// The choice picked for the step's question.
    pub answer: Option<usize>,
    /// Runs from this verification on belong to the step.
    since: u64,
}

impl LessonState {
    pub fn step(&self) -> &crate::lesson::Step {
        &self.lesson.steps[self.index]
    }
    /// The goal is reached and the question, if any, answered right.
    pub fn can_advance(&self) -> bool {
        self.reached
            && self
                .step()
                .question
                .as_ref()
                .is_none_or(|q| self.answer == Some(q.answer))
    }
}

#[derive(Clone, Debug)]
pub enum Action {
    /// A keystroke: keep the text, verify later ([`Action::Reverify`]).
    Edit(String),
    /// Verify the edited text now.
    Reverify,
    SetKernel(KernelVersion),
    SetLogLevel(u32),
    Step(i64),
    Goto(usize),
    First,
    Last,
    /// To the state after the next (or previous) step with this event.
    NextEvent(EventKind, bool),
    /// To the next visit of an instruction.
    RunToInsn(usize),
    /// To the state just after the most recent acquisition at an
    /// instruction (the acquired_refs table's alloc insn).
    GotoAcquire(usize),
    /// To where the worklist entry at this index (0 = bottom) is popped
    /// and resumed: that is its state.
    GotoPending(usize),
    SelectFrame(Option<usize>),
    Banner(Option<String>),
    /// Text, mode and step at once (share links).
    Load(String, KernelVersion, usize),
    /// Stop the verification under way; the previous run stays.
    Cancel,
    /// A message from the verifier (boxed: a summary is large).
    Reply(Box<Reply>),
    /// Follow a lesson from this step.
    StartLesson(Rc<Lesson>, usize),
    /// To a step of the lesson (loads its program).
    LessonGo(usize),
    /// A choice for the step's question.
    Answer(usize),
    EndLesson,
    /// A `.o` file's name and bytes (file picker or drop).
    OpenObject(String, Vec<u8>),
    /// The program of the opened object to show.
    ChooseProgram(usize),
    /// Make the object's program editable text.
    EditAsText,
    /// The attach target of the object's BTF-typed program shown.
    SetAttachTarget(String),
    /// The type (`TYPE[/HOOK]`) of the object's program shown, whose
    /// section gives libbpf none.
    SetProgType(String),
    /// The shown object program's load flags (`BPF_F_A|BPF_F_B`).
    SetProgFlags(String),
    /// A `.rodata` global variable of the object and its value as typed.
    SetGlobal(String, String),
    /// A map of the object and its new `max_entries`.
    SetMapEntries(String, u32),
    /// The libbpf that loads the object (`1.1` or `1.4`).
    SetLibbpf(String),
    /// The reader unfolded (`true`) or folded the load settings.
    FoldLoadSettings(bool),
    /// A real kernel's verifier log to step through; `true`: beside the
    /// program in the editor, walked in the chosen mode.
    ReadLog(String, bool),
    /// Where the value of a register or stack slot (`R3`, `fp-8`) at the
    /// position came from.
    Origin(String),
    CloseOrigin,
}

impl Model {
    /// A model for `text`, verifying it; `step`: the position to open at.
    pub fn new(text: String, kernel: KernelVersion, step: Option<usize>, outbox: Outbox) -> Model {
        let mut m = Model {
            text,
            kernel,
            log_level: 2,
            diagnostics: Vec::new(),
            lines: None,
            pending_lines: None,
            run: None,
            view: None,
            step: 0,
            frame: None,
            banner: None,
            job_id: 0,
            progress: None,
            seq: 0,
            seeking: false,
            dirty: false,
            run_is_previous: false,
            lesson: None,
            object: None,
            readonly: false,
            settings_open: false,
            origin: None,
            origin_seq: 0,
            outbox,
        };
        m.reverify(step);
        m
    }

    /// The object's program shown read-only, if that is the source.
    fn object_program(&self) -> Option<&ObjectProgram> {
        let o = self.object.as_ref().filter(|_| self.readonly)?;
        o.programs.get(o.chosen)
    }

    /// Asks the verifier for a run of the source: the object's program
    /// while it is shown read-only, else the text (which the worker parses;
    /// its diagnostics come back with the answer). The previous run stays
    /// on screen until the new one is complete.
    fn reverify(&mut self, step: Option<usize>) {
        self.frame = None;
        let source = match (self.object.as_ref(), self.object_program()) {
            (Some(o), Some(p)) => Source::Object {
                bytes: o.bytes.as_ref().clone(),
                program: p.name.clone(),
                file: o.file.clone(),
                settings: o.settings(p),
            },
            _ => Source::Text(self.text.clone()),
        };
        self.pending_lines = self.object_program().map(|p| p.lines.clone());
        // replies to a verification under way are stale now
        self.job_id += 1;
        self.progress = Some(0);
        self.outbox.send(Request::Verify {
            id: self.job_id,
            source,
            kernel: self.kernel,
            log_level: self.log_level,
            step,
        });
    }

    /// The shown text is the one the shown run verified: not edited
    /// since, not being verified, and not a text that failed to load.
    fn run_is_of_text(&self) -> bool {
        !(self.dirty || self.busy().is_some() || self.run_is_previous)
    }

    /// The line of the shown text holding the stepper's current
    /// instruction, while that text is the one the run verified (0: none).
    pub fn current_line(&self) -> u32 {
        if !self.run_is_of_text() {
            return 0;
        }
        let Some(v) = self.view.as_ref() else {
            return 0;
        };
        match (self.lines.as_ref(), v.insn) {
            (Some(lines), Some(i)) => lines.get(i).copied().unwrap_or(0),
            (Some(_), None) => 0,
            (None, _) => v.line,
        }
    }

    /// What the editor marks: the parser's diagnostics, and the line of
    /// the refused instruction (a gutter marker and the whole line) while
    /// the shown text is the one the run verified.
    pub fn editor_marks(&self) -> Vec<Diagnostic> {
        let mut marks = self.diagnostics.clone();
        if !self.run_is_of_text() {
            return marks;
        }
        let Some(run) = self.run.as_ref() else {
            return marks;
        };
        marks.extend(run.warnings.iter().cloned());
        let (Some(insn), Some(message)) = (run.error_insn, run.message.as_ref()) else {
            return marks;
        };
        let line = match self.lines.as_ref() {
            Some(lines) => lines.get(insn).copied().unwrap_or(0),
            None => run.error_line,
        };
        if line == 0 {
            return marks;
        }
        let len = self
            .text
            .lines()
            .nth(line as usize - 1)
            .map_or(1, |l| l.chars().count().max(1));
        marks.push(Diagnostic {
            line,
            col: 1,
            len: len as u32,
            message: format!("the verifier refused instruction {insn}: {message}"),
            warning: false,
        });
        marks
    }

    /// Asks for the view at a target; a plain position is shown at once.
    fn seek(&mut self, to: Target) {
        let Some(run) = self.run.as_ref() else { return };
        if let Target::Step(s) = to {
            self.step = s.min(run.len);
        }
        self.seq += 1;
        self.seeking = true;
        self.outbox.send(Request::Seek {
            run: run.run,
            seq: self.seq,
            from: self.step,
            to,
        });
    }

    /// Steps walked by the verification under way, if there is one.
    pub fn busy(&self) -> Option<usize> {
        self.progress
    }

    /// Waiting for the verifier: a verification or a seek (`aria-busy`).
    pub fn working(&self) -> bool {
        self.progress.is_some()
            || self.seeking
            || self.dirty
            || self.run.as_ref().is_some_and(|r| r.filling())
    }

    pub fn len(&self) -> usize {
        self.run.as_ref().map(|r| r.len).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether a jump to the previous (`forward` false) or next event of
    /// `kind` from the current position has somewhere to go. Decided from
    /// the summary's landmarks; past the last kept landmark of a kind with
    /// more than [`MAX_LANDMARKS`], the answer is yes (the worker knows).
    pub fn can_jump(&self, kind: EventKind, forward: bool) -> bool {
        let Some(run) = self.run.as_ref() else {
            return false;
        };
        let Some(marks) = run.landmarks.get(kind.index() as usize) else {
            return true;
        };
        if forward {
            marks.len() >= MAX_LANDMARKS || marks.iter().any(|&at| at > self.step)
        } else {
            marks.first().is_some_and(|&at| at < self.step)
        }
    }

    /// The verifier's state at the current position.
    pub fn state(&self) -> Option<&StateView> {
        self.view.as_ref()?.state.as_ref()
    }

    /// For a reference error, the story in plain words.
    pub fn reference_story(&self) -> Option<String> {
        self.run.as_ref()?.story.clone()
    }

    /// The instruction processed by the step at the current position.
    pub fn current_insn(&self) -> Option<usize> {
        self.view.as_ref()?.insn
    }

    pub fn apply(&self, action: Action) -> Model {
        let mut m = self.clone();
        let len = m.len();
        match action {
            Action::Edit(t) => {
                m.text = t;
                m.dirty = true;
            }
            Action::ReadLog(text, against) => {
                m.frame = None;
                m.pending_lines = None;
                m.job_id += 1;
                m.progress = Some(0);
                m.outbox.send(Request::ReadLog {
                    id: m.job_id,
                    text,
                    against: against.then(|| Source::Text(m.text.clone())),
                    kernel: m.kernel,
                });
            }
            Action::Reverify => {
                if m.dirty {
                    m.dirty = false;
                    m.reverify(None);
                }
            }
            Action::SetKernel(k) => {
                // Stay on the same visit: the two walks are the same up to
                // their first difference, so keep the step if it comes
                // before it, else stop where they part.
                let keep = m.run.as_ref().filter(|_| !m.dirty).map(|r| {
                    let parts = r
                        .compare
                        .iter()
                        .find(|c| c.kernel == k)
                        .and_then(|c| c.diverges_at);
                    parts.map_or(m.step, |at| m.step.min(at))
                });
                m.kernel = k;
                m.reverify(keep);
            }
            Action::SetLogLevel(l) => {
                // The log level changes what is written, not the walk.
                let keep = m.run.as_ref().filter(|_| !m.dirty).map(|_| m.step);
                m.log_level = l.min(2);
                m.reverify(keep);
            }
            Action::Step(d) => {
                let s = (m.step as i64 + d).clamp(0, len as i64) as usize;
                m.seek(Target::Step(s));
            }
            Action::Goto(s) => m.seek(Target::Step(s)),
            Action::First => m.seek(Target::Step(0)),
            Action::Last => m.seek(Target::Step(len)),
            Action::NextEvent(kind, forward) => m.seek(Target::Event(kind, forward)),
            Action::RunToInsn(i) => m.seek(Target::Insn(i)),
            Action::GotoAcquire(i) => m.seek(Target::Acquire(i)),
            Action::GotoPending(i) => m.seek(Target::Pending(i)),
            Action::SelectFrame(f) => m.frame = f,
            Action::Origin(loc) => {
                if let Some(run) = m.run.as_ref() {
                    m.origin_seq += 1;
                    m.outbox.send(Request::Origin {
                        run: run.run,
                        seq: m.origin_seq,
                        step: m.step,
                        loc,
                    });
                }
            }
            Action::CloseOrigin => {
                // a late answer is stale too
                m.origin_seq += 1;
                m.origin = None;
            }
            Action::Banner(b) => m.banner = b,
            Action::Load(text, kernel, step) => {
                m.object = None;
                m.readonly = false;
                m.text = text;
                m.kernel = kernel;
                m.dirty = false;
                m.reverify(Some(step));
            }
            Action::Cancel => {
                if m.progress.take().is_some() {
                    m.outbox.send(Request::Cancel { id: m.job_id });
                    m.job_id += 1;
                    m.pending_lines = None;
                    m.banner = Some(
                        "Verification cancelled; the views show the previous run.".to_string(),
                    );
                }
            }
            Action::Reply(r) => m.receive(*r),
            Action::StartLesson(lesson, at) => {
                let index = at.min(lesson.steps.len().saturating_sub(1));
                m.lesson = Some(LessonState {
                    lesson,
                    index,
                    reached: false,
                    answer: None,
                    since: 0,
                });
                m.open_lesson_step(index);
            }
            Action::LessonGo(i) => m.open_lesson_step(i),
            Action::Answer(a) => {
                if let Some(l) = m.lesson.as_mut() {
                    l.answer = Some(a);
                }
            }
            Action::EndLesson => m.lesson = None,
            Action::OpenObject(file, bytes) => {
                // libbpf 1.1 first, as the CLI; an object only 1.4 can open
                // (arena globals, say) opens as 1.4 loads it, and says so
                let with = |libbpf| {
                    let opts = veristep_core::elf::LoadOptions {
                        libbpf,
                        ..Default::default()
                    };
                    veristep_core::elf::load_named_with(&bytes, &file, &opts)
                };
                let (opened, libbpf, note) = match with(veristep_core::elf::Libbpf::V1_1) {
                    Ok(o) => (Ok(o), veristep_core::elf::Libbpf::V1_1, None),
                    Err(e) => match with(veristep_core::elf::Libbpf::V1_4) {
                        Ok(o) => (
                            Ok(o),
                            veristep_core::elf::Libbpf::V1_4,
                            Some(format!(
                                "libbpf 1.1 cannot open {file} ({}): opened as libbpf 1.4 loads it",
                                e.0
                            )),
                        ),
                        Err(_) => (Err(e), veristep_core::elf::Libbpf::V1_1, None),
                    },
                };
                match opened {
                    Ok(o) => {
                        let programs = o
                            .programs
                            .iter()
                            .map(|p| object_program(&file, p))
                            .collect();
                        m.object = Some(Rc::new(OpenedObject {
                            file,
                            bytes: Rc::new(bytes),
                            programs,
                            chosen: 0,
                            map_entries: Vec::new(),
                            rodata_globals: o.rodata_globals.clone(),
                            globals: Vec::new(),
                            libbpf,
                            libbpf_note: note,
                        }));
                        m.banner = None;
                        m.open_object_program(0);
                    }
                    Err(e) => {
                        m.banner = Some(format!("{file} cannot be opened: {e}"));
                    }
                }
            }
            Action::ChooseProgram(i) => m.open_object_program(i),
            Action::SetAttachTarget(t) => m.set_load_settings(Setting::AttachTarget(t)),
            Action::SetProgType(t) => m.set_load_settings(Setting::ProgType(t)),
            Action::SetProgFlags(f) => m.set_load_settings(Setting::ProgFlags(f)),
            Action::SetGlobal(name, v) => m.set_load_settings(Setting::Global(name, v)),
            Action::SetMapEntries(name, n) => m.set_load_settings(Setting::MapEntries(name, n)),
            Action::SetLibbpf(v) => {
                if let Some(l) = veristep_core::elf::Libbpf::parse(&v) {
                    m.set_load_settings(Setting::Libbpf(l));
                }
            }
            Action::FoldLoadSettings(open) => m.settings_open = open,
            Action::EditAsText => m.readonly = false,
        }
        m.check_goal();
        if let Some(f) = m.frame {
            if f >= m.state().map(|s| s.frames.len()).unwrap_or(0) {
                m.frame = None;
            }
        }
        m
    }

    /// Shows program `i` of the opened object, read-only, from its start.
    fn open_object_program(&mut self, i: usize) {
        let Some(o) = self.object.as_mut() else {
            return;
        };
        let Some(p) = o.programs.get(i) else { return };
        let text = p.text.clone();
        self.settings_open = o.needs_settings(p);
        Rc::make_mut(o).chosen = i;
        // a banner on another program's load is not this one's
        self.banner = None;
        self.text = text;
        self.dirty = false;
        self.readonly = true;
        self.reverify(Some(0));
    }

    /// A loader's setting changed: the shown program's attach target or a
    /// map's size. Its text is made again from the object with the
    /// settings (the `.map` lines show the sizes), and it is verified anew.
    fn set_load_settings(&mut self, setting: Setting) {
        // the settings are the object's shown read-only (the panel is
        // there only then); an edited text stays as it is
        let Some(o) = self.object.as_mut().filter(|_| self.readonly) else {
            return;
        };
        let o = Rc::make_mut(o);
        let chosen = o.chosen;
        let trimmed = |t: String| Some(t.trim().to_string()).filter(|t| !t.is_empty());
        match setting {
            Setting::AttachTarget(t) => {
                if let Some(p) = o.programs.get_mut(chosen) {
                    p.attach_target = trimmed(t);
                }
            }
            Setting::ProgType(t) => {
                if let Some(p) = o.programs.get_mut(chosen) {
                    p.prog_type = trimmed(t);
                }
            }
            Setting::ProgFlags(f) => {
                if let Some(p) = o.programs.get_mut(chosen) {
                    p.prog_flags = trimmed(f);
                }
            }
            Setting::MapEntries(name, n) => {
                o.map_entries.retain(|(m, _)| *m != name);
                o.map_entries.push((name, n));
            }
            Setting::Global(name, v) => {
                o.globals.retain(|(g, _)| *g != name);
                if !v.trim().is_empty() {
                    o.globals.push((name, v.trim().to_string()));
                }
            }
            Setting::Libbpf(l) => {
                o.libbpf = l;
                o.libbpf_note = None;
            }
        }
        // every program's type as set, each program read as its loader
        // would (a type that does not parse is the worker's to report)
        let settings: Vec<LoadSettings> = o.programs.iter().map(|p| o.settings(p)).collect();
        let mut opts = veristep_core::elf::LoadOptions {
            libbpf: o.libbpf,
            ..Default::default()
        };
        for (p, s) in o.programs.iter().zip(&settings) {
            if let Ok(mut one) = s.load_options(&p.name) {
                opts.prog_types.append(&mut one.prog_types);
                opts.prog_flags.append(&mut one.prog_flags);
            }
        }
        // the object's globals (one that does not fit its variable fails
        // this load, and the worker says why)
        opts.globals = o.globals.clone();
        if let Ok(loaded) = veristep_core::elf::load_named_with(&o.bytes, &o.file, &opts) {
            for (shown, settings) in o.programs.iter_mut().zip(settings) {
                let Some(mut p) = loaded
                    .programs
                    .iter()
                    .find(|p| p.name == shown.name)
                    .cloned()
                else {
                    continue;
                };
                // a setting that does not fit is the worker's to report
                if settings.apply(&mut p.program).is_ok() {
                    let again = object_program(&o.file, &p);
                    shown.text = again.text;
                    shown.lines = again.lines;
                }
            }
        }
        if let Some(p) = o.programs.get(chosen) {
            self.text = p.text.clone();
        }
        // the load's failure, if any, is said again by its answer
        self.banner = None;
        self.reverify(Some(0));
    }

    /// Loads a lesson step's program in its kernel mode, at the start.
    fn open_lesson_step(&mut self, i: usize) {
        let Some(l) = self.lesson.as_mut() else {
            return;
        };
        let Some(step) = l.lesson.steps.get(i) else {
            return;
        };
        let Ok((text, kernel)) = step.program() else {
            return;
        };
        l.index = i;
        l.reached = false;
        l.answer = None;
        self.object = None;
        self.readonly = false;
        self.text = text;
        self.kernel = kernel;
        self.dirty = false;
        self.reverify(Some(0));
        if let Some(l) = self.lesson.as_mut() {
            l.since = self.job_id;
        }
    }

    /// Marks the lesson step's goal reached once the shown run (one made
    /// for this step) is at it.
    fn check_goal(&mut self) {
        let (Some(run), Some(view)) = (self.run.clone(), self.view.clone()) else {
            return;
        };
        let Some(l) = self.lesson.as_mut() else {
            return;
        };
        if l.reached || run.run < l.since || self.seeking {
            return;
        }
        if l.step().goal.reached(&run, view.step, view.insn) {
            l.reached = true;
        }
    }

    fn receive(&mut self, r: Reply) {
        match r {
            Reply::Progress { id, steps } => {
                if id == self.job_id && self.progress.is_some() {
                    self.progress = Some(steps);
                    // the source loaded: the text has no errors
                    self.diagnostics.clear();
                }
            }
            Reply::Verified { summary, view } => {
                if summary.run != self.job_id {
                    return;
                }
                self.diagnostics.clear();
                self.lines = self.pending_lines.take();
                self.step = view.step;
                self.run = Some(Rc::new(summary));
                self.run_is_previous = false;
                self.view = Some(Rc::new(view));
                self.origin = None;
                self.progress = None;
                self.seeking = false;
                self.frame = None;
            }
            Reply::Invalid {
                id,
                message,
                diagnostics,
                not_loaded,
            } => {
                if id != self.job_id {
                    return;
                }
                self.progress = None;
                self.pending_lines = None;
                if diagnostics.is_empty() {
                    // an object the worker could not load: the run stays,
                    // and the banner says whose it is
                    let previous = if self.run.is_some() {
                        self.run_is_previous = true;
                        " What is shown below is the previous program's."
                    } else {
                        ""
                    };
                    self.banner = Some(if not_loaded {
                        format!("Not loaded, as a loader would not load it: {message}.{previous}")
                    } else {
                        format!("The verifier could not read the program: {message}.{previous}")
                    });
                } else {
                    // text with errors: its diagnostics, and no run
                    self.diagnostics = diagnostics;
                    self.lines = None;
                    self.run = None;
                    self.view = None;
                    self.step = 0;
                }
            }
            Reply::Updated { summary } => {
                if self.run.as_ref().is_none_or(|r| r.run != summary.run) {
                    return;
                }
                self.run = Some(Rc::new(summary));
                // the log window (and the rest of the view) at the same place
                let step = self.step;
                self.seek(Target::Step(step));
            }
            Reply::Origin { run, seq, origin } => {
                if seq == self.origin_seq && self.run.as_ref().is_some_and(|r| r.run == run) {
                    self.origin = Some(Rc::new(origin));
                }
            }
            Reply::At { seq, view } => {
                // Views of a replaced run, or answers to earlier seeks, are stale.
                if seq == self.seq && self.run.as_ref().is_some_and(|r| r.run == view.run) {
                    self.seeking = false;
                    self.step = view.step;
                    self.view = Some(Rc::new(view));
                }
            }
        }
    }
}

/// The 1-based line of each instruction slot in the disassembly of an
/// object's program (both slots of an `ld_imm64` share one). For the
/// editor's highlight only: the text is parsed here once, when the object
/// is opened, and never verified (the worker verifies the object's bytes).
fn text_lines(text: &str) -> Vec<u32> {
    veristep_core::asm::parse(text)
        .map(|p| p.locs.iter().map(|l| l.line).collect())
        .unwrap_or_default()
}

impl yew::Reducible for Model {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;
    use std::cell::RefCell;

    const SEED: &str = include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s");

    /// The page and the verifier in one thread: every message crosses as
    /// bincode, as it does through `postMessage`.
    struct Harness {
        session: Session,
        sent: Rc<RefCell<Vec<Request>>>,
    }

    fn roundtrip<T: serde::Serialize + serde::de::DeserializeOwned>(t: T) -> T {
        let bytes = bincode::serialize(&t).expect("serialize");
        bincode::deserialize(&bytes).expect("deserialize")
    }

    impl Harness {
        fn new() -> Harness {
            Harness {
                session: Session::new(),
                sent: Rc::default(),
            }
        }
        /// A harness whose worker has both kernels' BTF, as `dist/`
        /// serves it (objects with BTF-typed programs, CO-RE, a section
        /// libbpf gives no type).
        fn with_kernel_btf() -> Harness {
            let mut h = Harness::new();
            h.session.add_kernel_btf(
                "6.1",
                Ok(include_bytes!("../../static/btf/linux-6.1.btf.gz").to_vec()),
            );
            h.session.add_kernel_btf(
                "6.12",
                Ok(include_bytes!("../../static/btf/linux-6.12.btf.gz").to_vec()),
            );
            h
        }
        fn outbox(&self) -> Outbox {
            let sent = self.sent.clone();
            Outbox::new(move |r| sent.borrow_mut().push(r))
        }
        /// A model, verified.
        fn open(&mut self, text: &str, kernel: KernelVersion) -> Model {
            let m = Model::new(text.to_string(), kernel, None, self.outbox());
            self.settle(m)
        }
        /// Delivers the requests sent so far, without walking on.
        fn deliver(&mut self, mut m: Model) -> Model {
            let reqs: Vec<Request> = self.sent.borrow_mut().drain(..).collect();
            for r in reqs {
                for reply in self.session.handle(roundtrip(r)) {
                    m = m.apply(Action::Reply(Box::new(roundtrip(reply))));
                }
            }
            m
        }
        /// Delivers everything and walks every verification to its end.
        fn settle(&mut self, mut m: Model) -> Model {
            loop {
                m = self.deliver(m);
                if self.session.busy() {
                    for reply in self.session.tick() {
                        m = m.apply(Action::Reply(Box::new(roundtrip(reply))));
                    }
                } else if self.sent.borrow().is_empty() {
                    return m;
                }
            }
        }
        fn apply(&mut self, m: &Model, a: Action) -> Model {
            let m = m.apply(a);
            self.settle(m)
        }
    }

    #[test]
    fn stepping_to_the_release_shows_the_callers_reference() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        assert!(m.diagnostics.is_empty());
        let run = m.run.clone().expect("verified");
        assert!(!run.accepted);
        // to the rejection
        let m = h.apply(&m, Action::NextEvent(EventKind::Reject, true));
        assert_eq!(m.step, m.len());
        let m = h.apply(&m, Action::Step(-1));
        assert_eq!(
            m.current_insn(),
            Some(18),
            "about to call bpf_ringbuf_discard"
        );
        let s = m.state().expect("state");
        let cb = s.frames.last().expect("callback frame");
        assert!(cb.in_callback_fn);
        assert_eq!(s.refs.len(), 1);
        assert_eq!(s.refs[0].owner, 0, "owned by frame 0");
        assert!(
            s.refs[0].holders.iter().any(|h| h == "frame1 R1"),
            "{:?}",
            s.refs[0].holders
        );
        // the compare strip: 5.19 accepts, 6.1 rejects
        assert!(run.compare[0].accepted);
        assert!(!run.compare[1].accepted);
        // 5.19 walks on past the release that 6.1 rejects
        let at = run.compare[0].diverges_at.expect("5.19 walks differently");
        assert!(at <= m.len(), "diverges at {at}");
        assert_eq!(run.compare[1].diverges_at, None, "6.1 is the shown mode");
        // the alloc insn link goes to just after the reservation
        let r = s.refs[0].alloc_insn;
        let back = h.apply(&m, Action::GotoAcquire(r));
        assert!(back.step < m.step);
        let before = h.apply(&back, Action::Step(-1));
        assert_eq!(before.current_insn(), Some(r));
        let kept = m.step;
        let m = h.apply(&m, Action::SetKernel(KernelVersion::V5_19));
        assert_eq!(m.run.as_ref().map(|r| r.accepted), Some(true));
        assert_eq!(
            m.step,
            kept.min(at),
            "the same visit, or where the walks part"
        );
        let m = h.apply(&m, Action::SetLogLevel(2));
        assert_eq!(m.step, kept.min(at), "a log level keeps the step");
    }

    /// Event jumps with nowhere to go are greyed out: at the start nothing
    /// lies behind, a program with no prune has no prune to jump to, and at
    /// the rejection nothing lies ahead.
    #[test]
    fn the_refused_line_is_marked_in_the_editor() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let run = m.run.clone().expect("verified");
        let marks = m.editor_marks();
        assert_eq!(marks.len(), 1, "{marks:?}");
        assert_eq!(marks[0].line, run.error_line);
        assert!(marks[0].message.contains("instruction 18"), "{marks:?}");
        let line = SEED.lines().nth(run.error_line as usize - 1).unwrap_or("");
        assert!(line.contains("call"), "the marked line is the call: {line}");
        // an edit makes the mark stale: it goes until the next run
        let edited = h.apply(&m, Action::Edit(format!("{SEED}\n")));
        assert!(edited.editor_marks().is_empty());
    }

    #[test]
    fn event_jumps_know_whether_they_have_a_target() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        assert_eq!(m.step, 0);
        assert!(!m.can_jump(EventKind::Reject, false));
        assert!(m.can_jump(EventKind::Reject, true));
        assert!(m.can_jump(EventKind::CallbackEnter, true));
        assert!(!m.can_jump(EventKind::Prune, true), "a straight-line walk");
        let end = h.apply(&m, Action::NextEvent(EventKind::Reject, true));
        assert!(!end.can_jump(EventKind::Reject, true));
        assert!(end.can_jump(EventKind::CallbackEnter, false));
    }

    const LOOP: &str =
        "    r1 = 0\n1:\n    r1 += 1\n    if r1 < 20000 goto 1b\n    r0 = 0\n    exit\n";
    /// Long enough that even its verdict (the walk without a log) takes
    /// several slices.
    const LONG_LOOP: &str =
        "    r1 = 0\n1:\n    r1 += 1\n    if r1 < 100000 goto 1b\n    r0 = 0\n    exit\n";

    #[test]
    fn a_long_walk_goes_in_slices_and_can_be_cancelled() {
        let mut h = Harness::new();
        let m = Model::new(SEED.to_string(), KernelVersion::V6_1, None, h.outbox());
        let m = h.deliver(m);
        assert!(m.busy().is_none(), "a small program finishes in one slice");
        let seed_run = m.run.clone().expect("run");
        let m = m.apply(Action::Load(
            LONG_LOOP.to_string(),
            KernelVersion::V6_1,
            30_000,
        ));
        let m = h.deliver(m);
        let walked = m.busy().expect("still walking");
        assert!(walked > 0);
        assert!(Rc::ptr_eq(m.run.as_ref().expect("old run kept"), &seed_run));
        let ticked = h.session.tick();
        let m = ticked
            .into_iter()
            .fold(m, |m, r| m.apply(Action::Reply(Box::new(r))));
        assert!(m.busy().expect("walking") > walked);
        // cancel: the previous run stays, with a banner, and the worker stops
        let cancelled = h.deliver(m.apply(Action::Cancel));
        assert!(cancelled.busy().is_none());
        assert!(cancelled.banner.is_some());
        assert!(!h.session.busy());
        assert!(Rc::ptr_eq(cancelled.run.as_ref().expect("kept"), &seed_run));
        // or walk on to the end: the share link's step is applied then
        let done = h.open(LOOP, KernelVersion::V6_1);
        let m = h.apply(
            &done,
            Action::Load(LOOP.to_string(), KernelVersion::V6_1, 30_000),
        );
        let run = m.run.as_ref().expect("new run");
        assert_eq!(run.len, 40_003);
        assert_eq!(m.step, 30_000);
        assert_eq!(run.compare.len(), 3);
        assert!(run.compare.iter().all(|c| c.accepted && !c.pending));
        assert!(
            !run.log_pending && run.log_lines > 40_000,
            "the log came after the verdict"
        );
    }

    /// Verdict first: a walk too long for one slice is answered as soon as
    /// the shown mode is walked without its log; the other modes and the
    /// log follow as updates, and the position stays where the reader is.
    #[test]
    fn the_verdict_comes_before_the_compare_strip_and_the_log() {
        let mut h = Harness::new();
        let mut m = Model::new(LOOP.to_string(), KernelVersion::V6_1, None, h.outbox());
        m = h.deliver(m);
        while m.run.is_none() {
            for r in h.session.tick() {
                m = m.apply(Action::Reply(Box::new(roundtrip(r))));
            }
        }
        let run = m.run.clone().expect("verdict");
        assert!(run.accepted && run.len == 40_003);
        assert!(run.log_pending && run.log_lines == 0);
        assert!(run.compare.iter().any(|c| c.pending));
        assert!(
            m.busy().is_none() && m.working(),
            "the verdict is out; more to come"
        );
        assert!(m.view.as_ref().expect("a view").state.is_some());
        let m = h.apply(&m, Action::Goto(1234));
        let m = h.settle(m);
        let run = m.run.clone().expect("run");
        assert!(!run.filling() && run.log_lines > 40_000);
        assert_eq!(m.step, 1234, "the position stays");
        assert!(!m.working());
        let log = &m.view.as_ref().expect("view").log;
        assert!(
            log.total > 40_000 && !log.lines.is_empty(),
            "the log window is there now"
        );
    }

    #[test]
    fn replies_to_a_replaced_verification_are_ignored() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let seed_run = m.run.clone().expect("run");
        // a stale reply (an older id) changes nothing
        let stale = Reply::Progress {
            id: m.job_id - 1,
            steps: 5,
        };
        let m2 = m.apply(Action::Reply(Box::new(stale)));
        assert!(m2.busy().is_none());
        // an answer to an earlier seek is not shown over the latest
        let a = m.apply(Action::Goto(3));
        let b = a.apply(Action::Goto(7));
        let reqs: Vec<Request> = h.sent.borrow_mut().drain(..).collect();
        let mut replies: Vec<Reply> = reqs.into_iter().flat_map(|r| h.session.handle(r)).collect();
        replies.reverse(); // the later answer first, then the earlier
        let b = replies
            .into_iter()
            .fold(b, |m, r| m.apply(Action::Reply(Box::new(r))));
        assert_eq!(b.step, 7);
        assert_eq!(b.view.as_ref().map(|v| v.step), Some(7));
        assert!(Rc::ptr_eq(b.run.as_ref().expect("run"), &seed_run));
    }

    #[test]
    fn a_worklist_entry_opens_where_it_is_resumed() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V5_19);
        // after the NULL check at insn 5 the fall-through is pushed
        let m = h.apply(&m, Action::NextEvent(EventKind::Push, true));
        let s = m.state().expect("state").clone();
        assert!(s.pushed);
        let entry = s.worklist.last().cloned().expect("a pending state");
        let at = h.apply(&m, Action::GotoPending(s.worklist.len() - 1));
        assert!(at.step > m.step);
        let now = at.state().expect("state");
        assert_eq!(at.current_insn(), Some(entry.insn));
        assert_eq!(now.worklist.len(), s.worklist.len() - 1);
        assert_eq!(now.popped, Some((entry.insn, entry.origin)));
    }

    #[test]
    fn reference_errors_are_told_with_their_instructions() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let story = m.reference_story().expect("a story");
        assert!(
            story.contains("Instruction 18 (in frame 1, the callback called at instruction 13) releases reference 2"),
            "{story}"
        );
        assert!(
            story.contains("acquired at instruction 4 by frame 0"),
            "{story}"
        );
        // 6.7: main exits first, on the path where the callback ran zero times
        let m = h.open(SEED, KernelVersion::V6_7);
        let story = m.reference_story().expect("a story");
        assert!(story.contains("exits frame 0"), "{story}");
        assert!(
            story.contains("as if the callback ran zero times")
                && story.contains("entering the callback at instruction 16"),
            "{story}"
        );
        let leak = include_str!("../../tests/corpus/seed/ringbuf_leak_in_cb.s");
        let m = h.open(leak, KernelVersion::V6_1);
        let story = m.reference_story().expect("a story");
        assert!(
            story.contains("returns from frame 1, the callback"),
            "{story}"
        );
        assert!(
            story.contains("acquired at instruction 12 by frame 1"),
            "{story}"
        );
        // not a reference error: no story
        let m = h.open("r0 = *(u64 *)(r1 + 0)\nexit\n", KernelVersion::V6_1);
        assert!(m.run.is_some());
        assert!(m.reference_story().is_none());
    }

    #[test]
    fn edits_are_verified_on_reverify_only() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let seed_run = m.run.clone().expect("run");
        let m = h.apply(&m, Action::Edit("r0 = 0\nexit\n".to_string()));
        assert!(m.dirty);
        assert!(Rc::ptr_eq(m.run.as_ref().expect("kept"), &seed_run));
        let m = h.apply(&m, Action::Reverify);
        assert!(!m.dirty);
        assert_eq!(m.len(), 2);
        // a second Reverify with nothing edited changes nothing
        let again = h.apply(&m, Action::Reverify);
        assert!(Rc::ptr_eq(
            again.run.as_ref().expect("run"),
            m.run.as_ref().expect("run")
        ));
    }

    #[test]
    fn log_lines_map_to_the_steps_that_wrote_them() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let run = h.session.run().expect("run");
        let log = run.ex.outcome.log.clone();
        assert_eq!(run.log_lines.len(), log.lines().count());
        for (i, text) in log.lines().enumerate() {
            assert_eq!(run.line(i), text);
        }
        // The line "18: (85) call bpf_ringbuf_discard#133" is written by
        // the step processing instruction 18; clicking it goes there.
        let m = h.apply(&m, Action::Last);
        let w = &m.view.as_ref().expect("view").log;
        assert_eq!(w.total, log.lines().count());
        let line = w
            .lines
            .iter()
            .find(|l| l.text.starts_with("18: (85) call bpf_ringbuf_discard"))
            .expect("line of insn 18");
        assert!(line.done);
        let pos = line.step.expect("a step");
        let m = h.apply(&m, Action::Goto(pos - 1));
        assert_eq!(m.current_insn(), Some(18));
        let run = h.session.run().expect("run");
        let i = log
            .lines()
            .position(|l| l.starts_with("18: (85)"))
            .expect("line");
        assert_eq!(run.line_of(run.log_lines[i] as usize), i);
        // at the start nothing is written yet
        let m = h.apply(&m, Action::First);
        let w = &m.view.as_ref().expect("view").log;
        assert!(w.lines.iter().all(|l| !l.done));
    }

    #[test]
    fn positions_stay_in_range() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let m = h.apply(&m, Action::Step(-5));
        assert_eq!(m.step, 0);
        let m = h.apply(&m, Action::Step(1_000_000));
        assert_eq!(m.step, m.len());
        let m = h.apply(&m, Action::RunToInsn(16));
        assert_eq!(m.current_insn(), Some(16));
        let m = h.apply(&m, Action::First);
        let m = h.apply(&m, Action::NextEvent(EventKind::Push, true));
        assert!(m.step > 0);
        let back = h.apply(&m, Action::NextEvent(EventKind::Push, false));
        assert!(back.step <= m.step);
    }

    #[test]
    fn changes_since_the_previous_step_are_marked() {
        let mut h = Harness::new();
        let m = h.open(SEED, KernelVersion::V6_1);
        let m = h.apply(&m, Action::Goto(1));
        let s = m.state().expect("state");
        // step 0 wrote one register: exactly one row of frame 0 is new
        let changed: Vec<&str> = s.frames[0]
            .rows
            .iter()
            .filter(|r| r.changed)
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        let first = h.apply(&m, Action::First);
        assert!(first.state().expect("state").frames[0]
            .rows
            .iter()
            .all(|r| !r.changed));
    }

    #[test]
    fn bad_text_keeps_diagnostics_not_a_run() {
        let mut h = Harness::new();
        let m = h.open("r11 = 1\nexit", KernelVersion::V6_1);
        assert!(!m.diagnostics.is_empty());
        assert!(m.run.is_none());
        assert_eq!(m.len(), 0);
        let m = h.apply(&m, Action::Step(3));
        assert_eq!(m.step, 0);
        // the worker parsed it: one request, answered with the diagnostics
        let d = &m.diagnostics[0];
        assert_eq!((d.line, d.col), (1, 1), "{d:?}");
        assert!(!m.working());
        // fixed: the diagnostics go with the answer
        let m = h.apply(&m, Action::Edit("r0 = 1\nexit".into()));
        let m = h.apply(&m, Action::Reverify);
        assert!(m.diagnostics.is_empty());
        assert_eq!(m.len(), 2);
        // a source the worker cannot load without diagnostics (an object):
        // a banner, and the run stays
        let m = m.apply(Action::Reply(Box::new(Reply::Invalid {
            id: m.job_id,
            message: "x".into(),
            diagnostics: Vec::new(),
            not_loaded: false,
        })));
        assert!(m.banner.is_some());
        assert!(m.run.is_some());
    }

    /// Text libbpf would not load (a map the kernel cannot create): the
    /// banner says so, the previous run stays on show, and the editor does
    /// not mark the new text with the previous run's refused line.
    #[test]
    fn text_that_does_not_load_keeps_no_stale_mark() {
        let mut h = Harness::new();
        let m = h.open(
            include_str!("../../tests/corpus/seed/ringbuf_release_in_cb.s"),
            KernelVersion::V6_1,
        );
        assert!(m.run.is_some());
        assert!(
            m.editor_marks().iter().any(|d| !d.warning),
            "the rejection is marked"
        );
        let m = h.apply(
            &m,
            Action::Edit(include_str!("../../tests/corpus/maps2/map_without_sizes.s").into()),
        );
        let m = h.apply(&m, Action::Reverify);
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("failed to create")),
            "{:?}",
            m.banner
        );
        assert!(m.run.is_some());
        assert!(m.editor_marks().is_empty(), "{:?}", m.editor_marks());
        assert_eq!(m.current_line(), 0);
    }

    /// A constant wider than its field is read as LLVM's assembler reads
    /// it (its low bits): verified, and the editor says so at the number.
    #[test]
    fn a_too_wide_constant_is_verified_with_a_warning() {
        let mut h = Harness::new();
        let m = h.open("r0 = 0x100000000\nexit", KernelVersion::V6_1);
        assert!(m.diagnostics.is_empty());
        let run = m.run.as_ref().expect("verified");
        assert!(run.accepted);
        assert_eq!(run.warnings.len(), 1, "{:?}", run.warnings);
        let marks = m.editor_marks();
        assert_eq!(marks.len(), 1);
        assert!(marks[0].warning);
        assert_eq!((marks[0].line, marks[0].col), (1, 6));
        assert!(marks[0].message.contains("low 32 bits, 0"), "{marks:?}");
        // edited: the marks wait for the next run
        let m = h.apply(&m, Action::Edit("r0 = 1\nexit".into()));
        assert!(m.editor_marks().is_empty());
    }

    /// A fentry program whose loader names its target at run time: the
    /// page says why it does not load, its load settings name the target,
    /// and a map's size set there reaches the text and the verifier.
    #[test]
    fn an_objects_load_settings_are_set_on_the_page() {
        let mut h = Harness::with_kernel_btf();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
        let bytes = include_bytes!("../../tests/c/obj/tr_fentry_no_target.o").to_vec();
        let m = h.apply(
            &m,
            Action::OpenObject("tr_fentry_no_target.o".into(), bytes),
        );
        let p = m.object.as_ref().expect("opened").programs[0].clone();
        assert_eq!(p.name, "tr_fentry_no_target");
        assert!(p.btf_typed && p.attach_target.is_none());
        assert_eq!(p.maps, vec![("hits".to_string(), 1)]);
        assert!(m.settings_open, "it cannot load without them");
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("no BTF-based attach target is specified")),
            "{:?}",
            m.banner
        );
        let m = h.apply(&m, Action::SetAttachTarget(" do_unlinkat ".into()));
        // the run is the program's now, not the text's before it
        assert!(m.banner.is_none(), "{:?}", m.banner);
        assert!(m.settings_open, "the panel stays open while it is used");
        let run = m.run.clone().expect("verified");
        assert!(run.accepted);
        assert!(m.readonly);
        // a map's size: in the text's .map line and in what is verified
        let m = h.apply(&m, Action::SetMapEntries("hits".into(), 0));
        let p = &m.object.as_ref().expect("opened").programs[0];
        assert!(
            p.text
                .lines()
                .any(|l| l.starts_with(".map hits") && l.contains("entries=0")),
            "{}",
            p.text
        );
        assert_eq!(m.text, p.text);
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("bpf_create_map_xattr(hits)")),
            "{:?}",
            m.banner
        );
        // the other program keeps no target of its own
        let m = h.apply(&m, Action::ChooseProgram(1));
        let p = &m.object.as_ref().expect("opened").programs[1];
        assert!(p.btf_typed && p.attach_target.is_none());
    }

    /// A `const volatile` setting of `.rodata`, set on the page as a
    /// skeleton sets it (the CLI's `--set-global`): the verifier reads the
    /// value set, so the branch it guards is walked.
    #[test]
    fn a_rodata_setting_is_set_on_the_page() {
        let mut h = Harness::new();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
        let bytes = include_bytes!("../../tests/c/obj/gv_set_global.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("gv_set_global.o".into(), bytes));
        let o = m.object.clone().expect("opened");
        assert_eq!(o.rodata_globals.len(), 1);
        assert_eq!(o.rodata_globals[0].name, "gv_mode");
        assert_eq!(o.rodata_globals[0].value, "0");
        assert!(
            m.run.clone().expect("verified").accepted,
            "the branch is dead"
        );
        let m = h.apply(&m, Action::SetGlobal("gv_mode".into(), " 1 ".into()));
        assert!(
            !m.run.clone().expect("verified").accepted,
            "the branch is walked"
        );
        assert_eq!(
            m.object.as_ref().expect("opened").globals,
            vec![("gv_mode".to_string(), "1".to_string())]
        );
        // a value that is no integer is said
        let m = h.apply(&m, Action::SetGlobal("gv_mode".into(), "one".into()));
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("not an integer")),
            "{:?}",
            m.banner
        );
        // cleared: as compiled again
        let m = h.apply(&m, Action::SetGlobal("gv_mode".into(), "".into()));
        assert!(m.run.clone().expect("verified").accepted);
    }

    /// The loader's libbpf is a load setting: a section only libbpf 1.4
    /// knows does not load with 1.1 (the default) and does with 1.4; an
    /// object only 1.4 can open opens as 1.4 loads it, and says so.
    #[test]
    fn the_loader_libbpf_is_a_load_setting() {
        let mut h = Harness::with_kernel_btf();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_7);
        let bytes = include_bytes!("../../tests/c/obj/sec_libbpf14.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("sec_libbpf14.o".into(), bytes));
        let o = m.object.clone().expect("opened");
        assert!(!o.libbpf.is_1_4());
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("missing BPF prog type")),
            "{:?}",
            m.banner
        );
        let m = h.apply(&m, Action::SetLibbpf("1.4".into()));
        assert!(m.object.as_ref().expect("opened").libbpf.is_1_4());
        assert!(m.banner.is_none(), "{:?}", m.banner);
        assert!(m.run.clone().expect("verified").accepted);
        let bytes = include_bytes!("../../tests/c/obj/ar_arena.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("ar_arena.o".into(), bytes));
        let o = m.object.clone().expect("opened");
        assert!(o.libbpf.is_1_4());
        assert!(
            o.libbpf_note
                .as_deref()
                .is_some_and(|b| b.contains("opened as libbpf 1.4 loads it")),
            "{:?}",
            o.libbpf_note
        );
    }

    /// A program whose section gives libbpf no type (`tc_ingress`) does
    /// not load as compiled; the page's load settings give it one, as the
    /// CLI's `--prog-type` does, and it is read and verified as that type.
    #[test]
    fn a_program_without_a_type_gets_one_on_the_page() {
        let mut h = Harness::with_kernel_btf();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
        let bytes = include_bytes!("../../tests/c/obj/pt_set_type.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("pt_set_type.o".into(), bytes));
        let p = m.object.as_ref().expect("opened").programs[0].clone();
        assert_eq!(p.name, "pt_tc");
        assert!(p.untyped && p.prog_type.is_none());
        assert!(m.settings_open, "it cannot load without one");
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("missing BPF prog type")),
            "{:?}",
            m.banner
        );
        let m = h.apply(&m, Action::SetProgType(" sched_cls ".into()));
        assert!(m.banner.is_none(), "{:?}", m.banner);
        assert!(m.run.clone().expect("verified").accepted);
        let p = &m.object.as_ref().expect("opened").programs[0];
        assert_eq!(p.prog_type.as_deref(), Some("sched_cls"));
        assert!(p.text.contains(".prog_type sched_cls"), "{}", p.text);
        assert_eq!(m.text, p.text);
        // a type whose context forbids the program's write to skb->mark
        let m = h.apply(&m, Action::SetProgType("socket_filter".into()));
        assert!(!m.run.clone().expect("verified").accepted);
        // a type that does not parse is said, the text stays the program's
        let m = h.apply(&m, Action::SetProgType("sched_cls/egress".into()));
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("takes no hook")),
            "{:?}",
            m.banner
        );
        // the other programs keep no type of their own
        let m = h.apply(&m, Action::ChooseProgram(3));
        let p = &m.object.as_ref().expect("opened").programs[3];
        assert!(p.untyped && p.prog_type.is_none());
        assert!(m.settings_open);
    }

    /// A loader's load flags (`bpf_program__set_flags()`, the CLI's
    /// `--prog-flags`) set on the page: `BPF_F_TEST_STATE_FREQ` stores a
    /// state at every prune point of the same program; a name no kernel
    /// knows is said and changes nothing.
    #[test]
    fn an_object_program_takes_load_flags_on_the_page() {
        let mut h = Harness::with_kernel_btf();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
        let bytes = include_bytes!("../../tests/c/obj/pt_set_type.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("pt_set_type.o".into(), bytes));
        let m = h.apply(&m, Action::SetProgType("sched_cls".into()));
        let plain = m.run.clone().expect("verified");
        assert!(plain.accepted);
        let m = h.apply(&m, Action::SetProgFlags(" BPF_F_TEST_STATE_FREQ ".into()));
        assert!(m.banner.is_none(), "{:?}", m.banner);
        let p = &m.object.as_ref().expect("opened").programs[0];
        assert_eq!(p.prog_flags.as_deref(), Some("BPF_F_TEST_STATE_FREQ"));
        assert!(p.text.contains("\n.prog_flags "), "{}", p.text);
        let freq = m.run.clone().expect("verified");
        assert!(freq.accepted);
        assert!(
            freq.total_states > plain.total_states,
            "{} states with the flag, {} without",
            freq.total_states,
            plain.total_states
        );
        let m = h.apply(&m, Action::SetProgFlags("BPF_F_NO_SUCH".into()));
        assert!(
            m.banner
                .as_deref()
                .is_some_and(|b| b.contains("unknown program flag 'BPF_F_NO_SUCH'")),
            "{:?}",
            m.banner
        );
    }

    /// Every lesson under static/lessons runs end to end: each step's
    /// program verifies, its goal is reached by the stepper action a
    /// learner would take, and its question accepts its answer.
    #[test]
    fn every_lesson_runs_end_to_end() {
        use crate::lesson::{Catalogue, Lesson};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../static/lessons");
        let index = std::fs::read_to_string(format!("{dir}/index.json")).expect("index.json");
        let cat: Catalogue = serde_json::from_str(&index).expect("catalogue");
        assert!(cat.lessons.len() >= 5, "five lessons at least");
        for entry in &cat.lessons {
            let json = std::fs::read_to_string(format!("{dir}/{}.json", entry.id))
                .unwrap_or_else(|e| panic!("{}: {e}", entry.id));
            let lesson =
                Rc::new(Lesson::parse(&json).unwrap_or_else(|e| panic!("{}: {e}", entry.id)));
            assert_eq!(lesson.id, entry.id);
            let mut h = Harness::new();
            let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
            let mut m = h.apply(&m, Action::StartLesson(lesson.clone(), 0));
            for (i, step) in lesson.steps.iter().enumerate() {
                let at = format!("{} step {} ({})", lesson.id, i + 1, step.title);
                let l = m.lesson.clone().expect("in the lesson");
                assert_eq!(l.index, i, "{at}");
                assert!(m.run.is_some(), "{at}: verified");
                assert!(m.diagnostics.is_empty(), "{at}: {:?}", m.diagnostics);
                let g = &step.goal;
                let action = if g.event.is_some() {
                    let run = m.run.as_ref().expect("run");
                    let p = g
                        .position(run)
                        .unwrap_or_else(|| panic!("{at}: the run has no such event"));
                    Action::Goto(p)
                } else if let Some(s) = g.step {
                    Action::Goto(s)
                } else if let Some(insn) = g.insn {
                    Action::RunToInsn(insn)
                } else if g.verdict.is_some() {
                    match g.kernel.as_deref().and_then(KernelVersion::parse) {
                        Some(k) => Action::SetKernel(k),
                        None => Action::Reverify,
                    }
                } else {
                    Action::Last
                };
                m = h.apply(&m, action);
                let l = m.lesson.clone().expect("in the lesson");
                assert!(l.reached, "{at}: goal {:?} not reached", g);
                if let Some(q) = &step.question {
                    if q.answer > 0 {
                        let wrong = h.apply(&m, Action::Answer(0));
                        assert!(
                            !wrong.lesson.as_ref().expect("lesson").can_advance(),
                            "{at}"
                        );
                    }
                    m = h.apply(&m, Action::Answer(q.answer));
                }
                assert!(m.lesson.as_ref().expect("lesson").can_advance(), "{at}");
                if i + 1 < lesson.steps.len() {
                    m = h.apply(&m, Action::LessonGo(i + 1));
                }
            }
        }
    }

    #[test]
    fn an_object_opens_read_only_and_steps_like_text() {
        let mut h = Harness::new();
        let m = h.open("r0 = 0\nexit\n", KernelVersion::V6_1);
        let bytes = include_bytes!("../../tests/c/obj/timer_and_loop.o").to_vec();
        let m = h.apply(&m, Action::OpenObject("timer_and_loop.o".into(), bytes));
        let o = m.object.clone().expect("opened");
        assert_eq!(o.programs.len(), 2);
        assert!(m.readonly);
        let run = m.run.clone().expect("verified");
        assert!(run.accepted);
        assert_eq!(run.processed, 29, "as Linux 6.1 processed prog_timer");
        // the editor highlights the instruction in the read-only disassembly
        let text = &o.programs[0].text;
        let line = m.current_line() as usize;
        assert!(line > 0);
        assert_eq!(text.lines().nth(line - 1).map(str::trim), Some("r6 = r1"));
        let at = h.apply(&m, Action::RunToInsn(19));
        let line = at.current_line() as usize;
        assert_eq!(
            text.lines().nth(line - 1).map(str::trim),
            Some("r1 = *(u32 *)(r6 +0)")
        );
        let m = h.apply(&m, Action::ChooseProgram(1));
        assert_eq!(m.object.as_ref().map(|o| o.chosen), Some(1));
        assert_eq!(m.run.as_ref().map(|r| r.processed), Some(34));
        let m = h.apply(&m, Action::NextEvent(EventKind::CallbackEnter, true));
        assert!(
            m.state().expect("state").frames.len() == 2,
            "in the bpf_loop callback"
        );
        let m = h.apply(&m, Action::EditAsText);
        assert!(!m.readonly);
        // from here on the source is the text
        let k = m.apply(Action::SetKernel(KernelVersion::V6_7));
        assert!(matches!(
            h.sent.borrow().last(),
            Some(Request::Verify {
                source: Source::Text(t),
                ..
            }) if *t == m.text
        ));
        let k = h.settle(k);
        assert_eq!(k.run.as_ref().map(|r| r.kernel), Some(KernelVersion::V6_7));
        assert!(k.current_line() > 0);
        let bad = h.apply(
            &m,
            Action::OpenObject("x.o".into(), b"\x7fELF garbage".to_vec()),
        );
        assert!(bad
            .banner
            .as_deref()
            .is_some_and(|b| b.contains("x.o cannot be opened")));
    }
}
