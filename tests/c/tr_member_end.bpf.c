/* Reading 8 bytes at task->comm[12]: past the end of the comm member
 * (16 bytes). Refused: access beyond the end of member comm. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_struct { char comm[16]; } __attribute__((preserve_access_index));

long v;

SEC("tp_btf/sched_switch")
int BPF_PROG(tr_member_end, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	v = *(volatile long *)&next->comm[12];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
