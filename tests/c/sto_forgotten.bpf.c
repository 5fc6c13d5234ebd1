/* A SEC("struct_ops") program no struct_ops map refers to: libbpf creates
 * the object's maps, then refuses it when it loads it ("isn't referenced
 * anywhere, did you forget to use it?"), and the kernel never sees it; its
 * sibling, a member of the map, is verified. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_fg_ssthresh")
__u32 BPF_PROG(sto_fg_ssthresh, struct sock *sk)
{
	return 2;
}

SEC("struct_ops/sto_fg_undo")
__u32 BPF_PROG(sto_fg_undo, struct sock *sk)
{
	return 4;
}

SEC("struct_ops/sto_fg_cong_avoid")
void BPF_PROG(sto_fg_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_fg = {
	.ssthresh = (void *)sto_fg_ssthresh,
	.cong_avoid = (void *)sto_fg_cong_avoid,
	.name = "vs_fg",
};
