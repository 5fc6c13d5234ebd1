/* A netfilter program (BPF_PROG_TYPE_NETFILTER, Linux 6.4+): the context
 * struct bpf_nf_ctx holds the hook state and the packet as trusted kernel
 * pointers, read whole; the verdict is NF_DROP (0) or NF_ACCEPT (1).
 * Linux 6.1 does not know the program type: the load fails before the
 * verifier (EINVAL, no log). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* 6.1's vmlinux.h has no netfilter program context */
struct bpf_nf_ctx___local {
	const struct nf_hook_state *state;
	struct sk_buff *skb;
};

char _license[] SEC("license") = "GPL";

SEC("netfilter")
int nf_accept_ipv4(struct bpf_nf_ctx___local *ctx)
{
	const struct nf_hook_state *state = ctx->state;
	struct sk_buff *skb = ctx->skb;

	if (state->pf != 2)
		return 1;
	return skb->len < 20 ? 0 : 1;
}

SEC("netfilter")
int nf_ret_two(struct bpf_nf_ctx___local *ctx)
{
	return 2;
}

SEC("netfilter")
int nf_write_ctx(struct bpf_nf_ctx___local *ctx)
{
	ctx->skb = 0;
	return 1;
}

SEC("netfilter")
int nf_narrow_read(struct bpf_nf_ctx___local *ctx)
{
	return *(volatile __u32 *)&ctx->skb != 0;
}

SEC("netfilter")
int nf_past_ctx(struct bpf_nf_ctx___local *ctx)
{
	return *(volatile __u64 *)((char *)ctx + 16) != 0;
}

SEC("netfilter")
int nf_write_skb(struct bpf_nf_ctx___local *ctx)
{
	ctx->skb->mark = 1;
	return 1;
}
