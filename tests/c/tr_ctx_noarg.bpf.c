/* fentry reading ctx[5]: do_nanosleep has two arguments, so the 6th
 * u64 of the context is refused. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

long v;

SEC("fentry/do_nanosleep")
int tr_ctx_noarg(unsigned long long *ctx)
{
	v = ctx[5];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
