/* Red-black trees of objects the program allocates (bpf_obj_new,
 * bpf_rbtree_add/first/remove, Linux 6.3+). 6.1 has none of these kfuncs:
 * every program here fails to load there. On 6.12, a node added to the
 * tree, the tree's first node and the nodes the `less` callback is given
 * are non-owning references: usable until the unlock, and trusted —
 * is_trusted_reg() counts MEM_ALLOC and NON_OWN_REF as trusted, so
 * reg_not_null() holds once the NULL check is done and a second check of
 * the same pointer is decided, not walked both ways (the `processed`
 * count shows it). Inside `less` the tree's lock is held: any other call,
 * bpf_rcu_read_lock included, is refused before the rbtree callback's own
 * rcu check could see it. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

char _license[] SEC("license") = "GPL";

#define __contains(name, node) __attribute__((btf_decl_tag("contains:" #name ":" #node)))
#define private(name) SEC(".bss." #name) __hidden __attribute__((aligned(8)))

/* 6.1's vmlinux.h has none of the graph types: as 6.12 lays them out */
struct bpf_rb_root {
	__u64 __opaque[2];
} __attribute__((aligned(8)));
struct bpf_rb_node {
	__u64 __opaque[4];
} __attribute__((aligned(8)));

extern void *bpf_obj_new_impl(__u64 local_type_id, void *meta) __ksym;
extern void bpf_obj_drop_impl(void *kptr, void *meta) __ksym;
extern int bpf_rbtree_add_impl(struct bpf_rb_root *root, struct bpf_rb_node *node,
			       bool (less)(struct bpf_rb_node *a, const struct bpf_rb_node *b),
			       void *meta, __u64 off) __ksym;
extern struct bpf_rb_node *bpf_rbtree_first(struct bpf_rb_root *root) __ksym;
extern struct bpf_rb_node *bpf_rbtree_remove(struct bpf_rb_root *root,
					     struct bpf_rb_node *node) __ksym;
extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;

#define new(type) ((type *)bpf_obj_new_impl(bpf_core_type_id_local(type), NULL))
#define drop(p) bpf_obj_drop_impl(p, NULL)
#define rb_add(r, n, less) bpf_rbtree_add_impl(r, n, less, NULL, 0)

struct rbitem {
	long key;
	struct bpf_rb_node rb;
};

private(T) struct bpf_spin_lock glock;
private(T) struct bpf_rb_root groot __contains(rbitem, rb);

static bool less(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	struct rbitem *x = container_of(a, struct rbitem, rb);
	struct rbitem *y = container_of(b, struct rbitem, rb);

	return x->key < y->key;
}

/* the nodes `less` is given are non-owning, so trusted: both NULL checks
 * are decided */
static bool less_checked(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	struct rbitem *x, *y;

	if (!a || !b)
		return false;
	x = container_of(a, struct rbitem, rb);
	y = container_of(b, struct rbitem, rb);
	return x->key < y->key;
}

static bool less_rcu(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return a < b;
}

SEC("tc")
int rb_add_first_remove(struct __sk_buff *skb)
{
	struct bpf_rb_node *f;
	struct rbitem *n = new(struct rbitem);

	if (!n)
		return 0;
	n->key = skb->len;
	bpf_spin_lock(&glock);
	rb_add(&groot, &n->rb, less);
	f = bpf_rbtree_first(&groot);
	if (!f) {
		bpf_spin_unlock(&glock);
		return 0;
	}
	f = bpf_rbtree_remove(&groot, f);
	bpf_spin_unlock(&glock);
	if (!f)
		return 0;
	n = container_of(f, struct rbitem, rb);
	skb->mark = n->key;
	drop(n);
	return 0;
}

SEC("tc")
int rb_first_checked_twice(struct __sk_buff *skb)
{
	struct bpf_rb_node *f;
	long key = 0;

	bpf_spin_lock(&glock);
	f = bpf_rbtree_first(&groot);
	if (!f) {
		bpf_spin_unlock(&glock);
		return 0;
	}
	barrier_var(f);
	if (f)
		key = container_of(f, struct rbitem, rb)->key;
	else
		key = skb->len;
	bpf_spin_unlock(&glock);
	return key;
}

SEC("tc")
int rb_added_node_checked(struct __sk_buff *skb)
{
	struct rbitem *n = new(struct rbitem);

	if (!n)
		return 0;
	bpf_spin_lock(&glock);
	rb_add(&groot, &n->rb, less);
	barrier_var(n);
	if (n)
		n->key = 3;
	else
		skb->mark = 1;
	bpf_spin_unlock(&glock);
	return 0;
}

SEC("tc")
int rb_less_checks_null(struct __sk_buff *skb)
{
	struct rbitem *n = new(struct rbitem);

	if (!n)
		return 0;
	n->key = skb->len;
	bpf_spin_lock(&glock);
	rb_add(&groot, &n->rb, less_checked);
	bpf_spin_unlock(&glock);
	return 0;
}

SEC("tc")
int rb_less_takes_rcu_lock(struct __sk_buff *skb)
{
	struct rbitem *n = new(struct rbitem);

	if (!n)
		return 0;
	bpf_spin_lock(&glock);
	rb_add(&groot, &n->rb, less_rcu);
	bpf_spin_unlock(&glock);
	return 0;
}

SEC("tc")
int rb_first_after_unlock(struct __sk_buff *skb)
{
	struct bpf_rb_node *f;

	bpf_spin_lock(&glock);
	f = bpf_rbtree_first(&groot);
	bpf_spin_unlock(&glock);
	if (!f)
		return 0;
	return container_of(f, struct rbitem, rb)->key;
}
