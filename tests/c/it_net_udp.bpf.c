/* iter/udp: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/udp")
int it_udp(struct bpf_iter__udp *ctx)
{
	struct udp_sock *o = ctx->udp_sk; if (!o) return 0; v = ctx->bucket + ctx->uid;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
