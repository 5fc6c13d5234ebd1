/* A weak typed __ksym the kernel does not have: libbpf loads its address as 0, so the branch is dead. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const int veristep_no_such_var __ksym __weak;
extern const int bpf_prog_active __ksym;
int out;
SEC("raw_tp/sys_enter")
int ksym_weak_missing(const void *ctx)
{
	if (&veristep_no_such_var)
		out = *(int *)bpf_this_cpu_ptr(&veristep_no_such_var);
	else
		out = *(int *)bpf_this_cpu_ptr(&bpf_prog_active);
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
