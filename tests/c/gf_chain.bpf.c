/* A global function calling another: each verified on its own. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_inner(int x)
{
	return x & 7;
}

__attribute__((noinline)) int gf_outer(int x)
{
	return gf_inner(x) + 1;
}

SEC("tc")
int gf_chain(struct __sk_buff *skb)
{
	return gf_outer(skb->len) > 3;
}

char LICENSE[] SEC("license") = "GPL";
