/* struct_ops bpf_dummy_ops: the sleepable member 6.12 added (6.1 lacks it: libbpf skips the member and does not load the program) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


struct bpf_dummy_ops___v612 {
	int (*test_1)(struct bpf_dummy_ops_state *state);
	int (*test_2)(struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
		      char a3, unsigned long a4);
	int (*test_sleepable)(struct bpf_dummy_ops_state *state);
};

SEC("struct_ops.s/test_sleepable")
int BPF_PROG(sd_sleepable_member, struct bpf_dummy_ops_state *state)
{
	return state->val;
}

SEC(".struct_ops")
struct bpf_dummy_ops___v612 sd_sleepable_member_ops = {
	.test_sleepable = (void *)sd_sleepable_member,
};
