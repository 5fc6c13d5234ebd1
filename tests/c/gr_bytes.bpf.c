/* A map value with a bpf_list_head (and the bpf_spin_lock 6.12 requires
 * beside it), in an object that calls no kfunc, so that both kernels load
 * it. Linux 6.1 knows no list heads: the head is 16 bytes like any others,
 * which a program may read and write, and a tracing program may use the
 * map as far as its lock allows ("tracing progs cannot use bpf_spin_lock
 * yet"). Linux 6.12 finds the head in the value's btf_record: its bytes
 * cannot be accessed directly, nor handed to a helper, and tracing
 * programs cannot use the map at all. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char _license[] SEC("license") = "GPL";

#define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))

struct bpf_list_head {
	__u64 __opaque[2];
} __attribute__((aligned(8)));
struct bpf_list_node {
	__u64 __opaque[3];
} __attribute__((aligned(8)));

struct item {
	long v;
	struct bpf_list_node node;
};

struct holder {
	struct bpf_spin_lock lock;
	struct bpf_list_head head __contains(item, node);
	long count;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct holder);
} holders SEC(".maps");

SEC("tc")
int gb_read_head(struct __sk_buff *skb)
{
	int k = 0;
	struct holder *h = bpf_map_lookup_elem(&holders, &k);

	if (!h)
		return 0;
	return *(volatile long *)&h->head;
}

SEC("tc")
int gb_count(struct __sk_buff *skb)
{
	int k = 0;
	struct holder *h = bpf_map_lookup_elem(&holders, &k);

	if (!h)
		return 0;
	bpf_spin_lock(&h->lock);
	h->count++;
	bpf_spin_unlock(&h->lock);
	return 0;
}

SEC("tc")
int gb_head_to_helper(struct __sk_buff *skb)
{
	int k = 0;
	struct holder *h = bpf_map_lookup_elem(&holders, &k);

	if (!h)
		return 0;
	bpf_skb_load_bytes(skb, 0, &h->head, 8);
	return 0;
}

SEC("kprobe/do_nanosleep")
int gb_kprobe(void *ctx)
{
	int k = 0;
	struct holder *h = bpf_map_lookup_elem(&holders, &k);

	/* the list's element type, named so that the object's BTF has it
	 * (6.12 looks the head's "contains:" type up there) */
	return h ? bpf_core_type_id_local(struct item) : 0;
}
