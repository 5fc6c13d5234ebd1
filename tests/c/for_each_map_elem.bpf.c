/* bpf_for_each_map_elem over an array map with a callback that sums values.
 * Accepted: the callback has the (map, key, value, ctx) signature, reads the
 * value within its size and returns 0. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} fe_arr SEC(".maps");

struct fe_ctx {
	__u64 sum;
	__u32 seen;
};

static long sum_cb(void *map, __u32 *key, __u64 *val, struct fe_ctx *c)
{
	c->sum += *val;
	c->seen++;
	return 0;
}

SEC("tc")
int for_each_map_elem(struct __sk_buff *skb)
{
	struct fe_ctx c = {};

	bpf_for_each_map_elem(&fe_arr, sum_cb, &c, 0);
	return c.sum > c.seen;
}

char LICENSE[] SEC("license") = "GPL";
