/* A global function that returns void: 6.1 refuses it when it verifies
 * the function on its own, first; 6.12 verifies main first and refuses
 * the call (btf_check_func_arg_match sorts the callee's arguments first:
 * "Caller passes invalid args into func#1 ('gv_touch')"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) void gv_touch(struct __sk_buff *skb)
{
	skb->mark = 1;
}

SEC("tc")
int gv_void_global(struct __sk_buff *skb)
{
	gv_touch(skb);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
