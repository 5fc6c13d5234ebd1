/* Reading 4 bytes of a pointer member (task->mm): refused, a pointer
 * member is read whole or not at all. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_struct { void *mm; } __attribute__((preserve_access_index));

int v;

SEC("tp_btf/sched_switch")
int BPF_PROG(tr_ptr_partial, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	v = *(volatile int *)&next->mm;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
