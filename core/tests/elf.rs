//! Loading clang-compiled objects (tests/c/obj, built from tests/c/*.bpf.c
//! by `cargo xtask build-c`): layout as libbpf's, checked against what
//! Linux 6.1 logged for the same object, and no panic on damaged input.

use veristep_core::elf;
use veristep_core::{verify, KernelVersion, MapType, Options, ProgType, Verdict};

const OBJ: &[u8] = include_bytes!("../../tests/c/obj/timer_and_loop.o");

#[test]
fn programs_are_laid_out_as_libbpf_does() {
    let o = elf::load(OBJ).expect("loads");
    assert_eq!(o.license, "GPL");
    let names: Vec<&str> = o.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["prog_timer", "prog_loop"]);
    assert_eq!(o.maps.len(), 2);
    assert_eq!(o.maps[0].name, "timers");
    assert_eq!(o.maps[0].map_type, MapType::Array);
    assert_eq!(
        (
            o.maps[0].key_size,
            o.maps[0].value_size,
            o.maps[0].max_entries
        ),
        (4, 24, 4)
    );
    assert_eq!(o.maps[0].timer_off, Some(0));
    assert_eq!(o.maps[1].map_type, MapType::Ringbuf);
    // Linux 6.1 (the oracle): prog_timer "func#0 @0 func#1 @25 func#2 @27",
    // prog_loop "func#0 @0 func#1 @27 func#2 @32"; 29 and 34 insns processed.
    let t = &o.programs[0];
    assert_eq!(t.section, "tc");
    assert_eq!(t.program.prog_type, ProgType::SchedCls);
    let starts: Vec<(&str, usize)> = t
        .program
        .labels
        .iter()
        .map(|(n, i)| (n.as_str(), *i))
        .collect();
    assert_eq!(
        starts,
        [("prog_timer", 0), ("timer_cb", 25), ("helper", 27)]
    );
    let l = &o.programs[1];
    assert_eq!(l.program.prog_type, ProgType::Xdp);
    let starts: Vec<usize> = l.program.labels.iter().map(|(_, i)| *i).collect();
    assert_eq!(starts, [0, 27, 32]);
    for (p, processed) in [(t, 29), (l, 34)] {
        let out = verify(
            &p.program,
            &Options {
                kernel: KernelVersion::V6_1,
                log_level: 1,
                trace: false,
                log_size: None,
            },
        );
        assert_eq!(out.verdict, Verdict::Accepted, "{}", p.name);
        assert_eq!(out.stats.processed, processed, "{}", p.name);
        assert!(p.unsupported.is_none());
    }
}

#[test]
fn the_text_form_round_trips() {
    let o = elf::load(OBJ).expect("loads");
    for p in &o.programs {
        let text = veristep_core::disasm::program_text(&p.program);
        let back = veristep_core::asm::parse(&text)
            .unwrap_or_else(|d| panic!("{}: {:?}\n{text}", p.name, d));
        assert_eq!(back.insns, p.program.insns, "{}", p.name);
    }
}

#[test]
fn damaged_objects_are_errors_not_panics() {
    assert!(elf::load(b"").is_err());
    assert!(elf::load(b"not an elf").is_err());
    assert!(elf::load(&OBJ[..64]).is_err());
    // every truncation, and a byte flipped at many places
    for cut in (0..OBJ.len()).step_by(7) {
        let _ = elf::load(&OBJ[..cut]);
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut b = OBJ.to_vec();
        let at = (seed % b.len() as u64) as usize;
        b[at] ^= (seed >> 32) as u8 | 1;
        if let Ok(o) = elf::load(&b) {
            // whatever loads must verify without panicking too
            for p in o.programs {
                let _ = verify(
                    &p.program,
                    &Options {
                        kernel: KernelVersion::V6_1,
                        log_level: 2,
                        trace: false,
                        log_size: None,
                    },
                );
            }
        }
    }
}

/// One program veristep cannot model (its type, a map it uses) does not
/// refuse its siblings: they load, and it is named with the reason.
#[test]
fn an_unmodelled_program_does_not_refuse_its_siblings() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/mixed.o");
    let bytes = std::fs::read(&path).expect("the fixture");
    let obj = veristep_core::elf::load(&bytes).expect("loads");
    let names: Vec<&str> = obj.programs.iter().map(|p| p.name.as_str()).collect();
    // the iterator (iter/task) is modelled now: it waits for the kernel's BTF
    assert_eq!(names, vec!["good", "it"]);
    assert!(obj.programs[1].program.needs_kernel_btf());
    let refused: Vec<&str> = obj.refused.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(refused, vec!["uses_rs"]);
    assert!(
        obj.refused[0].1.contains("not modelled: map 'rs'"),
        "{:?}",
        obj.refused
    );
}

/// What a loader may set before the load (`--attach-target`, the
/// playground's load settings): a BTF-typed program's target, never a
/// struct_ops member's, which its `.struct_ops` map decides.
#[test]
fn only_btf_typed_programs_take_an_attach_target() {
    let fentry =
        elf::load(include_bytes!("../../tests/c/obj/tr_fentry_no_target.o")).expect("loads");
    let mut p = fentry.programs[0].program.clone();
    assert!(p.btf_typed() && p.no_attach_target);
    p.set_attach_target("do_unlinkat")
        .expect("a fentry program");
    assert_eq!(p.attach_to.as_deref(), Some("do_unlinkat"));
    assert!(!p.no_attach_target);
    let ca = elf::load(include_bytes!("../../tests/c/obj/sto_tcp_ca.o")).expect("loads");
    for o in &ca.programs {
        let mut p = o.program.clone();
        assert_eq!(p.prog_type, ProgType::StructOps);
        assert!(!p.btf_typed(), "{}", o.name);
        assert!(p.set_attach_target("do_unlinkat").is_err(), "{}", o.name);
    }
    let plain = elf::load(OBJ).expect("loads");
    assert!(!plain.programs[0].program.btf_typed());
}

/// A loader's program type (`bpf_program__set_type`, the CLI's
/// `--prog-type`) for sections libbpf gives none: the program is read as
/// that type (its context, a global function's context argument), and a
/// program whose section has a type refuses one. Kernel-diff checks the
/// same object against the kernels with libbpf's own setters
/// (`tests/c/pt_set_type.bpf.c`).
#[test]
fn a_loaders_program_type_is_taken_where_the_section_gives_none() {
    use veristep_core::program::AttachType;
    const PT: &[u8] = include_bytes!("../../tests/c/obj/pt_set_type.o");
    let plain = elf::load(PT).expect("loads");
    assert_eq!(plain.programs.len(), 4);
    for o in &plain.programs {
        assert!(o.program.missing_prog_type.is_some(), "{}", o.name);
    }
    let set = |types: &[(&str, ProgType, Option<AttachType>)]| {
        let opts = elf::LoadOptions {
            prog_types: types
                .iter()
                .map(|(n, t, a)| (n.to_string(), *t, *a))
                .collect(),
            ..Default::default()
        };
        elf::load_each_with(PT, "pt_set_type.o", &opts).expect("loads")
    };
    let o = set(&[
        ("pt_tc", ProgType::SchedCls, None),
        ("pt_xdp", ProgType::Xdp, None),
        (
            "pt_connect4",
            ProgType::CgroupSockAddr,
            Some(AttachType::Inet4Connect),
        ),
    ]);
    let opts = Options {
        kernel: KernelVersion::V6_1,
        log_level: 1,
        trace: false,
        log_size: None,
    };
    for name in ["pt_tc", "pt_xdp", "pt_connect4"] {
        let p = &o
            .programs
            .iter()
            .find(|p| p.name == name)
            .expect(name)
            .program;
        assert!(p.missing_prog_type.is_none(), "{name}");
        assert_eq!(verify(p, &opts).verdict, Verdict::Accepted, "{name}");
    }
    let unset = &o
        .programs
        .iter()
        .find(|p| p.name == "pt_unset")
        .expect("pt_unset");
    assert_eq!(
        unset.program.missing_prog_type.as_deref(),
        Some("classifier/egress")
    );
    // the type decides: tc's skb->mark write, xdp's context to a global function
    let wrong = set(&[
        ("pt_tc", ProgType::SocketFilter, None),
        ("pt_xdp", ProgType::SchedCls, None),
    ]);
    for name in ["pt_tc", "pt_xdp"] {
        let p = &wrong
            .programs
            .iter()
            .find(|p| p.name == name)
            .expect(name)
            .program;
        assert_eq!(verify(p, &opts).verdict, Verdict::Rejected, "{name}");
    }
    // a section libbpf types keeps its type: the setting is refused
    let typed = elf::load(OBJ).expect("loads");
    let name = typed.programs[0].name.clone();
    let o = elf::load_each_with(
        OBJ,
        "timer_and_loop.o",
        &elf::LoadOptions {
            prog_types: vec![(name.clone(), ProgType::Xdp, None)],
            ..Default::default()
        },
    )
    .expect("loads");
    assert!(o.programs.iter().all(|p| p.name != name));
    assert!(o
        .refused
        .iter()
        .any(|(n, why)| *n == name && why.contains("gives libbpf its program type")));
}

/// A skeleton's settings (`rodata->NAME = V`, the CLI's `--set-global`)
/// written into the global data before the load, in each variable's size;
/// kernel-diff checks the same object with libbpf (`gv_set_global.bpf.c`).
#[test]
fn a_loaders_globals_are_written_before_the_load() {
    const GV: &[u8] = include_bytes!("../../tests/c/obj/gv_set_global.o");
    let run = |o: &elf::ObjectFile| verdict_61(&o.programs[0].program);
    let plain = elf::load(GV).expect("loads");
    assert_eq!(plain.rodata_globals[0].value, "0");
    assert_eq!(run(&plain), Verdict::Accepted);
    let set = elf::load_each_with(GV, "gv.o", &globals(&[("gv_mode", "1"), ("gv_seen", "-1")]))
        .expect("loads");
    assert_eq!(set.rodata_globals[0].value, "1");
    assert_eq!(run(&set), Verdict::Rejected);
    let bss = set.maps.iter().find(|m| m.name == "bss").expect(".bss");
    assert_eq!(bss.data, vec![0xff; 8]);
    for bad in [
        [("gv_mode", "4294967296")],
        [("gv_mode", "-2147483649")],
        [("gv_mode", "one")],
        [("gv_mode[0]", "1")],
        [("nosuch", "1")],
    ] {
        assert!(elf::load_each_with(GV, "gv.o", &globals(&bad)).is_err());
    }
    assert_eq!(elf::parse_global_value("-0x10"), Ok(-16));
    assert!(elf::parse_global_value("x1").is_err());
}

fn globals(settings: &[(&str, &str)]) -> elf::LoadOptions {
    elf::LoadOptions {
        globals: settings
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        ..Default::default()
    }
}

fn verdict_61(p: &veristep_core::Program) -> Verdict {
    verify(
        p,
        &Options {
            kernel: KernelVersion::V6_1,
            log_level: 0,
            trace: false,
            log_size: None,
        },
    )
    .verdict
}

#[test]
fn a_loaders_text_and_array_elements_are_written_before_the_load() {
    // tests/c/gv_set_array.bpf.c: `char gv_comm[16]` and `__u16 gv_ports[4]`
    const GV: &[u8] = include_bytes!("../../tests/c/obj/gv_set_array.o");
    let plain = elf::load(GV).expect("loads");
    let listed: Vec<(&str, &str, bool)> = plain
        .rodata_globals
        .iter()
        .map(|g| (g.name.as_str(), g.value.as_str(), g.text))
        .collect();
    assert_eq!(
        listed,
        [
            ("gv_comm", "", true),
            ("gv_ports[0]", "0", false),
            ("gv_ports[1]", "0", false),
            ("gv_ports[2]", "0", false),
            ("gv_ports[3]", "0", false),
        ]
    );
    assert!(plain
        .programs
        .iter()
        .all(|p| verdict_61(&p.program) == Verdict::Accepted));
    let set = elf::load_each_with(
        GV,
        "gv.o",
        &globals(&[("gv_comm", "bad"), ("gv_ports[2]", "80")]),
    )
    .expect("loads");
    assert!(set
        .programs
        .iter()
        .all(|p| verdict_61(&p.program) == Verdict::Rejected));
    let value = |o: &elf::ObjectFile, n: &str| {
        o.rodata_globals
            .iter()
            .find(|g| g.name == n)
            .map(|g| g.value.clone())
    };
    assert_eq!(value(&set, "gv_comm").as_deref(), Some("bad"));
    assert_eq!(value(&set, "gv_ports[2]").as_deref(), Some("80"));
    // a quoted text is the text inside; a text that fills the array is
    // whole (no NUL), as strncpy leaves it
    let quoted =
        elf::load_each_with(GV, "gv.o", &globals(&[("gv_comm", "\"bad\"")])).expect("loads");
    assert_eq!(verdict_61(&quoted.programs[0].program), Verdict::Rejected);
    let full = "0123456789abcdef";
    let filled = elf::load_each_with(GV, "gv.o", &globals(&[("gv_comm", full)])).expect("loads");
    assert_eq!(value(&filled, "gv_comm").as_deref(), Some(full));
    for bad in [
        ("gv_comm", "0123456789abcdefg"),
        ("gv_ports", "80"),
        ("gv_ports[4]", "80"),
        ("gv_ports[-1]", "80"),
        ("gv_ports[1]", "65536"),
        ("gv_ports[x]", "1"),
    ] {
        let e = elf::load_each_with(GV, "gv.o", &globals(&[bad])).expect_err(bad.0);
        assert!(!e.to_string().is_empty());
    }
}

/// `gv_set_global.o` with `gv_mode`'s symbol moved to `value` (a damaged
/// object): the ELF64 symbol table, found by hand.
fn with_symbol_value(obj: &[u8], name: &str, value: u64) -> Vec<u8> {
    let u16_at = |b: &[u8], o: usize| u16::from_le_bytes([b[o], b[o + 1]]) as usize;
    let u32_at = |b: &[u8], o: usize| u32::from_le_bytes(b[o..o + 4].try_into().unwrap()) as usize;
    let u64_at = |b: &[u8], o: usize| u64::from_le_bytes(b[o..o + 8].try_into().unwrap()) as usize;
    let mut out = obj.to_vec();
    let (shoff, shentsize, shnum) = (u64_at(obj, 0x28), u16_at(obj, 0x3a), u16_at(obj, 0x3c));
    let section = |i: usize| shoff + i * shentsize;
    for i in 0..shnum {
        let sh = section(i);
        // SHT_SYMTAB; its sh_link is the string table
        if u32_at(obj, sh + 4) != 2 {
            continue;
        }
        let (off, size) = (u64_at(obj, sh + 0x18), u64_at(obj, sh + 0x20));
        let strtab = u64_at(obj, section(u32_at(obj, sh + 0x28)) + 0x18);
        for sym in (off..off + size).step_by(24) {
            let n = strtab + u32_at(obj, sym);
            if obj[n..].starts_with(name.as_bytes()) && obj[n + name.len()] == 0 {
                out[sym + 8..sym + 16].copy_from_slice(&value.to_le_bytes());
            }
        }
    }
    out
}

#[test]
fn a_global_outside_its_section_is_an_error_not_a_huge_write() {
    // found by the `elf` fuzz target: a symbol far past its section made
    // the setting grow the map's bytes to its offset (35 TB)
    const GV: &[u8] = include_bytes!("../../tests/c/obj/gv_set_global.o");
    for value in [1u64 << 45, u64::MAX - 2, 4096] {
        let damaged = with_symbol_value(GV, "gv_mode", value);
        assert_ne!(damaged, GV, "the symbol was found");
        // listed no more, and set with an error
        if let Ok(o) = elf::load(&damaged) {
            assert!(o.rodata_globals.iter().all(|g| g.name != "gv_mode"));
        }
        let e = elf::load_each_with(&damaged, "gv.o", &globals(&[("gv_mode", "1")]));
        assert!(e.is_err());
    }
}

#[test]
fn an_object_whose_btf_the_kernel_refuses_loads_without_it() {
    // tests/c/bt_btf_refused.bpf.c: a __naked function's argument has no
    // name in the BTF clang writes, which the kernel's btf_func_check()
    // refuses; libbpf loads the programs without func or line info
    const BT: &[u8] = include_bytes!("../../tests/c/obj/bt_btf_refused.o");
    let o = elf::load(BT).expect("loads");
    for p in &o.programs {
        assert!(p.program.btf_refused, "{}", p.name);
        assert!(p.program.line_info.is_empty(), "{}: no line info", p.name);
        assert!(p.program.func_btf.is_empty(), "{}: no func info", p.name);
    }
    // an ordinary object keeps its BTF
    const GV: &[u8] = include_bytes!("../../tests/c/obj/gv_set_global.o");
    let ok = elf::load(GV).expect("loads");
    assert!(ok
        .programs
        .iter()
        .all(|p| !p.program.btf_refused && !p.program.line_info.is_empty()));
}

#[test]
fn the_kernels_btf_refusals_are_found_in_order() {
    use veristep_core::btf::{self, Btf, Type};
    let t = |kind: u32, size_or_type: u32, vlen: u32, members: Vec<(String, u32, u32)>| Type {
        kind,
        size_or_type,
        vlen,
        members,
        ..Default::default()
    };
    let int = t(btf::KIND_INT, 4, 0, vec![]);
    let proto = |arg: &str| t(btf::KIND_FUNC_PROTO, 1, 1, vec![(arg.to_string(), 1, 0)]);
    let with = |types: Vec<Type>| Btf {
        types: std::iter::once(Type::default()).chain(types).collect(),
        strings: vec![0],
    };
    // a named argument, an extern's unnamed one (libbpf names it): taken
    let ok = with(vec![
        int.clone(),
        proto("x"),
        t(btf::KIND_FUNC, 2, 1, vec![]),
        proto(""),
        t(btf::KIND_FUNC, 4, 2, vec![]),
    ]);
    assert_eq!(ok.kernel_refusal(), None);
    // a static or global function's unnamed argument
    let naked = with(vec![
        int.clone(),
        proto(""),
        t(btf::KIND_FUNC, 2, 1, vec![]),
    ]);
    assert_eq!(
        naked.kernel_refusal(),
        Some((3, "Invalid arg#1".to_string()))
    );
    // an enum of size 0 (declared, never defined) is found first: the
    // kernel checks every type's meta before it resolves functions
    let both = with(vec![
        int,
        proto(""),
        t(btf::KIND_FUNC, 2, 1, vec![]),
        t(btf::KIND_ENUM, 0, 0, vec![]),
    ]);
    assert_eq!(
        both.kernel_refusal(),
        Some((4, "Unexpected size".to_string()))
    );
}
