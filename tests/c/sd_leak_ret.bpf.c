/* struct_ops bpf_dummy_ops: returning the state pointer leaks it */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/test_2")
long BPF_PROG(sd_leak_ret, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	      char a3, unsigned long a4)
{
	return (long)state;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_leak_ret_ops = {
	.test_2 = (void *)sd_leak_ret,
};
