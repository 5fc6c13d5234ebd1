/* struct_ops bpf_dummy_ops: test_1 reads and writes its state after checking it (6.12's stub calls it nullable) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/test_1")
int BPF_PROG(sd_state_rw, struct bpf_dummy_ops_state *state)
{
	int v;

	asm volatile ("if %[s] != 0 goto +2; r0 = 7; exit;" :: [s]"r"(state));
	v = state->val;
	state->val = v + 1;
	return v;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_state_rw_ops = {
	.test_1 = (void *)sd_state_rw,
};
