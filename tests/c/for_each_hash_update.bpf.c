/* bpf_for_each_map_elem over a hash map whose callback resets values in place and
 * stops after 4 elements.  Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} feh_map SEC(".maps");

static long reset_cb(void *map, __u32 *key, __u64 *val, __u32 *left)
{
	*val = 0;
	if (--*left == 0)
		return 1;
	return 0;
}

SEC("tc")
int for_each_hash_update(struct __sk_buff *skb)
{
	__u32 left = 4;

	bpf_for_each_map_elem(&feh_map, reset_cb, &left, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
