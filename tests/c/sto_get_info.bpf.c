/* struct_ops: get_info is a member BPF may not implement ("attach to unsupported member get_info of struct tcp_congestion_ops", ENOTSUPP). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_get_info")
__u64 BPF_PROG(sto_get_info, struct sock *sk, __u32 ext, int *attr, void *info)
{
	return 0;
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_get_info_ops = {
	.get_info = (void *)sto_get_info,
	.name = "vs_get_info",
};
