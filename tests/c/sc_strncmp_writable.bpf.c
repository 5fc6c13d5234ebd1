/* A string in .data (writable) cannot be compared with bpf_strncmp: the
 * verifier wants a read-only map. Refused by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char writable[8] = "nginx";
__u64 hits;

SEC("tracepoint/syscalls/sys_enter_execve")
int sc_strncmp_writable(void *ctx)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_strncmp(comm, sizeof(comm), writable) == 0)
		hits++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
