/* cgroup_rstat_updated, a kfunc of kernel/cgroup/rstat.c registered for
 * tracing programs, called on the cgroup a BTF tracepoint is given.
 * Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern void cgroup_rstat_updated(struct cgroup *cgrp, int cpu) __ksym;

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(rs_rstat_updated, struct cgroup *cgrp, const char *path)
{
	cgroup_rstat_updated(cgrp, bpf_get_smp_processor_id());
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
