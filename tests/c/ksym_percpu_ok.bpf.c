/* Typed __ksym per-CPU variables (as test_ksyms_btf.c): bpf_per_cpu_ptr may return NULL, bpf_this_cpu_ptr not; a struct is walked by BTF, an int is read-only memory of its size. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const struct rq runqueues __ksym;
extern const int bpf_prog_active __ksym;
__u64 out_cpu;
int out_active;
SEC("raw_tp/sys_enter")
int ksym_percpu(const void *ctx)
{
	struct rq *rq = (struct rq *)bpf_per_cpu_ptr(&runqueues, 0);
	if (rq)
		out_cpu = rq->cpu;
	int *active = (int *)bpf_this_cpu_ptr(&bpf_prog_active);
	out_active = *active;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
