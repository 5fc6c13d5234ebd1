/* Passes an 8-byte key on the stack to bpf_map_lookup_elem where only 4 bytes
 * were written.  Accepted by 6.1 for a privileged loader (allow_uninit_stack);
 * an unprivileged one would get "invalid indirect read from stack". */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u64);
	__type(value, __u32);
} uk_map SEC(".maps");

SEC("tc")
int uninit_stack_helper(struct __sk_buff *skb)
{
	__u64 key;
	__u32 *v;

	*(volatile __u32 *)&key = skb->mark;
	v = bpf_map_lookup_elem(&uk_map, &key);
	return v ? *v : 0;
}

char LICENSE[] SEC("license") = "GPL";
