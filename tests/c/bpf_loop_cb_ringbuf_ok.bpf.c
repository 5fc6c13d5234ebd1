/* A bpf_loop callback that reserves and submits its own ringbuf record each time.
 * Accepted: the reference is acquired and released within the callback. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_cbok SEC(".maps");

static int emit_cb(__u32 idx, void *data)
{
	__u32 *rec = bpf_ringbuf_reserve(&rb_cbok, sizeof(*rec), 0);

	if (!rec)
		return 1;
	*rec = idx + *(__u32 *)data;
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

SEC("tc")
int bpf_loop_cb_ringbuf_ok(struct __sk_buff *skb)
{
	__u32 base = skb->len;

	bpf_loop(4, emit_cb, &base, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
