/* A bpf_loop callback that calls a static __noinline subprogram and stops early
 * by returning 1.  Accepted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __noinline __u32 mix(__u32 a, __u32 b)
{
	return (a << 3) ^ (b * 7);
}

static int mix_cb(__u32 idx, void *data)
{
	__u32 *h = data;

	*h = mix(*h, idx);
	return *h == 0 ? 1 : 0;
}

SEC("socket")
int bpf_loop_subprog(struct __sk_buff *skb)
{
	__u32 h = skb->len;

	bpf_loop(32, mix_cb, &h, 0);
	return h & 0xffff;
}

char LICENSE[] SEC("license") = "GPL";
