/* A bpf_find_vma callback must return 0 or 1, as a bpf_loop callback.
 * Rejected by both kernels at the callback's exit. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma, void *c)
{
	return 2;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(fv_find_vma_bad_ret)
{
	struct task_struct *task = bpf_get_current_task_btf();

	bpf_find_vma(task, 0x400000, vma_cb, 0, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
