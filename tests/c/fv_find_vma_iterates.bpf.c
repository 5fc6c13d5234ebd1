/* The callback advances a state kept in the caller's stack: 0 -> 1 -> 32.
 * The caller then indexes a 2-byte array with it. Linux 6.1 walks the
 * callback once (state 1, in bounds) and accepts; Linux 6.12 walks it as
 * many times as it may run (state 32) and rejects the out-of-bounds read. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char choice[2];
__u64 sink;

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma, __u64 *state)
{
	switch (*state) {
	case 0:
		*state = 1;
		break;
	case 1:
		*state = 32;
		break;
	}
	return 0;
}

SEC("fentry/do_nanosleep")
int BPF_PROG(fv_find_vma_iterates)
{
	struct task_struct *task = bpf_get_current_task_btf();
	__u64 state = 0;

	bpf_find_vma(task, 0x400000, vma_cb, &state, 0);
	sink = choice[state];
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
