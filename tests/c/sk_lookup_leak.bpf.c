/* bpf_sk_lookup_tcp whose socket is released only when it is in LISTEN state.
 * Rejected: the other path exits holding the socket ("Unreleased reference"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int sk_lookup_leak(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;

	t.ipv4.saddr = skb->mark;
	t.ipv4.daddr = skb->hash;
	t.ipv4.dport = 443;
	sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	if (sk->state != 10)
		return 1;
	bpf_sk_release(sk);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
