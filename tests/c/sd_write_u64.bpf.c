/* struct_ops bpf_dummy_ops: an 8-byte store into the 4-byte state (6.1: the walk refuses it; 6.12: the struct's own check) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/test_2")
int BPF_PROG(sd_write_u64, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	*(volatile __u64 *)state = a4;
	return 0;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_write_u64_ops = {
	.test_2 = (void *)sd_write_u64,
};
