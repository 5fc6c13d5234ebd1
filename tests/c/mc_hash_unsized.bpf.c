/* A hash map with key and value types and no entries, sized at run time
 * by its tool (as Inspektor Gadget's build-id map is): libbpf's first
 * attempt with BTF types fails (htab_map_alloc_check: EINVAL), it says
 * so and retries without them, which fails again; no program loads. The
 * perf event array of no entries is fine: libbpf gives it one per CPU. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 0);
} mc_sized_later SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} mc_perf SEC(".maps");

SEC("kprobe/do_nanosleep")
int mc_hash_unsized(void *ctx)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&mc_sized_later, &k);

	if (v)
		bpf_perf_event_output(ctx, &mc_perf, BPF_F_CURRENT_CPU, v, sizeof(*v));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
