/* A per-CPU int is 4 bytes: reading past it is rejected (mem_size=4). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const int bpf_prog_active __ksym;
int out_active;
SEC("raw_tp/sys_enter")
int ksym_percpu_oob(const void *ctx)
{
	int *active = (int *)bpf_this_cpu_ptr(&bpf_prog_active);
	out_active = active[1];
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
