/* Settings a tool's skeleton writes before the load (rodata->NAME = VALUE,
 * veristep verify --set-global NAME=VALUE): .rodata is frozen, so the
 * verifier reads gv_mode as the constant set. As compiled (0) the branch
 * that dereferences a lookup unchecked is dead and the program loads; set
 * to 1 it is walked and the kernel rejects it. gv_seen (.bss) is set too,
 * which changes nothing the verifier sees. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

// kernel-diff: set-global gv_mode 1
// kernel-diff: set-global gv_seen 0x1122334455667788

const volatile __u32 gv_mode = 0;
__u64 gv_seen;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} gv_vals SEC(".maps");

SEC("tc")
int gv_set_global(struct __sk_buff *skb)
{
	__u32 k = 0;

	gv_seen++;
	if (gv_mode == 1) {
		__u32 *v = bpf_map_lookup_elem(&gv_vals, &k);

		return *v;
	}
	return 0;
}
