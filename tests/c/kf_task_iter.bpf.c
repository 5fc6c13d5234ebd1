/* Linux 6.12's task and VMA iterators (open-coded, common kfuncs):
 * bpf_iter_task is KF_RCU_PROTECTED, so a sleepable program must open an
 * RCU read-side section before making it and keep it open while it is
 * used ("expected an RCU CS when using bpf_iter_task_next"); its tasks
 * are RCU pointers. bpf_iter_task_vma takes a trusted or RCU task and
 * yields trusted VMAs. 6.1 has none of these kfuncs (libbpf poisons
 * their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct bpf_iter_task {
	__u64 __opaque[3];
} __attribute__((aligned(8)));

struct bpf_iter_task_vma {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_task_new(struct bpf_iter_task *it, struct task_struct *task__nullable,
			     unsigned int flags) __ksym __weak;
extern struct task_struct *bpf_iter_task_next(struct bpf_iter_task *it) __ksym __weak;
extern void bpf_iter_task_destroy(struct bpf_iter_task *it) __ksym __weak;
extern int bpf_iter_task_vma_new(struct bpf_iter_task_vma *it, struct task_struct *task,
				 __u64 addr) __ksym __weak;
extern struct vm_area_struct *bpf_iter_task_vma_next(struct bpf_iter_task_vma *it) __ksym __weak;
extern void bpf_iter_task_vma_destroy(struct bpf_iter_task_vma *it) __ksym __weak;
extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

char _license[] SEC("license") = "GPL";

int procs;

SEC("lsm.s/file_open")
int BPF_PROG(ti_count_locked, struct file *file)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, 0);
	while ((t = bpf_iter_task_next(&it)) && n < 50)
		n += t->pid > 0;
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	procs = n;
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(ti_count_unlocked, struct file *file)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, NULL, 0);
	while ((t = bpf_iter_task_next(&it)) && n < 50)
		n++;
	bpf_iter_task_destroy(&it);
	procs = n;
	return 0;
}

SEC("lsm.s/file_open")
int BPF_PROG(ti_unlock_inside, struct file *file)
{
	struct bpf_iter_task it;
	struct task_struct *t;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, 0);
	bpf_rcu_read_unlock();
	t = bpf_iter_task_next(&it);
	bpf_iter_task_destroy(&it);
	return t != 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(ti_non_sleepable, struct task_struct *task, u64 clone_flags)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, task, 1);
	while ((t = bpf_iter_task_next(&it)) && n < 100)
		n++;
	bpf_iter_task_destroy(&it);
	procs = n;
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(ti_vmas, struct task_struct *task, u64 clone_flags)
{
	struct bpf_iter_task_vma it;
	struct vm_area_struct *v;
	__u64 pages = 0;
	int n = 0;

	bpf_iter_task_vma_new(&it, task, 0);
	while ((v = bpf_iter_task_vma_next(&it)) && n++ < 64)
		pages += (v->vm_end - v->vm_start) >> 12;
	bpf_iter_task_vma_destroy(&it);
	return pages > 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(ti_vmas_leak, struct task_struct *task, u64 clone_flags)
{
	struct bpf_iter_task_vma it;

	bpf_iter_task_vma_new(&it, task, 0);
	return bpf_iter_task_vma_next(&it) != 0;
}
