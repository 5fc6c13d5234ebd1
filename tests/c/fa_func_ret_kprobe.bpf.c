/* bpf_get_func_ret needs a trampoline: a kprobe has none, so the helper is
 * unknown to it. Rejected by both kernels. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("kprobe/do_nanosleep")
int fa_func_ret_kprobe(struct pt_regs *ctx)
{
	__u64 ret = 0;

	return bpf_get_func_ret(ctx, &ret) ? 0 : 0;
}

char LICENSE[] SEC("license") = "GPL";
