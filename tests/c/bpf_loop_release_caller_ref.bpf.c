/* The caller reserves a ringbuf record and the bpf_loop callback submits it.
 * Rejected by 6.1: a callback may not release a reference acquired by its caller
 * ("reference has not been acquired before"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb_rel SEC(".maps");

struct rel_ctx {
	__u64 *rec;
};

static int submit_cb(__u32 idx, void *data)
{
	struct rel_ctx *c = data;

	if (c->rec) {
		bpf_ringbuf_submit(c->rec, 0);
		c->rec = 0;
	}
	return 1;
}

SEC("tc")
int bpf_loop_release_caller_ref(struct __sk_buff *skb)
{
	struct rel_ctx c;
	__u64 *rec;

	rec = bpf_ringbuf_reserve(&rb_rel, sizeof(*rec), 0);
	if (!rec)
		return 0;
	*rec = skb->len;
	c.rec = rec;
	bpf_loop(1, submit_cb, &c, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
