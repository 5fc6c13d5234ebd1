/* An array map keyed by a u64: array_map_alloc_check wants a 4-byte key.
 * libbpf's creation with BTF types fails, it says so and retries without
 * them, which fails too: the object does not load on either kernel. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u64);
	__type(value, __u64);
} mc_arr SEC(".maps");

SEC("tc")
int mc_array_key8(struct __sk_buff *skb)
{
	__u64 k = 0, *v = bpf_map_lookup_elem(&mc_arr, &k);

	return v ? 1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
