//! The kernels' build configurations travel with their BTF
//! (`static/btf/linux-K.btf.gz`, `cargo xtask kernel-btf`): each must be
//! there, and be the kernel's own (values of Debian's config files).
use veristep_core::relo_core::KernelBtf;

fn config(gz: &[u8]) -> veristep_core::kconfig::KernelConfig {
    KernelBtf::from_gzip(gz)
        .expect("the kernel's BTF")
        .config
        .expect("a configuration after the BTF")
}

#[test]
fn each_kernel_carries_its_own_configuration() {
    let k61 = config(include_bytes!("../../static/btf/linux-6.1.btf.gz"));
    let k612 = config(include_bytes!("../../static/btf/linux-6.12.btf.gz"));
    assert!(k61.len() > 6000 && k612.len() > 6000);
    for k in [&k61, &k612] {
        assert_eq!(k.get("CONFIG_HZ"), Some("250"));
        assert_eq!(k.get("CONFIG_NF_CONNTRACK"), Some("m"));
        assert_eq!(k.get("CONFIG_DEFAULT_HOSTNAME"), Some("\"(none)\""));
    }
    // set in 6.12 only (kc_config_kernel.bpf.c relies on it)
    assert_eq!(k61.get("CONFIG_X86_KERNEL_IBT"), None);
    assert_eq!(k612.get("CONFIG_X86_KERNEL_IBT"), Some("y"));
}

#[test]
fn btf_without_a_configuration_still_loads() {
    use std::io::Read;
    let gz: &[u8] = include_bytes!("../../static/btf/linux-6.1.btf.gz");
    // the first gzip member alone: the BTF as older files had it
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut raw)
        .expect("gunzip");
    let mut again = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut again, &raw).expect("gzip");
    let k = KernelBtf::from_gzip(&again.finish().expect("gzip")).expect("loads");
    assert!(k.config.is_none());
}
