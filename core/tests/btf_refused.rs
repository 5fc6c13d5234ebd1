//! An object whose BTF Linux 6.2+ refuses and 6.1 takes
//! (`tests/c/sl_btf_refused.bpf.c`: two locks in one struct, a misplaced
//! one in another; `btf_parse_struct_metas()`), loaded as the CLI and the
//! playground load objects: relocated against the kernel's BTF only when
//! `Program::needs_kernel_btf()` says so. Linux 6.12's answers are the
//! ones `cargo xtask bless-c` recorded (`tests/c/linux-6.12.jsonl`), so the
//! refusal must reach these paths too, not only kernel-diff's.

mod common;

use common::kernel;
use veristep_core::elf;
use veristep_core::{verify, Options, Verdict};

#[test]
fn a_btf_6_12_refuses_is_refused_where_the_cli_and_playground_load_it() {
    let object = elf::load(include_bytes!("../../tests/c/obj/sl_btf_refused.o")).expect("loads");
    let records = include_str!("../../tests/c/linux-6.12.jsonl");
    let (mode, btf) = kernel("6.12");
    let mut checked = 0;
    for p in &object.programs {
        let key = format!("sl_btf_refused:{}", p.name);
        let rec: serde_json::Value = records
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .find(|r: &serde_json::Value| r["program"] == key.as_str())
            .unwrap_or_else(|| panic!("no record of {key}"));
        assert!(
            p.program.needs_kernel_btf(),
            "{key}: the kernel's BTF decides"
        );
        let prog = p.program.relocated(&p.name, &btf).expect("relocates");
        let o = verify(
            &prog,
            &Options {
                kernel: mode,
                ..Options::default()
            },
        );
        let verdict = if o.verdict == Verdict::Accepted {
            "accepted"
        } else {
            "rejected"
        };
        assert_eq!(verdict, rec["verdict"], "{key}");
        assert_eq!(o.message(), rec["message"].as_str(), "{key}");
        assert_eq!(
            Some(o.stats.processed as u64),
            rec["processed"].as_u64(),
            "{key}"
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}
