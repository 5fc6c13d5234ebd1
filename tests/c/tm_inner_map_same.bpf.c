/* A timer of an inner map (found through an array of maps) set up with
 * that same inner map: accepted by both kernels (its map_uid matches). */
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
} tm_same_inner SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, int);
	__array(values, struct inner);
} tm_same_outer SEC(".maps") = {
	.values = { [0] = &tm_same_inner },
};

SEC("fentry/bpf_fentry_test1")
int tm_inner_map_same(void *ctx)
{
	int zero = 0;
	void *m = bpf_map_lookup_elem(&tm_same_outer, &zero);
	struct elem *e;

	if (!m)
		return 0;
	e = bpf_map_lookup_elem(m, &zero);
	if (!e)
		return 0;
	bpf_timer_init(&e->t, m, CLOCK_MONOTONIC);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
