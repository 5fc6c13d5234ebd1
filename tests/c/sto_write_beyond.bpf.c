/* struct_ops: an 8-byte write at snd_cwnd (a u32) runs past the field ("write access at off N with size 8 beyond the member of tcp_sock ended at M"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_write_beyond")
void BPF_PROG(sto_write_beyond, struct sock *sk)
{
	*(__u64 *)&((struct tcp_sock *)sk)->snd_cwnd = 1;
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_write_beyond_ops = {
	.init = (void *)sto_write_beyond,
	.name = "vs_write_beyond",
};
