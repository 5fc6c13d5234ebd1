// A kernel function called only from inline assembly: clang gives the extern no BTF, and
// libbpf refuses the whole object when it opens it (bpf_object__collect_externs():
// "failed to find BTF for extern 'bpf_cast_to_kern_ctx': -2"), on every kernel.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern void *bpf_cast_to_kern_ctx(void *obj) __ksym;
SEC("xdp") __attribute__((naked)) int asm_only_kfunc(void) {
  asm volatile("call %[bpf_cast_to_kern_ctx]; r0 = 2; exit;"
    :: [bpf_cast_to_kern_ctx] "i"(bpf_cast_to_kern_ctx) : "memory");
}
