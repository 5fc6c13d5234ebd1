// `__arena` globals (section .addr_space.1) without an arena map: libbpf
// 1.4 refuses the object (ENOENT) before any map is created.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

long counter SEC(".addr_space.1") = 1;

SEC("syscall")
int reads_counter(void *ctx)
{
	return counter;
}

char _license[] SEC("license") = "GPL";
