/* Indexes a 16-byte stack array with an unbounded index from skb->mark.
 * Rejected: variable-offset stack access with an unbounded index goes out of the
 * frame ("invalid unbounded variable-offset ... stack" / "min value is outside"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int stack_var_index(struct __sk_buff *skb)
{
	volatile __u8 buf[16] = {};
	__u32 idx = skb->mark;

	buf[idx] = 1;
	return buf[0];
}

char LICENSE[] SEC("license") = "GPL";
