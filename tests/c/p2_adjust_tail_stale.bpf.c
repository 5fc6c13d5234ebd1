// XDP: a packet pointer checked before bpf_xdp_adjust_tail is read after it.
// Rejected: adjust_tail invalidates packet pointers (invalid mem access 'scalar').
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp") int x(struct xdp_md *ctx) {
  void *d = (void *)(long)ctx->data, *e = (void *)(long)ctx->data_end;
  if (d + 14 > e) return XDP_PASS;
  if (bpf_xdp_adjust_tail(ctx, -4)) return XDP_PASS;
  return *(volatile __u8 *)(d + 13) ? XDP_DROP : XDP_PASS;
}
