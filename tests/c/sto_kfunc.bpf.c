/* struct_ops: a congestion control calling the kernel's own TCP helpers,
 * the kfuncs of net/ipv4/bpf_tcp_ca.c (tcp_slow_start, tcp_cong_avoid_ai,
 * tcp_reno_*), found in each kernel's BTF; a struct sock * argument takes
 * the tcp_sock it starts. Accepted on 6.1 and 6.12. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

extern __u32 tcp_slow_start(struct tcp_sock *tp, __u32 acked) __ksym;
extern void tcp_cong_avoid_ai(struct tcp_sock *tp, __u32 w, __u32 acked) __ksym;
extern __u32 tcp_reno_ssthresh(struct sock *sk) __ksym;
extern __u32 tcp_reno_undo_cwnd(struct sock *sk) __ksym;
extern void tcp_reno_cong_avoid(struct sock *sk, __u32 ack, __u32 acked) __ksym;

SEC("struct_ops/stk_cong_avoid")
void BPF_PROG(stk_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	struct tcp_sock *tp = (struct tcp_sock *)sk;

	if (tp->snd_cwnd < tp->snd_ssthresh) {
		acked = tcp_slow_start(tp, acked);
		if (!acked)
			return;
	}
	tcp_cong_avoid_ai(tp, tp->snd_cwnd, acked);
}

SEC("struct_ops/stk_ssthresh")
__u32 BPF_PROG(stk_ssthresh, struct sock *sk)
{
	return tcp_reno_ssthresh(sk);
}

SEC("struct_ops/stk_undo_cwnd")
__u32 BPF_PROG(stk_undo_cwnd, struct sock *sk)
{
	return tcp_reno_undo_cwnd(sk);
}

SEC("struct_ops/stk_reno")
void BPF_PROG(stk_reno, struct sock *sk, __u32 ack, __u32 acked)
{
	tcp_reno_cong_avoid(sk, ack, acked);
}

SEC(".struct_ops")
struct tcp_congestion_ops stk_ca = {
	.cong_avoid = (void *)stk_cong_avoid,
	.ssthresh = (void *)stk_ssthresh,
	.undo_cwnd = (void *)stk_undo_cwnd,
	.name = "vs_stk",
};

SEC(".struct_ops")
struct tcp_congestion_ops stk_reno_ca = {
	.cong_avoid = (void *)stk_reno,
	.ssthresh = (void *)stk_ssthresh,
	.undo_cwnd = (void *)stk_undo_cwnd,
	.name = "vs_stk_reno",
};
