// An arena (BPF_MAP_TYPE_ARENA, Linux 6.9+): pages the program and user
// space share. bpf_arena_alloc_pages() (a sleepable kfunc: syscall programs
// are sleepable) returns a number; `addr_space_cast(rX, 0, 1)` makes it a
// PTR_TO_ARENA, through which any load or store goes, and with which any
// arithmetic gives another. 6.1 has no arena: libbpf cannot create the map.
// clang-16 has no arena instructions: the casts are written as bytes.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAP_TYPE_ARENA 33
#define NO_NODE -1

struct {
	__uint(type, MAP_TYPE_ARENA);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 4);
} arena SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} arr SEC(".maps");

/* global variables in the arena (libbpf 1.4 copies them into its pages) */
long counter SEC(".addr_space.1") = 7;

extern void *bpf_arena_alloc_pages(void *map, void *addr, __u32 page_cnt, int node_id,
				   __u64 flags) __ksym __weak;
extern void bpf_arena_free_pages(void *map, void *ptr, __u32 page_cnt) __ksym __weak;

/* r1 = addr_space_cast(r1, 0, 1): the user's address to the program's */
#define CAST_KERN_R1 ".byte 0xbf, 0x11, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00\n"
/* r1 = addr_space_cast(r1, 1, 0): back to a number */
#define CAST_USER_R1 ".byte 0xbf, 0x11, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00\n"

SEC("syscall")
int alloc_store_load(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n"
		     "r2 = *(u32 *)(r1 + 4090)\n" :: "r"(p) : "r1", "r2", "r3");
	bpf_arena_free_pages(&arena, p, 1);
	return 0;
}

SEC("syscall")
int store_without_cast(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n"
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n" :: "r"(p) : "r1", "r3");
	return 0;
}

SEC("tc")
int alloc_not_sleepable(void *ctx)
{
	return bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0) ? 1 : 0;
}

SEC("syscall")
int arith_any(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 2, NO_NODE, 0);
	__u64 k = bpf_get_prandom_u32();

	if (!p)
		return 0;
	/* arena + unknown, unknown + arena, arena * 3: all arena pointers */
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r2 = %1\n"
		     "r1 += r2\n"
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n"
		     "r2 += r1\n"
		     "*(u32 *)(r2 - 100000) = r3\n"
		     "r1 *= 3\n"
		     "w1 &= 4095\n"
		     "*(u8 *)(r1 + 1) = r3\n"
		     :: "r"(p), "r"(k) : "r1", "r2", "r3");
	return 0;
}

SEC("syscall")
int cast_to_user_is_number(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1 CAST_USER_R1
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n" :: "r"(p) : "r1", "r3");
	return 0;
}

SEC("syscall")
int atomics(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r2 = 1\n"
		     "lock *(u64 *)(r1 + 8) += r2\n"
		     /* r2 = atomic_fetch_add((u64 *)(r1 + 16), r2) */
		     ".byte 0xdb, 0x21, 0x10, 0x00, 0x01, 0x00, 0x00, 0x00\n"
		     "r0 = 0\n"
		     /* r0 = cmpxchg_64(r1 + 24, r0, r2) */
		     ".byte 0xdb, 0x21, 0x18, 0x00, 0xf1, 0x00, 0x00, 0x00\n"
		     :: "r"(p) : "r0", "r1", "r2");
	return 0;
}

SEC("syscall")
int atomic_fetch_and_refused(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r2 = 1\n"
		     /* r2 = atomic_fetch_and((u64 *)(r1 + 8), r2) */
		     ".byte 0xdb, 0x21, 0x08, 0x00, 0x51, 0x00, 0x00, 0x00\n"
		     :: "r"(p) : "r1", "r2");
	return 0;
}

SEC("syscall")
int sign_extending_load(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	/* r2 = *(s8 *)(r1 + 0): refused after the walk */
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     ".byte 0x91, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00\n"
		     :: "r"(p) : "r1", "r2");
	return 0;
}

SEC("syscall")
int spill_fill(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "*(u64 *)(r10 - 8) = r1\n"
		     "r1 = 0\n"
		     "r1 = *(u64 *)(r10 - 8)\n"
		     "r3 = 5\n"
		     "*(u16 *)(r1 + 2) = r3\n" :: "r"(p) : "r1", "r3");
	return 0;
}

SEC("syscall")
int helper_mem_arg(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);

	if (!p)
		return 0;
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r2 = 8\n"
		     "r3 = 0\n"
		     "call 113\n" /* bpf_probe_read_kernel(dst, 8, NULL) */
		     :: "r"(p) : "r0", "r1", "r2", "r3", "r4", "r5");
	return 0;
}

SEC("syscall")
int global_var(void *ctx)
{
	/* &counter: the arena's map value, a number; cast, then stored to */
	asm volatile("r1 = %[counter] ll\n" CAST_KERN_R1
		     "r3 = 9\n"
		     "*(u64 *)(r1 + 0) = r3\n" :: [counter] "i"(&counter) : "r1", "r3");
	return 0;
}

SEC("syscall")
int global_var_uncast(void *ctx)
{
	return counter;
}

__attribute__((noinline)) int arena_arg(void *p __attribute__((btf_decl_tag("arg:arena"))))
{
	/* the callee sees a number */
	return *(volatile char *)p;
}

__attribute__((noinline)) int arena_arg_cast(void *p __attribute__((btf_decl_tag("arg:arena"))))
{
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n" :: "r"(p) : "r1", "r3");
	return 0;
}

SEC("syscall")
int pass_arena_to_global(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);
	int r;

	if (!p)
		return 0;
	asm volatile("r1 = %1\n" CAST_KERN_R1
		     "call arena_arg_cast\n"
		     "%0 = r0\n" : "=r"(r) : "r"(p) : "r0", "r1", "r2", "r3", "r4", "r5");
	return r;
}

SEC("syscall")
int pass_stack_to_global(void *ctx)
{
	char buf[8] = {};

	return arena_arg_cast(buf);
}

SEC("syscall")
int callee_derefs(void *ctx)
{
	return arena_arg(0);
}

SEC("syscall")
int map_arg_not_a_map(void *ctx)
{
	long x = 0;

	return bpf_arena_alloc_pages(&x, 0, 1, NO_NODE, 0) ? 1 : 0;
}

SEC("syscall")
int map_arg_map_value(void *ctx)
{
	int k = 0;
	long *v = bpf_map_lookup_elem(&arr, &k);

	if (!v)
		return 0;
	return bpf_arena_alloc_pages(v, 0, 1, NO_NODE, 0) ? 1 : 0;
}

SEC("syscall")
int branches_prune(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);
	__u32 k = bpf_get_prandom_u32();

	if (!p)
		return 0;
	/* two paths with different arena pointers meet: the second is pruned */
	asm volatile("r1 = %0\n" CAST_KERN_R1
		     "if %1 > 10 goto 1f\n"
		     "r1 += 64\n"
		     "1:\n"
		     "r3 = 1\n"
		     "*(u64 *)(r1 + 0) = r3\n"
		     "r3 = 2\n"
		     "*(u64 *)(r1 + 8) = r3\n"
		     :: "r"(p), "r"(k) : "r1", "r3");
	return 0;
}

SEC("syscall")
int return_arena(void *ctx)
{
	void *p = bpf_arena_alloc_pages(&arena, 0, 1, NO_NODE, 0);
	long r;

	if (!p)
		return 0;
	asm volatile("r1 = %1\n" CAST_KERN_R1 "%0 = r1\n" : "=r"(r) : "r"(p) : "r1");
	return r;
}

char _license[] SEC("license") = "GPL";
