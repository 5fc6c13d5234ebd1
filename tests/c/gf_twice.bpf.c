/* A global function called twice: verified once on its own (any int),
 * each call skipped. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_clamp(int x)
{
	if (x < 0)
		return 0;
	if (x > 100)
		return 100;
	return x;
}

SEC("tc")
int gf_twice(struct __sk_buff *skb)
{
	return gf_clamp(skb->len) + gf_clamp(skb->mark);
}

char LICENSE[] SEC("license") = "GPL";
