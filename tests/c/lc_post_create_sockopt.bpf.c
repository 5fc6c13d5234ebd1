/* socket_post_create is one of the hooks whose cgroup LSM programs may set
 * socket options (bpf_lsm_unlocked_sockopt_hooks): SO_MARK on the new
 * socket. Accepted by 6.1; 6.12 refuses it, as sock->sk is a trusted
 * pointer that may be NULL there, which bpf_setsockopt does not take (the
 * NULL check does not reach it through the reload). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define SOL_SOCKET 1
#define SO_MARK 36

SEC("lsm_cgroup/socket_post_create")
int BPF_PROG(lc_post_create_sockopt, struct socket *sock, int family, int type,
	     int protocol, int kern)
{
	int mark = 42;

	if (sock->sk)
		bpf_setsockopt(sock->sk, SOL_SOCKET, SO_MARK, &mark, sizeof(mark));
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
