/* A per-CPU int through bpf_this_cpu_ptr is read-only memory: the write is rejected. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
extern const int bpf_prog_active __ksym;
SEC("raw_tp/sys_enter")
int ksym_percpu_write(const void *ctx)
{
	int *active = (int *)bpf_this_cpu_ptr(&bpf_prog_active);
	*active = 1;
	return 0;
}
char LICENSE[] SEC("license") = "GPL";
