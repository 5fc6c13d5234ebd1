// XDP: the packet length computed as data_end - data (pointer minus pointer), then masked.
// Accepted for a privileged loader: subtracting two pointers gives an unknown scalar.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp") int x(struct xdp_md *ctx) {
  void *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end;
  long n = e - d;
  if (n < 14) return XDP_DROP;
  return XDP_PASS + ((n & 1) << 1);
}
