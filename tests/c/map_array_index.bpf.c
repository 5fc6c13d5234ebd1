/* Array map whose value holds a u32 slots[16]; the slot index comes from the
 * packet mark and is checked against 16 before use.  Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct slots {
	__u32 slots[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct slots);
} arr_slots SEC(".maps");

SEC("tc")
int map_array_index(struct __sk_buff *skb)
{
	__u32 key = 0, idx = skb->mark;
	struct slots *v;

	v = bpf_map_lookup_elem(&arr_slots, &key);
	if (!v)
		return 0;
	if (idx >= 16)
		return 0;
	v->slots[idx] += 1;
	return v->slots[0] & 1;
}

char LICENSE[] SEC("license") = "GPL";
