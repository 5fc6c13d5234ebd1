/* A map value's kptr field tagged "kptr" (libbpf 1.1's __kptr): to Linux
 * 6.1 an unreferenced kptr (any task pointer may be stored, loads are
 * untrusted), to Linux 6.12 a referenced one (only bpf_kptr_xchg moves a
 * reference in or out; loads in a non-sleepable program are RCU pointers).
 * The accesses the field allows: an aligned 8-byte load or store, no
 * helper reading it, no other size or offset. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define __kptr_tag __attribute__((btf_type_tag("kptr")))

extern void bpf_task_release(struct task_struct *p) __ksym __weak;

struct value {
	struct task_struct __kptr_tag *task;
	__u64 n;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, struct value);
	__uint(max_entries, 1);
} tasks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, __u64);
	__uint(max_entries, 1);
} plain SEC(".maps");

char _license[] SEC("license") = "GPL";

static struct value *lookup(void)
{
	int k = 0;

	return bpf_map_lookup_elem(&tasks, &k);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_load_read, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();
	struct task_struct *t;

	if (!v)
		return 0;
	t = v->task;
	if (!t)
		return 0;
	return t->pid;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_store_task, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (v)
		v->task = task;
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_store_null, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (v)
		*(volatile __u64 *)&v->task = 0;
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_store_other_struct, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (v)
		v->task = (struct task_struct *)task->mm;
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_read_half, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (!v)
		return 0;
	return *(volatile __u32 *)&v->task;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_read_misaligned, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (!v)
		return 0;
	return *(volatile __u32 *)((char *)&v->task + 4);
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_helper_reads, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();
	__u64 x = 0;

	if (v)
		bpf_probe_read_kernel(&x, sizeof(x), v);
	return x;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_next_field, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (!v)
		return 0;
	v->n++;
	return v->n;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_xchg_null, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();
	struct task_struct *old;

	if (!v)
		return 0;
	old = bpf_kptr_xchg(&v->task, NULL);
	if (old)
		bpf_task_release(old);
	return 0;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_xchg_leak, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (!v)
		return 0;
	return bpf_kptr_xchg(&v->task, NULL) != NULL;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_xchg_no_kptr, struct task_struct *task, u64 clone_flags)
{
	int k = 0;
	__u64 *v = bpf_map_lookup_elem(&plain, &k);

	if (!v)
		return 0;
	return bpf_kptr_xchg(v, NULL) != NULL;
}

SEC("tp_btf/task_newtask")
int BPF_PROG(kp_xchg_wrong_off, struct task_struct *task, u64 clone_flags)
{
	struct value *v = lookup();

	if (!v)
		return 0;
	return bpf_kptr_xchg(&v->n, NULL) != NULL;
}
