/* struct_ops bpf_dummy_ops: its verifier_ops offer no helper at all */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/test_2")
int BPF_PROG(sd_helper, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	return bpf_ktime_get_ns() & 1;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_helper_ops = {
	.test_2 = (void *)sd_helper,
};
