/* Linux 6.12's task references (kernel/bpf/helpers.c's generic kfuncs,
 * KF_ACQUIRE | KF_RCU | KF_RET_NULL for bpf_task_acquire, KF_RELEASE for
 * bpf_task_release): a trusted task (a tp_btf argument, the current task)
 * acquired and released; a reference left behind; a NULL-able pointer
 * passed where the kfunc wants a trusted one; raw_tp, whose hook the set
 * is not registered for. 6.1 has none of these kfuncs: libbpf poisons the
 * weak externs' calls, and the walk refuses the first it reaches. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;

char _license[] SEC("license") = "GPL";

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_acquire_release, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (!t)
		return 0;
	bpf_task_release(t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_leak, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	return t ? 1 : 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_release_maybe_null, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	bpf_task_release(t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_release_unacquired, struct task_struct *task, u64 clone_flags)
{
	bpf_task_release(task);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_from_pid, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_from_pid(task->pid);

	if (t)
		bpf_task_release(t);
	return 0;
}

SEC("raw_tp/sys_enter")
int tk_from_pid_raw_tp(void *ctx)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		bpf_task_release(t);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_getpid")
int tk_current_tracepoint(void *ctx)
{
	struct task_struct *t = bpf_task_acquire(bpf_get_current_task_btf());

	if (t)
		bpf_task_release(t);
	return 0;
}

/* the parent is an RCU pointer in a program that cannot sleep: KF_RCU
 * takes it, but the release wants the reference itself */
SEC("tp_btf/task_newtask")
int BPF_PROG(tk_parent_rcu, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task->real_parent);

	if (t)
		bpf_task_release(t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_release_parent, struct task_struct *task, u64 clone_flags)
{
	bpf_task_release(task->real_parent);
	return 0;
}

/* a task about to be freed is no trusted pointer (untrusted_lsm_hooks) */
SEC("lsm/task_free")
int BPF_PROG(tk_lsm_task_free, struct task_struct *task)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* a helper may read a trusted kernel object as memory, not write it */
SEC("tp_btf/task_newtask")
int BPF_PROG(tk_probe_read_into_task, struct task_struct *task, u64 clone_flags)
{
	int pid = 0;

	bpf_probe_read_kernel(task, sizeof(pid), &pid);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_strncmp_comm, struct task_struct *task, u64 clone_flags)
{
	return bpf_strncmp(task->comm, 16, "systemd");
}

SEC("tp_btf/task_newtask")
int BPF_PROG(tk_strncmp_comm_past, struct task_struct *task, u64 clone_flags)
{
	return bpf_strncmp(task->comm + 1, 16, "systemd");
}
