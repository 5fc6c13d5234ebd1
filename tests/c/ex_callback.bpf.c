/* The exception callback (Linux 6.7+): a global function the main
 * program's `exception_callback:` decl tag names (libbpf 1.3+ appends it).
 * It takes the cookie (one integer argument), its return value is the
 * program's (checked against the program type's range, here cgroup_skb's
 * [0, 1]), it may not throw, nor be called directly, nor reach a tail call.
 * 6.1 has neither bpf_throw nor the tag's meaning: these fail to load
 * there. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

extern void bpf_throw(u64 cookie) __ksym;

#define __exception_cb(name) __attribute__((btf_decl_tag("exception_callback:" #name)))

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} jt SEC(".maps");

__noinline int cb_ok(u64 cookie)
{
	return cookie & 1;
}

__noinline int cb_bad_ret(u64 cookie)
{
	return cookie;
}

__noinline int cb_two_args(u64 a, u64 b)
{
	return 0;
}

__noinline int cb_throws(u64 cookie)
{
	bpf_throw(0);
	return 0;
}

static __noinline int tail(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jt, 0);
	return 0;
}

__noinline int cb_ptr_arg(struct __sk_buff *skb)
{
	return 0;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_ok)
int excb_ok(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(7);
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_ok)
int excb_unused(struct __sk_buff *skb)
{
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_bad_ret)
int excb_bad_ret(struct __sk_buff *skb)
{
	if (skb->len > 100)
		bpf_throw(7);
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_two_args)
int excb_two_args(struct __sk_buff *skb)
{
	bpf_throw(7);
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_ptr_arg)
int excb_ptr_arg(struct __sk_buff *skb)
{
	bpf_throw(7);
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_throws)
int excb_throws(struct __sk_buff *skb)
{
	return 1;
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_ok)
int excb_called_directly(struct __sk_buff *skb)
{
	return cb_ok(skb->len);
}

SEC("cgroup_skb/ingress")
__exception_cb(cb_ok)
int excb_big_cookie(struct __sk_buff *skb)
{
	/* the callback maps any cookie into range: no R1 check */
	if (skb->len > 100)
		bpf_throw(1000);
	return 1;
}

__noinline int cb_tail(u64 cookie)
{
	return 0;
}

SEC("tc")
__exception_cb(cb_tail)
int excb_main_tail_call(struct __sk_buff *skb)
{
	tail(skb);
	bpf_throw(1);
	return 0;
}
