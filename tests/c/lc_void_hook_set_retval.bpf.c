/* bpf_set_retval on a void hook: refused after its arguments ("BPF_LSM_CGROUP
 * that attach to void LSM hooks can't modify return value!"), both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm_cgroup/inet_csk_clone")
int BPF_PROG(lc_void_hook_set_retval, struct sock *newsk, const struct request_sock *req)
{
	bpf_set_retval(-1);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
