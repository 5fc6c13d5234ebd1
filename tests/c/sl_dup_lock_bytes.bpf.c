/* A value whose two bpf_spin_locks 6.12 both finds (one a member, one in
 * a nested struct: each struct has its own duplicate check). The map's
 * lock is the last found, but every field of the value's btf_record is
 * guarded: check_map_access() refuses a load of either lock's bytes. 6.1
 * sees the member only, and the nested lock's bytes are plain. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct two_val {
	struct bpf_spin_lock a;
	struct {
		struct bpf_spin_lock b;
	} n;
	int x;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, struct two_val);
} two SEC(".maps");

SEC("tc")
int dl_read_first(struct __sk_buff *skb)
{
	int k = 0;
	struct two_val *v = bpf_map_lookup_elem(&two, &k);

	if (!v)
		return 0;
	return *(volatile int *)&v->a;
}

SEC("tc")
int dl_read_second(struct __sk_buff *skb)
{
	int k = 0;
	struct two_val *v = bpf_map_lookup_elem(&two, &k);

	if (!v)
		return 0;
	return *(volatile int *)&v->n.b;
}

SEC("tc")
int dl_read_x(struct __sk_buff *skb)
{
	int k = 0;
	struct two_val *v = bpf_map_lookup_elem(&two, &k);

	if (!v)
		return 0;
	return v->x;
}
