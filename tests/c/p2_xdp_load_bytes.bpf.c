// XDP: bpf_xdp_load_bytes then bpf_xdp_store_bytes from a stack buffer. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp") int x(struct xdp_md *ctx) {
  __u8 b[6];
  if (bpf_xdp_load_bytes(ctx, 0, b, 6)) return XDP_PASS;
  bpf_xdp_store_bytes(ctx, 6, b, 6);
  return XDP_PASS + (bpf_xdp_get_buff_len(ctx) & 0);
}
