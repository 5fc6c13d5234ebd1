/* The string bpf_strncmp compares with must end inside its map value:
 * three bytes "abc" without a NUL are refused by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const char no_nul[3] = "abc";
__u64 hits;

SEC("tracepoint/syscalls/sys_enter_execve")
int sc_strncmp_no_nul(void *ctx)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_strncmp(comm, sizeof(comm), no_nul) == 0)
		hits++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
