/* A kprobe program may not use a map whose value holds a workqueue
 * (check_map_prog_compatibility(): "tracing progs cannot use bpf_wq yet"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "wq_common.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_elem);
} wq_k SEC(".maps");

SEC("kprobe/do_nanosleep")
int wq_kprobe(void *ctx)
{
	int k = 0;
	struct wq_elem *e = bpf_map_lookup_elem(&wq_k, &k);

	return e ? e->v : 0;
}

char LICENSE[] SEC("license") = "GPL";
