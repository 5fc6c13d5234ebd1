/* Static __noinline subprograms that fill and read a buffer on the caller's stack
 * through a pointer argument.  Accepted: accesses stay inside the caller's frame. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __noinline void fill(__u32 *buf, __u32 seed)
{
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 4; i++)
		buf[i] = seed + i;
}

static __noinline __u32 fold(const __u32 *buf)
{
	return buf[0] ^ buf[1] ^ buf[2] ^ buf[3];
}

SEC("tc")
int subprog_stack_ptr(struct __sk_buff *skb)
{
	__u32 buf[4];

	fill(buf, skb->len);
	return fold(buf) & 1;
}

char LICENSE[] SEC("license") = "GPL";
