/* A global function is verified alone and must return a scalar: both 6.1
 * and 6.12 refuse one whose R0 holds a pointer at its exit ("At subprogram
 * exit the register R0 is not a scalar value (ctx)"), whatever its
 * prototype says. A static function may return a pointer to its caller. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

__noinline long ret_ctx(struct __sk_buff *skb)
{
	return (long)skb;
}

SEC("tc")
int global_returns_ctx(struct __sk_buff *skb)
{
	return ret_ctx(skb) != 0;
}

__noinline long ret_len(struct __sk_buff *skb)
{
	if (!skb)
		return 0;
	return skb->len;
}

SEC("tc")
int global_returns_scalar(struct __sk_buff *skb)
{
	return ret_len(skb) > 10;
}

static __noinline long static_ret_ctx(struct __sk_buff *skb)
{
	return (long)skb;
}

SEC("tc")
int static_returns_ctx(struct __sk_buff *skb)
{
	return static_ret_ctx(skb) != 0;
}
