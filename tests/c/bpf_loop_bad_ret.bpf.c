/* bpf_loop callback returning 2.
 * Rejected: a bpf_loop callback must return 0 (continue) or 1 (stop)
 * ("At callback return the register R0 has value ..."). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static int bad_cb(__u32 idx, void *data)
{
	return 2;
}

SEC("tc")
int bpf_loop_bad_ret(struct __sk_buff *skb)
{
	long n = bpf_loop(4, bad_cb, 0, 0);

	return n > 0;
}

char LICENSE[] SEC("license") = "GPL";
