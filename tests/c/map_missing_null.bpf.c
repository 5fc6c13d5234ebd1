/* Array map lookup dereferenced without a NULL check.
 * Rejected: "invalid mem access 'map_value_or_null'". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} arr_nn SEC(".maps");

SEC("tc")
int map_missing_null(struct __sk_buff *skb)
{
	__u32 key = 1;
	__u64 *v = bpf_map_lookup_elem(&arr_nn, &key);

	return *v == 5;
}

char LICENSE[] SEC("license") = "GPL";
