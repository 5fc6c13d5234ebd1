/* A weak typed __ksym whose name /proc/kallsyms lists but the kernel's BTF
 * does not (only per-CPU variables are BTF VARs), in an object with an
 * untyped __ksym too: libbpf reads kallsyms for the untyped one, and its
 * kallsyms_cb() marks every VAR extern of a listed name resolved, typed or
 * not; bpf_object__resolve_ksym_var_btf_id() then leaves the weak one so
 * marked, and bpf_object__relocate_data() loads it as BPF_PSEUDO_BTF_ID of
 * id 0: vmlinux's void, which check_pseudo_btf_id() refuses before the
 * walk ("pseudo btf_id 0 in ldimm64 isn't KIND_VAR"). Both kernels. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const int bpf_link_fops __ksym __weak;
extern const void bpf_prog_active __ksym;
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (&bpf_link_fops)
    return 1;
  return (unsigned long)&bpf_prog_active > 1;
}
