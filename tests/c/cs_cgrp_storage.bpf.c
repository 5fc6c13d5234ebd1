/* Cgroup local storage by cgroup (BPF_MAP_TYPE_CGRP_STORAGE, Linux 6.2+):
 * bpf_cgrp_storage_get(map, cgroup, value, flags) gives the cgroup's value
 * or NULL; the cgroup is a trusted pointer or NULL. 6.1 has no such map
 * type: creating the map fails, and with it every program of the object.
 * On 6.12: the value is bounded by the map's value size, must be checked
 * for NULL, and only the cgrp_storage helpers take the map. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, 32 /* BPF_MAP_TYPE_CGRP_STORAGE */);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} cgs SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_ok, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	long *v;

	v = bpf_cgrp_storage_get(&cgs, task->cgroups->dfl_cgrp, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!v)
		return 0;
	__sync_fetch_and_add(v, 1);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_no_null_check, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	long *v;

	v = bpf_cgrp_storage_get(&cgs, task->cgroups->dfl_cgrp, 0, 0);
	return *v;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_past_value, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();
	long *v;

	v = bpf_cgrp_storage_get(&cgs, task->cgroups->dfl_cgrp, 0, 0);
	if (!v)
		return 0;
	return *(v + 1);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_null_cgroup, struct pt_regs *regs, long id)
{
	long *v = bpf_cgrp_storage_get(&cgs, 0, 0, 0);

	return v ? *v : 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_delete, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return bpf_cgrp_storage_delete(&cgs, task->cgroups->dfl_cgrp);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_lookup_refused, struct pt_regs *regs, long id)
{
	int k = 0;

	return bpf_map_lookup_elem(&cgs, &k) != 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(cgs_task_as_cgroup, struct pt_regs *regs, long id)
{
	struct task_struct *task = bpf_get_current_task_btf();

	return bpf_cgrp_storage_delete(&cgs, (struct cgroup *)task);
}
