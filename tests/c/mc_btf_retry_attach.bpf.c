/* A key type without a value type (pwru's per-CPU buffer): map_create()
 * refuses the BTF, libbpf warns and retries without it, and the map is
 * made. The object then fails on the fentry target 6.1 and 6.12 lack:
 * libbpf's first line is still the warning. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__uint(value_size, 256);
	__uint(max_entries, 1);
} mc_big_buff SEC(".maps");

SEC("fentry/veristep_no_such_function")
int BPF_PROG(mc_btf_retry_attach)
{
	__u32 k = 0;
	char *b = bpf_map_lookup_elem(&mc_big_buff, &k);

	if (b)
		b[0] = 1;
	return 0;
}

SEC("kprobe/do_nanosleep")
int mc_btf_retry_kprobe(void *ctx)
{
	__u32 k = 0;
	char *b = bpf_map_lookup_elem(&mc_big_buff, &k);

	if (b)
		b[1] = 2;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
