/* bpf_strncmp against a string in .rodata (a frozen read-only map, so the
 * verifier reads it and finds its NUL). Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

const char target[8] = "nginx";
__u64 hits;

SEC("tracepoint/syscalls/sys_enter_execve")
int sc_strncmp_rodata(void *ctx)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	if (bpf_strncmp(comm, sizeof(comm), target) == 0)
		hits++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
