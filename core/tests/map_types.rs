//! Which map types each kernel knows is read from its own BTF (`enum
//! bpf_map_type`): a map of a type the kernel lacks fails the object's load
//! in libbpf, as the real `map_create()` refuses it.
use veristep_core::program::{kernel_knows_map_type, MapType};
use veristep_core::relo_core::KernelBtf;

#[test]
fn each_kernel_knows_its_map_types() {
    let k61 = KernelBtf::from_gzip(include_bytes!("../../static/btf/linux-6.1.btf.gz"))
        .expect("6.1's BTF");
    let k612 = KernelBtf::from_gzip(include_bytes!("../../static/btf/linux-6.12.btf.gz"))
        .expect("6.12's BTF");
    for t in MapType::ALL {
        assert!(kernel_knows_map_type(&k612.btf, t), "6.12 lacks {t:?}");
        // cgroup storage by cgroup (bpf_cgrp_storage_get) came in 6.2,
        // the arena in 6.9
        assert_eq!(
            kernel_knows_map_type(&k61.btf, t),
            !matches!(t, MapType::CgrpStorage | MapType::Arena),
            "6.1 and {t:?}"
        );
    }
}
