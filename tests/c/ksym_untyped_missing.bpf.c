/* Untyped __ksym externs the kernel may lack: libbpf looks each name up
 * in /proc/kallsyms, and a weak one that is not there loads as address 0
 * (bpf_object__relocate_data()), a constant the verifier prunes on. The
 * first name is in no kernel: its branch is dead on both. The second is a
 * 6.12 function (the arena's): present there, so the check below is dead
 * and 6.12 accepts; 6.1 has no such symbol, walks into the invalid stack
 * read and rejects. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern const void veristep_no_such_symbol __ksym __weak;
extern const void bpf_arena_get_kern_vm_start __ksym __weak;
#define BAD() asm volatile("r0 = *(u64 *)(r10 + 8)" ::: "r0")
SEC("kprobe/do_nanosleep") int k(void *ctx) {
  if (&veristep_no_such_symbol) BAD();
  if (!&bpf_arena_get_kern_vm_start) BAD();
  return 0;
}
