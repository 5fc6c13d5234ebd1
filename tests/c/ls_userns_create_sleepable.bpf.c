/* userns_create is among the LSM hooks a sleepable program may attach to.
 * Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm.s/userns_create")
int BPF_PROG(ls_userns_create_sleepable, const struct cred *cred)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
