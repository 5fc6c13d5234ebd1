/* bpf_get_func_arg_cnt, bpf_get_func_arg and bpf_get_func_ret from fentry
 * and fexit programs (their trampoline keeps the arguments). Accepted. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 seen[4];

SEC("fentry/do_nanosleep")
int BPF_PROG(fa_entry)
{
	__u64 cnt = bpf_get_func_arg_cnt(ctx), a = 0;

	if (bpf_get_func_arg(ctx, 0, &a) == 0)
		seen[0] = a;
	seen[1] = cnt;
	return 0;
}

SEC("fexit/do_nanosleep")
int BPF_PROG(fa_exit)
{
	__u64 ret = 0;

	if (bpf_get_func_ret(ctx, &ret) == 0)
		seen[2] = ret;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
