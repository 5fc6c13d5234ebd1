/* A memory and length pair (mem__sz) must lie in the memory: 32 bytes of a 16-byte stack buffer are refused ("arg#0 arg#1 memory, len pair leads to invalid memory access", after the access's own line) by 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_mem_len_stack_oob(struct __sk_buff *skb)
{
	char buf[16] = {}; volatile int n = 32; bpf_kfunc_call_test_mem_len_pass1(buf, n & 63); return 0;
}

char LICENSE[] SEC("license") = "GPL";
