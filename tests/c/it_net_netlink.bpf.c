/* iter/netlink: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/netlink")
int it_netlink(struct bpf_iter__netlink *ctx)
{
	struct netlink_sock *o = ctx->sk; if (!o) return 0; v = o->portid;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
