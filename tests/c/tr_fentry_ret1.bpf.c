/* fentry must return 0: returning 1 is rejected at the exit. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_fentry_ret1, void *t, int mode)
{
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
