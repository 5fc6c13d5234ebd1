/* An object whose only function is in .text: libbpf makes it a program
 * without a type, and refuses it only when it loads it ("missing BPF prog
 * type"), after creating the maps: a map the kernel refuses (an array's
 * key must be 4 bytes) is the first error. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, u64);
	__type(value, u32);
} wide_key SEC(".maps");

int only_text(void *ctx)
{
	u64 k = 0;
	u32 *v = bpf_map_lookup_elem(&wide_key, &k);

	return v ? *v : 0;
}
