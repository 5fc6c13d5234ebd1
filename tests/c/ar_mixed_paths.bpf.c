// One instruction reached with an arena pointer on one path and a map
// value on another (Linux 6.12): a store records its pointer kind and
// refuses the second (`same insn cannot be used with different pointers`);
// 6.12.95's atomics record only an arena's, so they take both. 6.1 cannot
// create the arena.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct {
	__uint(type, 33);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
} arena SEC(".maps");
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} arr SEC(".maps");
extern void *bpf_arena_alloc_pages(void *map, void *addr, __u32 page_cnt, int node_id, __u64 flags) __ksym __weak;

SEC("syscall")
int atomic_two_kinds(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, -1, 0);
	int k = 0;
	long *v = bpf_map_lookup_elem(&arr, &k);
	__u32 r = bpf_get_prandom_u32();

	if (!p || !v)
		return 0;
	asm volatile("r1 = %0\n"
		     ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00\n"
		     "if %2 > 5 goto 1f\n"
		     "r1 = %1\n"
		     "1:\n"
		     "r2 = 1\n"
		     "lock *(u64 *)(r1 + 0) += r2\n"
		     :: "r"(p), "r"(v), "r"(r) : "r1", "r2");
	return 0;
}

SEC("syscall")
int atomic_two_kinds_rev(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, -1, 0);
	int k = 0;
	long *v = bpf_map_lookup_elem(&arr, &k);
	__u32 r = bpf_get_prandom_u32();

	if (!p || !v)
		return 0;
	asm volatile("r1 = %1\n"
		     "if %2 > 5 goto 1f\n"
		     "r1 = %0\n"
		     ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00\n"
		     "1:\n"
		     "r2 = 1\n"
		     "lock *(u64 *)(r1 + 0) += r2\n"
		     :: "r"(p), "r"(v), "r"(r) : "r1", "r2");
	return 0;
}

SEC("syscall")
int store_two_kinds(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, -1, 0);
	int k = 0;
	long *v = bpf_map_lookup_elem(&arr, &k);
	__u32 r = bpf_get_prandom_u32();

	if (!p || !v)
		return 0;
	asm volatile("r1 = %0\n"
		     ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00\n"
		     "if %2 > 5 goto 1f\n"
		     "r1 = %1\n"
		     "1:\n"
		     "r2 = 1\n"
		     "*(u64 *)(r1 + 0) = r2\n"
		     :: "r"(p), "r"(v), "r"(r) : "r1", "r2");
	return 0;
}
char _license[] SEC("license") = "GPL";
