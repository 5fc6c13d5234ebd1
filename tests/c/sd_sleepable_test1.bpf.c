/* struct_ops bpf_dummy_ops: test_1 loaded sleepable (6.1: no struct_ops may sleep; 6.12: only test_sleepable) */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops.s/test_1")
int BPF_PROG(sd_sleepable_test1, struct bpf_dummy_ops_state *state)
{
	return 0;
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_sleepable_test1_ops = {
	.test_1 = (void *)sd_sleepable_test1,
};
