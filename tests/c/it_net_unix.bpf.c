/* iter/unix: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/unix")
int it_unix(struct bpf_iter__unix *ctx)
{
	struct unix_sock *o = ctx->unix_sk; if (!o) return 0; v = ctx->uid;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
