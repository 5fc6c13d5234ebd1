/* A task kptr loaded from a map value and given to helpers that take a
 * task (ARG_PTR_TO_BTF_ID): Linux 6.1 loads an unreferenced "kptr" as an
 * untrusted pointer, which the helper refuses (R2 type=untrusted_ptr_
 * expected=ptr_); Linux 6.12 reads the tag as a referenced kptr and the
 * load, inside a non-sleepable program's RCU section, as an RCU pointer,
 * which it takes. (kp_kptr_fwd.bpf.c: the same field when task_struct is
 * only declared.) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#define __kptr_tag __attribute__((btf_type_tag("kptr")))
char _license[] SEC("license") = "GPL";
struct t_value {
	struct task_struct __kptr_tag *t;
};
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__type(key, int);
	__type(value, struct t_value);
	__uint(max_entries, 1);
} tks SEC(".maps");
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} ts SEC(".maps");

SEC("tp_btf/sched_switch")
int kt_task_kptr_to_storage(void *ctx)
{
	int k = 0;
	struct t_value *v = bpf_map_lookup_elem(&tks, &k);
	struct task_struct *t;

	if (!v)
		return 0;
	t = v->t;
	if (!t)
		return 0;
	bpf_task_storage_get(&ts, t, 0, 0);
	return 0;
}
SEC("tp_btf/sched_switch")
int kt_task_kptr_to_stack(void *ctx)
{
	int k = 0;
	char buf[64];
	struct t_value *v = bpf_map_lookup_elem(&tks, &k);
	struct task_struct *t;

	if (!v)
		return 0;
	t = v->t;
	if (!t)
		return 0;
	bpf_get_task_stack(t, buf, sizeof(buf), 0);
	return buf[0] + t->pid;
}
