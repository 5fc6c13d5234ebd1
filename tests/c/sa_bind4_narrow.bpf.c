/* A bind4 hook reading single bytes of user_ip4 and user_port (narrow
 * reads of any byte of those fields are allowed; the loads are written in
 * assembly so that clang keeps them narrow). Accepted by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("cgroup/bind4")
int sa_bind4_narrow(struct bpf_sock_addr *ctx)
{
	__u64 b1, b3, p1;

	asm volatile("%0 = *(u8 *)(%1 + 5)" : "=r"(b1) : "r"(ctx));
	asm volatile("%0 = *(u8 *)(%1 + 7)" : "=r"(b3) : "r"(ctx));
	asm volatile("%0 = *(u8 *)(%1 + 25)" : "=r"(p1) : "r"(ctx));
	return (b1 + b3 + p1) & 1;
}

char LICENSE[] SEC("license") = "GPL";
