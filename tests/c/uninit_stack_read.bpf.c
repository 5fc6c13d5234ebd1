/* Reads a stack slot that was only written on one branch.
 * Accepted by 6.1 for a privileged loader (allow_uninit_stack: the read gives an
 * unknown scalar); unprivileged it would be "invalid read from stack". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int uninit_stack_read(struct __sk_buff *skb)
{
	volatile __u64 slot;

	if (skb->mark == 3)
		slot = skb->len;
	return slot & 1;
}

char LICENSE[] SEC("license") = "GPL";
