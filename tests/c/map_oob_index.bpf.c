/* Index into a map value array checked with <= instead of <  (off by one).
 * Rejected: idx 16 can reach past the 64-byte value ("invalid access to map value"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct slots16 {
	__u32 slots[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct slots16);
} arr_oob SEC(".maps");

SEC("tc")
int map_oob_index(struct __sk_buff *skb)
{
	__u32 key = 0, idx = skb->mark;
	struct slots16 *v;

	v = bpf_map_lookup_elem(&arr_oob, &key);
	if (!v)
		return 0;
	if (idx > 16)
		return 0;
	return v->slots[idx];
}

char LICENSE[] SEC("license") = "GPL";
