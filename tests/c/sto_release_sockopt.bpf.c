/* struct_ops: release may not call bpf_setsockopt (bpf_tcp_ca_get_func_proto): 6.1 "unknown func", 6.12 "program of this type cannot use helper". */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

SEC("struct_ops/sto_release_sockopt")
void BPF_PROG(sto_release_sockopt, struct sock *sk)
{
	int one = 1;

	bpf_setsockopt(sk, 6, 1, &one, sizeof(one));
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_release_sockopt_ops = {
	.release = (void *)sto_release_sockopt,
	.name = "vs_release_sockopt",
};
