/* A constant-bound loop over a map value array that breaks when it finds a match.
 * Accepted: each iteration's index is a known constant below 8. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct table {
	__u32 keys[8];
	__u32 hits[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct table);
} lsb_tbl SEC(".maps");

SEC("xdp")
int loop_search_break(struct xdp_md *ctx)
{
	__u32 zero = 0, want = ctx->ingress_ifindex;
	struct table *t = bpf_map_lookup_elem(&lsb_tbl, &zero);
	int i;

	if (!t)
		return XDP_PASS;
#pragma clang loop unroll(disable)
	for (i = 0; i < 8; i++) {
		if (t->keys[i] == want) {
			t->hits[i]++;
			break;
		}
	}
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
