/* A struct_ops map in .struct_ops.link: libbpf creates it with BPF_F_LINK, which Linux 6.1's
 * bpf_struct_ops_map_alloc_check() refuses (map flags are 6.4+): the object fails on 6.1
 * ("map 'sd_link_ops': failed to create"), and is verified on 6.12. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/test_2")
int BPF_PROG(sd_link_test_2, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	return a1;
}

SEC(".struct_ops.link")
struct bpf_dummy_ops sd_link_ops = {
	.test_2 = (void *)sd_link_test_2,
};
