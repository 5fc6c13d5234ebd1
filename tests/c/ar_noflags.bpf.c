// An arena without BPF_F_MMAPABLE: the kernel refuses to create it
// (arena_map_alloc(): EINVAL), so no program of the object loads.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, 33 /* BPF_MAP_TYPE_ARENA */);
	__uint(max_entries, 1);
} arena SEC(".maps");

SEC("syscall")
int uses_arena(void *ctx)
{
	return bpf_map_lookup_elem(&arena, ctx) ? 1 : 0;
}

char _license[] SEC("license") = "GPL";
