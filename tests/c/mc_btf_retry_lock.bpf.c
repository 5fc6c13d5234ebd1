/* A hash map with a key size but no key type: map_check_btf() refuses BTF
 * value types without a key type for a map whose type has no map_check_btf
 * of its own, so libbpf creates it again without BTF, and the value's
 * bpf_spin_lock is then unknown to the verifier. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

struct locked {
	struct bpf_spin_lock lock;
	__u32 n;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(key_size, sizeof(__u32));
	__type(value, struct locked);
	__uint(max_entries, 4);
} mc_locked SEC(".maps");

SEC("tc")
int mc_btf_retry_lock(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct locked *v = bpf_map_lookup_elem(&mc_locked, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	v->n++;
	bpf_spin_unlock(&v->lock);
	return 0;
}
