/* A cpumap's xdp program (BPF_XDP_CPUMAP) may not read egress_ifindex
 * either: rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp/cpumap")
int xd_cpumap_egress(struct xdp_md *ctx)
{
	return ctx->egress_ifindex == 3 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
