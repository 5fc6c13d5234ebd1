/* Variable offset into a map value bounded by masking (idx & 7) instead of a branch.
 * Accepted: the mask gives the verifier an upper bound of 7. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64[8]);
} arr_mask SEC(".maps");

SEC("socket")
int map_masked_index(struct __sk_buff *skb)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&arr_mask, &key);

	if (!v)
		return 0;
	v[skb->len & 7] += skb->len;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
