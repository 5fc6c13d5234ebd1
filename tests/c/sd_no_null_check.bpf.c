/* struct_ops bpf_dummy_ops: test_1 reads its state unchecked (6.12: the argument may be NULL; 6.1: a plain pointer) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/test_1")
int BPF_PROG(sd_no_null_check, struct bpf_dummy_ops_state *state)
{
	return state->val;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_no_null_check_ops = {
	.test_1 = (void *)sd_no_null_check,
};
