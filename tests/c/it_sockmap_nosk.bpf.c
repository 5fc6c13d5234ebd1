/* iter/sockmap: the socket read without its NULL check. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/sockmap")
int it_sockmap_nosk(struct bpf_iter__sockmap *ctx)
{
	struct sock *sk = ctx->sk;
	sum += sk->__sk_common.skc_family;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
