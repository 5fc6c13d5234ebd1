/* bpf_spin_lock taken, but one path returns without bpf_spin_unlock.
 * Rejected: "bpf_spin_unlock is missing". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct locked2 {
	struct bpf_spin_lock lk;
	__u64 n;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct locked2);
} lk_miss SEC(".maps");

SEC("tc")
int spin_lock_missing_unlock(struct __sk_buff *skb)
{
	__u32 key = 0;
	struct locked2 *v = bpf_map_lookup_elem(&lk_miss, &key);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lk);
	v->n++;
	if (v->n > 1000)
		return 1;
	bpf_spin_unlock(&v->lk);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
