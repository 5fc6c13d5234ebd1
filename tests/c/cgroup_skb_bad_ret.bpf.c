/* cgroup_skb/ingress program that may return 2.
 * Rejected: cgroup_skb ingress must return 0 or 1
 * ("At program exit the register R0 has value ... should have been in (0x0; 0x1)"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup_skb/ingress")
int cgroup_skb_bad_ret(struct __sk_buff *skb)
{
	if (skb->len > 1500)
		return 2;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
