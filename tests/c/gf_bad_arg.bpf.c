/* The caller passes the context where the global function's prototype
 * says int: refused at the call. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int gf_twice_it(long x)
{
	return x * 2;
}

SEC("tc")
int gf_bad_arg(struct __sk_buff *skb)
{
	return gf_twice_it((long)skb);
}

char LICENSE[] SEC("license") = "GPL";
