/* SEC("fentry") and SEC("lsm") without a target: their loader names it at run time
 * (bpf_program__set_attach_target); loaded as they are, libbpf refuses each program
 * ("no BTF-based attach target is specified") after creating the maps. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} hits SEC(".maps");

SEC("fentry")
int BPF_PROG(tr_fentry_no_target)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(&hits, &k);

	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}

SEC("lsm")
int BPF_PROG(tr_lsm_no_target)
{
	return 0;
}
