/* A for-loop with a constant trip count (not unrolled) summing a stack array.
 * Accepted: the verifier walks each iteration; the counter is a known constant
 * on every pass, so the loop terminates and all stack reads are in bounds. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int loop_const_bound(struct __sk_buff *skb)
{
	__u32 vals[8];
	__u32 sum = 0;
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 8; i++)
		vals[i] = skb->len + i;
#pragma clang loop unroll(disable)
	for (i = 0; i < 8; i++)
		sum += vals[i];
	return sum & 1;
}

char LICENSE[] SEC("license") = "GPL";
