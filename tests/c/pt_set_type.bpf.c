/* Sections libbpf gives no program type (tc, iproute2 and cilium/ebpf load
 * them by their own rules): a loader sets each program's type and expected
 * attach type (bpf_program__set_type, bpf_program__set_expected_attach_type),
 * here as libbpf would for the section named (veristep verify --prog-type).
 * Each program uses what only its type allows: a write to skb->mark, an
 * XDP context passed to a global function, a connect4 address. The last
 * program's type is not set: libbpf refuses it (missing BPF prog type). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

// kernel-diff: set-type pt_tc tc
// kernel-diff: set-type pt_xdp xdp
// kernel-diff: set-type pt_connect4 cgroup/connect4

SEC("tc_ingress")
int pt_tc(struct __sk_buff *skb)
{
	if (skb->len > 100)
		skb->mark = 7;
	return 0;
}

__noinline int pt_xdp_len(struct xdp_md *ctx)
{
	if (!ctx)
		return 0;
	return (int)(ctx->data_end - ctx->data);
}

SEC("xdp_ratelimit")
int pt_xdp(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return XDP_DROP;
	return pt_xdp_len(ctx) > 1500 ? XDP_DROP : XDP_PASS;
}

SEC("cgroup/connect4/tail")
int pt_connect4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == 0x0100007f && ctx->user_port == 0x5000)
		return 0;
	return 1;
}

SEC("classifier/egress")
int pt_unset(struct __sk_buff *skb)
{
	return skb->len > 0;
}
