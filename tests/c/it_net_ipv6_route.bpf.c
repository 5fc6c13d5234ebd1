/* iter/ipv6_route: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/ipv6_route")
int it_ipv6_route(struct bpf_iter__ipv6_route *ctx)
{
	struct fib6_info *o = ctx->rt; if (!o) return 0; v = o->fib6_flags;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
