// Writes the frame pointer r10. Rejected: frame pointer is read only.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("tc") __attribute__((naked)) int t(void) {
  asm volatile("r10 = 0; r0 = 0; exit;" ::: "memory");
}
