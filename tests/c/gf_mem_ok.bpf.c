/* The same with the NULL check in the global function: accepted, and the
 * caller's stack pointer matches the prototype (4 readable bytes). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_read_ok(int *p)
{
	if (!p)
		return 0;
	return *p;
}

SEC("tc")
int gf_mem_ok(struct __sk_buff *skb)
{
	int v = skb->len;

	return gf_read_ok(&v) > 10;
}

char LICENSE[] SEC("license") = "GPL";
