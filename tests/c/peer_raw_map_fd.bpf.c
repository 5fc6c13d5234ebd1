// A map load written as raw bytes, with no relocation (the selftests'
// BPF_LD_MAP_FD(BPF_REG_1, 0)): libbpf passes it on, so the kernel reads
// fd 0 of the loader, a standard file, not a map: rejected with "fd 0 is
// not pointing to valid bpf_map" (EINVAL) before the walk.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("socket") __attribute__((naked)) int raw_map_fd(void) {
  asm volatile(".8byte 0x1118\n"
               ".8byte 0\n"
               "r0 = 0\n"
               "exit\n" ::: "memory");
}
