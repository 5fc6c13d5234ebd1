/* XDP: bpf_xdp_adjust_head to strip 4 bytes, then reload data/data_end and check
 * again before reading.  Accepted: the fresh pointers are bounds-checked. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_adjust_head(struct xdp_md *ctx)
{
	__u8 *data, *data_end;

	if (bpf_xdp_adjust_head(ctx, 4))
		return XDP_ABORTED;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	if (data + 1 > data_end)
		return XDP_DROP;
	return data[0] == 0x45 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
