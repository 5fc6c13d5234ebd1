/* A trusted kernel pointer is never NULL to 6.12 (reg_not_null() with
 * is_trusted_reg()): the test against 0 is decided and its other side is
 * never walked, so 6.12 processes fewer instructions; 6.1 walks both. The
 * write behind the test makes the two paths differ in what they check. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 pids[4];

SEC("tp_btf/sched_switch")
int BPF_PROG(tn_trusted_not_null, bool preempt, struct task_struct *prev,
	     struct task_struct *next)
{
	if (!next) {
		pids[0] = 1;
		pids[1] = 2;
		return 0;
	}
	pids[2] = next->pid;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
