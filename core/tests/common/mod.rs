//! What several integration tests share.

use std::sync::Arc;
use veristep_core::relo_core::KernelBtf;
use veristep_core::KernelVersion;

/// The mode and the kernel's BTF (`static/btf`) of a record's kernel
/// (`"6.1"` or `"6.12"`), as the oracles were.
pub fn kernel(k: &str) -> (KernelVersion, Arc<KernelBtf>) {
    let gz: &[u8] = match k {
        "6.1" => include_bytes!("../../../static/btf/linux-6.1.btf.gz"),
        _ => include_bytes!("../../../static/btf/linux-6.12.btf.gz"),
    };
    let mode = if k == "6.1" {
        KernelVersion::V6_1
    } else {
        KernelVersion::V6_7
    };
    (
        mode,
        Arc::new(KernelBtf::from_gzip(gz).expect("the kernel's BTF")),
    )
}
