/* cgroup_rstat_flush is KF_SLEEPABLE: a BTF tracepoint (never sleepable)
 * calling it is refused, by 6.1 after its arguments ("is sleepable but
 * the program is not"), by 6.12 before them. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern void cgroup_rstat_flush(struct cgroup *cgrp) __ksym;

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(rs_rstat_flush_not_sleepable, struct cgroup *cgrp, const char *path)
{
	cgroup_rstat_flush(cgrp);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
