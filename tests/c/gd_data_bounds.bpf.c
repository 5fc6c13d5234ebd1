/* Global data: an index into a .bss array is bounds-checked like any map
 * value: without the check the access may run past the section. Rejected. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__u32 table[4];

SEC("tc")
int gd_data_bounds(struct __sk_buff *skb)
{
	__u32 i = skb->mark & 7;

	return table[i];
}

char LICENSE[] SEC("license") = "GPL";
