/* Reserve a ringbuf record and either submit or discard it depending on the packet.
 * Accepted: both branches release the reference. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_disc SEC(".maps");

SEC("tc")
int ringbuf_discard(struct __sk_buff *skb)
{
	__u64 *rec = bpf_ringbuf_reserve(&rb_disc, 16, 0);

	if (!rec)
		return 0;
	rec[0] = skb->len;
	rec[1] = skb->protocol;
	if (skb->len < 64)
		bpf_ringbuf_discard(rec, 0);
	else
		bpf_ringbuf_submit(rec, BPF_RB_NO_WAKEUP);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
