/* iter/bpf_sk_storage_map: the socket may be NULL, the value is a writable buffer. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
SEC("iter/bpf_sk_storage_map")
int it_sk_storage_ok(struct bpf_iter__bpf_sk_storage_map *ctx)
{
	struct sock *sk = ctx->sk;
	__u32 *val = ctx->value;
	if (!sk || !val)
		return 0;
	*val += sk->__sk_common.skc_family;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
