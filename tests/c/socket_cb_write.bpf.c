/* Socket filter that stores into skb->cb[] and reads it back.
 * Accepted: cb[0..4] is the writable scratch area of __sk_buff. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("socket")
int socket_cb_write(struct __sk_buff *skb)
{
	skb->cb[0] = skb->len;
	skb->cb[4] = skb->protocol;
	return skb->cb[0] > 60 ? skb->len : 0;
}

char LICENSE[] SEC("license") = "GPL";
