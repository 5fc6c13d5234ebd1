// XDP: bpf_xdp_store_bytes from an uninitialised 8-byte stack buffer. Accepted by 6.1.192 for a
// privileged loader (the buffer is never checked as initialised here).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp") int x(struct xdp_md *ctx) {
  __u8 b[8];
  asm volatile("" : : "r"(b) : "memory");
  bpf_xdp_store_bytes(ctx, 0, b, 8);
  return XDP_PASS;
}
