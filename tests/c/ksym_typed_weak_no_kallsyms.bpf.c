/* The same weak typed __ksym without an untyped one beside it: libbpf does
 * not read /proc/kallsyms, the extern stays unresolved and its ld_imm64
 * loads 0, so the branch on its address is dead. Accepted by both. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const int bpf_link_fops __ksym __weak;
#define BAD() asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0")
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (&bpf_link_fops)
    BAD();
  return 0;
}
