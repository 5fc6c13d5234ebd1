/* A map of 2^30 entries: `__uint(max_entries, 1 << 30)` is a pointer to
 * int[1 << 30], whose size overflows a u32, so the kernel refuses the
 * object's BTF (btf_array_resolve(): "Array size overflows U32_MAX").
 * libbpf warns ("BTF loading error: -22") and loads without BTF: the bloom
 * filter is created, and the program is verified without func info, which
 * a callback needs ("missing btf func_info"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 1 << 30);
	__uint(value_size, 4);
} huge_bloom SEC(".maps");

static long cb(__u32 i, void *ctx)
{
	return 0;
}

SEC("socket")
int huge_map_plain(struct __sk_buff *skb)
{
	__u32 v = skb->len;

	return bpf_map_peek_elem(&huge_bloom, &v) == 0;
}

SEC("socket")
int huge_map_callback(struct __sk_buff *skb)
{
	bpf_loop(4, cb, 0, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
