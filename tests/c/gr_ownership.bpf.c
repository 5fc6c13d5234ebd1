/* Ownership cycles among the program's own types (Linux 6.12.95,
 * btf_check_and_fixup_fields() when the kernel loads the object's BTF): a
 * type that is both a graph node and a graph root may only own types that
 * are not roots themselves, so no chain of lists and rbtrees can own its
 * own head. `self_list` owns itself: the kernel refuses the whole BTF
 * (ELOOP), libbpf goes on without it, and every map of the object loses
 * its value type. 6.1 has no allocated objects and no such check; there
 * the lock program loads, and the bpf_obj_new program fails as on any 6.1. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char _license[] SEC("license") = "GPL";

#define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))

/* 6.1's vmlinux.h has none of the graph types: as 6.12 lays them out */
struct bpf_list_head {
	__u64 __opaque[2];
} __attribute__((aligned(8)));
struct bpf_list_node {
	__u64 __opaque[3];
} __attribute__((aligned(8)));

extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;

struct self_list {
	struct bpf_list_node node;
	struct bpf_spin_lock lock;
	struct bpf_list_head head __contains(self_list, node);
};

struct locked {
	struct bpf_spin_lock lock;
	int x;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct locked);
} locks SEC(".maps");

SEC("tc")
int cycle_obj_new(struct __sk_buff *skb)
{
	struct self_list *s = bpf_obj_new_impl(bpf_core_type_id_local(struct self_list), NULL);

	if (!s)
		return 0;
	bpf_obj_drop_impl(s, NULL);
	return 0;
}

SEC("tc")
int cycle_bystander_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct locked *v = bpf_map_lookup_elem(&locks, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	v->x++;
	bpf_spin_unlock(&v->lock);
	return 0;
}
