/* Objects the program allocates (bpf_obj_new, Linux 6.2+) and the lists
 * that own them. 6.1 has none of these kfuncs: every program here fails to
 * load there (libbpf cannot resolve them). On 6.12: a new object is the
 * program's reference until it is dropped or pushed on a list; a list head
 * is used only under the bpf_spin_lock of its allocation; a pushed object
 * is a non-owning reference until the unlock; a popped node is the
 * program's again. And the project's story once more: a bpf_loop callback
 * may not hand its caller's object to a list (the callback does not own
 * that reference). */
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
extern int bpf_list_push_front_impl(struct bpf_list_head *head, struct bpf_list_node *node,
				    void *meta, __u64 off) __ksym;
extern int bpf_list_push_back_impl(struct bpf_list_head *head, struct bpf_list_node *node,
				   void *meta, __u64 off) __ksym;
extern struct bpf_list_node *bpf_list_pop_front(struct bpf_list_head *head) __ksym;

#define new(type) ((type *)bpf_obj_new_impl(bpf_core_type_id_local(type), NULL))
#define drop(p) bpf_obj_drop_impl(p, NULL)
#define push_front(h, n) bpf_list_push_front_impl(h, n, NULL, 0)
#define push_back(h, n) bpf_list_push_back_impl(h, n, NULL, 0)

struct item {
	long value;
	struct bpf_list_node node;
};

private(A) struct bpf_spin_lock lock;
private(A) struct bpf_list_head head __contains(item, node);

SEC("tc")
int obj_new_drop(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	it->value = skb->len;
	drop(it);
	return 0;
}

SEC("tc")
int obj_leak(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	it->value = 1;
	return 0;
}

SEC("tc")
int obj_no_null_check(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	it->value = 1;
	drop(it);
	return 0;
}

SEC("tc")
int obj_node_touched(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	*(long *)&it->node = 0;
	drop(it);
	return 0;
}

SEC("tc")
int list_push_pop(struct __sk_buff *skb)
{
	struct bpf_list_node *n;
	struct item *it = new(struct item);

	if (!it)
		return 0;
	it->value = skb->len;
	bpf_spin_lock(&lock);
	push_back(&head, &it->node);
	n = bpf_list_pop_front(&head);
	bpf_spin_unlock(&lock);
	if (!n)
		return 0;
	it = container_of(n, struct item, node);
	skb->mark = it->value;
	drop(it);
	return 0;
}

SEC("tc")
int list_push_without_lock(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	push_front(&head, &it->node);
	return 0;
}

SEC("tc")
int list_use_after_unlock(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	bpf_spin_lock(&lock);
	push_front(&head, &it->node);
	it->value = 2;
	bpf_spin_unlock(&lock);
	return it->value;
}

SEC("tc")
int list_pop_leak(struct __sk_buff *skb)
{
	struct bpf_list_node *n;

	bpf_spin_lock(&lock);
	n = bpf_list_pop_front(&head);
	bpf_spin_unlock(&lock);
	return n != NULL;
}

SEC("tc")
int list_call_under_lock(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	bpf_spin_lock(&lock);
	push_front(&head, &it->node);
	bpf_spin_unlock(&lock);
	bpf_spin_lock(&lock);
	bpf_get_prandom_u32();
	bpf_spin_unlock(&lock);
	return 0;
}

static int push_cb(__u32 i, void *ctx)
{
	struct item **pp = ctx;
	struct item *it = *pp;

	if (!it)
		return 1;
	bpf_spin_lock(&lock);
	push_front(&head, &it->node);
	bpf_spin_unlock(&lock);
	return 1;
}

SEC("tc")
int callback_pushes_callers_object(struct __sk_buff *skb)
{
	struct item *it = new(struct item);

	if (!it)
		return 0;
	bpf_loop(1, push_cb, &it, 0);
	return 0;
}
