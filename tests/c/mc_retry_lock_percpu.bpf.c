/* A spin lock in a per-CPU array: map_check_btf() refuses the value's BTF
 * (6.1: ENOTSUPP, which libbpf has no words for; 6.12: EOPNOTSUPP) and
 * libbpf creates the map again without it, warning first ("Retrying
 * without BTF"). That warning is the first line of an object that then
 * fails to load: here, a program in a section libbpf gives no type. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct val {
	struct bpf_spin_lock lock;
	int x;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct val);
} pc SEC(".maps");

SEC("classifier/unknown")
int lock_percpu_unknown_section(struct __sk_buff *skb)
{
	u32 k = 0;
	struct val *v = bpf_map_lookup_elem(&pc, &k);

	return v ? v->x : 0;
}
