/* Submit the same ringbuf record twice.
 * Rejected: after the first submit the pointer is gone; the second call passes
 * an invalidated register (scalar / unknown reference). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_dbl SEC(".maps");

SEC("tc")
int ringbuf_double_submit(struct __sk_buff *skb)
{
	__u32 *rec = bpf_ringbuf_reserve(&rb_dbl, sizeof(*rec), 0);

	if (!rec)
		return 0;
	*rec = 1;
	bpf_ringbuf_submit(rec, 0);
	asm volatile("" : "+r"(rec));
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
