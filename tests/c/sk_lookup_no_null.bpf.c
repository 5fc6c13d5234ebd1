/* bpf_sk_lookup_tcp result dereferenced without a NULL check.
 * Rejected: R0 is sock_or_null ("invalid mem access 'sock_or_null'"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int sk_lookup_no_null(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;
	__u32 fam;

	t.ipv4.daddr = skb->mark;
	t.ipv4.dport = 80;
	sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	fam = sk->family;
	if (sk)
		bpf_sk_release(sk);
	return fam == 2;
}

char LICENSE[] SEC("license") = "GPL";
