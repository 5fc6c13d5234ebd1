/* Writing a map's field through its pointer: refused. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, u32);
	__type(value, u64);
} arr SEC(".maps");

SEC("tc")
int mp_write(struct __sk_buff *skb)
{
	struct bpf_map *a = (struct bpf_map *)&arr;

	a->max_entries = 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
