/* iter/tcp: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/tcp")
int it_tcp(struct bpf_iter__tcp *ctx)
{
	struct sock_common *o = ctx->sk_common; if (!o) return 0; v = o->skc_family + ctx->uid;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
