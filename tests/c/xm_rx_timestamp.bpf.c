/* XDP metadata kfuncs (6.3+): a program loaded without a device may not call them ("metadata kfuncs require device-bound program", before the walk); 6.1 has none (libbpf: extern not found). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

extern int bpf_xdp_metadata_rx_timestamp(const struct xdp_md *ctx, __u64 *timestamp) __ksym;

SEC("xdp")
int xm_rx_timestamp(struct xdp_md *ctx)
{
	__u64 ts = 0;

	if (bpf_xdp_metadata_rx_timestamp(ctx, &ts))
		return XDP_PASS;
	return ts ? XDP_DROP : XDP_PASS;
}
