/* struct_ops: a congestion control writing snd_cwnd through an untrusted
 * tcp_sock (bpf_rdonly_cast, 6.2+). Linux 6.12.95 hands the write to
 * bpf_tcp_ca_btf_struct_access(), which allows it: accepted (later 6.12
 * releases refuse writes through untrusted pointers first); Linux 6.1 has
 * no bpf_rdonly_cast: libbpf leaves the weak kfunc unresolved. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
char LICENSE[] SEC("license") = "GPL";


SEC("struct_ops/stu_cong_avoid")
void BPF_PROG(stu_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	struct tcp_sock *tp = bpf_rdonly_cast(sk, bpf_core_type_id_kernel(struct tcp_sock));

	tp->snd_cwnd = 10;
}

SEC(".struct_ops")
struct tcp_congestion_ops stu_ca = {
	.cong_avoid = (void *)stu_cong_avoid,
	.name = "vs_stu_ca",
};
