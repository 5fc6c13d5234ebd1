// bpf_fastcall (6.11+): bpf_cast_to_kern_ctx takes R1 and returns R0, so the kernel inlines it
// and removes the pairs spilling R2 and R3 around it with their 16 bytes of stack. The combined
// stack of main (512) and its subprogram (16) then fits on 6.12; 6.1 has no such kfunc. The
// first program calls it from C, which gives the extern the BTF libbpf needs.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
extern void *bpf_cast_to_kern_ctx(void *obj) __ksym;
SEC("xdp") int fastcall_c_user(struct xdp_md *ctx) {
  return bpf_cast_to_kern_ctx(ctx) ? XDP_PASS : XDP_DROP;
}
static __attribute__((noinline)) int sub(void) {
  volatile __u64 x[2] = {};
  return x[0];
}
SEC("xdp") __attribute__((naked)) int fastcall_kern_ctx(void) {
  asm volatile("r2 = 2; r3 = 3;"
    "*(u64 *)(r10 - 488) = r2; *(u64 *)(r10 - 504) = r3; *(u64 *)(r10 - 512) = r2;"
    "call %[bpf_cast_to_kern_ctx];"
    "r2 = *(u64 *)(r10 - 512); r3 = *(u64 *)(r10 - 504);"
    "call %[sub]; r0 = 2; exit;"
    :: [bpf_cast_to_kern_ctx] "i"(bpf_cast_to_kern_ctx), [sub] "i"(sub) : "memory");
}
SEC("xdp") __attribute__((naked)) int fastcall_kern_ctx_broken(void) {
  asm volatile("r2 = 2; r3 = 3;"
    "*(u64 *)(r10 - 488) = r2; *(u64 *)(r10 - 504) = r3; *(u64 *)(r10 - 512) = r2;"
    "call %[bpf_cast_to_kern_ctx];"
    "r2 = *(u64 *)(r10 - 512); r3 = *(u64 *)(r10 - 504); r4 = *(u64 *)(r10 - 504);"
    "call %[sub]; r0 = 2; exit;"
    :: [bpf_cast_to_kern_ctx] "i"(bpf_cast_to_kern_ctx), [sub] "i"(sub) : "memory");
}
