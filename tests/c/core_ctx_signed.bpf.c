/* CO-RE on a context: mark declared signed 64-bit; the kernel's is
 * __u32, and a signed field may not be read narrower: libbpf poisons the
 * load. Rejected where it is walked. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct __sk_buff___local {
	__s64 mark;
} __attribute__((preserve_access_index));

SEC("tc")
int core_ctx_signed(struct __sk_buff___local *skb)
{
	return skb->mark > 0;
}

char LICENSE[] SEC("license") = "GPL";
