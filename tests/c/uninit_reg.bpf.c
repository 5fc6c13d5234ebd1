/* Returns callee-saved register r7 without ever writing it (inline asm reads it).
 * Rejected: r7 is not initialised at program entry ("R7 !read_ok"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int uninit_reg(struct __sk_buff *skb)
{
	long out;

	asm volatile("%[out] = r7" : [out] "=r"(out));
	return out;
}

char LICENSE[] SEC("license") = "GPL";
