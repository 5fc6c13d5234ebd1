/* inet_csk_clone is a void LSM hook: a cgroup LSM program there must return
 * 1. Returning 0 is refused with the kernel's note ("BPF_LSM_CGROUP that
 * attach to void LSM hooks can't modify return value!"), on both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm_cgroup/inet_csk_clone")
int BPF_PROG(lc_void_hook_ret0, struct sock *newsk, const struct request_sock *req)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
