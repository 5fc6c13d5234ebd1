/* struct_ops bpf_dummy_ops: a task from bpf_task_from_pid (6.12) read and released */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

SEC("struct_ops/test_2")
int BPF_PROG(sd_task_read, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	struct task_struct *t = bpf_task_from_pid(a1);
	int r;

	if (!t)
		return 0;
	r = t->pid;
	state->val = r;
	bpf_task_release(t);
	return r;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_task_read_ops = {
	.test_2 = (void *)sd_task_read,
};
