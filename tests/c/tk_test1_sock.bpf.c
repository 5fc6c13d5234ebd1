/* bpf_kfunc_call_test1 takes a struct sock *: a full socket (bpf_sk_fullsock, PTR_TO_SOCKET, a kernel struct sock through reg2btf_ids) is accepted by 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_test1_sock(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk; if (!sk) return 0; sk = bpf_sk_fullsock(sk); if (!sk) return 0; return bpf_kfunc_call_test1((struct sock *)sk, 1, 2, 3, 4);
}

char LICENSE[] SEC("license") = "GPL";
