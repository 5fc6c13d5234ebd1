/* struct_ops bpf_dummy_ops: the congestion kfuncs are registered for every struct_ops program, but want a socket */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";


extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;

SEC("struct_ops/test_2")
int BPF_PROG(sd_kfunc_tcp, struct bpf_dummy_ops_state *state, int a1, unsigned short a2,
	     char a3, unsigned long a4)
{
	return tcp_reno_undo_cwnd((struct sock *)state);
}

SEC(".struct_ops")
struct bpf_dummy_ops sd_kfunc_tcp_ops = {
	.test_2 = (void *)sd_kfunc_tcp,
};
