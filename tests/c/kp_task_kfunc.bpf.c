/* Linux 6.12's task references kept in a map (task_kfunc_common.h's
 * pattern): bpf_task_acquire, bpf_kptr_xchg into a referenced kptr
 * (__kptr), the old reference released; one left in the map, one lost; a
 * global (.bss) kptr; an untrusted load passed to a kfunc. 6.1 reads the
 * "kptr" tag as an unreferenced kptr and has no task kfuncs (libbpf
 * poisons their calls). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define __kptr_tag __attribute__((btf_type_tag("kptr")))

extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;
extern void bpf_rcu_read_lock(void) __ksym __weak;
extern void bpf_rcu_read_unlock(void) __ksym __weak;

struct value {
	struct task_struct __kptr_tag *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, int);
	__type(value, struct value);
	__uint(max_entries, 16);
} tasks SEC(".maps");

struct task_struct __kptr_tag *global_task;

char _license[] SEC("license") = "GPL";

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_stash, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t, *old;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	t = bpf_task_acquire(task);
	if (!t)
		return 0;
	old = bpf_kptr_xchg(&v->task, t);
	if (old)
		bpf_task_release(old);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_stash_lost, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	t = bpf_task_acquire(task);
	if (!t)
		return 0;
	bpf_kptr_xchg(&v->task, t);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_stash_unacquired, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *old;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	old = bpf_kptr_xchg(&v->task, task);
	if (old)
		bpf_task_release(old);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_global, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t, *old;

	t = bpf_task_acquire(task);
	if (!t)
		return 0;
	old = bpf_kptr_xchg(&global_task, t);
	if (old)
		bpf_task_release(old);
	return 0;
}

/* a loaded kptr is an RCU pointer here: KF_RCU takes it, once not NULL */
SEC("tp_btf/task_newtask")
int BPF_PROG(kt_acquire_loaded, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t, *s;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	t = v->task;
	if (!t)
		return 0;
	s = bpf_task_acquire(t);
	if (s)
		bpf_task_release(s);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_acquire_loaded_null, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *s;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	s = bpf_task_acquire(v->task);
	if (s)
		bpf_task_release(s);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kt_release_loaded, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t;
	struct value *v;
	int k = task->pid;

	v = bpf_map_lookup_elem(&tasks, &k);
	if (!v)
		return 0;
	t = v->task;
	if (t)
		bpf_task_release(t);
	return 0;
}
