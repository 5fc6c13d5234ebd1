/* A prog array filled by the object itself (`.values`): libbpf fills it after loading every
 * program. kernel-diff loads one program at a time, so libbpf cannot fill the slots and fails
 * the load after the kernel verified the program; kernel-diff reads that as the kernel's
 * verdict (its log has no message). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
char LICENSE[] SEC("license") = "GPL";

int tail_a(struct __sk_buff *skb);

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__uint(key_size, sizeof(__u32));
	__array(values, int (void *));
} jmp_table SEC(".maps") = {
	.values = { [1] = (void *)&tail_a },
};

SEC("tc")
int tail_a(struct __sk_buff *skb)
{
	return skb->len > 100;
}

SEC("tc")
int entry(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp_table, 1);
	return 0;
}
