/* A global function's context argument must be the context as the program
 * got it: a moved one is refused at the call (check_func_arg_reg_off). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__noinline int skb_len(struct __sk_buff *skb)
{
	return skb->len;
}

SEC("tc")
int gf_moved_ctx(struct __sk_buff *skb)
{
	return skb_len(skb + 1);
}

char LICENSE[] SEC("license") = "GPL";
