/* A sleepable fentry program on bpf_fentry_test1: 6.12's fmod_ret set
 * flags it KF_SLEEPABLE; 6.1 knows no such set ("bpf_fentry_test1 is not
 * sleepable"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 seen;

SEC("fentry.s/bpf_fentry_test1")
int BPF_PROG(fr_sleepable_fentry, int a)
{
	seen = a;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
