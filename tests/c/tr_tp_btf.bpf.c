/* tp_btf/sched_switch: the tracepoint's arguments typed by BTF
 * (btf_trace_sched_switch without its first void *): preempt, prev,
 * next; next->pid read directly. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct task_struct {
	int pid;
} __attribute__((preserve_access_index));

int last;

SEC("tp_btf/sched_switch")
int BPF_PROG(tr_tp_btf, _Bool preempt, struct task_struct *prev, struct task_struct *next)
{
	last = next->pid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
