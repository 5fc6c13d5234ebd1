/* A BPF congestion control (struct_ops, tcp_congestion_ops), as the
 * kernel's bpf_cubic/bpf_dctcp selftests write one: each program is a
 * member, its context that member's arguments; `struct sock *` reads as
 * `struct tcp_sock *` (6.12: trusted); the congestion fields may be
 * written, icsk_ca_priv anywhere in it. Accepted on 6.1 and 6.12. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

#define SOL_TCP 6
#define TCP_CONGESTION 13

struct ca { __u32 cnt; __u32 last; };

SEC("struct_ops/sto_init")
void BPF_PROG(sto_init, struct sock *sk)
{
	struct tcp_sock *tp = (struct tcp_sock *)sk;
	struct ca *ca = (struct ca *)((struct inet_connection_sock *)sk)->icsk_ca_priv;

	ca->cnt = 0;
	ca->last = 0;
	tp->snd_ssthresh = 0x7fffffff;
}

SEC("struct_ops/sto_ssthresh")
__u32 BPF_PROG(sto_ssthresh, struct sock *sk)
{
	const struct tcp_sock *tp = (struct tcp_sock *)sk;

	return tp->snd_cwnd > 4 ? tp->snd_cwnd >> 1 : 2;
}

SEC("struct_ops/sto_cong_avoid")
void BPF_PROG(sto_cong_avoid, struct sock *sk, __u32 ack, __u32 acked)
{
	struct tcp_sock *tp = (struct tcp_sock *)sk;
	struct ca *ca = (struct ca *)((struct inet_connection_sock *)sk)->icsk_ca_priv;

	if (tp->snd_cwnd < tp->snd_ssthresh) {
		tp->snd_cwnd += acked;
		return;
	}
	ca->cnt += acked;
	if (ca->cnt >= tp->snd_cwnd) {
		ca->cnt = 0;
		tp->snd_cwnd_cnt = 0;
		tp->snd_cwnd++;
	}
}

SEC("struct_ops/sto_undo_cwnd")
__u32 BPF_PROG(sto_undo_cwnd, struct sock *sk)
{
	const struct tcp_sock *tp = (struct tcp_sock *)sk;

	return tp->snd_cwnd > tp->prior_cwnd ? tp->snd_cwnd : tp->prior_cwnd;
}

SEC("struct_ops/sto_cwnd_event")
void BPF_PROG(sto_cwnd_event, struct sock *sk, enum tcp_ca_event ev)
{
	struct tcp_sock *tp = (struct tcp_sock *)sk;

	if (ev == CA_EVENT_ECN_IS_CE)
		bpf_tcp_send_ack(tp, tp->rcv_nxt);
	tp->ecn_flags = 0;
}

SEC("struct_ops/sto_pkts_acked")
void BPF_PROG(sto_pkts_acked, struct sock *sk, const struct ack_sample *sample)
{
	struct ca *ca = (struct ca *)((struct inet_connection_sock *)sk)->icsk_ca_priv;

	if (sample->rtt_us > 0)
		ca->last = sample->rtt_us;
}

SEC("struct_ops/sto_set_state")
void BPF_PROG(sto_set_state, struct sock *sk, __u8 new_state)
{
	char cc[8] = "reno";

	if (new_state == TCP_CA_Loss)
		bpf_setsockopt(sk, SOL_TCP, TCP_CONGESTION, cc, sizeof(cc));
}

SEC(".struct_ops")
struct tcp_congestion_ops sto_ca = {
	.init = (void *)sto_init,
	.ssthresh = (void *)sto_ssthresh,
	.cong_avoid = (void *)sto_cong_avoid,
	.undo_cwnd = (void *)sto_undo_cwnd,
	.cwnd_event = (void *)sto_cwnd_event,
	.pkts_acked = (void *)sto_pkts_acked,
	.set_state = (void *)sto_set_state,
	.name = "vs_sto_ca",
};
