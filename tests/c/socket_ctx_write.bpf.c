/* Socket filter that writes skb->mark.
 * Rejected: socket filters may only write skb->cb[]; ("invalid bpf_context access"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("socket")
int socket_ctx_write(struct __sk_buff *skb)
{
	skb->mark = 42;
	return skb->len;
}

char LICENSE[] SEC("license") = "GPL";
