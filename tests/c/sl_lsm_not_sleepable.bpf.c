/* lsm.s/task_free: the hook cannot sleep, so a sleepable program may not
 * attach to it. Refused at load. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm.s/task_free")
int BPF_PROG(sl_lsm_not_sleepable, struct task_struct *task)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
