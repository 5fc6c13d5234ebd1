/* tc program tail-calling through a PROG_ARRAY and falling through on failure.
 * Accepted: bpf_tail_call with a prog-array map and a scalar index. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jmp_tbl SEC(".maps");

SEC("tc")
int tail_call_prog_array(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp_tbl, skb->mark & 3);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
