/* A pointer read through a union of more than one member is untrusted to
 * 6.12 (btf_struct_walk): nexthop's nh_info shares a union with nh_grp,
 * so 6.12 logs untrusted_ptr_nh_info where 6.1 logs ptr_nh_info. The
 * program then returns 2, which an iterator may not, so that the failing
 * path (and the pointer's type) is in the level-1 log. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 out;

SEC("iter/ipv6_route")
int un_union_untrusted(struct bpf_iter__ipv6_route *ctx)
{
	struct fib6_info *rt = ctx->rt;
	struct nexthop *nh;

	if (!rt)
		return 0;
	nh = rt->nh;
	if (nh) {
		struct nh_info *ni = nh->nh_info;

		out = ni->family;
		return 2;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
