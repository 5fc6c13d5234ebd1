/* A loop that never changes any state (spins on a register copy).
 * Rejected: the verifier finds an identical state at the loop head
 * ("infinite loop detected"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int infinite_loop(struct __sk_buff *skb)
{
	__u32 x = skb->mark;

	if (x == 7) {
		for (;;)
			asm volatile("" : "+r"(x));
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
