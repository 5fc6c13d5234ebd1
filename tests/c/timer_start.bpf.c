/* bpf_timer embedded in an array map value: init, set_callback, start.
 * Accepted: the timer is reached through a NULL-checked map value and the
 * callback has the (map, key, value) signature and returns 0. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct tval {
	__u64 fired;
	struct bpf_timer tm;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct tval);
} tmap SEC(".maps");

static int on_fire(void *map, __u32 *key, struct tval *v)
{
	v->fired++;
	return 0;
}

SEC("tc")
int timer_start(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct tval *v = bpf_map_lookup_elem(&tmap, &key);

	if (!v)
		return 0;
	bpf_timer_init(&v->tm, &tmap, 1 /* CLOCK_MONOTONIC */);
	bpf_timer_set_callback(&v->tm, on_fire);
	bpf_timer_start(&v->tm, 1000000, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
