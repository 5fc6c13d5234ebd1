/* cgroup_skb/ingress program counting bytes per protocol in a hash map, returning 1.
 * Accepted: the return value is 0 or 1 and map access is NULL-checked. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 32);
	__type(key, __u32);
	__type(value, __u64);
} cg_bytes SEC(".maps");

SEC("cgroup_skb/ingress")
int cgroup_skb_ok(struct __sk_buff *skb)
{
	__u32 key = skb->protocol;
	__u64 *v = bpf_map_lookup_elem(&cg_bytes, &key);

	if (v)
		*v += skb->len;
	else {
		__u64 init = skb->len;

		bpf_map_update_elem(&cg_bytes, &key, &init, BPF_ANY);
	}
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
