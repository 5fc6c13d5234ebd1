/* The unix socket hooks of cgroup_sock_addr (6.7+): recvmsg, getpeername
 * and getsockname report an address and must return 1; connect and
 * sendmsg may refuse (0) or allow (1) and may use socket options, the
 * reporting hooks may not. Linux 6.1 knows none of these attach types and
 * refuses the load before the verifier runs. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/recvmsg_unix")
int ux_recvmsg_zero(struct bpf_sock_addr *ctx)
{
	return 0;
}

SEC("cgroup/connect_unix")
int ux_connect_ok(struct bpf_sock_addr *ctx)
{
	return 1;
}

SEC("cgroup/sendmsg_unix")
int ux_sendmsg_two(struct bpf_sock_addr *ctx)
{
	return 2;
}

__u32 seen;

SEC("cgroup/getsockname_unix")
int ux_getsockname_ip4(struct bpf_sock_addr *ctx)
{
	/* no IPv4 address on a unix socket */
	seen = ctx->user_ip4;
	return 1;
}

SEC("cgroup/sendmsg_unix")
int ux_sendmsg_ip6(struct bpf_sock_addr *ctx)
{
	/* nor an IPv6 one */
	seen = ctx->user_ip6[0];
	return 1;
}

SEC("cgroup/getpeername_unix")
int ux_getpeername_sockopt(struct bpf_sock_addr *ctx)
{
	int v = 0;

	/* socket options only on connect, sendmsg and recvmsg */
	bpf_getsockopt(ctx, 1, 2, &v, sizeof(v));
	return 1;
}

SEC("cgroup/getpeername_unix")
int ux_getpeername_one(struct bpf_sock_addr *ctx)
{
	return ctx->user_family == 1;
}

char LICENSE[] SEC("license") = "GPL";
