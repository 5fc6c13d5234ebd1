/* Linux 6.12's numbers iterator, written as libbpf 1.1 programs must
 * (declaring the kfuncs): the loop's sum, a read of the element, and a
 * program that forgets to destroy its iterator (an unreleased reference).
 * 6.1 has no such kfunc: libbpf poisons the calls of these weak externs,
 * and the walk refuses the first it reaches ("kfunc 'bpf_iter_num_new' is
 * referenced but wasn't resolved"), unless bpf_ksym_exists() guards it. A
 * misaligned iterator is refused twice over on 6.12 (the offset, then
 * "expected uninitialized iter_num"). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct bpf_iter_num {
	__u64 __opaque[1];
} __attribute__((aligned(8)));

extern int bpf_iter_num_new(struct bpf_iter_num *it, int start, int end) __ksym __weak;
extern int *bpf_iter_num_next(struct bpf_iter_num *it) __ksym __weak;
extern void bpf_iter_num_destroy(struct bpf_iter_num *it) __ksym __weak;

__u64 sum;

SEC("socket")
int it_num_sum(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	__u64 s = 0;
	int *v;

	bpf_iter_num_new(&it, 0, 100);
	while ((v = bpf_iter_num_next(&it)))
		s += *v;
	bpf_iter_num_destroy(&it);
	sum = s;
	return 0;
}

SEC("socket")
int it_num_index(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	__u8 buf[16] = {};
	__u64 s = 0;
	int *v;

	bpf_iter_num_new(&it, 0, 16);
	/* the element is any int to the verifier: an unchecked index */
	while ((v = bpf_iter_num_next(&it)))
		s += buf[*v];
	bpf_iter_num_destroy(&it);
	return s;
}

SEC("socket")
int it_num_leak(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v;

	bpf_iter_num_new(&it, 0, 3);
	v = bpf_iter_num_next(&it);
	return v ? *v : 0;
}

SEC("socket")
int it_num_guarded(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, n = 0;

	/* a kernel without the kfunc never reaches its poisoned call */
	if (!bpf_ksym_exists(bpf_iter_num_new))
		return 0;
	bpf_iter_num_new(&it, 0, 4);
	while ((v = bpf_iter_num_next(&it)))
		n++;
	bpf_iter_num_destroy(&it);
	return n;
}

char LICENSE[] SEC("license") = "GPL";

/* an iterator's slots must be whole stack slots: the offset's refusal,
 * then (6.12) what bpf_iter_num_new expected */
SEC("socket")
int it_num_misaligned(struct __sk_buff *skb)
{
	__u64 buf[3] = {};
	struct bpf_iter_num *it = (void *)((char *)buf + 4);
	int *v;

	bpf_iter_num_new(it, 0, 3);
	v = bpf_iter_num_next(it);
	bpf_iter_num_destroy(it);
	return v ? *v : 0;
}

/* ... and at a constant offset: 6.12's own words for it, then the same */
SEC("socket")
int it_num_varoff(struct __sk_buff *skb)
{
	struct bpf_iter_num its[2];
	struct bpf_iter_num *it = &its[skb->len & 1];
	int *v;

	bpf_iter_num_new(it, 0, 3);
	v = bpf_iter_num_next(it);
	bpf_iter_num_destroy(it);
	return v ? *v : 0;
}

/* an iterator's bytes read through a variable offset: a privileged program
 * may read uninitialised stack that way, never an iterator's state (6.12:
 * "invalid read from stack R1 var_off ..."; 6.1 stops at the poisoned call) */
SEC("socket")
int it_num_peek(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	volatile __u8 *p = (volatile __u8 *)&it;
	__u8 b;

	bpf_iter_num_new(&it, 0, 3);
	/* hides the iterator's alignment, which lets clang write the sum
	 * as |= (refused on a pointer) */
	asm volatile("" : "+r"(p));
	b = p[skb->len & 7];
	bpf_iter_num_destroy(&it);
	return b;
}
