/* Linux 6.12's RCU read-side sections (bpf_rcu_read_lock/unlock, common
 * kfuncs): in a sleepable LSM program a task's parent is an RCU pointer
 * only inside the section; a section left open, closed twice or nested;
 * a sleeping helper inside it; the pointer used after the section. 6.1 has
 * no such kfuncs (libbpf poisons their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

char _license[] SEC("license") = "GPL";

SEC("lsm.s/file_open")
int BPF_PROG(rcu_parent_ok, struct file *file)
{
	struct task_struct *task = bpf_get_current_task_btf(), *p;

	bpf_rcu_read_lock();
	p = bpf_task_acquire(task->real_parent);
	bpf_rcu_read_unlock();
	if (p)
		bpf_task_release(p);
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_parent_no_lock, struct file *file)
{
	struct task_struct *task = bpf_get_current_task_btf(), *p;

	p = bpf_task_acquire(task->real_parent);
	if (p)
		bpf_task_release(p);
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_missing_unlock, struct file *file)
{
	bpf_rcu_read_lock();
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_unmatched_unlock, struct file *file)
{
	bpf_rcu_read_unlock();
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_nested, struct file *file)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	bpf_rcu_read_unlock();
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_sleeping_helper, struct file *file)
{
	char buf[8];

	bpf_rcu_read_lock();
	bpf_copy_from_user(buf, sizeof(buf), (void *)0);
	bpf_rcu_read_unlock();
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(rcu_after_unlock, struct file *file)
{
	struct task_struct *task = bpf_get_current_task_btf(), *p, *t;

	bpf_rcu_read_lock();
	p = task->real_parent;
	bpf_rcu_read_unlock();
	t = bpf_task_acquire(p);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* a program that cannot sleep is always in a section: the lock pair is
 * accepted around anything */
SEC("tp_btf/task_newtask")
int BPF_PROG(rcu_non_sleepable, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *p;

	bpf_rcu_read_lock();
	p = bpf_task_acquire(task->real_parent);
	bpf_rcu_read_unlock();
	if (p)
		bpf_task_release(p);
	return 0;
}
