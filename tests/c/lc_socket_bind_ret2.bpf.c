/* A cgroup LSM program returns 0 (deny) or 1 (allow): 2 is refused at the
 * exit, "At program exit the register R0 has value (0x2; 0x0) should have
 * been in (0x0; 0x1)" on 6.1 (6.12 prints the range in its own words). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm_cgroup/socket_bind")
int BPF_PROG(lc_socket_bind_ret2, struct socket *sock, struct sockaddr *address,
	     int addrlen)
{
	return 2;
}

char LICENSE[] SEC("license") = "GPL";
