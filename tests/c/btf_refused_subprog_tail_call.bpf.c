/* An object whose BTF the kernel refuses (a static flag clang shrank to one
 * byte, see btf_datasec_shrunk.bpf.c), with a tail call in a subprogram:
 * libbpf loads the program without func_info, and check_btf_func()'s
 * check_abnormal_return() refuses a subprogram that may end the program
 * ("tail_call is not allowed in subprogs without BTF"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

static __u32 happened = 0;

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u32);
} jmp SEC(".maps");

static __noinline int tail(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp, 0);
	return 0;
}

SEC("tc")
int subprog_tail_call_without_func_info(struct __sk_buff *skb)
{
	if (happened)
		return 0;
	happened = 1;
	return tail(skb);
}
