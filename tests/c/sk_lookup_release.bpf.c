/* tc program: build an IPv4 bpf_sock_tuple on the stack, bpf_sk_lookup_tcp, release.
 * Accepted: the result is NULL-checked and released with bpf_sk_release. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int sk_lookup_release(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;
	int ret = 0;

	t.ipv4.saddr = skb->mark;
	t.ipv4.daddr = skb->hash;
	t.ipv4.sport = (__u16)skb->len;
	t.ipv4.dport = __builtin_bswap16(22);
	sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	if (sk->state == 10)
		ret = 1;
	bpf_sk_release(sk);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
