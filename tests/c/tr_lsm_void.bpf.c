/* lsm/task_free is a void hook: any return value. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm/task_free")
int BPF_PROG(tr_lsm_void, void *task)
{
	return 7;
}

char LICENSE[] SEC("license") = "GPL";
