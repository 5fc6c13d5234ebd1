/* bpf_per_cpu_ptr's result read without a NULL check. Rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const struct rq runqueues __ksym;
__u64 out_cpu;
SEC("raw_tp/sys_enter")
int ksym_percpu_null(const void *ctx)
{
	struct rq *rq = (struct rq *)bpf_per_cpu_ptr(&runqueues, 0);
	out_cpu = rq->cpu;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
