/* A map type number the kernel's enum bpf_map_type does not hold (a
 * user-space runtime's own, as bpftime's GPU maps, or a newer kernel's):
 * map_create() refuses it with EINVAL, libbpf retries it without BTF,
 * fails again, and with it the whole object, before any program loads:
 * also a program that never names the map. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, u64);
} plain SEC(".maps");

struct {
	__uint(type, 1503);
	__uint(max_entries, 16);
	__type(key, u32);
	__type(value, u64);
} runtime_own SEC(".maps");

SEC("socket")
int uses_plain(void *ctx)
{
	u32 k = 0;
	u64 *v = bpf_map_lookup_elem(&plain, &k);

	return v ? 1 : 0;
}

SEC("socket")
int uses_runtime_map(void *ctx)
{
	u32 k = 0;
	u64 *v = bpf_map_lookup_elem(&runtime_own, &k);

	return v ? 1 : 0;
}
