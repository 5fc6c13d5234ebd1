/* Hash map counter: lookup, NULL check, atomic add, else insert.
 * Accepted: the map value is only touched after the NULL check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 128);
	__type(key, __u32);
	__type(value, __u64);
} hash_cnt SEC(".maps");

SEC("tc")
int map_hash_lookup(struct __sk_buff *skb)
{
	__u32 key = skb->protocol;
	__u64 one = 1, *val;

	val = bpf_map_lookup_elem(&hash_cnt, &key);
	if (val)
		__sync_fetch_and_add(val, 1);
	else
		bpf_map_update_elem(&hash_cnt, &key, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
