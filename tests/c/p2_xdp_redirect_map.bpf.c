// XDP: bpf_redirect_map through a devmap with XDP_PASS as the fallback action. Accepted.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
struct { __uint(type, BPF_MAP_TYPE_DEVMAP); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); } dm SEC(".maps");
SEC("xdp") int x(struct xdp_md *ctx) { return bpf_redirect_map(&dm, ctx->rx_queue_index & 3, XDP_PASS); }
