/* bpf_timer in a hash map value: insert the element, look it up, init, start,
 * then cancel on a second condition.  Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct hval {
	struct bpf_timer tm;
	__u32 hits;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, struct hval);
} th_map SEC(".maps");

static int hval_expire(void *map, __u32 *key, struct hval *v)
{
	v->hits = 0;
	return 0;
}

SEC("tc")
int timer_hash_cancel(struct __sk_buff *skb)
{
	__u32 key = skb->ifindex & 15;
	struct hval zero = {}, *v;

	bpf_map_update_elem(&th_map, &key, &zero, BPF_NOEXIST);
	v = bpf_map_lookup_elem(&th_map, &key);
	if (!v)
		return 0;
	v->hits++;
	if (v->hits == 1) {
		bpf_timer_init(&v->tm, &th_map, 1);
		bpf_timer_set_callback(&v->tm, hval_expire);
		bpf_timer_start(&v->tm, 5000000, 0);
	} else if (v->hits > 100) {
		bpf_timer_cancel(&v->tm);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
