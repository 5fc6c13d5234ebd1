/* A congestion control kfunc called from a kprobe: the set is registered
 * for struct_ops programs only ("calling kernel function tcp_slow_start is
 * not allowed", EACCES), on 6.1 and 6.12. */
#define __TARGET_ARCH_x86
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
char LICENSE[] SEC("license") = "GPL";

extern __u32 tcp_slow_start(struct tcp_sock *tp, __u32 acked) __ksym;

SEC("kprobe/tcp_ack")
int BPF_KPROBE(stk_kprobe, struct sock *sk)
{
	return tcp_slow_start((struct tcp_sock *)sk, 1);
}
