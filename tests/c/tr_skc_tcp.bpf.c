/* fentry/tcp_close: bpf_skc_to_tcp_sock(sk) returns the kernel's struct
 * tcp_sock or NULL; after the check its srtt_us is read directly (the
 * cilium/ebpf tcprtt example's pattern). Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

u32 srtt;

SEC("fentry/tcp_close")
int BPF_PROG(tr_skc_tcp, struct sock *sk)
{
	struct tcp_sock *ts = bpf_skc_to_tcp_sock(sk);

	if (!ts)
		return 0;
	srtt = ts->srtt_us >> 3;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
