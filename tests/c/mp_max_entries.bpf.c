/* Reading a map's own fields through its pointer (struct bpf_map of the
 * kernel's BTF, as a CO-RE struct): max_entries of an array map, and the
 * hash map's element count bound. Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, u32);
	__type(value, u64);
} arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, u32);
	__type(value, u64);
} h SEC(".maps");

SEC("tc")
int mp_max_entries(struct __sk_buff *skb)
{
	struct bpf_map *a = (struct bpf_map *)&arr;
	struct bpf_map *m = (struct bpf_map *)&h;

	return a->max_entries + m->max_entries + a->key_size;
}

char LICENSE[] SEC("license") = "GPL";
