// Two arenas in one object: libbpf 1.4 supports one (EINVAL).
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, 33 /* BPF_MAP_TYPE_ARENA */);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
} arena1 SEC(".maps"), arena2 SEC(".maps");

SEC("syscall")
int uses_both(void *ctx)
{
	long a, b;

	asm volatile("%0 = %[a] ll\n%1 = %[b] ll\n" : "=r"(a), "=r"(b) : [a] "i"(&arena1), [b] "i"(&arena2));
	return a == b;
}

char _license[] SEC("license") = "GPL";
