/* iter/ksym: the object may be NULL (ctx_arg_info); 6.12 trusts tcp's and udp's. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
long v;
SEC("iter/ksym")
int it_ksym(struct bpf_iter__ksym *ctx)
{
	struct kallsym_iter *o = ctx->ksym; if (!o) return 0; v = o->value;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
