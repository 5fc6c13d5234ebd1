/* A static __noinline subprogram that returns a map value pointer (or NULL) to its
 * caller, which NULL-checks it.  Accepted: R0's pointer type survives the return. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} rv_arr SEC(".maps");

static __noinline __u64 *slot_for(__u32 k)
{
	return bpf_map_lookup_elem(&rv_arr, &k);
}

SEC("tc")
int subprog_returns_map_value(struct __sk_buff *skb)
{
	__u64 *v = slot_for(skb->mark & 7);

	if (!v)
		return 0;
	*v += skb->len;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
