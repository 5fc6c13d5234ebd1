/* Where the kernel looks for a map value's bpf_spin_lock. Linux 6.1
 * (btf_find_struct_field() for "bpf_spin_lock") looks at the value's own
 * members only: a lock inside a nested struct or an array of structs is
 * not found, and the map has no valid lock. 6.12 also walks nested
 * structs and their arrays (btf_find_nested_struct()), each nested struct
 * with a fresh duplicate check, so a value may end up with two locks; the
 * record then keeps the last one found (btf_parse_fields() overwrites
 * spin_lock_off), and only that one may be taken. An array repeats only
 * kptrs and graph roots (btf_repeat_fields()): an array of locks, or of
 * structs holding one, makes the value's record an error on 6.12, and no
 * lock at all. The timer is found the same way, and 6.12 says only that
 * there is no valid one. (sl_btf_refused: values 6.12 refuses outright.) */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

struct nested_val {
	int x;
	struct {
		struct bpf_spin_lock l;
	} n;
};

struct two_val {
	struct bpf_spin_lock a;
	struct {
		struct bpf_spin_lock b;
	} n;
};

struct arr_val {
	struct {
		struct bpf_spin_lock l;
		int x;
	} e[2];
};

struct lock_arr_val {
	struct bpf_spin_lock l[2];
	int x;
};

struct timer_val {
	long x;
	struct {
		struct bpf_timer t;
	} n;
};

struct timer_arr_val {
	struct bpf_timer t[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct nested_val);
} nested SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct timer_arr_val);
} timer_arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct lock_arr_val);
} lock_arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct timer_val);
} timers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct two_val);
} two SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct arr_val);
} arr SEC(".maps");

SEC("tc")
int nested_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct nested_val *v = bpf_map_lookup_elem(&nested, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->n.l);
	v->x++;
	bpf_spin_unlock(&v->n.l);
	return 0;
}

SEC("tc")
int two_locks_inner(struct __sk_buff *skb)
{
	int k = 0;
	struct two_val *v = bpf_map_lookup_elem(&two, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->n.b);
	bpf_spin_unlock(&v->n.b);
	return 0;
}

SEC("tc")
int two_locks_outer(struct __sk_buff *skb)
{
	int k = 0;
	struct two_val *v = bpf_map_lookup_elem(&two, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->a);
	bpf_spin_unlock(&v->a);
	return 0;
}

SEC("tc")
int array_first_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct arr_val *v = bpf_map_lookup_elem(&arr, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->e[0].l);
	v->e[0].x++;
	bpf_spin_unlock(&v->e[0].l);
	return 0;
}

SEC("tc")
int array_last_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct arr_val *v = bpf_map_lookup_elem(&arr, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->e[1].l);
	v->e[1].x++;
	bpf_spin_unlock(&v->e[1].l);
	return 0;
}

SEC("tc")
int lock_array(struct __sk_buff *skb)
{
	int k = 0;
	struct lock_arr_val *v = bpf_map_lookup_elem(&lock_arr, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->l[0]);
	v->x++;
	bpf_spin_unlock(&v->l[0]);
	return 0;
}

SEC("tc")
int nested_timer(struct __sk_buff *skb)
{
	int k = 0;
	struct timer_val *v = bpf_map_lookup_elem(&timers, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->n.t, &timers, 1);
	return 0;
}

SEC("tc")
int timer_array(struct __sk_buff *skb)
{
	int k = 0;
	struct timer_arr_val *v = bpf_map_lookup_elem(&timer_arr, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t[0], &timer_arr, 1);
	return 0;
}
