/* iter/sockmap: the key is a read-only buffer, the socket a BTF pointer; both may be NULL. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
__u64 sum;
SEC("iter/sockmap")
int it_sockmap_ok(struct bpf_iter__sockmap *ctx)
{
	__u32 *key = ctx->key;
	struct sock *sk = ctx->sk;
	if (!key || !sk)
		return 0;
	sum += *key + sk->__sk_common.skc_family;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
