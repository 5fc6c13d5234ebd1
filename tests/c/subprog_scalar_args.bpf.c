/* A static __noinline helper that clamps its scalar argument, used to index a map
 * value in the caller.  Accepted: the callee's return range (0..7) reaches the caller. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32[8]);
} sub_arr SEC(".maps");

static __noinline __u32 clamp7(__u32 x)
{
	return x > 7 ? 7 : x;
}

SEC("tc")
int subprog_scalar_args(struct __sk_buff *skb)
{
	__u32 key = 0, *v;

	v = bpf_map_lookup_elem(&sub_arr, &key);
	if (!v)
		return 0;
	return v[clamp7(skb->mark)];
}

char LICENSE[] SEC("license") = "GPL";
