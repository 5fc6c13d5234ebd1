/* An array keyed by a struct: array_map_check_btf() refuses the BTF key
 * (an array's key is a 32-bit integer), libbpf retries without BTF and the
 * map is created with no record, so its spin lock is no lock to the
 * verifier: "map ... has to have BTF in order to use bpf_spin_lock". */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct mc_key {
	__u32 k;
};

struct mc_val {
	struct bpf_spin_lock lock;
	int v;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, struct mc_key);
	__type(value, struct mc_val);
} mc_lock_keyed SEC(".maps");

SEC("tc")
int mc_btf_retry_lock(struct __sk_buff *skb)
{
	struct mc_key k = {};
	struct mc_val *v = bpf_map_lookup_elem(&mc_lock_keyed, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	v->v++;
	bpf_spin_unlock(&v->lock);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
