/* bpf_get_retval in a cgroup LSM program on an int hook, and get_attach_cookie
 * is not offered (no trampoline): this one only reads the retval and
 * denies when an earlier program did. Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm_cgroup/socket_create")
int BPF_PROG(lc_get_retval, int family, int type, int protocol, int kern)
{
	return bpf_get_retval() == 0;
}

char LICENSE[] SEC("license") = "GPL";
