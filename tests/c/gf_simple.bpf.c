/* A global function: verified on its own with its BTF arguments (an int
 * and a context pointer); the caller sees an unknown scalar back. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_helper(struct __sk_buff *skb, int x)
{
	if (x > 10)
		return skb->len;
	return x * 2;
}

SEC("tc")
int gf_simple(struct __sk_buff *skb)
{
	int r = gf_helper(skb, skb->mark & 0xff);

	return r > 5 ? 1 : 0;
}

char LICENSE[] SEC("license") = "GPL";
