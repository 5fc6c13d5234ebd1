//! Objects libbpf refuses as it opens them (`bpf_object__elf_init()`,
//! `bpf_object__elf_collect()`): damaged ELF headers, symbol tables that
//! link to no strings, unreadable names, a `version` or `license` section
//! libbpf cannot read. veristep must refuse each with libbpf's first
//! warning, word for word.
//!
//! The table `data/libbpf_open.tsv` (file, message) is libbpf's output,
//! not typed: `data/libbpf_open.c` run on `data/libbpf_open/*.o` with
//! libbpf 1.1 and with libbpf 1.4 (they agree on every file). The objects
//! were made from clang-16 objects of our own by changing one header field
//! each (the names say which).

use veristep_core::elf::{load_named_with, Libbpf, LoadOptions};

#[test]
fn objects_libbpf_refuses_as_it_opens_them_get_its_first_warning() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let table = std::fs::read_to_string(format!("{dir}/libbpf_open.tsv")).expect("the table");
    let mut checked = 0;
    for line in table.lines() {
        let (file, want) = line.split_once('\t').expect("file<TAB>message");
        let bytes = std::fs::read(format!("{dir}/libbpf_open/{file}")).expect("the object");
        for libbpf in [Libbpf::V1_1, Libbpf::V1_4] {
            let opts = LoadOptions {
                libbpf,
                ..Default::default()
            };
            let got = load_named_with(&bytes, file, &opts).err().map(|e| e.0);
            assert_eq!(got.as_deref(), Some(want), "{file} with libbpf {libbpf:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, 12, "every object of the table");
}
