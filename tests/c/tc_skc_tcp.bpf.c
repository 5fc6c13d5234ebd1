/* tc: the packet's socket cast to the kernel's struct tcp_sock with
 * bpf_skc_to_tcp_sock, a field read directly; unchecked, it is refused. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int tc_skc_tcp(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct tcp_sock *ts;

	if (!sk)
		return 0;
	ts = bpf_skc_to_tcp_sock(sk);
	return ts->snd_cwnd;
}

char LICENSE[] SEC("license") = "GPL";
