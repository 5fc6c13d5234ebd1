/* A congestion control kfunc given what is not a kernel object: its
 * struct tcp_sock * argument must be a BTF pointer ("arg#0 pointer type
 * STRUCT tcp_sock must point to scalar, or struct with scalar"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

extern __u32 tcp_slow_start(struct tcp_sock *tp, __u32 acked) __ksym;

SEC("struct_ops/stk_arg")
__u32 BPF_PROG(stk_arg, struct sock *sk)
{
	__u64 buf[2] = {};

	return tcp_slow_start((struct tcp_sock *)buf, 1);
}

SEC(".struct_ops")
struct tcp_congestion_ops stk_arg_ca = {
	.ssthresh = (void *)stk_arg,
	.name = "vs_stk_arg",
};
