/* struct_ops: snd_cwnd_stamp is writable from 6.12 on (bpf_tcp_ca_btf_struct_access): 6.1 rejects ("no write support"), 6.12 accepts. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_cwnd_stamp")
void BPF_PROG(sto_cwnd_stamp, struct sock *sk, __u32 ack, __u32 acked)
{
	((struct tcp_sock *)sk)->snd_cwnd_stamp = 0;
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_cwnd_stamp_ops = {
	.cong_avoid = (void *)sto_cwnd_stamp,
	.name = "vs_cwnd_stamp",
};
