/* A perf event array of no entries: libbpf sizes it itself (one entry
 * per possible CPU, bpf_object__create_map), so the program loads. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} mc_perf_only SEC(".maps");

SEC("kprobe/do_nanosleep")
int mc_perf_unsized(void *ctx)
{
	__u64 v = bpf_ktime_get_ns();

	bpf_perf_event_output(ctx, &mc_perf_only, BPF_F_CURRENT_CPU, &v, sizeof(v));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
