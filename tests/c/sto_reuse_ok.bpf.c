/* One program in the same member of two struct_ops maps of one kernel
 * struct (sto_reuse.bpf.c's allowed case alone): libbpf 1.4 takes it, and
 * each program is verified as that member. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_rk_ssthresh")
__u32 BPF_PROG(sto_rk_ssthresh, struct sock *sk)
{
	return 2;
}

SEC("struct_ops/sto_rk_undo")
__u32 BPF_PROG(sto_rk_undo, struct sock *sk)
{
	return 4;
}

SEC("struct_ops/sto_rk_cong_avoid")
void BPF_PROG(sto_rk_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_rk_a = {
	.ssthresh = (void *)sto_rk_ssthresh,
	.cong_avoid = (void *)sto_rk_cong_avoid,
	.undo_cwnd = (void *)sto_rk_undo,
	.name = "vs_rk_a",
};

SEC(".struct_ops")
struct tcp_congestion_ops sto_rk_b = {
	.ssthresh = (void *)sto_rk_ssthresh,
	.cong_avoid = (void *)sto_rk_cong_avoid,
	.undo_cwnd = (void *)sto_rk_undo,
	.name = "vs_rk_b",
};
