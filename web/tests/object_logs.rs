//! One program through every path: for every object in tests/c/obj and
//! every program in it, the playground's log (the page's model and the
//! worker's session in one thread, every message through bincode as
//! through `postMessage`) equals the CLI's byte for byte, at log levels 1
//! and 2 and in every kernel mode.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use veristep_core::{elf, verify, KernelVersion, Options};
use veristep_web::model::{Action, Model, Outbox, ALL_KERNELS};
use veristep_web::protocol::{Request, Source};
use veristep_web::session::Session;

fn roundtrip<T: serde::Serialize + serde::de::DeserializeOwned>(t: T) -> T {
    let bytes = bincode::serialize(&t).expect("serialize");
    bincode::deserialize(&bytes).expect("deserialize")
}

/// The page and the worker, as in the model's own tests.
struct Playground {
    session: Session,
    sent: Rc<RefCell<Vec<Request>>>,
    /// Every request delivered so far.
    seen: Vec<Request>,
}

impl Playground {
    fn new() -> Playground {
        Playground {
            session: with_kernel_btf(Session::new()),
            sent: Rc::default(),
            seen: Vec::new(),
        }
    }
    fn outbox(&self) -> Outbox {
        let sent = self.sent.clone();
        Outbox::new(move |r| sent.borrow_mut().push(r))
    }
    /// Delivers everything and walks every verification to its end.
    fn settle(&mut self, mut m: Model) -> Model {
        loop {
            let reqs: Vec<Request> = self.sent.borrow_mut().drain(..).collect();
            for r in reqs {
                self.seen.push(r.clone());
                for reply in self.session.handle(roundtrip(r)) {
                    m = m.apply(Action::Reply(Box::new(roundtrip(reply))));
                }
            }
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
    /// The shown run's log as the page gets it: line by line, as the log
    /// windows carry it.
    fn log(&self, m: &Model) -> String {
        let run = self.session.run().expect("a run");
        let summary = m.run.as_ref().expect("a summary");
        assert_eq!(summary.run, run.id, "the page shows the worker's last run");
        (0..summary.log_lines)
            .map(|i| format!("{}\n", run.line(i)))
            .collect()
    }
}

const BTF_6_1: &[u8] = include_bytes!("../../static/btf/linux-6.1.btf.gz");
const BTF_6_12: &[u8] = include_bytes!("../../static/btf/linux-6.12.btf.gz");

/// A session that has the kernels' BTF, as the worker has it once fetched.
fn with_kernel_btf(mut s: Session) -> Session {
    s.add_kernel_btf("6.1", Ok(BTF_6_1.to_vec()));
    s.add_kernel_btf("6.12", Ok(BTF_6_12.to_vec()));
    s
}

/// What `veristep verify OBJ.o --prog NAME --kernel K --log-level L`
/// prints: cli/src/main.rs's `load` and `verify_cmd` (CO-RE relocated
/// against the kernel's BTF, as `cli/src/kbtf.rs` does).
/// Err: libbpf's refusal, which the CLI prints instead.
fn cli_log(
    bytes: &[u8],
    file: &str,
    name: &str,
    kernel: KernelVersion,
    log_level: u32,
) -> Result<String, String> {
    let obj = elf::load_named(bytes, file).expect("the CLI loads it");
    let p = obj
        .programs
        .into_iter()
        .find(|p| p.name == name)
        .expect("the program");
    let gz = match veristep_core::relo_core::btf_kernel(kernel) {
        "6.1" => BTF_6_1,
        _ => BTF_6_12,
    };
    let kbtf = std::sync::Arc::new(
        veristep_core::relo_core::KernelBtf::from_gzip(gz).expect("the kernel's BTF"),
    );
    let program = p.program.relocated(name, &kbtf).map_err(|e| e.0)?;
    Ok(verify(
        &program,
        &Options {
            kernel,
            log_level,
            trace: false,
            log_size: None,
        },
    )
    .log)
}

fn objects() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/c/obj"));
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "o"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no objects in {}", dir.display());
    v
}

#[test]
fn every_object_program_logs_as_the_cli_does() {
    let mut checked = 0;
    for path in objects() {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).expect("read");
        // (an object libbpf 1.1, the default loader, cannot open, such as
        // one with arena globals, is an error on both sides)
        let Ok(object) = elf::load(&bytes) else {
            continue;
        };
        let names: Vec<String> = object.programs.into_iter().map(|p| p.name).collect();
        let mut pg = Playground::new();
        let m = Model::new(
            "r0 = 0\nexit\n".into(),
            KernelVersion::V6_1,
            None,
            pg.outbox(),
        );
        let m = pg.settle(m);
        let mut m = pg.apply(&m, Action::OpenObject(file.clone(), bytes.clone()));
        let o = m.object.clone().expect("opened");
        assert_eq!(
            o.programs.iter().map(|p| &p.name).collect::<Vec<_>>(),
            names.iter().collect::<Vec<_>>(),
            "{file}"
        );
        for (i, name) in names.iter().enumerate() {
            m = pg.apply(&m, Action::ChooseProgram(i));
            for kernel in ALL_KERNELS {
                m = pg.apply(&m, Action::SetKernel(kernel));
                for level in [1, 2] {
                    pg.seen.clear();
                    m = pg.apply(&m, Action::SetLogLevel(level));
                    let at = format!(
                        "{file} --prog {name} --kernel {} --log-level {level}",
                        kernel.name()
                    );
                    // the worker was sent the object, never text
                    let [Request::Verify {
                        source, log_level, ..
                    }] = pg.seen.as_slice()
                    else {
                        panic!("{at}: one verify request, not {:?}", pg.seen);
                    };
                    assert_eq!(*log_level, level, "{at}");
                    assert!(
                        matches!(source, Source::Object { bytes: b, program, file: f, .. } if *b == bytes && program == name && *f == file),
                        "{at}: the object's bytes and the program's name"
                    );
                    let want = match cli_log(&bytes, &file, name, kernel, level) {
                        Ok(log) => log,
                        // a program libbpf refuses (no attach target): the
                        // page says so as the CLI does
                        Err(e) => {
                            assert!(
                                m.banner.as_deref().is_some_and(|b| b.contains(&e)),
                                "{at}: {e} / {:?}",
                                m.banner
                            );
                            continue;
                        }
                    };
                    let run = pg.session.run().expect("run");
                    assert_eq!(run.ex.outcome.log, want, "{at}: the worker's log");
                    assert_eq!(pg.log(&m), want, "{at}: the page's lines");
                    // only a load refused before the verifier (a type the
                    // kernel lacks: lirc_mode2) has no log
                    let refused = run
                        .ex
                        .outcome
                        .error
                        .as_ref()
                        .is_some_and(|e| e.message.is_empty() && e.insn.is_none());
                    assert!(!want.is_empty() || refused, "{at}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 12, "{checked} logs compared");
}

/// The log that lost its BTF when the page verified the disassembly: the
/// source lines and the check of a call's arguments against BTF are there.
#[test]
fn timer_and_loop_keeps_its_btf_lines() {
    let bytes = include_bytes!("../../tests/c/obj/timer_and_loop.o").to_vec();
    let mut pg = Playground::new();
    let m = Model::new(
        "r0 = 0\nexit\n".into(),
        KernelVersion::V6_1,
        None,
        pg.outbox(),
    );
    let m = pg.settle(m);
    let m = pg.apply(
        &m,
        Action::OpenObject("timer_and_loop.o".into(), bytes.clone()),
    );
    let m = pg.apply(&m, Action::SetLogLevel(2));
    let log = pg.log(&m);
    assert_eq!(
        log,
        cli_log(
            &bytes,
            "timer_and_loop.o",
            "prog_timer",
            KernelVersion::V6_1,
            2
        )
        .expect("it loads")
    );
    assert!(log.lines().any(|l| l.starts_with("; ")), "source lines");
    assert!(
        log.contains("reg type unsupported for arg#0"),
        "func info:\n{log}"
    );
    assert_eq!(m.run.as_ref().map(|r| r.processed), Some(29));
}
