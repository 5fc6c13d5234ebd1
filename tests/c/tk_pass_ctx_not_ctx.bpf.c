/* A parameter typed as the program's context (struct __sk_buff *) takes only the context: a stack pointer is "arg#0 expected pointer to ctx, but got PTR" on 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_pass_ctx_not_ctx(struct __sk_buff *skb)
{
	char buf[8] = {}; bpf_kfunc_call_test_pass_ctx((void *)buf); return 0;
}

char LICENSE[] SEC("license") = "GPL";
