/* A timer in a map read-only to programs (BPF_F_RDONLY_PROG): the kernel
 * refuses the value's BTF with EACCES on 6.1 and 6.12, libbpf creates the
 * map again without it and warns first; the object then fails on a
 * program in a section libbpf gives no type. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct val {
	struct bpf_timer t;
	int x;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(map_flags, BPF_F_RDONLY_PROG);
	__type(key, u32);
	__type(value, struct val);
} ro SEC(".maps");

SEC("classifier/unknown")
int timer_rdonly_unknown_section(struct __sk_buff *skb)
{
	u32 k = 0;
	struct val *v = bpf_map_lookup_elem(&ro, &k);

	return v ? v->x : 0;
}
