/* A function called while a bpf_spin_lock is held: Linux 6.1 refuses any
 * call there ("function calls are not allowed while holding a lock"); 6.12
 * lets a static subprogram run under the lock and refuses only a global
 * one ("global function calls are not allowed while holding a lock, use
 * static function instead"). */
#include "h_common.h"

struct val {
	struct bpf_spin_lock l;
	__u64 n;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct val);
} a SEC(".maps");

__attribute__((noinline)) int bump(__u64 x)
{
	return x + 1;
}

static __attribute__((noinline)) int bump_static(__u64 x)
{
	return x + 1;
}

SEC("tc")
int lock_global(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct val *v = bpf_map_lookup_elem(&a, &k);
	int r;

	if (!v)
		return 0;
	bpf_spin_lock(&v->l);
	r = bump(v->n);
	bpf_spin_unlock(&v->l);
	return r & 1;
}

SEC("tc")
int lock_static(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct val *v = bpf_map_lookup_elem(&a, &k);
	int r;

	if (!v)
		return 0;
	bpf_spin_lock(&v->l);
	r = bump_static(v->n);
	bpf_spin_unlock(&v->l);
	return r & 1;
}
