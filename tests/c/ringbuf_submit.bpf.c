/* Reserve a ringbuf record, fill it, submit it.
 * Accepted: NULL is checked and the record is released on every path. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_sub SEC(".maps");

struct event {
	__u32 len;
	__u32 mark;
	__u64 ts;
};

SEC("tc")
int ringbuf_submit(struct __sk_buff *skb)
{
	struct event *e = bpf_ringbuf_reserve(&rb_sub, sizeof(*e), 0);

	if (!e)
		return 0;
	e->len = skb->len;
	e->mark = skb->mark;
	e->ts = bpf_ktime_get_ns();
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
