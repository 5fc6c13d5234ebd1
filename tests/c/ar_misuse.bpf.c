// Arena misuse the verifier refuses (Linux 6.12; 6.1 cannot create the
// arena): a cast in a program that uses no arena, a cast between other
// address spaces, an arena argument tag combined with another.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, 33 /* BPF_MAP_TYPE_ARENA */);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 1);
} arena SEC(".maps");

extern void *bpf_arena_alloc_pages(void *map, void *addr, __u32 page_cnt, int node_id,
				   __u64 flags) __ksym __weak;

SEC("syscall")
int cast_without_arena(void *ctx)
{
	/* r1 = addr_space_cast(r1, 0, 1) in a program that names no arena */
	asm volatile("r1 = 0\n"
		     ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00\n" ::: "r1");
	return 0;
}

SEC("syscall")
int cast_other_spaces(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, -1, 0);

	/* r1 = addr_space_cast(r1, 2, 1) */
	asm volatile("r1 = %0\n"
		     ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00\n" :: "r"(p) : "r1");
	return 0;
}

__attribute__((noinline)) int two_tags(void *p __attribute__((btf_decl_tag("arg:arena")))
				       __attribute__((btf_decl_tag("arg:nonnull"))))
{
	return p != 0;
}

SEC("syscall")
int arena_and_nonnull(void *ctx)
{
	return two_tags(0);
}

SEC("syscall")
int arena_map_pointer(void *ctx)
{
	long v;

	/* the map itself (a map pointer, not its pages) returned: refused */
	asm volatile("%0 = %[arena] ll\n" : "=r"(v) : [arena] "i"(&arena));
	return v;
}

char _license[] SEC("license") = "GPL";
