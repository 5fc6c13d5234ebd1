/* A bpf_loop callback that reserves a ringbuf record and submits it only when
 * the loop index is even.  Rejected: the odd path returns from the callback while
 * still holding the record ("Unreleased reference"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_cbleak SEC(".maps");

static int reserve_cb(__u32 idx, void *data)
{
	__u32 *rec = bpf_ringbuf_reserve(&rb_cbleak, sizeof(*rec), 0);

	if (!rec)
		return 1;
	*rec = idx;
	if (idx & 1)
		return 0;
	bpf_ringbuf_submit(rec, 0);
	return 0;
}

SEC("tc")
int bpf_loop_cb_leak(struct __sk_buff *skb)
{
	bpf_loop(8, reserve_cb, 0, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
