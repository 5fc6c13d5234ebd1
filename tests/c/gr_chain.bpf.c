/* The ownership chain 6.12.95 allows (btf_check_and_fixup_fields()): a
 * global list of `mid` objects, each a node and itself the root of a list
 * of `leaf` objects, which own nothing. The object's BTF loads, and a
 * program may allocate a `mid` and drop it (compare gr_ownership, whose
 * type owns itself). 6.1 has no allocated objects: nothing here loads. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char _license[] SEC("license") = "GPL";

#define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))
#define private(name) SEC(".bss." #name) __hidden __attribute__((aligned(8)))

/* 6.1's vmlinux.h has none of the graph types: as 6.12 lays them out */
struct bpf_list_head {
	__u64 __opaque[2];
} __attribute__((aligned(8)));
struct bpf_list_node {
	__u64 __opaque[3];
} __attribute__((aligned(8)));

extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;

struct leaf {
	long v;
	struct bpf_list_node node;
};

struct mid {
	struct bpf_list_node node;
	struct bpf_spin_lock lock;
	struct bpf_list_head leaves __contains(leaf, node);
};

private(C) struct bpf_spin_lock glock;
private(C) struct bpf_list_head mids __contains(mid, node);

SEC("tc")
int chain_obj_new(struct __sk_buff *skb)
{
	struct mid *m = bpf_obj_new_impl(bpf_core_type_id_local(struct mid), NULL);

	if (!m)
		return 0;
	bpf_obj_drop_impl(m, NULL);
	return 0;
}

/* (also what puts `struct leaf` in the object's BTF: a type named only in
 * a decl tag is not emitted, and the kernel would refuse the BTF for the
 * missing type, ENOENT) */
SEC("tc")
int chain_leaf_new(struct __sk_buff *skb)
{
	struct leaf *l = bpf_obj_new_impl(bpf_core_type_id_local(struct leaf), NULL);

	if (!l)
		return 0;
	l->v = skb->len;
	bpf_obj_drop_impl(l, NULL);
	return 0;
}
