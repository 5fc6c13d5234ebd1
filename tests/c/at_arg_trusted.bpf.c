/* A global function's trusted kernel pointer argument (6.12's
 * __arg_trusted decl tag, with __arg_nullable): the caller must pass a
 * kernel pointer of the struct (a tp_btf argument, an acquired task),
 * not NULL unless nullable, not a scalar; the callee may acquire and
 * release it, but not release it as if it held the reference. 6.1 reads
 * no argument tags: its global function sees a pointer to a struct it
 * cannot size as memory. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#ifndef __arg_trusted
#define __arg_trusted __attribute__((btf_decl_tag("arg:trusted")))
#endif
#ifndef __arg_nullable
#define __arg_nullable __attribute__((btf_decl_tag("arg:nullable")))
#endif

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

char _license[] SEC("license") = "GPL";

__noinline int pid_of(struct task_struct *t __arg_trusted)
{
	return t->pid;
}

__noinline int pid_or_zero(struct task_struct *t __arg_trusted __arg_nullable)
{
	return t ? t->pid : 0;
}

__noinline int acq_rel(struct task_struct *t __arg_trusted)
{
	struct task_struct *r = bpf_task_acquire(t);

	if (!r)
		return 0;
	bpf_task_release(r);
	return 1;
}

__noinline int release_it(struct task_struct *t __arg_trusted)
{
	bpf_task_release(t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(at_trusted_ok, struct task_struct *task, u64 clone_flags)
{
	return pid_of(task) + acq_rel(task);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(at_trusted_null, struct task_struct *task, u64 clone_flags)
{
	return pid_of(NULL);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(at_nullable_null, struct task_struct *task, u64 clone_flags)
{
	return pid_or_zero(NULL) + pid_or_zero(task);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(at_trusted_wrong_struct, struct task_struct *task, u64 clone_flags)
{
	return pid_of((struct task_struct *)task->mm);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(at_trusted_release, struct task_struct *task, u64 clone_flags)
{
	return release_it(task);
}
