/* A callback must be a static function: check_ld_imm() refuses the
 * address of a global one ("callback function not static") when the walk
 * reaches it. A global function is verified on its own first (6.1:
 * before main), so one whose arguments 6.1 cannot type (void *) fails
 * there first on 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char _license[] SEC("license") = "GPL";

__noinline long global_cb_u64(u32 idx, u64 *ctx)
{
	return 0;
}

__noinline long global_cb_void(u32 idx, void *ctx)
{
	return 0;
}

static long static_cb(u32 idx, void *ctx)
{
	return 0;
}

SEC("tc")
int loop_global_cb(struct __sk_buff *skb)
{
	u64 n = 0;

	bpf_loop(4, global_cb_u64, &n, 0);
	return 0;
}

SEC("tc")
int loop_global_void_cb(struct __sk_buff *skb)
{
	bpf_loop(4, global_cb_void, NULL, 0);
	return 0;
}

SEC("tc")
int loop_static_cb(struct __sk_buff *skb)
{
	bpf_loop(4, static_cb, NULL, 0);
	return 0;
}
