/* A "kptr" tag on a pointer to a struct the object only declares (clang
 * emits a FWD for task_struct when no member of it is used): both kernels'
 * btf_find_kptr() want a struct and fail, and map_check_btf() takes the
 * failed record as no special field at all, so the map is created and the
 * field is plain memory; a load from it is a scalar, refused as a helper's
 * task. (With the struct defined, 6.1 loads an untrusted pointer, which
 * ARG_PTR_TO_BTF_ID refuses; 6.12 an RCU pointer, which it takes.) */
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
int kf_fwd_kptr_to_storage(void *ctx)
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
int kf_fwd_kptr_to_stack(void *ctx)
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
	return buf[0];
}
