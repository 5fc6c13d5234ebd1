/* An xdp program a devmap runs (SEC("xdp/devmap"): BPF_XDP_DEVMAP) may
 * read egress_ifindex. Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp/devmap")
int xd_devmap_egress(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
