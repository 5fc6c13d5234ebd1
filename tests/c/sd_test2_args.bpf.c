/* struct_ops bpf_dummy_ops: test_2 reads its five arguments; its state is not nullable */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


__u64 seen[5];

SEC("struct_ops/test_2")
int BPF_PROG(sd_test2_args, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	seen[0] = state->val;
	seen[1] = a1;
	seen[2] = a2;
	seen[3] = a3;
	seen[4] = a4;
	return 0;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_test2_args_ops = {
	.test_2 = (void *)sd_test2_args,
};
