/* Reserve a ringbuf record but return early on one path without submitting.
 * Rejected: the early return leaks the reference ("Unreleased reference"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_leak SEC(".maps");

SEC("tc")
int ringbuf_leak(struct __sk_buff *skb)
{
	__u32 *rec = bpf_ringbuf_reserve(&rb_leak, sizeof(*rec), 0);

	if (!rec)
		return 0;
	*rec = skb->len;
	if (skb->mark == 1)
		return 1;
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
