/* XDP metadata kfuncs from a tc program: the device-bound check comes first (add_kfunc_call), before the program type is asked. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

extern int bpf_xdp_metadata_rx_timestamp(const struct xdp_md *ctx, __u64 *timestamp) __ksym;

SEC("tc")
int xm_from_tc(struct __sk_buff *skb)
{
	__u64 ts = 0;

	bpf_xdp_metadata_rx_timestamp((void *)skb, &ts);
	return 0;
}
