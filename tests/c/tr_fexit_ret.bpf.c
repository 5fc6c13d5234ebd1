/* fexit on do_nanosleep: the return value is the argument after the last
 * parameter (ctx[2]), a scalar. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

long last_ret;

SEC("fexit/do_nanosleep")
int BPF_PROG(tr_fexit_ret, void *t, int mode, int ret)
{
	last_ret = ret;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
