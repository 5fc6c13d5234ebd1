/* bpf_d_path in fentry/do_nanosleep: not on the allowlist. Refused. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_d_path_denied, struct hrtimer_sleeper *t)
{
	char buf[64];

	bpf_d_path((struct path *)t, buf, sizeof(buf));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
