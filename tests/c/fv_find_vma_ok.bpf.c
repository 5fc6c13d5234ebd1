/* bpf_find_vma with a callback that reads the VMA it is given (a kernel
 * struct pointer, walked by BTF) and counts in the caller's context.
 * Accepted by both kernels: the callback is walked with R1 the task, R2 the
 * vm_area_struct and R3 the context (set_find_vma_callback_state). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct ctx_t {
	__u64 start;
	__u64 calls;
};

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma, struct ctx_t *c)
{
	c->start = vma->vm_start;
	c->calls++;
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(fv_find_vma_ok)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct ctx_t c = {};

	bpf_find_vma(task, 0x400000, vma_cb, &c, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
