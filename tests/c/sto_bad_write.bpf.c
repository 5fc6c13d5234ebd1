/* struct_ops: a congestion control may not write its socket's srtt_us ("no write support to tcp_sock at off N", N each kernel's offset). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_bad_write")
void BPF_PROG(sto_bad_write, struct sock *sk, __u32 ev)
{
	((struct tcp_sock *)sk)->srtt_us = 1;
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_bad_write_ops = {
	.cwnd_event = (void *)sto_bad_write,
	.name = "vs_bad_write",
};
