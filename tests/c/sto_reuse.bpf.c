/* One program in two members of struct_ops maps: libbpf 1.4 checks, as it
 * readies each map (bpf_map__init_kern_struct_ops()), that every use is
 * the same kernel struct's same member. sto_ru_ssthresh fills `ssthresh`
 * of both maps (allowed); sto_ru_undo fills `undo_cwnd` of the first and
 * `ssthresh` of the second, so loading any program of the object fails
 * with libbpf's "invalid reuse of prog" (expected_attach_type, the first
 * member's index, != kern_member_idx). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_ru_ssthresh")
__u32 BPF_PROG(sto_ru_ssthresh, struct sock *sk)
{
	return 2;
}

SEC("struct_ops/sto_ru_undo")
__u32 BPF_PROG(sto_ru_undo, struct sock *sk)
{
	return 4;
}

SEC("struct_ops/sto_ru_cong_avoid")
void BPF_PROG(sto_ru_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_ru_a = {
	.ssthresh = (void *)sto_ru_ssthresh,
	.cong_avoid = (void *)sto_ru_cong_avoid,
	.undo_cwnd = (void *)sto_ru_undo,
	.name = "vs_ru_a",
};

SEC(".struct_ops")
struct tcp_congestion_ops sto_ru_b = {
	.ssthresh = (void *)sto_ru_undo,
	.cong_avoid = (void *)sto_ru_cong_avoid,
	.undo_cwnd = (void *)sto_ru_ssthresh,
	.name = "vs_ru_b",
};
