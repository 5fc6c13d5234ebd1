/* XDP program calling bpf_get_current_pid_tgid, which XDP does not offer.
 * Rejected: "unknown func bpf_get_current_pid_tgid#14". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_wrong_helper(struct xdp_md *ctx)
{
	return (bpf_get_current_pid_tgid() & 1) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
