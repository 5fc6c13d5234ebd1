/* An object whose BTF the kernel refuses (a static flag clang shrank to one
 * byte, see btf_datasec_shrunk.bpf.c) and that passes a callback to
 * bpf_loop: libbpf loads the program without BTF, so without func_info,
 * and check_ld_imm() refuses the callback's address ("missing btf
 * func_info"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

static __u32 happened = 0;

static long cb(u32 idx, void *ctx)
{
	return 0;
}

SEC("tc")
int callback_without_func_info(struct __sk_buff *skb)
{
	if (happened)
		return 0;
	happened = 1;
	bpf_loop(4, cb, NULL, 0);
	return 1;
}
