/* The VMA given to a bpf_find_vma callback is the kernel's: a program may
 * read it, not write it. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma, void *c)
{
	vma->vm_start = 0;
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(fv_find_vma_write_vma)
{
	struct task_struct *task = bpf_get_current_task_btf();

	bpf_find_vma(task, 0x400000, vma_cb, 0, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
