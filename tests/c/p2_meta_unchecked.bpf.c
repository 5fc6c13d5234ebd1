// XDP: reads data_meta without checking it against data.
// Rejected: R1 offset is outside of the packet.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";
SEC("xdp") int x(struct xdp_md *ctx) { return *(volatile __u8 *)(long)ctx->data_meta; }
