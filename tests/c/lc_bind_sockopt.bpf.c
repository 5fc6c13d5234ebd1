/* socket_bind is not among the hooks that may set socket options: the
 * helper is unknown to a cgroup LSM program there ("unknown func
 * bpf_setsockopt#49" on 6.1, "program of this type cannot use helper" on
 * 6.12). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define SOL_SOCKET 1
#define SO_MARK 36

SEC("lsm_cgroup/socket_bind")
int BPF_PROG(lc_bind_sockopt, struct socket *sock, struct sockaddr *address,
	     int addrlen)
{
	int mark = 42;

	if (sock->sk)
		bpf_setsockopt(sock->sk, SOL_SOCKET, SO_MARK, &mark, sizeof(mark));
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
