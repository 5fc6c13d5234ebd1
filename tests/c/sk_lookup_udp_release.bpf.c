/* XDP: bpf_sk_lookup_udp with a tuple on the stack, read the socket's port, release.
 * Accepted: NULL check before use and release on the non-NULL path. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int sk_lookup_udp_release(struct xdp_md *ctx)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;
	__u32 port;

	t.ipv4.daddr = ctx->rx_queue_index;
	t.ipv4.dport = __builtin_bswap16(53);
	sk = bpf_sk_lookup_udp(ctx, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return XDP_PASS;
	port = sk->src_port;
	bpf_sk_release(sk);
	return port == 53 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
