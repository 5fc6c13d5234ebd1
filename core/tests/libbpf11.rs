//! Objects as libbpf 1.1 loads them, against the real kernels: each record
//! of `tests/c/obj/libbpf11.jsonl` is what Linux 6.1 or 6.12 answered when
//! the oracle's loader (`../shared/oracle/run -l 1`, static libbpf 1.1.2)
//! loaded one program of a committed object (`tests/c/obj/*.o`, built from
//! `tests/c/*.bpf.c` by kernel-diff). These objects are where libbpf 1.1
//! and 1.4 part: sections 1.1 does not know, an unresolved weak kfunc's
//! call (`imm` 0), exception callbacks, arena globals, `__arg_ctx`.
//! veristep with `Libbpf::V1_1` must give the same verdict, errno,
//! message and `processed`, or fail where libbpf failed with one of its
//! lines.

mod common;

use common::kernel;
use veristep_core::elf::{self, Libbpf, LoadOptions};
use veristep_core::{verify, Options, Verdict};

#[test]
fn objects_load_as_libbpf_1_1_loads_them() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/c/obj/");
    let records = std::fs::read_to_string(format!("{root}libbpf11.jsonl")).expect("records");
    let kernels = [kernel("6.1"), kernel("6.12")];
    let mut checked = 0;
    for line in records.lines() {
        let r: serde_json::Value = serde_json::from_str(line).expect("a record");
        let object = r["object"].as_str().expect("object");
        let prog = r["program"].as_str().expect("program");
        let k = r["kernel"].as_str().expect("kernel");
        let (mode, btf) = &kernels[usize::from(k != "6.1")];
        let libbpf: Vec<&str> = r["libbpf"]
            .as_array()
            .expect("libbpf lines")
            .iter()
            .filter_map(|l| l.as_str())
            .collect();
        let what = format!("{object} {prog} on {k}");
        let bytes = std::fs::read(format!("{root}{object}")).expect("the object");
        let opts = LoadOptions {
            libbpf: Libbpf::V1_1,
            ..LoadOptions::default()
        };
        let loaded = elf::load_each_with(&bytes, object, &opts).and_then(|o| {
            o.programs
                .into_iter()
                .find(|p| p.name == prog)
                .ok_or_else(|| elf::ElfError(format!("no program {prog}")))
        });
        let relocated = loaded
            .map_err(|e| e.0)
            .and_then(|p| p.program.relocated(prog, btf).map_err(|e| e.0));
        if r["verdict"] == "error" {
            let e = relocated.err().unwrap_or_else(|| panic!("{what}: loads"));
            assert!(
                libbpf.iter().any(|l| *l == e),
                "{what}: veristep says '{e}', libbpf said {libbpf:?}"
            );
            checked += 1;
            continue;
        }
        let p = relocated.unwrap_or_else(|e| panic!("{what}: {e}"));
        let o = verify(
            &p,
            &Options {
                kernel: *mode,
                log_level: 1,
                trace: false,
                log_size: None,
            },
        );
        let verdict = match o.verdict {
            Verdict::Accepted => "accepted",
            Verdict::Rejected => "rejected",
        };
        assert_eq!(verdict, r["verdict"], "{what}:\n{}", o.log);
        let errno = o.error.as_ref().map_or(0, |e| i64::from(e.errno));
        assert_eq!(Some(errno), r["errno"].as_i64(), "{what}");
        assert_eq!(o.message(), r["message"].as_str(), "{what}:\n{}", o.log);
        assert_eq!(
            Some(o.stats.processed),
            r["processed"].as_u64(),
            "{what}:\n{}",
            o.log
        );
        checked += 1;
    }
    assert!(checked >= 40, "{checked} records");
}
