/* A ring buffer whose size a tool sets at run time
 * (bpf_map__set_max_entries) and a loader that does not: libbpf passes 0
 * on (adjust_ringbuf_sz keeps 0 "so the user sees the error"), the kernel
 * refuses the map (ringbuf_map_alloc: EINVAL) and no program loads. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
} mc_events SEC(".maps");

SEC("kprobe/do_nanosleep")
int mc_ringbuf_unsized(void *ctx)
{
	__u64 *e = bpf_ringbuf_reserve(&mc_events, sizeof(*e), 0);

	if (!e)
		return 0;
	*e = bpf_get_current_pid_tgid();
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
