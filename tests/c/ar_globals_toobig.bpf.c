// `__arena` globals larger than the arena's pages: libbpf 1.4 refuses the
// object (E2BIG).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, 33 /* BPF_MAP_TYPE_ARENA */);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
} arena SEC(".maps");

char big[5000] SEC(".addr_space.1") = { 1 };

SEC("syscall")
int reads_big(void *ctx)
{
	return big[10];
}

char _license[] SEC("license") = "GPL";
