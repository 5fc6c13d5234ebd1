/* A global function's context argument given a stack pointer: each kernel
 * says it in its own words. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline int skb_len(struct __sk_buff *skb)
{
	return skb ? 1 : 0;
}

SEC("tc")
int gf_ctx_from_stack(struct __sk_buff *skb)
{
	struct __sk_buff fake = {};

	return skb_len(&fake);
}

char LICENSE[] SEC("license") = "GPL";
