/* struct_ops: a read past the promoted tcp_sock's end ("access beyond struct tcp_sock"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_sock_read")
__attribute__((naked)) __u32 sto_sock_read(void)
{
	asm volatile ("r1 = *(u64 *)(r1 + 0); r0 = *(u32 *)(r1 + 0x3000); exit");
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_sock_read_ops = {
	.ssthresh = (void *)sto_sock_read,
	.name = "vs_sock_read",
};
