/* BPF exceptions (Linux 6.7+): bpf_throw(cookie) unwinds the whole program
 * from any frame. 6.1 has no bpf_throw (libbpf cannot resolve the kfunc, so
 * every program here fails to load there). On 6.12 the path ends at the
 * throw: every reference the throwing frame holds is a leak (those main
 * passed down too), main may not throw inside an RCU section or a
 * non-preemptible region (6.12.95 says "bpf_rcu_read_unlock is missing";
 * a static subprogram that throws there is let through), nor under a
 * spin lock (no kfunc call is). Without an exception callback the cookie
 * is the program's return value, checked as R1. A throw that may run
 * under a callback (bpf_loop's, a timer's, or anything they call) is
 * refused after the walk, by the stack-depth pass. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

extern void bpf_throw(u64 cookie) __ksym;
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;
extern void bpf_preempt_disable(void) __ksym;
extern void bpf_preempt_enable(void) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct elem {
	struct bpf_timer t;
	struct bpf_spin_lock lock;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct elem);
} arr SEC(".maps");

SEC("tc")
int throw_ok(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(1);
	return 0;
}

SEC("tc")
int throw_with_ref(struct __sk_buff *skb)
{
	void *p = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!p)
		return 0;
	if (skb->len > 100)
		bpf_throw(1);
	bpf_ringbuf_discard(p, 0);
	return 0;
}

SEC("tc")
int throw_after_release(struct __sk_buff *skb)
{
	void *p = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!p)
		return 0;
	bpf_ringbuf_discard(p, 0);
	bpf_throw(2);
	return 0;
}

static __noinline int sub_throws(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(3);
	return 0;
}

SEC("tc")
int throw_in_subprog(struct __sk_buff *skb)
{
	return sub_throws(skb);
}

static __noinline int sub_throws_ref(struct __sk_buff *skb, void *p)
{
	if (skb->len > 100)
		bpf_throw(3);
	return 0;
}

SEC("tc")
int throw_in_subprog_holding_callers_ref(struct __sk_buff *skb)
{
	void *p = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!p)
		return 0;
	sub_throws_ref(skb, p);
	bpf_ringbuf_discard(p, 0);
	return 0;
}

SEC("tc")
int throw_in_rcu(struct __sk_buff *skb)
{
	bpf_rcu_read_lock();
	if (skb->len > 100)
		bpf_throw(4);
	bpf_rcu_read_unlock();
	return 0;
}

SEC("tc")
int throw_in_subprog_in_rcu(struct __sk_buff *skb)
{
	int r;

	bpf_rcu_read_lock();
	r = sub_throws(skb);
	bpf_rcu_read_unlock();
	return r;
}

SEC("tc")
int throw_with_preempt_disabled(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	if (skb->len > 100)
		bpf_throw(4);
	bpf_preempt_enable();
	return 0;
}

SEC("tc")
int throw_under_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct elem *e = bpf_map_lookup_elem(&arr, &k);

	if (!e)
		return 0;
	bpf_spin_lock(&e->lock);
	if (skb->len > 100)
		bpf_throw(5);
	bpf_spin_unlock(&e->lock);
	return 0;
}

static int loop_cb_throws(__u32 i, void *ctx)
{
	if (i > 5)
		bpf_throw(6);
	return 0;
}

SEC("tc")
int throw_in_loop_callback(struct __sk_buff *skb)
{
	bpf_loop(10, loop_cb_throws, NULL, 0);
	return 0;
}

static __noinline int deep_throw(__u32 i)
{
	if (i > 5)
		bpf_throw(7);
	return 0;
}

static int loop_cb_calls_thrower(__u32 i, void *ctx)
{
	deep_throw(i);
	return 0;
}

SEC("tc")
int throw_below_loop_callback(struct __sk_buff *skb)
{
	bpf_loop(10, loop_cb_calls_thrower, NULL, 0);
	return 0;
}

static int loop_cb_throws_ref(__u32 i, void *ctx)
{
	if (i > 5)
		bpf_throw(6);
	return 0;
}

SEC("tc")
int throw_in_loop_callback_holding_ref(struct __sk_buff *skb)
{
	void *p = bpf_ringbuf_reserve(&rb, 8, 0);

	if (!p)
		return 0;
	bpf_loop(10, loop_cb_throws_ref, NULL, 0);
	bpf_ringbuf_discard(p, 0);
	return 0;
}

static int timer_cb_throws(void *map, int *key, struct elem *val)
{
	bpf_throw(0);
	return 0;
}

SEC("tc")
int throw_in_timer_callback(struct __sk_buff *skb)
{
	int k = 0;
	struct elem *e = bpf_map_lookup_elem(&arr, &k);

	if (!e)
		return 0;
	bpf_timer_init(&e->t, &arr, 1);
	bpf_timer_set_callback(&e->t, timer_cb_throws);
	return 0;
}

SEC("cgroup_skb/ingress")
int throw_cookie_in_range(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(1);
	return 1;
}

SEC("cgroup_skb/ingress")
int throw_cookie_out_of_range(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(2);
	return 1;
}

static __noinline int global_like_cookie(struct __sk_buff *skb)
{
	bpf_throw(skb->len);
	return 0;
}

SEC("cgroup_skb/ingress")
int throw_unknown_cookie(struct __sk_buff *skb)
{
	if (skb->len > 100)
		return global_like_cookie(skb);
	return 1;
}
