/* A helper call (bpf_ktime_get_ns) while holding a bpf_spin_lock.
 * Rejected: "function calls are not allowed while holding a lock". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct locked3 {
	struct bpf_spin_lock lk;
	__u64 ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct locked3);
} lk_call SEC(".maps");

SEC("tc")
int spin_lock_call_inside(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct locked3 *v = bpf_map_lookup_elem(&lk_call, &key);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lk);
	v->ts = bpf_ktime_get_ns();
	bpf_spin_unlock(&v->lk);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
