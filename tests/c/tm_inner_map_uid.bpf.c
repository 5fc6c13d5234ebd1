/* Two lookups in an array of maps whose inner maps hold timers find two
 * inner maps that may differ: a timer of the first set up with the second
 * map is refused by both kernels ("timer pointer in R1 map_uid=N doesn't
 * match map pointer in R2 map_uid=M", the lookups' ids). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define CLOCK_MONOTONIC 1

struct elem {
	struct bpf_timer t;
};

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct elem);
} tm_inner1 SEC(".maps"), tm_inner2 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, int);
	__array(values, struct inner);
} tm_outer SEC(".maps") = {
	.values = { [0] = &tm_inner1, [1] = &tm_inner2 },
};

SEC("fentry/bpf_fentry_test1")
int tm_inner_map_uid(void *ctx)
{
	int zero = 0, one = 1;
	void *m1 = bpf_map_lookup_elem(&tm_outer, &zero);
	void *m2 = bpf_map_lookup_elem(&tm_outer, &one);
	struct elem *e;

	if (!m1 || !m2)
		return 0;
	e = bpf_map_lookup_elem(m1, &zero);
	if (!e)
		return 0;
	bpf_timer_init(&e->t, m2, CLOCK_MONOTONIC);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
