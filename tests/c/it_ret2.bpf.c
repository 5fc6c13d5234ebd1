/* An iterator returns 0 or 1: 2 is refused. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("iter/task")
int it_ret2(struct bpf_iter__task *ctx)
{
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
