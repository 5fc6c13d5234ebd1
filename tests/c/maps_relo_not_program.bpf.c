/* A prog array's initial values (`.values = { [0] = &f }`) are relocations
 * in `.rel.maps` that libbpf checks when it opens the object
 * (bpf_object__collect_map_relos()): each must name an entry-point
 * program; a global function of .text is a subprogram, so the whole
 * object fails: ".maps relo #0: 'helper_fn' isn't a valid program
 * reference". */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

__noinline int helper_fn(struct __sk_buff *skb)
{
	return skb->len & 1;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(u32));
	__array(values, int (void *));
} jumps SEC(".maps") = {
	.values = { [0] = (void *)&helper_fn },
};

SEC("tc")
int entry(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jumps, 0);
	return helper_fn(skb);
}
