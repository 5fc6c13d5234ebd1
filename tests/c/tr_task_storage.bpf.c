/* tp_btf/sched_switch: bpf_task_storage_get(map, next, ...) with the
 * tracepoint's task_struct argument, then a counter in the value.
 * Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} counts SEC(".maps");

struct task_struct;

SEC("tp_btf/sched_switch")
int BPF_PROG(tr_task_storage, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	long *c = bpf_task_storage_get(&counts, next, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);

	if (c)
		*c += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
