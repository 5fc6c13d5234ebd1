/* Writing through a BTF pointer (t->task = 0) is refused: tracing
 * programs may only read kernel memory this way. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct hrtimer_sleeper {
	void *task;
} __attribute__((preserve_access_index));

SEC("fentry/do_nanosleep")
int BPF_PROG(tr_btf_write, struct hrtimer_sleeper *t)
{
	t->task = 0;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
