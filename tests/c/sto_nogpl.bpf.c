/* struct_ops: a program without a GPL-compatible license is refused ("struct ops programs must have a GPL compatible license"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "Dual BSD/MIT";

SEC("struct_ops/sto_nogpl")
__u32 BPF_PROG(sto_nogpl, struct sock *sk)
{
	return 2;
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_nogpl_ops = {
	.ssthresh = (void *)sto_nogpl,
	.name = "vs_nogpl",
};
