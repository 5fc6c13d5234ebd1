/* tp_btf/sched_switch walking kernel pointers: next->real_parent (an RCU
 * pointer in 6.12: __safe_rcu), next->mm (a plain pointer: the walk from
 * a trusted task is no longer trusted), mm->exe_file. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct file { unsigned int f_flags; } __attribute__((preserve_access_index));
struct mm_struct { struct file *exe_file; } __attribute__((preserve_access_index));
struct task_struct {
	int pid;
	struct task_struct *real_parent;
	struct mm_struct *mm;
} __attribute__((preserve_access_index));

int v;

SEC("tp_btf/sched_switch")
int BPF_PROG(tr_rcu_walk, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *p = next->real_parent;
	struct mm_struct *mm = next->mm;

	v = p->pid;
	if (mm)
		v += mm->exe_file->f_flags;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
