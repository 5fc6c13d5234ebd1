/* Three nested static __noinline calls, each with a ~200-byte stack buffer.
 * Rejected: the frames add up past 512 bytes ("combined stack size of 3 calls"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __noinline __u64 level3(__u64 x)
{
	volatile __u64 buf[26];
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 26; i++)
		buf[i] = x + i;
	return buf[x & 15];
}

static __noinline __u64 level2(__u64 x)
{
	volatile __u64 buf[26];
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 26; i++)
		buf[i] = x * i;
	return level3(buf[x & 15]) + buf[3];
}

SEC("tc")
int subprog_stack_too_big(struct __sk_buff *skb)
{
	volatile __u64 buf[26];
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 26; i++)
		buf[i] = skb->len - i;
	return level2(buf[skb->len & 15]) + buf[5];
}

char LICENSE[] SEC("license") = "GPL";
