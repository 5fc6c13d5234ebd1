/* Linux 6.12's non-preemptible regions (bpf_preempt_disable/enable,
 * common kfuncs): nested and matched; left open ("1 bpf_preempt_enable is
 * missing"); enabled without being disabled; a sleeping helper inside; a
 * global function called inside (static ones may be). 6.1 has neither
 * kfunc (libbpf poisons their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern void bpf_preempt_disable(void) __ksym __weak;
extern void bpf_preempt_enable(void) __ksym __weak;

char _license[] SEC("license") = "GPL";

__noinline int global_work(int x)
{
	return x + 1;
}

static __noinline int static_work(int x)
{
	return x * 2;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(pe_nested, struct task_struct *task, u64 clone_flags)
{
	bpf_preempt_disable();
	bpf_preempt_disable();
	bpf_preempt_enable();
	bpf_preempt_enable();
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(pe_missing, struct task_struct *task, u64 clone_flags)
{
	bpf_preempt_disable();
	bpf_preempt_disable();
	bpf_preempt_enable();
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(pe_unmatched, struct task_struct *task, u64 clone_flags)
{
	bpf_preempt_enable();
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(pe_sleeping_helper, struct file *file)
{
	char buf[8];

	bpf_preempt_disable();
	bpf_copy_from_user(buf, sizeof(buf), (void *)0);
	bpf_preempt_enable();
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(pe_global_call, struct task_struct *task, u64 clone_flags)
{
	int r;

	bpf_preempt_disable();
	r = global_work(task->pid);
	bpf_preempt_enable();
	return r & 1;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(pe_static_call, struct task_struct *task, u64 clone_flags)
{
	int r;

	bpf_preempt_disable();
	r = static_work(task->pid);
	bpf_preempt_enable();
	return r & 1;
}
