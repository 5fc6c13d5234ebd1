/* A global function with hidden visibility (as libbpf's usdt.bpf.h
 * declares its helpers): libbpf marks it static in BTF, so it is verified
 * with its caller's arguments, and its unchecked pointer is the caller's
 * stack. Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline, visibility("hidden"))) int gf_hidden_read(long *p)
{
	return *p > 3;
}

SEC("tc")
int gf_hidden(struct __sk_buff *skb)
{
	long v = skb->len;

	return gf_hidden_read(&v);
}

char LICENSE[] SEC("license") = "GPL";
