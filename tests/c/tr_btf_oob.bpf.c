/* Reading past the end of struct hrtimer_sleeper through its BTF
 * pointer: refused (access beyond struct). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

long v;

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_btf_oob, void *t)
{
	v = *(volatile long *)((char *)t + 4096);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
