/* A per-CPU variable read in place, without bpf_this_cpu_ptr: the kernel refuses percpu memory access. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const struct rq runqueues __ksym;
__u64 out_cpu;
SEC("raw_tp/sys_enter")
int ksym_percpu_direct(const void *ctx)
{
	out_cpu = runqueues.cpu;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
