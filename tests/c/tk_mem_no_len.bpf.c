/* Without the __sz suffix the length is a plain scalar and void * is no memory: "arg#0 pointer type UNKNOWN  must point to scalar, or struct with scalar" on 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "test_kfuncs.h"

SEC("tc")
int tk_mem_no_len(struct __sk_buff *skb)
{
	char buf[16] = {}; bpf_kfunc_call_test_mem_len_fail1(buf, sizeof(buf)); return 0;
}

char LICENSE[] SEC("license") = "GPL";
