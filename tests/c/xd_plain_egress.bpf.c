/* A plain xdp program may not read egress_ifindex (xdp_is_valid_access:
 * only BPF_XDP_DEVMAP programs): "invalid bpf_context access off=20 size=4"
 * on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xd_plain_egress(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
