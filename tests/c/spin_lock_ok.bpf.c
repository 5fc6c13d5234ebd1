/* bpf_spin_lock in a hash map value protecting a counter pair.
 * Accepted: lock and unlock on the same value, no calls in between. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct locked {
	struct bpf_spin_lock lk;
	__u64 pkts;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, struct locked);
} lk_ok SEC(".maps");

SEC("tc")
int spin_lock_ok(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex;
	struct locked *v = bpf_map_lookup_elem(&lk_ok, &key);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lk);
	v->pkts++;
	v->bytes += skb->len;
	bpf_spin_unlock(&v->lk);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
