/* CO-RE on a context: a local __sk_buff flavour with mark as __u64 (the
 * kernel's is __u32) and len at another offset. libbpf moves the loads
 * to the kernel's offsets and narrows mark's load to 4 bytes (an
 * unsigned integer may be read narrower). Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct __sk_buff___local {
	__u64 mark;
	__u32 len;
} __attribute__((preserve_access_index));

SEC("tc")
int core_ctx_resize(struct __sk_buff___local *skb)
{
	return skb->len + (__u32)skb->mark;
}

char LICENSE[] SEC("license") = "GPL";
