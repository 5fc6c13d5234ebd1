/* Indexes a 16-byte, fully initialised stack array with (skb->mark & 15).
 * Accepted: privileged programs may use bounded variable-offset stack accesses. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int stack_var_index_ok(struct __sk_buff *skb)
{
	volatile __u8 buf[16] = {};
	__u32 idx = skb->mark & 15;

	buf[idx] = 1;
	return buf[(idx + 1) & 15];
}

char LICENSE[] SEC("license") = "GPL";
