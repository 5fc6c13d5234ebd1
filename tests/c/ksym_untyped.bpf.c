/* Untyped __ksym externs: libbpf writes each symbol's address from
 * /proc/kallsyms into the ld_imm64, a known constant to the verifier. The
 * per-CPU bpf_prog_active's address is its .data..percpu offset (small);
 * the read-only bpf_link_fops is where KASLR put the kernel (the top 2
 * GiB). So the invalid stack reads are dead: accepted on 6.1 and 6.12. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const void bpf_prog_active __ksym;
extern const void bpf_link_fops __ksym;
#define BAD() asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0")
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if ((unsigned long)&bpf_prog_active > 0x100000) BAD();
  if ((unsigned long)&bpf_link_fops < 0xffffffff80000000UL) BAD();
  return 0;
}
