/* struct_ops: ssthresh returns a u32, so R0 must be set at exit ("R0 !read_ok"); a void member's R0 is never looked at. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_no_ret")
__attribute__((naked)) __u32 sto_no_ret(void)
{
	asm volatile ("exit");
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_no_ret_ops = {
	.ssthresh = (void *)sto_no_ret,
	.name = "vs_no_ret",
};
