/* A loop whose bound is skb->len, unknown to the verifier.
 * Rejected: each iteration gives the counter a new exact value, so states never
 * match and the verifier gives up ("BPF program is too large"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int loop_unbounded(struct __sk_buff *skb)
{
	__u32 n = skb->len;
	__u32 acc = 0;
	__u32 i;

#pragma clang loop unroll(disable)
	for (i = 0; i < n; i++) {
		acc ^= i * 3;
		asm volatile("" : "+r"(acc));
	}
	return acc & 1;
}

char LICENSE[] SEC("license") = "GPL";
