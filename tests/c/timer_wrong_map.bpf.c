/* bpf_timer_init given a different map than the one holding the timer.
 * Rejected: "timer pointer in R1 map_uid=... doesn't match map pointer in R2". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct twval {
	struct bpf_timer tm;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct twval);
} tw_a SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct twval);
} tw_b SEC(".maps");

SEC("tc")
int timer_wrong_map(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct twval *v = bpf_map_lookup_elem(&tw_a, &key);

	if (!v)
		return 0;
	bpf_timer_init(&v->tm, &tw_b, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
