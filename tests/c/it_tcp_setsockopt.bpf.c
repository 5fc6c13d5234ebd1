/* A TCP socket iterator setting an option on each socket it walks: the tcp
 * iterator offers bpf_setsockopt and bpf_getsockopt. Accepted by both. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("iter/tcp")
int it_tcp_setsockopt(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;
	struct tcp_sock *tp;
	int one = 1;

	if (!skc)
		return 0;
	tp = bpf_skc_to_tcp_sock(skc);
	if (!tp)
		return 0;
	bpf_setsockopt(tp, 6 /* SOL_TCP */, 1 /* TCP_NODELAY */, &one, sizeof(one));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
