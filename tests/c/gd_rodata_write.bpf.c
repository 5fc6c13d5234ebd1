/* Global data: a program may not write into .rodata (the map is
 * BPF_F_RDONLY_PROG): rejected with "write into map forbidden". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

const volatile __u32 limit = 100;

SEC("tc")
int gd_rodata_write(struct __sk_buff *skb)
{
	*(volatile __u32 *)&limit = skb->len;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
