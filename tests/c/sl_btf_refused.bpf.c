/* Map values whose lock 6.1 cannot place, and says why: two of them
 * ("has more than one"), or one at an offset that is not a multiple of
 * its alignment ("is not a struct type or bpf_spin_lock is mangled").
 * Linux 6.2+ refuses the whole object's BTF for such a struct
 * (btf_parse_struct_metas(): every struct with a bpf_spin_lock member
 * needs a record): libbpf goes on without BTF, and every map of the object
 * loses its value type, a well-formed one's too — the lock programs then
 * hear "has to have BTF" (`good_lock` loads on 6.1 only). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

/* the point of packed_val is its misplaced lock */
#pragma clang diagnostic ignored "-Waddress-of-packed-member"

struct ok_val {
	struct bpf_spin_lock l;
	int x;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct ok_val);
} ok SEC(".maps");

struct dup_val {
	struct bpf_spin_lock a;
	struct bpf_spin_lock b;
};

struct packed_val {
	char c;
	struct bpf_spin_lock l;
} __attribute__((packed));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct dup_val);
} dup SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct packed_val);
} packed SEC(".maps");

SEC("tc")
int duplicate_locks(struct __sk_buff *skb)
{
	int k = 0;
	struct dup_val *v = bpf_map_lookup_elem(&dup, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->a);
	bpf_spin_unlock(&v->a);
	return 0;
}

SEC("tc")
int misaligned_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct packed_val *v = bpf_map_lookup_elem(&packed, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->l);
	bpf_spin_unlock(&v->l);
	return 0;
}

SEC("tc")
int good_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct ok_val *v = bpf_map_lookup_elem(&ok, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->l);
	v->x++;
	bpf_spin_unlock(&v->l);
	return 0;
}
